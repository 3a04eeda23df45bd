//! An advisory lock on the log directory, so concurrent writers take turns.

use std::fs::File;
use std::path::Path;

use crate::error::{Error, Result};

/// An exclusive advisory lock on a directory, released when dropped.
pub(super) struct DirLock(Option<File>);

impl DirLock {
    pub(super) fn acquire(dir: &Path) -> Result<DirLock> {
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
