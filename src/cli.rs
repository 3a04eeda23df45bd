//! The command line, as clap types. Doc comments are the help text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::ui::ColorChoice;

pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    success
  1    the command found problems (lint errors, overdue reviews)
  2    usage error, or `new` without a terminal and without --answers
  3    an answer is missing, unknown or of the wrong type
  4    a playbook, passage file, template or config is invalid
  5    the decision log or a file could not be read or written
  6    a record named on the command line does not exist or cannot be parsed
  130  interrupted (Ctrl-C)";

/// A decision coach for tech leads: work through a decision with the Tech Coffee Break
/// frameworks and write it down as a cited decision record.
#[derive(Debug, Parser)]
#[command(name = "decide", version, after_long_help = EXIT_CODES_HELP, after_help = "Run `decide new` to work through a decision. `decide --help` lists the exit codes.")]
pub struct Cli {
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Also load playbooks from DIR (overrides built-in playbooks with the same id).
    #[arg(long, value_name = "DIR", global = true)]
    pub playbooks: Option<PathBuf>,

    /// Use this date as today (YYYY-MM-DD), e.g. to reproduce a record.
    #[arg(
        long,
        value_name = "DATE",
        env = "DECIDE_TODAY",
        global = true,
        hide_env_values = true
    )]
    pub today: Option<NaiveDate>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Work through a decision and write a cited decision record.
    #[command(
        after_help = "Examples:\n  decide new\n  decide new --answers examples/decision.yaml\n  decide new --playbook decision --stdout"
    )]
    New(NewArgs),
    /// List the playbooks, show one, or check a playbook file.
    #[command(
        after_help = "Examples:\n  decide playbooks\n  decide playbooks show decision\n  decide playbooks check my-playbook.yaml"
    )]
    Playbooks(PlaybooksArgs),
    /// List or search the passages quoted from the series, and the series catalogue.
    #[command(
        after_help = "Examples:\n  decide passages\n  decide passages undo\n  decide passages --episodes"
    )]
    Passages(PassagesArgs),
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The playbook to run (default: the answers file's `playbook:`, else `decision`).
    #[arg(long, short = 'p', value_name = "ID")]
    pub playbook: Option<String>,

    /// Take the answers from a YAML file instead of asking (keys are question ids).
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Write the record to DIR instead of the log directory.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Print the record on stdout instead of writing a file.
    #[arg(long)]
    pub stdout: bool,

    /// Do not print the coaching verdicts (with --answers).
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct PlaybooksArgs {
    #[command(subcommand)]
    pub action: Option<PlaybooksAction>,
}

#[derive(Debug, Subcommand)]
pub enum PlaybooksAction {
    /// List the playbooks (the default).
    List,
    /// Show a playbook's questions and the passages each cites.
    Show {
        /// The playbook id, as listed by `decide playbooks`.
        id: String,
    },
    /// Check a playbook file for errors, as it would be loaded.
    Check {
        /// The playbook YAML file.
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct PassagesArgs {
    /// Show only passages containing all these words.
    pub words: Vec<String>,

    /// List the episodes of the series instead.
    #[arg(long)]
    pub episodes: bool,
}
