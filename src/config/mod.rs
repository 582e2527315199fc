//! Settings every command shares, resolved once from the command line: the
//! data directory, how output looks (color, width), and whether it goes to a
//! file. Also the few things every command does the same way: warnings and
//! information on standard error, and finding reports.

use std::cmp::Ordering;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::clock;
use crate::error::Result;
use crate::output::{ColorChoice, clean, paint, styles};
use crate::plan::Plan;
use crate::render::Look;
use crate::report::{Report, SELF_RATER};
use crate::store::{self, DataDir, Loaded};
use crate::trend;

mod invocation;
mod own;

pub use invocation::{Invocation, shell_word};

/// Your newest report, if you have one, and the newer files passed over.
#[derive(Debug)]
pub struct OwnLatest {
    /// Its file (empty when there is none).
    pub path: PathBuf,
    /// Your newest readable report.
    pub report: Option<Report>,
    /// Newer files that were not readable reports.
    pub skipped: Vec<String>,
}

/// Settings every command shares, resolved once from the command line.
#[derive(Debug)]
pub struct Config {
    /// `--data-dir` (or `LEADGAP_DATA_DIR`), if given.
    data_dir: Option<PathBuf>,
    /// How standard output looks: color off and a fixed width for a file.
    look: Look,
    /// Whether standard error is colored (prompts, warnings).
    stderr_color: bool,
    /// How leadgap was run, for the commands that messages suggest.
    invocation: Invocation,
    /// The warnings given so far: each is given once, even when two steps
    /// of a command come across the same damaged file.
    warned: std::cell::RefCell<std::collections::HashSet<String>>,
    /// Who the data directory's reports are about, once asked: whose
    /// reports are "yours", and how many people there are, come from one
    /// reading of the folder (a command saves no report before asking).
    people: std::cell::OnceCell<People>,
}

/// Who the reports of a data directory are about.
#[derive(Debug)]
struct People {
    /// The respondents of self-assessments, each once, up to two (a second
    /// is all it takes to say there is more than one).
    selves: Vec<Option<String>>,
    /// How many respondents there are in all.
    everyone: usize,
}

