"""Our rows asked about in other languages, with a code and without one.

People who see one of our errors write in their own language: "der Anruf endet mit Code 495",
"画面共有がすでに開始されています", "el SMS fue bloqueado por el operador de destino". The catalog is
written in English, so three things in lexicon.toml let such a question meet its row, all data:

- [said_in_other_languages]: our words as those languages write them ("Anruf" and "通话" for
  "call", "bloqueado" for "blocked"). A row holding the English word holds them too (built into
  the index once), and they name the row's title as the English word would. In the scripts
  written without spaces a question's run of words is one token, so the words are found inside
  it ("麦克风无法取消静音"); what else the run says stays one unknown word, as an English word the
  catalog never uses does, so a story we have no row for is not claimed by its one word of ours.
- [stopwords]: those languages' small words and their words for "error" and "code", which say
  nothing of which error, as "the" and "error" say nothing in English.
- The same words are known to foreign_evidence: a German sentence opening with a capitalised
  noun ("Anruf an externe Nummer, Fehler 484") names no product of someone else.

Word order changes nothing: the role word may follow the number ("403 hatası", "4010 のエラー").
A question naming another vendor in any language stays 'none' ("Bei Zoom bricht der Anruf ab").

rows_in_other_languages_questions.jsonl beside this file holds the questions this work was
done from; rows_in_other_languages_questions_set_aside.jsonl was written at the same time and
scored once at the end. Both run here with a floor.
"""

from pathlib import Path

import pytest

from catalog import load_catalog
from tests.support.matching import assert_answers, holds, share_held

HERE = Path(__file__).parent
WORKED_FROM = HERE / "rows_in_other_languages_questions.jsonl"
SET_ASIDE = HERE / "rows_in_other_languages_questions_set_aside.jsonl"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ACS Calling: Video ist bereits gestartet, trotzdem rufe ich startVideo auf", ("acs-calling-sdk", 400, 41027)),
        ("ACS : impossible d'arrêter la vidéo, elle est déjà arrêtée", ("acs-calling-sdk", 400, 41030)),
        ("ACS SMS: el SMS fue bloqueado por el operador de destino", ("acs-sms-delivery", 4005, None)),
        ("De ontvanger heeft zich afgemeld voor sms-berichten van ons ACS-nummer", ("acs-sms-delivery", 4007, None)),
        ("ACS: не удалось включить камеру, камера используется другим приложением", ("acs-calling-sdk", 412, 43000)),
        ("ACS 通話で画面共有がすでに開始されていると言われます", ("acs-calling-sdk", 400, 41035)),
        ("ACS 视频已经停止了,再停止视频就报错", ("acs-calling-sdk", 400, 41030)),
        ("ACS 短信被目标运营商拦截了", ("acs-sms-delivery", 4005, None)),
        ("Beim Hochladen in die RAG API: die Datei wurde für diesen Index bereits verarbeitet", ("rag-api", 409, None)),
        ("Trascrizione annullata in Call Automation", ("acs-call-automation", None, 8579)),
    ],
)
def test_a_symptom_told_in_another_language_is_its_row(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ACS 통화에서 카메라 권한이 거부되어 비디오를 시작할 수 없어요", ("acs-calling-sdk", "a camera permission row")),
        ("ACS PSTN 通話で相手が話し中でした", ("busy", "the called number was busy")),
        ("La API de mensajería de Omnichannel dice que la conversación no existe", ("omnichannel", "no such conversation")),
    ],
)
def test_a_symptom_with_several_fitting_rows_finds_one_of_them(explain, question, expected):
    fitting = {
        "a camera permission row": [("acs-calling-sdk", 403, 43001), ("acs-calling-sdk", 412, 43016), ("acs-calling-sdk", 400, 40613)],
        "the called number was busy": [("acs-pstn", 486, 60486), ("acs-call-end", 486, 560486)],
        "no such conversation": [("omnichannel-messaging", 30013, None), ("omnichannel-messaging", 404, None)],
    }[expected[1]]
    d = explain(question)
    # ... or the choice between them, as the same question in English gets ("the other side was busy")
    assert holds(d, {"any": [*({"source": s, "code": c, "subcode": sc} for s, c, sc in fitting), "ambiguous"]}), d
    assert {(m.entry.source, m.entry.code, m.entry.subcode) for m in d.matches[:2]} <= set(fitting), d


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Rooms toplantısına katılırken 5829 alt kodu alıyorum", ("acs-call-end", 403, 5829)),
        ("ACS の SMS 送信で 4010 のエラーが出る", ("acs-sms-delivery", 4010, None)),
        ("봇이 401 에러를 돌려줘요", ("bot-service", 401, None)),
        ("ACS の通話終了後 10004 サブコードになります", ("acs-call-end", 487, 10004)),
    ],
)
def test_the_role_word_may_follow_the_number(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Fin de l'appel avec le code 495, jeton expiré ?", ("acs-call-end", 495, 4507)),
        ("Telefonanruf über PSTN endet mit Code 484", ("acs-pstn", 484, 560484)),
        ("Anruf an eine externe Rufnummer: Fehler 484", ("acs-pstn", 484, 560484)),
    ],
)
def test_a_code_only_one_row_of_one_product_has_is_that_row_in_any_language(explain, question, expected):
    """495 is only the code of call end's 495/4507 and 484 only PSTN's 484/560484: the German or
    French words around it ("Anruf", "appel") fit that row as "call" would, and no capitalised
    German noun is taken for another product's name."""
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "Bei Zoom bricht der Anruf nach 30 Sekunden ab",
        "Dans Mattermost mon bot reçoit 403",
        "Slack のボットで 429 が返る",
        "用 Twilio 发短信返回 21610",
        "Con Vonage la llamada termina con 486",
        "디스코드 봇이 429를 받아요",
    ],
)
def test_another_vendor_named_in_another_language_stays_none(explain, question):
    assert explain(question).status == "none"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("L'API de messagerie Omnichannel dit que la taille de page pour les messages doit être entre 1 et 100",
         ("omnichannel-messaging", 30008, None)),
        ("Die Omnichannel Messaging API sagt, die Seitengröße für Nachrichten muss zwischen 1 und 100 liegen",
         ("omnichannel-messaging", 30008, None)),
        ("La API de mensajería de Omnichannel dice que el tamaño de página de las conversaciones debe estar "
         "entre 1 y 250", ("omnichannel-messaging", 30007, None)),
        ("Omnichannel メッセージング API: 会話のページサイズは1から250の間でなければならない",
         ("omnichannel-messaging", 30007, None)),
        ("Omnichannel 消息 API 说会话的页面大小必须在1到250之间", ("omnichannel-messaging", 30007, None)),
        ("Omnichannel mesajlaşma API'si mesajlar için sayfa boyutu 1 ile 100 arasında olmalı diyor",
         ("omnichannel-messaging", 30008, None)),
    ],
)
def test_a_range_of_allowed_values_told_in_another_language_is_no_pair_of_codes(explain, question, expected):
    """"entre 1 et 100", "1 ile 250 arasında", "1から250の間" are the limits a row states (lexicon.toml
    [bounds]); read as numbers got, the 250 was a success status that left no failure's row to the words."""
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question, numbers",
    [
        ("page size must be between 1 and 250", []),
        ("la taille doit être entre 1 et 100", []),
        ("sayfa boyutu 1 ile 250 arasında", []),
        ("ページサイズは1から250の間", []),
        ("页面大小必须在1到250之间", []),
        # two statuses joined with no word of a range around them stay two statuses
        ("the bot got 403 and 500 today", [403, 500]),
        ("it went from 403 to 401 after the update", [403, 401]),
        ("entre nous: 403 et 500", [403, 500]),
    ],
)
def test_only_the_ends_of_a_range_are_no_codes(question, numbers):
    from catalog.query import parse

    assert [t.number for t in parse(question).targets] == numbers


