"""How well the analysis reads the corpus: `make eval-analysis` (python -m assistant.analysis.evaluation).

Reports intent macro-F1, escalation team accuracy, sarcasm precision and recall, and question-to-fact
accuracy (each gold question aligned to the predicted question it shares most words with; correct when
the facts agree, None included) on one split of tests/data/analysis_corpus (test by default).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.analysis.corpus import Case, load_cases, message_of, split
from assistant.analysis.normal import read
from assistant.analysis.reading import analyse
from assistant.models import Analysis
from assistant.profiles.loading import VoiceProfile, load_profile

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"intent_macro_f1": 0.90, "team_accuracy": 0.95, "sarcasm_recall": 0.80, "sarcasm_precision": 0.85,
           "question_fact_accuracy": 0.90}  # fmt: skip


@dataclass
class Tally:
    """Gold and predicted labels collected over the cases."""

    intents: list[tuple[str, str]] = field(default_factory=list)
    teams: list[tuple[str, str]] = field(default_factory=list)
    sarcasm: list[tuple[bool, bool]] = field(default_factory=list)
    facts: list[tuple[str | None, str | None]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def evaluate(cases: list[Case], profiles: dict[str, VoiceProfile]) -> dict[str, float]:
    """The metrics of the analysis on some corpus cases."""
    tally = Tally()
    for case in cases:
        _count(tally, case, analyse(message_of(case), profiles[case["platform"]]))
    return metrics(tally)


def _count(tally: Tally, case: Case, analysis: Analysis) -> None:
    tally.intents.append((case["intent"], analysis.intent))
    tally.teams.append((case["team"], analysis.escalation.team if analysis.escalation else "none"))
    tally.sarcasm.append((bool(case["sarcasm"]), analysis.sarcasm))
    predicted = [(set(read(q.text).tokens), q.fact) for q in analysis.questions]
    for gold in case.get("questions") or []:
        tally.facts.append((gold["fact"], aligned_fact(set(read(gold["text"]).tokens), predicted)))


def aligned_fact(gold: set[str], predicted: list[tuple[set[str], str | None]]) -> str | None:
    """The fact of the predicted question sharing most words with the gold one (None when none shares any)."""
    scored = [(len(gold & words), fact) for words, fact in predicted]
    overlap, fact = max(scored, key=lambda item: item[0], default=(0, None))
    return fact if overlap else None


def metrics(tally: Tally) -> dict[str, float]:
    """Macro-F1, accuracies, precision and recall from the tally."""
    true_positive = sum(g and p for g, p in tally.sarcasm)
    return {
        "intent_macro_f1": macro_f1(tally.intents),
        "team_accuracy": _accuracy(tally.teams),
        "sarcasm_precision": true_positive / max(1, sum(p for _, p in tally.sarcasm)),
        "sarcasm_recall": true_positive / max(1, sum(g for g, _ in tally.sarcasm)),
        "question_fact_accuracy": _accuracy(tally.facts),
        "cases": float(len(tally.intents)),
        "questions": float(len(tally.facts)),
    }


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """The unweighted mean F1 over the gold classes."""
    gold, predicted = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    hits = Counter(g for g, p in pairs if g == p)
    scores = [2 * hits[c] / (gold[c] + predicted[c]) for c in gold]
    return sum(scores) / len(scores) if scores else 0.0


def _accuracy(pairs: Sequence[tuple[object, object]]) -> float:
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0


def profiles(personas: Path = ROOT / "personas", brand: str = "bohnenkiez") -> dict[str, VoiceProfile]:
    """The corpus brand's profile per platform."""
    return {p: load_profile(personas, brand, p) for p in ("tiktok", "instagram", "facebook")}


def main(argv: list[str] | None = None) -> None:
    """Print the metrics of one split against the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "test"), default="test")
    args = parser.parse_args(argv)
    cases = split(load_cases())[args.split]
    result = evaluate(cases, profiles())
    print(f"split {args.split}: {int(result['cases'])} cases, {int(result['questions'])} questions")
    for name, target in TARGETS.items():
        verdict = "ok" if result[name] >= target else "MISSED"
        print(f"  {name:24} {result[name]:.3f}  (target >= {target:.2f})  {verdict}")


if __name__ == "__main__":
    main()
