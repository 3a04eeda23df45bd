//! Writing atomically: a synced temporary file, then a no-replace hard link (new files)
//! or a rename (edits), so a reader never sees half a file and a crash loses nothing.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::lock::DirLock;
use chrono::NaiveDate;

use super::naming::{DateStyle, NumberStyle, Prefix, record_prefix};
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
/// the old one removed, so a crash in between leaves both rather than neither. The new
/// file keeps the old one's permissions.
pub(super) fn move_record(from: &Path, to: &Path, bytes: &[u8]) -> Result<()> {
    let permissions = fs::metadata(from).ok().map(|m| m.permissions());
    write_new_file_with(to, bytes, permissions).map_err(|e| {
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
    /// Whether the records are named by date (log4brains' `YYYYMMDD-slug.md`,
    /// `YYYY-MM-DD-slug.md`) and none by number.
    dated: bool,
    /// How the record with the highest number is named, for the next to be named alike.
    style: NumberStyle,
    /// How the newest record named by date is named, for the next to be named alike.
    date_style: DateStyle,
    /// How the log's last record is kept, for the next to be kept alike.
    form: Form,
}

/// How a record is kept: a file with the log's extension (`.md`, or Docusaurus' `.mdx`),
/// or a folder of its own holding its page (`2022-02-07-tracing/README.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Form {
    extension: String,
    /// The page's name, for a log whose records are folders.
    page: Option<&'static str>,
}

impl Default for Form {
    fn default() -> Form {
        Form {
            extension: ".md".to_string(),
            page: None,
        }
    }
}

impl Form {
    /// The form of the record named `name` in `dir`, `folder` when it is a folder.
    fn of(dir: &Path, name: &str, folder: bool) -> Form {
        if folder {
            // A folder without a page (of images, say) is no record's form.
            let page = super::naming::FOLDER_PAGES
                .into_iter()
                .find(|page| dir.join(name).join(page).is_file());
            return Form {
                page,
                ..Form::default()
            };
        }
        let extension = &name[super::without_extension(name).len()..];
        Form {
            extension: extension.to_string(),
            page: None,
        }
    }

    /// The record `stem`'s file, relative to the log's folder: `0004-slug.mdx`, or
    /// `2026-12-03-slug/README.md` for a folder's page.
    fn file(&self, stem: &str) -> String {
        match self.page {
            Some(page) => format!("{stem}/{page}"),
            None => format!("{stem}{}", self.extension),
        }
    }

    /// Where the record `stem` goes in `dir`, its folder made first for a folder's page.
    fn place(&self, dir: &Path, stem: &str) -> io::Result<PathBuf> {
        match self.page {
            Some(page) => {
                let folder = dir.join(stem);
                fs::create_dir(&folder)?;
                Ok(folder.join(page))
            }
            None => Ok(dir.join(format!("{stem}{}", self.extension))),
        }
    }
}

/// One pass over the directory (it may hold thousands of records): the highest number in
/// use, plus one, and how records are named. The number must leave room for the next: a
/// file named `4294967295-x.md` would otherwise wrap the count round to 0. Dates in
/// log4brains' names are not numbers: `20210312-x.md` does not make the next `20210313`.
fn scan_for_next_number(dir: &Path) -> Result<Names> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Names {
                next: 1,
                dated: false,
                style: NumberStyle::default(),
                date_style: DateStyle::default(),
                form: Form::default(),
            });
        }
        Err(e) => return Err(Error::io("list", dir, &e)),
    };
    let mut highest: Option<(u32, String)> = None;
    let mut dates = 0usize;
    let mut newest_date: Option<(chrono::NaiveDate, String)> = None;
    // Whether the highest-numbered and the newest dated record are folders.
    let (mut highest_folder, mut newest_folder) = (false, false);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let folder =
            || !super::is_markdown_name(&name) && entry.file_type().is_ok_and(|k| k.is_dir());
        match record_prefix(&name) {
            Prefix::Date(date) => {
                dates += 1;
                if newest_date
                    .as_ref()
                    .is_none_or(|(seen, seen_name)| (date, &*name) > (*seen, seen_name.as_str()))
                {
                    newest_folder = folder();
                    newest_date = Some((date, name.into_owned()));
                }
            }
            Prefix::Number(number) if highest.as_ref().is_none_or(|(seen, _)| number > *seen) => {
                highest_folder = folder();
                highest = Some((number, name.into_owned()));
            }
            _ => {}
        }
    }
    let form = match (&highest, &newest_date) {
        (Some((_, name)), _) => Form::of(dir, name, highest_folder),
        (None, Some((_, name))) => Form::of(dir, name, newest_folder),
        (None, None) => Form::default(),
    };
    let next = match highest {
        None => 1,
        Some((number, ref name)) => next_number(number).ok_or_else(|| {
            Error::content(format!(
                "the highest record number, {number} (in {name}), leaves no number for a new record"
            ))
            .in_file(dir)
            .hint(format!(
                "records are numbered up to {MAX_RECORD_NUMBER}; rename {name} with a smaller number"
            ))
        })?,
    };
    Ok(Names {
        next,
        dated: highest.is_none() && dates > 0,
        style: highest
            .and_then(|(_, name)| NumberStyle::of(&name))
            .unwrap_or_default(),
        date_style: newest_date
            .and_then(|(_, name)| DateStyle::of(&name))
            .unwrap_or_default(),
        form,
    })
}

