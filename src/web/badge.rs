//! Badges for job boards: `<span data-tokenworth-badge data-base="375000"
//! data-tokens="100000"></span>` becomes a small link, `$375K to you · 21%
//! compute`, to the full calculator with that scenario.
//!
//! Why a link with its sentence inside: one tab stop per badge (a listing
//! may have a thousand), Enter follows it, and its accessible name is the
//! chip's text followed by the whole sentence (headline and worth in full),
//! so screen readers read everything and the visible words start the name
//! (WCAG 2.5.3). The sentence is not displayed until the badge is
//! focused from the keyboard or hovered; a tap reveals it first and a
//! second tap follows the link (touch has no hover); Escape hides it
//! (WCAG 1.4.13). The link is named by its two spans (`aria-labelledby`,
//! which takes the text of hidden elements too): a sentence laid out in a
//! clipped 1 px box was shaped for every badge, more than half of the text
//! shaping of a listing (`make bench` trace). A `title` tooltip reached
//! none of keyboard, touch or screen readers reliably, so there is none.
//!
//! Plain DOM, no yew. Each badge gets its own open shadow root (host CSS
//! cannot restyle the chip) adopting one shared constructable stylesheet
//! (allowed by a strict `style-src`). Identical attribute sets are computed
//! and built once, then cloned. One set of listener functions on the
//! document serves every badge (`composedPath` names the badge).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use js_sys::WeakSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent};

use super::{dom, page};
use crate::codec;
use crate::codec::keys::Presentation;
use crate::lang::Lang;
use crate::model::project;
use crate::publish::{self, BadgeText};
use crate::ui::format;

/// `!important` at `:host` beats the host page's `!important` rules on the
/// badge element itself (inner context wins for important declarations).
/// The host's margin box is 8 px shorter than the 22.4 px chip, so that the
/// chip fits in the line it sits on without making it taller: a badge made
/// each line of the bench listing 0.19 px taller, which moved everything
/// below it, a layout shift and a relayout and repaint of the rest of the
/// page for every pass (10,000 badges: passes of 0.6-1.8 s under load).
/// Nothing is positioned until the sentence shows (a positioned element
/// is a paint layer). With both, the pre-paint of a pass showing 1,000 of
/// 10,000 badges went from ~450 ms to 40-60 ms (trace, loaded machine).
/// The focus ring is two-tone (the chip's text colour inside, its fill
/// outside), so it shows on a light page and a dark one alike.
/// Colours: text on its fill is at least 9:1 in both schemes (9.4 to 12.8), so the
/// meaning (green: mostly pay you keep; amber: mostly compute you do not;
/// grey: no tokens) never rests on colour alone; the words say it too.
const STYLE: &str =
    ":host{all:initial!important;display:inline-block!important;vertical-align:baseline!important;margin:-4px 0!important}\
.badge{--fg:#0b3d2e;--fill:#d9f2e6;--edge:#3d9970;display:inline-block;box-sizing:border-box;padding:.1em .6em;\
border-radius:999px;font:600 12px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;white-space:nowrap;\
text-decoration:none;color:var(--fg);background:var(--fill);border:1px solid var(--edge)}\
.badge:hover .chip{text-decoration:underline}\
.badge:focus-visible{outline:2px solid var(--fg);outline-offset:1px;box-shadow:0 0 0 5px var(--fill)}\
.compute{--fg:#5a2d00;--fill:#fde9cf;--edge:#c07a1e}\
.none{--fg:#2b2b2b;--fill:#ececec;--edge:#9a9a9a}\
.error{--fg:#7a1010;--fill:#fde8e8;--edge:#d47070}\
.full{display:none}\
.badge:not([data-quiet]):is(:hover,:focus-visible,[data-open]){position:relative}\
.badge:not([data-quiet]):is(:hover,:focus-visible,[data-open]) .full{display:block;position:absolute;left:0;\
top:calc(100% + 4px);z-index:2147483647;width:max-content;max-width:min(22em,90vw);\
white-space:normal;box-sizing:border-box;padding:.5em .7em;\
border-radius:6px;font-weight:400;color:#1a1a1a;background:#fff;border:1px solid #767676;\
box-shadow:0 2px 8px rgb(0 0 0/.2)}\
@media (prefers-color-scheme:dark){.badge{--fg:#c8f0dc;--fill:#0f3527;--edge:#3d9970}\
.compute{--fg:#fddcb0;--fill:#3d2304;--edge:#b0701a}\
.none{--fg:#e4e4e4;--fill:#2a2a2a;--edge:#8a8a8a}\
.error{--fg:#fde8e8;--fill:#4a1414;--edge:#c55}\
.badge:not([data-quiet]):is(:hover,:focus-visible,[data-open]) .full{color:#f0f0f0;background:#1d1d1d;border-color:#8a8a8a}}\
@media print{.full{display:none}}";

