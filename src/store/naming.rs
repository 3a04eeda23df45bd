//! Names in the log: record numbers (or log4brains' dates) in file names, slugs from
//! titles, titles that look like paths.

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;

/// A path's file name, as [`Path::file_name`] gives it: borrowed where it is UTF-8, as
/// record names are, and empty where there is none. On Unix the name is what follows the
/// last `/`; `Path::file_name` parses every component to find it, which was a tenth of
/// listing a record.
pub(crate) fn file_name(path: &Path) -> Cow<'_, str> {
    if cfg!(unix) {
        let bytes = path.as_os_str().as_encoded_bytes();
        let start = memchr::memrchr(b'/', bytes).map_or(0, |at| at + 1);
        let name = &bytes[start..];
        // `a/.` and `a/b/` name `a` and `b`: the long way gives those.
        if !matches!(name, b"" | b"." | b"..")
            && let Ok(name) = std::str::from_utf8(name)
        {
            return Cow::Borrowed(name);
        }
    }
    path.file_name()
        .map_or(Cow::Borrowed(""), |name| name.to_string_lossy())
}

/// The extensions a record's file may have: Markdown's, and Docusaurus' MDX.
pub(crate) const RECORD_EXTENSIONS: [&str; 3] = [".md", ".mdx", ".markdown"];

/// `name` without its Markdown extension (`.md`, `.mdx`, `.markdown`), if it has one.
pub(crate) fn without_extension(name: &str) -> &str {
    RECORD_EXTENSIONS
        .iter()
        .find_map(|extension| name.strip_suffix(extension))
        .unwrap_or(name)
}

/// Whether `name` has a Markdown extension (`.md`, `.mdx`, `.markdown`).
pub(crate) fn is_markdown_name(name: &str) -> bool {
    RECORD_EXTENSIONS
        .iter()
        .any(|extension| name.ends_with(extension))
}

/// The pages that stand for a folder-per-record log's records (`2022-02-07-tracing/README.md`).
pub(crate) const FOLDER_PAGES: [&str; 2] = ["README.md", "index.md"];

/// The name a record goes by, its number or date and words: its file name, or for a
/// record kept as a folder's page (`2022-02-07-tracing/README.md`) the folder's name. Names
/// alone decide, with no `stat`: a log's own README sits in a folder named no record's.
pub(crate) fn record_name(path: &Path) -> Cow<'_, str> {
    let name = file_name(path);
    if FOLDER_PAGES.contains(&name.as_ref())
        && let Some(folder) = path.parent()
    {
        let folder_name = file_name(folder);
        if record_prefix(&folder_name) != Prefix::None {
            return folder_name;
        }
    }
    name
}

/// The folder of the log that lists the record at `path`: its parent, or for a record kept
/// as a folder's page, the folder's parent. Where an edit learns the log's style.
pub(crate) fn record_folder(path: &Path) -> Option<&Path> {
    let parent = path.parent()?;
    if record_name(path) == file_name(path) {
        Some(parent)
    } else {
        parent.parent()
    }
}

/// The number part of a record file name: `0007-use-postgres.md` → 7; and with the
/// prefix some logs give their records, `ADR-0007-…`, `adr-007-…` or `ODH-ADR-0007-…`;
/// `001_exchange_format.md` → 1. A name that starts with a date is no number:
/// `2022-07-21-build-tooling.md` is not record 2022.
pub(crate) fn record_number(file_name: &str) -> Option<u32> {
    match record_prefix(file_name) {
        Prefix::Number(number) => Some(number),
        _ => None,
    }
}

/// Whether `file_name` is named as a record is: by number or by date.
pub(crate) fn is_record_name(file_name: &str) -> bool {
    record_prefix(file_name) != Prefix::None
}

