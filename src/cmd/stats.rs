//! `decide stats`: the lead's retrospective over the team's decision log and the private
//! journal, on one screen or as JSON. Either may be missing; the other still shows.

use super::{Env, logdir};
use crate::cli::StatsArgs;
use crate::error::Result;
use crate::journal;
use crate::log::Depth;
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &StatsArgs) -> Result<u8> {
    // Files that could not be read, from either: the figures leave them out, and the exit
    // code says so.
    let mut unread = Vec::new();
    // Without a log, `logdir::open` has said so and how to start one.
    let (records, log_shown) = match logdir::open(env) {
        Ok(Some(log)) => {
            let scan = log.scan(Depth::Full);
            unread.extend(scan.problems);
            let records: Vec<_> = scan.records.into_iter().map(|record| *record).collect();
            (records, Some(log.dir().display().to_string()))
        }
        Ok(None) => (Vec::new(), None),
        Err(error) => {
            ui::warning(&format!("{error}; the decisions are left out"));
            (Vec::new(), None)
        }
    };
    let (history, journal_shown) = match journal::place(&env.config.journal_dir) {
        Ok(dir) if store::is_dir(&dir) => {
            let scan = journal::load(&dir)?;
            unread.extend(scan.problems);
            (
                journal::history(&scan.entries),
                Some(dir.display().to_string()),
            )
        }
        Ok(dir) => {
            ui::note(&format!(
                "No journal at {} yet: the personal playbooks write it.",
                dir.display()
            ));
            (crate::coach::History::default(), None)
        }
        Err(error) => {
            ui::warning(&format!("{error}; the journal is left out"));
            (crate::coach::History::default(), None)
        }
    };
    let retro = crate::stats::retro(&records, &history, env.today());
    let text = if args.wants_json() {
        crate::stats::json(&retro, log_shown.as_deref(), journal_shown.as_deref())
    } else {
        crate::stats::screen(&retro, log_shown.as_deref(), journal_shown.as_deref())
    };
    crate::stdout::write(text)?;
    Ok(logdir::report_skipped(&unread).finish())
}
