//! `decide site`: the decision log as a static site that opens from `file://` or any
//! static host and makes no request elsewhere when viewed. An index with search and
//! filters, a page per record, the supersede and link graph, and the team's stats.
//!
//! Building is a pure function of the records, their text and today: [`build`] returns
//! the files, and the command writes them through `store`. Records are untrusted, so
//! every value is escaped ([`html`]) and the Markdown filtered ([`render`]).

mod charts;
pub(crate) mod graph;
pub(crate) mod html;
mod pages;
pub(crate) mod render;
mod search;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::record::Record;
use crate::store;

/// The stylesheet and the script every page loads: no fonts, images or scripts from
/// elsewhere.
const STYLESHEET: &str = include_str!("assets/site.css");
const SCRIPT: &str = include_str!("assets/site.js");

/// One file of the site: its path below the site's directory (`/`-separated) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What the site is built from.
pub(crate) struct Input<'a> {
    /// The records in log order, read whole, and the text each was read from.
    pub records: &'a [Record],
    pub texts: &'a [String],
    /// What the header calls the log (`docs/decisions`).
    pub log_name: &'a str,
    /// The day "due" and "overdue" are relative to.
    pub today: NaiveDate,
}

/// The log read whole, in file-name order: each record with the text it was read from, and
/// the files that could not be read or parsed (a bad file never hides the others).
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub records: Vec<Record>,
    pub texts: Vec<String>,
    pub problems: Vec<Error>,
}

/// Read every record in `dir` on every core. Links are reported, not followed.
pub(crate) fn read(dir: &Path) -> Result<Log> {
    let entries = store::list_record_entries(dir)?;
    let results = parallel_map(entries.len(), |index| {
        let entry = &entries[index];
        if entry.symlink {
            return Err(store::symlink_error(&entry.path));
        }
        let text = store::read_text(&entry.path)?;
        let record = crate::record::parse(&entry.path, &text)?;
        Ok((record, text))
    });
    let mut log = Log::default();
    for result in results {
        match result {
            Ok((record, text)) => {
                log.records.push(record);
                log.texts.push(text);
            }
            Err(error) => log.problems.push(error),
        }
    }
    Ok(log)
}

/// How one of the site's shared files is made.
type Render<'a> = Box<dyn Fn() -> Vec<u8> + Sync + 'a>;

