//! A team feedback round: who it is about, which form the raters answer,
//! which groups it reports, how small a group may be, and whose key opens the
//! responses. The round stays with the collector (`round.toml`); the invite
//! (`invite.toml`, and the form page) travels to the raters and holds only
//! what they need. Pure: `store::rounds` keeps them, the commands use them.

use serde::{Deserialize, Serialize};

use crate::questionnaire::Questionnaire;

/// The groups of a round when `invite` names none.
pub const DEFAULT_GROUPS: &[&str] = &["direct-report", "peer", "stakeholder", "manager"];

/// A round, as the collector keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// File format version.
    pub schema: i64,
    /// The round's id: `20261122-3f9a1c`.
    pub id: String,
    /// The team form the raters answer.
    pub form: FormRef,
    /// Whom the round is about.
    pub subject: String,
    /// The groups raters choose from, in the order reports show them.
    pub groups: Vec<String>,
    /// No group or theme is shown with fewer responses than this.
    pub min_group: usize,
    /// The age recipient (`age1…`) responses are encrypted to.
    pub recipient: String,
    /// Whether the round's own identity (in its folder) opens the responses;
    /// false when `--recipient` named someone else's key.
    pub own_identity: bool,
    /// When the round was started (RFC 3339).
    pub created: String,
    /// The date after which responses are no longer asked for.
    pub closes: Option<String>,
}

/// Which form, exactly: a response to another version is refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormRef {
    /// The team form's id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Its content hash.
    pub hash: String,
}

impl FormRef {
    /// The reference to `form`.
    pub fn of(form: &Questionnaire) -> FormRef {
        FormRef {
            id: form.id.clone(),
            version: form.version.clone(),
            hash: form.hash.clone(),
        }
    }
}

/// What raters receive (`invite.toml`): enough to answer and encrypt.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Invite {
    /// File format version.
    pub schema: i64,
    /// The round's id.
    pub round: String,
    /// The team form to answer.
    pub form: FormRef,
    /// Whom the answers are about.
    pub subject: String,
    /// The groups to choose from.
    pub groups: Vec<String>,
    /// The age recipient the response is encrypted to.
    pub recipient: String,
    /// The last day to answer, if any.
    pub closes: Option<String>,
    /// No figure is shown that combines fewer responses than this.
    #[serde(default = "least_group")]
    pub min_group: usize,
}

/// Invites written before they carried the minimum had the default.
fn least_group() -> usize {
    crate::team::MIN_GROUP
}

impl Round {
    /// The invite of the round.
    pub fn invite(&self) -> Invite {
        Invite {
            schema: crate::document::SCHEMA,
            round: self.id.clone(),
            form: self.form.clone(),
            subject: self.subject.clone(),
            groups: self.groups.clone(),
            recipient: self.recipient.clone(),
            closes: self.closes.clone(),
            min_group: self.min_group,
        }
    }
}

/// The two open questions every response may answer, by their keys in
/// `[comments]` and in the form: what to keep doing, what to change.
pub const COMMENTS: [(&str, &str); 2] = [
    ("keep", "What should this manager keep doing?"),
    ("change", "What should this manager change?"),
];

/// The file name of a response: `response-<round>-<id>.age`.
pub fn response_file(round: &str, id: &str) -> String {
    format!("response-{round}-{id}.age")
}

/// Twelve random hex digits: a response id, or a round id's tail. They
/// identify nobody.
pub fn random_id() -> String {
    let mut bytes = [0u8; 6];
    if getrandom::getrandom(&mut bytes).is_err() {
        // No randomness from the system: the time's nanoseconds still tell
        // responses apart.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        bytes[..4].copy_from_slice(&nanos.to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A response as its file is written before it is sealed: an answer file
/// for the team form with `[response]`, `[context]` and `[comments]`.
pub fn response_text(
    form: &Questionnaire,
    answers: &crate::questionnaire::Answers,
    round: &str,
    id: &str,
    group: &str,
) -> String {
    use toml::{Table, Value};
    let mut file = Table::new();
    file.insert("questionnaire".into(), Value::String(form.id.clone()));
    let mut response = Table::new();
    response.insert("round".into(), Value::String(round.to_owned()));
    response.insert("id".into(), Value::String(id.to_owned()));
    response.insert("group".into(), Value::String(group.to_owned()));
    file.insert("response".into(), Value::Table(response));
    let mut context = Table::new();
    for (question, value) in form.contexts.iter().zip(&answers.context) {
        if let Some(value) = value {
            let (value, _) = crate::questionnaire::describe_context(question, value);
            context.insert(question.id.clone(), to_toml(&value));
        }
    }
    file.insert("context".into(), Value::Table(context));
    let mut written = Table::new();
    for (index, question) in form.questions.iter().enumerate() {
        if !answers.applies(form, index) {
            continue;
        }
        if let Some(value) = crate::questionnaire::to_value(question, &answers.responses[index]) {
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

fn to_toml(value: &crate::questionnaire::AnswerValue) -> toml::Value {
    use crate::questionnaire::AnswerValue;
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
