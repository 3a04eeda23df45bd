//! A one-on-one that is a real conversation: "Have one-on-ones every week. Not status
//! updates - real conversations. "What's frustrating you? What do you want to learn? What
//! can I do better?" These fifteen-minute conversations build trust that pays dividends
//! for years."
//!
//! The agenda is fifteen minutes: something to recognise, last time's open follow-ups,
//! the episode's three questions (the growth topic goes with "what do you want to
//! learn?"), then the lead's own topics. Topics that are status (progress, dates,
//! tickets) go to stand-up instead; when they are most of what the lead brings, the
//! verdict says the meeting is turning into a status update.
//!
//! Follow-ups are written `owner: what`, the owner being `me` or the person met; a
//! follow-up with no owner is the lead's. Any other owner is refused: it is a typo, or a
//! task for someone who is not in the room.

use serde_json::{Value, json};

use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::Kind;

/// The minutes the episode gives a one-on-one.
pub(crate) const MINUTES: u32 = 15;

const PERSON: Input = Input {
    name: "person",
    accepts: Accepts::Question(&[Kind::Text]),
    required: true,
    about: "who the one-on-one is with",
    values: &[],
};
const RECOGNISE: Input = Input {
    name: "recognise",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: true,
    about: "something specific to recognise them for",
    values: &[],
};
const GROWTH: Input = Input {
    name: "growth",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: true,
    about: "a growth topic to bring up",
    values: &[],
};
const TOPICS: Input = Input {
    name: "topics",
    accepts: Accepts::Question(&[Kind::List]),
    required: false,
    about: "the lead's own topics",
    values: &[],
};
const STATUS: Input = Input {
    name: "status",
    accepts: Accepts::Question(&[Kind::Choice, Kind::List]),
    required: false,
    about: "which of the topics are status updates",
    values: &[],
};
const CADENCE: Input = Input {
    name: "cadence",
    accepts: Accepts::Assessment("one-on-one-cadence"),
    required: false,
    about: "the cadence assessment, for last time's open follow-ups",
    values: &[],
};
const DONE: Input = Input {
    name: "done",
    accepts: Accepts::Question(&[Kind::Choice, Kind::List]),
    required: false,
    about: "which of last time's follow-ups are done",
    values: &[],
};
const FOLLOW_UPS: Input = Input {
    name: "follow_ups",
    accepts: Accepts::Question(&[Kind::List]),
    required: false,
    about: "new follow-ups, each `owner: what`",
    values: &[],
};
const NOTES: Input = Input {
    name: "notes",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "notes to keep for next time",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "one-on-one",
    title: "A real conversation, not a status update",
    inputs: &[
        PERSON, RECOGNISE, GROWTH, TOPICS, STATUS, CADENCE, DONE, FOLLOW_UPS, NOTES,
    ],
    facts: &[
        "person",
        "recognise",
        "growth",
        "topics",
        "status_topics",
        "looks_like_status",
        "topic_count",
        "status_count",
        "carried",
        "done",
        "still_open",
        "new_follow_ups",
        "open_follow_ups",
        "agenda",
        "notes",
    ],
    verdicts: &[
        Verdict {
            id: "real-conversation",
            stance: Stance::Inform,
            passage: "one-on-ones",
            also: &["team-success"],
        },
        Verdict {
            id: "status-update",
            stance: Stance::Inform,
            passage: "one-on-ones",
            also: &["takeaway-human"],
        },
    ],
    warnings: &["follow-ups-pile-up"],
    run,
    keeps: &["person", "open_follow_ups", "notes", "growth"],
    refuse: Some(refuse),
    waits: &[],
};

/// From this many open follow-ups, the list is growing faster than it is done.
pub(crate) const PILE_UP: usize = 5;

/// Words that mark a topic as status: progress, dates, tickets.
const STATUS_WORDS: &[&str] = &[
    "status",
    "progress",
    "update",
    "updates",
    "eta",
    "deadline",
    "deadlines",
    "ticket",
    "tickets",
    "jira",
    "sprint",
    "estimate",
    "estimates",
    "burndown",
    "velocity",
    "standup",
    "stand-up",
    "on track",
    "release date",
    "done yet",
];

/// Whether a topic reads as a status update.
pub(crate) fn looks_like_status(topic: &str) -> bool {
    let lower = topic.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    STATUS_WORDS.iter().any(|marker| {
        if marker.contains(' ') {
            lower.contains(marker)
        } else {
            words.contains(marker)
        }
    })
}

