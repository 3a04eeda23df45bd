//! `decide search WORDS`: the records whose title or text contains every word; with
//! `--related TEXT`, the records the coach would show after that title. Like grep, it
//! exits 1 when nothing matches, so scripts can tell.

use super::{Env, logdir};
use crate::cli::SearchArgs;
use crate::error::{Result, exit};
use crate::log::related::Memory;
use crate::log::search;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &SearchArgs) -> Result<u8> {
    if let Some(text) = &args.related {
        return related(env, text);
    }
    let Some(log) = logdir::open(env)? else {
        return Ok(exit::FINDINGS);
    };
    let words = search::prepare(&args.words);
    let results = crate::parallel::map(log.entries(), |entry| {
        if entry.not_a_file {
            return Err(crate::store::not_a_file_error(&entry.path));
        }
        search::search_file(&entry.path, &words)
    });
    let mut problems = Vec::new();
    let mut out = String::new();
    let mut hits = 0;
    for result in results {
        match result {
            Ok(Some(hit)) => {
                hits += 1;
                let address = match hit.number {
                    Some(n) if log.address(&hit.path) == n.to_string() => format!("{n:04}"),
                    _ => log.address(&hit.path),
                };
                let status = hit.status.as_deref().unwrap_or("no status");
                out.push_str(&format!(
                    "{address}  {}  ({status})  {}\n",
                    hit.title,
                    hit.path.display()
                ));
                for (line, text) in &hit.lines {
                    out.push_str(&format!("    {line}: {text}\n"));
                }
            }
            Ok(None) => {}
            Err(error) => problems.push(error),
        }
    }
    let skipped = logdir::report_skipped(&problems);
    if hits == 0 {
        ui::note("No records match.");
        return Ok(if skipped.any() {
            skipped.finish()
        } else {
            exit::FINDINGS
        });
    }
    crate::stdout::write(&out)?;
    Ok(skipped.finish())
}

/// The records related to `text`, as the coach finds them after a title: through the
/// log's word index, without listing the log.
fn related(env: &Env<'_>, text: &str) -> Result<u8> {
    let Some(folders) = logdir::folders(env)? else {
        return Ok(exit::FINDINGS);
    };
    let mut memory = Memory::prepare(folders, crate::store::cache_dir(&env.root));
    let related = memory.recall(text, &[]);
    if related.is_empty() {
        ui::note("No records are related.");
        return Ok(exit::FINDINGS);
    }
    let mut out = String::new();
    for record in &related {
        let address = match record.number {
            Some(number) => format!("{number:04}"),
            None => record.address(),
        };
        out.push_str(&format!(
            "{address}  {}  ({})  {}\n",
            record.title,
            record.standing(),
            logdir::relative(&record.path, &env.cwd).display()
        ));
    }
    crate::stdout::write(&out)?;
    Ok(exit::OK)
}
