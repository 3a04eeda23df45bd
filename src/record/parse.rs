//! Reading decision records in the shapes teams keep them in:
//!
//! * ours: YAML front matter (`status`, `date`, `decision-makers`, `playbook`, `door`,
//!   `information-coverage`, `review-by`), `# Title`, MADR sections;
//! * MADR 2, 3 and 4 and log4brains: front matter, or `* Status: accepted` bullets under
//!   the title, `Date:` and `Deciders:` bullets, and a `## Links` section;
//! * adr-tools' Nygard format: `# 1. Title`, `Date: 2016-02-12`, and a `## Status` section
//!   whose lines are a status (`Accepted`) or links (`Superceded by [3. Foo](0003-foo.md)`),
//!   also under front matter of its own.
//!
//! The format follows the body: front matter over a Nygard body is a Nygard record. Parsing
//! is a single pass over the lines and never gives up on content it does not know: front
//! matter that is not a mapping, a missing heading, a date with no day are [`Problem`]s of
//! the record, which is still read. Only a file with nothing a record has is an error.
//! [`parse_head`] stops as soon as the metadata is known, so a listing of ten thousand
//! records does not read their bodies.

mod fields;
mod front_matter;
mod links;
mod title;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::sections::{Section, Sections};
use crate::error::{Error, Result};
use crate::flat_map::FlatMap;
use crate::store;

pub(crate) use fields::{
    DateText, NO_LONGER_IN_FORCE, field as field_line, in_language_of, is_table_rule,
    no_longer_in_force, parse_date, read_date, status_of_kind, status_span, table_cells,
    without_symbols,
};
pub(crate) use front_matter::Key;
pub(crate) use links::{
    Link, Place, Target, body_links, definition_spans, escape_label, is_known_kind, is_valid_kind,
    leads_with_known_kind as is_known_kind_link, link_spans, normalise_kind, parse_link,
    parse_status_link, reverse_kind, target_file, without_by,
};
pub(crate) use title::{
    HeadingNumber, HeadingStyle, LabelStyle, is_file_slug, numbered as numbered_heading,
};

/// Heading of the section a review appends (`## Outcome (DATE)`); the reader takes the
/// review's date and next review from it.
pub(crate) const OUTCOME_HEADING: &str = "Outcome";

/// The shape a record's body was written in; edits keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Format {
    /// Written by `decide new`: front matter with `playbook`, `door` or `review-by`.
    Decide,
    /// MADR (and log4brains), with front matter or `* Status:` bullets.
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

/// Where a status is written in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum StatusPlace {
    /// `status:` in the front matter.
    FrontMatter,
    /// A `* Status: accepted` line under the title.
    Bullet,
    /// A line under a `## Status` heading.
    Section,
}

/// One place a record states its status, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct StatusField {
    pub place: StatusPlace,
    /// Counting from 1.
    pub line: usize,
    /// Where the value is on that line, in bytes (for the front matter, as the scan of its
    /// keys found it).
    pub value: std::ops::Range<usize>,
    /// The value as it stands in the file.
    pub written: String,
    /// What it means, lower case; `None` for an empty value or a template's placeholder.
    pub status: Option<String>,
    /// `Superceded by …` alone, with no status word: the line is a link.
    pub only_links: bool,
}

/// Something in a record that a reader works around and `lint` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Problem {
    pub kind: ProblemKind,
    /// Counting from 1.
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ProblemKind {
    FrontMatterNotAMapping,
    FrontMatterInvalid,
    FrontMatterUnclosed,
    DuplicateKey,
    NoTitleHeading,
    InvalidDate,
    UnfilledPlaceholder,
    StatusHeadingLevel,
    PlaceholderNumber,
    TitleNumberMismatch,
    MisspeltStatus,
}

impl ProblemKind {
    pub(crate) const ALL: [ProblemKind; 11] = [
        ProblemKind::FrontMatterNotAMapping,
        ProblemKind::FrontMatterInvalid,
        ProblemKind::FrontMatterUnclosed,
        ProblemKind::DuplicateKey,
        ProblemKind::NoTitleHeading,
        ProblemKind::InvalidDate,
        ProblemKind::UnfilledPlaceholder,
        ProblemKind::StatusHeadingLevel,
        ProblemKind::PlaceholderNumber,
        ProblemKind::TitleNumberMismatch,
        ProblemKind::MisspeltStatus,
    ];

    /// The name `lint` shows and a team can look up.
    pub(crate) fn id(self) -> &'static str {
        match self {
            ProblemKind::FrontMatterNotAMapping => "front-matter-not-a-mapping",
            ProblemKind::FrontMatterInvalid => "front-matter-invalid",
            ProblemKind::FrontMatterUnclosed => "front-matter-unclosed",
            ProblemKind::DuplicateKey => "duplicate-key",
            ProblemKind::NoTitleHeading => "no-title-heading",
            ProblemKind::InvalidDate => "invalid-date",
            ProblemKind::UnfilledPlaceholder => "unfilled-placeholder",
            ProblemKind::StatusHeadingLevel => "status-heading-level",
            ProblemKind::PlaceholderNumber => "placeholder-number",
            ProblemKind::TitleNumberMismatch => "title-number-mismatch",
            ProblemKind::MisspeltStatus => "misspelt-status",
        }
    }

    /// Problems every command mentions while reading, because part of the record was read
    /// by a guess (the rest are for `lint`).
    pub(crate) fn shown_when_reading(self) -> bool {
        matches!(
            self,
            ProblemKind::FrontMatterNotAMapping
                | ProblemKind::FrontMatterInvalid
                | ProblemKind::FrontMatterUnclosed
                | ProblemKind::DuplicateKey
        )
    }
}

/// What a record is due for: a decision (it is proposed, with a date to decide by) or a
/// review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Due {
    Decision,
    Review,
}

/// Where the title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum TitleFrom {
    Heading,
    FrontMatter,
    /// A `Title:` line under no title heading (`**Title**: Retry uploads`).
    Field,
    FileName,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub path: PathBuf,
    /// From the file name (`0007-…`), else from a `# 7. Title` heading; `None` in a log
    /// named by date (`20210310-…`).
    pub number: Option<u32>,
    /// The date a log4brains file name starts with (`20210310-…`).
    pub file_date: Option<NaiveDate>,
    /// Plain text: number, status stamp and Markdown escapes removed.
    pub title: String,
    /// The heading's line; 0 when the title comes from the front matter or the file name.
    pub title_line: usize,
    pub title_from: TitleFrom,
    /// What the heading said about the number (`# 4.` in file 0005, `# n.`).
    pub heading_number: HeadingNumber,
    /// Lower case, without link text or commentary: "accepted", "superseded", "on hold".
    /// The front matter's when it has one, else the body's.
    pub status: Option<String>,
    /// The line of the status in force.
    pub status_line: Option<usize>,
    /// The status in force as written: "Superceded by [5. X](0005-x.md)", "Accepted.".
    pub status_written: Option<String>,
    /// Every place a status is written: front matter and body may both say one.
    pub statuses: Vec<StatusField>,
    pub date: Option<NaiveDate>,
    /// The date names a month (`2019-02`), not a day.
    pub month_only: bool,
    pub format: Format,
    /// The YAML front matter, scalars as text and lists joined with ", ".
    pub front_matter: FlatMap,
    /// Where each top-level front matter key is written: a whole record's parse only
    /// ([`parse`]), which edits read.
    pub front_matter_keys: Vec<Key>,
    /// The front matter's closing `---` line; 0 without front matter.
    pub front_matter_end: usize,
    /// `decision-makers` (ours, MADR 3/4) or `deciders` (MADR 2).
    pub decision_makers: Vec<String>,
    /// `tags:` in the front matter, or a `Tags:` line.
    pub tags: Vec<String>,
    /// "one-way" or "two-way" (ours only).
    pub door: Option<String>,
    /// When the review is due: `review-by`, or the `Next review by:` of the latest outcome
    /// section. None once an outcome was written without a next review.
    pub review_by: Option<NaiveDate>,
    /// For a record waiting for a decision: `decide-by`, the date it must be decided by.
    /// Such a record has no review date of its own.
    pub decide_by: Option<NaiveDate>,
    /// The date of the latest `## Outcome (YYYY-MM-DD)` section a review appended.
    pub reviewed: Option<NaiveDate>,
    pub sections: Sections,
    /// Typed links: in the status, the front matter's status, a `## Links` section.
    pub links: Vec<Link>,
    /// Plain links to other Markdown files in the running text.
    pub mentions: Vec<Link>,
    /// Whether the running text names what superseded the record: a link on a line that
    /// says "superseded" before it ("these ranges are superseded by [ADR 8](0008-x.md)").
    pub successor_in_text: bool,
    pub problems: Vec<Problem>,
    /// False when only the head was read ([`parse_head`]): sections and links after it
    /// are missing.
    pub complete: bool,
    /// `review_by` and `reviewed` are what the whole record says, though only its head
    /// may have been parsed (the reader looked at its end for outcomes).
    pub reviews_settled: bool,
}

crate::record::listing::listing_by_fields!(Record);

