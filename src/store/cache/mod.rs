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

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::files;
use crate::report::Report;

/// Folders with fewer reports are parsed every time: it is fast enough, and
/// a quarterly self-check should not leave extra files behind.
pub const MIN_REPORTS: usize = 50;

/// Changes this recent are not cached (the "racily clean" window), unless
/// [`SETTLE_VARIABLE`] says otherwise.
const SETTLE: Duration = Duration::from_secs(2);

/// The environment variable that sets the settle window in seconds, for
/// tests that must not wait for the clock (as `LEADGAP_NOW` fixes it): `0`
/// caches a file at once, a large number never.
pub const SETTLE_VARIABLE: &str = "LEADGAP_CACHE_SETTLE";

/// Bumped whenever what is cached, or how, changes.
const FORMAT: u32 = 2;

/// The settle window: [`SETTLE`], or what [`SETTLE_VARIABLE`] says.
fn settle_window() -> Duration {
    std::env::var(SETTLE_VARIABLE)
        .ok()
        .and_then(|text| text.parse::<f64>().ok())
        .filter(|seconds| seconds.is_finite() && *seconds >= 0.0)
        .map_or(SETTLE, Duration::from_secs_f64)
}

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
    /// The stamp of a regular file from its metadata (links followed), if
    /// it is one.
    pub fn from_metadata(metadata: &std::fs::Metadata) -> Option<Stamp> {
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
        let settle = i64::try_from(settle_window().as_nanos()).unwrap_or(i64::MAX);
        self.modified.max(self.changed) < now.saturating_sub(settle)
    }
}

/// A cached entry's summary, and its JSON as cached (a listing that sets
/// summaries aside keeps that, rather than writing them again).
pub fn parse(line: &str) -> Option<(Report, Box<str>)> {
    let entry: Entry<&str, &serde_json::value::RawValue> = serde_json::from_str(line).ok()?;
    let report: Report = serde_json::from_str(entry.report.get()).ok()?;
    Some((report, Box::from(entry.report.get())))
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

/// The cache file as it was: its entries read one line at a time, and how
/// far into it the reading is.
struct Old {
    reader: BufReader<std::fs::File>,
    /// Bytes read so far.
    read: u64,
}

impl Old {
    /// The cache file at `path`, when its first line is `header`.
    fn open(path: &Path, header: &Header) -> Option<Old> {
        let mut old = Old {
            reader: BufReader::new(files::open_regular(path).ok()?),
            read: 0,
        };
        let first: Header = serde_json::from_str(&old.line()?).ok()?;
        (first == *header).then_some(old)
    }

    /// The next whole line, without its line end; `None` at the end, or at
    /// a line cut short (a damaged cache ends there).
    fn line(&mut self) -> Option<String> {
        let mut line = String::new();
        let read = self.reader.read_line(&mut line).ok()?;
        if read == 0 || !line.ends_with('\n') {
            return None;
        }
        self.read += read as u64;
        line.pop();
        Some(line)
    }
}

/// The cache of one folder, read and (where the folder changed) rewritten
/// in one pass over the folder's files in name order, one entry at a time:
/// a listing never holds the whole cache, and reads it once. While every
/// file asked for matches the next entry, nothing is written; at the first
/// difference the new cache starts as a copy of the old one up to there.
pub struct Cache {
    /// The cache folder and the file's name there.
    dir: PathBuf,
    name: String,
    header: Header,
    /// The old cache, while it has entries left.
    old: Option<Old>,
    /// The next old entry: its name, stamp and line.
    next: Option<(String, Stamp, String)>,
    /// How many bytes of the old cache hold only entries that are still
    /// right, in order: the prefix a new cache copies.
    same: u64,
    /// The new cache, once something differs from the old.
    writer: Option<BufWriter<tempfile::NamedTempFile>>,
    /// Whether something differs (a new cache is needed).
    differs: bool,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("dir", &self.dir)
            .field("name", &self.name)
            .field("differs", &self.differs)
            .finish_non_exhaustive()
    }
}

