//! The model against MODEL.md: golden cases from the public debate and
//! multi-year cases computed by hand (the arithmetic is in the comments).
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed assertion or an unwrap that panics is the point here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::str::FromStr;

use rust_decimal::Decimal;
use tokenworth::codec;
use tokenworth::model::{project, ComputeError, Flag, Projection, Side, Value};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn run(query: &str) -> Projection {
    let parsed = codec::parse(query);
    assert!(parsed.is_ok(), "{query}: {:?}", parsed.errors);
    project(&parsed.scenario).unwrap()
}

/// Relative difference, for tokens per day (MODEL.md allows 1e-9).
fn close(actual: Decimal, expected: &str) -> bool {
    let e = d(expected);
    ((actual - e) / e).abs() < d("0.000000001")
}

#[test]
fn top_quartile_engineer_is_475k_with_one_dollar_in_five_compute() {
    let p = run("base=375000&tokens=100000");
    let a = &p.offers[0];
    assert_eq!(a.years[0].headline, d("475000"));
    // 100000 / 475000 = 4/19 = 0.2105263157894736842105263157|89… rounded to 28 places.
    assert_eq!(a.compute_share, d("0.2105263157894736842105263158"));
    // 100000 / 375000 = 4/15.
    assert_eq!(a.compute_to_base, Some(d("0.2666666666666666666666666667")));
    // 100000 >= 2 * 13 * 230 = 5980: beyond what a daily user spends.
    assert_eq!(
        a.flags,
        vec![Flag::OneInFive, Flag::NoPersonalUse, Flag::BeyondUse]
    );
}

#[test]
fn tokens_worth_half_the_base_again_make_a_750k_package() {
    let p = run("base=500000&tokens=250000");
    let a = &p.offers[0];
    assert_eq!(a.years[0].headline, d("750000"));
    assert_eq!(a.compute_to_base, Some(d("0.5")));
    assert_eq!(a.compute_share, d("0.3333333333333333333333333333"));
    assert_eq!(
        a.flags,
        vec![
            Flag::OneInFive,
            Flag::HalfOfBase,
            Flag::NoPersonalUse,
            Flag::BeyondUse
        ]
    );
}

#[test]
fn defaults_over_four_years_with_raises_and_investment() {
    // base_y = 375000 * 1.03^(y-1): 375000, 386250, 397837.5, 409772.625
    // sum = 1568860.125; tokens 4 * 100000; tax 0 so worth = cash.
    // fv at 5 %: 375000*1.157625 + 386250*1.1025 + 397837.5*1.05 + 409772.625
    //          = 434109.375 + 425840.625 + 417729.375 + 409772.625 = 1687452
    let a = &run("").offers[0];
    let bases: Vec<_> = a.years.iter().map(|y| y.base).collect();
    assert_eq!(
        bases,
        vec![d("375000"), d("386250"), d("397837.5"), d("409772.625")]
    );
    assert_eq!(a.headline_total, d("1968860.125"));
    assert_eq!(a.worth_total, d("1568860.125"));
    assert_eq!(a.fv_total, d("1687452"));
    assert_eq!(a.tokens_total, d("400000"));
    assert_eq!(a.token_value_total, d("0"));
    assert_eq!(a.token_keep_ratio, Some(d("0")));
}

#[test]
fn back_loaded_vesting_with_growth_and_refreshers() {
    // grant 400000 on 5-15-40-40, refresher 100000 at the end of each year,
    // equity grows 10 % a year; base 200000 flat; no tokens.
    // y1: 400000*0.05*1.1                                   =  22000
    // y2: 400000*0.15*1.21   + 100000*0.05*1.1              =  72600 + 5500 = 78100
    // y3: 400000*0.40*1.331  + 100000*0.15*1.21 + 100000*0.05*1.1
    //                                                        = 212960 + 18150 + 5500 = 236610
    // y4: 400000*0.40*1.4641 + 100000*0.40*1.331 + 100000*0.15*1.21 + 100000*0.05*1.1
    //                                                        = 234256 + 53240 + 18150 + 5500 = 311146
    let a = &run("base=200k&raise=0&equity=400k&vest=5-15-40-40&refresh=100k&growth=10&tokens=0")
        .offers[0];
    let equity: Vec<_> = a.years.iter().map(|y| y.equity).collect();
    assert_eq!(
        equity,
        vec![d("22000"), d("78100"), d("236610"), d("311146")]
    );
    // 4 * 200000 + 647856
    assert_eq!(a.headline_total, d("1447856"));
    assert_eq!(a.compute_share, Decimal::ZERO);
    assert_eq!(a.token_keep_ratio, None);
    assert!(a.flags.is_empty());
}

