# forceplan: set-up, build and test on a fresh Debian machine with Swift.
#   make plan   install what is missing, build, plan scenarios/coalition-2025.yaml
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
SWIFT ?= swift
# CBC_DEPS: the CBC backend (library and headers) and the cbc program for cross-checks.
CBC_DEPS := coinor-libcbc-dev coinor-cbc pkg-config
APT_PACKAGES := libglpk-dev glpk-utils libyaml-dev $(CBC_DEPS)
# Only the tests need these: a real browser for the briefing, netpbm to read its PNG,
# poppler-utils (pdftotext, pdfinfo) to read its PDF.
TEST_APT_PACKAGES := chromium netpbm poppler-utils
# BENCH_DEPS: peak memory (/usr/bin/time -v) and the PuLP peers' virtual environment.
BENCH_DEPS := time python3-venv
SCENARIO ?= scenarios/coalition-2025.yaml
RELEASE_FLAGS := -c release --scratch-path .build-release
# Extra flags for the debug build; CI sets SWIFT_BUILD_FLAGS="-Xswiftc -warnings-as-errors".
SWIFT_BUILD_FLAGS ?=

.PHONY: deps test-deps build release test test-asan test-ubsan leak-check plan bench clean fuzz fuzz-scenario fuzz-report

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
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

test-deps:
	@$(MAKE) --no-print-directory deps EXTRA_APT_PACKAGES="$(TEST_APT_PACKAGES)"

# XCTest only: the suites are XCTest, and Swift Testing's closing line would report 0 tests.
test: test-deps
	$(SWIFT) build --build-tests $(SWIFT_BUILD_FLAGS)
	$(SWIFT) test --skip-build --disable-swift-testing

# The whole suite (the CLI binary its tests run included) under AddressSanitizer and under
# UndefinedBehaviorSanitizer, each in its own scratch path. XCTest and Foundation's Process
# leak a little by themselves, so LeakSanitizer is off for the suite and run on its own on
# whole `plan` runs (it fails them on any leak).
test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 \
	  $(SWIFT) test --skip-build --disable-swift-testing --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=1 .build-asan/debug/forceplan plan scenarios/tutorial.yaml --quiet >/dev/null
	ASAN_OPTIONS=detect_leaks=1 .build-asan/debug/forceplan plan scenarios/coalition-2025-no-backstop.yaml \
	  --quiet --node-limit 200 >/dev/null
	ASAN_OPTIONS=detect_leaks=1 .build-asan/debug/forceplan plan scenarios/tutorial.yaml --solver cbc --quiet >/dev/null

# swiftc has no -sanitize=undefined on Linux (Swift code traps on overflow and bad indices
# by itself): UBSan instruments the C code (the GLPK shim), and clang links its runtime.
UBSAN_BUILD := --build-tests --scratch-path .build-ubsan -Xcc -fsanitize=undefined \
	-Xcc -fno-sanitize-recover=undefined -Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined
test-ubsan: deps
	$(SWIFT) build $(UBSAN_BUILD)
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(SWIFT) test --skip-build --disable-swift-testing --scratch-path .build-ubsan

# GLPK objects left behind by a whole `plan` run (valgrind's leak summary; fails on any
# definitely or indirectly lost block).
leak-check: deps build
	command -v valgrind >/dev/null || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq valgrind >/dev/null; }
	@# valgrind 3.19 cannot read Swift 6's DWARF 5: check a copy without debug info.
	strip --strip-debug -o .build/forceplan-leak-check $$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)/forceplan
	valgrind --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=definite,indirect --error-exitcode=3 \
	  --log-file=.build/leak-check.log .build/forceplan-leak-check plan scenarios/tutorial.yaml --quiet >/dev/null
	grep -A5 "LEAK SUMMARY" .build/leak-check.log
	@# Nothing GLPK allocated may be left at exit, not even reachable.
	! grep -q "libglpk" .build/leak-check.log

# The build quiet and the command not echoed: the plan's bottom line opens the output.
plan: deps
	@$(SWIFT) build $(RELEASE_FLAGS) --quiet
	@.build-release/release/forceplan plan $(SCENARIO) --detail summary

bench: release
	@$(MAKE) --no-print-directory deps EXTRA_APT_PACKAGES="$(BENCH_DEPS)"
	$(MAKE) -C benchmarks load scale coalition

# libFuzzer for SECONDS seconds on each target (docs/reliability.md): ScenarioFuzzer on the
# scenario loader and validator, ReportFuzzer on brief JSON, results files and sweeps.
# New corpus entries go to .build-fuzz/corpus[-report]; a crashing input to
# .build-fuzz/artifacts/ (copy a scenario to Tests/ForcePlannerTests/Fixtures/fuzz-regressions/
# and a report input to fuzz/report-seeds/, which the tests replay).
SECONDS ?= 60
FUZZ_FLAGS := --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
FUZZ_RUN := -max_total_time=$(SECONDS) -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
	-print_final_stats=1 -artifact_prefix=.build-fuzz/artifacts/
FUZZ_SEEDS := scenarios Tests/ForcePlannerTests/Fixtures/malformed Tests/ForcePlannerTests/Fixtures/fuzz-regressions
REPORT_SEEDS := fuzz/report-seeds Tests/ForcePlannerTests/Fixtures/golden sweeps
fuzz: fuzz-scenario fuzz-report
fuzz-scenario: deps
	$(SWIFT) build --product ScenarioFuzzer $(FUZZ_FLAGS)
	mkdir -p .build-fuzz/corpus .build-fuzz/artifacts
	$$($(SWIFT) build --product ScenarioFuzzer $(FUZZ_FLAGS) --show-bin-path)/ScenarioFuzzer $(FUZZ_RUN) \
	  -dict=fuzz/scenario.dict .build-fuzz/corpus $(FUZZ_SEEDS)
fuzz-report: deps
	$(SWIFT) build --product ReportFuzzer $(FUZZ_FLAGS)
	mkdir -p .build-fuzz/corpus-report .build-fuzz/artifacts
	$$($(SWIFT) build --product ReportFuzzer $(FUZZ_FLAGS) --show-bin-path)/ReportFuzzer $(FUZZ_RUN) \
	  -dict=fuzz/report.dict .build-fuzz/corpus-report $(REPORT_SEEDS)

clean:
	rm -rf .build .build-release .build-fuzz .build-asan .build-ubsan
