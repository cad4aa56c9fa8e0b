//! The layers of docs/architecture.md, checked against the code: every
//! `crate::…` path in a file of one layer names its own layer or one below,
//! so data flows one way (model <- codec <- explain/publish <- ui <- web).
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed assertion or an unwrap that panics is the point here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;
use common::rust_files;

use std::fs;
use std::path::Path;

/// Top-level modules by layer, lowest first. `numbers` is a leaf any layer
/// may use; `explain`, `publish` and its `colour` share a layer.
const LAYERS: &[&[&str]] = &[
    &["numbers", "lang"],
    &["model"],
    &["codec"],
    &["explain", "publish", "colour"],
    &["ui"],
    &["web"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level modules a file's code names as `crate::NAME` (comments,
/// which may mention other layers, are left out).
fn crate_paths(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let text = code.as_str();
    let mut found = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        // `tokenworth::crate::` never occurs; skip `$crate::` in macros.
        if text[..i].ends_with('$') {
            continue;
        }
        let rest = &text[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.push(name);
        }
    }
    found
}

#[test]
fn every_arrow_points_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut upward = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&root).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        // lib.rs, main.rs and bin/ sit above every layer.
        let Some(own) = layer_of(&top) else { continue };
        let text = fs::read_to_string(file).unwrap();
        for used in crate_paths(&text) {
            match layer_of(&used) {
                Some(layer) if layer > own => {
                    upward.push(format!("{} uses crate::{used}", rel.display()))
                }
                Some(_) => {}
                None => upward.push(format!(
                    "{} uses crate::{used}, which is in no layer",
                    rel.display()
                )),
            }
        }
    }
    assert!(
        upward.is_empty(),
        "arrows pointing up:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_arrow() {
    assert_eq!(
        crate_paths("use crate::ui::host::Host; let x = crate::web::page::host();"),
        ["ui", "web"]
    );
    assert!(layer_of("ui") > layer_of("publish"));
}
