//! `decide graph`: the supersede and link graph as dot or Mermaid, on stdout.

use super::{Env, logdir};
use crate::cli::GraphArgs;
use crate::error::{Result, exit};
use crate::log::{self, Depth, graph};

pub(super) fn run(env: &Env<'_>, args: &GraphArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    // Links may be anywhere in a record (our `## Links` comes last): read them whole.
    let scan = log::scan(&dir, Depth::Full)?;
    logdir::report_skipped(&scan.problems);
    crate::stdout::write(graph::render(&scan.records, args.format))?;
    Ok(exit::OK)
}
