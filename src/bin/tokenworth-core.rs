//! Entry of the core wasm: badges and `window.tokenworth.compute`, no yew.
//! scripts/trunk-post-build.sh builds it for wasm32 with
//! `--no-default-features`; embed.js loads it on every page, and the Yew app
//! (src/main.rs) only where a calculator is shown.

#[cfg(target_arch = "wasm32")]
fn main() {
    tokenworth::web::start_core();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tokenworth-core: this binary is the browser core; `make dist` builds it. For the command line use `tokenworth-cli`.");
    std::process::exit(2);
}
