# whodid: `make demo` sets everything up and codes the example articles; `make test` runs the checks.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install lock clean

demo: $(STAMP)
	$(BIN)/whodid extract examples --published 2024-05-20 --format table

test: $(STAMP) lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

install: $(STAMP)

# Every dependency, the spaCy model included, is pinned with its hashes in requirements.lock; the web
# page's libraries are pinned in web/package-lock.json and copied next to the page (no CDN at run time).
# The gazetteer's index of places is built here, once, rather than by the first run or test.
$(STAMP): requirements.lock pyproject.toml web/package-lock.json src/whodid/web/vendor.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	npm ci --prefix web --ignore-scripts --no-audit --no-fund --loglevel=error
	$(BIN)/python -m whodid.web.assets web/node_modules
	$(BIN)/whodid gazetteer build
	touch $@

# Regenerate the lock after changing dependencies in pyproject.toml (needs pip-tools): `make lock`.
lock:
	pip-compile --quiet --allow-unsafe --generate-hashes --extra dev --strip-extras \
		--no-emit-find-links --no-emit-index-url -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache web/node_modules src/whodid/web/static/vendor
