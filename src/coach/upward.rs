//! Upward communication: answer the stakeholder's real questions ("Is it a big problem? Do
//! we know the cause? How long to fix? What's the improvement?") in their language.
//!
//! Each answer that goes into the message is checked against the word list
//! ([`super::words`]). A sentence that explains how the system works inside is not
//! translated word by word: the lead says what it means for the listener instead. Other
//! terms are replaced by the lead's own words, whole phrase for whole phrase. The update
//! answers their questions only when nothing is flagged, a known cause comes with an
//! improvement in numbers, and an unknown cause with whether it is still happening: the
//! two gaps are check-first warnings, so no message goes out with them.
//!
//! The team hears it in engineering words: the facts keep each answer as the lead wrote
//! it (reworded where it explained a mechanism, never translated) and the cause a mechanism
//! gave, for the record's part for the team.

use serde_json::{Map, Value, json};

use super::units::{human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::{Duration, Kind, Unit};

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
const COMMITMENT: Input = Input {
    name: "commitment",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "what we commit to now, whatever the cause (a refund, a workaround, a date)",
    values: &[],
};
const CAUSE_KNOWN: Input = Input {
    name: "cause_known",
    accepts: Accepts::Question(&[Kind::YesNo]),
    required: false,
    about: "whether the cause is known",
    values: &[],
};
const ONGOING: Input = Input {
    name: "ongoing",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "whether it is still happening for users: yes, contained, no, or n/a (nothing is down)",
    values: &["yes", "contained", "no", "n/a"],
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
const FIELDS: [&str; 4] = ["problem", "impact", "improvement", "commitment"];

/// Work up to a working day, or a wait under a day, is said in hours ("within 4 hours"),
/// never as a date: "by Monday" for 4 hours during an outage misleads.
const SAME_DAY_HOURS: f64 = 8.0;
const SAME_DAY_WAIT_HOURS: f64 = 24.0;

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "upward",
    title: "Upward: the stakeholder's real questions",
    inputs: &[
        PROBLEM,
        IMPACT,
        IMPROVEMENT,
        COMMITMENT,
        REWRITES,
        TRANSLATIONS,
        CAUSE_KNOWN,
        ONGOING,
        FIX_TIME,
        NEXT_UPDATE,
    ],
    facts: &[
        "mechanisms",
        "mechanism_fields",
        "mechanism_terms",
        "cause",
        "terms",
        "found_in",
        "suggestions",
        "remaining",
        "plain",
        "team",
        "commitment",
        "has_number",
        "ready",
        "same_day",
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
            id: "unsaid-status",
            stance: Stance::Inform,
            passage: "stakeholder-real-questions",
            also: &["upward-communication"],
        },
        Verdict {
            id: "ready",
            stance: Stance::Inform,
            passage: "upward-example-good",
            also: &["stakeholder-real-questions"],
        },
    ],
    warnings: &["no-number", "unsaid-status"],
    run,
    keeps: &[],
    refuse: None,
    waits: &[],
};

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let answers = [
        inputs.text(&PROBLEM)?,
        inputs.text(&IMPACT)?,
        inputs.text(&IMPROVEMENT)?,
        inputs.text(&COMMITMENT).unwrap_or_default(),
    ];
    let situation = Situation {
        cause_known: inputs.yes(&CAUSE_KNOWN),
        ongoing: inputs.text(&ONGOING),
    };
    let mut finding = assess(
        &answers,
        &inputs.each_text(&REWRITES),
        &inputs.each_text(&TRANSLATIONS),
        &situation,
        inputs.conditions.jargon,
    );
    let today = inputs.today();
    // Work up to a day, or a wait under a day, happens today: said in hours, followed up
    // today. Longer work counts working days; a longer wait counts them too.
    let (same_day, follow_up) = match (inputs.duration(&FIX_TIME), inputs.duration(&NEXT_UPDATE)) {
        (Some(work), _) if is_hours(work, SAME_DAY_HOURS) => (true, Some(today)),
        (Some(work), _) => (false, Some(inputs.conditions.calendar.finish(today, work))),
        (None, Some(wait)) if is_hours(wait, SAME_DAY_WAIT_HOURS) => (true, Some(today)),
        (None, Some(wait)) => (false, Some(inputs.conditions.calendar.finish(today, wait))),
        (None, None) => (false, None),
    };
    let done_by = follow_up.filter(|_| !same_day);
    for (key, value) in [
        ("same_day", json!(same_day)),
        ("done_by", json!(done_by.map(iso))),
        ("done_by_text", json!(done_by.map(|d| human_date(d, today)))),
        ("review_by", json!(follow_up.map(iso))),
        (
            "review_by_text",
            json!(follow_up.map(|d| human_date(d, today))),
        ),
    ] {
        finding.facts.insert(key.into(), value);
    }
    Some(finding)
}

