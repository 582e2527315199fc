//! An envelope opened with the collector's key and read as a response to
//! the round's form, in memory only. What is wrong is said by its kind and
//! place, never by quoting the response: the collector is shown no value
//! from inside one.

use super::counting::Arrived;
use super::encryption::{self, Unopened};
use super::envelopes::Sealed;
use super::invite::{Invite, group_value};
use super::response::Opened;
use crate::answers::file::AnswerFile;
use crate::source::Source;

/// The most a response may hold once unpacked: far more than any form's
/// answers and comments, far less than a packed bomb would give.
const UNPACKED_LIMIT: u64 = 256 * 1024;

/// The text of an opened envelope: the form packs its answers with gzip
/// before sealing them (so that they fit in a link to an email), `respond`
/// does not. Gzip starts with bytes no response text starts with.
fn unpacked(plain: Vec<u8>) -> Result<Vec<u8>, String> {
    use std::io::Read;
    if !plain.starts_with(&[0x1f, 0x8b]) {
        return Ok(plain);
    }
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(plain.as_slice())
        .take(UNPACKED_LIMIT + 1)
        .read_to_end(&mut text)
        .map_err(|_| "it does not hold a response (packed, but damaged)".to_owned())?;
    if text.len() as u64 > UNPACKED_LIMIT {
        return Err(format!(
            "it unpacks to more than {} KiB, far more than a response holds",
            UNPACKED_LIMIT / 1024
        ));
    }
    Ok(text)
}

/// Opens `sealed` with `identity` (an identity file's text) and reads it
/// as a response to `invite`'s form.
pub fn open(sealed: &Sealed, identity: &str, invite: &Invite) -> Result<Arrived, String> {
    let plain = encryption::open(identity, &sealed.binary).map_err(|error| match error {
        Unopened::NotForUs => "it is sealed for another key, not this round's".to_owned(),
        Unopened::Damaged(why) => {
            format!("it cannot be opened (damaged, cut short or edited: {why})")
        }
    })?;
    let text = String::from_utf8(unpacked(plain)?)
        .map_err(|_| "it does not hold a response (not text)".to_owned())?;
    let source = Source::new(sealed.place.clone(), text);
    let form = &invite.form;
    let mut answers = AnswerFile::parse(&source)
        .check(form, true)
        .map_err(|problems| {
            let at = problems
                .first()
                .and_then(|p| p.location)
                .map(|l| format!(" (first at line {}:{})", l.line, l.column))
                .unwrap_or_default();
            format!(
                "its answers do not fit the round's form `{}`: {} problem{}{at}",
                form.id,
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            )
        })?;
    let parts = answers.team.clone();
    if parts.round.as_deref() != Some(invite.round.as_str()) {
        return Err("it answers another round".to_owned());
    }
    // Every response has an id, though no id decides anything.
    parts.id.as_ref().ok_or("it has no response id")?;
    let group = parts
        .group
        .filter(|g| invite.groups.contains(g))
        .ok_or("its group is not one of the round's")?;
    let (index, value) = group_value(form, &group).ok_or("its group is not one of the form's")?;
    // The group it says it answers as, twice: a response that says one
    // thing in `[response]` and another in `[context]` was made by hand.
    if answers.context[index].as_ref().is_some_and(|v| *v != value) {
        return Err("its group and its answers' group differ".to_owned());
    }
    answers.context[index] = Some(value);
    Ok(Arrived {
        place: sealed.place.clone(),
        fingerprint: encryption::fingerprint(&sealed.binary),
        response: Opened {
            group,
            invitation: parts.invitation,
            code: parts.code,
            written: parts.written,
            keep: parts.keep,
            change: parts.change,
            answers,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn text_is_read_as_it_is_and_packed_text_is_unpacked() {
        let text = b"questionnaire = \"it-manager-team\"\n".to_vec();
        assert_eq!(unpacked(text.clone()), Ok(text.clone()));
        assert_eq!(unpacked(gzip(&text)), Ok(text));
    }

    #[test]
    fn a_packed_bomb_or_damaged_packing_is_refused() {
        let bomb = gzip(&vec![b'a'; 10 * 1024 * 1024]);
        assert!(bomb.len() < 20 * 1024, "{}", bomb.len());
        assert_eq!(
            unpacked(bomb),
            Err("it unpacks to more than 256 KiB, far more than a response holds".to_owned())
        );
        let mut damaged = gzip(b"questionnaire = 1\n");
        damaged.truncate(12);
        assert_eq!(
            unpacked(damaged),
            Err("it does not hold a response (packed, but damaged)".to_owned())
        );
    }
}
