"""What each card says and offers, as a user reads it in the chat."""

from __future__ import annotations

import pytest

from cards import (
    ADAPTIVE_CARD_CONTENT_TYPE,
    MAX_ANSWER_CARDS,
    answer_card,
    cards_for,
    choice_card,
    none_card,
    notice_card,
    parse_submit,
    welcome_card,
)
from catalog.decision import Decision, Match
from catalog.schema import Entry
from tests.support.cards import (
    BOT_404,
    CALL_END_404,
    CODELESS,
    EXAMPLES,
    FULL,
    MINIMAL,
    SDK_404,
    SOURCES,
    WITH_NOTE,
    ambiguous,
    answer,
    nothing,
    submit_actions,
    text_blocks,
    walk,
)


def facts(card: dict) -> dict[str, str]:
    (fact_set,) = [n for n in walk(card["body"]) if n.get("type") == "FactSet"]
    return {f["title"]: f["value"] for f in fact_set["facts"]}


def open_urls(card: dict) -> list[dict]:
    return [a for a in card.get("actions", []) if a["type"] == "Action.OpenUrl"]


# ---------------------------------------------------------------- answer


def test_answer_with_every_fact():
    card = answer_card(Match(FULL, 0.97), query="410 3112", source=SOURCES["acs-call-end"])
    heading = card["body"][0]
    assert (heading["text"], heading["style"]) == (FULL.title, "heading")
    assert FULL.message in text_blocks(card)
    assert facts(card) == {
        "Product": "Azure Communication Services",
        "Code": "410 (MediaConnectivityFailed)",
        "Subcode": "3112",
        "HTTP status": "503",
        "Result category": "UnexpectedClientError",
        "Retry": "Yes, after fixing connectivity",
    }


def test_answer_advice_dash_lines_become_one_list_between_paragraphs():
    texts = text_blocks(answer_card(Match(FULL, 0.97), query="q", source=SOURCES["acs-call-end"]))
    start = texts.index("What to do")
    assert texts[start + 1 : start + 4] == [
        "Check the network first.",
        "- Open UDP 3478-3481\r- Allow the TURN relays",
        "Then retry the call.",
    ]


def test_answer_with_minimal_facts_shows_only_what_exists():
    card = answer_card(Match(MINIMAL, 0.9), query="rag 404")  # no source given: product falls back to its id
    assert facts(card) == {"Product": "rag-api", "Code": "404"}
    assert "What to do" not in text_blocks(card)
    assert open_urls(card) == []  # neither the entry nor a source has a link


def test_answer_with_a_string_code_only():
    entry = Entry(source="acs-chat", section="s", string_code="Forbidden", title="Forbidden", message="m")
    assert facts(answer_card(Match(entry, 1), query="q"))["Code"] == "Forbidden"


def test_answer_note_is_set_apart_as_a_remark_about_the_document():
    card = answer_card(Match(WITH_NOTE, 0.9), query="bot 409", source=SOURCES["bot-service"])
    (box,) = [n for n in card["body"] if n.get("type") == "Container"]
    assert box["style"] == "emphasis"
    assert [i["text"] for i in box["items"]] == ["Note about the document", WITH_NOTE.note]
    assert "Note about the document" not in text_blocks(answer_card(Match(MINIMAL, 0.9), query="q"))


def test_read_the_docs_opens_the_entry_link_first_then_the_source_url():
    with_link = answer_card(Match(FULL, 1), query="q", source=SOURCES["acs-call-end"])
    assert [(a["title"], a["url"]) for a in open_urls(with_link)] == [("Read the docs", FULL.links[0].url)]
    from_source = answer_card(Match(CODELESS, 1), query="q", source=SOURCES["acs-call-end"])
    assert open_urls(from_source)[0]["url"] == SOURCES["acs-call-end"].url


def test_answer_ends_with_feedback_buttons_for_this_entry_and_question():
    card = answer_card(Match(FULL, 1), query="what is 3112", source=SOURCES["acs-call-end"])
    submits = [parse_submit(a["data"]) for a in card["actions"] if a["type"] == "Action.Submit"]
    assert [(s.action, s.helpful, s.code, s.subcode, s.query) for s in submits] == [
        ("feedback", True, 410, 3112, "what is 3112"),
        ("feedback", False, 410, 3112, "what is 3112"),
    ]


