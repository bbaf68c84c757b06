"""Voice profiles page: edit a brand or platform profile in a form or as YAML; one Save validates and writes."""

from __future__ import annotations

import difflib
import hashlib
from typing import Any

import streamlit as st
import yaml

from assistant import Message, ProfileError, ReplyvoiceError, draft
from assistant.defaults import CHANNELS
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
from assistant.ui import form_labels, state
from assistant.ui.lang import _, labelled, name, shown_as
from assistant.ui.messages import shown
from assistant.ui.safe import md
from assistant.workspace.profile_help import add_fact, fact_id, fact_keywords, first_problem, overrides

S = st.session_state
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


def syntax_problem(ed: Editor) -> str | None:
    """An error that stops the form: unsafe YAML (anchors, aliases, size) or a syntax error, in one line."""
    brand_text, platform_text = pair(ed)
    mine = ed.text
    other, other_name = (
        (platform_text, f"{ed.platform}.yaml") if ed.name == "brand.yaml" else (brand_text, "brand.yaml")
    )
    return first_problem(mine, str(ed.path)) or first_problem(other, str(ed.path.parent / other_name))


def validate(ed: Editor) -> str | None:
    """The one error to show for the edited text (merged with the other file), or None when valid."""
    problem = syntax_problem(ed)
    if problem:
        return problem
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
    except ProfileError:
        S["prof_flash"] = ("error", _("Not saved: fix the error shown above first."))
        return False
    S[f"{ed.prefix}_base"] = (ed.text, version)
    S.pop(f"{ed.prefix}_conflict", None)
    state.forget_profiles()
    S["prof_flash"] = ("success", _("Saved {file}. New drafts use it from now on.").format(file=ed.name))
    return True


def conflict(ed: Editor) -> None:
    """Both versions after a refused save, and the two ways out."""
    exc: ProfileConflict | None = S.get(f"{ed.prefix}_conflict")
    if exc is None:
        return
    st.error(md(shown(exc)), icon=":material/sync_problem:")
    mine, theirs = st.columns(2)
    mine.caption(_("Yours (not saved)"))
    mine.code(exc.mine, language="yaml", height=360)
    theirs.caption(_("On disk now (saved by someone else)"))
    theirs.code(exc.theirs, language="yaml", height=360)
    with st.expander(_("Differences (on disk → yours)"), expanded=True):
        st.code(exc.diff() or _("(no differences)"), language="diff")
    with st.container(horizontal=True):
        if st.button(_("Load theirs (discard mine)"), key=f"{ed.prefix}_take_theirs", icon=":material/download:"):
            ed.reload((exc.theirs, exc.theirs_version))
            st.rerun()
        overwrite = st.button(_("Overwrite with mine"), key=f"{ed.prefix}_overwrite", icon=":material/upload:")
        if overwrite and save(ed, exc.theirs_version):
            st.rerun()


def status(ed: Editor, error: str | None) -> None:
    """Unsaved or not, discard, the one error (or 'valid'), and the notes on what the platform file overrides."""
    text, version = ed.base
    dirty = ed.text != text
    on_disk = read_profile_file(ed.path)[1] if ed.path.exists() else ""
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(_("Unsaved changes") if dirty else _("No unsaved changes"), width="stretch")
        if st.button(_("Discard my changes"), key=f"{ed.prefix}_discard", icon=":material/undo:", disabled=not dirty):
            ed.reload()
            st.rerun()
    flash = S.pop("prof_flash", None)
    if flash and flash[0] == "success":
        st.success(md(flash[1]), icon=":material/check_circle:")
    if error:
        st.error(md(shown(error)), icon=":material/error:")
        if flash and flash[0] == "error":
            st.caption(flash[1])
    else:
        st.success(_("{file} is valid").format(file=ed.name), icon=":material/check:")
        override_notes(ed)
    if on_disk != version and f"{ed.prefix}_conflict" not in S:
        st.warning(
            _("Someone saved this file since you opened it. Saving will show both versions."), icon=":material/group:"
        )


def override_notes(ed: Editor) -> None:
    """Where the platform file replaces a brand value (e.g. the sign-off), say so on both files."""
    brand_text, platform_text = pair(ed)
    brand_data, platform_data = yaml.safe_load(brand_text) or {}, yaml.safe_load(platform_text) or {}
    if not isinstance(brand_data, dict) or not isinstance(platform_data, dict):
        return
    labels = {"sign_off": _("the sign-off"), "emoji": _("the emoji rules")}
    for found in overrides(brand_data, platform_data):
        st.info(
            md(
                _(
                    "{platform_file} replaces {what} of brand.yaml on {platform}: brand {brand} → {platform} {value}"
                ).format(
                    platform_file=f"{ed.platform}.yaml",
                    what=labels.get(found.field, found.field),
                    platform=name("platform", ed.platform),
                    brand=_compact(found.brand),
                    value=_compact(found.platform),
                )
            ),
            icon=":material/layers:",
        )


