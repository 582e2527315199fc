//! Hostile and careless input, one test per defect that adversarial testing
//! found (numbered as in the issue), each testing the class of input and not
//! only the example: non-ASCII text, full disks and closed pipes, special
//! files where files are expected, escape sequences, huge numbers and huge
//! texts, Markdown, concurrent runs, hand-edited reports, links out of the
//! data directory, junk named like reports, stale temporary files, and a
//! plan file that counts too far.

use crate::support;
use crate::support::RULES;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::{NOW_ID, Sandbox, repo, rules_answers};

/// A saved report of the rules fixture, at [`support::NOW`].
fn saved(sandbox: &Sandbox) -> PathBuf {
    let answers = rules_answers(sandbox, "a.toml", &[]);
    let ran = sandbox
        .run(["assess", "-q", RULES, "-a"])
        .arg(&answers)
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    assert!(ran.stderr.starts_with("Saved to "), "{}", ran.stderr);
    sandbox.report_path(NOW_ID)
}

/// The binary, run directly (for standard streams a test sets itself).
fn binary(sandbox: &Sandbox) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("leadgap"));
    command
        .current_dir(repo())
        .env_clear()
        .env("LEADGAP_DATA_DIR", sandbox.data_dir())
        .env("LEADGAP_NOW", support::NOW);
    command
}

/// Makes a named pipe at `path`.
#[cfg(unix)]
fn fifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

const NOT_A_DATE: &str = "is not a date: write it as 2027-01-15, or from today as +10d \
                          (days), +6w (weeks) or +2m (months)";

