//! The per-year projection of one offer, its totals, ratios and flags
//! (MODEL.md, "Per year" and "Totals and ratios").
//!
//! Every operation is checked: a figure too large for `Decimal` becomes a
//! `ComputeError`, never a panic. Formulas are evaluated left to right as
//! MODEL.md writes them, so results agree with it to the last digit.

use std::fmt;

use rust_decimal::Decimal;

use super::input::{FieldId, FullKey, Offer, Scenario, Side};
use super::prices::{self, Preset};

/// Why a scenario could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComputeError {
    /// Fields out of range (full keys such as `b.base`). The codec names the
    /// reason; this only guards scenarios built in code.
    Invalid { keys: Vec<FullKey> },
    /// A figure grew beyond what `Decimal` holds.
    Overflow {
        offer: String,
        year: u32,
        figure: &'static str,
    },
}

impl fmt::Display for ComputeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ComputeError::Invalid { keys } => {
                let keys: Vec<String> = keys.iter().map(FullKey::to_string).collect();
                write!(f, "these inputs are out of range: {}", keys.join(", "))
            }
            ComputeError::Overflow {
                offer,
                year,
                figure,
            } => write!(
                f,
                "{offer}, year {year}: {figure} is too large to compute; lower the growth rates or the price decline"
            ),
        }
    }
}

impl std::error::Error for ComputeError {}

/// A failed checked operation; the caller says which figure it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Overflow;

type Checked = Result<Decimal, Overflow>;

fn add(a: Decimal, b: Decimal) -> Checked {
    a.checked_add(b).ok_or(Overflow)
}
fn sub(a: Decimal, b: Decimal) -> Checked {
    a.checked_sub(b).ok_or(Overflow)
}
fn mul(a: Decimal, b: Decimal) -> Checked {
    a.checked_mul(b).ok_or(Overflow)
}
fn div(a: Decimal, b: Decimal) -> Checked {
    a.checked_div(b).ok_or(Overflow)
}
/// `base^n` by repeated multiplication, as MODEL.md requires.
fn pow(base: Decimal, n: u32) -> Checked {
    (0..n).try_fold(Decimal::ONE, |acc, _| mul(acc, base))
}
/// A percent as a fraction: 20 -> 0.20.
fn fraction(percent: Decimal) -> Decimal {
    // Dividing a value with at most 4 decimals by 100 is always exact.
    percent / Decimal::ONE_HUNDRED
}

const DAYS_PER_YEAR: Decimal = Decimal::from_parts(365, 0, 0, false, 0);
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Plain-language signals about an offer (MODEL.md, "Flags").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    OneInFive,
    HalfOfBase,
    ExceedsBase,
    NoPersonalUse,
    RelabelledTooling,
    /// The budget is at least twice what a daily coding-agent user spends
    /// in a year.
    BeyondUse,
}

impl Flag {
    /// The id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Flag::OneInFive => "one_in_five",
            Flag::HalfOfBase => "half_of_base",
            Flag::ExceedsBase => "exceeds_base",
            Flag::NoPersonalUse => "no_personal_use",
            Flag::RelabelledTooling => "relabelled_tooling",
            Flag::BeyondUse => "beyond_use",
        }
    }
}

/// One year of one offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub year: u32,
    pub base: Decimal,
    pub bonus: Decimal,
    pub signing: Decimal,
    pub equity: Decimal,
    pub tokens: Decimal,
    pub headline: Decimal,
    pub cash: Decimal,
    /// The part of the budget you may use for yourself.
    pub allowance: Decimal,
    /// The part of the allowance you would have paid for anyway.
    pub personal: Decimal,
    pub imputed_tax: Decimal,
    pub token_value: Decimal,
    pub worth: Decimal,
    pub new_money: Decimal,
    /// Price per million tokens this year in the scenario's currency, after
    /// the price decline.
    pub price_per_million: Decimal,
    pub tokens_per_day: Decimal,
}

