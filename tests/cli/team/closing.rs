//! A round gives one report: closing locked and atomic, repaired after a
//! kill, the comments kept sealed so the report prints whole again, rounds
//! about the same person that would subtract refused without consent, and
//! the round's own files refused when others can read them.

use super::*;
use crate::support::{self, Sandbox};

#[test]
fn a_round_gives_one_report_and_collecting_it_again_prints_it_whole() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    for (i, (name, group)) in SIX.iter().enumerate() {
        let keep = format!("Comment {i}");
        let own = if *group == "peer" {
            "money-seen = 3"
        } else {
            "lead-team = 4"
        };
        respond_to(
            &sandbox,
            round.shared(),
            name,
            "small-team",
            &small(group, 3, own, Some(&keep)),
        );
    }
    // Before it closes: only how many, in every format.
    sandbox
        .run(["collect", &round.id, "--format", "json"])
        .arg(responses(&sandbox))
        .stdout(&format!(
            "{{\n  \"round\": \"{}\",\n  \"subject\": \"Sam Hero\",\n  \"state\": \"open\",\n  \
             \"responses\": 6,\n  \"invited\": null,\n  \"closes\": null,\n  \"closed\": null,\n  \
             \"report\": null\n}}\n",
            round.id
        ))
        .stderr(&read_all(6))
        .run();
    assert!(sandbox.reports().is_empty());
    let first = close(&sandbox, &round.id, &read_all(6));
    assert_eq!(first["raters"], 6);
    assert_eq!(first["comments"]["keep"].as_array().unwrap().len(), 6);
    // Every response taken away and one added: collecting again prints the
    // same report, comments included, says what arrived late, and saves
    // nothing.
    std::fs::remove_dir_all(responses(&sandbox)).unwrap();
    lone_manager(&sandbox, round.shared(), 5, 5, "yes");
    let again = sandbox
        .run(["collect", &round.id, "--close", "--format", "json"])
        .arg(responses(&sandbox))
        .at("2026-12-01T09:00:00Z")
        .stderr(&format!(
            "warning: `[SANDBOX]/responses/manager.age`: it arrived after round {id} closed on \
             2026-11-22; not counted\n\
             Round {id} closed on 2026-11-22; this is its report, as it was made. A round gives \
             one report.\n",
            id = round.id
        ))
        .stdout_any()
        .run()
        .json();
    assert_eq!(again, first);
    assert_eq!(sandbox.reports().len(), 1);

    // A second report of the round, copied in under another id, is passed
    // over by every listing and refused by diff.
    let copy = sandbox.report_path("2026-11-23T09-00-00Z");
    let text = std::fs::read_to_string(sandbox.report_path(support::NOW_ID)).unwrap();
    std::fs::write(&copy, text.replace(support::NOW_ID, "2026-11-23T09-00-00Z")).unwrap();
    let listed = sandbox
        .run(["history", "--format", "json"])
        .stderr_checked_by_the_test()
        .output();
    assert_eq!(listed.json().as_array().unwrap().len(), 1);
    assert_eq!(
        listed.stderr,
        format!(
            "warning: skipping `[DATA]/reports/2026-11-23T09-00-00Z.toml`: a second team report \
             of round {id}, after `[DATA]/reports/{now}.toml`; a round gives one report\n",
            id = round.id,
            now = support::NOW_ID
        )
    );
    sandbox
        .run(["diff", support::NOW_ID, "2026-11-23T09-00-00Z"])
        .status(1)
        .stderr(&format!(
            "error: both are team reports of round {}, which gives one report\n  help: a second \
             report of a round is not leadgap's: keep the one `leadgap collect` made when the \
             round closed\n",
            round.id
        ))
        .run();
    std::fs::remove_file(copy).unwrap();

    // Deleting the round's record does not make a second report possible:
    // the history still holds the round's.
    std::fs::remove_dir_all(sandbox.data_dir().join("rounds").join(&round.id)).unwrap();
    std::fs::remove_file(responses(&sandbox).join("manager.age")).unwrap();
    lone_manager(&sandbox, round.shared(), 5, 5, "yes");
    sandbox
        .run(["collect", "--close"])
        .arg(round.shared())
        .arg(responses(&sandbox))
        .status(1)
        .stderr(&format!(
            "Read 1 input: 1 sealed response, 1 counts.\nerror: the team report of round {} is \
             already saved here ({now}); a round gives one report\n  help: `leadgap show {now}` \
             prints it\n",
            round.id,
            now = support::NOW_ID
        ))
        .run();
}

