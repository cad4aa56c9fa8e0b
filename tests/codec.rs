//! The scenario codec: money forms, query strings, data attributes, and every
//! rule of MODEL.md's "Bad input", with the message text checked.
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
use tokenworth::codec::{self, money, parse, parse_attributes, parse_value, write};
use tokenworth::model::{Scenario, Value};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn money_in_every_documented_form() {
    for (text, value) in [
        ("375000", "375000"),
        ("375000.50", "375000.5"),
        ("375,000", "375000"),
        ("375k", "375000"),
        ("375K", "375000"),
        ("1.2m", "1200000"),
        ("1.2M", "1200000"),
        ("$375k", "375000"),
        ("$1,200.5k", "1200500"),
        ("  $ 375,000.25 ", "375000.25"),
        ("0.015k", "15"),
    ] {
        assert_eq!(money::parse_money(text), Ok(d(value)), "{text}");
    }
}

#[test]
fn money_that_is_not_money() {
    use money::NumberProblem::*;
    for (text, problem) in [
        ("", Empty),
        ("abc", NotANumber),
        ("1e5", NotANumber),
        ("12.", NotANumber),
        ("1.2.3", NotANumber),
        ("NaN", NotANumber),
        ("0x10", NotANumber),
        ("1,23", BadGrouping),
        ("1234,567", BadGrouping),
        (",123", BadGrouping),
        ("123456789012345678901", TooLong),
    ] {
        assert_eq!(money::parse_money(text), Err(problem), "{text}");
    }
}

#[test]
fn money_is_written_short_and_reads_back_exactly() {
    for (value, text) in [
        ("375000", "375k"),
        ("1200000", "1.2m"),
        ("2400", "2.4k"),
        ("375000.5", "375000.5"),
        ("999", "999"),
        ("0", "0"),
        ("1234567", "1234567"),
    ] {
        let written = money::write_money(d(value));
        assert_eq!(written, text);
        assert_eq!(money::parse_money(&written), Ok(d(value)));
    }
}

#[test]
fn bad_values_name_the_field_the_value_and_the_range() {
    let cases = [
        ("base", "abc", "Base salary (base): \"abc\" is not a number. Accepted: an amount from 0 to 1,000,000,000, such as 375000, 375,000, 375k or $1.2m, with at most 2 decimals."),
        ("b.base", "-5", "Base salary, Offer B (b.base): \"-5\" is negative. Accepted: an amount from 0 to 1,000,000,000, such as 375000, 375,000, 375k or $1.2m, with at most 2 decimals."),
        ("tokens", "2000m", "Token budget (tokens): \"2000m\" is out of range. Accepted: an amount from 0 to 1,000,000,000, such as 375000, 375,000, 375k or $1.2m, with at most 2 decimals."),
        ("signing", "10.125", "Signing bonus (signing): \"10.125\" has more than 2 decimals. Accepted: an amount from 0 to 1,000,000,000, such as 375000, 375,000, 375k or $1.2m, with at most 2 decimals."),
        ("tax", "120", "Tax rate (tax): \"120\" is out of range. Accepted: a percent from 0 to 99, written as a plain number such as 3 or 4.5 (at most 4 decimals)."),
        ("years", "2.5", "Horizon (years): \"2.5\" is not a whole number. Accepted: a whole number of years from 1 to 10."),
        ("years", "11", "Horizon (years): \"11\" is out of range. Accepted: a whole number of years from 1 to 10."),
        ("vest", "10-10", "Vesting schedule (vest): \"10-10\" adds up to 20, not 100. Accepted: 1 to 10 yearly percentages separated by '-', each 0 or more and adding up to 100, such as 25-25-25-25 or 5-15-40-40."),
        ("vest", "10-x-90", "Vesting schedule (vest): \"10-x-90\" has entry 2 \"x\" that is not a number. Accepted: 1 to 10 yearly percentages separated by '-', each 0 or more and adding up to 100, such as 25-25-25-25 or 5-15-40-40."),
        ("imputed", "maybe", "Personal use taxed (imputed): \"maybe\" is neither 1 nor 0. Accepted: 1 (yes) or 0 (no)."),
        ("cur", "XYZ", "Currency (cur): \"XYZ\" is not a known currency code. Accepted: a 3-letter ISO 4217 currency code such as USD, EUR or GBP."),
        ("label", "", "Offer name (label): \"\" is empty. Accepted: a plain-text name of 1 to 40 characters, without control or invisible formatting characters."),
    ];
    for (key, given, message) in cases {
        let error = parse_value(key, given).unwrap_err();
        assert_eq!(error.to_string(), message);
        assert_eq!(error.key, key);
        assert_eq!(error.given, given);
    }
    let model = parse_value("model", "gpt-4").unwrap_err().to_string();
    assert!(model.starts_with("AI model (model): \"gpt-4\" is not a known model. Accepted: one of claude-opus-5, claude-sonnet-5,"), "{model}");
    let long = parse_value("label", &"x".repeat(41)).unwrap_err();
    assert_eq!(long.problem, "is 41 characters long");
}

