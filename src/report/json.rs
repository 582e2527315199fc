//! The gap report as JSON (SPEC.md "JSON report"): scores rounded to one
//! decimal, everything else as saved.

use std::io::Write;

use serde::Serialize;

use super::{AnswerRecord, QuestionnaireInfo, Render, Report};
use crate::answers::AnswerValue;

/// Renders the report as one pretty-printed JSON object.
#[derive(Debug)]
pub struct Json;

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: i64,
    id: &'a str,
    created: &'a str,
    leadgap: &'a str,
    questionnaire: &'a QuestionnaireInfo,
    rubric: JsonRubric<'a>,
    respondent: Option<&'a str>,
    rater: &'a str,
    overall: Option<f64>,
    overall_target: Option<f64>,
    themes: Vec<JsonTheme<'a>>,
    priorities: &'a [String],
    answers: Vec<JsonAnswer<'a>>,
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
    weight: f64,
    advice: &'a [String],
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonAnswer<'a> {
    question: &'a str,
    theme: &'a str,
    value: Option<&'a AnswerValue>,
    answer: &'a str,
    score: Option<f64>,
}

/// A score in JSON: one decimal.
fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0 + 0.0
}

/// A fraction in JSON: three decimals.
fn three_decimals(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0 + 0.0
}

impl Render for Json {
    fn render(&self, report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
        let view = JsonReport {
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
            themes: report
                .themes
                .iter()
                .map(|theme| JsonTheme {
                    id: &theme.id,
                    title: &theme.title,
                    score: theme.score.map(one_decimal),
                    target: one_decimal(theme.target),
                    gap: theme.gap.map(one_decimal),
                    band: theme.band.as_deref(),
                    coverage: three_decimals(theme.coverage),
                    weight: theme.weight,
                    advice: &theme.advice,
                    note: theme.note.as_deref(),
                })
                .collect(),
            priorities: &report.priorities,
            answers: report.answers.iter().map(answer).collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &view)?;
        writeln!(out)
    }
}

fn answer(record: &AnswerRecord) -> JsonAnswer<'_> {
    JsonAnswer {
        question: &record.question,
        theme: &record.theme,
        value: record.value.as_ref(),
        answer: &record.answer,
        score: record.score.map(three_decimals),
    }
}