#[test]
fn a_due_date_ending_in_any_character_is_a_mistake_not_a_crash() {
    let sandbox = Sandbox::new();
    saved(&sandbox);
    for due in ["+1é", "+2週", "+é", "++1d", "+1😀", "+"] {
        sandbox
            .run(["plan", "add", "--theme", "alpha", "--due", due, "x"])
            .status(1)
            .stderr(&format!("error: --due: `{due}` {NOT_A_DATE}\n"))
            .run();
    }
    sandbox
        .run(["plan", "add", "--theme", "alpha", "A real action"])
        .stdout_any()
        .run();
    sandbox
        .run(["plan", "edit", "1", "--due", "+2週"])
        .status(1)
        .stderr(&format!("error: --due: `+2週` {NOT_A_DATE}\n"))
        .run();
    let base = std::fs::read_to_string(repo().join("tests/fixtures/rules/answers.toml")).unwrap();
    let lines = base.lines().count();
    let file = sandbox.write(
        "p.toml",
        &format!("{base}\n[[plan]]\ntheme = \"alpha\"\ntext = \"x\"\ndue = \"+2週\"\n"),
    );
    sandbox
        .run(["check", "-q", RULES])
        .arg(&file)
        .status(1)
        .stderr(&format!(
            "error: [SANDBOX]/p.toml:{}:7: `+2週` {NOT_A_DATE}\n",
            lines + 5
        ))
        .run();
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_disk_or_a_closed_pipe_is_never_a_panic() {
    let sandbox = Sandbox::new();
    let full = "error: cannot write to `standard output`: the disk is full\n  help: free some \
                space and run it again; what was saved before is unchanged\n";
    let to_full = |args: &[&str]| {
        binary(&sandbox)
            .args(args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap()
    };
    let mut runs: Vec<Vec<&str>> = ["bash", "zsh", "fish", "elvish", "powershell"]
        .iter()
        .map(|shell| vec!["completions", shell])
        .collect();
    runs.extend([
        vec!["--help"],
        vec!["--version"],
        vec!["man"],
        vec!["template"],
        vec!["list"],
        vec!["assess", "-a", "examples/hero.toml", "--no-save"],
    ]);
    for args in &runs {
        let output = to_full(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), full, "{args:?}");
    }
    // A reader that stops reading: `leadgap completions zsh | true`.
    for args in [
        vec!["completions", "zsh"],
        vec!["--help"],
        vec!["man"],
        vec!["template"],
    ] {
        let mut child = binary(&sandbox)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn output_into_a_device_a_pipe_or_a_link_is_written_through() {
    use std::io::Read;
    let sandbox = Sandbox::new();
    saved(&sandbox);
    let shown = sandbox
        .run(["show", "latest", "--format", "json"])
        .output()
        .stdout;

    // A device stays a device.
    sandbox
        .run(["show", "latest", "-o", "/dev/null"])
        .stderr("Wrote /dev/null\n")
        .run();
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // Standard output, through its device path.
    sandbox
        .run(["show", "latest", "--format", "json", "-o", "/dev/stdout"])
        .stdout(&shown)
        .stderr("Wrote /dev/stdout\n")
        .run();
    // A named pipe with a reader at the other end.
    let pipe = sandbox.scratch().join("pipe.json");
    fifo(&pipe);
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(pipe)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    sandbox
        .run(["show", "latest", "--format", "json", "-o"])
        .arg(&pipe)
        .timeout(20)
        .stderr("Wrote [SANDBOX]/pipe.json\n")
        .run();
    assert_eq!(reader.join().unwrap(), shown);
    assert!(
        std::fs::symlink_metadata(&pipe)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // A link: the file it points to is replaced, the link stays.
    let target = sandbox.write("target.json", "old");
    let link = sandbox.scratch().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    sandbox
        .run(["show", "latest", "--format", "json", "-o"])
        .arg(&link)
        .stderr("Wrote [SANDBOX]/link.json\n")
        .run();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), shown);
}

/// A data directory whose every folder holds, named like the files leadgap
/// reads, a named pipe, a socket, a folder and a link to nowhere.
#[cfg(unix)]
fn hostile(sandbox: &Sandbox) -> std::os::unix::net::UnixListener {
    saved(sandbox);
    let data = sandbox.data_dir();
    for folder in ["reports", "questionnaires", "cache", "runs"] {
        std::fs::create_dir_all(data.join(folder)).unwrap();
    }
    fifo(&data.join("reports/2099-01-01T00-00-00Z.toml"));
    fifo(&data.join("questionnaires/pipe.toml"));
    fifo(&data.join("runs/rules.toml"));
    fifo(&data.join("plan.toml"));
    let cache = data.join("cache");
    for n in 0..3 {
        fifo(&cache.join(format!("reports-{n}.jsonl")));
    }
    std::fs::create_dir(data.join("reports/2098-01-01T00-00-00Z.toml")).unwrap();
    std::os::unix::fs::symlink(
        data.join("nowhere"),
        data.join("reports/2097-01-01T00-00-00Z.toml"),
    )
    .unwrap();
    std::os::unix::net::UnixListener::bind(data.join("reports/2096-01-01T00-00-00Z.toml")).unwrap()
}

#[cfg(unix)]
#[test]
fn special_files_named_like_reports_never_hang_a_command() {
    let sandbox = Sandbox::new();
    let _socket = hostile(&sandbox);
    let answers = rules_answers(&sandbox, "b.toml", &[]);
    let folder = sandbox.data_dir().join("reports");
    let report = sandbox.report_path(NOW_ID);
    let answers = answers.to_str().unwrap();
    let folder = folder.to_str().unwrap();
    let report = report.to_str().unwrap();
    // The listing says what each special file is, and lists the reports.
    let ran = sandbox
        .run(["history", "--from", folder])
        .timeout(20)
        .stderr_checked_by_the_test()
        .output();
    assert!(
        ran.stdout
            .contains("Every scoring rule · Test Person, self-assessment · 1 report"),
        "{}",
        ran.stdout
    );
    assert_eq!(
        ran.stderr,
        "warning: skipping `[DATA]/reports/2096-01-01T00-00-00Z.toml`: it is a socket, not a report file\n\
         warning: skipping `[DATA]/reports/2097-01-01T00-00-00Z.toml`: no such file or folder\n\
         warning: skipping `[DATA]/reports/2098-01-01T00-00-00Z.toml`: it is a folder, not a report file\n\
         warning: skipping `[DATA]/reports/2099-01-01T00-00-00Z.toml`: it is a named pipe, not a report file\n\
         warning: `[DATA]/plan.toml` is a named pipe, not a file\n"
    );
    // A damaged plan (here, a pipe) is never overwritten by a listing …
    sandbox
        .run(["plan"])
        .timeout(20)
        .status(1)
        .stderr(
            "error: `[DATA]/plan.toml` is a named pipe, not a file\n  help: leadgap only reads regular \
             files; move it away or name another file\n",
        )
        .run();
    // … and `list` names the pipe among the questionnaires.
    sandbox
        .run(["list"])
        .timeout(20)
        .stderr(
            "warning: skipping `[DATA]/questionnaires/pipe.toml`: `[DATA]/questionnaires/pipe.toml` \
             is a named pipe, not a file\n",
        )
        .stdout_any().run();
    // Beside a report opened by path, the same.
    let copy = sandbox.scratch().join("sent");
    std::fs::create_dir(&copy).unwrap();
    std::fs::copy(report, copy.join("r.toml")).unwrap();
    fifo(&copy.join("other.toml"));
    sandbox
        .run(["show"])
        .arg(copy.join("r.toml"))
        .timeout(20)
        .stderr(
            "warning: skipping `[SANDBOX]/sent/other.toml`: it is a named pipe, not a report file\n\
             warning: `[DATA]/plan.toml` is a named pipe, not a file\n",
        )
        .stdout_any()
        .run();

    // Then every command, each finishing (a damaged plan is set aside by
    // adding an action, as it should be).
    let every: Vec<Vec<&str>> = vec![
        vec!["assess", "-q", RULES, "-a", answers],
        vec!["assess", "-q", RULES, "-a", answers, "--no-save"],
        vec!["history"],
        vec!["history", "--from", folder, "--format", "json"],
        vec!["show"],
        vec!["show", "latest", "--format", "html"],
        vec!["show", report],
        vec!["diff", "latest"],
        vec!["diff", report, "latest"],
        vec!["compare", "latest", report, "--force"],
        vec![
            "note", "latest", "--theme", "alpha", "--author", "M", "A note",
        ],
        vec!["cohort", folder],
        vec!["plan"],
        vec!["plan", "add", "--theme", "alpha", "An action"],
        vec!["list"],
        vec!["template"],
        vec!["check", report],
        vec!["check", &folder[..0]],
    ];
    for args in every
        .into_iter()
        .filter(|a| a.iter().all(|s| !s.is_empty()))
    {
        let output = sandbox
            .leadgap(&args)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.code().is_some(), "{args:?} hung");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        if args[0] != "compare" && args[0] != "plan" {
            assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        }
    }
}

#[test]
fn escape_sequences_from_files_never_reach_the_terminal() {
    let sandbox = Sandbox::new();
    // Escape sequences written as TOML escapes, so that they reach the
    // strings leadgap reads.
    let esc = "\\u001b]0;owned\\u0007\\u001b[2J";
    // An unknown key, an unknown option and a theme of the notes, all with
    // escape sequences, in an answer file.
    let answers = sandbox.write(
        "a.toml",
        &format!(
            "questionnaire = \"rules\"\n\"k{esc}\" = 1\n[answers]\na-choice = \"x{esc}\"\n[notes]\n\"t{esc}\" = \"n\"\n"
        ),
    );
    let ran = sandbox
        .run(["assess", "-q", RULES, "--allow-partial", "-a"])
        .arg(&answers)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        !ran.stderr.contains('\u{1b}') && !ran.stderr.contains('\u{7}'),
        "{:?}",
        ran.stderr
    );
    assert_eq!(
        ran.stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .count(),
        3,
        "{}",
        ran.stderr
    );
    // A file name with escape sequences, in a warning.
    saved(&sandbox);
    let folder = sandbox.data_dir().join("reports");
    std::fs::write(
        folder.join("x\u{1b}]0;owned\u{7}\u{1b}[2J.toml"),
        "not = \"a report\"",
    )
    .unwrap();
    let ran = sandbox
        .run(["history"])
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    assert_eq!(
        ran.stderr,
        "warning: skipping `[DATA]/reports/x]0;owned[2J.toml`: this is not a leadgap report (it has \
         no `schema = 1`)\n"
    );
    // A questionnaire's unknown kind and scale, and the help listing its themes.
    let q = sandbox.rules_version("9", &[("kind = \"scale\"", &format!("kind = \"s{esc}\""))]);
    let ran = sandbox
        .run(["check"])
        .arg(&q)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(!ran.stderr.contains('\u{1b}'), "{:?}", ran.stderr);
    assert!(
        ran.stderr.contains("unknown kind `s]0;owned[2J`"),
        "{}",
        ran.stderr
    );
}

