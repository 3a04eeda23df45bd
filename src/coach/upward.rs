//! Upward communication: answer the stakeholder's real questions ("Is it a big problem? Do
//! we know the cause? How long to fix? What's the improvement?") in their language.
//!
//! Each answer that goes into the message is checked against the word list
//! ([`super::words`]). A sentence that explains how the system works inside is not
//! translated word by word: the lead says what it means for the listener instead. Other
//! terms are replaced by the lead's own words, whole phrase for whole phrase. The update is
//! ready to send only when nothing is flagged and the improvement has a number.

use serde_json::{Map, Value, json};

use super::units::{human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::{Duration, Kind};

const PROBLEM: Input = Input {
    name: "problem",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: true,
    about: "the problem, in the listener's words",
    values: &[],
};
const IMPACT: Input = Input {
    name: "impact",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: true,
    about: "how big it is for users or the business",
    values: &[],
};
const IMPROVEMENT: Input = Input {
    name: "improvement",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: true,
    about: "what improves once it is fixed, with numbers",
    values: &[],
};
const REWRITES: Input = Input {
    name: "rewrites",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "a question asked `for_each` answer that explains a mechanism: the answer again, in terms of what it means for the listener",
    values: &[],
};
const TRANSLATIONS: Input = Input {
    name: "translations",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "a question asked `for_each` flagged term: how the listener would say it",
    values: &[],
};
const FIX_TIME: Input = Input {
    name: "fix_time",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: false,
    about: "how much work the fix is, to date the follow-up",
    values: &[],
};
const NEXT_UPDATE: Input = Input {
    name: "next_update",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: false,
    about: "when the cause is unknown: when you will know more",
    values: &[],
};

/// The answers that reach the listener, by the name templates use.
const FIELDS: [&str; 3] = ["problem", "impact", "improvement"];

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "upward",
    title: "Upward: the stakeholder's real questions",
    inputs: &[
        PROBLEM,
        IMPACT,
        IMPROVEMENT,
        REWRITES,
        TRANSLATIONS,
        FIX_TIME,
        NEXT_UPDATE,
    ],
    facts: &[
        "mechanisms",
        "mechanism_fields",
        "mechanism_terms",
        "terms",
        "found_in",
        "suggestions",
        "remaining",
        "plain",
        "has_number",
        "ready",
        "done_by",
        "done_by_text",
        "review_by",
        "review_by_text",
    ],
    verdicts: &[
        Verdict {
            id: "mechanism",
            stance: Stance::Inform,
            passage: "upward-example-bad",
            also: &["stakeholder-real-questions", "upward-communication"],
        },
        Verdict {
            id: "jargon",
            stance: Stance::Inform,
            passage: "upward-communication",
            also: &["stakeholders-understand-time-money"],
        },
        Verdict {
            id: "no-number",
            stance: Stance::Inform,
            passage: "stakeholder-real-questions",
            also: &["upward-example-good"],
        },
        Verdict {
            id: "ready",
            stance: Stance::Inform,
            passage: "upward-example-good",
            also: &["stakeholder-real-questions"],
        },
    ],
    warnings: &[],
    run,
};

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let answers = [
        inputs.text(&PROBLEM)?,
        inputs.text(&IMPACT)?,
        inputs.text(&IMPROVEMENT)?,
    ];
    let follow_up = inputs.duration(&FIX_TIME).or(inputs.duration(&NEXT_UPDATE));
    let today = inputs.today();
    let done_by = follow_up.map(|work: Duration| inputs.conditions.calendar.finish(today, work));
    let mut finding = assess(
        &answers,
        &inputs.each_text(&REWRITES),
        &inputs.each_text(&TRANSLATIONS),
        inputs.conditions.jargon,
    );
    for (key, value) in [
        ("done_by", json!(done_by.map(iso))),
        ("done_by_text", json!(done_by.map(|d| human_date(d, today)))),
        ("review_by", json!(done_by.map(iso))),
        (
            "review_by_text",
            json!(done_by.map(|d| human_date(d, today))),
        ),
    ] {
        finding.facts.insert(key.into(), value);
    }
    Some(finding)
}

fn key(text: &str) -> String {
    text.to_lowercase()
}

