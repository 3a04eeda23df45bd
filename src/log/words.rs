//! The log's word index: for each word of the records' titles and text, which records
//! hold it, so the coach can find related decisions among ten thousand records without
//! reading them (reading and splitting that many takes about a second; a lookup in the
//! index, a few milliseconds: docs/benchmark.md).
//!
//! The index is a cache in `.decide/cache/words`, rebuilt when it is out of date. It is out
//! of date when a log folder's modification time changed since it was built: adding,
//! removing or renaming a record changes it, and so does every edit decide makes, since
//! edits replace the file. An editor that writes a record in place leaves the folder's
//! time alone; such an edit shows once the folder next changes, and the few records a
//! lookup returns are read afresh anyway. When the index is rebuilt, only the records
//! whose size or modification time changed are read again.
//!
//! The file is text: a header, one line per record, then two sections of lines sorted by
//! word (`word 3 17 42`: the records' positions), one for titles and one for all the text.
//! A lookup finds a word's line by bisecting the section's bytes, so nothing else of the
//! file is parsed. Words in more than a fifth of a large log tell nothing apart and are
//! left out, which keeps the file small.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::store::{self, Stamp};

/// The cache's file name in `.decide/cache/`.
pub(crate) const CACHE_NAME: &str = "words";

const FORMAT_LINE: &str = "decide words 1";

/// A change within this many nanoseconds of a look may share its timestamp on a file
/// system that keeps whole seconds (two on FAT): such a stamp is not trusted (git's
/// "racily clean" files).
const RACY_NANOSECONDS: u128 = 2_000_000_000;

/// How many records' words are held at once while the index is built.
const READ_AT_ONCE: usize = 512;

/// Words that say nothing about what a decision is about: English function words, the
/// words every record's headings and template use, and the verbs titles start with
/// ("Use", "Move", "Adopt"): the subject tells what a decision is about, not the verb.
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "accepted",
    "add",
    "adopt",
    "after",
    "again",
    "against",
    "all",
    "allow",
    "also",
    "and",
    "any",
    "are",
    "bad",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "can",
    "change",
    "choose",
    "chosen",
    "con",
    "cons",
    "consequence",
    "considered",
    "context",
    "could",
    "create",
    "date",
    "decide",
    "decided",
    "decision",
    "did",
    "does",
    "doing",
    "down",
    "driver",
    "drop",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "good",
    "had",
    "has",
    "have",
    "having",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "into",
    "introduce",
    "its",
    "itself",
    "just",
    "keep",
    "make",
    "may",
    "more",
    "most",
    "move",
    "much",
    "must",
    "need",
    "neutral",
    "nor",
    "not",
    "now",
    "off",
    "once",
    "one",
    "only",
    "option",
    "other",
    "our",
    "ours",
    "out",
    "outcome",
    "over",
    "own",
    "pro",
    "problem",
    "proposed",
    "pros",
    "replace",
    "same",
    "shall",
    "she",
    "should",
    "some",
    "start",
    "statement",
    "status",
    "stop",
    "such",
    "switch",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "too",
    "under",
    "until",
    "upon",
    "use",
    "using",
    "very",
    "want",
    "was",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "you",
    "your",
];

/// The distinct words of `text` that can tell one decision from another, in the order
/// they first appear: lower case, without stop words, numbers or one-letter words, a
/// plural `s` dropped so "orders" finds "order". Two-letter words count only when written
/// in capitals (DB, UI, S3).
pub(crate) fn terms(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut terms = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if let Some(term) = term(word)
            && seen.insert(term.clone())
        {
            terms.push(term);
        }
    }
    terms
}

fn term(word: &str) -> Option<String> {
    let length = word.chars().count();
    let capitals = word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    if length < 2 || (length == 2 && !capitals) || word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let stop = |word: &str| STOP_WORDS.binary_search(&word).is_ok();
    let mut lower = word.to_lowercase();
    if stop(&lower) {
        return None;
    }
    if lower.len() > 4 && lower.ends_with('s') && !lower.ends_with("ss") {
        lower.pop();
    }
    (!stop(&lower)).then_some(lower)
}

