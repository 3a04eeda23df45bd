//! `decide index`: write the table of contents between the markers of the log's README.md
//! (or index.md), keeping everything around them. A file without the markers is changed
//! only with `--append`.

use super::{Env, logdir};
use crate::cli::IndexArgs;
use crate::error::{Result, exit};
use crate::log::{index, link_target};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &IndexArgs) -> Result<u8> {
    let Some(dir) = logdir::dir(env)? else {
        return Ok(exit::OK);
    };
    // With --stdout nothing is written, and nothing needs the lock. The table is made
    // from the log as it is under the lock it is written under: a record written or
    // renumbered while this command waited for the lock must be in the table, not
    // reported as unreadable and left out.
    let lock = if args.stdout {
        None
    } else {
        Some(store::lock_log(&[&dir])?)
    };
    let Some((log, cache)) = logdir::open_with_heads(env)? else {
        return Ok(exit::OK);
    };
    let (heads, problems) = log.heads(cache.as_ref());
    logdir::report_read_problems(heads.iter().map(|h| (h.path, &h.problems[..])));
    let skipped = logdir::report_skipped(&problems);
    // The README arrives with the repository: a link to a file elsewhere must not be
    // read (its text would be written back into the log).
    let existing: Vec<(std::path::PathBuf, String)> = index::FILE_NAMES
        .iter()
        .map(|name| dir.join(name))
        .filter(|path| store::exists(path))
        .map(|path| store::read_supplied(&env.root, &path).map(|text| (path, text)))
        .collect::<Result<_>>()?;
    // The file with the markers; else the first that exists; else a new README.md.
    let chosen = existing
        .iter()
        .find(|(_, text)| index::has_markers(text))
        .or_else(|| existing.first());
    let file = chosen.map_or_else(|| dir.join("README.md"), |(path, _)| path.clone());
    let rows = heads.len();
    let table = index::table(heads.iter().map(|record| index::Row {
        address: log.own_address(record),
        record,
        target: link_target(&env.cwd, &file, record.path),
    }));
    // Done with: handing what ten thousand records hold back to the allocator one by one,
    // on one thread, takes longer than the table did, and the process ends soon.
    std::mem::forget(heads);
    let Some(lock) = lock else {
        crate::stdout::write(&table)?;
        return Ok(skipped.finish());
    };
    let current = chosen.map(|(_, text)| text.as_str());
    let placement = if args.append {
        if current.is_some_and(index::is_generated) {
            ui::warning(&format!(
                "{} says another tool generates it; that tool may overwrite the index",
                file.display()
            ));
        }
        index::Placement::Append
    } else {
        index::Placement::BetweenMarkers
    };
    let text = index::splice(current, &table, &file.display().to_string(), placement)?;
    if current == Some(text.as_str()) {
        ui::note(&format!("{} is up to date", file.display()));
    } else {
        match current {
            Some(_) => lock.replace(&file, text.as_bytes())?,
            // A new README: created, never put over a file that appeared meanwhile.
            None => store::write_new_file(&file, text.as_bytes())
                .map_err(|e| crate::error::Error::io("write", &file, &e))?,
        }
        ui::success(&format!(
            "Wrote the index of {} record{} to {}",
            rows,
            if rows == 1 { "" } else { "s" },
            file.display()
        ));
    }
    Ok(skipped.finish())
}
