"""Defaults in one place: platform limits, input caps, timeouts."""

from __future__ import annotations

from pathlib import Path
from typing import Final, Literal

Platform = Literal["tiktok", "instagram", "facebook"]
Channel = Literal["comment", "dm"]
Mode = Literal["reply", "outreach"]

PLATFORMS: Final = ("tiktok", "instagram", "facebook")
CHANNELS: Final = ("comment", "dm")
MODES: Final = ("reply", "outreach")

# How platforms are written for people (the app, handoff notes, prompts).
PLATFORM_NAMES: Final[dict[str, str]] = {"tiktok": "TikTok", "instagram": "Instagram", "facebook": "Facebook"}

# Per-channel length limits in characters (DESIGN.md); profiles may lower them.
DEFAULT_LIMITS: Final[dict[str, dict[str, int]]] = {
    "tiktok": {"comment": 150, "dm": 1000},
    "instagram": {"comment": 2200, "dm": 1000},
    "facebook": {"comment": 8000, "dm": 2000},
}

# Incoming text beyond this is analysed and drafted from a truncated copy, with a notice.
MESSAGE_SOFT_CAP: Final = 8_000
# Incoming text beyond this is refused outright (1 MB pastes are mistakes or attacks).
MESSAGE_HARD_CAP: Final = 200_000

# Other untrusted fields are capped too (a 100,000-character author name is an attack, not a name).
AUTHOR_CAP: Final = 100
THREAD_MESSAGES_CAP: Final = 20  # the latest earlier messages are kept
THREAD_MESSAGE_CAP: Final = 2_000  # characters per earlier message

MIN_DEFAULT_TONES: Final = 3

# Tables shipped with the package (phrasebooks, stock phrases, stopwords, language hints).
DATA_DIR: Final = Path(__file__).resolve().parent / "data"

# --- The OpenAI-compatible backend: a person is waiting, so one call to the endpoint,
# retries included, never takes longer than TOTAL_DEADLINE seconds (the SDK's own
# 600 s read timeout and 2 retries are never used).

# Seconds to open the TCP/TLS connection.
CONNECT_TIMEOUT: Final = 5.0
# Seconds to wait for the response of one HTTP request.
READ_TIMEOUT: Final = 20.0
# Seconds for the whole generate()/repair() call, retries and waits included.
TOTAL_DEADLINE: Final = 30.0
# Further attempts after a connection error, a timeout, 429 or 5xx.
MAX_RETRIES: Final = 2
# Longest Retry-After (seconds) we honour; a longer one fails at once.
RETRY_AFTER_CAP: Final = 5.0
# First backoff wait (seconds) when the server gives no Retry-After; doubles per retry.
BACKOFF_BASE: Final = 0.5
# A retry is only worth starting with at least this many seconds left.
MIN_ATTEMPT_SECONDS: Final = 0.5

# Tokens the model may write for all drafts of one request (max_tokens).
MAX_OUTPUT_TOKENS: Final = 1_000
# Context window we budget for (prompt + output); local servers are often small.
CONTEXT_TOKENS: Final = 8_192
# The incoming message is truncated (with a visible marker) beyond this many tokens.
MESSAGE_TOKEN_CAP: Final = 3_000

# Model used against api.openai.com when none is configured.
DEFAULT_MODEL: Final = "gpt-4o-mini"
DEFAULT_BASE_URL: Final = "https://api.openai.com/v1"
# Sent to local servers that need no key (the SDK insists on some key).
PLACEHOLDER_KEY: Final = "not-needed"

# --- What the model reads and how tones fit (the openai backend and the pipeline).

# A complaint about money or trouble: a negative message with one of these intents.
COMPLAINT_INTENTS: Final = frozenset(
    {"refund_request", "billing", "delivery_problem", "damaged_or_wrong_item", "defect", "criticism", "order_status"}
)
# A tone whose name or instruction has one of these words jokes; it does not fit a complaint as defined.
LIGHT_TONE_CUES: Final = ("playful", "verspielt", "witz", "wortspiel", "augenzwinkern", "joke", "pun", "wink", "humo")

# --- What one HTTP response of an OpenAI-compatible server may cost us.

# Bytes read from the socket per response (a completion is a few kilobytes; /models of a big server ~100 KB).
MAX_RESPONSE_BYTES: Final = 4 * 1024 * 1024
# Bytes after gzip/deflate/br decoding (a 2 GB gzip bomb stops here).
MAX_DECODED_BYTES: Final = 8 * 1024 * 1024
# Server-supplied text (error bodies, refusals) quoted in one error line, at most this many characters.
SERVER_TEXT_CAP: Final = 300
# A check detail quoted in the repair prompt (inside its fenced block), at most this many characters.
CHECK_DETAIL_CAP: Final = 200
# A model id from /models is shown with at most this many characters (control characters removed).
MODEL_ID_CAP: Final = 100

# --- Local OpenAI-compatible servers found without configuration.

# Ollama, llama.cpp server, LM Studio, vLLM (tried in parallel, the first in this order that lists a model wins).
DISCOVERY_PORTS: Final = (11434, 8080, 1234, 8000)
DISCOVERY_HOST: Final = "127.0.0.1"
# Seconds for the whole look-around, all ports together.
DISCOVERY_BUDGET: Final = 0.15
# Seconds per draft set for a discovered local server (a small model on a CPU writes slowly); REPLYVOICE_TIMEOUT wins.
LOCAL_DEADLINE: Final = 120.0
