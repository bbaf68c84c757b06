"""Editing voice-profile files: version-checked atomic saves and a form view over the YAML.

A profile file's version is the sha256 of its bytes. A save names the version it
was edited from; when the file changed on disk since then, the save is refused with
a ProfileConflict that carries both texts, so nobody silently overwrites a colleague.
The form helpers rewrite only the top-level fields a form changed and keep the rest
of the text (comments included) as it was.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from filelock import FileLock, Timeout
from pydantic import BaseModel

from assistant.defaults import CHANNELS
from assistant.errors import ProfileError
from assistant.profiles import strict_yaml
from assistant.profiles.loading import BrandProfile, PlatformProfile, VoiceProfile, merge_profiles, parse_text

LOCK_TIMEOUT_S = 10.0
LOCK_POLL_S = 0.005
_MISSING: Any = object()


class ProfileConflict(ProfileError):
    """The file changed on disk since it was opened; carries both versions."""

    def __init__(self, path: Path, mine: str, theirs: str, theirs_version: str) -> None:
        super().__init__(
            f"{path}: changed on disk since you opened it (someone else saved); "
            "fix: compare both versions, then reload theirs or overwrite with yours"
        )
        self.path, self.mine, self.theirs, self.theirs_version = path, mine, theirs, theirs_version

    def diff(self) -> str:
        """A unified diff from the version on disk to the edited text."""
        lines = difflib.unified_diff(
            self.theirs.splitlines(keepends=True),
            self.mine.splitlines(keepends=True),
            fromfile=f"{self.path.name} (on disk)",
            tofile=f"{self.path.name} (yours)",
        )
        return "".join(lines)


# ---------------------------------------------------------------- files


def version_of(data: bytes) -> str:
    """The version of a file's content: the sha256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


def read_profile_file(path: Path | str) -> tuple[str, str]:
    """Read a profile file: (text, version)."""
    path = Path(path)
    try:
        data = path.read_bytes()
        return data.decode("utf-8"), version_of(data)
    except FileNotFoundError:
        raise ProfileError(f"{path}: file not found; create it (see personas/bohnenkiez)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read ({exc}); fix: save it as UTF-8 text") from None


def save_profile_file(path: Path | str, text: str, expected_version: str, model: type[BaseModel]) -> str:
    """Validate, then atomically replace the file if it is still at expected_version; returns the new version."""
    path = Path(path)
    parse_text(text, model, source=str(path))
    data = text.encode("utf-8")
    try:
        with FileLock(path.parent / f".{path.name}.lock", timeout=LOCK_TIMEOUT_S, poll_interval=LOCK_POLL_S):
            current = path.read_bytes() if path.exists() else b""
            if version_of(current) != expected_version:
                theirs = current.decode("utf-8", errors="replace")
                raise ProfileConflict(path, text, theirs, version_of(current))
            _replace_atomically(path, data)
    except Timeout:
        raise ProfileError(f"{path}: another save is still running; fix: try again in a moment") from None
    except OSError as exc:
        raise ProfileError(f"{path}: cannot save ({exc}); fix: check the folder's permissions") from None
    return version_of(data)


def _replace_atomically(path: Path, data: bytes) -> None:
    """Write a temp file beside the target, fsync it, rename it over the target, fsync the folder."""
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def model_for(path: Path | str) -> type[BaseModel]:
    """BrandProfile for brand.yaml, PlatformProfile for a platform file."""
    return BrandProfile if Path(path).name == "brand.yaml" else PlatformProfile


def voice_profile_from_texts(
    brand: str, brand_text: str, platform_text: str, *, personas: Path, platform: str
) -> VoiceProfile:
    """Validate edited brand and platform texts together and merge them, as load_profile does with files."""
    brand_path, platform_path = personas / brand / "brand.yaml", personas / brand / f"{platform}.yaml"
    return merge_profiles(
        parse_text(brand_text, BrandProfile, source=str(brand_path)),
        parse_text(platform_text, PlatformProfile, source=str(platform_path)),
        key=f"{brand}/{platform}",
        platform_path=platform_path,
        version=hashlib.sha256((brand_text + platform_text).encode()).hexdigest()[:16],
    )


# ---------------------------------------------------------------- the form view

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class FormField:
    """One field of the profile form: where it lives in the YAML and how it is edited."""

    path: Path_
    label: str
    kind: str  # text | long | lines | pairs | words | int | choice | multi
    section: str
    options: tuple[str, ...] = ()
    help: str = ""

    @property
    def key(self) -> str:
        """A stable name for the field (its path joined with dots)."""
        return ".".join(str(p) for p in self.path)


