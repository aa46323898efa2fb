# The two commands a newcomer needs: `make serve` and `make test`.
# Every target bootstraps .venv on first use, so there is no other set-up step.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Zensical, the other engine the generated folder must build with (tests/test_zensical.py),
# in a virtualenv of its own: it is not a dependency of the project. 0.0.73 is the newest
# that installs (later ones pin a zensical-ui that is not published).
ZENSICAL_VENV := .venv-zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint generate bench clean

$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) (first use, or pyproject.toml changed): MkDocs, Material, Pagefind,"
	@echo "the test tools; about a minute on a fresh machine."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)
	@echo "$(VENV) is ready."

# make serve PORT=8001 for another port.
serve: $(STAMP)
	$(BIN)/briefings serve --dev-addr 127.0.0.1:$(PORT)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

$(ZENSICAL_STAMP):
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet zensical==0.0.73
	touch $(ZENSICAL_STAMP)

test: $(STAMP) $(ZENSICAL_STAMP)
	$(BIN)/ruff check .
	PATH="$(CURDIR)/$(ZENSICAL_VENV)/bin:$$PATH" $(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .

generate: $(STAMP)
	$(BIN)/briefings generate --out build/docs

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf site build bench/out .cache
