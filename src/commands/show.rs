//! `leadgap show`: print a saved report again, with its history.

use crate::render;
use crate::render::Format;
use clap::Args;
use std::io::Write;
use std::sync::Arc;

use crate::Config;

use crate::error::{Error, Result, exit};
use crate::render::{Extras, gap};

/// `leadgap show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A report id, `latest`, or the path of a report file
    #[arg(default_value = "latest", value_name = "ID|latest|PATH")]
    pub report: String,

    /// How to print the report
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::gap::FORMATS))]
    pub format: Format,

    /// List every answer per theme, with its points, to see what pulled a theme down (HTML always has them, folded)
    #[arg(long)]
    pub answers: bool,

    #[command(flatten)]
    pub output: super::Output,

    #[command(flatten)]
    pub norms: super::NormsFile,
}

/// Runs `leadgap show`.
pub fn run(config: &Config, args: ShowArgs, out: &mut dyn Write) -> Result<u8> {
    let norms = args.norms.load()?;
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
    // self-assessment, the self-assessment beside a team's), in full: from
    // the report's own folder, else — for a team report received by mail,
    // in Downloads — the manager's own from the data directory.
    let counterpart = others.counterpart.or_else(|| {
        report.team.as_ref()?;
        let data = config.data_dir().ok()?;
        let in_data = path.parent() == Some(data.reports().as_path());
        let found = (!in_data && data.reports().is_dir())
            .then(|| config.series_in(&data.reports(), false, &report).ok())
            .flatten()?;
        found.counterpart
    });
    extras.beside = counterpart.and_then(|l| crate::store::load_report(&l.path).ok());
    extras.answers = args.answers;
    extras.norms = norms.map(Arc::new);
    let format = args.output.report_format(args.format);
    gap::render(&report, &extras, format, config.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
