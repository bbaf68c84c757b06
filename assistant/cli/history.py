"""`replyvoice approve` and `replyvoice history`: saved draft sets and the team's approved replies."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from assistant.cli.options import data_dir_option, guarded, one_line_errors, personas_dir, personas_option, stack
from assistant.cli.render import plural
from assistant.defaults import PLATFORMS
from assistant.errors import InputError

if TYPE_CHECKING:
    from assistant.history.store import Store

LIST_LIMIT = 20
platform_filter = click.option("--platform", type=click.Choice(PLATFORMS), default=None, help="Only this platform.")
brand_filter = click.option("--brand", default=None, help="Only this brand.")
limit_filter = click.option(
    "--limit", type=click.IntRange(min=1), default=None, help=f"At most this many (default {LIST_LIMIT}; export: all)."
)
approval_filters = stack(
    platform_filter,
    click.option("--intent", default=None, help="Only this intent."),
    click.option("--search", default=None, help="Text to look for in the message or the reply."),
    brand_filter,
    limit_filter,
    data_dir_option,
)


def _store(data_dir: str | None) -> Store:
    """The history database in the chosen folder."""
    from assistant.history.store import Store  # sqlite and pydantic load only when a command runs

    return Store(directory=data_dir)


def _filters(ctx: click.Context, own: dict[str, Any]) -> dict[str, Any]:
    """The filters given before the subcommand, overridden by those given after it."""
    before = ctx.parent.params if ctx.parent else {}
    return {**before, **{key: value for key, value in own.items() if value is not None}}


@click.command()
@click.argument("draft_set_id", type=int)
@click.option("--tone", required=True, help="The tone of the draft to approve.")
@click.option("--text", "text_file", default=None, help="File with the edited text to approve instead; - reads stdin.")
@click.option("--force", is_flag=True, help="Approve although a blocking check fails (the history records it).")
@personas_option
@data_dir_option
@one_line_errors
def approve(
    draft_set_id: int, tone: str, text_file: str | None, force: bool, personas: str | None, data_dir: str | None
) -> None:
    """Approve one draft of a saved draft set (as drafted, or edited).

    `replyvoice history drafts` lists the saved draft sets with their ids. The text is checked
    again first: when a blocking check fails, approve refuses unless --force is given, and the
    history records that the approval was forced.

    \b
    Examples:
      replyvoice approve 12 --tone warm
      echo "Danke dir, wir kümmern uns!" | replyvoice approve 12 --tone crisp --text -
      replyvoice approve 12 --tone crisp --text edited.txt --force
    """
    from assistant.workspace.review import approve_checked  # the guard loads only when approving

    with _store(data_dir) as store:
        text = None if text_file is None else _read_text(text_file)
        folder = personas_dir(personas)
        approval, failing = approve_checked(store, draft_set_id, tone, text, personas=folder, force=force)
    if approval is None:
        raise InputError(f"blocking checks fail: {', '.join(failing)}; fix the text or pass --force to approve anyway")
    forced = " (forced past: " + ", ".join(failing) + ")" if failing else ""
    click.echo(f"approved #{approval.id} ({approval.platform}, {approval.tone}){forced}: {approval.text}")


def _read_text(source: str) -> str:
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    return text.strip()


@click.group(invoke_without_command=True)
@approval_filters
@click.pass_context
def history(ctx: click.Context, **filters: Any) -> None:
    """List approved replies, newest first (subcommands: drafts, export, import, edits).

    Filters work before or after a subcommand.

    \b
    Examples:
      replyvoice history --platform tiktok --intent refund_request
      replyvoice history --search "French Press"
      replyvoice history drafts
      replyvoice history export --platform tiktok --format csv --output approved.csv
    """
    if ctx.invoked_subcommand is not None:
        return
    with guarded(), _store(filters.pop("data_dir")) as store:
        filters["limit"] = filters["limit"] or LIST_LIMIT
        for item in store.approvals(**filters):
            where = f"{item.platform}/{item.channel}"
            click.echo(f"#{item.id} {_local(item.created_at)} {where} {item.intent} ({item.tone})")
            click.echo(f"   message: {item.message[:100]}")
            click.echo(f"   reply:   {item.text}")
    click.echo("draft sets waiting for approval: replyvoice history drafts", err=True)


@history.command("drafts")
@platform_filter
@brand_filter
@limit_filter
@data_dir_option
@click.pass_context
@one_line_errors
def drafts(ctx: click.Context, **own: Any) -> None:
    """List saved draft sets, newest first: id (for `replyvoice approve`), time, platform, message, approved."""
    filters = _filters(ctx, own)
    with _store(filters["data_dir"]) as store:
        limit = filters["limit"] or LIST_LIMIT
        rows = store.draft_sets(brand=filters["brand"], platform=filters["platform"], limit=limit)
    for row in rows:
        state = "approved" if row["approved"] else "open"
        message = " ".join(row["message"].split())
        click.echo(f"#{row['id']}  {_local(row['created_at'])}  {row['platform']:<9}  {state:<8}  {message[:60]}")
    if not rows:
        click.echo("no draft sets yet; `replyvoice draft` saves one each run", err=True)


def _local(stamp: str) -> str:
    """A stored UTC timestamp in local time, to the minute."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


@history.command("export")
@approval_filters
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="jsonl", show_default=True)
@click.option("--output", default="-", help="File to write; - for stdout.")
@click.pass_context
@one_line_errors
def export(ctx: click.Context, fmt: str, output: str, **own: Any) -> None:
    """Write the (filtered) approved replies as CSV or JSONL (all of them unless --limit says otherwise)."""
    filters = _filters(ctx, own)
    with _store(filters.pop("data_dir")) as store:
        filters["limit"] = filters["limit"] or sys.maxsize
        approvals = store.approvals(**filters)
        with click.open_file(output, "w", encoding="utf-8") as out:
            count = store.export(out, fmt, approvals)
    click.echo(f"exported {plural(count, 'approved reply', 'approved replies')}", err=True)


@history.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--brand", "default_brand", required=True, help="Brand for rows that do not name one.")
@data_dir_option
@click.pass_context
@one_line_errors
def import_(ctx: click.Context, path: str, default_brand: str, data_dir: str | None) -> None:
    """Import past replies from CSV or JSONL (columns: text, platform; optional message, intent, tone, channel)."""
    from assistant.history.transfer import read_records  # (only this command reads import files)

    with _store(_filters(ctx, {"data_dir": data_dir})["data_dir"]) as store:
        stored, problems = store.import_rows(read_records(Path(path)), brand=default_brand)
    for problem in problems:
        click.echo(f"{path}: {problem}; skipped", err=True)
    click.echo(f"imported {plural(stored, 'reply', 'replies')}")


@history.command("edits")
@platform_filter
@data_dir_option
@click.pass_context
@one_line_errors
def edits(ctx: click.Context, **own: Any) -> None:
    """Show what people change most before approving (e.g. removed the emoji)."""
    from assistant.history.habits import edit_summary  # only this subcommand needs it

    filters = _filters(ctx, own)
    with _store(filters["data_dir"]) as store:
        lines = edit_summary(store.edits(platform=filters["platform"]))
    click.echo("\n".join(lines) or "not enough edits yet")
