//! Plain-language text about a projection, shared by the CLI and the UI:
//! flag explanations, the verdict, rounding for display. It never computes
//! money; it only rounds and words what the model computed.

// A panic in wasm kills every widget on the page: these layers return errors instead.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{Flag, Projection, Side};

/// Tokens in an essay or a writing afternoon (from the public debate).
pub const TOKENS_PER_ESSAY: i64 = 10_000;

/// Money shown to whole units, halves away from zero (as people round).
pub fn whole(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// A fraction shown as a percent with one decimal: 0.210526 -> 21.1.
pub fn percent_one(ratio: Decimal) -> Decimal {
    (ratio * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

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

/// The verdict sentence. `money` formats an amount already rounded for display.
pub fn verdict(projection: &Projection, years: u32, money: &dyn Fn(Decimal) -> String) -> String {
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
                money(whole(c.delta_worth.abs()))
            );
            if c.headline_misleads {
                text.push_str(&format!(
                    " {} has the bigger headline, by {}, but it is the smaller real offer.",
                    loser.label,
                    money(whole(c.delta_headline.abs()))
                ));
            }
            text
        }
        ([a, ..], _) => {
            let kept = if a.headline_total.is_zero() {
                Decimal::ZERO
            } else {
                percent_one(a.worth_total / a.headline_total)
            };
            format!(
                "The offer says {} {span}; it is worth {} to you, {}% of the headline. The tokens add {} to the headline and {} to what you keep.",
                money(whole(a.headline_total)),
                money(whole(a.worth_total)),
                kept,
                money(whole(a.tokens_total)),
                money(whole(a.token_value_total))
            )
        }
        _ => String::new(),
    }
}

/// A whole number with thousands commas: 176984885 -> `176,984,885`.
pub fn grouped(amount: Decimal) -> String {
    let rounded = whole(amount);
    let digits = rounded.abs().normalize().to_string();
    let mut out = String::new();
    if rounded < Decimal::ZERO {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Plain-text money for the terminal: `$475,000`, `475,000 EUR`.
pub fn plain_money(amount: Decimal, currency: &str) -> String {
    let text = grouped(amount);
    match (currency, text.strip_prefix('-')) {
        ("USD", Some(positive)) => format!("-${positive}"),
        ("USD", None) => format!("${text}"),
        _ => format!("{text} {currency}"),
    }
}
