//! `leadgap diff`: two reports of the same person, theme by theme.

use crate::render::Format;
use clap::Args;
use std::io::Write;

use crate::Config;

use crate::comparison;
use crate::error::{Error, Result, exit};
use crate::render;
use crate::store;

/// `leadgap diff`
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier report (id, `latest` or path); alone, it is compared with the report before it
    #[arg(value_name = "A")]
    pub first: String,

    /// The later report (id, `latest` or path)
    #[arg(value_name = "B")]
    pub second: Option<String>,

    /// How to print the comparison
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::diff::FORMATS))]
    pub format: Format,

    #[command(flatten)]
    pub output: super::Output,

    #[command(flatten)]
    pub norms: super::NormsFile,
}

/// Runs `leadgap diff`.
pub fn run(config: &Config, args: DiffArgs, out: &mut dyn Write) -> Result<u8> {
    let norms = args.norms.load()?;
    let (first, second) = match &args.second {
        Some(second) => (
            config.load_report(&args.first)?.1,
            config.load_report(second)?.1,
        ),
        None => {
            // One report: compare it with the one before it in its series.
            let (path, report) = config.load_report(&args.first)?;
            let earlier = config.earlier_in_series(&args.first, &path, &report)?;
            let Some(previous) = earlier.reports.last() else {
                return Err(Error::user_with_help(
                    format!(
                        "`{}` is the first report of its series: there is nothing earlier to compare",
                        args.first
                    ),
                    "name two reports: `leadgap diff OLDER NEWER`",
                ));
            };
            // The listing holds summaries; the diff reads the whole file.
            (store::load_report(&previous.path)?, report)
        }
    };
    if let Some(round) = first.same_round(&second) {
        return Err(Error::user_with_help(
            format!("both are team reports of round {round}, which gives one report"),
            "a second report of a round is not leadgap's: keep the one `leadgap collect` made \
             when the round closed",
        ));
    }
    let mut diff = comparison::diff(&first, &second);
    if let Some(norms) = &norms {
        diff.judge(&second, norms);
    }
    render::diff::render(&diff, args.format, config.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
