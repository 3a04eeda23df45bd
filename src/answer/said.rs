//! Dates inside the lead's own words ("admin screens by 2 March", "we launch next Friday"),
//! written as the rest of a record writes dates: "Tuesday 2 March 2027", with the year
//! when it is not the record's. They are read with the date answers' own rules (a weekday,
//! "next Friday", "Dec 11", "11 December 2027"); everything else in the text is kept as
//! typed, and so is a date that could be read two ways:
//!
//! * a day and month without a year more than a quarter away from today either way, unless
//!   a deadline word comes before it ("by 2 March", said in November, is next March; "the
//!   outage on 2 March" may be last March or next); within a quarter, it is the nearest
//!   such day ("on 4 January", said in December, is next month's; "on 20 November", said
//!   on 26 November, was last week);
//! * a weekday that is not the date's own ("Monday 2 March" when 2 March is a Tuesday);
//! * a bare weekday, unless a deadline word comes before it ("by Friday" is the coming
//!   Friday; "deploys on Friday" may be every Friday);
//! * numeric dates such as "3/2", which read differently on each side of the Atlantic.
//!
//! An ISO date (`2027-03-02`) is unambiguous already; records keep the lead's as typed, and
//! messages that go up or sideways flag it (`message::check`).

use chrono::{Datelike, NaiveDate, Weekday};

use crate::text::human_date;

/// A day and month without a year within this many days of today is read as that
/// occurrence: the one a year away is too far to be meant.
const NEAR_DAYS: i64 = 92;

/// Words after which a date is a deadline, so a day and month already past this year are
/// next year's, and a weekday is the coming one.
const DEADLINE_WORDS: &[&str] = &["by", "until", "till", "before", "due"];

/// One whitespace-separated word of the text: where it is, and its letters and digits
/// without the punctuation around them.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    /// Byte range of the core (the word without leading and trailing punctuation).
    start: usize,
    end: usize,
    core: &'a str,
    /// Punctuation after the core, before the next space ("," in "March 2, 2027").
    trailing: &'a str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for token in text.split_whitespace() {
        let offset = text[at..].find(token).map_or(at, |i| at + i);
        at = offset + token.len();
        let lead = token.len() - token.trim_start_matches(is_punctuation).len();
        let core = token
            .trim_start_matches(is_punctuation)
            .trim_end_matches(is_punctuation);
        let start = offset + lead;
        let end = start + core.len();
        out.push(Word {
            start,
            end,
            core,
            trailing: &text[end..at],
        });
    }
    out
}

fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '*'
            | '_'
            | '`'
    )
}

/// A day of the month as written: "2", "02", "2nd", "21st".
fn day(word: &Word<'_>) -> Option<u32> {
    let core = word.core.to_ascii_lowercase();
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| core.strip_suffix(suffix))
        .unwrap_or(&core);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A month's name or its short form; "May" only with its capital, as "may" is a verb.
fn month(word: &Word<'_>) -> Option<u32> {
    if word.core == "may" || word.core == "MAY" {
        return None;
    }
    let lower = word.core.to_ascii_lowercase();
    let lower = if lower == "sept" {
        "sep".to_string()
    } else {
        lower
    };
    crate::text::MONTH_NAMES
        .iter()
        .position(|name| *name == lower || (lower.len() == 3 && name.starts_with(&lower)))
        .map(|index| index as u32 + 1)
}

fn year(word: &Word<'_>) -> Option<i32> {
    (word.core.len() == 4 && word.core.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.core.parse().ok())
        .flatten()
}

/// A weekday's name, or its short form when `short` allows it ("Tue 2 March").
fn weekday(word: &Word<'_>, short: bool) -> Option<Weekday> {
    let lower = word.core.to_ascii_lowercase();
    let full = lower.ends_with("day") && lower.len() > 5;
    ((full || (short && lower.len() == 3)) && word.core.chars().next()?.is_uppercase())
        .then(|| lower.parse().ok())
        .flatten()
}

/// What a run of words says, and how many words it takes.
struct Found {
    date: NaiveDate,
    words: usize,
}

