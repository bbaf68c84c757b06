"""Settings, each resolved option -> environment -> config file -> default (one place for all).

The config file is TOML, found at ``$REPLYVOICE_CONFIG`` or in the user config
directory (``platformdirs.user_config_dir("replyvoice")/config.toml``)::

    [replyvoice]
    backend = "offline"       # or "openai"; unset: openai when configured, else offline
    personas = "~/brands"     # folder with one sub-folder per brand
    data_dir = "~/replyvoice" # the history database
    ui_lang = "de"            # the app's language: de or en

    [openai]
    base_url = "http://localhost:11434/v1"
    model = "llama3.1"
    timeout = 30              # total seconds per draft set, retries included

    [prices."gpt-4o-mini"]    # USD per million tokens
    input = 0.15
    cached_input = 0.075
    output = 0.60
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from assistant import defaults
from assistant.errors import ConfigError

ENV_KEY = "OPENAI_API_KEY"
ENV_BASE_URL = "OPENAI_BASE_URL"
ENV_MODEL = "REPLYVOICE_MODEL"
ENV_CONFIG = "REPLYVOICE_CONFIG"
ENV_BACKEND = "REPLYVOICE_BACKEND"
ENV_PERSONAS = "REPLYVOICE_PERSONAS"
ENV_DATA_DIR = "REPLYVOICE_DATA_DIR"
ENV_UI_LANG = "REPLYVOICE_UI_LANG"
ENV_DISCOVER = "REPLYVOICE_DISCOVER"
UI_LANGUAGES = ("de", "en")
# Numeric settings: (field name, environment variable, config key, type).
_NUMERIC: tuple[tuple[str, str, str, type], ...] = (
    ("deadline", "REPLYVOICE_TIMEOUT", "timeout", float),
    ("connect_timeout", "REPLYVOICE_CONNECT_TIMEOUT", "connect_timeout", float),
    ("read_timeout", "REPLYVOICE_READ_TIMEOUT", "read_timeout", float),
    ("max_retries", "REPLYVOICE_MAX_RETRIES", "max_retries", int),
    ("retry_after_cap", "REPLYVOICE_RETRY_AFTER_CAP", "retry_after_cap", float),
    ("max_output_tokens", "REPLYVOICE_MAX_TOKENS", "max_output_tokens", int),
    ("context_tokens", "REPLYVOICE_CONTEXT_TOKENS", "context_tokens", int),
    ("message_token_cap", "REPLYVOICE_MESSAGE_TOKEN_CAP", "message_token_cap", int),
)


@dataclass(frozen=True, kw_only=True)
class Price:
    """USD per million tokens: fresh input, cached input, output."""

    input: float
    cached_input: float
    output: float


# Built-in list prices (USD / 1M tokens) as published by OpenAI; override in the config file.
DEFAULT_PRICES: dict[str, Price] = {
    "gpt-4o-mini": Price(input=0.15, cached_input=0.075, output=0.60),
    "gpt-4o": Price(input=2.50, cached_input=1.25, output=10.00),
    "gpt-4.1-nano": Price(input=0.10, cached_input=0.025, output=0.40),
    "gpt-4.1-mini": Price(input=0.40, cached_input=0.10, output=1.60),
    "gpt-4.1": Price(input=2.00, cached_input=0.50, output=8.00),
}


@dataclass(frozen=True, kw_only=True)
class OpenAISettings:
    """Everything the openai backend needs; build it with load_settings()."""

    api_key: str
    base_url: str
    model: str
    deadline: float = defaults.TOTAL_DEADLINE
    connect_timeout: float = defaults.CONNECT_TIMEOUT
    read_timeout: float = defaults.READ_TIMEOUT
    max_retries: int = defaults.MAX_RETRIES
    retry_after_cap: float = defaults.RETRY_AFTER_CAP
    max_output_tokens: int = defaults.MAX_OUTPUT_TOKENS
    context_tokens: int = defaults.CONTEXT_TOKENS
    message_token_cap: int = defaults.MESSAGE_TOKEN_CAP
    prices: dict[str, Price] = field(default_factory=lambda: dict(DEFAULT_PRICES))
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def is_openai(self) -> bool:
        """True for api.openai.com and Azure OpenAI (they take max_completion_tokens)."""
        return is_openai_host(self.base_url)

    def price(self, model: str | None = None) -> Price | None:
        """The price for a model: exact name, else the longest matching prefix."""
        name = model or self.model
        if name in self.prices:
            return self.prices[name]
        matches = [key for key in self.prices if name.startswith(key)]
        return self.prices[max(matches, key=len)] if matches else None

    def describe(self) -> str:
        """One line for `replyvoice doctor`: model, endpoint and where they came from."""
        src = self.sources
        return (
            f"model {self.model} ({src.get('model', 'default')}) at {self.base_url} "
            f"({src.get('base_url', 'default')}), key from {src.get('api_key', 'none')}, "
            f"timeout {self.deadline:g} s"
        )


def is_openai_host(url: str) -> bool:
    """True when the URL points at OpenAI or Azure OpenAI rather than a local server."""
    host = urlparse(url).hostname or ""
    return host.endswith(("openai.com", "openai.azure.com"))


def config_file(env: Mapping[str, str] | None = None) -> Path | None:
    """The config file to read: $REPLYVOICE_CONFIG, else the user config dir if it exists."""
    env = os.environ if env is None else env
    if env.get(ENV_CONFIG):
        path = Path(env[ENV_CONFIG]).expanduser()
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found; fix or unset {ENV_CONFIG}")
        return path
    import platformdirs  # only when no config path is set: keeps `replyvoice --help` fast

    path = Path(platformdirs.user_config_dir("replyvoice")) / "config.toml"
    return path if path.is_file() else None


def read_config(path: Path | None) -> dict[str, Any]:
    """Parse the TOML config file (empty when there is none)."""
    if path is None:
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc}); fix the file or unset {ENV_CONFIG}") from None


def openai_configured(env: Mapping[str, str] | None = None) -> bool:
    """True when a key or a base URL is set (then `--backend` defaults to openai)."""
    env = os.environ if env is None else env
    if env.get(ENV_KEY) or env.get(ENV_BASE_URL):
        return True
    try:
        table = read_config(config_file(env)).get("openai", {})
    except ConfigError:
        return False
    return bool(table.get("api_key") or table.get("base_url"))


def load_settings(
    *,
    api_key: str | None = None,
    base_url: str | None = None,
    model: str | None = None,
    timeout: float | None = None,
    env: Mapping[str, str] | None = None,
    config_path: Path | None = None,
) -> OpenAISettings:
    """Resolve settings: explicit argument, then environment, then the config file."""
    env = os.environ if env is None else env
    path = config_path or config_file(env)
    data = read_config(path)
    table = _table(data, "openai", path)
    sources: dict[str, str] = {}
    pick = _Picker(env=env, table=table, path=path, sources=sources)
    url = pick.text("base_url", base_url, ENV_BASE_URL)
    key = pick.text("api_key", api_key, ENV_KEY)
    chosen_url = (url or defaults.DEFAULT_BASE_URL).rstrip("/")
    key = _require_key(key, url, sources)
    name = pick.text("model", model, ENV_MODEL) or _default_model(chosen_url)
    numbers: dict[str, Any] = {f: pick.number(f, e, c, t) for f, e, c, t in _NUMERIC}
    if timeout is not None:
        numbers["deadline"], sources["deadline"] = float(timeout), "option"
    settings = OpenAISettings(
        api_key=key,
        base_url=chosen_url,
        model=name,
        prices=_prices(data, path),
        sources=sources,
        **{k: v for k, v in numbers.items() if v is not None},
    )
    return _validated(settings)


@dataclass(kw_only=True)
class _Picker:
    env: Mapping[str, str]
    table: dict[str, Any]
    path: Path | None
    sources: dict[str, str]

    def text(self, name: str, explicit: str | None, var: str) -> str | None:
        """A string setting from the option, the environment or the file."""
        for value, source in self._candidates(name, explicit, var):
            if value not in (None, ""):
                self.sources[name] = source
                return str(value)
        return None

    def number(self, name: str, var: str, key: str, kind: type) -> float | int | None:
        """A numeric setting from the environment or the file (None = default)."""
        for value, source in self._candidates(key, None, var):
            if value not in (None, ""):
                self.sources[name] = source
                return _number(value, kind, source)
        return None

    def _candidates(self, key: str, explicit: Any, var: str) -> list[tuple[Any, str]]:
        file_source = f"{self.path} [openai] {key}"
        return [(explicit, "option"), (self.env.get(var), var), (self.table.get(key), file_source)]


def _number(value: Any, kind: type, source: str) -> float | int:
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{source}: {value!r} is not a number; set it to e.g. 30") from None
    if number < 0:
        raise ConfigError(f"{source}: must not be negative (got {value!r})")
    return int(number) if kind is int else float(number)


def _require_key(key: str | None, url: str | None, sources: dict[str, str]) -> str:
    if key:
        return key
    if url and not is_openai_host(url):
        sources["api_key"] = "placeholder (local server)"
        return defaults.PLACEHOLDER_KEY
    raise ConfigError(
        f"openai backend is not configured: set {ENV_KEY} (or {ENV_BASE_URL} for a local OpenAI-compatible server)"
    )


def _default_model(base_url: str) -> str:
    if is_openai_host(base_url):
        return defaults.DEFAULT_MODEL
    raise ConfigError(
        f"no model configured for {base_url}: set {ENV_MODEL} to a model the server lists "
        "(GET /v1/models, e.g. `ollama list`)"
    )


def _table(data: dict[str, Any], name: str, path: Path | None) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [{name}] must be a table of `key = value` lines")
    return table


def _prices(data: dict[str, Any], path: Path | None) -> dict[str, Price]:
    prices = dict(DEFAULT_PRICES)
    for model, row in _table(data, "prices", path).items():
        try:
            prices[model] = Price(
                input=float(row["input"]),
                cached_input=float(row.get("cached_input", row["input"])),
                output=float(row["output"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ConfigError(f'{path}: [prices."{model}"] needs numbers input, output (and cached_input)') from None
    return prices


def _validated(settings: OpenAISettings) -> OpenAISettings:
    if settings.deadline <= 0:
        raise ConfigError("REPLYVOICE_TIMEOUT must be more than 0 seconds")
    if settings.max_output_tokens < 16:
        raise ConfigError("REPLYVOICE_MAX_TOKENS must be at least 16")
    if settings.context_tokens <= settings.max_output_tokens:
        raise ConfigError(
            "REPLYVOICE_CONTEXT_TOKENS must be larger than REPLYVOICE_MAX_TOKENS "
            f"({settings.context_tokens} <= {settings.max_output_tokens})"
        )
    return settings


def general(key: str, option: str | None, var: str, env: Mapping[str, str] | None = None) -> str | None:
    """One general setting: the option, else the environment variable, else [replyvoice] in the config file."""
    env = os.environ if env is None else env
    if option:
        return option
    if env.get(var):
        return env[var]
    path = config_file(env)
    value = _table(read_config(path), "replyvoice", path).get(key)
    return str(value) if value not in (None, "") else None


def backend_name(option: str | None = None, env: Mapping[str, str] | None = None) -> str | None:
    """offline or openai as chosen by option, REPLYVOICE_BACKEND or the config file; None: decide by configuration."""
    chosen = general("backend", option, ENV_BACKEND, env)
    if chosen not in (None, "offline", "openai"):
        raise ConfigError(f"backend {chosen!r} is unknown; use offline or openai ({ENV_BACKEND} or the config file)")
    return chosen


def data_dir(option: str | Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Where the history lives: option, $REPLYVOICE_DATA_DIR, the config file, else the user data dir."""
    chosen = general("data_dir", str(option) if option else None, ENV_DATA_DIR, env)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir  # only when no folder is configured

    return Path(user_data_dir("replyvoice", appauthor=False))


def personas_option(option: str | None = None, env: Mapping[str, str] | None = None) -> Path | None:
    """The personas folder named by option, $REPLYVOICE_PERSONAS or the config file (None: look in the usual places)."""
    chosen = general("personas", option, ENV_PERSONAS, env)
    return Path(chosen).expanduser() if chosen else None


def ui_language(option: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """The app's language: option, $REPLYVOICE_UI_LANG, the config file, else German."""
    chosen = (general("ui_lang", option, ENV_UI_LANG, env) or "de").lower()[:2]
    return chosen if chosen in UI_LANGUAGES else "de"


def discovery_enabled(env: Mapping[str, str] | None = None) -> bool:
    """Look for a local server? Only when nothing chooses: no backend, key, base URL, and discovery not off.

    Off with REPLYVOICE_BACKEND (any value), `backend` in the config file, REPLYVOICE_DISCOVER=0/off/false
    or `discover = false` in the config file's [replyvoice] table.
    """
    env = os.environ if env is None else env
    if openai_configured(env):
        return False
    try:
        if backend_name(None, env) is not None:
            return False
        switch = general("discover", None, ENV_DISCOVER, env)
    except ConfigError:
        return False
    return (switch or "on").strip().lower() not in ("0", "off", "false", "no")
