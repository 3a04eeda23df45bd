//! The decision log on disk: its folders (one, or log4brains' folder and its packages'),
//! how it numbers records (a sequence, or log4brains' dates), scanning its records fast,
//! naming one from the command line, and resolving links between records. The log-wide
//! views (list, index, graph, lint, renumber, search, reviews) are built on the scan.
//! Reading goes through `store`; the views are pure functions of the records.

pub(crate) mod graph;
mod heads;
pub(crate) mod index;
pub(crate) mod link;
pub(crate) mod lint;
pub(crate) mod list;
pub(crate) mod record_cache;
pub(crate) mod related;
pub(crate) mod renumber;
pub(crate) mod report;
pub(crate) mod review;
pub(crate) mod search;
pub(crate) mod words;

pub(crate) use heads::Head;

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};
use crate::record::parse::{
    LatestOutcome, Link, Parsed, StatusPlace, Target, latest_outcome, parse_head,
};
use crate::record::{Format, Listing, Record, parse};
use crate::store;

/// How much of a record the head parse reads first. Our records keep their metadata in the
/// first few hundred bytes and adr-tools' status section is near the top; the rest of the
/// file is read only when the metadata runs past this.
/// One read of this much takes most records whole (ours are about 4 KiB).
const HEAD_BYTES: usize = 8192;
/// How much of a record a whole read takes in one go; longer records are read again.
const FULL_BYTES: usize = 16 * 1024;
/// How much of a record's end to read for appended review outcomes.
const TAIL_BYTES: usize = 4096;

/// How much of each record a command needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// Front matter, title, status and date: enough for `list` and `index`.
    Head,
    /// Everything but the sections' text: links, headings, outcomes, for `lint` and `graph`.
    Outline,
    /// Everything: sections, links, outcomes.
    Full,
}

/// How a log names its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbering {
    /// `0007-use-postgres.md`: numbers in sequence.
    Sequence,
    /// `20210310-use-markdown.md`: log4brains' date and slug; records are named by file.
    Date,
}

/// A folder of records: the log's own, or a log4brains package's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Folder {
    pub path: PathBuf,
    /// The package's name; `None` for the log's own folder.
    pub package: Option<String>,
    pub exists: bool,
}

/// A record file of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub path: PathBuf,
    /// Not a regular file (a link, a pipe, a device): reported, never opened.
    pub not_a_file: bool,
    /// Index into [`Log::folders`].
    pub folder: usize,
    /// What the record's name starts with: its number or date.
    pub prefix: store::Prefix,
}

/// The decision log: its folders, listed once.
#[derive(Debug, Clone)]
pub(crate) struct Log {
    pub folders: Vec<Folder>,
    pub numbering: Numbering,
    entries: Vec<Entry>,
    /// Numbers that more than one file carries.
    shared_numbers: HashSet<u32>,
    /// Dates that more than one file of a folder carries, in a log named by date.
    shared_dates: HashSet<chrono::NaiveDate>,
    /// Where relative paths start from, to compare paths that name one file differently.
    base: PathBuf,
    /// The repository the log is in, once known: a record named by a path inside it must
    /// stay inside it, since the repository chose where that path leads.
    repository: Option<PathBuf>,
    /// What the folders' listings held that is not read: Markdown files named otherwise,
    /// and subfolders (other than the log's package folders).
    pub unread: store::Unread,
    /// How many digits the log writes its numbers with: 3 for `001-…`, 1 where they are
    /// not padded (`1-…`), 4 in a log with no numbered record.
    pub number_width: usize,
}

/// The records that parsed, in file-name order, and the files that did not, each with
/// its reason. A bad file never hides the others. Records stay boxed: a listing moves ten
/// thousand of them between threads and vectors, and pointers move for less.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    #[expect(
        clippy::vec_box,
        reason = "measured: unboxed, gathering 10,000 records from the threads holds two copies"
    )]
    pub records: Vec<Box<Record>>,
    pub problems: Vec<Error>,
}

impl Log {
    /// List the log's folder and its packages' folders (a package folder that does not
    /// exist is kept, for `lint` to report). `dated` says the log's tool names records by
    /// date (log4brains), which decides an empty log's numbering. `base` is the directory
    /// relative paths are relative to.
    pub(crate) fn open(
        dir: &Path,
        packages: &[(String, PathBuf)],
        dated: bool,
        base: &Path,
    ) -> Result<Log> {
        let mut folders = vec![Folder {
            path: dir.to_path_buf(),
            package: None,
            exists: true,
        }];
        let (records, mut unread) = store::list_log_folder(dir)?;
        let mut entries: Vec<Entry> = records
            .into_iter()
            .map(|e| Entry {
                path: e.path,
                not_a_file: e.not_a_file,
                folder: 0,
                prefix: e.prefix,
            })
            .collect();
        for (name, path) in packages {
            let exists = store::is_dir(path);
            let folder = folders.len();
            folders.push(Folder {
                path: path.clone(),
                package: Some(name.clone()),
                exists,
            });
            if exists {
                let (records, more) = store::list_log_folder(path)?;
                entries.extend(records.into_iter().map(|e| Entry {
                    path: e.path,
                    not_a_file: e.not_a_file,
                    folder,
                    prefix: e.prefix,
                }));
                unread.files.extend(more.files);
                unread.folders.extend(more.folders);
            }
        }
        // A package's folder may lie inside the log's own: it is read, not unread.
        unread
            .folders
            .retain(|sub| !folders.iter().any(|f| f.path == *sub));
        // Sorted and compared with their neighbours: ten thousand numbers hashed into a
        // set cost more than the sort.
        let mut numbers = Vec::with_capacity(entries.len());
        let mut dates = Vec::new();
        let mut first_numbered: Option<&Path> = None;
        for entry in &entries {
            match entry.prefix {
                store::Prefix::Number(number) => {
                    numbers.push(number);
                    first_numbered.get_or_insert(&entry.path);
                }
                store::Prefix::Date(date) => dates.push((entry.folder, date)),
                store::Prefix::None => {}
            }
        }
        let numbering = if numbers.is_empty() && (!dates.is_empty() || dated) {
            Numbering::Date
        } else {
            Numbering::Sequence
        };
        let shared_numbers: HashSet<u32> = match numbering {
            Numbering::Sequence => repeated(numbers).collect(),
            Numbering::Date => HashSet::new(),
        };
        let shared_dates: HashSet<chrono::NaiveDate> =
            repeated(dates).map(|(_, date)| date).collect();
        // The first record shows how numbers are padded (`001`), or not (`1`): the
        // highest may have outgrown the padding (`100`).
        let number_width = first_numbered
            .and_then(|path| store::NumberStyle::of(&store::record_name(path)))
            .map_or(4, |style| style.width);
        Ok(Log {
            folders,
            numbering,
            entries,
            shared_numbers,
            shared_dates,
            base: base.to_path_buf(),
            repository: None,
            unread,
            number_width,
        })
    }

