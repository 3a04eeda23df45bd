//! `decide index`: the log's table of contents, written between two markers in the log's
//! README.md (or index.md) so that the text people write around it survives.

use crate::error::{Error, Result};
use crate::record::Record;

pub(crate) const START: &str = "<!-- decide:index:start -->";
pub(crate) const END: &str = "<!-- decide:index:end -->";

/// The file the index goes into, by preference: an existing `index.md`, else `README.md`.
pub(crate) const FILE_NAMES: [&str; 2] = ["index.md", "README.md"];

/// A Markdown table of the records, one row each, linking to the files.
pub(crate) fn table(records: &[&Record]) -> String {
    let mut out = String::with_capacity(64 + records.len() * 96);
    out.push_str("| # | Decision | Status | Date |\n|---|---|---|---|\n");
    for record in records {
        let number = record.number.map_or("-".to_string(), |n| format!("{n:04}"));
        let title = escape_cell(&record.title);
        let status = record.status.as_deref().unwrap_or("-");
        let date = record.date.map_or("-".to_string(), |d| d.to_string());
        out.push_str(&format!(
            "| {number} | [{title}]({}) | {status} | {date} |\n",
            record.file_name().replace(' ', "%20")
        ));
    }
    out
}

/// `|` would end the cell and `[`/`]` the link text.
fn escape_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// The file's new text: `existing` with the part between the markers replaced, or a new
/// file (or `existing` plus a new block) when there are no markers yet.
pub(crate) fn splice(existing: Option<&str>, table: &str, file_name: &str) -> Result<String> {
    let block = format!("{START}\n{table}{END}\n");
    let Some(existing) = existing else {
        return Ok(format!("# Decision log\n\n{block}"));
    };
    match (existing.find(START), existing.find(END)) {
        (Some(start), Some(end)) if start < end => {
            let after = &existing[end + END.len()..];
            let after = after.strip_prefix('\n').unwrap_or(after);
            Ok(format!("{}{block}{after}", &existing[..start]))
        }
        (None, None) => {
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
        let record = parse(
            Path::new("0002-a-b.md"),
            "# 2. Pick A | B [draft]\n\n## Status\n\nAccepted\n",
        )
        .unwrap();
        assert_eq!(
            table(&[&record]),
            "| # | Decision | Status | Date |\n|---|---|---|---|\n\
             | 0002 | [Pick A \\| B \\[draft\\]](0002-a-b.md) | accepted | - |\n"
        );
    }

    #[test]
    fn splicing_keeps_the_text_around_the_markers() {
        let table = "T\n";
        let cases = [
            (
                None,
                "# Decision log\n\n<!-- decide:index:start -->\nT\n<!-- decide:index:end -->\n",
            ),
            (
                Some("Intro"),
                "Intro\n\n<!-- decide:index:start -->\nT\n<!-- decide:index:end -->\n",
            ),
            (
                Some(
                    "Intro\n<!-- decide:index:start -->\nold\nrows\n<!-- decide:index:end -->\nOutro\n",
                ),
                "Intro\n<!-- decide:index:start -->\nT\n<!-- decide:index:end -->\nOutro\n",
            ),
        ];
        for (existing, expected) in cases {
            assert_eq!(splice(existing, table, "README.md").unwrap(), expected);
        }
        let backwards = format!("{END}\n{START}\n");
        assert!(splice(Some(&backwards), table, "README.md").is_err());
        let only_start = format!("x\n{START}\n");
        assert!(splice(Some(&only_start), table, "README.md").is_err());
    }
}
