//! Configuration: `.decide.yaml` at the repository root and `decide/config.yaml` in the
//! user's config directory. Each setting is taken from the first of: a flag, an environment
//! variable, the repository config, the user config, the built-in default; and remembers
//! where it came from, so `decide config` can say.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::answer::Duration;
use crate::coach::ReviewPeriods;
use crate::coach::boundaries::Limits;
use crate::error::{Error, Kind, Location, Result};
use crate::store;
use crate::yaml;

/// The repository's config file, at its root.
pub(crate) const REPO_FILE: &str = ".decide.yaml";
/// The record template the built-in playbooks use; `template:` replaces it.
pub(crate) const DEFAULT_TEMPLATE: &str = "decision.md";

/// One config file as written. Every field is optional; unknown fields are errors.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct File {
    /// The decision log directory, relative to the repository root.
    #[serde(default)]
    pub log_dir: Option<PathBuf>,
    /// The record template to use instead of `decision.md` (a name or a path).
    #[serde(default)]
    pub template: Option<String>,
    /// Who decides, when nobody says otherwise.
    #[serde(default)]
    pub decision_makers: Option<Vec<String>>,
    /// When reviews come due, by door type.
    #[serde(default)]
    pub review_periods: Option<ReviewPeriodsFile>,
    /// The playbook `decide new` runs when none is named.
    #[serde(default)]
    pub default_playbook: Option<String>,
    /// Days the team does not work besides weekends (public holidays, a shutdown), as
    /// dates; work stated in days and weeks skips them.
    #[serde(default)]
    pub holidays: Option<Vec<chrono::NaiveDate>>,
    /// Where the personal playbooks write their private entries (user config only). A
    /// relative path is relative to the home directory.
    #[serde(default)]
    pub journal_dir: Option<PathBuf>,
    /// The limits the boundaries playbook holds the lead to (user config only).
    #[serde(default)]
    pub boundaries: Option<BoundariesFile>,
    /// The statuses `lint` accepts; any other is an error. Without it, the usual statuses
    /// of the log's format are expected and others are only mentioned.
    #[serde(default)]
    pub statuses: Option<Vec<String>>,
    /// What `lint` makes of records that share a number.
    #[serde(default)]
    pub duplicate_numbers: Option<DuplicateNumbers>,
    /// Where `decide site` writes the site, relative to the repository root.
    #[serde(default)]
    pub site_dir: Option<PathBuf>,
}

/// What `lint` says about two records with the same number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum DuplicateNumbers {
    /// An error: a merge gave two records one number (`decide renumber` fixes it).
    Error,
    /// A warning.
    Warning,
    /// Nothing: the log names records by file, and numbers may repeat.
    Allow,
}

impl fmt::Display for DuplicateNumbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DuplicateNumbers::Error => "error",
            DuplicateNumbers::Warning => "warning",
            DuplicateNumbers::Allow => "allow",
        })
    }
}

/// The statuses of each kind of log, for `lint` when the config names none: adr-tools'
/// list for its records (`nygard`), MADR's otherwise (open-ended; it names "on hold"), and
/// log4brains adds "draft" (`dated`).
pub(crate) fn usual_statuses(nygard: bool, dated: bool) -> Vec<String> {
    let mut statuses: Vec<&str> = vec![
        "proposed",
        "accepted",
        "rejected",
        "deprecated",
        "superseded",
    ];
    if !nygard {
        statuses.push("on hold");
    }
    if dated {
        statuses.push("draft");
    }
    statuses.into_iter().map(String::from).collect()
}

/// `boundaries:` as written: each limit may be left to its default.
#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct BoundariesFile {
    #[serde(default)]
    pub after_hours: Option<u32>,
    #[serde(default)]
    pub weekend_days: Option<u32>,
    #[serde(default)]
    pub vacation_share: Option<u32>,
}

