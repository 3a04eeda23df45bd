//! The retrospective over small logs written in our own record format.

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::coach::history::{Meeting, ModeHours, Week};
use crate::record::parse;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// A record numbered `n` with this front matter and these sections after its title.
fn record(n: u32, front: &str, sections: &str) -> Record {
    parse(
        Path::new(&format!("{n:04}-x.md")),
        &format!("---\n{front}---\n\n# Decision {n}\n\n## Context and Problem Statement\n\nWhy.\n\n{sections}"),
    )
    .unwrap()
}

fn look_back(date: &str, held: &str) -> String {
    format!(
        "## Outcome ({date})\n\n* What happened: it ran\n* Did it hold up: {held}\n* What we learnt: plenty\n\n"
    )
}

/// (status, date, door, sections, days to decide)
#[test]
fn days_to_decide_count_from_the_record_to_its_acceptance() {
    #[rustfmt::skip]
    let rows: &[(&str, &str, &str, Option<i64>)] = &[
        ("accepted", "2026-11-01", "", Some(0)),
        ("accepted", "2026-11-01", "## Proposal Finished (2026-11-13)\n\n* Decided: \"A\"\n\n", Some(12)),
        ("superseded", "2026-11-01", "## Proposal Finished (2026-11-03)\n\n* Decided: \"A\"\n\n", Some(2)),
        ("proposed", "2026-11-01", "", None),
        ("rejected", "2026-11-01", "", None),
    ];
    for (index, &(status, date, sections, expected)) in rows.iter().enumerate() {
        let r = record(
            1,
            &format!("status: {status}\ndate: {date}\ndoor: two-way\n"),
            sections,
        );
        assert_eq!(days_to_decide(&r), expected, "row {index}");
    }
}

#[test]
fn speed_is_the_median_by_door_and_a_slow_two_way_door_is_named() {
    let finished = |date: &str| format!("## Proposal Finished ({date})\n\n* Decided: \"A\"\n\n");
    let records = [
        record(1, "status: accepted\ndate: 2026-11-01\ndoor: two-way\n", ""),
        record(
            2,
            "status: accepted\ndate: 2026-11-01\ndoor: two-way\n",
            &finished("2026-11-13"),
        ),
        record(
            3,
            "status: accepted\ndate: 2026-11-01\ndoor: two-way\n",
            &finished("2026-11-04"),
        ),
        record(
            4,
            "status: accepted\ndate: 2026-11-01\ndoor: one-way\n",
            &finished("2026-11-10"),
        ),
        record(
            5,
            "status: accepted\ndate: 2026-11-01\ndoor: one-way\n",
            &finished("2026-11-21"),
        ),
        record(6, "status: accepted\ndate: 2026-11-01\n", ""),
    ];
    let speed = speed(&seen(&records));
    assert_eq!(speed.two_way.decisions, 3);
    assert_eq!(speed.two_way.median_days, Some(3.0));
    assert_eq!(speed.one_way.median_days, Some(14.5));
    assert_eq!(speed.without_door, 1);
    assert_eq!(
        speed.two_way.slow,
        [Slow {
            number: Some(2),
            title: "Decision 2".into(),
            days: 12
        }]
    );
}

#[test]
fn an_investigation_past_its_time_box_is_listed() {
    let records = [
        record(
            1,
            "status: proposed\ndate: 2026-11-01\ndecide-by: 2026-11-20\n",
            "",
        ),
        record(
            2,
            "status: proposed\ndate: 2026-11-01\ndecide-by: 2026-11-30\n",
            "",
        ),
        record(
            3,
            "status: accepted\ndate: 2026-11-01\ndecide-by: 2026-11-02\n",
            "",
        ),
    ];
    let past = past_time_box(&seen(&records), today());
    assert_eq!(past.len(), 1);
    assert_eq!(past[0].number, Some(1));
    assert_eq!(past[0].days_past, 6);
}

