//! The inputs of the model: a `Scenario` with one or two `Offer`s and the
//! one definition of every field (MODEL.md, "Inputs"): its key, its name for
//! people, its kind and range, its default, how to read and write it, its
//! hint and its slider range. Adding a field is a struct member, a
//! [`FieldId`] variant and a row in [`FIELDS`].
//!
//! Percent fields hold the number the reader typed (20 means 20 %); the
//! projection turns them into fractions.

use std::fmt;

use rust_decimal::Decimal;

use rust_decimal::RoundingStrategy;

use super::{currency, prices, rates};

/// One offer letter: pay, equity and the token budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub label: String,
    pub base: Decimal,
    pub raise: Decimal,
    pub bonus: Decimal,
    pub signing: Decimal,
    pub equity: Decimal,
    /// Percent of the initial grant (and of each refresher) vesting per year.
    pub vest: Vec<Decimal>,
    pub refresh: Decimal,
    pub growth: Decimal,
    pub tokens: Decimal,
    pub tgrowth: Decimal,
    pub personal: Decimal,
    pub own: Decimal,
    pub imputed: bool,
    pub standard: Decimal,
}

/// Everything the calculator needs: the reader's situation and one or two offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    pub years: u32,
    pub tax: Decimal,
    pub invest: Decimal,
    pub cur: String,
    pub model: String,
    /// Share of tokens that are input tokens; `None` means the preset's default.
    pub input: Option<Decimal>,
    /// Share of input tokens read from the cache; `None` means the preset's default.
    pub cache: Option<Decimal>,
    pub decline: Decimal,
    /// Units of `cur` per US dollar; `None` means the reference rate (see
    /// [`Scenario::fx_rate`]).
    pub fx: Option<Decimal>,
    /// What a daily coding-agent user spends per working day, in `cur`
    /// (the key is `use`, a Rust keyword).
    pub use_per_day: Decimal,
    /// Working days in a year.
    pub days: u32,
    pub a: Offer,
    pub b: Option<Offer>,
}

/// Which offer a per-offer field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    A,
    B,
}

impl Side {
    /// The key prefix in query strings: `""` for A, `"b."` for B.
    pub fn prefix(self) -> &'static str {
        match self {
            Side::A => "",
            Side::B => "b.",
        }
    }
}

/// Every field, in the order links are written. The order is that of
/// [`FIELDS`] (checked at compile time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldId {
    Years,
    Tax,
    Invest,
    Cur,
    Model,
    Input,
    Cache,
    Decline,
    Fx,
    Use,
    Days,
    Label,
    Base,
    Raise,
    Bonus,
    Signing,
    Equity,
    Vest,
    Refresh,
    Growth,
    Tokens,
    Tgrowth,
    Personal,
    Own,
    Imputed,
    Standard,
}

impl FieldId {
    /// The field's definition.
    pub fn def(self) -> &'static Field {
        // In bounds for every variant: FIELDS has one row per variant, in
        // variant order (the assertion below FIELDS fails the build otherwise).
        #[allow(clippy::indexing_slicing)]
        &FIELDS[self as usize]
    }

    /// The bare key in query strings (`base`).
    pub fn key(self) -> &'static str {
        self.def().key
    }

    /// The field with this bare key (no `b.` prefix).
    pub fn from_key(key: &str) -> Option<FieldId> {
        FIELDS.iter().find(|f| f.key == key).map(|f| f.id)
    }

    /// True when each offer has its own value.
    pub fn per_offer(self) -> bool {
        matches!(self.def().access, Access::Offer(_))
    }
}

/// A field of a scenario: which offer (always A for scenario-wide fields)
/// and which field. Written `base`, `b.base`, `years`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FullKey {
    pub side: Side,
    pub field: FieldId,
}

/// Why a text is not a full key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyProblem {
    /// No field has this key.
    Unknown,
    /// `b.years`: the field applies to both offers, so it has no `b.` form.
    NoOfferB(FieldId),
}

impl FullKey {
    /// The key of `field` in offer `side`; scenario-wide fields ignore the side.
    pub fn of(side: Side, field: FieldId) -> FullKey {
        let side = if field.per_offer() { side } else { Side::A };
        FullKey { side, field }
    }

    /// Offer A's key (or the scenario's) for `field`.
    pub fn a(field: FieldId) -> FullKey {
        FullKey::of(Side::A, field)
    }

    /// Reads `base`, `b.base`, `years`.
    pub fn parse(text: &str) -> Result<FullKey, KeyProblem> {
        let (side, bare) = match text.strip_prefix("b.") {
            Some(rest) => (Side::B, rest),
            None => (Side::A, text),
        };
        let field = FieldId::from_key(bare).ok_or(KeyProblem::Unknown)?;
        if side == Side::B && !field.per_offer() {
            return Err(KeyProblem::NoOfferB(field));
        }
        Ok(FullKey { side, field })
    }

    pub fn def(self) -> &'static Field {
        self.field.def()
    }
}

impl fmt::Display for FullKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.side.prefix(), self.field.key())
    }
}

