"""ReplyActivity.new builds the very reply ReplyActivity(...) builds: same attributes, same order, same JSON.

The order matters: the reply serialiser writes the JSON keys in the order of
the instance's attributes (bot/sdk/reply_serialiser.py).
"""

from __future__ import annotations

from botbuilder.schema import Attachment

from bot.sdk.reply_models import ReplyActivity


def test_a_reply_built_directly_is_the_one_the_constructor_builds():
    fields = dict(type="message", attachment_layout="list", attachments=[Attachment(content_type="x", content={})],
                  summary="two answers", text=None)
    direct, built = ReplyActivity.new(**fields), ReplyActivity(**fields)
    assert list(direct.__dict__.items()) == list(built.__dict__.items())
    assert direct.serialize() == built.serialize() and direct.serialize()["summary"] == "two answers"


def test_each_reply_has_its_own_additional_properties():
    first, second = ReplyActivity.new(type="message"), ReplyActivity.new(type="message")
    first.additional_properties["x"] = 1
    assert second.additional_properties == {}


def test_an_unknown_field_is_treated_as_the_constructor_treats_it():
    assert ReplyActivity.new(type="message", no_such_field=1).__dict__ == \
        ReplyActivity(type="message", no_such_field=1).__dict__
