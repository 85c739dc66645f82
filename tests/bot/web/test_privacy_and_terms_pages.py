"""The pages the Teams package links to (developer website, privacy, terms) are served by the bot itself."""

from __future__ import annotations

import re

import pytest
import requests


@pytest.mark.parametrize(
    "path, says",
    [
        ("/privacy", ["What the bot reads", "What the bot keeps", "do not paste secrets"]),
        ("/terms", ["Terms of use", "check the linked page", "privacy statement"]),
        ("/", ["Error Explainer", "/privacy", "/terms"]),
    ],
)
def test_each_page_is_a_short_html_page_saying_what_it_should(bot, path, says):
    response = requests.get(bot.url + path, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    text = response.text
    assert text.startswith("<!doctype html>") and "<title>" in text
    for words in says:
        assert words.lower() in text.lower(), words
    assert len(text) < 8000  # short: a page people actually read


def test_the_pages_link_to_each_other_and_every_link_is_served(bot):
    for path in ("/", "/privacy", "/terms"):
        for link in re.findall(r'href="(/[^"]*)"', requests.get(bot.url + path, timeout=10).text):
            assert requests.get(bot.url + link, timeout=10).status_code == 200, f"{path} links to {link}"


def test_a_page_that_does_not_exist_is_still_a_problem_not_html(bot):
    response = requests.get(bot.url + "/privacy-policy", timeout=10)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("application/problem+json")
