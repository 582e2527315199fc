//! The built-in questionnaire and rubric: their shape, and what they say
//! about recognisable people. A later edit of the content that breaks its
//! meaning fails here.

use std::collections::BTreeSet;

use crate::support::{Sandbox, by_id};
use leadgap::questionnaire::{
    self, BUILT_IN, Condition, ContextKind, ContextValue, Kind, Questionnaire, Response,
};
use leadgap::rubric::{self, Rubric};
use leadgap::source::Source;

fn built_in() -> (Questionnaire, Rubric) {
    let built_in = &BUILT_IN[0];
    assert_eq!(built_in.name, "it-manager");
    let q = questionnaire::load(&Source::new("q", built_in.questionnaire)).unwrap();
    let r = rubric::load(&Source::new("r", built_in.rubric), &q).unwrap();
    (q, r)
}

#[test]
fn it_covers_the_themes_of_the_first_years() {
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
            "value",
            "growth"
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
    let contexts: Vec<&str> = q.contexts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        contexts,
        ["team-size", "budget", "regulated", "leads-managers"]
    );
    assert!(q.checks.len() >= 4, "{} checks", q.checks.len());
}

/// A fact (a count, a checklist, a dated event) weighs more than 1; a claim
/// (a statement or a scenario) exactly 1.
fn is_fact(question: &leadgap::questionnaire::Question) -> bool {
    question.weight > 1.0
}

#[test]
fn it_asks_with_anchored_labels_real_scenarios_and_facts_in_every_theme() {
    let (q, _) = built_in();
    let kinds: BTreeSet<&str> = q.questions.iter().map(|q| q.kind.name()).collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["choice", "multi", "number", "scale"])
    );
    // Every statement has labels written for it: no shared agree/disagree.
    let mut label_sets = BTreeSet::new();
    for question in &q.questions {
        if let Kind::Scale { labels, .. } = &question.kind {
            assert!(
                !labels
                    .iter()
                    .any(|l| l.ends_with("agree") || l.ends_with("disagree")),
                "{}: behaviour, not agreement",
                question.id
            );
            assert!(
                label_sets.insert(labels.clone()),
                "{}: labels of its own",
                question.id
            );
        }
    }
    let scenarios: Vec<&leadgap::questionnaire::Question> = q
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Choice { .. }) && !is_fact(q))
        .collect();
    assert!(scenarios.len() >= 6, "{} scenarios", scenarios.len());
    for question in scenarios {
        let Kind::Choice { options } = &question.kind else {
            unreachable!()
        };
        assert!(
            options.len() >= 3,
            "{}: a scenario offers real alternatives",
            question.id
        );
        // Every option is something a capable manager might do: none
        // scores 0, and more than one scores half marks or more.
        let best = options.iter().map(|o| o.score).fold(0.0, f64::max);
        assert!(options.iter().all(|o| o.score > 0.0), "{}", question.id);
        assert!(
            options.iter().filter(|o| o.score >= best / 2.0).count() >= 2,
            "{}: more than one defensible answer",
            question.id
        );
        // No giveaway by length: the best option is not much longer.
        let longest = options.iter().map(|o| o.label.len()).max().unwrap();
        let shortest = options.iter().map(|o| o.label.len()).min().unwrap();
        assert!(
            longest <= shortest * 3,
            "{}: option lengths {shortest}..{longest}",
            question.id
        );
    }
    // Facts in every theme, weighing at least as much as its claims.
    for (index, theme) in q.themes.iter().enumerate() {
        let (facts, claims) = q
            .questions_of(index)
            .filter(|(_, q)| q.when.is_none())
            .fold((0.0, 0.0), |(f, c), (_, q)| {
                if is_fact(q) {
                    (f + q.weight, c)
                } else {
                    (f, c + q.weight)
                }
            });
        assert!(
            facts >= claims,
            "{}: facts {facts}, claims {claims}",
            theme.id
        );
    }
    for question in &q.questions {
        let count = matches!(question.kind, Kind::Number { .. } | Kind::Multi { .. });
        assert!(!count || is_fact(question), "{} is a fact", question.id);
        assert!(
            is_fact(question) || question.weight == 1.0,
            "{}",
            question.id
        );
    }
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

/// The context values that make the most questions apply: for a choice,
/// the option named by the most `when` conditions; for a number, its least.
fn widest_context(q: &Questionnaire) -> Vec<(String, String, ContextValue)> {
    q.contexts
        .iter()
        .enumerate()
        .map(|(index, context)| match &context.kind {
            ContextKind::Number { min, .. } => (
                context.id.clone(),
                leadgap::questionnaire::format_number(*min),
                ContextValue::Number(*min),
            ),
            ContextKind::Choice { options } => {
                let named = |id: &str| {
                    q.questions
                        .iter()
                        .filter_map(|q| q.when.as_ref())
                        .filter(|w| w.context == index)
                        .filter(|w| matches!(&w.condition, Condition::In { options } if options.iter().any(|o| o == id)))
                        .count()
                };
                let (best, option) = options
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, o)| (named(&o.id), usize::MAX - i))
                    .unwrap();
                (context.id.clone(), format!("\"{}\"", option.id), ContextValue::Choice(best))
            }
        })
        .collect()
}

