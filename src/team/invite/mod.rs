//! The invitation of a round: everything needed to answer and to collect,
//! wherever it is opened — whom the round is about, the team form and its
//! rubric in full, the groups, the minimum, the groups shown alone, when it
//! closes, where answers go, the collector's public keys, and each personal
//! code's hash with the group it was given to. [`Invite`] is the checked
//! round that commands use; [`file`] the file as written, read back by
//! [`parse`].
//!
//! Every response carries the [`Invite::hash`] of the invitation it
//! answers, so a response to any other invitation — one edited on the way,
//! with a lower minimum or a group shown alone — counts for nobody.

pub mod file;
mod read;
pub mod rules;

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use sha2::{Digest, Sha256};

pub use file::InviteFile;
pub use read::parse;

use super::encryption;
use super::keys::PublicKeys;
use super::{DEFAULT_GROUPS, MANAGER_GROUP};
use crate::questionnaire::{ContextKind, ContextValue, GROUP_CONTEXT, Questionnaire};
use crate::rubric::{Profile, Rubric};

/// Who holds the key that opens the responses. The promise the form makes
/// to raters is worded from this, and only from this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyHolder {
    /// Someone other than the subject (a mentor, HR, a colleague the team
    /// trusts), who runs the round, named as the raters should read it.
    Collector {
        /// Who that is.
        name: String,
        /// Their public keys.
        keys: PublicKeys,
    },
    /// The subject, who runs the round for their own team.
    Subject {
        /// The subject's collector keys.
        keys: PublicKeys,
    },
}

impl KeyHolder {
    /// The public keys responses are sealed to and the report is signed
    /// with.
    pub fn keys(&self) -> &PublicKeys {
        match self {
            KeyHolder::Collector { keys, .. } | KeyHolder::Subject { keys } => keys,
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

/// How raters come to answer: what the form must say before any question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Each rater of the subject's list has their own invitation with a
    /// single-use code, sent by the collector.
    Personal,
    /// One shared form, no codes: anyone holding it can answer, more than
    /// once.
    OpenLink,
    /// The subject runs the round and holds the key; one shared form.
    SelfCollect,
}

/// A personal code's hash and the group of the rater it was given to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// `sha256:` of the code.
    pub hash: String,
    /// The group the rater list gave the rater.
    pub group: String,
}

/// When a round closes: at the end of `day` in the collector's time zone,
/// whose offset from UTC on that day is `offset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Closing {
    /// The last day to answer.
    pub day: NaiveDate,
    /// The collector's offset from UTC on that day.
    pub offset: FixedOffset,
}

impl Closing {
    /// The round closes at the end of `day`, in the time zone of this
    /// machine (the collector's).
    pub fn local(day: NaiveDate) -> Closing {
        let end = day.and_hms_opt(23, 59, 59).unwrap_or_default();
        let offset = chrono::Local
            .from_local_datetime(&end)
            .earliest()
            .map_or_else(|| Utc.fix(), |t| t.offset().fix());
        Closing { day, offset }
    }

    /// The first moment after the round.
    pub fn end(&self) -> DateTime<Utc> {
        let next = self.day.succ_opt().unwrap_or(self.day);
        let midnight = next.and_hms_opt(0, 0, 0).unwrap_or_default();
        self.offset
            .from_local_datetime(&midnight)
            .single()
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
    }

    /// Whether the round has closed at `now`.
    pub fn is_past(&self, now: DateTime<Utc>) -> bool {
        now >= self.end()
    }

    /// The offset as the file keeps it: `-08:00`.
    pub fn offset_text(&self) -> String {
        self.offset.to_string()
    }