impl Cache {
    /// The cache of `folder` kept in `cache_dir`; `None` when the folder
    /// has no usable path.
    pub fn open(cache_dir: &Path, folder: &Path) -> Option<Cache> {
        let folder = folder.canonicalize().ok()?;
        let name = format!(
            "reports-{}.jsonl",
            crate::questionnaire::hex_digest(folder.as_os_str().as_encoded_bytes(), 16)
        );
        let path = cache_dir.join(&name);
        let header = Header::current(folder);
        let old = Old::open(&path, &header);
        // A cache file for something else, or damaged: replaced when there
        // is anything to cache.
        let differs = old.is_none() && path.exists();
        let mut cache = Cache {
            dir: cache_dir.to_owned(),
            name,
            header,
            same: old.as_ref().map_or(0, |old| old.read),
            old,
            next: None,
            writer: None,
            differs,
        };
        cache.advance();
        Some(cache)
    }

    /// Reads the next old entry; a damaged one ends the old cache.
    fn advance(&mut self) {
        self.next = self.old.as_mut().and_then(|old| {
            let line = old.line()?;
            let entry: Entry<String, serde::de::IgnoredAny> = serde_json::from_str(&line).ok()?;
            Some((entry.name, entry.stamp, line))
        });
        if self.next.is_none() {
            self.old = None;
        }
    }

    /// Notes that the new cache differs from the old: from now on it is
    /// written, starting with the old cache's entries that still hold.
    fn diverge(&mut self) {
        self.differs = true;
        if self.writer.is_some() || files::create_private_dir(&self.dir).is_err() {
            return;
        }
        let started = files::temporary_in(&self.dir).ok().and_then(|file| {
            let mut out = BufWriter::new(file);
            if self.same > 0 {
                let mut old = files::open_regular(&self.old_path()).ok()?;
                std::io::copy(&mut Read::by_ref(&mut old).take(self.same), &mut out).ok()?;
            } else {
                serde_json::to_writer(&mut out, &self.header).ok()?;
                out.write_all(b"\n").ok()?;
            }
            Some(out)
        });
        self.writer = started;
    }

    fn old_path(&self) -> PathBuf {
        self.dir.join(&self.name)
    }

    /// Writes one line of the new cache, if one is being written.
    fn write(&mut self, line: &[u8]) {
        if let Some(out) = &mut self.writer
            && out
                .write_all(line)
                .and_then(|()| out.write_all(b"\n"))
                .is_err()
        {
            self.writer = None;
        }
    }

    /// The cached entry of file `name` (a line of JSON: see [`parse`]), if
    /// the file is unchanged. Files must be asked for in name order.
    pub fn take(&mut self, name: &str, stamp: Stamp) -> Option<String> {
        // Entries of files that are gone.
        while self
            .next
            .as_ref()
            .is_some_and(|(next, _, _)| next.as_str() < name)
        {
            self.diverge();
            self.advance();
        }
        let (next, cached, line) = self.next.take()?;
        if next != name {
            self.next = Some((next, cached, line));
            return None;
        }
        let read = self.old.as_ref().map_or(0, |old| old.read);
        self.advance();
        if cached != stamp {
            // Changed since: its new summary is recorded when read.
            self.diverge();
            return None;
        }
        if self.differs {
            // Unchanged: the same line again.
            self.write(line.as_bytes());
        } else {
            self.same = read;
        }
        Some(line)
    }

    /// Records the summary of file `name`, just read, for the new cache (if
    /// the file has settled). Files must be recorded in name order.
    pub fn record(&mut self, name: &str, stamp: Stamp, report: &Report) {
        if !stamp.settled(SystemTime::now()) {
            return;
        }
        self.diverge();
        let entry = Entry {
            name,
            stamp,
            report,
        };
        if let Ok(line) = serde_json::to_vec(&entry) {
            self.write(&line);
        }
    }

    /// Puts the new cache in place of the old, when the folder changed.
    /// Best effort: a cache that cannot be written is simply not there.
    pub fn finish(mut self) {
        if self.next.is_some() {
            // Entries of files past the last one listed, now gone.
            self.diverge();
        }
        let path = self.old_path();
        let Some(mut out) = self.writer.take() else {
            return;
        };
        if out.flush().is_ok()
            && let Ok(file) = out.into_inner()
        {
            let _ = file.persist(path);
        }
    }
}

#[cfg(test)]
mod tests;
