//! Writing files safely, wherever they go: atomic replacement, creation that
//! never overwrites, private modes, folder locks, and the simulated faults
//! that tests use. The data directory (`store`) and `--output` build on this.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

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

/// Writes `-o FILE` atomically: a temporary file beside it, renamed over it.
pub fn write_output(path: &Path, contents: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::user(format!("`{}` is not a file name", path.display())))?;
    if path.is_dir() {
        return Err(Error::user(format!(
            "`{}` is a folder; name a file for --output",
            path.display()
        )));
    }
    replace(folder, &name, contents).map_err(|e| Error::io("write", path, e))?;
    Ok(())
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
}
