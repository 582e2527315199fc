//! `leadgap show`: saved reports printed again, by id, `latest` or path.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use predicates::prelude::*;
use support::{NOW_ID, Sandbox, stderr, stdout};

const ASSESS: [&str; 5] = [
    "assess",
    "-q",
    "tests/fixtures/rules/questionnaire.toml",
    "-a",
    "tests/fixtures/rules/answers.toml",
];

#[test]
fn show_reprints_exactly_what_assess_printed() {
    let sandbox = Sandbox::new();
    for format in ["table", "markdown", "json"] {
        let assessed = sandbox
            .leadgap(ASSESS)
            .args(["--format", format])
            .output()
            .unwrap();
        assert_eq!(assessed.status.code(), Some(0), "{}", stderr(&assessed));
        let shown = sandbox
            .leadgap(["show", "latest", "--format", format])
            .output()
            .unwrap();
        assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
        assert_eq!(stdout(&shown), stdout(&assessed), "{format}");
    }
}

#[test]
fn show_defaults_to_the_latest_report() {
    let sandbox = Sandbox::new();
    sandbox.leadgap(ASSESS).assert().success();
    sandbox
        .leadgap(ASSESS)
        .args(["--subject", "Second"])
        .assert()
        .success();
    sandbox
        .leadgap(["show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Second, self-assessment"));
    sandbox
        .leadgap(["show", NOW_ID])
        .assert()
        .success()
        .stdout(predicate::str::contains("Test Person, self-assessment"));
}

#[test]
fn a_report_file_from_someone_else_opens_by_path() {
    let sandbox = Sandbox::new();
    sandbox.leadgap(ASSESS).assert().success();
    let sent = sandbox.write(
        "from-alex.toml",
        &std::fs::read_to_string(&sandbox.reports()[0]).unwrap(),
    );
    let mentor = Sandbox::new();
    mentor
        .leadgap(["show", sent.to_str().unwrap(), "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "# Gap report: Every scoring rule\n",
        ));
}

#[test]
fn ids_never_leave_the_data_directory() {
    let sandbox = Sandbox::new();
    sandbox.write("secret", "not a report");
    let reports = sandbox.data_dir().join("reports");
    sandbox.leadgap(["show", "secret"]).current_dir(sandbox.scratch()).assert().code(1).stderr(format!(
        "error: no saved report with id `secret` in `{}`\n  help: `leadgap history` lists the saved reports; \
         to open a file, give its path (./secret)\n",
        reports.display()
    ));
}

#[test]
fn no_reports_yet_is_explained() {
    let sandbox = Sandbox::new();
    sandbox.leadgap(["show"]).assert().code(1).stderr(format!(
        "error: there are no saved reports in `{}`\n  help: run `leadgap assess` first, or name a report file\n",
        sandbox.data_dir().join("reports").display()
    ));
}

#[test]
fn a_damaged_report_is_located() {
    let sandbox = Sandbox::new();
    sandbox.leadgap(ASSESS).assert().success();
    let path = sandbox.reports()[0].clone();
    let text = std::fs::read_to_string(&path).unwrap();
    let damaged = sandbox.write(
        "damaged.toml",
        &text.replacen("overall = ", "overall = \"high\" #", 1),
    );
    let output = sandbox
        .leadgap(["show", damaged.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let line = text
        .lines()
        .position(|l| l.starts_with("overall = "))
        .unwrap()
        + 1;
    assert_eq!(
        stderr(&output),
        format!(
            "error: {}:{line}:11: invalid type: string \"high\", expected f64\n",
            damaged.display()
        )
    );

    let foreign = sandbox.write("foreign.toml", "[package]\nname = \"x\"\n");
    sandbox
        .leadgap(["show", foreign.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("this is not a leadgap report"));
}
