//! The directory `decide site` writes. It may hold nothing but a site `decide` wrote: a
//! marker file lists the files of the last build, so a rebuild replaces them and removes
//! the pages of records that are gone, and never touches a file it did not write. A
//! directory with other files in it is refused, so `--out .` cannot litter a repository
//! or clear anyone's work.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// The marker `decide site` leaves in the site's directory: the files it wrote, one a line.
pub(crate) const SITE_MARKER: &str = ".decide-site";

/// The most a file of the site may hold when it is served: the index of a log of a
/// hundred thousand records fits.
const SERVED_FILE_CAP: u64 = 256 * 1024 * 1024;

/// The files every site build writes besides the record pages (the site module builds
/// them under these names).
pub(crate) const SHARED_SITE_FILES: [&str; 6] = [
    "assets/site.css",
    "assets/site.js",
    "index.html",
    "graph.html",
    "stats.html",
    "search-index.js",
];

/// Whether `relative` (a path below the site's directory) is a file a site build writes:
/// one of [`SHARED_SITE_FILES`], or a record's page in `records/`, named with letters,
/// digits, `-` and `_` only. Nothing else in the site's directory is the site's: it is not
/// removed by a rebuild, whatever the marker of the last build says (the marker may have
/// come with the repository, and the directory may be a folder of it), and not served.
pub(crate) fn is_site_file(relative: &str) -> bool {
    SHARED_SITE_FILES.contains(&relative)
        || relative
            .strip_prefix("records/")
            .and_then(|name| name.strip_suffix(".html"))
            .is_some_and(|stem| {
                !stem.is_empty()
                    && stem
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
}

/// Make `dir` ready for a site: create it, or check it is empty or holds a site `decide`
/// wrote. The files the last build wrote are read afterwards ([`last_site_files`]), once
/// the pages are written: ten thousand names need not be held while the site is built.
pub(crate) fn prepare_site_dir(dir: &Path) -> Result<()> {
    match fs::metadata(dir) {
        Ok(metadata) if !metadata.is_dir() => {
            return Err(Error::io(
                "write the site there",
                dir,
                &io::Error::other("it is a file, not a directory"),
            )
            .hint("choose a directory with --out"));
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(|e| Error::io("create the site directory", dir, &e))?;
            return Ok(());
        }
        Err(e) => return Err(Error::io("use the site directory", dir, &e)),
    }
    if last_site_files_text(dir).is_some() {
        return Ok(());
    }
    let mut entries = fs::read_dir(dir).map_err(|e| Error::io("list", dir, &e))?;
    if entries.next().is_some() {
        return Err(Error::usage(format!(
            "{} is not empty and holds no site written by decide",
            dir.display()
        ))
        .hint("name a new or empty directory with --out (or site_dir in .decide.yaml)"));
    }
    Ok(())
}

/// The files the last build wrote in `dir`, from its marker; none without one.
pub(crate) fn last_site_files(dir: &Path) -> Vec<String> {
    last_site_files_text(dir).map_or_else(Vec::new, |text| {
        text.lines()
            .filter(|line| is_site_file(line))
            .map(str::to_string)
            .collect()
    })
}

/// The marker's text. The marker may have come with the repository, naming any file
/// below the directory (a record, git's own files): only files of the site's own shape
/// are taken from it, and a marker that is a link to elsewhere is no marker.
fn last_site_files_text(dir: &Path) -> Option<String> {
    let marker = dir.join(SITE_MARKER);
    if fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file()) {
        super::read_if_present(&marker)
    } else {
        None
    }
}

/// Whether `relative` names a file below the site's directory: no `..`, no root.
fn below(relative: &str) -> bool {
    !relative.is_empty()
        && Path::new(relative)
            .components()
            .all(|part| matches!(part, Component::Normal(_)))
}

/// Whether the folders between the site's directory and its file `relative` are folders
/// of the site's own (or not made yet), not symbolic links: a page written, removed or
/// served through a link would be somewhere else.
fn through_own_folders(dir: &Path, relative: &str) -> bool {
    let mut at = dir.to_path_buf();
    let mut folders = Path::new(relative).components();
    folders.next_back();
    for folder in folders {
        at.push(folder);
        match fs::symlink_metadata(&at) {
            Ok(metadata) if metadata.is_dir() => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return true,
            _ => return false,
        }
    }
    true
}

/// Write one file of the site atomically, creating its directory.
pub(crate) fn write_site_file(dir: &Path, relative: &str, bytes: &[u8]) -> Result<()> {
    let path = site_path(dir, relative)?;
    match fs::symlink_metadata(&path) {
        // A page the last build wrote the same is left alone: a rebuild of a large log
        // then writes only what changed, and replacing a file by rename makes ext4 flush it.
        Ok(metadata)
            if metadata.is_file()
                && metadata.len() == bytes.len() as u64
                && fs::read(&path).is_ok_and(|old| old == bytes) =>
        {
            return Ok(());
        }
        // A new page: no reader can hold an older one, so it is written in place, one
        // change to its directory instead of two (the directory's lock is what threads
        // writing ten thousand pages wait on).
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, &e))?;
            }
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    return file
                        .write_all(bytes)
                        .map_err(|e| Error::io("write", &path, &e));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io("write", &path, &e)),
            }
        }
        _ => {}
    }
    // A temporary file renamed into place, so a browser reading the site while `--serve`
    // rebuilds it never gets half a page. Not synced: the site is rebuilt from the log at
    // will, and ten thousand syncs would take longer than the whole build.
    let temporary = super::write::write_temporary(&path, bytes, false)
        .map_err(|e| Error::io("write", &path, &e))?;
    fs::rename(&temporary, &path).map_err(|e| {
        let _ = fs::remove_file(&temporary);
        Error::io("write", &path, &e)
    })
}

