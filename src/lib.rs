//! `decide`: a decision coach for tech leads. `run` parses the command line, dispatches to
//! one subcommand and turns any error into one line on stderr and a documented exit code.

pub mod answer;
pub mod cli;
pub mod cmd;
pub mod coach;
pub mod config;
pub mod draft;
mod embedded;
pub mod error;
pub mod log;
pub mod message;
pub mod passages;
pub mod playbook;
pub mod record;
pub mod session;
pub mod store;
pub mod template;
pub mod ui;
pub mod yaml;

use std::ffi::OsString;
use std::process::ExitCode;

use crate::error::exit;

/// Run `decide` with these arguments and return the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match cli::parse(args) {
        Ok(cli) => cli,
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
    exit_quietly_on_broken_pipe();
    match cmd::dispatch(&cli) {
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

/// `decide passages | head -1`: the reader has what it wanted, so a closed stdout is
/// success, as ripgrep and bat treat it. `println!` reports it by panicking.
fn exit_quietly_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.contains("Broken pipe") {
            std::process::exit(i32::from(exit::OK));
        }
        default(info);
    }));
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
    ui::note(&cmd::interrupted_note());
}
