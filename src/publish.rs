//! Embedding for publishers, the parts that need no browser: presentation
//! attributes (`data-theme`, `data-lock`, …) to a [`WidgetConfig`], the text
//! of a badge, and the HTML snippet the Embed panel offers to copy.
//! `crate::web` wires these to the page.

// A panic in wasm kills every widget on the page: these layers return errors instead.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use rust_decimal::Decimal;

use crate::codec::{self, query::split_query};
use crate::explain;
use crate::model::input::{field, split_key, Side};
use crate::model::{Projection, Scenario};
use crate::ui::config::{Theme, WidgetConfig};

/// The crate version: the versioned loader is `embed-<VERSION>.js`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Sections `data-hide` may name.
pub const SECTIONS: &[&str] = &[
    "pay", "equity", "tokens", "you", "table", "charts", "compare", "embed", "share",
];

/// Reads the presentation attributes of a host element (names with their
/// `data-` prefix, as the DOM gives them). Scenario attributes are ignored
/// here (the codec reads them). Each bad attribute gives one message naming
/// it; the rest of the configuration still applies.
pub fn widget_config(attrs: &[(String, String)], id: &str) -> (WidgetConfig, Vec<String>) {
    let mut config = WidgetConfig {
        id: id.to_string(),
        ..WidgetConfig::default()
    };
    let mut problems = Vec::new();
    for (name, value) in attrs {
        let name = name.to_ascii_lowercase();
        let Some(key) = name.strip_prefix("data-") else {
            continue;
        };
        let value = value.trim();
        let result = match key {
            "theme" => parse_theme(value).map(|t| config.theme = t),
            "accent" => parse_accent(value).map(|a| config.accent = a),
            "compact" => parse_flag(value).map(|c| config.compact = c),
            "lock" => parse_lock(value).map(|l| config.lock = l),
            "hide" => parse_hide(value).map(|h| config.hide = h),
            "link" => parse_link(value).map(|l| config.link = l),
            "standalone" => {
                config.standalone = true;
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err(problem) = result {
            problems.push(format!("Ignored data-{key}=\"{value}\": {problem}"));
        }
    }
    (config, problems)
}

fn parse_theme(value: &str) -> Result<Theme, String> {
    match value.to_ascii_lowercase().as_str() {
        "light" => Ok(Theme::Light),
        "dark" => Ok(Theme::Dark),
        "auto" | "" => Ok(Theme::Auto),
        _ => Err("the theme is light, dark or auto.".to_string()),
    }
}

/// Presence means yes (`data-compact`), like an HTML boolean attribute.
fn parse_flag(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "yes" | "on" | "compact" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err("write it with no value, or true or false.".to_string()),
    }
}

/// A plain CSS colour: `#rgb`, `#rrggbb` (and with alpha), a colour name,
/// or a colour function of numbers (`rgb(…)`, `hsl(…)`, `oklch(…)`). Nothing
/// that could end the declaration or load anything (`;`, `url(`, `var(`).
pub fn parse_accent(value: &str) -> Result<Option<String>, String> {
    const PROBLEM: &str =
        "the accent is a CSS colour such as #0b6e4f, teal, rgb(11 110 79) or hsl(160 80% 24%).";
    if value.is_empty() {
        return Ok(None);
    }
    if value.len() > 64 {
        return Err(PROBLEM.to_string());
    }
    let lower = value.to_ascii_lowercase();
    let ok = if let Some(hex) = lower.strip_prefix('#') {
        matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit())
    } else if let Some((func, rest)) = lower.split_once('(') {
        const FUNCTIONS: &[&str] = &[
            "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch",
        ];
        FUNCTIONS.contains(&func)
            && rest.strip_suffix(')').is_some_and(|args| {
                args.chars()
                    .all(|c| c.is_ascii_digit() || " .,%/-+edg".contains(c))
            })
    } else {
        (3..=24).contains(&lower.len()) && lower.chars().all(|c| c.is_ascii_lowercase())
    };
    if ok {
        Ok(Some(value.to_string()))
    } else {
        Err(PROBLEM.to_string())
    }
}

