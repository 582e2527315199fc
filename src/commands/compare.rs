//! `leadgap compare`: a self-assessment against another rater's view of the
//! same person, with blind spots and hidden strengths.

use crate::render::Format;
use clap::Args;
use std::io::Write;

use crate::Config;

use crate::comparison;
use crate::error::{Error, Result, exit};
use crate::output::clean_line;
use crate::render;
use crate::report::Report;

/// `leadgap compare`
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The self-assessment (id, `latest` or path)
    #[arg(value_name = "SELF")]
    pub own: String,

    /// The other rater's report about the same person (id, `latest` or path)
    #[arg(value_name = "OTHER")]
    pub other: String,

    /// Flag themes where the two views differ by at least this many points
    #[arg(long, value_name = "POINTS", default_value_t = crate::comparison::FLAG_THRESHOLD, value_parser = crate::commands::parse_score)]
    pub threshold: f64,

    /// Compare even if the reports name different respondents
    #[arg(long)]
    pub force: bool,

    /// How to print the comparison
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::compare::FORMATS))]
    pub format: Format,

    #[command(flatten)]
    pub output: super::Output,
}

/// Runs `leadgap compare`.
pub fn run(config: &Config, args: CompareArgs, out: &mut dyn Write) -> Result<u8> {
    let (_, own) = config.load_report(&args.own)?;
    let (_, other) = config.load_report(&args.other)?;
    if own.rater == other.rater {
        return Err(Error::user_with_help(
            format!(
                "both reports are by the same rater (`{}`); compare needs two raters' views",
                own.rater
            ),
            "to see change over time, use `leadgap diff`",
        ));
    }
    if own.respondent != other.respondent && !args.force {
        let name = |r: &Report| {
            r.respondent
                .as_deref()
                .map_or_else(|| "no name".to_owned(), |n| format!("`{}`", clean_line(n)))
        };
        let unnamed = own.respondent.is_none() || other.respondent.is_none();
        return Err(Error::user_with_help(
            format!(
                "the reports are about different people ({} and {})",
                name(&own),
                name(&other)
            ),
            if unnamed {
                "a report without a name may still be about the same person: pass --force to \
                 compare them; name people when they assess (`leadgap assess --subject NAME`, or \
                 the name asked on a first run)"
            } else {
                "pass --force to compare them anyway"
            },
        ));
    }
    let comparison = comparison::compare(&own, &other, args.threshold);
    render::compare::render(&comparison, args.format, config.look(), out).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