#[test]
fn values_in_range_are_read() {
    assert_eq!(parse_value("raise", "-50"), Ok(Value::Number(d("-50"))));
    assert_eq!(parse_value("tax", "37.5%"), Ok(Value::Number(d("37.5"))));
    assert_eq!(
        parse_value("vest", "33.33/33.33/33.34"),
        Ok(Value::Vest(vec![d("33.33"), d("33.33"), d("33.34")]))
    );
    assert_eq!(
        parse_value("vest", "50-50.005"),
        Ok(Value::Vest(vec![d("50"), d("50.005")]))
    );
    assert_eq!(parse_value("cur", "eur"), Ok(Value::Text("EUR".into())));
    assert_eq!(
        parse_value("label", "  Big Co  "),
        Ok(Value::Text("Big Co".into()))
    );
    assert_eq!(parse_value("imputed", "0"), Ok(Value::Bool(false)));
    assert_eq!(parse_value("years", "10"), Ok(Value::Whole(10)));
}

#[test]
fn every_problem_is_collected_and_the_valid_part_applied() {
    let parsed = parse("?base=abc&tokens=50k&tax=120&b.base=400k&years=0");
    let keys: Vec<_> = parsed.errors.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, vec!["years", "tax", "base"]);
    assert_eq!(parsed.scenario.a.tokens, d("50000"));
    assert_eq!(
        parsed.scenario.a.base,
        d("375000"),
        "a bad value keeps the default"
    );
    assert_eq!(parsed.scenario.b.as_ref().unwrap().base, d("400000"));
}

#[test]
fn duplicate_keys_are_an_error_and_neither_value_is_applied() {
    let parsed = parse("base=400k&base=500k");
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(
        parsed.errors[0].to_string(),
        "Base salary (base): \"500k\" is given a second time (first \"400k\"). Accepted: each key once."
    );
    assert_eq!(parsed.scenario.a.base, d("375000"));
}

#[test]
fn unknown_keys_are_noticed_not_errors() {
    let parsed = parse("utm_source=news&base=400k&b.years=3");
    assert!(parsed.is_ok());
    assert_eq!(
        parsed.notices,
        vec![
            "Ignored \"utm_source\": it is not a tokenworth setting.",
            "Ignored \"b.years\": years applies to both offers, so it has no b. form."
        ]
    );
    assert_eq!(parsed.scenario.a.base, d("400000"));
    assert!(parsed.scenario.b.is_none());
}

#[test]
fn query_strings_are_percent_decoded() {
    let parsed = parse("label=Big+Co%20%E2%9C%93&base=%24375%2C000&b.label=Start-up");
    assert!(parsed.is_ok(), "{:?}", parsed.errors);
    assert_eq!(parsed.scenario.a.label, "Big Co ✓");
    assert_eq!(parsed.scenario.a.base, d("375000"));
    assert_eq!(parsed.scenario.b.as_ref().unwrap().label, "Start-up");
    // A broken escape is kept as written, then refused by the field.
    let broken = parse("base=%zz");
    assert_eq!(broken.errors[0].given, "%zz");
}

#[test]
fn writing_emits_only_changed_keys_in_a_stable_order() {
    assert_eq!(write(&Scenario::default()), "");
    let mut s = parse("tokens=250k&base=500k&years=5&tax=30").scenario;
    assert_eq!(write(&s), "years=5&tax=30&base=500k&tokens=250k");
    s.b = Some(tokenworth::model::Offer::default_for(
        tokenworth::model::Side::B,
    ));
    assert_eq!(
        write(&s),
        "years=5&tax=30&base=500k&tokens=250k&b.label=Offer%20B"
    );
    assert_eq!(parse(&write(&s)).scenario, s);
    let labelled = parse("label=Big%20Co%20%26%20sons&vest=5-15-40-40&imputed=0&cur=EUR&input=90");
    assert_eq!(
        write(&labelled.scenario),
        "cur=EUR&input=90&label=Big%20Co%20%26%20sons&vest=5-15-40-40&imputed=0"
    );
}

