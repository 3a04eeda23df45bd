//! The decision log on disk: scanning its records fast, finding one by number or file,
//! and the log-wide views built from the scan (list, index, graph, lint, renumber, search,
//! reviews). Reading goes through `store`; the views are pure functions of the records.

pub(crate) mod graph;
pub(crate) mod index;
pub(crate) mod link;
pub(crate) mod lint;
pub(crate) mod list;
pub(crate) mod renumber;
pub(crate) mod report;
pub(crate) mod review;
pub(crate) mod search;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{Error, Result};
use crate::record::parse::{LatestOutcome, Parsed, latest_outcome, parse_head};
use crate::record::{Format, Record, parse};
use crate::store;

/// How much of a record the head parse reads first. Our records keep their metadata in the
/// first few hundred bytes and adr-tools' status section is near the top; the rest of the
/// file is read only when the metadata runs past this.
/// One read of this much takes most records whole (ours are about 4 KiB).
const HEAD_BYTES: usize = 8192;
/// How much of a record's end to read for appended review outcomes.
const TAIL_BYTES: usize = 4096;

/// How much of each record a command needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// Front matter, title, status and date: enough for `list` and `index`.
    Head,
    /// Everything: sections, links, outcomes.
    Full,
}

/// The records that parsed, in file-name order, and the files that did not, each with
/// its reason. A bad file never hides the others.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub records: Vec<Record>,
    pub problems: Vec<Error>,
}

/// Read every record in `dir`. Symbolic links are reported, not followed (see
/// [`store::refuse_symlink`]); the directory listing already says which entries are links.
pub(crate) fn scan(dir: &Path, depth: Depth) -> Result<Scan> {
    let entries = store::list_record_entries(dir)?;
    let links: std::collections::HashSet<&Path> = entries
        .iter()
        .filter(|e| e.symlink)
        .map(|e| e.path.as_path())
        .collect();
    let files: Vec<PathBuf> = entries.iter().map(|e| e.path.clone()).collect();
    let results = for_each_file(&files, |path| {
        if links.contains(path) {
            Err(store::symlink_error(path))
        } else {
            read_unchecked(path, depth)
        }
    });
    let mut scan = Scan::default();
    for result in results {
        match result {
            Ok(record) => scan.records.push(record),
            Err(error) => scan.problems.push(error),
        }
    }
    Ok(scan)
}

/// Read one record, only as far as `depth` needs.
pub(crate) fn read_record(path: &Path, depth: Depth) -> Result<Record> {
    store::refuse_symlink(path)?;
    read_unchecked(path, depth)
}

/// [`read_record`] for a path already known to be a regular file.
fn read_unchecked(path: &Path, depth: Depth) -> Result<Record> {
    if depth == Depth::Full {
        let text = store::read_text(path)?;
        return parse(path, &text);
    }
    let (text, truncated) = store::read_prefix(path, HEAD_BYTES)?;
    if let Parsed::Done(record) = parse_head(path, &text, truncated)? {
        let mut record = *record;
        // A review adds an outcome, which may set the next review date: look for it too,
        // so a listing shows the date the full record would. It is appended at the end,
        // except in our records, where it goes before the references: a long one of ours
        // is read whole, as its outcome may sit anywhere before the last few KiB.
        // Most records fit in the head read.
        let tail = if text.len() < HEAD_BYTES {
            std::borrow::Cow::Borrowed(text.as_str())
        } else if record.format == Format::Decide {
            std::borrow::Cow::Owned(store::read_text(path)?)
        } else {
            std::borrow::Cow::Owned(store::read_suffix(path, TAIL_BYTES)?)
        };
        if !mentions_an_outcome(&tail) {
            return Ok(record);
        }
        match latest_outcome(&tail) {
            LatestOutcome::None => {}
            LatestOutcome::Found(date, next) => {
                record.reviewed = Some(date);
                record.review_by = next;
            }
            LatestOutcome::Unsure => return read_record(path, Depth::Full),
        }
        return Ok(record);
    }
    let text = store::read_text(path)?;
    match parse_head(path, &text, false)? {
        Parsed::Done(record) => Ok(*record),
        Parsed::NeedMore => parse(path, &text),
    }
}

/// Whether `text` holds a review outcome's bullets: a cheap search before reading outcomes
/// line by line.
fn mentions_an_outcome(text: &str) -> bool {
    text.contains("What we learnt:") || text.contains("Next review by:")
}

