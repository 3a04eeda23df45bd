//! Whether a message can be sent as it is. "Ready to send" is a promise: it is printed only
//! when nothing below finds a problem, and each problem says what to change.
//!
//! - Nothing a template left behind: a missing value rendered as text ("by None", "NaN"),
//!   template marks, an empty greeting.
//! - Grammar that word substitution can break: "a" or "an" before the wrong sound, doubled
//!   articles ("the the", "a the"), a greeting with an article ("Hi the leadership team").
//! - Upward: the word budget, no file paths, no ISO dates, no talk about the record itself.
//! - Outside the team: the jargon check, with the reader named as they are.
//! - The coach's own open warnings for this run ("check both estimates before you send
//!   numbers upward"): a message is not ready while one stands.

use super::{Audience, body_words};
use crate::coach::words::{self, WordList};
use crate::message::from_record::Brief;

/// How a record marks a coach's warning that means the answers look wrong: a list item
/// `Check first: ...`. `decide message` reads these back, so a message from the record is
/// no more ready to send than the one `decide new` printed.
pub(crate) const CHECK_FIRST: &str = "Check first: ";

/// Words a template prints when a value is missing.
const PLACEHOLDERS: &[&str] = &["None", "null", "undefined", "NaN", "inf", "Some"];

/// Everything that stops `text` being sent to `to` as it is, one line each. `open` are the
/// coach's warnings for the run the message comes from, already worded for the lead.
pub(crate) fn problems(
    text: &str,
    to: Audience,
    jargon: &WordList,
    open: &[String],
) -> Vec<String> {
    let mut found = leftovers(text);
    found.extend(grammar(text));
    if let Some(budget) = to.word_budget() {
        let words = body_words(text);
        if words > budget {
            found.push(format!(
                "it is {words} words; a message to {} keeps to {budget}",
                to.key()
            ));
        }
    }
    if to == Audience::Stakeholders {
        found.extend(upward(text));
        found.extend(asks_without_a_date(text));
    }
    if to.needs_plain_words() {
        found.extend(plain_words(text, to, jargon));
    }
    found.extend(
        open.iter()
            .map(|warning| format!("the coach's warning stands: {warning}")),
    );
    found
}

/// The check-first warnings a record carries (`Check first: ...` items, in any section).
pub(crate) fn open_in_record(brief: &Brief) -> Vec<String> {
    brief
        .sections
        .values()
        .flat_map(|section| section.items.iter())
        .filter_map(|item| item.strip_prefix(CHECK_FIRST))
        .map(str::to_string)
        .collect()
}

/// A proposal whose time-box has ended: what it says it will find out "by" then can no
/// longer be true, so it is finished (or extended) before anything goes out.
pub(crate) fn time_box_ended(brief: &Brief, address: &str) -> Option<String> {
    let ends = brief
        .front
        .get("decide-by")
        .and_then(|date| chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())?;
    if brief.outcome != "investigate" || ends > brief.today {
        return None;
    }
    let when = if ends == brief.today {
        "ends today".to_string()
    } else {
        format!(
            "ended on {}",
            crate::coach::units::human_date(ends, brief.today)
        )
    };
    Some(format!(
        "the time-box {when}: finish the decision (or extend it once) with `decide review {address}` first, then send what it says"
    ))
}

/// An ask ("We need ...", "Please ...") the reader cannot act on in time: it says no day
/// a reader would recognise ("soon", "by 12/11", nothing at all), so it is answered next
/// month, or read as a date already past. "Until we decide" points at the date the message
/// gives.
fn asks_without_a_date(text: &str) -> Vec<String> {
    text.split_inclusive(['.', '?', '!', '\n'])
        .map(str::trim)
        .filter(|sentence| {
            ["We need ", "Please ", "I need "]
                .iter()
                .any(|ask| sentence.starts_with(ask))
        })
        .filter(|sentence| !names_a_day(sentence))
        .map(|sentence| {
            format!(
                "the ask \"{sentence}\" says no day the reader can act on: say by when, e.g. \"by Friday 11 December\""
            )
        })
        .collect()
}

