"""Long posts and pastes: which lines carry the error, and which only tell the story.

A forum post is mostly story ("we have been migrating for weeks, my manager...")
around one line that matters: a quoted message, an exception, a JSON value, a
log line. Matched as one bag of words, the story outweighs that line and the
right entry falls under the answer threshold. So the error lines are found
here, and the matcher matches their words against the entries; the story still
tells which product (its product words count), never which error.

A 20 KB log repeats the same few line shapes hundreds of times with other
numbers; words are read once per shape, which keeps reading a paste fast and
changes nothing about which words it holds.
"""

from __future__ import annotations

import re

# Shorter than this, a question is read as one piece.
LONG_POST = 200
# Past this, lines that differ only in their numbers are read once for their words.
MANY_LINES = 1_000

# Numbers, ids, hashes: what differs between lines of one shape. A word with a digit in it, from
# its start (a match of \w*\d\w* never starts inside a word, which that pattern would try at
# every letter of every word, back and forth: this one leaves a word at its first letter).
_DIGITS = re.compile(r"(?<!\w)[^\W\d]*+\d\w*")
_PIECES = re.compile(r"[^\n.!?]+[.!?]*")
# What an error line looks like: a quoted message, an exception or error name, a JSON or
# log key with a value, a log level, or the words people put around a failure.
_ERROR_MARK = re.compile(
    r"""["“”'‘’`]\s*[^\W\d][^"“”'‘’`\n]{6,}["“”'‘’`]           # a quoted message
      | \b\w*(?:exception|error|failure|fault)\b\s*[:(]         # TypeError:, CallingException(
      | ["']?(?:message|error|detail|title|reason|errormessage|description)["']?\s*[:=]
      | \b(?:error|fatal|fail|failed|failing|fails|failure|exception|denied|invalid|unable|cannot|can't
            |could\s+not|not\s+allowed|rejected|refused|timed?\s*out|unauthori[sz]ed|forbidden|throttl\w*)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


# A stack frame says where, never what: "at ke.<anonymous> (callComposite.js:2)", 'File "x.py", line 3'.
_FRAME = re.compile(r"""^\s*(?:at\s+\S.*|File\s+".*",\s+line\s+\d+.*|\.\.\.\s*\d+\s+more)\s*$""", re.MULTILINE)


# ... and the same frames when a paste lost its line breaks on the way.
_INLINE_FRAME = re.compile(r"""\bat\s+[\w$.<>\[\]`']+\s*\([^()\n]*\)|\bFile\s+"[^"\n]*",\s+line\s+\d+(?:,\s+in\s+\S+)?""")


def without_frames(text: str) -> str:
    """The text without its stack frames, whose names and files would only dilute the words."""
    if "\n" in text:
        text = _FRAME.sub("", text)
    return _INLINE_FRAME.sub(" ", text)


def distinct_lines(text: str) -> str:
    """The text with lines that differ only in their numbers kept once (long texts only)."""
    if len(text) < MANY_LINES or text.count("\n") < 8:
        return text
    seen: dict[str, str] = {}
    for line in text.splitlines():
        seen.setdefault(_DIGITS.sub("0", line.strip()), line)
    return "\n".join(seen.values())


_QUOTED = re.compile(r"""["“”„«»「『`]\s*([^\W\d][^"“”„«»「」『』`\n]{5,400}?)\s*["“”„«»」』`]""")


# A message reported without quotation marks: "it fails saying the call is not established",
# "the request errors with the message invalid callback". What follows the word is the message.
_SAYING = re.compile(r"\b(?:saying|stating|complaining|with (?:the |an |a )?(?:error )?message)\s+(?:that\s+)?([^\W\d][^.!?;\n]{6,200})",
                     re.IGNORECASE)


def error_text(text: str) -> str | None:
    """What a long post quotes as its error, else its pieces that read like one.

    A message reported after "saying" or "with the message" counts as quoted. None when the
    post is short or all error: then the whole of it is the question.
    """
    if len(text) < LONG_POST:
        return None
    quoted = [q for q in _QUOTED.findall(text) if len(q.split()) >= 2]
    folded = text.lower()  # _SAYING ignores case: so must the test that spares it most posts
    quoted += [q for q in _SAYING.findall(text) if len(q.split()) >= 2] if "saying" in folded or "message" in folded \
        or "stating" in folded or "complaining" in folded else []
    if quoted:
        return " ".join(quoted)
    pieces = [m.group(0) for m in _PIECES.finditer(text) if _ERROR_MARK.search(m.group(0))]
    if not pieces:
        return None
    found = " ".join(pieces)
    if len(found) > 0.8 * len(text):
        return None
    return found
