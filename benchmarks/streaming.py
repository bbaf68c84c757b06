"""Time to the first draft and to the whole set, streaming vs not, against a model that writes at a fixed rate.

A local OpenAI-compatible server plays a model that produces `--tokens-per-second` tokens (4 characters
each) of a realistic draft-set answer (reading, tone note, three drafts). Without streaming it answers
once the whole answer is "written"; with streaming it sends each token as it is written (server-sent
events). The client is the real openai backend through the pipeline (`draft` vs `draft_stream`), checks
included: the first draft counts when the pipeline hands it out, checked.

    python -m benchmarks.streaming [--tokens-per-second 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from assistant import Message, load_profile
from assistant.backends.openai.backend import OpenAIBackend
from assistant.models import DraftSet
from assistant.pipeline import draft, draft_stream
from assistant.settings import OpenAISettings

from .common import ROOT, save, stats, table

CHARS_PER_TOKEN = 4
MESSAGE = "Hab am Montag bestellt und bis heute nichts bekommen. Wo bleibt mein Paket??"
ANSWER = json.dumps(
    {
        "reading": {
            "intent": "delivery_problem",
            "sentiment": "negative",
            "sarcasm": False,
            "team": "logistics",
            "questions": [{"text": "Wo bleibt mein Paket?", "fact": "shipping"}],
        },
        "tone_note": "playful: written in its gentle form, no joke about the late parcel",
        "drafts": [
            {
                "tone": "warm",
                "text": "Das ist echt ärgerlich, normal sind 2–3 Werktage. Schick uns per DM "
                "Bestellnummer und Lieferadresse, dann hakt unser Versandteam nach.",
            },
            {
                "tone": "playful",
                "text": "Montag bis heute ist zu lang, sehen wir genauso. Ab in die DM mit "
                "Bestellnummer und Adresse, dann sucht unser Versandteam dein Paket.",
            },
            {
                "tone": "crisp",
                "text": "Sorry, das dauert zu lang. Schick uns per DM Bestellnummer und "
                "Lieferadresse, unser Versandteam schaut nach.",
            },
        ],
    },
    ensure_ascii=False,
)


class _Handler(BaseHTTPRequestHandler):
    rate: float = 50.0

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        tokens = [ANSWER[i : i + CHARS_PER_TOKEN] for i in range(0, len(ANSWER), CHARS_PER_TOKEN)]
        if body.get("stream"):
            return self._stream(tokens)
        time.sleep(len(tokens) / self.rate)
        message = {"role": "assistant", "content": ANSWER}
        self._send(
            json.dumps(
                {
                    "id": "b",
                    "object": "chat.completion",
                    "created": 0,
                    "model": "bench",
                    "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                }
            ).encode()
        )

    def _send(self, data: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _stream(self, tokens: list[str]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        started = time.perf_counter()
        for index, token in enumerate([*tokens, None]):
            delta = {"content": token} if token is not None else {}
            event = {
                "id": "b",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "bench",
                "choices": [{"index": 0, "delta": delta, "finish_reason": None if token else "stop"}],
            }
            time.sleep(max(0.0, started + (index + 1) / self.rate - time.perf_counter()))
            self.wfile.write(f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")


def run(rate: float, runs: int) -> list[dict[str, Any]]:
    """Median times to the first draft and to the set, without and with streaming."""
    _Handler.rate = rate
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    profile = load_profile(ROOT / "personas", None, "tiktok")
    message = Message(text=MESSAGE, platform="tiktok")
    settings = OpenAISettings(api_key="x", base_url=url, model="bench", deadline=120)
    samples: dict[str, list[float]] = {k: [] for k in ("plain_first", "plain_all", "stream_first", "stream_all")}
    with OpenAIBackend(settings=settings) as backend:
        draft(message, profile, backend=backend)  # warm up: tokenizer, templates, connection
        for _ in range(runs):
            started = time.perf_counter()
            draft(message, profile, backend=backend, fallback=False)
            elapsed = (time.perf_counter() - started) * 1000
            samples["plain_first"].append(elapsed)
            samples["plain_all"].append(elapsed)
            started, first = time.perf_counter(), None
            for item in draft_stream(message, profile, backend=backend, fallback=False):
                if first is None:
                    first = (time.perf_counter() - started) * 1000
                if isinstance(item, DraftSet):
                    assert item.backend == "openai"
            samples["stream_first"].append(first or 0.0)
            samples["stream_all"].append((time.perf_counter() - started) * 1000)
    server.shutdown()
    tokens = -(-len(ANSWER) // CHARS_PER_TOKEN)
    return [
        {
            "mode": mode,
            "tokens_per_s": rate,
            "answer_tokens": tokens,
            "first_draft_ms": stats(samples[f"{mode}_first"])["median_ms"],
            "full_set_ms": stats(samples[f"{mode}_all"])["median_ms"],
        }
        for mode in ("plain", "stream")
    ]


def main(argv: list[str] | None = None) -> None:
    """Run and print the table; results go to benchmarks/results/streaming.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens-per-second", type=float, default=50.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows = run(args.tokens_per_second, args.runs)
    print(table(f"Streaming: time to the first draft and the full set ({args.tokens_per_second:g} tokens/s)", rows))
    save("streaming", rows)


if __name__ == "__main__":
    main()
