//! Which responses count, attacked as a subject steering their own round
//! would: stuffing without a code, guessed codes, a real code answered as
//! another group, answers replayed from another round or made for an edited
//! invitation, a clock set ahead, copies, double presses and copied ids.

use std::path::Path;

use super::*;
use crate::support::Sandbox;

/// The hash of the invitation a page's responses carry.
fn invitation_hash(invite: &Path) -> String {
    let page = std::fs::read_to_string(invite.with_extension("html")).unwrap();
    let start = page.find("data-invitation=\"").unwrap() + "data-invitation=\"".len();
    page[start..start + 71].to_owned()
}

/// A response as a hand could write it, for `round`'s invitation
/// `invite`: `head` is added to `[response]`.
fn by_hand(
    round: &Round,
    invite: &Path,
    name: &str,
    group: &str,
    head: &str,
    answers: &str,
) -> String {
    format!(
        "questionnaire = \"small-team\"\n[response]\nround = \"{}\"\ninvitation = \"{}\"\n\
         id = \"{name}\"\ngroup = \"{group}\"\n{head}[context]\ngroup = \"{group}\"\n\
         [answers]\n{answers}",
        round.id,
        invitation_hash(invite)
    )
}

#[test]
fn a_response_that_answers_less_than_half_counts_nowhere() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    respond_to(
        &sandbox,
        round.shared(),
        "real",
        "small-team",
        &small("direct-report", 4, "lead-team = 4", Some("Real praise")),
    );
    // `respond` refuses to seal an answer that would not count; whoever
    // writes one by hand gets nothing counted either.
    for name in ["empty1", "empty2"] {
        let text = by_hand(
            &round,
            round.shared(),
            name,
            "direct-report",
            "",
            "lead-all = \"skip\"\n[comments]\nkeep = \"Filler\"\n",
        );
        seal_by_hand(&sandbox, round.shared(), name, &text);
    }
    let ran = sandbox
        .run(["collect", &round.id, "--close"])
        .arg(responses(&sandbox))
        .status(1)
        .stderr_checked_by_the_test()
        .output();
    assert_eq!(
        ran.stderr,
        format!(
            "warning: `[SANDBOX]/responses/empty1.age`: it answers fewer than half of the \
             questions asked of its group; not counted\n\
             warning: `[SANDBOX]/responses/empty2.age`: it answers fewer than half of the \
             questions asked of its group; not counted\n\
             Read 3 inputs: 3 sealed responses, 1 counts.\n\
             error: round {} cannot close (you asked to close it): 0 of its 1 counted responses \
             are in groups large enough to show, and no figure rests on fewer than 3\n  help: the \
             round stays open and nothing was saved; collect again when more answers arrive\n",
            round.id
        )
    );
    assert!(!ran.stdout.contains("Real praise"));
    assert!(sandbox.reports().is_empty());
}

#[test]
fn copies_and_double_presses_count_once_and_a_copied_id_voids_nothing() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six_shared(&sandbox, &round);
    let folder = responses(&sandbox);
    // A file sent twice, once armored.
    std::fs::copy(folder.join("dr1.age"), folder.join("dr1-again.age")).unwrap();
    let armored = leadgap::testing::armor(&std::fs::read(folder.join("dr2.age")).unwrap()).unwrap();
    std::fs::write(folder.join("dr2-pasted.txt"), &armored).unwrap();
    // A double press: the same answers, another id.
    respond_to(
        &sandbox,
        round.shared(),
        "peer1-double",
        "small-team",
        &small("peer", 4, "money-seen = 5", None),
    );
    // Someone who saw dr3's file name (its id) sends other answers under
    // that id: the real response still counts. (On a shared form anyone
    // can add answers, as the form says; the id voids nothing.)
    let victim = opened(&folder.join("dr3.age"));
    let copied = victim.replace("lead-all = 1", "lead-all = 5");
    assert_ne!(copied, victim);
    seal_by_hand(&sandbox, round.shared(), "copied-id", &copied);
    let ran = sandbox
        .run(["collect", &round.id, "--status"])
        .arg(&folder)
        .stderr_checked_by_the_test()
        .output();
    assert_eq!(
        ran.stderr,
        "warning: `[SANDBOX]/responses/dr1.age`: the same response as \
         `[SANDBOX]/responses/dr1-again.age`; counted once\n\
         warning: `[SANDBOX]/responses/dr2.age`: the same response as \
         `[SANDBOX]/responses/dr2-pasted.txt`; counted once\n\
         warning: `[SANDBOX]/responses/peer1.age`: the same answers as \
         `[SANDBOX]/responses/peer1-double.age`; counted once\n\
         Read 10 inputs: 10 sealed responses, 7 count.\n"
    );
    assert!(
        ran.stdout.starts_with(&format!(
            "Round {} about Sam Hero: 7 responses count so far.",
            round.id
        )),
        "{}",
        ran.stdout
    );
}

/// The personal round of the counting tests: four peers, one direct
/// report.
const FIVE: [(&str, &str); 5] = [
    ("p1", "peer"),
    ("p2", "peer"),
    ("p3", "peer"),
    ("p4", "peer"),
    ("d1", "direct-report"),
];