/// `base, b.tokens` (or `b-tokens`, as in the attribute names) to full keys.
fn parse_lock(value: &str) -> Result<Vec<String>, String> {
    let mut keys = Vec::new();
    let mut bad = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let lower = item.to_ascii_lowercase();
        let full = match lower.strip_prefix("b-") {
            Some(rest) => format!("b.{rest}"),
            None => lower,
        };
        let (side, bare) = split_key(&full);
        if field(bare).is_some_and(|f| f.per_offer || side == Side::A) {
            if !keys.contains(&full) {
                keys.push(full);
            }
        } else {
            bad.push(format!("\"{item}\""));
        }
    }
    if bad.is_empty() {
        Ok(keys)
    } else {
        Err(format!(
            "{} {} not a tokenworth setting. Accepted: setting keys separated by commas, such as base, tokens, b.base.",
            bad.join(", "),
            if bad.len() == 1 { "is" } else { "are" }
        ))
    }
}

fn parse_hide(value: &str) -> Result<Vec<String>, String> {
    let mut sections = Vec::new();
    let mut bad = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let lower = item.to_ascii_lowercase();
        if SECTIONS.contains(&lower.as_str()) {
            if !sections.contains(&lower) {
                sections.push(lower);
            }
        } else {
            bad.push(format!("\"{item}\""));
        }
    }
    if bad.is_empty() {
        Ok(sections)
    } else {
        Err(format!(
            "{} {} not a section. Accepted: {} separated by commas.",
            bad.join(", "),
            if bad.len() == 1 { "is" } else { "are" },
            SECTIONS.join(", ")
        ))
    }
}

/// An http(s) URL or a relative one; never `javascript:` or `data:`.
pub fn parse_link(value: &str) -> Result<Option<String>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    let lower = value.to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '?', '#']));
    let ok = match scheme {
        Some(s) => s == "http" || s == "https",
        None => true,
    } && !value.chars().any(|c| c.is_control() || c == ' ')
        && value.len() <= 2000;
    if ok {
        Ok(Some(value.to_string()))
    } else {
        Err("the link is an http or https address, or a path on this site.".to_string())
    }
}

/// What a badge shows: the chip text and its tooltip / accessible label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeText {
    /// `21.1% compute`.
    pub text: String,
    /// Headline and worth in year 1, in words.
    pub label: String,
}

/// The badge of offer A in year 1.
pub fn badge_text(projection: &Projection, currency: &str) -> Option<BadgeText> {
    let offer = projection.offers.first()?;
    let year = offer.first_year()?;
    let share = explain::percent_one(offer.compute_share);
    let text = format!("{share:.1}% compute");
    let money = |d: Decimal| explain::plain_money(d, currency);
    let label = format!(
        "{share:.1}% of this offer is compute: {} a year on paper, worth {} to you (year 1, tokenworth).",
        money(year.headline),
        money(year.worth)
    );
    Some(BadgeText { text, label })
}

/// Where the files are and how the widget should look, for a snippet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SnippetOptions {
    /// The directory of the released files, ending in `/`
    /// (`https://cdn.example/tokenworth/`).
    pub base_url: String,
    /// `embed-<version>.js` is the file the snippet loads.
    pub version: String,
    /// `sha384-…`; empty leaves `integrity` out.
    pub integrity: String,
    /// Presentation attributes (id, standalone are not written).
    pub config: WidgetConfig,
}

impl SnippetOptions {
    /// Options for this build's [`VERSION`]. `integrity` is the hash of the
    /// loader that is running (the page's own `<script integrity>`); it
    /// cannot be compiled in, since the loader holds the hashes of this wasm.
    pub fn released(base_url: &str, integrity: &str, config: WidgetConfig) -> SnippetOptions {
        SnippetOptions {
            base_url: base_url.to_string(),
            version: VERSION.to_string(),
            integrity: integrity.to_string(),
            config,
        }
    }
}

