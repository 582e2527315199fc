//! The gap report: what a run computed, in the self-contained form that is
//! saved to history, shown, and rendered in every output format.

mod html;
mod json;
mod markdown;
mod table;

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::answers::{self, AnswerValue, Answers};
use crate::history::{Trend, shown_change};
use crate::plan;
use crate::quality;
use crate::questionnaire::Questionnaire;
use crate::rubric::{Profile, Rubric};
use crate::scoring::{self, Outcome};

pub use html::{Html, Svg, paragraphs as html_paragraphs, radar as radar_of};
pub use json::{Detail, Json, serialize_one_decimal, view as json_view};
pub use markdown::Markdown;
pub use table::Table;

/// How many priorities a report shows with their advice.
pub const SHOWN_PRIORITIES: usize = 3;

/// The rater of a self-assessment.
pub const SELF_RATER: &str = "self";

/// One completed assessment, with everything needed to show, compare and
/// diff it years later, even after the questionnaire has changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// File format version.
    pub schema: i64,
    /// Unique id, also the file name: `2026-11-22T13-05-01Z` (plus `-2`… when
    /// several runs share a second).
    pub id: String,
    /// When the run completed, RFC 3339 in UTC.
    pub created: String,
    /// The leadgap version that wrote the report.
    pub leadgap: String,
    /// Whom the report is about.
    pub respondent: Option<String>,
    /// Who answered: `self`, or another rater's name.
    pub rater: String,
    /// The questionnaire answered.
    pub questionnaire: QuestionnaireInfo,
    /// How it was scored.
    pub rubric: RubricInfo,
    /// The overall score, `None` when no weighted theme was scored.
    pub overall: Option<f64>,
    /// The weighted mean target of the scored themes.
    pub overall_target: Option<f64>,
    /// Theme ids with a gap, most pressing first.
    pub priorities: Vec<String>,
    /// One entry per theme, in questionnaire order.
    pub themes: Vec<ThemeReport>,
    /// One entry per question, in questionnaire order.
    pub answers: Vec<AnswerRecord>,
    /// What stands out about the answers (contradictions, straight-lining…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quality: Vec<quality::Note>,
    /// Notes added later by reviewers (`leadgap note`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
}

/// A reviewer's note on one theme of a saved report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The theme id.
    pub theme: String,
    /// Who wrote it.
    pub author: String,
    /// When (RFC 3339).
    pub created: String,
    /// The note.
    pub text: String,
}

/// The questionnaire a report was made with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireInfo {
    /// Its id.
    pub id: String,
    /// Its content version.
    pub version: String,
    /// Its title.
    pub title: String,
    /// `sha256:` of its content.
    pub hash: String,
}

/// The rubric and profile a report was scored with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RubricInfo {
    /// The rubric's id.
    pub id: String,
    /// The profile whose targets were used.
    pub profile: String,
    /// The rubric's minimum coverage.
    pub min_coverage: f64,
}

/// One theme's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThemeReport {
    /// Theme id.
    pub id: String,
    /// Theme title.
    pub title: String,
    /// The theme's one-line description.
    #[serde(default)]
    pub description: String,
    /// Hash of the theme's questions; equal hashes mean comparable scores.
    pub hash: String,
    /// The rubric's weight (`W`).
    pub weight: f64,
    /// `0..=100`, `None` when not enough questions were answered.
    pub score: Option<f64>,
    /// The profile's target.
    pub target: f64,
    /// `max(0, target - score)`.
    pub gap: Option<f64>,
    /// The band the score falls in.
    pub band: Option<String>,
    /// Answered share of the theme's question weight.
    pub coverage: f64,
    /// The rubric's advice for the theme's band.
    #[serde(default)]
    pub advice: Vec<String>,
    /// The respondent's own note on the theme.
    pub note: Option<String>,
}

impl ThemeReport {
    /// Whether the theme was scored without every question answered: its
    /// score may move once the rest are.
    pub fn provisional(&self) -> bool {
        self.score.is_some() && self.coverage < 1.0 - 1e-9
    }

    /// How far the score is toward the target, overshoot not credited:
    /// `1 - gap / target`, in `0..=1` (1 for a target of 0).
    pub fn to_target(&self) -> Option<f64> {
        let gap = self.gap?;
        Some(if self.target > 0.0 {
            1.0 - gap / self.target
        } else {
            1.0
        })
    }
}

