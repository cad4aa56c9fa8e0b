//! Embedding for publishers, the parts that need no browser: presentation
//! attributes (`data-theme`, `data-lock`, …) to a [`WidgetConfig`], the text
//! of a badge, and the HTML snippet the Embed panel offers to copy.
//! `crate::web` wires these to the page.

use rust_decimal::Decimal;

use crate::codec::keys::{self, Presentation};
use crate::codec::{self, query::split_query};
use crate::model::input::{FieldId, FullKey};
use crate::model::{Projection, Scenario};

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

/// `percent` (the budget as a percent of base) or `amount`.
fn parse_tokens_as(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "percent" => Ok(true),
        "amount" | "" => Ok(false),
        _ => Err("the token budget is shown as percent (of base) or amount.".to_string()),
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

/// `query` joined to `base` in place of its query and fragment ("" leaves
/// `base` as it is).
pub fn with_query(base: &str, query: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or(base);
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// The query of the standalone page's own link: the scenario, the fields
/// the link locks (`lock=base,tokens`) and whether the token budget is
/// shown as a percent of base (`tokens-as=percent`), so a recruiter's lock
/// and the reader's "% of base" survive edits and a copied link. Nothing
/// else of the page's look: that is the reader's.
pub fn standalone_query(
    scenario_query: &str,
    config: &WidgetConfig,
    tokens_as_percent: bool,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !scenario_query.is_empty() {
        parts.push(scenario_query.to_string());
    }
    if !config.lock.is_empty() {
        parts.push(format!(
            "{}={}",
            Presentation::Lock.name(),
            codec::query::encode(&config.lock.join(","))
        ));
    }
    if tokens_as_percent {
        parts.push(format!("{}=percent", Presentation::TokensAs.name()));
    }
    parts.join("&")
}

/// `link` as "Open the full calculator" and the share link use it: with the
/// reader's scenario (`scenario_query`, as `codec::write` gives it) only when
/// the link stays on the widget page's own origin (`page_origin`, as
/// `location.origin` gives it; a relative link counts as the same origin) or
/// the publisher opted in (`share_scenario`, `data-link-scenario`). What the
/// reader types then goes nowhere the page itself does not already go.
///
/// The publisher's own query parameters and fragment are kept: scenario keys
/// join the existing query, the fragment stays at the end. A publisher
/// parameter named like a scenario key is dropped when the scenario goes
/// along: the reader's scenario wins, as the calculator refuses a key given
/// twice, and a setting the reader left at its default is not written, so a
/// publisher value would otherwise replace it.
pub fn link_with_scenario(
    link: &str,
    scenario_query: &str,
    page_origin: &str,
    share_scenario: bool,
) -> String {
    if !share_scenario && !same_origin(link, page_origin) {
        return link.to_string();
    }
    let (before_fragment, fragment) = match link.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (link, None),
    };
    let (path, publisher_query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    let is_scenario_key = |part: &str| {
        let key = codec::query::decode(part.split_once('=').map_or(part, |(k, _)| k));
        let key = key.trim();
        FieldId::from_key(key.strip_prefix("b.").unwrap_or(key)).is_some()
    };
    let mut parts: Vec<&str> = publisher_query
        .split('&')
        .filter(|part| !part.is_empty() && !is_scenario_key(part))
        .collect();
    parts.extend(scenario_query.split('&').filter(|part| !part.is_empty()));
    let mut out = path.to_string();
    if !parts.is_empty() {
        out.push('?');
        out.push_str(&parts.join("&"));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// True only when `link` surely resolves to `page_origin`: a relative link,
/// or an absolute `http(s)://host[:port]` link with the same scheme, host and
/// port. Whatever a browser might resolve elsewhere counts as another origin:
/// `//host` and `/\host` (scheme-relative), userinfo (`https://page@evil/`),
/// a backslash ending the host (`https://evil\@page/`), `https:host`
/// without slashes, other schemes, whitespace or controls (which URL parsing
/// strips).
fn same_origin(link: &str, page_origin: &str) -> bool {
    if link.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    let mut start = link.chars();
    if matches!(
        (start.next(), start.next()),
        (Some('/' | '\\'), Some('/' | '\\'))
    ) {
        return false;
    }
    let scheme_end = link.find(':').filter(|&colon| {
        !link
            .get(..colon)
            .is_some_and(|before| before.contains(['/', '\\', '?', '#']))
    });
    let Some(colon) = scheme_end else {
        return true;
    };
    let scheme = link.get(..colon).unwrap_or_default().to_ascii_lowercase();
    let Some(after) = link.get(colon + 1..).and_then(|a| a.strip_prefix("//")) else {
        return false;
    };
    if scheme != "http" && scheme != "https" {
        return false;
    }
    let authority = after
        .split(['/', '\\', '?', '#'])
        .next()
        .unwrap_or_default();
    if authority.is_empty() || authority.contains('@') {
        return false;
    }
    let origin = format!("{scheme}://{}", authority.to_ascii_lowercase());
    normal_origin(&origin) == normal_origin(&page_origin.to_ascii_lowercase())
}

/// `https://a.example:443/` to `https://a.example`: the default port and a
/// trailing slash dropped, as `location.origin` writes it.
fn normal_origin(origin: &str) -> &str {
    let origin = origin.strip_suffix('/').unwrap_or(origin);
    if origin.starts_with("https://") {
        origin.strip_suffix(":443").unwrap_or(origin)
    } else if origin.starts_with("http://") {
        origin.strip_suffix(":80").unwrap_or(origin)
    } else {
        origin
    }
}

// ---- Badges ---------------------------------------------------------------

/// What the token budget of a badge's offer is, to the job seeker: the
/// badge's colour says it and its text says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadgeTone {
    /// At least half of the year-1 budget is pay you keep (personal use).
    Pay,
    /// Most of the budget is compute you use at work and do not keep.
    Compute,
    /// No token budget.
    NoTokens,
}

impl BadgeTone {
    /// The badge's CSS class.
    pub fn class(self) -> &'static str {
        match self {
            BadgeTone::Pay => "pay",
            BadgeTone::Compute => "compute",
            BadgeTone::NoTokens => "none",
        }
    }
}

/// What a badge shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeText {
    /// At a glance, in a chip: `$375K to you · 21% compute`.
    pub text: String,
    /// The rest in one sentence (year-1 headline and worth in full, the
    /// compute share to a tenth, what you keep of the budget): shown when
    /// the badge is focused, hovered or tapped, and part of the link's name.
    pub label: String,
    pub tone: BadgeTone,
}

/// The badge of offer A in year 1.
pub fn badge_text(projection: &Projection, currency: &str) -> Option<BadgeText> {
    use crate::numbers::{compact_money, percent_one, plain_money, whole};
    let offer = projection.offers.first()?;
    let year = offer.first_year()?;
    let money = |d: Decimal| plain_money(d, currency);
    let to_you = compact_money(year.worth, currency);
    let share_whole = whole(offer.compute_share * Decimal::ONE_HUNDRED);
    // A budget under half a percent is not "0% compute".
    let share = if share_whole.is_zero() && !year.tokens.is_zero() {
        "<1%".to_string()
    } else {
        format!("{share_whole}%")
    };
    let tone = if year.tokens <= Decimal::ZERO {
        BadgeTone::NoTokens
    } else if year.token_value * Decimal::TWO >= year.tokens {
        BadgeTone::Pay
    } else {
        BadgeTone::Compute
    };
    let text = match tone {
        BadgeTone::NoTokens => format!("{to_you} to you · no tokens"),
        BadgeTone::Pay => format!("{to_you} to you · {share} tokens, mostly yours"),
        BadgeTone::Compute => format!("{to_you} to you · {share} compute"),
    };
    let tokens = match tone {
        BadgeTone::NoTokens => "No AI token budget.".to_string(),
        _ => format!(
            "{:.1}% of it is an AI token budget ({}), of which you keep {} as pay.",
            percent_one(offer.compute_share),
            money(year.tokens),
            money(year.token_value)
        ),
    };
    let label = format!(
        "Year 1: {} on paper, worth {} to you. {tokens} Opens the tokenworth calculator.",
        money(year.headline),
        money(year.worth)
    );
    Some(BadgeText { text, label, tone })
}

// ---- end of badges ---------------------------------------------------------

// ---- Take away: CSV and SVG card -------------------------------------------

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
pub fn years_csv(projection: &Projection) -> String {
    let mut out = String::from(
        "offer,year,base,bonus,signing,equity,tokens,headline,token value to you,worth to you\r\n",
    );
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
    money: &dyn Fn(Decimal) -> String,
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
    text(
        24,
        40,
        "title",
        "tokenworth: is this AI token budget worth it?",
    );
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
            &format!("On paper: {} a year", money(y1.headline)),
        );
        text(
            x,
            top + 2 * LINE,
            "fig",
            &format!("Worth to you: {} a year", money(y1.worth)),
        );
        text(
            x,
            top + 3 * LINE,
            "fig",
            &format!(
                "Compute share: {}%",
                crate::numbers::percent_one(offer.compute_share)
            ),
        );
        bottom = top + 3 * LINE;
    }
    let verdict = crate::explain::verdict(projection, years, money);
    let mut y = bottom + 16;
    for line in wrap(&verdict, 72) {
        y += LINE;
        text(24, y, "verdict", &line);
    }
    y += LINE;
    text(
        24,
        y,
        "note",
        "Year 1 figures; verdict over the horizon. tokenworth, computed in your browser.",
    );
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

