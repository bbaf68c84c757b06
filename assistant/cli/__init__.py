"""The `replyvoice` command: a root group that imports a subcommand's module only when it runs or shows its help."""

from __future__ import annotations

import importlib
import sys

import click

# name -> ("module:attribute", the one-line help `replyvoice --help` shows without importing the module)
COMMANDS: dict[str, tuple[str, str]] = {
    "draft": ("assistant.cli.draft:draft", "Draft one reply per tone for an incoming message."),
    "check": ("assistant.cli.check:check", "Check your own reply against the brand's rules before you post it."),
    "prompt": (
        "assistant.cli.draft:prompt",
        "Print the messages the openai backend would send, with their token counts.",
    ),
    "init": (
        "assistant.cli.profiles:init",
        "Create a voice profile for BRAND: brand.yaml plus tiktok, instagram and facebook files.",
    ),
    "profiles": ("assistant.cli.profiles:profiles", "Validate and inspect voice profiles."),
    "approve": ("assistant.cli.history:approve", "Approve one draft of a saved draft set (as drafted, or edited)."),
    "history": (
        "assistant.cli.history:history",
        "List approved replies, newest first (subcommands: drafts, export, import, edits).",
    ),
    "batch": (
        "assistant.cli.batch:batch",
        "Draft replies for many messages at once (CSV or JSONL in, JSONL or CSV out).",
    ),
    "eval": (
        "assistant.cli.batch:eval_suite",
        "Run a voice-profile test suite: draft each case and check its expectations.",
    ),
    "doctor": ("assistant.cli.doctor:doctor", "Check the configured OpenAI-compatible endpoint and say what to fix."),
    "app": ("assistant.cli.app:app", "Start the replyvoice app (Streamlit) and open it in the browser."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are "module:attribute" strings, imported on first use (see click's docs)."""

    def __init__(self, *args: object, lazy: dict[str, tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, eager and lazy."""
        return [*super().list_commands(ctx), *self.lazy]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, importing its module if it is a lazy one."""
        if cmd_name not in self.lazy:
            return super().get_command(ctx, cmd_name)
        module, _, attribute = self.lazy[cmd_name][0].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{module}:{attribute} is not a click command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands with their stored one-line help, importing none of them."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, short) for name, (_, short) in self.lazy.items()])


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="replyvoice")
def cli() -> None:
    """Draft individual replies in your brand's voice for TikTok, Instagram and Facebook.

    \b
    Examples:
      replyvoice draft --platform tiktok --message "welcher mahlgrad für french press?"
      replyvoice draft --platform facebook --channel dm --message - < dm.txt --json
      replyvoice init acme --language de
      replyvoice profiles validate personas/
      replyvoice app
    """


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
