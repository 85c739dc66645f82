"""A Teams meeting's lobby deciding about a guest is not defined by our documents.

An ACS user (or any guest) joining a Teams meeting may wait in its lobby; the
organizer denies them, removes them, or admitting them fails. None of the five
documents says what the call reports then: the Rooms 403s and the call end reasons
are other things, and "rejected" is not the Calling SDK's "failed to reject the
incoming call". The honest answer is 'none', saying it looks like the lobby's
outcome. Being admitted is no failure: what fails after it is answered as usual,
and so is a code the question gives. A device's model number ("Nexus 7") is no
code.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours, targets

LOBBY = "a Teams meeting's lobby (admitting or denying a guest)"


@pytest.mark.parametrize(
    "question",
    [
        "ACS web calling: the organizer rejected our anonymous user from the lobby; which CallEndReason tells me that?",
        "Teams meeting interop (iOS UI library): guest waits in the lobby, host clicks admit, admission fails and "
        "the guest is dropped",
        "our ACS users get removed from the lobby after 15 minutes",
        "call composite stuck in lobby, host declined the join",
    ],
)
def test_the_lobbys_own_outcome_is_none(explain, question):
    assert_none_naming(explain(question), LOBBY)


@pytest.mark.parametrize(
    "question, expected",
    [
        # admitted: what fails afterwards is ours as usual
        ("ACS user got admitted from the lobby, then sending a chat message fails with 403 Forbidden",
         ("acs-chat", 403, None)),
        ("admitted from the lobby, then the ACS call ended with code 0 subcode 5300", ("acs-call-end", 0, 5300)),
    ],
)
def test_what_fails_after_being_admitted_stays_ours(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("guest on a Nexus 5 phone gets 403 joining", [("any", 403)]),
        ("Lumia 950: camera error 412", [("any", 412)]),
    ],
)
def test_a_device_model_number_is_no_code(question, expected):
    assert targets(question) == expected
