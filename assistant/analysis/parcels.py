"""A parcel meant for someone else: read once here, by the analysis (its team) and by the offline composer."""

from __future__ import annotations

import re

# A parcel meant for someone else: "I received someone else's order", "auf dem Lieferschein steht ein anderer Name"
SOMEONE_ELSES = re.compile(
    r"(?i:\bsomeone else'?s (?:order|parcel|package|box|delivery)|\b(?:parcel|package|order|box) (?:for|addressed to)"
    r" (?:someone|somebody) else|\b(?:a )?(?:different|another|someone else'?s) name\b"
    r"|\banother (?:person|customer)'?s (?:order|parcel|package)|\bnicht (?:für mich|an mich|meins?|mein(?:e|s)?"
    r" (?:paket|bestellung))\b|\b(?:ein(?:en)? )?(?:anderer|anderen|fremder|fremden) (?:name|namen|empfänger\w{0,2})\b"
    r"|\bfremde[sn]? (?:paket|bestellung|lieferung)\b|\b(?:paket|bestellung) (?:für|von) (?:jemand|einem|einer)"
    r" (?:anderen|fremden)\b)"
)
# ... of a parcel, not of an invoice or a voucher ("the invoice pdf shows someone else's name")
PARCEL_MIXED = re.compile(
    r"(?i:\b(?:paket\w{0,2}|lieferung|lieferschein|karton|sendung|parcel|package|box|delivery|packing slip|slip)\b"
    r"|\bsomeone else'?s order\b)"
)
# ... that came: not "kann ich das Paket an einen anderen Namen schicken?", a gift asked about
CAME = re.compile(
    r"(?i:\b(?:angekommen|bekommen|erhalten|geliefert|zugestellt|abgegeben|gekommen|kam|lag|war|steht|stand|drauf"
    r"|received|arrived|got|came|delivered|contained|has|had|shows|showed|is|was)\b)"
)


def someone_elses_parcel(text: str) -> bool:
    """A parcel or order for someone else that came to the writer ("I received someone else's order")."""
    return bool(SOMEONE_ELSES.search(text) and PARCEL_MIXED.search(text) and CAME.search(text))
