//! `decide show N|FILE`: print one record as it is on disk.

use super::{Env, logdir};
use crate::cli::ShowArgs;
use crate::error::{Result, exit};
use crate::log;

pub(super) fn run(env: &Env<'_>, args: &ShowArgs) -> Result<u8> {
    let log = logdir::open_for_record(env, &args.record)?;
    let path = log.resolve(&env.cwd, &args.record)?;
    // Parse too, so a record that cannot be read is reported rather than shown as if it
    // were fine.
    let (record, text) = log::load(&path)?;
    logdir::report_read_problems([(record.path.as_path(), &record.problems[..])]);
    crate::stdout::write(&text)?;
    Ok(exit::OK)
}
