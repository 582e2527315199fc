//! The team's figures, worked out by hand from the shown groups only, and
//! attacked by subtraction: what a hidden rater answered changes no byte of
//! anything anyone can read.

use serde_json::{Value, json};

use super::*;
use crate::support::{self, Sandbox};

#[test]
fn the_team_figures_are_worked_out_by_hand_from_the_shown_groups_only() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six_shared(&sandbox, &round);
    lone_manager(&sandbox, round.shared(), 1, 1, "no");
    let report = close(&sandbox, &round.id, &read_all(7));
    // lead: direct reports 100, 75, 25 (mean 66.67, sd 38.2); peers 75, 75,
    // 25 (mean 58.33, sd 28.9). Team: 375 / 6 = 62.5, sd of all six =
    // sqrt((1406.25 + 156.25 + 1406.25 + 156.25 + 156.25 + 1406.25) / 5) =
    // sqrt(937.5) = 30.6. The manager's 0 is in no figure: with it the team
    // would be 375 / 7 = 53.6, and 7 · 53.6 − 3 · 66.7 − 3 · 58.3 their
    // score.
    let lead = theme(&report, "lead");
    assert_eq!(
        (&lead["score"], &lead["n"], &lead["sd"]),
        (&json!(62.5), &json!(6), &json!(30.6))
    );
    // money: only peers answer it among the shown groups: 100, 0, 50.
    let money = theme(&report, "money");
    assert_eq!(
        (&money["score"], &money["n"], &money["sd"]),
        (&json!(50.0), &json!(3), &json!(50.0))
    );
    let groups: Vec<(&Value, &Value)> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (&g["id"], &g["n"]))
        .collect();
    assert_eq!(
        groups,
        [
            (&json!("direct-report"), &json!(3)),
            (&json!("peer"), &json!(3))
        ]
    );
    let dr = group(&report, "direct-report").unwrap();
    assert_eq!(support::by_id(&dr["themes"], "lead")["score"], 66.7);
    assert_eq!(support::by_id(&dr["themes"], "money")["score"], Value::Null);
    assert_eq!(report["raters"], 6);
    assert_eq!(report["left_out"], 1);
    assert_eq!(report["hidden_groups"], json!(["manager"]));
    // The global item, on its own and under the same rule: direct reports
    // 100, 50, 0 (mean 50); peers 75, 75, 25 (58.3); team 325 / 6 = 54.2.
    // It is not a theme, so the overall score is lead and money alone:
    // (62.5 + 50) / 2.
    assert_eq!(
        report["global"],
        json!([{
            "id": "recommend",
            "title": "Would recommend this manager",
            "score": 54.2,
            "n": 6,
            "sd": 36.8,
            "groups": [
                {"id": "direct-report", "score": 50.0, "n": 3, "sd": 50.0},
                {"id": "peer", "score": 58.3, "n": 3, "sd": 28.9},
            ],
        }])
    );
    assert!(
        report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["id"] != "recommend")
    );
    assert_eq!(report["overall"], 56.3);
}

/// Everything a reader of the round's report can see, in every format and
/// in the saved file, with the round's id (and so the signature, which
/// covers it) taken out.
fn everything(sandbox: &Sandbox, round: &Round) -> Vec<String> {
    let mut seen = Vec::new();
    for format in ["json", "table", "markdown", "html", "svg"] {
        let ran = sandbox
            .run(["collect", &round.id, "--format", format])
            .arg(responses(sandbox))
            .stderr_checked_by_the_test()
            .output();
        seen.push(ran.stdout.replace(&round.id, "ROUND"));
    }
    let report = std::fs::read_to_string(sandbox.report_path(support::NOW_ID)).unwrap();
    let unsigned: String = report
        .lines()
        .filter(|l| !l.starts_with("value = "))
        .map(|l| format!("{l}\n"))
        .collect();
    seen.push(unsigned.replace(&round.id, "ROUND"));
    seen.push(
        sandbox
            .run(["history", "--format", "json"])
            .output()
            .stdout
            .replace(&round.id, "ROUND"),
    );
    seen
}

#[test]
fn whatever_a_lone_manager_answered_no_output_changes() {
    // The same six shown responses, and a manager who answers the lowest
    // or the highest everywhere (and the question only they are asked,
    // which advice is tied to): every format and the saved report are the
    // same, byte for byte. Nothing of a hidden group can be subtracted
    // from anything.
    let seen: Vec<Vec<String>> = [(1, 1, "no"), (5, 5, "yes")]
        .into_iter()
        .map(|(all, seen, told)| {
            let sandbox = Sandbox::new();
            let round = small_round(&sandbox, &[]);
            six_shared(&sandbox, &round);
            lone_manager(&sandbox, round.shared(), all, seen, told);
            close(&sandbox, &round.id, &read_all(7));
            let seen = everything(&sandbox, &round);
            for text in &seen {
                assert!(!text.contains("Only the manager wrote this"), "{text}");
                assert!(!text.contains("Tell your manager"), "{text}");
            }
            seen
        })
        .collect();
    assert_eq!(seen[0], seen[1]);
    assert!(seen[0][1].contains("1 response is left out of every figure"));
    assert!(seen[0][1].contains(
        "Would recommend this manager: 54 of 100, from 6 responses (Direct reports 50 · Peers\n\
         58); on its own, outside the overall score."
    ));
}

