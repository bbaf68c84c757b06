"""The session's language for every label and message (gettext catalogs of assistant/i18n)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

from assistant.errors import ConfigError
from assistant.i18n import display_name, supported, translation
from assistant.settings import ui_language

S = st.session_state
KEY = "ui_lang"


def language() -> str:
    """de or en: the session's choice, else REPLYVOICE_UI_LANG or the config file, else German."""
    if KEY not in S:
        try:
            S[KEY] = supported(ui_language())
        except ConfigError:
            S[KEY] = supported(None)
    return str(S[KEY])


def set_language(code: str | None) -> None:
    """Switch the session's language."""
    S[KEY] = supported(code)


def _(message: str) -> str:
    """A message in the session's language."""
    return translation(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """A message with a number in the session's language (plural forms included)."""
    return translation(language()).ngettext(singular, plural, n)


def name(kind: str, value: str | None) -> str:
    """The display name of a platform, channel, intent, urgency, status, team or check."""
    return display_name(kind, value, language()) if value else "–"


def shown_as(kind: str, values: Iterable[str], **special: str) -> Callable[[str], str]:
    """A format_func for widget options: display names computed now (in this run's language), `special` for others."""
    table = {value: special.get(value) or name(kind, value) for value in values}
    table.update(special)
    return lambda value: table.get(value, value)


def labelled(table: dict[Any, str]) -> Callable[[Any], str]:
    """A format_func from a ready table of option -> label."""
    return lambda value: table.get(value, str(value))
