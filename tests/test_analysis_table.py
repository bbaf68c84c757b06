"""Table-driven tests of the message analysis; the cases live in data/analysis_cases.yaml."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.analysis.reading import analyse
from assistant.models import INTENTS, Analysis, Entities, Message
from assistant.profiles.loading import load_profile

HERE = Path(__file__).resolve().parent
PERSONAS = HERE.parent / "personas"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "data" / "analysis_cases.yaml").read_text(encoding="utf-8"))[
    "cases"
]

ENTITY_FIELDS = set(Entities.model_fields)
FIELDS = set(Analysis.model_fields) | ENTITY_FIELDS | {"injection", "facts"}


@cache
def profile(platform: str):
    return load_profile(PERSONAS, None, platform)


def actual(analysis, field: str) -> Any:
    if field in ENTITY_FIELDS:
        return getattr(analysis.entities, field)
    if field == "escalation":
        return analysis.escalation.team if analysis.escalation else None
    if field == "injection":
        return analysis.injection_suspected
    if field == "facts":  # the facts of the questions, in order (None: no fact answers it)
        return [q.fact for q in analysis.questions]
    return getattr(analysis, field)


def number(text: str) -> str:
    """The number in an amount: '12,90 Euro' and '12.90 EUR' both give '12.90'."""
    found = re.search(r"\d+(?:[.,]\d+)?", text)
    return found.group().replace(",", ".") if found else text


NORMALISE = {"amounts": number, "phones": lambda p: re.sub(r"\D", "", p), "emails": str.lower}


def mismatch(field: str, want: Any, got: Any) -> bool:
    if field.endswith("_any"):
        return got not in want
    if field == "facts":
        return got != want
    if field == "order_ids" or want == []:
        return sorted(got) != sorted(want)
    if field in NORMALISE:
        norm = NORMALISE[field]
        return not {norm(w) for w in want} <= {norm(g) for g in got}
    if field in ENTITY_FIELDS:
        return not set(want) <= set(got)
    return got != want


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_analysis(case: dict[str, Any]) -> None:
    message = Message(
        text=case["text"],
        platform=case["platform"],
        channel=case.get("channel", "comment"),
        mode=case.get("mode", "reply"),
        author=case.get("author"),
        post=case.get("post"),
        thread=case.get("thread", []),
    )
    analysis = analyse(message, profile(case["platform"]))
    errors = []
    for key, want in case["expect"].items():
        got = actual(analysis, key.removesuffix("_any"))
        if mismatch(key, want, got):
            errors.append(f"  {key}: expected {want!r}, got {got!r}")
    assert not errors, f"{case['id']}: {case['text']!r}\n" + "\n".join(errors)


def test_case_table_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    for case in CASES:
        unknown = {k.removesuffix("_any") for k in case["expect"]} - FIELDS
        assert not unknown, f"{case['id']}: unknown expect fields {unknown}"
    hard = [c["expect"]["intent"] for c in CASES if "intent" in c["expect"]]
    thin = [i for i in INTENTS if hard.count(i) < 3]
    assert not thin, f"intents with fewer than 3 cases: {thin}"


def test_every_shared_sample_is_a_case() -> None:
    samples_file = SHARED / "samples" / "messages.yaml"
    if not samples_file.exists():
        pytest.skip(f"{SHARED} not found: the shared samples live outside this repository")
    samples = yaml.safe_load(samples_file.read_text(encoding="utf-8"))["messages"]

    def key(item: dict[str, Any], text: str) -> tuple[Any, ...]:
        channel, mode = item.get("channel", "comment"), item.get("mode", "reply")
        return (item["platform"], channel, mode, text, item.get("post"))

    covered = {key(c, c["text"]) for c in CASES}
    missing = [s.get("message") or s.get("post") for s in samples if key(s, s.get("message", "")) not in covered]
    assert not missing, f"samples without a case in analysis_cases.yaml: {missing}"


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # "deliveries to businesses" is the office fact, not the shipping time (session 27)
        (
            "Dear Sir or Madam, we would like to inquire whether you offer regular deliveries to businesses, and under"
            " which conditions. Kind regards, Karin Lindqvist",
            ["office"],
        ),
        # session 34: the office fact, far better named than the home country's shipping time
        ("Do you do regular deliveries to companies in Berlin?", ["office"]),
        # the home country named, nothing sent or asked of us
        ("In Deutschland kann ich den Kanzler wählen?", [None]),
        # a grind question that names no brewer: the one brewer of the message, not the grinder's warranty
        (
            "my espresso kreuzberg shots run through in 15 seconds and taste super sour."
            " what setting should I use on the handmühle?",
            ["grind_espresso"],
        ),
        # "and is X ..." names a subject of its own: no borrowed shipping fact; a way to brew, asked after shipping
        ("Grüezi, liefert ihr nach Basel? Und ist der Kaffee bio-zertifiziert?", ["shipping_abroad", None]),
        ("do u ship to austria?? and is espresso kreuzberg ok in a moka pot", ["shipping_abroad", None]),
        # session 49: an order sent to a place asks where we deliver, not how to order in the chat
        (
            "Hey, I'm in Berlin for a semester abroad. Can I order to my dorm? The mailbox situation is chaotic.",
            ["shipping"],
        ),
    ],
)
def test_the_facts_of_questions(text: str, facts: list[str | None]) -> None:
    message = Message(text=text, platform="facebook", channel="dm")
    assert actual(analyse(message, profile("facebook")), "facts") == facts
