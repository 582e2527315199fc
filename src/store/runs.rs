//! A run in progress: the answers of an interactive assessment so far, saved
//! after every answer so that a crash, a closed terminal or Ctrl-C loses
//! nothing. One file per questionnaire: `DATA/runs/<questionnaire-id>.toml`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::DataDir;
use crate::document::SCHEMA;
use crate::error::{Error, Result};
use crate::files;
use crate::questionnaire::{self, AnswerValue, Answers, Questionnaire};
use crate::source::Source;

/// A run in progress as saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// File format version.
    pub schema: i64,
    /// Which questionnaire, and which version of it, the run was started on.
    pub questionnaire: Started,
    /// When the run was started (RFC 3339).
    pub started: String,
    /// When the last answer was saved (RFC 3339).
    pub updated: String,
    /// Answers so far, as in answer files; unanswered questions are absent.
    #[serde(default)]
    pub answers: BTreeMap<String, AnswerValue>,
    /// The hash of each answered question as it was asked.
    #[serde(default)]
    pub hashes: BTreeMap<String, String>,
    /// Notes per theme id.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// Examples given with best answers, per question id.
    #[serde(default)]
    pub evidence: BTreeMap<String, String>,
    /// Themes whose note prompt was already passed (answered or left empty).
    #[serde(default)]
    pub notes_asked: Vec<String>,
    /// The context given so far, as in answer files.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub context: BTreeMap<String, AnswerValue>,
    /// The order each choice's and checklist's options were shown in, by
    /// option id, so that a resumed run shows the same order.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub orders: BTreeMap<String, Vec<String>>,
    /// Who rates whom, when the run rates someone else (`assess --about`):
    /// a resumed run stays that rating, never anyone's self-assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

/// Who rates whom in a run that rates someone else.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// Whom the answers are about.
    pub subject: String,
    /// Who answers.
    pub rater: String,
}

/// The name a run is kept under: the questionnaire's id, or for a rating
/// of someone else that id with whom it is about (each rating its own run).
pub fn run_name(questionnaire_id: &str, subject: Option<&str>) -> String {
    match subject {
        None => questionnaire_id.to_owned(),
        Some(subject) => {
            let slug: String = subject
                .trim()
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let slug = slug.trim_matches('-').to_owned();
            let tail = &crate::team::invite::text_hash(subject.trim())[7..13];
            format!("{questionnaire_id}-about-{slug}-{tail}")
        }
    }
}

/// The questionnaire a run was started on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Started {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Its content hash.
    pub hash: String,
}

/// A run restored against the current questionnaire.
#[derive(Clone, Debug)]
pub struct Restored {
    /// The answers that still apply.
    pub answers: Answers,
    /// Themes (by index) whose note prompt was already passed.
    pub notes_asked: Vec<bool>,
    /// When the run was started.
    pub started: String,
    /// The version the run was started on, when it differs from the current one.
    pub changed_from: Option<String>,
    /// How many saved answers no longer apply (their question changed or went).
    pub dropped: usize,
    /// The option orders of the run, per question; `None` where the saved
    /// order no longer fits the question.
    pub orders: Vec<Option<Vec<usize>>>,
}

impl Progress {
    /// The saved form of `answers` to `questionnaire`.
    pub fn capture(
        questionnaire: &Questionnaire,
        answers: &Answers,
        notes_asked: &[bool],
        orders: &[Vec<usize>],
        started: &str,
        updated: &str,
    ) -> Progress {
        let mut saved_answers = BTreeMap::new();
        let mut hashes = BTreeMap::new();
        for (question, response) in questionnaire.questions.iter().zip(&answers.responses) {
            if let Some(value) = questionnaire::to_value(question, response) {
                saved_answers.insert(question.id.clone(), value);
                hashes.insert(question.id.clone(), question.hash.clone());
            }
        }
        let themes = questionnaire.themes.iter();
        Progress {
            schema: SCHEMA,
            questionnaire: Started {
                id: questionnaire.id.clone(),
                version: questionnaire.version.clone(),
                hash: questionnaire.hash.clone(),
            },
            started: started.to_owned(),
            updated: updated.to_owned(),
            answers: saved_answers,
            hashes,
            notes: themes
                .clone()
                .zip(&answers.notes)
                .filter_map(|(theme, note)| Some((theme.id.clone(), note.clone()?)))
                .collect(),
            evidence: questionnaire
                .questions
                .iter()
                .zip(&answers.evidence)
                .filter_map(|(question, example)| Some((question.id.clone(), example.clone()?)))
                .collect(),
            notes_asked: themes
                .zip(notes_asked)
                .filter(|(_, asked)| **asked)
                .map(|(theme, _)| theme.id.clone())
                .collect(),
            context: questionnaire
                .contexts
                .iter()
                .zip(&answers.context)
                .filter_map(|(context, value)| {
                    let (value, _) = questionnaire::describe_context(context, value.as_ref()?);
                    Some((context.id.clone(), value))
                })
                .collect(),
            orders: questionnaire
                .questions
                .iter()
                .zip(orders)
                .filter_map(|(question, order)| {
                    let options = question.options()?;
                    let ids = order
                        .iter()
                        .map(|&i| options.get(i).map(|o| o.id.clone()))
                        .collect::<Option<Vec<String>>>()?;
                    (!ids.is_empty()).then(|| (question.id.clone(), ids))
                })
                .collect(),
            rating: answers
                .rater
                .clone()
                .filter(|rater| rater != crate::report::SELF_RATER)
                .map(|rater| Rating {
                    subject: answers.respondent.clone().unwrap_or_default(),
                    rater,
                }),
        }
    }

