//! Properties of the model and codec over generated scenarios.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed assertion or an unwrap that panics is the point here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use tokenworth::codec::{self, parse, write};
use tokenworth::model::{currency, prices, project, rates, ComputeError, Offer, Scenario, Side};

/// A decimal with at most `dp` decimals between `lo` and `hi` (whole units).
fn decimal(lo: i64, hi: i64, dp: u32) -> impl Strategy<Value = Decimal> {
    let scale = 10i64.pow(dp);
    (lo * scale..=hi * scale).prop_map(move |n| Decimal::new(n, dp))
}

fn money(max: i64) -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0..=max / 1000).prop_map(|k| Decimal::from(k * 1000)),
        decimal(0, max.min(1_000_000_000), 2),
    ]
}

fn vest() -> impl Strategy<Value = Vec<Decimal>> {
    // Split 10000 hundredths of a percent into 1..=10 parts.
    (1usize..=10)
        .prop_flat_map(|n| proptest::collection::vec(0i64..=10_000, n - 1))
        .prop_map(|mut cuts| {
            cuts.sort_unstable();
            let mut parts = Vec::new();
            let mut last = 0;
            for c in cuts.into_iter().chain([10_000]) {
                parts.push(Decimal::new(c - last, 2));
                last = c;
            }
            parts
        })
}

fn label() -> impl Strategy<Value = String> {
    "[A-Za-z0-9&%+=#é✓][A-Za-z0-9 &%+=#é✓.-]{0,38}[A-Za-z0-9&%+=#é✓]"
}

fn offer(side: Side) -> impl Strategy<Value = Offer> {
    (
        (
            label(),
            money(1_000_000_000),
            decimal(-50, 100, 2),
            decimal(0, 200, 2),
        ),
        (
            money(1_000_000_000),
            money(10_000_000_000),
            vest(),
            money(10_000_000_000),
        ),
        (
            decimal(-100, 1000, 2),
            money(1_000_000_000),
            decimal(-100, 1000, 2),
        ),
        (
            decimal(0, 100, 2),
            money(1_000_000_000),
            any::<bool>(),
            money(1_000_000_000),
        ),
    )
        .prop_map(move |(p, e, t, u)| {
            let mut o = Offer::default_for(side);
            (o.label, o.base, o.raise, o.bonus) = p;
            (o.signing, o.equity, o.vest, o.refresh) = e;
            (o.growth, o.tokens, o.tgrowth) = t;
            (o.personal, o.own, o.imputed, o.standard) = u;
            o
        })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        (1u32..=10, decimal(0, 99, 2), decimal(-50, 50, 2)),
        (
            proptest::sample::select(currency::KNOWN),
            proptest::sample::select(prices::PRESETS),
        ),
        (
            proptest::option::of(decimal(0, 100, 1)),
            proptest::option::of(decimal(0, 100, 1)),
            decimal(0, 99, 2),
        ),
        (
            proptest::option::of(decimal(1, 1000, 6)),
            money(1_000_000),
            1u32..=366,
        ),
        offer(Side::A),
        proptest::option::of(offer(Side::B)),
    )
        .prop_map(
            |(
                (years, tax, invest),
                (cur, model),
                (input, cache, decline),
                (fx, use_per_day, days),
                a,
                b,
            )| {
                // Offers are generated in dollar ranges: a rate of at least 1
                // keeps them in range in any currency (bounds are usd * fx).
                let table_rate_fits = rates::reference_rate(cur).is_some_and(|r| r >= Decimal::ONE);
                let fx = match fx {
                    None if !table_rate_fits => Some(Decimal::ONE),
                    fx => fx,
                };
                Scenario {
                    years,
                    tax,
                    invest,
                    cur: cur.to_string(),
                    model: model.id.to_string(),
                    input,
                    cache,
                    decline,
                    fx,
                    use_per_day,
                    days,
                    a,
                    b,
                }
            },
        )
}

/// A valid scenario that cannot overflow: `scenario()` with the price
/// decline at most 20 %.
///
/// Only tokens per day can outgrow `Decimal` (about 7.9e28) within the input
/// ranges (every money figure stays below 1e23: year-10 equity 1e10 x 11^10
/// plus refreshers, tokens 1e9 x 11^9 = 2.4e18, times 1.5^9 for the invested
/// value). Tokens per day divides year-y tokens by the price per million and
/// multiplies by 1e6: at most 2.4e18 x 1e6 / (0.025 x 0.8^9) = 7e26 with
/// the cheapest price (GPT-5 mini cache reads, 0.025 USD a million), below
/// the limit by 100x; at 99 % decline (0.01^9) it overflows.
fn computable_scenario() -> impl Strategy<Value = Scenario> {
    (scenario(), decimal(0, 20, 2)).prop_map(|(mut s, decline)| {
        s.decline = decline;
        s
    })
}

