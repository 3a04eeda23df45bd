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

/// Split a heading into what it says about the number and the title. `file_number` is the
/// number in the file name: a bare `6 ` before the title is read as the number only when
/// it matches, since "100 requests per second" is a title.
pub(crate) fn split_numbered(heading: &str, file_number: Option<u32>) -> (HeadingNumber, &str) {
    let rest = heading
        .strip_prefix("ADR")
        .map(|r| r.trim_start_matches(['-', ' ']))
        .unwrap_or(heading);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        if let Some(after) = ["n. ", "N. ", "NNNN. ", "nnnn. "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
        {
            return (HeadingNumber::Placeholder, after.trim());
        }
        return (HeadingNumber::None, heading);
    }
    if digits > 9 {
        return (HeadingNumber::None, heading);
    }
    let number: Option<u32> = rest[..digits].parse().ok();
    let after = &rest[digits..];
    if let Some(stripped) = after
        .strip_prefix(['.', ':'])
        .filter(|s| s.starts_with(' '))
    {
        return (
            number.map_or(HeadingNumber::None, HeadingNumber::Number),
            stripped.trim(),
        );
    }
    if after.starts_with(' ') && number.is_some() && number == file_number {
        return (
            HeadingNumber::Number(number.unwrap_or_default()),
            after.trim(),
        );
    }
    (HeadingNumber::None, heading)
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

/// The title a file name gives: `20240301-retry-failed-webhooks.md` → "Retry failed
/// webhooks".
pub(crate) fn from_file_name(name: &str) -> String {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let words = stem.trim_start_matches(|c: char| c.is_ascii_digit());
    let words = words.trim_start_matches(['-', '_']);
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
        ];
        for (heading, file, number, title) in cases {
            assert_eq!(split_numbered(heading, file), (number, title), "{heading}");
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
        assert_eq!(from_file_name("0004-meeting_notes.md"), "Meeting notes");
    }
}
