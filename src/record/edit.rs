//! Changes to an existing record's text: its status, a link, an outcome section, its number.
//! Each is a pure function from the old text to the new one that touches only the lines it
//! must, so every other byte (spacing, line endings, hand-written notes) stays as it was.
//! Callers pass the record parsed from the same text.

use chrono::NaiveDate;

use super::parse::{Format, OUTCOME_HEADING, Record};
use crate::error::{Error, Result};

/// The text with `record`'s status set to `status`.
pub(crate) fn set_status(text: &str, record: &Record, status: &str) -> Result<String> {
    let updated = status_edit(text, record, status)?;
    // The edit touches one line where the reader found the status. Where that is not a
    // plain `status: x` (a quoted key, a YAML block or mapping under `status:`), reading
    // the result back is what shows it went wrong: a second `status:` that breaks the
    // front matter, or another line overwritten.
    match super::parse::parse(&record.path, &updated) {
        Ok(reread) if reread.status.as_deref() == Some(status) => Ok(updated),
        _ => Err(
            Error::record("cannot change the status as this record writes it")
                .in_file(&record.path)
                .hint("edit the status by hand"),
        ),
    }
}

fn status_edit(text: &str, record: &Record, status: &str) -> Result<String> {
    let lines = Lines::new(text);
    let Some(line) = record.status_line else {
        return Ok(insert_status(text, &lines, record, status));
    };
    let content = lines.content(line);
    let new_content = match record.format {
        Format::Decide | Format::Madr if content.trim_start().starts_with("status:") => {
            format!("status: {status}")
        }
        Format::Nygard if super::parse::parse_link(content.trim(), line).is_none() => {
            capitalise(status)
        }
        Format::Nygard => {
            // The status was only a "Superceded by" line: keep it, write the word above it.
            let at = lines.start(line);
            return Ok(splice(
                text,
                at,
                at,
                &format!("{}{nl}{nl}", capitalise(status), nl = lines.newline),
            ));
        }
        _ => match content.find(':') {
            // `* Status: accepted`: keep the bullet and the key as written.
            Some(colon) => format!("{} {status}", &content[..=colon]),
            None => {
                return Err(Error::record("cannot find the status to change")
                    .in_file(&record.path)
                    .hint("edit the status by hand"));
            }
        },
    };
    Ok(replace_line(text, &lines, line, &new_content))
}

/// A record without a status gets one where its format keeps it.
fn insert_status(text: &str, lines: &Lines<'_>, record: &Record, status: &str) -> String {
    let nl = lines.newline;
    if !record.front_matter.is_empty() || text.starts_with("---") {
        // After the opening `---`.
        let at = lines.end(1);
        return splice(text, at, at, &format!("status: {status}{nl}"));
    }
    if record.format == Format::Nygard {
        let section = format!("## Status{nl}{nl}{}{nl}{nl}", capitalise(status));
        return match record.sections.first() {
            Some(first) => {
                let at = lines.start(first.line);
                splice(text, at, at, &section)
            }
            None => append(text, nl, &section),
        };
    }
    let at = lines.end(record.title_line);
    splice(text, at, at, &format!("{nl}* Status: {status}{nl}"))
}

