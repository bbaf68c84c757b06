"""Telling German from English: table-driven, the language a reply should be written in."""

from __future__ import annotations

import pytest

from assistant.analysis.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("shut up and take my money 😂 1 mühle bitte", "de"),  # an English meme in a German order
        ("no cap bester kaffee in berlin", "de"),
        ("shut up and take my money", "en"),  # the meme alone is English
        ("lowkey obsessed with this coffee", "en"),
    ],
)
def test_english_memes_vote_for_no_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
