"""Voice-profile test suites (`replyvoice eval`): draft each case and check its expectations.

A suite is YAML::

    brand: bohnenkiez            # default: the folder the suite lies in
    cases:
      - id: refund-now-fb-dm
        platform: facebook
        channel: dm
        message: "Ich will mein Geld zurück. Sofort!!!11"
        expect:
          intent: refund_request
          escalation: after_sales    # a team, or none
          language: de
          must_mention_one_of: [DM, Nachricht]
          must_not_contain: [Gutschein]
          max_length: 400
          all_checks_pass: true
        xfail: "known defect: ..."   # optional: expected to fail, reported but not failing the suite

Every expectation about drafts holds for every draft (each is a reply the team may pick).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator

from assistant.backends.base import Backend
from assistant.defaults import Channel, Mode, Platform
from assistant.errors import ReplyvoiceError
from assistant.models import DraftSet, Intent, Message, StrictModel
from assistant.pipeline import draft
from assistant.profiles.loading import VoiceProfile, load_profile, parse_file

Status = Literal["pass", "fail", "xfail", "xpass"]
NO_TEAM = "none"


class Expect(StrictModel):
    """What a case expects; a field left out is not checked."""

    intent: Intent | None = None
    escalation: str | None = None
    language: str | None = None
    must_mention_one_of: list[str] = Field(default_factory=list)
    must_not_contain: list[str] = Field(default_factory=list)
    max_length: int | None = Field(default=None, ge=1)
    all_checks_pass: bool = False

    @property
    def checks_escalation(self) -> bool:
        """True when the case says which team (or none) must act."""
        return "escalation" in self.model_fields_set

    @property
    def team(self) -> str | None:
        """The expected team; None for `escalation: none` (or null)."""
        return None if self.escalation in (None, NO_TEAM) else self.escalation


class Case(StrictModel):
    """One message with its context and what the drafts must satisfy."""

    id: str = Field(min_length=1)
    platform: Platform
    channel: Channel = "comment"
    mode: Mode = "reply"
    message: str = ""
    post: str | None = None
    author: str | None = None
    context: list[str] = Field(default_factory=list)
    tones: list[str] | None = None
    expect: Expect
    xfail: str | None = None

    def to_message(self) -> Message:
        """The Message to draft."""
        return Message(
            text=self.message,
            platform=self.platform,
            channel=self.channel,
            mode=self.mode,
            author=self.author,
            post=self.post,
            thread=self.context,
        )


class Suite(StrictModel):
    """A suite file: which brand, and the cases."""

    brand: str | None = None
    personas: str | None = None
    cases: list[Case] = Field(min_length=1)

    @field_validator("cases")
    @classmethod
    def _unique_ids(cls, cases: list[Case]) -> list[Case]:
        seen: set[str] = set()
        for case in cases:
            if case.id in seen:
                raise ValueError(f"case id {case.id!r} appears twice; give every case its own id")
            seen.add(case.id)
        return cases


def load_suite(path: Path) -> Suite:
    """Parse and validate a suite file (errors name the file, line and field)."""
    return parse_file(path, Suite)


def suite_profiles_dir(path: Path, suite: Suite) -> tuple[Path, str | None]:
    """Personas folder and brand: as the suite says, else the folder the suite lies in."""
    if suite.personas:
        return (path.parent / suite.personas).resolve(), suite.brand
    if (path.parent / "brand.yaml").is_file():
        return path.parent.parent, suite.brand or path.parent.name
    return Path("personas"), suite.brand


# ---------------------------------------------------------------- judging


@dataclass(kw_only=True)
class CaseResult:
    """The outcome of one case: status, reasons for failure, the drafts."""

    case: Case
    status: Status
    reasons: list[str]
    elapsed_s: float
    result: DraftSet | None = None


def judge(case: Case, result: DraftSet, profile: VoiceProfile) -> list[str]:
    """Every unmet expectation of a case, one reason each (empty: the case passes)."""
    expect, analysis = case.expect, result.analysis
    reasons: list[str] = []
    if expect.intent and analysis.intent != expect.intent:
        reasons.append(f"intent: expected {expect.intent}, got {analysis.intent}")
    if expect.checks_escalation:
        reasons.extend(_escalation(expect, result, profile))
    if expect.language and analysis.language != expect.language:
        reasons.append(f"language: expected {expect.language}, got {analysis.language}")
    for item in result.drafts:
        reasons.extend(f"{item.tone}: {reason}" for reason in _draft_reasons(expect, item.text))
        if expect.all_checks_pass:
            failed = [f"{c.name} ({c.detail})" for c in item.checks if not c.ok]
            if failed:
                reasons.append(f"{item.tone}: failed checks: {', '.join(failed)}")
    return reasons


def _escalation(expect: Expect, result: DraftSet, profile: VoiceProfile) -> list[str]:
    team = expect.team
    if team is not None and team not in profile.brand.escalation:
        known = ", ".join(profile.brand.escalation) or "none"
        return [f"escalation: unknown team {team!r} (the profile knows: {known}, or none)"]
    got = result.analysis.escalation.team if result.analysis.escalation else None
    if got != team:
        return [f"escalation: expected {team or NO_TEAM}, got {got or NO_TEAM}"]
    return []


def _draft_reasons(expect: Expect, text: str) -> list[str]:
    folded = text.casefold()
    reasons = []
    if expect.must_mention_one_of and not any(term.casefold() in folded for term in expect.must_mention_one_of):
        reasons.append(f"mentions none of {', '.join(expect.must_mention_one_of)}")
    banned = [term for term in expect.must_not_contain if term.casefold() in folded]
    if banned:
        reasons.append(f"contains {', '.join(repr(t) for t in banned)}")
    if expect.max_length and len(text) > expect.max_length:
        reasons.append(f"{len(text)} characters, more than {expect.max_length}")
    return reasons


def run_case(case: Case, profile: VoiceProfile, backend: Backend | None = None) -> CaseResult:
    """Draft one case and judge it (a drafting error fails the case with its message)."""
    started = time.perf_counter()
    result: DraftSet | None = None
    try:
        result = draft(case.to_message(), profile, case.tones, backend)
        reasons = judge(case, result, profile)
    except ReplyvoiceError as exc:
        reasons = [f"error: {exc}"]
    if case.xfail:
        status: Status = "xfail" if reasons else "xpass"
    else:
        status = "fail" if reasons else "pass"
    return CaseResult(case=case, status=status, reasons=reasons, elapsed_s=time.perf_counter() - started, result=result)


@dataclass(kw_only=True)
class SuiteResult:
    """All case results of one run."""

    source: Path
    results: list[CaseResult] = field(default_factory=list)
    elapsed_s: float = 0.0

    def count(self, status: Status) -> int:
        """How many cases ended with this status."""
        return sum(r.status == status for r in self.results)

    @property
    def ok(self) -> bool:
        """True when no case failed (expected failures and unexpected passes do not fail the suite)."""
        return self.count("fail") == 0


def run_suite(
    path: Path, *, backend: Backend | None = None, personas: Path | None = None, brand: str | None = None
) -> SuiteResult:
    """Load a suite and run every case against its brand's profiles."""
    suite = load_suite(path)
    folder, suite_brand = suite_profiles_dir(path, suite)
    folder, brand = personas or folder, brand or suite_brand
    profiles: dict[str, VoiceProfile] = {}
    outcome = SuiteResult(source=path)
    started = time.perf_counter()
    for case in suite.cases:
        if case.platform not in profiles:
            profiles[case.platform] = load_profile(folder, brand, case.platform)
        outcome.results.append(run_case(case, profiles[case.platform], backend))
    outcome.elapsed_s = time.perf_counter() - started
    return outcome


