//! Scripted runs: `leadgap assess --answers FILE`.

use crate::support;
use crate::support::RULES;

use crate::support::{NOW_ID, Sandbox, Test};
use serde_json::json;

const RULES_ANSWERS: &str = "tests/fixtures/rules/answers.toml";

/// `assess` of the rules fixture as JSON, with `extra` arguments.
fn assess_rules<'a>(sandbox: &'a Sandbox, extra: &[&str]) -> Test<'a> {
    sandbox
        .run([
            "assess",
            "-q",
            RULES,
            "-a",
            RULES_ANSWERS,
            "--format",
            "json",
        ])
        .args(extra)
}

#[test]
fn json_report_has_the_hand_worked_numbers() {
    let sandbox = Sandbox::new();
    let report = assess_rules(&sandbox, &["--no-save"])
        .stderr("")
        .stdout_any()
        .run()
        .json();

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
        json!({"question": "a-multi", "theme": "alpha", "value": ["p", "n"], "answer": "P; N", "score": 0.25, "evidence": null, "dont_know": false, "not_applicable": false})
    );
    assert_eq!(report["answers"][6]["value"], "skip");
    assert_eq!(report["answers"][6]["score"], serde_json::Value::Null);
}

#[test]
fn profile_changes_targets_and_priorities() {
    let sandbox = Sandbox::new();
    let report = assess_rules(&sandbox, &["--no-save", "--profile", "director"])
        .stdout_any()
        .run()
        .json();
    assert_eq!(report["rubric"]["profile"], "director");
    assert_eq!(report["priorities"], json!(["alpha", "delta", "epsilon"]));
    assert_eq!(report["themes"][0]["gap"], 33.1);
}

#[test]
fn the_answer_file_names_the_questionnaire_by_default() {
    let sandbox = Sandbox::new();
    let report = sandbox
        .run([
            "assess",
            "-a",
            "examples/hero.toml",
            "--format",
            "json",
            "--no-save",
        ])
        .stdout_any()
        .run()
        .json();
    assert_eq!(report["questionnaire"]["id"], "it-manager");
}

#[test]
fn answers_can_come_from_standard_input() {
    let sandbox = Sandbox::new();
    let answers = std::fs::read_to_string(support::repo().join(RULES_ANSWERS)).unwrap();
    let report = sandbox
        .run([
            "assess",
            "-q",
            RULES,
            "--answers",
            "-",
            "--format",
            "json",
            "--no-save",
        ])
        .stdin(answers)
        .stdout_any()
        .run()
        .json();
    assert_eq!(report["overall"], 63.1);
}

