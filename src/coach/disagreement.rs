//! Technical disagreements: "First, let them argue it out." If that does not settle it,
//! facilitate with three questions (trade-offs, timeline, what's easier to change later);
//! only when they are deadlocked and the project suffers, make the call and explain it:
//! "I'm going with A because … If it doesn't work, we'll switch to B."
//!
//! A ruling is said in separate sentences: the reason; what the other side got right and
//! how the chosen approach covers it (crediting a point the choice then breaks is
//! humouring); the signal anyone can check that makes us switch, and what we switch to.
//! When the lead goes against the coach's suggestion, the facts say so, and the record
//! says why.

use chrono::NaiveDate;
use serde_json::{Map, json};

use super::units::{add_days, human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::{Duration, Kind};

const APPROACHES: Input = Input {
    name: "approaches",
    accepts: Accepts::Question(&[Kind::Options, Kind::List]),
    required: true,
    about: "the two approaches on the table",
    values: &[],
};
const HOLDERS: Input = Input {
    name: "holders",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "a question asked `for_each` approach: who argues for it",
    values: &[],
};
const ARGUED_OUT: Input = Input {
    name: "argued_out",
    accepts: Accepts::Question(&[Kind::YesNo]),
    required: true,
    about: "whether they have argued it out between themselves yet",
    values: &[],
};
const TIMES: Input = Input {
    name: "times",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: false,
    about: "a question asked `for_each` approach: how long it would take",
    values: &[],
};
const EASIER: Input = Input {
    name: "easier",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "the approach that is easier to change later",
    values: &[],
};
const DEADLOCKED: Input = Input {
    name: "deadlocked",
    accepts: Accepts::Question(&[Kind::YesNo]),
    required: false,
    about: "whether they are deadlocked with the project suffering (asked once they argued)",
    values: &[],
};

const MEET_BY: Input = Input {
    name: "meet_by",
    accepts: Accepts::Question(&[Kind::Date]),
    required: false,
    about: "when facilitating: the day the three of you sit down to decide",
    values: &[],
};
const CHOSEN: Input = Input {
    name: "chosen",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "when ruling: the approach the lead goes with",
    values: &[],
};
const CREDIT: Input = Input {
    name: "credit",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "when ruling: what the other side got right",
    values: &[],
};
const COVER: Input = Input {
    name: "cover",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "when ruling: how the chosen approach covers what the other side got right",
    values: &[],
};
const SWITCH_WHEN: Input = Input {
    name: "switch_when",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "when ruling: the signal anyone can check that makes us switch",
    values: &[],
};
const FALLBACK: Input = Input {
    name: "fallback",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "when ruling: what we do instead once the signal shows",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "disagreement",
    title: "Facilitate, don't dictate",
    inputs: &[
        APPROACHES,
        HOLDERS,
        ARGUED_OUT,
        TIMES,
        EASIER,
        DEADLOCKED,
        MEET_BY,
        CHOSEN,
        CREDIT,
        COVER,
        SWITCH_WHEN,
        FALLBACK,
    ],
    facts: &[
        "stage",
        "recommended",
        "other",
        "because",
        "times",
        "sides",
        "people",
        "holder",
        "named",
        "chosen",
        "chosen_time",
        "meet_by",
        "decide_by",
        "decide_by_text",
        "overruled",
        "credit_covered",
        "switch",
        "review_by",
        "review_by_text",
    ],
    verdicts: &[
        Verdict {
            id: "argue",
            stance: Stance::Proposal,
            passage: "disagreement-argue-it-out",
            also: &["people-problems"],
        },
        Verdict {
            id: "facilitate",
            stance: Stance::Proposal,
            passage: "facilitate-not-dictate",
            also: &["ruling-present-cases"],
        },
        Verdict {
            id: "rule",
            stance: Stance::Decided,
            passage: "overrule-only-deadlocked",
            also: &["ruling-present-cases", "ruling-explain-reasoning"],
        },
    ],
    warnings: &["uncovered-credit"],
    run,
    keeps: &[],
    refuse: None,
    waits: &[],
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// They have not argued it out yet: let them.
    Argue,
    /// They argued it out and are not deadlocked: facilitate.
    Facilitate,
    /// Deadlocked and the project suffers: rule, with reasons and a fallback.
    Rule,
}

impl Stage {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Stage::Argue => "argue",
            Stage::Facilitate => "facilitate",
            Stage::Rule => "rule",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Dispute<'a> {
    /// The approaches' names.
    pub approaches: &'a [String],
    pub argued_out: bool,
    /// Whether they are deadlocked with the project suffering; asked once they argued.
    pub deadlocked: bool,
    /// How long each approach would take, by name.
    pub times: &'a [(String, Duration)],
    /// The approach that is easier to change later.
    pub easier: Option<&'a str>,
}

pub(crate) fn stage(dispute: &Dispute<'_>) -> Stage {
    match (dispute.argued_out, dispute.deadlocked) {
        (false, _) => Stage::Argue,
        (true, false) => Stage::Facilitate,
        (true, true) => Stage::Rule,
    }
}

fn time_of<'a>(dispute: &'a Dispute<'_>, name: &str) -> Option<&'a Duration> {
    dispute
        .times
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, d)| d)
}

