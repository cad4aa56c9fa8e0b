//! Finding widget hosts and badges on the page, mounting them once, and
//! keeping a registry so that `unmount` (and hosts removed from the page)
//! leave nothing running.
//!
//! * `<div data-tokenworth …>`: the calculator, configured by `data-*`
//!   attributes (`data-standalone`: the page's own URL instead; `data-frame`:
//!   the iframe page, scenario and presentation both from the URL;
//!   `data-mode="iframe"`: handled by embed.js, skipped here).
//! * `<span data-tokenworth-badge …>`: a badge (see `badge`).
//!
//! A `MutationObserver` on the document mounts hosts added later and
//! unmounts widgets whose host left the page.

// A panic in wasm kills every widget on the page: this layer returns errors instead.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::cell::{Cell, RefCell};

use js_sys::{Array, Reflect, WeakSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

use super::{badge, mount, url};
use crate::codec::{self, Parsed};
use crate::publish;
use crate::ui::config::WidgetConfig;

/// Selector of calculator hosts.
pub const HOST_SELECTOR: &str = "[data-tokenworth]";
/// Selector of badges.
pub const BADGE_SELECTOR: &str = "[data-tokenworth-badge]";

struct Mounted {
    host: Element,
    id: String,
    handle: mount::WidgetHandle,
}

/// The page observer and the callback it calls (kept alive with it).
type Watcher = (MutationObserver, Closure<dyn FnMut(Array)>);

thread_local! {
    static WIDGETS: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// Hosts already mounted: a fast membership test for the observer.
    static HOSTS: WeakSet = WeakSet::new();
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    static OBSERVER: RefCell<Option<Watcher>> =
        const { RefCell::new(None) };
}

/// The next widget id: `tw-1`, `tw-2`, …
pub fn next_id() -> String {
    let n = NEXT_ID.with(|n| {
        let next = n.get().saturating_add(1);
        n.set(next);
        next
    });
    format!("tw-{n}")
}

/// Logs one console error for a widget.
pub fn report(id: &str, what: &str, error: &JsValue) {
    web_sys::console::error_2(&format!("tokenworth {id}: {what}").into(), error);
}

/// The directory embed.js was loaded from (`window.tokenworth.baseUrl`),
/// where the standalone page, embed.html and the versioned loader live.
pub fn base_url() -> Option<String> {
    let window = web_sys::window()?;
    let api = Reflect::get(&window, &"tokenworth".into()).ok()?;
    Reflect::get(&api, &"baseUrl".into()).ok()?.as_string()
}

/// The `integrity` attribute of the `<script>` that loaded embed.js
/// (`window.tokenworth.loaderIntegrity`), empty when it had none. The Embed
/// panel's snippet repeats it: the wasm cannot hold the hash of the loader
/// that verifies the wasm itself.
pub fn loader_integrity() -> Option<String> {
    let window = web_sys::window()?;
    let api = Reflect::get(&window, &"tokenworth".into()).ok()?;
    Reflect::get(&api, &"loaderIntegrity".into())
        .ok()?
        .as_string()
}

/// The `(name, value)` pairs of an element's attributes.
pub fn attributes(element: &Element) -> Vec<(String, String)> {
    element
        .get_attribute_names()
        .iter()
        .filter_map(|n| {
            let n = n.as_string()?;
            let v = element.get_attribute(&n)?;
            Some((n, v))
        })
        .collect()
}

/// Scenario and configuration of a host from its attributes (or the page
/// URL for `data-standalone` / `data-frame` hosts). Bad presentation
/// attributes become notices shown in the widget.
pub fn read_host(host: &Element, id: &str) -> (Parsed, WidgetConfig) {
    let attrs = attributes(host);
    if host.has_attribute("data-frame") {
        let (frame_attrs, query) = publish::split_frame_query(&url::read_query());
        let (config, problems) = publish::widget_config(&frame_attrs, id);
        let mut parsed = codec::parse(&query);
        parsed.notices.extend(problems);
        return (parsed, with_default_link(config));
    }
    let (mut config, problems) = publish::widget_config(&attrs, id);
    let mut parsed = if host.has_attribute("data-standalone") {
        config.standalone = true;
        codec::parse(&url::read_query())
    } else {
        codec::parse_attributes(attrs)
    };
    parsed.notices.extend(problems);
    (parsed, with_default_link(config))
}

/// An embed's "Open the full calculator" points at the standalone page
/// beside embed.js unless `data-link` says otherwise.
pub fn with_default_link(mut config: WidgetConfig) -> WidgetConfig {
    if !config.standalone && config.link.is_none() {
        config.link = base_url();
    }
    config
}

/// True when `host` carries a mounted widget.
pub fn is_mounted(host: &Element) -> bool {
    HOSTS.with(|h| h.has(host))
}

/// Mounts a widget on `host` (replacing one already there). Returns its id.
pub fn mount_host(
    host: &Element,
    parsed: Parsed,
    mut config: WidgetConfig,
) -> Result<String, JsValue> {
    let previous = unmount_widget(host);
    if config.id.is_empty() {
        config.id = previous.unwrap_or_else(next_id);
    }
    let id = config.id.clone();
    let handle = mount::mount_widget(host, parsed, config)?;
    HOSTS.with(|h| h.add(host));
    WIDGETS.with(|w| {
        w.borrow_mut().push(Mounted {
            host: host.clone(),
            id: id.clone(),
            handle,
        })
    });
    Ok(id)
}

/// Mounts a host found on the page from its attributes, once.
fn mount_found(host: &Element) {
    if is_mounted(host) || host.get_attribute("data-mode").as_deref() == Some("iframe") {
        return;
    }
    let id = next_id();
    let (parsed, config) = read_host(host, &id);
    if let Err(e) = mount_host(host, parsed, config) {
        report(&id, "could not mount the calculator", &e);
    }
}

/// Unmounts the widget on `host`; returns its id if there was one.
pub fn unmount_widget(host: &Element) -> Option<String> {
    if !is_mounted(host) {
        return None;
    }
    HOSTS.with(|h| h.delete(host));
    let found = WIDGETS.with(|w| {
        let mut w = w.borrow_mut();
        let i = w.iter().position(|m| &m.host == host)?;
        Some(w.swap_remove(i))
    })?;
    found.handle.destroy();
    Some(found.id)
}

/// Unmounts every widget whose host is no longer in the document.
fn sweep_disconnected() {
    let gone: Vec<Element> = WIDGETS.with(|w| {
        w.borrow()
            .iter()
            .filter(|m| !m.host.is_connected())
            .map(|m| m.host.clone())
            .collect()
    });
    for host in gone {
        unmount_widget(&host);
    }
}

/// Mounts every host and renders every badge inside `root` (itself included).
pub fn scan(root: &Element) {
    if root.matches(HOST_SELECTOR).unwrap_or(false) {
        mount_found(root);
    }
    if root.matches(BADGE_SELECTOR).unwrap_or(false) {
        badge::render_found(root);
    }
    if root.first_element_child().is_none() {
        return;
    }
    for_each(root, HOST_SELECTOR, mount_found);
    for_each(root, BADGE_SELECTOR, badge::render_found);
}

fn for_each(root: &Element, selector: &str, f: impl Fn(&Element)) {
    let Ok(list) = root.query_selector_all(selector) else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            f(&el);
        }
    }
}

