//! Reading decision records in the three shapes teams keep them in:
//!
//! * ours: YAML front matter (`status`, `date`, `decision-makers`, `playbook`, `door`,
//!   `information-coverage`, `review-by`), `# Title`, MADR sections;
//! * MADR 2, 3 and 4: front matter, or the older `* Status: accepted` bullet list under the
//!   title, `Date:` and `Deciders:` bullets, and a `## Links` section;
//! * adr-tools' Nygard format: `# 1. Title`, `Date: 2016-02-12`, and a `## Status` section
//!   whose lines are a status (`Accepted`) or links (`Superceded by [3. Foo](0003-foo.md)`).
//!
//! Parsing is a single pass over the lines and never fails on content it does not know:
//! only a file with no `# Title`, or with broken front matter, is an error. [`parse_head`]
//! stops as soon as the metadata is known, so a listing of ten thousand records does not
//! read their bodies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Location, Result};
use crate::store;
use crate::yaml;

/// Heading of the section a review appends (`## Outcome (DATE)`); the reader takes the
/// review's date and next review from it.
pub(crate) const OUTCOME_HEADING: &str = "Outcome";

/// The shape a record was written in; edits keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Format {
    /// Written by `decide new`: front matter with `playbook`, `door` or `review-by`.
    Decide,
    /// MADR, with front matter or `* Status:` bullets.
    Madr,
    /// adr-tools: a `## Status` section.
    Nygard,
}

impl Format {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Decide => "decide",
            Format::Madr => "madr",
            Format::Nygard => "adr-tools",
        }
    }
}

/// A `##`-or-deeper heading and the text under it, up to the next heading of the same or a
/// higher level (so "Decision Outcome" includes its "Consequences").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Section {
    pub heading: String,
    /// 2 for `##`, 3 for `###`, …
    pub level: usize,
    /// The heading's line, counting from 1.
    pub line: usize,
    /// The text under the heading, without leading and trailing blank lines.
    pub body: String,
    /// The line `body` starts on (the heading's line when the body is empty).
    pub body_line: usize,
}

/// A typed link to another record: `Supersedes [2. Bar](0002-bar.md)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Link {
    /// "Supersedes", "Superseded by", "Amends", "Amended by", … (adr-tools' spelling
    /// "Supercedes"/"Superceded by" is read as the dictionary's).
    pub kind: String,
    /// The file the link points at, relative to the record's directory, as written.
    pub target: String,
    /// The line the link is on, counting from 1.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Record {
    pub path: PathBuf,
    /// From the file name (`0007-…`), else from a `# 7. Title` heading.
    pub number: Option<u32>,
    pub title: String,
    pub title_line: usize,
    /// Lower case, without link text: "accepted", "superseded".
    pub status: Option<String>,
    /// Where the status is written, for messages and edits.
    pub status_line: Option<usize>,
    pub date: Option<NaiveDate>,
    pub format: Format,
    /// The YAML front matter, scalars as text and lists joined with ", ".
    pub front_matter: BTreeMap<String, String>,
    /// `decision-makers` (ours, MADR 3/4) or `deciders` (MADR 2).
    pub decision_makers: Vec<String>,
    /// "one-way" or "two-way" (ours only).
    pub door: Option<String>,
    /// When the review is due: `review-by`, or the `Next review by:` of the latest outcome
    /// section. None once an outcome was written without a next review.
    pub review_by: Option<NaiveDate>,
    /// The date of the latest `## Outcome (YYYY-MM-DD)` section a review appended.
    pub reviewed: Option<NaiveDate>,
    pub sections: Vec<Section>,
    pub links: Vec<Link>,
    /// False when only the head was read ([`parse_head`]): sections and links after it
    /// are missing.
    pub complete: bool,
}

impl Record {
    /// The first section with this heading, ignoring case.
    pub(crate) fn section(&self, heading: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.heading.eq_ignore_ascii_case(heading))
    }

    /// The file name, for tables and messages.
    pub(crate) fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Whether a review is due on `today`.
    pub(crate) fn review_due(&self, today: NaiveDate) -> bool {
        self.review_by.is_some_and(|date| date <= today) && !self.is_closed()
    }

    /// Whether the review date has passed (a review due today is due, not overdue).
    pub(crate) fn review_overdue(&self, today: NaiveDate) -> bool {
        self.review_by.is_some_and(|date| date < today) && !self.is_closed()
    }

    /// Superseded, rejected and deprecated decisions are not reviewed any more.
    pub(crate) fn is_closed(&self) -> bool {
        matches!(
            self.status.as_deref(),
            Some("superseded" | "rejected" | "deprecated")
        )
    }
}