#[test]
fn numbers_that_could_make_a_score_infinite_are_refused() {
    let sandbox = Sandbox::new();
    let q = sandbox.rules_version(
        "6",
        &[
            ("weight = 2\n", "weight = 1e308\n"),
            ("score = 1 }", "score = 1e308 }"),
        ],
    );
    let ran = sandbox
        .run(["check"])
        .arg(&q)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr
            .contains("weight must be a number above 0 and at most 1000, found 1e308"),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr
            .contains("option score must be from 0 to 1000, found 1e308"),
        "{}",
        ran.stderr
    );
    // A rubric theme weight.
    let rubric = sandbox.write(
        "r.toml",
        &std::fs::read_to_string(repo().join("tests/fixtures/rules/rubric.toml"))
            .unwrap()
            .replacen("weight = 2\n", "weight = 1e308\n", 1),
    );
    let ran = sandbox
        .run(["check", "-q", RULES])
        .arg(&rubric)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr
            .contains("theme weight must be from 0 to 1000, found 1e308"),
        "{}",
        ran.stderr
    );
    // Nothing scores: `--fail-under` never sees a non-finite score.
    sandbox
        .run([
            "assess",
            "-a",
            "tests/fixtures/rules/answers.toml",
            "--fail-under",
            "50",
            "-q",
        ])
        .arg(&q)
        .status(1)
        .stdout("")
        .stderr(
            "error: [SANDBOX]/rules-6/questionnaire.toml:49:10: weight must be a number above 0 \
             and at most 1000, found 1e308\nerror: [SANDBOX]/rules-6/questionnaire.toml:59:36: \
             option score must be from 0 to 1000, found 1e308\nerror: \
             [SANDBOX]/rules-6/questionnaire.toml:70:36: option score must be from -1000 to 1000, \
             found 1e308\nerror: [SANDBOX]/rules-6/questionnaire.toml:71:36: option score must be \
             from -1000 to 1000, found 1e308\nerror: [SANDBOX]/rules-6/questionnaire.toml:110:10: \
             weight must be a number above 0 and at most 1000, found 1e308\n5 problems found\n",
        )
        .run();
}

