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

use std::collections::HashSet;
use std::io;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::record::Record;
use crate::record::parse::Link;
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
    /// The records in log order, as [`read`] keeps them.
    pub records: &'a [Row],
    /// Every record's words, for the search box.
    pub search: &'a search::Index,
    /// A record's text, for its page (read again there, so the log's text is never all
    /// in memory at once).
    pub text: &'a (dyn Fn(&Row) -> Result<String> + Sync),
    /// What the header calls the log (`docs/decisions`).
    pub log_name: &'a str,
    /// The day "due" and "overdue" are relative to.
    pub today: NaiveDate,
}

/// The log as the site needs it, in file-name order: a row of each record, the words of
/// all of them, and the files that could not be read or parsed (a bad file never hides
/// the others).
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub records: Vec<Row>,
    pub search: search::Index,
    pub problems: Vec<Error>,
}

/// Records read on every core before their words are filed in order: enough to keep both
/// cores busy, few enough that the chunk's records, whole until their text is dropped,
/// and their words take little memory (a chunk of 1024 of ours was over ten megabytes,
/// which the threads' heaps kept to the end).
const READ_CHUNK: usize = 256;

/// Read every record in `folders` (the log's own, then its packages', as `list` reads
/// them) on every core. Links are reported, not followed.
pub(crate) fn read(folders: &[std::path::PathBuf]) -> Result<Log> {
    let mut entries = Vec::new();
    for (index, folder) in folders.iter().enumerate() {
        // A package with no decisions yet has no folder, as `list` reads it.
        if index > 0 && !store::is_dir(folder) {
            continue;
        }
        entries.extend(store::list_record_entries(folder)?);
    }
    let mut log = Log {
        // Exactly as many as there may be: grown by doubling, the records of a log of ten
        // thousand took room for sixteen thousand.
        records: Vec::with_capacity(entries.len()),
        ..Log::default()
    };
    for entries in entries.chunks(READ_CHUNK) {
        let results = crate::parallel::map(entries, |entry| {
            if entry.not_a_file {
                return Err(store::not_a_file_error(&entry.path));
            }
            let text = store::read_text(&entry.path)?;
            let record = crate::record::parse(&entry.path, &text)?;
            let words = search::distinct_words(&searchable(&record, &text));
            Ok((Row::of(record), words))
        });
        for result in results {
            match result {
                Ok((record, words)) => {
                    // A record's place among those read is its number in the search.
                    log.search
                        .add(log.records.len() as u32, &words)
                        .map_err(|e| {
                            Error::io("write the search's scratch file", &std::env::temp_dir(), &e)
                                .hint("check the temporary directory (TMPDIR) has room")
                        })?;
                    log.records.push(record);
                }
                Err(error) => log.problems.push(error),
            }
        }
    }
    Ok(log)
}

/// What the search box finds a record by: its number, title and text but for the quoted
/// references (as `decide search` reads it).
fn searchable(record: &Record, text: &str) -> String {
    let number = record
        .number
        .map(|n| format!("{n} {n:04} "))
        .unwrap_or_default();
    format!("{number}{}\n{}", record.title, render::searchable(text))
}

/// What the site keeps of a record once it is read: what the index, graph and stats show
/// of it and the head of its own page, and its links; nothing of its text, which its page
/// reads again. A whole [`Record`] is 464 bytes before its text, and ten thousand of them
/// were the largest part of the site's memory; its text as boxed strings, which keep no
/// room to grow, is a row of 184 bytes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub path: Box<Path>,
    pub number: Option<u32>,
    /// Its links and those in its text, as the graph follows them (see [`followed`]).
    pub links: Box<[Link]>,
    pub mentions: Box<[Link]>,
    pub title: Box<str>,
    pub title_line: usize,
    pub status: Option<Box<str>>,
    pub date: Option<NaiveDate>,
    pub month_only: bool,
    pub format: crate::record::Format,
    pub door: Option<Box<str>>,
    pub review_by: Option<NaiveDate>,
    pub decide_by: Option<NaiveDate>,
    pub reviewed: Option<NaiveDate>,
    /// Who decided, as the page shows them: joined with ", ".
    pub decision_makers: Box<str>,
    /// What the stats read of the whole record.
    pub stats: crate::stats::Read,
}