def load_mapping(text: str, source: str = "(profile)") -> dict[str, Any]:
    """The YAML text as a mapping (ProfileError when it is not one)."""
    try:
        data = strict_yaml.load(text)
    except yaml.YAMLError as exc:
        raise ProfileError(f"{source}: invalid YAML ({exc}); fix it in the YAML editor") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ProfileError(f"{source}:1: expected a mapping of fields; fix: write `field: value` lines")
    return data


def form_fields(data: dict[str, Any], *, brand_file: bool) -> list[FormField]:
    """The form's fields for a brand or platform file, expanded for its languages, facts and teams."""
    return _brand_fields(data) if brand_file else _platform_fields()


def _brand_fields(data: dict[str, Any]) -> list[FormField]:
    languages = [str(x) for x in data.get("languages") or []] or ["de"]
    tones = tuple(str(t) for t in (data.get("tones") or {}))
    fields = [
        FormField(("tones",), "Tones (one per line: name: instruction)", "pairs", "Tones"),
        FormField(("default_tones",), "Default tones (compared on the Draft page)", "multi", "Tones", tones),
        *[
            FormField(("address_form", lang), f"Address form ({lang})", "choice", "Voice", ("du", "Sie", "you"))
            for lang in languages
        ],
        FormField(("emoji", "palette"), "Emoji palette (separated by spaces)", "words", "Voice"),
        FormField(("emoji", "max_per_reply"), "Emoji per reply (max)", "int", "Voice"),
        *[FormField(("sign_off", "text", lang), f"Sign-off ({lang})", "text", "Voice") for lang in languages],
        FormField(("sign_off", "channels"), "Sign-off on", "multi", "Voice", CHANNELS),
        FormField(("banned_phrases",), "Banned phrases (one per line)", "lines", "Voice"),
    ]
    for index, fact in enumerate(data.get("facts") or []):
        name = str(fact.get("id", index)) if isinstance(fact, dict) else str(index)
        fields += [
            FormField(("facts", index, "text", lang), f"Fact '{name}' ({lang})", "long", "Facts") for lang in languages
        ]
    for team in data.get("escalation") or {}:
        fields += [
            FormField(("escalation", str(team), "contact"), f"{team}: contact", "text", "Escalation"),
            FormField(
                ("escalation", str(team), "triggers"), f"{team}: trigger words (one per line)", "lines", "Escalation"
            ),
            *[
                FormField(
                    ("escalation", str(team), "ask_in_dm", lang), f"{team}: ask in DM ({lang})", "long", "Escalation"
                )
                for lang in languages
            ],
        ]
    return fields


def _platform_fields() -> list[FormField]:
    return [
        FormField(("limits", "comment"), "Comment limit (characters)", "int", "Limits"),
        FormField(("limits", "dm"), "DM limit (characters)", "int", "Limits"),
        FormField(("hashtags", "max"), "Hashtags per reply (max)", "int", "Limits"),
        FormField(("register",), "Register (how the brand sounds here)", "long", "Voice"),
        FormField(("emoji_density",), "Emoji density", "choice", "Voice", ("none", "low", "medium", "high")),
        FormField(("emoji", "palette"), "Emoji palette here (separated by spaces; empty = brand's)", "words", "Voice"),
        FormField(("emoji", "max_per_reply"), "Emoji per reply here (max)", "int", "Voice"),
        FormField(("tones",), "Tone refinements here (one per line: name: extra instruction)", "pairs", "Voice"),
        FormField(("banned_phrases",), "Extra banned phrases here (one per line)", "lines", "Voice"),
    ]


def widget_value(data: dict[str, Any], spec: FormField) -> Any:
    """The value a form widget shows for a field of the parsed YAML."""
    value = get_path(data, spec.path)
    if spec.kind == "pairs":
        return "\n".join(f"{k}: {_one_line(v)}" for k, v in (value or {}).items()) if isinstance(value, dict) else ""
    if spec.kind == "lines":
        return "\n".join(str(v) for v in value) if isinstance(value, list) else ""
    if spec.kind == "words":
        return " ".join(str(v) for v in value) if isinstance(value, list) else ""
    if spec.kind == "multi":
        return [str(v) for v in value if str(v) in spec.options] if isinstance(value, list) else []
    if spec.kind == "int":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if spec.kind == "choice":
        return str(value) if value is not None and str(value) in spec.options else None
    return "" if value is None else _one_line(value) if spec.kind == "text" else str(value).strip()


