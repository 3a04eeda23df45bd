//! The index the site's search box reads: every word of every record (title and text,
//! without the quoted references, as `decide search` reads them), each with the records
//! it appears in. It is a script (`search-index.js`), not JSON, because a page opened
//! from `file://` may load a script but may not fetch a file.
//!
//! In the browser a query's words must all match, each as the start of a word, so typing
//! "postg" already finds PostgreSQL. The words are sorted, so the words starting with
//! what was typed are one range found by binary search, and each word's records are
//! decoded once and kept.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::html::Spill;

/// Words longer than this are not indexed (hashes, long URLs); shorter ones are.
const LONGEST_WORD: usize = 40;

/// The words of `text` as the browser's search splits them: runs of letters and digits,
/// lower-cased.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() <= LONGEST_WORD)
}

/// A record's distinct words, lower-cased, one per line: what [`Index::add`] files under
/// it. Made where the record was read, so the index itself is only touched to file them.
pub(crate) fn distinct_words(text: &str) -> String {
    let lower = text.to_lowercase();
    // A set, not a sort: sorting a record's seven hundred words was a sixth of building
    // the site of our records. The index sorts the words once, when it is written.
    let mut seen: HashSet<&str> = HashSet::with_capacity(lower.len() / 16);
    let mut distinct = String::with_capacity(lower.len() / 2);
    for word in words(&lower) {
        if seen.insert(word) {
            distinct.push_str(word);
            distinct.push('\n');
        }
    }
    distinct
}

/// Collects each record's words, then writes the index.
#[derive(Debug, Default)]
pub(crate) struct Index {
    postings: HashMap<String, Postings>,
}

/// The records a word is in, as the gaps between their indices, each a LEB128 number
/// (one byte for a gap under 128): a log's common words are in most of its records, and
/// four bytes each for ten thousand records made the index the site's largest part.
#[derive(Debug, Default)]
struct Postings {
    last: Option<u32>,
    gaps: Vec<u8>,
}

impl Postings {
    fn push(&mut self, index: u32) {
        let mut gap = index - self.last.unwrap_or(0);
        self.last = Some(index);
        loop {
            let byte = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                self.gaps.push(byte);
                return;
            }
            self.gaps.push(byte | 0x80);
        }
    }

    fn gaps(&self) -> impl Iterator<Item = u32> + '_ {
        let mut bytes = self.gaps.iter();
        std::iter::from_fn(move || {
            let mut gap = 0;
            let mut shift = 0;
            loop {
                let byte = bytes.next()?;
                gap |= u32::from(byte & 0x7f) << shift;
                if byte & 0x80 == 0 {
                    return Some(gap);
                }
                shift += 7;
            }
        })
    }
}

impl Index {
    /// File record `index` under each of its `words` ([`distinct_words`]). Records are
    /// added in order: an index at or below the last one added is ignored.
    pub(crate) fn add(&mut self, index: u32, words: &str) {
        for word in words.split('\n').filter(|w| !w.is_empty()) {
            let postings = match self.postings.get_mut(word) {
                Some(postings) => postings,
                None => self.postings.entry(word.to_string()).or_default(),
            };
            if postings.last.is_none_or(|last| index > last) {
                postings.push(index);
            }
        }
    }

    /// The index as a script: `window.DECIDE_SEARCH = {"words": [...], "records": [...]}`,
    /// where each word's records are the gaps between ascending record indices, so common
    /// words cost a digit or two per record. Written a few words at a time: the script of
    /// ten thousand records of ours is five megabytes, held twice when it was a string.
    pub(crate) fn write_script(&self, to: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut entries: Vec<(&String, &Postings)> = self.postings.iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut out = Spill::new(to);
        out.text.push_str("window.DECIDE_SEARCH={\"words\":[");
        for (position, (word, _)) in entries.iter().enumerate() {
            if position > 0 {
                out.text.push(',');
            }
            out.text
                .push_str(&serde_json::to_string(word).unwrap_or_else(|_| "\"\"".into()));
            out.spill();
        }
        out.text.push_str("],\"records\":[");
        for (position, (_, postings)) in entries.iter().enumerate() {
            if position > 0 {
                out.text.push(',');
            }
            out.text.push('"');
            for (n, gap) in postings.gaps().enumerate() {
                if n > 0 {
                    out.text.push(' ');
                }
                let _ = write!(out.text, "{gap}");
            }
            out.text.push('"');
            out.spill();
        }
        // `</` could end a script element if the file were ever inlined; a word never
        // holds one, since words are letters and digits.
        out.text.push_str("]};\n");
        out.finish()
    }

    /// [`Index::write_script`] as a string.
    #[cfg(test)]
    pub(crate) fn script(&self) -> String {
        let mut out = Vec::new();
        self.write_script(&mut out)
            .expect("a vector takes every write");
        String::from_utf8(out).expect("the script is UTF-8")
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
        index.add(0, &distinct_words("Use Redis for caching, Redis"));
        index.add(3, &distinct_words("Use Kafka, not Redis"));
        // Out of order: ignored.
        index.add(2, &distinct_words("Use Kafka"));
        index.add(7, &distinct_words("<script>alert(\"x\")</script> use"));
        // Far apart: a gap of several bytes.
        index.add(1_000_000, &distinct_words("Redis again"));
        let script = index.script();
        assert!(
            script.starts_with("window.DECIDE_SEARCH={\"words\":[\"again\",\"alert\",\"caching\","),
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
        assert_eq!(of("redis"), "0 3 999997");
        assert_eq!(of("kafka"), "3");
        assert_eq!(of("script"), "7");
        assert!(!script.contains('<'));
    }
}
