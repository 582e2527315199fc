//! Answer files, for scripted runs (docs/REFERENCE.md, "Files").
//!
//! Reading is in two steps: [`AnswerFile::parse`] reads the file and the
//! questionnaire id it names, so the caller can find that questionnaire;
//! [`AnswerFile::check`] then checks every answer against it.

use toml::Spanned;
use toml::de::DeTable;

use crate::document::Document;
use crate::error::{Diagnostic, with_suggestion};
use crate::questionnaire::{Answers, Response};
use crate::questionnaire::{PlannedAction, Questionnaire};
use crate::source::Source;

mod context;
mod missing;
mod value;

use missing::{fill_from_evidence, report_missing};
use value::check_value;

/// The top-level keys of an answer file.
pub const TOP_LEVEL_KEYS: &[&str] = &[
    "schema",
    "questionnaire",
    "respondent",
    "rater",
    "context",
    "answers",
    "notes",
    "evidence",
    "plan",
];

/// `[[plan]]` in an answer file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlanned {
    theme: Spanned<String>,
    text: Spanned<String>,
    due: Option<Spanned<String>>,
}

/// A parsed answer file whose answers are not checked yet.
pub struct AnswerFile<'s> {
    document: Document<'s>,
    root: DeTable<'s>,
    questionnaire: Option<Spanned<String>>,
    /// Today, to refuse `[[plan]]` due dates in the past; without it only
    /// their form is checked.
    today: Option<chrono::NaiveDate>,
    /// Per question, the evidence's value: the answer where the file gives
    /// none (`assess --evidence`).
    offers: Vec<Option<crate::questionnaire::Offer>>,
}

impl<'s> AnswerFile<'s> {
    /// Parses the file and reads the questionnaire id it names.
    pub fn parse(source: &'s Source) -> Self {
        let (mut document, mut root) = Document::parse(source);
        // After a syntax error, only the syntax error is worth reporting.
        let questionnaire = if document.has_problems() {
            None
        } else {
            // `schema` is optional in answer files; when given it must be 1.
            if root.contains_key("schema") {
                document.check_schema(&mut root, "the answer file");
            }
            let named =
                document.require::<String>(&mut root, "questionnaire", None, "the answer file");
            // An id, never a path: an answer file from someone else must not
            // make leadgap open a file of its choosing.
            match named {
                Some(id) if !crate::questionnaire::is_valid_id(id.get_ref()) => {
                    document
                        .problem(
                            Some(id.span()),
                            "`questionnaire` names a questionnaire by its id (such as `it-manager`), \
                             not by a path",
                        )
                        .help = Some(
                        "to answer a questionnaire file, pass it with `--questionnaire PATH`".to_owned(),
                    );
                    None
                }
                named => named,
            }
        };
        AnswerFile {
            document,
            root,
            questionnaire,
            today: None,
            offers: Vec::new(),
        }
    }

    /// Answers with the evidence's values (one per question of the
    /// questionnaire) the questions the file leaves out.
    #[must_use]
    pub fn offered(mut self, offers: Vec<Option<crate::questionnaire::Offer>>) -> Self {
        self.offers = offers;
        self
    }

    /// Checks `[[plan]]` due dates against `today`: none may be in the past.
    #[must_use]
    pub fn on(mut self, today: chrono::NaiveDate) -> Self {
        self.today = Some(today);
        self
    }

    /// The problems found in reading the file so far (syntax, `schema`,
    /// `questionnaire`), without checking any answer.
    pub fn into_problems(self) -> Vec<Diagnostic> {
        self.document.finish()
    }

    /// The questionnaire id the file names, if it names one.
    pub fn questionnaire(&self) -> Option<&str> {
        self.questionnaire.as_ref().map(|q| q.get_ref().as_str())
    }

    /// The questionnaire id the file names and where.
    pub fn questionnaire_span(&self) -> Option<(&str, std::ops::Range<usize>)> {
        self.questionnaire
            .as_ref()
            .map(|q| (q.get_ref().as_str(), q.span()))
    }

    /// A problem placed at the file's `questionnaire = ...` value.
    pub fn questionnaire_problem(&self, message: String) -> Option<Diagnostic> {
        let named = self.questionnaire.as_ref()?;
        Some(
            self.document
                .source()
                .diagnostic(Some(named.span()), message),
        )
    }

