//! Reviews: which decisions are due for a look back, or for finishing a proposal.

use chrono::NaiveDate;

use super::Head;
use super::{Depth, read_record};
use crate::error::Error;
use crate::record::Listing;
use crate::record::parse::Due;

/// A head scan reads the outcome sections appended at a record's end only as far as its
/// tail read reaches (all of a short record). Re-read in full the records whose end was not
/// all read and whose head says they are due, or has no `review-by` at all (adr-tools and
/// MADR records get their review date only from an outcome). Most records are read whole
/// by the head scan, so the re-read touches a few files, or none.
pub(crate) fn settle_due(records: &mut [Head<'_>], today: NaiveDate) -> Vec<Error> {
    let pending: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.reviews_settled && (r.due_by().is_none() || r.review_due(today)))
        .map(|(index, _)| index)
        .collect();
    let paths: Vec<&std::path::Path> = pending.iter().map(|&i| records[i].path).collect();
    // Each thread keeps only the two dates, not the whole record it read.
    let results = crate::parallel::map(&paths, |path| {
        read_record(path, Depth::Full)
            .map(|full| (full.review_by, full.reviewed))
            .map_err(Box::new)
    });
    let mut problems = Vec::new();
    for (index, result) in pending.into_iter().zip(results) {
        match result {
            // Keep the small head record; only the review dates were missing from it.
            Ok((review_by, reviewed)) => {
                records[index].review_by = review_by;
                records[index].reviewed = reviewed;
            }
            Err(error) => problems.push(*error),
        }
    }
    problems
}

/// The records due for review on `today`, oldest review date first.
pub(crate) fn due<'a, R: Listing>(
    records: impl IntoIterator<Item = &'a R>,
    today: NaiveDate,
) -> Vec<&'a R> {
    let mut due: Vec<&R> = records
        .into_iter()
        .filter(|r| r.review_due(today))
        .collect();
    due.sort_by_key(|r| (r.due_by(), r.number()));
    due
}

/// How late a review due by `review_by` is on `today`: "due today", "3 days overdue".
pub(crate) fn overdue(review_by: NaiveDate, today: NaiveDate) -> String {
    match (today - review_by).num_days() {
        0 => "due today".to_string(),
        1 => "1 day overdue".to_string(),
        n => format!("{n} days overdue"),
    }
}

/// How late what `due` waits for is on `today`: a review as [`overdue`] says it; a
/// decision of a proposal named as one ("decision due today", "decision 3 days overdue"),
/// so its decide-by date is never shown as a review date.
pub(crate) fn how_late(due: Due, date: NaiveDate, today: NaiveDate) -> String {
    match due {
        Due::Review => overdue(date, today),
        Due::Decision => format!("decision {}", overdue(date, today)),
    }
}

/// One line per due record: `0007  2027-02-24  12 days overdue  Title`, columns aligned
/// by display width.
pub(crate) fn due_table<R: Listing>(records: &[&R], today: NaiveDate, log: &super::Log) -> String {
    let mut rows: Vec<[String; 4]> = Vec::with_capacity(records.len());
    for record in records {
        let Some((due, date)) = record.due() else {
            continue;
        };
        let when = how_late(due, date, today);
        rows.push([
            log.shown_address(*record),
            date.to_string(),
            format!("{when:<18}"),
            record.title().to_string(),
        ]);
    }
    crate::table::render(&rows)
}

/// The due records as JSON: each with its file, dates and how late it is.
pub(crate) fn due_json<R: Listing>(records: &[&R], today: NaiveDate) -> String {
    let due: Vec<serde_json::Value> = records
        .iter()
        .filter_map(|record| {
            let (due, date) = record.due()?;
            let key = match due {
                Due::Review => "review_by",
                Due::Decision => "decide_by",
            };
            let mut item = serde_json::json!({
                "number": record.number(),
                "title": record.title(),
                "file": record.path().to_string_lossy(),
                "line": record.title_line(),
                "days_overdue": (today - date).num_days(),
                "overdue": record.review_overdue(today),
            });
            item[key] = serde_json::json!(date.to_string());
            Some(item)
        })
        .collect();
    let overdue = records.iter().filter(|r| r.review_overdue(today)).count();
    let value = serde_json::json!({ "today": today.to_string(), "overdue": overdue, "due": due });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// The due records as GitHub annotations on their titles: an overdue review is an error
/// when `check` makes it fail the job, else a warning; one due today is a notice.
pub(crate) fn due_annotations<R: Listing>(records: &[&R], today: NaiveDate, check: bool) -> String {
    use super::report::{Level, github};
    let mut out = String::new();
    for record in records {
        let Some((due, date)) = record.due() else {
            continue;
        };
        let days = (today - date).num_days();
        let (level, when) = match days {
            0 => (Level::Notice, "due today".to_string()),
            _ if check => (Level::Error, format!("overdue since {date}")),
            _ => (Level::Warning, format!("overdue since {date}")),
        };
        let command = record.number().map_or_else(
            || crate::store::record_name(record.path()).into_owned(),
            |n| n.to_string(),
        );
        let message = match due {
            Due::Review => format!(
                "The review of \"{}\" is {when}: run `decide review {command}` to record how it turned out",
                record.title()
            ),
            Due::Decision => format!(
                "The decision on \"{}\" is {when}: once it is made, record it (`decide review {command}` finishes an investigation; `decide status {command} accepted` or `rejected` records an answer)",
                record.title()
            ),
        };
        out.push_str(&github(
            level,
            record.path(),
            Some(record.title_line()),
            "decide review",
            &message,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::record::{Record, parse};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn due_means_review_date_reached_and_no_outcome_since() {
        let head = "---\nstatus: accepted\nreview-by: 2027-02-24\n---\n# A\n";
        let cases = [
            (head.to_string(), "2027-02-23", false),
            (head.to_string(), "2027-02-24", true),
            (
                format!("{head}\n## Outcome (2027-02-25)\n\n* What happened: x\n"),
                "2027-06-01",
                false,
            ),
            (
                format!("{head}\n## Outcome (2027-02-25)\n\n* Next review by: 2027-05-01\n"),
                "2027-05-01",
                true,
            ),
            (head.replace("accepted", "superseded"), "2028-01-01", false),
        ];
        for (text, today, expected) in cases {
            let record = parse(Path::new("0001-a.md"), &text).unwrap();
            assert_eq!(record.review_due(day(today)), expected, "{today}: {text}");
        }
    }

    #[test]
    fn due_lines_say_how_late() {
        let record = parse(
            Path::new("0004-a.md"),
            "---\nstatus: accepted\nreview-by: 2027-02-24\n---\n# Use A\n",
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("0004-a.md"), "# Use A\n").unwrap();
        let log = super::super::Log::open(dir.path(), &[], false, dir.path()).unwrap();
        assert_eq!(
            due_table::<Record>(&[&record], day("2027-02-26"), &log),
            "0004  2027-02-24  2 days overdue      Use A\n"
        );
    }
}
