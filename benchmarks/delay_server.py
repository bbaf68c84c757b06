"""An OpenAI-compatible chat-completions server that answers every request after a fixed delay.

Run it in its own process so that it never competes with the client for the GIL:
`python -m benchmarks.delay_server --delay 0.2` prints `PORT <n>` and serves until stdin closes
or the process is terminated. Answers are valid drafts for the tones the prompt asks for,
written in the requested language and picking up words of the message, so the checks pass
and no repair request is needed (one request per draft set).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from typing import Any

_TONES = re.compile(r"Tones to write, in this order: ([^\n.]+)")
_LANGUAGE = re.compile(r"Language of the reply: (\w+)")
_LIMIT = re.compile(r"Maximum length: (\d+)")
_BLOCK = re.compile(r"<<<(MESSAGE|POST)\n(.*?)\n\1>>>", re.S)
USAGE = {
    "prompt_tokens": 3100,
    "completion_tokens": 90,
    "total_tokens": 3190,
    "prompt_tokens_details": {"cached_tokens": 2816},
}
TEMPLATES = {
    "de": "„{snippet}“ – danke, dass du das schreibst! Magst du uns kurz sagen, wie es dir damit geht?",
    "en": "“{snippet}” – thanks for telling us! How has it been going for you so far?",
}


def answer(body: dict[str, Any]) -> dict[str, Any]:
    """A chat completion with one draft per requested tone."""
    user = next((m["content"] for m in reversed(body.get("messages", [])) if m.get("role") == "user"), "")
    tones = [t.strip() for t in _find(_TONES, user, "warm, playful, crisp").split(",") if t.strip()]
    language = _find(_LANGUAGE, user, "en")
    limit = int(_find(_LIMIT, user, "150"))
    blocks = dict(_BLOCK.findall(user))
    words = (blocks.get("MESSAGE") or blocks.get("POST") or "").split()
    snippet = " ".join(words[:6])[:60]
    template = TEMPLATES.get(language, TEMPLATES["en"])
    drafts = [{"tone": tone, "text": template.format(snippet=snippet)[:limit]} for tone in tones]
    return {
        "id": "chatcmpl-bench",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "bench-model"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": json.dumps({"drafts": drafts}, ensure_ascii=False)},
                "finish_reason": "stop",
            }
        ],
        "usage": USAGE,
    }


def _find(pattern: re.Pattern[str], text: str, default: str) -> str:
    match = pattern.search(text)
    return match.group(1) if match else default


COUNTS = {"chat_requests": 0}


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path = lines[0].split(" ")[:2]
            headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
            raw = await reader.readexactly(int(headers.get("content-length", "0")))
            if method == "POST" and path.endswith("/chat/completions"):
                COUNTS["chat_requests"] += 1
                await asyncio.sleep(delay)
                payload = answer(json.loads(raw or b"{}"))
            elif path.endswith("/stats"):
                payload = dict(COUNTS)
            else:
                payload = {"object": "list", "data": [{"id": "bench-model", "object": "model", "owned_by": "bench"}]}
            data = json.dumps(payload, ensure_ascii=False).encode()
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(data)}\r\n\r\n".encode()
                + data
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def serve(delay: float) -> None:
    """Serve on 127.0.0.1 (a free port) until stdin closes."""
    server = await asyncio.start_server(lambda r, w: _handle(r, w, delay), "127.0.0.1", 0, backlog=512)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    loop = asyncio.get_running_loop()
    async with server:
        await loop.run_in_executor(None, sys.stdin.read)  # the parent closes stdin to stop us


def main() -> None:
    """Command line: --delay SECONDS."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay", type=float, default=0.2)
    asyncio.run(serve(parser.parse_args().delay))


if __name__ == "__main__":
    main()
