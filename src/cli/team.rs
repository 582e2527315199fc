//! The arguments of the team feedback round: `invite`, `respond`, `collect`.

use std::path::PathBuf;

use clap::Args;

use super::formats;
use crate::render::{self, Format};

/// `leadgap invite`
#[derive(Debug, Args)]
pub struct InviteArgs {
    /// The team form, or a self form whose team form is built in or installed
    #[arg(short, long, value_name = "NAME|PATH", default_value = "it-manager")]
    pub questionnaire: String,

    /// Whom the round is about (the manager the team answers about)
    #[arg(long, value_name = "NAME")]
    pub subject: String,

    /// A group raters choose from (repeat it); default: direct-report, peer, stakeholder, manager
    #[arg(long = "group", value_name = "ID")]
    pub groups: Vec<String>,

    /// Show no group or theme with fewer responses than this (at least 3)
    #[arg(long, value_name = "N", default_value_t = crate::team::MIN_GROUP)]
    pub min_group: usize,

    /// Encrypt responses to this age key (age1…), e.g. a mentor's: only its owner can open them
    #[arg(long, value_name = "AGE-PUBLIC-KEY")]
    pub recipient: Option<String>,

    /// The last day to answer: a date (2027-01-15) or from today (+10d, +2w)
    #[arg(long, value_name = "DATE")]
    pub closes: Option<String>,

    /// Where raters send their response, as the form says it: "to Morgan (morgan@example.org)"
    #[arg(long, value_name = "TEXT")]
    pub reply_to: Option<String>,

    /// Write invite.html and invite.toml into this folder [default: ./leadgap-invite-ROUND]
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// `leadgap respond`
#[derive(Debug, Args)]
pub struct RespondArgs {
    /// The invite: its invite.toml, or the folder that holds it
    #[arg(value_name = "INVITE")]
    pub invite: PathBuf,

    /// Read the answers from this answer file (`-` for standard input) instead of asking
    #[arg(short, long, value_name = "FILE|-")]
    pub answers: Option<PathBuf>,

    /// Your group (how you work with the person), if the answers do not say
    #[arg(long, value_name = "ID")]
    pub group: Option<String>,

    /// Write the encrypted response here [default: ./response-ROUND-ID.age]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `leadgap collect`
#[derive(Debug, Args)]
pub struct CollectArgs {
    /// The round's id (as `invite` printed it)
    #[arg(value_name = "ROUND")]
    pub round: String,

    /// Response files, or folders of `*.age` files [default: the current folder]
    #[arg(value_name = "FILE|DIR")]
    pub responses: Vec<PathBuf>,

    /// The age identity that opens the responses, when the round was sent with --recipient
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,

    /// How to print the team's view
    #[arg(short, long, default_value = "table", value_parser = formats(render::gap::FORMATS))]
    pub format: Format,

    /// Print the team's view without saving it to history
    #[arg(long)]
    pub no_save: bool,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
