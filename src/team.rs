//! The team's view of a manager: the responses of a feedback round, each
//! scored as an answer file, aggregated per theme and per group with the
//! privacy rules of a round — nothing is shown of fewer responses than the
//! round's minimum. Pure: `collect` opens the envelopes and saves the result.

use crate::questionnaire::{Answers, ContextValue, GROUP_CONTEXT, Kind, Questionnaire};
use crate::report::{
    Comment, GroupTheme, GroupView, Meta, Mirror, QuestionnaireInfo, Report, RubricInfo, TeamTheme,
    TeamView, ThemeReport,
};
use crate::rubric::{Profile, Rubric};
use crate::scoring::{self, Outcome};
use crate::stats::mean_sd;

pub use crate::report::TEAM_RATER;

/// The smallest group a round may show.
pub const MIN_GROUP: usize = 3;

/// The group that pools groups too small to be shown on their own.
pub const OTHER_GROUP: &str = "other";

/// One response, opened and checked.
#[derive(Clone, Debug)]
pub struct Response {
    /// The rater's group.
    pub group: String,
    /// The answers (with the group as the `group` context).
    pub answers: Answers,
    /// What to keep doing.
    pub keep: Option<String>,
    /// What to change.
    pub change: Option<String>,
}

/// Scores every response against the team form.
pub fn score_all(
    form: &Questionnaire,
    rubric: &Rubric,
    profile: &Profile,
    responses: &[Response],
) -> Vec<Outcome> {
    responses
        .iter()
        .map(|r| {
            scoring::score(
                form,
                rubric,
                profile,
                &r.answers.responses,
                &r.answers.context,
            )
        })
        .collect()
}

