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

use std::io::{BufRead, BufReader, BufWriter, Write};
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

/// The names and stamps of the cache file at `path` written for `header`,
/// in file order, without reading the summaries; `None` when it is missing,
/// for something else, or damaged anywhere.
fn index(path: &Path, header: &Header) -> Option<Vec<(String, Stamp)>> {
    let mut lines = entry_lines(path, header)?;
    let mut index = Vec::new();
    for line in &mut lines {
        let entry: Entry<String, serde::de::IgnoredAny> = serde_json::from_str(&line.ok()?).ok()?;
        index.push((entry.name, entry.stamp));
    }
    Some(index)
}

/// The lines after the header of the cache file at `path`, when its header
/// is `header`.
fn entry_lines(path: &Path, header: &Header) -> Option<std::io::Lines<BufReader<std::fs::File>>> {
    let mut lines = BufReader::new(files::open_regular(path).ok()?).lines();
    let first: Header = serde_json::from_str(&lines.next()?.ok()?).ok()?;
    (first == *header).then_some(lines)
}

/// The cache of one folder, read and (when it changed) rewritten in one pass
/// over the folder's files in name order, one entry at a time: a listing
/// never holds the whole cache.
pub struct Cache {
    /// The cache folder and the file's name there; `None` when the folder
    /// has no usable path.
    file: Option<(PathBuf, String)>,
    /// The entries still to come, in name order.
    lines: Option<std::io::Lines<BufReader<std::fs::File>>>,
    /// The next entry: its name, stamp and line.
    next: Option<(String, Stamp, String)>,
    /// The new cache being written, when it differs from the old.
    writer: Option<BufWriter<tempfile::NamedTempFile>>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("file", &self.file)
            .field("rewriting", &self.writer.is_some())
            .finish_non_exhaustive()
    }
}

impl Cache {
    /// The cache of `folder` kept in `cache_dir`, for its files `current`
    /// (name and stamp, in name order): it is rewritten as the listing goes
    /// when it does not hold exactly their settled summaries.
    pub fn open(cache_dir: &Path, folder: &Path, current: &[(&str, Option<Stamp>)]) -> Cache {
        let mut cache = Cache {
            file: None,
            lines: None,
            next: None,
            writer: None,
        };
        let Ok(folder) = folder.canonicalize() else {
            return cache;
        };
        let name = format!(
            "reports-{}.jsonl",
            crate::questionnaire::hex_digest(folder.as_os_str().as_encoded_bytes(), 16)
        );
        let path = cache_dir.join(&name);
        let header = Header::current(folder);
        let now = SystemTime::now();
        let settled: Vec<(&str, Stamp)> = current
            .iter()
            .filter_map(|(name, stamp)| Some((*name, (*stamp)?)))
            .filter(|(_, stamp)| stamp.settled(now))
            .collect();
        let index = index(&path, &header);
        let fresh = index.as_ref().is_some_and(|index| {
            index.len() == settled.len()
                && index
                    .iter()
                    .zip(&settled)
                    .all(|((a, x), (b, y))| a == b && x == y)
        });
        if index.is_some() {
            cache.lines = entry_lines(&path, &header);
        }
        // Nothing cached and nothing to cache yet: leave no file behind.
        let nothing = index.is_none() && settled.is_empty();
        if !fresh && !nothing && files::create_private_dir(cache_dir).is_ok() {
            cache.writer = files::temporary_in(cache_dir).ok().and_then(|file| {
                let mut out = BufWriter::new(file);
                serde_json::to_writer(&mut out, &header).ok()?;
                Some(out)
            });
        }
        cache.file = Some((cache_dir.to_owned(), name));
        cache.advance();
        cache
    }

    /// Reads the next entry.
    fn advance(&mut self) {
        self.next = self.lines.as_mut().and_then(|lines| {
            let line = lines.next()?.ok()?;
            let entry: Entry<String, serde::de::IgnoredAny> = serde_json::from_str(&line).ok()?;
            Some((entry.name, entry.stamp, line))
        });
    }

    /// The cached summary of file `name`, if the file is unchanged. Files
    /// must be asked for in name order.
    pub fn take(&mut self, name: &str, stamp: Stamp) -> Option<Report> {
        while self
            .next
            .as_ref()
            .is_some_and(|(next, _, _)| next.as_str() < name)
        {
            self.advance();
        }
        let (next, cached, line) = self.next.take()?;
        if next != name || cached != stamp {
            self.next = Some((next, cached, line));
            return None;
        }
        let entry: Entry<String, Report> = serde_json::from_str(&line).ok()?;
        self.advance();
        if let Some(out) = &mut self.writer {
            // Unchanged: the same line again.
            let written = out
                .write_all(b"\n")
                .and_then(|()| out.write_all(line.as_bytes()));
            if written.is_err() {
                self.writer = None;
            }
        }
        Some(entry.report)
    }

