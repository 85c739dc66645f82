"""A long post that quotes a row's title, in the product it names.

"StartRecognizingAsync ... gives up after about 2 seconds as initial silence timeout"
tells a story around three of the four words of Call Automation's "Initial Silence
Timeout Reached" (8510): the story dilutes the word fit, not the title it quotes.
Quoting most of a title counts only in the product named and with a clear lead
over the next row; a title shared by several rows ("Failed to create CallAgent")
decides nothing by itself.
"""

from tests.support.matching import assert_answers


def test_a_long_post_quoting_a_title_in_the_product_named_is_that_row(explain):
    d = explain("Azure.Communication.CallAutomation 1.2.0: StartRecognizingAsync with InterruptPrompt = true gives up "
                "after about 2 seconds as initial silence timeout although InitialSilenceTimeout = TimeSpan.FromSeconds(5)")
    assert_answers(d, ("acs-call-automation", None, 8510))


def test_a_title_several_rows_share_is_not_claimed(explain):
    d = explain("com.azure.android:azure-communication-calling:2.9.0 createCallAgent fails: "
                "java.util.concurrent.ExecutionException: java.lang.IllegalArgumentException: Unknown error.")
    assert d.status != "answer"