    /// Checks every answer against `questionnaire`. Without `allow_partial`, a
    /// question neither answered nor skipped is a problem.
    pub fn check(
        self,
        questionnaire: &Questionnaire,
        allow_partial: bool,
    ) -> Result<Answers, Vec<Diagnostic>> {
        let AnswerFile {
            mut document,
            mut root,
            questionnaire: named,
            today,
            offers,
        } = self;
        if document.has_problems() {
            return Err(document.finish());
        }
        if let Some(named) = &named
            && *named.get_ref() != questionnaire.id
        {
            document
                .problem(
                    Some(named.span()),
                    format!(
                        "this answer file is for questionnaire `{}`, but the questionnaire is `{}`",
                        named.get_ref(),
                        questionnaire.id
                    ),
                )
                .help = Some(format!(
                "pass `--questionnaire {}`, or start from `leadgap template --questionnaire {}`",
                named.get_ref(),
                questionnaire.id
            ));
            return Err(document.finish());
        }

        let mut answers = Answers::empty(questionnaire);
        answers.respondent = document
            .take::<String>(&mut root, "respondent")
            .map(Spanned::into_inner)
            .filter(|name| !name.trim().is_empty());
        answers.rater = document
            .take::<String>(&mut root, "rater")
            .map(Spanned::into_inner)
            .filter(|name| !name.trim().is_empty());
        let context_table = document.take_table(&mut root, "context");
        let answer_table = document.take_table(&mut root, "answers");
        let notes_table = document.take_table(&mut root, "notes");
        let evidence_table = document.take_table(&mut root, "evidence");
        let planned = document.take_array::<RawPlanned>(&mut root, "plan");
        if questionnaire.self_form.is_some() {
            answers.team = team_parts(&mut document, &mut root);
        }
        document.reject_unknown(root, TOP_LEVEL_KEYS, "the answer file");

        answers.context =
            context::check_context(&mut document, questionnaire, context_table, allow_partial);
        let answers_span = answer_table.as_ref().map(|(span, _)| span.clone());
        // A wrong answer is reported as wrong, not also as missing.
        let mut invalid = vec![false; questionnaire.questions.len()];
        for (key, value) in answer_table.map(|(_, table)| table).unwrap_or_default() {
            let Some(index) = questionnaire.question_index(key.get_ref()) else {
                let message = with_suggestion(
                    format!("unknown question id `{}`", key.get_ref()),
                    key.get_ref(),
                    questionnaire.questions.iter().map(|q| q.id.as_str()),
                );
                document.problem(Some(key.span()), message);
                continue;
            };
            let question = &questionnaire.questions[index];
            let Some(response) = check_value(&mut document, question, value) else {
                invalid[index] = true;
                continue;
            };
            if response != Response::Unanswered && !answers.applies(questionnaire, index) {
                document
                    .problem(
                        Some(key.span()),
                        format!(
                            "`{}` does not apply to the context given: it is asked only {}",
                            question.id,
                            crate::questionnaire::when_words(questionnaire, question)
                        ),
                    )
                    .help = Some("leave it out, or change the [context]".to_owned());
                invalid[index] = true;
                continue;
            }
            if response == Response::Skipped && question.required {
                document.problem(
                    Some(key.span()),
                    format!("`{}` is required and cannot be skipped", question.id),
                );
            }
            if let Some(why) = questionnaire.impossible(index, &response, &answers.context) {
                document.problem(Some(key.span()), why).help =
                    Some("count only people (or things) of the context given".to_owned());
                invalid[index] = true;
                continue;
            }
            answers.responses[index] = response;
        }
        // A question that does not apply is never missing.
        for (index, invalid) in invalid.iter_mut().enumerate() {
            *invalid |= !answers.applies(questionnaire, index);
        }
        fill_from_evidence(&mut answers.responses, &invalid, &offers);
        report_missing(
            &mut document,
            questionnaire,
            &answers.responses,
            &invalid,
            answers_span,
            allow_partial,
        );

        for (key, value) in notes_table.map(|(_, table)| table).unwrap_or_default() {
            let Some(index) = questionnaire.theme_index(key.get_ref()) else {
                let message = with_suggestion(
                    format!("unknown theme `{}` in [notes]", key.get_ref()),
                    key.get_ref(),
                    questionnaire.themes.iter().map(|t| t.id.as_str()),
                );
                document.problem(Some(key.span()), message);
                continue;
            };
            if let Some(note) = document.decode::<String>(value) {
                answers.notes[index] = Some(note.into_inner()).filter(|n| !n.trim().is_empty());
            }
        }

        for (key, value) in evidence_table.map(|(_, table)| table).unwrap_or_default() {
            let Some(index) = questionnaire.question_index(key.get_ref()) else {
                let message = with_suggestion(
                    format!("unknown question id `{}` in [evidence]", key.get_ref()),
                    key.get_ref(),
                    questionnaire.questions.iter().map(|q| q.id.as_str()),
                );
                document.problem(Some(key.span()), message);
                continue;
            };
            if let Some(example) = document.decode::<String>(value) {
                answers.evidence[index] =
                    Some(example.into_inner()).filter(|e| !e.trim().is_empty());
            }
        }
        for raw in planned {
            let RawPlanned { theme, text, due } = raw.into_inner();
            if questionnaire.theme_index(theme.get_ref()).is_none() {
                let message = with_suggestion(
                    format!("unknown theme `{}` in [[plan]]", theme.get_ref()),
                    theme.get_ref(),
                    questionnaire.themes.iter().map(|t| t.id.as_str()),
                );
                document.problem(Some(theme.span()), message);
            }
            if text.get_ref().trim().is_empty() {
                document.problem(Some(text.span()), "the action's `text` is empty");
            }
            if let Some(due) = &due {
                // Without today, any day checks the form; the date is worked
                // out when saving.
                let checked = match today {
                    Some(today) => crate::interval::parse_future_date(due.get_ref(), today),
                    None => {
                        crate::interval::parse_date(due.get_ref(), chrono::NaiveDate::default())
                    }
                };
                if let Err(problem) = checked {
                    document.problem(Some(due.span()), problem);
                }
            }
            answers.plan.push(PlannedAction {
                theme: theme.into_inner(),
                text: text.into_inner().trim().to_owned(),
                due: due.map(Spanned::into_inner),
            });
        }
        document.conclude(Some(answers))
    }
}