impl Record {
    /// The first section with this heading, ignoring case; else the first whose heading
    /// names it with more after the name ([`names_section`]: `## Decision: two datasets`).
    pub(crate) fn section(&self, heading: &str) -> Option<Section<'_>> {
        // The heading as written first: lint asks each record for its sections, and a
        // comparison of lengths settles most headings.
        self.sections
            .iter()
            .find(|s| s.heading.eq_ignore_ascii_case(heading))
            .or_else(|| {
                self.sections
                    .iter()
                    .find(|s| names_section(s.heading, heading))
            })
    }

    /// The file name, for tables and messages.
    pub(crate) fn file_name(&self) -> String {
        store::record_name(&self.path).into_owned()
    }

    /// The file name without `.md`: how a record is named where numbers do not do.
    pub(crate) fn stem(&self) -> String {
        let name = self.file_name();
        store::without_extension(&name).to_string()
    }

    /// The status written in the front matter and the one in the body, when they differ.
    pub(crate) fn disagreement(&self) -> Option<(&StatusField, &StatusField)> {
        let front = self
            .statuses
            .iter()
            .find(|s| s.place == StatusPlace::FrontMatter && s.status.is_some())?;
        let body = self
            .statuses
            .iter()
            .find(|s| s.place != StatusPlace::FrontMatter && s.status.is_some())?;
        (front.status != body.status).then_some((front, body))
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

/// Parse a whole record, but keep only the headings of its sections, not their text
/// (but for `## References`): for log-wide checks and the graph.
pub(crate) fn parse_outline(path: &Path, text: &str) -> Result<Record> {
    match parse_text(path, text, Depth::Outline, false)? {
        Parsed::Done(record) => Ok(*record),
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
    // The metadata sits before the third heading in every format we read (title, status
    // section, the section after it): parse that much first, and the rest only if needed.
    let cut = head_cut(text, 3);
    if cut.len() < text.len()
        && let Parsed::Done(record) = parse_text(path, cut, Depth::Head, true)?
    {
        return Ok(Parsed::Done(record));
    }
    parse_text(path, text, Depth::Head, truncated)
}

/// The text up to the end of the line of its `headings`-th heading after the front
/// matter (outside code blocks), or all of it. A look at line starts only: a listing
/// parses ten thousand records, and most of each is body it does not need.
fn head_cut(text: &str, headings: usize) -> &str {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut seen = 0;
    let mut hidden = Hidden::default();
    let mut in_front_matter = text.starts_with("---");
    let mut first = true;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |at| start + at + 1);
        let line = &text[start..end];
        if in_front_matter {
            if !first && matches!(line.trim_end(), "---" | "...") {
                in_front_matter = false;
            }
        } else if let trimmed = crate::text::trim_start(line)
            && hidden.is_text_trimmed(trimmed)
            // A byte: `starts_with` with a string goes through a `memcmp` call.
            && trimmed.as_bytes().first() == Some(&b'#')
            && heading(line.trim_end()).is_some()
        {
            seen += 1;
            if seen == headings {
                return &text[..end];
            }
        }
        first = false;
        start = end;
    }
    text
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Depth {
    Head,
    /// Everything but the text of the sections (their headings and lines are kept):
    /// enough to check and follow links, with one allocation per section fewer.
    Outline,
    Full,
}

/// The parser's state while it walks the lines once.
struct Reader<'t> {
    text: &'t str,
    lines: Lines<'t>,
    record: Record,
    depth: Depth,
    truncated: bool,
    /// The index of the first body line (after the front matter).
    body_start: usize,
    /// MADR's `* Status:` bullets or MADR section names were seen.
    madr_signs: bool,
    /// More of MADR than a status line: its section names or deciders.
    madr_shape: bool,
    /// MADR 2's list of fields (`* Status: accepted`), which some logs keep over adr-tools'
    /// sections.
    madr_bullets: bool,
    /// The record's sections open with one of adr-tools' ([`opens_as_adr_tools`]).
    nygard_signs: bool,
    /// A `## Status` section was seen.
    status_section: bool,
    /// Fields left as a template's placeholders, for one problem per record.
    placeholders: Vec<String>,
    body_date: Option<(DateText, usize)>,
    /// A `Title:` field among the metadata lines, for a record without a title heading.
    field_title: Option<String>,
    /// The last search for `](` (a link's text closing): where it started, and the first
    /// found from there.
    next_link: Option<(usize, Option<usize>)>,
    /// Body lines (indices from `body_start`) outside code blocks and comments that are
    /// reference definitions. Not looked for in a listing.
    definition_lines: Vec<usize>,
}

fn parse_text(path: &Path, text: &str, depth: Depth, truncated: bool) -> Result<Parsed> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Lines::of(text);
    if truncated && !text.ends_with('\n') {
        // The prefix may end inside a line: "* Status: acce".
        lines.0.pop();
    }
    let name = store::record_name(path);
    let (number, file_date) = match store::record_prefix(&name) {
        store::Prefix::Number(number) => (Some(number), None),
        store::Prefix::Date(date) => (None, Some(date)),
        store::Prefix::None => (None, None),
    };
    let mut reader = Reader {
        text,
        lines,
        record: Record {
            path: path.to_path_buf(),
            number,
            file_date,
            title: String::new(),
            title_line: 0,
            title_from: TitleFrom::Heading,
            heading_number: HeadingNumber::None,
            status: None,
            status_line: None,
            status_written: None,
            statuses: Vec::new(),
            date: None,
            month_only: false,
            format: Format::Madr,
            front_matter: FlatMap::default(),
            front_matter_keys: Vec::new(),
            front_matter_end: 0,
            decision_makers: Vec::new(),
            tags: Vec::new(),
            door: None,
            review_by: None,
            decide_by: None,
            reviewed: None,
            sections: Sections::default(),
            links: Vec::new(),
            mentions: Vec::new(),
            successor_in_text: false,
            problems: Vec::new(),
            complete: depth != Depth::Head,
            reviews_settled: depth != Depth::Head,
        },
        depth,
        truncated,
        body_start: 0,
        madr_signs: false,
        madr_shape: false,
        madr_bullets: false,
        nygard_signs: false,
        status_section: false,
        placeholders: Vec::new(),
        body_date: None,
        field_title: None,
        next_link: None,
        definition_lines: Vec::new(),
    };
    if !reader.front_matter() {
        return Ok(Parsed::NeedMore);
    }
    match reader.body()? {
        true => Ok(Parsed::Done(Box::new(reader.finish()?))),
        false => Ok(Parsed::NeedMore),
    }
}

impl<'t> Reader<'t> {
    /// Read the front matter; false when the prefix ends inside it.
    fn front_matter(&mut self) -> bool {
        match front_matter::find(&self.lines) {
            front_matter::Block::None => true,
            front_matter::Block::Unclosed if self.truncated => false,
            front_matter::Block::Unclosed => {
                // Read as a Markdown rule: the body is all there is.
                self.record.problems.push(Problem {
                    kind: ProblemKind::FrontMatterUnclosed,
                    line: Some(1),
                    message: "the front matter is not closed; read as text".into(),
                });
                true
            }
            front_matter::Block::Closed { end } => {
                let read = front_matter::read(
                    self.text,
                    &self.lines[1..end],
                    &self.record.path,
                    self.depth != Depth::Head,
                );
                self.record.front_matter = read.values;
                if self.depth == Depth::Full {
                    self.record.front_matter_keys = read
                        .keys
                        .iter()
                        .map(front_matter::Written::to_key)
                        .collect();
                }
                self.record.problems.extend(read.problems);
                self.record.front_matter_end = self.lines[end].number;
                self.body_start = end + 1;
                let date_line = read.keys.iter().find(|k| k.name == "date").map(|k| k.line);
                let status_key = read.keys.into_iter().find(|k| k.name == "status");
                self.apply_front_matter(status_key.map(|k| (k.line, k.value)), date_line);
                true
            }
        }
    }

    /// `status_key`: the line and place of the value of the front matter's `status` key;
    /// `date_line`: the line of its `date` key.
    fn apply_front_matter(
        &mut self,
        status_key: Option<(usize, std::ops::Range<usize>)>,
        date_line: Option<usize>,
    ) {
        let fm = &self.record.front_matter;
        let review_by = fm.get("review-by").and_then(parse_date);
        let decide_by = fm.get("decide-by").and_then(parse_date);
        let door = fm.get("door").filter(|d| !d.is_empty()).map(str::to_string);
        let makers = fm
            .get("decision-makers")
            .or_else(|| fm.get("deciders"))
            .map(split_names)
            .unwrap_or_default();
        let tags = fm
            .get("tags")
            .or_else(|| fm.get("tag"))
            .map(split_names)
            .unwrap_or_default();
        let date = fm.get("date").map(|value| (read_date(value), value));
        let unreadable = match date {
            Some((DateText::Invalid, _)) => {
                Some("the date is not a day of the calendar (YYYY-MM-DD)".to_string())
            }
            Some((DateText::Missing, value))
                if !value.trim().is_empty() && !fields::is_placeholder(value) =>
            {
                Some(format!(
                    "the date `{}` cannot be read (YYYY-MM-DD)",
                    crate::error::one_line(value)
                ))
            }
            _ => None,
        };
        let date = date.map(|(date, _)| date);
        let status = fm.get("status").map(str::to_string);
        let record = &mut self.record;
        (
            record.review_by,
            record.door,
            record.decision_makers,
            record.tags,
        ) = (review_by, door, makers, tags);
        record.decide_by = decide_by;
        match date {
            Some(DateText::Day(day)) => record.date = Some(day),
            Some(DateText::Month(month)) => (record.date, record.month_only) = (Some(month), true),
            _ => {}
        }
        if let Some(message) = unreadable {
            record.problems.push(Problem {
                kind: ProblemKind::InvalidDate,
                line: date_line,
                message,
            });
        }
        let Some(value) = status else {
            return;
        };
        let (line, value_place) = status_key.unwrap_or((0, 0..0));
        let read = fields::read_status(&value, line, links::Place::FrontMatter);
        if read.placeholder {
            self.placeholders.push("status".into());
        }
        self.record_misspelling(&read, line, &value);
        self.record.links.extend(read.links.iter().cloned());
        self.record.statuses.push(StatusField {
            place: StatusPlace::FrontMatter,
            line,
            value: value_place,
            written: value,
            only_links: read.status.is_none() && !read.links.is_empty(),
            status: read.status,
        });
    }

    fn record_misspelling(&mut self, read: &fields::Status, line: usize, written: &str) {
        if let (Some(word), Some(status)) = (&read.misspelt, &read.status) {
            self.record.problems.push(Problem {
                kind: ProblemKind::MisspeltStatus,
                line: Some(line),
                message: format!(
                    "status `{}` reads as `{status}` ({word} is a misspelling)",
                    written.trim()
                ),
            });
        }
    }

