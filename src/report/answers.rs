//! What a report keeps of the answers: each question with its answer and
//! score, the facts about the job, and the checks that held.

use serde::{Deserialize, Serialize};

use super::is_false;
use crate::questionnaire::{self, AnswerValue};

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
    /// Whether the question did not apply (its `when` was false): neither
    /// asked nor scored.
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_applicable: bool,
    /// Whether the question applies to some people only (it has a `when`):
    /// item statistics leave it out of a theme's alpha.
    #[serde(default, skip_serializing_if = "is_false")]
    pub conditional: bool,
    /// In a team form's report: the self-form question this one mirrors,
    /// so that `compare` sets the two answers side by side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mirrors: Option<String>,
}

impl AnswerRecord {
    /// Whether the answer was "don't know".
    pub fn dont_know(&self) -> bool {
        matches!(&self.value, Some(AnswerValue::Text(text)) if text == questionnaire::DONT_KNOW)
    }
}

/// A fact about the job, as given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContextRecord {
    /// Context id.
    pub id: String,
    /// The question as asked.
    pub text: String,
    /// The answer as written in answer files.
    pub value: AnswerValue,
    /// The answer in words.
    pub answer: String,
}

/// A check that held.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// What it says.
    pub note: String,
    /// What to do about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
    /// The questions it sets against each other.
    pub questions: Vec<String>,
}

/// An answer measured by `leadgap evidence`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measured {
    /// The measured value, in the question's unit.
    pub value: f64,
    /// Where it comes from, in words that name no one ("from your
    /// calendar, 2026-09-01 to 2026-11-30").
    pub source: String,
    /// The answer given instead, when the person changed it (both are
    /// shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<f64>,
}
