//! The answers of two forms that ask the same thing — a mentor's view and
//! the self-assessment — paired question by question.

use serde::Serialize;

use crate::report::Report;

/// One question of the self form and the other view's question that
/// mirrors it, with both answers in words.
#[derive(Clone, Debug, Serialize)]
pub struct MirroredAnswer {
    /// Theme id.
    pub theme: String,
    /// The self form's question id.
    pub question: String,
    /// The self form's question, as asked.
    pub text: String,
    /// The self-view's answer in words.
    #[serde(rename = "self")]
    pub own: String,
    /// The other view's question id.
    pub other_question: String,
    /// The other view's question, as asked.
    pub other_text: String,
    /// The other view's answer in words.
    pub other: String,
}

/// The mirrored questions both reports answered, in the other report's
/// order; a question left unanswered on either side is left out.
pub(super) fn mirrored_answers(own: &Report, other: &Report) -> Vec<MirroredAnswer> {
    other
        .answers
        .iter()
        .filter(|theirs| theirs.value.is_some() && !theirs.not_applicable)
        .filter_map(|theirs| {
            let mirrored = theirs.mirrors.as_deref()?;
            let mine = own
                .answers
                .iter()
                .find(|a| a.question == mirrored && a.value.is_some() && !a.not_applicable)?;
            Some(MirroredAnswer {
                theme: theirs.theme.clone(),
                question: mine.question.clone(),
                text: mine.text.clone(),
                own: mine.answer.clone(),
                other_question: theirs.question.clone(),
                other_text: theirs.text.clone(),
                other: theirs.answer.clone(),
            })
        })
        .collect()
}
