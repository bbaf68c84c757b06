"""The Voice profiles page with AppTest: form and YAML edits, live validation, preview, safe saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.ui.safe import md

from .conftest import new_app

PREFIX = "prof_bohnenkiez_tiktok.yaml"


@pytest.fixture
def personas(app_env: Path) -> Path:
    """The private copy of the personas the app edits (see conftest.app_env)."""
    return app_env / "personas"


def open_tiktok() -> AppTest:
    """The profiles page with the TikTok profile open."""
    at = new_app().run()
    at.switch_page("assistant/ui/profiles_page.py").run()
    assert not at.exception
    at.radio(key="w_prof_file_tiktok").set_value("tiktok.yaml").run()
    assert not at.exception
    return at


def number(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    """A form number field by its label."""
    return next(w for w in at.number_input if w.label == md(label))


def yaml_editor(at: AppTest):  # type: ignore[no-untyped-def]
    return at.text_area(key=f"w_{PREFIX}_text")


def errors(at: AppTest) -> list[str]:
    return [e.value.replace("\\", "") for e in at.error]


def test_an_invalid_form_value_shows_one_clear_error_and_saves_nothing(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    before = path.read_bytes()
    at = open_tiktok()
    assert any("tiktok.yaml is valid" in s.value for s in at.success)
    number(at, "Comment limit (characters)").set_value(0)
    at.button(key=f"{PREFIX}_form_save").click().run()
    assert not at.exception
    assert len(errors(at)) == 1 and "limit for comment must be at least 1 character" in errors(at)[0]
    assert any("Not saved" in c.value for c in at.caption)
    assert "comment: 0" in yaml_editor(at).value  # kept for fixing, not written
    assert at.button(key=f"{PREFIX}_save").disabled
    assert path.read_bytes() == before


def test_invalid_yaml_is_reported_once_with_file_and_line_and_save_is_off(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    before = path.read_bytes()
    at = open_tiktok()
    yaml_editor(at).set_value(yaml_editor(at).value.replace("register:", "registr:")).run()
    assert not at.exception
    assert len(errors(at)) == 1
    assert "tiktok.yaml:" in errors(at)[0] and "registr" in errors(at)[0] and "fix:" in errors(at)[0]
    assert at.button(key=f"{PREFIX}_save").disabled
    assert path.read_bytes() == before


def test_a_yaml_syntax_error_is_one_line_and_the_form_waits(personas: Path) -> None:
    at = open_tiktok()
    yaml_editor(at).set_value(yaml_editor(at).value.replace("limits:\n", "limits:\n  comment 150: [\n", 1)).run()
    assert not at.exception
    assert len(errors(at)) == 1 and "\n" not in errors(at)[0]
    assert "tiktok.yaml:" in errors(at)[0] and "invalid YAML" in errors(at)[0]
    assert not at.number_input  # the form is not drawn from broken YAML
    assert any("fix the error above" in c.value for c in at.caption)
    assert at.button(key=f"{PREFIX}_save").disabled


def test_a_valid_form_edit_is_saved_in_one_step_previewed_and_used_for_drafting(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    at = open_tiktok()
    number(at, "Comment limit (characters)").set_value(120)
    at.button(key=f"{PREFIX}_form_save").click().run()
    assert not at.exception
    assert "comment: 120" in path.read_text(encoding="utf-8")
    assert "# TikTok" in path.read_text(encoding="utf-8")  # comments survive a form edit
    assert any("Saved tiktok.yaml" in s.value.replace("\\", "") for s in at.success)
    at.button(key=f"{PREFIX}_preview").click().run()
    assert not at.exception
    assert any("/ 120 characters" in c.value for c in at.caption)
    at.switch_page("assistant/ui/draft_page.py").run()
    at.text_area(key="w_draft_message").set_value("Wie lange dauert der Versand?")
    at.button(key="draft_submit").click().run()
    assert not at.exception
    assert any("limit 120 characters" in c.value for c in at.caption)


def test_a_conflicting_save_is_refused_and_shows_both_versions(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    at = open_tiktok()
    mine = yaml_editor(at).value.replace("comment: 150", "comment: 140")
    yaml_editor(at).set_value(mine).run()
    theirs = path.read_text(encoding="utf-8").replace("max_per_reply: 2", "max_per_reply: 1")
    path.write_text(theirs, encoding="utf-8")  # a colleague saves meanwhile
    at.run()
    assert any("Someone saved this file" in w.value for w in at.warning)
    at.button(key=f"{PREFIX}_save").click().run()
    assert not at.exception
    assert any("changed on disk" in e.value.replace("\\", "") for e in at.error)
    shown = [c.value.strip() for c in at.code]
    assert mine.strip() in shown and theirs.strip() in shown
    assert path.read_text(encoding="utf-8") == theirs
    at.button(key=f"{PREFIX}_overwrite").click().run()
    assert not at.exception
    assert path.read_text(encoding="utf-8") == mine


def test_loading_theirs_after_a_conflict_discards_mine(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    at = open_tiktok()
    yaml_editor(at).set_value(yaml_editor(at).value.replace("comment: 150", "comment: 140")).run()
    theirs = path.read_text(encoding="utf-8").replace("dm: 1000", "dm: 900")
    path.write_text(theirs, encoding="utf-8")
    at.button(key=f"{PREFIX}_save").click().run()
    at.button(key=f"{PREFIX}_take_theirs").click().run()
    assert not at.exception
    assert yaml_editor(at).value == theirs
    assert not at.error


# ---------------------------------------------------------------- clear errors, overrides, unsafe YAML

BILLION_LAUGHS = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
banned_phrases: *i
"""