impl Row {
    pub(crate) fn of(record: Record) -> Row {
        let stats = crate::stats::Read::of(&record);
        Row {
            path: record.path.into_boxed_path(),
            number: record.number,
            links: followed(record.links),
            mentions: followed(record.mentions),
            title: record.title.into_boxed_str(),
            title_line: record.title_line,
            status: record.status.map(String::into_boxed_str),
            date: record.date,
            month_only: record.month_only,
            format: record.format,
            door: record.door.map(String::into_boxed_str),
            review_by: record.review_by,
            decide_by: record.decide_by,
            reviewed: record.reviewed,
            decision_makers: record.decision_makers.join(", ").into_boxed_str(),
            stats,
        }
    }

    /// The file name, as [`Record::file_name`].
    pub(crate) fn file_name(&self) -> String {
        store::record_name(&self.path).into_owned()
    }

    /// The row as the stats see it.
    pub(crate) fn seen(&self) -> crate::stats::Seen<'_> {
        crate::stats::Seen {
            number: self.number,
            title: &self.title,
            status: self.status.as_deref(),
            door: self.door.as_deref(),
            read: self.stats,
        }
    }
}

/// Links as the site follows them, to draw the graph and list each record's relations:
/// their kinds and targets. Their text is the page's to show, read again with it; kept
/// for ten thousand records, it and the room left for more links were megabytes.
fn followed(mut links: Vec<Link>) -> Box<[Link]> {
    for link in &mut links {
        link.label = String::new();
    }
    links.into_boxed_slice()
}

impl crate::log::graph::Linked for Row {
    fn source(&self) -> &Path {
        &self.path
    }
    fn links(&self) -> &[Link] {
        &self.links
    }
    fn mentions(&self) -> &[Link] {
        &self.mentions
    }
}

crate::record::listing::listing_by_fields!(Row);

