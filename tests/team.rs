//! Team feedback rounds end to end: `invite`, `respond --answers` and
//! `collect`, with the arithmetic worked out by hand, the privacy rules,
//! every kind of bad response, and the keys.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::Sandbox;

/// Starts a round about Sam Hero and returns its id and invite folder.
fn invite(sandbox: &Sandbox, extra: &[&str]) -> (String, PathBuf) {
    let folder = sandbox.scratch().join("invite");
    sandbox
        .run(["invite", "--subject", "Sam Hero", "-o"])
        .arg(&folder)
        .args(extra)
        .run();
    let rounds = std::fs::read_dir(sandbox.data_dir().join("rounds")).unwrap();
    let round = rounds
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .next()
        .unwrap();
    (round, folder)
}

/// Answers `body` (an answer file without its first line) as `name`.
fn respond(sandbox: &Sandbox, folder: &Path, name: &str, body: &str) -> PathBuf {
    let answers = sandbox.write(
        &format!("{name}.toml"),
        &format!("questionnaire = \"it-manager-team\"\n{body}"),
    );
    let responses = sandbox.scratch().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    let out = responses.join(format!("{name}.age"));
    sandbox
        .run(["respond"])
        .arg(folder)
        .arg("--answers")
        .arg(&answers)
        .arg("-o")
        .arg(&out)
        .run();
    std::fs::remove_file(answers).unwrap();
    out
}

/// A direct report who answers only `problem-brought` (1..=5).
fn direct_report(value: u8, keep: &str) -> String {
    format!(
        "[context]\ngroup = \"direct-report\"\n[answers]\nproblem-brought = {value}\n\
         [comments]\nkeep = \"{keep}\"\n"
    )
}

/// A peer or manager who answers only `team-decides` (1..=4).
fn around(group: &str, value: u8) -> String {
    format!("[context]\ngroup = \"{group}\"\n[answers]\nteam-decides = {value}\n")
}

/// Four direct reports, two peers and one manager.
fn seven(sandbox: &Sandbox, folder: &Path) {
    for (i, value) in [1, 2, 3, 5].into_iter().enumerate() {
        respond(
            sandbox,
            folder,
            &format!("dr{i}"),
            &direct_report(value, &format!("Secret praise {i}")),
        );
    }
    respond(sandbox, folder, "peer0", &around("peer", 1));
    respond(sandbox, folder, "peer1", &around("peer", 4));
    respond(sandbox, folder, "manager", &around("manager", 2));
}

fn collect(sandbox: &Sandbox, round: &str, extra: &[&str]) -> Value {
    sandbox
        .run(["collect", round, "--format", "json"])
        .arg(sandbox.scratch().join("responses"))
        .args(extra)
        .run()
        .json()
}

fn theme<'a>(report: &'a Value, id: &str) -> &'a Value {
    support::by_id(&report["themes"], id)
}

