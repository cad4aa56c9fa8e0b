//! Display of money, percents and counts the way the reader's locale writes
//! them, through `Intl.NumberFormat` (`475.000 €` in de-DE, `₹4,75,000` in
//! en-IN). en-US with US dollars is written in Rust (`crate::numbers`, the
//! same text as Intl): the first `Intl.NumberFormat` of a page loads ICU
//! data, 40 to 70 ms before the first figures (`make bench`), and en-US is
//! the default view. Decimals reach Intl as strings: exact, never through
//! `f64`. Formatters are cached per locale and style.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Object, Reflect};
use rust_decimal::Decimal;
use wasm_bindgen::{JsCast, JsValue};
#[cfg(feature = "app")]
use yew::prelude::*;

use crate::codec::money::NumberStyle;
use crate::numbers;
#[cfg(feature = "app")]
use crate::ui::host::Host;

/// The locale of the fast path, and the one a widget falls back to.
pub const DEFAULT_LOCALE: &str = "en-US";

/// The reader's locale tag, from the page's facts (`Host::locale`).
#[cfg(feature = "app")]
#[hook]
pub fn use_locale() -> AttrValue {
    use_context::<Host>()
        .map(|h| h.locale)
        .unwrap_or(AttrValue::Static(DEFAULT_LOCALE))
}

/// en-US, or plain `en` (the `lang` of most English pages), which Intl
/// writes the same way.
fn fast(locale: &str) -> bool {
    matches!(locale, DEFAULT_LOCALE | "en")
}

thread_local! {
    static FORMATTERS: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
}

/// The cached `Intl.NumberFormat` of `locale` with `options`, under `key`.
fn number_format(locale: &str, key: &str, options: &[(&str, JsValue)]) -> Option<JsValue> {
    let key = format!("{locale}|{key}");
    if let Some(nf) = FORMATTERS.with(|m| m.borrow().get(&key).cloned()) {
        return Some(nf);
    }
    let opts = Object::new();
    for (name, value) in options {
        Reflect::set(&opts, &JsValue::from_str(name), value).ok()?;
    }
    let locales = Array::of1(&JsValue::from_str(locale));
    // Constructed through Reflect so that a RangeError (a locale or currency
    // Intl does not know) comes back as an Err, not an exception through wasm.
    let class = number_format_class()?;
    let nf = Reflect::construct(&class, &Array::of2(&locales, &opts)).ok()?;
    FORMATTERS.with(|m| m.borrow_mut().insert(key, nf.clone()));
    Some(nf)
}

fn number_format_class() -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    Reflect::get(&intl, &"NumberFormat".into())
        .ok()?
        .dyn_into()
        .ok()
}

fn method(nf: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(nf, &name.into()).ok()?.dyn_into().ok()
}

fn run(nf: &JsValue, value: Decimal) -> Option<String> {
    method(nf, "format")?
        .call1(nf, &JsValue::from_str(&value.normalize().to_string()))
        .ok()?
        .as_string()
}

fn currency_options(currency: &str) -> Vec<(&'static str, JsValue)> {
    vec![
        ("style", "currency".into()),
        ("currency", currency.into()),
        ("currencyDisplay", "narrowSymbol".into()),
        ("maximumFractionDigits", 0.into()),
        ("minimumFractionDigits", 0.into()),
    ]
}

/// Money to whole units in the scenario's currency: "$475,000", "475.000 €".
pub fn money(amount: Decimal, currency: &str, locale: &str) -> String {
    if currency == "USD" && fast(locale) {
        return numbers::usd(amount, false); // same text, no Intl (see numbers)
    }
    whole_money(
        amount,
        currency,
        locale,
        "money",
        &currency_options(currency),
        numbers::plain_money,
    )
}

/// Money with an explicit sign, for differences: "+$25,000", "−3.000 €".
pub fn money_delta(amount: Decimal, currency: &str, locale: &str) -> String {
    if currency == "USD" && fast(locale) {
        return numbers::usd(amount, true);
    }
    let mut options = currency_options(currency);
    options.push(("signDisplay", "exceptZero".into()));
    whole_money(
        amount,
        currency,
        locale,
        "delta",
        &options,
        numbers::plain_money,
    )
}

/// Money in a few characters, for a badge: "$375K", "375.000 €" in de-DE
/// (Intl's `notation: "compact"`, which keeps the figure whole where the
/// locale has no short word for thousands).
pub fn compact_money(amount: Decimal, currency: &str, locale: &str) -> String {
    if currency == "USD" && fast(locale) {
        return numbers::compact_money(amount, currency);
    }
    let options = [
        ("style", "currency".into()),
        ("currency", currency.into()),
        ("currencyDisplay", "narrowSymbol".into()),
        ("notation", "compact".into()),
    ];
    whole_money(
        amount,
        currency,
        locale,
        "compact",
        &options,
        numbers::compact_money,
    )
}

