"""`replyvoice check`: run the guard on a text a person wrote themselves."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from assistant.cli.options import guarded, inputs, message_options, profile_options


class UsageProblem(click.ClickException):
    """A bad option, profile or input: exit 2, since 1 means "a blocking check failed"."""

    exit_code = 2


@click.command()
@message_options
@profile_options
@click.option("--text", "-t", "text", required=True, help="The reply to check; - reads stdin.")
@click.option("--json", "as_json", is_flag=True, help='Print {"ok": ..., "checks": [...]} instead of a list.')
def check(text: str, as_json: bool, **options: Any) -> None:
    """Check your own reply against the brand's rules before you post it.

    Exits 0 when no blocking check fails, 1 when one does, 2 on usage errors.

    \b
    Examples:
      replyvoice check -p tiktok -m "wie lange dauert der versand?" --text "DHL, 2–3 Werktage 📦"
      replyvoice check -p facebook -c dm -m "Paket kaputt" --text - --json < reply.txt
    """
    try:
        with guarded():
            results, ok = _run(sys.stdin.read() if text == "-" else text, options)
    except click.ClickException as exc:
        raise UsageProblem(exc.format_message()) from None
    click.echo(_render(results, ok, as_json))
    if not ok:
        raise click.exceptions.Exit(1)


def _run(text: str, options: dict[str, Any]) -> tuple[list[Any], bool]:
    from assistant.guard.review import check_text, failing  # the guard loads when checking, not for --help

    message, profile, _ = inputs({**options, "tones": None})
    results = check_text(text, message, profile)
    return results, not failing(results)


def _render(results: list[Any], ok: bool, as_json: bool) -> str:
    if as_json:
        checks = [{"name": r.name, "ok": r.ok, "severity": r.severity, "detail": r.detail} for r in results]
        return json.dumps({"ok": ok, "checks": checks}, ensure_ascii=False, indent=2)
    marks = {True: "ok  ", False: "FAIL"}
    lines = [f"{marks[r.ok] if r.ok or r.severity == 'block' else 'warn'}  {r.name}: {r.detail}" for r in results]
    return "\n".join([*lines, "ok: no blocking check fails" if ok else "not ok: fix the FAIL lines before posting"])
