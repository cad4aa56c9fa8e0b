//! The inputs of the model: a `Scenario` with one or two `Offer`s, their
//! defaults, and the accepted range of every field (MODEL.md, "Inputs").
//!
//! Percent fields hold the number the reader typed (20 means 20 %); the
//! projection turns them into fractions.

use rust_decimal::Decimal;

use super::{currency, prices};

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
    pub a: Offer,
    pub b: Option<Offer>,
}

/// Which offer a per-offer field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

impl Offer {
    /// The defaults of MODEL.md; only the label differs between A and B.
    pub fn default_for(side: Side) -> Offer {
        Offer {
            label: match side {
                Side::A => "Offer A".to_string(),
                Side::B => "Offer B".to_string(),
            },
            base: Decimal::from(375_000),
            raise: Decimal::from(3),
            bonus: Decimal::ZERO,
            signing: Decimal::ZERO,
            equity: Decimal::ZERO,
            vest: vec![Decimal::from(25); 4],
            refresh: Decimal::ZERO,
            growth: Decimal::ZERO,
            tokens: Decimal::from(100_000),
            tgrowth: Decimal::ZERO,
            personal: Decimal::ZERO,
            own: Decimal::from(2_400),
            imputed: true,
            standard: Decimal::ZERO,
        }
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            years: 4,
            tax: Decimal::ZERO,
            invest: Decimal::from(5),
            cur: "USD".to_string(),
            model: prices::DEFAULT_PRESET.to_string(),
            input: None,
            cache: None,
            decline: Decimal::ZERO,
            a: Offer::default_for(Side::A),
            b: None,
        }
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
}

/// What kind of value a field holds, with its accepted range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Money from 0 to `max`, at most 2 decimals.
    Money { max: i64 },
    /// A percent from `min` to `max`.
    Percent { min: i64, max: i64 },
    /// A whole number of years.
    Years { min: u32, max: u32 },
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
}

/// A field of the scenario: its query key, its name for people, its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The key in query strings (offer B adds the `b.` prefix).
    pub key: &'static str,
    /// The field's name as the reader sees it.
    pub name: &'static str,
    pub kind: Kind,
    /// True when each offer has its own value.
    pub per_offer: bool,
}

/// Decimal places accepted in a percent (or a vesting entry).
pub const PERCENT_DECIMALS: u32 = 4;
/// Decimal places accepted in money, after `k`/`m` scaling.
pub const MONEY_DECIMALS: u32 = 2;
/// Most and fewest entries in a vesting schedule.
pub const VEST_ENTRIES: (usize, usize) = (1, 10);
/// Most characters in a label.
pub const LABEL_MAX_CHARS: usize = 40;

const fn scenario(key: &'static str, name: &'static str, kind: Kind) -> Field {
    Field {
        key,
        name,
        kind,
        per_offer: false,
    }
}

const fn offer(key: &'static str, name: &'static str, kind: Kind) -> Field {
    Field {
        key,
        name,
        kind,
        per_offer: true,
    }
}

const MONEY: Kind = Kind::Money { max: 1_000_000_000 };
const BIG_MONEY: Kind = Kind::Money {
    max: 10_000_000_000,
};

/// Every field, in the order links are written.
pub const FIELDS: &[Field] = &[
    scenario("years", "Horizon", Kind::Years { min: 1, max: 10 }),
    scenario("tax", "Tax rate", Kind::Percent { min: 0, max: 99 }),
    scenario(
        "invest",
        "Return on invested money",
        Kind::Percent { min: -50, max: 50 },
    ),
    scenario("cur", "Currency", Kind::Currency),
    scenario("model", "AI model", Kind::Model),
    scenario(
        "input",
        "Input token share",
        Kind::Percent { min: 0, max: 100 },
    ),
    scenario(
        "cache",
        "Cache read share",
        Kind::Percent { min: 0, max: 100 },
    ),
    scenario(
        "decline",
        "Yearly price decline",
        Kind::Percent { min: 0, max: 99 },
    ),
    offer("label", "Offer name", Kind::Label),
    offer("base", "Base salary", MONEY),
    offer(
        "raise",
        "Yearly raise",
        Kind::Percent { min: -50, max: 100 },
    ),
    offer("bonus", "Target bonus", Kind::Percent { min: 0, max: 200 }),
    offer("signing", "Signing bonus", MONEY),
    offer("equity", "Equity grant", BIG_MONEY),
    offer("vest", "Vesting schedule", Kind::Vest),
    offer("refresh", "Yearly refresher grant", BIG_MONEY),
    offer(
        "growth",
        "Equity growth",
        Kind::Percent {
            min: -100,
            max: 1000,
        },
    ),
    offer("tokens", "Token budget", MONEY),
    offer(
        "tgrowth",
        "Token budget growth",
        Kind::Percent {
            min: -100,
            max: 1000,
        },
    ),
    offer(
        "personal",
        "Personal use allowed",
        Kind::Percent { min: 0, max: 100 },
    ),
    offer("own", "Your own AI spend", MONEY),
    offer("imputed", "Personal use taxed", Kind::Bool),
    offer("standard", "Tooling everyone gets", MONEY),
];

