# The two set-up commands: `make run` (the API and its worker, with sandbox data) and `make test` (the suite).
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run stop test lint format bench browser image-test client

$(BIN)/.installed: requirements.txt requirements-dev.txt
	sh scripts/venv.sh $(VENV)
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(BIN)/.installed
	@set -e; \
	DATABASE_URL=$${DATABASE_URL:-$$($(BIN)/python scripts/localpg.py start dev)}; \
	export DATABASE_URL DEBUG=$${DEBUG:-true} TIMP_SANDBOX=$${TIMP_SANDBOX:-true}; \
	$(BIN)/python manage.py migrate --no-input; \
	$(BIN)/python manage.py seed_sandbox --base-url http://$(HOST):$(PORT); \
	export WEBHOOK_ALLOW_PRIVATE_NETWORKS=$${WEBHOOK_ALLOW_PRIVATE_NETWORKS:-true}; \
	$(abspath $(BIN))/python manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	echo "Serving on http://$(HOST):$(PORT)/ (API docs: /timp/docs/, admin: /admin/), with the worker"; \
	echo "Stop with Ctrl-C (the server and the worker); make stop stops its PostgreSQL too."; \
	$(abspath $(BIN))/python manage.py runserver --skip-checks $(HOST):$(PORT)

# Stops what make run left: its server and worker, if still running, and its PostgreSQL cluster.
stop:
	-@pkill -f "$(abspath $(BIN))/python manage.py (runserver|worker)"
	@if [ -x $(BIN)/python ]; then $(BIN)/python scripts/localpg.py stop dev; fi

test: lint browser
	DEBUG=true $(BIN)/python scripts/localpg.py throwaway -- $(BIN)/pytest $(PYTEST_ARGS)

# The browser tests drive Debian's Chromium; without it (and without root to install it) they skip.
# They check the console's pages with axe-core, from npm (package.json).
browser: node_modules/.installed
	@command -v chromium >/dev/null 2>&1 || sh scripts/apt-install.sh chromium \
		|| echo "No Chromium: the browser tests will be skipped."

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || sh scripts/apt-install.sh npm
	npm ci --no-audit --no-fund
	touch $@

# The load benchmark: production settings under gunicorn, a throwaway (durable) PostgreSQL, wrk.
bench: $(BIN)/.installed
	$(BIN)/python scripts/localpg.py throwaway --durable -- $(BIN)/python bench/run.py

# The partner SDK, clients/python/, generated again from the schema (scripts/client.py).
client: $(BIN)/.installed
	$(BIN)/python scripts/client.py

# The image built from the Dockerfile and run with podman, as a user would (scripts/image_test.py).
image-test:
	python3 scripts/localpg.py throwaway -- python3 scripts/image_test.py

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
