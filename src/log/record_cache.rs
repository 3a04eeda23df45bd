//! What a log command keeps of each record, cached between runs in `.decide/cache/`.
//!
//! Reading ten thousand records opens and reads ten thousand files, which alone takes
//! about a third of the time `cat` does, and parsing them more. A record whose file is as
//! it was when the cache read it (same size, modification and inode-change times, and
//! inode: what git's index trusts) is taken from the cache instead, so a command costs a
//! `stat` a record. Each command caches what it keeps of a record ([`Cacheable`]): `list`
//! the record's head, `graph` its node. A cache is read only by the decide binary that
//! wrote it (a new build may read records differently) and for the settings it was
//! written with.
//!
//! A cache is untrusted text, like everything in a repository: a line that does not
//! decode, or stamps a file otherwise than the file is stamped, is read afresh. A cache
//! that came with a repository cannot know the inodes and inode-change times of a fresh
//! clone's files.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use super::Log;
use crate::error::{Error, Result};
use crate::record::parse::{Link, Place, Target};
use crate::store::{self, FileStamp};

/// A log smaller than this is read whole each time: it takes a few milliseconds, and the
/// repository is spared a cache no one would notice.
pub(super) const CACHED_FROM: usize = 256;
/// Between the fields of a line, the items of a list field, and the parts of an item.
/// Text holding any of them, or a line break, is not cached: such a record is read each
/// time.
const FIELD: char = '\u{1f}';
const ITEM: char = '\u{1e}';
const PART: char = '\u{1d}';
/// The last field of every line.
const END: char = '.';

/// What a command keeps of a record, written as one line of its cache. What it decodes
/// may borrow from the cache's text and the log's paths (`'t`), which outlive it: a
/// listing of ten thousand records then allocates nothing for each.
pub(crate) trait Cacheable<'t>: Sized + Send {
    /// The cache's file name in `.decide/cache/`, which also starts its first line.
    const NAME: &'static str;
    /// The line's fields, or `None` when a value cannot be written (see [`FIELD`]).
    fn encode(&self, line: &mut Line) -> Option<()>;
    /// What the fields say of the record at `path`, if they read.
    fn decode(fields: &mut Fields<'t>, path: &'t Path) -> Option<Self>;
}

/// A command's cache as found before the log is read: where it goes, the header it must
/// start with, and its text when it does, with where each of its lines starts, ends its
/// key and ends. It owns its text and borrows nothing, so it can be read on another core
/// while the log's folder is listed (see [`Log::open_with_heads`](super::Log)).
pub(crate) struct CacheFile {
    dir: std::path::PathBuf,
    name: &'static str,
    header: Option<String>,
    text: Option<String>,
    lines: Vec<LineAt>,
}

/// Where a cache line is in the cache's text: its start, the end of its key, its end.
type LineAt = (usize, usize, usize);

impl CacheFile {
    /// The cache of `T` in `dir` for a log of `folders`; `settings` names anything else its
    /// values depend on. A cache another build or other settings wrote is not read past
    /// its header, let alone held beside the records read afresh.
    pub(super) fn open<'t, T: Cacheable<'t>>(
        folders: &[&Path],
        dir: &Path,
        settings: &str,
    ) -> CacheFile {
        let header = program_stamp().map(|program| header(T::NAME, program, settings, folders));
        let mut text = header
            .as_deref()
            .and_then(|header| store::read_cache_starting(&dir.join(T::NAME), header));
        let lines = text
            .as_deref()
            .zip(header.as_deref())
            .and_then(|(text, header)| line_starts(text, header.len()));
        if lines.is_none() {
            text = None;
        }
        CacheFile {
            dir: dir.to_path_buf(),
            name: T::NAME,
            header,
            text,
            lines: lines.unwrap_or_default(),
        }
    }
}

/// Where each line after the header starts, ends its key, and ends; `None` when a line
/// has no key, which no cache of ours writes.
fn line_starts(text: &str, header: usize) -> Option<Vec<LineAt>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(text.len() / 128);
    let mut start = header;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |at| start + at);
        if end > start {
            let key_end = start + bytes[start..end].iter().position(|&b| b == FIELD as u8)?;
            lines.push((start, key_end, end));
        }
        start = end + 1;
    }
    Some(lines)
}