    /// Read the title, the metadata lines and the sections. False when the prefix ends
    /// before the metadata does.
    fn body(&mut self) -> Result<bool> {
        // A listing follows no links: only the other depths note where definitions may be.
        let mut definition_lines = Vec::new();
        let mut headings = scan_headings(
            &self.lines[self.body_start..],
            (self.depth != Depth::Head).then_some(&mut definition_lines),
        );
        self.definition_lines = definition_lines;
        // A record with no heading but its title may be outlined by bold labels, also when
        // it keeps a `## Status` heading over them. (Asking every heading whether it names a
        // section cost a listing a sixth of its time: only records of two headings are asked.)
        if headings.len() <= 2 && outlined_by_labels(&headings) {
            add_bold_labels(&self.lines[self.body_start..], &mut headings);
        }
        // The title is the first heading, when it is a level-1 heading naming the decision;
        // or a level-2 or -3 heading the record opens with, in a record whose level-1
        // headings (if any) name sections, when it names none (`### Use Gradle` over
        // `* Status: final`, then `# Decision`).
        let opens_with = |h: &Heading| {
            self.lines[self.body_start..self.body_start + h.first]
                .iter()
                .all(|l| l.text.trim().is_empty())
        };
        let title = headings
            .first()
            .filter(|h| {
                (h.level == 1 && !names_section(h.text, "status"))
                    || (matches!(h.level, 2 | 3)
                        && opens_with(h)
                        && !names_known_section(h.text)
                        && headings
                            .iter()
                            .all(|other| other.level > 1 || names_known_section(other.text)))
            })
            .map(|_| 0);
        let first_section = title.map_or(0, |index| index + 1);
        if let Some(index) = title {
            let heading = &headings[index];
            let (number, text) = title::split_numbered(
                title::without_status_stamp(heading.text),
                self.record.number,
            );
            self.record.title = if title::is_file_slug(text, &self.record.path) {
                title::from_file_name(&self.record.file_name())
            } else {
                title::unescape(text)
            };
            self.record.heading_number = number;
            self.record.title_line = self.lines[self.body_start + heading.index].number;
            if self.record.number.is_none()
                && self.record.file_date.is_none()
                && let HeadingNumber::Number(n) = number
            {
                self.record.number = Some(n);
            }
        } else if self.truncated {
            // The heading may be further down, past the prefix.
            if headings.is_empty() {
                return Ok(false);
            }
        }
        // Lines between the title and the first section: MADR 2's `* Status:` list,
        // adr-tools' `Date:` line, notes.
        let metadata_start = title.map_or(0, |t| headings[t].index + 1);
        let metadata_end = headings
            .get(first_section)
            .map_or(self.lines.len() - self.body_start, |h| h.first);
        let mut hidden = Hidden::default();
        for index in self.body_start + metadata_start..self.body_start + metadata_end {
            // A field in a code block or a comment is an example, not the record's.
            let is_text = hidden.is_text(self.lines[index].text);
            self.metadata_line(index, is_text);
        }
        self.sections(&headings, first_section)
    }

    fn metadata_line(&mut self, index: usize, is_text: bool) {
        let line = self.lines[index];
        if is_text && line.text.trim_start().starts_with('|') {
            self.metadata_table(index);
        }
        let Some(field) = fields::field(line.text).filter(|_| is_text) else {
            if self.depth != Depth::Head {
                // A line of the kind's words where a paragraph or the fields' lines go on.
                let opens = index == 0 || {
                    let before = self.lines[index - 1].text;
                    opens_after(before) || fields::field(before).is_some()
                };
                match self.typed_line(index, opens).filter(|_| is_text) {
                    Some(links) => self.record.links.extend(links),
                    None => body_links(line.text, line.number, &mut self.record.mentions),
                }
            }
            return;
        };
        self.metadata_field(index, &field, false);
    }

    /// A table under the title whose header names fields (`| Status | Date | Author(s) |`
    /// over `|---|---|---|`): the first row's cells are those fields, as lines of their own
    /// would be. `index` is the line that may be the header.
    fn metadata_table(&mut self, index: usize) {
        let (Some(rule), Some(row)) = (self.lines.get(index + 1), self.lines.get(index + 2)) else {
            return;
        };
        if !fields::is_table_rule(rule.text) {
            return;
        }
        let header = self.lines[index].text;
        let row_text = row.text;
        let names = fields::table_cells(header);
        let key_in = |line: &str, cell: &std::ops::Range<usize>| {
            line[cell.clone()]
                .trim_matches('*')
                .trim()
                .to_ascii_lowercase()
        };
        let is_key = |key: &str| matches!(key, "status" | "date" | "tags" | "deciders");
        // `| Status | Accepted |` over the rule, then `| Date | 2022-03-04 |`: a table of
        // fields, a name and its value to a row, the header row the first of them.
        if let [name, value] = &names[..]
            && is_key(&key_in(header, name))
            && !is_key(&key_in(header, value))
        {
            let rows: Vec<usize> = std::iter::once(index)
                .chain(
                    (index + 2..self.lines.len())
                        .take_while(|&i| self.lines[i].text.trim_start().starts_with('|')),
                )
                .collect();
            for row in rows {
                let text = self.lines[row].text;
                let cells = fields::table_cells(text);
                let [name, value, ..] = &cells[..] else {
                    continue;
                };
                let key = key_in(text, name);
                if is_key(&key) {
                    let field = fields::Field {
                        key,
                        value: &text[value.clone()],
                        value_start: value.start,
                        colon: true,
                    };
                    self.metadata_field(row, &field, true);
                }
            }
            return;
        }
        let cells = fields::table_cells(row_text);
        for (name, cell) in names.iter().zip(cells) {
            let key = key_in(header, name);
            if !is_key(&key) {
                continue;
            }
            let field = fields::Field {
                key,
                value: &row_text[cell.clone()],
                value_start: cell.start,
                colon: true,
            };
            self.metadata_field(index + 2, &field, true);
        }
    }

    /// A field among the metadata lines, on line `index`; `in_table` for a table's cell,
    /// which says nothing of the record's format.
    fn metadata_field(&mut self, index: usize, field: &fields::Field<'_>, in_table: bool) {
        let line = self.lines[index];
        if field.value.starts_with(['[', '{'])
            && fields::is_placeholder(field.value)
            && (field.key != "date" || fields::read_date(field.value) == DateText::Missing)
        {
            self.placeholders.push(field.key.clone());
        }
        match field.key.as_str() {
            "status" => {
                self.madr_signs |= !in_table;
                // MADR 2 lists its fields (`* Status: accepted`); a status line of its own
                // (`**Status:** Accepted`) says nothing of whose template the rest follows.
                self.madr_bullets |= !in_table
                    && matches!(
                        crate::text::trim_start(line.text).as_bytes(),
                        [b'*' | b'-' | b'+', b' ', ..]
                    );
                self.status_at(index, field, StatusPlace::Bullet, (false, false));
            }
            "date" if self.body_date.is_none() => {
                self.date_at(field.value, line.number);
                if !field.colon {
                    self.record.problems.push(Problem {
                        kind: ProblemKind::InvalidDate,
                        line: Some(line.number),
                        message: "`Date` has no colon after it; read anyway".into(),
                    });
                }
            }
            // `decide new --template nygard.md` writes `Review-by:` under `Date:`.
            "review-by" | "review by" if self.record.review_by.is_none() => {
                self.record.review_by = parse_date(field.value);
            }
            "decide-by" | "decide by" if self.record.decide_by.is_none() => {
                self.record.decide_by = parse_date(field.value);
            }
            "deciders" | "decider" | "decision-makers"
                if self.record.decision_makers.is_empty() =>
            {
                // MADR 2 lists its deciders; a table of fields is no template's.
                if !in_table {
                    (self.madr_signs, self.madr_shape) = (true, true);
                }
                if !fields::is_placeholder(field.value) {
                    self.record.decision_makers = split_names(fields::unbracketed(field.value));
                }
            }
            "title"
                if self.record.title_line == 0
                    && self.field_title.is_none()
                    && !fields::is_placeholder(field.value) =>
            {
                self.field_title = Some(field.value.trim().to_string());
            }
            "tags" if self.record.tags.is_empty() && !fields::is_placeholder(field.value) => {
                self.record.tags = fields::tags(field.value);
            }
            key if !in_table && is_link_label(line.text, key) => {
                let links = label_links(key, field.value, line.number);
                self.record.links.extend(links);
            }
            _ => {
                if self.depth != Depth::Head {
                    // `Superseded by: [5. X](…)` among the fields is a typed link.
                    match self.typed_line(index, !in_table) {
                        Some(links) => self.record.links.extend(links),
                        None => body_links(line.text, line.number, &mut self.record.mentions),
                    }
                }
            }
        }
    }

    /// The body's date, written as `value` on line `line`: a `Date:` line or the first
    /// line of a `## Date` section. A value that is no date at all (`sometime in spring`)
    /// is a problem, as an impossible one is: a date is never dropped in silence. A
    /// template's placeholder is reported as one.
    fn date_at(&mut self, value: &str, line: usize) {
        let date = read_date(value);
        if date == DateText::Missing
            && !fields::without_comment(value).trim().is_empty()
            && !fields::is_placeholder(value)
        {
            self.record.problems.push(Problem {
                kind: ProblemKind::InvalidDate,
                line: Some(line),
                message: format!(
                    "the date `{}` cannot be read (YYYY-MM-DD)",
                    crate::error::one_line(fields::without_comment(value).trim())
                ),
            });
        }
        self.body_date = Some((date, line));
    }

