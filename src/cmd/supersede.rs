//! `decide supersede OLD`: work through the new decision exactly as `decide new` does,
//! then link the new record and OLD both ways and mark OLD superseded.

use super::{Env, logdir, new};
use crate::cli::SupersedeArgs;
use crate::error::{Error, Result, exit};
use crate::log;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &SupersedeArgs) -> Result<u8> {
    if args.new.stdout {
        return Err(Error::usage("supersede writes the new record into the log")
            .hint("drop --stdout; use `decide new --stdout` to preview a record"));
    }
    // Find and parse OLD before asking anything: a typo must not cost the whole session.
    let log = logdir::open_for_record(env, &args.old)?;
    let old = log.resolve(&env.cwd, &args.old)?;
    log::load(&old)?;
    let options = new::Options {
        answers: args.new.answers.as_deref(),
        stdout: false,
        quiet: args.new.quiet,
    };
    let Some(written) = new::run_playbook(env, &options, None)?.path else {
        return Ok(exit::OK);
    };
    let written = logdir::relative(&written, &env.cwd);
    let old = logdir::relative(&old, &env.cwd);
    log::link::both_ways(&env.cwd, &written, "Supersedes", &old, "Superseded by")?;
    ui::success(&format!(
        "{} supersedes {}",
        written.display(),
        old.display()
    ));
    Ok(exit::OK)
}
