//! Upward communication: answer the stakeholder's real questions ("Is it a big problem? Do
//! we know the cause? How long to fix? What's the improvement?") in their language.
//!
//! The check finds jargon from a word list kept as data (`playbooks/words/jargon.yaml`) in
//! the answers that go into the message, and applies the user's translation of each term.
//! Every term, including any a translation brings in, is listed in `terms`; the playbook
//! asks for a translation of each before the message is final.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::Assessment;
use super::door::add_days;
use super::units::{ceil_whole, human_date};
use crate::answer::Duration;

pub(crate) const FRAMEWORK: &str = "upward";
pub(crate) const TITLE: &str = "Upward: the stakeholder's real questions";

/// Endings a term may take and still count: "refactoring", "ORMs", "race conditions".
const ENDINGS: &[&str] = &["ing", "es", "ed", "s", "d"];

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct WordList {
    pub terms: Vec<String>,
}

/// The word list shipped in the binary. A unit test parses it, so a failure here is a
/// build defect, not something a user can cause.
pub(crate) fn embedded_word_list() -> WordList {
    let text = crate::embedded::FILES
        .iter()
        .find(|(path, _)| *path == JARGON_FILE)
        .map(|(_, text)| *text)
        .expect("playbooks/words/jargon.yaml is embedded at build time");
    crate::yaml::parse(
        text,
        std::path::Path::new("playbooks/words/jargon.yaml"),
        crate::error::Kind::Content,
    )
    .unwrap_or_else(|error| panic!("the embedded jargon list is invalid: {error}"))
}

impl WordList {
    /// Add a team's own terms (their service names, their acronyms) to the list.
    pub(crate) fn extend(&mut self, more: WordList) {
        for term in more.terms {
            if !self.terms.iter().any(|t| t.eq_ignore_ascii_case(&term)) {
                self.terms.push(term);
            }
        }
    }
}

/// The word list's path under `playbooks/`.
pub(crate) const JARGON_FILE: &str = "words/jargon.yaml";

