//! The action plan: commitments from scripted runs, listing with overdue
//! actions first, done/drop/edit, follow-through on the next report, and a
//! damaged plan file.

use crate::support;
use crate::support::RULES;

use crate::support::{NOW_ID, Sandbox, rules_answers};
use serde_json::{Value, json};

/// The rules answers with three actions: two on alpha (one due on a given
/// date, one by default in 30 days) and one on delta in two weeks.
fn answers_with_plan(sandbox: &Sandbox) -> std::path::PathBuf {
    let base =
        std::fs::read_to_string(support::repo().join("tests/fixtures/rules/answers.toml")).unwrap();
    sandbox.write(
        "planned.toml",
        &format!(
            "{base}\n[[plan]]\ntheme = \"alpha\"\ntext = \"Pair on the alpha runbook\"\ndue = \"2027-01-15\"\n\n\
             [[plan]]\ntheme = \"alpha\"\ntext = \"Hand over the alpha report\"\n\n\
             [[plan]]\ntheme = \"delta\"\ntext = \"Answer d2 next time\"\ndue = \"+2w\"\n"
        ),
    )
}

fn plan_json(sandbox: &Sandbox, now: &str, args: &[&str]) -> Value {
    sandbox
        .run(["plan", "--format", "json"])
        .args(args)
        .at(now)
        .stderr("")
        .stdout_any()
        .run()
        .json()
}

#[test]
fn a_scripted_run_commits_the_answer_files_plan() {
    let sandbox = Sandbox::new();
    let answers = answers_with_plan(&sandbox);
    let report = sandbox
        .run(["assess", "-q", RULES, "--format", "json", "-a"])
        .arg(&answers)
        .stderr(&format!(
            "Added #1, #2, #3 to your plan (`leadgap plan` lists it).\n\
             Saved to [DATA]/reports/{NOW_ID}.toml\nSee it again with: leadgap show {NOW_ID}\n"
        ))
        .stdout_any()
        .run()
        .json();
    let made: Vec<(&str, &str, &str)> = report["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["theme"].as_str().unwrap(),
                a["due"].as_str().unwrap(),
                a["status"].as_str().unwrap(),
            )
        })
        .collect();
    // Today is 2026-11-22: +30 days by default, +2w explicitly.
    assert_eq!(
        made,
        [
            ("alpha", "2027-01-15", "open"),
            ("alpha", "2026-12-22", "open"),
            ("delta", "2026-12-06", "open")
        ]
    );
    let listed = plan_json(&sandbox, support::NOW, &[]);
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["report"] == support::NOW_ID)
    );

    // Nothing is committed without a saved report to link to.
    let other = Sandbox::new();
    other
        .run(["assess", "-q", RULES, "--no-save", "-a"])
        .arg(&answers)
        .stderr("The answer file's [[plan]] actions are not saved with --no-save.\n")
        .stdout_any()
        .run();
    assert!(!other.data_dir().join("plan.toml").exists());
}

#[test]
fn plan_lists_overdue_actions_first() {
    let sandbox = Sandbox::new();
    let answers = answers_with_plan(&sandbox);
    sandbox.assess_at(
        support::NOW,
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    // On 2026-12-23, #3 (due 12-06) and #2 (due 12-22) are overdue.
    let listed = plan_json(&sandbox, "2026-12-23T09:00:00Z", &[]);
    let order: Vec<(u64, bool, &str)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["number"].as_u64().unwrap(),
                a["overdue"].as_bool().unwrap(),
                a["standing"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            (3, true, "overdue by 17 days"),
            (2, true, "overdue by 1 day"),
            (1, false, "due in 23 days")
        ]
    );
    let table = sandbox.run(["plan"]).at("2026-12-23T09:00:00Z").output();
    insta::assert_snapshot!("plan_table", table.stdout);
}

