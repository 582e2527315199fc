//! The report the subject receives is signed by the collector: `show` names
//! the signer's fingerprint, and refuses a team report whose figures were
//! edited, one that does not add up even when signed again, and a
//! self-assessment that calls itself the team's.

use super::*;
use crate::support::{self, COLLECTOR_FINGERPRINT, Sandbox};

/// A closed round's report, as the collector sends it to the subject.
fn team_report(sandbox: &Sandbox) -> (std::path::PathBuf, String) {
    let round = personal_round(sandbox, &SIX, &[]);
    six(sandbox, &|i| round.invitations[i].clone());
    sandbox
        .run(["collect", &round.id])
        .arg(responses(sandbox))
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    (sandbox.report_path(support::NOW_ID), round.id)
}

/// `text` with the line starting with `key = ` (the first after `after`)
/// set to `value`.
fn set(text: &str, after: &str, key: &str, value: &str) -> String {
    let start = text.find(after).unwrap();
    let at = start + text[start..].find(&format!("\n{key} = ")).unwrap() + 1;
    let end = at + text[at..].find('\n').unwrap();
    format!("{}{key} = {value}{}", &text[..at], &text[end..])
}

#[test]
fn the_subject_reads_who_signed_the_report_and_an_edited_one_is_refused() {
    let collector = Sandbox::new();
    let (sent, round) = team_report(&collector);
    // On the subject's machine, as received.
    let subject = Sandbox::new();
    let received = subject.write("team-report.toml", &std::fs::read_to_string(&sent).unwrap());
    let shown = subject.run(["show"]).arg(&received).output().stdout;
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(&format!(
            "6 responses to round {round}; no figure rests on fewer than 3; collected and signed \
             by Morgan Lee (key fingerprint {COLLECTOR_FINGERPRINT})."
        )),
        "{shown}"
    );
    let text = std::fs::read_to_string(&received).unwrap();
    // Edited consistently: a theme's score, gap and band, and the overall.
    let edited = set(&text, "id = \"lead\"", "score", "90.0");
    let edited = set(&edited, "id = \"lead\"", "gap", "0.0");
    let edited = set(&edited, "id = \"lead\"", "band", "\"high\"");
    let edited = set(&edited, "schema", "overall", "70.0");
    let path = subject.write("edited.toml", &edited);
    let ran = subject
        .run(["show"])
        .arg(&path)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr.contains(
            "the team report's figures do not match its collector's signature: it was changed \
             after it was signed"
        ),
        "{}",
        ran.stderr
    );
    // A group of one, shown.
    let alone = set(&text, "[[team.groups]]", "n", "1");
    let path = subject.write("alone.toml", &alone);
    let ran = subject
        .run(["show"])
        .arg(&path)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr
            .contains("do not match its collector's signature"),
        "{}",
        ran.stderr
    );
    // Every listing passes it over too.
    std::fs::create_dir_all(subject.scratch().join("folder")).unwrap();
    std::fs::copy(&path, subject.scratch().join("folder/alone.toml")).unwrap();
    let listed = subject
        .run(["history", "--from"])
        .arg(subject.scratch().join("folder"))
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    assert!(
        listed.stderr.starts_with("warning: skipping"),
        "{}",
        listed.stderr
    );
}

#[test]
fn a_made_up_report_signed_again_by_its_maker_does_not_add_up_and_is_refused() {
    let collector = Sandbox::new();
    let (sent, _) = team_report(&collector);
    let text = std::fs::read_to_string(&sent).unwrap();
    let (maker, _) = leadgap::testing::generate();
    let check = |name: &str, text: &str, expected: &str| {
        let path = collector.write(name, text);
        leadgap::testing::sign_again(&maker, &path).unwrap();
        let ran = collector
            .run(["show"])
            .arg(&path)
            .status(1)
            .stderr_checked_by_the_test()
            .run();
        assert!(ran.stderr.contains(expected), "{name}: {}", ran.stderr);
        std::fs::remove_file(path).unwrap();
    };
    // One direct report's figure shown on its own.
    let alone = set(&text, "[[team.groups]]", "n", "1");
    check(
        "alone.toml",
        &alone,
        "the group `direct-report` is shown with 1 responses, fewer than its threshold",
    );
    // The team's score of a theme not the pooled mean of its groups'.
    let moved = set(&text, "id = \"lead\"", "score", "99.0");
    let moved = set(&moved, "id = \"lead\"", "gap", "0.0");
    let moved = set(&moved, "id = \"lead\"", "band", "\"high\"");
    check(
        "moved.toml",
        &moved,
        "the team's figure of `lead` is not the pooled mean of its shown groups",
    );
    // Signed again unchanged, it reads: the maker's fingerprint is named.
    let path = collector.write("again.toml", &text);
    leadgap::testing::sign_again(&maker, &path).unwrap();
    let shown = collector.run(["show"]).arg(&path).output().stdout;
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!words.contains(COLLECTOR_FINGERPRINT), "{shown}");
    assert!(words.contains("collected and signed by Morgan Lee (key fingerprint"));
}

#[test]
fn a_self_assessment_relabelled_as_the_teams_view_is_refused() {
    let sandbox = Sandbox::new();
    sandbox.assess_at("2026-11-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    let own = sandbox.report_path("2026-11-01T09-00-00Z");
    let text = std::fs::read_to_string(&own).unwrap();
    let relabelled = sandbox.write(
        "relabelled.toml",
        &text.replace("rater = \"self\"", "rater = \"team\""),
    );
    let ran = sandbox
        .run(["show"])
        .arg(&relabelled)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr.contains(
            "`rater = \"team\"` is kept for the report of a team round, which this is not"
        ),
        "{}",
        ran.stderr
    );
}
