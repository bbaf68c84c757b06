"""The Draft page with AppTest: draft, compare, edit, approve, regenerate, switch pages, reload."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.history.store import Store

from .conftest import new_app, text_tools

REFUND = "ich will mein geld zurück. SOFORT!!!11"


@pytest.fixture
def env(app_env: Path) -> Path:
    """A private data directory and copy of the personas (see conftest.app_env)."""
    return app_env


def start() -> AppTest:
    """A fresh session of the app, run once."""
    at = new_app().run()
    assert not at.exception
    return at


def drafted(at: AppTest, message: str = REFUND, **fields: str) -> int:
    """Fill the form, press Draft, return the new draft set's id."""
    at.text_area(key="w_draft_message").set_value(message)
    for name, value in fields.items():
        widget = at.selectbox(key=f"w_draft_{name}") if name in ("platform", "channel", "mode") else None
        if widget is not None:
            widget.set_value(value)
        else:
            at.text_input(key=f"w_draft_{name}").set_value(value)
    at.button(key="draft_submit").click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    return int(at.session_state["draft_set_id"])


def reply(at: AppTest, set_id: int, tone: str) -> str:
    """The editable text of one variant."""
    return str(at.text_area(key=f"w_draft_text_{set_id}_{tone}").value)


def characters(at: AppTest, tone: str) -> int:
    """The character count of one variant in the comparison table."""
    table = at.dataframe[-1].value
    return int(table.loc[table["Tone"] == tone, "Characters"].iloc[0])


def test_draft_edit_approve_switch_pages_and_come_back(env: Path) -> None:
    at = start()
    set_id = drafted(at, author="petens022")
    texts = [reply(at, set_id, tone) for tone in ("warm", "playful", "crisp")]
    assert all(texts) and len(set(texts)) == 3
    badges = " ".join(m.value for m in at.markdown)
    assert "Refund request" in badges and "Hand over to after-sales team" in badges
    assert at.text_area(key=f"w_draft_handoff_{set_id}").value
    assert text_tools(at, f"draft_tools_{set_id}_warm")["limit"] == 150
    assert not any(area.key == "w_draft_message" for area in at.text_area)  # the form folded into a summary

    at.text_area(key=f"w_draft_text_{set_id}_warm").set_value("Geld zurück? Klar, schreib uns per DM.").run()
    assert not at.exception
    assert characters(at, "warm") == 38
    assert text_tools(at, f"draft_tools_{set_id}_warm")["target"] == f".st-key-w_draft_text_{set_id}_warm textarea"
    at.button(key=f"draft_approve_{set_id}_warm").click().run()
    assert not at.exception
    assert any("Approved" in s.value for s in at.success)
    with Store(directory=env / "data") as store:
        assert [a.text for a in store.approvals()] == ["Geld zurück? Klar, schreib uns per DM."]

    at.switch_page("assistant/ui/history_page.py").run()
    assert not at.exception
    assert "Geld zurück? Klar, schreib uns per DM." in [t.value for t in at.text]
    at.switch_page("assistant/ui/settings_page.py").run()
    at.switch_page("assistant/ui/draft_page.py").run()
    assert not at.exception
    assert reply(at, set_id, "warm") == "Geld zurück? Klar, schreib uns per DM."
    assert reply(at, set_id, "playful") == texts[1]
    assert any(t.value == REFUND for t in at.text)
    assert any("petens022" in c.value for c in at.caption)
    assert any("Approved" in s.value for s in at.success)
    at.button(key="draft_change").click().run()
    assert at.text_area(key="w_draft_message").value == REFUND
    assert at.text_input(key="w_draft_author").value == "petens022"


def test_a_reload_restores_the_set_and_its_edits_from_the_store(env: Path) -> None:
    at = start()
    set_id = drafted(at)
    at.text_area(key=f"w_draft_text_{set_id}_crisp").set_value("Kurz: DM an uns, wir klären das.").run()
    assert not at.exception
    reloaded = new_app()
    reloaded.query_params["set"] = str(set_id)
    reloaded.run()
    assert not reloaded.exception
    assert reply(reloaded, set_id, "crisp") == "Kurz: DM an uns, wir klären das."
    assert reply(reloaded, set_id, "warm") == reply(at, set_id, "warm")


def test_regenerate_replaces_only_that_tone_and_keeps_the_other_edits(env: Path) -> None:
    at = start()
    set_id = drafted(at)
    at.text_area(key=f"w_draft_text_{set_id}_warm").set_value("Meine Fassung").run()
    playful = reply(at, set_id, "playful")
    at.button(key=f"draft_regen_{set_id}_crisp").click().run()
    assert not at.exception
    new_id = int(at.session_state["draft_set_id"])
    assert new_id != set_id
    assert reply(at, new_id, "warm") == "Meine Fassung"
    assert reply(at, new_id, "playful") == playful
    assert reply(at, new_id, "crisp")


