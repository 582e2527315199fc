//! The paths on which a new user or a mentor went wrong, walked again: whose
//! report `latest` is, hints that repeat `--data-dir`, plan dates, "none of
//! these" and counts in answer files, a mistyped id, the answers behind a
//! theme, history's detail, a diff of two people, man pages and plan files.
//! (The terminal's side of the same paths is in `tests/cli/interactive.rs`.)

use crate::support;

use crate::support::{NOW, Sandbox};
use serde_json::json;

/// Your name, as the first interactive run remembers it.
const ME: &str = "Pat Example";

/// A data directory with your own report of 2026-11-01 and, later, Sam
/// Hero's report from an example file saved by mistake.
fn two_people() -> Sandbox {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).unwrap();
    std::fs::write(
        sandbox.data_dir().join("me.toml"),
        format!("name = \"{ME}\"\n"),
    )
    .unwrap();
    sandbox.assess_at(
        "2026-11-01T09:00:00Z",
        &["--answers", "examples/balanced.toml", "--subject", ME],
    );
    sandbox.assess_at("2026-11-20T09:00:00Z", &["--answers", "examples/hero.toml"]);
    sandbox
}

#[test]
fn latest_and_the_plan_follow_your_own_reports_and_say_whose_they_took() {
    let sandbox = two_people();
    let said = "`latest` is Pat Example's self-assessment of 2026-11-01 09:00 UTC \
                (2026-11-01T09-00-00Z); the data directory holds reports about 2 people, \
                and `leadgap history` lists them by id.\n";
    let shown = sandbox
        .run(["show", "--format", "json"])
        .stderr(said)
        .stdout_any()
        .run()
        .json();
    assert_eq!(shown["respondent"], ME);
    sandbox
        .run([
            "plan",
            "add",
            "--theme",
            "delegation",
            "Hand over the runbook",
        ])
        .stdout("Added #1 (Delegation): Hand over the runbook — due 2026-12-22\n")
        .stderr(&said.replace("`latest` is", "The action is linked to"))
        .run();
    let plan = sandbox
        .run(["plan", "--format", "json"])
        .stdout_any()
        .run()
        .json();
    assert_eq!(plan[0]["report"], "2026-11-01T09-00-00Z");
}

#[test]
fn a_report_without_a_name_is_skipped_by_cohort_with_the_fix() {
    let sandbox = Sandbox::new();
    let unnamed = sandbox.write(
        "unnamed.toml",
        &std::fs::read_to_string(support::repo().join("examples/balanced.toml"))
            .unwrap()
            .replace("respondent = ", "# respondent = "),
    );
    sandbox
        .run(["assess", "--answers"])
        .arg(&unnamed)
        .stderr(&support::saved_to(support::NOW_ID))
        .stdout_any()
        .run();
    let ran = sandbox
        .run(["cohort"])
        .arg(sandbox.data_dir().join("reports"))
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    assert_eq!(
        ran.stderr,
        format!(
            "warning: skipping `[DATA]/reports/{}.toml`: it names no respondent, so it cannot be \
             told apart from others; add `respondent = \"NAME\"` to it, and name people when they \
             assess (`leadgap assess --subject NAME`, or the name asked on a first run)\n",
            support::NOW_ID
        )
    );
}

#[test]
fn hints_repeat_the_data_dir_that_was_given() {
    let sandbox = Sandbox::new();
    let elsewhere = sandbox.scratch().join("elsewhere");
    sandbox
        .run(["--data-dir"])
        .arg(&elsewhere)
        .args([
            "assess",
            "--answers",
            "examples/balanced.toml",
            "--format",
            "json",
        ])
        .stderr(&format!(
            "Saved to [SANDBOX]/elsewhere/reports/{id}.toml\n\
             See it again with: leadgap --data-dir [SANDBOX]/elsewhere show {id}\n",
            id = support::NOW_ID
        ))
        .stdout_any()
        .run();
    sandbox
        .run(["--data-dir"])
        .arg(&elsewhere)
        .args(["show", support::NOW_ID, "--format", "json"])
        .stdout_any()
        .run();
}

#[test]
fn a_due_date_in_the_past_is_refused() {
    let sandbox = two_people();
    sandbox
        .run([
            "plan",
            "add",
            "--theme",
            "delegation",
            "--due",
            "2020-01-01",
            "x",
        ])
        .status(1)
        .stderr(
            "error: --due: `2020-01-01` is in the past (today is 2026-11-22); give a date from \
             today on, or +10d, +6w, +2m\n",
        )
        .run();
    assert!(!sandbox.data_dir().join("plan.toml").exists());
}