/// The answer file of someone who knows every textbook answer: the best
/// option of every statement and scenario; every fact at its weakest, or
/// (with `unknown`) "don't know" where offered and skipped elsewhere.
fn savvy_but_weak(q: &Questionnaire, unknown: bool) -> String {
    let context = widest_context(q);
    let values: Vec<Option<ContextValue>> =
        context.iter().map(|(_, _, v)| Some(v.clone())).collect();
    let mut file = format!("questionnaire = \"{}\"\n\n[context]\n", q.id);
    for (id, written, _) in &context {
        file.push_str(&format!("{id} = {written}\n"));
    }
    file.push_str("\n[answers]\n");
    for (index, question) in q.questions.iter().enumerate() {
        if !q.applies(index, &values) {
            continue;
        }
        let score = |response: Response| {
            leadgap::scoring::answer_score(question, &response, &values).unwrap_or(0.0)
        };
        let answer = match (&question.kind, is_fact(question)) {
            (_, true) if unknown && question.dont_know => "\"dont-know\"".to_owned(),
            (_, true) if unknown => "\"skip\"".to_owned(),
            (Kind::Scale { labels, reverse }, false) => {
                if *reverse {
                    "1".to_owned()
                } else {
                    labels.len().to_string()
                }
            }
            (Kind::Choice { options }, fact) => {
                let pick = (0..options.len()).max_by(|&a, &b| {
                    let (a, b) = (score(Response::Choice(a)), score(Response::Choice(b)));
                    if fact {
                        b.total_cmp(&a)
                    } else {
                        a.total_cmp(&b)
                    }
                });
                format!("\"{}\"", options[pick.unwrap()].id)
            }
            (Kind::Multi { options }, true) => match options.iter().find(|o| o.exclusive) {
                Some(none) => format!("[\"{}\"]", none.id),
                None => "[]".to_owned(),
            },
            (
                Kind::Number {
                    min, max, bands, ..
                },
                true,
            ) => {
                let candidates = [*min, *max]
                    .into_iter()
                    .chain(bands.iter().filter_map(|b| b.upto))
                    .filter(|v| (*min..=*max).contains(v) && v.fract() == 0.0);
                let weakest = candidates
                    .min_by(|a, b| {
                        score(Response::Number(*a)).total_cmp(&score(Response::Number(*b)))
                    })
                    .unwrap();
                leadgap::questionnaire::format_number(weakest)
            }
            (kind, fact) => panic!("{}: a {} that is a fact: {fact}", question.id, kind.name()),
        };
        file.push_str(&format!("{} = {answer}\n", question.id));
    }
    file
}

#[test]
fn knowing_the_textbook_answers_reaches_no_target() {
    let (q, _) = built_in();
    for unknown in [false, true] {
        let sandbox = Sandbox::new();
        let answers = sandbox.write("savvy.toml", &savvy_but_weak(&q, unknown));
        let report = sandbox
            .run(["assess", "--no-save", "--format", "json", "-a"])
            .arg(&answers)
            .stderr("")
            .run()
            .json();
        for theme in report["themes"].as_array().unwrap() {
            let reached = theme["gap"].as_f64().is_some_and(|gap| gap == 0.0);
            assert!(
                !reached,
                "facts unknown: {unknown}: {} reaches its target with {}",
                theme["id"], theme["score"]
            );
        }
        if !unknown {
            assert!(
                !report["checks"].as_array().unwrap().is_empty(),
                "a check holds: claims and facts disagree"
            );
        }
    }
    // The example file of this persona says the same.
    let example = assess("examples/savvy.toml");
    assert!(
        example["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["gap"].as_f64() > Some(0.0))
    );
    assert_eq!(example["checks"].as_array().unwrap().len(), 6);
}

#[test]
fn the_team_form_mirrors_the_self_form() {
    let (self_form, _) = built_in();
    let built_in = &BUILT_IN[1];
    assert_eq!(built_in.name, "it-manager-team");
    let team = questionnaire::load(&Source::new("t", built_in.questionnaire)).unwrap();
    rubric::load(&Source::new("r", built_in.rubric), &team).unwrap();
    assert_eq!(team.self_form.as_deref(), Some("it-manager"));
    let ids = |q: &Questionnaire| q.themes.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&team),
        ids(&self_form),
        "the same themes, in the same order"
    );
    let mut mirrored = 0;
    for question in &team.questions {
        if let Some(mirrors) = &question.mirrors {
            let index = self_form
                .question_index(mirrors)
                .unwrap_or_else(|| panic!("{} mirrors unknown `{mirrors}`", question.id));
            assert_eq!(
                self_form.questions[index].theme, question.theme,
                "{} mirrors a question of its own theme",
                question.id
            );
            mirrored += 1;
        }
        if let Kind::Scale { labels, .. } = &question.kind {
            assert!(
                !labels.iter().any(|l| l.ends_with("agree")),
                "{}",
                question.id
            );
        }
    }
    assert!(mirrored >= 12, "{mirrored} mirrored questions");
    // Every group has questions in most themes.
    let group = team.context_index("group").unwrap();
    let ContextKind::Choice { options } = &team.contexts[group].kind else {
        panic!("group is a choice")
    };
    for (index, option) in options.iter().enumerate() {
        let context = vec![Some(ContextValue::Choice(index))];
        let themes: BTreeSet<usize> = (0..team.questions.len())
            .filter(|&q| team.applies(q, &context))
            .map(|q| team.questions[q].theme)
            .collect();
        assert!(themes.len() >= 5, "{}: {} themes", option.id, themes.len());
    }
}
