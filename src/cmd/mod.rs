//! One file per subcommand. Each is thin: it reads its arguments, calls into the library
//! and prints; the work lives in the domain modules.

mod graph;
mod index;
mod init;
mod journal;
mod link;
mod lint;
mod list;
mod logdir;
mod message;
mod new;
mod passages;
mod playbooks;
mod renumber;
mod resume;
mod review;
mod search;
mod settings;
mod shell;
mod show;
mod site;
mod stats;
mod status;
mod supersede;
mod templates;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{Cli, Command};
use crate::config::{self, Config};
use crate::error::{Error, Result};
use crate::playbook::{Catalog, HouseTemplate};
use crate::store;

/// What every command may need: where it runs, the global options and the configuration.
pub(crate) struct Env<'a> {
    pub cli: &'a Cli,
    pub cwd: PathBuf,
    pub root: PathBuf,
    /// Settings from the environment and the config files (flags are applied by the
    /// commands that have them).
    pub config: Config,
}

impl Env<'_> {
    pub(crate) fn today(&self) -> NaiveDate {
        self.cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Playbook directories in override order: the repository's, `DECIDE_PLAYBOOKS`, then
    /// `--playbooks`.
    pub(crate) fn playbook_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = Vec::new();
        let repo = self.root.join(".decide").join("playbooks");
        if store::is_dir(&repo) {
            dirs.push(repo);
        }
        if let Some(dir) = std::env::var_os("DECIDE_PLAYBOOKS").filter(|d| !d.is_empty()) {
            dirs.push(PathBuf::from(dir));
        }
        if let Some(dir) = &self.cli.playbooks {
            dirs.push(dir.clone());
        }
        dirs
    }

    /// What a session needs from the settings: today, the review periods, who decides and
    /// the team's working days.
    pub(crate) fn session_settings(&self) -> crate::session::Settings {
        crate::session::Settings {
            today: self.today(),
            periods: self.config.review_periods,
            decision_makers: self.config.decision_makers(&self.root).value,
            calendar: crate::coach::WorkCalendar::new(self.config.holidays.value.iter().copied()),
            personal: crate::coach::Personal {
                history: crate::coach::History::default(),
                limits: self.config.boundaries.limits,
            },
        }
    }

    /// The playbook named with `--playbook`, if any.
    pub(crate) fn playbook_flag(&self) -> Option<&str> {
        matches!(self.config.default_playbook.source, config::Source::Flag(_))
            .then_some(self.config.default_playbook.value.as_str())
    }

    /// The log directory named with `--dir`, if any.
    pub(crate) fn dir_flag(&self) -> Option<&Path> {
        self.config
            .log_dir
            .as_ref()
            .ok()
            .filter(|setting| matches!(setting.source, config::Source::Flag(_)))
            .map(|setting| setting.value.as_path())
    }

    /// `--template` replaces `decision.md`: refuse it for a playbook that writes its record
    /// with another template, which would silently ignore it.
    pub(crate) fn check_template_flag(
        &self,
        catalog: &Catalog,
        playbook: Option<&str>,
        answers: Option<&Path>,
    ) -> Result<()> {
        let setting = self.template();
        if !matches!(setting.source, config::Source::Flag(_))
            || setting.value == config::DEFAULT_TEMPLATE
        {
            return Ok(());
        }
        let from_file = answers
            .map(|path| crate::session::AnswersFile::load(&self.root, path))
            .transpose()?
            .map(|file| file.playbook())
            .transpose()?
            .flatten();
        let id = playbook
            .map(str::to_string)
            .or(from_file)
            .unwrap_or_else(|| self.config.default_playbook.value.clone());
        let Ok(playbook) = catalog.get(&id) else {
            return Ok(());
        };
        let Some(record) = &playbook.record else {
            return Ok(());
        };
        if record.template != self.house_template()?.name {
            return Err(Error::usage(format!(
                "--template replaces decision.md, which playbook `{}` does not use: it writes its record with {}",
                playbook.id, record.template
            ))
            .hint(format!(
                "to restyle it, put your own {} in .decide/templates/",
                record.template
            )));
        }
        Ok(())
    }

    /// The decision log directory, as [`config::resolve`] settled it.
    pub(crate) fn log_dir(&self) -> Result<PathBuf> {
        Ok(self.config.log_dir.clone()?.value)
    }

    /// The record template in force: see [`config::Config::template`]; the log's newest
    /// records are read only when nothing else decides.
    pub(crate) fn template(&self) -> &config::Setting<String> {
        self.config.template(crate::log::newest_template)
    }

    /// Whether the log's own tool names records by date (log4brains' `.log4brains.yml`
    /// named the log), so even its first record is named that way.
    pub(crate) fn log_is_dated(&self) -> bool {
        self.config
            .log_dir
            .as_ref()
            .is_ok_and(|s| s.source == config::Source::Log(store::LOG4BRAINS_FILE))
    }

    /// The playbooks and templates for this run, with the configured house record template.
    pub(crate) fn catalog(&self) -> Result<Catalog> {
        let setting = self.template();
        let house = if setting.value == config::DEFAULT_TEMPLATE {
            None
        } else {
            Some(self.house_template()?)
        };
        self.load_catalog(house.as_ref())
            .map_err(|error| match &house {
                Some(house) if error.message.contains(&format!("`{}`", house.name)) => {
                    let named = format!("`{}`", house.name);
                    let message = error.message.replacen(
                        &named,
                        &format!("{named} (set by the {})", setting.source),
                        1,
                    );
                    Error { message, ..error }
                }
                _ => error,
            })
    }

    /// The configured record template: a template name, or a path to a template file
    /// (relative to the working directory, then to the repository). A file is named by its
    /// full path, so it never replaces a built-in template that shares its file name. A
    /// repository's own config may only name a file inside the repository.
    pub(crate) fn house_template(&self) -> Result<HouseTemplate> {
        let setting = self.template();
        let name = setting.value.as_str();
        if matches!(setting.source, config::Source::Log(_)) {
            // The log's own format names a built-in template, never a file.
            return Ok(HouseTemplate {
                name: name.to_string(),
                file: None,
            });
        }
        let from_repository = matches!(setting.source, config::Source::Repository(_));
        let candidates = if from_repository {
            vec![
                store::inside_repository(
                    &self.root,
                    Path::new(name),
                    "the record template",
                    "--template",
                )
                .map_err(|e| e.in_file(self.root.join(config::REPO_FILE)))?,
            ]
        } else {
            vec![self.cwd.join(name), self.root.join(name)]
        };
        match candidates.iter().find(|path| store::is_file(path)) {
            Some(path) => {
                let text = store::read_supplied(&self.root, path)?;
                Ok(HouseTemplate {
                    name: path.display().to_string(),
                    file: Some((text, path.clone())),
                })
            }
            None => Ok(HouseTemplate {
                name: name.to_string(),
                file: None,
            }),
        }
    }

    fn load_catalog(&self, house: Option<&HouseTemplate>) -> Result<Catalog> {
        let dirs = self.playbook_dirs();
        for dir in &dirs {
            if !store::is_dir(dir) {
                return Err(Error::usage(format!(
                    "playbook directory {} does not exist",
                    dir.display()
                ))
                .hint("check --playbooks or DECIDE_PLAYBOOKS"));
            }
        }
        let repo_templates = self.root.join(".decide").join("templates");
        let catalog = Catalog::load_with(&self.root, &dirs, &[repo_templates], house)?;
        for (_, problem) in &catalog.skipped {
            // Named as the user would type it: from where decide runs.
            let mut problem = problem.clone();
            let mut check = String::new();
            if let Some(at) = problem.location.as_mut() {
                if let Ok(path) = at.path.strip_prefix(&self.cwd) {
                    at.path = path.to_path_buf();
                }
                check = format!(
                    " (`decide playbooks check {}` checks it)",
                    at.path.display()
                );
            }
            crate::ui::warning(&format!("{problem}; skipped this playbook{check}"));
        }
        Ok(catalog)
    }
}

