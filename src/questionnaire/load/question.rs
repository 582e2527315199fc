//! One question of a questionnaire file, checked: its id, theme, kind and
//! scoring, when it applies, and what it mirrors.

use std::collections::HashMap;

use toml::Spanned;

use super::kinds::{number_kind, options_kind, scale_kind};
use super::{KINDS, check_id, context, not_empty};
use crate::document::Document;
use crate::error::with_suggestion;
use crate::questionnaire::raw::RawQuestion;
use crate::questionnaire::{ContextQuestion, Kind, MAX_WEIGHT, Question, Theme, format_number};

pub(super) fn build_question(
    document: &mut Document<'_>,
    raw: Spanned<RawQuestion>,
    themes: &[Theme],
    scales: &HashMap<String, Vec<String>>,
    contexts: &[ContextQuestion],
) -> Option<Question> {
    let span = raw.span();
    let raw = raw.into_inner();
    let start = document.problem_count();
    let id = raw.id.get_ref();
    check_id(document, &raw.id, "question id");
    not_empty(document, &raw.text, "the question text");

    let theme = themes
        .iter()
        .position(|theme| theme.id == *raw.theme.get_ref());
    if theme.is_none() {
        let message = with_suggestion(
            format!("unknown theme `{}`", raw.theme.get_ref()),
            raw.theme.get_ref(),
            themes.iter().map(|t| t.id.as_str()),
        );
        document.problem(Some(raw.theme.span()), message);
    }

    let weight = raw.weight.as_ref().map_or(1.0, |w| *w.get_ref());
    if let Some(w) = &raw.weight
        && !(*w.get_ref() > 0.0 && *w.get_ref() <= MAX_WEIGHT)
    {
        document.problem(
            Some(w.span()),
            format!(
                "weight must be a number above 0 and at most {}, found {}",
                format_number(MAX_WEIGHT),
                format_number(*w.get_ref())
            ),
        );
    }

    let kind_name = raw.kind.get_ref().as_str();
    let used_by = |field: &str| -> &[&str] {
        match field {
            "scale" | "labels" | "reverse" => &["scale"],
            "options" => &["choice", "multi"],
            "ordered" => &["choice"],
            _ => &["number"],
        }
    };
    if KINDS.contains(&kind_name) {
        let present = [
            ("scale", raw.scale.as_ref().map(Spanned::span)),
            ("labels", raw.labels.as_ref().map(Spanned::span)),
            ("reverse", raw.reverse.as_ref().map(Spanned::span)),
            ("options", raw.options.as_ref().map(Spanned::span)),
            ("ordered", raw.ordered.as_ref().map(Spanned::span)),
            ("unit", raw.unit.as_ref().map(Spanned::span)),
            ("min", raw.min.as_ref().map(Spanned::span)),
            ("max", raw.max.as_ref().map(Spanned::span)),
            ("bands", raw.bands.as_ref().map(Spanned::span)),
            ("integer", raw.integer.as_ref().map(Spanned::span)),
        ];
        for (field, field_span) in present {
            if let Some(field_span) = field_span
                && !used_by(field).contains(&kind_name)
            {
                document.problem(
                    Some(field_span),
                    format!("`{field}` does not apply to a {kind_name} question (`{id}`)"),
                );
            }
        }
    }

    let kind = match kind_name {
        "scale" => scale_kind(document, &raw, span.clone(), scales),
        "choice" | "multi" => options_kind(document, &raw, span.clone(), kind_name == "choice"),
        "number" => number_kind(document, &raw, span.clone()),
        other => {
            let message = with_suggestion(
                format!("unknown kind `{other}`"),
                other,
                KINDS.iter().copied(),
            );
            document.problem(Some(raw.kind.span()), message).help =
                Some("a question's kind is one of scale, choice, multi, number".to_owned());
            None
        }
    };

    let when = raw
        .when
        .as_ref()
        .and_then(|when| context::build_when(document, when, contexts));
    // `of` counts members of the context: divided by it as `per` is, and
    // never larger than it.
    let members = raw.of.is_some();
    let per = match (&raw.per, &raw.of) {
        (Some(per), Some(_)) => {
            document.problem(
                Some(per.span()),
                format!(
                    "`{id}` has both `per` and `of`: `of` already divides by its context; keep one"
                ),
            );
            None
        }
        (Some(by), None) | (None, Some(by)) => {
            let key = if members { "of" } else { "per" };
            match &kind {
                Some(Kind::Number { .. }) => context::build_per(document, (key, by), contexts),
                _ if kind_name != "number" => {
                    document.problem(
                        Some(by.span()),
                        format!(
                            "`{key}` only applies to a number question (`{id}` is a {kind_name})"
                        ),
                    );
                    None
                }
                _ => None,
            }
        }
        (None, None) => None,
    };

    let basis = match raw.basis.as_ref().map(|b| b.get_ref().as_str()) {
        None | Some("view") => Some(crate::questionnaire::Basis::View),
        Some("fact") => Some(crate::questionnaire::Basis::Fact),
        Some(other) => {
            document.problem(
                raw.basis.as_ref().map(Spanned::span),
                format!(
                    "`basis = \"{}\"`: expected \"fact\" (what happened) or \"view\" (how \
                     the respondent rates themselves)",
                    crate::output::clean_line(other)
                ),
            );
            None
        }
    };
    let evidence = raw.evidence.as_ref().and_then(|figure| {
        let known = crate::questionnaire::EVIDENCE_FIGURES
            .iter()
            .any(|(name, ..)| name == figure.get_ref());
        if kind_name != "number" {
            document.problem(
                Some(figure.span()),
                format!("`evidence` only answers a number question (`{id}` is a {kind_name})"),
            );
            None
        } else if !known {
            let message = with_suggestion(
                format!(
                    "`evidence = \"{}\"` is no figure of `leadgap evidence`",
                    figure.get_ref()
                ),
                figure.get_ref(),
                crate::questionnaire::EVIDENCE_FIGURES
                    .iter()
                    .map(|(n, ..)| *n),
            );
            document.problem(Some(figure.span()), message);
            None
        } else {
            Some(figure.get_ref().clone())
        }
    });
    if document.problem_count() > start {
        return None;
    }
    Some(Question {
        id: raw.id.into_inner(),
        theme: theme?,
        text: raw.text.into_inner(),
        weight,
        required: raw.required.is_some_and(|r| *r.get_ref()),
        kind: kind?,
        when,
        per,
        members,
        dont_know: raw.dont_know.is_some_and(|d| *d.get_ref()),
        ordered: raw.ordered.is_some_and(|o| *o.get_ref()),
        mirrors: raw.mirrors.map(Spanned::into_inner),
        evidence,
        basis: basis?,
        hash: String::new(),
    })
}
