"""The app in a real browser: `streamlit run app.py` driven by Debian's chromium through Playwright.

Drafts a reply, edits it, approves it, saves a screenshot to test-artifacts/, and measures the
time from pressing Draft to seeing the variants (offline backend, median of 10 drafts), which
it prints and writes to test-artifacts/timing.json. Without /usr/bin/chromium the test skips,
unless REPLYVOICE_REQUIRE_BROWSER=1 (as in CI), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import PERSONAS, ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
RUNS = 10
MESSAGES = [
    "ich will mein geld zurück. SOFORT!!!11",
    "welcher mahlgrad für french press? meine ist immer so bitter 😭",
    "Wie lange dauert der Versand nach Wien?",
    "Paket seit Montag in der Filiale, Bestellnummer 51877",
    "euer espresso hat mich durch die prüfungsphase gebracht",
]

pytestmark = pytest.mark.browser


def _browser_or_skip() -> Any:
    """Playwright's sync API when chromium is there; skip (or fail when it is required) otherwise."""
    required = os.environ.get("REPLYVOICE_REQUIRE_BROWSER") == "1"
    reason = ""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found; install Debian's chromium (apt-get install chromium) to run the browser test"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = reason or "playwright is not installed; pip install -e '.[dev]'"
    if reason:
        if required:
            pytest.fail(f"REPLYVOICE_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"streamlit did not become healthy within 60 s: {log.read_text(errors='replace')[-2000:]}")


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free port, with a private data directory and personas."""
    shutil.copytree(PERSONAS, tmp_path / "personas")
    env = {
        **os.environ,
        "REPLYVOICE_PERSONAS": str(tmp_path / "personas"),
        "REPLYVOICE_DATA_DIR": str(tmp_path / "data"),
        "REPLYVOICE_BACKEND": "offline",
    }
    port, log = _free_port(), tmp_path / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    command += ["--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_healthy(url, proc, log)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


def _idle(page: Any) -> None:
    """Wait until the app has finished its run."""
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=30_000)


def _draft(page: Any, message: str, set_id: int) -> float:
    """Type a message, press Draft, wait for the last variant of the new set; returns milliseconds."""
    page.get_by_label("Message", exact=True).fill(message)
    button = page.locator(".st-key-draft_submit button")
    started = time.perf_counter()
    button.click()
    page.locator(f".st-key-w_draft_text_{set_id}_crisp textarea").wait_for(state="visible", timeout=30_000)
    elapsed = (time.perf_counter() - started) * 1000
    _idle(page)
    return elapsed


def test_draft_edit_approve_in_chromium(app_url: str) -> None:
    sync_playwright = _browser_or_skip()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1300})
            page.goto(app_url)
            page.get_by_role("heading", name="Draft replies").wait_for(timeout=30_000)
            _idle(page)

            timings = [_draft(page, MESSAGES[run % len(MESSAGES)], run + 1) for run in range(RUNS)]
            set_id = RUNS + 1
            _draft(page, MESSAGES[0], set_id)

            warm = page.locator(f".st-key-w_draft_text_{set_id}_warm textarea")
            edited = "Geld zurück? Verstanden. Schreib uns kurz per DM, dann kümmert sich unser After-Sales-Team."
            warm.fill(edited)
            warm.press("Tab")  # leaving the box commits the edit
            page.get_by_text(f"{len(edited)} / 150 characters", exact=True).wait_for(timeout=30_000)
            _idle(page)
            page.locator(f".st-key-draft_approve_{set_id}_warm button").click()
            page.get_by_text("Approved and saved to History").wait_for(timeout=30_000)
            _idle(page)
            assert warm.input_value() == edited
            assert page.locator('[data-testid="stException"]').count() == 0
            page.set_viewport_size({"width": 1600, "height": 2000})  # the app scrolls inside: show it all
            page.locator('[data-testid="stMain"]').evaluate("main => main.scrollTo(0, 0)")
            page.screenshot(path=str(ARTIFACTS / "draft-approved.png"), full_page=True)

            page.get_by_role("link", name="History").click()
            page.get_by_role("heading", name="History").wait_for(timeout=30_000)
            _idle(page)
            page.screenshot(path=str(ARTIFACTS / "history.png"), full_page=True)
        finally:
            browser.close()

    median = statistics.median(timings)
    report = {"median_ms": round(median, 1), "runs_ms": [round(t, 1) for t in timings], "backend": "offline"}
    (ARTIFACTS / "timing.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nDraft -> variants in the browser: median {median:.0f} ms over {RUNS} drafts ({report['runs_ms']})")
    assert median < 5_000
