"""A row's sayings are found in a question word by word, in any of their inflections.

The matcher keeps each saying (an alias, a said_in_product wording) as the stems of its
words. A word of the question stands for a stem when it is that stem with up to two of
the stemmer's endings put back ("expired", "expirations"), after the consonant English
doubles ("dropped"); the words may be apart, hyphenated or joined by "_". From each
word the longest saying wins, and the question is read on after it. The sayings below
are made up: these are the rules, whatever the catalog's rows say.
"""

from catalog.sayings import Sayings
from catalog.textindex import stem


def sayings(*phrases: str) -> Sayings:
    return Sayings(" ".join(stem(w) for w in p.split()) for p in phrases)


def test_a_saying_is_found_in_its_inflections():
    s = sayings("token expire")
    assert list(s.find("my tokens expired again")) == ["tokens expired"]
    assert list(s.find("token expiring")) == ["token expiring"]


def test_a_consonant_doubled_before_an_ending_still_stands_for_the_word():
    s = sayings("call drop")
    assert list(s.find("the call dropped twice")) == ["call dropped"]
    assert list(s.find("calls dropping")) == ["calls dropping"]


def test_words_joined_by_marks_are_still_the_sayings_words():
    s = sayings("call drop")
    assert list(s.find("error: call_dropped")) == ["call_dropped"]
    assert list(s.find("call-dropped (again)")) == ["call-dropped"]


def test_a_word_with_more_than_endings_after_it_is_another_word():
    s = sayings("call drop")
    assert list(s.find("call dropbox")) == []
    assert list(s.find("recall drop")) == []


def test_the_longest_saying_from_a_word_wins_and_the_question_is_read_on():
    s = sayings("meeting lock", "meeting locked by organizer", "lobby wait")
    text = "meeting locked by the organizer, then meeting locked by organizer, lobby waiting"
    assert list(s.find(text)) == ["meeting locked", "meeting locked by organizer", "lobby waiting"]


def test_a_saying_cut_short_by_the_question_is_not_found():
    s = sayings("screen share fail")
    assert list(s.find("screen share")) == []
    assert list(s.find("screen sharing failed")) == ["screen sharing failed"]
