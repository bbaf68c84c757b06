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


def test_an_invalid_form_value_shows_the_cli_error_and_saves_nothing(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    before = path.read_bytes()
    at = open_tiktok()
    assert any("tiktok.yaml is valid" in s.value for s in at.success)
    number(at, "Comment limit (characters)").set_value(0)
    at.button(key="FormSubmitter:prof_bohnenkiez_tiktok.yaml_form-Apply to YAML").click().run()
    assert not at.exception
    assert "limit for comment must be at least 1 character" in at.error[0].value.replace("\\", "")
    assert "comment: 0" in yaml_editor(at).value
    at.button(key=f"{PREFIX}_save").click().run()
    assert not at.exception
    assert any("Not saved" in e.value for e in at.error)
    assert path.read_bytes() == before


def test_invalid_yaml_is_reported_live_with_file_and_line(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    before = path.read_bytes()
    at = open_tiktok()
    yaml_editor(at).set_value(yaml_editor(at).value.replace("register:", "registr:")).run()
    assert not at.exception
    error = at.error[0].value.replace("\\", "")
    assert "tiktok.yaml:" in error and "registr" in error and "fix:" in error
    at.button(key=f"{PREFIX}_save").click().run()
    assert path.read_bytes() == before


def test_a_valid_edit_is_previewed_saved_and_used_for_drafting(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    at = open_tiktok()
    number(at, "Comment limit (characters)").set_value(120)
    at.button(key="FormSubmitter:prof_bohnenkiez_tiktok.yaml_form-Apply to YAML").click().run()
    at.button(key=f"{PREFIX}_preview").click().run()
    assert not at.exception
    assert any("/ 120 characters" in c.value for c in at.caption)
    at.button(key=f"{PREFIX}_save").click().run()
    assert not at.exception
    assert "comment: 120" in path.read_text(encoding="utf-8")
    assert "# TikTok" in path.read_text(encoding="utf-8")  # comments survive a form edit
    assert any("Saved tiktok.yaml" in s.value.replace("\\", "") for s in at.success)
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
