"""The app's languages: gettext message catalogs (.po sources, compiled on first use) and display names.

The catalogs live in assistant/i18n/locales/<lang>/LC_MESSAGES/replyvoice.po. A compiled .mo beside a
.po (as `make catalogs` writes it) is used when it is at least as new; otherwise the .po is compiled in
memory with Babel the first time a language is asked for, so a source checkout and a wheel that
carries only the .po files both work. English is the source language: a missing translation shows
the English text.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from assistant.defaults import PLATFORM_NAMES

DOMAIN = "replyvoice"
LOCALES = Path(__file__).resolve().parent / "locales"
LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"


def N_(message: str) -> str:
    """Mark a string for the catalogs without translating it here."""
    return message


def catalog_path(language: str, suffix: str = ".po") -> Path:
    """Where a language's catalog lives."""
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@lru_cache(maxsize=8)
def translation(language: str) -> gettext.NullTranslations:
    """The gettext translations of a language (English text when there is no catalog)."""
    po, mo = catalog_path(language), catalog_path(language, ".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if not po.is_file():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(compile_catalog(po, language)))


def compile_catalog(po: Path, language: str) -> bytes:
    """A .po file compiled to .mo bytes with Babel (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo  # Babel loads only when a catalog is compiled
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def supported(language: str | None) -> str:
    """The language if the app speaks it, else the default (German)."""
    code = (language or "").lower()[:2]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def gettext_for(language: str, message: str) -> str:
    """One message in a language."""
    return translation(supported(language)).gettext(message)


# ---------------------------------------------------------------- display names (one per value)

INTENT_NAMES: dict[str, str] = {
    "refund_request": N_("Refund request"),
    "order_status": N_("Order status question"),
    "delivery_problem": N_("Delivery problem"),
    "damaged_or_wrong_item": N_("Damaged or wrong item"),
    "defect": N_("Defect"),
    "billing": N_("Billing"),
    "order_via_message": N_("Order by message"),
    "product_question": N_("Product question"),
    "stock_question": N_("Availability question"),
    "service_complaint": N_("Complaint about our service"),
    "job_application": N_("Job application"),
    "praise": N_("Praise"),
    "criticism": N_("Criticism"),
    "collaboration": N_("Collaboration"),
    "troll": N_("Troll"),
    "spam": N_("Spam"),
    "other": N_("Other"),
}
CHANNEL_NAMES: dict[str, str] = {"comment": N_("Comment"), "dm": N_("Direct message")}
MODE_NAMES: dict[str, str] = {"reply": N_("Reply to a message"), "outreach": N_("Comment on a creator's post")}
URGENCY_NAMES: dict[str, str] = {"low": N_("low"), "medium": N_("medium"), "high": N_("high")}
SENTIMENT_NAMES: dict[str, str] = {"positive": N_("positive"), "neutral": N_("neutral"), "negative": N_("negative")}
STATUS_NAMES: dict[str, str] = {
    "new": N_("New"),
    "drafted": N_("Drafted"),
    "approved": N_("Approved"),
    "done": N_("Done (posted)"),
    "skipped": N_("Skipped"),
}
LANGUAGE_NAMES: dict[str, str] = {"de": N_("German"), "en": N_("English")}
TEAM_NAMES: dict[str, str] = {"after_sales": N_("After-sales"), "logistics": N_("Logistics")}
CHECK_NAMES: dict[str, str] = {
    "length": N_("Length"),
    "stock_phrases": N_("Stock phrases"),
    "language": N_("Language"),
    "address_form": N_("Form of address"),
    "emoji": N_("Emoji"),
    "hashtags": N_("Hashtags"),
    "personal_data": N_("Personal data"),
    "self_promotion": N_("Self-promotion"),
    "repetition": N_("Repetition"),
    "specificity": N_("Specific answer"),
    "promises": N_("Promises"),
    "leakage": N_("Internal details"),
    "markup_and_links": N_("Markup and links"),
    "injection_echo": N_("Echoed instructions"),
}
# The edit habits of assistant/history/habits.py, by their label there.
HABIT_NAMES: dict[str, str] = {
    "removed the emoji": N_("removed the emoji"),
    "shortened the draft by a fifth or more": N_("shortened the draft by a fifth or more"),
    "lengthened the draft by a fifth or more": N_("lengthened the draft by a fifth or more"),
    "rewrote the opening": N_("rewrote the opening"),
    "removed exclamation marks": N_("removed exclamation marks"),
}
_TABLES: dict[str, dict[str, str]] = {
    "intent": INTENT_NAMES,
    "channel": CHANNEL_NAMES,
    "mode": MODE_NAMES,
    "urgency": URGENCY_NAMES,
    "sentiment": SENTIMENT_NAMES,
    "status": STATUS_NAMES,
    "language": LANGUAGE_NAMES,
    "team": TEAM_NAMES,
    "check": CHECK_NAMES,
    "habit": HABIT_NAMES,
}
KINDS = (*_TABLES, "platform")


def display_name(kind: str, value: str, language: str) -> str:
    """How a platform, channel, intent, urgency, status, team or check is written for people."""
    if kind == "platform":
        return PLATFORM_NAMES.get(value, value)
    source = _TABLES[kind].get(value)
    if source is None:
        return value.replace("_", " ")
    return gettext_for(language, source)
