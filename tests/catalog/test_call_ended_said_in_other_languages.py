"""A call's end told in another language points to the call end reasons, as "call ended" does.

"ACS call ended with code 490" is the call end reasons' 490; people ask the same in their own
language ("ACS 通话结束", "Anruf beendet", "la llamada terminó") and the code then belongs to the
same source, not to Call Automation's or Chat's status of that number. The translations are
spellings of the source's own "call ended" phrase (lexicon.toml [product_spellings]); where a
language puts the product's name after the noun ("la chiamata ACS termina"), the name stands between.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ACS 通话结束 code 500，是服务器的问题吗", ("acs-call-end", 500, None)),
        ("我们的 ACS 通話結束代碼 408 是什麼意思", ("acs-call-end", 408, None)),
        ("ACSの通話終了コード 503 は何ですか", ("acs-call-end", 503, None)),
        ("ACS 통화 종료 코드 408 이 계속 나와요", ("acs-call-end", 408, None)),
        ("ACS: Anruf beendet mit Code 404, was bedeutet das?", ("acs-call-end", 404, None)),
        ("la llamada ACS terminó con código 500 de repente", ("acs-call-end", 500, None)),
        ("l'appel ACS s'est terminé avec le code 481 en pleine réunion", ("acs-call-end", 481, None)),
        ("la chiamata ACS terminata con codice 408, perché?", ("acs-call-end", 408, None)),
        ("a chamada ACS terminou com código 503 no celular", ("acs-call-end", 503, None)),
    ],
)
def test_a_call_end_said_in_another_language_is_a_call_end_code(explain, question, expected):
    assert_ours(explain(question), expected)


def test_the_english_saying_answers_as_before(explain):
    assert_ours(explain("ACS call ended with code 490"), ("acs-call-end", 490, None))
