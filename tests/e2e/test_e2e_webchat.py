"""The support-portal chat page (deploy/webchat) in headless Chromium, end to end.

What runs, all on 127.0.0.1: the page as `make webchat` assembles it, served by
a static web server (the portal); the bot with a Direct Line secret, whose token
route exchanges it with a stand-in for the Direct Line token service; and
offline-directline (a Direct Line 3.0 emulator from npm) between Web Chat and the
bot. So the page's real token fetch (cross-origin, with CORS preflight), Web
Chat's rendering of our cards, and a button press all happen as on a portal.

Known gaps of the emulator: its conversationUpdate lists no members (the page's
webchat/join event brings the welcome instead), its channelId is "emulator", and
Web Chat's markdown turns straight quotes into curly ones (expected texts here
avoid quotes).
"""

from __future__ import annotations

import re
import subprocess

import pytest

from bot.conversation.turn_errors import SORRY
from catalog import load_catalog
from tests.support.bot_server import BotProcess, free_port
from tests.support.e2e import (
    E2E_DIR,
    REPO,
    FakeDirectLineTokenService,
    NodeServer,
    StaticSite,
    drive,
    ensure_e2e_tools,
    squash,
)

SEND_BOX = '[data-id="webchat-sendbox-input"]'
SECRET = "webchat-test-secret-never-in-the-browser"


@pytest.fixture
def portal(tmp_path):
    ensure_e2e_tools()
    fake_dl = FakeDirectLineTokenService().start()
    site_dir = tmp_path / "site"
    subprocess.run(["bash", str(REPO / "deploy/scripts/build-webchat.sh"), str(site_dir)], check=True,
                   capture_output=True)
    site = StaticSite(site_dir)
    bot = BotProcess(env={
        "DirectLineSecret": SECRET,
        "DirectLineTokenEndpoint": fake_dl.url,
        "DirectLineAllowedOrigins": site.url,
    }).start()
    dl_port = free_port()
    directline = NodeServer(
        ["node", str(E2E_DIR / "offline-directline.js"), str(dl_port), f"{bot.url}/api/messages"],
        ready=r"Listening for messages from client on", name="offline-directline",
    ).start()
    # The deployment's config.js, pointed at this machine's bot and Direct Line emulator.
    (site_dir / "config.js").write_text(
        "window.ERROR_EXPLAINER_CHAT = {\n"
        "  botName: 'Error Explainer',\n"
        f"  tokenUrl: '{bot.url}/api/directline/token',\n"
        f"  directLineDomain: 'http://127.0.0.1:{dl_port}/directline',\n"
        "  webSocket: false,\n"
        "};\n"
    )
    site.start()
    yield {"url": f"{site.url}/index.html", "bot": bot, "fake_dl": fake_dl, "site_dir": site_dir}
    directline.stop()
    bot.stop()
    site.stop()
    fake_dl.stop()


def test_webchat_page_answers_and_a_choice_click_answers(portal):
    catalog = load_catalog()
    ambiguous = catalog.explain("what is 404")
    assert ambiguous.status == "ambiguous"
    chosen = next(m.entry for m in ambiguous.matches if m.entry.source == "acs-call-end")
    answer = catalog.explain("what is subcode 3112").matches[0].entry
    label = chosen.title  # the whole row is the button

    report = drive(
        "webchat", portal["url"], SEND_BOX,
        [
            {"say": "what is 404", "waitFor": label, "shot": "choices-404"},
            {"click": label, "waitFor": chosen.title, "shot": "chosen-404"},
            {"say": "what is subcode 3112", "waitFor": answer.title, "shot": "answer-3112"},
        ],
    )
    chosen_card = squash(report["steps"][1]["cards"][-1])
    assert chosen.title in chosen_card and "Code 404" in chosen_card, chosen_card
    card = squash(report["steps"][2]["cards"][-1])
    assert answer.title in card
    assert "Code 410 · Subcode 3112" in card, card
    assert "Learn more details about a call ending with a subcode of 3112" in card, card
    assert report["pageErrors"] == [], report["pageErrors"]
    assert_no_turn_errors(report)

    # The page got its token from the bot, the bot from "Direct Line" with the secret,
    # and the secret went nowhere else: not into the page's files, not into the token.
    fake = portal["fake_dl"]
    assert [r["authorization"] for r in fake.requests] == [f"Bearer {SECRET}"]
    assert fake.requests[0]["body"]["user"]["id"].startswith("dl_")
    assert fake.requests[0]["body"]["trustedOrigins"] == [portal["url"].rsplit("/", 1)[0]]
    for path in portal["site_dir"].iterdir():
        if path.suffix in (".html", ".js"):
            assert SECRET not in path.read_text(errors="replace"), path


def test_webchat_page_says_so_when_no_token_can_be_had(portal):
    portal["fake_dl"].mode = 403  # e.g. the secret was regenerated in Azure and not updated in the bot
    report = drive("webchat-no-token", portal["url"], None, [], read="#status.error")
    text = report["read"]
    assert "not available right now" in text, text
    # The visitor gets a reference that support finds in the bot's log; no internals.
    reference = re.search(r"reference ([A-Za-z0-9._:-]+)\)", text)
    assert reference, text
    assert reference.group(1) in portal["bot"].log()
    assert "DirectLine" not in text and SECRET not in text


def assert_no_turn_errors(report: dict) -> None:
    """The bot's turn-error apology is plain text beside the cards; a card test alone would miss it."""
    apology = SORRY.split("(")[0].strip()
    assert apology not in report.get("finalText", ""), (
        "the bot apologised for a failed turn on the page (see its log for the reference):\n"
        + report.get("finalText", "")[-1500:]
    )


def test_an_example_question_offered_with_the_nothing_found_card_is_answered(portal):
    question = "what is subcode 3112"
    title = load_catalog().explain(question).matches[0].entry.title
    report = drive("webchat-example", portal["url"], SEND_BOX, [
        {"say": "my toaster is on fire", "waitFor": question, "shot": "none"},
        {"clickSuggested": question, "waitFor": title, "shot": "example"},
    ])
    assert title in squash(report["steps"][1]["cards"][-1])
    assert report["pageErrors"] == []
