"""`replyvoice profiles validate|show` and `replyvoice init`: check, inspect and start voice profiles."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from assistant.cli.options import one_line_errors, personas_dir, personas_option
from assistant.errors import InputError
from assistant.profiles.locating import locate_personas, user_personas
from assistant.settings import personas_option as configured

LANGUAGES = ("de", "en")
ADDRESSES = ("du", "Sie", "you")


@click.group()
def profiles() -> None:
    """Validate and inspect voice profiles.

    \b
    Examples:
      replyvoice profiles validate personas/
      replyvoice profiles show bohnenkiez/tiktok
    """


@profiles.command("validate")
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@one_line_errors
def validate(directory: str | None) -> None:
    """Check every brand and platform profile in DIRECTORY and report every problem at once.

    DIRECTORY defaults to where `draft` looks ($REPLYVOICE_PERSONAS, ./personas,
    your profile folder, else the example brand). Exits 1 when a file is invalid,
    when no brand is found, or when a brand has no platform file.

    \b
    Examples:
      replyvoice profiles validate
      replyvoice profiles validate ~/brands
    """
    from assistant.profiles.checking import check_dir  # pydantic loads only when checking, not for --help

    report = check_dir(Path(directory) if directory else personas_dir(None))
    for key in report.valid:
        click.echo(f"ok  {key}")
    for problem in report.problems:
        click.echo(f"replyvoice: error: {problem}", err=True)
    if report.ok:
        click.echo(f"{len(report.valid)} profile(s) valid")
        return
    click.echo(f"{len(report.valid)} profile(s) valid, {len(report.problems)} problem(s)")
    raise click.exceptions.Exit(1)


@profiles.command("show")
@click.argument("key", metavar="BRAND/PLATFORM")
@personas_option
@one_line_errors
def show(key: str, personas: str | None) -> None:
    """Print the merged profile (brand plus platform) as YAML.

    \b
    Example:
      replyvoice profiles show bohnenkiez/tiktok
    """
    import yaml  # only this command prints YAML

    from assistant.profiles.loading import load_profile, profile_as_dict  # pydantic: not for --help

    brand, _, platform = key.partition("/")
    if not brand or not platform:
        raise InputError(f"{key!r}: write BRAND/PLATFORM, e.g. bohnenkiez/tiktok")
    profile = load_profile(personas_dir(personas), brand, platform)
    click.echo(yaml.safe_dump(profile_as_dict(profile), allow_unicode=True, sort_keys=False).rstrip())


@click.command()
@click.argument("brand")
@click.option("--personas", default=None, type=click.Path(file_okay=False), help="Default: your profile folder.")
@click.option("--language", type=click.Choice(LANGUAGES), help="The language you answer in (default: de).")
@click.option("--address", type=click.Choice(ADDRESSES), help="How replies address people: du or Sie (de), you (en).")
@click.option("--description", help="Who speaks for the brand, in one sentence (identity.speaker).")
@one_line_errors
def init(brand: str, personas: str | None, language: str | None, address: str | None, description: str | None) -> None:
    """Create a voice profile for BRAND: brand.yaml plus tiktok, instagram and facebook files.

    Every field is commented, with the example brand's values as guidance; the
    result validates and drafts at once. Without flags, in a terminal, it asks;
    otherwise missing flags take their defaults. An existing brand is never overwritten.

    \b
    Examples:
      replyvoice init acme
      replyvoice init acme --language en --description "The support team at Acme, makers of anvils."
      replyvoice init kiezbaeckerei --personas personas/ --language de --address Sie
    """
    from assistant.profiles.scaffold import NewBrand, scaffold  # jinja2 and pydantic: not for --help

    target = _init_target(personas)
    if sys.stdin.isatty():
        language, address, description = _ask(language, address, description)
    language = language or "de"
    address = address or ("du" if language == "de" else "you")
    folder = scaffold(target, NewBrand(slug=brand, language=language, address=address, description=description or ""))
    click.echo(f"wrote {folder}: brand.yaml, tiktok.yaml, instagram.yaml, facebook.yaml")
    click.echo(f"check it:  replyvoice profiles validate {target}")
    click.echo(f'try it:    replyvoice draft{_personas_flag(target)} --brand {brand} -p tiktok -m "..."')


def _init_target(option: str | None) -> Path:
    """--personas, $REPLYVOICE_PERSONAS or the config file, else the user's profile folder."""
    return configured(option) or user_personas()


def _ask(language: str | None, address: str | None, description: str | None) -> tuple[str, str, str]:
    """Prompt for what the flags did not say."""
    language = language or click.prompt("Language", type=click.Choice(LANGUAGES), default="de")
    forms = ("du", "Sie") if language == "de" else ("you",)
    address = address or click.prompt("Address form", type=click.Choice(forms), default=forms[0])
    if description is None:
        description = click.prompt("Who speaks for the brand (one sentence, Enter to skip)", default="")
    return language, address, description


def _personas_flag(target: Path) -> str:
    """` --personas DIR` when `draft` would not find the new brand by itself."""
    found = locate_personas()
    return "" if found.path.resolve() == target.resolve() else f" --personas {target}"