/// What kind of value a field holds, with its accepted range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Money from 0 to `max`, at most 2 decimals.
    Money { max: i64 },
    /// A percent from `min` to `max`, at most 4 decimals.
    Percent { min: i64, max: i64 },
    /// A whole number of `unit`s ("years", "days").
    Whole {
        min: u32,
        max: u32,
        unit: &'static str,
    },
    /// `1` or `0`.
    Bool,
    /// Percent per year, `-` separated.
    Vest,
    /// A short plain-text name.
    Label,
    /// An ISO 4217 code from [`super::currency::KNOWN`].
    Currency,
    /// A price preset id.
    Model,
    /// An exchange rate: units of the currency per US dollar, more than 0
    /// and at most [`FX_MAX`], with at most [`FX_DECIMALS`] decimals.
    Fx,
}

/// A slider's natural range beside a typed field (the typed field accepts
/// the kind's full range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliderRange {
    pub min: Decimal,
    pub max: Decimal,
    pub step: Decimal,
}

/// A field's default, as data. Money defaults are US-dollar figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldDefault {
    Number(Decimal),
    Money(Decimal),
    Whole(u32),
    Bool(bool),
    Vest(&'static [Decimal]),
    Text(&'static str),
    /// "Offer A" / "Offer B".
    OfferName,
    /// Left to something else (the price preset's token mix, the rate table).
    Auto,
}

/// How a field is read and written: on the scenario, or on one offer.
#[derive(Clone, Copy)]
enum Access {
    Scenario(Slot<Scenario>),
    Offer(Slot<Offer>),
}

/// Where a field lives in `T`, by the kind of value it holds: a pair of
/// projections to the member, so that reading and writing a [`Value`] is
/// written once for every field (and compiled once, not once per field).
enum Slot<T> {
    Number(fn(&T) -> &Decimal, fn(&mut T) -> &mut Decimal),
    /// `None` is [`Value::Auto`].
    Auto(
        fn(&T) -> &Option<Decimal>,
        fn(&mut T) -> &mut Option<Decimal>,
    ),
    Whole(fn(&T) -> &u32, fn(&mut T) -> &mut u32),
    Bool(fn(&T) -> &bool, fn(&mut T) -> &mut bool),
    Vest(fn(&T) -> &Vec<Decimal>, fn(&mut T) -> &mut Vec<Decimal>),
    Text(fn(&T) -> &String, fn(&mut T) -> &mut String),
}

// Function pointers are Copy whatever `T` is (a derive would ask `T: Copy`).
impl<T> Clone for Slot<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Slot<T> {}

impl<T> Slot<T> {
    fn get(self, from: &T) -> Value {
        match self {
            Slot::Number(get, _) => Value::Number(*get(from)),
            Slot::Auto(get, _) => get(from).map_or(Value::Auto, Value::Number),
            Slot::Whole(get, _) => Value::Whole(*get(from)),
            Slot::Bool(get, _) => Value::Bool(*get(from)),
            Slot::Vest(get, _) => Value::Vest(get(from).clone()),
            Slot::Text(get, _) => Value::Text(get(from).clone()),
        }
    }

    /// False when the value is of another kind than the member.
    fn set(self, to: &mut T, value: Value) -> bool {
        match (self, value) {
            (Slot::Number(_, place), Value::Number(d)) => *place(to) = d,
            (Slot::Auto(_, place), Value::Number(d)) => *place(to) = Some(d),
            (Slot::Auto(_, place), Value::Auto) => *place(to) = None,
            (Slot::Whole(_, place), Value::Whole(n)) => *place(to) = n,
            (Slot::Bool(_, place), Value::Bool(b)) => *place(to) = b,
            (Slot::Vest(_, place), Value::Vest(v)) => *place(to) = v,
            (Slot::Text(_, place), Value::Text(t)) => *place(to) = t,
            _ => return false,
        }
        true
    }
}

/// One field's whole definition.
#[derive(Clone, Copy)]
pub struct Field {
    pub id: FieldId,
    /// The key in query strings (offer B adds the `b.` prefix).
    pub key: &'static str,
    /// The field's name as the reader sees it.
    pub name: &'static str,
    pub kind: Kind,
    /// One line under the field telling the reader what it means.
    pub hint: Option<&'static str>,
    /// Where a slider beside the field goes, if one is natural.
    pub slider: Option<SliderRange>,
    default: FieldDefault,
    access: Access,
}

impl fmt::Debug for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Field").field("key", &self.key).finish()
    }
}

impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Field {
    /// The default value in offer `side`, for a currency at `fx` units per
    /// US dollar (MODEL.md, "Inputs" and "Currencies").
    pub fn default_value(&self, side: Side, fx: Decimal) -> Value {
        match self.default {
            FieldDefault::Number(d) => Value::Number(d),
            FieldDefault::Money(usd) => Value::Number(money_default(usd, fx)),
            FieldDefault::Whole(n) => Value::Whole(n),
            FieldDefault::Bool(b) => Value::Bool(b),
            FieldDefault::Vest(v) => Value::Vest(v.to_vec()),
            FieldDefault::Text(t) => Value::Text(t.to_string()),
            FieldDefault::OfferName => Value::Text(
                match side {
                    Side::A => "Offer A",
                    Side::B => "Offer B",
                }
                .to_string(),
            ),
            FieldDefault::Auto => Value::Auto,
        }
    }
}

