//! `leadgap completions` and `leadgap man`: generated from the command-line
//! definition, never written by hand.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::error::{Error, Result, exit};

/// Prints completions for a shell. They are generated in memory first: the
/// generator cannot report a failed write (it panics), and a full disk or a
/// closed pipe must end in an exit code.
pub fn completions(args: CompletionsArgs, out: &mut dyn Write) -> Result<u8> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "leadgap", &mut script);
    out.write_all(&script)
        .and_then(|()| out.flush())
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// Prints the man page.
pub fn man(out: &mut dyn Write) -> Result<u8> {
    clap_mangen::Man::new(Cli::command())
        .render(out)
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
