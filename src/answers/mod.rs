//! How answers are collected, however they are given: an answer file
//! (`file`), or interactive prompts (`interactive` walks the questionnaire,
//! `terminal` draws the prompts), or a team response opened from its
//! envelope (`response`). All produce the same
//! [`Answers`](crate::questionnaire::Answers).

pub mod file;
pub mod interactive;
pub mod response;
pub mod terminal;

use crate::questionnaire::{Kind, Question, Response};

/// Whether `response` is the best answer to a statement (a scale question):
/// the answer that asks for a concrete example.
pub fn is_best_statement(question: &Question, response: &Response) -> bool {
    matches!(question.kind, Kind::Scale { .. })
        && crate::scoring::question_score(&question.kind, response).is_some_and(|s| s >= 1.0)
}
