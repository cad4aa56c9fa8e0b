//! Embedding for publishers, the parts that need no browser: presentation
//! attributes (`data-theme`, `data-lock`, …) to a [`WidgetConfig`] (here),
//! links out of a widget (`link`), the text of a badge (`badge`), the CSV and
//! SVG a reader takes away (`takeaway`) and the HTML snippet the Embed panel
//! offers to copy (`snippet`). `crate::web` wires these to the page.

mod badge;
mod link;
mod snippet;
mod takeaway;

pub use badge::*;
pub use link::*;
pub use snippet::*;
pub use takeaway::*;

use crate::codec;
use crate::codec::keys::{self, Presentation};
use crate::lang::Lang;
use crate::model::input::FullKey;

/// The crate version: the versioned loader is `embed-<VERSION>.js`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Colour scheme of a widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
}

/// A part of the calculator that `data-hide` may hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Pay,
    Equity,
    Tokens,
    You,
    Table,
    Charts,
    Compare,
    Embed,
    Share,
}

/// Every section with the name `data-hide` uses for it.
pub const SECTIONS: &[(Section, &str)] = &[
    (Section::Pay, "pay"),
    (Section::Equity, "equity"),
    (Section::Tokens, "tokens"),
    (Section::You, "you"),
    (Section::Table, "table"),
    (Section::Charts, "charts"),
    (Section::Compare, "compare"),
    (Section::Embed, "embed"),
    (Section::Share, "share"),
];

impl Section {
    pub fn name(self) -> &'static str {
        SECTIONS
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("", |(_, n)| n)
    }

    fn from_name(name: &str) -> Option<Section> {
        SECTIONS.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
    }
}

/// Presentation options of one widget, read from its host's attributes or
/// the JS API (the scenario itself comes from the codec).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WidgetConfig {
    /// A stable id for console messages and element ids (`tw-1`, `tw-2`, …).
    pub id: String,
    /// The standalone page: keep the page URL in step with the scenario.
    pub standalone: bool,
    pub theme: Theme,
    /// A CSS colour for the accent (already checked to be a plain colour).
    pub accent: Option<String>,
    /// Results first, inputs folded.
    pub compact: bool,
    /// Full keys (`base`, `b.tokens`) the reader cannot change.
    pub lock: Vec<String>,
    /// Sections not shown.
    pub hide: Vec<Section>,
    /// Where "Open the full calculator" points, without the query.
    pub link: Option<String>,
    /// `data-link-scenario`: the reader's scenario goes with `link` even to
    /// another origin (without it, only to the widget page's own origin).
    pub link_scenario: bool,
    /// `tokens-as=percent`: the token budget starts as a percent of base.
    pub tokens_as_percent: bool,
    /// `data-locale`: a BCP 47 tag (checked, case-normalised) for how
    /// numbers are written and typed; `None` leaves it to the page (`web`
    /// resolves the host's `lang`, then the browser's language).
    pub locale: Option<String>,
    /// `lang`: the reader's language, over the page's (`None`: the page's).
    pub lang: Option<Lang>,
}

impl WidgetConfig {
    pub fn hides(&self, section: Section) -> bool {
        self.hide.contains(&section)
    }

    pub fn locks(&self, full_key: &str) -> bool {
        self.lock.iter().any(|k| k == full_key)
    }
}

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
        let Some(name) = keys::data_name(name) else {
            continue;
        };
        let Some(key) = Presentation::from_name(&name) else {
            continue;
        };
        let value = value.trim();
        let result = match key {
            Presentation::Theme => parse_theme(value).map(|t| config.theme = t),
            Presentation::Accent => parse_accent(value).map(|a| config.accent = a),
            Presentation::Compact => parse_flag(value).map(|c| config.compact = c),
            Presentation::Lock => parse_lock(value).map(|l| config.lock = l),
            Presentation::Hide => parse_hide(value).map(|h| config.hide = h),
            Presentation::Link => parse_link(value).map(|l| config.link = l),
            Presentation::LinkScenario => parse_flag(value).map(|on| config.link_scenario = on),
            Presentation::TokensAs => {
                parse_tokens_as(value).map(|percent| config.tokens_as_percent = percent)
            }
            Presentation::Locale => parse_locale(value).map(|l| config.locale = l),
            Presentation::Lang => parse_lang(value).map(|l| config.lang = l),
            Presentation::Standalone => {
                config.standalone = true;
                Ok(())
            }
            // Read by the loader or by `web` (the host's kind and mode).
            Presentation::Widget
            | Presentation::Badge
            | Presentation::Scenario
            | Presentation::Mode
            | Presentation::Title
            | Presentation::Frame => Ok(()),
        };
        if let Err(problem) = result {
            problems.push(format!("Ignored data-{name}=\"{value}\": {problem}"));
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

/// A language of the widget: `en`, `de`, `fr` or `es`, with or without a
/// region (`de-AT`); empty means the page's language.
fn parse_lang(value: &str) -> Result<Option<Lang>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    Lang::parse(value)
        .map(Some)
        .ok_or_else(|| "the language is en, de, fr or es.".to_string())
}

