"""A decision copied with a change is the decision dataclasses.replace would make.

catalog/match.py copies every question's decision once (to say whether the
conversation's last product mattered); Decision.changed does it without replace's
per-field constructor. It must give the same decision, and refuse a field it lacks.
"""

from dataclasses import replace

import pytest

from catalog import load_catalog


@pytest.mark.parametrize("question", ["bot returns 405", "what is subcode 3112", "tell me a joke", "sms 4007"])
def test_a_changed_decision_is_what_replace_makes(question):
    d = load_catalog().explain(question)
    for changes in ({"context_matters": False}, {"context_decided": "acs-chat", "others": d.matches[:1]}):
        changed = d.changed(**changes)
        assert changed == replace(d, **changes)
        assert changed is not d and d == load_catalog().explain(question)  # the original is untouched


def test_a_field_a_decision_lacks_is_refused():
    with pytest.raises(TypeError):
        load_catalog().explain("bot returns 405").changed(no_such_field=1)
