"""Some of our errors as people tell them, with the product named.

An SMS recipient who answered STOP has opted out: the delivery report's 4007. A
call that ends when the device changes networks (wifi to LTE, WLAN→LTE, "switched
networks") is the call dropped for a network problem on the client, 410/3101; one
that ends when the device loses its connection (the internet gone, offline) is
496/7. A number nobody has ("does not exist", "not in service") is SMS's 4004.
"opted out" itself is no such phrase: it already names the SMS delivery reports, so
it would name the product and the row at once. A chat that stops after a network
change is no call's end.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "a customer replied with STOP to our Azure Communication Services SMS; what does the delivery report say now?",
        "ACS sms: user sent STOP yesterday, which DeliveryStatusDetails code is that",
        "our ACS texts to a number that unsubscribed fail, which delivery code?",
    ],
)
def test_a_recipient_who_sent_stop_has_opted_out(explain, question):
    assert_ours(explain(question), ("acs-sms-delivery", 4007, None))


@pytest.mark.parametrize(
    "question",
    [
        "Android ACS calling: the call ends when the phone goes from wifi to 5G, which call end reason?",
        "ACS web call dropped after the laptop switched networks, what callEndReason",
        "Calling SDK call ended right after a network change on the device",
        "ACS Android: Anruf bricht nach LTE→WLAN Wechsel ab",
    ],
)
def test_a_call_that_ends_on_a_network_switch_is_a_network_drop(explain, question):
    assert_ours(explain(question), ("acs-call-end", 410, 3101))


def test_a_chat_after_a_network_switch_is_no_calls_end(explain):
    d = explain("ACS chat messages stop arriving after switching to wifi")
    assert not any(m.entry.source == "acs-call-end" for m in d.matches)


@pytest.mark.parametrize(
    "question",
    [
        "ACS web call ends when the internet connection drops for a few seconds",
        "Azure Communication Services call ended when the user lost wifi",
        "ACS call ended as soon as the tablet went offline",
    ],
)
def test_a_call_that_ends_when_the_device_loses_its_connection(explain, question):
    assert_ours(explain(question), ("acs-call-end", 496, 7))


@pytest.mark.parametrize(
    "question",
    ["ACS SMS: we texted a number that does not exist, which delivery code",
     "ACS SMS delivery failed, the number is not in service"],
)
def test_a_number_nobody_has_is_the_missing_destination(explain, question):
    assert_ours(explain(question), ("acs-sms-delivery", 4004, None))