/// Whether `sentence` names a day a reader can act on: a weekday, a date ("Dec 11",
/// "11 December"), "today", a period that is a time ("this week", "next month", "in two
/// weeks", "the end of the quarter"), or a pointer to one the message gives ("until we
/// decide", "by then"). A rate ("900 euros a month"), "may" the verb, or "12/11" is none.
fn names_a_day(sentence: &str) -> bool {
    const POINTERS: &[&str] = &["until", "then", "meantime"];
    const PERIODS: &[&str] = &["week", "weeks", "month", "months", "quarter"];
    const BEFORE_PERIOD: &[&str] = &["this", "next", "the", "within", "in"];
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    words.iter().enumerate().any(|(at, word)| {
        let before = at.checked_sub(1).map(|i| words[i]);
        let two_before = at.checked_sub(2).map(|i| words[i]);
        let after = words.get(at + 1).copied();
        let next_to_number = before.is_some_and(number) || after.is_some_and(number);
        if POINTERS.contains(word) {
            return true;
        }
        if PERIODS.contains(word) {
            // "this week", "in 2 weeks", "within a month"; not "900 euros a month".
            return before.is_some_and(|b| BEFORE_PERIOD.contains(&b))
                || (before.is_some_and(|b| number(b) || matches!(b, "a" | "two" | "three"))
                    && two_before.is_some_and(|b| matches!(b, "in" | "within")));
        }
        if !crate::phrase::is_time_word(word) {
            return false;
        }
        // A short month ("Dec", "may" the verb) counts next to a day, or after "by", "in",
        // "until", "before" or "of".
        let short = word.len() <= 4 && !matches!(*word, "june" | "july");
        !short
            || next_to_number
            || before.is_some_and(|b| matches!(b, "by" | "in" | "until" | "before" | "of"))
    })
}

/// Values a template could not fill.
fn leftovers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '_') {
        if PLACEHOLDERS.contains(&word) && !is_ordinary_none(text, word) {
            found.push(format!("\"{word}\" is a missing value printed as text"));
        }
    }
    for mark in ["{{", "}}", "{%", "%}"] {
        if text.contains(mark) {
            found.push(format!("\"{mark}\" is template syntax left in the text"));
        }
    }
    found.sort();
    found.dedup();
    found
}

/// "None of us" and "Some of the work" are English, not a missing value; a value that
/// leaked prints as "Some(3)", so "Some invoices" is English too.
fn is_ordinary_none(text: &str, word: &str) -> bool {
    if word == "null" {
        // "null issues", "null warnings": an adjective before its noun, not a value.
        return text.match_indices(word).all(|(at, _)| {
            let after = &text[at + word.len()..];
            // Inside a longer word ("#nullable") it is no value at all.
            let inside = text[..at].ends_with(char::is_alphanumeric)
                || after.starts_with(char::is_alphanumeric);
            inside
                || after.starts_with(' ')
                    && after[1..].starts_with(|c: char| c.is_lowercase())
                    && !after[1..].starts_with("and ")
                    && !after[1..].starts_with("or ")
        });
    }
    if !matches!(word, "None" | "Some") {
        return false;
    }
    if word == "Some" {
        return text
            .match_indices(word)
            .all(|(at, _)| !text[at + word.len()..].starts_with('('));
    }
    text.match_indices(word).all(|(at, _)| {
        let after = &text[at + word.len()..];
        after.starts_with(" of ") || after.starts_with(" people") || after.starts_with(" teams")
    })
}