/// The approach to suggest, the other one, and the reason in the user's numbers. What is
/// easier to change later comes first ("it's simpler and we can iterate"); the timeline
/// breaks a tie.
pub(crate) fn recommend(dispute: &Dispute<'_>) -> Option<(String, String, String)> {
    let [a, b] = dispute.approaches else {
        return None;
    };
    let faster = match (time_of(dispute, a), time_of(dispute, b)) {
        (Some(ta), Some(tb)) if ta.days() < tb.days() => Some(a),
        (Some(ta), Some(tb)) if tb.days() < ta.days() => Some(b),
        _ => None,
    };
    let easier = dispute
        .easier
        .and_then(|name| dispute.approaches.iter().find(|n| *n == name));
    let chosen = easier.or(faster).unwrap_or(a);
    let other = if chosen == a { b } else { a };
    let times = (time_of(dispute, chosen), time_of(dispute, other));
    // "(no extra time, against 6 weeks)": none of the time is never "0 weeks".
    let compared = |tc: &Duration, to: &Duration| {
        let said = crate::phrase::time_said(&tc.to_string());
        if tc.amount == 0.0 {
            format!("{said}, against {to}")
        } else {
            format!("{said} against {to}")
        }
    };
    let because = match (easier.is_some(), faster, times) {
        (true, Some(f), (Some(tc), Some(to))) if f == chosen => {
            format!(
                "it's easier to change later and quicker ({})",
                compared(tc, to)
            )
        }
        (true, Some(_), (Some(tc), Some(to))) => {
            let longer = Duration::new(tc.amount - to.amount, tc.unit);
            if tc.unit == to.unit {
                format!("it's easier to change later, even though it takes {longer} longer")
            } else {
                format!("it's easier to change later, even though it takes {tc} against {to}")
            }
        }
        (true, None, (Some(tc), Some(_))) => {
            format!("it's easier to change later, and both take {tc}")
        }
        (true, _, _) => "it's easier to change later".to_string(),
        (false, Some(_), (Some(tc), Some(to))) => format!("it's quicker ({})", compared(tc, to)),
        (false, _, _) => String::new(),
    };
    Some((chosen.clone(), other.clone(), because))
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let approaches = inputs.names(&APPROACHES)?;
    let argued_out = inputs.yes(&ARGUED_OUT)?;
    // Once they have argued, the next step depends on whether they are deadlocked: wait
    // for that answer rather than guess.
    let deadlocked = match argued_out {
        false => false,
        true => inputs.yes(&DEADLOCKED)?,
    };
    let times = inputs.each_duration(&TIMES);
    let dispute = Dispute {
        approaches: &approaches,
        argued_out,
        deadlocked,
        times: &times,
        easier: inputs.text(&EASIER),
    };
    let ruling = Ruling {
        chosen: inputs.text(&CHOSEN),
        credit: inputs.text(&CREDIT),
        cover: inputs.text(&COVER),
        switch_when: inputs.text(&SWITCH_WHEN),
        fallback: inputs.text(&FALLBACK),
    };
    let mut finding = assess(&dispute, &inputs.each_text(&HOLDERS), &ruling);
    // Until the cover question has had its answer (blank counts), the credit is not yet
    // uncovered: the warning would scold the lead for a question not asked yet.
    if inputs.answer(&COVER).is_none() {
        finding
            .warnings
            .retain(|warning| *warning != "uncovered-credit");
    }
    let dates = dates(&dispute, &ruling, inputs);
    for (key, value) in [
        ("meet_by", json!(dates.meet_by.map(iso))),
        ("decide_by", json!(dates.decide_by.map(iso))),
        (
            "decide_by_text",
            json!(dates.decide_by.map(|d| human_date(d, inputs.today()))),
        ),
        ("review_by", json!(iso(dates.review_by))),
        (
            "review_by_text",
            json!(human_date(dates.review_by, inputs.today())),
        ),
    ] {
        finding.facts.insert(key.into(), value);
    }
    Some(finding)
}