/// Where the site's files go.
pub(crate) trait Sink: Sync {
    /// A file built whole: a record's page.
    fn write(&self, file: &File) -> Result<()>;
    /// A file written in pieces by `fill` as it is built: the index, graph and search
    /// index of a large log are megabytes each.
    fn stream(
        &self,
        path: &str,
        fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<()>;
}

/// How one of the site's shared files is written.
type Render<'a> = Box<dyn Fn(&mut dyn io::Write) -> io::Result<()> + Sync + 'a>;

/// Build every file of the site, record pages on every core, and hand each to `sink` as
/// soon as it is built (the shared pages in pieces as they are built), so a log of ten
/// thousand records is never all in memory as HTML. The paths written, in order, or the
/// first error `sink` returned.
pub(crate) fn build(input: &Input<'_>, sink: &impl Sink) -> Result<Vec<String>> {
    let model = pages::Model::new(input);
    // Made before the pages are written: the stats look at every record at once.
    let stats = model.stats();
    let renders: [Render<'_>; 6] = [
        Box::new(|to| to.write_all(STYLESHEET.as_bytes())),
        Box::new(|to| to.write_all(SCRIPT.as_bytes())),
        Box::new(|to| model.index_to(to)),
        Box::new(|to| model.graph_page_to(to)),
        Box::new(|to| to.write_all(stats.as_bytes())),
        Box::new(|to| model.search_index_to(to)),
    ];
    let shared: Vec<(&str, Render<'_>)> =
        store::SHARED_SITE_FILES.into_iter().zip(renders).collect();
    let count = shared.len() + input.records.len();
    crate::parallel::try_each(count, |index| match shared.get(index) {
        Some((path, render)) => sink.stream(path, &mut |to| render(to)),
        None => {
            let record = index - shared.len();
            let file = File {
                path: format!("records/{}", model.page_name(record)),
                bytes: model.record(record)?.into_bytes(),
            };
            sink.write(&file)
        }
    })?;
    drop(shared);
    // Named only now that every page is written: a result kept for each of ten thousand
    // pages while they were written was megabytes.
    let shared = store::SHARED_SITE_FILES
        .iter()
        .map(|path| (*path).to_string());
    let records = model.into_page_names().map(|mut page| {
        page.insert_str(0, "records/");
        page
    });
    Ok(shared.chain(records).collect())
}

/// Each record's page name: its name (a folder record's is its folder's) with `.html` for
/// its extension, with any character a URL or a file system might read otherwise replaced,
/// and made unique: `0001-x.md` and `0001-x.mdx`, or two folders' `0001-x.md`, get
/// `0001-x.html` and `0001-x-2.html`, and a record named `0001-x-2.md` then `0001-x-2-2.html`.
/// Names are compared without case, as a Mac's or Windows' file system compares them.
#[cfg(test)]
fn page_names(records: &[Row]) -> Vec<String> {
    records
        .iter()
        .zip(page_repeats(records))
        .map(|(record, repeat)| page_name(&record.path, repeat))
        .collect()
}

/// How many records before each, and the record itself, would take its page's name: the
/// page name is [`page_name`] of the record's path and this. Kept rather than the names
/// themselves, which for ten thousand records were the largest part of the model.
fn page_repeats(records: &[Row]) -> Vec<u32> {
    let mut taken: HashSet<String> = HashSet::with_capacity(records.len());
    records
        .iter()
        .map(|record| {
            let safe = safe_stem(&record.path);
            let mut page = safe.clone();
            let mut seen = 1;
            while !taken.insert(page.to_ascii_lowercase()) {
                seen += 1;
                page = format!("{safe}-{seen}");
            }
            seen
        })
        .collect()
}

/// The page name of the record at `path`, the `repeat`th to want it (see [`page_repeats`]).
fn page_name(path: &Path, repeat: u32) -> String {
    let mut page = safe_stem(path);
    if repeat > 1 {
        page.push('-');
        page.push_str(&repeat.to_string());
    }
    page.push_str(".html");
    page
}

/// The record's name without its extension, each character a URL or a file system might
/// read otherwise replaced by `-`.
fn safe_stem(path: &Path) -> String {
    let name = store::record_name(path);
    let stem = crate::store::without_extension(&name);
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
    safe
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::path::Path;

    use super::*;
    use crate::record::Listing as _;

    /// The site reads each record twice: once for the log-wide pages (stats, index,
    /// graph), keeping only what they need, and again for its own page.
    #[test]
    fn the_stats_of_kept_records_are_the_stats_of_whole_ones() {
        let today = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        let texts = [
            (
                "0001-use-postgres.md",
                "---\nstatus: accepted\ndate: 2027-01-04\ndoor: two-way\nplaybook: decision\nconfidence: 70%\n---\n\n# Use Postgres\n\n## Context and Problem Statement\n\nOrders outgrew SQLite.\n\n## Proposal Finished (2027-01-20)\n\nDecided.\n\n## Outcome (2027-04-01)\n\n* Did it hold up: partly, reads were slow\n* Next review by: 2027-10-01\n\n## Outcome (2027-05-01)\n\n* Did it hold up: yes\n",
            ),
            (
                "0002-split-billing.md",
                "---\nstatus: proposed\ndate: 2027-02-01\ndoor: one-way\nplaybook: decision\ndecide-by: 2027-03-01\nconfidence: 40%\n---\n\n# Split billing\n\n## Context and Problem Statement\n\nBilling deploys block orders.\n",
            ),
            (
                "0003-drop-redis.md",
                "# 3. Drop Redis\n\nDate: 2027-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nUnused.\n\n## Outcome (2027-02-01)\n\n* Did it hold up: no\n",
            ),
        ];
        let whole: Vec<Record> = texts
            .iter()
            .map(|(name, text)| crate::record::parse(Path::new(name), text).unwrap())
            .collect();
        let rows: Vec<Row> = whole.iter().cloned().map(Row::of).collect();
        let history = crate::coach::History::default();
        let seen: Vec<crate::stats::Seen<'_>> = rows.iter().map(Row::seen).collect();
        let of_rows = serde_json::to_value(crate::stats::retro_of(&seen, &history, today)).unwrap();
        let whole_retro =
            serde_json::to_value(crate::stats::retro(&whole, &history, today)).unwrap();
        assert_eq!(of_rows, whole_retro);
        assert_eq!(
            whole_retro["review_outcomes"]["held_up"], 1,
            "{whole_retro}"
        );
        assert_eq!(
            whole_retro["review_outcomes"]["reversed"], 1,
            "{whole_retro}"
        );
        assert_eq!(
            whole_retro["investigations_past_time_box"][0]["title"],
            "Split billing"
        );
    }

    /// A row keeps what the index, the graph and the head of the record's page show of
    /// the record, and its links.
    #[test]
    fn rows_keep_what_the_pages_show() {
        let text = "---\nstatus: proposed\ndate: 2027-02-01\ndoor: one-way\ndecide-by: 2027-03-01\ndecision-makers: [Ana, Ben]\nconfidence: 40%\n---\n\n# Split billing\n\n## Context and Problem Statement\n\nBilling deploys block orders; see [caching](0001-cache-prices.md).\n\n## Links\n\n* Supersedes [1. Cache prices](0001-cache-prices.md)\n";
        let record =
            crate::record::parse(Path::new("docs/decisions/0002-split-billing.md"), text).unwrap();
        let row = Row::of(record.clone());
        assert_eq!(row.path(), record.path);
        assert_eq!(row.file_name(), "0002-split-billing.md");
        assert_eq!(row.number(), Some(2));
        assert_eq!(&*row.title, "Split billing");
        assert_eq!(row.title_line, record.title_line);
        assert_eq!(row.status.as_deref(), Some("proposed"));
        assert_eq!(row.date, record.date);
        assert_eq!(row.door.as_deref(), Some("one-way"));
        assert_eq!(row.format, record.format);
        assert_eq!(&*row.decision_makers, "Ana, Ben");
        assert_eq!(row.due(), record.due());
        assert_eq!(row.reviewed, record.reviewed);
        // The links' kinds and targets, as the graph follows them; not their text.
        let followed = |links: &[Link]| {
            links
                .iter()
                .map(|l| (l.kind.clone(), l.target.clone(), l.line))
                .collect::<Vec<_>>()
        };
        assert_eq!(followed(&row.links), followed(&record.links));
        assert_eq!(followed(&row.mentions), followed(&record.mentions));
        assert_eq!(row.links.len(), 1);
        assert_eq!(row.mentions.len(), 1);
        assert!(row.links.iter().all(|l| l.label.is_empty()));
        assert_eq!(row.stats.confidence, Some(40));
        assert_eq!(row.stats.decide_by, NaiveDate::from_ymd_opt(2027, 3, 1));
    }

    /// Two records of one name in two folders: the reviews due lead to the page of the one
    /// that is due, not to the first of that name.
    #[test]
    fn a_record_due_leads_to_its_own_page_when_another_has_its_name() {
        let today = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        let records: Vec<Row> = [
            ("docs/adr/0001-cache-prices.md", "2027-12-01"),
            ("docs/adr/mobile/0001-cache-prices.md", "2027-05-01"),
        ]
        .iter()
        .map(|(path, review)| {
            let text = format!("# 1. Cache prices\n\nDate: 2027-01-04\nReview-by: {review}\n\n## Status\n\nAccepted\n");
            Row::of(crate::record::parse(Path::new(path), &text).unwrap())
        })
        .collect();
        let search = search::Index::default();
        let text = |_: &Row| Ok(String::new());
        let input = Input {
            records: &records,
            search: &search,
            text: &text,
            log_name: "docs/adr",
            today,
        };
        let model = pages::Model::new(&input);
        assert_eq!(
            [model.page_name(0), model.page_name(1)],
            ["0001-cache-prices.html", "0001-cache-prices-2.html"]
        );
        let index = model.index();
        let due = index.split("Reviews due").nth(1).unwrap_or_default();
        let due = due.split("</section>").next().unwrap_or_default();
        assert!(
            due.contains("href=\"records/0001-cache-prices-2.html\""),
            "{due}"
        );
        assert!(
            !due.contains("href=\"records/0001-cache-prices.html\""),
            "{due}"
        );
    }

    /// The shared pages of a large log are handed to the writer in pieces of a bounded
    /// size, never built whole, and the pieces make the page as a string would.
    #[test]
    fn large_shared_pages_are_written_in_bounded_pieces() {
        use std::sync::Mutex;

        struct Pieces(Mutex<HashMap<String, (usize, Vec<u8>)>>);
        impl Sink for Pieces {
            fn write(&self, _: &File) -> Result<()> {
                Ok(())
            }
            fn stream(
                &self,
                path: &str,
                fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
            ) -> Result<()> {
                struct Largest<'a>(&'a mut (usize, Vec<u8>));
                impl io::Write for Largest<'_> {
                    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
                        self.0.0 = self.0.0.max(bytes.len());
                        self.0.1.extend_from_slice(bytes);
                        Ok(bytes.len())
                    }
                    fn flush(&mut self) -> io::Result<()> {
                        Ok(())
                    }
                }
                let mut seen = (0, Vec::new());
                fill(&mut Largest(&mut seen)).unwrap();
                self.0.lock().unwrap().insert(path.to_string(), seen);
                Ok(())
            }
        }