/// Settings that are the lead's own: a repository's config may not set them, or a cloned
/// repository could send private notes where they get committed.
const PERSONAL_SETTINGS: &[&str] = &["journal_dir", "boundaries"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReviewPeriodsFile {
    #[serde(default)]
    pub two_way: Option<String>,
    #[serde(default)]
    pub one_way: Option<String>,
    #[serde(default)]
    pub investigation: Option<String>,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    Default,
    Git,
    User(PathBuf),
    Repository(PathBuf),
    Environment(&'static str),
    Flag(&'static str),
    /// The repository's own log: `.adr-dir`, or an existing log folder.
    Log(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => write!(f, "default"),
            Source::Git => write!(f, "git config user.name"),
            Source::User(path) => write!(f, "user config {}", path.display()),
            Source::Repository(path) => write!(f, "repository config {}", path.display()),
            Source::Environment(name) => write!(f, "environment {name}"),
            Source::Flag(name) => write!(f, "flag {name}"),
            Source::Log(said_by) => write!(f, "{said_by}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Setting<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Setting<T> {
    fn new(value: T, source: Source) -> Self {
        Setting { value, source }
    }
}

/// The settings in force for this run.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The decision log directory; an error (an empty `.adr-dir`, a repository that points
    /// outside itself) is reported by the commands that use the log.
    pub log_dir: Result<Setting<PathBuf>>,
    /// log4brains packages with logs of their own, when `.log4brains.yml` named the log:
    /// (name, folder).
    pub log_packages: Vec<(String, PathBuf)>,
    /// The record template: see [`Config::template`].
    template: TemplateSetting,
    /// From a config file; `None` falls back to `git config user.name` (see
    /// [`Config::decision_makers`]), asked only when a record needs it.
    pub configured_decision_makers: Option<Setting<Vec<String>>>,
    pub review_periods: ReviewPeriods,
    /// Where each period came from (two-way, one-way, investigation): files may each set
    /// some of them.
    pub review_period_sources: [Source; 3],
    pub default_playbook: Setting<String>,
    /// The team's holidays: the repository's list, else the user's.
    pub holidays: Setting<Vec<chrono::NaiveDate>>,
    /// The private journal; an error (no home directory) is reported by the commands that
    /// use it.
    pub journal_dir: Result<Setting<PathBuf>>,
    /// The boundaries playbook's limits: the user's, else the built-in ones.
    pub boundaries: Boundaries,
    /// From a config file (the repository's, else the user's).
    pub statuses: Option<Setting<Vec<String>>>,
    pub duplicate_numbers: Option<Setting<DuplicateNumbers>>,
    /// Where `decide site` writes (`--out` is applied by the command); an error (a
    /// repository that points outside itself) is reported by `decide site`.
    pub site_dir: Result<Setting<PathBuf>>,
}

/// Where `decide site` writes when nothing says otherwise: with the build's other output.
pub(crate) const DEFAULT_SITE_DIR: &str = "target/decide-site";

/// The boundaries' limits, and where each came from (after hours, weekend days, vacation
/// share): the user's config may set some and leave the others.
#[derive(Debug, Clone)]
pub(crate) struct Boundaries {
    pub limits: Limits,
    pub sources: [Source; 3],
}

/// The record template, settled on first use: when neither a flag, the environment nor
/// the repository's config names one, the format of the log's own records decides, which
/// means reading one of them.
#[derive(Debug, Clone)]
struct TemplateSetting {
    /// From a flag, the environment or the repository's config.
    chosen: Option<Setting<String>>,
    /// From the user's config.
    user: Option<Setting<String>>,
    settled: std::sync::OnceLock<Setting<String>>,
}

/// The template that writes records in an adr-tools log's own format.
pub(crate) const NYGARD_TEMPLATE: &str = "nygard.md";
/// The template that writes records in a MADR 2 or log4brains log's own format.
pub(crate) const MADR2_TEMPLATE: &str = "madr2.md";

/// A built-in template that writes records in the log's own format, and what in the log
/// says so (shown by `decide config`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LogTemplate {
    pub name: &'static str,
    pub said_by: &'static str,
}

/// The settings that have a command-line flag, as the command line gave them.
#[derive(Debug, Default, Clone)]
pub(crate) struct Flags {
    /// `--dir`: the decision log directory.
    pub dir: Option<PathBuf>,
    /// `--template`: the record template.
    pub template: Option<String>,
    /// `--playbook`: the playbook to run.
    pub playbook: Option<String>,
    /// `--dir` of `decide journal`, `--journal` of `decide stats`, and the `--dir` of
    /// `decide new` (which names where that run writes, log or journal).
    pub journal_dir: Option<PathBuf>,
}

/// Everything a setting can come from, already read from the command line and the
/// environment; the files are read by [`resolve`].
#[derive(Debug, Default, Clone)]
pub(crate) struct Sources {
    pub flags: Flags,
    pub environment: Vec<(&'static str, String)>,
    /// The user's config file (`DECIDE_CONFIG`, else the platform's config directory).
    pub user_file: Option<PathBuf>,
}

/// The environment variables `decide` reads for settings.
pub(crate) const VARIABLES: [&str; 4] = [
    "DECIDE_DIR",
    "DECIDE_TEMPLATE",
    "DECIDE_PLAYBOOK",
    "DECIDE_JOURNAL_DIR",
];

impl Sources {
    /// The environment's settings and the user's config file, with these flags.
    pub(crate) fn from_environment(flags: Flags) -> Sources {
        let environment = VARIABLES
            .iter()
            .filter_map(|name| {
                std::env::var(name)
                    .ok()
                    .filter(|v| !v.is_empty())
                    .map(|v| (*name, v))
            })
            .collect();
        let user_file = std::env::var_os("DECIDE_CONFIG")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(user_file);
        Sources {
            flags,
            environment,
            user_file,
        }
    }

    fn env(&self, name: &str) -> Option<&str> {
        self.environment
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Config {
    /// The record template: a flag, the environment, the repository's config; else the
    /// template in the log's own format (nygard.md in an adr-tools log, madr2.md in a MADR 2
    /// or log4brains one, so their tools still read the record); else the user's config;
    /// else decision.md. `log_template` names the template the newest records of the log
    /// directory call for; it is asked only when nothing above decides.
    pub(crate) fn template(
        &self,
        log_template: impl FnOnce(&Path) -> Option<LogTemplate>,
    ) -> &Setting<String> {
        let setting = &self.template;
        setting.settled.get_or_init(|| {
            if let Some(chosen) = &setting.chosen {
                return chosen.clone();
            }
            let from_log = self
                .log_dir
                .as_ref()
                .ok()
                .and_then(|dir| log_template(&dir.value));
            if let Some(LogTemplate { name, said_by }) = from_log {
                return Setting::new(name.to_string(), Source::Log(said_by));
            }
            setting
                .user
                .clone()
                .unwrap_or_else(|| Setting::new(DEFAULT_TEMPLATE.to_string(), Source::Default))
        })
    }

    /// The statuses `lint` accepts in adr-tools records (`nygard`) or others (`dated`: a
    /// log4brains log), and whether the config named them (then any other is an error).
    pub(crate) fn statuses_for(&self, nygard: bool, dated: bool) -> (Setting<Vec<String>>, bool) {
        match &self.statuses {
            Some(configured) => (configured.clone(), true),
            None => (
                Setting::new(usual_statuses(nygard, dated), Source::Default),
                false,
            ),
        }
    }

    /// What `lint` makes of shared numbers. By default an error, unless the log names its
    /// records by file (their front matter `id` is the file name), where numbers repeat
    /// on purpose.
    pub(crate) fn duplicate_numbers(&self, named_by_file: bool) -> Setting<DuplicateNumbers> {
        match &self.duplicate_numbers {
            Some(configured) => configured.clone(),
            None if named_by_file => Setting::new(
                DuplicateNumbers::Allow,
                Source::Log("records whose front matter id is their file name"),
            ),
            None => Setting::new(DuplicateNumbers::Error, Source::Default),
        }
    }

    /// Who decides by default: the config's list, else the git user of the repository.
    pub(crate) fn decision_makers(&self, root: &Path) -> Setting<Vec<String>> {
        if let Some(configured) = &self.configured_decision_makers {
            return configured.clone();
        }
        match git_user_name(root) {
            Some(name) => Setting::new(vec![name], Source::Git),
            None => Setting::new(Vec::new(), Source::Default),
        }
    }
}

/// `git config user.name` as git would answer it in `root`. The config files are read
/// directly: spawning git costs more than the rest of `decide new`. Only when a file uses
/// `[include]` (which this reader does not follow) is git itself asked.
fn git_user_name(root: &Path) -> Option<String> {
    let mut name = None;
    for file in git_config_files(root) {
        let Some(text) = store::read_if_present(&file) else {
            continue;
        };
        match user_name_in(&text) {
            GitConfig::Includes => return git_user_name_from_git(root),
            GitConfig::Name(found) => name = Some(found),
            GitConfig::NoName => {}
        }
    }
    name.filter(|n| !n.is_empty())
}

/// Git's config files, lowest precedence first: system, global, repository.
fn git_config_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if std::env::var_os("GIT_CONFIG_NOSYSTEM").is_none() {
        files.push(PathBuf::from("/etc/gitconfig"));
    }
    match std::env::var_os("GIT_CONFIG_GLOBAL") {
        Some(global) => files.push(PathBuf::from(global)),
        None => {
            let home = std::env::var_os("HOME").map(PathBuf::from);
            let xdg = std::env::var_os("XDG_CONFIG_HOME")
                .map(PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(".config")));
            if let Some(xdg) = xdg {
                files.push(xdg.join("git").join("config"));
            }
            if let Some(home) = home {
                files.push(home.join(".gitconfig"));
            }
        }
    }
    let dot_git = root.join(".git");
    if store::is_dir(&dot_git) {
        files.push(dot_git.join("config"));
    } else if let Some(pointer) = store::read_if_present(&dot_git) {
        // A worktree or submodule: `.git` is a file naming the real git directory, whose
        // `commondir` (if any) holds the shared config.
        if let Some(dir) = pointer.trim().strip_prefix("gitdir:") {
            let dir = root.join(dir.trim());
            let common = store::read_if_present(&dir.join("commondir"))
                .map(|c| dir.join(c.trim()))
                .unwrap_or(dir);
            files.push(common.join("config"));
        }
    }
    files
}

#[derive(Debug, PartialEq)]
enum GitConfig {
    Name(String),
    NoName,
    Includes,
}

/// The last `name` under `[user]` in one git config file.
fn user_name_in(text: &str) -> GitConfig {
    let mut section = String::new();
    let mut name = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.starts_with(';') || line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            section = header
                .split(']')
                .next()
                .unwrap_or_default()
                .trim()
                .to_lowercase();
            if section == "include" || section.starts_with("includeif") {
                return GitConfig::Includes;
            }
            continue;
        }
        if section != "user" {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if key.trim().eq_ignore_ascii_case("name") {
            let value = value.split(['#', ';']).next().unwrap_or_default().trim();
            name = Some(value.trim_matches('"').to_string());
        }
    }
    name.map_or(GitConfig::NoName, GitConfig::Name)
}

fn git_user_name_from_git(root: &Path) -> Option<String> {
    let output = std::process::Command::new("git")
        .args(["config", "user.name"])
        .current_dir(root)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !name.is_empty()).then_some(name)
}

/// The user's config file: `$XDG_CONFIG_HOME/decide/config.yaml` (or the platform's
/// equivalent).
pub(crate) fn user_file() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("decide").join("config.yaml"))
}

