//! Caches decide can always rebuild (the log's word index, what the log commands keep of
//! each record): kept in `.decide/cache/`, which ignores itself in git, or outside a
//! repository in the user's cache directory; written without the sync a record gets, and
//! read as untrusted text, since a repository may arrive with anything in it.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::discover::is_repository;

/// A cache larger than this is not ours: it is ignored, and rebuilt.
const MAX_CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// When and how big a file was last written: what tells a cache it is out of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub modified: u128,
}

/// Where caches go: `.decide/cache/` in a repository; outside one, a folder of the user's
/// cache directory named for `root` (`$XDG_CACHE_HOME/decide/logs/…`), so a large log
/// read from a plain folder is not read whole each time either. None when the repository
/// has put a link or a file where its cache directory should be, or the home directory
/// is unknown: a cache is then built in memory each time.
pub(crate) fn cache_dir(root: &Path) -> Option<PathBuf> {
    if !is_repository(root) {
        use etcetera::BaseStrategy;
        let base = etcetera::choose_base_strategy().ok()?.cache_dir();
        return Some(user_cache_folder(&base, &std::path::absolute(root).ok()?));
    }
    super::own_dir(root, ".decide/cache", "cache").ok()
}

/// The folder in the user's cache directory `base` for the caches of the folder `root`
/// (absolute): one a folder, named by a hash of its path. Two paths that share a hash
/// share a folder harmlessly: a cache names the log folders it was written for, and is
/// not read for others.
fn user_cache_folder(base: &Path, root: &Path) -> PathBuf {
    // FNV-1a: stable from one build to the next, unlike the standard library's hasher.
    let hash = root
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    base.join("decide")
        .join("logs")
        .join(format!("{hash:016x}"))
}

/// The stamp of the file or directory at `path` (a link is not followed).
pub(crate) fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = fs::symlink_metadata(path).ok()?;
    Some(Stamp {
        size: metadata.len(),
        modified: nanoseconds(metadata.modified().ok()?)?,
    })
}

/// What says a file is as it was when a cache read it, stronger than [`Stamp`]: the time
/// its inode last changed cannot be set back, and with the inode number it tells a file
/// replaced or restored from one written again in place. A cache that came with a
/// repository cannot know either for the files of a fresh clone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileStamp {
    pub size: u64,
    /// Nanoseconds since the Unix epoch (to the year 2262).
    pub modified: i64,
    pub changed: i64,
    pub inode: u64,
}

impl FileStamp {
    /// Whether the file changed so shortly before `built` (a cache's time) that a second
    /// change within the same clock tick could leave every field as it is.
    pub(crate) fn is_racy(&self, built: u128) -> bool {
        const RACY_NANOSECONDS: i128 = 2_000_000_000;
        i128::from(self.modified.max(self.changed)) + RACY_NANOSECONDS
            >= i128::try_from(built).unwrap_or(i128::MAX)
    }
}

