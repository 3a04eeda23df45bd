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
use std::io::{self, BufRead as _, Read as _};

use super::html::Spill;
use crate::store;

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

/// How many bytes of postings are held in memory before they are spilled to a scratch
/// file as one run: the postings of ten thousand records of ours are megabytes, and grew
/// by doubling, word by word.
const RUN_BYTES: usize = 256 * 1024;

/// Collects each record's words, then writes the index. Each word gets a number when it
/// is first seen; its records are kept in memory until the postings of the run reach
/// [`RUN_BYTES`], then written to a scratch file, a run sorted by word. The script merges
/// the runs, which hold ascending records, word by word.
#[derive(Debug)]
pub(crate) struct Index {
    /// Every word seen, and its number.
    ids: HashMap<Box<str>, u32>,
    /// Each word's records among those added since the last run was spilled, by number.
    run: Vec<Postings>,
    /// The bytes of `run`'s postings.
    run_bytes: usize,
    run_limit: usize,
    /// The last record added.
    last: Option<u32>,
    /// Where each run spilled starts and ends in `scratch`, in record order.
    spilled: Vec<(u64, u64)>,
    scratch: Option<store::Scratch>,
}

impl Default for Index {
    fn default() -> Index {
        Index::with_run_limit(RUN_BYTES)
    }
}

/// The records a word is in, as the gaps between their indices, each a LEB128 number
/// (one byte for a gap under 128): a log's common words are in most of its records, and
/// four bytes each for ten thousand records made the index the site's largest part. The
/// first gap is the first index itself.
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
}

