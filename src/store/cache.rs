//! The summary cache: for a large folder of reports, the summaries of its
//! files in one file under `DATA/cache`, so that a listing reads one file
//! instead of parsing thousands.
//!
//! It can never be stale. An entry is used only when the file's name, size,
//! modification and change times and inode (on Unix) are all as they were
//! when it was parsed; a save or a `note` replaces the file, so all of them
//! move. A file changed in the last few seconds is not cached at all, so
//! that a change within the file system's clock resolution cannot go
//! unseen. A cache written by another leadgap version, for another folder,
//! or damaged in any way is ignored and rebuilt; failing to write it is never
//! an error.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::files;
use crate::report::Report;

/// Folders with fewer reports are parsed every time: it is fast enough, and
/// a quarterly self-check should not leave extra files behind.
pub const MIN_REPORTS: usize = 50;

/// Changes this recent are not cached (the "racily clean" window).
const SETTLE: Duration = Duration::from_secs(2);

/// Bumped whenever what is cached, or how, changes.
const FORMAT: u32 = 1;

/// What identifies one version of a file: any change to it changes this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    /// Modification time, nanoseconds since 1970.
    modified: i64,
    /// Status change time (Unix), nanoseconds since 1970; 0 elsewhere.
    changed: i64,
    /// Inode and device (Unix); 0 elsewhere.
    inode: u64,
    device: u64,
}

impl Stamp {
    /// The stamp of the regular file at `path` (following links), if it can
    /// be read.
    pub fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        if !metadata.is_file() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let nanos = |seconds: i64, nanos: i64| {
                seconds.saturating_mul(1_000_000_000).saturating_add(nanos)
            };
            Some(Stamp {
                len: metadata.len(),
                modified: nanos(metadata.mtime(), metadata.mtime_nsec()),
                changed: nanos(metadata.ctime(), metadata.ctime_nsec()),
                inode: metadata.ino(),
                device: metadata.dev(),
            })
        }
        #[cfg(not(unix))]
        {
            let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
            Some(Stamp {
                len: metadata.len(),
                modified: i64::try_from(modified.as_nanos()).ok()?,
                changed: 0,
                inode: 0,
                device: 0,
            })
        }
    }

    /// Whether the file last changed long enough before `now` that a later
    /// change is sure to show in its times.
    fn settled(&self, now: SystemTime) -> bool {
        let Ok(now) = now.duration_since(UNIX_EPOCH) else {
            return false;
        };
        let now = i64::try_from(now.as_nanos()).unwrap_or(i64::MAX);
        let settle = i64::try_from(SETTLE.as_nanos()).unwrap_or(i64::MAX);
        self.modified.max(self.changed) < now.saturating_sub(settle)
    }
}

/// The first line of the cache file. Each further line is one [`Entry`]:
/// JSON Lines, so that reading it never holds more than one entry's text.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Header {
    format: u32,
    leadgap: String,
    folder: PathBuf,
}

impl Header {
    fn current(folder: PathBuf) -> Header {
        Header {
            format: FORMAT,
            leadgap: env!("CARGO_PKG_VERSION").to_owned(),
            folder,
        }
    }
}

/// One file's summary; `N` and `R` are owned when read and borrowed when
/// written.
#[derive(Serialize, Deserialize)]
struct Entry<N, R> {
    name: N,
    stamp: Stamp,
    report: R,
}

/// The entries of the cache file at `path` written for `header`; `None` when
/// it is missing, for something else, or damaged anywhere.
fn read(path: &Path, header: &Header) -> Option<HashMap<String, (Stamp, Report)>> {
    use std::io::BufRead;
    let mut lines = std::io::BufReader::new(files::open_regular(path).ok()?).lines();
    let first: Header = serde_json::from_str(&lines.next()?.ok()?).ok()?;
    if first != *header {
        return None;
    }
    let mut entries = HashMap::new();
    for line in lines {
        let entry: Entry<String, Report> = serde_json::from_str(&line.ok()?).ok()?;
        entries.insert(entry.name, (entry.stamp, entry.report));
    }
    Some(entries)
}

