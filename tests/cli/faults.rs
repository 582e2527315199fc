//! Faults of the environment: a data directory that cannot be created, a
//! full or read-only disk (simulated with LEADGAP_SIMULATE_FAULT), odd files
//! among reports, no HOME. Each gives a clear message and exit code 1, and
//! loses nothing already saved.

use crate::support::RULES;

use crate::support::{Sandbox, rules_answers};

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
    let help = "  help: check the path: one of its parts is a file\n";
    for (args, what) in [
        (
            vec!["assess", "-a", "examples/hero.toml"],
            "create folder `[SANDBOX]/a-file/data`",
        ),
        (
            vec!["history"],
            "read the folder `[SANDBOX]/a-file/data/reports`",
        ),
        (
            vec!["plan", "add", "--theme", "delegation", "x"],
            "create folder `[SANDBOX]/a-file/data`",
        ),
    ] {
        sandbox
            .run(args)
            .env("LEADGAP_DATA_DIR", &data)
            .status(1)
            .stderr(&format!(
                "error: cannot {what}: a part of the path is not a folder\n{help}"
            ))
            .run();
    }
    // A scripted run that saves nothing does not need the data directory.
    sandbox
        .run([
            "assess",
            "-a",
            "examples/hero.toml",
            "--no-save",
            "--format",
            "json",
        ])
        .env("LEADGAP_DATA_DIR", &data)
        .stderr(
            "warning: no history: cannot read the folder `[SANDBOX]/a-file/data/reports`: a part of \
             the path is not a folder\n",
        )
        .stdout_any().run();
}

#[test]
fn a_full_disk_loses_nothing_already_saved() {
    let sandbox = Sandbox::new();
    let answers = saved_once(&sandbox);
    sandbox
        .run(["plan", "add", "--theme", "alpha", "A first action"])
        .stdout_any()
        .run();
    let before = snapshot(&sandbox);

    let runs = [
        (
            vec!["assess", "-q", RULES, "-a", answers.to_str().unwrap()],
            "save a report in `[DATA]/reports`",
        ),
        (
            vec![
                "note", "latest", "--theme", "alpha", "--author", "Morgan", "A note",
            ],
            "save the note in `[DATA]/reports/2026-01-01T09-00-00Z.toml`",
        ),
        (
            vec!["plan", "add", "--theme", "alpha", "Another action"],
            "save the plan in `[DATA]`",
        ),
        (vec!["plan", "done", "1"], "save the plan in `[DATA]`"),
    ];
    for (args, what) in runs {
        sandbox
            .run(args.clone())
            .env("LEADGAP_SIMULATE_FAULT", "full-disk")
            .status(1)
            .stderr(&format!(
                "error: cannot {what}: the disk is full\n  help: free some space and run it again; \
                 what was saved before is unchanged\n"
            ))
            .run();
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
    sandbox
        .run(["assess", "-a", "examples/hero.toml"])
        .env("LEADGAP_SIMULATE_FAULT", "read-only")
        .status(1)
        .stderr(
            "error: cannot save a report in `[DATA]/reports`: the file system is read-only\n  \
             help: point `--data-dir` (or LEADGAP_DATA_DIR) at a folder you can write to, or use \
             --no-save\n",
        )
        .run();
    assert_eq!(snapshot(&sandbox), before);
    // Reading still works.
    sandbox
        .run(["history"])
        .env("LEADGAP_SIMULATE_FAULT", "read-only")
        .stderr("")
        .stdout_any()
        .run();
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
    let ran = sandbox
        .run(["history"])
        .stderr_checked_by_the_test()
        .output();
    assert!(
        ran.stdout
            .starts_with("Every scoring rule · Test Person, self-assessment · 1 report\n")
    );
    // A folder without .toml is not a report candidate.
    #[cfg(unix)]
    assert_eq!(
        ran.stderr,
        "warning: skipping `[DATA]/reports/loop.toml`: too many levels of symbolic links\n\
         warning: skipping `[DATA]/reports/vanished.toml`: no such file or folder\n"
    );
    // `latest` still finds the report, with the same warnings.
    let shown = sandbox
        .run(["show", "latest"])
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    #[cfg(unix)]
    assert_eq!(shown.stderr, ran.stderr);
}

#[test]
fn without_home_a_scripted_run_still_works() {
    let sandbox = Sandbox::new();
    let homeless = |args: &[&str]| {
        sandbox
            .run(args)
            .env_remove("HOME")
            .env_remove("LEADGAP_DATA_DIR")
    };
    homeless(&[
        "assess",
        "-a",
        "examples/hero.toml",
        "--no-save",
        "--format",
        "json",
    ])
    .stderr("")
    .stdout_any()
    .run();
    homeless(&["list"]).stderr("").stdout_any().run();
    homeless(&["template"]).stderr("").stdout_any().run();
    // Whatever the system says the home folder is, a listing either works
    // or says how to choose a data directory.
    let output = sandbox
        .leadgap(["history"])
        .env_remove("HOME")
        .env_remove("LEADGAP_DATA_DIR")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    match output.status.code() {
        Some(0) => assert_eq!(stderr, ""),
        Some(1) => assert!(
            stderr.ends_with("  help: pass `--data-dir DIR` or set LEADGAP_DATA_DIR\n"),
            "{stderr}"
        ),
        other => panic!("unexpected exit {other:?}: {stderr}"),
    }
}
