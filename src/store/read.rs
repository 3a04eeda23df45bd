//! Reading: whole files under a size cap, the start or end of a record, directory listings.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use super::naming::{Prefix, is_log_page, is_numbered_log_page, record_prefix};
use crate::error::{Error, Result};

/// Files bigger than this are not records; refusing them keeps memory bounded.
pub(crate) const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;

/// Read a whole UTF-8 text file, with errors that say which file and why. The size cap
/// holds for every kind of file: a device or a pipe reports no length (or a false one),
/// so the read itself stops one byte past the cap rather than trusting the metadata.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    // One open and one fstat: a log-wide command reads thousands of files, and a second
    // path lookup per file shows in its time.
    let file = File::open(path).map_err(|e| Error::io("read", path, &e))?;
    let metadata = file.metadata().map_err(|e| Error::io("read", path, &e))?;
    if metadata.is_dir() {
        return Err(Error::io(
            "read",
            path,
            &io::Error::other("it is a directory"),
        ));
    }
    let bytes = read_capped(file, metadata.len(), path)?;
    String::from_utf8(bytes).map_err(|e| not_utf8(path, e.utf8_error().valid_up_to()))
}

/// Text the user gave on standard input (`--answers -`), under the same cap as a file.
pub(crate) fn read_stdin_text() -> Result<String> {
    let shown = Path::new("<stdin>");
    let bytes = read_capped(io::stdin().lock(), 0, shown)?;
    String::from_utf8(bytes).map_err(|e| not_utf8(shown, e.utf8_error().valid_up_to()))
}

/// At most [`MAX_TEXT_BYTES`] from `source`; more is an error. `expected` (the length the
/// metadata claims) only sizes the buffer, and never beyond the cap.
fn read_capped(source: impl io::Read, expected: u64, path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(expected.min(MAX_TEXT_BYTES) as usize + 1);
    source
        .take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", path, &e))?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(Error::io(
            "read",
            path,
            &io::Error::other(format!(
                "it is larger than {} MiB",
                MAX_TEXT_BYTES / 1024 / 1024
            )),
        ));
    }
    Ok(bytes)
}

/// Read a file that the repository rooted at `root` may have supplied. A file that lies in
/// the repository arrived with it (by `git clone`, say) and is untrusted: it is read only
/// when it is a regular file whose real path, symbolic links resolved, is inside the
/// repository. A file elsewhere was named by the user and is read as [`read_text`] reads.
pub(crate) fn read_supplied(root: &Path, path: &Path) -> Result<String> {
    if lies_in(root, path) {
        check_supplied(root, path)?;
    }
    read_text(path)
}

/// A file the user named by a path: read as asked when the path lies outside the
/// repository, but one inside it must stay inside it, every link resolved, for the
/// repository chose where its names lead.
pub(crate) fn check_named_inside(root: &Path, path: &Path) -> Result<()> {
    if lies_in(root, path) {
        check_supplied(root, path)?;
    }
    Ok(())
}

/// `path` with every symbolic link resolved, if it exists.
pub(crate) fn real_path(path: &Path) -> Option<PathBuf> {
    fs::canonicalize(path).ok()
}

/// Why the repository's file `path` may not be read, if it may not: it must be a regular
/// file (not a device, a pipe or a directory) and lead nowhere outside `root`.
fn check_supplied(root: &Path, path: &Path) -> Result<()> {
    let refuse = |why: &str| Error::io("read", path, &io::Error::other(why.to_string()));
    // `metadata` follows links: this is what opening the file would reach. Checked before
    // opening, because opening a pipe waits for a writer that never comes.
    let metadata = fs::metadata(path).map_err(|e| Error::io("read", path, &e))?;
    if !metadata.is_file() {
        return Err(refuse(if metadata.is_dir() {
            "it is a directory"
        } else {
            "it is not a regular file (a device, a pipe or a socket)"
        })
        .hint("files that come with the repository must be plain files"));
    }
    let real = fs::canonicalize(path).map_err(|e| Error::io("read", path, &e))?;
    let real_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if !real.starts_with(&real_root) {
        return Err(
            refuse("it is a symbolic link that leads outside the repository").hint(
                "decide reads only files inside the repository; replace the link with the file itself",
            ),
        );
    }
    Ok(())
}