/// Days until the lead checks where a disagreement still being settled has landed.
const CHECK_IN_DAYS: i64 = 7;

/// Working days until the three of you sit down, when facilitating: soon enough that the
/// work does not wait, late enough to prepare the cases.
const MEET_IN_WORKING_DAYS: u64 = 2;

struct Dates {
    /// When facilitating: the day to sit down together (the lead's, or the default).
    meet_by: Option<NaiveDate>,
    /// While it is being settled: the day it should be.
    decide_by: Option<NaiveDate>,
    review_by: NaiveDate,
}

/// While they argue it out, a week on; while facilitating, the meeting. A ruling is looked
/// at once its switch signal can show: after the chosen approach is built (its own
/// estimate, in working days) and has run for the period of an easy-to-reverse decision.
fn dates(dispute: &Dispute<'_>, ruling: &Ruling<'_>, inputs: &Inputs<'_>) -> Dates {
    let today = inputs.today();
    let calendar = inputs.conditions.calendar;
    match stage(dispute) {
        Stage::Argue => {
            let check_in = calendar.review_day(add_days(today, CHECK_IN_DAYS));
            Dates {
                meet_by: None,
                decide_by: Some(check_in),
                review_by: check_in,
            }
        }
        Stage::Facilitate => {
            let meet = inputs
                .date(&MEET_BY)
                .unwrap_or_else(|| calendar.add_working_days(today, MEET_IN_WORKING_DAYS));
            Dates {
                meet_by: Some(meet),
                decide_by: Some(meet),
                review_by: meet,
            }
        }
        Stage::Rule => {
            let built = ruling
                .chosen
                .and_then(|chosen| time_of(dispute, chosen))
                .map_or(today, |work| calendar.finish(today, *work));
            let review =
                calendar.review_day(add_days(built, inputs.conditions.periods.two_way_days));
            Dates {
                meet_by: None,
                decide_by: None,
                review_by: review,
            }
        }
    }
}

/// What the lead said when ruling.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Ruling<'a> {
    pub chosen: Option<&'a str>,
    pub credit: Option<&'a str>,
    pub cover: Option<&'a str>,
    pub switch_when: Option<&'a str>,
    pub fallback: Option<&'a str>,
}

