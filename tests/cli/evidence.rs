//! `leadgap evidence` on calendars exported as Google and Outlook write
//! them and on a repository built here with `git`, every figure checked
//! against a value worked out by hand below; and bad input.

use std::path::Path;
use std::process::Command;

use serde_json::json;

use crate::support::{Sandbox, repo};

const FIXTURES: &str = "tests/fixtures/evidence";

/// The window of every test: 13 weeks to 2026-11-30, from 2026-09-01.
const UNTIL: &str = "2026-11-30";

fn evidence(sandbox: &Sandbox, args: &[&str]) -> serde_json::Value {
    sandbox
        .run(["evidence", "--until", UNTIL, "--format", "json"])
        .args(args)
        .output()
        .json()
}

#[test]
fn a_google_and_an_outlook_export_give_the_hand_worked_figures() {
    // google.ics (X-WR-TIMEZONE Europe/Berlin): Sam's weekly one-to-one
    // with Lee, Mondays 10:00–10:30 from 2026-09-07, across the change to
    // winter time on 2026-10-25: 13 Mondays to 2026-11-30, less 10-05
    // (EXDATE) and 11-02 (cancelled), 10-26 moved to 10-27: 11, the last on
    // 11-30.
    // outlook.ics (Windows zone "W. Europe Standard Time", the organizer
    // not among the attendees): Ada's one-to-one on 11-10 (45 minutes);
    // one meeting with Dana (stakeholder; the room left out); one with
    // bob@acme (supplier, by domain), 1 hour by DURATION; one Sam declined,
    // one all day and one marked free — none of them counts; one Lee
    // declined (Sam alone: no one-to-one, no meeting); and a daily standup
    // since 2016 with no end, 09:00–09:15: 91 days in the window.
    let sandbox = Sandbox::new();
    let figures = evidence(
        &sandbox,
        &[
            "--calendar",
            &format!("{FIXTURES}/google.ics"),
            "--calendar",
            &format!("{FIXTURES}/outlook.ics"),
            "--people",
            &format!("{FIXTURES}/people.csv"),
        ],
    );
    assert_eq!(
        figures["window"],
        json!({"from": "2026-09-01", "until": UNTIL, "weeks": 13})
    );
    // Lee 0 weeks, Ada 20 days = 2 weeks: the longest is 2; both within
    // 28 days: 2 of 2. Meetings: 91 × 0.25 + 0.75 + 1 + 1 + 11 × 0.5 =
    // 31 hours over 13 weeks = 2.38 → 2.4.
    assert_eq!(
        figures["figures"],
        json!({
            "one_to_ones": {
                "Ada Okafor": {"last": "2026-11-10", "count": 1},
                "Lee Park": {"last": "2026-11-30", "count": 11},
            },
            "longest_since_one_to_one_weeks": 2,
            "share_one_to_one_4_weeks": 1.0,
            "stakeholder_meetings": 1,
            "supplier_meetings": 1,
            "meeting_hours_per_week": 2.4,
        })
    );
    // Sam is the calendar's owner (X-WR-CALNAME): no --me needed.
    assert_eq!(
        figures["sources"],
        json!([
            "calendar google.ics: 11 events in the window",
            "calendar outlook.ics: 95 events in the window"
        ])
    );
    assert_eq!(
        figures["absent"]["my_commit_share"],
        "no repository given (--repo)"
    );
}

