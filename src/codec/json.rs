//! The JSON result of MODEL.md: money and ratios as exact decimal strings
//! (no rounding), ratios as fractions. Shared by the CLI's `--json` and the
//! JS API's `compute`.

use serde::Serialize;

use crate::model::{Comparison, OfferProjection, Projection, Year};

use super::money::plain_number;

/// Version of the result format.
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultJson {
    pub version: u32,
    pub model: String,
    pub currency: String,
    pub fx: String,
    pub blended_per_million: String,
    pub use_year: String,
    pub offers: Vec<OfferJson>,
    pub compare: Option<CompareJson>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfferJson {
    pub label: String,
    pub years: Vec<YearJson>,
    pub headline_total: String,
    pub worth_total: String,
    pub fv_total: String,
    pub tokens_total: String,
    pub token_value_total: String,
    pub compute_share: String,
    pub compute_to_base: Option<String>,
    pub token_keep_ratio: Option<String>,
    pub cash_equivalent: String,
    pub use_multiple: Option<String>,
    pub flags: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearJson {
    pub year: u32,
    pub base: String,
    pub bonus: String,
    pub signing: String,
    pub equity: String,
    pub tokens: String,
    pub headline: String,
    pub cash: String,
    pub token_value: String,
    pub worth: String,
    pub new_money: String,
    pub tokens_per_day: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompareJson {
    pub delta_headline: String,
    pub delta_worth: String,
    pub delta_fv: String,
    pub headline_misleads: bool,
}

/// The JSON shape of a projection.
pub fn result(projection: &Projection) -> ResultJson {
    ResultJson {
        version: VERSION,
        model: projection.model.id.to_string(),
        currency: projection.currency.clone(),
        fx: plain_number(projection.fx),
        blended_per_million: plain_number(projection.blended_per_million),
        use_year: plain_number(projection.use_year),
        offers: projection.offers.iter().map(offer).collect(),
        compare: projection.compare.as_ref().map(compare),
    }
}

fn offer(o: &OfferProjection) -> OfferJson {
    OfferJson {
        label: o.label.clone(),
        years: o.years.iter().map(year).collect(),
        headline_total: plain_number(o.headline_total),
        worth_total: plain_number(o.worth_total),
        fv_total: plain_number(o.fv_total),
        tokens_total: plain_number(o.tokens_total),
        token_value_total: plain_number(o.token_value_total),
        compute_share: plain_number(o.compute_share),
        compute_to_base: o.compute_to_base.map(plain_number),
        token_keep_ratio: o.token_keep_ratio.map(plain_number),
        cash_equivalent: plain_number(o.cash_equivalent),
        use_multiple: o.use_multiple.map(plain_number),
        flags: o.flags.iter().map(|f| f.id()).collect(),
    }
}

fn year(y: &Year) -> YearJson {
    YearJson {
        year: y.year,
        base: plain_number(y.base),
        bonus: plain_number(y.bonus),
        signing: plain_number(y.signing),
        equity: plain_number(y.equity),
        tokens: plain_number(y.tokens),
        headline: plain_number(y.headline),
        cash: plain_number(y.cash),
        token_value: plain_number(y.token_value),
        worth: plain_number(y.worth),
        new_money: plain_number(y.new_money),
        tokens_per_day: plain_number(y.tokens_per_day),
    }
}

fn compare(c: &Comparison) -> CompareJson {
    CompareJson {
        delta_headline: plain_number(c.delta_headline),
        delta_worth: plain_number(c.delta_worth),
        delta_fv: plain_number(c.delta_fv),
        headline_misleads: c.headline_misleads,
    }
}