pub(crate) fn assess(
    dispute: &Dispute<'_>,
    holders: &[(String, String)],
    ruling: &Ruling<'_>,
) -> Finding {
    let stage = stage(dispute);
    let holder = |name: &str| {
        holders
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, who)| who.trim())
            .filter(|who| !who.is_empty())
    };
    let sides = dispute
        .approaches
        .iter()
        .map(|name| match holder(name) {
            Some(who) => format!("{who} ({name})"),
            None => name.clone(),
        })
        .collect::<Vec<_>>();
    let recommendation = recommend(dispute);
    let times: Map<String, serde_json::Value> = dispute
        .times
        .iter()
        .map(|(name, d)| (name.clone(), json!(d.to_string())))
        .collect();
    let holder_map: Map<String, serde_json::Value> = dispute
        .approaches
        .iter()
        .filter_map(|name| holder(name).map(|who| (name.clone(), json!(who))))
        .collect();
    let named: Map<String, serde_json::Value> = dispute
        .approaches
        .iter()
        .map(|name| (name.clone(), json!(crate::phrase::approach(name))))
        .collect();
    let ruled = stage == Stage::Rule;
    let overruled = ruled
        && matches!((ruling.chosen, &recommendation), (Some(chosen), Some((suggested, _, _))) if chosen != suggested);
    let covered = ruling.cover.is_some() || ruling.credit.is_some_and(says_how_it_is_covered);
    let switch = ruled
        .then(|| switch_sentence(dispute.approaches, ruling))
        .flatten();
    let facts = json!({
        "stage": stage.key(),
        "recommended": recommendation.as_ref().map(|r| r.0.clone()),
        "other": recommendation.as_ref().map(|r| r.1.clone()),
        "because": recommendation.as_ref().map(|r| r.2.clone()).filter(|b| !b.is_empty()),
        "times": times,
        "sides": sides,
        "people": dispute
            .approaches
            .iter()
            .filter_map(|name| holder(name))
            .collect::<Vec<_>>(),
        "holder": holder_map,
        "named": named,
        "chosen": ruling.chosen.filter(|_| ruled),
        // The chosen approach's own estimate, when it is work at all ("0 weeks" is none).
        "chosen_time": ruling
            .chosen
            .filter(|_| ruled)
            .and_then(|chosen| time_of(dispute, chosen))
            .filter(|work| work.amount > 0.0)
            .map(ToString::to_string),
        "meet_by": null,
        "decide_by": null,
        "decide_by_text": null,
        "overruled": overruled,
        "credit_covered": covered,
        "switch": switch,
        "review_by": null,
        "review_by_text": null,
    });
    let finding = Finding::new(stage.key(), facts);
    if ruled && ruling.credit.is_some() && !covered {
        finding.warn(["uncovered-credit"])
    } else {
        finding
    }
}

/// A credit that goes on to say how it is kept ("each team releasing on its own matters,
/// and we keep per-service release pipelines").
fn says_how_it_is_covered(credit: &str) -> bool {
    let lower = credit.to_lowercase();
    [
        ", and we ",
        "; we ",
        " so we ",
        ", so ",
        " and we'll ",
        ", which we ",
        " - we ",
    ]
    .iter()
    .any(|joint| lower.contains(joint))
}

