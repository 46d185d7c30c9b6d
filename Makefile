# Clearance: `make run` starts the app with demo data; `make test` runs every check and test.
# Both set up what they need (a virtualenv in .venv, and Debian packages for the browser tests).

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint pytest worker system-packages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Clearance is running at http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian packages the browser tests and PDF checks use; installed only when missing (needs root).
system-packages:
	@command -v chromium >/dev/null && command -v pdftoppm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else echo "Install chromium and poppler-utils (apt-get) for the browser tests"; fi; }

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy .

pytest: install system-packages
	$(PY) -m pytest

test: lint pytest

worker: install
	$(VENV)/bin/celery -A config worker --loglevel=INFO --concurrency=2

clean:
	rm -rf $(VENV) test-artifacts