#[test]
fn a_thunderbird_export_with_a_zone_of_its_own_and_a_broken_event_is_read() {
    // thunderbird.ics, read on a machine in Berlin (no X-WR-TIMEZONE):
    // Ada's one-to-one at 19:30 in "Lotus Eastern", a zone only the
    // file's VTIMEZONE defines (US rules), on 09-02 and, by RDATE, 11-04:
    // 23:30 UTC and 00:30 UTC, so 09-03 and 11-05 in Berlin (read as
    // Berlin's own time it would be 11-04). The organizer is the only
    // other attendee: Sam, the organizer of every event. A supplier
    // review in Europe/London, 1 hour. A third event has no start it
    // can read: a warning, the rest is read.
    let sandbox = Sandbox::new();
    let ran = sandbox
        .run(["evidence", "--until", UNTIL, "--format", "json"])
        .args([
            "--calendar",
            &format!("{FIXTURES}/thunderbird.ics"),
            "--people",
            &format!("{FIXTURES}/people.csv"),
        ])
        .env("TZ", "Europe/Berlin")
        .stderr(
            "warning: tests/fixtures/evidence/thunderbird.ics: the event broken@thunderbird is \
             left out: no start time (DTSTART) it can read\n",
        )
        .output();
    // Lee: none in 13 weeks; Ada's last 25 days before 11-30: 1 of 2.
    // Meetings: 0.5 + 0.5 + 1 = 2 hours over 13 weeks = 0.15 → 0.2.
    assert_eq!(
        ran.json()["figures"],
        json!({
            "one_to_ones": {
                "Ada Okafor": {"last": "2026-11-05", "count": 2},
                "Lee Park": {"last": null, "count": 0},
            },
            "longest_since_one_to_one_weeks": 13,
            "share_one_to_one_4_weeks": 0.5,
            "stakeholder_meetings": 0,
            "supplier_meetings": 1,
            "meeting_hours_per_week": 0.2,
        })
    );
}

#[test]
fn without_a_team_the_one_to_one_figures_are_absent_not_zero() {
    let sandbox = Sandbox::new();
    let figures = evidence(&sandbox, &["--calendar", &format!("{FIXTURES}/google.ics")]);
    assert_eq!(figures["figures"].get("share_one_to_one_4_weeks"), None);
    assert_eq!(
        figures["absent"]["share_one_to_one_4_weeks"],
        "no team in the people list (rows with group direct-report)"
    );
    // Without stakeholders in the list, their meetings were not measured:
    // absent, not a count of 0.
    assert_eq!(
        figures["absent"]["stakeholder_meetings"],
        "no stakeholder in the people list (rows with group stakeholder)"
    );
    assert_eq!(figures["figures"].get("stakeholder_meetings"), None);
    assert_eq!(figures["figures"]["meeting_hours_per_week"], 0.4);
}

/// Runs `git` in `dir` as `author` on `day`.
fn git(dir: &Path, author: (&str, &str), day: &str, args: &[&str]) {
    let at = format!("{day}T10:00:00+00:00");
    let ran = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", author.0)
        .env("GIT_AUTHOR_EMAIL", author.1)
        .env("GIT_COMMITTER_NAME", author.0)
        .env("GIT_COMMITTER_EMAIL", author.1)
        .env("GIT_AUTHOR_DATE", &at)
        .env("GIT_COMMITTER_DATE", &at)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git");
    assert!(
        ran.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&ran.stderr)
    );
}

fn write(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut old = std::fs::read_to_string(&path).unwrap_or_default();
    old.push_str(text);
    std::fs::write(path, old).unwrap();
}

