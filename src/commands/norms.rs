//! `leadgap norms`: an anonymous norms file from the latest self-assessment
//! of each person in one or more folders.

use std::io::Write;
use std::path::PathBuf;

use crate::Context;
use crate::cli::NormsArgs;
use crate::cohort::latest_self;
use crate::error::{Error, Result, exit};
use crate::norms::{Builder, MIN_RESPONDENTS};
use crate::store::{Loaded, load_report};

/// Runs `leadgap norms`.
pub fn run(context: &Context, args: NormsArgs, out: &mut dyn Write) -> Result<u8> {
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
    let paths = latest_reports(context, &args.folders)?;
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

/// The files of each person's latest self-assessment in `folders`, with a
/// warning for each report that names nobody.
pub fn latest_reports(context: &Context, folders: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut loaded: Vec<Loaded> = Vec::new();
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
    Ok(latest_self(&loaded, |l| &l.report)
        .into_iter()
        .map(|l| l.path.clone())
        .collect())
}
