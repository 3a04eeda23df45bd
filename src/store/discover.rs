//! Where things are: the repository root, the log directory it names, the drafts directory.

use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::read_supplied;
use crate::error::{Error, Result};

/// Where the log lives when nothing says otherwise.
pub(crate) const DEFAULT_LOG_DIR: &str = "docs/decisions";

/// How errors name the log directory.
pub(crate) const LOG_DIRECTORY: &str = "the log directory";

/// Where teams keep their logs, honoured when one exists, in this order: adr-tools'
/// default, then the folders other tools and templates suggest.
pub(crate) const KNOWN_LOG_DIRS: [&str; 5] = [
    "doc/adr",
    "docs/adr",
    "docs/architecture/decisions",
    "doc/architecture/decisions",
    DEFAULT_LOG_DIR,
];

/// log4brains' settings file, which names its log folder and its packages' folders.
pub(crate) const LOG4BRAINS_FILE: &str = ".log4brains.yml";

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

/// The log the repository itself names, and what named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundLog {
    pub dir: PathBuf,
    pub said_by: &'static str,
    /// log4brains packages with logs of their own: (name, folder).
    pub packages: Vec<(String, PathBuf)>,
}

/// The log directory the repository itself names: adr-tools' `.adr-dir`, log4brains'
/// `.log4brains.yml`, or an existing folder where teams keep logs ([`KNOWN_LOG_DIRS`]).
pub(crate) fn repository_log_dir(root: &Path) -> Result<Option<FoundLog>> {
    let marker = root.join(".adr-dir");
    if marker.is_file() {
        let named = read_supplied(root, &marker)?;
        let named = named.trim();
        if named.is_empty() {
            return Err(Error::content(".adr-dir is empty")
                .in_file(&marker)
                .hint("write the log directory in it, e.g. doc/adr"));
        }
        let dir = inside_repository(root, Path::new(named), LOG_DIRECTORY, "--dir")
            .map_err(|e| e.in_file(&marker))?;
        return Ok(Some(FoundLog {
            dir,
            said_by: ".adr-dir",
            packages: Vec::new(),
        }));
    }
    let log4brains = root.join(LOG4BRAINS_FILE);
    if log4brains.is_file() {
        return read_log4brains(root, &log4brains).map(Some);
    }
    let Some(name) = KNOWN_LOG_DIRS.iter().find(|dir| root.join(dir).is_dir()) else {
        return search_log_dir(root);
    };
    // An existing folder may still be a symbolic link out of the repository.
    let dir = inside_repository(root, Path::new(name), LOG_DIRECTORY, "--dir")?;
    Ok(Some(FoundLog {
        dir,
        said_by: match *name {
            "doc/adr" => "an existing doc/adr",
            "docs/adr" => "an existing docs/adr",
            "docs/architecture/decisions" => "an existing docs/architecture/decisions",
            "doc/architecture/decisions" => "an existing doc/architecture/decisions",
            _ => "an existing docs/decisions",
        },
        packages: Vec::new(),
    }))
}

/// How deep below the repository's root [`search_log_dir`] looks (`docs/architecture/adr`
/// is 3; a documentation site's `site-docs/docs/architecture/decisions` is 4), and how many
/// folders it lists at most: a large repository is never walked whole.
const SEARCH_DEPTH: usize = 4;
const SEARCH_FOLDERS: usize = 2000;

/// Folders a search for a log never enters: dependencies and build output, which can be
/// large and hold other projects' logs.
const NOT_SEARCHED: [&str; 10] = [
    "node_modules",
    "target",
    "vendor",
    "build",
    "dist",
    "out",
    "third_party",
    "bower_components",
    "__pycache__",
    "site-packages",
];

/// Whether a folder's name reads as a decision log's: `adr`, `adrs`, `ADR-log`,
/// `decisions`, `architecture-decision-records`, `architecture_decisions`.
fn reads_as_a_log(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("decision")
        || lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| word == "adr" || word == "adrs")
}

