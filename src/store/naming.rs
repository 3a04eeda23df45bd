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

/// The number part of a record file name: `0007-use-postgres.md` → 7; and with the
/// prefix some logs give their records, `ADR-0007-…`, `adr-007-…` or `ODH-ADR-0007-…`.
pub(crate) fn record_number(file_name: &str) -> Option<u32> {
    let rest = &file_name[adr_prefix_len(file_name)..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || !rest[digits..].starts_with('-') {
        return None;
    }
    rest[..digits].parse().ok()
}

/// How a log's numbered records are named: the prefix before the number (`ADR-`, or
/// nothing) and how many digits the number is written with (at least four).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumberStyle {
    pub prefix: String,
    pub width: usize,
}

impl Default for NumberStyle {
    fn default() -> NumberStyle {
        NumberStyle {
            prefix: String::new(),
            width: 4,
        }
    }
}

impl NumberStyle {
    /// The style of the record file `file_name`, if it is a numbered record.
    pub(crate) fn of(file_name: &str) -> Option<NumberStyle> {
        record_number(file_name)?;
        let prefix = &file_name[..adr_prefix_len(file_name)];
        let digits = file_name[prefix.len()..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        Some(NumberStyle {
            prefix: prefix.to_string(),
            width: digits,
        })
    }

    /// The file stem of record `number` titled `slug`: `0007-use-postgres`, `ADR-007-…`.
    pub(crate) fn stem(&self, number: u32, slug: &str) -> String {
        format!(
            "{}{number:0width$}-{slug}",
            self.prefix,
            width = self.width.max(1)
        )
    }
}

/// The length of an `ADR-` prefix before a record's number: letters and `-` or `_` that
/// end in `ADR` (any case), with a `-` or `_` after it or not (`ADR-`, `adr_`, `ODH-ADR-`,
/// `ADR`), then a digit. 0 for any other name: `README-2-notes.md` is no record.
fn adr_prefix_len(file_name: &str) -> usize {
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

/// `0007-…` → 7; `20210310-…` → 10 March 2021 (eight digits that make a date are a date,
/// not record number twenty million).
pub(crate) fn record_prefix(file_name: &str) -> Prefix {
    let digits = file_name.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 8 && file_name[digits..].starts_with('-') {
        let number = |range: std::ops::Range<usize>| file_name[range].parse::<u32>().ok();
        if let (Some(year), Some(month), Some(day)) = (number(0..4), number(4..6), number(6..8))
            && (1900..3000).contains(&year)
            && let Some(date) = NaiveDate::from_ymd_opt(year as i32, month, day)
        {
            return Prefix::Date(date);
        }
    }
    record_number(file_name).map_or(Prefix::None, Prefix::Number)
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
            ("ADR-0001.md", None),
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
