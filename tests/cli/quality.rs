//! How far to trust the answers: contradictions, straight-lining, uniformly
//! top answers, provisional themes, percent to target, progress since the
//! baseline, and the examples given with best answers.

use crate::support;
use crate::support::RULES;

use crate::support::{Sandbox, rules_answers};
use serde_json::{Value, json};

const TOO_GOOD: &str = "tests/fixtures/quality/too-good.toml";
/// The built-in questionnaire as it was in 1.1.0: its [[pairs]] and agree
/// scales are what the quality notes rest on.
const V1: &str = "tests/fixtures/it-manager-1/it-manager.toml";

fn kinds(report: &Value) -> Vec<&str> {
    report["quality"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect()
}

#[test]
fn contradictions_and_uniformly_top_answers_are_noted_in_every_format() {
    let sandbox = Sandbox::new();
    let report = sandbox.assess_at(support::NOW, &["-q", V1, "-a", TOO_GOOD, "--no-save"]);
    assert_eq!(kinds(&report), ["contradiction", "all-top"]);
    assert_eq!(
        report["quality"][0]["questions"],
        json!(["takes-over", "lets-them-struggle"])
    );
    assert_eq!(report["quality"][0]["scores"], json!([0.0, 1.0]));
    assert_eq!(report["quality"][1]["count"], 37);
    assert_eq!(report["quality"][1]["of"], 38);

    let table = sandbox
        .run(["assess", "-q", V1, "-a", TOO_GOOD, "--no-save"])
        .output()
        .stdout;
    let about =
        &table[table.find("About these answers").unwrap()..table.find("\nExamples given").unwrap()];
    insta::assert_snapshot!("too_good_about_table", about);

    let markdown = sandbox
        .run([
            "assess",
            "-q",
            V1,
            "-a",
            TOO_GOOD,
            "--no-save",
            "--format",
            "markdown",
        ])
        .output()
        .stdout;
    let about = &markdown[markdown.find("## About these answers").unwrap()
        ..markdown.find("\n## Examples given").unwrap()];
    insta::assert_snapshot!("too_good_about_markdown", about);
}

#[test]
fn the_same_answer_everywhere_is_noted() {
    let sandbox = Sandbox::new();
    let text = std::fs::read_to_string(support::repo().join(TOO_GOOD)).unwrap();
    // Every statement answered 3, the middle of its scale.
    let flat: String = text
        .lines()
        .map(|line| match line.split_once(" = ") {
            Some((id, value)) if value.len() == 1 && value.chars().all(|c| c.is_ascii_digit()) => {
                format!("{id} = 3")
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let path = sandbox.write("flat.toml", &flat);
    let report = sandbox.assess_at(
        support::NOW,
        &["-q", V1, "-a", path.to_str().unwrap(), "--no-save"],
    );
    assert_eq!(kinds(&report), ["same-answer"]);
    assert_eq!(report["quality"][0]["position"], 3);
    assert_eq!(report["quality"][0]["count"], 19);
    assert_eq!(report["quality"][0]["of"], 19);
}

#[test]
fn a_saved_report_keeps_its_notes_and_examples_and_show_prints_them() {
    let sandbox = Sandbox::new();
    let assessed = sandbox.assess_at(support::NOW, &["-q", V1, "-a", TOO_GOOD]);
    let saved = std::fs::read_to_string(&sandbox.reports()[0]).unwrap();
    assert!(
        saved.contains("[[quality]]\nkind = \"contradiction\""),
        "{saved}"
    );
    assert!(
        saved.contains("evidence = \"Told the CFO our year-end forecast within 2% in October.\"")
    );

    let shown = sandbox
        .run(["show", "latest", "--format", "json"])
        .stdout_any()
        .run()
        .json();
    assert_eq!(shown["quality"], assessed["quality"]);
    let knows_spend = shown["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["question"] == "knows-spend")
        .unwrap();
    assert_eq!(
        knows_spend["evidence"],
        "Told the CFO our year-end forecast within 2% in October."
    );

    let table = sandbox.run(["show", "latest"]).output().stdout;
    let examples = &table[table.find("Examples given").unwrap()..table.find("\nAnswered").unwrap()];
    insta::assert_snapshot!("examples_table", examples);
    let markdown = sandbox
        .run(["show", "latest", "--format", "markdown"])
        .output()
        .stdout;
    let examples = &markdown
        [markdown.find("## Examples given").unwrap()..markdown.find("\n_Answered").unwrap()];
    insta::assert_snapshot!("examples_markdown", examples);
}

#[test]
fn provisional_scores_and_the_distance_to_target() {
    let sandbox = Sandbox::new();
    let answers = rules_answers(&sandbox, "a.toml", &[]);
    let report = sandbox.assess_at(
        support::NOW,
        &["-q", RULES, "-a", answers.to_str().unwrap(), "--no-save"],
    );
    // beta and delta skipped a question; gamma is not scored at all.
    let provisional: Vec<(&str, bool)> = report["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap(),
                t["provisional"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        provisional,
        [
            ("alpha", false),
            ("beta", true),
            ("gamma", false),
            ("delta", true),
            ("epsilon", false)
        ]
    );
    assert_eq!(report["overall_provisional"], true);
    // alpha: 1 - 23.125 / 70; beta: over target, 100%; gamma: no score.
    assert_eq!(report["themes"][0]["percent_to_target"], 67.0);
    assert_eq!(report["themes"][1]["percent_to_target"], 100.0);
    assert_eq!(report["themes"][2]["percent_to_target"], Value::Null);
    // overall: 1 - (2 * 23.125 + 0.5 * 10) / (2 * 70 + 60 + 0.5 * 60 + 65) = 1 - 51.25 / 295
    assert_eq!(report["overall_percent_to_target"], 82.6);

    // The table shows the same: the rules fixture's table is pinned in
    // tests/snapshots/assess__rules_table.snap.
    let table = sandbox
        .run(["assess", "-q", RULES, "--no-save", "-a"])
        .arg(&answers)
        .output()
        .stdout;
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[3], "Overall 63 (target 66) · 3 to go · provisional");
    assert_eq!(
        lines[9].trim_end(),
        " Beta: a skip, coverage above the    100~      60  met  strong                   75%  ██████████"
    );
    assert!(lines.contains(
        &"~ provisional: not every question of the theme was answered, so the score may still move."
    ));
}

#[test]
fn progress_since_the_baseline() {
    let sandbox = Sandbox::new();
    let first = rules_answers(&sandbox, "a.toml", &[]);
    let second = rules_answers(&sandbox, "b.toml", &[("a-scale = 4", "a-scale = 5")]);
    let third = rules_answers(
        &sandbox,
        "c.toml",
        &[
            ("a-scale = 4", "a-scale = 5"),
            ("a-reverse = 2", "a-reverse = 1"),
        ],
    );
    sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", first.to_str().unwrap()],
    );
    sandbox.assess_at(
        "2026-04-01T09:00:00Z",
        &["-q", RULES, "-a", second.to_str().unwrap()],
    );
    let report = sandbox.assess_at(
        "2026-07-01T09:00:00Z",
        &["-q", RULES, "-a", third.to_str().unwrap()],
    );
    // alpha: baseline 46.875 (the first report), now (1 + 2 + 0.25 + 0.25 + 1.5) / 8 = 62.5,
    // target 70: (62.5 - 46.875) / (70 - 46.875) = 67.6%.
    let alpha = &report["themes"][0];
    assert_eq!(
        (alpha["baseline"].clone(), alpha["score"].clone()),
        (json!(46.9), json!(62.5))
    );
    assert_eq!(alpha["progress_since_baseline"], 67.6);
    // beta's baseline (100) already met its target: no progress to measure.
    assert_eq!(report["themes"][1]["progress_since_baseline"], Value::Null);
    let shown = sandbox.run(["show", "latest"]).output().stdout;
    let progress =
        &shown[shown.find("Progress since").unwrap()..shown.find("\nAbout these").unwrap()];
    assert_eq!(
        progress,
        "Progress since the baseline\n   Alpha: every kind, weights: 47 → 63 since 2026-01-01; 16 of \
         the 23 points to the\n     target of 70 closed.\n"
    );
}

#[test]
fn evidence_in_an_answer_file_is_checked() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "e.toml",
        &std::fs::read_to_string(support::repo().join(TOO_GOOD))
            .unwrap()
            .replace("knows-spend = \"Told", "knows-spnd = \"Told"),
    );
    let line = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("knows-spnd"))
        .unwrap()
        + 1;
    sandbox
        .run(["assess", "-q", V1, "--no-save", "-a"])
        .arg(&path)
        .status(1)
        .stderr(&format!(
            "error: [SANDBOX]/e.toml:{line}:1: unknown question id `knows-spnd` in [evidence]; did you \
             mean `knows-spend`?\n"
        ))
        .run();
}

#[test]
fn pairs_set_opposite_statements_of_one_theme_against_each_other() {
    use leadgap::testing::questionnaire::{self, Kind};
    let text = std::fs::read_to_string(support::repo().join(V1)).unwrap();
    let q = questionnaire::load(&leadgap::testing::source::Source::new("q", &text)).unwrap();
    assert!(q.pairs.len() >= 4, "{} pairs", q.pairs.len());
    for [a, b] in &q.pairs {
        let reversed = |i: usize| matches!(q.questions[i].kind, Kind::Scale { reverse: true, .. });
        assert_ne!(
            reversed(*a),
            reversed(*b),
            "{} / {}",
            q.questions[*a].id,
            q.questions[*b].id
        );
        assert_eq!(
            q.questions[*a].theme, q.questions[*b].theme,
            "a pair stays within its theme"
        );
    }
}
