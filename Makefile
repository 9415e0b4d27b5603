# CSP Hub. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
DEV_ENV := DEBUG=true
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install lock assets static migrate demo serve test lint format types migrations-check pytest test-pg clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "CSP Hub needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements/dev.txt | $(PY)
	@UV=$$(command -v uv || echo $(BIN)/uv); \
	if [ ! -x "$$UV" ]; then $(BIN)/pip install -q uv && UV=$(BIN)/uv; fi; \
	"$$UV" pip install --python $(PY) --require-hashes -q -r requirements/dev.txt
	@touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed ## Create .venv, install the locked requirements and run npm ci

lock: ## Regenerate the hashed lock files from pyproject.toml
	@UV=$$(command -v uv || echo $(BIN)/uv); \
	"$$UV" pip compile pyproject.toml --generate-hashes -q -o requirements/base.txt && \
	"$$UV" pip compile pyproject.toml --extra dev --generate-hashes -q -o requirements/dev.txt

assets: install ## Compile the council-styled GOV.UK Frontend CSS and copy the scripts (and Leaflet)
	@mkdir -p core/static/core core/static/govuk core/static/vendor
	npx sass --no-source-map --style=compressed --quiet-deps --load-path=. core/static_src/scss/csphub.scss core/static/core/csphub.css
	@cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js core/static/govuk/
	@cp node_modules/htmx.org/dist/htmx.min.js core/static/vendor/
	@mkdir -p core/static/vendor/leaflet && cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css core/static/vendor/leaflet/
	@cp -r node_modules/leaflet/dist/images core/static/vendor/leaflet/
	@mkdir -p core/static/govuk/assets && cp -r node_modules/govuk-frontend/dist/govuk/assets/images core/static/govuk/assets/

static: assets ## Collect static files
	$(DEV_ENV) $(MANAGE) collectstatic --noinput -v 0

migrate: install ## Apply migrations to the development database
	$(DEV_ENV) $(MANAGE) migrate --noinput -v 0

demo: static migrate ## Install, build, migrate, load the Tonbridge and Malling demo and serve it
	$(DEV_ENV) $(MANAGE) load_demo --url http://$(HOST):$(PORT)/
	@echo ""
	@echo "CSP Hub is starting at http://$(HOST):$(PORT)/ (stop it with Ctrl+C)."
	@$(MAKE) --no-print-directory serve

serve: ## Serve the development site (and a background-task worker) without reloading the demo
	@$(DEV_ENV) $(MANAGE) db_worker --no-reload -v 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(MANAGE) runserver $(HOST):$(PORT)

lint: install ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

types: install ## mypy with django-stubs
	$(BIN)/mypy .

migrations-check: install ## Fail when a model change has no migration
	DJANGO_SETTINGS_MODULE=csphub.test_settings $(MANAGE) makemigrations --check --dry-run

pytest: install assets ## Run the whole pytest suite (browser tests when Chromium is found)
	@if [ -x "$${CHROMIUM:-/usr/bin/chromium}" ] || command -v chromium >/dev/null; then \
		echo "Browser tests: using $$(command -v chromium || echo $${CHROMIUM})"; \
	else echo "Browser tests: SKIPPED - no Chromium found (apt-get install chromium to run them)"; fi
	$(BIN)/pytest

test: lint types migrations-check pytest ## Lint, types, migrations check and the whole suite

test-pg: install assets ## The suite against PostgreSQL (set DATABASE_URL)
	@test -n "$$DATABASE_URL" || (echo "Set DATABASE_URL=postgres://..." && exit 2)
	$(BIN)/pytest

clean: ## Remove build output and the development database
	rm -rf $(VENV) node_modules staticfiles core/static/govuk core/static/vendor core/static/core/csphub.css db.sqlite3 .test-crimedata .test-media