/// Decimal places accepted in a percent (or a vesting entry).
pub const PERCENT_DECIMALS: u32 = 4;
/// Decimal places accepted in money, after `k`/`m` scaling.
pub const MONEY_DECIMALS: u32 = 2;
/// Most and fewest entries in a vesting schedule.
pub const VEST_ENTRIES: (usize, usize) = (1, 10);
/// Most characters in a label.
pub const LABEL_MAX_CHARS: usize = 40;
/// Most units of a currency per US dollar accepted in `fx`.
pub const FX_MAX: i64 = 1_000_000;
/// Decimal places accepted in `fx`.
pub const FX_DECIMALS: u32 = 6;
/// The token budget typed as a percent of the base salary.
pub const PERCENT_OF_BASE: Kind = Kind::Percent { min: 0, max: 1000 };

const MONEY: Kind = Kind::Money { max: 1_000_000_000 };
const BIG_MONEY: Kind = Kind::Money {
    max: 10_000_000_000,
};

/// A whole number as a `Decimal`, at compile time.
const fn whole(n: i64) -> Decimal {
    tenths(n * 10)
}

/// `n` tenths as a `Decimal`, at compile time.
const fn tenths(n: i64) -> Decimal {
    Decimal::from_parts(n.unsigned_abs() as u32, 0, 0, n < 0, 1)
}

const fn slider(min: i64, max: i64, step_tenths: i64) -> Option<SliderRange> {
    Some(SliderRange {
        min: whole(min),
        max: whole(max),
        step: tenths(step_tenths),
    })
}

const VEST_DEFAULT: [Decimal; 4] = [whole(25); 4];

/// A US-dollar default in a currency at `fx` per dollar: `round3(usd * fx)`,
/// three significant digits, half away from zero (375000 * 0.87868 =
/// 329505 -> 330000). A product too large for `Decimal` cannot happen
/// (defaults are at most 375,000 and `fx` at most 1,000,000) but keeps the
/// dollar figure rather than panic.
fn money_default(usd: Decimal, fx: Decimal) -> Decimal {
    usd.checked_mul(fx)
        .and_then(|x| x.round_sf_with_strategy(3, RoundingStrategy::MidpointAwayFromZero))
        .map_or(usd, |x| x.normalize())
}

/// A US-dollar upper bound in a currency at `fx` per dollar, exactly.
fn money_bound(usd: i64, fx: Decimal) -> Decimal {
    Decimal::from(usd).checked_mul(fx).unwrap_or(Decimal::MAX)
}

/// The member `$member` holding a `$variant` value.
macro_rules! slot {
    ($variant:ident, $member:ident) => {
        Slot::$variant(|x| &x.$member, |x| &mut x.$member)
    };
}