/// Grammar that substituted words break.
fn grammar(text: &str) -> Vec<String> {
    let mut found: Vec<String> = words::article_problems(text)
        .into_iter()
        .map(|p| format!("it reads wrong: {p}"))
        .collect();
    let raw: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = raw
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    const ARTICLES: &[&str] = &["a", "an", "the"];
    // Words that already say which one: an article after them is a substitution gone wrong
    // ("the next a switch").
    const DETERMINERS: &[&str] = &[
        "this", "these", "those", "our", "your", "their", "my", "its", "each", "every", "next",
    ];
    for (index, pair) in lower.windows(2).enumerate() {
        // "Hi Priya,\n\nPriya and Tom are ...": a word that ends a clause is not doubled by
        // the next one.
        let ends_clause = raw[index].ends_with([',', '.', ';', ':', '!', '?']);
        let doubled = !ends_clause
            && pair[0] == pair[1]
            && !pair[0].is_empty()
            && !ARTICLES.contains(&pair[0].as_str())
            && !matches!(pair[0].as_str(), "had" | "that");
        let determined = DETERMINERS.contains(&pair[0].as_str())
            && matches!(pair[1].as_str(), "a" | "an" | "the");
        if doubled || determined {
            found.push(format!(
                "\"{} {}\" reads wrong: one word too many",
                pair[0], pair[1]
            ));
        }
    }
    if let Some(first) = text.lines().next() {
        let greeting = first.trim();
        let named = greeting
            .strip_prefix("Hi ")
            .or_else(|| greeting.strip_prefix("Hello "));
        if let Some(name) = named.and_then(|n| n.strip_suffix(',')) {
            let first_word = name
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_lowercase();
            if name.trim().is_empty() || ARTICLES.contains(&first_word.as_str()) {
                found.push(format!(
                    "the greeting \"{greeting}\" reads wrong: greet a person or \"Hi all,\""
                ));
            }
        }
    }
    found
}

/// What an upward message must not carry.
fn upward(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | ':' | '"'));
        let word = word.trim_end_matches('.');
        if is_iso_date(word) {
            found.push(format!(
                "\"{word}\" is a date as a file writes it: say \"Tuesday 8 December\""
            ));
        } else if looks_like_path(word) {
            found.push(format!(
                "\"{word}\" is a file path: the reader cannot open it"
            ));
        }
    }
    let lower = text.to_lowercase();
    for talk in [
        "the record",
        "this record",
        "decision record",
        "adr-",
        "decide review",
        "decide message",
    ] {
        // As words: "the recording" is not "the record". A shortened decision says where
        // the rest of it is ("and two more reasons in the decision record"), after saying
        // what was decided: that is not talk in its place.
        let said = lower.match_indices(talk).any(|(at, _)| {
            let end = at + talk.len();
            // The clause with the mark that opens it: "; the details are in the decision
            // record" goes on a sentence that said what was decided.
            let clause = lower[..at].rfind([';', ':', '.', '\n']).unwrap_or(0);
            lower[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
                && !super::budget::points_to_the_rest(&lower[clause..end])
        });
        if said {
            found.push(format!(
                "\"{talk}\" is talk about our records: say what was decided instead"
            ));
        }
    }
    found
}