/// The text with a link `kind [label](target)` added, unless the same link is there.
/// adr-tools' records keep links in the status section, spelt its way; ours and MADR's in a
/// `## Links` list.
pub(crate) fn add_link(
    text: &str,
    record: &Record,
    kind: &str,
    label: &str,
    target: &str,
) -> String {
    if record
        .links
        .iter()
        .any(|l| l.kind.eq_ignore_ascii_case(kind) && same_target(&l.target, target))
    {
        return text.to_string();
    }
    let lines = Lines::new(text);
    let nl = lines.newline;
    match record.format {
        Format::Nygard => {
            let kind = kind
                .replace("Superseded by", "Superceded by")
                .replace("Supersedes", "Supercedes");
            let entry = format!("{kind} [{label}]({target})");
            match record.section("Status") {
                Some(section) => {
                    let at = lines.end(section_last_line(&lines, section.line));
                    splice(text, at, at, &format!("{nl}{entry}{nl}"))
                }
                None => insert_status_section(text, &lines, record, &entry),
            }
        }
        Format::Decide | Format::Madr => {
            let entry = format!("* {kind} [{label}]({target})");
            match record.section("Links") {
                Some(section) => {
                    let last = section_last_line(&lines, section.line);
                    let at = lines.end(last);
                    let gap = if last == section.line { nl } else { "" };
                    splice(text, at, at, &format!("{gap}{entry}{nl}"))
                }
                None => {
                    let section = format!("## Links{nl}{nl}{entry}{nl}");
                    // Before the closing notes when there are any, else at the end.
                    let before = record.sections.iter().find(|s| {
                        s.level == 2
                            && ["More Information", "References"]
                                .iter()
                                .any(|h| s.heading.eq_ignore_ascii_case(h))
                    });
                    match before {
                        Some(next) => {
                            let at = lines.start(next.line);
                            splice(text, at, at, &format!("{section}{nl}"))
                        }
                        None => append(text, nl, &section),
                    }
                }
            }
        }
    }
}

fn insert_status_section(text: &str, lines: &Lines<'_>, record: &Record, entry: &str) -> String {
    let nl = lines.newline;
    let section = format!("## Status{nl}{nl}{entry}{nl}{nl}");
    match record.sections.first() {
        Some(first) => {
            let at = lines.start(first.line);
            splice(text, at, at, &section)
        }
        None => append(text, nl, &section),
    }
}

/// `./0001-a.md` and `0001-a.md` are the same file.
pub(crate) fn same_target(a: &str, b: &str) -> bool {
    a.trim_start_matches("./") == b.trim_start_matches("./")
}

/// What a review found, appended as a section of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub date: NaiveDate,
    pub happened: String,
    pub held_up: String,
    pub learnt: String,
    /// Whether the signal named at decision time appeared, when one was named.
    pub signal_seen: Option<bool>,
    pub next_review: Option<NaiveDate>,
}

/// The text with the review's outcome appended; nothing before it changes.
pub(crate) fn append_outcome(text: &str, outcome: &Outcome) -> String {
    let nl = Lines::new(text).newline;
    let mut section = format!(
        "## {OUTCOME_HEADING} ({}){nl}{nl}\
         * What happened: {}{nl}\
         * Did it hold up: {}{nl}\
         * What we learnt: {}{nl}",
        outcome.date.format("%Y-%m-%d"),
        answer(&outcome.happened),
        answer(&outcome.held_up),
        answer(&outcome.learnt),
    );
    if let Some(seen) = outcome.signal_seen {
        section.push_str(&format!(
            "* Did the signal appear: {}{nl}",
            if seen { "yes" } else { "no" }
        ));
    }
    if let Some(next) = outcome.next_review {
        section.push_str(&format!(
            "* Next review by: {}{nl}",
            next.format("%Y-%m-%d")
        ));
    }
    before_references(text, nl, &section)
}

/// `section` (ending in a newline) placed before the record's `## References`, so the
/// references stay last; at the end when there are none.
fn before_references(text: &str, nl: &str, section: &str) -> String {
    let references = text
        .match_indices("## References")
        .map(|(at, _)| at)
        .find(|&at| at == 0 || text[..at].ends_with('\n'));
    match references {
        Some(at) => format!("{}{section}{nl}{}", &text[..at], &text[at..]),
        None => append(text, nl, section),
    }
}

/// An answer as one line of a bullet: it cannot end the bullet or start anything else.
fn answer(text: &str) -> String {
    crate::markdown::escape(&crate::error::one_line(text))
}

