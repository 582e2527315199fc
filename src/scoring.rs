//! The scoring arithmetic of SPEC.md "Scoring": a pure function from a
//! questionnaire, a rubric, a profile and answers to an [`Outcome`].
//!
//! Full precision is kept; rounding happens only when a report is shown.

use crate::answers::Response;
use crate::questionnaire::{Kind, Questionnaire};
use crate::rubric::{Profile, Rubric};

/// Comparisons of computed scores with thresholds from files allow this much
/// floating-point error, so that a score that is 65 on paper (but 64.99999…
/// in binary) lands in the band that starts at 65, and a score equal to its
/// target has no gap.
const EPSILON: f64 = 1e-9;

/// The scored result of one set of answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// One entry per questionnaire theme, in questionnaire order.
    pub themes: Vec<ThemeOutcome>,
    /// `sum(W * score) / sum(W)` over the scored themes; `None` when no theme
    /// with a positive weight was scored.
    pub overall: Option<f64>,
    /// The same weighted mean of the scored themes' targets.
    pub overall_target: Option<f64>,
    /// Theme indices with a gap, by weighted gap descending, ties in
    /// questionnaire order.
    pub priorities: Vec<usize>,
}

/// The scored result of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeOutcome {
    /// The rubric's weight for the theme (`W`).
    pub weight: f64,
    /// Answered share of the theme's question weight, in `0..=1`.
    pub coverage: f64,
    /// `0..=100`, or `None` when coverage is below the rubric's minimum.
    pub score: Option<f64>,
    /// The profile's target.
    pub target: f64,
    /// `max(0, target - score)`, `None` when there is no score.
    pub gap: Option<f64>,
    /// Index into the rubric's bands, `None` when there is no score.
    pub band: Option<usize>,
}

/// The score `s` in `0..=1` of one response, `None` when it was not answered.
pub fn question_score(kind: &Kind, response: &Response) -> Option<f64> {
    match (kind, response) {
        (Kind::Scale { labels, reverse }, Response::Scale(value)) => {
            let n = labels.len() as f64;
            let s = (f64::from(*value) - 1.0) / (n - 1.0);
            Some(if *reverse { 1.0 - s } else { s })
        }
        (Kind::Choice { options }, Response::Choice(index)) => {
            let best = options.iter().map(|o| o.score).fold(f64::MIN, f64::max);
            Some(options[*index].score / best)
        }
        (Kind::Multi { options }, Response::Multi(chosen)) => {
            let possible: f64 = options.iter().map(|o| o.score).filter(|s| *s > 0.0).sum();
            let got: f64 = chosen.iter().map(|&i| options[i].score).sum();
            Some((got / possible).clamp(0.0, 1.0))
        }
        (Kind::Number { bands, .. }, Response::Number(value)) => bands
            .iter()
            .find(|band| band.upto.is_none_or(|upto| upto >= *value))
            .or(bands.last())
            .map(|band| band.score),
        _ => None,
    }
}

/// Scores `responses` (one per question, in questionnaire order).
pub fn score(
    questionnaire: &Questionnaire,
    rubric: &Rubric,
    profile: &Profile,
    responses: &[Response],
) -> Outcome {
    let themes: Vec<ThemeOutcome> = questionnaire
        .themes
        .iter()
        .enumerate()
        .map(|(index, _)| {
            let mut total_weight = 0.0;
            let mut answered_weight = 0.0;
            let mut weighted_sum = 0.0;
            for (question_index, question) in questionnaire.questions_of(index) {
                total_weight += question.weight;
                if let Some(s) = responses
                    .get(question_index)
                    .and_then(|response| question_score(&question.kind, response))
                {
                    answered_weight += question.weight;
                    weighted_sum += question.weight * s;
                }
            }
            let coverage = if total_weight > 0.0 {
                answered_weight / total_weight
            } else {
                0.0
            };
            let scored = answered_weight > 0.0 && coverage + EPSILON >= rubric.min_coverage;
            let score = scored.then(|| 100.0 * weighted_sum / answered_weight);
            let target = profile.targets[index];
            ThemeOutcome {
                weight: rubric.themes[index].weight,
                coverage,
                score,
                target,
                gap: score.map(|score| {
                    if target - score > EPSILON {
                        target - score
                    } else {
                        0.0
                    }
                }),
                band: score.map(|score| band_of(rubric, score)),
            }
        })
        .collect();

    let scored: Vec<&ThemeOutcome> = themes.iter().filter(|t| t.score.is_some()).collect();
    let weight: f64 = scored.iter().map(|t| t.weight).sum();
    let weighted_mean = |value: &dyn Fn(&ThemeOutcome) -> f64| {
        (weight > 0.0).then(|| scored.iter().map(|t| t.weight * value(t)).sum::<f64>() / weight)
    };
    let overall = weighted_mean(&|t| t.score.unwrap_or_default());
    let overall_target = weighted_mean(&|t| t.target);

    let mut priorities: Vec<usize> = (0..themes.len())
        .filter(|&i| themes[i].gap.is_some_and(|gap| gap > 0.0))
        .collect();
    // A stable sort keeps questionnaire order among equal weighted gaps.
    priorities.sort_by(|&a, &b| {
        let weighted = |i: usize| themes[i].weight * themes[i].gap.unwrap_or_default();
        weighted(b).total_cmp(&weighted(a))
    });

    Outcome {
        themes,
        overall,
        overall_target,
        priorities,
    }
}

