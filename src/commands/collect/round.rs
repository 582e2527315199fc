//! The round `collect` is given — an invitation, or the id of a round kept
//! here — and the key that opens its responses.

use std::path::Path;

use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::source::Source;
use crate::store::rounds::{self, INVITE, RoundFolder};
use crate::store::{DataDir, key};
use crate::team::encryption;
use crate::team::invite::{self, Invite, KeyHolder};

/// The round `spec` names: an invitation (a `.toml` file, or a folder
/// holding `invite.toml`), kept in this data directory the first time; or
/// the id of a round kept here.
pub fn locate(data: &DataDir, spec: &str) -> Result<(RoundFolder, Invite)> {
    let path = Path::new(spec);
    let file = if path.is_dir() {
        Some(path.join(INVITE))
    } else if path.is_file() {
        Some(path.to_owned())
    } else {
        None
    };
    match file {
        Some(file) => {
            let invite = invite::parse(&Source::read(&file)?).map_err(Error::Invalid)?;
            let round = rounds::register(data, &invite)?;
            Ok((round, invite))
        }
        None => rounds::find(data, spec),
    }
}

/// The identity that opens the round's responses: `--identity FILE` when
/// given, else this data directory's collector key; refused when it is not
/// the round's.
pub fn identity(data: &DataDir, invite: &Invite, explicit: Option<&Path>) -> Result<String> {
    let recipient = &invite.holder.keys().recipient;
    let opens = |text: &str| {
        encryption::recipients_of(text).is_ok_and(|keys| keys.iter().any(|k| k == recipient))
    };
    let text = match explicit {
        Some(path) => Some(key::read(path)?),
        None => key::load(data)?,
    };
    if let Some(text) = text.filter(|t| opens(t)) {
        return Ok(text);
    }
    let sealed_to = match &invite.holder {
        KeyHolder::Collector { name, keys } => format!(
            "{}'s key (fingerprint {})",
            clean_line(name),
            keys.fingerprint()
        ),
        KeyHolder::Subject { keys } => format!(
            "{}'s key (fingerprint {})",
            clean_line(&invite.subject),
            keys.fingerprint()
        ),
    };
    let (what, help) = match (explicit, &invite.holder) {
        (Some(path), _) => (
            format!("`{}` does not open round {}", path.display(), invite.round),
            "give the identity file whose public key is the round's (`leadgap key` prints a \
             data directory's collector key and its fingerprint)"
                .to_owned(),
        ),
        (None, KeyHolder::Collector { name, .. }) => (
            format!(
                "this data directory has no key that opens round {}",
                invite.round
            ),
            crate::team::promise::only_collector_opens(&clean_line(name)),
        ),
        (None, KeyHolder::Subject { .. }) => (
            format!(
                "this data directory has no key that opens round {}",
                invite.round
            ),
            "collect where the round was started, with that data directory's collector key"
                .to_owned(),
        ),
    };
    Err(Error::user_with_help(
        format!("{what}: its answers are sealed to {sealed_to}"),
        help,
    ))
}
