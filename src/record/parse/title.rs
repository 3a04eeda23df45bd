//! A record's title as plain text, from a heading (`# 3. Retry`, `# 0008. Validate`,
//! `# 6 Blocking`, `# n. Server-rendered templates`, `# [Superseded by …] Push metrics`,
//! `Span\<T\>`), a front matter `title:`, or the file name.

/// What a heading said about the record's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadingNumber {
    None,
    Number(u32),
    /// `# n. Title`: adr-tools' placeholder, never filled in.
    Placeholder,
}

/// Where a numbered heading keeps its number and where its title starts:
/// `ADR-0010: Use Kafka` → digits 4..8, title from 10.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumberedHeading {
    pub digits: std::ops::Range<usize>,
    pub title_start: usize,
}

/// Split a heading into what it says about the number and the title. `file_number` is the
/// number in the file name: a bare `6 ` before the title is read as the number only when
/// it matches, since "100 requests per second" is a title.
pub(crate) fn split_numbered(heading: &str, file_number: Option<u32>) -> (HeadingNumber, &str) {
    if let Some(parts) = numbered(heading, file_number) {
        let number = heading[parts.digits.clone()].parse().ok();
        return (
            number.map_or(HeadingNumber::None, HeadingNumber::Number),
            heading[parts.title_start..].trim(),
        );
    }
    let rest = &heading[adr_word_len(heading)..];
    if let Some(after) = ["n. ", "N. ", "NNNN. ", "nnnn. "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    {
        return (HeadingNumber::Placeholder, after.trim());
    }
    (HeadingNumber::None, without_record_kind(heading))
}

/// What a record is, written before its title in some logs: `ADR: Title`,
/// `Architecture Decision Record: Title`. It names the kind of document, not the decision.
const RECORD_KINDS: [&str; 6] = [
    "ADR",
    "Architecture Decision Record",
    "Architectural Decision Record",
    "Architecture Decision",
    "Architectural Decision",
    "Decision Record",
];

/// A title without the record kind written before it (`ADR: Use Rust` → `Use Rust`); the
/// title as it is when it starts otherwise, or is the kind alone.
fn without_record_kind(heading: &str) -> &str {
    RECORD_KINDS
        .iter()
        .find_map(|kind| {
            let bytes = heading.as_bytes();
            if bytes.len() <= kind.len()
                || !bytes[..kind.len()].eq_ignore_ascii_case(kind.as_bytes())
            {
                return None;
            }
            // The kind's bytes are ASCII, so the rest starts on a character boundary.
            let rest = &heading[kind.len()..];
            let title = [": ", " - ", " – ", " — ", " | "]
                .iter()
                .find_map(|separator| rest.strip_prefix(separator))?
                .trim();
            (!title.is_empty()).then_some(title)
        })
        .unwrap_or(heading)
}

/// The parts of a heading that starts with the record's number: `1. Title`, `0008: Title`,
/// `ADR-0007: Title`, `ADR 12. Title`, `adr-003 - Title`; with the file's number, also
/// `6 Title` and `0006 - Title`, since a title may start with a number of its own.
pub(crate) fn numbered(heading: &str, file_number: Option<u32>) -> Option<NumberedHeading> {
    let prefix = adr_word_len(heading);
    let rest = &heading[prefix..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let number: u32 = rest[..digits].parse().ok()?;
    let after = &rest[digits..];
    let digits_range = prefix..prefix + digits;
    // The title starts after the separator and the spaces after it.
    let at = |offset: usize| NumberedHeading {
        digits: digits_range.clone(),
        title_start: prefix + digits + offset + after[offset..].len()
            - after[offset..].trim_start().len(),
    };
    if matches!(after.as_bytes(), [b'.' | b':', b' ', ..]) {
        return Some(at(1));
    }
    // The number and a space: the number is the record's when the file says so, or when
    // the heading names it an ADR; a dash or bar after the space is punctuation.
    let spaced = after.len() - after.trim_start().len();
    if spaced == 0 || (Some(number) != file_number && prefix == 0) {
        return None;
    }
    let words = &after[spaced..];
    let separator = ["- ", "– ", "— ", ": ", "| "]
        .iter()
        .find(|s| words.starts_with(**s))
        .map_or(0, |s| s.len());
    Some(at(spaced + separator))
}

/// How a log writes its numbered titles, learnt from one of its headings: the text before
/// the number, the digits it is written with, and what stands between it and the title.
/// `ADR-0010: Use Kafka` → `ADR-`, four digits, `: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeadingStyle {
    before: String,
    width: usize,
    after: String,
}

impl HeadingStyle {
    /// The style of `heading` (a title heading's text, without `# `), when it is numbered.
    pub(crate) fn of(heading: &str, file_number: Option<u32>) -> Option<HeadingStyle> {
        let parts = numbered(heading, file_number)?;
        let digits = &heading[parts.digits.clone()];
        Some(HeadingStyle {
            before: heading[..parts.digits.start].to_string(),
            // `0010` pads to four digits; `10` pads to none.
            width: if digits.starts_with('0') {
                digits.len()
            } else {
                1
            },
            after: heading[parts.digits.end..parts.title_start].to_string(),
        })
    }

    /// Record `number`'s heading text in this style.
    pub(crate) fn heading(&self, number: u32, title: &str) -> String {
        format!(
            "{}{number:0width$}{}{title}",
            self.before,
            self.after,
            width = self.width
        )
    }
}

/// How a log's links name the records they lead to, learnt from one of its labels: as
/// adr-tools does (`7. Use PostgreSQL`), by number alone (`ADR-0007`), or by number and
/// title in another form (`ADR 7: Use PostgreSQL`, `0007 - Use PostgreSQL`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LabelStyle {
    before: String,
    width: usize,
    /// What stands between the number and the title; None when labels give no title.
    after: Option<String>,
}

