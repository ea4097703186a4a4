# The two commands of the README. Both make their own virtual environment in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= out/store

.PHONY: setup demo test lint bench models clean

$(BIN)/kg: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/kg

setup: $(BIN)/kg

## demo: build the graph of the bundled reports, write a theme report and the graph HTML into out/
demo: setup
	$(BIN)/kg build --store $(STORE) data/reports
	$(BIN)/kg report theme strategy-discussions --store $(STORE) -o out/strategy-discussions.md
	$(BIN)/kg export html --store $(STORE) -o out/authority-weakness.html
	@echo "Open out/authority-weakness.html and read out/strategy-discussions.md"

## test: lint, then every test (browser and server tests install what they need, or skip saying why)
test: setup
	bash scripts/install-test-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/build_corpus.py

## models: retrain loaders/models/polarity and loaders/models/themes from the labelled sentences (needs ../shared/corpus)
models: setup
	$(BIN)/python scripts/train_polarity_model.py
	$(BIN)/python scripts/train_theme_model.py

clean:
	rm -rf $(VENV) out .pytest_cache