#[test]
fn huge_texts_are_linear_and_shown_cut() {
    let sandbox = Sandbox::new();
    let long = "x".repeat(400_000);
    let answers = rules_answers(&sandbox, "a.toml", &[("Test Person", &long)]);
    sandbox
        .run(["assess", "-q", RULES, "-a"])
        .arg(&answers)
        .stderr(&crate::support::saved_to(NOW_ID))
        .stdout_any()
        .run();
    let started = std::time::Instant::now();
    let ran = sandbox
        .run(["cohort"])
        .arg(sandbox.data_dir().join("reports"))
        .timeout(30)
        .output();
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    // The name is cut at 1,000 characters with an ellipsis (the table may
    // wrap it over several lines).
    let shown: String = ran.stdout.lines().filter(|l| l.contains("xxx")).collect();
    assert_eq!(shown.chars().filter(|c| *c == 'x').count(), 1_000);
    assert!(shown.contains("x…"), "{shown}");

    // An action of 200,000 characters in the plan.
    sandbox
        .run(["plan", "add", "--theme", "alpha", "short"])
        .stdout_any()
        .run();
    let plan = sandbox.data_dir().join("plan.toml");
    let text = std::fs::read_to_string(&plan).unwrap().replace(
        "text = \"short\"",
        &format!("text = \"{}\"", "word ".repeat(40_000)),
    );
    std::fs::write(&plan, text).unwrap();
    let started = std::time::Instant::now();
    sandbox.run(["plan"]).timeout(30).stdout_any().run();
    sandbox
        .run(["plan", "--format", "markdown"])
        .timeout(30)
        .stdout_any()
        .run();
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[test]
fn markdown_from_files_is_inert() {
    let sandbox = Sandbox::new();
    let hostile = "<script>x</script> [click](javascript:alert(1)) ![i](http://e/i.png) <!-- c";
    let answers = rules_answers(
        &sandbox,
        "a.toml",
        &[
            ("Test Person", hostile),
            ("A note on alpha.", "# heading\\n- item\\n<b>bold</b>"),
        ],
    );
    let first = sandbox
        .run(["assess", "-q", RULES, "--format", "json", "-a"])
        .arg(&answers)
        .at("2026-01-01T09:00:00Z")
        .stderr(&crate::support::saved_to("2026-01-01T09-00-00Z"))
        .stdout_any()
        .run()
        .json();
    sandbox
        .run(["assess", "-q", RULES, "--rater", "Morgan", "-a"])
        .arg(&answers)
        .at("2026-01-02T09:00:00Z")
        .stderr(&support::saved_to("2026-01-02T09-00-00Z"))
        .stdout_any()
        .run();
    let escaped = "\\<script\\>x\\</script\\> \\[click\\](javascript:alert(1)) \\!\\[i\\](http:\u{2060}//e/i.png) \\<\\!-- c";
    let show = sandbox
        .run([
            "show",
            first["id"].as_str().unwrap(),
            "--format",
            "markdown",
        ])
        .output()
        .stdout;
    assert!(
        show.contains(&format!("- **Who:** {escaped}, self-assessment")),
        "{show}"
    );
    assert!(
        show.contains("> \\# heading\n> \\- item\n> \\<b\\>bold\\</b\\>\n"),
        "{show}"
    );
    for text in [
        show,
        sandbox
            .run([
                "diff",
                "latest",
                "2026-01-01T09-00-00Z",
                "--format",
                "markdown",
            ])
            .output()
            .stdout,
        sandbox
            .run([
                "compare",
                "2026-01-01T09-00-00Z",
                "2026-01-02T09-00-00Z",
                "--format",
                "markdown",
            ])
            .output()
            .stdout,
    ] {
        for raw in ["<script>", "[click](", "![i](", "<!--", "<b>"] {
            assert!(!text.contains(raw), "{raw} in {text}");
        }
    }
}

#[test]
fn note_keeps_what_it_does_not_know_and_locks_only_inside_the_data_directory() {
    let sandbox = Sandbox::new();
    let path = saved(&sandbox);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = format!("# Kept by hand.\nfuture_key = \"from a newer leadgap\"\n{text}");
    std::fs::write(&path, &edited).unwrap();
    sandbox
        .run([
            "note",
            "latest",
            "--theme",
            "alpha",
            "--author",
            "Morgan",
            "Well done.",
        ])
        .stdout_any()
        .run();
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.starts_with(&edited),
        "everything before is kept as it was"
    );
    assert!(after.ends_with(
        "\n[[reviews]]\ntheme = \"alpha\"\nauthor = \"Morgan\"\ncreated = \"2026-11-22T13:05:01Z\"\ntext = \"Well done.\"\n"
    ), "{after}");

    // A report elsewhere: a mistaken note leaves nothing beside it, and a
    // written one takes the data directory's lock.
    let elsewhere = sandbox.scratch().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let copy = elsewhere.join("r.toml");
    std::fs::copy(&path, &copy).unwrap();
    sandbox
        .run(["note"])
        .arg(&copy)
        .args(["--theme", "nope", "--author", "M", "x"])
        .status(1)
        .stderr("error: the report has no theme `nope`\n  help: its themes are: alpha, beta, gamma, delta, epsilon\n")
        .run();
    sandbox
        .run(["note"])
        .arg(&copy)
        .args(["--theme", "alpha", "--author", "M", "x"])
        .stdout_any()
        .run();
    let names: Vec<String> = std::fs::read_dir(&elsewhere)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["r.toml"]);
}

