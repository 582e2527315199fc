//! A folder of saved reports, read as summaries: each file parsed (on every
//! core) or, when it has not changed, taken from the summary cache.

use std::path::{Path, PathBuf};

use super::cache::{self, Cache, Stamp};
use super::load_report;
use crate::error::{Error, Result};
use crate::report::Report;
use crate::trend::chronological;

/// A saved report, as a summary ([`Report::into_summary`]: no answers and
/// no advice), and the file it came from; read the file for the rest.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The report file.
    pub path: PathBuf,
    /// Its summary.
    pub report: Report,
}

/// The reports of a folder, oldest first, and a warning for each file that
/// could not be read as one.
#[derive(Debug, Default)]
pub struct Folder {
    /// Readable reports, oldest first.
    pub reports: Vec<Loaded>,
    /// One line per skipped file, naming it and why.
    pub warnings: Vec<String>,
}

/// Reads every `*.toml` report in `dir` as a summary. A missing folder has no
/// reports; a damaged, truncated, foreign or newer-schema file is a warning,
/// never an error. Files that are not `.toml` (lock files, temporary files)
/// are ignored.
///
/// With `cache` (a folder such as `DATA/cache`), the summaries of a large
/// folder are kept there and reused for files whose size, times and inode
/// have not changed; the cache is only ever a copy, and any doubt about it
/// means reading the file.
pub fn load_folder(dir: &Path, cache: Option<&Path>) -> Result<Folder> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Folder::default()),
        Err(error) => return Err(Error::io("read the folder", dir, error)),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();

    let mut cache = cache
        .filter(|_| paths.len() >= cache::MIN_REPORTS)
        .map(|folder| Cache::open(folder, dir));
    // Only a cache needs the files' stamps.
    let stamps: Vec<Option<Stamp>> = paths
        .iter()
        .map(|path| cache.as_ref().and_then(|_| Stamp::of(path)))
        .collect();
    let mut results: Vec<Option<Result<Report>>> = paths
        .iter()
        .zip(&stamps)
        .map(|(path, stamp)| {
            let cache = cache.as_mut()?;
            cache.take(file_name(path), (*stamp)?).map(Ok)
        })
        .collect();
    if let Some(cache) = cache.as_mut() {
        cache.release();
    }
    let missing: Vec<usize> = (0..paths.len())
        .filter(|&index| results[index].is_none())
        .collect();
    let to_read: Vec<&Path> = missing
        .iter()
        .map(|&index| paths[index].as_path())
        .collect();
    for (index, result) in missing.iter().zip(read_all(&to_read)) {
        results[*index] = Some(result);
    }

    let mut folder = Folder {
        reports: Vec::with_capacity(paths.len()),
        warnings: Vec::new(),
    };
    let mut fresh = Vec::with_capacity(paths.len());
    for ((path, stamp), result) in paths.into_iter().zip(stamps).zip(results) {
        match result {
            Some(Ok(report)) => {
                fresh.push(stamp);
                folder.reports.push(Loaded { path, report });
            }
            Some(Err(error)) => folder.warnings.push(skipped(&path, &error)),
            None => {}
        }
    }
    if let Some(cache) = cache {
        cache.update(
            folder
                .reports
                .iter()
                .zip(fresh)
                .filter_map(|(loaded, stamp)| {
                    Some((file_name(&loaded.path), stamp?, &loaded.report))
                }),
        );
    }
    folder
        .reports
        .sort_by(|a, b| chronological(&a.report, &b.report));
    Ok(folder)
}

fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default()
}

/// Reads the summaries of `paths`, in their order, spreading the work over
/// the machine's cores: parsing, not reading, is what a listing spends its
/// time on.
fn read_all(paths: &[&Path]) -> Vec<Result<Report>> {
    let read = |path: &Path| load_report(path).map(Report::into_summary);
    // Below a few dozen files, starting threads costs more than it saves.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len() / 32)
        .max(1);
    if threads == 1 {
        return paths.iter().map(|path| read(path)).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = paths
            .chunks(chunk)
            .map(|chunk| {
                scope.spawn(move || chunk.iter().map(|path| read(path)).collect::<Vec<_>>())
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// "skipping `FILE`: why", for a file that is not a readable report.
fn skipped(path: &Path, error: &Error) -> String {
    let reason = match error {
        Error::Invalid(diagnostics) => diagnostics
            .first()
            .map(|d| match d.location {
                Some(at) => format!("line {}, column {}: {}", at.line, at.column, d.message),
                None => d.message.clone(),
            })
            .unwrap_or_default(),
        other => other
            .lines()
            .into_iter()
            .next()
            .map(|(m, _)| m)
            .unwrap_or_default(),
    };
    format!("skipping `{}`: {reason}", path.display())
}
