//! Building a [`Questionnaire`] from its file, collecting every problem.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::DeTable;

mod checks;
mod context;
mod kinds;
mod pairs;
mod question;

use super::raw::{RawCheck, RawContext, RawPair, RawQuestion, RawScale, RawTheme, TOP_LEVEL_KEYS};
use super::{ContextQuestion, Questionnaire, Theme, is_valid_id};
use crate::document::Document;
use crate::error::Diagnostic;
use crate::source::Source;
use pairs::build_pairs;
use question::build_question;

/// The most questions a questionnaire may have: a run should take minutes,
/// and a file with thousands of questions is a mistake, not a questionnaire.
pub const MAX_QUESTIONS: usize = 500;

/// The most themes, options of one question, labels of one scale and bands
/// of one number question: far more than any questionnaire needs, and a
/// bound on what one answer or one prompt can cost.
pub const MAX_THEMES: usize = 50;
/// See [`MAX_THEMES`].
pub const MAX_OPTIONS: usize = 50;
/// See [`MAX_THEMES`].
pub const MAX_LABELS: usize = 20;
/// See [`MAX_THEMES`].
pub const MAX_BANDS: usize = 50;

/// The longest id (of a question, theme, option…) leadgap accepts.
pub const MAX_ID_LENGTH: usize = 64;

const KINDS: &[&str] = &["scale", "choice", "multi", "number"];

/// The context of a team form that holds the rater's group.
pub const GROUP_CONTEXT: &str = "group";

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
    let self_form = document.take::<String>(&mut root, "self_form");
    let has_themes = root.contains_key("themes");
    let has_questions = root.contains_key("questions");
    let raw_scales = document.take_entries::<RawScale>(&mut root, "scales");
    let raw_themes = document.take_array::<RawTheme>(&mut root, "themes");
    let raw_contexts = document.take_array::<RawContext>(&mut root, "context");
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
    let raw_checks = document.take_array::<RawCheck>(&mut root, "checks");
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
    let (themes, theme_spans) = build_themes(document, raw_themes, self_form.is_some());
    let mut contexts = context::build_contexts(document, raw_contexts);
    if let Some(self_form) = &self_form {
        check_id(document, self_form, "`self_form`");
        match contexts.iter().find(|c| c.id == GROUP_CONTEXT) {
            // A team form that declares no groups gets the default ones.
            None => contexts.insert(0, default_groups()),
            Some(group) if !matches!(group.kind, super::ContextKind::Choice { .. }) => {
                document
                    .problem(
                        Some(self_form.span()),
                        "a team form's context `group` must be a choice: who the rater is to \
                         the manager",
                    )
                    .help = Some(
                    "give it `kind = \"choice\"` and the groups as options, or leave it out \
                     for the default groups (direct-report, peer, stakeholder, manager)"
                        .to_owned(),
                );
            }
            Some(_) => {}
        }
    }

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
        if let Some(mirrors) = &raw.get_ref().mirrors
            && self_form.is_none()
        {
            document
                .problem(
                    Some(mirrors.span()),
                    "`mirrors` names a question of the self form, and only a team form has one",
                )
                .help = Some("add `self_form = \"ID\"` at the top of a team form".to_owned());
        }
        if let Some(question) = build_question(document, raw, &themes, &scales, &contexts) {
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
    let checks = checks::build_checks(document, raw_checks, &questions, &raw_ids);
    if themes.len() > MAX_THEMES {
        document.problem(
            None,
            format!(
                "the questionnaire has {} themes; at most {MAX_THEMES} are allowed",
                themes.len()
            ),
        );
    }
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
        contexts,
        checks,
        self_form: self_form.map(Spanned::into_inner),
        hash: String::new(),
    };
    questionnaire.compute_hashes();
    Some(questionnaire)
}

/// The groups of a team form that declares none, with plain labels.
pub const DEFAULT_GROUPS: [(&str, &str); 4] = [
    ("direct-report", "I report to them"),
    ("peer", "We are peers: we lead teams side by side"),
    (
        "stakeholder",
        "My part of the organisation works with their team",
    ),
    ("manager", "They report to me"),
];

/// The `group` context of a team form that declares none.
fn default_groups() -> ContextQuestion {
    ContextQuestion {
        id: GROUP_CONTEXT.to_owned(),
        text: "How do you work with this manager?".to_owned(),
        kind: super::ContextKind::Choice {
            options: DEFAULT_GROUPS
                .iter()
                .map(|(id, label)| super::ContextOption {
                    id: (*id).to_owned(),
                    label: (*label).to_owned(),
                })
                .collect(),
        },
    }
}

/// The themes, and where each one's id is written.
fn build_themes(
    document: &mut Document<'_>,
    raw_themes: Vec<Spanned<RawTheme>>,
    team_form: bool,
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
        let global = raw.global.as_ref().is_some_and(|g| *g.get_ref());
        if let Some(flag) = raw.global.as_ref().filter(|_| global && !team_form) {
            document
                .problem(
                    Some(flag.span()),
                    "`global` marks the one overall judgement a team form asks raters (\"would \
                     you recommend this manager?\"), and only a team form has one",
                )
                .help = Some(
                "remove `global`, or add `self_form = \"ID\"` at the top of a team form".to_owned(),
            );
        }
        themes.push(Theme {
            global,
            id: raw.id.into_inner(),
            title: raw.title.into_inner(),
            description: raw.description.map(Spanned::into_inner).unwrap_or_default(),
            rater_title: raw
                .rater_title
                .map(Spanned::into_inner)
                .filter(|t| !t.trim().is_empty()),
            hash: String::new(),
        });
    }
    (themes, spans)
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
    if count > MAX_LABELS {
        document.problem(
            Some(labels.span()),
            format!("{what} has {count} labels; at most {MAX_LABELS} are allowed"),
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
    if id.get_ref().chars().count() > MAX_ID_LENGTH {
        let shown: String = id.get_ref().chars().take(20).collect();
        document.problem(
            Some(id.span()),
            format!("{what} `{shown}…` is longer than {MAX_ID_LENGTH} characters"),
        );
    } else if !is_valid_id(id.get_ref()) {
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
