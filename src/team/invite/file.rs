//! The invitation file (`invite.toml`, and each personal `invite-NN.toml`)
//! as written; [`super::read`] reads it back into a checked
//! [`super::Invite`]. Pure: reading and writing files is the store's and the
//! commands' business.

use serde::{Deserialize, Serialize};

use super::{KeyHolder, text_hash};
use crate::questionnaire::Questionnaire;
use crate::rubric::Rubric;

/// The invitation format this leadgap writes and reads. Version 1 was
/// started by the subject; since version 2 the collector runs the round.
pub const SCHEMA: i64 = 2;

/// The invitation file as written.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InviteFile {
    /// File format version.
    pub schema: i64,
    /// The round's id.
    pub round: String,
    /// Whom the answers are about.
    pub subject: String,
    /// When the round was started.
    pub created: String,
    /// The last day to answer, if any (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closes: Option<String>,
    /// The collector's offset from UTC on that day (`-08:00`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Where raters send their answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// The smallest number of responses any figure rests on.
    pub min_group: usize,
    /// The groups raters answer as.
    pub groups: Vec<String>,
    /// The groups shown alone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub open_groups: Vec<String>,
    /// A personal invitation's own code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Who holds the key.
    pub key: KeyFile,
    /// The team form, in full.
    pub form: FormFile,
    /// Its rubric, in full.
    pub rubric: RubricFile,
    /// The personal codes' hashes, each with its rater's group.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<CodeFile>,
}

/// `[key]` of an invitation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    /// `collector` or `subject`.
    pub holder: String,
    /// The collector's name (with `holder = "collector"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collector: Option<String>,
    /// The public key responses are sealed to.
    pub recipient: String,
    /// The key the round's report is signed with.
    pub signing: String,
}

/// `[form]` of an invitation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormFile {
    /// The team form's id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Its content hash, as reports record it.
    pub hash: String,
    /// The questionnaire file.
    pub text: String,
}

/// `[rubric]` of an invitation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RubricFile {
    /// The rubric's id.
    pub id: String,
    /// `sha256:` of its text.
    pub hash: String,
    /// The rubric file.
    pub text: String,
}

/// `[[codes]]` of an invitation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeFile {
    /// `sha256:` of the code.
    pub hash: String,
    /// The group of the rater it was given to.
    pub group: String,
}

impl KeyFile {
    /// The `[key]` of `holder`.
    pub fn of(holder: &KeyHolder) -> KeyFile {
        let keys = holder.keys();
        KeyFile {
            holder: match holder {
                KeyHolder::Collector { .. } => "collector",
                KeyHolder::Subject { .. } => "subject",
            }
            .to_owned(),
            collector: holder.collector().map(str::to_owned),
            recipient: keys.recipient.clone(),
            signing: keys.signing.clone(),
        }
    }
}

impl FormFile {
    /// The `[form]` of `form`, whose file is `text`.
    pub fn of(form: &Questionnaire, text: &str) -> FormFile {
        FormFile {
            id: form.id.clone(),
            version: form.version.clone(),
            hash: form.hash.clone(),
            text: text.to_owned(),
        }
    }
}

impl RubricFile {
    /// The `[rubric]` of `rubric`, whose file is `text`.
    pub fn of(rubric: &Rubric, text: &str) -> RubricFile {
        RubricFile {
            id: rubric.id.clone(),
            hash: text_hash(text),
            text: text.to_owned(),
        }
    }
}

impl InviteFile {
    /// The file's TOML text.
    pub fn to_text(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}
