"""Omnichannel's own live chat is ours, though "live chat" is every vendor's word.

Dynamics 365 Omnichannel ships a live chat widget and a chat SDK whose calls
(getChatToken) reach the same messaging service the Omnichannel document covers.
Written as two words, "live chat" also reads as the vendor LiveChat, and
"omnichannel" alone gives way beside another vendor, so a question about the
widget's token call was answered 'none'. Omnichannel's live chat and its SDK's
own names are ours; a website widget of another vendor stays theirs.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

WIDGET = "a website chat widget (tawk.to, Tidio, Crisp, LiveChat, Drift, HubSpot)"


@pytest.mark.parametrize(
    "question",
    [
        "Omnichannel chat SDK: getChatToken returns 401 Unauthorized after the user signs in",
        "Dynamics 365 omnichannel live chat: chat fails to start with 401 from getChatToken",
        "Omnichannel for Customer Service: live chat widget shows the start chat error, getChatToken 401",
        "@microsoft/omnichannel-chat-sdk startChat fails, token call answers 401 Unauthorized",
    ],
)
def test_omnichannel_live_chat_token_refused_is_its_401(explain, question):
    assert_ours(explain(question), ("omnichannel-messaging", 401, None))


@pytest.mark.parametrize(
    "question",
    [
        "tawk.to live chat returns 401 when a visitor starts a chat",
        "the LiveChat widget on our shop says 401 on start",
    ],
)
def test_another_vendors_live_chat_stays_theirs(explain, question):
    assert_none_naming(explain(question), WIDGET)
