# The two commands of the README: `make serve` and `make test`. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint install install-test browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

# Debian's Chromium for the browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

serve: install
	$(BIN)/commonmap validate directory
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

lint: install-test
	$(BIN)/ruff check commonmap tests build_map.py benchmarks
	$(BIN)/ruff format --check commonmap tests build_map.py benchmarks

test: install-test browser
	$(BIN)/ruff check commonmap tests build_map.py benchmarks
	$(BIN)/python -m pytest -n 2

clean:
	rm -rf site .pytest_cache
