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
    // Files in the log that are not read are said once, whatever is listed: a record
    // named otherwise, or kept in a subfolder, must not vanish without a word.
    let unread = logdir::unread_markdown(&log, &env.cwd);
    let none_read = scan.records.is_empty() && !skipped.any();
    logdir::warn_unread(env, &unread, none_read);
    if args.wants_json() {
        crate::stdout::write(list::json(&kept, &log))?;
    } else if kept.is_empty() {
        crate::ui::note(if none_read && unread.is_empty() {
            "The log has no records yet: `decide new` writes the first."
        } else if none_read {
            "No records read."
        } else if scan.records.is_empty() {
            "No record could be read."
        } else {
            "No records match."
        });
    } else {
        crate::stdout::write(list::table(&kept, &log))?;
    }
    let code = skipped.finish();
    // The process ends here: handing ten thousand records back to the allocator one by
    // one, on one thread, takes longer than the table did.
    std::mem::forget(scan);
    Ok(code)
}