#[test]
fn a_saved_report_is_private_and_self_contained() {
    let sandbox = Sandbox::new();
    assess_rules(&sandbox, &[])
        .stderr(&format!(
            "Saved to [DATA]/reports/{NOW_ID}.toml\nSee it again with: leadgap show {NOW_ID}\n"
        ))
        .stdout_any()
        .run();
    let reports = sandbox.reports();
    assert_eq!(reports, [sandbox.report_path(NOW_ID)]);

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
    for id in [
        NOW_ID.to_owned(),
        format!("{NOW_ID}-2"),
        format!("{NOW_ID}-3"),
    ] {
        assess_rules(&sandbox, &[])
            .stderr(&crate::support::saved_to(&id))
            .stdout_any()
            .run();
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
    let second: toml::Table =
        toml::from_str(&std::fs::read_to_string(&sandbox.reports()[0]).unwrap()).unwrap();
    assert_eq!(
        second["id"].as_str(),
        Some(format!("{NOW_ID}-2").as_str()),
        "the id inside matches the file name"
    );
}

#[test]
fn no_save_saves_nothing() {
    let sandbox = Sandbox::new();
    assess_rules(&sandbox, &["--no-save"])
        .stderr("")
        .stdout_any()
        .run();
    assert!(!sandbox.data_dir().exists());
}

#[test]
fn a_failed_run_writes_nothing() {
    let sandbox = Sandbox::new();
    sandbox
        .run([
            "assess",
            "-q",
            RULES,
            "-a",
            "tests/fixtures/broken/answers.toml",
        ])
        .status(1)
        .stdout("")
        .stderr_checked_by_the_test()
        .run();
    assert!(sandbox.all_files().is_empty(), "{:?}", sandbox.all_files());
}

#[test]
fn fail_under_exits_3_but_still_prints_and_saves() {
    let sandbox = Sandbox::new();
    let ran = assess_rules(&sandbox, &["--fail-under", "63.2"])
        .status(3)
        .stderr(&format!(
            "Saved to [DATA]/reports/{NOW_ID}.toml\nSee it again with: leadgap show {NOW_ID}\n\
             Overall score 63.1 is below --fail-under 63.2\n"
        ))
        .output();
    assert_eq!(ran.json()["overall"], 63.1);
    assert_eq!(sandbox.reports().len(), 1);

    // Equal to the threshold passes.
    assess_rules(&sandbox, &["--fail-under", "63.1", "--no-save"])
        .stderr("")
        .stdout_any()
        .run();
}

#[test]
fn usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["assess", "--format", "yaml"])
        .status(2)
        .stderr(
            "error: invalid value 'yaml' for '--format <FORMAT>'\n  \
             [possible values: table, markdown, json, html, svg, toml]\n\n\
             For more information, try '--help'.\n",
        )
        .run();
    sandbox
        .run(["assess", "-a", RULES_ANSWERS, "--fail-under", "120"])
        .status(2)
        .stderr(
            "error: invalid value '120' for '--fail-under <SCORE>': expected a score from 0 to 100, \
             found `120`\n\nFor more information, try '--help'.\n",
        )
        .run();
    for args in [&["assess", "--allow-partial"][..], &["frobnicate"]] {
        let ran = sandbox
            .run(args)
            .status(2)
            .stderr_checked_by_the_test()
            .run();
        assert!(ran.stderr.starts_with("error: "), "{}", ran.stderr);
    }
}

#[test]
fn answer_errors_name_the_file_line_and_column() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "answers.toml",
        "questionnaire = \"rules\"\n\n[answers]\ndelegaton-scope = 1\na-scale = 9\n",
    );
    sandbox
        .run(["assess", "-q", RULES, "--allow-partial", "-a"])
        .args([&answers])
        .status(1)
        .stderr(
            "error: [SANDBOX]/answers.toml:4:1: unknown question id `delegaton-scope`\n\
             error: [SANDBOX]/answers.toml:5:11: `a-scale`: 9 is out of range; expected a whole number \
             from 1 to 5 (1 = Never, 5 = Always) or \"skip\"\n\
             2 problems found\n",
        )
        .run();
}

#[test]
fn a_mistyped_question_id_gets_a_suggestion() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "a.toml",
        "questionnaire = \"rules\"\n[answers]\na-scal = 4\n",
    );
    sandbox
        .run(["assess", "-q", RULES, "--allow-partial", "-a"])
        .args([&answers])
        .status(1)
        .stderr(
            "error: [SANDBOX]/a.toml:3:1: unknown question id `a-scal`; did you mean `a-scale`?\n",
        )
        .run();
}

#[test]
fn missing_answers_are_an_error_unless_partial_is_allowed() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "a.toml",
        "questionnaire = \"rules\"\n[answers]\na-scale = 4\nb1 = 5\n",
    );
    sandbox
        .run(["assess", "-q", RULES, "--no-save", "-a"])
        .args([&answers])
        .status(1)
        .stderr(
            "error: [SANDBOX]/a.toml:2:1: no answer for 12 questions: `a-reverse`, `a-choice`, \
             `a-multi`, `a-number`, `b2`, `b3`, `g1`, `g2`, and 4 more\n  help: answer each under \
             [answers], or write `ID = \"skip\"`; `--allow-partial` counts missing answers as skipped\n",
        )
        .run();
    let report = sandbox
        .run([
            "assess",
            "-q",
            RULES,
            "--no-save",
            "--allow-partial",
            "--format",
            "json",
            "-a",
        ])
        .args([&answers])
        .stdout_any()
        .run()
        .json();
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
        .run(["assess", "-a", RULES_ANSWERS, "--no-save"])
        .status(1)
        .stderr(&format!(
            "error: {RULES_ANSWERS}:1:17: unknown questionnaire `rules`: not built in, nor installed in \
             `[DATA]/questionnaires`\n  help: `leadgap list` shows the \
             questionnaires; a file path works too (`-q ./mine.toml`)\n"
        ))
        .run();
    sandbox
        .run([
            "assess",
            "-q",
            "it-manager",
            "-a",
            RULES_ANSWERS,
            "--no-save",
        ])
        .status(1)
        .stderr(&format!(
            "error: {RULES_ANSWERS}:1:17: this answer file is for questionnaire `rules`, but the \
             questionnaire is `it-manager`\n  help: pass `--questionnaire rules`, or start from \
             `leadgap template --questionnaire it-manager`\n"
        ))
        .run();
}

