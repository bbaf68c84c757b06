"""`replyvoice app`: start the Streamlit app from the installed package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from assistant.cli.options import one_line_errors, personas_dir
from assistant.settings import ENV_PERSONAS

ENTRY = Path(__file__).resolve().parent.parent / "ui" / "main.py"
# What the repository's .streamlit/config.toml says, for an app started from anywhere.
STREAMLIT_FLAGS = ("--client.showErrorDetails", "none", "--client.toolbarMode", "minimal")


def streamlit_command(port: int, host: str, browser: bool) -> list[str]:
    """`python -m streamlit run <package entry> ...` with the port, address and browser setting."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ENTRY),
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--server.headless",
        "false" if browser else "true",
        "--browser.gatherUsageStats",
        "false",
        *STREAMLIT_FLAGS,
    ]


@click.command()
@click.option("--port", default=8501, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--host", default="localhost", show_default=True, help="Address to listen on (0.0.0.0: every one).")
@click.option("--no-browser", is_flag=True, help="Do not open a browser tab.")
@one_line_errors
def app(port: int, host: str, no_browser: bool) -> None:
    """Start the replyvoice app (Streamlit) and open it in the browser.

    The app finds voice profiles as `draft` does ($REPLYVOICE_PERSONAS,
    ./personas, your profile folder, else the example brand). Stop it with Ctrl-C.

    \b
    Examples:
      replyvoice app
      replyvoice app --port 8600 --no-browser
      REPLYVOICE_BACKEND=offline replyvoice app --host 0.0.0.0
    """
    env = {**os.environ, ENV_PERSONAS: str(personas_dir(None).resolve())}
    command = streamlit_command(port, host, not no_browser)
    click.echo(f"replyvoice app on http://{host}:{port} (Ctrl-C stops it)", err=True)
    if os.name == "posix":
        os.execve(command[0], command, env)  # Streamlit becomes this process: signals reach it, no orphan
    try:
        code = subprocess.call(command, env=env)
    except KeyboardInterrupt:
        code = 0
    raise click.exceptions.Exit(code)