    /// The record's date from a section above its content: a `## Date` section's first
    /// line, or the earliest day of a `## Changelog` list (`- 2023-06-26: Initial draft`),
    /// the day the record was first written, whichever order the list is kept in.
    fn section_date(&mut self, kind: DateSection, start: usize, end: usize) {
        let items = self.lines[start..end].iter().filter_map(|line| {
            let text = line.text.trim_start();
            let item = ["* ", "- ", "+ "]
                .iter()
                .find_map(|bullet| text.strip_prefix(bullet));
            Some((item.unwrap_or(text), line.number)).filter(|(text, _)| !text.trim().is_empty())
        });
        match kind {
            DateSection::Date => {
                if let Some((value, line)) = items.take(1).next() {
                    self.date_at(value, line);
                }
            }
            DateSection::Changelog => {
                // The day before the entry's words: `2023-06-26: Initial draft`,
                // `2023/03/01: …`; an entry that starts otherwise gives none.
                let earliest = items
                    .filter_map(|(item, line)| {
                        let day = item.split(": ").next().unwrap_or(item).replace('/', "-");
                        let read = read_date(&day);
                        match read {
                            DateText::Day(date) | DateText::Month(date) => Some((date, line, read)),
                            _ => None,
                        }
                    })
                    .min_by_key(|(date, line, _)| (*date, *line));
                if let Some((_, line, read)) = earliest {
                    self.body_date = Some((read, line));
                }
            }
        }
    }

    /// A status line: a `* Status:` bullet, or a line under `## Status` (`link_line`: one
    /// of adr-tools' link lines there; `word_seen`: a status word came before it). True
    /// when the line is the status word's, false for a line of links only.
    fn status_at(
        &mut self,
        index: usize,
        field: &fields::Field<'_>,
        place: StatusPlace,
        (link_line, word_seen): (bool, bool),
    ) -> bool {
        let line = self.lines[index];
        let read = fields::read_status(field.value, line.number, links::Place::Status);
        if read.placeholder {
            self.placeholders.push("status".into());
        }
        self.record_misspelling(&read, line.number, field.value);
        self.record.links.extend(read.links.iter().cloned());
        let start = field.value_start;
        // A link line states the status when no word did and its kind leads with one
        // (`Rejected in favour of ADR 111`); adr-tools' `Superceded by …` stays a link.
        let only_links = link_line && (word_seen || read.link_only || read.status.is_none());
        self.record.statuses.push(StatusField {
            place,
            line: line.number,
            value: start..start + field.value.len(),
            written: field.value.to_string(),
            only_links,
            status: read.status,
        });
        !only_links
    }

