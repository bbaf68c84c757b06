"""Where profiles are found: option, REPLYVOICE_PERSONAS or config, ./personas, the user folder, the example."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from assistant.profiles.locating import EXAMPLE_PERSONAS, locate_personas, user_personas

from .conftest import PERSONAS


@pytest.mark.parametrize(
    ("option", "env", "local", "user", "expected"),
    [
        ("given", {"REPLYVOICE_PERSONAS": "env"}, True, True, ("given", "option")),
        (None, {"REPLYVOICE_PERSONAS": "env"}, True, True, ("env", "settings")),
        (None, {}, True, True, ("cwd/personas", "cwd")),
        (None, {}, False, True, ("user", "user")),
        (None, {}, False, False, ("example", "example")),
    ],
)
def test_the_first_place_with_profiles_wins(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    option: str | None,
    env: dict[str, str],
    local: bool,
    user: bool,
    expected: tuple[str, str],
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    places = {
        "given": tmp_path / "given",
        "env": tmp_path / "env",
        "cwd/personas": tmp_path / "cwd" / "personas",
        "user": user_personas(),
        "example": EXAMPLE_PERSONAS,
    }
    (tmp_path / "cwd").mkdir()
    for name, wanted in (("cwd/personas", local), ("user", user)):
        if wanted:
            shutil.copytree(PERSONAS / "bohnenkiez", places[name] / "bohnenkiez")
    full_env = {k: str(tmp_path / v) for k, v in env.items()}
    found = locate_personas(str(places["given"]) if option else None, env=full_env, cwd=tmp_path / "cwd")
    assert (found.path, found.source) == (places[expected[0]], expected[1])
    assert found.is_example == (expected[1] == "example")


def test_an_empty_local_personas_folder_does_not_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    (tmp_path / "personas").mkdir()
    assert locate_personas(env={}, cwd=tmp_path).is_example


def test_the_shipped_example_brand_is_personas_bohnenkiez() -> None:
    shipped = EXAMPLE_PERSONAS / "bohnenkiez"
    names = sorted(p.name for p in (PERSONAS / "bohnenkiez").glob("*.yaml"))
    assert sorted(p.name for p in shipped.iterdir()) == names
    _, mismatch, errors = filecmp.cmpfiles(PERSONAS / "bohnenkiez", shipped, names, shallow=False)
    assert not mismatch and not errors, f"copy personas/bohnenkiez to {shipped}: {mismatch + errors} differ"