/// Who does a follow-up, and what: `me: book the course`, `Sam: draft the RFC`. The owner
/// is `me` for the lead (also when none is written), or `person`; `Err` names an owner
/// who is neither.
pub(crate) fn follow_up(text: &str, person: &str) -> Result<String, String> {
    let text = text.trim();
    let Some((owner, what)) = named_owner(text) else {
        return Ok(format!("me: {text}"));
    };
    if ["me", "i", "myself"].contains(&owner.to_lowercase().as_str()) {
        return Ok(format!("me: {what}"));
    }
    if super::history::same_person(owner, person) {
        return Ok(format!("{}: {what}", person.trim()));
    }
    Err(format!(
        "follow-up {text:?} is for {owner:?}, who is not in this one-on-one with {}",
        person.trim()
    ))
}

/// Whether two follow-ups are the same one, written again: the same words whatever their
/// case and spacing ("me: Book  the course" is "me: book the course").
pub(crate) fn same_follow_up(a: &str, b: &str) -> bool {
    let key = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches('.')
            .to_lowercase()
    };
    key(a) == key(b)
}

/// `items` with each follow-up once, as first written.
pub(crate) fn distinct(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !item.trim().is_empty() && !out.iter().any(|kept| same_follow_up(kept, item)) {
            out.push(item.trim().to_string());
        }
    }
    out
}

/// The `owner` of `owner: what` when the part before the colon reads as a name (one to
/// three words of letters); `None` when there is no such part.
fn named_owner(text: &str) -> Option<(&str, &str)> {
    let (owner, what) = text.split_once(':')?;
    let (owner, what) = (owner.trim(), what.trim());
    let words: Vec<&str> = owner.split_whitespace().collect();
    let name_like = (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
        });
    (name_like && !what.is_empty()).then_some((owner, what))
}

/// The person met, named as the journal first knew them ("Sam", though typed "sam").
fn person<'a>(inputs: &Inputs<'a>) -> Option<&'a str> {
    inputs
        .assessment(&CADENCE)
        .and_then(|cadence| cadence.fact_str("person"))
        .or_else(|| inputs.text(&PERSON))
}

fn refuse(inputs: &Inputs<'_>) -> Option<String> {
    let person = person(inputs)?;
    inputs
        .list(&FOLLOW_UPS)
        .iter()
        .find_map(|item| follow_up(item, person).err())
        .map(|problem| format!("{problem}; start it with \"{}:\" or \"me:\"", person.trim()))
}

/// What the lead brings to the one-on-one.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan<'a> {
    pub person: &'a str,
    pub recognise: &'a str,
    pub growth: &'a str,
    pub topics: Vec<String>,
    /// The topics the lead marked as status; `None` when not asked yet (the heuristic's
    /// guess stands in).
    pub status: Option<Vec<String>>,
    /// Last time's open follow-ups, and which of them are done.
    pub carried: Vec<String>,
    pub done: Vec<String>,
    pub follow_ups: Vec<String>,
    pub notes: Option<&'a str>,
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let carried = inputs
        .assessment(&CADENCE)
        .and_then(|a| a.facts.get("carried"))
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let plan = Plan {
        person: person(inputs)?,
        recognise: inputs.text(&RECOGNISE)?,
        growth: inputs.text(&GROWTH)?,
        topics: inputs.list(&TOPICS),
        status: inputs.has(&STATUS).then(|| inputs.list(&STATUS)),
        carried,
        done: inputs.list(&DONE),
        follow_ups: inputs.list(&FOLLOW_UPS),
        notes: inputs.text(&NOTES),
    };
    Some(assess(&plan))
}