/// The text of a record that says what it is about: without its front matter (names and
/// dates every record has) and its `## References` (the same few quotes in every record
/// decide writes).
fn told(text: &str) -> String {
    let body = match text.strip_prefix("---") {
        Some(rest) => rest
            .find("\n---")
            .and_then(|end| rest[end + 4..].find('\n').map(|n| &rest[end + 4 + n..]))
            .unwrap_or(text),
        None => text,
    };
    let mut kept = String::with_capacity(body.len());
    let mut skipping = false;
    for line in body.lines() {
        if line.starts_with("# ") || line.starts_with("## ") {
            skipping = line.trim_end().eq_ignore_ascii_case("## References");
        }
        if !skipping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

/// A record of the index: where it is and how it was when read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Doc {
    pub path: PathBuf,
    pub stamp: Stamp,
}

/// What one record gives the index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Words {
    pub title: Vec<String>,
    pub text: Vec<String>,
}

/// The words of the record `text` at `path`; `None` when it is not a record.
pub(crate) fn words_of(path: &Path, text: &str) -> Option<Words> {
    let title = match crate::record::parse::parse_head(path, text, false).ok()? {
        crate::record::parse::Parsed::Done(record) => record.title,
        crate::record::parse::Parsed::NeedMore => crate::record::parse(path, text).ok()?.title,
    };
    let title = terms(&title);
    let mut text = terms(&told(text));
    for word in &title {
        if !text.contains(word) {
            text.push(word.clone());
        }
    }
    Some(Words { title, text })
}

/// The index, as written in its file: lookups read it where it lies.
#[derive(Debug, Clone)]
pub(crate) struct WordIndex {
    folders: Vec<(PathBuf, Option<u128>)>,
    built: u128,
    docs: Vec<Doc>,
    /// Words left out for being in too many records.
    common: BTreeSet<String>,
    text: String,
    titles: std::ops::Range<usize>,
    words: std::ops::Range<usize>,
}

/// How a word's records are found in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// In these records (positions in [`WordIndex::docs`]).
    In(Vec<u32>),
    /// In too many records to be indexed.
    Common,
    /// In none.
    Nowhere,
}

impl WordIndex {
    pub(crate) fn docs(&self) -> &[Doc] {
        &self.docs
    }

    /// The records whose text holds `word` (a [`terms`] term).
    pub(crate) fn find(&self, word: &str) -> Found {
        if self.common.contains(word) {
            return Found::Common;
        }
        match bisect(&self.text[self.words.clone()], word) {
            Some(ids) => Found::In(ids),
            None => Found::Nowhere,
        }
    }

    /// The records whose title holds `word`.
    pub(crate) fn in_titles(&self, word: &str) -> Vec<u32> {
        bisect(&self.text[self.titles.clone()], word).unwrap_or_default()
    }

    /// The index in `text` (a cache file), if it is one and its records lie in `folders`.
    pub(crate) fn parse(text: String, folders: &[PathBuf]) -> Option<WordIndex> {
        let mut lines = text.split_inclusive('\n');
        let mut offset = 0;
        let mut next = || {
            let line = lines.next()?;
            offset += line.len();
            Some(line.trim_end_matches('\n'))
        };
        if next()? != FORMAT_LINE {
            return None;
        }
        let built = next()?.strip_prefix("built ")?.parse().ok()?;
        let mut indexed = Vec::new();
        for _ in 0..next()?.strip_prefix("folders ")?.parse::<usize>().ok()? {
            let (modified, path) = next()?.split_once(' ')?;
            indexed.push((PathBuf::from(path), modified.parse().ok()));
        }
        let in_folders: Vec<&PathBuf> = indexed.iter().map(|(path, _)| path).collect();
        if in_folders != folders.iter().collect::<Vec<_>>() {
            return None;
        }
        let count: usize = next()?.strip_prefix("docs ")?.parse().ok()?;
        let mut docs = Vec::with_capacity(count.min(1_000_000));
        for _ in 0..count {
            let mut fields = next()?.splitn(3, ' ');
            let size = fields.next()?.parse().ok()?;
            let modified = fields.next()?.parse().ok()?;
            let path = PathBuf::from(fields.next()?);
            // The cache may have come with the repository: it names records in the log's
            // folders only.
            let in_a_folder = path
                .parent()
                .is_some_and(|p| folders.iter().any(|f| f == p));
            let named = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(store::is_record_name);
            if !in_a_folder || !named {
                return None;
            }
            docs.push(Doc {
                path,
                stamp: Stamp { size, modified },
            });
        }
        let common = next()?
            .strip_prefix("common")?
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let titles_length: usize = next()?.strip_prefix("titles ")?.parse().ok()?;
        let titles = offset..offset.checked_add(titles_length)?;
        let rest = text.get(titles.end..)?;
        let (header, _) = rest.split_once('\n')?;
        let words_length: usize = header.strip_prefix("words ")?.parse().ok()?;
        let start = titles.end + header.len() + 1;
        let words = start..start.checked_add(words_length)?;
        text.get(words.clone())?;
        Some(WordIndex {
            folders: indexed,
            built,
            docs,
            common,
            text,
            titles,
            words,
        })
    }

