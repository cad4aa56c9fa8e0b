//! Text to `Scenario` and back: query strings, `data-*` attributes, typed
//! field values, and the JSON result. Every problem names the field, the
//! value as given and what is accepted.

pub mod json;
pub mod keys;
pub mod money;
pub mod object;
pub mod query;

use std::fmt;

use rust_decimal::Decimal;

use crate::model::input::{self, FullKey, Kind, RangeProblem, Side, Value, PERCENT_OF_BASE};
use crate::model::prices::PRESETS;
use money::{NumberProblem, NumberStyle};

pub use query::{parse, parse_attributes, parse_pairs, write, Parsed};

/// A value the codec could not accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The key as given, `b.base` for offer B.
    pub key: String,
    /// The value exactly as given.
    pub given: String,
    /// What is wrong with it, e.g. "is out of range".
    pub problem: String,
    /// What the field accepts.
    pub accepted: String,
    /// `problem` and `accepted` as data, so that `ui` can word them in the
    /// reader's language and with the field's label instead of its key
    /// (boxed: a `Result` carrying this stays small).
    pub why: Box<Why>,
    pub accepts: Box<Accepts>,
}

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    Number(NumberProblem),
    /// A typed number with two readings in the reader's locale (`375.000`
    /// in en-US), each written the way that settles it.
    Ambiguous {
        grouped: String,
        decimal: String,
    },
    Range(RangeProblem),
    NotWhole,
    NotYesNo,
    /// A vesting entry (counted from 1) that is not a number.
    VestEntry {
        entry: usize,
        text: String,
    },
    TooLarge,
    /// Something about the whole link (an unknown key, a key given twice,
    /// too many keys): worded in `problem` only.
    Other,
}

/// What a field accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepts {
    /// A value of the kind; money ranges at `fx` units per US dollar,
    /// examples written in the reader's number `style`.
    Kind {
        kind: Kind,
        fx: Decimal,
        style: NumberStyle,
    },
    /// The token budget typed as a percent of base, in the reader's `style`.
    PercentOfBase { style: NumberStyle },
    /// Worded in `accepted` only.
    Other,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): \"{}\" {}. Accepted: {}.",
            display_name(&self.key),
            self.key,
            visible(&self.given),
            self.problem,
            self.accepted
        )
    }
}

impl std::error::Error for FieldError {}

