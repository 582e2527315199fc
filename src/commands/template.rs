//! `leadgap template`: print a commented answer file.

use std::io::Write;

use crate::Config;
use crate::catalog;
use crate::cli::TemplateArgs;
use crate::error::{Error, Result, exit};
use crate::render;

/// Runs `leadgap template`.
pub fn run(config: &Config, args: TemplateArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir().ok();
    let found = catalog::questionnaire(&args.questionnaire, data.as_ref())?;
    out.write_all(render::template::render(&found.questionnaire).as_bytes())
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