/// Read one config file; a missing file is an empty config.
/// `root` is the repository: a config file inside it (`.decide.yaml`) is the repository's
/// and is read only if it is a regular file that stays inside.
pub(crate) fn read_file(root: &Path, path: &Path) -> Result<Option<File>> {
    if !store::exists(path) {
        return Ok(None);
    }
    let text = store::read_supplied(root, path)?;
    if text.trim().is_empty() {
        return Ok(Some(File::default()));
    }
    let file: File = yaml::parse(&text, path, Kind::Content)?;
    if let Some(periods) = &file.review_periods {
        for (key, value) in [
            ("two_way", &periods.two_way),
            ("one_way", &periods.one_way),
            ("investigation", &periods.investigation),
        ] {
            if let Some(period) = value {
                parse_period(period).map_err(|problem| {
                    Error::content(format!("review_periods.{key}: {problem}"))
                        .at(key_location(path, &text, key))
                })?;
            }
        }
    }
    Ok(Some(file))
}

fn key_location(path: &Path, text: &str, key: &str) -> Location {
    let needle = format!("{key}:");
    text.lines()
        .enumerate()
        .find_map(|(index, line)| {
            line.find(&needle)
                .map(|column| Location::at(path, index + 1, column + 1))
        })
        .unwrap_or_else(|| Location::file(path))
}