#[test]
fn two_closes_at_once_give_one_report() {
    for _ in 0..4 {
        let sandbox = Sandbox::new();
        let round = small_round(&sandbox, &[]);
        six_shared(&sandbox, &round);
        let spawn = |extra: &str| {
            let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("leadgap"));
            command
                .current_dir(support::repo())
                .env_clear()
                .env("LEADGAP_DATA_DIR", sandbox.data_dir())
                .env("LEADGAP_NOW", support::NOW)
                .args(["collect", &round.id, "--close", "--format", "json"])
                .arg(responses(&sandbox));
            if !extra.is_empty() {
                command.arg(extra);
            }
            command
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(""), spawn(""));
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert!(a.status.success() && b.status.success());
        let json = |o: &std::process::Output| -> serde_json::Value {
            serde_json::from_slice(&o.stdout).unwrap()
        };
        assert_eq!(json(&a), json(&b), "both print the one report");
        assert_eq!(sandbox.reports().len(), 1);
        let saved = std::fs::read_to_string(&sandbox.reports()[0]).unwrap();
        let kept = std::fs::read_to_string(
            sandbox
                .data_dir()
                .join("rounds")
                .join(&round.id)
                .join("report.toml"),
        )
        .unwrap();
        assert_eq!(saved, kept);
    }
}

#[test]
fn a_close_killed_at_any_point_leaves_the_round_open_or_closed_with_its_report() {
    for point in ["close", "closed"] {
        let sandbox = Sandbox::new();
        let round = small_round(&sandbox, &[]);
        six_shared(&sandbox, &round);
        let killed = sandbox
            .run(["collect", &round.id, "--close"])
            .arg(responses(&sandbox))
            .env("LEADGAP_SIMULATE_FAULT", format!("kill-at:{point}"))
            .status(137)
            .stderr_checked_by_the_test()
            .stdout_any()
            .run();
        assert!(sandbox.reports().is_empty(), "{}", killed.stderr);
        let dir = sandbox.data_dir().join("rounds").join(&round.id);
        let closed = dir.join("closed.toml").exists();
        assert_eq!(closed, point == "closed", "{point}");
        // The next collect finds the round as the kill left it and completes
        // it: one report, in the round and in the history.
        let ran = sandbox
            .run(["collect", &round.id, "--close", "--format", "json"])
            .arg(responses(&sandbox))
            .stderr_checked_by_the_test()
            .output();
        let said = if closed {
            format!(
                "Saved the report of round {} to [DATA]/reports/{}.toml: its close had been cut \
                 short.\n",
                round.id,
                support::NOW_ID
            )
        } else {
            format!(
                "Closed round {} and saved its signed report to [DATA]/reports/{}.toml.\n",
                round.id,
                support::NOW_ID
            )
        };
        assert!(ran.stderr.contains(&said), "{point}: {}", ran.stderr);
        assert_eq!(ran.json()["raters"], 6);
        assert_eq!(sandbox.reports().len(), 1);
    }
}

#[test]
fn two_rounds_about_one_person_that_would_subtract_close_only_with_consent() {
    // Round one: a, b, c answer. Round two: a, b, c and d. Their reports'
    // difference is d's answers (4 · 25.0 − 3 · 16.7), so the second round
    // does not close without consent.
    let sandbox = Sandbox::new();
    let people = [
        ("a", "direct-report"),
        ("b", "direct-report"),
        ("c", "direct-report"),
        ("d", "direct-report"),
    ];
    let first = personal_round(&sandbox, &people, &[]);
    for (i, name) in ["a", "b", "c"].iter().enumerate() {
        respond_to(
            &sandbox,
            &first.invitations[i],
            name,
            "small-team",
            &small("direct-report", 2, "lead-team = 2", None),
        );
    }
    close(&sandbox, &first.id, &read_all(3));
    std::fs::remove_dir_all(responses(&sandbox)).unwrap();
    std::fs::remove_dir_all(&first.folder).unwrap();
    let second = personal_round(&sandbox, &people, &[]);
    for (i, name) in ["a", "b", "c", "d"].iter().enumerate() {
        respond_to(
            &sandbox,
            &second.invitations[i],
            name,
            "small-team",
            &small("direct-report", 3, "lead-team = 3", None),
        );
    }
    sandbox
        .run(["collect", &second.id, "--close"])
        .arg(responses(&sandbox))
        .at("2026-12-01T09:00:00Z")
        .status(1)
        .stderr(&format!(
            "{}error: round {} about Sam Hero (closed 2026-11-22) counted 3 people's answers; \
             this round would count 4, and the two sets differ by 1 person: anyone holding both \
             reports could work out what that person answered from the difference\n  help: the \
             round stays open: wait until the two differ by 3 people or more, or close it anyway \
             with --accept-overlap\n",
            read_all(4),
            first.id
        ))
        .run();
    assert_eq!(sandbox.reports().len(), 1);
    sandbox
        .run(["collect", &second.id, "--close", "--accept-overlap"])
        .arg(responses(&sandbox))
        .at("2026-12-01T09:00:00Z")
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    assert_eq!(sandbox.reports().len(), 2);
}

