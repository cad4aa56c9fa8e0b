//! The only code that touches the page: the `window.tokenworth` API, finding
//! and mounting widget hosts and badges, the URL.

pub mod api;
pub mod badge;
pub mod dom;
pub mod embed;
pub mod mount;
pub mod page;

/// Called once when the wasm module starts: adds the API to
/// `window.tokenworth`, mounts every `[data-tokenworth]` host and renders
/// every `[data-tokenworth-badge]` on the page, then watches for more.
pub fn start() {
    if let Err(e) = api::install() {
        web_sys::console::error_2(&"tokenworth: could not install the JS API".into(), &e);
    }
    if let Err(e) = embed::start() {
        web_sys::console::error_2(&"tokenworth: could not watch the page".into(), &e);
    }
}
