//! The page URL: read the scenario from `location.search`, keep it in step
//! with `history.replaceState`, build share links, copy to the clipboard.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::publish;

/// `location.search` of the page ("" when there is none).
pub fn read_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// `query` joined to `base` ("" leaves `base` as it is).
pub fn with_query(base: &str, query: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or(base);
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// Replaces the page's query by `query` (no history entry; hash kept).
pub fn replace_query(query: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let location = window.location();
    let path = location.pathname()?;
    let hash = location.hash()?;
    let url = format!("{}{hash}", with_query(&path, query));
    window
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
}

/// The link to share: `link` (an embed's full calculator, see
/// [`scenario_link`]) or this page, with the scenario's query.
pub fn share_url(query: &str, link: Option<&str>, link_scenario: bool) -> String {
    let here = || {
        web_sys::window()
            .and_then(|w| {
                let l = w.location();
                Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
            })
            .unwrap_or_default()
    };
    match link {
        Some(l) => scenario_link(l, query, link_scenario),
        None => with_query(&here(), query),
    }
}

/// `link` with the scenario only on this page's origin or when the publisher
/// opted in (`data-link-scenario`); its own query and fragment kept.
pub fn scenario_link(link: &str, query: &str, link_scenario: bool) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    publish::link_with_scenario(link, query, &origin, link_scenario)
}

/// Copies text with the asynchronous clipboard API.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ())
}