#[test]
fn vesting_beyond_the_horizon_and_a_short_schedule() {
    // 3-year schedule 33.33-33.33-33.34, 4-year horizon: year 4 vests nothing
    // of the grant, but the refresher of year 1 vests its third tranche there.
    // y4: 0 + 30000*0.3334 + 30000*0.3333 + 30000*0.3333 = 10002 + 9999 + 9999 = 30000
    let a = &run("raise=0&equity=90k&vest=33.33-33.33-33.34&refresh=30k&tokens=0").offers[0];
    assert_eq!(a.years[0].equity, d("29997"));
    assert_eq!(a.years[3].equity, d("30000"));
}

#[test]
fn taxes_personal_use_and_imputed_tax() {
    // budget 50000, 10 % personal -> allowance 5000, capped at own 2400;
    // imputed tax 40 % of 2400 = 960; token value 1440.
    // worth_1 = 300000 * 0.6 + 1440 = 181440; two flat years -> 362880.
    // cash equivalent = 1440 / 0.6 = 2400; new money = 50000 - 1000.
    // keep ratio = 2880 / 100000; compute share = 50000 / 350000 = 1/7.
    let q =
        "years=2&tax=40&invest=0&base=300k&raise=0&tokens=50k&personal=10&own=2400&standard=1000";
    let a = &run(q).offers[0];
    let y1 = &a.years[0];
    assert_eq!(y1.allowance, d("5000"));
    assert_eq!(y1.personal, d("2400"));
    assert_eq!(y1.imputed_tax, d("960"));
    assert_eq!(y1.token_value, d("1440"));
    assert_eq!(y1.worth, d("181440"));
    assert_eq!(y1.new_money, d("49000"));
    assert_eq!(a.worth_total, d("362880"));
    assert_eq!(a.fv_total, d("362880"));
    assert_eq!(a.cash_equivalent, d("2400"));
    assert_eq!(a.token_keep_ratio, Some(d("0.0288")));
    assert_eq!(a.compute_share, d("0.1428571428571428571428571429"));
    // 50000 >= 2 * 2990
    assert_eq!(a.flags, vec![Flag::BeyondUse]);

    // Not taxed as income: the whole 2400 is kept.
    let b = &run(&format!("{q}&imputed=0")).offers[0];
    assert_eq!(b.years[0].token_value, d("2400"));
    assert_eq!(b.years[0].worth, d("182400"));
    assert_eq!(b.cash_equivalent, d("4000"));
}

#[test]
fn bigger_headline_can_be_the_smaller_real_offer() {
    // A: 375000 cash, no tokens. B: 350000 cash + 100000 tokens, no personal use.
    // One year at 30 % tax: headlines 375000 vs 450000 (+75000);
    // worth 262500 vs 245000 (-17500). The headline misleads.
    let p = run("years=1&tax=30&tokens=0&b.base=350k&b.tokens=100k");
    let c = p.compare.as_ref().unwrap();
    assert_eq!(c.delta_headline, d("75000"));
    assert_eq!(c.delta_worth, d("-17500"));
    assert_eq!(c.delta_fv, d("-17500"));
    assert!(c.headline_misleads);
    assert_eq!(c.better(), Some(Side::A));
    let words = tokenworth::explain::verdict(
        &p,
        1,
        tokenworth::lang::Lang::En,
        &|x| format!("${x}"),
        &|r| format!("{r}"),
    );
    assert_eq!(
        words,
        "Offer A is worth $17500 more to you in the first year. Offer B has the bigger headline, by $75000, but it is the smaller real offer."
    );
}

#[test]
fn equal_offers_do_not_mislead() {
    let p = run("b.label=Same");
    let c = p.compare.as_ref().unwrap();
    assert_eq!(c.delta_headline, Decimal::ZERO);
    assert!(!c.headline_misleads);
    assert_eq!(c.better(), None);
}

