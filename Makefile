# forceplan: set-up, build and test on a fresh Debian machine with Swift.
#   make plan   install what is missing, build, plan scenarios/coalition-2025.yaml
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
SWIFT ?= swift
# CBC_DEPS: the CBC backend (library and headers) and the cbc program for cross-checks.
CBC_DEPS := coinor-libcbc-dev coinor-cbc pkg-config
APT_PACKAGES := libglpk-dev glpk-utils $(CBC_DEPS)
# Only the tests need these: a real browser for the briefing, netpbm to read its PNG.
TEST_APT_PACKAGES := chromium netpbm
# BENCH_DEPS: peak memory (/usr/bin/time -v) and the PuLP peers' virtual environment.
BENCH_DEPS := time python3-venv
SCENARIO ?= scenarios/coalition-2025.yaml
RELEASE_FLAGS := -c release --scratch-path .build-release

.PHONY: deps test-deps build release test plan bench clean

# Installs the Debian packages that are missing (needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES) $(EXTRA_APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

test-deps:
	@$(MAKE) --no-print-directory deps EXTRA_APT_PACKAGES="$(TEST_APT_PACKAGES)"

# XCTest only: the suites are XCTest, and Swift Testing's closing line would report 0 tests.
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

plan: release
	.build-release/release/forceplan plan $(SCENARIO)

bench: release
	@$(MAKE) --no-print-directory deps EXTRA_APT_PACKAGES="$(BENCH_DEPS)"
	$(MAKE) -C benchmarks load scale coalition

clean:
	rm -rf .build .build-release
