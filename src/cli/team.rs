//! The arguments of the team feedback round: `key`, `invite`, `respond`,
//! `collect`.

use std::path::PathBuf;

use clap::{ArgGroup, Args};

use super::formats;
use crate::render::{self, Format};

/// `leadgap key`
#[derive(Debug, Args)]
pub struct KeyArgs {}

/// `leadgap invite`
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("holder").args(["recipient", "self_collect"]).multiple(false)))]
pub struct InviteArgs {
    /// The team form, or a self form whose team form is built in or installed
    #[arg(short, long, value_name = "NAME|PATH", default_value = "it-manager")]
    pub questionnaire: String,

    /// Whom the round is about (the manager the team answers about)
    #[arg(long, value_name = "NAME")]
    pub subject: String,

    /// The collector's public key (age1…, from `leadgap key` on their machine): only they can open the answers
    #[arg(long, value_name = "AGE-PUBLIC-KEY", requires = "collector")]
    pub recipient: Option<String>,

    /// Who holds that key, as the raters should read it: "Morgan Lee (your mentor)"
    #[arg(long, value_name = "NAME", requires = "recipient")]
    pub collector: Option<String>,

    /// The subject collects the answers with the round's own key, and the form tells raters so
    #[arg(long)]
    pub self_collect: bool,

    /// A group raters choose from (repeat it); default: direct-report, peer, stakeholder, manager
    #[arg(long = "group", value_name = "ID")]
    pub groups: Vec<String>,

    /// No figure rests on fewer responses than this (at least 3)
    #[arg(long, value_name = "N", default_value_t = crate::team::MIN_GROUP)]
    pub min_group: usize,

    /// Show this group even with one response, as the form tells it: only `manager`
    #[arg(long = "open-group", value_name = "GROUP")]
    pub open_groups: Vec<String>,

    /// Make N personal invitations, each with a single-use code: one counted answer per code
    #[arg(long, value_name = "N")]
    pub raters: Option<usize>,

    /// The last day to answer: a date (2027-01-15) or from today (+10d, +2w)
    #[arg(long, value_name = "DATE")]
    pub closes: Option<String>,

    /// Where raters send their answers: an email address, or words ("to Morgan in Teams")
    #[arg(long, value_name = "TEXT")]
    pub reply_to: Option<String>,

    /// Write the invitations into this folder [default: ./leadgap-invite-ROUND]
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// `leadgap respond`
#[derive(Debug, Args)]
pub struct RespondArgs {
    /// The invitation: its .toml file, or the folder that holds invite.toml
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
    /// The round: its invite.toml (or the folder holding it), or its id in this data directory
    #[arg(value_name = "ROUND|INVITE")]
    pub round: String,

    /// Responses: .age files, texts or emails holding armored answers, folders of them, `-` for standard input [default: the current folder]
    #[arg(value_name = "FILE|DIR|-")]
    pub responses: Vec<PathBuf>,

    /// The age identity that opens the responses [default: this data directory's collector key, or the round's own]
    #[arg(long, value_name = "FILE")]
    pub identity: Option<PathBuf>,

    /// Only say how many responses have arrived; never close the round
    #[arg(long, conflicts_with = "close")]
    pub status: bool,

    /// Close the round now and make its one report (else it closes after --closes, or when every code is used)
    #[arg(long)]
    pub close: bool,

    /// How to print the team's view
    #[arg(short, long, default_value = "table", value_parser = formats(render::gap::FORMATS))]
    pub format: Format,

    /// Keep the round's report in its folder only, not in your history
    #[arg(long)]
    pub no_save: bool,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
