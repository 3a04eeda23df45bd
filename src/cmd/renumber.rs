//! `decide renumber`: give duplicate numbers new ones and rewrite the links to them.

use super::{Env, logdir};
use crate::cli::RenumberArgs;
use crate::error::{Result, exit};
use crate::log::{self, Depth, renumber};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &RenumberArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    let files = store::list_record_files(&dir)?;
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
    if args.dry_run {
        ui::note("Dry run: nothing was changed.");
        return Ok(exit::OK);
    }
    // Work out every new text first, then write: a failure to read or parse stops the
    // command before any file changes.
    let mut rewrites = Vec::new();
    for record in &scan.records {
        let text = store::read_text(&record.path)?;
        let updated = renumber::rewrite(&text, record, &moves);
        let moved = moves.iter().find(|m| m.from == record.path);
        rewrites.push((record.path.clone(), moved, text, updated));
    }
    let mut rewritten_links = 0;
    for (path, moved, text, updated) in &rewrites {
        match (moved, updated) {
            (Some(step), _) => {
                let text = updated.as_ref().unwrap_or(text);
                store::move_record(path, &step.to, text.as_bytes())?;
            }
            (None, Some(updated)) => {
                store::replace_file(path, updated.as_bytes())?;
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
        store::move_record(&step.from, &step.to, &bytes)?;
    }
    ui::success(&format!(
        "Renumbered {} record{} and updated the links in {rewritten_links} other{}; run `decide index` to refresh the index",
        moves.len(),
        if moves.len() == 1 { "" } else { "s" },
        if rewritten_links == 1 { "" } else { "s" }
    ));
    Ok(exit::OK)
}
