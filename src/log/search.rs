//! `decide search WORDS`: records whose title or body contains every word, ignoring case.
//! A file is lower-cased and checked before it is parsed, so the thousands of records that
//! do not match cost one read and one scan each.

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::record::parse;
use crate::store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub path: PathBuf,
    pub number: Option<u32>,
    pub title: String,
    pub status: Option<String>,
    /// The first lines (number, text) that contain a word, at most three.
    pub lines: Vec<(usize, String)>,
}

/// Lower-case the words once, not per file.
pub(crate) fn prepare(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

pub(crate) fn search_file(path: &Path, words: &[String]) -> Result<Option<Hit>> {
    store::refuse_not_a_file(path)?;
    let text = store::read_text(path)?;
    search_text(path, &text, words)
}

pub(crate) fn search_text(path: &Path, text: &str, words: &[String]) -> Result<Option<Hit>> {
    // The quoted passages are the same few in every record: a word from them would match
    // the whole log. Search what the team wrote.
    let searched = without_references(text);
    let lower = searched.to_lowercase();
    if !words.iter().all(|w| lower.contains(w.as_str())) {
        return Ok(None);
    }
    let record = parse(path, text)?;
    let lines = searched
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.to_lowercase();
            words.iter().any(|w| line.contains(w.as_str()))
        })
        .take(3)
        .map(|(index, line)| (index + 1, line.trim().to_string()))
        .collect();
    Ok(Some(Hit {
        path: path.to_path_buf(),
        number: record.number,
        title: record.title,
        status: record.status,
        lines,
    }))
}

/// The text without its `## References` section (the quoted passages `decide` adds); what
/// follows it, such as review outcomes appended later, is kept.
fn without_references(text: &str) -> std::borrow::Cow<'_, str> {
    let mut kept = String::new();
    let mut skipping = false;
    let mut skipped_any = false;
    for line in text.split_inclusive('\n') {
        let heading = line.trim_end();
        if heading.starts_with("## ") || heading.starts_with("# ") {
            skipping = heading.eq_ignore_ascii_case("## References");
            skipped_any |= skipping;
        }
        if skipping {
            // Keep the line count, so hits report the file's own line numbers.
            kept.push('\n');
        } else {
            kept.push_str(line);
        }
    }
    if skipped_any {
        std::borrow::Cow::Owned(kept)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_references_are_not_searched() {
        let text = "# 1. Use Redis\n\n## Context\n\nCaching.\n\n## References\n\n> why you chose PostgreSQL over MongoDB\n";
        let path = Path::new("0001-redis.md");
        assert!(
            search_text(path, text, &["postgresql".into()])
                .unwrap()
                .is_none()
        );
        assert!(
            search_text(path, text, &["caching".into()])
                .unwrap()
                .is_some()
        );
    }

    #[test]
    fn every_word_must_appear_somewhere() {
        let text = "# 3. Use PostgreSQL\n\n## Status\n\nAccepted\n\n## Context\n\nOrders need TRANSACTIONS.\n";
        let path = Path::new("0003-pg.md");
        let cases: &[(&[&str], Option<&[usize]>)] = &[
            (&["postgresql"], Some(&[1])),
            (&["Transactions", "orders"], Some(&[9])),
            (&["postgresql", "orders"], Some(&[1, 9])),
            (&["postgresql", "mongodb"], None),
        ];
        for (words, expected) in cases {
            let words = prepare(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>());
            let hit = search_text(path, text, &words).unwrap();
            let lines = hit
                .as_ref()
                .map(|h| h.lines.iter().map(|(n, _)| *n).collect::<Vec<_>>());
            assert_eq!(lines.as_deref(), *expected, "{words:?}");
            if let Some(hit) = hit {
                assert_eq!(
                    (hit.number, hit.title.as_str()),
                    (Some(3), "Use PostgreSQL")
                );
            }
        }
    }
}