    /// The log, known to lie in the repository rooted at `root`.
    pub(crate) fn in_repository(mut self, root: &Path) -> Log {
        self.repository = Some(root.to_path_buf());
        self
    }

    /// The record of this log that `path` names (by any path or link to it), as the log
    /// lists it; `None` for any other file. For a path that did not come from the user (a
    /// draft's record, which arrived with the repository).
    pub(crate) fn own_record(&self, path: &Path) -> Option<PathBuf> {
        let real = store::real_path(&self.base.join(path))?;
        self.entries
            .iter()
            .filter(|e| !e.not_a_file && e.path.file_name() == real.file_name())
            .find(|e| store::real_path(&self.base.join(&e.path)).as_ref() == Some(&real))
            .map(|e| e.path.clone())
    }

    /// The log's own folder, where new records go.
    pub(crate) fn dir(&self) -> &Path {
        &self.folders[0].path
    }

    pub(crate) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every record file, in the order listings show them.
    pub(crate) fn files(&self) -> Vec<PathBuf> {
        self.entries.iter().map(|e| e.path.clone()).collect()
    }

    /// Whether any file shares its number with another.
    pub(crate) fn has_shared_numbers(&self) -> bool {
        !self.shared_numbers.is_empty()
    }

    /// How a user names the record at `path` on the command line: its number when that is
    /// unique in a numbered log, else its file name without `.md` (`sync/…` in a package).
    pub(crate) fn address(&self, path: &Path) -> String {
        let name = store::record_name(path);
        if self.numbering == Numbering::Sequence
            && let store::Prefix::Number(number) = store::record_prefix(&name)
            && !self.shared_numbers.contains(&number)
        {
            return number.to_string();
        }
        let stem = store::without_extension(&name);
        match self.package_of(path) {
            Some(package) => format!("{package}/{stem}"),
            None => stem.to_string(),
        }
    }

    /// The first column of a listing: the zero-padded number where numbers name records;
    /// in a log named by date, the date when it names one record; else the address.
    pub(crate) fn shown_address(&self, record: &impl Listing) -> String {
        self.padded_address(record, 4)
    }

    /// [`Log::shown_address`] with the number written as the log writes it in its file
    /// names (`007` in a log of three digits, `7` in one that does not pad), for the pages
    /// the log keeps, such as its index.
    pub(crate) fn own_address(&self, record: &impl Listing) -> String {
        self.padded_address(record, self.number_width)
    }

    fn padded_address(&self, record: &impl Listing, width: usize) -> String {
        let name = store::record_name(record.path());
        if self.numbering == Numbering::Date
            && let Some((date, day)) = store::date_prefix(&name)
            && !self.shared_dates.contains(&date)
        {
            // As the name writes it: `20210310`, or `2021-03-10`.
            return match self.package_of(record.path()) {
                Some(package) => format!("{package}/{day}"),
                None => day.to_string(),
            };
        }
        match record.number() {
            Some(number)
                if self.numbering == Numbering::Sequence
                    // Hashing costs more than the rest of the row; most logs share no number.
                    && (self.shared_numbers.is_empty() || !self.shared_numbers.contains(&number))
                    && store::record_prefix(&name) == store::Prefix::Number(number) =>
            {
                if width == 4 {
                    crate::text::four_digits(number)
                } else {
                    format!("{number:0width$}")
                }
            }
            _ => self.address(record.path()),
        }
    }

    fn package_of(&self, path: &Path) -> Option<&str> {
        let parent = store::record_folder(path)?;
        self.folders
            .iter()
            .find(|f| f.path == parent)
            .and_then(|f| f.package.as_deref())
    }

    /// Read every record, only as far as `depth` needs. Links, pipes and devices are
    /// reported, never opened (see [`store::refuse_not_a_file`]); the directory listing
    /// already says which entries they are.
    pub(crate) fn scan(&self, depth: Depth) -> Scan {
        let (records, problems) = self.map(depth, Box::new);
        Scan { records, problems }
    }