/// The cache of one folder, opened for a listing.
#[derive(Debug)]
pub struct Cache {
    /// The cache folder and the file's name there; `None` when the folder
    /// has no usable path.
    file: Option<(PathBuf, String)>,
    /// The folder's canonical path.
    folder: PathBuf,
    /// Entries not taken yet.
    entries: HashMap<String, (Stamp, Report)>,
    /// How many entries the file had, and how many were taken.
    stored: usize,
    taken: usize,
}

impl Cache {
    /// The cache of `folder` kept in `cache_dir`; empty when there is none
    /// yet or it cannot be trusted.
    pub fn open(cache_dir: &Path, folder: &Path) -> Cache {
        let Ok(folder) = folder.canonicalize() else {
            return Cache {
                file: None,
                folder: folder.to_owned(),
                entries: HashMap::new(),
                stored: 0,
                taken: 0,
            };
        };
        let name = format!(
            "reports-{}.jsonl",
            crate::questionnaire::hex_digest(folder.as_os_str().as_encoded_bytes(), 16)
        );
        let entries =
            read(&cache_dir.join(&name), &Header::current(folder.clone())).unwrap_or_default();
        Cache {
            file: Some((cache_dir.to_owned(), name)),
            folder,
            stored: entries.len(),
            taken: 0,
            entries,
        }
    }

    /// The cached summary of file `name`, if the file is unchanged.
    pub fn take(&mut self, name: &str, stamp: Stamp) -> Option<Report> {
        match self.entries.remove(name) {
            Some((cached, report)) if cached == stamp => {
                self.taken += 1;
                Some(report)
            }
            _ => None,
        }
    }

    /// Frees the entries that were not taken: their files are gone or
    /// changed. Call once every file has been looked up.
    pub fn release(&mut self) {
        self.entries = HashMap::new();
    }

