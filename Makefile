# newsgraph: `make demo` sets everything up and runs the pipeline on the bundled sample; `make test` runs the suite.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
SAMPLE := examples/joongang-2024-10-22-weapons-ukraine.txt
PYTEST_ARGS ?=
export PYTHONDONTWRITEBYTECODE := 1
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export RAY_USAGE_STATS_ENABLED := 0

.PHONY: help install demo test test-all eval bench train lint fuzz audit lock clean python

help:
	@echo "make demo     create $(VENV), install, extract the bundled sample, ingest it, show its disputes"
	@echo "make install  create $(VENV) and install the locked dependencies and newsgraph (editable)"
	@echo "make test     fast, meaningful test suite (slow evaluations excluded)"
	@echo "make test-all every test, the slow ones included"
	@echo "make eval     accuracy tables against ../shared/datasets"
	@echo "make bench    speed/memory ratios (bench/results.json)"
	@echo "make train    retrain the shipped models from ../shared/datasets (seeded, deterministic; each prints its time)"
	@echo "make lint     ruff + ruff format + strict mypy"
	@echo "make fuzz     time-boxed atheris fuzzing"
	@echo "make audit    pip-audit over requirements.lock"
	@echo "make lock     regenerate the hash-pinned requirements.lock (needs uv)"
	@echo "make clean    remove $(VENV), caches and demo.db"
	@echo "make help     this list"

python:
	@scripts/find-python

$(VENV)/.installed: requirements.lock pyproject.toml
	@set -e; PYBIN=$$(scripts/find-python); echo "using $$PYBIN ($$($$PYBIN --version))"; \
	  [ -x $(PY) ] || $$PYBIN -m venv $(VENV); \
	  $(PY) -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements.lock; \
	  $(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .; \
	  touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/newsgraph extract $(SAMPLE)
	@if $(PY) -c 'import newsgraph.cli.store' 2>/dev/null; then \
	  rm -f demo.db; $(VENV)/bin/newsgraph ingest $(SAMPLE) --db demo.db && \
	  $(VENV)/bin/newsgraph claims --db demo.db --status denied && \
	  $(VENV)/bin/newsgraph disputes --db demo.db && \
	  $(VENV)/bin/newsgraph claim --db demo.db --first; fi

test: install
	$(PY) -m pytest -q $(PYTEST_ARGS)

test-all: install
	$(PY) -m pytest -q -m "" $(PYTEST_ARGS)

eval: install
	$(PY) -m eval.run_all

bench: install
	$(PY) -m bench.run_all

# Retrain the models that ship in the package (each a seeded, deterministic script that prints its time).
train: install
	nice $(PY) scripts/train_attribution.py
	nice $(PY) scripts/train_gate.py
	nice $(PY) scripts/train_name_gender.py
	nice $(PY) scripts/train_stance.py

lint: install
	$(VENV)/bin/ruff check src tests eval bench scripts
	$(VENV)/bin/ruff format --check src tests eval bench scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy tests
	$(VENV)/bin/mypy eval bench scripts

fuzz: install
	$(PY) -m tests.fuzz.run_all

# Known-vulnerability audit of the locked dependencies (needs the vulnerability service; offline it warns, exit 0).
audit: install
	$(PY) scripts/audit_deps.py

# Regenerate the hash-pinned lock (needs uv: `pip install uv`). Universal: valid on Python 3.11-3.13.
lock:
	uv pip compile pyproject.toml --extra dev --extra embeddings --universal --python-version 3.11 --generate-hashes \
	  --no-header -o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist demo.db