/// `percent` (the budget as a percent of base) or `amount`.
fn parse_tokens_as(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "percent" => Ok(true),
        "amount" | "" => Ok(false),
        _ => Err("the token budget is shown as percent (of base) or amount.".to_string()),
    }
}

/// A BCP 47 language tag (`de-DE`, `fr`, `en-IN`, `zh-Hant-TW`, `de-CH-u-nu-latn`),
/// by its syntax (RFC 5646): a language of 2 to 3 (or 5 to 8) letters, then
/// an optional script (4 letters), region (2 letters or 3 digits), variants
/// and extensions of 1 to 8 letters or digits. Written with the usual case
/// (`de-DE`, `zh-Hant`); `_` is read as `-`. Whether the browser has data for
/// it is for `web` to ask Intl; an empty value leaves the default.
pub fn parse_locale(value: &str) -> Result<Option<String>, String> {
    const ACCEPTED: &str =
        "the locale is a BCP 47 language tag such as en-US, de-DE, fr-FR, en-IN or ja-JP.";
    if value.is_empty() {
        return Ok(None);
    }
    if value.len() > 35 {
        return Err(ACCEPTED.to_string());
    }
    let mut out = Vec::new();
    let mut singleton = false;
    for (i, sub) in value.split(['-', '_']).enumerate() {
        let letters = sub.bytes().all(|b| b.is_ascii_alphabetic());
        let alnum = sub.bytes().all(|b| b.is_ascii_alphanumeric());
        let ok = if i == 0 {
            letters && matches!(sub.len(), 2 | 3 | 5..=8)
        } else {
            alnum && (1..=8).contains(&sub.len())
        };
        if !ok {
            return Err(ACCEPTED.to_string());
        }
        singleton |= i > 0 && sub.len() == 1;
        let written = if i == 0 || singleton {
            sub.to_ascii_lowercase()
        } else if sub.len() == 2 && letters {
            sub.to_ascii_uppercase()
        } else if sub.len() == 4 && letters {
            let lower = sub.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        } else {
            sub.to_ascii_lowercase()
        };
        out.push(written);
    }
    Ok(Some(out.join("-")))
}

/// Presence means yes (`data-compact`), like an HTML boolean attribute.
fn parse_flag(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "yes" | "on" | "compact" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err("write it with no value, or true or false.".to_string()),
    }
}

/// A CSS colour whose contrast the widget can check (see [`crate::colour`]
/// for the forms: hex, `rgb()`, `hsl()`, `hwb()`, `oklab()`, `oklch()`,
/// common names). The text is kept as written, for the snippet; the widget
/// sets the colours [`crate::colour::accent_palette`] derives from it.
/// Nothing that could end a declaration or load anything gets through,
/// since only those forms are read.
pub fn parse_accent(value: &str) -> Result<Option<String>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    if value.len() > 64 {
        return Err("the accent is a CSS colour such as #0b6e4f, teal, rgb(11 110 79) or hsl(160 80% 24%), at most 64 characters.".to_string());
    }
    crate::colour::parse(value)
        .map(|_| Some(value.to_string()))
        .map_err(|e| format!("the accent is a CSS colour such as #0b6e4f, teal, rgb(11 110 79) or hsl(160 80% 24%): {e}"))
}