/// The number at the start of `file_name` (after an `ADR-` prefix): the number, the
/// prefix's length and how many digits it is written with, when a `-` or `_` follows.
fn number_part(file_name: &str) -> Option<(u32, usize, usize)> {
    // Most names start with their number: no prefix to look for.
    let prefix = if file_name.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        0
    } else {
        adr_prefix_len(file_name)
    };
    let rest = &file_name[prefix..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let separated = matches!(rest.as_bytes().get(digits), Some(b'-' | b'_'));
    // `adr-07.md`: a log that names its records by number alone. Only after an `ADR`
    // prefix, which says the file is a record: `404.md` or `2024.md` is some other page.
    let number_alone = prefix > 0 && matches!(&rest[digits..], "" | ".md");
    if digits == 0 || !(separated || number_alone) {
        return None;
    }
    Some((rest[..digits].parse().ok()?, prefix, digits))
}

/// A date at the very start of `bytes`, `YYYYMMDD` or `YYYY-MM-DD`, and how many bytes
/// it takes. Years outside 1900–2999 are not read as dates: such digits are a number.
fn date_at_start(bytes: &[u8]) -> Option<(NaiveDate, usize)> {
    let digits = |range: std::ops::Range<usize>| {
        let part = bytes.get(range)?;
        part.iter().all(u8::is_ascii_digit).then(|| {
            part.iter()
                .fold(0u32, |value, digit| value * 10 + u32::from(digit - b'0'))
        })
    };
    let year = digits(0..4)?;
    let (month, day, length) = if bytes.get(4) == Some(&b'-') {
        if bytes.get(7) != Some(&b'-') {
            return None;
        }
        (digits(5..7)?, digits(8..10)?, 10)
    } else {
        (digits(4..6)?, digits(6..8)?, 8)
    };
    if !(1900..3000).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).map(|date| (date, length))
}

/// The date a file name starts with, and how it is written there (`2022-07-21` or
/// `20220721`), when a `-` or `_` follows it.
pub(crate) fn date_prefix(file_name: &str) -> Option<(NaiveDate, &str)> {
    let (date, length) = date_at_start(file_name.as_bytes())?;
    matches!(file_name.as_bytes().get(length), Some(b'-' | b'_'))
        .then(|| (date, &file_name[..length]))
}

/// `text` when it is a date alone, as a user names the records of a day in a log named
/// by date: `20210312` or `2021-03-12`.
pub(crate) fn date_alone(text: &str) -> Option<NaiveDate> {
    date_at_start(text.as_bytes())
        .filter(|(_, length)| *length == text.len())
        .map(|(date, _)| date)
}

/// The words of a record's file name after its number or date and the separator, without
/// `.md`: `0007-use-postgres.md` → `use-postgres`, `2022-07-21_build_tooling.md` →
/// `build_tooling`; the whole stem for a name that is no record's.
pub(crate) fn name_words(file_name: &str) -> &str {
    let stem = without_extension(file_name);
    if let Some((_, length)) = date_at_start(stem.as_bytes()) {
        return match stem.as_bytes().get(length) {
            Some(b'-' | b'_') => &stem[length + 1..],
            _ => stem,
        };
    }
    match number_part(stem) {
        Some((_, prefix, digits)) => stem.get(prefix + digits + 1..).unwrap_or(""),
        None => stem,
    }
}

/// How the words of a slug are joined in a name whose words are `words`: `_` where they
/// are joined by `_` and never by `-` (`exchange_format`), else `-`.
fn joiner_of(words: &str) -> char {
    if words.contains('_') && !words.contains('-') {
        '_'
    } else {
        '-'
    }
}

/// `slug` (words joined by `-`) with its words joined by `joiner`.
fn joined(slug: &str, joiner: char) -> Cow<'_, str> {
    if joiner == '-' {
        Cow::Borrowed(slug)
    } else {
        Cow::Owned(slug.replace('-', &joiner.to_string()))
    }
}

/// How a log's numbered records are named: the prefix before the number (`ADR-`, or
/// nothing), how many digits the number is written with, the separator after it (`-`,
/// or `_` as in `001_exchange_format.md`) and what joins the slug's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumberStyle {
    pub prefix: String,
    pub width: usize,
    pub separator: char,
    pub joiner: char,
    /// Whether names carry the title's words: false in a log of `adr-07.md` names.
    pub words: bool,
}

impl Default for NumberStyle {
    fn default() -> NumberStyle {
        NumberStyle {
            prefix: String::new(),
            width: 4,
            separator: '-',
            joiner: '-',
            words: true,
        }
    }
}

