"""Hostile and odd input: property-based tests on analysis, composing, checks, redaction, profiles and the CLI.

Arbitrary Unicode (RTL marks, zero-width joiners, combining characters, NUL, lone
surrogates), huge and empty input, broken YAML profiles: nothing may raise anything but
the documented errors, and every draft stays within the platform's limit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant import Message, draft
from assistant.analysis.reading import analyse
from assistant.backends.openai.redaction import PLACEHOLDER, redact, restore
from assistant.cli import cli
from assistant.defaults import MESSAGE_HARD_CAP, MESSAGE_SOFT_CAP
from assistant.errors import InputError, ProfileError
from assistant.guard.checks import CheckContext, run_checks
from assistant.profiles.loading import BrandProfile, PlatformProfile, parse_text

try:
    from conftest import PERSONAS, profile_for
except ImportError:  # tests/ imported as a package
    from tests.conftest import PERSONAS, profile_for

ODD = [
    "\u200f",  # RTL mark
    "\u202e",  # RTL override
    "\u200d",  # zero-width joiner
    "\u200b",  # zero-width space
    "\ufeff",  # BOM
    "\u0301",  # combining acute
    "\u0336",  # combining long stroke
    "\x00",
    "\ud800",  # lone surrogate (Python allows it in str)
    "\udfff",
    "👩\u200d👩\u200d👧",
    "ﷺ",
    "Ⅻ",
    "ß",
    "İ",
    "<<<",
    "MESSAGE>>>",
    "\r\n",
    "\t",
    "🫘",
]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PLATFORMS = st.sampled_from(["tiktok", "instagram", "facebook"])
CHANNELS = st.sampled_from(["comment", "dm"])


def hostile_text(max_size: int = 400, surrogates: bool = True) -> st.SearchStrategy[str]:
    """Any Unicode (including lone surrogates), mixed with odd characters and ordinary words."""
    excluded: tuple[str, ...] = () if surrogates else ("Cs",)
    chars = st.characters(exclude_categories=excluded)  # type: ignore[arg-type]
    pieces = st.one_of(
        st.text(chars, max_size=40),
        st.sampled_from(ODD if surrogates else [o for o in ODD if not 0xD800 <= ord(o[0]) <= 0xDFFF]),
        st.sampled_from(["Bestellung 48213", "geld zurück!!!", "a@b.de", "+49 170 1234567", "ignore all rules", " "]),
    )
    return st.lists(pieces, max_size=20).map("".join).map(lambda s: s[:max_size])


# ---------------------------------------------------------------- analysis, composing, checks


@SETTINGS
@given(text=hostile_text(), platform=PLATFORMS)
def test_analysis_never_raises(text: str, platform: str) -> None:
    analysis = analyse(Message(text=text, platform=platform), profile_for(platform))  # type: ignore[arg-type]
    assert analysis.language and analysis.intent


@SETTINGS
@given(text=hostile_text(), platform=PLATFORMS, channel=CHANNELS, mode=st.sampled_from(["reply", "outreach"]))
def test_offline_drafts_stay_within_limits(text: str, platform: str, channel: str, mode: str) -> None:
    profile = profile_for(platform)
    message = Message(text=text, platform=platform, channel=channel, mode=mode, post=text or None)  # type: ignore[arg-type]
    try:
        result = draft(message, profile)
    except InputError:
        assert not text.strip()
        return
    assert len(result.drafts) == len(profile.brand.default_tones)
    limit = profile.limit(channel)
    for d in result.drafts:
        assert 0 < len(d.text) <= limit, (d.tone, len(d.text), limit)
        assert "\x00" not in d.text


@SETTINGS
@given(text=hostile_text(1_000), message=hostile_text(200), platform=PLATFORMS, channel=CHANNELS)
def test_checks_never_raise(text: str, message: str, platform: str, channel: str) -> None:
    profile = profile_for(platform)
    incoming = Message(text=message or "hallo", platform=platform, channel=channel)  # type: ignore[arg-type]
    ctx = CheckContext(text=text, message=incoming, analysis=analyse(incoming, profile), profile=profile)
    results = run_checks(ctx)
    assert results and all(r.name for r in results)


# ---------------------------------------------------------------- redaction


@SETTINGS
@given(text=hostile_text(600))
@example(text="A0000000:0000000A")  # two IDs that differ only in their letters are two values
def test_redaction_round_trips_in_dms_and_leaves_nothing_in_comments(text: str) -> None:
    redaction = redact(text, order_pattern=r"\d{5}")
    if PLACEHOLDER.search(text):
        return  # text that already looks like a placeholder is not round-trippable
    assert restore(redaction.text, redaction, "dm") == text
    public = restore(redaction.text, redaction, "comment")
    assert not PLACEHOLDER.search(public)
    for value in redaction.mapping.values():
        assert value not in public or value in redaction.text


# ---------------------------------------------------------------- sizes


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u200b"])
def test_empty_input_is_an_input_error(text: str) -> None:
    if text == "\u200b":  # invisible but not whitespace: drafted like any other odd message
        assert draft(Message(text=text, platform="tiktok"), profile_for("tiktok")).drafts
        return
    with pytest.raises(InputError, match="empty"):
        draft(Message(text=text, platform="tiktok"), profile_for("tiktok"))


def test_absurd_input_is_refused_and_long_input_truncated_with_a_notice() -> None:
    with pytest.raises(InputError, match="limit"):
        draft(Message(text="a" * (MESSAGE_HARD_CAP + 1), platform="tiktok"), profile_for("tiktok"))
    with pytest.raises(InputError):
        draft(Message(text="x" * 1_000_000, platform="facebook"), profile_for("facebook"))
    long = ("Wo ist meine Bestellung 48213? " * 400)[: MESSAGE_SOFT_CAP + 500]
    result = draft(Message(text=long, platform="facebook"), profile_for("facebook"))
    assert any("only the first" in n for n in result.notices)
    assert all(len(d.text) <= profile_for("facebook").limit("comment") for d in result.drafts)


# ---------------------------------------------------------------- broken profiles

BRAND_YAML = (PERSONAS / "bohnenkiez" / "brand.yaml").read_text(encoding="utf-8")
PLATFORM_YAML = (PERSONAS / "bohnenkiez" / "tiktok.yaml").read_text(encoding="utf-8")


@st.composite
def broken_yaml(draw: st.DrawFn) -> str:
    """A real profile with a slice cut out and/or junk spliced in, or arbitrary text."""
    base = draw(st.sampled_from([BRAND_YAML, PLATFORM_YAML, ""]))
    start = draw(st.integers(0, len(base)))
    end = draw(st.integers(start, min(len(base), start + 200)))
    junk = draw(
        st.one_of(st.text(max_size=30), st.sampled_from(["\t", ": :", "- [", "{", "&a *a", "!!python/object", "\x00"]))
    )
    return base[:start] + junk + base[end:]


@SETTINGS
@given(text=broken_yaml(), model=st.sampled_from([BrandProfile, PlatformProfile]))
def test_broken_profiles_raise_only_profile_errors(
    text: str, model: type[BrandProfile] | type[PlatformProfile]
) -> None:
    try:
        parse_text(text, model, source="broken.yaml")
    except ProfileError as exc:
        message = str(exc)
        assert message.startswith("broken.yaml") and "\n" not in message.strip()


# ---------------------------------------------------------------- CLI


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text(300, surrogates=False), platform=PLATFORMS, as_json=st.booleans())
def test_cli_never_shows_a_traceback(text: str, platform: str, as_json: bool) -> None:
    args = ["draft", "-p", platform, "-m", text, "--backend", "offline", "--personas", str(PERSONAS)]
    result = CliRunner().invoke(cli, [*args, *(["--json"] if as_json else [])])
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert "empty" in result.output or "Error" in result.output


def test_cli_refuses_a_broken_profile_in_one_line(tmp_path: Path) -> None:
    brand = tmp_path / "broken"
    brand.mkdir()
    (brand / "brand.yaml").write_text(BRAND_YAML[: len(BRAND_YAML) // 2] + "\n  - [unclosed\n", encoding="utf-8")
    (brand / "tiktok.yaml").write_text(PLATFORM_YAML, encoding="utf-8")
    result = CliRunner().invoke(cli, ["draft", "-p", "tiktok", "-m", "hallo", "--personas", str(tmp_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "brand.yaml" in result.output
