//! `leadgap import`: bring received report files — the team report a
//! collector sent, a mentor's view — into the data directory, where `show`,
//! `history` and `latest` set them beside your own.

use clap::Args;
use std::io::Write;
use std::path::PathBuf;

use crate::Config;
use crate::error::{Error, Result, exit};
use crate::output::clean_line;
use crate::render::text::who;
use crate::store::Imported;

/// `leadgap import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The report files to bring in
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Runs `leadgap import`: every file, or none past the first that fails.
pub fn run(config: &Config, args: ImportArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir()?;
    for file in &args.files {
        let (imported, report) = data.import_report(file)?;
        let what = clean_line(&who(&report)).into_owned();
        let line = match imported {
            Imported::Saved(path) => {
                format!("Imported {} ({what}) as {}", report.id, path.display())
            }
            Imported::AlreadyThere(_) => format!("Already here: {} ({what})", report.id),
        };
        writeln!(out, "{line}").map_err(Error::stdout)?;
    }
    config.info(&format!(
        "See it beside your own with: {}",
        config.invocation().command("show latest")
    ));
    Ok(exit::SUCCESS)
}