impl LabelStyle {
    /// The style of `label`, a link's text, when the link leads to record `number` and the
    /// label names it by that number.
    pub(crate) fn of(label: &str, number: u32) -> Option<LabelStyle> {
        let label = label.trim();
        if let Some(parts) = numbered(label, Some(number)) {
            if label[parts.digits].parse::<u32>().ok() != Some(number) {
                return None;
            }
            let style = HeadingStyle::of(label, Some(number))?;
            return Some(LabelStyle {
                before: style.before,
                width: style.width,
                after: Some(style.after),
            });
        }
        // A number alone, after an `ADR` word or nothing: `ADR-0007`, `0007`.
        let before = adr_word_len(label);
        let digits = &label[before..];
        if digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || digits.parse::<u32>().ok() != Some(number)
        {
            return None;
        }
        Some(LabelStyle {
            before: label[..before].to_string(),
            width: if digits.starts_with('0') {
                digits.len()
            } else {
                1
            },
            after: None,
        })
    }

    /// The label of a link to record `number` titled `title`, in this style.
    pub(crate) fn label(&self, number: u32, title: &str) -> String {
        let number = format!("{}{number:0width$}", self.before, width = self.width);
        match &self.after {
            Some(after) => format!("{number}{after}{title}"),
            None => number,
        }
    }
}

/// The length of an `ADR` word before a heading's number, with the `-`, `_`, ` ` or `#`
/// after it: `ADR-0007`, `adr 12`, `ADR #3`. 0 when the heading does not start so.
fn adr_word_len(heading: &str) -> usize {
    let bytes = heading.as_bytes();
    if bytes.len() < 4 || !bytes[..3].eq_ignore_ascii_case(b"adr") {
        return 0;
    }
    let gap = bytes[3..]
        .iter()
        .take_while(|b| matches!(b, b'-' | b'_' | b' ' | b'#'))
        .count();
    if bytes.get(3 + gap).is_some_and(u8::is_ascii_digit) {
        3 + gap
    } else {
        0
    }
}

/// A status stamp in front of a title, as MADR 2 logs write for superseded records:
/// `[Superseded by [ADR-0005](0005-x.md)] Push metrics` → `Push metrics`.
pub(crate) fn without_status_stamp(title: &str) -> &str {
    if !title.starts_with('[') {
        return title;
    }
    let mut depth = 0usize;
    let mut end = None;
    for (index, c) in title.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(index);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(end) = end else {
        return title;
    };
    let stamp = title[1..end].trim_start().to_lowercase();
    let rest = title[end + 1..].trim();
    let is_status = [
        "superseded",
        "superceded",
        "deprecated",
        "rejected",
        "accepted",
        "proposed",
        "amended",
    ]
    .iter()
    .any(|word| stamp.starts_with(word));
    if is_status && !rest.is_empty() && !rest.starts_with('(') {
        rest
    } else {
        title
    }
}

