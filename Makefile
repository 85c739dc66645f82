# Two commands for a newcomer: `make run` and `make test`.
# Both create .venv with Python 3.11 on first use and install the project into it.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test install bench eval clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or: make PYTHON=/path/to/python3.11 ...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m bot

test: $(STAMP)
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) ../shared/eval/score.py ../shared/eval/dev.jsonl --cmd "$(VENV)/bin/explain-error --json -"

bench: $(STAMP)
	$(PY) bench/catalog_load.py

clean:
	rm -rf $(VENV) build *.egg-info