/// A day and a month, in either order, with the year when one follows: (month, day, year,
/// words taken). "2 March", "2nd of March 2027", "March 2", "March 2, 2027".
fn day_and_month(words: &[Word<'_>]) -> Option<(u32, u32, Option<i32>, usize)> {
    let first = words.first()?;
    let second = words.get(1)?;
    let year_at = |index: usize, after: &Word<'_>| {
        // "2 March, 2027" and "March 2, 2027" both take the year after a comma.
        let joined = after.trailing.is_empty() || after.trailing == ",";
        words
            .get(index)
            .filter(|_| joined)
            .and_then(year)
            .map_or((None, index), |y| (Some(y), index + 1))
    };
    if let Some(d) = day(first) {
        if !first.trailing.is_empty() {
            return None;
        }
        let (month_word, at) = if second.core.eq_ignore_ascii_case("of") {
            (words.get(2)?, 2)
        } else {
            (second, 1)
        };
        let m = month(month_word)?;
        let (y, taken) = year_at(at + 1, month_word);
        return Some((m, d, y, taken));
    }
    let m = month(first)?;
    if !first.trailing.is_empty() {
        return None;
    }
    let d = day(second)?;
    let (y, taken) = year_at(2, second);
    Some((m, d, y, taken))
}

/// The date the words at the start of `words` state, when they state one for certain.
/// `deadline`: a deadline word comes just before them.
fn date_at(words: &[Word<'_>], today: NaiveDate, deadline: bool, iso: bool) -> Option<Found> {
    let first = words.first()?;
    if let Ok(date) = NaiveDate::parse_from_str(first.core, "%Y-%m-%d") {
        return iso.then_some(Found { date, words: 1 });
    }
    let lower = first.core.to_ascii_lowercase();
    if matches!(lower.as_str(), "next" | "this" | "coming")
        && first.trailing.is_empty()
        && let Some(second) = words.get(1)
        && weekday(second, false).is_some()
        && day_and_month(&words[2..]).is_none()
    {
        let said = format!("{lower} {}", second.core.to_ascii_lowercase());
        let date = super::weekday_date(&said, today)?;
        return Some(Found { date, words: 2 });
    }
    // A weekday before a date must be that date's; a weekday alone is a date after a
    // deadline word only.
    let named = weekday(first, true).filter(|_| first.trailing.is_empty() || first.trailing == ",");
    let rest = if named.is_some() { &words[1..] } else { words };
    let Some((m, d, y, taken)) = day_and_month(rest) else {
        let alone = weekday(first, false)?;
        if !deadline {
            return None;
        }
        let date = super::weekday_date(&alone.to_string().to_lowercase(), today)?;
        return Some(Found { date, words: 1 });
    };
    let taken = taken + usize::from(named.is_some());
    let candidates: Vec<NaiveDate> = match y {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d).into_iter().collect(),
        None => [today.year() - 1, today.year(), today.year() + 1]
            .iter()
            .filter_map(|&y| NaiveDate::from_ymd_opt(y, m, d))
            .collect(),
    };
    let distance = |date: &NaiveDate| (*date - today).num_days().abs();
    let date = match (named, y) {
        // The weekday says which year: the nearest date that falls on it.
        (Some(named), _) => candidates
            .into_iter()
            .filter(|c| c.weekday() == named)
            .min_by_key(distance)?,
        (None, Some(_)) => candidates.into_iter().next()?,
        // Without a year: the nearest such day when it is within a quarter of today
        // (the others are then most of a year away); after a deadline word, the next one.
        (None, None) => {
            let nearest = candidates.iter().copied().min_by_key(distance)?;
            if distance(&nearest) <= NEAR_DAYS {
                nearest
            } else if deadline {
                candidates.into_iter().find(|c| *c >= today)?
            } else {
                return None;
            }
        }
    };
    Some(Found { date, words: taken })
}

