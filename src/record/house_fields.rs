//! Where a log writes a record's status and date, for a new record to write them there too:
//! in a table under the title (`| Status | Date | Author(s) |` over its rule and one row),
//! or as bold fields (`**Status**: proposed`). Learnt from the log's newest records, and
//! only when they agree; the templates' own places (`## Status`, `* Status:` bullets,
//! `Date:`) stay otherwise. A log whose records have no title heading (the title is the
//! file name's) gets none either.

use super::Record;
use super::parse::{StatusPlace, TitleFrom, is_table_rule, table_cells};

/// A metadata table as the log writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Table {
    /// The header's cells as written (`Author(s)`).
    names: Vec<String>,
    /// The rule's cells as written, for their colons (`:---------`).
    rule: Vec<String>,
    /// `| :--- |` rather than `|:---|`.
    spaced_rule: bool,
    /// The header, rule and row are padded to the same widths.
    aligned: bool,
}

/// Bold fields as the log writes them: each key with what stands before its value
/// (`**Status**: `), in the log's order.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Bold {
    keys: Vec<(String, String)>,
    /// A blank line between two fields.
    spaced: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    Table(Table),
    Bold(Bold),
}

/// How the log's newest records write their status and date, and their sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HouseFields {
    /// Where the status and date go; `None` where the template puts them (`## Status`).
    shape: Option<Shape>,
    /// The status as one record writes it, for its capitals and language.
    status_written: Option<String>,
    /// The records open with a title heading.
    heading: bool,
    /// How the records name their sections with bold labels instead of headings: what
    /// goes after the name (`:**` in `**Context:**`, `**:`, or `**`).
    label_end: Option<&'static str>,
}

impl HouseFields {
    /// How `records` (the log's newest, newest first, with their texts) write their status
    /// and their sections, each decided by most of them: a log of bold labels may keep a
    /// `## Status` heading in some records or all. `None` when most write both as the
    /// templates do, or no way has most of them.
    pub(crate) fn of(records: &[(Record, &str)]) -> Option<HouseFields> {
        let shapes: Vec<Option<Shape>> = records
            .iter()
            .map(|(record, text)| shape_of(record, text))
            .collect();
        let same_kind = |a: &Option<Shape>, b: &Option<Shape>| match (a, b) {
            (Some(Shape::Table(a)), Some(Shape::Table(b))) => a.names == b.names,
            (Some(Shape::Bold(_)), Some(Shape::Bold(_))) | (None, None) => true,
            _ => false,
        };
        let shape = most(&shapes, same_kind).cloned().flatten();
        let ends: Vec<Option<&'static str>> = records
            .iter()
            .map(|(record, text)| label_end(record, text))
            .collect();
        let label_end = most(&ends, |a, b| a == b).copied().flatten();
        if shape.is_none() && label_end.is_none() {
            return None;
        }
        let status_written = records
            .iter()
            .find_map(|(record, _)| record.status_written.clone());
        let heading = records
            .iter()
            .any(|(record, _)| record.title_from == TitleFrom::Heading);
        Some(HouseFields {
            shape,
            status_written,
            heading,
            label_end,
        })
    }

    /// `text` (a new record, read as `record`, its status not in front matter) with its
    /// status and date where the log writes them; the lines a template put them on (the
    /// metadata lines under the title, a `## Status` section) give way. A date to decide by
    /// or to review by, which the log has no place for, stays a `Decide-by:` or
    /// `Review-by:` line (in bold among bold fields), as decide reads it.
    pub(crate) fn over(&self, record: &Record, text: &str, decision_makers: &[String]) -> String {
        if record
            .statuses
            .iter()
            .any(|s| s.place == StatusPlace::FrontMatter)
        {
            return text.to_string();
        }
        let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let lines: Vec<&str> = text.lines().collect();
        let Some(shape) = &self.shape else {
            // The status stays where the template puts it; the sections become labels.
            let mut written = lines
                .iter()
                .map(|line| self.section_line(line))
                .collect::<Vec<_>>()
                .join(nl);
            if text.ends_with('\n') {
                written.push_str(nl);
            }
            return written;
        };
        let (block, carries_status, title_in_block) = self.block(shape, record, decision_makers);
        // The lines from the title to the first section are the template's metadata.
        let title = (record.title_line > 0).then(|| record.title_line - 1);
        let body_start = if record.front_matter_end > 0 {
            record.front_matter_end
        } else {
            0
        };
        let first_section = record
            .sections
            .iter()
            .next()
            .map_or(lines.len(), |s| s.line - 1);
        let mut out: Vec<String> = lines[..body_start].iter().map(|l| l.to_string()).collect();
        if let Some(title) = title
            && self.heading
            && !title_in_block
        {
            out.extend(lines[body_start..=title].iter().map(|l| l.to_string()));
            out.push(String::new());
        }
        out.extend(block);
        out.push(String::new());
        let mut skipping = false;
        for line in &lines[first_section..] {
            if line.starts_with('#') {
                // adr-tools' `## Status` section: the status is in the log's place now.
                skipping = carries_status
                    && line
                        .trim_start_matches('#')
                        .trim()
                        .eq_ignore_ascii_case("status");
            }
            if skipping {
                continue;
            }
            out.push(self.section_line(line));
        }
        let mut written = out.join(nl);
        if text.ends_with('\n') {
            written.push_str(nl);
        }
        written
    }