/// The answers that explain how the system works inside, which the lead rewords whole.
struct Mechanisms {
    fields: Vec<&'static str>,
    sentences: Vec<Value>,
    terms: Vec<String>,
}

impl Mechanisms {
    fn find(texts: &[String], words: &super::words::WordList) -> Mechanisms {
        let mut found = Mechanisms {
            fields: Vec::new(),
            sentences: Vec::new(),
            terms: Vec::new(),
        };
        for (field, text) in FIELDS.iter().zip(texts) {
            let check = words.check(text);
            if check.mechanisms.is_empty() {
                continue;
            }
            found.fields.push(*field);
            for mechanism in check.mechanisms {
                for term in &mechanism.terms {
                    if !found.terms.iter().any(|t| key(t) == key(term)) {
                        found.terms.push(term.clone());
                    }
                }
                found.sentences.push(json!({
                    "field": field,
                    "sentence": mechanism.sentence,
                    "terms": mechanism.terms,
                }));
            }
        }
        found
    }
}

/// `answers` are the problem, impact and improvement as given; `rewrites` the lead's
/// rewording of an answer that explained a mechanism, by field name; `translations` the
/// lead's words for each flagged phrase.
pub(crate) fn assess(
    answers: &[&str; 3],
    rewrites: &[(String, String)],
    translations: &[(String, String)],
    words: &super::words::WordList,
) -> Finding {
    // The text of each field once reworded where the lead reworded it.
    let reworded: Vec<String> = FIELDS
        .iter()
        .zip(answers)
        .map(|(field, text)| {
            rewrites
                .iter()
                .find(|(name, words)| name == field && !words.trim().is_empty())
                .map_or_else(|| text.to_string(), |(_, words)| words.trim().to_string())
        })
        .collect();
    let mechanisms = Mechanisms::find(&reworded, words);
    let mechanism_fields = &mechanisms.fields;
    // Terms to say in the listener's words: those in fields that do not explain a
    // mechanism (those are reworded whole), as first written, then any a translation
    // brings in. `found_in` keeps the text each was found in: the prompt shows it.
    let mut terms: Vec<String> = Vec::new();
    let mut found_in = Map::new();
    let mut suggestions = Map::new();
    let mut add = |phrase: String, text: &str| {
        if !terms.iter().any(|t| key(t) == key(&phrase)) {
            found_in.insert(phrase.clone(), json!(text));
            let plain = words
                .find(&phrase)
                .first()
                .and_then(|hit| words.terms[hit.term].plain.clone());
            suggestions.insert(phrase.clone(), json!(plain));
            terms.push(phrase);
        }
    };
    let mut plain = Map::new();
    let mut remaining: Vec<String> = Vec::new();
    for (field, text) in FIELDS.iter().zip(&reworded) {
        if mechanism_fields.contains(field) {
            plain.insert(field.to_string(), json!(text));
            continue;
        }
        for phrase in words.phrases(text) {
            add(phrase, text);
        }
        // A translation may bring in a term the lead translates too: apply them until
        // nothing changes (a few passes; translations that loop stay flagged).
        let mut translated = text.clone();
        for _ in 0..4 {
            let next = super::words::translate(&translated, translations);
            if next == translated {
                break;
            }
            for phrase in words.phrases(&next) {
                add(phrase, &next);
            }
            translated = next;
        }
        for phrase in words.phrases(&translated) {
            if !remaining.iter().any(|r| key(r) == key(&phrase)) {
                remaining.push(phrase);
            }
        }
        plain.insert(field.to_string(), json!(translated));
    }
    let improvement = plain["improvement"].as_str().unwrap_or_default();
    let has_number = improvement.chars().any(|c| c.is_ascii_digit());
    let clean = FIELDS.iter().all(|field| {
        words
            .check(plain[*field].as_str().unwrap_or_default())
            .is_clean()
    });
    let verdict = if !mechanism_fields.is_empty() {
        "mechanism"
    } else if !remaining.is_empty() || !clean {
        "jargon"
    } else if !has_number {
        "no-number"
    } else {
        "ready"
    };
    let facts = json!({
        "mechanisms": mechanisms.sentences,
        "mechanism_fields": mechanism_fields,
        "mechanism_terms": mechanisms.terms,
        "terms": terms,
        "found_in": found_in,
        "suggestions": suggestions,
        "remaining": remaining,
        "plain": Value::Object(plain),
        "has_number": has_number,
        "ready": verdict == "ready",
        "done_by": null,
        "done_by_text": null,
        "review_by": null,
        "review_by_text": null,
    });
    Finding::new(verdict, facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::words::{Term, WordList, embedded};

    fn words(list: &[(&str, bool)]) -> WordList {
        WordList {
            terms: list
                .iter()
                .map(|(term, mechanism)| Term {
                    term: term.to_string(),
                    also: Vec::new(),
                    plain: None,
                    part: None,
                    mechanism: *mechanism,
                })
                .collect(),
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn the_episodes_good_example_is_ready() {
        let finding = assess(
            &[
                "The dashboard is slow",
                "Every customer waits 3 seconds for it",
                "load times go from 3 seconds down to under 200 milliseconds",
            ],
            &[],
            &[],
            &embedded(),
        );
        assert_eq!(finding.verdict, "ready", "{:?}", finding.facts);
    }

    #[test]
    fn the_bad_example_is_not_translated_word_by_word() {
        let bad =
            "The page has an N+1 problem because the ORM doesn't eager-load the associated records";
        let finding = assess(
            &[
                "The dashboard is slow",
                bad,
                "3 seconds down to 200 milliseconds",
            ],
            &[],
            &pairs(&[("N+1 problem", "repeated-lookup problem")]),
            &embedded(),
        );
        assert_eq!(finding.verdict, "mechanism");
        assert_eq!(finding.facts["mechanism_fields"], json!(["impact"]));
        // Reworded as what it means for the listener, it is ready.
        let reworded = assess(
            &[
                "The dashboard is slow",
                bad,
                "3 seconds down to 200 milliseconds",
            ],
            &pairs(&[("impact", "Every customer waits 3 seconds for it")]),
            &[],
            &embedded(),
        );
        assert_eq!(reworded.verdict, "ready", "{:?}", reworded.facts);
        assert_eq!(
            reworded.facts["plain"]["impact"],
            json!("Every customer waits 3 seconds for it")
        );
    }

    #[test]
    fn every_term_must_be_translated_before_it_is_ready() {
        let list = words(&[("ORM", false), ("N+1", false), ("cache", false)]);
        let answers = [
            "The ORM makes N+1 calls",
            "Every customer waits 3 seconds",
            "load times from 3 seconds to 200 milliseconds",
        ];
        let none = assess(&answers, &[], &[], &list);
        assert_eq!(none.facts["terms"], json!(["ORM", "N+1"]));
        assert_eq!(
            none.facts["found_in"]["N+1"],
            json!("The ORM makes N+1 calls")
        );
        assert_eq!(none.verdict, "jargon");
        let both = assess(
            &answers,
            &[],
            &pairs(&[("ORM", "the database layer"), ("N+1", "one call per row")]),
            &list,
        );
        assert_eq!(both.verdict, "ready");
        // The article before the replacement is not doubled.
        assert_eq!(
            both.facts["plain"]["problem"],
            json!("The database layer makes one call per row calls")
        );
    }

    #[test]
    fn a_translation_that_brings_in_jargon_adds_a_term() {
        let list = words(&[("ORM", false), ("cache", false)]);
        let finding = assess(
            &["The ORM is slow", "All users", "2 seconds faster"],
            &[],
            &pairs(&[("ORM", "the cache layer")]),
            &list,
        );
        assert_eq!(finding.facts["terms"], json!(["ORM", "cache"]));
        assert_eq!(finding.facts["remaining"], json!(["cache"]));
        assert_eq!(finding.verdict, "jargon");
    }

    #[test]
    fn an_improvement_without_a_number_is_flagged() {
        let finding = assess(
            &[
                "The dashboard is slow",
                "Every customer",
                "much faster pages",
            ],
            &[],
            &[],
            &words(&[("ORM", false)]),
        );
        assert_eq!(finding.verdict, "no-number");
        assert_eq!(finding.facts["has_number"], json!(false));
    }
}
