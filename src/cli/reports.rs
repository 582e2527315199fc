//! The arguments of the commands that read saved reports: `show`,
//! `history`, `diff`, `compare`, `note`, `cohort`.

use std::path::PathBuf;

use clap::Args;

use super::{formats, parse_score};
use crate::render::{self, Format};

/// `leadgap show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A report id, `latest`, or the path of a report file
    #[arg(default_value = "latest", value_name = "ID|latest|PATH")]
    pub report: String,

    /// How to print the report
    #[arg(short, long, default_value = "table", value_parser = formats(render::gap::FORMATS))]
    pub format: Format,

    /// List every answer per theme, with its points, to see what pulled a theme down (HTML always has them, folded)
    #[arg(long)]
    pub answers: bool,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Place each score and change against a cohort's norms file (made by `leadgap norms`)
    #[arg(long, value_name = "FILE")]
    pub norms: Option<PathBuf>,
}

/// `leadgap history`
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Read reports from this folder instead of the data directory
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,

    /// Show one theme's trend in detail
    #[arg(long, value_name = "ID")]
    pub theme: Option<String>,

    /// How to print the history
    #[arg(short, long, default_value = "table", value_parser = formats(render::history::FORMATS))]
    pub format: Format,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Place each score and change against a cohort's norms file (made by `leadgap norms`)
    #[arg(long, value_name = "FILE")]
    pub norms: Option<PathBuf>,
}

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
    #[arg(short, long, default_value = "table", value_parser = formats(render::diff::FORMATS))]
    pub format: Format,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Place each score and change against a cohort's norms file (made by `leadgap norms`)
    #[arg(long, value_name = "FILE")]
    pub norms: Option<PathBuf>,
}

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
    #[arg(long, value_name = "POINTS", default_value_t = 15.0, value_parser = parse_score)]
    pub threshold: f64,

    /// Compare even if the reports name different respondents
    #[arg(long)]
    pub force: bool,

    /// How to print the comparison
    #[arg(short, long, default_value = "table", value_parser = formats(render::compare::FORMATS))]
    pub format: Format,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `leadgap note`
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The report to annotate (id, `latest` or path)
    #[arg(value_name = "REPORT")]
    pub report: String,

    /// The theme the note is about
    #[arg(long, value_name = "ID")]
    pub theme: String,

    /// Who writes the note
    #[arg(long, value_name = "NAME")]
    pub author: String,

    /// The note
    #[arg(value_name = "TEXT")]
    pub text: String,
}

/// `leadgap cohort`
#[derive(Debug, Args)]
pub struct CohortArgs {
    /// Folders of report files (each person's latest self-assessment counts)
    #[arg(required = true, value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    /// Replace names with "Person 1", "Person 2"… and hide groups of fewer than 3 people
    #[arg(long)]
    pub anonymous: bool,

    /// Per theme, whether its questions hang together: Cronbach's alpha, and per question
    /// its mean, spread, item-rest correlation and alpha if dropped
    #[arg(long, conflicts_with_all = ["anonymous", "roster"])]
    pub items: bool,

    /// Who is due: everyone on this list (one name a line) without a self-assessment
    /// within --every; exit code 3 when anyone is
    #[arg(
        long,
        value_name = "FILE",
        requires = "every",
        conflicts_with = "anonymous"
    )]
    pub roster: Option<PathBuf>,

    /// How often people re-assess, for --roster: days, weeks or months (90d, 13w, 3m)
    #[arg(long, value_name = "DURATION", requires = "roster")]
    pub every: Option<String>,

    /// A norms file (`leadgap norms`): the page shows each theme's middle half in the norms
    #[arg(long, value_name = "FILE", conflicts_with = "items")]
    pub norms: Option<PathBuf>,

    /// How to print the cohort
    #[arg(short, long, default_value = "table", value_parser = formats(render::cohort::FORMATS))]
    pub format: Format,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
