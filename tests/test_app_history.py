"""The History page with AppTest: full texts as data, author, local times, filters, folded search and export."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import Message, draft, load_profile
from assistant.history.store import Store

from .conftest import PERSONAS, new_app

MARKUP = "<b>{platform}</b> [link](http://x.example)"


@pytest.fixture
def env(app_env: Path) -> Path:
    """Two approved replies in a private data directory (one message with an author and umlauts)."""
    with Store(directory=app_env / "data") as store:
        for platform, text, author in (
            ("tiktok", "Welche Bohne für Cold Brew?", None),
            ("facebook", "Paket kam nicht an, Rückgabe? 51877", "Jürgen Müller"),
        ):
            message = Message(text=text, platform=platform, author=author)  # type: ignore[arg-type]
            result = draft(message, load_profile(PERSONAS, None, platform))
            store.approve(store.save_draft_set(result), "warm", MARKUP.format(platform=platform))
    return app_env


def history_page() -> AppTest:
    at = new_app().run()
    at.switch_page("assistant/ui/history_page.py").run()
    assert not at.exception
    return at


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def test_approved_replies_are_shown_in_full_as_data_not_markup(env: Path) -> None:
    at = history_page()
    assert MARKUP.format(platform="tiktok") in texts(at) and MARKUP.format(platform="facebook") in texts(at)
    assert "Paket kam nicht an, Rückgabe? 51877" in texts(at)  # the whole message, not cut
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Jürgen Müller" in captions and "Facebook" in captions and "Comment" in captions
    assert "Product question" in captions and "product_question" not in captions
    assert not any("x.example" in m.value for m in at.markdown)
    at.segmented_control(key="hist_view").set_value("table").run()
    table = at.dataframe[0].value
    assert MARKUP.format(platform="tiktok") in table["Reply"].tolist()
    assert sorted(table["Platform"]) == ["Facebook", "TikTok"]
    assert "Jürgen Müller" in table["Author"].tolist()


def test_times_are_local_not_utc(env: Path) -> None:
    with Store(directory=env / "data") as store, store.transaction() as db:
        db.execute("UPDATE approvals SET created_at = '2026-01-15T23:30:00+00:00'")
    at = history_page()
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "16 Jan 2026, 00:30" in captions  # Berlin is UTC+1 in January (the fallback zone)
    assert "2026-01-15T23:30" not in captions


def test_filters_and_search_narrow_the_list(env: Path) -> None:
    at = history_page()
    at.selectbox(key="w_hist_platform").set_value("facebook").run()
    assert MARKUP.format(platform="facebook") in texts(at) and MARKUP.format(platform="tiktok") not in texts(at)
    at.selectbox(key="w_hist_platform").set_value("")
    at.text_input(key="w_hist_search").set_value("Cold Brew").run()
    assert MARKUP.format(platform="tiktok") in texts(at) and MARKUP.format(platform="facebook") not in texts(at)
    at.text_input(key="w_hist_search").set_value("nothing like this").run()
    assert not at.exception
    assert "No approved replies" in at.info[0].value


@pytest.mark.parametrize("search", ["ruckgabe", "Rueckgabe", "RÜCKGABE", "juergen", "Muller"])
def test_search_ignores_umlaut_spellings_and_finds_authors(env: Path, search: str) -> None:
    at = history_page()
    at.text_input(key="w_hist_search").set_value(search).run()
    assert MARKUP.format(platform="facebook") in texts(at) and MARKUP.format(platform="tiktok") not in texts(at)


def test_export_offers_excel_csv_and_jsonl_of_the_filtered_rows(env: Path) -> None:
    at = history_page()
    downloads = at.get("download_button")
    assert len(downloads) == 2
    with Store(directory=env / "data") as store:
        out = io.StringIO()
        assert store.export(out, "jsonl", store.approvals()) == 2
    assert all(json.loads(line)["brand"] == "bohnenkiez" for line in out.getvalue().splitlines())


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://evil.example")', "'=HYPERLINK"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Grüße aus Kreuzberg", "Grüße aus Kreuzberg"),
    ],
)
def test_csv_cells_never_run_as_formulas(cell: str, written: str) -> None:
    from assistant.history.spreadsheet import to_csv

    data = to_csv(["reply"], [[cell]]).decode("utf-8")
    assert data.startswith("\ufeffreply\r\n")
    body = data.split("\r\n", 1)[1]
    assert body.lstrip('"').startswith(written)


def test_the_csv_opens_in_german_excel(env: Path) -> None:
    import csv

    from assistant.history.spreadsheet import to_csv

    at = history_page()
    rows = [["30.11.2026, 19:16", "Jürgen; Müller", "=1+1"]]
    data = to_csv(["Freigegeben", "Autor*in", "Antwort"], rows, delimiter=";")
    assert data.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert parsed == [["Freigegeben", "Autor*in", "Antwort"], ["30.11.2026, 19:16", "Jürgen; Müller", "'=1+1"]]
    assert at.segmented_control(key="hist_separator").value == ";"
    comma = to_csv(["a"], [["b"]], delimiter=",")
    assert comma == "\ufeffa\r\nb\r\n".encode()
