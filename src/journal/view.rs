//! What `decide journal` shows: entries as a table or JSON, one entry by name, a search,
//! and the people the lead has one-on-ones with.

use chrono::NaiveDate;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::Entry;
use crate::coach::History;
use crate::coach::cadence::WEEK_DAYS;
use crate::coach::history::same_person;
use crate::error::{Error, Result};

/// The filters of `decide journal list`; all of them must hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filter {
    pub playbook: Option<String>,
    /// One-on-ones with this person only.
    pub person: Option<String>,
    pub since: Option<NaiveDate>,
}

impl Filter {
    pub(crate) fn keeps(&self, entry: &Entry) -> bool {
        let playbook_ok = self
            .playbook
            .as_ref()
            .is_none_or(|p| entry.head.playbook == *p);
        let person_ok = self.person.as_ref().is_none_or(|wanted| {
            person_of(entry).is_some_and(|person| same_person(person, wanted))
        });
        let since_ok = self.since.is_none_or(|since| entry.head.date >= since);
        playbook_ok && person_ok && since_ok
    }
}

/// Who a one-on-one entry is with.
fn person_of(entry: &Entry) -> Option<&str> {
    entry
        .head
        .kept(crate::coach::one_on_one::FRAMEWORK.name)?
        .get("person")?
        .as_str()
}

/// One entry as `--json` lists it.
#[derive(Debug, Serialize)]
struct Row<'a> {
    name: &'a str,
    playbook: &'a str,
    date: String,
    title: &'a str,
    headline: Option<&'a str>,
    path: String,
}

fn row(entry: &Entry) -> Row<'_> {
    Row {
        name: &entry.name,
        playbook: &entry.head.playbook,
        date: entry.head.date.to_string(),
        title: &entry.head.title,
        headline: entry.head.headline.as_deref(),
        path: entry.path.display().to_string(),
    }
}

pub(crate) fn json(entries: &[&Entry]) -> String {
    let rows: Vec<Row<'_>> = entries.iter().map(|e| row(e)).collect();
    pretty(&rows)
}

/// Date, playbook, name and headline, newest last.
pub(crate) fn list(entries: &[&Entry]) -> String {
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.head.date.to_string(),
                e.head.playbook.clone(),
                e.name.clone(),
                e.head
                    .headline
                    .clone()
                    .unwrap_or_else(|| e.head.title.clone()),
            ]
        })
        .collect();
    table(&["Date", "Playbook", "Entry", "Coach"], &rows)
}

/// One entry, named as `list` shows it, by its file, by a unique start of its name, or by
/// a playbook id (the latest entry of that playbook).
pub(crate) fn find<'e>(entries: &'e [Entry], wanted: &str) -> Result<&'e Entry> {
    let wanted = wanted.trim().trim_end_matches(".md");
    let exact = entries.iter().find(|e| {
        e.name == wanted
            || e.name.rsplit('/').next() == Some(wanted)
            || e.path == std::path::Path::new(wanted)
    });
    if let Some(entry) = exact {
        return Ok(entry);
    }
    if let Some(latest) = entries.iter().rfind(|e| e.head.playbook == wanted) {
        return Ok(latest);
    }
    let starting: Vec<&Entry> = entries
        .iter()
        .filter(|e| {
            e.name.starts_with(wanted)
                || e.name
                    .rsplit('/')
                    .next()
                    .is_some_and(|n| n.starts_with(wanted))
        })
        .collect();
    match starting.as_slice() {
        [one] => Ok(one),
        [] => Err(
            Error::usage(format!("there is no journal entry `{wanted}`"))
                .hint("`decide journal list` shows the entries"),
        ),
        many => Err(
            Error::usage(format!("`{wanted}` matches {} journal entries", many.len()))
                .hint("give more of the name; `decide journal list` shows them"),
        ),
    }
}

/// One entry with everything its front matter says, and its text.
pub(crate) fn show_json(entry: &Entry) -> String {
    pretty(&serde_json::json!({
        "name": entry.name,
        "path": entry.path.display().to_string(),
        "playbook": entry.head.playbook,
        "date": entry.head.date.to_string(),
        "title": entry.head.title,
        "headline": entry.head.headline,
        "review_by": entry.head.review_by.map(|d| d.to_string()),
        "verdicts": entry.head.verdicts,
        "data": entry.head.data,
        "text": entry.body,
    }))
}

