//! The one builder integration tests use: a temporary data directory, a fixed
//! clock, no color, the repository as working directory, and the real binary.
//!
//! A test states a run and what it expects in one chain, in the manner of
//! just's `Test`:
//!
//! ```ignore
//! sandbox.run(["show", "nope"]).status(1).stderr("error: …\n").run();
//! ```
//!
//! The status is always checked (0 unless `.status(n)` says otherwise), and
//! so are both outputs, as just's and fd's tests check them: standard
//! output empty unless `.stdout(…)` says what it holds, `.output()` ends the
//! chain instead of `.run()` because the test reads it, or `.stdout_any()`
//! says it does not matter (a step before what is tested); standard error
//! empty unless `.stderr(…)` says what it holds, or
//! `.stderr_checked_by_the_test()` says the test looks at it itself. Both
//! exactly, after the sandbox's paths in them are replaced by `[DATA]` (the
//! data directory) and `[SANDBOX]` (the scratch folder around it).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The questionnaire built to exercise every scoring rule, with its numbers
/// worked by hand in its comments.
pub const RULES: &str = "tests/fixtures/rules/questionnaire.toml";

/// The fixed time of every run, unless a test sets another.
pub const NOW: &str = "2026-11-22T13:05:01Z";

/// The id a report saved at [`NOW`] gets.
pub const NOW_ID: &str = "2026-11-22T13-05-01Z";

/// The fingerprint of the collector key of [`Sandbox::with_collector_key`].
pub const COLLECTOR_FINGERPRINT: &str = "a6bd 6590 f373 4417";

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

    /// Makes the data directory a collector's, with the fixed key of
    /// `tests/fixtures/team/collector-identity.txt` (fingerprint
    /// [`COLLECTOR_FINGERPRINT`]), so that every run signs alike.
    pub fn with_collector_key(&self) -> &Self {
        use std::os::unix::fs::PermissionsExt;
        let data = self.data_dir();
        std::fs::create_dir_all(&data).expect("data directory");
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).expect("mode");
        let key = data.join("identity.txt");
        std::fs::copy(
            repo().join("tests/fixtures/team/collector-identity.txt"),
            &key,
        )
        .expect("collector key");
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).expect("mode");
        self
    }

    /// The path of the saved report with this id.
    pub fn report_path(&self, id: &str) -> PathBuf {
        self.data_dir().join("reports").join(format!("{id}.toml"))
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

/// A run of `leadgap` and what it should do.
#[must_use = "call .run() to run it"]
pub struct Test<'a> {
    sandbox: &'a Sandbox,
    command: Command,
    status: i32,
    stdout: Stdout,
    stderr: Stderr,
}

/// What a run's standard output is expected to hold.
enum Stdout {
    /// Nothing.
    Empty,
    /// Exactly this.
    Exactly(String),
    /// Whatever it holds: the test reads it, or it does not matter.
    Any,
}

/// What a run's standard error is expected to hold.
enum Stderr {
    /// Nothing.
    Empty,
    /// Exactly this.
    Exactly(String),
    /// Whatever it holds: the test checks it.
    Checked,
}

/// What a finished run printed, with the sandbox's paths replaced.
#[derive(Debug)]
pub struct Ran {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Ran {
    /// Standard output parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("JSON on stdout ({e}):\n{}", self.stdout))
    }
}

impl Test<'_> {
    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command.args(args);
        self
    }

    /// Adds one argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.command.arg(arg);
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    /// Kills the run (and fails the test) if it takes longer than `seconds`:
    /// for runs that must not hang.
    pub fn timeout(mut self, seconds: u64) -> Self {
        self.command
            .timeout(std::time::Duration::from_secs(seconds));
        self
    }

    /// Removes an environment variable (`HOME`, `LEADGAP_DATA_DIR`).
    pub fn env_remove(mut self, key: &str) -> Self {
        self.command.env_remove(key);
        self
    }

    /// Runs in `dir` instead of the repository.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.command.current_dir(dir);
        self
    }

    /// Runs at another time than [`NOW`].
    pub fn at(self, now: &str) -> Self {
        self.env("LEADGAP_NOW", now)
    }

    /// Gives the run this standard input.
    pub fn stdin(mut self, text: impl Into<Vec<u8>>) -> Self {
        self.command.write_stdin(text);
        self
    }

    /// Expects this exit status instead of 0.
    pub fn status(mut self, code: i32) -> Self {
        self.status = code;
        self
    }

    /// Expects exactly this on standard output.
    pub fn stdout(mut self, text: &str) -> Self {
        self.stdout = Stdout::Exactly(text.to_owned());
        self
    }

    /// Does not check standard output: a step before what is tested, whose
    /// output does not matter.
    pub fn stdout_any(mut self) -> Self {
        self.stdout = Stdout::Any;
        self
    }

    /// Runs and checks what was expected, like [`Test::run`], but leaves
    /// standard output to the test, which reads it.
    #[track_caller]
    pub fn output(self) -> Ran {
        self.stdout_any().run()
    }

    /// Expects exactly this on standard error.
    pub fn stderr(mut self, text: &str) -> Self {
        self.stderr = Stderr::Exactly(text.to_owned());
        self
    }

    /// Leaves standard error to the test, which checks what it holds.
    pub fn stderr_checked_by_the_test(mut self) -> Self {
        self.stderr = Stderr::Checked;
        self
    }

    /// Runs, checks what was expected, and returns what was printed.
    #[track_caller]
    pub fn run(mut self) -> Ran {
        let output = self.command.output().expect("run leadgap");
        assert!(
            output.status.code().is_some(),
            "killed (a timeout?): {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let ran = Ran {
            stdout: self
                .sandbox
                .neutral(&String::from_utf8_lossy(&output.stdout)),
            stderr: self
                .sandbox
                .neutral(&String::from_utf8_lossy(&output.stderr)),
        };
        assert_eq!(
            output.status.code(),
            Some(self.status),
            "exit status\n--- stdout:\n{}\n--- stderr:\n{}",
            ran.stdout,
            ran.stderr
        );
        match &self.stdout {
            Stdout::Empty => assert_eq!(ran.stdout, "", "standard output"),
            Stdout::Exactly(expected) => assert_eq!(&ran.stdout, expected, "standard output"),
            Stdout::Any => {}
        }
        match &self.stderr {
            Stderr::Empty => assert_eq!(ran.stderr, "", "standard error"),
            Stderr::Exactly(expected) => assert_eq!(&ran.stderr, expected, "standard error"),
            Stderr::Checked => {}
        }
        ran
    }
}

