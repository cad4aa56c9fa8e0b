//! Entry of the browser app. Trunk builds this for wasm32; the wasm module
//! sets up `window.tokenworth` and mounts every widget host on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    tokenworth::web::start_app();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tokenworth: this binary is the browser app; build it with `make serve`. For the command line use `tokenworth-cli`.");
    std::process::exit(2);
}
