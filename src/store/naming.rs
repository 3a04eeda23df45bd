//! Names in the log: record numbers (or log4brains' dates) in file names, slugs from
//! titles, titles that look like paths.

use chrono::NaiveDate;

/// The number part of a record file name: `0007-use-postgres.md` → 7.
pub(crate) fn record_number(file_name: &str) -> Option<u32> {
    let digits: String = file_name.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || !file_name[digits.len()..].starts_with('-') {
        return None;
    }
    digits.parse().ok()
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

/// A file-name slug: lowercase words joined by `-`, at most 50 characters, cut at a word.
/// Anything that is not a letter or digit (slashes, dots, control characters) becomes a
/// separator, so the name can never leave the log directory.
pub(crate) fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    const MAX: usize = 50;
    if slug.chars().count() > MAX {
        let cut: String = slug.chars().take(MAX).collect();
        slug = match cut.rfind('-') {
            Some(index) if index > MAX / 2 => cut[..index].to_string(),
            _ => cut,
        };
        // A name cut short should not end on "-a" or "-with".
        const DANGLING: &[&str] = &[
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "with", "for", "by", "as",
            "under",
        ];
        while let Some((head, last)) = slug.rsplit_once('-') {
            if !DANGLING.contains(&last) {
                break;
            }
            slug = head.to_string();
        }
    }
    if slug.is_empty() {
        "decision".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            slug("Write records through a synced temporary file, a no-replace hard link"),
            "write-records-through-a-synced-temporary-file"
        );
        let long = slug(&"word ".repeat(100));
        assert!(long.len() <= 50 && !long.ends_with('-'), "{long}");
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
                prop_assert!(slug.chars().count() <= 50);
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
