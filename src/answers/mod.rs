//! Answers to a questionnaire, however they were given (an answer file, or
//! interactive prompts): both produce the same [`Answers`].

pub mod file;

use serde::{Deserialize, Serialize};

use crate::questionnaire::{Kind, Question, Questionnaire};

/// The answer to one question, checked against it: option indices are valid,
/// numbers are within range.
#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// Not answered yet (or left out with `--allow-partial`); scores as skipped.
    Unanswered,
    /// Explicitly skipped ("not sure / doesn't apply").
    Skipped,
    /// A scale answer, 1 = the first label.
    Scale(u32),
    /// The index of the chosen option.
    Choice(usize),
    /// The indices of the chosen options, in questionnaire order.
    Multi(Vec<usize>),
    /// A number within the question's range.
    Number(f64),
}

impl Response {
    /// Whether the response carries an answer that scores.
    pub fn is_answered(&self) -> bool {
        !matches!(self, Response::Unanswered | Response::Skipped)
    }
}

/// A complete set of responses, one per question, plus who gave them.
#[derive(Clone, Debug)]
pub struct Answers {
    /// One response per question, in questionnaire order.
    pub responses: Vec<Response>,
    /// The respondent's note per theme, in questionnaire order.
    pub notes: Vec<Option<String>>,
    /// Whom the answers are about.
    pub respondent: Option<String>,
    /// Who answered: `self`, or a name.
    pub rater: Option<String>,
}

impl Answers {
    /// Answers with nothing answered yet.
    pub fn empty(questionnaire: &Questionnaire) -> Self {
        Answers {
            responses: vec![Response::Unanswered; questionnaire.questions.len()],
            notes: vec![None; questionnaire.themes.len()],
            respondent: None,
            rater: None,
        }
    }
}

/// An answer as written in answer files and saved reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswerValue {
    /// A scale answer.
    Whole(i64),
    /// A number answer.
    Number(f64),
    /// A choice, or `"skip"`.
    Text(String),
    /// A multi answer.
    List(Vec<String>),
}

/// The value written for `response` to `question` in an answer file, or
/// `None` when there is nothing to write (unanswered).
pub fn to_value(question: &Question, response: &Response) -> Option<AnswerValue> {
    Some(match (response, &question.kind) {
        (Response::Unanswered, _) => return None,
        (Response::Skipped, _) => AnswerValue::Text("skip".to_owned()),
        (Response::Scale(value), _) => AnswerValue::Whole(i64::from(*value)),
        (Response::Number(value), _) => AnswerValue::Number(*value),
        (Response::Choice(index), Kind::Choice { options }) => {
            AnswerValue::Text(options[*index].id.clone())
        }
        (Response::Multi(indices), Kind::Multi { options }) => {
            AnswerValue::List(indices.iter().map(|&i| options[i].id.clone()).collect())
        }
        _ => return None,
    })
}

/// The answer in words: the chosen label(s), or the number with its unit.
pub fn describe(question: &Question, response: &Response) -> String {
    match (response, &question.kind) {
        (Response::Unanswered, _) => "not answered".to_owned(),
        (Response::Skipped, _) => "skipped".to_owned(),
        (Response::Scale(value), Kind::Scale { labels, .. }) => labels
            .get(*value as usize - 1)
            .cloned()
            .unwrap_or_else(|| value.to_string()),
        (Response::Choice(index), Kind::Choice { options }) => options[*index].label.clone(),
        (Response::Multi(indices), Kind::Multi { options }) => {
            if indices.is_empty() {
                "none".to_owned()
            } else {
                indices
                    .iter()
                    .map(|&i| options[i].label.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        }
        (Response::Number(value), Kind::Number { unit, .. }) => match unit {
            Some(unit) => format!("{} {unit}", format_number(*value)),
            None => format_number(*value),
        },
        _ => String::new(),
    }
}

/// A number without a trailing `.0` when it is whole.
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}