/// Parse a whole record.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Record> {
    match parse_text(path, text, Depth::Full, false)? {
        Parsed::Done(record) => Ok(*record),
        // Unreachable by construction: without truncation the parser always finishes.
        Parsed::NeedMore => Err(Error::record("the record ended unexpectedly").in_file(path)),
    }
}

/// What [`parse_head`] made of a prefix of a file.
#[derive(Debug)]
pub(crate) enum Parsed {
    /// Boxed: a record is large and `NeedMore` is nothing.
    Done(Box<Record>),
    /// The prefix ended before the metadata did: read the rest and try again.
    NeedMore,
}

/// Parse only the metadata: front matter, title, status and date. `truncated` says that
/// `text` is a prefix of the file; the parser then asks for more rather than guess.
pub(crate) fn parse_head(path: &Path, text: &str, truncated: bool) -> Result<Parsed> {
    parse_text(path, text, Depth::Head, truncated)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Depth {
    Head,
    Full,
}

/// Statuses `decide status` sets and `lint` accepts; adr-tools and MADR use the same words.
pub(crate) const KNOWN_STATUSES: &[&str] = &[
    "proposed",
    "accepted",
    "rejected",
    "deprecated",
    "superseded",
];

#[expect(
    clippy::too_many_lines,
    reason = "split with the restructuring (issue 13)"
)]
fn parse_text(path: &Path, text: &str, depth: Depth, truncated: bool) -> Result<Parsed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = split_lines(text);
    if truncated && !text.ends_with('\n') {
        // The prefix may end inside a line: "* Status: acce".
        lines.pop();
    }
    let mut record = Record {
        path: path.to_path_buf(),
        number: path
            .file_name()
            .and_then(|n| store::record_number(&n.to_string_lossy())),
        title: String::new(),
        title_line: 0,
        status: None,
        status_line: None,
        date: None,
        format: Format::Madr,
        front_matter: BTreeMap::new(),
        decision_makers: Vec::new(),
        door: None,
        review_by: None,
        reviewed: None,
        sections: Vec::new(),
        links: Vec::new(),
        complete: depth == Depth::Full,
    };

    let body_start = match front_matter(&lines) {
        FrontMatter::None => 0,
        FrontMatter::Unclosed if truncated => return Ok(Parsed::NeedMore),
        FrontMatter::Unclosed => {
            return Err(Error::record("the front matter is not closed")
                .at(Location::at(path, 1, 1))
                .hint("end it with a line `---`"));
        }
        FrontMatter::Closed { end } => {
            let yaml_text = join_lines(text, &lines[1..end]);
            record.front_matter = yaml::flat_mapping(yaml_text, path, 2)?;
            apply_front_matter(&mut record, &lines[1..end]);
            end + 1
        }
    };
    let has_front_matter = body_start > 0;
    record.format = if has_front_matter && is_ours(&record.front_matter) {
        Format::Decide
    } else {
        Format::Madr
    };

    let headings = scan_headings(&lines[body_start..]);
    let Some(title_index) = headings.iter().position(|h| h.level == 1) else {
        if truncated {
            return Ok(Parsed::NeedMore);
        }
        return Err(Error::record("no `# Title` heading")
            .in_file(path)
            .hint("a record starts with a level-1 heading naming the decision"));
    };
    let title = &headings[title_index];
    let (number, title_text) = split_numbered_title(&title.text);
    // A title is shown as its reader sees it: `\#1 pick` is "#1 pick".
    record.title = crate::markdown::unescape(title_text);
    record.title_line = lines[body_start + title.index].number;
    if record.number.is_none() {
        record.number = number;
    }

    // Bullets between the title and the first section: MADR 2's `* Status:` list and
    // adr-tools' `Date:` line.
    let first_section = headings[title_index + 1..]
        .iter()
        .find(|h| h.level >= 2)
        .map_or(lines.len() - body_start, |h| h.index);
    for line in &lines[body_start + title.index + 1..body_start + first_section] {
        apply_metadata_line(&mut record, line, has_front_matter);
    }
    if depth == Depth::Head && record.status.is_some() {
        return Ok(Parsed::Done(Box::new(finish_format(
            record,
            &lines,
            body_start,
            title,
            first_section,
            number,
        ))));
    }

    // Sections. In head mode stop at the first `##` after the status is known; the
    // status section itself is read whole because adr-tools keeps its links there.
    let mut stop = None;
    for (position, heading) in headings.iter().enumerate().skip(title_index + 1) {
        if heading.level < 2 {
            continue;
        }
        if depth == Depth::Head && record.status.is_some() {
            stop = Some(heading.index);
            break;
        }
        let end = headings[position + 1..]
            .iter()
            .find(|h| h.level <= heading.level)
            .map_or(lines.len() - body_start, |h| h.index);
        let body_lines = &lines[body_start + heading.index + 1..body_start + end];
        if end == lines.len() - body_start && truncated {
            // The section may go on past the prefix; it matters only if it is the one
            // holding the status.
            if record.status.is_none() && heading.text.eq_ignore_ascii_case("status") {
                return Ok(Parsed::NeedMore);
            }
        }
        if heading.text.eq_ignore_ascii_case("status") && record.status.is_none() {
            record.format = if has_front_matter {
                record.format
            } else {
                Format::Nygard
            };
            read_status_section(&mut record, body_lines);
        } else if heading.text.eq_ignore_ascii_case("links") {
            record
                .links
                .extend(body_lines.iter().filter_map(link_in_line));
        } else if let Some(date) = outcome_date(&heading.text) {
            // Each review appends an outcome; the latest one says when the next is due.
            if record.reviewed.is_none_or(|seen| seen <= date) {
                record.reviewed = Some(date);
                record.review_by = body_lines.iter().find_map(|l| {
                    let (key, value) = metadata_field(l.text)?;
                    (key == "next review by")
                        .then(|| parse_date(value))
                        .flatten()
                });
            }
        }
        let line = lines[body_start + heading.index].number;
        record.sections.push(Section {
            heading: heading.text.clone(),
            level: heading.level,
            line,
            body: join_body(text, body_lines),
            body_line: body_lines
                .iter()
                .find(|l| !l.text.trim().is_empty())
                .map_or(line, |l| l.number),
        });
    }
    if depth == Depth::Head && stop.is_none() && truncated {
        // No status yet and the prefix ran out: it may be further down.
        return Ok(Parsed::NeedMore);
    }
    Ok(Parsed::Done(Box::new(finish_format(
        record,
        &lines,
        body_start,
        title,
        first_section,
        number,
    ))))
}

