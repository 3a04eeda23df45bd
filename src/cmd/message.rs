//! `decide message N|FILE --to stakeholders|team|peers`: a ready-to-send message from any
//! record, on stdout; on stderr, whether it is ready to send in the listener's words.

use super::{Env, logdir};
use crate::cli::MessageArgs;
use crate::error::{Result, exit};
use crate::log;
use crate::message::{self, from_record};
use crate::record::parse::Target;

pub(super) fn run(env: &Env<'_>, args: &MessageArgs) -> Result<u8> {
    let log = logdir::open_for_record(env, &args.record)?;
    let path = log.resolve(&env.cwd, &args.record)?;
    // One of ours in an adr-tools log is read as our own record: the same message.
    let (record, text) = log::load(&path)?;
    let (record, text) = crate::record::adr_tools::read_as_ours(&path, record, text)?;
    // A superseded decision is named by what replaced it, in words, not by a file: MADR
    // names it by number (`superseded by ADR-0004`), adr-tools by a link, and some logs by
    // a web address, whose link text is all there is to go by.
    // A deprecated one may name what took its place ("Deprecated in favour of …"). A web
    // address that points at a record of this log (its file name) is that record.
    let replaces = |kind: &str| {
        let kind = kind.to_lowercase();
        kind == "superseded by" || kind == "replaced by" || kind.contains("in favo")
    };
    let dir = path.parent().unwrap_or(std::path::Path::new(""));
    let successor = record
        .links
        .iter()
        .find(|l| replaces(&l.kind))
        .and_then(|link| {
            let spec = match &link.target {
                Target::Number(number) => number.to_string(),
                Target::File(_) => dir.join(link.file()?).display().to_string(),
                Target::Web(url) => {
                    let name = url.rsplit('/').next().unwrap_or_default();
                    let local = dir.join(name);
                    if name.ends_with(".md") && local.is_file() {
                        local.display().to_string()
                    } else {
                        return Some(from_record::Successor {
                            title: link.label.clone(),
                            ..Default::default()
                        });
                    }
                }
            };
            let found = log.resolve(&env.cwd, &spec).ok()?;
            let (successor, text) = log::load(&found).ok()?;
            let (successor, _) =
                crate::record::adr_tools::read_as_ours(&found, successor, text).ok()?;
            Some(from_record::Successor::of(&successor, env.today()))
        })
        .map(|successor| from_record::Successor {
            title: from_record::plain(&successor.title),
            ..successor
        });
    let catalog = env.catalog()?;
    let shown = logdir::relative(&path, &env.cwd);
    let mut brief = from_record::Brief::from_record(&record, &shown, env.today(), successor);
    brief.read_closing_note(&text);
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
        let open = message::check::open_in_record(&brief);
        let mut problems = message::check::problems(
            &written.text,
            args.to,
            &catalog.jargon.excusing(&brief.plain_words),
            &open,
        );
        problems.extend(message::check::time_box_ended(&brief, &args.record));
        message::report(&written, &problems);
    }
    Ok(exit::OK)
}