#[test]
fn saved_reports_are_checked_as_strictly_as_answer_files() {
    let sandbox = Sandbox::new();
    let path = saved(&sandbox);
    let text = std::fs::read_to_string(&path).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.starts_with(needle)).unwrap() + 1;
    let cases: Vec<(&str, String, String)> = vec![
        (
            "a NaN score",
            text.replacen("score = 46.875", "score = nan", 1),
            format!(
                "{}:9: theme `alpha`: score NaN is not from 0 to 100",
                line_of("score = 46.875")
            ),
        ),
        (
            "a huge score",
            text.replacen("score = 46.875", "score = 1e308", 1),
            format!(
                "{}:9: theme `alpha`: score 1e308 is not from 0 to 100",
                line_of("score = 46.875")
            ),
        ),
        (
            "negative coverage",
            text.replacen("coverage = 1.0", "coverage = -5.0", 1),
            format!(
                "{}:12: theme `alpha`: coverage -5 is not from 0 to 1",
                line_of("coverage = 1.0")
            ),
        ),
        (
            "a score edited by hand",
            text.replacen("score = 46.875", "score = 96.875", 1),
            format!(
                "{}:7: theme `alpha`: the gap must be the target less the score (0), found 23.125",
                line_of("gap = 23.125")
            ),
        ),
        (
            "a date that is not one",
            text.replacen(
                "created = \"2026-11-22T13:05:01Z\"",
                "created = \"not a date\"",
                1,
            ),
            format!(
                "{}:11: `not a date` is not an RFC 3339 time (such as 2026-11-22T13:05:01Z)",
                line_of("created = ")
            ),
        ),
        (
            "a TOML date-time",
            text.replacen(
                "created = \"2026-11-22T13:05:01Z\"",
                "created = 2026-11-22T13:05:01Z",
                1,
            ),
            format!(
                "{}:11: `created` must be a quoted time such as \"2026-11-22T13:05:01Z\"",
                line_of("created = ")
            ),
        ),
        (
            "a priority that is no theme",
            text.replacen("priorities = [\"alpha\"", "priorities = [\"omega\"", 1),
            format!(
                "{}:15: a priority names no theme of the report",
                line_of("priorities = ")
            ),
        ),
    ];
    for (what, edited, expected) in cases {
        let file = sandbox.write("edited.toml", &edited);
        let ran = sandbox
            .run(["check"])
            .arg(&file)
            .status(1)
            .stderr_checked_by_the_test()
            .run();
        let first = ran.stderr.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            format!("error: [SANDBOX]/edited.toml:{expected}"),
            "{what}: {}",
            ran.stderr
        );
    }
    // A duplicate theme id, and one with a control character.
    let duplicate = text.replacen("id = \"beta\"", "id = \"alpha\"", 1);
    let file = sandbox.write("edited.toml", &duplicate);
    let ran = sandbox
        .run(["check"])
        .arg(&file)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr.contains("theme `alpha` is listed twice"),
        "{}",
        ran.stderr
    );
    let control = text.replacen("id = \"beta\"", "id = \"be\\u0007ta\"", 1);
    let file = sandbox.write("edited.toml", &control);
    let ran = sandbox
        .run(["check"])
        .arg(&file)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr
            .contains("a theme id may only use a-z, 0-9 and `-`"),
        "{}",
        ran.stderr
    );
    // A report with a hand-edited score is never shown as fact.
    std::fs::write(&path, text.replacen("score = 46.875", "score = 96.875", 1)).unwrap();
    sandbox
        .run(["show", "latest"])
        .status(1)
        .stdout("")
        .stderr(
            "warning: skipping `[DATA]/reports/2026-11-22T13-05-01Z.toml`: line 30, column 7: \
             theme `alpha`: the gap must be the target less the score (0), found 23.125\n\
             error: there are no saved reports in `[DATA]/reports`\n  help: run `leadgap assess` \
             first, or name a report file\n",
        )
        .run();
}