    /// The name this run is kept under ([`run_name`]).
    pub fn name(&self) -> String {
        run_name(
            &self.questionnaire.id,
            self.rating.as_ref().map(|r| r.subject.as_str()),
        )
    }

    /// The answers that still apply to `questionnaire`: those whose question
    /// exists with the same hash and whose value still fits it.
    pub fn restore(&self, questionnaire: &Questionnaire) -> Restored {
        let mut answers = Answers::empty(questionnaire);
        let mut dropped = 0;
        for (id, value) in &self.answers {
            let response = questionnaire.question_index(id).and_then(|index| {
                let question = &questionnaire.questions[index];
                let same = self.hashes.get(id).is_some_and(|h| *h == question.hash);
                same.then(|| questionnaire::from_value(question, value))
                    .flatten()
                    .map(|r| (index, r))
            });
            match response {
                Some((index, response)) => {
                    answers.evidence[index] = self.evidence.get(id).cloned();
                    answers.responses[index] = response;
                }
                None => dropped += 1,
            }
        }
        for (index, theme) in questionnaire.themes.iter().enumerate() {
            answers.notes[index] = self.notes.get(&theme.id).cloned();
        }
        if let Some(rating) = &self.rating {
            answers.respondent = Some(rating.subject.clone());
            answers.rater = Some(rating.rater.clone());
        }
        let notes_asked = questionnaire
            .themes
            .iter()
            .map(|theme| self.notes_asked.contains(&theme.id))
            .collect();
        for (index, context) in questionnaire.contexts.iter().enumerate() {
            answers.context[index] = self
                .context
                .get(&context.id)
                .and_then(|value| questionnaire::context_value(context, value));
        }
        let orders = questionnaire
            .questions
            .iter()
            .map(|question| {
                let options = question.options()?;
                let ids = self.orders.get(&question.id)?;
                let order: Vec<usize> = ids
                    .iter()
                    .map(|id| options.iter().position(|o| o.id == *id))
                    .collect::<Option<_>>()?;
                questionnaire::is_order_of(&order, options.len()).then_some(order)
            })
            .collect();
        Restored {
            answers,
            notes_asked,
            started: self.started.clone(),
            changed_from: (self.questionnaire.hash != questionnaire.hash)
                .then(|| self.questionnaire.version.clone()),
            dropped,
            orders,
        }
    }
}

/// Where runs in progress are kept.
fn runs_dir(data: &DataDir) -> PathBuf {
    data.root().join("runs")
}

fn file_name(run: &str) -> String {
    format!("{run}.toml")
}

/// The lock an interactive run holds for as long as it asks questions, so
/// that a second run of the same questionnaire (another terminal) cannot
/// overwrite its answers. Released when dropped.
#[derive(Debug)]
pub struct RunLock {
    _file: std::fs::File,
}

/// Takes the lock of the run of `questionnaire_id`, or says that another
/// run of it is under way and how to go on (with `resume_command`).
pub fn lock(data: &DataDir, questionnaire_id: &str, resume_command: &str) -> Result<RunLock> {
    let dir = runs_dir(data);
    files::create_private_dir(&dir)?;
    let path = dir.join(format!("{questionnaire_id}.lock"));
    let file = files::open_lock(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(RunLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::user_with_help(
            format!(
                "another `leadgap assess` of `{questionnaire_id}` is asking its questions right now \
                 (in another terminal?); two runs would overwrite each other's answers"
            ),
            format!(
                "finish it there; if that terminal is gone, its answers are saved: \
                 `{resume_command}` continues them"
            ),
        )),
        Err(std::fs::TryLockError::Error(error)) => Err(Error::io("lock", path, error)),
    }
}