    /// Whether the index still holds for folders stamped `now`: each folder is as it was
    /// when the index was built, and was so long enough before then to trust the stamp.
    pub(crate) fn is_fresh(&self, now: &[Option<Stamp>]) -> bool {
        self.folders.len() == now.len()
            && self.folders.iter().zip(now).all(|((_, then), now)| {
                let now = now.map(|s| s.modified);
                *then == now && now.is_none_or(|modified| modified + RACY_NANOSECONDS < self.built)
            })
    }
}

/// The ids on the line of `word` in a section of sorted `word id id…` lines.
fn bisect(section: &str, word: &str) -> Option<Vec<u32>> {
    let bytes = section.as_bytes();
    let (mut low, mut high) = (0, bytes.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let start = bytes[low..middle]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(low, |at| low + at + 1);
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |at| start + at);
        let line = section.get(start..end)?;
        let (key, ids) = line.split_once(' ').unwrap_or((line, ""));
        match key.cmp(word) {
            std::cmp::Ordering::Equal => {
                return Some(ids.split(' ').filter_map(|id| id.parse().ok()).collect());
            }
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
        }
    }
    None
}

/// Everything a new index is made of.
struct Parts {
    folders: Vec<(PathBuf, Option<u128>)>,
    built: u128,
    docs: Vec<Doc>,
    common: BTreeSet<String>,
    titles: BTreeMap<String, Vec<u32>>,
    words: BTreeMap<String, Vec<u32>>,
}

impl Parts {
    /// The most records a word is in and still tells them apart: a fifth of them, once the
    /// log is large enough for that to say something.
    fn common_limit(&self) -> usize {
        (self.docs.len() / 5).max(50)
    }

    /// Leave out words in more than [`Parts::common_limit`] records.
    fn prune(&mut self) {
        let limit = self.common_limit();
        let common: Vec<String> = self
            .words
            .iter()
            .filter(|(_, ids)| ids.len() > limit)
            .map(|(word, _)| word.clone())
            .collect();
        for word in common {
            self.words.remove(&word);
            self.titles.remove(&word);
            self.common.insert(word);
        }
    }

    fn write(mut self) -> WordIndex {
        let section = |map: &BTreeMap<String, Vec<u32>>| {
            let mut out = String::new();
            for (word, ids) in map {
                out.push_str(word);
                for id in ids {
                    out.push(' ');
                    out.push_str(&id.to_string());
                }
                out.push('\n');
            }
            out
        };
        let mut text = format!("{FORMAT_LINE}\nbuilt {}\n", self.built);
        text.push_str(&format!("folders {}\n", self.folders.len()));
        for (path, modified) in &self.folders {
            let modified = modified.map_or("-".to_string(), |m| m.to_string());
            text.push_str(&format!("{modified} {}\n", path.display()));
        }
        text.push_str(&format!("docs {}\n", self.docs.len()));
        for doc in &mut self.docs {
            // A record written as the index was built may change again within its
            // timestamp: a zero stamp has it read again next time.
            if doc.stamp.modified + RACY_NANOSECONDS >= self.built {
                doc.stamp.modified = 0;
            }
            text.push_str(&format!(
                "{} {} {}\n",
                doc.stamp.size,
                doc.stamp.modified,
                doc.path.display()
            ));
        }
        let common: Vec<&str> = self.common.iter().map(String::as_str).collect();
        text.push_str(&format!("common {}\n", common.join(" ")));
        let titles = section(&self.titles);
        let words = section(&self.words);
        text.push_str(&format!("titles {}\n", titles.len()));
        let titles_at = text.len()..text.len() + titles.len();
        text.push_str(&titles);
        text.push_str(&format!("words {}\n", words.len()));
        let words_at = text.len()..text.len() + words.len();
        text.push_str(&words);
        WordIndex {
            folders: self.folders,
            built: self.built,
            docs: self.docs,
            common: self.common,
            text,
            titles: titles_at,
            words: words_at,
        }
    }
}

