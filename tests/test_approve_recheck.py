"""`replyvoice approve` checks the (edited) text again and refuses a failing one unless --force."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from assistant.history.store import Store

from .conftest import PERSONAS, ROOT


def cli(*args: str, data: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI with a private history folder."""
    argv = [sys.executable, "-m", "assistant", *args]
    env = {**os.environ, "REPLYVOICE_DATA_DIR": str(data), "REPLYVOICE_PERSONAS": str(PERSONAS)}
    env["REPLYVOICE_BACKEND"] = "offline"
    return subprocess.run(argv, capture_output=True, text=True, input=stdin, cwd=ROOT, timeout=60, env=env)


def drafted(data: Path) -> int:
    """A saved TikTok draft set; its id."""
    result = cli("draft", "-p", "tiktok", "-m", "wie lange dauert der versand?", "--json", data=data)
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)["id"])


def test_an_edit_past_the_limit_is_refused_then_forced(tmp_path: Path) -> None:
    set_id = drafted(tmp_path)
    long_text = "Mit DHL dauert der Versand in Deutschland 2–3 Werktage. " * 3  # 171 characters > 150
    refused = cli("approve", str(set_id), "--tone", "warm", "--text", "-", data=tmp_path, stdin=long_text)
    assert refused.returncode == 1 and "length" in refused.stderr and "--force" in refused.stderr
    with Store(directory=tmp_path) as store:
        assert store.approvals() == []
    forced = cli("approve", str(set_id), "--tone", "warm", "--text", "-", "--force", data=tmp_path, stdin=long_text)
    assert forced.returncode == 0, forced.stderr
    assert "forced past: length" in forced.stdout
    with Store(directory=tmp_path) as store:
        [approval] = store.approvals()
    assert approval.forced is True


def test_a_passing_draft_is_approved_once(tmp_path: Path) -> None:
    set_id = drafted(tmp_path)
    for _ in range(2):
        result = cli("approve", str(set_id), "--tone", "crisp", data=tmp_path)
        assert result.returncode == 0, result.stderr
    with Store(directory=tmp_path) as store:
        assert len(store.approvals()) == 1 and store.approvals()[0].forced is False
