//! Reports over time: the history a report carries, `history` in every
//! format, and what is not comparable across questionnaire versions.

use crate::support;
use crate::support::RULES;

use crate::support::{Sandbox, by_id, rules_answers};
use serde_json::{Value, json};

/// Three reports of Test Person: R1 (the fixture), R2 (a-scale 5, d1 5) and
/// R3 (R2's answers on version 1.1.0, whose alpha questions changed).
fn three_reports(sandbox: &Sandbox) -> [Value; 3] {
    let r1_answers = rules_answers(sandbox, "r1.toml", &[]);
    let r2_answers = rules_answers(
        sandbox,
        "r2.toml",
        &[("a-scale = 4", "a-scale = 5"), ("d1 = 3", "d1 = 5")],
    );
    let v11 = sandbox.rules_version(
        "1.1.0",
        &[("text = \"A choice.\"", "text = \"A reworded choice.\"")],
    );
    let r1 = sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", r1_answers.to_str().unwrap()],
    );
    let r2 = sandbox.assess_at(
        "2026-04-01T09:00:00Z",
        &["-q", RULES, "-a", r2_answers.to_str().unwrap()],
    );
    let r3 = sandbox.assess_at(
        "2026-07-01T09:00:00Z",
        &[
            "-q",
            v11.to_str().unwrap(),
            "-a",
            r2_answers.to_str().unwrap(),
        ],
    );
    [r1, r2, r3]
}

fn theme<'a>(report: &'a Value, id: &str) -> &'a Value {
    by_id(&report["themes"], id)
}

#[test]
fn the_first_report_is_the_baseline() {
    let sandbox = Sandbox::new();
    let [r1, ..] = three_reports(&sandbox);
    assert_eq!(r1["previous"], Value::Null);
    assert_eq!(r1["earlier_reports"], 0);
    assert_eq!(theme(&r1, "alpha")["change"], Value::Null);
    assert_eq!(theme(&r1, "alpha")["change_kind"], "baseline");
    let text = sandbox
        .run(["show", "2026-01-01T09-00-00Z"])
        .output()
        .stdout;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[4..6],
        [
            "This is the baseline: there is no earlier report of this questionnaire by the same",
            "rater. Take it again in a few months to see what moves."
        ]
    );
}

#[test]
fn a_later_report_carries_the_change_since_the_previous_one() {
    let sandbox = Sandbox::new();
    let [_, r2, _] = three_reports(&sandbox);
    assert_eq!(
        r2["previous"],
        json!({"id": "2026-01-01T09-00-00Z", "created": "2026-01-01T09:00:00Z", "overall": 63.1, "overall_change": 6.9})
    );
    assert_eq!(r2["earlier_reports"], 1);
    // alpha 46.875 -> 50; delta 50 -> 100; gamma has no score in either.
    assert_eq!(theme(&r2, "alpha")["change"], 3.1);
    assert_eq!(theme(&r2, "alpha")["trend"], json!([46.9, 50.0]));
    assert_eq!(theme(&r2, "delta")["change"], 50.0);
    assert_eq!(theme(&r2, "beta")["change"], 0.0);
    assert_eq!(theme(&r2, "gamma")["change"], Value::Null);
    assert_eq!(theme(&r2, "gamma")["change_kind"], "not-scored");

    let text = sandbox
        .run(["show", "2026-04-01T09-00-00Z"])
        .output()
        .stdout;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[4],
        "1 earlier report; the last on 2026-01-01: overall 63 then, +7 since."
    );
    assert_eq!(
        lines[7].trim_end(),
        " Alpha: every kind, weights            50      +3      70   20  developing              100%  ▄▅"
    );
}

#[test]
fn themes_whose_questions_changed_are_not_compared() {
    let sandbox = Sandbox::new();
    let [_, _, r3] = three_reports(&sandbox);
    assert_eq!(r3["questionnaire"]["version"], "1.1.0");
    assert_eq!(theme(&r3, "alpha")["change"], Value::Null);
    assert_eq!(theme(&r3, "alpha")["change_kind"], "questions-changed");
    assert_eq!(
        theme(&r3, "alpha")["trend"],
        json!([50.0]),
        "the trend restarts"
    );
    assert_eq!(
        theme(&r3, "beta")["change"],
        0.0,
        "unchanged themes still compare"
    );
    assert_eq!(theme(&r3, "beta")["trend"], json!([100.0, 100.0, 100.0]));
    assert_eq!(r3["previous"]["overall_change"], Value::Null);

    let table = sandbox.run(["show", "latest"]).output().stdout;
    insta::assert_snapshot!("show_questions_changed", table);
}

