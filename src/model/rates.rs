//! Reference exchange rates: units of each currency per US dollar, used to
//! price tokens (model prices are in USD) and to convert the US-dollar
//! defaults and ranges (MODEL.md, "Currencies"). The one place to update
//! when rates are refreshed: the rows, `RATES_DATE` and `RATES_SOURCE`.

use rust_decimal::Decimal;

/// The day the rates below are of.
pub const RATES_DATE: &str = "2026-09-25";
/// Where they come from.
pub const RATES_SOURCE: &str = "a daily snapshot of an open exchange-rate feed (EUR-based, converted with its EUR/USD of 1.13807), checked against the Federal Reserve's H.10 rates of the same day";

/// `units` scaled down by `scale` decimals, at compile time.
const fn rate(units: u32, scale: u32) -> Decimal {
    Decimal::from_parts(units, 0, 0, false, scale)
}

/// Units per USD, sorted by code for binary search (PRICES.md).
pub const RATES: &[(&str, Decimal)] = &[
    ("AED", rate(367_249, 5)),
    ("AUD", rate(142_448, 5)),
    ("BRL", rate(517_799, 5)),
    ("CAD", rate(141_274, 5)),
    ("CHF", rate(82_745, 5)),
    ("CNY", rate(671_059, 5)),
    ("CZK", rate(214_412, 4)),
    ("DKK", rate(656_901, 5)),
    ("EUR", rate(87_868, 5)),
    ("GBP", rate(75_609, 5)),
    ("HKD", rate(783_882, 5)),
    ("HUF", rate(321_577, 3)),
    ("IDR", rate(1_786_250, 2)),
    ("ILS", rate(304_714, 5)),
    ("INR", rate(958_027, 4)),
    ("JPY", rate(158_696, 3)),
    ("KRW", rate(136_858, 2)),
    ("MXN", rate(176_305, 4)),
    ("NOK", rate(950_134, 5)),
    ("NZD", rate(176_544, 5)),
    ("PHP", rate(626_676, 4)),
    ("PLN", rate(384_890, 5)),
    ("SAR", rate(374_999, 5)),
    ("SEK", rate(991_572, 5)),
    ("SGD", rate(127_940, 5)),
    ("THB", rate(334_412, 4)),
    ("TRY", rate(488_955, 4)),
    ("TWD", rate(317_842, 4)),
    ("USD", rate(1, 0)),
    ("VND", rate(2_595_030, 2)),
    ("ZAR", rate(164_210, 4)),
];

/// The reference rate of `code`, if the table has one.
pub fn reference_rate(code: &str) -> Option<Decimal> {
    RATES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .and_then(|i| RATES.get(i))
        .map(|(_, r)| *r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn sorted_known_and_as_printed_in_prices_md() {
        assert!(RATES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(RATES
            .iter()
            .all(|(c, _)| super::super::currency::is_known(c)));
        assert_eq!(RATES.len(), 31);
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(reference_rate("EUR"), Some(d("0.87868")));
        assert_eq!(reference_rate("JPY"), Some(d("158.696")));
        assert_eq!(reference_rate("IDR"), Some(d("17862.50")));
        assert_eq!(reference_rate("VND"), Some(d("25950.30")));
        assert_eq!(reference_rate("USD"), Some(Decimal::ONE));
        assert_eq!(reference_rate("ISK"), None);
    }
}