#[test]
fn blended_prices_and_tokens_per_day() {
    // Sonnet 5 (default): input 0.8*0.20 + 0.2*2 = 0.56; blended
    // 0.95*0.56 + 0.05*10 = 0.532 + 0.5 = 1.032.
    let p = run("");
    assert_eq!(p.blended_per_million, d("1.032"));
    // 100000 / 1.032 * 1e6 / 365, by hand (Python's decimal at 50 digits).
    assert!(close(
        p.offers[0].years[0].tokens_per_day,
        "265477328.2361686311988956143"
    ));
    // Sonnet 4.6: input 0.8*0.30 + 0.2*3 = 0.84; blended 0.95*0.84 + 0.05*15 = 1.548.
    assert_eq!(
        run("model=claude-sonnet-4-6").blended_per_million,
        d("1.548")
    );

    // Opus: 0.8*0.5 + 0.2*5 = 1.4; 0.95*1.4 + 0.05*25 = 2.58.
    assert_eq!(run("model=claude-opus-4-7").blended_per_million, d("2.58"));
    // DeepSeek: 0.8*0.028 + 0.2*0.28 = 0.0784; 0.95*0.0784 + 0.05*0.42 = 0.09548.
    assert_eq!(run("model=deepseek-chat").blended_per_million, d("0.09548"));
    // All input, no cache: the plain input price.
    assert_eq!(run("input=100&cache=0").blended_per_million, d("2"));
    // Half price in year 2 doubles the tokens a day.
    let halved = run("decline=50");
    assert_eq!(halved.offers[0].years[1].price_per_million, d("0.516"));
    assert!(close(
        halved.offers[0].years[1].tokens_per_day,
        "530954656.4723372623977912286"
    ));
}

#[test]
fn flags_for_tooling_and_budgets_above_salary() {
    let a = &run("base=100k&tokens=100k&standard=100k&personal=5").offers[0];
    assert_eq!(
        a.flags,
        vec![
            Flag::OneInFive,
            Flag::HalfOfBase,
            Flag::ExceedsBase,
            Flag::RelabelledTooling,
            Flag::BeyondUse
        ]
    );
    assert_eq!(a.years[0].new_money, Decimal::ZERO);
    assert_eq!(a.compute_share, d("0.5"));
}

#[test]
fn zero_base_and_zero_headline_have_no_division() {
    let a = &run("base=0&tokens=100k").offers[0];
    assert_eq!(a.compute_to_base, None);
    assert_eq!(a.compute_share, Decimal::ONE);
    let z = &run("base=0&tokens=0").offers[0];
    assert_eq!(z.compute_share, Decimal::ZERO);
    assert_eq!(z.token_keep_ratio, None);
    assert!(z.flags.is_empty());
}

#[test]
fn budget_growth_and_personal_cap() {
    // tokens_y = 10000 * 2^(y-1): 10000, 20000, 40000; personal 50 % capped at own 15000.
    let a = &run("years=3&tokens=10k&tgrowth=100&personal=50&own=15k&imputed=0").offers[0];
    let tokens: Vec<_> = a.years.iter().map(|y| y.tokens).collect();
    assert_eq!(tokens, vec![d("10000"), d("20000"), d("40000")]);
    let kept: Vec<_> = a.years.iter().map(|y| y.token_value).collect();
    assert_eq!(kept, vec![d("5000"), d("10000"), d("15000")]);
    // 30000 / 70000 = 3/7
    assert_eq!(
        a.token_keep_ratio,
        Some(d("0.4285714285714285714285714286"))
    );
}

#[test]
fn overflow_is_an_error_not_a_panic() {
    // 1e9 * 11^9 tokens at 0.09548 * 0.01^9 per million: about 2.5e37 a year.
    let parsed = codec::parse("years=10&model=deepseek-chat&decline=99&tokens=1000m&tgrowth=1000");
    assert!(parsed.is_ok());
    match project(&parsed.scenario) {
        Err(ComputeError::Overflow { figure, .. }) => assert_eq!(figure, "tokens per day"),
        other => panic!("expected an overflow error, got {other:?}"),
    }
}