/// The HTML a publisher pastes: the host `<div>` with one `data-KEY` per
/// setting that differs from the defaults, the versioned loader with its
/// integrity hash, and a `<noscript>` link to the full calculator.
/// Every attribute value is escaped.
pub fn snippet(scenario: &Scenario, options: &SnippetOptions) -> String {
    let mut base = options.base_url.clone();
    if !base.is_empty() && !base.ends_with('/') {
        base.push('/');
    }
    let query = codec::write(scenario);
    let mut div = String::from("<div data-tokenworth");
    for (key, value) in split_query(&query) {
        let name = match key.strip_prefix("b.") {
            Some(rest) => format!("b-{rest}"),
            None => key,
        };
        div.push_str(&format!(" data-{name}=\"{}\"", escape(&value)));
    }
    let c = &options.config;
    match c.theme {
        Theme::Light => div.push_str(" data-theme=\"light\""),
        Theme::Dark => div.push_str(" data-theme=\"dark\""),
        Theme::Auto => {}
    }
    if let Some(accent) = &c.accent {
        div.push_str(&format!(" data-accent=\"{}\"", escape(accent)));
    }
    if c.compact {
        div.push_str(" data-compact");
    }
    if !c.lock.is_empty() {
        div.push_str(&format!(" data-lock=\"{}\"", escape(&c.lock.join(","))));
    }
    if !c.hide.is_empty() {
        div.push_str(&format!(" data-hide=\"{}\"", escape(&c.hide.join(","))));
    }
    if let Some(link) = &c.link {
        div.push_str(&format!(" data-link=\"{}\"", escape(link)));
    }
    div.push_str("></div>");

    let mut script = format!(
        "<script async src=\"{}\"",
        escape(&format!("{base}embed-{}.js", options.version))
    );
    if !options.integrity.is_empty() {
        script.push_str(&format!(
            " integrity=\"{}\" crossorigin=\"anonymous\"",
            escape(&options.integrity)
        ));
    }
    script.push_str("></script>");

    let full = c.link.clone().unwrap_or_else(|| base.clone());
    let full = if query.is_empty() {
        full
    } else {
        format!("{}?{query}", full.split(['?', '#']).next().unwrap_or(&full))
    };
    let noscript = format!(
        "<noscript><a href=\"{}\">Open the tokenworth calculator</a></noscript>",
        escape(&full)
    );
    format!("{div}\n{script}\n{noscript}\n")
}

