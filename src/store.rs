//! The one module that touches the file system: finding the repository and its decision
//! log, reading text with errors that name the file, and writing records atomically.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where the log lives when nothing says otherwise.
pub(crate) const DEFAULT_LOG_DIR: &str = "docs/decisions";
/// adr-tools' default, honoured when it already exists.
pub(crate) const ADR_TOOLS_DIR: &str = "doc/adr";
/// Files bigger than this are not records; refusing them keeps memory bounded.
pub(crate) const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;

/// The repository root: the nearest ancestor of `start` holding `.git`, `.decide` or
/// `.adr-dir`; `start` itself outside a repository.
pub(crate) fn find_root(start: &Path) -> PathBuf {
    for dir in start.ancestors() {
        if [".git", ".decide", ".adr-dir"]
            .iter()
            .any(|marker| dir.join(marker).exists())
        {
            return dir.to_path_buf();
        }
    }
    start.to_path_buf()
}

/// The log directory the repository itself names: adr-tools' `.adr-dir`, or an existing
/// `doc/adr/`; with the name of what said so.
pub(crate) fn repository_log_dir(root: &Path) -> Result<Option<(PathBuf, &'static str)>> {
    let marker = root.join(".adr-dir");
    if marker.is_file() {
        let named = read_text(&marker)?;
        let named = named.trim();
        if named.is_empty() {
            return Err(Error::content(".adr-dir is empty")
                .in_file(&marker)
                .hint("write the log directory in it, e.g. doc/adr"));
        }
        return Ok(Some((root.join(named), ".adr-dir")));
    }
    let adr_tools = root.join(ADR_TOOLS_DIR);
    if adr_tools.is_dir() {
        return Ok(Some((adr_tools, "an existing doc/adr")));
    }
    Ok(None)
}

/// Read a whole UTF-8 text file, with errors that say which file and why.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    use std::io::Read;
    // One open and one fstat: a log-wide command reads thousands of files, and a second
    // path lookup per file shows in its time.
    let mut file = File::open(path).map_err(|e| Error::io("read", path, &e))?;
    let metadata = file.metadata().map_err(|e| Error::io("read", path, &e))?;
    if metadata.is_dir() {
        return Err(Error::io(
            "read",
            path,
            &io::Error::other("it is a directory"),
        ));
    }
    if metadata.len() > MAX_TEXT_BYTES {
        return Err(Error::io(
            "read",
            path,
            &io::Error::other(format!(
                "it is larger than {} MiB",
                MAX_TEXT_BYTES / 1024 / 1024
            )),
        ));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize + 1);
    file.read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, &e))?;
    String::from_utf8(bytes).map_err(|e| not_utf8(path, e.utf8_error().valid_up_to()))
}

/// Files directly in `dir` with one of `extensions`, sorted by name. A missing directory
/// has no files.
pub(crate) fn list_files(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("list", dir, &e)),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The record files in a log directory: `NNNN-*.md`, sorted by name. The directory is read
/// once, and file types come from the directory entries, not one `stat` per file: with ten
/// thousand records the difference shows (adr-tools re-lists the directory per record).
pub(crate) fn list_record_files(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(list_record_entries(dir)?
        .into_iter()
        .map(|entry| entry.path)
        .collect())
}

/// A record file in the log, and whether its directory entry is a symbolic link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RecordEntry {
    pub path: PathBuf,
    pub symlink: bool,
}

/// [`list_record_files`] with each entry's kind, read from the directory listing itself.
pub(crate) fn list_record_entries(dir: &Path) -> Result<Vec<RecordEntry>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Error::io("read the decision log", dir, &e)
                .hint("run `decide init`, or pass the log directory with --dir"));
        }
        Err(e) => return Err(Error::io("read the decision log", dir, &e)),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("read the decision log", dir, &e))?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if !name.ends_with(".md") || record_number(&name).is_none() {
            continue;
        }
        // A link to a file is listed (and reported by the readers); a link to anything
        // else, like a directory, is not a record.
        match entry.file_type() {
            Ok(kind) if kind.is_symlink() && entry.path().is_file() => names.push((name, true)),
            Ok(kind) if kind.is_file() => names.push((name, false)),
            _ => {}
        }
    }
    // Sorting names, not paths: comparing paths component by component costs more.
    names.sort_unstable();
    Ok(names
        .into_iter()
        .map(|(name, symlink)| RecordEntry {
            path: dir.join(name),
            symlink,
        })
        .collect())
}