/// One question and its answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// Question id.
    pub question: String,
    /// Theme id.
    pub theme: String,
    /// The question text as asked.
    pub text: String,
    /// `scale`, `choice`, `multi` or `number`.
    pub kind: String,
    /// Hash of the question as asked.
    pub hash: String,
    /// The question's weight in its theme.
    pub weight: f64,
    /// The answer as written in answer files; `"skip"` when skipped, absent
    /// when not answered.
    pub value: Option<AnswerValue>,
    /// The answer in words.
    pub answer: String,
    /// The question's score `s` in `0..=1`, absent when not answered.
    pub score: Option<f64>,
    /// A concrete example the respondent gave with the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// Who and when, for a report being built.
#[derive(Clone, Debug)]
pub struct Meta {
    /// Report id.
    pub id: String,
    /// RFC 3339 timestamp.
    pub created: String,
    /// Whom the report is about.
    pub respondent: Option<String>,
    /// Who answered.
    pub rater: String,
}

impl Report {
    /// Builds the report of a scored run.
    pub fn build(
        questionnaire: &Questionnaire,
        rubric: &Rubric,
        profile: &Profile,
        answers: &Answers,
        outcome: &Outcome,
        meta: Meta,
    ) -> Report {
        let themes = questionnaire
            .themes
            .iter()
            .zip(&outcome.themes)
            .enumerate()
            .map(|(index, (theme, result))| ThemeReport {
                id: theme.id.clone(),
                title: theme.title.clone(),
                description: theme.description.clone(),
                hash: theme.hash.clone(),
                weight: result.weight,
                score: result.score,
                target: result.target,
                gap: result.gap,
                band: result.band.map(|band| rubric.bands[band].id.clone()),
                coverage: result.coverage,
                advice: result
                    .band
                    .map(|band| rubric.themes[index].advice[band].clone())
                    .unwrap_or_default(),
                note: answers.notes[index].clone(),
            })
            .collect();
        let records = questionnaire
            .questions
            .iter()
            .zip(&answers.responses)
            .zip(&answers.evidence)
            .map(|((question, response), evidence)| AnswerRecord {
                question: question.id.clone(),
                theme: questionnaire.themes[question.theme].id.clone(),
                text: question.text.clone(),
                kind: question.kind.name().to_owned(),
                hash: question.hash.clone(),
                weight: question.weight,
                value: answers::to_value(question, response),
                answer: answers::describe(question, response),
                score: scoring::question_score(&question.kind, response),
                evidence: evidence.clone(),
            })
            .collect();
        Report {
            schema: crate::document::SCHEMA,
            id: meta.id,
            created: meta.created,
            leadgap: env!("CARGO_PKG_VERSION").to_owned(),
            respondent: meta.respondent,
            rater: meta.rater,
            questionnaire: QuestionnaireInfo {
                id: questionnaire.id.clone(),
                version: questionnaire.version.clone(),
                title: questionnaire.title.clone(),
                hash: questionnaire.hash.clone(),
            },
            rubric: RubricInfo {
                id: rubric.id.clone(),
                profile: profile.id.clone(),
                min_coverage: rubric.min_coverage,
            },
            overall: outcome.overall,
            overall_target: outcome.overall_target,
            priorities: outcome
                .priorities
                .iter()
                .map(|&i| questionnaire.themes[i].id.clone())
                .collect(),
            themes,
            answers: records,
            quality: quality::notes(questionnaire, &answers.responses),
            reviews: Vec::new(),
        }
    }

    /// Whether the overall score is provisional: some theme with a weight is
    /// provisional or not scored at all.
    pub fn overall_provisional(&self) -> bool {
        self.themes
            .iter()
            .any(|t| t.weight > 0.0 && (t.score.is_none() || t.provisional()))
    }

    /// How far the scored themes are toward their targets, overshoot not
    /// credited: `1 - sum(W * gap) / sum(W * target)`, in `0..=1`.
    pub fn overall_to_target(&self) -> Option<f64> {
        let scored = self.themes.iter().filter(|t| t.score.is_some());
        let (gaps, targets) = scored.fold((0.0, 0.0), |(gaps, targets), t| {
            (
                gaps + t.weight * t.gap.unwrap_or_default(),
                targets + t.weight * t.target,
            )
        });
        (targets > 0.0).then(|| 1.0 - gaps / targets)
    }