/// One offer over the whole horizon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferProjection {
    pub side: Side,
    pub label: String,
    pub years: Vec<Year>,
    pub headline_total: Decimal,
    pub worth_total: Decimal,
    pub fv_total: Decimal,
    pub tokens_total: Decimal,
    pub token_value_total: Decimal,
    pub compute_share: Decimal,
    pub compute_to_base: Option<Decimal>,
    pub token_keep_ratio: Option<Decimal>,
    pub cash_equivalent: Decimal,
    /// Year-1 budget over what a daily coding-agent user spends in a year;
    /// `None` when that is 0.
    pub use_multiple: Option<Decimal>,
    pub flags: Vec<Flag>,
}

impl OfferProjection {
    /// Year 1, which every offer has (the horizon is at least one year).
    pub fn first_year(&self) -> Option<&Year> {
        self.years.first()
    }
}

/// Two offers side by side: B minus A.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub delta_headline: Decimal,
    pub delta_worth: Decimal,
    pub delta_fv: Decimal,
    /// The bigger headline is the smaller real offer.
    pub headline_misleads: bool,
}

impl Comparison {
    /// The offer worth more to the reader over the horizon; `None` on a tie.
    pub fn better(&self) -> Option<Side> {
        if self.delta_worth > Decimal::ZERO {
            Some(Side::B)
        } else if self.delta_worth < Decimal::ZERO {
            Some(Side::A)
        } else {
            None
        }
    }
}

/// The whole result of a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    pub model: &'static Preset,
    /// The ISO 4217 code every amount is in.
    pub currency: String,
    /// Units of the currency per US dollar used to price tokens.
    pub fx: Decimal,
    /// Price per million tokens in year 1 for the scenario's token mix, in
    /// the scenario's currency.
    pub blended_per_million: Decimal,
    /// What a daily coding-agent user spends in a year: `use * days`.
    pub use_year: Decimal,
    pub offers: Vec<OfferProjection>,
    pub compare: Option<Comparison>,
}

/// Runs the model on a scenario.
pub fn project(scenario: &Scenario) -> Result<Projection, ComputeError> {
    let keys = scenario.invalid_keys();
    if !keys.is_empty() {
        return Err(ComputeError::Invalid { keys });
    }
    let model = prices::preset(&scenario.model).ok_or_else(|| ComputeError::Invalid {
        keys: vec![FullKey::a(FieldId::Model)],
    })?;
    let fx = scenario.fx_rate().ok_or_else(|| ComputeError::Invalid {
        keys: vec![FullKey::a(FieldId::Fx)],
    })?;
    let input = scenario.input.unwrap_or(model.default_input_share);
    let cache = scenario.cache.unwrap_or(model.default_cache_share);
    let scenario_overflow = |figure: &'static str| ComputeError::Overflow {
        offer: "the scenario".to_string(),
        year: 1,
        figure,
    };
    let blended_per_million = mul(model.blended_per_million(input, cache), fx)
        .map_err(|Overflow| scenario_overflow("the price per token"))?;
    let use_year = mul(scenario.use_per_day, Decimal::from(scenario.days))
        .map_err(|Overflow| scenario_overflow("the yearly use"))?;

    let offers = scenario
        .offers()
        .into_iter()
        .map(|(side, offer)| project_offer(scenario, side, offer, blended_per_million, use_year))
        .collect::<Result<Vec<_>, _>>()?;
    let compare = match offers.as_slice() {
        [a, b] => Some(compare(a, b).map_err(|Overflow| ComputeError::Overflow {
            offer: "the comparison".to_string(),
            year: scenario.years,
            figure: "the difference",
        })?),
        _ => None,
    };
    Ok(Projection {
        model,
        currency: scenario.cur.clone(),
        fx,
        blended_per_million,
        use_year,
        offers,
        compare,
    })
}

