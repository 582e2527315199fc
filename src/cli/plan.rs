//! The arguments of `plan` and its subcommands.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::formats;
use crate::render::{self, Format};

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
    #[arg(short, long, default_value = "table", value_parser = formats(render::plan::FORMATS))]
    pub format: Format,

    /// Write the list to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