/// The [`FileStamp`] of the file at `path` (a link is not followed); `None` where the
/// system does not tell when an inode changed.
pub(crate) fn file_stamp(path: &Path) -> Option<FileStamp> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let metadata = fs::symlink_metadata(path).ok()?;
        let nanoseconds =
            |seconds: i64, nanos: i64| seconds.checked_mul(1_000_000_000)?.checked_add(nanos);
        Some(FileStamp {
            size: metadata.size(),
            modified: nanoseconds(metadata.mtime(), metadata.mtime_nsec())?,
            changed: nanoseconds(metadata.ctime(), metadata.ctime_nsec())?,
            inode: metadata.ino(),
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// A folder opened once, so that the stamps of the ten thousand files in it are each
/// looked up by name from the folder, not by walking the folder's path again: that walk
/// was half of what a `stat` cost.
pub(crate) struct OpenFolder {
    #[cfg(unix)]
    fd: Option<rustix::fd::OwnedFd>,
}

impl OpenFolder {
    /// The folder at `path`; one that cannot be opened leaves [`OpenFolder::stamp`] to
    /// look each file up by its whole path.
    pub(crate) fn open(path: &Path) -> OpenFolder {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            OpenFolder {
                fd: rustix::fs::open(path, flags, Mode::empty()).ok(),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            OpenFolder {}
        }
    }

    /// [`file_stamp`] of the file `name` (a path relative to this folder) whose whole
    /// path is `path`.
    pub(crate) fn stamp(&self, name: &str, path: &Path) -> Option<FileStamp> {
        #[cfg(unix)]
        if let Some(fd) = &self.fd {
            let stat = rustix::fs::statat(fd, name, rustix::fs::AtFlags::SYMLINK_NOFOLLOW).ok()?;
            return stamp_of_stat(&stat);
        }
        let _ = name;
        file_stamp(path)
    }
}

#[cfg(unix)]
#[allow(
    clippy::useless_conversion,
    reason = "the fields' types differ from one architecture to another"
)]
fn stamp_of_stat(stat: &rustix::fs::Stat) -> Option<FileStamp> {
    let nanoseconds = |seconds, nanos| {
        i64::try_from(seconds)
            .ok()?
            .checked_mul(1_000_000_000)?
            .checked_add(i64::try_from(nanos).ok()?)
    };
    Some(FileStamp {
        size: u64::try_from(stat.st_size).ok()?,
        modified: nanoseconds(stat.st_mtime, stat.st_mtime_nsec)?,
        changed: nanoseconds(stat.st_ctime, stat.st_ctime_nsec)?,
        inode: u64::try_from(stat.st_ino).ok()?,
    })
}

/// Now, as a [`Stamp`] counts time.
pub(crate) fn now_nanoseconds() -> u128 {
    nanoseconds(SystemTime::now()).unwrap_or(0)
}

fn nanoseconds(time: SystemTime) -> Option<u128> {
    time.duration_since(UNIX_EPOCH).ok().map(|d| d.as_nanos())
}

/// The cache at `path`, if there is a regular file there of a sane size in UTF-8; anything
/// else is no cache.
pub(crate) fn read_cache(path: &Path) -> Option<String> {
    read_cache_starting(path, "")
}

/// [`read_cache`] of a cache that starts with `header`; of any other, only as much as
/// tells it does not, so a cache written by another build or for other settings is not
/// read whole only to be let go.
pub(crate) fn read_cache_starting(path: &Path, header: &str) -> Option<String> {
    let metadata = fs::symlink_metadata(path).ok()?;
    if !metadata.is_file() || metadata.len() > MAX_CACHE_BYTES {
        return None;
    }
    let mut file = fs::File::open(path).ok()?.take(MAX_CACHE_BYTES);
    let mut start = Vec::with_capacity(header.len());
    (&mut file)
        .take(header.len() as u64)
        .read_to_end(&mut start)
        .ok()?;
    if start != header.as_bytes() {
        return None;
    }
    let mut bytes = start;
    bytes.reserve_exact(
        usize::try_from(metadata.len())
            .ok()?
            .saturating_sub(header.len()),
    );
    file.read_to_end(&mut bytes).ok()?;
    String::from_utf8(bytes).ok()
}

/// Replace the cache `name` in `dir` with `bytes`: a temporary file renamed over it, so a
/// reader sees the old cache or the new one. Nothing is synced: a cache lost in a crash
/// is rebuilt. The directory is made with a `.gitignore` that ignores everything in it.
pub(crate) fn write_cache(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    write_cache_with(dir, name, |out| out.write_all(bytes))
}

