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
use tokenworth::model::{currency, prices, project, rates, Offer, Scenario, Side};

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
    fn worth_never_exceeds_headline_when_tax_is_not_negative(s in scenario()) {
        if let Ok(p) = project(&s) {
            for offer in &p.offers {
                prop_assert!(offer.worth_total <= offer.headline_total);
                for y in &offer.years {
                    prop_assert!(y.worth <= y.headline);
                }
            }
        }
    }

    #[test]
    fn more_tokens_without_personal_use_never_raise_worth(
        mut s in scenario(),
        extra in money(1_000_000_000),
    ) {
        s.a.personal = Decimal::ZERO;
        let before = project(&s);
        s.a.tokens = (s.a.tokens + extra).min(Decimal::from(1_000_000_000));
        let after = project(&s);
        if let (Ok(before), Ok(after)) = (before, after) {
            prop_assert!(after.offers[0].worth_total <= before.offers[0].worth_total);
        }
    }

    #[test]
    fn typed_money_reads_back_as_written(value in money(1_000_000_000)) {
        let text = codec::money::write_money(value);
        prop_assert_eq!(codec::money::parse_money(&text), Ok(value));
    }
}