/// Where a repository keeps its log when no usual folder exists: the folder named like a
/// decision log ([`reads_as_a_log`]) or holding records named `adr-NNN-…` (at least two),
/// with the most files named as records, at most [`SEARCH_DEPTH`] levels down; the root
/// itself too, when it holds at least two `adr-NNN-…` records. Hidden folders, dependencies and build output
/// ([`NOT_SEARCHED`]) are not entered, links are never followed (the repository is
/// untrusted: a link may lead out of it, or round in a circle), and at most
/// [`SEARCH_FOLDERS`] folders are listed. A tie goes to the shallower folder, then the
/// first by name. Only a repository is searched: elsewhere (a home directory) the start
/// is no project's.
fn search_log_dir(root: &Path) -> Result<Option<FoundLog>> {
    if !is_repository(root) {
        return Ok(None);
    }
    // (records, depth, relative path) of the best so far.
    let mut best: Option<(usize, usize, PathBuf)> = None;
    let mut pending = std::collections::VecDeque::from([(PathBuf::new(), 0usize)]);
    let mut listed = 0usize;
    while let Some((relative, depth)) = pending.pop_front() {
        if listed == SEARCH_FOLDERS {
            break;
        }
        listed += 1;
        let Ok(entries) = std::fs::read_dir(root.join(&relative)) else {
            continue;
        };
        let mut records = 0usize;
        let mut adr_records = 0usize;
        let mut children = Vec::new();
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            // `file_type` does not follow links: a link is neither a folder nor a file here.
            if kind.is_dir() {
                if depth < SEARCH_DEPTH && !name.starts_with('.') && !NOT_SEARCHED.contains(&name) {
                    children.push(name.to_string());
                }
                // A folder named as a record may be one, its page inside: counted below
                // a folder named like a log, without looking in.
                records +=
                    usize::from(depth > 0 && super::record_prefix(name) != super::Prefix::None);
            } else if kind.is_file()
                && super::is_markdown_name(name)
                && super::record_prefix(name) != super::Prefix::None
            {
                // Only records that say they are ADRs make a folder of any name a log:
                // `01-setup.md` beside a README is a guide's chapter.
                let says_adr = super::naming::adr_prefix_len(name) > 0;
                records += usize::from(depth > 0 || says_adr);
                adr_records += usize::from(says_adr);
            }
        }
        let named_as_a_log = depth == 0
            || relative
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(reads_as_a_log);
        if ((named_as_a_log && records >= 2) || adr_records >= 2)
            && best.as_ref().is_none_or(|(most, shallowest, _)| {
                (records, std::cmp::Reverse(depth)) > (*most, std::cmp::Reverse(*shallowest))
            })
        {
            best = Some((records, depth, relative.clone()));
        }
        children.sort();
        pending.extend(
            children
                .into_iter()
                .map(|child| (relative.join(child), depth + 1)),
        );
    }
    let Some((_, depth, relative)) = best else {
        return Ok(None);
    };
    let dir = if depth == 0 {
        root.to_path_buf()
    } else {
        inside_repository(root, &relative, LOG_DIRECTORY, "--dir")?
    };
    Ok(Some(FoundLog {
        dir,
        said_by: if depth == 0 {
            "the ADR-NNNN records at the repository's root"
        } else {
            "a search: the folder named like a decision log with the most records"
        },
        packages: Vec::new(),
    }))
}

