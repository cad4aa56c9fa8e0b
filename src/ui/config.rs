//! How a widget is presented, read from its host's attributes or the JS API.
//! The scenario itself comes from the codec; this is everything else.

/// Colour scheme of a widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
}

/// Presentation options of one widget.
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
    /// Sections to hide: `pay`, `equity`, `tokens`, `you`, `table`, `charts`, `compare`, `embed`, `share`.
    pub hide: Vec<String>,
    /// Where "Open the full calculator" points, with the publisher's own
    /// query and fragment (`publish::link_with_scenario` adds the scenario).
    pub link: Option<String>,
    /// `data-link-scenario`: the reader's scenario goes with `link` even to
    /// another origin (without it, only to the widget page's own origin).
    pub link_scenario: bool,
}
