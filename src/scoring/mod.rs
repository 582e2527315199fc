//! The scoring arithmetic: a pure function from a questionnaire, a rubric, a
//! profile and responses to an [`Outcome`], with the score of every question,
//! every theme and the whole.
//!
//! Full precision is kept; rounding happens only when a report is shown.

use crate::questionnaire::{Kind, Questionnaire, Response};
use crate::rubric::{Profile, Rubric};

/// Comparisons of computed scores with thresholds from files allow this much
/// floating-point error, so that a score that is 65 on paper (but 64.99999…
/// in binary) lands in the band that starts at 65, and a score equal to its
/// target has no gap.
const EPSILON: f64 = 1e-9;

/// The scored result of one set of answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The score `s` of each question, in questionnaire order; `None` where
    /// it was not answered.
    pub questions: Vec<Option<f64>>,
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
    let questions: Vec<Option<f64>> = questionnaire
        .questions
        .iter()
        .zip(responses)
        .map(|(question, response)| question_score(&question.kind, response))
        .collect();
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
                if let Some(s) = questions.get(question_index).copied().flatten() {
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
        questions,
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
mod tests;
