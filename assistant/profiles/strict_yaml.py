"""Profile YAML read safely: no aliases (billion laughs), no duplicate keys, a size cap, linear patterns."""

from __future__ import annotations

import re
from typing import Any

import yaml

# A voice profile is a few kilobytes; 1 MB is generous and keeps validation instant.
MAX_PROFILE_BYTES = 512_000  # the example brand's files are under 25 kB
# Repeated groups that contain a quantifier or an alternation ((a+)+, (\d*)*x, (a|aa)+) can backtrack
# exponentially; order numbers never need them.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}|](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,)")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
MAX_PATTERN_LENGTH = 200


class StrictYAMLError(yaml.YAMLError):
    """A YAML document that is valid YAML but not allowed in a profile."""

    def __init__(self, problem: str, mark: Any = None) -> None:
        super().__init__(problem)
        self.problem, self.problem_mark = problem, mark


# libyaml's parser when PyYAML has it: about 8x faster on a 400-line brand.yaml than the pure-Python one.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    """Parse profile YAML strictly (StrictYAMLError or yaml.YAMLError when it is not allowed)."""
    check(text)
    return yaml.load(text, Loader=_LOADER)  # a safe loader (libyaml when available)


def check(text: str) -> None:
    """Refuse what a profile may not contain before anything is built: size, anchors, aliases, repeated keys."""
    if len(text.encode("utf-8", errors="replace")) > MAX_PROFILE_BYTES:
        raise StrictYAMLError(f"the file is too large for a voice profile (limit {MAX_PROFILE_BYTES // 1000} kB)")
    for event in yaml.parse(text, Loader=_LOADER):  # aliases are refused before anything is expanded
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            shown = ("*" if isinstance(event, yaml.AliasEvent) else "&") + str(getattr(event, "anchor", ""))
            raise StrictYAMLError(f"YAML anchors and aliases ({shown}) are not allowed in profiles", event.start_mark)
    refuse_repeated_keys(yaml.compose(text, Loader=_LOADER))


def refuse_repeated_keys(node: Any) -> None:
    """A key written twice in one mapping (YAML would silently keep the last) is an error."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode) and key.value in seen:
                    raise StrictYAMLError(f"the key {key.value!r} appears twice; keep one", key.start_mark)
                seen.add(getattr(key, "value", ""))
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


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
