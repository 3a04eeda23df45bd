//! `decide lint`: one finding per line, `path:line: severity[id]: what (hint: how to fix)`.
//! Lint reports real problems only: what a format leaves optional (a MADR status, MADR's
//! open list of statuses, log4brains' sections) is not a finding, and a team's own
//! statuses are mentioned once, as a note, until the config lists them.
//!
//! Per-record checks run where the record is read (in parallel, nothing kept but the
//! findings and a [`Summary`]); log-wide checks (shared numbers, links, titles) run on
//! what the records leave behind, with one index lookup per link.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Log, Numbering, Resolved};
use crate::error::{Error, Location, one_line};
use crate::passages::Library;
use crate::record::parse::{Link, ProblemKind, Target};
use crate::record::{Format, Listing, Record};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub location: Location,
    pub severity: Severity,
    /// The kind of problem, for people to look up and tests to match: `broken-link`.
    pub id: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

impl Finding {
    fn new(
        severity: Severity,
        id: &'static str,
        path: &Path,
        line: Option<usize>,
        message: String,
    ) -> Finding {
        Finding {
            location: Location {
                path: path.to_path_buf(),
                line: line.filter(|l| *l > 0),
                column: None,
            },
            severity,
            id,
            message,
            hint: None,
        }
    }

    fn hint(mut self, hint: &str) -> Finding {
        self.hint = Some(hint.to_string());
        self
    }

    /// A file that could not be read is an error finding, not a stop.
    pub(crate) fn from_error(error: &Error) -> Finding {
        Finding {
            location: error
                .location
                .clone()
                .unwrap_or_else(|| Location::file("?")),
            severity: Severity::Error,
            id: if error.kind == crate::error::Kind::Record {
                "not-a-record"
            } else {
                "unreadable"
            },
            message: error.message.clone(),
            hint: error.hint.clone(),
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}: {severity}[{}]: {}",
            self.location,
            self.id,
            one_line(&self.message)
        )?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {})", one_line(hint))?;
        }
        Ok(())
    }
}

/// What lint makes of records that share a number (the config's `duplicate_numbers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DuplicateNumbers {
    Error,
    Warning,
    Allow,
}

/// What the log-wide checks need from one record, so the bodies can be dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Summary {
    pub path: PathBuf,
    pub number: Option<u32>,
    pub title: String,
    pub title_line: usize,
    pub status_line: Option<usize>,
    /// Superseded (or partly), and the record itself names no successor.
    pub superseded_alone: bool,
    pub links: Vec<Link>,
    pub mentions: Vec<Link>,
    /// The line of front matter that is not a mapping.
    pub front_matter_not_a_mapping: Option<usize>,
    /// A status outside the usual ones, when the config names none.
    pub unusual_status: Option<String>,
    /// Whether the front matter's `id` is the file name (`None`: no `id`).
    pub id_is_file_name: Option<bool>,
}

impl Summary {
    /// What the log-wide checks keep of `record`, which is used up.
    pub(crate) fn of(record: Record, checker: &Checker) -> Summary {
        let status = record.status.as_deref().unwrap_or_default();
        let names_successor = record
            .links
            .iter()
            .any(|l| l.kind.eq_ignore_ascii_case("Superseded by"))
            || record.successor_in_text;
        let superseded_alone = status.contains("superseded") && !names_successor;
        let unusual_status = record
            .status
            .as_ref()
            .filter(|s| !checker.strict && !checker.allows(record.format, s))
            .cloned();
        let front_matter_not_a_mapping = record
            .problems
            .iter()
            .find(|p| p.kind == ProblemKind::FrontMatterNotAMapping)
            .and_then(|p| p.line);
        let id_is_file_name = record.front_matter.get("id").map(|id| *id == record.stem());
        Summary {
            path: record.path,
            number: record.number,
            title: record.title,
            title_line: record.title_line,
            status_line: record.status_line,
            superseded_alone,
            links: record.links,
            mentions: record.mentions,
            front_matter_not_a_mapping,
            unusual_status,
            id_is_file_name,
        }
    }
}

/// What `lint` keeps of one record: the log-wide checks' summary and the record's own
/// findings, cached while the record is unchanged (see [`super::record_cache`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Checked {
    pub summary: Summary,
    pub findings: Vec<Finding>,
}

impl Checked {
    pub(crate) fn of(record: Record, checker: &Checker) -> Checked {
        let findings = check_record(&record, checker);
        Checked {
            summary: Summary::of(record, checker),
            findings,
        }
    }
}

/// The ids of the findings [`check_record`] makes, besides the reading problems' own: a
/// cached finding names one of these. A finding with another id is not cached, so one
/// missing here costs only time.
const RECORD_FINDING_IDS: [&str; 6] = [
    "missing-section",
    "no-status",
    "unknown-status",
    "status-disagrees",
    "quote-mismatch",
    "review-overdue",
];

fn record_finding_id(id: &str) -> Option<&'static str> {
    RECORD_FINDING_IDS
        .iter()
        .copied()
        .chain(ProblemKind::ALL.iter().map(|kind| kind.id()))
        .find(|known| *known == id)
}

impl super::record_cache::Cacheable<'_> for Checked {
    const NAME: &'static str = "lint";

    fn encode(&self, line: &mut super::record_cache::Line) -> Option<()> {
        let s = &self.summary;
        line.number(s.number);
        line.field().text(&s.title)?;
        line.field().number(Some(s.title_line));
        line.field().number(s.status_line);
        line.field().flag(s.superseded_alone);
        line.field().links(&s.links)?;
        line.field().links(&s.mentions)?;
        line.field().number(s.front_matter_not_a_mapping);
        line.field().optional_text(s.unusual_status.as_deref())?;
        line.field().letter(match s.id_is_file_name {
            None => '-',
            Some(false) => '0',
            Some(true) => '1',
        });
        // Each finding as six texts: id, severity, line, column, message, hint.
        let mut texts = Vec::with_capacity(self.findings.len() * 6);
        for finding in &self.findings {
            if finding.location.path != s.path || record_finding_id(finding.id).is_none() {
                return None;
            }
            let number = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
            texts.extend([
                finding.id.to_string(),
                match finding.severity {
                    Severity::Error => "e",
                    Severity::Warning => "w",
                }
                .to_string(),
                number(finding.location.line),
                number(finding.location.column),
                finding.message.clone(),
                finding
                    .hint
                    .as_ref()
                    .map_or("-".to_string(), |h| format!("={h}")),
            ]);
        }
        line.field().texts(&texts)
    }

    fn decode(fields: &mut super::record_cache::Fields<'_>, path: &Path) -> Option<Checked> {
        let summary = Summary {
            path: path.to_path_buf(),
            number: fields.optional_number()?,
            title: fields.text()?,
            title_line: fields.number()?,
            status_line: fields.optional_number()?,
            superseded_alone: fields.flags::<1>()?[0],
            links: fields.links()?,
            mentions: fields.links()?,
            front_matter_not_a_mapping: fields.optional_number()?,
            unusual_status: fields.optional_text()?,
            id_is_file_name: match fields.letter()? {
                '-' => None,
                '0' => Some(false),
                '1' => Some(true),
                _ => return None,
            },
        };
        let texts = fields.texts()?;
        if !texts.len().is_multiple_of(6) {
            return None;
        }
        let number = |text: &str| -> Option<Option<usize>> {
            if text.is_empty() {
                Some(None)
            } else {
                text.parse().ok().map(Some)
            }
        };
        let findings = texts
            .chunks_exact(6)
            .map(|f| {
                Some(Finding {
                    location: Location {
                        path: path.to_path_buf(),
                        line: number(&f[2])?,
                        column: number(&f[3])?,
                    },
                    severity: match f[1].as_str() {
                        "e" => Severity::Error,
                        "w" => Severity::Warning,
                        _ => return None,
                    },
                    id: record_finding_id(&f[0])?,
                    message: f[4].clone(),
                    hint: match f[5].as_str() {
                        "-" => None,
                        hint => Some(hint.strip_prefix('=')?.to_string()),
                    },
                })
            })
            .collect::<Option<Vec<Finding>>>()?;
        Some(Checked { summary, findings })
    }
}

