//! `leadgap show`: print a saved report again.

use std::io::Write;

use crate::Context;
use crate::cli::ShowArgs;
use crate::error::{Error, Result, exit};
use crate::report;
use crate::store;

/// Runs `leadgap show`.
pub fn run(context: &Context, args: ShowArgs, out: &mut dyn Write) -> Result<u8> {
    let path = if store::is_report_id(&args.report) || args.report == "latest" {
        context.data_dir()?.find_report(&args.report)?
    } else {
        args.report.clone().into()
    };
    let report = store::load_report(&path)?;
    report::renderer(args.format, context.stdout_color(), context.width())
        .render(&report, out)
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
