"""Profile YAML that is safe to parse: no anchors or aliases (billion laughs), a size cap, one-line errors.

PyYAML shares aliased nodes, so a 520-byte alias chain parses quickly, but anything that walks
the result (validation, error messages, a form, a diff) expands it to billions of items. Voice
profiles never need anchors, so they are refused from the token stream, before anything is built.
"""

from __future__ import annotations

import yaml

from assistant.errors import ProfileError

MAX_PROFILE_BYTES = 512_000  # the example brand's files are under 25 kB


def refuse_unsafe(text: str, source: str = "(profile)") -> None:
    """Raise ProfileError when the text is too large or uses YAML anchors (&name) or aliases (*name)."""
    size = len(text.encode("utf-8", errors="replace"))
    if size > MAX_PROFILE_BYTES:
        raise ProfileError(f"{source}: {size:,} bytes is too large for a voice profile (limit {MAX_PROFILE_BYTES:,})")
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                mark = "&" if isinstance(token, yaml.AnchorToken) else "*"
                raise ProfileError(
                    f"{source}:{token.start_mark.line + 1}: YAML anchors and aliases ({mark}{token.value}) are not "
                    "allowed in voice profiles; fix: write the value out where it is needed"
                )
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