/// Scans the document and watches it for hosts added later.
pub fn start() -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let root = document
        .document_element()
        .ok_or_else(|| JsValue::from_str("no document element"))?;
    scan(&root);
    observe(&root)
}

fn observe(root: &Element) -> Result<(), JsValue> {
    if OBSERVER.with(|o| o.borrow().is_some()) {
        return Ok(());
    }
    let callback = Closure::<dyn FnMut(Array)>::new(|records: Array| {
        let mut removed = false;
        for record in records.iter() {
            let Ok(record) = record.dyn_into::<MutationRecord>() else {
                continue;
            };
            removed |= record.removed_nodes().length() > 0;
            let added = record.added_nodes();
            for i in 0..added.length() {
                let Some(node) = added.item(i) else { continue };
                if node.node_type() == Node::ELEMENT_NODE && node.is_connected() {
                    if let Ok(el) = node.dyn_into::<Element>() {
                        scan(&el);
                    }
                }
            }
        }
        if removed {
            sweep_disconnected();
        }
    });
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    observer.observe_with_options(root, &init)?;
    OBSERVER.with(|o| *o.borrow_mut() = Some((observer, callback)));
    Ok(())
}

/// Stops watching the page and unmounts every widget and badge.
pub fn stop() {
    if let Some((observer, _callback)) = OBSERVER.with(|o| o.borrow_mut().take()) {
        observer.disconnect();
    }
    let hosts: Vec<Element> = WIDGETS.with(|w| w.borrow().iter().map(|m| m.host.clone()).collect());
    for host in hosts {
        unmount_widget(&host);
    }
    badge::clear_all();
}