    /// The report as a listing holds it: without the answers, and without
    /// each theme's description and advice. Everything `history`, `cohort`
    /// and a report's trend need is kept.
    pub fn into_summary(mut self) -> Report {
        self.answers = Vec::new();
        for theme in &mut self.themes {
            theme.description = String::new();
            theme.advice = Vec::new();
        }
        self
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&ThemeReport> {
        self.themes.iter().find(|theme| theme.id == id)
    }

    /// The priorities shown with advice: the first [`SHOWN_PRIORITIES`].
    pub fn shown_priorities(&self) -> impl Iterator<Item = &ThemeReport> {
        self.priorities
            .iter()
            .filter_map(|id| self.theme(id))
            .take(SHOWN_PRIORITIES)
    }

    /// Whether the report is a self-assessment.
    pub fn is_self(&self) -> bool {
        self.rater == SELF_RATER
    }

    /// "Alex Doe, self-assessment", "Alex Doe, rated by Sam", or without a
    /// name "Self-assessment" / "Rated by Sam".
    pub fn who(&self) -> String {
        Report::who_of(self.respondent.as_deref(), &self.rater)
    }

    /// [`Report::who`] from a respondent and a rater.
    pub fn who_of(respondent: Option<&str>, rater: &str) -> String {
        match (respondent, rater == SELF_RATER) {
            (Some(respondent), true) => format!("{respondent}, self-assessment"),
            (Some(respondent), false) => format!("{respondent}, rated by {rater}"),
            (None, true) => "Self-assessment".to_owned(),
            (None, false) => format!("Rated by {rater}"),
        }
    }

    /// The creation time as `2026-11-22 13:05 UTC`.
    pub fn created_display(&self) -> String {
        match chrono::DateTime::parse_from_rfc3339(&self.created) {
            Ok(time) => time
                .with_timezone(&chrono::Utc)
                .format("%Y-%m-%d %H:%M UTC")
                .to_string(),
            Err(_) => self.created.clone(),
        }
    }
}

/// The output formats of a gap report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for the terminal
    Table,
    /// Markdown, to paste into a 1:1 document
    Markdown,
    /// JSON, for scripts
    Json,
    /// A self-contained HTML page with a radar chart, to open anywhere or attach to an email
    Html,
    /// The radar chart alone, as SVG
    Svg,
}

/// What a report is shown with, besides itself: its history and the plan.
#[derive(Clone, Debug)]
pub struct Extras {
    /// What its history says about it.
    pub trend: Trend,
    /// The actions made with it, and the follow-through on the previous
    /// report's actions.
    pub plan: PlanView,
}

/// The part of the action plan a report shows.
#[derive(Clone, Debug, Default)]
pub struct PlanView {
    /// The actions made with this report, with their current status.
    pub made: Vec<plan::Action>,
    /// The follow-through on the actions of the previous report.
    pub follow: Option<plan::FollowThrough>,
    /// Today, to tell which actions are overdue.
    pub today: Option<chrono::NaiveDate>,
}

impl Extras {
    /// The history of `report` among `others`, and its part of `plan`.
    pub fn new<'a>(
        report: &Report,
        others: impl IntoIterator<Item = &'a Report> + Clone,
        plan: Option<&plan::Plan>,
        today: chrono::NaiveDate,
    ) -> Extras {
        let trend = crate::history::trend(report, others.clone());
        let previous = trend
            .previous
            .as_ref()
            .and_then(|p| others.into_iter().find(|r| r.id == p.id));
        Extras::with_trend(report, trend, previous, plan, today)
    }

    /// A report's `trend` (already worked out, with `previous` the report it
    /// names) and its part of `plan`.
    pub fn with_trend(
        report: &Report,
        trend: Trend,
        previous: Option<&Report>,
        plan: Option<&plan::Plan>,
        today: chrono::NaiveDate,
    ) -> Extras {
        let view = match plan {
            Some(plan) => PlanView {
                made: plan.from_report(&report.id),
                follow: previous.and_then(|previous| plan::follow_through(plan, previous, report)),
                today: Some(today),
            },
            None => PlanView::default(),
        };
        Extras { trend, plan: view }
    }
}

/// One output format of the gap report.
pub trait Render {
    /// Writes `report`, with its history and plan, to `out`.
    fn render(&self, report: &Report, extras: &Extras, out: &mut dyn Write) -> std::io::Result<()>;
}

