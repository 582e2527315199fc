//! How answers are collected, however they are given: an answer file
//! (`file`), or interactive prompts (`interactive` walks the questionnaire,
//! `terminal` draws the prompts). Both produce the same
//! [`Answers`](crate::questionnaire::Answers); a team response is an answer
//! file in an envelope, which the team round opens.

pub mod file;
pub mod interactive;
pub mod terminal;

use crate::questionnaire::{Kind, Question, Response};

/// Whether `response` is the best answer to a statement (a scale question):
/// the answer that asks for a concrete example.
pub fn is_best_statement(question: &Question, response: &Response) -> bool {
    matches!(question.kind, Kind::Scale { .. })
        && crate::scoring::question_score(&question.kind, response).is_some_and(|s| s >= 1.0)
}
