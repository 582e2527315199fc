//! The `leadgap` binary: parse the command line, run, report an error and
//! exit with the code of SPEC.md.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = leadgap::cli::Cli::parse();
    let color = cli.color;
    match leadgap::run(cli) {
        Ok(code) => ExitCode::from(code),
        // `leadgap history | head`: the reader has all it wanted.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            leadgap::print_error(&error, color);
            ExitCode::from(error.exit_code())
        }
    }
}
