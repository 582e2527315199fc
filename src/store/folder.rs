//! A folder of saved reports, read as summaries: each file parsed (on every
//! core) or, when it has not changed, taken from the summary cache.

use std::path::{Path, PathBuf};

use super::cache::{self, Cache, Stamp};
use super::reports::NOT_A_REPORT;
use super::reports::load_summary;
use crate::error::{Error, Result};
use crate::files;
use crate::report::Report;

/// A saved report, as a summary ([`Report::into_summary`]: no answers and
/// no advice), and the file it came from; read the file for the rest.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The report file.
    pub path: PathBuf,
    /// Its summary.
    pub report: Report,
    /// The summary as JSON, when it came from the summary cache.
    pub json: Option<Box<str>>,
}

/// A `*.toml` file of a folder that is not a readable report.
#[derive(Debug)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why, in a few words (with the place of the problem, where it has one).
    pub reason: String,
    /// Whether it is some other kind of TOML file (an answer file, a
    /// questionnaire), not a damaged report: worth a warning in a folder of
    /// reports, noise in the folder of a report opened by path.
    pub foreign: bool,
}

impl Skipped {
    /// "skipping `FILE`: why".
    pub fn warning(&self) -> String {
        format!("skipping `{}`: {}", self.path.display(), self.reason)
    }
}

/// Files parsed at a time: enough to keep every core busy, few enough that a
/// listing holds only a handful of summaries it does not keep.
const BATCH: usize = 512;

/// Hands every readable `*.toml` report in `dir` to `each` as a summary, in
/// file name order, one at a time, and returns the files that are not
/// readable reports: a listing that keeps only some of them (each person's
/// latest) never holds them all. A missing folder has no reports; a
/// damaged, truncated, foreign or newer-schema file is skipped, never an
/// error. Files that are not `.toml` (lock files, temporary files) are
/// ignored.
///
/// With `cache` (a folder such as `DATA/cache`), the summaries of a large
/// folder are kept there and reused for files whose size, times and inode
/// have not changed; the cache is only ever a copy, and any doubt about it
/// means reading the file.
pub fn visit(
    dir: &Path,
    cache: Option<&Path>,
    each: &mut dyn FnMut(Loaded),
) -> Result<Vec<Skipped>> {
    let (files, mut skipped) = list(dir)?;
    let mut cache = cache
        .filter(|_| files.len() >= cache::MIN_REPORTS)
        .and_then(|cache| Cache::open(cache, dir));
    let mut paths = files.into_iter().peekable();
    // Each batch is handed out while the next is being parsed (cached
    // entries and files alike, on every core), so that what a listing does
    // with a summary overlaps the parsing of the next ones.
    std::thread::scope(|scope| {
        let mut ready: Vec<(PathBuf, Summary)> = Vec::new();
        loop {
            let batch: Vec<(PathBuf, Option<Stamp>)> = paths.by_ref().take(BATCH).collect();
            if batch.is_empty() {
                hand_out(std::mem::take(&mut ready), each, &mut skipped);
                return;
            }
            let work: Vec<Source> = batch
                .iter()
                .map(|(path, stamp)| {
                    let cached = cache
                        .as_mut()
                        .zip(*stamp)
                        .and_then(|(cache, stamp)| cache.take(file_name(path), stamp));
                    match cached {
                        Some(line) => Source::Cached(line, path.clone()),
                        None => Source::File(path.clone()),
                    }
                })
                .collect();
            let reader = scope.spawn(move || read_all(work));
            hand_out(std::mem::take(&mut ready), each, &mut skipped);
            let read = reader
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for ((path, stamp), (result, from_file)) in batch.iter().zip(&read) {
                if let (true, Ok((report, _)), Some(cache), Some(stamp)) =
                    (*from_file, result, cache.as_mut(), stamp)
                {
                    cache.record(file_name(path), *stamp, report);
                }
            }
            ready = batch
                .into_iter()
                .map(|(path, _)| path)
                .zip(read.into_iter().map(|(result, _)| result))
                .collect();
        }
    });
    if let Some(cache) = cache {
        cache.finish();
    }
    Ok(skipped)
}

/// A summary as read: the report and, from the cache, its JSON.
type Summary = Result<(Report, Option<Box<str>>)>;

/// Where a summary comes from.
enum Source {
    /// A line of the summary cache (and the file, if the line is unusable).
    Cached(String, PathBuf),
    /// The report file.
    File(PathBuf),
}

/// Hands a batch's reports to `each`, noting the files that are not.
fn hand_out(
    batch: Vec<(PathBuf, Summary)>,
    each: &mut dyn FnMut(Loaded),
    skipped: &mut Vec<Skipped>,
) {
    for (path, result) in batch {
        match result {
            Ok((report, json)) => each(Loaded { path, report, json }),
            Err(error) => skipped.push(not_a_report(path, &error)),
        }
    }
}

/// A report file and its stamp (`None` when its metadata cannot be read:
/// it is read anyway, and its problem reported).
type Listed = (PathBuf, Option<Stamp>);

/// The `*.toml` files of `dir` in name order with their stamps, and those
/// that are not regular files: each file looked at once.
fn list(dir: &Path) -> Result<(Vec<Listed>, Vec<Skipped>)> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok((Vec::new(), Vec::new()));
        }
        Err(error) => return Err(Error::io("read the folder", dir, error)),
    };
    let mut skipped = Vec::new();
    let mut paths: Vec<Listed> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        // Only regular files are read: a named pipe would block, a device
        // would be read forever. A link is followed to see what it is.
        match std::fs::metadata(&path) {
            Ok(metadata) if !metadata.is_file() => skipped.push(Skipped {
                reason: format!("it is {}, not a report file", files::kind_of(&metadata)),
                path,
                foreign: false,
            }),
            Ok(metadata) => paths.push((path, Stamp::from_metadata(&metadata))),
            // Read anyway: the error is reported with the file.
            Err(_) => paths.push((path, None)),
        }
    }
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((paths, skipped))
}

fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default()
}

/// Reads the summaries of `work`, in its order, spreading the work over
/// the machine's cores: parsing, not reading, is what a listing spends its
/// time on. Each result says whether it was read from the file (to be
/// cached).
fn read_all(work: Vec<Source>) -> Vec<(Summary, bool)> {
    use rayon::prelude::*;
    work.into_par_iter()
        .map(|source| match source {
            Source::Cached(line, path) => match cache::parse(&line) {
                Some((report, json)) => (Ok((report, Some(json))), false),
                None => (load_summary(&path).map(|report| (report, None)), true),
            },
            Source::File(path) => (load_summary(&path).map(|report| (report, None)), true),
        })
        .collect()
}

/// A file that is not a readable report, and why.
pub(super) fn not_a_report(path: PathBuf, error: &Error) -> Skipped {
    let (reason, foreign) = match error {
        Error::Invalid(diagnostics) => diagnostics
            .first()
            .map(|d| {
                let reason = match d.location {
                    Some(at) => format!("line {}, column {}: {}", at.line, at.column, d.message),
                    None => d.message.clone(),
                };
                (reason, d.message == NOT_A_REPORT)
            })
            .unwrap_or_default(),
        Error::Io { source, .. } => (crate::error::describe_io(source), false),
        other => (other.first_line(), false),
    };
    Skipped {
        path,
        reason,
        foreign,
    }
}