    /// Records the summary of file `name`, just read, for the new cache (if
    /// the file has settled). Files must be recorded in name order.
    pub fn record(&mut self, name: &str, stamp: Stamp, report: &Report) {
        if !stamp.settled(SystemTime::now()) {
            return;
        }
        if let Some(out) = &mut self.writer {
            let entry = Entry {
                name,
                stamp,
                report,
            };
            let written = out
                .write_all(b"\n")
                .map_err(serde_json::Error::io)
                .and_then(|()| serde_json::to_writer(&mut *out, &entry));
            if written.is_err() {
                self.writer = None;
            }
        }
    }

    /// Puts the new cache in place of the old, when one was written. Best
    /// effort: a cache that cannot be written is simply not there.
    pub fn finish(self) {
        let (Some((dir, name)), Some(mut out)) = (self.file, self.writer) else {
            return;
        };
        if out.write_all(b"\n").and_then(|()| out.flush()).is_ok()
            && let Ok(file) = out.into_inner()
        {
            let _ = file.persist(dir.join(name));
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

    /// Writes a cache of `folder` in `cache_dir` holding `entries`, as if
    /// written long ago.
    fn write_cache(cache_dir: &Path, folder: &Path, entries: &[(&str, Stamp, &Report)]) {
        let folder = folder.canonicalize().unwrap();
        let name = format!(
            "reports-{}.jsonl",
            crate::questionnaire::hex_digest(folder.as_os_str().as_encoded_bytes(), 16)
        );
        let mut text = serde_json::to_string(&Header::current(folder)).unwrap();
        for (name, stamp, report) in entries {
            text.push('\n');
            text.push_str(
                &serde_json::to_string(&Entry {
                    name,
                    stamp: *stamp,
                    report,
                })
                .unwrap(),
            );
        }
        std::fs::create_dir_all(cache_dir).unwrap();
        std::fs::write(cache_dir.join(name), text).unwrap();
    }

    #[test]
    fn entries_are_used_only_for_unchanged_files_in_name_order() {
        let (_root, reports, cache_dir) = folder(3);
        let name = |n: usize| format!("2026-09-01T09-00-00Z-{n}.toml");
        let stamp = |n: usize| Stamp::of(&reports.join(name(n))).unwrap();
        let summary = example("sam-2026-09.toml");
        let mut changed = stamp(3);
        changed.modified += 1;
        write_cache(
            &cache_dir,
            &reports,
            &[
                (&name(2), stamp(2), &summary),
                (&name(3), changed, &summary),
            ],
        );
        let current = [
            (name(2), Some(stamp(2))),
            (name(3), Some(stamp(3))),
            (name(4), Some(stamp(4))),
        ];
        let current: Vec<(&str, Option<Stamp>)> =
            current.iter().map(|(n, s)| (n.as_str(), *s)).collect();
        let mut cache = Cache::open(&cache_dir, &reports, &current);
        assert_eq!(cache.take(&name(2), stamp(2)), Some(summary.clone()));
        assert_eq!(cache.take(&name(3), stamp(3)), None, "changed since");
        assert_eq!(cache.take(&name(4), stamp(4)), None, "never cached");
    }

    #[test]
    fn files_changed_just_now_are_not_cached() {
        let (_root, reports, cache_dir) = folder(2);
        let summary = example("sam-2026-09.toml");
        let name = "2026-09-01T09-00-00Z-2.toml";
        let stamp = Stamp::of(&reports.join(name)).unwrap();
        assert!(!stamp.settled(SystemTime::now()));
        assert!(stamp.settled(SystemTime::now() + Duration::from_secs(3)));
        let mut cache = Cache::open(&cache_dir, &reports, &[(name, Some(stamp))]);
        cache.record(name, stamp, &summary);
        cache.finish();
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
        assert_eq!(index(&path, &header).map(|e| e.len()), Some(1));

        let mut other = Header::current(canonical.join("elsewhere"));
        write(&other, &[entry("a.toml")]);
        assert!(index(&path, &header).is_none(), "another folder");
        other = Header::current(canonical);
        other.leadgap = "0.0.1".to_owned();
        write(&other, &[entry("a.toml")]);
        assert!(index(&path, &header).is_none(), "another version");
        write(
            &header,
            &[entry("a.toml"), "{\"name\": \"b.toml\", \"sta".to_owned()],
        );
        assert!(index(&path, &header).is_none(), "cut short");
        std::fs::write(&path, [0u8; 64]).unwrap();
        assert!(index(&path, &header).is_none(), "zeros after a crash");
    }
}
