//! The built-in questionnaire and rubric: their shape, and what they say
//! about recognisable people. A later edit of the content that breaks its
//! meaning fails here.

mod examples;
pub mod personas;
mod team_form;

use std::collections::BTreeSet;

use leadgap::testing::questionnaire::{self, BUILT_IN, Basis, Kind, Questionnaire};
use leadgap::testing::rubric::{self, Rubric};
use leadgap::testing::source::Source;

pub(crate) fn built_in() -> (Questionnaire, Rubric) {
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
        // Asked of anyone: between 3 and 9 questions, whatever the context.
        for context in personas::every_context(&q) {
            let count = q
                .questions_of(index)
                .filter(|(i, _)| q.applies(*i, &context))
                .count();
            assert!(
                (3..=9).contains(&count),
                "{} has {count} questions",
                theme.id
            );
        }
    }
    let contexts: Vec<&str> = q.contexts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        contexts,
        [
            "team-size",
            "budget",
            "regulated",
            "leads-managers",
            "hired",
            "former-peers",
            "suppliers"
        ]
    );
    // What the best upward surveys ask: careers, workload, learning from
    // mistakes, priorities, hiring, news from above (2.1); the team's voice,
    // direction, technical credibility and recognition (2.2).
    for id in [
        "career-conversations",
        "workload-acted",
        "blameless-review",
        "stopped-doing",
        "last-hire",
        "news-from-above",
        "decision-changed",
        "direction-written",
        "reviews-as-reviewer",
        "thanked",
    ] {
        let question = &q.questions[q.question_index(id).unwrap()];
        assert_eq!(question.basis, Basis::Fact, "{id}");
    }
}

#[test]
fn facts_are_required_and_outweigh_views_in_every_theme_in_every_context() {
    let (q, _) = built_in();
    for question in &q.questions {
        let counted = matches!(question.kind, Kind::Number { .. } | Kind::Multi { .. });
        if counted {
            assert_eq!(
                question.basis,
                Basis::Fact,
                "{} counts: a fact",
                question.id
            );
        }
        match question.basis {
            Basis::Fact => assert!(
                question.required,
                "{}: a fact cannot be skipped",
                question.id
            ),
            Basis::View => {
                assert!(!question.required, "{}", question.id);
                assert_eq!(question.weight, 0.5, "{}: a view weighs half", question.id);
                assert!(!question.dont_know, "{}", question.id);
            }
        }
    }
    // Options on a scale of time keep their order when shown.
    for question in &q.questions {
        if let Kind::Choice { options } = &question.kind
            && options.iter().any(|o| o.label.starts_with("In the last"))
        {
            assert!(question.ordered, "{}: a scale of time", question.id);
        }
    }
    for context in personas::every_context(&q) {
        for (index, theme) in q.themes.iter().enumerate() {
            let (facts, views) = q
                .questions_of(index)
                .filter(|(i, _)| q.applies(*i, &context))
                .fold((0.0, 0.0), |(f, v), (_, q)| match q.basis {
                    Basis::Fact => (f + q.weight, v),
                    Basis::View => (f, v + q.weight),
                });
            assert!(
                facts >= 4.0 * views,
                "{}: facts {facts}, views {views} in {context:?}",
                theme.id
            );
        }
    }
}

#[test]
fn no_label_gives_the_best_answer_away() {
    let (q, _) = built_in();
    // Every statement has labels written for it: no shared agree/disagree,
    // and its top label is one plain statement, not the longest.
    let mut label_sets = BTreeSet::new();
    for question in &q.questions {
        if let Kind::Scale { labels, reverse } = &question.kind {
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
            let top = if *reverse {
                &labels[0]
            } else {
                &labels[labels.len() - 1]
            };
            assert!(
                labels.iter().any(|l| l.len() > top.len()),
                "{}: the top label is the longest",
                question.id
            );
            assert!(
                !top.contains(" and ") && !top.contains(';'),
                "{}: the top label says two things: {top}",
                question.id
            );
        }
    }
    // The keyed option is the longest no more often than chance.
    let choices: Vec<&Vec<leadgap::testing::questionnaire::Choice>> = q
        .questions
        .iter()
        .filter_map(|q| match &q.kind {
            Kind::Choice { options } => Some(options),
            _ => None,
        })
        .collect();
    let keyed_longest = choices
        .iter()
        .filter(|options| {
            let best = options.iter().map(|o| o.score).fold(0.0, f64::max);
            let longest = options.iter().map(|o| o.label.len()).max().unwrap();
            options
                .iter()
                .any(|o| o.score == best && o.label.len() == longest)
        })
        .count();
    let chance: f64 = choices.iter().map(|o| 1.0 / o.len() as f64).sum();
    assert!(
        (keyed_longest as f64) <= chance,
        "the keyed option is the longest in {keyed_longest} of {} choices (chance: {chance:.1})",
        choices.len()
    );
    // Scenarios: real alternatives, every one defensible.
    let scenarios: Vec<&leadgap::testing::questionnaire::Question> = q
        .questions
        .iter()
        .filter(|q| matches!(q.kind, Kind::Choice { .. }) && q.basis == Basis::View)
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
    }
}

#[test]
fn every_band_of_every_theme_has_a_plain_line_and_one_tied_to_a_fact() {
    let (q, r) = built_in();
    for (theme, advice) in q.themes.iter().zip(&r.themes) {
        for (band, lines) in r.bands.iter().zip(&advice.advice) {
            assert!(
                lines.iter().any(|l| l.if_low.is_none()),
                "{} / {}: no plain line, so a priority could show no advice",
                theme.id,
                band.id
            );
            assert!(
                lines
                    .iter()
                    .filter_map(|l| l.if_low)
                    .any(|i| q.questions[i].basis == Basis::Fact),
                "{} / {}: no line answers a weak fact",
                theme.id,
                band.id
            );
        }
    }
    // Every check says what to do when it holds.
    assert!(q.checks.len() >= 10, "{} checks", q.checks.len());
    for check in &q.checks {
        assert!(check.advice.is_some(), "{}", check.note);
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