pub(crate) fn assess(plan: &Plan<'_>) -> Finding {
    let looks: Vec<String> = plan
        .topics
        .iter()
        .filter(|t| looks_like_status(t))
        .cloned()
        .collect();
    let status: Vec<String> = plan
        .status
        .clone()
        .unwrap_or_else(|| looks.clone())
        .into_iter()
        .filter(|s| plan.topics.contains(s))
        .collect();
    let real: Vec<String> = plan
        .topics
        .iter()
        .filter(|t| !status.contains(t))
        .cloned()
        .collect();
    // A journal shared by several runs may carry one follow-up twice, and a lead may
    // write down again one that is still open: each is listed once, and one marked done
    // is done in every spelling.
    let still_open: Vec<String> = distinct(&plan.carried)
        .into_iter()
        .filter(|c| !plan.done.iter().any(|d| same_follow_up(c, d)))
        .collect();
    // A refused follow-up never reaches here in a session; in a table test it is dropped.
    let new: Vec<String> = distinct(
        &plan
            .follow_ups
            .iter()
            .filter_map(|f| follow_up(f, plan.person).ok())
            .collect::<Vec<_>>(),
    )
    .into_iter()
    .filter(|f| !still_open.iter().any(|open| same_follow_up(open, f)))
    .collect();
    let open: Vec<String> = still_open.iter().chain(&new).cloned().collect();
    let mostly_status = !status.is_empty() && status.len() * 2 > plan.topics.len();
    let verdict = if mostly_status {
        "status-update"
    } else {
        "real-conversation"
    };
    let facts = json!({
        "person": plan.person.trim(),
        "recognise": plan.recognise.trim().trim_end_matches('.'),
        "growth": plan.growth.trim().trim_end_matches('.'),
        "topics": real,
        "status_topics": status,
        "looks_like_status": looks,
        "topic_count": plan.topics.len(),
        "status_count": status.len(),
        "carried": plan.carried,
        "done": plan.done,
        "still_open": still_open,
        "new_follow_ups": new,
        "open_follow_ups": open,
        "agenda": agenda(!still_open.is_empty(), &real),
        "notes": plan.notes.map(str::trim),
    });
    Finding::new(verdict, facts).warn((open.len() >= PILE_UP).then_some("follow-ups-pile-up"))
}

