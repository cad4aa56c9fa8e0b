//! What a badge on a job listing says: year-1 worth to you, the compute
//! share, and whether the tokens are mostly pay you keep.

use rust_decimal::Decimal;

use crate::lang::Lang;
use crate::model::Projection;

/// What the token budget of a badge's offer is, to the job seeker: the
/// badge's colour says it and its text says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadgeTone {
    /// At least half of the year-1 budget is pay you keep (personal use).
    Pay,
    /// Most of the budget is compute you use at work and do not keep.
    Compute,
    /// No token budget.
    NoTokens,
}

impl BadgeTone {
    /// The badge's CSS class.
    pub fn class(self) -> &'static str {
        match self {
            BadgeTone::Pay => "pay",
            BadgeTone::Compute => "compute",
            BadgeTone::NoTokens => "none",
        }
    }
}

/// What a badge shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeText {
    /// At a glance, in a chip: `$375K to you · 21% compute`.
    pub text: String,
    /// The rest in one sentence (year-1 headline and worth in full, the
    /// compute share to a tenth, what you keep of the budget): shown when
    /// the badge is focused, hovered or tapped, and part of the link's name.
    pub label: String,
    pub tone: BadgeTone,
}

/// How a badge writes its figures, in the reader's locale in the browser
/// (`web` passes Intl's), en-US natively ([`badge_text`]).
pub struct BadgeNumbers<'a> {
    /// Whole money: "$475,000", "475.000 €".
    pub money: &'a dyn Fn(Decimal) -> String,
    /// Money in a few characters: "$375K", "375.000 €".
    pub compact_money: &'a dyn Fn(Decimal) -> String,
    /// A percent already rounded, given in percent (21 for 21%): "21%", "21 %".
    pub percent: &'a dyn Fn(Decimal) -> String,
}

/// The badge of offer A in year 1, figures in en-US, words in `lang`.
pub fn badge_text(projection: &Projection, currency: &str, lang: Lang) -> Option<BadgeText> {
    use crate::numbers::{compact_money, plain_money};
    badge_text_in(
        projection,
        &BadgeNumbers {
            money: &|d| plain_money(d, currency),
            compact_money: &|d| compact_money(d, currency),
            percent: &|p| format!("{}%", p.normalize()),
        },
        lang,
    )
}

