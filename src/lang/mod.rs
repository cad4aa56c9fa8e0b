//! The reader's language: one catalogue of sentences per language (en, de,
//! fr, es), each a data file of `key = text` lines, one place per sentence
//! per language. Numbers, money and names are never in the sentences: they
//! are `{named}` placeholders filled with text the caller formatted. A leaf
//! like `numbers`: it depends on nothing in the crate.
//!
//! A key missing from a catalogue at run time falls back to English (and a
//! key missing from English to the key itself): a reader sees a sentence,
//! never a panic. `tests` below fails when a catalogue lacks a key, has a
//! stray one, or its placeholders differ from English.

use std::sync::OnceLock;

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
}

/// Each language with its primary subtag and catalogue text.
const CATALOGUES: [(Lang, &str, &str); 4] = [
    (Lang::En, "en", include_str!("en.txt")),
    (Lang::De, "de", include_str!("de.txt")),
    (Lang::Fr, "fr", include_str!("fr.txt")),
    (Lang::Es, "es", include_str!("es.txt")),
];

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

    /// The language of a BCP 47 tag by its primary subtag (`de-AT` is
    /// German); any other tag, or none, is English.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::parse(tag).unwrap_or(Lang::En)
    }

    /// A language the publisher asked for (`data-lang="de"`, `de-CH`):
    /// `None` when it is not one of en, de, fr, es (so it can be reported).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        CATALOGUES
            .iter()
            .find(|(_, code, _)| primary.eq_ignore_ascii_case(code))
            .map(|(lang, _, _)| *lang)
    }

    /// `en`, `de`, `fr`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The sentence under `key`, with its placeholders unfilled; English
    /// when this catalogue lacks it, empty for a key no catalogue has (the
    /// native tests see to it that none is used).
    pub fn say(self, key: &str) -> &'static str {
        lookup(self, key)
            .or_else(|| lookup(Lang::En, key))
            .unwrap_or_default()
    }

    /// The sentence under `key` with each `{name}` replaced by its value.
    /// A placeholder with no value is left as written.
    pub fn fill(self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.say(key), values)
    }
}

/// Each catalogue parsed once, sorted by key for binary search.
fn tables() -> &'static [Vec<(&'static str, &'static str)>; 4] {
    static TABLES: OnceLock<[Vec<(&'static str, &'static str)>; 4]> = OnceLock::new();
    TABLES.get_or_init(|| CATALOGUES.map(|(_, _, text)| parse(text)))
}

fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let table = tables().get(lang as usize)?;
    let i = table.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    table.get(i).map(|(_, text)| *text)
}

/// `key = text` lines; blank lines and lines starting with `#` are skipped.
/// A later line with the same key replaces the earlier one (the test
/// reports duplicates).
pub fn parse(text: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut entries: Vec<(&'static str, &'static str)> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = ").or_else(|| line.split_once('=')))
        .map(|(key, text)| (key.trim(), text.trim()))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries.dedup_by(|later, earlier| {
        if later.0 == earlier.0 {
            earlier.1 = later.1;
            true
        } else {
            false
        }
    });
    entries
}

/// The `{name}` placeholders of a sentence, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else { break };
        found.push(after.get(..close).unwrap_or_default());
        rest = after.get(close + 1..).unwrap_or_default();
    }
    found
}

fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else {
            out.push_str(rest.get(open..).unwrap_or_default());
            return out;
        };
        let name = after.get(..close).unwrap_or_default();
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(rest.get(open..open + close + 2).unwrap_or_default()),
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn raw_keys(text: &str) -> Vec<&str> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_once('=').map_or(l, |(k, _)| k).trim())
            .collect()
    }

    #[test]
    fn tags_choose_the_language_by_primary_subtag() {
        assert_eq!(Lang::from_tag("de-AT"), Lang::De);
        assert_eq!(Lang::from_tag("fr"), Lang::Fr);
        assert_eq!(Lang::from_tag("ES-mx"), Lang::Es);
        assert_eq!(Lang::from_tag("en-IN"), Lang::En);
        assert_eq!(Lang::from_tag("ja-JP"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::from_tag("deu"), Lang::En);
        assert_eq!(Lang::parse("it"), None);
        assert_eq!(Lang::parse("de_CH"), Some(Lang::De));
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(
            fill("{a} then {b}, {a}", &[("a", "1"), ("b", "2")]),
            "1 then 2, 1"
        );
        assert_eq!(fill("no {x} here {", &[]), "no {x} here {");
        assert_eq!(placeholders("{amount} of {total}"), ["amount", "total"]);
    }

    #[test]
    fn a_missing_key_falls_back_to_english() {
        // `lang.name` is in every catalogue; a key only English has is not
        // testable with complete catalogues, so check the fallback path on
        // an unknown key, which gives the empty sentence, not a panic.
        assert_eq!(Lang::De.say("no.such.key"), "");
        assert_eq!(lookup(Lang::De, "no.such.key"), None);
        assert_eq!(Lang::En.say("lang.name"), "English");
        assert_eq!(Lang::De.say("lang.name"), "Deutsch");
    }

    /// The typography each language's readers expect: French puts a narrow
    /// no-break space (U+202F) before ; : ! ? and inside « », so the mark
    /// never wraps to a line of its own; German and Spanish quote with „…“
    /// and «…», never the English straight quote.
    #[test]
    fn catalogues_follow_their_languages_typography() {
        const NARROW: char = '\u{202f}';
        let mut problems = Vec::new();
        for (lang, code, text) in CATALOGUES {
            if lang == Lang::En {
                continue;
            }
            for (key, sentence) in parse(text) {
                if sentence.contains('"') {
                    problems.push(format!("{code}: {key} has a straight quote"));
                }
                if lang != Lang::Fr {
                    continue;
                }
                let chars: Vec<char> = sentence.chars().collect();
                for (i, c) in chars.iter().enumerate() {
                    let before = i.checked_sub(1).and_then(|j| chars.get(j));
                    let after = chars.get(i + 1);
                    let bad = match c {
                        ';' | ':' | '!' | '?' | '»' => before != Some(&NARROW),
                        '«' => after != Some(&NARROW),
                        _ => false,
                    };
                    if bad {
                        problems.push(format!("fr: {key} lacks U+202F at '{c}'"));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Every catalogue has exactly English's keys, each once, with the same
    /// placeholders (as a set: word order may change between languages).
    #[test]
    fn catalogues_are_complete_and_agree_on_placeholders() {
        let (_, _, en_text) = CATALOGUES[0];
        let en: BTreeMap<_, _> = parse(en_text).into_iter().collect();
        let mut problems = Vec::new();
        for (lang, code, text) in CATALOGUES {
            let keys = raw_keys(text);
            let mut seen = BTreeSet::new();
            for k in &keys {
                if !seen.insert(*k) {
                    problems.push(format!("{code}: {k} twice"));
                }
            }
            let table: BTreeMap<_, _> = parse(text).into_iter().collect();
            for k in en.keys() {
                if !table.contains_key(k) {
                    problems.push(format!("{code}: lacks {k}"));
                }
            }
            for (k, t) in &table {
                match en.get(k) {
                    None => problems.push(format!("{code}: stray key {k}")),
                    Some(e) => {
                        let want: BTreeSet<_> = placeholders(e).into_iter().collect();
                        let got: BTreeSet<_> = placeholders(t).into_iter().collect();
                        if want != got {
                            problems.push(format!(
                                "{code}: {k} has placeholders {got:?}, English {want:?}"
                            ));
                        }
                    }
                }
                if t.is_empty() {
                    problems.push(format!("{code}: {k} is empty"));
                }
            }
            assert_eq!(lang.code(), code);
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