    /// [`Log::open`] of a log in the repository at `root`, with the cache of the records'
    /// heads, which listings read, read meanwhile on another core: the folder's listing and
    /// the cache's reading each take a few milliseconds of ten thousand records, and
    /// neither needs the other. `None` where the log is not cached.
    pub(crate) fn open_with_heads(
        dir: &Path,
        packages: &[(String, PathBuf)],
        dated: bool,
        base: &Path,
        root: &Path,
    ) -> Result<(Log, Option<record_cache::CacheFile>)> {
        let folders: Vec<&Path> = std::iter::once(dir)
            .chain(packages.iter().map(|(_, path)| path.as_path()))
            .collect();
        let (log, cache) = std::thread::scope(|scope| {
            let cache = scope.spawn(|| {
                let cache_dir = store::cache_dir(root)?;
                Some(record_cache::CacheFile::open::<Head<'_>>(
                    &folders, &cache_dir, "",
                ))
            });
            let log = Log::open(dir, packages, dated, base);
            // A thread that panicked read no cache.
            (log, cache.join().ok().flatten())
        });
        let log = log?.in_repository(root);
        let cache = cache.filter(|_| log.is_cached());
        Ok((log, cache))
    }

    /// The log's folders, as its caches name them.
    fn folder_paths(&self) -> Vec<&Path> {
        self.folders
            .iter()
            .map(|folder| folder.path.as_path())
            .collect()
    }

    /// Every record's head, for listings: from `cache` ([`Log::open_with_heads`]) where the
    /// record's file is unchanged, else read as far as its head.
    pub(crate) fn heads<'a>(
        &'a self,
        cache: Option<&'a record_cache::CacheFile>,
    ) -> (Vec<Head<'a>>, Vec<Error>) {
        let read = |path: &'a Path| read_unchecked(path, Depth::Head).map(|r| Head::of(r, path));
        match cache {
            Some(cache) => record_cache::map(self, cache, read),
            None => self.map_paths(read),
        }
    }

    /// [`Log::map`], taking what `keep` made of each record from the cache while the
    /// record's file is unchanged (see [`record_cache`]); `settings` names what else
    /// `keep` depends on.
    pub(crate) fn map_cached<T: for<'t> record_cache::Cacheable<'t>>(
        &self,
        depth: Depth,
        settings: &str,
        keep: impl Fn(Record) -> T + Sync,
    ) -> (Vec<T>, Vec<Error>) {
        match self.cache_dir() {
            Some(dir) => {
                let cache =
                    record_cache::CacheFile::open::<T>(&self.folder_paths(), &dir, settings);
                record_cache::map(self, &cache, |path| read_unchecked(path, depth).map(&keep))
            }
            None => self.map(depth, keep),
        }
    }

    /// Where a command may cache what it keeps of each record: a log large enough to gain
    /// from it, in a repository.
    fn cache_dir(&self) -> Option<PathBuf> {
        if !self.is_cached() {
            return None;
        }
        self.repository.as_deref().and_then(store::cache_dir)
    }

    /// Whether the log is large enough to gain from a cache, and in a repository.
    fn is_cached(&self) -> bool {
        self.entries.len() >= record_cache::CACHED_FROM && self.repository.is_some()
    }

    /// Read every record on every core and keep only what `keep` makes of each, so the
    /// bodies of ten thousand records are never in memory at once.
    pub(crate) fn map<T: Send>(
        &self,
        depth: Depth,
        keep: impl Fn(Record) -> T + Sync,
    ) -> (Vec<T>, Vec<Error>) {
        self.map_paths(|path| read_unchecked(path, depth).map(&keep))
    }

    /// `read` of every record's path on every core, in the log's order; a symbolic link is
    /// reported, not read.
    fn map_paths<'a, T: Send>(
        &'a self,
        read: impl Fn(&'a Path) -> Result<T> + Sync,
    ) -> (Vec<T>, Vec<Error>) {
        let results = crate::parallel::indices(self.entries.len(), |index| {
            let entry = &self.entries[index];
            if entry.not_a_file {
                Err(Box::new(store::not_a_file_error(&entry.path)))
            } else {
                read(&entry.path).map_err(Box::new)
            }
        });
        let mut problems = Vec::new();
        // The values take the results' memory in place.
        let kept = results
            .into_iter()
            .filter_map(|result| result.map_err(|error| problems.push(*error)).ok())
            .collect();
        (kept, problems)
    }

    /// The record named on the command line: a number, matched exactly (`7` is never `17`
    /// or `70`); in a log named by date, a date or a file name without `.md`
    /// (`20210312-format-code`, `sync/20210405-crdt`); or a path to a file.
    pub(crate) fn resolve(&self, cwd: &Path, spec: &str) -> Result<PathBuf> {
        let digits = !spec.is_empty() && spec.chars().all(|c| c.is_ascii_digit());
        if digits && self.numbering == Numbering::Sequence {
            return self.by_number(spec);
        }
        let stem = store::without_extension(spec);
        let (package, stem) = match stem.split_once('/') {
            Some((package, rest))
                if self
                    .folders
                    .iter()
                    .any(|f| f.package.as_deref() == Some(package)) =>
            {
                (Some(package), rest)
            }
            _ => (None, stem),
        };
        // `core/20201002`, as `list` shows a package's record, is a date too, and a day
        // names its records however their names write it (`2021-03-10` or `20210310`).
        let day = store::date_alone(stem);
        let matching: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| {
                package.is_none_or(|p| self.folders[e.folder].package.as_deref() == Some(p))
            })
            .filter(|e| {
                let name = store::record_name(&e.path);
                let entry_stem = store::without_extension(&name);
                if let Some(day) = day {
                    // A date names the records of that day.
                    store::record_prefix(&name) == store::Prefix::Date(day)
                } else {
                    entry_stem == stem
                }
            })
            .collect();
        match matching.as_slice() {
            [one] => return Ok(one.path.clone()),
            [] => {}
            several => {
                return Err(Error::record(format!(
                    "{} records match `{spec}`: {}",
                    several.len(),
                    self.addresses(several)
                ))
                .in_file(self.dir())
                .hint("name one of them"));
            }
        }
        let path = [cwd.join(spec), self.dir().join(spec)]
            .into_iter()
            .find(|path| store::is_file(path))
            .ok_or_else(|| {
                Error::record(format!("no record `{spec}`"))
                    .in_file(self.dir())
                    .hint("give a record's number, its file name, or the path of a record file; `decide list` shows them")
            })?;
        if let Some(root) = &self.repository {
            store::check_named_inside(root, &path)?;
        }
        Ok(path)
    }

    fn by_number(&self, spec: &str) -> Result<PathBuf> {
        let Ok(number) = spec.parse::<u32>() else {
            return Err(Error::record(format!("no record is numbered {spec}")).in_file(self.dir()));
        };
        let numbered = |e: &&Entry| e.prefix == store::Prefix::Number(number);
        let matching: Vec<&Entry> = self.entries.iter().filter(numbered).collect();
        match matching.as_slice() {
            [one] => Ok(one.path.clone()),
            [] => Err(Error::record(format!(
                "no record is numbered {number}{}",
                self.neighbours(number)
            ))
            .in_file(self.dir())
            .hint("`decide list` shows the numbers")),
            several => Err(Error::record(format!(
                "{} records are numbered {number}: {}",
                several.len(),
                self.addresses(several)
            ))
            .in_file(self.dir())
            .hint("name one of them by its file name")),
        }
    }

    fn addresses(&self, entries: &[&Entry]) -> String {
        entries
            .iter()
            .map(|e| self.address(&e.path))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// " (the nearest are 6 and 8)", for a number that is missing.
    fn neighbours(&self, number: u32) -> String {
        let numbers = self.entries.iter().filter_map(|e| match e.prefix {
            store::Prefix::Number(n) => Some(n),
            _ => None,
        });
        let (mut below, mut above) = (None::<u32>, None::<u32>);
        for n in numbers {
            if n < number {
                below = Some(below.map_or(n, |b| b.max(n)));
            } else if n > number {
                above = Some(above.map_or(n, |a| a.min(n)));
            }
        }
        match (below, above) {
            (Some(b), Some(a)) => format!(" (the nearest are {b} and {a})"),
            (Some(b), None) => format!(" (the last is {b})"),
            (None, Some(a)) => format!(" (the first is {a})"),
            (None, None) => " (the log is empty)".to_string(),
        }
    }

    /// Where links between these records lead.
    pub(crate) fn index<'a>(
        &'a self,
        records: impl Iterator<Item = (&'a Path, Option<u32>)>,
    ) -> Index<'a> {
        Index::new(&self.base, records)
    }
}

/// The values that occur more than once in `values`, each once.
fn repeated<T: Ord + Copy>(mut values: Vec<T>) -> impl Iterator<Item = T> {
    values.sort_unstable();
    let mut previous = None;
    let mut said = None;
    values.into_iter().filter(move |&value| {
        let again = previous == Some(value) && said != Some(value);
        if again {
            said = Some(value);
        }
        previous = Some(value);
        again
    })
}

/// Where a link leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// The record with this index.
    Found(usize),
    /// The path as written leads nowhere, but its file name is this record's (a path
    /// written from the repository's root, say).
    ByName(usize),
    /// Several records carry the number the link names.
    Ambiguous,
    /// Nothing in the log.
    Missing,
    /// A web address: not the log's to follow.
    Elsewhere,
}

/// Positions by key, sorted so that a key's positions are one run (nearly always of one):
/// a map's buckets for ten thousand names and numbers took three times the room, and the
/// site keeps its index while every page is written.
#[derive(Debug)]
struct Keyed<K> {
    entries: Vec<(K, u32)>,
}

impl<K: Ord> Keyed<K> {
    fn new(mut entries: Vec<(K, u32)>) -> Keyed<K> {
        // By key, then position: a key's positions stay in log order.
        entries.sort_unstable();
        Keyed { entries }
    }

