//! The team's view of a manager: a feedback round from the invitation to
//! the one report it gives.
//!
//! - [`raters`]: the list of raters the subject sends the collector;
//! - [`keys`]: the collector's keys (opening, signing) and their
//!   fingerprint;
//! - [`invite`]: the invitation the collector makes, which travels to
//!   raters (the form and rubric in full, the groups, the keys, the codes);
//! - [`promise`]: every sentence about who can read what, worded from the
//!   round's arrangement;
//! - [`encryption`]: sealing and opening responses (age, binary or armored);
//! - [`envelopes`]: sealed responses found in files, text, mail and
//!   mailboxes;
//! - [`response`]: what a response holds, written; [`opening`]: one opened;
//! - [`overlap`]: two rounds about one person that would subtract;
//!   [`comments`]: a closed round's comments, as kept sealed;
//! - [`counting`]: which responses count (the invitation they answer,
//!   personal codes and their groups, copies, responses that answer too
//!   little);
//! - [`view`]: the aggregate, with the disclosure rules: no figure rests on
//!   fewer responses than its threshold, directly or by subtraction.
//!
//! Pure, but for the randomness of ids and codes: the store keeps rounds,
//! the commands read files.

pub mod comments;
pub mod counting;
pub mod encryption;
pub mod envelopes;
pub mod invite;
pub mod keys;
pub mod opening;
pub mod overlap;
pub mod promise;
pub mod raters;
pub mod response;
pub mod view;

pub use crate::report::TEAM_RATER;

pub use crate::report::MIN_GROUP;

/// The group that pools groups too small to be shown on their own.
pub const OTHER_GROUP: &str = "other";

/// The group of the subject's own manager.
pub const MANAGER_GROUP: &str = "manager";

/// The groups that may be shown alone (`--open-group`): only the one whose
/// single rater the relationship names anyway.
pub const OPEN_GROUPS: &[&str] = &[MANAGER_GROUP];

/// The groups of a round that names none (and, with plain labels, of a
/// team form that declares none).
pub const DEFAULT_GROUPS: &[&str] = &["direct-report", "peer", "stakeholder", MANAGER_GROUP];

pub use crate::questionnaire::{COMMENT_LIMIT, COMMENTS};

/// `bytes` random bytes as hex digits: a response id, a round id's tail, a
/// personal code. Without randomness from the system there is no safe id,
/// so that is an error rather than a guessable one.
pub fn random_hex(bytes: usize) -> Result<String, String> {
    let mut buffer = vec![0u8; bytes];
    getrandom::getrandom(&mut buffer)
        .map_err(|e| format!("the system gives no randomness for ids and codes: {e}"))?;
    Ok(encryption::hex(&buffer))
}

/// A group as reports head it: "Direct reports", "Peers"… (a form's own
/// group ids as they are).
pub fn group_label(group: &str) -> String {
    match group {
        "direct-report" => "Direct reports".to_owned(),
        "peer" => "Peers".to_owned(),
        "stakeholder" => "Stakeholders".to_owned(),
        "mentor" => "Mentor".to_owned(),
        MANAGER_GROUP => "Manager".to_owned(),
        OTHER_GROUP => "Other".to_owned(),
        other => other.to_owned(),
    }
}

/// A group in a sentence about `subject`: "direct reports", "Sam Hero's
/// manager"…
pub fn group_words(group: &str, subject: &str) -> String {
    match group {
        MANAGER_GROUP => format!("{subject}'s manager"),
        "mentor" => format!("{subject}'s mentor"),
        "direct-report" | "peer" | "stakeholder" => group_label(group).to_lowercase(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    /// The groups of the built-in team form most tests use, in its order.
    pub(crate) const GROUPS: [&str; 4] = ["direct-report", "peer", "stakeholder", "manager"];
}