/// The highest number a record can take: nine digits, as the readers take them.
pub(crate) const MAX_RECORD_NUMBER: u32 = 999_999_999;

/// The number after `number`, while there is one.
fn next_number(number: u32) -> Option<u32> {
    number.checked_add(1).filter(|n| *n <= MAX_RECORD_NUMBER)
}

/// Remove temporary files left in `dir` by writers that were killed mid-write: their
/// names carry the writer's process id, and a process that no longer exists will never
/// finish them. Only regular files directly in `dir` whose names are ours are touched;
/// callers hold the directory's lock.
pub(super) fn sweep_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let owner = temporary_owner(&name).or_else(|| probe_owner(&name));
        if let Some(pid) = owner
            && !process_exists(pid)
            && entry.file_type().is_ok_and(|kind| kind.is_file())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Write a new record as `NNNN-slug.md` with the next free number and return its path
/// (`render` makes its text from its number and its file's path in `dir`);
/// in a log whose records are named by date, dated `today` with no number and in the
/// form of the log's newest record (`YYYYMMDD-slug.md` as log4brains names them, or
/// `YYYY-MM-DD_slug.md`; `dated`: the log's tool says so even before its first record).
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
    render: impl Fn(Option<u32>, &str) -> Result<String>,
) -> Result<PathBuf> {
    let _lock = DirLock::acquire(dir)?;
    sweep_temporaries(dir);
    let names = scan_for_next_number(dir)?;
    if names.dated || (dated && names.next == 1) {
        let day = names.date_style.stem(today, slug);
        for attempt in 1..1000 {
            let suffix = if attempt == 1 {
                String::new()
            } else {
                format!("{}{attempt}", names.date_style.joiner)
            };
            let stem = format!("{day}{suffix}");
            let text = render(None, &names.form.file(&stem))?;
            match place_new(&names.form, dir, &stem, text.as_bytes()) {
                Ok(path) => return Ok(path),
                Err((_, e)) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err((path, e)) => return Err(Error::io("write the record", &path, &e)),
            }
        }
        return Err(Error::io(
            "write the record",
            dir,
            &io::Error::other(format!("a thousand records named {day} exist")),
        ));
    }
    let mut number = names.next;
    loop {
        let stem = names.style.stem(number, slug);
        let text = render(Some(number), &names.form.file(&stem))?;
        match place_new(&names.form, dir, &stem, text.as_bytes()) {
            Ok(path) => return Ok(path),
            // Someone without our lock (another tool, a git checkout) took the name: move on.
            Err((path, e)) if e.kind() == io::ErrorKind::AlreadyExists => {
                number = next_number(number).ok_or_else(|| {
                    Error::io("write the record", &path, &e)
                        .hint("every record number is taken; renumber the log")
                })?;
            }
            Err((path, e)) => return Err(Error::io("write the record", &path, &e)),
        }
    }
}

