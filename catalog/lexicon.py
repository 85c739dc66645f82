"""The question language: role words, JSON keys, units and stopwords.

Kept in lexicon.toml so that a new language or synonym is a data change; this
module only reads it once and offers it as frozen sets for fast membership
tests on the per-question path.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).with_name("lexicon.toml")

# Scripts written without spaces between words (Thai, Lao, Japanese kana, Chinese and
# Japanese ideographs, Korean syllables, half-width katakana), as character-class ranges:
# a Latin name or a number may be glued on ("RAGチャット", "が401を返す", "返回502"), so
# where such a script meets another is a word's edge.
UNSPACED_SCRIPTS = "\u0e00-\u0eff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f"
UNSPACED_CHAR = re.compile(f"[{UNSPACED_SCRIPTS}]")  # one character of such a script
SCRIPT_RUNS = re.compile(f"[{UNSPACED_SCRIPTS}]+|[^{UNSPACED_SCRIPTS}]+")  # a text in runs, split where scripts meet
# The words of a camelCase or PascalCase identifier: an acronym, a word, a number ("SMSClient" -> SMS, Client).
CAMEL_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def fold(text: str) -> str:
    """Case- and width-fold text the same way for questions and data."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True, eq=False)  # hashed by identity: one per process
class Lexicon:
    role_words: dict[str, str]  # folded word or phrase -> role
    key_roles: dict[str, str]  # folded JSON/log key -> role
    units: frozenset[str]
    before_words: frozenset[str]
    names_before: tuple[str, ...]  # product names ending in a before-word ("direct line")
    plural_codes: range  # "429s": codes in this range followed by s are plural codes, not seconds
    time_words: frozenset[str]  # ... unless one of these comes right before ("took 500s")
    stopwords: frozenset[str]
    not_typos: frozenset[str]
    status_words: dict[int, tuple[str, ...]]  # other spellings of reason phrases, by status
    quantity_key_words: frozenset[str]  # words of a constant's name that make its value a quantity
    rest_failures: tuple[str, ...] = ()  # folded names of SDK exceptions that carry a REST call's status
    status_named_before: frozenset[str] = frozenset()  # words after which a status's plain name counts ("exception")
    negations: tuple[str, ...] = ()  # "no", "without": what follows did not happen ...
    negated: tuple[str, ...] = ()  # ... for these words ("no exception"): not the error's words
    status_said_after: frozenset[str] = frozenset()  # ... and before which, in a quoted message ("... is forbidden ...")
    status_named_after: tuple[str, ...] = ()  # phrases after which a status's plain name counts ("rejected as")
    # other ways of writing a product phrase ("azure comm services"), each read as the phrase it stands for
    product_spellings: dict[str, str] = field(default_factory=dict)
    said_negated: dict[str, str] = field(default_factory=dict)  # "valid" -> "invalid": an entry's "isn't valid" is also "invalid"
    glued_roles: dict[str, str] = field(default_factory=dict)  # role words also glued to their number ("error403") -> role
    # everyday word -> the catalog's words for the same thing ("webcam" -> "camera"): a row that
    # uses the catalog's word also holds the everyday one (read when the index is built)
    said_plainly: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # ... and our words in the other languages people ask in ("anruf" -> "call", "通话" -> "call"):
    # read as said_plainly, and they also name a title's word (textindex.py)
    said_in_other_languages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # words that may stand between a saying's words, or be left out, meaning the same ("the", "their")
    said_between: frozenset[str] = frozenset()
    # The statuses' names in other languages, by status: names that count wherever they stand,
    # and names that are also a sentence's own words (counted only when set apart as a status).
    status_names_translated: dict[int, tuple[str, ...]] = field(default_factory=dict)
    status_words_translated: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # Units and before-words in a script written without spaces, which are glued to the number and
    # to the words after or before them ("29人使用", "第3行"): matched as the start or end of a run.
    glued_units: tuple[str, ...] = ()
    glued_before: tuple[str, ...] = ()
    # joiners between a before-word and its value ("page size of 400", "pageSize=500")
    before_joiners: tuple[str, ...] = ()
    limit_words: frozenset[str] = frozenset()
    # words after which one or two digits are keys a caller pressed or a menu's choices, and the
    # joiners of a list of such keys ("pressed 3 then 7", "typed 1, 2")
    pressed: tuple[str, ...] = ()
    pressed_list: tuple[str, ...] = ()
    # Words that say a status named was not got: expected, negated, or the asker's choice to send
    # ([not_had], read by catalog/statuses_not_had.py); the lists by name, folded
    not_had: dict = field(default_factory=dict)
    # Families of our products whose rows another kind's words do not reach ([told_apart]):
    # family -> (its own words, the other kind's words)
    told_apart: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    # A question asking how to do something, with none of the words of trouble: documented behaviour.
    how_to_openers: tuple[str, ...] = ()
    how_to_trouble: frozenset[str] = frozenset()
    # The two ends of a range of allowed values, in any language ([bounds]): (lead, joiner, tail),
    # folded; "between 1 and 250" is ("between", "and", ""), "1 ile 250 arasında" ("", "ile", "arasında")
    bounds: tuple[tuple[str, str, str], ...] = ()



