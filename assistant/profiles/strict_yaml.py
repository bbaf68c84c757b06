"""Profile YAML read safely: no aliases (billion laughs), no duplicate keys, a size cap, linear patterns."""

from __future__ import annotations

import re
from typing import Any

import yaml

# A voice profile is a few kilobytes; 1 MB is generous and keeps validation instant.
MAX_PROFILE_BYTES = 1_000_000
# Repeated groups that contain a quantifier or an alternation ((a+)+, (\d*)*x, (a|aa)+) can backtrack
# exponentially; order numbers never need them.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}|](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,)")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
MAX_PATTERN_LENGTH = 200


class StrictYAMLError(yaml.YAMLError):
    """A YAML document that is valid YAML but not allowed in a profile."""

    def __init__(self, problem: str, mark: yaml.Mark | None = None) -> None:
        super().__init__(problem)
        self.problem, self.problem_mark = problem, mark


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and repeated keys."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise StrictYAMLError("anchors and aliases (&, *) are not allowed in profiles", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise StrictYAMLError(f"the key {key!r} appears twice; keep one", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load(text: str) -> Any:
    """Parse profile YAML strictly (StrictYAMLError or yaml.YAMLError when it is not allowed)."""
    if len(text.encode("utf-8", errors="replace")) > MAX_PROFILE_BYTES:
        raise StrictYAMLError(f"the file is larger than {MAX_PROFILE_BYTES // 1000} kB; a profile is a few kB")
    return yaml.load(text, Loader=_Loader)


def pattern_problem(pattern: str) -> str | None:
    """Why a profile's regular expression could run for ages or not at all (None when it is fine)."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"the pattern is longer than {MAX_PATTERN_LENGTH} characters"
    if _NESTED_QUANTIFIER.search(pattern) or _BACKREFERENCE.search(pattern):
        return "nested quantifiers or back-references can take exponential time; write e.g. \\d{5,8}"
    try:
        re.compile(pattern)
    except re.error as exc:
        return f"not a regular expression ({exc})"
    return None
