//! One file per subcommand. Each is thin: it reads its arguments, calls into the library
//! and prints; the work lives in the domain modules.

mod graph;
mod index;
mod init;
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
mod shell;
mod show;
mod status;
mod supersede;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::playbook::Catalog;
use crate::store;

pub use new::interrupted_note;

/// What every command may need: where it runs and the global options.
pub struct Env<'a> {
    pub cli: &'a Cli,
    pub cwd: PathBuf,
    pub root: PathBuf,
}

impl Env<'_> {
    pub fn today(&self) -> NaiveDate {
        self.cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Playbook directories in override order: the repository's, `DECIDE_PLAYBOOKS`, then
    /// `--playbooks`.
    pub fn playbook_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = Vec::new();
        let repo = self.root.join(".decide").join("playbooks");
        if repo.is_dir() {
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

    pub fn catalog(&self) -> Result<Catalog> {
        let dirs = self.playbook_dirs();
        for dir in &dirs {
            if !dir.is_dir() {
                return Err(Error::usage(format!(
                    "playbook directory {} does not exist",
                    dir.display()
                ))
                .hint("check --playbooks or DECIDE_PLAYBOOKS"));
            }
        }
        Catalog::load(&dirs)
    }
}

pub fn dispatch(cli: &Cli) -> Result<u8> {
    let cwd = std::env::current_dir()
        .map_err(|e| Error::io("read the current directory", &PathBuf::from("."), &e))?;
    let root = store::find_root(&cwd);
    let env = Env { cli, cwd, root };
    match &cli.command {
        Command::New(args) => new::run(&env, args),
        Command::Playbooks(args) => playbooks::run(&env, args),
        Command::Passages(args) => passages::run(&env, args),
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
        Command::Resume(args) => resume::run(&env, args),
        Command::Message(args) => message::run(&env, args),
        Command::Completions(args) => shell::completions(args),
        Command::Man => shell::man(),
    }
}