/// A Nygard record without a status section is still recognisable by its numbered title
/// and no `* Status:` bullets.
fn finish_format(
    mut record: Record,
    lines: &[Line<'_>],
    body_start: usize,
    title: &Heading,
    first_section: usize,
    number: Option<u32>,
) -> Record {
    // A log-wide listing keeps ten thousand of these: give back what the vectors reserved.
    record.sections.shrink_to_fit();
    record.links.shrink_to_fit();
    let has_front_matter = body_start > 0;
    if !has_front_matter && record.format == Format::Madr && number.is_some() {
        let bullets = lines[body_start + title.index + 1..body_start + first_section]
            .iter()
            .any(|l| l.text.trim_start().starts_with(['*', '-']));
        if !bullets {
            record.format = Format::Nygard;
        }
    }
    record
}

/// `Outcome (2027-03-01)` → 2027-03-01.
/// What the end of a record says about reviews, for readers that skip the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LatestOutcome {
    /// No outcome section.
    None,
    /// The latest outcome's date and the next review it set, if any.
    Found(NaiveDate, Option<NaiveDate>),
    /// An outcome seems to start before this text: read the whole record.
    Unsure,
}

/// The latest `## Outcome (DATE)` section in `text` (the end of a record), read as the
/// full parser reads it: the latest date wins, and its `Next review by:` (or none) is the
/// next review.
pub(crate) fn latest_outcome(text: &str) -> LatestOutcome {
    let mut latest: Option<(NaiveDate, Option<NaiveDate>)> = None;
    let mut in_latest = false;
    let mut saw_outcome_fields = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            // Inside a code block a heading is text, and where the block began may lie
            // before `text` starts: only the whole record can tell.
            return LatestOutcome::Unsure;
        }
        if let Some(heading) = line.strip_prefix("## ") {
            in_latest = false;
            if let Some(date) = outcome_date(heading.trim())
                && latest.is_none_or(|(seen, _)| seen <= date)
            {
                latest = Some((date, None));
                in_latest = true;
            }
            continue;
        }
        if let Some((key, value)) = metadata_field(line) {
            if key == "next review by" || key == "what we learnt" {
                saw_outcome_fields = true;
            }
            if in_latest
                && key == "next review by"
                && let Some((_, next)) = latest.as_mut()
            {
                *next = parse_date(value);
            }
        }
    }
    match latest {
        Some((date, next)) => LatestOutcome::Found(date, next),
        None if saw_outcome_fields => LatestOutcome::Unsure,
        None => LatestOutcome::None,
    }
}