#[test]
fn largest_inputs_without_decline_still_compute() {
    let q = "years=10&tax=99&invest=50&decline=0&base=1000m&raise=100&bonus=200&signing=1000m&equity=10000m&refresh=10000m&growth=1000&tokens=1000m&tgrowth=1000&personal=100&own=1000m&standard=1000m";
    // Every input at its top, but prices that do not fall: no figure nears
    // Decimal's 7.9e28. The largest money figure is year-10 tokens,
    // 1e9 x 11^9 = 2.4e18; tokens per day at most 2.4e18 / (0.025 per
    // million, the cheapest price) x 1e6 = 1e26 before dividing by 365.
    let p = run(q);
    let a = &p.offers[0];
    assert_eq!(a.years.len(), 10);
    // Year 1: base 1e9, bonus 200 % = 2e9, signing 1e9,
    // equity 1e10 x 25 % x (1 + 1000 %) = 2.75e10, tokens 1e9.
    assert_eq!(a.years[0].headline, d("32500000000"));
    // Cash 31.5e9 x (1 - 0.99) = 315e6; personal min(1e9 x 100 %, 1e9) = 1e9,
    // less 99 % imputed tax = 10e6.
    assert_eq!(a.years[0].worth, d("325000000"));
    // Year 10: base 1e9 x 2^9; tokens 1e9 x 11^9.
    assert_eq!(a.years[9].base, d("512000000000"));
    assert_eq!(a.years[9].tokens, d("2357947691000000000"));
}

#[test]
fn invalid_scenarios_built_in_code_are_refused() {
    let mut s = tokenworth::model::Scenario {
        tax: Decimal::ONE_HUNDRED,
        ..Default::default()
    };
    s.a.vest = vec![d("50")];
    match project(&s) {
        Err(ComputeError::Invalid { keys }) => {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            assert_eq!(keys, vec!["tax", "vest"])
        }
        other => panic!("expected invalid, got {other:?}"),
    }
}

#[test]
fn the_model_says_why_a_value_is_out_of_range() {
    use tokenworth::model::input::{FieldId, RangeProblem};
    let vest = FieldId::Vest.def().kind;
    assert_eq!(
        vest.check(&Value::Vest(vec![d("10"), d("10")]), Decimal::ONE),
        Err(RangeProblem::VestSum { sum: d("20") })
    );
    assert_eq!(
        vest.check(
            &Value::Vest(vec![d("10"), d("-10"), d("100")]),
            Decimal::ONE
        ),
        Err(RangeProblem::VestNegative { entry: 2 })
    );
    assert_eq!(
        vest.check(&Value::Vest(vec![d("10"); 11]), Decimal::ONE),
        Err(RangeProblem::VestEntries { count: 11 })
    );
    let base = FieldId::Base.def().kind;
    assert_eq!(
        base.check(&Value::Number(d("-1")), Decimal::ONE),
        Err(RangeProblem::Negative)
    );
    assert_eq!(
        base.check(&Value::Number(d("1000000000.01")), Decimal::ONE),
        Err(RangeProblem::AboveMax {
            max: d("1000000000")
        })
    );
    let label = FieldId::Label.def().kind;
    assert_eq!(
        label.check(&Value::Text("A\u{2067}B".into()), Decimal::ONE),
        Err(RangeProblem::LabelFormatChars { ch: '\u{2067}' })
    );
    assert_eq!(
        label.check(&Value::Text("x".repeat(41)), Decimal::ONE),
        Err(RangeProblem::LabelTooLong { chars: 41 })
    );
}

// ---- Model version 2: currencies and use (MODEL.md, "Currencies"). ----

#[test]
fn money_defaults_follow_the_currency_to_three_significant_digits() {
    // EUR at 0.87868 per USD (PRICES.md):
    // base 375000 * 0.87868 = 329505 -> 330000; tokens 100000 * 0.87868 = 87868 -> 87900;
    // own 2400 * 0.87868 = 2108.832 -> 2110; use 13 * 0.87868 = 11.42284 -> 11.4.
    let s = codec::parse("cur=EUR").scenario;
    assert_eq!(s.a.base, d("330000"));
    assert_eq!(s.a.tokens, d("87900"));
    assert_eq!(s.a.own, d("2110"));
    assert_eq!(s.use_per_day, d("11.4"));
    assert_eq!(s.fx_rate(), Some(d("0.87868")));
    // The link stays short: only cur differs from the defaults in EUR.
    assert_eq!(codec::write(&s), "cur=EUR");
    // A dollar figure typed in EUR is a change, written as such.
    let typed = codec::parse("base=375k&cur=EUR").scenario;
    assert_eq!(typed.a.base, d("375000"));
    assert_eq!(codec::write(&typed), "cur=EUR&base=375k");
}

