# The two commands of the README: `make serve` and `make test`. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint lock faketime install install-test browser vnu hugo bench clean translations same-as

# Every package comes from requirements.lock: exact versions with hashes, made by `make lock`.
LOCK := requirements.lock
UV_VERSION := 0.13.9

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The lock holds the package's, the test tools' and the lint tools' dependencies and the build
# tools (pip, setuptools); the project itself is then installed without resolving anything.
install install-test: $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .

# Refresh the lock after changing dependencies in pyproject.toml (tests/test_lock.py checks both agree).
lock: $(BIN)/python
	$(BIN)/pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile pyproject.toml --all-extras --group build --generate-hashes --universal \
	  --python-version 3.11 --quiet -o $(LOCK)

# Debian's Chromium for the browser tests (never a downloaded browser).
browser:
	@command -v chromium >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The Nu Html Checker for tests/test_trust_site.py: the jar from the npm package vnu-jar, run on
# Debian's Java (never committed; fetched here, like the browser).
VNU_VERSION := 26.9.27
VNU_JAR := .cache/vnu/vnu.jar
vnu: $(VNU_JAR)
$(VNU_JAR):
	@command -v java >/dev/null && command -v npm >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless npm >/dev/null; }
	mkdir -p .cache/vnu
	cd .cache/vnu && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null && tar xzf vnu-jar-$(VNU_VERSION).tgz package/build/dist/vnu.jar
	mv .cache/vnu/package/build/dist/vnu.jar $(VNU_JAR) && rm -rf .cache/vnu/package .cache/vnu/*.tgz

# Debian's Hugo, which benchmarks/site_10k.py builds the same pages with, for comparison.
hugo:
	@command -v hugo >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq hugo >/dev/null; }

# All benchmarks at 10,000 synthetic records, as one table (benchmarks/all.py; a few minutes).
bench: install-test browser hugo
	$(BIN)/python -m benchmarks.all

# The interface's gettext catalogues (commonmap/base/i18n.py): extract the Swedish strings of
# commonmap/base/ui.py into messages.pot, update every language's .po (new strings empty, changed ones
# fuzzy), compile them with Babel and print each language's completeness. The build reads the
# .po files itself; the .mo files written here are for translators' tools and are not committed.
LOCALE := commonmap/locale
translations: install-test
	$(BIN)/pybabel extract -F babel.cfg -o $(LOCALE)/messages.pot --no-location --project "Gemensam karta" \
	  --copyright-holder "Gemensam karta" --msgid-bugs-address "gemensam-karta@example.se" .
	$(BIN)/pybabel update -D messages -i $(LOCALE)/messages.pot -d $(LOCALE) --previous --ignore-pot-creation-date
	$(BIN)/pybabel compile -D messages -d $(LOCALE) --statistics

# The preview: an edited record's pages are rendered again in about a second (commonmap/serve.py).
serve: install
	$(BIN)/commonmap validate directory
	$(BIN)/commonmap serve --addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

lint: install-test
	$(BIN)/ruff check commonmap tests build_map.py benchmarks
	$(BIN)/ruff format --check commonmap tests build_map.py benchmarks

# Debian's faketime, to run the suite with the system clock moved ahead.
faketime:
	@command -v faketime >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq faketime >/dev/null; }

# Lint, the whole suite, then the whole suite again with the system clock two years ahead: no test
# may depend on the day it runs (the suite pins the program's one clock, commonmap/base/clock.py).
test: install-test browser vnu faketime
	$(BIN)/ruff check commonmap tests build_map.py benchmarks
	$(BIN)/python -m pytest -n 2
	faketime -f '+2y' $(BIN)/python -m pytest -n 2 -q -p no:cacheprovider -m 'not timed_waits'

clean:
	rm -rf site .pytest_cache .cache

# The site built from commit REV and from this checkout must be byte-identical (the sample and a
# 1,000-record synthetic directory): for changes that must not change the site, e.g. `make same-as REV=HEAD~1`.
same-as: install-test
	COMMONMAP_SAME_AS=$(REV) $(BIN)/python -m pytest -q -p no:xdist tests/test_trust_reproducible.py -k same_site
