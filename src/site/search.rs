//! The index the site's search box reads: every word of every record (title and text,
//! without the quoted references, as `decide search` reads them), each with the records
//! it appears in. It is a script (`search-index.js`), not JSON, because a page opened
//! from `file://` may load a script but may not fetch a file.
//!
//! In the browser a query's words must all match, each as the start of a word, so typing
//! "postg" already finds PostgreSQL. The words are sorted, so the words starting with
//! what was typed are one range found by binary search, and each word's records are
//! decoded once and kept.

use std::collections::HashMap;
use std::fmt::Write as _;

/// Words longer than this are not indexed (hashes, long URLs); shorter ones are.
const LONGEST_WORD: usize = 40;

/// The words of `text` as the browser's search splits them: runs of letters and digits,
/// lower-cased.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() <= LONGEST_WORD)
}

/// Collects each record's words, then writes the index.
#[derive(Default)]
pub(crate) struct Index {
    postings: HashMap<String, Vec<u32>>,
}

impl Index {
    /// Add record `index` with its searchable `text` (title and body).
    pub(crate) fn add(&mut self, index: u32, text: &str) {
        let lower = text.to_lowercase();
        let mut seen: Vec<&str> = words(&lower).collect();
        seen.sort_unstable();
        seen.dedup();
        for word in seen {
            match self.postings.get_mut(word) {
                Some(records) => records.push(index),
                None => {
                    self.postings.insert(word.to_string(), vec![index]);
                }
            }
        }
    }

    /// The index as a script: `window.DECIDE_SEARCH = {"words": [...], "records": [...]}`,
    /// where each word's records are the gaps between ascending record indices, so common
    /// words cost a digit or two per record.
    pub(crate) fn script(self) -> String {
        let mut entries: Vec<(String, Vec<u32>)> = self.postings.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut words = String::with_capacity(entries.len() * 10);
        let mut records = String::with_capacity(entries.len() * 16);
        for (position, (word, mut indices)) in entries.into_iter().enumerate() {
            if position > 0 {
                words.push(',');
                records.push(',');
            }
            words.push_str(&serde_json::to_string(&word).unwrap_or_else(|_| "\"\"".into()));
            indices.sort_unstable();
            indices.dedup();
            records.push('"');
            let mut previous = 0;
            for (n, index) in indices.iter().enumerate() {
                if n > 0 {
                    records.push(' ');
                }
                let _ = write!(records, "{}", index - previous);
                previous = *index;
            }
            records.push('"');
        }
        // `</` could end a script element if the file were ever inlined; a word never
        // holds one, since words are letters and digits.
        format!("window.DECIDE_SEARCH={{\"words\":[{words}],\"records\":[{records}]}};\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_letters_and_digits_lower_cased() {
        let lower = "Use PostgreSQL 16 for the orders-service (née MySQL)".to_lowercase();
        assert_eq!(
            words(&lower).collect::<Vec<_>>(),
            [
                "use",
                "postgresql",
                "16",
                "for",
                "the",
                "orders",
                "service",
                "née",
                "mysql"
            ]
        );
    }

    #[test]
    fn each_word_lists_its_records_as_gaps() {
        let mut index = Index::default();
        index.add(0, "Use Redis for caching");
        index.add(3, "Use Kafka, not Redis");
        index.add(7, "<script>alert(\"x\")</script> use");
        let script = index.script();
        assert!(
            script.starts_with("window.DECIDE_SEARCH={\"words\":[\"alert\",\"caching\","),
            "{script}"
        );
        let parsed: serde_json::Value = serde_json::from_str(
            script
                .trim_start_matches("window.DECIDE_SEARCH=")
                .trim_end_matches(";\n"),
        )
        .unwrap();
        let words: Vec<&str> = parsed["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        let records = parsed["records"].as_array().unwrap();
        let of = |word: &str| {
            records[words.iter().position(|w| *w == word).unwrap()]
                .as_str()
                .unwrap()
        };
        assert_eq!(of("use"), "0 3 4");
        assert_eq!(of("redis"), "0 3");
        assert_eq!(of("script"), "7");
        assert!(!script.contains('<'));
    }
}
