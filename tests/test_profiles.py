"""Voice profiles: loading, inheritance, limits and validation errors on real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.errors import ProfileError
from assistant.profiles.loading import BrandProfile, PlatformProfile, load_profile, parse_text, validate_dir

from .conftest import PERSONAS, profile_for


def test_all_example_profiles_load() -> None:
    assert validate_dir(PERSONAS) == ["bohnenkiez/tiktok", "bohnenkiez/instagram", "bohnenkiez/facebook"]


@pytest.mark.parametrize(
    ("platform", "comment", "dm", "emoji"),
    [("tiktok", 150, 1000, 2), ("instagram", 2200, 1000, 2), ("facebook", 8000, 2000, 1)],
)
def test_platform_limits_and_emoji(platform: str, comment: int, dm: int, emoji: int) -> None:
    profile = profile_for(platform)
    assert (profile.limit("comment"), profile.limit("dm"), profile.emoji.max_per_reply) == (comment, dm, emoji)


def test_platform_inherits_and_refines_the_brand() -> None:
    tiktok = profile_for("tiktok")
    assert tiktok.brand.name == "Bohnenkiez" and tiktok.address_form("de") == "du"
    assert tiktok.tones["playful"].endswith("Ein Insider oder ein Wortspiel passt hier besonders.")
    assert tiktok.sign_off.channels == ["dm"]
    assert profile_for("facebook").sign_off.channels == ["comment", "dm"]


def test_brand_defines_the_facts_a_community_manager_needs() -> None:
    ids = {fact.id for fact in profile_for("tiktok").brand.facts}
    assert {"shipping", "shipping_abroad", "returns", "replacement", "decaf", "bags", "shelf_life"} <= ids
    assert set(profile_for("tiktok").brand.escalation) == {"after_sales", "logistics"}


def test_version_changes_when_a_file_changes(tmp_path: Path) -> None:
    shutil.copytree(PERSONAS, tmp_path / "personas")
    before = load_profile(tmp_path / "personas", None, "tiktok").version
    path = tmp_path / "personas" / "bohnenkiez" / "tiktok.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert load_profile(tmp_path / "personas", None, "tiktok").version != before


BRAND = (PERSONAS / "bohnenkiez" / "brand.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            BRAND.replace("default_tones: [warm, playful, crisp]", "default_tones: [warm, playful, sarcastic]"),
            ["default_tones names undefined tones: sarcastic"],
        ),
        (BRAND.replace("default_language: de", "default_language: fr"), ["default_language 'fr' is not in languages"]),
        (BRAND.replace("  de: du\n", "  de: ihr\n"), ["address_form.de", "allowed values"]),
        (BRAND.replace("max_per_reply: 2", "max_per_reply: -1"), ["emoji.max_per_reply", "larger number"]),
        ("- just\n- a list\n", ["expected a mapping"]),
        ("name: [unclosed\n", ["brand.yaml:2:", "invalid YAML"]),
    ],
)
def test_brand_errors_are_one_clear_line(text: str, expected: list[str]) -> None:
    with pytest.raises(ProfileError) as err:
        parse_text(text, BrandProfile, source="brand.yaml")
    message = str(err.value)
    assert message.startswith("brand.yaml") and "\n" not in message and "fix:" in message
    assert all(e in message for e in expected), message


def test_error_line_points_at_the_field() -> None:
    text = "extends: brand\nplatform: tiktok\nregister: kurz\nlimits:\n  comment: 0\n"
    with pytest.raises(ProfileError, match=r"tiktok.yaml:5: field 'limits'"):
        parse_text(text, PlatformProfile, source="tiktok.yaml")


def test_unknown_platform_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="unknown platform 'myspace'"):
        load_profile(PERSONAS, None, "myspace")
    shutil.copytree(PERSONAS, tmp_path / "personas")
    (tmp_path / "personas" / "bohnenkiez" / "tiktok.yaml").unlink()
    with pytest.raises(ProfileError, match=r"tiktok.yaml: file not found"):
        load_profile(tmp_path / "personas", None, "tiktok")
