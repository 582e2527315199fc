//! `leadgap collect`: open the responses of a round with the collector's
//! key, count them under the round's rules, and — once the round closes —
//! make, sign, save and print its one report. Before it closes only how
//! many have arrived is said; after, the same report is printed again and no
//! other is made. A response's answers live only in memory here; nothing of
//! them but the aggregate is written, and the comments only sealed.

mod close;
mod gather;
mod status;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::Config;

use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::render::{self, Format};
use crate::source::Source;
use crate::store::rounds::{self, INVITE, RoundFolder};
use crate::store::{DataDir, key};
use crate::team::counting::{self, Arrived};
use crate::team::envelopes::Skipped;
use crate::team::invite::{self, Invite, KeyHolder};
use crate::team::{encryption, opening};

/// `leadgap collect`
#[derive(Debug, Args)]
pub struct CollectArgs {
    /// The round: its id in this data directory, or one of its invitations (or the folder holding it)
    #[arg(value_name = "ROUND|INVITE")]
    pub round: String,

    /// Responses: .age files, texts, mails (.eml) and mailboxes (mbox) holding them, folders of these, `-` for standard input [default: the current folder]
    #[arg(value_name = "FILE|DIR|-")]
    pub responses: Vec<PathBuf>,

    /// The age identity that opens the responses [default: this data directory's collector key]
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,

    /// Only say how many responses have arrived; never close the round
    #[arg(long, conflicts_with = "close")]
    pub status: bool,

    /// Close the round now and make its one report (else it closes after --closes, or when every code is used)
    #[arg(long)]
    pub close: bool,

    /// Close even though an earlier round about the same person counted almost the same people
    #[arg(long)]
    pub accept_overlap: bool,

    /// How to print the team's view
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::gap::FORMATS))]
    pub format: Format,

    /// Keep the round's report in its folder only, not in your history
    #[arg(long)]
    pub no_save: bool,

    #[command(flatten)]
    pub output: crate::commands::Output,
}

/// Runs `leadgap collect`.
pub fn run(config: &Config, args: CollectArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir()?;
    let (round, invite) = locate(&data, &args.round)?;
    let identity = identity(&data, &invite, args.identity.as_deref())?;
    let paths = if args.responses.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.responses.clone()
    };
    let found = gather::inputs(&paths)?;
    let now = crate::clock::now()?;
    // One collect of a round at a time: two closes give one report.
    let _lock = round.lock()?;
    let mut arrived: Vec<Arrived> = Vec::new();
    let mut skipped: Vec<Skipped> = found.skipped.clone();
    for sealed in &found.sealed {
        match opening::open(sealed, &identity, &invite) {
            Ok(opened) => arrived.push(opened),
            Err(why) => skipped.push(Skipped {
                place: sealed.place.clone(),
                why,
            }),
        }
    }
    for each in &skipped {
        config.warn(&format!("skipping `{}`: {}", each.place, each.why));
    }
    let opened = arrived.len();
    if let Some(closed) = round.closed()? {
        let context = close::Context {
            config,
            args: &args,
            data: &data,
            round: &round,
            invite: &invite,
            identity: &identity,
        };
        return close::again(&context, &closed, arrived, out);
    }
    let tally = counting::tally(&invite, arrived, now);
    for warning in &tally.warnings {
        config.warn(warning);
    }
    config.info(&gather::summary(&found, opened, tally.counted.len()));
    let every_code = !invite.codes.is_empty() && tally.answered() == invite.codes.len();
    let past = invite.closes.is_some_and(|c| c.is_past(now));
    if args.status || !(args.close || past || every_code) {
        let status = status::Status::open(&invite, &tally, &round.sent()?);
        return status.write(config, &args, &invite, out);
    }
    let why = if args.close {
        "you asked to close it".to_owned()
    } else if every_code {
        "every code has an answer".to_owned()
    } else {
        format!(
            "its last day was {}",
            invite.closes.map(|c| c.day.to_string()).unwrap_or_default()
        )
    };
    let context = close::Context {
        config,
        args: &args,
        data: &data,
        round: &round,
        invite: &invite,
        identity: &identity,
    };
    close::close(&context, tally, now, &why, out)
}

/// The round `spec` names: an invitation (a `.toml` file, or a folder
/// holding `invite.toml`), kept in this data directory the first time; or
/// the id of a round kept here.
fn locate(data: &DataDir, spec: &str) -> Result<(RoundFolder, Invite)> {
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
fn identity(data: &DataDir, invite: &Invite, explicit: Option<&Path>) -> Result<String> {
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
            format!(
                "only {} can open them: collect on their machine, or pass --identity FILE with \
                 their key",
                clean_line(name)
            ),
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
