//! `window.tokenworth`: embed.js creates it with `ready`; this adds
//!
//! * `compute(scenario)`: a query string or a plain object of MODEL.md keys
//!   (`{ base: 375000, "b.base": "400k" }`, or offer B nested as `b: {…}`)
//!   to the JSON result of MODEL.md as a JS object; throws an `Error`
//!   naming every bad key;
//! * `mount(element, scenario?, options?)`: a calculator on any element;
//!   returns its id (`tw-7`);
//! * `unmount(element)`: removes a calculator or badge; returns whether
//!   there was one;
//! * `stop()`: stops watching the page and unmounts everything;
//! * `version`: the crate version.

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{badge, dom, embed};
use crate::codec::{self, json, keys, Parsed};
use crate::model::project;
use crate::publish;

/// Adds the API to `window.tokenworth` (creating it if embed.js did not).
pub fn install() -> Result<Object, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let existing = Reflect::get(&window, &"tokenworth".into())?;
    let api: Object = match existing.dyn_into::<Object>() {
        Ok(o) => o,
        Err(_) => {
            let o = Object::new();
            Reflect::set(&window, &"tokenworth".into(), &o)?;
            o
        }
    };
    let compute = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(compute);
    let mount = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
        mount_element,
    );
    let unmount = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(unmount_element);
    let stop = Closure::<dyn Fn()>::new(embed::stop);
    define(&api, "compute", compute.into_js_value())?;
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

/// A JS value as the text an attribute would hold (`375000`, `true` → `1`).
fn text_of(value: &JsValue) -> String {
    if let Some(b) = value.as_bool() {
        return if b { "1" } else { "0" }.to_string();
    }
    if let Some(s) = value.as_string() {
        return s;
    }
    // String(value): numbers as JS writes them (no exponent below 1e21).
    if let Some(n) = value.as_f64() {
        return js_sys::Number::from(n)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
    }
    match value.dyn_ref::<Object>() {
        Some(o) => String::from(o.to_string()),
        None => String::new(),
    }
}

/// Key/value pairs of a scenario given as a plain object.
fn pairs_of(object: &Object) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for entry in Object::entries(object).iter() {
        let key = Reflect::get(&entry, &0.into())
            .ok()
            .and_then(|k| k.as_string())
            .unwrap_or_default();
        let value = Reflect::get(&entry, &1.into()).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() || value.is_null() {
            continue;
        }
        if key == "b" && value.is_object() && !js_sys::Array::is_array(&value) {
            if let Ok(inner) = value.dyn_into::<Object>() {
                pairs.extend(
                    pairs_of(&inner)
                        .into_iter()
                        .map(|(k, v)| (format!("b.{k}"), v)),
                );
            }
            continue;
        }
        pairs.push((key, text_of(&value)));
    }
    pairs
}

/// A scenario argument: a query string, a plain object, or nothing.
fn parse_scenario(value: &JsValue) -> Result<Parsed, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(codec::parse(""));
    }
    if let Some(query) = value.as_string() {
        return Ok(codec::parse(&query));
    }
    if value.is_function() || js_sys::Array::is_array(value) {
        return Err(type_error(
            "tokenworth: a scenario is a query string or a plain object of settings",
        ));
    }
    match value.dyn_ref::<Object>() {
        Some(object) => Ok(codec::parse_pairs(pairs_of(object))),
        None => Err(type_error(
            "tokenworth: a scenario is a query string or a plain object of settings",
        )),
    }
}

/// `tokenworth.compute(scenario)`.
pub fn compute(scenario: JsValue) -> Result<JsValue, JsValue> {
    let parsed = parse_scenario(&scenario)?;
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

/// Presentation options `{ theme, accent, compact, lock, hide, link }` as
/// the attributes they stand for (arrays joined with commas).
fn option_attributes(options: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    let object = options
        .dyn_ref::<Object>()
        .ok_or_else(|| type_error("tokenworth.mount: options is a plain object"))?;
    let mut attrs = Vec::new();
    for key in keys::option_names() {
        let value = Reflect::get(object, &key.into())?;
        if value.is_undefined() || value.is_null() {
            continue;
        }
        let text = if js_sys::Array::is_array(&value) {
            js_sys::Array::from(&value)
                .iter()
                .map(|v| text_of(&v))
                .collect::<Vec<_>>()
                .join(",")
        } else {
            text_of(&value)
        };
        // `compact: false` is an explicit no.
        attrs.push((format!("data-{key}"), text));
    }
    Ok(attrs)
}

fn element_of(value: JsValue, what: &str) -> Result<Element, JsValue> {
    value.dyn_into::<Element>().map_err(|_| {
        type_error(&format!(
            "tokenworth.{what}: the first argument is an element"
        ))
    })
}

/// `tokenworth.mount(element, scenario?, options?)`: the element's own
/// attributes when no scenario is given. Bad values show in the widget.
pub fn mount_element(
    element: JsValue,
    scenario: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let host = element_of(element, "mount")?;
    let id = embed::next_id();
    let extra = option_attributes(&options)?;
    let mut attrs = dom::attributes(&host);
    attrs.retain(|(n, _)| !extra.iter().any(|(e, _)| e == n));
    attrs.extend(extra);
    let (config, problems) = publish::widget_config(&attrs, &id);
    let mut parsed = if !scenario.is_undefined() && !scenario.is_null() {
        parse_scenario(&scenario)?
    } else if config.standalone {
        codec::parse(&super::page::read_query())
    } else {
        codec::parse_attributes(attrs)
    };
    parsed.notices.extend(problems);
    let config = embed::with_default_link(config);
    embed::mount_host(&host, parsed, config)
        .map(|id| JsValue::from_str(&id))
        .inspect_err(|e| dom::report(&id, "could not mount the calculator", e))
}

/// `tokenworth.unmount(element)`.
pub fn unmount_element(element: JsValue) -> Result<JsValue, JsValue> {
    let el = element_of(element, "unmount")?;
    let widget = embed::unmount_widget(&el).is_some();
    let badge = badge::clear(&el);
    Ok(JsValue::from_bool(widget || badge))
}
