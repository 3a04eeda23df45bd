//! A coach that remembers: "nobody will remember why you chose PostgreSQL over MongoDB",
//! so after a decision's title the coach shows up to three records of the log about the
//! same things, with how each stands and, once looked back at, whether it held up; the
//! lead may link any of them.
//!
//! Records are ranked by the title's words they share, each weighted by how rare it is in
//! the log (its inverse document frequency, `ln(1 + N / df)`), twice over when it is in the
//! record's own title. A word no record has weighs the most, as if one record had it: it
//! is the new part of the decision, so a record sharing only the common words of a title
//! is not related. A record is shown when it carries at least [`ENOUGH`] of the title's
//! whole weight. Words come from the log's word index ([`super::words`]), which is read
//! on a thread of its own while the lead types the title.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::words::{self, Found, WordIndex};
use crate::record::Record;
use crate::stats::HeldUp;

/// How many related records are shown at most.
pub(crate) const SHOWN: usize = 3;

/// The share of a title's weight a record must carry to be shown as related.
const ENOUGH: f64 = 0.3;

/// A record of the log related to the one being written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Related {
    pub path: PathBuf,
    pub number: Option<u32>,
    pub title: String,
    pub status: Option<String>,
    /// What its latest look-back said, if it had one.
    pub held_up: Option<HeldUp>,
}

impl Related {
    fn from_record(record: &Record) -> Related {
        Related {
            path: record.path.clone(),
            number: record.number,
            title: record.title.clone(),
            status: record.status.clone(),
            held_up: crate::stats::held_up(record),
        }
    }

    /// How a list names it: "12. Use Kafka for events", or the title in a log named by date.
    pub(crate) fn label(&self) -> String {
        match self.number {
            Some(number) => format!("{number}. {}", self.title),
            None => self.title.clone(),
        }
    }

    /// How it stands: "accepted; held up", "superseded", "no status".
    pub(crate) fn standing(&self) -> String {
        let status = self.status.as_deref().unwrap_or("no status");
        match self.held_up {
            None => status.to_string(),
            Some(HeldUp::Yes) => format!("{status}; held up"),
            Some(HeldUp::Changed) => format!("{status}; held up in part, changed"),
            Some(HeldUp::Reversed) => format!("{status}; did not hold up, reversed"),
        }
    }

