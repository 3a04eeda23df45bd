//! One-way or two-way door: "If this turns out to be wrong, how long would it take to undo?"
//! Days: reversible, decide fast. Months: think harder. Weeks: it depends on what makes it hard.

use chrono::{Days, NaiveDate};
use serde_json::json;

use super::{Assessment, ReviewPeriods};
use crate::answer::Duration;

pub(crate) const FRAMEWORK: &str = "door-type";
pub(crate) const TITLE: &str = "One-way or two-way door";

/// Undo estimates below this many days count as "days".
pub(crate) const DAYS_BELOW: f64 = 14.0;
/// Undo estimates from this many days count as "months".
pub(crate) const MONTHS_FROM: f64 = 60.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Door {
    TwoWay,
    OneWay,
}

impl Door {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Door::TwoWay => "two-way",
            Door::OneWay => "one-way",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Door> {
        let text = text.trim().to_lowercase();
        if text.starts_with("two-way") || text.starts_with("two way") {
            Some(Door::TwoWay)
        } else if text.starts_with("one-way") || text.starts_with("one way") {
            Some(Door::OneWay)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Band {
    Days,
    Weeks,
    Months,
}

impl Band {
    pub(crate) fn of(undo: Duration) -> Band {
        let days = undo.days();
        if days < DAYS_BELOW {
            Band::Days
        } else if days < MONTHS_FROM {
            Band::Weeks
        } else {
            Band::Months
        }
    }

    pub(crate) fn key(self) -> &'static str {
        match self {
            Band::Days => "days",
            Band::Weeks => "weeks",
            Band::Months => "months",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct DoorAnswers<'a> {
    /// "Does this feel like a one-way door?" Asked when the undo estimate is in days.
    pub feels_one_way: Option<bool>,
    /// "What makes it hard to undo?" Asked when the undo estimate is in weeks.
    pub hard_to_undo: Option<&'a str>,
    /// The user's own classification, asked when the estimate is in weeks.
    pub classification: Option<Door>,
}

pub(crate) fn assess(
    undo: Duration,
    answers: &DoorAnswers<'_>,
    periods: &ReviewPeriods,
    today: NaiveDate,
) -> Assessment {
    let band = Band::of(undo);
    let (door, verdict, reasoning, passages): (Option<Door>, String, String, Vec<&'static str>) =
        match band {
            Band::Days if answers.feels_one_way == Some(true) => (
                Some(Door::TwoWay),
                "Two-way door masquerading as a one-way door: decide fast".into(),
                format!(
                    "It feels irreversible, but you could undo it in {undo}. \
                     That is a two-way door: decide now and move on."
                ),
                vec!["undo-test", "doors-masquerading", "reversible-quickly"],
            ),
            Band::Days => (
                Some(Door::TwoWay),
                "Two-way door: decide fast".into(),
                format!(
                    "Undoing it would take {undo}, so it is reversible. \
                     Decide fast and move on; you can change course cheaply."
                ),
                vec!["undo-test", "reversible-quickly"],
            ),
            Band::Months => (
                Some(Door::OneWay),
                "One-way door: decide carefully".into(),
                format!(
                    "Undoing it would take {undo}, so it is hard to reverse. \
                     Take the time to get this one right."
                ),
                vec!["undo-test", "one-way-two-way-doors", "reversible-quickly"],
            ),
            Band::Weeks => match answers.classification {
                None => (
                    None,
                    "Weeks to undo: it depends on what makes it hard".into(),
                    format!(
                        "{} sits between days (reversible) and months (think harder). \
                         What makes it hard to undo decides which door it is.",
                        capitalise(&undo.to_string())
                    ),
                    vec!["undo-test", "doors-masquerading"],
                ),
                Some(Door::OneWay) => (
                    Some(Door::OneWay),
                    "One-way door (your call): decide carefully".into(),
                    format!(
                        "Undoing it would take {undo}{}. You judged that hard enough to \
                         treat as a one-way door, so take the time to get it right.",
                        because(answers.hard_to_undo)
                    ),
                    vec!["undo-test", "one-way-two-way-doors", "reversible-quickly"],
                ),
                Some(Door::TwoWay) => (
                    Some(Door::TwoWay),
                    "Two-way door (your call): decide fast".into(),
                    format!(
                        "Undoing it would take {undo}{}, but you judged it reversible. \
                         Decide fast and move on.",
                        because(answers.hard_to_undo)
                    ),
                    vec!["undo-test", "doors-masquerading", "reversible-quickly"],
                ),
            },
        };
    // An unclassified door is treated as one-way until the user says otherwise: careful is
    // the safe default when reversing is in doubt.
    let review_days = match door {
        Some(Door::TwoWay) => periods.two_way_days,
        _ => periods.one_way_days,
    };
    let review_by = add_days(today, review_days);
    let facts = json!({
        "door": door.map_or("undecided", Door::key),
        "band": band.key(),
        "undo": undo.to_string(),
        "undo_days": undo.days(),
        "masquerading": band == Band::Days && answers.feels_one_way == Some(true),
        "needs_classification": band == Band::Weeks && answers.classification.is_none(),
        "review_by": review_by.format("%Y-%m-%d").to_string(),
    });
    Assessment::new(FRAMEWORK, TITLE, verdict, reasoning, passages, facts)
}

/// `days` after `date`; past the last date a record can hold, that last date (a review
/// due in the year 10000 is as good as never, and the date must read back).
pub(crate) fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_days(Days::new(days.max(0) as u64))
        .filter(|later| *later <= crate::answer::LAST_DATE)
        .unwrap_or(crate::answer::LAST_DATE.max(date))
}

fn because(hard_to_undo: Option<&str>) -> String {
    match hard_to_undo.map(str::trim).filter(|t| !t.is_empty()) {
        Some(reason) => format!(" ({})", reason.trim_end_matches('.')),
        None => String::new(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// (undo estimate, feels one-way, classification, door, band, masquerading, verdict starts with)
    type Row = (
        &'static str,
        Option<bool>,
        Option<Door>,
        &'static str,
        &'static str,
        bool,
        &'static str,
    );

    #[rustfmt::skip]
    const VERDICTS: &[Row] = &[
        ("0 days",   None,        None,              "two-way",   "days",   false, "Two-way door: decide fast"),
        ("4 hours",  None,        None,              "two-way",   "days",   false, "Two-way door: decide fast"),
        ("3 days",   None,        None,              "two-way",   "days",   false, "Two-way door: decide fast"),
        ("3 days",   Some(false), None,              "two-way",   "days",   false, "Two-way door: decide fast"),
        ("3 days",   Some(true),  None,              "two-way",   "days",   true,  "Two-way door masquerading"),
        ("13 days",  Some(true),  None,              "two-way",   "days",   true,  "Two-way door masquerading"),
        ("1 week",   None,        None,              "two-way",   "days",   false, "Two-way door: decide fast"),
        // 14 days is the first "weeks" answer.
        ("14 days",  None,        None,              "undecided", "weeks",  false, "Weeks to undo"),
        ("2 weeks",  None,        None,              "undecided", "weeks",  false, "Weeks to undo"),
        ("1 month",  None,        None,              "undecided", "weeks",  false, "Weeks to undo"),
        ("6 weeks",  None,        Some(Door::OneWay), "one-way",  "weeks",  false, "One-way door (your call)"),
        ("6 weeks",  None,        Some(Door::TwoWay), "two-way",  "weeks",  false, "Two-way door (your call)"),
        // Feeling irreversible only flags masquerading when the undo is in days.
        ("3 weeks",  Some(true),  None,              "undecided", "weeks",  false, "Weeks to undo"),
        ("59 days",  None,        None,              "undecided", "weeks",  false, "Weeks to undo"),
        ("60 days",  None,        None,              "one-way",   "months", false, "One-way door: decide carefully"),
        ("2 months", None,        None,              "one-way",   "months", false, "One-way door: decide carefully"),
        ("1 year",   Some(true),  None,              "one-way",   "months", false, "One-way door: decide carefully"),
    ];

    #[test]
    fn verdict_table() {
        for &(undo, feels, class, door, band, masquerading, verdict) in VERDICTS {
            let undo = Duration::parse(undo).unwrap();
            let answers = DoorAnswers {
                feels_one_way: feels,
                hard_to_undo: None,
                classification: class,
            };
            let result = assess(undo, &answers, &ReviewPeriods::default(), today());
            let case = format!("{undo} {feels:?} {class:?}");
            assert_eq!(result.fact_str("door"), Some(door), "{case}");
            assert_eq!(result.fact_str("band"), Some(band), "{case}");
            assert_eq!(result.facts["masquerading"], masquerading, "{case}");
            assert!(
                result.verdict.starts_with(verdict),
                "{case}: {}",
                result.verdict
            );
            assert!(result.passages.contains(&"undo-test"), "{case}");
            assert!(!result.reasoning.is_empty());
        }
    }

    #[test]
    fn masquerading_cites_the_masquerading_passage() {
        let answers = DoorAnswers {
            feels_one_way: Some(true),
            ..Default::default()
        };
        let result = assess(
            Duration::new(2.0, Unit::Days),
            &answers,
            &ReviewPeriods::default(),
            today(),
        );
        assert!(result.passages.contains(&"doors-masquerading"));
        assert!(result.reasoning.contains("2 days"));
    }

    #[test]
    fn review_date_follows_the_door() {
        let periods = ReviewPeriods::default();
        let two_way = assess(
            Duration::new(2.0, Unit::Days),
            &DoorAnswers::default(),
            &periods,
            today(),
        );
        assert_eq!(two_way.fact_str("review_by"), Some("2026-12-26"));
        let one_way = assess(
            Duration::new(6.0, Unit::Months),
            &DoorAnswers::default(),
            &periods,
            today(),
        );
        assert_eq!(one_way.fact_str("review_by"), Some("2027-02-24"));
    }

    #[test]
    fn your_reason_for_weeks_is_quoted_back() {
        let answers = DoorAnswers {
            feels_one_way: None,
            hard_to_undo: Some("customers integrate against the API."),
            classification: Some(Door::OneWay),
        };
        let result = assess(
            Duration::new(3.0, Unit::Weeks),
            &answers,
            &ReviewPeriods::default(),
            today(),
        );
        assert!(
            result
                .reasoning
                .contains("(customers integrate against the API)"),
            "{}",
            result.reasoning
        );
    }

    #[test]
    fn door_names_parse() {
        assert_eq!(Door::parse("one-way door"), Some(Door::OneWay));
        assert_eq!(Door::parse("Two way"), Some(Door::TwoWay));
        assert_eq!(Door::parse("revolving"), None);
    }
}
