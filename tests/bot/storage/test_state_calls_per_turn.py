"""How many times a turn touches Blob Storage: only when the conversation's state can change the answer or must change.

Each read or write of a conversation's state is a billed Blob transaction and
most of a Blob turn's cost. The bot decides a question first without the
conversation's last product; a question that names a product, is a paste or
is another product's error gets the same answer whatever came before, so the
state is read only to remember a new product, and not at all when the answer
has none. A bare follow-up ("and 3101?") still reads it, and stays in the
product. Counted on the real store (Azurite) through a counting wrapper.
"""

from __future__ import annotations

import pytest

from bot.config import BotConfig
from bot.storage.factory import state_storage
from bot.web.app import create_app
from tests.support.azurite import azurite_or_skip
from tests.support.bot_server import conversation_id
from tests.support.counting_store import CountedStore
from tests.support.storage_turns import answered_source, ask


@pytest.fixture(scope="module")
def azurite():
    with azurite_or_skip() as blob:
        yield blob


@pytest.fixture
def counted(azurite, serve_app, tmp_path):
    """(a bot keeping its state on Azurite, the counting store it keeps it through)."""
    config = BotConfig.from_env({**azurite.bot_env(), "BOT_DATA_DIR": str(tmp_path)})
    store = CountedStore(state_storage(config.storage))
    app = create_app(config, storage=store)
    app.on_cleanup.append(lambda _app: store.close())
    return serve_app(app), store


def calls_for(store: CountedStore, turn) -> tuple[int, int]:
    """(reads, writes) of the state store during one turn."""
    before = store.counts()
    turn()
    after = store.counts()
    return after[0] - before[0], after[1] - before[1]


@pytest.mark.parametrize("question", [
    "sms 99999",                                  # a product named, a code it does not have
    "twilio error 30003",                         # another product's error
    'System.Exception: {"code": 404}\n   at Foo.Bar()',  # a paste, answered by nothing of ours
])
def test_a_question_whose_answer_no_context_can_change_and_that_has_no_product_costs_no_state_call(
        counted, sink, question):
    bot, store = counted
    conv = conversation_id()
    assert answered_source(ask(bot, sink, "what is subcode 3112", conv)) == "acs-call-end"
    assert calls_for(store, lambda: ask(bot, sink, question, conv)) == (0, 0)
    # and the conversation's product is still there for the next follow-up
    assert answered_source(ask(bot, sink, "and 3101?", conv)) == "acs-call-end"


def test_a_question_naming_a_product_reads_the_state_only_to_remember_that_product(counted, sink):
    bot, store = counted
    conv = conversation_id()
    assert calls_for(store, lambda: ask(bot, sink, "bot returns 405", conv)) == (1, 1)  # new: written
    assert calls_for(store, lambda: ask(bot, sink, "bot returns 405", conv)) == (1, 0)  # unchanged: not
    assert calls_for(store, lambda: ask(bot, sink, "sms 4007", conv)) == (1, 1)  # another product


def test_a_follow_up_reads_the_state_once_and_stays_in_the_product(counted, sink):
    bot, store = counted
    conv = conversation_id()
    ask(bot, sink, "what is subcode 3112", conv)
    replies = []
    assert calls_for(store, lambda: replies.append(ask(bot, sink, "and 3101?", conv))) == (1, 0)
    assert answered_source(replies[0]) == "acs-call-end"


def test_a_new_conversation_reads_its_missing_state_once_a_turn(counted, sink):
    # The SDK's ConversationState reads again while the state is empty: once for the
    # follow-up context and once more to remember the product, two Blob calls for nothing.
    bot, store = counted
    assert calls_for(store, lambda: ask(bot, sink, "what is subcode 3112", conversation_id())) == (1, 1)