/// The start of a text file: what one `read` of at most `limit` bytes returns, and whether
/// the file may go on past it. One read, not a loop to the end: a log-wide listing reads
/// ten thousand headers, and the system call that would only confirm the end of each file
/// costs as much as the parsing. So a non-empty result always "may go on"; the caller
/// reads the whole file when the prefix is not enough. A cut in the middle of a UTF-8
/// character is not an error: the partial character is dropped.
pub(crate) fn read_prefix(path: &Path, limit: usize) -> Result<(String, bool)> {
    use std::io::Read;
    let mut file = File::open(path).map_err(|e| Error::io("read", path, &e))?;
    let mut bytes = vec![0; limit];
    let filled = loop {
        match file.read(&mut bytes) {
            Ok(n) => break n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io("read", path, &e)),
        }
    };
    bytes.truncate(filled);
    let may_go_on = filled > 0;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, may_go_on)),
        Err(e) if e.utf8_error().error_len().is_none() => {
            let valid = e.utf8_error().valid_up_to();
            let mut bytes = e.into_bytes();
            bytes.truncate(valid);
            Ok((String::from_utf8(bytes).unwrap_or_default(), true))
        }
        Err(e) => Err(not_utf8(path, e.utf8_error().valid_up_to())),
    }
}

fn not_utf8(path: &Path, offset: usize) -> Error {
    Error::io(
        "read",
        path,
        &io::Error::other(format!(
            "it is not UTF-8 text (invalid byte at offset {offset})"
        )),
    )
    .hint("save the file as UTF-8")
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

/// A file's bytes as they are, for files moved without being understood.
/// The last `limit` bytes of a file as text (a character cut at the start is dropped).
pub(crate) fn read_suffix(path: &Path, limit: usize) -> Result<String> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = File::open(path).map_err(|e| Error::io("read", path, &e))?;
    let length = file
        .metadata()
        .map_err(|e| Error::io("read", path, &e))?
        .len();
    let start = length.saturating_sub(limit as u64);
    file.seek(SeekFrom::Start(start))
        .map_err(|e| Error::io("read", path, &e))?;
    let mut bytes = Vec::with_capacity(limit);
    file.take(limit as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, &e))?;
    // Skip continuation bytes of a character that began before `start`.
    let first = bytes
        .iter()
        .position(|b| (b & 0xC0) != 0x80)
        .unwrap_or(bytes.len());
    Ok(String::from_utf8_lossy(&bytes[first..]).into_owned())
}

pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| Error::io("read", path, &e))
}

/// Whether `path` names an existing file (for arguments that are a number or a file).
pub(crate) fn is_file(path: &Path) -> bool {
    path.is_file()
}

pub(crate) fn is_dir(path: &Path) -> bool {
    path.is_dir()
}

/// A small text file that may well not exist (a git config): its text, or nothing.
pub(crate) fn read_if_present(path: &Path) -> Option<String> {
    fs::read_to_string(path).ok()
}

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

/// The number part of a record file name: `0007-use-postgres.md` → 7.
pub(crate) fn record_number(file_name: &str) -> Option<u32> {
    let digits: String = file_name.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || !file_name[digits.len()..].starts_with('-') {
        return None;
    }
    digits.parse().ok()
}

/// One pass over the directory (it may hold thousands of records): the highest number in
/// use, plus one; with `sweep`, also remove temporary files left by writers that were
/// killed mid-write. Their names carry the writer's process id, and a process that no
/// longer exists will never finish them.
fn scan_for_next_number(dir: &Path, sweep: bool) -> Result<u32> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(1),
        Err(e) => return Err(Error::io("list", dir, &e)),
    };
    let mut highest = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if let Some(number) = record_number(&name) {
            highest = highest.max(number);
        } else if sweep
            && let Some(pid) = temporary_owner(&name)
            && !process_exists(pid)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
    Ok(highest + 1)
}

