//! The built-in team form, as the README walks it: the report beside the
//! manager's own view, a response filled in from the template, a form that
//! travels with nothing installed, the page without JavaScript.

use serde_json::json;

use super::*;
use crate::support::{self, Sandbox};

#[test]
fn the_built_in_team_form_in_the_terminal_beside_the_managers_own_view() {
    let sandbox = Sandbox::new();
    sandbox.assess_at("2026-11-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    sandbox.with_collector_key();
    let round = start(&sandbox, &["--self-collect"]);
    for (name, group, level) in [
        ("a", "direct-report", 0),
        ("b", "direct-report", 1),
        ("c", "direct-report", 2),
        ("d", "peer", 1),
        ("e", "peer", 2),
        ("f", "peer", 3),
    ] {
        respond_to(
            &sandbox,
            round.shared(),
            name,
            "it-manager-team",
            &built_in_answers(group, level),
        );
    }
    let table = sandbox
        .run(["collect", &round.id, "--close"])
        .arg(responses(&sandbox))
        .env("COLUMNS", "100")
        .stderr(&format!(
            "{}Closed round {} and saved its signed report to [DATA]/reports/{}.toml.\n",
            read_all(6),
            round.id,
            support::NOW_ID
        ))
        .output()
        .stdout
        .replace(&round.id, "ROUND");
    insta::assert_snapshot!("team_table", table);
    // The team report shown again stands beside the manager's own, as
    // `collect` printed it.
    let again = sandbox
        .run(["show", support::NOW_ID])
        .env("COLUMNS", "100")
        .output()
        .stdout
        .replace(&round.id, "ROUND");
    let section = |text: &str| {
        text[text.find("\nThe team's view\n").unwrap()..text.find("\nWork on first\n").unwrap()]
            .to_owned()
    };
    assert_eq!(section(&again), section(&table));
    assert!(section(&again).contains("Self  Facts/views"));
    // The manager's own report, shown again, stands beside the team's:
    // views, facts, score and the team's score per theme.
    let own = sandbox
        .run(["show", "2026-11-01T09-00-00Z"])
        .env("COLUMNS", "100")
        .output()
        .stdout
        .replace(&round.id, "ROUND");
    let beside = &own
        [own.find("\nBeside your team's view\n").unwrap()..own.find("\nWork on first\n").unwrap()];
    insta::assert_snapshot!("self_beside_team", beside);
    // And `compare SELF TEAM` puts the self-view's facts and views beside
    // the team's score.
    let compared = sandbox
        .run([
            "compare",
            "2026-11-01T09-00-00Z",
            support::NOW_ID,
            "--format",
            "json",
        ])
        .stdout_any()
        .run()
        .json();
    let delegation = support::by_id(&compared["themes"], "delegation");
    assert_eq!(
        (&delegation["facts"], &delegation["views"]),
        (&json!(0.0), &json!(5.0))
    );
    let table = sandbox
        .run(["compare", "2026-11-01T09-00-00Z", support::NOW_ID])
        .env("COLUMNS", "120")
        .output()
        .stdout
        .replace(&round.id, "ROUND");
    insta::assert_snapshot!("compare_self_team", table);
}

#[test]
fn a_team_forms_template_is_a_response_to_fill_in() {
    let sandbox = Sandbox::new();
    let template = sandbox
        .run(["template", "-q", "it-manager-team"])
        .output()
        .stdout;
    let head: Vec<&str> = template.lines().take(10).collect();
    assert_eq!(
        head,
        [
            "# leadgap answer file: \"How your IT manager manages: the team's view\" (it-manager-team 2.2.0).",
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
    // Filled in by a peer as far as they can judge, it is a valid response;
    // answering too little of what a peer is asked, it would not count,
    // and `respond` says so before anything is sent.
    let mut filled = template
        .replace("group = \"\"", "group = \"peer\"")
        .replace("team-decides = \"\"", "team-decides = 3")
        .replace("change = \"\"", "change = \"Fewer status meetings\"");
    let path = sandbox.write("peer.toml", &filled);
    sandbox
        .run(["check"])
        .arg(&path)
        .stdout(
            "ok: [SANDBOX]/peer.toml: answers to `it-manager-team`: 1 of 38 questions answered\n",
        )
        .run();
    sandbox.with_collector_key();
    let round = start(&sandbox, &["--self-collect"]);
    sandbox
        .run(["respond"])
        .arg(&round.folder)
        .arg("--answers")
        .arg(&path)
        .status(1)
        .stderr(
            "error: you answered 1 of the 8 questions asked of your group: an answer counts only \
             when it answers at least half of them, so this one would not be counted\n  help: \
             answer more of them (\"don't know\" is an answer where it is offered); nothing was \
             written\n",
        )
        .run();
    for (id, value) in [
        ("team-decides", "2"),
        ("update-heard", "\"decision\""),
        ("when-away", "\"named-all\""),
        ("credit-given", "\"the-team\""),
        ("would-recommend", "4"),
    ] {
        filled = filled.replace(&format!("{id} = \"\""), &format!("{id} = {value}"));
    }
    let path = sandbox.write("peer.toml", &filled);
    let out = sandbox.scratch().join("peer.age");
    sandbox
        .run(["respond"])
        .arg(&round.folder)
        .arg("--answers")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .stdout_any()
        .run();
    assert!(
        std::fs::read(&out)
            .unwrap()
            .starts_with(b"age-encryption.org/v1\n")
    );
}

#[test]
fn a_custom_form_travels_to_raters_and_to_a_collector_on_another_machine() {
    // The collector starts the round from a form file of their own; raters
    // answer from their invitations alone; the collector collects on a
    // second machine of theirs, with their key. Neither has the form
    // installed.
    let collector = Sandbox::new();
    collector.with_collector_key();
    let mut form = std::fs::read_to_string(support::repo().join(SMALL)).unwrap();
    // Without its own groups: the default ones, with plain labels.
    let start_at = form.find("[[context]]").unwrap();
    let end = form.find("[[themes]]").unwrap();
    form.replace_range(start_at..end, "");
    form = form.replace(
        "in = [\"peer\", \"manager\"]",
        "in = [\"peer\", \"stakeholder\"]",
    );
    std::fs::create_dir_all(collector.scratch().join("ours")).unwrap();
    std::fs::write(collector.scratch().join("ours/team.toml"), &form).unwrap();
    std::fs::copy(
        support::repo().join("tests/fixtures/team/rubric.toml"),
        collector.scratch().join("ours/rubric.toml"),
    )
    .unwrap();
    let list = rater_list(
        &collector,
        &[
            ("a", "stakeholder"),
            ("b", "stakeholder"),
            ("c", "stakeholder"),
        ],
    );
    let team_form = collector.scratch().join("ours/team.toml");
    let round = start(
        &collector,
        &[
            "-q",
            team_form.to_str().unwrap(),
            "--raters",
            list.to_str().unwrap(),
            "--collector",
            "Morgan Lee",
        ],
    );
    let raters = Sandbox::new();
    for (i, all) in [5, 3, 1].into_iter().enumerate() {
        let copy = raters.write(
            &format!("invite-{i}.toml"),
            &std::fs::read_to_string(&round.invitations[i]).unwrap(),
        );
        respond_to(
            &raters,
            &copy,
            &format!("r{i}"),
            "small-team",
            &small("stakeholder", all, "money-seen = 3", None),
        );
    }
    let page = std::fs::read_to_string(round.invitations[0].with_extension("html")).unwrap();
    assert!(
        page.contains(
            "<option value=\"stakeholder\" selected=\"selected\">My part of the organisation \
             works with their team</option>"
        ),
        "the default groups, labelled plainly"
    );
    let laptop = Sandbox::new();
    laptop.with_collector_key();
    let report = laptop
        .run(["collect", "--format", "json"])
        .arg(&round.invitations[1])
        .arg(responses(&raters))
        .stderr_checked_by_the_test()
        .stdout_any()
        .run()
        .json();
    // Stakeholders, lead (lead-all only): 100, 50, 0.
    assert_eq!(theme(&report, "lead")["score"], 50.0);
    assert_eq!(group(&report, "stakeholder").unwrap()["n"], 3);
}

#[test]
fn the_page_without_javascript_says_how_to_answer_and_shows_no_question() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    let page = std::fs::read_to_string(round.folder.join("invite.html")).unwrap();
    assert!(page.contains("<form id=\"leadgap-response\" hidden=\"hidden\""));
    assert!(page.contains(
        "<noscript><p class=\"warning\">This page needs JavaScript to seal your answers on your \
         device, and it is turned off. You can answer in a terminal instead, with leadgap and the \
         invitation file that came with this page: <code>leadgap respond invite.toml</code>.</p>\
         </noscript>"
    ));
    assert_eq!(
        page.matches("<fieldset class=\"q\" hidden=\"hidden\"")
            .count(),
        5,
        "every question hidden until a group is chosen"
    );
    // Theme titles in the raters' voice, where the form gives them.
    let built_in = Sandbox::new();
    built_in.with_collector_key();
    let round = start(&built_in, &["--self-collect"]);
    let page = std::fs::read_to_string(round.folder.join("invite.html")).unwrap();
    assert!(page.contains("<h2>What they spend their time on</h2>"));
    assert!(!page.contains("<h2>Valuing your work</h2>"));
}

#[test]
fn a_comment_longer_than_the_form_takes_is_refused_before_it_is_sealed() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    let answers = sandbox.write(
        "long.toml",
        &format!(
            "questionnaire = \"small-team\"\n{}",
            small("peer", 3, "money-seen = 3", Some(&"x".repeat(2001)))
        ),
    );
    sandbox
        .run(["respond"])
        .arg(&round.folder)
        .arg("--answers")
        .arg(&answers)
        .status(1)
        .stderr("error: [SANDBOX]/long.toml:9:8: a comment is at most 2000 characters\n")
        .run();
}

#[test]
fn a_team_report_received_by_mail_is_read_beside_your_own_and_imported() {
    // The collector (with the key) closes a round about Sam Hero and sends
    // its report file; Sam has only their own self-assessment.
    let collector = Sandbox::new();
    collector.with_collector_key();
    let round = start(&collector, &["--open-link", "--collector", "Morgan Lee"]);
    for (name, group, level) in [
        ("a", "direct-report", 0),
        ("b", "direct-report", 1),
        ("c", "direct-report", 2),
    ] {
        respond_to(
            &collector,
            round.shared(),
            name,
            "it-manager-team",
            &built_in_answers(group, level),
        );
    }
    let sent = collector.scratch().join("team-report.toml");
    collector
        .run(["collect", &round.id, "--close", "-o"])
        .arg(&sent)
        .arg(responses(&collector))
        .stderr_checked_by_the_test()
        .run();
    let sam = Sandbox::new();
    sam.assess_at("2026-11-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    let received = sam.write("team-report.toml", &std::fs::read_to_string(&sent).unwrap());
    // `-o x.toml` wrote the report file itself, which `show` reads from
    // Downloads and sets beside Sam's own, found in the data directory.
    let shown = sam
        .run(["show"])
        .arg(&received)
        .env("COLUMNS", "100")
        .output()
        .stdout;
    assert!(shown.contains("Self  Facts/views"), "{shown}");
    // Brought in once; a second time it is already there.
    let id = support::NOW_ID;
    sam.run(["import"])
        .arg(&received)
        .stdout(&format!(
            "Imported {id} (Sam Hero, the team's view) as [DATA]/reports/{id}.toml\n"
        ))
        .stderr("See it beside your own with: leadgap show latest\n")
        .run();
    sam.run(["import"])
        .arg(&received)
        .stdout(&format!("Already here: {id} (Sam Hero, the team's view)\n"))
        .stderr("See it beside your own with: leadgap show latest\n")
        .run();
    // Now Sam's latest self-assessment stands beside the team's view.
    let own = sam.run(["show"]).env("COLUMNS", "100").output().stdout;
    assert!(own.contains("\nBeside your team's view\n"), "{own}");
    // The same round's report under another id is a second report of one
    // round, refused; nothing more is saved.
    let again = sam.write(
        "again.toml",
        &std::fs::read_to_string(&received).unwrap().replacen(
            &format!("id = \"{id}\""),
            "id = \"2026-11-23T09-00-00Z\"",
            1,
        ),
    );
    let refused = sam
        .run(["import"])
        .arg(&again)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        refused.stderr.starts_with(&format!(
            "error: `[SANDBOX]/again.toml`: the team report of round {} is already saved here ({id}); \
             a round gives one report\n",
            round.id
        )),
        "{}",
        refused.stderr
    );
    assert_eq!(sam.reports().len(), 2);
}