/// `base, b.tokens` (or `b-tokens`, as in the attribute names) to full keys.
fn parse_lock(value: &str) -> Result<Vec<String>, String> {
    let mut keys = Vec::new();
    let mut bad = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let full = keys::scenario_key(&item.to_ascii_lowercase());
        if FullKey::parse(&full).is_ok() {
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

fn parse_hide(value: &str) -> Result<Vec<Section>, String> {
    let mut sections = Vec::new();
    let mut bad = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match Section::from_name(&item.to_ascii_lowercase()) {
            Some(section) if !sections.contains(&section) => sections.push(section),
            Some(_) => {}
            None => bad.push(format!("\"{item}\"")),
        }
    }
    if bad.is_empty() {
        Ok(sections)
    } else {
        Err(format!(
            "{} {} not a section. Accepted: {} separated by commas.",
            bad.join(", "),
            if bad.len() == 1 { "is" } else { "are" },
            SECTIONS
                .iter()
                .map(|(_, name)| *name)
                .collect::<Vec<_>>()
                .join(", ")
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

/// Splits an iframe page's query (`embed.html?base=400k&theme=dark`) into
/// presentation attributes (`data-theme`, …) and the scenario's query.
pub fn split_frame_query(query: &str) -> (Vec<(String, String)>, String) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut attrs = Vec::new();
    let mut rest = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let key = codec::query::decode(k);
        if Presentation::from_name(&key).is_some_and(Presentation::is_option) {
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
    use crate::codec;

    /// `data-*` attribute pairs, as the DOM gives them (also used by `link`'s tests).
    pub(crate) fn attrs(list: &[(&str, &str)]) -> Vec<(String, String)> {
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
        assert_eq!(c.hide, [Section::Charts, Section::Table]);
        assert_eq!(c.link.as_deref(), Some("https://example.org/calc"));
    }

    /// `data-lang` picks the language by its primary subtag; an unknown
    /// one is named with the accepted ones, and the page's language stays.
    #[test]
    fn the_language_option() {
        let (c, problems) = widget_config(&attrs(&[("data-lang", "de-AT")]), "tw");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.lang, Some(Lang::De));
        let (c, problems) = widget_config(&attrs(&[("data-lang", "it")]), "tw");
        assert_eq!(c.lang, None);
        assert_eq!(
            problems,
            ["Ignored data-lang=\"it\": the language is en, de, fr or es."]
        );
        let (c, _) = widget_config(&attrs(&[]), "tw");
        assert_eq!(c.lang, None);
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
    fn locales() {
        for (given, tag) in [
            ("de-DE", "de-DE"),
            ("EN-in", "en-IN"),
            ("fr", "fr"),
            ("ja_JP", "ja-JP"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("de-CH-u-nu-latn", "de-CH-u-nu-latn"),
        ] {
            assert_eq!(parse_locale(given), Ok(Some(tag.to_string())), "{given}");
        }
        assert_eq!(parse_locale(""), Ok(None));
        for bad in [
            "d",
            "de--DE",
            "de-DE-",
            "12-DE",
            "de DE",
            "de-<b>",
            "x-toolongsubtag",
            "german!",
        ] {
            assert!(parse_locale(bad).is_err(), "{bad}");
        }
        let (c, problems) = widget_config(&attrs(&[("data-locale", "en US")]), "tw-1");
        assert_eq!(c.locale, None);
        assert!(
            problems
                .first()
                .is_some_and(|p| p.starts_with("Ignored data-locale=\"en US\": the locale is")),
            "{problems:?}"
        );
        let (c, _) = widget_config(&attrs(&[("data-locale", "de-de")]), "tw-1");
        assert_eq!(c.locale.as_deref(), Some("de-DE"));
    }

    #[test]
    fn accents() {
        for ok in [
            "teal",
            "#abc",
            "#AABBCCDD",
            "rgb(11 110 79)",
            "hsl(160, 80%, 24%)",
            "oklch(70% 0.15 250)",
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
            "lab(50% 40 30)",
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
    fn presentation_keys_of_the_link_are_presentation_everywhere() {
        assert!(codec::keys::Presentation::LinkScenario.is_option());
        let (frame_attrs, rest) =
            split_frame_query("?base=400k&link-scenario=1&link=https%3A%2F%2Fx");
        assert_eq!(
            frame_attrs,
            [
                ("data-link-scenario".to_string(), "1".to_string()),
                ("data-link".to_string(), "https://x".to_string())
            ]
        );
        assert_eq!(rest, "base=400k");
        let parsed = codec::parse_attributes(attrs(&[
            ("data-link", "https://x"),
            ("data-link-scenario", ""),
        ]));
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
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