/// A badge's sorted `data-*` attributes.
type Attributes = Vec<(String, String)>;

/// What a badge says and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    pub text: BadgeText,
    /// The full calculator with this scenario; `None` when the loader's
    /// folder is unknown and no `data-link` was given.
    pub href: Option<String>,
}

thread_local! {
    static RENDERED: WeakSet = WeakSet::new();
    /// Elements that are both a widget host and a badge, already warned about.
    static CONFLICTS: WeakSet = WeakSet::new();
    /// The first badge built for an attribute set, cloned for each repeat:
    /// listings repeat the same offers.
    static MODELS: RefCell<HashMap<(Attributes, String), Element>> = RefCell::new(HashMap::new());
    /// The kind of the last pointer pressed (`touch`, `mouse`, `pen`).
    static LAST_POINTER: RefCell<String> = const { RefCell::new(String::new()) };
    /// The badge link whose sentence a tap opened, or Escape quieted.
    static OPEN: RefCell<Option<Element>> = const { RefCell::new(None) };
    static QUIET: RefCell<Option<Element>> = const { RefCell::new(None) };
    /// The page's origin and the loader's folder (see `page_place`).
    static PLACE: RefCell<Option<(String, Option<String>)>> = const { RefCell::new(None) };
    /// The empty badge by language and tone, `<a part="chip"
    /// aria-labelledby="chip full" lang class><span class="chip"
    /// id="chip"></span><span class="full" id="full"></span></a>`, cloned for
    /// each new badge: each call from wasm to the page costs some µs, and a
    /// badge built call by call took ~70 µs (1,000 badges, `make bench`).
    static TEMPLATES: RefCell<Vec<((&'static str, &'static str), Element)>> = const { RefCell::new(Vec::new()) };
    /// Whether the badge listeners are on the document.
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// The page's origin and the loader's folder, read from the page once:
/// two reads through JS for each of a thousand badges were measurable
/// (`make bench`, profile of 1,000 badges). The folder is read again while
/// it is unknown.
fn page_place() -> (String, Option<String>) {
    PLACE.with(|p| {
        let mut p = p.borrow_mut();
        match &*p {
            Some((origin, Some(folder))) => (origin.clone(), Some(folder.clone())),
            _ => {
                let place = (page::origin(), page::base_url());
                *p = Some(place.clone());
                place
            }
        }
    })
}

/// The badge's text and link for a set of attributes, or every problem in one line.
/// Figures are written in `locale` (a checked tag, see `page::locale_of`),
/// words in `lang`.
pub fn text_for(attrs: Vec<(String, String)>, locale: &str, lang: Lang) -> Result<Badge, String> {
    let link = attrs
        .iter()
        .find(|(n, _)| n.strip_prefix("data-") == Some(Presentation::Link.name()))
        .map(|(_, v)| v.trim().to_string());
    let link = match link {
        Some(value) => publish::parse_link(&value)
            .map_err(|problem| format!("Ignored data-link=\"{value}\": {problem}"))?,
        None => None,
    };
    if let Some((_, value)) = attrs
        .iter()
        .find(|(n, _)| n.strip_prefix("data-") == Some(Presentation::Locale.name()))
    {
        publish::parse_locale(value.trim())
            .map_err(|problem| format!("Ignored data-locale=\"{value}\": {problem}"))?;
    }
    // The scenario goes to the publisher's link only on this page's origin or
    // with data-link-scenario (publish::link_with_scenario); our own
    // calculator beside embed.js always gets it.
    let share = attrs.iter().any(|(n, v)| {
        n.strip_prefix("data-") == Some(Presentation::LinkScenario.name())
            && !matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "0" | "false" | "no" | "off"
            )
    });
    let parsed = codec::parse_attributes(attrs);
    if !parsed.is_ok() {
        return Err(parsed
            .errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join(" "));
    }
    let query = codec::write(&parsed.scenario);
    let (origin, folder) = page_place();
    let href = match link {
        Some(link) => Some(publish::link_with_scenario(&link, &query, &origin, share)),
        None => folder.map(|folder| publish::link_with_scenario(&folder, &query, &origin, true)),
    };
    // The badge shows year 1 only: project no further.
    let mut scenario = parsed.scenario;
    scenario.years = 1;
    let projection = project(&scenario).map_err(|e| e.to_string())?;
    let cur = scenario.cur.as_str();
    let numbers = publish::BadgeNumbers {
        money: &|d| format::money(d, cur, locale),
        compact_money: &|d| format::compact_money(d, cur, locale),
        percent: &|p| format::percent_shown(p, locale),
    };
    let text = publish::badge_text_in(&projection, &numbers, lang)
        .ok_or_else(|| "no figures to show".to_string())?;
    Ok(Badge { text, href })
}

