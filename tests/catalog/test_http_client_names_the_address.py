"""A Python HTTP client's error names the address that answered: that service's error.

httpx says "Client error '403 Forbidden' for url 'https://...'", requests says
"403 Client Error: Forbidden for url: https://...". When the address is another
service's (a weather API, a CRM, some proxy), the status is that service's, however
much the story is about a bot or a chat: 'none', naming the host. Our own hosts (the
Bot Connector's, Azure's, a local run) leave the decision to the rest of the matcher.
The shape is data in catalog/foreign_evidence.toml (kind "client-url").
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


def named(host: str) -> str:
    return f"the service at {host} (the HTTP client names the address that answered)"


@pytest.mark.parametrize(
    "question, host",
    [
        ("my teams bot logs httpx.HTTPStatusError: Server error '502 Bad Gateway' for url "
         "'https://api.weatherly.io/v2/today'", "api.weatherly.io"),
        ("bot fails: requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: "
         "https://api.acme-crm.com/v1/contacts", "api.acme-crm.com"),
        ("chat bot startup: Client error '429 Too Many Requests' for url 'https://gw.some-proxy.net/v1/chat'",
         "gw.some-proxy.net"),
    ],
)
def test_the_address_that_answered_decides(explain, question, host):
    assert_none_naming(explain(question), named(host))


@pytest.mark.parametrize(
    "question, expected",
    [
        # the Bot Connector's own address: the bot's error, as before
        ("bot fails: requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: "
         "https://smba.trafficmanager.net/emea/v3/conversations/a:1/activities", ("bot-service", 401, None)),
        # no address given: nothing to decide by
        ("chat with your data app: Invalid AzureCognitiveSearch configuration detected: 403 Client Error: "
         "Forbidden for url", ("rag-api", 403, None)),
        # a local run of the bot
        ("Client error '404 Not Found' for url 'http://localhost:3978/api/messages' from the emulator",
         ("bot-service", 404, None)),
    ],
)
def test_our_addresses_and_local_runs_decide_nothing(explain, question, expected):
    assert_ours(explain(question), expected)
