//! `leadgap plan`: the action plan, listed, added to and kept up to date.

use clap::{Args, Subcommand};
use std::io::Write;

mod change;

use crate::Config;

use crate::error::{Error, Result, exit};
use crate::interval::Every;
use crate::plan::Status;
use crate::render::{self, Format};
use crate::store::{self, DataDir};
use change::{Edit, add, close, edit};

/// `leadgap plan`
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PlanArgs {
    /// What to do with the plan [default: list the open actions]
    #[command(subcommand)]
    pub command: Option<PlanCommand>,

    /// List every action, done and dropped ones too
    #[arg(long)]
    pub all: bool,

    /// How to print the list
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::plan::FORMATS))]
    pub format: Format,

    #[command(flatten)]
    pub output: crate::commands::Output,
}

/// `leadgap plan …`
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Commit to a new action
    Add {
        /// The theme it works on
        #[arg(long, value_name = "ID")]
        theme: String,

        /// When it is due: a date (2027-01-15) or from today (+10d, +6w, +2m)
        #[arg(long, value_name = "DATE", default_value = "+30d")]
        due: String,

        /// What you will do
        #[arg(value_name = "TEXT")]
        text: String,
    },
    /// Mark an action done
    Done {
        /// The action's number (see `leadgap plan`)
        #[arg(value_name = "N")]
        number: u32,

        /// How it went
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Drop an action you will not do
    Drop {
        /// The action's number (see `leadgap plan`)
        #[arg(value_name = "N")]
        number: u32,

        /// Why
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Change an action's text, due date or theme
    Edit {
        /// The action's number (see `leadgap plan`)
        #[arg(value_name = "N")]
        number: u32,

        /// The new text
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,

        /// The new due date: a date (2027-01-15) or from today (+10d, +6w, +2m)
        #[arg(long, value_name = "DATE")]
        due: Option<String>,

        /// The new theme
        #[arg(long, value_name = "ID")]
        theme: Option<String>,
    },
}

/// Runs `leadgap plan`.
pub fn run(config: &Config, args: PlanArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir()?;
    let today = config.today()?;
    match args.command {
        None => list(config, &data, args.all, args.format, today, out),
        Some(PlanCommand::Add { theme, due, text }) => {
            add(config, &data, &theme, &due, &text, today, out)
        }
        Some(PlanCommand::Done { number, note }) => close(&data, number, Status::Done, note, out),
        Some(PlanCommand::Drop { number, note }) => {
            close(&data, number, Status::Dropped, note, out)
        }
        Some(PlanCommand::Edit {
            number,
            text,
            due,
            theme,
        }) => {
            let change = Edit { text, due, theme };
            edit(config, &data, number, change, today, out)
        }
    }
}

fn list(
    config: &Config,
    data: &DataDir,
    all: bool,
    format: Format,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<u8> {
    let plan = store::plan::load(data).map_err(|store::plan::Damaged(error)| error)?;
    if format == Format::Ics {
        // Every action: those done or dropped since an import are cancelled.
        let actions = plan.listing(today, true);
        let checkin = next_checkin(config, data, today)?;
        render::plan::calendar(&actions, checkin.as_ref(), crate::clock::now()?, out)
            .map_err(Error::stdout)?;
        return Ok(exit::SUCCESS);
    }
    let actions = plan.listing(today, all);
    render::plan::render(&actions, all, today, format, config.look(), out)
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// The next check-in: the profile's `checkin_every` (else 90 days) after
/// your latest self-assessment, and not before today.
fn next_checkin(
    config: &Config,
    data: &DataDir,
    today: chrono::NaiveDate,
) -> Result<Option<render::plan::CheckIn>> {
    let Some(report) = config.latest_own(data)?.report else {
        return Ok(None);
    };
    let created = report.created.time();
    let every = crate::catalog::questionnaire(&report.questionnaire.id, Some(data))
        .and_then(|found| crate::catalog::rubric(&found, None))
        .ok()
        .and_then(|rubric| {
            let profile = rubric.profile(Some(&report.rubric.profile)).ok()?;
            profile.checkin_every
        })
        .unwrap_or(DEFAULT_CHECKIN);
    let last = created.date_naive();
    Ok(Some(render::plan::CheckIn {
        date: every.after(last).max(today),
        person: report.respondent,
        last,
    }))
}

/// How long after a self-assessment the next check-in is, unless the
/// profile says otherwise.
const DEFAULT_CHECKIN: Every = Every::days(90);
