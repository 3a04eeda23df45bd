//! Which frameworks a playbook can run, what each needs, and how answers reach it.
//! A playbook names a framework and maps each parameter to one of its questions (or to an
//! earlier assessment); the loader checks that wiring before anything is asked.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::door::{self, Door, DoorAnswers};
use super::{Assessment, ReviewPeriods, information};
use crate::answer::Answer;
use crate::playbook::Kind;

#[derive(Debug, Clone, Copy)]
pub enum Accepts {
    /// An answer to a question of one of these kinds.
    Question(&'static [Kind]),
    /// The result of an earlier assessment by this framework.
    Assessment(&'static str),
}

#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub accepts: Accepts,
    pub required: bool,
    pub about: &'static str,
}

pub struct Framework {
    pub name: &'static str,
    pub title: &'static str,
    pub params: &'static [Param],
    /// Runs once every required parameter has a value; `None` until then.
    pub run: fn(&Inputs<'_>) -> Option<Assessment>,
}

impl std::fmt::Debug for Framework {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Framework")
            .field("name", &self.name)
            .finish()
    }
}

/// The values wired to a framework's parameters, by parameter name.
pub struct Inputs<'a> {
    pub answers: BTreeMap<&'static str, &'a Answer>,
    pub assessments: BTreeMap<&'static str, &'a Assessment>,
    pub periods: ReviewPeriods,
    pub today: NaiveDate,
}

impl Inputs<'_> {
    fn text(&self, name: &str) -> Option<&str> {
        match self.answers.get(name)? {
            Answer::Text(text) => Some(text),
            _ => None,
        }
    }

    fn list(&self, name: &str) -> Vec<String> {
        match self.answers.get(name) {
            Some(Answer::List(items)) => items.clone(),
            _ => Vec::new(),
        }
    }
}

pub fn find(name: &str) -> Option<&'static Framework> {
    FRAMEWORKS.iter().find(|f| f.name == name)
}

pub static FRAMEWORKS: &[Framework] = &[
    Framework {
        name: door::FRAMEWORK,
        title: door::TITLE,
        params: &[
            Param {
                name: "undo",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: true,
                about: "how long it would take to undo the decision if it turns out wrong",
            },
            Param {
                name: "feels_one_way",
                accepts: Accepts::Question(&[Kind::YesNo]),
                required: false,
                about: "whether the decision feels irreversible (flags masquerading doors)",
            },
            Param {
                name: "hard_to_undo",
                accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
                required: false,
                about: "what makes it hard to undo, when the answer is weeks",
            },
            Param {
                name: "classification",
                accepts: Accepts::Question(&[Kind::Choice]),
                required: false,
                about: "the user's own call, one-way or two-way, when the answer is weeks",
            },
        ],
        run: |inputs| {
            let undo = inputs.answers.get("undo")?.as_duration()?;
            let answers = DoorAnswers {
                feels_one_way: inputs
                    .answers
                    .get("feels_one_way")
                    .and_then(|a| a.as_bool()),
                hard_to_undo: inputs.text("hard_to_undo"),
                classification: inputs.text("classification").and_then(Door::parse),
            };
            Some(door::assess(undo, &answers, &inputs.periods, inputs.today))
        },
    },
    Framework {
        name: information::FRAMEWORK,
        title: information::TITLE,
        params: &[
            Param {
                name: "wished",
                accepts: Accepts::Question(&[Kind::List]),
                required: true,
                about: "the information you wish you had",
            },
            Param {
                name: "have",
                accepts: Accepts::Question(&[Kind::Choice, Kind::List]),
                required: false,
                about: "which of those you already have",
            },
            Param {
                name: "door",
                accepts: Accepts::Assessment(door::FRAMEWORK),
                required: false,
                about: "the door-type assessment; below 70% it decides between assuming and investigating",
            },
        ],
        run: |inputs| {
            let wished = inputs.list("wished");
            if !inputs.answers.contains_key("wished") {
                return None;
            }
            // With items listed, wait for "which do you have" before judging coverage.
            if !wished.is_empty() && !inputs.answers.contains_key("have") {
                return None;
            }
            let door = inputs
                .assessments
                .get("door")
                .and_then(|a| a.fact_str("door"))
                .and_then(Door::parse);
            Some(information::assess(
                &wished,
                &inputs.list("have"),
                door,
                &inputs.periods,
                inputs.today,
            ))
        },
    },
];
