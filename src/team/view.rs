//! The team's view: the counted responses of a round, each scored as an
//! answer file, combined per theme and per group under one rule — **no
//! figure rests on fewer responses than its threshold, directly or by
//! subtraction.**
//!
//! - A group is shown when it has at least its threshold of responses (the
//!   round's minimum; 1 for a group shown alone). Groups below it are pooled
//!   as `other`, shown when the pool reaches the minimum. Responses in
//!   neither are *left out*: they count in no figure of any kind.
//! - Per theme, a shown group's (or the pool's) figure is shown when at
//!   least its threshold of its responses scored the theme; the team's
//!   figure of the theme is the mean of exactly those shown figures'
//!   responses, and is shown from the minimum on. So the team's `n` is the
//!   sum of the shown groups' `n`, and its sum of scores the sum of theirs:
//!   nothing is left over to subtract.
//! - Advice tied to a question, and the spread of a mirrored question's
//!   answers, use the same responses, and only from the minimum of answers
//!   on. Comments come from the same responses, only when at least the
//!   minimum count, as two lists shuffled apart from each other.

use super::MIN_GROUP;
use super::OTHER_GROUP;
use super::invite::Invite;
use super::response::Opened;
use crate::questionnaire::{Kind, Question, Questionnaire, Response, format_number};
use crate::report::{
    Global, GroupTheme, GroupView, Meta, Mirror, QuestionnaireInfo, Report, RubricInfo, TEAM_RATER,
    TeamTheme, TeamView, ThemeReport,
};
use crate::scoring::{self, Outcome};
use crate::stats::mean_sd;

/// A group shown in the report (or the pool of small ones).
struct Unit {
    id: String,
    members: Vec<usize>,
    threshold: usize,
}