fn is_iso_date(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

fn looks_like_path(word: &str) -> bool {
    // "server / library": a slash alone is punctuation.
    if !word.chars().any(char::is_alphanumeric) {
        return false;
    }
    let has_separator = word.contains('/') || word.contains('\\');
    let file_name = [".md", ".yaml", ".yml", ".rs", ".txt", ".json"]
        .iter()
        .any(|ext| word.to_lowercase().ends_with(ext));
    (has_separator && (file_name || word.starts_with(['/', '~', '.'])))
        || (file_name && word.contains(['-', '_']))
}

/// The jargon check, addressed to the reader the message is for.
fn plain_words(text: &str, to: Audience, jargon: &WordList) -> Vec<String> {
    let reader = match to {
        Audience::Stakeholders => ("a stakeholder", "stakeholders"),
        // Engineers, in the team or leading another: technical names are theirs; notes to
        // yourself may use any word you know.
        Audience::Team | Audience::Peers | Audience::Yourself => return Vec::new(),
    };
    jargon.check(text).advice_for(reader)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, to: Audience) -> Vec<String> {
        problems(text, to, &words::embedded(), &[])
    }

    #[test]
    fn a_clean_message_has_no_problems() {
        let text = "The dashboard is slow. We found the cause. The fix is straightforward - about 2 days of work - and will bring load times from 3 seconds down to under 200 milliseconds.\n";
        assert_eq!(check(text, Audience::Stakeholders), Vec::<String>::new());
        let asks = "We need your OK on the budget by Friday 11 December. Please answer by the end of the month. We need it within 2 weeks. We need a yes by May. We need it by Dec 11. I need your answer today.\n";
        assert_eq!(check(asks, Audience::Stakeholders), Vec::<String>::new());
    }

    #[test]
    fn each_kind_of_problem_is_found() {
        let cases: &[(&str, Audience, &str)] = &[
            (
                "We decide by None.",
                Audience::Team,
                "\"None\" is a missing value",
            ),
            ("It saves NaN days.", Audience::Team, "\"NaN\""),
            ("We decide by null.", Audience::Team, "\"null\""),
            (
                "We've chosen a contractor. We need finance to approve the budget by 12/11.",
                Audience::Stakeholders,
                "says no day the reader can act on",
            ),
            (
                "We've chosen it. We need finance to approve 900 euros a month by 12/11.",
                Audience::Stakeholders,
                "says no day the reader can act on",
            ),
            (
                "We've chosen it. We need you to say whether we may start.",
                Audience::Stakeholders,
                "says no day the reader can act on",
            ),
            (
                "We've chosen a contractor. Please approve the budget soon.",
                Audience::Stakeholders,
                "the ask \"Please approve the budget soon.\"",
            ),
            ("It saves Some(3) days.", Audience::Team, "\"Some\""),
            (
                "It saves {{ days }} days.",
                Audience::Team,
                "template syntax",
            ),
            (
                "Once it's done, the next a switch is quick.",
                Audience::Team,
                "\"next a\"",
            ),
            ("because of an the page", Audience::Team, "doubled article"),
            (
                "Hi the leadership team,\n\nAll good.",
                Audience::Stakeholders,
                "the greeting",
            ),
            (
                "Details are in docs/decisions/0001-use-x.md.",
                Audience::Stakeholders,
                "file path",
            ),
            (
                "We decide by 2026-12-11.",
                Audience::Stakeholders,
                "a date as a file writes it",
            ),
            (
                "See the record for details.",
                Audience::Stakeholders,
                "talk about our records",
            ),
            (
                "We move to PostgreSQL.",
                Audience::Stakeholders,
                "a stakeholder may not know",
            ),
        ];
        for (text, to, expected) in cases {
            let found = check(text, *to);
            assert!(
                found.iter().any(|p| p.contains(expected)),
                "{text:?} to {}: expected {expected:?} in {found:?}",
                to.key()
            );
        }
    }

    #[test]
    fn english_is_not_mistaken_for_a_problem() {
        let cases: &[(&str, Audience)] = &[
            ("None of the customers noticed.", Audience::Stakeholders),
            ("Some of the work moves to January.", Audience::Stakeholders),
            ("Some invoices go out twice.", Audience::Stakeholders),
            ("We move to PostgreSQL.", Audience::Team),
            ("We move to PostgreSQL.", Audience::Peers),
            ("Hi Dana,\n\nThe date holds.", Audience::Stakeholders),
            (
                "It's an hour of work, a UI change and an API call.",
                Audience::Team,
            ),
            ("CI/CD runs as before.", Audience::Team),
            (
                "Hi Priya,\n\nPriya and Tom are working it out.",
                Audience::Team,
            ),
            (
                "We're still checking who watches the recording.",
                Audience::Stakeholders,
            ),
            ("The server / library moves.", Audience::Stakeholders),
            (
                "Fewer null warnings in new files; search for #nullable disable.",
                Audience::Team,
            ),
        ];
        for (text, to) in cases {
            assert_eq!(check(text, *to), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn the_word_budget_holds_for_upward_messages_only() {
        let long: String = (0..61).map(|i| format!("word{i} ")).collect();
        assert!(
            check(&long, Audience::Stakeholders)
                .iter()
                .any(|p| p.contains("61 words"))
        );
        assert!(check(&long, Audience::Team).is_empty());
    }

    #[test]
    fn a_record_s_check_first_warnings_stay_open() {
        let mut brief = Brief::default();
        brief.sections.insert(
            "Cost of the Shortcut".into(),
            crate::message::from_record::SectionText {
                paragraph: None,
                items: vec![
                    "Warning: You called this shortcut rushed.".into(),
                    "Check first: Check both estimates before you send numbers upward.".into(),
                ],
            },
        );
        assert_eq!(
            open_in_record(&brief),
            ["Check both estimates before you send numbers upward."]
        );
    }

    #[test]
    fn an_open_coach_warning_stops_the_message() {
        let found = problems(
            "All good.",
            Audience::Team,
            &words::embedded(),
            &["Check both estimates before you send numbers upward.".to_string()],
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("Check both estimates"));
    }
}
