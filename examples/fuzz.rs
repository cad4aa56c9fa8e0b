//! A time-boxed fuzzer for every parser and the compute path, for machines
//! where `cargo fuzz` (nightly, sanitizers) cannot run.
//!
//!     cargo run --profile fuzz --example fuzz -- 600      # ten minutes
//!
//! It feeds the query-string parser, the money parser, the attribute reader,
//! the JS API's object path (`codec::object`: the native tree `web::api`
//! reads a scenario object into, with nesting, unreadable values and
//! oversized objects) and the full compute path with random and mutated
//! inputs built from the real keys and value forms, and stops with a
//! non-zero status on a panic or on any single input taking longer than
//! five seconds (a hang).
// Test code: a failed assertion or an unwrap that panics is the point here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::panic;
use std::time::{Duration, Instant};

use tokenworth::codec::object::{self, Given};
use tokenworth::codec::{self, json};
use tokenworth::model::{self, FIELDS};

/// One input taking longer than this is a hang. Generous: on a loaded 2-core
/// machine a normal input (milliseconds) has been seen to take one second.
const HANG: Duration = Duration::from_secs(5);

/// xorshift64*: small, fast, reproducible from the seed it prints.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

const VALUES: &[&str] = &[
    "",
    "0",
    "1",
    "-1",
    "375000",
    "375k",
    "1.2m",
    "$375,000.50",
    "1,000,000",
    "99.9999",
    "100",
    "1000",
    "-100",
    "25-25-25-25",
    "5-15-40-40",
    "100",
    "33.33-33.33-33.34",
    "USD",
    "eur",
    "claude-sonnet-4-6",
    "deepseek-chat",
    "1e9",
    "NaN",
    "inf",
    "%",
    "%zz",
    "%FF",
    "+",
    "k",
    "m",
    "9999999999999999999999999999",
    "0.000000000000000000000000001",
    "--",
    "1..2",
    ",,,",
    "10",
    "Offer%20B",
    "✓",
    "\u{202e}",
    "1000m",
    "10000m",
    "-0",
    "0.005",
    "50/50",
];

fn random_text(rng: &mut Rng) -> String {
    let len = rng.below(40);
    (0..len)
        .map(|_| match rng.below(4) {
            0 => char::from(b' ' + rng.below(95) as u8),
            1 => ['k', 'm', '$', ',', '.', '-', '%', '&', '=', '+'][rng.below(10)],
            2 => char::from(b'0' + rng.below(10) as u8),
            _ => char::from_u32(rng.next() as u32 % 0x3000).unwrap_or('?'),
        })
        .collect()
}

fn random_query(rng: &mut Rng) -> String {
    let pairs = rng.below(14);
    let mut parts = Vec::with_capacity(pairs);
    for _ in 0..pairs {
        let key = match rng.below(6) {
            0 => random_text(rng),
            1 => format!("b.{}", FIELDS[rng.below(FIELDS.len())].key),
            _ => FIELDS[rng.below(FIELDS.len())].key.to_string(),
        };
        let value = if rng.below(3) == 0 {
            random_text(rng)
        } else {
            rng.pick(VALUES).to_string()
        };
        parts.push(format!("{key}={value}"));
    }
    parts.join(if rng.below(10) == 0 { "&&" } else { "&" })
}

fn random_key(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => random_text(rng),
        1 => "b".to_string(),
        2 => format!("b.{}", FIELDS[rng.below(FIELDS.len())].key),
        _ => FIELDS[rng.below(FIELDS.len())].key.to_string(),
    }
}

/// A value as `web::api::read` could give it, objects nested up to `depth`
/// (deeper than the reader reads, to check nothing relies on that).
fn random_given(rng: &mut Rng, depth: usize) -> Given {
    match rng.below(12) {
        0 => Given::Absent,
        1 | 2 => Given::Text(rng.pick(VALUES).to_string()),
        3 => Given::Text(random_text(rng)),
        // The engine's text of a number (web::api::read asks String(n));
        // Rust's writing of it is as good a text to parse.
        4 => Given::Number(f64::from_bits(rng.next()).to_string()),
        5 => Given::Number(
            (rng.below(2_000_000) as f64 / [1.0, 100.0, 1e-3][rng.below(3)]).to_string(),
        ),
        6 => Given::Bool(rng.below(2) == 0),
        7 => Given::Threw(random_text(rng).repeat(rng.below(30))),
        8 => match rng.below(3) {
            0 => Given::TooDeep,
            1 => Given::TooManyKeys(object::MAX_KEYS + 1 + rng.below(1000)),
            _ => Given::Unsupported("a function"),
        },
        _ if depth == 0 => Given::TooDeep,
        _ => random_object(rng, depth - 1),
    }
}