impl NumberStyle {
    /// The style of the record file `file_name`, if it is a numbered record.
    pub(crate) fn of(file_name: &str) -> Option<NumberStyle> {
        if !matches!(record_prefix(file_name), Prefix::Number(_)) {
            return None;
        }
        let (_, prefix, digits) = number_part(file_name)?;
        let separator = file_name.as_bytes()[prefix + digits];
        Some(NumberStyle {
            prefix: file_name[..prefix].to_string(),
            width: digits,
            separator: if separator == b'_' { '_' } else { '-' },
            joiner: joiner_of(name_words(file_name)),
            words: separator != b'.',
        })
    }

    /// The file stem of record `number` titled `slug`: `0007-use-postgres`, `ADR-007-…`,
    /// `012_use_postgres`.
    pub(crate) fn stem(&self, number: u32, slug: &str) -> String {
        if !self.words {
            return format!("{}{number:0width$}", self.prefix, width = self.width.max(1));
        }
        format!(
            "{}{number:0width$}{}{}",
            self.prefix,
            self.separator,
            joined(slug, self.joiner),
            width = self.width.max(1)
        )
    }
}

/// How a log's records named by date are named: log4brains' `20210310-slug`, or
/// `2021-03-10-slug` and `2021-03-10_slug`, with the slug's words joined alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateStyle {
    pub dashes: bool,
    pub separator: char,
    pub joiner: char,
}

impl Default for DateStyle {
    /// log4brains' own form.
    fn default() -> DateStyle {
        DateStyle {
            dashes: false,
            separator: '-',
            joiner: '-',
        }
    }
}

impl DateStyle {
    /// The style of the record file `file_name`, if it is named by date.
    pub(crate) fn of(file_name: &str) -> Option<DateStyle> {
        let (_, written) = date_prefix(file_name)?;
        Some(DateStyle {
            dashes: written.len() == 10,
            separator: char::from(file_name.as_bytes()[written.len()]),
            joiner: joiner_of(name_words(file_name)),
        })
    }

    /// The file stem of a record of `date` titled `slug`: `20261203-slug`,
    /// `2026-12-03_slug`.
    pub(crate) fn stem(&self, date: NaiveDate, slug: &str) -> String {
        let day = if self.dashes {
            date.format("%Y-%m-%d")
        } else {
            date.format("%Y%m%d")
        };
        format!("{day}{}{}", self.separator, joined(slug, self.joiner))
    }
}

/// Whether a Markdown file in a log's folder is the log's own page rather than a record
/// named some other way: its README, index (Hugo's `_index.md`) or a template
/// (`template.md`, `adr-template.md`, `0000-template.md`).
pub(crate) fn is_log_page(file_name: &str) -> bool {
    let lower = file_name.to_ascii_lowercase();
    matches!(without_extension(&lower), "readme" | "index" | "_index") || lower.contains("template")
}

/// Whether a file named like a record is the log's own page: its number, then only
/// `index`, `readme` or `template` (`000-index.md`, `0000-template.md`). A record's name
/// says what was decided, never just that.
pub(crate) fn is_numbered_log_page(file_name: &str) -> bool {
    let stem = without_extension(file_name);
    if stem.len() == file_name.len() {
        return false;
    }
    // After an `ADR` prefix where the log's names have one (`adr000-template.md`).
    let stem = &stem[adr_prefix_len(file_name).min(stem.len())..];
    let words = stem.trim_start_matches(|c: char| c.is_ascii_digit());
    if words.len() == stem.len() {
        return false;
    }
    let word = words.trim_start_matches(['-', '_']);
    let zero = || stem[..stem.len() - words.len()].bytes().all(|b| b == b'0');
    word.len() + 1 == words.len()
        && (["index", "readme", "template"]
            .iter()
            .any(|page| word.eq_ignore_ascii_case(page))
            || zero() && is_tools_template(word))
}

