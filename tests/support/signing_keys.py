"""Signing keys served on loopback, so the SDK's token validation runs for real in tests.

The public cloud's signing keys (login.botframework.com) are out of reach, so
a bot under test is configured as a private cloud (the SDK's ToBotFromChannel*
settings) and as an Emulator whose OpenID metadata (ToBotFromEmulatorOpenIdMetadataUrl)
both point here. The SDK then checks signature, issuer, audience, serviceUrl
claim, expiry and endorsements against the one RSA key served here.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.support.bot_server import free_port

APP_ID = "00000000-1111-2222-3333-444444444444"
ISSUER = "https://issuer.private-cloud.test"
# One of the issuers the SDK takes for the Bot Framework Emulator (v3.1, 1.0 tokens).
EMULATOR_ISSUER = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"


class KeyServer:
    """Serves OpenID metadata and a JWKS with one RSA key; signs tokens with it. `.env` configures a bot to trust it."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": "test-key", "use": "sig", "alg": "RS256", "endorsements": ["emulator", "msteams"]})
        self.port = free_port()
        base = f"http://127.0.0.1:{self.port}"
        docs = {
            "/metadata": {"issuer": ISSUER, "jwks_uri": base + "/keys"},
            "/keys": {"keys": [jwk]},
        }

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                doc = docs.get(self.path)
                body = json.dumps(doc).encode() if doc else b"{}"
                self.send_response(200 if doc else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.env = {
            "MicrosoftAppId": APP_ID,
            "MicrosoftAppPassword": "not-a-real-secret",
            "ToBotFromChannelOpenIdMetadataUrl": base + "/metadata",
            "ToBotFromChannelTokenIssuer": ISSUER,
            "ToBotFromEmulatorOpenIdMetadataUrl": base + "/metadata",
            "ToChannelFromBotLoginUrl": base + "/login",
            "ToChannelFromBotOAuthScope": "https://api.private-cloud.test",
            "NO_PROXY": "127.0.0.1,localhost",
        }

    def token(self, service_url: str, *, audience: str = APP_ID, key=None, issuer: str = ISSUER, minutes: int = 30) -> str:
        now = datetime.now(timezone.utc)
        claims = {"iss": issuer, "aud": audience, "serviceurl": service_url,
                  "nbf": now - timedelta(minutes=1), "exp": now + timedelta(minutes=minutes)}
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": "test-key"})

    def close(self):
        self.server.shutdown()
        self.server.server_close()
