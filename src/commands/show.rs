//! `leadgap show`: print a saved report again, with its history.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Context;
use crate::cli::ShowArgs;
use crate::error::{Error, Result, exit};
use crate::report::{self, Extras, Report};
use crate::store;

/// Runs `leadgap show`.
pub fn run(context: &Context, args: ShowArgs, out: &mut dyn Write) -> Result<u8> {
    let path = find(context, &args.report)?;
    let report = store::load_report(&path)?;
    // A report's history is the other reports in its folder: the data
    // directory's, or the folder a mentor keeps someone's reports in.
    let folder = path.parent().unwrap_or(Path::new("."));
    let others = context.load_reports(folder)?;
    let plan = context.load_plan();
    let extras = Extras::new(
        &report,
        others.iter().map(|l| &l.report),
        plan.as_ref(),
        context.today()?,
    );
    report::renderer(args.format, context.stdout_color(), context.width())
        .render(&report, &extras, out)
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// The report file meant by `spec`: `latest` or an id (in the data
/// directory), or else a path.
pub fn find(context: &Context, spec: &str) -> Result<PathBuf> {
    if store::is_report_id(spec) || spec == "latest" {
        context.data_dir()?.find_report(spec)
    } else {
        Ok(PathBuf::from(spec))
    }
}

/// Loads the report meant by `spec` (see [`find`]).
pub fn load(context: &Context, spec: &str) -> Result<(PathBuf, Report)> {
    let path = find(context, spec)?;
    let report = store::load_report(&path)?;
    Ok((path, report))
}