/// Every field, in [`FieldId`] order, which is the order links are written.
pub const FIELDS: &[Field] = &[
    Field {
        id: FieldId::Years,
        key: "years",
        name: "Horizon",
        kind: Kind::Whole {
            min: 1,
            max: 10,
            unit: "years",
        },
        hint: None,
        slider: slider(1, 10, 10),
        default: FieldDefault::Whole(4),
        access: Access::Scenario(slot!(Whole, years)),
    },
    Field {
        id: FieldId::Tax,
        key: "tax",
        name: "Tax rate",
        kind: Kind::Percent { min: 0, max: 99 },
        hint: Some("Effective marginal rate on cash pay."),
        slider: slider(0, 60, 5),
        default: FieldDefault::Number(whole(0)),
        access: Access::Scenario(slot!(Number, tax)),
    },
    Field {
        id: FieldId::Invest,
        key: "invest",
        name: "Return on invested money",
        kind: Kind::Percent { min: -50, max: 50 },
        hint: Some("Yearly return on money you keep."),
        slider: slider(-10, 20, 5),
        default: FieldDefault::Number(whole(5)),
        access: Access::Scenario(slot!(Number, invest)),
    },
    Field {
        id: FieldId::Cur,
        key: "cur",
        name: "Currency",
        kind: Kind::Currency,
        hint: Some("ISO code such as USD, EUR, GBP. Amounts are in this currency; token prices are converted."),
        slider: None,
        default: FieldDefault::Text("USD"),
        access: Access::Scenario(slot!(Text, cur)),
    },
    Field {
        id: FieldId::Model,
        key: "model",
        name: "AI model",
        kind: Kind::Model,
        hint: None,
        slider: None,
        default: FieldDefault::Text(prices::DEFAULT_PRESET),
        access: Access::Scenario(slot!(Text, model)),
    },
    Field {
        id: FieldId::Input,
        key: "input",
        name: "Input token share",
        kind: Kind::Percent { min: 0, max: 100 },
        hint: Some("Share of tokens that are input; agentic coding is mostly input."),
        slider: slider(0, 100, 10),
        default: FieldDefault::Auto,
        access: Access::Scenario(slot!(Auto, input)),
    },
    Field {
        id: FieldId::Cache,
        key: "cache",
        name: "Cache read share",
        kind: Kind::Percent { min: 0, max: 100 },
        hint: Some("Share of input read from the prompt cache."),
        slider: slider(0, 100, 10),
        default: FieldDefault::Auto,
        access: Access::Scenario(slot!(Auto, cache)),
    },
    Field {
        id: FieldId::Decline,
        key: "decline",
        name: "Yearly price decline",
        kind: Kind::Percent { min: 0, max: 99 },
        hint: Some("Yearly fall in the price per token."),
        slider: slider(0, 60, 10),
        default: FieldDefault::Number(whole(0)),
        access: Access::Scenario(slot!(Number, decline)),
    },
    Field {
        id: FieldId::Fx,
        key: "fx",
        name: "Exchange rate",
        kind: Kind::Fx,
        hint: Some("Units of the currency per US dollar, to convert token prices."),
        slider: None,
        default: FieldDefault::Auto,
        access: Access::Scenario(slot!(Auto, fx)),
    },
    Field {
        id: FieldId::Use,
        key: "use",
        name: "Daily coding-agent spend",
        kind: Kind::Money { max: 1_000_000 },
        hint: Some("What an engineer who uses a coding agent every working day spends on it per day: about $13 on average (Anthropic's Claude Code cost documentation)."),
        slider: None,
        default: FieldDefault::Money(whole(13)),
        access: Access::Scenario(slot!(Number, use_per_day)),
    },
    Field {
        id: FieldId::Days,
        key: "days",
        name: "Working days a year",
        kind: Kind::Whole {
            min: 1,
            max: 366,
            unit: "days",
        },
        hint: Some("Turns the daily spend into a year's."),
        slider: None,
        default: FieldDefault::Whole(230),
        access: Access::Scenario(slot!(Whole, days)),
    },
    Field {
        id: FieldId::Label,
        key: "label",
        name: "Offer name",
        kind: Kind::Label,
        hint: Some("Rename the offer."),
        slider: None,
        default: FieldDefault::OfferName,
        access: Access::Offer(slot!(Text, label)),
    },
    Field {
        id: FieldId::Base,
        key: "base",
        name: "Base salary",
        kind: MONEY,
        hint: Some("Per year. 375k and 1.2m work."),
        slider: None,
        default: FieldDefault::Money(whole(375_000)),
        access: Access::Offer(slot!(Number, base)),
    },
    Field {
        id: FieldId::Raise,
        key: "raise",
        name: "Yearly raise",
        kind: Kind::Percent { min: -50, max: 100 },
        hint: Some("Yearly raise of base."),
        slider: slider(-10, 20, 5),
        default: FieldDefault::Number(whole(3)),
        access: Access::Offer(slot!(Number, raise)),
    },
    Field {
        id: FieldId::Bonus,
        key: "bonus",
        name: "Target bonus",
        kind: Kind::Percent { min: 0, max: 200 },
        hint: Some("Target bonus, % of base."),
        slider: slider(0, 50, 10),
        default: FieldDefault::Number(whole(0)),
        access: Access::Offer(slot!(Number, bonus)),
    },
    Field {
        id: FieldId::Signing,
        key: "signing",
        name: "Signing bonus",
        kind: MONEY,
        hint: Some("Paid in year 1."),
        slider: None,
        default: FieldDefault::Money(whole(0)),
        access: Access::Offer(slot!(Number, signing)),
    },
    Field {
        id: FieldId::Equity,
        key: "equity",
        name: "Equity grant",
        kind: BIG_MONEY,
        hint: Some("Value of the initial grant at grant."),
        slider: None,
        default: FieldDefault::Money(whole(0)),
        access: Access::Offer(slot!(Number, equity)),
    },
    Field {
        id: FieldId::Vest,
        key: "vest",
        name: "Vesting schedule",
        kind: Kind::Vest,
        hint: Some("Percent per year, separated by '-', adding up to 100."),
        slider: None,
        default: FieldDefault::Vest(&VEST_DEFAULT),
        access: Access::Offer(slot!(Vest, vest)),
    },
    Field {
        id: FieldId::Refresh,
        key: "refresh",
        name: "Yearly refresher grant",
        kind: BIG_MONEY,
        hint: Some("Granted at the end of every year, vesting like the grant."),
        slider: None,
        default: FieldDefault::Money(whole(0)),
        access: Access::Offer(slot!(Number, refresh)),
    },
    Field {
        id: FieldId::Growth,
        key: "growth",
        name: "Equity growth",
        kind: Kind::Percent {
            min: -100,
            max: 1000,
        },
        hint: Some("Yearly change in the equity's value."),
        slider: slider(-50, 100, 10),
        default: FieldDefault::Number(whole(0)),
        access: Access::Offer(slot!(Number, growth)),
    },
    Field {
        id: FieldId::Tokens,
        key: "tokens",
        name: "Token budget",
        kind: MONEY,
        hint: Some("Per year, as the offer states it."),
        slider: None,
        default: FieldDefault::Money(whole(100_000)),
        access: Access::Offer(slot!(Number, tokens)),
    },
    Field {
        id: FieldId::Tgrowth,
        key: "tgrowth",
        name: "Token budget growth",
        kind: Kind::Percent {
            min: -100,
            max: 1000,
        },
        hint: Some("Yearly change of the budget."),
        slider: slider(-50, 100, 10),
        default: FieldDefault::Number(whole(0)),
        access: Access::Offer(slot!(Number, tgrowth)),
    },
    Field {
        id: FieldId::Personal,
        key: "personal",
        name: "Personal use allowed",
        kind: Kind::Percent { min: 0, max: 100 },
        hint: Some("Share of the budget you may use for your own projects."),
        slider: slider(0, 100, 10),
        default: FieldDefault::Number(whole(0)),
        access: Access::Offer(slot!(Number, personal)),
    },
    Field {
        id: FieldId::Own,
        key: "own",
        name: "Your own AI spend",
        kind: MONEY,
        hint: Some("What you would spend on AI yourself in a year without this perk."),
        slider: None,
        default: FieldDefault::Money(whole(2_400)),
        access: Access::Offer(slot!(Number, own)),
    },
    Field {
        id: FieldId::Imputed,
        key: "imputed",
        name: "Personal use taxed",
        kind: Kind::Bool,
        hint: None,
        slider: None,
        default: FieldDefault::Bool(true),
        access: Access::Offer(slot!(Bool, imputed)),
    },
    Field {
        id: FieldId::Standard,
        key: "standard",
        name: "Tooling everyone gets",
        kind: MONEY,
        hint: Some("AI tooling the employer gives every engineer anyway, per year."),
        slider: None,
        default: FieldDefault::Money(whole(0)),
        access: Access::Offer(slot!(Number, standard)),
    },
];

