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

use std::cell::{Cell, RefCell};

use js_sys::{Array, WeakSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

use super::{badge, dom, mount, page};
use crate::codec::{self, Parsed};
use crate::publish;
use crate::publish::WidgetConfig;

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

/// Scenario and configuration of a host from its attributes (or the page
/// URL for `data-standalone` / `data-frame` hosts). Bad presentation
/// attributes become notices shown in the widget.
pub fn read_host(host: &Element, id: &str) -> (Parsed, WidgetConfig) {
    let attrs = dom::attributes(host);
    if host.has_attribute("data-frame") {
        let (frame_attrs, query) = publish::split_frame_query(&page::read_query());
        let (config, problems) = publish::widget_config(&frame_attrs, id);
        let mut parsed = codec::parse(&query);
        parsed.notices.extend(problems);
        return (parsed, with_default_link(config));
    }
    let (mut config, problems) = publish::widget_config(&attrs, id);
    let mut parsed = if host.has_attribute("data-standalone") {
        config.standalone = true;
        codec::parse(&page::read_query())
    } else {
        codec::parse_attributes(attrs)
    };
    parsed.notices.extend(problems);
    (parsed, with_default_link(config))
}

/// An embed's "Open the full calculator" points at the standalone page
/// beside embed.js unless `data-link` says otherwise. That page is this
/// calculator itself: the scenario goes with it, whatever its origin.
pub fn with_default_link(mut config: WidgetConfig) -> WidgetConfig {
    if !config.standalone && config.link.is_none() {
        config.link = page::base_url();
        config.link_scenario = true;
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
    if !config.standalone {
        tell_publisher(&id, &parsed);
    }
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

/// Settings of an embed that could not be used are the publisher's to fix:
/// every message goes to the console, once per widget (the reader sees one
/// discreet line, `ui::app::Notices`).
fn tell_publisher(id: &str, parsed: &Parsed) {
    let problems: Vec<String> = parsed
        .errors
        .iter()
        .map(ToString::to_string)
        .chain(parsed.notices.iter().cloned())
        .collect();
    if problems.is_empty() {
        return;
    }
    let text = format!(
        "tokenworth {id}: some settings were not used; the widget shows the rest.\n- {}",
        problems.join("\n- ")
    );
    web_sys::console::warn_1(&text.into());
}

/// Mounts a host found on the page from its attributes, once.
fn mount_found(host: &Element) {
    if is_mounted(host) || host.get_attribute("data-mode").as_deref() == Some("iframe") {
        return;
    }
    let id = next_id();
    let (parsed, config) = read_host(host, &id);
    if let Err(e) = mount_host(host, parsed, config) {
        dom::report(&id, "could not mount the calculator", &e);
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
    let (widgets, badges) = (dom::widget_selector(), dom::badge_selector());
    if root.matches(&widgets).unwrap_or(false) {
        mount_found(root);
    }
    if root.matches(&badges).unwrap_or(false) {
        badge::render_found(root);
    }
    if root.first_element_child().is_none() {
        return;
    }
    if let Ok(list) = root.query_selector_all(&widgets) {
        dom::each_element(&list, |el| mount_found(&el));
    }
    if let Ok(list) = root.query_selector_all(&badges) {
        dom::each_element(&list, |el| badge::render_found(&el));
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
