"""The labelled analysis corpus (tests/data/analysis_corpus): loading and the deterministic split."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from assistant.models import Message

CORPUS_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "analysis_corpus"
SPLITS = (("train", 0.70), ("dev", 0.85), ("test", 1.0))  # cumulative shares within each intent
Case = dict[str, Any]
FIRST_BATCH = "2026-11"  # files without a `batch:` key


def load_cases(directory: Path = CORPUS_DIR) -> list[Case]:
    """Every case of every corpus file, in file order, each with its file's batch."""
    cases: list[Case] = []
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases += [{**case, "batch": data.get("batch", FIRST_BATCH)} for case in data["cases"]]
    return cases


def split(cases: list[Case]) -> dict[str, list[Case]]:
    """70/15/15 train/dev/test, stratified by batch and intent, each group ordered by a hash of the id.

    A later batch of cases is split on its own, so adding one never moves an earlier case to another part.
    """
    by_intent: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for case in cases:
        by_intent[case.get("batch", FIRST_BATCH), case["intent"]].append(case)
    parts: dict[str, list[Case]] = {name: [] for name, _ in SPLITS}
    for group in by_intent.values():
        ordered = sorted(group, key=lambda c: _digest(c["id"]))
        for position, case in enumerate(ordered):
            parts[_part(position / len(ordered))].append(case)
    return parts


def _part(share: float) -> str:
    return next(name for name, upto in SPLITS if share < upto)


def _digest(case_id: str) -> str:
    return hashlib.sha256(case_id.encode("utf-8")).hexdigest()


def message_of(case: Case) -> Message:
    """The Message a corpus case describes."""
    return Message(
        text=case["message"],
        platform=case["platform"],
        channel=case.get("channel", "comment"),
        author=case.get("author"),
        thread=list(case.get("thread") or []),
    )