/// `read` of every record of `log`, or what `cache` holds of it while its file is
/// unchanged. The cache is written again when a record was read afresh.
pub(super) fn map<'t, T: Cacheable<'t>>(
    log: &'t Log,
    cache: &'t CacheFile,
    read: impl Fn(&'t Path) -> Result<T> + Sync,
) -> (Vec<T>, Vec<Error>) {
    debug_assert_eq!(cache.name, T::NAME);
    let cached = Cached::of(cache);
    let built = store::now_nanoseconds();
    let folders: Vec<store::OpenFolder> = log
        .folders
        .iter()
        .map(|folder| store::OpenFolder::open(&folder.path))
        .collect();
    let results = crate::parallel::indices(log.entries.len(), |index| {
        let entry = &log.entries[index];
        if entry.not_a_file {
            return Read::Failed(Box::new(store::not_a_file_error(&entry.path)));
        }
        let name = name_in_folder(&entry.path, &log.folders[entry.folder].path);
        let stamp = match name {
            Some(name) => folders[entry.folder].stamp(name, &entry.path),
            None => store::file_stamp(&entry.path),
        };
        if let (Some(stamp), Some(name)) = (stamp, name)
            && let Some((line, fields)) = cached.line(index, entry.folder, name)
            && let Some(value) = decode(fields, stamp, &entry.path)
        {
            return Read::Cached(value, line);
        }
        match read(&entry.path) {
            Ok(value) => {
                // Encoded here, on every core, to learn whether it can be cached at all,
                // and again as the cache is written: the lines are never all held at once.
                let stamp = stamp
                    .filter(|stamp| !stamp.is_racy(built))
                    .zip(name)
                    .filter(|&(stamp, name)| encode(entry.folder, name, stamp, &value).is_some())
                    .map(|(stamp, _)| stamp);
                Read::Fresh(value, stamp)
            }
            Err(error) => Read::Failed(Box::new(error)),
        }
    });
    // The cache is written again only when it would say something new: a record read
    // afresh that can be cached, or one it holds that is gone.
    let hits = results
        .iter()
        .filter(|r| matches!(r, Read::Cached(..)))
        .count();
    let changed =
        hits != cached.lines.len() || results.iter().any(|r| matches!(r, Read::Fresh(_, Some(_))));
    if changed && let Some(header) = &cache.header {
        // A cache that cannot be written is only a slower command next time.
        let _ = store::write_cache_with(&cache.dir, T::NAME, |out| {
            out.write_all(header.as_bytes())?;
            for (result, entry) in results.iter().zip(&log.entries) {
                let line = match result {
                    Read::Cached(_, line) => std::borrow::Cow::Borrowed(*line),
                    Read::Fresh(value, Some(stamp)) => {
                        let name = name_in_folder(&entry.path, &log.folders[entry.folder].path);
                        match name.and_then(|name| encode(entry.folder, name, *stamp, value)) {
                            Some(line) => std::borrow::Cow::Owned(line),
                            None => continue,
                        }
                    }
                    Read::Fresh(_, None) | Read::Failed(_) => continue,
                };
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
            }
            Ok(())
        });
    }
    let mut problems = Vec::new();
    // The values take the results' memory in place: no second list of ten thousand.
    let kept = results
        .into_iter()
        .filter_map(|result| match result {
            Read::Cached(value, _) | Read::Fresh(value, _) => Some(value),
            Read::Failed(error) => {
                problems.push(*error);
                None
            }
        })
        .collect();
    (kept, problems)
}

enum Read<'t, T> {
    /// Taken from the cache, with the cache's line for it.
    Cached(T, &'t str),
    /// Read from the file, with its stamp if it can be cached.
    Fresh(T, Option<FileStamp>),
    Failed(Box<Error>),
}

/// The first lines of a cache: what it holds, the program that wrote it, what else its
/// values depend on, and the log's folders it holds records of.
fn header(name: &str, program: FileStamp, settings: &str, folders: &[&Path]) -> String {
    let mut out = format!(
        "decide {name} 1\nprogram {}\nsettings {}\n",
        stamp_text(program),
        settings.replace('\n', " ")
    );
    for folder in folders {
        let _ = writeln!(out, "folder {}", folder.display());
    }
    out.push_str("records\n");
    out
}

/// A cache file's record lines, in the order they were written: the log's order, so the
/// line of a record is nearly always found where the record is in the listing.
#[derive(Default)]
struct Cached<'t> {
    /// Each line whole (`FOLDER/NAME`, then the fields), and where its key ends.
    lines: Vec<(&'t str, usize)>,
    /// Lines by key, built the first time a record is not where the listing has it.
    by_key: std::sync::OnceLock<HashMap<&'t str, usize>>,
}

impl<'t> Cached<'t> {
    /// The lines of `cache`, as slices of its text.
    fn of(cache: &'t CacheFile) -> Cached<'t> {
        let text = cache.text.as_deref().unwrap_or_default();
        Cached {
            lines: cache
                .lines
                .iter()
                .map(|&(start, key_end, end)| (&text[start..end], key_end - start))
                .collect(),
            by_key: std::sync::OnceLock::new(),
        }
    }

    /// The line for file `name` of folder `folder`, the `index`th record of the listing,
    /// and its fields (after the key).
    fn line(&self, index: usize, folder: usize, name: &str) -> Option<(&'t str, &'t str)> {
        let is_key = |key: &str| {
            let number = key.strip_suffix(name).and_then(|key| key.strip_suffix('/'));
            number.and_then(digits) == u64::try_from(folder).ok()
        };
        if let Some(&(line, key_end)) = self.lines.get(index)
            && is_key(&line[..key_end])
        {
            return Some((line, &line[key_end + 1..]));
        }
        let by_key = self.by_key.get_or_init(|| {
            self.lines
                .iter()
                .enumerate()
                .map(|(at, (line, key_end))| (&line[..*key_end], at))
                .collect()
        });
        let (line, key_end) = self.lines[*by_key.get(format!("{folder}/{name}").as_str())?];
        Some((line, &line[key_end + 1..]))
    }
}

/// The name of the record at `path` in the log's folder `folder`: its file name, or for a
/// record kept as a folder, the folder's and its page's (`2022-02-07-tracing/README.md`).
fn name_in_folder<'p>(path: &'p Path, folder: &Path) -> Option<&'p str> {
    let rest = path.to_str()?.strip_prefix(folder.to_str()?)?;
    let name = rest.strip_prefix(std::path::MAIN_SEPARATOR).unwrap_or(rest);
    (!name.is_empty()).then_some(name)
}

