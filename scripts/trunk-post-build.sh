#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): runs in every `trunk build` / `trunk
# serve`, on the staging directory, before it becomes dist/.
#
# Pins everything the loader runs (README, "Embed it"):
#   1. renames the app's files to content-hashed, immutable names
#      (tokenworth.js -> tokenworth-<hash>.js, tokenworth_bg.wasm ->
#      tokenworth-<hash>_bg.wasm) and writes those names and their sha384
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
cd "$staging"
for f in embed.js tokenworth.js tokenworth_bg.wasm index.html embed.html; do
    [ -f "$f" ] || die "no $f in $staging"
done

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

loader="embed-$version.js"
cp embed.js "$loader"
loader_sri="$(sri "$loader")"

# The pages load the versioned loader by its hash, with the app's files
# preloaded: the glue under its hash (the module map keeps what the preload
# fetched, so it must be checked there), the wasm without (Chromium ignores
# `integrity` on an as="fetch" preload and warns, crbug.com/981419; the
# loader's fetch() checks the preloaded bytes all the same).
tags="<link rel=\"modulepreload\" href=\"$glue\" integrity=\"$glue_sri\">
  <link rel=\"preload\" href=\"$wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>
  <script defer src=\"$loader\" integrity=\"$loader_sri\" crossorigin=\"anonymous\"></script>"
for page in index.html embed.html; do
    fill "$page" '<script defer src="embed.js"></script>' "$tags"
done
