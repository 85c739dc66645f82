"""/api/messages and /healthz as an HTTP client sees them: status codes, problem+json, no 500s."""

from __future__ import annotations

import json
import socket
import time

import pytest
import requests

from tests.support.bot_server import activity, adaptive_cards, conversation_id, post

PROBLEM_FIELDS = {"type", "title", "status", "detail", "correlationId"}


def assert_problem(resp: requests.Response, status: int) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    body = resp.json()
    assert PROBLEM_FIELDS <= set(body), body
    assert body["status"] == status
    assert body["detail"] and body["title"]
    assert body["correlationId"] == resp.headers["x-correlation-id"]
    return body


def test_healthz_reports_status_catalog_and_version(bot):
    resp = requests.get(bot.url + "/healthz", timeout=5)
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "ok"
    assert body["catalog"]["entries"] > 100
    assert body["version"]


def test_a_message_is_answered_with_200_and_a_reply_at_the_sink(bot, sink):
    conv = conversation_id()
    resp = post(bot, activity(sink, "what is subcode 3112", conv))
    assert resp.status_code == 200
    reply = sink.wait_for(1, conv)[0]
    assert reply["conversation"]["id"] == conv
    assert adaptive_cards(reply)


def test_reply_goes_to_the_activity_it_answers(bot, sink):
    conv = conversation_id()
    act = activity(sink, "sms 4007", conv)
    post(bot, act)
    sink.wait_for(1, conv)
    record = [r for r in sink.replies if r["conversation"] == conv][0]
    assert record["reply_to"] == act["id"]
    assert record["activity"]["replyToId"] == act["id"]


def test_malformed_json_is_400(bot):
    body = assert_problem(post(bot, None, raw=b'{"type": "message", '), 400)
    assert "JSON" in body["detail"]


def test_body_that_is_not_utf8_is_400(bot):
    assert_problem(post(bot, None, raw=b'{"type": "\xff\xfe"}'), 400)


@pytest.mark.parametrize("depth", [900, 1010, 5000])
def test_deeply_nested_json_is_answered_not_a_500(bot, depth):
    # 5000 levels are past what any parser here reads (json.loads: RecursionError); 1010 orjson
    # reads and json.loads may not; 900 both read, deeper than anything walks afterwards.
    nested = b"[" * depth + b"]" * depth
    raw = b'{"type": "message", "channelId": "test", "conversation": {"id": "deep"}, "deliveryMode": "expectReplies", ' \
          b'"text": "what is 404", "value": ' + nested + b"}"
    resp = post(bot, None, raw=raw)
    if depth > 1000:
        assert "nested too deeply" in assert_problem(resp, 400)["detail"]
    else:
        assert resp.status_code < 500, resp.text


def test_json_that_is_not_an_object_is_400(bot):
    assert_problem(post(bot, None, raw=b'["type", "message"]'), 400)


def test_empty_body_is_400(bot):
    assert_problem(post(bot, None, raw=b""), 400)


def test_wrong_content_type_is_415(bot, sink):
    resp = post(bot, activity(sink, "hi"), headers={"Content-Type": "text/plain"})
    body = assert_problem(resp, 415)
    assert "text/plain" in body["detail"]


def test_missing_content_type_is_415(bot, sink):
    # requests adds no Content-Type for raw bytes unless told; send the bytes without one.
    data = json.dumps(activity(sink, "hi")).encode()
    resp = requests.post(bot.url + "/api/messages", data=data, timeout=10)
    assert "Content-Type" not in resp.request.headers
    assert_problem(resp, 415)


def test_json_with_charset_parameter_is_accepted(bot, sink):
    conv = conversation_id()
    resp = post(bot, activity(sink, "sms 4007", conv), headers={"Content-Type": "application/json; charset=utf-8"})
    assert resp.status_code == 200
    sink.wait_for(1, conv)


def test_oversized_body_is_413_and_no_reply(bot, sink):
    conv = conversation_id()
    act = activity(sink, "x" * (300 * 1024), conv)
    body = assert_problem(post(bot, act), 413)
    assert "262144" in body["detail"]
    time.sleep(0.3)
    assert sink.for_conversation(conv) == []


