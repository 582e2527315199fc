//! `[[pairs]]`: two statements that ask about the same habit from opposite
//! directions, for the consistency check of `quality`.

use toml::Spanned;

use super::super::raw::RawPair;
use crate::document::Document;
use crate::error::with_suggestion;
use crate::questionnaire::{Kind, Question};

/// Consistency pairs: two scale questions, exactly one of them reverse-keyed,
/// so that agreeing with both (or with neither) is a contradiction.
/// `raw_ids` are every question id in the file: a pair naming a question that
/// failed its own checks is not reported again.
pub(super) fn build_pairs(
    document: &mut Document<'_>,
    raw_pairs: Vec<Spanned<RawPair>>,
    questions: &[Question],
    raw_ids: &[String],
) -> Vec<[usize; 2]> {
    let mut pairs = Vec::new();
    for raw in raw_pairs {
        let ids = raw.into_inner().questions;
        if ids.get_ref().len() != 2 {
            document.problem(
                Some(ids.span()),
                format!(
                    "a pair names exactly two questions, not {}",
                    ids.get_ref().len()
                ),
            );
            continue;
        }
        let mut indices = Vec::with_capacity(2);
        for id in ids.get_ref() {
            match questions.iter().position(|q| q.id == *id.get_ref()) {
                Some(index) => indices.push(index),
                None if raw_ids.contains(id.get_ref()) => {}
                None => {
                    let message = with_suggestion(
                        format!("unknown question `{}` in a pair", id.get_ref()),
                        id.get_ref(),
                        questions.iter().map(|q| q.id.as_str()),
                    );
                    document.problem(Some(id.span()), message);
                }
            }
        }
        let [first, second] = indices[..] else {
            continue;
        };
        if first == second {
            document.problem(Some(ids.span()), "a pair needs two different questions");
            continue;
        }
        let reverse = |index: usize| match &questions[index].kind {
            Kind::Scale { reverse, .. } => Some(*reverse),
            _ => None,
        };
        match (reverse(first), reverse(second)) {
            (Some(a), Some(b)) if a != b => pairs.push([first, second]),
            (Some(_), Some(_)) => {
                document
                    .problem(
                        Some(ids.span()),
                        format!(
                            "in a pair exactly one question is reverse-keyed; `{}` and `{}` are {}",
                            questions[first].id,
                            questions[second].id,
                            if reverse(first) == Some(true) {
                                "both reversed"
                            } else {
                                "both not reversed"
                            }
                        ),
                    )
                    .help =
                    Some("a pair states the same thing from opposite directions".to_owned());
            }
            _ => {
                document.problem(
                    Some(ids.span()),
                    format!(
                        "pairs are made of scale questions; `{}` or `{}` is not one",
                        questions[first].id, questions[second].id
                    ),
                );
            }
        }
    }
    pairs
}