/// One jargon term found in a text, as written there ("Refactoring", "ORMs").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub text: String,
    /// The list entry it matched ("refactor", "ORM").
    pub term: String,
    /// Where it is in the text, in characters.
    pub start: usize,
    pub end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The jargon in `text`, in order, without overlaps; longer terms win ("concurrent load"
/// over "load").
pub(crate) fn find(text: &str, terms: &[String]) -> Vec<Hit> {
    let chars: Vec<char> = text.chars().collect();
    let mut sorted: Vec<(&String, Vec<char>)> = terms
        .iter()
        .map(|t| (t, t.chars().flat_map(char::to_lowercase).collect()))
        .collect();
    sorted.sort_by_key(|(_, lower)| std::cmp::Reverse(lower.len()));
    let mut hits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !is_word_char(chars[i - 1]);
        let found = starts_word
            .then(|| {
                sorted
                    .iter()
                    .find_map(|(term, lower)| match_at(&chars, i, lower).map(|end| (*term, end)))
            })
            .flatten();
        match found {
            Some((term, end)) => {
                hits.push(Hit {
                    text: chars[i..end].iter().collect(),
                    term: term.clone(),
                    start: i,
                    end,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    hits
}

/// The jargon in `text` as phrases to translate: terms next to each other ("N+1 queries")
/// are one phrase, because translating them word by word gives nonsense.
pub(crate) fn phrases(text: &str, terms: &[String]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for hit in find(text, terms) {
        match spans.last_mut() {
            Some((_, end))
                if chars[*end..hit.start]
                    .iter()
                    .all(|c| *c == ' ' || *c == '-') =>
            {
                *end = hit.end;
            }
            _ => spans.push((hit.start, hit.end)),
        }
    }
    spans
        .into_iter()
        .map(|(start, end)| chars[start..end].iter().collect())
        .collect()
}

/// The end of `term` (lower case) matched at `start`, with an allowed ending, if it ends
/// a word there.
fn match_at(chars: &[char], start: usize, term: &[char]) -> Option<usize> {
    if term.is_empty() || start + term.len() > chars.len() {
        return None;
    }
    for (offset, &wanted) in term.iter().enumerate() {
        let got = chars[start + offset];
        let same = if wanted == ' ' || wanted == '-' {
            got == ' ' || got == '-'
        } else {
            got.to_lowercase().eq(std::iter::once(wanted))
        };
        if !same {
            return None;
        }
    }
    let end = start + term.len();
    let ends_word = |at: usize| at >= chars.len() || !is_word_char(chars[at]);
    if ends_word(end) {
        return Some(end);
    }
    ENDINGS.iter().find_map(|ending| {
        let after = end + ending.chars().count();
        let matches = after <= chars.len()
            && chars[end..after]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .eq(ending.chars());
        (matches && ends_word(after)).then_some(after)
    })
}

/// Replace each translated term (as it was written, any case) by its translation, in one
/// pass: a translation is never translated again.
pub(crate) fn translate(text: &str, translations: &[(String, String)]) -> String {
    let mut pairs: Vec<(Vec<char>, &str)> = translations
        .iter()
        .filter(|(term, _)| !term.trim().is_empty())
        .map(|(term, plain)| {
            (
                term.chars().flat_map(char::to_lowercase).collect(),
                plain.as_str(),
            )
        })
        .collect();
    pairs.sort_by_key(|(term, _)| std::cmp::Reverse(term.len()));
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !is_word_char(chars[i - 1]);
        let replaced = starts_word
            .then(|| {
                pairs.iter().find_map(|(term, plain)| {
                    let end = i + term.len();
                    let same = end <= chars.len()
                        && chars[i..end]
                            .iter()
                            .flat_map(|c| c.to_lowercase())
                            .eq(term.iter().copied());
                    let ends_word = end >= chars.len() || !is_word_char(chars[end]);
                    (same && ends_word).then_some((end, *plain))
                })
            })
            .flatten();
        match replaced {
            Some((end, plain)) => {
                out.push_str(plain.trim());
                i = end;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// The answers that go into the message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Update<'a> {
    pub problem: &'a str,
    pub impact: &'a str,
    pub improvement: &'a str,
    /// How long until the next news: the fix, or finding the cause. It dates the
    /// follow-up.
    pub follow_up: Option<Duration>,
    pub today: NaiveDate,
}

fn key(text: &str) -> String {
    text.to_lowercase()
}

pub(crate) fn assess(
    update: &Update<'_>,
    translations: &[(String, String)],
    words: &WordList,
) -> Assessment {
    let fields = [
        ("problem", update.problem),
        ("impact", update.impact),
        ("improvement", update.improvement),
    ];
    // Terms as first written, without repeats (case-insensitive): the originals first,
    // then any the translations bring in.
    // `found_in` keeps, for each term, the text it was found in: the prompt shows it.
    let mut terms: Vec<String> = Vec::new();
    let mut found_in = Map::new();
    let mut add = |phrase: String, text: &str| {
        if !terms.iter().any(|t| key(t) == key(&phrase)) {
            found_in.insert(phrase.clone(), json!(text));
            terms.push(phrase);
        }
    };
    for (_, text) in fields {
        for phrase in phrases(text, &words.terms) {
            add(phrase, text);
        }
    }
    let mut plain = Map::new();
    for (name, text) in fields {
        let translated = translate(text, translations);
        for phrase in phrases(&translated, &words.terms) {
            add(phrase, &translated);
        }
        plain.insert(name.to_string(), json!(translated));
    }
    let translated_keys: Vec<String> = translations.iter().map(|(t, _)| key(t)).collect();
    let remaining: Vec<&String> = terms
        .iter()
        .filter(|t| !translated_keys.contains(&key(t)))
        .collect();
    let improvement = plain["improvement"].as_str().unwrap_or_default();
    let has_number = improvement.chars().any(|c| c.is_ascii_digit());

    let (verdict, reasoning, passages) = if !remaining.is_empty() {
        let list = terms.join(", ");
        (
            format!(
                "{} jargon term{} to translate: {list}",
                terms.len(),
                if terms.len() == 1 { "" } else { "s" }
            ),
            format!(
                "A stakeholder may not know {list}. Say each one the way they would, so the \
                 message answers their questions without the technical details."
            ),
            vec![
                "upward-communication",
                "upward-example-bad",
                "stakeholder-real-questions",
            ],
        )
    } else if !has_number {
        (
            "Say what improves with a number".to_string(),
            "The last of their questions is what improves. A before and after (load time, \
             error rate, hours saved) answers it; \"faster\" does not."
                .to_string(),
            vec!["stakeholder-real-questions", "upward-example-good"],
        )
    } else {
        (
            "Plain language: ready to send".to_string(),
            "It says how big the problem is, whether you know the cause, how long the fix \
             takes and what improves, in the listener's words."
                .to_string(),
            vec![
                "upward-communication",
                "stakeholder-real-questions",
                "upward-example-good",
            ],
        )
    };

    let done_by = update
        .follow_up
        .map(|fix| add_days(update.today, ceil_whole(fix.days()) as i64));
    let facts = json!({
        "done_by": done_by.map(|d| d.format("%Y-%m-%d").to_string()),
        "done_by_text": done_by.map(|d| human_date(d, update.today)),
        "terms": terms,
        "found_in": found_in,
        "remaining": remaining,
        "translated": translations.iter().map(|(t, p)| json!({"term": t, "plain": p})).collect::<Vec<Value>>(),
        "plain": plain,
        "has_number": has_number,
        "ready": remaining.is_empty(),
    });
    Assessment::new(FRAMEWORK, TITLE, verdict, reasoning, passages, facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn words(list: &[&str]) -> WordList {
        WordList {
            terms: list.iter().map(|t| t.to_string()).collect(),
        }
    }

    fn found(text: &str, list: &[&str]) -> Vec<String> {
        find(text, &words(list).terms)
            .into_iter()
            .map(|h| h.text)
            .collect()
    }

    #[test]
    fn the_episodes_bad_example_is_full_of_jargon() {
        let bad = "We discovered that the database query for the user dashboard page has an \
                   N+1 problem that's causing response times to exceed 3 seconds under \
                   concurrent load because the ORM doesn't eager-load the associated records.";
        let hits = found(
            bad,
            &embedded_word_list()
                .terms
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        assert_eq!(
            hits,
            ["query", "N+1", "concurrent load", "ORM", "eager-load"]
        );
    }

    #[test]
    fn the_episodes_good_example_has_none() {
        let good = "The dashboard is slow. We found the cause. The fix is straightforward - \
                    about 2 days of work - and will bring load times from 3 seconds down to \
                    under 200 milliseconds.";
        let words = embedded_word_list();
        let list: Vec<&str> = words.terms.iter().map(String::as_str).collect();
        assert_eq!(found(good, &list), Vec::<String>::new());
    }

    #[test]
    fn matching_rules() {
        let list = [
            "ORM",
            "refactor",
            "race condition",
            "eager-load",
            "N+1",
            "API",
        ];
        let cases: &[(&str, &[&str])] = &[
            ("We will refactor it", &["refactor"]),
            ("Refactoring takes time", &["Refactoring"]),
            ("it was refactored", &["refactored"]),
            ("two race conditions", &["race conditions"]),
            ("a race-condition", &["race-condition"]),
            ("we eager load them", &["eager load"]),
            ("ORMs and APIs", &["ORMs", "APIs"]),
            // Inside another word is not a hit.
            ("the normal path", &[]),
            ("a rapid response", &[]),
            ("refactorings", &[]),
            ("N+10 users", &[]),
            ("(N+1)", &["N+1"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(found(text, &list), *expected, "{text:?}");
        }
    }

    #[test]
    fn neighbouring_terms_are_one_phrase() {
        let list: Vec<String> = ["N+1", "queries", "ORM", "cache"]
            .iter()
            .map(|t| t.to_string())
            .collect();
        let cases: &[(&str, &[&str])] = &[
            ("the ORM makes N+1 queries", &["ORM", "N+1 queries"]),
            ("N+1-queries and the cache", &["N+1-queries", "cache"]),
            ("ORM, cache", &["ORM", "cache"]),
            ("no jargon here", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(phrases(text, &list), *expected, "{text:?}");
        }
    }

    #[test]
    fn translations_replace_in_one_pass() {
        let translations = vec![
            ("N+1".to_string(), "one database call per row".to_string()),
            ("ORM".to_string(), "our database layer".to_string()),
        ];
        assert_eq!(
            translate("An N+1 problem in the ORM; orm again", &translations),
            "An one database call per row problem in the our database layer; our database layer again"
        );
        // A translation that mentions another term is not translated again.
        let looping = vec![
            ("ORM".to_string(), "the N+1 thing".to_string()),
            ("N+1".to_string(), "the ORM thing".to_string()),
        ];
        assert_eq!(
            translate("ORM and N+1", &looping),
            "the N+1 thing and the ORM thing"
        );
    }

    #[test]
    fn every_term_must_be_translated_before_it_is_ready() {
        let list = words(&["ORM", "N+1", "cache"]);
        let update = Update {
            problem: "The ORM makes N+1 calls",
            impact: "Every customer waits 3 seconds",
            improvement: "load times from 3 seconds to 200 milliseconds",
            follow_up: None,
            today: today(),
        };
        let none = assess(&update, &[], &list);
        assert_eq!(none.facts["terms"], json!(["ORM", "N+1"]));
        assert_eq!(
            none.facts["found_in"]["N+1"],
            json!("The ORM makes N+1 calls")
        );
        assert_eq!(none.facts["ready"], json!(false));
        assert_eq!(none.verdict, "2 jargon terms to translate: ORM, N+1");

        let one = assess(
            &update,
            &[("ORM".into(), "the database layer".into())],
            &list,
        );
        assert_eq!(one.facts["remaining"], json!(["N+1"]));
        assert_eq!(
            one.verdict, none.verdict,
            "the verdict is not repeated per term"
        );

        let both = assess(
            &update,
            &[
                ("ORM".into(), "the database layer".into()),
                ("N+1".into(), "one call per row".into()),
            ],
            &list,
        );
        assert_eq!(both.facts["ready"], json!(true));
        assert_eq!(
            both.facts["plain"]["problem"],
            json!("The the database layer makes one call per row calls")
        );
        assert_eq!(both.verdict, "Plain language: ready to send");
    }

    #[test]
    fn a_translation_that_brings_in_jargon_adds_a_term() {
        let list = words(&["ORM", "cache"]);
        let update = Update {
            problem: "The ORM is slow",
            impact: "All users",
            improvement: "2 seconds faster",
            follow_up: None,
            today: today(),
        };
        let result = assess(&update, &[("ORM".into(), "the cache layer".into())], &list);
        assert_eq!(result.facts["terms"], json!(["ORM", "cache"]));
        assert_eq!(result.facts["remaining"], json!(["cache"]));
        assert_eq!(result.facts["ready"], json!(false));
    }

    #[test]
    fn an_improvement_without_a_number_is_flagged() {
        let update = Update {
            problem: "The dashboard is slow",
            impact: "Every customer",
            improvement: "much faster pages",
            follow_up: Some(Duration::new(2.0, crate::answer::Unit::Days)),
            today: today(),
        };
        let result = assess(&update, &[], &words(&["ORM"]));
        assert_eq!(result.verdict, "Say what improves with a number");
        assert_eq!(result.fact_str("done_by"), Some("2026-11-28"));
        assert_eq!(result.facts["has_number"], json!(false));
    }

    #[test]
    fn the_embedded_word_list_loads() {
        let list = embedded_word_list();
        for term in ["ORM", "N+1", "eager-load", "refactor", "race condition"] {
            assert!(list.terms.iter().any(|t| t == term), "{term}");
        }
    }
}