def _compact(value: object) -> str:
    return " ".join(yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).split())


def save_button(ed: Editor, error: str | None, *, key: str) -> None:
    """The YAML editor's Save: validates and writes; disabled while the text has an error or nothing changed."""
    dirty = ed.text != ed.base[0]
    if st.button(_("Save"), key=key, type="primary", icon=":material/save:", disabled=not dirty or bool(error)):
        save(ed, ed.base[1])
        st.rerun()


# ---------------------------------------------------------------- the tabs


def field_widget(spec: FormField, value: Any, generation: str) -> Any:
    """The widget for one form field (keys change with the text, so the form follows YAML edits)."""
    key, label = f"pf_{generation}_{spec.key}", md(form_labels.label(spec))
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


def form_tab(ed: Editor, syntax: str | None) -> None:
    """The common fields as a form; Save writes them into the YAML, validates and saves in one step."""
    if syntax:
        st.caption(_("The form opens once the YAML can be read; fix the error above in the YAML tab."))
        return
    try:
        data = load_mapping(ed.text, str(ed.path))
    except ProfileError:
        st.caption(_("The form opens once the YAML can be read; fix the error above in the YAML tab."))
        return
    fields = form_fields(data, brand_file=ed.name == "brand.yaml")
    generation = hashlib.sha256(ed.text.encode()).hexdigest()[:10]
    values: dict[str, Any] = {}
    with st.form(f"{ed.prefix}_form", border=False):
        for section, specs in iter_sections(fields):
            st.subheader(form_labels.section(section), anchor=False)
            for spec in specs:
                values[spec.key] = field_widget(spec, widget_value(data, spec), generation)
        submitted = st.form_submit_button(
            _("Save"), type="primary", icon=":material/save:", key=f"{ed.prefix}_form_save"
        )
    if submitted:
        try:
            ed.set_text(apply_form(ed.text, values, fields))
        except ProfileError as exc:
            S["prof_form_error"] = str(exc)
            st.rerun()
        if validate(ed) is None:
            save(ed, ed.base[1])
        else:
            S["prof_flash"] = ("error", _("Not saved: fix the error shown above first."))
        st.rerun()


def yaml_tab(ed: Editor, error: str | None) -> None:
    """The whole file as YAML, with the Save under it."""
    st.text_area("YAML", key=ed.widget, height=520, label_visibility="collapsed")
    state.remember(ed.text_key, ed.text)
    with st.container(horizontal=True, vertical_alignment="center"):
        save_button(ed, error, key=f"{ed.prefix}_save")
        st.caption(_("Checked as soon as you click outside the box (or press Ctrl+Enter)."))


def preview_tab(ed: Editor, error: str | None) -> None:
    """Drafts for a sample message with the edited (unsaved) profile."""
    sample = st.text_area(_("Sample message"), key=state.sticky("prof_sample", SAMPLE), height=80)
    state.remember("prof_sample", sample)
    channel = st.selectbox(
        _("Channel"),
        list(CHANNELS),
        format_func=shown_as("channel", CHANNELS),
        key=state.sticky("prof_sample_channel", "comment"),
    )
    state.remember("prof_sample_channel", channel)
    preview = _("Preview drafts")
    if st.button(preview, key=f"{ed.prefix}_preview", icon=":material/visibility:", disabled=bool(error)):
        try:
            brand_text, platform_text = pair(ed)
            voice = voice_profile_from_texts(
                ed.brand, brand_text, platform_text, personas=state.personas_dir(), platform=ed.platform
            )
            message = Message(text=sample, platform=ed.platform, channel=channel)
            with st.spinner(_("Drafting…")):
                S[f"{ed.prefix}_preview_result"] = (draft(message, voice, None, state.backend()), voice)
        except ReplyvoiceError as exc:
            st.error(md(shown(exc)), icon=":material/error:")
    previewed = S.get(f"{ed.prefix}_preview_result")
    if previewed:
        result, voice = previewed
        limit = voice.limit(result.message.channel)
        for column, item in zip(st.columns(len(result.drafts), border=True), result.drafts, strict=True):
            column.subheader(item.tone, anchor=False)
            column.text(item.text)
            failed = [name("check", c.name) for c in item.checks if not c.ok]
            count = _("{n} / {limit} characters").format(n=len(item.text), limit=limit)
            column.caption(f"{count} · " + (", ".join(failed) or _("all checks pass")))


def changes_tab(ed: Editor) -> None:
    """The unsaved changes as a diff."""
    diff = "".join(
        difflib.unified_diff(
            ed.base[0].splitlines(keepends=True),
            ed.text.splitlines(keepends=True),
            fromfile=_("{file} (saved)").format(file=ed.name),
            tofile=_("{file} (edited)").format(file=ed.name),
        )
    )
    st.code(diff or _("No unsaved changes."), language="diff")


