//! Text a log-wide command reads or writes for each of ten thousand records, made fast:
//! lines, their leading white space, a word in either case, dates and record numbers. `str::lines` finds each
//! newline with the standard library's portable search; `memchr` uses vector instructions
//! (4% fewer instructions for a `lint` of our records).

/// The English months' names, in lower case, January first: dates in records and times in
/// a lead's answers are read with them.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The lines of `text` without their `\n` or `\r\n`, as [`str::lines`] gives them.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(at) = memchr::memchr(b'\n', rest.as_bytes()) else {
            // A last line without a newline keeps a `\r`, as `str::lines` does.
            return Some(std::mem::take(&mut rest));
        };
        let line = &rest[..at];
        rest = &rest[at + 1..];
        // A byte test: `strip_suffix('\r')` compares through a `memcmp` call.
        Some(match line.as_bytes().last() {
            Some(b'\r') => &line[..line.len() - 1],
            _ => line,
        })
    })
}

/// `text.trim_start()`, without looking up a character's class when the first byte is
/// plainly not white space: most lines of a record start with a letter, a `#` or a `>`,
/// and a log-wide `lint` asks this of every line.
#[inline]
pub(crate) fn trim_start(text: &str) -> &str {
    match text.as_bytes().first() {
        Some(&byte) if byte.is_ascii() && !matches!(byte, b'\t'..=b'\r' | b' ') => text,
        _ => text.trim_start(),
    }
}

/// `text.trim_end()`, byte by byte while the end is ASCII: only a character of more than
/// one byte needs its class looked up.
#[inline]
pub(crate) fn trim_end(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed, carriage
    // return and space.
    while end > 0 && matches!(bytes[end - 1], b'\t'..=b'\r' | b' ') {
        end -= 1;
    }
    match end {
        0 => "",
        _ if bytes[end - 1].is_ascii() => &text[..end],
        _ => text[..end].trim_end(),
    }
}

/// `text.trim()`, as [`trim_start`] and [`trim_end`] read it: a log-wide command trims
/// the values, headings and lines of ten thousand records.
#[inline]
pub(crate) fn trim(text: &str) -> &str {
    trim_end(trim_start(text))
}

/// `text.trim().is_empty()`: nothing but white space, read from the end.
#[inline]
pub(crate) fn is_blank(text: &str) -> bool {
    trim_end(text).is_empty()
}

/// Where `needle` (ASCII) first occurs in `text`, its letters in either case: a search
/// without a lower-cased copy of the text.
pub(crate) fn find_ignoring_ascii_case(text: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    let first = needle.first()?;
    text.as_bytes().windows(needle.len()).position(|window| {
        window[0].eq_ignore_ascii_case(first) && window.eq_ignore_ascii_case(needle)
    })
}

/// A date as records and messages write it for people: "Thursday 14 January", with the
/// year when it is not `today`'s year.
pub(crate) fn human_date(date: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if date.year() == today.year() {
        date.format("%A %-d %B").to_string()
    } else {
        date.format("%A %-d %B %Y").to_string()
    }
}

/// A date as front matter, answers files and listings write it: `2026-12-11`. Written
/// digit by digit: chrono's formatting was nearly half of `decide list`'s table.
pub(crate) fn iso(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // chrono writes a sign and five digits or more: `+12345-01-01`.
        return date.format("%Y-%m-%d").to_string();
    }
    let (year, month, day) = (year.unsigned_abs(), date.month(), date.day());
    let digit = |value: u32| b'0' + (value % 10) as u8;
    let bytes = [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// A record number as record files and listings write it: at least four digits, `0007`.
/// Digit by digit, as [`iso`] writes dates: every row of a listing writes one, twice (to
/// measure the column, then to fill it).
pub(crate) fn four_digits(number: u32) -> String {
    let mut digits = [b'0'; 10];
    let start = decimal(number, &mut digits).min(digits.len() - 4);
    digits[start..].iter().map(|&b| char::from(b)).collect()
}

/// `number` in decimal at the end of `out`, as `write!(out, "{number}")` writes it, without
/// the formatter: a graph's label of each of ten thousand records has one.
pub(crate) fn push_number(out: &mut String, number: u32) {
    let mut digits = [b'0'; 10];
    let start = decimal(number, &mut digits);
    out.extend(digits[start..].iter().map(|&b| char::from(b)));
}

/// `number`'s digits written at the end of `digits`; the index of the first.
fn decimal(number: u32, digits: &mut [u8; 10]) -> usize {
    let mut start = digits.len();
    let mut rest = number;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            return start;
        }
    }
}