/// Whether `path` (made absolute against the working directory) lies in the directory
/// `root`, judging by its name alone: `..` is taken back, links are not followed.
pub(crate) fn lies_in(root: &Path, path: &Path) -> bool {
    within(root, path).is_some()
}

/// `path`'s place below `root`, by names alone (see [`lies_in`]), if it lies in `root`.
pub(crate) fn within(root: &Path, path: &Path) -> Option<PathBuf> {
    let absolute = |p: &Path| match std::env::current_dir() {
        Ok(cwd) if p.is_relative() => normalise(&cwd.join(p)),
        _ => normalise(p),
    };
    absolute(path)
        .strip_prefix(absolute(root))
        .ok()
        .map(Path::to_path_buf)
}

/// `a/./b/../c` → `a/c`, by the names alone.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Files directly in `dir` with one of `extensions`, sorted by name. A missing directory
/// has no files.
pub(crate) fn list_files(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("list", dir, &e)),
    };
    // The kind comes from the directory entry: one `stat` per file, only for links.
    let mut files: Vec<(std::ffi::OsString, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            Path::new(&entry.file_name())
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .filter(|entry| match entry.file_type() {
            Ok(kind) if kind.is_symlink() => entry.path().is_file(),
            Ok(kind) => kind.is_file(),
            Err(_) => false,
        })
        .map(|entry| (entry.file_name(), entry.path()))
        .collect();
    // By name: the paths share their directory, and comparing paths costs more.
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(files.into_iter().map(|(_, path)| path).collect())
}

/// A record file in the log, and whether its directory entry is not a regular file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RecordEntry {
    pub path: PathBuf,
    /// A symbolic link, a named pipe, a socket or a device: reported, never opened.
    pub not_a_file: bool,
    /// What its name starts with, as [`record_prefix`] reads the record's name.
    pub prefix: Prefix,
}

/// What a log folder's listing holds besides its records, noticed on the way at no
/// extra cost: Markdown files not named as records (other than the log's own pages,
/// [`is_log_page`]), and subfolders, which may hold records no command reads.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Unread {
    pub files: Vec<PathBuf>,
    pub folders: Vec<PathBuf>,
}

/// The record files in a log directory (`NNNN-*.md`, `NNN_*.md`, or `YYYYMMDD-*.md` and
/// `YYYY-MM-DD-*.md` named by date), sorted by name, each with its kind. The directory
/// is read once, and file types come from the directory entries, not one `stat` per
/// file: with ten thousand records the difference shows (adr-tools re-lists the
/// directory per record).
pub(crate) fn list_record_entries(dir: &Path) -> Result<Vec<RecordEntry>> {
    list_log_folder(dir).map(|(records, _)| records)
}

/// [`list_record_entries`], and what else the folder holds that is not read ([`Unread`]).
/// The files left out are never opened: their names and the entries' types say enough.
pub(crate) fn list_log_folder(dir: &Path) -> Result<(Vec<RecordEntry>, Unread)> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Error::io("read the decision log", dir, &e)
                .hint("run `decide init`, or pass the log directory with --dir"));
        }
        Err(e) => return Err(Error::io("read the decision log", dir, &e)),
    };
    let mut records = Vec::new();
    let mut unread = Unread::default();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("read the decision log", dir, &e))?;
        let file_name = entry.file_name();
        // A name that is not UTF-8 is no record of ours.
        let Some(name) = file_name.to_str() else {
            continue;
        };
        let path = child(dir, &file_name);
        if !super::naming::is_markdown_name(name) {
            // Rare beside the records, so the entry's type costs nothing that shows; a
            // link to a directory is not followed.
            if may_hold_records(name) && entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                match folder_record(&path, name) {
                    Some(page) => records.push(RecordEntry {
                        path: page,
                        not_a_file: false,
                        prefix: record_prefix(name),
                    }),
                    None => unread.folders.push(path),
                }
            }
            continue;
        }
        let prefix = record_prefix(name);
        match prefix {
            Prefix::None => {
                if !is_log_page(name) && entry.file_type().is_ok_and(|kind| kind.is_file()) {
                    unread.files.push(path);
                }
                continue;
            }
            Prefix::Number(_) if is_numbered_log_page(name) => continue,
            _ => {}
        }
        // Anything named as a record that is not a regular file (a link, a named pipe, a
        // device) is listed so the readers report it, and is never opened: a pipe would
        // hang the reader, a device never end. A folder is not a record.
        match entry.file_type() {
            Ok(kind) if kind.is_file() => records.push(RecordEntry {
                path,
                not_a_file: false,
                prefix,
            }),
            Ok(kind) if !kind.is_dir() => records.push(RecordEntry {
                path,
                not_a_file: true,
                prefix,
            }),
            _ => {}
        }
    }
    sort_by_name(dir, &mut records);
    unread.files.sort();
    unread.folders.sort();
    Ok((records, unread))
}

