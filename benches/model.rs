//! The model alone, natively: scenarios per second for a 2-offer, 10-year
//! scenario. A plain timing loop (no criterion: no heavy dev-dependency).
//!
//!     cargo bench --bench model            # human-readable lines
//!     cargo bench --bench model -- --json  # one JSON object (bench/run.mjs)
//!
//! Three figures: `project` alone (the model), parse + project, and the
//! whole path of `window.tokenworth.compute` minus the JS conversion (parse,
//! project, the JSON result structure). And the parser on hostile input:
//! 100,000 distinct unknown keys (refused at the cap, budget < 1 s; it took
//! 25 s for 80,000 when parsing was quadratic) and 1,000 (the cap, parsed).
// Test code: a failed assertion or an unwrap that panics is the point here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use tokenworth::codec::{self, json};
use tokenworth::model;

/// 2 offers, 10 years; bonus, equity, refreshers, personal use, tax.
pub const SCENARIO: &str = "years=10&tax=35&base=375k&bonus=15&equity=400k&refresh=50k&tokens=100k&personal=10&b.base=450k&b.equity=200k&b.tokens=0";

/// `k0=1&k1=1&…`: `n` distinct keys that are not settings.
fn unknown_keys(n: usize) -> String {
    (0..n)
        .map(|i| format!("k{i}=1"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The median wall time of `runs` calls of `f`, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(0.0)
}

/// Runs `f` in batches for at least `min` after a warm-up; returns the
/// median of the per-batch rates (calls per second) and every rate.
fn rate(min: Duration, mut f: impl FnMut()) -> (f64, Vec<f64>) {
    // Warm-up and batch size: about 20 ms a batch.
    let mut batch = 1u32;
    loop {
        let start = Instant::now();
        for _ in 0..batch {
            f();
        }
        if start.elapsed() >= Duration::from_millis(20) {
            break;
        }
        batch = batch.saturating_mul(2);
    }
    let mut rates = Vec::new();
    let total = Instant::now();
    while total.elapsed() < min || rates.len() < 7 {
        let start = Instant::now();
        for _ in 0..batch {
            f();
        }
        rates.push(f64::from(batch) / start.elapsed().as_secs_f64());
    }
    let mut sorted = rates.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
    (median, sorted)
}

fn main() {
    let json_out = std::env::args().any(|a| a == "--json");
    let parsed = codec::parse(SCENARIO);
    assert!(
        parsed.is_ok(),
        "bench scenario does not parse: {:?}",
        parsed.errors
    );
    let projection = model::project(&parsed.scenario).expect("bench scenario computes");
    assert_eq!(projection.offers.len(), 2);
    assert_eq!(projection.offers[0].years.len(), 10);

    let min = Duration::from_secs(2);
    let (project_only, p_all) = rate(min, || {
        black_box(model::project(black_box(&parsed.scenario)).ok());
    });
    let (parse_project, pp_all) = rate(min, || {
        let parsed = codec::parse(black_box(SCENARIO));
        black_box(model::project(&parsed.scenario).ok());
    });
    let (compute_path, c_all) = rate(min, || {
        let parsed = codec::parse(black_box(SCENARIO));
        if let Ok(p) = model::project(&parsed.scenario) {
            black_box(json::result(&p));
        }
    });
    let keys_100k = unknown_keys(100_000);
    let refused = codec::parse(&keys_100k);
    assert!(!refused.is_ok(), "100,000 keys are refused at the cap");
    let parse_100k_ms = median_ms(9, || {
        black_box(codec::parse(black_box(&keys_100k)));
    });
    let keys_1000 = unknown_keys(1000);
    assert!(codec::parse(&keys_1000).is_ok(), "1,000 keys are parsed");
    let parse_1000_ms = median_ms(9, || {
        black_box(codec::parse(black_box(&keys_1000)));
    });
    let spread = |v: &[f64]| {
        (
            v.first().copied().unwrap_or(0.0),
            v.last().copied().unwrap_or(0.0),
        )
    };
    if json_out {
        let (pmin, pmax) = spread(&p_all);
        let (ppmin, ppmax) = spread(&pp_all);
        let (cmin, cmax) = spread(&c_all);
        println!(
            "{{\"scenario\":\"{SCENARIO}\",\"project_per_s\":{project_only:.0},\"project_min\":{pmin:.0},\"project_max\":{pmax:.0},\
\"parse_project_per_s\":{parse_project:.0},\"parse_project_min\":{ppmin:.0},\"parse_project_max\":{ppmax:.0},\
\"compute_path_per_s\":{compute_path:.0},\"compute_path_min\":{cmin:.0},\"compute_path_max\":{cmax:.0},\
\"parse_100k_keys_ms\":{parse_100k_ms:.2},\"parse_1000_keys_ms\":{parse_1000_ms:.3}}}"
        );
    } else {
        println!("scenario: {SCENARIO}");
        println!("project (model only):            {project_only:>10.0} scenarios/s");
        println!("parse + project:                 {parse_project:>10.0} scenarios/s");
        println!("parse + project + JSON result:   {compute_path:>10.0} scenarios/s");
        println!("parse 100,000 unknown keys:      {parse_100k_ms:>10.2} ms (budget < 1 s; refused at the cap)");
        println!("parse 1,000 unknown keys:        {parse_1000_ms:>10.3} ms (the cap)");
    }
}
