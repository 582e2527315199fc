//! The example answer files, as the README and the guide use them: what
//! each says about a recognisable manager, run through the real binary.

use std::collections::BTreeSet;

use crate::support::{Sandbox, by_id};

/// Assesses an example against the default profile and returns the report.
fn assess(example: &str) -> serde_json::Value {
    Sandbox::new()
        .run(["assess", "-a", example, "--no-save", "--format", "json"])
        .stderr("")
        .stdout_any()
        .run()
        .json()
}

fn theme<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    by_id(&report["themes"], id)
}

#[test]
fn the_hero_who_fixes_everything_is_told_to_delegate_first() {
    let report = assess("examples/hero.toml");
    assert_eq!(report["priorities"][0], "delegation");
    for id in ["delegation", "durability", "value"] {
        assert_eq!(theme(&report, id)["band"], "starting", "{id}");
    }
    assert!(report["overall"].as_f64().unwrap() < 40.0);
}

#[test]
fn the_balanced_manager_is_pointed_at_the_money() {
    let report = assess("examples/balanced.toml");
    assert_eq!(report["priorities"][0], "budget");
    assert!(
        report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["band"] != "starting")
    );
    assert!(report["overall"].as_f64().unwrap() > report["overall_target"].as_f64().unwrap());
    assert_eq!(theme(&report, "delegation")["gap"], 0.0);
}

#[test]
fn the_technician_who_avoids_budgets_and_stakeholders_is_told_so() {
    let report = assess("examples/technician.toml");
    let top_two: BTreeSet<&str> = report["priorities"].as_array().unwrap()[..2]
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(top_two, BTreeSet::from(["budget", "stakeholders"]));
    for id in ["delegation", "durability", "people"] {
        assert_eq!(
            theme(&report, id)["gap"],
            0.0,
            "{id}: the technical and team side is fine"
        );
    }
}

#[test]
fn the_director_profile_asks_more_of_the_same_answers() {
    let director = Sandbox::new()
        .run([
            "assess",
            "-a",
            "examples/balanced.toml",
            "--profile",
            "director",
            "--no-save",
            "--format",
            "json",
        ])
        .stdout_any()
        .run()
        .json();
    let manager = assess("examples/balanced.toml");
    assert_eq!(
        director["overall"], manager["overall"],
        "targets do not change scores"
    );
    assert!(
        director["priorities"].as_array().unwrap().len()
            > manager["priorities"].as_array().unwrap().len()
    );
}