#[test]
fn data_attributes_use_the_same_codec() {
    let parsed = parse_attributes(pairs(&[
        ("data-tokenworth", ""),
        ("data-theme", "dark"),
        ("data-scenario", "base=500k&tokens=250k&years=3"),
        ("data-tokens", "200k"),
        ("data-b-base", "400000"),
        ("data-colour", "red"),
        ("class", "anything"),
    ]));
    assert!(parsed.is_ok(), "{:?}", parsed.errors);
    let s = &parsed.scenario;
    assert_eq!(s.a.base, d("500000"));
    assert_eq!(
        s.a.tokens,
        d("200000"),
        "a single attribute wins over data-scenario"
    );
    assert_eq!(s.years, 3);
    assert_eq!(s.b.as_ref().unwrap().base, d("400000"));
    assert_eq!(
        parsed.notices,
        vec!["Ignored \"colour\": it is not a tokenworth setting."]
    );

    let bad = parse_attributes(pairs(&[("data-b-tokens", "lots")]));
    assert_eq!(bad.errors[0].key, "b.tokens");
    assert!(bad.errors[0]
        .to_string()
        .starts_with("Token budget, Offer B (b.tokens): \"lots\" is not a number."));
}

#[test]
fn json_result_holds_exact_strings_and_nulls() {
    let projection =
        tokenworth::model::project(&parse("base=0&tokens=100k&b.tokens=0").scenario).unwrap();
    let json = codec::json::result(&projection);
    assert_eq!(json.version, 2);
    assert_eq!(json.model, "claude-sonnet-5");
    assert_eq!(json.currency, "USD");
    assert_eq!(json.fx, "1");
    // 0.95 * (0.8 * 0.20 + 0.2 * 2.00) + 0.05 * 10.00 (PRICES.md)
    assert_eq!(json.blended_per_million, "1.032");
    // 13 * 230; 100000 / 2990 >= 2, and B has no budget
    assert_eq!(json.use_year, "2990");
    assert_eq!(json.offers[1].use_multiple.as_deref(), Some("0"));
    assert_eq!(json.offers[0].compute_to_base, None);
    assert_eq!(json.offers[0].compute_share, "1");
    assert_eq!(json.offers[1].token_keep_ratio, None);
    assert_eq!(json.offers[1].years[0].headline, "375000");
    assert_eq!(
        json.offers[0].flags,
        vec!["one_in_five", "no_personal_use", "beyond_use"]
    );
    let compare = json.compare.unwrap();
    // B's four years of base (1568860.125, see tests/model.rs) minus A's 4 x 100000 tokens.
    assert_eq!(compare.delta_headline, "1168860.125");
    assert!(!compare.headline_misleads);
}

/// Issue 10 point 7: bidi controls and other format characters would
/// reorder the verdict sentence around a label. Every way text enters goes
/// through `parse_value`, which refuses them and names the character.
const FORMAT_CHAR_LABELS: &[(&str, &str)] = &[
    ("Big\u{202E}Co", "U+202E"),  // right-to-left override
    ("\u{2066}Big Co", "U+2066"), // left-to-right isolate
    ("Big Co\u{2069}", "U+2069"), // pop directional isolate
    ("Big\u{200B}Co", "U+200B"),  // zero-width space
    ("Big\u{FEFF}Co", "U+FEFF"),  // zero-width no-break space
    ("Big\u{2060}Co", "U+2060"),  // word joiner
];

#[test]
fn labels_with_format_characters_are_refused_by_parse_value() {
    for (label, code) in FORMAT_CHAR_LABELS {
        let error = parse_value("b.label", label).unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("Offer name, Offer B (b.label): "),
            "{message}"
        );
        assert!(message.contains(code), "{message}");
        // The message itself carries no format character to reorder it.
        assert!(
            !message
                .chars()
                .any(tokenworth::model::input::is_format_char),
            "{message}"
        );
        assert_eq!(error.given, *label);
    }
}

#[test]
fn labels_with_format_characters_are_refused_in_links() {
    let parsed = parse("label=Big%E2%80%AECo&b.label=Startup%E2%81%A6");
    let keys: Vec<_> = parsed.errors.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, vec!["label", "b.label"]);
    assert!(parsed.errors[0].problem.contains("U+202E"));
    assert!(parsed.errors[1].problem.contains("U+2066"));
    assert_eq!(parsed.scenario.a.label, "Offer A");
    assert_eq!(parsed.scenario.b.as_ref().unwrap().label, "Offer B");
}