# ---------------------------------------------------------------- choice


def test_choice_groups_candidates_by_product_in_order_of_their_best_candidate():
    card = choice_card(ambiguous("404"), SOURCES)
    texts = text_blocks(card)
    assert texts[0] == "«404» matches several errors — pick one:"
    headings = [n["text"] for n in walk(card["body"]) if n.get("style") == "heading"]
    assert headings == ["RAG API", "Azure Communication Services", "Azure Bot Service"]
    # The ACS group holds both ACS candidates, best first, though a Bot Service candidate ranked between them.
    picked = [parse_submit(a["data"]) for a in submit_actions(card)]
    assert [(s.source, s.code, s.subcode) for s in picked] == [
        ("rag-api", 404, None),
        ("acs-calling-sdk", 404, 3250),
        ("acs-call-end", 404, 4507),
        ("bot-service", 404, None),
    ]


def test_choice_names_the_document_when_one_product_has_several():
    texts = text_blocks(choice_card(ambiguous("404"), SOURCES))
    assert SOURCES["acs-calling-sdk"].document in texts and SOURCES["acs-call-end"].document in texts
    assert SOURCES["bot-service"].document not in texts  # one document: the product says it all


def test_choice_buttons_are_submits_inside_action_sets_labelled_with_numbers():
    card = choice_card(ambiguous("404"), SOURCES)
    sets = [n for n in card["body"] if n.get("type") == "ActionSet"]
    assert [a["title"] for s in sets for a in s["actions"]] == [
        "404 — Not Found",
        "404 / 3250 — Callee not found",
        "404 / 4507 — Participant not found",
        "404 — Not Found",
    ]
    assert "actions" not in card  # every button sits under its product heading


def test_choice_shows_at_most_eight_candidates_and_says_how_many_more():
    entries = [Entry(source="rag-api", section="s", code=400 + i, title=f"E{i}", message="m") for i in range(12)]
    decision = Decision(query="4", status="ambiguous", matches=tuple(Match(e, 1 - i / 20) for i, e in enumerate(entries)))
    card = choice_card(decision, SOURCES)
    assert [parse_submit(a["data"]).code for a in submit_actions(card)] == [400 + i for i in range(8)]
    assert any(t.startswith("…and 4 more") for t in text_blocks(card))


# ---------------------------------------------------------------- none


def test_none_says_so_first_and_labels_hint_and_suggestions_as_not_the_answer():
    card = none_card(nothing("bot 499", hint="4xx = client error", suggestions=(BOT_404, SDK_404)), SOURCES, EXAMPLES)
    texts = text_blocks(card)
    assert texts[0] == "Nothing in the catalog matches «bot 499»."
    assert "General meaning — not a specific answer" in texts and "4xx = client error" in texts
    assert "Did you mean…?" in texts
    suggested = [parse_submit(a["data"]) for a in submit_actions(card) if a["data"].get("action") == "explain"]
    assert [(s.action, s.source, s.code) for s in suggested] == [("explain", "bot-service", 404), ("explain", "acs-calling-sdk", 404)]


def test_none_offers_example_questions_that_send_their_text():
    card = none_card(nothing(), SOURCES, EXAMPLES + ["a fourth", "a fifth"])
    asks = [a for a in submit_actions(card) if a["data"].get("type") == "imBack"]
    assert [a["data"]["value"] for a in asks] == EXAMPLES  # three at most
    assert all(a["data"]["value"] == a["title"] for a in asks)


def test_none_with_nothing_to_offer_still_tells_the_user_what_to_try():
    card = none_card(nothing("zzz"), {}, [])
    texts = text_blocks(card)
    assert texts[0] == "Nothing in the catalog matches «zzz»."
    assert "Did you mean…?" not in texts and submit_actions(card) == []
    assert any("410 3112" in t for t in texts)


# ---------------------------------------------------------------- welcome, notice


def test_welcome_lists_each_product_once_and_offers_the_examples():
    card = welcome_card(SOURCES, EXAMPLES)
    products = [t for t in text_blocks(card) if t.startswith("- ")]
    assert products == ["- Azure Communication Services\r- Azure Bot Service\r- RAG API"]
    assert [a["data"]["value"] for a in submit_actions(card)] == EXAMPLES


