"""`replyvoice approve` and `replyvoice history`: the team's approved replies."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

DATA_DIR_OPTION = click.option(
    "--data-dir",
    default=None,
    type=click.Path(file_okay=False),
    help="History folder (default: $REPLYVOICE_DATA_DIR or the user data dir).",
)


def _store(data_dir: str | None) -> Any:
    from assistant.history.store import Store

    return Store(directory=data_dir)


@click.command()
@click.argument("draft_set_id", type=int)
@click.option("--tone", required=True, help="The tone of the draft to approve.")
@click.option("--text", "text_file", default=None, help="File with the edited text to approve instead; - reads stdin.")
@DATA_DIR_OPTION
def approve(draft_set_id: int, tone: str, text_file: str | None, data_dir: str | None) -> None:
    """Approve one draft of a saved draft set (as drafted, or edited).

    \b
    Examples:
      replyvoice approve 12 --tone warm
      echo "Danke dir, wir kümmern uns!" | replyvoice approve 12 --tone crisp --text -
    """
    from assistant.cli.root import guarded

    with guarded(), _store(data_dir) as store:
        text = None if text_file is None else _read_text(text_file)
        approval = store.approve(draft_set_id, tone, text)
        click.echo(f"approved #{approval.id} ({approval.platform}, {approval.tone}): {approval.text}")


def _read_text(source: str) -> str:
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    return text.strip()


@click.group(invoke_without_command=True)
@click.option("--platform", default=None, help="Only this platform.")
@click.option("--intent", default=None, help="Only this intent.")
@click.option("--search", default=None, help="Text to look for in the message or the reply.")
@click.option("--brand", default=None, help="Only this brand.")
@click.option("--limit", default=20, show_default=True)
@DATA_DIR_OPTION
@click.pass_context
def history(ctx: click.Context, **filters: Any) -> None:
    """List approved replies, newest first (subcommands: export, import, edits).

    \b
    Examples:
      replyvoice history --platform tiktok --intent refund_request
      replyvoice history --search "French Press"
      replyvoice history export --format csv --output approved.csv
    """
    ctx.obj = filters
    if ctx.invoked_subcommand is not None:
        return
    from assistant.cli.root import guarded

    with guarded(), _store(filters.pop("data_dir")) as store:
        for item in store.approvals(**filters):
            click.echo(f"#{item.id} {item.created_at} {item.platform}/{item.channel} {item.intent} ({item.tone})")
            click.echo(f"   message: {item.message[:100]}")
            click.echo(f"   reply:   {item.text}")


@history.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl", show_default=True)
@click.option("--output", default="-", help="File to write; - for stdout.")
@click.pass_obj
def export(filters: dict[str, Any], fmt: str, output: str) -> None:
    """Write the (filtered) approved replies as CSV or JSONL."""
    from assistant.cli.root import guarded

    with guarded(), _store(filters.pop("data_dir")) as store:
        filters["limit"] = 1_000_000 if filters["limit"] == 20 else filters["limit"]
        approvals = store.approvals(**filters)
        with click.open_file(output, "w", encoding="utf-8") as out:
            count = store.export(out, fmt, approvals)
        click.echo(f"exported {count} approved replies", err=True)


@history.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--brand", "default_brand", required=True, help="Brand for rows that do not name one.")
@click.pass_obj
def import_(filters: dict[str, Any], path: str, default_brand: str) -> None:
    """Import past replies from CSV or JSONL (columns: text, platform; optional message, intent, tone, channel)."""
    from assistant.cli.root import guarded
    from assistant.history.transfer import read_records

    with guarded(), _store(filters["data_dir"]) as store:
        stored, problems = store.import_rows(read_records(Path(path)), brand=default_brand)
        for problem in problems:
            click.echo(f"{path}: {problem}; skipped", err=True)
        click.echo(f"imported {stored} {'reply' if stored == 1 else 'replies'}")


@history.command("edits")
@click.pass_obj
def edits(filters: dict[str, Any]) -> None:
    """Show what people change most before approving (e.g. removed the emoji)."""
    from assistant.cli.root import guarded
    from assistant.history.habits import edit_summary

    with guarded(), _store(filters["data_dir"]) as store:
        lines = edit_summary(store.edits(platform=filters["platform"]))
        click.echo("\n".join(lines) or "not enough edits yet")
