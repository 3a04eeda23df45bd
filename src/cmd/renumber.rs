//! `decide renumber`: give duplicate numbers new ones and rewrite the links to them.

use std::collections::HashMap;

use super::{Env, logdir};
use crate::cli::RenumberArgs;
use crate::config::DuplicateNumbers;
use crate::error::{Result, exit};
use crate::log::{Depth, Numbering, renumber};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &RenumberArgs) -> Result<u8> {
    let Some(log) = logdir::open(env)? else {
        return Ok(exit::OK);
    };
    if log.numbering == Numbering::Date {
        ui::note(
            "This log names its records by date and title, not by number: nothing to renumber.",
        );
        return Ok(exit::OK);
    }
    if !log.has_shared_numbers() {
        ui::note("Every number is used once; nothing to renumber.");
        return Ok(exit::OK);
    }
    // Dates decide which record keeps a shared number; front matter ids say whether the
    // log names records by file on purpose.
    let (heads, problems) = log.map(Depth::Head, |record| {
        let by_file = record.front_matter.get("id").map(|id| *id == record.stem());
        (record.path, record.date, by_file)
    });
    let with_id: Vec<bool> = heads
        .iter()
        .filter_map(|(_, _, by_file)| *by_file)
        .collect();
    let named_by_file =
        !with_id.is_empty() && with_id.iter().all(|same| *same) && with_id.len() * 2 >= heads.len();
    let policy = env.config.duplicate_numbers(named_by_file);
    if policy.value == DuplicateNumbers::Allow && !args.force {
        ui::note(&format!(
            "Numbers repeat on purpose in this log ({}); nothing renumbered. Pass --force to renumber anyway.",
            policy.source
        ));
        return Ok(exit::OK);
    }
    let dates: HashMap<_, _> = heads
        .into_iter()
        .map(|(path, date, _)| (path, date))
        .collect();
    let files = log.files();
    let moves = renumber::plan(&files, &dates);
    for problem in &problems {
        // Links inside a file that cannot be read cannot be rewritten: say so.
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
    let lookup = renumber::Moves::new(&env.cwd, &moves);
    // Work out every new text first, then write: a failure to read or parse stops the
    // command before any file changes. Only the texts that change are kept.
    let rewrites = crate::log::for_each(log.entries(), |entry| -> Result<_> {
        let moved = lookup.of(&entry.path).cloned();
        if entry.symlink {
            return Ok(None);
        }
        // A file that cannot be parsed moves byte for byte below; its links stay.
        let Ok((record, text)) = crate::log::load(&entry.path) else {
            return Ok(None);
        };
        let updated = renumber::rewrite(&text, &record, &lookup)?;
        Ok(match (moved, updated) {
            (None, None) => None,
            (moved, updated) => Some((entry.path.clone(), moved, updated.unwrap_or(text))),
        })
    });
    let rewrites: Vec<_> = rewrites.into_iter().collect::<Result<Vec<_>>>()?;
    let mut rewritten_links = 0;
    let mut moved_files = std::collections::HashSet::new();
    for (path, moved, text) in rewrites.iter().flatten() {
        match moved {
            Some(step) => {
                store::move_record(path, &step.to, text.as_bytes())?;
                moved_files.insert(path.clone());
            }
            None => {
                store::replace_file(path, text.as_bytes())?;
                rewritten_links += 1;
            }
        }
    }
    // Files that did not parse still move, byte for byte.
    for step in moves.iter().filter(|m| !moved_files.contains(&m.from)) {
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
