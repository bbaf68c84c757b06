"""German and English: complete catalogs, compiled on first use, one display name per value, translated handoffs."""

from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from assistant import Message, draft
from assistant.defaults import CHANNELS, PLATFORMS
from assistant.i18n import (
    CHANNEL_NAMES,
    INTENT_NAMES,
    LOCALES,
    catalog_path,
    compile_catalog,
    display_name,
    translation,
)
from assistant.models import INTENTS

from .conftest import ROOT, new_app, profile_for

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def code_messages() -> set[str | tuple[str, str]]:
    """Every msgid marked in the code (what `make catalogs` extracts)."""
    found: set[str | tuple[str, str]] = set()
    for folder in ("assistant",):
        for _file, _line, message, _comments, _context in extract_from_dir(ROOT / folder, keywords=KEYWORDS):
            found.add(message if isinstance(message, str) else tuple(message))  # type: ignore[arg-type]
    return found


def catalog(language: str) -> dict[object, object]:
    with catalog_path(language).open("rb") as handle:
        return {m.id: m.string for m in read_po(handle, locale=language) if m.id}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_in_the_code_has_a_german_translation() -> None:
    german = catalog("de")
    missing = [m for m in code_messages() if not german.get(m)]
    assert not missing, f"run `make catalogs` and translate: {missing[:10]}"


def test_the_catalogs_have_no_messages_the_code_no_longer_uses() -> None:
    assert set(catalog("de")) <= code_messages() and set(catalog("en")) <= code_messages()


def test_translations_keep_every_placeholder() -> None:
    for msgid, msgstr in catalog("de").items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strs = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        for text in strs:
            assert fields(str(text)) == fields(ids[-1]), (msgid, text)


def test_a_po_file_is_compiled_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.i18n as i18n

    copy = tmp_path / "locales"
    shutil.copytree(LOCALES, copy, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(i18n, "LOCALES", copy)
    translation.cache_clear()
    try:
        assert not list(copy.rglob("*.mo"))
        assert i18n.translation("de").gettext("Draft replies") == "Antworten entwerfen"
        assert compile_catalog(copy / "de" / "LC_MESSAGES" / "replyvoice.po", "de")[:4] == b"\xde\x12\x04\x95"
    finally:
        translation.cache_clear()


def test_the_wheel_carries_the_catalogs() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "i18n/locales/*/LC_MESSAGES/*.po" in text


def test_one_display_name_per_platform_channel_and_intent() -> None:
    assert set(INTENT_NAMES) == set(INTENTS) and set(CHANNEL_NAMES) == set(CHANNELS)
    for language in ("de", "en"):
        for kind, values in (("platform", PLATFORMS), ("channel", CHANNELS), ("intent", INTENTS)):
            names = [display_name(kind, v, language) for v in values]
            assert len(set(names)) == len(names) and not any("_" in n for n in names), (kind, names)
    assert display_name("channel", "dm", "de") == "Direktnachricht"
    assert display_name("channel", "dm", "en") == "Direct message"
    assert display_name("urgency", "high", "de") == "hoch"


def test_the_handoff_note_speaks_the_teams_language_in_every_value() -> None:
    message = Message(text="ich will mein geld zurück. SOFORT!!!11", platform="tiktok", author="petens022")
    note = draft(message, profile_for("tiktok")).handoff.note  # type: ignore[union-attr]
    first = note.splitlines()[0]
    assert first == "Anliegen: Erstattungswunsch (TikTok · Kommentar, von petens022; Dringlichkeit: hoch)"
    assert not re.search(r"\b(high|medium|low|tiktok|comment|dm)\b", note)


def test_the_handoff_of_a_dm_names_the_channel() -> None:
    message = Message(text="Paket seit Montag in der Filiale, Bestellnummer 51877", platform="facebook", channel="dm")
    note = draft(message, profile_for("facebook")).handoff.note  # type: ignore[union-attr]
    assert "(Facebook · Direktnachricht;" in note and "Dringlichkeit: " in note


# ---------------------------------------------------------------- the app in German (the default)


@pytest.fixture
def german(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("REPLYVOICE_UI_LANG")
    return app_env


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("assistant/ui/draft_page.py", "Antworten entwerfen"),
        ("assistant/ui/inbox_page.py", "Posteingang"),
        ("assistant/ui/history_page.py", "Verlauf"),
        ("assistant/ui/insights_page.py", "Auswertung"),
        ("assistant/ui/profiles_page.py", "Markenstimme"),
        ("assistant/ui/settings_page.py", "Einstellungen"),
    ],
)
def test_every_page_is_german_by_default(german: Path, page: str, title: str) -> None:
    at = new_app().run()
    at.switch_page(page).run()
    assert not at.exception
    assert at.title[0].value == title


def test_drafting_in_german(german: Path) -> None:
    at = new_app().run()
    assert at.text_area(key="w_draft_message").label == "Nachricht"
    assert at.selectbox(key="w_draft_channel").options == ["Kommentar", "Direktnachricht"]
    at.text_area(key="w_draft_message").set_value("ich will mein geld zurück. SOFORT!!!11")
    at.button(key="draft_submit").click().run()
    assert not at.exception
    badges = " ".join(m.value for m in at.markdown)
    assert (
        "Erstattungswunsch" in badges and "Dringlichkeit: hoch" in badges and "Übergabe an After-Sales-Team" in badges
    )
    assert [b.label for b in at.button if b.key and b.key.startswith("draft_approve_")] == ["Freigeben"] * 3
    assert "TikTok · Kommentar · Auf eine Nachricht antworten" in " ".join(c.value for c in at.caption)


def test_an_empty_message_error_is_german(german: Path) -> None:
    at = new_app().run()
    at.button(key="draft_submit").click().run()
    assert "Die Nachricht ist leer" in at.error[0].value


def test_english_by_setting_the_environment(app_env: Path) -> None:
    at = new_app().run()
    assert at.title[0].value == "Draft replies"