    /// Walk the sections. In head mode stop at the first section that is not a status once
    /// the format says where the status lives; the status section is read whole because
    /// adr-tools keeps its links there.
    fn sections(&mut self, headings: &[Heading<'_>], first: usize) -> Result<bool> {
        if self.depth == Depth::Head && is_ours(&self.record.front_matter) {
            // Our records keep everything a listing shows in the front matter.
            return Ok(true);
        }
        let body_len = self.lines.len() - self.body_start;
        if self.depth != Depth::Head {
            // The headings' text, and all of the rest when the sections' text is kept.
            let bytes = match self.depth {
                Depth::Full => {
                    let body = self.lines.get(self.body_start).map_or(0, |l| l.start);
                    self.text.len().saturating_sub(body)
                }
                _ => headings.iter().map(|h| h.text.len()).sum(),
            };
            self.record.sections =
                Sections::with_capacity(headings.len().saturating_sub(first), bytes);
        }
        // Whether only metadata sections (status, date) came so far: a `## Date` section
        // is the record's date there, as a `Date:` line is under the title. Further down
        // it would be a section like any other, and a listing, which stops reading at the
        // first of those, reads the same date as a full parse.
        let mut metadata_sections = true;
        self.classify_opening(headings.get(first..).unwrap_or_default());
        for (position, heading) in headings.iter().enumerate().skip(first) {
            let is_status = names_section(heading.text, "status");
            let date_section = if metadata_sections && self.body_date.is_none() {
                DateSection::of(heading.text)
            } else {
                None
            };
            let is_date = date_section.is_some();
            metadata_sections &= is_status || is_date;
            if self.depth == Depth::Head
                && !is_status
                && !is_date
                && (self.record.statuses.iter().any(|s| s.status.is_some())
                    || self.body_start > 0
                    || self.madr_signs)
            {
                return Ok(true);
            }
            let end = headings[position + 1..]
                .iter()
                .find(|h| h.level <= heading.level)
                .map_or(body_len, |h| h.first);
            if end == body_len && self.truncated && (is_status || self.depth == Depth::Head) {
                // The section may go on past the prefix.
                return Ok(false);
            }
            let start = self.body_start + heading.index + 1;
            let end = self.body_start + end;
            let line = self.lines[self.body_start + heading.index].number;
            if let Some(kind) = date_section {
                self.section_date(kind, start, end);
            }
            if is_status && !self.status_section {
                self.status_section(headings, position, heading, line);
            } else if names_section(heading.text, "links") {
                self.links_section(start, end);
            } else if let Some(date) = outcome_date(heading.text) {
                // Each review appends an outcome; the latest one says when the next is due.
                if self.record.reviewed.is_none_or(|seen| seen <= date) {
                    self.record.reviewed = Some(date);
                    self.record.review_by = self.lines[start..end].iter().find_map(|l| {
                        let field = fields::field(l.text)?;
                        (field.key == "next review by")
                            .then(|| parse_date(field.value))
                            .flatten()
                    });
                }
            } else if self.depth != Depth::Head {
                let next = headings
                    .get(position + 1)
                    .map_or(self.lines.len(), |h| self.body_start + h.first);
                // A bold label's text on its own line (`**Consequences:** See [3. Y](…)`)
                // is the section's first line.
                let first = if heading.inline > 0 { start - 1 } else { start };
                self.mentions_in(first, next);
            }
            if is_madr_heading(heading.text) {
                (self.madr_signs, self.madr_shape) = (true, true);
            }
            // An outline keeps only the references' text, which lint checks.
            let body = if self.depth == Depth::Full || names_section(heading.text, "references") {
                let below = join_body(self.text, &self.lines[start..end]);
                match heading.inline {
                    0 => below,
                    inline => self.label_body(start - 1, inline, below),
                }
            } else {
                ""
            };
            self.record.sections.push(Section {
                heading: heading.text,
                level: heading.level,
                line,
                body,
                body_line: self.lines[start..end]
                    .iter()
                    .find(|l| !crate::text::is_blank(l.text))
                    .map_or(line, |l| l.number),
            });
        }
        if self.depth == Depth::Head && self.truncated {
            // No section after the metadata yet: it may be further down.
            return Ok(false);
        }
        Ok(true)
    }

    /// What the record's first section says of whose template it follows.
    fn classify_opening(&mut self, sections: &[Heading<'_>]) {
        self.nygard_signs = opens_as_adr_tools(sections);
        // MADR 2's field list over adr-tools' `## Context`: adr-tools' record with its
        // fields listed. Over a `## Decision` alone, MADR 2's short form, and in a log
        // named by date, log4brains' (its template is MADR's). A listing sees only the
        // first section, so that is what decides.
        if self.madr_bullets
            && self.nygard_signs
            && (self.record.file_date.is_some() || !opens_as_adr_tools_context(sections))
        {
            self.madr_shape = true;
        }
    }

    /// The text of a bold label's section: what follows the label on its line (`line`,
    /// from byte `inline`), then `below`, the lines under it, which follow it in the text.
    fn label_body(&self, line: usize, inline: usize, below: &'t str) -> &'t str {
        let line = self.lines[line];
        let from = line.start + inline;
        let to = if below.is_empty() {
            line.start + line.text.len()
        } else {
            below.as_ptr() as usize - self.text.as_ptr() as usize + below.len()
        };
        self.text[from..to].trim()
    }

    /// adr-tools' `## Status`: the first plain line is the status, link lines are links.
    fn status_section(
        &mut self,
        headings: &[Heading],
        position: usize,
        heading: &Heading,
        line: usize,
    ) {
        self.status_section = true;
        if heading.level == 1 {
            self.record.problems.push(Problem {
                kind: ProblemKind::StatusHeadingLevel,
                line: Some(line),
                message: "`# Status` is a level-1 heading; adr-tools writes `## Status`".into(),
            });
        }
        // Up to the next heading of any level: a level-1 `# Status` would otherwise run
        // to the end of the file.
        let start = self.body_start + heading.index + 1;
        let end = headings
            .get(position + 1)
            .map_or(self.lines.len(), |h| self.body_start + h.first);
        let mut found_word = false;
        let mut hidden = Hidden::default();
        // A quoted line is a template's guidance (`> A decision may be "proposed" if …`),
        // read as the status only when nothing else is one and it is a status's few words.
        let mut quoted: Option<(usize, usize)> = None;
        for index in start..end {
            let text = self.lines[index].text;
            let trimmed = text.trim();
            if trimmed.is_empty() || !hidden.is_text(text) {
                continue;
            }
            if let Some(quote) = trimmed.strip_prefix('>') {
                let content = quote.trim_start();
                if quoted.is_none() && !content.is_empty() {
                    quoted = Some((index, content.as_ptr() as usize - text.as_ptr() as usize));
                }
                continue;
            }
            let bullet = ["* ", "- ", "+ "]
                .iter()
                .find(|b| trimmed.starts_with(**b))
                .map_or(0, |b| b.len());
            let mut content = &trimmed[bullet..];
            let mut offset = text.len() - text.trim_start().len() + bullet;
            // A task list of statuses (`- [ ] Proposed`, `- [x] Accepted`): the ticked one.
            if bullet > 0 {
                match content.as_bytes() {
                    [b'[', b' ', b']', b' ', ..] => continue,
                    [b'[', b'x' | b'X', b']', b' ', ..] => {
                        let words = content[4..].trim_start();
                        offset += content.len() - words.len();
                        content = words;
                    }
                    _ => {}
                }
            }
            let number = self.lines[index].number;
            // `**Superseded by:** [5. X](…)`: a link on a bold label of its own, as a log
            // of bold labels writes one under its status.
            if content.starts_with("**")
                && let Some(links) = links::label_line(content, number, links::Place::Status)
            {
                self.record.links.extend(links);
                continue;
            }
            // `**Status:** Superseded` under the heading: the status is what follows the
            // label.
            if let Some(value) = bold_status_value(content) {
                offset += content.len() - value.len();
                content = value;
            }
            // `⌛️ Superseded [0019](…)`: a link behind an emoji is a link.
            let is_link =
                parse_link(without_symbols(content), number, links::Place::Status).is_some();
            if is_link || !found_word {
                let field = fields::Field {
                    key: "status".into(),
                    value: content.trim_end(),
                    value_start: offset,
                    colon: true,
                };
                found_word |=
                    self.status_at(index, &field, StatusPlace::Section, (is_link, found_word));
            } else if self.depth != Depth::Head {
                let line = self.lines[index];
                body_links(line.text, line.number, &mut self.record.mentions);
            }
        }
        if !found_word
            && let Some((index, offset)) = quoted
            && let content = self.lines[index].text[offset..].trim_end()
            && content.split_whitespace().count() <= 3
            && !content.contains('"')
        {
            let field = fields::Field {
                key: "status".into(),
                value: content,
                value_start: offset,
                colon: true,
            };
            self.status_at(index, &field, StatusPlace::Section, (false, false));
        }
    }

    fn links_section(&mut self, start: usize, end: usize) {
        for line in &self.lines[start..end] {
            let trimmed = line.text.trim();
            let content = ["* ", "- ", "+ "]
                .iter()
                .find_map(|b| trimmed.strip_prefix(b))
                .unwrap_or(trimmed);
            match parse_link(content, line.number, links::Place::LinksSection) {
                Some(link) => self.record.links.push(link),
                None if self.depth != Depth::Head => {
                    body_links(line.text, line.number, &mut self.record.mentions);
                }
                None => {}
            }
        }
    }

    /// Links in running text, outside code blocks.
    fn mentions_in(&mut self, start: usize, end: usize) {
        let (Some(first), Some(last)) = (self.lines.get(start), self.lines[..end].last()) else {
            return;
        };
        let (section_start, section_end) = (first.start, last.end);
        // Most sections link nowhere: the text is searched for `](` once, section by
        // section as they come, and only a line that holds one is read for links.
        let Some(mut link) = self.link_from(section_start).filter(|&at| at < section_end) else {
            return;
        };
        let mut fence: Option<u8> = None;
        for index in start..end {
            let line = self.lines[index];
            let trimmed = crate::text::trim_start(line.text);
            match (fence, fence_marker(trimmed)) {
                (None, Some(marker)) => fence = Some(marker),
                (Some(open), Some(marker)) if open == marker => fence = None,
                (Some(_), _) => {}
                (None, None) if link < line.end => {
                    let opens = index == 0 || opens_after(self.lines[index - 1].text);
                    match self.typed_line(index, opens) {
                        Some(links) => self.record.links.extend(links),
                        None => body_links(line.text, line.number, &mut self.record.mentions),
                    }
                }
                (None, None) => {}
            }
            if link < line.end {
                match self.link_from(line.end) {
                    Some(at) if at < section_end => link = at,
                    _ => return,
                }
            }
        }
    }

    /// The typed links on line `index` of running text, when it is a relation's label and
    /// its links alone ([`links::label_line`]): a bold label anywhere (`**Supersedes:**
    /// [3. Y](…)`, as logs of bold labels write their fields), the kind's plain words only
    /// where a paragraph `opens` (`Superseded by [5. X](…)` at the end of a record). A
    /// sentence wrapped onto a new line may well start with "superseded by [X](…)".
    fn typed_line(&self, index: usize, opens: bool) -> Option<Vec<Link>> {
        let line = self.lines[index];
        let bold = crate::text::trim_start(line.text).starts_with("**");
        // Only a bold label may name its record by number alone (`**Amends:** ADR-0002`);
        // any other typed line holds a link, and most lines none.
        // (`](` found byte by byte, as `body_links` finds it: a substring search is built
        // for each line.)
        let bytes = line.text.as_bytes();
        let has_link =
            || memchr::memchr_iter(b']', bytes).any(|at| bytes.get(at + 1) == Some(&b'('));
        if !(bold || (opens && has_link())) {
            return None;
        }
        let place = if bold {
            links::Place::Status
        } else {
            links::Place::Body
        };
        links::label_line(line.text, line.number, place)
    }

    /// The first `](` in the text at or after byte `from`.
    fn link_from(&mut self, from: usize) -> Option<usize> {
        // The searcher is built once: `memmem::find` builds one for each call.
        static LINK: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("]("));
        if let Some((searched, found)) = self.next_link
            && searched <= from
            && found.is_none_or(|at| at >= from)
        {
            return found;
        }
        let found = LINK
            .find(self.text.as_bytes().get(from..).unwrap_or_default())
            .map(|at| from + at);
        self.next_link = Some((from, found));
        found
    }

    /// Links through reference definitions: `[ADR 0010][]`, `[text][adr 0010]` or `[adr
    /// 0010]` in the text, with a line `[adr 0010]: 0010-common-auth.md` (labels in any
    /// case). Each definition of a Markdown file that the text uses is a mention, on the
    /// definition's line: where the target is written, which lint checks and renumber
    /// rewrites. The walk for headings noted the definition lines, so a record without
    /// any pays nothing more.
    fn reference_links(&mut self) {
        let body = self.body_start;
        let mut found: Vec<Link> = self
            .definition_lines
            .iter()
            .filter_map(|&index| {
                let line = self.lines.get(body + index)?;
                links::definition_link(line.text, line.number)
            })
            .collect();
        if found.is_empty() {
            return;
        }
        let text = &self.text[self.lines.get(body).map_or(0, |l| l.start)..];
        found.retain(|link| is_used(text, &link.label));
        self.record.mentions.extend(found);
        // In reading order, as the rest were found.
        self.record.mentions.sort_by_key(|link| link.line);
    }

    fn finish(mut self) -> Result<Record> {
        if self.depth != Depth::Head {
            self.reference_links();
        }
        self.settle_status();
        self.settle_title()?;
        self.settle_date();
        let record = &mut self.record;
        record.format = if is_ours(&record.front_matter) {
            Format::Decide
        } else if self.status_section || (self.nygard_signs && !self.madr_shape) {
            // A status line (`**Status:** Accepted`, `* Status: accepted`) over adr-tools'
            // sections: adr-tools' record, its status written another way.
            Format::Nygard
        } else if self.madr_signs || self.body_start > 0 {
            Format::Madr
        } else if record.heading_number != HeadingNumber::None {
            Format::Nygard
        } else {
            Format::Madr
        };
        if !self.placeholders.is_empty() {
            let mut names: Vec<String> = Vec::new();
            for name in &self.placeholders {
                let name = crate::text::capitalise(name);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let line = record
                .statuses
                .first()
                .map(|s| s.line)
                .or(Some(record.title_line.max(1)));
            let (fields, verb) = match names.as_slice() {
                [one] => (one.clone(), "still holds"),
                [rest @ .., last] => (format!("{} and {last}", rest.join(", ")), "still hold"),
                [] => (String::new(), ""),
            };
            record.problems.push(Problem {
                kind: ProblemKind::UnfilledPlaceholder,
                line,
                message: format!("{fields} {verb} the template's placeholder"),
            });
        }
        if let (HeadingNumber::Number(said), Some(file)) = (record.heading_number, record.number)
            && said != file
            && record.file_date.is_none()
            && store::record_prefix(&record.file_name()) != store::Prefix::None
        {
            record.problems.push(Problem {
                kind: ProblemKind::TitleNumberMismatch,
                line: Some(record.title_line),
                message: format!("the heading says {said}, the file name says {file}"),
            });
        }
        if record.heading_number == HeadingNumber::Placeholder {
            record.problems.push(Problem {
                kind: ProblemKind::PlaceholderNumber,
                line: Some(record.title_line),
                message: "the heading's number is still the template's `n.`".into(),
            });
        }
        let lines = &self.lines;
        record.successor_in_text = record.mentions.iter().any(|mention| {
            let on_line = lines
                .get(mention.line.wrapping_sub(1))
                .filter(|line| line.number == mention.line)
                .or_else(|| lines.iter().find(|line| line.number == mention.line));
            // Letters compared in ASCII, without a lower-cased copy of the line: no other
            // character lower-cases to one of the letters of "superseded".
            on_line.is_some_and(|line| {
                crate::text::find_ignoring_ascii_case(line.text, "superseded")
                    .is_some_and(|at| line.text[at..].contains("]("))
            })
        });
        // A log-wide listing keeps ten thousand of these: give back what vectors reserved.
        record.sections.shrink_to_fit();
        record.links.shrink_to_fit();
        record.mentions.shrink_to_fit();
        Ok(self.record)
    }

    /// The status in force: the front matter's, else the first the body states.
    fn settle_status(&mut self) {
        let record = &mut self.record;
        let chosen = record
            .statuses
            .iter()
            .find(|s| s.place == StatusPlace::FrontMatter && s.status.is_some())
            .or_else(|| record.statuses.iter().find(|s| s.status.is_some()))
            .or_else(|| record.statuses.first());
        if let Some(field) = chosen {
            record.status = field.status.clone();
            record.status_line = Some(field.line).filter(|l| *l > 0);
            record.status_written = Some(field.written.clone()).filter(|w| !w.is_empty());
            // adr-tools supersedes a record by taking "Accepted" out of its status section
            // and adding "Superceded by …"; any other word (`Proposed`) stays above the
            // link. The link is the later word over a word that kept the decision in
            // force; a word that closes it (`Deprecated`) says more. The word's line
            // stays the one an edit changes.
            let superseded_below = field.place != StatusPlace::FrontMatter
                && field
                    .status
                    .as_deref()
                    .is_some_and(|status| !no_longer_in_force(status))
                && record.statuses.iter().any(|s| {
                    s.place == field.place
                        && s.line > field.line
                        && s.only_links
                        && s.status.as_deref() == Some("superseded")
                });
            if superseded_below {
                record.status = Some("superseded".into());
            }
        }
        // adr-tools writes only "Superceded by …" when it supersedes a record.
        if record.status.is_none()
            && record
                .links
                .iter()
                .any(|l| l.kind == "Superseded by" && l.place != links::Place::LinksSection)
        {
            record.status = Some("superseded".into());
        }
    }

    fn settle_title(&mut self) -> Result<()> {
        let record = &mut self.record;
        if record.title_line > 0 {
            return Ok(());
        }
        let given = [
            (record.front_matter.get("title"), TitleFrom::FrontMatter),
            (self.field_title.as_deref(), TitleFrom::Field),
        ]
        .into_iter()
        .find_map(|(title, from)| Some((title.filter(|t| !t.trim().is_empty())?, from)));
        if let Some((title, from)) = given {
            let (number, text) = title::split_numbered(title.trim(), record.number);
            record.title = title::unescape(text);
            record.title_from = from;
            if record.number.is_none()
                && record.file_date.is_none()
                && let HeadingNumber::Number(n) = number
            {
                record.number = Some(n);
            }
            return Ok(());
        }
        let looks_like_a_record = self.body_start > 0
            || !record.statuses.is_empty()
            || self.body_date.is_some()
            || !record.sections.is_empty()
            // A folder named as a record says its page is one (`2022-11-09-x/README.md`).
            || store::file_name(&record.path) != record.file_name();
        if !looks_like_a_record {
            return Err(Error::record("no `# Title` heading")
                .in_file(&record.path)
                .hint("a record starts with a level-1 heading naming the decision"));
        }
        record.title = title::from_file_name(&record.file_name());
        record.title_from = TitleFrom::FileName;
        record.problems.push(Problem {
            kind: ProblemKind::NoTitleHeading,
            line: Some(1),
            message: "no `# Title` heading; the title comes from the file name".into(),
        });
        Ok(())
    }

    /// The decision's date: the body's `Date:` line, else the front matter's `date:`, else
    /// the date in a log4brains file name.
    fn settle_date(&mut self) {
        let record = &mut self.record;
        match self.body_date {
            Some((DateText::Day(day), _)) => (record.date, record.month_only) = (Some(day), false),
            Some((DateText::Month(month), _)) => {
                (record.date, record.month_only) = (Some(month), true);
            }
            Some((DateText::Invalid, line)) => {
                record.problems.push(Problem {
                    kind: ProblemKind::InvalidDate,
                    line: Some(line),
                    message: "the date is not a day of the calendar (YYYY-MM-DD)".into(),
                });
            }
            Some((DateText::Missing, _)) | None => {}
        }
        if record.date.is_none() {
            record.date = record.file_date;
        }
    }
}

/// Whether `text` uses the reference label `label` (`[label]`, any case) other than to
/// define it (`[label]:`).
fn is_used(text: &str, label: &str) -> bool {
    let needle = format!("[{label}]");
    let mut from = 0;
    while let Some(at) = crate::text::find_ignoring_ascii_case(&text[from..], &needle) {
        let end = from + at + needle.len();
        if text.as_bytes().get(end) != Some(&b':') {
            return true;
        }
        from = end;
    }
    false
}

/// Whether a heading names one of the sections decision records are made of, in any of
/// the formats read: such a heading opens a section, never a record's title.
fn names_known_section(heading: &str) -> bool {
    [
        "Status",
        "Context",
        "Decision",
        "Consequences",
        "Context and Problem Statement",
        "Considered Options",
        "Decision Outcome",
        "Decision Drivers",
        "Pros and Cons of the Options",
        "More Information",
        "Links",
        "Date",
        "Changelog",
        "Summary",
        "Problem",
        "Problem Statement",
        "Background",
        "Options",
        "Alternatives",
        "References",
        "Notes",
        "Validation",
    ]
    .iter()
    .any(|name| names_section(heading, name))
}

/// A section that gives the record's date when it comes before the record's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateSection {
    /// `## Date`, the date on its first line.
    Date,
    /// `## Changelog`, a list of dated entries.
    Changelog,
}

impl DateSection {
    fn of(heading: &str) -> Option<DateSection> {
        if names_section(heading, "date") {
            Some(DateSection::Date)
        } else if names_section(heading, "changelog") || names_section(heading, "change log") {
            Some(DateSection::Changelog)
        } else {
            None
        }
    }
}

/// The status `text` states, read as a status line is: `Accepted` → `accepted`.
pub(crate) fn read_status_word(text: &str) -> Option<String> {
    fields::read_status(text, 0, links::Place::Status).status
}

/// Whether the first of a record's sections after its status and date is one of
/// adr-tools' (`Context`, `Decision`, `Consequences`), which MADR names otherwise
/// (`Context and Problem Statement`, `Decision Outcome`). The first says whose template
/// the record follows; a listing reads no further, so every command goes by that one.
fn opens_as_adr_tools(sections: &[Heading<'_>]) -> bool {
    sections
        .iter()
        .find(|h| !names_section(h.text, "status") && DateSection::of(h.text).is_none())
        .is_some_and(|h| {
            ["Context", "Decision", "Consequences"]
                .iter()
                .any(|name| names_section(h.text, name))
        })
}

/// Whether the first of `sections` after the status and date is adr-tools' `Context`.
fn opens_as_adr_tools_context(sections: &[Heading<'_>]) -> bool {
    sections
        .iter()
        .find(|h| !names_section(h.text, "status") && DateSection::of(h.text).is_none())
        .is_some_and(|h| names_section(h.text, "Context"))
}

fn is_madr_heading(heading: &str) -> bool {
    [
        "Context and Problem Statement",
        "Considered Options",
        "Decision Outcome",
        "Decision Drivers",
    ]
    .iter()
    .any(|h| names_section(heading, h))
}

/// Whether a heading names the section `name` (ASCII, any case): the name alone, or
/// followed by what teams write after it: a template's comment (`Links <!-- optional
/// -->`), a colon (`Context:`), a colon and words (`Decision: two datasets`), or words
/// in parentheses or after a dash (`Decision (Proposed Workflow Solution):`, `Decision -
/// keep both`). Another word (`Decision Outcome`, `Decision Drivers`) names another
/// section. `Status: Accepted` states the status in the heading: it is not a section to
/// find a status in.
// Inlined where the name is known: every heading of every record is asked for a few
// names, and the first byte tells most apart (a call cost more than the comparison).
#[inline(always)]
pub(crate) fn names_section(heading: &str, name: &str) -> bool {
    names_section_as(heading, name)
        || names_translated_section(heading, name)
        || undecorated(heading).is_some_and(|bare| {
            names_section_as(bare, name) || names_translated_section(bare, name)
        })
}

/// A heading's words without what some logs put before them: a section number (`1.
/// Context`, `2) Decision`) or symbols (`🤔 Context`, `→ Decision`). `None` when there is
/// nothing to take off, as for nearly every heading, which starts with a letter.
fn undecorated(heading: &str) -> Option<&str> {
    let first = *heading.as_bytes().first()?;
    if first.is_ascii_alphabetic() {
        return None;
    }
    let digits = heading.bytes().take_while(u8::is_ascii_digit).count();
    let after_number = if digits > 0 {
        // `2024-03-01` or `3rd` is no section number.
        let after = &heading[digits..];
        let after = after.strip_prefix(['.', ')', ':']).unwrap_or(after);
        if !after.starts_with([' ', '\t']) {
            return None;
        }
        after
    } else {
        heading
    };
    let bare = after_number.trim_start_matches(|c: char| !c.is_alphanumeric());
    (!bare.is_empty() && bare.len() < heading.len()).then_some(bare)
}

fn names_section_as(heading: &str, name: &str) -> bool {
    let (bytes, wanted) = (heading.as_bytes(), name.as_bytes());
    match (bytes.first(), wanted.first()) {
        (Some(first), Some(wanted_first))
            if bytes.len() >= wanted.len() && first.eq_ignore_ascii_case(wanted_first) => {}
        _ => return false,
    }
    bytes[..wanted.len()].eq_ignore_ascii_case(wanted) && names_section_after(heading, name)
}

/// The names adr-tools' and MADR's sections have in logs written in other languages
/// (French, Spanish, Portuguese, Italian, German, Dutch), as their templates translate them.
/// [`names_translated_section`] finds an entry by its English name's length and first
/// letter: a new entry goes there too.
const TRANSLATED_SECTIONS: &[(&str, &[&str])] = &[
    ("status", &["Statut", "Estado", "Stato", "Estatus"]),
    (
        "context",
        &["Contexte", "Contexto", "Contesto", "Kontext", "Achtergrond"],
    ),
    (
        "decision",
        &[
            "Décision",
            "Decisión",
            "Decisão",
            "Decisione",
            "Entscheidung",
            "Besluit",
            "Beslissing",
        ],
    ),
    (
        "considered options",
        &[
            "Options envisagées",
            "Options considérées",
            "Opciones consideradas",
            "Opções consideradas",
            "Opzioni considerate",
            "Betrachtete Optionen",
            "Overwogen opties",
        ],
    ),
    (
        "consequences",
        &[
            "Conséquences",
            "Consecuencias",
            "Consequências",
            "Conseguenze",
            "Konsequenzen",
            "Gevolgen",
        ],
    ),
];

/// [`names_section`] for a heading in another language: `## Contexte` names the context.
fn names_translated_section(heading: &str, name: &str) -> bool {
    // Every heading of every record is asked about many names, most of them with no
    // translation: the name's length and first letter pick its entry, if any, without a
    // search of the table; the name itself is compared only once a translation matched.
    let (Some(&first), Some(&name_first)) = (heading.as_bytes().first(), name.as_bytes().first())
    else {
        return false;
    };
    let entry = match (name.len(), name_first.to_ascii_lowercase()) {
        (6, b's') => 0,
        (7, b'c') => 1,
        (8, b'd') => 2,
        (18, b'c') => 3,
        (12, b'c') => 4,
        _ => return false,
    };
    let (english, names) = TRANSLATED_SECTIONS[entry];
    let bytes = heading.as_bytes();
    names.iter().any(|translated| {
        // The first and last letters first: English headings share a translation's start
        // ("Context and Problem Statement", "Contexte"), rarely its end.
        let wanted = translated.as_bytes();
        bytes.len() >= wanted.len()
            && first.eq_ignore_ascii_case(&wanted[0])
            && bytes[wanted.len() - 1].eq_ignore_ascii_case(&wanted[wanted.len() - 1])
            && names_section_as(heading, translated)
    }) && english.eq_ignore_ascii_case(name)
}

/// [`names_section`] once the heading starts with the name: what follows it.
fn names_section_after(heading: &str, name: &str) -> bool {
    let (bytes, wanted) = (heading.as_bytes(), name.as_bytes());
    if bytes.len() == wanted.len() {
        return true;
    }
    // The bytes that matched are the name's, so the rest starts on a character boundary.
    let mut rest = &heading[wanted.len()..];
    if memchr::memchr(b'<', rest.as_bytes()).is_some() {
        rest = fields::without_comment(rest);
    }
    let rest = rest.trim_end();
    let rest = rest.strip_suffix(':').unwrap_or(rest).trim_end();
    if rest.is_empty() {
        return true;
    }
    match rest.strip_prefix(':') {
        Some(words) => !words.trim().is_empty() && !name.eq_ignore_ascii_case("status"),
        None => {
            [" (", " -", " \u{2013}", " \u{2014}"]
                .iter()
                .any(|after| rest.starts_with(after))
                // Symbols after the name: `Context 🤔`, `Decision ✅`.
                || !rest.chars().any(char::is_alphanumeric)
        }
    }
}

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
        if let Some(field) = fields::field(line) {
            if field.key == "next review by" || field.key == "what we learnt" {
                saw_outcome_fields = true;
            }
            if in_latest
                && field.key == "next review by"
                && let Some((_, next)) = latest.as_mut()
            {
                *next = parse_date(field.value);
            }
        }
    }
    match latest {
        Some((date, next)) => LatestOutcome::Found(date, next),
        None if saw_outcome_fields => LatestOutcome::Unsure,
        None => LatestOutcome::None,
    }
}

/// `Outcome (2027-03-01)` → 2027-03-01.
pub(crate) fn outcome_date(heading: &str) -> Option<NaiveDate> {
    let rest = heading.strip_prefix(OUTCOME_HEADING)?.trim();
    parse_date(rest.strip_prefix('(')?.strip_suffix(')')?)
}

/// Our front matter has keys MADR does not.
fn is_ours(front_matter: &FlatMap) -> bool {
    ["playbook", "door", "review-by", "information-coverage"]
        .iter()
        .any(|key| front_matter.contains_key(key))
}

fn split_names(text: &str) -> Vec<String> {
    text.split(',')
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// Counting from 1.
    pub number: usize,
    pub text: &'a str,
    /// Byte offset of the line's start in the text.
    pub start: usize,
    /// Byte offset just past the line's end, including its newline.
    pub end: usize,
}

pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    split_lines_into(text, &mut lines);
    lines
}

/// `text`'s lines, added to `lines` (empty).
fn split_lines_into<'t>(text: &'t str, lines: &mut Vec<Line<'t>>) {
    // Lines average 20 to 45 bytes in real logs, and front matter lines are short: growing
    // the vector once costs more than the memory it would save.
    lines.reserve(text.len() / 20 + 1);
    let mut start = 0;
    // Splitting was a quarter of a record's parse in a profile of `lint`; `memchr` finds
    // each newline with vector instructions, where `split_inclusive` searches portably.
    // (Eight bytes at a time in plain integer code, every newline among them at once, took
    // more instructions on our records than `memchr` set up anew for each line.)
    let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
    let unterminated = (!text.is_empty() && !text.ends_with('\n')).then_some(text.len());
    for end in newlines.chain(unterminated) {
        lines.push(Line {
            number: lines.len() + 1,
            text: without_line_end(&text[start..end]),
            start,
            end,
        });
        start = end;
    }
}

