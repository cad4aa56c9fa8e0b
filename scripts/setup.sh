#!/usr/bin/env bash
# Install what the build and the tests need, skipping every step that is
# already satisfied, so `make serve` / `make test` can call it every time.
#
#   scripts/setup.sh build   Rust wasm target, trunk, wasm-bindgen-cli, binaryen (wasm-opt), esbuild,
#                            Chromium + the e2e npm deps (scripts/prerender.mjs draws the page)
#   scripts/setup.sh test    all of the above + rustfmt/clippy, Chromium + chromedriver, e2e npm deps
#
# Target: Debian 12 as root, rustup, node 20 + npm; only package registries
# (crates.io, npm, Debian) are reachable. Tool versions are pinned here and in
# Trunk.toml; the wasm-bindgen version comes from Cargo.lock.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0" # wasm-opt "version_132": keep Trunk.toml [tools] wasm_opt in step
ESBUILD_VERSION="0.28.2"   # minifies the shipped JS (scripts/trunk-post-build.sh)
TOOLS_DIR="$ROOT/.tools"    # project-local, git-ignored (binaryen and esbuild from npm)
WASM_TARGET="wasm32-unknown-unknown"

export PATH="$TOOLS_DIR/bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if [ -t 2 ]; then BOLD=$'\033[1m' PLAIN=$'\033[0m'; else BOLD='' PLAIN=''; fi
log() { printf '%ssetup:%s %s\n' "$BOLD" "$PLAIN" "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# Time a step and say how long it took (only steps that actually do work).
timed() {
    local what="$1"; shift
    local start=$SECONDS
    log "$what ..."
    "$@"
    log "$what: done in $((SECONDS - start)) s"
}

# Another `cargo install <crate>` may already be running (e.g. started by
# hand); building the same crate twice at once wastes time and races on the
# binary. Wait for it, then re-check.
wait_for_cargo_install() {
    local crate="$1" waited=0
    while pgrep -f "cargo install ${crate}( |\$)" >/dev/null 2>&1; do
        ((waited == 0)) && log "waiting for a running 'cargo install ${crate}' to finish ..."
        sleep 10
        waited=$((waited + 10))
    done
}

# The version of a package in Cargo.lock.
locked_version() {
    awk -v name="$1" '
        $0 == "name = \"" name "\"" { found = 1; next }
        found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' Cargo.lock
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif have sudo; then sudo "$@"
    else die "need root for: $*"
    fi
}

# Tools we install are build helpers, not what ships: build them with a light
# release profile. trunk's own profile (fat LTO, one codegen unit) took 11.4 min
# cold; with these settings 7.4 min, and it built a byte-identical site.
fast_cargo_install() {
    CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
        cargo install "$@"
}

# --- steps -------------------------------------------------------------------

step_rust_target() {
    have rustup || die "rustup not found; install the Rust toolchain first (https://rustup.rs)"
    if rustup target list --installed | grep -qx "$WASM_TARGET"; then return; fi
    timed "rustup target add $WASM_TARGET" rustup target add "$WASM_TARGET"
}

step_rust_components() {
    local missing=()
    cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
    cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
    ((${#missing[@]} == 0)) && return
    timed "rustup component add ${missing[*]}" rustup component add "${missing[@]}"
}

trunk_ok() { have trunk && [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; }

step_trunk() {
    trunk_ok && return
    wait_for_cargo_install trunk
    trunk_ok && return
    timed "cargo install trunk $TRUNK_VERSION" \
        fast_cargo_install trunk --version "$TRUNK_VERSION" --locked
    trunk_ok || die "trunk --version does not say $TRUNK_VERSION after install"
}

wasm_bindgen_ok() {
    have wasm-bindgen && have wasm-bindgen-test-runner &&
        [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $1" ]
}

step_wasm_bindgen() {
    local version
    version="$(locked_version wasm-bindgen)"
    [ -n "$version" ] || die "no wasm-bindgen entry in Cargo.lock"
    wasm_bindgen_ok "$version" && return
    wait_for_cargo_install wasm-bindgen-cli
    wasm_bindgen_ok "$version" && return
    # No --locked: the CLI's own lock file does not resolve on every mirror.
    timed "cargo install wasm-bindgen-cli $version" \
        fast_cargo_install wasm-bindgen-cli --version "$version" --force
    wasm_bindgen_ok "$version" || die "wasm-bindgen --version does not say $version after install"
}

wasm_opt_ok() {
    local want="version ${BINARYEN_VERSION%%.*} "
    [ -x "$TOOLS_DIR/bin/wasm-opt" ] && [[ "$("$TOOLS_DIR/bin/wasm-opt" --version 2>/dev/null)" == *"$want"* ]]
}

step_binaryen() {
    wasm_opt_ok && return
    have npm || die "npm not found; install Node.js 20+"
    timed "npm install binaryen@$BINARYEN_VERSION into .tools/" \
        npm install --global --prefix "$TOOLS_DIR" --no-fund --no-audit --loglevel=error \
        "binaryen@$BINARYEN_VERSION"
    wasm_opt_ok || die "wasm-opt in .tools/bin is not version ${BINARYEN_VERSION%%.*}"
}

esbuild_ok() {
    [ -x "$TOOLS_DIR/bin/esbuild" ] && [ "$("$TOOLS_DIR/bin/esbuild" --version 2>/dev/null)" = "$ESBUILD_VERSION" ]
}

step_esbuild() {
    esbuild_ok && return
    have npm || die "npm not found; install Node.js 20+"
    timed "npm install esbuild@$ESBUILD_VERSION into .tools/" \
        npm install --global --prefix "$TOOLS_DIR" --no-fund --no-audit --loglevel=error \
        "esbuild@$ESBUILD_VERSION"
    esbuild_ok || die "esbuild in .tools/bin is not version $ESBUILD_VERSION"
}

step_chromium() {
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return
    # Wait for apt's lock rather than fail: a second set-up running at once
    # (another checkout's `make test`) removed the first one's downloaded
    # archives mid-install when both ran unguarded.
    install_chromium() {
        as_root apt-get -o DPkg::Lock::Timeout=900 update
        as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get -o DPkg::Lock::Timeout=900 install -y chromium chromium-driver
    }
    timed "apt-get install chromium chromium-driver" install_chromium
}

step_e2e_npm() {
    local dir="$ROOT/tests/e2e" stamp="$ROOT/tests/e2e/node_modules/.tokenworth-lock"
    [ -f "$dir/package-lock.json" ] || die "tests/e2e/package-lock.json missing"
    if [ -d "$dir/node_modules" ] && cmp -s "$dir/package-lock.json" "$stamp"; then return; fi
    run_npm_ci() {
        (cd "$dir" && npm ci --no-fund --no-audit --loglevel=error)
        cp "$dir/package-lock.json" "$stamp"
    }
    timed "npm ci in tests/e2e" run_npm_ci
}

# --- main --------------------------------------------------------------------

what="${1:-test}"
case "$what" in
    build)
        step_rust_target
        step_trunk
        step_wasm_bindgen
        step_binaryen
        step_esbuild
        # scripts/prerender.mjs draws the standalone page in headless Chromium.
        step_chromium
        step_e2e_npm
        ;;
    test)
        step_rust_target
        step_rust_components
        step_trunk
        step_wasm_bindgen
        step_binaryen
        step_esbuild
        step_chromium
        step_e2e_npm
        ;;
    *)
        die "usage: $0 [build|test]"
        ;;
esac