impl Config {
    /// The config of a run with `--color`, `--data-dir` and whether the
    /// output goes to a file (`--output`: no color, a fixed width).
    pub fn new(
        color: ColorChoice,
        data_dir: Option<PathBuf>,
        to_file: bool,
        invocation: Invocation,
    ) -> Config {
        Config {
            invocation,
            data_dir,
            look: Look {
                color: !to_file && color.for_stdout(),
                width: width(to_file),
            },
            stderr_color: color.for_stderr(),
            warned: Default::default(),
            people: std::cell::OnceCell::new(),
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

    /// How leadgap was run, for the commands that messages suggest.
    pub fn invocation(&self) -> &Invocation {
        &self.invocation
    }

    /// Hands each report in `dir` to `each`, one at a time, warning about
    /// files that are not readable reports (after the last report).
    pub fn visit_reports(&self, dir: &Path, each: &mut dyn FnMut(Loaded)) -> Result<()> {
        self.visit_folder(dir, true, each)
    }

    /// As [`Config::visit_reports`]; files that are not reports at all are
    /// warned about only when `warn_foreign`.
    fn visit_folder(
        &self,
        dir: &Path,
        warn_foreign: bool,
        each: &mut dyn FnMut(Loaded),
    ) -> Result<()> {
        let cache = self.data_dir().ok().map(|data| data.cache());
        // A round gives one report: a second one of it (copied in, or made
        // by hand) is passed over, so that no listing shows the difference.
        let mut rounds: std::collections::HashMap<String, PathBuf> = Default::default();
        let mut skipped = store::visit(dir, cache.as_deref(), &mut |loaded| {
            if let Some(team) = &loaded.report.team {
                if let Some(first) = rounds.get(&team.round) {
                    self.warn(&format!(
                        "skipping `{}`: a second team report of round {}, after `{}`; a round \
                         gives one report",
                        loaded.path.display(),
                        team.round,
                        first.display()
                    ));
                    return;
                }
                rounds.insert(team.round.clone(), loaded.path.clone());
            }
            each(loaded);
        })?;
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
        for skipped in skipped.iter().filter(|s| warn_foreign || !s.foreign) {
            self.warn(&skipped.warning());
        }
        Ok(())
    }

    /// The reports before `report` in its series, oldest first: its history
    /// among the reports of the folder of the report meant by `spec` and
    /// found at `path` (the data directory's, or a folder a mentor keeps
    /// someone's reports in), with its counterpart there. The folder is read
    /// one summary at a time and only these are kept. The data directory's
    /// files are all warned about; beside a report opened by path, other
    /// kinds of file are passed over.
    pub fn earlier_in_series(&self, spec: &str, path: &Path, report: &Report) -> Result<Series> {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let warn_foreign = store::is_report_id(spec) || spec == "latest";
        let mut series = self.series_in(folder, warn_foreign, report)?;
        // Equal means the same id: the report itself (or its summary).
        series
            .reports
            .retain(|l| trend::chronological(&l.report, report) == Ordering::Less);
        Ok(series)
    }

    /// The reports of `dir` in the series of `report` (which is not saved
    /// yet, or is left out by the caller), oldest first, and its
    /// counterpart among them, read one summary at a time; files that are
    /// not reports at all are warned about only when `warn_foreign`.
    pub fn series_in(&self, dir: &Path, warn_foreign: bool, report: &Report) -> Result<Series> {
        let mut series = Series::default();
        self.visit_folder(dir, warn_foreign, &mut |loaded| {
            if trend::same_series(&loaded.report, report) {
                series.reports.push(loaded);
            } else if report.counterpart(&loaded.report) {
                let nearer = series.counterpart.as_ref().is_none_or(|kept| {
                    trend::distance(report, &loaded.report) < trend::distance(report, &kept.report)
                });
                if nearer {
                    series.counterpart = Some(loaded);
                }
            }
        })?;
        series
            .reports
            .sort_by(|a, b| trend::chronological(&a.report, &b.report));
        Ok(series)
    }

    /// Loads the report meant by `spec`: `latest` or an id (in the data
    /// directory), or else a path. `latest` is your newest readable
    /// self-assessment (see [`Config::latest_own`]), never someone else's
    /// rating; newer files that are not readable reports are warned about.
    pub fn load_report(&self, spec: &str) -> Result<(PathBuf, Report)> {
        if spec == "latest" {
            let data = self.data_dir()?;
            let latest = self.latest_own(&data)?;
            for skipped in &latest.skipped {
                self.warn(skipped);
            }
            let Some(report) = latest.report else {
                return Err(self.no_latest(&data));
            };
            self.say_whose(&data, &report, "`latest` is")?;
            return Ok((latest.path, report));
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

    /// Warns about a self-assessment that names nobody: it cannot count in
    /// a cohort.
    pub fn warn_unnamed(&self, loaded: &Loaded) {
        if loaded.report.rater == SELF_RATER && loaded.report.respondent.is_none() {
            self.warn(&format!(
                "skipping `{}`: it names no respondent, so it cannot be told apart from others; \
                 add `respondent = \"NAME\"` to it, and name people when they assess \
                 (`leadgap assess --subject NAME`, or the name asked on a first run)",
                loaded.path.display()
            ));
        }
    }

    /// Prints a warning on standard error. Like every message, it is
    /// neutralised: it may quote a file's text or a file name.
    pub fn warn(&self, message: &str) {
        if !self.warned.borrow_mut().insert(message.to_owned()) {
            return;
        }
        let label = paint(self.stderr_color, styles::WARNING, "warning:");
        let message = self.invocation.hints(&clean(message));
        let _ = writeln!(std::io::stderr(), "{label} {message}");
    }

    /// Prints a line of information on standard error, where it does not mix
    /// with a report that a script reads from standard output.
    pub fn info(&self, message: &str) {
        let message = self.invocation.hints(&clean(message));
        let _ = writeln!(std::io::stderr(), "{message}");
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

/// A report's series in a folder, and its counterpart there.
#[derive(Debug, Default)]
pub struct Series {
    /// The reports of the series, oldest first.
    pub reports: Vec<Loaded>,
    /// The other side of its triangulation: for a self-assessment, the
    /// same person's team report nearest in time; for a team report, their
    /// self-assessment nearest in time (see [`Report::counterpart`]).
    pub counterpart: Option<Loaded>,
}