        let today = NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();
        let text = |n: usize| {
            format!(
                "# {n}. Choose store {n}\n\nDate: 2027-01-04\n\n## Status\n\nAccepted\n\n{link}## Context\n\nWord{n} and word{m} and many more words of the team.\n",
                // A chain of the first 600, one group drawn in rows; pairs after them.
                link = if (2..=600).contains(&n) || n.is_multiple_of(2) {
                    format!(
                        "Supersedes [{p}. Choose store {p}]({p:04}-choose-store-{p}.md)\n\n",
                        p = n - 1
                    )
                } else {
                    String::new()
                },
                m = n % 97,
            )
        };
        let records: Vec<Record> = (1..=3000)
            .map(|n| {
                crate::record::parse(Path::new(&format!("{n:04}-choose-store-{n}.md")), &text(n))
                    .unwrap()
            })
            .collect();
        let mut search = search::Index::default();
        for (at, record) in records.iter().enumerate() {
            let number = record.number.unwrap() as usize;
            search
                .add(
                    at as u32,
                    &search::distinct_words(&searchable(record, &text(number))),
                )
                .unwrap();
        }
        let records: Vec<Row> = records.into_iter().map(Row::of).collect();
        let read_again = |record: &Row| Ok(text(record.number().unwrap() as usize));
        let input = Input {
            records: &records,
            search: &search,
            text: &read_again,
            log_name: "docs/adr",
            today,
        };
        let pieces = Pieces(Mutex::new(HashMap::new()));
        build(&input, &pieces).unwrap();
        let pieces = pieces.0.into_inner().unwrap();
        let model = pages::Model::new(&input);
        for path in ["index.html", "graph.html", "search-index.js"] {
            let (largest, bytes) = &pieces[path];
            assert!(bytes.len() > 128 * 1024, "{path}: {} bytes", bytes.len());
            assert!(*largest <= 40 * 1024, "{path}: a piece of {largest} bytes");
        }
        assert_eq!(pieces["index.html"].1, model.index().into_bytes());
        assert_eq!(pieces["search-index.js"].1, search.script().into_bytes());
        assert_eq!(pieces["stats.html"].1, model.stats().into_bytes());
        assert_eq!(pieces["assets/site.css"].1, STYLESHEET.as_bytes());
        let graph = String::from_utf8(pieces["graph.html"].1.clone()).unwrap();
        assert!(graph.starts_with("<!DOCTYPE html>\n"), "{}", &graph[..200]);
        assert!(graph.ends_with("</svg>\n</div>\n</main>\n<footer>\n<p>Built by <code>decide site</code> on 2027-06-01. Reviews are due as of that day.</p>\n</footer>\n</body>\n</html>\n"));
        assert_eq!(graph.matches("<a class=\"node").count(), 3000);
    }

    #[test]
    fn page_names_are_safe_and_unique() {
        let record = |name: &str| Row::of(crate::record::parse(Path::new(name), "# T\n").unwrap());
        let records = [
            record("0001-use-x.md"),
            record("0002-<script>.md"),
            record("0002-?script?.md"),
            record("..md"),
            record("0003-a.md"),
            record("0003-a.mdx"),
            record("0003-a-2.md"),
            record("0004-B.md"),
            record("0004-b.md"),
            record("docs/dated/2022-02-07-tracing/README.md"),
            record("docs/other/2022-02-07-tracing/README.md"),
            record("docs/dated/2022-03-01-cache/README.md"),
        ];
        assert_eq!(
            page_names(&records),
            [
                "0001-use-x.html",
                "0002--script-.html",
                "0002--script--2.html",
                "-.html",
                "0003-a.html",
                "0003-a-2.html",
                "0003-a-2-2.html",
                "0004-B.html",
                "0004-b-2.html",
                "2022-02-07-tracing.html",
                "2022-02-07-tracing-2.html",
                "2022-03-01-cache.html",
            ]
        );
        // Every page name is a file of the site: a rebuild removes it once its record is
        // gone, and the preview serves it.
        for page in page_names(&records) {
            assert!(store::is_site_file(&format!("records/{page}")), "{page}");
        }
        for shared in store::SHARED_SITE_FILES {
            assert!(store::is_site_file(shared), "{shared}");
        }
        for other in [
            "notes.txt",
            ".git/HEAD",
            ".decide-site",
            "records/notes.txt",
            "records/.html",
            "records/a/b.html",
            "records/../index.html",
            "assets/logo.png",
            "docs/decisions/0001-x.md",
        ] {
            assert!(!store::is_site_file(other), "{other}");
        }
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
}