#[test]
fn labels_with_format_characters_are_refused_in_attributes_and_api_objects() {
    let attrs = vec![
        ("data-label".to_string(), "Big\u{202D}Co".to_string()),
        ("data-b-label".to_string(), "Startup".to_string()),
    ];
    let parsed = parse_attributes(attrs);
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert!(parsed.errors[0].to_string().contains("U+202D"));
    assert_eq!(parsed.scenario.a.label, "Offer A");
    assert_eq!(parsed.scenario.b.as_ref().unwrap().label, "Startup");
    // The JS API hands an object's entries to parse_pairs.
    let pairs = vec![("label".to_string(), "\u{200F}Big Co".to_string())];
    let parsed = codec::parse_pairs(pairs);
    assert!(parsed.errors[0].to_string().contains("U+200F"));
}

/// `k0=1&k1=1&…`: `n` distinct keys that are not settings.
fn unknown_keys(n: usize) -> String {
    (0..n)
        .map(|i| format!("k{i}=1"))
        .collect::<Vec<_>>()
        .join("&")
}

#[test]
fn more_keys_than_the_cap_are_one_error_naming_the_count_and_the_cap() {
    for (query, count) in [
        (format!("base=400k&{}", unknown_keys(1000)), "1001"),
        (unknown_keys(100_000), "100000"),
    ] {
        let parsed = parse(&query);
        assert_eq!(parsed.errors.len(), 1, "{count}: {:?}", parsed.errors);
        assert_eq!(
            parsed.errors[0].to_string(),
            format!(
                "scenario (scenario): \"{count} keys\" are more than the 1000 keys a scenario may have. \
Accepted: at most 1000 key=value pairs (every setting of both offers is fewer than 60)."
            )
        );
        assert_eq!(parsed.scenario, Scenario::default(), "nothing is applied");
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices.len());
    }
}

#[test]
fn unknown_key_notices_name_the_first_20_and_count_the_rest() {
    // 999 unknown keys and one setting: 1000 pairs, at the cap.
    let parsed = parse(&format!("{}&base=400k", unknown_keys(999)));
    assert!(parsed.is_ok(), "{:?}", parsed.errors);
    assert_eq!(parsed.scenario.a.base, d("400000"));
    assert_eq!(
        parsed.notices.len(),
        21,
        "last: {:?}",
        parsed.notices.last()
    );
    assert_eq!(
        parsed.notices[0],
        "Ignored \"k0\": it is not a tokenworth setting."
    );
    assert_eq!(
        parsed.notices[19],
        "Ignored \"k19\": it is not a tokenworth setting."
    );
    assert_eq!(
        parsed.notices[20],
        "Ignored 979 more keys that are not tokenworth settings (only the first 20 are named)."
    );
    // Exactly 20 unknown keys: all named, no count.
    let twenty = parse(&unknown_keys(20));
    assert_eq!(twenty.notices.len(), 20, "{:?}", twenty.notices);
    assert!(twenty.notices.iter().all(|n| !n.contains("more keys")));
}

#[test]
fn a_key_repeated_among_many_is_one_error_and_stays_at_its_default() {
    let parsed = parse(&format!(
        "tokens=1k&{}&tokens=2k&tokens=3k&years=3",
        unknown_keys(900)
    ));
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(
        parsed.errors[0].to_string(),
        "Token budget (tokens): \"2k\" is given a second time (first \"1k\"). Accepted: each key once."
    );
    assert_eq!(parsed.scenario.a.tokens, Scenario::default().a.tokens);
    assert_eq!(parsed.scenario.years, 3);
}

/// Issue 12 point 2: what a reader types is read the way their locale
/// writes numbers. The marks are those `Intl.NumberFormat(locale)
/// .formatToParts(1234.5)` gives (Node 20): en-US `,` `.`; de-DE `.` `,`;
/// fr-FR U+202F `,`; en-IN and ja-JP `,` `.`.
mod typed_in_a_locale {
    use super::*;
    use money::NumberStyle;
    use money::{parse_typed_money, parse_typed_number, parse_typed_percent, NumberProblem};

    fn style(group: char, decimal: char) -> NumberStyle {
        NumberStyle::new(group, decimal).unwrap()
    }

