//! A scenario (or the options of `mount`) given to the JS API as an object,
//! after `web::api` has read it into a small native tree with limits: here
//! the tree becomes the `(key, value)` pairs the query codec parses.
//!
//! The shape accepted: a flat object of MODEL.md keys whose values are
//! strings, numbers or booleans, with offer B optionally nested ONE level as
//! `b: { base: 400000 }`. The reader stops at [`MAX_DEPTH`] (a cycle such as
//! `o.b = o` ends there too, so it needs no cycle check) and at
//! [`MAX_KEYS`] keys per object; what it could not read it says so in the
//! tree, and this module turns that into messages naming the key.

/// Objects deeper than this are not read: the scenario (depth 1) and `b`
/// inside it (depth 2); options and their lists likewise.
pub const MAX_DEPTH: usize = 2;

/// Keys read from one object: the parser's own cap (`query::MAX_PAIRS`), so
/// an object is refused where the same pairs in a link would be.
pub const MAX_KEYS: usize = super::query::MAX_PAIRS;

/// A message quoting a caller's text keeps at most this many characters.
const MAX_QUOTED: usize = 200;

/// One JS value as read, without running the caller's code where possible
/// (getters and Proxy traps do run: their exceptions become `Threw`).
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    /// `undefined` or `null`: the key is skipped.
    Absent,
    Text(String),
    /// A number, as JavaScript's `String(n)` writes it. The web layer asks
    /// the engine for that text: formatting an `f64` in Rust linked core's
    /// float formatting into the wasm (8.4 KB gzip of the core, measured).
    Number(String),
    Bool(bool),
    /// An object or array (`list`) with its own enumerable string keys.
    Object {
        list: bool,
        entries: Vec<(String, Given)>,
    },
    /// An object below `MAX_DEPTH`, not read (a cycle ends here too).
    TooDeep,
    /// An object with more than `MAX_KEYS` keys (how many), not read.
    TooManyKeys(usize),
    /// Reading it threw (a getter, a Proxy trap, a revoked Proxy): the message.
    Threw(String),
    /// A value of no use here: "a function", "a symbol".
    Unsupported(&'static str),
}

/// The `(key, value)` pairs of a scenario object (`b: {…}` flattened to
/// `b.key`), or every problem, each naming its key.
pub fn scenario_pairs(scenario: &Given) -> Result<Vec<(String, String)>, Vec<String>> {
    let entries = match scenario {
        Given::Object {
            list: false,
            entries,
        } => entries,
        other => return Err(vec![whole_problem("the scenario", other)]),
    };
    let mut pairs = Vec::new();
    let mut problems = Vec::new();
    for (key, value) in entries {
        match (key.as_str(), value) {
            (
                "b",
                Given::Object {
                    list: false,
                    entries: offer_b,
                },
            ) => {
                for (inner, value) in offer_b {
                    let key = format!("b.{inner}");
                    match value {
                        Given::Object { .. } | Given::TooDeep | Given::TooManyKeys(_) => problems
                            .push(format!(
                            "{key}: is an object inside b; offer B's settings are one level deep, \
                             such as b: {{ base: 400000 }}."
                        )),
                        _ => push_leaf(&key, value, &mut pairs, &mut problems),
                    }
                }
            }
            ("b", Given::TooManyKeys(_) | Given::Threw(_)) => {
                problems.push(whole_problem("b", value));
            }
            _ => push_leaf(key, value, &mut pairs, &mut problems),
        }
    }
    if problems.is_empty() {
        Ok(pairs)
    } else {
        Err(problems)
    }
}

/// A `mount` option's text: a string, number or boolean, or a list of them
/// joined with commas (`hide: ["equity", "tax"]`). `None` when absent.
pub fn option_text(key: &str, value: &Given) -> Result<Option<String>, String> {
    match value {
        Given::Absent => Ok(None),
        Given::Object {
            list: true,
            entries,
        } => {
            let mut items = Vec::with_capacity(entries.len());
            for (index, item) in entries {
                match leaf_text(item) {
                    Some(text) => items.push(text),
                    None => return Err(leaf_problem(&format!("{key}[{index}]"), item)),
                }
            }
            Ok(Some(items.join(",")))
        }
        _ => leaf_text(value)
            .map(Some)
            .ok_or_else(|| leaf_problem(key, value)),
    }
}

