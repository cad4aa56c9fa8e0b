//! The catalogues against the code: every catalogue key the code names
//! exists in English (src/lang/mod.rs checks that every other language has
//! exactly English's keys and placeholders), and every field of the model's
//! table has its label, its hint when it has one, and its unit, in every
//! language.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::rust_files;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use tokenworth::lang::{self, Lang};
use tokenworth::model::input::{Kind, FIELDS};

const EN: &str = include_str!("../src/lang/en.txt");

fn english_keys() -> BTreeSet<&'static str> {
    lang::parse(EN).into_iter().map(|(k, _)| k).collect()
}

/// String literals shaped like a catalogue key (`figures.worth.sub`) whose
/// first part is a section of the catalogue.
fn keys_named_in(text: &str, sections: &BTreeSet<&str>) -> Vec<String> {
    let mut found = Vec::new();
    for literal in text.split('"').skip(1).step_by(2) {
        let shaped = literal.contains('.')
            && literal.split('.').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            });
        let section = literal.split('.').next().unwrap_or_default();
        if shaped && sections.contains(section) {
            found.push(literal.to_string());
        }
    }
    found
}

#[test]
fn every_key_the_code_names_is_in_the_catalogue() {
    let keys = english_keys();
    let sections: BTreeSet<&str> = keys.iter().filter_map(|k| k.split('.').next()).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut missing = Vec::new();
    let mut named = 0;
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for key in keys_named_in(&text, &sections) {
            named += 1;
            if !keys.contains(key.as_str()) {
                missing.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys not in en.txt:\n{}",
        missing.join("\n")
    );
    // The scan finds the keys at all (a broken scan would pass vacuously).
    assert!(named > 100, "only {named} keys found in the code");
}

#[test]
fn the_scan_sees_a_missing_key() {
    let keys = english_keys();
    let sections: BTreeSet<&str> = keys.iter().filter_map(|k| k.split('.').next()).collect();
    let found = keys_named_in(
        r#"lang.say("figures.no_such"); x("embed.js"); "a.b""#,
        &sections,
    );
    assert_eq!(found, ["figures.no_such", "embed.js"]);
    assert!(!keys.contains("figures.no_such"));
}

/// Field labels and hints are looked up by the field's key
/// (`field.base.name`): every row of FIELDS has them in every language,
/// and the units of whole-number fields too.
#[test]
fn every_field_is_named_in_every_language() {
    let keys = english_keys();
    let mut missing = Vec::new();
    for field in FIELDS {
        let name = format!("field.{}.name", field.key);
        let hint = format!("field.{}.hint", field.key);
        if !keys.contains(name.as_str()) {
            missing.push(name);
        }
        if field.hint.is_some() != keys.contains(hint.as_str()) {
            missing.push(format!("{hint} (the model's hint is {:?})", field.hint));
        }
        if let Kind::Whole { unit, .. } = field.kind {
            let unit = format!("unit.{unit}");
            if !keys.contains(unit.as_str()) {
                missing.push(unit);
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    for lang in Lang::ALL {
        assert!(!lang.say("field.base.name").is_empty(), "{lang:?}");
    }
}