/// `dir.join(name)`, as `join` writes it, for a plain file name. `join` looks at `name`
/// as a path of its own (is it absolute? has it a prefix?) and grows the folder's copy to
/// fit: a thousand instructions a record, a third of listing ten thousand.
fn child(dir: &Path, name: &std::ffi::OsStr) -> PathBuf {
    let folder = dir.as_os_str();
    if cfg!(windows) {
        // `C:` joins as `C:name`: Windows' folders are left to `join`.
        return dir.join(name);
    }
    if folder.is_empty() {
        return PathBuf::from(name);
    }
    let mut path = std::ffi::OsString::with_capacity(folder.len() + 1 + name.len());
    path.push(folder);
    if !folder
        .as_encoded_bytes()
        .last()
        .is_some_and(|&last| std::path::is_separator(char::from(last)))
    {
        path.push(std::path::MAIN_SEPARATOR_STR);
    }
    path.push(name);
    PathBuf::from(path)
}

/// Sort records of one folder by file name. Every path starts with the same folder, so
/// the bytes after it sort as the names do, without comparing the paths component by
/// component, or the folder each time; and the first eight of those bytes, read once as
/// one number, settle nearly every comparison (`0042-…`, `20210310…`) without a `memcmp`.
fn sort_by_name(dir: &Path, records: &mut Vec<RecordEntry>) {
    fn after(folder: usize, path: &Path) -> &[u8] {
        let bytes = path.as_os_str().as_encoded_bytes();
        bytes.get(folder..).unwrap_or(bytes)
    }
    let folder = dir.as_os_str().len();
    let lead = |bytes: &[u8]| {
        let mut eight = [0; 8];
        let len = bytes.len().min(8);
        eight[..len].copy_from_slice(&bytes[..len]);
        u64::from_be_bytes(eight)
    };
    // Kept beside the records, not read in each comparison: reading them there saves the
    // list's half megabyte and costs 7 million instructions more at ten thousand records.
    let mut keyed: Vec<(u64, RecordEntry)> = std::mem::take(records)
        .into_iter()
        .map(|record| (lead(after(folder, &record.path)), record))
        .collect();
    keyed.sort_unstable_by(|(a_lead, a), (b_lead, b)| {
        a_lead
            .cmp(b_lead)
            .then_with(|| after(folder, &a.path).cmp(after(folder, &b.path)))
    });
    records.extend(keyed.into_iter().map(|(_, record)| record));
}

/// The page of a record kept as a folder (`2022-02-07-tracing/README.md`, or `index.md`):
/// a folder named as a record is, holding one of those as a plain file.
fn folder_record(folder: &Path, name: &str) -> Option<PathBuf> {
    if record_prefix(name) == Prefix::None {
        return None;
    }
    super::naming::FOLDER_PAGES
        .iter()
        .map(|page| folder.join(page))
        .find(|page| fs::symlink_metadata(page).is_ok_and(|m| m.is_file()))
}

/// Whether a subfolder of a log may hold records: not a hidden one, nor one named for
/// the log's templates, images or other assets.
fn may_hold_records(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !name.starts_with('.')
        && ![
            "template",
            "asset",
            "image",
            "img",
            "media",
            "static",
            "node_modules",
        ]
        .iter()
        .any(|word| lower.contains(word))
}

/// How deep below a log's folder [`markdown_below`] looks.
const UNREAD_DEPTH: usize = 3;
/// How many Markdown files [`markdown_below`] gathers at most: enough to say that some
/// are there and name the first few.
const UNREAD_MAX: usize = 1000;

