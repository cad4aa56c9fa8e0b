#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): runs in every `trunk build` / `trunk
# serve`, on the staging directory, before it becomes dist/.
#
# Adds embed-<crate version>.js, a byte-identical copy of embed.js: hosts that
# use Subresource Integrity must point at a file that never changes, while
# embed.js always serves the latest release.
set -euo pipefail

staging="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
[ -n "$version" ] || { echo "trunk-post-build: no version in Cargo.toml" >&2; exit 1; }
[ -f "$staging/embed.js" ] || { echo "trunk-post-build: no embed.js in $staging" >&2; exit 1; }
cp "$staging/embed.js" "$staging/embed-$version.js"
