//! `[context]` in an answer file: the facts about the job, checked against
//! the questionnaire's context questions, and what follows from them for
//! the answers (a question that does not apply takes no answer).

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::document::Document;
use crate::error::with_suggestion;
use crate::questionnaire::{ContextKind, ContextValue, Questionnaire, format_number};

/// Reads `[context]` into one value per context question; records a problem
/// for each unknown id, wrong value and (without `allow_partial`) missing
/// context.
pub(super) fn check_context<'s>(
    document: &mut Document<'s>,
    questionnaire: &Questionnaire,
    table: Option<(std::ops::Range<usize>, DeTable<'s>)>,
    allow_partial: bool,
) -> Vec<Option<ContextValue>> {
    let mut values = vec![None; questionnaire.contexts.len()];
    let span = table.as_ref().map(|(span, _)| span.clone());
    let mut invalid = vec![false; questionnaire.contexts.len()];
    for (key, value) in table.map(|(_, entries)| entries).unwrap_or_default() {
        let Some(index) = questionnaire.context_index(key.get_ref()) else {
            let message = with_suggestion(
                format!("unknown context `{}`", key.get_ref()),
                key.get_ref(),
                questionnaire.contexts.iter().map(|c| c.id.as_str()),
            );
            document.problem(Some(key.span()), message);
            continue;
        };
        let context = &questionnaire.contexts[index];
        let value_span = value.span();
        // "" is what `template` writes: not given yet.
        if matches!(value.get_ref(), DeValue::String(text) if text.is_empty()) {
            continue;
        }
        let checked = match (&context.kind, value.get_ref()) {
            (
                ContextKind::Number {
                    min, max, integer, ..
                },
                DeValue::Integer(_) | DeValue::Float(_),
            ) => {
                let number = document.decode::<f64>(value).map(Spanned::into_inner);
                let expected = crate::questionnaire::number_range(*min, *max, *integer, None);
                match number {
                    Some(v) if *integer && v.fract() != 0.0 => Err(format!(
                        "context `{}`: {} is not a whole number; expected {expected}",
                        context.id,
                        format_number(v)
                    )),
                    Some(v) if v.is_finite() && (*min..=*max).contains(&v) => {
                        Ok(ContextValue::Number(v))
                    }
                    Some(v) => Err(format!(
                        "context `{}`: {} is out of range; expected {expected}",
                        context.id,
                        format_number(v)
                    )),
                    None => Err(format!("context `{}`: expected {expected}", context.id)),
                }
            }
            (ContextKind::Choice { options }, DeValue::String(text)) => options
                .iter()
                .position(|o| o.id == text.as_ref())
                .map(ContextValue::Choice)
                .ok_or_else(|| {
                    with_suggestion(
                        format!("context `{}`: unknown option `{text}`", context.id),
                        text,
                        options.iter().map(|o| o.id.as_str()),
                    )
                }),
            (ContextKind::Number { min, max, .. }, _) => Err(format!(
                "context `{}`: expected a number from {} to {}",
                context.id,
                format_number(*min),
                format_number(*max)
            )),
            (ContextKind::Choice { options }, _) => Err(format!(
                "context `{}`: expected one of {}",
                context.id,
                options
                    .iter()
                    .map(|o| format!("\"{}\"", o.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        match checked {
            Ok(value) => values[index] = Some(value),
            Err(message) => {
                invalid[index] = true;
                document.problem(Some(value_span), message);
            }
        }
    }
    if !allow_partial {
        for (index, context) in questionnaire.contexts.iter().enumerate() {
            if values[index].is_none() && !invalid[index] {
                document
                    .problem(
                        span.clone(),
                        format!("no answer for context `{}` ({})", context.id, context.text),
                    )
                    .help = Some(format!(
                    "add it under [context], e.g. `{} = {}`; the context decides which questions apply",
                    context.id,
                    example(&context.kind)
                ));
            }
        }
    }
    values
}

fn example(kind: &ContextKind) -> String {
    match kind {
        ContextKind::Number { min, .. } => format_number(*min),
        ContextKind::Choice { options } => format!("\"{}\"", options[0].id),
    }
}