/// Renders a badge found on the page, once. An element that is also a
/// calculator host (`data-tokenworth`, or mounted by the API) shows the
/// calculator: both in one shadow root would break each other.
pub fn render_found(el: &Element) {
    if let Some(built) = prepare_found(el) {
        attach(el, &built);
    }
}

/// The badge built for a badge found on the page, not yet on the page
/// (`None` if it is rendered already, is a calculator host, or could not be
/// built: said on the console). [`attach`] shows it. Built apart from the
/// page so that web::badges can show many at once: every pass that changes
/// badges on the page costs a layout of the page around them (see
/// `web::badges::SHOWN_AT_ONCE`).
pub fn prepare_found(el: &Element) -> Option<Element> {
    if RENDERED.with(|r| r.has(el)) || conflicts(el) {
        return None;
    }
    prepare(el).map_err(|e| report(el, &e)).ok()
}

/// Shows `built` (from [`prepare_found`]) on `el`, unless `el` has become a
/// calculator, a badge already, or left the page meanwhile.
pub fn attach(el: &Element, built: &Element) {
    if RENDERED.with(|r| r.has(el)) || !dom::is_connected(el) || conflicts(el) {
        return;
    }
    if let Err(e) = show(el, built) {
        report(el, &e);
    }
}

/// True when `el` is also a calculator host (warned about once).
fn conflicts(el: &Element) -> bool {
    if !(el.has_attribute("data-tokenworth") || dom::holds_widget(el)) {
        return false;
    }
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
    true
}

fn report(el: &Element, e: &JsValue) {
    let id = el.id();
    let id = if id.is_empty() { "badge" } else { id.as_str() };
    dom::report(id, "could not render the badge", e);
}

/// The empty badge in `lang` and `tone` (a tone class, or "error"): a link
/// holding the chip and the sentence.
fn template(lang: Lang, tone: &'static str) -> Result<Element, JsValue> {
    let key = (lang.code(), tone);
    if let Some(t) = TEMPLATES.with(|t| {
        t.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.clone())
    }) {
        return Ok(t);
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link = document.create_element("a")?;
    link.set_attribute("part", "chip")?;
    // Named by both spans, the hidden sentence included (a name may come
    // from hidden elements it refers to): see the module's comment.
    link.set_attribute("aria-labelledby", "chip full")?;
    // Read aloud in its own language, whatever the page's.
    link.set_attribute("lang", lang.code())?;
    link.set_class_name(&format!("badge {tone}"));
    let chip = document.create_element("span")?;
    chip.set_class_name("chip");
    chip.set_id("chip");
    let full = document.create_element("span")?;
    full.set_class_name("full");
    full.set_id("full");
    link.append_child(&chip)?;
    link.append_child(&full)?;
    TEMPLATES.with(|t| t.borrow_mut().push((key, link.clone())));
    Ok(link)
}

/// The badge's element tree for `text` (built once per attribute set).
fn build(badge: &Result<Badge, String>, lang: Lang) -> Result<Element, JsValue> {
    let tone = match badge {
        Ok(b) => b.text.tone.class(),
        Err(_) => "error",
    };
    let link: Element = template(lang, tone)?
        .clone_node_with_deep(true)?
        .unchecked_into();
    let chip = link
        .first_element_child()
        .ok_or_else(|| JsValue::from_str("badge template has no chip"))?;
    let full = chip
        .next_element_sibling()
        .ok_or_else(|| JsValue::from_str("badge template has no sentence"))?;
    match badge {
        Ok(b) => {
            match &b.href {
                Some(href) => link.set_attribute("href", href)?,
                None => link.set_attribute("tabindex", "0")?,
            }
            chip.set_text_content(Some(&b.text.text));
            // The leading space separates the two in the accessible name.
            full.set_text_content(Some(&format!(" {}", b.text.label)));
        }
        Err(message) => {
            link.set_attribute("tabindex", "0")?;
            chip.set_text_content(Some(lang.say("badge.check")));
            full.set_text_content(Some(&format!(" {message}")));
        }
    }
    Ok(link)
}

