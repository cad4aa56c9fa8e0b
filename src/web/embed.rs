//! Finding widget hosts on the page (the app's part), mounting them once, and
//! keeping a registry so that `unmount` (and hosts removed from the page)
//! leave nothing running.
//!
//! * `<div data-tokenworth …>`: the calculator, configured by `data-*`
//!   attributes (`data-standalone`: the page's own URL instead; `data-frame`:
//!   the iframe page, scenario and presentation both from the URL;
//!   `data-mode="iframe"`: handled by embed.js, skipped here).
//! * `<span data-tokenworth-badge …>`: a badge, rendered by the core
//!   (`badges`), not here.
//!
//! A `MutationObserver` on the document mounts hosts added later and
//! unmounts widgets whose host was on the page and has left it (a host
//! mounted while detached, as single-page apps do, waits to be inserted).

use std::cell::{Cell, RefCell};

use js_sys::{Array, WeakSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationRecord, Node};

use super::{badge, dom, mount, page};
use crate::codec::{self, Parsed};
use crate::publish;
use crate::publish::WidgetConfig;

struct Mounted {
    host: Element,
    id: String,
    handle: mount::WidgetHandle,
    /// The host has been in the document: leaving it now unmounts the widget.
    was_connected: bool,
}

/// The page observer and the callback it calls (kept alive with it).
use super::dom::Watcher;

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
    if host.has_attribute("data-standalone") {
        // A recruiter's link may set options too (`lock=base,tokens`): they
        // are presentation, not scenario keys.
        let (link_attrs, query) = publish::split_frame_query(&page::read_query());
        let all: Vec<(String, String)> = attrs.into_iter().chain(link_attrs).collect();
        let (mut config, problems) = publish::widget_config(&all, id);
        config.standalone = true;
        let mut parsed = codec::parse(&query);
        parsed.notices.extend(problems);
        return (parsed, with_default_link(config));
    }
    let (config, problems) = publish::widget_config(&attrs, id);
    let mut parsed = codec::parse_attributes(attrs);
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

/// Why `host` cannot carry a calculator, if it cannot: the widget takes
/// over its element with a shadow root, which cannot be removed again, so
/// on `<body>` the whole page would vanish for good (`<html>` cannot have one).
pub fn refusal(host: &Element) -> Option<&'static str> {
    match dom::local_name(host).as_str() {
        "body" | "html" => Some(
            "a calculator cannot be mounted on <body> or <html>: it takes over the element \
             it is mounted on (a shadow root, which stays after unmount), so the page would \
             disappear; mount it on a <div> of its own",
        ),
        _ => None,
    }
}

/// Mounts a widget on `host` (replacing one already there, or a badge: the
/// calculator wins). Returns its id.
pub fn mount_host(
    host: &Element,
    parsed: Parsed,
    mut config: WidgetConfig,
) -> Result<String, JsValue> {
    if let Some(why) = refusal(host) {
        return Err(js_sys::TypeError::new(why).into());
    }
    // A badge this instance rendered goes; one the core rendered, embed.js
    // tells the core about (forgetBadge).
    let previous = unmount_widget(host);
    badge::clear(host);
    if config.id.is_empty() {
        config.id = previous.unwrap_or_else(next_id);
    }
    let id = config.id.clone();
    if !config.standalone {
        tell_publisher(&id, &parsed);
    }
    let handle = mount::mount_widget(host, parsed, config)?;
    HOSTS.with(|h| h.add(host));
    // Read before borrowing WIDGETS: nothing that calls into JS runs while
    // a RefCell is borrowed.
    let was_connected = dom::is_connected(host);
    WIDGETS.with(|w| {
        w.borrow_mut().push(Mounted {
            host: host.clone(),
            id: id.clone(),
            handle,
            was_connected,
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

/// After a batch of page mutations: notes hosts that are (or were, inside
/// `added`) in the document, then, if nodes were removed, unmounts every
/// widget whose host was in the document and no longer is. A host mounted
/// while detached is left alone until it has been inserted.
fn sweep_disconnected(added: &[Node], removed: bool) {
    // Copied out first: nothing that calls into JS runs while WIDGETS is borrowed.
    let hosts: Vec<(Element, bool)> = WIDGETS.with(|w| {
        w.borrow()
            .iter()
            .map(|m| (m.host.clone(), m.was_connected))
            .collect()
    });
    let mut inserted = Vec::new();
    let mut gone = Vec::new();
    for (host, was_connected) in hosts {
        let connected = dom::is_connected(&host);
        // Inserted and removed again in one batch counts as inserted.
        let was_connected =
            was_connected || connected || added.iter().any(|node| node.contains(Some(&host)));
        if removed && was_connected && !connected {
            gone.push(host);
        } else if was_connected {
            inserted.push(host);
        }
    }
    if !inserted.is_empty() {
        WIDGETS.with(|w| {
            for m in w.borrow_mut().iter_mut() {
                if inserted.contains(&m.host) {
                    m.was_connected = true;
                }
            }
        });
    }
    for host in gone {
        unmount_widget(&host);
    }
}

/// Mounts every host inside `root` (itself included). Badges are the
/// core's (web::badges).
pub fn scan(root: &Element) {
    let widgets = dom::widget_selector();
    if root.matches(&widgets).unwrap_or(false) {
        mount_found(root);
    }
    if root.first_element_child().is_none() {
        return;
    }
    if let Ok(list) = root.query_selector_all(&widgets) {
        dom::each_element(&list, |el| mount_found(&el));
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
    let watcher = dom::watch_subtree(root, |records: Array| {
        let mut removed = false;
        let mut added_elements = Vec::new();
        for record in records.iter() {
            let Ok(record) = record.dyn_into::<MutationRecord>() else {
                continue;
            };
            removed |= record.removed_nodes().length() > 0;
            let added = record.added_nodes();
            for i in 0..added.length() {
                let Some(node) = added.item(i) else { continue };
                let Some(el) = node.dyn_ref::<Element>() else {
                    continue;
                };
                if dom::is_connected(el) {
                    scan(el);
                }
                added_elements.push(node);
            }
        }
        sweep_disconnected(&added_elements, removed);
    })?;
    OBSERVER.with(|o| *o.borrow_mut() = Some(watcher));
    Ok(())
}

/// Stops watching the page and unmounts every widget (the core's `stop`
/// clears the badges).
pub fn stop() {
    if let Some((observer, _callback)) = OBSERVER.with(|o| o.borrow_mut().take()) {
        observer.disconnect();
    }
    let hosts: Vec<Element> = WIDGETS.with(|w| w.borrow().iter().map(|m| m.host.clone()).collect());
    for host in hosts {
        unmount_widget(&host);
    }
}