fn parse_period(text: &str) -> std::result::Result<i64, String> {
    let duration = Duration::parse(text)?;
    let days = duration.days().round() as i64;
    if days < 1 {
        return Err(format!(
            "{text:?} is less than a day; give days, weeks or months"
        ));
    }
    Ok(days)
}

/// Resolve every setting from its sources, highest precedence first: the flag, the
/// environment, the repository (its `.decide.yaml`, then for the log directory what the
/// repository's own log says: `.adr-dir` or an existing log folder), the user's config,
/// the built-in default. This is the one place that knows the order.
pub(crate) fn resolve(root: &Path, sources: &Sources) -> Result<Config> {
    let repo_path = root.join(REPO_FILE);
    let repo = read_repository_file(root, &repo_path)?;
    let user_config = match &sources.user_file {
        Some(path) => read_file(root, path)?.map(|file| (path.clone(), file)),
        None => None,
    };
    let repo_source = || Source::Repository(PathBuf::from(REPO_FILE));
    let user = user_config
        .as_ref()
        .map(|(path, file)| (Source::User(path.clone()), file));
    // The first of: a flag, a variable, the repository's file, the user's file.
    let pick = |flag: &Option<String>,
                variable: &'static str,
                field: fn(&File) -> Option<&String>| {
        if let Some(value) = flag {
            return Some(Setting::new(
                value.clone(),
                Source::Flag(flag_name(variable)),
            ));
        }
        if let Some(value) = sources.env(variable) {
            return Some(Setting::new(
                value.to_string(),
                Source::Environment(variable),
            ));
        }
        if let Some(value) = repo.as_ref().and_then(field) {
            return Some(Setting::new(value.clone(), repo_source()));
        }
        user.as_ref()
            .and_then(|(source, file)| field(file).map(|v| Setting::new(v.clone(), source.clone())))
    };
    let template = TemplateSetting {
        chosen: pick(&sources.flags.template, "DECIDE_TEMPLATE", |f| {
            f.template.as_ref()
        })
        .filter(|setting| !matches!(setting.source, Source::User(_))),
        // The user's template comes after the log's own format (see `Config::template`).
        user: user.as_ref().and_then(|(source, file)| {
            file.template
                .clone()
                .map(|t| Setting::new(t, source.clone()))
        }),
        settled: std::sync::OnceLock::new(),
    };
    let default_playbook = pick(&sources.flags.playbook, "DECIDE_PLAYBOOK", |f| {
        f.default_playbook.as_ref()
    })
    .unwrap_or_else(|| Setting::new("decision".to_string(), Source::Default));
    let (log_dir, log_packages) = match resolve_log_dir(root, sources, repo.as_ref(), user.as_ref())
    {
        Ok((dir, packages)) => (Ok(dir), packages),
        Err(error) => (Err(error), Vec::new()),
    };
    let (statuses, duplicate_numbers) = lint_settings(repo.as_ref(), user.as_ref());
    let configured_decision_makers = repo
        .as_ref()
        .map(|file| (repo_source(), file))
        .into_iter()
        .chain(user.iter().map(|(source, file)| (source.clone(), *file)))
        .find_map(|(source, file)| {
            file.decision_makers
                .clone()
                .map(|makers| Setting::new(makers, source))
        });

    let (periods, period_sources) = review_periods(repo.as_ref(), user.as_ref());

    let holidays = resolve_holidays(repo.as_ref(), user.as_ref());

    Ok(Config {
        log_dir,
        log_packages,
        template,
        configured_decision_makers,
        review_periods: periods,
        review_period_sources: period_sources,
        default_playbook,
        holidays,
        journal_dir: resolve_journal_dir(sources, user.as_ref()),
        boundaries: user_limits(user_config.as_ref()),
        statuses,
        duplicate_numbers,
        site_dir: resolve_site_dir(root, repo.as_ref(), user.as_ref()),
    })
}

/// The team's holidays: the repository's list, else the user's.
fn resolve_holidays(
    repo: Option<&File>,
    user: Option<&(Source, &File)>,
) -> Setting<Vec<chrono::NaiveDate>> {
    repo.and_then(|file| {
        file.holidays
            .clone()
            .map(|h| Setting::new(h, Source::Repository(PathBuf::from(REPO_FILE))))
    })
    .or_else(|| {
        user.and_then(|(source, file)| {
            file.holidays
                .clone()
                .map(|h| Setting::new(h, source.clone()))
        })
    })
    .unwrap_or_else(|| Setting::new(Vec::new(), Source::Default))
}