#[test]
fn a_rubric_for_another_questionnaire_is_refused() {
    let sandbox = Sandbox::new();
    sandbox
        .run([
            "assess",
            "-a",
            "examples/hero.toml",
            "-r",
            "tests/fixtures/rules/rubric.toml",
            "--no-save",
        ])
        .status(1)
        .stderr(
            "error: tests/fixtures/rules/rubric.toml:8:17: this rubric is for questionnaire `rules`, \
             not `it-manager`\n  help: use a rubric whose `questionnaire = \"it-manager\"`\n",
        )
        .run();
}

#[test]
fn an_unknown_profile_lists_the_known_ones() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["assess", "-q", RULES, "-a", RULES_ANSWERS, "-p", "directr", "--no-save"])
        .status(1)
        .stderr(
            "error: unknown profile `directr` in rubric `rules-rubric`; did you mean `director`?\n  \
             help: the profiles are: director, new-manager\n",
        )
        .run();
}

#[test]
fn unreadable_files_are_named() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["assess", "-a", "no/such/answers.toml", "--no-save"])
        .status(1)
        .stderr("error: cannot read `no/such/answers.toml`: no such file or folder\n")
        .run();
    sandbox
        .run(["assess", "-a", "tests", "--no-save"])
        .status(1)
        .stderr("error: `tests` is a folder, not a file\n  help: name a .toml file inside it\n")
        .run();
}

#[test]
fn rater_and_subject_override_the_answer_file() {
    let sandbox = Sandbox::new();
    let report = assess_rules(
        &sandbox,
        &["--no-save", "--rater", "Morgan", "--subject", "Alex"],
    )
    .stdout_any()
    .run()
    .json();
    assert_eq!(report["rater"], "Morgan");
    assert_eq!(report["respondent"], "Alex");
}

#[test]
fn the_table_and_markdown_formats_render() {
    let sandbox = Sandbox::new();
    let args = ["assess", "-q", RULES, "-a", RULES_ANSWERS, "--no-save"];
    let table = sandbox.run(args).stderr("").output();
    insta::assert_snapshot!("rules_table", table.stdout);
    let markdown = sandbox.run(args).args(["--format", "markdown"]).output();
    insta::assert_snapshot!("rules_markdown", markdown.stdout);
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let sandbox = Sandbox::new();
    let args = ["assess", "-q", RULES, "-a", RULES_ANSWERS, "--no-save"];
    let plain = sandbox.run(args).output().stdout;
    assert!(!plain.contains('\u{1b}'), "not a terminal: no color");
    let forced = sandbox.run(args).arg("--color=always").output().stdout;
    let trimmed =
        |text: &str| -> Vec<String> { text.lines().map(|l| l.trim_end().to_owned()).collect() };
    assert_eq!(
        trimmed(&strip_ansi(&forced)),
        trimmed(&plain),
        "the same report, only colored"
    );
    assert!(
        forced.contains("\u{1b}[1mOverall 63 (target 66)"),
        "the overall line is bold"
    );
    let never = sandbox
        .run(args)
        .args(["--color", "never"])
        .env("TERM", "xterm")
        .output()
        .stdout;
    assert_eq!(never, plain);
}

