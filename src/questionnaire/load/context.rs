//! The facts about the job asked before the questions (`[[context]]`), and
//! what questions say about them: `when` a question applies, and `per`
//! which number context a count is divided by.

use std::collections::HashMap;

use toml::Spanned;

use super::super::raw::{RawContext, RawWhen};
use super::{MAX_OPTIONS, check_id, not_empty};
use crate::document::Document;
use crate::error::with_suggestion;
use crate::questionnaire::{
    Condition, ContextKind, ContextOption, ContextQuestion, MAX_NUMBER, When, format_number,
};

/// The most context questions a questionnaire may ask.
pub const MAX_CONTEXTS: usize = 20;

/// The context questions, checked.
pub(super) fn build_contexts(
    document: &mut Document<'_>,
    raw: Vec<Spanned<RawContext>>,
) -> Vec<ContextQuestion> {
    if raw.len() > MAX_CONTEXTS {
        document.problem(
            Some(raw[MAX_CONTEXTS].span()),
            format!(
                "the questionnaire has {} context questions; at most {MAX_CONTEXTS} are allowed",
                raw.len()
            ),
        );
    }
    let mut contexts = Vec::with_capacity(raw.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for spanned in raw {
        let span = spanned.span();
        let raw = spanned.into_inner();
        let start = document.problem_count();
        check_id(document, &raw.id, "context id");
        not_empty(document, &raw.text, "the context question's text");
        let id = raw.id.get_ref().clone();
        if let Some(line) = seen.get(&id) {
            document.problem(
                Some(raw.id.span()),
                format!("duplicate context id `{id}`; the first is on line {line}"),
            );
        }
        seen.insert(
            id.clone(),
            document.source().locate(raw.id.span().start).line,
        );
        let misplaced = |document: &mut Document<'_>,
                         field: &str,
                         at: Option<std::ops::Range<usize>>,
                         kind: &str| {
            if let Some(at) = at {
                document.problem(
                    Some(at),
                    format!("`{field}` does not apply to a {kind} context (`{id}`)"),
                );
            }
        };
        let kind = match raw.kind.get_ref().as_str() {
            "number" => {
                misplaced(
                    document,
                    "options",
                    raw.options.as_ref().map(Spanned::span),
                    "number",
                );
                number_context(document, &raw, span)
            }
            "choice" => {
                for (field, at) in [
                    ("min", raw.min.as_ref().map(Spanned::span)),
                    ("max", raw.max.as_ref().map(Spanned::span)),
                    ("unit", raw.unit.as_ref().map(Spanned::span)),
                    ("integer", raw.integer.as_ref().map(Spanned::span)),
                ] {
                    misplaced(document, field, at, "choice");
                }
                choice_context(document, &raw, span)
            }
            other => {
                let message = with_suggestion(
                    format!("unknown context kind `{other}`"),
                    other,
                    ["number", "choice"],
                );
                document.problem(Some(raw.kind.span()), message).help =
                    Some("a context's kind is `number` or `choice`".to_owned());
                None
            }
        };
        if document.problem_count() == start
            && let Some(kind) = kind
        {
            contexts.push(ContextQuestion {
                id,
                text: raw.text.into_inner(),
                kind,
            });
        }
    }
    contexts
}

fn number_context(
    document: &mut Document<'_>,
    raw: &RawContext,
    span: std::ops::Range<usize>,
) -> Option<ContextKind> {
    let (Some(min), Some(max)) = (&raw.min, &raw.max) else {
        document.problem(
            Some(span),
            format!(
                "number context `{}` needs `min` and `max`",
                raw.id.get_ref()
            ),
        );
        return None;
    };
    let (lo, hi) = (*min.get_ref(), *max.get_ref());
    if !(lo.is_finite() && hi.is_finite() && lo.abs() <= MAX_NUMBER && hi.abs() <= MAX_NUMBER) {
        document.problem(
            Some(max.span()),
            format!(
                "`min` and `max` must be numbers from -{0} to {0}",
                format_number(MAX_NUMBER)
            ),
        );
        return None;
    }
    if lo >= hi {
        document.problem(
            Some(max.span()),
            format!(
                "`max` ({}) must be above `min` ({})",
                format_number(hi),
                format_number(lo)
            ),
        );
        return None;
    }
    Some(ContextKind::Number {
        min: lo,
        max: hi,
        unit: raw.unit.as_ref().map(|u| u.get_ref().clone()),
        integer: raw.integer.as_ref().is_some_and(|i| *i.get_ref()),
    })
}

fn choice_context(
    document: &mut Document<'_>,
    raw: &RawContext,
    span: std::ops::Range<usize>,
) -> Option<ContextKind> {
    let Some(options) = &raw.options else {
        document.problem(
            Some(span),
            format!(
                "choice context `{}` needs `options = [{{ id, label }}, ...]`",
                raw.id.get_ref()
            ),
        );
        return None;
    };
    let count = options.get_ref().len();
    if !(2..=MAX_OPTIONS).contains(&count) {
        document.problem(
            Some(options.span()),
            format!("a choice context needs 2 to {MAX_OPTIONS} options; it has {count}"),
        );
        return None;
    }
    let mut built: Vec<ContextOption> = Vec::with_capacity(count);
    for option in options.get_ref() {
        let option = option.get_ref();
        check_id(document, &option.id, "option id");
        not_empty(document, &option.label, "an option label");
        if built.iter().any(|o| o.id == *option.id.get_ref()) {
            document.problem(
                Some(option.id.span()),
                format!("duplicate option id `{}`", option.id.get_ref()),
            );
        }
        built.push(ContextOption {
            id: option.id.get_ref().clone(),
            label: option.label.get_ref().clone(),
        });
    }
    Some(ContextKind::Choice { options: built })
}

/// A question's `when`, resolved against the contexts.
pub(super) fn build_when(
    document: &mut Document<'_>,
    raw: &Spanned<RawWhen>,
    contexts: &[ContextQuestion],
) -> Option<When> {
    let raw_when = raw.get_ref();
    let name = raw_when.context.get_ref();
    let Some(index) = contexts.iter().position(|c| c.id == *name) else {
        unknown_context(document, &raw_when.context, contexts);
        return None;
    };
    let condition = match (&contexts[index].kind, &raw_when.options) {
        (ContextKind::Choice { options }, Some(chosen)) => {
            if raw_when.min.is_some() || raw_when.max.is_some() {
                document.problem(
                    Some(raw.span()),
                    format!("context `{name}` is a choice: give `in = [...]`, not `min`/`max`"),
                );
                return None;
            }
            if chosen.get_ref().is_empty() {
                document.problem(
                    Some(chosen.span()),
                    "`in` is empty: the question would never apply",
                );
                return None;
            }
            for option in chosen.get_ref() {
                if !options.iter().any(|o| o.id == *option.get_ref()) {
                    let message = with_suggestion(
                        format!("context `{name}` has no option `{}`", option.get_ref()),
                        option.get_ref(),
                        options.iter().map(|o| o.id.as_str()),
                    );
                    document.problem(Some(option.span()), message);
                }
            }
            Condition::In {
                options: chosen
                    .get_ref()
                    .iter()
                    .map(|o| o.get_ref().clone())
                    .collect(),
            }
        }
        (ContextKind::Choice { .. }, None) => {
            document.problem(
                Some(raw.span()),
                format!("context `{name}` is a choice: say which options apply with `in = [...]`"),
            );
            return None;
        }
        (ContextKind::Number { .. }, Some(chosen)) => {
            document.problem(
                Some(chosen.span()),
                format!("context `{name}` is a number: give `min` and/or `max`, not `in`"),
            );
            return None;
        }
        (ContextKind::Number { .. }, None) => {
            let (min, max) = (
                raw_when.min.as_ref().map(|m| *m.get_ref()),
                raw_when.max.as_ref().map(|m| *m.get_ref()),
            );
            if min.is_none() && max.is_none() {
                document.problem(
                    Some(raw.span()),
                    format!("context `{name}` is a number: give `min` and/or `max`"),
                );
                return None;
            }
            if let (Some(lo), Some(hi)) = (min, max)
                && lo > hi
            {
                document.problem(
                    Some(raw.span()),
                    format!(
                        "`min` ({}) is above `max` ({}): the question would never apply",
                        format_number(lo),
                        format_number(hi)
                    ),
                );
                return None;
            }
            Condition::Range { min, max }
        }
    };
    Some(When {
        context: index,
        context_id: name.clone(),
        condition,
    })
}

/// A number question's `per` or `of` (`key`): a number context whose answer
/// is never 0.
pub(super) fn build_per(
    document: &mut Document<'_>,
    (key, raw): (&str, &Spanned<String>),
    contexts: &[ContextQuestion],
) -> Option<(usize, String)> {
    let name = raw.get_ref();
    let Some(index) = contexts.iter().position(|c| c.id == *name) else {
        unknown_context(document, raw, contexts);
        return None;
    };
    match &contexts[index].kind {
        ContextKind::Number { min, .. } if *min > 0.0 => Some((index, name.clone())),
        ContextKind::Number { min, .. } => {
            document
                .problem(
                    Some(raw.span()),
                    format!(
                        "`{key} = \"{name}\"` divides by the context's answer, which may be {} here",
                        format_number(*min)
                    ),
                )
                .help = Some(format!("give context `{name}` a `min` above 0"));
            None
        }
        ContextKind::Choice { .. } => {
            document.problem(
                Some(raw.span()),
                format!("`{key}` needs a number context; `{name}` is a choice"),
            );
            None
        }
    }
}

fn unknown_context(
    document: &mut Document<'_>,
    name: &Spanned<String>,
    contexts: &[ContextQuestion],
) {
    let message = with_suggestion(
        format!("unknown context `{}`", name.get_ref()),
        name.get_ref(),
        contexts.iter().map(|c| c.id.as_str()),
    );
    document.problem(Some(name.span()), message).help = Some(if contexts.is_empty() {
        "the questionnaire asks no context: add a [[context]] table".to_owned()
    } else {
        format!(
            "the contexts are: {}",
            contexts
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
}
