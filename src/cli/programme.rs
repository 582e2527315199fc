//! The arguments of programmes: `norms`.

use std::path::PathBuf;

use clap::Args;

/// `leadgap norms`
#[derive(Debug, Args)]
pub struct NormsArgs {
    /// Folders of report files (each person's latest self-assessment counts)
    #[arg(required = true, value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    /// Write the norms file here (atomically)
    #[arg(short, long, value_name = "FILE", required = true)]
    pub output: Option<PathBuf>,

    /// Refuse to make norms from fewer people than this (at least 10)
    #[arg(long, value_name = "N", default_value_t = crate::programme::norms::MIN_RESPONDENTS)]
    pub min: usize,
}