thread_local! {
    /// The vector of the last record's lines parsed on this thread, emptied, for the next
    /// record: a log-wide command parses ten thousand, and a fresh vector for each (about
    /// 12 KiB for one of ours) went through the allocator's slow path for large blocks.
    static SPARE_LINES: std::cell::Cell<Vec<Line<'static>>> =
        const { std::cell::Cell::new(Vec::new()) };
}

/// A record's lines, in a vector taken from [`SPARE_LINES`] and given back when dropped.
struct Lines<'t>(Vec<Line<'t>>);

impl<'t> Lines<'t> {
    /// A vector of a record this long is not kept for the next one (40 bytes a line).
    const MOST_KEPT: usize = 8192;

    fn of(text: &'t str) -> Lines<'t> {
        let mut lines = Lines(SPARE_LINES.take());
        split_lines_into(text, &mut lines.0);
        lines
    }
}

impl<'t> std::ops::Deref for Lines<'t> {
    type Target = [Line<'t>];

    fn deref(&self) -> &[Line<'t>] {
        &self.0
    }
}

impl Drop for Lines<'_> {
    fn drop(&mut self) {
        let mut lines = std::mem::take(&mut self.0);
        if lines.capacity() > Lines::MOST_KEPT {
            return;
        }
        lines.clear();
        // Collected in place (the standard library reuses the allocation of an emptied
        // vector of a type of the same size): the lines' borrow of the text ends here.
        // `filter` would keep the borrowing type.
        #[expect(clippy::unnecessary_filter_map, reason = "the item type changes")]
        let spare: Vec<Line<'static>> = lines.into_iter().filter_map(|_| None).collect();
        SPARE_LINES.set(spare);
    }
}

/// `piece` without its `\n` or `\r\n`. Byte by byte: `strip_suffix` with a character
/// compares through `memcmp`, which cost a record's split a fifth of its time.
fn without_line_end(piece: &str) -> &str {
    let bytes = piece.as_bytes();
    let mut end = bytes.len();
    if end > 0 && bytes[end - 1] == b'\n' {
        end -= 1;
    }
    if end > 0 && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    &piece[..end]
}

fn join_lines<'a>(text: &'a str, lines: &[Line<'_>]) -> &'a str {
    match (lines.first(), lines.last()) {
        (Some(first), Some(last)) => &text[first.start..last.end],
        _ => "",
    }
}

fn join_body<'t>(text: &'t str, lines: &[Line<'_>]) -> &'t str {
    let first = lines.iter().position(|l| !crate::text::is_blank(l.text));
    let last = lines.iter().rposition(|l| !crate::text::is_blank(l.text));
    match (first, last) {
        (Some(first), Some(last)) => join_lines(text, &lines[first..=last]).trim_end(),
        _ => "",
    }
}

#[derive(Debug)]
struct Heading<'t> {
    /// Index into the lines given to [`scan_headings`]: of the heading's last line, the
    /// underline of a setext heading (`Title` over `=====`).
    index: usize,
    /// Index of its first line: the one before the underline of a setext heading, where
    /// the section before it ends.
    first: usize,
    level: usize,
    text: &'t str,
    /// For a bold label that stands for a heading (`**Decision:** We will …`), where the
    /// text after it on its line starts, in bytes from the line's start; else 0.
    inline: usize,
}

/// The fence character (`` ` `` or `~`) when a line opens or closes a code block. Bytes,
/// not `starts_with`: this runs on every line of every record.
fn fence_marker(trimmed: &str) -> Option<u8> {
    match *trimmed.as_bytes() {
        [marker @ (b'`' | b'~'), second, third, ..] if second == marker && third == marker => {
            Some(marker)
        }
        _ => None,
    }
}

/// Where a walk over a record's lines stands with the blocks whose lines are not the
/// record's text: fenced code, and HTML comments (a template's instructions, an example
/// record commented out). A `# 99. Example` in either is no heading, title or field.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Hidden {
    /// [`Hidden::TEXT`], the fence character of the code block the walk is in, or
    /// [`Hidden::COMMENT`]: one byte, so that most lines are settled by one comparison.
    state: u8,
}

impl Hidden {
    const TEXT: u8 = 0;
    const COMMENT: u8 = b'<';