/// The stamp of the running program: a cache written by another build is not read.
fn program_stamp() -> Option<FileStamp> {
    store::file_stamp(&std::env::current_exe().ok()?)
}

/// A stamp as the cache writes it: size, times and inode.
fn stamp_text(stamp: FileStamp) -> String {
    format!(
        "{} {} {} {}",
        stamp.size, stamp.modified, stamp.changed, stamp.inode
    )
}

/// The cache's line for `value` (kept of file `name` of folder `folder`, stamped
/// `stamp`), or `None` when it holds a character the line's separators use.
fn encode<'t, T: Cacheable<'t>>(
    folder: usize,
    name: &str,
    stamp: FileStamp,
    value: &T,
) -> Option<String> {
    let mut line = Line(String::with_capacity(256));
    line.number(Some(folder));
    line.0.push('/');
    line.text(name)?;
    line.field().0.push_str(&stamp_text(stamp));
    line.field();
    value.encode(&mut line)?;
    // A line cut short (a cache written by a process that was killed, say) loses this.
    line.field().letter(END);
    Some(line.0)
}

/// What a cache line's fields (after its key) hold for the file at `path`, if they read
/// and their stamp is `stamp`.
fn decode<'t, T: Cacheable<'t>>(fields: &'t str, stamp: FileStamp, path: &'t Path) -> Option<T> {
    let mut fields = Fields(fields);
    if !stamp_is(fields.next()?, stamp) {
        return None;
    }
    let value = T::decode(&mut fields, path)?;
    let end = fields.letter()? == END && fields.next().is_none();
    end.then_some(value)
}

