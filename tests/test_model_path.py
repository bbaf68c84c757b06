"""The model path (issue 14): prompts without contradictions, the model's own reading, streaming, local servers."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant import Message
from assistant.backends import local_server, make_backend
from assistant.backends.base import FinishedDraft, Generation, GenerationRequest
from assistant.backends.openai.backend import OpenAIBackend, parse_answer
from assistant.backends.openai.discovery import discover
from assistant.backends.openai.prompting import build_messages
from assistant.models import Analysis, DraftSet, Entities, Escalation, ModelReading
from assistant.pipeline import draft, draft_stream, reconcile
from assistant.profiles.loading import BrandProfile, VoiceProfile, load_profile
from assistant.settings import OpenAISettings

try:
    from fakeserver import FakeOpenAI, content, status
    from test_prompts import analysis, request_for
except ImportError:  # tests/ imported as a package
    from tests.fakeserver import FakeOpenAI, content, status
    from tests.test_prompts import analysis, request_for

ROOT = Path(__file__).resolve().parent.parent
PERSONAS = ROOT / "personas"


def profile(platform: str = "tiktok") -> VoiceProfile:
    return load_profile(PERSONAS, None, platform)


def answer(
    *, tones: tuple[str, ...] = ("warm", "playful", "crisp"), reading: dict[str, Any] | None = None, note: Any = None
) -> str:
    """A model answer in the draft-set schema."""
    texts = {
        "warm": "Oh nein, das ist ärgerlich! Schick uns bitte per DM deine Bestellnummer, dann kümmern wir uns.",
        "playful": "Dein Paket macht wohl Umwege, das klären wir. Schick uns per DM die Bestellnummer, ja?",
        "crisp": "Sorry dafür! Bestellnummer bitte per DM, wir schauen sofort nach.",
    }
    base = {
        "intent": "delivery_problem",
        "sentiment": "negative",
        "sarcasm": False,
        "team": "logistics",
        "questions": [],
    }
    return json.dumps(
        {
            "reading": {**base, **(reading or {})},
            "tone_note": note,
            "drafts": [{"tone": t, "text": texts[t]} for t in tones],
        },
        ensure_ascii=False,
    )


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as srv:
        yield srv


@pytest.fixture
def backend(server: FakeOpenAI) -> Iterator[OpenAIBackend]:
    settings = OpenAISettings(api_key="test-key", base_url=server.url, model="test-model", deadline=10)
    with OpenAIBackend(settings=settings) as made:
        yield made


# ---------------------------------------------------------------- prompt contradictions


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@pytest.mark.parametrize("platform", ["tiktok", "instagram", "facebook"])
def test_no_example_states_a_fact_the_facts_do_not_list(platform: str) -> None:
    """(1) Every number in an example reply (prices, days, settings) is in the facts or products."""
    p = profile(platform)
    listed = " ".join(
        [*(t for f in p.brand.facts for t in f.text.values()), *(t for x in p.brand.products for t in x.text.values())]
    )
    for example in p.platform.examples:
        for number in _NUMBER.findall(example.reply):
            assert number in listed, f"{platform} example states {number!r}, which no fact lists: {example.reply}"
    assert "Gutschein" not in " ".join(e.reply for e in p.platform.examples)


def test_a_complaint_names_the_tones_that_do_not_fit_and_what_to_write() -> None:
    """(2) A refund demand with playful requested: the prompt says playful does not fit and what to write."""
    request = request_for(
        "ich will mein geld zurück, sofort!!", an=analysis(intent="refund_request", sentiment="negative")
    )
    system, user = (m["content"] for m in build_messages(request))
    assert "the tone playful does not fit it as defined" in user and "gentle form" in user
    assert "never at the person's expense" in user and "tone_note" in user
    assert "A tone that jokes does not fit a complaint" in system and "brand's calm tone" in system
    assert "nie, wenn jemand sich über Geld" not in system  # no absolute rule that a request then contradicts
    calm = request_for("wie lange hält der kaffee?", an=analysis())
    assert "does not fit" not in build_messages(calm)[1]["content"]


def test_the_draft_set_records_a_tone_note_for_a_complaint() -> None:
    """(2) The DraftSet says which tones did not fit (offline: the rules' note)."""
    result = draft(
        Message(text="Ich will sofort mein Geld zurück, der Kaffee ist eine Frechheit!", platform="tiktok"), profile()
    )
    assert result.tone_note and "playful" in result.tone_note and "gentle" in result.tone_note
    assert result.contract()["tone_note"] == result.tone_note
    praise = draft(Message(text="Euer Espresso ist der beste!", platform="tiktok"), profile())
    assert praise.tone_note is None


def test_hints_are_hints_the_model_may_overrule() -> None:
    """(3) The prompt says plainly that the analysis may be wrong and the model decides the team itself."""
    escalation = Escalation(team="logistics", reason="order status")
    request = request_for("wo ist mein paket", an=analysis(intent="order_status", escalation=escalation))
    system, user = (m["content"] for m in build_messages(request))
    assert "they may be wrong" in user and "overrule any hint" in user and "whether a team must act" in user
    assert "decide yourself whether they are right" in system
    assert "the rules think the Versandteam must take over" in user
    assert '"team": "none" when none must' in system


def _mirroring(platform: str = "facebook") -> VoiceProfile:
    base = profile(platform)
    data = base.brand.model_dump(by_alias=True)
    data["address_form"] = {**data.pop("address_form"), "mirror": True}
    data.pop("address_form.mirror", None)
    return base.model_copy(update={"brand": BrandProfile.model_validate(data), "version": "mirrors"})


@pytest.mark.parametrize(
    ("mirror", "register", "expected"),
    [(False, "formal", "du"), (True, "formal", "Sie"), (True, "casual", "du"), (False, "casual", "du")],
)
def test_address_form_mirrors_a_formal_message_only_when_the_brand_says_so(
    mirror: bool, register: str, expected: str
) -> None:
    """(4) address_form.mirror: true and a formal message (analysis.register) ask for Sie; otherwise du."""
    p = _mirroring() if mirror else profile("facebook")
    assert p.brand.address_mirror is mirror
    an = analysis().model_copy(update={"register": register})
    request = GenerationRequest(
        message=Message(text="Guten Tag, kann man bei Ihnen auf Rechnung bezahlen?", platform="facebook"),
        analysis=an,
        profile=p,
        tones=["warm", "crisp", "formal"],
    )
    system, user = (m["content"] for m in build_messages(request))
    assert f'(address the person as "{expected}")' in user
    assert ("the draft uses Sie throughout" in system) is mirror


def test_address_form_mirror_is_read_from_yaml_and_defaults_to_false(tmp_path: Path) -> None:
    text = (PERSONAS / "bohnenkiez" / "brand.yaml").read_text(encoding="utf-8")
    assert BrandProfile.model_validate(__import__("yaml").safe_load(text)).address_mirror is False
    mirrored = text.replace("  en: you\n", "  en: you\n  mirror: true\n", 1)
    brand = BrandProfile.model_validate(__import__("yaml").safe_load(mirrored))
    assert brand.address_mirror is True and brand.address_form == {"de": "du", "en": "you"}


def test_one_emoji_rule_per_topic() -> None:
    """(5) The emoji count is stated once; no tone instruction speaks of emoji; density agrees with the maximum."""
    system = build_messages(request_for("hi", tones=["warm", "playful", "crisp", "formal"]))[0]["content"]
    tones = system[system.index("# Tones") : system.index("# Do")]
    assert "emoji" not in tones.lower()
    rules = [line for line in system.splitlines() if re.search(r"emoji", line, re.I) and "per draft" in line]
    assert len(rules) == 1 and "at most 2 per draft" in rules[0] and "density: high" not in system


def test_a_public_reply_may_state_the_policy_but_never_settles_the_case() -> None:
    """(6) The replacement fact and the escalation rule agree: policy yes, the person's case no."""
    system = build_messages(request_for("paket kaputt"))[0]["content"]
    assert "ersetzen wir dir selbstverständlich" in system
    assert "may state a policy from the facts" in system and "never settles the person's case" in system


def test_usage_requests_counts_the_repair_request(server: FakeOpenAI, backend: OpenAIBackend) -> None:
    """usage.requests counts every request of a draft set, the repair included; tokens add up."""
    too_long = answer().replace("Sorry dafür!", "Sorry dafür! " + "Wirklich sehr ärgerlich. " * 10)
    server.script(content(too_long))  # crisp is too long for a TikTok comment; the repair answer is valid
    result = draft(Message(text="mein paket ist immer noch nicht da", platform="tiktok"), profile(), backend=backend)
    assert len(server.chat_bodies) == 2
    assert result.usage is not None and result.usage.requests == 2
    assert result.usage.prompt_tokens == 2 * 1200 and result.usage.completion_tokens == 2 * 60
    assert next(d for d in result.drafts if d.tone == "crisp").repaired


# ---------------------------------------------------------------- the model's reading


def test_the_schema_asks_for_the_reading_before_the_drafts(server: FakeOpenAI, backend: OpenAIBackend) -> None:
    server.script(content(answer()))
    backend.generate(request_for("wo bleibt mein paket?"))
    schema = server.chat_bodies[0]["response_format"]["json_schema"]["schema"]
    assert list(schema["properties"]) == ["reading", "tone_note", "drafts"]
    assert schema["properties"]["reading"]["properties"]["team"]["enum"] == ["after_sales", "logistics", "none"]
    assert schema["required"] == ["reading", "tone_note", "drafts"]


def test_parse_answer_keeps_the_reading_and_drops_what_the_profile_does_not_know() -> None:
    raw = answer(
        reading={
            "team": "marketing",
            "questions": [{"text": "Wie lange?", "fact": "nope"}, {"text": "Wohin?", "fact": "shipping"}],
        },
        note="  ",
    )
    parsed = parse_answer(raw, ["warm", "playful", "crisp"], profile())
    assert parsed.reading is not None and parsed.reading.team is None
    assert [(q.text, q.fact) for q in parsed.reading.questions] == [("Wie lange?", None), ("Wohin?", "shipping")]
    assert parsed.tone_note is None
    assert parse_answer('{"warm": "a", "crisp": "b"}', ["warm", "crisp"]).reading is None  # older shape still works
    assert parse_answer(answer(reading={"sentiment": "furious"}), ["warm"], profile()).reading is None


def _rules(**changes: Any) -> Analysis:
    return analysis(**{"intent": "order_status", "sentiment": "negative", **changes})


def test_reconcile_the_models_team_wins_without_hard_evidence() -> None:
    rules = _rules(escalation=Escalation(team="logistics", reason="order status"))
    reading = ModelReading(intent="praise", sentiment="positive", sarcasm=False, team=None)
    merged = reconcile(rules, reading, profile())
    assert merged.escalation is None and merged.intent == "praise" and merged.sentiment == "positive"
    assert {d.field: (d.rules, d.model, d.kept) for d in merged.disagreements} == {
        "intent": ("order_status", "praise", "model"),
        "sentiment": ("negative", "positive", "model"),
        "team": ("logistics", "none", "model"),
    }
    assert merged.model_reading == reading


def test_reconcile_keeps_the_rules_team_with_an_order_number_or_a_refund_request() -> None:
    with_order = _rules(escalation=Escalation(team="logistics", reason="x"), entities=Entities(order_ids=["48213"]))
    reading = ModelReading(intent="delivery_problem", sentiment="negative", team=None)
    merged = reconcile(with_order, reading, profile())
    assert merged.escalation is not None and merged.escalation.team == "logistics"
    assert [(d.field, d.kept) for d in merged.disagreements] == [("intent", "model"), ("team", "rules")]
    refund = _rules(intent="refund_request", escalation=Escalation(team="after_sales", reason="refund"))
    merged = reconcile(refund, ModelReading(intent="criticism", sentiment="negative", team="logistics"), profile())
    assert merged.intent == "refund_request" and merged.escalation and merged.escalation.team == "after_sales"
    assert all(d.kept == "rules" for d in merged.disagreements)


def test_reconcile_lets_the_model_add_a_team_the_rules_missed() -> None:
    merged = reconcile(
        _rules(intent="other", sentiment="neutral"),
        ModelReading(intent="defect", sentiment="negative", team="after_sales"),
        profile(),
    )
    assert merged.escalation is not None and merged.escalation.team == "after_sales"
    assert "model's reading" in merged.escalation.reason


def test_one_request_returns_drafts_and_reading_and_the_handoff_shows_the_difference(
    server: FakeOpenAI, backend: OpenAIBackend
) -> None:
    server.script(content(answer(reading={"team": "after_sales", "intent": "damaged_or_wrong_item"})))
    text = "Wo bleibt mein Paket? Seit einer Woche nichts."
    result = draft(Message(text=text, platform="tiktok"), profile(), backend=backend)
    assert len(server.chat_bodies) == 1
    a = result.analysis
    assert a.model_reading is not None and a.model_reading.team == "after_sales"
    assert a.escalation is not None and a.escalation.team == "after_sales"
    assert any(d.field == "team" and d.kept == "model" for d in a.disagreements)
    assert result.handoff is not None and "Regeln und Modell lesen die Nachricht unterschiedlich" in result.handoff.note
    data = result.contract()["analysis"]
    assert data["model_reading"]["team"] == "after_sales" and data["disagreements"]


@pytest.mark.parametrize("mode", ["json_object", "text"])
def test_the_reading_survives_the_output_format_fallbacks(
    server: FakeOpenAI, backend: OpenAIBackend, mode: str
) -> None:
    server.reject_json_schema = True
    server.reject_json_object = mode == "text"
    wrapped = answer() if mode == "json_object" else f"Hier ist das JSON:\n```json\n{answer()}\n```"
    server.script(content(wrapped))
    generation = backend.generate(request_for("wo bleibt mein paket?"))
    assert backend.mode == mode and generation.reading is not None and generation.reading.team == "logistics"
    assert set(generation.drafts) == {"warm", "playful", "crisp"}


# ---------------------------------------------------------------- streaming


def test_drafts_stream_one_by_one_before_the_answer_is_complete(server: FakeOpenAI, backend: OpenAIBackend) -> None:
    server.chunk_chars, server.chunk_delay = 12, 0.02
    server.script(content(answer()))
    started, seen = time.perf_counter(), []
    for event in backend.stream(request_for("wo bleibt mein paket?")):
        seen.append((time.perf_counter() - started, event))
    finished = [(t, e) for t, e in seen if isinstance(e, FinishedDraft)]
    assert [e.tone for _, e in finished] == ["warm", "playful", "crisp"]
    final = seen[-1][1]
    assert isinstance(final, Generation) and final.drafts == {e.tone: e.text for _, e in finished}
    assert finished[0][0] < seen[-1][0] * 0.8  # the first draft long before the end
    assert finished[0][1].reading is not None and finished[0][1].reading.team == "logistics"
    assert server.chat_bodies[0]["stream"] is True and len(server.chat_bodies) == 1


def test_draft_stream_yields_checked_drafts_then_the_draft_set(server: FakeOpenAI, backend: OpenAIBackend) -> None:
    server.script(content(answer()))
    items = list(draft_stream(Message(text="wo bleibt mein paket?", platform="tiktok"), profile(), backend=backend))
    assert [type(i).__name__ for i in items] == ["Draft", "Draft", "Draft", "DraftSet"]
    result = items[-1]
    assert isinstance(result, DraftSet) and all(d.checks for d in items[:3])  # type: ignore[union-attr]
    assert result.usage is not None and result.usage.requests == 1


def test_a_broken_stream_falls_back_to_the_offline_drafts(server: FakeOpenAI, backend: OpenAIBackend) -> None:
    server.script(*[status(500)] * 4)
    items = list(draft_stream(Message(text="wo bleibt mein paket?", platform="tiktok"), profile(), backend=backend))
    result = items[-1]
    assert isinstance(result, DraftSet) and result.backend == "offline" and result.fallback_reason
    assert "\n" not in result.fallback_reason


def test_offline_draft_stream_yields_the_drafts_then_the_set() -> None:
    items = list(draft_stream(Message(text="wie lange dauert der versand?", platform="tiktok"), profile()))
    assert len(items) == 4 and isinstance(items[-1], DraftSet)


# ---------------------------------------------------------------- local servers


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.05)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    listener.close()