impl Sandbox {
    /// `leadgap ARGS` as a test: see [`Test`].
    pub fn run<I, S>(&self, args: I) -> Test<'_>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Test {
            sandbox: self,
            command: self.leadgap(args),
            status: 0,
            stdout: Stdout::Empty,
            stderr: Stderr::Empty,
        }
    }

    /// `text` with the sandbox's paths replaced by `[DATA]` and `[SANDBOX]`,
    /// and the binary's path (which hints repeat) by `leadgap`.
    pub fn neutral(&self, text: &str) -> String {
        let binary = assert_cmd::cargo::cargo_bin("leadgap");
        text.replace(&binary.display().to_string(), "leadgap")
            .replace(&self.data_dir().display().to_string(), "[DATA]")
            .replace(&self.scratch().display().to_string(), "[SANDBOX]")
    }
}

/// The repository root: tests run there, so fixture paths are relative to it.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Standard error of a finished command, as text.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

/// The entry with `"id": id` of a JSON array (`themes`, `answers`…).
#[track_caller]
pub fn by_id<'a>(list: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    list.as_array()
        .and_then(|items| items.iter().find(|item| item["id"] == id))
        .unwrap_or_else(|| panic!("no entry `{id}` in {list}"))
}

/// Sets a theme's score in a saved report file, and keeps the file
/// consistent as leadgap checks it: the theme's gap follows the score, its
/// answers (which would give another score) are left out, and the overall
/// score and the priorities are worked out again.
pub fn set_score(path: &Path, theme: &str, score: f64) {
    use toml::Value;
    let mut report: toml::Table =
        toml::from_str(&std::fs::read_to_string(path).expect("report")).expect("TOML");
    let themes = report
        .get_mut("themes")
        .and_then(|t| t.as_array_mut())
        .expect("themes");
    let entry = themes
        .iter_mut()
        .find(|t| t["id"].as_str() == Some(theme))
        .and_then(|t| t.as_table_mut())
        .expect("the theme");
    let target = entry["target"].as_float().expect("target");
    entry.insert("score".to_owned(), Value::Float(score));
    entry.insert("gap".to_owned(), Value::Float((target - score).max(0.0)));
    let number = |t: &Value, key: &str| t.get(key).and_then(Value::as_float);
    let (mut weights, mut sum, mut gaps) = (0.0, 0.0, Vec::new());
    for t in themes.iter() {
        if let (Some(w), Some(s)) = (number(t, "weight"), number(t, "score")) {
            weights += w;
            sum += w * s;
            if let Some(gap) = number(t, "gap").filter(|g| *g > 0.0) {
                gaps.push((w * gap, t["id"].as_str().expect("id").to_owned()));
            }
        }
    }
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
    if weights > 0.0 {
        report.insert("overall".to_owned(), Value::Float(sum / weights));
    }
    report.insert(
        "priorities".to_owned(),
        Value::Array(gaps.into_iter().map(|(_, id)| Value::String(id)).collect()),
    );
    if let Some(answers) = report.get_mut("answers").and_then(|a| a.as_array_mut()) {
        answers.retain(|a| a["theme"].as_str() != Some(theme));
    }
    std::fs::write(path, toml::to_string(&report).expect("TOML")).expect("write");
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
    /// Standard error says where it was saved (after what was added to the
    /// plan, if the answer file commits to actions).
    pub fn assess_at(&self, now: &str, args: &[&str]) -> serde_json::Value {
        let ran = self
            .run(["assess", "--format", "json"])
            .args(args)
            .at(now)
            .stderr_checked_by_the_test()
            .output();
        let report = ran.json();
        let saved = if args.contains(&"--no-save") {
            String::new()
        } else {
            let id = report["id"].as_str().expect("the report's id");
            format!("Saved to [DATA]/reports/{id}.toml\nSee it again with: leadgap show {id}\n")
        };
        assert!(
            ran.stderr.ends_with(&saved) && !ran.stderr.contains("warning"),
            "standard error: {}",
            ran.stderr
        );
        report
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

/// What `assess` says on standard error when it saves report `id`.
pub fn saved_to(id: &str) -> String {
    format!("Saved to [DATA]/reports/{id}.toml\nSee it again with: leadgap show {id}\n")
}
