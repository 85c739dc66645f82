""""ACS" beside one of the Calling SDK's own objects or methods names the Calling SDK.

"ACS" is the name of every Communication Services product, so "ACS ... 500" alone
leaves Call Automation's, the call end codes' and the REST API's 500s open. Written
with call.hold(), deviceManager.askDevicePermission, startVideo or
incomingCall.accept() the question is the Calling SDK's, whose rows say what that
method failing means (acs-calling-sdk.toml code_names). The method names only pick
the product: their words are not the error's words ("getDeviceManager() throws" still
quotes no row).
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ACS call.hold() throws 500", ("acs-calling-sdk", 500, 41033)),
        ("ACS call.mute() rejects with error code 500", ("acs-calling-sdk", 500, 41015)),
        ("ACS call.unmute() returns 400 every time on Safari", ("acs-calling-sdk", 400, 41016)),
        ("Azure Communication Services: await deviceManager.askDevicePermission({ audio: true }) gives 500", ("acs-calling-sdk", 500, 40614)),
        ("ACS askDevicePermission returns 400, the user clicked Block in Chrome", ("acs-calling-sdk", 400, 40613)),
        ("ACS call.startScreenSharing() throws 400 because sharing is already started", ("acs-calling-sdk", 400, 41035)),
        ("ACS stopScreenSharing gives 400", ("acs-calling-sdk", 400, 41041)),
        ("acs incomingCall.reject() -> 400", ("acs-calling-sdk", 400, 41007)),
        ("ACS: incomingCall.accept({ videoOptions }) 400 after the caller hung up", ("acs-calling-sdk", 400, 41006)),
        ("ACS deviceManager.getSpeakers() throws 405 on iPhone Safari", ("acs-calling-sdk", 405, 40606)),
        ("ACS: call.stopVideo() returns 400 though video is already stopped", ("acs-calling-sdk", 400, 41030)),
    ],
)
def test_acs_with_a_calling_sdk_method_is_the_calling_sdk(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_method_named_is_no_quote_of_a_row(explain):
    # The SDK is named, but nothing the question says is what a row says: offered, not claimed.
    d = explain("calling SDK throws when I call callClient.getDeviceManager() before createCallAgent — is that a documented error?")
    assert d.status == "none"


def test_other_products_with_the_same_method_names_stay_theirs(explain):
    assert explain("Agora RTC client startVideo fails with 400").status == "none"
    assert explain("Twilio Video room.localParticipant unpublish, call.mute() error 53205").status == "none"