#[test]
fn none_of_these_goes_alone_and_a_count_is_whole_in_answer_files() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write(
        "answers.toml",
        "questionnaire = \"it-manager\"\n[answers]\nbudget-work = [\"drafted-budget\", \"none\"]\n\
         team-work-hours = 1.5\n",
    );
    // A partial file may leave out views, never a fact: the facts it
    // leaves out are listed too.
    let ran = sandbox
        .run(["check", "--allow-partial"])
        .arg(&answers)
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr.ends_with(
            "error: [SANDBOX]/answers.toml:3:15: `budget-work`: `none` (\"None of these\") goes on \
         its own, not with other options\n\
         error: [SANDBOX]/answers.toml:4:19: `team-work-hours`: 1.5 is not a whole number; \
         expected a whole number from 0 to 80 (hours) or \"skip\"\n\
         3 problems found\n"
        ),
        "{}",
        ran.stderr
    );
    assert!(ran.stderr.starts_with(
        "error: [SANDBOX]/answers.toml:2:1: no answer for 45 required questions: `change-share`, "
    ));
}

#[test]
fn show_with_a_mistyped_id_suggests_the_right_one() {
    let sandbox = two_people();
    sandbox
        .run(["show", "2026-11-01T09-00-00"])
        .status(1)
        .stderr(
            "error: no saved report with id `2026-11-01T09-00-00` in `[DATA]/reports`; did you \
             mean `2026-11-01T09-00-00Z`?\n  help: `leadgap history` lists the saved reports; to \
             open a file, give its path (./2026-11-01T09-00-00.toml)\n",
        )
        .run();
}

#[test]
fn show_answers_lists_what_pulled_each_theme_down() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["assess", "--answers", "examples/hero.toml"])
        .stderr(&support::saved_to(support::NOW_ID))
        .stdout_any()
        .run();
    let shown = sandbox
        .run(["show", "--answers"])
        .env("COLUMNS", "120")
        .output()
        .stdout;
    let answers = &shown[shown.find("\nAnswers\n").unwrap()..shown.find("\nNotes\n").unwrap()];
    insta::assert_snapshot!("show_answers", answers);
    let markdown = sandbox
        .run(["show", "--answers", "--format", "markdown"])
        .output()
        .stdout;
    assert!(markdown.contains(
        "### Delegation · 1 against a target of 65\n\n| Question | Answer | Points |\n|---|---|--:|\n"
    ));
}

#[test]
fn history_tells_same_day_reports_apart_and_has_markdown() {
    let sandbox = Sandbox::new();
    for now in ["2026-11-22T09:00:00Z", "2026-11-22T16:30:00Z"] {
        sandbox.assess_at(now, &["--answers", "examples/balanced.toml"]);
    }
    let markdown = sandbox
        .run(["history", "--format", "markdown"])
        .output()
        .stdout;
    insta::assert_snapshot!("history_markdown", markdown);
    let html = sandbox.run(["history", "--format", "html"]).output().stdout;
    assert!(html.contains("<th class=\"num\">2026-11-22 16:30</th>"));
    assert!(
        html.contains(
            "<tr><td data-label=\"Date\">Delegation</td><td class=\"num\" data-label=\"2026-11-22 \
             09:00\">84</td><td class=\"num\" data-label=\"2026-11-22 16:30\">84 ±0</td></tr>"
        ),
        "{html}"
    );
}

#[test]
fn a_diff_of_two_people_names_both() {
    let sandbox = two_people();
    let diff = sandbox
        .run(["diff", "2026-11-01T09-00-00Z", "2026-11-20T09-00-00Z"])
        .output()
        .stdout;
    let head: Vec<&str> = diff.lines().take(2).collect();
    assert_eq!(
        head,
        [
            "Diff: 2026-11-01 → 2026-11-20 · Pat Example, self-assessment → Sam Hero, \
             self-assessment · it-manager 2.2.0",
            "The reports are about different people (`Pat Example` and `Sam Hero`): a diff \
             follows one person over time.",
        ]
    );
}

#[test]
fn every_man_page_the_main_page_names_exists() {
    let sandbox = Sandbox::new();
    let main = sandbox.run(["man"]).output().stdout;
    let named: Vec<&str> = main
        .lines()
        .filter_map(|line| line.strip_suffix("(1)"))
        .filter_map(|line| line.strip_prefix("leadgap\\-"))
        .collect();
    assert_eq!(
        named,
        [
            "assess",
            "template",
            "check",
            "list",
            "show",
            "history",
            "diff",
            "compare",
            "import",
            "note",
            "evidence",
            "plan",
            "cohort",
            "norms",
            "key",
            "raters",
            "invite",
            "respond",
            "collect",
            "completions",
            "man"
        ]
    );
    for command in named {
        let page = sandbox.run(["man", command]).output().stdout;
        assert!(
            page.contains(&format!(".TH leadgap-{command} 1 ")),
            "{command}: {page}"
        );
    }
    // Examples are set as typed: no filling, no hyphenation.
    let assess = sandbox.run(["man", "assess"]).output().stdout;
    assert!(assess.contains(
        ".SH EXAMPLES\n.nf\n.nh\n  leadgap assess                       answer in the terminal"
    ));
    sandbox
        .run(["man", "plan", "ad"])
        .status(1)
        .stderr(
            "error: `leadgap plan` has no command `ad`; did you mean `add`?\n  help: its commands \
             are: add, done, drop, edit\n",
        )
        .run();
}