#[test]
fn the_latest_look_back_says_how_a_decision_held_up() {
    #[rustfmt::skip]
    let rows: &[(String, Option<HeldUp>)] = &[
        (look_back("2026-11-10", "yes: load stayed flat"), Some(HeldUp::Yes)),
        (look_back("2026-11-10", "partly, we changed it: added a cache"), Some(HeldUp::Changed)),
        (look_back("2026-11-10", "no, we reversed it"), Some(HeldUp::Reversed)),
        (look_back("2026-11-10", "yes") + &look_back("2026-11-20", "no, we reversed it"), Some(HeldUp::Reversed)),
        (String::new(), None),
    ];
    for (sections, expected) in rows {
        let r = record(1, "status: accepted\ndate: 2026-11-01\n", sections);
        assert_eq!(held_up(&r), *expected, "{sections}");
    }
}

#[test]
fn calibration_waits_for_five_reviewed_decisions_with_a_confidence() {
    let reviewed = |n: u32, confidence: u32, held: &str| {
        record(
            n,
            &format!("status: accepted\ndate: 2026-11-01\nconfidence: {confidence}%\n"),
            &look_back("2026-11-20", held),
        )
    };
    let mut records = vec![
        reviewed(1, 70, "yes"),
        reviewed(2, 75, "no, we reversed it"),
        reviewed(3, 90, "yes"),
        reviewed(4, 95, "yes"),
        // A confidence without a review, and a review without a confidence, count for nothing.
        record(
            5,
            "status: accepted\ndate: 2026-11-01\nconfidence: 80%\n",
            "",
        ),
        record(
            6,
            "status: accepted\ndate: 2026-11-01\n",
            &look_back("2026-11-20", "yes"),
        ),
    ];
    let early = calibration(&seen(&records));
    assert!(!early.enough);
    assert_eq!(early.reviewed_with_confidence, 4);
    assert!(early.buckets.is_empty());
    records.push(reviewed(7, 72, "partly, we changed it"));
    let calibrated = calibration(&seen(&records));
    assert!(calibrated.enough);
    assert_eq!(
        calibrated.buckets,
        [
            Bucket {
                from: 70,
                to: 79,
                decisions: 3,
                held_up: 1,
                share: 33
            },
            Bucket {
                from: 90,
                to: 99,
                decisions: 2,
                held_up: 2,
                share: 100
            },
        ]
    );
    let retro = retro(&records, &History::default(), today());
    let text = screen(&retro, Some("docs/decisions"), Some("journal"));
    assert!(text.contains("70-79%  1 of 3 held up (33%)"), "{text}");
    assert!(
        text.contains("Review outcomes: 4 held up, 1 changed, 1 reversed"),
        "{text}"
    );
}

#[test]
fn the_journal_part_shows_the_cadence_and_the_weeks() {
    let date = |day: u32| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
    let history = History {
        one_on_ones: vec![
            Meeting {
                date: date(5),
                person: "Sam".into(),
                open: vec![],
                notes: None,
            },
            Meeting {
                date: date(19),
                person: "Sam".into(),
                open: vec![],
                notes: None,
            },
        ],
        weeks: vec![
            Week {
                date: date(20),
                hours: ModeHours {
                    leader: 4.0,
                    people: 6.0,
                    process: 2.0,
                    coding: 28.0,
                },
            },
            Week {
                date: date(27),
                hours: ModeHours {
                    leader: 10.0,
                    people: 10.0,
                    process: 10.0,
                    coding: 10.0,
                },
            },
        ],
    };
    let retro = retro(&[], &history, today());
    // A week dated after today is not in the trend.
    assert_eq!(retro.mode_trend.len(), 1);
    assert_eq!(retro.mode_trend[0].coding, 70);
    let text = screen(&retro, None, Some("journal"));
    assert!(
        text.contains("Sam: 2 one-on-ones, the last one 7 days ago, every 14 days on average"),
        "{text}"
    );
    assert!(text.contains("coding 70%"), "{text}");
    assert!(
        text.contains("Decisions: no decision log to read."),
        "{text}"
    );
    let json = json(&retro, None, Some("journal"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["one_on_ones"][0]["person"], "Sam");
    assert_eq!(value["calibration"]["enough"], false);
    assert_eq!(value["log"], serde_json::Value::Null);
}

/// The records as the retrospective sees them.
fn seen(records: &[Record]) -> Vec<Seen<'_>> {
    records.iter().map(Seen::of).collect()
}