fn push_leaf(
    key: &str,
    value: &Given,
    pairs: &mut Vec<(String, String)>,
    problems: &mut Vec<String>,
) {
    if *value == Given::Absent {
        return;
    }
    match leaf_text(value) {
        Some(text) => pairs.push((key.to_string(), text)),
        None => problems.push(leaf_problem(key, value)),
    }
}

/// A string, number or boolean as the text an attribute would hold
/// (`375000`; `true` is `1`, `false` is `0`).
fn leaf_text(value: &Given) -> Option<String> {
    match value {
        Given::Text(text) => Some(text.clone()),
        Given::Number(text) => Some(text.clone()),
        Given::Bool(b) => Some(if *b { "1" } else { "0" }.to_string()),
        _ => None,
    }
}

fn leaf_problem(key: &str, value: &Given) -> String {
    let what = match value {
        Given::Object { list: true, .. } => "is a list".to_string(),
        Given::Object { list: false, .. } | Given::TooDeep | Given::TooManyKeys(_) => {
            "is an object".to_string()
        }
        Given::Threw(message) => format!("could not be read: {}", quoted(message)),
        Given::Unsupported(what) => format!("is {what}"),
        Given::Absent | Given::Text(_) | Given::Number(_) | Given::Bool(_) => {
            "is not a value".to_string()
        }
    };
    format!("{key}: {what}; give a string, a number or true/false.")
}

fn whole_problem(what: &str, value: &Given) -> String {
    match value {
        Given::TooManyKeys(n) => format!("{what} has {n} keys; at most {MAX_KEYS} are read."),
        Given::Threw(message) => format!("{what} could not be read: {}.", quoted(message)),
        Given::Object { list: true, .. } => {
            format!("{what} is a list; give a query string or a plain object of settings.")
        }
        _ => format!("{what} is not a plain object of settings."),
    }
}