// FIELDS holds one row per FieldId, in variant order: FieldId::def indexes it.
// Compile-time: an out-of-bounds index here fails the build, not a page.
#[allow(clippy::indexing_slicing)]
const _: () = {
    assert!(FIELDS.len() == FieldId::Standard as usize + 1);
    let mut i = 0;
    while i < FIELDS.len() {
        assert!(FIELDS[i].id as usize == i);
        i += 1;
    }
};

/// A field's value, whatever its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Money or percent.
    Number(Decimal),
    Whole(u32),
    Bool(bool),
    Vest(Vec<Decimal>),
    /// Label, currency or model id.
    Text(String),
    /// Input or cache share left to the price preset, `fx` to the rate table.
    Auto,
}

/// Why a value is outside its field's accepted range: the model decides,
/// the codec puts it into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RangeProblem {
    /// The value is of another kind than the field (a caller's mistake).
    WrongKind,
    /// Money below 0.
    Negative,
    /// An exchange rate of 0 or less.
    NotPositive,
    /// More decimal places than the kind accepts.
    TooManyDecimals {
        max: u32,
    },
    BelowMin {
        min: Decimal,
    },
    AboveMax {
        max: Decimal,
    },
    /// A vesting schedule with too few or too many entries.
    VestEntries {
        count: usize,
    },
    /// A vesting entry (1-based) below 0.
    VestNegative {
        entry: usize,
    },
    /// A vesting entry (1-based) with more than 4 decimals.
    VestDecimals {
        entry: usize,
    },
    /// A vesting schedule that does not add up to 100.
    VestSum {
        sum: Decimal,
    },
    LabelEmpty,
    LabelTooLong {
        chars: usize,
    },
    /// Space at the start or end (the codec trims, so only built scenarios have it).
    LabelSpaces,
    LabelControlChars {
        ch: char,
    },
    /// An invisible formatting character such as a bidi control.
    LabelFormatChars {
        ch: char,
    },
    UnknownCurrency,
    UnknownModel,
    /// `fx` left out for a known currency the rate table does not have.
    FxMissing {
        currency: String,
    },
}

