//! `decide lint`: one finding per line, `path:line: severity: what (hint: how to fix)`.
//! Per-record checks run where the record is read (in parallel, nothing kept but the
//! findings and its links); log-wide checks (duplicate numbers, broken links) run on
//! what the records leave behind.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, Location, one_line};
use crate::passages::Library;
use crate::record::parse::KNOWN_STATUSES;
use crate::record::{Format, Link, Record};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub location: Location,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
}

impl Finding {
    fn new(severity: Severity, path: &Path, line: Option<usize>, message: String) -> Finding {
        Finding {
            location: Location {
                path: path.to_path_buf(),
                line,
                column: None,
            },
            severity,
            message,
            hint: None,
        }
    }

    fn hint(mut self, hint: &str) -> Finding {
        self.hint = Some(hint.to_string());
        self
    }

    /// A file that could not be read or parsed is an error finding, not a stop.
    pub(crate) fn from_error(error: &Error) -> Finding {
        Finding {
            location: error
                .location
                .clone()
                .unwrap_or_else(|| Location::file("?")),
            severity: Severity::Error,
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
            "{}: {severity}: {}",
            self.location,
            one_line(&self.message)
        )?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {})", one_line(hint))?;
        }
        Ok(())
    }
}

/// What the log-wide checks need from one record, so the bodies can be dropped.
#[derive(Debug, Clone)]
pub(crate) struct Summary {
    pub path: PathBuf,
    pub number: Option<u32>,
    pub links: Vec<Link>,
}

impl Summary {
    pub(crate) fn of(record: &Record) -> Summary {
        Summary {
            path: record.path.clone(),
            number: record.number,
            links: record.links.clone(),
        }
    }
}

/// Sections each format requires; any one heading of a group will do.
fn required_sections(format: Format) -> &'static [&'static [&'static str]] {
    match format {
        Format::Nygard => &[&["Status"], &["Context"], &["Decision"], &["Consequences"]],
        Format::Decide | Format::Madr => &[
            &["Context and Problem Statement", "Context"],
            &["Considered Options"],
            &["Decision Outcome", "Decision"],
        ],
    }
}

/// The sections `record` must have. An update (`outcome: update`, the stakeholder-update
/// playbook) reports what was said: there were no options to consider.
fn required_for(record: &Record) -> Vec<&'static [&'static str]> {
    let update = record.format == Format::Decide
        && record
            .front_matter
            .get("outcome")
            .is_some_and(|o| o == "update");
    required_sections(record.format)
        .iter()
        .copied()
        .filter(|group| !(update && group[0] == "Considered Options"))
        .collect()
}

/// What the per-record checks need, prepared once for the whole log.
pub(crate) struct Checker {
    /// The library's quotes, whitespace-normalised, for the reference check.
    quotes: HashSet<String>,
    today: NaiveDate,
}

impl Checker {
    pub(crate) fn new(library: &Library, today: NaiveDate) -> Checker {
        Checker {
            // A passage that answers a question is quoted with it, as the episode's two
            // speakers: "Thuan: ... Alex: ...".
            quotes: library
                .all()
                .iter()
                .flat_map(|p| {
                    let asked = p.asked.as_ref().map(|asked| {
                        normalise(&format!(
                            "{}: {} {}: {}",
                            asked.speaker, asked.quote, p.speaker, p.quote
                        ))
                    });
                    std::iter::once(normalise(&p.quote)).chain(asked)
                })
                .collect(),
            today,
        }
    }
}

