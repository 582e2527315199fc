//! The kind-specific part of a question: a scale's labels, a choice's or
//! multi's options, a number's range and bands.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::super::raw::{RawNumberBand, RawOption, RawQuestion};
use super::{MAX_BANDS, MAX_OPTIONS, check_id, check_labels, not_empty};
use crate::document::Document;
use crate::error::with_suggestion;
use crate::questionnaire::{Choice, Kind, MAX_NUMBER, MAX_OPTION_SCORE, NumberBand, format_number};

pub(super) fn scale_kind(
    document: &mut Document<'_>,
    raw: &RawQuestion,
    span: Range<usize>,
    scales: &HashMap<String, Vec<String>>,
) -> Option<Kind> {
    let reverse = raw.reverse.as_ref().is_some_and(|r| *r.get_ref());
    let labels = match (&raw.scale, &raw.labels) {
        (Some(scale), Some(_)) => {
            document.problem(
                Some(scale.span()),
                "give either `scale` or `labels`, not both",
            );
            None
        }
        (Some(scale), None) => match scales.get(scale.get_ref()) {
            Some(labels) => Some(labels.clone()),
            None => {
                let message = with_suggestion(
                    format!("unknown scale `{}`", scale.get_ref()),
                    scale.get_ref(),
                    scales.keys().map(String::as_str),
                );
                document.problem(Some(scale.span()), message);
                None
            }
        },
        (None, Some(labels)) => {
            check_labels(document, labels, "`labels`").then(|| labels.get_ref().clone())
        }
        (None, None) => {
            document.problem(
                Some(span),
                format!(
                    "scale question `{}` needs `scale = \"NAME\"` or `labels = [...]`",
                    raw.id.get_ref()
                ),
            );
            None
        }
    };
    Some(Kind::Scale {
        labels: labels?,
        reverse,
    })
}

pub(super) fn options_kind(
    document: &mut Document<'_>,
    raw: &RawQuestion,
    span: Range<usize>,
    choice: bool,
) -> Option<Kind> {
    let kind = raw.kind.get_ref();
    let Some(raw_options) = &raw.options else {
        document.problem(
            Some(span),
            format!(
                "{kind} question `{}` needs `options = [{{ id, label, score }}, ...]`",
                raw.id.get_ref()
            ),
        );
        return None;
    };
    let count = raw_options.get_ref().len();
    if !(2..=MAX_OPTIONS).contains(&count) {
        document.problem(
            Some(raw_options.span()),
            format!("a {kind} question needs from 2 to {MAX_OPTIONS} options; it has {count}"),
        );
        return None;
    }
    let start = document.problem_count();
    let mut options: Vec<Choice> = Vec::new();
    for option in raw_options.get_ref() {
        let RawOption {
            id,
            label,
            score,
            exclusive,
        } = option.get_ref();
        if let Some(exclusive) = exclusive.as_ref().filter(|e| *e.get_ref())
            && choice
        {
            document.problem(
                Some(exclusive.span()),
                "`exclusive` is for the options of a multi question; a choice is one option anyway",
            );
        }
        check_id(document, id, "option id");
        if id.get_ref() == "skip" {
            document.problem(
                Some(id.span()),
                "`skip` cannot be an option id: answer files use it to skip a question",
            );
        }
        if options.iter().any(|o| o.id == *id.get_ref()) {
            document.problem(
                Some(id.span()),
                format!("duplicate option id `{}`", id.get_ref()),
            );
        }
        not_empty(document, label, "an option label");
        let lowest = if choice { 0.0 } else { -MAX_OPTION_SCORE };
        if !(lowest..=MAX_OPTION_SCORE).contains(score.get_ref()) {
            document.problem(
                Some(score.span()),
                format!(
                    "option score must be from {} to {}, found {}",
                    format_number(lowest),
                    format_number(MAX_OPTION_SCORE),
                    format_number(*score.get_ref())
                ),
            );
        }
        options.push(Choice {
            id: id.get_ref().clone(),
            label: label.get_ref().clone(),
            score: *score.get_ref(),
            exclusive: exclusive.as_ref().is_some_and(|e| *e.get_ref()),
        });
    }
    if document.problem_count() > start {
        return None;
    }
    if !options.iter().any(|o| o.score > 0.0) {
        let message = if choice {
            format!(
                "every option of `{}` scores 0, so no answer can score",
                raw.id.get_ref()
            )
        } else {
            format!(
                "no option of `{}` has a positive score, so no answer can score",
                raw.id.get_ref()
            )
        };
        document.problem(Some(raw_options.span()), message).help =
            Some("give the strongest option a positive score".to_owned());
        return None;
    }
    Some(if choice {
        Kind::Choice { options }
    } else {
        Kind::Multi { options }
    })
}

