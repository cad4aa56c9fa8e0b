//! The only code that touches the page: mounting, the JS API, the URL.
//!
//! `start` here is a stand-in until the embed layer (window.tokenworth API,
//! MutationObserver, attribute parsing) replaces it: it mounts every
//! `[data-tokenworth]` host once.

pub mod mount;
pub mod url;

use std::cell::RefCell;

use crate::codec;
use crate::ui::config::WidgetConfig;

thread_local! {
    static WIDGETS: RefCell<Vec<mount::WidgetHandle>> = const { RefCell::new(Vec::new()) };
}

/// Called once when the wasm module starts.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-tokenworth]") else {
        return;
    };
    for i in 0..hosts.length() {
        let Some(host) = hosts
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let standalone = host.has_attribute("data-standalone");
        let parsed = if standalone {
            codec::parse(&url::read_query())
        } else {
            let names = host.get_attribute_names();
            let attrs = names.iter().filter_map(|n| {
                let n = n.as_string()?;
                let v = host.get_attribute(&n)?;
                Some((n, v))
            });
            codec::parse_attributes(attrs.collect::<Vec<_>>())
        };
        let config = WidgetConfig {
            id: format!("tw-{}", i + 1),
            standalone,
            ..WidgetConfig::default()
        };
        match mount::mount_widget(&host, parsed, config) {
            Ok(handle) => WIDGETS.with(|w| w.borrow_mut().push(handle)),
            Err(e) => web_sys::console::error_2(&"tokenworth: could not mount".into(), &e),
        }
    }
}
