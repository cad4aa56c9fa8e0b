//! What a reader takes away: the year-by-year table as CSV and the result
//! card as an SVG image, as text (`ui` offers them as downloads).

use rust_decimal::Decimal;

use super::escape;
use crate::lang::Lang;
use crate::model::Projection;

/// The year-by-year table of every offer as CSV (RFC 4180: a header row,
/// CRLF line ends, fields quoted when they hold a comma, quote or line
/// break, quotes doubled).
///
/// Money is written in cents (`386250.00`), rounded half away from zero:
/// a CSV is read by spreadsheets to compute further, so it keeps the unit
/// money is paid in, where the screen's whole units would drop up to half a
/// unit per cell (raises compound to fractions of a cent; the exact
/// `Decimal` would print 28 digits). No thousands separators, `.` for the
/// decimal point: what every spreadsheet reads as a number.
/// The header row is in the reader's language (each name a CSV field).
pub fn years_csv(projection: &Projection, lang: Lang) -> String {
    let mut out = CSV_COLUMNS
        .iter()
        .map(|key| csv_field(lang.say(key)))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    for offer in &projection.offers {
        let label = csv_field(&offer.label);
        for y in &offer.years {
            let money = [
                y.base,
                y.bonus,
                y.signing,
                y.equity,
                y.tokens,
                y.headline,
                y.token_value,
                y.worth,
            ]
            .map(cents)
            .join(",");
            out.push_str(&format!("{label},{},{money}\r\n", y.year));
        }
    }
    out
}

/// The CSV's columns, by catalogue key.
const CSV_COLUMNS: [&str; 10] = [
    "csv.offer",
    "csv.year",
    "csv.base",
    "csv.bonus",
    "csv.signing",
    "csv.equity",
    "csv.tokens",
    "csv.headline",
    "csv.token_value",
    "csv.worth",
];

/// An amount in cents, half away from zero, always two decimals.
fn cents(amount: Decimal) -> String {
    let mut rounded =
        amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded.to_string()
}

/// A text field of a CSV row. A label opening with `=`, `+`, `-`, `@`, a
/// tab or a carriage return would run as a formula in a spreadsheet (a
/// link's `b.label` is anyone's text): it gets a leading `'`, as OWASP
/// advises for CSV injection.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The result card as a self-contained SVG image: each offer's year-1
/// headline, worth to you and compute share, then the verdict. Black on
/// white whatever the page's theme, so a saved or pasted image reads the
/// same everywhere. Every text is escaped. `money` formats an amount for
/// display, as on screen.
pub fn result_card_svg(
    projection: &Projection,
    years: u32,
    lang: Lang,
    money: &dyn Fn(Decimal) -> String,
    percent: &dyn Fn(Decimal) -> String,
) -> String {
    const WIDTH: usize = 640;
    const COLUMN: usize = 296;
    const LINE: usize = 22;
    let mut body = String::new();
    let mut text = |x: usize, y: usize, class: &str, content: &str| {
        body.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" class=\"{class}\">{}</text>",
            escape(content)
        ));
    };
    text(24, 40, "title", lang.say("card.title"));
    let mut bottom = 56;
    for (i, offer) in projection.offers.iter().enumerate() {
        let Some(y1) = offer.first_year() else {
            continue;
        };
        let x = 24 + i * (COLUMN + 24);
        let top = 76;
        text(x, top, "label", &offer.label);
        text(
            x,
            top + LINE,
            "fig",
            &lang.fill("card.headline", &[("amount", &money(y1.headline))]),
        );
        text(
            x,
            top + 2 * LINE,
            "fig",
            &lang.fill("card.worth", &[("amount", &money(y1.worth))]),
        );
        text(
            x,
            top + 3 * LINE,
            "fig",
            &lang.fill(
                "card.compute_share",
                &[("percent", &percent(offer.compute_share))],
            ),
        );
        bottom = top + 3 * LINE;
    }
    let verdict = crate::explain::verdict(projection, years, lang, money, percent);
    let mut y = bottom + 16;
    for line in wrap(&verdict, 72) {
        y += LINE;
        text(24, y, "verdict", &line);
    }
    y += LINE;
    text(24, y, "note", lang.say("card.note"));
    let height = y + 20;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\">\
<title>{}</title>\
<style>text{{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#111}}\
.title{{font-size:18px;font-weight:700}}.label{{font-size:14px;font-weight:700}}.fig{{font-size:15px}}\
.verdict{{font-size:15px}}.note{{font-size:12px;fill:#444}}</style>\
<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>{body}</svg>",
        escape(&verdict),
        escape(&verdict)
    )
}

