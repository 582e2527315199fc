//! Scripted runs: `leadgap assess --answers FILE`.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use predicates::prelude::*;
use serde_json::json;
use support::{NOW_ID, Sandbox, json, stderr, stdout};

const RULES: &str = "tests/fixtures/rules/questionnaire.toml";
const RULES_ANSWERS: &str = "tests/fixtures/rules/answers.toml";

fn assess_rules(sandbox: &Sandbox, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "assess",
        "-q",
        RULES,
        "-a",
        RULES_ANSWERS,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    sandbox.leadgap(args).output().unwrap()
}

#[test]
fn json_report_has_the_hand_worked_numbers() {
    let sandbox = Sandbox::new();
    let output = assess_rules(&sandbox, &["--no-save"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);

    assert_eq!(report["schema"], 1);
    assert_eq!(report["id"], NOW_ID);
    assert_eq!(report["created"], "2026-11-22T13:05:01Z");
    assert_eq!(report["questionnaire"]["id"], "rules");
    assert_eq!(report["questionnaire"]["version"], "1.0.0");
    assert_eq!(
        report["rubric"],
        json!({"id": "rules-rubric", "profile": "new-manager"})
    );
    assert_eq!(report["respondent"], "Test Person");
    assert_eq!(report["rater"], "self");
    // (2*46.875 + 100 + 0.5*50 + 65) / 4.5 = 63.0555…
    assert_eq!(report["overall"], 63.1);
    assert_eq!(report["priorities"], json!(["alpha", "delta"]));

    let themes: Vec<_> = report["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            json!([
                t["id"],
                t["score"],
                t["target"],
                t["gap"],
                t["band"],
                t["coverage"]
            ])
        })
        .collect();
    assert_eq!(
        themes,
        [
            json!(["alpha", 46.9, 70.0, 23.1, "developing", 1.0]),
            json!(["beta", 100.0, 60.0, 0.0, "strong", 0.75]),
            json!(["gamma", null, 60.0, null, null, 0.333]),
            json!(["delta", 50.0, 60.0, 10.0, "developing", 0.5]),
            json!(["epsilon", 65.0, 65.0, 0.0, "proficient", 1.0]),
        ]
    );
    assert_eq!(
        report["themes"][0]["advice"],
        json!(["Alpha advice one.", "Alpha advice two."])
    );
    assert_eq!(report["themes"][0]["note"], "A note on alpha.");
    assert_eq!(
        report["answers"][3],
        json!({"question": "a-multi", "theme": "alpha", "value": ["p", "n"], "answer": "P; N", "score": 0.25, "evidence": null})
    );
    assert_eq!(report["answers"][6]["value"], "skip");
    assert_eq!(report["answers"][6]["score"], serde_json::Value::Null);
}

#[test]
fn profile_changes_targets_and_priorities() {
    let sandbox = Sandbox::new();
    let report = json(&assess_rules(
        &sandbox,
        &["--no-save", "--profile", "director"],
    ));
    assert_eq!(report["rubric"]["profile"], "director");
    assert_eq!(report["priorities"], json!(["alpha", "delta", "epsilon"]));
    assert_eq!(report["themes"][0]["gap"], 33.1);
}

#[test]
fn the_answer_file_names_the_questionnaire_by_default() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .leadgap([
            "assess",
            "-a",
            "examples/hero.toml",
            "--format",
            "json",
            "--no-save",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["questionnaire"]["id"], "it-manager");
}

#[test]
fn answers_can_come_from_standard_input() {
    let sandbox = Sandbox::new();
    let answers = std::fs::read_to_string(support::repo().join(RULES_ANSWERS)).unwrap();
    let output = sandbox
        .leadgap([
            "assess",
            "-q",
            RULES,
            "--answers",
            "-",
            "--format",
            "json",
            "--no-save",
        ])
        .write_stdin(answers)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["overall"], 63.1);
}

#[test]
fn a_saved_report_is_private_and_self_contained() {
    let sandbox = Sandbox::new();
    let output = assess_rules(&sandbox, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let reports = sandbox.reports();
    assert_eq!(reports.len(), 1);
    assert_eq!(
        reports[0].file_name().unwrap(),
        format!("{NOW_ID}.toml").as_str()
    );
    assert!(stderr(&output).contains(&format!("Saved to {}", reports[0].display())));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&reports[0]), 0o600);
        assert_eq!(mode(&sandbox.data_dir()), 0o700);
        assert_eq!(mode(&sandbox.data_dir().join("reports")), 0o700);
    }

    let saved: toml::Table =
        toml::from_str(&std::fs::read_to_string(&reports[0]).unwrap()).unwrap();
    assert_eq!(saved["questionnaire"]["id"].as_str(), Some("rules"));
    assert!(
        saved["questionnaire"]["hash"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    assert_eq!(saved["rubric"]["profile"].as_str(), Some("new-manager"));
    assert_eq!(
        saved["overall"].as_float(),
        Some(283.75 / 4.5),
        "full precision is saved"
    );
    let answers = saved["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 14);
    assert_eq!(
        answers[0]["text"].as_str(),
        Some("A plain scale statement.")
    );
    assert_eq!(answers[0]["hash"].as_str().map(str::len), Some(16));
}

#[test]
fn two_runs_in_the_same_second_get_two_files() {
    let sandbox = Sandbox::new();
    for _ in 0..3 {
        assert_eq!(assess_rules(&sandbox, &[]).status.code(), Some(0));
    }
    let names: Vec<String> = sandbox
        .reports()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            format!("{NOW_ID}-2.toml"),
            format!("{NOW_ID}-3.toml"),
            format!("{NOW_ID}.toml")
        ]
    );
    let second = std::fs::read_to_string(&sandbox.reports()[0]).unwrap();
    assert!(
        second.contains(&format!("id = \"{NOW_ID}-2\"")),
        "the id inside matches the file name"
    );
}