/// Build every file of the site, record pages on every core, and hand each to `write` as
/// soon as it is built, so a log of ten thousand records is never all in memory as HTML.
/// The paths written, in order, or the first error `write` returned.
pub(crate) fn build(
    input: &Input<'_>,
    write: impl Fn(&File) -> Result<()> + Sync,
) -> Result<Vec<String>> {
    let model = pages::Model::new(input);
    let shared: [(&str, Render<'_>); 6] = [
        (
            "assets/site.css",
            Box::new(|| STYLESHEET.as_bytes().to_vec()),
        ),
        ("assets/site.js", Box::new(|| SCRIPT.as_bytes().to_vec())),
        ("index.html", Box::new(|| model.index().into_bytes())),
        ("graph.html", Box::new(|| model.graph_page().into_bytes())),
        ("stats.html", Box::new(|| model.stats().into_bytes())),
        (
            "search-index.js",
            Box::new(|| model.search_index().into_bytes()),
        ),
    ];
    let count = shared.len() + input.records.len();
    let results = parallel_map(count, |index| {
        let file = match shared.get(index) {
            Some((path, bytes)) => File {
                path: (*path).to_string(),
                bytes: bytes(),
            },
            None => {
                let record = index - shared.len();
                File {
                    path: format!("records/{}", model.pages[record]),
                    bytes: model.record(record).into_bytes(),
                }
            }
        };
        write(&file).map(|()| file.path)
    });
    results.into_iter().collect()
}

/// `work` for each index below `count`, on every core, in order.
pub(crate) fn parallel_map<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(count / 32 + 1);
    if threads <= 1 {
        return (0..count).map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        if index >= count {
                            break;
                        }
                        mine.push((index, work(index)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, value)| value).collect()
}

/// Each record's page name: its file name with `.html` for `.md`, with any character a
/// URL or a file system might read otherwise replaced, and made unique.
fn page_names(records: &[Record]) -> Vec<String> {
    let mut taken: HashMap<String, usize> = HashMap::new();
    records
        .iter()
        .map(|record| {
            let name = record.file_name();
            let stem = name.strip_suffix(".md").unwrap_or(&name);
            let mut safe: String = stem
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect();
            if safe.is_empty() {
                safe.push_str("record");
            }
            let seen = taken.entry(safe.clone()).or_insert(0);
            *seen += 1;
            if *seen > 1 {
                safe = format!("{safe}-{seen}");
            }
            format!("{safe}.html")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn page_names_are_safe_and_unique() {
        let record = |name: &str| crate::record::parse(Path::new(name), "# T\n").unwrap();
        let records = [
            record("0001-use-x.md"),
            record("0002-<script>.md"),
            record("0002-?script?.md"),
            record("..md"),
        ];
        assert_eq!(
            page_names(&records),
            [
                "0001-use-x.html",
                "0002--script-.html",
                "0002--script--2.html",
                "-.html"
            ]
        );
    }

    /// The stylesheet's colours in light (`:root`) or dark (the `prefers-color-scheme`
    /// block): each `--name: #rrggbb`.
    fn palette(dark: bool) -> HashMap<String, [f64; 3]> {
        let start = STYLESHEET
            .find("@media (prefers-color-scheme: dark)")
            .unwrap();
        let block = if dark {
            &STYLESHEET[start..]
        } else {
            &STYLESHEET[..start]
        };
        let block = &block[..block.find("\n}").unwrap()];
        let mut colours = HashMap::new();
        for declaration in block.split(';') {
            let Some((name, value)) = declaration.rsplit_once(':') else {
                continue;
            };
            let (name, value) = (name.trim(), value.trim());
            let Some(hex) = value.strip_prefix('#').filter(|h| h.len() == 6) else {
                continue;
            };
            let channel = |at: usize| {
                let c = f64::from(u8::from_str_radix(&hex[at..at + 2], 16).unwrap()) / 255.0;
                if c <= 0.04045 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            let name = name.rsplit("--").next().unwrap().to_string();
            colours.insert(name, [channel(0), channel(2), channel(4)]);
        }
        colours
    }

    /// WCAG's contrast ratio of two linear-light colours.
    fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
        let luminance = |c: [f64; 3]| 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_meets_wcag_aa_contrast_in_light_and_dark() {
        // Text needs 4.5:1 against what it sits on; the focus ring, not text, 3:1.
        let mut pairs: Vec<(String, String, f64)> = [
            ("fg", "bg"),
            ("fg", "panel"),
            ("fg", "callout"),
            ("muted", "bg"),
            ("muted", "panel"),
            ("link", "bg"),
            ("link", "panel"),
            ("overdue", "bg"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string(), 4.5))
        .collect();
        for status in [
            "accepted",
            "proposed",
            "rejected",
            "deprecated",
            "superseded",
            "other",
        ] {
            pairs.push((format!("{status}-fg"), format!("{status}-bg"), 4.5));
        }
        pairs.push(("focus".into(), "bg".into(), 3.0));
        for dark in [false, true] {
            let colours = palette(dark);
            for (fg, bg, needed) in &pairs {
                let ratio = contrast(colours[fg], colours[bg]);
                assert!(
                    ratio >= *needed,
                    "{fg} on {bg} (dark: {dark}): {ratio:.2} < {needed}"
                );
            }
        }
    }

    #[test]
    fn parallel_results_keep_their_order() {
        assert_eq!(
            parallel_map(1000, |i| i * 2),
            (0..1000).map(|i| i * 2).collect::<Vec<_>>()
        );
    }
}