    /// A line of a new record as the log writes it: a section's heading as a bold label
    /// where its records have them, but for a status section, which keeps its heading.
    fn section_line(&self, line: &str) -> String {
        match (self.label_end, line.strip_prefix("## ")) {
            (Some(end), Some(name)) if !super::parse::names_section(name.trim(), "status") => {
                format!("**{}{end}", name.trim())
            }
            _ => line.to_string(),
        }
    }

    /// The lines that say `record`'s fields as the log does; whether they say its status,
    /// and its title.
    fn block(
        &self,
        shape: &Shape,
        record: &Record,
        decision_makers: &[String],
    ) -> (Vec<String>, bool, bool) {
        let status = record
            .status
            .as_deref()
            .map(|s| match &self.status_written {
                Some(written) => super::edit::status_as_written(s, written),
                None => s.to_string(),
            });
        let date = record.date.map(|d| d.to_string());
        // The dates decide keeps that the log has no place for: to decide a proposal by,
        // and to review a decision by.
        let dates: Vec<(&str, String)> = [
            ("Decide-by", record.decide_by),
            ("Review-by", record.review_by),
        ]
        .into_iter()
        .filter_map(|(label, date)| Some((label, date?.to_string())))
        .collect();
        let makers = decision_makers.join(", ");
        let value = |key: &str| -> Option<String> {
            match key {
                "status" => status.clone(),
                "date" | "created" | "decision date" => date.clone(),
                "author" | "authors" | "author(s)" | "deciders" | "decision-makers"
                | "decision makers" | "owner" | "owners"
                    if !makers.is_empty() =>
                {
                    Some(makers.clone())
                }
                "title" => Some(record.title.clone()),
                _ => None,
            }
        };
        let mut block: Vec<String> = Vec::new();
        let carries_status;
        let mut title_in_block = false;
        match shape {
            Shape::Table(table) => {
                let cells: Vec<String> = table
                    .names
                    .iter()
                    .map(|n| value(&key_of(n)).unwrap_or_default())
                    .collect();
                carries_status = table.names.iter().any(|n| key_of(n) == "status");
                block.extend(table.lines(&cells));
                if !dates.is_empty() {
                    block.push(String::new());
                }
                for (label, date) in &dates {
                    block.push(format!("{label}: {date}"));
                }
            }
            Shape::Bold(bold) => {
                carries_status = true;
                let mut fields: Vec<String> = bold
                    .keys
                    .iter()
                    .filter_map(|(key, prefix)| {
                        let value = value(key)?;
                        title_in_block |= key == "title";
                        Some(format!("{prefix}{value}"))
                    })
                    .collect();
                if let Some((_, prefix)) = bold.keys.first() {
                    let key = prefix.trim_start_matches('*');
                    let key = &key[..key.find(['*', ':']).unwrap_or(key.len())];
                    for (label, date) in &dates {
                        fields.push(format!("{}{date}", prefix.replacen(key, label, 1)));
                    }
                }
                for field in fields {
                    if bold.spaced && !block.is_empty() {
                        block.push(String::new());
                    }
                    block.push(field);
                }
            }
        }
        (block, carries_status, title_in_block)
    }
}

