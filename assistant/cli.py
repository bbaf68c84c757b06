"""The `replyvoice` command: draft replies, inspect and validate voice profiles."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .constants import CHANNELS, MODES, PLATFORMS
from .errors import ReplyvoiceError

F = TypeVar("F", bound=Callable[..., Any])


def one_line_errors(func: F) -> F:
    """Turn every expected error into one line on stderr and exit status 1 (never a traceback)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReplyvoiceError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="replyvoice")
def cli() -> None:
    """Draft individual replies in your brand's voice for TikTok, Instagram and Facebook.

    \b
    Examples:
      replyvoice draft --platform tiktok --message "welcher mahlgrad für french press?"
      replyvoice draft --platform facebook --channel dm --message - < dm.txt --json
      replyvoice profiles validate personas/
    """


def message_options(func: F) -> F:
    """The options shared by every command that takes an incoming message."""
    options = [
        click.option("--message", "-m", "message", default="", help="The incoming message; - reads stdin."),
        click.option("--platform", "-p", required=True, type=click.Choice(PLATFORMS), help="Where it arrived."),
        click.option("--channel", "-c", default="comment", show_default=True, type=click.Choice(CHANNELS)),
        click.option(
            "--mode",
            default="reply",
            show_default=True,
            type=click.Choice(MODES),
            help="outreach: comment on another creator's post (--post).",
        ),
        click.option("--author", default=None, help="Who wrote the message."),
        click.option("--post", default=None, help="The post being commented on (context, or the outreach target)."),
        click.option(
            "--thread",
            "thread_file",
            default=None,
            type=click.Path(dir_okay=False),
            help="A file with earlier messages of the thread, one per line.",
        ),
        click.option(
            "--personas",
            default="personas",
            show_default=True,
            type=click.Path(file_okay=False),
            help="Folder with one sub-folder per brand.",
        ),
        click.option("--brand", default=None, help="Brand folder name (default: the only or first one)."),
        click.option("--tones", default=None, help="Comma-separated tones (default: the brand's default tones)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@cli.command()
@message_options
@click.option(
    "--backend",
    type=click.Choice(["offline", "openai"]),
    default=None,
    help="Default: openai when configured (OPENAI_BASE_URL or OPENAI_API_KEY), else offline.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table.")
@one_line_errors
def draft(backend: str | None, as_json: bool, **options: Any) -> None:
    """Draft one reply per tone for an incoming message.

    \b
    Examples:
      replyvoice draft --platform tiktok --message "ich will mein geld zurück. SOFORT!!!11" \\
          --author petens022 --json
      replyvoice draft -p instagram -c dm -m "Mein Paket kam beschädigt an, Bestellung 48213"
      replyvoice draft -p tiktok --mode outreach --post "Mein Budget-Frühstück für 1,50 €"
    """
    from .drafting import draft as run_draft
    from .render import draft_table

    message, profile, tones = _inputs(options)
    result = run_draft(message, profile, tones, _backend(backend))
    if as_json:
        click.echo(json.dumps(result.contract(), ensure_ascii=False, indent=2))
    else:
        click.echo(draft_table(result))


def _inputs(options: dict[str, Any]) -> tuple[Any, Any, list[str] | None]:
    from .models import Message
    from .profiles import load_profile

    text = options["message"]
    if text == "-":
        text = sys.stdin.read()
    thread = _read_thread(options["thread_file"])
    profile = load_profile(Path(options["personas"]), options["brand"], options["platform"])
    message = Message(
        text=text,
        platform=options["platform"],
        channel=options["channel"],
        mode=options["mode"],
        author=options["author"],
        post=options["post"],
        thread=thread,
    )
    tones = [t.strip() for t in options["tones"].split(",") if t.strip()] if options["tones"] else None
    return message, profile, tones


def _read_thread(path: str | None) -> list[str]:
    if not path:
        return []
    return [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _backend(name: str | None) -> Any:
    """The chosen backend; openai when configured and nothing was asked for."""
    from .backends.offline import OfflineBackend

    configured = bool(os.environ.get("OPENAI_BASE_URL") or os.environ.get("OPENAI_API_KEY"))
    if name == "openai" or (name is None and configured):
        from .errors import ConfigError

        raise ConfigError("the openai backend is not available yet; use --backend offline")
    return OfflineBackend()


@cli.group()
def profiles() -> None:
    """Validate and inspect voice profiles."""


@profiles.command("validate")
@click.argument("directory", default="personas", type=click.Path(file_okay=False))
@one_line_errors
def profiles_validate(directory: str) -> None:
    """Load every brand and platform profile in DIRECTORY; fail on the first invalid file.

    \b
    Example:
      replyvoice profiles validate personas/
    """
    from .profiles import validate_dir

    loaded = validate_dir(Path(directory))
    for key in loaded:
        click.echo(f"ok  {key}")
    click.echo(f"{len(loaded)} profile(s) valid")


@profiles.command("show")
@click.argument("key", metavar="BRAND/PLATFORM")
@click.option("--personas", default="personas", show_default=True, type=click.Path(file_okay=False))
@one_line_errors
def profiles_show(key: str, personas: str) -> None:
    """Print the merged profile (brand plus platform) as YAML.

    \b
    Example:
      replyvoice profiles show bohnenkiez/tiktok
    """
    import yaml

    from .errors import InputError
    from .profiles import load_profile, profile_as_dict

    brand, _, platform = key.partition("/")
    if not brand or not platform:
        raise InputError(f"{key!r}: write BRAND/PLATFORM, e.g. bohnenkiez/tiktok")
    profile = load_profile(Path(personas), brand, platform)
    click.echo(yaml.safe_dump(profile_as_dict(profile), allow_unicode=True, sort_keys=False).rstrip())


def main() -> None:
    """Console-script entry point: usage errors, too, are one line on stderr."""
    try:
        code = cli.main(prog_name="replyvoice", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("replyvoice: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        hint = " (see --help)" if isinstance(exc, click.UsageError) else ""
        click.echo(f"replyvoice: error: {exc.format_message()}{hint}", err=True)
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
