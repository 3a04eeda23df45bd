//! Writing atomically: a synced temporary file, then a no-replace hard link (new files)
//! or a rename (edits), so a reader never sees half a file and a crash loses nothing.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::lock::DirLock;
use chrono::NaiveDate;

use super::naming::{Prefix, record_number, record_prefix};
use crate::error::{Error, Result};

/// Check, before any question is asked, that the log directory can take a record: it is
/// a directory (or can be created) and is writable.
pub(crate) fn check_log_dir(dir: &Path) -> Result<()> {
    match fs::metadata(dir) {
        Ok(metadata) if !metadata.is_dir() => Err(Error::io(
            "use the log directory",
            dir,
            &io::Error::other("it is a file, not a directory"),
        )
        .hint("pass another directory with --dir")),
        Ok(metadata) if metadata.permissions().readonly() => Err(Error::io(
            "write to the log directory",
            dir,
            &io::Error::from(io::ErrorKind::PermissionDenied),
        )),
        Ok(_) => {
            // Permission bits do not tell the whole story (ACLs, read-only mounts, root):
            // try creating a file.
            let probe = dir.join(format!(".decide-write-check-{}", std::process::id()));
            match OpenOptions::new().write(true).create_new(true).open(&probe) {
                Ok(_) => {
                    let _ = fs::remove_file(&probe);
                    Ok(())
                }
                Err(e) => Err(Error::io("write to the log directory", dir, &e)),
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("use the log directory", dir, &e)),
    }
}

/// Make sure the log directory exists and is a writable directory.
pub(crate) fn ensure_dir(dir: &Path) -> Result<bool> {
    match fs::metadata(dir) {
        Ok(metadata) if metadata.is_dir() => Ok(false),
        Ok(_) => Err(Error::io(
            "use the log directory",
            dir,
            &io::Error::other("it is a file, not a directory"),
        )
        .hint("pass another directory with --dir")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(|e| Error::io("create the log directory", dir, &e))?;
            Ok(true)
        }
        Err(e) => Err(Error::io("use the log directory", dir, &e)),
    }
}

/// Give a record a new name and text: the new file is created (never replacing one), then
/// the old one removed, so a crash in between leaves both rather than neither.
pub(crate) fn move_record(from: &Path, to: &Path, bytes: &[u8]) -> Result<()> {
    write_new_file(to, bytes).map_err(|e| {
        let error = Error::io("write the renumbered record", to, &e);
        if e.kind() == io::ErrorKind::AlreadyExists {
            error.hint("another file has that name; move it away and run again")
        } else {
            error
        }
    })?;
    fs::remove_file(from).map_err(|e| Error::io("remove the old record", from, &e))?;
    sync_parent(from);
    Ok(())
}

/// What one pass over a log directory found.
struct Names {
    /// The highest number in use, plus one.
    next: u32,
    /// Whether the records are named by date (log4brains' `YYYYMMDD-slug.md`) and none
    /// by number.
    dated: bool,
}

/// One pass over the directory (it may hold thousands of records): the next free number
/// and how records are named; with `sweep`, also remove temporary files left by writers
/// that were killed mid-write. Their names carry the writer's process id, and a process
/// that no longer exists will never finish them.
fn scan_for_next_number(dir: &Path, sweep: bool) -> Result<Names> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Names {
                next: 1,
                dated: false,
            });
        }
        Err(e) => return Err(Error::io("list", dir, &e)),
    };
    let mut highest = 0;
    let (mut numbers, mut dates) = (0usize, 0usize);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if let Some(number) = record_number(&name) {
            match record_prefix(&name) {
                Prefix::Date(_) => dates += 1,
                _ => {
                    numbers += 1;
                    highest = highest.max(number);
                }
            }
        } else if sweep
            && let Some(pid) = temporary_owner(&name)
            && !process_exists(pid)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
    Ok(Names {
        next: highest + 1,
        dated: numbers == 0 && dates > 0,
    })
}

/// Write a new record as `NNNN-slug.md` with the next free number and return its path;
/// in a log whose records are named by date (log4brains), as `YYYYMMDD-slug.md` dated
/// `today`, with no number (`dated`: the log's tool says so even before its first record).
///
/// The text goes to a temporary file in the same directory, is synced, then hard-linked to
/// its final name: linking fails rather than replace an existing file, and a reader never
/// sees a half-written record. A lock on the directory keeps concurrent writers on this
/// machine from taking the same number.
pub(crate) fn write_new_record(
    dir: &Path,
    slug: &str,
    today: NaiveDate,
    dated: bool,
    render: impl Fn(Option<u32>) -> Result<String>,
) -> Result<PathBuf> {
    let _lock = DirLock::acquire(dir)?;
    let names = scan_for_next_number(dir, true)?;
    if names.dated || (dated && names.next == 1) {
        let text = render(None)?;
        let day = today.format("%Y%m%d");
        for attempt in 1..1000 {
            let suffix = if attempt == 1 {
                String::new()
            } else {
                format!("-{attempt}")
            };
            let path = dir.join(format!("{day}-{slug}{suffix}.md"));
            match write_new_file(&path, text.as_bytes()) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io("write the record", &path, &e)),
            }
        }
        return Err(Error::io(
            "write the record",
            dir,
            &io::Error::other(format!("a thousand records named {day}-{slug} exist")),
        ));
    }
    let mut number = names.next;
    loop {
        let text = render(Some(number))?;
        let path = dir.join(format!("{number:04}-{slug}.md"));
        match write_new_file(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            // Someone without our lock (another tool, a git checkout) took the name: move on.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => number += 1,
            Err(e) => return Err(Error::io("write the record", &path, &e)),
        }
    }
}

