"""The `replyvoice` command: draft replies, inspect and validate voice profiles."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from assistant.defaults import CHANNELS, MODES, PLATFORMS
from assistant.errors import ReplyvoiceError

F = TypeVar("F", bound=Callable[..., Any])


def one_line_errors(func: F) -> F:
    """Turn every expected error into one line on stderr and exit status 1 (never a traceback)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with guarded():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@contextmanager
def guarded() -> Iterator[None]:
    """The context-manager form of one_line_errors, for commands defined in other modules."""
    try:
        yield
    except ReplyvoiceError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from None


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
    help="Default: openai when configured (OPENAI_BASE_URL, OPENAI_API_KEY or the config file), else offline.",
)
@click.option("--no-fallback", is_flag=True, help="Fail instead of falling back to the offline composer.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table.")
@click.option("--no-save", is_flag=True, help="Neither read nor write the history (no repetition check).")
@click.option("--data-dir", default=None, type=click.Path(file_okay=False), help="History folder.")
@one_line_errors
def draft(
    backend: str | None, no_fallback: bool, as_json: bool, no_save: bool, data_dir: str | None, **options: Any
) -> None:
    """Draft one reply per tone for an incoming message.

    \b
    Examples:
      replyvoice draft --platform tiktok --message "ich will mein geld zurück. SOFORT!!!11" \\
          --author petens022 --json
      replyvoice draft -p instagram -c dm -m "Mein Paket kam beschädigt an, Bestellung 48213"
      replyvoice draft -p tiktok --mode outreach --post "Mein Budget-Frühstück für 1,50 €"
      OPENAI_BASE_URL=http://localhost:8000/v1 replyvoice draft -p facebook -m "Hallo!" --backend openai
    """
    from assistant.cli.render import draft_table
    from assistant.pipeline import draft as run_draft

    message, profile, tones = _inputs(options)
    with _backend(backend) as chosen, _history(data_dir, no_save) as store:
        result = run_draft(message, profile, tones, chosen, fallback=not no_fallback, history=store)
        saved = store.save_draft_set(result) if store else None
    if as_json:
        click.echo(json.dumps({"id": saved, **result.contract()}, ensure_ascii=False, indent=2))
        return
    click.echo(draft_table(result))
    if saved is not None:
        click.echo(f"\nsaved as draft set #{saved}; approve one with: replyvoice approve {saved} --tone TONE")


def _history(data_dir: str | None, no_save: bool) -> Any:
    """The history store as a context manager (a null context with --no-save)."""
    from contextlib import nullcontext

    from assistant.history.store import Store

    return nullcontext(None) if no_save else Store(directory=data_dir)


@cli.command()
@message_options
@click.option("--model", default=None, help="Count tokens for this model (default: the configured one).")
@one_line_errors
def prompt(model: str | None, **options: Any) -> None:
    """Print the messages the openai backend would send, with their token counts.

    \b
    Example:
      replyvoice prompt -p tiktok -m "welcher mahlgrad für french press?"
    """
    from assistant.backends.openai.tokens import budget_request
    from assistant.pipeline import build_request

    message, profile, tones = _inputs(options)
    request, _ = build_request(message, profile, tones)
    budget = budget_request(request, model=model or _configured_model())
    estimate = " (estimate: unknown model, counted with o200k_base)" if budget.estimate else ""
    for item, count in zip(budget.messages, (budget.system_tokens, budget.user_tokens), strict=False):
        click.echo(f"===== {item['role']} · {count} tokens ({budget.encoding}){estimate} =====")
        click.echo(item["content"])
    click.echo(f"===== prompt {budget.prompt_tokens} tokens in all; output capped at {budget.max_output_tokens} =====")


@cli.command()
@one_line_errors
def doctor() -> None:
    """Check the configured OpenAI-compatible endpoint and say what to fix.

    \b
    Example:
      OPENAI_BASE_URL=http://localhost:11434/v1 REPLYVOICE_MODEL=llama3.1 replyvoice doctor
    """
    from assistant.backends.openai.backend import doctor as run_doctor
    from assistant.settings import load_settings

    checks = run_doctor(load_settings())
    for check in checks:
        click.echo(f"{'ok  ' if check.ok else 'FAIL'}  {check.name}: {check.detail}")
    if not all(check.ok for check in checks):
        raise click.exceptions.Exit(1)


def _configured_model() -> str:
    from assistant.defaults import DEFAULT_MODEL
    from assistant.errors import ConfigError
    from assistant.settings import load_settings

    try:
        return load_settings().model
    except ConfigError:
        return DEFAULT_MODEL


def _inputs(options: dict[str, Any]) -> tuple[Any, Any, list[str] | None]:
    from assistant.models import Message
    from assistant.profiles.loading import load_profile

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
    """The chosen backend as a context manager; openai when configured and nothing was asked for."""
    from contextlib import nullcontext

    from assistant.backends.offline.composer import OfflineBackend
    from assistant.settings import openai_configured

    if name == "offline" or (name is None and not openai_configured()):
        return nullcontext(OfflineBackend())
    from assistant.backends.openai.backend import OpenAIBackend

    return OpenAIBackend.from_config()


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
    from assistant.profiles.loading import validate_dir

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

    from assistant.errors import InputError
    from assistant.profiles.loading import load_profile, profile_as_dict

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
    except Exception as exc:  # a bug, not a user error: still one line, never a traceback
        click.echo(f"replyvoice: internal error: {type(exc).__name__}: {exc} (please report this)", err=True)
        sys.exit(70)
    sys.exit(code if isinstance(code, int) else 0)


from assistant.cli.history import approve, history  # noqa: E402  (registered last: they use this module's helpers)

cli.add_command(approve)
cli.add_command(history)

from assistant.cli.batch import batch, eval_suite  # noqa: E402  (registered last: they import the group's helpers)

cli.add_command(batch)
cli.add_command(eval_suite, name="eval")