impl Checker {
    /// What the findings depend on besides the records' text, for the cache.
    pub(crate) fn settings(&self) -> String {
        format!(
            "today {} numbering {:?} strict {} statuses {:?}",
            crate::text::iso(self.today),
            self.numbering,
            self.strict,
            self.statuses
        )
    }
}

/// Sections each format requires; any one heading of a group will do. log4brains leaves
/// sections to the team.
fn required_sections(format: Format, numbering: Numbering) -> &'static [&'static [&'static str]] {
    match (format, numbering) {
        // adr-tools never names records by date: a log named so (log4brains', a folder a
        // record) writes the sections its own template has.
        (Format::Nygard, Numbering::Date) => &[],
        (Format::Nygard, _) => &[
            &["Status"],
            &["Context"],
            &["Decision", "Decisions"],
            &["Consequences"],
        ],
        (Format::Madr, Numbering::Date) => &[],
        (Format::Decide | Format::Madr, _) => &[
            &["Context and Problem Statement", "Context"],
            &["Considered Options"],
            &["Decision Outcome", "Decision"],
        ],
    }
}

/// The sections `record` must have. An update (`outcome: update`, the stakeholder-update
/// playbook) reports what was said: there were no options to consider; a record that
/// states its status under its title has no `## Status` to add.
fn required_for(record: &Record, numbering: Numbering) -> Vec<&'static [&'static str]> {
    let update = record.format == Format::Decide
        && record
            .front_matter
            .get("outcome")
            .is_some_and(|o| o == "update");
    // A status stated under the title (a `Status:` line, a table's cell) needs no section.
    let status_elsewhere = record
        .statuses
        .iter()
        .any(|s| s.place != crate::record::parse::StatusPlace::Section);
    required_sections(record.format, numbering)
        .iter()
        .copied()
        .filter(|group| !(update && group[0] == "Considered Options"))
        .filter(|group| !(status_elsewhere && group[0] == "Status"))
        .collect()
}

/// What the per-record checks need, prepared once for the whole log.
pub(crate) struct Checker {
    /// The library's quotes, whitespace-normalised, for the reference check.
    quotes: Quotes,
    today: NaiveDate,
    numbering: Numbering,
    /// The statuses each format may have: Nygard, MADR, ours.
    statuses: [Vec<String>; 3],
    /// The config named the statuses: any other is an error.
    strict: bool,
}

/// Quotes sorted by length, then text. A lint looks up eight or so quotes in each of ten
/// thousand records, and the library's quotes mostly differ in length: a lookup compares
/// lengths, and reads a quote's bytes only beside one as long. (A set ordered by text
/// compared the bytes of about six quotes a lookup; a hash reads every byte of the quote.)
struct Quotes(Vec<String>);

impl From<Vec<String>> for Quotes {
    fn from(mut quotes: Vec<String>) -> Quotes {
        quotes.sort_by(|a, b| Quotes::order(a, b));
        quotes.dedup();
        Quotes(quotes)
    }
}

impl Quotes {
    fn order(a: &str, b: &str) -> std::cmp::Ordering {
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    }

    fn contains(&self, quote: &str) -> bool {
        self.0
            .binary_search_by(|known| Quotes::order(known, quote))
            .is_ok()
    }
}

impl Checker {
    pub(crate) fn new(
        library: &Library,
        today: NaiveDate,
        numbering: Numbering,
        statuses: impl Fn(Format) -> (Vec<String>, bool),
    ) -> Checker {
        let (nygard, strict) = statuses(Format::Nygard);
        Checker {
            // A passage that answers a question is quoted with it, as the episode's two
            // speakers: "Thuan: ... Alex: ...".
            quotes: library
                .all()
                .iter()
                .flat_map(|p| {
                    let asked = p.asked.as_ref().map(|asked| {
                        one_line(&format!(
                            "{}: {} {}: {}",
                            asked.speaker, asked.quote, p.speaker, p.quote
                        ))
                    });
                    std::iter::once(one_line(&p.quote)).chain(asked)
                })
                .collect::<Vec<_>>()
                .into(),
            today,
            numbering,
            statuses: [nygard, statuses(Format::Madr).0, statuses(Format::Decide).0],
            strict,
        }
    }

    fn allowed(&self, format: Format) -> &[String] {
        match format {
            Format::Nygard => &self.statuses[0],
            Format::Madr => &self.statuses[1],
            Format::Decide => &self.statuses[2],
        }
    }

    fn allows(&self, format: Format, status: &str) -> bool {
        self.allowed(format).iter().any(|s| s == status)
    }
}