/// The index of the records in `folders`: the cached one in `cache` (a directory) if it
/// is fresh, else one brought up to date (reading only the records that changed) and
/// cached again. Without a cache directory it is built in memory. A folder that cannot
/// be listed has no records here: finding related records is help, never an error.
pub(crate) fn index(folders: &[PathBuf], cache: Option<&Path>) -> WordIndex {
    let stamps: Vec<Option<Stamp>> = folders.iter().map(|f| store::stamp(f)).collect();
    let cached = cache
        .and_then(|dir| store::read_cache(&dir.join(CACHE_NAME)))
        .and_then(|text| WordIndex::parse(text, folders));
    let cached = match cached {
        Some(index) if index.is_fresh(&stamps) => return index,
        cached => cached,
    };
    let built = store::now_nanoseconds();
    let index = rebuild(folders, &stamps, built, cached.as_ref());
    // A log with no records yet gets no cache: there is nothing to remember.
    if let Some(dir) = cache
        && (!index.docs.is_empty() || cached.is_some())
    {
        let _ = store::write_cache(dir, CACHE_NAME, index.text.as_bytes());
    }
    index
}

/// A new index of `folders` (stamped `stamps`), keeping what `old` knew of every record
/// that has not changed since.
fn rebuild(
    folders: &[PathBuf],
    stamps: &[Option<Stamp>],
    built: u128,
    old: Option<&WordIndex>,
) -> WordIndex {
    let paths: Vec<PathBuf> = folders
        .iter()
        .filter_map(|folder| store::list_record_entries(folder).ok())
        .flatten()
        // A name the index's lines cannot hold is left out of it.
        .filter(|entry| !entry.not_a_file && !entry.path.to_string_lossy().contains('\n'))
        .map(|entry| entry.path)
        .collect();
    let now: Vec<Option<Stamp>> = crate::parallel::map(&paths, |path| store::stamp(path));
    let before: HashMap<&Path, (u32, Stamp)> = old
        .map(|old| {
            old.docs
                .iter()
                .enumerate()
                .map(|(id, doc)| (doc.path.as_path(), (id as u32, doc.stamp)))
                .collect()
        })
        .unwrap_or_default();
    let mut parts = Parts {
        folders: folders
            .iter()
            .cloned()
            .zip(stamps.iter().map(|s| s.map(|s| s.modified)))
            .collect(),
        built,
        docs: Vec::with_capacity(paths.len()),
        common: old.map(|o| o.common.clone()).unwrap_or_default(),
        titles: BTreeMap::new(),
        words: BTreeMap::new(),
    };
    // Old positions of the records kept, to their new ones.
    let mut kept: HashMap<u32, u32> = HashMap::new();
    let mut changed: Vec<(u32, &Path)> = Vec::new();
    for (path, stamp) in paths.iter().zip(&now) {
        let Some(stamp) = stamp else { continue };
        let id = parts.docs.len() as u32;
        match before.get(path.as_path()) {
            Some((old_id, old_stamp)) if old_stamp == stamp => {
                kept.insert(*old_id, id);
            }
            _ => changed.push((id, path)),
        }
        parts.docs.push(Doc {
            path: path.clone(),
            stamp: *stamp,
        });
    }
    if let Some(old) = old
        && !kept.is_empty()
    {
        carry_over(&old.text[old.titles.clone()], &kept, &mut parts.titles);
        carry_over(&old.text[old.words.clone()], &kept, &mut parts.words);
    }
    // A word is common as soon as it is in more records than `prune` keeps: its records
    // are let go then, not held to the end (the common words' records were most of the
    // postings of ten thousand records).
    let limit = parts.common_limit();
    let mut common_now: HashSet<String> = HashSet::new();
    // A chunk at a time: the words of ten thousand records at once would take a hundred
    // MiB, their postings a tenth of that.
    for chunk in changed.chunks(READ_AT_ONCE) {
        let read: Vec<Option<Words>> = crate::parallel::map(chunk, |(_, path)| {
            let text = store::read_text(path).ok()?;
            words_of(path, &text)
        });
        for ((id, _), words) in chunk.iter().zip(read) {
            let Some(words) = words else { continue };
            for word in words.title.into_iter().filter(|w| !common_now.contains(w)) {
                parts.titles.entry(word).or_default().push(*id);
            }
            for word in words.text {
                if parts.common.contains(&word) {
                    continue;
                }
                let Some(ids) = parts.words.get_mut(&word) else {
                    parts.words.insert(word, vec![*id]);
                    continue;
                };
                ids.push(*id);
                if ids.len() > limit {
                    parts.words.remove(&word);
                    parts.titles.remove(&word);
                    parts.common.insert(word.clone());
                    common_now.insert(word);
                }
            }
        }
    }
    for ids in parts.titles.values_mut().chain(parts.words.values_mut()) {
        ids.sort_unstable();
    }
    parts.prune();
    parts.write()
}

