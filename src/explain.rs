//! Plain-language text about a projection, shared by the CLI and the UI:
//! flag explanations, the verdict, rounding for display. It never computes
//! money; it only rounds and words what the model computed.

use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::model::{Flag, Projection, Side};
use crate::numbers::{shown_difference, whole};

/// Tokens in an essay or a writing afternoon (from the public debate).
pub const TOKENS_PER_ESSAY: i64 = 10_000;

/// Essays (10,000 tokens each) a number of tokens is worth, whole.
pub fn essays(tokens: Decimal) -> Decimal {
    whole(tokens / Decimal::from(TOKENS_PER_ESSAY))
}

/// One line saying what a flag means for the reader.
pub fn flag_text(flag: Flag, lang: Lang) -> &'static str {
    lang.say(match flag {
        Flag::OneInFive => "flag.one_in_five",
        Flag::HalfOfBase => "flag.half_of_base",
        Flag::ExceedsBase => "flag.exceeds_base",
        Flag::NoPersonalUse => "flag.no_personal_use",
        Flag::RelabelledTooling => "flag.relabelled_tooling",
        Flag::BeyondUse => "flag.beyond_use",
    })
}

/// The verdict sentence. `money` formats an amount already rounded for
/// display, `percent` a fraction (0.79 as "79%"), in the reader's locale;
/// the words in the reader's language `lang`.
pub fn verdict(
    projection: &Projection,
    years: u32,
    lang: Lang,
    money: &dyn Fn(Decimal) -> String,
    percent: &dyn Fn(Decimal) -> String,
) -> String {
    let span = if years == 1 {
        lang.say("verdict.span.first_year").to_string()
    } else {
        lang.fill("verdict.span.years", &[("years", &years.to_string())])
    };
    match (projection.offers.as_slice(), &projection.compare) {
        ([a, b], Some(c)) => {
            let (winner, loser) = match c.better() {
                Some(Side::B) => (b, a),
                Some(Side::A) => (a, b),
                None => {
                    return lang.fill(
                        "verdict.same",
                        &[("a", &a.label), ("b", &b.label), ("span", &span)],
                    )
                }
            };
            let mut text = lang.fill(
                "verdict.better",
                &[
                    ("winner", &winner.label),
                    (
                        "amount",
                        &money(shown_difference(a.worth_total, b.worth_total).abs()),
                    ),
                    ("span", &span),
                ],
            );
            if c.headline_misleads {
                text.push(' ');
                text.push_str(&lang.fill(
                    "verdict.misleads",
                    &[
                        ("loser", &loser.label),
                        (
                            "amount",
                            &money(shown_difference(a.headline_total, b.headline_total).abs()),
                        ),
                    ],
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
            lang.fill(
                "verdict.one",
                &[
                    ("headline", &money(whole(a.headline_total))),
                    ("span", &span),
                    ("worth", &money(whole(a.worth_total))),
                    ("percent", &percent(kept)),
                    ("tokens", &money(whole(a.tokens_total))),
                    ("kept", &money(whole(a.token_value_total))),
                ],
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
        let text = verdict(
            &p,
            1,
            Lang::En,
            &|d| plain_money(d, "USD"),
            &crate::numbers::percent,
        );
        assert_eq!(
            text,
            "Offer B is worth $99,999 more to you in the first year."
        );
    }
}
