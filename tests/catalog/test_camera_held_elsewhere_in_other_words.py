"""A camera another tab, browser or app already holds, told as 'already busy'.

The Calling SDK's 43000 says the video device is used by another process. People
join the same call from two browsers or two tabs and tell it as the camera being
"already busy" or "already being used", not in the SDK's words. In a question about
our calling product those mean 43000; in another product's meeting they stay its own.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "calling sdk on two tabs: second tab can't start video, camera already busy",
        "Azure Communication Services call in Chrome and Firefox at once: turning the camera on in the second "
        "fails, the camera is already being used",
        "ACS web calling: startVideo fails on my laptop, the webcam is already in use by the desktop app",
    ],
)
def test_camera_already_held_is_43000(explain, question):
    assert_ours(explain(question), ("acs-calling-sdk", 412, 43000))


@pytest.mark.parametrize(
    "question",
    [
        "ACS web calling: camera won't start while Skype has the camera open",
        "Azure Communication Services calling: startVideo throws because OBS already has the camera open",
        "ACS calling sdk in Edge: local video fails to start while the Camera app is holding the webcam",
    ],
)
def test_another_app_that_has_the_camera_open_is_43000(explain, question):
    """The busy camera told by the app that holds it: it 'has the webcam open', 'is holding' it."""
    assert_ours(explain(question), ("acs-calling-sdk", 412, 43000))


def test_another_meeting_products_camera_held_open_stays_theirs(explain):
    assert_none_naming(explain("Zoom meeting: Skype has the camera open"), "Zoom")


def test_another_meeting_products_busy_camera_stays_theirs(explain):
    assert_none_naming(explain("Zoom meeting: camera is already busy"), "Zoom")
