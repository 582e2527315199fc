//! The data directory: saved reports (and, later, runs in progress), written
//! atomically, never overwritten, readable by their owner only.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::document::SCHEMA;
use crate::error::{Error, Result};
use crate::report::Report;
use crate::source::Source;

/// The environment variable naming the data directory.
pub const DATA_DIR_VARIABLE: &str = "LEADGAP_DATA_DIR";

/// The per-user data directory and what is in it.
#[derive(Clone, Debug)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// `--data-dir` (or `LEADGAP_DATA_DIR`, which clap folds into it), else
    /// the platform's per-user data directory.
    pub fn resolve(flag: Option<&Path>) -> Result<DataDir> {
        if let Some(root) = flag {
            return Ok(DataDir {
                root: root.to_owned(),
            });
        }
        directories::ProjectDirs::from("", "", "leadgap")
            .map(|dirs| DataDir {
                root: dirs.data_dir().to_owned(),
            })
            .ok_or_else(|| {
                Error::user_with_help(
                    "cannot find the data directory: no home folder is set (HOME)",
                    format!("pass `--data-dir DIR` or set {DATA_DIR_VARIABLE}"),
                )
            })
    }

    /// The data directory itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where saved reports live.
    pub fn reports(&self) -> PathBuf {
        self.root.join("reports")
    }

    /// Where rebuildable copies live: the summary cache of large report
    /// folders. Deleting it loses nothing.
    pub fn cache(&self) -> PathBuf {
        self.root.join("cache")
    }

    /// Where user-installed questionnaires live.
    pub fn questionnaires(&self) -> PathBuf {
        self.root.join("questionnaires")
    }

    /// Saves `report` as a new file in the reports folder. When a file with its
    /// id exists (two runs in one second), the id gets a `-2`, `-3`… suffix;
    /// the report's `id` is updated to match. Returns the file's path.
    pub fn save_report(&self, report: &mut Report) -> Result<PathBuf> {
        let folder = self.reports();
        create_private_dir(&folder)?;
        let base = report.id.clone();
        for attempt in 1..=1000 {
            report.id = if attempt == 1 {
                base.clone()
            } else {
                format!("{base}-{attempt}")
            };
            let text = toml::to_string(&*report)
                .map_err(|e| Error::user(format!("cannot save the report: {e}")))?;
            match write_new(&folder, &format!("{}.toml", report.id), text.as_bytes()) {
                Ok(path) => return Ok(path),
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(error) => return Err(Error::io("save a report in", folder, error)),
            }
        }
        Err(Error::user(format!(
            "cannot save the report: 1000 reports named `{base}` already exist in `{}`",
            folder.display()
        )))
    }

    /// The paths of the report files (`<id>.toml`) in the reports folder,
    /// sorted by id (oldest first). A missing folder means no reports.
    pub fn report_paths(&self) -> Result<Vec<PathBuf>> {
        let folder = self.reports();
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(Error::io("read", folder, error)),
        };
        // Only files named like report ids: `latest` must not pick up a
        // stray `notes.toml` that sorts after the dates.
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "toml"))
            .filter(|path| {
                path.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| is_report_id(s) && s.starts_with(|c: char| c.is_ascii_digit()))
            })
            .collect();
        paths.sort_by_key(|path| id_sort_key(path));
        Ok(paths)
    }

    /// The report file meant by `spec`: `latest`, a report id, or a path.
    /// Ids never resolve outside the reports folder.
    pub fn find_report(&self, spec: &str) -> Result<PathBuf> {
        if spec == "latest" {
            return self.report_paths()?.pop().ok_or_else(|| {
                Error::user_with_help(
                    format!(
                        "there are no saved reports in `{}`",
                        self.reports().display()
                    ),
                    "run `leadgap assess` first, or name a report file",
                )
            });
        }
        if is_report_id(spec) {
            let path = self.reports().join(format!("{spec}.toml"));
            if path.is_file() {
                return Ok(path);
            }
            return Err(Error::user_with_help(
                format!(
                    "no saved report with id `{spec}` in `{}`",
                    self.reports().display()
                ),
                format!(
                    "`leadgap history` lists the saved reports; to open a file, give its path (./{spec})"
                ),
            ));
        }
        Ok(PathBuf::from(spec))
    }
}

/// Whether `spec` has the shape of a report id (no path separators, no dots),
/// so it can only name a file inside the reports folder.
pub fn is_report_id(spec: &str) -> bool {
    !spec.is_empty()
        && spec
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':')
}

/// Sorts `…T13-05-01Z-10` after `…T13-05-01Z-9`.
fn id_sort_key(path: &Path) -> (String, u32) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match stem.rsplit_once("Z-") {
        Some((base, n)) if n.bytes().all(|b| b.is_ascii_digit()) => {
            (format!("{base}Z"), n.parse().unwrap_or(0))
        }
        _ => (stem, 0),
    }
}

/// Reads a saved report.
pub fn load_report(path: &Path) -> Result<Report> {
    let source = Source::read(path)?;
    parse_report(&source)
}

