//! The one builder integration tests use: a temporary data directory, a fixed
//! clock, no color, the repository as working directory, and the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The fixed time of every run, unless a test sets another.
pub const NOW: &str = "2026-11-22T13:05:01Z";

/// The id a report saved at [`NOW`] gets.
pub const NOW_ID: &str = "2026-11-22T13-05-01Z";

/// A sandbox for running `leadgap`.
pub struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    /// A sandbox with an empty data directory.
    pub fn new() -> Self {
        Sandbox {
            dir: TempDir::new().expect("temporary directory"),
        }
    }

    /// The data directory (`LEADGAP_DATA_DIR`); it does not exist until a
    /// report is saved.
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// A scratch folder for files a test writes.
    pub fn scratch(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file in the scratch folder and returns its path.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// `leadgap ARGS` in this sandbox, at the fixed time.
    pub fn leadgap<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut command = Command::cargo_bin("leadgap").expect("the leadgap binary");
        command
            .current_dir(repo())
            .env_clear()
            .env("HOME", self.dir.path().join("home"))
            .env("LEADGAP_DATA_DIR", self.data_dir())
            .env("LEADGAP_NOW", NOW)
            .env("COLUMNS", "100")
            .args(args);
        command
    }

    /// The saved report files, sorted.
    pub fn reports(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.data_dir().join("reports")) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries.map(|e| e.expect("entry").path()).collect();
        paths.sort();
        paths
    }

    /// Every file anywhere in the data directory.
    pub fn all_files(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    walk(&path, found);
                } else {
                    found.push(path);
                }
            }
        }
        let mut found = Vec::new();
        walk(&self.data_dir(), &mut found);
        found
    }
}

/// The repository root: tests run there, so fixture paths are relative to it.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Standard output of a finished command, as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

/// Standard error of a finished command, as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

/// Parses standard output as JSON.
pub fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

/// The rules fixture questionnaire and its answers, with `changes` applied
/// (`("a-scale = 4", "a-scale = 5")`), written to the scratch folder.
pub fn rules_answers(sandbox: &Sandbox, name: &str, changes: &[(&str, &str)]) -> PathBuf {
    let mut text =
        std::fs::read_to_string(repo().join("tests/fixtures/rules/answers.toml")).expect("fixture");
    for (from, to) in changes {
        assert!(text.contains(from), "the fixture has `{from}`");
        text = text.replace(from, to);
    }
    sandbox.write(name, &text)
}

impl Sandbox {
    /// Runs a scripted, saved assessment at time `now` with extra `args`, and
    /// returns its JSON report.
    pub fn assess_at(&self, now: &str, args: &[&str]) -> serde_json::Value {
        let output = self
            .leadgap(["assess", "--format", "json"])
            .args(args)
            .env("LEADGAP_NOW", now)
            .output()
            .expect("run leadgap");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        json(&output)
    }

    /// A copy of the rules questionnaire (and its rubric) in the scratch
    /// folder, as version `version` with `changes` applied to its text.
    pub fn rules_version(&self, version: &str, changes: &[(&str, &str)]) -> PathBuf {
        let dir = self.scratch().join(format!("rules-{version}"));
        std::fs::create_dir_all(&dir).expect("folder");
        let mut text =
            std::fs::read_to_string(repo().join("tests/fixtures/rules/questionnaire.toml"))
                .expect("fixture");
        text = text.replace("version = \"1.0.0\"", &format!("version = \"{version}\""));
        for (from, to) in changes {
            assert!(text.contains(from), "the fixture has `{from}`");
            text = text.replace(from, to);
        }
        std::fs::write(dir.join("questionnaire.toml"), text).expect("write");
        std::fs::copy(
            repo().join("tests/fixtures/rules/rubric.toml"),
            dir.join("rubric.toml"),
        )
        .expect("copy");
        dir.join("questionnaire.toml")
    }
}
