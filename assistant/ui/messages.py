"""Library messages the app shows often, in the UI language (the library itself writes English)."""

from __future__ import annotations

import re

from assistant.i18n import N_
from assistant.ui.lang import _

KNOWN: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^the message is empty: paste the comment or DM you want to answer$"),
        N_("The message is empty: paste the comment or DM you want to answer."),
    ),
    (
        re.compile(r"^outreach needs the other creator's post: pass --post TEXT$"),
        N_("Outreach needs the other creator's post: fill in the Post field."),
    ),
    (
        re.compile(r"^(?P<n>\d+) drafts in a minute is the limit here; try again in (?P<s>\d+) s$"),
        N_("{n} drafts a minute is the limit here; try again in {s} s."),
    ),
    (re.compile(r"^an empty message cannot be queued$"), N_("An empty message cannot go into the inbox.")),
    (
        re.compile(
            r"^(?P<src>.+?):(?P<line>\d+): YAML anchors and aliases \((?P<tok>.+?)\) are not allowed in voice "
            r"profiles; fix: write the value out where it is needed$"
        ),
        N_(
            "{src}:{line}: YAML anchors and aliases ({tok}) are not allowed in voice profiles; "
            "fix: write the value out where it is needed"
        ),
    ),
    (
        re.compile(
            r"^(?P<src>.+?): default_tones: (?P<names>.+?) (?:is not a tone|are not tones) of this brand "
            r"\(defined: (?P<defined>.+?)\); fix: .*$"
        ),
        N_(
            "{src}: default_tones: {names} – no such tone in this brand (defined: {defined}); fix: define it under "
            "tones or pick a defined one"
        ),
    ),
    (
        re.compile(
            r"^(?P<where>.+?): invalid YAML \((?P<problem>.+?)\); fix: check the indentation and the colons on that "
            r"line$"
        ),
        N_("{where}: invalid YAML ({problem}); fix: check the indentation and the colons on that line"),
    ),
]


def shown(exc: BaseException | str) -> str:
    """A library message in the UI language when it is a known one, else as it is."""
    text = str(exc)
    for pattern, template in KNOWN:
        found = pattern.match(text)
        if found:
            return _(template).format(**found.groupdict())
    return text