#[test]
fn no_save_saves_nothing() {
    let sandbox = Sandbox::new();
    assert_eq!(
        assess_rules(&sandbox, &["--no-save"]).status.code(),
        Some(0)
    );
    assert!(!sandbox.data_dir().exists());
}

#[test]
fn a_failed_run_writes_nothing() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .leadgap([
            "assess",
            "-q",
            RULES,
            "-a",
            "tests/fixtures/broken/answers.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert!(sandbox.all_files().is_empty(), "{:?}", sandbox.all_files());
}

#[test]
fn fail_under_exits_3_but_still_prints_and_saves() {
    let sandbox = Sandbox::new();
    let output = assess_rules(&sandbox, &["--fail-under", "63.2"]);
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(json(&output)["overall"], 63.1);
    assert!(stderr(&output).contains("Overall score 63.1 is below --fail-under 63.2"));
    assert_eq!(sandbox.reports().len(), 1);

    let output = assess_rules(&sandbox, &["--fail-under", "63.1", "--no-save"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "equal to the threshold passes"
    );
}

#[test]
fn usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    sandbox
        .leadgap(["assess", "--format", "yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'yaml'"));
    sandbox
        .leadgap(["assess", "-a", RULES_ANSWERS, "--fail-under", "120"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expected a score from 0 to 100"));
    sandbox
        .leadgap(["assess", "--allow-partial"])
        .assert()
        .code(2);
    sandbox.leadgap(["frobnicate"]).assert().code(2);
}

#[test]
fn answer_errors_name_the_file_line_and_column() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "answers.toml",
        "questionnaire = \"rules\"\n\n[answers]\ndelegaton-scope = 1\na-scale = 9\n",
    );
    let output = sandbox
        .leadgap([
            "assess",
            "-q",
            RULES,
            "-a",
            answers.to_str().unwrap(),
            "--allow-partial",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let file = answers.display();
    assert_eq!(
        stderr(&output),
        format!(
            "error: {file}:4:1: unknown question id `delegaton-scope`\n\
             error: {file}:5:11: `a-scale`: 9 is out of range; expected a whole number from 1 to 5 \
             (1 = Never, 5 = Always) or \"skip\"\n\
             2 problems found\n"
        )
    );
}

#[test]
fn a_mistyped_question_id_gets_a_suggestion() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "a.toml",
        "questionnaire = \"rules\"\n[answers]\na-scal = 4\n",
    );
    sandbox
        .leadgap([
            "assess",
            "-q",
            RULES,
            "-a",
            answers.to_str().unwrap(),
            "--allow-partial",
        ])
        .assert()
        .code(1)
        .stderr(format!(
            "error: {}:3:1: unknown question id `a-scal`; did you mean `a-scale`?\n",
            answers.display()
        ));
}

#[test]
fn missing_answers_are_an_error_unless_partial_is_allowed() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "a.toml",
        "questionnaire = \"rules\"\n[answers]\na-scale = 4\nb1 = 5\n",
    );
    let path = answers.to_str().unwrap();
    sandbox
        .leadgap(["assess", "-q", RULES, "-a", path, "--no-save"])
        .assert()
        .code(1)
        .stderr(format!(
            "error: {}:2:1: no answer for 12 questions: `a-reverse`, `a-choice`, `a-multi`, `a-number`, \
             `b2`, `b3`, `g1`, `g2`, and 4 more\n  help: answer each under [answers], or write `ID = \"skip\"`; \
             `--allow-partial` counts missing answers as skipped\n",
            answers.display()
        ));
    let output = sandbox
        .leadgap([
            "assess",
            "-q",
            RULES,
            "-a",
            path,
            "--no-save",
            "--allow-partial",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    // alpha: only a-scale (w 1 of 8) answered: below the cut-off.
    assert_eq!(report["themes"][0]["score"], serde_json::Value::Null);
    // beta: b1 (w 1 of 4): coverage 0.25, below the cut-off too.
    assert_eq!(report["themes"][1]["coverage"], 0.25);
    assert_eq!(report["overall"], serde_json::Value::Null);
}

#[test]
fn a_questionnaire_mismatch_is_explained() {
    let sandbox = Sandbox::new();
    sandbox
        .leadgap(["assess", "-a", RULES_ANSWERS, "--no-save"])
        .assert()
        .code(1)
        .stderr(format!(
            "error: {RULES_ANSWERS}:1:17: unknown questionnaire `rules`\n  help: `leadgap list` shows the \
             questionnaires; a file path works too (`-q ./mine.toml`)\n"
        ));
    sandbox
        .leadgap(["assess", "-q", "it-manager", "-a", RULES_ANSWERS, "--no-save"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "error: {RULES_ANSWERS}:1:17: this answer file is for questionnaire `rules`, but the questionnaire is `it-manager`\n"
        )));
}