/// The last band whose `from` is at most `score`.
pub fn band_of(rubric: &Rubric, score: f64) -> usize {
    rubric
        .bands
        .iter()
        .rposition(|band| band.from <= score + EPSILON)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::file::AnswerFile;
    use crate::questionnaire::{self, Choice, NumberBand};
    use crate::rubric;
    use crate::source::Source;

    const QUESTIONNAIRE: &str = include_str!("../tests/fixtures/rules/questionnaire.toml");
    const RUBRIC: &str = include_str!("../tests/fixtures/rules/rubric.toml");
    const ANSWERS: &str = include_str!("../tests/fixtures/rules/answers.toml");

    fn fixture() -> (Questionnaire, Rubric, Vec<Response>) {
        let questionnaire = questionnaire::load(&Source::new("q.toml", QUESTIONNAIRE)).unwrap();
        let rubric = rubric::load(&Source::new("r.toml", RUBRIC), &questionnaire).unwrap();
        let source = Source::new("a.toml", ANSWERS);
        let answers = AnswerFile::parse(&source)
            .check(&questionnaire, false)
            .unwrap();
        (questionnaire, rubric, answers.responses)
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
        let outcome = score(&q, &r, r.profile(None).unwrap(), &responses);
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
        let gamma = &score(&q, &r, r.profile(None).unwrap(), &responses).themes[2];
        assert_close(gamma.coverage, 1.0 / 3.0);
        assert_eq!((gamma.score, gamma.gap, gamma.band), (None, None, None));
        assert_eq!(gamma.target, 60.0, "the target is still known");
    }

    #[test]
    fn coverage_equal_to_the_cut_off_is_scored() {
        let (q, r, responses) = fixture();
        let delta = &score(&q, &r, r.profile(None).unwrap(), &responses).themes[3];
        assert_eq!(delta.coverage, 0.5);
        assert_eq!(delta.score, Some(50.0));
    }

    #[test]
    fn a_score_equal_to_a_band_start_is_in_that_band() {
        let (q, r, responses) = fixture();
        let epsilon = &score(&q, &r, r.profile(None).unwrap(), &responses).themes[4];
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
        let outcome = score(&q, &r, r.profile(None).unwrap(), &responses);
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
        let outcome = score(&q, &r, r.profile(None).unwrap(), &responses);
        // gamma is not scored and drops out of both sums.
        let expected =
            (2.0 * 46.875 + 1.0 * 100.0 + 0.5 * 50.0 + 1.0 * 65.0) / (2.0 + 1.0 + 0.5 + 1.0);
        assert_close(outcome.overall.unwrap(), expected);
        let target = (2.0 * 70.0 + 1.0 * 60.0 + 0.5 * 60.0 + 1.0 * 65.0) / 4.5;
        assert_close(outcome.overall_target.unwrap(), target);
    }

    #[test]
    fn priorities_are_ordered_by_weighted_gap() {
        let (q, r, responses) = fixture();
        let outcome = score(&q, &r, r.profile(None).unwrap(), &responses);
        // alpha 2 * 23.125 = 46.25, delta 0.5 * 10 = 5; beta and epsilon have no gap.
        assert_eq!(outcome.priorities, [0, 3]);
    }

    #[test]
    fn profiles_change_targets_and_equal_weighted_gaps_keep_questionnaire_order() {
        let (q, r, responses) = fixture();
        let outcome = score(&q, &r, r.profile(Some("director")).unwrap(), &responses);
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
        let outcome = score(&q, &r, r.profile(None).unwrap(), &responses);
        assert_eq!(outcome.overall, Some(100.0), "only beta counts");
        for theme in &mut r.themes {
            theme.weight = 0.0;
        }
        assert_eq!(
            score(&q, &r, r.profile(None).unwrap(), &responses).overall,
            None
        );
    }
}