#[test]
fn an_edited_minimum_and_a_round_others_can_read_are_refused() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six_shared(&sandbox, &round);
    let kept = sandbox
        .data_dir()
        .join("rounds")
        .join(&round.id)
        .join("invite.toml");
    let text = std::fs::read_to_string(&kept).unwrap();
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    std::fs::write(&kept, text.replace("min_group = 3", "min_group = 1")).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("min_group"))
        .unwrap()
        + 1;
    sandbox
        .run(["collect", &round.id, "--close"])
        .arg(responses(&sandbox))
        .status(1)
        .stderr(&format!(
            "error: [DATA]/rounds/{id}/invite.toml:{line}:13: a minimum of 1 is too small to \
             keep raters anonymous: no figure may rest on fewer than 3 responses\n  help: use the \
             invitation that `leadgap invite` wrote, unchanged\n",
            id = round.id
        ))
        .run();
    std::fs::write(&kept, &text).unwrap();
    let folder = kept.parent().unwrap();
    mode(folder, 0o755);
    sandbox
        .run(["collect", &round.id])
        .arg(responses(&sandbox))
        .status(1)
        .stderr(&format!(
            "error: `[DATA]/rounds/{id}` can be read by others (mode 755), and it holds a \
             feedback round\n  help: if no one else has read it, run `chmod 700 \
             [DATA]/rounds/{id}`; if someone may have, treat it as known to them\n",
            id = round.id
        ))
        .run();
    mode(folder, 0o700);
    sandbox
        .run(["collect", &round.id])
        .arg(responses(&sandbox))
        .stderr(&read_all(6))
        .stdout_any()
        .run();
}

#[test]
fn an_identity_file_opens_with_any_of_its_keys_and_only_the_one_given() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six_shared(&sandbox, &round);
    let secret = std::fs::read_to_string(sandbox.data_dir().join("identity.txt")).unwrap();
    let (other, _) = leadgap::testing::generate();
    let both = sandbox.write("both.txt", &format!("# two keys\n{other}\n{secret}\n"));
    let wrong = sandbox.write("wrong.txt", &format!("{other}\n"));
    use std::os::unix::fs::PermissionsExt;
    for file in [&both, &wrong] {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    sandbox
        .run(["collect", &round.id, "--identity"])
        .arg(&wrong)
        .arg(responses(&sandbox))
        .status(1)
        .stderr(&format!(
            "error: `[SANDBOX]/wrong.txt` does not open round {}: its answers are sealed to Sam \
             Hero's key (fingerprint {})\n  help: give the identity file whose public key is the \
             round's (`leadgap key` prints a data directory's collector key and its \
             fingerprint)\n",
            round.id,
            support::COLLECTOR_FINGERPRINT
        ))
        .run();
    sandbox
        .run(["collect", &round.id, "--status", "--identity"])
        .arg(&both)
        .arg(responses(&sandbox))
        .stderr(&read_all(6))
        .stdout_any()
        .run();
}

#[test]
fn a_failed_invite_leaves_no_round_behind() {
    let sandbox = Sandbox::new();
    sandbox.with_collector_key();
    let before = sandbox.all_files();
    let taken = sandbox.scratch().join("taken");
    std::fs::create_dir_all(&taken).unwrap();
    std::fs::write(taken.join("notes.txt"), "mine").unwrap();
    sandbox
        .run(["invite", "--subject", "Sam", "--self-collect", "-o"])
        .arg(&taken)
        .status(1)
        .stderr("error: `[SANDBOX]/taken` already holds files\n  help: name a new folder with -o\n")
        .run();
    sandbox
        .run(["invite", "--subject", "Sam", "--self-collect", "-o"])
        .arg(sandbox.scratch().join("new"))
        .env("LEADGAP_SIMULATE_FAULT", "full-disk")
        .status(1)
        .stderr("error: cannot create folder `[SANDBOX]/new`: the disk is full\n  help: free some space and run it again; what was saved before is unchanged\n")
        .run();
    assert_eq!(sandbox.all_files(), before);
    assert!(!sandbox.scratch().join("new").exists());
}
