//! Shared helpers: a scratch repository and a `decide` command pinned to a known date,
//! with no colour and no user configuration leaking in.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The date every test runs on, so records and snapshots are reproducible.
pub(crate) const TODAY: &str = "2026-11-26";

/// A scratch repository: an empty directory with a `.git` marker, so `decide` treats it
/// as the repository root instead of walking up into whatever contains the temp dir.
pub(crate) fn repo() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::create_dir(dir.path().join(".git")).expect("a .git marker");
    dir
}

/// `decide` running in `cwd`, on [`TODAY`], without colour or outside configuration.
pub(crate) fn decide(cwd: &Path) -> Command {
    Command::from_std(decide_process(cwd))
}

/// [`decide`] as a plain process, for tests that spawn, kill or run it in a terminal.
pub(crate) fn decide_process(cwd: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_decide"));
    command.current_dir(cwd);
    clean_environment(&mut command, cwd);
    command
}

/// The one environment every spawned `decide` runs in, whatever the developer's shell
/// holds: no `DECIDE_*` settings, no `XDG_*` directories, no git identity or hook
/// variables, no editor, no colour; `HOME` (and with it the user's config and state
/// directories) is `home`, a scratch directory. Tests add what they need on top.
pub(crate) fn clean_environment(command: &mut std::process::Command, home: &Path) {
    const PREFIXES: [&str; 3] = ["DECIDE_", "XDG_", "GIT_"];
    const NAMES: [&str; 9] = [
        "VISUAL",
        "EDITOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "FORCE_COLOR",
        "TERM",
        "COLUMNS",
        "LINES",
        "NO_COLOR",
    ];
    for (name, _) in std::env::vars_os() {
        let text = name.to_string_lossy();
        if PREFIXES.iter().any(|prefix| text.starts_with(prefix)) || NAMES.contains(&&*text) {
            command.env_remove(&name);
        }
    }
    command
        .env("DECIDE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_STATE_HOME", home.join(".state"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", home.join(".gitconfig-none"));
}

/// A file from the repository's `examples/` directory.
pub(crate) fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// Write `text` to `dir/name` and return the path.
pub(crate) fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("parent directory");
    }
    std::fs::write(&path, text).expect("write a test file");
    path
}

/// The Markdown files in `dir`, sorted by name.
pub(crate) fn records(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

pub(crate) fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub(crate) fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `decide message NUMBER --to TO` and any `more` arguments in `repo`, which must succeed:
/// the message (stdout) and what was said of it (stderr).
pub(crate) fn message_with(repo: &Path, number: &str, to: &str, more: &[&str]) -> (String, String) {
    let output = decide(repo)
        .args(["message", number, "--to", to])
        .args(more)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{number} {to}: {}",
        stderr(&output)
    );
    (stdout(&output), stderr(&output))
}

/// Copy the folder `from` into `to`, leaving out files named `skip` (a fixture's
/// description of itself).
pub(crate) fn copy_tree(from: &Path, to: &Path, skip: &str) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target, skip);
        } else if entry.file_name() != skip {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, sorted: to show a command changed nothing.
pub(crate) fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}