/// `ladr-template` or `template-adr`: a template named for the tool whose records it
/// starts, as logs number theirs 0 (`0000-ladr-template.md`). `record-template` is not:
/// a log that titles its record 0 "Record template" keeps it as a record.
fn is_tools_template(words: &str) -> bool {
    let tool = |word: &str| {
        ["adr", "ladr", "madr", "nygard"]
            .iter()
            .any(|tool| word.eq_ignore_ascii_case(tool))
    };
    let mut parts = words.split(['-', '_']);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(first), Some(second), None) => {
            tool(first) && second.eq_ignore_ascii_case("template")
                || first.eq_ignore_ascii_case("template") && tool(second)
        }
        _ => false,
    }
}

/// The length of an `ADR-` prefix before a record's number: letters and `-` or `_` that
/// end in `ADR` (any case), with a `-` or `_` after it or not (`ADR-`, `adr_`, `ODH-ADR-`,
/// `ADR`), then a digit. 0 for any other name: `README-2-notes.md` is no record.
pub(super) fn adr_prefix_len(file_name: &str) -> usize {
    let bytes = file_name.as_bytes();
    // Most names start with their number: nothing to look for.
    if bytes.first().is_none_or(u8::is_ascii_digit) {
        return 0;
    }
    let Some(first_digit) = bytes.iter().position(u8::is_ascii_digit) else {
        return 0;
    };
    let prefix = &bytes[..first_digit];
    let letters = prefix
        .strip_suffix(b"-")
        .or_else(|| prefix.strip_suffix(b"_"))
        .unwrap_or(prefix);
    let well_formed = prefix
        .iter()
        .all(|b| b.is_ascii_alphabetic() || matches!(b, b'-' | b'_'));
    let ends_in_adr = letters.len() >= 3
        && letters[letters.len() - 3..].eq_ignore_ascii_case(b"adr")
        && (letters.len() == 3 || matches!(letters[letters.len() - 4], b'-' | b'_'));
    if well_formed && ends_in_adr {
        first_digit
    } else {
        0
    }
}

/// What a record's file name starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prefix {
    /// `0007-use-postgres.md`
    Number(u32),
    /// `20210310-use-markdown.md`: log4brains names records by date and slug.
    Date(NaiveDate),
    None,
}

/// `0007-…` and `001_…` → 7 and 1; `20210310-…`, `2021-03-10-…` and `2021-03-10_…` →
/// 10 March 2021: a full date at the start of a name is the record's date, never record
/// number twenty million or 2021.
pub(crate) fn record_prefix(file_name: &str) -> Prefix {
    let bytes = file_name.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        // `ADR-0007-…`, or no record.
        return number_part(file_name).map_or(Prefix::None, |(number, ..)| Prefix::Number(number));
    }
    // Only eight digits, or four with a `-` after them and after two more, can start a
    // date: a listing asks this of every name several times, and most start `0007-x`.
    if (digits == 8 || digits == 4 && bytes.get(4) == Some(&b'-') && bytes.get(7) == Some(&b'-'))
        && let Some((date, length)) = date_at_start(bytes)
    {
        // A date with no words after it (`2022-07-21.md`) names no record, but its year
        // is no record's number either.
        return match bytes.get(length) {
            Some(b'-' | b'_') => Prefix::Date(date),
            _ => Prefix::None,
        };
    }
    if !matches!(bytes.get(digits), Some(b'-' | b'_')) {
        return Prefix::None;
    }
    // Nine digits cannot overflow; a longer number is parsed, and refused when too big.
    // Folding the digits costs a fifth of what `parse` does, for every name of a listing.
    let number = if digits <= 9 {
        Some(
            bytes[..digits]
                .iter()
                .fold(0u32, |value, digit| value * 10 + u32::from(digit - b'0')),
        )
    } else {
        file_name[..digits].parse().ok()
    };
    number.map_or(Prefix::None, Prefix::Number)
}

/// Why `text` reads as a file path rather than a title, if it does. Slashes alone are
/// fine ("CI/CD runner"): the slug turns them into `-`.
pub(crate) fn path_like(text: &str) -> Option<&'static str> {
    let trimmed = text.trim();
    if trimmed.starts_with(['/', '\\', '~']) {
        return Some("it starts like a file path");
    }
    if trimmed.split(['/', '\\']).any(|part| part.trim() == "..") {
        return Some("it contains `..`, a path to a parent directory");
    }
    None
}

