"""A Direct Line conversation kept and taken up again later is Direct Line's 404.

People keep a conversation's id (in a database, in the browser's storage) and
come back to it days or weeks later; by then the service no longer holds it and
the call with that id fails. They tell it as an old, stored or saved
conversation id, or as resuming the conversation, seldom with the status. Named
with our product, those words mean the Bot Service's 404; said of another
vendor's conversations they stay that vendor's.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "direct line: we saved conversation id in our db and reconnect next month, the stored conversation id no longer works",
        "Direct Line conversation expired after a few days; can I resume the conversation with the same id?",
        "Web Chat with Direct Line: reusing the old conversationId from sessionStorage the next morning fails",
        "we keep the Direct Line conversationId in local storage and when the user comes back next week the old conversation id gives 404",
    ],
)
def test_an_old_direct_line_conversation_is_its_404(explain, question):
    assert_ours(explain(question), ("bot-service", 404, None))


@pytest.mark.parametrize(
    "question, product",
    [
        ("Twilio Conversations: the stored conversation id returns 404 after 30 days", "Twilio"),
        ("OpenAI Assistants API: resume the conversation with an old conversation id fails", "OpenAI / Azure OpenAI"),
    ],
)
def test_another_vendors_old_conversation_stays_theirs(explain, question, product):
    assert_none_naming(explain(question), product)