/// `text` with its first letter a capital ("accepted" → "Accepted"), the rest as written.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `part` of `whole` things, as a reader says it: "2 of the 3 items", "none of the 3
/// items", "both items", "all 3 items", "the one item", "not the one item"; never "0 of
/// the 1 things".
pub(crate) fn part_of(part: usize, whole: usize, one: &str, many: &str) -> String {
    match (part, whole) {
        (_, 1) if part >= 1 => format!("the one {one}"),
        (0, 1) => format!("not the one {one}"),
        (0, _) => format!("none of the {whole} {many}"),
        (2, 2) => format!("both {many}"),
        (p, w) if p >= w => format!("all {w} {many}"),
        (p, w) => format!("{p} of the {w} {many}"),
    }
}

/// Items said as parts of one sentence, joined by `separator` ("; "): each item's own
/// closing stop goes, so "book the course." and "pair with Priya." read "book the course;
/// pair with Priya", never "book the course.; pair with Priya.". A question or an
/// exclamation keeps its mark; the sentence's own stop comes after the last item.
pub(crate) fn join_clauses<S: AsRef<str>>(items: &[S], separator: &str) -> String {
    items
        .iter()
        .map(|item| {
            item.as_ref()
                .trim()
                .trim_end_matches(['.', ';', ','])
                .trim_end()
        })
        .filter(|item| !item.is_empty())
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_clauses_lose_their_own_stops() {
        let cases: &[(&[&str], &str)] = &[
            (&[], ""),
            (&["me: book the course."], "me: book the course"),
            (
                &[
                    "me: book the course.",
                    "Sam: pair with Priya on the exporter.",
                ],
                "me: book the course; Sam: pair with Priya on the exporter",
            ),
            (
                &["ship it;", " check the logs, "],
                "ship it; check the logs",
            ),
            (&["is it done?", "yes!"], "is it done?; yes!"),
            (&["v2.1", "."], "v2.1"),
        ];
        for (items, joined) in cases {
            assert_eq!(join_clauses(items, "; "), *joined, "{items:?}");
        }
    }

    #[test]
    fn lines_are_trimmed_as_the_standard_library_trims_them() {
        let mut texts: Vec<String> = (0u8..128)
            .map(|byte| format!("{}x ", char::from(byte)))
            .collect();
        texts.extend(
            [
                "",
                " ",
                "\u{a0}x",
                "\u{3000}x",
                "\u{85}x",
                "é",
                "\u{1c}x",
                "  # h",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(trim_start(text), text.trim_start(), "{text:?}");
        }
        // The same at the end, and both ends together.
        texts.extend((0u8..128).map(|byte| format!(" x{}", char::from(byte))));
        texts.extend(
            [
                "x\u{a0}",
                "x \u{3000}",
                "x\u{85} ",
                "\u{2029}",
                " \u{a0} ",
                "\t\r\n\x0b\x0c",
                "x\x1c",
                "caf\u{e9}",
                "caf\u{e9} \t",
                "\u{e9}",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(trim_end(text), text.trim_end(), "{text:?}");
            assert_eq!(trim(text), text.trim(), "{text:?}");
            assert_eq!(is_blank(text), text.trim().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_word_is_found_in_either_case_as_in_a_lower_cased_copy() {
        for text in [
            "",
            "super",
            "Superseded by [8](0008-x.md)",
            "these ranges are SUPERSEDED by [ADR 8](0008-x.md)",
            "\u{212a}\u{130}é superSeded ü",
            "supersedesuperseded",
            "sUpErSeDeD",
            "Ｓuperseded superseded",
        ] {
            assert_eq!(
                find_ignoring_ascii_case(text, "superseded").map(|at| &text[at..]),
                text.to_lowercase()
                    .find("superseded")
                    .map(|at| &text[text.len() - (text.to_lowercase().len() - at)..]),
                "{text:?}"
            );
        }
    }

    #[test]
    fn numbers_are_padded_as_the_formatter_pads_them() {
        for number in [0, 7, 42, 999, 1000, 9999, 10_000, 123_456, u32::MAX] {
            assert_eq!(four_digits(number), format!("{number:04}"));
            let mut out = String::from("x");
            push_number(&mut out, number);
            assert_eq!(out, format!("x{number}"));
        }
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        use chrono::NaiveDate;
        let mut dates = vec![NaiveDate::MIN, NaiveDate::MAX];
        for (year, month, day) in [
            (0, 1, 1),
            (9, 9, 9),
            (999, 12, 31),
            (2026, 12, 1),
            (2024, 2, 29),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-1, 6, 15),
        ] {
            dates.push(NaiveDate::from_ymd_opt(year, month, day).unwrap());
        }
        for date in dates {
            assert_eq!(iso(date), date.to_string(), "{date:?}");
            assert_eq!(iso(date), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn lines_are_split_as_the_standard_library_splits_them() {
        for text in [
            "",
            "\n",
            "\n\n",
            "one",
            "one\n",
            "one\ntwo",
            "one\r\ntwo\r\n",
            "one\r\n\r\ntwo",
            "a lone \r inside\n",
            "\r",
            "ends with a carriage return\r",
            "ümlaut\n日本語\r\n",
        ] {
            let ours: Vec<&str> = lines(text).collect();
            let std: Vec<&str> = text.lines().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }
}
