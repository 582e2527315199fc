//! The gap report as JSON (docs/REFERENCE.md, "The JSON report"): scores rounded to one
//! decimal, everything else as saved.

use std::io::Write;

use serde::Serialize;

use super::{Extras, Render};
use crate::plan;
use crate::quality;
use crate::questionnaire::AnswerValue;
use crate::report::{AnswerRecord, CheckRecord, ContextRecord, QuestionnaireInfo, Report, Review};
use crate::rounding::{one_decimal, three_decimals};
use crate::trend::{Change, Previous};

/// Renders the report as one pretty-printed JSON object.
#[derive(Debug)]
pub struct Json;

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: i64,
    id: &'a str,
    created: &'a crate::clock::Timestamp,
    leadgap: &'a str,
    questionnaire: &'a QuestionnaireInfo,
    rubric: JsonRubric<'a>,
    respondent: Option<&'a str>,
    rater: &'a str,
    overall: Option<f64>,
    overall_target: Option<f64>,
    /// Whether some weighted theme is provisional or not scored.
    overall_provisional: bool,
    /// `100 * (1 - sum(W * gap) / sum(W * target))` over scored themes.
    overall_percent_to_target: Option<f64>,
    /// The previous report of the same series; `null` for a baseline.
    previous: Option<JsonPrevious<'a>>,
    /// How many earlier reports the series has.
    earlier_reports: usize,
    /// The facts about the job given first.
    context: &'a [ContextRecord],
    /// How many questions did not apply to that context.
    not_applicable: usize,
    themes: Vec<JsonTheme<'a>>,
    priorities: &'a [String],
    /// Left out of summaries.
    #[serde(skip_serializing_if = "Option::is_none")]
    answers: Option<Vec<JsonAnswer<'a>>>,
    /// What stands out about the answers.
    quality: &'a [quality::Note],
    /// The checks that hold: claims set against facts.
    checks: &'a [CheckRecord],
    /// For a team report: how many responses were counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    raters: Option<usize>,
    /// For a team report: the round.
    #[serde(skip_serializing_if = "Option::is_none")]
    round: Option<&'a str>,
    /// For a team report: the groups shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<Vec<JsonGroup<'a>>>,
    /// For a team report: the groups not shown (fewer responses than the minimum).
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_groups: Option<&'a [String]>,
    /// For a team report: how many counted responses were left out of
    /// every figure (their group, and the pool, too small to show).
    #[serde(skip_serializing_if = "Option::is_none")]
    left_out: Option<usize>,
    /// For a team report printed by `collect`: the comments, as two lists
    /// shuffled apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    comments: Option<JsonComments<'a>>,
    /// For a team report: how the answers to mirrored questions spread.
    #[serde(skip_serializing_if = "Option::is_none")]
    mirrors: Option<&'a [crate::report::Mirror]>,
    /// For a team report: the form's global items ("would you recommend
    /// this manager?"), beside the themes and outside `overall`.
    #[serde(skip_serializing_if = "Option::is_none")]
    global: Option<Vec<JsonGlobal<'a>>>,
    /// The actions made with this report, with their current status.
    plan: &'a [plan::Action],
    /// The follow-through on the previous report's actions; `null` if none.
    follow_through: Option<&'a plan::FollowThrough>,
    reviews: &'a [Review],
    /// The answers measured by `leadgap evidence`, by question: `value`,
    /// `source`, and `answered` where the person gave another.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    evidence: &'a std::collections::BTreeMap<String, crate::report::Measured>,
}

#[derive(Serialize)]
struct JsonComments<'a> {
    keep: &'a [String],
    change: &'a [String],
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    id: &'a str,
    n: usize,
    themes: Vec<JsonGroupTheme<'a>>,
}

#[derive(Serialize)]
struct JsonGlobal<'a> {
    id: &'a str,
    title: &'a str,
    score: Option<f64>,
    n: Option<usize>,
    sd: Option<f64>,
    /// Each shown group's, by the group's id.
    groups: Vec<JsonGroupTheme<'a>>,
}

#[derive(Serialize)]
struct JsonGroupTheme<'a> {
    id: &'a str,
    score: Option<f64>,
    n: Option<usize>,
    sd: Option<f64>,
}

#[derive(Serialize)]
struct JsonPrevious<'a> {
    id: &'a str,
    created: &'a crate::clock::Timestamp,
    overall: Option<f64>,
    /// The overall change since it, `null` where not comparable.
    overall_change: Option<f64>,
}

#[derive(Serialize)]
struct JsonRubric<'a> {
    id: &'a str,
    profile: &'a str,
}

