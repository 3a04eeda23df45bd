//! `decide status N STATUS`: change the status where the record states it (front matter
//! and body both, when it has both), in the record's own style.

use super::{Env, logdir};
use crate::cli::StatusArgs;
use crate::error::{Error, Result, exit};
use crate::log;
use crate::record::{Record, accept, edit, finish};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &StatusArgs) -> Result<u8> {
    let log = logdir::open_for_record(env, &args.record)?;
    let path = log.resolve(&env.cwd, &args.record)?;
    let lock = store::lock_records(&[&path])?;
    let (record, text) = log::load(&path)?;
    let status = args.status.as_str();
    let everywhere = !record.statuses.is_empty()
        && record
            .statuses
            .iter()
            .all(|s| s.only_links || s.status.as_deref() == Some(status));
    if everywhere && record.status.as_deref() == Some(status) {
        ui::note(&format!("{} is already {status}", path.display()));
        return Ok(exit::OK);
    }
    // One of ours in an adr-tools log keeps our front matter as lines under its title:
    // what it waits for is read from it as from our own record, and it is accepted as one.
    let ours = crate::record::adr_tools::as_ours(&text)
        .map(|ours| crate::record::parse(&path, &ours))
        .transpose()?;
    let facts = ours.as_ref().unwrap_or(&record);
    if status == "accepted" && crate::record::finish::Proposal::is_open(facts) && !args.force {
        let decide_by = decide_by(facts)
            .map(|d| format!(" (it is to be decided by {})", crate::coach::units::iso(d)))
            .unwrap_or_default();
        return Err(Error::usage(format!(
            "{} is a proposal still under investigation{decide_by}: accepting it skips the open questions",
            path.display()
        ))
        .hint(format!(
            "run `decide review {}` to finish the decision, or add --force to accept it as it is",
            args.record
        )));
    }
    let chosen = chosen_option(facts, &path, args)?;
    let set_status = || -> Result<String> {
        let style = store::record_folder(&path)
            .map(log::house_style)
            .unwrap_or_default();
        let updated = edit::set_status_in(&text, &record, status, style)?;
        Ok(log::with_status_symbols(
            &path,
            updated,
            record.status.as_deref(),
            status,
        ))
    };
    // Accepting an open proposal makes it a decision everywhere in the record, not only in
    // its status line: the proposal becomes the choice, its open questions stay open.
    let updated = if status == "accepted" && crate::record::finish::Proposal::is_open(facts) {
        match &ours {
            Some(_) => crate::record::adr_tools::edited_as_ours(&path, &set_status()?, |r, t| {
                accept_as_is(env, r, t)
            })?,
            None => accept_as_is(env, &record, &text)?,
        }
    } else {
        let updated = set_status()?;
        // A proposal waiting for an answer is decided once it is accepted: from then on it
        // says so everywhere, and has a review date instead of a date to decide by.
        if status == "accepted" && facts.front_matter.contains_key("decide-by") {
            let review_by = review_date(env, facts);
            let answer = accept::Answer {
                today: env.today(),
                review_by: (
                    &crate::coach::units::iso(review_by),
                    &crate::coach::units::human_date(review_by, env.today()),
                ),
                chosen: chosen.as_deref(),
            };
            match &ours {
                Some(_) => crate::record::adr_tools::edited_as_ours(&path, &updated, |r, t| {
                    Ok(accept::accepted(t, r, &answer))
                })?,
                None => accept::accepted(&updated, &record, &answer),
            }
        } else {
            updated
        }
    };
    lock.replace(&path, updated.as_bytes())?;
    drop(lock);
    ui::success(&format!(
        "{}: {} → {status}",
        path.display(),
        record.status.as_deref().unwrap_or("no status")
    ));
    if let Some(mark) = dropped_mark(&record, &path, &updated, status) {
        ui::note(&format!(
            "the old status's mark `{mark}` is gone: the log writes it before {}, and no record of the log marks {status} (put the log's mark before it by hand if it has one)",
            record.status.as_deref().unwrap_or("the old status")
        ));
    }
    if status == "accepted" {
        crate::drive::supersede_on_acceptance(&path, &env.cwd)?;
    }
    if status == "superseded" && !names_a_successor(&record) {
        // What lint would say later, said while the successor is still in mind.
        ui::warning(&format!(
            "{} is superseded, but it does not say what replaced it (hint: `decide supersede {}` writes the successor and links both; `decide link NEW Supersedes {}` links one that exists)",
            path.display(),
            args.record,
            args.record
        ));
    }
    Ok(exit::OK)
}

/// The symbols (`✅`) that marked `record`'s status and that no status of `updated`, its
/// text after the edit to `status`, keeps: said aloud, since the log's mark for the new
/// status is unknown and the edit could not write one.
fn dropped_mark(
    record: &Record,
    path: &std::path::Path,
    updated: &str,
    status: &str,
) -> Option<String> {
    let marked = |written: &str| edit::status_symbols(written).trim().to_string();
    let old = record
        .statuses
        .iter()
        .filter(|s| s.status.is_some())
        .map(|s| marked(&s.written))
        .find(|mark| !mark.is_empty())?;
    let after = crate::record::parse(path, updated).ok()?;
    let kept = after
        .statuses
        .iter()
        .any(|s| s.status.as_deref() == Some(status) && !marked(&s.written).is_empty());
    (!kept).then_some(old)
}

