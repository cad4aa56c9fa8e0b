# tokenworth: set-up, build and test entry points.
#
#   make serve   install what is missing, build dist/, serve it on http://127.0.0.1:8080
#   make test    install what is missing, run every check and test
#   make dist    install what is missing, release build into dist/
#   make watch   trunk serve (debug build, autoreload; no CSP) for development
#   make bench   install what is missing, release build, print the performance figures
#
# Every target that needs tools runs scripts/setup.sh first; it only installs
# what is missing, so a warm run costs a few version checks.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Project-local tools (binaryen's wasm-opt) and cargo-installed ones (trunk,
# wasm-bindgen) first on PATH, so Trunk finds the pinned versions --offline.
export PATH := $(CURDIR)/.tools/bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

HOST ?= 127.0.0.1
PORT ?= 8080
CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: help setup setup-build serve watch dist site test check fmt clippy \
        test-native test-wasm test-e2e bench clean

help:
	@sed -n 's/^#   make /make /p' $(firstword $(MAKEFILE_LIST))

# --- set-up --------------------------------------------------------------------

setup:
	@scripts/setup.sh test

setup-build:
	@scripts/setup.sh build

# --- build & serve -------------------------------------------------------------

dist: setup-build
	@$(MAKE) --no-print-directory site

# The release site, without the set-up step (used by `make test` after setup).
# Serialised with flock: two Trunk builds in one checkout (say `make test` and
# `make bench` at once) share dist/.stage and target/wasm-opt and break each other.
site:
	@mkdir -p target
	flock target/.trunk-build.lock sh -c 'trunk build --release --offline && node scripts/prerender.mjs dist'
	@ls -l dist/

# Serve the release build exactly as it ships, under the strict CSP the page
# must work with (see tests/e2e/server.mjs).
serve: dist
	node tests/e2e/server.mjs --dir dist --host $(HOST) --port $(PORT) --csp

# Development loop: debug build, rebuilds on change. Trunk's autoreload adds an
# inline script, so this is not a check of the CSP; `make serve` is.
watch: setup-build
	trunk serve --offline --address $(HOST) --port $(PORT)

# --- tests ---------------------------------------------------------------------

test: setup
	@$(MAKE) --no-print-directory check

# Everything `make test` runs, without the set-up step.
check: fmt clippy test-native test-wasm test-e2e

fmt:
	cargo fmt --check

# With and without the `app` feature (the core wasm is built without it:
# no yew), natively and for wasm32.
clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --no-default-features -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --no-default-features -- -D warnings

test-native:
	cargo test

# wasm-bindgen-test in headless Chromium (.cargo/config.toml sets the runner):
# `cargo test --target wasm32-unknown-unknown` for the lib and the tests/
# files that use wasm_bindgen_test; a no-op while there are none.
test-wasm:
	CHROMEDRIVER=$(CHROMEDRIVER) scripts/test-wasm.sh

test-e2e: site
	cd tests/e2e && node --test --test-reporter=spec

# --- benchmark ---------------------------------------------------------------

# Sizes, load times against a static baseline, input latency, model throughput
# and memory, each against its budget (README "Performance"); writes
# bench/results.json. Needs the test set-up (Chromium, playwright-core).
bench: setup
	@$(MAKE) --no-print-directory site
	node bench/run.mjs $(BENCH_ARGS)

clean:
	cargo clean
	rm -rf dist