/// Whether `duration` is given in minutes or hours, and at most `hours` long.
fn is_hours(duration: Duration, hours: f64) -> bool {
    match duration.unit {
        Unit::Minutes => duration.amount <= hours * 60.0,
        Unit::Hours => duration.amount <= hours,
        _ => false,
    }
}

/// Where the problem stands, beyond the words that reach the listener.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Situation<'a> {
    pub cause_known: Option<bool>,
    /// `yes` (still happening), `contained` or `no`; none when not said.
    pub ongoing: Option<&'a str>,
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

/// The fields as the listener reads them: each translated where the lead translated its
/// terms, and the terms found on the way.
#[derive(Default)]
struct Plain {
    text: Map<String, Value>,
    terms: Vec<String>,
    found_in: Map<String, Value>,
    suggestions: Map<String, Value>,
    remaining: Vec<String>,
}

impl Plain {
    /// Add a term found in `text`, once, as first written, with the list's suggestion.
    fn add(&mut self, phrase: String, text: &str, words: &super::words::WordList) {
        if self.terms.iter().any(|t| key(t) == key(&phrase)) {
            return;
        }
        self.found_in.insert(phrase.clone(), json!(text));
        let plain = words
            .find(&phrase)
            .first()
            .and_then(|hit| words.terms[hit.term].plain.clone());
        self.suggestions.insert(phrase.clone(), json!(plain));
        self.terms.push(phrase);
    }

    /// Terms to say in the listener's words: those in fields that do not explain a
    /// mechanism (those are reworded whole), as first written, then any a translation
    /// brings in. `found_in` keeps the text each was found in: the prompt shows it.
    fn translate(
        reworded: &[String],
        mechanism_fields: &[&str],
        translations: &[(String, String)],
        words: &super::words::WordList,
    ) -> Plain {
        let mut plain = Plain::default();
        for (field, text) in FIELDS.iter().zip(reworded) {
            if mechanism_fields.contains(field) {
                plain.text.insert(field.to_string(), json!(text));
                continue;
            }
            for phrase in words.phrases(text) {
                plain.add(phrase, text, words);
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
                    plain.add(phrase, &next, words);
                }
                translated = next;
            }
            for phrase in words.phrases(&translated) {
                if !plain.remaining.iter().any(|r| key(r) == key(&phrase)) {
                    plain.remaining.push(phrase);
                }
            }
            plain.text.insert(field.to_string(), json!(translated));
        }
        plain
    }

    fn field(&self, name: &str) -> &str {
        self.text
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
}

/// What we commit to now, as a sentence: a step the lead wrote follows "We'll" ("We'll
/// refund the 40 customers by Friday."); anything else follows "We commit to".
fn commitment_sentence(commitment: &str) -> Option<String> {
    let commitment = commitment
        .trim()
        .trim_end_matches(['.', '!', ';', ','])
        .trim();
    if commitment.is_empty() {
        return None;
    }
    Some(match crate::phrase::as_plan(commitment) {
        Some(plan) => format!("We'll {plan}."),
        None => format!("We commit to {commitment}."),
    })
}

