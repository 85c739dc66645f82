"""A code glued to the word that names it is that code.

Code and logs glue a number to its role word: "error403", "Error500", "code404",
"status_503", "errorCode4005", "subcode3112", "HTTPError429". The number reader
sees a name there and reads nothing, so a question that named its product and its
code was answered 'none'. The role words that are glued this way are data
(lexicon.toml [glued_roles]); they are read in the one pass that already reads
status lines and "HTTP500", so a question pays nothing more for them.
"""

import pytest

from tests.support.matching import assert_answers, targets


@pytest.mark.parametrize(
    "question, expected",
    [
        ("bot returns error403 in Teams", [("any", 403)]),
        ("code404 from the omnichannel messaging API", [("code", 404)]),
        ("Direct Line status_503 again", [("http", 503)]),
        ("SMS delivery report errorCode4005", [("code", 4005)]),
        ("HTTPError429 from Direct Line", [("http", 429)]),
    ],
)
def test_the_glued_number_is_read_in_its_role(question, expected):
    assert targets(question) == expected


@pytest.mark.parametrize(
    "question",
    ["our error404page template renders blank", "status1 is the first flag", "codes in code128 barcodes", "status1000 loop"],
)
def test_no_code_where_the_digits_belong_to_a_name(question):
    assert not any(role in ("http", "code", "any") and n in (404, 128, 1000) for role, n in targets(question))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("bot returns error403 in Teams", ("bot-service", 403, None)),
        ("my bot throws Error500", ("bot-service", 500, None)),
        ("code404 from the omnichannel messaging API", ("omnichannel-messaging", 404, None)),
        ("RAG upload error413", ("rag-api", 413, None)),
        ("call ended with code410 subcode3112", ("acs-call-end", 410, 3112)),
        ("call ended with subcode3112", ("acs-call-end", 410, 3112)),
        ("ACS Chat SDK err429", ("acs-chat", 429, None)),
        ("SMS delivery report errorCode4005", ("acs-sms-delivery", 4005, None)),
    ],
)
def test_a_glued_code_answers_like_a_spaced_one(explain, question, expected):
    assert_answers(explain(question), expected)
