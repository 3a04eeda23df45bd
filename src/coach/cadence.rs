//! One-on-ones every week: "Have one-on-ones every week. Not status updates - real
//! conversations." The cadence with one person, read from the journal: more than a week
//! since the last one is overdue. Last time's open follow-ups and notes come forward.

use chrono::NaiveDate;
use serde_json::json;

use super::history::{History, Meeting};
use super::units::{add_days, human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::Kind;

/// The episode's cadence: every week. Longer than this since the last one is overdue.
pub(crate) const WEEK_DAYS: i64 = 7;

pub(crate) const PERSON: Input = Input {
    name: "person",
    accepts: Accepts::Question(&[Kind::Text]),
    required: true,
    about: "who the one-on-one is with",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "one-on-one-cadence",
    title: "One-on-ones every week",
    inputs: &[PERSON],
    facts: &[
        "person",
        "meetings",
        "last",
        "last_text",
        "days_since",
        "carried",
        "last_notes",
        "next",
        "next_text",
    ],
    verdicts: &[
        Verdict {
            id: "first",
            stance: Stance::Inform,
            passage: "one-on-ones",
            also: &[],
        },
        Verdict {
            id: "on-time",
            stance: Stance::Inform,
            passage: "one-on-ones",
            also: &[],
        },
        Verdict {
            id: "overdue",
            stance: Stance::Inform,
            passage: "one-on-ones",
            also: &["takeaway-human"],
        },
    ],
    warnings: &[],
    run,
    keeps: &[],
    refuse: None,
    waits: &[],
};

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let person = inputs.text(&PERSON)?;
    let today = inputs.today();
    let next = inputs
        .conditions
        .calendar
        .review_day(add_days(today, WEEK_DAYS));
    Some(assess(
        person,
        &inputs.conditions.personal.history,
        today,
        next,
    ))
}

/// The cadence with `person` as of `today`; `next` is when the next one falls.
pub(crate) fn assess(
    person: &str,
    history: &History,
    today: NaiveDate,
    next: NaiveDate,
) -> Finding {
    let meetings = history.meetings_with(person, today).len();
    let last: Option<&Meeting> = history.last_with(person, today);
    let days_since = last.map(|m| (today - m.date).num_days());
    let verdict = match days_since {
        None => "first",
        Some(days) if days > WEEK_DAYS => "overdue",
        Some(_) => "on-time",
    };
    let facts = json!({
        // The name as the journal first knew it, so "sam" today still reads "Sam"; a
        // first one-on-one names them as a name is written.
        "person": last.map_or_else(|| crate::phrase::person_name(person), |m| m.person.trim().to_string()),
        "meetings": meetings,
        "last": last.map(|m| iso(m.date)),
        "last_text": last.map(|m| human_date(m.date, today)),
        "days_since": days_since,
        // Each once: a journal written by several runs may hold one twice.
        "carried": last.map(|m| super::one_on_one::distinct(&m.open)).unwrap_or_default(),
        "last_notes": last.and_then(|m| m.notes.clone()).filter(|n| !n.trim().is_empty()),
        "next": iso(next),
        "next_text": human_date(next, today),
    });
    Finding::new(verdict, facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn history() -> History {
        History {
            one_on_ones: vec![
                Meeting {
                    date: date(5),
                    person: "Sam".into(),
                    open: vec!["me: book the course".into()],
                    notes: Some("Wants to lead the next release".into()),
                },
                Meeting {
                    date: date(12),
                    person: "Priya".into(),
                    open: Vec::new(),
                    notes: None,
                },
            ],
            weeks: Vec::new(),
        }
    }

    /// (person, today, verdict, days since)
    #[test]
    fn more_than_a_week_is_overdue() {
        #[rustfmt::skip]
        let rows: &[(&str, u32, &str, Option<i64>)] = &[
            ("Ana",   26, "first",   None),
            ("Sam",   12, "on-time", Some(7)),
            ("sam",   13, "overdue", Some(8)),
            ("Priya", 12, "on-time", Some(0)),
            ("Priya", 26, "overdue", Some(14)),
            // An entry dated after today is not last time.
            ("Priya", 11, "first",   None),
        ];
        for &(person, today, verdict, days) in rows {
            let finding = assess(person, &history(), date(today), date(today));
            assert_eq!(finding.verdict, verdict, "{person} on {today}");
            assert_eq!(
                finding.facts["days_since"],
                json!(days),
                "{person} on {today}"
            );
        }
    }

    #[test]
    fn last_time_s_follow_ups_and_notes_come_forward() {
        let finding = assess("SAM", &history(), date(26), date(26));
        assert_eq!(finding.facts["carried"], json!(["me: book the course"]));
        assert_eq!(finding.fact_str("person"), Some("Sam"));
        assert_eq!(
            finding.fact_str("last_notes"),
            Some("Wants to lead the next release")
        );
        assert_eq!(finding.fact_str("last_text"), Some("Thursday 5 November"));
    }

    /// A name the journal does not know yet is written as a name is: the entry's title
    /// and the agenda say "One-on-one with Ana", though typed "ana".
    #[test]
    fn a_first_one_on_one_names_the_person_with_a_capital() {
        let rows = [("ana", "Ana"), ("Ana", "Ana"), ("de Vries", "de Vries")];
        for (typed, named) in rows {
            let finding = assess(typed, &history(), date(26), date(26));
            assert_eq!(finding.fact_str("person"), Some(named), "{typed:?}");
        }
    }
}