#[derive(Serialize)]
struct JsonTheme<'a> {
    id: &'a str,
    title: &'a str,
    score: Option<f64>,
    target: f64,
    gap: Option<f64>,
    band: Option<&'a str>,
    coverage: f64,
    /// The score of the theme's facts alone; `null` when none was answered.
    facts: Option<f64>,
    /// The score of its views alone; `null` when none was answered.
    views: Option<f64>,
    /// Whether the theme meets its target: its score reaches it, and its
    /// facts are at most 20 points below it.
    met: bool,
    /// For a team report: how many responses scored the theme (`null` when
    /// fewer than the round's minimum).
    #[serde(skip_serializing_if = "Option::is_none")]
    n: Option<Option<usize>>,
    /// For a team report: their sample standard deviation.
    #[serde(skip_serializing_if = "Option::is_none")]
    sd: Option<Option<f64>>,
    /// With `--norms`: the share of the cohort that scored below it.
    #[serde(skip_serializing_if = "Option::is_none")]
    percentile: Option<Option<f64>>,
    /// With `--norms`: whether the change since the previous report is
    /// meaningful (`null` when the norms cannot tell).
    #[serde(skip_serializing_if = "Option::is_none")]
    meaningful: Option<Option<bool>>,
    /// How many of its questions did not apply.
    not_applicable: usize,
    /// How many were answered "don't know"; `null` in summaries.
    dont_know: Option<usize>,
    weight: f64,
    /// Left out of summaries.
    #[serde(skip_serializing_if = "Option::is_none")]
    advice: Option<&'a [String]>,
    note: Option<&'a str>,
    /// Change since the previous report; `null` for a baseline, a theme not
    /// scored in either report, or one whose questions changed.
    change: Option<f64>,
    /// Why `change` is what it is: `delta`, `baseline`, `questions-changed`,
    /// `not-scored` or `new-theme`.
    change_kind: &'static str,
    /// The theme's comparable scores, oldest first, ending with this one;
    /// left out of summaries.
    #[serde(skip_serializing_if = "Option::is_none")]
    trend: Option<Vec<Option<f64>>>,
    /// Scored without every question answered.
    provisional: bool,
    /// `100 * (1 - gap / target)`: overshoot is not credited.
    percent_to_target: Option<f64>,
    /// The first comparable earlier score, `null` without history.
    baseline: Option<f64>,
    /// `100 * (current - baseline) / (target - baseline)`.
    progress_since_baseline: Option<f64>,
}

#[derive(Serialize)]
struct JsonAnswer<'a> {
    question: &'a str,
    theme: &'a str,
    value: Option<&'a AnswerValue>,
    answer: &'a str,
    score: Option<f64>,
    evidence: Option<&'a str>,
    dont_know: bool,
    not_applicable: bool,
}

impl Render for Json {
    fn render(&self, report: &Report, extras: &Extras, out: &mut dyn Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &view(report, extras, None, Detail::Full))?;
        writeln!(out)
    }
}

/// How much of a report its JSON object holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Everything: the report as `show --format json` prints it.
    Full,
    /// Without the answers, the advice and each theme's `trend` list: one
    /// entry of `history --format json`, where the list itself is the trend.
    Summary,
}

