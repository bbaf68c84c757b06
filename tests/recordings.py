"""Recorded model answers: the exact requests the openai backend sends for the judge cases, and replaying them.

    python -m tests.recordings requests OUT_DIR [CASES.yaml]     write <id>.json request bodies
    python -m tests.recordings record REQUESTS ANSWERS [CASES]   store request + answer under tests/data/recordings
    python -m tests.recordings stale                             list recordings whose prompt changed (exit 1)

Without CASES.yaml, `requests` and `record` take the cases of the stale recordings: re-recording is
`requests OUT`, a stand-in model answering OUT/<id>.json into ANSWERS/<id>.json, then `record OUT ANSWERS`.

A recording holds the case, the request body, its fingerprint (sha256 of the body without the model name) and
the answer (the assistant message content). When prompts, schema or profile change, the fingerprint no longer
matches and `make recordings-stale` lists the recording.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
RECORDINGS = ROOT / "tests" / "data" / "recordings"
PERSONAS = ROOT / "personas"
MODEL = "stand-in"
TONES = ["warm", "playful", "crisp"]


def case_message(case: dict[str, Any]) -> Any:
    """The Message of one judge case."""
    from assistant.models import Message

    return Message(
        text=case.get("message") or "",
        platform=case["platform"],
        channel=case.get("channel", "comment"),
        mode=case.get("mode", "reply"),
        author=case.get("author"),
        post=case.get("post"),
    )


@cache
def _backend() -> Any:
    from assistant.backends.openai.backend import OpenAIBackend
    from assistant.settings import OpenAISettings

    settings = OpenAISettings(api_key="not-needed", base_url="http://127.0.0.1:9/v1", model=MODEL)
    return OpenAIBackend(settings=settings)


def request_body(case: dict[str, Any]) -> dict[str, Any]:
    """The chat-completions body the backend sends for a case (example brand, default tones)."""
    from assistant.pipeline import build_request
    from assistant.profiles.loading import load_profile

    profile = load_profile(PERSONAS, "bohnenkiez", case["platform"])
    request, _ = build_request(case_message(case), profile, TONES)
    return dict(_backend().request_params(request))


def fingerprint(body: dict[str, Any]) -> str:
    """A stable digest of what the model is shown (messages and response format; not the model name, nor the canary
    token, which changes with every edit of the profile, even of a fact's keywords that the model never sees)."""
    shown = {k: v for k, v in body.items() if k not in ("model", "stream", "stream_options")}
    dumped = CANARY.sub("rv-canary", json.dumps(shown, sort_keys=True, ensure_ascii=False))
    return hashlib.sha256(dumped.encode()).hexdigest()[:16]


CANARY = re.compile(r"\brv-[0-9a-f]{12}\b")


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of a judge_cases.yaml."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"])


def write_requests(out: Path, cases: list[dict[str, Any]]) -> int:
    """Write one <id>.json request body per case; returns how many."""
    out.mkdir(parents=True, exist_ok=True)
    for case in cases:
        body = request_body(case)
        (out / f"{case['id']}.json").write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(cases)


def record(requests: Path, answers: Path, cases: list[dict[str, Any]]) -> int:
    """Store each case with its request, fingerprint and answer under tests/data/recordings."""
    RECORDINGS.mkdir(parents=True, exist_ok=True)
    count = 0
    for case in cases:
        answer_file = answers / f"{case['id']}.json"
        if not answer_file.exists():
            continue
        body = json.loads((requests / f"{case['id']}.json").read_text(encoding="utf-8"))
        answer = answer_file.read_text(encoding="utf-8")
        fields = ("id", "platform", "channel", "mode", "author", "message", "post", "lang")
        kept = {k: case[k] for k in fields if k in case}
        recording = {"case": kept, "fingerprint": fingerprint(body), "request": body, "answer": answer}
        target = RECORDINGS / f"{case['id']}.json"
        target.write_text(json.dumps(recording, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        count += 1
    return count


def recordings() -> list[dict[str, Any]]:
    """Every stored recording, by id."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(RECORDINGS.glob("*.json"))]


def stale() -> list[str]:
    """Ids of recordings whose request would be different today."""
    return [c["id"] for c in stale_cases()]


def stale_cases() -> list[dict[str, Any]]:
    """The cases of the recordings whose request would be different today."""
    return [r["case"] for r in recordings() if fingerprint(request_body(r["case"])) != r["fingerprint"]]


def _cases(argv: list[str], at: int) -> list[dict[str, Any]]:
    """The cases of the file given at argv[at], or else those of the stale recordings."""
    return load_cases(Path(argv[at])) if len(argv) > at else stale_cases()


def main(argv: list[str]) -> int:
    """The command line (see the module docstring)."""
    if argv[:1] == ["requests"] and len(argv) >= 2:
        print(f"wrote {write_requests(Path(argv[1]), _cases(argv, 2))} requests")
        return 0
    if argv[:1] == ["record"] and len(argv) >= 3:
        print(f"stored {record(Path(argv[1]), Path(argv[2]), _cases(argv, 3))} recordings")
        return 0
    if argv[:1] == ["stale"]:
        ids = stale()
        for name in ids:
            print(f"stale: {name} (prompt fingerprint changed; re-record it)")
        print(f"{len(ids)} of {len(recordings())} recordings stale")
        return 1 if ids else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
