"""Voice profiles page: edit a brand or platform profile in a form or as YAML, preview, save safely."""

from __future__ import annotations

import difflib
import hashlib
from typing import Any

import streamlit as st

from assistant import Message, ProfileError, ReplyvoiceError, draft
from assistant.defaults import CHANNELS, PLATFORM_NAMES
from assistant.profiles.editing import (
    FormField,
    ProfileConflict,
    apply_form,
    form_fields,
    iter_sections,
    load_mapping,
    model_for,
    read_profile_file,
    save_profile_file,
    voice_profile_from_texts,
    widget_value,
)
from assistant.profiles.loading import parse_text
from assistant.ui import state
from assistant.ui.safe import md

S = st.session_state
NAMES = PLATFORM_NAMES
SAMPLE = "Wie lange dauert der Versand nach Wien? Und habt ihr die Kiezmischung auch gemahlen?"


class Editor:
    """Session keys and texts of one open profile file."""

    def __init__(self, brand: str, platform: str, name: str) -> None:
        self.brand, self.platform, self.name = brand, platform, name
        self.path = state.personas_dir() / brand / name
        self.prefix = f"prof_{brand}_{name}"
        self.text_key = f"{self.prefix}_text"
        self.widget = f"w_{self.text_key}"
        if f"{self.prefix}_base" not in S:
            self.reload()
        state.sticky(self.text_key, self.base[0])

    @property
    def base(self) -> tuple[str, str]:
        """(text, version) of the file as it was opened or last saved."""
        return S[f"{self.prefix}_base"]

    @property
    def text(self) -> str:
        """The edited text (the YAML editor's current value)."""
        return str(S[self.widget])

    def set_text(self, text: str) -> None:
        """Replace the edited text (before the YAML editor is drawn in this run)."""
        S[self.text_key] = S[self.widget] = text

    def reload(self, text_and_version: tuple[str, str] | None = None) -> None:
        """Open the file afresh (or take the given text and version as the opened state)."""
        S[f"{self.prefix}_base"] = text_and_version or read_profile_file(self.path)
        self.set_text(self.base[0])
        S.pop(f"{self.prefix}_conflict", None)


def other_text(brand: str, name: str) -> str:
    """The edited text of another file of the brand if it is open, else the file on disk."""
    key = f"w_prof_{brand}_{name}_text"
    return str(S[key]) if key in S else read_profile_file(state.personas_dir() / brand / name)[0]


def pair(ed: Editor) -> tuple[str, str]:
    """(brand text, platform text) as edited, for validation and the preview."""
    brand_text = ed.text if ed.name == "brand.yaml" else other_text(ed.brand, "brand.yaml")
    platform_text = ed.text if ed.name != "brand.yaml" else other_text(ed.brand, f"{ed.platform}.yaml")
    return brand_text, platform_text


def validate(ed: Editor) -> str | None:
    """The CLI's one-line error for the edited text (merged with the other file), or None when valid."""
    try:
        parse_text(ed.text, model_for(ed.path), source=str(ed.path))
        brand_text, platform_text = pair(ed)
        voice_profile_from_texts(
            ed.brand, brand_text, platform_text, personas=state.personas_dir(), platform=ed.platform
        )
    except ProfileError as exc:
        return str(exc)
    return None


# ---------------------------------------------------------------- saving


def save(ed: Editor, expected_version: str) -> bool:
    """Save the edited text if the file is unchanged on disk; a conflict is kept to show both versions."""
    try:
        version = save_profile_file(ed.path, ed.text, expected_version, model_for(ed.path))
    except ProfileConflict as exc:
        S[f"{ed.prefix}_conflict"] = exc
        return True
    except ProfileError as exc:
        st.error(md(f"Not saved: {exc}"), icon=":material/error:")
        return False
    S[f"{ed.prefix}_base"] = (ed.text, version)
    S.pop(f"{ed.prefix}_conflict", None)
    state.forget_profiles()
    S["prof_flash"] = f"Saved {ed.name}. New drafts use it from now on."
    return True


