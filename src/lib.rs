//! leadgap: a self-assessment for people moving from hands-on IT work into
//! managing an IT team. It scores a questionnaire against a rubric, prints a
//! gap report and keeps a history of reports.
//!
//! `main.rs` parses the command line and calls [`run`]; everything else lives
//! here so that tests can reach it.

pub mod answers;
pub mod catalog;
pub mod cli;
pub mod clock;
pub mod cohort;
mod commands;
pub mod comparison;
pub mod document;
pub mod error;
pub mod history;
pub mod html;
pub mod output;
pub mod plan;
pub mod progress;
pub mod quality;
pub mod questionnaire;
pub mod report;
pub mod rubric;
pub mod scoring;
pub mod source;
pub mod store;
pub mod svg;
pub mod template;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use cli::{Cli, Command};
use error::{Error, Result};
use output::{ColorChoice, paint, styles};
use store::DataDir;

/// Runs one command and returns its exit code (see [`error::exit`]).
pub fn run(cli: Cli) -> Result<u8> {
    let output = cli.command.output().map(Path::to_path_buf);
    let context = Context {
        color: cli.color,
        data_dir: cli.data_dir,
        to_file: output.is_some(),
    };
    match output {
        // Into a buffer first: the file is written whole, or not at all.
        Some(path) => {
            let mut buffer = Vec::new();
            let code = dispatch(&context, cli.command, &mut buffer)?;
            write_output(&path, &buffer)?;
            context.info(&format!("Wrote {}", path.display()));
            Ok(code)
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let code = dispatch(&context, cli.command, &mut out);
            // Whatever happened, what was printed so far reaches the reader.
            let flushed = out.flush().map_err(Error::stdout);
            let code = code?;
            flushed?;
            Ok(code)
        }
    }
}

fn dispatch(context: &Context, command: Command, out: &mut dyn Write) -> Result<u8> {
    match command {
        Command::Assess(args) => commands::assess::run(context, args, out),
        Command::Template(args) => commands::template::run(context, args, out),
        Command::Check(args) => commands::check::run(context, args, out),
        Command::List(args) => commands::list::run(context, args, out),
        Command::Show(args) => commands::show::run(context, args, out),
        Command::History(args) => commands::history::run(context, args, out),
        Command::Diff(args) => commands::diff::run(context, args, out),
        Command::Compare(args) => commands::compare::run(context, args, out),
        Command::Note(args) => commands::note::run(context, args, out),
        Command::Cohort(args) => commands::cohort::run(context, args, out),
        Command::Plan(args) => commands::plan::run(context, args, out),
        Command::Completions(args) => commands::packaging::completions(args, out),
        Command::Man => commands::packaging::man(out),
    }
}

/// Writes `-o FILE` atomically: a temporary file beside it, renamed over it.
fn write_output(path: &Path, contents: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::user(format!("`{}` is not a file name", path.display())))?;
    if path.is_dir() {
        return Err(Error::user(format!(
            "`{}` is a folder; name a file for --output",
            path.display()
        )));
    }
    store::replace(folder, &name, contents).map_err(|e| Error::io("write", path, e))?;
    Ok(())
}

/// Settings every command shares, resolved once from the command line.
#[derive(Debug)]
pub struct Context {
    color: ColorChoice,
    data_dir: Option<PathBuf>,
    /// Output goes to a file (`--output`): no color, a fixed width.
    to_file: bool,
}

impl Context {
    /// The data directory (`--data-dir`, `LEADGAP_DATA_DIR`, or the default).
    pub fn data_dir(&self) -> Result<DataDir> {
        DataDir::resolve(self.data_dir.as_deref())
    }

    /// Whether to color the output (never in a file).
    pub fn stdout_color(&self) -> bool {
        !self.to_file && self.color.for_stdout()
    }

    /// Whether to color standard error (prompts, warnings).
    pub fn stderr_color(&self) -> bool {
        self.color.for_stderr()
    }

    /// The width output fits: the terminal's when it goes to a terminal,
    /// otherwise `COLUMNS`, otherwise 100.
    pub fn width(&self) -> u16 {
        let terminal = (!self.to_file && std::io::stdout().is_terminal())
            .then(|| crossterm::terminal::size().ok().map(|(columns, _)| columns))
            .flatten()
            .filter(|columns| *columns > 0);
        let columns = || std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
        terminal.or_else(columns).unwrap_or(100).max(20)
    }

    /// A borderless table as wide as the output, without color: the layout
    /// of every listing (`history`, `diff`, `compare`, `cohort`, `plan`).
    pub fn new_table(&self) -> comfy_table::Table {
        let mut table = comfy_table::Table::new();
        table
            .load_style(comfy_table::presets::NOTHING)
            .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
            .set_width(self.width())
            .force_no_tty();
        table
    }

    /// The reports in `dir`, oldest first, warning about files that are not
    /// readable reports.
    pub fn load_reports(&self, dir: &std::path::Path) -> Result<Vec<history::Loaded>> {
        let cache = self.data_dir().ok().map(|data| data.cache());
        let folder = history::load_folder(dir, cache.as_deref())?;
        for warning in &folder.warnings {
            self.warn(warning);
        }
        Ok(folder.reports)
    }

    /// The action plan in the data directory, if there is a data directory;
    /// a damaged plan is a warning (and no plan), never an error here.
    pub fn load_plan(&self) -> Option<plan::Plan> {
        let data = self.data_dir().ok()?;
        match plan::load(&data) {
            Ok(plan) => Some(plan),
            Err(plan::Damaged(error)) => {
                for (message, _) in error.lines() {
                    self.warn(&message);
                }
                None
            }
        }
    }

    /// Today's date (UTC), from the same clock as report times.
    pub fn today(&self) -> Result<chrono::NaiveDate> {
        Ok(clock::now()?.date_naive())
    }

    /// Prints a warning on standard error.
    pub fn warn(&self, message: &str) {
        let label = paint(self.color.for_stderr(), styles::WARNING, "warning:");
        let _ = writeln!(std::io::stderr(), "{label} {message}");
    }

    /// Prints a line of information on standard error, where it does not mix
    /// with a report that a script reads from standard output.
    pub fn info(&self, message: &str) {
        let _ = writeln!(std::io::stderr(), "{message}");
    }
}

/// Prints `error` on standard error: one `error:` line per problem, each
/// followed by its `help:` line when there is one.
pub fn print_error(error: &Error, color: ColorChoice) {
    let color = color.for_stderr();
    let mut stderr = std::io::stderr().lock();
    // Stopping with Ctrl-C is the user's choice, not an error.
    if let Error::Interrupted { help } = error {
        let _ = writeln!(stderr, "{help}");
        return;
    }
    let lines = error.lines();
    for (message, help) in &lines {
        let _ = writeln!(
            stderr,
            "{} {message}",
            paint(color, styles::ERROR, "error:")
        );
        if let Some(help) = help {
            let _ = writeln!(stderr, "  {} {help}", paint(color, styles::HELP, "help:"));
        }
    }
    if lines.len() > 1 {
        let _ = writeln!(stderr, "{} problems found", lines.len());
    }
}
