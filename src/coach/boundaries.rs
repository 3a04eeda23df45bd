//! Taking care of yourself: "Set boundaries. Take vacations. Don't answer Slack on weekends
//! unless the building is literally on fire." And: "You are responsible. But responsible
//! doesn't mean always available."
//!
//! Three counts against the lead's own limits (configurable, see [`Limits`]): messages
//! answered after hours in the last week, weekend days worked in the last four weeks, and
//! the vacation taken so far against what was planned by now. Any one past its limit is a
//! boundary crossed.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict, percent_floor};
use crate::answer::Kind;

/// The lead's limits; `boundaries:` in the user's config sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Limits {
    /// The most messages answered after hours in a week.
    pub after_hours: u32,
    /// The most weekend days worked in four weeks.
    pub weekend_days: u32,
    /// The least share of the vacation planned by now that is taken, in percent.
    pub vacation_share: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            after_hours: 5,
            weekend_days: 1,
            vacation_share: 75,
        }
    }
}

const AFTER_HOURS: Input = Input::number("after_hours", "messages answered after hours last week");
const WEEKEND_DAYS: Input =
    Input::number("weekend_days", "weekend days worked in the last four weeks");
const VACATION_PLANNED: Input = Input::number("vacation_planned", "vacation days planned by now");
const VACATION_TAKEN: Input = Input::number("vacation_taken", "vacation days taken so far");
const ON_FIRE: Input = Input {
    name: "on_fire",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "what counts as the building on fire, worth answering out of hours",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "boundaries",
    title: "Responsible, not always available",
    inputs: &[
        AFTER_HOURS,
        WEEKEND_DAYS,
        VACATION_PLANNED,
        VACATION_TAKEN,
        ON_FIRE,
    ],
    facts: &[
        "after_hours",
        "weekend_days",
        "vacation_planned",
        "vacation_taken",
        "vacation_share",
        "crossed",
        "limits",
        "on_fire",
    ],
    verdicts: &[
        Verdict {
            id: "crossed",
            stance: Stance::Decided,
            passage: "responsible-not-always-available",
            also: &["take-care-of-yourself"],
        },
        Verdict {
            id: "within",
            stance: Stance::Decided,
            passage: "take-care-of-yourself",
            also: &["responsible-not-always-available"],
        },
    ],
    warnings: &["no-vacation-planned"],
    run,
    keeps: &[
        "after_hours",
        "weekend_days",
        "vacation_planned",
        "vacation_taken",
        "crossed",
    ],
    refuse: None,
    waits: &[],
};

/// What the lead counted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Counts {
    pub after_hours: f64,
    pub weekend_days: f64,
    pub vacation_planned: f64,
    pub vacation_taken: f64,
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let counts = Counts {
        after_hours: inputs.number(&AFTER_HOURS)?,
        weekend_days: inputs.number(&WEEKEND_DAYS)?,
        vacation_planned: inputs.number(&VACATION_PLANNED)?,
        vacation_taken: inputs.number(&VACATION_TAKEN)?,
    };
    Some(assess(
        &counts,
        &inputs.conditions.personal.limits,
        inputs.text(&ON_FIRE),
    ))
}

pub(crate) fn assess(counts: &Counts, limits: &Limits, on_fire: Option<&str>) -> Finding {
    let whole = |n: f64| n.max(0.0).round() as usize;
    let planned = whole(counts.vacation_planned);
    let share = (planned > 0).then(|| percent_floor(whole(counts.vacation_taken), planned));
    let crossed: Vec<&str> = [
        (counts.after_hours > f64::from(limits.after_hours)).then_some("after-hours"),
        (counts.weekend_days > f64::from(limits.weekend_days)).then_some("weekends"),
        share
            .is_none_or(|s| s < limits.vacation_share)
            .then_some("vacation"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let verdict = if crossed.is_empty() {
        "within"
    } else {
        "crossed"
    };
    let facts = json!({
        "after_hours": counts.after_hours,
        "weekend_days": counts.weekend_days,
        "vacation_planned": counts.vacation_planned,
        "vacation_taken": counts.vacation_taken,
        "vacation_share": share,
        "crossed": crossed,
        "limits": limits,
        "on_fire": on_fire.map(|t| t.trim().trim_end_matches('.')),
    });
    Finding::new(verdict, facts).warn((planned == 0).then_some("no-vacation-planned"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(after_hours: f64, weekend_days: f64, planned: f64, taken: f64) -> Counts {
        Counts {
            after_hours,
            weekend_days,
            vacation_planned: planned,
            vacation_taken: taken,
        }
    }

    /// (counts, limits, crossed): the defaults are 5 messages a week, 1 weekend day in four
    /// weeks, and 75% of the vacation planned by now.
    #[test]
    fn each_limit_crossed_is_named() {
        let strict = Limits {
            after_hours: 0,
            weekend_days: 0,
            vacation_share: 100,
        };
        #[rustfmt::skip]
        let rows: &[(Counts, Limits, &[&str])] = &[
            (counts(5.0, 1.0, 10.0, 8.0),  Limits::default(), &[]),
            (counts(6.0, 1.0, 10.0, 8.0),  Limits::default(), &["after-hours"]),
            (counts(0.0, 2.0, 10.0, 8.0),  Limits::default(), &["weekends"]),
            (counts(0.0, 0.0, 10.0, 7.0),  Limits::default(), &["vacation"]),
            (counts(12.0, 4.0, 10.0, 2.0), Limits::default(), &["after-hours", "weekends", "vacation"]),
            (counts(0.0, 0.0, 0.0, 0.0),   Limits::default(), &["vacation"]),
            (counts(1.0, 1.0, 10.0, 9.0),  strict,            &["after-hours", "weekends", "vacation"]),
            (counts(0.0, 0.0, 10.0, 12.0), strict,            &[]),
        ];
        for (counts, limits, crossed) in rows {
            let finding = assess(counts, limits, None);
            assert_eq!(
                finding.facts["crossed"],
                json!(crossed),
                "{counts:?} {limits:?}"
            );
            let verdict = if crossed.is_empty() {
                "within"
            } else {
                "crossed"
            };
            assert_eq!(finding.verdict, verdict);
        }
    }

    #[test]
    fn no_vacation_planned_is_named() {
        let finding = assess(
            &counts(0.0, 0.0, 0.0, 0.0),
            &Limits::default(),
            Some("prod is down."),
        );
        assert_eq!(finding.warnings, ["no-vacation-planned"]);
        assert_eq!(finding.facts["vacation_share"], json!(null));
        assert_eq!(finding.fact_str("on_fire"), Some("prod is down"));
    }
}