fn stamp_is(field: &str, stamp: FileStamp) -> bool {
    let signed = |value: i64| u64::try_from(value).ok();
    let wanted = [
        Some(stamp.size),
        signed(stamp.modified),
        signed(stamp.changed),
        Some(stamp.inode),
    ];
    let mut parts = field.as_bytes().split(|&b| b == b' ');
    wanted
        .iter()
        .all(|wanted| wanted.is_some() && parts.next().and_then(digit_bytes) == *wanted)
        && parts.next().is_none()
}

/// A cache line as it is written, field by field.
pub(crate) struct Line(String);

impl Line {
    /// Start the next field.
    pub(crate) fn field(&mut self) -> &mut Line {
        self.0.push(FIELD);
        self
    }

    fn item(&mut self) -> &mut Line {
        self.0.push(ITEM);
        self
    }

    fn part(&mut self) -> &mut Line {
        self.0.push(PART);
        self
    }

    pub(crate) fn text(&mut self, value: &str) -> Option<()> {
        if value.contains(['\n', '\r', FIELD, ITEM, PART]) {
            return None;
        }
        self.0.push_str(value);
        Some(())
    }

    /// `-` for none, `=` before a value: an empty value is not a missing one.
    pub(crate) fn optional_text(&mut self, value: Option<&str>) -> Option<()> {
        match value {
            None => self.0.push('-'),
            Some(value) => {
                self.0.push('=');
                self.text(value)?;
            }
        }
        Some(())
    }

    /// How many items, then each after an [`ITEM`].
    pub(crate) fn texts(&mut self, items: &[impl AsRef<str>]) -> Option<()> {
        self.number(Some(items.len()));
        for item in items {
            self.item().text(item.as_ref())?;
        }
        Some(())
    }

    /// How many links, then each link's parts.
    pub(crate) fn links(&mut self, links: &[Link]) -> Option<()> {
        self.number(Some(links.len()));
        for link in links {
            self.item().text(&link.kind)?;
            match &link.target {
                Target::File(file) => {
                    self.part().letter('f');
                    self.text(file)?;
                }
                Target::Web(address) => {
                    self.part().letter('w');
                    self.text(address)?;
                }
                Target::Number(number) => {
                    self.part().letter('n');
                    self.number(Some(number));
                }
            }
            self.part().text(&link.label)?;
            self.part().number(Some(link.line));
            self.part().letter(match link.place {
                Place::Status => 's',
                Place::FrontMatter => 'm',
                Place::LinksSection => 'l',
                Place::Body => 'b',
            });
        }
        Some(())
    }

    /// Nothing for none.
    pub(crate) fn number(&mut self, value: Option<impl std::fmt::Display>) {
        if let Some(value) = value {
            let _ = write!(self.0, "{value}");
        }
    }

    /// `YYYY-MM-DD`, nothing for none.
    pub(crate) fn date(&mut self, value: Option<NaiveDate>) {
        if let Some(value) = value {
            self.0.push_str(&crate::text::iso(value));
        }
    }

    pub(crate) fn flag(&mut self, value: bool) {
        self.0.push(if value { '1' } else { '0' });
    }

    /// One letter standing for one of a few values.
    pub(crate) fn letter(&mut self, letter: char) {
        self.0.push(letter);
    }
}

/// The fields of a cache line, read in the order [`Line`] wrote them. Each is split at
/// [`FIELD`] by a look at each byte: fields are a few bytes long, shorter than a vector
/// search needs to pay for itself.
pub(crate) struct Fields<'t>(&'t str);

