//! `decide list`: the log as a table, filtered, or as JSON.

use super::{Env, logdir};
use crate::cli::ListArgs;
use crate::error::{Result, exit};
use crate::log::{Depth, list};
use crate::record::Record;

pub(super) fn run(env: &Env<'_>, args: &ListArgs) -> Result<u8> {
    let Some(log) = logdir::open(env)? else {
        if args.wants_json() {
            crate::stdout::write("[]\n")?;
        }
        return Ok(exit::OK);
    };
    // The table needs only each record's head, not its body.
    let mut scan = log.scan(Depth::Head);
    let today = env.today();
    if args.due {
        let problems = crate::log::review::settle_due(&mut scan.records, today);
        scan.problems.extend(problems);
    }
    logdir::report_read_problems(scan.records.iter().map(|r| &**r));
    let skipped = logdir::report_skipped(&scan.problems);
    let filter = list::Filter {
        status: args.status.clone(),
        door: args.door.clone(),
        since: args.since,
        due_on: args.due.then_some(today),
    };
    let kept: Vec<&Record> = scan
        .records
        .iter()
        .map(|r| &**r)
        .filter(|r| filter.keeps(r))
        .collect();
    if args.wants_json() {
        crate::stdout::write(list::json(&kept, &log))?;
    } else if kept.is_empty() {
        let unread = if scan.records.is_empty() && !skipped.any() {
            logdir::unread_markdown(&log, &env.cwd)?
        } else {
            Vec::new()
        };
        if let Some(first) = unread.first() {
            crate::ui::warning(&format!(
                "the log has no records decide can read, but {} in it {} not named as records are (NNNN-title.md, ADR-NNNN-title.md or YYYYMMDD-title.md), such as {}: rename them, or name the log's folder with --dir",
                crate::coach::count(unread.len(), "Markdown file", "Markdown files"),
                if unread.len() == 1 { "is" } else { "are" },
                first.display()
            ));
        }
        crate::ui::note(
            if scan.records.is_empty() && !skipped.any() && unread.is_empty() {
                "The log has no records yet: `decide new` writes the first."
            } else if scan.records.is_empty() && !skipped.any() {
                "No records read."
            } else if scan.records.is_empty() {
                "No record could be read."
            } else {
                "No records match."
            },
        );
    } else {
        crate::stdout::write(list::table(&kept, &log))?;
    }
    let code = skipped.finish();
    // The process ends here: handing ten thousand records back to the allocator one by
    // one, on one thread, takes longer than the table did.
    std::mem::forget(scan);
    Ok(code)
}
