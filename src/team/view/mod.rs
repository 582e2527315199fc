//! The team's view: the counted responses of a round, each scored as an
//! answer file, combined per theme and per group under one rule — **no
//! figure rests on fewer responses than its threshold, directly or by
//! subtraction** — in named steps: which responses are shown and under
//! which group ([`units`]), the figures per theme ([`figures`]), the
//! themes and global items, the mirrored answers ([`mirrors`]), the
//! comments, and the overall verdict, which is every report's
//! (`scoring::overall` and `scoring::priorities`).
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

mod figures;
mod mirrors;
mod units;

use super::MIN_GROUP;
use super::invite::Invite;
use super::response::Opened;
use crate::questionnaire::Questionnaire;
use crate::report::{
    Global, GroupTheme, GroupView, Meta, QuestionnaireInfo, Report, RubricInfo, TEAM_RATER,
    TeamTheme, TeamView, ThemeReport,
};
use crate::scoring::{self, Outcome};
use crate::stats::mean_sd;
use figures::{Figures, part};
use units::Unit;

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

    let group_of: Vec<&str> = responses.iter().map(|r| r.group.as_str()).collect();
    let units = units::units(
        &invite.groups,
        &|group| invite.threshold(group),
        invite.min_group,
        &group_of,
    );
    let scores: Vec<Vec<Option<f64>>> = outcomes
        .iter()
        .map(|o| o.themes.iter().map(|t| t.score).collect())
        .collect();
    let ids: Vec<String> = form.themes.iter().map(|t| t.id.clone()).collect();
    let figures = figures::figures(&units.shown, &ids, &scores);

    let (themes, team_themes): (Vec<ThemeReport>, Vec<TeamTheme>) = (0..form.themes.len())
        .map(|index| theme(invite, &outcomes, &figures.team[index], index))
        .unzip();
    let global = globals(form, &themes, &team_themes, &units.shown, &figures);
    let mirrors = mirrors::mirrors(form, responses, &figures.team, invite.min_group);
    let in_figures = units.in_figures();
    let keep = comments(
        &in_figures,
        invite.min_group,
        &|i| responses[i].keep.as_ref(),
        rng,
    );
    let change = comments(
        &in_figures,
        invite.min_group,
        &|i| responses[i].change.as_ref(),
        rng,
    );

    let themes = themes_only(form, themes);
    let team_themes = themes_only(form, team_themes);
    let groups: Vec<GroupView> = units
        .shown
        .iter()
        .zip(figures.units)
        .map(|(unit, themes)| GroupView {
            id: unit.id.clone(),
            n: unit.members.len(),
            themes: themes_only(form, themes),
        })
        .collect();

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
        questionnaire: QuestionnaireInfo::of(form),
        rubric: RubricInfo::of(rubric, profile),
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
            raters: in_figures.len(),
            left_out: responses.len() - in_figures.len(),
            min_group: invite.min_group,
            open_groups: invite.open_groups.clone(),
            collector: invite.holder.collector().map(str::to_owned),
            themes: team_themes,
            groups,
            hidden_groups: units.hidden,
            keep,
            change,
            mirrors,
            global,
        }),
        signature: None,
        measured: Default::default(),
    }
}

