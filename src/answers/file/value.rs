//! One answer in an answer file, checked against its question: the right
//! type, a known option, a value in range; every problem with its place.

use toml::Spanned;
use toml::de::DeValue;

use crate::document::{Document, Value};
use crate::error::with_suggestion;
use crate::questionnaire::{DONT_KNOW, Kind, Question, Response};

/// Checks one answer against its question; `None` when it is wrong (the
/// problem is recorded).
pub(super) fn check_value<'s>(
    document: &mut Document<'s>,
    question: &Question,
    value: Value<'s>,
) -> Option<Response> {
    let span = value.span();
    if let DeValue::String(text) = value.get_ref() {
        match text.as_ref() {
            "skip" => return Some(Response::Skipped),
            "" => return Some(Response::Unanswered),
            DONT_KNOW if question.dont_know => return Some(Response::DontKnow),
            DONT_KNOW => {
                document.problem(
                    Some(span),
                    format!(
                        "`{}` does not offer \"{DONT_KNOW}\"; answer it, or write \"skip\"",
                        question.id
                    ),
                );
                return None;
            }
            _ => {}
        }
    }
    let found = found(document, &value);
    let id = &question.id;
    match &question.kind {
        Kind::Scale { labels, .. } => {
            let n = labels.len();
            let expected = format!(
                "a whole number from 1 to {n} (1 = {}, {n} = {}) or \"skip\"",
                labels[0],
                labels[n - 1]
            );
            if matches!(value.get_ref(), DeValue::Integer(_)) {
                // A whole number too large for any scale is out of range too.
                let v = document
                    .source()
                    .text
                    .get(span.clone())
                    .and_then(|text| text.replace('_', "").parse::<i64>().ok());
                match v {
                    Some(v) if (1..=n as i64).contains(&v) => {
                        return Some(Response::Scale(v as u32));
                    }
                    Some(v) => {
                        document.problem(
                            Some(span),
                            format!("`{id}`: {v} is out of range; expected {expected}"),
                        );
                    }
                    None => {
                        document.problem(
                            Some(span),
                            format!("`{id}`: {found} is out of range; expected {expected}"),
                        );
                    }
                }
            } else {
                document.problem(
                    Some(span),
                    format!("`{id}`: expected {expected}, found {found}"),
                );
            }
        }
        Kind::Choice { options } => {
            let ids = options.iter().map(|o| o.id.as_str());
            match value.get_ref() {
                DeValue::String(text) => {
                    if let Some(index) = options.iter().position(|o| o.id == text.as_ref()) {
                        return Some(Response::Choice(index));
                    }
                    let message = with_suggestion(
                        format!("`{id}`: unknown option `{text}`"),
                        text,
                        ids.clone(),
                    );
                    document.problem(Some(span), message).help =
                        Some(format!("the options are {}", list(ids)));
                }
                _ => {
                    document.problem(
                        Some(span),
                        format!(
                            "`{id}`: expected one option id ({}) or \"skip\", found {found}",
                            list(ids)
                        ),
                    );
                }
            }
        }
        Kind::Multi { options } => {
            let ids = options.iter().map(|o| o.id.as_str());
            let DeValue::Array(items) = value.into_inner() else {
                document.problem(
                    Some(span),
                    format!("`{id}`: expected a list of option ids such as [\"{}\"] ([] for none), found {found}", options[0].id),
                );
                return None;
            };
            let mut chosen: Vec<usize> = Vec::new();
            let start = document.problem_count();
            for item in items {
                let item_span = item.span();
                let DeValue::String(text) = item.get_ref() else {
                    let found = self::found(document, &item);
                    document.problem(
                        Some(item_span),
                        format!("`{id}`: expected an option id, found {found}"),
                    );
                    continue;
                };
                match options.iter().position(|o| o.id == text.as_ref()) {
                    Some(index) if chosen.contains(&index) => {
                        document.problem(
                            Some(item_span),
                            format!("`{id}`: option `{text}` is listed twice"),
                        );
                    }
                    Some(index) => chosen.push(index),
                    None => {
                        let message = with_suggestion(
                            format!("`{id}`: unknown option `{text}`"),
                            text,
                            ids.clone(),
                        );
                        document.problem(Some(item_span), message).help =
                            Some(format!("the options are {}", list(ids.clone())));
                    }
                }
            }
            if let Some(alone) = chosen.iter().find(|&&i| options[i].exclusive)
                && chosen.len() > 1
            {
                document.problem(
                    Some(span),
                    format!(
                        "`{id}`: `{}` (\"{}\") goes on its own, not with other options",
                        options[*alone].id, options[*alone].label
                    ),
                );
            }
            if document.problem_count() == start {
                chosen.sort_unstable();
                return Some(Response::Multi(chosen));
            }
        }
        Kind::Number {
            unit,
            min,
            max,
            integer,
            ..
        } => {
            let expected = format!(
                "{} or \"skip\"",
                crate::questionnaire::number_range(*min, *max, *integer, unit.as_deref())
            );
            let number = match value.get_ref() {
                DeValue::Integer(_) | DeValue::Float(_) => {
                    document.decode::<f64>(value).map(Spanned::into_inner)
                }
                _ => None,
            };
            match number {
                Some(v) if *integer && v.fract() != 0.0 => {
                    document.problem(
                        Some(span),
                        format!(
                            "`{id}`: {} is not a whole number; expected {expected}",
                            crate::questionnaire::format_number(v)
                        ),
                    );
                }
                Some(v) if v.is_finite() && (*min..=*max).contains(&v) => {
                    return Some(Response::Number(v));
                }
                Some(v) if v.is_finite() => {
                    document.problem(
                        Some(span),
                        format!(
                            "`{id}`: {} is out of range; expected {expected}",
                            crate::questionnaire::format_number(v)
                        ),
                    );
                }
                _ => {
                    document.problem(
                        Some(span),
                        format!("`{id}`: expected {expected}, found {found}"),
                    );
                }
            }
        }
    }
    None
}

/// How a wrong value is shown in a message: its type and its text.
fn found(document: &Document<'_>, value: &Value<'_>) -> String {
    let text = document.source().text.get(value.span()).unwrap_or_default();
    let mut shown: String = text.chars().take(40).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    format!(
        "{} `{}`",
        value.get_ref().type_str(),
        shown.replace('\n', " ")
    )
}

fn list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
