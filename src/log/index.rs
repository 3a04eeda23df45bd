//! `decide index`: the log's table of contents, written between two markers in the log's
//! README.md (or index.md) so that the text people write around it survives. A file
//! without the markers is not written unless asked, and a file another tool generates is
//! named as such before anything is appended to it.

use super::Head;
use crate::error::{Error, Result};
use crate::record::Listing;

pub(crate) const START: &str = "<!-- decide:index:start -->";
pub(crate) const END: &str = "<!-- decide:index:end -->";

/// The file the index goes into, by preference: an existing `index.md`, else `README.md`.
pub(crate) const FILE_NAMES: [&str; 2] = ["index.md", "README.md"];

/// One row of the index.
pub(crate) struct Row<'a> {
    pub address: String,
    pub record: &'a Head<'a>,
    /// The record's file, relative to the index file.
    pub target: String,
}

/// A Markdown table of the records, one row each, linking to the files. Rows come one at
/// a time, so ten thousand are never all held besides the text, and each cell is escaped
/// straight into it rather than copied once per character it replaces (seven copies a
/// cell, on the one thread that writes the table).
pub(crate) fn table<'a>(rows: impl ExactSizeIterator<Item = Row<'a>>) -> String {
    let mut out = String::with_capacity(64 + rows.len() * 96);
    out.push_str("| # | Decision | Status | Date |\n|---|---|---|---|\n");
    for row in rows {
        let record = row.record;
        out.push_str("| ");
        escape_cell_into(&mut out, &row.address);
        out.push_str(" | [");
        escape_cell_into(&mut out, &record.title);
        out.push_str("](");
        for c in row.target.chars() {
            match c {
                ' ' => out.push_str("%20"),
                '(' => out.push_str("%28"),
                ')' => out.push_str("%29"),
                c => out.push(c),
            }
        }
        out.push_str(") | ");
        escape_cell_into(&mut out, record.status.as_deref().unwrap_or("-"));
        out.push_str(" | ");
        match record.date_text() {
            Some(date) => out.push_str(&date),
            None => out.push('-'),
        }
        out.push_str(" |\n");
    }
    out
}

/// `text` on one line (runs of white space as one space) with what would break a cell
/// escaped: `|` would end the cell, `[`/`]` the link text, and `<` could start HTML (such
/// as an index marker) inside a title.
fn escape_cell_into(out: &mut String, text: &str) {
    for (index, word) in text.split_whitespace().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\\' | '|' | '[' | ']' => {
                    out.push('\\');
                    out.push(c);
                }
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
    }
}

/// Whether a file says another tool writes it ("GENERATED FILE - DO NOT EDIT").
pub(crate) fn is_generated(text: &str) -> bool {
    text.lines().take(10).any(|line| {
        let line = line.to_ascii_uppercase();
        line.contains("GENERATED") && (line.contains("DO NOT EDIT") || line.contains("DON'T EDIT"))
    })
}

/// Whether `text` holds the index markers.
pub(crate) fn has_markers(text: &str) -> bool {
    text.contains(START)
}

/// How the table goes into the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    /// Between the markers, which must be there.
    BetweenMarkers,
    /// At the end of the file, in a new marked block.
    Append,
}

