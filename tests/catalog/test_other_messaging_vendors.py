"""Other chat, SMS and contact-centre vendors' errors are not ours.

Every chat platform, SMS gateway and contact centre returns 401/403/409/429, and
"chat", "SMS" and "bot" are words of ours too. A question about one of them is
'none', naming it, when it names the vendor (by families: SMS gateways and bulk
SMS providers, contact centres and their flow designers, chat platforms, bot and
AI chat platforms), or carries its response body by shape: Telegram's
{"ok": false, "error_code": ...}, Slack's {"ok": false, "error": "..."}, a vendor
code written as words joined by "-" or ":" (ours are joined by "_" or written as
one word), or a vendor's own wording ("Unable to create record" is how Twilio's
libraries report a failed create). A word made of two ordinary words
("clicksend", "justcall") is known only glued, so "when I click send" stays ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question, name",
    [
        ('TeleBot polling: {"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"}',
         "Telegram"),
        ('sendPhoto answered {"ok": false, "error_code": 400, "description": "Bad Request: wrong file identifier"}',
         "Telegram Bot API"),
        ('conversations.history returned {"ok": false, "error": "missing_scope"} with 200', "Slack"),
        ('the API returns {"code": "rate-limit-exceeded", "message": "slow down"} and status 429',
         "a service whose error codes look like 'rate-limit-exceeded'"),
        ('response body {"error": "unauthorized:session"} with 401', "a service whose error codes look like 'unauthorized:session'"),
        ("node bot: error ETELEGRAM 429 Too Many Requests: retry after 5", "Telegram"),
        ('{"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException","code":131030}} 400',
         "Meta's Graph API (WhatsApp, Messenger, Instagram)"),
        ("send fails with (#100) Invalid parameter and 400", "Meta's Graph API (WhatsApp, Messenger, Instagram)"),
        ('{"errcode":40001,"errmsg":"invalid credential"} from the official account api',
         "WeChat / WeCom / DingTalk (an errcode and errmsg body)"),
        ("homeserver replies M_LIMIT_EXCEEDED 429", "Matrix (a homeserver's M_ error code)"),
        ("OTP SMS not delivered, provider says DLR status UNDELIV code 001",
         "an SMS gateway or bulk-SMS provider (an SMPP delivery receipt)"),
    ],
)
def test_a_vendors_response_body_or_code_says_whose_it_is(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question",
    [
        "Unable to fetch record: The requested resource /2010-04-01/Accounts/AC.../Calls/CA... was not found 404",
        "php helper: [HTTP 403] Unable to update record: Account not authorized",
    ],
)
def test_twilios_own_wording_is_twilio(explain, question):
    assert_none_naming(explain(question), "Twilio")


@pytest.mark.parametrize(
    "question, name",
    [
        ("our sms gateway returns 401 when the device is offline", "an SMS gateway or bulk-SMS provider"),
        ("bulksms.com API gives 403 on send", "an SMS gateway or bulk-SMS provider"),
        ("Genesys Cloud: Architect flows return 429 when the bot connector is slow",
         "Genesys / Five9 / Zendesk / Intercom / Salesforce"),
        ("Talkdesk webhook to our endpoint gets 401", "Genesys / Five9 / Zendesk / Intercom / Salesforce"),
        ("Google Chat API returns 403 PERMISSION_DENIED for the bot",
         "another chat platform (Google Chat, Matrix, Threema, Apple Messages for Business, RCS)"),
        ("Watson Assistant returns 429 after 100 requests",
         "another bot or conversational-AI platform (Watson Assistant, Kore.ai, Cognigy, Yellow.ai, Botkit, BotMan)"),
        ("LibreChat returns 500 after the upgrade",
         "an AI chat app (Chat Copilot, LibreChat, Open WebUI, LobeChat, Coze)"),
        ("Vapi assistant call ends with 480", "a video or voice AI platform (Dyte, ZEGOCLOUD, Tencent TRTC, Vapi, Retell)"),
    ],
)
def test_other_vendors_by_family(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        # two ordinary words that, glued, are a vendor's name
        ("when I click send the bot returns 403", ("bot-service", 403, None)),
        ("I just call startCall and it fails with 412 subcode 43000", ("acs-calling-sdk", 412, 43000)),
        ("the next chat message fails with 403 in my ACS chat thread", ("acs-chat", 403, None)),
        ("we are in contact with support, Web Chat shows 502 from the bot", ("bot-service", 502, None)),
        ("the service now returns 500 on our bot endpoint", ("bot-service", 500, None)),
        # our own code beside a vendor's signing scheme
        ('CallMedia play keeps returning { "error": { "code": "7509", "message": "HMAC-SHA256 validation failed" } }',
         ("acs-call-automation", None, 7509)),
    ],
)
def test_ordinary_words_stay_ours(explain, question, expected):
    assert_ours(explain(question), expected)


def test_a_v3_bots_post_async_makes_telegram_a_channel_of_ours(explain):
    d = explain("context.PostAsync to Telegram throws Operation returned an invalid status code 'Forbidden'")
    assert d.foreign_product is None


def test_going_back_to_a_version_is_no_product(explain):
    d = explain("after going back to 4.21.0 the bot reply to the serviceUrl is 401 again")
    assert_ours(d, ("bot-service", 401, None))