/// The entries whose title, headline or text hold every word, ignoring case.
pub(crate) fn search<'e>(entries: &'e [Entry], words: &[String]) -> Vec<&'e Entry> {
    let words: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    entries
        .iter()
        .filter(|e| {
            let text = format!(
                "{}\n{}\n{}",
                e.head.title,
                e.head.headline.as_deref().unwrap_or_default(),
                e.body
            )
            .to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}

/// Someone the lead has one-on-ones with, as the journal knows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Person {
    pub person: String,
    pub one_on_ones: usize,
    pub last: NaiveDate,
    pub days_since: i64,
    /// More than a week since the last one.
    pub overdue: bool,
    /// The average days between one-on-ones; none with only one.
    pub average_gap_days: Option<f64>,
    pub open_follow_ups: Vec<String>,
}

/// Everyone in the journal's one-on-ones, the longest since the last one first.
pub(crate) fn people(history: &History, today: NaiveDate) -> Vec<Person> {
    let mut names: Vec<&str> = Vec::new();
    for meeting in &history.one_on_ones {
        if !names.iter().any(|n| same_person(n, &meeting.person)) {
            names.push(meeting.person.trim());
        }
    }
    let mut people: Vec<Person> = names
        .into_iter()
        .filter_map(|name| {
            let meetings = history.meetings_with(name, today);
            let last = meetings.last()?;
            let days_since = (today - last.date).num_days();
            let gaps = meetings.len().saturating_sub(1);
            let span = (last.date - meetings.first()?.date).num_days();
            Some(Person {
                person: last.person.trim().to_string(),
                one_on_ones: meetings.len(),
                last: last.date,
                days_since,
                overdue: days_since > WEEK_DAYS,
                average_gap_days: (gaps > 0)
                    .then(|| crate::coach::units::round1(span as f64 / gaps as f64)),
                open_follow_ups: last.open.clone(),
            })
        })
        .collect();
    people.sort_by(|a, b| {
        b.days_since
            .cmp(&a.days_since)
            .then(a.person.cmp(&b.person))
    });
    people
}

/// "today", "yesterday", "12 days ago".
pub(crate) fn ago(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n => format!("{n} days ago"),
    }
}

pub(crate) fn people_table(people: &[Person]) -> String {
    let rows: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            let since = ago(p.days_since);
            vec![
                p.person.clone(),
                format!(
                    "{} ({since}{})",
                    p.last,
                    if p.overdue { ", overdue" } else { "" }
                ),
                if p.open_follow_ups.is_empty() {
                    "none".to_string()
                } else {
                    crate::text::join_clauses(&p.open_follow_ups, "; ")
                },
            ]
        })
        .collect();
    table(&["Person", "Last one-on-one", "Open follow-ups"], &rows)
}

pub(crate) fn people_json(people: &[Person]) -> String {
    pretty(&people)
}

pub(crate) fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string());
    text.push('\n');
    text
}

/// A plain-text table, each column padded to its widest cell by display width (a CJK
/// character or an emoji takes two columns).
pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let mut out = String::new();
    let mut push = |cells: &[&str]| {
        let last = cells.len().saturating_sub(1);
        for (index, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if index < last {
                out.extend(std::iter::repeat_n(' ', widths[index] - cell.width() + 2));
            }
        }
        out.push('\n');
    };
    push(header);
    for row in rows {
        push(&row.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::history::Meeting;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn meeting(day: u32, person: &str, open: &[&str]) -> Meeting {
        Meeting {
            date: date(day),
            person: person.into(),
            open: open.iter().map(|o| o.to_string()).collect(),
            notes: None,
        }
    }

    #[test]
    fn each_person_with_the_last_one_on_one_and_what_is_open() {
        let history = History {
            one_on_ones: vec![
                meeting(5, "Sam", &["me: old"]),
                meeting(12, "Priya", &[]),
                meeting(19, "sam", &["me: book the course"]),
            ],
            weeks: Vec::new(),
        };
        let people = people(&history, date(26));
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].person, "Priya");
        assert!(people[0].overdue);
        assert_eq!(people[1].person, "sam");
        assert_eq!(people[1].one_on_ones, 2);
        assert_eq!(people[1].average_gap_days, Some(14.0));
        assert_eq!(people[1].open_follow_ups, ["me: book the course"]);
        assert!(!people[1].overdue);
        let table = people_table(&people);
        assert!(
            table.contains("2026-11-12 (14 days ago, overdue)"),
            "{table}"
        );
    }

    #[test]
    fn tables_pad_by_display_width() {
        let text = table(
            &["A", "B"],
            &[
                vec!["データ".into(), "x".into()],
                vec!["ab".into(), "y".into()],
            ],
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "データ  x");
        assert_eq!(lines[2], "ab      y");
    }
}