def test_welcome_accepts_a_list_of_sources_too():
    assert text_blocks(welcome_card(list(SOURCES.values()), [])) == text_blocks(welcome_card(SOURCES, []))


@pytest.mark.parametrize("tone,style", [("warning", "warning"), ("error", "attention"), ("info", "default"), ("whatever", "warning")])
def test_notice_tone_sets_the_box_style(tone, style):
    card = notice_card("Your message was cut at 4,000 characters; I answered the first part.", tone=tone)
    (box,) = card["body"]
    assert box["style"] == style
    assert box["items"][0]["text"] == "Your message was cut at 4,000 characters; I answered the first part."


# ---------------------------------------------------------------- cards_for


def test_cards_for_answer_sends_one_answer_card_per_match():
    decision = Decision(query="3112 and 409", status="answer", matches=(Match(FULL, 1), Match(WITH_NOTE, 0.9)))
    cards = cards_for(decision, SOURCES, EXAMPLES).cards
    assert [c["body"][0]["text"] for c in cards] == [FULL.title, WITH_NOTE.title]


def test_cards_for_a_long_log_explains_the_first_few_and_names_the_rest():
    entries = [Entry(source="rag-api", section="s", code=400 + i, title=f"E{i}", message="m") for i in range(8)]
    decision = Decision(query="log", status="answer", matches=tuple(Match(e, 1) for e in entries))
    cards = cards_for(decision, SOURCES, EXAMPLES).cards
    assert len(cards) == MAX_ANSWER_CARDS + 1
    assert "I explained the first 5" in cards[-1]["body"][0]["items"][0]["text"]


def test_cards_for_ambiguous_and_none():
    (choice,) = cards_for(ambiguous(), SOURCES, EXAMPLES).cards
    assert "pick one" in choice["body"][0]["text"]
    (none,) = cards_for(nothing(), SOURCES, EXAMPLES).cards
    assert none["body"][0]["text"].startswith("Nothing in the catalog matches")


def test_cards_for_a_cut_message_starts_with_a_notice():
    cards = cards_for(answer(truncated_at=4000), SOURCES, EXAMPLES).cards
    assert cards[0]["body"][0]["style"] == "warning"
    assert "cut at 4,000 characters" in cards[0]["body"][0]["items"][0]["text"]
    assert cards[1]["body"][0]["text"] == FULL.title


def test_content_type_is_the_adaptive_card_one():
    assert ADAPTIVE_CARD_CONTENT_TYPE == "application/vnd.microsoft.card.adaptive"


# ---------------------------------------------------------------- real catalog


def test_every_real_entry_button_leads_back_to_that_entry():
    from catalog import CatalogError, load_catalog
    from catalog.loader import DATA_DIR

    if not any(DATA_DIR.glob("*.toml")):
        pytest.skip(f"no catalog data files in {DATA_DIR} yet")
    try:
        catalog = load_catalog()
    except CatalogError as exc:
        pytest.skip(f"catalog does not load: {exc}")
    from cards import explain_action

    lost = []
    for entry in catalog.entries:
        action = explain_action(entry)
        submit = parse_submit(action["data"])
        if submit is None or submit.entry_in(catalog) != entry:
            lost.append(entry.identity)
    assert lost == []


def test_none_names_the_product_once_for_suggestions_from_the_same_product():
    card = none_card(nothing("404x", suggestions=(SDK_404, CALL_END_404, BOT_404)), SOURCES, [])
    texts = text_blocks(card)
    assert texts.count("Azure Communication Services") == 1 and texts.count("Azure Bot Service") == 1
    assert len(submit_actions(card)) == 3


def test_choice_keeps_candidates_of_one_document_together_under_its_name():
    other_end = Entry(source="acs-call-end", section="codes", code=404, subcode=4508, title="Other", message="m")
    order = [CALL_END_404, SDK_404, other_end]  # call end, calling SDK, call end again
    decision = Decision(query="404", status="ambiguous", matches=tuple(Match(e, 0.9 - i / 10) for i, e in enumerate(order)))
    card = choice_card(decision, SOURCES)
    picked = [(s.source, s.subcode) for s in (parse_submit(a["data"]) for a in submit_actions(card))]
    assert picked == [("acs-call-end", 4507), ("acs-call-end", 4508), ("acs-calling-sdk", 3250)]
    texts = text_blocks(card)
    assert texts.count(SOURCES["acs-call-end"].document) == 1
