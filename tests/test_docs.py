"""Documentation that is generated or must hold in a user's clone: the voice-profile reference, the README."""

from __future__ import annotations

import re

from assistant.profiles.reference import render_reference

from .conftest import ROOT


def test_the_voice_profile_reference_is_up_to_date() -> None:
    on_disk = (ROOT / "docs" / "voice-profile.md").read_text(encoding="utf-8")
    assert on_disk == render_reference(), "docs/voice-profile.md is stale: run `make docs`"


def test_the_readme_starts_with_the_two_commands_and_never_points_outside() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = "\n".join(readme.splitlines()[:25])
    assert "make run" in first_screen and "make test" in first_screen
    assert "../shared" not in readme
    assert re.search(r"^## Your own brand", readme, re.M) and "replyvoice init" in readme
    assert "docs/voice-profile.md" in readme
