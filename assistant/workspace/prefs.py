"""The app's remembered choices: in the user's config file, or per user in the history database.

Without a login the app belongs to whoever runs it, so choices go to their config file
($REPLYVOICE_CONFIG or the user config directory): `backend` and `ui_lang` in [replyvoice], the
endpoint typed in the app in [app] (never in [openai]: an endpoint the admin did not configure never
receives the admin's key). With a login the app is shared, so each user's choices are rows of their
own in the history database. The API key is never written anywhere.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError
from assistant.history.store import Store
from assistant.settings import ENV_CONFIG, config_file, read_config

# key -> TOML table it is written to
KEYS: dict[str, str] = {"backend": "replyvoice", "ui_lang": "replyvoice", "base_url": "app", "model": "app"}


def read_prefs(*, user: str | None = None, store: Store | None = None) -> dict[str, str]:
    """The remembered choices (only the keys in KEYS)."""
    if user and store is not None:
        return {k: v for k, v in store.prefs(user).items() if k in KEYS}
    try:
        data = read_config(config_file())
    except ConfigError:
        return {}
    found: dict[str, str] = {}
    for key, table in KEYS.items():
        section = data.get(table)
        value = section.get(key) if isinstance(section, dict) else None
        if isinstance(value, str):
            found[key] = value
    return found


def write_prefs(values: dict[str, str], *, user: str | None = None, store: Store | None = None) -> Path | None:
    """Remember choices; returns the config file written (None when stored per user)."""
    unknown = [k for k in values if k not in KEYS]
    if unknown:
        raise ConfigError(f"the app does not store {', '.join(unknown)} (only {', '.join(KEYS)})")
    if user and store is not None:
        store.save_prefs(user, values)
        return None
    path = target_file()
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    for table in dict.fromkeys(KEYS[k] for k in values):
        text = set_toml_values(text, table, {k: v for k, v in values.items() if KEYS[k] == table})
    _write_atomically(path, text)
    return path


def target_file() -> Path:
    """The config file to write: the one in use, else a new one in the user config directory."""
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG]).expanduser()
    existing = config_file()
    if existing is not None:
        return existing
    import platformdirs

    return Path(platformdirs.user_config_dir("replyvoice")) / "config.toml"


_HEADER = re.compile(r"^\s*\[\s*([^\]\s]+)\s*\]\s*(?:#.*)?$")


def set_toml_values(text: str, table: str, values: dict[str, str]) -> str:
    """TOML text with `key = "value"` lines set in one table; comments and everything else stay as they were."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if (m := _HEADER.match(line)) and m[1] == table), None)
    if start is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines.append(f"[{table}]")
        start = len(lines) - 1
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
    for key, value in values.items():
        line = f"{key} = {json.dumps(str(value), ensure_ascii=False)}"
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        at = next((i for i in range(start + 1, end) if pattern.match(lines[i])), None)
        if at is not None:
            lines[at] = line
            continue
        insert = end
        while insert > start + 1 and not lines[insert - 1].strip():
            insert -= 1
        lines.insert(insert, line)
        end += 1
    result = "\n".join(lines) + "\n"
    try:
        parsed = tomllib.loads(result)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot update [{table}] in the config file without breaking it ({exc})") from None
    _require(parsed, table, values)
    return result


def _require(parsed: dict[str, Any], table: str, values: dict[str, str]) -> None:
    section = parsed.get(table)
    if not isinstance(section, dict) or any(section.get(k) != v for k, v in values.items()):
        raise ConfigError(f"cannot update [{table}] in the config file; edit it by hand")


def _write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename over it, keeping the file's permissions (new files: owner only)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o600
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot save the settings ({exc})") from None
