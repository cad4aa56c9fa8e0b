//! Amounts and numbers as people write them: `375000`, `375,000.50`, `375k`,
//! `$1.2m`, `4.5%`. Parsing never panics and never rounds.
//!
//! Two readings. Links, attributes and the JS API are read by neutral rules
//! (comma groups, dot decimals: `parse_money`), so a link copied in Berlin
//! opens the same scenario in Boston. What a reader types is read the way
//! their locale writes numbers (`parse_typed_money` with a [`NumberStyle`]):
//! `375.000` is 375000 in de-DE, and ambiguous in en-US.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Why a text is not a number. The caller adds the field and the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    Empty,
    NotANumber,
    BadGrouping,
    TooLong,
    /// Typed: a decimal mark followed by exactly three digits and nothing
    /// else that settles it (`375.000` in en-US): a grouped number written
    /// the other way, or a decimal? See [`readings`].
    Ambiguous,
}

impl NumberProblem {
    pub fn describe(self) -> &'static str {
        match self {
            NumberProblem::Empty => "is empty",
            NumberProblem::NotANumber => "is not a number",
            NumberProblem::BadGrouping => "has commas in the wrong places",
            NumberProblem::TooLong => "has too many digits",
            NumberProblem::Ambiguous => "could be read two ways",
        }
    }
}

/// How a locale writes numbers: its grouping and decimal marks, as
/// `Intl.NumberFormat(locale).formatToParts` gives them in the browser
/// (`ui` finds them; the codec stays browser-free).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    pub group: char,
    pub decimal: char,
}

impl NumberStyle {
    /// en-US, and the neutral form of links: `375,000.5`.
    pub const EN_US: NumberStyle = NumberStyle {
        group: ',',
        decimal: '.',
    };

    /// A style from a locale's marks; `None` when they are not two different
    /// non-digit characters (a style that could not be read back).
    pub fn new(group: char, decimal: char) -> Option<NumberStyle> {
        let usable = |c: char| !c.is_ascii_digit() && !c.is_alphabetic() && c != '-';
        (group != decimal && usable(group) && usable(decimal) && !is_space(decimal))
            .then_some(NumberStyle { group, decimal })
    }

    /// Whether `c` groups digits in this style. A locale grouping with a
    /// space (fr-FR writes U+202F) accepts any space a keyboard gives; one
    /// grouping with a typographic apostrophe (de-CH) accepts the plain one.
    fn is_group(self, c: char) -> bool {
        c == self.group
            || (is_space(self.group) && is_space(c))
            || (self.group == '\u{2019}' && c == '\'')
    }

    /// Writes a plain decimal number (`375000.5`) with this style's decimal
    /// mark and its groups of three: `375.000,5` in de-DE.
    pub fn write(self, value: Decimal) -> String {
        crate::numbers::grouped_with(value, self.group, self.decimal)
    }

