//! The mentor's commands: diff, compare, note and cohort, and what happens
//! when two processes save at the same moment.

use crate::support;
use crate::support::RULES;

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{Sandbox, by_id, rules_answers, set_score};
use serde_json::{Value, json};

/// What a cohort says of the self-assessment without a name.
const UNNAMED: &str = "warning: skipping `[DATA]/reports/2026-01-05T09-00-00Z.toml`: it names no \
    respondent, so it cannot be told apart from others; add `respondent = \"NAME\"` to it, and \
    name people when they assess (`leadgap assess --subject NAME`, or the name asked on a first \
    run)\n";

#[test]
fn diff_shows_both_scores_the_change_and_band_moves() {
    let sandbox = Sandbox::new();
    let before = rules_answers(&sandbox, "a.toml", &[]);
    let after = rules_answers(
        &sandbox,
        "b.toml",
        &[("a-scale = 4", "a-scale = 5"), ("d1 = 3", "d1 = 5")],
    );
    sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", before.to_str().unwrap()],
    );
    sandbox.assess_at(
        "2026-04-01T09:00:00Z",
        &["-q", RULES, "-a", after.to_str().unwrap()],
    );

    let diff = sandbox
        .run(["diff", "2026-01-01T09-00-00Z", "latest", "--format", "json"])
        .stdout_any()
        .run()
        .json();
    assert_eq!(diff["first"]["id"], "2026-01-01T09-00-00Z");
    assert_eq!(diff["second"]["id"], "2026-04-01T09-00-00Z");
    assert_eq!(
        (
            diff["first_overall"].clone(),
            diff["second_overall"].clone()
        ),
        (json!(63.1), json!(70.0))
    );
    assert_eq!(diff["overall_change"], 6.9);
    assert_eq!(
        by_id(&diff["themes"], "delta"),
        &json!({"id": "delta", "title": "Delta: coverage exactly at the cut-off", "first": 50.0, "second": 100.0,
                "change": 50.0, "first_band": "developing", "second_band": "strong", "band_moved": true,
                "status": "comparable"})
    );

    // One report alone is compared with the one before it.
    let table = sandbox.run(["diff", "latest"]).stderr("").output();
    insta::assert_snapshot!("diff_table", table.stdout);
    let markdown = sandbox
        .run(["diff", "latest", "--format", "markdown"])
        .output();
    insta::assert_snapshot!("diff_markdown", markdown.stdout);

    sandbox
        .run(["diff", "2026-01-01T09-00-00Z"])
        .status(1)
        .stderr(
            "error: `2026-01-01T09-00-00Z` is the first report of its series: there is nothing \
             earlier to compare\n  help: name two reports: `leadgap diff OLDER NEWER`\n",
        )
        .run();
}

#[test]
fn diff_across_versions_compares_the_themes_they_share() {
    let sandbox = Sandbox::new();
    let answers = rules_answers(&sandbox, "a.toml", &[]);
    let v11 = sandbox.rules_version(
        "1.1.0",
        &[("text = \"B two.\"", "text = \"B two, reworded.\"")],
    );
    sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    sandbox.assess_at(
        "2026-04-01T09:00:00Z",
        &["-q", v11.to_str().unwrap(), "-a", answers.to_str().unwrap()],
    );
    let text = sandbox.run(["diff", "latest"]).output().stdout;
    insta::assert_snapshot!("diff_across_versions", text);
    let diff = sandbox
        .run(["diff", "latest", "--format", "json"])
        .stdout_any()
        .run()
        .json();
    assert_eq!(diff["overall_change"], Value::Null);
    assert_eq!(diff["themes"][1]["status"], "questions-changed");
}

/// A self-assessment and Morgan's view of Test Person, with Morgan's theme
/// scores set so that the differences sit exactly at and just under 15.
fn two_views(sandbox: &Sandbox) {
    let answers = rules_answers(sandbox, "a.toml", &[]);
    sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    sandbox.assess_at(
        "2026-01-02T09:00:00Z",
        &[
            "-q",
            RULES,
            "-a",
            answers.to_str().unwrap(),
            "--rater",
            "Morgan",
        ],
    );
    let morgan = sandbox.report_path("2026-01-02T09-00-00Z");
    set_score(&morgan, "alpha", 31.875); // self 46.875: exactly 15 above
    set_score(&morgan, "beta", 85.1); // self 100: 14.9 above
    set_score(&morgan, "delta", 65.0); // self 50: exactly 15 below
    set_score(&morgan, "epsilon", 79.9); // self 65: 14.9 below
}

