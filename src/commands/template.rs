//! `leadgap template`: print a commented answer file.

use clap::Args;
use std::io::Write;

use crate::Config;
use crate::catalog;

use crate::error::{Error, Result, exit};
use crate::render;

/// `leadgap template`
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The questionnaire: a built-in or installed name, or a file path
    #[arg(short, long, value_name = "NAME|PATH", default_value = crate::catalog::DEFAULT_QUESTIONNAIRE)]
    pub questionnaire: String,

    #[command(flatten)]
    pub output: crate::commands::Output,
}

/// Runs `leadgap template`.
pub fn run(config: &Config, args: TemplateArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir().ok();
    let found = catalog::questionnaire(&args.questionnaire, data.as_ref())?;
    out.write_all(render::template::render(&found.questionnaire).as_bytes())
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
