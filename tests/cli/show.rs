//! `leadgap show`: saved reports printed again, by id, `latest` or path.

use crate::support::{NOW_ID, Sandbox, saved_to};

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
    for (format, id) in [
        ("table", NOW_ID.to_owned()),
        ("markdown", format!("{NOW_ID}-2")),
        ("json", format!("{NOW_ID}-3")),
    ] {
        let assessed = sandbox
            .run(ASSESS)
            .args(["--format", format])
            .stderr(&saved_to(&id))
            .output();
        sandbox
            .run(["show", "latest", "--format", format])
            .stdout(&assessed.stdout)
            .stderr("")
            .run();
    }
}

#[test]
fn show_defaults_to_the_latest_report() {
    let sandbox = Sandbox::new();
    sandbox
        .run(ASSESS)
        .stderr(&saved_to(NOW_ID))
        .stdout_any()
        .run();
    sandbox
        .run(ASSESS)
        .args(["--subject", "Second"])
        .stderr(&saved_to(&format!("{NOW_ID}-2")))
        .stdout_any()
        .run();
    // Two people's self-assessments and no name of yours: `latest` cannot
    // tell which is yours, and says how to choose.
    sandbox
        .run(["show"])
        .status(1)
        .stderr(
            "error: `latest` is your own newest self-assessment, and `[DATA]/reports` holds \
             self-assessments of several people and no name of yours (the one a first `leadgap \
             assess` asks for) to tell which are yours\n  help: name a report by its id or path \
             instead; `leadgap history` lists them\n",
        )
        .run();
    let second = sandbox
        .run(["show", &format!("{NOW_ID}-2")])
        .output()
        .stdout;
    assert_eq!(
        second.lines().nth(1),
        Some("Second, self-assessment · 2026-11-22 13:05 UTC · rules 1.0.0 · profile new-manager")
    );
    let first = sandbox.run(["show", NOW_ID]).output().stdout;
    assert_eq!(
        first.lines().nth(1),
        Some(
            "Test Person, self-assessment · 2026-11-22 13:05 UTC · rules 1.0.0 · profile new-manager"
        )
    );
}

#[test]
fn a_report_file_from_someone_else_opens_by_path() {
    let sandbox = Sandbox::new();
    let made = sandbox
        .run(ASSESS)
        .args(["--format", "markdown"])
        .stderr(&saved_to(NOW_ID))
        .output();
    let sent = sandbox.write(
        "from-alex.toml",
        &std::fs::read_to_string(&sandbox.reports()[0]).unwrap(),
    );
    let mentor = Sandbox::new();
    mentor
        .run(["show", "--format", "markdown"])
        .arg(&sent)
        .stdout(&made.stdout)
        .stderr("")
        .run();
}

#[test]
fn ids_never_leave_the_data_directory() {
    let sandbox = Sandbox::new();
    sandbox.write("secret", "not a report");
    sandbox
        .run(["show", "secret"])
        .current_dir(sandbox.scratch())
        .status(1)
        .stderr(
            "error: no saved report with id `secret` in `[DATA]/reports`\n  help: `leadgap history` \
             lists the saved reports; to open a file, give its path (./secret)\n",
        )
        .run();
}

#[test]
fn no_reports_yet_is_explained() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["show"])
        .status(1)
        .stderr(
            "error: there are no saved reports in `[DATA]/reports`\n  help: run `leadgap assess` \
             first, or name a report file\n",
        )
        .run();
}

#[test]
fn a_damaged_report_is_located() {
    let sandbox = Sandbox::new();
    sandbox
        .run(ASSESS)
        .stderr(&saved_to(NOW_ID))
        .stdout_any()
        .run();
    let path = sandbox.reports()[0].clone();
    let text = std::fs::read_to_string(&path).unwrap();
    let damaged = sandbox.write(
        "damaged.toml",
        &text.replacen("overall = ", "overall = \"high\" #", 1),
    );
    let line = text
        .lines()
        .position(|l| l.starts_with("overall = "))
        .unwrap()
        + 1;
    sandbox
        .run(["show"])
        .arg(&damaged)
        .status(1)
        .stderr(&format!(
            "error: [SANDBOX]/damaged.toml:{line}:11: invalid type: string \"high\", expected f64\n"
        ))
        .run();

    let foreign = sandbox.write("foreign.toml", "[package]\nname = \"x\"\n");
    sandbox
        .run(["show"])
        .arg(&foreign)
        .status(1)
        .stderr(
            "error: [SANDBOX]/foreign.toml: this is not a leadgap report (it has no `schema = 1`)\n",
        )
        .run();
}