/// The badge for `el`'s attributes, built apart from the page.
fn prepare(el: &Element) -> Result<Element, JsValue> {
    let mut attrs = dom::attributes(el);
    attrs.retain(|(n, _)| n.starts_with("data-"));
    attrs.sort();
    let configured = attrs
        .iter()
        .find(|(n, _)| n.strip_prefix("data-") == Some(Presentation::Locale.name()))
        .map(|(_, v)| publish::parse_locale(v.trim()));
    let locale = match &configured {
        Some(Ok(tag)) => page::locale_of(el, tag.as_deref(), false),
        // The bad value is named in the badge's problem line (text_for).
        _ => page::locale_of(el, None, false),
    };
    // The badge speaks its data-lang, else its locale's language. The
    // attributes and the locale settle it, so they are the cache key.
    let option = attrs
        .iter()
        .find(|(n, _)| n.strip_prefix("data-") == Some(Presentation::Lang.name()))
        .and_then(|(_, v)| Lang::parse(v));
    let lang = page::reader_lang(&locale, option);
    let key = (attrs, locale);
    // The first badge of an attribute set is the one built, kept as the
    // model of its repeats (one clone less for each distinct badge: most
    // on a listing).
    if let Some(model) = MODELS.with(|c| c.borrow().get(&key).cloned()) {
        let badge: Element = model.clone_node_with_deep(true)?.unchecked_into();
        // The model may be open or quieted on the page right now.
        if OPEN.with(|o| o.borrow().is_some()) || QUIET.with(|q| q.borrow().is_some()) {
            badge.remove_attribute("data-open")?;
            badge.remove_attribute("data-quiet")?;
        }
        return Ok(badge);
    }
    let (attrs, locale) = &key;
    let badge = build(&text_for(attrs.clone(), locale, lang), lang)?;
    MODELS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 10_000 {
            c.clear();
        }
        c.insert(key, badge.clone());
    });
    Ok(badge)
}

/// Puts `built` in `el`'s shadow root.
fn show(el: &Element, built: &Element) -> Result<(), JsValue> {
    let shadow = dom::shadow_root(el, STYLE)?;
    listen()?;
    shadow.replace_children_with_node_1(built);
    RENDERED.with(|r| r.add(el));
    Ok(())
}

/// The badge link an event happened in, if any (through shadow roots): a
/// `.badge` whose shadow root belongs to a `data-tokenworth-badge` host,
/// never an element of the host page that happens to share the class.
fn badge_of(event: &Event) -> Option<Element> {
    let badge_attribute = format!("data-{}", Presentation::Badge.name());
    event
        .composed_path()
        .iter()
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .find(|e| {
            e.class_list().contains("badge")
                && e.get_root_node()
                    .dyn_into::<web_sys::ShadowRoot>()
                    .is_ok_and(|root| root.host().has_attribute(&badge_attribute))
        })
}

/// The listeners of every badge: one set of functions on the document
/// (capture phase, so a page's `stopPropagation` does not hide a badge's
/// events; `composedPath` names the badge through its open shadow root),
/// added with the first badge and removed by `clear_all`. Four listeners on
/// each badge's shadow root cost 4,000 calls on a listing of 1,000
/// (`make bench` profile). `outside` is on the document only while a
/// tapped badge is open.
struct Listeners {
    pointerdown: Closure<dyn Fn(Event)>,
    click: Closure<dyn Fn(Event)>,
    keydown: Closure<dyn Fn(KeyboardEvent)>,
    focusin: Closure<dyn Fn(Event)>,
    outside: Closure<dyn Fn(Event)>,
}

thread_local! {
    static LISTENERS: Listeners = Listeners::new();
}

/// Puts the badge listeners on the document, once.
fn listen() -> Result<(), JsValue> {
    if LISTENING.with(|l| l.get()) {
        return Ok(());
    }
    let document = document_target().ok_or_else(|| JsValue::from_str("no document"))?;
    LISTENERS.with(|l| {
        l.each(|kind, f| document.add_event_listener_with_callback_and_bool(kind, f, true))
    })?;
    LISTENING.with(|l| l.set(true));
    Ok(())
}

