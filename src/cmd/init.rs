//! `decide init [DIR]`: create the decision log, and `.adr-dir` when it is not the default
//! (adr-tools reads the same file, so both tools find the log).

use std::path::Path;

use super::{Env, logdir};
use crate::cli::InitArgs;
use crate::error::{Error, Result, exit};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &InitArgs) -> Result<u8> {
    let Some(named) = &args.dir else {
        // The log the repository already has (doc/adr, docs/adr, …), else the default.
        let dir = env.log_dir()?;
        let shown = logdir::relative(&dir, &env.cwd);
        if store::ensure_dir(&dir)? {
            ui::success(&format!("Created the decision log {}", shown.display()));
        } else {
            ui::note(&format!(
                "The decision log {} already exists",
                shown.display()
            ));
        }
        return Ok(exit::OK);
    };
    let dir = env.cwd.join(named);
    let shown = logdir::relative(&dir, &env.cwd);
    store::stays_inside(&env.root, &dir, store::LOG_DIRECTORY, "an absolute DIR")?;
    store::refuse_git_directory(&dir)?;
    if store::ensure_dir(&dir)? {
        ui::success(&format!("Created the decision log {}", shown.display()));
    } else {
        ui::note(&format!(
            "The decision log {} already exists",
            shown.display()
        ));
    }
    let default = env.root.join(store::DEFAULT_LOG_DIR);
    if clean(&dir) != clean(&default) {
        let named = dir.strip_prefix(&env.root).unwrap_or(&dir);
        let marker = env.root.join(".adr-dir");
        store::replace_file(&marker, format!("{}\n", named.display()).as_bytes())?;
        ui::note(&format!(
            "Wrote {} so decide and adr-tools find the log",
            logdir::relative(&marker, &env.cwd).display()
        ));
    } else if store::is_file(&env.root.join(".adr-dir")) {
        return Err(Error::usage(".adr-dir names another log directory")
            .in_file(env.root.join(".adr-dir"))
            .hint("delete .adr-dir to use docs/decisions"));
    }
    Ok(exit::OK)
}

/// `a/./b` and `a/b` are the same directory; the log may not exist yet, so no canonicalize.
fn clean(path: &Path) -> std::path::PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}