#[test]
fn with_personal_codes_only_one_answer_per_code_counts_the_latest_up_to_now() {
    let sandbox = Sandbox::new();
    let round = personal_round(&sandbox, &FIVE, &[]);
    // The collector's own copy has no code: answering with it is refused.
    let kept = sandbox
        .data_dir()
        .join("rounds")
        .join(&round.id)
        .join("invite.toml");
    let answers = sandbox.write(
        "a.toml",
        &format!(
            "questionnaire = \"small-team\"\n{}",
            small("peer", 3, "money-seen = 3", None)
        ),
    );
    sandbox
        .run(["respond"])
        .arg(&kept)
        .arg("--answers")
        .arg(&answers)
        .status(1)
        .stderr(
            "error: this round gives each rater a personal invitation, and this is the \
             collector's copy without a code: an answer made with it would not be counted\n  \
             help: answer with the personal invitation you were given (invite-NN.toml, or its \
             page)\n",
        )
        .run();
    let answer = |n: usize, name: &str, lead: u8, at: &str| {
        let file = sandbox.write(
            &format!("{name}.toml"),
            &format!(
                "questionnaire = \"small-team\"\n{}",
                small("peer", lead, "money-seen = 3", None)
            ),
        );
        std::fs::create_dir_all(responses(&sandbox)).unwrap();
        sandbox
            .run(["respond"])
            .arg(&round.invitations[n])
            .arg("--answers")
            .arg(&file)
            .arg("-o")
            .arg(responses(&sandbox).join(format!("{name}.age")))
            .at(at)
            .stdout_any()
            .run();
    };
    // Rater 1 answers, then corrects their answer a day later (the file
    // sorts first, but it is the later one).
    answer(0, "b-first", 1, "2026-11-20T09:00:00Z");
    answer(0, "a-corrected", 5, "2026-11-21T09:00:00Z");
    answer(1, "c", 4, "2026-11-20T10:00:00Z");
    // Rater 3's device clock is set a year ahead: "later" never means after
    // the moment of collecting.
    answer(2, "d-ahead", 1, "2027-11-20T11:00:00Z");
    answer(2, "d", 4, "2026-11-20T11:00:00Z");
    let ran = sandbox
        .run(["collect", &round.id])
        .arg(responses(&sandbox))
        .stderr_checked_by_the_test()
        .output();
    assert_eq!(
        ran.stderr,
        "warning: `[SANDBOX]/responses/b-first.age`: replaced by a later response with the same \
         personal code (`[SANDBOX]/responses/a-corrected.age`)\n\
         warning: `[SANDBOX]/responses/d-ahead.age`: it says it was written after this moment \
         (a device clock set wrong?); ask for it again; not counted\n\
         Read 5 inputs: 5 sealed responses, 3 count.\n"
    );
    assert_eq!(
        ran.stdout,
        format!(
            "Round {id} about Sam Hero: 3 of 5 invited have answered. It closes once every \
             invited person has answered; until then only this count is shown, and the round \
             gives one report when it closes. To close it now: leadgap collect {id} RESPONSES \
             --close\nNo answer yet with invite-04.toml, invite-05.toml (send.csv says whose): a \
             reminder to them, not to everyone.\n",
            id = round.id
        )
    );
}

#[test]
fn the_subjects_own_answers_count_for_nobody_in_a_round_the_collector_runs() {
    // One real peer. The subject, who has seen a form (the public key is in
    // it), seals two answers of their own as peers so that the peer group
    // reaches three and 3 · mean − their two answers gives the real peer's.
    let sandbox = Sandbox::new();
    let round = personal_round(&sandbox, &FIVE, &[]);
    respond_to(
        &sandbox,
        &round.invitations[0],
        "real-peer",
        "small-team",
        &small("peer", 2, "money-seen = 2", Some("The one real comment")),
    );
    let invite = &round.invitations[0];
    let answers = "lead-all = 5\nwould-recommend = 5\nmoney-seen = 5\n";
    // Without a code; with a guessed code.
    let stuffed = by_hand(&round, invite, "s1", "peer", "", answers);
    seal_by_hand(&sandbox, invite, "stuffed", &stuffed);
    let guessed = by_hand(
        &round,
        invite,
        "s2",
        "peer",
        "code = \"00000000000000000000000000000000\"\n",
        answers,
    );
    seal_by_hand(&sandbox, invite, "guessed", &guessed);
    // A direct report's real code, answered as a peer (their invitation
    // fixes their group; a hand-made response claims another).
    let code = invitation(&round.invitations[4])["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let swapped = by_hand(
        &round,
        &round.invitations[4],
        "s3",
        "peer",
        &format!("code = \"{code}\"\n"),
        answers,
    );
    seal_by_hand(&sandbox, invite, "swapped", &swapped);
    // `[response]` says peer, `[context]` says direct report.
    let split = by_hand(
        &round,
        &round.invitations[4],
        "s4",
        "direct-report",
        &format!("code = \"{code}\"\n"),
        "lead-all = 5\nwould-recommend = 5\n",
    )
    .replace(
        "[context]\ngroup = \"direct-report\"",
        "[context]\ngroup = \"peer\"",
    );
    seal_by_hand(&sandbox, invite, "split", &split);
    let ran = sandbox
        .run(["collect", &round.id, "--close"])
        .arg(responses(&sandbox))
        .status(1)
        .stderr_checked_by_the_test()
        .output();
    assert_eq!(
        ran.stderr,
        format!(
            "warning: skipping `[SANDBOX]/responses/split.age`: its group and its answers' group \
             differ\n\
             warning: `[SANDBOX]/responses/guessed.age`: it carries no personal code of this \
             round; not counted\n\
             warning: `[SANDBOX]/responses/stuffed.age`: it carries no personal code of this \
             round; not counted\n\
             warning: `[SANDBOX]/responses/swapped.age`: it answers as another group than its \
             invitation was sent to; not counted\n\
             Read 5 inputs: 5 sealed responses, 1 counts; 1 skipped, named above.\n\
             error: round {} cannot close (you asked to close it): 0 of its 1 counted responses \
             are in groups large enough to show, and no figure rests on fewer than 3\n  help: the \
             round stays open and nothing was saved; collect again when more answers arrive\n",
            round.id
        )
    );
    assert!(!ran.stdout.contains("The one real comment"));
}