def test_a_story_we_have_no_row_for_is_not_claimed_by_its_one_word_of_ours(explain):
    """"背景ぼかし" (background blur) is nothing the catalog explains; "通話" (call) alone must not
    make it a Call Automation row."""
    assert explain("ACSの通話で背景ぼかしを有効にするとCPU使用率が跳ね上がります").status == "none"


def test_a_word_of_another_language_is_no_misspelt_word_of_ours():
    """"gesetzt" (set) is one letter from "besetzt" (busy), a word the index holds for the busy
    rows: fuzzy matching forgives typos of the catalog's English words only."""
    index = load_catalog().matcher.text
    assert "besetzt" not in index.query_words(["gesetzt"]).weights


def test_the_words_of_other_languages_are_words_the_catalog_uses():
    """Each translation points at a word some row holds: one that points nowhere helps no question."""
    from catalog.lexicon import load_lexicon
    from catalog.textindex import stem

    index = load_catalog().matcher.text
    lex = load_lexicon()
    nowhere = sorted({w for ws in lex.said_in_other_languages.values() for w in ws if stem(w) not in index.idf})
    assert nowhere == []


def test_the_questions_worked_from_hold_their_floor(explain):
    held, total = share_held(explain, WORKED_FROM)
    assert held / total >= 0.95, f"{held}/{total}"  # 63/64 (64.1% before this work)


def test_the_questions_set_aside_hold_their_floor(explain):
    held, total = share_held(explain, SET_ASIDE)
    assert held / total >= 0.75, f"{held}/{total}"  # 24/31 when scored once at the end (61.3% before this work)
