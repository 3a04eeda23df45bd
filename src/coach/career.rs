//! Management or technical track: "It depends on what energizes you. If you love building
//! teams, mentoring people, and shaping organization culture - the management track. If
//! you love solving hard technical problems across large systems and influencing technical
//! strategy - the individual contributor track." And: "you don't have to decide now. Many
//! people switch between tracks throughout their career."
//!
//! The lead rates each of the five things from 1 (drains me) to 5 (energises me); the
//! side whose average is higher by half a point or more is the lean. The verdict is a
//! lean, never a decision: the next step is an experiment, and the door test (reused on
//! that experiment) says whether stopping it is cheap.

use chrono::NaiveDate;
use serde_json::json;

use super::units::{add_days, human_date, iso, round1};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::Kind;

/// A lean needs this much between the two averages.
pub(crate) const LEAN_GAP: f64 = 0.5;
/// At or below this on both sides, neither track energises the lead right now.
pub(crate) const LOW_ENERGY: f64 = 2.0;
/// Look at the lean again after a quarter of trying it.
pub(crate) const REVIEW_AFTER_DAYS: i64 = 90;

const BUILDING_TEAMS: Input = Input::number("building_teams", "how much building teams energises");
const MENTORING: Input = Input::number("mentoring", "how much mentoring people energises");
const CULTURE: Input = Input::number("culture", "how much shaping culture energises");
const HARD_PROBLEMS: Input = Input::number(
    "hard_problems",
    "how much hard problems across large systems energise",
);
const STRATEGY: Input = Input::number(
    "technical_strategy",
    "how much influencing technical strategy energises",
);
const DOOR: Input = Input {
    name: "door",
    accepts: Accepts::Assessment("door-type"),
    required: false,
    about: "the door test on the experiment that tries the lean",
    values: &[],
};
const EXPERIMENT: Input = Input {
    name: "experiment",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "what the lead will try to test the lean",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "career-track",
    title: "Management or technical track",
    inputs: &[
        BUILDING_TEAMS,
        MENTORING,
        CULTURE,
        HARD_PROBLEMS,
        STRATEGY,
        DOOR,
        EXPERIMENT,
    ],
    facts: &[
        "management",
        "technical",
        "lean",
        "experiment",
        "door",
        "undo",
        "review_by",
        "review_by_text",
    ],
    verdicts: &[
        Verdict {
            id: "management",
            stance: Stance::Proposal,
            passage: "what-energizes-you",
            also: &[
                "no-need-to-decide-now",
                "management-track",
                "switched-twice",
            ],
        },
        Verdict {
            id: "technical",
            stance: Stance::Proposal,
            passage: "what-energizes-you",
            also: &["no-need-to-decide-now", "technical-track", "switched-twice"],
        },
        Verdict {
            id: "either",
            stance: Stance::Proposal,
            passage: "no-need-to-decide-now",
            also: &["what-energizes-you", "switched-twice"],
        },
    ],
    warnings: &["experiment-hard-to-stop", "low-energy"],
    run,
    keeps: &["management", "technical", "lean", "experiment"],
    refuse: None,
    waits: &[],
};

/// The five ratings, 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Energy {
    pub building_teams: f64,
    pub mentoring: f64,
    pub culture: f64,
    pub hard_problems: f64,
    pub technical_strategy: f64,
}

impl Energy {
    pub(crate) fn management(&self) -> f64 {
        (self.building_teams + self.mentoring + self.culture) / 3.0
    }

    pub(crate) fn technical(&self) -> f64 {
        (self.hard_problems + self.technical_strategy) / 2.0
    }
}

