//! `decide show N|FILE`: print one record as it is on disk.

use super::{Env, logdir};
use crate::cli::ShowArgs;
use crate::error::{Result, exit};
use crate::log;

pub(super) fn run(env: &Env<'_>, args: &ShowArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    let path = log::resolve(&dir, &env.cwd, &args.record)?;
    // Parse too, so a broken record is reported rather than shown as if it were fine.
    let (_, text) = log::load(&path)?;
    crate::stdout::write(&text)?;
    Ok(exit::OK)
}
