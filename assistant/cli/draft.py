"""`replyvoice draft` and `replyvoice prompt`: draft replies for one message, or show the prompt."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any

import click

from assistant.cli.options import (
    backend_option,
    data_dir_option,
    inputs,
    message_options,
    one_line_errors,
    open_backend,
    profile_options,
)
from assistant.defaults import DEFAULT_MODEL
from assistant.errors import ConfigError
from assistant.settings import load_settings

if TYPE_CHECKING:
    from assistant.backends.base import Backend
    from assistant.history.store import Store
    from assistant.models import DraftSet, Message
    from assistant.profiles.loading import VoiceProfile


@click.command()
@message_options
@profile_options
@backend_option
@click.option("--no-fallback", is_flag=True, help="Fail instead of falling back to the offline composer.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table.")
@click.option(
    "--stream",
    is_flag=True,
    help="Print each draft (checked) as soon as the model has written it; with --json one JSON line per draft, "
    "then the draft set.",
)
@click.option("--no-save", is_flag=True, help="Neither read nor write the history (no repetition check).")
@data_dir_option
@one_line_errors
def draft(
    backend: str | None,
    no_fallback: bool,
    as_json: bool,
    stream: bool,
    no_save: bool,
    data_dir: str | None,
    **options: Any,
) -> None:
    """Draft one reply per tone for an incoming message.

    \b
    Examples:
      replyvoice draft --platform tiktok --message "ich will mein geld zurück. SOFORT!!!11" \\
          --author petens022 --json
      replyvoice draft -p instagram -c dm -m "Mein Paket kam beschädigt an, Bestellung 48213"
      replyvoice draft -p tiktok --mode outreach --post "Mein Budget-Frühstück für 1,50 €"
      OPENAI_BASE_URL=http://localhost:8000/v1 replyvoice draft -p facebook -m "Hallo!" --backend openai
      replyvoice draft -p instagram -c dm -m "Wo bleibt mein Paket?" --stream

    With nothing configured, a model server on this machine (Ollama, llama.cpp, LM Studio, vLLM) is used
    when one is running; REPLYVOICE_BACKEND=offline turns this off.
    """
    from assistant.backends import discovery_note  # the pipeline loads when drafting, not for --help
    from assistant.cli.render import draft_table
    from assistant.pipeline import draft as run_draft

    message, profile, tones = inputs(options)
    with open_backend(backend) as chosen, _history(data_dir, no_save) as store:
        note = discovery_note(chosen)
        if note:
            click.echo(note, err=True)
        if stream:
            result = _streamed(message, profile, tones, chosen, fallback=not no_fallback, store=store, as_json=as_json)
        else:
            result = run_draft(message, profile, tones, chosen, fallback=not no_fallback, history=store)
        saved = store.save_draft_set(result) if store else None
    if stream:
        _after_stream(result, saved, as_json)
        return
    if as_json:
        click.echo(json.dumps({"id": saved, **result.contract()}, ensure_ascii=False, indent=2))
        return
    click.echo(draft_table(result))
    if saved is not None:
        click.echo(f"\nsaved as draft set #{saved}; approve one with: replyvoice approve {saved} --tone TONE")


def _streamed(
    message: Message, profile: VoiceProfile, tones: list[str] | None, backend: Backend, **how: Any
) -> DraftSet:
    """Draft with the streaming pipeline, printing each checked draft the moment it is complete."""
    from assistant.cli.render import _draft_block  # one draft's block, as the table shows it
    from assistant.models import DraftSet
    from assistant.pipeline import draft_stream

    result = None
    items = draft_stream(message, profile, tones, backend, fallback=how["fallback"], history=how["store"])
    for item in items:
        if isinstance(item, DraftSet):
            result = item
        elif how["as_json"]:
            click.echo(json.dumps({"draft": item.model_dump(mode="json")}, ensure_ascii=False))
        else:
            click.echo("\n".join(_draft_block(item)))
    assert result is not None
    return result


def _after_stream(result: DraftSet, saved: int | None, as_json: bool) -> None:
    """After the streamed drafts: the draft set (JSON), or what changed since they were printed and the rest."""
    from assistant.cli.render import _draft_block, draft_table

    if as_json:
        click.echo(json.dumps({"id": saved, **result.contract()}, ensure_ascii=False))
        return
    if result.fallback_reason:
        click.echo(draft_table(result))
    else:
        for item in (d for d in result.drafts if d.repaired):
            click.echo("\n".join(["(repaired)", *_draft_block(item)]))
        a = result.analysis
        click.echo(f"{result.profile} · backend {result.backend} · {result.elapsed_ms:.0f} ms · intent {a.intent}")
        for line in [*result.notices, *([result.tone_note] if result.tone_note else [])]:
            click.echo(f"note: {line}")
        if result.handoff:
            click.echo(f"── handoff to {result.handoff.team} ──\n{result.handoff.note}")
    if saved is not None:
        click.echo(f"\nsaved as draft set #{saved}; approve one with: replyvoice approve {saved} --tone TONE")


def _history(data_dir: str | None, no_save: bool) -> AbstractContextManager[Store | None]:
    """The history store (a null context with --no-save)."""
    from assistant.history.store import Store  # sqlite and the store load only when drafting saves

    return nullcontext(None) if no_save else Store(directory=data_dir)


@click.command()
@message_options
@profile_options
@click.option("--model", default=None, help="Count tokens for this model (default: the configured one).")
@one_line_errors
def prompt(model: str | None, **options: Any) -> None:
    """Print the messages the openai backend would send, with their token counts.

    \b
    Example:
      replyvoice prompt -p tiktok -m "welcher mahlgrad für french press?"
    """
    from assistant.backends.openai.tokens import budget_request  # tiktoken loads only for this command
    from assistant.pipeline import build_request

    message, profile, tones = inputs(options)
    request, _ = build_request(message, profile, tones)
    budget = budget_request(request, model=model or _configured_model())
    estimate = " (estimate: unknown model, counted with o200k_base)" if budget.estimate else ""
    for item, count in zip(budget.messages, (budget.system_tokens, budget.user_tokens), strict=False):
        click.echo(f"===== {item['role']} · {count} tokens ({budget.encoding}){estimate} =====")
        click.echo(item["content"])
    click.echo(f"===== prompt {budget.prompt_tokens} tokens in all; output capped at {budget.max_output_tokens} =====")


def _configured_model() -> str:
    """The configured model, else the default one (prompt needs no API key)."""
    try:
        return load_settings().model
    except ConfigError:
        return DEFAULT_MODEL
