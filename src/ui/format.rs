//! Display of money, percents and counts: US dollars and counts written in
//! Rust (`crate::numbers`, the same text as Intl), other currencies through
//! `Intl.NumberFormat`. Decimals reach Intl as strings: exact, never through `f64`.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Object, Reflect};
use rust_decimal::Decimal;
use wasm_bindgen::{JsCast, JsValue};

use crate::numbers;

/// One locale for every widget, so figures read the same as the codec's
/// input format ("375,000").
const LOCALE: &str = "en-US";

thread_local! {
    static FORMATTERS: RefCell<HashMap<String, Function>> = RefCell::new(HashMap::new());
}

fn formatter(key: &str, options: &[(&str, JsValue)]) -> Option<Function> {
    if let Some(f) = FORMATTERS.with(|m| m.borrow().get(key).cloned()) {
        return Some(f);
    }
    let opts = Object::new();
    for (name, value) in options {
        Reflect::set(&opts, &JsValue::from_str(name), value).ok()?;
    }
    let locales = Array::of1(&JsValue::from_str(LOCALE));
    // Constructed through Reflect so that a RangeError (a currency Intl
    // does not know) comes back as an Err, not an exception through wasm.
    let class = number_format_class()?;
    let nf = Reflect::construct(&class, &Array::of2(&locales, &opts)).ok()?;
    let ctor: Function = Reflect::get(&nf, &"format".into()).ok()?.dyn_into().ok()?;
    FORMATTERS.with(|m| m.borrow_mut().insert(key.to_string(), ctor.clone()));
    Some(ctor)
}

fn number_format_class() -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    Reflect::get(&intl, &"NumberFormat".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn run(f: &Function, value: Decimal) -> Option<String> {
    f.call1(
        &JsValue::NULL,
        &JsValue::from_str(&value.normalize().to_string()),
    )
    .ok()?
    .as_string()
}

/// Money to whole units in the scenario's currency: "$475,000", "€475,000".
pub fn money(amount: Decimal, currency: &str) -> String {
    if currency == "USD" {
        return numbers::usd(amount, false); // same text, no Intl (see numbers)
    }
    let rounded = numbers::whole(amount);
    formatter(
        &format!("money:{currency}"),
        &[
            ("style", "currency".into()),
            ("currency", currency.into()),
            ("currencyDisplay", "narrowSymbol".into()),
            ("maximumFractionDigits", 0.into()),
            ("minimumFractionDigits", 0.into()),
        ],
    )
    .and_then(|f| run(&f, rounded))
    .unwrap_or_else(|| numbers::plain_money(rounded, currency))
}

/// Money with an explicit sign, for differences: "+$25,000", "−$3,000".
pub fn money_delta(amount: Decimal, currency: &str) -> String {
    if currency == "USD" {
        return numbers::usd(amount, true);
    }
    let rounded = numbers::whole(amount);
    formatter(
        &format!("delta:{currency}"),
        &[
            ("style", "currency".into()),
            ("currency", currency.into()),
            ("currencyDisplay", "narrowSymbol".into()),
            ("maximumFractionDigits", 0.into()),
            ("minimumFractionDigits", 0.into()),
            ("signDisplay", "exceptZero".into()),
        ],
    )
    .and_then(|f| run(&f, rounded))
    .unwrap_or_else(|| numbers::plain_money(rounded, currency))
}

/// A whole count with separators: "6,500" (en-US, written without Intl).
pub fn count(value: Decimal) -> String {
    numbers::count(value)
}

/// A large count in words: "177 thousand", "3.2 million" (en-US compact
/// long notation, written without Intl).
pub fn count_words(value: Decimal) -> String {
    numbers::compact_words(value)
}

/// A fraction as a percent with one decimal: 0.2105 -> "21.1%".
pub fn percent(ratio: Decimal) -> String {
    format!("{}%", numbers::percent_one(ratio))
}