/// The renderer for `format`. `color` and `width` only matter to the table.
pub fn renderer(format: Format, color: bool, width: u16) -> Box<dyn Render> {
    match format {
        Format::Table => Box::new(Table { color, width }),
        Format::Markdown => Box::new(Markdown),
        Format::Json => Box::new(Json),
        Format::Html => Box::new(Html),
        Format::Svg => Box::new(Svg),
    }
}

/// A score for people: rounded to a whole number.
pub fn whole(value: f64) -> String {
    format!("{:.0}", value.round() + 0.0)
}

/// A fraction as a whole percentage.
pub fn percent(fraction: f64) -> String {
    format!("{:.0}%", (fraction * 100.0).round() + 0.0)
}

/// Explains `n/c` under tables that show it.
pub const NOT_COMPARABLE_NOTE: &str =
    "n/c: not comparable with the last report, because the theme's questions changed.";

/// "Sam Hero, self-assessment · 2026-11-22 13:05 UTC · it-manager 1.0.0 · profile new-manager"
pub fn subtitle(report: &Report) -> String {
    format!(
        "{} · {} · {} {} · profile {}",
        report.who(),
        report.created_display(),
        report.questionnaire.id,
        report.questionnaire.version,
        report.rubric.profile,
    )
}

/// "Overall 58  (target 60)"
pub fn overall_line(report: &Report) -> String {
    let mut line = match (report.overall, report.overall_target) {
        (Some(overall), Some(target)) => {
            format!("Overall {} (target {})", whole(overall), whole(target))
        }
        (Some(overall), None) => format!("Overall {}", whole(overall)),
        _ => return "Overall: not enough answers to score".to_owned(),
    };
    if let Some(to_target) = report.overall_to_target() {
        line.push_str(&format!(" · {} of the way to target", percent(to_target)));
    }
    if report.overall_provisional() {
        line.push_str(" · provisional");
    }
    line
}

/// A theme's score as shown: whole, with `~` when provisional.
pub fn score_text(theme: &ThemeReport) -> String {
    match theme.score {
        Some(score) if theme.provisional() => format!("{}~", whole(score)),
        Some(score) => whole(score),
        None => "—".to_owned(),
    }
}

/// Explains `~` under tables that show it.
pub const PROVISIONAL_NOTE: &str =
    "~ provisional: not every question of the theme was answered, so the score may still move.";

/// One sentence per theme that has a baseline: how far it has come from
/// there toward its target.
pub fn progress_lines(report: &Report, trend: &Trend) -> Vec<String> {
    report
        .themes
        .iter()
        .zip(&trend.themes)
        .filter_map(|(theme, theme_trend)| {
            let progress = theme_trend.progress(theme.score, theme.target)?;
            let (baseline, created) = theme_trend.baseline.as_ref()?;
            Some(format!(
                "{}: {} of the way from {} ({}) to the target of {}; now {}.",
                theme.title,
                percent(progress),
                whole(*baseline),
                created.get(..10).unwrap_or(created),
                whole(theme.target),
                score_text(theme)
            ))
        })
        .collect()
}

/// What stands out about the answers, one sentence each; never empty.
pub fn quality_lines(report: &Report) -> Vec<String> {
    let mut lines: Vec<String> = report
        .quality
        .iter()
        .map(|note| note.message().to_owned())
        .collect();
    let provisional: Vec<&str> = report
        .themes
        .iter()
        .filter(|t| t.provisional())
        .map(|t| t.title.as_str())
        .collect();
    if !provisional.is_empty() {
        lines.push(format!(
            "Provisional, because some questions were skipped: {}.",
            provisional.join(", ")
        ));
    }
    let unscored: Vec<&str> = report
        .themes
        .iter()
        .filter(|t| t.score.is_none())
        .map(|t| t.title.as_str())
        .collect();
    if !unscored.is_empty() {
        lines.push(format!(
            "Not scored, because too few questions were answered: {}.",
            unscored.join(", ")
        ));
    }
    if lines.is_empty() {
        lines.push(
            "Nothing stands out: paired statements agree, the answers vary, and every question was answered."
                .to_owned(),
        );
    }
    lines
}

/// The examples given with best answers: (statement, answer, example).
pub fn evidence(report: &Report) -> Vec<(&str, &str, &str)> {
    report
        .answers
        .iter()
        .filter_map(|a| Some((a.text.as_str(), a.answer.as_str(), a.evidence.as_deref()?)))
        .collect()
}

