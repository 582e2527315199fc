//! Building a [`Questionnaire`] from its file, collecting every problem.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::DeTable;

use super::raw::{
    RawNumberBand, RawOption, RawPair, RawQuestion, RawScale, RawTheme, TOP_LEVEL_KEYS,
};
use super::{Choice, Kind, NumberBand, Question, Questionnaire, Theme, is_valid_id};
use crate::document::Document;
use crate::error::{Diagnostic, with_suggestion};
use crate::source::Source;

/// The most questions a questionnaire may have: a run should take minutes,
/// and a file with thousands of questions is a mistake, not a questionnaire.
pub const MAX_QUESTIONS: usize = 500;

const KINDS: &[&str] = &["scale", "choice", "multi", "number"];

/// Reads and checks a questionnaire file.
pub fn load(source: &Source) -> Result<Questionnaire, Vec<Diagnostic>> {
    let (mut document, root) = Document::parse(source);
    if document.has_problems() {
        // A syntax error: what was recovered cannot be trusted.
        return Err(document.finish());
    }
    let questionnaire = from_document(&mut document, root);
    document.conclude(questionnaire)
}

/// Builds a questionnaire from an already parsed file, recording problems in
/// `document`. Returns `None` when a problem was found.
pub fn from_document<'s>(
    document: &mut Document<'s>,
    mut root: DeTable<'s>,
) -> Option<Questionnaire> {
    let place = "the questionnaire";
    let start = document.problem_count();
    document.check_schema(&mut root, place);
    let id = document.require::<String>(&mut root, "id", None, place);
    let version = document.require::<String>(&mut root, "version", None, place);
    let title = document.require::<String>(&mut root, "title", None, place);
    let description = document.take::<String>(&mut root, "description");
    let rubric = document.take::<String>(&mut root, "rubric");
    let has_themes = root.contains_key("themes");
    let has_questions = root.contains_key("questions");
    let raw_scales = document.take_entries::<RawScale>(&mut root, "scales");
    let raw_themes = document.take_array::<RawTheme>(&mut root, "themes");
    // Which themes have questions, read before the questions' own checks so
    // that a broken question does not also make its theme look empty.
    let used_themes: Vec<String> = root
        .get("questions")
        .and_then(|value| value.get_ref().as_array())
        .map(|questions| {
            questions
                .iter()
                .filter_map(|q| {
                    q.get_ref()
                        .get("theme")?
                        .get_ref()
                        .as_str()
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    let raw_questions = document.take_array::<RawQuestion>(&mut root, "questions");
    let raw_pairs = document.take_array::<RawPair>(&mut root, "pairs");
    document.reject_unknown(root, TOP_LEVEL_KEYS, place);

    if let Some(id) = &id {
        check_id(document, id, "questionnaire id");
    }
    for field in [&version, &title].into_iter().flatten() {
        not_empty(document, field, "this text");
    }

    let mut scales = HashMap::new();
    for (name, scale) in raw_scales {
        let labels = scale.into_inner().labels;
        if check_labels(document, &labels, &format!("scale `{}`", name.get_ref())) {
            scales.insert(name.into_inner(), labels.into_inner());
        }
    }

    if !has_themes {
        document
            .problem(None, "the questionnaire has no themes")
            .help = Some("add at least one [[themes]] table with `id` and `title`".to_owned());
    }
    let (themes, theme_spans) = build_themes(document, raw_themes);

    if !has_questions {
        document
            .problem(None, "the questionnaire has no questions")
            .help = Some("add [[questions]] tables".to_owned());
    }
    if raw_questions.len() > MAX_QUESTIONS {
        document.problem(
            Some(raw_questions[MAX_QUESTIONS].span()),
            format!(
                "the questionnaire has {} questions; at most {MAX_QUESTIONS} are allowed",
                raw_questions.len()
            ),
        );
    }
    let raw_ids: Vec<String> = raw_questions
        .iter()
        .map(|q| q.get_ref().id.get_ref().clone())
        .collect();
    let mut questions = Vec::with_capacity(raw_questions.len());
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for raw in raw_questions {
        if let Some(first) = seen.get(raw.get_ref().id.get_ref()) {
            let line = document.source().locate(first.start).line;
            document.problem(
                Some(raw.get_ref().id.span()),
                format!(
                    "duplicate question id `{}`; the first is on line {line}",
                    raw.get_ref().id.get_ref()
                ),
            );
            continue;
        }
        seen.insert(raw.get_ref().id.get_ref().clone(), raw.get_ref().id.span());
        if let Some(question) = build_question(document, raw, &themes, &scales) {
            questions.push(question);
        }
    }

    if has_questions {
        for (theme, span) in themes.iter().zip(theme_spans) {
            if !used_themes.contains(&theme.id) {
                document
                    .problem(Some(span), format!("theme `{}` has no questions", theme.id))
                    .help = Some(format!(
                    "add a question with `theme = \"{}\"`, or remove the theme",
                    theme.id
                ));
            }
        }
    }

    let pairs = build_pairs(document, raw_pairs, &questions, &raw_ids);
    if document.problem_count() > start {
        return None;
    }
    let mut questionnaire = Questionnaire {
        id: id?.into_inner(),
        version: version?.into_inner(),
        title: title?.into_inner(),
        description: description.map(Spanned::into_inner).unwrap_or_default(),
        rubric: rubric.map(Spanned::into_inner),
        themes,
        questions,
        pairs,
        hash: String::new(),
    };
    questionnaire.compute_hashes();
    Some(questionnaire)
}

/// The themes, and where each one's id is written.
fn build_themes(
    document: &mut Document<'_>,
    raw_themes: Vec<Spanned<RawTheme>>,
) -> (Vec<Theme>, Vec<Range<usize>>) {
    let mut themes: Vec<Theme> = Vec::with_capacity(raw_themes.len());
    let mut spans = Vec::with_capacity(raw_themes.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for raw in raw_themes {
        let raw = raw.into_inner();
        check_id(document, &raw.id, "theme id");
        not_empty(document, &raw.title, "a theme title");
        let line = document.source().locate(raw.id.span().start).line;
        if let Some(first) = seen.get(raw.id.get_ref()) {
            document.problem(
                Some(raw.id.span()),
                format!(
                    "duplicate theme id `{}`; the first is on line {first}",
                    raw.id.get_ref()
                ),
            );
            continue;
        }
        seen.insert(raw.id.get_ref().clone(), line);
        spans.push(raw.id.span());
        themes.push(Theme {
            id: raw.id.into_inner(),
            title: raw.title.into_inner(),
            description: raw.description.map(Spanned::into_inner).unwrap_or_default(),
            hash: String::new(),
        });
    }
    (themes, spans)
}

fn build_question(
    document: &mut Document<'_>,
    raw: Spanned<RawQuestion>,
    themes: &[Theme],
    scales: &HashMap<String, Vec<String>>,
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
        && !(w.get_ref().is_finite() && *w.get_ref() > 0.0)
    {
        document.problem(
            Some(w.span()),
            format!("weight must be a number above 0, found {}", w.get_ref()),
        );
    }

    let kind_name = raw.kind.get_ref().as_str();
    let used_by = |field: &str| -> &[&str] {
        match field {
            "scale" | "labels" | "reverse" => &["scale"],
            "options" => &["choice", "multi"],
            _ => &["number"],
        }
    };
    if KINDS.contains(&kind_name) {
        let present = [
            ("scale", raw.scale.as_ref().map(Spanned::span)),
            ("labels", raw.labels.as_ref().map(Spanned::span)),
            ("reverse", raw.reverse.as_ref().map(Spanned::span)),
            ("options", raw.options.as_ref().map(Spanned::span)),
            ("unit", raw.unit.as_ref().map(Spanned::span)),
            ("min", raw.min.as_ref().map(Spanned::span)),
            ("max", raw.max.as_ref().map(Spanned::span)),
            ("bands", raw.bands.as_ref().map(Spanned::span)),
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
        hash: String::new(),
    })
}

/// Consistency pairs: two scale questions, exactly one of them reverse-keyed,
/// so that agreeing with both (or with neither) is a contradiction.
/// `raw_ids` are every question id in the file: a pair naming a question that
/// failed its own checks is not reported again.
fn build_pairs(
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

fn scale_kind(
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

fn options_kind(
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
    if raw_options.get_ref().len() < 2 {
        document.problem(
            Some(raw_options.span()),
            format!("a {kind} question needs at least two options"),
        );
        return None;
    }
    let start = document.problem_count();
    let mut options: Vec<Choice> = Vec::new();
    for option in raw_options.get_ref() {
        let RawOption { id, label, score } = option.get_ref();
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
        if !score.get_ref().is_finite() || (choice && *score.get_ref() < 0.0) {
            let expected = if choice {
                "a number of 0 or more"
            } else {
                "a finite number"
            };
            document.problem(
                Some(score.span()),
                format!("option score must be {expected}, found {}", score.get_ref()),
            );
        }
        options.push(Choice {
            id: id.get_ref().clone(),
            label: label.get_ref().clone(),
            score: *score.get_ref(),
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

fn number_kind(document: &mut Document<'_>, raw: &RawQuestion, span: Range<usize>) -> Option<Kind> {
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
            Some(v) if !v.get_ref().is_finite() => {
                document.problem(Some(v.span()), format!("`{key}` must be a finite number"));
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
            format!("`max` ({max}) must be above `min` ({min})"),
        );
    }
    let Some(raw_bands) = &raw.bands else {
        document.problem(
            Some(span),
            format!("number question `{id}` needs `bands = [{{ upto, score }}, ..., {{ score }}]`"),
        );
        return None;
    };
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
                format!("band score must be from 0 to 1, found {}", score.get_ref()),
            );
        }
        match upto {
            Some(upto) => {
                let value = *upto.get_ref();
                if !value.is_finite() {
                    document.problem(Some(upto.span()), "`upto` must be a finite number");
                } else if previous.is_some_and(|p| value <= p) {
                    document.problem(
                        Some(upto.span()),
                        format!(
                            "bands must be in ascending order of `upto`: {value} follows {}",
                            previous.unwrap_or_default()
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
                format!("the bands stop at {upto} but answers go up to `max` = {max}"),
            )
            .help =
            Some("end `bands` with a band without `upto`, such as `{ score = 0.0 }`".to_owned());
    }
    if document.problem_count() > start {
        return None;
    }
    Some(Kind::Number {
        unit: raw.unit.as_ref().map(|u| u.get_ref().clone()),
        min: min?,
        max: max?,
        bands,
    })
}

/// Checks that a list of labels has at least two non-empty entries.
fn check_labels(document: &mut Document<'_>, labels: &Spanned<Vec<String>>, what: &str) -> bool {
    let count = labels.get_ref().len();
    if count < 2 {
        let found = if count == 0 {
            "it is empty".to_owned()
        } else {
            "it has one".to_owned()
        };
        document.problem(
            Some(labels.span()),
            format!("{what} needs at least two labels; {found}"),
        );
        return false;
    }
    if labels.get_ref().iter().any(|label| label.trim().is_empty()) {
        document.problem(Some(labels.span()), format!("{what} has an empty label"));
        return false;
    }
    true
}

/// Records a problem unless `id` has the form `[a-z0-9-]+`.
pub(crate) fn check_id(document: &mut Document<'_>, id: &Spanned<String>, what: &str) {
    if !is_valid_id(id.get_ref()) {
        document.problem(
            Some(id.span()),
            format!("{what} `{}` may only use a-z, 0-9 and `-`", id.get_ref()),
        );
    }
}

/// Records a problem if a text is empty or only spaces.
pub(crate) fn not_empty(document: &mut Document<'_>, text: &Spanned<String>, what: &str) {
    if text.get_ref().trim().is_empty() {
        document.problem(Some(text.span()), format!("{what} is empty"));
    }
}