    #[test]
    fn money_per_locale() {
        let en = NumberStyle::EN_US;
        let de = style('.', ',');
        let fr = style('\u{202f}', ',');
        for (style, text, value) in [
            (de, "375.000", "375000"),
            (de, "1.234,5", "1234.5"),
            (de, "375.000 €", "375000"),
            (de, "475.000\u{a0}€", "475000"),
            (de, "1.200.000", "1200000"),
            (de, "1,5k", "1500"),
            (de, "375000", "375000"),
            (fr, "375 000", "375000"),
            (fr, "375\u{a0}000", "375000"),
            (fr, "375\u{202f}000", "375000"),
            (fr, "1 234,5", "1234.5"),
            (fr, "475\u{202f}000\u{a0}€", "475000"),
            (en, "375,000", "375000"),
            (en, "1,375.000", "1375"),
            (en, "375.5", "375.5"),
            (en, "0.125", "0.125"),
            (en, "375.000k", "375000"),
            (en, "₹4,75,000", "475000"),
            (en, "4,75,000", "475000"),
            (en, "¥59,500,000", "59500000"),
            (en, "$1.2m", "1200000"),
        ] {
            assert_eq!(
                parse_typed_money(text, style),
                Ok(d(value)),
                "{text} in {style:?}"
            );
        }
        for (style, text, problem) in [
            (en, "375.000", NumberProblem::Ambiguous),
            (en, "$375.000", NumberProblem::Ambiguous),
            (en, "12.500", NumberProblem::Ambiguous),
            (de, "375,000", NumberProblem::Ambiguous),
            (de, "375000.50", NumberProblem::BadGrouping),
            (de, "1,2,3", NumberProblem::NotANumber),
            (fr, "1 23", NumberProblem::BadGrouping),
            (en, "1,23", NumberProblem::BadGrouping),
            (en, "4,75,00", NumberProblem::BadGrouping),
        ] {
            assert_eq!(
                parse_typed_money(text, style),
                Err(problem),
                "{text} in {style:?}"
            );
        }
    }

    #[test]
    fn percents_and_rates_per_locale() {
        let de = style('.', ',');
        let fr = style('\u{202f}', ',');
        assert_eq!(parse_typed_percent("4,5", de), Ok(d("4.5")));
        assert_eq!(parse_typed_percent("4.5", de), Ok(d("4.5")));
        assert_eq!(parse_typed_percent("4,5\u{a0}%", fr), Ok(d("4.5")));
        assert_eq!(parse_typed_number("158,696", de), Ok(d("158.696")));
        assert_eq!(parse_typed_number("17.862,5", de), Ok(d("17862.5")));
        // A rate has three decimals often: not ambiguous.
        assert_eq!(
            parse_typed_number("158.696", NumberStyle::EN_US),
            Ok(d("158.696"))
        );
    }

    #[test]
    fn the_ambiguous_message_names_the_field_the_text_and_both_readings() {
        let base = tokenworth::model::FullKey::parse("base").unwrap();
        let en = codec::parse_typed_field(base, "375.000", Decimal::ONE, NumberStyle::EN_US)
            .unwrap_err()
            .to_string();
        assert!(
            en.starts_with(
                "Base salary (base): \"375.000\" could be read two ways: write 375,000 or 375."
            ),
            "{en}"
        );
        let de = codec::parse_typed_field(base, "375,500", Decimal::ONE, style('.', ','))
            .unwrap_err()
            .to_string();
        assert!(de.contains("write 375.500 or 375,5."), "{de}");
        assert!(de.contains("from 0 to 1.000.000.000"), "{de}");
        let tax = tokenworth::model::FullKey::parse("tax").unwrap();
        let de = codec::parse_typed_field(tax, "4.5.1", Decimal::ONE, style('.', ','))
            .unwrap_err()
            .to_string();
        assert!(de.contains("such as 3 or 4,5 "), "{de}");
    }

    #[test]
    fn shown_values_read_back_in_their_locale() {
        for style in [NumberStyle::EN_US, style('.', ','), style('\u{202f}', ',')] {
            for value in ["375000", "1234.5", "999", "1200000.25", "0"] {
                let written = style.write(d(value));
                assert_eq!(
                    parse_typed_money(&written, style),
                    Ok(d(value)),
                    "{written}"
                );
            }
        }
        assert_eq!(style('.', ',').write(d("375000.5")), "375.000,5");
    }

    /// Links stay neutral: a link written in Berlin opens the same scenario
    /// in Boston, whatever the reader's locale.
    #[test]
    fn links_keep_the_neutral_rules() {
        assert_eq!(money::parse_money("375.000"), Ok(d("375")));
        assert_eq!(money::parse_money("375,000"), Ok(d("375000")));
        let s = parse("base=375000&tax=4.5").scenario;
        assert_eq!(write(&s), "tax=4.5");
        assert_eq!(s.a.base, d("375000"));
    }
}