/// `text` with every date it states for certain written as records write dates ("Tuesday
/// 2 March 2027"), counted from `today` (the record's date). See the module's notes for
/// what is kept as typed.
/// ISO dates (`2027-03-02`) are rewritten only when `iso`.
pub(crate) fn dates_as_said(text: &str, today: NaiveDate, iso: bool) -> String {
    let words = words(text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    let mut index = 0;
    while index < words.len() {
        let deadline = index > 0
            && words[index - 1].trailing.is_empty()
            && DEADLINE_WORDS.contains(&words[index - 1].core.to_ascii_lowercase().as_str());
        match date_at(&words[index..], today, deadline, iso) {
            Some(found) if (1..=9999).contains(&found.date.year()) => {
                let last = &words[index + found.words - 1];
                out.push_str(&text[copied..words[index].start]);
                out.push_str(&human_date(found.date, today));
                copied = last.end;
                index += found.words;
            }
            _ => index += 1,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Every string in `value` (a template context's answers or facts, keys of mappings
/// included, so an answer looked up by an item still finds it) with its dates written as
/// [`dates_as_said`] writes them. A string that is only an ISO date stays one: front matter
/// and file names need it so. `iso`: ISO dates inside text are rewritten too.
pub(crate) fn dates_as_said_in(value: &mut serde_json::Value, today: NaiveDate, iso: bool) {
    use serde_json::Value as Json;
    match value {
        Json::String(text) if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_err() => {
            let said = dates_as_said(text, today, iso);
            if said != *text {
                *text = said;
            }
        }
        Json::Array(items) => {
            for item in items {
                dates_as_said_in(item, today, iso);
            }
        }
        Json::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut item) in entries {
                dates_as_said_in(&mut item, today, iso);
                let key = if NaiveDate::parse_from_str(&key, "%Y-%m-%d").is_ok() {
                    key
                } else {
                    dates_as_said(&key, today, iso)
                };
                map.insert(key, item);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (typed, as a record writes it), on Thursday 26 November 2026.
    #[test]
    fn dates_in_the_lead_s_words_are_written_as_records_write_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let cases = [
            (
                "keep the date, admin screens by 2 March",
                "keep the date, admin screens by Tuesday 2 March 2027",
            ),
            (
                "the rest by March 2, 2027, then the reports",
                "the rest by Tuesday 2 March 2027, then the reports",
            ),
            (
                "admin screens by 2nd of March.",
                "admin screens by Tuesday 2 March 2027.",
            ),
            ("launch on 15 December", "launch on Tuesday 15 December"),
            ("launch on Dec 15", "launch on Tuesday 15 December"),
            (
                "launch on Tuesday 15 December",
                "launch on Tuesday 15 December",
            ),
            ("launch on Tue, 15 Dec", "launch on Tuesday 15 December"),
            (
                "admin screens on Tuesday 2 March",
                "admin screens on Tuesday 2 March 2027",
            ),
            ("we launch next Friday", "we launch Friday 4 December"),
            ("we launch this Friday", "we launch Friday 27 November"),
            ("(by Friday)", "(by Friday 27 November)"),
            ("go live 2027-03-02", "go live Tuesday 2 March 2027"),
            (
                "**Everything by Thursday 7 January 2027.**",
                "**Everything by Thursday 7 January 2027.**",
            ),
            (
                "Tuesday 23 February 2027 holds",
                "Tuesday 23 February 2027 holds",
            ),
            ("by 11 December 2027", "by Saturday 11 December 2027"),
            ("ship on 4 January", "ship on Monday 4 January 2027"),
            (
                "the outage on 20 November",
                "the outage on Friday 20 November",
            ),
            // Kept as typed: not a date, or not one for certain.
            ("the outage on 3 March", "the outage on 3 March"),
            ("Monday 2 March", "Monday 2 March"),
            ("deploys on Friday", "deploys on Friday"),
            ("every Friday", "every Friday"),
            ("by 3/2", "by 3/2"),
            ("2 weeks and 3 days", "2 weeks and 3 days"),
            ("in 2 weeks", "in 2 weeks"),
            ("it may 2 times the load", "it may 2 times the load"),
            ("early March", "early March"),
            ("March 2027", "March 2027"),
            ("by 31 February", "by 31 February"),
            ("the next release", "the next release"),
            ("version 2 of March's plan", "version 2 of March's plan"),
            ("", ""),
        ];
        for (typed, written) in cases {
            assert_eq!(dates_as_said(typed, today, true), written, "{typed}");
        }
    }

    #[test]
    fn a_context_keeps_its_iso_dates_and_its_lookups() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut context = serde_json::json!({
            "due": "2027-01-14",
            "option_c": "admin screens by 2 March",
            "items": ["answers by 2 March", 3],
            "owners": { "answers by 2 March": "Ana" },
        });
        dates_as_said_in(&mut context, today, true);
        let mut facts = serde_json::json!({ "chart": "Week to 2026-11-19: 80%" });
        dates_as_said_in(&mut facts, today, false);
        assert_eq!(facts["chart"], "Week to 2026-11-19: 80%");
        assert_eq!(
            context,
            serde_json::json!({
                "due": "2027-01-14",
                "option_c": "admin screens by Tuesday 2 March 2027",
                "items": ["answers by Tuesday 2 March 2027", 3],
                "owners": { "answers by Tuesday 2 March 2027": "Ana" },
            })
        );
    }
}
