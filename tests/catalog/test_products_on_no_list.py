"""A question about a product, tool or app nobody has put on a list.

Every fresh set of real questions brings names no list has: a community tool that forwards
alerts to Teams, a self-hosted app, an LLM gateway, a Flutter plugin, a scraper calling some
host. The question's subject is that name, and the status is what it gave ("Miniflux gives 403",
"kuma-notifier-2 keeps getting 429", "Got a 502 from Traccar"). The answer is 'none', naming it.

A name is recognised by how it is written, not by a list: capitalised (one or two words), lower
case with a hyphen, an underscore or a digit in it, a plain word before "api" or "plugin", a
package path that names no owner (an Android app's ``com.example.`` namespace, a Go module's
repository), and a word that is none of ours, the lexicon's, the neutral words, nor the everyday
English of ``[subject]`` in catalog/foreign_evidence.toml. A plain capitalised word counts only
where the word after it is one we know: "Anruf endete ..." is German, not a product.

People name their own apps built on ours too ("FlightDeskBot", "Dispatchr, our app on Azure
Communication Services"): a product word of ours outside the name, a name made of our words, or
a name whose last word is one of our kinds of product (a bot) keeps the question ours. One of our
words inside another's name is no sign ("alerts2teams" forwards alerts to a Teams channel).

products_on_no_list_questions.jsonl (beside this file) holds 66 such questions, two thirds of
them other products', a third people's own apps; the _set_aside file holds 33 more, written at the
same time and not worked from.
"""

from pathlib import Path

import pytest

from tests.support.matching import assert_none_naming, assert_ours, share_held, targets

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    "question, name",
    [
        # capitalised, at the opening, the status attached
        ("Miniflux gives 403 for every feed refresh", "Miniflux"),
        ("Huginn agent returns 401 when it posts to the API", "Huginn"),
        ("Grocy: 500 when I scan a barcode", "Grocy"),
        ("LubeLogger 404 on the vehicles page", "LubeLogger"),
        ("The Baserow webhook answered 413", "Baserow"),
        ("Photoprism 401 after login", "Photoprism"),
        # lower case with a hyphen or a digit; a plain word before what kind of thing it is
        ("kuma-notifier-2 keeps getting 429", "kuma-notifier-2"),
        ("stirling api 415 unsupported media type", "stirling"),
        ("Gotify's API returns 401", "Gotify"),
        # what the status came from, or what one runs
        ("Got a 502 from Traccar after the update", "Traccar"),
        ("I'm running Shlink and it returns 409", "Shlink"),
        ("We self-host Planka, moving a card gives 403", "Planka"),
        # a package path that names no owner
        ("com.example.voip_bridge: INVITE failed with 486", "voip_bridge"),
        ("github.com/acmetel/sipgo/transaction: 481 Call/Transaction Does Not Exist", "sipgo"),
    ],
)
def test_a_name_on_no_list_with_its_status_is_that_products(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, name",
    [
        ("alerts2teams returns 400 for every alert", "alerts2teams"),
        ("TeamsCommander gets 401 after the update", "TeamsCommander"),
    ],
)
def test_our_word_inside_another_products_name_is_no_sign_of_ours(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        # a name made for a bot, with its version or written as one word
        ("FlightDeskBot returns 401 on every message", ("bot-service", 401, None)),
        ("Ops-bot-v2 returns 403", ("bot-service", 403, None)),
        # our product named beside the app's name
        ("Dispatchr (our app on Azure Communication Services) gets 403 from the REST API", ("acs-rest", 403, None)),
        ("TicketPilot, our Teams bot, returns 500", ("bot-service", 500, None)),
        ("WardCall app: call ended with subcode 3112", ("acs-call-end", 410, 3112)),
        ("ParkingPal: 403 from the ACS chat thread when adding a participant", ("acs-chat", 403, None)),
        ("Using Hoppscotch the ACS SMS endpoint answers 401", ("acs-sms-api", 401, None)),
        # everyday English and other languages open sentences in capitals too
        ("Login returns 401 in Web Chat", ("bot-service", 401, None)),
        ("Yesterday our Teams bot started returning 502", ("bot-service", 502, None)),
        ("Anruf endete mit Code 410 und Subcode 3112", ("acs-call-end", 410, 3112)),
        ("Nuestro bot en Teams devuelve 401", ("bot-service", 401, None)),
    ],
)
def test_an_app_of_ones_own_on_our_products_stays_ours(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "Got 429 from Germany only",  # a place
        "Fiddler shows 502 on every call",  # a tool that shows someone else's request
        "Sentry reports 500 errors since Monday",
        "Pizzabot 500",  # a bot of one's own, whose product the question does not say
    ],
)
def test_what_names_no_product_leaves_a_bare_status_open(explain, question):
    assert explain(question).status == "ambiguous"


def test_a_capitalised_name_then_a_colon_and_an_error_status_is_that_names_status():
    # "CrewChat: 403" says what CrewChat gave; "MaxRetries: 500" and "pageSize: 500" are settings
    assert targets("CrewChat: 403 when sending a message") == [("any", 403)]
    assert targets("MaxRetries: 500") == []
    assert targets("pageSize: 500") == []


def test_chat_over_our_own_data_is_the_rag_apps_kind(explain):
    assert_ours(explain("HelpDeskGPT, a chat over our own documents on Azure OpenAI, returns 429"), ("rag-api", 429, None))


def test_the_questions_worked_from_keep_their_figure(explain):
    # 59.1% before this kind was read, 92.4% after
    held, n = share_held(explain, HERE / "products_on_no_list_questions.jsonl")
    assert held / n >= 0.92, f"{held}/{n}"


def test_the_set_aside_questions_keep_their_figure(explain):
    # written with the others and not worked from: 60.6% before, 81.8% when scored once after the work
    held, n = share_held(explain, HERE / "products_on_no_list_questions_set_aside.jsonl")
    assert held / n >= 0.81, f"{held}/{n}"