/// The field with this bare key (no `b.` prefix).
pub fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// Whether a label is acceptable: trimmed, 1..=40 characters, no control characters.
pub fn label_is_valid(label: &str) -> bool {
    let chars = label.chars().count();
    (1..=LABEL_MAX_CHARS).contains(&chars)
        && label.trim() == label
        && !label.chars().any(char::is_control)
}

/// A field's value, whatever its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Money or percent.
    Number(Decimal),
    Years(u32),
    Bool(bool),
    Vest(Vec<Decimal>),
    /// Label, currency or model id.
    Text(String),
    /// Input or cache share left to the price preset.
    PresetDefault,
}

impl Kind {
    /// Whether `value` is in this kind's accepted range. The codec says why not.
    pub fn accepts(&self, value: &Value) -> bool {
        match (self, value) {
            (Kind::Money { max }, Value::Number(d)) => {
                *d >= Decimal::ZERO
                    && *d <= Decimal::from(*max)
                    && d.normalize().scale() <= MONEY_DECIMALS
            }
            (Kind::Percent { min, max }, Value::Number(d)) => {
                *d >= Decimal::from(*min)
                    && *d <= Decimal::from(*max)
                    && d.normalize().scale() <= PERCENT_DECIMALS
            }
            (Kind::Percent { .. }, Value::PresetDefault) => true,
            (Kind::Years { min, max }, Value::Years(y)) => (*min..=*max).contains(y),
            (Kind::Bool, Value::Bool(_)) => true,
            (Kind::Vest, Value::Vest(v)) => vest_is_valid(v),
            (Kind::Label, Value::Text(t)) => label_is_valid(t),
            (Kind::Currency, Value::Text(t)) => currency::is_known(t),
            (Kind::Model, Value::Text(t)) => prices::preset(t).is_some(),
            _ => false,
        }
    }
}

/// A vesting schedule: 1..=10 entries, each >= 0 with at most 4 decimals,
/// summing to 100 within 0.01.
pub fn vest_is_valid(vest: &[Decimal]) -> bool {
    let (fewest, most) = VEST_ENTRIES;
    if !(fewest..=most).contains(&vest.len()) {
        return false;
    }
    if vest
        .iter()
        .any(|v| *v < Decimal::ZERO || v.normalize().scale() > PERCENT_DECIMALS)
    {
        return false;
    }
    let sum: Decimal = vest.iter().sum();
    (sum - Decimal::ONE_HUNDRED).abs() <= Decimal::new(1, 2)
}

impl Offer {
    /// The value of a per-offer field, by bare key.
    pub fn get(&self, key: &str) -> Option<Value> {
        let n = |d: &Decimal| Some(Value::Number(*d));
        match key {
            "label" => Some(Value::Text(self.label.clone())),
            "base" => n(&self.base),
            "raise" => n(&self.raise),
            "bonus" => n(&self.bonus),
            "signing" => n(&self.signing),
            "equity" => n(&self.equity),
            "vest" => Some(Value::Vest(self.vest.clone())),
            "refresh" => n(&self.refresh),
            "growth" => n(&self.growth),
            "tokens" => n(&self.tokens),
            "tgrowth" => n(&self.tgrowth),
            "personal" => n(&self.personal),
            "own" => n(&self.own),
            "imputed" => Some(Value::Bool(self.imputed)),
            "standard" => n(&self.standard),
            _ => None,
        }
    }

