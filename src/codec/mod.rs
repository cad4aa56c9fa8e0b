//! Text to `Scenario` and back: query strings, `data-*` attributes, typed
//! field values, and the JSON result. Every problem names the field, the
//! value as given and what is accepted.

// A panic in wasm kills every widget on the page: these layers return errors instead.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod json;
pub mod money;
pub mod object;
pub mod query;

use std::fmt;

use rust_decimal::Decimal;

use crate::model::input::{self, field, split_key, Field, Kind, Value};
use crate::model::prices::PRESETS;
use money::NumberProblem;

pub use query::{parse, parse_attributes, parse_pairs, write, Parsed};

/// A value the codec could not accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The full key, `b.base` for offer B.
    pub key: String,
    /// The value exactly as given.
    pub given: String,
    /// What is wrong with it, e.g. "is out of range".
    pub problem: String,
    /// What the field accepts.
    pub accepted: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): \"{}\" {}. Accepted: {}.",
            display_name(&self.key),
            self.key,
            self.given,
            self.problem,
            self.accepted
        )
    }
}

impl std::error::Error for FieldError {}

/// "Base salary" for `base`, "Base salary, Offer B" for `b.base`.
pub fn display_name(full_key: &str) -> String {
    let (side, key) = split_key(full_key);
    match (field(key), side) {
        (Some(f), input::Side::B) => format!("{}, Offer B", f.name),
        (Some(f), input::Side::A) => f.name.to_string(),
        (None, _) => full_key.to_string(),
    }
}

