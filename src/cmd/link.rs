//! `decide link A KIND B`: add the link to A and its reverse to B.

use super::{Env, logdir};
use crate::cli::LinkArgs;
use crate::error::{Error, Result, exit};
use crate::log;
use crate::record::parse::{normalise_kind, reverse_kind};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &LinkArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    let source = log::resolve(&dir, &env.cwd, &args.source)?;
    let target = log::resolve(&dir, &env.cwd, &args.target)?;
    if source == target {
        return Err(Error::usage("a record cannot link to itself").hint("name two records"));
    }
    let kind = normalise_kind(&args.kind);
    if kind.is_empty() || !kind.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return Err(Error::usage(format!("`{}` is not a link kind", args.kind))
            .hint("use words only, e.g. \"Amends\" or \"Depends on\""));
    }
    let reverse = match &args.reverse {
        Some(reverse) => normalise_kind(reverse),
        None => reverse_kind(&kind),
    };
    let lock = store::lock_records(&[&source, &target])?;
    log::link::both_ways(&lock, &source, &kind, &target, &reverse)?;
    ui::success(&format!(
        "{} {kind} {}, and {reverse} back",
        source.display(),
        target.display()
    ));
    Ok(exit::OK)
}