/// Run `work` on every file, on as many threads as there are cores, and return the results
/// in the files' order. Threads take files one at a time from a shared counter, so a few
/// large records do not leave one thread with all the work. `std::thread::scope` is enough
/// here: the work is one flat loop, so a thread-pool crate would add nothing.
pub(crate) fn for_each_file<T: Send>(
    files: &[PathBuf],
    work: impl Fn(&Path) -> T + Sync,
) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        // Starting a thread costs more than reading a few dozen small files.
        .min(files.len() / 64 + 1);
    if threads <= 1 {
        return files.iter().map(|path| work(path)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut pieces: Vec<Vec<(usize, T)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(index) else {
                            break;
                        };
                        done.push((index, work(path)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut all: Vec<(usize, T)> = Vec::with_capacity(files.len());
    for piece in &mut pieces {
        all.append(piece);
    }
    all.sort_unstable_by_key(|(index, _)| *index);
    all.into_iter().map(|(_, value)| value).collect()
}

/// The record named on the command line: a number, matched exactly (`7` is never `17` or
/// `70`), or a path to a file.
pub(crate) fn resolve(dir: &Path, cwd: &Path, spec: &str) -> Result<PathBuf> {
    if let Ok(number) = spec.parse::<u32>() {
        let files = store::list_record_files(dir)?;
        let matching: Vec<&PathBuf> = files
            .iter()
            .filter(|path| {
                path.file_name()
                    .and_then(|n| store::record_number(&n.to_string_lossy()))
                    == Some(number)
            })
            .collect();
        return match matching.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::record(format!("no record is numbered {number}"))
                .in_file(dir)
                .hint("`decide list` shows the numbers")),
            several => Err(Error::record(format!(
                "{} records are numbered {number}: {}",
                several.len(),
                several
                    .iter()
                    .map(|p| p.file_name().unwrap_or_default().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .in_file(dir)
            .hint("name the file instead, or run `decide renumber`")),
        };
    }
    let candidates = [cwd.join(spec), dir.join(spec)];
    candidates
        .into_iter()
        .find(|path| store::is_file(path))
        .ok_or_else(|| {
            Error::record(format!("no record `{spec}`"))
                .in_file(dir)
                .hint("give a record number or the path of a record file")
        })
}

/// Read and parse a record named on the command line; a failure exits with the record code.
pub(crate) fn load(path: &Path) -> Result<(Record, String)> {
    store::refuse_symlink(path)?;
    let text = store::read_text(path).map_err(|e| Error {
        kind: crate::error::Kind::Record,
        ..e
    })?;
    let record = parse(path, &text)?;
    Ok((record, text))
}

/// The label another record's link shows: `7. Use PostgreSQL`.
pub(crate) fn link_label(record: &Record) -> String {
    match record.number {
        Some(number) => format!("{number}. {}", record.title),
        None => record.title.clone(),
    }
}

/// The path from `from`'s directory to `to`, for a link: records in one log are siblings.
pub(crate) fn link_target(from: &Path, to: &Path) -> String {
    match (from.parent(), to.parent()) {
        (Some(a), Some(b)) if a == b => to
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => to.display().to_string(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_head_read_sees_the_outcome_at_the_end_of_a_long_record() {
        let dir = tempfile::tempdir().unwrap();
        let head = "---\nstatus: accepted\nreview-by: 2027-01-01\n---\n\n# Long\n\n## Context and Problem Statement\n\n";
        let outcome = "\n## Outcome (2027-01-02)\n\n* What happened: fine\n* Did it hold up: yes\n* What we learnt: x\n* Next review by: 2027-06-01\n";
        for (name, padding) in [("0001-short.md", 10), ("0002-long.md", 20_000)] {
            let path = dir.path().join(name);
            std::fs::write(
                &path,
                format!("{head}{}\n{outcome}", "words ".repeat(padding)),
            )
            .unwrap();
            let record = read_record(&path, Depth::Head).unwrap();
            assert_eq!(
                record.review_by,
                chrono::NaiveDate::from_ymd_opt(2027, 6, 1),
                "{name}"
            );
            let full = read_record(&path, Depth::Full).unwrap();
            assert_eq!(
                record.review_by, full.review_by,
                "{name}: head and full agree"
            );
        }
    }

    /// Our records get the outcome before their references, which can be longer than the
    /// tail a head read looks at.
    #[test]
    fn a_head_read_sees_the_outcome_before_the_references_of_our_record() {
        let dir = tempfile::tempdir().unwrap();
        let head = "---\nstatus: accepted\nplaybook: decision\nreview-by: 2027-01-01\n---\n\n# Ours\n\n## Context and Problem Statement\n\n";
        let outcome = "## Outcome (2027-01-02)\n\n* What happened: fine\n* Did it hold up: yes\n* What we learnt: x\n* Next review by: 2027-06-01\n\n";
        for (name, body, references) in [
            ("0001-short.md", 10, 50),
            ("0002-long-body.md", 20_000, 50),
            ("0003-long-references.md", 10, 2_000),
        ] {
            let path = dir.path().join(name);
            std::fs::write(
                &path,
                format!(
                    "{head}{}\n\n{outcome}## References\n\n> {}\n",
                    "words ".repeat(body),
                    "quote ".repeat(references)
                ),
            )
            .unwrap();
            let record = read_record(&path, Depth::Head).unwrap();
            assert_eq!(
                record.review_by,
                chrono::NaiveDate::from_ymd_opt(2027, 6, 1),
                "{name}"
            );
            let full = read_record(&path, Depth::Full).unwrap();
            assert_eq!(
                record.review_by, full.review_by,
                "{name}: head and full agree"
            );
        }
    }

    use super::*;

    #[test]
    fn parallel_results_keep_the_files_order() {
        let files: Vec<PathBuf> = (0..500).map(|i| PathBuf::from(format!("{i}"))).collect();
        let out = for_each_file(&files, |p| p.to_string_lossy().parse::<usize>().unwrap());
        assert_eq!(out, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn numbers_match_exactly() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "0001-a.md",
            "0012-b.md",
            "0021-c.md",
            "0007-x.md",
            "0007-y.md",
        ] {
            std::fs::write(dir.path().join(name), "# T\n").unwrap();
        }
        let found = resolve(dir.path(), dir.path(), "1").unwrap();
        assert_eq!(found.file_name().unwrap(), "0001-a.md");
        let found = resolve(dir.path(), dir.path(), "0012").unwrap();
        assert_eq!(found.file_name().unwrap(), "0012-b.md");
        let missing = resolve(dir.path(), dir.path(), "2").unwrap_err();
        assert!(
            missing.to_string().contains("no record is numbered 2"),
            "{missing}"
        );
        let twice = resolve(dir.path(), dir.path(), "7").unwrap_err();
        assert!(
            twice.to_string().contains("0007-x.md, 0007-y.md"),
            "{twice}"
        );
        let by_name = resolve(dir.path(), Path::new("/"), "0021-c.md").unwrap();
        assert_eq!(by_name, dir.path().join("0021-c.md"));
    }
}
