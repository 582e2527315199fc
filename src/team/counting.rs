//! Which of the responses that arrived count. A round's figures are only as
//! honest as its count: a copy must not count twice, a forged id must not
//! silently push out a real response, a response that answers next to
//! nothing must not make a group large enough to show, and in a round with
//! personal codes only one response per code counts — the latest, so that a
//! rater can correct their answer.
//!
//! Every warning names files and the rule, never a value from inside a
//! response.

use super::invite::Invite;
use super::response::Opened;

/// A response as it arrived: where it was found, the fingerprint of its
/// envelope, and what it holds.
#[derive(Clone, Debug)]
pub struct Arrived {
    /// Where it was found, for messages: a file, `file (2nd block)`,
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
    /// In a round with personal codes: how many codes have a response.
    pub codes_answered: usize,
}

/// Counts `arrived` under the rules of `invite`'s round.
pub fn tally(invite: &Invite, arrived: Vec<Arrived>) -> Tally {
    let mut tally = Tally::default();

    // The same envelope twice (a file sent twice, or once armored and once
    // not) is one response.
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

    // Too little answered to count: it would make a group look large
    // enough to show while saying next to nothing, and its comments would
    // stand out.
    let mut enough = Vec::with_capacity(unique.len());
    for each in unique {
        if !each.response.enough(&invite.form) {
            // How many, or of how many, would tell the group: only the rule.
            tally.warnings.push(format!(
                "`{}`: it answers fewer than half of the questions asked of its group; not counted",
                each.place
            ));
        } else {
            enough.push(each);
        }
    }

    if invite.codes.is_empty() {
        tally.counted = without_codes(invite, enough, &mut tally.warnings);
    } else {
        let (counted, answered) = with_codes(invite, enough, &mut tally.warnings);
        tally.counted = counted;
        tally.codes_answered = answered;
    }
    tally
}

/// A round without codes: one response per content, and an id that two
/// different responses claim counts for neither.
fn without_codes(
    invite: &Invite,
    responses: Vec<Arrived>,
    warnings: &mut Vec<String>,
) -> Vec<Arrived> {
    let contents: Vec<String> = responses
        .iter()
        .map(|r| r.response.content(&invite.form))
        .collect();
    let mut dropped = vec![false; responses.len()];
    for i in 0..responses.len() {
        for j in i + 1..responses.len() {
            if dropped[j] {
                continue;
            }
            if contents[i] == contents[j] {
                // A double press, a resent answer, or one rater answering
                // twice in the same words.
                dropped[j] = true;
                warnings.push(format!(
                    "`{}`: the same answers as `{}`; counted once",
                    responses[j].place, responses[i].place
                ));
            }
        }
    }
    for i in 0..responses.len() {
        if dropped[i] {
            continue;
        }
        let clashes: Vec<usize> = (i + 1..responses.len())
            .filter(|&j| !dropped[j] && responses[j].response.id == responses[i].response.id)
            .collect();
        if clashes.is_empty() {
            continue;
        }
        // Which is the real one cannot be told: neither counts, and the
        // collector is told where to look.
        dropped[i] = true;
        let mut places = vec![format!("`{}`", responses[i].place)];
        for j in clashes {
            dropped[j] = true;
            places.push(format!("`{}`", responses[j].place));
        }
        warnings.push(format!(
            "{}: different responses with the same id; none of them is counted",
            places.join(", ")
        ));
    }
    responses
        .into_iter()
        .zip(dropped)
        .filter_map(|(r, dropped)| (!dropped).then_some(r))
        .collect()
}

/// A round with codes: only responses with one of its codes, and of those
/// the latest per code.
fn with_codes(
    invite: &Invite,
    responses: Vec<Arrived>,
    warnings: &mut Vec<String>,
) -> (Vec<Arrived>, usize) {
    let mut coded: Vec<Arrived> = Vec::with_capacity(responses.len());
    for each in responses {
        match &each.response.code {
            Some(code) if invite.knows_code(code) => coded.push(each),
            _ => warnings.push(format!(
                "`{}`: it carries no personal code of this round; not counted",
                each.place
            )),
        }
    }
    let mut kept: Vec<Arrived> = Vec::new();
    for each in coded {
        let same = kept
            .iter()
            .position(|k| k.response.code == each.response.code);
        match same {
            None => kept.push(each),
            Some(at) => {
                // The later answer replaces the earlier; between two of the
                // same time, the one found later.
                let (earlier, later) = if each.response.written >= kept[at].response.written {
                    let earlier = std::mem::replace(&mut kept[at], each);
                    (earlier.place, kept[at].place.clone())
                } else {
                    (each.place, kept[at].place.clone())
                };
                warnings.push(format!(
                    "`{earlier}`: replaced by a later response with the same personal code \
                     (`{later}`)"
                ));
            }
        }
    }
    let answered = kept.len();
    (kept, answered)
}