/// Where the report stands in its history, in one sentence.
pub fn history_line(trend: &Trend) -> String {
    let Some(previous) = &trend.previous else {
        return "This is the baseline: there is no earlier report of this questionnaire by the \
                same rater. Take it again in a few months to see what moves."
            .to_owned();
    };
    let reports = if trend.earlier == 1 {
        "report"
    } else {
        "reports"
    };
    let date = previous.created.get(..10).unwrap_or(&previous.created);
    let overall = match (previous.overall, previous.change) {
        (Some(before), Some(change)) => {
            format!(
                "overall {} then, {} since",
                whole(before),
                shown_change(before + change, change)
            )
        }
        (Some(before), None) => format!("overall {} then, not comparable now", whole(before)),
        (None, _) => "not scored then".to_owned(),
    };
    format!(
        "{} earlier {reports}; the last on {date}: {overall}.",
        trend.earlier
    )
}

/// The notes to show, per theme in questionnaire order: the respondent's own
/// note, then reviewers' notes, each as (who, text).
pub fn notes(report: &Report) -> Vec<(String, Vec<(String, String)>)> {
    let mut grouped: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let own = match &report.respondent {
        Some(name) if report.is_self() => name.clone(),
        _ => "Note".to_owned(),
    };
    for theme in &report.themes {
        let mut entries = Vec::new();
        if let Some(note) = &theme.note {
            entries.push((own.clone(), note.clone()));
        }
        for review in report.reviews.iter().filter(|r| r.theme == theme.id) {
            let date = review.created.get(..10).unwrap_or(&review.created);
            entries.push((format!("{} ({date})", review.author), review.text.clone()));
        }
        if !entries.is_empty() {
            grouped.push((theme.title.clone(), entries));
        }
    }
    // Reviews naming a theme the report does not have are still shown.
    for review in report
        .reviews
        .iter()
        .filter(|r| report.theme(&r.theme).is_none())
    {
        let date = review.created.get(..10).unwrap_or(&review.created);
        grouped.push((
            review.theme.clone(),
            vec![(format!("{} ({date})", review.author), review.text.clone())],
        ));
    }
    grouped
}

/// "Answered 37 of 38 questions (1 skipped)"
pub fn answered_line(report: &Report) -> String {
    let answered = report.answers.iter().filter(|a| a.score.is_some()).count();
    let skipped = report.answers.len() - answered;
    let mut line = format!("Answered {answered} of {} questions", report.answers.len());
    if skipped > 0 {
        line.push_str(&format!(" ({skipped} skipped)"));
    }
    line
}

/// The follow-through on the previous report's actions, as sentences: a
/// summary, then one line per theme that had actions.
pub fn follow_through_lines(plan: &PlanView) -> Vec<String> {
    let Some(follow) = &plan.follow else {
        return Vec::new();
    };
    let date = follow.created.get(..10).unwrap_or(&follow.created);
    let actions = if follow.total == 1 {
        "action"
    } else {
        "actions"
    };
    let mut lines = vec![format!(
        "From the report of {date} you committed to {} {actions}: {} done, {} dropped, {} still open.",
        follow.total, follow.done, follow.dropped, follow.open
    )];
    for theme in &follow.themes {
        let actions = if theme.actions == 1 {
            "action"
        } else {
            "actions"
        };
        let moved = match (theme.before, theme.now, theme.change) {
            (Some(before), Some(now), Some(change)) => {
                format!(
                    "{} → {} ({})",
                    whole(before),
                    whole(now),
                    shown_change(now, change)
                )
            }
            (_, Some(now), None) if theme.before.is_some() => {
                format!("now {} (not comparable)", whole(now))
            }
            (_, Some(now), _) => format!("now {}", whole(now)),
            _ => "not scored now".to_owned(),
        };
        lines.push(format!(
            "{}: {} {actions}, {} done; {moved}.",
            theme.title, theme.actions, theme.done
        ));
    }
    lines
}

/// The actions made with the report: (done, line) each.
pub fn plan_lines(plan: &PlanView) -> Vec<(bool, String)> {
    let today = plan.today.unwrap_or_default();
    plan.made
        .iter()
        .map(|action| {
            (
                action.status == crate::plan::Status::Done,
                format!(
                    "#{} {}: {} (due {}; {})",
                    action.number,
                    action.theme_title,
                    action.text,
                    action.due,
                    action.standing(today)
                ),
            )
        })
        .collect()
}