impl Kind {
    /// Whether `value` is in this kind's accepted range, and if not, why.
    /// Money ranges are US-dollar figures times `fx`, the units of the
    /// scenario's currency per dollar (1 for USD).
    pub fn check(&self, value: &Value, fx: Decimal) -> Result<(), RangeProblem> {
        match (self, value) {
            (Kind::Money { max }, Value::Number(d)) => {
                if *d < Decimal::ZERO {
                    Err(RangeProblem::Negative)
                } else if d.normalize().scale() > MONEY_DECIMALS {
                    Err(RangeProblem::TooManyDecimals {
                        max: MONEY_DECIMALS,
                    })
                } else if *d > money_bound(*max, fx) {
                    Err(RangeProblem::AboveMax {
                        max: money_bound(*max, fx),
                    })
                } else {
                    Ok(())
                }
            }
            (Kind::Fx, Value::Number(d)) => {
                if *d <= Decimal::ZERO {
                    Err(RangeProblem::NotPositive)
                } else if d.normalize().scale() > FX_DECIMALS {
                    Err(RangeProblem::TooManyDecimals { max: FX_DECIMALS })
                } else if *d > Decimal::from(FX_MAX) {
                    Err(RangeProblem::AboveMax {
                        max: Decimal::from(FX_MAX),
                    })
                } else {
                    Ok(())
                }
            }
            (Kind::Fx, Value::Auto) => Ok(()),
            (Kind::Percent { min, max }, Value::Number(d)) => {
                if d.normalize().scale() > PERCENT_DECIMALS {
                    Err(RangeProblem::TooManyDecimals {
                        max: PERCENT_DECIMALS,
                    })
                } else {
                    in_range(*d, Decimal::from(*min), Decimal::from(*max))
                }
            }
            (Kind::Percent { .. }, Value::Auto) => Ok(()),
            (Kind::Whole { min, max, .. }, Value::Whole(y)) => {
                in_range(Decimal::from(*y), Decimal::from(*min), Decimal::from(*max))
            }
            (Kind::Bool, Value::Bool(_)) => Ok(()),
            (Kind::Vest, Value::Vest(v)) => check_vest(v),
            (Kind::Label, Value::Text(t)) => check_label(t),
            (Kind::Currency, Value::Text(t)) if currency::is_known(t) => Ok(()),
            (Kind::Currency, Value::Text(_)) => Err(RangeProblem::UnknownCurrency),
            (Kind::Model, Value::Text(t)) if prices::preset(t).is_some() => Ok(()),
            (Kind::Model, Value::Text(_)) => Err(RangeProblem::UnknownModel),
            _ => Err(RangeProblem::WrongKind),
        }
    }
}

fn in_range(d: Decimal, min: Decimal, max: Decimal) -> Result<(), RangeProblem> {
    if d < min {
        Err(RangeProblem::BelowMin { min })
    } else if d > max {
        Err(RangeProblem::AboveMax { max })
    } else {
        Ok(())
    }
}

/// A vesting schedule: 1..=10 entries, each >= 0 with at most 4 decimals,
/// summing to 100 within 0.01.
fn check_vest(vest: &[Decimal]) -> Result<(), RangeProblem> {
    let (fewest, most) = VEST_ENTRIES;
    if !(fewest..=most).contains(&vest.len()) {
        return Err(RangeProblem::VestEntries { count: vest.len() });
    }
    for (i, v) in vest.iter().enumerate() {
        if *v < Decimal::ZERO {
            return Err(RangeProblem::VestNegative { entry: i + 1 });
        }
        if v.normalize().scale() > PERCENT_DECIMALS {
            return Err(RangeProblem::VestDecimals { entry: i + 1 });
        }
    }
    // At most 10 entries of at most 1e28 each could overflow: checked.
    let sum = vest
        .iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(*v));
    match sum {
        Some(sum) if (sum - Decimal::ONE_HUNDRED).abs() <= Decimal::new(1, 2) => Ok(()),
        Some(sum) => Err(RangeProblem::VestSum { sum }),
        None => Err(RangeProblem::VestSum { sum: Decimal::MAX }),
    }
}

/// A label: trimmed, 1..=40 characters, no control or format characters.
///
/// Format characters are rejected, not stripped: a bidi override reverses
/// the verdict sentence around the label ("Offer B is worth … more" drawn
/// backwards), and a label silently changed would misname an offer, while a
/// rejection keeps what the reader typed beside a message saying why.
fn check_label(label: &str) -> Result<(), RangeProblem> {
    let chars = label.chars().count();
    if chars == 0 {
        return Err(RangeProblem::LabelEmpty);
    }
    if chars > LABEL_MAX_CHARS {
        return Err(RangeProblem::LabelTooLong { chars });
    }
    if label.trim() != label {
        return Err(RangeProblem::LabelSpaces);
    }
    if let Some(ch) = label.chars().find(|c| c.is_control()) {
        return Err(RangeProblem::LabelControlChars { ch });
    }
    if let Some(ch) = label.chars().find(|c| is_format_char(*c)) {
        return Err(RangeProblem::LabelFormatChars { ch });
    }
    Ok(())
}

