//! The HTML a publisher pastes: the host `<div>` for a scenario and a look,
//! the versioned loader with its integrity hash, a `<noscript>` link.

use super::{link_with_scenario, Theme, WidgetConfig, VERSION};
use crate::codec::keys::{self, Presentation};
use crate::codec::{self, query::split_query};
use crate::model::Scenario;

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
    if let Some(lang) = c.lang {
        attribute(Presentation::Lang.name(), Some(lang.code()));
    }
    if let Some(link) = &c.link {
        attribute(Presentation::Link.name(), Some(link));
        if c.link_scenario {
            attribute(Presentation::LinkScenario.name(), None);
        }
    }
    div.push_str("></div>");

    // Right after the host and without `async`: the loader runs before the
    // text below the host is parsed, so its placeholder holds the widget's
    // space before anything is painted under it (an `async` loader at the
    // end of an article moved the text by the widget's height: CLS 0.21 in
    // `make bench`, 0 this way). The parser waits for this one small,
    // immutable file; the app itself still loads in the background.
    let mut script = format!(
        "<script src=\"{}\"",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec;
    use crate::publish::Theme;

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
        assert!(s.contains("<script src=\"https://cdn.example/tw/embed-1.2.3.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>"), "{s}");
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
                "<script src=\"https://x.example/embed-{VERSION}.js\"></script>"
            )),
            "{s}"
        );
    }
}