    /// The entries under `key`, in log order; empty when it has none.
    fn run<Q: Ord + ?Sized>(&self, key: &Q) -> &[(K, u32)]
    where
        K: std::borrow::Borrow<Q>,
    {
        let start = self.entries.partition_point(|(k, _)| k.borrow() < key);
        let end = start + self.entries[start..].partition_point(|(k, _)| k.borrow() == key);
        &self.entries[start..end]
    }
}

/// The records of one name, each name and position.
type Run<'a> = [(&'a str, u32)];

/// The positions of a run of [`Keyed`] entries.
fn positions<K>(run: &[(K, u32)]) -> impl Iterator<Item = usize> + '_ {
    run.iter().map(|(_, position)| *position as usize)
}

/// The records of a log by file name and number, to follow links in one lookup each: a
/// link to a sibling is a hash lookup and a comparison of two folders, with no path built.
#[derive(Debug)]
pub(crate) struct Index<'a> {
    base: &'a Path,
    paths: Vec<&'a Path>,
    by_name: Keyed<&'a str>,
    by_number: Keyed<u32>,
}

impl<'a> Index<'a> {
    /// Where links between records of these paths and numbers lead, the paths taken as
    /// they are: for a caller that keeps less than whole records (the site).
    pub(crate) fn of_paths(records: impl Iterator<Item = (&'a Path, Option<u32>)>) -> Index<'a> {
        Index::new(Path::new(""), records)
    }

    fn new(base: &'a Path, records: impl Iterator<Item = (&'a Path, Option<u32>)>) -> Index<'a> {
        let (lower, _) = records.size_hint();
        let mut paths = Vec::with_capacity(lower);
        let mut names = Vec::with_capacity(lower);
        let mut numbers = Vec::with_capacity(lower);
        for (position, (path, number)) in records.enumerate() {
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            paths.push(path);
            let name = match store::record_name(path) {
                std::borrow::Cow::Borrowed(name) => name,
                std::borrow::Cow::Owned(_) => "",
            };
            names.push((name, position));
            if let Some(number) = number {
                numbers.push((number, position));
            }
        }
        Index {
            base,
            paths,
            by_name: Keyed::new(names),
            by_number: Keyed::new(numbers),
        }
    }

    /// Where `link`, written in the record at `from`, leads.
    pub(crate) fn resolve(&self, from: &Path, link: &Link) -> Resolved {
        let file = match &link.target {
            Target::Number(number) => {
                return match self.by_number.run(number) {
                    [(_, one)] => Resolved::Found(*one as usize),
                    [_, _, ..] => Resolved::Ambiguous,
                    [] => Resolved::Missing,
                };
            }
            Target::File(_) => link.file().unwrap_or_default(),
            Target::Web(_) => return Resolved::Elsewhere,
        };
        let file = file.trim_start_matches("./");
        let file = file.strip_suffix('/').unwrap_or(file);
        let Some((file, candidates)) = self.named(file) else {
            return Resolved::Missing;
        };
        let file = file.as_ref();
        let found = if file.contains('/') {
            let from_dir = from.parent().unwrap_or(Path::new(""));
            let target = normalise(&self.base.join(from_dir).join(file));
            // A record kept as a folder's page is reached by the page or by the folder.
            positions(candidates).find(|&c| {
                let path = normalise(&self.base.join(self.paths[c]));
                path == target || path.parent() == Some(target.as_path())
            })
        } else {
            positions(candidates).find(|&c| same_folder(self.paths[c], from))
        };
        match (found, candidates) {
            (Some(found), _) => Resolved::Found(found),
            (None, [(_, one)]) => Resolved::ByName(*one as usize),
            (None, _) => Resolved::Ambiguous,
        }
    }

    /// The records a link's file names, with the file as they are found by (see
    /// [`named_by_link`]).
    fn named<'f>(&self, file: &'f str) -> Option<(std::borrow::Cow<'f, str>, &Run<'a>)> {
        named_by_link(file, |name| {
            let run = self.by_name.run(name);
            (!run.is_empty()).then_some(run)
        })
    }

    /// The path of the record at `position`.
    pub(crate) fn path(&self, position: usize) -> &Path {
        self.paths[position]
    }

    /// The link a record at `from` writes to the record at `position`.
    pub(crate) fn target(&self, from: &Path, position: usize) -> String {
        link_target(self.base, from, self.paths[position])
    }
}

/// What `find` finds by the name a link's `file` goes by (see [`folder_record_name`]), with
/// the file as it is found: as written, else (`0006-x`, as sites serve `0006-x.md`) with a
/// record's extension added.
pub(crate) fn named_by_link<'f, T>(
    file: &'f str,
    find: impl Fn(&str) -> Option<T>,
) -> Option<(std::borrow::Cow<'f, str>, T)> {
    if let Some(found) = find(folder_record_name(file)) {
        return Some((file.into(), found));
    }
    let name = file.rsplit('/').next().unwrap_or(file);
    if name.contains('.') {
        return None;
    }
    store::RECORD_EXTENSIONS.iter().find_map(|extension| {
        let found = find(&format!("{name}{extension}"))?;
        Some((format!("{file}{extension}").into(), found))
    })
}

/// The name a link's file goes by in an [`Index`] (see [`store::record_name`]): its last
/// part, or the folder's name for a record kept as a folder's page
/// (`../2022-02-07-tracing/README.md`).
fn folder_record_name(file: &str) -> &str {
    let mut parts = file.rsplit('/');
    let name = parts.next().unwrap_or(file);
    match parts.next() {
        Some(folder)
            if store::FOLDER_PAGES.contains(&name)
                && store::record_prefix(folder) != store::Prefix::None =>
        {
            folder
        }
        _ => name,
    }
}

/// Whether two files' paths name one folder, as their parents compare. Two paths written
/// alike up to a last `/` (records of one listing) are settled by their bytes: comparing
/// parents takes both paths apart by component, and `lint` and `graph` ask this of every
/// link of ten thousand records.
fn same_folder(a: &Path, b: &Path) -> bool {
    // A plain name is one component after the folder, whatever the platform's separators.
    let plain =
        |name: &[u8]| !name.is_empty() && name != b"." && name != b".." && !name.contains(&b'\\');
    let (a_bytes, b_bytes) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    if let (Some(i), Some(j)) = (
        memchr::memrchr(b'/', a_bytes),
        memchr::memrchr(b'/', b_bytes),
    ) && a_bytes[..i] == b_bytes[..j]
        && plain(&a_bytes[i + 1..])
        && plain(&b_bytes[j + 1..])
    {
        return true;
    }
    a.parent().unwrap_or(Path::new("")) == b.parent().unwrap_or(Path::new(""))
}

