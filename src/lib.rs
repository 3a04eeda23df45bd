//! `decide`: a decision coach for tech leads. `run` parses the command line, dispatches to
//! one subcommand and turns any error into one line on stderr and a documented exit code.
#![forbid(unsafe_code)]

mod answer;
mod cli;
mod cmd;
mod coach;
mod config;
mod draft;
mod drive;
mod embedded;
mod error;
mod flat_map;
mod http;
mod journal;
#[cfg(test)]
mod layers;
mod log;
mod markdown;
mod message;
mod parallel;
mod passages;
mod phrase;
mod playbook;
mod record;
#[cfg(test)]
mod scenarios;
mod session;
mod site;
mod stats;
mod stdout;
mod store;
mod table;
mod template;
mod text;
mod ui;
mod yaml;

use std::ffi::OsString;

/// The command-line model, for completions, man pages and the tests' `debug_assert`.
pub fn command() -> clap::Command {
    cli::command()
}

/// Entry points for the fuzz targets: the parsers that read untrusted text.
#[doc(hidden)]
pub mod fuzzing {
    use std::path::Path;
    use std::sync::OnceLock;

    use crate::playbook::Catalog;
    use crate::session::{AnswersFile, Session, Settings};

    /// The embedded playbooks, passages, templates and word list, loaded once per process:
    /// loading them for every input held the playbook target to about 68 inputs a second.
    fn catalog() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(Catalog::embedded)
    }

    /// Parse a record; errors are expected, panics are bugs.
    pub fn parse_record(text: &str) {
        let _ = crate::record::parse(Path::new("fuzz/0001-fuzz.md"), text);
    }

    /// Load a playbook from text and check it against the embedded library.
    pub fn check_playbook(text: &str) -> Result<(), String> {
        let catalog = catalog();
        crate::playbook::check_against(
            text,
            Path::new("fuzz.yaml"),
            &catalog.templates,
            &catalog.library,
        )
        .map(drop)
        .map_err(|e| e.to_string())
    }

    /// Run an answers file as `decide new --answers FILE --stdout` does, without the file
    /// system: its keys are checked against the playbook it names (the `decision` playbook
    /// when it names none that writes a record), every answer is parsed and validated by
    /// the question that asks for it, the frameworks run, and the record, the message and
    /// the message's plain-words check are rendered.
    pub fn read_answers(text: &str) -> Result<(), String> {
        read_answers_to_record(text).map_err(|e| e.to_string())
    }

    fn read_answers_to_record(text: &str) -> crate::error::Result<()> {
        let catalog = catalog();
        let mut answers = AnswersFile::from_text(Path::new("fuzz-answers.yaml"), text.to_string())?;
        answers.show_coaching = false;
        let named = answers.playbook()?;
        let playbook = named
            .and_then(|id| catalog.get(&id).ok())
            .filter(|playbook| playbook.record.is_some())
            .map_or_else(|| catalog.get("decision"), Ok)?;
        answers.check_keys(playbook)?;
        let settings = Settings {
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date"),
            periods: crate::coach::ReviewPeriods::default(),
            decision_makers: vec!["Fuzz".to_string()],
            calendar: crate::coach::WorkCalendar::new([]),
            personal: crate::coach::Personal::default(),
        };
        let mut session = Session::new(catalog, playbook, settings);
        session.run(&mut answers, &mut |_| Ok(()))?;
        let rendered = session.render_record(&catalog.templates)?;
        rendered.text(Some(1))?;
        if let Some(message) = crate::message::for_session(
            session.playbook,
            &session.answers,
            &rendered,
            &catalog.templates,
        )? {
            let open: Vec<String> = session
                .outcome()?
                .warnings
                .into_iter()
                .map(|w| w.text)
                .collect();
            let _ =
                crate::message::check::problems(&message.text, message.to, &catalog.jargon, &open);
        }
        Ok(())
    }

    /// Parse a record, set its status and add a link as `decide status` and `decide link`
    /// do; each edited text must parse again. Errors are expected, panics are bugs.
    pub fn edit_record(text: &str) {
        let path = Path::new("fuzz/0001-fuzz.md");
        let Ok(record) = crate::record::parse(path, text) else {
            return;
        };
        let Ok(with_status) = crate::record::edit::set_status(text, &record, "accepted") else {
            return;
        };
        let record = crate::record::parse(path, &with_status)
            .unwrap_or_else(|e| panic!("the record no longer parses after set_status: {e}"));
        let with_link = crate::record::edit::add_link(
            &with_status,
            &record,
            "Supersedes",
            "2. Use a queue",
            "0002-use-a-queue.md",
        );
        if let Err(e) = crate::record::parse(path, &with_link) {
            panic!("the record no longer parses after add_link: {e}");
        }
    }
}

use std::process::ExitCode;

use crate::error::exit;

/// Run `decide` with these arguments and return the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let (cli, flags) = match cli::parse(args) {
        Ok(parsed) => parsed,
        Err(error) => {
            // clap prints help and version on stdout with success, usage errors on stderr.
            let code = if error.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    ui::init_color(cli.color);
    install_interrupt_handler();
    match cmd::dispatch(&cli, flags) {
        Ok(code) => ExitCode::from(code),
        Err(error) if error.kind == error::Kind::Interrupted => {
            interrupted();
            ExitCode::from(exit::INTERRUPTED)
        }
        Err(error) => {
            ui::error(&error.to_string());
            ExitCode::from(error.exit_code())
        }
    }
}

/// Ctrl-C can arrive while dialoguer has hidden the cursor, or a question keeps the terminal
/// from echoing; leave the terminal usable.
fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        interrupted();
        std::process::exit(i32::from(exit::INTERRUPTED));
    });
}

fn interrupted() {
    session::restore_terminal();
    let _ = console::Term::stderr().show_cursor();
    eprintln!();
    match draft::active() {
        Some(path) => {
            ui::note(&format!(
                "Interrupted. Your answers so far are saved in {};",
                path.display()
            ));
            // On its own line, so a narrow terminal never breaks the command in two.
            ui::note("run `decide resume` to continue.");
        }
        None => ui::note("Interrupted; nothing was written."),
    }
}
