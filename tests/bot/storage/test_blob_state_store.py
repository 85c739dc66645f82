"""The Blob state store on its own, against Azurite: what it reads and writes, and that the SDK's BlobStorage agrees.

bot/sdk/blob_state.py reads and writes each conversation's blob with one HTTP
call through the storage client's pipeline instead of BlobStorage's per-call
BlobClient and downloader. These tests hold it to BlobStorage's contract:
the same blob for a key, the same contents, the same ETag rules, so state
written by either reads back in the other.
"""

from __future__ import annotations

import asyncio
import uuid

import pytest
from botbuilder.azure import BlobStorage, BlobStorageSettings

from bot.sdk.blob_state import BlobStateStorage
from bot.storage.errors import StateConflict, StorageUnavailable
from tests.support.azurite import azurite_or_skip

# A Teams channel conversation id: colons, an at sign, a semicolon and an equals sign.
TEAMS_KEY = "msteams/conversations/19:abc123@thread.tacv2;messageid=1700000000000"


@pytest.fixture(scope="module")
def azurite():
    with azurite_or_skip() as blob:
        yield blob


@pytest.fixture
def container():
    return "s-" + uuid.uuid4().hex[:12]


def run(coro):
    return asyncio.run(coro)


def ours(azurite, container) -> BlobStateStorage:
    return BlobStateStorage(azurite.connection_string, container, timeout_seconds=2)


def test_a_conversation_never_written_has_no_state_even_before_the_container_exists(azurite, container):
    async def go():
        store = ours(azurite, container)
        try:
            return await store.read(["emulator/conversations/new"])
        finally:
            await store.close()

    assert run(go()) == {}


def test_what_is_written_reads_back_with_the_etag_the_next_write_must_match(azurite, container):
    async def go():
        store = ours(azurite, container)
        try:
            await store.write({TEAMS_KEY: {"last_source": "acs-call-end"}})
            first = (await store.read([TEAMS_KEY]))[TEAMS_KEY]
            assert first["last_source"] == "acs-call-end" and first["e_tag"]
            await store.write({TEAMS_KEY: {**first, "last_source": "bot-service"}})
            second = (await store.read([TEAMS_KEY]))[TEAMS_KEY]
            assert second["last_source"] == "bot-service" and second["e_tag"] != first["e_tag"]
            with pytest.raises(StateConflict):  # written over a version another turn replaced
                await store.write({TEAMS_KEY: {**first, "last_source": "acs-sms-api"}})
            with pytest.raises(StateConflict):  # a first write when another instance wrote first
                await store.write({TEAMS_KEY: {"last_source": "acs-sms-api"}})
            await store.write({TEAMS_KEY: {"last_source": "acs-chat", "e_tag": "*"}})  # "*": overwrite
            return (await store.read([TEAMS_KEY]))[TEAMS_KEY]["last_source"]
        finally:
            await store.close()

    assert run(go()) == "acs-chat"


def test_state_written_by_the_sdks_blob_storage_reads_back_here_and_the_other_way_round(azurite, container):
    async def go():
        sdk = BlobStorage(BlobStorageSettings(container_name=container, connection_string=azurite.connection_string))
        store = ours(azurite, container)
        try:
            await sdk.write({TEAMS_KEY: {"last_source": "acs-call-end", "pair": (3112, 0)}})
            here = (await store.read([TEAMS_KEY]))[TEAMS_KEY]
            there = (await sdk.read([TEAMS_KEY]))[TEAMS_KEY]
            assert here == there  # the same dict, the ETag included, and jsonpickle's tuple a tuple
            assert here["pair"] == (3112, 0)
            await store.write({TEAMS_KEY: {**here, "last_source": "bot-service"}})
            return (await sdk.read([TEAMS_KEY]))[TEAMS_KEY]
        finally:
            await store.close()

    back = run(go())
    assert back["last_source"] == "bot-service" and back["pair"] == (3112, 0)


def test_a_container_deleted_under_the_bot_is_created_again_by_the_next_write(azurite, container):
    async def go():
        store = ours(azurite, container)
        try:
            await store.write({"emulator/conversations/c1": {"last_source": "acs-call-end"}})
            await store._container.delete_container()
            assert await store.read(["emulator/conversations/c1"]) == {}
            await store.write({"emulator/conversations/c1": {"last_source": "bot-service"}})
            return (await store.read(["emulator/conversations/c1"]))["emulator/conversations/c1"]["last_source"]
        finally:
            await store.close()

    assert run(go()) == "bot-service"


def test_a_store_that_cannot_be_reached_is_unavailable_not_empty():
    async def go():
        with azurite_or_skip() as blob:
            store = BlobStateStorage(blob.connection_string, "gone", timeout_seconds=1)
            try:
                blob.stop()
                with pytest.raises(StorageUnavailable):
                    await store.read(["emulator/conversations/c1"])
                with pytest.raises(StorageUnavailable):
                    await store.write({"emulator/conversations/c1": {"last_source": "bot-service"}})
            finally:
                await store.close()

    run(go())