    /// Whether `line`, the next line of the walk, is text: outside code blocks and
    /// comments, and neither a fence nor a comment's first line. A comment opens as
    /// CommonMark's HTML block does, with `<!--` at the start of a line, and ends on the
    /// line that holds `-->`; a `<!--` after other text on the line hides nothing, as a
    /// heading on a later line would still be one.
    pub(crate) fn is_text(&mut self, line: &str) -> bool {
        self.is_text_trimmed(crate::text::trim_start(line))
    }

    /// [`Hidden::is_text`] for a line without its indentation, for a walk that trimmed
    /// it already: this runs on every line of every record.
    #[inline(always)]
    pub(crate) fn is_text_trimmed(&mut self, trimmed: &str) -> bool {
        // Most lines: outside any block, and their first byte opens none.
        if self.state == Hidden::TEXT
            && !matches!(trimmed.as_bytes().first(), Some(b'`' | b'~' | b'<'))
        {
            return true;
        }
        self.step(trimmed)
    }

    /// [`Hidden::is_text_trimmed`] for a line in a block, or one that may open or close one.
    fn step(&mut self, trimmed: &str) -> bool {
        static CLOSE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("-->"));
        if self.state == Hidden::COMMENT {
            if CLOSE.find(trimmed.as_bytes()).is_some() {
                self.state = Hidden::TEXT;
            }
            return false;
        }
        match (self.state, fence_marker(trimmed)) {
            (Hidden::TEXT, Some(marker)) => {
                self.state = marker;
                return false;
            }
            (open, Some(marker)) if open == marker => {
                self.state = Hidden::TEXT;
                return false;
            }
            (Hidden::TEXT, None) => {}
            _ => return false,
        }
        if trimmed.starts_with("<!--") && CLOSE.find(&trimmed.as_bytes()[2..]).is_none() {
            // Open until a line closes it; `<!-->` closes at once, as in CommonMark.
            self.state = Hidden::COMMENT;
        }
        !trimmed.starts_with("<!--")
    }
}

