//! Technical disagreements: "First, let them argue it out." If that does not settle it,
//! facilitate with three questions (trade-offs, timeline, what's easier to change later);
//! only when they are deadlocked and the project suffers, make the call and explain it:
//! "I'm going with A because … If it doesn't work, we'll switch to B."

use serde_json::{Map, json};

use super::Assessment;
use crate::answer::Duration;

pub(crate) const FRAMEWORK: &str = "disagreement";
pub(crate) const TITLE: &str = "Facilitate, don't dictate";

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

pub(crate) fn assess(dispute: &Dispute<'_>, holders: &[(String, String)]) -> Assessment {
    let stage = stage(dispute);
    let with_holder = |name: &str| match holders.iter().find(|(n, _)| n == name) {
        Some((_, who)) if !who.trim().is_empty() => format!("{} ({name})", who.trim()),
        _ => name.to_string(),
    };
    let sides = dispute
        .approaches
        .iter()
        .map(|n| with_holder(n))
        .collect::<Vec<_>>()
        .join(" and ");
    let recommendation = recommend(dispute);

    let (verdict, reasoning, passages) = match stage {
        Stage::Argue => (
            "Let them argue it out first".to_string(),
            format!(
                "{sides} have not argued it out yet. Most technical disagreements resolve \
                 themselves: give them the chance before you step in."
            ),
            vec!["disagreement-argue-it-out"],
        ),
        Stage::Facilitate => (
            "Facilitate, don't dictate".to_string(),
            format!(
                "{sides} have argued it out but are not deadlocked. Ask them the trade-offs, \
                 the impact on the timeline and what's easier to change later, and help them \
                 decide together."
            ),
            vec!["facilitate-not-dictate", "ruling-present-cases"],
        ),
        Stage::Rule => (
            match &recommendation {
                Some((chosen, _, _)) => {
                    format!("Deadlocked: make the call and explain it (suggested: {chosen})")
                }
                None => "Deadlocked: make the call and explain it".to_string(),
            },
            match &recommendation {
                Some((chosen, other, because)) if !because.is_empty() => format!(
                    "They are deadlocked and the project is suffering, so it is your call. \
                     {chosen}, because {because}; if it doesn't work, switch to {other}."
                ),
                _ => "They are deadlocked and the project is suffering, so it is your call. \
                      Give the reason, and say what you'd switch to if it doesn't work."
                    .to_string(),
            },
            vec![
                "overrule-only-deadlocked",
                "ruling-present-cases",
                "ruling-explain-reasoning",
            ],
        ),
    };

    let times: Map<String, serde_json::Value> = dispute
        .times
        .iter()
        .map(|(name, d)| (name.clone(), json!(d.to_string())))
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
            .filter_map(|name| holders.iter().find(|(n, _)| n == name))
            .map(|(_, who)| who.trim())
            .filter(|who| !who.is_empty())
            .collect::<Vec<_>>(),
    });
    Assessment::new(FRAMEWORK, TITLE, verdict, reasoning, passages, facts)
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
            let result = assess(&dispute, &[]);
            assert_eq!(result.fact_str("stage"), Some(expected.key()));
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
        assert_eq!(result.verdict, "Let them argue it out first");
        assert!(
            result
                .reasoning
                .starts_with("Priya (Event queue) and Tom (Direct calls)")
        );
        assert_eq!(result.passages, ["disagreement-argue-it-out"]);
        assert_eq!(result.facts["people"], json!(["Priya", "Tom"]));
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
        assert!(result.verdict.contains("suggested: Direct calls"));
        assert!(
            result.reasoning.contains("switch to Event queue"),
            "{}",
            result.reasoning
        );
        assert_eq!(result.fact_str("other"), Some("Event queue"));
        assert!(result.passages.contains(&"ruling-explain-reasoning"));
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
        assert_eq!(
            assess(&dispute, &[]).verdict,
            "Deadlocked: make the call and explain it"
        );
    }
}
