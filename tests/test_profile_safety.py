"""Profiles from untrusted hands: aliases, repeated keys, huge files and slow patterns are refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from assistant.defaults import DATA_DIR
from assistant.errors import ProfileError
from assistant.profiles.editing import load_mapping
from assistant.profiles.loading import BrandProfile, parse_text
from assistant.profiles.strict_yaml import pattern_problem, refuse_repeated_keys

from .conftest import PERSONAS

BRAND = (PERSONAS / "bohnenkiez" / "brand.yaml").read_text(encoding="utf-8")
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(10)
)


@pytest.mark.parametrize("parse", [lambda t: parse_text(t, BrandProfile, source="brand.yaml"), load_mapping])
def test_a_billion_laughs_is_refused_at_once(parse: object) -> None:
    started = time.perf_counter()
    with pytest.raises(ProfileError, match="aliases"):
        parse(LAUGHS)  # type: ignore[operator]
    assert time.perf_counter() - started < 1.0  # generous; without the refusal this takes minutes


def test_a_repeated_key_is_an_error_naming_its_line() -> None:
    text = BRAND + "\nredact_pii: true\nredact_pii: false\n"
    with pytest.raises(ProfileError, match=r"brand.yaml:\d+: .*'redact_pii' appears twice"):
        parse_text(text, BrandProfile, source="brand.yaml")


def test_a_huge_profile_is_refused_without_parsing_it() -> None:
    text = BRAND + "\n# " + "x" * 50_000_000 + "\n"
    with pytest.raises(ProfileError, match="too large"):
        parse_text(text, BrandProfile, source="brand.yaml")


@pytest.mark.parametrize("pattern", [r"(\d+)+x", r"(\d*)*", r"(a|aa)+\d{2,}", r"(\d{2,})+", r"(\w)\1", "x" * 300])
def test_slow_order_number_patterns_are_refused(pattern: str) -> None:
    assert pattern_problem(pattern)
    text = BRAND.replace("order_number_pattern: '\\d{5}'", f"order_number_pattern: '{pattern}'")
    with pytest.raises(ProfileError, match="order_number_pattern"):
        parse_text(text, BrandProfile, source="brand.yaml")


@pytest.mark.parametrize("pattern", [r"\d{5}", r"\d{5,8}", r"(?:[A-Z]{2}-)?\d{5}", r"#?\d{4,6}"])
def test_ordinary_order_number_patterns_pass(pattern: str) -> None:
    assert pattern_problem(pattern) is None


def test_the_example_brand_still_loads(tmp_path: Path) -> None:
    assert parse_text(BRAND, BrandProfile, source="brand.yaml").name == "Bohnenkiez"


@pytest.mark.parametrize("path", sorted(DATA_DIR.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA_DIR)))
def test_no_shipped_table_writes_a_key_twice(path: Path) -> None:
    """YAML keeps the last of two equal keys without a word (concepts.yaml once lost its first "music" so)."""
    refuse_repeated_keys(yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