/// The run in progress for a questionnaire id, if there is one. Something
/// other than a file in its place (a named pipe, a folder) is no run: the
/// returned warning names it, and the next save replaces it.
pub fn load(data: &DataDir, questionnaire_id: &str) -> Result<(Option<Progress>, Option<String>)> {
    let path = runs_dir(data).join(file_name(questionnaire_id));
    match std::fs::symlink_metadata(&path) {
        Err(_) => return Ok((None, None)),
        Ok(metadata) if !metadata.is_file() => {
            let warning = format!(
                "ignoring `{}`: it is {}, not a saved run",
                path.display(),
                files::kind_of(&metadata)
            );
            return Ok((None, Some(warning)));
        }
        Ok(_) => {}
    }
    let source = Source::read(&path)?;
    let progress: Progress = toml::from_str(&source.text).map_err(|error| {
        Error::Invalid(vec![
            source
                .diagnostic(error.span(), error.message().trim())
                .with_help(format!(
                    "the unfinished run cannot be read; move `{}` away to start afresh",
                    path.display()
                )),
        ])
    })?;
    Ok((Some(progress), None))
}

/// Saves a run in progress, replacing the previous save atomically.
pub fn save(data: &DataDir, progress: &Progress) -> Result<PathBuf> {
    let dir = runs_dir(data);
    files::create_private_dir(&dir)?;
    let text =
        toml::to_string(progress).map_err(|e| Error::user(format!("cannot save progress: {e}")))?;
    files::replace(&dir, &file_name(&progress.name()), text.as_bytes())
        .map_err(|error| Error::io("save progress in", dir, error))
}

/// Removes the run in progress of a questionnaire, once its report is saved.
pub fn discard(data: &DataDir, questionnaire_id: &str) -> Result<()> {
    let path = runs_dir(data).join(file_name(questionnaire_id));
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(Error::io("remove", path, error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Response;

    const QUESTIONNAIRE: &str = include_str!("../../tests/fixtures/rules/questionnaire.toml");

    fn load(text: &str) -> Questionnaire {
        crate::questionnaire::load(&Source::new("q.toml", text)).unwrap()
    }

    fn some_answers(q: &Questionnaire) -> Answers {
        let mut answers = Answers::empty(q);
        answers.responses[0] = Response::Scale(4);
        answers.responses[2] = Response::Choice(1);
        answers.responses[3] = Response::Multi(vec![0, 3]);
        answers.responses[4] = Response::Number(7.5);
        answers.responses[6] = Response::Skipped;
        answers.notes[0] = Some("A note.".to_owned());
        answers.evidence[0] = Some("An example.".to_owned());
        answers
    }

    #[test]
    fn a_saved_run_restores_exactly() {
        let q = load(QUESTIONNAIRE);
        let answers = some_answers(&q);
        let asked = vec![true, false, false, false, false];
        let orders =
            crate::answers::interactive::shuffled(&q, crate::answers::interactive::Seed::Fixed(7));
        let progress = Progress::capture(
            &q,
            &answers,
            &asked,
            &orders,
            "2026-11-22T13:05:01Z",
            "2026-11-22T13:06:00Z",
        );
        let text = toml::to_string(&progress).unwrap();
        let back: Progress = toml::from_str(&text).unwrap();
        assert_eq!(back, progress, "the file round-trips");
        let restored = back.restore(&q);
        assert_eq!(restored.answers.responses, answers.responses);
        assert_eq!(restored.answers.notes, answers.notes);
        assert_eq!(restored.notes_asked, asked);
        // The options keep the order they were shown in.
        for (order, restored) in orders.iter().zip(&restored.orders) {
            match restored {
                Some(restored) => assert_eq!(restored, order),
                None => assert!(order.is_empty(), "only scales and numbers have none"),
            }
        }
        assert_eq!(
            (restored.changed_from.as_deref(), restored.dropped),
            (None, 0)
        );
        assert_eq!(restored.answers.answered(), 5);
    }

    #[test]
    fn answers_to_changed_questions_are_dropped_and_the_rest_kept() {
        let old = load(QUESTIONNAIRE);
        let progress = Progress::capture(&old, &some_answers(&old), &[false; 5], &[], "t", "t");
        // Version 1.1.0 rewords a-choice and removes a-number's question text.
        let new = load(
            &QUESTIONNAIRE
                .replace("version = \"1.0.0\"", "version = \"1.1.0\"")
                .replace("text = \"A choice.\"", "text = \"A reworded choice.\""),
        );
        let restored = progress.restore(&new);
        assert_eq!(restored.changed_from.as_deref(), Some("1.0.0"));
        assert_eq!(restored.dropped, 1);
        assert_eq!(
            restored.answers.responses[2],
            Response::Unanswered,
            "a-choice is asked again"
        );
        assert_eq!(
            restored.answers.responses[0],
            Response::Scale(4),
            "the rest is kept"
        );
        assert_eq!(restored.answers.answered(), 4);
    }
}