/// "If shipping is down for an hour in a month, we'll switch to the event queue.": the
/// signal, then what we do. A plan the lead wrote as a verb phrase follows "we'll" as it
/// is; a thing (an approach's name, "the event queue") follows "we'll switch to". With no
/// fallback given, none is promised: the signal only reopens the call.
fn switch_sentence(approaches: &[String], ruling: &Ruling<'_>) -> Option<String> {
    let signal = ruling.switch_when?;
    let lower = signal.to_lowercase();
    let signal = ["if ", "when ", "once "]
        .iter()
        .find(|w| lower.starts_with(*w))
        .map_or(signal, |w| &signal[w.len()..]);
    let signal = signal.trim().trim_end_matches(['.', '!', ';', ',']);
    let Some(fallback) = ruling.fallback else {
        return Some(format!(
            "If {signal}, we'll look at the call again together."
        ));
    };
    let then = match crate::phrase::as_plan(fallback) {
        Some(plan) => plan,
        None => {
            let fallback = fallback.trim().trim_end_matches(['.', '!', ';', ',']);
            let thing = approaches
                .iter()
                .find(|name| name.eq_ignore_ascii_case(fallback))
                .map_or_else(
                    || crate::phrase::approach(fallback),
                    |name| crate::phrase::approach(name),
                );
            format!("switch to {thing}")
        }
    };
    Some(format!("If {signal}, we'll {then}."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit::*;

    fn names() -> Vec<String> {
        vec!["Event queue".to_string(), "Direct calls".to_string()]
    }

    fn times(a: f64, b: f64) -> Vec<(String, Duration)> {
        vec![
            ("Event queue".into(), Duration::new(a, Weeks)),
            ("Direct calls".into(), Duration::new(b, Weeks)),
        ]
    }

    #[test]
    fn stages() {
        let approaches = names();
        let cases = [
            (false, false, Stage::Argue),
            (false, true, Stage::Argue),
            (true, false, Stage::Facilitate),
            (true, true, Stage::Rule),
        ];
        for (argued_out, deadlocked, expected) in cases {
            let dispute = Dispute {
                approaches: &approaches,
                argued_out,
                deadlocked,
                times: &[],
                easier: None,
            };
            assert_eq!(stage(&dispute), expected);
            let finding = assess(&dispute, &[], &Ruling::default());
            assert_eq!(finding.verdict, expected.key());
            assert!(FRAMEWORK.verdict(finding.verdict).is_some());
        }
    }

    #[test]
    fn not_argued_out_means_let_them() {
        let approaches = names();
        let holders = vec![
            ("Event queue".to_string(), "Priya".to_string()),
            ("Direct calls".to_string(), "Tom".to_string()),
        ];
        let result = assess(
            &Dispute {
                approaches: &approaches,
                argued_out: false,
                deadlocked: false,
                times: &[],
                easier: None,
            },
            &holders,
            &Ruling::default(),
        );
        assert_eq!(result.verdict, "argue");
        assert_eq!(
            result.facts["sides"],
            json!(["Priya (Event queue)", "Tom (Direct calls)"])
        );
        assert_eq!(result.facts["people"], json!(["Priya", "Tom"]));
        assert_eq!(result.facts["holder"]["Direct calls"], json!("Tom"));
    }

    #[test]
    fn recommendation_table() {
        let approaches = names();
        // (event queue weeks, direct calls weeks, easier, recommended, because)
        let cases: &[(f64, f64, Option<&str>, &str, &str)] = &[
            (
                3.0,
                1.0,
                Some("Direct calls"),
                "Direct calls",
                "it's easier to change later and quicker (1 week against 3 weeks)",
            ),
            (
                3.0,
                1.0,
                Some("Event queue"),
                "Event queue",
                "it's easier to change later, even though it takes 2 weeks longer",
            ),
            (
                2.0,
                2.0,
                Some("Event queue"),
                "Event queue",
                "it's easier to change later, and both take 2 weeks",
            ),
            (
                3.0,
                1.0,
                None,
                "Direct calls",
                "it's quicker (1 week against 3 weeks)",
            ),
            (2.0, 2.0, None, "Event queue", ""),
            (
                3.0,
                0.0,
                Some("Direct calls"),
                "Direct calls",
                "it's easier to change later and quicker (no extra time, against 3 weeks)",
            ),
            (
                0.0,
                2.0,
                None,
                "Event queue",
                "it's quicker (no extra time, against 2 weeks)",
            ),
        ];
        for &(a, b, easier, recommended, because) in cases {
            let times = times(a, b);
            let dispute = Dispute {
                approaches: &approaches,
                argued_out: true,
                deadlocked: true,
                times: &times,
                easier,
            };
            let (chosen, other, reason) = recommend(&dispute).unwrap();
            assert_eq!(chosen, recommended, "{a} {b} {easier:?}");
            assert_ne!(chosen, other);
            assert_eq!(reason, because, "{a} {b} {easier:?}");
        }
    }

    #[test]
    fn a_ruling_names_the_fallback() {
        let approaches = names();
        let times = times(3.0, 1.0);
        let result = assess(
            &Dispute {
                approaches: &approaches,
                argued_out: true,
                deadlocked: true,
                times: &times,
                easier: Some("Direct calls"),
            },
            &[],
            &Ruling::default(),
        );
        assert_eq!(result.verdict, "rule");
        assert_eq!(result.fact_str("recommended"), Some("Direct calls"));
        assert_eq!(result.fact_str("other"), Some("Event queue"));
    }

    #[test]
    fn fewer_than_two_approaches_have_no_recommendation() {
        let one = vec!["Only".to_string()];
        let dispute = Dispute {
            approaches: &one,
            argued_out: true,
            deadlocked: true,
            times: &[],
            easier: None,
        };
        assert!(recommend(&dispute).is_none());
        let finding = assess(&dispute, &[], &Ruling::default());
        assert_eq!(finding.verdict, "rule");
        assert!(finding.facts["recommended"].is_null());
    }

    fn ruled(ruling: &Ruling<'_>) -> Finding {
        let approaches = names();
        let times = times(3.0, 1.0);
        assess(
            &Dispute {
                approaches: &approaches,
                argued_out: true,
                deadlocked: true,
                times: &times,
                easier: Some("Direct calls"),
            },
            &[],
            ruling,
        )
    }

    #[test]
    fn the_switch_is_the_signal_then_what_we_do() {
        let signal = Some("shipping is down for more than an hour in a month");
        let cases = [
            (
                "the event queue",
                "If shipping is down for more than an hour in a month, we'll switch to the event queue.",
            ),
            (
                "Event queue",
                "If shipping is down for more than an hour in a month, we'll switch to the event queue approach.",
            ),
            (
                "keep the direct calls and add a retry queue.",
                "If shipping is down for more than an hour in a month, we'll keep the direct calls and add a retry queue.",
            ),
            (
                "We'll move to Kafka",
                "If shipping is down for more than an hour in a month, we'll move to Kafka.",
            ),
        ];
        for (fallback, sentence) in cases {
            let finding = ruled(&Ruling {
                chosen: Some("Direct calls"),
                switch_when: signal,
                fallback: Some(fallback),
                ..Ruling::default()
            });
            assert_eq!(finding.fact_str("switch"), Some(sentence), "{fallback}");
        }
        let with_if = ruled(&Ruling {
            switch_when: Some("If CI takes more than 20 minutes."),
            fallback: Some("the event queue"),
            ..Ruling::default()
        });
        assert_eq!(
            with_if.fact_str("switch"),
            Some("If CI takes more than 20 minutes, we'll switch to the event queue.")
        );
        // A fallback the lead did not give is never announced.
        let without_fallback = ruled(&Ruling {
            switch_when: signal,
            fallback: None,
            ..Ruling::default()
        });
        assert_eq!(
            without_fallback.fact_str("switch"),
            Some(
                "If shipping is down for more than an hour in a month, we'll look at the call again together."
            )
        );
    }

    #[test]
    fn a_credit_needs_to_say_how_the_choice_covers_it() {
        let credit = Some("an outage in shipping must never lose an order");
        let cases = [
            (credit, None, true),
            (
                credit,
                Some("failed calls retry until shipping is back"),
                false,
            ),
            (
                Some("each team releasing on its own matters, and we keep per-service pipelines"),
                None,
                false,
            ),
            (None, None, false),
        ];
        for (credit, cover, warned) in cases {
            let finding = ruled(&Ruling {
                chosen: Some("Direct calls"),
                credit,
                cover,
                ..Ruling::default()
            });
            assert_eq!(
                finding.warnings.contains(&"uncovered-credit"),
                warned,
                "{credit:?} {cover:?}"
            );
        }
    }

    #[test]
    fn going_against_the_suggestion_is_a_fact() {
        for (chosen, overruled) in [("Direct calls", false), ("Event queue", true)] {
            let finding = ruled(&Ruling {
                chosen: Some(chosen),
                ..Ruling::default()
            });
            assert_eq!(finding.facts["overruled"], json!(overruled), "{chosen}");
        }
    }
}
