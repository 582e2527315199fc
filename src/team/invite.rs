//! The invitation of a round (`invite.toml`, and each personal
//! `invite-NN.toml`): everything needed to answer and to collect, wherever
//! it is opened — who the round is about, the team form and its rubric in
//! full, the groups, the minimum, the groups shown alone, when it closes,
//! where answers go, who holds the key, and the hashes of the personal
//! codes. [`InviteFile`] is the file as written; [`Invite`] the checked
//! round that commands use. Pure: reading and writing files is the store's
//! and the commands' business.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use toml::Spanned;

use super::encryption;
use super::{DEFAULT_GROUPS, MIN_GROUP, OPEN_GROUPS};
use crate::error::Diagnostic;
use crate::questionnaire::{self, ContextKind, GROUP_CONTEXT, Questionnaire};
use crate::rubric::{self, Profile, Rubric};
use crate::source::Source;

/// Who holds the key that opens the responses. The promise the form makes
/// to raters is worded from this, and only from this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyHolder {
    /// Someone other than the subject (a mentor, HR, a colleague the team
    /// trusts), named as the raters should read it.
    Collector {
        /// Who that is.
        name: String,
        /// Their public key (`age1…`).
        recipient: String,
    },
    /// The subject, with the round's own key.
    Subject {
        /// The round's public key (`age1…`).
        recipient: String,
    },
}

impl KeyHolder {
    /// The public key responses are sealed to.
    pub fn recipient(&self) -> &str {
        match self {
            KeyHolder::Collector { recipient, .. } | KeyHolder::Subject { recipient } => recipient,
        }
    }

    /// The collector's name, when someone other than the subject holds the
    /// key.
    pub fn collector(&self) -> Option<&str> {
        match self {
            KeyHolder::Collector { name, .. } => Some(name),
            KeyHolder::Subject { .. } => None,
        }
    }
}

/// The last characters of a key, which the form shows and the collector
/// confirms: enough to notice a key swapped by whoever handed out the form.
pub fn key_tail(recipient: &str) -> &str {
    let start = recipient.len().saturating_sub(8);
    recipient.get(start..).unwrap_or(recipient)
}

/// A checked invitation.
#[derive(Clone, Debug)]
pub struct Invite {
    /// The round's id: `20261122-3f9a1c`.
    pub round: String,
    /// Whom the round is about.
    pub subject: String,
    /// When the round was started (RFC 3339).
    pub created: String,
    /// The last day to answer.
    pub closes: Option<NaiveDate>,
    /// Where raters send their answers, as the form says it.
    pub reply_to: Option<String>,
    /// No figure rests on fewer responses than this (at least [`MIN_GROUP`]).
    pub min_group: usize,
    /// The groups raters choose from, in the order reports show them.
    pub groups: Vec<String>,
    /// Groups shown even with one response (the manager's own manager),
    /// as the form tells those raters.
    pub open_groups: Vec<String>,
    /// Who holds the key.
    pub holder: KeyHolder,
    /// The hashes of the personal codes (`sha256:…`); empty when the round
    /// has none.
    pub codes: Vec<String>,
    /// A personal invitation's own code.
    pub code: Option<String>,
    /// The team form.
    pub form: Questionnaire,
    /// Its rubric.
    pub rubric: Rubric,
    /// The file as written, to write again or to compare.
    pub file: InviteFile,
}

impl Invite {
    /// The threshold of `group`: 1 for a group shown alone, else the
    /// round's minimum.
    pub fn threshold(&self, group: &str) -> usize {
        if self.open_groups.iter().any(|g| g == group) {
            1
        } else {
            self.min_group
        }
    }

    /// The rubric's default profile, whose targets a team report shows.
    pub fn profile(&self) -> &Profile {
        self.rubric
            .profiles
            .iter()
            .find(|p| p.id == self.rubric.default_profile)
            .or(self.rubric.profiles.first())
            .unwrap_or_else(|| unreachable!("a checked rubric has its default profile"))
    }

    /// How many personal invitations the round has (0 without codes).
    pub fn invited(&self) -> usize {
        self.codes.len()
    }

    /// Whether `code` is one of the round's personal codes.
    pub fn knows_code(&self, code: &str) -> bool {
        self.codes.contains(&code_hash(code))
    }

