"""A question with a lone UTF-16 surrogate is still kept, and shows in `explain-error gaps`.

"\\ud800" is valid JSON (a client that cut an emoji in half sends it) but no
UTF-8 text: the record of such a question used to fail to be written and was
lost, logged as a warning. The scrubber (bot/storage/scrub.py) turns it into
U+FFFD, the replacement character, and keeps the rest of the question as asked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from tests.support.bot_server import REPO, conversation_id, post

REPLACEMENT = "\ufffd"


def _gaps_json(env: dict) -> dict:
    full = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    full.update(env)
    done = subprocess.run([sys.executable, "-m", "catalog.cli", "gaps", "--json"], cwd=REPO, env=full,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _raw_activity(sink, conversation: str, text_json: str) -> bytes:
    """An activity whose text is given as JSON source, so escapes reach the server as sent."""
    return ('{"type": "message", "id": "%s", "channelId": "webchat", "conversation": {"id": "%s"},'
            ' "serviceUrl": "%s", "from": {"id": "u"}, "recipient": {"id": "b"}, "text": "%s"}'
            % (conversation_id(), conversation, sink.url, text_json)).encode()


def test_a_question_with_lone_surrogates_is_recorded_with_replacement_characters(start_bot, sink, tmp_path):
    env = {"BOT_DATA_DIR": str(tmp_path)}
    bot = start_bot(env=env)
    conv = conversation_id()
    # A cut emoji at each end, and a whole one (an escaped pair) in the middle, which stays.
    sent = _raw_activity(sink, conv, "\\ud83d my toaster \\ud83d\\ude00 shows error E-17 \\udc00")
    assert post(bot, None, raw=sent).status_code == 200
    sink.wait_for(1, conv)  # the bot answered (it has no entry for toasters)

    deadline = time.monotonic() + 15  # the bot writes its records within its flush interval (1 s)
    report = _gaps_json(env)
    while report["unanswered"] == 0 and time.monotonic() < deadline:
        time.sleep(0.2)
        report = _gaps_json(env)
    assert report["unanswered"] == 1
    [cluster] = report["clusters"]
    assert cluster["question"] == f"{REPLACEMENT} my toaster \U0001F600 shows error E-17 {REPLACEMENT}"
    assert "could not be written" not in bot.log()