impl<'t> Fields<'t> {
    pub(crate) fn next(&mut self) -> Option<&'t str> {
        let bytes = self.0.as_bytes();
        if bytes.is_empty() {
            return None;
        }
        match bytes.iter().position(|&b| b == FIELD as u8) {
            Some(end) => {
                let field = &self.0[..end];
                self.0 = &self.0[end + 1..];
                Some(field)
            }
            None => Some(std::mem::take(&mut self.0)),
        }
    }

    pub(crate) fn text(&mut self) -> Option<String> {
        self.next().map(str::to_string)
    }

    pub(crate) fn optional_text(&mut self) -> Option<Option<String>> {
        self.optional_str().map(|text| text.map(str::to_string))
    }

    /// [`Fields::optional_text`], borrowed from the cache's text.
    pub(crate) fn optional_str(&mut self) -> Option<Option<&'t str>> {
        match self.next()? {
            "-" => Some(None),
            field => field.strip_prefix('=').map(Some),
        }
    }

    pub(crate) fn texts(&mut self) -> Option<Vec<String>> {
        self.items(str::to_string)
    }

    /// The items of a list field, each as `each` makes it of its text.
    pub(crate) fn items<U>(&mut self, each: impl FnMut(&'t str) -> U) -> Option<Vec<U>> {
        let field = self.next()?;
        // Most lists are empty: no vector, no search.
        if field == "0" {
            return Some(Vec::new());
        }
        let mut items = field.split(ITEM);
        let count: usize = items.next()?.parse().ok()?;
        let items: Vec<U> = items.map(each).collect();
        (items.len() == count).then_some(items)
    }

    pub(crate) fn links(&mut self) -> Option<Vec<Link>> {
        let field = self.next()?;
        if field == "0" {
            return Some(Vec::new());
        }
        let mut items = field.split(ITEM);
        let count: usize = items.next()?.parse().ok()?;
        let mut links = Vec::with_capacity(count.min(64));
        for item in items {
            let mut parts = item.split(PART);
            let kind = parts.next()?.to_string();
            let target = parts.next()?;
            let target = match target.split_at_checked(1)? {
                ("f", file) => Target::File(file.to_string()),
                ("w", address) => Target::Web(address.to_string()),
                ("n", number) => Target::Number(number.parse().ok()?),
                _ => return None,
            };
            let label = parts.next()?.to_string();
            let line = parts.next()?.parse().ok()?;
            let place = match parts.next()? {
                "s" => Place::Status,
                "m" => Place::FrontMatter,
                "l" => Place::LinksSection,
                "b" => Place::Body,
                _ => return None,
            };
            if parts.next().is_some() {
                return None;
            }
            links.push(Link {
                kind,
                target,
                label,
                line,
                place,
            });
        }
        (links.len() == count).then_some(links)
    }

    pub(crate) fn number<N: std::str::FromStr>(&mut self) -> Option<N> {
        self.next()?.parse().ok()
    }

    /// `Some(None)` for an empty field, `None` for one that does not read.
    pub(crate) fn optional_number<N: std::str::FromStr>(&mut self) -> Option<Option<N>> {
        match self.next()? {
            "" => Some(None),
            field => field.parse().ok().map(Some),
        }
    }

    pub(crate) fn date(&mut self) -> Option<Option<NaiveDate>> {
        let field = self.next()?;
        if field.is_empty() {
            return Some(None);
        }
        let mut parts = field.as_bytes().splitn(3, |&b| b == b'-');
        let mut number = || parts.next().and_then(digit_bytes);
        let (year, month, day) = (number()?, number()?, number()?);
        NaiveDate::from_ymd_opt(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
        .map(Some)
    }

    /// Flags written one after the other in one field.
    pub(crate) fn flags<const N: usize>(&mut self) -> Option<[bool; N]> {
        let field = self.next()?.as_bytes();
        if field.len() != N {
            return None;
        }
        let mut flags = [false; N];
        for (flag, byte) in flags.iter_mut().zip(field) {
            *flag = match byte {
                b'0' => false,
                b'1' => true,
                _ => return None,
            };
        }
        Some(flags)
    }

    /// The letter of a one-letter field.
    pub(crate) fn letter(&mut self) -> Option<char> {
        let field = self.next()?;
        let mut chars = field.chars();
        let letter = chars.next()?;
        chars.next().is_none().then_some(letter)
    }
}

/// A number written in ASCII digits, folded without the standard parser's sign and
/// radix handling; `None` for anything else or one too large.
fn digits(text: &str) -> Option<u64> {
    digit_bytes(text.as_bytes())
}

/// [`digits`] of bytes, which need not be checked as UTF-8 first: only ASCII digits read.
fn digit_bytes(bytes: &[u8]) -> Option<u64> {
    if bytes.is_empty() || bytes.len() > 19 {
        return None;
    }
    bytes.iter().try_fold(0u64, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u64::from(byte - b'0'))
    })
}