// ---- end of take away ------------------------------------------------------

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
    let mut attribute = |name: &str, value: Option<&str>| match value {
        Some(v) => div.push_str(&format!(" data-{name}=\"{}\"", escape(v))),
        None => div.push_str(&format!(" data-{name}")),
    };
    for (key, value) in split_query(&query) {
        attribute(&keys::attribute_name(&key), Some(&value));
    }
    let c = &options.config;
    let theme = match c.theme {
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
        Theme::Auto => None,
    };
    if let Some(theme) = theme {
        attribute(Presentation::Theme.name(), Some(theme));
    }
    if let Some(accent) = &c.accent {
        attribute(Presentation::Accent.name(), Some(accent));
    }
    if c.compact {
        attribute(Presentation::Compact.name(), None);
    }
    if !c.lock.is_empty() {
        attribute(Presentation::Lock.name(), Some(&c.lock.join(",")));
    }
    if !c.hide.is_empty() {
        let names: Vec<&str> = c.hide.iter().map(|s| s.name()).collect();
        attribute(Presentation::Hide.name(), Some(&names.join(",")));
    }
    if let Some(link) = &c.link {
        attribute(Presentation::Link.name(), Some(link));
        if c.link_scenario {
            attribute(Presentation::LinkScenario.name(), None);
        }
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

    // The snippet does not know the page's origin: a relative data-link gets
    // the scenario, an absolute one only with data-link-scenario; the
    // calculator beside the loader always does.
    let full = match &c.link {
        Some(link) => link_with_scenario(link, &query, "", c.link_scenario),
        None => link_with_scenario(&base, &query, "", true),
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
        assert_eq!(c.hide, [Section::Charts, Section::Table]);
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

    const PAGE: &str = "https://jobs.example";
    const SCENARIO: &str = "base=400k&tokens=50k";

    #[test]
    fn a_link_on_the_page_origin_gets_the_scenario() {
        for (link, expected) in [
            (
                "https://jobs.example/calc",
                "https://jobs.example/calc?base=400k&tokens=50k",
            ),
            (
                "HTTPS://Jobs.Example:443/calc/",
                "HTTPS://Jobs.Example:443/calc/?base=400k&tokens=50k",
            ),
            ("/calc/", "/calc/?base=400k&tokens=50k"),
            ("calc.html", "calc.html?base=400k&tokens=50k"),
            ("./", "./?base=400k&tokens=50k"),
        ] {
            assert_eq!(link_with_scenario(link, SCENARIO, PAGE, false), expected);
        }
    }

    #[test]
    fn a_link_to_another_origin_gets_no_scenario_and_stays_as_written() {
        for link in [
            "https://ext.example/calc",
            "https://ext.example/ext?keep=1#frag",
            "http://jobs.example/calc",
            "https://jobs.example:8443/calc",
            "https://jobs.example.ext.example/",
            // Forms a browser resolves elsewhere than they seem to read.
            "//ext.example/calc",
            "/\\ext.example/calc",
            "https://jobs.example@ext.example/",
            "https://ext.example\\@jobs.example/",
            "https:ext.example",
            "ftp://jobs.example/",
            "https://jobs.example/a b",
        ] {
            assert_eq!(link_with_scenario(link, SCENARIO, PAGE, false), link);
        }
        // No known page origin: only relative links are on it.
        assert_eq!(
            link_with_scenario("https://jobs.example/calc", SCENARIO, "", false),
            "https://jobs.example/calc"
        );
    }

    #[test]
    fn a_link_to_another_origin_gets_the_scenario_when_the_publisher_opts_in() {
        assert_eq!(
            link_with_scenario("https://ext.example/calc", SCENARIO, PAGE, true),
            "https://ext.example/calc?base=400k&tokens=50k"
        );
        let (c, problems) = widget_config(
            &attrs(&[
                ("data-link", "https://ext.example/calc"),
                ("data-link-scenario", ""),
            ]),
            "tw-1",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert!(c.link_scenario);
        let (c, _) = widget_config(&attrs(&[("data-link-scenario", "false")]), "tw-1");
        assert!(!c.link_scenario);
        assert!(!WidgetConfig::default().link_scenario, "off unless asked");
        let (_, problems) = widget_config(&attrs(&[("data-link-scenario", "maybe")]), "tw-1");
        assert!(
            problems
                .first()
                .is_some_and(|p| p.starts_with("Ignored data-link-scenario=\"maybe\"")),
            "{problems:?}"
        );
    }

    #[test]
    fn the_publisher_query_and_fragment_are_kept_and_the_scenario_wins_a_shared_key() {
        assert_eq!(
            link_with_scenario("/ext?keep=1#frag", SCENARIO, PAGE, false),
            "/ext?keep=1&base=400k&tokens=50k#frag"
        );
        assert_eq!(
            link_with_scenario("https://ext.example/ext?keep=1#frag", SCENARIO, PAGE, true),
            "https://ext.example/ext?keep=1&base=400k&tokens=50k#frag"
        );
        // base and b.label are scenario keys: the reader's scenario replaces them.
        assert_eq!(
            link_with_scenario(
                "/calc?base=1&ref=news&b.label=X&#top",
                SCENARIO,
                PAGE,
                false
            ),
            "/calc?ref=news&base=400k&tokens=50k#top"
        );
        // The default scenario writes nothing: the publisher's scenario keys still go.
        assert_eq!(
            link_with_scenario("/calc?base=1&ref=news#top", "", PAGE, false),
            "/calc?ref=news#top"
        );
    }

    #[test]
    fn the_standalone_link_keeps_its_lock() {
        let locked = WidgetConfig {
            lock: vec!["base".into(), "b.tokens".into()],
            ..WidgetConfig::default()
        };
        assert_eq!(
            standalone_query("base=400k", &locked, false),
            "base=400k&lock=base%2Cb.tokens"
        );
        assert_eq!(standalone_query("", &locked, false), "lock=base%2Cb.tokens");
        assert_eq!(
            standalone_query("base=400k", &WidgetConfig::default(), false),
            "base=400k"
        );
        assert_eq!(
            standalone_query("base=400k", &locked, true),
            "base=400k&lock=base%2Cb.tokens&tokens-as=percent"
        );
        let (options, _) = split_frame_query("tokens-as=percent");
        let (config, problems) = widget_config(&options, "tw-1");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(config.tokens_as_percent);
        // It reads back: the lock as an option, the rest as the scenario.
        let (options, rest) = split_frame_query("base=400k&lock=base%2Cb.tokens");
        assert_eq!(
            options,
            [("data-lock".to_string(), "base,b.tokens".to_string())]
        );
        assert_eq!(rest, "base=400k");
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
    fn the_snippet_link_keeps_the_publisher_query_and_its_opt_in() {
        let parsed = codec::parse("base=500k");
        let snippet_of = |link: &str, link_scenario: bool| {
            let options = SnippetOptions {
                base_url: "https://cdn.example/tw/".into(),
                version: "1.2.3".into(),
                integrity: String::new(),
                config: WidgetConfig {
                    link: Some(link.into()),
                    link_scenario,
                    ..WidgetConfig::default()
                },
            };
            snippet(&parsed.scenario, &options)
        };
        let own = snippet_of("/calc?keep=1#frag", false);
        assert!(
            own.contains("<noscript><a href=\"/calc?keep=1&amp;base=500k#frag\">"),
            "{own}"
        );
        assert!(!own.contains("data-link-scenario"), "{own}");
        let other = snippet_of("https://ext.example/ext?keep=1#frag", false);
        assert!(
            other.contains("<noscript><a href=\"https://ext.example/ext?keep=1#frag\">"),
            "{other}"
        );
        let opted = snippet_of("https://ext.example/ext?keep=1#frag", true);
        assert!(
            opted
                .contains(" data-link=\"https://ext.example/ext?keep=1#frag\" data-link-scenario>"),
            "{opted}"
        );
        assert!(
            opted.contains(
                "<noscript><a href=\"https://ext.example/ext?keep=1&amp;base=500k#frag\">"
            ),
            "{opted}"
        );
    }

    fn badge(query: &str) -> BadgeText {
        let parsed = codec::parse(query);
        assert!(parsed.is_ok(), "{:?}", parsed.errors);
        let p = project(&parsed.scenario).map_err(|e| e.to_string());
        p.ok()
            .and_then(|p| badge_text(&p, &parsed.scenario.cur))
            .unwrap_or_else(|| BadgeText {
                text: String::new(),
                label: String::new(),
                tone: BadgeTone::NoTokens,
            })
    }

    /// MODEL.md's public claim: base 375000 + tokens 100000 = 475000 on
    /// paper; no personal use, tax 0, so worth = 375000 and you keep $0 of
    /// the tokens; share 100000 / 475000 = 21.05 % (21% whole, 21.1%).
    #[test]
    fn badge_of_the_public_claim() {
        let b = badge("base=375000&tokens=100000&tax=0");
        assert_eq!(b.text, "$375K to you · 21% compute");
        assert_eq!(b.tone, BadgeTone::Compute);
        assert_eq!(
            b.label,
            "Year 1: $475,000 on paper, worth $375,000 to you. 21.1% of it is an AI token \
             budget ($100,000), of which you keep $0 as pay. Opens the tokenworth calculator."
        );
    }

    /// base 240000, tokens 30000, personal 50 %, own 20000: allowance
    /// 15000, personal = min(15000, 20000) = 15000, tax 0, so you keep
    /// 15000 of 30000 (half: pay); worth 240000 + 15000 = 255000 ($255K);
    /// share 30000 / 270000 = 11.11 % (11%, 11.1%).
    #[test]
    fn badge_says_when_the_tokens_are_mostly_pay() {
        let b = badge("base=240000&tokens=30000&personal=50&own=20000");
        assert_eq!(b.text, "$255K to you · 11% tokens, mostly yours");
        assert_eq!(b.tone, BadgeTone::Pay);
        assert!(b.label.contains("11.1% of it"), "{}", b.label);
        assert!(b.label.contains("you keep $15,000 as pay"), "{}", b.label);
        // own 14999: you keep 14999, less than half of 30000: compute;
        // worth 240000 + 14999 = 254999 -> "$255K".
        let b = badge("base=240000&tokens=30000&personal=50&own=14999");
        assert_eq!(b.tone, BadgeTone::Compute);
        assert_eq!(b.text, "$255K to you · 11% compute");
    }

    /// base 1,200,000, tax 25 %: worth 1200000 * 0.75 = 900000 -> "$900K";
    /// no tokens; 10,000,000 base -> 7,500,000 -> "$7.5M".
    #[test]
    fn badge_without_tokens_and_large_figures() {
        let b = badge("base=1200000&tokens=0&tax=25");
        assert_eq!(b.text, "$900K to you · no tokens");
        assert_eq!(b.tone, BadgeTone::NoTokens);
        assert_eq!(
            b.label,
            "Year 1: $1,200,000 on paper, worth $900,000 to you. No AI token budget. \
             Opens the tokenworth calculator."
        );
        let b = badge("base=10000000&tokens=100000&tax=25");
        // share 100000 / 10100000 = 0.99 % -> 1%.
        assert_eq!(b.text, "$7.5M to you · 1% compute");
        let b = badge("base=100000000&tokens=100000");
        // share 100000 / 100100000 = 0.0999 %: under half a percent.
        assert_eq!(b.text, "$100M to you · <1% compute");
    }

    #[test]
    fn badge_in_another_currency_names_it() {
        // base 120000 EUR, tokens 12000: share 12000 / 132000 = 9.09 % -> 9%.
        let b = badge("cur=EUR&base=120000&tokens=12000");
        assert_eq!(b.text, "120K EUR to you · 9% compute");
        assert!(b.label.contains("132,000 EUR on paper"), "{}", b.label);
    }

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
        let csv = years_csv(&projection_of(CSV_QUERY));
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
        let svg = result_card_svg(&p, 1, &|d| crate::numbers::usd(d, false));
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
