//! `decide message N|FILE --to stakeholders|team|peers`: a ready-to-send message from any
//! record, on stdout. Jargon in a message to stakeholders is flagged on stderr.

use super::{Env, logdir};
use crate::cli::MessageArgs;
use crate::error::{Result, exit};
use crate::log;
use crate::message::from_record;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &MessageArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    let path = log::resolve(&dir, &env.cwd, &args.record)?;
    let (record, _) = log::load(&path)?;
    let catalog = env.catalog()?;
    let shown = logdir::relative(&path, &env.cwd);
    let written = from_record::write(
        &record,
        &shown,
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