/// Create `path` with `bytes`, atomically, never replacing an existing file.
pub(crate) fn write_new_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temporary = write_temporary(path, bytes)?;
    let linked = fs::hard_link(&temporary, path);
    let _ = fs::remove_file(&temporary);
    linked?;
    sync_parent(path);
    Ok(())
}

/// Replace `path` with `bytes` atomically: readers see the old or the new text, never a mix.
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let temporary = write_temporary(path, bytes).map_err(|e| Error::io("write", path, &e))?;
    if let Err(e) = fs::rename(&temporary, path) {
        let _ = fs::remove_file(&temporary);
        return Err(Error::io("replace", path, &e));
    }
    sync_parent(path);
    Ok(())
}

fn write_temporary(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    for attempt in 0..100u32 {
        let temporary = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        let mut file = match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        if let Err(e) = written {
            let _ = fs::remove_file(&temporary);
            return Err(e);
        }
        return Ok(temporary);
    }
    Err(io::Error::other("could not create a temporary file"))
}

/// The process id in a temporary file name `.NAME.PID.ATTEMPT.tmp`.
fn temporary_owner(name: &str) -> Option<u32> {
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let mut parts = inner.rsplitn(3, '.');
    let _attempt: u32 = parts.next()?.parse().ok()?;
    parts.next()?.parse().ok()
}

/// Whether a process is alive. Only Linux answers cheaply (`/proc`); elsewhere assume it
/// is, so nothing that might be in use is removed.
fn process_exists(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// Make the new directory entry durable too; best effort, as not every platform allows it.
fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent()
        && let Ok(dir) = File::open(parent)
    {
        let _ = dir.sync_all();
    }
}

/// Write an exported file (a template to edit), creating its directory; never replaces
/// an existing file.
pub(crate) fn write_exported(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, &e))?;
    }
    write_new_file(path, bytes).map_err(|e| Error::io("write", path, &e))
}

/// Create a directory for files that must not be committed (drafts): it gets a
/// `.gitignore` that ignores everything in it.
pub(crate) fn ensure_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, &e))?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        let _ = write_new_file(
            &ignore,
            b"# Drafts of unfinished decide sessions: personal, not for the repository.\n*\n",
        );
    }
    Ok(())
}

/// Remove a file that may already be gone.
pub(crate) fn remove_if_present(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("remove", path, &e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn temporary_names_carry_their_writer() {
        assert_eq!(temporary_owner(".0007-x.md.4242.0.tmp"), Some(4242));
        assert_eq!(temporary_owner(".0007-x.md.tmp"), None);
        assert_eq!(temporary_owner("0007-x.md"), None);
        assert!(process_exists(std::process::id()));
    }

    #[test]
    fn new_records_take_the_next_number_and_never_replace() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("0003-old.md"), "old").unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let render = |n: Option<u32>| Ok(format!("record {}", n.unwrap_or_default()));
        let path = write_new_record(dir.path(), "next", today, false, render).unwrap();
        assert_eq!(path.file_name().unwrap(), "0004-next.md");
        assert_eq!(fs::read_to_string(&path).unwrap(), "record 4");
        fs::write(dir.path().join("0005-next.md"), "squatter").unwrap();
        fs::remove_file(&path).unwrap();
        fs::write(dir.path().join("0004-next.md"), "taken").unwrap();
        let again = write_new_record(dir.path(), "next", today, false, render).unwrap();
        assert_eq!(again.file_name().unwrap(), "0006-next.md");
        assert_eq!(
            fs::read_to_string(dir.path().join("0005-next.md")).unwrap(),
            "squatter"
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_log_named_by_date_gets_today_s_date() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let render = |n: Option<u32>| Ok(format!("number {n:?}"));
        // log4brains' own settings say so before the first record exists.
        let first = write_new_record(dir.path(), "a", today, true, render).unwrap();
        assert_eq!(first.file_name().unwrap(), "20261126-a.md");
        assert_eq!(fs::read_to_string(&first).unwrap(), "number None");
        fs::write(dir.path().join("20210312-old.md"), "old").unwrap();
        let again = write_new_record(dir.path(), "a", today, false, render).unwrap();
        assert_eq!(again.file_name().unwrap(), "20261126-a-2.md");
    }

    #[test]
    fn moving_a_record_never_replaces_another() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("0007-a.md");
        let to = dir.path().join("0008-a.md");
        fs::write(&from, "old").unwrap();
        move_record(&from, &to, b"new").unwrap();
        assert!(!from.exists());
        assert_eq!(fs::read_to_string(&to).unwrap(), "new");
        fs::write(&from, "again").unwrap();
        assert!(move_record(&from, &to, b"other").is_err());
        assert_eq!(fs::read_to_string(&to).unwrap(), "new");
        assert!(from.exists());
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;
        use std::fs;

        proptest! {
            #[test]
            fn new_records_take_a_free_number_above_all_others(existing in proptest::collection::btree_set(1u32..60, 0..12)) {
                let dir = tempfile::tempdir().unwrap();
                for number in &existing {
                    fs::write(dir.path().join(format!("{number:04}-old.md")), "old").unwrap();
                }
                let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
                let path = write_new_record(dir.path(), "old", today, false, |n| Ok(format!("new {n:?}"))).unwrap();
                let number = record_number(&path.file_name().unwrap().to_string_lossy()).unwrap();
                prop_assert_eq!(number, existing.iter().max().map_or(1, |m| m + 1));
                for old in &existing {
                    prop_assert_eq!(fs::read_to_string(dir.path().join(format!("{old:04}-old.md"))).unwrap(), "old");
                }
            }
        }
    }
}
