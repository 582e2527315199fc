//! Which of the responses that arrived count. A round's figures are only as
//! honest as its count, so each rule is a small named step:
//!
//! - the same envelope twice is one response ([`same_envelope`]);
//! - a response to any other invitation — one edited on the way, or made
//!   up — counts for nobody ([`for_this_invitation`]);
//! - a response that answers next to nothing would make a group look large
//!   enough to show, and counts for nobody ([`enough_answered`]);
//! - in a round with personal codes, only a response with one of its codes,
//!   answered as the group the code was given to, counts; a time after the
//!   moment of collecting is no time at all; and of one code's responses
//!   the latest counts, so a rater can correct their answer
//!   ([`by_code`]);
//! - without codes, the same answers twice (a double press, a resent
//!   answer) count once ([`same_answers`]); a response's id decides
//!   nothing, so nobody can void a real response by copying its id.
//!
//! Every warning names files and the rule, never a value from inside a
//! response.

use chrono::{DateTime, Duration, Utc};

use super::invite::Invite;
use super::response::Opened;

/// How far a response's time may run ahead of the collector's clock (a
/// rater's device a little fast) and still be a time.
pub const CLOCK_SKEW: Duration = Duration::hours(24);

/// A response as it arrived: where it was found, the fingerprint of its
/// envelope, and what it holds.
#[derive(Clone, Debug)]
pub struct Arrived {
    /// Where it was found, for messages: a file, `file (response 2)`,
    /// `<stdin>`.
    pub place: String,
    /// The fingerprint of its envelope (binary form).
    pub fingerprint: String,
    /// What it holds.
    pub response: Opened,
}

/// The outcome of counting.
#[derive(Debug, Default)]
pub struct Tally {
    /// The responses that count, in the order they arrived.
    pub counted: Vec<Arrived>,
    /// One line per response that does not count, or counts once for
    /// several.
    pub warnings: Vec<String>,
    /// How many responses arrived that count for nobody.
    pub refused: usize,
    /// In a round with personal codes: for each code of the invitation,
    /// in its order, whether a counted response carries it.
    pub codes_answered: Vec<bool>,
}

impl Tally {
    /// How many personal codes have a counted response.
    pub fn answered(&self) -> usize {
        self.codes_answered.iter().filter(|a| **a).count()
    }

    fn refuse(&mut self, arrived: &Arrived, why: &str) {
        self.refused += 1;
        self.warnings
            .push(format!("`{}`: {why}; not counted", arrived.place));
    }
}

/// Counts `arrived` under the rules of `invite`'s round, collected at
/// `now`.
pub fn tally(invite: &Invite, arrived: Vec<Arrived>, now: DateTime<Utc>) -> Tally {
    let mut tally = Tally {
        codes_answered: vec![false; invite.codes.len()],
        ..Tally::default()
    };
    let unique = same_envelope(arrived, &mut tally);
    let mut kept = Vec::with_capacity(unique.len());
    for each in unique {
        let refused = for_this_invitation(invite, &each.response)
            .or_else(|| enough_answered(invite, &each.response));
        match refused {
            Some(why) => tally.refuse(&each, why),
            None => kept.push(each),
        }
    }
    tally.counted = if invite.codes.is_empty() {
        same_answers(invite, kept, &mut tally)
    } else {
        by_code(invite, kept, now, &mut tally)
    };
    tally
}

/// The same envelope twice (a file sent twice, or once armored and once
/// not) is one response.
fn same_envelope(arrived: Vec<Arrived>, tally: &mut Tally) -> Vec<Arrived> {
    let mut unique: Vec<Arrived> = Vec::with_capacity(arrived.len());
    for each in arrived {
        match unique.iter().find(|u| u.fingerprint == each.fingerprint) {
            Some(first) => tally.warnings.push(format!(
                "`{}`: the same response as `{}`; counted once",
                each.place, first.place
            )),
            None => unique.push(each),
        }
    }
    unique
}

/// Why a response does not answer this very invitation, if it does not.
pub fn for_this_invitation(invite: &Invite, response: &Opened) -> Option<&'static str> {
    (response.invitation.as_deref() != Some(invite.hash().as_str())).then_some(
        "it answers another invitation than this round's (one changed on the way, or made up)",
    )
}

/// Why a response answers too little to count, if it does: fewer than half
/// of the questions asked of its group ("doesn't apply" is no answer).
pub fn enough_answered(invite: &Invite, response: &Opened) -> Option<&'static str> {
    // How many, or of how many, would tell the group: only the rule.
    (!response.enough(&invite.form))
        .then_some("it answers fewer than half of the questions asked of its group")
}

/// Without codes: one response per content, whatever its id.
fn same_answers(invite: &Invite, responses: Vec<Arrived>, tally: &mut Tally) -> Vec<Arrived> {
    let mut kept: Vec<(String, Arrived)> = Vec::with_capacity(responses.len());
    for each in responses {
        let content = each.response.content(&invite.form);
        match kept.iter().find(|(c, _)| *c == content) {
            // A double press, a resent answer, or one rater answering twice
            // in the same words.
            Some((_, first)) => tally.warnings.push(format!(
                "`{}`: the same answers as `{}`; counted once",
                each.place, first.place
            )),
            None => kept.push((content, each)),
        }
    }
    kept.into_iter().map(|(_, each)| each).collect()
}

/// Why a coded response cannot count, if it cannot: no code of the round,
/// answered as another group than its code's, or dated after `now`.
pub fn code_problem(invite: &Invite, response: &Opened, now: DateTime<Utc>) -> Option<String> {
    let Some(group) = response
        .code
        .as_deref()
        .and_then(|c| invite.group_of_code(c))
    else {
        return Some("it carries no personal code of this round".to_owned());
    };
    if group != response.group {
        return Some("it answers as another group than its invitation was sent to".to_owned());
    }
    if response.written.is_some_and(|w| w > now + CLOCK_SKEW) {
        return Some(
            "it says it was written after this moment (a device clock set wrong?); ask for it \
             again"
                .to_owned(),
        );
    }
    None
}

/// With codes: only responses with a code of the round, answered as its
/// group, and of each code's the latest; between two of the same time, the
/// one found later.
fn by_code(
    invite: &Invite,
    responses: Vec<Arrived>,
    now: DateTime<Utc>,
    tally: &mut Tally,
) -> Vec<Arrived> {
    let mut kept: Vec<Arrived> = Vec::new();
    for each in responses {
        if let Some(why) = code_problem(invite, &each.response, now) {
            tally.refuse(&each, &why);
            continue;
        }
        match kept
            .iter()
            .position(|k| k.response.code == each.response.code)
        {
            None => kept.push(each),
            Some(at) => {
                let (earlier, later) = if each.response.written >= kept[at].response.written {
                    let earlier = std::mem::replace(&mut kept[at], each);
                    (earlier.place, kept[at].place.clone())
                } else {
                    (each.place, kept[at].place.clone())
                };
                tally.warnings.push(format!(
                    "`{earlier}`: replaced by a later response with the same personal code \
                     (`{later}`)"
                ));
            }
        }
    }
    for each in &kept {
        let hash = each.response.code.as_deref().map(super::invite::code_hash);
        if let Some(i) = invite
            .codes
            .iter()
            .position(|c| Some(&c.hash) == hash.as_ref())
        {
            tally.codes_answered[i] = true;
        }
    }
    kept
}
