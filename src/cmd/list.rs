//! `decide list`: the log as a table, filtered, or as JSON.

use super::{Env, logdir};
use crate::cli::ListArgs;
use crate::error::{Result, exit};
use crate::log::{Head, list};

pub(super) fn run(env: &Env<'_>, args: &ListArgs) -> Result<u8> {
    // The table needs only each record's head, not its body.
    let Some((log, cache)) = logdir::open_with_heads(env)? else {
        if args.wants_json() {
            crate::stdout::write("[]\n")?;
        }
        return Ok(exit::OK);
    };
    let (mut heads, mut problems) = log.heads(cache.as_ref());
    let today = env.today();
    if args.due {
        problems.extend(crate::log::review::settle_due(&mut heads, today));
    }
    logdir::report_read_problems(heads.iter().map(|h| (h.path, &h.problems[..])));
    let skipped = logdir::report_skipped(&problems);
    let filter = list::Filter {
        status: args.status.clone(),
        door: args.door.clone(),
        since: args.since,
        due_on: args.due.then_some(today),
    };
    let kept: Vec<&Head<'_>> = heads.iter().filter(|h| filter.keeps(h)).collect();
    // Files in the log that are not read are said once, whatever is listed: a record
    // named otherwise, or kept in a subfolder, must not vanish without a word.
    let unread = logdir::unread_markdown(&log, &env.cwd);
    let none_read = heads.is_empty() && !skipped.any();
    logdir::warn_unread(env, &unread, none_read);
    if args.wants_json() {
        crate::stdout::write(list::json(&kept, &log))?;
    } else if kept.is_empty() {
        crate::ui::note(if none_read && unread.is_empty() {
            "The log has no records yet: `decide new` writes the first."
        } else if none_read {
            "No records read."
        } else if heads.is_empty() {
            "No record could be read."
        } else {
            "No records match."
        });
    } else {
        crate::stdout::write(list::table(&kept, &log))?;
    }
    let code = skipped.finish();
    // The process ends here: handing what ten thousand records hold back to the allocator
    // one by one, on one thread, takes longer than the table did.
    std::mem::forget(kept);
    std::mem::forget(heads);
    std::mem::forget(log);
    Ok(code)
}