/// [`write_cache`] of what `fill` writes, written as it comes rather than held whole.
pub(crate) fn write_cache_with(
    dir: &Path,
    name: &str,
    fill: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        let _ = super::write_new_file(
            &ignore,
            b"# Caches decide rebuilds from the log when they are out of date: not for the repository.\n*\n",
        );
    }
    // A writer killed mid-write left its temporary file; its name says whose it was.
    super::write::sweep_temporaries(dir);
    let path = dir.join(name);
    // A new file, never one that is there: a repository could have put a link where the
    // temporary file goes.
    let temporary = super::write::write_temporary_with(&path, false, |file| {
        let mut out = io::BufWriter::new(file);
        fill(&mut out)?;
        out.flush()
    })?;
    let renamed = fs::rename(&temporary, &path);
    if renamed.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_stamped_alike_by_its_name_in_the_folder_and_by_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("2022-02-07-x");
        fs::create_dir(&sub).unwrap();
        fs::write(dir.path().join("0001-a.md"), "# A\n").unwrap();
        fs::write(sub.join("README.md"), "# X\n").unwrap();
        let folder = OpenFolder::open(dir.path());
        for name in ["0001-a.md", "2022-02-07-x/README.md"] {
            let path = dir.path().join(name);
            let stamp = folder.stamp(name, &path);
            assert!(stamp.is_some(), "{name}");
            assert_eq!(stamp, file_stamp(&path), "{name}");
        }
        assert_eq!(
            folder.stamp("0002-gone.md", &dir.path().join("0002-gone.md")),
            None
        );
        // A folder that cannot be opened stamps each file by its path.
        let missing = OpenFolder::open(&dir.path().join("missing"));
        let path = dir.path().join("0001-a.md");
        assert_eq!(missing.stamp("elsewhere.md", &path), file_stamp(&path));
        #[cfg(unix)]
        {
            // A link is stamped as the link, as `file_stamp` does, never as its target.
            std::os::unix::fs::symlink(&path, dir.path().join("0003-link.md")).unwrap();
            let link = dir.path().join("0003-link.md");
            let stamp = folder.stamp("0003-link.md", &link).unwrap();
            assert_eq!(Some(stamp), file_stamp(&link));
            assert_ne!(Some(stamp.inode), file_stamp(&path).map(|s| s.inode));
        }
    }

    #[test]
    fn a_cache_is_written_ignored_by_git_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join(".decide/cache");
        write_cache(&cache, "words", b"one").unwrap();
        write_cache(&cache, "words", b"two").unwrap();
        assert_eq!(read_cache(&cache.join("words")).as_deref(), Some("two"));
        let ignore = fs::read_to_string(cache.join(".gitignore")).unwrap();
        assert!(ignore.ends_with("\n*\n"), "{ignore}");
        let left: Vec<_> = fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn what_is_not_a_cache_reads_as_none() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_cache(&dir.path().join("missing")), None);
        assert_eq!(read_cache(dir.path()), None, "a directory");
        fs::write(dir.path().join("binary"), [0xff, 0xfe]).unwrap();
        assert_eq!(read_cache(&dir.path().join("binary")), None);
        fs::write(dir.path().join("cache"), "decide heads 1\nrecords\n").unwrap();
        let cache = dir.path().join("cache");
        assert_eq!(
            read_cache_starting(&cache, "decide heads 1\n").as_deref(),
            Some("decide heads 1\nrecords\n")
        );
        assert_eq!(read_cache_starting(&cache, "decide nodes 1\n"), None);
        assert_eq!(
            read_cache_starting(&cache, "decide heads 1\nrecords\nmore"),
            None
        );
    }

    #[test]
    fn a_repository_keeps_its_caches_and_a_plain_folder_gets_one_in_the_user_cache() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(".git")).unwrap();
        assert_eq!(
            cache_dir(dir.path()),
            Some(dir.path().join(".decide/cache"))
        );
        fs::write(dir.path().join(".decide"), "planted").unwrap();
        assert_eq!(cache_dir(dir.path()), None, "a file where the folder goes");

        let base = Path::new("/home/ana/.cache");
        let one = user_cache_folder(base, Path::new("/work/logs"));
        assert!(one.starts_with("/home/ana/.cache/decide/logs"), "{one:?}");
        assert_eq!(one, user_cache_folder(base, Path::new("/work/logs")));
        assert_ne!(one, user_cache_folder(base, Path::new("/work/logs2")));
        assert_eq!(
            one.file_name().unwrap().len(),
            16,
            "one folder a root: {one:?}"
        );
    }
}