/// `a/b/../c/./d` → `a/c/d`, without asking the file system (targets may not exist).
pub(crate) fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The path from `from`'s directory to `to`, for a link written in `from`: records in
/// one folder are siblings; others get `../` as far as needed. Both are taken from
/// `base` when relative, so a record named from another working directory links right.
pub(crate) fn link_target(base: &Path, from: &Path, to: &Path) -> String {
    match sibling_name(from, to) {
        Some(name) => name.to_string(),
        None => link_target_by_components(base, from, to),
    }
}

/// [`link_target`], the paths taken apart by component.
fn link_target_by_components(base: &Path, from: &Path, to: &Path) -> String {
    // Records of one folder, named alike: the common case, and an index or graph of ten
    // thousand records asks it for each.
    if let (Some(from_dir), Some(to_dir), Some(name)) = (from.parent(), to.parent(), to.file_name())
        && from_dir.as_os_str() == to_dir.as_os_str()
        && !from_dir.as_os_str().is_empty()
        && let Some(name) = name.to_str()
    {
        return name.to_string();
    }
    let from_dir = normalise(&base.join(from.parent().unwrap_or(Path::new(""))));
    let to = normalise(&base.join(to));
    let from_parts: Vec<Component<'_>> = from_dir.components().collect();
    let to_parts: Vec<Component<'_>> = to.components().collect();
    let common = from_parts
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec!["..".to_string(); from_parts.len() - common];
    parts.extend(
        to_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// `to`'s file name when `from` and `to` are plainly in one folder: the same bytes up to
/// a last `/`, which neither starts the path nor follows another, and plain names after
/// it. What [`link_target`] makes of such paths, read from their bytes: taking two paths
/// apart by component cost more than the rest of writing a graph's node.
fn sibling_name<'p>(from: &Path, to: &'p Path) -> Option<&'p str> {
    let plain =
        |name: &[u8]| !name.is_empty() && name != b"." && name != b".." && !name.contains(&b'/');
    let from = from.as_os_str().as_encoded_bytes();
    let slash = memchr::memrchr(b'/', from)?;
    let dir = &from[..slash];
    if dir.is_empty()
        || dir == b"."
        || dir.ends_with(b"/")
        || dir.ends_with(b"/.")
        || !plain(&from[slash + 1..])
    {
        return None;
    }
    let name = to
        .as_os_str()
        .as_encoded_bytes()
        .strip_prefix(dir)?
        .strip_prefix(b"/")?;
    if !plain(name) {
        return None;
    }
    std::str::from_utf8(name).ok()
}

/// The label another record's link shows: `7. Use PostgreSQL`.
pub(crate) fn link_label(record: &Record) -> String {
    let mut label = String::with_capacity(record.title.len() + 12);
    push_link_label(&mut label, record);
    label
}

/// [`link_label`] at the end of `out`, without the formatter or a string of its own: a
/// graph labels each of ten thousand records.
pub(crate) fn push_link_label(out: &mut String, record: &Record) {
    push_label(out, record.number, &record.title);
}

/// [`push_link_label`] of a record numbered `number` and titled `title`.
pub(crate) fn push_label(out: &mut String, number: Option<u32>, title: &str) {
    if let Some(number) = number {
        crate::text::push_number(out, number);
        out.push_str(". ");
    }
    out.push_str(title);
}

/// The label a link to `record` shows in a log whose links are labelled in `style`
/// (`ADR-0007`, `ADR 7: Use PostgreSQL`); else [`link_label`]'s.
pub(crate) fn link_label_in(style: Option<&crate::record::LabelStyle>, record: &Record) -> String {
    match (style, record.number) {
        (Some(style), Some(number)) => style.label(number, &record.title),
        _ => link_label(record),
    }
}

/// How the log labels its links to records: as the first typed link of `records` (the
/// records an edit touches) or, failing those, of the log's thirty newest records in `dir`
/// that names its record by number does. None when no link does: then [`link_label`].
pub(crate) fn label_style(records: &[&Record], dir: &Path) -> Option<crate::record::LabelStyle> {
    let of = |record: &Record| {
        record.links.iter().find_map(|link| {
            if link.kind.is_empty() {
                return None;
            }
            let number = store::record_number(&store::record_name(Path::new(link.file()?)))?;
            crate::record::LabelStyle::of(&link.label, number)
        })
    };
    if let Some(style) = records.iter().find_map(|record| of(record)) {
        return Some(style);
    }
    newest_texts(dir, 30).find_map(|(path, text)| of(&parse(&path, &text).ok()?))
}

/// The log's newest records (the last `count` by name, links left out) with their text,
/// newest first, read as they are asked for: where an edit learns how the log writes.
fn newest_texts(dir: &Path, count: usize) -> impl Iterator<Item = (PathBuf, String)> {
    let entries = store::list_record_entries(dir).unwrap_or_default();
    entries
        .into_iter()
        .rev()
        .filter(|e| !e.not_a_file)
        .take(count)
        .filter_map(|entry| {
            let (text, _) = store::read_prefix(&entry.path, FULL_BYTES).ok()?;
            Some((entry.path, text))
        })
}

/// Read one record, only as far as `depth` needs.
pub(crate) fn read_record(path: &Path, depth: Depth) -> Result<Record> {
    store::refuse_not_a_file(path)?;
    read_unchecked(path, depth)
}

/// [`read_record`] for a path already known to be a regular file.
fn read_unchecked(path: &Path, depth: Depth) -> Result<Record> {
    if depth != Depth::Head {
        let parse = |text: &str| {
            if depth == Depth::Outline {
                crate::record::parse::parse_outline(path, text)
            } else {
                parse(path, text)
            }
        };
        // One read takes nearly every record whole; only a longer one is read again.
        let whole = store::with_prefix(path, FULL_BYTES, |text, _| {
            (text.len() + 4 <= FULL_BYTES).then(|| parse(text))
        })?;
        return match whole {
            Some(record) => record,
            None => parse(&store::read_text(path)?),
        };
    }
    /// What the head read made of a record.
    enum Head {
        /// The record, the latest outcome in what was read, and whether that was all of it.
        Done(Box<Record>, LatestOutcome, bool),
        NeedMore,
    }
    let head = store::with_prefix(path, HEAD_BYTES, |text, truncated| {
        Ok::<_, Error>(match parse_head(path, text, truncated)? {
            Parsed::Done(record) => {
                let whole = text.len() < HEAD_BYTES;
                let outcome = if whole {
                    outcome_in(text)
                } else {
                    LatestOutcome::None
                };
                Head::Done(record, outcome, whole)
            }
            Parsed::NeedMore => Head::NeedMore,
        })
    })??;
    if let Head::Done(record, outcome, whole) = head {
        // A review adds an outcome, which may set the next review date: look for it too,
        // so a listing shows the date the full record would. It is appended at the end,
        // except in our records, where it goes before the references: a long one of ours
        // is read whole, as its outcome may sit anywhere before the last few KiB.
        // Most records fit in the head read.
        if whole {
            return with_reviews(path, *record, outcome, true);
        }
        if record.format == Format::Decide {
            let outcome = outcome_in(&store::read_text(path)?);
            return with_reviews(path, *record, outcome, true);
        }
        // An outcome longer than the tail read would be missed: `settle_due` reads such
        // records whole when it needs their dates.
        let outcome = outcome_in(&store::read_suffix(path, TAIL_BYTES)?);
        return with_reviews(path, *record, outcome, false);
    }
    let text = store::read_text(path)?;
    match parse_head(path, &text, false)? {
        Parsed::Done(record) => with_reviews(path, *record, outcome_in(&text), true),
        Parsed::NeedMore => parse(path, &text),
    }
}

