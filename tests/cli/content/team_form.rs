//! The team form: the same themes as the self form, each group asked only
//! what it can see, and every mirror measuring the same thing the same way.

use std::collections::BTreeSet;

use leadgap::testing::questionnaire::{
    self, BUILT_IN, Basis, Condition, ContextKind, ContextValue, Kind, Questionnaire,
};
use leadgap::testing::rubric;
use leadgap::testing::source::Source;

use super::built_in;

#[test]
fn the_team_form_mirrors_the_self_form() {
    let (self_form, _) = built_in();
    let built_in = &BUILT_IN[1];
    assert_eq!(built_in.name, "it-manager-team");
    let team = questionnaire::load(&Source::new("t", built_in.questionnaire)).unwrap();
    rubric::load(&Source::new("r", built_in.rubric), &team).unwrap();
    assert_eq!(team.self_form.as_deref(), Some("it-manager"));
    let ids = |q: &Questionnaire| {
        q.themes
            .iter()
            .filter(|t| !t.global)
            .map(|t| t.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&team),
        ids(&self_form),
        "the same themes, in the same order"
    );
    // One global item, reported on its own.
    let global: Vec<&leadgap::testing::questionnaire::Theme> =
        team.themes.iter().filter(|t| t.global).collect();
    assert_eq!(global.len(), 1);
    let (_, recommend) = team
        .questions_of(team.theme_index(&global[0].id).unwrap())
        .next()
        .unwrap();
    assert_eq!(
        recommend.text,
        "Would you recommend this manager to a friend looking for one?"
    );
    assert!(recommend.when.is_none(), "asked of everyone");
    let mut mirrored = 0;
    for question in &team.questions {
        if let Kind::Scale { labels, .. } = &question.kind {
            assert!(
                !labels.iter().any(|l| l.ends_with("agree")),
                "{}",
                question.id
            );
        }
        let Some(mirrors) = &question.mirrors else {
            continue;
        };
        mirrored += 1;
        let index = self_form
            .question_index(mirrors)
            .unwrap_or_else(|| panic!("{} mirrors unknown `{mirrors}`", question.id));
        let own = &self_form.questions[index];
        assert_eq!(
            self_form.themes[own.theme].id, team.themes[question.theme].id,
            "{} mirrors a question of its own theme",
            question.id
        );
        // The same measure: a scale with as many labels, a choice with the
        // same scores, a number with the same bands; a count of people on
        // the team is mirrored by each direct report's yes (1) or no (0).
        match (&own.kind, &question.kind) {
            (Kind::Scale { labels: a, .. }, Kind::Scale { labels: b, .. }) => {
                assert_eq!(a.len(), b.len(), "{}: labels", question.id);
            }
            (Kind::Choice { options: a }, Kind::Choice { options: b })
            | (Kind::Multi { options: a }, Kind::Multi { options: b }) => {
                let scores = |o: &[leadgap::testing::questionnaire::Choice]| {
                    let mut s: Vec<u64> = o.iter().map(|o| (o.score * 100.0) as u64).collect();
                    s.sort_unstable();
                    s
                };
                assert_eq!(scores(a), scores(b), "{}: options", question.id);
            }
            (Kind::Number { bands: a, .. }, Kind::Number { bands: b, .. }) => {
                let bands = |b: &[leadgap::testing::questionnaire::NumberBand]| {
                    b.iter().map(|b| (b.upto, b.score)).collect::<Vec<_>>()
                };
                assert_eq!(bands(a), bands(b), "{}: bands", question.id);
            }
            // A share of the team (counted per its size, or in per cent of
            // it) is mirrored by each direct report's yes or no.
            (Kind::Number { unit, .. }, Kind::Choice { options })
                if own.per.is_some() || unit.as_deref() == Some("%") =>
            {
                assert!(
                    options.iter().all(|o| o.score == 0.0 || o.score == 1.0),
                    "{}: yes or no",
                    question.id
                );
                assert!(
                    matches!(&question.when, Some(w) if matches!(&w.condition, Condition::In { options } if options == &["direct-report"])),
                    "{}",
                    question.id
                );
            }
            (Kind::Number { .. }, Kind::Choice { .. }) => {}
            (a, b) => panic!("{}: a {} mirrors a {}", question.id, b.name(), a.name()),
        }
    }
    assert!(mirrored >= 25, "{mirrored} mirrored questions");
    // What happened to a rater is a fact, as it is in the self form: a
    // mirror of a self fact is a fact.
    for question in &team.questions {
        if let Some(mirrors) = &question.mirrors {
            let own = &self_form.questions[self_form.question_index(mirrors).unwrap()];
            if own.basis == Basis::Fact {
                assert_eq!(
                    question.basis,
                    Basis::Fact,
                    "{} mirrors a fact",
                    question.id
                );
            }
        }
    }
    // Every group has questions in most themes, and is asked only what it
    // can see.
    let group = team.context_index("group").unwrap();
    let ContextKind::Choice { options } = &team.contexts[group].kind else {
        panic!("group is a choice")
    };
    let asked = |option: &str, id: &str| {
        let index = options.iter().position(|o| o.id == option).unwrap();
        team.applies(
            team.question_index(id).unwrap(),
            &[Some(ContextValue::Choice(index))],
        )
    };
    for (index, option) in options.iter().enumerate() {
        let context = vec![Some(ContextValue::Choice(index))];
        let themes: BTreeSet<usize> = (0..team.questions.len())
            .filter(|&q| team.applies(q, &context))
            .map(|q| team.questions[q].theme)
            .filter(|&t| !team.themes[t].global)
            .collect();
        assert!(themes.len() >= 5, "{}: {} themes", option.id, themes.len());
        assert!(asked(&option.id, "would-recommend"));
    }
    for (group, id) in [
        ("peer", "supplier-handled"),
        ("stakeholder", "supplier-handled"),
        ("stakeholder", "seen-busy-with"),
        ("peer", "finding-closed"),
        ("peer", "money-explained"),
        ("peer", "case-made"),
        ("peer", "problem-raised"),
        ("direct-report", "problem-raised"),
        ("peer", "asked-about-goals"),
        ("mentor", "had-one-to-one"),
    ] {
        assert!(!asked(group, id), "{group} cannot see `{id}`");
    }
}
