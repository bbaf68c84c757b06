"""The trained linear models, scored with numpy: TF-IDF weights and one weight matrix per head.

The file assistant/data/analysis_model.npz is built by `make model` (assistant/analysis/training.py);
no pickle and no scikit-learn at run time.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.defaults import DATA_DIR

MODEL_PATH = DATA_DIR / "analysis_model.npz"
LETTERS = "c:"  # features of the letter n-gram block (analysis.features), normalised apart from the words


@dataclass(frozen=True)
class Head:
    """One linear model: classes, weights (classes x features) and intercepts."""

    classes: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray

    def probabilities(self, index: np.ndarray, values: np.ndarray) -> dict[str, float]:
        """Class probabilities for one TF-IDF vector (softmax; a logistic curve for two classes)."""
        scores = self.coef[:, index].astype(np.float64) @ values + self.intercept
        if len(self.classes) == 2 and len(scores) == 1:
            positive = 1.0 / (1.0 + np.exp(-scores[0]))
            return {self.classes[0]: 1.0 - positive, self.classes[1]: positive}
        exp = np.exp(scores - scores.max())
        return dict(zip(self.classes, (exp / exp.sum()).tolist(), strict=True))


@dataclass(frozen=True)
class Model:
    """The vocabulary, its idf weights and the heads (intent, sentiment, emotion, ...).

    The letter n-grams (`letters`: True where a feature is one) form a block normalised on its own and
    scaled by `letter_weight`, as in training.
    """

    vocabulary: dict[str, int]
    idf: np.ndarray
    heads: dict[str, Head]
    meta: dict[str, Any]
    letters: np.ndarray
    letter_weight: float

    def vector(self, features: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sparse TF-IDF vector (sublinear tf, each block l2-normalised) as indices and values."""
        counts = Counter(self.vocabulary[f] for f in features if f in self.vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[index]
        letters = self.letters[index]
        for block, weight in ((~letters, 1.0), (letters, self.letter_weight)):
            norm = np.linalg.norm(values[block])
            values[block] *= weight / norm if norm else 0.0
        return index, values

    def predict(self, head: str, features: list[str]) -> dict[str, float]:
        """Class probabilities of one head for a list of features."""
        return self.heads[head].probabilities(*self.vector(features))

    def known_share(self, words: list[str]) -> float:
        """The share of words the model has seen in training (1.0 for no words)."""
        return sum(f"w:{w}" in self.vocabulary for w in words) / len(words) if words else 1.0


@lru_cache(maxsize=2)
def load_models(path: Path = MODEL_PATH) -> dict[str, Model]:
    """Load the model file once (a few milliseconds): one Model per feature space (message, question)."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    meta = json.loads(bytes(arrays["meta"]).decode("utf-8"))
    shared = {"fingerprint": meta["fingerprint"], "cases": meta["cases"]}
    return {space: _model(space, spec | shared, arrays) for space, spec in meta["spaces"].items()}


def _model(space: str, spec: dict[str, Any], arrays: dict[str, np.ndarray]) -> Model:
    vocabulary = bytes(arrays[f"{space}.vocabulary"]).decode("utf-8").split("\n")
    heads = {
        name: Head(
            classes=tuple(head["classes"]),
            coef=arrays[f"{space}.{name}.coef"],
            intercept=arrays[f"{space}.{name}.intercept"].astype(np.float64),
        )
        for name, head in spec["heads"].items()
    }
    idf = arrays[f"{space}.idf"].astype(np.float64)
    letters = np.fromiter((f.startswith(LETTERS) for f in vocabulary), dtype=bool, count=len(vocabulary))
    return Model(
        vocabulary={f: i for i, f in enumerate(vocabulary)},
        idf=idf,
        heads=heads,
        meta=spec,
        letters=letters,
        letter_weight=float(spec.get("letter_weight", 0.0)),
    )


def load_model(space: str = "message") -> Model:
    """The model of one feature space."""
    return load_models()[space]


def save_model(path: Path, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
    """Write the model reproducibly: fixed member order and timestamps, so equal input gives equal bytes."""
    members = {**arrays, "meta": np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8)}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(members[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())