/// Unicode general category Cf (format characters), Unicode 15.1: invisible
/// characters that change how the text around them is drawn. Listed here
/// rather than taken from a Unicode tables crate: the category is small and
/// changes rarely, and a tables crate would add to every page's wasm.
const FORMAT_CHARS: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),   // soft hyphen
    ('\u{0600}', '\u{0605}'),   // Arabic number signs
    ('\u{061C}', '\u{061C}'),   // Arabic letter mark (bidi)
    ('\u{06DD}', '\u{06DD}'),   // Arabic end of ayah
    ('\u{070F}', '\u{070F}'),   // Syriac abbreviation mark
    ('\u{0890}', '\u{0891}'),   // Arabic pound/piastre mark above
    ('\u{08E2}', '\u{08E2}'),   // Arabic disputed end of ayah
    ('\u{180E}', '\u{180E}'),   // Mongolian vowel separator
    ('\u{200B}', '\u{200F}'),   // zero-width space, (non-)joiners, LRM, RLM
    ('\u{202A}', '\u{202E}'),   // bidi embeddings and overrides
    ('\u{2060}', '\u{2064}'),   // word joiner, invisible operators
    ('\u{2066}', '\u{206F}'),   // bidi isolates, deprecated format controls
    ('\u{FEFF}', '\u{FEFF}'),   // zero-width no-break space (BOM)
    ('\u{FFF9}', '\u{FFFB}'),   // interlinear annotation
    ('\u{110BD}', '\u{110BD}'), // Kaithi number sign
    ('\u{110CD}', '\u{110CD}'), // Kaithi number sign above
    ('\u{13430}', '\u{1343F}'), // Egyptian hieroglyph format controls
    ('\u{1BCA0}', '\u{1BCA3}'), // shorthand format controls
    ('\u{1D173}', '\u{1D17A}'), // musical symbol format controls
    ('\u{E0001}', '\u{E0001}'), // language tag
    ('\u{E0020}', '\u{E007F}'), // tag characters
];

/// Whether `c` is a format character (general category Cf).
pub fn is_format_char(c: char) -> bool {
    FORMAT_CHARS.iter().any(|(lo, hi)| (*lo..=*hi).contains(&c))
}

impl Offer {
    /// The defaults of MODEL.md in US dollars; only the label differs
    /// between A and B.
    pub fn default_for(side: Side) -> Offer {
        Offer::default_in(side, Decimal::ONE)
    }

    /// The defaults of MODEL.md for a currency at `fx` units per dollar.
    pub fn default_in(side: Side, fx: Decimal) -> Offer {
        let mut offer = Offer {
            label: String::new(),
            base: Decimal::ZERO,
            raise: Decimal::ZERO,
            bonus: Decimal::ZERO,
            signing: Decimal::ZERO,
            equity: Decimal::ZERO,
            vest: Vec::new(),
            refresh: Decimal::ZERO,
            growth: Decimal::ZERO,
            tokens: Decimal::ZERO,
            tgrowth: Decimal::ZERO,
            personal: Decimal::ZERO,
            own: Decimal::ZERO,
            imputed: false,
            standard: Decimal::ZERO,
        };
        for field in FIELDS {
            if let Access::Offer(slot) = field.access {
                slot.set(&mut offer, field.default_value(side, fx));
            }
        }
        offer
    }

    /// The value of a per-offer field; `None` for a scenario-wide one.
    pub fn get(&self, field: FieldId) -> Option<Value> {
        match field.def().access {
            Access::Offer(slot) => Some(slot.get(self)),
            Access::Scenario(_) => None,
        }
    }

    /// Sets a per-offer field; false when the field is scenario-wide or the
    /// kind of value does not fit. The range is not checked: see [`Kind::check`].
    pub fn set(&mut self, field: FieldId, value: Value) -> bool {
        match field.def().access {
            Access::Offer(slot) => slot.set(self, value),
            Access::Scenario(_) => false,
        }
    }
}

impl Default for Scenario {
    fn default() -> Self {
        let mut scenario = Scenario {
            years: 0,
            tax: Decimal::ZERO,
            invest: Decimal::ZERO,
            cur: String::new(),
            model: String::new(),
            input: None,
            cache: None,
            decline: Decimal::ZERO,
            fx: None,
            use_per_day: Decimal::ZERO,
            days: 0,
            a: Offer::default_for(Side::A),
            b: None,
        };
        for field in FIELDS {
            if let Access::Scenario(slot) = field.access {
                slot.set(&mut scenario, field.default_value(Side::A, Decimal::ONE));
            }
        }
        scenario
    }
}

impl Scenario {
    /// The offers present, A first.
    pub fn offers(&self) -> Vec<(Side, &Offer)> {
        let mut all = vec![(Side::A, &self.a)];
        if let Some(b) = &self.b {
            all.push((Side::B, b));
        }
        all
    }

    pub fn offer(&self, side: Side) -> Option<&Offer> {
        match side {
            Side::A => Some(&self.a),
            Side::B => self.b.as_ref(),
        }
    }

    pub fn offer_mut(&mut self, side: Side) -> Option<&mut Offer> {
        match side {
            Side::A => Some(&mut self.a),
            Side::B => self.b.as_mut(),
        }
    }

    /// The value of a field; `None` for an absent offer B.
    pub fn get(&self, key: FullKey) -> Option<Value> {
        match key.def().access {
            Access::Scenario(slot) => Some(slot.get(self)),
            Access::Offer(slot) => self.offer(key.side).map(|offer| slot.get(offer)),
        }
    }

    /// The units of `cur` per US dollar: `fx` when given, else the
    /// reference rate; `None` for a currency with neither.
    pub fn fx_rate(&self) -> Option<Decimal> {
        self.fx.or_else(|| rates::reference_rate(&self.cur))
    }

