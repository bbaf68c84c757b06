"""`replyvoice doctor`: check the configured OpenAI-compatible endpoint."""

from __future__ import annotations

import click

from assistant.cli.options import one_line_errors
from assistant.settings import load_settings


@click.command()
@one_line_errors
def doctor() -> None:
    """Check the configured OpenAI-compatible endpoint and say what to fix.

    \b
    Example:
      OPENAI_BASE_URL=http://localhost:11434/v1 REPLYVOICE_MODEL=llama3.1 replyvoice doctor
    """
    from assistant.backends.openai.backend import doctor as run_doctor  # the openai SDK: not for --help

    checks = run_doctor(load_settings())
    for check in checks:
        click.echo(f"{'ok  ' if check.ok else 'FAIL'}  {check.name}: {check.detail}")
    if not all(check.ok for check in checks):
        raise click.exceptions.Exit(1)
