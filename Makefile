# Two commands on a fresh machine with Python 3 and git:
#   make run    set up (first time) and launch the app on the simulated sensor
#   make test   set up (first time) and run lint, layer contracts and the whole test suite (mypy
#               is one of its tests: tests/test_type_checker.py)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast lint bench screenshots clean bundle translations
# bytecode written even where the shell sets PYTHONDONTWRITEBYTECODE (some CI images and containers do):
# otherwise every subprocess a test starts compiles biofeedback/ again (1-4 % of a CLI test module's CPU, measured)
PYTEST := PYTHONDONTWRITEBYTECODE= QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
# three workers per core (at least 2, at most 8): part of the suite waits on real time (simulators,
# other processes); on 2 cores the whole suite took 318 s with 3 workers (CPU 151 % busy), 278 s
# with 4 (169 %), 262-277 s with 5 (173-185 %) and 256 s with 6 (191 %); a module's tests
# stay in one worker (its fixtures built once); modules in the order tests/conftest.py gives them
# (costliest first), not xdist's (most tests first)
WORKERS := -n $(shell $(PYTHON) -c "import os; print(min(8, max(2, 3 * (os.cpu_count() or 2))))") --dist loadscope --no-loadscope-reorder
# On a fresh clone nothing is compiled yet: the workers, started together, would each rewrite the
# tests' asserts and compile biofeedback/ (~7 CPU-s apiece, 40 CPU-s of 6 workers, measured); two
# collections side by side do it once (~5 s; a new folder under tests/ goes in one of the two lists).
# Their errors are the test run's to report.
WARM_BYTECODE := ($(PYTEST) --collect-only -q tests/ui tests/cli tests/ble $(wildcard tests/test_*.py) >/dev/null 2>&1 & \
	$(PYTEST) --collect-only -q tests/core tests/io tests/app tests/firmware tests/packaging tests/validation >/dev/null 2>&1; \
	wait) || true
# setuptools prints a 9-line notice on every editable install of a flat layout (InformationOnly:
# "folders named like the package may take precedence"); nothing to act on, so not shown
PIP_EDITABLE := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(BIN)/python
	$(PIP_EDITABLE) .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(PIP_EDITABLE) '.[dev,bench]'
	touch $@ $(VENV)/.run-installed

$(VENV)/.bundle-installed: pyproject.toml | $(BIN)/python
	$(PIP_EDITABLE) '.[bundle]'
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(BIN)/biofeedback gui --simulate

test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(WARM_BYTECODE)
	$(PYTEST) $(WORKERS)

test-fast: $(VENV)/.dev-installed
	$(WARM_BYTECODE)
	$(PYTEST) $(WORKERS) -m "not slow"

bench: $(VENV)/.dev-installed
	for f in benchmarks/*.py; do echo "== $$f"; QT_QPA_PLATFORM=offscreen $(BIN)/python $$f || exit 1; done

screenshots: $(VENV)/.dev-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/history_screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshot_wizard.py

# collect the window's text into biofeedback/resources/translations/*.ts and build the .qm files
translations: $(VENV)/.dev-installed
	$(BIN)/python tools/translations.py

# the one-folder app for this machine (PyInstaller): dist/biofeedback/biofeedback[.exe];
# benchmarks/bundle.py builds it too, reports time and size, and launches it with beats arriving
bundle: $(VENV)/.bundle-installed
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/biofeedback.spec
	du -sh dist/biofeedback

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