/// The Markdown files (other than templates) in `folders`, a log's subfolders, and in
/// theirs, at most [`UNREAD_DEPTH`] levels down and [`UNREAD_MAX`] files in all, sorted.
/// Nothing is opened, and links are not followed: the walk ends, and stays in the tree.
pub(crate) fn markdown_below(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending: Vec<(PathBuf, usize)> = folders.iter().map(|f| (f.clone(), 1)).collect();
    while let Some((folder, depth)) = pending.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            if found.len() >= UNREAD_MAX {
                break;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() {
                if depth < UNREAD_DEPTH && may_hold_records(&name) {
                    pending.push((entry.path(), depth + 1));
                }
            } else if kind.is_file()
                && name.ends_with(".md")
                && !name.to_ascii_lowercase().contains("template")
            {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found
}

/// The start of a text file: what one `read` of at most `limit` bytes returns, and whether
/// the file may go on past it. One read, not a loop to the end: a log-wide listing reads
/// ten thousand headers, and the system call that would only confirm the end of each file
/// costs as much as the parsing. So a non-empty result always "may go on"; the caller
/// reads the whole file when the prefix is not enough. A cut in the middle of a UTF-8
/// character is not an error: the partial character is dropped.
pub(crate) fn read_prefix(path: &Path, limit: usize) -> Result<(String, bool)> {
    with_prefix(path, limit, |text, may_go_on| (text.to_string(), may_go_on))
}

/// [`read_prefix`], handing the text to `work` where it was read instead of copying it
/// out: a log-wide scan reads ten thousand records, and a copy of each costs an
/// allocation and a pass over its bytes. `work` must not read a file this way itself.
pub(crate) fn with_prefix<T>(
    path: &Path,
    limit: usize,
    work: impl FnOnce(&str, bool) -> T,
) -> Result<T> {
    use std::io::Read;
    thread_local! {
        // One buffer per thread, zeroed once: a fresh one per record costs an allocation
        // and a clearing of `limit` bytes, for files mostly far shorter.
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut file = File::open(path).map_err(|e| Error::io("read", path, &e))?;
    BUFFER.with_borrow_mut(|buffer| {
        if buffer.len() < limit {
            buffer.resize(limit, 0);
        }
        let filled = loop {
            match file.read(&mut buffer[..limit]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::io("read", path, &e)),
            }
        };
        // Closed before the work, as the copy did: a thread holds one file at a time.
        drop(file);
        let bytes = &buffer[..filled];
        let may_go_on = filled > 0;
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(work(text, may_go_on)),
            Err(e) if e.error_len().is_none() => {
                let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                Ok(work(valid, true))
            }
            Err(e) => Err(not_utf8(path, e.valid_up_to())),
        }
    })
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

/// A record's bytes as they are, for files moved without being understood. A link is
/// refused (its bytes belong to a file elsewhere), and so is a pipe or a device.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    refuse_not_a_file(path)?;
    let file = File::open(path).map_err(|e| Error::io("read", path, &e))?;
    let length = file.metadata().map_or(0, |m| m.len());
    read_capped(file, length, path)
}

/// Whether `path` names an existing file (for arguments that are a number or a file).
pub(crate) fn is_file(path: &Path) -> bool {
    path.is_file()
}

/// Whether anything at all is at `path`, a dangling link included: a file that is there
/// but cannot be read is reported, not taken for absent.
pub(crate) fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

pub(crate) fn is_dir(path: &Path) -> bool {
    path.is_dir()
}

/// A small text file that may well not exist (a git config): its text, or nothing. Only a
/// regular file is opened (a pipe would wait for ever), and the read is capped.
pub(crate) fn read_if_present(path: &Path) -> Option<String> {
    if !fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    read_text(path).ok()
}

/// When a file was last written, for listings.
pub(crate) fn modified(path: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Files under `dir` (recursively) with one of `extensions`, each with its path relative to
/// `dir` using `/`, sorted. A missing directory has no files. Linked directories below
/// `dir` are refused, not followed: a link back up the tree would make the walk endless,
/// and a link out of it would read another tree. Linked files are listed, for the reader
/// to judge ([`read_supplied`]).
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
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(path);
                continue;
            }
            if kind.is_symlink() && path.is_dir() {
                return Err(linked_dir_error(&path));
            }
            let wanted = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e));
            if wanted && (kind.is_file() || kind.is_symlink()) {
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

/// Refuse to walk `dir` when it lies in the repository `root` and it, or a directory on
/// the way to it from `root` (`.decide` for `.decide/templates`), is a symbolic link: the
/// repository chose where the link leads (`/root`, say), and a walk would read, and name in
/// its errors, what lies there. Where the link leads to nothing by that name there is
/// nothing to walk, and nothing is refused. A directory outside the repository was named
/// by the user and is walked as named.
pub(crate) fn refuse_linked_dir(root: &Path, dir: &Path) -> Result<()> {
    let Some(below) = within(root, dir) else {
        return Ok(());
    };
    if fs::metadata(dir).is_err() {
        return Ok(());
    }
    let mut at = root.to_path_buf();
    for part in below.components() {
        at.push(part);
        if fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(linked_dir_error(&at));
        }
    }
    Ok(())
}