/// What a field accepts, in words.
pub fn accepted(kind: Kind) -> String {
    match kind {
        Kind::Money { max } => format!(
            "an amount from 0 to {}, such as 375000, 375,000, 375k or $1.2m, with at most 2 decimals",
            group_thousands(max)
        ),
        Kind::Percent { min, max } => format!(
            "a percent from {min} to {max}, written as a plain number such as 3 or 4.5 (at most 4 decimals)"
        ),
        Kind::Years { min, max } => format!("a whole number of years from {min} to {max}"),
        Kind::Bool => "1 (yes) or 0 (no)".to_string(),
        Kind::Vest => "1 to 10 yearly percentages separated by '-', each 0 or more and adding up to 100, such as 25-25-25-25 or 5-15-40-40".to_string(),
        Kind::Label => "a plain-text name of 1 to 40 characters".to_string(),
        Kind::Currency => "a 3-letter ISO 4217 currency code such as USD, EUR or GBP".to_string(),
        Kind::Model => format!(
            "one of {}",
            PRESETS.iter().map(|p| p.id).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Parses what was typed or given for a full key (`base`, `b.vest`).
pub fn parse_value(full_key: &str, given: &str) -> Result<Value, FieldError> {
    let (_, key) = split_key(full_key);
    let Some(field) = field(key) else {
        return Err(FieldError {
            key: full_key.to_string(),
            given: given.to_string(),
            problem: "is not a known key".to_string(),
            accepted: "the keys listed in the model documentation".to_string(),
        });
    };
    let fail = |problem: String| FieldError {
        key: full_key.to_string(),
        given: given.to_string(),
        problem,
        accepted: accepted(field.kind),
    };
    let value = read(field, given).map_err(fail)?;
    if field.kind.accepts(&value) {
        Ok(value)
    } else {
        Err(fail(range_problem(field, &value)))
    }
}

/// The text as a value of the field's kind, before the range check.
fn read(field: &Field, given: &str) -> Result<Value, String> {
    let text = given.trim();
    let number = |result: Result<Decimal, NumberProblem>| {
        result.map(Value::Number).map_err(|p| {
            if text.is_empty() {
                NumberProblem::Empty.describe().to_string()
            } else if p == NumberProblem::Empty {
                NumberProblem::NotANumber.describe().to_string()
            } else {
                p.describe().to_string()
            }
        })
    };
    match field.kind {
        Kind::Money { .. } => number(money::parse_money(text)),
        Kind::Percent { .. } => number(money::parse_percent(text)),
        Kind::Years { .. } => text
            .parse::<u32>()
            .map(Value::Years)
            .map_err(|_| "is not a whole number".to_string()),
        Kind::Bool => match text.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(Value::Bool(true)),
            "0" | "false" | "no" | "off" => Ok(Value::Bool(false)),
            _ => Err("is neither 1 nor 0".to_string()),
        },
        Kind::Vest => read_vest(text),
        Kind::Label => Ok(Value::Text(text.to_string())),
        Kind::Currency => Ok(Value::Text(text.to_ascii_uppercase())),
        Kind::Model => Ok(Value::Text(text.to_ascii_lowercase())),
    }
}

fn read_vest(text: &str) -> Result<Value, String> {
    if text.is_empty() {
        return Err("is empty".to_string());
    }
    let entries: Vec<&str> = text.split(['-', '/']).collect();
    let mut vest = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let value = money::parse_percent(entry)
            .map_err(|_| format!("has entry {} \"{}\" that is not a number", i + 1, entry))?;
        vest.push(value);
    }
    Ok(Value::Vest(vest))
}

/// Why a well-formed value is out of range.
fn range_problem(field: &Field, value: &Value) -> String {
    match (field.kind, value) {
        (Kind::Money { .. }, Value::Number(d)) if *d < Decimal::ZERO => "is negative".to_string(),
        (Kind::Money { .. }, Value::Number(d)) if d.normalize().scale() > input::MONEY_DECIMALS => {
            "has more than 2 decimals".to_string()
        }
        (Kind::Percent { .. }, Value::Number(d))
            if d.normalize().scale() > input::PERCENT_DECIMALS =>
        {
            "has more than 4 decimals".to_string()
        }
        (Kind::Vest, Value::Vest(v)) => vest_problem(v),
        (Kind::Label, Value::Text(t)) if t.is_empty() => "is empty".to_string(),
        (Kind::Label, Value::Text(t)) if t.chars().count() > input::LABEL_MAX_CHARS => {
            format!("is {} characters long", t.chars().count())
        }
        (Kind::Label, _) => "contains control characters".to_string(),
        (Kind::Currency, _) => "is not a known currency code".to_string(),
        (Kind::Model, _) => "is not a known model".to_string(),
        _ => "is out of range".to_string(),
    }
}

fn vest_problem(vest: &[Decimal]) -> String {
    let (_, most) = input::VEST_ENTRIES;
    if vest.len() > most {
        return format!("has {} entries", vest.len());
    }
    if vest.iter().any(|v| *v < Decimal::ZERO) {
        return "has a negative entry".to_string();
    }
    if vest
        .iter()
        .any(|v| v.normalize().scale() > input::PERCENT_DECIMALS)
    {
        return "has an entry with more than 4 decimals".to_string();
    }
    let sum: Decimal = vest.iter().sum();
    format!("adds up to {}, not 100", money::plain_number(sum))
}

/// Writes a field's value the way `parse_value` reads it back.
pub fn write_value(full_key: &str, value: &Value) -> String {
    let (_, key) = split_key(full_key);
    let kind = field(key).map(|f| f.kind);
    match value {
        Value::Number(d) => match kind {
            Some(Kind::Money { .. }) => money::write_money(*d),
            _ => money::plain_number(*d),
        },
        Value::Years(y) => y.to_string(),
        Value::Bool(b) => if *b { "1" } else { "0" }.to_string(),
        Value::Vest(v) => v
            .iter()
            .map(|d| money::plain_number(*d))
            .collect::<Vec<_>>()
            .join("-"),
        Value::Text(t) => t.clone(),
        Value::PresetDefault => String::new(),
    }
}

/// Most percent of another amount accepted by [`parse_percent_of`].
pub const PERCENT_OF_MAX: i64 = 1000;

/// A money field typed as a percent of another amount (the token budget as
/// "% of base"): the amount `of * given / 100`, rounded to cents, then checked
/// like a typed amount. Errors name the field as [`parse_value`] does.
pub fn parse_percent_of(full_key: &str, given: &str, of: Decimal) -> Result<Value, FieldError> {
    let fail = |problem: &str| FieldError {
        key: full_key.to_string(),
        given: given.to_string(),
        problem: problem.to_string(),
        accepted: format!(
            "a percent of the base salary from 0 to {PERCENT_OF_MAX}, such as 25 or 26.5"
        ),
    };
    let text = given.trim();
    let pct = money::parse_percent(text).map_err(|p| {
        fail(if text.is_empty() {
            NumberProblem::Empty.describe()
        } else if p == NumberProblem::Empty {
            NumberProblem::NotANumber.describe()
        } else {
            p.describe()
        })
    })?;
    if pct < Decimal::ZERO
        || pct > Decimal::from(PERCENT_OF_MAX)
        || pct.normalize().scale() > input::PERCENT_DECIMALS
    {
        return Err(fail("is out of range"));
    }
    let amount = of
        .checked_mul(pct)
        .map(|x| {
            (x / Decimal::ONE_HUNDRED).round_dp_with_strategy(
                input::MONEY_DECIMALS,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
        })
        .ok_or_else(|| fail("is too large"))?;
    parse_value(full_key, &money::plain_number(amount)).map_err(|e| FieldError {
        given: given.to_string(),
        ..e
    })
}
