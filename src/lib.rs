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
#[cfg(test)]
mod layers;
mod log;
mod markdown;
mod message;
mod passages;
mod phrase;
mod playbook;
mod record;
#[cfg(test)]
mod scenarios;
mod session;
mod stdout;
mod store;
mod template;
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

    /// Parse a record; errors are expected, panics are bugs.
    pub fn parse_record(text: &str) {
        let _ = crate::record::parse(Path::new("fuzz/0001-fuzz.md"), text);
    }

    /// Load a playbook from text and check it against the embedded library.
    pub fn check_playbook(text: &str) -> Result<(), String> {
        crate::playbook::check_text(text, Path::new("fuzz.yaml"))
            .map(drop)
            .map_err(|e| e.to_string())
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

/// Ctrl-C can arrive while dialoguer has hidden the cursor; leave the terminal usable.
fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        interrupted();
        std::process::exit(i32::from(exit::INTERRUPTED));
    });
}

fn interrupted() {
    let _ = console::Term::stderr().show_cursor();
    eprintln!();
    let note = match draft::active() {
        Some(path) => format!(
            "Interrupted. Your answers so far are saved in {}; run `decide resume` to continue.",
            path.display()
        ),
        None => "Interrupted; nothing was written.".to_string(),
    };
    ui::note(&note);
}
