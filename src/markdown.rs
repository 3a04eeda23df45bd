//! Text placed in a Markdown record. An answer is the user's words, never the record's
//! structure: [`escape`] makes sure nothing typed can start a heading, a list item, a
//! quote, a code fence, an HTML comment or block, a table cell or a link, wherever in the
//! record the template puts it. Emphasis and code spans are left as typed: they are how
//! people write, and they cannot change what a record holds.
//!
//! Escapes are CommonMark's backslashes, which every renderer shows as the character
//! itself; [`unescape`] reads them back.

/// `text` with every character that could change a record's structure escaped. Each line
/// is treated as if it began a line of the record, since a template may put the value at
/// the start of one; mid-line, the escapes are harmless.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let (leading, rest) = line.split_at(indent);
        out.push_str(leading);
        let marker = block_marker(rest);
        let closing = closing_hashes(rest);
        for (at, c) in rest.char_indices() {
            let next = rest[at + c.len_utf8()..].chars().next();
            let escaped = Some(at) == marker
                || Some(at) == closing
                || match c {
                    // A backslash the user typed stays a backslash, not an escape of
                    // what follows, in the value or in the template after it.
                    '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
                    // Raw HTML and comments (`<!--` could hide the rest of the record).
                    '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || "/!?".contains(n)),
                    // A table cell's end.
                    '|' => true,
                    // The end of a link's text: `A](other.md)` would make a link.
                    ']' => next == Some('('),
                    _ => false,
                };
            if escaped {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Where in `line` (already without its indentation) a block-level construct starts, if
/// it does: the byte to put a backslash before.
fn block_marker(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    let after = |at: usize| line[at..].chars().next();
    let spaced = |at: usize| after(at).is_none_or(|c| c == ' ' || c == '\t');
    let only = |chars: &[char]| line.chars().all(|c| chars.contains(&c) || c == ' ');
    match first {
        // Headings, quotes, HTML blocks.
        '#' | '>' | '<' => Some(0),
        // List items and thematic breaks (`---` also closes front matter).
        '-' | '+' | '*' if spaced(1) || only(&[first]) => Some(0),
        // Setext heading underlines and `___` breaks.
        '=' | '_' if only(&[first]) => Some(0),
        // Code fences.
        '`' | '~' if line.starts_with("```") || line.starts_with("~~~") => Some(0),
        // A link reference definition, `[label]: target`.
        '[' if line.contains("]:") => Some(0),
        // Ordered list items: `1.` or `1)` before a space or the end.
        '0'..='9' => {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            let mark = after(digits)?;
            (digits <= 9 && (mark == '.' || mark == ')') && spaced(digits + 1)).then_some(digits)
        }
        _ => None,
    }
}

/// Where a closing run of `#` starts at the end of `line` (after a space): in a heading
/// it would be dropped, so `# Pick C #` would read as "Pick C".
fn closing_hashes(line: &str) -> Option<usize> {
    let trimmed = line.trim_end_matches([' ', '\t']);
    let run = trimmed.len() - trimmed.trim_end_matches('#').len();
    let start = trimmed.len() - run;
    (run > 0 && start > 0 && trimmed[..start].ends_with([' ', '\t'])).then_some(start)
}

/// Text with CommonMark's backslash escapes read back: `\#` is `#`.
pub(crate) fn unescape(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_is_escaped_and_words_are_not() {
        let cases = [
            ("Use PostgreSQL", "Use PostgreSQL"),
            ("it's **bold** and `code`", "it's **bold** and `code`"),
            ("## Outcome (2026-01-01)", "\\## Outcome (2026-01-01)"),
            ("a\n## b", "a\n\\## b"),
            (
                "x\n* Next review by: 2099-01-01",
                "x\n\\* Next review by: 2099-01-01",
            ),
            ("x\n  - item", "x\n  \\- item"),
            ("x\n+ item", "x\n\\+ item"),
            ("-5 degrees", "-5 degrees"),
            ("x\n---", "x\n\\---"),
            ("x\n===", "x\n\\==="),
            ("x\n___", "x\n\\___"),
            ("context\n```", "context\n\\```"),
            ("~~~rust", "\\~~~rust"),
            ("> quoted", "\\> quoted"),
            ("1. first", "1\\. first"),
            ("2) second", "2\\) second"),
            ("2026 was good", "2026 was good"),
            ("3.5 days", "3.5 days"),
            ("<!-- decide:index:end -->", "\\<!-- decide:index:end -->"),
            ("a <!-- hidden", "a \\<!-- hidden"),
            ("a < b and c <b>", "a < b and c \\<b>"),
            ("a | b", "a \\| b"),
            ("Use A](0001-a.md) or B", "Use A\\](0001-a.md) or B"),
            ("[x]: https://example.com", "\\[x]: https://example.com"),
            ("see [1] and [2][3]", "see [1] and [2][3]"),
            ("C:\\path and \\*", "C:\\path and \\\\*"),
            ("ends in \\", "ends in \\\\"),
            ("Pick C #", "Pick C \\#"),
            ("Pick C ## ", "Pick C \\## "),
            ("C#", "C#"),
        ];
        for (text, expected) in cases {
            assert_eq!(escape(text), expected, "{text:?}");
            assert_eq!(unescape(&escape(text)), text, "{text:?} reads back");
        }
    }
}
