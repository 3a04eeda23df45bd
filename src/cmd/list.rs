//! `decide list`: the log as a table, filtered, or as JSON.

use super::{Env, logdir};
use crate::cli::ListArgs;
use crate::error::{Result, exit};
use crate::log::{self, Depth, list};
use crate::record::Record;

pub(super) fn run(env: &Env<'_>, args: &ListArgs) -> Result<u8> {
    let dir = logdir::dir(env)?;
    // The table needs only each record's head, not its body.
    let mut scan = log::scan(&dir, Depth::Head)?;
    let today = env.today();
    if args.due {
        let problems = log::review::settle_due(&mut scan.records, today);
        scan.problems.extend(problems);
    }
    logdir::report_skipped(&scan.problems);
    let filter = list::Filter {
        status: args.status.clone(),
        door: args.door.clone(),
        since: args.since,
        due_on: args.due.then_some(today),
    };
    let kept: Vec<&Record> = scan.records.iter().filter(|r| filter.keeps(r)).collect();
    if args.json {
        crate::stdout::write(list::json(&kept))?;
    } else if kept.is_empty() {
        crate::ui::note("No records match.");
    } else {
        crate::stdout::write(list::table(&kept))?;
    }
    Ok(exit::OK)
}