pub(crate) fn dispatch(cli: &Cli, flags: config::Flags) -> Result<u8> {
    // Completions and man pages come from the command line's model alone: a broken
    // `.decide.yaml` must not stop a user from installing them.
    match &cli.command {
        Command::Completions(args) => return shell::completions(args),
        Command::Man(args) => return shell::man(args),
        _ => {}
    }
    let cwd = std::env::current_dir()
        .map_err(|e| Error::io("read the current directory", &PathBuf::from("."), &e))?;
    let root = store::find_root(&cwd);
    let config = config::resolve(&root, &config::Sources::from_environment(flags))?;
    let env = Env {
        cli,
        cwd,
        root,
        config,
    };
    match &cli.command {
        Command::New(args) => new::run(&env, args),
        Command::Playbooks(args) => playbooks::run(&env, args),
        Command::Passages(args) => passages::run(&env, args),
        Command::Journal(args) => journal::run(&env, args),
        Command::Stats(args) => stats::run(&env, args),
        Command::Init(args) => init::run(&env, args),
        Command::List(args) => list::run(&env, args),
        Command::Show(args) => show::run(&env, args),
        Command::Status(args) => status::run(&env, args),
        Command::Supersede(args) => supersede::run(&env, args),
        Command::Link(args) => link::run(&env, args),
        Command::Review(args) => review::run(&env, args),
        Command::Index(args) => index::run(&env, args),
        Command::Graph(args) => graph::run(&env, args),
        Command::Lint(args) => lint::run(&env, args),
        Command::Renumber(args) => renumber::run(&env, args),
        Command::Search(args) => search::run(&env, args),
        Command::Site(args) => site::run(&env, args),
        Command::Resume(args) => resume::run(&env, args),
        Command::Message(args) => message::run(&env, args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(args),
        Command::Config => settings::run(&env),
        Command::Templates(args) => templates::run(&env, args),
    }
}
