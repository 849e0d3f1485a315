# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Each installs what it needs first (a venv in .venv from requirements.lock, and npm ci in js/);
# `make test`, `make bench` and `make bench-site` also make sure a Chromium is there (`browser`).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PY_STAMP := $(VENV)/.installed
JS_STAMP := js/node_modules/.installed
ADDR ?= 127.0.0.1:8000

.PHONY: install browser site zensical serve test lint format js-test bench bench-site lock clean

install: $(PY_STAMP) $(JS_STAMP)

$(PY_STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(JS_STAMP): js/package.json js/package-lock.json
	cd js && npm ci --no-audit --no-fund
	touch $@

# The browser rule is in benchmarks/find_browser.py (GD_CHROMIUM, Playwright's, a system one); when
# it finds none, this installs one (Playwright's download, else apt-get as root) or says how to.
browser: $(PY_STAMP)
	$(PY) benchmarks/provide_browser.py

site: install
	$(BIN)/mkdocs build --strict

# The same site built by Material's successor, which runs no MkDocs hook: the steps the hooks
# run, before and after it (CONTRIBUTING.md, "MkDocs' end of life"). No notebook pages yet.
zensical: install
	$(PY) hooks/_prepare.py
	$(BIN)/zensical build -f mkdocs.yml
	$(PY) hooks/_finish.py site

serve: install
	$(BIN)/mkdocs serve --strict -a $(ADDR)

lint: $(PY_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(PY_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

js-test: $(PY_STAMP) $(JS_STAMP)  # npm test writes gdlib's data with the venv's Python first
	cd js && npm test

test: install browser lint js-test
	$(BIN)/pytest

bench: install browser
	$(PY) benchmarks/bench_gdlib.py
	$(PY) benchmarks/bench_explorer.py
	$(PY) benchmarks/bench_expression.py

bench-site: install browser
	$(PY) benchmarks/bench_site.py

# Refresh the pins: resolve pyproject's extras in a scratch venv and freeze them, keeping the
# lock's opening comment. torch's local label (+cpu) is dropped so one pin serves every index.
lock:
	rm -rf build/lock-venv
	mkdir -p build && awk '!/^#/ {exit} {print}' requirements.lock > build/lock-header.txt
	$(PYTHON) -m venv build/lock-venv
	build/lock-venv/bin/pip install --quiet --upgrade pip
	build/lock-venv/bin/pip install --quiet --extra-index-url https://download.pytorch.org/whl/cpu -e '.[test]'
	{ cat build/lock-header.txt; build/lock-venv/bin/pip freeze --all --exclude-editable \
	  | grep -v "^pip==" | sed 's/+cpu$$//'; } > requirements.lock
	rm -rf build/lock-venv
	cd js && npm install --package-lock-only --no-audit --no-fund

clean:
	rm -rf site docs/generated js/generated .cache build
