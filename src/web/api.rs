//! `window.tokenworth`: embed.js creates it with `ready`; the core wasm adds
//!
//! * `compute(scenario)`: a query string or a plain object of MODEL.md keys
//!   (`{ base: 375000, "b.base": "400k" }`, or offer B nested as `b: {…}`)
//!   to the JSON result of MODEL.md as a JS object; throws an `Error`
//!   naming every bad key (a `TypeError` for a bad shape: values that are
//!   objects, `b` inside `b`, a cycle, a getter or Proxy trap that throws);
//! * `unmount(element)` and `stop()` for badges; `version`: the crate version;
//!
//! and the app wasm (feature `app`)
//!
//! * `mount(element, scenario?, options?)`: a calculator on any element of
//!   this page but `<body>`/`<html>` (a Proxy or look-alike is a
//!   `TypeError`); returns its id (`tw-7`); mounting again replaces it;
//! * `unmount(element)` and `stop()` for calculators.
//!
//! embed.js joins the two: `unmount(element)` removes a calculator or badge
//! and returns whether there was one; `stop()` stops watching the page and
//! unmounts everything; `mount` before the app is there loads it.
//!
//! No argument can break the wasm instance: see `read` and `element_of`.

use std::cell::Cell;

use js_sys::{Array, Function, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{badge, badges};
#[cfg(feature = "app")]
use super::{dom, embed};
#[cfg(feature = "app")]
use crate::codec::keys;
use crate::codec::object::{self, Given};
use crate::codec::{self, json, Parsed};
use crate::model::project;
use crate::publish;

// JS builtins on a caller's value, declared `catch`: a Proxy trap or a
// getter may throw, and an exception unwinding through wasm frames skips
// their epilogues (the shadow-stack pointer, RefCell borrows), which
// corrupts the instance for every later call.
#[wasm_bindgen]
extern "C" {
    /// `Object.keys(value)`: own enumerable string keys (runs `ownKeys` and
    /// `getOwnPropertyDescriptor` traps).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(value: &JsValue) -> Result<Array, JsValue>;
    /// `Array.isArray(value)`: throws on a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_list(value: &JsValue) -> Result<bool, JsValue>;
    /// `String(value)`, used for a number or a BigInt only (no user code
    /// runs for either).
    #[wasm_bindgen(catch, js_name = String)]
    fn string_of(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// API calls nested inside one another (a getter that calls
/// `tokenworth.compute`): each level takes wasm stack, which has no guard
/// page, so the nesting is bounded well below what 1 MiB allows.
const MAX_NESTED_CALLS: u32 = 8;

thread_local! {
    static NESTED_CALLS: Cell<u32> = const { Cell::new(0) };
}

/// One API call in progress; dropping it ends the call.
struct Call;

impl Call {
    fn enter(what: &str) -> Result<Call, JsValue> {
        let depth = NESTED_CALLS.with(Cell::get);
        if depth >= MAX_NESTED_CALLS {
            return Err(error(&format!(
                "tokenworth.{what}: called from inside {MAX_NESTED_CALLS} other tokenworth calls \
                 (a getter or Proxy trap that calls tokenworth?); refused"
            )));
        }
        NESTED_CALLS.with(|n| n.set(depth.saturating_add(1)));
        Ok(Call)
    }
}

impl Drop for Call {
    fn drop(&mut self) {
        NESTED_CALLS.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// `window.tokenworth` (created if embed.js did not).
fn api_object() -> Result<Object, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let existing = Reflect::get(&window, &"tokenworth".into())?;
    if existing.is_object() {
        return Ok(existing.unchecked_into());
    }
    let o = Object::new();
    Reflect::set(&window, &"tokenworth".into(), &o)?;
    Ok(o)
}

/// Adds the core's part of the API to `window.tokenworth`: `compute`,
/// `version`, and `unmount`/`stop` for badges; `forgetBadge(element)` is for
/// embed.js only (a calculator mounted over a badge: the element is no badge
/// any more), which takes it off the public object.
pub fn install_core() -> Result<Object, JsValue> {
    let api = api_object()?;
    let compute = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(compute);
    let unmount = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(unmount_badge);
    let forget = Closure::<dyn Fn(JsValue) -> JsValue>::new(forget_badge);
    let stop = Closure::<dyn Fn()>::new(badges::stop);
    define(&api, "compute", compute.into_js_value())?;
    define(&api, "unmount", unmount.into_js_value())?;
    define(&api, "forgetBadge", forget.into_js_value())?;
    define(&api, "stop", stop.into_js_value())?;
    define(&api, "version", publish::VERSION.into())?;
    Ok(api)
}

/// True when the core runs on this page (its `compute` is on
/// `window.tokenworth`).
#[cfg(feature = "app")]
pub fn core_running() -> bool {
    api_object()
        .and_then(|api| Reflect::get(&api, &"compute".into()))
        .is_ok_and(|compute| compute.is_function())
}

/// Adds the app's part of the API to `window.tokenworth`: `mount`, and
/// `unmount`/`stop` for calculators and for the badges this instance
/// rendered (none beside the core); embed.js joins them with the core's.
#[cfg(feature = "app")]
pub fn install_app() -> Result<Object, JsValue> {
    let api = api_object()?;
    let mount = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        mount_element,
    );
    let unmount = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(unmount_widget);
    let stop = Closure::<dyn Fn()>::new(|| {
        embed::stop();
        badges::stop();
    });
    define(&api, "mount", mount.into_js_value())?;
    define(&api, "unmount", unmount.into_js_value())?;
    define(&api, "stop", stop.into_js_value())?;
    define(&api, "version", publish::VERSION.into())?;
    Ok(api)
}

fn define(api: &Object, name: &str, value: JsValue) -> Result<(), JsValue> {
    Reflect::set(api, &name.into(), &value).map(|_| ())
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// Reads a caller's value into a native tree, objects down to
/// `object::MAX_DEPTH` (so a cycle or a 10,000-deep nesting costs nothing)
/// and at most `object::MAX_KEYS` keys each. Typeof tests only (no
/// `instanceof`, which runs a Proxy's `getPrototypeOf` trap); every call
/// that can run the caller's code is caught.
fn read(value: &JsValue, depth: usize) -> Given {
    if value.is_undefined() || value.is_null() {
        return Given::Absent;
    }
    if let Some(text) = value.as_string() {
        return Given::Text(text);
    }
    if value.as_f64().is_some() {
        // String(n) of a number runs no caller code.
        return match string_of(value).ok().and_then(|s| s.as_string()) {
            Some(text) => Given::Number(text),
            None => Given::Unsupported("a number that could not be written"),
        };
    }
    if let Some(b) = value.as_bool() {
        return Given::Bool(b);
    }
    if value.is_function() {
        return Given::Unsupported("a function");
    }
    if value.is_bigint() {
        return match string_of(value).ok().and_then(|s| s.as_string()) {
            Some(text) => Given::Text(text),
            None => Given::Unsupported("a BigInt"),
        };
    }
    if !value.is_object() {
        return Given::Unsupported("a symbol");
    }
    if depth >= object::MAX_DEPTH {
        return Given::TooDeep;
    }
    let list = match is_list(value) {
        Ok(list) => list,
        Err(thrown) => return Given::Threw(message_of(&thrown)),
    };
    let keys = match own_keys(value) {
        Ok(keys) => keys,
        Err(thrown) => return Given::Threw(message_of(&thrown)),
    };
    let count = keys.length() as usize;
    if count > object::MAX_KEYS {
        return Given::TooManyKeys(count);
    }
    let mut entries = Vec::with_capacity(count);
    for key in keys.iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let entry = match Reflect::get(value, &key) {
            Ok(v) => read(&v, depth.saturating_add(1)),
            Err(thrown) => Given::Threw(message_of(&thrown)),
        };
        entries.push((name, entry));
    }
    Given::Object { list, entries }
}

/// What an exception says: a thrown string, or a thrown object's `message`.
fn message_of(thrown: &JsValue) -> String {
    if let Some(text) = thrown.as_string() {
        return text;
    }
    if thrown.is_object() {
        if let Some(text) = Reflect::get(thrown, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
        {
            return text;
        }
    }
    "an exception".to_string()
}

/// A scenario argument: a query string, a plain object, or nothing.
fn parse_scenario(value: &JsValue, what: &str) -> Result<Parsed, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(codec::parse(""));
    }
    if let Some(query) = value.as_string() {
        return Ok(codec::parse(&query));
    }
    if value.is_function() || !value.is_object() {
        return Err(type_error(&format!(
            "tokenworth.{what}: a scenario is a query string or a plain object of settings"
        )));
    }
    object::scenario_pairs(&read(value, 0))
        .map(codec::parse_pairs)
        .map_err(|problems| type_error(&format!("tokenworth.{what}: {}", problems.join(" "))))
}

/// `tokenworth.compute(scenario)`.
pub fn compute(scenario: JsValue) -> Result<JsValue, JsValue> {
    let _call = Call::enter("compute")?;
    let parsed = parse_scenario(&scenario, "compute")?;
    let mut problems: Vec<String> = parsed.errors.iter().map(|e| e.to_string()).collect();
    problems.extend(parsed.notices.iter().cloned());
    if !problems.is_empty() {
        return Err(error(&format!(
            "tokenworth.compute: {}",
            problems.join(" ")
        )));
    }
    let projection =
        project(&parsed.scenario).map_err(|e| error(&format!("tokenworth.compute: {e}")))?;
    let result = json::result(&projection);
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    result
        .serialize(&serializer)
        .map_err(|e| error(&format!("tokenworth.compute: {e}")))
}

#[cfg(feature = "app")]
/// Presentation options `{ theme, accent, compact, lock, hide, link }` as
/// the attributes they stand for (lists joined with commas).
fn option_attributes(options: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    if options.is_function() || !options.is_object() {
        return Err(type_error("tokenworth.mount: options is a plain object"));
    }
    let entries = match read(options, 0) {
        Given::Object {
            list: false,
            entries,
        } => entries,
        Given::Threw(message) => {
            return Err(type_error(&format!(
                "tokenworth.mount: options could not be read: {message}"
            )))
        }
        _ => return Err(type_error("tokenworth.mount: options is a plain object")),
    };
    let mut attrs = Vec::new();
    for key in keys::option_names() {
        let Some((_, value)) = entries.iter().find(|(k, _)| k == key) else {
            continue;
        };
        // `compact: false` is an explicit no.
        match object::option_text(key, value) {
            Ok(Some(text)) => attrs.push((format!("data-{key}"), text)),
            Ok(None) => {}
            Err(problem) => return Err(type_error(&format!("tokenworth.mount: {problem}"))),
        }
    }
    Ok(attrs)
}

/// `value` as an element of this page. A Proxy around an element passes
/// `instanceof Element` yet makes every DOM method throw "Illegal
/// invocation"; Node.prototype's own `nodeType` getter applied to it throws
/// too, so only a real node passes, without running the caller's code.
fn element_of(value: &JsValue, what: &str) -> Result<Element, JsValue> {
    let refused = |why: &str| {
        type_error(&format!(
            "tokenworth.{what}: the first argument is {why}; give an element of this page"
        ))
    };
    if !value.is_object() {
        return Err(refused("not an element"));
    }
    match node_type(value) {
        Ok(Some(t)) if t == f64::from(web_sys::Node::ELEMENT_NODE) => {}
        Ok(_) => return Err(refused("a node but not an element")),
        Err(_) => return Err(refused("not an element (a Proxy or a look-alike object)")),
    }
    // A real node: `instanceof` walks its prototype chain, no trap runs.
    if !value.is_instance_of::<Element>() {
        return Err(refused("an element of another window"));
    }
    Ok(value.clone().unchecked_into())
}

/// `Node.prototype.nodeType`'s getter applied to `value`: throws unless
/// `value` is a real node.
fn node_type(value: &JsValue) -> Result<Option<f64>, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let node = Reflect::get(&window, &"Node".into())?;
    let prototype = Reflect::get(&node, &"prototype".into())?;
    let descriptor = Reflect::get_own_property_descriptor(
        prototype.unchecked_ref::<Object>(),
        &"nodeType".into(),
    )?;
    let getter: Function = Reflect::get(&descriptor, &"get".into())?.dyn_into()?;
    Ok(Reflect::apply(&getter, value, &Array::new())?.as_f64())
}

#[cfg(feature = "app")]
/// `tokenworth.mount(element, scenario?, options?)`: the element's own
/// attributes when no scenario is given. Bad values show in the widget.
pub fn mount_element(
    element: JsValue,
    scenario: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let _call = Call::enter("mount")?;
    let host = element_of(&element, "mount")?;
    if let Some(why) = embed::refusal(&host) {
        return Err(type_error(&format!("tokenworth.mount: {why}")));
    }
    // Everything the caller wrote (getters, traps) runs here, before any
    // state changes.
    let extra = option_attributes(&options)?;
    let given = if scenario.is_undefined() || scenario.is_null() {
        None
    } else {
        Some(parse_scenario(&scenario, "mount")?)
    };
    let id = embed::next_id();
    let mut attrs = dom::attributes(&host);
    attrs.retain(|(n, _)| !extra.iter().any(|(e, _)| e == n));
    attrs.extend(extra);
    let (config, problems) = publish::widget_config(&attrs, &id);
    let mut parsed = match given {
        Some(parsed) => parsed,
        None if config.standalone => codec::parse(&super::page::read_query()),
        None => codec::parse_attributes(attrs),
    };
    parsed.notices.extend(problems);
    let config = embed::with_default_link(config);
    embed::mount_host(&host, parsed, config)
        .map(|id| JsValue::from_str(&id))
        .inspect_err(|e| dom::report(&id, "could not mount the calculator", e))
}

/// `tokenworth.unmount(element)` for badges (the core's).
pub fn unmount_badge(element: JsValue) -> Result<JsValue, JsValue> {
    let _call = Call::enter("unmount")?;
    let el = element_of(&element, "unmount")?;
    Ok(JsValue::from_bool(badge::clear(&el)))
}

/// A calculator now shows on `element`: it is no badge any more (its shadow
/// root is the calculator's; nothing is removed). Never throws.
fn forget_badge(element: JsValue) -> JsValue {
    let Ok(el) = element_of(&element, "mount") else {
        return JsValue::FALSE;
    };
    JsValue::from_bool(badge::forget(&el))
}

/// `tokenworth.unmount(element)` for calculators (the app's).
#[cfg(feature = "app")]
pub fn unmount_widget(element: JsValue) -> Result<JsValue, JsValue> {
    let _call = Call::enter("unmount")?;
    let el = element_of(&element, "unmount")?;
    let widget = embed::unmount_widget(&el).is_some();
    let badge = badge::clear(&el);
    Ok(JsValue::from_bool(widget || badge))
}
