//! The arguments of the commands that answer and check: `assess`,
//! `template`, `check`, `list`.

use std::path::PathBuf;

use clap::Args;

use super::{formats, parse_score};
use crate::render::{self, Format};

/// `leadgap assess`
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The questionnaire: a built-in or installed name, or a file path [default: it-manager, or the answer file's]
    #[arg(short, long, value_name = "NAME|PATH")]
    pub questionnaire: Option<String>,

    /// Score with this rubric instead of the questionnaire's own
    #[arg(short, long, value_name = "PATH")]
    pub rubric: Option<PathBuf>,

    /// Whose targets to compare against, e.g. new-manager or director [default: the rubric's]
    #[arg(short, long, value_name = "NAME")]
    pub profile: Option<String>,

    /// Read the answers from this file instead of asking (`-` reads standard input)
    #[arg(short, long, value_name = "PATH|-")]
    pub answers: Option<String>,

    /// Count questions missing from the answer file as skipped instead of an
    /// error (never a required one: a fact cannot be left out)
    #[arg(long, requires = "answers")]
    pub allow_partial: bool,

    /// How to print the report
    #[arg(short, long, default_value = "table", value_parser = formats(render::gap::FORMATS))]
    pub format: Format,

    /// Do not save the report to history
    #[arg(long)]
    pub no_save: bool,

    /// Exit with status 3 when the overall score is below SCORE (0-100)
    #[arg(long, value_name = "SCORE", value_parser = parse_score)]
    pub fail_under: Option<f64>,

    /// Who answered: `self`, or the name of someone rating the subject [default: the answer file's, else self]
    #[arg(long, value_name = "NAME")]
    pub rater: Option<String>,

    /// Whom the answers are about [default: the answer file's respondent]
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,

    /// Write the report to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Place each score and change against a cohort's norms file (made by `leadgap norms`)
    #[arg(long, value_name = "FILE")]
    pub norms: Option<PathBuf>,

    /// Continue the unfinished interactive run at its first unanswered question
    #[arg(long, conflicts_with = "answers")]
    pub resume: bool,

    /// Ask for an optional note to your mentor after each theme
    #[arg(long, conflicts_with = "answers")]
    pub notes: bool,

    /// Do not ask for an example when a statement gets its strongest answer
    #[arg(long, conflicts_with = "answers")]
    pub no_evidence: bool,
}

/// `leadgap template`
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The questionnaire: a built-in or installed name, or a file path
    #[arg(short, long, value_name = "NAME|PATH", default_value = crate::catalog::DEFAULT_QUESTIONNAIRE)]
    pub questionnaire: String,

    /// Write the template to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `leadgap check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files to check: questionnaires, rubrics, answer files, saved reports, plans (`-` reads standard input)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Check rubrics and answer files against this questionnaire [default: the one each file names]
    #[arg(short, long, value_name = "NAME|PATH")]
    pub questionnaire: Option<String>,

    /// Accept answer files with missing answers (as `assess --allow-partial` would)
    #[arg(long)]
    pub allow_partial: bool,
}

/// `leadgap list`
#[derive(Debug, Args)]
pub struct ListArgs {
    /// How to print the list
    #[arg(short, long, default_value = "table", value_parser = formats(&[Format::Table, Format::Json]))]
    pub format: Format,
}