#[test]
fn compare_flags_blind_spots_and_hidden_strengths_at_the_threshold() {
    let sandbox = Sandbox::new();
    two_views(&sandbox);
    let comparison = sandbox
        .run([
            "compare",
            "2026-01-01T09-00-00Z",
            "2026-01-02T09-00-00Z",
            "--format",
            "json",
        ])
        .stdout_any()
        .run()
        .json();
    assert_eq!(comparison["threshold"], 15.0);
    assert_eq!(comparison["self"]["rater"], "self");
    assert_eq!(comparison["other"]["rater"], "Morgan");
    let flags: Vec<(String, Value, Value)> = comparison["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_owned(),
                t["difference"].clone(),
                t["flag"].clone(),
            )
        })
        .collect();
    assert_eq!(
        flags,
        [
            ("alpha".to_owned(), json!(15.0), json!("blind-spot")),
            ("beta".to_owned(), json!(14.9), Value::Null),
            ("gamma".to_owned(), Value::Null, Value::Null),
            ("delta".to_owned(), json!(-15.0), json!("hidden-strength")),
            ("epsilon".to_owned(), json!(-14.9), Value::Null),
        ]
    );
    let raised = sandbox
        .run([
            "compare",
            "2026-01-01T09-00-00Z",
            "2026-01-02T09-00-00Z",
            "--threshold",
            "15.1",
            "--format",
            "json",
        ])
        .stdout_any()
        .run()
        .json();
    assert!(
        raised["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["flag"].is_null())
    );

    let table = sandbox
        .run(["compare", "2026-01-01T09-00-00Z", "2026-01-02T09-00-00Z"])
        .stderr("")
        .output();
    insta::assert_snapshot!("compare_table", table.stdout);
}

#[test]
fn compare_refuses_different_people_and_a_single_rater() {
    let sandbox = Sandbox::new();
    let answers = rules_answers(&sandbox, "a.toml", &[]);
    let path = answers.to_str().unwrap();
    sandbox.assess_at("2026-01-01T09:00:00Z", &["-q", RULES, "-a", path]);
    sandbox.assess_at(
        "2026-01-02T09:00:00Z",
        &[
            "-q",
            RULES,
            "-a",
            path,
            "--rater",
            "Morgan",
            "--subject",
            "Someone Else",
        ],
    );
    sandbox.assess_at("2026-01-03T09:00:00Z", &["-q", RULES, "-a", path]);
    sandbox
        .run(["compare", "2026-01-01T09-00-00Z", "2026-01-02T09-00-00Z"])
        .status(1)
        .stderr(
            "error: the reports are about different people (`Test Person` and `Someone Else`)\n  \
             help: pass --force to compare them anyway\n",
        )
        .run();
    sandbox
        .run([
            "compare",
            "2026-01-01T09-00-00Z",
            "2026-01-02T09-00-00Z",
            "--force",
        ])
        .stderr("")
        .stdout_any()
        .run();
    sandbox
        .run(["compare", "2026-01-01T09-00-00Z", "2026-01-03T09-00-00Z", "--force"])
        .status(1)
        .stderr(
            "error: both reports are by the same rater (`self`); compare needs two raters' views\n  \
             help: to see change over time, use `leadgap diff`\n",
        )
        .run();
}

