"""Drafting backends: `offline` (built-in composer) and `openai` (OpenAI-compatible)."""
