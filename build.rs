//! Build script: the Subresource Integrity hash of the released loader.
//!
//! `dist/embed-<version>.js` is a byte-identical copy of `www/embed.js`
//! (scripts/trunk-post-build.sh), so its `sha384-…` integrity value is known
//! at compile time. The Embed panel's snippet (src/publish.rs) reads it from
//! `TOKENWORTH_EMBED_SRI`; hashing here keeps sha2 out of the wasm.

use sha2::{Digest, Sha384};

fn main() {
    println!("cargo:rerun-if-changed=www/embed.js");
    println!("cargo:rerun-if-changed=build.rs");
    let integrity = match std::fs::read("www/embed.js") {
        Ok(bytes) => format!("sha384-{}", base64(&Sha384::digest(&bytes))),
        // A source tree without the loader (e.g. a crate package) still
        // builds; the snippet then leaves out `integrity`.
        Err(_) => String::new(),
    };
    println!("cargo:rustc-env=TOKENWORTH_EMBED_SRI={integrity}");
}

/// Standard base64 with padding (RFC 4648 §4), as SRI wants.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.extend(
                    ALPHABET
                        .get(((n >> (18 - 6 * i)) & 63) as usize)
                        .map(|b| char::from(*b)),
                );
            } else {
                out.push('=');
            }
        }
    }
    out
}
