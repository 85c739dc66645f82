"""Questions written in other languages, or in several at once.

About one support question in ten is not in English: Japanese, Chinese, Korean,
German, French, Spanish, Portuguese, Russian, Turkish, Vietnamese..., often with
the English error text pasted in the middle. What such a question needs from the
matcher is the same as an English one, in that language's notation:

* numbers glued to a script written without spaces ("ボットが500を返します",
  "返回502") are numbers, and counts glued to their unit ("约29人使用") are not codes;
* role words of the language ("с кодом 410 и подкодом 3101", "子碼", "mã phụ");
* our products in their local spellings and scripts ("チームズ", "ダイレクトライン",
  "채팅 SDK", "бота", "簡訊", "配信レポート");
* statuses named by their translated reason phrase ("zu viele Anfragen",
  "要求が多すぎます"), while the same words in a sentence stay words ("die Kamera
  wurde nicht gefunden");
* other vendors named in those languages ("腾讯云短信", "네이버 클라우드") are 'none'.

The words are data (catalog/lexicon.toml, catalog/foreign_products.toml). The
questions below are written for this test; other_languages_questions.jsonl
beside it holds 67 more, worked from, and other_languages_questions_set_aside.jsonl
33 that were not looked at while the matcher was changed.
"""

from pathlib import Path

import pytest

from tests.support.matching import assert_none_naming, assert_ours, holds, ident, question_lines, share_held, targets

WORKED_FROM = Path(__file__).with_name("other_languages_questions.jsonl")
SET_ASIDE = Path(__file__).with_name("other_languages_questions_set_aside.jsonl")


@pytest.mark.parametrize(
    "question, read",
    [
        ("Teams機器人回傳401", [("http", 401)]),  # 回傳: "returned"
        ("ボットが500を返します", [("any", 500)]),
        ("通話がサブコード5829で終了", [("subcode", 5829)]),
        ("ACS通话结束subcode 3100", [("subcode", 3100)]),  # a Latin role word glued to the script
        # a count glued to its unit, an ordinal, an interval: none of them a code
        ("约29人使用，返回429", [("http", 429)]),
        ("第3行报错 500", [("any", 500)]),
        ("机器人每10秒返回一次500", [("any", 500)]),
        # a word after a space is a word, not a unit: 자 of 자세히 ("in detail") is no 자 (characters)
        ("봇 403 자세히 알려주세요", [("any", 403)]),
    ],
)
def test_numbers_glued_to_a_script_without_spaces_are_read(question, read):
    assert targets(question) == read


@pytest.mark.parametrize(
    "question, read",
    [
        ("Звонок оборвался с кодом 410 и подкодом 3101", [("pair", 410, 3101)]),
        ("Połączenie zakończone, kod błędu 480", [("code", 480)]),
        ("通話被掛斷，錯誤碼 487 子碼 10004", [("pair", 487, 10004)]),
        ("Cuộc gọi kết thúc với mã 480 mã phụ 10037", [("pair", 480, 10037)]),
    ],
)
def test_role_words_of_other_languages_name_code_and_subcode(question, read):
    assert targets(question) == read


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ウェブチャットで503が出る", ("bot-service", 503, None)),
        ("팀즈 봇이 503 을 반환해요", ("bot-service", 503, None)),
        ("机器人一直返回503", ("bot-service", 503, None)),
        ("Мой бот отвечает 401", ("bot-service", 401, None)),  # declined: бота, боту, ботом ...
        ("Botumuz Teams'te 403 veriyor", ("bot-service", 403, None)),
        ("Чат SDK возвращает 403", ("acs-chat", 403, None)),
        ("簡訊發送報告 4006", ("acs-sms-delivery", 4006, None)),
        ("SMS配信レポート4010", ("acs-sms-delivery", 4010, None)),
        ("オムニチャネル API のエラー 30013", ("omnichannel-messaging", 30013, None)),
        ("ACSの通話がサブコード5829で終了", ("acs-call-end", 403, 5829)),
    ],
)
def test_our_products_in_their_local_spellings(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        ('Die Direct Line gibt "Dienst nicht verfügbar" zurück', ("bot-service", 503, None)),
        ("El bot devuelve 'demasiadas solicitudes'", ("bot-service", 429, None)),
        ('O bot retorna "erro interno do servidor"', ("bot-service", 500, None)),
        ("Il bot restituisce 'gateway non valido'", ("bot-service", 502, None)),
        ("Бот отвечает «Слишком много запросов»", ("bot-service", 429, None)),
        ("ボットが「内部サーバーエラー」を返します", ("bot-service", 500, None)),
        ("机器人返回“服务不可用”", ("bot-service", 503, None)),
        ("봇이 '요청이 너무 많음' 을 반환합니다", ("bot-service", 429, None)),
        # a subcode followed by its status, in any language, is that code/subcode row
        ("Call Automation: Fehler 8522 nicht gefunden", ("acs-call-automation", 404, 8522)),
        ("Call Automation error 8522 status 404", ("acs-call-automation", 404, 8522)),
    ],
)
def test_a_status_named_in_another_language(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, read",
    [
        ("Die Kamera wurde nicht gefunden", []),  # "not found" of a sentence, not the status
        ("我们的冲突很多", []),  # "we have many conflicts"
        ("返回「冲突」", [("http", 409)]),  # ... but quoted after "returned" it is the status
        ("Fehler 8522 nicht gefunden", [("any", 8522), ("http", 404)]),  # ... and after a number
        ("call automation 8522 not found", [("any", 8522)]),  # English reads as it did
    ],
)
def test_translated_names_that_are_also_a_sentences_words_count_only_set_apart(question, read):
    assert targets(question) == read


