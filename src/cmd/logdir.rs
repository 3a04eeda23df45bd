//! What the decision-log commands share: opening the log (or saying there is none yet),
//! naming records, and reporting the files that were skipped.

use std::path::{Path, PathBuf};

use super::Env;
use crate::config::Source;
use crate::error::{Error, Result};
use crate::log::Log;
use crate::log::record_cache::CacheFile;
use crate::store;
use crate::ui;

/// `path` relative to the working directory when it is below it, so every path in the
/// output is short and can be pasted back into a command.
pub(super) fn relative(path: &Path, cwd: &Path) -> PathBuf {
    match path.strip_prefix(cwd) {
        Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rest) => rest.to_path_buf(),
        Err(_) => path.to_path_buf(),
    }
}

/// The log, or `None` when the repository has none yet and nobody named one: that is no
/// error, and the note says how to start. A log named by `--dir`, `DECIDE_DIR`, the
/// repository's config or `.adr-dir` that does not exist is an error.
pub(super) fn open(env: &Env<'_>) -> Result<Option<Log>> {
    let Some(place) = place(env)? else {
        return Ok(None);
    };
    Log::open(&place.dir, &place.packages, place.dated, &env.cwd)
        .map(|log| Some(log.in_repository(&env.root)))
}

/// [`open`], for the commands that list the records' heads: the cache of them is read on
/// another core while the log's folder is listed (see [`Log::open_with_heads`]).
pub(super) fn open_with_heads(env: &Env<'_>) -> Result<Option<(Log, Option<CacheFile>)>> {
    let Some(place) = place(env)? else {
        return Ok(None);
    };
    Log::open_with_heads(
        &place.dir,
        &place.packages,
        place.dated,
        &env.cwd,
        &env.root,
    )
    .map(Some)
}

/// The log's own folder, as [`open`] would list it, without listing it (to lock it
/// first); `None`, with the note `open` gives, when there is no log yet.
pub(super) fn dir(env: &Env<'_>) -> Result<Option<PathBuf>> {
    Ok(place(env)?.map(|place| place.dir))
}

/// Where the log is, as the configuration says, relative to the working directory.
struct Place {
    dir: PathBuf,
    packages: Vec<(String, PathBuf)>,
    /// Its tool names records by date (log4brains).
    dated: bool,
}

fn place(env: &Env<'_>) -> Result<Option<Place>> {
    let setting = env.config.log_dir.clone()?;
    let dir = relative(&setting.value, &env.cwd);
    let named = !matches!(setting.source, Source::Default | Source::User(_));
    if !named && !store::is_dir(&dir) {
        ui::note(&no_log_yet(env));
        return Ok(None);
    }
    let packages = env
        .config
        .log_packages
        .iter()
        .map(|(name, path)| (name.clone(), relative(path, &env.cwd)))
        .collect();
    let dated = setting.source == Source::Log(store::LOG4BRAINS_FILE);
    Ok(Some(Place {
        dir,
        packages,
        dated,
    }))
}

/// The log's folders (its own, then its packages'), as absolute paths, without listing
/// them; `None`, with the note `open` gives, when there is no log yet.
pub(super) fn folders(env: &Env<'_>) -> Result<Option<Vec<PathBuf>>> {
    let setting = env.config.log_dir.clone()?;
    let named = !matches!(setting.source, Source::Default | Source::User(_));
    let dir = env.cwd.join(&setting.value);
    if !named && !store::is_dir(&dir) {
        ui::note(&no_log_yet(env));
        return Ok(None);
    }
    if !store::is_dir(&dir) {
        return Err(Error::record(format!(
            "the decision log {} does not exist",
            relative(&dir, &env.cwd).display()
        ))
        .hint("run `decide init`, or pass the log directory with --dir"));
    }
    let packages = env
        .config
        .log_packages
        .iter()
        .map(|(_, path)| env.cwd.join(path));
    Ok(Some(
        std::iter::once(dir)
            .chain(packages)
            .map(|folder| crate::log::normalise(&folder))
            .collect(),
    ))
}