/// Escapes text for an HTML attribute value in double quotes (or text).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Splits an iframe page's query (`embed.html?base=400k&theme=dark`) into
/// presentation attributes (`data-theme`, …) and the scenario's query.
pub fn split_frame_query(query: &str) -> (Vec<(String, String)>, String) {
    const PRESENTATION: &[&str] = &["theme", "accent", "compact", "lock", "hide", "link"];
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut attrs = Vec::new();
    let mut rest = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let key = codec::query::decode(k);
        if PRESENTATION.contains(&key.as_str()) {
            attrs.push((format!("data-{key}"), codec::query::decode(v)));
        } else if key != "frame" {
            rest.push(part);
        }
    }
    (attrs, rest.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project;

    fn attrs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn presentation_attributes() {
        let (c, problems) = widget_config(
            &attrs(&[
                ("data-tokenworth", ""),
                ("data-base", "400k"),
                ("data-theme", "Dark"),
                ("data-accent", "#0b6e4f"),
                ("data-compact", ""),
                ("data-lock", "base, b-tokens,b.base"),
                ("data-hide", "charts,table"),
                ("data-link", "https://example.org/calc"),
            ]),
            "tw-3",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.id, "tw-3");
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.accent.as_deref(), Some("#0b6e4f"));
        assert!(c.compact);
        assert_eq!(c.lock, ["base", "b.tokens", "b.base"]);
        assert_eq!(c.hide, ["charts", "table"]);
        assert_eq!(c.link.as_deref(), Some("https://example.org/calc"));
    }

    #[test]
    fn bad_presentation_attributes_are_named() {
        let (c, problems) = widget_config(
            &attrs(&[
                ("data-theme", "purple"),
                ("data-accent", "red;background:url(x)"),
                ("data-lock", "base,salary"),
                ("data-hide", "everything"),
                ("data-link", "javascript:alert(1)"),
                ("data-compact", "maybe"),
            ]),
            "tw-1",
        );
        assert_eq!(problems.len(), 6, "{problems:?}");
        for (p, name) in problems.iter().zip([
            "data-theme",
            "data-accent",
            "data-lock",
            "data-hide",
            "data-link",
            "data-compact",
        ]) {
            assert!(p.contains(name), "{p}");
        }
        assert!(problems.get(2).is_some_and(|p| p.contains("\"salary\"")));
        assert_eq!(c.theme, Theme::Auto);
        assert_eq!(c.accent, None);
        assert!(c.lock.is_empty());
        assert_eq!(c.link, None);
    }

    #[test]
    fn accents() {
        for ok in [
            "teal",
            "#abc",
            "#AABBCCDD",
            "rgb(11 110 79)",
            "hsl(160, 80%, 24%)",
        ] {
            assert!(parse_accent(ok).is_ok(), "{ok}");
        }
        for bad in [
            "#ab",
            "red;x:y",
            "url(x)",
            "var(--x)",
            "rgb(1,2,3);",
            "expression(1)",
            "a b",
        ] {
            assert!(parse_accent(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn links() {
        for ok in [
            "https://a.example/x?y#z",
            "/calc/",
            "./",
            "calc.html",
            "http://x",
        ] {
            assert!(parse_link(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:x",
            "data:text/html,x",
            "a b",
        ] {
            assert!(parse_link(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn badge_of_the_public_claim() {
        let parsed = codec::parse("base=375000&tokens=100000");
        let p = project(&parsed.scenario).map_err(|e| e.to_string());
        let badge = p.ok().and_then(|p| badge_text(&p, "USD"));
        let badge = badge.unwrap_or_else(|| BadgeText {
            text: String::new(),
            label: String::new(),
        });
        assert_eq!(badge.text, "21.1% compute");
        assert!(badge.label.contains("$475,000"), "{}", badge.label);
        assert!(badge.label.contains("$375,000"), "{}", badge.label);
    }

    #[test]
    fn badge_keeps_one_decimal() {
        let parsed = codec::parse("base=400000&tokens=100000");
        let text = project(&parsed.scenario)
            .ok()
            .and_then(|p| badge_text(&p, "USD"))
            .map(|b| b.text);
        assert_eq!(text.as_deref(), Some("20.0% compute"));
    }

    #[test]
    fn snippet_has_the_scenario_the_versioned_loader_and_its_hash() {
        let parsed = codec::parse("base=500k&tokens=250k&b.label=Big%20%22co%22%20%3Cx%3E");
        let config = WidgetConfig {
            theme: Theme::Dark,
            compact: true,
            lock: vec!["base".into()],
            ..WidgetConfig::default()
        };
        let options = SnippetOptions {
            base_url: "https://cdn.example/tw".into(),
            version: "1.2.3".into(),
            integrity: "sha384-abc".into(),
            config,
        };
        let s = snippet(&parsed.scenario, &options);
        assert!(s.starts_with("<div data-tokenworth data-base=\"500k\" data-tokens=\"250k\" data-b-label=\"Big &quot;co&quot; &lt;x&gt;\" data-theme=\"dark\" data-compact data-lock=\"base\"></div>\n"), "{s}");
        assert!(s.contains("<script async src=\"https://cdn.example/tw/embed-1.2.3.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>"), "{s}");
        assert!(s.contains("<noscript><a href=\"https://cdn.example/tw/?base=500k&amp;tokens=250k&amp;b.label=Big%20%22co%22%20%3Cx%3E\">"), "{s}");
        // The attributes read back to the same scenario.
        let div = s.lines().next().unwrap_or_default();
        let mut read = Vec::new();
        for part in div.split(" data-").skip(1) {
            if let Some((name, rest)) = part.split_once("=\"") {
                let value = rest.split('"').next().unwrap_or_default();
                let value = value
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
                read.push((format!("data-{name}"), value));
            }
        }
        let back = codec::parse_attributes(read);
        assert!(back.is_ok(), "{:?}", back.errors);
        assert_eq!(back.scenario, parsed.scenario);
    }

    #[test]
    fn released_snippet_repeats_the_running_loaders_hash() {
        let options = SnippetOptions::released(
            "https://x.example/",
            "sha384-loader",
            WidgetConfig::default(),
        );
        assert_eq!(options.version, env!("CARGO_PKG_VERSION"));
        let s = snippet(&Scenario::default(), &options);
        assert!(s.contains(&format!(
            "embed-{VERSION}.js\" integrity=\"sha384-loader\" crossorigin=\"anonymous\""
        )));
        // A loader that ran without a hash gives a snippet without one.
        let unpinned = SnippetOptions::released("https://x.example/", "", WidgetConfig::default());
        let s = snippet(&Scenario::default(), &unpinned);
        assert!(
            s.contains(&format!(
                "<script async src=\"https://x.example/embed-{VERSION}.js\"></script>"
            )),
            "{s}"
        );
    }

    #[test]
    fn frame_query_splits_presentation_from_scenario() {
        let (attrs, rest) =
            split_frame_query("?base=400k&theme=dark&frame=f1&hide=charts%2Ctable&b.base=1");
        assert_eq!(
            attrs,
            [
                ("data-theme".to_string(), "dark".to_string()),
                ("data-hide".to_string(), "charts,table".to_string())
            ]
        );
        assert_eq!(rest, "base=400k&b.base=1");
    }
}
