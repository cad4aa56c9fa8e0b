//! Plain-language text about a projection, shared by the CLI and the UI:
//! flag explanations, the verdict, rounding for display. It never computes
//! money; it only rounds and words what the model computed.

use rust_decimal::Decimal;

use crate::model::{Flag, Projection, Side};
use crate::numbers::{shown_difference, whole};

/// Tokens in an essay or a writing afternoon (from the public debate).
pub const TOKENS_PER_ESSAY: i64 = 10_000;

/// Essays (10,000 tokens each) a number of tokens is worth, whole.
pub fn essays(tokens: Decimal) -> Decimal {
    whole(tokens / Decimal::from(TOKENS_PER_ESSAY))
}

/// One line saying what a flag means for the reader.
pub fn flag_text(flag: Flag) -> &'static str {
    match flag {
        Flag::OneInFive => {
            "One dollar in five of this package, or more, is compute rather than pay."
        }
        Flag::HalfOfBase => "The token budget is at least half the base salary again.",
        Flag::ExceedsBase => {
            "The token budget matches or exceeds the base salary: at this spend, compute competes with headcount."
        }
        Flag::NoPersonalUse => {
            "You may not use any of the budget for yourself, so none of it is pay you keep."
        }
        Flag::RelabelledTooling => {
            "Every engineer gets this much tooling anyway: the budget is relabelled tooling, not new money."
        }
        Flag::BeyondUse => {
            "The budget is at least twice what an engineer using a coding agent every working day spends in a year: you may not be able to use it, whatever it is worth on paper."
        }
    }
}

/// The verdict sentence. `money` formats an amount already rounded for
/// display, `percent` a fraction (0.79 as "79%"), in the reader's locale.
pub fn verdict(
    projection: &Projection,
    years: u32,
    money: &dyn Fn(Decimal) -> String,
    percent: &dyn Fn(Decimal) -> String,
) -> String {
    let span = if years == 1 {
        "in the first year".to_string()
    } else {
        format!("over {years} years")
    };
    match (projection.offers.as_slice(), &projection.compare) {
        ([a, b], Some(c)) => {
            let (winner, loser) = match c.better() {
                Some(Side::B) => (b, a),
                Some(Side::A) => (a, b),
                None => {
                    return format!(
                        "{} and {} are worth the same to you {span}.",
                        a.label, b.label
                    )
                }
            };
            let mut text = format!(
                "{} is worth {} more to you {span}.",
                winner.label,
                money(shown_difference(a.worth_total, b.worth_total).abs())
            );
            if c.headline_misleads {
                text.push_str(&format!(
                    " {} has the bigger headline, by {}, but it is the smaller real offer.",
                    loser.label,
                    money(shown_difference(a.headline_total, b.headline_total).abs())
                ));
            }
            text
        }
        ([a, ..], _) => {
            let kept = if a.headline_total.is_zero() {
                Decimal::ZERO
            } else {
                a.worth_total / a.headline_total
            };
            format!(
                "The offer says {} {span}; it is worth {} to you, {} of the headline. The tokens add {} to the headline and {} to what you keep.",
                money(whole(a.headline_total)),
                money(whole(a.worth_total)),
                percent(kept),
                money(whole(a.tokens_total)),
                money(whole(a.token_value_total))
            )
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{codec, model::project, numbers::plain_money};

    /// The verdict's amount is the difference of the totals as the table
    /// shows them: 200,000 − 100,001 = 99,999 (the whole of the exact
    /// difference, 99,999.80, would say 100,000).
    #[test]
    fn verdict_amount_matches_the_figures_shown() {
        let parsed = codec::parse(
            "years=1&raise=0&tokens=0&base=100000.60&b.base=200000.40&b.tokens=0&b.raise=0",
        );
        assert!(parsed.is_ok(), "{:?}", parsed.errors);
        let p = project(&parsed.scenario).unwrap();
        let text = verdict(&p, 1, &|d| plain_money(d, "USD"), &crate::numbers::percent);
        assert_eq!(
            text,
            "Offer B is worth $99,999 more to you in the first year."
        );
    }
}
