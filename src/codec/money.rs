//! Amounts and numbers as people write them: `375000`, `375,000.50`, `375k`,
//! `$1.2m`, `4.5%`. Parsing never panics and never rounds.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Why a text is not a number. The caller adds the field and the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    Empty,
    NotANumber,
    BadGrouping,
    TooLong,
}

impl NumberProblem {
    pub fn describe(self) -> &'static str {
        match self {
            NumberProblem::Empty => "is empty",
            NumberProblem::NotANumber => "is not a number",
            NumberProblem::BadGrouping => "has commas in the wrong places",
            NumberProblem::TooLong => "has too many digits",
        }
    }
}

/// Digits allowed in the written number, before scaling.
const MAX_DIGITS: usize = 20;

/// A money amount: optional currency symbol, thousands commas, optional
/// `k` (thousand) or `m` (million) suffix, in any case. The sign is kept so
/// that the range check can say "0 or more".
pub fn parse_money(text: &str) -> Result<Decimal, NumberProblem> {
    let mut rest = text.trim();
    let negative = if let Some(r) = rest.strip_prefix('-') {
        rest = r.trim_start();
        true
    } else {
        false
    };
    for symbol in ["$", "€", "£", "US$"] {
        if let Some(r) = rest.strip_prefix(symbol) {
            rest = r.trim_start();
            break;
        }
    }
    let (number, scale) = match rest.char_indices().last() {
        Some((i, 'k' | 'K')) => (&rest[..i], Decimal::ONE_THOUSAND),
        Some((i, 'm' | 'M')) => (&rest[..i], Decimal::from(1_000_000)),
        _ => (rest, Decimal::ONE),
    };
    let value = parse_plain(number.trim_end(), true)?;
    let value = value.checked_mul(scale).ok_or(NumberProblem::TooLong)?;
    Ok(if negative { -value } else { value })
}

/// A plain number with an optional sign and an optional trailing `%`.
pub fn parse_percent(text: &str) -> Result<Decimal, NumberProblem> {
    let trimmed = text.trim();
    let trimmed = trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end();
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let value = parse_plain(digits, false)?;
    Ok(if negative { -value } else { value })
}

/// A plain number with an optional sign and thousands commas (an exchange
/// rate: `158.696`, `17,862.5`).
pub fn parse_number(text: &str) -> Result<Decimal, NumberProblem> {
    let trimmed = text.trim();
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let value = parse_plain(digits, true)?;
    Ok(if negative { -value } else { value })
}

/// Unsigned digits with an optional fraction; commas as thousands
/// separators when `grouping` is allowed (groups of three).
fn parse_plain(text: &str, grouping: bool) -> Result<Decimal, NumberProblem> {
    if text.is_empty() {
        return Err(NumberProblem::Empty);
    }
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let whole_digits: String = if grouping && whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        if first.is_empty() || first.len() > 3 {
            return Err(NumberProblem::BadGrouping);
        }
        let mut digits = first.to_string();
        for group in groups {
            if group.len() != 3 {
                return Err(NumberProblem::BadGrouping);
            }
            digits.push_str(group);
        }
        digits
    } else {
        whole.to_string()
    };
    let frac = frac.unwrap_or("");
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole_digits.is_empty() && frac.is_empty())
        || !all_digits(&whole_digits)
        || !all_digits(frac)
        || (text.contains('.') && frac.is_empty())
    {
        return Err(NumberProblem::NotANumber);
    }
    if whole_digits.len() + frac.len() > MAX_DIGITS {
        return Err(NumberProblem::TooLong);
    }
    let canonical = if frac.is_empty() {
        whole_digits
    } else {
        format!(
            "{}.{frac}",
            if whole_digits.is_empty() {
                "0"
            } else {
                &whole_digits
            }
        )
    };
    Decimal::from_str(&canonical).map_err(|_| NumberProblem::NotANumber)
}

/// Writes an amount as short as it reads back exactly: `375k`, `1.2m`,
/// `375000.5`.
pub fn write_money(value: Decimal) -> String {
    let million = Decimal::from(1_000_000);
    let short = |unit: Decimal, suffix: &str| {
        let scaled = (value / unit).normalize();
        (scaled.scale() <= 3).then(|| format!("{scaled}{suffix}"))
    };
    let plain = || plain_number(value);
    if value.abs() >= million {
        short(million, "m").unwrap_or_else(plain)
    } else if value.abs() >= Decimal::ONE_THOUSAND {
        short(Decimal::ONE_THOUSAND, "k").unwrap_or_else(plain)
    } else {
        plain()
    }
}

/// The exact value with no trailing zeros and no negative zero.
pub fn plain_number(value: Decimal) -> String {
    let n = value.normalize();
    if n.is_zero() {
        "0".to_string()
    } else {
        n.to_string()
    }
}
