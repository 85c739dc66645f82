"""A product on no list, named in a way the subject reader did not take whole.

A sentence in another language opens with a preposition before the name it is about ("Bei
Paperless bekomme ich 403", "Con Nextcloud me da 403"): the answer names the product, not the
preposition with it ([subject] openers_other in catalog/foreign_evidence.toml). An English
two-word name keeps both words ("Uptime Kuma").

Meeting apps are asked about with their status too: lower-case "zoom" before the things a
meeting app has ("zoom call", "zoom room") is Zoom, while "zoom in on the map" is a verb; Google
Meet saying the camera is in use is Meet's, and only beside a name of ours (ACS, startVideo and the
web calling SDK) is it our Calling SDK's 43000 (catalog/foreign_products.toml).

A status from a name a call or a request went to is that name's too ("every request to Vikunja
comes back 401"); a call to one of our operations or products ("the call to CreateCall") stays ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question, name",
    [
        ("Mit Gitea bekomme ich 401 beim Login", "Gitea"),
        ("Avec Jellyfin j'ai 401 sur la page de connexion", "Jellyfin"),
        ("Con Nextcloud me da 403 al subir archivos", "Nextcloud"),
        ("Com Chatwoot recebo 401 no webhook", "Chatwoot"),
        ("Uptime Kuma push monitor gets 404", "Uptime Kuma"),
    ],
)
def test_a_preposition_before_the_name_is_no_part_of_it(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, name",
    [
        ("our zoom room controller gets 401 after the password change", "Zoom"),
        ("zoom client keeps dropping the call with 403", "Zoom"),
        ("Google Meet tells me the camera is in use by another app", "Google Meet"),
        ("the google meet rest api answers 403 when I create a space", "Google Meet"),
    ],
)
def test_a_meeting_app_named_with_its_status_is_that_apps(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("startVideo fails whenever Google Meet already has the webcam open, the web calling SDK gives up",
         ("acs-calling-sdk", 412, 43000)),
        ("ACS calling: the camera is in use by another app (Zoom is open) and startVideo fails",
         ("acs-calling-sdk", 412, 43000)),
    ],
)
def test_the_camera_held_by_a_meeting_app_is_ours_beside_our_names(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, name",
    [
        ("every request to Vikunja comes back 401", "Vikunja"),
        ("our nightly calls to Grafana answer 502 since the proxy change", "Grafana"),
    ],
)
def test_a_name_a_call_or_request_went_to_gave_its_status(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("the call to CreateCall returns 400", ("acs-call-automation", 400, None)),
        ("a request to Direct Line returns 502", ("bot-service", 502, None)),
    ],
)
def test_a_call_to_one_of_ours_stays_ours(explain, question, expected):
    assert_ours(explain(question), expected)