/// Write one file of the site from what `fill` writes, in pieces: the index, graph and
/// search index of a log of ten thousand records are megabytes each, and held whole (with
/// the last build's copy read back to compare) they were most of the site's memory. It
/// goes to a temporary file beside it; a file the last build wrote the same is left alone
/// (compared a block at a time), anything else is renamed into place, so a browser
/// reading the site while `--serve` rebuilds it never gets half a page.
pub(crate) fn stream_site_file(
    dir: &Path,
    relative: &str,
    fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
) -> Result<()> {
    let path = site_path(dir, relative)?;
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, &e))?;
    }
    let temporary = super::write::write_temporary_with(&path, false, |file| {
        let mut out = io::BufWriter::with_capacity(STREAM_BUFFER, file);
        fill(&mut out)?;
        out.flush()
    })
    .map_err(|e| Error::io("write", &path, &e))?;
    if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) && same_bytes(&temporary, &path) {
        let _ = fs::remove_file(&temporary);
        return Ok(());
    }
    fs::rename(&temporary, &path).map_err(|e| {
        let _ = fs::remove_file(&temporary);
        Error::io("write", &path, &e)
    })
}

/// How much of a streamed file is buffered before it is written, and compared at a time.
const STREAM_BUFFER: usize = 64 * 1024;

