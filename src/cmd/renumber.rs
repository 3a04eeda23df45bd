//! `decide renumber`: give duplicate numbers new ones and rewrite the links to them.

use std::collections::HashMap;

use super::{Env, logdir};
use crate::cli::RenumberArgs;
use crate::config::DuplicateNumbers;
use crate::error::{Error, Result, exit};
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
    // The plan is made under the lock it is carried out under: a record written in
    // between would otherwise take a number the plan hands out. The log is listed again
    // once the lock is held.
    let lock = if args.dry_run {
        None
    } else {
        Some(store::lock_log(&[log.dir()])?)
    };
    let log = match &lock {
        Some(_) => logdir::open(env)?.unwrap_or(log),
        None => log,
    };
    if !log.has_shared_numbers() {
        ui::note("Every number is used once; nothing to renumber.");
        return Ok(exit::OK);
    }
    check_room(log.dir(), &log.files())?;
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
    let Some(lock) = lock else {
        ui::note("Dry run: nothing was changed.");
        return Ok(exit::OK);
    };
    let rewritten_links = carry_out(&lock, &log, &moves, &env.cwd)?;
    ui::success(&format!(
        "Renumbered {} record{} and updated the links in {rewritten_links} other{}; run `decide index` to refresh the index",
        moves.len(),
        if moves.len() == 1 { "" } else { "s" },
        if rewritten_links == 1 { "" } else { "s" }
    ));
    Ok(exit::OK)
}

/// That the new numbers fit: they go above the highest, one per file at most, and must
/// stay numbers a record can have rather than wrap round to 0.
fn check_room(dir: &std::path::Path, files: &[std::path::PathBuf]) -> Result<()> {
    let highest = files
        .iter()
        .filter_map(|path| path.file_name())
        .filter_map(|name| match store::record_prefix(&name.to_string_lossy()) {
            store::Prefix::Number(number) => Some(number),
            _ => None,
        })
        .max()
        .unwrap_or(0);
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
    Ok(())
}

/// Rename the moved records and rewrite every record that links to one, under `lock`;
/// how many records had only their links rewritten. Every new text is worked out, and
/// every file checked, before any changes.
fn carry_out(
    lock: &store::LogLock,
    log: &crate::log::Log,
    moves: &[renumber::Move],
    base: &std::path::Path,
) -> Result<usize> {
    let lookup = renumber::Moves::new(base, moves);
    // Work out every new text first, then write: a failure to read or parse stops the
    // command before any file changes. Only the texts that change are kept.
    let rewrites = crate::parallel::map(log.entries(), |entry| -> Result<_> {
        let moved = lookup.of(&entry.path).cloned();
        if entry.not_a_file {
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
    // Every file checked before any is changed: a read-only one stops it all.
    for (path, ..) in rewrites.iter().flatten() {
        store::check_editable(path)?;
    }
    for step in moves {
        store::check_editable(&step.from)?;
    }
    let mut rewritten_links = 0;
    let mut moved_files = std::collections::HashSet::new();
    for (path, moved, text) in rewrites.iter().flatten() {
        match moved {
            Some(step) => {
                lock.move_record(path, &step.to, text.as_bytes())?;
                moved_files.insert(path.clone());
            }
            None => {
                lock.replace(path, text.as_bytes())?;
                rewritten_links += 1;
            }
        }
    }
    // Files that did not parse still move, byte for byte.
    for step in moves.iter().filter(|m| !moved_files.contains(&m.from)) {
        let bytes = store::read_bytes(&step.from)?;
        lock.move_record(&step.from, &step.to, &bytes)?;
    }
    Ok(rewritten_links)
}