/// `amount` rounded to whole units and written by the cached formatter of
/// this `style` (a cache key) and `options`; by `fallback` where Intl
/// cannot (a currency it does not know).
fn whole_money(
    amount: Decimal,
    currency: &str,
    locale: &str,
    style: &str,
    options: &[(&str, JsValue)],
    fallback: fn(Decimal, &str) -> String,
) -> String {
    let rounded = numbers::whole(amount);
    number_format(locale, &format!("{style}:{currency}"), options)
        .and_then(|nf| run(&nf, rounded))
        .unwrap_or_else(|| fallback(rounded, currency))
}

/// A list price in US dollars with at least cents: "$3.00", "$0.025";
/// "3,00 $" in de-DE.
pub fn price_usd(amount: Decimal, locale: &str) -> String {
    let d = amount.normalize();
    let en = || {
        if d.scale() < 2 {
            format!("${d:.2}")
        } else {
            format!("${d}")
        }
    };
    if fast(locale) {
        return en();
    }
    let mut options = currency_options("USD");
    options.retain(|(name, _)| !name.ends_with("FractionDigits"));
    options.push(("minimumFractionDigits", 2.into()));
    options.push(("maximumFractionDigits", 6.into()));
    number_format(locale, "price", &options)
        .and_then(|nf| run(&nf, d))
        .unwrap_or_else(en)
}

/// A whole count with separators: "6,500", "6.500".
pub fn count(value: Decimal, locale: &str) -> String {
    if fast(locale) {
        return numbers::count(value);
    }
    let rounded = numbers::whole(value);
    number_format(locale, "count", &[("maximumFractionDigits", 0.into())])
        .and_then(|nf| run(&nf, rounded))
        .unwrap_or_else(|| numbers::count(rounded))
}

/// A large count in words: "177 thousand", "177 Tausend" (compact long
/// notation of the whole value).
pub fn count_words(value: Decimal, locale: &str) -> String {
    if fast(locale) {
        return numbers::compact_words(value);
    }
    number_format(
        locale,
        "words",
        &[
            ("notation", "compact".into()),
            ("compactDisplay", "long".into()),
            ("maximumFractionDigits", 1.into()),
        ],
    )
    .and_then(|nf| run(&nf, numbers::whole(value)))
    .unwrap_or_else(|| numbers::compact_words(value))
}

/// A fraction as a percent with one decimal: 0.2105 is "21.1%", "21,1 %".
/// Rounded here (halves away from zero, as everywhere), then written by Intl.
pub fn percent(ratio: Decimal, locale: &str) -> String {
    percent_shown(numbers::percent_one(ratio), locale)
}

/// A percent already rounded for display, in percent (21.1 for 21.1%).
pub fn percent_shown(shown: Decimal, locale: &str) -> String {
    if fast(locale) {
        return format!("{shown}%");
    }
    number_format(
        locale,
        "percent",
        &[
            ("style", "percent".into()),
            ("maximumFractionDigits", 1.into()),
        ],
    )
    .and_then(|nf| run(&nf, shown / Decimal::ONE_HUNDRED))
    .unwrap_or_else(|| format!("{shown}%"))
}

/// How `locale` writes numbers (its group and decimal marks, from
/// `formatToParts`), for reading what the reader types; en-US without Intl.
pub fn number_style(locale: &str) -> NumberStyle {
    if fast(locale) {
        return NumberStyle::EN_US;
    }
    style_from_intl(locale).unwrap_or(NumberStyle::EN_US)
}

fn style_from_intl(locale: &str) -> Option<NumberStyle> {
    let nf = number_format(locale, "count", &[("maximumFractionDigits", 0.into())])?;
    // A separate formatter with decimals: the count one has none to show.
    let nf_decimal = number_format(locale, "parts", &[("minimumFractionDigits", 1.into())])?;
    let mark = |nf: &JsValue, kind: &str| -> Option<char> {
        let parts: Array = method(nf, "formatToParts")?
            .call1(nf, &JsValue::from_str("1234567.5"))
            .ok()?
            .dyn_into()
            .ok()?;
        parts.iter().find_map(|part| {
            let is_kind = Reflect::get(&part, &"type".into()).ok()?.as_string()? == kind;
            let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
            is_kind.then(|| value.chars().next()).flatten()
        })
    };
    let decimal = mark(&nf_decimal, "decimal")?;
    let group = mark(&nf, "group").unwrap_or(if decimal == ',' { '.' } else { ',' });
    NumberStyle::new(group, decimal)
}
