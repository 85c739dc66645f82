"""Repeated questions are answered from memory, with the same cards, and never across products.

The bot keeps the answers it has worked out (bot/conversation/answer_cache.py): the same
question in the same product context gets the same cards without matching
again. What a user must never notice is the cache itself: the second answer is
the same as the first, a follow-up still depends on the conversation's last
product, and turning the cache off changes nothing but speed.
"""

from __future__ import annotations

import pytest

from bot.conversation.answer_cache import Answer, AnswerCache
from bot.web.app import create_app
from bot.config import BotConfig, ConfigError
from catalog import Decision
from tests.support.bot_server import CountingStorage, activity, adaptive_cards, conversation_id, post
from tests.support.conversation import answered_source, ask


def test_the_same_question_twice_gets_the_same_cards(bot, sink):
    hits_before = bot.health()["answer_cache"]["hits"]
    first = ask(bot, sink, "what is subcode 3112")
    second = ask(bot, sink, "what is subcode 3112")
    assert adaptive_cards(second) == adaptive_cards(first)
    assert second["summary"] == first["summary"]
    assert bot.health()["answer_cache"]["hits"] >= hits_before + 1


def test_a_cached_follow_up_is_not_reused_in_another_product(bot, sink):
    # "and 500?" means call-end's 500 after a call-end answer and the Bot Service's after a bot answer;
    # the first conversation leaves its reading in the cache, the second must not get it.
    call_end, bot_service = conversation_id(), conversation_id()
    ask(bot, sink, "what is subcode 3112", call_end)
    assert answered_source(adaptive_cards(ask(bot, sink, "and 500?", call_end))[0]) == "acs-call-end"
    ask(bot, sink, "bot returns 405", bot_service)
    assert answered_source(adaptive_cards(ask(bot, sink, "and 500?", bot_service))[0]) == "bot-service"


def test_with_the_cache_off_answers_are_the_same_and_nothing_is_kept(start_bot, sink):
    uncached = start_bot(env={"BOT_ANSWER_CACHE_SIZE": "0"})
    conv = conversation_id()
    first = ask(uncached, sink, "sms 4007", conv)
    second = ask(uncached, sink, "sms 4007", conv)
    assert adaptive_cards(first) == adaptive_cards(second)
    assert uncached.health()["answer_cache"] == {"entries": 0, "hits": 0, "misses": 2}


def test_the_cache_size_is_a_setting():
    assert BotConfig.from_env({}).answer_cache_size == 1024
    assert BotConfig.from_env({"BOT_ANSWER_CACHE_SIZE": "0"}).answer_cache_size == 0
    with pytest.raises(ConfigError, match="BOT_ANSWER_CACHE_SIZE"):
        BotConfig.from_env({"BOT_ANSWER_CACHE_SIZE": "-1"})


def _answer(text: str) -> Answer:
    return Answer(Decision(query=text, status="none", matches=()), (), "")


def test_the_least_recently_used_answer_goes_first():
    cache = AnswerCache(max_entries=2)
    cache.put(("a", None, None), _answer("a"))
    cache.put(("b", None, None), _answer("b"))
    assert cache.get(("a", None, None)) is not None  # "a" is now the most recent
    cache.put(("c", None, None), _answer("c"))
    assert cache.get(("b", None, None)) is None
    assert cache.get(("a", None, None)) is not None and cache.get(("c", None, None)) is not None
    assert len(cache) == 2


def test_long_pastes_are_not_kept():
    cache = AnswerCache(max_entries=10, max_question_chars=300)
    cache.put(("x" * 301, None, None), _answer("long"))
    cache.put(("x" * 300, None, None), _answer("short"))
    assert len(cache) == 1 and cache.get(("x" * 300, None, None)) is not None


def test_state_is_written_only_when_the_product_changes(serve_app, sink):
    storage = CountingStorage()
    server = serve_app(create_app(BotConfig(), storage=storage))
    conv = conversation_id()
    for question in ("what is subcode 3112", "and 3101?", "and 500?"):  # all call-end
        assert post(server, activity(sink, question, conv)).status_code == 200
    sink.wait_for(3, conv)
    assert storage.writes == 1
    assert post(server, activity(sink, "bot returns 405", conv)).status_code == 200
    sink.wait_for(4, conv)
    assert storage.writes == 2
    # and what was written is what the next turn reads: the Bot Service's 500
    assert post(server, activity(sink, "and 500?", conv)).status_code == 200
    assert answered_source(adaptive_cards(sink.wait_for(5, conv)[4])[0]) == "bot-service"