/// `computable_scenario()` where offer A has personal use of its budget
/// (1 to 100 %), so that its tokens count towards what it is worth.
fn scenario_with_personal_use() -> impl Strategy<Value = Scenario> {
    (computable_scenario(), decimal(1, 100, 2)).prop_map(|(mut s, personal)| {
        s.a.personal = personal;
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_scenarios_are_valid(s in scenario()) {
        prop_assert_eq!(s.invalid_keys(), Vec::new());
    }

    #[test]
    fn the_codec_round_trips_any_valid_scenario(s in scenario()) {
        let query = write(&s);
        let parsed = parse(&query);
        prop_assert!(parsed.is_ok(), "{}: {:?}", query, parsed.errors);
        prop_assert!(parsed.notices.is_empty());
        prop_assert_eq!(parsed.scenario, s);
    }

    #[test]
    fn parsing_any_string_never_panics(text in ".{0,200}") {
        let parsed = parse(&text);
        let _ = project(&parsed.scenario);
    }

    #[test]
    fn parsing_key_value_noise_never_panics(
        pairs in proptest::collection::vec(
            (prop_oneof![
                proptest::sample::select(vec!["base", "b.base", "vest", "tax", "years", "label", "cur", "model", "b.vest", "tokens", "input"]).prop_map(String::from),
                "[a-z.]{1,8}",
            ], "[-0-9.,kKmM$%+ a-z/]{0,24}"),
            0..12,
        )
    ) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let parsed = parse(&query.join("&"));
        for e in &parsed.errors {
            prop_assert!(!e.accepted.is_empty());
            prop_assert!(e.to_string().contains(&e.key));
        }
        let _ = project(&parsed.scenario);
    }

    #[test]
    fn any_valid_scenario_computes_or_names_tokens_per_day_as_too_large(s in scenario()) {
        // See computable_scenario(): no other figure can overflow.
        match project(&s) {
            Ok(_) => {}
            Err(ComputeError::Overflow { figure, .. }) => prop_assert_eq!(figure, "tokens per day"),
            Err(e) => prop_assert!(false, "{}", e),
        }
    }

    #[test]
    fn worth_never_exceeds_headline_when_tax_is_not_negative(s in computable_scenario()) {
        let p = project(&s);
        prop_assert!(p.is_ok(), "{:?}", p);
        for offer in p.iter().flat_map(|p| &p.offers) {
            prop_assert!(offer.worth_total <= offer.headline_total);
            for y in &offer.years {
                prop_assert!(y.worth <= y.headline);
            }
        }
    }

    #[test]
    fn tokens_without_personal_use_add_nothing_to_worth(
        mut s in computable_scenario(),
        tokens in money(1_000_000_000),
    ) {
        s.a.personal = Decimal::ZERO;
        let before = project(&s);
        s.a.tokens = tokens;
        let after = project(&s);
        prop_assert!(before.is_ok() && after.is_ok(), "{:?} / {:?}", before, after);
        if let (Ok(before), Ok(after)) = (before, after) {
            prop_assert_eq!(after.offers[0].worth_total, before.offers[0].worth_total);
        }
    }

    #[test]
    fn more_tokens_with_personal_use_raise_worth_by_at_most_own_spend(
        mut s in scenario_with_personal_use(),
        extra in money(1_000_000_000),
    ) {
        // token_value_y = min(tokens_y x personal, own) less imputed tax: more
        // tokens never lower it, and it never passes own in any year.
        let before = project(&s);
        s.a.tokens = (s.a.tokens + extra).min(Decimal::from(1_000_000_000));
        let after = project(&s);
        prop_assert!(before.is_ok() && after.is_ok(), "{:?} / {:?}", before, after);
        if let (Ok(before), Ok(after)) = (before, after) {
            let gained = after.offers[0].worth_total - before.offers[0].worth_total;
            prop_assert!(gained >= Decimal::ZERO, "worth fell by {}", -gained);
            prop_assert!(gained <= s.a.own * Decimal::from(s.years), "worth rose by {}", gained);
        }
    }

    #[test]
    fn typed_money_reads_back_as_written(value in money(1_000_000_000)) {
        let text = codec::money::write_money(value);
        prop_assert_eq!(codec::money::parse_money(&text), Ok(value));
    }
}