/// Write a new record as `NNNN-slug.md` with the next free number and return its path.
///
/// The text goes to a temporary file in the same directory, is synced, then hard-linked to
/// its final name: linking fails rather than replace an existing file, and a reader never
/// sees a half-written record. A lock on the directory keeps concurrent writers on this
/// machine from taking the same number.
pub(crate) fn write_new_record(
    dir: &Path,
    slug: &str,
    render: impl Fn(u32) -> Result<String>,
) -> Result<PathBuf> {
    let _lock = DirLock::acquire(dir)?;
    let mut number = scan_for_next_number(dir, true)?;
    loop {
        let text = render(number)?;
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

/// An exclusive advisory lock on a directory, released when dropped.
struct DirLock(Option<File>);

impl DirLock {
    fn acquire(dir: &Path) -> Result<DirLock> {
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

/// Files under `dir` (recursively) with one of `extensions`, each with its path relative to
/// `dir` using `/`, sorted. A missing directory has no files.
pub(crate) fn list_files_recursive(
    dir: &Path,
    extensions: &[&str],
) -> Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = match fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io("list", &current, &e)),
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
            {
                let relative = path.strip_prefix(dir).unwrap_or(&path);
                let name = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                found.push((name, path));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Write an exported file (a template to edit), creating its directory; never replaces
/// an existing file.
pub(crate) fn write_exported(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, &e))?;
    }
    write_new_file(path, bytes).map_err(|e| Error::io("write", path, &e))
}

/// Records must be regular files: an edit (status, supersede, renumber) through a link
/// would replace the link or write outside the log.
pub(crate) fn refuse_symlink(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => Err(symlink_error(path)),
        _ => Ok(()),
    }
}

pub(crate) fn symlink_error(path: &Path) -> Error {
    Error::record(
        "it is a symbolic link, and records must be regular files so edits stay in the log",
    )
    .in_file(path)
    .hint("replace the link with a copy of the record")
}

/// Whether `root` is a repository (rather than the directory `decide` happened to start in).
pub(crate) fn is_repository(root: &Path) -> bool {
    [".git", ".decide", ".adr-dir"]
        .iter()
        .any(|marker| root.join(marker).exists())
}