fn linked_dir_error(path: &Path) -> Error {
    Error::io(
        "list",
        path,
        &io::Error::other("it is a symbolic link, and decide does not follow linked directories"),
    )
    .hint("replace the link with the directory itself")
}

/// Records must be regular files: an edit (status, supersede, renumber) through a link
/// would replace the link or write outside the log, and opening a named pipe waits for a
/// writer that never comes. A folder, or nothing at all, is left to the read to report.
pub(crate) fn refuse_not_a_file(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if !metadata.is_file() && !metadata.is_dir() => Err(not_a_file_error(path)),
        _ => Ok(()),
    }
}

/// Why the record at `path`, named as a record but no regular file, is not read.
pub(crate) fn not_a_file_error(path: &Path) -> Error {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        return Error::record(
            "it is a symbolic link, and records must be regular files so edits stay in the log",
        )
        .in_file(path)
        .hint("replace the link with a copy of the record");
    }
    Error::record(format!(
        "it is {}, not a regular file, so it is never opened as a record",
        special_kind(path)
    ))
    .in_file(path)
    .hint("remove it, or replace it with the record as a plain file")
}

/// What kind of file system entry `path` is, when it is neither a file, a folder nor a
/// link.
fn special_kind(path: &Path) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if let Ok(metadata) = fs::symlink_metadata(path) {
            let kind = metadata.file_type();
            if kind.is_fifo() {
                return "a named pipe";
            }
            if kind.is_socket() {
                return "a socket";
            }
            if kind.is_block_device() || kind.is_char_device() {
                return "a device";
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    "something other than a file"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn children_are_joined_as_join_joins_them() {
        for (dir, name) in [
            ("docs/adr", "0001-a.md"),
            ("docs/adr/", "0001-a.md"),
            ("/", "0001-a.md"),
            ("", "0001-a.md"),
            (".", "0001-a.md"),
        ] {
            let name = std::ffi::OsStr::new(name);
            assert_eq!(
                child(Path::new(dir), name),
                Path::new(dir).join(name),
                "{dir}"
            );
        }
    }

    #[test]
    fn records_sort_by_the_whole_name() {
        let names = [
            "0002-b.md",
            "0001-b.md",
            "0001-a.md",
            "1-x.md",
            "20210310-b.md",
            "20210310-a.md",
            "0010.md",
            "001-short.md",
            "0001-",
        ];
        for dir in ["docs/adr", "docs/adr/", ""] {
            let mut records: Vec<RecordEntry> = names
                .iter()
                .map(|name| RecordEntry {
                    path: Path::new(dir).join(name),
                    not_a_file: false,
                    prefix: Prefix::None,
                })
                .collect();
            sort_by_name(Path::new(dir), &mut records);
            let mut sorted = names.to_vec();
            sorted.sort_unstable();
            let got: Vec<String> = records
                .iter()
                .map(|r| crate::store::file_name(&r.path).into_owned())
                .collect();
            assert_eq!(got, sorted, "{dir}");
        }
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
        let names: Vec<String> = list_record_entries(dir.path())
            .unwrap()
            .iter()
            .map(|e| e.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["0001-a.md", "0002-b.md"]);
        let missing = list_record_entries(&dir.path().join("nope")).unwrap_err();
        assert!(missing.to_string().contains("decide init"), "{missing}");
    }

    #[cfg(unix)]
    #[test]
    fn reads_are_capped_whatever_the_metadata_says() {
        // A character device reports a length of 0 and never ends.
        let error = read_text(Path::new("/dev/zero")).unwrap_err().to_string();
        assert!(error.contains("larger than 8 MiB"), "{error}");
        // A record's bytes are never read from a device at all.
        let error = read_bytes(Path::new("/dev/urandom"))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("it is a device, not a regular file"),
            "{error}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn anything_named_as_a_record_that_is_no_file_is_listed_to_be_reported_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("0001-a.md"), "x").unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(dir.path().join("0002-pipe.md"))
            .status()
            .unwrap();
        assert!(made.success());
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("0003-zero.md")).unwrap();
        std::os::unix::fs::symlink("0001-a.md", dir.path().join("0004-link.md")).unwrap();
        fs::create_dir(dir.path().join("0005-folder.md")).unwrap();
        let entries: Vec<(String, bool)> = list_record_entries(dir.path())
            .unwrap()
            .iter()
            .map(|e| (crate::store::file_name(&e.path).into_owned(), e.not_a_file))
            .collect();
        assert_eq!(
            entries,
            [
                ("0001-a.md".to_string(), false),
                ("0002-pipe.md".to_string(), true),
                ("0003-zero.md".to_string(), true),
                ("0004-link.md".to_string(), true),
            ]
        );
        let pipe = dir.path().join("0002-pipe.md");
        let error = refuse_not_a_file(&pipe).unwrap_err().to_string();
        assert!(
            error.ends_with(
                "0002-pipe.md: it is a named pipe, not a regular file, so it is never opened \
                 as a record (hint: remove it, or replace it with the record as a plain file)"
            ),
            "{error}"
        );
        assert!(refuse_not_a_file(&dir.path().join("0001-a.md")).is_ok());
        let error = refuse_not_a_file(&dir.path().join("0004-link.md")).unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn the_repository_supplies_only_regular_files_inside_it() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.md");
        fs::write(&secret, "secret").unwrap();
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        fs::write(root.join("plain.md"), "plain").unwrap();
        fs::create_dir(root.join("sub")).unwrap();
        symlink("../plain.md", root.join("sub/inside.md")).unwrap();
        symlink(&secret, root.join("out.md")).unwrap();
        symlink("/dev/zero", root.join("zero.md")).unwrap();
        let fifo = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.md"))
            .status()
            .is_ok_and(|s| s.success());
        assert_eq!(
            read_supplied(root, &root.join("plain.md")).unwrap(),
            "plain"
        );
        assert_eq!(
            read_supplied(root, &root.join("sub/inside.md")).unwrap(),
            "plain"
        );
        let cases = [
            ("out.md", "leads outside the repository"),
            ("zero.md", "not a regular file"),
            ("sub", "is a directory"),
            ("sub/../out.md", "leads outside the repository"),
        ];
        for (name, reason) in cases {
            let error = read_supplied(root, &root.join(name))
                .unwrap_err()
                .to_string();
            assert!(error.contains(reason), "{name}: {error}");
        }
        if fifo {
            let error = read_supplied(root, &root.join("pipe.md"))
                .unwrap_err()
                .to_string();
            assert!(error.contains("not a regular file"), "{error}");
        }
        // The user named a file outside the repository: it is theirs to read.
        assert_eq!(read_supplied(root, &secret).unwrap(), "secret");
    }

    #[cfg(unix)]
    #[test]
    fn walks_never_follow_linked_directories() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("messages")).unwrap();
        fs::write(dir.path().join("decision.md"), "x").unwrap();
        fs::write(dir.path().join("messages/to-team.txt"), "x").unwrap();
        let names: Vec<String> = list_files_recursive(dir.path(), &["md", "txt"])
            .unwrap()
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(names, ["decision.md", "messages/to-team.txt"]);
        symlink(".", dir.path().join("messages/loop")).unwrap();
        let error = list_files_recursive(dir.path(), &["md"]).unwrap_err();
        assert!(error.to_string().contains("does not follow"), "{error}");
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
}
