//! The names a publisher writes besides the scenario's own keys: the
//! presentation keys (how a widget looks and behaves), and the attribute
//! form of a scenario key (`data-b-base` for `b.base`).
//!
//! One table, read everywhere a name is matched: the codec skips these names
//! when it reads a scenario from attributes, `publish` parses their values,
//! `web` reads the options of `tokenworth.mount`, and a native test checks
//! the lists in `www/embed.js` against it. Adding an option is one row here
//! and one arm in `publish::widget_config`.

/// A presentation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presentation {
    Theme,
    Accent,
    Compact,
    Lock,
    Hide,
    Link,
    /// Append the scenario to a `link` on another origin too (opt-in).
    LinkScenario,
    /// `tokens-as=percent`: the token budget shown as a percent of base.
    TokensAs,
    /// `locale=de-DE`: how money, counts and percents are written and typed.
    Locale,
    /// `lang=de`: the reader's language (en, de, fr, es), over the page's.
    Lang,
    /// `data-tokenworth`: marks a calculator host.
    Widget,
    /// `data-tokenworth-badge`: marks a badge.
    Badge,
    /// `data-scenario`: a whole query string in one attribute.
    Scenario,
    /// `data-mode="iframe"`: embed.js shows the widget in an iframe.
    Mode,
    /// `data-title`: the iframe's accessible title in iframe mode.
    Title,
    /// `data-frame`: the host inside embed.html (scenario and options from its URL).
    Frame,
    /// `data-standalone`: the host of the standalone page (scenario from the page URL).
    Standalone,
}

/// Where a presentation key may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// A widget option: a `data-KEY` attribute, an option of
    /// `tokenworth.mount(element, scenario, { KEY })`, and a key of the
    /// iframe page's query (`embed.html?KEY=…`).
    Option,
    /// An attribute of the host element only.
    Attribute,
}

/// One row of the table: the key, its name, where it may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentationKey {
    pub key: Presentation,
    /// The name after `data-`, in a mount option and in an iframe query.
    pub name: &'static str,
    pub reach: Reach,
}

const fn row(key: Presentation, name: &'static str, reach: Reach) -> PresentationKey {
    PresentationKey { key, name, reach }
}

/// Every presentation key.
pub const PRESENTATION: &[PresentationKey] = &[
    row(Presentation::Theme, "theme", Reach::Option),
    row(Presentation::Accent, "accent", Reach::Option),
    row(Presentation::Compact, "compact", Reach::Option),
    row(Presentation::Lock, "lock", Reach::Option),
    row(Presentation::Hide, "hide", Reach::Option),
    row(Presentation::Link, "link", Reach::Option),
    row(Presentation::LinkScenario, "link-scenario", Reach::Option),
    row(Presentation::TokensAs, "tokens-as", Reach::Option),
    row(Presentation::Locale, "locale", Reach::Option),
    row(Presentation::Lang, "lang", Reach::Option),
    row(Presentation::Widget, "tokenworth", Reach::Attribute),
    row(Presentation::Badge, "tokenworth-badge", Reach::Attribute),
    row(Presentation::Scenario, "scenario", Reach::Attribute),
    row(Presentation::Mode, "mode", Reach::Attribute),
    row(Presentation::Title, "title", Reach::Attribute),
    row(Presentation::Frame, "frame", Reach::Attribute),
    row(Presentation::Standalone, "standalone", Reach::Attribute),
];

impl Presentation {
    /// The key with this name (lower case, without `data-`).
    pub fn from_name(name: &str) -> Option<Presentation> {
        PRESENTATION.iter().find(|p| p.name == name).map(|p| p.key)
    }

    pub fn name(self) -> &'static str {
        PRESENTATION
            .iter()
            .find(|p| p.key == self)
            .map_or("", |p| p.name)
    }

    pub fn is_option(self) -> bool {
        PRESENTATION
            .iter()
            .any(|p| p.key == self && p.reach == Reach::Option)
    }
}

/// The names of the widget options, in table order.
pub fn option_names() -> impl Iterator<Item = &'static str> {
    PRESENTATION
        .iter()
        .filter(|p| p.reach == Reach::Option)
        .map(|p| p.name)
}

/// The name after `data-` of an attribute, lower case: `data-B-Base` is
/// `b-base`; `None` for an attribute that is not a `data-` one.
pub fn data_name(attribute: &str) -> Option<String> {
    attribute
        .to_ascii_lowercase()
        .strip_prefix("data-")
        .map(str::to_string)
}

/// The scenario key an attribute name stands for: `b-base` is `b.base`
/// (attribute names cannot hold a dot in every HTML tool), `base` is `base`.
pub fn scenario_key(data_name: &str) -> String {
    match data_name.strip_prefix("b-") {
        Some(rest) => format!("b.{rest}"),
        None => data_name.to_string(),
    }
}

/// The attribute name (after `data-`) of a scenario key: `b.base` is `b-base`.
pub fn attribute_name(scenario_key: &str) -> String {
    match scenario_key.strip_prefix("b.") {
        Some(rest) => format!("b-{rest}"),
        None => scenario_key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_one_row_and_names_are_unique() {
        for p in PRESENTATION {
            assert_eq!(Presentation::from_name(p.name), Some(p.key));
            assert_eq!(p.key.name(), p.name);
            assert_eq!(PRESENTATION.iter().filter(|q| q.key == p.key).count(), 1);
        }
    }

    #[test]
    fn attribute_names_and_scenario_keys_round_trip() {
        for (attribute, key) in [
            ("base", "base"),
            ("b-base", "b.base"),
            ("b-label", "b.label"),
        ] {
            assert_eq!(scenario_key(attribute), key);
            assert_eq!(attribute_name(key), attribute);
        }
        assert_eq!(data_name("DATA-B-Base").as_deref(), Some("b-base"));
        assert_eq!(data_name("class"), None);
    }

    /// `www/embed.js` cannot read this table, so its two lists are checked
    /// here: the widget options it forwards to an iframe, and the host-only
    /// attributes it leaves out of the iframe's query.
    #[test]
    fn the_loader_lists_the_same_keys() {
        let loader = include_str!("../../www/embed.js");
        let list = |name: &str| -> Vec<String> {
            let start = loader
                .find(&format!("const {name} = ["))
                .map(|i| i + name.len() + 10);
            let body = start.and_then(|s| loader.get(s..)).unwrap_or_default();
            let body = body.split(']').next().unwrap_or_default();
            body.split(',')
                .map(|s| s.trim().trim_matches('\'').to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let options: Vec<String> = option_names().map(str::to_string).collect();
        assert_eq!(list("OPTION_KEYS"), options, "www/embed.js OPTION_KEYS");
        let host_only: Vec<String> = PRESENTATION
            .iter()
            .filter(|p| p.reach == Reach::Attribute)
            .map(|p| p.name.to_string())
            .collect();
        assert_eq!(list("HOST_KEYS"), host_only, "www/embed.js HOST_KEYS");
    }
}
