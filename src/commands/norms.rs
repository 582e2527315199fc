//! `leadgap norms`: an anonymous norms file from the latest self-assessment
//! of each person in one or more folders.

use clap::Args;
use std::io::Write;
use std::path::PathBuf;

use crate::Config;

use crate::cohort::latest_self;
use crate::error::{Error, Result, exit};
use crate::programme::norms::{Builder, MIN_RESPONDENTS};
use crate::store::load_report;

/// `leadgap norms`
#[derive(Debug, Args)]
pub struct NormsArgs {
    /// Folders of report files (each person's latest self-assessment counts)
    #[arg(required = true, value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    /// Write the norms file here (atomically)
    #[arg(short, long, value_name = "FILE", required = true)]
    pub output: Option<PathBuf>,

    /// Refuse to make norms from fewer people than this (at least 10)
    #[arg(long, value_name = "N", default_value_t = crate::programme::norms::MIN_RESPONDENTS)]
    pub min: usize,
}

/// Runs `leadgap norms`.
pub fn run(config: &Config, args: NormsArgs, out: &mut dyn Write) -> Result<u8> {
    if args.min < MIN_RESPONDENTS {
        return Err(Error::user_with_help(
            format!(
                "--min {} is too small: norms from fewer than {MIN_RESPONDENTS} people would show \
                 their scores",
                args.min
            ),
            format!("give {MIN_RESPONDENTS} or more"),
        ));
    }
    let loaded = super::cohort::load(config, &args.folders)?;
    let paths: Vec<_> = latest_self(&loaded, |l| &l.report)
        .into_iter()
        .map(|l| l.path.clone())
        .collect();
    drop(loaded);
    if paths.len() < args.min {
        return Err(Error::user_with_help(
            format!(
                "norms need at least {} people, and these folders hold the self-assessments of {}",
                args.min,
                paths.len()
            ),
            "add folders, or wait until more people have assessed; nothing was written",
        ));
    }
    // One full report at a time: only the figures are kept.
    let mut builder = Builder::default();
    for path in &paths {
        builder.add(&load_report(path)?);
    }
    let people = builder.respondents();
    let norms = builder.finish(args.min);
    let text =
        toml::to_string(&norms).map_err(|e| Error::user(format!("cannot write the norms: {e}")))?;
    writeln!(
        out,
        "# leadgap norms: the latest self-assessment of {people} people, per questionnaire and\n\
         # theme. No names, report ids or dates. Use with `--norms FILE`.\n\n{text}"
    )
    .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