    /// The label of `group` as the form gives it to raters.
    pub fn group_label(&self, group: &str) -> String {
        group_labels(&self.form)
            .into_iter()
            .find(|(id, _)| id == group)
            .map_or_else(|| group.to_owned(), |(_, label)| label)
    }

    /// The round as the collector keeps it: the same file without a
    /// personal code.
    pub fn without_code(&self) -> InviteFile {
        InviteFile {
            code: None,
            ..self.file.clone()
        }
    }
}

/// The groups of a team form and their labels for raters: its `group`
/// context's options.
pub fn group_labels(form: &Questionnaire) -> Vec<(String, String)> {
    form.context_index(GROUP_CONTEXT)
        .and_then(|i| match &form.contexts[i].kind {
            ContextKind::Choice { options } => Some(
                options
                    .iter()
                    .map(|o| (o.id.clone(), o.label.clone()))
                    .collect(),
            ),
            ContextKind::Number { .. } => None,
        })
        .unwrap_or_default()
}

/// The groups a round asks when `invite` names none: the default groups the
/// form has, else all of its groups.
pub fn default_groups(form: &Questionnaire) -> Vec<String> {
    let known: Vec<String> = group_labels(form).into_iter().map(|(id, _)| id).collect();
    let defaults: Vec<String> = DEFAULT_GROUPS
        .iter()
        .map(|g| (*g).to_owned())
        .filter(|g| known.contains(g))
        .collect();
    if defaults.is_empty() { known } else { defaults }
}

/// `sha256:` of a personal code, as the invitation keeps it.
pub fn code_hash(code: &str) -> String {
    format!(
        "sha256:{}",
        encryption::hex(&Sha256::digest(code.as_bytes()))
    )
}

/// `sha256:` of a text, as the invitation records the rubric's.
pub fn text_hash(text: &str) -> String {
    format!(
        "sha256:{}",
        encryption::hex(&Sha256::digest(text.as_bytes()))
    )
}

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
    /// Where raters send their answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// The smallest number of responses any figure rests on.
    pub min_group: usize,
    /// The groups to choose from.
    pub groups: Vec<String>,
    /// The groups shown alone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub open_groups: Vec<String>,
    /// The hashes of the personal codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    /// A personal invitation's own code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Who holds the key.
    pub key: KeyFile,
    /// The team form, in full.
    pub form: FormFile,
    /// Its rubric, in full.
    pub rubric: RubricFile,
}

/// `[key]` of an invitation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyFile {
    /// `collector` or `subject`.
    pub holder: String,
    /// The collector's name (with `holder = "collector"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collector: Option<String>,
    /// The public key responses are sealed to.
    pub recipient: String,
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

impl KeyFile {
    /// The `[key]` of `holder`.
    pub fn of(holder: &KeyHolder) -> KeyFile {
        match holder {
            KeyHolder::Collector { name, recipient } => KeyFile {
                holder: "collector".to_owned(),
                collector: Some(name.clone()),
                recipient: recipient.clone(),
            },
            KeyHolder::Subject { recipient } => KeyFile {
                holder: "subject".to_owned(),
                collector: None,
                recipient: recipient.clone(),
            },
        }
    }
}

impl InviteFile {
    /// The file's TOML text.
    pub fn to_text(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}

// The file as read, with the place of every value for messages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInvite {
    schema: Spanned<i64>,
    round: Spanned<String>,
    subject: Spanned<String>,
    created: Spanned<String>,
    closes: Option<Spanned<String>>,
    reply_to: Option<String>,
    min_group: Spanned<i64>,
    groups: Spanned<Vec<String>>,
    #[serde(default)]
    open_groups: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    codes: Option<Spanned<Vec<String>>>,
    code: Option<Spanned<String>>,
    key: Spanned<RawKey>,
    form: Spanned<RawText>,
    rubric: Spanned<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKey {
    holder: Spanned<String>,
    collector: Option<Spanned<String>>,
    recipient: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    id: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)] // Informative: the text says its version.
    version: Option<String>,
    hash: Spanned<String>,
    text: Spanned<String>,
}

/// What every problem with an invitation is told, as its fix.
const HELP: &str = "use the invite.toml that `leadgap invite` wrote, unchanged";

