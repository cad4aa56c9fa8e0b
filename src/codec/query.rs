//! Query strings (`base=375k&tokens=100k&b.base=400k`) and `data-*`
//! attributes (`data-base`, `data-b-base`, `data-scenario`) to a `Scenario`,
//! and a `Scenario` back to the shortest query string.

use std::collections::HashMap;

use crate::model::input::{FieldId, FullKey, KeyProblem, Offer, Side, FIELDS};
use crate::model::{Scenario, Value};

use super::keys::{self, Presentation};
use super::{parse_field, write_value, FieldError};

/// A parsed scenario: the valid part applied over the defaults, every error,
/// and notices about what was ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub scenario: Scenario,
    pub errors: Vec<FieldError>,
    pub notices: Vec<String>,
}

impl Parsed {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Parses a query string, with or without the leading `?`.
pub fn parse(query: &str) -> Parsed {
    parse_pairs(split_query(query))
}

/// Splits and percent-decodes `a=1&b=2` (`+` is a space).
pub fn split_query(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The most key/value pairs a scenario may hold. Every setting of both
/// offers is fewer than 60 keys; above the cap the whole query is refused
/// with one error instead of one notice or error per key.
pub const MAX_PAIRS: usize = 1000;

/// How many "Ignored …" notices for unknown keys are listed one by one; the
/// rest are counted in one more notice.
pub const MAX_UNKNOWN_NOTICES: usize = 20;

/// Parses decoded key/value pairs: every error collected, duplicates refused,
/// unknown keys noticed and ignored. Linear in the number of pairs (hash
/// lookups: the earlier list scans took 25 s for 80,000 unknown keys).
pub fn parse_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Parsed {
    let mut parsed = Parsed::default();
    let pairs: Vec<(String, String)> = pairs
        .into_iter()
        .map(|(key, value)| (key.trim().to_string(), value))
        .collect();
    if pairs.len() > MAX_PAIRS {
        parsed.errors.push(FieldError {
            key: "scenario".to_string(),
            given: format!("{} keys", pairs.len()),
            problem: format!("are more than the {MAX_PAIRS} keys a scenario may have"),
            accepted: format!(
                "at most {MAX_PAIRS} key=value pairs (every setting of both offers is fewer than 60)"
            ),
            why: Box::new(super::Why::Other),
            accepts: Box::new(super::Accepts::Other),
        });
        return parsed;
    }
    // The keys in their first order with their first value and whether they
    // repeat, and each key's place there. One map type: each hash-map type
    // adds its own code to the wasm (a map and a set: +6.8 KB before
    // wasm-opt; this one map, also used by parse_attributes: +4.3 KB).
    let mut order: Vec<(&str, &str, bool)> = Vec::with_capacity(pairs.len());
    let mut place: HashMap<&str, usize> = HashMap::with_capacity(pairs.len());
    for (key, value) in &pairs {
        match place.get(key.as_str()).and_then(|&i| order.get_mut(i)) {
            Some((_, first_value, repeated)) => {
                if !*repeated {
                    *repeated = true;
                    parsed.errors.push(FieldError {
                        key: key.clone(),
                        given: value.clone(),
                        problem: format!("is given a second time (first \"{first_value}\")"),
                        accepted: "each key once".to_string(),
                        why: Box::new(super::Why::Other),
                        accepts: Box::new(super::Accepts::Other),
                    });
                }
            }
            None => {
                place.insert(key, order.len());
                order.push((key, value, false));
            }
        }
    }
    // cur and fx first: money defaults and ranges follow the currency
    // (MODEL.md, "Currencies"), and setting them converts the defaults.
    let (units, rest): (Vec<_>, Vec<_>) = order
        .into_iter()
        .partition(|(key, _, _)| sets_the_currency(key));
    let mut units_ok = true;
    let mut unknown = 0usize;
    for (key, value, repeated) in units.into_iter().chain(rest) {
        // A repeated key stays at its default: neither value is applied.
        if repeated {
            units_ok &= !sets_the_currency(key);
            continue;
        }
        let full = match FullKey::parse(key) {
            Ok(full) => full,
            Err(problem) => {
                unknown += 1;
                if unknown <= MAX_UNKNOWN_NOTICES {
                    parsed.notices.push(unknown_notice(key, problem));
                }
                continue;
            }
        };
        let fx = parsed.scenario.money_fx();
        if full.side == Side::B && parsed.scenario.b.is_none() {
            parsed.scenario.b = Some(Offer::default_in(Side::B, fx));
        }
        match parse_field(full, value, fx) {
            Ok(v) => {
                parsed.scenario.set(full, v);
            }
            Err(e) => {
                units_ok &= !matches!(full.field, FieldId::Cur | FieldId::Fx);
                parsed.errors.push(e);
            }
        }
    }
    if unknown > MAX_UNKNOWN_NOTICES {
        parsed.notices.push(format!(
            "Ignored {} more keys that are not tokenworth settings (only the first {MAX_UNKNOWN_NOTICES} are named).",
            unknown - MAX_UNKNOWN_NOTICES
        ));
    }
    if units_ok {
        parsed.errors.extend(super::missing_fx(&parsed.scenario));
    }
    parsed.errors = in_field_order(std::mem::take(&mut parsed.errors));
    parsed
}

/// The errors in the order of the fields, A before B, equal ones as they
/// came. An insertion, not `sort_by_key`: the list is a few entries, and
/// the standard stable sort's code for this one type was 3.2 KB of wasm in
/// both modules.
fn in_field_order(errors: Vec<FieldError>) -> Vec<FieldError> {
    let mut sorted: Vec<FieldError> = Vec::with_capacity(errors.len());
    for error in errors {
        let order = key_order(&error.key);
        let at = sorted.partition_point(|e| key_order(&e.key) <= order);
        sorted.insert(at, error);
    }
    sorted
}

/// `cur` or `fx`: the keys money defaults and ranges depend on.
fn sets_the_currency(key: &str) -> bool {
    matches!(
        FullKey::parse(key).map(|k| k.field),
        Ok(FieldId::Cur | FieldId::Fx)
    )
}

fn unknown_notice(key: &str, problem: KeyProblem) -> String {
    match problem {
        KeyProblem::NoOfferB(field) => format!(
            "Ignored \"{key}\": {} applies to both offers, so it has no b. form.",
            field.key()
        ),
        KeyProblem::Unknown => format!("Ignored \"{key}\": it is not a tokenworth setting."),
    }
}

/// Fields in table order, A before B; keys that are no field last.
fn key_order(full_key: &str) -> (usize, usize) {
    match FullKey::parse(full_key) {
        Ok(key) => (key.side as usize, key.field as usize),
        Err(_) => (2, 0),
    }
}

/// Reads a host element's attributes (`data-base`, `data-b-base`,
/// `data-scenario`). A key set both ways takes the single attribute's value.
pub fn parse_attributes(attrs: impl IntoIterator<Item = (String, String)>) -> Parsed {
    let mut whole = Vec::new();
    let mut single = Vec::new();
    for (name, value) in attrs {
        let Some(name) = keys::data_name(&name) else {
            continue;
        };
        match Presentation::from_name(&name) {
            Some(Presentation::Scenario) => whole = split_query(&value),
            Some(_) => {}
            None => single.push((keys::scenario_key(&name), value)),
        }
    }
    // The same map type as parse_pairs (its place is unused here): each
    // hash-map type adds its own code to the wasm.
    let mut single_keys: HashMap<&str, usize> = HashMap::with_capacity(single.len());
    for (place, (key, _)) in single.iter().enumerate() {
        single_keys.insert(key, place);
    }
    whole.retain(|(k, _)| !single_keys.contains_key(k.as_str()));
    let mut parsed = parse_pairs(whole.into_iter().chain(single));
    for notice in &mut parsed.notices {
        *notice = notice.replace("Ignored \"b.", "Ignored \"data-b-");
    }
    parsed
}

/// The shortest query string (no `?`) that parses back to `scenario`: only
/// keys that differ from the defaults in the scenario's currency, in the
/// order of `FIELDS`. Offer B writes at least its label, so that it exists
/// when read back.
pub fn write(scenario: &Scenario) -> String {
    // cur and fx against the plain defaults, everything else against the
    // defaults in the scenario's currency.
    let plain = Scenario::default();
    let defaults = Scenario::defaults_in(&scenario.cur, scenario.fx);
    let fx = scenario.money_fx();
    let mut parts = Vec::new();
    for f in FIELDS.iter().filter(|f| !f.id.per_offer()) {
        let key = FullKey::a(f.id);
        let default = match f.id {
            FieldId::Cur | FieldId::Fx => plain.get(key),
            _ => defaults.get(key),
        };
        push_if_changed(&mut parts, key, scenario.get(key), default);
    }
    for (side, offer) in scenario.offers() {
        let default_offer = Offer::default_in(side, fx);
        let before = parts.len();
        for f in FIELDS.iter().filter(|f| f.id.per_offer()) {
            let key = FullKey::of(side, f.id);
            push_if_changed(&mut parts, key, offer.get(f.id), default_offer.get(f.id));
        }
        if side == Side::B && parts.len() == before {
            parts.push(format!("b.label={}", encode(&offer.label)));
        }
    }
    parts.join("&")
}

fn push_if_changed(
    parts: &mut Vec<String>,
    key: FullKey,
    value: Option<Value>,
    default: Option<Value>,
) {
    if let Some(value) = value {
        if Some(&value) != default.as_ref() && value != Value::Auto {
            parts.push(format!("{key}={}", encode(&write_value(key, &value))));
        }
    }
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Percent-decodes, `+` as space; a malformed escape stays as written and
/// invalid UTF-8 becomes U+FFFD, so decoding never fails.
pub fn decode(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.bytes().peekable();
    while let Some(byte) = bytes.next() {
        match byte {
            b'+' => out.push(b' '),
            b'%' => {
                let mut ahead = bytes.clone();
                let hex = (ahead.next(), ahead.next());
                match hex {
                    (Some(h), Some(l)) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => {
                        out.push(hex_value(h) * 16 + hex_value(l));
                        bytes = ahead;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        _ => digit.wrapping_sub(b'A').wrapping_add(10),
    }
}
