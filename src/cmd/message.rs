//! `decide message N|FILE --to stakeholders|team|peers`: a ready-to-send message from any
//! record, on stdout; on stderr, whether it is ready to send in the listener's words.

use super::{Env, logdir};
use crate::cli::MessageArgs;
use crate::error::{Result, exit};
use crate::log;
use crate::message::{self, from_record};

pub(super) fn run(env: &Env<'_>, args: &MessageArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    let path = log::resolve(&dir, &env.cwd, &args.record)?;
    let (record, _) = log::load(&path)?;
    let catalog = env.catalog()?;
    let shown = logdir::relative(&path, &env.cwd);
    // A superseded decision is named by what replaced it, in words, not by a file.
    let successor = record
        .links
        .iter()
        .find(|link| link.kind.eq_ignore_ascii_case("Superseded by"))
        .and_then(|link| {
            let target = path.parent()?.join(&link.target);
            log::load(&target)
                .ok()
                .map(|(successor, _)| from_record::plain(&successor.title))
        });
    let brief = from_record::Brief::from_record(&record, &shown, env.today(), successor);
    // Slack and HTML are the Markdown message converted: the checks read the words.
    let written = from_record::write(
        &brief,
        args.to,
        args.name.as_deref(),
        args.format.composed(),
        &catalog.templates,
    )?;
    crate::stdout::write(args.format.convert(&written.text))?;
    if args.format != from_record::Format::Json {
        let problems = message::check::problems(&written.text, args.to, &catalog.jargon, &[]);
        message::report(&written, &problems);
    }
    Ok(exit::OK)
}
