"""A question named in a deferral ("Ob wir nach Dänemark liefern, frage ich nach") reads as correct German or
English, or is left out (None) so the deferral stays plain."""

from __future__ import annotations

import pytest

from assistant.backends.offline.questions import indirect


@pytest.mark.parametrize(
    ("question", "language", "expected"),
    [
        ("Liefert ihr nach Dänemark?", "de", "ob wir nach Dänemark liefern"),
        ("Geht das überhaupt als Geschenk?", "de", "ob das überhaupt als Geschenk geht"),
        ("Do you ship to Denmark?", "en", "whether we ship to Denmark"),
        ("is this the last bag?", "en", "whether this is the last bag"),
        ("are they fair trade or organic?", "en", "whether they are fair trade or organic"),
        # the telling is no question: what to tell follows it
        ("Können Sie mir sagen, was da los ist?", "de", None),
        ("Können Sie mir sagen", "de", None),
        ("can you tell me", "en", None),
        ("could you let me know when it ships?", "en", None),
        # two clauses joined by "or": no single "whether" fits both
        ("is this the black friday chaos or did u forget me", "en", None),
    ],
)
def test_indirect_question(question: str, language: str, expected: str | None) -> None:
    assert indirect(question, language) == expected