def conflict(ed: Editor) -> None:
    """Both versions after a refused save, and the two ways out."""
    exc: ProfileConflict | None = S.get(f"{ed.prefix}_conflict")
    if exc is None:
        return
    st.error(md(str(exc)), icon=":material/sync_problem:")
    mine, theirs = st.columns(2)
    mine.caption("Yours (not saved)")
    mine.code(exc.mine, language="yaml", height=360)
    theirs.caption("On disk now (saved by someone else)")
    theirs.code(exc.theirs, language="yaml", height=360)
    with st.expander("Differences (on disk → yours)", expanded=True):
        st.code(exc.diff() or "(no differences)", language="diff")
    with st.container(horizontal=True):
        if st.button("Load theirs (discard mine)", key=f"{ed.prefix}_take_theirs", icon=":material/download:"):
            ed.reload((exc.theirs, exc.theirs_version))
            st.rerun()
        overwrite = st.button("Overwrite with mine", key=f"{ed.prefix}_overwrite", icon=":material/upload:")
        if overwrite and save(ed, exc.theirs_version):
            st.rerun()


def actions(ed: Editor, error: str | None) -> None:
    """Validation status, save and discard."""
    text, version = ed.base
    dirty = ed.text != text
    on_disk = read_profile_file(ed.path)[1] if ed.path.exists() else ""
    with st.container(horizontal=True, vertical_alignment="center"):
        clicked = st.button("Save", key=f"{ed.prefix}_save", type="primary", icon=":material/save:", disabled=not dirty)
        if clicked and save(ed, version):
            st.rerun()
        if st.button("Discard my changes", key=f"{ed.prefix}_discard", icon=":material/undo:", disabled=not dirty):
            ed.reload()
            st.rerun()
        st.caption("Unsaved changes" if dirty else "No unsaved changes")
    if S.get("prof_flash"):
        st.success(md(S.pop("prof_flash")), icon=":material/check_circle:")
    if error:
        st.error(md(error), icon=":material/error:")
    else:
        st.success(f"{ed.name} is valid", icon=":material/check:")
    if on_disk != version and f"{ed.prefix}_conflict" not in S:
        st.warning(
            "Someone saved this file since you opened it. Saving will show both versions.", icon=":material/group:"
        )


# ---------------------------------------------------------------- the tabs


def field_widget(spec: FormField, value: Any, generation: str) -> Any:
    """The widget for one form field (keys change with the text, so the form follows YAML edits)."""
    key, label = f"pf_{generation}_{spec.key}", md(spec.label)
    if spec.kind in ("long", "lines", "pairs"):
        return st.text_area(label, value=value, key=key, height=90 if spec.kind == "long" else 140)
    if spec.kind == "int":
        return st.number_input(label, value=value, step=1, key=key)
    if spec.kind == "choice":
        index = spec.options.index(value) if value in spec.options else None
        return st.selectbox(label, spec.options, index=index, key=key)
    if spec.kind == "multi":
        return st.multiselect(label, spec.options, default=value, key=key)
    return st.text_input(label, value=value, key=key)


def form_tab(ed: Editor) -> None:
    """The common fields as a form; applying it rewrites those fields in the YAML."""
    try:
        data = load_mapping(ed.text, str(ed.path))
    except ProfileError as exc:
        st.info(md(f"The form needs valid YAML: {exc}"), icon=":material/info:")
        return
    fields = form_fields(data, brand_file=ed.name == "brand.yaml")
    generation = hashlib.sha256(ed.text.encode()).hexdigest()[:10]
    values: dict[str, Any] = {}
    with st.form(f"{ed.prefix}_form", border=False):
        for section, specs in iter_sections(fields):
            st.subheader(section, anchor=False)
            for spec in specs:
                values[spec.key] = field_widget(spec, widget_value(data, spec), generation)
        applied = st.form_submit_button("Apply to YAML", icon=":material/done:")
    st.caption("Applying changes only the YAML here; nothing is saved until you press Save.")
    if applied:
        try:
            ed.set_text(apply_form(ed.text, values, fields))
        except ProfileError as exc:
            st.error(md(str(exc)), icon=":material/error:")
            return
        st.rerun()