def test_a_compressed_body_is_measured_once_decompressed(bot, sink):
    # 300 KB of activity gzips to a few hundred bytes; the limit is on what the bot has to read.
    import gzip

    conv = conversation_id()
    raw = json.dumps(activity(sink, "x" * (300 * 1024), conv)).encode()
    resp = requests.post(bot.url + "/api/messages", data=gzip.compress(raw), timeout=10,
                         headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert assert_problem(resp, 413)["type"].endswith("payload-too-large")
    small = json.dumps(activity(sink, "what is subcode 3112", conv)).encode()
    resp = requests.post(bot.url + "/api/messages", data=gzip.compress(small), timeout=10,
                         headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    assert resp.status_code == 200
    assert sink.wait_for(1, conv)


def test_oversized_chunked_body_is_413(bot, sink):
    """No Content-Length: the server must stop reading at the limit, not buffer everything."""
    act = json.dumps(activity(sink, "y" * (400 * 1024))).encode()

    def chunks():
        for i in range(0, len(act), 16384):
            yield act[i : i + 16384]

    resp = requests.post(
        bot.url + "/api/messages", data=chunks(), headers={"Content-Type": "application/json"}, timeout=10
    )
    assert_problem(resp, 413)


def test_declared_oversized_length_is_refused_before_the_body_is_sent(bot):
    """413 comes back on the headers alone: the server does not wait for 10 MB that never arrive."""
    with socket.create_connection(("127.0.0.1", bot.port), timeout=5) as s:
        s.sendall(
            b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 10485760\r\n\r\n{"
        )
        s.settimeout(5)
        head = s.recv(4096).decode("latin-1")
    assert head.startswith("HTTP/1.1 413"), head
    assert "application/problem+json" in head


@pytest.mark.parametrize(
    "fields, missing",
    [
        ({"type": None}, "type"),
        ({"channelId": None}, "channelId"),
        ({"conversation": None}, "conversation.id"),
        ({"conversation": {"name": "no id"}}, "conversation.id"),
        ({"serviceUrl": None}, "serviceUrl"),
    ],
)
def test_activity_missing_required_fields_is_400(bot, sink, fields, missing):
    act = activity(sink, "hi")
    for k, v in fields.items():
        if v is None:
            act.pop(k)
        else:
            act[k] = v
    body = assert_problem(post(bot, act), 400)
    assert missing in body["detail"]


@pytest.mark.parametrize(
    "fields",
    [
        {"serviceUrl": "ftp://example.com/"},
        {"serviceUrl": "not a url"},
        {"text": 12345},
        {"from": "user-1"},
        {"conversation": "conv-1"},
        {"attachments": {"not": "a list"}},
        {"membersAdded": ["bob"]},
        {"type": ""},
    ],
)
def test_activity_with_wrong_field_types_is_400(bot, sink, fields):
    act = activity(sink, "hi")
    act.update(fields)
    assert_problem(post(bot, act), 400)


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_other_methods_are_405_with_allow_header(bot, method):
    resp = requests.request(method, bot.url + "/api/messages", timeout=5)
    assert_problem(resp, 405)
    assert resp.headers["Allow"] == "POST"


def test_unknown_path_is_404_problem(bot):
    assert_problem(requests.get(bot.url + "/nope", timeout=5), 404)


def test_caller_correlation_id_is_echoed(bot):
    resp = post(bot, None, raw=b"{", headers={"x-correlation-id": "ticket-42.a"})
    body = assert_problem(resp, 400)
    assert body["correlationId"] == "ticket-42.a"


def test_unsafe_caller_correlation_id_is_replaced(bot):
    resp = post(bot, None, raw=b"{", headers={"x-correlation-id": "a b\tc" + "z" * 200})
    body = assert_problem(resp, 400)
    assert body["correlationId"] != "a b\tc" + "z" * 200
    assert len(body["correlationId"]) <= 80


def test_correlation_id_is_in_the_servers_log_line(start_bot):
    server = start_bot()
    body = assert_problem(post(server, None, raw=b"not json"), 400)
    deadline = time.monotonic() + 5
    while body["correlationId"] not in server.log() and time.monotonic() < deadline:
        time.sleep(0.05)
    line = [ln for ln in server.log().splitlines() if body["correlationId"] in ln]
    assert line and "400" in line[0]


def test_expect_replies_returns_the_cards_in_the_body_and_posts_nothing(bot, sink):
    conv = conversation_id()
    act = activity(sink, "what is subcode 3112", conv, deliveryMode="expectReplies")
    resp = post(bot, act)
    assert resp.status_code == 200, resp.text
    assert resp.headers["Content-Type"].startswith("application/json")
    replies = resp.json()["activities"]
    messages = [r for r in replies if r["type"] == "message"]
    assert messages and adaptive_cards(messages[0])
    assert "3112" in json.dumps(adaptive_cards(messages[0]))
    time.sleep(0.3)
    assert sink.for_conversation(conv) == []


def test_expect_replies_with_a_lone_surrogate_in_the_question_is_valid_json(bot):
    # "\ud800" is valid JSON but no UTF-8 text: the replies quote the question back escaped.
    raw = ('{"type": "message", "channelId": "test", "conversation": {"id": "%s"}, "from": {"id": "u"},'
           ' "recipient": {"id": "b"}, "deliveryMode": "expectReplies", "text": "\\ud800 subcode 3112"}'
           % conversation_id())
    resp = post(bot, None, raw=raw.encode())
    assert resp.status_code == 200, resp.text
    assert resp.json()["activities"]


def test_expect_replies_needs_no_service_url(bot):
    act = activity(None, "bot returns 405", deliveryMode="expectReplies")
    act.pop("serviceUrl")
    resp = post(bot, act)
    assert resp.status_code == 200, resp.text
    assert adaptive_cards(resp.json()["activities"][0])


def test_unreachable_service_url_is_502_not_500(bot):
    # Port 9 (discard) on loopback: nothing listens, the connection is refused.
    resp = post(bot, activity(None, "sms 4007"))
    body = assert_problem(resp, 502)
    assert "serviceUrl" in body["detail"]


def test_channel_answering_with_an_error_is_502(bot, sink):
    conv = conversation_id()
    sink.fail_with = 503
    try:
        resp = post(bot, activity(sink, "sms 4007", conv))
    finally:
        sink.fail_with = None
    assert_problem(resp, 502)


def test_unhandled_invoke_is_problem_json_not_500(bot, sink):
    act = activity(sink, None, type="invoke", name="some/unknown")
    resp = post(bot, act)
    assert resp.status_code == 501
    assert resp.headers["Content-Type"].startswith("application/problem+json")


def test_other_activity_types_are_accepted_quietly(bot, sink):
    conv = conversation_id()
    for kind in ("typing", "event", "messageReaction", "endOfConversation", "installationUpdate"):
        resp = post(bot, activity(sink, None, conv, type=kind))
        assert resp.status_code == 200, (kind, resp.text)
    time.sleep(0.3)
    assert sink.for_conversation(conv) == []


# ---------------------------------------------------------------- fuzz: never a 500

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40))
_json = st.recursive(_json_leaf, lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=10), kids, max_size=4)), max_leaves=12)
_FIELDS = ["type", "channelId", "conversation", "serviceUrl", "text", "value", "from", "recipient", "id",
           "deliveryMode", "membersAdded", "attachments", "replyToId", "locale", "channelData", "name"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(overrides=st.dictionaries(
    st.sampled_from(_FIELDS),
    st.one_of(_json, st.sampled_from(["message", "conversationUpdate", "invoke", "event", "typing", "expectReplies",
                                      "normal", {"id": "x"}, [{"id": "u"}], {"action": "explain", "source": "acs-call-end"}])),
    max_size=5,
))
def test_no_activity_shape_gets_a_500(bot, sink, overrides):
    act = activity(sink, "what is 404")
    act.update(overrides)
    act["deliveryMode"] = overrides.get("deliveryMode", "expectReplies")  # keep replies off the sink
    resp = post(bot, act)
    assert resp.status_code < 500 or resp.status_code in (501, 502), resp.text
    if resp.status_code >= 400:
        assert resp.headers["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("answer", ["empty", "text"])
def test_channels_that_answer_without_a_resource_response_still_work(bot, sink, answer):
    """Offline Direct Line answers a posted reply with an empty 200; that is a delivered reply."""
    conv = conversation_id()
    sink.answer = answer
    try:
        resp = post(bot, activity(sink, "what is 404", conv))
    finally:
        sink.answer = "json"
    assert resp.status_code == 200, resp.text
    replies = sink.settle(conv)
    assert len(replies) == 1 and adaptive_cards(replies[0])
