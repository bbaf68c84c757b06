"""Profile YAML that is safe to parse: no anchors or aliases (billion laughs), a size cap, one-line errors.

PyYAML shares aliased nodes, so a 520-byte alias chain parses quickly, but anything that walks
the result (validation, error messages, a form, a diff) expands it to billions of items. Voice
profiles never need anchors, so they are refused from the token stream, before anything is built.
"""

from __future__ import annotations

import yaml

from assistant.errors import ProfileError
from assistant.profiles import strict_yaml


def refuse_unsafe(text: str, source: str = "(profile)") -> None:
    """Raise ProfileError when the text is too large or uses anchors, aliases or repeated keys (strict_yaml.check)."""
    try:
        strict_yaml.check(text)
    except strict_yaml.StrictYAMLError as exc:
        line = f":{exc.problem_mark.line + 1}" if exc.problem_mark is not None else ""
        raise ProfileError(f"{source}{line}: {exc.problem}; fix: write the value out where it is needed") from None
    except yaml.YAMLError:
        return  # a syntax error: the parser reports it with its line (see yaml_error)


def yaml_error(text: str, source: str = "(profile)") -> str | None:
    """One line for the first YAML syntax error ('file:line:column: problem; fix: ...'), or None when it parses."""
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        return f"{where}: invalid YAML ({problem}); fix: check the indentation and the colons on that line"
    except yaml.YAMLError as exc:
        return f"{source}: invalid YAML ({' '.join(str(exc).split())})"
    return None