/// Write the new record `stem` in `dir` as the log keeps its records ([`Form`]); the
/// path it was to have with the error.
fn place_new(
    form: &Form,
    dir: &Path,
    stem: &str,
    bytes: &[u8],
) -> std::result::Result<PathBuf, (PathBuf, io::Error)> {
    let path = form.place(dir, stem).map_err(|e| (dir.join(stem), e))?;
    write_new_file(&path, bytes)
        .map(|()| path.clone())
        .map_err(|e| (path, e))
}

/// Create `path` with `bytes`, atomically, never replacing an existing file.
pub(crate) fn write_new_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_new_file_with(path, bytes, None)
}

fn write_new_file_with(
    path: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> io::Result<()> {
    let temporary = write_temporary(path, bytes, true)?;
    if let Some(permissions) = permissions {
        let _ = fs::set_permissions(&temporary, permissions);
    }
    let linked = fs::hard_link(&temporary, path);
    let _ = fs::remove_file(&temporary);
    linked?;
    sync_parent(path);
    Ok(())
}

/// Replace `path` with `bytes` atomically: readers see the old or the new text, never a mix.
/// For files of decide's own outside the log (drafts, `.adr-dir`); records are replaced
/// through their lock ([`super::LogLock::replace`]).
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let temporary = write_temporary(path, bytes, true).map_err(|e| Error::io("write", path, &e))?;
    rename_over(&temporary, path)
}

/// Replace the record `path` with `bytes` atomically; the new file keeps the old one's
/// permissions and, where the system allows, its owner and group.
pub(super) fn replace_keeping_permissions(path: &Path, bytes: &[u8]) -> Result<()> {
    let metadata = fs::metadata(path).map_err(|e| Error::io("edit", path, &e))?;
    let temporary = write_temporary(path, bytes, true).map_err(|e| Error::io("write", path, &e))?;
    let _ = fs::set_permissions(&temporary, metadata.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file to another user; anyone may keep a group they are in.
        if std::os::unix::fs::chown(&temporary, Some(metadata.uid()), Some(metadata.gid())).is_err()
        {
            let _ = std::os::unix::fs::chown(&temporary, None, Some(metadata.gid()));
        }
    }
    rename_over(&temporary, path)
}

/// Whether the record `path` may be changed. A read-only record is refused: someone made
/// it so on purpose, and replacing it would ignore them. So is a record with more than one
/// hard link: replacing it would leave the other names with the old text, and writing in
/// place would change a file elsewhere and could leave it half written, so the user
/// decides.
pub(crate) fn check_editable(path: &Path) -> Result<()> {
    super::refuse_not_a_file(path)?;
    let refuse = |why: &str| Error::io("edit", path, &io::Error::other(why.to_string()));
    let read_only = || {
        refuse("the record is read-only").hint("make it writable (chmod u+w) if it should change")
    };
    // The mode says what its owner meant, even to root, who could write it anyway; and
    // the mode does not tell the whole story (ACLs, read-only mounts), so ask for write
    // access too.
    let metadata = fs::metadata(path).map_err(|e| Error::io("edit", path, &e))?;
    if metadata.permissions().readonly() {
        return Err(read_only());
    }
    match OpenOptions::new().write(true).open(path) {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => return Err(read_only()),
        Err(e) => return Err(Error::io("edit", path, &e)),
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let links = metadata.nlink();
        if links > 1 {
            return Err(refuse(&format!(
                "the record has {links} hard links, and an edit would either split them or change the other files too"
            ))
            .hint("give it a file of its own (cp FILE FILE.new && mv FILE.new FILE), then run again"));
        }
    }
    Ok(())
}

