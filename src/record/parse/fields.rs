//! Metadata written as lines (`* Status: accepted`, `Date: 2016-02-12`, `- Date 2023-01-10`)
//! and the values in them: dates in the forms real logs use, and statuses with their links
//! (`superseded by [ADR-0005](…)`, `accepted; supersedes ADR-0002`), placeholders left from
//! a template, and misspellings.

use chrono::NaiveDate;

use super::links::{Link, Place};

/// A `key: value` line, optionally bulleted and with the key in bold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field<'a> {
    /// Lower case: "status", "date", "deciders".
    pub key: String,
    pub value: &'a str,
    /// Where `value` starts in the line, in bytes.
    pub value_start: usize,
    /// False for `Date 2023-01-10`, a date written without its colon.
    pub colon: bool,
}

pub(super) fn field(line: &str) -> Option<Field<'_>> {
    let indent = line.len() - line.trim_start().len();
    let text = &line[indent..];
    let bullet = ["* ", "- ", "+ "]
        .iter()
        .find(|b| text.starts_with(**b))
        .map_or(0, |b| b.len());
    let text = &text[bullet..];
    let offset = indent + bullet;
    let Some(colon) = text.find(':') else {
        // `Date 2023-01-10`: the one key people write without a colon.
        let rest = text
            .strip_prefix("Date ")
            .or_else(|| text.strip_prefix("date "))?;
        let value = rest.trim_start();
        if !value.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some(Field {
            key: "date".into(),
            value: value.trim_end(),
            value_start: offset + text.len() - value.len(),
            colon: false,
        });
    };
    let key = text[..colon].trim().trim_matches('*').trim();
    if key.is_empty()
        || key.len() > 20
        || !key
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
    {
        return None;
    }
    let after = &text[colon + 1..];
    let after = after.trim_start_matches("**");
    let value = after.trim();
    let value_start = offset + text.len() - after.trim_start().len();
    Some(Field {
        key: key.to_lowercase(),
        value,
        value_start,
        colon: true,
    })
}

/// A date as logs write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateText {
    Day(NaiveDate),
    /// `2019-02`: a month; the first day stands for it.
    Month(NaiveDate),
    /// Shaped like a date but not one: `2023-13-10`.
    Invalid,
    /// A template's placeholder or no date at all.
    Missing,
}

/// `2016-02-12`, `2016-02-12T10:00:00+01:00`, `2019-01-14; Last update date: …`,
/// `2024-05-22 (back dated)`, `[2022-06-15]`, `[2020-06-15](https://…)`, `2019-02`.
pub(crate) fn read_date(text: &str) -> DateText {
    let text = text.trim().trim_start_matches(['[', '*', '_']).trim_start();
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes.len() >= range.end && bytes[range].iter().all(u8::is_ascii_digit)
    };
    if !(digits(0..4) && bytes.get(4) == Some(&b'-') && digits(5..7)) {
        return DateText::Missing;
    }
    // By hand: chrono's format parser costs more than the rest of a record's head.
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    let (year, month) = (number(0..4) as i32, number(5..7));
    if bytes.get(7) == Some(&b'-') && digits(8..10) {
        let followed_by_digit = bytes.get(10).is_some_and(u8::is_ascii_digit);
        return match NaiveDate::from_ymd_opt(year, month, number(8..10)) {
            Some(date) if !followed_by_digit => DateText::Day(date),
            _ => DateText::Invalid,
        };
    }
    if bytes
        .get(7)
        .is_some_and(|b| b.is_ascii_digit() || *b == b'-')
    {
        return DateText::Invalid;
    }
    match NaiveDate::from_ymd_opt(year, month, 1) {
        Some(date) => DateText::Month(date),
        None => DateText::Invalid,
    }
}

/// `2016-02-12`, also when followed by a time or text; a month or an impossible date is
/// not a day.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    match read_date(text) {
        DateText::Day(date) => Some(date),
        _ => None,
    }
}

/// A value left as the template wrote it: `[ accepted | deprecated | … ]`,
/// `{proposed | rejected | accepted}`, `[list everyone involved in the decision]`,
/// `[YYYY-MM-DD when the decision was last updated]`.
pub(super) fn is_placeholder(value: &str) -> bool {
    let value = without_comment(value).trim();
    let bracketed = (value.starts_with('[') && value.ends_with(']'))
        || (value.starts_with('{') && value.ends_with('}'));
    bracketed
        && (value.contains('|') || !value[1..].contains("]("))
        && !matches!(read_date(value), DateText::Day(_) | DateText::Month(_))
}

/// The value without a trailing HTML comment (`<!-- optional -->`).
pub(super) fn without_comment(value: &str) -> &str {
    match value.find("<!--") {
        Some(at) => value[..at].trim_end(),
        None => value,
    }
}

