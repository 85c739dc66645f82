"""A Rooms call joined by someone the room never had as a participant is end reason 403/5828.

The call end table says the join isn't authorized because the user isn't part of
the invitee list; people who made the room themselves say instead that they never
added the user to the room, or that the user isn't in its participant list. Named
with our product those words mean 5828; another meeting product's are its own.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "ACS Rooms: my participant can't join because he was never added to the room",
        "Azure Communication Services rooms: callAgent.join with the roomId is refused, the user is not in the "
        "room's participant list",
        "which call end reason is a rooms join by someone not invited to the room?",
    ],
)
def test_a_user_never_added_to_the_room_is_5828(explain, question):
    assert_ours(explain(question), ("acs-call-end", 403, 5828))


@pytest.mark.parametrize(
    "question",
    [
        # the negation contracted ("isn't", "wasn't") and the list told as the room's own, beside words
        # of being thrown out that other end reasons share ("kicked", "dropped at once")
        "ACS rooms call: my tester wasn't added to the room and is kicked to the end page immediately",
        "ACS rooms: someone who's not one of the room's participants opens the join link and is dropped at once",
        "Azure Communication Services Rooms meeting: a guest not on the room's invitee list gets thrown out "
        "immediately, which end reason?",
    ],
)
def test_a_user_the_room_lacks_told_with_contractions_and_possessives_is_5828(explain, question):
    assert_ours(explain(question), ("acs-call-end", 403, 5828))


def test_another_meeting_products_missing_participant_stays_theirs(explain):
    assert_none_naming(explain("Zoom meeting: a user never added as a participant cannot join"), "Zoom")