#[test]
fn use_default_in_yen_is_2060() {
    // 13 * 158.696 = 2063.048 -> 2060; a year of 230 days = 473800.
    let p = run("cur=JPY");
    assert_eq!(p.use_year, d("473800"));
    assert_eq!(p.fx, d("158.696"));
    assert_eq!(p.currency, "JPY");
}

#[test]
fn token_prices_are_converted_with_fx() {
    // 1.032 USD per million (see blended_prices_and_tokens_per_day) * 0.87868 = 0.90679776 EUR.
    let p = run("cur=EUR&base=375k&tokens=100k");
    assert_eq!(p.blended_per_million, d("0.90679776"));
    // The headline claims hold in any currency for the same figures.
    assert_eq!(p.offers[0].years[0].headline, d("475000"));
    assert_eq!(
        p.offers[0].compute_share,
        d("0.2105263157894736842105263158")
    );
}

#[test]
fn fx_given_wins_over_the_table_for_defaults_too() {
    // 375000 * 0.9 = 337500 -> 338000 (half away from zero); 100000 * 0.9 = 90000.
    let s = codec::parse("cur=EUR&fx=0.9").scenario;
    assert_eq!(s.a.base, d("338000"));
    assert_eq!(s.a.tokens, d("90000"));
    assert_eq!(s.fx_rate(), Some(d("0.9")));
    assert_eq!(run("cur=EUR&fx=0.9").blended_per_million, d("0.9288"));
    // fx=1 in EUR: the dollar figures.
    assert_eq!(codec::parse("cur=EUR&fx=1").scenario.a.base, d("375000"));
    assert_eq!(codec::write(&s), "cur=EUR&fx=0.9");
}

#[test]
fn money_ranges_are_dollar_bounds_times_fx() {
    // 1e9 * 0.87868 = 878,680,000 EUR, whichever order the keys come in.
    let ok = codec::parse("base=878680000&cur=EUR");
    assert!(ok.is_ok(), "{:?}", ok.errors);
    let bad = codec::parse("base=878680000.01&cur=EUR");
    assert_eq!(bad.errors.len(), 1);
    let message = bad.errors[0].to_string();
    assert!(message.contains("is out of range"), "{message}");
    assert!(message.contains("0 to 878,680,000"), "{message}");
}

#[test]
fn a_known_currency_without_a_rate_needs_fx() {
    let parsed = codec::parse("cur=ISK");
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    let message = parsed.errors[0].to_string();
    assert_eq!(parsed.errors[0].key, "fx");
    assert!(message.starts_with("Exchange rate (fx): "), "{message}");
    assert!(
        message.contains("ISK has no built-in exchange rate"),
        "{message}"
    );
    match project(&parsed.scenario) {
        Err(ComputeError::Invalid { keys }) => assert_eq!(keys[0].to_string(), "fx"),
        other => panic!("expected fx to be missing, got {other:?}"),
    }
    // With fx it computes: 375000 * 140 = 52,500,000 ISK base by default.
    let s = codec::parse("cur=ISK&fx=140");
    assert!(s.is_ok(), "{:?}", s.errors);
    assert_eq!(s.scenario.a.base, d("52500000"));
    for bad in ["0", "-1", "1000000.5", "0.1234567"] {
        assert!(
            !codec::parse(&format!("cur=ISK&fx={bad}")).is_ok(),
            "fx={bad}"
        );
    }
}

#[test]
fn use_multiple_of_a_100k_budget_is_about_33() {
    // 100000 / (13 * 230) = 100000 / 2990 = 33.444816053511705685618729097…
    let p = run("");
    assert_eq!(p.use_year, d("2990"));
    let multiple = p.offers[0].use_multiple.unwrap();
    assert!(
        close(multiple, "33.44481605351170568561872909699"),
        "{multiple}"
    );
    assert_eq!(run("use=0").offers[0].use_multiple, None);
}

#[test]
fn beyond_use_starts_at_twice_a_daily_users_year() {
    // 2 * 2990 = 5980.
    let has = |q: &str| run(q).offers[0].flags.contains(&Flag::BeyondUse);
    assert!(has("tokens=5980"));
    assert!(!has("tokens=5979.99"));
    assert!(!has("use=0"));
    // 10 days of $13 = 130 a year: 260 is twice that.
    assert!(has("tokens=260&days=10"));
    assert!(!has("tokens=259&days=10"));
}