#[test]
fn done_drop_and_edit() {
    let sandbox = Sandbox::new();
    let answers = answers_with_plan(&sandbox);
    sandbox.assess_at(
        support::NOW,
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    sandbox
        .run(["plan", "done", "1", "--note", "Lee paired twice"])
        .stdout("#1 done: Pair on the alpha runbook\n")
        .stderr("")
        .run();
    sandbox
        .run(["plan", "drop", "3"])
        .stdout("#3 dropped: Answer d2 next time\n")
        .run();
    sandbox
        .run(["plan", "edit", "2", "--text", "Hand over the alpha report to Sam", "--due", "2027-02-01"])
        .stdout("Changed #2 (Alpha: every kind, weights): Hand over the alpha report to Sam — due 2027-02-01\n")
        .run();

    let open = plan_json(&sandbox, support::NOW, &[]);
    assert_eq!(open.as_array().unwrap().len(), 1);
    let all = plan_json(&sandbox, support::NOW, &["--all"]);
    let first = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["number"] == 1)
        .unwrap();
    assert_eq!(
        (first["status"].clone(), first["note"].clone()),
        (json!("done"), json!("Lee paired twice"))
    );
    assert_eq!(first["closed"], support::NOW);

    sandbox
        .run(["plan", "--all", "--format", "markdown"])
        .stdout(
            "## Action plan\n\n\
             - [ ] #2 **Alpha: every kind, weights**: Hand over the alpha report to Sam (due 2027-02-01; \
             due in 71 days)\n\
             - [ ] #3 **Delta: coverage exactly at the cut-off**: Answer d2 next time (due 2026-12-06; \
             dropped 2026-11-22)\n\
             - [x] #1 **Alpha: every kind, weights**: Pair on the alpha runbook (due 2027-01-15; done \
             2026-11-22) — Lee paired twice\n",
        )
        .run();

    sandbox
        .run(["plan", "done", "1"])
        .status(1)
        .stderr("error: action #1 is already done\n")
        .run();
    sandbox.run(["plan", "done", "9"]).status(1).stderr(
        "error: there is no action number 9 in the plan\n  help: `leadgap plan --all` lists them; the numbers are 1, 2, 3\n",
    ).run();
    sandbox.run(["plan", "edit", "2", "--due", "next week"]).status(1).stderr(
        "error: --due: `next week` is not a date: write it as 2027-01-15, or from today as +10d (days), +6w (weeks) or +2m (months)\n",
    ).run();
    sandbox
        .run(["plan", "edit", "2"])
        .status(1)
        .stderr("error: nothing to change in action #2\n  help: give --text, --due or --theme\n")
        .run();
    sandbox
        .run(["plan", "add", "--theme", "alpah", "x"])
        .status(1)
        .stderr(
            "error: unknown theme `alpah`; did you mean `alpha`?\n  help: the themes are: alpha, beta, \
             gamma, delta, epsilon\n",
        )
        .run();
}