/// The longest slug: with the number and `.md`, a file name of at most 68 characters.
const SLUG_MAX: usize = 60;

/// Small words a slug can do without when it must be short: the title's meaning is in the
/// other words ("move orders MongoDB PostgreSQL").
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "into", "on", "onto", "at",
    "by", "for", "from", "with", "without", "as", "about", "over", "under", "than", "then",
    "through", "across", "after", "before", "during", "between", "within", "per", "vs", "versus",
    "via", "should", "shall", "will", "would", "could", "can", "must", "may", "we", "our", "us",
    "you", "your", "i", "it", "its", "is", "are", "be", "do", "does", "this", "that", "these",
    "those", "which", "whether", "what", "how", "why", "when",
];

/// A file-name slug: lowercase words joined by `-`, at most 60 characters. A title that
/// does not fit loses its small words first ("the", "from", "should"), then words from
/// the middle, so the slug keeps the title's first words and its last noun phrase ("…
/// to PostgreSQL"); a word is never cut, unless one word alone is longer than a slug.
/// Anything that is not a letter or digit (slashes, dots, control characters) becomes a
/// separator, so the name can never leave the log directory.
pub(crate) fn slug(title: &str) -> String {
    let lower: String = title.chars().flat_map(char::to_lowercase).collect();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let slug = fit(&words);
    if slug.is_empty() {
        "decision".to_string()
    } else {
        slug
    }
}