/// The checks that need only this record.
pub(crate) fn check_record(record: &Record, checker: &Checker) -> Vec<Finding> {
    let today = checker.today;
    let mut findings = Vec::new();
    let path = record.path.as_path();
    let first_line = Some(record.title_line.max(1));
    for problem in &record.problems {
        let severity = match problem.kind {
            ProblemKind::DuplicateKey => Severity::Error,
            // One finding for the whole log: see `check_log`.
            ProblemKind::FrontMatterNotAMapping => continue,
            ProblemKind::NoTitleHeading if checker.numbering == Numbering::Date => continue,
            _ => Severity::Warning,
        };
        findings.push(
            Finding::new(
                severity,
                problem.kind.id(),
                path,
                problem.line,
                problem.message.clone(),
            )
            .hint(problem_hint(problem.kind)),
        );
    }
    let sections = required_for(record, checker.numbering);
    for group in &sections {
        if !group
            .iter()
            .any(|heading| record.section(heading).is_some())
        {
            findings.push(
                Finding::new(
                    Severity::Error,
                    "missing-section",
                    path,
                    first_line,
                    missing_section_message(group[0]),
                )
                .hint(&format!(
                    "add it; {} records have {}",
                    record.format.name(),
                    sections
                        .iter()
                        .map(|g| format!("`{}`", g[0]))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
    }
    findings.extend(check_status(record, checker));
    if record.format == Format::Decide {
        findings.extend(check_quotes(record, &checker.quotes));
    }
    if let Some((due, date)) = record.due()
        && record.review_overdue(today)
    {
        let (message, hint) = match due {
            crate::record::parse::Due::Review => (
                format!("review overdue since {date}"),
                "run `decide review N` to record how it turned out",
            ),
            crate::record::parse::Due::Decision => (
                format!("decision overdue since {date}"),
                "once it is decided, record it: `decide review N` finishes an investigation, `decide status N accepted` (or rejected) records an answer",
            ),
        };
        findings.push(
            Finding::new(
                Severity::Warning,
                "review-overdue",
                path,
                first_line,
                message,
            )
            .hint(hint),
        );
    }
    findings
}

fn problem_hint(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::FrontMatterNotAMapping | ProblemKind::FrontMatterInvalid => {
            "write it as `key: value` lines; the body was read as it is"
        }
        ProblemKind::FrontMatterUnclosed => "end it with a line `---`",
        ProblemKind::DuplicateKey => "keep one of them; decide will not edit it until then",
        ProblemKind::NoTitleHeading => "start the record with `# Title`",
        ProblemKind::InvalidDate => "write the date as YYYY-MM-DD after `Date:`",
        ProblemKind::UnfilledPlaceholder => "fill them in, or delete the lines",
        ProblemKind::StatusHeadingLevel => "write it as `## Status`",
        ProblemKind::PlaceholderNumber => "put the record's number in the heading",
        ProblemKind::TitleNumberMismatch => "make the heading's number the file's",
        ProblemKind::MisspeltStatus => "correct the spelling",
    }
}

fn check_status(record: &Record, checker: &Checker) -> Vec<Finding> {
    let path = record.path.as_path();
    let mut findings = Vec::new();
    match &record.status {
        // MADR and log4brains make the status optional; adr-tools always writes one.
        None if record.format == Format::Nygard
            && !record
                .problems
                .iter()
                .any(|p| p.kind == ProblemKind::UnfilledPlaceholder) =>
        {
            findings.push(
                Finding::new(
                    Severity::Warning,
                    "no-status",
                    path,
                    Some(record.title_line.max(1)),
                    "no status".into(),
                )
                .hint("set one with `decide status N accepted`"),
            );
        }
        Some(status) if checker.strict && !checker.allows(record.format, status) => {
            findings.push(
                Finding::new(
                    Severity::Error,
                    "unknown-status",
                    path,
                    record.status_line,
                    format!("unknown status `{status}`"),
                )
                .hint(&format!(
                    "use one of {}, or add it to `statuses:` in .decide.yaml",
                    checker.allowed(record.format).join(", ")
                )),
            );
        }
        _ => {}
    }
    if let Some((front, body)) = record.disagreement() {
        findings.push(
            Finding::new(
                Severity::Error,
                "status-disagrees",
                path,
                Some(body.line),
                format!(
                    "the front matter says `{}` (line {}), the body says `{}`",
                    front.written.trim(),
                    front.line,
                    body.written.trim()
                ),
            )
            .hint("make them agree: `decide status N STATUS` sets both"),
        );
    }
    findings
}

/// Our References section quotes the passage library verbatim (`> …` lines). A quote that
/// no longer matches means the record and the library disagree about what was said.
fn check_quotes(record: &Record, known: &Quotes) -> Vec<Finding> {
    let Some(section) = record.section("References") else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    let mut text = String::new();
    each_block_quote(section.body, |offset, lines| {
        // The lines as written, joined, are nearly always the library's quote already: a
        // match then proves them spaced as the library is, and only a miss is built again
        // word by word to be sure.
        if known.contains(joined(lines, &mut text)) || known.contains(words(lines, &mut text)) {
            return;
        }
        let line = section.body_line + offset - 1;
        findings.push(
            Finding::new(
                Severity::Error,
                "quote-mismatch",
                &record.path,
                Some(line),
                "quote does not match the passage library".into(),
            )
            .hint("copy it again from `decide passages WORDS`, or remove the reference"),
        );
    });
    findings
}

/// Each `> ` block quote in `body`: the offset (from 1) of its first line within the body,
/// and each of its lines after the `>`.
fn each_block_quote<'b>(body: &'b str, mut quote: impl FnMut(usize, &[&'b str])) {
    // One vector for the record's quotes: a quote is a few lines.
    let mut lines: Vec<&str> = Vec::new();
    let mut offset = 0;
    for (index, line) in crate::text::lines(body).enumerate() {
        match crate::text::trim_start(line).strip_prefix('>') {
            Some(rest) => {
                if lines.is_empty() {
                    offset = index + 1;
                }
                lines.push(rest);
            }
            None if lines.is_empty() => {}
            None => {
                quote(offset, &lines);
                lines.clear();
            }
        }
    }
    if !lines.is_empty() {
        quote(offset, &lines);
    }
}

/// A quote's lines without the spaces around them, one space apart (blank lines left
/// out); a one-line quote as it stands, without a copy. Equal to [`words`] whenever it is
/// already words one space apart, as the library's quotes are; a lint reads ten quotes in
/// each of ten thousand records, and this reads no byte but the lines' ends.
fn joined<'a>(lines: &[&'a str], text: &'a mut String) -> &'a str {
    // Spaces only, byte by byte: any other white space makes the quote no library quote,
    // and [`words`] settles it.
    fn trimmed(line: &str) -> &str {
        let bytes = line.as_bytes();
        let start = bytes.iter().take_while(|&&b| b == b' ').count();
        let end = bytes.len()
            - bytes[start..]
                .iter()
                .rev()
                .take_while(|&&b| b == b' ')
                .count();
        &line[start..end]
    }
    if let [line] = lines {
        return trimmed(line);
    }
    text.clear();
    for line in lines.iter().map(|line| trimmed(line)) {
        if line.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// A quote's words one space apart, as [`one_line`] writes the library's.
fn words<'a>(lines: &[&str], text: &'a mut String) -> &'a str {
    text.clear();
    for word in lines.iter().flat_map(|line| line.split_whitespace()) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    text
}

/// Whether records are named by file in this log: their front matter `id`s are their
/// file names, so numbers may repeat on purpose.
pub(crate) fn named_by_file(summaries: &[Summary]) -> bool {
    let with_id: Vec<bool> = summaries.iter().filter_map(|s| s.id_is_file_name).collect();
    !with_id.is_empty() && with_id.iter().all(|same| *same) && with_id.len() * 2 >= summaries.len()
}

/// The checks across records: numbers used twice, links that lead nowhere, a superseded
/// record nothing replaces, titles used twice, package folders that are missing.
/// `exists` answers for link targets that are not records of the log.
pub(crate) fn check_log(
    log: &Log,
    summaries: &[Summary],
    duplicates: DuplicateNumbers,
    exists: impl Fn(&Path) -> bool + Sync,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if log.numbering == Numbering::Sequence && duplicates != DuplicateNumbers::Allow {
        findings.extend(shared_numbers(summaries, duplicates));
    }
    let index = log.index(summaries.iter().map(|s| (s.path.as_path(), s.number)));
    // Links are checked on every core: ten thousand records hold tens of thousands.
    let checked = crate::parallel::map(summaries, |summary| {
        let mut found = Vec::new();
        let mut replaces = Vec::new();
        let typed = summary.links.iter().map(|l| (l, true));
        let plain = summary.mentions.iter().map(|l| (l, false));
        for (link, is_typed) in typed.chain(plain) {
            if link.file().is_some_and(is_placeholder_target) {
                continue;
            }
            let resolved = index.resolve(&summary.path, link);
            // A link in running text to a page outside the log (a guide, a spec) is the
            // repository's business; links to records are the log's.
            if !is_typed
                && resolved == Resolved::Missing
                && !names_a_record(log, &summary.path, link.file().unwrap_or_default())
            {
                continue;
            }
            if let Resolved::Found(to) | Resolved::ByName(to) = resolved
                && is_typed
                && link.kind.eq_ignore_ascii_case("Supersedes")
            {
                replaces.push(to);
            }
            found.extend(check_link(&summary.path, link, resolved, &index, &exists));
        }
        (found, replaces)
    });
    let mut replaced: HashSet<usize> = HashSet::new();
    for (found, replaces) in checked {
        findings.extend(found);
        replaced.extend(replaces);
    }
    for (position, summary) in summaries.iter().enumerate() {
        if summary.superseded_alone && !replaced.contains(&position) {
            findings.push(
                Finding::new(
                    Severity::Warning,
                    "superseded-without-successor",
                    &summary.path,
                    summary.status_line,
                    "superseded, but no record says what replaced it".into(),
                )
                .hint("link the successor: `decide link NEW Supersedes OLD`"),
            );
        }
    }
    findings.extend(duplicate_titles(summaries));
    let unmapped: Vec<&Summary> = summaries
        .iter()
        .filter(|s| s.front_matter_not_a_mapping.is_some())
        .collect();
    if let Some(first) = unmapped.first() {
        let others = unmapped.len() - 1;
        findings.push(
            Finding::new(
                Severity::Warning,
                "front-matter-not-a-mapping",
                &first.path,
                first.front_matter_not_a_mapping,
                format!(
                    "the front matter is not YAML `key: value` pairs{}; it was read line by line, and the body as usual",
                    match others {
                        0 => String::new(),
                        1 => " (nor in 1 other record)".to_string(),
                        n => format!(" (nor in {n} other records)"),
                    }
                ),
            )
            .hint("write `key: value`, with a space after the colon"),
        );
    }
    for folder in log.folders.iter().filter(|f| !f.exists) {
        findings.push(
            Finding::new(
                Severity::Warning,
                "missing-log-folder",
                Path::new(crate::store::LOG4BRAINS_FILE),
                None,
                format!(
                    "package {} names {}, which does not exist",
                    folder.package.as_deref().unwrap_or("?"),
                    folder.path.display()
                ),
            )
            .hint("create the folder, or remove the package"),
        );
    }
    findings
}

/// A template's example target: `yyyymmdd-xxx.md`, `NNNN-title.md`.
fn is_placeholder_target(file: &str) -> bool {
    use crate::text::find_ignoring_ascii_case;
    // No lower-cased copy: every link of every record of the log is asked.
    find_ignoring_ascii_case(file, "xxx").is_some()
        || find_ignoring_ascii_case(file, "yyyymmdd").is_some()
        || file.contains("NNNN")
}

/// Whether a link in the record at `from` leads into one of the log's folders, or names a
/// file the way records are named (`0034-provide-dlq.md`).
fn names_a_record(log: &Log, from: &Path, file: &str) -> bool {
    let name = file.rsplit('/').next().unwrap_or(file);
    if crate::store::record_prefix(name) != crate::store::Prefix::None {
        return true;
    }
    let dir = from.parent().unwrap_or(Path::new(""));
    let target = super::normalise(&log.base.join(dir).join(file));
    let target_dir = target.parent().unwrap_or(Path::new(""));
    log.folders
        .iter()
        .any(|f| super::normalise(&log.base.join(&f.path)) == target_dir)
}

/// Markdown files in a log named by date that are not named like its records, so the
/// log's own tool (log4brains) leaves them out without a word. Its README, index and
/// template are the log's, not records. Only a log named by date is checked: a numbered
/// log's tool reads its other files as notes.
pub(crate) fn unnamed_files(markdown_files: &[PathBuf]) -> Vec<Finding> {
    markdown_files
        .iter()
        .filter(|path| {
            let name = file_name(path).to_lowercase();
            crate::store::record_prefix(&name) == crate::store::Prefix::None
                && !["readme.md", "index.md", "_index.md", "template.md"].contains(&name.as_str())
                && !name.contains("template")
        })
        .map(|path| {
            Finding::new(
                Severity::Warning,
                "not-named-as-a-record",
                path,
                None,
                "not named with a date in front like the log's records (YYYYMMDD-title.md or YYYY-MM-DD-title.md), so it is not read as one"
                    .into(),
            )
            .hint("rename it with the date of the decision in front, or move it out of the log")
        })
        .collect()
}

/// A Markdown file in a numbered log's folder named in a way no command reads.
/// `named`: the user named the log's folder, so the hint does not send them to --dir.
pub(crate) fn unread_file(path: &Path, named: bool) -> Finding {
    Finding::new(
        Severity::Warning,
        "not-named-as-a-record",
        path,
        None,
        "not named NNNN-title.md (or ADR-NNNN-title.md) like a record, so no command reads it"
            .into(),
    )
    .hint(if named {
        "rename it with the record's number in front, or move it out of the log"
    } else {
        "rename it with the record's number in front, or name the log's folder with --dir"
    })
}

/// A Markdown file in a subfolder of a log's folder: records are read only from the
/// folder itself, so no command reads it.
pub(crate) fn unread_below(path: &Path) -> Finding {
    Finding::new(
        Severity::Warning,
        "not-named-as-a-record",
        path,
        None,
        "in a subfolder of the log, where no command reads records".into(),
    )
    .hint("move it into the log's folder named as a record, or out of the log if it is none")
}

fn shared_numbers(summaries: &[Summary], duplicates: DuplicateNumbers) -> Vec<Finding> {
    // Numbers and positions sorted, then read in runs: a map from each number to a vector
    // of its records took ten thousand allocations to find none shared.
    let mut numbered: Vec<(u32, usize)> = summaries
        .iter()
        .enumerate()
        .filter_map(|(position, summary)| {
            match crate::store::record_prefix(&crate::store::record_name(&summary.path)) {
                crate::store::Prefix::Number(number) => Some((number, position)),
                _ => None,
            }
        })
        .collect();
    numbered.sort_unstable();
    let severity = match duplicates {
        DuplicateNumbers::Warning => Severity::Warning,
        _ => Severity::Error,
    };
    let mut findings = Vec::new();
    for run in numbered.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 {
            continue;
        }
        let number = run[0].0;
        let holders: Vec<&Summary> = run
            .iter()
            .map(|&(_, position)| &summaries[position])
            .collect();
        let names: Vec<String> = holders.iter().map(|s| file_name(&s.path)).collect();
        for holder in holders {
            findings.push(
                Finding::new(
                    severity,
                    "duplicate-number",
                    &holder.path,
                    Some(1),
                    format!("number {number} is used by {}", names.join(" and ")),
                )
                .hint("run `decide renumber` (two branches each added a record), or set `duplicate_numbers: allow` in .decide.yaml if numbers repeat on purpose"),
            );
        }
    }
    findings
}

/// A finding for a link that does not lead to a record or a file.
fn check_link(
    from: &Path,
    link: &Link,
    resolved: Resolved,
    index: &super::Index<'_>,
    exists: &impl Fn(&Path) -> bool,
) -> Option<Finding> {
    let what = if link.kind.is_empty() {
        "link".to_string()
    } else {
        format!("{} link", link.kind)
    };
    match (resolved, &link.target) {
        (Resolved::Found(_) | Resolved::Elsewhere, _)
        | (_, Target::Web(_))
        | (Resolved::ByName(_), Target::Number(_)) => None,
        (Resolved::Ambiguous, Target::Number(number)) => Some(
            Finding::new(
                Severity::Warning,
                "ambiguous-link",
                from,
                Some(link.line),
                format!(
                    "{what} `{}` names number {number}, which several records share",
                    link.label
                ),
            )
            .hint("link to the record's file instead"),
        ),
        (Resolved::Missing, Target::Number(number)) => Some(
            Finding::new(
                Severity::Error,
                "broken-link",
                from,
                Some(link.line),
                format!(
                    "{what} `{}` names record {number}, which does not exist",
                    link.label
                ),
            )
            .hint("point it at an existing record, or remove it"),
        ),
        (Resolved::ByName(to), Target::File(written)) => {
            let dir = from.parent().unwrap_or(Path::new(""));
            if exists(&dir.join(link.file().unwrap_or_default())) {
                return None;
            }
            let named = file_name(index.path(to));
            let from_root = !written.starts_with('.') && written.contains('/');
            Some(
                Finding::new(
                    Severity::Error,
                    if from_root { "root-relative-link" } else { "broken-link" },
                    from,
                    Some(link.line),
                    format!(
                        "{what} `{written}` does not lead to a file from this record{}; it names {named}",
                        if from_root { " (it is written from the repository's root)" } else { "" }
                    ),
                )
                .hint(&format!(
                    "write the path from this record's folder: `{}`",
                    in_style_of(written, &index.target(from, to))
                )),
            )
        }
        (Resolved::Missing | Resolved::Ambiguous, Target::File(written)) => {
            let file = link.file().unwrap_or_default();
            let dir = from.parent().unwrap_or(Path::new(""));
            if exists(&dir.join(file)) {
                return None;
            }
            Some(
                Finding::new(
                    Severity::Error,
                    "broken-link",
                    from,
                    Some(link.line),
                    format!("{what} `{written}` does not exist"),
                )
                .hint("point it at an existing record, or remove it"),
            )
        }
    }
}

/// The path `suggested` (`adr-003-x.md`) written as the link `written` is: without the
/// extension when the link names the record without one (`docs/adr/adr-003-x`, as a site
/// serves it), from `./` when it starts so, with its `#fragment`. A fix in another style
/// than the log's links would be one more thing to fix.
fn in_style_of(written: &str, suggested: &str) -> String {
    let (file, fragment) = written.split_at(written.find('#').unwrap_or(written.len()));
    let name = file.rsplit('/').next().unwrap_or(file);
    let mut path = suggested.to_string();
    if !name.is_empty() && !name.contains('.') {
        path = crate::store::without_extension(&path).to_string();
    }
    if file.starts_with("./") && !path.starts_with('.') {
        path.insert_str(0, "./");
    }
    path + fragment
}

/// Two records with one title: usually a heading copied with the template. A record that
/// supersedes another (or is superseded by it) may keep its title: it decides the same
/// question anew.
fn duplicate_titles(summaries: &[Summary]) -> Vec<Finding> {
    let mut first: HashMap<String, &Summary> = HashMap::new();
    let mut findings = Vec::new();
    for (position, summary) in summaries.iter().enumerate() {
        let title = summary.title.trim();
        // Most titles are ASCII, lower-cased without looking up each character's case.
        let key = if title.is_ascii() {
            title.to_ascii_lowercase()
        } else {
            title.to_lowercase()
        };
        if key.is_empty() {
            continue;
        }
        let Some(earlier) = first.get(&key) else {
            first.insert(key, summary);
            continue;
        };
        // Rare: only a repeated title looks back at the records before it.
        let same_title = |other: &&Summary| {
            other.title.trim().eq_ignore_ascii_case(title)
                || other.title.trim().to_lowercase() == key
        };
        let related = summaries[..position]
            .iter()
            .filter(same_title)
            .any(|other| supersession(summary, other) || supersession(other, summary));
        if !related {
            findings.push(
                Finding::new(
                    Severity::Warning,
                    "duplicate-title",
                    &summary.path,
                    Some(summary.title_line.max(1)),
                    format!(
                        "the same title as {}: {}",
                        file_name(&earlier.path),
                        summary.title
                    ),
                )
                .hint("give each decision its own title"),
            );
        }
    }
    findings
}

/// Whether `from` says it supersedes `to` or is superseded by it.
fn supersession(from: &Summary, to: &Summary) -> bool {
    if from.path.parent() != to.path.parent() {
        return false;
    }
    let name = file_name(&to.path);
    from.links.iter().any(|link| {
        (link.kind.eq_ignore_ascii_case("Supersedes")
            || link.kind.eq_ignore_ascii_case("Superseded by"))
            && link.leads_to(&name)
    })
}

/// The statuses outside the usual ones, with how many records have each: a note, since a
/// team may well use its own.
pub(crate) fn unusual_statuses(summaries: &[Summary]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for status in summaries.iter().filter_map(|s| s.unusual_status.as_ref()) {
        *counts.entry(status.clone()).or_default() += 1;
    }
    counts.into_iter().collect()
}

/// What [`drop_log_conventions`] took out: how many records each convention covered.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Conventions {
    /// Records with no `# Title` heading.
    pub untitled: usize,
    /// Records with no status at all.
    pub statusless: usize,
}

/// Takes out the findings that are how the log is written rather than a problem of each
/// record, when most of its records (at least three) share them: no `# Title` heading (a
/// site generator titles its pages from elsewhere), or no status anywhere (a log whose
/// records are all in force until removed). One finding per record would say nothing the
/// team did not choose.
pub(crate) fn drop_log_conventions(findings: &mut Vec<Finding>, records: usize) -> Conventions {
    let most = |count: usize| count >= 3 && count * 2 > records;
    let untitled = findings
        .iter()
        .filter(|f| f.id == ProblemKind::NoTitleHeading.id())
        .count();
    let statusless = findings.iter().filter(|f| f.id == "no-status").count();
    let mut dropped = Conventions::default();
    if most(untitled) {
        findings.retain(|f| f.id != ProblemKind::NoTitleHeading.id());
        dropped.untitled = untitled;
    }
    if most(statusless) {
        let status_section = missing_section_message("Status");
        findings.retain(|f| {
            f.id != "no-status" && !(f.id == "missing-section" && f.message == status_section)
        });
        dropped.statusless = statusless;
    }
    dropped
}

fn missing_section_message(heading: &str) -> String {
    format!("missing the required section `## {heading}`")
}

/// How findings name a record: its file name, or its folder's for a folder's page.
fn file_name(path: &Path) -> String {
    crate::store::record_name(path).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse;

    /// A suggested path keeps the link's own style: its extension or none, its `./`, its
    /// fragment.
    #[test]
    fn a_suggested_path_is_written_as_the_link_is() {
        for (written, suggested, expected) in [
            ("docs/adr/adr-003-x", "adr-003-x.md", "adr-003-x"),
            ("docs/adr/adr-003-x.md", "adr-003-x.md", "adr-003-x.md"),
            ("./old/adr-003-x", "adr-003-x.md", "./adr-003-x"),
            ("old/0003-x.md#why", "0003-x.md", "0003-x.md#why"),
            ("old/0003-x#why", "../adr/0003-x.md", "../adr/0003-x#why"),
            ("docs/adr/0003-x.mdx", "0003-x.mdx", "0003-x.mdx"),
        ] {
            assert_eq!(in_style_of(written, suggested), expected, "{written}");
        }
    }

    #[test]
    fn every_fixture_record_is_checked_the_same_from_the_cache() {
        use super::super::record_cache::round_trip;
        use super::super::record_cache::tests::{assert_damage_is_refused, fixture_records};
        let checker = checker(false);
        let (mut checked, mut uncached) = (0, Vec::new());
        let mut with_findings = None;
        for path in fixture_records() {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Ok(record) = parse::parse_outline(&path, &text) else {
                continue;
            };
            let value = Checked::of(record, &checker);
            match round_trip(&value, &path) {
                Some(back) => {
                    assert_eq!(back, value, "{}", path.display());
                    checked += 1;
                    if value.findings.iter().any(|f| f.hint.is_some()) {
                        with_findings = Some(value);
                    }
                }
                None => uncached.extend(value.findings.iter().map(|f| f.id)),
            }
        }
        assert!(checked > 100, "only {checked} fixture records were checked");
        // A record's own findings all have ids the cache knows, or it is read every time.
        assert!(
            uncached.iter().all(|id| record_finding_id(id).is_some()),
            "{uncached:?}"
        );
        let value = with_findings.expect("a fixture record with findings");
        // The title (2) holds any text.
        assert_damage_is_refused(&value, &value.summary.path.clone(), &[2]);
    }

    #[test]
    fn the_cache_settings_change_with_what_the_findings_depend_on() {
        let strict = checker(true).settings();
        let usual = checker(false).settings();
        assert_ne!(strict, usual);
        let mut later = checker(false);
        later.today = day("2027-01-02");
        assert_ne!(later.settings(), usual);
        let mut dated = checker(false);
        dated.numbering = Numbering::Date;
        assert_ne!(dated.settings(), usual);
        let (mut one, mut two) = (checker(false), checker(false));
        one.statuses[0] = vec!["a,b".to_string()];
        two.statuses[0] = vec!["a".to_string(), "b".to_string()];
        assert_ne!(one.settings(), two.settings());
    }

    #[test]
    fn a_log_without_title_headings_is_told_once_not_per_record() {
        let untitled = |n: usize| {
            Finding::new(
                Severity::Warning,
                ProblemKind::NoTitleHeading.id(),
                Path::new(&format!("{n:03}-x.md")),
                Some(1),
                "no `# Title` heading".into(),
            )
        };
        let other = Finding::new(
            Severity::Error,
            "broken-link",
            Path::new("001-x.md"),
            Some(3),
            "broken".into(),
        );
        // (records without a heading, records in the log, how many are dropped)
        for (untitled_count, records, dropped) in [
            (3, 3, 3),
            (3, 5, 3),
            (3, 6, 0),
            (2, 2, 0),
            (10, 12, 10),
            (1, 40, 0),
        ] {
            let mut findings: Vec<Finding> = (0..untitled_count).map(untitled).collect();
            findings.push(other.clone());
            assert_eq!(
                drop_log_conventions(&mut findings, records).untitled,
                dropped,
                "{untitled_count} of {records}"
            );
            assert_eq!(findings.len(), untitled_count - dropped + 1);
            assert!(findings.iter().any(|f| f.id == "broken-link"));
        }
    }

    #[test]
    fn a_log_without_statuses_is_told_once_not_per_record() {
        let finding = |id: &'static str, n: usize, message: String| {
            Finding::new(
                Severity::Warning,
                id,
                Path::new(&format!("adr{n:03}-x.md")),
                Some(1),
                message,
            )
        };
        let log = |statusless: usize| {
            let mut findings = Vec::new();
            for n in 0..statusless {
                findings.push(finding("no-status", n, "no status".into()));
                findings.push(finding(
                    "missing-section",
                    n,
                    missing_section_message("Status"),
                ));
                findings.push(finding(
                    "missing-section",
                    n,
                    missing_section_message("Consequences"),
                ));
            }
            findings
        };
        // (records without a status, records in the log, findings left)
        for (statusless, records, left) in [(4, 5, 4), (4, 9, 12), (2, 2, 6), (3, 3, 3)] {
            let mut findings = log(statusless);
            let dropped = drop_log_conventions(&mut findings, records);
            assert_eq!(findings.len(), left, "{statusless} of {records}");
            assert_eq!(
                dropped.statusless,
                if left == statusless { statusless } else { 0 }
            );
            // A missing section other than the status is still each record's problem.
            assert!(findings.iter().all(|f| f.id != "missing-section"
                || f.message.contains("Consequences")
                || left > statusless));
        }
    }

    #[test]
    fn block_quotes_read_as_one_line_each() {
        let body = "[1] Alex:\n\n> Thuan: How?\n>\n> Alex:  Ask\n> yourself.\n\n> One  line,\tspaced oddly.\n\n> Plain words.\n> Then\u{a0}more.\ntext\n> Last.\n\n> A vertical\x0btab.\n\n> Two lines\n> with a\x0btab.";
        let mut quotes = Vec::new();
        let mut text = String::new();
        each_block_quote(body, |offset, lines| {
            quotes.push((offset, words(lines, &mut text).to_string()));
        });
        assert_eq!(
            quotes,
            [
                (3, "Thuan: How? Alex: Ask yourself.".to_string()),
                (8, "One line, spaced oddly.".to_string()),
                (10, "Plain words. Then more.".to_string()),
                (13, "Last.".to_string()),
                (15, "A vertical tab.".to_string()),
                (17, "Two lines with a tab.".to_string()),
            ]
        );
    }

    /// The quick reading of a quote, against the word-by-word one: the same text whenever
    /// the quick one is words one space apart (the only text a library quote can be).
    #[test]
    fn joined_quotes_are_their_words_when_spaced() {
        for (lines, quick) in [
            (&[" Plain words."][..], "Plain words."),
            (&["  Spaces around  "], "Spaces around"),
            (
                &[" Thuan: How?", "", " Alex: Ask", " yourself."],
                "Thuan: How? Alex: Ask yourself.",
            ),
            (&["", " After a blank"], "After a blank"),
            (&[" Two  spaces"], "Two  spaces"),
            (&[" A\ttab"], "A\ttab"),
            (&["\tLeading tab"], "\tLeading tab"),
            (&[" Then\u{a0}more."], "Then\u{a0}more."),
            (
                &[" Curly \u{2019}quotes\u{2019} stay"],
                "Curly \u{2019}quotes\u{2019} stay",
            ),
            (&[" Vertical\x0btab"], "Vertical\x0btab"),
            (&[" "], ""),
            (&[], ""),
        ] {
            let (mut a, mut b) = (String::new(), String::new());
            let quick_text = joined(lines, &mut a).to_string();
            assert_eq!(quick_text, quick, "{lines:?}");
            let slow = words(lines, &mut b);
            if quick_text == one_line(&quick_text) {
                assert_eq!(quick_text, slow, "{lines:?}");
            } else {
                assert_ne!(quick_text, slow, "{lines:?}");
            }
        }
    }

    #[test]
    fn quotes_are_found_by_length_and_text() {
        let quotes = Quotes::from(
            ["ab", "b", "a", "abc", "ba", "a"]
                .map(String::from)
                .to_vec(),
        );
        for (quote, known) in [
            ("a", true),
            ("b", true),
            ("ab", true),
            ("ba", true),
            ("abc", true),
            ("", false),
            ("c", false),
            ("aa", false),
            ("abcd", false),
        ] {
            assert_eq!(quotes.contains(quote), known, "{quote:?}");
        }
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn checker(strict: bool) -> Checker {
        let library = Library::embedded().unwrap();
        Checker::new(&library, day("2027-01-01"), Numbering::Sequence, |format| {
            if strict {
                (vec!["accepted".to_string()], true)
            } else {
                let mut usual: Vec<String> = [
                    "proposed",
                    "accepted",
                    "rejected",
                    "deprecated",
                    "superseded",
                ]
                .map(String::from)
                .to_vec();
                if format != Format::Nygard {
                    usual.push("on hold".into());
                }
                (usual, false)
            }
        })
    }

    fn findings(name: &str, text: &str, strict: bool) -> Vec<String> {
        let record = parse(Path::new(name), text).unwrap();
        check_record(&record, &checker(strict))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn record_checks() {
        let good_nygard = "# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n";
        let cases: &[(&str, bool, &[&str])] = &[
            (good_nygard, false, &[]),
            (&good_nygard.replace("Accepted", "Pending"), false, &[]),
            (
                &good_nygard.replace("Accepted", "Pending"),
                true,
                &[
                    "0001-a.md:7: error[unknown-status]: unknown status `pending` (hint: use one of accepted, or add it to `statuses:` in .decide.yaml)",
                ],
            ),
            (
                &good_nygard.replace("Accepted", "Depreciated."),
                false,
                &[
                    "0001-a.md:7: warning[misspelt-status]: status `Depreciated.` reads as `deprecated` (depreciated is a misspelling) (hint: correct the spelling)",
                ],
            ),
            (
                "# 1. A\n\n## Status\n\nAccepted\n\n## Context\n\n## Decision\n",
                false,
                &[
                    "0001-a.md:1: error[missing-section]: missing the required section `## Consequences` (hint: add it; adr-tools records have `Status`, `Context`, `Decision`, `Consequences`)",
                ],
            ),
            (
                "---\nstatus: accepted\n---\n# A\n\n## Context and Problem Statement\n\n## Considered Options\n\n## Decision Outcome\n",
                false,
                &[],
            ),
            // MADR makes the status optional.
            (
                "# A\n\n## Context\n\n## Considered Options\n\n## Decision\n",
                false,
                &[],
            ),
            (
                "---\nstatus: accepted\nplaybook: stakeholder-update\noutcome: update\n---\n# A\n\n## Context and Problem Statement\n\n## Decision Outcome\n",
                false,
                &[],
            ),
            (
                "---\nstatus: accepted\nplaybook: decision\noutcome: decided\n---\n# A\n\n## Context and Problem Statement\n\n## Decision Outcome\n",
                false,
                &[
                    "0001-a.md:6: error[missing-section]: missing the required section `## Considered Options` (hint: add it; decide records have `Context and Problem Statement`, `Considered Options`, `Decision Outcome`)",
                ],
            ),
            (
                "---\nstatus: Accepted\n---\n# 1. A\n\n## Status\n\nProposed\n\n## Context\n\n## Decision\n\n## Consequences\n",
                false,
                &[
                    "0001-a.md:8: error[status-disagrees]: the front matter says `Accepted` (line 2), the body says `Proposed` (hint: make them agree: `decide status N STATUS` sets both)",
                ],
            ),
            (
                "---\nstatus: accepted\nstatus: rejected\n---\n# A\n\n## Context\n\n## Considered Options\n\n## Decision\n",
                false,
                &[
                    "0001-a.md:3: error[duplicate-key]: the front matter has `status` twice (lines 2 and 3) (hint: keep one of them; decide will not edit it until then)",
                ],
            ),
            (
                "---\nstatus: accepted\nreview-by: 2026-12-31\nplaybook: decision\n---\n# A\n\n## Context\n\n## Considered Options\n\n## Decision Outcome\n",
                false,
                &[
                    "0001-a.md:6: warning[review-overdue]: review overdue since 2026-12-31 (hint: run `decide review N` to record how it turned out)",
                ],
            ),
        ];
        for (text, strict, expected) in cases {
            assert_eq!(findings("0001-a.md", text, *strict), *expected, "{text}");
        }
    }

    #[test]
    fn quotes_must_match_the_library() {
        let library = Library::embedded().unwrap();
        let real = &library.all()[0].quote;
        let text = format!(
            "---\nstatus: accepted\nplaybook: decision\n---\n# A\n\n## Context\n\n## Considered Options\n\n## Decision Outcome\n\n## References\n\n[1] Alex:\n\n> {real}\n\n[2] Alex:\n\n> Something Alex never said\n> on two lines.\n"
        );
        let found = findings("0001-a.md", &text, false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("0001-a.md:21: error[quote-mismatch]: quote does not match"),
            "{found:?}"
        );
    }

    /// A passage that answers a question is quoted with the question, as our records write
    /// it; the question is checked word for word too.
    #[test]
    fn a_quote_with_the_question_it_answers_matches() {
        let library = Library::embedded().unwrap();
        let passage = library.all().iter().find(|p| p.asked.is_some()).unwrap();
        let asked = passage.asked.as_ref().unwrap();
        let record = |question: &str| {
            format!(
                "---\nstatus: accepted\nplaybook: decision\n---\n# A\n\n## Context\n\n## Considered Options\n\n## Decision Outcome\n\n## References\n\n[1] Alex:\n\n> {}: {question}\n>\n> {}: {}\n",
                asked.speaker, passage.speaker, passage.quote
            )
        };
        assert_eq!(
            findings("0001-a.md", &record(&asked.quote), false),
            [] as [String; 0]
        );
        let altered = findings("0001-a.md", &record("Something nobody asked?"), false);
        assert_eq!(altered.len(), 1, "{altered:?}");
        assert!(altered[0].contains("quote does not match"), "{altered:?}");
    }

    #[test]
    fn log_checks() {
        let dir = tempfile::tempdir().unwrap();
        let names = ["0007-a.md", "0007-b.md", "0008-c.md", "0009-d.md"];
        for name in names {
            std::fs::write(dir.path().join(name), "# T\n").unwrap();
        }
        let log = Log::open(dir.path(), &[], false, dir.path()).unwrap();
        let texts = [
            "# 7. A\n\n## Status\n\nAccepted\n\nSupersedes [7. B](0007-b.md)\n",
            "# 7. B\n\n## Status\n\nSuperseded\n\nSupersedes [1. Gone](./0001-gone.md)\n\nSee [the readme](README.md#top) and [C](docs/0008-c.md).\n\n## Context\n\nThe [guide](../guide/setup.md) is elsewhere; [xxx](yyyymmdd-xxx.md) is a template's.\n",
            "# 8. C\n\n## Status\n\nPartly superseded\n",
            "# 9. A\n\n## Status\n\nPartly superseded\n\n## Decision\n\nThe ranges below are superseded by [7. A](0007-a.md).\n",
        ];
        let checker = checker(false);
        let summaries: Vec<Summary> = names
            .iter()
            .zip(texts)
            .map(|(name, text)| Summary::of(parse(&dir.path().join(name), text).unwrap(), &checker))
            .collect();
        let found: Vec<String> = check_log(&log, &summaries, DuplicateNumbers::Error, |p| {
            p.ends_with("README.md")
        })
        .iter()
        .map(|f| {
            f.to_string()
                .replace(&format!("{}/", dir.path().display()), "")
        })
        .collect();
        assert_eq!(
            found,
            [
                "0007-a.md:1: error[duplicate-number]: number 7 is used by 0007-a.md and 0007-b.md (hint: run `decide renumber` (two branches each added a record), or set `duplicate_numbers: allow` in .decide.yaml if numbers repeat on purpose)",
                "0007-b.md:1: error[duplicate-number]: number 7 is used by 0007-a.md and 0007-b.md (hint: run `decide renumber` (two branches each added a record), or set `duplicate_numbers: allow` in .decide.yaml if numbers repeat on purpose)",
                "0007-b.md:7: error[broken-link]: Supersedes link `./0001-gone.md` does not exist (hint: point it at an existing record, or remove it)",
                "0007-b.md:9: error[root-relative-link]: link `docs/0008-c.md` does not lead to a file from this record (it is written from the repository's root); it names 0008-c.md (hint: write the path from this record's folder: `0008-c.md`)",
                "0008-c.md:5: warning[superseded-without-successor]: superseded, but no record says what replaced it (hint: link the successor: `decide link NEW Supersedes OLD`)",
                "0009-d.md:1: warning[duplicate-title]: the same title as 0007-a.md: A (hint: give each decision its own title)",
            ]
        );
        let allowed = check_log(&log, &summaries, DuplicateNumbers::Allow, |_| false);
        assert!(allowed.iter().all(|f| f.id != "duplicate-number"));
    }

    /// Records that share a number are named together, in the log's order, whatever
    /// order their numbers come in.
    #[test]
    fn records_sharing_a_number_are_grouped() {
        let checker = checker(false);
        let names = [
            "0003-c.md",
            "0001-a.md",
            "0003-d.md",
            "0002-b.md",
            "0001-e.md",
            "0003-f.md",
            "notes.md",
        ];
        let summaries: Vec<Summary> = names
            .iter()
            .map(|name| Summary::of(parse(Path::new(name), "# T\n").unwrap(), &checker))
            .collect();
        let found: Vec<(String, String)> = shared_numbers(&summaries, DuplicateNumbers::Warning)
            .iter()
            .map(|f| (file_name(&f.location.path), f.message.clone()))
            .collect();
        let shared = |name: &str, message: &str| (name.to_string(), message.to_string());
        assert_eq!(
            found,
            [
                shared("0001-a.md", "number 1 is used by 0001-a.md and 0001-e.md"),
                shared("0001-e.md", "number 1 is used by 0001-a.md and 0001-e.md"),
                shared(
                    "0003-c.md",
                    "number 3 is used by 0003-c.md and 0003-d.md and 0003-f.md"
                ),
                shared(
                    "0003-d.md",
                    "number 3 is used by 0003-c.md and 0003-d.md and 0003-f.md"
                ),
                shared(
                    "0003-f.md",
                    "number 3 is used by 0003-c.md and 0003-d.md and 0003-f.md"
                ),
            ]
        );
    }

    #[test]
    fn a_log_named_by_date_says_which_files_it_leaves_out() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["20210312-a.md", "README.md", "notes.md", "template.md"] {
            std::fs::write(dir.path().join(name), "# T\n").unwrap();
        }
        let files: Vec<PathBuf> = ["20210312-a.md", "README.md", "notes.md", "template.md"]
            .iter()
            .map(|n| dir.path().join(n))
            .collect();
        let found = unnamed_files(&files);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].location.path, dir.path().join("notes.md"));
        let numbered = Log::open(dir.path(), &[], false, dir.path()).unwrap();
        assert!(
            numbered.numbering == Numbering::Date,
            "the file names say so"
        );
    }
}