/// The team report of `responses` to `form`: per theme the mean of the
/// responses' scores where at least `min_group` scored it, per group the
/// same for groups of at least `min_group` (smaller ones pooled as
/// `other` when the pool is large enough), comments and mirrored answers
/// only from `min_group` responses on. `shuffle` orders the comments.
#[allow(clippy::too_many_arguments)]
pub fn report(
    form: &Questionnaire,
    rubric: &Rubric,
    profile: &Profile,
    responses: &[Response],
    round: &str,
    groups: &[String],
    min_group: usize,
    meta: Meta,
    shuffle: &mut dyn FnMut(usize) -> usize,
) -> Report {
    let outcomes = score_all(form, rubric, profile, responses);
    let theme_scores = |members: &[usize], theme: usize| -> Vec<f64> {
        members
            .iter()
            .filter_map(|&i| outcomes[i].themes[theme].score)
            .collect()
    };
    let everyone: Vec<usize> = (0..responses.len()).collect();

    let mut themes = Vec::with_capacity(form.themes.len());
    let mut team_themes = Vec::with_capacity(form.themes.len());
    for (index, theme) in form.themes.iter().enumerate() {
        let scores = theme_scores(&everyone, index);
        let shown = scores.len() >= min_group;
        let (mean, sd) = mean_sd(&scores);
        let score = mean.filter(|_| shown);
        let target = profile.targets[index];
        let gap = score
            .map(|s| (target - s).max(0.0))
            .map(|g| if g < 1e-9 { 0.0 } else { g });
        let band = score.map(|s| scoring::band_of(rubric, s));
        // The advice of the team's band, with the lines tied to questions
        // that most raters answered low.
        let low: Vec<Option<f64>> = (0..form.questions.len())
            .map(|q| {
                let answered: Vec<f64> = outcomes.iter().filter_map(|o| o.questions[q]).collect();
                mean_sd(&answered).0
            })
            .collect();
        themes.push(ThemeReport {
            id: theme.id.clone(),
            title: theme.title.clone(),
            description: theme.description.clone(),
            hash: theme.hash.clone(),
            weight: rubric.themes[index].weight,
            score,
            target,
            gap,
            band: band.map(|b| rubric.bands[b].id.clone()),
            // A shown theme is complete; the count is in the team's view.
            coverage: if shown { 1.0 } else { 0.0 },
            not_applicable: 0,
            advice: band
                .map(|b| rubric.advice(index, b, &low))
                .unwrap_or_default(),
            note: None,
        });
        team_themes.push(TeamTheme {
            id: theme.id.clone(),
            n: shown.then_some(scores.len()),
            sd: sd.filter(|_| shown),
        });
    }

    // Groups: shown from the minimum on; the rest pooled when large enough.
    let mut views = Vec::new();
    let mut hidden = Vec::new();
    let mut pool: Vec<usize> = Vec::new();
    let group_view = |id: &str, members: &[usize]| GroupView {
        id: id.to_owned(),
        n: members.len(),
        themes: form
            .themes
            .iter()
            .enumerate()
            .map(|(index, theme)| {
                let scores = theme_scores(members, index);
                let shown = scores.len() >= min_group;
                let (mean, sd) = mean_sd(&scores);
                GroupTheme {
                    id: theme.id.clone(),
                    score: mean.filter(|_| shown),
                    n: shown.then_some(scores.len()),
                    sd: sd.filter(|_| shown),
                }
            })
            .collect(),
    };
    for group in groups {
        let members: Vec<usize> = everyone
            .iter()
            .copied()
            .filter(|&i| responses[i].group == *group)
            .collect();
        if members.len() >= min_group {
            views.push(group_view(group, &members));
        } else {
            if !members.is_empty() {
                pool.extend(&members);
            }
            hidden.push(group.clone());
        }
    }
    if pool.len() >= min_group {
        views.push(group_view(OTHER_GROUP, &pool));
    }

    let mut comments: Vec<Comment> = if responses.len() >= min_group {
        responses
            .iter()
            .filter(|r| r.keep.is_some() || r.change.is_some())
            .map(|r| Comment {
                keep: r.keep.clone(),
                change: r.change.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    for i in (1..comments.len()).rev() {
        comments.swap(i, shuffle(i + 1));
    }

    let mirrors = form
        .questions
        .iter()
        .enumerate()
        .filter_map(|(index, question)| {
            let mirrors = question.mirrors.clone()?;
            let given: Vec<String> = responses
                .iter()
                .filter(|r| r.answers.responses[index].is_answered())
                .map(|r| crate::questionnaire::describe(question, &r.answers.responses[index]))
                .collect();
            (given.len() >= min_group).then(|| Mirror {
                question: question.id.clone(),
                text: question.text.clone(),
                mirrors,
                answers: answer_counts(question, &given),
            })
        })
        .collect();

    let scored: Vec<&ThemeReport> = themes.iter().filter(|t| t.score.is_some()).collect();
    let weight: f64 = scored.iter().map(|t| t.weight).sum();
    let overall = (weight > 0.0).then(|| {
        scored
            .iter()
            .map(|t| t.weight * t.score.unwrap_or_default())
            .sum::<f64>()
            / weight
    });
    let overall_target =
        (weight > 0.0).then(|| scored.iter().map(|t| t.weight * t.target).sum::<f64>() / weight);
    let mut priorities: Vec<usize> = (0..themes.len())
        .filter(|&i| themes[i].gap.is_some_and(|g| g > 0.0))
        .collect();
    priorities.sort_by(|&a, &b| {
        let weighted = |i: usize| themes[i].weight * themes[i].gap.unwrap_or_default();
        weighted(b).total_cmp(&weighted(a))
    });
    Report {
        schema: crate::document::SCHEMA,
        id: meta.id,
        created: meta.created,
        leadgap: env!("CARGO_PKG_VERSION").to_owned(),
        respondent: meta.respondent,
        rater: TEAM_RATER.to_owned(),
        questionnaire: QuestionnaireInfo {
            id: form.id.clone(),
            version: form.version.clone(),
            title: form.title.clone(),
            hash: form.hash.clone(),
        },
        rubric: RubricInfo {
            id: rubric.id.clone(),
            profile: profile.id.clone(),
            min_coverage: rubric.min_coverage,
        },
        overall,
        overall_target,
        priorities: priorities.iter().map(|&i| themes[i].id.clone()).collect(),
        themes,
        answers: Vec::new(),
        context: Vec::new(),
        checks: Vec::new(),
        quality: Vec::new(),
        reviews: Vec::new(),
        team: Some(TeamView {
            round: round.to_owned(),
            raters: responses.len(),
            min_group,
            themes: team_themes,
            groups: views,
            hidden_groups: hidden,
            comments,
            mirrors,
        }),
    }
}

/// How many gave each answer, in the question's order of answers.
fn answer_counts(
    question: &crate::questionnaire::Question,
    given: &[String],
) -> Vec<(String, usize)> {
    let mut labels: Vec<String> = match &question.kind {
        Kind::Scale { labels, .. } => labels.clone(),
        Kind::Choice { options } | Kind::Multi { options } => {
            options.iter().map(|o| o.label.clone()).collect()
        }
        Kind::Number { .. } => Vec::new(),
    };
    for answer in given {
        if !labels.contains(answer) {
            labels.push(answer.clone());
        }
    }
    labels
        .into_iter()
        .map(|label| {
            let count = given.iter().filter(|g| **g == label).count();
            (label, count)
        })
        .collect()
}

/// The `group` context value of `group` in `form`, if the form has it.
pub fn group_value(form: &Questionnaire, group: &str) -> Option<(usize, ContextValue)> {
    let index = form.context_index(GROUP_CONTEXT)?;
    match &form.contexts[index].kind {
        crate::questionnaire::ContextKind::Choice { options } => options
            .iter()
            .position(|o| o.id == group)
            .map(|o| (index, ContextValue::Choice(o))),
        crate::questionnaire::ContextKind::Number { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::stats::mean_sd;

    #[test]
    fn the_spread_is_the_sample_standard_deviation() {
        // 50, 60, 70: mean 60, sd sqrt((100 + 0 + 100) / 2) = 10.
        assert_eq!(mean_sd(&[50.0, 60.0, 70.0]), (Some(60.0), Some(10.0)));
        assert_eq!(mean_sd(&[42.0]), (Some(42.0), None));
        assert_eq!(mean_sd(&[]), (None, None));
    }
}
