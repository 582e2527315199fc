//! Settings every command shares, resolved once from the command line: the
//! data directory, how output looks (color, width), and whether it goes to a
//! file. Also the few things every command does the same way: warnings and
//! information on standard error, and finding reports.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::clock;
use crate::error::Result;
use crate::output::{ColorChoice, clean, paint, styles};
use crate::plan::Plan;
use crate::render::Look;
use crate::report::Report;
use crate::store::{self, DataDir, Loaded};

/// Settings every command shares, resolved once from the command line.
#[derive(Debug)]
pub struct Context {
    /// `--data-dir` (or `LEADGAP_DATA_DIR`), if given.
    data_dir: Option<PathBuf>,
    /// How standard output looks: color off and a fixed width for a file.
    look: Look,
    /// Whether standard error is colored (prompts, warnings).
    stderr_color: bool,
    /// The warnings given so far: each is given once, even when two steps
    /// of a command come across the same damaged file.
    warned: std::cell::RefCell<std::collections::HashSet<String>>,
}

impl Context {
    /// The context of a run with `--color`, `--data-dir` and whether the
    /// output goes to a file (`--output`: no color, a fixed width).
    pub fn new(color: ColorChoice, data_dir: Option<PathBuf>, to_file: bool) -> Context {
        Context {
            data_dir,
            look: Look {
                color: !to_file && color.for_stdout(),
                width: width(to_file),
            },
            stderr_color: color.for_stderr(),
            warned: Default::default(),
        }
    }

    /// The data directory (`--data-dir`, `LEADGAP_DATA_DIR`, or the default).
    pub fn data_dir(&self) -> Result<DataDir> {
        DataDir::resolve(self.data_dir.as_deref())
    }

    /// How standard output looks.
    pub fn look(&self) -> Look {
        self.look
    }

    /// Whether to color standard error (prompts, warnings).
    pub fn stderr_color(&self) -> bool {
        self.stderr_color
    }

    /// The reports in `dir`, oldest first, warning about files that are not
    /// readable reports.
    pub fn load_reports(&self, dir: &Path) -> Result<Vec<Loaded>> {
        self.load_folder(dir, true)
    }

    /// The reports in the folder of a report opened by path (its history):
    /// other kinds of TOML file beside it (answer files, questionnaires) are
    /// passed over in silence; damaged reports are still warned about.
    pub fn load_reports_beside(&self, dir: &Path) -> Result<Vec<Loaded>> {
        self.load_folder(dir, false)
    }

    fn load_folder(&self, dir: &Path, warn_foreign: bool) -> Result<Vec<Loaded>> {
        let cache = self.data_dir().ok().map(|data| data.cache());
        let folder = store::load_folder(dir, cache.as_deref())?;
        for skipped in &folder.skipped {
            if warn_foreign || !skipped.foreign {
                self.warn(&skipped.warning());
            }
        }
        Ok(folder.reports)
    }

    /// The other reports of the folder of the report meant by `spec` and
    /// found at `path`: its history. The data directory's reports are all
    /// warned about; beside a report opened by path, other kinds of file
    /// are passed over.
    pub fn reports_beside(&self, spec: &str, path: &Path) -> Result<Vec<Loaded>> {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if store::is_report_id(spec) || spec == "latest" {
            self.load_reports(folder)
        } else {
            self.load_reports_beside(folder)
        }
    }

    /// Loads the report meant by `spec`: `latest` or an id (in the data
    /// directory), or else a path. `latest` is the newest readable report;
    /// newer files that are not readable reports are warned about.
    pub fn load_report(&self, spec: &str) -> Result<(PathBuf, Report)> {
        if spec == "latest" {
            let latest = self.data_dir()?.latest(|_| true)?;
            for skipped in &latest.skipped {
                self.warn(skipped);
            }
            return Ok((latest.path, latest.report));
        }
        let path = if store::is_report_id(spec) {
            self.data_dir()?.find_report(spec)?
        } else {
            PathBuf::from(spec)
        };
        let report = store::load_report(&path)?;
        Ok((path, report))
    }

    /// The action plan in the data directory, if there is a data directory;
    /// a damaged plan is a warning (and no plan), never an error here.
    pub fn load_plan(&self) -> Option<Plan> {
        let data = self.data_dir().ok()?;
        match store::plan::load(&data) {
            Ok(plan) => Some(plan),
            Err(store::plan::Damaged(error)) => {
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

    /// Prints a warning on standard error. Like every message, it is
    /// neutralised: it may quote a file's text or a file name.
    pub fn warn(&self, message: &str) {
        if !self.warned.borrow_mut().insert(message.to_owned()) {
            return;
        }
        let label = paint(self.stderr_color, styles::WARNING, "warning:");
        let _ = writeln!(std::io::stderr(), "{label} {}", clean(message));
    }

    /// Prints a line of information on standard error, where it does not mix
    /// with a report that a script reads from standard output.
    pub fn info(&self, message: &str) {
        let _ = writeln!(std::io::stderr(), "{}", clean(message));
    }
}

/// The width output fits: the terminal's when it goes to a terminal,
/// otherwise `COLUMNS`, otherwise 100.
fn width(to_file: bool) -> u16 {
    let terminal = (!to_file && std::io::stdout().is_terminal())
        .then(|| crossterm::terminal::size().ok().map(|(columns, _)| columns))
        .flatten()
        .filter(|columns| *columns > 0);
    let columns = || std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    terminal.or_else(columns).unwrap_or(100).max(20)
}
