//! `decide completions SHELL` and `decide man`: generated from the command-line model, so
//! they never drift from `--help`.

use std::io::Write;

use crate::cli::CompletionsArgs;
use crate::error::{Error, Result, exit};

pub fn completions(args: &CompletionsArgs) -> Result<u8> {
    let mut command = crate::cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "decide", &mut out);
    write_stdout(&out)
}

/// The man page: the synopsis, every option and a SUBCOMMANDS section naming each command,
/// with the exit codes, all from the same model as `--help`.
pub fn man() -> Result<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(crate::cli::command())
        .render(&mut out)
        .map_err(|e| Error::io("render the man page", std::path::Path::new("decide.1"), &e))?;
    write_stdout(&out)
}

fn write_stdout(bytes: &[u8]) -> Result<u8> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(exit::OK),
        // Piped into `head`: the reader has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(exit::OK),
        Err(e) => Err(Error::io("write", std::path::Path::new("<stdout>"), &e)),
    }
}
