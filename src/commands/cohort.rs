//! `leadgap cohort`: the latest self-assessment of each person in one or
//! more folders, per theme and as a people × themes grid.

use std::io::Write;

use crate::Context;
use crate::cli::CohortArgs;
use crate::cohort;
use crate::error::{Error, Result, exit};
use crate::render;

/// Runs `leadgap cohort`.
pub fn run(context: &Context, args: CohortArgs, out: &mut dyn Write) -> Result<u8> {
    let mut loaded = Vec::new();
    for folder in &args.folders {
        if !folder.is_dir() {
            return Err(Error::user(format!(
                "`{}` is not a folder of reports",
                folder.display()
            )));
        }
        loaded.extend(context.load_reports(folder)?);
    }
    context.warn_unnamed(&loaded);
    let reports: Vec<_> = loaded.iter().map(|l| &l.report).collect();
    let cohort = cohort::cohort(&reports, args.anonymous);
    render::cohort::render(&cohort, args.format, context.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
