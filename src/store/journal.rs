//! The private journal on disk: where it lives by default, whether a place is inside a git
//! work tree (where a note could be committed by accident), and writing an entry into a
//! directory only its owner may open.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::write::write_new_file;
use crate::error::{Error, Result};

/// `$XDG_DATA_HOME/decide/journal` (or the platform's data directory).
pub(crate) fn default_journal_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("decide").join("journal"))
}

/// The user's home directory, for paths in their config that are not absolute.
pub(crate) fn home_dir() -> Option<PathBuf> {
    etcetera::home_dir().ok()
}

/// The git work tree `path` is (or would be) inside: the nearest ancestor that holds a
/// `.git` directory or file. A path that does not exist yet is judged by its ancestors.
pub(crate) fn work_tree_of(path: &Path) -> Option<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    absolute
        .ancestors()
        .find(|dir| dir.join(".git").symlink_metadata().is_ok())
        .map(Path::to_path_buf)
}

/// Check, before any question is asked, that the journal can take an entry: it is a
/// directory, or does not exist yet (it is created with the first entry).
pub(crate) fn check_journal_dir(dir: &Path) -> Result<()> {
    match fs::metadata(dir) {
        Ok(metadata) if !metadata.is_dir() => Err(Error::io(
            "use the journal directory",
            dir,
            &io::Error::other("it is a file, not a directory"),
        )
        .hint("pass another directory with --dir")),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("use the journal directory", dir, &e)),
    }
}

/// Create `dir` (and its parents) for private notes: on Unix only its owner may open it.
/// Whether it had to be created.
pub(crate) fn ensure_journal_dir(dir: &Path) -> Result<bool> {
    match fs::metadata(dir) {
        Ok(metadata) if metadata.is_dir() => return Ok(false),
        Ok(_) => {
            return Err(Error::io(
                "use the journal directory",
                dir,
                &io::Error::other("it is a file, not a directory"),
            )
            .hint("pass another directory with --dir"));
        }
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(Error::io("use the journal directory", dir, &e));
        }
        Err(_) => {}
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| Error::io("create the journal directory", dir, &e))?;
    Ok(true)
}

/// Write a new entry `dir/folder/NAME.md`, where NAME is `stem`, or `stem-2`, `stem-3`…
/// when an entry of that name exists: an entry is never replaced. The path written.
pub(crate) fn write_journal_entry(
    dir: &Path,
    folder: &str,
    stem: &str,
    text: &str,
) -> Result<PathBuf> {
    let folder = dir.join(folder);
    ensure_journal_dir(&folder)?;
    for attempt in 1..1000u32 {
        let name = if attempt == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{attempt}.md")
        };
        let path = folder.join(name);
        match write_new_file(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::io("write the journal entry", &path, &e)),
        }
    }
    Err(Error::io(
        "write the journal entry",
        &folder.join(format!("{stem}.md")),
        &io::Error::other("a thousand entries already have this name"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_under_a_git_directory_is_in_its_work_tree() {
        let root = tempfile::tempdir().unwrap();
        let repo = root.path().join("repo");
        fs::create_dir_all(repo.join(".git")).unwrap();
        assert_eq!(
            work_tree_of(&repo.join("notes/journal")),
            Some(repo.clone())
        );
        assert_eq!(work_tree_of(&root.path().join("elsewhere/journal")), None);
        // A worktree or submodule has a `.git` file.
        let linked = root.path().join("linked");
        fs::create_dir_all(&linked).unwrap();
        fs::write(
            linked.join(".git"),
            "gitdir: ../repo/.git/worktrees/linked\n",
        )
        .unwrap();
        assert_eq!(work_tree_of(&linked.join("journal")), Some(linked));
    }

    #[test]
    fn entries_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_journal_entry(dir.path(), "week", "2026-11-26", "one").unwrap();
        let second = write_journal_entry(dir.path(), "week", "2026-11-26", "two").unwrap();
        assert_eq!(first.file_name().unwrap(), "2026-11-26.md");
        assert_eq!(second.file_name().unwrap(), "2026-11-26-2.md");
        assert_eq!(fs::read_to_string(first).unwrap(), "one");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join("week"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "{mode:o}");
        }
    }
}
