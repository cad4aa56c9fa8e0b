//! The page URL and the clipboard: read the scenario from `location.search`,
//! keep it in step with `history.replaceState` after the next paint, copy
//! text.

use std::cell::RefCell;

use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// `location.search` of the page ("" when there is none).
pub fn read_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

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

/// The latest query waiting to be written, and the frame and task that
/// will write it. The handles stay here until the next write replaces
/// them: dropping one from inside its own callback would free the closure
/// while it runs.
#[derive(Default)]
struct Pending {
    query: Option<String>,
    frame: Option<AnimationFrame>,
    task: Option<Timeout>,
}

thread_local! {
    static PENDING: RefCell<Pending> = RefCell::new(Pending::default());
}

/// Puts `query` in the page URL after the next frame is painted.
///
/// `history.replaceState` costs several milliseconds in Chromium (7 ms an
/// edit in `make bench`): called at once, it sat between the input event
/// and the updated figures. Deferred to a task posted from the next
/// animation frame, it runs after that frame's paint, and a burst of edits
/// within one frame writes the URL once, with the latest query.
pub fn replace_query_after_paint(query: String) {
    let scheduled = PENDING.with(|p| p.borrow_mut().query.replace(query).is_some());
    if scheduled {
        return; // it will write the latest query
    }
    let frame = request_animation_frame(|_| {
        let task = Timeout::new(0, write_pending);
        PENDING.with(|p| p.borrow_mut().task = Some(task));
    });
    PENDING.with(|p| p.borrow_mut().frame = Some(frame));
}

fn write_pending() {
    let Some(query) = PENDING.with(|p| p.borrow_mut().query.take()) else {
        return;
    };
    if let Err(e) = replace_query(&query) {
        web_sys::console::warn_2(&"tokenworth: could not update the URL".into(), &e);
    }
}

/// Copies text with the asynchronous clipboard API.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.map(|_| ())
}
