//! Programmes: norms, item statistics, percentiles, meaningful change, who
//! is due and the calendar, on a cohort of ten whose figures are worked out
//! by hand below.
//!
//! The questionnaire (tests/fixtures/programme) has a theme `lead` of three
//! five-point statements (s = (position − 1)/4) and a theme `money` of one.
//! The ten people answer (l1, l2, l3; m1):
//!
//! | person | l1 | l2 | l3 | lead score        | m1 |
//! |--------|----|----|----|-------------------|----|
//! | P0     | 1  | 1  | 3  | (0+0+.5)/3 = 16.7 | 1  |
//! | P1     | 2  | 1  | 5  | 41.7              | 2  |
//! | P2     | 2  | 2  | 1  | 16.7              | 3  |
//! | P3     | 3  | 2  | 4  | 50.0              | 4  |
//! | P4     | 3  | 3  | 2  | 41.7              | 5  |
//! | P5     | 3  | 4  | 3  | 58.3              | 1  |
//! | P6     | 4  | 3  | 5  | 75.0              | 2  |
//! | P7     | 4  | 4  | 1  | 50.0              | 3  |
//! | P8     | 5  | 4  | 3  | 75.0              | 4  |
//! | P9     | 5  | 5  | 3  | 83.3              | 5  |
//!
//! Item scores s: l1 = 0, .25, .25, .5, .5, .5, .75, .75, 1, 1 (mean .55,
//! sample variance 13/120); l2 = 0, 0, .25, .25, .5, .75, .5, .75, .75, 1
//! (mean .475, variance 169/1440); l3 = .5, 1, 0, .75, .25, .5, 1, 0, .5, .5
//! (mean .5, variance 1/8). Totals (l1+l2+l3) have variance 689/1440, so
//! alpha = 3/2 · (1 − (13/120 + 169/1440 + 1/8) / (689/1440))
//!       = 3/2 · (1 − 505/1440 · 1440/689) = 3/2 · 184/689 = 276/689 = 0.401.
//! l3 against the rest (l1 + l2): covariance −5/144, the rest's variance
//! 203/480, so r = (−5/144) / √(1/8 · 203/480) = −0.151: below 0.2, flagged.
//! Without l3, alpha of l1 and l2 = 2 · (1 − (13/120 + 169/1440) / var(l1 +
//! l2)) = 568/609 = 0.933. l1 against l2 + l3: r = 0.720; l2: 0.386.
//!
//! Lead scores sorted: 16.7, 16.7, 41.7, 41.7, 50, 50, 58.3, 75, 75, 83.3
//! (mean 50.8; squared deviations sum to 4784.7, sd = √(4784.7/9) = 23.1). Percentiles by h = 9p: p10 (h 0.9) = 16.7, p25
//! (2.25) = 41.7, p50 (4.5) = 50, p75 (6.75) = 58.3 + .75 · 16.7 = 70.8,
//! p90 (8.1) = 75 + .1 · 8.3 = 75.8.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use serde_json::Value;
use support::Sandbox;

const Q: &str = "tests/fixtures/programme/questionnaire.toml";

/// The ten people's answers: (l1, l2, l3, m1).
const PEOPLE: [(u8, u8, u8, u8); 10] = [
    (1, 1, 3, 1),
    (2, 1, 5, 2),
    (2, 2, 1, 3),
    (3, 2, 4, 4),
    (3, 3, 2, 5),
    (3, 4, 3, 1),
    (4, 3, 5, 2),
    (4, 4, 1, 3),
    (5, 4, 3, 4),
    (5, 5, 3, 5),
];

/// Saves one self-assessment of `name` at `now` with `answers`.
fn assess(sandbox: &Sandbox, name: &str, now: &str, (l1, l2, l3, m1): (u8, u8, u8, u8)) -> Value {
    let file = sandbox.write(
        &format!("{name}.toml"),
        &format!(
            "questionnaire = \"programme\"\n[answers]\nl1 = {l1}\nl2 = {l2}\nl3 = {l3}\nm1 = {m1}\n"
        ),
    );
    let report = sandbox.assess_at(
        now,
        &[
            "-q",
            Q,
            "--subject",
            name,
            "--answers",
            file.to_str().unwrap(),
        ],
    );
    std::fs::remove_file(file).unwrap();
    report
}

/// The first `count` people of the cohort, each with one self-assessment.
fn cohort(sandbox: &Sandbox, count: usize) {
    for (i, answers) in PEOPLE.into_iter().take(count).enumerate() {
        assess(
            sandbox,
            &format!("P{i}"),
            &format!("2026-09-{:02}T09:00:00Z", i + 1),
            answers,
        );
    }
}

fn norms(sandbox: &Sandbox) -> std::path::PathBuf {
    let path = sandbox.scratch().join("cohort.norms.toml");
    sandbox
        .run(["norms"])
        .arg(sandbox.data_dir().join("reports"))
        .arg("-o")
        .arg(&path)
        .stderr("Wrote [SANDBOX]/cohort.norms.toml\n")
        .run();
    path
}

#[test]
fn norms_hold_the_hand_worked_figures_and_nothing_that_names_anyone() {
    let sandbox = Sandbox::new();
    cohort(&sandbox, 10);
    let path = norms(&sandbox);
    let text = std::fs::read_to_string(&path).unwrap();
    let file: toml::Table = toml::from_str(&text).unwrap();
    let themes = file["themes"].as_array().unwrap();
    let lead = themes
        .iter()
        .find(|t| t["id"].as_str() == Some("lead"))
        .unwrap();
    let figure = |key: &str| lead[key].as_float().unwrap();
    assert_eq!(lead["n"].as_integer(), Some(10));
    assert_eq!(
        ["mean", "sd", "p10", "p25", "p50", "p75", "p90", "alpha"].map(figure),
        [50.8, 23.1, 16.7, 41.7, 50.0, 70.8, 75.8, 0.401]
    );
    // One question: no alpha.
    let money = themes
        .iter()
        .find(|t| t["id"].as_str() == Some("money"))
        .unwrap();
    assert!(money.get("alpha").is_none(), "{money:?}");

    // No name, report id or date anywhere in the file.
    for i in 0..10 {
        assert!(!text.contains(&format!("P{i}")), "{text}");
    }
    assert!(!text.contains("2026"), "{text}");
    let keys: Vec<&str> = file.keys().map(String::as_str).collect();
    assert_eq!(keys, ["schema", "themes"]);
    let theme_keys: Vec<&str> = lead
        .as_table()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        theme_keys,
        [
            "alpha",
            "hash",
            "id",
            "mean",
            "n",
            "p10",
            "p25",
            "p50",
            "p75",
            "p90",
            "questionnaire",
            "sd"
        ]
    );
}

#[test]
fn norms_are_refused_below_the_minimum_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    cohort(&sandbox, 9);
    let path = sandbox.scratch().join("cohort.norms.toml");
    sandbox
        .run(["norms"])
        .arg(sandbox.data_dir().join("reports"))
        .arg("-o")
        .arg(&path)
        .status(1)
        .stderr(
            "error: norms need at least 10 people, and these folders hold the self-assessments \
             of 9\n  help: add folders, or wait until more people have assessed; nothing was \
             written\n",
        )
        .run();
    assert!(!path.exists());
    sandbox
        .run(["norms", "--min", "5", "-o", "x.toml"])
        .arg(sandbox.data_dir().join("reports"))
        .status(1)
        .stderr(
            "error: --min 5 is too small: norms from fewer than 10 people would show their \
             scores\n  help: give 10 or more\n",
        )
        .run();
}