/// The team report of the counted `responses` of `invite`'s round; `rng`
/// orders the comments.
pub fn report(
    invite: &Invite,
    responses: &[Opened],
    meta: Meta,
    rng: &mut dyn rand::RngCore,
) -> Report {
    let form = &invite.form;
    let rubric = &invite.rubric;
    let profile = invite.profile();
    let outcomes: Vec<Outcome> = responses
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
        .collect();

    // The groups shown, then the pool of the others.
    let mut units: Vec<Unit> = Vec::new();
    let mut pool: Vec<usize> = Vec::new();
    let mut hidden: Vec<String> = Vec::new();
    for group in &invite.groups {
        let members: Vec<usize> = (0..responses.len())
            .filter(|&i| responses[i].group == *group)
            .collect();
        let threshold = invite.threshold(group);
        if !members.is_empty() && members.len() >= threshold {
            units.push(Unit {
                id: group.clone(),
                members,
                threshold,
            });
        } else {
            pool.extend(members);
            hidden.push(group.clone());
        }
    }
    let pooled = pool.len() >= invite.min_group;
    if pooled {
        units.push(Unit {
            id: OTHER_GROUP.to_owned(),
            members: pool,
            threshold: invite.min_group,
        });
    }
    let shown_count: usize = units.iter().map(|u| u.members.len()).sum();

    // Per theme: each unit's responses that scored it, when there are
    // enough; the team's are exactly those.
    let scored = |members: &[usize], theme: usize| -> Vec<usize> {
        members
            .iter()
            .copied()
            .filter(|&i| outcomes[i].themes[theme].score.is_some())
            .collect()
    };
    let theme_scores = |members: &[usize], theme: usize| -> Vec<f64> {
        members
            .iter()
            .filter_map(|&i| outcomes[i].themes[theme].score)
            .collect()
    };
    let mut team_members: Vec<Vec<usize>> = Vec::with_capacity(form.themes.len());
    let mut unit_themes: Vec<Vec<GroupTheme>> = vec![Vec::new(); units.len()];
    for (theme, info) in form.themes.iter().enumerate() {
        let mut members = Vec::new();
        for (u, unit) in units.iter().enumerate() {
            let who = scored(&unit.members, theme);
            let shown = !who.is_empty() && who.len() >= unit.threshold;
            let (mean, sd) = mean_sd(&theme_scores(&who, theme));
            unit_themes[u].push(GroupTheme {
                id: info.id.clone(),
                score: mean.filter(|_| shown),
                n: shown.then_some(who.len()),
                sd: sd.filter(|_| shown),
            });
            if shown {
                members.extend(who);
            }
        }
        team_members.push(members);
    }

    let mut themes = Vec::with_capacity(form.themes.len());
    let mut team_themes = Vec::with_capacity(form.themes.len());
    for (index, theme) in form.themes.iter().enumerate() {
        let members = &team_members[index];
        let shown = members.len() >= invite.min_group;
        let (mean, sd) = mean_sd(&theme_scores(members, index));
        let score = mean.filter(|_| shown);
        let target = profile.targets[index];
        let gap = score.map(|s| scoring::gap(target, s));
        let band = score.map(|s| scoring::band_of(rubric, s));
        // Advice tied to a question follows the same responses' answers to
        // it, and only where enough of them answered it.
        let low: Vec<Option<f64>> = (0..form.questions.len())
            .map(|q| {
                let answers: Vec<f64> = members
                    .iter()
                    .filter_map(|&i| outcomes[i].questions[q])
                    .collect();
                (answers.len() >= invite.min_group)
                    .then(|| mean_sd(&answers).0)
                    .flatten()
            })
            .collect();
        themes.push(ThemeReport {
            id: theme.id.clone(),
            title: theme.title.clone(),
            description: theme.description.clone(),
            hash: theme.hash.clone(),
            global: theme.global,
            weight: rubric.themes[index].weight,
            score,
            target,
            gap,
            band: band.map(|b| rubric.bands[b].id.clone()),
            // The team's facts and views: the means of the same responses'
            // sub-scores, only where every one of them has that part, so
            // that each rests on exactly the theme's responses.
            facts: part(members, &|i| outcomes[i].themes[index].facts).filter(|_| shown),
            views: part(members, &|i| outcomes[i].themes[index].views).filter(|_| shown),
            // A shown theme is complete; the count is in the team's view.
            coverage: if shown { 1.0 } else { 0.0 },
            not_applicable: 0,
            advice: band
                .map(|b| rubric.advice(index, b, &low, &form.weights()))
                .unwrap_or_default(),
            note: None,
        });
        team_themes.push(TeamTheme {
            id: theme.id.clone(),
            n: shown.then_some(members.len()),
            sd: sd.filter(|_| shown),
        });
    }

    // A global item is reported on its own, beside the themes: out of
    // them, and so out of the overall score and the priorities.
    let global: Vec<Global> = (0..form.themes.len())
        .filter(|&index| form.themes[index].global)
        .map(|index| Global {
            id: form.themes[index].id.clone(),
            title: form.themes[index].title.clone(),
            score: themes[index].score,
            n: team_themes[index].n,
            sd: team_themes[index].sd,
            groups: units
                .iter()
                .zip(&unit_themes)
                .map(|(unit, shown)| GroupTheme {
                    id: unit.id.clone(),
                    ..shown[index].clone()
                })
                .collect(),
        })
        .collect();
    let themes = themes_only(form, themes);
    let team_themes = themes_only(form, team_themes);
    let groups: Vec<GroupView> = units
        .iter()
        .zip(unit_themes)
        .map(|(unit, themes)| GroupView {
            id: unit.id.clone(),
            n: unit.members.len(),
            themes: themes_only(form, themes),
        })
        .collect();

    let mirrors = form
        .questions
        .iter()
        .enumerate()
        .filter_map(|(index, question)| {
            let mirrors = question.mirrors.clone()?;
            let given: Vec<&Response> = team_members[question.theme]
                .iter()
                .map(|&i| &responses[i].answers.responses[index])
                .filter(|r| r.is_answered())
                .collect();
            (given.len() >= invite.min_group).then(|| Mirror {
                question: question.id.clone(),
                text: question.text.clone(),
                mirrors,
                answers: spread(question, &given),
            })
        })
        .collect();

    // Comments: from the responses in the figures, and only from the
    // minimum on; each list shuffled on its own, so that no two are known
    // to come from one person.
    let in_figures: Vec<usize> = units.iter().flat_map(|u| u.members.clone()).collect();
    let comments = |pick: &dyn Fn(&Opened) -> Option<&String>, rng: &mut dyn rand::RngCore| {
        if in_figures.len() < invite.min_group.max(MIN_GROUP) {
            return Vec::new();
        }
        let mut list: Vec<String> = in_figures
            .iter()
            .filter_map(|&i| pick(&responses[i]).cloned())
            .collect();
        rand::seq::SliceRandom::shuffle(list.as_mut_slice(), rng);
        list
    };
    let keep = comments(&|r: &Opened| r.keep.as_ref(), rng);
    let change = comments(&|r: &Opened| r.change.as_ref(), rng);

    // The one verdict every report uses: met, priorities, overall.
    let standings: Vec<scoring::Standing> = themes.iter().map(ThemeReport::standing).collect();
    let (overall, overall_target) = scoring::overall(&standings);
    let priorities = scoring::priorities(&standings);
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
        plan: Vec::new(),
        team: Some(TeamView {
            round: invite.round.clone(),
            raters: shown_count,
            left_out: responses.len() - shown_count,
            min_group: invite.min_group,
            open_groups: invite.open_groups.clone(),
            collector: invite.holder.collector().map(str::to_owned),
            themes: team_themes,
            groups,
            hidden_groups: hidden,
            keep,
            change,
            mirrors,
            global,
        }),
        signature: None,
    }
}

/// The mean of `value` over `members`, when every one of them has it.
fn part(members: &[usize], value: &dyn Fn(usize) -> Option<f64>) -> Option<f64> {
    let values: Option<Vec<f64>> = members.iter().map(|&i| value(i)).collect();
    values.and_then(|v| mean_sd(&v).0)
}

/// The items of `all`, one per theme of `form`, that are not global.
fn themes_only<T>(form: &Questionnaire, all: Vec<T>) -> Vec<T> {
    all.into_iter()
        .zip(&form.themes)
        .filter(|(_, theme)| !theme.global)
        .map(|(item, _)| item)
        .collect()
}

