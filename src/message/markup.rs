//! Markup a message must not carry, which [`super::from_record::plain`]'s line-by-line
//! reading cannot see alone: HTML comments (which may span lines), reference-style link
//! definitions and the shortcut links that use them (`[amino]` with `[amino]: https://…`
//! further down), footnotes (`[^1]` and `[^1]: …`), and HTML tags. The message keeps the
//! text and drops the markup.

use std::collections::BTreeSet;

use crate::record::Record;
use crate::record::sections::{Section, Sections};

/// `record` with its sections' text as a message reads it: no comments, no link or
/// footnote definitions, shortcut links as their text, no footnote marks.
pub(crate) fn readable(record: &Record) -> Record {
    let labels: BTreeSet<String> = record
        .sections
        .iter()
        .flat_map(|section| definitions(section.body))
        .collect();
    let bodies: Vec<String> = record
        .sections
        .iter()
        .map(|section| readable_text(section.body, &labels))
        .collect();
    let mut sections = Sections::with_capacity(
        record.sections.len(),
        bodies.iter().map(String::len).sum::<usize>(),
    );
    for (section, body) in record.sections.iter().zip(&bodies) {
        sections.push(Section { body, ..section });
    }
    Record {
        sections,
        ..record.clone()
    }
}

/// A whole record's text as a message reads it, with the link labels it defines itself.
pub(crate) fn readable_whole(text: &str) -> String {
    let labels: BTreeSet<String> = definitions(text).into_iter().collect();
    readable_text(text, &labels)
}

/// `text` without comments and definitions, its shortcut links as their text (`labels`
/// are the link labels the record defines, in lower case).
pub(crate) fn readable_text(text: &str, labels: &BTreeSet<String>) -> String {
    let text = without_comments(text);
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| definition(line).is_none())
        .collect();
    shortcut_links(&kept.join("\n"), labels)
}

/// Text without `<!-- … -->`; a comment left open runs to the end.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        rest = match rest[open + 4..].find("-->") {
            Some(close) => &rest[open + 4 + close + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The label a line defines (`[amino]: https://…`, `[^1]: a note`), in lower case.
fn definition(line: &str) -> Option<String> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let rest = trimmed.strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = &rest[..close];
    (!label.is_empty() && !label.contains(['[', ']'])).then(|| label.to_lowercase())
}

fn definitions(text: &str) -> Vec<String> {
    text.lines().filter_map(definition).collect()
}

/// `[label]` as its text where the record defines the label; `[^note]` marks gone.
fn shortcut_links(text: &str, labels: &BTreeSet<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = from[1..].find(']').map(|i| i + 1) else {
            out.push_str(from);
            return out;
        };
        let label = &from[1..close];
        let after = &from[close + 1..];
        let linked = after.starts_with(['(', '[']) || out.ends_with(['!', ']']);
        if label.starts_with('^') && !label.contains('[') {
            // A footnote mark: the note is not in the message.
            while out.ends_with(' ') {
                out.pop();
            }
        } else if !linked && !label.contains('[') && labels.contains(&label.to_lowercase()) {
            out.push_str(label);
        } else {
            out.push('[');
            rest = &from[1..];
            continue;
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// HTML elements a record may use for layout; their tags go, their text stays.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "wbr",
];

/// How many characters from `chars[at]` (a `<`) an HTML tag takes: `<br>`, `</sup>`,
/// `<img src="x.png" />`; `None` for anything else (`Record<T, U>`, `<https://…>`).
pub(crate) fn tag_length(chars: &[char], at: usize) -> Option<usize> {
    let mut i = at + 1;
    if chars.get(i) == Some(&'/') {
        i += 1;
    }
    let start = i;
    while chars.get(i).is_some_and(char::is_ascii_alphanumeric) {
        i += 1;
    }
    let name: String = chars[start..i].iter().collect::<String>().to_lowercase();
    if !TAGS.contains(&name.as_str()) {
        return None;
    }
    match chars.get(i) {
        Some('>') => Some(i + 1 - at),
        Some(' ' | '/' | '\t') => {
            let close = chars[i..].iter().position(|c| *c == '>')?;
            let inside: String = chars[i..i + close].iter().collect();
            // Attributes, not a comparison running on: `<a href="…">`, `<br />`.
            let attributes =
                inside.trim().is_empty() || inside.trim() == "/" || inside.contains('=');
            attributes.then_some(i + close + 1 - at)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_definitions_and_shortcut_links_leave_their_text() {
        let labels: BTreeSet<String> = ["amino".to_string(), "outbox".to_string()].into();
        let cases = [
            (
                "We encode votes with [amino] now.\n\n[amino]: https://example.org/amino\n",
                "We encode votes with amino now.\n",
            ),
            (
                "<!-- vale off --> We use a [Outbox] table.",
                " We use a Outbox table.",
            ),
            (
                "Keep it.<!-- a note\nover lines --> Done.",
                "Keep it. Done.",
            ),
            (
                "Proofs stay small [^1].\n\n[^1]: Measured in May.",
                "Proofs stay small.\n",
            ),
            // Brackets the record defines no link for are its own words.
            (
                "CircleCI [default]; Actions [suggestion]",
                "CircleCI [default]; Actions [suggestion]",
            ),
            (
                "[amino](https://x.example) and [amino][]",
                "[amino](https://x.example) and [amino][]",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(readable_text(text, &labels), expected, "{text}");
        }
    }

    #[test]
    fn html_tags_are_told_from_angle_brackets_that_are_text() {
        let length = |text: &str| tag_length(&text.chars().collect::<Vec<_>>(), 0);
        assert_eq!(length("<br>"), Some(4));
        assert_eq!(length("</sup> x"), Some(6));
        assert_eq!(length("<br />"), Some(6));
        assert_eq!(length("<a href=\"x\">y</a>"), Some(12));
        assert_eq!(length("<T, U>"), None);
        assert_eq!(length("<https://example.org>"), None);
        assert_eq!(length("<b and c>"), None);
    }
}
