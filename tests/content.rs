//! The built-in questionnaire and rubric: their shape, and what they say
//! about recognisable people. A later edit of the content that breaks its
//! meaning fails here.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use std::collections::BTreeSet;

use leadgap::questionnaire::{self, BUILT_IN, Kind, Questionnaire};
use leadgap::rubric::{self, Rubric};
use leadgap::source::Source;
use support::{Sandbox, by_id};

fn built_in() -> (Questionnaire, Rubric) {
    let built_in = &BUILT_IN[0];
    assert_eq!(built_in.name, "it-manager");
    let q = questionnaire::load(&Source::new("q", built_in.questionnaire)).unwrap();
    let r = rubric::load(&Source::new("r", built_in.rubric), &q).unwrap();
    (q, r)
}

#[test]
fn it_covers_the_themes_of_the_first_year() {
    let (q, _) = built_in();
    let ids: Vec<&str> = q.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "delegation",
            "budget",
            "stakeholders",
            "durability",
            "vendors",
            "compliance",
            "people",
            "mindset"
        ]
    );
    for (index, theme) in q.themes.iter().enumerate() {
        assert!(
            !theme.description.is_empty(),
            "{} has a one-line description",
            theme.id
        );
        let count = q.questions_of(index).count();
        assert!(
            (3..=6).contains(&count),
            "{} has {count} questions",
            theme.id
        );
    }
    assert!(
        (30..=40).contains(&q.questions.len()),
        "{} questions",
        q.questions.len()
    );
}

#[test]
fn it_mixes_every_kind_scenarios_and_reverse_keyed_statements() {
    let (q, _) = built_in();
    let kinds: BTreeSet<&str> = q.questions.iter().map(|q| q.kind.name()).collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["choice", "multi", "number", "scale"])
    );
    let choices: Vec<&leadgap::questionnaire::Question> = q
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Choice { .. }))
        .collect();
    assert!(choices.len() >= 6, "{} scenarios", choices.len());
    for question in choices {
        let Kind::Choice { options } = &question.kind else {
            unreachable!()
        };
        assert!(
            options.len() >= 3,
            "{}: a scenario offers real alternatives",
            question.id
        );
        // No giveaway by length: the best option is not much longer than the others.
        let longest = options.iter().map(|o| o.label.len()).max().unwrap();
        let shortest = options.iter().map(|o| o.label.len()).min().unwrap();
        assert!(
            longest <= shortest * 3 / 2,
            "{}: option lengths {shortest}..{longest}",
            question.id
        );
    }
    let reversed = q
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Scale { reverse: true, .. }))
        .count();
    assert!(reversed >= 4, "{reversed} reverse-keyed statements");
    let numbers = q
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Number { .. }))
        .count();
    assert!(numbers >= 3, "{numbers} number questions");
}

#[test]
fn every_band_below_the_top_has_two_to_four_actions_for_every_theme() {
    let (q, r) = built_in();
    let top = r.bands.len() - 1;
    for (theme, advice) in q.themes.iter().zip(&r.themes) {
        for (band, lines) in r.bands.iter().zip(&advice.advice).take(top) {
            assert!(
                (2..=4).contains(&lines.len()),
                "{} / {}: {} actions",
                theme.id,
                band.id,
                lines.len()
            );
        }
    }
}

#[test]
fn weights_put_delegation_first_and_profiles_differ_per_theme() {
    let (q, r) = built_in();
    let weight = |id: &str| r.themes[q.theme_index(id).unwrap()].weight;
    assert!(
        q.themes
            .iter()
            .all(|t| weight(&t.id) <= weight("delegation"))
    );
    assert!(weight("budget") > weight("vendors"));
    let new_manager = r.profile(Some("new-manager")).unwrap();
    let director = r.profile(Some("director")).unwrap();
    assert_eq!(r.default_profile, "new-manager");
    for (index, theme) in q.themes.iter().enumerate() {
        assert!(
            director.targets[index] > new_manager.targets[index],
            "{}",
            theme.id
        );
    }
    let distinct: BTreeSet<u64> = new_manager.targets.iter().map(|t| *t as u64).collect();
    assert!(distinct.len() > 2, "targets differ per theme: {distinct:?}");
}

/// Assesses an example against the default profile and returns the report.
fn assess(example: &str) -> serde_json::Value {
    Sandbox::new()
        .run(["assess", "-a", example, "--no-save", "--format", "json"])
        .stderr("")
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
    for id in ["delegation", "durability", "mindset"] {
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
    sandbox.run(["check"]).args(reports).run();
    let comparison = sandbox
        .run(["compare", reports[1], reports[2], "--format", "json"])
        .stderr("")
        .run()
        .json();
    let flagged: Vec<(&str, &str)> = comparison["themes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| !t["flag"].is_null())
        .map(|t| (t["id"].as_str().unwrap(), t["flag"].as_str().unwrap()))
        .collect();
    assert_eq!(
        flagged,
        [("budget", "hidden-strength"), ("people", "blind-spot")]
    );
    let listed = sandbox
        .run(["history", "--from", "examples/reports", "--format", "json"])
        .stderr("")
        .run()
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 3);
    assert_eq!(listed[1]["previous"]["id"], "2026-06-01T09-00-00Z");
}
