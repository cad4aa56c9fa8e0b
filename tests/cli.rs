//! The command line: exit codes, the exact JSON, every error on its own line.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed assertion or an unwrap that panics is the point here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tokenworth-cli"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn readable_breakdown_of_the_golden_case() {
    let out = cli(&["base=375000&tokens=100000"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Headline, year 1:        $475,000"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Worth to you, year 1:    $375,000"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Compute share:           21.1%"),
        "{stdout}"
    );
    assert!(stdout.contains("One dollar in five"), "{stdout}");
}

#[test]
fn json_is_the_result_of_model_md() {
    let out = cli(&["--json", "base=500k", "tokens=250k", "years=1"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["model"], "claude-sonnet-5");
    assert_eq!(json["currency"], "USD");
    assert_eq!(json["fx"], "1");
    // claude-sonnet-5 at 95 % input, 80 % of it cached (PRICES.md):
    // 0.95 * (0.8 * 0.20 + 0.2 * 2.00) + 0.05 * 10.00 = 0.532 + 0.5 = 1.032
    assert_eq!(json["blended_per_million"], "1.032");
    // use = $13 a day, 230 days
    assert_eq!(json["use_year"], "2990");
    let a = &json["offers"][0];
    assert_eq!(a["label"], "Offer A");
    assert_eq!(a["years"][0]["headline"], "750000");
    assert_eq!(a["headline_total"], "750000");
    assert_eq!(a["compute_to_base"], "0.5");
    assert_eq!(a["compute_share"], "0.3333333333333333333333333333");
    assert_eq!(a["token_keep_ratio"], "0");
    // 250000 / 2990 = 83.612040133779264214046822742…
    let multiple = a["use_multiple"].as_str().unwrap();
    assert!(
        multiple.starts_with("83.61204013377926421404682"),
        "{multiple}"
    );
    assert_eq!(
        a["flags"],
        serde_json::json!([
            "one_in_five",
            "half_of_base",
            "no_personal_use",
            "beyond_use"
        ])
    );
    assert!(json["compare"].is_null());
}

#[test]
fn bad_input_exits_2_with_every_error_on_its_own_line() {
    let out = cli(&["base=abc&tax=120&b.vest=50-40&base2=1"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let errors: Vec<_> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 3, "{stderr}");
    assert!(errors[0].starts_with("error: Tax rate (tax): \"120\" is out of range."));
    assert!(errors[1].starts_with("error: Base salary (base): \"abc\" is not a number."));
    assert!(errors[2].starts_with(
        "error: Vesting schedule, Offer B (b.vest): \"50-40\" adds up to 90, not 100."
    ));
    assert!(stderr.contains("note: Ignored \"base2\""));
    assert!(out.stdout.is_empty());
}

#[test]
fn overflow_exits_2_with_a_message() {
    let out = cli(&["years=10&model=deepseek-chat&decline=99&tokens=1000m&tgrowth=1000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("tokens per day is too large to compute"));
}

#[test]
fn prices_lists_every_preset_with_date_and_source() {
    let out = cli(&["--prices"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    for id in [
        "claude-opus-5",
        "claude-opus-4-7",
        "gpt-5-mini",
        "grok-4.5",
        "deepseek-chat",
    ] {
        assert!(stdout.contains(id), "{id}");
    }
    assert!(stdout.contains("2026-07-24"));
    assert!(stdout.contains("claude-sonnet-5          Claude Sonnet 5            Anthropic         2         0.2       10 (default)"));
}

#[test]
fn hostile_arguments_never_panic() {
    for arg in [
        "%",
        "&&&==&",
        "base=%FF%FE",
        "vest=------",
        "years=99999999999999999999",
        "base=99999999999999999999999999999m",
        "label=%00%01",
        "b.=1",
        "=",
    ] {
        let out = cli(&[arg]);
        assert!(matches!(out.status.code(), Some(0 | 2)), "{arg}: {out:?}");
        assert!(!text(&out.stderr).contains("panicked"), "{arg}");
    }
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_exits_2_with_a_message() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let out = Command::new(env!("CARGO_BIN_EXE_tokenworth-cli"))
        .arg("base=400k")
        .arg(OsStr::from_bytes(b"tokens=\xff\xfe"))
        .output()
        .expect("the CLI runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("argument 2 is not valid UTF-8"),
        "names the argument: {stderr}"
    );
    assert!(
        stderr.contains("UTF-8 text"),
        "says what is accepted: {stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn control_characters_in_a_value_reach_the_terminal_escaped() {
    // ESC [31m turns a terminal red; U+009B is the one-byte C1 form of ESC [;
    // ESC ] 0; … BEL sets the window title; U+202E reverses the rest of the line.
    let hostile = [
        "base=\u{1b}[31mred",
        "label=\u{9b}31m",
        "tax=1\u{202e}0",
        "\u{1b}]0;title\u{7}=1",
    ];
    let unknown_option = ["--x\u{1b}[2J"];
    for args in [&hostile[..], &unknown_option[..]] {
        let out = cli(args);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let printed = text(bytes);
            for raw in ['\u{1b}', '\u{9b}', '\u{202e}', '\u{7}'] {
                assert!(
                    !printed.contains(raw),
                    "{stream} holds a raw {raw:?}: {printed:?}"
                );
            }
        }
    }
    let stderr = text(&cli(&unknown_option).stderr);
    assert!(stderr.contains("unknown option --x\\u{1b}[2J"), "{stderr}");
}

#[test]
fn errors_echo_control_characters_as_escapes_one_message_a_line() {
    let out = cli(&["base=\u{1b}[31mred&years=4%0Aerror:%20fake&ab%E2%80%AEc=1"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("(base): \"\\u{1b}[31mred\" is not a number."),
        "{stderr}"
    );
    assert!(
        stderr.contains("(years): \"4\\u{a}error: fake\" is not a whole number"),
        "{stderr}"
    );
    assert!(stderr.contains("Ignored \"ab\\u{202e}c\""), "{stderr}");
    assert_eq!(
        stderr.lines().count(),
        3,
        "two errors and a note, one a line: {stderr}"
    );
}