#[cfg(unix)]
#[test]
fn ids_and_saves_never_leave_the_data_directory() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let path = saved(&sandbox);
    // An id that is a link to a file elsewhere.
    let outside = sandbox.write("outside.toml", &std::fs::read_to_string(&path).unwrap());
    std::os::unix::fs::symlink(&outside, sandbox.report_path("2030-01-01T00-00-00Z")).unwrap();
    sandbox
        .run(["show", "2030-01-01T00-00-00Z"])
        .status(1)
        .stderr(
            "error: the report `2030-01-01T00-00-00Z` in `[DATA]/reports` is a link to elsewhere; an \
             id only ever opens a file inside the data directory\n  help: `leadgap history` lists the \
             saved reports; to open a file, give its path (./2030-01-01T00-00-00Z.toml)\n",
        )
        .run();
    // A `reports` folder that is a link: nothing is saved through it.
    let other = Sandbox::new();
    let elsewhere = other.scratch().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::create_dir_all(other.data_dir()).unwrap();
    std::os::unix::fs::symlink(&elsewhere, other.data_dir().join("reports")).unwrap();
    other
        .run(["assess", "-a", "examples/hero.toml"])
        .status(1)
        .stderr(
            "error: `[DATA]/reports` is a link to elsewhere; leadgap keeps what it saves inside the \
             data directory\n  help: replace the link with a folder, or point `--data-dir` at the \
             place it links to\n",
        )
        .run();
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    // Folders readable by others are made private on the next save.
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for folder in [sandbox.data_dir(), sandbox.data_dir().join("reports")] {
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    sandbox
        .run(["assess", "-a", "examples/hero.toml"])
        .stderr(&crate::support::saved_to("2026-11-22T13-05-01Z-2"))
        .stdout_any()
        .run();
    assert_eq!(mode(&sandbox.data_dir()), 0o700);
    assert_eq!(mode(&sandbox.data_dir().join("reports")), 0o700);
    // An answer file names a questionnaire by id, never by path.
    let answers = sandbox.write("p.toml", "questionnaire = \"/etc/passwd\"\n[answers]\n");
    sandbox
        .run(["assess", "--no-save", "-a"])
        .arg(&answers)
        .status(1)
        .stderr(
            "error: [SANDBOX]/p.toml:1:17: `questionnaire` names a questionnaire by its id (such as \
             `it-manager`), not by a path\n  help: to answer a questionnaire file, pass it with \
             `--questionnaire PATH`\n",
        )
        .run();
}