fn project_offer(
    scenario: &Scenario,
    side: Side,
    offer: &Offer,
    blended_per_million: Decimal,
    use_year: Decimal,
) -> Result<OfferProjection, ComputeError> {
    let overflow = |year: u32, figure: &'static str| ComputeError::Overflow {
        offer: offer.label.clone(),
        year,
        figure,
    };
    let mut years = Vec::with_capacity(scenario.years as usize);
    for y in 1..=scenario.years {
        years.push(project_year(scenario, offer, blended_per_million, y)?);
    }
    let years_n = scenario.years;
    let sum = |pick: fn(&Year) -> Decimal, figure: &'static str| {
        years
            .iter()
            .try_fold(Decimal::ZERO, |acc, year| add(acc, pick(year)))
            .map_err(|Overflow| overflow(years_n, figure))
    };
    let headline_total = sum(|y| y.headline, "the headline total")?;
    let worth_total = sum(|y| y.worth, "the worth total")?;
    let tokens_total = sum(|y| y.tokens, "the token total")?;
    let token_value_total = sum(|y| y.token_value, "the token value total")?;

    let invest = Decimal::ONE + fraction(scenario.invest);
    let fv_total = years
        .iter()
        .try_fold(Decimal::ZERO, |acc, year| {
            add(acc, mul(year.worth, pow(invest, years_n - year.year)?)?)
        })
        .map_err(|Overflow| overflow(years_n, "the invested value"))?;

    let ratio_error = |Overflow| overflow(1, "a ratio");
    let (tokens_1, headline_1, base_1, token_value_1) = match years.first() {
        Some(first) => (first.tokens, first.headline, first.base, first.token_value),
        None => Default::default(),
    };
    let compute_share = if headline_1.is_zero() {
        Decimal::ZERO
    } else {
        div(tokens_1, headline_1).map_err(ratio_error)?
    };
    let compute_to_base = if base_1.is_zero() {
        None
    } else {
        Some(div(tokens_1, base_1).map_err(ratio_error)?)
    };
    let token_keep_ratio = if tokens_total.is_zero() {
        None
    } else {
        Some(div(token_value_total, tokens_total).map_err(ratio_error)?)
    };
    // tax is at most 99 %, so 1 - tax is never zero.
    let cash_equivalent =
        div(token_value_1, Decimal::ONE - fraction(scenario.tax)).map_err(ratio_error)?;
    let use_multiple = if use_year.is_zero() {
        None
    } else {
        Some(div(tokens_1, use_year).map_err(ratio_error)?)
    };

    let mut flags = Vec::new();
    if compute_share >= Decimal::new(20, 2) {
        flags.push(Flag::OneInFive);
    }
    if compute_to_base.is_some_and(|r| r >= Decimal::new(50, 2)) {
        flags.push(Flag::HalfOfBase);
    }
    if compute_to_base.is_some_and(|r| r >= Decimal::ONE) {
        flags.push(Flag::ExceedsBase);
    }
    if tokens_1 > Decimal::ZERO && offer.personal.is_zero() {
        flags.push(Flag::NoPersonalUse);
    }
    if tokens_1 > Decimal::ZERO && offer.standard >= tokens_1 {
        flags.push(Flag::RelabelledTooling);
    }
    // use_year is at most 1e6 * fx * 366, so doubling it cannot overflow.
    if use_year > Decimal::ZERO && tokens_1 >= use_year * Decimal::TWO {
        flags.push(Flag::BeyondUse);
    }

    Ok(OfferProjection {
        side,
        label: offer.label.clone(),
        years,
        headline_total,
        worth_total,
        fv_total,
        tokens_total,
        token_value_total,
        compute_share,
        compute_to_base,
        token_keep_ratio,
        cash_equivalent,
        use_multiple,
        flags,
    })
}