/// Markdown backslash escapes resolved: `Span\<T\>` → `Span<T>`.
pub(crate) fn unescape(text: &str) -> String {
    crate::markdown::unescape(text)
}

/// Whether a title heading is only the file's name without `.md` (`# 0003-use-rust`, or
/// `# use-rust` in `0003-use-rust.md`): a log whose headings repeat the file name, where
/// the name's words are the title.
pub(crate) fn is_file_slug(title: &str, path: &std::path::Path) -> bool {
    // A title written with capitals (`# Tribute-to-Talk`) is the team's own, even where
    // the file name spells the same words; a slug is lower case, or starts with the number.
    let slug = !title.is_empty()
        && title.bytes().any(|b| b == b'-' || b == b'_')
        && !title.bytes().any(|b| b.is_ascii_whitespace())
        && (title.as_bytes()[0].is_ascii_digit() || !title.bytes().any(|b| b.is_ascii_uppercase()));
    if !slug {
        return false;
    }
    // The record's name only now: most titles are words, and a listing asks of each.
    let name = crate::store::record_name(path);
    let stem = crate::store::without_extension(&name);
    stem.len() >= title.len() && {
        let (before, end) = stem.split_at(stem.len() - title.len());
        end.eq_ignore_ascii_case(title) && (before.is_empty() || before.ends_with(['-', '_']))
    }
}

