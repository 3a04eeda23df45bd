//! What the decision-log commands share: finding the log directory, printing data on
//! stdout (a closed pipe is not an error), and reporting the files that were skipped.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Env;
use crate::cli::LogArgs;
use crate::error::{Error, Result};
use crate::ui;

/// The log directory, relative to the working directory when it is below it, so every
/// path in the output is short and can be pasted back into a command.
pub(super) fn dir(env: &Env<'_>, args: &LogArgs) -> Result<PathBuf> {
    let dir = env.log_dir(args.dir.as_deref())?;
    Ok(relative(&dir, &env.cwd))
}

pub(super) fn relative(path: &Path, cwd: &Path) -> PathBuf {
    match path.strip_prefix(cwd) {
        Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rest) => rest.to_path_buf(),
        Err(_) => path.to_path_buf(),
    }
}

/// Print data on stdout in one write. A reader that went away (`decide list | head`) is
/// not a failure, as with ripgrep.
pub(super) fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("write", Path::new("<stdout>"), &e)),
    }
}

/// Files that could not be read or parsed: one warning each, then the listing goes on.
pub(super) fn report_skipped(problems: &[Error]) {
    for problem in problems {
        ui::warning(&format!("{problem}; skipped"));
    }
}