/// The numbers of LEB128 `bytes`.
fn gaps(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut bytes = bytes.iter();
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

impl Index {
    /// An index that spills its postings once a run holds `run_limit` bytes.
    fn with_run_limit(run_limit: usize) -> Index {
        Index {
            ids: HashMap::new(),
            run: Vec::new(),
            run_bytes: 0,
            run_limit,
            last: None,
            spilled: Vec::new(),
            scratch: None,
        }
    }

    /// File record `index` under each of its `words` ([`distinct_words`]). Records are
    /// added in order: an index at or below the last one added is ignored. Fails only
    /// when the postings could not be spilled.
    pub(crate) fn add(&mut self, index: u32, words: &str) -> io::Result<()> {
        if self.last.is_some_and(|last| index <= last) {
            return Ok(());
        }
        self.last = Some(index);
        for word in words.split('\n').filter(|w| !w.is_empty()) {
            let id = match self.ids.get(word) {
                Some(id) => *id,
                None => {
                    let id = self.run.len() as u32;
                    self.ids.insert(word.into(), id);
                    self.run.push(Postings::default());
                    id
                }
            };
            let postings = &mut self.run[id as usize];
            let before = postings.gaps.len();
            postings.push(index);
            self.run_bytes += postings.gaps.len() - before;
        }
        if self.run_bytes >= self.run_limit {
            self.spill()?;
        }
        Ok(())
    }

    /// Write the run in memory to the scratch file, sorted by word: for each word its
    /// number, its last record, the length of its gaps and the gaps (numbers as four
    /// bytes, little-endian).
    fn spill(&mut self) -> io::Result<()> {
        let Index {
            ids, run, scratch, ..
        } = self;
        let mut order: Vec<(&str, u32)> = ids
            .iter()
            .filter(|(_, id)| run[**id as usize].last.is_some())
            .map(|(word, id)| (&**word, *id))
            .collect();
        order.sort_unstable();
        let scratch = match scratch {
            Some(scratch) => scratch,
            None => scratch.insert(store::Scratch::new()?),
        };
        let mut start = None;
        let mut bytes = Vec::with_capacity(SPILL_BUFFER + 1024);
        for (_, id) in order {
            let postings = std::mem::take(&mut run[id as usize]);
            let Some(last) = postings.last else { continue };
            bytes.extend_from_slice(&id.to_le_bytes());
            bytes.extend_from_slice(&last.to_le_bytes());
            bytes.extend_from_slice(&(postings.gaps.len() as u32).to_le_bytes());
            bytes.extend_from_slice(&postings.gaps);
            if bytes.len() >= SPILL_BUFFER {
                let at = scratch.append(&bytes)?;
                start.get_or_insert(at);
                bytes.clear();
            }
        }
        let at = scratch.append(&bytes)?;
        let start = *start.get_or_insert(at);
        self.spilled.push((start, at + bytes.len() as u64));
        self.run_bytes = 0;
        Ok(())
    }

    /// The index as a script: `window.DECIDE_SEARCH = {"words": [...], "records": [...]}`,
    /// where each word's records are the gaps between ascending record indices, so common
    /// words cost a digit or two per record. Written a few words at a time: the script of
    /// ten thousand records of ours is five megabytes, held twice when it was a string.
    pub(crate) fn write_script(&self, to: &mut dyn io::Write) -> io::Result<()> {
        let mut words: Vec<(&str, u32)> = self.ids.iter().map(|(w, id)| (&**w, *id)).collect();
        words.sort_unstable();
        let mut out = Spill::new(to);
        out.text.push_str("window.DECIDE_SEARCH={\"words\":[");
        for (position, (word, _)) in words.iter().enumerate() {
            if position > 0 {
                out.text.push(',');
            }
            out.text
                .push_str(&serde_json::to_string(word).unwrap_or_else(|_| "\"\"".into()));
            out.spill();
        }
        out.text.push_str("],\"records\":[");
        let mut runs: Vec<Run<'_>> = match &self.scratch {
            Some(scratch) => self
                .spilled
                .iter()
                .map(|&(start, end)| Run::new(scratch, start, end))
                .collect(),
            None => Vec::new(),
        };
        let mut gaps_read = Vec::new();
        for (position, (_, id)) in words.iter().enumerate() {
            if position > 0 {
                out.text.push(',');
            }
            out.text.push('"');
            let mut records = Records::default();
            for run in &mut runs {
                if let Some(last) = run.take(*id, &mut gaps_read)? {
                    records.write(&mut out.text, &gaps_read, last);
                }
            }
            let postings = &self.run[*id as usize];
            if let Some(last) = postings.last {
                records.write(&mut out.text, &postings.gaps, last);
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

/// How much of a run is gathered before it is written to the scratch file.
const SPILL_BUFFER: usize = 64 * 1024;

/// One word's records written as the script's gaps, from the runs that hold them in turn.
#[derive(Default)]
struct Records {
    /// The last record written, which the next run's first gap is counted from.
    previous: Option<u32>,
}

impl Records {
    /// Write a run's `gaps` (its first counted from 0) after those written before, as
    /// decimal numbers separated by spaces; `last` is the run's last record.
    fn write(&mut self, text: &mut String, gaps_of_run: &[u8], last: u32) {
        for (n, gap) in gaps(gaps_of_run).enumerate() {
            let gap = match (n, self.previous) {
                (0, Some(previous)) => gap - previous,
                _ => gap,
            };
            if n > 0 || self.previous.is_some() {
                text.push(' ');
            }
            let _ = write!(text, "{gap}");
        }
        self.previous = Some(last);
    }
}

/// A spilled run, read back word by word.
struct Run<'a> {
    reader: io::BufReader<Region<'a>>,
    /// The next word's number, last record and length of gaps, once read.
    head: Option<[u32; 3]>,
}

impl<'a> Run<'a> {
    fn new(scratch: &'a store::Scratch, start: u64, end: u64) -> Run<'a> {
        Run {
            reader: io::BufReader::with_capacity(
                RUN_READ_BUFFER,
                Region {
                    scratch,
                    at: start,
                    end,
                },
            ),
            head: None,
        }
    }

    /// The gaps of word `id` into `gaps` and its last record, if this run holds it next;
    /// else `None`, and nothing is read.
    fn take(&mut self, id: u32, gaps: &mut Vec<u8>) -> io::Result<Option<u32>> {
        let head = match self.head {
            Some(head) => head,
            None => {
                let mut bytes = [0; 12];
                if !self.reader.fill_buf()?.is_empty() {
                    self.reader.read_exact(&mut bytes)?;
                } else {
                    return Ok(None);
                }
                let number = |at: usize| {
                    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
                };
                *self.head.insert([number(0), number(4), number(8)])
            }
        };
        let [word, last, len] = head;
        if word != id {
            return Ok(None);
        }
        self.head = None;
        gaps.resize(len as usize, 0);
        self.reader.read_exact(gaps)?;
        Ok(Some(last))
    }
}

/// How much of each run is read at a time while the script is written.
const RUN_READ_BUFFER: usize = 16 * 1024;

/// The bytes of the scratch file from `at` to `end`.
struct Region<'a> {
    scratch: &'a store::Scratch,
    at: u64,
    end: u64,
}

impl io::Read for Region<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let left = usize::try_from(self.end - self.at).unwrap_or(usize::MAX);
        let wanted = buffer.len().min(left);
        let read = self.scratch.read_at(self.at, &mut buffer[..wanted])?;
        self.at += read as u64;
        Ok(read)
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
        index
            .add(0, &distinct_words("Use Redis for caching, Redis"))
            .unwrap();
        index
            .add(3, &distinct_words("Use Kafka, not Redis"))
            .unwrap();
        // Out of order: ignored.
        index.add(2, &distinct_words("Use Kafka")).unwrap();
        index
            .add(7, &distinct_words("<script>alert(\"x\")</script> use"))
            .unwrap();
        // Far apart: a gap of several bytes.
        index
            .add(1_000_000, &distinct_words("Redis again"))
            .unwrap();
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

    /// Postings spilled to the scratch file in runs make the same script as postings held
    /// in memory: a word's records continue across runs, a run may lack a word, and the
    /// last run stays in memory.
    #[test]
    fn spilled_runs_make_the_same_script() {
        let text = |n: u32| {
            let mut words = format!("record{n} every");
            for divisor in [2, 3, 7, 200] {
                if n.is_multiple_of(divisor) {
                    let _ = write!(words, " by{divisor}");
                }
            }
            distinct_words(&words)
        };
        let mut held = Index::default();
        let mut spilled = Index::with_run_limit(64);
        for n in (0..2000).map(|n| n * 3) {
            held.add(n, &text(n)).unwrap();
            spilled.add(n, &text(n)).unwrap();
        }
        assert!(held.spilled.is_empty());
        assert!(spilled.spilled.len() > 10, "{} runs", spilled.spilled.len());
        assert!(spilled.run_bytes > 0);
        let script = spilled.script();
        assert_eq!(script, held.script());
        assert!(script.contains("\"by200\""), "{}", &script[..200]);
    }
}
