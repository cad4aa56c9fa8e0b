//! DOM helpers shared by widgets, badges and the API: host selectors, an
//! element's attributes, one constructable stylesheet per CSS text, an open
//! shadow root adopting it, walking a `NodeList`, one console line per
//! problem.

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, Element, MutationObserver, MutationObserverInit, NodeList, ShadowRoot,
    ShadowRootInit, ShadowRootMode,
};

use crate::codec::keys::Presentation;

/// Selector of calculator hosts (`data-tokenworth`).
pub fn widget_selector() -> String {
    format!("[data-{}]", Presentation::Widget.name())
}

/// Selector of badges (`data-tokenworth-badge`).
pub fn badge_selector() -> String {
    format!("[data-{}]", Presentation::Badge.name())
}

// Members of an element the page (or a caller of `tokenworth.mount`) gives
// us: looked up once on the prototypes (`final`, so an own property or a
// subclass member on the element is not what runs) and caught, so nothing
// thrown unwinds through wasm frames (each such unwinding leaks wasm stack:
// about 600 of them broke the instance, tests/e2e/api-robust.test.mjs).
#[wasm_bindgen]
extern "C" {
    /// An `Element`, for the members below.
    #[wasm_bindgen(js_name = Element)]
    type Host;
    #[wasm_bindgen(catch, final, method, js_class = "Element", js_name = getAttributeNames)]
    fn attribute_names(this: &Host) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, final, method, js_class = "Element", js_name = getAttribute)]
    fn attribute(this: &Host, name: &str) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, final, method, getter, js_class = "Element", js_name = localName)]
    fn local_name_of(this: &Host) -> Result<String, JsValue>;
    #[wasm_bindgen(catch, final, method, getter, js_class = "Node", js_name = isConnected)]
    fn connected(this: &Host) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, final, method, js_class = "Element", js_name = closest)]
    fn closest_of(this: &Host, selector: &str) -> Result<Option<Element>, JsValue>;
    #[wasm_bindgen(catch, final, method, js_class = "Node", js_name = getRootNode)]
    fn root_node_of(this: &Host) -> Result<JsValue, JsValue>;
    /// A `ShadowRoot`, for its host.
    #[wasm_bindgen(js_name = ShadowRoot)]
    type Shadow;
    #[wasm_bindgen(catch, final, method, getter, js_class = "ShadowRoot", js_name = host)]
    fn host_of(this: &Shadow) -> Result<Element, JsValue>;
}

fn host(element: &Element) -> &Host {
    element.unchecked_ref()
}

/// True when `element` is in a document (false if that cannot be read).
pub fn is_connected(element: &Element) -> bool {
    host(element).connected().unwrap_or(false)
}

/// The element's tag name in lower case ("" if it cannot be read).
pub fn local_name(element: &Element) -> String {
    host(element).local_name_of().unwrap_or_default()
}

/// The `(name, value)` pairs of an element's attributes (none if they
/// cannot be read).
pub fn attributes(element: &Element) -> Vec<(String, String)> {
    let Ok(names) = host(element).attribute_names() else {
        return Vec::new();
    };
    names
        .iter()
        .filter_map(|n| {
            let n = n.as_string()?;
            let v = host(element).attribute(&n).ok()??;
            Some((n, v))
        })
        .collect()
}

/// The `lang` of the nearest element at or above `element` that has one,
/// walking out of shadow roots through their hosts (a widget inside a web
/// component follows the page's language). `None` when no element says.
pub fn nearest_lang(element: &Element) -> Option<String> {
    let mut at = element.clone();
    // Shadow roots nest a few levels on real pages; the bound keeps a
    // strange page from looping.
    for _ in 0..32 {
        if let Ok(Some(marked)) = host(&at).closest_of("[lang]") {
            return host(&marked).attribute("lang").ok().flatten();
        }
        let root = host(&at).root_node_of().ok()?;
        let shadow = root.dyn_ref::<ShadowRoot>()?;
        at = shadow.unchecked_ref::<Shadow>().host_of().ok()?;
    }
    None
}

/// Logs one console error for a widget or badge.
pub fn report(id: &str, what: &str, error: &JsValue) {
    web_sys::console::error_2(&format!("tokenworth {id}: {what}").into(), error);
}

thread_local! {
    /// Stylesheets by their CSS text, each as the one-element array that
    /// shadow roots adopt: one sheet per page, however many shadow roots
    /// adopt it (a thousand badges share one), and one array (assigning
    /// copies it).
    static SHEETS: RefCell<Vec<(&'static str, Array)>> = const { RefCell::new(Vec::new()) };
}

/// `[sheet]`, the page's one stylesheet object for `css`. A constructable
/// stylesheet is allowed by a strict `style-src 'self'`, unlike a `<style>`
/// element.
fn adopted(css: &'static str) -> Result<Array, JsValue> {
    let known = SHEETS.with(|s| {
        s.borrow()
            .iter()
            .find(|(text, _)| std::ptr::eq(*text, css))
            .map(|(_, list)| list.clone())
    });
    if let Some(known) = known {
        return Ok(known);
    }
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    let list = Array::of1(sheet.as_ref());
    SHEETS.with(|s| s.borrow_mut().push((css, list.clone())));
    Ok(list)
}

/// `element`'s open shadow root (attached if it has none), adopting the
/// shared stylesheet of `css` and nothing else.
pub fn shadow_root(element: &Element, css: &'static str) -> Result<ShadowRoot, JsValue> {
    let shadow = match element.shadow_root() {
        Some(s) => s,
        None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let sheets = adopted(css)?;
    Reflect::set(&shadow, &"adoptedStyleSheets".into(), &sheets)?;
    Ok(shadow)
}

/// Calls `f` on each element of `list` (other nodes are skipped).
pub fn each_element(list: &NodeList, mut f: impl FnMut(Element)) {
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            f(el);
        }
    }
}

/// True when `element`'s shadow root holds a calculator (web::mount puts its
/// `.tw-root` there): the core, which has no widget registry, reads it from
/// the page.
pub fn holds_widget(element: &Element) -> bool {
    element
        .shadow_root()
        .and_then(|shadow| shadow.first_element_child())
        .is_some_and(|first| first.class_list().contains("tw-root"))
}

/// A page watcher: the observer and the closure it calls, kept alive together.
pub type Watcher = (MutationObserver, Closure<dyn FnMut(Array)>);

/// Watches `root` and everything under it for added and removed nodes,
/// calling `on_records` with each batch of mutation records.
pub fn watch_subtree(
    root: &Element,
    on_records: impl FnMut(Array) + 'static,
) -> Result<Watcher, JsValue> {
    let callback = Closure::<dyn FnMut(Array)>::new(on_records);
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    observer.observe_with_options(root, &init)?;
    Ok((observer, callback))
}