fn random_object(rng: &mut Rng, depth: usize) -> Given {
    let len = rng.below(12);
    Given::Object {
        list: rng.below(8) == 0,
        entries: (0..len)
            .map(|_| (random_key(rng), random_given(rng, depth)))
            .collect(),
    }
}

/// The keys a problem may name: `the scenario`, each key, `b.<key>` inside `b`.
fn keys_of(scenario: &Given) -> Vec<String> {
    let mut keys = vec!["the scenario".to_string()];
    if let Given::Object { entries, .. } = scenario {
        for (key, value) in entries {
            keys.push(key.clone());
            if let ("b", Given::Object { entries: inner, .. }) = (key.as_str(), value) {
                keys.extend(inner.iter().map(|(k, _)| format!("b.{k}")));
            }
        }
    }
    keys
}

/// The JS API's object path: a random scenario object to pairs (or
/// problems, each naming a key that is there) to a scenario.
fn exercise_object(rng: &mut Rng) {
    let depth = rng.below(4);
    let scenario = random_object(rng, depth);
    let _ = object::option_text("hide", &random_given(rng, 2));
    match object::scenario_pairs(&scenario) {
        Ok(pairs) => {
            let parsed = codec::parse_pairs(pairs);
            let _ = model::project(&parsed.scenario);
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            let keys = keys_of(&scenario);
            for problem in &problems {
                assert!(problem.chars().count() < 600, "long problem {problem:?}");
                assert!(
                    keys.iter().any(|k| problem.starts_with(k.as_str())),
                    "{problem:?} names none of {keys:?}"
                );
            }
        }
    }
}

/// One input through every target; returns how many results computed.
fn exercise(rng: &mut Rng) -> usize {
    exercise_object(rng);
    let text = random_text(rng);
    let _ = codec::money::parse_money(&text);
    let _ = codec::money::parse_percent(&text);
    let query = random_query(rng);
    let attrs: Vec<(String, String)> = codec::query::split_query(&query)
        .into_iter()
        .map(|(k, v)| (format!("data-{}", k.replace("b.", "b-")), v))
        .collect();
    let _ = codec::parse_attributes(attrs);
    let parsed = codec::parse(&query);
    let written = codec::write(&parsed.scenario);
    let again = codec::parse(&written);
    assert!(
        again.is_ok(),
        "round trip of {written:?} failed: {:?}",
        again.errors
    );
    assert_eq!(again.scenario, parsed.scenario, "round trip of {query:?}");
    match model::project(&parsed.scenario) {
        Ok(p) => {
            let _ = json::result(&p);
            1
        }
        Err(_) => 0,
    }
}

fn main() {
    let seconds: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let seed = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    println!("fuzzing for {seconds} s, seed {seed}");
    let mut rng = Rng(seed);
    let start = Instant::now();
    let mut runs: u64 = 0;
    let mut computed: u64 = 0;
    let mut slowest = Duration::ZERO;
    while start.elapsed() < Duration::from_secs(seconds) {
        let before = Instant::now();
        let state = rng.0;
        let result = panic::catch_unwind(panic::AssertUnwindSafe(|| exercise(&mut rng)));
        let took = before.elapsed();
        match result {
            Ok(n) => computed += n as u64,
            Err(_) => {
                eprintln!("PANIC at run {runs}; reproduce with rng state {state}");
                std::process::exit(1);
            }
        }
        if took > HANG {
            eprintln!("HANG: run {runs} took {took:?} (rng state {state})");
            std::process::exit(1);
        }
        slowest = slowest.max(took);
        runs += 1;
    }
    println!(
        "{runs} inputs, {computed} computed results, slowest input {:?}, no panic, no hang",
        slowest
    );
}