/// The option `args` says was chosen, as `record` lists it, when the record offers a choice
/// and is accepted: the record must say which option it became.
fn chosen_option(
    record: &Record,
    path: &std::path::Path,
    args: &StatusArgs,
) -> Result<Option<String>> {
    let choosing = args.status.as_str() == "accepted" && accept::offers_a_choice(record);
    let sizing = record.section("Considered Options").is_some_and(|s| {
        s.body
            .lines()
            .any(|l| l.contains("Left out until it is checked"))
    });
    let mut options: Vec<String> = record
        .section("Considered Options")
        .map(|s| {
            s.body
                .lines()
                .filter_map(|l| l.strip_prefix("* ").or_else(|| l.strip_prefix("- ")))
                .map(|o| o.trim().to_string())
                // An option the record left out ("Left out: …") was never offered.
                .filter(|o| !o.starts_with("Left out"))
                .collect()
        })
        .unwrap_or_default();
    let listed = || {
        options
            .iter()
            .map(|o| format!("\"{o}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (&args.option, choosing) {
        (None, false) => Ok(None),
        (Some(_), false) => Err(Error::usage(format!(
            "--option names the option chosen when a record that offers a choice is accepted, and {} {}",
            path.display(),
            if accept::offers_a_choice(record) {
                "is not being accepted"
            } else {
                "offers no choice"
            }
        ))
        .hint(format!("run `decide status {} {}` without --option", args.record, args.status.as_str()))),
        // One option offered: accepting it is choosing it, unless another is still being
        // sized, which the requester has not seen yet.
        (None, true) if options.len() == 1 && !sizing => Ok(options.pop()),
        (None, true) => Err(Error::usage(format!(
            "{} offers a choice{}: say which option was chosen",
            path.display(),
            if sizing {
                ", and one more option was still being sized"
            } else {
                ""
            }
        ))
        .hint(format!(
            "add --option with its letter or the start of its name, e.g. `decide status {} accepted --option {}`; the options are {}",
            args.record,
            example(&options),
            listed()
        ))),
        (Some(given), true) => match accept::option_named(&options, given) {
            Some(option) => Ok(Some(option.to_string())),
            None => Err(Error::usage(format!(
                "--option {given:?} names none of the options of {} (or more than one)",
                path.display()
            ))
            .hint(format!(
                "give its letter or the start of its name; the options are {}",
                listed()
            ))),
        },
    }
}

/// How `--option` would name the last of `options`: its letter, else its first word.
fn example(options: &[String]) -> String {
    let last = options.last().map(String::as_str).unwrap_or("B");
    match last.split_once(". ") {
        Some((letter, _)) if letter.len() == 1 => letter.to_string(),
        _ => last.split_whitespace().next().unwrap_or("B").to_string(),
    }
}

/// Whether `record` links to or names the record that replaced it.
fn names_a_successor(record: &Record) -> bool {
    record
        .links
        .iter()
        .any(|l| l.kind.eq_ignore_ascii_case("Superseded by"))
        || record.successor_in_text
}

/// When a proposal accepted today is reviewed: after the review period of its door (a
/// two-way door's when it names none), on a working day.
fn review_date(env: &Env<'_>, record: &Record) -> chrono::NaiveDate {
    let settings = env.session_settings();
    let days = match record.door.as_deref() {
        Some("one-way") => settings.periods.one_way_days,
        Some("two-way") | None => settings.periods.two_way_days,
        Some(_) => settings.periods.one_way_days,
    };
    settings
        .calendar
        .on_or_after(crate::coach::units::add_days(env.today(), days))
}

/// The date a proposal is to be decided by: our front matter's `decide-by`, or the
/// `Decide-by:` line `nygard.md` writes under the title.
fn decide_by(record: &Record) -> Option<chrono::NaiveDate> {
    record
        .front_matter
        .get("decide-by")
        .and_then(|d| chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
        .or(record.decide_by)
}

/// `text` (read as `record`), an open proposal, accepted as it stands.
fn accept_as_is(env: &Env<'_>, record: &Record, text: &str) -> Result<String> {
    let proposal = finish::Proposal::from_record(record);
    let today = env.today();
    let review_by = review_date(env, record);
    // `nygard.md` keeps no coverage in a field: the proposal's own items give it.
    let coverage = record
        .front_matter
        .get("information-coverage")
        .and_then(|c| c.trim_end_matches('%').parse().ok())
        .or_else(|| proposal.coverage_then());
    let ending = finish::Ending::accepted_as_is(
        &proposal,
        coverage,
        today,
        (
            crate::coach::units::iso(review_by),
            crate::coach::units::human_date(review_by, today),
        ),
        decide_by(record).map(|d| crate::coach::units::human_date(d, today)),
    );
    let catalog = env.catalog()?;
    finish::apply(text, &proposal, &ending, &catalog.templates)
}
