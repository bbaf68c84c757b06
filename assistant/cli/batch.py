"""`replyvoice batch` (and `batch collect`) and `replyvoice eval`: many messages at once, and test suites."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from assistant.cli.options import (
    backend_option,
    one_line_errors,
    open_backend,
    personas_dir,
    platform_option,
    profile_options,
    split_tones,
    stack,
)
from assistant.errors import InputError

if TYPE_CHECKING:
    from assistant.batch.jobs import Job, Reporter, Summary
    from assistant.batch.progress import Progress

USAGE = "INPUT [OPTIONS] | collect RESULTS --input INPUT [OPTIONS]"


class _DefaultRun(click.Group):
    """`replyvoice batch INPUT ...` runs the hidden `run` command; its --help lists the run options."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Insert `run` unless a subcommand or --help comes first."""
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = ["run", *args]
        return super().parse_args(ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The options of `batch INPUT` (the run command), then the subcommands."""
        run_command = self.commands["run"]
        run_command.format_options(click.Context(run_command, info_name="batch", parent=ctx.parent), formatter)
        self.format_commands(ctx, formatter)


@click.group(cls=_DefaultRun, subcommand_metavar=USAGE, options_metavar="")
def batch() -> None:
    """Draft replies for many messages at once (CSV or JSONL in, JSONL or CSV out).

    \b
    Input columns: id, platform, channel, mode, author, message, post
    (only message and platform are required; id defaults to the line number).
    Results are appended as each row finishes: rerun the same command after
    Ctrl-C or a crash and it continues where it stopped.

    \b
    Examples:
      replyvoice batch comments.csv --output drafts.jsonl
      replyvoice batch comments.csv -o drafts.csv --backend openai --concurrency 16 --rpm 500
      replyvoice batch comments.jsonl --emit-openai-batch requests.jsonl
      replyvoice batch collect results.jsonl --input comments.jsonl --output drafts.jsonl
    """


job_options = stack(
    click.option("--output", "-o", "output", type=click.Path(dir_okay=False), help="Result file (appended)."),
    click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), help="Default: by --output suffix."),
    platform_option(required=False, help="Platform for rows without one."),
    profile_options,
    click.option("--no-fallback", is_flag=True, help="Count a failed request as a failed row instead."),
    click.option("--quiet", "-q", is_flag=True, help="No progress output (the summary is still printed)."),
)


@batch.command("run", hidden=True)
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False))
@job_options
@backend_option
@click.option("--concurrency", "-j", default=8, show_default=True, type=click.IntRange(1, 512), help="openai only.")
@click.option("--rpm", type=click.FloatRange(min=0, min_open=True), help="Requests per minute at most (openai).")
@click.option("--tpm", type=click.FloatRange(min=0, min_open=True), help="Tokens per minute at most (openai).")
@click.option(
    "--emit-openai-batch",
    "emit_file",
    type=click.Path(dir_okay=False),
    help="Write the requests as an OpenAI Batch API file instead of drafting.",
)
@one_line_errors
def run(input_path: str, backend: str | None, emit_file: str | None, **options: Any) -> None:
    """Draft every row of INPUT and append the results to --output."""
    from assistant.batch.jobs import run as run_batch  # the batch machinery loads only when it runs

    if emit_file:
        return _emit(Path(input_path), Path(emit_file), options)
    job = _job(Path(input_path), options)
    limits = {key: options.pop(key) for key in ("concurrency", "rpm", "tpm")}
    with open_backend(backend) as chosen, _interruptible() as reporter:
        # A backend that carries OpenAI settings drafts concurrently through AsyncOpenAI; any other in-process.
        settings = getattr(chosen, "settings", None)
        progress = _progress(options["quiet"])
        summary = run_batch(job, settings=settings, reporter=reporter, make_progress=progress, **limits)
    _finish(summary)


@batch.command("collect")
@click.argument("results", type=click.Path(exists=True, dir_okay=False))
@click.option("--input", "-i", "input_path", required=True, type=click.Path(exists=True, dir_okay=False))
@job_options
@one_line_errors
def collect(results: str, input_path: str, **options: Any) -> None:
    """Turn an OpenAI Batch API results file into the same output as `batch` (needs the input).

    \b
    Example:
      replyvoice batch collect batch_abc_output.jsonl --input comments.csv --output drafts.jsonl
    """
    from assistant.batch.openai_files import batch_settings  # the batch machinery loads only when it runs
    from assistant.batch.openai_files import collect as collect_results

    job = _job(Path(input_path), options)
    with _interruptible() as reporter:
        summary = collect_results(
            job, Path(results), settings=batch_settings(), reporter=reporter, make_progress=_progress(options["quiet"])
        )
    _finish(summary)


def _job(input_path: Path, options: dict[str, Any], output: Path | None = None) -> Job:
    """The batch job the options describe (output: --output, or the Batch API file being written)."""
    from assistant.batch.files import format_of  # the batch machinery (and the backends) load only when it runs
    from assistant.batch.jobs import Job

    target = output or (Path(options["output"]) if options["output"] else None)
    if target is None:
        raise InputError("missing --output FILE (or --emit-openai-batch FILE)")
    return Job(
        input=input_path,
        output=target,
        format=format_of(target, None if output else options["fmt"]),
        personas=personas_dir(options["personas"]),
        brand=options["brand"],
        tones=split_tones(options["tones"]),
        fallback=not options["no_fallback"],
        platform=options["platform"],
    )


def _emit(input_path: Path, target: Path, options: dict[str, Any]) -> None:
    """Write an OpenAI Batch API requests file instead of drafting."""
    from assistant.batch.jobs import Reporter  # the batch machinery loads only when it runs
    from assistant.batch.openai_files import batch_settings, emit

    reporter = Reporter()
    settings = batch_settings()
    counts = emit(_job(input_path, options, output=target), target, settings=settings, reporter=reporter)
    for note in reporter.notes:
        click.echo(note, err=True)
    click.echo(
        f"wrote {counts.requests} requests for {settings.model} to {target} "
        f"(malformed {counts.malformed}, failed {counts.failed}); upload it with purpose=batch, then "
        f"`replyvoice batch collect RESULTS.jsonl --input {input_path} --output OUT`",
        err=True,
    )
    if counts.failed:
        raise click.exceptions.Exit(1)


def _progress(quiet: bool) -> Callable[[int], Progress]:
    """A factory for the progress display (silent with --quiet)."""
    from assistant.batch.progress import Progress  # imported with the batch machinery, not for --help

    return lambda total: Progress(total=total, enabled=not quiet)


@contextmanager
def _interruptible() -> Iterator[Reporter]:
    """A Reporter whose stop flag the first Ctrl-C sets; the second Ctrl-C stops at once."""
    from assistant.batch.jobs import Reporter  # the batch machinery loads only when it runs

    reporter = Reporter()
    if threading.current_thread() is not threading.main_thread():
        yield reporter
        return

    def on_sigint(signum: int, frame: Any) -> None:
        if reporter.stop.is_set():
            raise KeyboardInterrupt
        reporter.stop.set()
        reporter.note("stopping after the rows in progress (Ctrl-C again to stop at once)")

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield reporter
    finally:
        signal.signal(signal.SIGINT, previous)


def _finish(summary: Summary) -> None:
    """Print the summary; exit 130 when interrupted, 1 when a row failed."""
    for line in summary.lines():
        click.echo(line, err=True)
    if summary.interrupted:
        raise click.exceptions.Exit(130)
    if summary.failed:
        raise click.exceptions.Exit(1)


@click.command("eval")
@click.argument("suite", type=click.Path(exists=True, dir_okay=False))
@backend_option
@click.option("--junit", type=click.Path(dir_okay=False), help="Also write JUnit XML for CI.")
@click.option("--personas", default=None, type=click.Path(file_okay=False), help="Default: the suite's folder.")
@click.option("--brand", default=None, help="Default: the suite's brand or folder.")
@one_line_errors
def eval_suite(suite: str, backend: str | None, junit: str | None, personas: str | None, brand: str | None) -> None:
    """Run a voice-profile test suite: draft each case and check its expectations.

    Exits non-zero when a case fails (cases marked `xfail` are reported, not failing).

    \b
    Examples:
      replyvoice eval personas/bohnenkiez/eval.yaml
      replyvoice eval personas/bohnenkiez/eval.yaml --backend offline --junit eval.xml
    """
    from assistant.batch.evaluation import junit_xml, run_suite, summary_line, table  # loads the pipeline

    with open_backend(backend) as chosen:
        outcome = run_suite(Path(suite), backend=chosen, personas=Path(personas) if personas else None, brand=brand)
    click.echo(table(outcome))
    click.echo(summary_line(outcome))
    if junit:
        Path(junit).write_text(junit_xml(outcome), encoding="utf-8")
    if not outcome.ok:
        raise click.exceptions.Exit(1)