/// The JSON object of a report with its history; `history --format json`
/// lists these as summaries, keeping only one theme when `only_theme` is
/// given.
pub fn view<'a>(
    report: &'a Report,
    extras: &'a Extras,
    only_theme: Option<&str>,
    detail: Detail,
) -> impl Serialize + 'a {
    let trend = &extras.trend;
    let full = detail == Detail::Full;
    JsonReport {
        schema: report.schema,
        id: &report.id,
        created: &report.created,
        leadgap: &report.leadgap,
        questionnaire: &report.questionnaire,
        rubric: JsonRubric {
            id: &report.rubric.id,
            profile: &report.rubric.profile,
        },
        respondent: report.respondent.as_deref(),
        rater: &report.rater,
        overall: report.overall.map(one_decimal),
        overall_target: report.overall_target.map(one_decimal),
        overall_provisional: report.overall_provisional(),
        overall_percent_to_target: report.overall_to_target().map(|f| one_decimal(100.0 * f)),
        previous: trend
            .previous
            .as_ref()
            .map(|previous: &Previous| JsonPrevious {
                id: &previous.id,
                created: &previous.created,
                overall: previous.overall.map(one_decimal),
                overall_change: previous.change.map(one_decimal),
            }),
        earlier_reports: trend.earlier,
        context: &report.context,
        not_applicable: report.themes.iter().map(|t| t.not_applicable).sum(),
        themes: report
            .themes
            .iter()
            .zip(&trend.themes)
            .filter(|(theme, _)| only_theme.is_none_or(|id| id == theme.id))
            .map(|(theme, theme_trend)| JsonTheme {
                id: &theme.id,
                title: &theme.title,
                score: theme.score.map(one_decimal),
                target: one_decimal(theme.target),
                gap: theme.gap.map(one_decimal),
                band: theme.band.as_deref(),
                coverage: three_decimals(theme.coverage),
                facts: theme.facts.map(one_decimal),
                views: theme.views.map(one_decimal),
                met: theme.met(),
                n: team_theme(report, &theme.id).map(|t| t.n),
                sd: team_theme(report, &theme.id).map(|t| t.sd.map(one_decimal)),
                percentile: extras.norms.as_ref().map(|norms| {
                    norms
                        .standing(&report.questionnaire.id, theme, None)
                        .and_then(|s| s.percentile)
                        .map(one_decimal)
                }),
                meaningful: extras.norms.as_ref().and_then(|norms| {
                    let change = theme_trend.change.delta()?;
                    Some(
                        norms
                            .standing(&report.questionnaire.id, theme, Some(change))
                            .and_then(|s| s.meaningful),
                    )
                }),
                not_applicable: theme.not_applicable,
                dont_know: full.then(|| {
                    report
                        .answers
                        .iter()
                        .filter(|a| a.theme == theme.id && a.dont_know())
                        .count()
                }),
                weight: theme.weight,
                advice: full.then_some(theme.advice.as_slice()),
                note: theme.note.as_deref(),
                change: theme_trend.change.delta().map(one_decimal),
                change_kind: change_kind(theme_trend.change),
                trend: full.then(|| {
                    theme_trend
                        .points
                        .iter()
                        .map(|p| p.map(one_decimal))
                        .collect()
                }),
                provisional: theme.provisional(),
                percent_to_target: theme.to_target().map(|f| one_decimal(100.0 * f)),
                baseline: theme_trend
                    .baseline
                    .as_ref()
                    .map(|(score, _)| one_decimal(*score)),
                progress_since_baseline: theme_trend
                    .progress(theme.score, theme.target)
                    .map(|f| one_decimal(100.0 * f)),
            })
            .collect(),
        priorities: &report.priorities,
        answers: full.then(|| report.answers.iter().map(answer).collect()),
        quality: &report.quality,
        checks: &report.checks,
        raters: report.team.as_ref().map(|t| t.raters),
        round: report.team.as_ref().map(|t| t.round.as_str()),
        groups: report.team.as_ref().map(|t| {
            t.groups
                .iter()
                .map(|g| JsonGroup {
                    id: &g.id,
                    n: g.n,
                    themes: g.themes.iter().map(group_theme).collect(),
                })
                .collect()
        }),
        hidden_groups: report.team.as_ref().map(|t| t.hidden_groups.as_slice()),
        left_out: report.team.as_ref().map(|t| t.left_out),
        comments: report
            .team
            .as_ref()
            .filter(|t| !t.keep.is_empty() || !t.change.is_empty())
            .map(|t| JsonComments {
                keep: &t.keep,
                change: &t.change,
            }),
        mirrors: report.team.as_ref().map(|t| t.mirrors.as_slice()),
        global: report.team.as_ref().map(|t| {
            t.global
                .iter()
                .map(|g| JsonGlobal {
                    id: &g.id,
                    title: &g.title,
                    score: g.score.map(one_decimal),
                    n: g.n,
                    sd: g.sd.map(one_decimal),
                    groups: g.groups.iter().map(group_theme).collect(),
                })
                .collect()
        }),
        plan: &extras.plan.made,
        follow_through: extras.plan.follow.as_ref(),
        reviews: &report.reviews,
        evidence: &report.measured,
    }
}

fn group_theme(theme: &crate::report::GroupTheme) -> JsonGroupTheme<'_> {
    JsonGroupTheme {
        id: &theme.id,
        score: theme.score.map(one_decimal),
        n: theme.n,
        sd: theme.sd.map(one_decimal),
    }
}

fn team_theme<'a>(report: &'a Report, id: &str) -> Option<&'a crate::report::TeamTheme> {
    report.team.as_ref()?.themes.iter().find(|t| t.id == id)
}

fn change_kind(change: Change) -> &'static str {
    match change {
        Change::Baseline => "baseline",
        Change::Delta(_) => "delta",
        Change::QuestionsChanged => "questions-changed",
        Change::NotScored => "not-scored",
        Change::NewTheme => "new-theme",
    }
}

fn answer(record: &AnswerRecord) -> JsonAnswer<'_> {
    JsonAnswer {
        question: &record.question,
        theme: &record.theme,
        value: record.value.as_ref(),
        answer: &record.answer,
        score: record.score.map(three_decimals),
        evidence: record.evidence.as_deref(),
        dont_know: record.dont_know(),
        not_applicable: record.not_applicable,
    }
}