/// `text` without ANSI escape sequences (`ESC [ … letter`).
fn strip_ansi(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

#[test]
fn control_characters_from_files_are_not_printed() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "a.toml",
        "questionnaire = \"rules\"\nrespondent = \"Eve\\u001b]0;pwned\\u0007\\u001b[2J\"\n[answers]\n\n[notes]\nalpha = \"hi\\u001b[31m red\"\n",
    );
    let text = sandbox
        .run(["assess", "-q", RULES, "--allow-partial", "--no-save", "-a"])
        .args([&answers])
        .output()
        .stdout;
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[1..3],
        [
            "Eve]0;pwned[2J, self-assessment · 2026-11-22 13:05 UTC · rules 1.0.0 · profile",
            "new-manager"
        ]
    );
    assert!(lines.contains(&"     Eve]0;pwned[2J: hi[31m red"), "{text}");
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
    assert_eq!(stderr, "");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn the_documented_json_report_is_pinned() {
    // Every key the reference documents, as a script reads it.
    let json = Sandbox::new()
        .run([
            "assess",
            "--answers",
            "examples/balanced.toml",
            "--no-save",
            "--format",
            "json",
        ])
        .output()
        .stdout;
    insta::assert_snapshot!("balanced_json", json);
}

#[test]
fn facts_and_views_are_scored_apart_and_views_alone_cannot_meet_a_target() {
    use serde_json::Value;
    let sandbox = Sandbox::new();
    let args = [
        "assess",
        "-q",
        "tests/fixtures/basis/questionnaire.toml",
        "-a",
        "tests/fixtures/basis/answers.toml",
        "--no-save",
    ];
    let report = sandbox
        .run(args)
        .args(["--format", "json"])
        .stdout_any()
        .run()
        .json();
    let got: Vec<(&str, &Value, &Value, &Value, &Value, &Value)> = report["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap(),
                &t["score"],
                &t["facts"],
                &t["views"],
                &t["gap"],
                &t["met"],
            )
        })
        .collect();
    // one: views 1 and 1 (w 1 + 1); facts 1/3 (w 2) and 0.5 (w 1): facts
    // 100 · (2/3 + 0.5) / 3 = 38.9, views 100, score 100 · 3.167 / 5 =
    // 63.3. The score reaches 60, the facts are 21.1 below it: not met.
    // two: 50, facts 50, views 50: a gap of 10. three: no facts, 75: met.
    let json = |v: f64| Value::from(v);
    assert_eq!(
        got,
        [
            (
                "one",
                &json(63.3),
                &json(38.9),
                &json(100.0),
                &json(0.0),
                &Value::Bool(false)
            ),
            (
                "two",
                &json(50.0),
                &json(50.0),
                &json(50.0),
                &json(10.0),
                &Value::Bool(false)
            ),
            (
                "three",
                &json(75.0),
                &Value::Null,
                &json(75.0),
                &json(0.0),
                &Value::Bool(true)
            ),
        ]
    );
    // Work on the facts first, 11.1 short of the 50 the target needs, then
    // the gap of 10.
    assert_eq!(report["priorities"], serde_json::json!(["one", "two"]));
    let table = sandbox.run(args).output().stdout;
    assert!(
        table.contains(
            " One: views high, facts low     63     39    100      60  facts  high      100%"
        ),
        "{table}"
    );
    let note = "One: views high, facts low is not met: your facts are 21 points below the target \
                (60): the score rests on your views. A theme meets its target only when its facts \
                are at most 10 points below it.";
    let flat = table.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(note), "{table}");
    let markdown = sandbox
        .run(args)
        .args(["--format", "markdown"])
        .output()
        .stdout;
    assert!(markdown.contains(&format!("_{note}_")), "{markdown}");
    assert!(
        markdown.contains("| Theme | Score | Facts | Views | Target | Gap | Band | Answered |")
    );
    let html = sandbox.run(args).args(["--format", "html"]).output().stdout;
    assert!(
        html.contains(&format!("<p class=\"footnote\">{note}</p>")),
        "{html}"
    );
}
