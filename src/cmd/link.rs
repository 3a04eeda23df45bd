//! `decide link A KIND B`: add the link to A and its reverse to B.

use super::{Env, logdir};
use crate::cli::LinkArgs;
use crate::error::{Error, Result, exit};
use crate::log;
use crate::record::parse::{is_valid_kind, normalise_kind, reverse_kind};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &LinkArgs) -> Result<u8> {
    // Kinds are words only: anything else could end the link's text or start another.
    for (what, kind) in [
        ("KIND", Some(&args.kind)),
        ("--reverse", args.reverse.as_ref()),
    ] {
        if let Some(kind) = kind
            && !is_valid_kind(kind)
        {
            return Err(Error::usage(format!("{what} `{kind}` is not a link kind"))
                .hint("use one to four words, e.g. \"Amends\" or \"Depends on\""));
        }
    }
    let log = logdir::open_for_record(env, &args.source)?;
    let source = logdir::relative(&log.resolve(&env.cwd, &args.source)?, &env.cwd);
    let target = logdir::relative(&log.resolve(&env.cwd, &args.target)?, &env.cwd);
    if crate::log::normalise(&env.cwd.join(&source))
        == crate::log::normalise(&env.cwd.join(&target))
    {
        return Err(Error::usage("a record cannot link to itself").hint("name two records"));
    }
    let kind = normalise_kind(&args.kind);
    let reverse = match &args.reverse {
        Some(reverse) => normalise_kind(reverse),
        None => reverse_kind(&kind),
    };
    let lock = store::lock_records(&[&source, &target])?;
    log::link::both_ways(&lock, &env.cwd, &source, &kind, &target, &reverse)?;
    ui::success(&format!(
        "{} {kind} {}, and {reverse} back",
        source.display(),
        target.display()
    ));
    Ok(exit::OK)
}