/// The checks that need only this record.
pub(crate) fn check_record(record: &Record, checker: &Checker) -> Vec<Finding> {
    let today = checker.today;
    let mut findings = Vec::new();
    let path = record.path.as_path();
    let required = required_for(record);
    for group in &required {
        if !group
            .iter()
            .any(|heading| record.section(heading).is_some())
        {
            findings.push(
                Finding::new(
                    Severity::Error,
                    path,
                    Some(record.title_line),
                    format!("missing the required section `## {}`", group[0]),
                )
                .hint(&format!(
                    "add it; {} records have {}",
                    record.format.name(),
                    required
                        .iter()
                        .map(|g| format!("`{}`", g[0]))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
    }
    match &record.status {
        None => findings.push(
            Finding::new(
                Severity::Warning,
                path,
                Some(record.title_line),
                "no status".into(),
            )
            .hint("set one with `decide status N accepted`"),
        ),
        Some(status) if !KNOWN_STATUSES.contains(&status.as_str()) => findings.push(
            Finding::new(
                Severity::Error,
                path,
                record.status_line,
                format!("unknown status `{status}`"),
            )
            .hint(&format!("use one of {}", KNOWN_STATUSES.join(", "))),
        ),
        Some(_) => {}
    }
    if record.format == Format::Decide {
        findings.extend(check_quotes(record, &checker.quotes));
    }
    if let Some(review_by) = record.review_by
        && record.review_overdue(today)
    {
        findings.push(
            Finding::new(
                Severity::Warning,
                path,
                Some(record.title_line),
                format!("review overdue since {review_by}"),
            )
            .hint("run `decide review N` to record how it turned out"),
        );
    }
    findings
}

/// Our References section quotes the passage library verbatim (`> …` lines). A quote that
/// no longer matches means the record and the library disagree about what was said.
fn check_quotes(record: &Record, known: &HashSet<String>) -> Vec<Finding> {
    let Some(section) = record.section("References") else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for (offset, quote) in block_quotes(&section.body) {
        if !known.contains(&normalise(&quote)) {
            let line = section.body_line + offset - 1;
            findings.push(
                Finding::new(
                    Severity::Error,
                    &record.path,
                    Some(line),
                    "quote does not match the passage library".into(),
                )
                .hint("copy it again from `decide passages WORDS`, or remove the reference"),
            );
        }
    }
    findings
}

/// Each `> ` block quote in `body` as one line of text, with the offset (from 1) of its
/// first line within the body.
fn block_quotes(body: &str) -> Vec<(usize, String)> {
    let mut quotes = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (index, line) in body.lines().enumerate() {
        match line.trim_start().strip_prefix('>') {
            Some(rest) => {
                let (_, text) = current.get_or_insert_with(|| (index + 1, String::new()));
                text.push(' ');
                text.push_str(rest.trim());
            }
            None => quotes.extend(current.take()),
        }
    }
    quotes.extend(current);
    quotes
}

fn normalise(text: &str) -> String {
    one_line(text)
}

/// The checks across records: numbers used twice and links to files that are not there.
/// `exists` answers for link targets that are not records of the log.
pub(crate) fn check_log(summaries: &[Summary], exists: impl Fn(&Path) -> bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut by_number: BTreeMap<u32, Vec<&Summary>> = BTreeMap::new();
    for summary in summaries {
        if let Some(number) = summary.number {
            by_number.entry(number).or_default().push(summary);
        }
    }
    for (number, holders) in &by_number {
        if holders.len() < 2 {
            continue;
        }
        let names: Vec<String> = holders.iter().map(|s| file_name(&s.path)).collect();
        for holder in holders {
            findings.push(
                Finding::new(
                    Severity::Error,
                    &holder.path,
                    Some(1),
                    format!("number {number} is used by {}", names.join(" and ")),
                )
                .hint("run `decide renumber` (two branches each added a record)"),
            );
        }
    }
    let names: BTreeSet<String> = summaries.iter().map(|s| file_name(&s.path)).collect();
    for summary in summaries {
        let dir = summary.path.parent().unwrap_or(Path::new("."));
        for link in &summary.links {
            let target = link.target.split('#').next().unwrap_or_default();
            let plain = target.trim_start_matches("./");
            let found = names.contains(plain) || exists(&dir.join(target));
            if !found {
                findings.push(
                    Finding::new(
                        Severity::Error,
                        &summary.path,
                        Some(link.line),
                        format!(
                            "broken link: {} `{}` does not exist",
                            link.kind, link.target
                        ),
                    )
                    .hint("point it at an existing record, or remove it"),
                );
            }
        }
    }
    findings
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn findings(name: &str, text: &str) -> Vec<String> {
        let record = parse(Path::new(name), text).unwrap();
        let library = Library::embedded().unwrap();
        check_record(&record, &Checker::new(&library, day("2027-01-01")))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn record_checks() {
        let good_nygard = "# 1. A\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n";
        let cases: &[(&str, &[&str])] = &[
            (good_nygard, &[]),
            (
                "# 1. A\n\n## Status\n\nMaybe\n\n## Context\n\n## Decision\n\n## Consequences\n",
                &[
                    "0001-a.md:5: error: unknown status `maybe` (hint: use one of proposed, accepted, rejected, deprecated, superseded)",
                ],
            ),
            (
                "# 1. A\n\n## Status\n\nAccepted\n\n## Context\n\n## Decision\n",
                &[
                    "0001-a.md:1: error: missing the required section `## Consequences` (hint: add it; adr-tools records have `Status`, `Context`, `Decision`, `Consequences`)",
                ],
            ),
            (
                "---\nstatus: accepted\n---\n# A\n\n## Context and Problem Statement\n\n## Considered Options\n\n## Decision Outcome\n",
                &[],
            ),
            (
                "---\nstatus: accepted\nplaybook: stakeholder-update\noutcome: update\n---\n# A\n\n## Context and Problem Statement\n\n## Decision Outcome\n",
                &[],
            ),
            (
                "---\nstatus: accepted\nplaybook: decision\noutcome: decided\n---\n# A\n\n## Context and Problem Statement\n\n## Decision Outcome\n",
                &[
                    "0001-a.md:6: error: missing the required section `## Considered Options` (hint: add it; decide records have `Context and Problem Statement`, `Considered Options`, `Decision Outcome`)",
                ],
            ),
            (
                "# A\n\n## Context\n\n## Considered Options\n\n## Decision\n",
                &[
                    "0001-a.md:1: warning: no status (hint: set one with `decide status N accepted`)",
                ],
            ),
            (
                "---\nstatus: accepted\nreview-by: 2026-12-31\nplaybook: decision\n---\n# A\n\n## Context\n\n## Considered Options\n\n## Decision Outcome\n",
                &[
                    "0001-a.md:6: warning: review overdue since 2026-12-31 (hint: run `decide review N` to record how it turned out)",
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(findings("0001-a.md", text), *expected, "{text}");
        }
    }

    #[test]
    fn quotes_must_match_the_library() {
        let library = Library::embedded().unwrap();
        let real = &library.all()[0].quote;
        let text = format!(
            "---\nstatus: accepted\nplaybook: decision\n---\n# A\n\n## Context\n\n## Considered Options\n\n## Decision Outcome\n\n## References\n\n[1] Alex:\n\n> {real}\n\n[2] Alex:\n\n> Something Alex never said\n> on two lines.\n"
        );
        let found = findings("0001-a.md", &text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("0001-a.md:21: error: quote does not match"),
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
            findings("0001-a.md", &record(&asked.quote)),
            [] as [String; 0]
        );
        let altered = findings("0001-a.md", &record("Something nobody asked?"));
        assert_eq!(altered.len(), 1, "{altered:?}");
        assert!(altered[0].contains("quote does not match"), "{altered:?}");
    }

    #[test]
    fn log_checks() {
        let link = |target: &str, line| Link {
            kind: "Supersedes".into(),
            target: target.into(),
            line,
        };
        let summaries = [
            Summary {
                path: "d/0007-a.md".into(),
                number: Some(7),
                links: vec![link("0007-b.md", 5)],
            },
            Summary {
                path: "d/0007-b.md".into(),
                number: Some(7),
                links: vec![link("./0001-gone.md", 9), link("README.md#top", 10)],
            },
            Summary {
                path: "d/0008-c.md".into(),
                number: Some(8),
                links: vec![],
            },
        ];
        let found: Vec<String> = check_log(&summaries, |p| p == Path::new("d/README.md"))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "d/0007-a.md:1: error: number 7 is used by 0007-a.md and 0007-b.md (hint: run `decide renumber` (two branches each added a record))",
                "d/0007-b.md:1: error: number 7 is used by 0007-a.md and 0007-b.md (hint: run `decide renumber` (two branches each added a record))",
                "d/0007-b.md:9: error: broken link: Supersedes `./0001-gone.md` does not exist (hint: point it at an existing record, or remove it)",
            ]
        );
    }
}
