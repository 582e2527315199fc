//! Tests of the parent module.

use std::collections::BTreeMap;

use super::*;
use crate::questionnaire::{self, AnswerValue, Choice, NumberBand};
use crate::rubric;
use crate::source::Source;

const QUESTIONNAIRE: &str = include_str!("../../tests/fixtures/rules/questionnaire.toml");
const RUBRIC: &str = include_str!("../../tests/fixtures/rules/rubric.toml");
const ANSWERS: &str = include_str!("../../tests/fixtures/rules/answers.toml");

fn fixture() -> (Questionnaire, Rubric, Vec<Response>) {
    let questionnaire = questionnaire::load(&Source::new("q.toml", QUESTIONNAIRE)).unwrap();
    let rubric = rubric::load(&Source::new("r.toml", RUBRIC), &questionnaire).unwrap();
    // The fixture's `[answers]`, read as plain values: answer files and
    // their checks are another module's business.
    #[derive(serde::Deserialize)]
    struct Fixture {
        answers: BTreeMap<String, AnswerValue>,
    }
    let fixture: Fixture = toml::from_str(ANSWERS).unwrap();
    let responses = questionnaire
        .questions
        .iter()
        .map(|q| questionnaire::from_value(q, &fixture.answers[&q.id]).unwrap())
        .collect();
    (questionnaire, rubric, responses)
}

fn assert_close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

fn scale(n: usize, reverse: bool) -> Kind {
    Kind::Scale {
        labels: (1..=n).map(|i| i.to_string()).collect(),
        reverse,
    }
}

fn options(scores: &[f64]) -> Vec<Choice> {
    scores
        .iter()
        .enumerate()
        .map(|(i, &score)| Choice {
            id: format!("o{i}"),
            label: format!("O{i}"),
            score,
            exclusive: false,
        })
        .collect()
}

#[test]
fn scale_is_the_position_over_the_span() {
    // s = (v - 1) / (n - 1)
    assert_eq!(
        question_score(&scale(5, false), &Response::Scale(1)),
        Some(0.0)
    );
    assert_eq!(
        question_score(&scale(5, false), &Response::Scale(4)),
        Some(0.75)
    );
    assert_eq!(
        question_score(&scale(5, false), &Response::Scale(5)),
        Some(1.0)
    );
    assert_eq!(
        question_score(&scale(2, false), &Response::Scale(2)),
        Some(1.0)
    );
}

#[test]
fn reverse_keying_flips_the_scale() {
    // s = 1 - (v - 1) / (n - 1)
    assert_eq!(
        question_score(&scale(5, true), &Response::Scale(4)),
        Some(0.25)
    );
    assert_eq!(
        question_score(&scale(3, true), &Response::Scale(2)),
        Some(0.5)
    );
    assert_eq!(
        question_score(&scale(5, true), &Response::Scale(1)),
        Some(1.0)
    );
}

#[test]
fn choice_is_the_option_over_the_best_option() {
    let kind = Kind::Choice {
        options: options(&[0.0, 1.0, 4.0, 2.0]),
    };
    assert_eq!(question_score(&kind, &Response::Choice(0)), Some(0.0));
    assert_eq!(question_score(&kind, &Response::Choice(1)), Some(0.25));
    assert_eq!(question_score(&kind, &Response::Choice(2)), Some(1.0));
    assert_eq!(question_score(&kind, &Response::Choice(3)), Some(0.5));
}

#[test]
fn multi_is_the_chosen_sum_over_the_positive_sum_clamped() {
    // positive sum = 2 + 1 + 1 = 4
    let kind = Kind::Multi {
        options: options(&[2.0, 1.0, 1.0, -1.0, 0.0]),
    };
    assert_eq!(
        question_score(&kind, &Response::Multi(vec![0, 3])),
        Some(0.25)
    );
    assert_eq!(
        question_score(&kind, &Response::Multi(vec![0, 1])),
        Some(0.75)
    );
    assert_eq!(
        question_score(&kind, &Response::Multi(vec![0, 1, 2])),
        Some(1.0)
    );
    assert_eq!(
        question_score(&kind, &Response::Multi(vec![3])),
        Some(0.0),
        "clamped at 0"
    );
    assert_eq!(
        question_score(&kind, &Response::Multi(vec![])),
        Some(0.0),
        "none is an answer"
    );
}

#[test]
fn number_takes_the_first_band_reaching_the_answer() {
    let kind = Kind::Number {
        integer: false,
        unit: None,
        min: 0.0,
        max: 80.0,
        bands: vec![
            NumberBand {
                upto: Some(2.0),
                score: 1.0,
            },
            NumberBand {
                upto: Some(8.0),
                score: 0.6,
            },
            NumberBand {
                upto: None,
                score: 0.0,
            },
        ],
    };
    assert_eq!(question_score(&kind, &Response::Number(0.0)), Some(1.0));
    assert_eq!(
        question_score(&kind, &Response::Number(2.0)),
        Some(1.0),
        "upto is inclusive"
    );
    assert_eq!(question_score(&kind, &Response::Number(2.5)), Some(0.6));
    assert_eq!(question_score(&kind, &Response::Number(8.0)), Some(0.6));
    assert_eq!(question_score(&kind, &Response::Number(80.0)), Some(0.0));
}

#[test]
fn skipped_and_unanswered_questions_have_no_score() {
    assert_eq!(question_score(&scale(5, false), &Response::Skipped), None);
    assert_eq!(
        question_score(&scale(5, false), &Response::Unanswered),
        None
    );
}

