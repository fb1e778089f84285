# forceplan: set-up, build and test on a fresh Debian machine with Swift.
#   make plan   install what is missing, build, plan scenarios/coalition-2025.yaml
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libglpk-dev glpk-utils libyaml-dev
SCENARIO ?= scenarios/coalition-2025.yaml
RELEASE_FLAGS := -c release --scratch-path .build-release

.PHONY: deps build release test plan bench clean fuzz

# Installs the Debian packages that are missing (needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
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

# XCTest only: the suites are XCTest, and Swift Testing's closing line would report 0 tests.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

plan: release
	.build-release/release/forceplan plan $(SCENARIO)

bench: release
	$(MAKE) -C benchmarks

# libFuzzer on the scenario loader and validator for SECONDS seconds (docs/reliability.md).
# New corpus entries go to .build-fuzz/corpus; a crashing input to .build-fuzz/artifacts/
# (copy it to Tests/ForcePlannerTests/Fixtures/fuzz-regressions/, which the tests replay).
SECONDS ?= 60
FUZZ_BUILD := --product ScenarioFuzzer --scratch-path .build-fuzz \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
FUZZ_SEEDS := scenarios Tests/ForcePlannerTests/Fixtures/malformed Tests/ForcePlannerTests/Fixtures/fuzz-regressions
fuzz: deps
	$(SWIFT) build $(FUZZ_BUILD)
	mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
	$$($(SWIFT) build $(FUZZ_BUILD) --show-bin-path)/ScenarioFuzzer \
	  -max_total_time=$(SECONDS) -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
	  -dict=fuzz/scenario.dict -print_final_stats=1 -artifact_prefix=.build-fuzz/artifacts/ \
	  .build-fuzz/corpus $(FUZZ_SEEDS)

clean:
	rm -rf .build .build-release .build-fuzz .build-asan .build-ubsan