/// The text with a link's target (and its `[7. Title]` label) pointing at a renumbered file.
pub(crate) fn retarget_link(
    text: &str,
    line: usize,
    old_target: &str,
    new_target: &str,
    old_number: u32,
    new_number: u32,
) -> String {
    let lines = Lines::new(text);
    let content = lines.content(line);
    let Some(at) = content.find(&format!("]({old_target})")) else {
        return text.to_string();
    };
    let mut updated = format!(
        "{}]({new_target}){}",
        &content[..at],
        &content[at + old_target.len() + 3..]
    );
    // The label: `[7. Title]`, `[ADR-0007]`, `[0007. Title]`.
    if let Some(open) = updated[..at].rfind('[') {
        let label = &updated[open + 1..at];
        let renumbered = renumber_label(label, old_number, new_number);
        updated = format!("{}[{renumbered}{}", &updated[..open], &updated[at..]);
    }
    replace_line(text, &lines, line, &updated)
}

/// `7. Title` → `12. Title`, keeping zero padding: `ADR-0007` → `ADR-0012`.
fn renumber_label(label: &str, old: u32, new: u32) -> String {
    let start = label.find(|c: char| c.is_ascii_digit());
    let Some(start) = start else {
        return label.to_string();
    };
    let digits = label[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    let written = &label[start..start + digits];
    if written.parse::<u32>().ok() != Some(old) {
        return label.to_string();
    }
    let replacement = format!("{new:0width$}", width = digits);
    format!(
        "{}{replacement}{}",
        &label[..start],
        &label[start + digits..]
    )
}

/// The text with a `# 7. Title` heading renumbered; other titles stay as they are.
pub(crate) fn renumber_title(text: &str, record: &Record, old: u32, new: u32) -> String {
    let lines = Lines::new(text);
    let content = lines.content(record.title_line);
    let Some(rest) = content.strip_prefix("# ") else {
        return text.to_string();
    };
    let renumbered = renumber_label(rest, old, new);
    let starts_with_number =
        rest.starts_with(|c: char| c.is_ascii_digit()) || rest.starts_with("ADR");
    if renumbered == rest || !starts_with_number {
        return text.to_string();
    }
    replace_line(text, &lines, record.title_line, &format!("# {renumbered}"))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The last non-blank line of the section whose heading is on `heading_line`, or the
/// heading itself when the section is empty.
fn section_last_line(lines: &Lines<'_>, heading_line: usize) -> usize {
    let mut last = heading_line;
    let mut fenced = false;
    for number in heading_line + 1..=lines.count() {
        let content = lines.content(number);
        let trimmed = content.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if !fenced && trimmed.starts_with('#') && content.len() - trimmed.len() <= 3 {
            break;
        }
        if !content.trim().is_empty() {
            last = number;
        }
    }
    last
}

/// The text's lines by number (from 1), with their byte ranges.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The text's own line ending, so inserted lines match it.
    newline: &'static str,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            starts: super::parse::line_starts(text),
            newline: if text.contains("\r\n") { "\r\n" } else { "\n" },
        }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    fn start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Just past the line's newline.
    fn end(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// The line without its line ending.
    fn content(&self, line: usize) -> &'a str {
        let raw = &self.text[self.start(line)..self.end(line)];
        raw.trim_end_matches(['\n', '\r'])
    }
}

fn replace_line(text: &str, lines: &Lines<'_>, line: usize, content: &str) -> String {
    let start = lines.start(line);
    splice(text, start, start + lines.content(line).len(), content)
}

fn splice(text: &str, start: usize, end: usize, insert: &str) -> String {
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..start]);
    // Inserting after a last line that has no newline must not glue two lines together.
    if start == text.len() && !text.is_empty() && !text.ends_with('\n') && start == end {
        out.push('\n');
    }
    out.push_str(insert);
    out.push_str(&text[end..]);
    out
}

/// `section` after the text, separated by one blank line.
fn append(text: &str, nl: &str, section: &str) -> String {
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(nl);
    }
    if !out.is_empty() && !out.ends_with(&format!("{nl}{nl}")) {
        out.push_str(nl);
    }
    out.push_str(section);
    out
}

#[cfg(test)]
mod tests;