fn fit(words: &[&str]) -> String {
    let length = |words: &[&str]| {
        words.iter().map(|w| w.chars().count()).sum::<usize>() + words.len().saturating_sub(1)
    };
    if length(words) <= SLUG_MAX {
        return words.join("-");
    }
    let is_stop = |word: &str| STOP_WORDS.contains(&word);
    // The last noun phrase: the words after the title's last small word.
    let end = words.len() - words.iter().rev().take_while(|w| is_stop(w)).count();
    let start = words[..end]
        .iter()
        .rposition(|w| is_stop(w))
        .map_or(0, |i| i + 1);
    let tail: Vec<&str> = words[start..end].to_vec();
    let content: Vec<&str> = words.iter().copied().filter(|w| !is_stop(w)).collect();
    if length(&content) <= SLUG_MAX {
        return content.join("-");
    }
    let head_words = content.len() - tail.len();
    let mut kept: Vec<&str> = Vec::new();
    if length(&tail) < SLUG_MAX {
        for word in &content[..head_words] {
            let mut trial = kept.clone();
            trial.push(word);
            trial.extend(&tail);
            if length(&trial) > SLUG_MAX {
                break;
            }
            kept.push(word);
        }
        kept.extend(&tail);
        return kept.join("-");
    }
    // The noun phrase alone is too long: the first words that fit.
    for word in &content {
        let mut trial = kept.clone();
        trial.push(word);
        if length(&trial) > SLUG_MAX {
            break;
        }
        kept.push(word);
    }
    if kept.is_empty() {
        // One word longer than a slug: the only cut inside a word.
        return content[0].chars().take(SLUG_MAX).collect();
    }
    kept.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_a_number_alone_after_an_adr_prefix() {
        // (file name, its number, the next record's name in its style)
        for (name, number, next) in [
            ("adr-07.md", Some(7), "adr-08"),
            ("ADR-7.md", Some(7), "ADR-8"),
            ("adr07.md", Some(7), "adr08"),
            ("0007.md", None, ""),
            ("404.md", None, ""),
            ("adr-.md", None, ""),
            ("adr-07-use-rust.md", Some(7), "adr-08-use-rust"),
        ] {
            assert_eq!(record_number(name), number, "{name}");
            if let Some(number) = number {
                let style = NumberStyle::of(name).unwrap();
                assert_eq!(style.stem(number + 1, "use-rust"), next, "{name}");
            }
        }
        assert_eq!(name_words("adr-07.md"), "");
    }

    #[test]
    fn a_file_name_is_the_one_the_standard_library_finds() {
        for path in [
            "docs/decisions/0007-use-postgres.md",
            "0007-use-postgres.md",
            "/abs/olute/20210310-x.md",
            "docs/decisions/",
            "docs/decisions/.",
            "docs/..",
            "/",
            "",
            ".",
            "docs//two-slashes.md",
            "docs/ümlaut-日本.md",
        ] {
            let expected = Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            assert_eq!(file_name(Path::new(path)), expected, "{path:?}");
        }
    }

    #[test]
    fn slugs() {
        let cases = [
            ("Use PostgreSQL for orders", "use-postgresql-for-orders"),
            ("CI/CD: pick a runner", "ci-cd-pick-a-runner"),
            ("../../etc/passwd", "etc-passwd"),
            ("Tab\tand\nnewline", "tab-and-newline"),
            ("Données à migrer", "données-à-migrer"),
            ("!!!", "decision"),
            ("", "decision"),
        ];
        for (title, expected) in cases {
            assert_eq!(slug(title), expected, "{title:?}");
        }
        let long_titles = [
            (
                "Write records through a synced temporary file, a no-replace hard link",
                "write-records-synced-temporary-file-no-replace-hard-link",
            ),
            (
                "Should the orders service move from MongoDB to PostgreSQL before the peak season?",
                "orders-service-move-mongodb-postgresql-peak-season",
            ),
            (
                "Should the orders service move from MongoDB to the new managed PostgreSQL cluster in Frankfurt?",
                "orders-service-move-mongodb-new-managed-postgresql-frankfurt",
            ),
            (
                "Choose the message broker for order events, payment events and the shipping notifications to customers",
                "choose-message-broker-order-events-payment-events-customers",
            ),
        ];
        for (title, expected) in long_titles {
            let made = slug(title);
            assert_eq!(made, expected, "{title:?}");
            assert!(made.len() <= 60, "{made}");
        }
        // Short titles keep every word, as before: existing names do not change.
        assert_eq!(
            slug("Choose the database for the orders service"),
            "choose-the-database-for-the-orders-service"
        );
        let long = slug(&"word ".repeat(100));
        assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
        assert_eq!(slug(&"x".repeat(80)), "x".repeat(60));
    }

    #[test]
    fn path_like_titles() {
        for text in [
            "../../etc/passwd",
            "/etc/passwd",
            "~/notes",
            "a/../b",
            "..\\x",
        ] {
            assert!(path_like(text).is_some(), "{text}");
        }
        for text in [
            "CI/CD runner",
            "Use v2.. or v3",
            "Q3/Q4 roadmap",
            "...and then",
        ] {
            assert!(path_like(text).is_none(), "{text}");
        }
    }

    #[test]
    fn record_numbers() {
        assert_eq!(record_number("0007-use-postgres.md"), Some(7));
        assert_eq!(record_number("12-x.md"), Some(12));
        assert_eq!(record_number("README.md"), None);
        assert_eq!(record_number("0007.md"), None);
        for (name, number) in [
            ("ADR-0001-use-postgres.md", Some(1)),
            ("adr-012-cache.md", Some(12)),
            ("ODH-ADR-0003-x.md", Some(3)),
            ("adr_0004-x.md", Some(4)),
            ("ADR0005-x.md", Some(5)),
            ("README-2-notes.md", None),
            ("template-1-x.md", None),
            ("madr-1-x.md", None),
            ("ADR-x-1-y.md", None),
            // A number alone after the prefix: a log of `adr-07.md` names.
            ("ADR-0001.md", Some(1)),
            ("ADR.md", None),
        ] {
            assert_eq!(record_number(name), number, "{name}");
        }
        for (name, prefix, width, stem) in [
            ("0007-a.md", "", 4, "0012-next"),
            ("ADR-007-a.md", "ADR-", 3, "ADR-012-next"),
            ("ODH-ADR-0007-a.md", "ODH-ADR-", 4, "ODH-ADR-0012-next"),
            ("12-a.md", "", 2, "12-next"),
        ] {
            let style = NumberStyle::of(name).unwrap();
            assert_eq!(
                (style.prefix.as_str(), style.width),
                (prefix, width),
                "{name}"
            );
            assert_eq!(style.stem(12, "next"), stem, "{name}");
        }
        assert_eq!(NumberStyle::of("README.md"), None);
        let date = |y, m, d| Prefix::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let cases = [
            ("0007-use-postgres.md", Prefix::Number(7)),
            ("20210310-use-madr.md", date(2021, 3, 10)),
            ("20211340-not-a-date.md", Prefix::Number(20_211_340)),
            ("README.md", Prefix::None),
        ];
        for (name, prefix) in cases {
            assert_eq!(record_prefix(name), prefix, "{name}");
        }
    }

    /// Names as real logs write them, and what each says: a date at the start is the
    /// record's date whatever separates it from the words, never a number.
    #[test]
    fn names_by_date_and_by_number() {
        let date = |y, m, d| Prefix::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let cases = [
            (
                "2022-07-21-build-tooling.md",
                date(2022, 7, 21),
                "build-tooling",
            ),
            (
                "2022-07-21_build-tooling.md",
                date(2022, 7, 21),
                "build-tooling",
            ),
            (
                "2019-01-02_pick_a_queue.md",
                date(2019, 1, 2),
                "pick_a_queue",
            ),
            ("20210310_use-madr.md", date(2021, 3, 10), "use-madr"),
            ("20210310-use-madr.md", date(2021, 3, 10), "use-madr"),
            (
                "001_exchange_format.md",
                Prefix::Number(1),
                "exchange_format",
            ),
            ("ADR_012_cache_keys.md", Prefix::Number(12), "cache_keys"),
            ("adr-007_x.md", Prefix::Number(7), "x"),
            ("0007-use-postgres.md", Prefix::Number(7), "use-postgres"),
            // Not a date: the digits are a number, as they always were.
            ("2022-13-45-typo.md", Prefix::Number(2022), "13-45-typo"),
            (
                "0001-12-factor-config.md",
                Prefix::Number(1),
                "12-factor-config",
            ),
            ("1850-01-01-old.md", Prefix::Number(1850), "01-01-old"),
            // A date with nothing after it, or glued to the words, names no record.
            ("2022-07-21.md", Prefix::None, "2022-07-21"),
            ("2022-07-21build.md", Prefix::None, "2022-07-21build"),
            ("0007.md", Prefix::None, "0007"),
            // Numbers as wide as a u32 holds, and one past it.
            ("999999999-x.md", Prefix::Number(999_999_999), "x"),
            ("4294967295-x.md", Prefix::Number(u32::MAX), "x"),
            ("4294967296-x.md", Prefix::None, "4294967296-x"),
            ("notes_1.md", Prefix::None, "notes_1"),
            ("README.md", Prefix::None, "README"),
        ];
        for (name, prefix, words) in cases {
            assert_eq!(record_prefix(name), prefix, "{name}");
            assert_eq!(name_words(name), words, "{name}");
            let number = match prefix {
                Prefix::Number(number) => Some(number),
                _ => None,
            };
            assert_eq!(record_number(name), number, "{name}");
        }
        for (text, alone) in [
            ("20210312", NaiveDate::from_ymd_opt(2021, 3, 12)),
            ("2021-03-12", NaiveDate::from_ymd_opt(2021, 3, 12)),
            ("2021-03-12-x", None),
            ("2021031", None),
            ("12", None),
        ] {
            assert_eq!(date_alone(text), alone, "{text}");
        }
    }

    /// A new record is named in the form of the log's newest: its prefix, width and
    /// separator, and its words joined as that record joins them.
    #[test]
    fn new_names_follow_the_newest_record() {
        for (newest, stem) in [
            ("0007-a.md", "0012-use-the-cache"),
            ("ADR-007-a.md", "ADR-012-use-the-cache"),
            ("011_exchange_format.md", "012_use_the_cache"),
            ("011_exchange-format.md", "012_use-the-cache"),
            ("011_x.md", "012_use-the-cache"),
            ("12-a_b-c.md", "12-use-the-cache"),
            ("adr_11_pick_one.md", "adr_12_use_the_cache"),
        ] {
            let style = NumberStyle::of(newest).unwrap();
            assert_eq!(style.stem(12, "use-the-cache"), stem, "{newest}");
        }
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        for (newest, stem) in [
            ("20210310-use-madr.md", "20261203-use-the-cache"),
            ("2022-07-21-build-tooling.md", "2026-12-03-use-the-cache"),
            ("2022-07-21_build-tooling.md", "2026-12-03_use-the-cache"),
            ("2022-07-21_build_tooling.md", "2026-12-03_use_the_cache"),
        ] {
            let style = DateStyle::of(newest).unwrap();
            assert_eq!(style.stem(day, "use-the-cache"), stem, "{newest}");
            assert_eq!(NumberStyle::of(newest), None, "{newest}");
        }
        assert_eq!(DateStyle::of("0007-a.md"), None);
        assert_eq!(
            DateStyle::default().stem(day, "x"),
            "20261203-x",
            "log4brains' form"
        );
    }

    #[test]
    fn the_log_s_own_pages() {
        for name in [
            "README.md",
            "readme.md",
            "index.md",
            "_index.md",
            "template.md",
            "adr-template.md",
            "0000-template.md",
            "TEMPLATE-madr.md",
        ] {
            assert!(is_log_page(name), "{name}");
        }
        for name in ["adr-draft-b.md", "notes.md", "0001-a.md"] {
            assert!(!is_log_page(name), "{name}");
        }
        for name in [
            "000-index.md",
            "0000-TEMPLATE.md",
            "00_readme.md",
            "7-index.md",
            "adr000-template.md",
            "ADR-0000-template.md",
            "0000-ladr-template.md",
            "0000-ADR-Template.md",
            "000_template_madr.md",
            "0001-index.markdown",
            "0000-template.mdx",
        ] {
            assert!(is_numbered_log_page(name), "{name}");
        }
        for name in [
            "0007-add-an-index.md",
            "0000-record-template.md",
            "0003-ladr-template.md",
            "0000-ladr-template-notes.md",
            "index.md",
            "0001--index.md",
            "0001-indexes.md",
            "adr-template.md",
            "adr001-add-adr-log.md",
        ] {
            assert!(!is_numbered_log_page(name), "{name}");
        }
    }

    #[test]
    fn a_folder_s_page_goes_by_the_folder_s_name() {
        for (path, name, folder) in [
            ("log/0001-a.md", "0001-a.md", "log"),
            (
                "log/2022-02-07-tracing/README.md",
                "2022-02-07-tracing",
                "log",
            ),
            ("log/0007-cache/index.md", "0007-cache", "log"),
            // The log's own README, in a folder named no record's.
            ("docs/decisions/README.md", "README.md", "docs/decisions"),
            (
                "log/2022-02-07-tracing/notes.md",
                "notes.md",
                "log/2022-02-07-tracing",
            ),
        ] {
            assert_eq!(record_name(Path::new(path)), name, "{path}");
            assert_eq!(
                record_folder(Path::new(path)),
                Some(Path::new(folder)),
                "{path}"
            );
        }
    }

    #[test]
    fn markdown_extensions() {
        for (name, stem) in [
            ("0001-a.md", "0001-a"),
            ("0001-a.mdx", "0001-a"),
            ("0001-a.markdown", "0001-a"),
            ("0001-a.png", "0001-a.png"),
            ("2022-02-07-tracing", "2022-02-07-tracing"),
        ] {
            assert_eq!(without_extension(name), stem, "{name}");
            assert_eq!(is_markdown_name(name), stem != name, "{name}");
        }
        assert_eq!(name_words("0003-keep-times.mdx"), "keep-times");
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn slugs_are_safe_file_names(title in "\\PC{0,300}") {
                let slug = slug(&title);
                prop_assert!(!slug.is_empty());
                prop_assert!(slug.chars().count() <= 60);
                prop_assert!(slug.chars().all(|c| c == '-' || c.is_alphanumeric()), "{}", slug);
                prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{}", slug);
                prop_assert_eq!(super::super::slug(&slug), slug.clone(), "slugging is idempotent");
            }

            #[test]
            fn numbers_round_trip_through_file_names(number in 1u32..100_000, title in "[a-z ]{1,40}") {
                prop_assert_eq!(record_number(&format!("{number:04}-{}.md", slug(&title))), Some(number));
            }

        }
    }
}
