"""The Streamlit app with AppTest: draft a sample message and see the variants."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from .conftest import ROOT


def test_draft_page_drafts_a_reply(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    at.text_area(key="draft_message").set_value("ich will mein geld zurück. SOFORT!!!11")
    at.button[0].click().run()
    assert not at.exception
    replies = [at.text_area(key=f"draft_edit_{tone}").value for tone in ("warm", "playful", "crisp")]
    assert all(replies) and len(set(replies)) == 3
    assert "after_sales" in at.caption[0].value
    assert at.text_area(key="draft_handoff").value


def test_markup_in_the_message_stays_plain_text(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.text_area(key="draft_message").set_value("![x](http://evil.example/a.png) <script>alert(1)</script> Paket?")
    at.button[0].click().run()
    assert not at.exception
    assert not at.markdown or all("<script>" not in m.value for m in at.markdown)


def test_empty_message_shows_an_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button[0].click().run()
    assert not at.exception
    assert "empty" in at.error[0].value
