//! `decide list`: which records a filter keeps, and how they are shown (a table for people,
//! JSON for scripts).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Head, Log};
use crate::record::Listing;
use crate::record::parse::Due;

/// The filters of `decide list`; all of them must hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filter {
    pub status: Option<String>,
    pub door: Option<String>,
    pub since: Option<NaiveDate>,
    /// Keep only records whose review is due on this day.
    pub due_on: Option<NaiveDate>,
}

impl Filter {
    pub(crate) fn keeps(&self, record: &Head<'_>) -> bool {
        let status_ok = self.status.as_ref().is_none_or(|wanted| {
            record
                .status
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case(wanted.trim()))
        });
        let door_ok = self.door.as_ref().is_none_or(|wanted| {
            record
                .door
                .as_deref()
                .is_some_and(|d| d.eq_ignore_ascii_case(wanted))
        });
        let since_ok = self
            .since
            .is_none_or(|since| record.date.is_some_and(|date| date >= since));
        let due_ok = self.due_on.is_none_or(|today| record.review_due(today));
        status_ok && door_ok && since_ok && due_ok
    }
}

/// One record as `--json` prints it.
#[derive(Debug, Serialize)]
pub(crate) struct Row<'a> {
    pub number: Option<u32>,
    /// What to type to name it: `7`, `0007-typed-message-ids`, `sync/20210405-crdt`.
    pub address: String,
    pub title: &'a str,
    pub status: Option<&'a str>,
    /// `YYYY-MM-DD`, or `YYYY-MM` for a month.
    pub date: Option<String>,
    pub door: Option<&'a str>,
    pub review_by: Option<String>,
    /// A proposal's date to decide by, in place of a review date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decide_by: Option<String>,
    pub tags: &'a [std::borrow::Cow<'a, str>],
    pub path: String,
    pub format: &'static str,
}

pub(crate) fn row<'a>(record: &'a Head<'_>, log: &Log) -> Row<'a> {
    Row {
        number: record.number,
        address: log.address(record.path),
        title: &record.title,
        status: record.status.as_deref(),
        date: record.date_text(),
        door: record.door.as_deref(),
        review_by: record.review_by.map(crate::text::iso),
        decide_by: match record.due() {
            Some((Due::Decision, date)) => Some(crate::text::iso(date)),
            _ => None,
        },
        tags: &record.tags,
        path: record.path.display().to_string(),
        format: record.format.name(),
    }
}

pub(crate) fn json(records: &[&Head<'_>], log: &Log) -> String {
    use serde::Serializer;
    // One row at a time: ten thousand rows are never all in memory besides the text.
    let mut bytes = Vec::with_capacity(records.len() * 256 + 2);
    let mut serializer = serde_json::Serializer::pretty(&mut bytes);
    let written = serializer.collect_seq(records.iter().map(|r| row(r, log)));
    let mut text = match written {
        Ok(()) => String::from_utf8(bytes).unwrap_or_else(|_| "[]".to_string()),
        Err(_) => "[]".to_string(),
    };
    text.push('\n');
    text
}

/// A plain-text table: number (or file name where numbers do not name records), title,
/// status, date, door, and the date it is due by (its review date, or a proposal's
/// decide-by date, marked so). A missing value shows as `-`.
pub(crate) fn table(records: &[&Head<'_>], log: &Log) -> String {
    use std::borrow::Cow;
    fn dash<'a>() -> Cow<'a, str> {
        Cow::Borrowed("-")
    }
    fn text<'a>(value: &'a Option<Cow<'_, str>>) -> Cow<'a, str> {
        value.as_deref().map_or_else(dash, Cow::Borrowed)
    }
    crate::table::render_with(
        ["#", "Title", "Status", "Date", "Door", "Due by"],
        records.len(),
        |index| {
            let r = records[index];
            [
                Cow::Owned(log.shown_address(r)),
                Cow::Borrowed(&*r.title),
                text(&r.status),
                r.date_text().map_or_else(dash, Cow::Owned),
                text(&r.door),
                match r.due() {
                    Some((Due::Review, d)) => Cow::Owned(crate::text::iso(d)),
                    // A proposal's date is when it is decided, not reviewed.
                    Some((Due::Decision, d)) => {
                        Cow::Owned(format!("{} (decide)", crate::text::iso(d)))
                    }
                    None => dash(),
                },
            ]
        },
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::record::parse;

    fn record(front_matter: &str) -> Head<'static> {
        let path = Path::new("0003-t.md");
        Head::of(
            parse(path, &format!("---\n{front_matter}---\n# Use X\n")).unwrap(),
            path,
        )
    }

    fn log() -> Log {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("0003-t.md"), "# Use X\n").unwrap();
        Log::open(dir.path(), &[], false, dir.path()).unwrap()
    }

    #[test]
    fn filters() {
        let r =
            record("status: accepted\ndate: 2026-01-10\ndoor: two-way\nreview-by: 2026-02-01\n");
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let cases = [
            (Filter::default(), true),
            (
                Filter {
                    status: Some("Accepted".into()),
                    ..Filter::default()
                },
                true,
            ),
            (
                Filter {
                    status: Some("proposed".into()),
                    ..Filter::default()
                },
                false,
            ),
            (
                Filter {
                    door: Some("two-way".into()),
                    ..Filter::default()
                },
                true,
            ),
            (
                Filter {
                    door: Some("one-way".into()),
                    ..Filter::default()
                },
                false,
            ),
            (
                Filter {
                    since: day("2026-01-10"),
                    ..Filter::default()
                },
                true,
            ),
            (
                Filter {
                    since: day("2026-01-11"),
                    ..Filter::default()
                },
                false,
            ),
            (
                Filter {
                    due_on: day("2026-02-01"),
                    ..Filter::default()
                },
                true,
            ),
            (
                Filter {
                    due_on: day("2026-01-31"),
                    ..Filter::default()
                },
                false,
            ),
        ];
        for (filter, expected) in cases {
            assert_eq!(filter.keeps(&r), expected, "{filter:?}");
        }
        let superseded = record("status: superseded\nreview-by: 2026-02-01\n");
        assert!(
            !Filter {
                due_on: day("2027-01-01"),
                ..Filter::default()
            }
            .keeps(&superseded)
        );
    }

    #[test]
    fn table_columns_line_up() {
        let a =
            record("status: accepted\ndate: 2026-01-10\ndoor: two-way\nreview-by: 2026-02-01\n");
        let b = record("status: proposed\n");
        // A proposal's date is the one it is to be decided by, and says so.
        let c = record("status: proposed\ndecide-by: 2026-01-20\n");
        let out = table(&[&a, &b, &c], &log());
        assert_eq!(
            out,
            "#     Title  Status    Date        Door     Due by\n\
             0003  Use X  accepted  2026-01-10  two-way  2026-02-01\n\
             0003  Use X  proposed  -           -        -\n\
             0003  Use X  proposed  -           -        2026-01-20 (decide)\n"
        );
    }

    #[test]
    fn json_has_one_object_per_record() {
        let a = record("status: accepted\ndate: 2026-01-10\n");
        let parsed: serde_json::Value = serde_json::from_str(&json(&[&a], &log())).unwrap();
        assert_eq!(parsed[0]["number"], 3);
        assert_eq!(parsed[0]["address"], "3");
        assert_eq!(parsed[0]["status"], "accepted");
        assert_eq!(parsed[0]["date"], "2026-01-10");
        assert_eq!(parsed[0]["format"], "madr");
        assert!(parsed[0]["review_by"].is_null());
    }
}