fn outcome_date(heading: &str) -> Option<NaiveDate> {
    let rest = heading.strip_prefix(OUTCOME_HEADING)?.trim();
    parse_date(rest.strip_prefix('(')?.strip_suffix(')')?)
}

/// Our front matter has keys MADR does not.
fn is_ours(front_matter: &BTreeMap<String, String>) -> bool {
    ["playbook", "door", "review-by", "information-coverage"]
        .iter()
        .any(|key| front_matter.contains_key(*key))
}

fn apply_front_matter(record: &mut Record, lines: &[Line<'_>]) {
    let fm = &record.front_matter;
    let date = fm.get("date").and_then(|d| parse_date(d));
    let review_by = fm.get("review-by").and_then(|d| parse_date(d));
    let door = fm.get("door").filter(|d| !d.is_empty()).cloned();
    let makers = fm
        .get("decision-makers")
        .or_else(|| fm.get("deciders"))
        .map(|m| split_names(m))
        .unwrap_or_default();
    let status = fm.get("status").cloned();
    (
        record.date,
        record.review_by,
        record.door,
        record.decision_makers,
    ) = (date, review_by, door, makers);
    if let Some(status) = status {
        let line = lines
            .iter()
            .find(|l| l.text.starts_with("status:"))
            .map(|l| l.number);
        set_status(record, &status, line.unwrap_or(2));
    }
}

/// `* Status: accepted`, `- Date: 2018-09-13`, `Deciders: Ana, Ben`, `Date: 2016-02-12`.
fn apply_metadata_line(record: &mut Record, line: &Line<'_>, has_front_matter: bool) {
    let Some((key, value)) = metadata_field(line.text) else {
        return;
    };
    match key.as_str() {
        "status" if !has_front_matter && record.status.is_none() => {
            set_status(record, value, line.number);
        }
        "date" if record.date.is_none() => record.date = parse_date(value),
        // `decide new --template nygard.md` writes `Review-by:` under `Date:`.
        "review-by" | "review by" if record.review_by.is_none() => {
            record.review_by = parse_date(value);
        }
        "deciders" | "decision-makers" if record.decision_makers.is_empty() => {
            record.decision_makers = split_names(value);
        }
        _ => {}
    }
}

/// A `key: value` line, optionally bulleted and with the key in bold.
fn metadata_field(text: &str) -> Option<(String, &str)> {
    let text = text.trim();
    let text = text
        .strip_prefix("* ")
        .or_else(|| text.strip_prefix("- "))
        .unwrap_or(text);
    let (key, value) = text.split_once(':')?;
    let key = key.trim().trim_matches('*').trim();
    if key.is_empty()
        || key.len() > 20
        || !key
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
    {
        return None;
    }
    let value = value.trim().trim_start_matches("**").trim();
    Some((key.to_lowercase(), value))
}

/// Record a status written as "Accepted", "superseded by [ADR-0005](0005-x.md)" or
/// "Superceded by [3. Foo](0003-foo.md)": the word(s) before any link, lower case, and
/// the link itself.
fn set_status(record: &mut Record, value: &str, line: usize) {
    if let Some(link) = parse_link(value, line) {
        record.status = Some(status_for_link(&link.kind));
        record.links.push(link);
    } else {
        let status = value.trim().trim_end_matches('.').trim().to_lowercase();
        record.status = (!status.is_empty()).then_some(status);
    }
    record.status_line = Some(line);
}

/// "Superseded by" makes a record superseded; other link kinds leave it as it was, and a
/// status written only as a link is most likely "accepted".
fn status_for_link(kind: &str) -> String {
    if kind.eq_ignore_ascii_case("superseded by") {
        "superseded".to_string()
    } else {
        kind.split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase()
    }
}

/// adr-tools' `## Status`: the first plain line is the status, link lines are links.
fn read_status_section(record: &mut Record, lines: &[Line<'_>]) {
    let mut status = None;
    for line in lines {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(link) = link_in_line(line) {
            record.links.push(link);
        } else if status.is_none() {
            let word = text
                .trim_start_matches(['*', '-', ' '])
                .trim_end_matches('.')
                .trim()
                .to_lowercase();
            status = Some((word, line.number));
        }
    }
    match status {
        Some((word, line)) => {
            record.status = Some(word);
            record.status_line = Some(line);
        }
        None => {
            let superseded = record
                .links
                .iter()
                .find(|l| l.kind == "Superseded by")
                .map(|l| l.line);
            if let Some(line) = superseded {
                record.status = Some("superseded".to_string());
                record.status_line = Some(line);
            }
        }
    }
}

fn link_in_line(line: &Line<'_>) -> Option<Link> {
    let text = line.text.trim();
    let text = text
        .strip_prefix("* ")
        .or_else(|| text.strip_prefix("- "))
        .unwrap_or(text);
    parse_link(text, line.number)
}

/// `Kind [text](target)`, where Kind is one to four words and target a relative path.
pub(crate) fn parse_link(text: &str, line: usize) -> Option<Link> {
    let open = text.find('[')?;
    let kind = text[..open].trim().trim_end_matches(':').trim();
    let words = kind.split_whitespace().count();
    if !(1..=4).contains(&words) || !kind.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return None;
    }
    let rest = &text[open..];
    let close = rest.find("](")?;
    let target_start = close + 2;
    let target_end = rest[target_start..].find(')')? + target_start;
    let target = rest[target_start..target_end].trim();
    if target.is_empty() || target.contains("://") || target.starts_with('#') {
        return None;
    }
    Some(Link {
        kind: normalise_kind(kind),
        target: target.to_string(),
        line,
    })
}

/// Capitalise the first letter and fix adr-tools' "supercede" spelling.
pub(crate) fn normalise_kind(kind: &str) -> String {
    let words: Vec<&str> = kind.split_whitespace().collect();
    let mut kind = words.join(" ").to_lowercase();
    for (wrong, right) in [("superceded", "superseded"), ("supercedes", "supersedes")] {
        if kind.starts_with(wrong) {
            kind = format!("{right}{}", &kind[wrong.len()..]);
        }
    }
    let mut chars = kind.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => kind,
    }
}