/// The site's directory: the repository's `site_dir`, the user's, else
/// `target/decide-site`; relative to the repository and, as the repository decides where
/// its names lead, inside it. (`--out` names any directory, and is the command's.)
fn resolve_site_dir(
    root: &Path,
    repo: Option<&File>,
    user: Option<&(Source, &File)>,
) -> Result<Setting<PathBuf>> {
    let (dir, source) = if let Some(dir) = repo.and_then(|file| file.site_dir.as_ref()) {
        (dir.clone(), Source::Repository(PathBuf::from(REPO_FILE)))
    } else if let Some((source, dir)) =
        user.and_then(|(source, file)| file.site_dir.as_ref().map(|dir| (source, dir)))
    {
        if dir.is_absolute() {
            return Ok(Setting::new(dir.clone(), source.clone()));
        }
        (dir.clone(), source.clone())
    } else {
        (PathBuf::from(DEFAULT_SITE_DIR), Source::Default)
    };
    let at = match &source {
        Source::Repository(_) => Some(Location::file(root.join(REPO_FILE))),
        _ => None,
    };
    let dir =
        store::inside_repository(root, &dir, "the site directory", "--out").map_err(
            |e| match at {
                Some(at) => e.at(at),
                None => e,
            },
        )?;
    Ok(Setting::new(dir, source))
}

/// A repository's config, read and checked: it may not set the lead's own settings.
fn read_repository_file(root: &Path, path: &Path) -> Result<Option<File>> {
    let file = read_file(root, path)?;
    if let Some(file) = &file {
        refuse_personal_settings(path, file)?;
    }
    Ok(file)
}

/// The boundaries' limits, each the user's or else the built-in one, with its source.
fn user_limits(user: Option<&(PathBuf, File)>) -> Boundaries {
    let mut limits = Limits::default();
    let mut sources = [Source::Default, Source::Default, Source::Default];
    let Some((path, file)) = user else {
        return Boundaries { limits, sources };
    };
    let given = file.boundaries.unwrap_or_default();
    for ((value, slot), from) in [
        (given.after_hours, &mut limits.after_hours),
        (given.weekend_days, &mut limits.weekend_days),
        (given.vacation_share, &mut limits.vacation_share),
    ]
    .into_iter()
    .zip(sources.iter_mut())
    {
        if let Some(value) = value {
            *slot = value;
            *from = Source::User(path.clone());
        }
    }
    Boundaries { limits, sources }
}

/// A repository's `.decide.yaml` naming a personal setting is refused, at its line.
fn refuse_personal_settings(path: &Path, file: &File) -> Result<()> {
    let set = |key: &str| match key {
        "journal_dir" => file.journal_dir.is_some(),
        "boundaries" => file.boundaries.is_some(),
        _ => false,
    };
    let Some(key) = PERSONAL_SETTINGS.iter().copied().find(|key| set(key)) else {
        return Ok(());
    };
    let text = store::read_text(path)?;
    Err(Error::content(format!(
        "`{key}` is a personal setting, which a repository's config may not set"
    ))
    .at(key_location(path, &text, key))
    .hint("move it to your own config (`decide config` shows where it is)"))
}

/// The private journal: the flag, `DECIDE_JOURNAL_DIR`, the user's config, else the
/// platform's data directory (`$XDG_DATA_HOME/decide/journal`). Never the repository's
/// config: see [`PERSONAL_SETTINGS`].
fn resolve_journal_dir(
    sources: &Sources,
    user: Option<&(Source, &File)>,
) -> Result<Setting<PathBuf>> {
    if let Some(dir) = &sources.flags.journal_dir {
        return Ok(Setting::new(dir.clone(), Source::Flag("--dir")));
    }
    if let Some(dir) = sources.env("DECIDE_JOURNAL_DIR") {
        return Ok(Setting::new(
            PathBuf::from(dir),
            Source::Environment("DECIDE_JOURNAL_DIR"),
        ));
    }
    if let Some((source, dir)) =
        user.and_then(|(source, file)| file.journal_dir.as_ref().map(|dir| (source, dir)))
    {
        let dir = match (dir.is_absolute(), store::home_dir()) {
            (false, Some(home)) => home.join(dir.strip_prefix("~").unwrap_or(dir)),
            _ => dir.clone(),
        };
        return Ok(Setting::new(dir, source.clone()));
    }
    store::default_journal_dir()
        .map(|dir| Setting::new(dir, Source::Default))
        .ok_or_else(|| {
            Error::usage("the journal has no home: the home directory is unknown")
                .hint("set HOME, set `journal_dir` in your config, or pass --dir")
        })
}

/// The review periods, each settled on its own: a repository may set one and inherit the
/// others from the user's file.
fn review_periods(
    repo: Option<&File>,
    user: Option<&(Source, &File)>,
) -> (ReviewPeriods, [Source; 3]) {
    let mut periods = ReviewPeriods::default();
    let mut period_sources = [Source::Default, Source::Default, Source::Default];
    let files = user
        .map(|(source, file)| (source.clone(), *file))
        .into_iter()
        .chain(repo.map(|file| (Source::Repository(PathBuf::from(REPO_FILE)), file)));
    for (source, file) in files {
        let Some(file_periods) = &file.review_periods else {
            continue;
        };
        for ((value, slot), from) in [
            (&file_periods.two_way, &mut periods.two_way_days),
            (&file_periods.one_way, &mut periods.one_way_days),
            (&file_periods.investigation, &mut periods.investigation_days),
        ]
        .into_iter()
        .zip(period_sources.iter_mut())
        {
            if let Some(text) = value {
                // Already checked when the file was read.
                *slot = parse_period(text).unwrap_or(*slot);
                *from = source.clone();
            }
        }
    }
    (periods, period_sources)
}