#[derive(Debug, Deserialize)]
struct Log4brains {
    project: Log4brainsProject,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Log4brainsProject {
    adr_folder: PathBuf,
    #[serde(default)]
    packages: Option<Vec<Log4brainsPackage>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Log4brainsPackage {
    name: String,
    adr_folder: PathBuf,
}

/// `.log4brains.yml`: `project.adrFolder`, and each package's `adrFolder`, all inside the
/// repository.
fn read_log4brains(root: &Path, file: &Path) -> Result<FoundLog> {
    let text = read_supplied(root, file)?;
    let settings: Log4brains = crate::yaml::parse(&text, file, crate::error::Kind::Content)?;
    let inside = |dir: &Path| {
        inside_repository(root, dir, LOG_DIRECTORY, "--dir").map_err(|e| e.in_file(file))
    };
    let dir = inside(&settings.project.adr_folder)?;
    let mut packages = Vec::new();
    for package in settings.project.packages.unwrap_or_default() {
        packages.push((
            package.name.trim().to_string(),
            inside(&package.adr_folder)?,
        ));
    }
    Ok(FoundLog {
        dir,
        said_by: LOG4BRAINS_FILE,
        packages,
    })
}

/// `dir` (`what` names it in errors, e.g. "the log directory", and `flag` is how the user
/// chooses one themselves), named by the repository itself, as a path inside the repository. A cloned repository is untrusted: it may not
/// send reads or writes elsewhere, whether by an absolute path, by `..`, or by a symbolic
/// link that leads out.
pub(crate) fn inside_repository(
    root: &Path,
    dir: &Path,
    what: &str,
    flag: &str,
) -> Result<PathBuf> {
    let outside = |why: &str| {
        Error::content(format!(
            "{what} {} {why}, outside the repository",
            dir.display()
        ))
        .hint(format!(
            "name a path inside the repository, or pass {flag} to choose one yourself"
        ))
    };
    if dir.is_absolute() || dir.has_root() {
        return Err(outside("is an absolute path"));
    }
    let mut depth = 0usize;
    for part in dir.components() {
        match part {
            std::path::Component::ParentDir if depth == 0 => {
                return Err(outside("climbs out with `..`"));
            }
            std::path::Component::ParentDir => depth -= 1,
            std::path::Component::Normal(_) => depth += 1,
            _ => {}
        }
    }
    let joined = root.join(dir);
    // An existing directory may still lead out through a symbolic link on the way.
    let resolved = existing_ancestor(&joined).and_then(|(existing, rest)| {
        std::fs::canonicalize(existing)
            .ok()
            .map(|real| real.join(rest))
    });
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    match resolved {
        Some(real) if !real.starts_with(&real_root) => {
            Err(outside("leads through a symbolic link"))
        }
        _ => Ok(joined),
    }
}

/// A directory the user named (`--dir`, `init DIR`, `templates export DIR`): anywhere
/// they like, but one named inside the repository must stay inside it. The repository
/// decides where its own names lead, and a link there may point anywhere.
pub(crate) fn stays_inside(root: &Path, dir: &Path, what: &str, flag: &str) -> Result<()> {
    match super::within(root, dir) {
        Some(below) if !below.as_os_str().is_empty() => {
            inside_repository(root, &below, what, flag).map(drop)
        }
        _ => Ok(()),
    }
}

/// The deepest existing ancestor of `path`, and the part below it that does not exist yet.
fn existing_ancestor(path: &Path) -> Option<(&Path, PathBuf)> {
    let mut rest = Vec::new();
    let mut current = path;
    loop {
        if current.symlink_metadata().is_ok() {
            let below: PathBuf = rest.iter().rev().collect();
            return Some((current, below));
        }
        rest.push(current.file_name()?);
        current = current.parent()?;
    }
}

/// The git directory that `path` (which may not exist yet) lies in, if it lies in one: a
/// `.git` directory, or a bare repository (`HEAD`, `objects/` and `refs/`, and no working
/// tree). Records written there would be hidden from git and lost with the next `gc`.
pub(crate) fn git_directory_holding(path: &Path) -> Option<PathBuf> {
    let absolute = match std::env::current_dir() {
        Ok(cwd) if path.is_relative() => cwd.join(path),
        _ => path.to_path_buf(),
    };
    absolute
        .ancestors()
        .find(|dir| {
            dir.file_name().is_some_and(|name| name == ".git") && dir.is_dir()
                || dir.join("HEAD").is_file()
                    && dir.join("objects").is_dir()
                    && dir.join("refs").is_dir()
        })
        .map(Path::to_path_buf)
}

/// Refuse a log directory inside a git directory, with a hint for a bare repository.
pub(crate) fn refuse_git_directory(dir: &Path) -> Result<()> {
    match git_directory_holding(dir) {
        Some(git_dir) => Err(Error::usage(format!(
            "the log directory {} is inside the git directory {}",
            dir.display(),
            git_dir.display()
        ))
        .hint(
            "a bare repository has no working tree for records: run decide in a clone of it, or pass --dir",
        )),
        None => Ok(()),
    }
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
        return own_dir(root, ".decide/drafts", "drafts");
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

/// `root/relative`, a directory `decide` keeps for itself in a repository (`.decide/drafts`,
/// `.decide/cache`): every part of it that exists must be a directory of its own, not a
/// symbolic link, so a cloned repository cannot send what `decide` keeps there (a lead's
/// answers, a rebuilt cache) anywhere else, out of the repository or into its log. Parts
/// that do not exist yet are made when something is first written there.
pub(crate) fn own_dir(root: &Path, relative: &str, what: &str) -> Result<PathBuf> {
    let mut at = root.to_path_buf();
    for part in Path::new(relative).components() {
        at.push(part);
        let Ok(metadata) = std::fs::symlink_metadata(&at) else {
            break;
        };
        if !metadata.is_dir() {
            let is = if metadata.file_type().is_symlink() {
                "a symbolic link"
            } else {
                "not a directory"
            };
            return Err(Error::content(format!(
                "{} is {is}, and decide keeps its {what} only in a directory of its own",
                at.strip_prefix(root).unwrap_or(&at).display()
            ))
            .hint(format!(
                "remove {}, and decide makes the directory",
                at.display()
            )));
        }
    }
    Ok(root.join(relative))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_that_read_as_a_log() {
        for name in [
            "adr",
            "ADR",
            "adrs",
            "decisions",
            "architecture-decision-records",
            "architecture_decisions",
            "adr-log",
            "Decision-Log",
        ] {
            assert!(reads_as_a_log(name), "{name}");
        }
        for name in [
            "address",
            "quadrant",
            "cadre",
            "docs",
            "chapters",
            "adrenaline",
        ] {
            assert!(!reads_as_a_log(name), "{name}");
        }
    }
}
