//! The gap report: what a run computed, in the self-contained form that is
//! saved to history, shown, and rendered in every output format.

mod json;
mod markdown;
mod table;

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::answers::{self, AnswerValue, Answers};
use crate::questionnaire::Questionnaire;
use crate::rubric::{Profile, Rubric};
use crate::scoring::{self, Outcome};

pub use json::Json;
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
            .map(|(question, response)| AnswerRecord {
                question: question.id.clone(),
                theme: questionnaire.themes[question.theme].id.clone(),
                text: question.text.clone(),
                kind: question.kind.name().to_owned(),
                hash: question.hash.clone(),
                weight: question.weight,
                value: answers::to_value(question, response),
                answer: answers::describe(question, response),
                score: scoring::question_score(&question.kind, response),
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
        }
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
        match (&self.respondent, self.is_self()) {
            (Some(respondent), true) => format!("{respondent}, self-assessment"),
            (Some(respondent), false) => format!("{respondent}, rated by {}", self.rater),
            (None, true) => "Self-assessment".to_owned(),
            (None, false) => format!("Rated by {}", self.rater),
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
}

/// One output format of the gap report.
pub trait Render {
    /// Writes `report` to `out`.
    fn render(&self, report: &Report, out: &mut dyn Write) -> std::io::Result<()>;
}

/// The renderer for `format`. `color` and `width` only matter to the table.
pub fn renderer(format: Format, color: bool, width: u16) -> Box<dyn Render> {
    match format {
        Format::Table => Box::new(Table { color, width }),
        Format::Markdown => Box::new(Markdown),
        Format::Json => Box::new(Json),
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
