"""Insights: volumes over time, unanswered questions, edit habits, check failures; the page and 'add a fact'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Message, draft
from assistant.history import inbox, insights
from assistant.history.store import Store

from .conftest import new_app, profile_for

QUESTIONS = [
    {"text": "Gibt es den Espresso auch entkoffeiniert?", "fact": None},
    {"text": "Wie lange dauert der Versand?", "fact": "shipping"},
]


def drafted(store: Store, text: str, platform: str = "tiktok", questions: list[dict[str, object]] | None = None) -> int:
    set_id = store.save_draft_set(draft(Message(text=text, platform=platform), profile_for(platform)))  # type: ignore[arg-type]
    if questions is not None:  # the field the analysis is about to carry (read defensively)
        with store.transaction() as db:
            db.execute(
                "UPDATE draft_sets SET payload = json_set(payload, '$.analysis.questions', json(?)) WHERE id = ?",
                (json.dumps(questions), set_id),
            )
    return set_id


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(directory=tmp_path) as opened:
        yield opened  # type: ignore[misc]


def test_volume_counts_distinct_messages_per_day_platform_and_intent(store: Store) -> None:
    drafted(store, "Wie lange dauert der Versand?")
    drafted(store, "Wie lange dauert der Versand?")  # a redraft of the same message
    drafted(store, "ich will mein geld zurück", "facebook")
    inbox.add(store, "bohnenkiez", [(None, Message(text="Habt ihr Decaf?", platform="instagram"))], profile_for)
    rows = insights.volume(store)
    assert sum(r.count for r in rows) == 2 + 1  # the redraft is the same message
    assert {r.platform for r in rows} == {"tiktok", "facebook", "instagram"}


def test_open_questions_group_by_text_and_skip_answered_ones(store: Store) -> None:
    drafted(store, "Gibt es den Espresso auch entkoffeiniert? Und wie lange dauert der Versand?", questions=QUESTIONS)
    drafted(
        store,
        "gibt es den espresso auch entkoffeiniert?",
        questions=[{"text": "gibt es den espresso auch entkoffeiniert? ", "fact": None}],
    )
    drafted(store, "no questions field at all")
    found = insights.open_questions(store)
    assert len(found) == 1 and found[0].count == 2 and "entkoffeiniert" in found[0].text


def test_without_the_questions_field_there_is_nothing(store: Store) -> None:
    drafted(store, "Gibt es den Espresso auch entkoffeiniert?")
    assert insights.open_questions(store) == []


def test_habits_compare_the_draft_with_the_approved_text(store: Store) -> None:
    for number in range(3):
        set_id = drafted(store, f"Wie lange dauert der Versand nach Wien? ({number})")
        result = store.draft_set(set_id)
        store.approve(set_id, "warm", result.drafts[0].text[:20])
    found = insights.habits(store)
    shortened = next(h for h in found if h.habit == "shortened the draft by a fifth or more")
    assert (shortened.platform, shortened.hits, shortened.total) == ("tiktok", 3, 3)


def test_check_failures_and_forced_approvals(store: Store) -> None:
    set_id = drafted(store, "Wie lange dauert der Versand?")
    with store.transaction() as db:
        db.execute(
            "UPDATE draft_sets SET payload = json_set(payload, '$.drafts[0].checks[0].ok', json('false')) WHERE id = ?",
            (set_id,),
        )
    store.approve(set_id, "warm", "x", forced=True)
    failures = insights.check_failures(store)
    assert failures[0].name == "length" and failures[0].failures == 1 and failures[0].drafts == 3
    assert insights.forced_approvals(store) == 1


# ---------------------------------------------------------------- the page


def test_the_page_shows_charts_and_add_a_fact_opens_the_profile_editor(app_env: Path) -> None:
    with Store(directory=app_env / "data") as store:
        drafted(store, "Gibt es den Espresso auch entkoffeiniert?", questions=QUESTIONS[:1])
        drafted(store, "ich will mein geld zurück", "facebook")
    at = new_app().run()
    at.switch_page("assistant/ui/insights_page.py").run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) >= 2
    assert any("entkoffeiniert" in t.value for t in at.text)
    at.button(key="ins_fact_0").click().run()
    assert not at.exception
    at.switch_page("assistant/ui/profiles_page.py").run()  # where st.switch_page took the browser
    assert at.session_state["prof_new_fact"]["question"] == "Gibt es den Espresso auch entkoffeiniert?"
    assert at.text_input(key="prof_fact_id").value == "espresso_entkoffeiniert"
    at.text_area(key="prof_fact_de").set_value("Einen Decaf haben wir gerade nicht, einer ist im Test.")
    at.button(key="prof_fact_save").click().run()
    assert not at.exception
    brand = (app_env / "personas" / "bohnenkiez" / "brand.yaml").read_text(encoding="utf-8")
    assert "id: espresso_entkoffeiniert" in brand and "einer ist im Test." in brand
    assert "# Bohnenkiez" in brand  # the rest of the file is untouched
    assert "prof_new_fact" not in at.session_state


def test_an_empty_history_shows_hints_not_errors(app_env: Path) -> None:
    at = new_app().run()
    at.switch_page("assistant/ui/insights_page.py").run()
    assert not at.exception and not at.error
    assert at.info