/// The file's new text: `existing` with the part between the markers replaced, or a new
/// file, or (when asked) `existing` plus a new block.
pub(crate) fn splice(
    existing: Option<&str>,
    table: &str,
    file_name: &str,
    placement: Placement,
) -> Result<String> {
    let block = format!("{START}\n{table}{END}\n");
    let Some(existing) = existing else {
        return Ok(format!("# Decision log\n\n{block}"));
    };
    let start = existing.find(START);
    let end = start.and_then(|start| existing[start..].find(END).map(|end| start + end));
    match (start, end) {
        (Some(start), Some(end)) => {
            let after = &existing[end + END.len()..];
            let after = after.strip_prefix('\n').unwrap_or(after);
            Ok(format!("{}{block}{after}", &existing[..start]))
        }
        (None, _) if placement == Placement::Append && !existing.contains(END) => {
            let mut text = existing.to_string();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&block);
            Ok(text)
        }
        (None, _) if !existing.contains(END) => Err(Error::content(format!(
            "{file_name} has no index markers, and decide does not add to a file it did not write{}",
            if is_generated(existing) {
                " (it says another tool generates it)"
            } else {
                ""
            }
        ))
        .hint(format!(
            "put the lines `{START}` and `{END}` where the table belongs, or pass --append to add it at the end, or --stdout to print it"
        ))),
        _ => Err(Error::content(format!(
            "the index markers are not in order: `{START}` must come before `{END}`"
        ))
        .in_file(file_name)
        .hint("put the two marker lines back, or delete both to start afresh")),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::record::parse;

    #[test]
    fn tables_escape_titles() {
        let path = Path::new("0002-a-b.md");
        let text = "# 2. Pick A | B [draft] <!-- decide:index:end -->\n\n## Status\n\nAccepted\n";
        let record = Head::of(parse(path, text).unwrap(), path);
        let rows = [Row {
            address: "0002".into(),
            record: &record,
            target: "0002-a-b.md".into(),
        }];
        assert_eq!(
            table(rows.into_iter()),
            "| # | Decision | Status | Date |\n|---|---|---|---|\n\
             | 0002 | [Pick A \\| B \\[draft\\] &lt;!-- decide:index:end --&gt;](0002-a-b.md) | accepted | - |\n"
        );
        let table = || {
            table(std::iter::once(Row {
                address: "0002".into(),
                record: &record,
                target: "0002-a-b.md".into(),
            }))
        };
        let once = splice(None, &table(), "README.md", Placement::BetweenMarkers).unwrap();
        let twice = splice(
            Some(&once),
            &table(),
            "README.md",
            Placement::BetweenMarkers,
        )
        .unwrap();
        assert_eq!(once, twice, "a title cannot grow the file");
    }

    #[test]
    fn cells_are_one_line_with_what_breaks_a_cell_escaped() {
        let cases = [
            ("Use PostgreSQL", "Use PostgreSQL"),
            ("  Runs  of\n\twhite   space ", "Runs of white space"),
            ("C:\\tools | [x]", "C:\\\\tools \\| \\[x\\]"),
            ("Span<T> > 2", "Span&lt;T&gt; &gt; 2"),
            ("", ""),
        ];
        for (text, expected) in cases {
            let mut out = String::new();
            escape_cell_into(&mut out, text);
            assert_eq!(out, expected, "{text:?}");
        }
        let path = Path::new("0003-x.md");
        let record = Head::of(
            parse(path, "# 3. X\n\n## Status\n\nAccepted\n").unwrap(),
            path,
        );
        let row = Row {
            address: "0003".into(),
            record: &record,
            target: "../old logs/0003-x (draft).md".into(),
        };
        assert!(
            table(std::iter::once(row)).contains("](../old%20logs/0003-x%20%28draft%29.md)"),
            "a link target keeps to one Markdown link"
        );
    }

    #[test]
    fn splicing_keeps_the_text_around_the_markers() {
        let table = "T\n";
        let cases = [
            (
                None,
                Placement::BetweenMarkers,
                "# Decision log\n\n<!-- decide:index:start -->\nT\n<!-- decide:index:end -->\n",
            ),
            (
                Some("Intro"),
                Placement::Append,
                "Intro\n\n<!-- decide:index:start -->\nT\n<!-- decide:index:end -->\n",
            ),
            (
                Some(
                    "Intro\n<!-- decide:index:start -->\nold\nrows\n<!-- decide:index:end -->\nOutro\n",
                ),
                Placement::BetweenMarkers,
                "Intro\n<!-- decide:index:start -->\nT\n<!-- decide:index:end -->\nOutro\n",
            ),
        ];
        for (existing, placement, expected) in cases {
            assert_eq!(
                splice(existing, table, "README.md", placement).unwrap(),
                expected
            );
        }
        let backwards = format!("{END}\n{START}\n");
        assert!(splice(Some(&backwards), table, "README.md", Placement::Append).is_err());
        let only_start = format!("x\n{START}\n");
        assert!(splice(Some(&only_start), table, "README.md", Placement::Append).is_err());
        let unmarked = splice(
            Some("# Site page\n"),
            table,
            "index.md",
            Placement::BetweenMarkers,
        )
        .unwrap_err();
        assert!(
            unmarked
                .to_string()
                .contains("index.md has no index markers"),
            "{unmarked}"
        );
        let generated = "<!-- GENERATED FILE - DO NOT EDIT BY HAND. -->\n# Index\n";
        assert!(is_generated(generated));
        let refused = splice(
            Some(generated),
            table,
            "index.md",
            Placement::BetweenMarkers,
        )
        .unwrap_err();
        assert!(
            refused.to_string().contains("another tool generates it"),
            "{refused}"
        );
    }
}
