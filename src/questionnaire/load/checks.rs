//! `[[checks]]`: claims set against facts, resolved against the questions.

use toml::Spanned;

use super::super::raw::RawCheck;
use super::not_empty;
use crate::document::Document;
use crate::error::with_suggestion;
use crate::questionnaire::{Check, CheckCondition, Question, format_number};

/// The most checks a questionnaire may have.
pub const MAX_CHECKS: usize = 50;

/// The checks, each condition naming a known question with bounds in `0..=1`.
pub(super) fn build_checks(
    document: &mut Document<'_>,
    raw: Vec<Spanned<RawCheck>>,
    questions: &[Question],
    raw_ids: &[String],
) -> Vec<Check> {
    if raw.len() > MAX_CHECKS {
        document.problem(
            Some(raw[MAX_CHECKS].span()),
            format!(
                "the questionnaire has {} checks; at most {MAX_CHECKS} are allowed",
                raw.len()
            ),
        );
    }
    let mut checks = Vec::with_capacity(raw.len());
    for spanned in raw {
        let raw = spanned.into_inner();
        let start = document.problem_count();
        not_empty(document, &raw.note, "a check's note");
        if let Some(advice) = &raw.advice {
            not_empty(document, advice, "a check's advice");
        }
        if raw.conditions.get_ref().is_empty() {
            document.problem(
                Some(raw.conditions.span()),
                "a check needs at least one condition in `if`",
            );
        }
        let mut conditions = Vec::new();
        for condition in raw.conditions.get_ref() {
            let condition = condition.get_ref();
            let id = condition.question.get_ref();
            let index = questions.iter().position(|q| q.id == *id);
            if index.is_none() && !raw_ids.contains(id) {
                let message = with_suggestion(
                    format!("a check names unknown question `{id}`"),
                    id,
                    raw_ids.iter().map(String::as_str),
                );
                document.problem(Some(condition.question.span()), message);
            }
            let bounds = [
                ("at_least", &condition.at_least),
                ("at_most", &condition.at_most),
            ];
            if bounds.iter().all(|(_, b)| b.is_none()) {
                document.problem(
                    Some(condition.question.span()),
                    format!("the condition on `{id}` needs `at_least` or `at_most` (a score from 0 to 1)"),
                );
            }
            for (name, bound) in bounds {
                if let Some(bound) = bound
                    && !(0.0..=1.0).contains(bound.get_ref())
                {
                    document.problem(
                        Some(bound.span()),
                        format!(
                            "`{name}` is a question score from 0 to 1, found {}",
                            format_number(*bound.get_ref())
                        ),
                    );
                }
            }
            if let Some(index) = index {
                conditions.push(CheckCondition {
                    question: index,
                    question_id: id.clone(),
                    at_least: condition.at_least.as_ref().map(|b| *b.get_ref()),
                    at_most: condition.at_most.as_ref().map(|b| *b.get_ref()),
                });
            }
        }
        if document.problem_count() == start {
            checks.push(Check {
                conditions,
                note: raw.note.into_inner(),
                advice: raw.advice.map(Spanned::into_inner),
            });
        }
    }
    checks
}