/// The given text with format characters written as `<U+202E>`: echoed raw,
/// a bidi override would reorder the message that reports it.
pub fn visible(given: &str) -> String {
    given
        .chars()
        .map(|c| {
            if input::is_format_char(c) {
                format!("<{}>", code_point(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `U+202E`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// "Base salary" for `base`, "Base salary, Offer B" for `b.base`; an
/// unknown key as given.
pub fn display_name(full_key: &str) -> String {
    match FullKey::parse(full_key) {
        Ok(key) => field_name(key),
        Err(_) => full_key.to_string(),
    }
}

/// "Base salary" for `base`, "Base salary, Offer B" for `b.base`.
pub fn field_name(key: FullKey) -> String {
    match key.side {
        Side::B => format!("{}, Offer B", key.def().name),
        Side::A => key.def().name.to_string(),
    }
}

/// What a field accepts, in words, for a currency at `fx` units per US
/// dollar (money ranges are dollar figures converted).
pub fn accepted(kind: Kind, fx: Decimal) -> String {
    accepted_in(kind, fx, NumberStyle::EN_US)
}

/// [`accepted`] with the numbers written in `style`, for what a reader types.
pub fn accepted_in(kind: Kind, fx: Decimal, style: NumberStyle) -> String {
    match kind {
        Kind::Money { max } => {
            let max = style.write(Decimal::from(max).checked_mul(fx).unwrap_or(Decimal::MAX));
            if style == NumberStyle::EN_US {
                format!("an amount from 0 to {max}, such as 375000, 375,000, 375k or $1.2m, with at most 2 decimals")
            } else {
                format!(
                    "an amount from 0 to {max}, such as 375000, 375{}000, 375k or 1{}2m, with at most 2 decimals",
                    style.group, style.decimal
                )
            }
        }
        Kind::Percent { min, max } => format!(
            "a percent from {min} to {max}, written as a plain number such as 3 or 4{}5 (at most 4 decimals)",
            style.decimal
        ),
        Kind::Whole { min, max, unit } => format!("a whole number of {unit} from {min} to {max}"),
        Kind::Bool => "1 (yes) or 0 (no)".to_string(),
        Kind::Vest => "1 to 10 yearly percentages separated by '-', each 0 or more and adding up to 100, such as 25-25-25-25 or 5-15-40-40".to_string(),
        Kind::Label => "a plain-text name of 1 to 40 characters, without control or invisible formatting characters".to_string(),
        Kind::Currency => "a 3-letter ISO 4217 currency code such as USD, EUR or GBP".to_string(),
        Kind::Model => format!(
            "one of {}",
            PRESETS.iter().map(|p| p.id).collect::<Vec<_>>().join(", ")
        ),
        Kind::Fx => format!(
            "the units of the currency one US dollar buys, more than 0 and at most {}, with at most {} decimals, such as 0{}87868 for EUR",
            style.write(Decimal::from(input::FX_MAX)),
            input::FX_DECIMALS,
            style.decimal
        ),
    }
}

/// Why a value is out of range, in words (the model decides which).
pub fn describe(problem: &RangeProblem) -> String {
    match problem {
        RangeProblem::WrongKind => "is not the kind of value this field holds".to_string(),
        RangeProblem::Negative => "is negative".to_string(),
        RangeProblem::NotPositive => "is not more than 0".to_string(),
        RangeProblem::TooManyDecimals { max } => format!("has more than {max} decimals"),
        RangeProblem::BelowMin { .. } | RangeProblem::AboveMax { .. } => {
            "is out of range".to_string()
        }
        RangeProblem::VestEntries { count } => format!("has {count} entries"),
        RangeProblem::VestNegative { entry } => format!("has a negative entry (entry {entry})"),
        RangeProblem::VestDecimals { entry } => {
            format!("has an entry with more than 4 decimals (entry {entry})")
        }
        RangeProblem::VestSum { sum } => {
            format!("adds up to {}, not 100", money::plain_number(*sum))
        }
        RangeProblem::LabelEmpty => "is empty".to_string(),
        RangeProblem::LabelTooLong { chars } => format!("is {chars} characters long"),
        RangeProblem::LabelSpaces => "starts or ends with a space".to_string(),
        RangeProblem::LabelControlChars { ch } => {
            format!("contains the control character {}", code_point(*ch))
        }
        RangeProblem::LabelFormatChars { ch } => format!(
            "contains the invisible formatting character {}, which can reorder or hide the text around it",
            code_point(*ch)
        ),
        RangeProblem::UnknownCurrency => "is not a known currency code".to_string(),
        RangeProblem::UnknownModel => "is not a known model".to_string(),
        RangeProblem::FxMissing { currency } => format!(
            "is not given, and {currency} has no built-in exchange rate: give fx, the units of {currency} per US dollar"
        ),
    }
}

/// Parses what was typed or given for a full key written as text
/// (`base`, `b.vest`), in US dollars.
pub fn parse_value(full_key: &str, given: &str) -> Result<Value, FieldError> {
    match FullKey::parse(full_key) {
        Ok(key) => parse_field(key, given, Decimal::ONE),
        Err(_) => Err(FieldError {
            key: full_key.to_string(),
            given: given.to_string(),
            problem: "is not a known key".to_string(),
            accepted: "the keys listed in the model documentation".to_string(),
            why: Box::new(Why::Other),
            accepts: Box::new(Accepts::Other),
        }),
    }
}

/// Parses what was typed or given for a field: read as the field's kind,
/// then checked by the model. Money ranges follow the scenario's currency
/// at `fx` units per US dollar, so `cur` and `fx` are read first.
pub fn parse_field(key: FullKey, given: &str, fx: Decimal) -> Result<Value, FieldError> {
    parse_in(key, given, fx, None)
}

/// [`parse_field`] for what a reader typed, in a locale whose numbers are
/// written in `style` (`375.000` is 375000 in de-DE and ambiguous in en-US).
pub fn parse_typed_field(
    key: FullKey,
    given: &str,
    fx: Decimal,
    style: NumberStyle,
) -> Result<Value, FieldError> {
    parse_in(key, given, fx, Some(style))
}

/// `typed`: the reader's locale; `None`: the neutral rules of links.
fn parse_in(
    key: FullKey,
    given: &str,
    fx: Decimal,
    typed: Option<NumberStyle>,
) -> Result<Value, FieldError> {
    let field = key.def();
    let style = typed.unwrap_or(NumberStyle::EN_US);
    let fail = |why: Why| FieldError {
        key: key.to_string(),
        given: given.to_string(),
        problem: why_in_words(&why),
        accepted: accepted_in(field.kind, fx, style),
        why: Box::new(why),
        accepts: Box::new(Accepts::Kind {
            kind: field.kind,
            fx,
            style,
        }),
    };
    let value = read(field.kind, given, typed).map_err(fail)?;
    field
        .kind
        .check(&value, fx)
        .map_err(|problem| fail(Why::Range(problem)))?;
    Ok(value)
}

/// Why a value was refused, in English words (`Why::Other` has its own).
pub fn why_in_words(why: &Why) -> String {
    match why {
        Why::Number(problem) => problem.describe().to_string(),
        Why::Ambiguous { grouped, decimal } => format!(
            "{}: write {grouped} or {decimal}",
            NumberProblem::Ambiguous.describe()
        ),
        Why::Range(problem) => describe(problem),
        Why::NotWhole => "is not a whole number".to_string(),
        Why::NotYesNo => "is neither 1 nor 0".to_string(),
        Why::VestEntry { entry, text } => {
            format!("has entry {entry} \"{text}\" that is not a number")
        }
        Why::TooLarge => "is too large".to_string(),
        Why::Other => String::new(),
    }
}

/// A number problem; an empty field and text with no number in it are
/// told apart, and an ambiguous one carries both readings.
fn number_problem(text: &str, problem: NumberProblem, style: NumberStyle) -> Why {
    let number = text.trim_matches(|c: char| !c.is_ascii_digit());
    if let (NumberProblem::Ambiguous, Some((grouped, decimal))) =
        (problem, money::readings(number, style))
    {
        return Why::Ambiguous { grouped, decimal };
    }
    Why::Number(if text.is_empty() {
        NumberProblem::Empty
    } else if problem == NumberProblem::Empty {
        NumberProblem::NotANumber
    } else {
        problem
    })
}

/// The text as a value of the kind, before the range check; numbers in the
/// reader's `typed` style, or by the neutral rules.
fn read(kind: Kind, given: &str, typed: Option<NumberStyle>) -> Result<Value, Why> {
    let text = given.trim();
    let style = typed.unwrap_or(NumberStyle::EN_US);
    let number = |result: Result<Decimal, NumberProblem>| {
        result
            .map(Value::Number)
            .map_err(|p| number_problem(text, p, style))
    };
    match (kind, typed) {
        (Kind::Money { .. }, Some(style)) => number(money::parse_typed_money(text, style)),
        (Kind::Percent { .. }, Some(style)) => number(money::parse_typed_percent(text, style)),
        (Kind::Fx, Some(style)) => number(money::parse_typed_number(text, style)),
        _ => read_neutral(kind, text, &number),
    }
}

fn read_neutral(
    kind: Kind,
    text: &str,
    number: &dyn Fn(Result<Decimal, NumberProblem>) -> Result<Value, Why>,
) -> Result<Value, Why> {
    match kind {
        Kind::Money { .. } => number(money::parse_money(text)),
        Kind::Percent { .. } => number(money::parse_percent(text)),
        Kind::Whole { .. } => text
            .parse::<u32>()
            .map(Value::Whole)
            .map_err(|_| Why::NotWhole),
        Kind::Bool => match text.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(Value::Bool(true)),
            "0" | "false" | "no" | "off" => Ok(Value::Bool(false)),
            _ => Err(Why::NotYesNo),
        },
        Kind::Vest => read_vest(text),
        Kind::Label => Ok(Value::Text(text.to_string())),
        Kind::Currency => Ok(Value::Text(text.to_ascii_uppercase())),
        Kind::Model => Ok(Value::Text(text.to_ascii_lowercase())),
        Kind::Fx => number(money::parse_number(text)),
    }
}

/// The error for a scenario whose currency needs `fx` and has none, if so.
pub fn missing_fx(scenario: &crate::model::Scenario) -> Option<FieldError> {
    scenario
        .problems()
        .into_iter()
        .find_map(|(key, problem)| match problem {
            RangeProblem::FxMissing { .. } => Some(FieldError {
                key: key.to_string(),
                given: String::new(),
                problem: describe(&problem),
                accepted: accepted(Kind::Fx, Decimal::ONE),
                why: Box::new(Why::Range(problem)),
                accepts: Box::new(Accepts::Kind {
                    kind: Kind::Fx,
                    fx: Decimal::ONE,
                    style: NumberStyle::EN_US,
                }),
            }),
            _ => None,
        })
}

fn read_vest(text: &str) -> Result<Value, Why> {
    if text.is_empty() {
        return Err(Why::Number(NumberProblem::Empty));
    }
    let entries: Vec<&str> = text.split(['-', '/']).collect();
    let mut vest = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let value = money::parse_percent(entry).map_err(|_| Why::VestEntry {
            entry: i + 1,
            text: entry.to_string(),
        })?;
        vest.push(value);
    }
    Ok(Value::Vest(vest))
}

/// Writes a field's value the way `parse_field` reads it back.
pub fn write_value(key: FullKey, value: &Value) -> String {
    match value {
        Value::Number(d) => match key.def().kind {
            Kind::Money { .. } => money::write_money(*d),
            _ => money::plain_number(*d),
        },
        Value::Whole(y) => y.to_string(),
        Value::Bool(b) => if *b { "1" } else { "0" }.to_string(),
        Value::Vest(v) => v
            .iter()
            .map(|d| money::plain_number(*d))
            .collect::<Vec<_>>()
            .join("-"),
        Value::Text(t) => t.clone(),
        Value::Auto => String::new(),
    }
}

/// A money field typed as a percent of another amount (the token budget as
/// "% of base", of kind [`PERCENT_OF_BASE`]): the amount `of * given / 100`,
/// rounded to cents, then checked like a typed amount. Errors name the field
/// as [`parse_field`] does.
pub fn parse_percent_of(
    key: FullKey,
    given: &str,
    of: Decimal,
    fx: Decimal,
    style: NumberStyle,
) -> Result<Value, FieldError> {
    let fail = |why: Why| FieldError {
        key: key.to_string(),
        given: given.to_string(),
        problem: why_in_words(&why),
        why: Box::new(why),
        accepts: Box::new(Accepts::PercentOfBase { style }),
        accepted: match PERCENT_OF_BASE {
            Kind::Percent { min, max } => {
                format!("a percent of the base salary from {min} to {max}, such as 25 or 26.5")
            }
            other => accepted(other, fx),
        },
    };
    let text = given.trim();
    let pct = money::parse_typed_percent(text, style)
        .map_err(|p| fail(number_problem(text, p, style)))?;
    PERCENT_OF_BASE
        .check(&Value::Number(pct), fx)
        .map_err(|p| fail(Why::Range(p)))?;
    let amount = of
        .checked_mul(pct)
        .map(|x| {
            (x / Decimal::ONE_HUNDRED).round_dp_with_strategy(
                input::MONEY_DECIMALS,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
        })
        .ok_or_else(|| fail(Why::TooLarge))?;
    parse_field(key, &money::plain_number(amount), fx).map_err(|e| FieldError {
        given: given.to_string(),
        ..e
    })
}