/// The log, for commands that name a record in it: without a log there is no record.
/// A record named by the path of a file is read as it is, wherever it is: when that file
/// lies outside the log's folders (there is no log, or it is another one, as after
/// `decide new --dir notes`), its own folder is its log, so the records it links are
/// found beside it.
pub(super) fn open_for_record(env: &Env<'_>, spec: &str) -> Result<Log> {
    if let Some(folder) = named_file_folder(env, spec)
        && !in_log_folders(env, &folder)
    {
        let dir = relative(&folder, &env.cwd);
        return Log::open(&dir, &[], false, &env.cwd).map(|log| log.in_repository(&env.root));
    }
    open_own_log(env, spec)
}

/// The repository's log, for a record a file names rather than the person at the keyboard
/// (a draft that came with the repository): that record must be one of the log's, so its
/// own folder never stands in for the log.
pub(super) fn open_own_log(env: &Env<'_>, spec: &str) -> Result<Log> {
    match open(env)? {
        Some(log) => Ok(log),
        None => Err(
            Error::record(format!("no record `{spec}`: there is no decision log yet"))
                .hint("start one with `decide new`"),
        ),
    }
}

/// The folder of the file `spec` names, when it names one by its path (a Markdown file,
/// or any path with a folder in it): a number or a bare name is looked up in the log.
fn named_file_folder(env: &Env<'_>, spec: &str) -> Option<PathBuf> {
    let path = Path::new(spec);
    let by_path = path.components().count() > 1
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let file = env.cwd.join(path);
    if !by_path || !store::is_file(&file) {
        return None;
    }
    file.parent().map(crate::log::normalise)
}

/// Whether `folder` is the configured log's own folder or one of its packages'.
fn in_log_folders(env: &Env<'_>, folder: &Path) -> bool {
    let Ok(setting) = env.config.log_dir.as_ref() else {
        return false;
    };
    std::iter::once(&setting.value)
        .chain(env.config.log_packages.iter().map(|(_, path)| path))
        .any(|dir| crate::log::normalise(&env.cwd.join(dir)) == folder)
}

fn no_log_yet(env: &Env<'_>) -> String {
    let looked = store::KNOWN_LOG_DIRS.join(", ");
    let root = relative(&env.root, &env.cwd);
    let root = if root == Path::new(".") {
        String::new()
    } else {
        format!(" in {}", root.display())
    };
    format!(
        "No decisions yet: there is no decision log{root} (looked for .adr-dir, .log4brains.yml, {looked}, and folders named like adr or decisions holding records). Start one with `decide new`, or `decide init DIR` to choose its folder."
    )
}

/// Markdown files in or below the log's folders that no command reads, relative to the
/// working directory: files in a folder named otherwise than as records (not the log's
/// own pages: README, index, templates), and files in subfolders (`core/adr-001-x.md`,
/// or one folder a record, `2023-01-05-title/README.md`), other than templates.
pub(super) struct Unread {
    /// Directly in a log folder, named otherwise than as records.
    pub misnamed: Vec<PathBuf>,
    /// In subfolders of a log folder.
    pub below: Vec<PathBuf>,
}

impl Unread {
    pub(super) fn is_empty(&self) -> bool {
        self.misnamed.is_empty() && self.below.is_empty()
    }

    pub(super) fn len(&self) -> usize {
        self.misnamed.len() + self.below.len()
    }

    /// Every file, those named otherwise first.
    pub(super) fn all(&self) -> impl Iterator<Item = &PathBuf> {
        self.misnamed.iter().chain(&self.below)
    }
}

/// What the log's folders hold that is not read ([`Unread`]). The folders were listed
/// once when the log was opened; only their subfolders are listed here (bounded, and
/// no file is opened).
pub(super) fn unread_markdown(log: &Log, cwd: &Path) -> Unread {
    Unread {
        misnamed: log
            .unread
            .files
            .iter()
            .map(|path| relative(path, cwd))
            .collect(),
        below: store::markdown_below(&log.unread.folders)
            .iter()
            .map(|path| relative(path, cwd))
            .collect(),
    }
}

/// Whoever ran the command named the log's folder (`--dir`, `DECIDE_DIR`, `.decide.yaml`
/// or `.adr-dir`), so a hint to name it with --dir would send them round in a circle.
pub(super) fn log_named(env: &Env<'_>) -> bool {
    env.config.log_dir.as_ref().is_ok_and(|setting| {
        matches!(
            setting.source,
            Source::Flag(_) | Source::Environment(_) | Source::Repository(_)
        ) || setting.source == Source::Log(".adr-dir")
    })
}