fn project_year(
    scenario: &Scenario,
    offer: &Offer,
    blended_per_million: Decimal,
    y: u32,
) -> Result<Year, ComputeError> {
    // The label is cloned only when an overflow actually happens.
    let at = |figure: &'static str| {
        move |Overflow| ComputeError::Overflow {
            offer: offer.label.clone(),
            year: y,
            figure,
        }
    };
    let one = Decimal::ONE;
    let tax = fraction(scenario.tax);

    let base = mul(
        offer.base,
        pow(one + fraction(offer.raise), y - 1).map_err(at("base"))?,
    )
    .map_err(at("base"))?;
    let bonus = mul(base, fraction(offer.bonus)).map_err(at("bonus"))?;
    let signing = if y == 1 { offer.signing } else { Decimal::ZERO };
    let equity = equity_in_year(offer, y).map_err(at("equity"))?;
    let tokens = mul(
        offer.tokens,
        pow(one + fraction(offer.tgrowth), y - 1).map_err(at("token budget"))?,
    )
    .map_err(at("token budget"))?;
    let cash = [bonus, signing, equity]
        .into_iter()
        .try_fold(base, add)
        .map_err(at("cash pay"))?;
    let headline = add(cash, tokens).map_err(at("headline"))?;

    let allowance = mul(tokens, fraction(offer.personal)).map_err(at("allowance"))?;
    let personal = allowance.min(offer.own);
    let imputed_tax = if offer.imputed {
        mul(personal, tax).map_err(at("imputed tax"))?
    } else {
        Decimal::ZERO
    };
    let token_value = personal - imputed_tax;
    let worth = mul(cash, one - tax)
        .and_then(|after_tax| add(after_tax, token_value))
        .map_err(at("worth"))?;
    let new_money = sub(tokens, offer.standard)
        .map_err(at("new money"))?
        .max(Decimal::ZERO);

    let price_per_million = mul(
        blended_per_million,
        pow(one - fraction(scenario.decline), y - 1).map_err(at("price"))?,
    )
    .map_err(at("price"))?;
    // Divide by the price per million, then scale: dividing by a tiny price
    // per token would lose significant digits.
    let tokens_per_day = if price_per_million.is_zero() {
        Decimal::ZERO
    } else {
        div(tokens, price_per_million)
            .and_then(|millions| mul(millions, MILLION))
            .and_then(|count| div(count, DAYS_PER_YEAR))
            .map_err(at("tokens per day"))?
    };

    Ok(Year {
        year: y,
        base,
        bonus,
        signing,
        equity,
        tokens,
        headline,
        cash,
        allowance,
        personal,
        imputed_tax,
        token_value,
        worth,
        new_money,
        price_per_million,
        tokens_per_day,
    })
}

/// Equity vesting in year `y`: the initial grant's tranche plus the tranches of
/// every refresher granted at the end of an earlier year, each grown from its
/// grant to the end of year `y`.
fn equity_in_year(offer: &Offer, y: u32) -> Checked {
    let tranche = |k: u32| -> Decimal {
        // vest[i] is 0 beyond the schedule.
        offer
            .vest
            .get(k as usize)
            .map_or(Decimal::ZERO, |v| fraction(*v))
    };
    let growth = Decimal::ONE + fraction(offer.growth);
    let mut equity = mul(mul(offer.equity, tranche(y - 1))?, pow(growth, y)?)?;
    for k in 1..y {
        let refresher = mul(mul(offer.refresh, tranche(y - 1 - k))?, pow(growth, y - k)?)?;
        equity = add(equity, refresher)?;
    }
    Ok(equity)
}

fn compare(a: &OfferProjection, b: &OfferProjection) -> Result<Comparison, Overflow> {
    let delta_headline = sub(b.headline_total, a.headline_total)?;
    let delta_worth = sub(b.worth_total, a.worth_total)?;
    let delta_fv = sub(b.fv_total, a.fv_total)?;
    let sign = |d: Decimal| d.cmp(&Decimal::ZERO);
    let headline_misleads = !delta_headline.is_zero()
        && !delta_worth.is_zero()
        && sign(delta_headline) != sign(delta_worth);
    Ok(Comparison {
        delta_headline,
        delta_worth,
        delta_fv,
        headline_misleads,
    })
}
