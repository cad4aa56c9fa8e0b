//! Turns the catalogues (src/lang/*.txt, the one source of every sentence)
//! into Rust tables in $OUT_DIR/catalogues.rs, sorted by key at build time:
//! the browser neither parses nor sorts them (the run-time parse and its
//! stable sort were ~7 KB of wasm). Two sets: every sentence (the app, the
//! CLI, native tests) and the core's (only `catalogue::CORE_SECTIONS`).

// A build script stops the build with the reason, which is what a panic
// here does; the crate's no-panic rule is for code that runs in a page.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/lang/catalogue.rs"]
mod catalogue;

/// In the order of `Lang` (en first: the reference and the fallback).
const LANGS: [&str; 4] = ["en", "de", "fr", "es"];

fn main() {
    let mut texts = Vec::new();
    for code in LANGS {
        let path = format!("src/lang/{code}.txt");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        texts.push(text);
    }
    println!("cargo:rerun-if-changed=src/lang/catalogue.rs");
    let tables: Vec<Vec<(&str, &str)>> = texts.iter().map(|t| catalogue::parse(t)).collect();
    let mut out = String::new();
    write_set(&mut out, "full", &tables, |_| true);
    write_set(&mut out, "core", &tables, catalogue::in_core);
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("catalogues.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

/// `mod NAME { KEYS: English's keys, sorted; TEXTS: per language, the
/// sentence under each key, "" where that catalogue lacks it }`. A key only
/// another catalogue has is left out (the native tests report it).
fn write_set(out: &mut String, name: &str, tables: &[Vec<(&str, &str)>], keep: fn(&str) -> bool) {
    let keys: Vec<&str> = tables[0]
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| keep(k))
        .collect();
    let n = keys.len();
    writeln!(out, "pub mod {name} {{").unwrap();
    writeln!(out, "    pub static KEYS: [&str; {n}] = {keys:?};").unwrap();
    writeln!(
        out,
        "    pub static TEXTS: [[&str; {n}]; {}] = [",
        tables.len()
    )
    .unwrap();
    for table in tables {
        let texts: Vec<&str> = keys
            .iter()
            .map(|k| {
                table
                    .binary_search_by(|(t, _)| t.cmp(k))
                    .map_or("", |i| table[i].1)
            })
            .collect();
        writeln!(out, "        {texts:?},").unwrap();
    }
    writeln!(out, "    ];\n}}").unwrap();
}
