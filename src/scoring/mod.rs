//! The scoring arithmetic: a pure function from a questionnaire, a rubric, a
//! profile and responses to an [`Outcome`], with the score of every question,
//! every theme and the whole.
//!
//! Full precision is kept; rounding happens only when a report is shown.

use crate::questionnaire::{Basis, ContextValue, Kind, Question, Questionnaire, Response};
use crate::rubric::{Profile, Rubric};

/// Comparisons of computed scores with thresholds from files allow this much
/// floating-point error, so that a score that is 65 on paper (but 64.99999…
/// in binary) lands in the band that starts at 65, and a score equal to its
/// target has no gap.
const EPSILON: f64 = 1e-9;

/// A theme meets its target only when its facts are no more than this many
/// points below it: a score that rests on views cannot meet a target that
/// the facts do not bear out.
pub const FACTS_MARGIN: f64 = 10.0;

/// The scored result of one set of answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The score `s` of each question, in questionnaire order; `None` where
    /// it was not answered or does not apply.
    pub questions: Vec<Option<f64>>,
    /// Whether each question applies to the respondent's context.
    pub applies: Vec<bool>,
    /// The indices of the questionnaire's checks that hold.
    pub checks: Vec<usize>,
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
    /// Answered share of the weight of the theme's questions that apply,
    /// in `0..=1`.
    pub coverage: f64,
    /// How many of the theme's questions do not apply.
    pub not_applicable: usize,
    /// `0..=100`, or `None` when coverage is below the rubric's minimum.
    pub score: Option<f64>,
    /// The profile's target.
    pub target: f64,
    /// `max(0, target - score)`, `None` when there is no score.
    pub gap: Option<f64>,
    /// Index into the rubric's bands, `None` when there is no score.
    pub band: Option<usize>,
    /// The same mean over the answered, applicable questions that ask what
    /// happened (`basis = "fact"`); `None` when none is answered.
    pub facts: Option<f64>,
    /// The same mean over the views; `None` when none is answered.
    pub views: Option<f64>,
}

impl ThemeOutcome {
    /// Whether the theme meets its target (see [`meets`]).
    pub fn met(&self) -> bool {
        meets(self.score, self.target, self.facts)
    }

    /// What the verdict on the theme rests on.
    pub fn standing(&self) -> Standing {
        Standing {
            weight: self.weight,
            score: self.score,
            target: self.target,
            facts: self.facts,
        }
    }
}

/// What the verdict on a theme rests on — whatever report it is in, self,
/// rated or team: its weight, score, target and facts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Standing {
    /// The rubric's weight (`W`).
    pub weight: f64,
    /// Its score, if it has one.
    pub score: Option<f64>,
    /// Its target.
    pub target: f64,
    /// Its facts sub-score, if it has facts.
    pub facts: Option<f64>,
}

impl Standing {
    /// Whether the theme meets its target (see [`meets`]).
    pub fn met(&self) -> bool {
        meets(self.score, self.target, self.facts)
    }

    /// How pressing it is: its weight times its [`shortfall`].
    pub fn pressing(&self) -> f64 {
        self.weight * shortfall(self.score, self.target, self.facts)
    }
}

/// The priorities among `themes`: the scored themes not met, most pressing
/// first, ties in the given order. The one rule every report uses.
pub fn priorities(themes: &[Standing]) -> Vec<usize> {
    let mut priorities: Vec<usize> = (0..themes.len())
        .filter(|&i| themes[i].score.is_some() && !themes[i].met())
        .collect();
    // A stable sort keeps the given order among equal weighted shortfalls.
    priorities.sort_by(|&a, &b| themes[b].pressing().total_cmp(&themes[a].pressing()));
    priorities
}

/// The overall score and the overall target of `themes`: their means
/// weighted by `W`, over the scored themes; `None` when no theme with a
/// positive weight has a score.
pub fn overall(themes: &[Standing]) -> (Option<f64>, Option<f64>) {
    let scored: Vec<&Standing> = themes.iter().filter(|t| t.score.is_some()).collect();
    let weight: f64 = scored.iter().map(|t| t.weight).sum();
    let mean = |value: &dyn Fn(&Standing) -> f64| {
        (weight > 0.0).then(|| scored.iter().map(|t| t.weight * value(t)).sum::<f64>() / weight)
    };
    (mean(&|t| t.score.unwrap_or_default()), mean(&|t| t.target))
}

/// Whether a theme scored `score` with facts `facts` meets `target`: its
/// score reaches the target, and its facts (where it has any) are no more
/// than [`FACTS_MARGIN`] below it.
pub fn meets(score: Option<f64>, target: f64, facts: Option<f64>) -> bool {
    score.is_some_and(|score| gap(target, score) == 0.0)
        && facts.is_none_or(|facts| facts + FACTS_MARGIN + EPSILON >= target)
}

