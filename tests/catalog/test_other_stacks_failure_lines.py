"""Another product's failure line, or another service named, is that product's: 'none'.

A status or a code of ours often sits in an error of something else: a durable
orchestration's 409, an API review tool's 413, an alert forwarder's 429 from a Teams
webhook, an LLM gateway's 408, a SIP library's "Code: [408], Cause: ...", a PBX's log
line naming its C source, an IVR's NOINPUT, the browser's ICE candidate errors, another
SMS provider's five-digit delivery code. The honest answer is 'none', naming what it
looks like. Named beside ours, our products keep their rows. Names and shapes are data
in catalog/foreign_products.toml and catalog/foreign_evidence.toml.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

AZURE_OWN = "another Azure service of its own (Durable Functions / Durable Task, APIView, Cost Management)"
FORWARDER = "an alert forwarder posting to a Teams incoming webhook (prom2teams, Alertmanager)"
GATEWAY = "an LLM API gateway (new-api, one-api)"
DRF = "a web app of its own (a Django REST framework validation error)"
SMS_CODE = "another SMS or messaging provider (its own five-digit delivery code)"
SIP_LINE = "a SIP library or softphone (its own 'Code, Cause, Reason' failure line)"
PBX_LOG = "FreeSWITCH or Asterisk (a log line of its C source)"
IVR = "an IVR or VoiceXML platform (its NOINPUT / NOMATCH events)"
ICE = "the browser's WebRTC connection (an ICE candidate error)"
SIP_PHONE = "a browser or home-automation SIP phone (Browser-Phone, a webphone, ha-sip)"
OTHER_RAG = "another cloud's RAG chat sample or search service (AWS GenU, Bedrock chat, Kendra, Vertex AI Search)"


@pytest.mark.parametrize(
    "question, name",
    [
        # another Azure service, named by its own name
        ("Durable Functions orchestration start fails with 409 Conflict when I scale out to two instances", AZURE_OWN),
        ("DurableTask.AzureStorage: (409) Conflict, another worker already owns the lease", AZURE_OWN),
        ("my durable task hub returns 404 after redeploy", AZURE_OWN),
        ("APIView upload returns 400 Bad Request for my .whl review", AZURE_OWN),
        ("azure cost management export API gives 429 too many requests", AZURE_OWN),
        # a forwarder posting alerts to a Teams channel's webhook: no bot in the way
        ("prom2teams returns 500 when forwarding an alert to the channel", FORWARDER),
        ("Alertmanager to Microsoft Teams webhook fails with 400 Bad Request", FORWARDER),
        # a gateway in front of model APIs
        ("new-api channel test shows 401 invalid token for my Azure deployment", GATEWAY),
        # a web app's own form validation quoting a service's answer
        ("{'detail': [ErrorDetail(string='(403) Forbidden Code: 403', code='invalid')]} when connecting our subscription",
         DRF),
        # another SMS provider's five-digit code in its own words
        ("ERROR 21610 Message delivery rejected: the destination has unsubscribed", SMS_CODE),
        # a SIP library's or softphone's failure line
        ("registration failed: Code: [403], Cause: Forbidden, Reason: Forbidden", SIP_LINE),
        ("call ended Code: 486, Cause: Busy, Reason: Busy Here", SIP_LINE),
        # a PBX of one's own, by the C source its log names
        ('[WARNING] mod_sofia.c:2187 Rejected by acl "domains" 403 forbidden', PBX_LOG),
        ("[2023-05-01 10:00:00] WARNING[4123]: chan_sip.c:4093 retrans_pkt: Retransmission timeout reached", PBX_LOG),
        # an IVR's own events for no input
        ("IVR menu plays but after 5 seconds returns NOMATCH even though I pressed 1", IVR),
        ("dtmf collect result NO_INPUT after the timeout", IVR),
        # the browser's ICE candidate errors
        ("pc.onicecandidateerror fires with errorCode 701 for turn server", ICE),
        ("ICE candidate error 600 in chrome console for my video app", ICE),
        # a SIP phone in a browser page or a home-automation add-on
        ("webphone registers fine but incoming calls end with 480 Temporarily Unavailable", SIP_PHONE),
        ("ha-sip: dialing from an automation gives 404 not found", SIP_PHONE),
        ("Browser Phone: camera permission denied, NotAllowedError when answering a video call", SIP_PHONE),
        # another cloud's own RAG chat sample or search service
        ("deployed GenU on my AWS account, the RAG chat answers 429 when Kendra is queried", OTHER_RAG),
        ("bedrock-claude-chat: chat returns 500 after uploading a pdf", OTHER_RAG),
        ("vertex ai search returns 403 from our rag chat backend", OTHER_RAG),
    ],
)
def test_another_products_failure_line_is_theirs(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        # the other product merely beside ours: the error is ours
        ("my Durable Functions orchestrator sends a proactive message with the Bot Framework CloudAdapter "
         "and gets 401 Unauthorized", ("bot-service", 401, None)),
        ("ACS web calling: ICE candidate error 701 in the console and then call ends with 500 subcode 41034",
         ("acs-calling-sdk", 500, 41034)),
        ("message delivery blocked for SMS with ACS, error 4010", ("acs-sms-delivery", 4010, None)),
        ("our RAG API chat endpoint returns 504 Gateway Timeout", ("rag-api", 504, None)),
        ("Call Automation StartRecognizing with DTMF: RecognizeFailed subcode 8510 after I pressed nothing",
         ("acs-call-automation", None, 8510)),
    ],
)
def test_our_products_named_keep_their_rows(explain, question, expected):
    assert_ours(explain(question), expected)