    /// Sets a per-offer field; false when the key or the kind of value does not fit.
    /// It does not check the range: see [`Kind::accepts`].
    pub fn set(&mut self, key: &str, value: Value) -> bool {
        let slot = match (key, value) {
            ("label", Value::Text(t)) => {
                self.label = t;
                return true;
            }
            ("vest", Value::Vest(v)) => {
                self.vest = v;
                return true;
            }
            ("imputed", Value::Bool(b)) => {
                self.imputed = b;
                return true;
            }
            (key, Value::Number(d)) => (self.number_mut(key), d),
            _ => return false,
        };
        match slot {
            (Some(place), d) => {
                *place = d;
                true
            }
            (None, _) => false,
        }
    }

    fn number_mut(&mut self, key: &str) -> Option<&mut Decimal> {
        Some(match key {
            "base" => &mut self.base,
            "raise" => &mut self.raise,
            "bonus" => &mut self.bonus,
            "signing" => &mut self.signing,
            "equity" => &mut self.equity,
            "refresh" => &mut self.refresh,
            "growth" => &mut self.growth,
            "tokens" => &mut self.tokens,
            "tgrowth" => &mut self.tgrowth,
            "personal" => &mut self.personal,
            "own" => &mut self.own,
            "standard" => &mut self.standard,
            _ => return None,
        })
    }
}

impl Scenario {
    /// The value of a field by full key (`base`, `b.base`, `years`);
    /// `None` for an unknown key or an absent offer B.
    pub fn get(&self, full_key: &str) -> Option<Value> {
        let (side, key) = split_key(full_key);
        let field = field(key)?;
        if field.per_offer {
            return self.offer(side)?.get(key);
        }
        if side == Side::B {
            return None;
        }
        let share = |s: &Option<Decimal>| Some(s.map_or(Value::PresetDefault, Value::Number));
        match key {
            "years" => Some(Value::Years(self.years)),
            "tax" => Some(Value::Number(self.tax)),
            "invest" => Some(Value::Number(self.invest)),
            "cur" => Some(Value::Text(self.cur.clone())),
            "model" => Some(Value::Text(self.model.clone())),
            "input" => share(&self.input),
            "cache" => share(&self.cache),
            "decline" => Some(Value::Number(self.decline)),
            _ => None,
        }
    }

    /// Sets a field by full key. Setting a `b.` key creates offer B from its
    /// defaults. False when the key or the kind of value does not fit; the
    /// range is not checked here.
    pub fn set(&mut self, full_key: &str, value: Value) -> bool {
        let (side, key) = split_key(full_key);
        let Some(field) = field(key) else {
            return false;
        };
        if field.per_offer {
            if side == Side::B && self.b.is_none() {
                self.b = Some(Offer::default_for(Side::B));
            }
            return match self.offer_mut(side) {
                Some(offer) => offer.set(key, value),
                None => false,
            };
        }
        if side == Side::B {
            return false;
        }
        match (key, value) {
            ("years", Value::Years(y)) => self.years = y,
            ("tax", Value::Number(d)) => self.tax = d,
            ("invest", Value::Number(d)) => self.invest = d,
            ("cur", Value::Text(t)) => self.cur = t,
            ("model", Value::Text(t)) => self.model = t,
            ("input", Value::Number(d)) => self.input = Some(d),
            ("input", Value::PresetDefault) => self.input = None,
            ("cache", Value::Number(d)) => self.cache = Some(d),
            ("cache", Value::PresetDefault) => self.cache = None,
            ("decline", Value::Number(d)) => self.decline = d,
            _ => return false,
        }
        true
    }

    /// Every full key whose value is out of its accepted range, in field order.
    pub fn invalid_keys(&self) -> Vec<String> {
        let mut bad = Vec::new();
        for (side, _) in self.offers() {
            for field in FIELDS {
                if side == Side::B && !field.per_offer {
                    continue;
                }
                let full = format!("{}{}", side.prefix(), field.key);
                match self.get(&full) {
                    Some(value) if field.kind.accepts(&value) => {}
                    _ => bad.push(full),
                }
            }
        }
        bad
    }
}

/// Splits `b.base` into (B, "base") and `base` into (A, "base").
pub fn split_key(full_key: &str) -> (Side, &str) {
    match full_key.strip_prefix("b.") {
        Some(rest) => (Side::B, rest),
        None => (Side::A, full_key),
    }
}