impl Table {
    /// The header, rule and one row of `cells`, written as the log writes its table.
    fn lines(&self, cells: &[String]) -> Vec<String> {
        use unicode_width::UnicodeWidthStr;
        let widths: Vec<usize> = self
            .names
            .iter()
            .zip(cells)
            .zip(&self.rule)
            .map(|((name, cell), rule)| {
                // A rule spans the cell's padding too, `|:---|` one space each side.
                let rule_width = if self.spaced_rule {
                    rule.len()
                } else {
                    rule.len().saturating_sub(2)
                };
                if self.aligned {
                    name.width().max(cell.width()).max(rule_width)
                } else {
                    0
                }
            })
            .collect();
        let pad = |text: &str, width: usize| {
            format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
        };
        let row = |texts: Vec<String>| format!("| {} |", texts.join(" | "));
        let header = row(self
            .names
            .iter()
            .zip(&widths)
            .map(|(n, w)| pad(n, *w))
            .collect());
        let rule_cells: Vec<String> = self
            .rule
            .iter()
            .zip(&widths)
            .map(|(rule, width)| {
                let left = rule.starts_with(':');
                let right = rule.ends_with(':') && rule.len() > 1;
                let inner = if self.spaced_rule { *width } else { width + 2 };
                let dashes = inner
                    .max(rule.len())
                    .saturating_sub(usize::from(left) + usize::from(right))
                    .max(1);
                format!(
                    "{}{}{}",
                    if left { ":" } else { "" },
                    "-".repeat(dashes),
                    if right { ":" } else { "" }
                )
            })
            .collect();
        let rule = if self.spaced_rule {
            row(rule_cells)
        } else {
            format!("|{}|", rule_cells.join("|"))
        };
        let values = row(cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect());
        vec![header, rule, values]
    }
}

/// A header cell's name as a key: `**Author(s)**` → `author(s)`.
fn key_of(name: &str) -> String {
    name.trim_matches('*').trim().to_lowercase()
}

/// How `record` (whose text is `text`) writes its status and date, when in a table or bold
/// fields.
fn shape_of(record: &Record, text: &str) -> Option<Shape> {
    let lines: Vec<&str> = text.lines().collect();
    let start = record.title_line.max(record.front_matter_end);
    let end = record
        .sections
        .iter()
        .next()
        .map_or(lines.len(), |s| s.line - 1);
    let metadata = lines.get(start..end.max(start))?;
    if let Some(at) = metadata
        .iter()
        .position(|l| l.trim_start().starts_with('|'))
    {
        let header = metadata[at].trim();
        let rule = metadata.get(at + 1)?.trim();
        let row = metadata.get(at + 2)?.trim();
        if !is_table_rule(rule) {
            return None;
        }
        let cells = |line: &str| -> Vec<String> {
            table_cells(line)
                .into_iter()
                .map(|c| line[c].to_string())
                .collect()
        };
        let names = cells(header);
        if !names
            .iter()
            .any(|n| matches!(key_of(n).as_str(), "status" | "date"))
        {
            return None;
        }
        let rule_cells = cells(rule);
        if rule_cells.len() != names.len() {
            return None;
        }
        return Some(Shape::Table(Table {
            names,
            rule: rule_cells,
            spaced_rule: rule.starts_with("| "),
            aligned: header.len() == rule.len() && rule.len() == row.len(),
        }));
    }
    // Bold fields: under the title, or the whole record (`**Title**:` opens it).
    let scan = if record.title_from == TitleFrom::Field {
        &lines[record.front_matter_end..]
    } else {
        metadata
    };
    let mut keys = Vec::new();
    let mut spaced = false;
    let mut last_field: Option<usize> = None;
    for (index, line) in scan.iter().enumerate() {
        let Some((key, prefix)) = bold_field(line) else {
            continue;
        };
        if let Some(last) = last_field {
            spaced |= index > last + 1;
        }
        last_field = Some(index);
        if matches!(key.as_str(), "status" | "date" | "title") {
            keys.push((key, prefix));
        }
    }
    keys.iter()
        .any(|(k, _)| k == "status")
        .then_some(Shape::Bold(Bold { keys, spaced }))
}

/// The item most of `items` are `same` as (the first such on a tie between two of most), when
/// more than half are: what the log's newest records agree on, for one thing they write.
fn most<T>(items: &[T], same: impl Fn(&T, &T) -> bool) -> Option<&T> {
    let count = |item: &T| items.iter().filter(|other| same(item, other)).count();
    let mut best: Option<(&T, usize)> = None;
    for item in items {
        let n = count(item);
        if best.is_none_or(|(_, most)| n > most) {
            best = Some((item, n));
        }
    }
    best.filter(|(_, n)| n * 2 > items.len())
        .map(|(item, _)| item)
}

