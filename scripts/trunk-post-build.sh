#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): runs in every `trunk build` / `trunk
# serve`, on the staging directory, before it becomes dist/.
#
# Pins everything the loader runs (README, "Embed it"):
#   0. builds the core wasm (src/bin/tokenworth-core.rs without the `app`
#      feature: badges and the JS API, no yew) the way Trunk builds the app:
#      cargo --release for wasm32, wasm-bindgen --target web (0.2.130, the
#      version Cargo.lock pins), wasm-opt -Oz (.tools/bin, version_132);
#   1. minifies the loader and the glues (release builds; esbuild, .tools/bin),
#      then renames the app's files to content-hashed, immutable names
#      (tokenworth.js -> tokenworth-<hash>.js, tokenworth_bg.wasm ->
#      tokenworth-<hash>_bg.wasm; the core's likewise, tokenworth-core-<hash>…)
#      and writes those names and their sha384
#      Subresource Integrity hashes into embed.js (the APP_FILES table): the
#      loader lets nothing in them run unless it matches;
#   2. adds embed-<crate version>.js, a byte-identical copy of embed.js: hosts
#      that use Subresource Integrity point at it, while embed.js always
#      serves the latest release;
#   3. has index.html and embed.html load embed-<version>.js with its own
#      integrity hash (and preload the app's files with theirs), so the
#      standalone page is covered too, and its Embed panel can repeat the hash.
set -euo pipefail

staging="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
die() { echo "trunk-post-build: $*" >&2; exit 1; }
[ -n "$version" ] || die "no version in Cargo.toml"

# The core: release always (it is small; `trunk serve` debug builds of the
# app still get a loader that works).
target_dir="$(cargo metadata --format-version 1 --no-deps --offline | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
[ -n "$target_dir" ] || die "no target directory from cargo metadata"
cargo build --release --offline --target wasm32-unknown-unknown \
    --no-default-features --bin tokenworth-core
wasm-bindgen --target web --no-typescript --out-name tokenworth-core \
    --out-dir "$staging" "$target_dir/wasm32-unknown-unknown/release/tokenworth-core.wasm"
wasm_opt="$PWD/.tools/bin/wasm-opt"
[ -x "$wasm_opt" ] || wasm_opt="$(command -v wasm-opt)" || die "no wasm-opt (make setup installs it)"
# The producers and target_features sections (260 bytes) tell nothing a browser reads.
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --strip-producers --strip-target-features \
    -o "$staging/tokenworth-core_bg.wasm" "$staging/tokenworth-core_bg.wasm"
esbuild="$PWD/.tools/bin/esbuild"
[ -x "$esbuild" ] || esbuild="$(command -v esbuild)" || esbuild=""

cd "$staging"
for f in embed.js tokenworth.js tokenworth_bg.wasm tokenworth-core.js tokenworth-core_bg.wasm index.html embed.html; do
    [ -f "$f" ] || die "no $f in $staging"
done

# Release builds ship the loader and both wasm-bindgen glues minified, before
# anything below hashes them (gzip -9: embed.js 11.6 -> 5.3 KB, the core's
# glue 6.4 -> 5.0 KB, the app's 9.6 -> 7.5 KB). esbuild is pinned and
# installed into .tools by scripts/setup.sh. The loader is a classic script
# (its @PLACEHOLDERS@ are string literals, filled below), the glues ES
# modules; es2020 is what www/embed.js is written in. `make watch` (debug)
# keeps them readable.
if [ "${TRUNK_PROFILE:-release}" = release ]; then
    [ -n "$esbuild" ] || die "no esbuild (make setup installs it)"
    minify() {
        "$esbuild" "$1" --minify --target=es2020 --legal-comments=none --log-level=warning \
            --allow-overwrite --outfile="$1" "${@:2}"
    }
    minify embed.js "--banner:js=/*! tokenworth embed loader $version (MIT), minified from www/embed.js */"
    minify tokenworth.js --format=esm
    minify tokenworth-core.js --format=esm
fi

# sha384-<base64>, as the integrity attribute and fetch() want it.
sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"; }
# 16 hex digits of the file's sha384: a new name whenever the content changes.
short_hash() { sha384sum "$1" | cut -c1-16; }

glue="tokenworth-$(short_hash tokenworth.js).js"
wasm="tokenworth-$(short_hash tokenworth_bg.wasm)_bg.wasm"
mv tokenworth.js "$glue"
mv tokenworth_bg.wasm "$wasm"
glue_sri="$(sri "$glue")"
wasm_sri="$(sri "$wasm")"
core_glue="tokenworth-core-$(short_hash tokenworth-core.js).js"
core_wasm="tokenworth-core-$(short_hash tokenworth-core_bg.wasm)_bg.wasm"
mv tokenworth-core.js "$core_glue"
mv tokenworth-core_bg.wasm "$core_wasm"
core_glue_sri="$(sri "$core_glue")"
core_wasm_sri="$(sri "$core_wasm")"

# Replaces one placeholder in a file; fails unless it was there exactly once.
fill() {
    local file="$1" placeholder="$2" value="$3"
    [ "$(grep -c -F -- "$placeholder" "$file")" = 1 ] || die "$file: expected one $placeholder"
    # '|' and '&' occur in no name, base64 hash or tag written here; GNU sed
    # writes "\n" as a newline.
    sed -i "s|$placeholder|${value//$'\n'/\\n}|" "$file"
}
fill embed.js "@GLUE_NAME@" "$glue"
fill embed.js "@GLUE_INTEGRITY@" "$glue_sri"
fill embed.js "@WASM_NAME@" "$wasm"
fill embed.js "@WASM_INTEGRITY@" "$wasm_sri"
fill embed.js "@CORE_GLUE_NAME@" "$core_glue"
fill embed.js "@CORE_GLUE_INTEGRITY@" "$core_glue_sri"
fill embed.js "@CORE_WASM_NAME@" "$core_wasm"
fill embed.js "@CORE_WASM_INTEGRITY@" "$core_wasm_sri"

loader="embed-$version.js"
cp embed.js "$loader"
loader_sri="$(sri "$loader")"

# The pages load the versioned loader by its hash, with the app's files
# preloaded: the glue under its hash (the module map keeps what the preload
# fetched, so it must be checked there), the wasm without (Chromium ignores
# `integrity` on an as="fetch" preload and warns, crbug.com/981419; the
# loader's fetch() checks the preloaded bytes all the same).
# Both pages have a calculator host before the loader runs (deferred): they
# load the app alone, never the core.
tags="<link rel=\"modulepreload\" href=\"$glue\" integrity=\"$glue_sri\">
  <link rel=\"preload\" href=\"$wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>
  <script defer src=\"$loader\" integrity=\"$loader_sri\" crossorigin=\"anonymous\"></script>"
for page in index.html embed.html; do
    fill "$page" '<script defer src="embed.js"></script>' "$tags"
done