#[test]
fn the_teams_view_has_the_hand_worked_means_spreads_and_groups() {
    let sandbox = Sandbox::new();
    let (round, folder) = invite(&sandbox, &[]);
    seven(&sandbox, &folder);
    let report = collect(&sandbox, &round, &[]);
    assert_eq!(report["rater"], "team");
    assert_eq!(report["respondent"], "Sam Hero");
    assert_eq!(report["raters"], 7);
    assert_eq!(report["round"], round.as_str());
    // Delegation. Direct reports answer problem-brought (one of the two
    // delegation questions they are asked: coverage 0.5, scored): 1, 2, 3, 5
    // of 5 score 0, 25, 50, 100. Peers and the manager answer team-decides
    // (one of their two): 1 and 4 of 4 score 0 and 100, 2 of 4 scores 33.33.
    // Team: (0 + 25 + 50 + 100 + 0 + 100 + 33.33) / 7 = 44.05; squared
    // deviations 1940.2 + 362.9 + 35.4 + 3130.4 + 1940.2 + 3130.4 + 114.8 =
    // 10654.3, sd = sqrt(10654.3 / 6) = 42.1.
    let delegation = theme(&report, "delegation");
    assert_eq!(delegation["score"], 44.0);
    assert_eq!(delegation["n"], 7);
    assert_eq!(delegation["sd"], 42.1);
    // Direct reports: (0 + 25 + 50 + 100) / 4 = 43.75, sd 42.7. Peers (2)
    // and the manager (1) are each too few: pooled as `other`,
    // (0 + 100 + 33.33) / 3 = 44.4, sd 50.9.
    let groups = report["groups"].as_array().unwrap();
    let summary: Vec<(&str, u64, &Value, &Value)> = groups
        .iter()
        .map(|g| {
            let t = support::by_id(&g["themes"], "delegation");
            (
                g["id"].as_str().unwrap(),
                g["n"].as_u64().unwrap(),
                &t["score"],
                &t["sd"],
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("direct-report", 4, &Value::from(43.8), &Value::from(42.7)),
            ("other", 3, &Value::from(44.4), &Value::from(50.9)),
        ]
    );
    assert_eq!(
        report["hidden_groups"],
        serde_json::json!(["peer", "stakeholder", "manager"])
    );
    // A theme nobody answered is not shown, and neither is its count: a
    // count below the minimum would say how few answered.
    assert_eq!(theme(&report, "budget")["score"], Value::Null);
    assert_eq!(theme(&report, "budget")["n"], Value::Null);
    // Comments from 3 responses on, without their group.
    let comments: Vec<&str> = report["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["keep"].as_str().unwrap())
        .collect();
    assert_eq!(comments.len(), 4);
    assert!(comments.contains(&"Secret praise 2"));

    // Nothing a rater wrote is kept in clear under the data directory.
    for file in sandbox.all_files() {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Secret praise"), "{}", file.display());
        assert!(!text.contains("problem-brought ="), "{}", file.display());
    }
    // The round's key is private.
    let identity = sandbox
        .data_dir()
        .join("rounds")
        .join(&round)
        .join("identity.txt");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&identity).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn a_duplicate_counts_once_and_bad_files_are_warnings() {
    let sandbox = Sandbox::new();
    let (round, folder) = invite(&sandbox, &[]);
    seven(&sandbox, &folder);
    let responses = sandbox.scratch().join("responses");
    std::fs::copy(responses.join("dr0.age"), responses.join("copy.age")).unwrap();
    // Cut short, and edited after encryption.
    let sealed = std::fs::read(responses.join("dr1.age")).unwrap();
    std::fs::write(responses.join("short.age"), &sealed[..sealed.len() / 2]).unwrap();
    let mut edited = sealed.clone();
    let last = edited.len() - 1;
    edited[last] ^= 1;
    std::fs::write(responses.join("edited.age"), edited).unwrap();
    // For another key.
    let (_, stranger) = leadgap::envelope::generate();
    std::fs::write(
        responses.join("stranger.age"),
        leadgap::envelope::seal(&stranger, b"questionnaire = \"it-manager-team\"\n").unwrap(),
    )
    .unwrap();
    // Another round's, and one with wrong ids inside, sealed for this round.
    let recipient = {
        let invite: toml::Table =
            toml::from_str(&std::fs::read_to_string(folder.join("invite.toml")).unwrap()).unwrap();
        invite["recipient"].as_str().unwrap().to_owned()
    };
    let seal = |name: &str, text: &str| {
        std::fs::write(
            responses.join(name),
            leadgap::envelope::seal(&recipient, text.as_bytes()).unwrap(),
        )
        .unwrap();
    };
    seal(
        "other-round.age",
        "questionnaire = \"it-manager-team\"\n[response]\nround = \"20200101-aaaaaa\"\nid = \"x1\"\n\
         group = \"peer\"\n[context]\ngroup = \"peer\"\n[answers]\nteam-decides = 2\n",
    );
    seal(
        "wrong-ids.age",
        &format!(
            "questionnaire = \"it-manager-team\"\n[response]\nround = \"{round}\"\nid = \"x2\"\n\
             group = \"peer\"\n[context]\ngroup = \"peer\"\n[answers]\nteam-decided = 2\n"
        ),
    );
    let ran = sandbox
        .run(["collect", &round, "--format", "json"])
        .arg(&responses)
        .run();
    let report = ran.json();
    assert_eq!(
        report["raters"], 7,
        "the copy counts once; the bad files not at all"
    );
    let warnings: Vec<&str> = ran.stderr.lines().collect();
    let expect = |file: &str, why: &str| {
        assert!(
            warnings
                .iter()
                .any(|w| w.contains(&format!("{file}`: ")) && w.contains(why)),
            "{file}: {why}\n{}",
            ran.stderr
        );
    };
    expect("short.age", "cut short");
    expect("edited.age", "edited");
    expect("stranger.age", "encrypted for another key");
    expect("other-round.age", "it answers round 20200101-aaaaaa");
    expect("wrong-ids.age", "unknown question id `team-decided`");
    // copy.age and dr0.age hold the same response: whichever comes second
    // is said to be a copy.
    assert!(
        ran.stderr
            .contains("dr0.age: the same response as another file; counted once")
    );
}

#[test]
fn too_few_responses_is_an_error_and_nothing_is_saved() {
    let sandbox = Sandbox::new();
    let (round, folder) = invite(&sandbox, &[]);
    respond(&sandbox, &folder, "a", &direct_report(1, "a"));
    respond(&sandbox, &folder, "b", &direct_report(2, "b"));
    sandbox
        .run(["collect", &round])
        .arg(sandbox.scratch().join("responses"))
        .status(1)
        .stderr(&format!(
            "error: 2 valid responses to round {round}; at least 3 are needed before anything can \
             be shown\n  help: wait for more responses; nothing was saved\n"
        ))
        .run();
    assert!(sandbox.reports().is_empty());
}

#[test]
fn with_a_recipient_only_its_identity_opens_the_responses() {
    let sandbox = Sandbox::new();
    let (secret, public) = leadgap::envelope::generate();
    let key = sandbox.write("mentor-key.txt", &format!("{secret}\n"));
    let (round, folder) = invite(&sandbox, &["--recipient", &public]);
    assert!(
        !sandbox
            .data_dir()
            .join("rounds")
            .join(&round)
            .join("identity.txt")
            .exists()
    );
    seven(&sandbox, &folder);
    sandbox
        .run(["collect", &round])
        .arg(sandbox.scratch().join("responses"))
        .status(1)
        .stderr(&format!(
            "error: the responses of round {round} are encrypted to {public}, whose key this data \
             directory does not have\n  help: pass --identity FILE with the matching age key (the \
             collector's)\n"
        ))
        .run();
    let report = collect(&sandbox, &round, &["--identity", key.to_str().unwrap()]);
    assert_eq!(report["raters"], 7);
}

#[test]
fn invite_refuses_a_minimum_below_three_and_unknown_groups() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["invite", "--subject", "Sam", "--min-group", "2"])
        .status(1)
        .stderr(
            "error: --min-group 2 is too small to keep raters anonymous\n  help: give 3 or more\n",
        )
        .run();
    sandbox
        .run(["invite", "--subject", "Sam", "--group", "peers"])
        .status(1)
        .stderr(
            "error: `peers` is not a group of `it-manager-team`; did you mean `peer`?\n  help: its \
             groups are: direct-report, peer, stakeholder, manager\n",
        )
        .run();
}