/// Theme `index` of the team's view, resting on the responses `members`:
/// shown from the round's minimum on, with its band, its facts and views,
/// and its advice tied to the same responses' answers.
fn theme(
    invite: &Invite,
    outcomes: &[Outcome],
    members: &[usize],
    index: usize,
) -> (ThemeReport, TeamTheme) {
    let (form, rubric) = (&invite.form, &invite.rubric);
    let theme = &form.themes[index];
    let shown = members.len() >= invite.min_group;
    let values: Vec<f64> = members
        .iter()
        .filter_map(|&i| outcomes[i].themes[index].score)
        .collect();
    let (mean, sd) = mean_sd(&values);
    let score = mean.filter(|_| shown);
    let target = invite.profile().targets[index];
    let band = score.map(|s| scoring::band_of(rubric, s));
    // Advice tied to a question follows the same responses' answers to it,
    // and only where enough of them answered it.
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
    let report = ThemeReport {
        id: theme.id.clone(),
        title: theme.title.clone(),
        description: theme.description.clone(),
        hash: theme.hash.clone(),
        global: theme.global,
        weight: rubric.themes[index].weight,
        score,
        target,
        gap: score.map(|s| scoring::gap(target, s)),
        band: band.map(|b| rubric.bands[b].id.clone()),
        // The team's facts and views: the means of the same responses'
        // sub-scores, only where every one of them has that part, so that
        // each rests on exactly the theme's responses.
        facts: part(members, &|i| outcomes[i].themes[index].facts).filter(|_| shown),
        views: part(members, &|i| outcomes[i].themes[index].views).filter(|_| shown),
        // A shown theme is complete; the count is in the team's view.
        coverage: if shown { 1.0 } else { 0.0 },
        not_applicable: 0,
        advice: band
            .map(|b| rubric.advice(index, b, &low, &form.weights()))
            .unwrap_or_default(),
        note: None,
    };
    let team = TeamTheme {
        id: theme.id.clone(),
        n: shown.then_some(members.len()),
        sd: sd.filter(|_| shown),
    };
    (report, team)
}

/// The global items ("would you recommend…"), each on its own beside the
/// themes: out of them, and so out of the overall score and the priorities.
fn globals(
    form: &Questionnaire,
    themes: &[ThemeReport],
    team: &[TeamTheme],
    units: &[Unit],
    figures: &Figures,
) -> Vec<Global> {
    (0..form.themes.len())
        .filter(|&index| form.themes[index].global)
        .map(|index| Global {
            id: form.themes[index].id.clone(),
            title: form.themes[index].title.clone(),
            score: themes[index].score,
            n: team[index].n,
            sd: team[index].sd,
            groups: units
                .iter()
                .zip(&figures.units)
                .map(|(unit, shown)| GroupTheme {
                    id: unit.id.clone(),
                    ..shown[index].clone()
                })
                .collect(),
        })
        .collect()
}

/// One list of comments — `pick` gives response `i`'s — from the responses
/// in the figures, and only when they are at least the minimum; shuffled
/// on its own, so that no two comments of two lists are known to come from
/// one person.
fn comments<'r>(
    in_figures: &[usize],
    min_group: usize,
    pick: &dyn Fn(usize) -> Option<&'r String>,
    rng: &mut dyn rand::RngCore,
) -> Vec<String> {
    if in_figures.len() < min_group.max(MIN_GROUP) {
        return Vec::new();
    }
    let mut list: Vec<String> = in_figures
        .iter()
        .filter_map(|&i| pick(i).cloned())
        .collect();
    rand::seq::SliceRandom::shuffle(list.as_mut_slice(), rng);
    list
}

/// The items of `all`, one per theme of `form`, that are not global.
fn themes_only<T>(form: &Questionnaire, all: Vec<T>) -> Vec<T> {
    all.into_iter()
        .zip(&form.themes)
        .filter(|(_, theme)| !theme.global)
        .map(|(item, _)| item)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn comments_come_only_from_the_figures_and_only_from_the_minimum_on() {
        let said: Vec<Option<String>> = vec![
            Some("a".into()),
            None,
            Some("c".into()),
            Some("left out".into()),
        ];
        let pick = |i: usize| said[i].as_ref();
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        // Two responses in the figures are too few for any comment.
        assert!(comments(&[0, 2], 3, &pick, &mut rng).is_empty());
        let mut three = comments(&[0, 1, 2], 3, &pick, &mut rng);
        three.sort();
        assert_eq!(three, ["a", "c"]);
        // A round's minimum is never below the rule's.
        assert!(comments(&[0, 2], 1, &pick, &mut rng).is_empty());
    }
}
