"""The same problem, worded the way a different person would post it.

Our question sets score well on the wordings they hold, but the next person
with the same problem writes it differently: a product name glued into one
word ("teamsbot", "ragchat", "TEAMSACTIVITYHANDLER"), a code in backticks
(`404`), the whole post in capitals, greetings and thanks around the error,
the product shortened ("Azure Comm Services", "msteams"). Each kind below has
its own cases; reworded_questions.jsonl beside this file keeps a few hundred
rewordings of real questions (synonyms, word order, typos, notations,
markdown, six languages, another vendor in the same situation) with the
decision each gets, so a change that breaks a wording shows which.
"""

import json
from pathlib import Path

import pytest

from catalog import load_catalog
from catalog.products import words_of
from tests.support.matching import assert_answers, ident, targets

REWORDED = Path(__file__).with_name("reworded_questions.jsonl")


@pytest.mark.parametrize(
    "question, expected",
    [
        ("our teamsbot gets 403 on every reply", ("bot-service", 403, None)),
        ("botservice 401 after rotating the secret", ("bot-service", 401, None)),
        ("chatsdk 403 when adding a participant", ("acs-chat", 403, None)),
        ("smsapi 400 on send", ("acs-sms-api", 400, None)),
        ("ragchat 504 gateway timeout after a few questions", ("rag-api", 504, None)),
        # two product words of one product written as one: split where both halves are
        ("directlinebot keeps getting 502", ("bot-service", 502, None)),
        ("webchatbot shows 503 sometimes", ("bot-service", 503, None)),
        ("teamsactivityhandler throws after ~75 calls: 429 too many requests", ("bot-service", 429, None)),
        ("TEAMSACTIVITYHANDLER THROWS AFTER ~75 CALLS: 429 TOO MANY REQUESTS", ("bot-service", 429, None)),
    ],
)
def test_a_product_phrase_written_as_one_word_names_the_product(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_glued_phrase_counts_only_when_it_holds_a_product_word_of_its_own():
    # "hang up" is a Call End phrase, but "hangup" is a verb in every telephony product's
    # events; "teams bot" holds the Bot Service's own word "bot".
    signals = load_catalog().matcher.signals
    assert signals.detect(words_of("hangup event")).strength == {}
    assert signals.detect(words_of("teamsbot")).strength == {"bot-service": 2.0}


def test_two_glued_words_of_different_products_are_no_product():
    # "chat" is the Chat SDK's, "room" a call's: glued, they name neither.
    signals = load_catalog().matcher.signals
    assert signals.detect(words_of("chatroom")).strength == {}


@pytest.mark.parametrize(
    "question, expected",
    [
        ("error `412` from directline", ("bot-service", 412, None)),
        ("bot returns `500` on every message", ("bot-service", 500, None)),
        ("sms delivery report `4006`", ("acs-sms-delivery", 4006, None)),
        ("PlayToAllAsync with TextSource -> PlayFailed, code `8536`: Action failed, file could not be downloaded",
         ("acs-call-automation", None, 8536)),
    ],
)
def test_a_code_in_backticks_is_read_as_a_code(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_generic_arity_glued_to_its_name_is_still_no_code():
    # List`1 and d__1`1 are .NET's generic names; the 503 after them is the code.
    assert targets("List`1 failed with 503") == [("any", 503)]


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ERROR STARTING CALL: 7504 - INSUFFICIENT ENTERPRISE TENANT PERMISSIONS, CANNOT ACCESS THIS API.",
         ("acs-call-automation", 403, 7504)),
        ("SMS: 4007 ON EVERY MESSAGE TO ONE CARRIER", ("acs-sms-delivery", 4007, None)),
    ],
)
def test_a_shouted_word_before_a_colon_is_prose_not_a_setting(explain, question, expected):
    assert_answers(explain(question), expected)


def test_settings_written_as_constants_or_camel_case_stay_settings():
    assert targets("MAX_RETRIES: 500") == []
    assert targets("pageSize: 500") == []


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Azure Comm Services chat 403 adding a participant", ("acs-chat", 403, None)),
        ("msteams 429 when sending to many users", ("bot-service", 429, None)),
        # the resource's host names Communication Services as its name does
        ("contoso.communication.azure.com REST call 401, I compute the HMAC signature myself", ("acs-rest", 401, None)),
        # createCallAgent holds Call Automation's "create call", but is the Calling SDK's call agent
        ('Chrome auf dem neuen M1 Mac: "Failed to create CallAgent" (500). Auf dem alten Mac geht es.',
         ("acs-calling-sdk", 500, 40216)),
    ],
)
def test_other_spellings_of_a_product_name_it(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Hi all, hope someone can help: A Call Agent instance has already been created. "
         "Thanks in advance, this is blocking our release.", ("acs-calling-sdk", 409, 40228)),
        ("Hallo zusammen, call agent for this ACS Id already exists beim ersten Laden. Danke im Voraus!",
         ("acs-calling-sdk", 409, 40228)),
    ],
)
def test_greetings_and_thanks_around_an_error_message_do_not_dilute_it(explain, question, expected):
    assert_answers(explain(question), expected)


def _reworded():
    with open(REWORDED, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.parametrize("case", _reworded(), ids=lambda c: f"{c['kind']}: {c['q'][:60]}")
def test_reworded_questions_keep_their_decision(explain, case):
    d = explain(case["q"])
    assert d.status == case["status"], d
    if case["status"] == "answer":
        assert ident(d.matches[0]) == tuple(case["row"])
    elif case["status"] == "ambiguous":
        assert len({ident(m) for m in d.matches}) >= 2
