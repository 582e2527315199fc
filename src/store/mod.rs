//! The data directory and everything in it: saved reports, folders of
//! reports and their summary cache, runs in progress, the action plan and the
//! locks that keep concurrent changes apart. Nothing else writes under
//! `DATA/`; writes go through [`crate::files`] (atomic, never overwriting,
//! private).

mod cache;
mod folder;
pub mod identity;
pub mod key;
pub mod plan;
mod reports;
pub mod rounds;
pub mod runs;
mod validate;

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result, with_suggestion};
use crate::files;
use crate::report::Report;

pub use folder::{Loaded, visit};
pub use reports::{Imported, add_review, load_report, load_summary, parse_report, set_plan};

/// The environment variable naming the data directory.
pub const DATA_DIR_VARIABLE: &str = "LEADGAP_DATA_DIR";

/// The per-user data directory and what is in it.
#[derive(Clone, Debug)]
pub struct DataDir {
    root: PathBuf,
}

/// The newest readable report of the data directory, and the report files
/// passed over on the way to it (damaged, or not files at all).
#[derive(Debug)]
pub struct Latest {
    /// Its file.
    pub path: PathBuf,
    /// The report.
    pub report: Report,
    /// One line per newer file that was not a readable report.
    pub skipped: Vec<String>,
}

impl DataDir {
    /// `--data-dir`, else `LEADGAP_DATA_DIR` (when set and not empty), else
    /// the platform's per-user data directory, which must be absolute.
    pub fn resolve(flag: Option<&Path>) -> Result<DataDir> {
        if let Some(root) = flag.filter(|root| !root.as_os_str().is_empty()) {
            return Ok(DataDir {
                root: root.to_owned(),
            });
        }
        if let Some(root) = std::env::var_os(DATA_DIR_VARIABLE).filter(|v| !v.is_empty()) {
            return Ok(DataDir { root: root.into() });
        }
        let help = format!("pass `--data-dir DIR` or set {DATA_DIR_VARIABLE}");
        let dirs = directories::ProjectDirs::from("", "", "leadgap").ok_or_else(|| {
            Error::user_with_help(
                "cannot find the data directory: no home folder is set (HOME)",
                help.clone(),
            )
        })?;
        let root = dirs.data_dir().to_owned();
        if !root.is_absolute() {
            // `HOME=somewhere` would put reports wherever the command runs.
            return Err(Error::user_with_help(
                format!(
                    "cannot find the data directory: the home folder `{}` is not an absolute path",
                    std::env::var("HOME").unwrap_or_default()
                ),
                help,
            ));
        }
        Ok(DataDir { root })
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

    /// The folder `name` of the data directory, ready to write into: it and
    /// the data directory exist and are private (0700). A folder that is a
    /// link is refused: what is saved stays inside the data directory.
    pub fn private_folder(&self, name: &str) -> Result<PathBuf> {
        files::create_private_dir(&self.root)?;
        let folder = self.root.join(name);
        if fs::symlink_metadata(&folder).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Error::user_with_help(
                format!(
                    "`{}` is a link to elsewhere; leadgap keeps what it saves inside the data directory",
                    folder.display()
                ),
                "replace the link with a folder, or point `--data-dir` at the place it links to",
            ));
        }
        files::create_private_dir(&folder)?;
        Ok(folder)
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

    /// The newest readable report for which `wanted` holds. Newer files that
    /// are not readable reports (a damaged file, a folder or junk named like
    /// a report) are passed over and listed in [`Latest::skipped`].
    pub fn latest(&self, wanted: impl Fn(&Report) -> bool) -> Result<Latest> {
        let mut skipped = Vec::new();
        for path in self.report_paths()?.into_iter().rev() {
            // The summary says whether it is wanted; only that one is read whole.
            let read =
                self.read_inside(&path, load_summary)
                    .and_then(|summary| match wanted(&summary) {
                        true => self.read_inside(&path, load_report).map(Some),
                        false => Ok(None),
                    });
            match read {
                Ok(Some(report)) => {
                    return Ok(Latest {
                        path,
                        report,
                        skipped,
                    });
                }
                Ok(None) => {}
                Err(error) => skipped.push(folder::not_a_report(path, &error).warning()),
            }
        }
        Err(Error::user_with_help(
            format!(
                "there are no saved reports in `{}`",
                self.reports().display()
            ),
            "run `leadgap assess` first, or name a report file",
        ))
    }

    /// The report file with id `id`, which must be a file inside the
    /// reports folder (never a link leading out of it).
    pub fn find_report(&self, id: &str) -> Result<PathBuf> {
        let path = self.reports().join(format!("{id}.toml"));
        if is_report_id(id) && fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            return Ok(path);
        }
        let links_out = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        let message = if links_out {
            format!(
                "the report `{id}` in `{}` is a link to elsewhere; an id only ever opens a file inside the data directory",
                self.reports().display()
            )
        } else {
            with_suggestion(
                format!(
                    "no saved report with id `{id}` in `{}`",
                    self.reports().display()
                ),
                id,
                self.report_ids().iter().map(String::as_str),
            )
        };
        // The file the id may have meant, as a path: as typed if there is
        // such a file here, else with `.toml`.
        let file = if Path::new(id).is_file() {
            id.to_owned()
        } else {
            format!("{id}.toml")
        };
        Err(Error::user_with_help(
            message,
            format!(
                "`leadgap history` lists the saved reports; to open a file, give its path (./{file})"
            ),
        ))
    }

    /// The ids of the saved reports, oldest first.
    fn report_ids(&self) -> Vec<String> {
        self.report_paths()
            .unwrap_or_default()
            .iter()
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect()
    }

    /// Reads a report file of the reports folder: a regular file, not a
    /// link to somewhere else.
    fn read_inside(&self, path: &Path, read: fn(&Path) -> Result<Report>) -> Result<Report> {
        let metadata = fs::symlink_metadata(path).map_err(|e| Error::io("read", path, e))?;
        if !metadata.is_file() {
            return Err(Error::user(format!(
                "it is {}, not a report file",
                files::kind_of(&metadata)
            )));
        }
        read(path)
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