/// How far a theme is from meeting its target: its gap, or how far its
/// facts fall short of the margin below the target, whichever is larger.
/// Priorities are ordered by this, weighted.
pub fn shortfall(score: Option<f64>, target: f64, facts: Option<f64>) -> f64 {
    let gap = score.map_or(0.0, |score| gap(target, score));
    let facts = facts.map_or(0.0, |facts| (target - FACTS_MARGIN - facts).max(0.0));
    gap.max(facts)
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

/// The score `s` of `response` to `question` in `context`: "don't know"
/// scores 0, and a number with `per` is divided by its context's answer
/// before the bands apply (`None` while that answer is missing).
pub fn answer_score(
    question: &Question,
    response: &Response,
    context: &[Option<ContextValue>],
) -> Option<f64> {
    match (response, &question.per) {
        (Response::DontKnow, _) => Some(0.0),
        (Response::Number(value), Some((index, _))) => match context.get(*index) {
            Some(Some(ContextValue::Number(size))) if *size > 0.0 => {
                question_score(&question.kind, &Response::Number(value / size))
            }
            _ => None,
        },
        _ => question_score(&question.kind, response),
    }
}

/// Scores `responses` (one per question, in questionnaire order) in
/// `context` (one answer per context question).
pub fn score(
    questionnaire: &Questionnaire,
    rubric: &Rubric,
    profile: &Profile,
    responses: &[Response],
    context: &[Option<ContextValue>],
) -> Outcome {
    let applies: Vec<bool> = (0..questionnaire.questions.len())
        .map(|index| questionnaire.applies(index, context))
        .collect();
    let questions: Vec<Option<f64>> = questionnaire
        .questions
        .iter()
        .zip(responses)
        .zip(&applies)
        .map(|((question, response), applies)| {
            applies
                .then(|| answer_score(question, response, context))
                .flatten()
        })
        .collect();
    let themes: Vec<ThemeOutcome> = questionnaire
        .themes
        .iter()
        .enumerate()
        .map(|(index, _)| {
            let mut total_weight = 0.0;
            let mut answered_weight = 0.0;
            let mut weighted_sum = 0.0;
            let mut not_applicable = 0;
            // (weight answered, weighted sum) per basis: facts, views.
            let mut by_basis = [(0.0, 0.0); 2];
            for (question_index, question) in questionnaire.questions_of(index) {
                if !applies[question_index] {
                    not_applicable += 1;
                    continue;
                }
                total_weight += question.weight;
                if let Some(s) = questions.get(question_index).copied().flatten() {
                    answered_weight += question.weight;
                    weighted_sum += question.weight * s;
                    let part = &mut by_basis[usize::from(question.basis == Basis::View)];
                    part.0 += question.weight;
                    part.1 += question.weight * s;
                }
            }
            let [facts, views] =
                by_basis.map(|(weight, sum)| (weight > 0.0).then(|| 100.0 * sum / weight));
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
                not_applicable,
                score,
                target,
                gap: score.map(|score| gap(target, score)),
                band: score.map(|score| band_of(rubric, score)),
                facts,
                views,
            }
        })
        .collect();

    // A global item ("would you recommend…") is reported beside the
    // themes, never in the overall score or among the priorities: the same
    // rule as a team report's.
    let standings: Vec<Standing> = themes
        .iter()
        .zip(&questionnaire.themes)
        .map(|(outcome, theme)| Standing {
            score: outcome.score.filter(|_| !theme.global),
            ..outcome.standing()
        })
        .collect();
    let (overall, overall_target) = self::overall(&standings);
    let priorities = self::priorities(&standings);

    let checks = questionnaire
        .checks
        .iter()
        .enumerate()
        .filter(|(_, check)| {
            check.conditions.iter().all(|condition| {
                questions[condition.question].is_some_and(|s| {
                    condition.at_least.is_none_or(|least| s + EPSILON >= least)
                        && condition.at_most.is_none_or(|most| s <= most + EPSILON)
                })
            })
        })
        .map(|(index, _)| index)
        .collect();

    Outcome {
        questions,
        applies,
        checks,
        themes,
        overall,
        overall_target,
        priorities,
    }
}

/// `max(0, target - score)`, a difference within floating-point error
/// counted as none: a score equal to its target has no gap.
pub fn gap(target: f64, score: f64) -> f64 {
    if target - score > EPSILON {
        target - score
    } else {
        0.0
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
mod context_tests;
#[cfg(test)]
mod tests;
