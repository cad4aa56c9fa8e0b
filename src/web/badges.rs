//! Badges on the page, the core's part of finding hosts: every
//! `[data-tokenworth-badge]` is rendered once (web::badge), those in the
//! viewport first and the rest in idle-time chunks, so that a listing of
//! 10,000 badges shows what is in view first and never blocks the page
//! (`make bench`: no long task over 200 ms). A `MutationObserver` renders
//! badges added later the same way.
//!
//! Which badges are in view, an `IntersectionObserver` says: it reports
//! every badge once, after the browser's own layout of the frame. Reading
//! `getBoundingClientRect` instead forced that layout inside this task: on
//! a freshly parsed listing of 10,000 items, the page's whole first layout,
//! a task of 1 s and more (`make bench`, loaded machine).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    MutationRecord,
};

use super::{badge, dom};

/// Time one chunk may take, in ms (longer when the idle deadline allows):
/// half the 200 ms budget of the longest task. Each chunk costs a frame's
/// style and layout of the page too, so fewer, longer chunks finish sooner:
/// 12 ms chunks waiting for idle periods took seconds more for 1,000 badges
/// than one pass (`make bench`, loaded machine).
const CHUNK_MS: f64 = 100.0;
/// Longest wait for an idle period before a chunk runs anyway, in ms: about
/// a frame.
const IDLE_TIMEOUT_MS: u32 = 16;
/// Viewport margin: badges this close to the view count as in view.
const VIEW_MARGIN: &str = "200px";
/// Badges out of view are built in chunks apart from the page and shown
/// this many at a time (or all that are left): each pass that changes the
/// page costs a layout of the page around the badges (`make bench` trace,
/// 1,000 badges, loaded machine: three passes of ~330 badges took 100-125 ms
/// of style and layout each, one pass of 1,000 about 180 ms). On 10,000
/// badges passes of 1,000 took 170-225 ms, of 500 110-180 ms, under the 200
/// ms budget of a task; 1,000 badges in two passes of 500 were shown 742 ->
/// 794 ms after embed.js started (medians of 9, within the noise).
const SHOWN_AT_ONCE: usize = 500;

/// The page observer and the callback it calls (kept alive with it).
use super::dom::Watcher;

thread_local! {
    /// Badges waiting for an idle chunk, in document order.
    static QUEUE: RefCell<VecDeque<Element>> = const { RefCell::new(VecDeque::new()) };
    /// Badges built and not yet shown: (host, its badge).
    static BUILT: RefCell<Vec<(Element, Element)>> = const { RefCell::new(Vec::new()) };
    /// A chunk has been asked for and has not run yet.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// The chunk callback, made once and reused for every chunk.
    static CHUNK: Closure<dyn FnMut(JsValue)> = Closure::new(run_chunk);
    static OBSERVER: RefCell<Option<Watcher>> = const { RefCell::new(None) };
    /// Sorts found badges into in view (rendered at once) and the rest
    /// (queued); `None` where the browser has no IntersectionObserver.
    static SORTER: RefCell<Option<Sorter>> = const { RefCell::new(None) };
}

/// The viewport observer and the callback it calls (kept alive with it).
type Sorter = (
    IntersectionObserver,
    Closure<dyn FnMut(Array, IntersectionObserver)>,
);

/// Renders the badges of the document and watches it for more.
pub fn start() -> Result<(), JsValue> {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .ok_or_else(|| JsValue::from_str("no document element"))?;
    take(&root);
    observe(&root)
}

/// Every badge inside `root` (itself included), handed to the viewport
/// observer: those in view are rendered as soon as it reports, the rest
/// queued for idle time.
fn take(root: &Element) {
    let selector = dom::badge_selector();
    let mut found = Vec::new();
    if root.matches(&selector).unwrap_or(false) {
        found.push(root.clone());
    }
    if root.first_element_child().is_some() {
        if let Ok(list) = root.query_selector_all(&selector) {
            dom::each_element(&list, |el| found.push(el));
        }
    }
    if found.is_empty() {
        return;
    }
    match sorter() {
        Some(observer) => {
            for el in &found {
                observer.observe(el);
            }
        }
        None => {
            QUEUE.with(|q| q.borrow_mut().extend(found));
            schedule();
        }
    }
}