# ---------------------------------------------------------------- the page


def new_fact_panel(ed: Editor, error: str | None) -> None:
    """'Add a fact' from Insights: a prefilled fact for the open question, saved into brand.yaml."""
    asked = S.get("prof_new_fact")
    if not asked:
        return
    if ed.name != "brand.yaml":
        st.info(md(_("Open brand.yaml to add the fact for: {question}").format(question=asked["question"])))
        return
    data = {} if error else (yaml.safe_load(ed.text) or {})
    taken = [str(f.get("id")) for f in data.get("facts") or [] if isinstance(f, dict)]
    languages = [str(x) for x in data.get("languages") or ["de"]]
    with st.container(border=True, key="prof_fact_box"):
        st.subheader(_("Add a fact"), anchor=False)
        st.caption(md(_("Asked and not answered: {question}").format(question=asked["question"])))
        with st.form("prof_fact_form", border=False):
            ident = st.text_input(_("Fact id"), value=fact_id(asked["question"], taken), key="prof_fact_id")
            keywords = st.text_input(
                _("Keywords that find it (comma-separated)"),
                value=", ".join(fact_keywords(asked["question"])),
                key="prof_fact_keywords",
            )
            texts = {
                lang: st.text_area(
                    _("Answer ({language})").format(language=name("language", lang)), key=f"prof_fact_{lang}"
                )
                for lang in languages
            }
            left, right = st.columns([1, 4])
            added = left.form_submit_button(
                _("Add and save"), type="primary", key="prof_fact_save", disabled=bool(error)
            )
            dropped = right.form_submit_button(_("Cancel"), key="prof_fact_cancel")
        if dropped:
            S.pop("prof_new_fact", None)
            st.rerun()
        if added:
            fact = {
                "id": ident.strip(),
                "keywords": [k.strip() for k in keywords.split(",") if k.strip()],
                "text": {lang: value.strip() for lang, value in texts.items() if value.strip()},
            }
            try:
                ed.set_text(add_fact(ed.text, fact))
            except ProfileError as exc:
                st.error(md(shown(exc)), icon=":material/error:")
                return
            if validate(ed) is None and save(ed, ed.base[1]):
                S.pop("prof_new_fact", None)
            else:
                S["prof_flash"] = ("error", _("Not saved: fix the error shown above first."))
            st.rerun()


def pick() -> Editor:
    """Brand, platform and file selectors."""
    brands = state.brands(str(state.personas_dir()))
    if not brands:
        raise ProfileError(_("{folder}: no brand folder with a brand.yaml").format(folder=state.personas_dir()))
    left, middle, right = st.columns([1, 1, 2])
    brand_key, platform_key = state.sticky("prof_brand", brands[0]), state.sticky("prof_platform", "tiktok")
    asked = S.get("prof_new_fact") or {}
    if asked.get("brand") in brands and S.pop("prof_file_pending", None):
        S[brand_key] = S["prof_brand"] = asked["brand"]
        S[f"w_prof_file_{S['prof_platform']}"] = S[f"prof_file_{S['prof_platform']}"] = "brand.yaml"
    if S[brand_key] not in brands:
        S[brand_key] = brands[0]
    brand = state.remember("prof_brand", left.selectbox(_("Brand"), brands, key=brand_key))
    platform = state.remember(
        "prof_platform",
        middle.selectbox(
            _("Platform"),
            list(state.platforms()),
            format_func=shown_as("platform", state.platforms()),
            key=platform_key,
        ),
    )
    files = ["brand.yaml", f"{platform}.yaml"]
    labels = {
        "brand.yaml": _("Brand (all platforms)"),
        f"{platform}.yaml": _("{platform} only").format(platform=name("platform", platform)),
    }
    choice = right.radio(
        _("File"),
        files,
        format_func=labelled({f: f"{labels[f]} ({f})" for f in files}),
        key=state.sticky(f"prof_file_{platform}", "brand.yaml"),
        horizontal=True,
    )
    state.remember(f"prof_file_{platform}", choice)
    return Editor(brand, platform, choice)


st.title(_("Voice profiles"), anchor=False)
st.caption(_("Edit how a brand sounds: the brand profile holds everything, a platform profile refines it."))
try:
    editor = pick()
except ReplyvoiceError as exc:
    st.error(md(shown(exc)), icon=":material/error:")
    st.stop()
syntax = syntax_problem(editor)
problem = syntax or validate(editor)
if S.get("prof_form_error"):
    problem = S.pop("prof_form_error")
status(editor, problem)
conflict(editor)
new_fact_panel(editor, syntax)
form, raw, preview, changes = st.tabs([_("Form"), _("YAML"), _("Preview"), _("Changes")])
with form:
    form_tab(editor, syntax)
with raw:
    yaml_tab(editor, problem)
with preview:
    preview_tab(editor, problem)
with changes:
    changes_tab(editor)
