#!/usr/bin/env bash
# Browser tests: wasm-bindgen-test in headless Chromium (via chromedriver).
#
# Runs `cargo test --target wasm32-unknown-unknown` for the targets that hold
# wasm tests, found by the marker `wasm_bindgen_test`:
#   - the library (`--lib`) when a file under src/ uses it;
#   - each integration test tests/<name>.rs or tests/<name>/main.rs that does.
# Only those: the other tests are native and may use native-only crates
# (proptest's getrandom does not build for wasm32-unknown-unknown).
# With no marked test it says so and succeeds.
#
# The runner is wasm-bindgen-test-runner (.cargo/config.toml); the wasm crate
# needs `wasm-bindgen-test` as a wasm32-only dev-dependency, and native-only
# dev-dependencies (proptest) must be under
# [target.'cfg(not(target_arch = "wasm32"))'.dev-dependencies].
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

args=()
if grep -rqs --include='*.rs' 'wasm_bindgen_test' src; then
    args+=(--lib)
fi
declare -A seen=()
while IFS= read -r file; do
    rel="${file#tests/}"
    name="${rel%%/*}"   # tests/<name>/... -> <name>
    name="${name%.rs}"  # tests/<name>.rs  -> <name>
    if [[ -z "${seen[$name]:-}" ]] && { [[ -f "tests/$name.rs" ]] || [[ -f "tests/$name/main.rs" ]]; }; then
        seen[$name]=1
        args+=(--test "$name")
    fi
done < <(grep -rls --include='*.rs' 'wasm_bindgen_test' tests 2>/dev/null | grep -v '^tests/e2e/' | sort)

if ((${#args[@]} == 0)); then
    echo "test-wasm: no wasm tests yet (no 'wasm_bindgen_test' under src/ or tests/), nothing to run"
    exit 0
fi

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Run every wasm test in the browser, also those without
# wasm_bindgen_test_configure!(run_in_browser) (they would default to node).
export WASM_BINDGEN_USE_BROWSER=1
set -x
cargo test --target wasm32-unknown-unknown "${args[@]}" "$@"