/// `text` in lines of at most `width` characters, broken at spaces (a
/// longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{codec, model::project};

    /// MODEL.md by hand, years=2, tax 0, raise 3 % (default), own 2400.
    /// Offer A: base 375000, tokens 100000, personal 0.
    ///   y1: base 375000, tokens 100000, headline 475000, kept 0, worth 375000.
    ///   y2: base 375000 * 1.03 = 386250, headline 486250, worth 386250.
    /// Offer B `Big "Co", Inc`: base 400000.55, bonus 10 %, signing 20000,
    /// tokens 50000, personal 10 % -> allowance 5000, kept min(5000, 2400) = 2400.
    ///   y1: bonus 40000.055 -> 40000.06 (a half: away from zero);
    ///       headline 400000.55 + 40000.055 + 20000 + 50000 = 510000.605 -> 510000.61;
    ///       worth 400000.55 + 40000.055 + 20000 + 2400 = 462400.605 -> 462400.61.
    ///   y2: base 400000.55 * 1.03 = 412000.5665 -> 412000.57;
    ///       bonus 41200.05665 -> 41200.06;
    ///       headline 412000.5665 + 41200.05665 + 50000 = 503200.62315 -> 503200.62;
    ///       worth 412000.5665 + 41200.05665 + 2400 = 455600.62315 -> 455600.62.
    pub(crate) const CSV_QUERY: &str = "base=375000&tokens=100000&years=2\
        &b.label=Big%20%22Co%22%2C%20Inc&b.base=400000.55&b.bonus=10&b.signing=20000\
        &b.tokens=50000&b.personal=10";

    fn projection_of(query: &str) -> Projection {
        let parsed = codec::parse(query);
        assert!(parsed.is_ok(), "{:?}", parsed.errors);
        project(&parsed.scenario).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn csv_of_two_offers_by_hand() {
        let csv = years_csv(&projection_of(CSV_QUERY), Lang::En);
        assert_eq!(
            csv,
            "offer,year,base,bonus,signing,equity,tokens,headline,token value to you,worth to you\r\n\
             Offer A,1,375000.00,0.00,0.00,0.00,100000.00,475000.00,0.00,375000.00\r\n\
             Offer A,2,386250.00,0.00,0.00,0.00,100000.00,486250.00,0.00,386250.00\r\n\
             \"Big \"\"Co\"\", Inc\",1,400000.55,40000.06,20000.00,0.00,50000.00,510000.61,2400.00,462400.61\r\n\
             \"Big \"\"Co\"\", Inc\",2,412000.57,41200.06,0.00,0.00,50000.00,503200.62,2400.00,455600.62\r\n"
        );
    }

    #[test]
    fn csv_labels_are_quoted_and_cannot_run_as_formulas() {
        assert_eq!(csv_field("Acme"), "Acme");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-5"), "'-5");
        assert_eq!(cents(Decimal::new(-5, 3)), "-0.01");
        assert_eq!(cents(Decimal::new(4, 3)), "0.00");
    }

    #[test]
    fn svg_card_has_the_figures_and_escapes_text() {
        let p = projection_of(
            "base=375000&tokens=100000&years=1&b.label=%3Cscript%3E%26%20%22x%22&b.base=400000&b.tokens=0",
        );
        let svg = result_card_svg(
            &p,
            1,
            Lang::En,
            &|d| crate::numbers::usd(d, false),
            &crate::numbers::percent,
        );
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{svg}"
        );
        // A: 475000 on paper, 375000 to you, 100000 / 475000 = 21.05 % -> 21.1 %.
        assert!(svg.contains(">On paper: $475,000 a year</text>"), "{svg}");
        assert!(
            svg.contains(">Worth to you: $375,000 a year</text>"),
            "{svg}"
        );
        assert!(svg.contains(">Compute share: 21.1%</text>"), "{svg}");
        // B: 400000, no tokens: worth 400000 - 375000 = 25000 more in year 1.
        assert!(svg.contains(">Compute share: 0%</text>"), "{svg}");
        assert!(
            svg.contains("&lt;script&gt;&amp; &quot;x&quot; is worth $25,000 more to you"),
            "{svg}"
        );
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("<title>&lt;script&gt;"), "{svg}");
    }
}