/// Link kinds and their reverses, as adr-tools and MADR write them.
const LINK_PAIRS: &[(&str, &str)] = &[
    ("Supersedes", "Superseded by"),
    ("Amends", "Amended by"),
    ("Clarifies", "Clarified by"),
    ("Extends", "Extended by"),
    ("Refines", "Refined by"),
    ("Depends on", "Required by"),
    ("Relates to", "Relates to"),
];

/// Whether `kind` is one side of a pair `decide` knows.
pub(crate) fn is_known_kind(kind: &str) -> bool {
    let kind = normalise_kind(kind);
    LINK_PAIRS
        .iter()
        .any(|(forward, backward)| kind == *forward || kind == *backward)
}

/// The link kind that answers `kind` in the other record: a known pair, else "X by" for
/// "X" and back. `decide link --reverse` names any other.
pub(crate) fn reverse_kind(kind: &str) -> String {
    let kind = normalise_kind(kind);
    for (forward, backward) in LINK_PAIRS {
        if kind == *forward {
            return backward.to_string();
        }
        if kind == *backward {
            return forward.to_string();
        }
    }
    match kind.strip_suffix(" by") {
        Some(forward) => forward.to_string(),
        None => format!("{kind} by"),
    }
}

/// `2016-02-12`, also when followed by a time or text.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let head = text.get(..10).unwrap_or(text);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