#[test]
fn a_note_is_shown_under_its_theme_and_changes_nothing_else() {
    let sandbox = Sandbox::new();
    let answers = rules_answers(&sandbox, "a.toml", &[]);
    sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    let path = sandbox.report_path("2026-01-01T09-00-00Z");
    let before: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();

    sandbox
        .run([
            "note",
            "latest",
            "--theme",
            "delta",
            "--author",
            "Morgan",
            "Skipping d2 hides what you know.",
        ])
        .at("2026-01-05T10:00:00Z")
        .stdout(
            "Added a note by Morgan on Delta: coverage exactly at the cut-off to \
             [DATA]/reports/2026-01-01T09-00-00Z.toml\n",
        )
        .stderr("")
        .run();

    let mut after: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let reviews = after.remove("reviews").unwrap();
    assert_eq!(
        after, before,
        "answers, scores and everything else are unchanged"
    );
    assert_eq!(
        reviews.as_array().unwrap()[0],
        toml::Value::Table(toml::toml! {
            theme = "delta"
            author = "Morgan"
            created = "2026-01-05T10:00:00Z"
            text = "Skipping d2 hides what you know."
        })
    );

    let table = sandbox.run(["show", "latest"]).output().stdout;
    let notes = &table[table.find("\nNotes\n").unwrap()..];
    assert_eq!(
        notes,
        "\nNotes\n   Alpha: every kind, weights\n     Test Person: A note on alpha.\n   \
         Delta: coverage exactly at the cut-off\n     Morgan (2026-01-05): Skipping d2 hides what you \
         know.\n\nAnswered 10 of 14 questions (4 skipped)\n"
    );
    let markdown = sandbox
        .run(["show", "latest", "--format", "markdown"])
        .output()
        .stdout;
    let notes = &markdown[markdown.find("## Notes").unwrap()..];
    assert_eq!(
        notes,
        "## Notes\n\n### Alpha: every kind, weights\n\n**Test Person:**\n> A note on alpha.\n\n\
         ### Delta: coverage exactly at the cut-off\n\n**Morgan (2026-01-05):**\n> Skipping d2 hides \
         what you know.\n\n_Answered 10 of 14 questions (4 skipped)_\n"
    );
    let shown = sandbox
        .run(["show", "latest", "--format", "json"])
        .stdout_any()
        .run()
        .json();
    assert_eq!(shown["reviews"][0]["author"], "Morgan");

    sandbox
        .run([
            "note", "latest", "--theme", "detla", "--author", "Morgan", "x",
        ])
        .status(1)
        .stderr(
            "error: the report has no theme `detla`; did you mean `delta`?\n  help: its themes are: \
             alpha, beta, gamma, delta, epsilon\n",
        )
        .run();
}

