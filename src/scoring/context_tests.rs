//! Hand-worked numbers for context, applicability, "don't know", `per`,
//! checks and advice tied to low answers, on
//! `tests/fixtures/context/questionnaire.toml`.

use super::*;
use crate::questionnaire::{self, AnswerValue, ContextValue};
use crate::rubric;
use crate::source::Source;

const QUESTIONNAIRE: &str = include_str!("../../tests/fixtures/context/questionnaire.toml");
const RUBRIC: &str = include_str!("../../tests/fixtures/context/rubric.toml");

fn fixture() -> (Questionnaire, Rubric) {
    let q = questionnaire::load(&Source::new("q.toml", QUESTIONNAIRE)).unwrap();
    let r = rubric::load(&Source::new("r.toml", RUBRIC), &q).unwrap();
    (q, r)
}

/// Responses from `(question id, value)` pairs; the rest unanswered.
fn responses(q: &Questionnaire, given: &[(&str, AnswerValue)]) -> Vec<Response> {
    let mut responses = vec![Response::Unanswered; q.questions.len()];
    for (id, value) in given {
        let index = q.question_index(id).unwrap();
        responses[index] = questionnaire::from_value(&q.questions[index], value).unwrap();
    }
    responses
}

fn text(value: &str) -> AnswerValue {
    AnswerValue::Text(value.to_owned())
}

/// A team of 4 without a budget: `knows-spend` does not apply.
fn no_budget() -> Vec<Option<ContextValue>> {
    vec![
        Some(ContextValue::Number(4.0)),
        Some(ContextValue::Choice(2)),
    ]
}

#[test]
fn a_question_that_does_not_apply_is_left_out_of_score_and_coverage() {
    let (q, r) = fixture();
    let given = responses(&q, &[("reviews", AnswerValue::Whole(1))]);
    let outcome = score(&q, &r, r.profile(None).unwrap(), &given, &no_budget());
    let money = &outcome.themes[0];
    // Only `reviews` applies: 1 subscription is in the band up to 2, 0.5.
    assert!(!outcome.applies[0]);
    assert_eq!((money.coverage, money.not_applicable), (1.0, 1));
    assert_eq!(money.score, Some(50.0));
    // With a budget of its own it applies, and unanswered it halves coverage.
    let own = vec![
        Some(ContextValue::Number(4.0)),
        Some(ContextValue::Choice(0)),
    ];
    let outcome = score(&q, &r, r.profile(None).unwrap(), &given, &own);
    assert_eq!(
        (outcome.themes[0].coverage, outcome.themes[0].not_applicable),
        (0.5, 0)
    );
}

#[test]
fn dont_know_scores_zero_and_counts_as_answered() {
    let (q, r) = fixture();
    let given = responses(&q, &[("reviews", text("dont-know"))]);
    let outcome = score(&q, &r, r.profile(None).unwrap(), &given, &no_budget());
    assert_eq!(outcome.questions[1], Some(0.0));
    assert_eq!(
        (outcome.themes[0].coverage, outcome.themes[0].score),
        (1.0, Some(0.0))
    );
    // Where it is not offered, "dont-know" is no answer at all.
    let runs = &q.questions[q.question_index("runs-without-me").unwrap()];
    assert_eq!(questionnaire::from_value(runs, &text("dont-know")), None);
}

