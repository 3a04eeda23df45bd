//! `decide status N STATUS`: change the status where the record states it (front matter
//! and body both, when it has both), in the record's own style.

use super::{Env, logdir};
use crate::cli::StatusArgs;
use crate::error::{Error, Result, exit};
use crate::log;
use crate::record::edit;
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &StatusArgs) -> Result<u8> {
    let log = logdir::open_for_record(env, &args.record)?;
    let path = log.resolve(&env.cwd, &args.record)?;
    let lock = store::lock_records(&[&path])?;
    let (record, text) = log::load(&path)?;
    let status = args.status.as_str();
    let everywhere = !record.statuses.is_empty()
        && record
            .statuses
            .iter()
            .all(|s| s.only_links || s.status.as_deref() == Some(status));
    if everywhere && record.status.as_deref() == Some(status) {
        ui::note(&format!("{} is already {status}", path.display()));
        return Ok(exit::OK);
    }
    if status == "accepted" && crate::record::finish::Proposal::is_open(&record) && !args.force {
        let decide_by = record
            .front_matter
            .get("decide-by")
            .map(|d| format!(" (it is to be decided by {d})"))
            .unwrap_or_default();
        return Err(Error::usage(format!(
            "{} is a proposal still under investigation{decide_by}: accepting it skips the open questions",
            path.display()
        ))
        .hint(format!(
            "run `decide review {}` to finish the decision, or add --force to accept it as it is",
            args.record
        )));
    }
    let updated = edit::set_status(&text, &record, status)?;
    lock.replace(&path, updated.as_bytes())?;
    ui::success(&format!(
        "{}: {} → {status}",
        path.display(),
        record.status.as_deref().unwrap_or("no status")
    ));
    Ok(exit::OK)
}