/// The latest review outcome in `tail`, the end of a record's text.
fn outcome_in(tail: &str) -> LatestOutcome {
    if mentions_an_outcome(tail) {
        latest_outcome(tail)
    } else {
        LatestOutcome::None
    }
}

/// `record`, read only as far as its head, with the review dates its latest outcome
/// (`outcome`) sets; `whole`: that was read from all of its text, so the dates are settled.
fn with_reviews(
    path: &Path,
    mut record: Record,
    outcome: LatestOutcome,
    whole: bool,
) -> Result<Record> {
    record.reviews_settled = whole;
    match outcome {
        LatestOutcome::None => {}
        LatestOutcome::Found(date, next) => {
            record.reviewed = Some(date);
            record.review_by = next;
        }
        LatestOutcome::Unsure => return read_record(path, Depth::Full),
    }
    Ok(record)
}

/// Whether `text` holds a review outcome's bullets: a cheap search before reading outcomes
/// line by line.
fn mentions_an_outcome(text: &str) -> bool {
    use memchr::memmem::Finder;
    use std::sync::LazyLock;
    // Built once. Two `str::contains` were an eighth of a `list`'s instructions; these
    // vector searches take half as many.
    static LEARNT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("What we learnt:"));
    static NEXT_REVIEW: LazyLock<Finder<'static>> =
        LazyLock::new(|| Finder::new("Next review by:"));
    let text = text.as_bytes();
    LEARNT.find(text).is_some() || NEXT_REVIEW.find(text).is_some()
}

/// The built-in template that writes in the shape most of the log's newest records (the
/// last three by name) are written in, for `new` to follow: `nygard.md` for adr-tools
/// bodies, `madr2.md` for MADR records whose status is a bullet under the title (MADR 2,
/// log4brains); `None` for other shapes, an empty or an unreadable log.
pub(crate) fn newest_template(dir: &Path) -> Option<crate::config::LogTemplate> {
    use crate::config::{LogTemplate, MADR2_TEMPLATE, NYGARD_TEMPLATE};
    #[derive(Clone, Copy, PartialEq)]
    enum Shape {
        Nygard,
        Madr2,
        Other,
    }
    let shapes: Vec<Shape> = newest_texts(dir, 3)
        .filter_map(|(path, text)| Some((parse(&path, &text).ok()?, text)))
        .map(|(record, text)| {
            let placed = |place| record.statuses.iter().any(|s| s.place == place);
            // `| Status | Date |` over adr-tools' sections (`## Context`, `## Decision`):
            // adr-tools' template, its status and date in a table.
            let in_table = record.statuses.iter().any(|s| {
                s.place == StatusPlace::Bullet
                    && text
                        .lines()
                        .nth(s.line.wrapping_sub(1))
                        .is_some_and(|l| l.trim_start().starts_with('|'))
            });
            let nygard_sections = record.section("Decision").is_some()
                && record.section("Decision Outcome").is_none();
            match record.format {
                Format::Nygard => Shape::Nygard,
                Format::Madr if in_table && nygard_sections => Shape::Nygard,
                Format::Madr
                    if placed(StatusPlace::Bullet) && !placed(StatusPlace::FrontMatter) =>
                {
                    Shape::Madr2
                }
                Format::Madr | Format::Decide => Shape::Other,
            }
        })
        .collect();
    let count = |shape: Shape| shapes.iter().filter(|s| **s == shape).count();
    let most = [Shape::Nygard, Shape::Madr2, Shape::Other]
        .into_iter()
        .filter(|s| count(*s) > 0)
        .max_by_key(|s| count(*s))?;
    match most {
        Shape::Nygard => Some(LogTemplate {
            name: NYGARD_TEMPLATE,
            said_by: "the log's adr-tools records",
        }),
        Shape::Madr2 => Some(LogTemplate {
            name: MADR2_TEMPLATE,
            said_by: "the log's MADR 2 or log4brains records",
        }),
        Shape::Other => None,
    }
}

/// The front matter keys of the log's newest record (the last by name) that a new record
/// can fill, for `new` to write them too.
pub(crate) fn house_front_matter(
    dir: &Path,
) -> Option<crate::record::house_front_matter::HouseFrontMatter> {
    let entries = store::list_record_entries(dir).ok()?;
    let mut newest = entries.iter().rev().filter(|e| !e.not_a_file);
    let first = newest.next()?;
    let (text, _) = store::read_prefix(&first.path, FULL_BYTES).ok()?;
    let record = parse(&first.path, &text).ok()?;
    // Two more show whether a key that could be the number always is.
    let older: Vec<Record> = newest
        .take(2)
        .filter_map(|entry| {
            let (text, _) = store::read_prefix(&entry.path, FULL_BYTES).ok()?;
            parse(&entry.path, &text).ok()
        })
        .collect();
    crate::record::house_front_matter::HouseFrontMatter::of(&record, &text, &older)
}

/// How the log's newest numbered record writes its title's number (`# ADR-0010: Title`),
/// for a new record's heading to be written alike; None when no record of the last ten
/// numbers its title.
pub(crate) fn heading_style(dir: &Path) -> Option<crate::record::HeadingStyle> {
    newest_texts(dir, 10).find_map(|(path, text)| {
        crate::record::edit::title_style(&text, &parse(&path, &text).ok()?)
    })
}

/// Whether the log titles its records with their file names, from the newest of its last
/// ten records with a title heading: `# 0003-use-rust` (true: with the number), `# use-rust`
/// (false); None where titles are words.
pub(crate) fn slug_headings(dir: &Path) -> Option<bool> {
    newest_texts(dir, 10)
        .find_map(|(path, text)| {
            let record = parse(&path, &text).ok()?;
            let line = text.lines().nth(record.title_line.checked_sub(1)?)?;
            let heading = line.strip_prefix("# ")?.trim();
            let slug = crate::record::parse::is_file_slug(heading, &path);
            Some(slug.then(|| heading.starts_with(|c: char| c.is_ascii_digit())))
        })
        .flatten()
}