fn rename_over(temporary: &Path, path: &Path) -> Result<()> {
    if let Err(e) = fs::rename(temporary, path) {
        let _ = fs::remove_file(temporary);
        return Err(Error::io("replace", path, &e));
    }
    sync_parent(path);
    Ok(())
}

/// A new temporary file beside `path` holding `bytes`, synced when `sync` says so, its name
/// carrying this process's id. Always a file created here: a name already taken (a link a
/// repository planted, say) is passed by, never opened.
pub(super) fn write_temporary(path: &Path, bytes: &[u8], sync: bool) -> io::Result<PathBuf> {
    write_temporary_with(path, sync, |file| file.write_all(bytes))
}

/// [`write_temporary`] of what `fill` writes into the new file.
pub(super) fn write_temporary_with(
    path: &Path,
    sync: bool,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<PathBuf> {
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
        let written = fill(&mut file).and_then(|()| if sync { file.sync_all() } else { Ok(()) });
        if let Err(e) = written {
            let _ = fs::remove_file(&temporary);
            return Err(e);
        }
        return Ok(temporary);
    }
    Err(io::Error::other("could not create a temporary file"))
}

/// The process id in the name of `check_log_dir`'s probe, `.decide-write-check-PID`.
fn probe_owner(name: &str) -> Option<u32> {
    name.strip_prefix(".decide-write-check-")?.parse().ok()
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

    /// A link planted where a temporary file would go is passed by, and what it points at
    /// is left alone.
    #[cfg(unix)]
    #[test]
    fn a_temporary_file_is_never_opened_through_a_planted_link() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("profile");
        fs::write(&target, "mine").unwrap();
        for attempt in 0..3 {
            let planted = dir
                .path()
                .join(format!(".words.{}.{attempt}.tmp", std::process::id()));
            std::os::unix::fs::symlink(&target, planted).unwrap();
        }
        let temporary = write_temporary(&dir.path().join("words"), b"index", false).unwrap();
        assert!(temporary.ends_with(format!(".words.{}.3.tmp", std::process::id())));
        assert_eq!(fs::read_to_string(&temporary).unwrap(), "index");
        assert_eq!(fs::read_to_string(&target).unwrap(), "mine");
    }

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
        let render = |n: Option<u32>, _: &str| Ok(format!("record {}", n.unwrap_or_default()));
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
        let render = |n: Option<u32>, file: &str| Ok(format!("{file}: number {n:?}"));
        // log4brains' own settings say so before the first record exists.
        let first = write_new_record(dir.path(), "a", today, true, render).unwrap();
        assert_eq!(first.file_name().unwrap(), "20261126-a.md");
        assert_eq!(
            fs::read_to_string(&first).unwrap(),
            "20261126-a.md: number None"
        );
        fs::write(dir.path().join("20210312-old.md"), "old").unwrap();
        let again = write_new_record(dir.path(), "a", today, false, render).unwrap();
        assert_eq!(again.file_name().unwrap(), "20261126-a-2.md");
        assert_eq!(
            fs::read_to_string(&again).unwrap(),
            "20261126-a-2.md: number None"
        );
    }

    #[test]
    fn new_records_are_kept_as_the_log_keeps_its_last() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let render = |_: Option<u32>, file: &str| Ok(file.to_string());
        // (what the log holds, folders first; the new record's path in it)
        for (folders, files, written) in [
            (
                vec!["2022-02-07-tracing"],
                vec!["README.md", "2022-02-07-tracing/README.md"],
                "2026-11-26-a/README.md",
            ),
            (vec!["0001-x"], vec!["0001-x/index.md"], "0002-a/index.md"),
            (vec![], vec!["0001-x.mdx", "index.mdx"], "0002-a.mdx"),
            (
                vec![],
                vec!["0001-x.md", "0002-y.markdown"],
                "0003-a.markdown",
            ),
            // A folder named as a record with no page is no record's form.
            (vec!["0003-x"], vec!["0002-y.md"], "0004-a.md"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            for folder in &folders {
                fs::create_dir(dir.path().join(folder)).unwrap();
            }
            for file in &files {
                fs::write(dir.path().join(file), "x").unwrap();
            }
            let path = write_new_record(dir.path(), "a", today, false, render).unwrap();
            assert_eq!(path, dir.path().join(written), "{files:?}");
            assert_eq!(fs::read_to_string(&path).unwrap(), written);
        }
    }

    #[test]
    fn numbers_stop_before_they_wrap() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        fs::write(dir.path().join("4294967295-x.md"), "x").unwrap();
        let error = write_new_record(dir.path(), "next", today, false, |n, _| {
            Ok(format!("{n:?}"))
        })
        .unwrap_err();
        assert!(
            error
                .to_string()
                .contains("leaves no number for a new record"),
            "{error}"
        );
        fs::remove_file(dir.path().join("4294967295-x.md")).unwrap();
        fs::write(dir.path().join("999999998-x.md"), "x").unwrap();
        let last = write_new_record(dir.path(), "next", today, false, |n, _| {
            Ok(format!("{n:?}"))
        })
        .unwrap();
        assert_eq!(last.file_name().unwrap(), "999999999-next.md");
        assert!(
            write_new_record(dir.path(), "next", today, false, |n, _| Ok(format!(
                "{n:?}"
            )))
            .is_err()
        );
        assert_eq!(next_number(u32::MAX), None);
    }

    // Only Linux tells cheaply whether a process is alive; elsewhere nothing is swept.
    #[cfg(target_os = "linux")]
    #[test]
    fn only_dead_writers_temporaries_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        // No process has the largest id: a killed writer's file.
        let dead = format!(".0001-a.md.{}.0.tmp", u32::MAX);
        let alive = format!(".0001-a.md.{}.0.tmp", std::process::id());
        let probe = format!(".decide-write-check-{}", u32::MAX);
        for name in [&dead, &alive, &probe, &"0001-a.md".to_string()] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            "/nonexistent",
            dir.path().join(format!(".l.md.{}.0.tmp", u32::MAX)),
        )
        .unwrap();
        sweep_temporaries(dir.path());
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected = vec![alive.clone(), "0001-a.md".to_string()];
        #[cfg(unix)]
        expected.push(format!(".l.md.{}.0.tmp", u32::MAX));
        expected.sort();
        assert_eq!(left, expected);
    }

    #[cfg(unix)]
    #[test]
    fn edits_keep_the_mode_and_refuse_read_only_and_linked_records() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("0001-a.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        check_editable(&path).unwrap();
        replace_keeping_permissions(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);

        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let error = check_editable(&path).unwrap_err();
        assert_eq!(error.exit_code(), crate::error::exit::FILE_SYSTEM);
        assert!(error.to_string().contains("read-only"), "{error}");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();

        fs::hard_link(&path, dir.path().join("elsewhere.md")).unwrap();
        let error = check_editable(&path).unwrap_err();
        assert!(error.to_string().contains("2 hard links"), "{error}");
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
                let path = write_new_record(dir.path(), "old", today, false, |n, _| Ok(format!("new {n:?}"))).unwrap();
                let number = crate::store::record_number(&path.file_name().unwrap().to_string_lossy()).unwrap();
                prop_assert_eq!(number, existing.iter().max().map_or(1, |m| m + 1));
                for old in &existing {
                    prop_assert_eq!(fs::read_to_string(dir.path().join(format!("{old:04}-old.md"))).unwrap(), "old");
                }
            }
        }
    }
}
