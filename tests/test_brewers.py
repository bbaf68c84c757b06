"""A brewing fact answers only for the brewers it names; a company buying is a customer; spam is flagged."""

from __future__ import annotations

import pytest

from assistant.analysis.reading import analyse
from assistant.models import Message
from assistant.pipeline import SPAM_NOTE, draft

from .conftest import profile_for


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("I only have a Bialetti moka pot. How fine should I grind it?", None),
        ("Welchen Mahlgrad für die AeroPress?", None),
        ("Welchen Mahlgrad nehme ich für die French Press?", "grind_french_press"),
        ("Wie fein muss ich für meinen Siebträger mahlen?", "grind_espresso"),
    ],
)
def test_a_brewing_fact_answers_only_for_its_brewer(text: str, fact: str | None) -> None:
    message = Message(text=text, platform="instagram", channel="dm")
    analysis = analyse(message, profile_for("instagram"))
    assert [q.fact for q in analysis.questions] == [fact]


def test_a_company_ordering_for_its_office_is_a_customer() -> None:
    text = "Good afternoon, our company would like to order coffee for our office every month. What are the options?"
    message = Message(text=text, platform="facebook")
    assert analyse(message, profile_for("facebook")).intent == "product_question"


def test_spam_is_marked_for_attention_and_nothing_else_is() -> None:
    profile = profile_for("instagram")
    scam = "Meta Business Support: your page has been reported for copyright infringement. Verify your account here."
    spam = draft(Message(text=scam, platform="instagram", channel="dm"), profile)
    fan = draft(Message(text="Bester Espresso der Stadt!", platform="instagram"), profile)
    assert spam.analysis.intent == "spam" and spam.needs_attention == SPAM_NOTE
    assert fan.needs_attention != SPAM_NOTE