/// One warning line for the Markdown files of the log that are not read, with their
/// count and the first few; nothing when there are none. `none_read`: the log read as
/// empty, which these files may explain.
pub(super) fn warn_unread(env: &Env<'_>, unread: &Unread, none_read: bool) {
    if unread.is_empty() {
        return;
    }
    const SHOWN: usize = 3;
    let mut such_as = unread
        .all()
        .take(SHOWN)
        .map(|path| path.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    if unread.len() > SHOWN {
        such_as.push_str(&format!(" and {} more", unread.len() - SHOWN));
    }
    let count = crate::coach::count(unread.len(), "Markdown file", "Markdown files");
    let is = if unread.len() == 1 { "is" } else { "are" };
    let fix = match (unread.below.is_empty(), log_named(env)) {
        (true, true) => "rename them as records",
        (true, false) => "rename them as records, or name the log's folder with --dir",
        (false, true) => "rename them as records in the log's folder",
        (false, false) => {
            "rename them as records in the log's folder, or name the log's folder with --dir"
        }
    };
    if none_read {
        ui::warning(&format!(
            "the log has no records decide can read, but {count} in it {is} not named as records are (NNNN-title.md, ADR-NNNN-title.md, NNN_title.md or YYYY-MM-DD-title.md, in the log's folder), such as {such_as}: {fix}"
        ));
        return;
    }
    let why = match (unread.misnamed.is_empty(), unread.below.is_empty()) {
        (false, true) => "not named as records are",
        (true, false) => "in subfolders, which are not read",
        _ => "not named as records are, or in subfolders",
    };
    ui::warning(&format!(
        "{count} in the log {is} not read as records ({why}), such as {such_as}: {fix}; `decide lint` lists them"
    ));
}

/// Files that could not be read: one warning each, then the listing goes on.
pub(super) fn report_skipped(problems: &[Error]) -> Skipped {
    for problem in problems {
        ui::warning(&format!("{problem}; skipped"));
    }
    Skipped {
        count: problems.len(),
        code: problems
            .first()
            .map_or(crate::error::exit::OK, |p| p.kind.exit_code()),
    }
}

/// Files a log-wide command could not read. The exit code says so (that of the first
/// problem), so scripts notice, and one error line says so after everything was shown.
#[must_use]
pub(super) struct Skipped {
    count: usize,
    code: u8,
}

impl Skipped {
    pub(super) fn any(&self) -> bool {
        self.count > 0
    }

    /// The command's exit code, with the line that explains it.
    pub(super) fn finish(self) -> u8 {
        if self.count > 0 {
            ui::error(&format!(
                "{} file{} in the log could not be read as a record (see above); everything else was read",
                self.count,
                if self.count == 1 { "" } else { "s" }
            ));
        }
        self.code
    }
}

/// Problems of the records that every reader mentions (front matter that was read by a
/// guess, a key written twice), at most one line per kind for the whole log.
pub(super) fn report_read_problems<'a>(
    records: impl IntoIterator<Item = (&'a Path, &'a [crate::record::parse::Problem])>,
) {
    use crate::record::parse::ProblemKind;
    let mut kinds: Vec<(ProblemKind, &Path, Option<usize>, String, usize)> = Vec::new();
    for (path, problems) in records {
        for problem in problems.iter().filter(|p| p.kind.shown_when_reading()) {
            match kinds.iter_mut().find(|(kind, ..)| *kind == problem.kind) {
                Some((.., count)) => *count += 1,
                None => kinds.push((problem.kind, path, problem.line, problem.message.clone(), 1)),
            }
        }
    }
    for (_, path, line, message, count) in kinds {
        let at = match line {
            Some(line) => format!("{}:{line}", path.display()),
            None => path.display().to_string(),
        };
        let others = match count {
            1 => String::new(),
            2 => " (and in 1 other record)".to_string(),
            n => format!(" (and in {} other records)", n - 1),
        };
        ui::warning(&format!(
            "{at}: {message}{others}; `decide lint` lists them"
        ));
    }
}
