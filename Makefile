# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench docs model eval-analysis clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(STAMP)

run: $(STAMP)
	REPLYVOICE_BACKEND=$${REPLYVOICE_BACKEND:-offline} $(BIN)/streamlit run app.py

test: $(DEVSTAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

lint: $(DEVSTAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(DEVSTAMP)
	$(BIN)/python -m benchmarks

# The voice-profile reference, generated from the pydantic models (tests/test_docs.py fails when it is stale).
docs: $(STAMP)
	$(BIN)/python -m assistant.profiles.reference docs/voice-profile.md

# The analysis model (assistant/data/analysis_model.npz), rebuilt from tests/data/analysis_corpus.
model: $(DEVSTAMP)
	$(BIN)/python -m assistant.analysis.training

# Intent, team, sarcasm and question-to-fact scores on the held-out test split of that corpus.
eval-analysis: $(STAMP)
	$(BIN)/python -m assistant.analysis.evaluation --split test

clean:
	rm -rf $(VENV) build *.egg-info