/// How many gave each answer, in the question's order of answers; numbers
/// in at most three ranges, so that a small group's exact counts are not
/// each a person.
fn spread(question: &Question, given: &[&Response]) -> Vec<(String, usize)> {
    let mut labels: Vec<String> = match &question.kind {
        Kind::Scale { labels, .. } => labels.clone(),
        Kind::Choice { options } | Kind::Multi { options } => {
            options.iter().map(|o| o.label.clone()).collect()
        }
        Kind::Number { .. } => ranges(question)
            .into_iter()
            .map(|(label, _)| label)
            .collect(),
    };
    let words: Vec<String> = given.iter().map(|r| in_words(question, r)).collect();
    for word in &words {
        if !labels.contains(word) {
            labels.push(word.clone());
        }
    }
    labels
        .into_iter()
        .map(|label| {
            let count = words.iter().filter(|w| **w == label).count();
            (label, count)
        })
        .collect()
}

/// An answer in words: a number by the range it falls in.
fn in_words(question: &Question, response: &Response) -> String {
    match response {
        Response::Number(value) => ranges(question)
            .into_iter()
            .find(|(_, upto)| upto.is_none_or(|upto| *value <= upto))
            .map_or_else(|| format_number(*value), |(label, _)| label),
        other => crate::questionnaire::describe(question, other),
    }
}

/// A number question's answers in at most three ranges, each with the
/// largest answer in it (`None` for the last): its bands, with neighbours
/// merged when there are more than three.
fn ranges(question: &Question) -> Vec<(String, Option<f64>)> {
    let Kind::Number {
        bands,
        min,
        unit,
        integer,
        ..
    } = &question.kind
    else {
        return Vec::new();
    };
    let uptos: Vec<f64> = bands.iter().filter_map(|b| b.upto).collect();
    // Three ranges need two bounds: the ones that split the bands most
    // evenly.
    let bounds: Vec<f64> = match uptos.len() {
        0..=2 => uptos,
        n => vec![uptos[(n - 1) / 3], uptos[(2 * n - 1) / 3]]
            .into_iter()
            .fold(Vec::new(), |mut kept, b| {
                if kept.last() != Some(&b) {
                    kept.push(b);
                }
                kept
            }),
    };
    let unit = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    let mut out = Vec::new();
    let mut from: Option<f64> = None;
    for bound in bounds.iter().copied().chain(std::iter::once(f64::INFINITY)) {
        let label = match (from, bound.is_finite()) {
            (None, true) => format!("{} to {}{unit}", format_number(*min), format_number(bound)),
            (Some(low), true) if *integer => {
                format!(
                    "{} to {}{unit}",
                    format_number(low + 1.0),
                    format_number(bound)
                )
            }
            (Some(low), true) => format!(
                "over {} to {}{unit}",
                format_number(low),
                format_number(bound)
            ),
            (Some(low), false) if *integer => {
                format!("{}{unit} or more", format_number(low + 1.0))
            }
            (Some(low), false) => format!("over {}{unit}", format_number(low)),
            (None, false) => format!("any number{unit}"),
        };
        out.push((label, bound.is_finite().then_some(bound)));
        from = Some(bound);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::NumberBand;

    fn weeks(bands: &[Option<f64>]) -> Question {
        Question {
            id: "last-one-to-one".into(),
            theme: 0,
            text: String::new(),
            weight: 1.0,
            required: false,
            kind: Kind::Number {
                unit: Some("weeks".into()),
                min: 0.0,
                max: 52.0,
                bands: bands
                    .iter()
                    .map(|&upto| NumberBand { upto, score: 0.0 })
                    .collect(),
                integer: true,
            },
            when: None,
            per: None,
            members: false,
            dont_know: false,
            ordered: false,
            mirrors: None,
            hash: String::new(),
            basis: Default::default(),
        }
    }

    #[test]
    fn numbers_spread_over_at_most_three_ranges() {
        let question = weeks(&[Some(1.0), Some(2.0), Some(4.0), Some(8.0), None]);
        assert_eq!(
            ranges(&question),
            [
                ("0 to 2 weeks".to_owned(), Some(2.0)),
                ("3 to 4 weeks".to_owned(), Some(4.0)),
                ("5 weeks or more".to_owned(), None),
            ]
        );
        let answers = [
            Response::Number(1.0),
            Response::Number(3.0),
            Response::Number(9.0),
        ];
        let given: Vec<&Response> = answers.iter().collect();
        assert_eq!(
            spread(&question, &given),
            [
                ("0 to 2 weeks".to_owned(), 1),
                ("3 to 4 weeks".to_owned(), 1),
                ("5 weeks or more".to_owned(), 1),
            ]
        );
        assert_eq!(
            ranges(&weeks(&[Some(2.0), None])),
            [
                ("0 to 2 weeks".to_owned(), Some(2.0)),
                ("3 weeks or more".to_owned(), None),
            ]
        );
    }
}
