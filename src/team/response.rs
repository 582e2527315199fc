//! What a response holds: an answer file for the team form with
//! `[response]` (round, a random id, the group, a personal code and when it
//! was written), `[context]` and `[comments]`. It names no one. Written by
//! `respond` (and, in the same shape, by the form's script), opened by
//! `collect`.

use chrono::{DateTime, Utc};

use crate::questionnaire::{self, AnswerValue, Answers, Questionnaire, Response};

/// The file name of a response: `response-<round>-<id>.age`.
pub fn file_name(round: &str, id: &str) -> String {
    format!("response-{round}-{id}.age")
}

/// Which round a response answers and how it is told apart: its
/// `[response]` table.
#[derive(Clone, Debug, PartialEq)]
pub struct Head<'a> {
    /// The round.
    pub round: &'a str,
    /// The hash of the invitation it answers ([`super::invite::Invite::hash`]).
    pub invitation: &'a str,
    /// The response's random id.
    pub id: &'a str,
    /// The rater's group.
    pub group: &'a str,
    /// The personal code, in a round that has them.
    pub code: Option<&'a str>,
    /// When it was written (RFC 3339), so that a later answer with the same
    /// code replaces an earlier one.
    pub written: Option<&'a str>,
}

/// A response's text before it is sealed.
pub fn text(form: &Questionnaire, answers: &Answers, head: &Head) -> String {
    use toml::{Table, Value};
    let mut file = Table::new();
    file.insert("questionnaire".into(), Value::String(form.id.clone()));
    let mut table = Table::new();
    table.insert("round".into(), Value::String(head.round.to_owned()));
    table.insert(
        "invitation".into(),
        Value::String(head.invitation.to_owned()),
    );
    table.insert("id".into(), Value::String(head.id.to_owned()));
    table.insert("group".into(), Value::String(head.group.to_owned()));
    if let Some(code) = head.code {
        table.insert("code".into(), Value::String(code.to_owned()));
    }
    if let Some(written) = head.written {
        table.insert("written".into(), Value::String(written.to_owned()));
    }
    file.insert("response".into(), Value::Table(table));
    file.insert("context".into(), Value::Table(context(form, answers)));
    let mut written = Table::new();
    for (index, question) in form.questions.iter().enumerate() {
        if !answers.applies(form, index) {
            continue;
        }
        if let Some(value) = questionnaire::to_value(question, &answers.responses[index]) {
            written.insert(question.id.clone(), to_toml(&value));
        }
    }
    file.insert("answers".into(), Value::Table(written));
    let mut comments = Table::new();
    for (key, text) in [
        ("keep", &answers.team.keep),
        ("change", &answers.team.change),
    ] {
        if let Some(text) = text {
            comments.insert(key.into(), Value::String(text.clone()));
        }
    }
    file.insert("comments".into(), Value::Table(comments));
    toml::to_string(&file).unwrap_or_default()
}

fn context(form: &Questionnaire, answers: &Answers) -> toml::Table {
    let mut context = toml::Table::new();
    for (question, value) in form.contexts.iter().zip(&answers.context) {
        if let Some(value) = value {
            let (value, _) = questionnaire::describe_context(question, value);
            context.insert(question.id.clone(), to_toml(&value));
        }
    }
    context
}

fn to_toml(value: &AnswerValue) -> toml::Value {
    match value {
        AnswerValue::Whole(v) => toml::Value::Integer(*v),
        AnswerValue::Number(v) if v.fract() == 0.0 && v.abs() < 1e15 => {
            toml::Value::Integer(*v as i64)
        }
        AnswerValue::Number(v) => toml::Value::Float(*v),
        AnswerValue::Text(text) => toml::Value::String(text.clone()),
        AnswerValue::List(items) => {
            toml::Value::Array(items.iter().cloned().map(toml::Value::String).collect())
        }
    }
}

/// A response opened and checked against its round's form.
#[derive(Clone, Debug)]
pub struct Opened {
    /// The rater's group.
    pub group: String,
    /// The hash of the invitation it answers.
    pub invitation: Option<String>,
    /// Its personal code, if it has one.
    pub code: Option<String>,
    /// When it was written, if it says.
    pub written: Option<DateTime<Utc>>,
    /// The answers (with the group as the `group` context).
    pub answers: Answers,
    /// What to keep doing.
    pub keep: Option<String>,
    /// What to change.
    pub change: Option<String>,
}

impl Opened {
    /// What two copies of one rater's answers share, whatever their ids,
    /// codes and times: the group, every answer and both comments.
    pub fn content(&self, form: &Questionnaire) -> String {
        let mut answers = self.answers.clone();
        answers.team.keep = self.keep.clone();
        answers.team.change = self.change.clone();
        text(
            form,
            &answers,
            &Head {
                round: "",
                invitation: "",
                id: "",
                group: &self.group,
                code: None,
                written: None,
            },
        )
    }

    /// Whether the response answers enough to count (see [`enough`]).
    pub fn enough(&self, form: &Questionnaire) -> bool {
        coverage(form, &self.answers).enough()
    }
}

/// How much of what was asked of a rater's group a response answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// Questions answered ("don't know" is an answer; "doesn't apply" is
    /// not).
    pub answered: usize,
    /// Questions asked of the group.
    pub asked: usize,
}

impl Coverage {
    /// A response counts only when it answers at least half of what its
    /// group is asked: one that says next to nothing would make a group
    /// look large enough to show, and its comments would stand out.
    pub fn enough(self) -> bool {
        self.asked > 0 && self.answered * 2 >= self.asked
    }
}

/// How much of what its group is asked `answers` answers.
pub fn coverage(form: &Questionnaire, answers: &Answers) -> Coverage {
    let asked: Vec<usize> = (0..form.questions.len())
        .filter(|&i| answers.applies(form, i))
        .collect();
    let answered = asked
        .iter()
        .filter(|&&i| {
            !matches!(
                answers.responses[i],
                Response::Unanswered | Response::Skipped
            )
        })
        .count();
    Coverage {
        answered,
        asked: asked.len(),
    }
}
