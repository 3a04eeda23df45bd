//! The command line, as clap types. Doc comments are the help text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::ui::ColorChoice;

/// Help shows the one-line description, then examples, then the usage and options.
const HELP_TEMPLATE: &str =
    "{about-with-newline}\n{before-help}{usage-heading} {usage}\n\n{all-args}{after-help}";

/// The command-line model with the help layout applied to every command; parsing,
/// completions and the man page all use this.
pub(crate) fn command() -> clap::Command {
    use clap::CommandFactory;
    fn layout(command: clap::Command) -> clap::Command {
        command.help_template(HELP_TEMPLATE).mut_subcommands(layout)
    }
    layout(Cli::command())
}

/// Parse `args` against [`command`], with the settings the chosen subcommand's flags give
/// (`--dir`, `--template`, `--playbook`), read by name so no command is forgotten.
pub(crate) fn parse(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Result<(Cli, crate::config::Flags), clap::Error> {
    use clap::FromArgMatches;
    let matches = command().try_get_matches_from(args)?;
    let cli = Cli::from_arg_matches(&matches)?;
    let mut flags = crate::config::Flags::default();
    let mut current = Some(&matches);
    while let Some(level) = current {
        if let Ok(Some(dir)) = level.try_get_one::<PathBuf>("dir") {
            flags.dir = Some(dir.clone());
        }
        // `--dir` of `decide new` is where that run writes: the log for a team playbook,
        // the journal for a personal one.
        if let Ok(Some(dir)) = level.try_get_one::<PathBuf>("write_dir") {
            flags.dir = Some(dir.clone());
            flags.journal_dir = Some(dir.clone());
        }
        if let Ok(Some(dir)) = level.try_get_one::<PathBuf>("journal_dir") {
            flags.journal_dir = Some(dir.clone());
        }
        if let Ok(Some(template)) = level.try_get_one::<String>("template") {
            flags.template = Some(template.clone());
        }
        if let Ok(Some(playbook)) = level.try_get_one::<String>("playbook") {
            flags.playbook = Some(playbook.clone());
        }
        current = level.subcommand().map(|(_, sub)| sub);
    }
    Ok((cli, flags))
}

pub(crate) const EXIT_CODES_HELP: &str = "\
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
#[command(
    name = "decide",
    version,
    before_help = "Examples:\n  decide new                                    # work through a decision\n  decide new --answers examples/decision.yaml   # the same, from an answers file\n  decide list --due                             # decisions whose review is due",
    after_long_help = EXIT_CODES_HELP,
    after_help = "`decide --help` lists the exit codes."
)]
pub(crate) struct Cli {
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, help_heading = "Global options")]
    pub color: ColorChoice,

    /// Also load playbooks from DIR (overrides built-in playbooks with the same id).
    #[arg(
        long,
        value_name = "DIR",
        global = true,
        help_heading = "Global options"
    )]
    pub playbooks: Option<PathBuf>,

    /// Use this date as today (YYYY-MM-DD), e.g. to reproduce a record.
    #[arg(
        long,
        value_name = "DATE",
        env = "DECIDE_TODAY",
        global = true,
        help_heading = "Global options",
        hide_env_values = true,
        value_parser = parse_today
    )]
    pub today: Option<NaiveDate>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Work through a decision and write a cited decision record.
    #[command(
        before_help = "Examples:\n  decide new\n  decide new --answers examples/decision.yaml\n  decide new --playbook decision --stdout"
    )]
    #[command(after_help = NEW_PLAYBOOKS)]
    New(NewArgs),
    /// Continue an unfinished `decide new` from its draft, at the first unanswered question.
    #[command(
        before_help = "Examples:\n  decide resume\n  decide resume --list\n  decide resume 20261126-101500-decision"
    )]
    Resume(ResumeArgs),
    /// Write a ready-to-send message from a record: to stakeholders, the team or peers.
    #[command(
        before_help = "Examples:\n  decide message 7 --to stakeholders\n  decide message 7 --to team --format markdown\n  decide message docs/decisions/0007-use-postgresql.md --to peers --format json\n  decide message 7 --to team --format slack"
    )]
    Message(MessageArgs),
    /// Create the decision log directory (and `.adr-dir` when it is not the default).
    #[command(before_help = "Examples:\n  decide init\n  decide init doc/architecture/decisions")]
    Init(InitArgs),
    /// List the decision log as a table, or as JSON.
    #[command(
        before_help = "Examples:\n  decide list\n  decide list --status accepted --door one-way\n  decide list --since 2026-01-01 --json\n  decide list --due"
    )]
    List(ListArgs),
    /// Print one record.
    #[command(
        before_help = "Examples:\n  decide show 7\n  decide show docs/decisions/0007-use-postgresql.md"
    )]
    Show(ShowArgs),
    /// Change a record's status.
    #[command(
        before_help = "Examples:\n  decide status 7 accepted\n  decide status 3 deprecated\n  decide status 9 accepted --option B"
    )]
    Status(StatusArgs),
    /// Work through a new decision that supersedes OLD, and link the two both ways.
    #[command(
        before_help = "Examples:\n  decide supersede 3\n  decide supersede 3 --answers examples/decision.yaml"
    )]
    Supersede(SupersedeArgs),
    /// Link record A to record B, and B back to A.
    #[command(
        before_help = "Examples:\n  decide link 9 Amends 4\n  decide link 9 \"Clarifies\" 4\n  decide link 9 \"Depends on\" 4\n  decide link 9 \"Reuses\" 4 --reverse \"Reused by\""
    )]
    Link(LinkArgs),
    /// List the decisions due for review; with N, look back at a decision, or finish a
    /// proposal whose time-box ended.
    #[command(
        before_help = "Examples:\n  decide review\n  decide review 7\n  decide review 7 --answers review.yaml\n  decide review --check    # exit 1 when reviews are overdue (CI, pre-commit)\n  decide review --check --format github"
    )]
    Review(ReviewArgs),
    /// Write the log's table of contents into its README.md (or index.md), between markers.
    #[command(before_help = "Examples:\n  decide index\n  decide index --stdout")]
    Index(IndexArgs),
    /// Print the supersede and link graph.
    #[command(
        before_help = "Examples:\n  decide graph | dot -Tsvg > decisions.svg\n  decide graph --format mermaid"
    )]
    Graph(GraphArgs),
    /// Check the log: duplicate numbers, broken links, missing sections, unknown statuses,
    /// quotes that no longer match the passage library, overdue reviews.
    #[command(
        before_help = "Examples:\n  decide lint\n  decide lint --dir doc/adr\n  decide lint --format github    # annotations in a GitHub Actions job"
    )]
    Lint(LintArgs),
    /// Give records that share a number (after a merge) new numbers, and fix the links.
    #[command(before_help = "Examples:\n  decide renumber --dry-run\n  decide renumber")]
    Renumber(RenumberArgs),
    /// Build a static site of the log: every record with search and filters, the reviews
    /// due, the graph and the stats; it opens from file:// and needs no network.
    #[command(
        before_help = "Examples:\n  decide site                        # writes target/decide-site/index.html\n  decide site --out public\n  decide site --serve                # preview on http://127.0.0.1:8000, rebuilt on change"
    )]
    Site(SiteArgs),
    /// Find the records whose title or text contains all the words.
    #[command(
        before_help = "Examples:\n  decide search postgresql\n  decide search cache invalidation\n  decide search --related \"Move the orders database to PostgreSQL\""
    )]
    Search(SearchArgs),
    /// List the playbooks, show one, or check a playbook file.
    #[command(
        before_help = "Examples:\n  decide playbooks\n  decide playbooks show decision\n  decide playbooks example decision > answers.yaml\n  decide playbooks check my-playbook.yaml"
    )]
    Playbooks(PlaybooksArgs),
    /// Your private journal: list, show and search the entries the personal playbooks
    /// wrote, and the people you have one-on-ones with.
    #[command(
        before_help = "Examples:\n  decide journal\n  decide journal people\n  decide journal show one-on-one      # the latest one-on-one\n  decide journal search Sam course --json"
    )]
    Journal(JournalArgs),
    /// The lead's retrospective: decision speed by door, investigations past their
    /// time-box, review outcomes, calibration, one-on-one cadence and the mode trend.
    #[command(
        before_help = "Examples:\n  decide stats\n  decide stats --json\n  decide stats --dir doc/adr --journal ~/notes/journal"
    )]
    Stats(StatsArgs),
    /// List or search the passages quoted from the series, and the series catalogue.
    #[command(
        before_help = "Examples:\n  decide passages\n  decide passages undo\n  decide passages --episodes"
    )]
    Passages(PassagesArgs),
    /// Show the settings in force and where each comes from.
    #[command(before_help = "Examples:\n  decide config\n  DECIDE_DIR=adr decide config")]
    Config,
    /// List the templates records and messages are rendered with, or export them to edit.
    #[command(
        before_help = "Examples:\n  decide templates\n  decide templates export .decide/templates"
    )]
    Templates(TemplatesArgs),
    /// Print a shell completion script.
    #[command(
        before_help = "Examples:\n  decide completions bash > ~/.local/share/bash-completion/completions/decide\n  decide completions zsh > ~/.zfunc/_decide\n  decide completions fish > ~/.config/fish/completions/decide.fish"
    )]
    Completions(CompletionsArgs),
    /// Print a man page (roff) on stdout: decide(1), or decide-COMMAND(1).
    #[command(
        before_help = "Examples:\n  decide man > decide.1 && man ./decide.1\n  decide man new > decide-new.1\n  for c in $(decide man --list); do decide man $c > decide-$c.1; done"
    )]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The playbook to run (default: the answers file's `playbook:`, else `decision`).
    #[arg(long, short = 'p', value_name = "ID")]
    pub playbook: Option<String>,

    /// Take the answers from a YAML file instead of asking (keys are question ids; `-`
    /// reads them from standard input).
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Write the record to DIR instead of the log directory (`decide config` shows which
    /// directory that is); for a personal playbook, write the entry to DIR instead of
    /// your journal.
    #[arg(long = "dir", id = "write_dir", value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Print the record on stdout instead of writing a file.
    #[arg(long)]
    pub stdout: bool,

    /// Do not print the coaching verdicts (with --answers).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Render the record with this template instead of decision.md: `madr-minimal.md`,
    /// `nygard.md`, or a path to your own (default: the config's `template`).
    #[arg(long, value_name = "NAME|FILE")]
    pub template: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct PlaybooksArgs {
    #[command(subcommand)]
    pub action: Option<PlaybooksAction>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum PlaybooksAction {
    /// List the playbooks (the default).
    List,
    /// Show a playbook's questions and the passages each cites.
    Show {
        /// The playbook id, as listed by `decide playbooks`.
        id: String,
    },
    /// Print an answers file for a playbook, to fill in and run with `decide new --answers`.
    Example {
        /// The playbook id, as listed by `decide playbooks`.
        id: String,
    },
    /// Check a playbook file for errors, as it would be loaded.
    Check {
        /// The playbook YAML file.
        file: PathBuf,
    },
}

/// Where the journal is, for the commands that read it.
#[derive(Debug, Args)]
pub(crate) struct JournalArgs {
    #[command(subcommand)]
    pub action: Option<JournalAction>,

    /// The journal directory (default: DECIDE_JOURNAL_DIR, else your config's
    /// journal_dir, else your data directory's decide/journal; `decide config` shows which).
    #[arg(long = "dir", id = "journal_dir", value_name = "DIR", global = true)]
    pub dir: Option<PathBuf>,

    /// Print JSON instead of a table or the entry's text.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum JournalAction {
    /// List the entries, oldest first (the default).
    List(JournalListArgs),
    /// Print one entry: its name as listed, a unique start of it, or a playbook id for
    /// that playbook's latest entry.
    Show {
        #[arg(value_name = "ENTRY")]
        entry: String,
    },
    /// Find the entries whose title or text contains all the words.
    Search {
        /// The words to look for, all of them, ignoring case.
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
    },
    /// Everyone you have one-on-ones with: the last one, and the follow-ups still open.
    People,
}

#[derive(Debug, Args, Default)]
pub(crate) struct JournalListArgs {
    /// Only entries of this playbook (one-on-one, week, career-track, t-shape, boundaries).
    #[arg(long, value_name = "ID")]
    pub playbook: Option<String>,

    /// Only one-on-ones with this person.
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,

    /// Only entries dated on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub(crate) struct StatsArgs {
    /// Print JSON instead of the screen (the same as --format json).
    #[arg(long)]
    pub json: bool,

    /// How to print the figures: the screen (table), or JSON as --json prints it.
    #[arg(long, value_enum, default_value_t = DataFormat::Table)]
    pub format: DataFormat,

    /// The journal to read (default: DECIDE_JOURNAL_DIR, else your config's journal_dir,
    /// else your data directory's decide/journal).
    #[arg(long = "journal", id = "journal_dir", value_name = "DIR")]
    pub journal: Option<PathBuf>,

    #[command(flatten)]
    pub log: LogArgs,
}

impl StatsArgs {
    pub(crate) fn wants_json(&self) -> bool {
        self.json || self.format == DataFormat::Json
    }
}

#[derive(Debug, Args)]
pub(crate) struct PassagesArgs {
    /// Show only passages containing all these words.
    pub words: Vec<String>,

    /// List the episodes of the series instead.
    #[arg(long)]
    pub episodes: bool,
}

/// Where the decision log is, for the commands that read it.
#[derive(Debug, Args)]
pub(crate) struct LogArgs {
    /// The decision log directory (default: DECIDE_DIR or the repository's .decide.yaml,
    /// else the one in .adr-dir or .log4brains.yml, else an existing doc/adr, docs/adr,
    /// docs/architecture/decisions, doc/architecture/decisions or docs/decisions, else your
    /// config's log_dir, else docs/decisions; `decide config` shows which).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct LintArgs {
    /// How to print the findings: text, GitHub workflow annotations, or JSON.
    #[arg(long, value_enum, default_value_t = crate::log::report::ReportFormat::Text)]
    pub format: crate::log::report::ReportFormat,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The log directory to create (default: docs/decisions).
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Only records with this status (proposed, accepted, rejected, deprecated, superseded).
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,

    /// Only one-way or two-way door decisions.
    #[arg(long, value_name = "DOOR", value_parser = ["one-way", "two-way"])]
    pub door: Option<String>,

    /// Only records dated on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<NaiveDate>,

    /// Only records whose review is due.
    #[arg(long)]
    pub due: bool,

    /// Print a JSON array, one object per record (the same as --format json).
    #[arg(long)]
    pub json: bool,

    /// How to print the records: a table, or JSON as --json prints it.
    #[arg(long, value_enum, default_value_t = DataFormat::Table)]
    pub format: DataFormat,

    #[command(flatten)]
    pub log: LogArgs,
}

impl ListArgs {
    pub(crate) fn wants_json(&self) -> bool {
        self.json || self.format == DataFormat::Json
    }
}

/// How a listing prints: for people, or for programs. `lint`, `graph` and `message` take
/// `--format` too, so a script can pass it to every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DataFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The record: its number (exactly) or its file.
    #[arg(value_name = "N|FILE")]
    pub record: String,

    #[command(flatten)]
    pub log: LogArgs,
}

/// The statuses a record can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum RecordStatus {
    Proposed,
    Accepted,
    Rejected,
    Deprecated,
    Superseded,
}

impl RecordStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RecordStatus::Proposed => "proposed",
            RecordStatus::Accepted => "accepted",
            RecordStatus::Rejected => "rejected",
            RecordStatus::Deprecated => "deprecated",
            RecordStatus::Superseded => "superseded",
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// The record: its number (exactly) or its file.
    #[arg(value_name = "N|FILE")]
    pub record: String,

    /// The new status.
    #[arg(value_enum)]
    pub status: RecordStatus,

    /// Accept a proposal whose investigation is still open, against the coach's advice
    /// (`decide review N` finishes it properly).
    #[arg(long)]
    pub force: bool,

    /// For a record that offers a choice (a deadline's options): the option chosen, by its
    /// letter (`B`) or the start of its name.
    #[arg(long, value_name = "OPTION")]
    pub option: Option<String>,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct SupersedeArgs {
    /// The record the new decision replaces: its number (exactly) or its file.
    #[arg(value_name = "OLD")]
    pub old: String,

    #[command(flatten)]
    pub new: NewArgs,
}

#[derive(Debug, Args)]
pub(crate) struct LinkArgs {
    /// The record the link starts from: its number (exactly) or its file.
    #[arg(value_name = "A")]
    pub source: String,

    /// The kind of link, as it reads from A: "Amends", "Clarifies", "Supersedes", ...
    #[arg(value_name = "KIND")]
    pub kind: String,

    /// The record the link points at.
    #[arg(value_name = "B")]
    pub target: String,

    /// The link written in B (default: the known reverse, such as "Amended by" for "Amends"
    /// or "Required by" for "Depends on"; else "X by" for "X").
    #[arg(long, value_name = "KIND")]
    pub reverse: Option<String>,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ReviewArgs {
    /// The record to review; without it, list the decisions due for review.
    #[arg(value_name = "N|FILE")]
    pub record: Option<String>,

    /// Exit with 1 when any review is overdue (for CI or a pre-commit hook).
    #[arg(long, conflicts_with_all = ["record", "answers"])]
    pub check: bool,

    /// Take the review's answers from a YAML file (`-` reads standard input); `decide
    /// playbooks example review` prints one, or `example finish` for a proposal whose
    /// time-box ended.
    #[arg(long, short = 'a', value_name = "FILE", requires = "record")]
    pub answers: Option<PathBuf>,

    /// Do not print the coaching (with --answers).
    #[arg(long, short = 'q', requires = "answers")]
    pub quiet: bool,

    /// How to list the reviews due: text, GitHub workflow annotations (with --check,
    /// overdue reviews are errors), or JSON.
    #[arg(long, value_enum, default_value_t = crate::log::report::ReportFormat::Text, conflicts_with = "record")]
    pub format: crate::log::report::ReportFormat,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct IndexArgs {
    /// Print the table of contents instead of writing it.
    #[arg(long)]
    pub stdout: bool,

    /// Add the table at the end of README.md (or index.md) when the file has no index
    /// markers yet. Without it, decide writes only between the markers.
    #[arg(long, conflicts_with = "stdout")]
    pub append: bool,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct GraphArgs {
    /// The graph language.
    #[arg(long, value_enum, default_value_t = crate::log::graph::GraphFormat::Dot)]
    pub format: crate::log::graph::GraphFormat,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct RenumberArgs {
    /// Show what would move without changing anything.
    #[arg(long)]
    pub dry_run: bool,

    /// Renumber even where numbers repeat on purpose (`duplicate_numbers: allow`, or
    /// records whose front matter `id` is their file name).
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct SiteArgs {
    /// Where to write the site: a new or empty directory, or one `decide site` wrote
    /// (default: the config's site_dir, else target/decide-site).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Serve the site on 127.0.0.1 and rebuild it when a record changes; pages reload
    /// themselves.
    #[arg(long)]
    pub serve: bool,

    /// The port to serve on (0 picks a free one).
    #[arg(long, value_name = "N", default_value_t = 8000, requires = "serve")]
    pub port: u16,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct SearchArgs {
    /// The words to look for, all of them, ignoring case.
    #[arg(required_unless_present = "related", value_name = "WORDS")]
    pub words: Vec<String>,

    /// Instead of WORDS: the records related to TEXT (a decision's title, say), as `decide
    /// new` shows them after the title: at most three, ranked by the rarer words they share.
    #[arg(long, value_name = "TEXT", conflicts_with = "words")]
    pub related: Option<String>,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct MessageArgs {
    /// The record: its number (exactly) or its file.
    #[arg(value_name = "N|FILE")]
    pub record: String,

    /// Who the message is for: stakeholders (the bottom line first, in at most 60
    /// words), team (we're doing X because of Y) or peers (a proposal to negotiate).
    #[arg(long, value_enum)]
    pub to: crate::message::Audience,

    /// The reader's name, for the greeting ("Hi Priya,").
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Plain text ready to paste, Markdown, JSON with the brief it was written from, Slack
    /// mrkdwn, or an HTML fragment for mail.
    #[arg(long, value_enum, default_value_t = crate::message::from_record::Format::Text)]
    pub format: crate::message::from_record::Format,

    #[command(flatten)]
    pub log: LogArgs,
}

#[derive(Debug, Args)]
pub(crate) struct ResumeArgs {
    /// The draft to continue (its name, a unique start of it, or its path); default: the
    /// only draft, or a choice among them.
    pub draft: Option<String>,

    /// List the drafts instead.
    #[arg(long)]
    pub list: bool,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub(crate) struct TemplatesArgs {
    #[command(subcommand)]
    pub action: Option<TemplatesAction>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TemplatesAction {
    /// List the templates and where each comes from (the default).
    List,
    /// Write the built-in templates to DIR, to start a house style from. Existing files
    /// are left alone.
    Export {
        /// Where to write them; `.decide/templates` makes them the repository's.
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// The command whose page to print (default: decide itself).
    pub command: Option<String>,

    /// List the commands that have a page.
    #[arg(long, conflicts_with = "command")]
    pub list: bool,
}

/// `--today`: a date a record can hold (see [`crate::answer::in_range`]).
fn parse_today(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("expected a date as YYYY-MM-DD, got {:?}", text.trim()))?;
    crate::answer::in_range(date)
}

/// The built-in playbooks `decide new --playbook` runs, for `decide new --help`. Written
/// out rather than loaded, so parsing the command line reads no playbook; a test checks it
/// against the embedded catalog.
const NEW_PLAYBOOKS: &str = "\
Playbooks (--playbook ID):
  decision            Work through a decision
  deadline            Negotiate a deadline
  delegation          Delegate a task
  disagreement        Handle a technical disagreement
  say-no              Say no, or yes with the cost named
  stakeholder-update  Update a manager or stakeholder
  tech-debt           Make the case on technical debt
  boundaries          Set your boundaries (private, in your journal)
  career-track        Management or technical track (private, in your journal)
  one-on-one          Prepare a one-on-one (private, in your journal)
  t-shape             Check your T-shape (private, in your journal)
  week                Look back at your week (private, in your journal)
Your team's own, in .decide/playbooks/, run the same way: `decide playbooks` lists them all.";

#[cfg(test)]
mod tests {
    use crate::playbook::{Catalog, Group};

    #[test]
    fn new_help_lists_every_playbook_new_runs() {
        let catalog = Catalog::embedded();
        let mut playbooks: Vec<_> = catalog
            .playbooks
            .iter()
            .filter(|p| p.record.is_some())
            .collect();
        // The team's first, the default first of all; then the private ones.
        playbooks.sort_by_key(|p| (p.group == Group::Personal, p.id != "decision", p.id.clone()));
        let mut listed = String::from("Playbooks (--playbook ID):\n");
        for playbook in playbooks {
            let private = if playbook.group == Group::Personal {
                " (private, in your journal)"
            } else {
                ""
            };
            listed.push_str(&format!(
                "  {:<18}  {}{private}\n",
                playbook.id, playbook.title
            ));
        }
        assert!(super::NEW_PLAYBOOKS.starts_with(&listed), "{listed}");
    }
}