/// The fifteen minutes, slot by slot: the recognition first, last time's open follow-ups,
/// the three questions, then the lead's own topics. Without topics of their own, their
/// time goes to the first two questions. The minutes always add up to fifteen.
fn agenda(follow_ups: bool, topics: &[String]) -> Value {
    let mut slots: Vec<(&str, u32, Vec<String>)> = vec![("recognition", 1, Vec::new())];
    if follow_ups {
        slots.push(("follow-ups", 2, Vec::new()));
    }
    slots.push(("frustrating", 3, Vec::new()));
    slots.push(("learn", 3, Vec::new()));
    slots.push(("better", 2, Vec::new()));
    let used: u32 = slots.iter().map(|s| s.1).sum();
    let rest = MINUTES - used;
    if topics.is_empty() {
        let first = rest.div_ceil(2);
        for (slot, minutes, _) in &mut slots {
            match *slot {
                "frustrating" => *minutes += first,
                "learn" => *minutes += rest - first,
                _ => {}
            }
        }
    } else {
        slots.push(("topics", rest, topics.to_vec()));
    }
    Value::Array(
        slots
            .into_iter()
            .map(|(slot, minutes, items)| json!({ "slot": slot, "minutes": minutes, "items": items }))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan<'a>(topics: &[&str], status: Option<&[&str]>) -> Plan<'a> {
        Plan {
            person: "Sam",
            recognise: "the calm incident review",
            growth: "leading the next design review",
            topics: topics.iter().map(|t| t.to_string()).collect(),
            status: status.map(|s| s.iter().map(|t| t.to_string()).collect()),
            ..Plan::default()
        }
    }

    /// (topics, topics marked status, verdict, status count)
    type Row<'a> = (&'a [&'a str], Option<&'a [&'a str]>, &'a str, usize);

    #[test]
    fn mostly_status_is_a_status_update() {
        #[rustfmt::skip]
        let rows: &[Row<'_>] = &[
            (&[], None, "real-conversation", 0),
            (&["the on-call rota"], None, "real-conversation", 0),
            (&["sprint progress", "ticket ETA"], None, "status-update", 2),
            (&["sprint progress", "the on-call rota"], None, "real-conversation", 1),
            (&["sprint progress", "ticket ETA", "pairing"], None, "status-update", 2),
            // The lead's own marking wins over the guess.
            (&["sprint progress", "ticket ETA"], Some(&[]), "real-conversation", 0),
            (&["the migration", "pairing"], Some(&["the migration", "pairing"]), "status-update", 2),
        ];
        for &(topics, status, verdict, count) in rows {
            let finding = assess(&plan(topics, status));
            assert_eq!(finding.verdict, verdict, "{topics:?} {status:?}");
            assert_eq!(finding.facts["status_count"], json!(count), "{topics:?}");
        }
    }

    #[test]
    fn the_agenda_is_fifteen_minutes_with_the_three_questions() {
        for (carried, topics) in [
            (vec![], vec![]),
            (vec!["me: book the course".to_string()], vec![]),
            (vec![], vec!["the on-call rota"]),
            (
                vec!["me: book the course".to_string()],
                vec!["the on-call rota"],
            ),
        ] {
            let finding = assess(&Plan {
                carried: carried.clone(),
                ..plan(&topics, None)
            });
            let agenda = finding.facts["agenda"].as_array().unwrap();
            let minutes: u64 = agenda.iter().map(|s| s["minutes"].as_u64().unwrap()).sum();
            assert_eq!(minutes, u64::from(MINUTES), "{carried:?} {topics:?}");
            let slots: Vec<&str> = agenda.iter().map(|s| s["slot"].as_str().unwrap()).collect();
            for question in ["frustrating", "learn", "better"] {
                assert!(slots.contains(&question), "{slots:?}");
            }
            assert_eq!(slots.contains(&"follow-ups"), !carried.is_empty());
        }
    }

    #[test]
    fn follow_ups_carry_forward_until_done() {
        let finding = assess(&Plan {
            carried: vec!["me: book the course".into(), "Sam: draft the RFC".into()],
            done: vec!["Sam: draft the RFC".into()],
            follow_ups: vec![
                "sam: share the notes".into(),
                "ask Priya about pairing".into(),
            ],
            ..plan(&[], None)
        });
        assert_eq!(
            finding.facts["open_follow_ups"],
            json!([
                "me: book the course",
                "Sam: share the notes",
                "me: ask Priya about pairing"
            ])
        );
    }

    /// Written twice, in the journal or again by the lead: listed once; marked done in one
    /// spelling: done in all.
    #[test]
    fn a_follow_up_is_listed_once_whatever_its_spelling() {
        type Row<'a> = (
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
        );
        #[rustfmt::skip]
        let rows: &[Row<'_>] = &[
            // carried, done, new follow-ups → still open, open after
            (&["me: book the course", "me: Book  the course"], &[], &[],
             &["me: book the course"], &["me: book the course"]),
            (&["me: book the course"], &[], &["me: Book the course ", "Sam: write tests"],
             &["me: book the course"], &["me: book the course", "Sam: write tests"]),
            (&["me: book the course", "Sam: draft the RFC", "me: book the course."], &["me: book the course"], &[],
             &["Sam: draft the RFC"], &["Sam: draft the RFC"]),
            (&[], &[], &["sam: write tests", "Sam: Write tests"],
             &[], &["Sam: write tests"]),
        ];
        for &(carried, done, follow_ups, still_open, open) in rows {
            let strings = |items: &[&str]| items.iter().map(|i| i.to_string()).collect::<Vec<_>>();
            let finding = assess(&Plan {
                carried: strings(carried),
                done: strings(done),
                follow_ups: strings(follow_ups),
                ..plan(&[], None)
            });
            assert_eq!(
                finding.facts["still_open"],
                json!(still_open),
                "{carried:?} {done:?} {follow_ups:?}"
            );
            assert_eq!(
                finding.facts["open_follow_ups"],
                json!(open),
                "{carried:?} {done:?} {follow_ups:?}"
            );
        }
    }

    #[test]
    fn a_follow_up_for_someone_else_is_refused() {
        #[rustfmt::skip]
        let rows: &[(&str, Result<&str, &str>)] = &[
            ("me: book the course", Ok("me: book the course")),
            ("I: book the course", Ok("me: book the course")),
            ("book the course", Ok("me: book the course")),
            ("SAM: draft the RFC", Ok("Sam: draft the RFC")),
            ("Priya: send the doc", Err("Priya")),
            ("Sma: fix the typo", Err("Sma")),
            // Not a name before the colon: the whole text is the lead's.
            ("ask about 3:30 slots", Ok("me: ask about 3:30 slots")),
            ("read chapter 2: the basics, then decide", Ok("me: read chapter 2: the basics, then decide")),
        ];
        for &(text, expected) in rows {
            match (follow_up(text, "Sam"), expected) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "{text}"),
                (Err(problem), Err(name)) => assert!(problem.contains(name), "{problem}"),
                (got, want) => panic!("{text}: got {got:?}, expected {want:?}"),
            }
        }
    }

    #[test]
    fn status_is_recognised_by_its_words() {
        for (topic, status) in [
            ("Sprint progress", true),
            ("the ETA for the billing ticket", true),
            ("Is the release date on track?", true),
            ("how the on-call rota feels", false),
            ("updated career goals", false),
        ] {
            assert_eq!(looks_like_status(topic), status, "{topic}");
        }
    }
}
