# Jobunivers: `make run` sets everything up and serves the portal; `make test` runs all checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.stamp
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test lint format i18n assets translations migrate demo clean help

help:
	@echo "make run    set up everything and serve http://$(HOST):$(PORT)"
	@echo "make test   install the test extras and run lint and the whole test suite"
	@echo "make i18n   extract messages and update the Danish and English catalogues"

$(STAMP)-base: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: install python3.11 (Debian: apt-get install python3 python3-venv)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP)-test: $(STAMP)-base
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

static/vendor/.stamp: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js and npm (Debian: apt-get install nodejs npm), then run make again." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf static/vendor
	mkdir -p static/vendor/dkfds static/vendor/htmx
	cp -R node_modules/dkfds/dist/css node_modules/dkfds/dist/js node_modules/dkfds/dist/img node_modules/dkfds/dist/fonts static/vendor/dkfds/
	cp node_modules/dkfds/LICENSE.md static/vendor/dkfds/
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/
	cp node_modules/htmx.org/LICENSE static/vendor/htmx/
	touch $@

assets: static/vendor/.stamp

translations: $(STAMP)-base
	$(BIN)/pybabel compile -d translations

migrate: $(STAMP)-base
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) demo load --if-empty

# Decision support's effect tables, fitted once on the SYNTHETIC history (about a minute).
instance/models/effects.json: | $(STAMP)-base
	$(FLASK) ml train effects

run: $(STAMP)-base assets translations demo instance/models/effects.json
	$(FLASK) run --host $(HOST) --port $(PORT)

lint: $(STAMP)-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Two pytest-xdist workers, the browser sweep's pages grouped per role and language so a
# worker keeps its Chromium context (PYTEST_WORKERS=0 runs in one process); more
# arguments for pytest in PYTEST_ARGS, e.g. make test PYTEST_ARGS='-m "not browser"'.
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=

test: $(STAMP)-test assets translations lint
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

i18n: $(STAMP)-base
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot --no-location --sort-output --project Jobunivers app
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete
	$(BIN)/python tools/i18n_english.py

clean:
	rm -rf $(VENV) node_modules static/vendor
