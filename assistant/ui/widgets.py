"""Small browser-side helpers: a live character counter with a one-click copy button.

Streamlit's text_area reports its value only when the box loses focus (or on Ctrl+Enter), so the
count is kept in the browser: a components.v2 component reads the box it belongs to while the person
types and shows "n / limit" at once; its Copy button copies exactly what is in the box. Texts go in
through `data` and out through textContent only, never as HTML.
"""

from __future__ import annotations

import streamlit as st

from assistant.ui.lang import _

HTML = '<div class="rv-tools"><span class="rv-count" aria-live="polite"></span><button type="button"></button></div>'
CSS = """
.rv-tools { display: flex; align-items: center; gap: .75rem; font-family: var(--st-font, sans-serif);
  font-size: .875rem; color: var(--st-text-color, #31333f); opacity: .85; min-height: 2rem; }
.rv-tools.over .rv-count { color: var(--st-red-color, #d33); font-weight: 600; opacity: 1; }
.rv-tools button { font: inherit; padding: .2rem .7rem; border-radius: .5rem; cursor: pointer;
  border: 1px solid var(--st-border-color, rgba(49, 51, 63, .2)); background: transparent; color: inherit; }
.rv-tools button:hover { border-color: var(--st-primary-color, #ff4b4b); color: var(--st-primary-color, #ff4b4b); }
"""
JS = """
export default function (component) {
  const { data, parentElement } = component;
  const root = parentElement.querySelector(".rv-tools");
  const count = root.querySelector(".rv-count");
  const button = root.querySelector("button");
  const area = () => (data.target ? document.querySelector(data.target) : null);
  const current = () => { const box = area(); return box ? box.value : (data.text || ""); };
  const update = () => {
    const n = Array.from(current()).length;
    const over = data.limit > 0 && n > data.limit;
    let label = data.limit > 0 ? `${n} / ${data.limit} ${data.unit}` : `${n} ${data.unit}`;
    if (over) label += ` · ${n - data.limit} ${data.too_many}`;
    count.textContent = label;
    root.classList.toggle("over", over);
  };
  const copy = async (text) => {
    try { await navigator.clipboard.writeText(text); return true; } catch (error) { /* not a secure context */ }
    const helper = document.createElement("textarea");
    helper.value = text;
    helper.setAttribute("readonly", "");
    helper.style.position = "fixed";
    helper.style.opacity = "0";
    document.body.appendChild(helper);
    helper.select();
    const done = document.execCommand("copy");
    helper.remove();
    return done;
  };
  button.textContent = data.copy;
  button.onclick = async () => {
    const done = await copy(current());
    button.textContent = done ? data.copied : data.copy_failed;
    setTimeout(() => { button.textContent = data.copy; }, 1500);
  };
  update();
  const timer = setInterval(update, 250);
  document.addEventListener("input", update, true);
  return () => { clearInterval(timer); document.removeEventListener("input", update, true); };
}
"""

_tools = st.components.v2.component("replyvoice_text_tools", html=HTML, css=CSS, js=JS)


def area_selector(widget_key: str) -> str:
    """The CSS selector of the <textarea> of a Streamlit text_area with this key."""
    return f".st-key-{widget_key} textarea"


def text_tools(key: str, widget_key: str, text: str, limit: int = 0) -> None:
    """A live 'n / limit characters' counter and a Copy button for the text area `widget_key`."""
    _tools(
        key=key,
        data={
            "target": area_selector(widget_key),
            "text": text,
            "limit": limit,
            "unit": _("characters"),
            "too_many": _("too many"),
            "copy": _("Copy"),
            "copied": _("Copied"),
            "copy_failed": _("Select the text and press Ctrl+C"),
        },
        height="content",
    )
