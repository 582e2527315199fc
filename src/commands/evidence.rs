//! `leadgap evidence`: measure a few facts from a calendar export and the
//! team's repositories, on this machine, into an evidence file that
//! `assess --evidence` reads.

use clap::Args;
use std::io::Write;
use std::path::PathBuf;

use crate::Config;
use crate::error::{Error, Result, exit};
use crate::evidence::{self, Inputs, Window, people::People};
use crate::render::{self, Format};

/// `leadgap evidence`
#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// A calendar export (.ics from Google Calendar, Outlook, Thunderbird or Apple Calendar); repeat for several
    #[arg(long, value_name = "FILE.ics")]
    pub calendar: Vec<PathBuf>,

    /// A git repository of the team's work; repeat for several
    #[arg(long, value_name = "DIR")]
    pub repo: Vec<PathBuf>,

    /// Who is who: the raters' CSV (name,email,group) — direct-report rows are the team, stakeholder and supplier rows (a supplier may be *@domain) whom meetings are with
    #[arg(long, value_name = "FILE")]
    pub people: Option<PathBuf>,

    /// Your address; repeat for several [default: the calendar's owner, the repositories' user.email]
    #[arg(long, value_name = "EMAIL")]
    pub me: Vec<String>,

    /// How many weeks to measure, ending with --until
    #[arg(long, default_value_t = 13, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=520))]
    pub weeks: u32,

    /// The last day measured: 2026-11-30, or +0d for today [default: today]
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// How to print the figures (json is the evidence file `assess --evidence` reads)
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::evidence::FORMATS))]
    pub format: Format,

    #[command(flatten)]
    pub output: super::Output,
}

/// Runs `leadgap evidence`.
pub fn run(config: &Config, args: EvidenceArgs, out: &mut dyn Write) -> Result<u8> {
    if args.calendar.is_empty() && args.repo.is_empty() {
        return Err(Error::Usage {
            message: "nothing to measure: give a calendar export, a repository, or both".to_owned(),
            help: Some(
                "leadgap evidence --calendar work.ics --repo ~/src/infra --people raters.csv \
                 --format json -o evidence.json"
                    .to_owned(),
            ),
        });
    }
    let today = config.today()?;
    let until = match &args.until {
        Some(text) => crate::interval::parse_date(text, today)
            .map_err(|problem| Error::user(format!("--until: {problem}")))?,
        None => today,
    };
    let people = match &args.people {
        Some(path) => People::read(path)?,
        None => Vec::new(),
    };
    let inputs = Inputs {
        calendars: args.calendar,
        repositories: args.repo,
        people,
        me: args.me,
        window: Window::ending(until, args.weeks),
    };
    let (evidence, warnings) = evidence::measure(&inputs)?;
    for warning in &warnings {
        config.warn(warning);
    }
    render::evidence::render(&evidence, args.format, config.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