/// A repository of four people and a bot, built as the test reads it.
fn team_repository(sandbox: &Sandbox) -> std::path::PathBuf {
    let dir = sandbox.scratch().join("infra");
    std::fs::create_dir_all(&dir).unwrap();
    let sam = ("Sam Hero", "sam@corp.example");
    let sam_at_home = ("Sam", "sam@home.example");
    let lee = ("Lee Park", "lee@corp.example");
    let ada = ("Ada Okafor", "ada@corp.example");
    let bot = ("dependabot[bot]", "bot@github.example");
    git(&dir, sam, "2026-01-01", &["init", "-q", "-b", "main"]);
    git(
        &dir,
        sam,
        "2026-01-01",
        &["config", "user.email", "sam@corp.example"],
    );
    // 1. Sam, under an old address .mailmap maps, creates four files; two
    //    are vendored or a lock file and do not count.
    write(
        &dir,
        ".mailmap",
        "Sam Hero <sam@corp.example> <sam@home.example>\n",
    );
    write(&dir, "a.rs", "a\n");
    write(&dir, "b.rs", "b\n");
    write(&dir, "vendor/x.c", "x\n");
    write(&dir, "Cargo.lock", "l\n");
    git(&dir, sam_at_home, "2026-06-01", &["add", "."]);
    git(
        &dir,
        sam_at_home,
        "2026-06-01",
        &["commit", "-q", "-m", "one"],
    );
    // 2. Lee creates c.rs.
    write(&dir, "c.rs", "c\n");
    git(&dir, lee, "2026-07-01", &["add", "c.rs"]);
    git(&dir, lee, "2026-07-01", &["commit", "-q", "-m", "two"]);
    // 3.–4. In the window: Sam changes a.rs, Lee b.rs.
    write(&dir, "a.rs", "a2\n");
    git(&dir, sam, "2026-09-10", &["commit", "-q", "-am", "three"]);
    write(&dir, "b.rs", "b2\n");
    git(&dir, lee, "2026-09-15", &["commit", "-q", "-am", "four"]);
    // 5. Lee on a branch changes c.rs, Sam on main a.rs; a merge.
    git(&dir, lee, "2026-10-01", &["checkout", "-q", "-b", "side"]);
    write(&dir, "c.rs", "c2\n");
    git(&dir, lee, "2026-10-01", &["commit", "-q", "-am", "five-a"]);
    git(&dir, sam, "2026-10-02", &["checkout", "-q", "main"]);
    write(&dir, "a.rs", "a3\n");
    git(&dir, sam, "2026-10-02", &["commit", "-q", "-am", "five-b"]);
    git(
        &dir,
        sam,
        "2026-10-03",
        &["merge", "-q", "--no-edit", "side"],
    );
    // 6. A bot changes b.rs: it counts for nobody.
    write(&dir, "b.rs", "b3\n");
    git(&dir, bot, "2026-10-10", &["commit", "-q", "-am", "bump"]);
    // 7. Ada renames c.rs to d.rs: the same file, a change of Ada's.
    git(&dir, ada, "2026-11-01", &["mv", "c.rs", "d.rs"]);
    git(&dir, ada, "2026-11-01", &["commit", "-q", "-m", "rename"]);
    // 8. After the last day: left out.
    write(&dir, "a.rs", "a4\n");
    git(&dir, lee, "2026-12-05", &["commit", "-q", "-am", "later"]);
    dir
}

#[test]
fn a_repository_gives_the_hand_worked_share_and_truck_factor() {
    let sandbox = Sandbox::new();
    let dir = team_repository(&sandbox);
    let figures = evidence(
        &sandbox,
        &["--repo", dir.to_str().unwrap(), "--me", "Sam@Corp.Example"],
    );
    // Commits in the window, merges and the bot left out: three (Sam),
    // four (Lee), five-a (Lee), five-b (Sam), rename (Ada): Sam's 2 of 5.
    // Files at HEAD that count: .mailmap, a.rs, b.rs, d.rs.
    // DOA (3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)), to 11-30:
    //   .mailmap: Sam creates it, 4.391: Sam.
    //   a.rs: Sam creates it and changes it twice: 4.719: Sam.
    //   b.rs: Sam creates it (AC 1: 4.391 − 0.2225 = 4.1685), Lee changes
    //     it once (3.457 > 0.75 × 4.1685 = 3.126): Sam and Lee.
    //   d.rs (c.rs renamed): Lee creates it and changes it once (AC 1:
    //     4.3325); Ada's rename is a change (3.293 + 0.164 − 0.2225 =
    //     3.2345 < 3.293): Lee.
    // Only Sam: .mailmap and a.rs, 2 of 4 = 0.5.
    // Truck factor: Sam authors 3 files, Lee 2: without Sam, b.rs and d.rs
    // keep Lee (2 of 4, not fewer than half); without Lee too, none: 2.
    assert_eq!(
        figures["figures"],
        json!({
            "my_commit_share": 0.4,
            "truck_factor": {"infra": 2},
            "files_only_me_share": 0.5,
        })
    );
    assert_eq!(
        figures["sources"],
        json!(["repository infra: 7 commits to 2026-11-30"])
    );
    // The repository's user.email is the manager's when --me is not given.
    let figures = evidence(&sandbox, &["--repo", dir.to_str().unwrap()]);
    assert_eq!(figures["figures"]["my_commit_share"], 0.4);
}

