"""The hostile-request corpus (hostile_requests.toml) against the real server.

Each case is one request a broken client, a fuzzer or a forger might send.
Whatever it is, the server owes every client the same things: no 5xx (but
501 for an invoke it does not implement, the Bot Framework's own answer), an
error as application/problem+json carrying the correlation id, an invoke
response for every invoke, no crashed turn (no apology posted, no traceback
logged), and a normal question answered right afterwards. Each case also says
which status it must get.

Requests go out over a plain socket, byte for byte as the case describes them:
HTTP client libraries refuse to send most of what is interesting here (a NUL
in a header, two framings at once, a 20 KB header).
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import socket
import time
import tomllib
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from tests.support.bot_server import BotProcess, activity, adaptive_cards, conversation_id
from tests.support.signing_keys import APP_ID, EMULATOR_ISSUER, ISSUER, KeyServer

# One case signs HS256 with the app password, a short key on purpose.
pytestmark = pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")

CORPUS = tomllib.loads(Path(__file__).with_name("hostile_requests.toml").read_text(encoding="utf-8"))["case"]
APOLOGY = "something went wrong on my side"
CRASH_MARKS = ("Traceback", "turn failed", "unhandled error", "Error handling request")


# ---------------------------------------------------------------- the two servers


@pytest.fixture(scope="module")
def keys():
    k = KeyServer()
    yield k
    k.close()


@pytest.fixture(scope="module")
def open_bot():
    """Its own process (not the session's shared bot), so its log holds only this module's requests."""
    p = BotProcess().start()
    yield p
    p.stop()


@pytest.fixture(scope="module")
def secured_bot(keys):
    env = {**keys.env, "BOT_AUTH_TIMEOUT_SECONDS": "5"}
    p = BotProcess(env).start()
    yield p
    p.stop()


# ---------------------------------------------------------------- building a case's request


def _expand(value, conv: str, service_url: str):
    """Fill the corpus' placeholders: $CONVERSATION, $SERVICE_URL, $PADn, $COMBININGn, $DEEPn, $ATTACHMENTSn."""
    if isinstance(value, dict):
        return {k: _expand(v, conv, service_url) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, conv, service_url) for v in value]
    if not isinstance(value, str) or "$" not in value:
        return value
    whole = re.fullmatch(r"\$ATTACHMENTS(\d+)", value)
    if whole:
        return [{"contentType": "text/plain", "content": ""} for _ in range(int(whole[1]))]
    value = value.replace("$CONVERSATION", conv).replace("$SERVICE_URL", service_url)
    value = re.sub(r"\$PAD(\d+)", lambda m: "x" * int(m[1]), value)
    value = re.sub(r"\$COMBINING(\d+)", lambda m: "\u0301" * int(m[1]), value)
    value = re.sub(r"\$DEEP(\d+)", lambda m: "[" * int(m[1]) + "]" * int(m[1]), value)
    return value


def _activity(case: dict, sink, conv: str) -> dict:
    act = activity(sink, "what is 404", conv)
    if case.get("pad_text"):
        act["text"] = "what is 404 " + "x" * case["pad_text"]
    act.update(_expand(case.get("activity", {}), conv, sink.url))
    for name in case.get("drop", []):
        act.pop(name, None)
    return act


def _token(spec: dict, keys: KeyServer, service_url: str) -> str:
    """A bearer token as the case describes it; by default one the secured bot accepts."""
    now = datetime.now(timezone.utc)
    claims = {"iss": ISSUER, "aud": APP_ID, "serviceurl": service_url,
              "nbf": now - timedelta(minutes=1), "exp": now + timedelta(minutes=30)}
    for name, value in spec.get("claims", {}).items():
        if isinstance(value, str) and re.fullmatch(r"[+-]\d+", value):
            value = now + timedelta(minutes=int(value))
        elif isinstance(value, str):
            value = value.replace("$APP_ID", APP_ID).replace("$EMULATOR_ISSUER", EMULATOR_ISSUER)
        claims[name] = value
    for name in spec.get("omit", []):
        claims.pop(name, None)
    alg = spec.get("alg", "RS256")
    headers = {"kid": spec.get("kid", "test-key")} if spec.get("kid", "test-key") else {}
    key = {
        "trusted": keys.key,
        "public-pem": keys.key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
        "app-password": keys.env["MicrosoftAppPassword"],
    }[spec.get("key", "trusted")]
    if alg == "none":
        # PyJWT will not write alg none; it is three base64 parts, the last empty.
        import base64

        def part(obj) -> str:
            raw = json.dumps(obj, default=lambda d: int(d.timestamp())).encode()
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

        return f"{part({'alg': 'none', 'typ': 'JWT', **headers})}.{part(claims)}."
    if alg == "HS256" and isinstance(key, bytes):
        # PyJWT refuses a PEM key as an HMAC secret (the very attack); sign by hand.
        import base64
        import hashlib
        import hmac

        def b64(raw: bytes) -> str:
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

        head = b64(json.dumps({"alg": "HS256", "typ": "JWT", **headers}).encode())
        body = b64(json.dumps(claims, default=lambda d: int(d.timestamp())).encode())
        sig = b64(hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest())
        return f"{head}.{body}.{sig}"
    return jwt.encode(claims, key, algorithm=alg, headers=headers or None)