/// The title a file name gives: `20240301-retry-failed-webhooks.md` → "Retry failed
/// webhooks".
pub(crate) fn from_file_name(name: &str) -> String {
    let stem = crate::store::without_extension(name);
    // Without the number or the date, however it is written (`2022-07-21_`, `ADR-007-`).
    let words = crate::store::name_words(name);
    let words = if words.is_empty() { stem } else { words };
    let text: String = words
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_that_repeat_the_file_name() {
        let cases = [
            ("0003-use-rust", "0003-use-rust.md", true),
            ("use-rust", "0003-use-rust.md", true),
            ("0003-Use-Rust", "0003-use-rust.md", true),
            ("use_rust", "ADR_0003_use_rust.md", true),
            ("Use Rust", "0003-use-rust.md", false),
            ("Use-Rust", "0003-use-rust.md", false),
            ("Tribute-to-Talk", "0013-tribute-to-talk.md", false),
            ("rust", "0003-use-rust.md", false),
            ("se-rust", "0003-use-rust.md", false),
            (
                "async-await everywhere",
                "0003-async-await-everywhere.md",
                false,
            ),
            ("0004-use-rust", "0003-use-rust.md", false),
            ("", "0003-use-rust.md", false),
        ];
        for (title, file, slug) in cases {
            assert_eq!(
                is_file_slug(title, std::path::Path::new(file)),
                slug,
                "{title:?} in {file}"
            );
        }
    }

    #[test]
    fn numbered_headings() {
        let cases = [
            (
                "1. Record architecture decisions",
                None,
                HeadingNumber::Number(1),
                "Record architecture decisions",
            ),
            (
                "0008. Validate pipelines",
                Some(8),
                HeadingNumber::Number(8),
                "Validate pipelines",
            ),
            (
                "ADR-0007: Use Kafka",
                None,
                HeadingNumber::Number(7),
                "Use Kafka",
            ),
            (
                "ADR 12. Use Rust",
                None,
                HeadingNumber::Number(12),
                "Use Rust",
            ),
            (
                "3 Retry and park",
                Some(3),
                HeadingNumber::Number(3),
                "Retry and park",
            ),
            (
                "3 Retry and park",
                Some(4),
                HeadingNumber::None,
                "3 Retry and park",
            ),
            (
                "100 requests per second",
                None,
                HeadingNumber::None,
                "100 requests per second",
            ),
            (
                "n. Server-rendered templates",
                Some(3),
                HeadingNumber::Placeholder,
                "Server-rendered templates",
            ),
            ("2024 plans", None, HeadingNumber::None, "2024 plans"),
            (
                "3.5 inch floppies",
                None,
                HeadingNumber::None,
                "3.5 inch floppies",
            ),
            ("Use Rust", None, HeadingNumber::None, "Use Rust"),
            (
                "ADR-001 - Adopt gRPC",
                Some(1),
                HeadingNumber::Number(1),
                "Adopt gRPC",
            ),
            (
                "0006 – Retry and park",
                Some(6),
                HeadingNumber::Number(6),
                "Retry and park",
            ),
            (
                "adr_12: Use Rust",
                None,
                HeadingNumber::Number(12),
                "Use Rust",
            ),
            (
                "ADR #3 Use Rust",
                None,
                HeadingNumber::Number(3),
                "Use Rust",
            ),
            (
                "Adrenaline 5 ways",
                None,
                HeadingNumber::None,
                "Adrenaline 5 ways",
            ),
            (
                "2024 - a year of Rust",
                None,
                HeadingNumber::None,
                "2024 - a year of Rust",
            ),
        ];
        for (heading, file, number, title) in cases {
            assert_eq!(split_numbered(heading, file), (number, title), "{heading}");
        }
    }

    #[test]
    fn titles_lose_the_words_naming_the_kind_of_document() {
        let cases = [
            ("ADR: Fee tokens", "Fee tokens"),
            ("Architecture Decision Record: Use ADRs", "Use ADRs"),
            (
                "Architectural decision record - Module loading",
                "Module loading",
            ),
            ("Decision Record: ", "Decision Record: "),
            (
                "Architecture Decision Records: why we keep them",
                "Architecture Decision Records: why we keep them",
            ),
            ("ADRs in the wiki", "ADRs in the wiki"),
        ];
        for (heading, title) in cases {
            assert_eq!(
                split_numbered(heading, Some(1)),
                (HeadingNumber::None, title),
                "{heading}"
            );
        }
    }

    #[test]
    fn heading_styles_write_the_next_number_as_the_log_does() {
        let cases = [
            ("ADR-0010: API basics", Some(10), 11, "ADR-0011: New title"),
            ("3. Retry", Some(3), 4, "4. New title"),
            ("0008. Validate", Some(8), 9, "0009. New title"),
            ("ADR 12 - Use Rust", None, 13, "ADR 13 - New title"),
            ("6 Blocking calls", Some(6), 7, "7 New title"),
            ("adr-099: x", None, 100, "adr-100: New title"),
        ];
        for (heading, file, next, expected) in cases {
            let style = HeadingStyle::of(heading, file).expect(heading);
            assert_eq!(style.heading(next, "New title"), expected, "{heading}");
        }
        assert_eq!(HeadingStyle::of("Use Rust", Some(3)), None);
        assert_eq!(HeadingStyle::of("n. Placeholder", Some(3)), None);
    }

    #[test]
    fn link_labels_are_written_as_the_log_writes_them() {
        let cases = [
            ("7. Use PostgreSQL", 7, "12. Cache reads"),
            ("ADR-0007", 7, "ADR-0012"),
            ("ADR 7: Use PostgreSQL", 7, "ADR 12: Cache reads"),
            ("0007 - Use PostgreSQL", 7, "0012 - Cache reads"),
            ("0007", 7, "0012"),
            ("adr-007", 7, "adr-012"),
        ];
        for (label, number, expected) in cases {
            let style = LabelStyle::of(label, number).expect(label);
            assert_eq!(style.label(12, "Cache reads"), expected, "{label}");
        }
        for (label, number) in [
            ("7. Use PostgreSQL", 8),
            ("Use PostgreSQL", 7),
            ("the database decision", 7),
            ("ADR-0007 notes", 8),
        ] {
            assert_eq!(LabelStyle::of(label, number), None, "{label}");
        }
    }

    #[test]
    fn stamps_escapes_and_file_names() {
        assert_eq!(
            without_status_stamp("[Superseded by [ADR-0005](0005-x.md)] Push metrics"),
            "Push metrics"
        );
        assert_eq!(
            without_status_stamp("[WIP] Push metrics"),
            "[WIP] Push metrics"
        );
        assert_eq!(unescape("Span\\<T\\> and a\\b"), "Span<T> and a\\b");
        assert_eq!(
            from_file_name("20240301-retry-failed-webhooks.md"),
            "Retry failed webhooks"
        );
        for (name, title) in [
            ("0004-meeting_notes.md", "Meeting notes"),
            ("2022-07-21_build-tooling.md", "Build tooling"),
            ("2022-07-21-build-tooling.md", "Build tooling"),
            ("001_exchange_format.md", "Exchange format"),
            ("ADR-0003-cache-keys.md", "Cache keys"),
        ] {
            assert_eq!(from_file_name(name), title, "{name}");
        }
    }
}