/// Parses a saved report, naming the place of any problem. A report of a
/// newer schema is refused before its content is interpreted.
pub fn parse_report(source: &Source) -> Result<Report> {
    use serde::Deserialize;
    let located = |error: toml::de::Error, message: String| {
        Error::Invalid(vec![source.diagnostic(error.span(), message)])
    };
    let root = toml::de::DeTable::parse(&source.text).map_err(|error| {
        let message = error.message().trim().to_owned();
        located(error, message)
    })?;
    let schema = root.get_ref().get("schema").map(|value| {
        (
            value.get_ref().as_integer().map(|i| i.as_str().to_owned()),
            value.span(),
        )
    });
    match schema {
        Some((Some(number), _)) if number == SCHEMA.to_string() => {}
        Some((Some(number), span)) => {
            return Err(Error::Invalid(vec![
                source
                    .diagnostic(Some(span), format!("report schema {number} is newer than this leadgap reads (schema {SCHEMA})"))
                    .with_help("upgrade leadgap to read it"),
            ]));
        }
        _ => {
            return Err(Error::Invalid(vec![source.diagnostic(
                None,
                "this is not a leadgap report (it has no `schema = 1`)",
            )]));
        }
    }
    Report::deserialize(toml::Deserializer::from(root)).map_err(|error| {
        let message = if error.message().starts_with("missing field") {
            format!(
                "this is not a complete leadgap report ({})",
                error.message().trim()
            )
        } else {
            error.message().trim().to_owned()
        };
        located(error, message)
    })
}

/// The environment variable that simulates a failing disk for tests:
/// `full-disk` makes every write fail as if the disk were full, `read-only`
/// as if the file system were read-only. Nothing is written either way.
pub const FAULT_VARIABLE: &str = "LEADGAP_SIMULATE_FAULT";

/// The simulated fault, if one is asked for.
fn simulated_fault() -> std::io::Result<()> {
    match std::env::var(FAULT_VARIABLE).as_deref() {
        Ok("full-disk") => Err(std::io::ErrorKind::StorageFull.into()),
        Ok("read-only") => Err(std::io::ErrorKind::ReadOnlyFilesystem.into()),
        _ => Ok(()),
    }
}

/// Creates `path` and its missing parents with mode 0700.
pub fn create_private_dir(path: &Path) -> Result<()> {
    if !path.is_dir()
        && let Err(error) = simulated_fault()
    {
        return Err(Error::io("create folder", path, error));
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(path)
        .map_err(|error| Error::io("create folder", path, error))
}

/// Writes `contents` to a new file `dir/name` atomically: a temporary file
/// (mode 0600) in `dir` is written, synced and renamed into place only if
/// `name` does not exist yet. A crash leaves either nothing or the whole file.
pub fn write_new(dir: &Path, name: &str, contents: &[u8]) -> std::io::Result<PathBuf> {
    simulated_fault()?;
    let path = dir.join(name);
    let mut file = tempfile::Builder::new().prefix(".tmp-").tempfile_in(dir)?;
    file.write_all(contents)?;
    file.as_file().sync_all()?;
    file.persist_noclobber(&path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(path)
}

/// The lock file that serialises read-modify-write changes in one folder.
pub const LOCK_FILE: &str = ".leadgap.lock";

/// Takes the lock of `folder` (created `0600` if missing), waiting for any
/// other leadgap process that holds it. The lock is released when the
/// returned file is dropped.
pub fn lock_folder(folder: &Path) -> Result<fs::File> {
    let path = folder.join(LOCK_FILE);
    let mut options = fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let lock = options
        .open(&path)
        .map_err(|e| Error::io("open the lock", &path, e))?;
    lock.lock().map_err(|e| Error::io("lock", &path, e))?;
    Ok(lock)
}

/// Replaces `dir/name` (or creates it) atomically, for files that are meant
/// to change, such as a run in progress. Mode 0600.
pub fn replace(dir: &Path, name: &str, contents: &[u8]) -> std::io::Result<PathBuf> {
    simulated_fault()?;
    let path = dir.join(name);
    let mut file = tempfile::Builder::new().prefix(".tmp-").tempfile_in(dir)?;
    file.write_all(contents)?;
    file.as_file().sync_all()?;
    file.persist(&path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(path)
}

/// Replaces `dir/name` atomically with what `write` writes, without waiting
/// for the disk: for files that are rebuilt when lost, such as the summary
/// cache. Mode 0600.
pub fn replace_streamed(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<PathBuf> {
    simulated_fault()?;
    let path = dir.join(name);
    let mut file = tempfile::Builder::new().prefix(".tmp-").tempfile_in(dir)?;
    {
        let mut out = std::io::BufWriter::new(file.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    file.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

/// Makes a rename durable. Best effort: not every platform can sync folders.
fn sync_dir(dir: &Path) {
    if let Ok(folder) = fs::File::open(dir) {
        let _ = folder.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cannot_leave_the_reports_folder() {
        assert!(is_report_id("2026-11-22T13-05-01Z"));
        assert!(is_report_id("2026-11-22T13-05-01Z-2"));
        assert!(!is_report_id("../secret"));
        assert!(!is_report_id("/etc/passwd"));
        assert!(!is_report_id("a.toml"));
        assert!(!is_report_id(""));
    }

    #[test]
    fn suffixed_ids_sort_numerically() {
        let mut paths: Vec<PathBuf> = [
            "b/2026-01-01T00-00-00Z-10.toml",
            "b/2026-01-01T00-00-00Z-9.toml",
            "b/2026-01-01T00-00-00Z.toml",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        paths.sort_by_key(|p| id_sort_key(p));
        let names: Vec<_> = paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "2026-01-01T00-00-00Z.toml",
                "2026-01-01T00-00-00Z-9.toml",
                "2026-01-01T00-00-00Z-10.toml"
            ]
        );
    }

    #[test]
    fn saves_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        write_new(dir.path(), "a.toml", b"first").unwrap();
        let error = write_new(dir.path(), "a.toml", b"second").unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(dir.path().join("a.toml")).unwrap(), b"first");
    }
}