#[test]
fn an_invitation_changed_on_the_way_and_answers_from_another_round_count_for_nobody() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six_shared(&sandbox, &round);
    // The invitation a collector is handed with the manager shown alone
    // and a lower minimum: read on a fresh machine, its minimum is refused;
    // with only the manager shown alone, it is another invitation, and the
    // raters' answers, made for the real one, count for nobody.
    let text = std::fs::read_to_string(round.shared()).unwrap();
    let lowered = sandbox.write(
        "lowered.toml",
        &text.replace("min_group = 3", "min_group = 1"),
    );
    let fresh = Sandbox::new();
    fresh.with_collector_key();
    let ran = fresh
        .run(["collect"])
        .arg(&lowered)
        .arg(responses(&sandbox))
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr.contains(
            "a minimum of 1 is too small to keep raters anonymous: no figure may rest on fewer \
             than 3 responses"
        ),
        "{}",
        ran.stderr
    );
    let opened_up = sandbox.write(
        "opened.toml",
        &text.replace(
            "groups = [\"direct-report\", \"peer\", \"manager\"]\n",
            "groups = [\"direct-report\", \"peer\", \"manager\"]\nopen_groups = [\"manager\"]\n",
        ),
    );
    assert_ne!(std::fs::read_to_string(&opened_up).unwrap(), text);
    lone_manager(&sandbox, round.shared(), 1, 1, "no");
    let ran = fresh
        .run(["collect", "--close"])
        .arg(&opened_up)
        .arg(responses(&sandbox))
        .status(1)
        .stderr_checked_by_the_test()
        .output();
    let refused = ran
        .stderr
        .matches("it answers another invitation than this round's (one changed on the way, or made up); not counted")
        .count();
    assert_eq!(refused, 7, "{}", ran.stderr);
    assert!(!ran.stdout.contains("Only the manager wrote this"));
    // An answer made for another round of the same subject.
    let other = Sandbox::new();
    let second = small_round(&other, &[]);
    let answer = respond_to(
        &other,
        second.shared(),
        "elsewhere",
        "small-team",
        &small("peer", 5, "money-seen = 5", None),
    );
    std::fs::copy(&answer, responses(&sandbox).join("elsewhere.age")).unwrap();
    let ran = sandbox
        .run(["collect", &round.id, "--status"])
        .arg(responses(&sandbox))
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    assert!(
        ran.stderr
            .contains("skipping `[SANDBOX]/responses/elsewhere.age`: it answers another round\n"),
        "{}",
        ran.stderr
    );
}

#[test]
fn warnings_never_quote_what_is_inside_a_response() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    let seal = |name: &str, text: String| seal_by_hand(&sandbox, round.shared(), name, &text);
    seal(
        "other-round",
        "questionnaire = \"small-team\"\n[response]\nround = \"20200101-secret\"\nid = \"x1\"\n\
         group = \"peer\"\n[context]\ngroup = \"peer\"\n[answers]\nlead-all = 2\n"
            .to_owned(),
    );
    seal(
        "wrong-ids",
        format!(
            "questionnaire = \"small-team\"\n[response]\nround = \"{}\"\nid = \"x2\"\n\
             group = \"peer\"\n[context]\ngroup = \"peer\"\n[answers]\nsecret-question = 2\n",
            round.id
        ),
    );
    let ran = sandbox
        .run(["collect", &round.id, "--status"])
        .arg(responses(&sandbox))
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    assert_eq!(
        ran.stderr,
        "warning: skipping `[SANDBOX]/responses/other-round.age`: it answers another round\n\
         warning: skipping `[SANDBOX]/responses/wrong-ids.age`: its answers do not fit the \
         round's form `small-team`: 1 problem (first at line 9:1)\n\
         Read 2 inputs: 2 sealed responses, 0 count; 2 skipped, named above.\n"
    );
}
