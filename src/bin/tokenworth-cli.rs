//! `tokenworth-cli 'base=375000&tokens=100000'`: the model on the command line.
//!
//! Exit status: 0 on success, 2 on bad input (every error printed, one a line).
//! Everything printed goes through [`for_terminal`]: a value given on the
//! command line is echoed in messages, and must not drive the terminal.

use std::io::Write;
use std::process::ExitCode;

use tokenworth::codec::{self, json};
use tokenworth::explain::{self, essays};
use tokenworth::lang::Lang;
use tokenworth::model::{self, prices, Projection, Scenario};
use tokenworth::numbers::{grouped, percent_one, plain_money, whole};

const USAGE: &str = "usage: tokenworth-cli [--json] [SCENARIO...]
       tokenworth-cli --prices

SCENARIO is a query string of the model's keys, e.g. 'base=375k&tokens=100k&b.base=400k'.
Several arguments are joined with '&'. See docs/model.md for every key.";

fn main() -> ExitCode {
    let mut as_json = false;
    let mut parts = Vec::new();
    // `args_os`: `std::env::args` panics on an argument that is not UTF-8.
    for (position, arg) in std::env::args_os().skip(1).enumerate() {
        let Ok(arg) = arg.into_string() else {
            print_err(&format!(
                "tokenworth-cli: argument {} is not valid UTF-8. Accepted: UTF-8 text, such as 'base=375k&tokens=100k'.",
                position + 1
            ));
            return ExitCode::from(2);
        };
        match arg.as_str() {
            "--json" => as_json = true,
            "--prices" => return print_out(&prices_table()),
            "-h" | "--help" => return print_out(USAGE),
            flag if flag.starts_with("--") => {
                print_err(&format!("tokenworth-cli: unknown option {flag}"));
                USAGE.lines().for_each(print_err);
                return ExitCode::from(2);
            }
            _ => parts.push(arg),
        }
    }
    let parsed = codec::parse(&parts.join("&"));
    for notice in &parsed.notices {
        print_err(&format!("note: {notice}"));
    }
    if !parsed.is_ok() {
        for error in &parsed.errors {
            print_err(&format!("error: {error}"));
        }
        return ExitCode::from(2);
    }
    let projection = match model::project(&parsed.scenario) {
        Ok(p) => p,
        Err(e) => {
            print_err(&format!("error: {e}"));
            return ExitCode::from(2);
        }
    };
    if as_json {
        // JSON escapes C0 controls itself, and its text must stay JSON.
        match serde_json::to_string_pretty(&json::result(&projection)) {
            Ok(text) => {
                let mut out = std::io::stdout().lock();
                match writeln!(out, "{text}") {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(_) => ExitCode::FAILURE,
                }
            }
            Err(e) => {
                print_err(&format!("error: {e}"));
                ExitCode::FAILURE
            }
        }
    } else {
        print_out(&report(&parsed.scenario, &projection))
    }
}

