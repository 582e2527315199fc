//! The `leadgap` binary: parse the command line, run, report an error and
//! exit with the code of the README's "Exit codes".

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use leadgap::error::{Error, exit};

fn main() -> ExitCode {
    let cli = match leadgap::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // `--help`, `--version` and usage errors, written so that a full disk
        // or a closed pipe is an exit code and not a panic.
        Err(clap) => return clap_exit(&clap),
    };
    let color = cli.color;
    let invocation = leadgap::Invocation::of_this_process(cli.data_dir.as_deref());
    match leadgap::run(cli) {
        Ok(code) => ExitCode::from(code),
        // `leadgap history | head`: the reader has all it wanted.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            leadgap::print_error(&error, color, &invocation);
            ExitCode::from(error.exit_code())
        }
    }
}

/// Prints what clap has to say and returns its exit code: 0 for help and
/// the version, 2 for usage errors, 1 when the help cannot be written. A
/// secret key given in the wrong place is not echoed back.
fn clap_exit(clap: &clap::Error) -> ExitCode {
    let terminal = if clap.use_stderr() {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let color = terminal && std::env::var_os("NO_COLOR").is_none();
    let rendered = if color {
        clap.render().ansi().to_string()
    } else {
        clap.render().to_string()
    };
    let text = leadgap::hide_secrets(&rendered);
    let written = if clap.use_stderr() {
        std::io::stderr().write_all(text.as_bytes())
    } else {
        std::io::stdout()
            .write_all(text.as_bytes())
            .and_then(|()| std::io::stdout().flush())
    };
    match written {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            let invocation = leadgap::Invocation::of_this_process(None);
            leadgap::print_error(
                &Error::stdout(error),
                leadgap::ColorChoice::Auto,
                &invocation,
            );
            ExitCode::from(exit::FAILURE)
        }
        Ok(()) => ExitCode::from(u8::try_from(clap.exit_code()).unwrap_or(exit::USAGE)),
    }
}
