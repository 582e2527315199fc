//! `leadgap collect`: open the responses of a round with the collector's
//! key, count them under the round's rules, and — once the round closes —
//! make, sign, save and print its one report. Before it closes only how
//! many have arrived is said; after, the same report is printed again and no
//! other is made. A response's answers live only in memory here; nothing of
//! them but the aggregate is written, and the comments only sealed.

mod again;
mod close;
mod gather;
mod print;
mod round;
mod status;

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::Config;

use crate::error::Result;
use crate::render::{self, Format};
use crate::team::counting::{self, Arrived};
use crate::team::envelopes::Skipped;
use crate::team::opening;

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
    let (round, invite) = round::locate(&data, &args.round)?;
    let identity = round::identity(&data, &invite, args.identity.as_deref())?;
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
    let context = close::Context {
        config,
        args: &args,
        data: &data,
        round: &round,
        invite: &invite,
        identity: &identity,
    };
    if let Some(closed) = round.closed()? {
        return again::again(&context, &closed, arrived, out);
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
    close::close(&context, tally, now, &why, out)
}