/// Prints lines to stdout, each [`for_terminal`]; a closed pipe (`| head`)
/// is not an error worth a panic.
fn print_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    for line in text.lines() {
        if writeln!(out, "{}", for_terminal(line)).is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Prints one message as one line to stderr, [`for_terminal`] (a line break
/// in a given value too, so every message stays on its own line).
fn print_err(message: &str) {
    // Nothing useful is left to do when stderr is closed.
    let _ = writeln!(std::io::stderr().lock(), "{}", for_terminal(message));
}

/// `text` with the characters that act on a terminal or reorder text written
/// as Rust escapes (`\u{1b}`): C0 controls, DEL and C1 controls (U+0080 to
/// U+009F, which some terminals obey like ESC), and the bidi and invisible
/// format characters (U+061C, U+200B to U+200F, U+202A to U+202E, U+2060 to
/// U+2069, U+FEFF), which make a line read differently from its bytes.
fn for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let acts = c.is_control()
            || matches!(c, '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}');
        if acts {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

fn prices_table() -> String {
    let mut out = format!(
        "{:<24} {:<26} {:<10} {:>8} {:>11} {:>8}\n",
        "id", "model", "provider", "input", "cache read", "output"
    );
    for p in prices::PRESETS {
        let default = if p.id == prices::DEFAULT_PRESET {
            " (default)"
        } else {
            ""
        };
        out.push_str(&format!(
            "{:<24} {:<26} {:<10} {:>8} {:>11} {:>8}{default}\n",
            p.id,
            p.name,
            p.provider,
            p.input.normalize(),
            p.cache_read.normalize(),
            p.output.normalize()
        ));
    }
    out.push_str(&format!(
        "\nUSD per million tokens, read {} from {}.\n{}\nDefault mix: {}% input tokens, {}% of input read from the cache.",
        prices::PRICES_READ_ON,
        prices::PRICES_SOURCE,
        prices::LONG_CONTEXT_NOTE,
        prices::PRESETS.first().map_or(95.into(), |p| p.default_input_share),
        prices::PRESETS.first().map_or(80.into(), |p| p.default_cache_share),
    ));
    out
}

fn report(scenario: &Scenario, projection: &Projection) -> String {
    let cur = scenario.cur.as_str();
    let money = |d| plain_money(d, cur);
    let mut out = String::new();
    for offer in &projection.offers {
        let Some(first) = offer.first_year() else {
            continue;
        };
        out.push_str(&format!("== {} ==\n", offer.label));
        out.push_str(&format!(
            "Headline, year 1:        {}\nWorth to you, year 1:    {}\n",
            money(first.headline),
            money(first.worth)
        ));
        out.push_str(&format!(
            "Headline, {} years:       {}\nWorth to you, {} years:   {}\n",
            scenario.years,
            money(offer.headline_total),
            scenario.years,
            money(offer.worth_total)
        ));
        out.push_str(&format!(
            "Worth if invested at {}%: {}\n",
            scenario.invest.normalize(),
            money(offer.fv_total)
        ));
        out.push_str(&format!(
            "Compute share:           {}% of the year-1 package\n",
            percent_one(offer.compute_share)
        ));
        if let Some(r) = offer.compute_to_base {
            out.push_str(&format!("Tokens / base salary:    {}%\n", percent_one(r)));
        }
        out.push_str(&format!(
            "Cash equivalent:         {} of pre-tax salary would be worth the same to you\n",
            money(offer.cash_equivalent)
        ));
        out.push_str(&format!(
            "The budget buys:         {} tokens a day on {} (about {} essays a day)\n",
            grouped(whole(first.tokens_per_day)),
            projection.model.name,
            grouped(essays(first.tokens_per_day))
        ));
        if let Some(m) = offer.use_multiple {
            out.push_str(&format!(
                "Use multiple:            {}x what a daily coding-agent user spends in a year ({})\n",
                m.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                    .normalize(),
                money(projection.use_year)
            ));
        }
        for flag in &offer.flags {
            out.push_str(&format!("  * {}\n", explain::flag_text(*flag, Lang::En)));
        }
        out.push_str(&format!(
            "\n{:>4} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}\n",
            "year", "base", "bonus+signing", "equity", "tokens", "headline", "worth"
        ));
        for y in &offer.years {
            out.push_str(&format!(
                "{:>4} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}\n",
                y.year,
                money(y.base),
                money(y.bonus + y.signing),
                money(y.equity),
                money(y.tokens),
                money(y.headline),
                money(y.worth)
            ));
        }
        out.push('\n');
    }
    out.push_str(&explain::verdict(
        projection,
        scenario.years,
        Lang::En,
        &money,
        &tokenworth::numbers::percent,
    ));
    if projection.currency != "USD" {
        out.push_str(&format!(
            "\nToken prices converted at {} {} per US dollar.",
            projection.fx.normalize(),
            projection.currency
        ));
    }
    out
}
