"""The profile form's labels and sections (defined in assistant/profiles/editing.py) in the UI language."""

from __future__ import annotations

import re

from assistant.i18n import N_
from assistant.profiles.editing import FormField
from assistant.ui.lang import _, name

FIXED = {
    "Tones (one per line: name: instruction)": N_("Tones (one per line: name: instruction)"),
    "Default tones (compared on the Draft page)": N_("Default tones (compared on the Draft page)"),
    "Emoji palette (separated by spaces)": N_("Emoji palette (separated by spaces)"),
    "Emoji per reply (max)": N_("Emoji per reply (max)"),
    "Sign-off on": N_("Sign-off on"),
    "Banned phrases (one per line)": N_("Banned phrases (one per line)"),
    "Comment limit (characters)": N_("Comment limit (characters)"),
    "DM limit (characters)": N_("DM limit (characters)"),
    "Hashtags per reply (max)": N_("Hashtags per reply (max)"),
    "Register (how the brand sounds here)": N_("Register (how the brand sounds here)"),
    "Emoji density": N_("Emoji density"),
    "Emoji palette here (separated by spaces; empty = brand's)": N_(
        "Emoji palette here (separated by spaces; empty = brand's)"
    ),
    "Emoji per reply here (max)": N_("Emoji per reply here (max)"),
    "Tone refinements here (one per line: name: extra instruction)": N_(
        "Tone refinements here (one per line: name: extra instruction)"
    ),
    "Extra banned phrases here (one per line)": N_("Extra banned phrases here (one per line)"),
}
PATTERNS = [
    (re.compile(r"^Address form \((?P<lang>\w+)\)$"), N_("Address form ({language})")),
    (re.compile(r"^Sign-off \((?P<lang>\w+)\)$"), N_("Sign-off ({language})")),
    (re.compile(r"^Fact '(?P<name>.*)' \((?P<lang>\w+)\)$"), N_("Fact '{name}' ({language})")),
    (re.compile(r"^(?P<name>.+): contact$"), N_("{name}: contact")),
    (re.compile(r"^(?P<name>.+): trigger words \(one per line\)$"), N_("{name}: trigger words (one per line)")),
    (re.compile(r"^(?P<name>.+): ask in DM \((?P<lang>\w+)\)$"), N_("{name}: ask in DM ({language})")),
]
SECTIONS = {
    "Tones": N_("Tones"),
    "Voice": N_("Voice"),
    "Facts": N_("Facts"),
    "Escalation": N_("Escalation"),
    "Limits": N_("Limits"),
}


def label(spec: FormField) -> str:
    """A form field's label in the UI language (unknown labels as they are)."""
    if spec.label in FIXED:
        return _(FIXED[spec.label])
    for pattern, template in PATTERNS:
        found = pattern.match(spec.label)
        if found:
            parts = found.groupdict()
            language = name("language", parts["lang"]) if parts.get("lang") else ""
            return _(template).format(name=parts.get("name", ""), language=language)
    return spec.label


def section(title: str) -> str:
    """A form section's title in the UI language."""
    return _(SECTIONS[title]) if title in SECTIONS else title
