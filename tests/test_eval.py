"""`replyvoice eval`: the shipped suite passes offline, JUnit XML, failures, validation errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.batch.evaluation import load_suite, run_suite
from assistant.cli import cli
from assistant.errors import ProfileError
from assistant.models import INTENTS

from .conftest import PERSONAS

SUITE = PERSONAS / "bohnenkiez" / "eval.yaml"


def test_shipped_suite_covers_platforms_channels_modes_languages_and_intents() -> None:
    cases = load_suite(SUITE).cases
    assert len(cases) >= 40
    assert {c.platform for c in cases} == {"tiktok", "instagram", "facebook"}
    assert {c.channel for c in cases} == {"comment", "dm"} and {c.mode for c in cases} == {"reply", "outreach"}
    assert {c.expect.language for c in cases} >= {"de", "en"}
    passing = Counter(c.expect.intent for c in cases if c.expect.intent and not c.xfail)
    assert set(INTENTS) <= set(passing), set(INTENTS) - set(passing)


def test_shipped_suite_passes_offline_and_writes_junit(tmp_path: Path) -> None:
    junit = tmp_path / "eval.xml"
    result = CliRunner().invoke(cli, ["eval", str(SUITE), "--backend", "offline", "--junit", str(junit)])
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.output and "cases:" in result.output
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None and suite.get("failures") == "0"
    assert int(suite.get("tests", "0")) == len(load_suite(SUITE).cases)


def test_a_failing_expectation_exits_non_zero(tmp_path: Path) -> None:
    suite = tmp_path / "eval.yaml"
    suite.write_text(
        f"""personas: {PERSONAS}
brand: bohnenkiez
cases:
  - id: wrong-intent
    platform: tiktok
    message: "welcher mahlgrad für french press?"
    expect: {{intent: refund_request, escalation: after_sales, must_not_contain: [mahlgrad, grob], max_length: 10}}
  - id: known-defect
    platform: tiktok
    message: "welcher mahlgrad für french press?"
    expect: {{intent: spam}}
    xfail: "documented"
""",
        encoding="utf-8",
    )
    junit = tmp_path / "out.xml"
    result = CliRunner().invoke(cli, ["eval", str(suite), "--backend", "offline", "--junit", str(junit)])
    assert result.exit_code == 1
    assert "FAIL" in result.output and "intent: expected refund_request, got product_question" in result.output
    assert "escalation: expected after_sales, got none" in result.output and "more than 10" in result.output
    assert "XFAIL" in result.output and "1 failed" in result.output and "1 expected failures" in result.output
    root = ET.parse(junit).getroot()
    assert root.find("testsuite/testcase/failure") is not None and root.find("testsuite/testcase/skipped") is not None


def test_unknown_team_is_a_clear_reason(tmp_path: Path) -> None:
    suite = tmp_path / "eval.yaml"
    suite.write_text(
        f"personas: {PERSONAS}\ncases:\n  - id: a\n    platform: tiktok\n    message: hallo\n"
        "    expect: {escalation: aftersales}\n",
        encoding="utf-8",
    )
    outcome = run_suite(suite)
    assert "unknown team 'aftersales'" in outcome.results[0].reasons[0]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "cases:\n  - id: a\n    platform: tiktok\n    expect: {intnet: praise}\n",
            ":4: field 'cases.0.expect.intnet'",
        ),
        ("cases:\n  - id: a\n    platform: myspace\n    expect: {}\n", ":3: field 'cases.0.platform'"),
        ("cases:\n  - id: a\n    platform: tiktok\n    expect: {intent: joy}\n", "field 'cases.0.expect.intent'"),
        ("cases: []\n", "field 'cases'"),
        ("cases:\n  - id: a\n    platform: tiktok\n   expect: {}\n", "invalid YAML"),
    ],
)
def test_suite_errors_name_file_line_and_field(tmp_path: Path, body: str, expected: str) -> None:
    suite = tmp_path / "eval.yaml"
    suite.write_text(body, encoding="utf-8")
    with pytest.raises(ProfileError, match=f"^{suite}"):
        load_suite(suite)
    result = CliRunner().invoke(cli, ["eval", str(suite), "--backend", "offline"])
    assert result.exit_code == 1 and expected in result.output and "Traceback" not in result.output