    /// The time zone in words: `UTC−08:00`, `UTC`.
    pub fn zone_words(&self) -> String {
        let seconds = self.offset.local_minus_utc();
        if seconds == 0 {
            return "UTC".to_owned();
        }
        let sign = if seconds < 0 { '−' } else { '+' };
        let minutes = seconds.unsigned_abs() / 60;
        format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// A checked invitation.
#[derive(Clone, Debug)]
pub struct Invite {
    /// The round's id: `20261122-3f9a1c`.
    pub round: String,
    /// Whom the round is about.
    pub subject: String,
    /// When it closes, if it has a last day.
    pub closes: Option<Closing>,
    /// Where raters send their answers (the collector's address).
    pub reply_to: Option<String>,
    /// No figure rests on fewer responses than this (at least
    /// [`super::MIN_GROUP`]).
    pub min_group: usize,
    /// The groups raters answer as, in the order reports show them.
    pub groups: Vec<String>,
    /// Groups shown even with one response (the manager's own manager),
    /// as the form tells those raters.
    pub open_groups: Vec<String>,
    /// Who holds the key.
    pub holder: KeyHolder,
    /// The personal codes' hashes and groups; empty when the round has
    /// none.
    pub codes: Vec<Code>,
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
    /// How raters come to answer.
    pub fn access(&self) -> Access {
        match (&self.holder, self.codes.is_empty()) {
            (KeyHolder::Subject { .. }, _) => Access::SelfCollect,
            (KeyHolder::Collector { .. }, false) => Access::Personal,
            (KeyHolder::Collector { .. }, true) => Access::OpenLink,
        }
    }

    /// The threshold of `group`: 1 for a group shown alone, else the
    /// round's minimum.
    pub fn threshold(&self, group: &str) -> usize {
        if self.open_groups.iter().any(|g| g == group) {
            1
        } else {
            self.min_group
        }
    }

    /// Whether the subject's own manager is shown alone.
    pub fn manager_alone(&self) -> bool {
        self.open_groups.iter().any(|g| g == MANAGER_GROUP)
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

    /// The group of the rater `code` was given to, if it is one of the
    /// round's codes.
    pub fn group_of_code(&self, code: &str) -> Option<&str> {
        let hash = code_hash(code);
        self.codes
            .iter()
            .find(|c| c.hash == hash)
            .map(|c| c.group.as_str())
    }

    /// The group this invitation's rater answers as, when the invitation
    /// fixes it (a personal one).
    pub fn fixed_group(&self) -> Option<&str> {
        self.code.as_deref().and_then(|c| self.group_of_code(c))
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

    /// The hash of the whole invitation (everything but a personal code),
    /// which every response to it carries.
    pub fn hash(&self) -> String {
        text_hash(&self.without_code().to_text())
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

/// The groups a round asks when it names none: the default groups the form
/// has, else all of its groups.
pub fn default_groups(form: &Questionnaire) -> Vec<String> {
    let known: Vec<String> = group_labels(form).into_iter().map(|(id, _)| id).collect();
    let defaults: Vec<String> = DEFAULT_GROUPS
        .iter()
        .map(|g| (*g).to_owned())
        .filter(|g| known.contains(g))
        .collect();
    if defaults.is_empty() { known } else { defaults }
}

/// The `group` context value of `group` in `form` (its index among the
/// form's contexts, and the value), if the form has that group.
pub fn group_value(form: &Questionnaire, group: &str) -> Option<(usize, ContextValue)> {
    let index = form.context_index(GROUP_CONTEXT)?;
    match &form.contexts[index].kind {
        ContextKind::Choice { options } => options
            .iter()
            .position(|o| o.id == group)
            .map(|o| (index, ContextValue::Choice(o))),
        ContextKind::Number { .. } => None,
    }
}

/// `sha256:` of a personal code, as the invitation keeps it.
pub fn code_hash(code: &str) -> String {
    text_hash(code)
}

/// `sha256:` of a text.
pub fn text_hash(text: &str) -> String {
    format!(
        "sha256:{}",
        encryption::hex(&Sha256::digest(text.as_bytes()))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closing(day: &str, offset_hours: i32) -> Closing {
        Closing {
            day: NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(),
            offset: FixedOffset::east_opt(offset_hours * 3600).unwrap(),
        }
    }

    fn at(time: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(time).unwrap().into()
    }

    #[test]
    fn a_round_closes_at_the_end_of_its_day_in_the_collectors_time_zone() {
        let pacific = closing("2026-12-06", -8);
        // 20:00 in California on the last day is 04:00 UTC the next day.
        assert!(!pacific.is_past(at("2026-12-07T04:00:00Z")));
        assert!(!pacific.is_past(at("2026-12-07T07:59:59Z")));
        assert!(pacific.is_past(at("2026-12-07T08:00:00Z")));
        assert_eq!(pacific.zone_words(), "UTC−08:00");
        assert_eq!(pacific.offset_text(), "-08:00");
        let berlin = closing("2026-12-06", 1);
        assert!(berlin.is_past(at("2026-12-06T23:00:00Z")));
        assert!(!berlin.is_past(at("2026-12-06T22:59:59Z")));
        assert_eq!(berlin.zone_words(), "UTC+01:00");
        assert_eq!(closing("2026-12-06", 0).zone_words(), "UTC");
    }
}
