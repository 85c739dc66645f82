"""Other vendors' look-alikes of Call Automation's tips and codes are theirs: 'none'.

A payment provider's callback URI check, another voice platform's audio formats (TwiML-style
markup or its VoiceResponse builder: ACS takes no call-control markup) and a provider's call
status in its own capitals ("408 / NO ANSWER", "USER BUSY": ACS tells a call's end as a
code/subcode and words) share words and numbers with our rows, not their meaning.
"""

import pytest

from tests.support.matching import assert_none_naming

MARKUP = "another voice platform (TwiML-style call-control markup)"
SIGNALLING = "a phone network or another SIP stack (a Q.850 release cause)"


@pytest.mark.parametrize(
    "question, name",
    [
        # another vendor's client packaged for a framework, checking its own callback URI
        ("Kaleyra flutter package says my callback URL is invalid, does it need https?", "Kaleyra"),
        ("Paystack php library: callback uri is invalid when I pass http://localhost:8000/verify", "Paystack"),
        # another voice platform's markup and its builder
        ('my IVR\'s <Play loop="2">https://cdn.example.org/hello.mp3</Play> is silent, which audio format is supported?',
         MARKUP),
        ("response = VoiceResponse(); response.play(url) does nothing with a 44.1 kHz wav, what sample rate?", MARKUP),
        # a provider's call status in its own capitals
        ("click-to-call API: the call ends with 486 / USER BUSY although the callee's phone is idle", SIGNALLING),
        ("the provider's call log says NOANSWER for every call to +4420..., is that a 480?", SIGNALLING),
    ],
)
def test_another_vendors_lookalike_is_theirs(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question",
    [
        "Azure Communication Services python package: createCall callback url must be https?",
        "ACS call automation: what audio format does play to all take?",
    ],
)
def test_our_products_packaged_or_asked_in_the_same_words_stay_ours(explain, question):
    d = explain(question)
    assert d.foreign_product is None
    assert d.status == "answer"