/// `[response]` and `[comments]` of a team response.
fn team_parts<'s>(
    document: &mut Document<'s>,
    root: &mut DeTable<'s>,
) -> crate::questionnaire::TeamParts {
    let mut parts = crate::questionnaire::TeamParts::default();
    let text = |document: &mut Document<'s>, table: &mut DeTable<'s>, key: &str| {
        document
            .take::<String>(table, key)
            .map(Spanned::into_inner)
            .filter(|text| !text.trim().is_empty())
    };
    if let Some((_, mut table)) = document.take_table(root, "response") {
        parts.round = text(document, &mut table, "round");
        parts.invitation = text(document, &mut table, "invitation");
        parts.id = text(document, &mut table, "id");
        parts.group = text(document, &mut table, "group");
        parts.code = text(document, &mut table, "code");
        if let Some(written) = document.take::<String>(&mut table, "written") {
            match chrono::DateTime::parse_from_rfc3339(written.get_ref()) {
                Ok(time) => parts.written = Some(time.with_timezone(&chrono::Utc)),
                Err(_) => {
                    document.problem(Some(written.span()), "`written` is not an RFC 3339 time");
                }
            }
        }
        document.reject_unknown(
            table,
            &["round", "invitation", "id", "group", "code", "written"],
            "[response]",
        );
    }
    if let Some((_, mut table)) = document.take_table(root, "comments") {
        for key in ["keep", "change"] {
            let Some(comment) = document.take::<String>(&mut table, key) else {
                continue;
            };
            let limit = crate::questionnaire::COMMENT_LIMIT;
            if comment.get_ref().chars().count() > limit {
                document.problem(
                    Some(comment.span()),
                    format!("a comment is at most {limit} characters"),
                );
                continue;
            }
            let comment = Some(comment.into_inner()).filter(|c| !c.trim().is_empty());
            match key {
                "keep" => parts.keep = comment,
                _ => parts.change = comment,
            }
        }
        document.reject_unknown(table, &["keep", "change"], "[comments]");
    }
    parts
}
