//! `leadgap cohort`: the latest self-assessment of each person in one or
//! more folders, per theme and as a people × themes grid; or how each
//! theme's questions hang together (`--items`); or who is due (`--roster`).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Context;
use crate::cli::CohortArgs;
use crate::cohort::{self, latest_self};
use crate::error::{Error, Result, exit};
use crate::items::Collector;
use crate::render;
use crate::roster::{self, Every};
use crate::source::Source;
use crate::store::{Loaded, load_report};

/// Runs `leadgap cohort`.
pub fn run(context: &Context, args: CohortArgs, out: &mut dyn Write) -> Result<u8> {
    let loaded = load(context, &args.folders)?;
    if let (Some(roster), Some(every)) = (&args.roster, &args.every) {
        return due(context, &loaded, roster, every, &args, out);
    }
    if args.items {
        // One full report at a time: only the running figures are kept.
        let mut collector = Collector::default();
        for latest in latest_self(&loaded, |l| &l.report) {
            collector.add(&load_report(&latest.path)?);
        }
        render::items::render(&collector.finish(), args.format, context.look(), out)
            .map_err(Error::stdout)?;
        return Ok(exit::SUCCESS);
    }
    let reports: Vec<_> = loaded.iter().map(|l| &l.report).collect();
    let cohort = cohort::cohort(&reports, args.anonymous);
    render::cohort::render(&cohort, args.format, context.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// The reports of `folders`, each read as a summary, with a warning for
/// each self-assessment that names nobody.
pub fn load(context: &Context, folders: &[PathBuf]) -> Result<Vec<Loaded>> {
    let mut loaded = Vec::new();
    for folder in folders {
        if !folder.is_dir() {
            return Err(Error::user(format!(
                "`{}` is not a folder of reports",
                folder.display()
            )));
        }
        loaded.extend(context.load_reports(folder)?);
    }
    context.warn_unnamed(&loaded);
    Ok(loaded)
}

/// `--roster FILE --every DURATION`: exit code 3 when anyone is due.
fn due(
    context: &Context,
    loaded: &[Loaded],
    roster: &Path,
    every: &str,
    args: &CohortArgs,
    out: &mut dyn Write,
) -> Result<u8> {
    let interval = Every::parse(every).map_err(|e| Error::user(format!("--every: {e}")))?;
    let names = roster::names(&Source::read(roster)?.text);
    if names.is_empty() {
        return Err(Error::user_with_help(
            format!("the roster `{}` names nobody", roster.display()),
            "write one name a line, as people give it when they assess",
        ));
    }
    let latest: Vec<_> = latest_self(loaded, |l| &l.report)
        .into_iter()
        .filter_map(|l| {
            let at = chrono::DateTime::parse_from_rfc3339(&l.report.created).ok()?;
            Some((l.report.respondent.clone()?, at.to_utc()))
        })
        .collect();
    let entries = roster::check(&names, &latest, interval, context.today()?);
    render::roster::render(&entries, every.trim(), args.format, context.look(), out)
        .map_err(Error::stdout)?;
    Ok(if entries.iter().any(|e| e.due) {
        exit::BELOW_THRESHOLD
    } else {
        exit::SUCCESS
    })
}
