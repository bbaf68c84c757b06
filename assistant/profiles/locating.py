"""Where the voice profiles are: option, $REPLYVOICE_PERSONAS or the config file, ./personas,
the user's profile folder, else the example brand shipped inside the package (read-only)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from assistant.defaults import DATA_DIR
from assistant.settings import personas_option

EXAMPLE_PERSONAS = DATA_DIR / "example_personas"
EXAMPLE_BRAND = "bohnenkiez"


@dataclass(frozen=True)
class Personas:
    """A personas folder and where it came from (option, environment, cwd, user, example)."""

    path: Path
    source: str

    @property
    def is_example(self) -> bool:
        """True for the example brand inside the package (read-only)."""
        return self.source == "example"


def user_personas() -> Path:
    """The user's own profile folder: user_data_dir("replyvoice")/personas."""
    from platformdirs import user_data_dir  # only needed when no folder was named

    return Path(user_data_dir("replyvoice", appauthor=False)) / "personas"


def has_brand(folder: Path) -> bool:
    """True when the folder holds at least one <brand>/brand.yaml."""
    return folder.is_dir() and any(folder.glob("*/brand.yaml"))


def locate_personas(
    option: str | Path | None = None, *, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Personas:
    """The folder to load profiles from; a folder that was named is used even when it is missing."""
    named = personas_option(str(option) if option else None, env)
    if named is not None:
        return Personas(named, "option" if option else "settings")
    local = (cwd or Path.cwd()) / "personas"
    if has_brand(local):
        return Personas(Path("personas") if cwd is None else local, "cwd")
    if has_brand(user_personas()):
        return Personas(user_personas(), "user")
    return Personas(EXAMPLE_PERSONAS, "example")
