//! `decide renumber`: give duplicate numbers new ones and rewrite the links to them.

use super::{Env, logdir};
use crate::cli::RenumberArgs;
use crate::error::{Error, Result, exit};
use crate::log::{self, Depth, renumber};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &RenumberArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    // The plan is made under the lock it is carried out under: a record written in
    // between would otherwise take a number the plan hands out.
    let lock = if args.dry_run {
        None
    } else {
        Some(store::lock_log(&[&dir])?)
    };
    let files = store::list_record_files(&dir)?;
    if !check_room(&dir, &files)? {
        ui::note("Every number is used once; nothing to renumber.");
        return Ok(exit::OK);
    }
    let scan = log::scan(&dir, Depth::Full)?;
    let moves = renumber::plan(&files, &scan.records);
    if moves.is_empty() {
        ui::note("Every number is used once; nothing to renumber.");
        return Ok(exit::OK);
    }
    for problem in &scan.problems {
        // Links inside a file that cannot be parsed cannot be rewritten: say so.
        ui::warning(&format!("{problem}; its links were not checked"));
    }
    let mut out = String::new();
    for step in &moves {
        out.push_str(&format!(
            "{} -> {}\n",
            step.from.display(),
            step.to.display()
        ));
    }
    crate::stdout::write(&out)?;
    let Some(lock) = lock else {
        ui::note("Dry run: nothing was changed.");
        return Ok(exit::OK);
    };
    // Work out every new text first, then write: a failure to read or parse stops the
    // command before any file changes.
    let mut rewrites = Vec::new();
    for record in &scan.records {
        let text = store::read_text(&record.path)?;
        let updated = renumber::rewrite(&text, record, &moves);
        let moved = moves.iter().find(|m| m.from == record.path);
        if moved.is_some() || updated.is_some() {
            store::check_editable(&record.path)?;
        }
        rewrites.push((record.path.clone(), moved, text, updated));
    }
    for step in &moves {
        store::check_editable(&step.from)?;
    }
    let mut rewritten_links = 0;
    for (path, moved, text, updated) in &rewrites {
        match (moved, updated) {
            (Some(step), _) => {
                let text = updated.as_ref().unwrap_or(text);
                lock.move_record(path, &step.to, text.as_bytes())?;
            }
            (None, Some(updated)) => {
                lock.replace(path, updated.as_bytes())?;
                rewritten_links += 1;
            }
            (None, None) => {}
        }
    }
    // Files that did not parse still move, byte for byte.
    for step in moves
        .iter()
        .filter(|m| !rewrites.iter().any(|(path, ..)| *path == m.from))
    {
        let bytes = store::read_bytes(&step.from)?;
        lock.move_record(&step.from, &step.to, &bytes)?;
    }
    ui::success(&format!(
        "Renumbered {} record{} and updated the links in {rewritten_links} other{}; run `decide index` to refresh the index",
        moves.len(),
        if moves.len() == 1 { "" } else { "s" },
        if rewritten_links == 1 { "" } else { "s" }
    ));
    Ok(exit::OK)
}

/// Whether any number is used twice, and if so, that the new numbers fit: they go above
/// the highest, one per file at most, and must stay numbers a record can have rather
/// than wrap round to 0.
fn check_room(dir: &std::path::Path, files: &[std::path::PathBuf]) -> Result<bool> {
    let numbers: Vec<u32> = files
        .iter()
        .filter_map(|path| path.file_name())
        .filter_map(|name| store::record_number(&name.to_string_lossy()))
        .collect();
    let distinct: std::collections::HashSet<&u32> = numbers.iter().collect();
    if distinct.len() == numbers.len() {
        return Ok(false);
    }
    let highest = numbers.iter().copied().max().unwrap_or(0);
    if u64::from(highest) + files.len() as u64 > u64::from(store::MAX_RECORD_NUMBER) {
        return Err(Error::content(format!(
            "the highest record number, {highest}, leaves no numbers to give duplicates"
        ))
        .in_file(dir)
        .hint(format!(
            "records are numbered up to {}; rename that record with a smaller number",
            store::MAX_RECORD_NUMBER
        )));
    }
    Ok(true)
}
