//! The data directory and everything in it: saved reports, folders of
//! reports and their summary cache, runs in progress, the action plan and the
//! locks that keep concurrent changes apart. Nothing else writes under
//! `DATA/`; writes go through [`crate::files`] (atomic, never overwriting,
//! private).

mod cache;
mod folder;
pub mod plan;
mod reports;
pub mod runs;

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub use folder::{Folder, Loaded, Skipped, load_folder};
pub use reports::{load_report, parse_report};

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
}
