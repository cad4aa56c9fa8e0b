//! What a widget may know of the page it is on, and the page's actions:
//! the location, what embed.js recorded about itself (its folder, its
//! integrity), the scenario in `location.search` kept in step with
//! `history.replaceState` when the reader pauses or leaves a field, and the
//! clipboard.

//!
//! The core (no `app` feature) keeps only what badges read: the origin and
//! the loader's folder.

#[cfg(feature = "app")]
use std::cell::RefCell;

#[cfg(feature = "app")]
#[cfg(feature = "app")]
use gloo_timers::callback::Timeout;
use js_sys::Reflect;
#[cfg(feature = "app")]
use wasm_bindgen::{JsCast, JsValue};
#[cfg(feature = "app")]
use wasm_bindgen_futures::JsFuture;

use super::dom;
use crate::lang::Lang;
#[cfg(feature = "app")]
use crate::ui::host::{Download, Host};

/// The locale a widget or badge on `element` writes numbers in: the
/// publisher's `data-locale` (already checked), else the nearest `lang`
/// above it, else the browser's language, else en-US. A `lang` or browser
/// language that is not a well-formed tag is passed over.
///
/// `own_page`: the host is on one of our pages (the standalone page,
/// embed.html), whose `lang` tells the language of our words, not the
/// reader's: the browser's language comes right after `data-locale`.
pub fn locale_of(element: &web_sys::Element, configured: Option<&str>, own_page: bool) -> String {
    let well_formed = |tag: String| crate::publish::parse_locale(tag.trim()).ok().flatten();
    configured
        .map(str::to_string)
        .or_else(|| {
            (!own_page)
                .then(|| dom::nearest_lang(element))
                .flatten()
                .and_then(well_formed)
        })
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.navigator().language())
                .and_then(well_formed)
        })
        .unwrap_or_else(|| crate::ui::format::DEFAULT_LOCALE.to_string())
}

/// What the widget may know of this page, and its copy action; `locale`
/// is the one [`locale_of`] resolved for the widget.
#[cfg(feature = "app")]
pub fn host(locale: String) -> Host {
    let location = web_sys::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let copy = yew::Callback::from(|(text, done): (String, yew::Callback<bool>)| {
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(copy_text(&text).await.is_ok());
        });
    });
    let download = yew::Callback::from(|file: Download| {
        if let Err(e) = download(&file) {
            web_sys::console::warn_2(&"tokenworth: could not offer the download".into(), &e);
        }
    });
    Host {
        lang: Lang::from_tag(&locale),
        locale: locale.into(),
        page: format!("{origin}{path}").into(),
        origin: origin.into(),
        files: base_url().unwrap_or_default().into(),
        loader_integrity: loader_integrity().unwrap_or_default().into(),
        copy,
        download,
    }
}

/// The reader's language: the publisher's `lang` option, else the one of
/// the widget's resolved locale ([`locale_of`]), read by `Lang::from_tag`
/// (the one place a tag becomes a language): words and figures follow the
/// same reader.
pub fn reader_lang(locale: &str, option: Option<Lang>) -> Lang {
    option.unwrap_or_else(|| Lang::from_tag(locale))
}

/// The page's origin, as `location.origin` writes it ("" when unknown).
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The directory embed.js was loaded from (`window.tokenworth.baseUrl`),
/// where the standalone page, embed.html and the versioned loader live.
pub fn base_url() -> Option<String> {
    let window = web_sys::window()?;
    let api = Reflect::get(&window, &"tokenworth".into()).ok()?;
    Reflect::get(&api, &"baseUrl".into()).ok()?.as_string()
}

/// The `integrity` attribute of the loader's own `<script>`
/// (`window.tokenworth.loaderIntegrity`, set by embed.js).
pub fn loader_integrity() -> Option<String> {
    let window = web_sys::window()?;
    let api = Reflect::get(&window, &"tokenworth".into()).ok()?;
    Reflect::get(&api, &"loaderIntegrity".into())
        .ok()?
        .as_string()
}

/// `location.search` of the page ("" when there is none).
pub fn read_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

#[cfg(feature = "app")]
/// Replaces the page's query by `query` (no history entry; hash kept).
pub fn replace_query(query: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let location = window.location();
    let path = location.pathname()?;
    let hash = location.hash()?;
    let url = format!("{}{hash}", crate::publish::with_query(&path, query));
    window
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
}

#[cfg(feature = "app")]
/// The latest query waiting to be written, and the timer that will write
/// it. The timer stays here until the next edit replaces (and so cancels)
/// it: dropping it from inside its own callback would free the closure
/// while it runs.
#[derive(Default)]
struct Pending {
    query: Option<String>,
    task: Option<Timeout>,
}

#[cfg(feature = "app")]
thread_local! {
    static PENDING: RefCell<Pending> = RefCell::new(Pending::default());
}

#[cfg(feature = "app")]
/// How long the reader's edits must pause before the URL is written, in ms.
const URL_QUIET_MS: u32 = 250;

#[cfg(feature = "app")]
/// Puts `query` in the page URL once the reader pauses (`URL_QUIET_MS`).
///
/// `history.replaceState` costs milliseconds in Chromium (2.5 ms an edit
/// in a sampled profile of 60 edits, 7 ms in `make bench` under load):
/// called at once it sat between the input event and the updated figures,
/// and written after every frame it was still a task of its own that the
/// next keystroke waited behind. Chromium also throttles a page that
/// calls it hundreds of times in a few seconds (a slider dragged). Once
/// per pause writes the latest query and costs typing nothing.
pub fn replace_query_when_idle(query: String) {
    let task = Timeout::new(URL_QUIET_MS, write_pending);
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.query = Some(query);
        // Replacing the earlier timer cancels it (it has not run, or has
        // run and returned: never dropped from inside its own callback).
        p.task = Some(task);
    });
}

#[cfg(feature = "app")]
/// Writes a query still waiting for the reader's pause now: they left the
/// field (Tab, a click elsewhere, the address bar), so the URL they may
/// copy is current. The waiting timer then finds nothing to write.
pub fn write_url_now() {
    write_pending();
}

#[cfg(feature = "app")]
fn write_pending() {
    let Some(query) = PENDING.with(|p| p.borrow_mut().query.take()) else {
        return;
    };
    if let Err(e) = replace_query(&query) {
        web_sys::console::warn_2(&"tokenworth: could not update the URL".into(), &e);
    }
}

#[cfg(feature = "app")]
/// Offers `file` for saving: a Blob URL clicked through a transient
/// `<a download>`, all in the browser (nothing is sent anywhere).
pub fn download(file: &Download) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(file.mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(&file.text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlElement = document.create_element("a")?.unchecked_into();
    link.set_attribute("href", &url)?;
    link.set_attribute("download", &file.name)?;
    // Attached for the click (Firefox ignores a detached link), gone before a paint.
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Revoked later, not at once: revoking during the click can cancel the
    // download in some browsers.
    Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

#[cfg(feature = "app")]
/// Copies text with the asynchronous clipboard API.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ())
}