/// `answers` are the problem, impact, improvement and commitment (empty when none) as
/// given; `rewrites` the lead's rewording of an answer that explained a mechanism, by field
/// name; `translations` the lead's words for each flagged phrase.
pub(crate) fn assess(
    answers: &[&str; 4],
    rewrites: &[(String, String)],
    translations: &[(String, String)],
    situation: &Situation<'_>,
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
        // "Logins fail since this morning" is said as going on: "have been failing".
        .map(|text| crate::phrase::since_tense(&text))
        .collect();
    let mechanisms = Mechanisms::find(&reworded, words);
    let mechanism_fields = &mechanisms.fields;
    let plain = Plain::translate(&reworded, mechanism_fields, translations, words);
    // The cause a mechanism gave, as first written: the team's part of the record keeps
    // what the stakeholder's message leaves out.
    let cause = answers
        .iter()
        .flat_map(|text| words.check(text).mechanisms)
        .find_map(|mechanism| mechanism.cause);
    let team: Map<String, Value> = FIELDS
        .iter()
        .zip(&reworded)
        .map(|(field, text)| (field.to_string(), json!(text)))
        .collect();
    let has_number = plain
        .field("improvement")
        .chars()
        .any(|c| c.is_ascii_digit());
    let clean = FIELDS
        .iter()
        .all(|field| words.check(plain.field(field)).is_clean());
    let commitment = commitment_sentence(plain.field("commitment"));
    let verdict = if !mechanism_fields.is_empty() {
        "mechanism"
    } else if !plain.remaining.is_empty() || !clean {
        "jargon"
    } else if situation.cause_known != Some(false) && !has_number {
        "no-number"
    } else if situation.cause_known == Some(false) && situation.ongoing.is_none() {
        "unsaid-status"
    } else {
        "ready"
    };
    let facts = json!({
        "mechanisms": mechanisms.sentences,
        "mechanism_fields": mechanism_fields,
        "mechanism_terms": mechanisms.terms,
        "cause": cause,
        "terms": plain.terms,
        "found_in": plain.found_in,
        "suggestions": plain.suggestions,
        "remaining": plain.remaining,
        "commitment": commitment,
        "plain": Value::Object(plain.text),
        "team": Value::Object(team),
        "has_number": has_number,
        "ready": verdict == "ready",
        "same_day": false,
        "done_by": null,
        "done_by_text": null,
        "review_by": null,
        "review_by_text": null,
    });
    let finding = Finding::new(verdict, facts);
    // Not answering one of their questions is not a wording matter: the message waits.
    match verdict {
        "no-number" => finding.warn(["no-number"]),
        "unsaid-status" => finding.warn(["unsaid-status"]),
        _ => finding,
    }
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
                    not_before: Vec::new(),
                })
                .collect(),
            same: Vec::new(),
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
                "",
            ],
            &[],
            &[],
            &Situation::default(),
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
                "",
            ],
            &[],
            &pairs(&[("N+1 problem", "repeated-lookup problem")]),
            &Situation::default(),
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
                "",
            ],
            &pairs(&[("impact", "Every customer waits 3 seconds for it")]),
            &[],
            &Situation::default(),
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
            "",
        ];
        let none = assess(&answers, &[], &[], &Situation::default(), &list);
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
            &Situation::default(),
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
            &["The ORM is slow", "All users", "2 seconds faster", ""],
            &[],
            &pairs(&[("ORM", "the cache layer")]),
            &Situation::default(),
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
                "",
            ],
            &[],
            &[],
            &Situation::default(),
            &words(&[("ORM", false)]),
        );
        assert_eq!(finding.verdict, "no-number");
        assert_eq!(finding.facts["has_number"], json!(false));
    }
}
