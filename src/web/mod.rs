//! The only code that touches the page: mounting, the JS API, the URL.

/// Called once when the wasm module starts.
pub fn start() {
    web_sys::console::log_1(&"tokenworth: wasm started".into());
}
