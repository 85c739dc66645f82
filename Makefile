# Two commands for a newcomer: `make run` and `make test`.
# Both create .venv with Python 3.11 on first use and install the project into it.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test install bench eval clean e2e-deps playground teams-package webchat demo

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
	-bash deploy/scripts/install-e2e-deps.sh
	-bash deploy/scripts/install-azurite.sh
	$(PY) -m pytest

# Browser-test tools: Debian chromium + deploy/e2e/node_modules (npm ci). Tests skip loudly without them.
e2e-deps:
	bash deploy/scripts/install-e2e-deps.sh

# Microsoft 365 Agents Playground against the bot started by `make run` (see deploy/scripts/playground.sh).
playground:
	bash deploy/scripts/playground.sh

# dist/error-explainer-teams.zip; needs MicrosoftAppId and BOT_DOMAIN in the environment.
teams-package: $(STAMP)
	$(PY) deploy/scripts/teams_package.py

# The chat page against a local bot through a local Direct Line emulator; prints the address to open.
DEMO_PORT ?= 8000
demo: $(STAMP) e2e-deps
	$(PY) deploy/scripts/demo.py --port $(DEMO_PORT)

# dist/webchat/: the support-portal chat page with the pinned Web Chat bundle; edit its config.js.
webchat:
	bash deploy/scripts/build-webchat.sh

eval: $(STAMP)
	$(PY) ../shared/eval/score.py ../shared/eval/dev.jsonl --cmd "$(VENV)/bin/explain-error --json -"

bench: $(STAMP)
	$(PY) bench/catalog_load.py
	$(PY) bench/matcher.py
	$(PY) bench/server.py

clean:
	rm -rf $(VENV) build *.egg-info