/// What a status value says.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Status {
    /// Lower case, without commentary: "accepted", "on hold", "superseded".
    pub status: Option<String>,
    pub links: Vec<Link>,
    pub placeholder: bool,
    /// The word as written, when it is a misspelling of a known status.
    pub misspelt: Option<String>,
}

/// The statuses misspellings are measured against.
const USUAL: &[&str] = &[
    "proposed",
    "accepted",
    "rejected",
    "deprecated",
    "superseded",
    "draft",
];

/// Read a status value: `Accepted.`, `superseded by [ADR-0005](0005-x.md)`,
/// `superseded by ADR-0004`, `accepted; supersedes ADR-0002`, `proposed. **commentary**`.
pub(super) fn read_status(value: &str, line: usize, place: Place) -> Status {
    let value = without_comment(value).trim();
    if value.is_empty() {
        return Status::default();
    }
    if is_placeholder(value) {
        return Status {
            placeholder: true,
            ..Status::default()
        };
    }
    let mut status = Status::default();
    // Most statuses are a word: no link to look for.
    let may_link = value.contains(['[', ';'])
        || value
            .as_bytes()
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"adr"));
    if !may_link {
        let word = status_word(value);
        status.status = (!word.is_empty()).then_some(word);
        check_spelling(&mut status);
        return status;
    }
    for (index, part) in split_parts(value).into_iter().enumerate() {
        if let Some(link) = super::links::parse_status_link(part, line, place) {
            if index == 0 {
                status.status = status_of_link(&link.kind);
            }
            status.links.push(link);
        } else if index == 0 {
            let word = status_word(part);
            status.status = (!word.is_empty()).then_some(word);
        }
    }
    check_spelling(&mut status);
    status
}

/// A status that is a misspelling of a usual one reads as the usual one.
fn check_spelling(status: &mut Status) {
    let Some(word) = status.status.as_deref() else {
        return;
    };
    if USUAL.contains(&word) {
        return;
    }
    if word == "superceded" {
        status.status = Some("superseded".into());
    } else if let Some(known) = USUAL
        .iter()
        .find(|known| word.len() >= 6 && strsim::damerau_levenshtein(word, known) <= 2)
    {
        status.misspelt = status.status.replace((*known).to_string());
    }
}

