//! Files, safely, wherever they are: opening only regular files for reading
//! (a named pipe or a device named like a report must not hang a command),
//! atomic replacement, creation that never overwrites, private modes, folder
//! locks, writing `--output` through to pipes and devices, and the simulated
//! faults that tests use. The data directory (`store`) builds on this.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

/// The environment variable that simulates a failing disk for tests:
/// `full-disk` makes every write fail as if the disk were full, `read-only`
/// as if the file system were read-only. Nothing is written either way.
pub const FAULT_VARIABLE: &str = "LEADGAP_SIMULATE_FAULT";

/// Temporary files are named with this prefix; one left behind by a killed
/// process is removed by the next save in its folder.
pub const TEMP_PREFIX: &str = ".tmp-";

/// A temporary file older than this belongs to no running save.
const STALE_TEMP: Duration = Duration::from_secs(60);

/// The simulated fault, if one is asked for.
fn simulated_fault() -> std::io::Result<()> {
    match std::env::var(FAULT_VARIABLE).as_deref() {
        Ok("full-disk") => Err(std::io::ErrorKind::StorageFull.into()),
        Ok("read-only") => Err(std::io::ErrorKind::ReadOnlyFilesystem.into()),
        _ => Ok(()),
    }
}

/// A point at which a test may stop the process as a kill would, with
/// `LEADGAP_SIMULATE_FAULT=kill-at:NAME`: nothing after it runs, nothing
/// is cleaned up.
pub fn fault_point(name: &str) {
    if std::env::var(FAULT_VARIABLE).is_ok_and(|v| v.strip_prefix("kill-at:") == Some(name)) {
        std::process::exit(137);
    }
}

/// What a path is, in words, when it is not a regular file.
pub fn kind_of(metadata: &fs::Metadata) -> &'static str {
    let kind = metadata.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a link"
    } else if kind.is_file() {
        "a file"
    } else {
        "not a regular file"
    }
}

/// Opens `path` for reading if it is a regular file (links followed). It is
/// opened without waiting, so that a named pipe never blocks, and checked
/// once open, so that swapping the file for something else in between does
/// not help. Anything else is an error that names what it is.
pub fn open_regular(path: &Path) -> Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(|e| Error::io("read", path, e))?;
    let metadata = file.metadata().map_err(|e| Error::io("read", path, e))?;
    if !metadata.is_file() {
        return Err(not_regular(path, &metadata));
    }
    Ok(file)
}

/// The error for a path that is not a regular file.
fn not_regular(path: &Path, metadata: &fs::Metadata) -> Error {
    let kind = kind_of(metadata);
    let help = if metadata.is_dir() {
        "name a .toml file inside it"
    } else {
        "leadgap only reads regular files; move it away or name another file"
    };
    Error::user_with_help(format!("`{}` is {kind}, not a file", path.display()), help)
}

/// Creates `path` and its missing parents with mode 0700, and makes an
/// existing folder private (0700) if others can read it. A folder that
/// cannot be made private is an error: these are personal notes.
pub fn create_private_dir(path: &Path) -> Result<()> {
    if !path.is_dir()
        && let Err(error) = simulated_fault()
    {
        return Err(Error::io("create folder", path, error));
    }
    if let Ok(metadata) = fs::symlink_metadata(path)
        && !metadata.is_dir()
        && !metadata.file_type().is_symlink()
    {
        return Err(Error::user_with_help(
            format!(
                "`{}` is {}, not a folder",
                path.display(),
                kind_of(&metadata)
            ),
            "move it away, or point `--data-dir` somewhere else",
        ));
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(path)
        .map_err(|error| Error::io("create folder", path, error))?;
    tighten(path)
}

/// Makes an existing folder readable by its owner only.
#[cfg(unix)]
fn tighten(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let metadata = fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o077 == 0 {
        return Ok(());
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode & 0o700 | 0o700)).map_err(|e| {
        Error::user_with_help(
            format!(
                "`{}` can be read by others (mode {mode:o}) and cannot be made private: {}",
                path.display(),
                crate::error::describe_io(&e)
            ),
            format!(
                "run `chmod 700 {}`, or point `--data-dir` at a folder of your own",
                path.display()
            ),
        )
    })
}

#[cfg(not(unix))]
fn tighten(_: &Path) -> Result<()> {
    Ok(())
}