/// A value's line and what it decodes to again, for the codecs' tests.
#[cfg(test)]
pub(super) fn round_trip<T: for<'x> Cacheable<'x>>(value: &T, path: &Path) -> Option<T> {
    let stamp = test_stamp();
    let line = encode(0, "x.md", stamp, value)?;
    let (key, fields) = line.split_once(FIELD)?;
    assert_eq!(key, "0/x.md");
    decode(fields, stamp, path)
}

#[cfg(test)]
pub(super) fn test_stamp() -> FileStamp {
    FileStamp {
        size: 412,
        modified: 1_700_000_000_123_456_789,
        changed: 1_700_000_001_000_000_000,
        inode: 77,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Every Markdown file under `tests/fixtures`: records of every shape the log reads.
    pub(in crate::log) fn fixture_records() -> Vec<std::path::PathBuf> {
        fn walk(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "md") {
                    found.push(path);
                }
            }
        }
        let mut found = Vec::new();
        walk(Path::new("tests/fixtures"), &mut found);
        found
    }

    #[test]
    fn lines_are_found_after_the_header() {
        let header = "decide heads 1\nrecords\n";
        let key = |line: &str, at: (usize, usize, usize)| {
            (
                line[at.0..at.1].to_string(),
                line[at.1 + 1..at.2].to_string(),
            )
        };
        let text = format!("{header}0/a.md\u{1f}x\u{1f}.\n\n0/b.md\u{1f}y\u{1f}.");
        let lines = line_starts(&text, header.len()).unwrap();
        let found: Vec<_> = lines.iter().map(|&at| key(&text, at)).collect();
        assert_eq!(
            found,
            [
                ("0/a.md".to_string(), "x\u{1f}.".to_string()),
                ("0/b.md".to_string(), "y\u{1f}.".to_string())
            ]
        );
        assert_eq!(line_starts(header, header.len()), Some(Vec::new()));
        // A line with no key is no cache of ours: none of it is read.
        let keyless = format!("{header}0/a.md\u{1f}x\u{1f}.\nno key\n");
        assert_eq!(line_starts(&keyless, header.len()), None);
    }

    /// A cache line's fields (after the key) for `value`, stamped [`test_stamp`].
    pub(in crate::log) fn fields_of<'t, T: Cacheable<'t>>(value: &T) -> String {
        encoded_fields(value).unwrap()
    }

    /// [`fields_of`], or `None` where `value` cannot be cached.
    pub(in crate::log) fn encoded_fields<'t, T: Cacheable<'t>>(value: &T) -> Option<String> {
        let line = encode(0, "x.md", test_stamp(), value)?;
        line.split_once(FIELD).map(|(_, fields)| fields.to_string())
    }

    /// Every prefix, and every field made unreadable in turn (except those at
    /// `free_text`, which hold any text; the stamp is field 0), decodes to nothing.
    pub(in crate::log) fn assert_damage_is_refused<T: for<'x> Cacheable<'x> + std::fmt::Debug>(
        value: &T,
        path: &Path,
        free_text: &[usize],
    ) {
        assert_damage_is_refused_by(
            &fields_of(value),
            |fields| decode::<T>(fields, test_stamp(), path).is_some(),
            free_text,
        );
    }

    /// [`assert_damage_is_refused`] of a line's `fields`, which `decodes` reads.
    pub(in crate::log) fn assert_damage_is_refused_by(
        fields: &str,
        decodes: impl Fn(&str) -> bool,
        free_text: &[usize],
    ) {
        assert!(decodes(fields));
        for cut in (0..fields.len()).filter(|&cut| fields.is_char_boundary(cut)) {
            assert!(!decodes(&fields[..cut]), "{cut}");
        }
        assert!(!decodes(&format!("{fields}{FIELD}more")));
        let split: Vec<&str> = fields.split(FIELD).collect();
        for at in 1..split.len() - 1 {
            if free_text.contains(&at) {
                continue;
            }
            let mut bad = split.clone();
            bad[at] = "x\u{1e}\u{1d}";
            assert!(!decodes(&bad.join("\u{1f}")), "field {at}");
        }
    }

    /// What a line's `fields` (after its key, stamped [`test_stamp`]) decode to.
    pub(in crate::log) fn decode_fields<'t, T: Cacheable<'t>>(
        fields: &'t str,
        path: &'t Path,
    ) -> Option<T> {
        decode(fields, test_stamp(), path)
    }

    #[test]
    fn a_line_is_read_only_for_the_stamp_it_was_written_with() {
        struct Title(String);
        impl Cacheable<'_> for Title {
            const NAME: &'static str = "titles";
            fn encode(&self, line: &mut Line) -> Option<()> {
                line.text(&self.0)
            }
            fn decode(fields: &mut Fields<'_>, _path: &'_ Path) -> Option<Title> {
                fields.text().map(Title)
            }
        }
        let path = Path::new("x.md");
        let fields = fields_of(&Title("Use a queue".into()));
        let read = |stamp| decode::<Title>(&fields, stamp, path).map(|t| t.0);
        assert_eq!(read(test_stamp()).as_deref(), Some("Use a queue"));
        let stamp = test_stamp();
        for changed in [
            FileStamp { size: 413, ..stamp },
            FileStamp {
                modified: stamp.modified + 1,
                ..stamp
            },
            FileStamp {
                changed: stamp.changed + 1,
                ..stamp
            },
            FileStamp { inode: 78, ..stamp },
        ] {
            assert_eq!(read(changed), None, "{changed:?}");
        }
    }

    #[test]
    fn links_of_every_kind_come_back_as_written() {
        struct Links(Vec<Link>);
        impl Cacheable<'_> for Links {
            const NAME: &'static str = "links";
            fn encode(&self, line: &mut Line) -> Option<()> {
                line.links(&self.0)
            }
            fn decode(fields: &mut Fields<'_>, _path: &Path) -> Option<Links> {
                fields.links().map(Links)
            }
        }
        let link = |kind: &str, target, place| Link {
            kind: kind.to_string(),
            target,
            label: format!("{kind} label"),
            line: 7,
            place,
        };
        let links = [
            link(
                "Supersedes",
                Target::File("0002-x.md#top".into()),
                Place::Status,
            ),
            link("", Target::Web("https://example.org/3".into()), Place::Body),
            link("Superseded by", Target::Number(11), Place::FrontMatter),
            link("Amends", Target::File(String::new()), Place::LinksSection),
        ];
        let path = Path::new("x.md");
        for count in 0..=links.len() {
            let value = Links(links[..count].to_vec());
            assert_eq!(round_trip(&value, path).map(|l| l.0), Some(value.0));
        }
        let odd = Links(vec![link("A\u{1d}B", Target::Number(1), Place::Body)]);
        assert!(round_trip(&odd, path).is_none(), "a separator in the text");
    }

    #[test]
    fn a_record_is_named_by_its_place_in_the_folder() {
        for (path, folder, name) in [
            ("docs/adr/0001-a.md", "docs/adr", Some("0001-a.md")),
            (
                "docs/adr/2022-02-07-x/README.md",
                "docs/adr",
                Some("2022-02-07-x/README.md"),
            ),
            ("./0001-a.md", ".", Some("0001-a.md")),
            ("docs/adr/0001-a.md", "docs/adr/", Some("0001-a.md")),
            ("docs/adr", "docs/adr", None),
            ("other/0001-a.md", "docs/adr", None),
        ] {
            assert_eq!(
                name_in_folder(Path::new(path), Path::new(folder)),
                name,
                "{path}"
            );
        }
    }

    #[test]
    fn a_change_just_before_the_cache_is_written_is_not_trusted() {
        let built: u128 = 10_000_000_000;
        for (modified, changed, racy) in [
            (1_000_000_000, 1_000_000_000, false),
            (1_000_000_000, 8_000_000_001, true),
            (8_000_000_000, 1_000_000_000, true),
            (7_999_999_999, 7_999_999_999, false),
        ] {
            let stamp = FileStamp {
                modified,
                changed,
                ..test_stamp()
            };
            assert_eq!(stamp.is_racy(built), racy, "{modified} {changed}");
        }
    }
}