#[test]
fn theme_score_is_the_weighted_mean_of_answered_questions() {
    let (q, r, responses) = fixture();
    let outcome = score(&q, &r, r.profile(None).unwrap(), &responses, &[]);
    // alpha: 100 * (1*0.75 + 2*0.5 + 1*0.25 + 1*0.25 + 3*0.5) / 8
    let alpha = &outcome.themes[0];
    assert_close(alpha.score.unwrap(), 46.875);
    assert_eq!(alpha.coverage, 1.0);
    // beta: b2 (w 1) skipped: coverage 3/4, score 100 * (1*1 + 2*1) / 3
    let beta = &outcome.themes[1];
    assert_eq!(beta.coverage, 0.75);
    assert_close(beta.score.unwrap(), 100.0);
}

#[test]
fn a_theme_below_the_coverage_cut_off_has_no_score_gap_or_band() {
    let (q, r, responses) = fixture();
    let gamma = &score(&q, &r, r.profile(None).unwrap(), &responses, &[]).themes[2];
    assert_close(gamma.coverage, 1.0 / 3.0);
    assert_eq!((gamma.score, gamma.gap, gamma.band), (None, None, None));
    assert_eq!(gamma.target, 60.0, "the target is still known");
}

#[test]
fn coverage_equal_to_the_cut_off_is_scored() {
    let (q, r, responses) = fixture();
    let delta = &score(&q, &r, r.profile(None).unwrap(), &responses, &[]).themes[3];
    assert_eq!(delta.coverage, 0.5);
    assert_eq!(delta.score, Some(50.0));
}

#[test]
fn a_score_equal_to_a_band_start_is_in_that_band() {
    let (q, r, responses) = fixture();
    let epsilon = &score(&q, &r, r.profile(None).unwrap(), &responses, &[]).themes[4];
    assert_close(epsilon.score.unwrap(), 65.0);
    assert_eq!(r.bands[epsilon.band.unwrap()].id, "proficient");
    assert_eq!(
        epsilon.gap,
        Some(0.0),
        "a score equal to the target has no gap"
    );
    assert_eq!(r.bands[band_of(&r, 64.999)].id, "developing");
    assert_eq!(r.bands[band_of(&r, 0.0)].id, "foundational");
    assert_eq!(r.bands[band_of(&r, 100.0)].id, "strong");
}

#[test]
fn gap_is_target_minus_score_never_negative() {
    let (q, r, responses) = fixture();
    let outcome = score(&q, &r, r.profile(None).unwrap(), &responses, &[]);
    assert_close(outcome.themes[0].gap.unwrap(), 70.0 - 46.875);
    assert_eq!(
        outcome.themes[1].gap,
        Some(0.0),
        "100 against 60: overshoot is not a negative gap"
    );
    assert_eq!(outcome.themes[3].gap, Some(10.0));
}

#[test]
fn overall_is_the_rubric_weighted_mean_of_scored_themes() {
    let (q, r, responses) = fixture();
    let outcome = score(&q, &r, r.profile(None).unwrap(), &responses, &[]);
    // gamma is not scored and drops out of both sums.
    let expected = (2.0 * 46.875 + 1.0 * 100.0 + 0.5 * 50.0 + 1.0 * 65.0) / (2.0 + 1.0 + 0.5 + 1.0);
    assert_close(outcome.overall.unwrap(), expected);
    let target = (2.0 * 70.0 + 1.0 * 60.0 + 0.5 * 60.0 + 1.0 * 65.0) / 4.5;
    assert_close(outcome.overall_target.unwrap(), target);
}

#[test]
fn priorities_are_ordered_by_weighted_gap() {
    let (q, r, responses) = fixture();
    let outcome = score(&q, &r, r.profile(None).unwrap(), &responses, &[]);
    // alpha 2 * 23.125 = 46.25, delta 0.5 * 10 = 5; beta and epsilon have no gap.
    assert_eq!(outcome.priorities, [0, 3]);
}

#[test]
fn profiles_change_targets_and_equal_weighted_gaps_keep_questionnaire_order() {
    let (q, r, responses) = fixture();
    let outcome = score(
        &q,
        &r,
        r.profile(Some("director")).unwrap(),
        &responses,
        &[],
    );
    assert!(outcome.themes.iter().all(|t| t.target == 80.0));
    // alpha 2 * 33.125 = 66.25; delta 0.5 * 30 = 15 and epsilon 1 * 15 = 15 tie.
    assert_eq!(outcome.priorities, [0, 3, 4]);
}

#[test]
fn nothing_answered_means_no_overall_score() {
    let (q, r, responses) = fixture();
    let outcome = score(
        &q,
        &r,
        r.profile(None).unwrap(),
        &vec![Response::Skipped; responses.len()],
        &[],
    );
    assert_eq!(outcome.overall, None);
    assert!(outcome.priorities.is_empty());
    assert!(
        outcome
            .themes
            .iter()
            .all(|t| t.score.is_none() && t.coverage == 0.0)
    );
}

#[test]
fn themes_of_weight_zero_do_not_count_toward_overall() {
    let (q, mut r, responses) = fixture();
    for theme in &mut r.themes {
        theme.weight = 0.0;
    }
    r.themes[1].weight = 1.0;
    let outcome = score(&q, &r, r.profile(None).unwrap(), &responses, &[]);
    assert_eq!(outcome.overall, Some(100.0), "only beta counts");
    for theme in &mut r.themes {
        theme.weight = 0.0;
    }
    assert_eq!(
        score(&q, &r, r.profile(None).unwrap(), &responses, &[]).overall,
        None
    );
}
