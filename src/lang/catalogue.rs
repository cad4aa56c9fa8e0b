//! Reading a catalogue file (`src/lang/*.txt`), shared by the crate
//! (src/lang/mod.rs: the native tests) and by build.rs, which turns the
//! catalogues into sorted Rust tables at build time (no parsing or sorting
//! in the browser). A leaf: it depends on nothing.

/// `key = text` lines; blank lines and lines starting with `#` are skipped.
/// A later line with the same key replaces the earlier one (the test
/// reports duplicates). Sorted by key.
pub fn parse(text: &str) -> Vec<(&str, &str)> {
    let mut entries: Vec<(&str, &str)> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = ").or_else(|| line.split_once('=')))
        .map(|(key, text)| (key.trim(), text.trim()))
        .collect();
    // Stable, so among equal keys the later line stays last.
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

/// The sections (first part of a key) the core wasm (badges and
/// `tokenworth.compute`, no yew) says anything from: it carries only their
/// sentences, 7 of ~300 (the whole catalogues were 66 KB of its 270 KB).
/// A key of another section looked up in the core reads as empty, so a
/// sentence the core starts to use needs its section here.
pub const CORE_SECTIONS: [&str; 1] = ["badge"];

/// Whether the core wasm carries the sentence under `key`.
pub fn in_core(key: &str) -> bool {
    let section = key.split('.').next().unwrap_or_default();
    CORE_SECTIONS.contains(&section)
}
