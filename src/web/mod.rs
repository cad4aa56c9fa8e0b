//! The only code that touches the page: the `window.tokenworth` API, finding
//! and mounting widget hosts and badges, the URL.
//!
//! Two wasm modules are built from it (README, "Embed it"): the core
//! (`start_core`, src/bin/tokenworth-core.rs, built without the `app`
//! feature: badges and `compute`, no yew) for pages without a calculator,
//! and the app (`start_app`, src/main.rs), everything with the Yew
//! calculator. embed.js loads the app alone where a calculator host is on
//! the page when it starts, the core alone where none is, and the app beside
//! the core when a host comes later or `mount` is called; it joins their
//! `unmount` and `stop`.

pub mod api;
pub mod badge;
pub mod badges;
pub mod dom;
#[cfg(feature = "app")]
pub mod embed;
#[cfg(feature = "app")]
pub mod mount;
pub mod page;

/// Called once when the core wasm starts: adds `compute`, `unmount` and
/// `stop` for badges to `window.tokenworth`, renders every
/// `[data-tokenworth-badge]` on the page (those in view first), then watches
/// for more.
pub fn start_core() {
    if let Err(e) = api::install_core() {
        web_sys::console::error_2(&"tokenworth: could not install the JS API".into(), &e);
    }
    if let Err(e) = badges::start() {
        web_sys::console::error_2(&"tokenworth: could not watch the page".into(), &e);
    }
}

/// Called once when the app wasm starts: adds `mount`, `unmount` and `stop`
/// to `window.tokenworth`, mounts every `[data-tokenworth]` host on the page,
/// then watches for more. Where the core is not running (no `compute` yet:
/// embed.js loaded the app alone), it also does the core's part.
#[cfg(feature = "app")]
pub fn start_app() {
    let with_core = api::core_running();
    if !with_core {
        start_core();
    }
    if let Err(e) = api::install_app() {
        web_sys::console::error_2(&"tokenworth: could not install the JS API".into(), &e);
    }
    if let Err(e) = embed::start() {
        web_sys::console::error_2(&"tokenworth: could not watch the page".into(), &e);
    }
}