def _compress(kind: str, body: bytes, inflate_to: int | None) -> tuple[bytes, str]:
    if inflate_to:
        body = body + b" " * (inflate_to - len(body))
    whole = gzip.compress(body)
    return {
        "gzip": (whole, "gzip"),
        "gzip-two-members": (gzip.compress(body[:10]) + gzip.compress(body[10:]), "gzip"),
        "gzip-then-junk": (whole + b"junk after the member", "gzip"),
        "gzip-truncated": (whole[: len(whole) // 2], "gzip"),
        "gzip-garbage": (b"this is not gzip at all " * 4, "gzip"),
        "deflate-garbage": (b"\xff\xfe not deflate either" * 4, "deflate"),
        "br-garbage": (b"\x1b\x2f\x00\xa4 not brotli", "br"),
        "zstd-garbage": (b"\x28\xb5\x2f\xfd not zstd", "zstd"),
    }[kind]


def build_request(case: dict, sink, conv: str, server: BotProcess, keys: KeyServer | None) -> bytes:
    """The request bytes for one case."""
    if "raw_request" in case:
        return case["raw_request"].replace("$PORT", str(server.port)).encode("latin-1")
    if "raw" in case:
        body = _expand(case["raw"], conv, sink.url).encode("utf-8", "surrogatepass")
    elif "raw_bytes" in case:
        body = _expand(case["raw_bytes"], conv, sink.url).encode("latin-1")
    else:
        act = _activity(case, sink, conv)
        body = json.dumps(act, ensure_ascii=False).encode(case.get("charset", "utf-8"), "surrogatepass")
    headers = {"Host": f"127.0.0.1:{server.port}", "Content-Type": "application/json", "Connection": "close"}
    if "compress" in case:
        body, coding = _compress(case["compress"], body, case.get("inflate_to"))
        headers["Content-Encoding"] = coding
    headers.update(case.get("headers", {}))
    if "token" in case:
        assert keys is not None
        headers["Authorization"] = f"{case['token'].get('scheme', 'Bearer')} {_token(case['token'], keys, sink.url)}"
    if "big_header" in case:
        big = case["big_header"]
        headers[big["name"]] = big["prefix"] + "A" * (big["bytes"] - len(big["prefix"]))
    for i in range(case.get("header_count", 0)):
        headers[f"X-Pad-{i}"] = "x"
    headers["Content-Length"] = str(len(body))
    path = _expand(case.get("path", "/api/messages"), conv, sink.url)
    head = f"{case.get('method', 'POST')} {path} HTTP/1.1\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items() if v != "")
    return head.encode("latin-1") + b"\r\n" + body


class Answer:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)


def send(server: BotProcess, request: bytes, timeout: float = 30.0) -> Answer:
    """Send the bytes; read the one response (a server may answer before it has read everything)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass  # answered and closed early (413, 431): the answer is still there to read
        resp = http.client.HTTPResponse(sock)
        resp.begin()
        return Answer(resp.status, resp.headers, resp.read())


def _normal_question(server: BotProcess, sink, keys: KeyServer | None, secured: bool) -> None:
    """A question any client might send right after: it is answered with cards."""
    conv = conversation_id()
    act = activity(sink, "what is subcode 3112", conv, deliveryMode="expectReplies")
    headers = {"Host": f"127.0.0.1:{server.port}", "Content-Type": "application/json", "Connection": "close"}
    if secured:
        headers["Authorization"] = f"Bearer {keys.token(sink.url)}"
    body = json.dumps(act).encode()
    headers["Content-Length"] = str(len(body))
    head = "POST /api/messages HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    answer = send(server, head.encode() + b"\r\n" + body)
    assert answer.status == 200, answer.body[:500]
    assert "3112" in json.dumps(adaptive_cards(answer.json()["activities"][0]))


def _new_log(server: BotProcess, since: int, wait: float = 0.2) -> str:
    time.sleep(wait)  # the server writes its log line after the response
    return server.log()[since:]


def _is_invoke(case: dict) -> bool:
    return case.get("activity", {}).get("type") == "invoke"


# ---------------------------------------------------------------- the test


def test_the_corpus_is_big_and_every_case_says_why():
    names = [c["name"] for c in CORPUS]
    assert len(CORPUS) >= 60
    assert len(names) == len(set(names)), "case names must be unique"
    for case in CORPUS:
        assert case.get("why") and "expect" in case, case["name"]


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_hostile_request(case, request, sink):
    secured = case.get("server", "open") == "secured"
    server = request.getfixturevalue("secured_bot" if secured else "open_bot")
    keys = request.getfixturevalue("keys") if secured else None
    conv = conversation_id()
    log_from = len(server.log())

    answer = send(server, build_request(case, sink, conv, server, keys))

    expected = case["expect"] if isinstance(case["expect"], list) else [case["expect"]]
    assert answer.status in expected, f"{case['why']}: got {answer.status} {answer.body[:300]!r}"
    assert answer.status < 500 or (answer.status == 501 and _is_invoke(case)), answer.body[:300]
    if answer.status >= 400:
        assert answer.headers.get("Content-Type", "").startswith("application/problem+json"), \
            f"{answer.status} {answer.headers.get('Content-Type')}: {answer.body[:200]!r}"
        problem = answer.json()
        assert problem["status"] == answer.status
        assert problem["correlationId"] == answer.headers["x-correlation-id"]

    log = _new_log(server, log_from)
    assert not [mark for mark in CRASH_MARKS if mark in log], log
    if case.get("reply_contains"):
        replies = sink.wait_for(1, conv)
        assert case["reply_contains"] in (replies[0].get("text") or ""), replies[0]
    posted = sink.settle(conv, quiet=0.15)
    assert not [r for r in posted if APOLOGY in (r.get("text") or "")], "the turn crashed: " + str(posted)
    if answer.status >= 400:
        assert posted == [], "a refused request must not be answered"

    _normal_question(server, sink, keys, secured)