@pytest.mark.parametrize(
    "question, product",
    [
        ("腾讯云短信返回 401",
         "a Chinese cloud's SMS, voice or messaging service (Alibaba Cloud, Tencent Cloud, Huawei Cloud, "
         "NetEase Yunxin, RongCloud, Easemob)"),
        ("钉钉机器人返回 403", "Feishu / Lark / DingTalk / WeChat"),  # glued to 机器人, our "bot"
        ("Chatwork API から 429",
         "a Japanese or Korean cloud or messaging service (LINE WORKS, Chatwork, Naver Cloud, NHN Cloud, CoolSMS)"),
        ("네이버 클라우드 SENS 에서 403",
         "a Japanese or Korean cloud or messaging service (LINE WORKS, Chatwork, Naver Cloud, NHN Cloud, CoolSMS)"),
        ("Zenvia retorna 401 não autorizado",
         "a European, Latin American, Russian, Turkish or Vietnamese SMS or telephony provider (Orange, OVH, "
         "sipgate, Netgsm, Zenvia, SMS.ru)"),
        ("Яндекс SMS API 401",
         "a European, Latin American, Russian, Turkish or Vietnamese SMS or telephony provider (Orange, OVH, "
         "sipgate, Netgsm, Zenvia, SMS.ru)"),
    ],
)
def test_other_vendors_named_in_other_languages_are_none(explain, question, product):
    assert_none_naming(explain(question), product)


def test_a_vendor_name_made_of_two_english_words_needs_them_glued(explain):
    # "Chatwork" is a mark, found only as written: "does chat work" is our Chat SDK's question
    assert_ours(explain("ACS chat: does chat work for Teams users? I get 403"), ("acs-chat", 403, None))


@pytest.mark.parametrize("line", question_lines(WORKED_FROM), ids=lambda x: x["q"][:50])
def test_every_worked_from_question_keeps_its_answer(explain, line):
    decision = explain(line["q"])
    assert holds(decision, line["expect"]), (line["expect"], decision.status, [ident(m) for m in decision.matches[:3]])


def test_the_set_aside_questions_keep_their_figure(explain):
    # 33 questions of the same kinds, written with the ones above and not looked at while the
    # matcher was changed; scored once at the start (87.9%, 29/33) and once at the end (100%).
    held, total = share_held(explain, SET_ASIDE)
    assert held / total >= 0.96, f"{held}/{total}"


@pytest.mark.parametrize(
    "question, product",
    [
        ("Gotifyの通知APIを呼ぶと401が返ります", "Gotify"),
        ("Shlinkで短縮URLを作ると409になる", "Shlink"),
    ],
)
def test_a_name_nobody_has_glued_to_a_sentence_without_spaces_is_that_products(explain, question, product):
    # A Latin name opening a Japanese or Chinese sentence, its status glued on after particles,
    # is the subject as "Gotify gives me 401" is (foreign_evidence.py _subject).
    decision = explain(question)
    assert decision.status == "none"
    assert decision.foreign_product == product
