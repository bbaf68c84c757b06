"""`replyvoice doctor`: check the configured OpenAI-compatible endpoint (or the one found on this machine)."""

from __future__ import annotations

import click

from assistant.cli.options import one_line_errors
from assistant.settings import load_settings, openai_configured


@click.command()
@one_line_errors
def doctor() -> None:
    """Check the configured OpenAI-compatible endpoint and say what to fix.

    With nothing configured it looks for a local server (Ollama, llama.cpp, LM Studio, vLLM on
    127.0.0.1) and checks that one.

    \b
    Example:
      OPENAI_BASE_URL=http://localhost:11434/v1 REPLYVOICE_MODEL=llama3.1 replyvoice doctor
    """
    from assistant.backends import local_server, local_settings
    from assistant.backends.openai.backend import doctor as run_doctor  # the openai SDK: not for --help
    from assistant.settings import discovery_enabled

    if openai_configured() or not discovery_enabled():
        checks = run_doctor(load_settings())
    else:
        server = local_server()
        if server is None:
            _report_nothing_found()
            raise click.exceptions.Exit(1)
        click.echo(
            f"ok    local server: found {server.describe()} (nothing configured; REPLYVOICE_BACKEND=offline "
            "turns this off)"
        )
        checks = run_doctor(local_settings(server))
    for check in checks:
        click.echo(f"{'ok  ' if check.ok else 'FAIL'}  {check.name}: {check.detail}")
    if not all(check.ok for check in checks):
        raise click.exceptions.Exit(1)


def _report_nothing_found() -> None:
    """The FAIL line when nothing is configured and no local server answers."""
    from assistant.backends.openai.discovery import SERVER_NAMES
    from assistant.defaults import DISCOVERY_HOST

    ports = ", ".join(f"{port} ({name})" for port, name in SERVER_NAMES.items())
    click.echo(
        f"FAIL  configuration: nothing configured and no model server on {DISCOVERY_HOST} ports {ports}; "
        "fix: start one (e.g. `ollama serve`), or set OPENAI_BASE_URL and REPLYVOICE_MODEL, or OPENAI_API_KEY"
    )
