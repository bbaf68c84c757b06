# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench docs clean catalogs recordings-stale model eval-analysis

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

# --dist loadfile: each test file runs on one worker, so GermEval is drafted, the recordings replayed and the wheel
# built once per run (loadgroup's xdist_group marks are ignored with pytest 9.2 and xdist 3.8: groups were split).
test: $(DEVSTAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -n auto --dist loadfile --durations=15

lint: $(DEVSTAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# The app's message catalogs: new msgids from the code into the .pot and every .po, then .mo files
# (optional: the app compiles a .po on first use when its .mo is missing or older).
LOCALES := assistant/i18n/locales
catalogs: $(DEVSTAMP)
	$(BIN)/pybabel extract --no-location --sort-output -k N_ --project replyvoice -w 100 -o $(LOCALES)/replyvoice.pot assistant app.py
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -w 100 -i $(LOCALES)/replyvoice.pot -d $(LOCALES) -D replyvoice
	$(BIN)/pybabel compile --statistics -d $(LOCALES) -D replyvoice

bench: $(DEVSTAMP)
	$(BIN)/python -m benchmarks

# The voice-profile reference, generated from the pydantic models (tests/test_docs.py fails when it is stale).
docs: $(STAMP)
	$(BIN)/python -m assistant.profiles.reference docs/voice-profile.md

# Recorded model answers (tests/data/recordings) whose prompt fingerprint no longer matches what the backend sends.
recordings-stale: $(STAMP)
	$(BIN)/python -m tests.recordings stale

# The analysis model (assistant/data/analysis_model.npz), rebuilt from tests/data/analysis_corpus.
model: $(DEVSTAMP)
	$(BIN)/python -m assistant.analysis.training

# Intent, team, sarcasm and question-to-fact scores on the held-out test split of that corpus.
eval-analysis: $(STAMP)
	$(BIN)/python -m assistant.analysis.evaluation --split test

clean:
	rm -rf $(VENV) build *.egg-info
