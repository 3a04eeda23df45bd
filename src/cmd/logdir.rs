//! What the decision-log commands share: finding the log directory and reporting the
//! files that were skipped.

use std::path::{Path, PathBuf};

use super::Env;
use crate::error::{Error, Result};
use crate::ui;

/// The log directory, relative to the working directory when it is below it, so every
/// path in the output is short and can be pasted back into a command.
pub(super) fn dir(env: &Env<'_>) -> Result<PathBuf> {
    let dir = env.log_dir()?;
    Ok(relative(&dir, &env.cwd))
}

pub(super) fn relative(path: &Path, cwd: &Path) -> PathBuf {
    match path.strip_prefix(cwd) {
        Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rest) => rest.to_path_buf(),
        Err(_) => path.to_path_buf(),
    }
}

/// Files that could not be read or parsed: one warning each, then the listing goes on.
pub(super) fn report_skipped(problems: &[Error]) {
    for problem in problems {
        ui::warning(&format!("{problem}; skipped"));
    }
}
