//! `decide search WORDS`: the records whose title or text contains every word.

use super::{Env, logdir};
use crate::cli::SearchArgs;
use crate::error::{Result, exit};
use crate::log::{self, search};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &SearchArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    let words = search::prepare(&args.words);
    let files = store::list_record_files(&dir)?;
    let results = log::for_each_file(&files, |path| search::search_file(path, &words));
    let mut problems = Vec::new();
    let mut out = String::new();
    let mut hits = 0;
    for result in results {
        match result {
            Ok(Some(hit)) => {
                hits += 1;
                let number = hit.number.map_or("-".to_string(), |n| format!("{n:04}"));
                let status = hit.status.as_deref().unwrap_or("no status");
                out.push_str(&format!(
                    "{number}  {}  ({status})  {}\n",
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
    logdir::report_skipped(&problems);
    if hits == 0 {
        ui::note("No records match.");
    } else {
        crate::stdout::write(&out)?;
    }
    Ok(exit::OK)
}
