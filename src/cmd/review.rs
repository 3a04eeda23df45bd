//! `decide review`: list the decisions due for review; `decide review N` records how one
//! turned out; `decide review --check` fails when any review is overdue.

use std::io::IsTerminal;

use super::{Env, logdir};
use crate::cli::ReviewArgs;
use crate::error::{Error, Result, exit};
use crate::log::{self, Depth, review};
use crate::record::edit;
use crate::session::{AnswersFile, Interactive, Prompter, Session, Settings};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &ReviewArgs) -> Result<u8> {
    let today = env.today();
    let Some(spec) = &args.record else {
        return match logdir::open(env)? {
            Some(log) => list_due(&log, today, args.check),
            None => Ok(exit::OK),
        };
    };
    let path = logdir::open_for_record(env, spec)?.resolve(&env.cwd, spec)?;
    let (record, text) = log::load(&path)?;
    // The questions are the `review` playbook's, run like any other: the same prompts,
    // validation and answers files as `decide new`.
    let mut answers = args.answers.as_deref().map(AnswersFile::load).transpose()?;
    if answers.is_none() && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::usage("no terminal to ask the review questions on")
            .hint("pass --answers FILE with happened, held_up and learnt"));
    }
    let catalog = env.catalog()?;
    let playbook = catalog.get("review")?;
    if let Some(file) = answers.as_mut() {
        file.check_keys(playbook)?;
    }
    let settings = Settings {
        today,
        periods: env.config.review_periods,
        decision_makers: Vec::new(),
    };
    let mut session = Session::new(&catalog, playbook, settings);
    let mut prompter: Box<dyn Prompter> = match answers {
        Some(file) => Box::new(file),
        None => {
            let heading = format!("Review: {}", log::link_label(&record));
            eprintln!("{}\n", console::style(heading).bold().for_stderr());
            Box::new(Interactive::new(&catalog.library))
        }
    };
    session.run(prompter.as_mut(), &mut |_| Ok(()))?;
    let outcome = review::outcome(&session, today);
    let updated = edit::append_outcome(&text, &outcome);
    store::replace_file(&path, updated.as_bytes())?;
    ui::success(&format!(
        "Appended the review outcome to {}",
        path.display()
    ));
    Ok(exit::OK)
}

fn list_due(log: &log::Log, today: chrono::NaiveDate, check: bool) -> Result<u8> {
    let mut scan = log.scan(Depth::Head);
    let problems = review::settle_due(&mut scan.records, today);
    scan.problems.extend(problems);
    logdir::report_read_problems(scan.records.iter().map(|r| &**r));
    let code = logdir::report_skipped(&scan.problems);
    let due = review::due(&scan.records, today);
    if due.is_empty() {
        ui::note(&format!("No reviews due on {today}."));
        return Ok(code);
    }
    crate::stdout::write(review::due_table(&due, today, log))?;
    let overdue = due.iter().filter(|r| r.review_overdue(today)).count();
    if check && overdue > 0 {
        ui::error(&format!(
            "{overdue} review{} overdue (hint: run `decide review N` for each)",
            if overdue == 1 { " is" } else { "s are" }
        ));
        return Ok(exit::FINDINGS);
    }
    Ok(code)
}