fn split_names(text: &str) -> Vec<String> {
    text.split(',')
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// `1. Record architecture decisions` → (1, "Record architecture decisions");
/// `ADR-0007: Use Kafka` → (7, "Use Kafka").
fn split_numbered_title(title: &str) -> (Option<u32>, &str) {
    let rest = title
        .strip_prefix("ADR")
        .map(|r| r.trim_start_matches(['-', ' ']))
        .unwrap_or(title);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return (None, title);
    }
    let after = &rest[digits..];
    let Some(stripped) = after
        .strip_prefix(['.', ':'])
        .filter(|s| s.starts_with(' '))
    else {
        return (None, title);
    };
    (rest[..digits].parse().ok(), stripped.trim())
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// Counting from 1.
    number: usize,
    text: &'a str,
    /// Byte offset of the line's start in the text.
    start: usize,
    /// Byte offset just past the line's end, including its newline.
    end: usize,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (index, piece) in text.split_inclusive('\n').enumerate() {
        let end = start + piece.len();
        let content = piece.strip_suffix('\n').unwrap_or(piece);
        let content = content.strip_suffix('\r').unwrap_or(content);
        lines.push(Line {
            number: index + 1,
            text: content,
            start,
            end,
        });
        start = end;
    }
    lines
}

fn join_lines<'a>(text: &'a str, lines: &[Line<'_>]) -> &'a str {
    match (lines.first(), lines.last()) {
        (Some(first), Some(last)) => &text[first.start..last.end],
        _ => "",
    }
}

fn join_body(text: &str, lines: &[Line<'_>]) -> String {
    let first = lines.iter().position(|l| !l.text.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.text.trim().is_empty());
    match (first, last) {
        (Some(first), Some(last)) => join_lines(text, &lines[first..=last])
            .trim_end()
            .to_string(),
        _ => String::new(),
    }
}

enum FrontMatter {
    None,
    Unclosed,
    /// `end` is the index of the closing `---` line.
    Closed {
        end: usize,
    },
}

fn front_matter(lines: &[Line<'_>]) -> FrontMatter {
    if lines.first().is_none_or(|l| l.text.trim_end() != "---") {
        return FrontMatter::None;
    }
    match lines[1..]
        .iter()
        .position(|l| matches!(l.text.trim_end(), "---" | "..."))
    {
        Some(index) => FrontMatter::Closed { end: index + 1 },
        None => FrontMatter::Unclosed,
    }
}

#[derive(Debug)]
struct Heading {
    /// Index into the lines given to [`scan_headings`].
    index: usize,
    level: usize,
    text: String,
}

/// ATX headings outside fenced code blocks.
fn scan_headings(lines: &[Line<'_>]) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut fence: Option<&str> = None;
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.text.trim_start();
        let marker = if trimmed.starts_with("```") {
            Some("```")
        } else if trimmed.starts_with("~~~") {
            Some("~~~")
        } else {
            None
        };
        match (fence, marker) {
            (None, Some(marker)) => {
                fence = Some(marker);
                continue;
            }
            (Some(open), Some(marker)) if open == marker => {
                fence = None;
                continue;
            }
            (Some(_), _) => continue,
            (None, None) => {}
        }
        if let Some((level, text)) = heading(line.text) {
            headings.push(Heading { index, level, text });
        }
    }
    headings
}

/// `## Status` → (2, "Status"). At most three spaces of indentation, as in CommonMark.
fn heading(line: &str) -> Option<(usize, String)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let level = rest.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let after = &rest[level..];
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let text = after.trim();
    // A closing sequence of `#`s is not part of the heading.
    let text = match text.trim_end_matches('#') {
        stripped if stripped.ends_with(' ') || stripped.is_empty() => stripped.trim_end(),
        _ => text,
    };
    Some((level, text.to_string()))
}

/// Byte offsets of each line's start, for edits that work line by line.
pub(crate) fn line_starts(text: &str) -> Vec<usize> {
    split_lines(text).iter().map(|l| l.start).collect()
}

#[cfg(test)]
mod tests;