/// Reads and checks an invitation, collecting every problem.
pub fn parse(source: &Source) -> Result<Invite, Vec<Diagnostic>> {
    let raw: RawInvite = toml::from_str(&source.text).map_err(|error| {
        vec![
            source
                .diagnostic(
                    error.span(),
                    format!("not a leadgap invitation: {}", error.message().trim()),
                )
                .with_help("give the invite.toml that `leadgap invite` wrote, or its folder"),
        ]
    })?;
    let mut problems = Vec::new();
    let mut problem = |span: Range<usize>, message: String| {
        problems.push(source.diagnostic(Some(span), message).with_help(HELP));
    };
    if *raw.schema.get_ref() != crate::document::SCHEMA {
        problem(
            raw.schema.span(),
            format!(
                "invitation schema {} is not supported",
                raw.schema.get_ref()
            ),
        );
    }
    if !questionnaire::is_valid_id(raw.round.get_ref()) {
        problem(
            raw.round.span(),
            "`round` is not a round id (such as 20261122-3f9a1c)".to_owned(),
        );
    }
    if raw.subject.get_ref().trim().is_empty() {
        problem(raw.subject.span(), "`subject` is empty".to_owned());
    }
    if chrono::DateTime::parse_from_rfc3339(raw.created.get_ref()).is_err() {
        problem(
            raw.created.span(),
            "`created` is not an RFC 3339 time".to_owned(),
        );
    }
    let closes = raw.closes.as_ref().and_then(|closes| {
        let date = NaiveDate::parse_from_str(closes.get_ref(), "%Y-%m-%d").ok();
        if date.is_none() {
            problem(
                closes.span(),
                "`closes` is not a date (YYYY-MM-DD)".to_owned(),
            );
        }
        date
    });
    // An edited minimum would let a single answer be shown.
    let min_group = usize::try_from(*raw.min_group.get_ref()).unwrap_or(0);
    if min_group < MIN_GROUP {
        problem(
            raw.min_group.span(),
            format!(
                "`min_group = {}`: a round shows no figure of fewer than {MIN_GROUP} responses, \
                 so that no one can be singled out",
                raw.min_group.get_ref()
            ),
        );
    }

    let key = raw.key.into_inner();
    let recipient = key.recipient.get_ref().clone();
    if let Some(why) = encryption::recipient_problem(&recipient) {
        problem(
            key.recipient.span(),
            format!("the key's `recipient` cannot be used: {why}"),
        );
    }
    let holder = match (key.holder.get_ref().as_str(), &key.collector) {
        ("collector", Some(name)) if !name.get_ref().trim().is_empty() => {
            Some(KeyHolder::Collector {
                name: name.get_ref().trim().to_owned(),
                recipient: recipient.clone(),
            })
        }
        ("collector", _) => {
            problem(
                key.holder.span(),
                "`holder = \"collector\"` needs the collector's name (`collector = \"NAME\"`)"
                    .to_owned(),
            );
            None
        }
        ("subject", None) => Some(KeyHolder::Subject {
            recipient: recipient.clone(),
        }),
        ("subject", Some(name)) => {
            problem(
                name.span(),
                "a round the subject collects names no collector".to_owned(),
            );
            None
        }
        (other, _) => {
            problem(
                key.holder.span(),
                format!(
                    "`holder = \"{}\"`: expected \"collector\" or \"subject\"",
                    crate::output::clean_line(other)
                ),
            );
            None
        }
    };

    let codes = raw.codes.map(Spanned::into_inner).unwrap_or_default();
    if codes.iter().any(|c| !is_hash(c)) {
        problem(
            0..0,
            "`codes` holds something other than the hashes of personal codes".to_owned(),
        );
    }
    let code = raw.code.and_then(|code| {
        if codes.contains(&code_hash(code.get_ref())) {
            Some(code.into_inner())
        } else {
            problem(
                code.span(),
                "this personal code is not one of the round's".to_owned(),
            );
            None
        }
    });

    let form_raw = raw.form.into_inner();
    let rubric_raw = raw.rubric.into_inner();
    let form_source = Source::new(
        format!("{} (its team form)", source.name),
        form_raw.text.get_ref().clone(),
    );
    let form = match questionnaire::load(&form_source) {
        Ok(form) if form.self_form.is_none() => {
            problem(
                form_raw.text.span(),
                "the form is not a team form (it has no `self_form`)".to_owned(),
            );
            None
        }
        Ok(form) if form.hash != *form_raw.hash.get_ref() => {
            problem(
                form_raw.hash.span(),
                "the form's text does not match its hash: it was changed after the invitation \
                 was made"
                    .to_owned(),
            );
            None
        }
        Ok(form) if form.id != *form_raw.id.get_ref() => {
            problem(
                form_raw.id.span(),
                "the form's `id` is not the id of its text".to_owned(),
            );
            None
        }
        Ok(form) => Some(form),
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    if text_hash(rubric_raw.text.get_ref()) != *rubric_raw.hash.get_ref() {
        problems.push(
            source
                .diagnostic(
                    Some(rubric_raw.hash.span()),
                    "the rubric's text does not match its hash: it was changed after the \
                     invitation was made",
                )
                .with_help(HELP),
        );
    }
    let rubric = form.as_ref().and_then(|form| {
        let rubric_source = Source::new(
            format!("{} (its rubric)", source.name),
            rubric_raw.text.get_ref().clone(),
        );
        match rubric::load(&rubric_source, form) {
            Ok(rubric) => Some(rubric),
            Err(found) => {
                problems.extend(found);
                None
            }
        }
    });

    let groups = raw.groups.get_ref().clone();
    let open_groups = raw
        .open_groups
        .as_ref()
        .map(|g| g.get_ref().clone())
        .unwrap_or_default();
    if let Some(form) = &form {
        let known: Vec<String> = group_labels(form).into_iter().map(|(id, _)| id).collect();
        if groups.is_empty() || groups.iter().any(|g| !known.contains(g)) {
            problems.push(
                source
                    .diagnostic(
                        Some(raw.groups.span()),
                        format!("`groups` must be groups of the form: {}", known.join(", ")),
                    )
                    .with_help(HELP),
            );
        }
    }
    if open_groups
        .iter()
        .any(|g| !groups.contains(g) || !OPEN_GROUPS.contains(&g.as_str()))
    {
        problems.push(
            source
                .diagnostic(
                    raw.open_groups.as_ref().map(Spanned::span),
                    "`open_groups` may only hold `manager`, and only when it is one of the groups",
                )
                .with_help(HELP),
        );
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    let (Some(form), Some(rubric), Some(holder)) = (form, rubric, holder) else {
        return Err(vec![source.diagnostic(None, "not a usable invitation")]);
    };
    let file = InviteFile {
        schema: *raw.schema.get_ref(),
        round: raw.round.get_ref().clone(),
        subject: raw.subject.get_ref().clone(),
        created: raw.created.get_ref().clone(),
        closes: closes.map(|d| d.to_string()),
        reply_to: raw.reply_to.clone(),
        min_group,
        groups: groups.clone(),
        open_groups: open_groups.clone(),
        codes: codes.clone(),
        code: code.clone(),
        key: KeyFile::of(&holder),
        form: FormFile {
            id: form.id.clone(),
            version: form.version.clone(),
            hash: form.hash.clone(),
            text: form_raw.text.into_inner(),
        },
        rubric: RubricFile {
            id: rubric.id.clone(),
            hash: rubric_raw.hash.into_inner(),
            text: rubric_raw.text.into_inner(),
        },
    };
    Ok(Invite {
        round: raw.round.into_inner(),
        subject: raw.subject.into_inner().trim().to_owned(),
        created: raw.created.into_inner(),
        closes,
        reply_to: raw.reply_to.filter(|r| !r.trim().is_empty()),
        min_group,
        groups,
        open_groups,
        holder,
        codes,
        code,
        form,
        rubric,
        file,
    })
}

/// Whether `text` is `sha256:` and 64 hex digits.
fn is_hash(text: &str) -> bool {
    text.strip_prefix("sha256:").is_some_and(|hex| {
        hex.len() == 64
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The `group` context value of `group` in `form` (its index among the
/// form's contexts, and the value), if the form has that group.
pub fn group_value(
    form: &Questionnaire,
    group: &str,
) -> Option<(usize, crate::questionnaire::ContextValue)> {
    let index = form.context_index(GROUP_CONTEXT)?;
    match &form.contexts[index].kind {
        ContextKind::Choice { options } => options
            .iter()
            .position(|o| o.id == group)
            .map(|o| (index, crate::questionnaire::ContextValue::Choice(o))),
        ContextKind::Number { .. } => None,
    }
}
