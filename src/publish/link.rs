//! Links out of a widget: the standalone page's own query (the scenario,
//! a recruiter's lock, the "% of base" view), and a publisher's `data-link`,
//! which gets the reader's scenario only on the page's own origin or when
//! the publisher opts in.

use crate::codec;
use crate::codec::keys::Presentation;
use crate::model::input::FieldId;

use super::WidgetConfig;
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
/// shown as a percent of base (`tokens-as=percent`) and the link's language
/// (`lang=de`), so a recruiter's lock and language and the reader's "% of
/// base" survive edits and a copied link. Nothing else of the page's look:
/// that is the reader's.
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
    if let Some(lang) = config.lang {
        parts.push(format!("{}={}", Presentation::Lang.name(), lang.code()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::tests::attrs;
    use crate::publish::{split_frame_query, widget_config};

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
        // A link in German stays in German through edits.
        let german = WidgetConfig {
            lang: Some(crate::lang::Lang::De),
            ..WidgetConfig::default()
        };
        assert_eq!(
            standalone_query("base=400k", &german, false),
            "base=400k&lang=de"
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
}