/// Whether the files `a` and `b` hold the same bytes, read a block at a time.
fn same_bytes(a: &Path, b: &Path) -> bool {
    use std::io::Read as _;
    let (Ok(a), Ok(b)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    match (a.metadata(), b.metadata()) {
        (Ok(x), Ok(y)) if x.len() == y.len() => {}
        _ => return false,
    }
    let (mut a, mut b) = (io::BufReader::new(a), io::BufReader::new(b));
    let (mut x, mut y) = (vec![0; STREAM_BUFFER], vec![0; STREAM_BUFFER]);
    loop {
        let Ok(read) = read_full(&mut a, &mut x) else {
            return false;
        };
        if read_full(&mut b, &mut y[..read]).ok() != Some(read) || x[..read] != y[..read] {
            return false;
        }
        if read == 0 {
            return b.read(&mut y[..1]).ok() == Some(0);
        }
    }
}

/// Fill `buffer` from `from` as far as it goes: the bytes read, fewer only at the end.
fn read_full(from: &mut impl io::Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match from.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// The path of the site's file `relative`, refused when it would lie outside the site or
/// be written through a link.
fn site_path(dir: &Path, relative: &str) -> Result<PathBuf> {
    if !below(relative) {
        return Err(Error::usage(format!(
            "the site file {relative:?} would lie outside the site"
        )));
    }
    let path = dir.join(relative);
    if !through_own_folders(dir, relative) {
        return Err(Error::io(
            "write",
            &path,
            &io::Error::other("a folder on the way is a symbolic link or a file"),
        )
        .hint(format!(
            "remove what is in the way in {}, or name a new directory with --out",
            dir.display()
        )));
    }
    Ok(path)
}

/// A scratch file that only this process sees, removed by the system once it is closed
/// (or the process ends): what a build of the site spills instead of holding in memory.
/// Written at its end, read back anywhere.
#[derive(Debug)]
pub(crate) struct Scratch {
    file: fs::File,
    len: u64,
}

impl Scratch {
    pub(crate) fn new() -> io::Result<Scratch> {
        Ok(Scratch {
            file: tempfile::tempfile()?,
            len: 0,
        })
    }

    /// Add `bytes` at the end: where they start.
    pub(crate) fn append(&mut self, bytes: &[u8]) -> io::Result<u64> {
        use std::io::Seek as _;
        let at = self.len;
        (&self.file).seek(io::SeekFrom::Start(at))?;
        (&self.file).write_all(bytes)?;
        self.len += bytes.len() as u64;
        Ok(at)
    }

    /// Fill `buffer` from `at`: the bytes read, fewer only at the end of the file.
    pub(crate) fn read_at(&self, at: u64, buffer: &mut [u8]) -> io::Result<usize> {
        use std::io::Seek as _;
        (&self.file).seek(io::SeekFrom::Start(at))?;
        read_full(&mut &self.file, buffer)
    }
}

/// After a build: remove the files the last build wrote that this one did not (the pages
/// of records that are gone), and list this build's files in the marker.
pub(crate) fn finish_site(dir: &Path, written: &[String], previous: &[String]) -> Result<()> {
    let kept: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
    for old in previous {
        if kept.contains(old.as_str()) || !below(old) || !is_site_file(old) {
            continue;
        }
        let path = dir.join(old);
        // Only a regular file of ours: never through a link, never a directory.
        if through_own_folders(dir, old) && fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            super::remove_if_present(&path)?;
        }
    }
    let mut list = written.join("\n");
    list.push('\n');
    write_site_file(dir, SITE_MARKER, list.as_bytes())
}

/// A file of the site to serve, opened, and how many of its bytes to send: `relative` as
/// a browser asked for it, opened only if it is a regular file below `dir` of a name the
/// site writes ([`is_site_file`]): the site's directory may be a folder of the
/// repository with other files in it. `None` for anything else. The file is sent from
/// disk as it is read, never held whole in memory.
pub(crate) fn open_site_file(dir: &Path, relative: &str) -> Option<(fs::File, u64)> {
    if !below(relative) || !is_site_file(relative) || !through_own_folders(dir, relative) {
        return None;
    }
    let path: PathBuf = dir.join(relative);
    if !fs::symlink_metadata(&path).ok()?.is_file() {
        return None;
    }
    let file = fs::File::open(&path).ok()?;
    // What was opened, in case the name was replaced in between.
    let metadata = file.metadata().ok()?;
    metadata
        .is_file()
        .then(|| (file, metadata.len().min(SERVED_FILE_CAP)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A streamed file is written whole through a temporary file, left alone (not even
    /// rewritten) when the last build wrote it the same, and replaced when it differs;
    /// no temporary file is left behind, and a failed fill leaves the old file.
    #[test]
    fn a_streamed_file_replaces_only_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path();
        let stream = |text: &'static str| {
            stream_site_file(site, "index.html", &mut |to| {
                for piece in text.split_inclusive(' ') {
                    to.write_all(piece.as_bytes())?;
                }
                Ok(())
            })
        };
        let inode = || {
            use std::os::unix::fs::MetadataExt;
            fs::metadata(site.join("index.html")).unwrap().ino()
        };
        stream("one two three").unwrap();
        assert_eq!(
            fs::read_to_string(site.join("index.html")).unwrap(),
            "one two three"
        );
        let first = inode();
        stream("one two three").unwrap();
        assert_eq!(inode(), first, "an unchanged file is left alone");
        for changed in ["one two four!", "one two", "one two three four", ""] {
            stream(changed).unwrap();
            assert_eq!(
                fs::read_to_string(site.join("index.html")).unwrap(),
                changed
            );
        }
        let failed = stream_site_file(site, "index.html", &mut |to| {
            to.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(site.join("index.html")).unwrap(), "");
        let names: Vec<String> = fs::read_dir(site)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["index.html"]);
        assert!(stream_site_file(site, "../outside.html", &mut |_| Ok(())).is_err());
    }

    /// What the preview would send of the site's file `relative`.
    fn served(dir: &Path, relative: &str) -> Option<Vec<u8>> {
        use std::io::Read;
        let (file, length) = open_site_file(dir, relative)?;
        let mut bytes = Vec::new();
        file.take(length).read_to_end(&mut bytes).unwrap();
        Some(bytes)
    }

    #[test]
    fn only_paths_below_the_site_are_files_of_it() {
        for (path, expected) in [
            ("index.html", true),
            ("records/0001-a.html", true),
            ("../secret", false),
            ("records/../../x", false),
            ("/etc/passwd", false),
            ("", false),
        ] {
            assert_eq!(below(path), expected, "{path}");
        }
    }

    #[test]
    fn a_directory_with_other_files_is_refused_and_a_rebuild_removes_stale_pages() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let error = prepare_site_dir(dir.path()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("holds no site written by decide"),
            "{error}"
        );

        let site = dir.path().join("site");
        prepare_site_dir(&site).unwrap();
        assert_eq!(last_site_files(&site), Vec::<String>::new());
        let first = ["index.html".to_string(), "records/0001-a.html".to_string()];
        for file in &first {
            write_site_file(&site, file, b"x").unwrap();
        }
        finish_site(&site, &first, &[]).unwrap();
        fs::write(site.join("records/keep.txt"), "not ours").unwrap();

        // The same bytes again leave the file as it was (a rewrite is a new file, renamed).
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let inode = |name: &str| fs::metadata(site.join(name)).unwrap().ino();
            let before = inode("index.html");
            write_site_file(&site, "index.html", b"x").unwrap();
            assert_eq!(inode("index.html"), before);
            write_site_file(&site, "index.html", b"z").unwrap();
            assert_ne!(inode("index.html"), before);
            write_site_file(&site, "index.html", b"x").unwrap();
        }

        prepare_site_dir(&site).unwrap();
        let previous = last_site_files(&site);
        assert_eq!(previous, first);
        let second = ["index.html".to_string()];
        write_site_file(&site, "index.html", b"y").unwrap();
        finish_site(&site, &second, &previous).unwrap();
        assert!(!site.join("records/0001-a.html").exists());
        assert!(site.join("records/keep.txt").exists());
        assert_eq!(served(&site, "index.html").unwrap(), b"y");
        assert_eq!(served(&site, SITE_MARKER), None);
        assert_eq!(served(&site, "../notes.txt"), None);
    }

    /// A folder of the site that is a link (a repository may ship one) is never written,
    /// cleared or served through.
    #[cfg(unix)]
    #[test]
    fn nothing_goes_through_a_linked_folder() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.html"), "mine").unwrap();
        let site = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path().join("records")).unwrap();

        let error = write_site_file(site.path(), "records/0001-a.html", b"x").unwrap_err();
        assert!(error.to_string().contains("symbolic link"), "{error}");
        assert_eq!(served(site.path(), "records/secret.html"), None);
        finish_site(site.path(), &[], &["records/secret.html".to_string()]).unwrap();
        let left: Vec<_> = fs::read_dir(outside.path()).unwrap().flatten().collect();
        assert_eq!(left.len(), 1);
        assert_eq!(
            fs::read_to_string(outside.path().join("secret.html")).unwrap(),
            "mine"
        );
    }
}