#[test]
fn whatever_a_lone_peer_answered_no_output_changes() {
    // Four direct reports and one peer: the peer is in no figure.
    let seen: Vec<Vec<String>> = [1u8, 5]
        .into_iter()
        .map(|peer| {
            let sandbox = Sandbox::new();
            let round = small_round(&sandbox, &[]);
            for (i, all) in [5u8, 4, 2, 1].into_iter().enumerate() {
                respond_to(
                    &sandbox,
                    round.shared(),
                    &format!("dr{i}"),
                    "small-team",
                    &small("direct-report", all, "lead-team = 4", None),
                );
            }
            respond_to(
                &sandbox,
                round.shared(),
                "peer",
                "small-team",
                &small(
                    "peer",
                    peer,
                    &format!("money-seen = {peer}"),
                    Some("A peer"),
                ),
            );
            let report = close(&sandbox, &round.id, &read_all(5));
            // Direct reports only: lead (5,4)→87.5, (4,4)→75, (2,4)→50,
            // (1,4)→37.5; mean 62.5; money unanswered by any shown group.
            assert_eq!(theme(&report, "lead")["score"], 62.5);
            assert_eq!(theme(&report, "lead")["n"], 4);
            assert_eq!(theme(&report, "money")["n"], Value::Null);
            everything(&sandbox, &round)
        })
        .collect();
    assert_eq!(seen[0], seen[1]);
}

#[test]
fn a_theme_too_few_of_a_group_answered_counts_nowhere_for_that_theme() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six_shared(&sandbox, &round);
    // A fourth peer, who leaves money-seen out: still half of a peer's two
    // questions answered, so the response counts — for lead only.
    respond_to(
        &sandbox,
        round.shared(),
        "peer4",
        "small-team",
        &small("peer", 3, "money-seen = \"skip\"", None),
    );
    // And two peers' money answers removed by answering it "skip" too:
    // peers 1 and 2 again, answered afresh.
    std::fs::remove_file(responses(&sandbox).join("peer1.age")).unwrap();
    std::fs::remove_file(responses(&sandbox).join("peer2.age")).unwrap();
    for (name, lead) in [("peer1", 4), ("peer2", 5)] {
        respond_to(
            &sandbox,
            round.shared(),
            name,
            "small-team",
            &small("peer", lead, "money-seen = \"skip\"", None),
        );
    }
    let report = close(&sandbox, &round.id, &read_all(7));
    // Peers: 4 responses, but only peer3 scored money (50): below the
    // minimum, so the peers' money figure is hidden, and the team's money
    // uses no peer's answer — none is left, so it is not shown either.
    let peers = group(&report, "peer").unwrap();
    assert_eq!(peers["n"], 4);
    assert_eq!(
        support::by_id(&peers["themes"], "money")["score"],
        Value::Null
    );
    assert_eq!(theme(&report, "money")["score"], Value::Null);
    assert_eq!(theme(&report, "money")["n"], Value::Null);
    // lead: DR 100, 75, 25; peers 75, 100, 25, 50 → 450 / 7 = 64.3.
    assert_eq!(theme(&report, "lead")["score"], 64.3);
    assert_eq!(theme(&report, "lead")["n"], 7);
}

#[test]
fn a_manager_shown_alone_is_a_figure_of_its_own_and_nothing_is_hidden_behind_it() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &["--open-group", "manager"]);
    six_shared(&sandbox, &round);
    lone_manager(&sandbox, round.shared(), 1, 1, "no");
    let report = close(&sandbox, &round.id, &read_all(7));
    let manager = group(&report, "manager").unwrap();
    assert_eq!(manager["n"], 1);
    assert_eq!(support::by_id(&manager["themes"], "lead")["score"], 0.0);
    assert_eq!(support::by_id(&manager["themes"], "money")["score"], 0.0);
    // lead: 375 / 7 = 53.6; money: peers' 150 and the manager's 0 over 4 =
    // 37.5. Every part of every team figure is shown.
    assert_eq!(theme(&report, "lead")["score"], 53.6);
    assert_eq!(theme(&report, "money")["score"], 37.5);
    assert_eq!(theme(&report, "money")["n"], 4);
    assert_eq!(report["left_out"], 0);
    // Advice tied to one question needs the minimum of answers to it:
    // the manager's lone "no" is shown in their own theme score, not as a
    // line of advice that would single out that answer.
    let shown = sandbox.run(["show", support::NOW_ID]).output().stdout;
    assert!(shown.contains("Explain money."), "{shown}");
    assert!(!shown.contains("Tell your manager"), "{shown}");
}

#[test]
fn comments_are_two_lists_never_from_a_hidden_group_and_never_in_clear_on_disk() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    for (name, keep, change) in [
        ("a", "Keep A", "Change A"),
        ("b", "Keep B", ""),
        ("c", "Keep C", "Change C"),
    ] {
        let change = if change.is_empty() {
            String::new()
        } else {
            format!("change = \"{change}\"\n")
        };
        respond_to(
            &sandbox,
            round.shared(),
            name,
            "small-team",
            &format!(
                "[context]\ngroup = \"direct-report\"\n[answers]\nlead-all = 3\nlead-team = 3\n\
                 [comments]\nkeep = \"{keep}\"\n{change}"
            ),
        );
    }
    lone_manager(&sandbox, round.shared(), 1, 1, "no");
    let report = close(&sandbox, &round.id, &read_all(4));
    let sorted = |list: &Value| {
        let mut items: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        items.sort();
        items
    };
    assert_eq!(
        sorted(&report["comments"]["keep"]),
        ["Keep A", "Keep B", "Keep C"]
    );
    assert_eq!(
        sorted(&report["comments"]["change"]),
        ["Change A", "Change C"]
    );
    // No file holds a comment in clear.
    for file in sandbox.all_files() {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        assert!(!text.contains("Keep A"), "{}", file.display());
    }
}