/// `accepted; supersedes ADR-0002` → its two parts. A `;` inside a link's text or target
/// does not split.
fn split_parts(value: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (index, c) in value.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ';' if depth <= 0 => {
                parts.push(value[start..index].trim());
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(value[start..].trim());
    parts.retain(|p| !p.is_empty());
    parts
}

/// "Superseded by" makes a record superseded; a status written only as another kind of
/// link says nothing about it.
fn status_of_link(kind: &str) -> Option<String> {
    kind.eq_ignore_ascii_case("superseded by")
        .then(|| "superseded".to_string())
}

/// The status itself, without a sentence of commentary after it or Markdown around it:
/// `proposed. **This record…**` → "proposed", `**Accepted**` → "accepted",
/// `Accepted on 2021-03-01` → "accepted".
fn status_word(text: &str) -> String {
    let words = &text[status_span(text)];
    // One word, as most are; a no-break space between two still makes them two.
    if !words.contains(char::is_whitespace) {
        return words.to_lowercase();
    }
    words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where the status word(s) are in a plain status value, in bytes: what [`status_word`]
/// reads and an edit replaces.
pub(crate) fn status_span(text: &str) -> std::ops::Range<usize> {
    let start = text.len()
        - text
            .trim_start_matches(['*', '_', '-', ' ', '[', '\t'])
            .len();
    let rest = &text[start..];
    // Most statuses are one plain word ("Accepted"): nothing to cut, and no reason to
    // search for each stop below (a substring search is set up for each).
    if rest.bytes().all(|b| b.is_ascii_alphabetic()) {
        return start..text.len();
    }
    let mut end = [
        ". ", ", ", " (", " - ", " – ", " — ", "**", "]", "<!--", ";",
    ]
    .iter()
    .filter_map(|stop| rest.find(stop))
    .min()
    .unwrap_or(rest.len());
    // A date or a number after the words is not part of the status: `Accepted 2021-03-01`.
    if let Some(at) = rest[..end]
        .split_whitespace()
        .find(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| w.as_ptr() as usize - rest.as_ptr() as usize)
    {
        end = at;
        // …and neither is the word that led to it.
        let kept = rest[..end].trim_end();
        end = match kept.rsplit_once(' ') {
            Some((head, last))
                if ["on", "since", "in", "at", "as", "of"]
                    .contains(&last.to_lowercase().as_str()) =>
            {
                head.len()
            }
            _ => kept.len(),
        };
    }
    let word = rest[..end].trim_end_matches(|c: char| !c.is_alphanumeric());
    start..start + word.len()
}

#[cfg(test)]
mod tests {
    use super::super::links::Target;
    use super::*;

    #[test]
    fn fields_and_where_their_values_start() {
        let cases = [
            ("* Status: Accepted", Some(("status", "Accepted", 10, true))),
            (
                "- **Date**: 2018-09-13",
                Some(("date", "2018-09-13", 12, true)),
            ),
            ("Date: 2016-02-12", Some(("date", "2016-02-12", 6, true))),
            ("- Date 2023-01-10", Some(("date", "2023-01-10", 7, false))),
            (
                "Chosen option: \"X\", because y",
                Some(("chosen option", "\"X\", because y", 15, true)),
            ),
            ("Notes, not a field", None),
            (
                "Technical Story: none",
                Some(("technical story", "none", 17, true)),
            ),
        ];
        for (line, expected) in cases {
            let found = field(line).map(|f| (f.key, f.value, f.value_start, f.colon));
            assert_eq!(
                found,
                expected.map(|(k, v, s, c)| (k.to_string(), v, s, c)),
                "{line}"
            );
            if let Some(f) = field(line) {
                assert_eq!(&line[f.value_start..f.value_start + f.value.len()], f.value);
            }
        }
    }

    #[test]
    fn dates_as_logs_write_them() {
        let day = |s: &str| DateText::Day(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        let cases = [
            ("2016-02-12", day("2016-02-12")),
            ("2020-06-15T10:00:00+01:00", day("2020-06-15")),
            (
                "2019-01-14; Last update date: 2020-03-02",
                day("2019-01-14"),
            ),
            ("2024-05-22 (back dated)", day("2024-05-22")),
            ("[2022-06-15]", day("2022-06-15")),
            (
                "[2020-06-15](https://example.org/pull/34)",
                day("2020-06-15"),
            ),
            (
                "2019-02",
                DateText::Month(NaiveDate::from_ymd_opt(2019, 2, 1).unwrap()),
            ),
            ("2023-13-10", DateText::Invalid),
            ("2024-14-02", DateText::Invalid),
            (
                "[YYYY-MM-DD when the decision was last updated]",
                DateText::Missing,
            ),
            ("", DateText::Missing),
        ];
        for (text, expected) in cases {
            assert_eq!(read_date(text), expected, "{text}");
        }
    }

    #[test]
    fn statuses_as_logs_write_them() {
        type Links<'a> = &'a [(&'a str, Target)];
        type Case<'a> = (&'a str, Option<&'a str>, Links<'a>, bool, Option<&'a str>);
        let cases: [Case<'_>; 16] = [
            ("Accepted.", Some("accepted"), &[], false, None),
            ("on hold", Some("on hold"), &[], false, None),
            (
                "Partly superseded",
                Some("partly superseded"),
                &[],
                false,
                None,
            ),
            (
                "proposed. **This record did not reach agreement.**",
                Some("proposed"),
                &[],
                false,
                None,
            ),
            (
                "superseded by ADR-0004",
                Some("superseded"),
                &[("Superseded by", Target::Number(4))],
                false,
                None,
            ),
            (
                "accepted; supersedes ADR-0002",
                Some("accepted"),
                &[("Supersedes", Target::Number(2))],
                false,
                None,
            ),
            (
                "superseded by [20210402-x](20210402-x.md)",
                Some("superseded"),
                &[("Superseded by", Target::File("20210402-x.md".into()))],
                false,
                None,
            ),
            (
                "Superseded by [ADR 16](https://example.org/blob/main/0016-x.md)",
                Some("superseded"),
                &[(
                    "Superseded by",
                    Target::Web("https://example.org/blob/main/0016-x.md".into()),
                )],
                false,
                None,
            ),
            (
                "[ accepted | deprecated | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->",
                None,
                &[],
                true,
                None,
            ),
            (
                "Depreciated.",
                Some("deprecated"),
                &[],
                false,
                Some("depreciated"),
            ),
            ("Superceded", Some("superseded"), &[], false, None),
            ("Accepted on 2021-03-01", Some("accepted"), &[], false, None),
            ("On\u{a0}hold", Some("on hold"), &[], false, None),
            ("**Accepted**", Some("accepted"), &[], false, None),
            ("**", None, &[], false, None),
            ("", None, &[], false, None),
        ];
        for (value, status, links, placeholder, misspelt) in cases {
            let read = read_status(value, 3, Place::Status);
            assert_eq!(read.status.as_deref(), status, "{value}");
            let found: Vec<(&str, Target)> = read
                .links
                .iter()
                .map(|l| (l.kind.as_str(), l.target.clone()))
                .collect();
            assert_eq!(found, links, "{value}");
            assert_eq!(read.placeholder, placeholder, "{value}");
            assert_eq!(read.misspelt.as_deref(), misspelt, "{value}");
        }
    }
}