#[test]
fn a_plan_file_can_be_checked() {
    let sandbox = two_people();
    sandbox
        .run([
            "plan",
            "add",
            "--theme",
            "delegation",
            "Hand over the runbook",
        ])
        .stderr("The action is linked to Pat Example's self-assessment of 2026-11-01 09:00 UTC (2026-11-01T09-00-00Z); the data directory holds reports about 2 people, and `leadgap history` lists them by id.\n")
        .stdout_any().run();
    sandbox
        .run(["check"])
        .arg(sandbox.data_dir().join("plan.toml"))
        .stdout("ok: [DATA]/plan.toml: action plan: 1 action (1 open, 0 done, 0 dropped)\n")
        .run();
    let _ = NOW;
}

#[test]
fn charts_use_the_page_a_first_report_starts_at_the_left() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["assess", "--answers", "examples/balanced.toml"])
        .stderr(&support::saved_to(support::NOW_ID))
        .stdout_any()
        .run();
    // The radar's 100 ring spans most of the chart's width, and the chart
    // the page's.
    let radar = sandbox.run(["show", "--format", "svg"]).output().stdout;
    let radar = roxmltree::Document::parse(&radar).unwrap();
    let root = radar.root_element();
    let number = |name: &str| root.attribute(name).unwrap().parse::<f64>().unwrap();
    assert!(2.0 * number("data-r") >= 0.6 * number("width"));
    let page = sandbox.run(["show", "--format", "html"]).output().stdout;
    assert!(page.contains("figure svg.radar{width:100%}"));
    // One report: its point sits at the start of each chart, above its date.
    let history = sandbox.run(["history", "--format", "svg"]).output().stdout;
    let history = roxmltree::Document::parse(&history).unwrap();
    for chart in history
        .descendants()
        .filter(|n| n.attribute("class") == Some("line-chart"))
    {
        let point = chart
            .descendants()
            .find(|n| n.tag_name().name() == "circle")
            .unwrap();
        let date = chart
            .descendants()
            .find(|n| n.text() == Some("2026-11-22"))
            .unwrap();
        let x = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
        assert!(
            (x(point, "cx") - x(date, "x")).abs() <= 10.0,
            "the point is above its date"
        );
    }
}

#[test]
fn latest_is_never_someone_elses_rating() {
    // A mentor's data directory holds only the mentor's rating of Sam, and
    // no name: `latest` is not that rating.
    let sandbox = Sandbox::new();
    sandbox.assess_at(
        "2026-11-01T09:00:00Z",
        &["--answers", "examples/hero-by-mentor.toml"],
    );
    let refused = "error: `latest` is your own newest self-assessment, and `[DATA]/reports` holds \
                   no self-assessment, only other raters' reports\n  help: name a report by its \
                   id or path instead; `leadgap history` lists them\n";
    sandbox.run(["show"]).status(1).stderr(refused).run();
    sandbox
        .run(["compare", "examples/reports/sam-2026-09.toml", "latest"])
        .status(1)
        .stderr(refused)
        .run();
    // With Sam's own self-assessment beside it, `latest` is that one.
    sandbox.assess_at("2026-10-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    let shown = sandbox
        .run(["show", "--format", "json"])
        .stdout_any()
        .run()
        .json();
    assert_eq!(
        (&shown["rater"], &shown["id"]),
        (&json!("self"), &json!("2026-10-01T09-00-00Z"))
    );
}

#[test]
fn the_questions_that_did_not_apply_are_named() {
    let shown = Sandbox::new()
        .run([
            "assess",
            "--answers",
            "examples/hero.toml",
            "--no-save",
            "--format",
            "markdown",
        ])
        .output()
        .stdout;
    assert!(
        shown.contains(
            "- 8 questions do not apply to the context given, and count neither way: \"When did \
             you last go through your area's IT spend, with figures, with whoever holds the \
             budget?\" \"For the last person who joined your team, which of these did you do?\" \
             \"In the last three months, how many of the managers who report to you did you coach \
             through a people decision of theirs (a hire, a difficult conversation, a \
             promotion)?\" \"Since you started leading the team, with how many of the people on it \
             did you talk about how you will work together (what they need from you, how they like \
             to hear feedback)?\"; 4 more are asked in the form that fits this context\n"
        ),
        "{shown}"
    );
}
