//! Numbers to text, in one place: display rounding (half away from zero, as
//! people round; never `round_dp`, which is banker's), thousands grouping,
//! and en-US text identical to what `Intl.NumberFormat` prints for these
//! options, so the default view (USD) needs no Intl: the first
//! `Intl.NumberFormat` of a page loads ICU data, 40 to 70 ms in headless
//! Chromium (`make bench`), all of it before the first figures.
//!
//! A leaf: it knows nothing of the model, so the codec (range texts), the
//! words (`explain`, `publish`) and the components all use it. `ui::format`
//! goes through Intl for the other currencies.

use rust_decimal::{Decimal, RoundingStrategy};

/// Money shown to whole units, halves away from zero (as people round).
pub fn whole(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// `b - a` as a reader checks it against the two figures shown: the
/// difference of the whole amounts, not the whole of the difference
/// (200,000.40 − 100,000.60 shows as 200,000 − 100,001 = 99,999, not 100,000).
pub fn shown_difference(a: Decimal, b: Decimal) -> Decimal {
    whole(b) - whole(a)
}

/// A fraction shown as a percent with one decimal: 0.210526 -> 21.1.
pub fn percent_one(ratio: Decimal) -> Decimal {
    (ratio * Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// A fraction as an en-US percent with one decimal: 0.210526 is "21.1%".
pub fn percent(ratio: Decimal) -> String {
    format!("{}%", percent_one(ratio))
}

/// Digits with thousands commas, the fraction kept: 176984885 is
/// `176,984,885`, 375000.5 is `375,000.5`. No rounding: see [`whole`].
pub fn grouped(amount: Decimal) -> String {
    grouped_with(amount, ',', '.')
}

/// [`grouped`] with a locale's marks: `375.000,5` with `.` and `,`.
pub fn grouped_with(amount: Decimal, group: char, decimal: char) -> String {
    let plain = amount.normalize().to_string();
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", plain.as_str()),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// Plain-text whole money for the terminal and as the fallback where Intl
/// is missing: `$475,000`, `-$3,000`, `475,000 EUR`.
pub fn plain_money(amount: Decimal, currency: &str) -> String {
    let text = grouped(whole(amount));
    match (currency, text.strip_prefix('-')) {
        ("USD", Some(positive)) => format!("-${positive}"),
        ("USD", None) => format!("${text}"),
        _ => format!("{text} {currency}"),
    }
}

/// Money in a few characters for a badge, of the whole amount: in US
/// dollars as `Intl.NumberFormat("en-US", {notation: "compact", style:
/// "currency", currency: "USD"})` prints it: "$375K", "$1.2M", "$12K",
/// "-$3K". Intl's default compact rounding, kept here: one decimal while
/// the scaled figure is under 10 ("$1.2M"), whole above ("$375K"), halves
/// away from zero, and a figure that rounds up to 1000 moves to the next
/// letter ("$1M", not "$1000K"). Other currencies get the same number with
/// the code after it ("108K EUR"), like [`plain_money`].
pub fn compact_money(amount: Decimal, currency: &str) -> String {
    const LETTERS: [(u32, &str); 4] = [(3, "K"), (6, "M"), (9, "B"), (12, "T")];
    let rounded = whole(amount);
    let negative = rounded < Decimal::ZERO;
    let a = rounded.abs();
    let pow = |exp: u32| Decimal::from(10_u64.pow(exp));
    let scaled = |at: Option<usize>| {
        let exp = at.and_then(|i| LETTERS.get(i)).map_or(0, |l| l.0);
        let q = a / pow(exp);
        let dp = if q < Decimal::TEN { 1 } else { 0 };
        q.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
    };
    let mut at = LETTERS.iter().rposition(|(exp, _)| a >= pow(*exp));
    let mut q = scaled(at);
    let next = at.map_or(0, |i| i + 1);
    if q >= Decimal::ONE_THOUSAND && next < LETTERS.len() {
        at = Some(next);
        q = scaled(at);
    }
    let letter = at.and_then(|i| LETTERS.get(i)).map_or("", |l| l.1);
    let text = q.normalize().to_string();
    // Compact notation groups only from five digits on: "$1000T", "$12,346T".
    let number = if text.len() >= 5 && !text.contains('.') {
        grouped(q)
    } else {
        text
    };
    let sign = if negative { "-" } else { "" };
    match currency {
        "USD" => format!("{sign}${number}{letter}"),
        _ => format!("{sign}{number}{letter} {currency}"),
    }
}

/// Whole money in US dollars as `Intl.NumberFormat("en-US", {style:
/// "currency", currency: "USD", currencyDisplay: "narrowSymbol",
/// maximumFractionDigits: 0})`: "$475,000", "-$3,000"; with `signed`
/// (`signDisplay: "exceptZero"`): "+$25,000", "-$3,000", "$0".
pub fn usd(amount: Decimal, signed: bool) -> String {
    let rounded = whole(amount);
    let text = plain_money(rounded, "USD");
    if signed && rounded > Decimal::ZERO {
        format!("+{text}")
    } else if rounded.is_zero() {
        "$0".to_string()
    } else {
        text
    }
}

/// A whole count as `Intl.NumberFormat("en-US", {maximumFractionDigits: 0})`: "6,500".
pub fn count(value: Decimal) -> String {
    let rounded = whole(value);
    if rounded.is_zero() {
        return "0".to_string();
    }
    grouped(rounded)
}

/// A count in words as `Intl.NumberFormat("en-US", {notation: "compact",
/// compactDisplay: "long", maximumFractionDigits: 1})` of the whole value:
/// "950", "1.2 thousand", "177 million", "27.4 trillion", "12,345.7 trillion".
/// The magnitude comes from the value, then one decimal is rounded half
/// away from zero; a rounding up to 1000 moves to the next word.
pub fn compact_words(value: Decimal) -> String {
    const WORDS: [(u32, &str); 4] = [
        (3, "thousand"),
        (6, "million"),
        (9, "billion"),
        (12, "trillion"),
    ];
    let rounded = whole(value);
    let sign = if rounded < Decimal::ZERO { "-" } else { "" };
    let a = rounded.abs();
    let pow = |exp: u32| Decimal::from(10_u64.pow(exp));
    let Some(mut at) = WORDS.iter().rposition(|(exp, _)| a >= pow(*exp)) else {
        return count(rounded);
    };
    let quotient = |at: usize| {
        let exp = WORDS.get(at).map_or(3, |w| w.0);
        (a / pow(exp)).round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
    };
    let mut q = quotient(at);
    if q >= Decimal::ONE_THOUSAND && at + 1 < WORDS.len() {
        at += 1;
        q = quotient(at);
    }
    let word = WORDS.get(at).map_or("", |w| w.1);
    let text = q.normalize().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    // Compact notation groups only from five digits on: "1000", "12,345".
    let int = if int.len() >= 5 {
        grouped(int.parse().unwrap_or_default())
    } else {
        int.to_string()
    };
    let frac = if frac.is_empty() {
        String::new()
    } else {
        format!(".{frac}")
    };
    format!("{sign}{int}{frac} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Expected values printed by Node's `Intl.NumberFormat` (full ICU).
    #[test]
    fn compact_words_like_intl() {
        for (v, want) in [
            ("0", "0"),
            ("7", "7"),
            ("950", "950"),
            ("999", "999"),
            ("999.6", "1 thousand"),
            ("1000", "1 thousand"),
            ("1049", "1 thousand"),
            ("1050", "1.1 thousand"),
            ("1234", "1.2 thousand"),
            ("12345", "12.3 thousand"),
            ("99949", "99.9 thousand"),
            ("99950", "100 thousand"),
            ("177000", "177 thousand"),
            ("999949", "999.9 thousand"),
            ("999950", "1 million"),
            ("1000000", "1 million"),
            ("1250000", "1.3 million"),
            ("3249999", "3.2 million"),
            ("3250000", "3.3 million"),
            ("999950000", "1 billion"),
            ("1000000000", "1 billion"),
            ("2500000000", "2.5 billion"),
            ("999950000000", "1 trillion"),
            ("1000000000000", "1 trillion"),
            ("27400000000000", "27.4 trillion"),
            ("999999999999999", "1000 trillion"),
            ("1000000000000000", "1000 trillion"),
            ("12345678901234567", "12,345.7 trillion"),
        ] {
            assert_eq!(compact_words(d(v)), want, "{v}");
        }
    }

    /// Expected values printed by Node 20 (ICU 78.2): `new
    /// Intl.NumberFormat("en-US", {notation: "compact", style: "currency",
    /// currency: "USD"}).format("<value>")`, the value passed as a string.
    #[test]
    fn compact_money_like_intl() {
        for (v, want) in [
            ("0", "$0"),
            ("7", "$7"),
            ("10", "$10"),
            ("999", "$999"),
            ("1000", "$1K"),
            ("1049", "$1K"),
            ("1050", "$1.1K"),
            ("1234", "$1.2K"),
            ("9949", "$9.9K"),
            ("9950", "$10K"),
            ("10500", "$11K"),
            ("12345", "$12K"),
            ("95000", "$95K"),
            ("99499", "$99K"),
            ("99500", "$100K"),
            ("375000", "$375K"),
            ("375500", "$376K"),
            ("999499", "$999K"),
            ("999500", "$1M"),
            ("1000000", "$1M"),
            ("1049999", "$1M"),
            ("1050000", "$1.1M"),
            ("1234567", "$1.2M"),
            ("9950000", "$10M"),
            ("12345678", "$12M"),
            ("999500000", "$1B"),
            ("2500000000", "$2.5B"),
            ("27400000000000", "$27T"),
            ("1000000000000000", "$1000T"),
            ("12345678901234567", "$12,346T"),
            ("-3000", "-$3K"),
            ("-1250000", "-$1.3M"),
            ("475000", "$475K"),
            ("281250", "$281K"),
        ] {
            assert_eq!(compact_money(d(v), "USD"), want, "{v}");
        }
        // Of the whole amount (money is shown to whole units): 999.5 -> 1000.
        assert_eq!(compact_money(d("999.5"), "USD"), "$1K");
        assert_eq!(compact_money(d("108000"), "EUR"), "108K EUR");
    }

    #[test]
    fn grouped_keeps_the_fraction_and_whole_rounds_half_away_from_zero() {
        assert_eq!(grouped(d("176984885")), "176,984,885");
        assert_eq!(grouped(d("375000.50")), "375,000.5");
        assert_eq!(grouped(d("-1234.25")), "-1,234.25");
        assert_eq!(grouped(d("999")), "999");
        assert_eq!(whole(d("2.5")), d("3"));
        assert_eq!(whole(d("-2.5")), d("-3"));
        assert_eq!(percent_one(d("0.210526")), d("21.1"));
        assert_eq!(plain_money(d("475000.5"), "EUR"), "475,001 EUR");
        assert_eq!(shown_difference(d("100000.60"), d("200000.40")), d("99999"));
    }

    #[test]
    fn usd_and_count_like_intl() {
        assert_eq!(usd(d("475000"), false), "$475,000");
        assert_eq!(usd(d("1234567.5"), false), "$1,234,568");
        assert_eq!(usd(d("-3000"), false), "-$3,000");
        assert_eq!(usd(d("0.4"), false), "$0");
        assert_eq!(usd(d("-0.4"), false), "$0");
        assert_eq!(usd(d("25000"), true), "+$25,000");
        assert_eq!(usd(d("-3000"), true), "-$3,000");
        assert_eq!(usd(d("0"), true), "$0");
        assert_eq!(count(d("6500")), "6,500");
        assert_eq!(count(d("17698.5")), "17,699");
        assert_eq!(count(d("-0.2")), "0");
        assert_eq!(count(d("999")), "999");
    }
}
