"""What each card says and offers, as a user reads it in the chat."""

from __future__ import annotations

import json

import pytest

from cards import (
    ADAPTIVE_CARD_CONTENT_TYPE,
    MAX_ANSWER_CARDS,
    answer_card,
    cards_for,
    choice_card,
    fallback_text,
    not_found_card,
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


def open_urls(card: dict) -> list[dict]:
    return [n for n in walk(card["body"]) if n.get("type") == "Action.OpenUrl"]


def rows(card: dict) -> list[dict]:
    """The tappable rows of a choice or nothing-found card (containers with a selectAction)."""
    return [n for n in walk(card["body"]) if n.get("type") == "Container" and "selectAction" in n]


def row_texts(node: dict) -> list[str]:
    """The words of a row (or any part of a card) in reading order, spacing trimmed."""
    return [n["text"].strip() for n in walk(node.get("items") or node.get("columns"))
            if n.get("type") in ("TextBlock", "TextRun")]


def category_line(card: dict) -> list[dict]:
    (line,) = [n for n in card["body"] if n.get("type") == "RichTextBlock"]
    return line["inlines"]


# ---------------------------------------------------------------- answer


def test_answer_shows_the_title_once_then_every_fact_on_one_line():
    card = answer_card(Match(FULL, 0.97), query="410 3112", source=SOURCES["acs-call-end"])
    heading, facts = card["body"][0], card["body"][1]
    assert (heading["text"], heading["style"]) == (FULL.title, "heading")
    assert facts["text"] == "ACS Calling · Code 410 · Subcode 3112 · MediaConnectivityFailed · HTTP 503"
    assert FULL.message in text_blocks(card)
    assert text_blocks(card).count(FULL.title) == 1


def test_answer_says_whose_side_the_problem_is_on_in_words_and_colour():
    runs = category_line(answer_card(Match(FULL, 0.97), query="q", source=SOURCES["acs-call-end"]))
    assert [(r["text"], r.get("color")) for r in runs] == [
        ("●", "Warning"),  # a coloured dot; the words keep the text colour, readable in any theme
        (" Client-side problem", None),
        (" · Retry: Yes, after fixing connectivity", None),
    ]
    assert "UnexpectedClientError" not in json.dumps(answer_card(Match(FULL, 1), query="q"))


@pytest.mark.parametrize("category,words,color", [
    ("ExpectedError", "Expected outcome", "Accent"),
    ("UnexpectedServerError", "Service-side problem", "Attention"),
    ("Success", "Not an error", "Good"),
])
def test_each_result_category_has_its_own_words_and_colour(category, words, color):
    entry = FULL.model_copy(update={"category": category, "retry": None})
    dot, run = category_line(answer_card(Match(entry, 1), query="q"))
    assert (run["text"], dot["color"]) == (f" {words}", color)


def test_without_a_category_an_http_status_class_still_tells_the_side():
    dot, run = category_line(answer_card(Match(MINIMAL, 1), query="q"))  # RAG API 404
    assert run["text"] == " Client-side problem"


def test_a_message_that_starts_by_repeating_the_title_loses_that_part():
    entry = MINIMAL.model_copy(update={"title": "Call setup failed",
                                       "message": "Call setup failed, check the network and retry."})
    texts = text_blocks(answer_card(Match(entry, 1), query="q"))
    assert texts[0] == "Call setup failed" and "Check the network and retry." in texts
    same = MINIMAL.model_copy(update={"message": "Not found."})
    assert text_blocks(answer_card(Match(same, 1), query="q")).count("Not found.") == 0


def test_advice_dash_lines_become_one_list_between_paragraphs():
    texts = text_blocks(answer_card(Match(FULL, 0.97), query="q", source=SOURCES["acs-call-end"]))
    start = texts.index("What to do")
    assert texts[start + 1 : start + 4] == [
        "Check the network first.",
        "- Open UDP 3478-3481\r- Allow the TURN relays",
        "Then retry the call.",
    ]


def test_advice_ending_in_a_dangling_here_gets_the_documents_link():
    entry = FULL.model_copy(update={"advice": "Learn more about subcode 3112 here."})
    texts = text_blocks(answer_card(Match(entry, 1), query="q"))
    assert f"Learn more about subcode 3112 [here]({FULL.links[0].url})." in texts
    unlinked = MINIMAL.model_copy(update={"advice": "Learn more about it here."})
    assert "Learn more about it." in text_blocks(answer_card(Match(unlinked, 1), query="q"))
    assert "here" not in fallback_text(answer_card(Match(entry, 1), query="q"))


def test_answer_with_minimal_facts_shows_only_what_exists():
    card = answer_card(Match(MINIMAL, 0.9), query="rag 404")  # no source given: product falls back to its id
    assert card["body"][1]["text"] == "rag-api · Code 404"
    assert "What to do" not in text_blocks(card)
    assert open_urls(card) == []  # neither the entry nor a source has a link


def test_answer_with_a_string_code_only():
    entry = Entry(source="acs-chat", section="s", string_code="Forbidden", title="Access denied", message="m")
    assert answer_card(Match(entry, 1), query="q")["body"][1]["text"] == "acs-chat · Forbidden"


def test_answer_note_is_a_small_remark_after_the_advice():
    card = answer_card(Match(WITH_NOTE, 0.9), query="bot 409", source=SOURCES["bot-service"])
    (note,) = [n for n in card["body"] if n.get("text", "").startswith("Note: ")]
    assert note["text"] == f"Note: {WITH_NOTE.note}" and note["size"] == "Small"


def test_read_the_docs_is_the_one_button_and_opens_the_entry_link_first_then_the_source_url():
    with_link = answer_card(Match(FULL, 1), query="q", source=SOURCES["acs-call-end"])
    assert [(a["title"], a["url"]) for a in open_urls(with_link)] == [("Read the docs", FULL.links[0].url)]
    assert [n for n in walk(with_link) if n.get("type") == "ActionSet"] == [
        {"type": "ActionSet", "spacing": "Medium", "actions": open_urls(with_link)}]
    from_source = answer_card(Match(CODELESS, 1), query="q", source=SOURCES["acs-call-end"])
    assert open_urls(from_source)[0]["url"] == SOURCES["acs-call-end"].url


def test_answer_ends_with_small_feedback_links_for_this_entry_and_question():
    card = answer_card(Match(FULL, 1), query="what is 3112", source=SOURCES["acs-call-end"])
    feedback = card["body"][-1]
    assert [t for t in row_texts(feedback)] == ["Helpful?", "Yes", "No"]
    assert all(n.get("size") == "Small" for n in walk(feedback["columns"]) if n.get("type") == "TextBlock")
    submits = [parse_submit(c["selectAction"]["data"]) for c in feedback["columns"] if "selectAction" in c]
    assert [(s.action, s.helpful, s.code, s.subcode, s.query) for s in submits] == [
        ("feedback", True, 410, 3112, "what is 3112"),
        ("feedback", False, 410, 3112, "what is 3112"),
    ]


def test_the_product_the_conversation_chose_is_said_and_the_others_are_one_tap_away():
    card = answer_card(Match(CALL_END_404, 1), query="and 404?", sources=SOURCES, context_decided="acs-call-end",
                       others=(Match(BOT_404, 0.9), Match(MINIMAL, 0.9)))
    assert card["body"][0]["text"] == "Assuming ACS Calling, from your last question"
    others = [a for a in submit_actions(card) if a["data"]["action"] == "explain"]
    assert [(a["title"], a["data"]["source"], a["data"]["code"]) for a in others] == [
        ("Azure Bot Service", "bot-service", 404), ("RAG API", "rag-api", 404)]
    plain_card = answer_card(Match(CALL_END_404, 1), query="404", sources=SOURCES)
    assert not any("Assuming" in t for t in text_blocks(plain_card))


def test_buttons_can_be_teams_universal_actions():
    card = answer_card(Match(FULL, 1), query="q", style="execute", others=(Match(BOT_404, 1),))
    executes = [n for n in walk(card) if n.get("type") == "Action.Execute"]
    assert sorted(n["verb"] for n in executes) == ["explain", "feedback", "feedback"]
    # Each carries the same button as a Submit, for Teams clients without Universal Actions;
    # those fallbacks are the only Submits on the card.
    assert all(n["fallback"] == {"type": "Action.Submit", "title": n["title"], "data": n["data"]} for n in executes)
    assert len([n for n in walk(card) if n.get("type") == "Action.Submit"]) == len(executes)


# ---------------------------------------------------------------- choice


def test_choice_is_one_compact_row_per_candidate_best_first():
    card = choice_card(ambiguous("404"), SOURCES)
    assert card["body"][0]["text"] == "Which «404» do you mean?"
    assert [row_texts(r) for r in rows(card)] == [
        ["404", "Not Found", "RAG API"],
        ["404 / 3250", "Callee not found", "ACS Calling SDK"],
        ["404", "Not Found", "Azure Bot Service"],
        ["404 / 4507", "Participant not found", "ACS Calling"],
    ]
    picked = [parse_submit(r["selectAction"]["data"]) for r in rows(card)]
    assert [(s.source, s.code, s.subcode) for s in picked] == [
        ("rag-api", 404, None), ("acs-calling-sdk", 404, 3250), ("bot-service", 404, None), ("acs-call-end", 404, 4507)]
    assert not [n for n in walk(card) if n.get("style") == "heading"]  # no product headings


def test_choice_names_the_document_when_two_products_read_the_same():
    alike = {sid: s.model_copy(update={"short_name": None}) for sid, s in SOURCES.items()}
    texts = [row_texts(r)[-1] for r in rows(choice_card(ambiguous("404"), alike))]
    assert f"Azure Communication Services · {SOURCES['acs-calling-sdk'].document}" in texts
    assert "Azure Bot Service" in texts  # told apart by its name alone


def test_choice_shows_at_most_eight_candidates_and_says_how_many_more():
    entries = [Entry(source="rag-api", section="s", code=400 + i, title=f"E{i}", message="m") for i in range(12)]
    decision = Decision(query="4", status="ambiguous", matches=tuple(Match(e, 1 - i / 20) for i, e in enumerate(entries)))
    card = choice_card(decision, SOURCES)
    assert [parse_submit(r["selectAction"]["data"]).code for r in rows(card)] == [400 + i for i in range(8)]
    assert any(t.startswith("…and 4 more") for t in text_blocks(card))


# ---------------------------------------------------------------- nothing found


def test_not_found_says_so_first_and_labels_hint_and_suggestions_as_not_the_answer():
    card = not_found_card(nothing("bot 499", hint="4xx = client error", suggestions=(BOT_404, SDK_404)), SOURCES, EXAMPLES)
    texts = text_blocks(card)
    assert texts[0] == "Nothing in the catalog matches «bot 499»."
    assert "General meaning, not a specific answer" in texts and "4xx = client error" in texts
    assert "Close to what you asked, but not a match:" in texts
    suggested = [parse_submit(r["selectAction"]["data"]) for r in rows(card)]
    assert [(s.action, s.source, s.code) for s in suggested] == [("explain", "bot-service", 404), ("explain", "acs-calling-sdk", 404)]
    assert [row_texts(r)[-1] for r in rows(card)] == ["Azure Bot Service", "ACS Calling SDK"]


def test_not_found_writes_out_example_questions_the_bot_offers_as_suggested_actions():
    card = not_found_card(nothing(), SOURCES, EXAMPLES + ["a fourth", "a fifth"])
    assert "Questions I can answer look like “what is subcode 3112”, “my bot returns 401”, “RAG API 429”." in text_blocks(card)
    assert submit_actions(card) == []  # no second set of example buttons next to the suggested actions


def test_not_found_with_nothing_to_offer_still_tells_the_user_what_to_try():
    card = not_found_card(nothing("zzz"), {}, [])
    texts = text_blocks(card)
    assert texts[0] == "Nothing in the catalog matches «zzz»."
    assert rows(card) == [] and submit_actions(card) == []
    assert any("410 3112" in t for t in texts)


# ---------------------------------------------------------------- welcome, notice


def test_welcome_names_a_family_of_products_once_and_writes_out_the_examples():
    card = welcome_card(SOURCES, EXAMPLES)
    products = [x for x in text_blocks(card) if x.startswith("- ")]
    assert products == ["- Azure Communication Services: Calling, Calling SDK\r- Azure Bot Service\r- RAG API"]
    assert "Try: “what is subcode 3112”, “my bot returns 401”, “RAG API 429”" in text_blocks(card)
    assert submit_actions(card) == []  # the bot offers them as suggested actions; once is enough


def test_welcome_accepts_a_list_of_sources_too():
    assert text_blocks(welcome_card(list(SOURCES.values()), [])) == text_blocks(welcome_card(SOURCES, []))


@pytest.mark.parametrize("tone,style", [("warning", "warning"), ("error", "attention"), ("info", "default"), ("whatever", "warning")])
def test_notice_tone_sets_the_box_style(tone, style):
    card = notice_card("Your message was cut at 4,000 characters; I answered the first part.", tone=tone)
    (box,) = card["body"]
    assert box["style"] == style
    assert box["items"][0]["text"] == "Your message was cut at 4,000 characters; I answered the first part."


# ---------------------------------------------------------------- cards_for


def test_several_codes_get_a_summary_saying_which_to_act_on_first_then_a_card_each():
    success = WITH_NOTE.model_copy(update={"category": "Success"})
    decision = Decision(query="409 and 3112", status="answer", matches=(Match(success, 1), Match(FULL, 0.9)))
    summary, *answers = cards_for(decision, SOURCES, EXAMPLES).cards
    assert summary["body"][0]["text"] == "Your message names 2 errors. Act on 410 / 3112 first, a client-side problem."
    # The client-side problem comes first: it can be fixed now; the success needs nothing.
    assert [c["body"][0]["text"] for c in answers] == [FULL.title, success.title]
    assert fallback_text(summary).startswith("Your message names 2 errors. Act on 410 / 3112 first")


def test_an_http_status_and_the_payload_code_for_it_are_one_problem():
    status = Entry(source="rag-api", section="s", code=502, title="Bad Gateway", message="m")
    payload = Entry(source="rag-api", section="s", key="upstream_error", string_code="upstream_error", http_status=502,
                    title="upstream_error (502 Bad Gateway)", message="m")
    decision = Decision(query="502 upstream_error", status="answer", matches=(Match(status, 1), Match(payload, 1)))
    (card,) = cards_for(decision, SOURCES, EXAMPLES).cards
    assert card["body"][0]["text"] == payload.title and card["body"][1]["text"] == "RAG API · HTTP 502"


def test_a_single_answer_has_no_summary():
    (card,) = cards_for(answer(), SOURCES, EXAMPLES).cards
    assert card["body"][0]["text"] == FULL.title


def test_cards_for_a_long_log_explains_the_first_few_and_names_the_rest():
    entries = [Entry(source="rag-api", section="s", code=400 + i, title=f"E{i}", message="m") for i in range(8)]
    decision = Decision(query="log", status="answer", matches=tuple(Match(e, 1) for e in entries))
    cards = cards_for(decision, SOURCES, EXAMPLES).cards
    assert len(cards) == 1 + MAX_ANSWER_CARDS + 1  # summary, answers, what was left out
    assert "I explained the first 5" in cards[-1]["body"][0]["items"][0]["text"]


def test_cards_for_ambiguous_and_none():
    (choice,) = cards_for(ambiguous(), SOURCES, EXAMPLES).cards
    assert choice["body"][0]["text"] == "Which «404» do you mean?"
    (none,) = cards_for(nothing(), SOURCES, EXAMPLES).cards
    assert none["body"][0]["text"].startswith("Nothing in the catalog matches")


def test_cards_for_reads_the_matchers_follow_up_fields_when_present():
    decision = answer(CALL_END_404, "and 404?")
    object.__setattr__(decision, "context_decided", "acs-call-end")
    object.__setattr__(decision, "others", (Match(BOT_404, 0.9),))
    (card,) = cards_for(decision, SOURCES, EXAMPLES).cards
    assert card["body"][0]["text"] == "Assuming ACS Calling, from your last question"
    assert [a["title"] for a in submit_actions(card) if a["data"]["action"] == "explain"] == ["Azure Bot Service"]


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


def test_every_row_names_its_product_and_the_same_short_name_twice_is_fine():
    card = not_found_card(nothing("404x", suggestions=(SDK_404, CALL_END_404, BOT_404)), SOURCES, [])
    assert [row_texts(r)[-1] for r in rows(card)] == ["ACS Calling SDK", "ACS Calling", "Azure Bot Service"]


def test_not_found_for_another_vendors_error_says_whose_it_looks_like_and_what_is_covered():
    decision = nothing("twilio error 30003")
    object.__setattr__(decision, "foreign_product", "Twilio")  # the matcher's field, when it has it
    texts = text_blocks(not_found_card(decision, SOURCES, []))
    assert texts[1] == ("This looks like an error from Twilio. I explain the errors of "
                        "Azure Communication Services, Azure Bot Service, RAG API.")
