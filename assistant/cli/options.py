"""What every command shares: the message, profile, backend and data-dir options, tones, one-line errors, inputs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from assistant.defaults import CHANNELS, MODES, PLATFORMS
from assistant.errors import ReplyvoiceError
from assistant.profiles.locating import EXAMPLE_BRAND, locate_personas
from assistant.settings import backend_name

if TYPE_CHECKING:
    from assistant.backends.base import Backend
    from assistant.models import Message
    from assistant.profiles.loading import VoiceProfile

F = TypeVar("F", bound=Callable[..., Any])
BACKENDS = ("offline", "openai")


def stack(*options: Callable[[F], F]) -> Callable[[F], F]:
    """Apply click options in the order they are listed (as --help shows them)."""

    def decorate(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def platform_option(*, required: bool, help: str) -> Callable[[F], F]:
    """--platform/-p with the three platforms."""
    return click.option("--platform", "-p", required=required, type=click.Choice(PLATFORMS), help=help)


message_options = stack(
    click.option("--message", "-m", "message", default="", help="The incoming message; - reads stdin."),
    platform_option(required=True, help="Where it arrived."),
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
)
personas_option = click.option(
    "--personas",
    default=None,
    type=click.Path(file_okay=False),
    help="Folder with one sub-folder per brand (default: $REPLYVOICE_PERSONAS, ./personas, "
    "your profile folder, else the example brand).",
)
profile_options = stack(
    personas_option,
    click.option("--brand", default=None, help="Brand folder name (default: the only or first one)."),
    click.option("--tones", default=None, help="Comma-separated tones (default: the brand's default tones)."),
)
backend_option = click.option(
    "--backend",
    type=click.Choice(BACKENDS),
    default=None,
    help="Default: $REPLYVOICE_BACKEND or the config file, else openai when configured "
    "(OPENAI_BASE_URL, OPENAI_API_KEY), else offline.",
)
data_dir_option = click.option(
    "--data-dir",
    default=None,
    type=click.Path(file_okay=False),
    help="History folder (default: $REPLYVOICE_DATA_DIR, the config file, else the user data dir).",
)


def split_tones(text: str | None) -> list[str] | None:
    """`warm, crisp` -> ["warm", "crisp"]; None or blank -> None (the brand's default tones)."""
    tones = [t.strip() for t in (text or "").split(",") if t.strip()]
    return tones or None


@contextmanager
def guarded() -> Iterator[None]:
    """Turn every expected error into a click error: one line on stderr, exit 1, never a traceback."""
    try:
        yield
    except ReplyvoiceError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from None


def one_line_errors(func: F) -> F:
    """The decorator form of guarded()."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with guarded():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def personas_dir(option: str | None) -> Path:
    """The personas folder (option, environment, ./personas, user folder); says so when it is the example brand."""
    found = locate_personas(option)
    if found.is_example:
        click.echo(
            f"replyvoice: no voice profiles found; using the example brand {EXAMPLE_BRAND} "
            "(create yours with `replyvoice init BRAND`)",
            err=True,
        )
    return found.path


def open_backend(option: str | None) -> AbstractContextManager[Backend]:
    """The backend chosen by --backend, $REPLYVOICE_BACKEND, the config file, else by configuration."""
    from assistant.backends import get_backend  # keeps assistant.backends out of --help and --version

    return get_backend(backend_name(option))


def read_thread(path: str | None) -> list[str]:
    """The non-empty lines of a thread file."""
    if not path:
        return []
    return [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def inputs(options: dict[str, Any]) -> tuple[Message, VoiceProfile, list[str] | None]:
    """The Message, the merged voice profile and the tones from the message and profile options."""
    from assistant.models import Message  # pydantic models load only when a command runs, not for --help
    from assistant.profiles.loading import load_profile

    text = sys.stdin.read() if options["message"] == "-" else options["message"]
    message = Message(
        text=text,
        platform=options["platform"],
        channel=options["channel"],
        mode=options["mode"],
        author=options["author"],
        post=options["post"],
        thread=read_thread(options["thread_file"]),
    )
    profile = load_profile(personas_dir(options["personas"]), options["brand"], options["platform"])
    return message, profile, split_tones(options["tones"])