#[test]
fn the_next_report_shows_the_follow_through() {
    let sandbox = Sandbox::new();
    let answers = answers_with_plan(&sandbox);
    sandbox.assess_at(
        "2026-11-22T09:00:00Z",
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    sandbox
        .run(["plan", "done", "1", "--note", "Lee ran it alone *twice*"])
        .stdout_any()
        .run();
    sandbox
        .run(["plan", "drop", "3", "--note", "Not worth it"])
        .stdout_any()
        .run();
    let better = rules_answers(&sandbox, "b.toml", &[("a-scale = 4", "a-scale = 5")]);
    let report = sandbox.assess_at(
        "2027-02-01T09:00:00Z",
        &["-q", RULES, "-a", better.to_str().unwrap()],
    );
    assert_eq!(
        report["follow_through"],
        json!({
            "report": "2026-11-22T09-00-00Z", "created": "2026-11-22T09:00:00Z",
            "total": 3, "done": 1, "dropped": 1, "open": 1,
            "themes": [
                {"id": "alpha", "title": "Alpha: every kind, weights", "actions": 2, "done": 1,
                 "before": 46.9, "now": 50.0, "change": 3.1},
                {"id": "delta", "title": "Delta: coverage exactly at the cut-off", "actions": 1, "done": 0,
                 "before": 50.0, "now": 50.0, "change": 0.0},
            ]
        })
    );
    let table = sandbox.run(["show", "latest"]).output().stdout;
    let follow =
        &table[table.find("Follow-through").unwrap()..table.find("\nAbout these").unwrap()];
    assert_eq!(
        follow,
        "Follow-through on the last plan\n   From the report of 2026-11-22 you committed to 3 actions: \
         1 done, 1 dropped, 1 still\n     open.\n   Alpha: every kind, weights: 2 actions, 1 done; 47 \
         → 50 (+3).\n   Delta: coverage exactly at the cut-off: 1 action, 0 done; 50 → 50 (0).\n\n\
         Progress since the baseline\n   Alpha: every kind, weights: 47 → 50 since 2026-11-22; 3 of \
         the 23 points to the\n     target of 70 closed.\n",
        "only the theme that moved is listed, in points"
    );

    // The first report shows the plan made with it, as it stands now.
    let first = sandbox
        .run(["show", "2026-11-22T09-00-00Z", "--format", "markdown"])
        .at("2027-02-01T09:00:00Z")
        .output()
        .stdout;
    let made = &first[first.find("## Plan made").unwrap()..first.find("\n## About").unwrap()];
    // A dropped action is struck through, not an open box; notes follow
    // their action, escaped.
    assert_eq!(
        made,
        "## Plan made with this report\n\n\
         - [x] #1 Alpha: every kind, weights: Pair on the alpha runbook (due 2027-01-15; done 2026-11-22)\n\
         \x20 > Lee ran it alone \\*twice\\*\n\
         - [ ] #2 Alpha: every kind, weights: Hand over the alpha report (due 2026-12-22; overdue by 41 days)\n\
         - ~~#3 Delta: coverage exactly at the cut-off: Answer d2 next time (due 2026-12-06; dropped 2026-11-22)~~\n\
         \x20 > Not worth it\n"
    );
    let table = sandbox
        .run(["show", "2026-11-22T09-00-00Z"])
        .at("2027-02-01T09:00:00Z")
        .output()
        .stdout;
    let made = &table[table.find("Plan made").unwrap()..table.find("\nAbout").unwrap()];
    assert_eq!(
        made,
        "Plan made with this report\n\
         \x20  [x] #1 Alpha: every kind, weights: Pair on the alpha runbook (due 2027-01-15; done\n\
         \x20      2026-11-22)\n\
         \x20      > Lee ran it alone *twice*\n\
         \x20  [ ] #2 Alpha: every kind, weights: Hand over the alpha report (due 2026-12-22;\n\
         \x20      overdue by 41 days)\n\
         \x20  [-] #3 Delta: coverage exactly at the cut-off: Answer d2 next time (due 2026-12-06;\n\
         \x20      dropped 2026-11-22)\n\
         \x20      > Not worth it\n"
    );
    let history = sandbox.run(["history"]).output().stdout;
    let plan_row = history.lines().find(|l| l.starts_with(" Plan")).unwrap();
    assert_eq!(
        plan_row.split_whitespace().collect::<Vec<_>>(),
        ["Plan", "1", "of", "3", "done"]
    );
}

#[test]
fn a_damaged_plan_file_is_never_overwritten() {
    let sandbox = Sandbox::new();
    let answers = answers_with_plan(&sandbox);
    sandbox.assess_at(
        support::NOW,
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    let path = sandbox.data_dir().join("plan.toml");
    let damaged = std::fs::read_to_string(&path).unwrap().replacen(
        "status = \"open\"",
        "status = \"maybe\"",
        1,
    );
    std::fs::write(&path, &damaged).unwrap();

    let problem = "[DATA]/plan.toml:12:10: the plan file is damaged: unknown variant `maybe`, \
                   expected one of `open`, `done`, `dropped`";
    sandbox
        .run(["plan"])
        .status(1)
        .stderr(&format!(
            "error: {problem}\n  help: fix it by hand, or move it away to start a new plan; leadgap \
             never overwrites it\n"
        ))
        .run();

    sandbox.run(["plan", "done", "1"]).status(1).stderr("error: [DATA]/plan.toml:12:10: the plan file is damaged: unknown variant `maybe`, expected one of `open`, `done`, `dropped`\n  help: fix it by hand, or move it away to start a new plan; leadgap never overwrites it\n").run();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        damaged,
        "refused, untouched"
    );

    // Reports still show, without the plan, and say why.
    sandbox
        .run(["show", "latest"])
        .stderr(&format!("warning: {problem}\n"))
        .stdout_any()
        .run();

    // Adding starts a new plan and keeps the damaged one aside.
    sandbox
        .run(["plan", "add", "--theme", "beta", "Keep beta up"])
        .stdout("Added #1 (Beta: a skip, coverage above the cut-off): Keep beta up — due 2026-12-22\n")
        .stderr(&format!(
            "warning: {problem}\n  the damaged plan is kept as `[DATA]/plan.damaged-1.toml`; a new plan \
             starts now\n"
        ))
        .run();
    let aside = sandbox.data_dir().join("plan.damaged-1.toml");
    assert_eq!(std::fs::read_to_string(&aside).unwrap(), damaged);
    let listed = plan_json(&sandbox, support::NOW, &[]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["number"], 1);
}

#[test]
fn plan_entries_in_answer_files_are_checked() {
    let sandbox = Sandbox::new();
    let base =
        std::fs::read_to_string(support::repo().join("tests/fixtures/rules/answers.toml")).unwrap();
    let path = sandbox.write(
        "bad.toml",
        &format!("{base}\n[[plan]]\ntheme = \"alpah\"\ntext = \"x\"\ndue = \"soon\"\n"),
    );
    let lines = base.lines().count();
    sandbox
        .run(["check", "--questionnaire", RULES])
        .arg(&path)
        .status(1)
        .stderr(&format!(
            "error: [SANDBOX]/bad.toml:{l1}:9: unknown theme `alpah` in [[plan]]; did you mean `alpha`?\n\
             error: [SANDBOX]/bad.toml:{l2}:7: `soon` is not a date: write it as 2027-01-15, or from today as +10d (days), +6w (weeks) or +2m (months)\n\
             2 problems found\n",
            l1 = lines + 3,
            l2 = lines + 5,
        ))
        .run();
}

#[test]
fn a_report_sent_to_a_mentor_carries_its_plan_and_its_follow_through() {
    // The manager: a self-assessment, two actions (one done), then a
    // second self-assessment.
    let manager = Sandbox::new();
    manager.assess_at("2026-11-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    for text in ["Hand the runbook to Lee", "Book one-to-ones with everyone"] {
        manager
            .run([
                "plan",
                "add",
                "--theme",
                "delegation",
                "--due",
                "2026-12-01",
                text,
            ])
            .at("2026-11-02T09:00:00Z")
            .stdout_any()
            .run();
    }
    manager
        .run(["plan", "done", "1", "--note", "Lee ran the last release"])
        .at("2026-11-20T09:00:00Z")
        .stdout_any()
        .run();
    manager.assess_at("2026-12-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    // The mentor: only the two files, in a folder of their own, no plan.
    let mentor = Sandbox::new();
    let folder = mentor.scratch().join("from-sam");
    std::fs::create_dir_all(&folder).unwrap();
    for id in ["2026-11-01T09-00-00Z", "2026-12-01T09-00-00Z"] {
        std::fs::copy(manager.report_path(id), folder.join(format!("{id}.toml"))).unwrap();
    }
    let first = mentor
        .run(["show"])
        .arg(folder.join("2026-11-01T09-00-00Z.toml"))
        .at("2026-11-25T09:00:00Z")
        .env("COLUMNS", "100")
        .output()
        .stdout;
    let made = &first[first.find("\nPlan made with this report\n").unwrap()..];
    let made = &made[..made[1..].find("\n\n").unwrap() + 1];
    assert_eq!(
        made,
        "\nPlan made with this report\n   [x] #1 Delegation: Hand the runbook to Lee (due 2026-12-01; \
         done 2026-11-20)\n       > Lee ran the last release\n   [ ] #2 Delegation: Book \
         one-to-ones with everyone (due 2026-12-01; due in 6 days)"
    );
    let second = mentor
        .run(["show"])
        .arg(folder.join("2026-12-01T09-00-00Z.toml"))
        .at("2026-12-02T09:00:00Z")
        .env("COLUMNS", "100")
        .output()
        .stdout;
    assert!(
        second.contains("\nFollow-through on the last plan\n"),
        "{second}"
    );
    assert!(
        second.contains(
            "\nFollow-through on the last plan\n   From the report of 2026-11-01 you committed to 2 \
             actions: 1 done, 0 dropped, 1 still\n     open.\n   Delegation: 2 actions, 1 done; 1 → \
             1 (0).\n"
        ),
        "{second}"
    );
}

#[test]
fn the_same_action_twice_is_caught() {
    let sandbox = Sandbox::new();
    let answers = answers_with_plan(&sandbox);
    // The answer file's three actions, committed with the report.
    sandbox.assess_at(
        support::NOW,
        &["-q", RULES, "-a", answers.to_str().unwrap()],
    );
    let first = plan_json(&sandbox, support::NOW, &[]);
    let theme = first[0]["theme"].as_str().unwrap().to_owned();
    let text = first[0]["text"].as_str().unwrap().to_owned();
    // Typed again, with other spaces and capitals: refused, with its number.
    sandbox
        .run(["plan", "add", "--theme", &theme])
        .arg(format!("  {}  ", text.to_uppercase()))
        .status(1)
        .stderr(&format!(
            "error: action #{} already says that, and is open\n  help: change it with \
             `leadgap plan edit {}`, or say something new\n",
            first[0]["number"], first[0]["number"]
        ))
        .run();
    // The same answer file assessed again adds the report, not the actions.
    let ran = sandbox
        .run(["assess", "-q", RULES, "--format", "json", "-a"])
        .arg(&answers)
        .at("2026-11-22T14:00:00Z")
        .stderr_checked_by_the_test()
        .output();
    assert!(
        ran.stderr
            .contains("already says that and is open: it was not added again."),
        "{}",
        ran.stderr
    );
    assert_eq!(
        plan_json(&sandbox, support::NOW, &[])
            .as_array()
            .unwrap()
            .len(),
        first.as_array().unwrap().len()
    );
}

#[test]
fn a_script_writes_a_report_file_without_saving_it() {
    let sandbox = Sandbox::new();
    let file = sandbox.scratch().join("priya.toml");
    sandbox
        .run([
            "assess",
            "--answers",
            "examples/balanced.toml",
            "--no-save",
            "-o",
        ])
        .arg(&file)
        .stderr("Wrote [SANDBOX]/priya.toml\n")
        .run();
    // The report file itself, which `check` and `show` read as one.
    sandbox.run(["check"]).arg(&file).stdout_any().run();
    assert!(sandbox.reports().is_empty());
    let shown = sandbox
        .run(["show", "--format", "json"])
        .arg(&file)
        .output()
        .json();
    assert_eq!(shown["questionnaire"]["version"], "2.2.0");
}
