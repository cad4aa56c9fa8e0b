//! Badges for job boards: `<span data-tokenworth-badge data-base="375000"
//! data-tokens="100000"></span>` becomes a small chip, `21.1% compute`, with
//! the year-1 headline and worth as its tooltip and accessible name.
//!
//! Plain DOM, no yew: a listing page may carry a thousand of them. Each
//! badge gets its own open shadow root (host CSS cannot restyle the chip)
//! adopting one shared constructable stylesheet (allowed by a strict
//! `style-src`). Identical attribute sets are computed once.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::WeakSet;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::{dom, embed};
use crate::codec;
use crate::model::project;
use crate::publish::{self, BadgeText};

/// `!important` at `:host` beats the host page's `!important` rules on the
/// badge element itself (inner context wins for important declarations).
const STYLE: &str =
    ":host{all:initial!important;display:inline-block!important;vertical-align:baseline!important}\
.chip{display:inline-block;box-sizing:border-box;padding:.1em .55em;border-radius:999px;\
font:600 12px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;white-space:nowrap;\
color:#0b3d2e;background:#d9f2e6;border:1px solid #9fd8bd;cursor:help}\
.chip.error{color:#7a1010;background:#fde8e8;border-color:#f1a9a9}\
@media (prefers-color-scheme:dark){.chip{color:#d9f2e6;background:#123d2e;border-color:#2f7a5c}\
.chip.error{color:#fde8e8;background:#4a1414;border-color:#a33}}";

/// A badge's sorted `data-*` attributes.
type Attributes = Vec<(String, String)>;

thread_local! {
    static RENDERED: WeakSet = WeakSet::new();
    /// Elements that are both a widget host and a badge, already warned about.
    static CONFLICTS: WeakSet = WeakSet::new();
    /// Badge text by attribute set: listings repeat the same offers.
    static CACHE: RefCell<HashMap<Attributes, Result<BadgeText, String>>> =
        RefCell::new(HashMap::new());
}

/// The badge's text for a set of attributes, or every problem in one line.
pub fn text_for(attrs: Vec<(String, String)>) -> Result<BadgeText, String> {
    let parsed = codec::parse_attributes(attrs);
    if !parsed.is_ok() {
        return Err(parsed
            .errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join(" "));
    }
    // The badge shows year 1 only: project no further.
    let mut scenario = parsed.scenario;
    scenario.years = 1;
    let projection = project(&scenario).map_err(|e| e.to_string())?;
    publish::badge_text(&projection, &scenario.cur).ok_or_else(|| "no figures to show".to_string())
}

/// Renders a badge found on the page, once. An element that is also a
/// calculator host (`data-tokenworth`, or mounted by the API) shows the
/// calculator: both in one shadow root would break each other.
pub fn render_found(el: &Element) {
    if RENDERED.with(|r| r.has(el)) {
        return;
    }
    if el.has_attribute("data-tokenworth") || embed::is_mounted(el) {
        if !CONFLICTS.with(|c| c.has(el)) {
            CONFLICTS.with(|c| c.add(el));
            web_sys::console::warn_2(
                &"tokenworth: this element has both data-tokenworth and \
                  data-tokenworth-badge; it shows the calculator, not the badge \
                  (give the badge an element of its own)"
                    .into(),
                el,
            );
        }
        return;
    }
    if let Err(e) = render(el) {
        let id = el.id();
        let id = if id.is_empty() { "badge" } else { id.as_str() };
        dom::report(id, "could not render the badge", &e);
    }
}

/// Renders (or re-renders) the badge on `el` from its attributes.
pub fn render(el: &Element) -> Result<(), JsValue> {
    let mut attrs = dom::attributes(el);
    attrs.retain(|(n, _)| n.starts_with("data-"));
    attrs.sort();
    let cached = CACHE.with(|c| c.borrow().get(&attrs).cloned());
    let text = match cached {
        Some(t) => t,
        None => {
            let t = text_for(attrs.clone());
            CACHE.with(|c| {
                let mut c = c.borrow_mut();
                if c.len() > 10_000 {
                    c.clear();
                }
                c.insert(attrs, t.clone());
            });
            t
        }
    };
    let shadow = dom::shadow_root(el, STYLE)?;
    let document = el
        .owner_document()
        .ok_or_else(|| JsValue::from_str("badge has no document"))?;
    let chip = document.create_element("span")?;
    chip.set_attribute("part", "chip")?;
    chip.set_attribute("role", "img")?;
    match text {
        Ok(t) => {
            chip.set_class_name("chip");
            chip.set_text_content(Some(&t.text));
            chip.set_attribute("title", &t.label)?;
            chip.set_attribute("aria-label", &t.label)?;
        }
        Err(message) => {
            chip.set_class_name("chip error");
            chip.set_text_content(Some("tokenworth: check the badge"));
            chip.set_attribute("title", &message)?;
            chip.set_attribute("aria-label", &message)?;
        }
    }
    shadow.replace_children_with_node_1(&chip);
    RENDERED.with(|r| r.add(el));
    Ok(())
}

/// True when `el` carries a rendered badge.
pub fn is_rendered(el: &Element) -> bool {
    RENDERED.with(|r| r.has(el))
}

/// Empties a badge's shadow root. Returns whether it was a badge.
pub fn clear(el: &Element) -> bool {
    if !RENDERED.with(|r| r.delete(el)) {
        return false;
    }
    if let Some(shadow) = el.shadow_root() {
        shadow.replace_children_with_node_0();
    }
    true
}

/// Clears every rendered badge in the document.
pub fn clear_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = document.query_selector_all(&dom::badge_selector()) else {
        return;
    };
    dom::each_element(&list, |el| {
        clear(&el);
    });
}