def yaml_tab(ed: Editor) -> None:
    """The whole file as YAML."""
    st.text_area("YAML", key=ed.widget, height=560, label_visibility="collapsed")
    state.remember(ed.text_key, ed.text)
    st.caption("Checked as soon as you click outside the box (or press Ctrl+Enter).")


def preview_tab(ed: Editor, error: str | None) -> None:
    """Drafts for a sample message with the edited (unsaved) profile."""
    sample = st.text_area("Sample message", key=state.sticky("prof_sample", SAMPLE), height=80)
    state.remember("prof_sample", sample)
    channel = st.selectbox("Channel", list(CHANNELS), key=state.sticky("prof_sample_channel", "comment"))
    state.remember("prof_sample_channel", channel)
    if st.button("Preview drafts", key=f"{ed.prefix}_preview", icon=":material/visibility:", disabled=bool(error)):
        try:
            brand_text, platform_text = pair(ed)
            voice = voice_profile_from_texts(
                ed.brand, brand_text, platform_text, personas=state.personas_dir(), platform=ed.platform
            )
            message = Message(text=sample, platform=ed.platform, channel=channel)
            with st.spinner("Drafting…"):
                S[f"{ed.prefix}_preview_result"] = (draft(message, voice, None, state.backend()), voice)
        except ReplyvoiceError as exc:
            st.error(md(str(exc)), icon=":material/error:")
    shown = S.get(f"{ed.prefix}_preview_result")
    if shown:
        result, voice = shown
        limit = voice.limit(result.message.channel)
        for column, item in zip(st.columns(len(result.drafts), border=True), result.drafts, strict=True):
            column.subheader(item.tone, anchor=False)
            column.text(item.text)
            failed = [c.name for c in item.checks if not c.ok]
            column.caption(f"{len(item.text)} / {limit} characters · " + (", ".join(failed) or "all checks pass"))


def changes_tab(ed: Editor) -> None:
    """The unsaved changes as a diff."""
    diff = "".join(
        difflib.unified_diff(
            ed.base[0].splitlines(keepends=True),
            ed.text.splitlines(keepends=True),
            fromfile=f"{ed.name} (saved)",
            tofile=f"{ed.name} (edited)",
        )
    )
    st.code(diff or "No unsaved changes.", language="diff")


# ---------------------------------------------------------------- the page


def pick() -> Editor:
    """Brand, platform and file selectors."""
    brands = state.brands(str(state.personas_dir()))
    if not brands:
        raise ProfileError(f"{state.personas_dir()}: no brand folder with a brand.yaml")
    left, middle, right = st.columns([1, 1, 2])
    brand_key, platform_key = state.sticky("prof_brand", brands[0]), state.sticky("prof_platform", "tiktok")
    if S[brand_key] not in brands:
        S[brand_key] = brands[0]
    brand = state.remember("prof_brand", left.selectbox("Brand", brands, key=brand_key))
    platform = state.remember("prof_platform", middle.selectbox("Platform", list(state.platforms()), key=platform_key))
    files = ["brand.yaml", f"{platform}.yaml"]
    labels = {"brand.yaml": "Brand (all platforms)", f"{platform}.yaml": f"{NAMES.get(platform, platform)} only"}
    choice = right.radio(
        "File",
        files,
        format_func=lambda f: f"{labels[f]} ({f})",
        key=state.sticky(f"prof_file_{platform}", "brand.yaml"),
        horizontal=True,
    )
    state.remember(f"prof_file_{platform}", choice)
    return Editor(brand, platform, choice)


st.title("Voice profiles")
st.caption("Edit how a brand sounds: the brand profile holds everything, a platform profile refines it.")
try:
    editor = pick()
except ReplyvoiceError as exc:
    st.error(md(str(exc)), icon=":material/error:")
    st.stop()
problem = validate(editor)
actions(editor, problem)
conflict(editor)
form, raw, preview, changes = st.tabs(["Form", "YAML", "Preview", "Changes"])
with form:
    form_tab(editor)
with raw:
    yaml_tab(editor)
with preview:
    preview_tab(editor, problem)
with changes:
    changes_tab(editor)