/// What `lint` accepts, as the config files say: the repository's file first, then the
/// user's. Unset, the log's format decides (see [`Config::statuses_for`]).
fn lint_settings(
    repo: Option<&File>,
    user: Option<&(Source, &File)>,
) -> (
    Option<Setting<Vec<String>>>,
    Option<Setting<DuplicateNumbers>>,
) {
    let files = || {
        repo.map(|file| (Source::Repository(PathBuf::from(REPO_FILE)), file))
            .into_iter()
            .chain(user.map(|(source, file)| (source.clone(), *file)))
    };
    let statuses = files().find_map(|(source, file)| {
        file.statuses.as_ref().map(|list| {
            let list = list.iter().map(|s| s.trim().to_lowercase()).collect();
            Setting::new(list, source)
        })
    });
    let duplicates = files().find_map(|(source, file)| {
        file.duplicate_numbers
            .map(|policy| Setting::new(policy, source))
    });
    (statuses, duplicates)
}

fn flag_name(variable: &str) -> &'static str {
    match variable {
        "DECIDE_DIR" => "--dir",
        "DECIDE_TEMPLATE" => "--template",
        _ => "--playbook",
    }
}

/// The log directory (with log4brains' package folders), which may never lie inside a
/// git directory (see [`store::git_directory_holding`]), whoever names it.
type LogDir = (Setting<PathBuf>, Vec<(String, PathBuf)>);

fn resolve_log_dir(
    root: &Path,
    sources: &Sources,
    repo: Option<&File>,
    user: Option<&(Source, &File)>,
) -> Result<LogDir> {
    let (setting, packages) = log_dir_by_precedence(root, sources, repo, user)?;
    store::stays_inside(
        root,
        &setting.value,
        store::LOG_DIRECTORY,
        "an absolute --dir",
    )?;
    store::refuse_git_directory(&setting.value)?;
    Ok((setting, packages))
}