#[test]
fn the_example_reports_are_valid_and_tell_the_mentor_story() {
    let sandbox = Sandbox::new();
    let reports = [
        "examples/reports/sam-2026-06.toml",
        "examples/reports/sam-2026-09.toml",
        "examples/reports/sam-2026-09-by-morgan.toml",
    ];
    sandbox.run(["check"]).args(reports).stdout_any().run();
    let comparison = sandbox
        .run(["compare", reports[1], reports[2], "--format", "json"])
        .stderr("")
        .stdout_any()
        .run()
        .json();
    let flagged: Vec<(&str, &str)> = comparison["themes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| !t["flag"].is_null())
        .map(|t| (t["id"].as_str().unwrap(), t["flag"].as_str().unwrap()))
        .collect();
    // Sam underrates the budget work Morgan sees, and rates the updates to
    // leaders above what Morgan read.
    assert_eq!(
        flagged,
        [
            ("budget", "hidden-strength"),
            ("stakeholders", "blind-spot"),
            ("vendors", "hidden-strength"),
            ("growth", "hidden-strength"),
        ]
    );
    // The two forms ask the same thing in four places: both answers are
    // set side by side.
    let mirrored: Vec<(&str, &str, &str)> = comparison["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["question"].as_str().unwrap(),
                a["self"].as_str().unwrap(),
                a["other"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        mirrored,
        [
            (
                "update-opens-with",
                "What changed for their area, in figures",
                "What IT built, upgraded or migrated"
            ),
            (
                "sla-missed",
                "Have the team build a workaround so users stop noticing, and raise it at the next review.",
                "Had the team work around it"
            ),
            ("leadership-share", "30 %", "25 %"),
            (
                "stopped-doing",
                "Something we postponed to later, and said so",
                "Work that slipped, without anyone deciding it should"
            ),
        ]
    );
    // What a mentor pastes into a one-to-one document.
    let markdown = sandbox
        .run(["compare", reports[1], reports[2], "--format", "markdown"])
        .output()
        .stdout;
    insta::assert_snapshot!("mentor_compare_markdown", markdown);
    let listed = sandbox
        .run(["history", "--from", "examples/reports", "--format", "json"])
        .stderr("")
        .stdout_any()
        .run()
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 3);
    assert_eq!(listed[1]["previous"]["id"], "2026-06-01T09-00-00Z");
}

#[test]
fn the_savvy_example_shows_its_views_far_above_its_facts() {
    let report = assess("examples/savvy.toml");
    let themes = report["themes"].as_array().unwrap();
    assert!(themes.iter().all(|t| t["met"] == false), "{report}");
    for theme in themes {
        let facts = theme["facts"].as_f64().unwrap();
        // Growth asks only facts.
        if theme["id"] != "growth" {
            assert_eq!(theme["views"], 100.0, "{}", theme["id"]);
        }
        assert!((25.0..=33.4).contains(&facts), "{}: {facts}", theme["id"]);
    }
    // Every view the facts contradict is said, with what to do.
    let checks = report["checks"].as_array().unwrap();
    assert_eq!(checks.len(), 11);
    assert!(checks.iter().all(|c| c["advice"].is_string()));
}

#[test]
fn a_fact_cannot_be_skipped_and_a_count_cannot_exceed_the_team() {
    let text = std::fs::read_to_string(crate::support::repo().join("examples/savvy.toml")).unwrap();
    let sandbox = Sandbox::new();
    let line = |id: &str| {
        let at = text
            .lines()
            .position(|l| l.starts_with(&format!("{id} = ")))
            .unwrap();
        at + 1
    };
    // Skipping the weakest fact of a theme is refused, naming it.
    let skipped = sandbox.write(
        "skipped.toml",
        &text.replace("team-work-hours = 10", "team-work-hours = \"skip\""),
    );
    sandbox
        .run(["assess", "--no-save", "-a"])
        .arg(&skipped)
        .status(1)
        .stderr(&format!(
            "error: [SANDBOX]/skipped.toml:{}:1: `team-work-hours` is required and cannot be \
             skipped\n",
            line("team-work-hours")
        ))
        .run();
    // Leaving it out altogether is refused too.
    let left_out = sandbox.write("left-out.toml", &text.replace("team-work-hours = 10\n", ""));
    let answers_table = text.lines().position(|l| l == "[answers]").unwrap() + 1;
    sandbox
        .run(["assess", "--no-save", "-a"])
        .arg(&left_out)
        .status(1)
        .stderr(&format!(
            "error: [SANDBOX]/left-out.toml:{answers_table}:1: required question \
             `team-work-hours` has no answer\n"
        ))
        .run();
    // Eleven people given stretch work in a team of ten cannot be true.
    let impossible = sandbox.write(
        "impossible.toml",
        &text.replace("stretch-people = 3", "stretch-people = 11"),
    );
    sandbox
        .run(["assess", "--no-save", "-a"])
        .arg(&impossible)
        .status(1)
        .stderr(&format!(
            "error: [SANDBOX]/impossible.toml:{}:1: `stretch-people`: 11 is more than the 10 \
             given for `team-size`, whose members it counts\n  help: count only people (or \
             things) of the context given\n",
            line("stretch-people")
        ))
        .run();
    // `check` says the same.
    sandbox
        .run(["check"])
        .arg(&impossible)
        .status(1)
        .stderr(&format!(
            "error: [SANDBOX]/impossible.toml:{}:1: `stretch-people`: 11 is more than the 10 \
             given for `team-size`, whose members it counts\n  help: count only people (or \
             things) of the context given\n",
            line("stretch-people")
        ))
        .run();
}

#[test]
fn a_mentors_rating_is_the_mentors_about_the_subject_and_its_global_item_stands_apart() {
    let sandbox = Sandbox::new();
    let report = sandbox
        .run([
            "assess",
            "--about",
            "Sam Hero",
            "--answers",
            "examples/hero-by-mentor.toml",
            "--format",
            "json",
        ])
        .stderr_checked_by_the_test()
        .stdout_any()
        .run()
        .json();
    assert_eq!(
        (
            &report["respondent"],
            &report["rater"],
            &report["questionnaire"]["id"]
        ),
        (
            &serde_json::json!("Sam Hero"),
            &serde_json::json!("Morgan Lee"),
            &serde_json::json!("it-manager-team")
        )
    );
    // Worked by hand from the file and the team rubric's weights: budget
    // (4 of 5 is 0.75, cost-benefit 0.8) 77.5 at 1.0; stakeholders
    // ("built", 0.2) 20 at 1.0; vendors (the workaround, 0.2) 20 at 0.75;
    // value (25 % is 0.3, "slipped" 0.3) 30 at 1.0; growth (no feedback
    // asked, 0; working at it 2 of 4, 1/3) 16.7 at 0.75; compliance skipped.
    // (77.5 + 20 + 15 + 30 + 12.5) / 4.5 = 34.44…; with "would recommend"
    // (75) counted it would be 41.8.
    assert_eq!(report["overall"], 34.4);
    assert!(by_id(&report["themes"], "recommend")["score"].is_f64());
    let priorities: Vec<&str> = report["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    // Weight × shortfall: growth 0.75 × 50 (its facts, 0, are 50 below
    // 60 − 10) = 37.5; stakeholders and value 1.0 × 35, in questionnaire
    // order; vendors 0.75 × 35 = 26.25. "Would recommend" is none.
    assert_eq!(priorities, ["growth", "stakeholders", "value", "vendors"]);
    // Not a self-assessment: `latest` does not take it.
    sandbox
        .run(["show", "latest"])
        .status(1)
        .stderr(
            "error: `latest` is your own newest self-assessment, and `[DATA]/reports` holds no \
             self-assessment, only other raters' reports\n  help: name a report by its id or \
             path instead; `leadgap history` lists them\n",
        )
        .run();
}