/// How `record` (whose text is `text`) ends the bold labels that stand for its sections
/// (`:**` in `**Context:** …`, `**:` in `**Context**: …`, `**` in `**Context**`), when every
/// section is one but a status section, which some such logs keep as a heading.
fn label_end(record: &Record, text: &str) -> Option<&'static str> {
    let lines: Vec<&str> = text.lines().collect();
    let mut ends = record
        .sections
        .iter()
        .filter(|section| !super::parse::names_section(section.heading, "status"))
        .map(|section| {
            let after = lines
                .get(section.line.checked_sub(1)?)?
                .trim_start()
                .strip_prefix("**")?
                .strip_prefix(section.heading)?;
            [":**", "**:", "**"]
                .into_iter()
                .find(|end| after.starts_with(end))
        });
    let first = ends.next()??;
    ends.all(|end| end.is_some()).then_some(first)
}

/// `**Status**: accepted` or `**Status:** accepted` → (`status`, `**Status**: `).
fn bold_field(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("**")?;
    let close = rest.find("**")?;
    let inside = &rest[..close];
    let after = &rest[close + 2..];
    let (key, after_colon) = match (inside.strip_suffix(':'), after.strip_prefix(':')) {
        (Some(key), _) => (key, after),
        (None, Some(after)) => (inside, after),
        (None, None) => return None,
    };
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        return None;
    }
    let value = after_colon.trim_start();
    let prefix = &line[..line.len() - value.len()];
    Some((key.trim().to_lowercase(), prefix.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn record(name: &str, text: &str) -> Record {
        crate::record::parse(Path::new(name), text).unwrap()
    }

    fn learnt(texts: &[(&str, &str)]) -> Option<HouseFields> {
        let records: Vec<(Record, &str)> = texts
            .iter()
            .map(|(name, text)| (record(name, text), *text))
            .collect();
        HouseFields::of(&records)
    }

    const NYGARD_NEW: &str = "# 4. Pick a broker\n\nDate: 2026-11-26\nReview-by: 2027-02-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n";
    const MADR2_NEW: &str = "# Pick a broker\n\n- Status: accepted\n- Deciders: Ana\n- Date: 2026-11-26\n- Review-by: 2027-02-01\n\n## Context and Problem Statement\n\nWhy.\n";

    #[test]
    fn a_new_record_writes_its_fields_where_the_log_does() {
        let table = |status: &str, date: &str| {
            format!(
                "| Status   | Date       | Author(s) |\n|:---------|:-----------|:----------|\n| {status} | {date} | @kim      |\n\n## Context\n\nWhy.\n\n## Decision\n\nThis.\n"
            )
        };
        let a = table("Accepted", "2025-01-02");
        let b = table("Proposed", "2025-03-04");
        let bold = "**Title**: Keep the queue small.\n\n**Status**: proposed\n\n**Context**: Memory.\n\n**Decision**: Cap it.\n";
        let bold_older = "**Title**: Retry twice.\n\n**Status**: accepted\n\n**Context**: Flaky.\n";
        let makers = ["Ana Lima".to_string()];
        type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, Option<&'a str>);
        let cases: Vec<Case<'_>> = vec![
            // The table, padded as the log pads it, and no heading, as the log has none.
            (
                vec![("003-b.md", &b), ("002-a.md", &a)],
                NYGARD_NEW,
                Some(
                    "| Status   | Date       | Author(s) |\n|:---------|:-----------|:----------|\n| Accepted | 2026-11-26 | Ana Lima  |\n\nReview-by: 2027-02-01\n\n## Context\n\nWhy.\n",
                ),
            ),
            (
                vec![("0003-b.md", bold), ("0002-a.md", bold_older)],
                MADR2_NEW,
                Some(
                    // The sections as the log's bold labels.
                    "**Title**: Pick a broker\n\n**Status**: accepted\n\n**Review-by**: 2027-02-01\n\n**Context and Problem Statement**:\n\nWhy.\n",
                ),
            ),
            // A proposal's date to decide by goes where its review date would.
            (
                vec![("003-b.md", &b), ("002-a.md", &a)],
                "# 4. Pick a broker\n\nDate: 2026-11-26\nDecide-by: 2026-12-10\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n",
                Some(
                    "| Status   | Date       | Author(s) |\n|:---------|:-----------|:----------|\n| Proposed | 2026-11-26 | Ana Lima  |\n\nDecide-by: 2026-12-10\n\n## Context\n\nWhy.\n",
                ),
            ),
            (
                vec![("0003-b.md", bold), ("0002-a.md", bold_older)],
                "# Pick a broker\n\n- Status: proposed\n- Date: 2026-11-26\n- Decide-by: 2026-12-10\n\n## Context and Problem Statement\n\nWhy.\n",
                Some(
                    "**Title**: Pick a broker\n\n**Status**: proposed\n\n**Decide-by**: 2026-12-10\n\n**Context and Problem Statement**:\n\nWhy.\n",
                ),
            ),
            // Mixed: the current behaviour.
            (
                vec![("003-b.md", &b), ("0002-a.md", bold_older)],
                NYGARD_NEW,
                None,
            ),
            (
                vec![("0002-a.md", "# A\n\n* Status: accepted\n\n## Context\n")],
                MADR2_NEW,
                None,
            ),
        ];
        for (log, new, expected) in cases {
            let house = learnt(&log);
            match expected {
                None => assert_eq!(house, None, "{log:?}"),
                Some(expected) => {
                    let house = house.unwrap();
                    let record = record("0004-pick-a-broker.md", new);
                    let out = house.over(&record, new, &makers);
                    assert_eq!(out, expected);
                    let reread =
                        crate::record::parse(Path::new("0004-pick-a-broker.md"), &out).unwrap();
                    assert_eq!(reread.status, record.status, "{out}");
                    assert_eq!(reread.review_by, record.review_by, "{out}");
                    assert_eq!(reread.decide_by, record.decide_by, "{out}");
                }
            }
        }
    }

    /// Bold labels under a `## Status` heading, and under a bold status line: each of a new
    /// record's status and sections is written as most of the newest records write it.
    #[test]
    fn a_log_of_bold_labels_is_followed_by_what_most_records_do() {
        let heading = |status: &str| {
            format!(
                "# 0002-a\n\n## Status\n\n{status}\n\n**Context:**\nWhy.\n\n**Decision:**\nThis.\n"
            )
        };
        let bold = |status: &str| {
            format!(
                "# 0003-b\n\n**Status:** {status}\n\n**Context:**\nWhy.\n\n**Decision:** This.\n"
            )
        };
        let nygard = "# 1. C\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n";
        let (h1, h2, b1, b2) = (
            heading("Accepted"),
            heading("Proposed"),
            bold("Accepted"),
            bold("Proposed"),
        );
        let labelled_with_status_section = "# 4. Pick a broker\n\nDate: 2026-11-26\nReview-by: 2027-02-01\n\n## Status\n\nAccepted\n\n**Context:**\n\nWhy.\n";
        let all_bold = "**Status:** Accepted\n**Review-by:** 2027-02-01\n\n**Context:**\n\nWhy.\n";
        for (log, expected) in [
            // Most keep `## Status`: the status stays there, the sections are labels.
            (vec![&h1, &b1, &h2], Some(labelled_with_status_section)),
            // Most write a bold status line: so does the new record.
            (vec![&b1, &h1, &b2], Some(all_bold)),
            (vec![&h1, &b1, &b2], Some(all_bold)),
            // Two ways, one record each: no way is the log's.
            (vec![&b1, &h1], Some(labelled_with_status_section)),
            (vec![&b1, &nygard.to_string()], None),
            // adr-tools' headings in most: the template's own.
            (vec![&h1, &nygard.to_string(), &nygard.to_string()], None),
        ] {
            let texts: Vec<(&str, &str)> = log.iter().map(|t| ("0002-a.md", t.as_str())).collect();
            let house = learnt(&texts);
            let Some(expected) = expected else {
                assert_eq!(house, None, "{log:?}");
                continue;
            };
            let house = house.unwrap_or_else(|| panic!("{log:?}"));
            let record = record("0004-pick-a-broker.md", NYGARD_NEW);
            let out = house.over(&record, NYGARD_NEW, &[]);
            assert!(out.ends_with(expected), "{log:?}:\n{out}");
            let reread = crate::record::parse(Path::new("0004-pick-a-broker.md"), &out).unwrap();
            assert_eq!(reread.status.as_deref(), Some("accepted"), "{out}");
            assert!(reread.section("Context").is_some(), "{out}");
        }
    }

    #[test]
    fn a_table_beside_a_status_section_keeps_the_section() {
        let old = "# 0003. Split the team\n\n| Date | Tags |\n|---|---|\n| 2023-06-16 | people |\n\n## Status\n\nProposed\n\n## Context\n";
        let house = learnt(&[("0003-split-the-team.md", old)]).unwrap();
        let new = "# 0004. Pick a broker\n\nDate: 2026-11-26\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n";
        let out = house.over(&record("0004-pick-a-broker.md", new), new, &[]);
        assert_eq!(
            out,
            "# 0004. Pick a broker\n\n| Date | Tags |\n|---|---|\n| 2026-11-26 |  |\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
        );
    }
}