/// The door test's result on the experiment: its door and the undo time given.
#[derive(Debug, Clone, Default)]
pub(crate) struct Trial<'a> {
    pub experiment: Option<&'a str>,
    pub door: Option<&'a str>,
    pub undo: Option<&'a str>,
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let energy = Energy {
        building_teams: inputs.number(&BUILDING_TEAMS)?,
        mentoring: inputs.number(&MENTORING)?,
        culture: inputs.number(&CULTURE)?,
        hard_problems: inputs.number(&HARD_PROBLEMS)?,
        technical_strategy: inputs.number(&STRATEGY)?,
    };
    let door = inputs.assessment(&DOOR);
    let trial = Trial {
        experiment: inputs.text(&EXPERIMENT),
        door: door.and_then(|d| d.fact_str("door")),
        undo: door.and_then(|d| d.fact_str("undo")),
    };
    let today = inputs.today();
    let review = inputs
        .conditions
        .calendar
        .review_day(add_days(today, REVIEW_AFTER_DAYS));
    Some(assess(&energy, &trial, today, review))
}

pub(crate) fn assess(
    energy: &Energy,
    trial: &Trial<'_>,
    today: NaiveDate,
    review: NaiveDate,
) -> Finding {
    let (management, technical) = (round1(energy.management()), round1(energy.technical()));
    let verdict = if management - technical >= LEAN_GAP {
        "management"
    } else if technical - management >= LEAN_GAP {
        "technical"
    } else {
        "either"
    };
    let facts = json!({
        "management": management,
        "technical": technical,
        "lean": verdict,
        "experiment": trial.experiment.map(|e| e.trim().trim_end_matches('.')),
        "door": trial.door,
        "undo": trial.undo,
        "review_by": iso(review),
        "review_by_text": human_date(review, today),
    });
    let hard_to_stop = trial.door == Some("one-way") && trial.experiment.is_some();
    let low = management <= LOW_ENERGY && technical <= LOW_ENERGY;
    Finding::new(verdict, facts).warn(
        [
            hard_to_stop.then_some("experiment-hard-to-stop"),
            low.then_some("low-energy"),
        ]
        .into_iter()
        .flatten(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn energy(management: [f64; 3], technical: [f64; 2]) -> Energy {
        Energy {
            building_teams: management[0],
            mentoring: management[1],
            culture: management[2],
            hard_problems: technical[0],
            technical_strategy: technical[1],
        }
    }

    /// (management ratings, technical ratings, verdict)
    #[test]
    fn the_lean_needs_half_a_point() {
        #[rustfmt::skip]
        let rows: &[([f64; 3], [f64; 2], &str)] = &[
            ([5.0, 4.0, 4.0], [3.0, 2.0], "management"),
            ([2.0, 3.0, 2.0], [5.0, 4.0], "technical"),
            ([4.0, 4.0, 4.0], [4.0, 4.0], "either"),
            // 3.7 against 3.5: a fifth of a point is no lean.
            ([4.0, 4.0, 3.0], [4.0, 3.0], "either"),
            // 4 against 3.5: exactly half a point is.
            ([4.0, 4.0, 4.0], [4.0, 3.0], "management"),
        ];
        for &(m, t, verdict) in rows {
            let finding = assess(&energy(m, t), &Trial::default(), today(), today());
            assert_eq!(finding.verdict, verdict, "{m:?} {t:?}");
            assert!(FRAMEWORK.verdict(finding.verdict).is_some());
        }
    }

    #[test]
    fn an_experiment_that_is_hard_to_stop_and_low_energy_are_named() {
        let trial = Trial {
            experiment: Some("take the manager role for a year."),
            door: Some("one-way"),
            undo: Some("6 months"),
        };
        let finding = assess(
            &energy([2.0, 1.0, 2.0], [2.0, 1.0]),
            &trial,
            today(),
            today(),
        );
        assert_eq!(finding.warnings, ["experiment-hard-to-stop", "low-energy"]);
        assert_eq!(
            finding.fact_str("experiment"),
            Some("take the manager role for a year")
        );
        let two_way = Trial {
            door: Some("two-way"),
            ..trial
        };
        let finding = assess(
            &energy([5.0, 5.0, 5.0], [2.0, 1.0]),
            &two_way,
            today(),
            today(),
        );
        assert!(finding.warnings.is_empty());
    }
}
