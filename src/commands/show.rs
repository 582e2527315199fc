//! `leadgap show`: print a saved report again, with its history.

use std::io::Write;
use std::sync::Arc;

use crate::Config;
use crate::cli::ShowArgs;
use crate::error::{Error, Result, exit};
use crate::programme::norms::Norms;
use crate::render::{Extras, gap};

/// Runs `leadgap show`.
pub fn run(config: &Config, args: ShowArgs, out: &mut dyn Write) -> Result<u8> {
    let norms = args.norms.as_deref().map(Norms::read).transpose()?;
    let (path, report) = config.load_report(&args.report)?;
    // A report's history is the earlier reports of its series in its folder.
    let others = config.earlier_in_series(&args.report, &path, &report)?;
    let plan = config.load_plan();
    let mut extras = Extras::new(
        &report,
        others.reports.iter().map(|l| &l.report),
        plan.as_ref(),
        config.today()?,
    );
    // The other side of its triangulation (the team's view of a
    // self-assessment, the self-assessment beside a team's), in full.
    extras.beside = others
        .counterpart
        .and_then(|l| crate::store::load_report(&l.path).ok());
    extras.answers = args.answers;
    extras.norms = norms.map(Arc::new);
    gap::render(&report, &extras, args.format, config.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