/// The page's viewport observer, made on first use.
fn sorter() -> Option<IntersectionObserver> {
    if let Some(observer) = SORTER.with(|s| s.borrow().as_ref().map(|(o, _)| o.clone())) {
        return Some(observer);
    }
    let callback = Closure::<dyn FnMut(Array, IntersectionObserver)>::new(
        |entries: Array, observer: IntersectionObserver| {
            let mut later = Vec::new();
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                    continue;
                };
                let el = entry.target();
                observer.unobserve(&el);
                if entry.is_intersecting() {
                    badge::render_found(&el);
                } else {
                    later.push(el);
                }
            }
            if !later.is_empty() {
                QUEUE.with(|q| q.borrow_mut().extend(later));
                schedule();
            }
        },
    );
    let init = IntersectionObserverInit::new();
    init.set_root_margin(VIEW_MARGIN);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    SORTER.with(|s| *s.borrow_mut() = Some((observer.clone(), callback)));
    Some(observer)
}

/// Asks for the next chunk: `requestIdleCallback` (with a timeout, so a busy
/// page still gets its badges), or `setTimeout` where there is none (Safari).
fn schedule() {
    if SCHEDULED.with(|s| s.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let asked = CHUNK.with(|chunk| {
        let callback: &Function = chunk.as_ref().unchecked_ref();
        let idle = Reflect::get(&window, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        match idle {
            Some(idle) => {
                let options = Object::new();
                Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into())?;
                idle.call2(&window, callback, &options).map(|_| ())
            }
            None => window
                .set_timeout_with_callback_and_timeout_and_arguments_0(callback, 0)
                .map(|_| ()),
        }
    });
    if let Err(e) = asked {
        SCHEDULED.with(|s| s.set(false));
        dom::report("badges", "could not schedule the badges out of view", &e);
    }
}

/// Milliseconds this chunk may still take: the idle deadline's
/// `timeRemaining()`, or what is left of `CHUNK_MS` (a timeout has no
/// deadline, and one whose idle wait timed out has 0 remaining).
fn remaining(deadline: &JsValue, start: f64, now: f64) -> f64 {
    let idle = Reflect::get(deadline, &"timeRemaining".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(deadline).ok())
        .and_then(|t| t.as_f64())
        .unwrap_or(0.0);
    idle.max(CHUNK_MS - (now - start))
}

/// Builds queued badges while the chunk has time (at least one), and shows
/// those built once there are `SHOWN_AT_ONCE` or the queue is empty (in
/// this chunk if it has used less than half its time, else in the next);
/// then asks for the next chunk if any are left.
fn run_chunk(deadline: JsValue) {
    SCHEDULED.with(|s| s.set(false));
    let clock = web_sys::window().and_then(|w| w.performance());
    let now = || clock.as_ref().map_or(0.0, |p| p.now());
    let start = now();
    let built = || BUILT.with(|b| b.borrow().len());
    let queued = || QUEUE.with(|q| q.borrow().len());
    while built() < SHOWN_AT_ONCE {
        let Some(el) = QUEUE.with(|q| q.borrow_mut().pop_front()) else {
            break;
        };
        if let Some(badge) = badge::prepare_found(&el) {
            BUILT.with(|b| b.borrow_mut().push((el, badge)));
        }
        if remaining(&deadline, start, now()) <= 1.0 {
            break;
        }
    }
    let full = built() >= SHOWN_AT_ONCE || (queued() == 0 && built() > 0);
    if full && now() - start < CHUNK_MS / 2.0 {
        show_built();
    }
    if queued() > 0 || built() > 0 {
        schedule();
    }
}

/// Shows every badge built so far, in one pass.
fn show_built() {
    let built = BUILT.with(|b| std::mem::take(&mut *b.borrow_mut()));
    for (el, badge) in &built {
        badge::attach(el, badge);
    }
}

fn observe(root: &Element) -> Result<(), JsValue> {
    if OBSERVER.with(|o| o.borrow().is_some()) {
        return Ok(());
    }
    let watcher = dom::watch_subtree(root, |records: Array| {
        for record in records.iter() {
            let Ok(record) = record.dyn_into::<MutationRecord>() else {
                continue;
            };
            let added = record.added_nodes();
            for i in 0..added.length() {
                let Some(node) = added.item(i) else { continue };
                let Some(el) = node.dyn_ref::<Element>() else {
                    continue;
                };
                if dom::is_connected(el) {
                    take(el);
                }
            }
        }
    })?;
    OBSERVER.with(|o| *o.borrow_mut() = Some(watcher));
    Ok(())
}

/// Stops watching the page, drops the queue and clears every badge.
pub fn stop() {
    if let Some((observer, _callback)) = OBSERVER.with(|o| o.borrow_mut().take()) {
        observer.disconnect();
    }
    if let Some((observer, _callback)) = SORTER.with(|s| s.borrow_mut().take()) {
        observer.disconnect();
    }
    QUEUE.with(|q| q.borrow_mut().clear());
    BUILT.with(|b| b.borrow_mut().clear());
    badge::clear_all();
}