/// A caller's text in a message: quoted, at most `MAX_QUOTED` characters.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = text.chars();
    out.extend(chars.by_ref().take(MAX_QUOTED));
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Given {
        Given::Text(s.to_string())
    }

    fn object(entries: &[(&str, Given)]) -> Given {
        Given::Object {
            list: false,
            entries: entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        }
    }

    fn list(items: &[Given]) -> Given {
        Given::Object {
            list: true,
            entries: items
                .iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v.clone()))
                .collect(),
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn scenario_objects_become_pairs_or_problems_naming_the_key() {
        // (what, scenario, Ok(pairs) or Err(substrings of each problem))
        type Expected = Result<Vec<(String, String)>, Vec<&'static str>>;
        let cases: Vec<(&str, Given, Expected)> = vec![
            (
                "flat values of every kind",
                object(&[
                    ("base", Given::Number("375000".into())),
                    ("tokens", text("100k")),
                    ("compare", Given::Bool(true)),
                    ("equity", Given::Bool(false)),
                    ("tax", Given::Absent),
                ]),
                Ok(pairs(&[
                    ("base", "375000"),
                    ("tokens", "100k"),
                    ("compare", "1"),
                    ("equity", "0"),
                ])),
            ),
            (
                "offer B nested one level",
                object(&[
                    ("base", Given::Number("375000".into())),
                    (
                        "b",
                        object(&[
                            ("base", Given::Number("400000".into())),
                            ("tokens", text("0")),
                        ]),
                    ),
                ]),
                Ok(pairs(&[
                    ("base", "375000"),
                    ("b.base", "400000"),
                    ("b.tokens", "0"),
                ])),
            ),
            (
                "b.b refused (also how o.b = o and {b:{b:…}} 10,000 deep read)",
                object(&[
                    ("base", Given::Number("1".into())),
                    (
                        "b",
                        object(&[("base", Given::Number("1".into())), ("b", Given::TooDeep)]),
                    ),
                ]),
                Err(vec!["b.b: is an object inside b"]),
            ),
            (
                "b.b refused when read as an object",
                object(&[("b", object(&[("b", object(&[]))]))]),
                Err(vec!["b.b: is an object inside b"]),
            ),
            (
                "an object as a value",
                object(&[("base", object(&[("x", Given::Number("1".into()))]))]),
                Err(vec!["base: is an object"]),
            ),
            (
                "a list as a value, and b as a list",
                object(&[
                    ("tokens", list(&[])),
                    ("b", list(&[Given::Number("1".into())])),
                ]),
                Err(vec!["tokens: is a list", "b: is a list"]),
            ),
            (
                "a throwing getter and a function",
                object(&[
                    ("base", Given::Threw("Error: boom".into())),
                    ("tokens", Given::Unsupported("a function")),
                ]),
                Err(vec![
                    "base: could not be read: \"Error: boom\"",
                    "tokens: is a function",
                ]),
            ),
            (
                "every problem inside b, each named",
                object(&[(
                    "b",
                    object(&[
                        ("base", Given::Threw("x".into())),
                        ("tax", Given::TooManyKeys(MAX_KEYS + 1)),
                    ]),
                )]),
                Err(vec![
                    "b.base: could not be read",
                    "b.tax: is an object inside b",
                ]),
            ),
            (
                "b with too many keys, b unreadable",
                object(&[("b", Given::TooManyKeys(200_000))]),
                Err(vec!["b has 200000 keys; at most 1000"]),
            ),
            (
                "the whole scenario with too many keys",
                Given::TooManyKeys(MAX_KEYS + 1),
                Err(vec!["the scenario has 1001 keys"]),
            ),
            (
                "the whole scenario unreadable (a revoked Proxy)",
                Given::Threw("TypeError: revoked".into()),
                Err(vec![
                    "the scenario could not be read: \"TypeError: revoked\"",
                ]),
            ),
            (
                "the whole scenario a list",
                list(&[]),
                Err(vec!["the scenario is a list"]),
            ),
            (
                "the whole scenario too deep",
                Given::TooDeep,
                Err(vec!["the scenario is not a plain object"]),
            ),
        ];
        for (what, given, expected) in cases {
            let got = scenario_pairs(&given);
            match (&got, expected) {
                (Ok(got), Ok(want)) => assert_eq!(*got, want, "{what}"),
                (Err(got), Err(want)) => {
                    assert_eq!(got.len(), want.len(), "{what}: {got:?}");
                    for (problem, part) in got.iter().zip(want) {
                        assert!(problem.contains(part), "{what}: {problem:?} lacks {part:?}");
                    }
                }
                (got, want) => panic!("{what}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn a_long_message_is_cut_at_200_characters() {
        let long = "x".repeat(10_000);
        let problems = scenario_pairs(&object(&[("base", Given::Threw(long))]));
        let Err(problems) = problems else {
            panic!("accepted")
        };
        let [problem] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        assert!(
            problem.contains(&format!("\"{}…\"", "x".repeat(200))),
            "{problem}"
        );
        assert!(problem.len() < 300, "{} bytes", problem.len());
    }

    #[test]
    fn options_are_text_or_lists_of_text() {
        let cases: Vec<(Given, Result<Option<&str>, &str>)> = vec![
            (Given::Absent, Ok(None)),
            (text("dark"), Ok(Some("dark"))),
            (Given::Bool(false), Ok(Some("0"))),
            (list(&[text("equity"), text("tax")]), Ok(Some("equity,tax"))),
            (list(&[]), Ok(Some(""))),
            (
                list(&[text("a"), object(&[])]),
                Err("hide[1]: is an object"),
            ),
            (object(&[]), Err("hide: is an object")),
            (Given::Threw("nope".into()), Err("hide: could not be read")),
        ];
        for (given, want) in cases {
            let got = option_text("hide", &given);
            match (got, want) {
                (Ok(got), Ok(want)) => assert_eq!(got.as_deref(), want, "{given:?}"),
                (Err(got), Err(want)) => assert!(got.contains(want), "{got}"),
                (got, want) => panic!("{given:?}: got {got:?}, want {want:?}"),
            }
        }
    }
}