#[test]
fn notes_written_at_the_same_moment_all_survive() {
    let sandbox = Sandbox::new();
    let answers = rules_answers(&sandbox, "a.toml", &[]);
    sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    let children: Vec<_> = (0..8)
        .map(|n| {
            Command::new(assert_cmd::cargo::cargo_bin("leadgap"))
                .args([
                    "note",
                    "latest",
                    "--theme",
                    "alpha",
                    "--author",
                    &format!("Reviewer {n}"),
                    &format!("Note {n}"),
                ])
                .env("LEADGAP_DATA_DIR", sandbox.data_dir())
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let report: toml::Table = toml::from_str(
        &std::fs::read_to_string(sandbox.report_path("2026-01-01T09-00-00Z")).unwrap(),
    )
    .unwrap();
    let mut texts: Vec<&str> = report["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    texts.sort_unstable();
    assert_eq!(
        texts,
        (0..8).map(|n| format!("Note {n}")).collect::<Vec<_>>()
    );
}

#[test]
fn assessments_saved_at_the_same_moment_all_keep_their_report() {
    let sandbox = Sandbox::new();
    let answers = rules_answers(&sandbox, "a.toml", &[]);
    let children: Vec<_> = (0..6)
        .map(|_| {
            Command::new(assert_cmd::cargo::cargo_bin("leadgap"))
                .args([
                    "assess",
                    "-q",
                    RULES,
                    "-a",
                    answers.to_str().unwrap(),
                    "--format",
                    "json",
                ])
                .current_dir(support::repo())
                .env("LEADGAP_DATA_DIR", sandbox.data_dir())
                .env("LEADGAP_NOW", support::NOW)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let reports = sandbox.reports();
    assert_eq!(reports.len(), 6, "{reports:?}");
    for path in reports {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let report: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            report["id"].as_str(),
            Some(id.as_str()),
            "each file holds its own report"
        );
    }
}

/// Three people's self-assessments (Ann twice), Morgan's view of Ann, and an
/// unnamed report.
fn cohort_folder(sandbox: &Sandbox) -> String {
    let base = rules_answers(sandbox, "base.toml", &[]);
    let better = rules_answers(
        sandbox,
        "better.toml",
        &[("a-scale = 4", "a-scale = 5"), ("d1 = 3", "d1 = 5")],
    );
    let fast = rules_answers(sandbox, "fast.toml", &[("a-number = 10", "a-number = 0")]);
    let unnamed = rules_answers(
        sandbox,
        "unnamed.toml",
        &[("respondent = \"Test Person\"\n", "")],
    );
    let runs: [(&str, &Path, &[&str]); 6] = [
        ("2026-01-01T09:00:00Z", &better, &["--subject", "Ann"]),
        ("2026-02-01T09:00:00Z", &base, &["--subject", "Ann"]),
        ("2026-01-02T09:00:00Z", &better, &["--subject", "Bo"]),
        ("2026-01-03T09:00:00Z", &fast, &["--subject", "Cy"]),
        (
            "2026-01-04T09:00:00Z",
            &better,
            &["--subject", "Ann", "--rater", "Morgan"],
        ),
        ("2026-01-05T09:00:00Z", &unnamed, &[]),
    ];
    for (now, answers, extra) in runs {
        let mut args = vec!["-q", RULES, "-a", answers.to_str().unwrap()];
        args.extend_from_slice(extra);
        sandbox.assess_at(now, &args);
    }
    sandbox
        .data_dir()
        .join("reports")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn cohort_summarises_each_persons_latest_self_assessment() {
    let sandbox = Sandbox::new();
    let folder = cohort_folder(&sandbox);
    let cohort = sandbox
        .run(["cohort", &folder, "--format", "json"])
        .stderr(
            "warning: skipping `[DATA]/reports/2026-01-05T09-00-00Z.toml`: it names no respondent, \
             so it cannot be told apart from others; add `respondent = \"NAME\"` to it, and name \
             people when they assess (`leadgap assess --subject NAME`, or the name asked on a first \
             run)\n",
        )
        .stdout_any().run()
        .json();
    let group = &cohort["groups"][0];
    assert_eq!(group["size"], 3);
    let names: Vec<&str> = group["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ann", "Bo", "Cy"]);
    assert_eq!(
        group["people"][0]["report"], "2026-02-01T09-00-00Z",
        "Ann's latest self-assessment"
    );
    // alpha: Ann 46.875, Bo 50, Cy 65.625; all below the target of 70.
    assert_eq!(
        group["themes"][0],
        json!({"id": "alpha", "title": "Alpha: every kind, weights", "count": 3, "median": 50.0, "min": 46.9,
               "max": 65.6, "below_target": 3, "target": 70.0, "hidden": false})
    );
    // delta: Ann 50, Bo 100, Cy 50; two below 60.
    assert_eq!(group["themes"][3]["median"], 50.0);
    assert_eq!(group["themes"][3]["below_target"], 2);
    // gamma is scored for no one.
    assert_eq!(group["themes"][2]["count"], 0);
    assert_eq!(group["themes"][2]["median"], Value::Null);

    let table = sandbox.run(["cohort", &folder]).stderr(UNNAMED).output();
    insta::assert_snapshot!("cohort_table", table.stdout);
    let csv = sandbox
        .run(["cohort", &folder, "--format", "csv"])
        .stderr(UNNAMED)
        .output()
        .stdout;
    insta::assert_snapshot!("cohort_csv", csv);
}

#[test]
fn an_anonymous_cohort_hides_names_and_small_groups() {
    let sandbox = Sandbox::new();
    let folder = cohort_folder(&sandbox);
    // A second questionnaire answered by only one person.
    sandbox.assess_at("2026-03-01T09:00:00Z", &["-a", "examples/hero.toml"]);
    let cohort = sandbox
        .run(["cohort", &folder, "--anonymous", "--format", "json"])
        .stderr(UNNAMED)
        .stdout_any()
        .run()
        .json();
    let groups = cohort["groups"].as_array().unwrap();
    assert_eq!(groups[0]["questionnaire"], "it-manager");
    assert_eq!(groups[0]["hidden"], true);
    assert_eq!(groups[0]["people"], json!([]));
    let names: Vec<&str> = groups[1]["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Person 1", "Person 2", "Person 3"]);
    // Neither the report ids nor their times (the time is the id) are shown,
    // nor the size of a hidden group.
    for person in groups[1]["people"].as_array().unwrap() {
        let keys: Vec<&str> = person
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["name", "report", "themes"]);
        assert!(person["report"].is_null());
    }
    assert!(groups[0].get("size").is_none(), "{}", groups[0]);
    let csv = sandbox
        .run(["cohort", &folder, "--anonymous", "--format", "csv"])
        .stderr(UNNAMED)
        .output()
        .stdout;
    assert_eq!(
        csv.lines().nth(1),
        Some("rules,Person 1,,,alpha,65.6,proficient,true")
    );
    assert!(!csv.contains("2026-"), "{csv}");
    let text = sandbox
        .run(["cohort", &folder, "--anonymous"])
        .stderr(UNNAMED)
        .output()
        .stdout;
    insta::assert_snapshot!("cohort_anonymous", text);
    assert!(
        !text.contains("Ann") && !text.contains("Sam Hero"),
        "{text}"
    );
}