/// How the log's newest records (the last ten by name) write lists and links, for an edit
/// to follow where the record it changes shows neither: the marker most of them use, and
/// whether any links with Hugo's `ref`.
pub(crate) fn house_style(dir: &Path) -> crate::record::edit::HouseStyle {
    let mut style = crate::record::edit::HouseStyle::default();
    let mut markers: Vec<char> = Vec::new();
    for (_, text) in newest_texts(dir, 10) {
        let seen = crate::record::edit::HouseStyle::of(&text);
        style.hugo_ref |= seen.hugo_ref;
        style.links_on_status_line |= seen.links_on_status_line;
        style.successor_on_label |= seen.successor_on_label;
        markers.extend(seen.marker);
    }
    style.marker = ['-', '*', '+']
        .into_iter()
        .filter(|m| markers.contains(m))
        .max_by_key(|m| markers.iter().filter(|c| *c == m).count());
    style
}

/// Whether the log's newest superseded adr-tools record (of the last thirty by name) keeps
/// its status word above the link that says what replaced it (`Superseded`, then
/// `Superseded by [5. X](…)`), where adr-tools leaves the link alone. False when none shows.
pub(crate) fn keeps_status_word_when_superseded(dir: &Path) -> bool {
    newest_texts(dir, 30)
        .find_map(|(path, text)| {
            let record = parse(&path, &text).ok()?;
            let in_section = record
                .statuses
                .iter()
                .all(|s| s.place == StatusPlace::Section);
            let successor = record.links.iter().any(|l| {
                l.kind.eq_ignore_ascii_case("Superseded by")
                    && l.place != crate::record::parse::Place::LinksSection
            });
            (record.format == Format::Nygard
                && in_section
                && successor
                && record.status.as_deref() == Some("superseded"))
            .then(|| record.statuses.iter().any(|s| !s.only_links))
        })
        .unwrap_or(false)
}

/// Where the log's newest records (the last three by name) write their status and date,
/// when in a table or bold fields and all agree, for `new` to write them there too.
pub(crate) fn house_fields(dir: &Path) -> Option<crate::record::house_fields::HouseFields> {
    let texts: Vec<(PathBuf, String)> = newest_texts(dir, 3).collect();
    let records: Vec<(Record, &str)> = texts
        .iter()
        .filter_map(|(path, text)| Some((parse(path, text).ok()?, text.as_str())))
        .collect();
    crate::record::house_fields::HouseFields::of(&records)
}

/// The symbols a new record of the log puts before `status` (`✅ ` in `✅ Accepted`): when
/// each of the log's newest records that states a status (the last three that do, of the
/// last ten by name) marks it with symbols, those the log writes before `status`.
pub(crate) fn new_status_symbols(dir: &Path, status: &str) -> Option<String> {
    let marked: Vec<bool> = newest_texts(dir, 10)
        .filter_map(|(path, text)| {
            let record = parse(&path, &text).ok()?;
            let field = record.statuses.iter().find(|s| s.status.is_some())?;
            Some(!crate::record::edit::status_symbols(&field.written).is_empty())
        })
        .take(3)
        .collect();
    if marked.is_empty() || !marked.iter().all(|m| *m) {
        return None;
    }
    status_symbols(dir, status)
}

/// `text`, `path`'s record with its status just set to `status` (from `old`), with the
/// symbols before the status (`🤔 Proposed` → `✅ Accepted`) that the log's records write
/// before this one, when the record marks its status so. Where the log shows none for
/// `status`, the old status's own mark goes (`✅ Accepted` → `Deprecated`, not `✅
/// Deprecated`); symbols the log does not use for the old status stay. An unmarked status
/// is marked only in a log whose newest records all mark theirs.
pub(crate) fn with_status_symbols(
    path: &Path,
    text: String,
    old: Option<&str>,
    status: &str,
) -> String {
    let Ok(record) = parse(path, &text) else {
        return text;
    };
    let Some(written) = record
        .statuses
        .iter()
        .find(|s| s.status.as_deref() == Some(status))
        .map(|s| crate::record::edit::status_symbols(&s.written))
        .filter(|symbols| !symbols.is_empty())
    else {
        // A record left unmarked (by an edit that found no mark for its status) gets one
        // where every one of the log's newest records marks its status.
        return match store::record_folder(path).and_then(|dir| new_status_symbols(dir, status)) {
            Some(symbols) => crate::record::edit::mark_statuses(&text, &record, &symbols),
            None => text,
        };
    };
    let Some(dir) = store::record_folder(path) else {
        return text;
    };
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '\u{fe0e}' | '\u{fe0f}' | ' '))
            .collect()
    };
    match status_symbols(dir, status) {
        Some(symbols) => {
            crate::record::edit::restyle_status_symbols(&text, &record, status, &symbols)
        }
        None if old.is_some_and(|old| {
            old != status
                && status_symbols(dir, old).is_some_and(|mark| bare(&mark) == bare(written))
        }) =>
        {
            crate::record::edit::restyle_status_symbols(&text, &record, status, "")
        }
        None => text,
    }
}

/// The symbols the log's records put before `status` (`✅` in `✅ Accepted`), from the
/// newest record that writes that status with any: how a status edit in a log that marks
/// its statuses so writes the new one.
pub(crate) fn status_symbols(dir: &Path, status: &str) -> Option<String> {
    let entries = store::list_record_entries(dir).ok()?;
    entries
        .iter()
        .rev()
        .filter(|e| !e.not_a_file)
        .take(200)
        .find_map(|entry| {
            let record = read_unchecked(&entry.path, Depth::Head).ok()?;
            let field = record
                .statuses
                .iter()
                .find(|s| s.status.as_deref() == Some(status))?;
            let symbols = crate::record::edit::status_symbols(&field.written);
            (!symbols.is_empty()).then(|| symbols.to_string())
        })
}

