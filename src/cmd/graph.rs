//! `decide graph`: the supersede and link graph as dot or Mermaid, on stdout.

use super::{Env, logdir};
use crate::cli::GraphArgs;
use crate::error::{Result, exit};
use crate::log::{Depth, graph};

pub(super) fn run(env: &Env<'_>, args: &GraphArgs) -> Result<u8> {
    let Some(log) = logdir::open(env)? else {
        return Ok(exit::OK);
    };
    // Links may be anywhere in a record (our `## Links` comes last): read them whole, and
    // keep only what the graph draws.
    let (nodes, problems) = log.map_cached(Depth::Outline, "", graph::Node::of);
    let skipped = logdir::report_skipped(&problems);
    crate::stdout::write(graph::render(&nodes, &log, args.format))?;
    Ok(skipped.finish())
}