def _port(srv: FakeOpenAI) -> int:
    return int(srv.url.rsplit(":", 1)[1].split("/")[0])


def test_discover_takes_the_first_port_that_lists_a_chat_model(silent_port: int) -> None:
    with FakeOpenAI(models=["nomic-embed-text"]) as embedder, FakeOpenAI(models=["qwen2.5:3b-instruct"]) as chat:
        started = time.perf_counter()
        found = discover(ports=(_closed_port(), silent_port, _port(embedder), _port(chat)), budget=0.15)
        elapsed = time.perf_counter() - started
    assert found is not None and found.model == "qwen2.5:3b-instruct" and found.base_url == chat.url
    assert elapsed < 0.5


def test_discover_gives_up_within_its_budget(silent_port: int) -> None:
    started = time.perf_counter()
    assert discover(ports=(silent_port, _closed_port()), budget=0.15) is None
    assert time.perf_counter() - started < 0.4


@pytest.fixture
def local_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    """Nothing configured, discovery on, the 'well-known ports' pointing at a fake server."""
    import assistant.backends as backends
    from assistant import defaults

    with FakeOpenAI(models=["llama3.2:3b", "all-minilm-embed"]) as srv:
        monkeypatch.setattr(defaults, "DISCOVERY_PORTS", (_closed_port(), _port(srv)))
        monkeypatch.delenv("REPLYVOICE_DISCOVER")
        monkeypatch.delenv("REPLYVOICE_BACKEND", raising=False)
        monkeypatch.setattr(backends, "_found", {})
        yield srv