/// Takes the badge listeners off the document.
fn unlisten() {
    if !LISTENING.with(|l| l.replace(false)) {
        return;
    }
    if let Some(document) = document_target() {
        let _ = LISTENERS.with(|l| {
            l.each(|kind, f| document.remove_event_listener_with_callback_and_bool(kind, f, true))
        });
    }
}

impl Listeners {
    fn new() -> Listeners {
        Listeners {
            pointerdown: Closure::new(|e: Event| {
                let kind = js_sys::Reflect::get(&e, &"pointerType".into())
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_default();
                LAST_POINTER.with(|p| *p.borrow_mut() = kind);
                set_quiet(None);
            }),
            // A tap on a closed badge opens its sentence instead of leaving
            // the page; the next tap follows the link.
            click: Closure::new(|e: Event| {
                let Some(badge) = badge_of(&e) else {
                    return;
                };
                let touch = LAST_POINTER.with(|p| p.borrow().as_str() == "touch");
                if touch && !badge.has_attribute("data-open") {
                    e.prevent_default();
                    open(badge);
                }
            }),
            keydown: Closure::new(|e: KeyboardEvent| {
                // Enter on a badge clicks it: follow the link, whatever was tapped before.
                LAST_POINTER.with(|p| p.borrow_mut().clear());
                if e.key() == "Escape" {
                    close();
                    set_quiet(badge_of(&e));
                }
            }),
            focusin: Closure::new(|_: Event| set_quiet(None)),
            // A tap anywhere but on the open badge closes it.
            outside: Closure::new(|e: Event| {
                let open = OPEN.with(|o| o.borrow().clone());
                if open.is_some() && badge_of(&e) != open {
                    close();
                }
            }),
        }
    }

    /// Calls `f` with each badge event type and its listener.
    fn each(
        &self,
        mut f: impl FnMut(&str, &js_sys::Function) -> Result<(), JsValue>,
    ) -> Result<(), JsValue> {
        f("pointerdown", self.pointerdown.as_ref().unchecked_ref())?;
        f("click", self.click.as_ref().unchecked_ref())?;
        f("keydown", self.keydown.as_ref().unchecked_ref())?;
        f("focusin", self.focusin.as_ref().unchecked_ref())
    }
}

fn document_target() -> Option<web_sys::EventTarget> {
    Some(web_sys::window()?.document()?.into())
}

/// Shows a tapped badge's sentence until a tap elsewhere or Escape.
fn open(badge: Element) {
    close();
    if badge.set_attribute("data-open", "").is_err() {
        return;
    }
    OPEN.with(|o| *o.borrow_mut() = Some(badge));
    if let Some(document) = document_target() {
        LISTENERS.with(|l| {
            let _ = document.add_event_listener_with_callback_and_bool(
                "pointerdown",
                l.outside.as_ref().unchecked_ref(),
                true,
            );
        });
    }
}

/// Closes the open badge, if any, and stops listening on the document.
fn close() {
    let Some(badge) = OPEN.with(|o| o.borrow_mut().take()) else {
        return;
    };
    let _ = badge.remove_attribute("data-open");
    if let Some(document) = document_target() {
        LISTENERS.with(|l| {
            let _ = document.remove_event_listener_with_callback_and_bool(
                "pointerdown",
                l.outside.as_ref().unchecked_ref(),
                true,
            );
        });
    }
}

/// Hides the sentence of the badge Escape was pressed on (even while it is
/// focused or hovered), and shows again any other quieted one.
fn set_quiet(badge: Option<Element>) {
    QUIET.with(|q| {
        let mut q = q.borrow_mut();
        if let Some(old) = q.take() {
            let _ = old.remove_attribute("data-quiet");
        }
        if let Some(badge) = badge {
            if badge.set_attribute("data-quiet", "").is_ok() {
                *q = Some(badge);
            }
        }
    });
}

/// True when `el` carries a rendered badge.
pub fn is_rendered(el: &Element) -> bool {
    RENDERED.with(|r| r.has(el))
}

/// Forgets that `el` is a badge (a calculator was mounted over it and now
/// owns its shadow root, which stays as it is). Returns whether it was one.
pub fn forget(el: &Element) -> bool {
    RENDERED.with(|r| r.delete(el))
}

/// Empties a badge's shadow root. Returns whether it was a badge.
pub fn clear(el: &Element) -> bool {
    if !RENDERED.with(|r| r.delete(el)) {
        return false;
    }
    close();
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
    unlisten();
}