    /// Rewrites the cache with `current` (file name, stamp, summary of every
    /// readable report in the folder) unless it already holds exactly them.
    /// Best effort: a cache that cannot be written is simply not there.
    pub fn update<'a>(self, current: impl Iterator<Item = (&'a str, Stamp, &'a Report)>) {
        let Some((dir, name)) = self.file else {
            return;
        };
        let now = SystemTime::now();
        let entries: Vec<Entry<&str, &Report>> = current
            .filter(|(_, stamp, _)| stamp.settled(now))
            .map(|(name, stamp, report)| Entry {
                name,
                stamp,
                report,
            })
            .collect();
        if self.taken == self.stored && entries.len() == self.taken {
            return;
        }
        let header = Header::current(self.folder);
        if files::create_private_dir(&dir).is_ok() {
            let _ = files::replace_streamed(&dir, &name, |out| {
                serde_json::to_writer(&mut *out, &header)?;
                for entry in &entries {
                    out.write_all(b"\n")?;
                    serde_json::to_writer(&mut *out, entry)?;
                }
                out.write_all(b"\n")
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> Report {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/reports")
            .join(name);
        super::super::load_report(&path).unwrap().into_summary()
    }

    #[test]
    fn summaries_come_back_exactly() {
        for name in [
            "sam-2026-06.toml",
            "sam-2026-09.toml",
            "sam-2026-09-by-morgan.toml",
        ] {
            let summary = example(name);
            let text = serde_json::to_string(&summary).unwrap();
            let back: Report = serde_json::from_str(&text).unwrap();
            assert_eq!(back, summary, "{name}");
        }
    }

    /// A folder with `count` copies of an example report, and a cache folder.
    fn folder(count: usize) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        let reports = root.path().join("reports");
        std::fs::create_dir(&reports).unwrap();
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reports/sam-2026-09.toml"),
        )
        .unwrap();
        for n in 0..count {
            let id = format!("2026-09-01T09-00-00Z-{}", n + 2);
            let text = text.replace("2026-09-01T09-00-00Z", &id);
            std::fs::write(reports.join(format!("{id}.toml")), text).unwrap();
        }
        let cache = root.path().join("cache");
        (root, reports, cache)
    }

    #[test]
    fn entries_are_used_only_for_unchanged_files() {
        let (_root, reports, cache_dir) = folder(3);
        let path = reports.join("2026-09-01T09-00-00Z-2.toml");
        let stamp = Stamp::of(&path).unwrap();
        let summary = example("sam-2026-09.toml");

        // Written as if long ago settled: `update` keeps only settled files,
        // so write the file by hand to test `take` on its own.
        let mut cache = Cache::open(&cache_dir, &reports);
        cache.entries.insert(
            "2026-09-01T09-00-00Z-2.toml".to_owned(),
            (stamp, summary.clone()),
        );
        let mut changed = stamp;
        changed.modified += 1;
        assert_eq!(cache.take("2026-09-01T09-00-00Z-2.toml", changed), None);
        cache.entries.insert(
            "2026-09-01T09-00-00Z-2.toml".to_owned(),
            (stamp, summary.clone()),
        );
        assert_eq!(
            cache.take("2026-09-01T09-00-00Z-2.toml", stamp),
            Some(summary)
        );
        assert_eq!(cache.take("2026-09-01T09-00-00Z-3.toml", stamp), None);
    }

    #[test]
    fn files_changed_just_now_are_not_cached() {
        let (_root, reports, cache_dir) = folder(2);
        let summary = example("sam-2026-09.toml");
        let stamp = Stamp::of(&reports.join("2026-09-01T09-00-00Z-2.toml")).unwrap();
        assert!(!stamp.settled(SystemTime::now()));
        assert!(stamp.settled(SystemTime::now() + Duration::from_secs(3)));
        let cache = Cache::open(&cache_dir, &reports);
        cache.update(std::iter::once((
            "2026-09-01T09-00-00Z-2.toml",
            stamp,
            &summary,
        )));
        assert!(!cache_dir.exists(), "nothing settled, nothing to write");
    }

    #[test]
    fn a_cache_for_another_folder_or_version_is_ignored() {
        let (_root, reports, cache_dir) = folder(1);
        let canonical = reports.canonicalize().unwrap();
        let header = Header::current(canonical.clone());
        let path = cache_dir.join("cache.jsonl");
        std::fs::create_dir(&cache_dir).unwrap();
        let entry = |name: &str| {
            serde_json::to_string(&Entry {
                name,
                stamp: Stamp::of(&reports.join("2026-09-01T09-00-00Z-2.toml")).unwrap(),
                report: &example("sam-2026-09.toml"),
            })
            .unwrap()
        };
        let write = |header: &Header, lines: &[String]| {
            let mut text = serde_json::to_string(header).unwrap();
            for line in lines {
                text.push('\n');
                text.push_str(line);
            }
            std::fs::write(&path, text).unwrap();
        };
        write(&header, &[entry("a.toml")]);
        assert_eq!(read(&path, &header).map(|e| e.len()), Some(1));

        let mut other = Header::current(canonical.join("elsewhere"));
        write(&other, &[entry("a.toml")]);
        assert!(read(&path, &header).is_none(), "another folder");
        other = Header::current(canonical);
        other.leadgap = "0.0.1".to_owned();
        write(&other, &[entry("a.toml")]);
        assert!(read(&path, &header).is_none(), "another version");
        write(
            &header,
            &[entry("a.toml"), "{\"name\": \"b.toml\", \"sta".to_owned()],
        );
        assert!(read(&path, &header).is_none(), "cut short");
        std::fs::write(&path, [0u8; 64]).unwrap();
        assert!(read(&path, &header).is_none(), "zeros after a crash");
    }
}
