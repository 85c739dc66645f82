"""The bot with APPLICATIONINSIGHTS_CONNECTION_STRING set, as App Service runs it, sending to a fake Azure Monitor.

`python -m bot` runs as a process with a connection string whose IngestionEndpoint
(and LiveEndpoint) is an aiohttp server on loopback that accepts what the Azure
Monitor exporter posts and answers like the real service (tests/support/fake_ingestion.py).
The exporter batches, so the test stops the bot the way App Service does (SIGTERM);
the process flushes its telemetry on the way out, and only then is the fake's inbox read.
"""

from __future__ import annotations

import uuid

import requests

from tests.support.fake_ingestion import QUIET_EXPORTER_ENV, FakeIngestion, connection_string

SECRET = "wombat" + uuid.uuid4().hex[:8]


def message(sink, conversation: str, text: str | None = None, **fields) -> dict:
    body = {
        "type": "message", "id": uuid.uuid4().hex, "channelId": "webchat", "serviceUrl": sink.url,
        "conversation": {"id": conversation}, "from": {"id": "user-1"}, "recipient": {"id": "bot-1"},
    }
    if text is not None:
        body["text"] = text
    return body | fields


def feedback_button(reply: dict, helpful: bool) -> dict:
    found = []

    def walk(node):
        if isinstance(node, dict):
            data = node.get("data")
            if node.get("type") == "Action.Submit" and isinstance(data, dict) and data.get("action") == "feedback":
                found.append(data)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(reply.get("attachments"))
    return next(d for d in found if d.get("helpful") is helpful)


def test_a_turn_reaches_azure_monitor_as_a_dependency_of_its_request_with_metrics(start_bot, serve_app, sink):
    fake = FakeIngestion()
    ingestion = serve_app(fake.app)
    bot = start_bot(env={"APPLICATIONINSIGHTS_CONNECTION_STRING": connection_string(ingestion.url)} | QUIET_EXPORTER_ENV)
    conversation = "conv-" + uuid.uuid4().hex[:8]
    assert requests.post(bot.url + "/api/messages", json=message(sink, conversation, f"what is subcode 3112 ({SECRET})"),
                         timeout=30).status_code == 200
    answer = sink.wait_for(1, conversation)[0]
    click = message(sink, conversation, value=feedback_button(answer, helpful=True))
    assert requests.post(bot.url + "/api/messages", json=click, timeout=30).status_code == 200
    sink.wait_for_updates(1, conversation)  # the verdict replaces the buttons on the answer card

    bot.proc.terminate()  # SIGTERM, as App Service stops an instance
    assert bot.proc.wait(30) == 0, bot.log()

    requests_ = [r for r in fake.of("RequestData") if r["name"] == "POST /api/messages"]
    assert [r["responseCode"] for r in requests_] == ["200", "200"], bot.log()
    turns = [d for d in fake.of("RemoteDependencyData") if d["name"] == "bot.turn"]
    assert len(turns) == 2, bot.log()
    asked, clicked = sorted(turns, key=lambda d: "bot.feedback" in d["properties"])
    assert asked["type"] == "InProc" and asked["success"] is True
    assert asked["properties"] | {"bot.turn.latency_ms": "-"} == {
        "bot.channel": "webchat", "bot.activity.type": "message", "bot.decision": "answer",
        "bot.answer.source": "acs-call-end", "bot.answer.code": "410", "bot.answer.subcode": "3112",
        "bot.answer.count": "1", "bot.answer_cache.hit": "False", "bot.turn.latency_ms": "-",
    }
    assert clicked["properties"]["bot.feedback"] == "helpful"
    # each turn is inside its HTTP request: same operation, the request is its parent
    request_ids = {r["id"]: r["tags"]["ai.operation.id"] for r in requests_}
    for turn in turns:
        assert request_ids[turn["tags"]["ai.operation.parentId"]] == turn["tags"]["ai.operation.id"]
    # the health probes that waited for the start are not requests worth recording
    assert not [r for r in fake.of("RequestData") if "healthz" in r["name"] or "healthz" in r.get("url", "")]

    assert sum(v for p, v in fake.metric("bot.turns")) == 2
    assert [(p["bot.decision"], v) for p, v in fake.metric("bot.decisions")] == [("answer", 1)]
    assert [(p["bot.feedback"], v) for p, v in fake.metric("bot.feedback")] == [("helpful", 1)]

    # and nothing the user typed left the process, in any item the exporter sent
    assert fake.bodies and not [b for b in fake.bodies if SECRET.encode() in b]
    assert not fake.of("MessageData"), "log records are not exported (they may quote a question)"


def test_a_malformed_connection_string_stops_the_bot_before_it_listens():
    """A typo in the setting is an operator's error to see at once, not a bot that silently sends nothing."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if not k.startswith(("Microsoft", "APPLICATIONINSIGHTS"))}
    env |= {"APPLICATIONINSIGHTS_CONNECTION_STRING": "InstrumentationKey=not-a-key", "PORT": "9",
            "APPLICATIONINSIGHTS_STATSBEAT_DISABLED_ALL": "true"}
    done = subprocess.run([sys.executable, "-m", "bot"], env=env, cwd=Path(__file__).resolve().parents[3],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert ("error-explainer: APPLICATIONINSIGHTS_CONNECTION_STRING is not usable: "
            "InstrumentationKey 'not-a-key' is not a GUID") in done.stderr
