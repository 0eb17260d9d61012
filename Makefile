# Two commands for a newcomer: `make run` opens byline on the bundled sample,
# `make test` runs the suite. Both set up the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup bench eval clean

# the extras installed; the stamp depends on this file, so changing them installs again
EXTRAS := test,web

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

setup: $(STAMP)

# Byte-compiled here (only what changed since), so the app does not compile its own
# modules at every start (about 40 ms) where PYTHONDONTWRITEBYTECODE is set.
run: $(STAMP)
	$(BIN)/python -m compileall -q tui store >/dev/null
	$(BIN)/byline

test: $(STAMP)
	$(BIN)/pytest -q -n 2

bench: $(STAMP)
	$(BIN)/python benchmarks/extract_bench.py

# Scores extraction on every shared dev set (../shared/eval).
eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py

clean:
	rm -rf $(VENV) build *.egg-info
