"""Facts about cue patterns from their parse tree: unbounded repeats, and symbols a match can start with."""

from __future__ import annotations

from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser
from typing import Any

Items = Any  # a parsed pattern (re._parser.SubPattern) or a list of (op, argument) pairs
WIDE_RANGE = 2000  # a character range wider than this counts as "any character"


def unbounded(pattern: str) -> bool:
    """True when the pattern repeats something without an upper bound (+, *, {n,}): not linear-safe."""
    return _unbounded(parser.parse(pattern))


def _unbounded(items: Items) -> bool:
    for op, argument in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if argument[1] == sre.MAXREPEAT or _unbounded(argument[2]):
                return True
        elif any(_unbounded(child) for child in _children(op, argument)):
            return True
    return False


def _children(op: Any, argument: Any) -> list[Items]:
    if op is sre.BRANCH:
        return list(argument[1])
    if op is sre.SUBPATTERN:
        return [argument[3]]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [argument[1]]
    if op is sre.ATOMIC_GROUP:
        return [argument]
    return []


def first_symbols(pattern: str) -> set[str] | None:
    """The non-word characters a match can start with (None: any character can)."""
    found, _ = _first(parser.parse(pattern))
    return found


def _first(items: Items) -> tuple[set[str] | None, bool]:
    """First symbols of a sequence and whether it can match the empty string."""
    found: set[str] = set()
    for op, argument in items:
        symbols, nullable = _first_of(op, argument)
        if symbols is None:
            return None, False
        found |= symbols
        if not nullable:
            return found, False
    return found, True


def _first_of(op: Any, argument: Any) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return _symbols({chr(argument)}), False
    if op is sre.IN:
        return _charset(argument), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        symbols, nullable = _first(argument[2])
        return symbols, argument[0] == 0 or nullable
    if op is sre.BRANCH:
        firsts = [_first(alternative) for alternative in argument[1]]
        if any(symbols is None for symbols, _ in firsts):
            return None, False
        return set().union(*(s for s, _ in firsts)), any(n for _, n in firsts)  # type: ignore[arg-type]
    return _first(argument[3]) if op is sre.SUBPATTERN else (None, False)


def _symbols(chars: set[str]) -> set[str]:
    """Only the characters that are not letters or digits."""
    return {c for c in chars if not c.isalnum()}


def _charset(items: Items) -> set[str] | None:
    found: set[str] = set()
    for op, argument in items:
        if op is sre.LITERAL:
            found.add(chr(argument))
        elif op is sre.RANGE and argument[1] - argument[0] <= WIDE_RANGE:
            found |= {chr(c) for c in range(argument[0], argument[1] + 1)}
        elif op is sre.CATEGORY and argument == sre.CATEGORY_SPACE:
            found |= set(" \t\n\r\f\v")
        elif not (op is sre.CATEGORY and argument in (sre.CATEGORY_WORD, sre.CATEGORY_DIGIT)):
            return None
    return _symbols(found)