def open_brand() -> AppTest:
    at = new_app().run()
    at.switch_page("assistant/ui/profiles_page.py").run()
    assert not at.exception
    return at


def brand_editor(at: AppTest):  # type: ignore[no-untyped-def]
    return at.text_area(key="w_prof_bohnenkiez_brand.yaml_text")


def test_an_unknown_default_tone_is_named(personas: Path) -> None:
    at = open_brand()
    text = brand_editor(at).value.replace("default_tones: [warm, playful, crisp]", "default_tones: [warm, cheeky]")
    brand_editor(at).set_value(text).run()
    assert not at.exception
    assert len(errors(at)) == 1
    assert "cheeky" in errors(at)[0] and "at least" not in errors(at)[0]
    assert at.button(key="prof_bohnenkiez_brand.yaml_save").disabled


def test_a_platform_override_of_the_sign_off_is_shown(personas: Path) -> None:
    at = open_brand()
    at.selectbox(key="w_prof_platform").set_value("facebook").run()
    assert not at.exception
    notes = " ".join(i.value.replace("\\", "") for i in at.info)
    assert "facebook.yaml replaces the sign-off of brand.yaml on Facebook" in notes
    assert "Viele Grüße aus der Rösterei, Jule" in notes and "Grüße aus der Rösterei, Jule" in notes


def test_a_billion_laughs_is_refused_at_once(personas: Path) -> None:
    import time

    assert len(BILLION_LAUGHS.encode()) <= 520
    at = open_brand()
    started = time.perf_counter()
    brand_editor(at).set_value(BILLION_LAUGHS).run(timeout=20)
    elapsed = time.perf_counter() - started
    assert not at.exception and elapsed < 5
    assert len(errors(at)) == 1 and "anchors and aliases" in errors(at)[0]
    assert at.button(key="prof_bohnenkiez_brand.yaml_save").disabled


def test_an_aliased_profile_on_disk_does_not_freeze_drafting(personas: Path) -> None:
    (personas / "bohnenkiez" / "tiktok.yaml").write_text(BILLION_LAUGHS, encoding="utf-8")
    at = new_app().run(timeout=20)
    assert not at.exception
    assert "anchors and aliases" in errors(at)[0]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("a: &x 1\nb: *x\n", "(&x)"),
        ("x: [1, 2\n", "invalid YAML"),
        ("x" * 600_000, "too large"),
    ],
)
def test_the_safety_check(text: str, needle: str) -> None:
    from assistant.workspace.profile_help import first_problem

    problem = first_problem(text, "brand.yaml")
    assert problem is not None and needle in problem and "\n" not in problem


def test_add_fact_appends_to_the_facts_list_only() -> None:
    from assistant.workspace.profile_help import add_fact

    text = "name: X\nfacts:\n  - id: a\n    text: {de: A}\n\n# the end\ntips: []\n"
    added = add_fact(text, {"id": "b", "keywords": ["decaf"], "text": {"de": "B"}})
    assert added.startswith("name: X\nfacts:\n  - id: a\n    text: {de: A}\n  - id: b\n")
    assert added.endswith("\n# the end\ntips: []\n")
    import yaml

    assert [f["id"] for f in yaml.safe_load(added)["facts"]] == ["a", "b"]
