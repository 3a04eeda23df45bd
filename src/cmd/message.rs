//! `decide message N|FILE --to stakeholders|team|peers`: a ready-to-send message from any
//! record, on stdout. Jargon in a message to stakeholders is flagged on stderr.

use super::{Env, logdir};
use crate::cli::MessageArgs;
use crate::error::{Result, exit};
use crate::log;
use crate::message::from_record;
use crate::record::parse::Target;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &MessageArgs) -> Result<u8> {
    let log = logdir::open_for_record(env, &args.record)?;
    let path = log.resolve(&env.cwd, &args.record)?;
    let (record, _) = log::load(&path)?;
    // The successor by its title: a file name means little to a stakeholder.
    let successor = record
        .links
        .iter()
        .find(|l| l.kind.eq_ignore_ascii_case("Superseded by"))
        .and_then(|link| {
            let spec = match &link.target {
                Target::Number(number) => number.to_string(),
                Target::File(_) => {
                    let dir = path.parent().unwrap_or(std::path::Path::new(""));
                    dir.join(link.file()?).display().to_string()
                }
            };
            let found = log.resolve(&env.cwd, &spec).ok()?;
            log::read_record(&found, log::Depth::Head).ok()
        })
        .map(|successor| successor.title);
    let catalog = env.catalog()?;
    let shown = logdir::relative(&path, &env.cwd);
    let written = from_record::write(
        &record,
        &shown,
        successor,
        args.to,
        args.format,
        &catalog.templates,
        &catalog.jargon,
    )?;
    if !written.jargon.is_empty() {
        ui::warning(&format!(
            "a stakeholder may not know {}: say it in their words before sending",
            written.jargon.join(", ")
        ));
    }
    crate::stdout::write(&written.text)?;
    Ok(exit::OK)
}