/// The badge of offer A in year 1, its figures written by `numbers`, its
/// words in `lang`.
pub fn badge_text_in(
    projection: &Projection,
    numbers: &BadgeNumbers,
    lang: Lang,
) -> Option<BadgeText> {
    use crate::numbers::{percent_one, whole};
    let offer = projection.offers.first()?;
    let year = offer.first_year()?;
    let money = numbers.money;
    let to_you = (numbers.compact_money)(year.worth);
    let share_whole = whole(offer.compute_share * Decimal::ONE_HUNDRED);
    // A budget under half a percent is not "0% compute".
    let share = if share_whole.is_zero() && !year.tokens.is_zero() {
        format!("<{}", (numbers.percent)(Decimal::ONE))
    } else {
        (numbers.percent)(share_whole)
    };
    let tone = if year.tokens <= Decimal::ZERO {
        BadgeTone::NoTokens
    } else if year.token_value * Decimal::TWO >= year.tokens {
        BadgeTone::Pay
    } else {
        BadgeTone::Compute
    };
    let chip = match tone {
        BadgeTone::NoTokens => "badge.chip.no_tokens",
        BadgeTone::Pay => "badge.chip.pay",
        BadgeTone::Compute => "badge.chip.compute",
    };
    let text = lang.fill(chip, &[("to_you", &to_you), ("share", &share)]);
    let tokens = match tone {
        BadgeTone::NoTokens => lang.say("badge.tokens.none").to_string(),
        _ => lang.fill(
            "badge.tokens",
            &[
                (
                    "share",
                    &(numbers.percent)(percent_one(offer.compute_share)),
                ),
                ("tokens", &money(year.tokens)),
                ("kept", &money(year.token_value)),
            ],
        ),
    };
    let label = lang.fill(
        "badge.label",
        &[
            ("headline", &money(year.headline)),
            ("worth", &money(year.worth)),
            ("tokens", &tokens),
        ],
    );
    Some(BadgeText { text, label, tone })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{codec, model::project};

    fn badge(query: &str) -> BadgeText {
        let parsed = codec::parse(query);
        assert!(parsed.is_ok(), "{:?}", parsed.errors);
        let p = project(&parsed.scenario).map_err(|e| e.to_string());
        p.ok()
            .and_then(|p| badge_text(&p, &parsed.scenario.cur, Lang::En))
            .unwrap_or_else(|| BadgeText {
                text: String::new(),
                label: String::new(),
                tone: BadgeTone::NoTokens,
            })
    }

    /// MODEL.md's public claim: base 375000 + tokens 100000 = 475000 on
    /// paper; no personal use, tax 0, so worth = 375000 and you keep $0 of
    /// the tokens; share 100000 / 475000 = 21.05 % (21% whole, 21.1%).
    #[test]
    fn badge_of_the_public_claim() {
        let b = badge("base=375000&tokens=100000&tax=0");
        assert_eq!(b.text, "$375K to you · 21% compute");
        assert_eq!(b.tone, BadgeTone::Compute);
        assert_eq!(
            b.label,
            "Year 1: $475,000 on paper, worth $375,000 to you. 21.1% of it is an AI token \
             budget ($100,000), of which you keep $0 as pay. Opens the tokenworth calculator."
        );
    }

    /// base 240000, tokens 30000, personal 50 %, own 20000: allowance
    /// 15000, personal = min(15000, 20000) = 15000, tax 0, so you keep
    /// 15000 of 30000 (half: pay); worth 240000 + 15000 = 255000 ($255K);
    /// share 30000 / 270000 = 11.11 % (11%, 11.1%).
    #[test]
    fn badge_says_when_the_tokens_are_mostly_pay() {
        let b = badge("base=240000&tokens=30000&personal=50&own=20000");
        assert_eq!(b.text, "$255K to you · 11% tokens, mostly yours");
        assert_eq!(b.tone, BadgeTone::Pay);
        assert!(b.label.contains("11.1% of it"), "{}", b.label);
        assert!(b.label.contains("you keep $15,000 as pay"), "{}", b.label);
        // own 14999: you keep 14999, less than half of 30000: compute;
        // worth 240000 + 14999 = 254999 -> "$255K".
        let b = badge("base=240000&tokens=30000&personal=50&own=14999");
        assert_eq!(b.tone, BadgeTone::Compute);
        assert_eq!(b.text, "$255K to you · 11% compute");
    }

    /// base 1,200,000, tax 25 %: worth 1200000 * 0.75 = 900000 -> "$900K";
    /// no tokens; 10,000,000 base -> 7,500,000 -> "$7.5M".
    #[test]
    fn badge_without_tokens_and_large_figures() {
        let b = badge("base=1200000&tokens=0&tax=25");
        assert_eq!(b.text, "$900K to you · no tokens");
        assert_eq!(b.tone, BadgeTone::NoTokens);
        assert_eq!(
            b.label,
            "Year 1: $1,200,000 on paper, worth $900,000 to you. No AI token budget. \
             Opens the tokenworth calculator."
        );
        let b = badge("base=10000000&tokens=100000&tax=25");
        // share 100000 / 10100000 = 0.99 % -> 1%.
        assert_eq!(b.text, "$7.5M to you · 1% compute");
        let b = badge("base=100000000&tokens=100000");
        // share 100000 / 100100000 = 0.0999 %: under half a percent.
        assert_eq!(b.text, "$100M to you · <1% compute");
    }

    #[test]
    fn badge_in_another_currency_names_it() {
        // base 120000 EUR, tokens 12000: share 12000 / 132000 = 9.09 % -> 9%.
        let b = badge("cur=EUR&base=120000&tokens=12000");
        assert_eq!(b.text, "120K EUR to you · 9% compute");
        assert!(b.label.contains("132,000 EUR on paper"), "{}", b.label);
    }
}