#[test]
fn a_rubric_for_another_questionnaire_is_refused() {
    let sandbox = Sandbox::new();
    sandbox
        .leadgap([
            "assess",
            "-a",
            "examples/hero.toml",
            "-r",
            "tests/fixtures/rules/rubric.toml",
            "--no-save",
        ])
        .assert()
        .code(1)
        .stderr(
            "error: tests/fixtures/rules/rubric.toml:8:17: this rubric is for questionnaire `rules`, not `it-manager`\n  \
             help: use a rubric whose `questionnaire = \"it-manager\"`\n",
        );
}

#[test]
fn an_unknown_profile_lists_the_known_ones() {
    let sandbox = Sandbox::new();
    sandbox
        .leadgap(["assess", "-q", RULES, "-a", RULES_ANSWERS, "-p", "directr", "--no-save"])
        .assert()
        .code(1)
        .stderr(
            "error: unknown profile `directr` in rubric `rules-rubric`; did you mean `director`?\n  \
             help: the profiles are: director, new-manager\n",
        );
}

#[test]
fn unreadable_files_are_named() {
    let sandbox = Sandbox::new();
    sandbox
        .leadgap(["assess", "-a", "no/such/answers.toml", "--no-save"])
        .assert()
        .code(1)
        .stderr("error: cannot read `no/such/answers.toml`: no such file or folder\n");
    sandbox
        .leadgap(["assess", "-a", "tests", "--no-save"])
        .assert()
        .code(1)
        .stderr("error: `tests` is a folder, not a file\n  help: name a .toml file inside it\n");
}

#[test]
fn rater_and_subject_override_the_answer_file() {
    let sandbox = Sandbox::new();
    let report = json(&assess_rules(
        &sandbox,
        &["--no-save", "--rater", "Morgan", "--subject", "Alex"],
    ));
    assert_eq!(report["rater"], "Morgan");
    assert_eq!(report["respondent"], "Alex");
}

#[test]
fn the_table_and_markdown_formats_render() {
    let sandbox = Sandbox::new();
    let table = sandbox
        .leadgap(["assess", "-q", RULES, "-a", RULES_ANSWERS, "--no-save"])
        .output()
        .unwrap();
    insta::assert_snapshot!("rules_table", stdout(&table));
    let markdown = sandbox
        .leadgap([
            "assess",
            "-q",
            RULES,
            "-a",
            RULES_ANSWERS,
            "--no-save",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!("rules_markdown", stdout(&markdown));
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let sandbox = Sandbox::new();
    let args = ["assess", "-q", RULES, "-a", RULES_ANSWERS, "--no-save"];
    let plain = sandbox.leadgap(args).output().unwrap();
    assert!(
        !stdout(&plain).contains('\u{1b}'),
        "not a terminal: no color"
    );
    let forced = sandbox
        .leadgap(args)
        .arg("--color=always")
        .output()
        .unwrap();
    assert!(stdout(&forced).contains("\u{1b}["));
    let never = sandbox
        .leadgap(args)
        .args(["--color", "never"])
        .env("TERM", "xterm")
        .output()
        .unwrap();
    assert!(!stdout(&never).contains('\u{1b}'));
}

#[test]
fn control_characters_from_files_are_not_printed() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "a.toml",
        "questionnaire = \"rules\"\nrespondent = \"Eve\\u001b]0;pwned\\u0007\\u001b[2J\"\n[answers]\n\n[notes]\nalpha = \"hi\\u001b[31m red\"\n",
    );
    let output = sandbox
        .leadgap([
            "assess",
            "-q",
            RULES,
            "-a",
            answers.to_str().unwrap(),
            "--allow-partial",
            "--no-save",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("Eve]0;pwned[2J, self-assessment"));
    assert!(text.contains("hi[31m red"));
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let sandbox = Sandbox::new();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("leadgap"))
        .current_dir(support::repo())
        .env("LEADGAP_DATA_DIR", sandbox.data_dir())
        .args(["template"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe while leadgap is still writing.
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(0), "{stderr}");
}
