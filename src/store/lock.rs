//! An advisory lock on the log directory, so concurrent writers take turns. Every command
//! that changes records reads, changes and writes them while holding a [`LogLock`]: the
//! lock is the only way to replace or move a record, so no edit can forget it.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::write;
use crate::error::{Error, Result};

/// An exclusive advisory lock on a directory, released when dropped.
pub(super) struct DirLock(Option<File>);

impl DirLock {
    pub(super) fn acquire(dir: &Path) -> Result<DirLock> {
        // Checked before opening: opening a pipe that stands where the log should be
        // would wait for a writer for ever.
        match std::fs::metadata(dir) {
            Ok(metadata) if !metadata.is_dir() => {
                return Err(Error::io(
                    "open the log directory",
                    dir,
                    &std::io::Error::other("it is not a directory"),
                )
                .hint("pass another directory with --dir"));
            }
            _ => {}
        }
        let file = File::open(dir).map_err(|e| Error::io("open the log directory", dir, &e))?;
        // Locking is best effort: on a file system without locks, the no-replace link
        // still keeps every record, at worst with a duplicate number that `lint` reports.
        match file.lock() {
            Ok(()) => Ok(DirLock(Some(file))),
            Err(_) => Ok(DirLock(None)),
        }
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        if let Some(file) = &self.0 {
            let _ = file.unlock();
        }
    }
}

/// The lock on the directories whose records a command changes. Take it before reading
/// what will be changed, so two commands editing one record never both read the old text
/// and the later write drops the earlier change.
pub(crate) struct LogLock {
    /// The locked directories, as given and as resolved, to check each edit against.
    dirs: Vec<(PathBuf, PathBuf)>,
    _locks: Vec<DirLock>,
}

/// Lock the directories holding `files` (a record's directory is where its lock is).
pub(crate) fn lock_records(files: &[&Path]) -> Result<LogLock> {
    let dirs: Vec<&Path> = files
        .iter()
        .map(|file| match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        })
        .collect();
    lock_log(&dirs)
}

/// Lock each of `dirs` (a log directory, or the directories of records named by path).
/// Each directory is locked once, in one order, so two commands locking the same two
/// directories cannot wait for each other. Temporary files left by killed writers are
/// removed while the lock is held.
pub(crate) fn lock_log(dirs: &[&Path]) -> Result<LogLock> {
    let mut resolved: Vec<(PathBuf, PathBuf)> = Vec::new();
    for dir in dirs {
        let real = std::fs::canonicalize(dir).map_err(|e| {
            let error = Error::io("read the decision log", dir, &e);
            if e.kind() == std::io::ErrorKind::NotFound {
                error.hint("run `decide init`, or pass the log directory with --dir")
            } else {
                error
            }
        })?;
        if !resolved.iter().any(|(_, seen)| *seen == real) {
            resolved.push((dir.to_path_buf(), real));
        }
    }
    // The same file opened twice is two locks, and the second would wait for the first.
    resolved.sort_by(|a, b| a.1.cmp(&b.1));
    let mut locks = Vec::new();
    for (_, real) in &resolved {
        locks.push(DirLock::acquire(real)?);
        write::sweep_temporaries(real);
    }
    Ok(LogLock {
        dirs: resolved,
        _locks: locks,
    })
}

impl LogLock {
    /// Replace the record `path` with `bytes` atomically, keeping its permissions (see
    /// [`write::check_editable`] for the records that are refused).
    pub(crate) fn replace(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.check_held(path)?;
        write::check_editable(path)?;
        write::replace_keeping_permissions(path, bytes)
    }

    /// Give a record a new name and text (see [`write::move_record`]).
    pub(crate) fn move_record(&self, from: &Path, to: &Path, bytes: &[u8]) -> Result<()> {
        self.check_held(from)?;
        self.check_held(to)?;
        write::check_editable(from)?;
        write::move_record(from, to, bytes)
    }

    /// A file outside the locked directories would be changed without its lock: that is a
    /// bug in the caller, reported rather than risked.
    fn check_held(&self, path: &Path) -> Result<()> {
        let parent = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let held = self.dirs.iter().any(|(given, real)| {
            parent == given || std::fs::canonicalize(parent).is_ok_and(|p| p == *real)
        });
        if held {
            Ok(())
        } else {
            Err(Error::io(
                "edit",
                path,
                &std::io::Error::other("its directory is not locked for this edit"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_need_the_lock_of_their_directory() {
        let dir = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let record = dir.path().join("0001-a.md");
        std::fs::write(&record, "old").unwrap();
        std::fs::write(other.path().join("0002-b.md"), "old").unwrap();
        let lock = lock_records(&[&record, &record]).unwrap();
        lock.replace(&record, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&record).unwrap(), "new");
        let error = lock
            .replace(&other.path().join("0002-b.md"), b"new")
            .unwrap_err();
        assert!(error.to_string().contains("not locked"), "{error}");
        drop(lock);
        // Locking a directory twice through two names takes one lock, not a deadlock.
        assert!(lock_log(&[dir.path(), &dir.path().join(".")]).is_ok());
    }
}
