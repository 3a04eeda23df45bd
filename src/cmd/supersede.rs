//! `decide supersede OLD`: work through the new decision exactly as `decide new` does, then
//! link the new record and OLD both ways and mark OLD superseded, in one step.

use super::{Env, logdir, new};
use crate::cli::SupersedeArgs;
use crate::draft::Purpose;
use crate::drive;
use crate::error::{Error, Result, exit};
use crate::log;

pub(super) fn run(env: &Env<'_>, args: &SupersedeArgs) -> Result<u8> {
    if args.new.stdout {
        return Err(Error::usage("supersede writes the new record into the log")
            .hint("drop --stdout; use `decide new --stdout` to preview a record"));
    }
    // Find and parse OLD before asking anything: a typo must not cost the whole session.
    let log = logdir::open_for_record(env, &args.old)?;
    let old = log.resolve(&env.cwd, &args.old)?;
    log::load(&old)?;
    let request = drive::Request {
        playbook: env.playbook_flag(),
        default_playbook: &env.config.default_playbook.value,
        answers: args.new.answers.as_deref(),
        quiet: args.new.quiet,
        purpose: Purpose::Supersede(env.cwd.join(&old)),
        resume: None,
    };
    new::run_request(env, false, request)?;
    Ok(exit::OK)
}
