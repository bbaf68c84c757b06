"""`pip install` the wheel into a fresh virtual environment and use it from an empty folder (no clone, no personas/)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from .conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200), pytest.mark.xdist_group("install")]  # one wheel build
ASK = "wie lange dauert der versand?"
# Built from a copy without these: an in-tree build scans the virtual environment and leaves build/ behind (90 s, and a
# stale build/ breaks the next one).
NOT_SOURCE = (".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "node_modules")


@dataclass(frozen=True)
class Installed:
    """The built wheel, the fresh environment's bin folder, an empty working folder and its environment."""

    wheel: Path
    bin: Path
    work: Path
    env: dict[str, str]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`replyvoice ARGS` from the installed console script, in the empty folder."""
        return subprocess.run(
            [str(self.bin / "replyvoice"), *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )


def _check(command: list[str], **kwargs: object) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, **kwargs)  # type: ignore[call-overload]
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Installed:
    """Build the wheel, install it (dependencies from the configured index and the wheel cache), once per run."""
    base = tmp_path_factory.mktemp("install")
    shared = base if worker_id == "master" else tmp_path_factory.getbasetemp().parent / "install"
    with FileLock(f"{shared}.lock"):  # the first xdist worker builds, the others wait and reuse it
        wheel, bin_dir = _built(shared)
    work = base / "empty"
    work.mkdir()
    hidden = ("REPLYVOICE_PERSONAS", "REPLYVOICE_CONFIG", "REPLYVOICE_DATA_DIR", "OPENAI_API_KEY", "OPENAI_BASE_URL")
    env = {k: v for k, v in os.environ.items() if k not in hidden and k != "PYTHONPATH"}
    env.update(XDG_DATA_HOME=str(base / "xdg"), XDG_CONFIG_HOME=str(base / "config"), REPLYVOICE_BACKEND="offline")
    return Installed(wheel=wheel, bin=bin_dir, work=work, env=env)


def _built(base: Path) -> tuple[Path, Path]:
    """The wheel and the bin folder of a fresh environment it is installed in, under `base` (made once)."""
    bin_dir = base / "venv" / ("Scripts" if os.name == "nt" else "bin")
    if not (base / "installed").exists():
        source = shutil.copytree(ROOT, base / "source", ignore=shutil.ignore_patterns(*NOT_SOURCE), dirs_exist_ok=True)
        _check([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--quiet", "-w", str(base / "dist")])
        _check([sys.executable, "-m", "venv", "--clear", str(base / "venv")])
        _check(
            [
                str(bin_dir / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                *map(str, (base / "dist").glob("replyvoice-*.whl")),
            ]
        )
        (base / "installed").touch()
    return next((base / "dist").glob("replyvoice-*.whl")), bin_dir


@pytest.mark.parametrize(
    "member",
    [
        "replyvoice-0.1.0.data/data/share/replyvoice/prompts/system.j2",
        "assistant/data/phrasebook_de.yaml",
        "assistant/data/stock_phrases.yaml",
        "assistant/data/example_personas/bohnenkiez/brand.yaml",
        "assistant/data/example_personas/bohnenkiez/tiktok.yaml",
        "assistant/data/scaffold/brand.yaml.j2",
        "assistant/ui/main.py",
        "assistant/ui/draft_page.py",
    ],
)
def test_the_wheel_carries(installed: Installed, member: str) -> None:
    assert member in zipfile.ZipFile(installed.wheel).namelist()


def test_drafts_with_the_example_brand_and_says_so(installed: Installed) -> None:
    result = installed.run("draft", "-p", "tiktok", "-m", ASK)
    assert result.returncode == 0, result.stderr
    assert "bohnenkiez/tiktok" in result.stdout and "── warm" in result.stdout
    assert "example brand" in result.stderr
    where = subprocess.run(
        [str(installed.bin / "python"), "-c", "import assistant; print(assistant.__file__)"],
        cwd=installed.work, env=installed.env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(installed.bin.parent)  # the wheel, not this clone


def test_init_validate_and_draft_a_new_brand(installed: Installed) -> None:
    brands = installed.work / "brands"
    assert installed.run("init", "acme", "--personas", str(brands), "--language", "de").returncode == 0
    checked = installed.run("profiles", "validate", str(brands))
    assert checked.returncode == 0 and "3 profile(s) valid" in checked.stdout, checked.stderr
    drafted = installed.run("draft", "--personas", str(brands), "--brand", "acme", "-p", "tiktok", "-m", ASK, "--json")
    assert drafted.returncode == 0, drafted.stderr
    assert json.loads(drafted.stdout)["profile"] == "acme/tiktok" and drafted.stderr == ""


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["profiles", "validate", "EMPTY"], 1, "no brand folder"),
        (["app", "--help"], 0, "--no-browser"),
        (["--version"], 0, "0.1.0"),
        (["prompt", "-p", "tiktok", "-m", ASK], 0, "===== system"),
    ],
)
def test_commands_from_an_empty_folder(installed: Installed, args: list[str], code: int, needle: str) -> None:
    empty = installed.work / "empty-personas"
    empty.mkdir(exist_ok=True)
    result = installed.run(*[str(empty) if a == "EMPTY" else a for a in args])
    assert result.returncode == code, result.stderr
    assert needle in result.stdout + result.stderr
