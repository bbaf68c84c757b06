"""Profile files: validated, version-checked, atomic saves; the form view over the YAML."""

from __future__ import annotations

import multiprocessing
import random
import shutil
import time
from pathlib import Path

import pytest
import yaml

from assistant.errors import ProfileError
from assistant.profiles.editing import (
    ProfileConflict,
    apply_form,
    form_fields,
    load_mapping,
    read_profile_file,
    replace_top_level,
    save_profile_file,
    version_of,
    voice_profile_from_texts,
    widget_value,
)
from assistant.profiles.loading import BrandProfile, PlatformProfile, parse_text

from .conftest import PERSONAS

WORKERS = 8
SAVES_PER_WORKER = 100


@pytest.fixture
def personas(tmp_path: Path) -> Path:
    """A private copy of the example personas."""
    target = tmp_path / "personas"
    shutil.copytree(PERSONAS, target)
    return target


def test_read_returns_text_and_sha256_version(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    text, version = read_profile_file(path)
    assert text == path.read_text(encoding="utf-8")
    assert version == version_of(path.read_bytes()) and len(version) == 64


def test_a_valid_save_replaces_the_file_and_returns_the_new_version(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    text, version = read_profile_file(path)
    edited = text.replace("comment: 150", "comment: 140")
    new_version = save_profile_file(path, edited, version, PlatformProfile)
    assert read_profile_file(path) == (edited, new_version)
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]


def test_invalid_text_saves_nothing(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    before = path.read_bytes()
    text, version = read_profile_file(path)
    with pytest.raises(ProfileError, match=r"tiktok\.yaml:\d+: field 'limits\.comment'"):
        save_profile_file(path, text.replace("comment: 150", "comment: zero"), version, PlatformProfile)
    with pytest.raises(ProfileError, match="invalid YAML"):
        save_profile_file(path, "limits: [oops", version, PlatformProfile)
    assert path.read_bytes() == before


def test_a_save_from_a_stale_copy_is_refused_with_both_versions(personas: Path) -> None:
    path = personas / "bohnenkiez" / "brand.yaml"
    text, version = read_profile_file(path)
    theirs = text.replace("max_per_reply: 2", "max_per_reply: 1")
    save_profile_file(path, theirs, version, BrandProfile)
    mine = text.replace("Jule", "Kim")
    with pytest.raises(ProfileConflict) as caught:
        save_profile_file(path, mine, version, BrandProfile)
    assert caught.value.mine == mine and caught.value.theirs == theirs
    assert "changed on disk" in str(caught.value)
    assert "-  max_per_reply: 1" in caught.value.diff() or "max_per_reply: 1" in caught.value.diff()
    assert path.read_text(encoding="utf-8") == theirs


def test_the_form_round_trips_without_changing_the_text(personas: Path) -> None:
    for name in ("brand.yaml", "tiktok.yaml", "instagram.yaml", "facebook.yaml"):
        text, _ = read_profile_file(personas / "bohnenkiez" / name)
        data = load_mapping(text)
        fields = form_fields(data, brand_file=name == "brand.yaml")
        values = {spec.key: widget_value(data, spec) for spec in fields}
        assert apply_form(text, values, fields) == text, name


def test_a_form_change_rewrites_only_that_field_and_keeps_comments(personas: Path) -> None:
    text, _ = read_profile_file(personas / "bohnenkiez" / "tiktok.yaml")
    data = load_mapping(text)
    fields = form_fields(data, brand_file=False)
    values = {spec.key: widget_value(data, spec) for spec in fields}
    values["limits.comment"] = 120
    values["emoji.palette"] = "☕ 🫘"
    edited = apply_form(text, values, fields)
    model = parse_text(edited, PlatformProfile, source="tiktok.yaml")
    assert model.limits["comment"] == 120 and model.emoji is not None and model.emoji.palette == ["☕", "🫘"]
    assert edited.splitlines()[0] == text.splitlines()[0]  # the leading comment stays
    assert model.examples == parse_text(text, PlatformProfile, source="x").examples


def test_the_brand_form_edits_facts_and_escalation(personas: Path) -> None:
    text, _ = read_profile_file(personas / "bohnenkiez" / "brand.yaml")
    data = load_mapping(text)
    fields = form_fields(data, brand_file=True)
    team = next(iter(data["escalation"]))
    values = {spec.key: widget_value(data, spec) for spec in fields}
    values["facts.0.text.de"] = "Wir verschicken mit DHL, 1–2 Werktage."
    values[f"escalation.{team}.contact"] = "team@example.org"
    values["tones"] += "\ncheeky: frech, aber nett"
    brand = parse_text(apply_form(text, values, fields), BrandProfile, source="brand.yaml")
    assert brand.facts[0].text["de"] == "Wir verschicken mit DHL, 1–2 Werktage."
    assert brand.escalation[team].contact == "team@example.org"
    assert brand.tones["cheeky"] == "frech, aber nett"


def test_a_form_line_without_a_colon_is_a_clear_error(personas: Path) -> None:
    text, _ = read_profile_file(personas / "bohnenkiez" / "brand.yaml")
    data = load_mapping(text)
    fields = form_fields(data, brand_file=True)
    values = {"tones": "warm is nice"}
    with pytest.raises(ProfileError, match="expected `name: instruction`"):
        apply_form(text, values, fields)


def test_replace_top_level_handles_unindented_lists_and_removal() -> None:
    text = "a: 1\n# about b\nb:\n- x\n- y\n\n# about c\nc: 3\n"
    assert replace_top_level(text, "b", ["z"]) == "a: 1\n# about b\nb: [z]\n\n# about c\nc: 3\n"
    assert load_mapping(replace_top_level(text, "d", {"k": 1})) == {"a": 1, "b": ["x", "y"], "c": 3, "d": {"k": 1}}


def test_preview_profile_is_built_from_the_edited_texts(personas: Path) -> None:
    brand, _ = read_profile_file(personas / "bohnenkiez" / "brand.yaml")
    platform, _ = read_profile_file(personas / "bohnenkiez" / "tiktok.yaml")
    profile = voice_profile_from_texts(
        "bohnenkiez", brand, platform.replace("comment: 150", "comment: 99"), personas=personas, platform="tiktok"
    )
    assert profile.key == "bohnenkiez/tiktok" and profile.limit("comment") == 99
    with pytest.raises(ProfileError, match="refines undefined tone"):
        voice_profile_from_texts(
            "bohnenkiez",
            brand,
            platform.replace("tones:\n", "tones:\n  sarcastic: nope\n", 1),  # one tones key: repeats are errors
            personas=personas,
            platform="tiktok",
        )


# ---------------------------------------------------------------- the stress test (issue 7)


def _saver(path: str, worker: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Save the profile SAVES_PER_WORKER times, each from a copy read a moment earlier."""
    rng = random.Random(worker)
    results = []
    for attempt in range(SAVES_PER_WORKER):
        text, version = read_profile_file(path)
        time.sleep(rng.random() * 0.002)  # others may save meanwhile: this copy goes stale
        mine = replace_top_level(text, "slang", [f"w{worker}-{attempt}"])
        try:
            new_version = save_profile_file(path, mine, version, PlatformProfile)
            results.append(("ok", version, new_version, mine))
        except ProfileConflict as exc:
            results.append(("conflict", version, exc.theirs_version, ""))
    queue.put(results)


def _reader(path: str, stop: multiprocessing.Event, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Parse the file over and over while the savers run; report every read that was not valid."""
    reads, broken = 0, []
    while not stop.is_set():
        text = Path(path).read_text(encoding="utf-8")
        try:
            parse_text(text, PlatformProfile, source=path)
        except (ProfileError, yaml.YAMLError) as exc:
            broken.append(str(exc))
        reads += 1
    queue.put((reads, broken))


@pytest.mark.timeout(120)
def test_concurrent_saves_never_overwrite_silently(personas: Path) -> None:
    path = personas / "bohnenkiez" / "tiktok.yaml"
    _, initial = read_profile_file(path)
    ctx = multiprocessing.get_context("spawn")
    queue, reader_queue, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    reader = ctx.Process(target=_reader, args=(str(path), stop, reader_queue))
    reader.start()
    savers = [ctx.Process(target=_saver, args=(str(path), w, queue)) for w in range(WORKERS)]
    for proc in savers:
        proc.start()
    results = [row for _ in savers for row in queue.get(timeout=100)]
    for proc in savers:
        proc.join(timeout=10)
    stop.set()
    reads, broken = reader_queue.get(timeout=30)
    reader.join(timeout=10)
    for proc in [*savers, reader]:
        proc.close()
    for q in (queue, reader_queue):
        q.close()
        q.join_thread()

    saved = [r for r in results if r[0] == "ok"]
    conflicts = [r for r in results if r[0] == "conflict"]
    print(f"\n{len(saved)} saves, {len(conflicts)} conflicts refused, {reads} concurrent reads")
    assert len(saved) + len(conflicts) == WORKERS * SAVES_PER_WORKER
    assert saved and not broken, broken[:3]
    # Every refused save really was stale: the version on disk was not the one it was edited from.
    assert all(expected != on_disk for _, expected, on_disk, _ in conflicts)
    # No silent overwrite: the successful saves form one chain, each built on the previous one.
    parents = [expected for _, expected, _, _ in saved]
    assert len(set(parents)) == len(parents), "two saves were based on the same version"
    following = {expected: (new, text) for _, expected, new, text in saved}
    version, last_text = initial, None
    for _ in saved:
        version, last_text = following[version]
    final, final_version = read_profile_file(path)
    assert (final_version, final) == (version, last_text)