#[test]
fn latest_is_the_newest_readable_report() {
    let sandbox = Sandbox::new();
    saved(&sandbox);
    let folder = sandbox.data_dir().join("reports");
    std::fs::create_dir(folder.join("2099-01-01T00-00-00Z.toml")).unwrap();
    std::fs::write(folder.join("2098-01-01T00-00-00Z.toml"), "junk").unwrap();
    let ran = sandbox
        .run(["show", "latest"])
        .stderr(
            "warning: skipping `[DATA]/reports/2098-01-01T00-00-00Z.toml`: line 1, column 5: key \
             with no value, expected `=`\nwarning: skipping `[DATA]/reports/2099-01-01T00-00-00Z.toml`: \
             it is a folder, not a report file\n",
        )
        .output();
    assert!(ran.stdout.starts_with("Gap report: Every scoring rule\n"));
    sandbox.run(["diff", "latest"]).status(1).stderr("warning: skipping `[DATA]/reports/2098-01-01T00-00-00Z.toml`: line 1, column 5: key with no value, expected `=`\nwarning: skipping `[DATA]/reports/2099-01-01T00-00-00Z.toml`: it is a folder, not a report file\nerror: `latest` is the first report of its series: there is nothing earlier to compare\n  help: name two reports: `leadgap diff OLDER NEWER`\n").run();
    sandbox
        .run(["note", "latest", "--theme", "alpha", "--author", "M", "x"])
        .stderr("warning: skipping `[DATA]/reports/2098-01-01T00-00-00Z.toml`: line 1, column 5: key with no value, expected `=`\nwarning: skipping `[DATA]/reports/2099-01-01T00-00-00Z.toml`: it is a folder, not a report file\n")
        .stdout_any().run();
}

#[test]
fn temporary_files_of_a_killed_save_are_swept_and_never_listed() {
    let sandbox = Sandbox::new();
    saved(&sandbox);
    let folder = sandbox.data_dir().join("reports");
    let stale = folder.join(".tmp-killed");
    let text = std::fs::read_to_string(sandbox.report_path(NOW_ID)).unwrap();
    std::fs::write(&stale, &text).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3_600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let listed = sandbox
        .run(["history", "--format", "json"])
        .stderr("")
        .stdout_any()
        .run()
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 1, "never listed");
    saved(&sandbox);
    assert!(!stale.exists(), "swept by the next save");
}

#[test]
fn plan_numbers_never_wrap_around_or_repeat() {
    let sandbox = Sandbox::new();
    saved(&sandbox);
    sandbox
        .run(["plan", "add", "--theme", "alpha", "First"])
        .stdout_any()
        .run();
    let plan = sandbox.data_dir().join("plan.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        text.replace("next_number = 2", "next_number = 4294967294"),
    )
    .unwrap();
    sandbox
        .run(["plan", "add", "--theme", "alpha", "Second"])
        .stdout("Added #4294967294 (Alpha: every kind, weights): Second — due 2026-12-22\n")
        .run();
    sandbox
        .run(["plan", "add", "--theme", "alpha", "Third"])
        .status(1)
        .stderr(
            "error: the plan has used every action number; it cannot take another action\n  help: \
             move plan.toml away to start a new plan\n",
        )
        .run();
    // A number used twice, and a next number below one in use.
    std::fs::write(&plan, text.replace("next_number = 2", "next_number = 1")).unwrap();
    sandbox
        .run(["plan"])
        .status(1)
        .stderr(
            "error: [DATA]/plan.toml:2:15: the plan file is damaged: `next_number` is 1, but action \
             number 1 is already used\n  help: fix it by hand, or move it away to start a new plan; \
             leadgap never overwrites it\n",
        )
        .run();
}

