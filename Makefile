# forceplan: set-up, build and test on a fresh Debian machine with Swift.
#   make plan   install what is missing, build, plan scenarios/coalition-2025.yaml
#   make test   install what is missing, build, run every test
#   make install PREFIX=/usr/local   the relocatable release build, man page, completions,
#                docs, scenarios and sweeps (DESTDIR too); make deb: a Debian package
#                (docs/install.md)
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
# The Swift runtime is linked in (--static-swift-stdlib): the binary needs only Debian's
# runtime packages (GLPK, CBC, libyaml, the C/C++ runtime), not the toolchain under /opt/swift.
RELEASE_FLAGS := -c release --static-swift-stdlib --scratch-path .build-release
# Extra flags for the debug build; CI sets SWIFT_BUILD_FLAGS="-Xswiftc -warnings-as-errors".
SWIFT_BUILD_FLAGS ?=

.PHONY: deps test-deps build release release-forceplan install install-files man deb bare-system-test test test-asan test-ubsan leak-check plan bench clean fuzz fuzz-scenario fuzz-report

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
	@# Without the backstop the resilient option is infeasible: exit 1 is an answer there;
	@# a leak exits 23.
	ASAN_OPTIONS=detect_leaks=1:exitcode=23 .build-asan/debug/forceplan plan scenarios/coalition-2025-no-backstop.yaml \
	  --quiet --node-limit 200 >/dev/null; rc=$$?; [ $$rc -le 1 ] || { echo "plan exited $$rc (23: a leak)"; exit 1; }
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

# --- installing (docs/install.md) -------------------------------------------------------
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
DATADIR := $(DESTDIR)$(PREFIX)/share/forceplan
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
VERSION := $(shell sed -n 's/^let forcePlanVersion = "\(.*\)"$$/\1/p' Sources/forceplan/Version.swift)
RELEASE_BIN := .build-release/release/forceplan
# swift-argument-parser's generate-manual tool (the tool behind its GenerateManual plugin),
# built from the package's own checkout: the plugin would build every product in release.
GENERATE_MANUAL := .build-tools/debug/generate-manual
# The man page's date: the last commit's, so the same tree gives the same page.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

# Only the CLI, for installing and packaging (`make release` builds every product).
release-forceplan: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product forceplan

$(GENERATE_MANUAL): release-forceplan
	$(SWIFT) build --package-path .build-release/checkouts/swift-argument-parser \
	  --scratch-path $(CURDIR)/.build-tools --product generate-manual

# forceplan.1, every subcommand on one page, from the binary's own help (--experimental-dump-help).
man: release-forceplan $(GENERATE_MANUAL)
	rm -rf .build-release/man && mkdir -p .build-release/man
	$(GENERATE_MANUAL) $(RELEASE_BIN) --date $(MAN_DATE) --authors "forceplan maintainers" \
	  -o .build-release/man
	test -s .build-release/man/forceplan.1

install: release-forceplan man
	@$(MAKE) --no-print-directory install-files

# The files of `make install`, from what the build left (no building here).
install-files:
	install -d $(BINDIR) $(MANDIR) $(DATADIR)/scenarios $(DATADIR)/sweeps $(DATADIR)/docs \
	  $(DATADIR)/deploy/slurm $(DATADIR)/deploy/kubernetes \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(RELEASE_BIN) $(BINDIR)/forceplan
	install -m 644 .build-release/man/forceplan.1 $(MANDIR)/forceplan.1
	$(RELEASE_BIN) --generate-completion-script bash > $(DESTDIR)$(BASHCOMPDIR)/forceplan
	$(RELEASE_BIN) --generate-completion-script zsh > $(DESTDIR)$(ZSHCOMPDIR)/_forceplan
	$(RELEASE_BIN) --generate-completion-script fish > $(DESTDIR)$(FISHCOMPDIR)/forceplan.fish
	install -m 644 scenarios/*.yaml $(DATADIR)/scenarios/
	install -m 644 sweeps/*.yaml $(DATADIR)/sweeps/
	install -m 644 README.md $(DATADIR)/
	install -m 644 docs/*.md docs/*.json docs/*.png $(DATADIR)/docs/
	install -m 644 deploy/README.md $(DATADIR)/deploy/
	install -m 755 deploy/slurm/bench-array.sh $(DATADIR)/deploy/slurm/
	install -m 644 deploy/kubernetes/bench-indexed-job.yaml deploy/kubernetes/Containerfile $(DATADIR)/deploy/kubernetes/

# The Debian package: `make install` into a staging root under /usr, packed by dpkg-deb
# (no network). Depends: the packages owning the libraries the binary links to.
DEB_ARCH := $(shell dpkg --print-architecture 2>/dev/null)
DEB := forceplan_$(VERSION)_$(DEB_ARCH).deb
DEB_ROOT := .build-release/deb-root
deb: release-forceplan man
	rm -rf $(DEB_ROOT) $(DEB)
	$(MAKE) --no-print-directory install-files DESTDIR=$(CURDIR)/$(DEB_ROOT) PREFIX=/usr \
	  ZSHCOMPDIR=/usr/share/zsh/vendor-completions
	@# As dh_strip does: no symbol table or debug info in the package (83 MB -> 61 MB).
	strip --remove-section=.comment --remove-section=.note --strip-unneeded $(DEB_ROOT)/usr/bin/forceplan
	gzip -9n $(DEB_ROOT)/usr/share/man/man1/forceplan.1
	@if ldd $(DEB_ROOT)/usr/bin/forceplan | grep /opt/swift; then \
	  echo "make deb: the binary links to the Swift toolchain (build with --static-swift-stdlib)" >&2; exit 1; fi
	bash deploy/debian/control.sh $(DEB_ROOT) $(VERSION) $(DEB_ARCH) > $(DEB_ROOT)/DEBIAN.control
	mkdir -p $(DEB_ROOT)/DEBIAN && mv $(DEB_ROOT)/DEBIAN.control $(DEB_ROOT)/DEBIAN/control
	dpkg-deb --root-owner-group -Zxz --build $(DEB_ROOT) $(DEB)
	dpkg-deb --info $(DEB)

# The package on a bare Debian root (debootstrap): install, validate, plan, bench; no toolchain.
bare-system-test: deb
	bash deploy/bare-system-test.sh $(DEB)

# The build quiet and the command not echoed: the plan's bottom line opens the output. The
# build's output is shown only when it fails: linking the Swift runtime in statically, the
# linker warns about Foundation's own use of mktemp, which is not forceplan's to fix.
plan: deps
	@log=$$(mktemp) && { $(SWIFT) build $(RELEASE_FLAGS) --product forceplan --quiet >"$$log" 2>&1 \
	  || { cat "$$log" >&2; rm -f "$$log"; exit 1; }; } && rm -f "$$log"
	@$(RELEASE_BIN) plan $(SCENARIO) --detail summary

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
	rm -rf .build .build-release .build-fuzz .build-asan .build-ubsan .build-tools forceplan_*.deb