@pytest.mark.parametrize(
    ("platform", "channel", "limit"),
    [("tiktok", "comment", 150), ("instagram", "dm", 1000), ("facebook", "comment", 8000)],
)
def test_every_platform_and_channel_drafts_against_its_limit(
    env: Path, platform: str, channel: str, limit: int
) -> None:
    at = start()
    drafted(at, "Wie lange dauert der Versand nach Wien?", platform=platform, channel=channel)
    assert any(f"limit {limit} characters" in c.value for c in at.caption)
    assert len(at.columns) >= 3


def test_markup_in_the_message_is_shown_as_plain_text(env: Path) -> None:
    at = start()
    evil = "![x](http://evil.example/a.png) <script>alert(1)</script> Paket?"
    drafted(at, evil, author="[click](http://evil.example)")
    assert any(evil in t.value for t in at.text)
    rendered = [m.value for m in (*at.markdown, *at.caption, *at.info, *at.warning, *at.success, *at.error)]
    assert not any("evil.example" in value or "<script>" in value for value in rendered)


def test_an_empty_message_shows_an_error_and_keeps_the_input(env: Path) -> None:
    at = start()
    at.text_input(key="w_draft_author").set_value("bene")
    at.button(key="draft_submit").click().run()
    assert not at.exception
    assert "empty" in at.error[0].value
    assert at.text_input(key="w_draft_author").value == "bene"


def test_an_unreachable_backend_shows_the_offline_drafts_with_a_warning(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("REPLYVOICE_MAX_RETRIES", "0")
    monkeypatch.setenv("REPLYVOICE_TIMEOUT", "5")
    at = start()
    at.switch_page("assistant/ui/settings_page.py").run()
    at.radio(key="w_cfg_backend").set_value("openai").run()
    at.text_input(key="w_cfg_base_url").set_value(f"http://127.0.0.1:{port}/v1")
    at.text_input(key="w_cfg_model").set_value("llama3.1").run()
    assert not at.exception
    at.switch_page("assistant/ui/draft_page.py").run()
    set_id = drafted(at)
    assert "offline composer" in at.warning[0].value
    assert reply(at, set_id, "warm")


def test_an_edited_handoff_note_survives_a_reload(env: Path) -> None:
    at = start()
    set_id = drafted(at)
    note = at.text_area(key=f"w_draft_handoff_{set_id}").value + "\nRückruf erbeten."
    at.text_area(key=f"w_draft_handoff_{set_id}").set_value(note).run()
    assert not at.exception
    reloaded = new_app()
    reloaded.query_params["set"] = str(set_id)
    reloaded.run()
    assert reloaded.text_area(key=f"w_draft_handoff_{set_id}").value == note


def test_four_tones_make_two_rows_of_at_most_three(env: Path) -> None:
    at = start()
    at.multiselect(key="w_draft_tones_bohnenkiez").set_value(["warm", "playful", "crisp", "formal"])
    set_id = drafted(at)
    assert all(reply(at, set_id, tone) for tone in ("warm", "playful", "crisp", "formal"))
    widths = [len(getattr(c, "children", {})) for c in at.columns]
    assert len(at.columns) == 6 and widths.count(0) == 2, widths  # 3 + 3 columns, the last two empty


def test_approving_twice_and_after_a_reload_is_one_row_and_can_be_undone(env: Path) -> None:
    at = start()
    set_id = drafted(at, "Wie lange dauert der Versand nach Wien?")
    at.button(key=f"draft_approve_{set_id}_crisp").click().run()
    reloaded = new_app()
    reloaded.query_params["set"] = str(set_id)
    reloaded.run()
    assert any("Approved" in s.value for s in reloaded.success)
    assert not any(b.key == f"draft_approve_{set_id}_crisp" for b in reloaded.button)
    with Store(directory=env / "data") as store:
        assert store.count_approvals() == 1
    reloaded.button(key=f"draft_unapprove_{set_id}_crisp").click().run()
    assert not reloaded.exception
    with Store(directory=env / "data") as store:
        assert store.count_approvals() == 0
    assert any(b.key == f"draft_approve_{set_id}_crisp" for b in reloaded.button)


def test_a_failing_check_asks_before_approving_and_records_force(env: Path) -> None:
    at = start()
    set_id = drafted(at)
    at.text_area(key=f"w_draft_text_{set_id}_warm").set_value("Geld zurück? " * 15).run()
    assert any("Length" in m.value for m in at.markdown)  # the badge follows the edited text
    at.button(key=f"draft_approve_{set_id}_warm").click().run()
    assert any("These checks fail: Length" in w.value for w in at.warning)
    with Store(directory=env / "data") as store:
        assert store.count_approvals() == 0
    at.button(key=f"draft_force_{set_id}_warm").click().run()
    assert not at.exception
    with Store(directory=env / "data") as store:
        assert [a.forced for a in store.approvals()] == [True]