pub(super) fn number_kind(
    document: &mut Document<'_>,
    raw: &RawQuestion,
    span: Range<usize>,
) -> Option<Kind> {
    let id = raw.id.get_ref();
    let start = document.problem_count();
    let mut bound = |value: &Option<Spanned<f64>>, key: &str| -> Option<f64> {
        match value {
            None => {
                document.problem(
                    Some(span.clone()),
                    format!("number question `{id}` needs `{key}`"),
                );
                None
            }
            Some(v) if !(-MAX_NUMBER..=MAX_NUMBER).contains(v.get_ref()) => {
                document.problem(
                    Some(v.span()),
                    format!(
                        "`{key}` must be from {} to {}, found {}",
                        format_number(-MAX_NUMBER),
                        format_number(MAX_NUMBER),
                        format_number(*v.get_ref())
                    ),
                );
                None
            }
            Some(v) => Some(*v.get_ref()),
        }
    };
    let min = bound(&raw.min, "min");
    let max = bound(&raw.max, "max");
    if let (Some(min), Some(max), Some(max_span)) = (min, max, raw.max.as_ref())
        && min >= max
    {
        document.problem(
            Some(max_span.span()),
            format!(
                "`max` ({}) must be above `min` ({})",
                format_number(max),
                format_number(min)
            ),
        );
    }
    let Some(raw_bands) = &raw.bands else {
        document.problem(
            Some(span),
            format!("number question `{id}` needs `bands = [{{ upto, score }}, ..., {{ score }}]`"),
        );
        return None;
    };
    if raw_bands.get_ref().len() > MAX_BANDS {
        document.problem(
            Some(raw_bands.span()),
            format!(
                "`bands` has {} bands; at most {MAX_BANDS} are allowed",
                raw_bands.get_ref().len()
            ),
        );
        return None;
    }
    if raw_bands.get_ref().is_empty() {
        document.problem(
            Some(raw_bands.span()),
            "`bands` is empty; add at least one `{ score = ... }`",
        );
        return None;
    }
    let mut bands = Vec::new();
    let mut previous: Option<f64> = None;
    let count = raw_bands.get_ref().len();
    for (index, band) in raw_bands.get_ref().iter().enumerate() {
        let RawNumberBand { upto, score } = band.get_ref();
        if !(0.0..=1.0).contains(score.get_ref()) {
            document.problem(
                Some(score.span()),
                format!(
                    "band score must be from 0 to 1, found {}",
                    format_number(*score.get_ref())
                ),
            );
        }
        match upto {
            Some(upto) => {
                let value = *upto.get_ref();
                if !(-MAX_NUMBER..=MAX_NUMBER).contains(&value) {
                    document.problem(
                        Some(upto.span()),
                        format!(
                            "`upto` must be from {} to {}, found {}",
                            format_number(-MAX_NUMBER),
                            format_number(MAX_NUMBER),
                            format_number(value)
                        ),
                    );
                } else if let Some(previous) = previous.filter(|p| value <= *p) {
                    document.problem(
                        Some(upto.span()),
                        format!(
                            "bands must be in ascending order of `upto`: {} follows {}",
                            format_number(value),
                            format_number(previous)
                        ),
                    );
                }
                previous = Some(value);
            }
            None if index + 1 < count => {
                document.problem(Some(band.span()), "only the last band may leave out `upto`");
            }
            None => {}
        }
        bands.push(NumberBand {
            upto: upto.as_ref().map(|u| *u.get_ref()),
            score: *score.get_ref(),
        });
    }
    if let (Some(last), Some(max)) = (bands.last(), max)
        && let Some(upto) = last.upto
        && upto < max
    {
        document
            .problem(
                Some(raw_bands.span()),
                format!(
                    "the bands stop at {} but answers go up to `max` = {}",
                    format_number(upto),
                    format_number(max)
                ),
            )
            .help =
            Some("end `bands` with a band without `upto`, such as `{ score = 0.0 }`".to_owned());
    }
    if document.problem_count() > start {
        return None;
    }
    Some(Kind::Number {
        integer: raw.integer.as_ref().is_some_and(|i| *i.get_ref()),
        unit: raw.unit.as_ref().map(|u| u.get_ref().clone()),
        min: min?,
        max: max?,
        bands,
    })
}