#[test]
fn bad_input_names_the_file_and_a_figure_that_cannot_be_measured_says_why() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["evidence"])
        .status(2)
        .stderr(
            "error: nothing to measure: give a calendar export, a repository, or both\n  help: \
             leadgap evidence --calendar work.ics --repo ~/src/infra --people raters.csv \
             --format json -o evidence.json\n",
        )
        .run();
    let damaged = sandbox.write(
        "damaged.ics",
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nDTSTART:20261001T090000Z\n",
    );
    let ran = sandbox
        .run(["evidence", "--calendar"])
        .arg(&damaged)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr.starts_with(
            "error: [SANDBOX]/damaged.ics:5: the file is cut short: it ends without END:VCALENDAR\n"
        ),
        "{}",
        ran.stderr
    );
    let notes = sandbox.write("notes.csv", "Lee,lee@corp.example\n");
    sandbox
        .run([
            "evidence",
            "--calendar",
            &format!("{FIXTURES}/google.ics"),
            "--people",
        ])
        .arg(&notes)
        .status(1)
        .stderr(
            "error: [SANDBOX]/notes.csv:1: not a people list: its first line should be \
             `name,email,group`\n  help: give the list of raters you keep for a team round \
             (`leadgap raters --template` writes one)\n",
        )
        .run();
    let folder = sandbox.scratch().join("not-a-repo");
    std::fs::create_dir_all(&folder).unwrap();
    let ran = sandbox
        .run(["evidence", "--repo"])
        .arg(&folder)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr
            .starts_with("error: [SANDBOX]/not-a-repo: not a git repository"),
        "{}",
        ran.stderr
    );
    // A repository with no commit in the window: the share is absent.
    let dir = team_repository(&sandbox);
    let figures = sandbox
        .run([
            "evidence",
            "--until",
            "2026-08-31",
            "--weeks",
            "4",
            "--format",
            "json",
            "--me",
        ])
        .arg("sam@corp.example")
        .arg("--repo")
        .arg(&dir)
        .output()
        .json();
    assert_eq!(
        figures["absent"]["my_commit_share"],
        "no commits in the window"
    );
    assert_eq!(figures["figures"].get("my_commit_share"), None);
    // A repository of vendored files only has no truck factor: "n/a",
    // named by its folder even when given as `DIR/.`.
    let vendored = sandbox.scratch().join("vendored-only");
    std::fs::create_dir_all(&vendored).unwrap();
    let lee = ("Lee Park", "lee@corp.example");
    git(&vendored, lee, "2026-10-01", &["init", "-q", "-b", "main"]);
    write(&vendored, "vendor/lib.c", "x\n");
    git(&vendored, lee, "2026-10-01", &["add", "."]);
    git(
        &vendored,
        lee,
        "2026-10-01",
        &["commit", "-q", "-m", "vendor"],
    );
    let figures = evidence(
        &sandbox,
        &[
            "--me",
            "lee@corp.example",
            "--repo",
            &format!("{}/.", vendored.display()),
        ],
    );
    assert_eq!(figures["figures"], json!({"my_commit_share": 1.0}));
    assert_eq!(
        figures["absent"]["truck_factor"],
        "n/a for vendored-only: it has no files to count"
    );
    assert_eq!(
        figures["sources"],
        json!(["repository vendored-only: 1 commit to 2026-11-30"])
    );
}