    /// The rate money defaults and ranges are converted at: 1 while the
    /// rate is missing (the scenario is then invalid anyway).
    pub fn money_fx(&self) -> Decimal {
        self.fx_rate().unwrap_or(Decimal::ONE)
    }

    /// The defaults of MODEL.md for currency `cur`, with `fx` given or not.
    pub fn defaults_in(cur: &str, fx: Option<Decimal>) -> Scenario {
        let mut scenario = Scenario::default();
        scenario.set(FullKey::a(FieldId::Cur), Value::Text(cur.to_string()));
        scenario.set(
            FullKey::a(FieldId::Fx),
            fx.map_or(Value::Auto, Value::Number),
        );
        scenario
    }

    /// Sets a field. Setting a field of offer B creates offer B from its
    /// defaults. Setting `cur` or `fx` moves every money field still at its
    /// default to the default in the new currency (MODEL.md, "Currencies"),
    /// so `cur` and `fx` are set before money fields. False when the kind
    /// of value does not fit; the range is not checked here.
    pub fn set(&mut self, key: FullKey, value: Value) -> bool {
        let fx_before = self.money_fx();
        let done = match key.def().access {
            Access::Scenario(slot) => slot.set(self, value),
            Access::Offer(slot) => {
                let fx = self.money_fx();
                let offer = match key.side {
                    Side::A => &mut self.a,
                    Side::B => self.b.get_or_insert_with(|| Offer::default_in(Side::B, fx)),
                };
                slot.set(offer, value)
            }
        };
        if done && matches!(key.field, FieldId::Cur | FieldId::Fx) {
            self.follow_currency(fx_before);
        }
        done
    }

    /// Money fields at their default for `fx_before` take the default for
    /// the current rate.
    fn follow_currency(&mut self, fx_before: Decimal) {
        let fx_after = self.money_fx();
        if fx_after == fx_before {
            return;
        }
        let sides: Vec<Side> = self.offers().into_iter().map(|(side, _)| side).collect();
        for field in FIELDS {
            if !matches!(field.default, FieldDefault::Money(_)) {
                continue;
            }
            for side in &sides {
                let key = FullKey::of(*side, field.id);
                if self.get(key) != Some(field.default_value(*side, fx_before)) {
                    continue;
                }
                let value = field.default_value(*side, fx_after);
                match field.access {
                    Access::Scenario(slot) => {
                        slot.set(self, value);
                    }
                    Access::Offer(slot) => {
                        if let Some(offer) = self.offer_mut(*side) {
                            slot.set(offer, value);
                        }
                    }
                }
            }
        }
    }

    /// Every field out of its accepted range, in field order, with why.
    pub fn problems(&self) -> Vec<(FullKey, RangeProblem)> {
        let fx = self.money_fx();
        let mut bad = Vec::new();
        for (side, _) in self.offers() {
            for field in FIELDS {
                if side == Side::B && !field.id.per_offer() {
                    continue;
                }
                let key = FullKey {
                    side,
                    field: field.id,
                };
                let checked = match self.get(key) {
                    Some(value) => field.kind.check(&value, fx),
                    None => Err(RangeProblem::WrongKind),
                };
                if let Err(problem) = checked {
                    bad.push((key, problem));
                }
                if field.id == FieldId::Fx
                    && self.fx_rate().is_none()
                    && currency::is_known(&self.cur)
                {
                    let currency = self.cur.clone();
                    bad.push((key, RangeProblem::FxMissing { currency }));
                }
            }
        }
        bad
    }

    /// Every field out of its accepted range, in field order.
    pub fn invalid_keys(&self) -> Vec<FullKey> {
        self.problems().into_iter().map(|(key, _)| key).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_fits_its_field_and_reads_back() {
        let s = Scenario::default();
        assert!(s.problems().is_empty(), "{:?}", s.problems());
        for field in FIELDS {
            let key = FullKey::a(field.id);
            assert_eq!(
                s.get(key),
                Some(field.default_value(Side::A, Decimal::ONE)),
                "{}",
                field.key
            );
        }
    }

    #[test]
    fn keys_parse_and_print_back() {
        for field in FIELDS {
            let a = FullKey::a(field.id);
            assert_eq!(FullKey::parse(&a.to_string()), Ok(a));
            let b = FullKey::of(Side::B, field.id);
            assert_eq!(FullKey::parse(&b.to_string()), Ok(b));
        }
        assert_eq!(
            FullKey::parse("b.years"),
            Err(KeyProblem::NoOfferB(FieldId::Years))
        );
        assert_eq!(FullKey::parse("colour"), Err(KeyProblem::Unknown));
    }

    #[test]
    fn format_chars_cover_the_bidi_controls_and_zero_width_characters() {
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200B}', '\u{FEFF}', '\u{2060}',
        ] {
            assert!(is_format_char(c), "{:X}", c as u32);
        }
        for c in ['a', ' ', 'é', '€', '\u{2065}', '\u{2010}'] {
            assert!(!is_format_char(c), "{:X}", c as u32);
        }
    }
}