/// The lines of an old section, with each kept record's position changed to its new one
/// and the others left out.
fn carry_over(section: &str, kept: &HashMap<u32, u32>, into: &mut BTreeMap<String, Vec<u32>>) {
    for line in section.lines() {
        let mut fields = line.split(' ');
        let Some(word) = fields.next() else { continue };
        let ids: Vec<u32> = fields
            .filter_map(|id| id.parse().ok())
            .filter_map(|id: u32| kept.get(&id).copied())
            .collect();
        if !ids.is_empty() {
            into.entry(word.to_string()).or_default().extend(ids);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn stop_words_are_sorted_for_the_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS);
        for word in STOP_WORDS {
            assert_eq!(term(word), None, "{word} is a term");
        }
    }

    #[test]
    fn terms_are_the_words_that_tell_decisions_apart() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Should the orders service move from MongoDB to PostgreSQL?",
                &["order", "service", "mongodb", "postgresql"],
            ),
            ("Use S3 for the DB backups", &["s3", "db", "backup"]),
            ("Go to 2 regions in 2027", &["region"]),
            (
                "Class access: less process",
                &["class", "access", "less", "process"],
            ),
            ("Café menus, cafés", &["café", "menu"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(terms(text), *expected, "{text}");
        }
    }

    #[test]
    fn the_told_text_leaves_out_front_matter_and_quotes() {
        let text = "---\nstatus: accepted\ndecision-makers: Ana Lima\n---\n\n# Use Kafka\n\n## Context\n\nQueues overflow.\n\n## References\n\n> nobody will remember why\n\n## Outcome (2027-01-01)\n\n* Did it hold up: yes\n";
        let told = told(text);
        assert!(told.contains("Use Kafka") && told.contains("Queues overflow"));
        assert!(
            told.contains("Did it hold up"),
            "after the references: {told}"
        );
        assert!(
            !told.contains("Ana Lima") && !told.contains("remember"),
            "{told}"
        );
    }

    #[test]
    fn a_word_is_found_by_bisecting_its_section() {
        let section = "alpha 1 2\nbeta 3\ndelta 4 5 6\ngamma 7\n";
        let cases = [
            ("alpha", Some(vec![1, 2])),
            ("beta", Some(vec![3])),
            ("delta", Some(vec![4, 5, 6])),
            ("gamma", Some(vec![7])),
            ("aardvark", None),
            ("charlie", None),
            ("zulu", None),
        ];
        for (word, expected) in cases {
            assert_eq!(bisect(section, word), expected, "{word}");
        }
        assert_eq!(bisect("", "alpha"), None);
    }

    fn record(dir: &Path, name: &str, title: &str, body: &str) -> PathBuf {
        let path = dir.join(name);
        fs::write(
            &path,
            format!("# {title}\n\n## Status\n\nAccepted\n\n## Context\n\n{body}\n"),
        )
        .unwrap();
        path
    }

    #[test]
    fn the_index_is_cached_and_brought_up_to_date() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("docs/decisions");
        let cache = dir.path().join(".decide/cache");
        fs::create_dir_all(&log).unwrap();
        record(
            &log,
            "0001-kafka.md",
            "Use Kafka for events",
            "Queues overflow.",
        );
        let kept = record(
            &log,
            "0002-redis.md",
            "Cache sessions in Redis",
            "Logins slow.",
        );
        let folders = vec![log.clone()];
        let first = index(&folders, Some(&cache));
        assert_eq!(first.docs().len(), 2);
        assert_eq!(first.find("kafka"), Found::In(vec![0]));
        assert_eq!(first.in_titles("redi"), vec![1]);
        assert_eq!(first.find("nothing"), Found::Nowhere);
        let cached = store::read_cache(&cache.join(CACHE_NAME)).unwrap();
        let parsed = WordIndex::parse(cached.clone(), &folders).unwrap();
        assert_eq!(parsed.docs(), first.docs());
        assert_eq!(parsed.find("queue"), Found::In(vec![0]));
        assert!(
            WordIndex::parse(cached, &[dir.path().to_path_buf()]).is_none(),
            "another log's index"
        );
        // Built long after the records were written, so their stamps are trusted.
        let stamps = |folders: &[PathBuf]| -> Vec<Option<Stamp>> {
            folders.iter().map(|f| store::stamp(f)).collect()
        };
        let later = store::now_nanoseconds() + 10 * RACY_NANOSECONDS;
        let trusted = rebuild(&folders, &stamps(&folders), later, None);
        // A record added, one removed, and one whose text changed behind a stamp that did
        // not: the index reads the new one and keeps what it knew of the unchanged one.
        record(
            &log,
            "0003-kafka-retention.md",
            "Keep Kafka events a week",
            "Disks.",
        );
        fs::remove_file(log.join("0001-kafka.md")).unwrap();
        let modified = fs::metadata(&kept).unwrap().modified().unwrap();
        record(
            &log,
            "0002-redis.md",
            "Cache sessions in Valky",
            "Logins slow.",
        );
        fs::File::options()
            .write(true)
            .open(&kept)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        let again = rebuild(&folders, &stamps(&folders), later, Some(&trusted));
        let names: Vec<String> = again
            .docs()
            .iter()
            .map(|d| d.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["0002-redis.md", "0003-kafka-retention.md"]);
        assert_eq!(again.find("kafka"), Found::In(vec![1]));
        assert_eq!(again.in_titles("redi"), vec![0], "kept, not read again");
        assert_eq!(again.find("valky"), Found::Nowhere);
        assert_eq!(again.find("disk"), Found::In(vec![1]));
    }

    #[test]
    fn an_index_is_fresh_while_its_folders_are_as_they_were() {
        let second = 1_000_000_000;
        let index = Parts {
            folders: vec![(PathBuf::from("log"), Some(10 * second))],
            built: 20 * second,
            docs: Vec::new(),
            common: BTreeSet::new(),
            titles: BTreeMap::new(),
            words: BTreeMap::new(),
        }
        .write();
        let at = |modified| {
            Some(Stamp {
                size: 4096,
                modified,
            })
        };
        assert!(index.is_fresh(&[at(10 * second)]));
        assert!(!index.is_fresh(&[at(11 * second)]), "changed since");
        assert!(!index.is_fresh(&[None]), "gone");
        assert!(!index.is_fresh(&[]), "another set of folders");
        let racy = Parts {
            folders: vec![(PathBuf::from("log"), Some(19 * second))],
            built: 20 * second,
            docs: Vec::new(),
            common: BTreeSet::new(),
            titles: BTreeMap::new(),
            words: BTreeMap::new(),
        }
        .write();
        assert!(
            !racy.is_fresh(&[at(19 * second)]),
            "changed just before it was built: the stamp may hide a later change"
        );
    }

    #[test]
    fn a_cache_that_is_not_an_index_is_none() {
        let folders = vec![PathBuf::from("/repo/docs/decisions")];
        let good = "decide words 1\nbuilt 5\nfolders 1\n- /repo/docs/decisions\ndocs 1\n3 4 /repo/docs/decisions/0001-a.md\ncommon \ntitles 8\nalpha 0\nwords 8\nalpha 0\n";
        assert!(WordIndex::parse(good.to_string(), &folders).is_some());
        let cases = [
            "",
            "decide words 2\n",
            &good.replace("/repo/docs/decisions/0001-a.md", "/etc/passwd"),
            &good.replace("0001-a.md", "README.md"),
            &good.replace("titles 8", "titles 800"),
            &good.replace("docs 1", "docs 2"),
            &good.replace("built 5", "built soon"),
        ];
        for case in cases {
            assert!(
                WordIndex::parse(case.to_string(), &folders).is_none(),
                "{case:?}"
            );
        }
    }
}
