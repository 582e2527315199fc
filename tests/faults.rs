//! Faults of the environment: a data directory that cannot be created, a
//! full or read-only disk (simulated with LEADGAP_SIMULATE_FAULT), odd files
//! among reports, no HOME. Each gives a clear message and exit code 1, and
//! loses nothing already saved.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use support::{Sandbox, rules_answers, stderr, stdout};

const RULES: &str = "tests/fixtures/rules/questionnaire.toml";

/// Every data file in the data directory (lock files are not data), with a
/// digest and the length of its content, to compare before and after.
fn snapshot(sandbox: &Sandbox) -> Vec<(String, u64, usize)> {
    use std::hash::{Hash, Hasher};
    let mut files: Vec<_> = sandbox
        .all_files()
        .into_iter()
        .filter(|p| !p.ends_with(".leadgap.lock"))
        .map(|p| {
            let content = std::fs::read(&p).unwrap();
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            content.hash(&mut hasher);
            (p.display().to_string(), hasher.finish(), content.len())
        })
        .collect();
    files.sort();
    files
}

fn saved_once(sandbox: &Sandbox) -> std::path::PathBuf {
    let answers = rules_answers(sandbox, "a.toml", &[]);
    sandbox.assess_at(
        "2026-01-01T09:00:00Z",
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    answers
}

#[test]
fn a_data_directory_that_cannot_be_created() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("a-file", "not a folder");
    let data = file.join("data");
    for args in [
        vec!["assess", "-a", "examples/hero.toml"],
        vec!["history"],
        vec!["plan", "add", "--theme", "delegation", "x"],
    ] {
        let output = sandbox
            .leadgap(args.clone())
            .env("LEADGAP_DATA_DIR", &data)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains(&format!("{}", data.display())),
            "{args:?}: {message}"
        );
        assert!(
            message.contains("a part of the path is not a folder"),
            "{args:?}: {message}"
        );
        assert!(
            message.contains("help: check the path: one of its parts is a file"),
            "{message}"
        );
        assert!(!message.contains("panicked"));
    }
    // A scripted run that saves nothing does not need the data directory.
    let output = sandbox
        .leadgap([
            "assess",
            "-a",
            "examples/hero.toml",
            "--no-save",
            "--format",
            "json",
        ])
        .env("LEADGAP_DATA_DIR", &data)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_full_disk_loses_nothing_already_saved() {
    let sandbox = Sandbox::new();
    let answers = saved_once(&sandbox);
    sandbox
        .leadgap(["plan", "add", "--theme", "alpha", "A first action"])
        .assert()
        .success();
    let before = snapshot(&sandbox);

    let runs = [
        vec!["assess", "-q", RULES, "-a", answers.to_str().unwrap()],
        vec![
            "note", "latest", "--theme", "alpha", "--author", "Morgan", "A note",
        ],
        vec!["plan", "add", "--theme", "alpha", "Another action"],
        vec!["plan", "done", "1"],
    ];
    for args in runs {
        let output = sandbox
            .leadgap(args.clone())
            .env("LEADGAP_SIMULATE_FAULT", "full-disk")
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&output)
        );
        let message = stderr(&output);
        assert!(message.contains("the disk is full"), "{args:?}: {message}");
        assert!(message.contains(
            "help: free some space and run it again; what was saved before is unchanged"
        ));
        assert_eq!(
            snapshot(&sandbox),
            before,
            "{args:?}: nothing changed, nothing half-written"
        );
    }
}

#[test]
fn a_read_only_data_directory_is_explained() {
    let sandbox = Sandbox::new();
    saved_once(&sandbox);
    let before = snapshot(&sandbox);
    let output = sandbox
        .leadgap(["assess", "-a", "examples/hero.toml"])
        .env("LEADGAP_SIMULATE_FAULT", "read-only")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("the file system is read-only"),
        "{message}"
    );
    assert!(
        message.contains(
            "help: point `--data-dir` (or LEADGAP_DATA_DIR) at a folder you can write to"
        ),
        "{message}"
    );
    assert_eq!(snapshot(&sandbox), before);
    // Reading still works.
    sandbox
        .leadgap(["history"])
        .env("LEADGAP_SIMULATE_FAULT", "read-only")
        .assert()
        .success();
}

#[test]
fn odd_files_among_reports_are_warnings() {
    let sandbox = Sandbox::new();
    saved_once(&sandbox);
    let reports = sandbox.data_dir().join("reports");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(reports.join("loop.toml"), reports.join("loop.toml")).unwrap();
        // A file listed, then gone before it is read, as when another
        // process removes it: here a link to nothing.
        std::os::unix::fs::symlink(
            reports.join("gone-for-good.toml"),
            reports.join("vanished.toml"),
        )
        .unwrap();
    }
    std::fs::create_dir(reports.join("a-folder")).unwrap();
    let output = sandbox.leadgap(["history"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("1 report"));
    let warnings = stderr(&output);
    #[cfg(unix)]
    {
        assert!(warnings.contains("loop.toml`: cannot read"), "{warnings}");
        assert!(
            warnings.contains("vanished.toml`: cannot read"),
            "{warnings}"
        );
        assert!(warnings.contains("no such file or folder"), "{warnings}");
    }
    assert!(
        !warnings.contains("a-folder"),
        "a folder without .toml is not a report candidate"
    );
    // `latest` still finds the report.
    sandbox.leadgap(["show", "latest"]).assert().success();
}

#[test]
fn without_home_a_scripted_run_still_works() {
    let sandbox = Sandbox::new();
    let output = sandbox
        .leadgap([
            "assess",
            "-a",
            "examples/hero.toml",
            "--no-save",
            "--format",
            "json",
        ])
        .env_remove("HOME")
        .env_remove("LEADGAP_DATA_DIR")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    sandbox
        .leadgap(["list"])
        .env_remove("HOME")
        .env_remove("LEADGAP_DATA_DIR")
        .assert()
        .success();
    sandbox
        .leadgap(["template"])
        .env_remove("HOME")
        .env_remove("LEADGAP_DATA_DIR")
        .assert()
        .success();
    // Whatever the system says the home folder is, a saving run either
    // works or says how to choose a data directory.
    let output = sandbox
        .leadgap(["history"])
        .env_remove("HOME")
        .env_remove("LEADGAP_DATA_DIR")
        .output()
        .unwrap();
    match output.status.code() {
        Some(0) => {}
        Some(1) => {
            assert!(stderr(&output).contains("pass `--data-dir DIR` or set LEADGAP_DATA_DIR"))
        }
        other => panic!("unexpected exit {other:?}: {}", stderr(&output)),
    }
}