/// ATX headings outside fenced code blocks and HTML comments; with `definition_lines`, the
/// indices of the lines there that are reference definitions (`[label]: target`), found
/// with one more look at a byte this walk reads anyway.
fn scan_headings<'t>(
    lines: &[Line<'t>],
    mut definition_lines: Option<&mut Vec<usize>>,
) -> Vec<Heading<'t>> {
    // Room for a MADR record's or one of ours (22 headings), in under a kilobyte: growing
    // from nothing copied the vector three times a record, and a larger block takes the
    // allocator's slow path.
    let mut headings = Vec::with_capacity(24);
    let mut hidden = Hidden::default();
    let mut last_visible = false;
    for (index, line) in lines.iter().enumerate() {
        let trimmed = crate::text::trim_start(line.text);
        let visible_before = std::mem::replace(&mut last_visible, false);
        if !hidden.is_text_trimmed(trimmed) {
            continue;
        }
        last_visible = true;
        match trimmed.as_bytes() {
            [b'#', ..] => {}
            [underline @ (b'=' | b'-'), ..] => {
                if visible_before
                    && let Some(text) = setext_text(lines, index, *underline, &headings)
                {
                    let level = if *underline == b'=' { 1 } else { 2 };
                    headings.push(Heading {
                        index,
                        first: index - 1,
                        level,
                        text,
                        inline: 0,
                    });
                }
                continue;
            }
            [b'[', rest @ ..] => {
                // Most such lines are no definition (`[1] Alex, …` in our references): the
                // byte after the label's `]` says so, without a call.
                let colon = rest
                    .iter()
                    .position(|&b| b == b']')
                    .is_some_and(|close| rest.get(close + 1) == Some(&b':'));
                if colon
                    && let Some(found) = definition_lines.as_deref_mut()
                    && links::definition_spans(line.text).is_some()
                {
                    found.push(index);
                }
                continue;
            }
            _ => continue,
        }
        if let Some((level, text)) = heading(line.text) {
            headings.push(Heading {
                index,
                first: index,
                level,
                text,
                inline: 0,
            });
        }
    }
    headings
}

/// Whether a record's `headings` leave its outline to bold labels: no heading but its
/// title, and perhaps a status section (`## Status` over `**Context:**`, `**Decision:**`).
fn outlined_by_labels(headings: &[Heading<'_>]) -> bool {
    let others = || {
        headings
            .iter()
            .filter(|h| !(h.level > 1 && names_section(h.text, "status")))
    };
    others().all(|h| h.level == 1) && others().count() <= 1
}

/// Bold labels that stand for a record's headings, added to `headings` in line order:
/// `**Context:**`, `**Decision**: We will …` at the start of a paragraph, naming a section
/// records have. Only for a record with no heading but its title (and its status's), where
/// they are its outline.
/// Status and date labels stay fields, read as metadata.
fn add_bold_labels<'t>(lines: &[Line<'t>], headings: &mut Vec<Heading<'t>>) {
    let mut hidden = Hidden::default();
    let mut blank_before = true;
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let paragraph_start =
            std::mem::replace(&mut blank_before, crate::text::is_blank(line.text));
        if !hidden.is_text(line.text) || !paragraph_start {
            continue;
        }
        if let Some((text, inline)) = bold_label(line.text)
            && names_known_section(text)
            && !names_section(text, "status")
            && DateSection::of(text).is_none()
        {
            found.push(Heading {
                index,
                first: index,
                level: 2,
                text,
                inline,
            });
        }
    }
    if !found.is_empty() {
        headings.extend(found);
        headings.sort_by_key(|h| h.index);
    }
}

/// `**Decision:** We will …` or `**Decision**:` → ("Decision", where the text after it
/// starts on the line, in bytes). A label needs its colon, unless it is alone on its line
/// (`**Context**`) or a space parts it from its text (`**Context** We ship …`, as some
/// logs write them): [`add_bold_labels`] takes only labels that name a section.
fn bold_label(line: &str) -> Option<(&str, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let inner = line[indent..].strip_prefix("**")?;
    let close = inner.find("**")?;
    let label = inner[..close].trim();
    let after = &inner[close + 2..];
    let (name, colon_inside) = match label.strip_suffix(':') {
        Some(name) => (name.trim_end(), true),
        None => (label, false),
    };
    let (after, colon_after) = match after.strip_prefix(':') {
        Some(after) => (after, true),
        None => (after, false),
    };
    let spaced = after.starts_with([' ', '\t']);
    if name.is_empty() || !(colon_inside || colon_after || spaced || crate::text::is_blank(after)) {
        return None;
    }
    Some((name, line.len() - after.trim_start().len()))
}

/// `1. Step` or `2) Step`: an ordered list item, which an underline does not make a heading.
fn is_ordered_item(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && matches!(
            text.as_bytes()[digits..],
            [b'.' | b')', b' ', ..] | [b'.' | b')']
        )
}

/// The text of a setext heading whose underline (`=====` or `-----`, after a visible line)
/// is line `index`: the line before it, when that line is a paragraph of its own (after a
/// blank line, a heading or the start) and no list item, quote, table or HTML. A longer
/// paragraph over an underline is left alone, as is a `---` rule after a blank line.
fn setext_text<'t>(
    lines: &[Line<'t>],
    index: usize,
    underline: u8,
    headings: &[Heading<'t>],
) -> Option<&'t str> {
    let line = lines[index].text;
    let indent = line.len() - line.trim_start_matches(' ').len();
    let marks = line.trim();
    if indent > 3 || !marks.bytes().all(|b| b == underline) {
        return None;
    }
    let above = lines[index.checked_sub(1)?].text;
    let text = above.trim();
    let above_indent = above.len() - above.trim_start_matches(' ').len();
    if text.is_empty()
        || above_indent > 3
        || matches!(
            text.as_bytes()[0],
            b'#' | b'>' | b'-' | b'*' | b'+' | b'|' | b'<' | b'`' | b'~' | b'=' | b'['
        )
        || text.contains(" | ")
        || is_ordered_item(text)
    {
        return None;
    }
    let starts_paragraph = index == 1
        || lines[index - 2].text.trim().is_empty()
        || headings.last().is_some_and(|h| h.index == index - 2);
    starts_paragraph.then_some(text)
}

/// `## Status` → (2, "Status"). At most three spaces of indentation, as in CommonMark.
fn heading(line: &str) -> Option<(usize, &str)> {
    // Bytes: every heading of every record of a log-wide command comes here.
    let bytes = line.as_bytes();
    let indent = bytes.iter().take_while(|&&b| b == b' ').count();
    if indent > 3 {
        return None;
    }
    let level = bytes[indent..].iter().take_while(|&&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let after = &line[indent + level..];
    if !matches!(after.as_bytes().first(), None | Some(b' ' | b'\t')) {
        return None;
    }
    let text = crate::text::trim(after);
    // A closing sequence of `#`s is not part of the heading.
    let text = match text.trim_end_matches('#') {
        stripped if stripped.ends_with(' ') || stripped.is_empty() => {
            crate::text::trim_end(stripped)
        }
        _ => text,
    };
    Some((level, text))
}

/// Byte offsets of each line's start, for edits that work line by line.
pub(crate) fn line_starts(text: &str) -> Vec<usize> {
    split_lines(text).iter().map(|l| l.start).collect()
}

/// Whether a line after `before` opens a paragraph: after a blank line, a heading or its
/// underline, or a rule. (A bold label's text on its line, `**Consequences:** Less.`, goes
/// on on the next.)
fn opens_after(before: &str) -> bool {
    let before = before.trim();
    before.is_empty()
        || before.starts_with('#')
        || (before.len() >= 3
            && before
                .bytes()
                .all(|b| matches!(b, b'-' | b'=' | b'*' | b'_')))
}

/// Whether `line` is a bold label standing for a section (`**Context:**`, `**Decision**
/// We …`), as [`add_bold_labels`] reads one: not a field such as `**Date:**`.
pub(crate) fn is_section_label(line: &str) -> bool {
    bold_label(line).is_some_and(|(name, _)| {
        names_known_section(name)
            && !names_section(name, "status")
            && DateSection::of(name).is_none()
    })
}

/// What follows a bold status label (`**Status:** Superseded`, `**Status**: Superseded`),
/// trimmed; `None` for any other line.
fn bold_status_value(content: &str) -> Option<&str> {
    let (label, inline) = bold_label(content)?;
    (label.eq_ignore_ascii_case("status") && inline < content.len())
        .then(|| content[inline..].trim_start())
}

/// Whether the line `text`, whose key is `key`, is a typed link on a bold label of its
/// own, `**Supersedes:** [3. Y](0003-y.md)`: logs of bold labels write their links next
/// to their bold status line. A bullet (`* Supersedes:`) is no template's field, and is
/// left to running text.
fn is_link_label(text: &str, key: &str) -> bool {
    crate::text::trim_start(text).starts_with("**") && is_known_kind(key)
}

/// The links on a bold link label's value, of the label's kind: every record link on it
/// (`[3. Y](0003-y.md), [4. Z](0004-z.md)`), else a record named by number (`ADR-0003`).
fn label_links(key: &str, value: &str, line: usize) -> Vec<Link> {
    let kind = normalise_kind(key);
    let mut links = Vec::new();
    body_links(value, line, &mut links);
    if links.is_empty() {
        links.extend(parse_link(
            &format!("{kind} {value}"),
            line,
            links::Place::Status,
        ));
    }
    for link in &mut links {
        link.kind.clone_from(&kind);
        link.place = links::Place::Status;
    }
    links
}

#[cfg(test)]
mod tests;
