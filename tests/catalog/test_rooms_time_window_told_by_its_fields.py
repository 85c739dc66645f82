"""A Rooms join outside the room's time, told by the room's fields or in another language, is 403/5829.

People who created the room name its validFrom / validUntil, or ask in their own language
whether it is "la hora de inicio", "die Startzeit", "시작 시간". With our product named those
mean the join refused outside the room's time (acs-call-end.toml, 5829's sayings); another
meeting product's start time stays its own.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "ACS Rooms: Teilnehmer kommt vor der Startzeit nicht in den Raum",
        "sala de ACS Rooms: no puedo entrar antes de la hora de inicio",
        "Creé una sala de ACS Rooms con validFrom mañana; la llamada terminó con 403",
        "ACS Rooms 회의 시작 시간 전에는 참가할 수 없다고 나와요",
        "Azure Communication Services room with validUntil yesterday: joining ends the call right away",
    ],
)
def test_a_join_outside_the_rooms_time_told_by_its_fields_is_5829(explain, question):
    assert_ours(explain(question), ("acs-call-end", 403, 5829))


def test_another_products_start_time_stays_theirs(explain):
    assert_none_naming(explain("Zoom meeting: can't join before the start time"), "Zoom")