#[test]
fn a_count_per_person_is_divided_by_the_team_size() {
    let (q, r) = fixture();
    let given = responses(
        &q,
        &[
            ("one-to-ones", AnswerValue::Whole(6)),
            ("runs-without-me", AnswerValue::Whole(4)),
            ("practices", AnswerValue::List(vec!["none".to_owned()])),
        ],
    );
    let profile = r.profile(None).unwrap();
    // 6 one-to-ones for 4 people is 1.5 each: the band up to 1.5, 0.5.
    let outcome = score(&q, &r, profile, &given, &no_budget());
    assert_eq!(outcome.questions[2], Some(0.5));
    // people: 100 * (0.5 + 1 + 0) / 3 = 50.
    assert_eq!(outcome.themes[1].score, Some(50.0));
    // The same 6 for a team of 12 is 0.5 each: the lowest band.
    let big = vec![
        Some(ContextValue::Number(12.0)),
        Some(ContextValue::Choice(2)),
    ];
    assert_eq!(score(&q, &r, profile, &given, &big).questions[2], Some(0.0));
    // Without the team size it cannot be scored.
    assert_eq!(score(&q, &r, profile, &given, &[]).questions[2], None);
}

#[test]
fn a_check_holds_when_every_condition_holds() {
    let (q, r) = fixture();
    let profile = r.profile(None).unwrap();
    let claim = |practices: &[&str]| {
        responses(
            &q,
            &[
                ("runs-without-me", AnswerValue::Whole(3)),
                (
                    "practices",
                    AnswerValue::List(practices.iter().map(|p| (*p).to_owned()).collect()),
                ),
            ],
        )
    };
    // "Usually" (s = 2/3 ≥ 0.66) with nothing in place (s = 0 ≤ 0.25): holds.
    let outcome = score(&q, &r, profile, &claim(&["none"]), &no_budget());
    assert_eq!(outcome.checks, [0]);
    // With one practice of two (s = 0.5 > 0.25) it does not.
    let outcome = score(&q, &r, profile, &claim(&["rota"]), &no_budget());
    assert!(outcome.checks.is_empty());
    // A skipped question never satisfies a condition.
    let mut skipped = claim(&["none"]);
    skipped[q.question_index("runs-without-me").unwrap()] = Response::Skipped;
    assert!(
        score(&q, &r, profile, &skipped, &no_budget())
            .checks
            .is_empty()
    );
}

#[test]
fn advice_tied_to_a_low_answer_comes_first_and_only_when_low() {
    let (q, r) = fixture();
    let people = q.theme_index("people").unwrap();
    let developing = r.bands.iter().position(|b| b.id == "developing").unwrap();
    let mut scores = vec![None; q.questions.len()];
    // one-to-ones 0.5 (not low), practices 0 (low).
    scores[2] = Some(0.5);
    scores[4] = Some(0.0);
    assert_eq!(
        r.advice(people, developing, &scores, &q.weights()),
        [
            "Write the runbook for the system that pages most.",
            "Ask the team what they would change."
        ]
    );
    // one-to-ones low as well: both tied lines, then the plain one.
    scores[2] = Some(0.0);
    assert_eq!(
        r.advice(people, developing, &scores, &q.weights()),
        [
            "Hold a one-to-one with everyone this month.",
            "Write the runbook for the system that pages most.",
            "Ask the team what they would change."
        ]
    );
    // A line tied to a question not answered is left out.
    scores[4] = None;
    assert_eq!(r.advice(people, developing, &scores, &q.weights()).len(), 2);
}

#[test]
fn exclusive_options_and_whole_numbers_are_enforced_on_values() {
    let (q, _) = fixture();
    let practices = &q.questions[q.question_index("practices").unwrap()];
    let list = |ids: &[&str]| AnswerValue::List(ids.iter().map(|i| (*i).to_owned()).collect());
    assert_eq!(
        questionnaire::from_value(practices, &list(&["none", "rota"])),
        None
    );
    assert_eq!(
        questionnaire::from_value(practices, &list(&["none"])),
        Some(Response::Multi(vec![2]))
    );
    let reviews = &q.questions[q.question_index("reviews").unwrap()];
    assert_eq!(
        questionnaire::from_value(reviews, &AnswerValue::Number(1.5)),
        None
    );
    assert_eq!(
        questionnaire::from_value(reviews, &AnswerValue::Number(2.0)),
        Some(Response::Number(2.0))
    );
}
