//! Configuration: `.decide.yaml` at the repository root and `decide/config.yaml` in the
//! user's config directory. Each setting is taken from the first of: a flag, an environment
//! variable, the repository config, the user config, the built-in default; and remembers
//! where it came from, so `decide config` can say.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::answer::Duration;
use crate::coach::ReviewPeriods;
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
}

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
    /// `None` means "work it out": `.adr-dir`, an existing `doc/adr/`, else `docs/decisions/`.
    pub log_dir: Setting<Option<PathBuf>>,
    pub template: Setting<String>,
    /// From a config file; `None` falls back to `git config user.name` (see
    /// [`Config::decision_makers`]), asked only when a record needs it.
    pub configured_decision_makers: Option<Setting<Vec<String>>>,
    pub review_periods: ReviewPeriods,
    /// Where each period came from (two-way, one-way, investigation): files may each set
    /// some of them.
    pub review_period_sources: [Source; 3],
    pub default_playbook: Setting<String>,
}

/// What the command line and the environment say, already read.
#[derive(Debug, Default, Clone)]
pub(crate) struct Overrides {
    pub dir_flag: Option<PathBuf>,
    pub template_flag: Option<String>,
    pub playbook_flag: Option<String>,
    pub environment: Vec<(&'static str, String)>,
}

impl Overrides {
    /// The environment variables `decide` reads for settings.
    pub(crate) const VARIABLES: [&'static str; 3] =
        ["DECIDE_DIR", "DECIDE_TEMPLATE", "DECIDE_PLAYBOOK"];

    pub(crate) fn from_environment() -> Vec<(&'static str, String)> {
        Self::VARIABLES
            .iter()
            .filter_map(|name| {
                std::env::var(name)
                    .ok()
                    .filter(|v| !v.is_empty())
                    .map(|v| (*name, v))
            })
            .collect()
    }

    fn env(&self, name: &str) -> Option<&str> {
        self.environment
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Config {
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
pub(crate) fn read_file(path: &Path) -> Result<Option<File>> {
    if !store::is_file(path) {
        return Ok(None);
    }
    let text = store::read_text(path)?;
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

/// Resolve every setting from its sources, highest precedence first.
pub(crate) fn resolve(root: &Path, user: Option<&Path>, overrides: &Overrides) -> Result<Config> {
    let repo_path = root.join(REPO_FILE);
    let repo = read_file(&repo_path)?;
    let user_config = match user {
        Some(path) => read_file(path)?.map(|file| (path.to_path_buf(), file)),
        None => None,
    };
    // Files in precedence order, each with the source it reports.
    let mut files: Vec<(Source, &File)> = Vec::new();
    if let Some(file) = &repo {
        files.push((Source::Repository(PathBuf::from(REPO_FILE)), file));
    }
    if let Some((path, file)) = &user_config {
        files.push((Source::User(path.clone()), file));
    }
    let log_dir = if let Some(dir) = &overrides.dir_flag {
        Setting::new(Some(dir.clone()), Source::Flag("--dir"))
    } else if let Some(dir) = overrides.env("DECIDE_DIR") {
        Setting::new(Some(PathBuf::from(dir)), Source::Environment("DECIDE_DIR"))
    } else if let Some((source, file)) = files.iter().find(|(_, f)| f.log_dir.is_some()) {
        // A relative log_dir is relative to the repository, wherever decide runs from.
        Setting::new(file.log_dir.as_ref().map(|d| root.join(d)), source.clone())
    } else {
        Setting::new(None, Source::Default)
    };

    let template = if let Some(name) = &overrides.template_flag {
        Setting::new(name.clone(), Source::Flag("--template"))
    } else if let Some(name) = overrides.env("DECIDE_TEMPLATE") {
        Setting::new(name.to_string(), Source::Environment("DECIDE_TEMPLATE"))
    } else if let Some((source, file)) = files.iter().find(|(_, f)| f.template.is_some()) {
        Setting::new(file.template.clone().unwrap_or_default(), source.clone())
    } else {
        Setting::new(DEFAULT_TEMPLATE.to_string(), Source::Default)
    };

    let default_playbook = if let Some(id) = &overrides.playbook_flag {
        Setting::new(id.clone(), Source::Flag("--playbook"))
    } else if let Some(id) = overrides.env("DECIDE_PLAYBOOK") {
        Setting::new(id.to_string(), Source::Environment("DECIDE_PLAYBOOK"))
    } else if let Some((source, file)) = files.iter().find(|(_, f)| f.default_playbook.is_some()) {
        Setting::new(
            file.default_playbook.clone().unwrap_or_default(),
            source.clone(),
        )
    } else {
        Setting::new("decision".to_string(), Source::Default)
    };

    let configured_decision_makers =
        files
            .iter()
            .find(|(_, f)| f.decision_makers.is_some())
            .map(|(source, file)| {
                Setting::new(
                    file.decision_makers.clone().unwrap_or_default(),
                    source.clone(),
                )
            });

    // Each period is settled on its own: a repository may set one and inherit the others.
    let mut periods = ReviewPeriods::default();
    let mut period_sources = [Source::Default, Source::Default, Source::Default];
    for (source, file) in files.iter().rev() {
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

    Ok(Config {
        log_dir,
        template,
        configured_decision_makers,
        review_periods: periods,
        review_period_sources: period_sources,
        default_playbook,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn precedence_is_flag_then_environment_then_repository_then_user_then_default() {
        let root = tempfile::tempdir().unwrap();
        let user = write(
            root.path(),
            "user.yaml",
            "log_dir: from-user\ntemplate: user.md\ndefault_playbook: tech-debt\ndecision_makers: [User]\n",
        );
        let none = Overrides::default();

        let config = resolve(root.path(), Some(&user), &none).unwrap();
        assert_eq!(config.log_dir.value, Some(root.path().join("from-user")));
        assert_eq!(config.log_dir.source, Source::User(user.clone()));
        assert_eq!(config.decision_makers(root.path()).value, vec!["User"]);

        write(
            root.path(),
            REPO_FILE,
            "log_dir: from-repo\ntemplate: repo.md\n",
        );
        let config = resolve(root.path(), Some(&user), &none).unwrap();
        assert_eq!(config.log_dir.value, Some(root.path().join("from-repo")));
        assert_eq!(
            config.log_dir.source,
            Source::Repository(PathBuf::from(REPO_FILE))
        );
        assert_eq!(config.template.value, "repo.md");
        assert_eq!(
            config.default_playbook.value, "tech-debt",
            "a setting the repository leaves out comes from the user"
        );

        let env = Overrides {
            environment: vec![
                ("DECIDE_DIR", "from-env".into()),
                ("DECIDE_TEMPLATE", "env.md".into()),
            ],
            ..Default::default()
        };
        let config = resolve(root.path(), Some(&user), &env).unwrap();
        assert_eq!(config.log_dir.value, Some(PathBuf::from("from-env")));
        assert_eq!(config.log_dir.source, Source::Environment("DECIDE_DIR"));
        assert_eq!(config.template.value, "env.md");

        let flags = Overrides {
            dir_flag: Some("from-flag".into()),
            template_flag: Some("flag.md".into()),
            ..env
        };
        let config = resolve(root.path(), Some(&user), &flags).unwrap();
        assert_eq!(config.log_dir.value, Some(PathBuf::from("from-flag")));
        assert_eq!(config.log_dir.source, Source::Flag("--dir"));
        assert_eq!(config.template.value, "flag.md");
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
        let config = resolve(root.path(), None, &Overrides::default()).unwrap();
        assert_eq!(config.log_dir.value, None);
        assert_eq!(config.template.value, DEFAULT_TEMPLATE);
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
        let config = resolve(root.path(), Some(&user), &Overrides::default()).unwrap();
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
        let error = resolve(root.path(), None, &Overrides::default()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(".decide.yaml:2:1: unknown field `log_dri`"),
            "{error}"
        );
        write(root.path(), REPO_FILE, "review_periods:\n  two_way: soon\n");
        let error = resolve(root.path(), None, &Overrides::default()).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(".decide.yaml:2:3: review_periods.two_way: expected a number and a unit"),
            "{error}"
        );
    }
}
