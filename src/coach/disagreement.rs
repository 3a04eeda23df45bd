//! Technical disagreements: "First, let them argue it out." If that does not settle it,
//! facilitate with three questions (trade-offs, timeline, what's easier to change later);
//! only when they are deadlocked and the project suffers, make the call and explain it:
//! "I'm going with A because … If it doesn't work, we'll switch to B."

use serde_json::{Map, json};

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

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "disagreement",
    title: "Facilitate, don't dictate",
    inputs: &[APPROACHES, HOLDERS, ARGUED_OUT, TIMES, EASIER, DEADLOCKED],
    facts: &[
        "stage",
        "recommended",
        "other",
        "because",
        "times",
        "sides",
        "people",
        "holder",
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
    warnings: &[],
    run,
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
    let because = match (easier.is_some(), faster, times) {
        (true, Some(f), (Some(tc), Some(to))) if f == chosen => {
            format!("it's easier to change later and quicker ({tc} against {to})")
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
        (false, Some(_), (Some(tc), Some(to))) => format!("it's quicker ({tc} against {to})"),
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
    let mut finding = assess(&dispute, &inputs.each_text(&HOLDERS));
    // A ruling is checked like any easy-to-reverse decision; a disagreement still being
    // settled, a week on, to see where they landed.
    let days = match stage(&dispute) {
        Stage::Rule => inputs.conditions.periods.two_way_days,
        Stage::Argue | Stage::Facilitate => CHECK_IN_DAYS,
    };
    let today = inputs.today();
    let review_by = inputs
        .conditions
        .calendar
        .on_or_after(super::units::add_days(today, days));
    finding
        .facts
        .insert("review_by".into(), json!(super::units::iso(review_by)));
    finding.facts.insert(
        "review_by_text".into(),
        json!(super::units::human_date(review_by, today)),
    );
    Some(finding)
}

/// Days until the lead checks where a disagreement still being settled has landed.
const CHECK_IN_DAYS: i64 = 7;

pub(crate) fn assess(dispute: &Dispute<'_>, holders: &[(String, String)]) -> Finding {
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
        "review_by": null,
        "review_by_text": null,
    });
    Finding::new(stage.key(), facts)
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
            let finding = assess(&dispute, &[]);
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
        let finding = assess(&dispute, &[]);
        assert_eq!(finding.verdict, "rule");
        assert!(finding.facts["recommended"].is_null());
    }
}