    /// How an answers file names it in `relates_to`: its number, else its file name
    /// without `.md`.
    pub(crate) fn address(&self) -> String {
        match self.number {
            Some(number) => number.to_string(),
            None => self
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

/// The records of `index` related to `text`, best first, with their scores: at most
/// `limit`, each carrying at least [`ENOUGH`] of the text's weight, newer first on a tie.
pub(crate) fn rank(index: &WordIndex, text: &str, limit: usize) -> Vec<(u32, f64)> {
    let count = index.docs().len();
    if count == 0 {
        return Vec::new();
    }
    let weight = |df: usize| (1.0 + count as f64 / df.max(1) as f64).ln();
    let mut scores: HashMap<u32, f64> = HashMap::new();
    let mut whole = 0.0;
    for term in words::terms(text) {
        match index.find(&term) {
            // Too common to tell records apart: it neither adds nor asks for weight.
            Found::Common => {}
            Found::Nowhere => whole += weight(1),
            Found::In(ids) => {
                let idf = weight(ids.len());
                whole += idf;
                let titled = index.in_titles(&term);
                for id in ids {
                    let twice = if titled.binary_search(&id).is_ok() {
                        2.0
                    } else {
                        1.0
                    };
                    *scores.entry(id).or_default() += idf * twice;
                }
            }
        }
    }
    let mut ranked: Vec<(u32, f64)> = scores
        .into_iter()
        .filter(|(_, score)| whole > 0.0 && score / whole >= ENOUGH)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
    ranked.truncate(limit);
    ranked
}

/// The log's word index, being read or read.
enum State {
    Reading(std::thread::JoinHandle<WordIndex>),
    Read(Option<WordIndex>),
}

/// What the coach remembers of the log: its word index, read (or brought up to date) on a
/// thread of its own from the moment a session starts, so the lead does not wait for it.
pub(crate) struct Memory {
    state: State,
}

impl Memory {
    /// Start reading the index of the records in `folders`, cached in `cache`.
    pub(crate) fn prepare(folders: Vec<PathBuf>, cache: Option<PathBuf>) -> Memory {
        let spawned = std::thread::Builder::new()
            .name("decide-words".into())
            .spawn({
                let folders = folders.clone();
                let cache = cache.clone();
                move || words::index(&folders, cache.as_deref())
            });
        let state = match spawned {
            Ok(handle) => State::Reading(handle),
            // No thread to spare: read it now.
            Err(_) => State::Read(Some(words::index(&folders, cache.as_deref()))),
        };
        Memory { state }
    }

    fn index(&mut self) -> Option<&WordIndex> {
        if let State::Reading(_) = self.state {
            let State::Reading(handle) = std::mem::replace(&mut self.state, State::Read(None))
            else {
                return None;
            };
            self.state = State::Read(handle.join().ok());
        }
        match &self.state {
            State::Read(index) => index.as_ref(),
            State::Reading(_) => None,
        }
    }

    /// Up to [`SHOWN`] records related to `text`, leaving out those at `except` (the
    /// record being superseded, already linked). Each is read afresh, so what is shown is
    /// what the record says now; one that cannot be read is passed over.
    pub(crate) fn recall(&mut self, text: &str, except: &[PathBuf]) -> Vec<Related> {
        let Some(index) = self.index() else {
            return Vec::new();
        };
        let except: Vec<PathBuf> = except.iter().map(|p| super::normalise(p)).collect();
        let mut related = Vec::new();
        for (id, _) in rank(index, text, SHOWN + except.len() + 2) {
            let Some(doc) = index.docs().get(id as usize) else {
                continue;
            };
            if except.contains(&super::normalise(&doc.path)) {
                continue;
            }
            if let Ok(record) = super::read_record(&doc.path, super::Depth::Full) {
                related.push(Related::from_record(&record));
            }
            if related.len() == SHOWN {
                break;
            }
        }
        related
    }
}

/// Whether `a` and `b` name the same record file.
pub(crate) fn same_record(a: &Path, b: &Path) -> bool {
    super::normalise(a) == super::normalise(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A log of a few records on one subject each, and its index.
    fn log(records: &[(&str, &str)]) -> (tempfile::TempDir, WordIndex) {
        let dir = tempfile::tempdir().unwrap();
        for (n, (title, text)) in records.iter().enumerate() {
            fs::write(
                dir.path().join(format!("{:04}-r.md", n + 1)),
                format!(
                    "# {}. {title}\n\n## Status\n\nAccepted\n\n## Context\n\n{text}\n",
                    n + 1
                ),
            )
            .unwrap();
        }
        let index = words::index(&[dir.path().to_path_buf()], None);
        (dir, index)
    }

    const LOG: &[(&str, &str)] = &[
        (
            "Choose the database for the orders service",
            "Orders outgrew SQLite. Options: PostgreSQL or MongoDB.",
        ),
        (
            "Use Kafka for payment events",
            "Events between services queue up.",
        ),
        ("Cache sessions in Redis", "Logins are slow at peak."),
        (
            "Adopt PostgreSQL for billing",
            "Billing needs transactions.",
        ),
        ("Hire a second SRE", "On-call is one person."),
        (
            "Move the team to trunk-based development",
            "Branches live for weeks.",
        ),
    ];

    #[test]
    fn related_records_share_the_rarer_words() {
        let (_dir, index) = log(LOG);
        let cases: &[(&str, &[u32])] = &[
            // Records 1 and 4 both name PostgreSQL; the orders database also has MongoDB
            // and "orders" in its title.
            ("Move orders from MongoDB to PostgreSQL", &[0, 3]),
            ("Drop Redis from the session cache", &[2]),
            ("Hire a third SRE for on-call", &[4]),
            // Nothing in the log is about this.
            ("Choose a logo colour", &[]),
            ("", &[]),
        ];
        for (title, expected) in cases {
            let ids: Vec<u32> = rank(&index, title, SHOWN).iter().map(|r| r.0).collect();
            assert_eq!(ids, *expected, "{title}");
        }
    }

    #[test]
    fn at_most_three_newest_first_on_a_tie() {
        let same: Vec<(&str, &str)> = (0..5).map(|_| ("Use Kafka", "Events.")).collect();
        let (_dir, index) = log(&same);
        let ids: Vec<u32> = rank(&index, "Kafka for events", SHOWN)
            .iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(ids, [4, 3, 2]);
    }

    #[test]
    fn an_empty_log_remembers_nothing() {
        let (_dir, index) = log(&[]);
        assert!(rank(&index, "Use Kafka", SHOWN).is_empty());
    }

    #[test]
    fn recall_reads_each_record_afresh_and_leaves_out_the_one_superseded() {
        let (dir, _) = log(LOG);
        let first = dir.path().join("0001-r.md");
        let text = fs::read_to_string(&first).unwrap();
        fs::write(
            &first,
            format!("{text}\n## Outcome (2027-01-05)\n\n* What happened: fine\n* Did it hold up: no, we reversed it\n* What we learnt: x\n"),
        )
        .unwrap();
        let mut memory = Memory::prepare(vec![dir.path().to_path_buf()], None);
        let related = memory.recall("Move orders from MongoDB to PostgreSQL", &[]);
        let shown: Vec<(String, String)> =
            related.iter().map(|r| (r.label(), r.standing())).collect();
        assert_eq!(
            shown,
            [
                (
                    "1. Choose the database for the orders service".to_string(),
                    "accepted; did not hold up, reversed".to_string()
                ),
                (
                    "4. Adopt PostgreSQL for billing".to_string(),
                    "accepted".to_string()
                ),
            ]
        );
        let without_first = memory.recall("Move orders from MongoDB to PostgreSQL", &[first]);
        assert_eq!(without_first.len(), 1);
        assert_eq!(without_first[0].address(), "4");
    }
}
