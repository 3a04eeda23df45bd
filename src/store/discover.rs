//! Where things are: the repository root, the log directory it names, the drafts directory.

use std::io;
use std::path::{Path, PathBuf};

use super::read_text;
use crate::error::{Error, Result};

/// Where the log lives when nothing says otherwise.
pub(crate) const DEFAULT_LOG_DIR: &str = "docs/decisions";

/// adr-tools' default, honoured when it already exists.
pub(crate) const ADR_TOOLS_DIR: &str = "doc/adr";

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