#[test]
fn history_lists_every_report_in_each_format() {
    let sandbox = Sandbox::new();
    three_reports(&sandbox);
    let table = sandbox.run(["history"]).stderr("").output();
    insta::assert_snapshot!("history_table", table.stdout);

    let detail = sandbox.run(["history", "--theme", "delta"]).output();
    insta::assert_snapshot!("history_theme", detail.stdout);

    let listed = sandbox
        .run(["history", "--format", "json"])
        .stdout_any()
        .run()
        .json();
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "2026-01-01T09-00-00Z",
            "2026-04-01T09-00-00Z",
            "2026-07-01T09-00-00Z"
        ]
    );
    assert_eq!(listed[1]["previous"]["id"], "2026-01-01T09-00-00Z");

    let one_theme = sandbox
        .run(["history", "--format", "json", "--theme", "beta"])
        .stdout_any()
        .run()
        .json();
    let ids: Vec<Vec<&Value>> = one_theme
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["themes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| &t["id"])
                .collect()
        })
        .collect();
    assert_eq!(ids, vec![vec!["beta"]; 3]);

    let csv = sandbox.run(["history", "--format", "csv"]).output().stdout;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.len(),
        1 + 3 * 5,
        "a header and one row per report and theme"
    );
    assert_eq!(
        lines[0],
        "report,created,questionnaire,version,respondent,rater,profile,overall,theme,score,change,target,gap,band,coverage"
    );
    assert_eq!(
        lines[6],
        "2026-04-01T09-00-00Z,2026-04-01T09:00:00Z,rules,1.0.0,Test Person,self,new-manager,70.0,alpha,50.0,3.1,70.0,20.0,developing,1.000"
    );
}

#[test]
fn reports_of_other_questionnaires_and_raters_are_separate_series() {
    let sandbox = Sandbox::new();
    three_reports(&sandbox);
    let answers = rules_answers(&sandbox, "m.toml", &[]);
    sandbox.assess_at(
        "2026-05-01T09:00:00Z",
        &[
            "-q",
            RULES,
            "-a",
            answers.to_str().unwrap(),
            "--rater",
            "Morgan",
        ],
    );
    sandbox.assess_at("2026-05-02T09:00:00Z", &["-a", "examples/hero.toml"]);
    let text = sandbox.run(["history"]).output().stdout;
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert_eq!(
        headings,
        [
            "Every scoring rule · Test Person, self-assessment · 3 reports",
            "Every scoring rule · Test Person, rated by Morgan · 1 report",
            "New IT manager self-check · Sam Hero, self-assessment · 1 report",
        ]
    );
    // Morgan's later report does not count as the previous self-view.
    let latest_self = sandbox.assess_at(
        "2026-08-01T09:00:00Z",
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    assert_eq!(latest_self["previous"]["id"], "2026-07-01T09-00-00Z");
    let by_morgan = sandbox.assess_at(
        "2026-09-01T09:00:00Z",
        &[
            "-q",
            RULES,
            "-a",
            answers.to_str().unwrap(),
            "--rater",
            "Morgan",
        ],
    );
    assert_eq!(by_morgan["previous"]["id"], "2026-05-01T09-00-00Z");
}

#[test]
fn history_reads_any_folder_and_warns_about_files_that_are_not_reports() {
    let sandbox = Sandbox::new();
    three_reports(&sandbox);
    let folder = sandbox.data_dir().join("reports");
    let good = std::fs::read_to_string(folder.join("2026-01-01T09-00-00Z.toml")).unwrap();
    std::fs::write(
        folder.join("2026-02-01T09-00-00Z.toml"),
        &good[..good.len() / 2],
    )
    .unwrap();
    std::fs::write(folder.join("foreign.toml"), "[package]\nname = \"x\"\n").unwrap();
    std::fs::write(
        folder.join("future.toml"),
        good.replacen("schema = 1", "schema = 2", 1),
    )
    .unwrap();
    std::fs::create_dir(folder.join("folder.toml")).unwrap();
    std::fs::write(folder.join("README"), "not toml at all").unwrap();

    let ran = sandbox.run(["history", "--from"]).arg(&folder).stderr("warning: skipping `[DATA]/reports/2026-02-01T09-00-00Z.toml`: line 106, column 12: invalid basic string, expected `\"`\nwarning: skipping `[DATA]/reports/folder.toml`: it is a folder, not a report file\nwarning: skipping `[DATA]/reports/foreign.toml`: this is not a leadgap report (it has no `schema = 1`)\nwarning: skipping `[DATA]/reports/future.toml`: line 1, column 10: report schema 2 is newer than this leadgap reads (schema 1)\n").output();
    assert_eq!(
        ran.stdout,
        sandbox.run(["history"]).stderr(&ran.stderr).output().stdout,
        "the readable reports are all listed"
    );
    insta::assert_snapshot!("history_warnings", ran.stderr);
}

#[test]
fn an_empty_history_says_how_to_start() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["history"])
        .stdout("No saved reports in `[DATA]/reports` yet; `leadgap assess` makes the first.\n")
        .stderr("")
        .run();
    sandbox
        .run(["history", "--format", "json"])
        .stdout("[]\n")
        .run();
    sandbox
        .run(["history", "--from", "no/such/folder"])
        .status(1)
        .stderr("error: `no/such/folder` is not a folder of reports\n")
        .run();
}