#[test]
fn minor_messages_and_settings() {
    let sandbox = Sandbox::new();
    let path = saved(&sandbox);
    // Dotted keys 80 deep are located.
    let deep = sandbox.write("deep.toml", &format!("{}b = 1\n", "a.".repeat(80)));
    sandbox
        .run(["check"])
        .arg(&deep)
        .status(1)
        .stderr(
            "error: [SANDBOX]/deep.toml:1:1: the file is nested too deeply (tables or arrays inside \
             one another, or a key of too many dotted parts)\n",
        )
        .run();
    // Schemas that are not newer are not called newer.
    let text = std::fs::read_to_string(&path).unwrap();
    for schema in ["0", "-1", "+2"] {
        let file = sandbox.write(
            "s.toml",
            &text.replacen("schema = 1", &format!("schema = {schema}"), 1),
        );
        let ran = sandbox
            .run(["show"])
            .arg(&file)
            .status(1)
            .stderr_checked_by_the_test()
            .run();
        let number = schema.trim_start_matches('+');
        let expected = if number == "2" {
            format!("report schema {number} is newer than this leadgap reads (schema 1)")
        } else {
            format!("report schema {number} is not one leadgap writes; this leadgap reads schema 1")
        };
        assert!(ran.stderr.contains(&expected), "{schema}: {}", ran.stderr);
    }
    // A number too large for any type, and one too large to write out.
    let answers = sandbox.write(
        "n.toml",
        "questionnaire = \"rules\"\n[answers]\na-scale = -9223372036854775809\na-number = 1e308\n",
    );
    let ran = sandbox
        .run(["check", "--allow-partial", "-q", RULES])
        .arg(&answers)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(!ran.stderr.contains("i128"), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("`a-number`: 1e308 is out of range"),
        "{}",
        ran.stderr
    );
    // An empty LEADGAP_DATA_DIR is no data directory at all.
    sandbox
        .run(["history", "--format", "json"])
        .env("LEADGAP_DATA_DIR", "")
        .env("HOME", sandbox.scratch().join("home"))
        .stdout("[]\n")
        .run();
    // A relative HOME gives no relative data directory.
    sandbox
        .run(["history"])
        .env_remove("LEADGAP_DATA_DIR")
        .env("HOME", "relative")
        .status(1)
        .stderr(
            "error: cannot find the data directory: the home folder `relative` is not an absolute \
             path\n  help: pass `--data-dir DIR` or set LEADGAP_DATA_DIR\n",
        )
        .run();
    // `check -` reads standard input.
    sandbox
        .run(["check", "-"])
        .stdin(std::fs::read_to_string(repo().join("examples/hero.toml")).unwrap())
        .stdout("ok: <stdin>: answers to `it-manager`: 49 of 57 questions answered\n")
        .run();
    // Equal views are no flag, even at a threshold of 0.
    sandbox
        .run([
            "assess",
            "-q",
            RULES,
            "--rater",
            "Morgan",
            "-a",
            "tests/fixtures/rules/answers.toml",
        ])
        .at("2026-11-23T09:00:00Z")
        .stderr(&support::saved_to("2026-11-23T09-00-00Z"))
        .stdout_any()
        .run();
    let comparison = sandbox
        .run([
            "compare",
            NOW_ID,
            "2026-11-23T09-00-00Z",
            "--threshold",
            "0",
            "--format",
            "json",
        ])
        .stdout_any()
        .run()
        .json();
    assert!(
        comparison["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["flag"].is_null())
    );
    // Beside a report opened by path, other kinds of TOML file are no
    // report and no news.
    let sent = sandbox.scratch().join("sent");
    std::fs::create_dir(&sent).unwrap();
    std::fs::copy(&path, sent.join("report.toml")).unwrap();
    std::fs::copy(repo().join("examples/hero.toml"), sent.join("answers.toml")).unwrap();
    sandbox
        .run(["show"])
        .arg(sent.join("report.toml"))
        .stderr("")
        .stdout_any()
        .run();
    // A `reports` that is a file says so.
    let other = Sandbox::new();
    std::fs::create_dir_all(other.data_dir()).unwrap();
    std::fs::write(other.data_dir().join("reports"), "").unwrap();
    other
        .run(["assess", "-a", "examples/hero.toml"])
        .status(1)
        .stderr(
            "error: `[DATA]/reports` is a file, not a folder\n  help: move it away, or point \
             `--data-dir` somewhere else\n",
        )
        .run();
}