def _glued(words) -> tuple[str, ...]:
    return tuple(sorted({fold(w) for w in words if UNSPACED_CHAR.search(w)}))


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    role_words = {fold(w): role for role, words in raw["roles"].items() for w in words}
    key_roles = {fold(k): role for role, keys in raw["keys"].items() for k in keys}
    return Lexicon(
        role_words=role_words,
        key_roles=key_roles,
        units=frozenset(fold(w) for w in raw["units"]["words"]),
        before_words=frozenset(fold(w) for w in raw["units"]["before"]),
        names_before=tuple(fold(w) for w in raw["units"]["names_before"]),
        plural_codes=range(raw["units"]["plural_codes"]["from"], raw["units"]["plural_codes"]["to"] + 1),
        time_words=frozenset(fold(w) for w in raw["units"]["time_words"]),
        stopwords=frozenset(fold(w) for w in raw["stopwords"]["words"]),
        not_typos=frozenset(fold(w) for w in raw["not_typos"]["words"]),
        status_words={int(k): tuple(v) for k, v in raw["status_words"].items()},
        quantity_key_words=frozenset(fold(w) for w in raw["constants"]["quantity_words"]),
        rest_failures=tuple(fold(w) for w in raw.get("rest_failures", {}).get("names", ())),
        status_named_before=frozenset(fold(w) for w in raw.get("status_named", {}).get("before", ())),
        negations=tuple(fold(w) for w in raw.get("negated", {}).get("negations", ())),
        negated=tuple(fold(w) for w in raw.get("negated", {}).get("words", ())),
        status_said_after=frozenset(fold(w) for w in raw.get("status_said", {}).get("after", ())),
        status_named_after=tuple(fold(w) for w in raw.get("status_named", {}).get("after", ())),
        product_spellings={fold(k): fold(v) for k, v in raw.get("product_spellings", {}).items()},
        said_negated={fold(k): fold(v) for k, v in raw.get("said_negated", {}).items()},
        glued_roles={fold(w): role for role, words in raw.get("glued_roles", {}).items() for w in words},
        said_plainly={fold(k): tuple(fold(w) for w in ([v] if isinstance(v, str) else v))
                      for k, v in raw.get("said_plainly", {}).items()},
        said_in_other_languages={fold(k): tuple(fold(w) for w in ([v] if isinstance(v, str) else v))
                                 for k, v in raw.get("said_in_other_languages", {}).items()},
        said_between=frozenset(fold(w) for w in raw.get("said_between", {}).get("words", ())),
        status_names_translated={int(k): tuple(fold(w) for w in v) for k, v in raw.get("status_names_translated", {}).items()},
        status_words_translated={int(k): tuple(fold(w) for w in v) for k, v in raw.get("status_words_translated", {}).items()},
        glued_units=_glued(raw["units"]["words"]),
        glued_before=_glued(raw["units"]["before"]),
        limit_words=frozenset(fold(w) for w in raw["units"].get("limit_words", ())),
        before_joiners=tuple(fold(w) for w in raw["units"].get("before_joiners", ())),
        pressed=tuple(fold(w) for w in raw["units"].get("pressed", ())),
        pressed_list=tuple(fold(w) for w in raw["units"].get("pressed_list", ())),
        not_had={k: (tuple(v) if k == "success" else tuple(fold(w) for w in v))
                 for k, v in raw.get("not_had", {}).items()},
        told_apart={k: (frozenset(fold(w) for w in v["own"]), frozenset(fold(w) for w in v["others"]))
                    for k, v in raw.get("told_apart", {}).items()},
        how_to_openers=tuple(fold(w) for w in raw.get("how_to", {}).get("openers", ())),
        how_to_trouble=frozenset(fold(w) for w in raw.get("how_to", {}).get("trouble", ())),
        bounds=tuple(tuple(fold(w) for w in shape) for shape in raw.get("bounds", {}).get("shapes", ())),
    )