def parsed_value(spec: FormField, raw: Any) -> Any:
    """The YAML value for a widget's value (None removes the field)."""
    if spec.kind == "pairs":
        return _pairs(spec, str(raw or ""))
    if spec.kind == "lines":
        return [line.strip() for line in str(raw or "").splitlines() if line.strip()]
    if spec.kind == "words":
        return str(raw or "").split() or None
    if spec.kind == "int":
        return None if raw in (None, "") else int(raw)
    if spec.kind in ("choice", "multi"):
        return raw if raw not in (None, "") else None
    text = str(raw or "").strip()
    return text or None


def _pairs(spec: FormField, raw: str) -> dict[str, str] | None:
    result: dict[str, str] = {}
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep or not name.strip() or not value.strip():
            raise ProfileError(
                f"form field '{spec.label}', line {number}: expected `name: instruction`; "
                "fix: add a colon after the name"
            )
        result[name.strip()] = value.strip()
    return result or None


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())


def apply_form(text: str, values: dict[str, Any], fields: list[FormField]) -> str:
    """The YAML text with the form's values applied; unchanged fields keep their text and comments."""
    data = load_mapping(text)
    updated = copy.deepcopy(data)
    for spec in fields:
        if spec.key in values and parsed_value(spec, values[spec.key]) != _normalised(data, spec):
            set_path(updated, spec.path, parsed_value(spec, values[spec.key]))
    for key in dict.fromkeys([*data, *updated]):
        old, new = data.get(key, _MISSING), updated.get(key, _MISSING)
        if old != new:
            text = replace_top_level(text, key, new)
    return text


def _normalised(data: dict[str, Any], spec: FormField) -> Any:
    """The current value as the form would write it back (so untouched fields count as unchanged)."""
    return parsed_value(spec, widget_value(data, spec))


def get_path(data: Any, path: Path_) -> Any:
    """The value at a path of keys and indexes (None when absent)."""
    for part in path:
        data = _step(data, part)
        if data is _MISSING:
            return None
    return data


def _step(data: Any, part: str | int) -> Any:
    if isinstance(data, dict):
        return data.get(part, _MISSING)
    if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
        return data[part]
    return _MISSING


def set_path(data: dict[str, Any], path: Path_, value: Any) -> None:
    """Set (or, for None, remove) the value at a path, creating mappings on the way; empty ones are dropped."""
    parents: list[tuple[Any, str | int]] = []
    node: Any = data
    for part in path[:-1]:
        child = get_path(node, (part,))
        if not isinstance(child, dict | list):
            child = node[part] = {}
        parents.append((node, part))
        node = child
    last = path[-1]
    if value is None:
        if isinstance(node, dict):
            node.pop(last, None)
    else:
        node[last] = value
    for parent, part in reversed(parents):
        if isinstance(parent, dict) and parent.get(part) == {}:
            del parent[part]


_TOP_KEY = re.compile(r"^(?P<key>[^\s#\-][^:#]*?)\s*:(?:\s|$)")


def replace_top_level(text: str, key: str, value: Any) -> str:
    """Replace (or append, or with _MISSING remove) one top-level field's block in YAML text."""
    lines = text.splitlines(keepends=True)
    start, end = _block(lines, key)
    dumped = [] if value is _MISSING else _dump(key, value).splitlines(keepends=True)
    if start is None:
        if not dumped:
            return text
        prefix = "" if not text or text.endswith("\n") else "\n"
        return text + prefix + "".join(dumped)
    return "".join([*lines[:start], *dumped, *lines[end:]])


def _block(lines: list[str], key: str) -> tuple[int | None, int]:
    starts = [i for i, line in enumerate(lines) if (m := _TOP_KEY.match(line)) and m["key"].strip("'\"") == key]
    if not starts:
        return None, len(lines)
    start = starts[0]
    end = next((i for i in range(start + 1, len(lines)) if _is_top_level(lines[i])), len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return start, end


def _is_top_level(line: str) -> bool:
    if not line.strip() or line[0] in " \t#":
        return False
    return not (line.startswith("- ") or line.rstrip("\r\n") == "-")


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key and writes short lists of plain values in one line, like the personas."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Never indentless: `- item` sits two spaces under its key."""
        super().increase_indent(flow, False)


def _represent_list(dumper: yaml.SafeDumper, items: list[Any]) -> yaml.Node:
    short = all(isinstance(i, str | int | float) for i in items) and sum(len(str(i)) + 2 for i in items) < 100
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=short)


_Dumper.add_representer(list, _represent_list)


def _dump(key: str, value: Any) -> str:
    return yaml.dump(
        {key: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )


def iter_sections(fields: list[FormField]) -> Iterator[tuple[str, list[FormField]]]:
    """The fields grouped by section, in order of first appearance."""
    sections: dict[str, list[FormField]] = {}
    for spec in fields:
        sections.setdefault(spec.section, []).append(spec)
    yield from sections.items()