/// The evidence file of the two calendars and the repository, as `assess
/// --evidence` reads it: one-to-ones 100 %, stakeholder meetings 1, Sam's
/// share of commits 40 %.
fn evidence_file(sandbox: &Sandbox) -> std::path::PathBuf {
    let dir = team_repository(sandbox);
    let file = sandbox.scratch().join("evidence.json");
    sandbox
        .run(["evidence", "--until", UNTIL, "--format", "json", "-o"])
        .arg(&file)
        .args(["--calendar", &format!("{FIXTURES}/google.ics")])
        .args(["--calendar", &format!("{FIXTURES}/outlook.ics")])
        .args(["--people", &format!("{FIXTURES}/people.csv")])
        .args(["--me", "sam@corp.example", "--repo"])
        .arg(&dir)
        .stderr("Wrote [SANDBOX]/evidence.json\n")
        .run();
    file
}

#[test]
fn assess_takes_measured_facts_for_the_answers_a_file_leaves_out_and_marks_them() {
    let sandbox = Sandbox::new();
    let evidence = evidence_file(&sandbox);
    let hero = std::fs::read_to_string(repo().join("examples/hero.toml")).unwrap();
    // Left out: the three facts the evidence measures; one changed by hand.
    let answers: String = hero
        .lines()
        .filter(|l| !l.starts_with("change-share") && !l.starts_with("one-to-one-share"))
        .map(|l| {
            if l.starts_with("business-meetings") {
                "business-meetings = 4\n".to_owned()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let file = sandbox.write("answers.toml", &answers);
    let report = sandbox
        .run(["assess", "--no-save", "--format", "json", "--evidence"])
        .arg(&evidence)
        .arg("--answers")
        .arg(&file)
        .output()
        .json();
    assert_eq!(
        report["evidence"],
        json!({
            "business-meetings": {
                "value": 1.0,
                "source": "from your calendar, 2026-09-01 to 2026-11-30",
                "answered": 4.0,
            },
            "change-share": {
                "value": 40.0,
                "source": "from your repositories, 2026-09-01 to 2026-11-30",
            },
            "one-to-one-share": {
                "value": 100.0,
                "source": "from your calendar, the four weeks to 2026-11-30",
            },
        })
    );
    let value = |id: &str| {
        report["answers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["question"] == id)
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(
        (
            value("change-share"),
            value("one-to-one-share"),
            value("business-meetings")
        ),
        (json!(40.0), json!(100.0), json!(4.0))
    );
    // Every format says so; no name or address from the evidence anywhere.
    let markdown = sandbox
        .run(["assess", "--no-save", "--format", "markdown", "--evidence"])
        .arg(&evidence)
        .arg("--answers")
        .arg(&file)
        .output()
        .stdout;
    assert!(
        markdown.contains(
            "- Measured, not remembered (3): \"In the last three months, roughly what share of \
             your team's changes (commits, changes made, tickets closed) were yours?\" 40 % (from \
             your repositories, 2026-09-01 to 2026-11-30); \"In the last three months, how many \
             meetings did you have with leaders outside IT about their goals or problems (not \
             about a ticket or a project's status)?\" measured 1 meeting (from your calendar, \
             2026-09-01 to 2026-11-30), answered 4 meetings;"
        ),
        "{markdown}"
    );
    for (format, line) in [
        (
            "table",
            "   - Measured, not remembered (3): \"In the last three months,",
        ),
        (
            "html",
            "<li>Measured, not remembered (3): &quot;In the last three months,",
        ),
    ] {
        let shown = sandbox
            .run(["assess", "--no-save", "--format", format, "--evidence"])
            .arg(&evidence)
            .arg("--answers")
            .arg(&file)
            .output()
            .stdout;
        assert!(shown.contains(line), "{format}: {shown}");
    }
    sandbox
        .run(["assess", "--evidence"])
        .arg(&evidence)
        .arg("--answers")
        .arg(&file)
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    let saved = std::fs::read_to_string(&sandbox.reports()[0]).unwrap();
    for private in ["Lee", "Ada", "corp.example", "acme", "infra"] {
        assert!(!saved.contains(private), "{private} in the report");
    }
}
