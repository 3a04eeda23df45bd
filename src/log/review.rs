//! Reviews: which decisions are due for a look back, or for finishing a proposal.

use chrono::NaiveDate;

use super::{Depth, read_record};
use crate::error::Error;
use crate::record::Record;

/// A head scan sees `review-by` but not the outcome sections appended at the end, which
/// may say the review happened or set the next one. Re-read in full the records whose head
/// says they are due, and those with no `review-by` at all (adr-tools and MADR records get
/// their review date only from an outcome). Records whose review lies ahead are skipped, so
/// in our own logs the re-read touches a few files.
pub(crate) fn settle_due(records: &mut [Record], today: NaiveDate) -> Vec<Error> {
    let pending: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.complete && (r.review_by.is_none() || r.review_due(today)))
        .map(|(index, _)| index)
        .collect();
    let paths: Vec<std::path::PathBuf> = pending.iter().map(|&i| records[i].path.clone()).collect();
    let results = super::for_each_file(&paths, |path| read_record(path, Depth::Full));
    let mut problems = Vec::new();
    for (index, result) in pending.into_iter().zip(results) {
        match result {
            // Keep the small head record; only the review dates were missing from it.
            Ok(full) => {
                records[index].review_by = full.review_by;
                records[index].reviewed = full.reviewed;
            }
            Err(error) => problems.push(error),
        }
    }
    problems
}

/// The records due for review on `today`, oldest review date first.
pub(crate) fn due(records: &[Record], today: NaiveDate) -> Vec<&Record> {
    let mut due: Vec<&Record> = records.iter().filter(|r| r.review_due(today)).collect();
    due.sort_by_key(|r| (r.review_by, r.number));
    due
}

/// One line per due record: `0007  2027-02-24  (12 days overdue)  Title`.
pub(crate) fn due_table(records: &[&Record], today: NaiveDate) -> String {
    let mut out = String::new();
    for record in records {
        let Some(review_by) = record.review_by else {
            continue;
        };
        let days = (today - review_by).num_days();
        let when = match days {
            0 => "due today".to_string(),
            1 => "1 day overdue".to_string(),
            n => format!("{n} days overdue"),
        };
        out.push_str(&format!(
            "{}  {review_by}  {when:<18}  {}\n",
            record.number.map_or("-".to_string(), |n| format!("{n:04}")),
            record.title
        ));
    }
    out
}

/// The due records as JSON: each with its file, dates and how late it is.
pub(crate) fn due_json(records: &[&Record], today: NaiveDate) -> String {
    let due: Vec<serde_json::Value> = records
        .iter()
        .filter_map(|record| {
            let review_by = record.review_by?;
            Some(serde_json::json!({
                "number": record.number,
                "title": record.title,
                "file": record.path.to_string_lossy(),
                "line": record.title_line,
                "review_by": review_by.to_string(),
                "days_overdue": (today - review_by).num_days(),
                "overdue": record.review_overdue(today),
            }))
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
pub(crate) fn due_annotations(records: &[&Record], today: NaiveDate, check: bool) -> String {
    use super::report::{Level, github};
    let mut out = String::new();
    for record in records {
        let Some(review_by) = record.review_by else {
            continue;
        };
        let days = (today - review_by).num_days();
        let (level, when) = match days {
            0 => (Level::Notice, "due today".to_string()),
            _ if check => (Level::Error, format!("overdue since {review_by}")),
            _ => (Level::Warning, format!("overdue since {review_by}")),
        };
        let command = record
            .number
            .map_or_else(|| record.file_name(), |n| n.to_string());
        out.push_str(&github(
            level,
            &record.path,
            Some(record.title_line),
            "decide review",
            &format!(
                "The review of \"{}\" is {when}: run `decide review {command}` to record how it turned out",
                record.title
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::record::parse;

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
        assert_eq!(
            due_table(&[&record], day("2027-02-26")),
            "0004  2027-02-24  2 days overdue      Use A\n"
        );
    }
}
