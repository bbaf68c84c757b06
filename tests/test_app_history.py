"""The History page with AppTest: approved replies as data, filters, search and export."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import Message, draft, load_profile
from assistant.history.store import Store

from .conftest import PERSONAS, new_app


@pytest.fixture
def env(app_env: Path) -> Path:
    """Two approved replies in a private data directory."""
    with Store(directory=app_env / "data") as store:
        for platform, text in (("tiktok", "Welche Bohne für Cold Brew?"), ("facebook", "Paket kam nicht an, 51877")):
            result = draft(Message(text=text, platform=platform), load_profile(PERSONAS, None, platform))
            store.approve(store.save_draft_set(result), "warm", f"<b>{platform}</b> [link](http://x.example)")
    return app_env


def history_page() -> AppTest:
    at = new_app().run()
    at.switch_page("assistant/ui/history_page.py").run()
    assert not at.exception
    return at


def test_approved_replies_are_shown_as_data_not_markup(env: Path) -> None:
    at = history_page()
    table = at.dataframe[0].value
    assert sorted(table["platform"]) == ["facebook", "tiktok"]
    assert "<b>tiktok</b> [link](http://x.example)" in table["text"].tolist()
    assert not any("x.example" in m.value for m in at.markdown)


def test_filters_and_search_narrow_the_table(env: Path) -> None:
    at = history_page()
    at.selectbox(key="w_hist_platform").set_value("facebook").run()
    assert at.dataframe[0].value["platform"].tolist() == ["facebook"]
    at.selectbox(key="w_hist_platform").set_value("(all)")
    at.text_input(key="w_hist_search").set_value("Cold Brew").run()
    assert at.dataframe[0].value["platform"].tolist() == ["tiktok"]
    at.text_input(key="w_hist_search").set_value("nothing like this").run()
    assert not at.exception and not at.dataframe
    assert "No approved replies" in at.info[0].value


def test_export_offers_csv_and_jsonl_of_the_filtered_rows(env: Path) -> None:
    at = history_page()
    downloads = at.get("download_button")
    assert len(downloads) == 2
    with Store(directory=env / "data") as store:
        out = io.StringIO()
        assert store.export(out, "jsonl", store.approvals()) == 2
    assert all(json.loads(line)["brand"] == "bohnenkiez" for line in out.getvalue().splitlines())
