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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::file::AnswerFile;
    use crate::source::Source;
    use crate::team::invite::file::{CodeFile, FormFile, InviteFile, KeyFile, RubricFile, SCHEMA};
    use crate::team::invite::{KeyHolder, code_hash, parse};
    use crate::team::keys::Collector;

    const FORM: &str = include_str!("../../tests/fixtures/team/questionnaire.toml");
    const RUBRIC: &str = include_str!("../../tests/fixtures/team/rubric.toml");

    /// A round of the small team form with personal codes for `codes`
    /// (code, group); none for a shared form.
    fn round(codes: &[(&str, &str)]) -> Invite {
        let form = crate::questionnaire::load(&Source::new("form", FORM)).unwrap();
        let rubric = crate::rubric::load(&Source::new("rubric", RUBRIC), &form).unwrap();
        let (secret, _) = super::super::encryption::generate();
        let keys = Collector::first(&secret).unwrap().public().clone();
        let file = InviteFile {
            schema: SCHEMA,
            round: "20261122-3f9a1c".into(),
            subject: "Sam Hero".into(),
            created: "2026-11-22T13:05:01Z".into(),
            closes: None,
            zone: None,
            reply_to: None,
            min_group: 3,
            groups: vec!["direct-report".into(), "peer".into(), "manager".into()],
            open_groups: Vec::new(),
            code: None,
            key: KeyFile::of(&KeyHolder::Collector {
                name: "Morgan Lee".into(),
                keys,
            }),
            form: FormFile::of(&form, FORM),
            rubric: RubricFile::of(&rubric, RUBRIC),
            codes: codes
                .iter()
                .map(|(code, group)| CodeFile {
                    hash: code_hash(code),
                    group: (*group).to_owned(),
                })
                .collect(),
        };
        parse(&Source::new("invite.toml", file.to_text())).unwrap()
    }

    /// A response arrived as `place`: `group`, lead-all `lead`, to the
    /// invitation whose hash is `invitation`, with `code` written at
    /// `written`.
    fn arrived(
        invite: &Invite,
        place: &str,
        group: &str,
        lead: u8,
        code: Option<&str>,
        written: &str,
    ) -> Arrived {
        let text = format!(
            "questionnaire = \"small-team\"\n[context]\ngroup = \"{group}\"\n[answers]\n\
             lead-all = {lead}\nwould-recommend = 3\n"
        );
        let answers = AnswerFile::parse(&Source::new(place, text))
            .check(&invite.form, true)
            .unwrap();
        Arrived {
            place: place.to_owned(),
            fingerprint: format!("sha256:{place}"),
            response: Opened {
                group: group.to_owned(),
                invitation: Some(invite.hash()),
                code: code.map(str::to_owned),
                written: Some(DateTime::parse_from_rfc3339(written).unwrap().into()),
                keep: None,
                change: None,
                answers,
            },
        }
    }

    fn at(time: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(time).unwrap().into()
    }

    fn places(tally: &Tally) -> Vec<&str> {
        tally.counted.iter().map(|a| a.place.as_str()).collect()
    }

    const NOW: &str = "2026-11-22T13:05:01Z";

    #[test]
    fn a_response_to_another_invitation_counts_for_nobody() {
        let invite = round(&[]);
        let mut edited = arrived(&invite, "edited", "peer", 3, None, NOW);
        edited.response.invitation = Some("sha256:another".into());
        let mut unbound = arrived(&invite, "unbound", "peer", 4, None, NOW);
        unbound.response.invitation = None;
        let real = arrived(&invite, "real", "peer", 5, None, NOW);
        let tally = tally(&invite, vec![edited, unbound, real], at(NOW));
        assert_eq!(places(&tally), ["real"]);
        assert_eq!(tally.refused, 2);
    }

    #[test]
    fn identical_answers_count_once_and_a_shared_id_voids_nothing() {
        let invite = round(&[]);
        let first = arrived(&invite, "first", "peer", 3, None, NOW);
        let double = arrived(&invite, "double", "peer", 3, None, NOW);
        // Another answer under the first one's id: it counts as itself.
        let other = arrived(&invite, "other", "peer", 5, None, NOW);
        let tally = tally(&invite, vec![first, double, other], at(NOW));
        assert_eq!(places(&tally), ["first", "other"]);
        assert_eq!(
            tally.warnings,
            ["`double`: the same answers as `first`; counted once"]
        );
    }

    #[test]
    fn a_code_counts_only_in_its_own_group_and_the_latest_up_to_now_wins() {
        let invite = round(&[("code-a", "peer"), ("code-b", "direct-report")]);
        let tally = tally(
            &invite,
            vec![
                arrived(
                    &invite,
                    "a-first",
                    "peer",
                    1,
                    Some("code-a"),
                    "2026-11-20T09:00:00Z",
                ),
                arrived(
                    &invite,
                    "a-later",
                    "peer",
                    5,
                    Some("code-a"),
                    "2026-11-21T09:00:00Z",
                ),
                arrived(
                    &invite,
                    "a-ahead",
                    "peer",
                    2,
                    Some("code-a"),
                    "2099-01-01T00:00:00Z",
                ),
                arrived(&invite, "b-as-peer", "peer", 4, Some("code-b"), NOW),
                arrived(&invite, "guessed", "peer", 4, Some("code-c"), NOW),
                arrived(&invite, "none", "peer", 4, None, NOW),
            ],
            at(NOW),
        );
        assert_eq!(places(&tally), ["a-later"]);
        assert_eq!(tally.codes_answered, [true, false]);
        assert_eq!(tally.answered(), 1);
        assert_eq!(tally.refused, 4);
        // A day of a fast clock is still a time.
        let tally = super::tally(
            &invite,
            vec![arrived(
                &invite,
                "soon",
                "peer",
                5,
                Some("code-a"),
                "2026-11-23T09:00:00Z",
            )],
            at(NOW),
        );
        assert_eq!(places(&tally), ["soon"]);
    }
}
