//! leadgap: a self-assessment for people moving from hands-on IT work into
//! managing an IT team. It scores a questionnaire against a rubric, prints a
//! gap report and keeps a history of reports.
//!
//! `main.rs` parses the command line and calls [`run`]; everything else lives
//! here so that tests can reach it. The map of the modules, and the rule
//! that keeps data flowing one way, is `docs/ARCHITECTURE.md`.

pub(crate) mod answers;
pub(crate) mod catalog;
pub mod cli;
pub(crate) mod clock;
pub(crate) mod cohort;
mod commands;
pub(crate) mod comparison;
pub(crate) mod config;
pub(crate) mod document;
pub mod error;
pub(crate) mod evidence;
pub(crate) mod files;
pub(crate) mod interval;
pub(crate) mod output;
pub(crate) mod plan;
pub(crate) mod programme;
pub(crate) mod quality;
pub(crate) mod questionnaire;
pub(crate) mod render;
pub(crate) mod report;
pub(crate) mod rounding;
pub(crate) mod rubric;
pub(crate) mod scoring;
pub(crate) mod source;
pub(crate) mod spool;
pub(crate) mod stats;
pub(crate) mod store;
pub(crate) mod team;
#[doc(hidden)]
pub mod testing;
pub(crate) mod trend;

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;
use cli::{Cli, Command};
use error::{Error, Result};
use output::{clean, paint, styles};

pub use config::{Config, Invocation};
pub use output::{ColorChoice, hide_secrets};

/// Runs one command and returns its exit code (see [`error::exit`]).
pub fn run(cli: Cli) -> Result<u8> {
    let output = cli.command.output().map(Path::to_path_buf);
    let invocation = Invocation::of_this_process(cli.data_dir.as_deref());
    let config = Config::new(cli.color, cli.data_dir, output.is_some(), invocation);
    match output {
        // Into a buffer first: the file is written whole, or not at all.
        Some(path) => {
            let mut buffer = Vec::new();
            let code = dispatch(&config, cli.command, &mut buffer)?;
            files::write_output(&path, &buffer)?;
            config.info(&format!("Wrote {}", path.display()));
            Ok(code)
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let code = dispatch(&config, cli.command, &mut out);
            // Whatever happened, what was printed so far reaches the reader.
            let flushed = out.flush().map_err(Error::stdout);
            let code = code?;
            flushed?;
            Ok(code)
        }
    }
}

fn dispatch(config: &Config, command: Command, out: &mut dyn Write) -> Result<u8> {
    match command {
        Command::Assess(args) => commands::assess::run(config, args, out),
        Command::Template(args) => commands::template::run(config, args, out),
        Command::Check(args) => commands::check::run(config, args, out),
        Command::List(args) => commands::list::run(config, args, out),
        Command::Show(args) => commands::show::run(config, args, out),
        Command::History(args) => commands::history::run(config, args, out),
        Command::Diff(args) => commands::diff::run(config, args, out),
        Command::Compare(args) => commands::compare::run(config, args, out),
        Command::Note(args) => commands::note::run(config, args, out),
        Command::Import(args) => commands::import::run(config, args, out),
        Command::Evidence(args) => commands::evidence::run(config, args, out),
        Command::Cohort(args) => commands::cohort::run(config, args, out),
        Command::Norms(args) => commands::norms::run(config, args, out),
        Command::Plan(args) => commands::plan::run(config, args, out),
        Command::Key(args) => commands::key::run(config, args, out),
        Command::Raters(args) => commands::raters::run(config, args, out),
        Command::Invite(args) => commands::invite::run(config, args, out),
        Command::Respond(args) => commands::respond::run(config, args, out),
        Command::Collect(args) => commands::collect::run(config, args, out),
        Command::Completions(args) => commands::packaging::completions(args, Cli::command(), out),
        Command::Man(args) => commands::packaging::man(args, Cli::command(), out),
    }
}

/// Prints `error` on standard error: one `error:` line per problem, each
/// followed by its `help:` line when there is one. The commands a help line
/// suggests are written as `invocation` ran leadgap.
pub fn print_error(error: &Error, color: ColorChoice, invocation: &Invocation) {
    let color = color.for_stderr();
    let mut stderr = std::io::stderr().lock();
    // Every message may quote a file's text or a file name: neutralised.
    // Stopping with Ctrl-C is the user's choice, not an error.
    if let Error::Interrupted { help } = error {
        let _ = writeln!(stderr, "{}", invocation.hints(&clean(help)));
        return;
    }
    let lines = error.lines();
    for (message, help) in &lines {
        let _ = writeln!(
            stderr,
            "{} {}",
            paint(color, styles::ERROR, "error:"),
            clean(message)
        );
        if let Some(help) = help {
            let _ = writeln!(
                stderr,
                "  {} {}",
                paint(color, styles::HELP, "help:"),
                invocation.hints(&clean(help))
            );
        }
    }
    if lines.len() > 1 {
        let _ = writeln!(stderr, "{} problems found", lines.len());
    }
}
