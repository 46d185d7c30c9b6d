# Clearance: `make run` starts the app with demo data; `make test` runs every check and test.
# Both set up what they need (a virtualenv in .venv, and Debian packages for the browser tests).

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint pytest worker system-packages clean allegation-data allegation-model name-lists

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The demo letters' letterhead: the organisation's own contact details are never a third party's.
run: export CLEARANCE_ORGANISATION_CONTACTS ?= 0161 496 0552
run: install system-packages
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Clearance is running at http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian packages: Chromium (browser tests), poppler (PDF rendering), LibreOffice and metric-compatible
# fonts (DOCX -> PDF). Installed only when missing; needs root.
DEBIAN_PACKAGES := chromium poppler-utils libreoffice-writer-nogui fonts-crosextra-carlito fonts-liberation2 fonts-dejavu-core
system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Not root: please install these Debian packages yourself:" $$missing; fi; \
	fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy .

pytest: install system-packages
	$(PY) -m pytest

test: lint pytest

worker: install
	$(VENV)/bin/celery -A config worker --loglevel=INFO --concurrency=2

# The allegation model's examples from the project's own annotated corpora (TRAINING_CORPORA in
# redaction/data/corpus_sentences.py; never the unseen ones).
allegation-data: install
	$(PY) -m redaction.data.corpus_sentences > redaction/data/allegation_corpus_sentences.jsonl

# Retrain the learned allegation model from those examples into the shipped weights.
allegation-model: install
	$(PY) -c "from redaction.detect.allegation_model import build; build()"

# The given-name and surname lists the engine ships, from Faker's person providers.
name-lists: install
	$(PY) -c "from redaction.detect.gazetteer import build_name_lists; build_name_lists()"

clean:
	rm -rf $(VENV) test-artifacts
