"""Realistic model answers: the judge cases' exact requests, answered by a stand-in model, replayed over HTTP.

tests/data/recordings/<id>.json holds a case, the request the openai backend sent for it, the request's
fingerprint and the model's answer. A replay server on 127.0.0.1 finds the recording by the request's
fingerprint or, when the prompt has changed since (another module's wording, a new hint), by the case's
message; the first test then names the stale recordings (as `make recordings-stale` does) so they get
re-recorded, while the other tests keep checking the parsing, reconciling and guard on real answers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from assistant.backends.openai.backend import OpenAIBackend, parse_answer
from assistant.backends.openai.prompting import restore_drafts
from assistant.models import DraftSet
from assistant.pipeline import build_request, draft
from assistant.profiles.loading import VoiceProfile, load_profile
from assistant.settings import OpenAISettings

try:
    from fakeserver import ReplayOpenAI
    from recordings import MODEL, PERSONAS, TONES, case_message, fingerprint, recordings
except ImportError:  # tests/ imported as a package
    from tests.fakeserver import ReplayOpenAI
    from tests.recordings import MODEL, PERSONAS, TONES, case_message, fingerprint, recordings

RECORDED = {r["case"]["id"]: r for r in recordings()}
IDS = sorted(RECORDED)
pytestmark = [
    pytest.mark.skipif(not RECORDED, reason="no recordings in tests/data/recordings"),
    pytest.mark.xdist_group("recordings"),  # one replay of every recording
]

# Recorded drafts that a blocking check fails, the check, and whose fault it is. Every entry was read by a
# person; reported to the guard's owner. When the guard changes, the test below says which entry to remove.
KNOWN_FAILURES: dict[tuple[str, str], tuple[str, str]] = {
    ("c67", "crisp"): (
        "specificity",
        "'smart move 🙌 a simple french press at home and you're set.' under 'college budget hack: i stopped buying "
        "$6 lattes and saved $400 this semester' (re-recorded in session 45, when the prompt first asked for plain "
        "text): it could stand under any post about coffee at home and picks up neither the $400 nor the lattes; the "
        "repair is rightly spent. (Session 45's answers for c35 and c68 no longer fail: their entries are gone.)",
    ),
}


@cache
def profile(platform: str) -> VoiceProfile:
    return load_profile(PERSONAS, "bohnenkiez", platform)


_BLOCK = re.compile(r"<<<(MESSAGE|POST)\n(.*?)\n\1>>>", re.S)
_WHERE = re.compile(r"^Platform: .*$", re.M)


def _case_key(body: dict[str, Any]) -> tuple[str, ...]:
    """Platform, channel and untrusted text of a draft-set request (what identifies its case)."""
    user = next((m["content"] for m in body.get("messages", []) if m.get("role") == "user"), "")
    if not user.startswith("# Task: reply") and not user.startswith("# Task: outreach"):
        return ()
    return (*_WHERE.findall(user)[:1], *(text for _, text in _BLOCK.findall(user)))


BY_FINGERPRINT = {r["fingerprint"]: r["answer"] for r in RECORDED.values()}
BY_CASE = {_case_key(r["request"]): r["answer"] for r in RECORDED.values()}


def find_answer(body: dict[str, Any]) -> str | None:
    """The recorded answer for a request: by fingerprint, else by its case (a stale recording)."""
    return BY_FINGERPRINT.get(fingerprint(body)) or BY_CASE.get(_case_key(body) or ("-",))


@pytest.fixture(scope="module")
def replayed() -> Iterator[dict[str, tuple[DraftSet, list[dict[str, Any]]]]]:
    """Every recorded case drafted once through the pipeline against the replay server."""
    results: dict[str, tuple[DraftSet, list[dict[str, Any]]]] = {}
    with ReplayOpenAI(find_answer) as server:
        settings = OpenAISettings(api_key="not-needed", base_url=server.url, model=MODEL, deadline=20)
        with OpenAIBackend(settings=settings) as backend:
            for case_id in IDS:
                case = RECORDED[case_id]["case"]
                before = len(server.chat_bodies)
                result = draft(case_message(case), profile(case["platform"]), TONES, backend, fallback=False)
                results[case_id] = (result, server.chat_bodies[before:])
    yield results


def _answer(case_id: str) -> dict[str, Any]:
    return dict(json.loads(RECORDED[case_id]["answer"]))


def test_the_backend_sends_exactly_the_recorded_requests(replayed: dict[str, Any]) -> None:
    assert len(BY_CASE) == len(RECORDED), "two recordings share a case"
    stale = []
    for case_id, (_, bodies) in replayed.items():
        if fingerprint(bodies[0]) != RECORDED[case_id]["fingerprint"]:
            stale.append(case_id)
        repairs = [b for b in bodies[1:] if b["messages"][-1]["content"].startswith("# Task: repair drafts")]
        assert len(repairs) == len(bodies) - 1, f"{case_id}: only repairs may follow the draft set's request"
    if stale:
        pytest.skip(f"{len(stale)} recordings are stale (the prompt changed): {', '.join(stale)}; re-record them")


def test_one_request_per_draft_set_for_at_least_40_messages(replayed: dict[str, Any]) -> None:
    single = [case_id for case_id, (_, bodies) in replayed.items() if len(bodies) == 1]
    assert len(single) >= min(40, len(replayed)), f"only {len(single)} of {len(replayed)} needed one request"
    # A repair request is spent only on a draft that a blocking check rightly fails (KNOWN_FAILURES).
    repaired = {case_id for case_id, (_, bodies) in replayed.items() if len(bodies) > 1}
    assert repaired <= {case for case, _ in KNOWN_FAILURES}, sorted(repaired)
    for case_id, (result, bodies) in replayed.items():
        assert result.usage is not None and result.usage.requests == len(bodies), case_id


@pytest.mark.parametrize("case_id", IDS)
def test_the_parsed_drafts_are_what_the_model_wrote(replayed: dict[str, Any], case_id: str) -> None:
    result, _ = replayed[case_id]
    case = RECORDED[case_id]["case"]
    request, _ = build_request(case_message(case), profile(case["platform"]), TONES)
    written = parse_answer(RECORDED[case_id]["answer"], TONES, profile(case["platform"])).drafts
    expected = restore_drafts(written, request)
    assert {d.tone: d.text for d in result.drafts if not d.repaired} == {
        t: expected[t] for t in expected if not any(d.repaired and d.tone == t for d in result.drafts)
    }
    note = _answer(case_id).get("tone_note")
    assert result.tone_note == (" ".join(note.split()) if note else result.tone_note)


@pytest.mark.parametrize("case_id", IDS)
def test_the_reconciled_reading_follows_the_answer_and_the_rule(replayed: dict[str, Any], case_id: str) -> None:
    result, _ = replayed[case_id]
    case = RECORDED[case_id]["case"]
    said = _answer(case_id)["reading"]
    rules = build_request(case_message(case), profile(case["platform"]), TONES)[0].analysis
    reading = result.analysis.model_reading
    assert reading is not None
    assert (reading.intent, reading.sentiment, reading.sarcasm) == (said["intent"], said["sentiment"], said["sarcasm"])
    assert (reading.team or "none") == said["team"]
    assert [q.text for q in reading.questions] == [q["text"] for q in said["questions"]]
    rules_team = rules.escalation.team if rules.escalation else None
    evidence = bool(rules.entities.order_ids) or "refund_request" in {rules.intent, *rules.secondary_intents}
    team = rules_team if evidence and rules_team else reading.team
    assert (result.analysis.escalation.team if result.analysis.escalation else None) == team
    differed = {d.field for d in result.analysis.disagreements}
    assert ("team" in differed) == (rules_team != reading.team)
    if result.handoff and differed:
        assert "Regeln und Modell lesen die Nachricht unterschiedlich" in result.handoff.note


@pytest.mark.parametrize("case_id", IDS)
def test_no_recorded_draft_fails_a_blocking_check(replayed: dict[str, Any], case_id: str) -> None:
    result, _ = replayed[case_id]
    failed = {
        d.tone: [c.name for c in d.checks if not c.ok and c.severity == "block"] for d in result.drafts if not d.ok
    }
    known = {tone: [check] for (case, tone), (check, _) in KNOWN_FAILURES.items() if case == case_id}
    assert failed == known, (
        f"{case_id}: blocking failures {failed}, known {known}: read the draft, decide whether the guard or the "
        "answer is wrong, report it, and update KNOWN_FAILURES"
    )
