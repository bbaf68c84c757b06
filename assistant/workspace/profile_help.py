"""Help for the profile editor: clear errors before validation, notes on overrides, adding a fact."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from assistant.errors import ProfileError
from assistant.profiles.safety import refuse_unsafe, yaml_error
from assistant.text import fold, is_stopword, words

# Brand values a platform file replaces as a whole (tones and banned phrases are added to instead).
OVERRIDABLE = ("sign_off", "emoji")
_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:")


def first_problem(text: str, source: str) -> str | None:
    """The one error to show before schema validation: unsafe YAML, a syntax error, unknown tone names."""
    try:
        refuse_unsafe(text, source)
    except ProfileError as exc:
        return str(exc)
    problem = yaml_error(text, source)
    if problem:
        return problem
    data = yaml.safe_load(text)
    return unknown_tones(data, source) if isinstance(data, dict) else None


def unknown_tones(data: dict[str, Any], source: str) -> str | None:
    """default_tones naming tones the brand does not define, said by name (not 'at least 3 items')."""
    tones = data.get("tones")
    chosen = data.get("default_tones")
    if not isinstance(tones, dict) or not isinstance(chosen, list):
        return None
    unknown = [str(t) for t in chosen if str(t) not in tones]
    if not unknown:
        return None
    names = ", ".join(unknown)
    verb = "is not a tone" if len(unknown) == 1 else "are not tones"
    return (
        f"{source}: default_tones: {names} {verb} of this brand (defined: {', '.join(map(str, tones))}); "
        "fix: define it under tones or pick a defined one"
    )


@dataclass(frozen=True)
class Override:
    """A brand value that a platform file replaces."""

    field: str
    brand: Any
    platform: Any


def overrides(brand: dict[str, Any], platform: dict[str, Any]) -> list[Override]:
    """The brand values the platform file replaces (set in both, different)."""
    return [
        Override(field=name, brand=brand[name], platform=platform[name])
        for name in OVERRIDABLE
        if platform.get(name) is not None and brand.get(name) is not None and platform[name] != brand[name]
    ]


def fact_id(question: str, taken: list[str]) -> str:
    """A fact id from a question's content words ('Gibt es Espresso entkoffeiniert?' -> 'espresso_entkoffeiniert')."""
    content = [fold(w) for w in words(question) if len(w) > 2 and not is_stopword(w)]
    base = re.sub(r"[^a-z0-9_]", "", "_".join(content[:3])) or "fact"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


def fact_keywords(question: str) -> list[str]:
    """Keywords that find a fact again: the question's content words, lower case, in order."""
    return list(dict.fromkeys(w.lower() for w in words(question) if len(w) > 2 and not is_stopword(w)))[:6]


def add_fact(text: str, fact: dict[str, Any]) -> str:
    """The brand YAML with one more fact appended to its `facts` list (the rest of the text unchanged)."""
    snippet = yaml.safe_dump([fact], allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
    item = "".join(f"  {line}" if line.strip() else line for line in snippet.splitlines(keepends=True))
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if (m := _TOP_KEY.match(line)) and m["key"] == "facts"), None)
    if start is None:
        prefix = "" if not text or text.endswith("\n") else "\n"
        return f"{text}{prefix}facts:\n{item}"
    if lines[start].split(":", 1)[1].strip() not in ("", "[]"):
        raise ProfileError("facts is not written as a block list; add the fact in the YAML editor")
    if lines[start].split(":", 1)[1].strip() == "[]":
        lines[start] = "facts:\n"
    end = next((i for i in range(start + 1, len(lines)) if _TOP_KEY.match(lines[i])), len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    if end and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    return "".join([*lines[:end], item, *lines[end:]])