#[test]
fn an_unknown_theme_is_suggested() {
    let sandbox = Sandbox::new();
    three_reports(&sandbox);
    sandbox
        .run(["history", "--theme", "alpah"])
        .status(1)
        .stderr(
            "error: no report has a theme `alpah`; did you mean `alpha`?\n  help: the themes are: alpha, beta, gamma, delta, epsilon\n",
        )
        .run();
}

#[test]
fn history_into_a_closed_pipe_is_not_a_panic() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::{Command, Stdio};
    let sandbox = Sandbox::new();
    let answers = rules_answers(&sandbox, "a.toml", &[]);
    for day in 1..=28 {
        sandbox.assess_at(
            &format!("2026-02-{day:02}T09:00:00Z"),
            &["-q", RULES, "-a", answers.to_str().unwrap()],
        );
    }
    // `leadgap history --format json | head -1`: far more than a pipe buffer.
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("leadgap"))
        .args(["history", "--format", "json"])
        .env("LEADGAP_DATA_DIR", sandbox.data_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, "[\n");
    let mut errors = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut errors)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(errors, "");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn reports_of_version_1_stay_readable_and_version_2_is_not_compared_with_them() {
    let sandbox = Sandbox::new();
    let reports = sandbox.data_dir().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    for name in ["sam-2026-06.toml", "sam-2026-09.toml"] {
        std::fs::copy(
            support::repo()
                .join("tests/fixtures/it-manager-1")
                .join(name),
            reports.join(name),
        )
        .unwrap();
    }
    let report = sandbox.assess_at("2026-12-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    assert_eq!(report["questionnaire"]["version"], "2.2.0");
    assert_eq!(report["earlier_reports"], 2);
    assert_eq!(report["previous"]["overall_change"], Value::Null);
    let kinds: Vec<(&str, &str)> = report["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap(),
                t["change_kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("delegation", "questions-changed"),
            ("budget", "questions-changed"),
            ("stakeholders", "questions-changed"),
            ("durability", "questions-changed"),
            ("vendors", "questions-changed"),
            ("compliance", "questions-changed"),
            ("people", "questions-changed"),
            ("value", "new-theme"),
            ("growth", "new-theme"),
        ]
    );
    // The old reports still show, as they were.
    let old = sandbox
        .run(["show", "--format", "json"])
        .arg(reports.join("sam-2026-09.toml"))
        .stdout_any()
        .run()
        .json();
    assert_eq!(old["questionnaire"]["version"], "1.0.0");
    assert_eq!(old["overall"], 22.3);
}