/// Refuses `path` when others can read it (a key, or the folder of a
/// round): leadgap does not tighten these behind the owner's back, since
/// whoever could read them may already have. `what` says what it holds.
pub fn refuse_shared(path: &Path, what: &str) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let metadata = fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
        let mode = metadata.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            let private = if metadata.is_dir() { "700" } else { "600" };
            return Err(Error::user_with_help(
                format!(
                    "`{}` can be read by others (mode {mode:o}), and it {what}",
                    path.display()
                ),
                format!(
                    "if no one else has read it, run `chmod {private} {}`; if someone may have, \
                     treat it as known to them",
                    path.display()
                ),
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = (path, what);
    Ok(())
}

/// A temporary file in `dir` (private), to be persisted in place of a file
/// once it is complete; temporary files a killed process left behind are
/// removed first.
pub fn temporary_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    temporary(dir)
}

/// A temporary file in `dir` for a save, after removing temporary files that
/// a killed process left behind.
fn temporary(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    simulated_fault()?;
    sweep_stale_temporaries(dir);
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
}

/// Removes `.tmp-*` files in `dir` older than a minute: a save that was
/// killed (`kill -9`, a power cut) leaves one; no running save is that slow.
/// Best effort.
pub fn sweep_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX)
            && entry.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .ok()
                        .and_then(|t| now.duration_since(t).ok())
                        .is_some_and(|age| age > STALE_TEMP)
            });
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `contents` to a new file `dir/name` atomically: a temporary file
/// (mode 0600) in `dir` is written, synced and renamed into place only if
/// `name` does not exist yet. A crash leaves either nothing or the whole file.
pub fn write_new(dir: &Path, name: &str, contents: &[u8]) -> std::io::Result<PathBuf> {
    let path = dir.join(name);
    let mut file = temporary(dir)?;
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
    let lock = open_lock(&folder.join(LOCK_FILE))?;
    let path = folder.join(LOCK_FILE);
    lock.lock().map_err(|e| Error::io("lock", &path, e))?;
    Ok(lock)
}

/// Opens (creating it `0600` if missing) the lock file at `path`, refusing
/// anything that is not a regular file.
pub fn open_lock(path: &Path) -> Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NONBLOCK);
    }
    let lock = options
        .open(path)
        .map_err(|e| Error::io("open the lock", path, e))?;
    let metadata = lock
        .metadata()
        .map_err(|e| Error::io("open the lock", path, e))?;
    if !metadata.is_file() {
        return Err(not_regular(path, &metadata));
    }
    Ok(lock)
}

/// Replaces `dir/name` (or creates it) atomically, for files that are meant
/// to change, such as a run in progress. Mode 0600.
pub fn replace(dir: &Path, name: &str, contents: &[u8]) -> std::io::Result<PathBuf> {
    let path = dir.join(name);
    let mut file = temporary(dir)?;
    file.write_all(contents)?;
    file.as_file().sync_all()?;
    file.persist(&path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(path)
}

/// Writes `--output FILE`. A regular file (or a new one) is replaced
/// atomically, through a link if `path` is one, so the link stays; anything
/// else that can be written to (`/dev/stdout`, `/dev/null`, a named pipe) is
/// written through, as a shell's `>` would.
pub fn write_output(path: &Path, contents: &[u8]) -> Result<()> {
    let target = match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            // The file the link points to, or the link itself when it
            // dangles (then the new file is made where it points).
            fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        }
        _ => path.to_owned(),
    };
    match fs::metadata(&target) {
        Ok(metadata) if metadata.is_dir() => Err(Error::user(format!(
            "`{}` is a folder; name a file for --output",
            path.display()
        ))),
        Ok(metadata) if !metadata.is_file() => write_through(path, contents),
        _ => {
            let folder = match target.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .ok_or_else(|| Error::user(format!("`{}` is not a file name", path.display())))?;
            replace(folder, &name, contents).map_err(|e| Error::io("write", path, e))?;
            Ok(())
        }
    }
}

/// Writes `contents` into an existing pipe, device or other special file.
fn write_through(path: &Path, contents: &[u8]) -> Result<()> {
    simulated_fault().map_err(|e| Error::io("write", path, e))?;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| Error::io("write", path, e))?;
    file.write_all(contents)
        .and_then(|()| file.flush())
        .map_err(|e| Error::io("write", path, e))
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
    fn saves_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        write_new(dir.path(), "a.toml", b"first").unwrap();
        let error = write_new(dir.path(), "a.toml", b"second").unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(dir.path().join("a.toml")).unwrap(), b"first");
    }

    #[test]
    fn stale_temporary_files_are_swept_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".tmp-stale");
        let fresh = dir.path().join(".tmp-fresh");
        fs::write(&stale, "half a report").unwrap();
        fs::write(&fresh, "a save under way").unwrap();
        let old = SystemTime::now() - Duration::from_secs(120);
        fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        write_new(dir.path(), "a.toml", b"report").unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists());
    }
}
