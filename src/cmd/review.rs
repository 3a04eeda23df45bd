//! `decide review`: list the decisions due for review; `decide review N` records how one
//! turned out; `decide review --check` fails when any review is overdue.

use super::{Env, logdir};
use crate::cli::ReviewArgs;
use crate::drive;
use crate::error::{Result, exit};
use crate::log::report::ReportFormat;
use crate::log::{self, review};
use crate::record::Listing;
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &ReviewArgs) -> Result<u8> {
    let today = env.today();
    let Some(spec) = &args.record else {
        return match logdir::open_with_heads(env)? {
            Some((log, cache)) => list_due(&log, cache.as_ref(), today, args.check, args.format),
            None => Ok(exit::OK),
        };
    };
    let path = logdir::open_for_record(env, spec)?.resolve(&env.cwd, spec)?;
    review_record(env, &path, args.answers.as_deref(), args.quiet, None)?;
    Ok(exit::OK)
}

/// Finish the proposal at `path`, or look back at the decision there; `resume` continues a
/// draft of it.
pub(super) fn review_record(
    env: &Env<'_>,
    path: &std::path::Path,
    answers: Option<&std::path::Path>,
    quiet: bool,
    resume: Option<crate::draft::Draft>,
) -> Result<()> {
    let catalog = env.catalog()?;
    let setup = drive::Setup {
        catalog: &catalog,
        settings: env.session_settings(),
        print: false,
        log_dir: env.log_dir(),
        journal_dir: crate::journal::place(&env.config.journal_dir),
        drafts_dir: store::drafts_dir(&env.root),
        cwd: env.cwd.clone(),
        root: env.root.clone(),
        dated_log: env.log_is_dated(),
        log_front_matter: false,
        follow_log: false,
        adr_tools_log: false,
        packages: env.config.log_packages.clone(),
    };
    let shown = drive::display_path(path, &env.cwd);
    match drive::review(&setup, path, answers, quiet, resume)? {
        drive::Reviewed::Finished { headline, status } => {
            ui::success(&format!("{shown}: {headline} (status {status})"))
        }
        drive::Reviewed::LookedBack => {
            ui::success(&format!("Added the look-back to {shown}"));
        }
    }
    Ok(())
}

/// What `review --check` says when it fails: how many reviews and decisions are overdue,
/// and how to record each.
fn overdue_message(due: &[&impl Listing], today: chrono::NaiveDate) -> String {
    use crate::record::parse::Due;
    let late = |kind: Due| {
        due.iter()
            .filter(|r| r.review_overdue(today) && r.due().is_some_and(|(d, _)| d == kind))
            .count()
    };
    let (reviews, decisions) = (late(Due::Review), late(Due::Decision));
    let said = |n: usize, one: &str| match n {
        1 => format!("1 {one} is"),
        n => format!("{n} {one}s are"),
    };
    match (reviews, decisions) {
        (_, 0) => format!(
            "{} overdue (hint: run `decide review N` for each)",
            said(reviews, "review")
        ),
        (0, _) => format!(
            "{} overdue (hint: once each is decided, record it: `decide review N` finishes an investigation, `decide status N accepted` or `rejected` records an answer)",
            said(decisions, "decision")
        ),
        _ => format!(
            "{reviews} review{} and {decisions} decision{} are overdue (hint: run `decide review N` for each review; record each decision with `decide review N` after an investigation, or `decide status N accepted` or `rejected`)",
            if reviews == 1 { "" } else { "s" },
            if decisions == 1 { "" } else { "s" },
        ),
    }
}

fn list_due(
    log: &log::Log,
    cache: Option<&crate::log::record_cache::CacheFile>,
    today: chrono::NaiveDate,
    check: bool,
    format: ReportFormat,
) -> Result<u8> {
    let (mut heads, mut problems) = log.heads(cache);
    problems.extend(review::settle_due(&mut heads, today));
    logdir::report_read_problems(heads.iter().map(|h| (h.path, &h.problems[..])));
    let skipped = logdir::report_skipped(&problems);
    let due = review::due(&heads, today);
    let overdue = due.iter().filter(|r| r.review_overdue(today)).count();
    match format {
        ReportFormat::Json => crate::stdout::write(review::due_json(&due, today))?,
        ReportFormat::Github => crate::stdout::write(review::due_annotations(&due, today, check))?,
        ReportFormat::Text if !due.is_empty() => {
            crate::stdout::write(review::due_table(&due, today, log))?;
        }
        ReportFormat::Text => {}
    }
    if due.is_empty() {
        ui::note(&format!("No reviews due on {today}."));
        return Ok(skipped.finish());
    }
    if check && overdue > 0 {
        ui::error(&overdue_message(&due, today));
        return Ok(exit::FINDINGS);
    }
    Ok(skipped.finish())
}