/// Where unfinished sessions are kept: `.decide/drafts/` in a repository, else the user's
/// state directory (`$XDG_STATE_HOME/decide/drafts`).
pub(crate) fn drafts_dir(root: &Path) -> Result<PathBuf> {
    if is_repository(root) {
        return Ok(root.join(".decide").join("drafts"));
    }
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().map_err(|_| {
        Error::io(
            "find the state directory",
            Path::new("~"),
            &io::Error::other("the home directory is unknown"),
        )
        .hint("set HOME, or run decide inside a repository")
    })?;
    let base = strategy.state_dir().unwrap_or_else(|| strategy.data_dir());
    Ok(base.join("decide").join("drafts"))
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

/// When a file was last written, for listings.
pub(crate) fn modified(path: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Why `text` reads as a file path rather than a title, if it does. Slashes alone are
/// fine ("CI/CD runner"): the slug turns them into `-`.
pub(crate) fn path_like(text: &str) -> Option<&'static str> {
    let trimmed = text.trim();
    if trimmed.starts_with(['/', '\\', '~']) {
        return Some("it starts like a file path");
    }
    if trimmed.split(['/', '\\']).any(|part| part.trim() == "..") {
        return Some("it contains `..`, a path to a parent directory");
    }
    None
}

/// A file-name slug: lowercase words joined by `-`, at most 50 characters, cut at a word.
/// Anything that is not a letter or digit (slashes, dots, control characters) becomes a
/// separator, so the name can never leave the log directory.
pub(crate) fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    const MAX: usize = 50;
    if slug.chars().count() > MAX {
        let cut: String = slug.chars().take(MAX).collect();
        slug = match cut.rfind('-') {
            Some(index) if index > MAX / 2 => cut[..index].to_string(),
            _ => cut,
        };
        // A name cut short should not end on "-a" or "-with".
        const DANGLING: &[&str] = &[
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "with", "for", "by", "as",
            "under",
        ];
        while let Some((head, last)) = slug.rsplit_once('-') {
            if !DANGLING.contains(&last) {
                break;
            }
            slug = head.to_string();
        }
    }
    if slug.is_empty() {
        "decision".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let cases = [
            ("Use PostgreSQL for orders", "use-postgresql-for-orders"),
            ("CI/CD: pick a runner", "ci-cd-pick-a-runner"),
            ("../../etc/passwd", "etc-passwd"),
            ("Tab\tand\nnewline", "tab-and-newline"),
            ("Données à migrer", "données-à-migrer"),
            ("!!!", "decision"),
            ("", "decision"),
        ];
        for (title, expected) in cases {
            assert_eq!(slug(title), expected, "{title:?}");
        }
        assert_eq!(
            slug("Write records through a synced temporary file, a no-replace hard link"),
            "write-records-through-a-synced-temporary-file"
        );
        let long = slug(&"word ".repeat(100));
        assert!(long.len() <= 50 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn temporary_names_carry_their_writer() {
        assert_eq!(temporary_owner(".0007-x.md.4242.0.tmp"), Some(4242));
        assert_eq!(temporary_owner(".0007-x.md.tmp"), None);
        assert_eq!(temporary_owner("0007-x.md"), None);
        assert!(process_exists(std::process::id()));
    }

    #[test]
    fn path_like_titles() {
        for text in [
            "../../etc/passwd",
            "/etc/passwd",
            "~/notes",
            "a/../b",
            "..\\x",
        ] {
            assert!(path_like(text).is_some(), "{text}");
        }
        for text in [
            "CI/CD runner",
            "Use v2.. or v3",
            "Q3/Q4 roadmap",
            "...and then",
        ] {
            assert!(path_like(text).is_none(), "{text}");
        }
    }

    #[test]
    fn record_numbers() {
        assert_eq!(record_number("0007-use-postgres.md"), Some(7));
        assert_eq!(record_number("12-x.md"), Some(12));
        assert_eq!(record_number("README.md"), None);
        assert_eq!(record_number("0007.md"), None);
    }

    #[test]
    fn new_records_take_the_next_number_and_never_replace() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("0003-old.md"), "old").unwrap();
        let path = write_new_record(dir.path(), "next", |n| Ok(format!("record {n}"))).unwrap();
        assert_eq!(path.file_name().unwrap(), "0004-next.md");
        assert_eq!(fs::read_to_string(&path).unwrap(), "record 4");
        fs::write(dir.path().join("0005-next.md"), "squatter").unwrap();
        fs::remove_file(&path).unwrap();
        fs::write(dir.path().join("0004-next.md"), "taken").unwrap();
        let again = write_new_record(dir.path(), "next", |n| Ok(format!("record {n}"))).unwrap();
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
    fn record_files_are_numbered_markdown_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "0002-b.md",
            "0001-a.md",
            "README.md",
            "0003-c.txt",
            "notes.md",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join("0004-dir.md")).unwrap();
        let names: Vec<String> = list_record_files(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["0001-a.md", "0002-b.md"]);
        let missing = list_record_files(&dir.path().join("nope")).unwrap_err();
        assert!(missing.to_string().contains("decide init"), "{missing}");
    }

    #[test]
    fn prefixes_stop_at_the_limit_and_at_a_whole_character() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        fs::write(&path, "ab\u{e9}cd").unwrap();
        let cases = [
            (2, "ab", true),
            (3, "ab", true),
            (4, "ab\u{e9}", true),
            (6, "ab\u{e9}cd", true),
            (64, "ab\u{e9}cd", true),
        ];
        for (limit, text, truncated) in cases {
            assert_eq!(
                read_prefix(&path, limit).unwrap(),
                (text.to_string(), truncated),
                "{limit}"
            );
        }
        fs::write(&path, "").unwrap();
        assert_eq!(read_prefix(&path, 64).unwrap(), (String::new(), false));
        fs::write(&path, b"ab\xffcd").unwrap();
        assert!(
            read_prefix(&path, 64)
                .unwrap_err()
                .to_string()
                .to_lowercase()
                .contains("not utf-8")
        );
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

        proptest! {
            #[test]
            fn slugs_are_safe_file_names(title in "\\PC{0,300}") {
                let slug = slug(&title);
                prop_assert!(!slug.is_empty());
                prop_assert!(slug.chars().count() <= 50);
                prop_assert!(slug.chars().all(|c| c == '-' || c.is_alphanumeric()), "{}", slug);
                prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{}", slug);
                prop_assert_eq!(super::super::slug(&slug), slug.clone(), "slugging is idempotent");
            }

            #[test]
            fn numbers_round_trip_through_file_names(number in 1u32..100_000, title in "[a-z ]{1,40}") {
                prop_assert_eq!(record_number(&format!("{number:04}-{}.md", slug(&title))), Some(number));
            }

            #[test]
            fn new_records_take_a_free_number_above_all_others(existing in proptest::collection::btree_set(1u32..60, 0..12)) {
                let dir = tempfile::tempdir().unwrap();
                for number in &existing {
                    fs::write(dir.path().join(format!("{number:04}-old.md")), "old").unwrap();
                }
                let path = write_new_record(dir.path(), "old", |n| Ok(format!("new {n}"))).unwrap();
                let number = record_number(&path.file_name().unwrap().to_string_lossy()).unwrap();
                prop_assert_eq!(number, existing.iter().max().map_or(1, |m| m + 1));
                for old in &existing {
                    prop_assert_eq!(fs::read_to_string(dir.path().join(format!("{old:04}-old.md"))).unwrap(), "old");
                }
            }
        }
    }
}
