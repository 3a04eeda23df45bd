//! `decide review`: list the decisions due for review; `decide review N` records how one
//! turned out; `decide review --check` fails when any review is overdue.

use std::io::IsTerminal;

use super::{Env, logdir};
use crate::cli::ReviewArgs;
use crate::error::{Error, Result, exit};
use crate::log::{self, Depth, review};
use crate::record::edit;
use crate::store;
use crate::ui;

pub fn run(env: &Env<'_>, args: &ReviewArgs) -> Result<u8> {
    let dir = logdir::dir(env, &args.log)?;
    let today = env.today();
    let Some(spec) = &args.record else {
        return list_due(&dir, today, args.check);
    };
    let path = log::resolve(&dir, &env.cwd, spec)?;
    let (record, text) = log::load(&path)?;
    let outcome = match &args.answers {
        Some(file) => review::answers_from_file(file, today)?,
        None => {
            if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
                return Err(Error::usage("no terminal to ask the review questions on")
                    .hint("pass --answers FILE with happened, held_up and learnt"));
            }
            review::ask(&record, today)?
        }
    };
    let updated = edit::append_outcome(&text, &outcome);
    store::replace_file(&path, updated.as_bytes())?;
    ui::success(&format!(
        "Appended the review outcome to {}",
        path.display()
    ));
    Ok(exit::OK)
}

fn list_due(dir: &std::path::Path, today: chrono::NaiveDate, check: bool) -> Result<u8> {
    let mut scan = log::scan(dir, Depth::Head)?;
    let problems = review::settle_due(&mut scan.records, today);
    scan.problems.extend(problems);
    logdir::report_skipped(&scan.problems);
    let due = review::due(&scan.records, today);
    if due.is_empty() {
        ui::note(&format!("No reviews due on {today}."));
        return Ok(exit::OK);
    }
    logdir::print(&review::due_table(&due, today))?;
    let overdue = due.iter().filter(|r| r.review_overdue(today)).count();
    if check && overdue > 0 {
        ui::error(&format!(
            "{overdue} review{} overdue (hint: run `decide review N` for each)",
            if overdue == 1 { " is" } else { "s are" }
        ));
        return Ok(exit::FINDINGS);
    }
    Ok(exit::OK)
}