    /// A plain number with this style's decimal mark and no groups
    /// (percents, rates): `4,5` in de-DE.
    pub fn write_ungrouped(self, value: Decimal) -> String {
        plain_number(value).replace('.', &self.decimal.to_string())
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Digits allowed in the written number, before scaling.
const MAX_DIGITS: usize = 20;

/// A money amount by the neutral rules of links: optional currency symbol,
/// thousands commas, optional `k` (thousand) or `m` (million) suffix, in any
/// case. The sign is kept so that the range check can say "0 or more".
pub fn parse_money(text: &str) -> Result<Decimal, NumberProblem> {
    read_money(text, NumberStyle::EN_US, false)
}

/// A money amount as a reader typed it in a locale written with `style`:
/// its groups and decimal mark, a currency symbol before or after
/// (`375.000 €`), `k`/`m`. A decimal mark followed by exactly three digits,
/// with no group mark or suffix to settle it, is [`NumberProblem::Ambiguous`].
pub fn parse_typed_money(text: &str, style: NumberStyle) -> Result<Decimal, NumberProblem> {
    read_money(text, style, true)
}

/// Currency symbols a money amount may carry (before it, or after it when typed).
const SYMBOLS: [&str; 6] = ["US$", "$", "€", "£", "¥", "₹"];

fn read_money(text: &str, style: NumberStyle, typed: bool) -> Result<Decimal, NumberProblem> {
    let mut rest = text.trim();
    let negative = if let Some(r) = rest.strip_prefix('-') {
        rest = r.trim_start();
        true
    } else {
        false
    };
    for symbol in SYMBOLS {
        if let Some(r) = rest.strip_prefix(symbol) {
            rest = r.trim_start();
            break;
        }
        if let Some(r) = rest.strip_suffix(symbol).filter(|_| typed) {
            rest = r.trim_end_matches(is_space).trim_end();
            break;
        }
    }
    let (number, scale) = match rest.char_indices().last() {
        Some((i, 'k' | 'K')) => (rest.get(..i).unwrap_or_default(), Decimal::ONE_THOUSAND),
        Some((i, 'm' | 'M')) => (rest.get(..i).unwrap_or_default(), Decimal::from(1_000_000)),
        _ => (rest, Decimal::ONE),
    };
    let number = number.trim_end();
    let value = if typed {
        if scale == Decimal::ONE && readings(number, style).is_some() {
            return Err(NumberProblem::Ambiguous);
        }
        parse_styled(number, style)?
    } else {
        parse_plain(number, true)?
    };
    let value = value.checked_mul(scale).ok_or(NumberProblem::TooLong)?;
    Ok(if negative { -value } else { value })
}

/// The two ways an ambiguous typed number reads, written in `style`:
/// `375.000` in en-US is `("375,000", "375")`; `None` when it is not
/// ambiguous. Ambiguous is a whole part of one to three digits (not a lone
/// 0), no group mark, the decimal mark and exactly three digits.
pub fn readings(text: &str, style: NumberStyle) -> Option<(String, String)> {
    let (whole, frac) = text.split_once(style.decimal)?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ambiguous = digits(whole)
        && whole.len() <= 3
        && !whole.starts_with('0')
        && digits(frac)
        && frac.len() == 3;
    if !ambiguous {
        return None;
    }
    let grouped = format!("{whole}{}{frac}", style.group);
    let decimal = Decimal::from_str(&format!("{whole}.{frac}")).ok()?;
    Some((grouped, style.write_ungrouped(decimal)))
}

/// A typed number in `style`: groups of three (or India's two, with a last
/// group of three: `4,75,000`), the style's decimal mark.
fn parse_styled(text: &str, style: NumberStyle) -> Result<Decimal, NumberProblem> {
    if text.is_empty() {
        return Err(NumberProblem::Empty);
    }
    if text.matches(style.decimal).count() > 1 {
        return Err(NumberProblem::NotANumber);
    }
    let (whole, frac) = match text.split_once(style.decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let groups: Vec<&str> = whole.split(|c| style.is_group(c)).collect();
    let whole_digits = if groups.len() > 1 {
        if !grouping_is_regular(&groups) {
            return Err(NumberProblem::BadGrouping);
        }
        groups.concat()
    } else {
        whole.to_string()
    };
    let canonical = match frac {
        Some(f) => format!("{whole_digits}.{f}"),
        None => whole_digits,
    };
    parse_plain(&canonical, false)
}

/// Groups of three after a first of one to three digits, or India's
/// groups of two before a last group of three.
fn grouping_is_regular(groups: &[&str]) -> bool {
    let Some((first, rest)) = groups.split_first() else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return false;
    };
    let western = (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3);
    let indian = (1..=2).contains(&first.len())
        && last.len() == 3
        && !middle.is_empty()
        && middle.iter().all(|g| g.len() == 2);
    western || indian
}

/// A plain number with an optional sign and an optional trailing `%`.
pub fn parse_percent(text: &str) -> Result<Decimal, NumberProblem> {
    parse_typed_percent(text, NumberStyle::EN_US)
}

/// A percent as typed in `style`: its decimal mark or a dot (percents have
/// no groups, so either reads one way), a `%` after it, with or without a
/// space (`4,5 %` in fr-FR).
pub fn parse_typed_percent(text: &str, style: NumberStyle) -> Result<Decimal, NumberProblem> {
    let dotted = text.replace(style.decimal, ".");
    let trimmed = dotted.trim();
    let trimmed = trimmed
        .strip_suffix('%')
        .unwrap_or(trimmed)
        .trim_end_matches(is_space);
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
    parse_signed(text, |digits| parse_plain(digits, true))
}

/// A plain number as typed in `style` (a rate: `158,696` or `17.862,5` in
/// de-DE). Rates have three decimals often, so nothing is ambiguous here.
pub fn parse_typed_number(text: &str, style: NumberStyle) -> Result<Decimal, NumberProblem> {
    parse_signed(text, |digits| parse_styled(digits, style))
}

fn parse_signed(
    text: &str,
    unsigned: impl Fn(&str) -> Result<Decimal, NumberProblem>,
) -> Result<Decimal, NumberProblem> {
    let trimmed = text.trim();
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let value = unsigned(digits)?;
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
