"""A private cloud on loopback: the login endpoint the bot gets its own token from, and the channel's signing keys.

``LoginEndpoint(mode=...)`` serves, over HTTPS with a self-signed certificate
(MSAL accepts only https authorities; the bot trusts the certificate through
REQUESTS_CA_BUNDLE, as an operator would trust a private CA):

* the login endpoint MSAL talks to: ``/{tenant}/v2.0/.well-known/openid-configuration``
  and ``POST /{tenant}/oauth2/v2.0/token``. ``mode`` says how it answers:
  ``"token"`` (a token valid for ``lifetime`` seconds), ``"hang"`` (accepts and never
  answers), ``"error"`` (400 invalid_client). ``token_requests`` counts the token POSTs,
  ``tokens`` lists the tokens handed out and ``issued_at`` when (``time.monotonic()``).
  ``hold()`` makes later token requests wait until ``release()``, and
  ``wait_for_token_requests(n)`` waits (with a deadline) until n have arrived: a test
  can catch the bot in the middle of a renewal without guessing how long it takes;
* the channel side: OpenID metadata and a JWKS, so ``channel_token(service_url)``
  signs a token the bot accepts for an incoming activity.

``bot_env()`` is the environment that points a bot at all of it (app id,
password, the four private-cloud settings, ValidateAuthority=0, the CA bundle).
Started in a background thread on a free port; ``stop()`` ends it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import json
import ssl
import tempfile
import threading
import time
import uuid
from pathlib import Path

import jwt
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from .bot_server import free_port

APP_ID = "5e1f0a6c-0000-4000-8000-00000000b07f"
ISSUER = "https://issuer.private-cloud.test"
SCOPE = "https://api.private-cloud.test"
TENANT = "private-tenant"


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "login.crt", directory / "login.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class LoginEndpoint:
    def __init__(self, mode: str = "token", lifetime: int = 3600):
        self.mode = mode
        self.lifetime = lifetime
        self.token_requests = 0
        self.login_requests = 0
        self.tokens: list[str] = []
        self.issued_at: list[float] = []
        self._arrived = threading.Condition()
        self._open = None  # an asyncio.Event on the loop, cleared by hold(): token requests wait for it
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self._dir = tempfile.TemporaryDirectory(prefix="login-endpoint-")
        self.ca_bundle, key_path = _self_signed(Path(self._dir.name))
        self._ssl = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._ssl.load_cert_chain(self.ca_bundle, key_path)
        self.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.signing_key.public_key()))
        jwk.update({"kid": "channel-key", "use": "sig", "alg": "RS256", "endorsements": ["emulator", "msteams"]})
        self._jwks = {"keys": [jwk]}
        app = web.Application()
        app.router.add_get("/channel/metadata", self._metadata)
        app.router.add_get("/channel/keys", self._keys)
        app.router.add_get(f"/{TENANT}/v2.0/.well-known/openid-configuration", self._openid_configuration)
        app.router.add_post(f"/{TENANT}/oauth2/v2.0/token", self._token)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="login-endpoint", daemon=True)
        self._release = None  # set on the loop: hung requests wait for it

    # ------------------------------------------------------------ lifecycle

    def start(self) -> "LoginEndpoint":
        async def _start():
            self._release = asyncio.Event()
            self._open = asyncio.Event()
            self._open.set()
            await self._runner.setup()
            await web.TCPSite(self._runner, "127.0.0.1", self.port, ssl_context=self._ssl).start()

        self._thread.start()
        asyncio.run_coroutine_threadsafe(_start(), self._loop).result(30)
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._release.set)
        self._loop.call_soon_threadsafe(self._open.set)
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._dir.cleanup()

    def bot_env(self) -> dict[str, str]:
        return {
            "MicrosoftAppId": APP_ID,
            "MicrosoftAppPassword": "not-a-real-secret",
            "ToBotFromChannelOpenIdMetadataUrl": self.url + "/channel/metadata",
            "ToBotFromChannelTokenIssuer": ISSUER,
            "ToChannelFromBotLoginUrl": f"{self.url}/{TENANT}",
            "ToChannelFromBotOAuthScope": SCOPE,
            "ValidateAuthority": "0",
            "REQUESTS_CA_BUNDLE": str(self.ca_bundle),
            "NO_PROXY": "127.0.0.1,localhost",
        }

    def hold(self) -> None:
        """From now on token requests get no answer until release()."""
        self._on_loop(self._open.clear)

    def release(self) -> None:
        """Answer the held token requests (and every later one) at once."""
        self._on_loop(self._open.set)

    def _on_loop(self, action) -> None:
        async def run():
            action()

        asyncio.run_coroutine_threadsafe(run(), self._loop).result(10)

    def wait_for_token_requests(self, n: int, timeout: float = 30.0) -> None:
        """Return once n token requests have arrived; fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while self.token_requests < n:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {n} token requests, got {self.token_requests}")
                self._arrived.wait(left)

    def channel_token(self, service_url: str, minutes: int = 30) -> str:
        """A token the channel would send with an activity (signed with the keys served here)."""
        now = dt.datetime.now(dt.timezone.utc)
        claims = {"iss": ISSUER, "aud": APP_ID, "serviceurl": service_url,
                  "nbf": now - dt.timedelta(minutes=1), "exp": now + dt.timedelta(minutes=minutes)}
        return jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": "channel-key"})

    # ------------------------------------------------------------ handlers

    async def _metadata(self, request: web.Request) -> web.Response:
        return web.json_response({"issuer": ISSUER, "jwks_uri": self.url + "/channel/keys"})

    async def _keys(self, request: web.Request) -> web.Response:
        return web.json_response(self._jwks)

    async def _openid_configuration(self, request: web.Request) -> web.Response:
        self.login_requests += 1
        if self.mode == "hang":
            await self._release.wait()
        base = f"{self.url}/{TENANT}"
        return web.json_response({
            "token_endpoint": base + "/oauth2/v2.0/token",
            "authorization_endpoint": base + "/oauth2/v2.0/authorize",
            "issuer": base + "/v2.0",
        })

    async def _token(self, request: web.Request) -> web.Response:
        await request.read()
        self.login_requests += 1
        with self._arrived:
            self.token_requests += 1
            self._arrived.notify_all()
        if self.mode == "hang":
            await self._release.wait()
        await self._open.wait()
        if self.mode == "error":
            return web.json_response({"error": "invalid_client", "error_description": "refused on purpose"}, status=400)
        now = int(time.time())
        token = jwt.encode({"aud": SCOPE, "iat": now, "exp": now + self.lifetime, "jti": uuid.uuid4().hex},
                           "login-endpoint-secret-for-tests-only-0123456789", algorithm="HS256")
        self.tokens.append(token)
        self.issued_at.append(time.monotonic())
        return web.json_response({"token_type": "Bearer", "expires_in": self.lifetime, "access_token": token})