def test_nothing_configured_uses_the_local_server(local_only: FakeOpenAI) -> None:
    server = local_server()
    assert server is not None and server.model == "llama3.2:3b"
    backend = make_backend()
    try:
        assert isinstance(backend, OpenAIBackend) and backend.settings.base_url == local_only.url
        assert backend.settings.sources["base_url"].startswith("found on this machine")
    finally:
        backend.close()


@pytest.mark.parametrize(("var", "value"), [("REPLYVOICE_BACKEND", "offline"), ("REPLYVOICE_DISCOVER", "off")])
def test_discovery_is_turned_off(local_only: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, var: str, value: str) -> None:
    monkeypatch.setenv(var, value)
    assert local_server() is None and make_backend().name == "offline"
    assert local_only.requests == []  # not even asked


def test_discovery_is_turned_off_in_the_config_file(
    local_only: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[replyvoice]\ndiscover = false\n", encoding="utf-8")
    monkeypatch.setenv("REPLYVOICE_CONFIG", str(config))
    assert local_server() is None and local_only.requests == []


def test_the_cli_says_which_local_model_it_uses(local_only: FakeOpenAI) -> None:
    from click.testing import CliRunner

    from assistant.cli.doctor import doctor as doctor_command
    from assistant.cli.draft import draft as draft_command

    local_only.script(content(answer()))
    runner = CliRunner()
    done = runner.invoke(draft_command, ["-p", "tiktok", "-m", "wo bleibt mein paket?", "--no-save", "--json"])
    assert done.exit_code == 0, done.output
    assert "replyvoice: using llama3.2:3b on this machine" in done.stderr and local_only.url in done.stderr
    assert json.loads(done.stdout)["backend"] == "openai"
    checked = runner.invoke(doctor_command, [])
    assert "local server: found" in checked.stdout and "llama3.2:3b" in checked.stdout


def test_the_cli_streams_drafts(server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from assistant.cli.draft import draft as draft_command

    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("REPLYVOICE_MODEL", "test-model")
    server.script(content(answer()))
    done = CliRunner().invoke(draft_command, ["-p", "tiktok", "-m", "wo bleibt mein paket?", "--no-save", "--stream"])
    assert done.exit_code == 0, done.output
    out = done.stdout
    assert out.index("── warm") < out.index("── playful") < out.index("── crisp") < out.index("backend openai")
    lines = (
        CliRunner()
        .invoke(draft_command, ["-p", "tiktok", "-m", "wo bleibt mein paket?", "--no-save", "--stream", "--json"])
        .stdout.splitlines()
    )
    assert [next(iter(json.loads(line))) for line in lines] == ["draft", "draft", "draft", "id"]