#[test]
fn compare_sets_the_self_view_against_the_team_with_its_spread_and_groups() {
    let sandbox = Sandbox::new();
    sandbox.assess_at("2026-11-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    let (round, folder) = invite(&sandbox, &[]);
    seven(&sandbox, &folder);
    let team = collect(&sandbox, &round, &[]);
    let comparison = sandbox
        .run([
            "compare",
            "2026-11-01T09-00-00Z",
            team["id"].as_str().unwrap(),
        ])
        .args(["--format", "json"])
        .run()
        .json();
    let delegation = support::by_id(&comparison["themes"], "delegation");
    // Sam's own delegation is 1.8; the team's 44.0, spread 42.1: themes of
    // a self form and its team form are compared by id.
    assert_eq!(delegation["status"], "comparable");
    assert_eq!(delegation["self"], 1.8);
    assert_eq!(delegation["other"], 44.0);
    assert_eq!(delegation["flag"], "hidden-strength");
    assert_eq!(delegation["spread"], 42.1);
    let groups: Vec<&str> = comparison["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["direct-report", "other"]);
}

#[test]
fn the_team_radar_draws_the_managers_own_scores_beside_the_teams() {
    let sandbox = Sandbox::new();
    sandbox.assess_at("2026-11-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    let (round, folder) = invite(&sandbox, &[]);
    seven(&sandbox, &folder);
    let svg = sandbox
        .run(["collect", &round, "--no-save", "--format", "svg"])
        .arg(sandbox.scratch().join("responses"))
        .run()
        .stdout;
    let svg = roxmltree::Document::parse(&svg).unwrap();
    let legend: Vec<&str> = svg
        .descendants()
        .filter(|n| n.attribute("class") == Some("legend"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(legend, ["Self", "Team", "Target"]);
    // Sam scored every one of the nine themes: nine triangles, and the
    // legend's own.
    let own = svg
        .descendants()
        .filter(|n| n.attribute("class") == Some("point other"))
        .count();
    assert_eq!(own, 9 + 1);
}

#[test]
fn history_keeps_the_teams_view_as_its_own_series() {
    let sandbox = Sandbox::new();
    sandbox.assess_at("2026-11-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    let (round, folder) = invite(&sandbox, &[]);
    seven(&sandbox, &folder);
    collect(&sandbox, &round, &[]);
    let history = sandbox.run(["history", "--format", "json"]).run().json();
    let series: Vec<(&str, &str, &Value)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["questionnaire"]["id"].as_str().unwrap(),
                s["rater"].as_str().unwrap(),
                &support::by_id(&s["themes"], "delegation")["score"],
            )
        })
        .collect();
    assert_eq!(
        series,
        [
            ("it-manager", "self", &Value::from(1.8)),
            ("it-manager-team", "team", &Value::from(44.0)),
        ]
    );
}

#[test]
fn a_team_forms_template_is_a_response_to_fill_in() {
    let sandbox = Sandbox::new();
    let template = sandbox
        .run(["template", "-q", "it-manager-team"])
        .run()
        .stdout;
    let head: Vec<&str> = template.lines().take(10).collect();
    assert_eq!(
        head,
        [
            "# leadgap answer file: \"How your IT manager manages: the team's view\" (it-manager-team 1.0.0).",
            "#",
            "# Write each answer after its `=`, as the comment above it describes, or",
            "# \"skip\" for \"not sure / doesn't apply\". An answer left as \"\" is not given,",
            "# as if skipped. Then run:",
            "#",
            "#     leadgap check this-file.toml",
            "#     leadgap respond INVITE-FOLDER --answers this-file.toml",
            "",
            "questionnaire = \"it-manager-team\"",
        ]
    );
    let tail = &template[template.find("[comments]").unwrap()..];
    assert_eq!(
        tail,
        "[comments]\n\
         # Optional. The collector reads them without your group, in a random order,\n\
         # and only when at least the round's minimum number of people answered.\n\
         \n\
         # What should this manager keep doing?\n\
         keep = \"\"\n\
         \n\
         # What should this manager change?\n\
         change = \"\"\n"
    );

    // Filled in by a peer as far as they can judge, it is a valid response.
    let filled = template
        .replace("group = \"\"", "group = \"peer\"")
        .replace("team-decides = \"\"", "team-decides = 3")
        .replace("change = \"\"", "change = \"Fewer status meetings\"");
    let path = sandbox.write("peer.toml", &filled);
    sandbox
        .run(["check"])
        .arg(&path)
        .stdout(
            "ok: [SANDBOX]/peer.toml: answers to `it-manager-team`: 1 of 20 questions answered\n",
        )
        .run();
    let (_, folder) = invite(&sandbox, &[]);
    let out = sandbox.scratch().join("peer.age");
    sandbox
        .run(["respond"])
        .arg(&folder)
        .arg("--answers")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .run();
    assert!(
        std::fs::read(&out)
            .unwrap()
            .starts_with(b"age-encryption.org/v1\n")
    );
}

#[test]
fn invite_says_what_to_send_to_whom_and_who_can_read_what() {
    let sandbox = Sandbox::new();
    let folder = sandbox.scratch().join("invite");
    let ran = sandbox
        .run(["invite", "--subject", "Sam Hero", "--closes", "+2w", "-o"])
        .arg(&folder)
        .at("2026-11-23T09:00:00Z")
        .stderr("")
        .run();
    let round = std::fs::read_dir(sandbox.data_dir().join("rounds"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .file_name()
        .into_string()
        .unwrap();
    assert_eq!(
        ran.stdout.replace(&round, "ROUND"),
        "Round ROUND about Sam Hero: it-manager-team 1.0.0, groups direct-report, peer, \
         stakeholder, manager, at least 3 responses per group.\n\
         \n\
         Send [SANDBOX]/invite/invite.html to each person you want to hear from (the team, \
         peers, stakeholders, Sam Hero's manager), and ask them to answer by 2026-12-07. It \
         works offline in any current browser; people who prefer the terminal can run `leadgap \
         respond` on invite.toml instead.\n\
         Each rater gets an encrypted file, response-ROUND-….age, and sends it back. Sam Hero \
         may pass them along but cannot read them. Only this data directory can open them (the \
         round's key is in [DATA]/rounds/ROUND); keep it private.\n\
         Nothing is shown of a group with fewer than 3 responses, and comments are shown \
         without their group.\n\
         \n\
         When the responses are in: leadgap collect ROUND FOLDER-OF-RESPONSES\n"
    );
    let invite = std::fs::read_to_string(folder.join("invite.toml")).unwrap();
    assert!(round.starts_with("20261123-"), "{round}");
    let invite: toml::Table = toml::from_str(&invite).unwrap();
    assert_eq!(invite["min_group"].as_integer(), Some(3));
    assert_eq!(invite["closes"].as_str(), Some("2026-12-07"));
}

#[test]
fn the_teams_view_in_the_terminal() {
    let sandbox = Sandbox::new();
    sandbox.assess_at("2026-11-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    let (round, folder) = invite(&sandbox, &[]);
    seven(&sandbox, &folder);
    let table = sandbox
        .run(["collect", &round, "--no-save"])
        .arg(sandbox.scratch().join("responses"))
        .at("2026-11-23T09:00:00Z")
        .env("COLUMNS", "100")
        .stderr("")
        .run()
        .stdout
        .replace(&round, "ROUND");
    // The comments come in a random order: all four, then the rest as is.
    let (praise, rest): (Vec<&str>, Vec<&str>) =
        table.lines().partition(|l| l.contains("Secret praise"));
    assert_eq!(praise.len(), 4, "{table}");
    insta::assert_snapshot!("team_table", rest.join("\n"));
}