/// The log directory. A repository's own signals (`.adr-dir`, `.log4brains.yml`, an
/// existing log folder) outrank the user's config, which is a default for repositories
/// that say nothing: a personal `log_dir` must not hide an adr-tools log. What the
/// repository says must stay inside it: a cloned repository may not direct writes
/// elsewhere. An error is kept, not returned, so commands that never touch the log still
/// run.
fn log_dir_by_precedence(
    root: &Path,
    sources: &Sources,
    repo: Option<&File>,
    user: Option<&(Source, &File)>,
) -> Result<LogDir> {
    if let Some(dir) = &sources.flags.dir {
        return Ok((Setting::new(dir.clone(), Source::Flag("--dir")), Vec::new()));
    }
    if let Some(dir) = sources.env("DECIDE_DIR") {
        return Ok((
            Setting::new(PathBuf::from(dir), Source::Environment("DECIDE_DIR")),
            Vec::new(),
        ));
    }
    if let Some(dir) = repo.and_then(|file| file.log_dir.as_ref()) {
        let at = Location::file(root.join(REPO_FILE));
        let dir = store::inside_repository(root, dir, store::LOG_DIRECTORY, "--dir")
            .map_err(|e| e.at(at))?;
        return Ok((
            Setting::new(dir, Source::Repository(PathBuf::from(REPO_FILE))),
            Vec::new(),
        ));
    }
    if let Some(found) = store::repository_log_dir(root)? {
        return Ok((
            Setting::new(found.dir, Source::Log(found.said_by)),
            found.packages,
        ));
    }
    if let Some((source, dir)) =
        user.and_then(|(source, file)| file.log_dir.as_ref().map(|dir| (source, dir)))
    {
        if dir.is_absolute() {
            return Ok((Setting::new(dir.clone(), source.clone()), Vec::new()));
        }
        // A relative log_dir is relative to the repository, wherever decide runs from; and
        // the repository decides what that name is (a link, say), so it must stay inside.
        let dir = store::inside_repository(root, dir, store::LOG_DIRECTORY, "--dir")?;
        return Ok((Setting::new(dir, source.clone()), Vec::new()));
    }
    // The default too: a repository may ship `docs/decisions` as a link to elsewhere.
    let dir = store::inside_repository(
        root,
        Path::new(store::DEFAULT_LOG_DIR),
        store::LOG_DIRECTORY,
        "--dir",
    )?;
    Ok((Setting::new(dir, Source::Default), Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// One row per precedence level, highest first: which sources are present, and where
    /// each setting comes from then.
    #[test]
    fn precedence_is_flag_then_environment_then_repository_then_user_then_default() {
        struct Row {
            flag: bool,
            env: bool,
            repo_file: bool,
            adr_dir: bool,
            user: bool,
            log_dir: &'static str,
            template: &'static str,
            /// `None`: the platform's data directory.
            journal_dir: Option<&'static str>,
        }
        // The journal is personal: no repository file or log signal ever names it.
        #[rustfmt::skip]
        let rows = [
            Row { flag: true,  env: true,  repo_file: true,  adr_dir: true,  user: true,  log_dir: "from-flag", template: "flag.md", journal_dir: Some("journal-from-flag") },
            Row { flag: false, env: true,  repo_file: true,  adr_dir: true,  user: true,  log_dir: "from-env",  template: "env.md", journal_dir: Some("journal-from-env") },
            Row { flag: false, env: false, repo_file: true,  adr_dir: true,  user: true,  log_dir: "from-repo", template: "repo.md", journal_dir: Some("journal-from-user") },
            // The repository's own log outranks the user's personal default.
            Row { flag: false, env: false, repo_file: false, adr_dir: true,  user: true,  log_dir: "from-adr-dir", template: "user.md", journal_dir: Some("journal-from-user") },
            Row { flag: false, env: false, repo_file: false, adr_dir: false, user: true,  log_dir: "from-user", template: "user.md", journal_dir: Some("journal-from-user") },
            Row { flag: false, env: false, repo_file: false, adr_dir: false, user: false, log_dir: "docs/decisions", template: DEFAULT_TEMPLATE, journal_dir: None },
        ];
        for (index, row) in rows.iter().enumerate() {
            let root = tempfile::tempdir().unwrap();
            let root = root.path();
            let mut sources = Sources::default();
            if row.flag {
                sources.flags = Flags {
                    dir: Some(root.join("from-flag")),
                    template: Some("flag.md".into()),
                    playbook: Some("deadline".into()),
                    journal_dir: Some(root.join("journal-from-flag")),
                };
            }
            if row.env {
                sources.environment = vec![
                    ("DECIDE_DIR", root.join("from-env").display().to_string()),
                    ("DECIDE_TEMPLATE", "env.md".into()),
                    (
                        "DECIDE_JOURNAL_DIR",
                        root.join("journal-from-env").display().to_string(),
                    ),
                ];
            }
            if row.repo_file {
                write(root, REPO_FILE, "log_dir: from-repo\ntemplate: repo.md\n");
            }
            if row.adr_dir {
                write(root, ".adr-dir", "from-adr-dir\n");
            }
            if row.user {
                sources.user_file = Some(write(
                    root,
                    "user.yaml",
                    &format!(
                        "log_dir: from-user\ntemplate: user.md\ndefault_playbook: tech-debt\njournal_dir: {}\n",
                        root.join("journal-from-user").display()
                    ),
                ));
            }
            let config = resolve(root, &sources).unwrap();
            let log_dir = config.log_dir.clone().unwrap();
            assert_eq!(log_dir.value, root.join(row.log_dir), "row {index}");
            assert_eq!(config.template(|_| None).value, row.template, "row {index}");
            let playbook = match (row.flag, row.user) {
                (true, _) => "deadline",
                (false, true) => "tech-debt",
                (false, false) => "decision",
            };
            assert_eq!(config.default_playbook.value, playbook, "row {index}");
            let journal_dir = config.journal_dir.unwrap().value;
            match row.journal_dir {
                Some(dir) => assert_eq!(journal_dir, root.join(dir), "row {index}"),
                None => assert_eq!(
                    Some(journal_dir),
                    store::default_journal_dir(),
                    "row {index}"
                ),
            }
        }
    }

    #[test]
    fn personal_settings_come_from_your_own_config_only() {
        let root = tempfile::tempdir().unwrap();
        let user = write(
            root.path(),
            "user.yaml",
            "journal_dir: notes/journal\nboundaries:\n  after_hours: 2\n",
        );
        let sources = Sources {
            user_file: Some(user.clone()),
            ..Sources::default()
        };
        let config = resolve(root.path(), &sources).unwrap();
        // A relative journal is in the home directory, never in the repository.
        assert_eq!(
            Some(config.journal_dir.unwrap().value),
            store::home_dir().map(|home| home.join("notes/journal"))
        );
        assert_eq!(config.boundaries.limits.after_hours, 2);
        assert_eq!(
            config.boundaries.limits.weekend_days,
            Limits::default().weekend_days
        );
        assert_eq!(
            config.boundaries.sources,
            [Source::User(user), Source::Default, Source::Default]
        );
        for (text, line) in [
            ("log_dir: docs\njournal_dir: docs/journal\n", 2),
            ("boundaries:\n  after_hours: 50\n", 1),
        ] {
            write(root.path(), REPO_FILE, text);
            let error = resolve(root.path(), &sources).unwrap_err();
            assert!(
                error
                    .to_string()
                    .contains(&format!(".decide.yaml:{line}:1: `")),
                "{error}"
            );
            assert!(error.to_string().contains("personal setting"), "{error}");
        }
    }

    #[test]
    fn a_repository_cannot_point_the_log_outside_itself() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path().join("repo");
        std::fs::create_dir_all(&root).unwrap();
        for (file, text) in [
            (REPO_FILE, "log_dir: /tmp/elsewhere\n"),
            (REPO_FILE, "log_dir: ../victim\n"),
            (REPO_FILE, "log_dir: docs/../../victim\n"),
        ] {
            let path = write(&root, file, text);
            let error = resolve(&root, &Sources::default())
                .unwrap()
                .log_dir
                .unwrap_err();
            assert!(
                error.to_string().contains("outside the repository"),
                "{text}: {error}"
            );
            std::fs::remove_file(path).unwrap();
        }
        write(&root, ".adr-dir", "../victim\n");
        let error = resolve(&root, &Sources::default())
            .unwrap()
            .log_dir
            .unwrap_err();
        assert!(error.to_string().contains(".adr-dir"), "{error}");
        std::fs::remove_file(root.join(".adr-dir")).unwrap();
        #[cfg(unix)]
        {
            let outside = root.parent().unwrap().join("outside");
            std::fs::create_dir_all(&outside).unwrap();
            std::os::unix::fs::symlink(&outside, root.join("linked")).unwrap();
            write(&root, REPO_FILE, "log_dir: linked/decisions\n");
            let error = resolve(&root, &Sources::default())
                .unwrap()
                .log_dir
                .unwrap_err();
            assert!(error.to_string().contains("symbolic link"), "{error}");
            std::fs::remove_file(root.join(REPO_FILE)).unwrap();
            // Where nothing is configured, the default folder and a relative log_dir of the
            // user's own config are the repository's names too.
            std::fs::create_dir_all(root.join("docs")).unwrap();
            std::os::unix::fs::symlink(&outside, root.join("docs/decisions")).unwrap();
            let user = write(root.parent().unwrap(), "user.yaml", "log_dir: linked\n");
            for sources in [
                Sources::default(),
                Sources {
                    user_file: Some(user),
                    ..Sources::default()
                },
            ] {
                let error = resolve(&root, &sources).unwrap().log_dir.unwrap_err();
                assert!(error.to_string().contains("symbolic link"), "{error}");
            }
        }
        // The user may point anywhere: it is their own machine.
        let sources = Sources {
            flags: Flags {
                dir: Some("/tmp/anywhere".into()),
                ..Flags::default()
            },
            ..Sources::default()
        };
        assert_eq!(
            resolve(&root, &sources).unwrap().log_dir.unwrap().value,
            PathBuf::from("/tmp/anywhere")
        );
    }

    #[test]
    fn defaults_and_git_identity() {
        let root = tempfile::tempdir().unwrap();
        let git = |args: &[&str]| {
            std::process::Command::new("git")
                .args(args)
                .current_dir(root.path())
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("HOME", root.path())
                .output()
                .unwrap()
        };
        git(&["init", "-q"]);
        git(&["config", "user.name", "Ana Lima"]);
        let config = resolve(root.path(), &Sources::default()).unwrap();
        assert_eq!(
            config.log_dir.clone().unwrap().value,
            root.path().join("docs/decisions")
        );
        assert_eq!(config.template(|_| None).value, DEFAULT_TEMPLATE);
        assert_eq!(config.default_playbook.value, "decision");
        assert_eq!(
            config.decision_makers(root.path()),
            Setting::new(vec!["Ana Lima".to_string()], Source::Git)
        );
        assert_eq!(config.review_periods, ReviewPeriods::default());
    }

    #[test]
    fn git_config_is_read_as_git_reads_it() {
        let cases = [
            (
                "[user]\n\tname = Ana Lima\n",
                GitConfig::Name("Ana Lima".into()),
            ),
            (
                "[core]\n\tname = not a user\n[user]\n\temail = a@b\n",
                GitConfig::NoName,
            ),
            (
                "[User]\n  Name = \"Ben O\" # comment\n",
                GitConfig::Name("Ben O".into()),
            ),
            (
                "[user]\nname = first\n[user]\nname = second\n",
                GitConfig::Name("second".into()),
            ),
            ("[user \"sub\"]\nname = nope\n", GitConfig::NoName),
            ("[include]\npath = other\n", GitConfig::Includes),
        ];
        for (text, expected) in cases {
            assert_eq!(user_name_in(text), expected, "{text:?}");
        }
    }

    #[test]
    fn review_periods_merge_per_key() {
        let root = tempfile::tempdir().unwrap();
        let user = write(
            root.path(),
            "user.yaml",
            "review_periods:\n  one_way: 6 months\n",
        );
        write(
            root.path(),
            REPO_FILE,
            "review_periods:\n  two_way: 2 weeks\n",
        );
        let config = resolve(
            root.path(),
            &Sources {
                user_file: Some(user.clone()),
                ..Sources::default()
            },
        )
        .unwrap();
        assert_eq!(config.review_periods.two_way_days, 14);
        assert_eq!(config.review_periods.one_way_days, 180);
        assert_eq!(
            config.review_period_sources,
            [
                Source::Repository(PathBuf::from(REPO_FILE)),
                Source::User(user.clone()),
                Source::Default
            ]
        );
        assert_eq!(
            config.review_periods.investigation_days,
            ReviewPeriods::default().investigation_days
        );
    }

    #[test]
    fn errors_point_at_the_line() {
        let root = tempfile::tempdir().unwrap();
        write(root.path(), REPO_FILE, "log_dir: docs\nlog_dri: x\n");
        let error = resolve(root.path(), &Sources::default()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(".decide.yaml:2:1: unknown field `log_dri`"),
            "{error}"
        );
        write(root.path(), REPO_FILE, "review_periods:\n  two_way: soon\n");
        let error = resolve(root.path(), &Sources::default()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(".decide.yaml:2:3: review_periods.two_way: expected a number and a unit"),
            "{error}"
        );
    }
}