# ---------------------------------------------------------------- reporting

LABELS: dict[Status, str] = {"pass": "PASS", "fail": "FAIL", "xfail": "XFAIL", "xpass": "XPASS"}


def table(outcome: SuiteResult) -> str:
    """One line per case: status, id, where, language/intent found, and the reasons."""
    rows = [("", "case", "where", "found", "reasons")]
    for r in outcome.results:
        c = r.case
        where = f"{c.platform}/{c.channel}/{c.mode}"
        found = f"{r.result.analysis.language}/{r.result.analysis.intent}" if r.result else "-"
        reasons = "; ".join(r.reasons)
        if r.status == "xfail":
            reasons = f"expected to fail ({c.xfail}): {reasons}"
        elif r.status == "xpass":
            reasons = f"passes now: remove `xfail: {c.xfail}`"
        rows.append((LABELS[r.status], c.id, where, found, reasons))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        ("  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + f"  {row[4]}").rstrip()
        for row in rows
    )


def summary_line(outcome: SuiteResult) -> str:
    """`45 cases: 43 passed, 0 failed, 2 expected failures, 0 unexpected passes in 0.4 s`."""
    return (
        f"{len(outcome.results)} cases: {outcome.count('pass')} passed, {outcome.count('fail')} failed, "
        f"{outcome.count('xfail')} expected failures, {outcome.count('xpass')} unexpected passes "
        f"in {outcome.elapsed_s:.1f} s"
    )


def junit_xml(outcome: SuiteResult) -> str:
    """JUnit XML for CI: one testcase per case; xfail is `skipped`, fail is `failure`."""
    suite = ET.Element(
        "testsuite",
        name=f"replyvoice eval {outcome.source.name}",
        tests=str(len(outcome.results)),
        failures=str(outcome.count("fail")),
        errors="0",
        skipped=str(outcome.count("xfail")),
        time=f"{outcome.elapsed_s:.3f}",
    )
    for r in outcome.results:
        c = r.case
        attrs: dict[str, Any] = {"classname": f"{c.platform}.{c.channel}.{c.mode}", "name": c.id}
        testcase = ET.SubElement(suite, "testcase", time=f"{r.elapsed_s:.3f}", **attrs)
        if r.status == "fail":
            failure = ET.SubElement(testcase, "failure", message=r.reasons[0])
            failure.text = "\n".join(r.reasons)
        elif r.status == "xfail":
            ET.SubElement(testcase, "skipped", message=f"xfail: {c.xfail}").text = "\n".join(r.reasons)
        elif r.status == "xpass":
            ET.SubElement(testcase, "system-out").text = f"unexpected pass: remove `xfail: {c.xfail}`"
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
