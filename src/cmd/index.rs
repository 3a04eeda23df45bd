//! `decide index`: write the table of contents between the markers of the log's README.md
//! (or index.md), keeping everything around them.

use super::{Env, logdir};
use crate::cli::IndexArgs;
use crate::error::{Result, exit};
use crate::log::{self, Depth, index};
use crate::record::Record;
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &IndexArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    // With --stdout nothing is written, and nothing needs the lock.
    let lock = if args.stdout {
        None
    } else {
        Some(store::lock_log(&[&dir])?)
    };
    let scan = log::scan(&dir, Depth::Head)?;
    logdir::report_skipped(&scan.problems);
    let records: Vec<&Record> = scan.records.iter().collect();
    let table = index::table(&records);
    let Some(lock) = lock else {
        crate::stdout::write(&table)?;
        return Ok(exit::OK);
    };
    let file = index::FILE_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|path| store::is_file(path))
        .unwrap_or_else(|| dir.join("README.md"));
    // The README arrives with the repository: a link to a file elsewhere must not be
    // read (its text would be written back into the log).
    let existing = if store::exists(&file) {
        Some(store::read_supplied(&env.root, &file)?)
    } else {
        None
    };
    let text = index::splice(existing.as_deref(), &table, &file.display().to_string())?;
    if existing.as_deref() == Some(text.as_str()) {
        ui::note(&format!("{} is up to date", file.display()));
    } else {
        lock.replace(&file, text.as_bytes())?;
        ui::success(&format!(
            "Wrote the index of {} record{} to {}",
            records.len(),
            if records.len() == 1 { "" } else { "s" },
            file.display()
        ));
    }
    Ok(exit::OK)
}