/// Read and parse a record named on the command line; a failure exits with the record code.
pub(crate) fn load(path: &Path) -> Result<(Record, String)> {
    store::refuse_not_a_file(path)?;
    let text = store::read_text(path).map_err(|e| Error {
        kind: crate::error::Kind::Record,
        ..e
    })?;
    let record = parse(path, &text)?;
    Ok((record, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_without_its_extension_leads_to_the_record() {
        let paths = [
            Path::new("docs/adr/adr-002-one-service.md"),
            Path::new("docs/adr/adr-003-split.mdx"),
            Path::new("docs/old/0004-keep.markdown"),
            Path::new("docs/dated/2022-02-07-tracing/README.md"),
        ];
        let index = Index::new(Path::new("/repo"), paths.iter().map(|p| (*p, None)));
        let from = Path::new("docs/adr/adr-001-a.md");
        let link = |target: &str| Link {
            kind: String::new(),
            target: Target::File(target.into()),
            label: String::new(),
            line: 1,
            place: crate::record::parse::Place::Body,
        };
        for (target, resolved) in [
            ("adr-002-one-service", Resolved::Found(0)),
            ("./adr-002-one-service#why", Resolved::Found(0)),
            ("adr-003-split", Resolved::Found(1)),
            ("../old/0004-keep", Resolved::Found(2)),
            ("0004-keep", Resolved::ByName(2)),
            ("../dated/2022-02-07-tracing", Resolved::Found(3)),
            ("adr-002-one-service.html", Resolved::Missing),
            ("adr-009-never-written", Resolved::Missing),
            ("../guides/deploying", Resolved::Missing),
        ] {
            assert_eq!(index.resolve(from, &link(target)), resolved, "{target}");
        }
    }

    #[test]
    fn a_link_to_a_folder_s_page_is_looked_up_by_the_folder() {
        for (file, name) in [
            ("0003-x.md", "0003-x.md"),
            ("../2022-02-07-tracing/README.md", "2022-02-07-tracing"),
            ("../0007-cache/index.md", "0007-cache"),
            ("../2022-02-07-tracing", "2022-02-07-tracing"),
            ("../guides/README.md", "README.md"),
            ("README.md", "README.md"),
        ] {
            assert_eq!(folder_record_name(file), name, "{file}");
        }
    }

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

    fn log_with(names: &[&str]) -> (tempfile::TempDir, Log) {
        let dir = tempfile::tempdir().unwrap();
        for name in names {
            std::fs::write(dir.path().join(name), "# T\n").unwrap();
        }
        let log = Log::open(dir.path(), &[], false, dir.path()).unwrap();
        (dir, log)
    }

    #[test]
    fn values_that_occur_more_than_once_are_each_said_once() {
        for (values, expected) in [
            (vec![], vec![]),
            (vec![3, 1, 2], vec![]),
            (vec![2, 1, 2], vec![2]),
            (vec![5, 5, 5, 1, 1, 7], vec![1, 5]),
        ] {
            let found: Vec<u32> = repeated(values.clone()).collect();
            assert_eq!(found, expected, "{values:?}");
        }
    }

    #[test]
    fn numbers_match_exactly() {
        let (dir, log) = log_with(&[
            "0001-a.md",
            "0012-b.md",
            "0021-c.md",
            "0007-x.md",
            "0007-y.md",
            "0009-z.md",
        ]);
        let found = log.resolve(dir.path(), "1").unwrap();
        assert_eq!(found.file_name().unwrap(), "0001-a.md");
        let found = log.resolve(dir.path(), "0012").unwrap();
        assert_eq!(found.file_name().unwrap(), "0012-b.md");
        let missing = log.resolve(dir.path(), "2").unwrap_err();
        assert!(
            missing
                .to_string()
                .contains("no record is numbered 2 (the nearest are 1 and 7)"),
            "{missing}"
        );
        let twice = log.resolve(dir.path(), "7").unwrap_err();
        assert!(twice.to_string().contains("0007-x, 0007-y"), "{twice}");
        let by_stem = log.resolve(Path::new("/"), "0007-y").unwrap();
        assert_eq!(by_stem, dir.path().join("0007-y.md"));
        let by_name = log.resolve(Path::new("/"), "0021-c.md").unwrap();
        assert_eq!(by_name, dir.path().join("0021-c.md"));
        assert_eq!(log.address(&dir.path().join("0007-x.md")), "0007-x");
        assert_eq!(log.address(&dir.path().join("0009-z.md")), "9");
    }

    #[test]
    fn a_log_named_by_date() {
        let (dir, log) = log_with(&[
            "20210312-format-code.md",
            "20210312-monorepo.md",
            "20210315-by-number.md",
            "README.md",
        ]);
        assert_eq!(log.numbering, Numbering::Date);
        assert!(!log.has_shared_numbers());
        let one = log.resolve(dir.path(), "20210315").unwrap();
        assert_eq!(one.file_name().unwrap(), "20210315-by-number.md");
        let two = log.resolve(dir.path(), "20210312").unwrap_err();
        assert!(
            two.to_string()
                .contains("2 records match `20210312`: 20210312-format-code, 20210312-monorepo"),
            "{two}"
        );
        let named = log.resolve(dir.path(), "20210312-monorepo").unwrap();
        assert_eq!(named.file_name().unwrap(), "20210312-monorepo.md");
        assert_eq!(log.address(&named), "20210312-monorepo");
    }

    #[test]
    fn links_lead_by_path_then_by_name() {
        let base = Path::new("/repo");
        let to = Path::new("packages/sync/docs/adr/20210405-crdt.md");
        let from = Path::new("docs/adr/20210312-monorepo.md");
        assert_eq!(
            link_target(base, to, from),
            "../../../../docs/adr/20210312-monorepo.md"
        );
        assert_eq!(
            link_target(base, from, Path::new("docs/adr/0002-b.md")),
            "0002-b.md"
        );
        assert_eq!(
            normalise(Path::new(
                "/repo/packages/sync/docs/adr/../../../../docs/adr/x.md"
            )),
            PathBuf::from("/repo/docs/adr/x.md")
        );
    }

    /// Paths read as bytes give the file name that taking them apart gives, and are left
    /// to that wherever their bytes are not plain.
    #[test]
    fn folders_compared_by_bytes_as_by_parents() {
        let paths = [
            "docs/decisions/0001-a.md",
            "docs/decisions/0002-b.md",
            "docs//decisions/0003-c.md",
            "docs/decisions//0004-d.md",
            "./docs/decisions/0005-e.md",
            "docs/decisions/./0006-f.md",
            "docs/decisions/.",
            "docs/decisions/..",
            "docs/0007-g.md",
            "docs/decisions/sub\\0008-h.md",
            "/0009-i.md",
            "/abs/0010-j.md",
            "0011-k.md",
            "",
            "docs/decisions/",
            "d\u{e9}cisions/0012-l.md",
        ];
        for a in paths {
            for b in paths {
                let (a, b) = (Path::new(a), Path::new(b));
                let by_parents =
                    a.parent().unwrap_or(Path::new("")) == b.parent().unwrap_or(Path::new(""));
                assert_eq!(same_folder(a, b), by_parents, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn siblings_read_by_bytes_as_by_components() {
        let paths = [
            "docs/decisions/graph",
            "docs/decisions/0001-a.md",
            "docs/decisions/sub/0002-b.md",
            "docs//decisions/0003-c.md",
            "docs/./decisions/0004-d.md",
            "docs/decisions/./0005-e.md",
            "docs/decisions/../decisions/0006-f.md",
            "docs/decisions/",
            "docs/decisions/.",
            "docs/decisions/..",
            "./docs/decisions/0007-g.md",
            "./0008-h.md",
            "0009-i.md",
            "/0010-j.md",
            "//0011-k.md",
            "/abs/docs/0012-l.md",
            "a/.../0013-m.md",
            "docs/decisions/ü 0014.md",
            "docs/decisionsx/0015-n.md",
        ];
        let base = Path::new("/repo");
        let mut read_by_bytes = 0;
        for from in paths {
            for to in paths {
                let (from, to) = (Path::new(from), Path::new(to));
                if let Some(name) = sibling_name(from, to) {
                    read_by_bytes += 1;
                    assert_eq!(
                        name,
                        link_target_by_components(base, from, to),
                        "{from:?} {to:?}"
                    );
                }
            }
        }
        assert!(read_by_bytes >= 10, "{read_by_bytes}");
    }
}
