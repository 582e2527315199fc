//! The documentation's examples, run as a new user would run them: every
//! `leadgap` line of the console blocks of the README, the guide, the
//! reference and CONTRIBUTING, in that order, in a copy of the repository's
//! examples, against a data directory that holds only the user's own two
//! self-assessments. Each must succeed, and afterwards the data directory
//! must hold only what the documents say it holds, and nobody else's
//! reports.
//!
//! Lines marked `# interactive` need a terminal; the PTY tests in
//! `tests/cli/interactive.rs` walk those. A line written `morgan$ leadgap …`
//! is run by someone else — a collector, a rater — in their own data
//! directory, in the same folder, as if the files had been sent.

use crate::support;

use std::path::Path;
use std::process::Command;

use crate::support::Sandbox;

/// The user's own name, as the first interactive run would remember it.
const ME: &str = "Pat Example";

/// The documents whose examples are run, in the order a reader meets them.
const DOCUMENTS: [&str; 4] = [
    "README.md",
    "docs/GUIDE.md",
    "docs/REFERENCE.md",
    "CONTRIBUTING.md",
];

/// Every `leadgap` command line of the documents' console blocks, in order,
/// with who runs it (`None`: you).
fn readme_commands() -> Vec<(Option<String>, String)> {
    let text: String = DOCUMENTS
        .iter()
        .map(|d| std::fs::read_to_string(support::repo().join(d)).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let mut commands = Vec::new();
    let mut in_console = false;
    for line in text.lines() {
        match line.trim_end() {
            "```console" => in_console = true,
            "```" => in_console = false,
            line if in_console => {
                let (who, command) = match line.split_once("$ ") {
                    Some(("", command)) => (None, command),
                    Some((who, command)) if who.chars().all(|c| c.is_ascii_lowercase()) => {
                        (Some(who.to_owned()), command)
                    }
                    _ => (None, line),
                };
                // The folders an installation line writes into are made by
                // the document's own `mkdir -p`, as on a fresh home.
                let runs = command.starts_with("leadgap ") || command.starts_with("mkdir -p ");
                if runs && !command.contains("# interactive") {
                    commands.push((who, command.to_owned()));
                }
            }
            _ => {}
        }
    }
    commands
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_documented_examples_work_and_leave_only_your_own_reports() {
    let sandbox = Sandbox::new();
    let work = sandbox.scratch().join("work");
    let home = sandbox.scratch().join("home");
    for folder in ["examples", "questionnaires"] {
        copy_dir(&support::repo().join(folder), &work.join(folder));
    }
    let binary = Path::new(env!("CARGO_BIN_EXE_leadgap"));
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let shell = |command: &str, now: &str, who: Option<&str>| {
        let data = match who {
            Some(who) => sandbox.scratch().join(format!("{who}-data")),
            None => sandbox.data_dir(),
        };
        Command::new("sh")
            .arg("-c")
            .arg(command)
            .current_dir(&work)
            .env_clear()
            .env("PATH", &path)
            .env("HOME", &home)
            .env("LEADGAP_DATA_DIR", &data)
            .env("LEADGAP_NOW", now)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };

    // Your first two quarters, as the interactive runs would have saved them.
    for (now, answers) in [
        ("2026-08-20T09:00:00Z", "examples/technician.toml"),
        ("2026-11-20T09:00:00Z", "examples/balanced.toml"),
    ] {
        let ran = shell(
            &format!("leadgap assess --answers {answers} --subject '{ME}' > /dev/null"),
            now,
            None,
        );
        assert!(ran.status.success(), "{}", support::stderr(&ran));
    }
    let mine = sandbox.reports();
    assert_eq!(mine.len(), 2);

    // What your evidence is read from: your calendar's export, your list
    // of raters and a clone of your team's repository.
    std::fs::copy(
        support::repo().join("tests/fixtures/evidence/google.ics"),
        work.join("work.ics"),
    )
    .unwrap();
    std::fs::copy(work.join("examples/raters.csv"), work.join("raters.csv")).unwrap();
    let infra = home.join("src/infra");
    std::fs::create_dir_all(&infra).unwrap();
    std::fs::write(infra.join("main.tf"), "# the team's infrastructure\n").unwrap();
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["add", "main.tf"],
        &["commit", "-q", "-m", "First"],
    ] {
        let ran = Command::new("git")
            .args(args)
            .current_dir(&infra)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Lee Park")
            .env("GIT_AUTHOR_EMAIL", "lee.park@example.org")
            .env("GIT_COMMITTER_NAME", "Lee Park")
            .env("GIT_COMMITTER_EMAIL", "lee.park@example.org")
            .env("GIT_AUTHOR_DATE", "2026-11-02T10:00:00+00:00")
            .env("GIT_COMMITTER_DATE", "2026-11-02T10:00:00+00:00")
            .output()
            .unwrap();
        assert!(ran.status.success(), "git {args:?}");
    }

    let commands = readme_commands();
    assert!(
        commands.len() >= 30,
        "the README's examples were found: {commands:#?}"
    );
    for (who, command) in &commands {
        let ran = shell(command, support::NOW, who.as_deref());
        assert!(
            ran.status.success(),
            "`{command}` failed ({}):\n{}",
            ran.status,
            support::stderr(&ran)
        );
        assert!(
            !support::stderr(&ran).contains("error"),
            "`{command}`:\n{}",
            support::stderr(&ran)
        );
    }

    // Only your own reports, and only what the README says is kept.
    assert_eq!(sandbox.reports(), mine, "no example run saved a report");
    for report in &mine {
        let text = std::fs::read_to_string(report).unwrap();
        assert!(text.contains(&format!("respondent = \"{ME}\"")), "{text}");
    }
    let mut kept: Vec<String> = std::fs::read_dir(sandbox.data_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    assert_eq!(kept, [".leadgap.lock", "plan.toml", "reports"]);
    // The plan's action is linked to your latest report.
    let plan = std::fs::read_to_string(sandbox.data_dir().join("plan.toml")).unwrap();
    assert!(plan.contains("report = \"2026-11-20T09-00-00Z\""), "{plan}");
}

#[test]
fn the_guide_quotes_what_raters_are_told_in_the_forms_own_words() {
    use leadgap::testing::team::Access;
    use leadgap::testing::team::{Arrangement, to_raters};
    let guide = std::fs::read_to_string(support::repo().join("docs/GUIDE.md")).unwrap();
    // The example collector of the guide's `leadgap key`.
    let fingerprint = support::COLLECTOR_FINGERPRINT;
    assert!(guide.contains(&format!("Fingerprint:   {fingerprint}\n")));
    for (collector, access) in [
        (Some("Morgan Lee"), Access::Personal),
        (Some("Morgan Lee"), Access::OpenLink),
        (None, Access::SelfCollect),
    ] {
        let said = to_raters(&Arrangement {
            subject: "Sam Hero",
            collector,
            fingerprint,
            access,
            min_group: 3,
            manager_alone: false,
        });
        let quoted = said
            .iter()
            .map(|p| format!("> {p}"))
            .collect::<Vec<_>>()
            .join("\n>\n");
        assert!(guide.contains(&quoted), "the guide quotes:\n{quoted}");
    }
}

#[test]
fn every_key_of_the_json_report_is_in_the_reference() {
    let reference = std::fs::read_to_string(support::repo().join("docs/REFERENCE.md")).unwrap();
    let json = &reference[reference.find("## The JSON report").unwrap()..];
    let json = &json[..json.find("## Exit codes").unwrap()];
    let report = Sandbox::new()
        .run([
            "assess",
            "-a",
            "examples/balanced.toml",
            "--format",
            "json",
            "--no-save",
        ])
        .output()
        .json();
    let mut keys: Vec<String> = report.as_object().unwrap().keys().cloned().collect();
    for part in ["themes", "answers"] {
        keys.extend(report[part][0].as_object().unwrap().keys().cloned());
    }
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !json.contains(&format!("`{k}`")))
        .collect();
    assert!(missing.is_empty(), "not in the reference: {missing:?}");
}
