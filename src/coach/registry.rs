//! Which frameworks a playbook can run, what each needs, and how answers reach it.
//! A playbook names a framework and maps each parameter to one of its questions (or to an
//! earlier assessment); the loader checks that wiring before anything is asked.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::door::{self, Door, DoorAnswers};
use super::{
    Assessment, ReviewPeriods, deadline, delegation, disagreement, information, say_no, tech_debt,
    upward,
};
use crate::answer::{Answer, Duration};
use crate::playbook::Kind;

#[derive(Debug, Clone, Copy)]
pub(crate) enum Accepts {
    /// An answer to a question of one of these kinds.
    Question(&'static [Kind]),
    /// The result of an earlier assessment by this framework.
    Assessment(&'static str),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Param {
    pub name: &'static str,
    pub accepts: Accepts,
    pub required: bool,
    pub about: &'static str,
}

pub(crate) struct Framework {
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
pub(crate) struct Inputs<'a> {
    pub answers: BTreeMap<&'static str, &'a Answer>,
    pub assessments: BTreeMap<&'static str, &'a Assessment>,
    pub periods: ReviewPeriods,
    pub today: NaiveDate,
    /// The jargon list: built in, plus the team's own `words/jargon.yaml`.
    pub jargon: &'a super::upward::WordList,
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

/// Typed access for the issue-3 frameworks; a missing or mistyped answer reads as `None`,
/// so `run` waits until the answer is in.
impl Inputs<'_> {
    fn duration(&self, name: &str) -> Option<Duration> {
        self.answers.get(name)?.as_duration()
    }

    fn number(&self, name: &str) -> Option<f64> {
        self.answers.get(name)?.as_number()
    }

    fn yes(&self, name: &str) -> Option<bool> {
        self.answers.get(name)?.as_bool()
    }

    /// A `for_each` question's answers as item → text.
    fn each_text(&self, name: &str) -> Vec<(String, String)> {
        self.each(name)
            .filter_map(|(item, answer)| Some((item.clone(), answer.as_text()?.to_string())))
            .collect()
    }

    /// A `for_each` question's answers as item → duration.
    fn each_duration(&self, name: &str) -> Vec<(String, Duration)> {
        self.each(name)
            .filter_map(|(item, answer)| Some((item.clone(), answer.as_duration()?)))
            .collect()
    }

    fn each(&self, name: &str) -> impl Iterator<Item = &(String, Answer)> {
        self.answers
            .get(name)
            .and_then(|a| a.as_each())
            .unwrap_or_default()
            .iter()
    }

    /// The names of an options answer, or the items of a list.
    fn names(&self, name: &str) -> Option<Vec<String>> {
        match self.answers.get(name)? {
            Answer::Options(options) => Some(options.iter().map(|o| o.name.clone()).collect()),
            Answer::List(items) => Some(items.clone()),
            _ => None,
        }
    }
}

const TEXT: &[Kind] = &[Kind::Text, Kind::LongText];

pub(crate) fn find(name: &str) -> Option<&'static Framework> {
    FRAMEWORKS.iter().find(|f| f.name == name)
}

pub(crate) static FRAMEWORKS: &[Framework] = &[
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
    Framework {
        name: tech_debt::FRAMEWORK,
        title: tech_debt::TITLE,
        params: &[
            Param {
                name: "saved",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: true,
                about: "the time the shortcut saves now",
            },
            Param {
                name: "starts_in",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: true,
                about: "how long from now until the slowdown starts",
            },
            Param {
                name: "slowdown",
                accepts: Accepts::Question(&[Kind::Number]),
                required: true,
                about: "how much longer each new feature takes after that, in percent",
            },
            Param {
                name: "period",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: true,
                about: "the planning period the features are spread over",
            },
            Param {
                name: "features",
                accepts: Accepts::Question(&[Kind::Number]),
                required: true,
                about: "how many new features are planned over the period",
            },
            Param {
                name: "feature_time",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: true,
                about: "how long a typical feature takes today",
            },
        ],
        run: |inputs| {
            let debt = tech_debt::Debt {
                saved: inputs.duration("saved")?,
                starts_in: inputs.duration("starts_in")?,
                slowdown_percent: inputs.number("slowdown")?.max(0.0),
                period: inputs.duration("period")?,
                // A count of features: a fraction of one is not planned yet.
                features: inputs.number("features")?.max(0.0).floor() as u64,
                feature_time: inputs.duration("feature_time")?,
                today: inputs.today,
            };
            Some(tech_debt::assess(&debt))
        },
    },
    Framework {
        name: deadline::FRAMEWORK,
        title: deadline::TITLE,
        params: &[
            Param {
                name: "due",
                accepts: Accepts::Question(&[Kind::Date]),
                required: true,
                about: "the date asked for",
            },
            Param {
                name: "estimate",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: true,
                about: "the team's estimate for everything asked",
            },
            Param {
                name: "saves",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: false,
                about: "the time the named simplification saves (option A)",
            },
            Param {
                name: "extra",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: false,
                about: "the extra time needed to deliver everything (option B)",
            },
        ],
        run: |inputs| {
            let due = match inputs.answers.get("due")? {
                Answer::Date(date) => *date,
                _ => return None,
            };
            Some(deadline::assess(&deadline::Request {
                today: inputs.today,
                due,
                estimate: inputs.duration("estimate")?,
                saves: inputs.duration("saves"),
                extra: inputs.duration("extra"),
            }))
        },
    },
    Framework {
        name: upward::FRAMEWORK,
        title: upward::TITLE,
        params: &[
            Param {
                name: "problem",
                accepts: Accepts::Question(TEXT),
                required: true,
                about: "the problem, in the listener's words",
            },
            Param {
                name: "impact",
                accepts: Accepts::Question(TEXT),
                required: true,
                about: "how big it is for users or the business",
            },
            Param {
                name: "improvement",
                accepts: Accepts::Question(TEXT),
                required: true,
                about: "what improves once it is fixed, with numbers",
            },
            Param {
                name: "translations",
                accepts: Accepts::Question(TEXT),
                required: false,
                about: "a question asked `for_each` flagged term: how the listener would say it",
            },
            Param {
                name: "fix_time",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: false,
                about: "how long the fix takes, to date the follow-up",
            },
            Param {
                name: "next_update",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: false,
                about: "when the cause is unknown: when you will know more",
            },
        ],
        run: |inputs| {
            let update = upward::Update {
                problem: inputs.text("problem")?,
                impact: inputs.text("impact")?,
                improvement: inputs.text("improvement")?,
                follow_up: inputs
                    .duration("fix_time")
                    .or(inputs.duration("next_update")),
                today: inputs.today,
            };
            Some(upward::assess(
                &update,
                &inputs.each_text("translations"),
                inputs.jargon,
            ))
        },
    },
    Framework {
        name: disagreement::FRAMEWORK,
        title: disagreement::TITLE,
        params: &[
            Param {
                name: "approaches",
                accepts: Accepts::Question(&[Kind::Options, Kind::List]),
                required: true,
                about: "the two approaches on the table",
            },
            Param {
                name: "holders",
                accepts: Accepts::Question(TEXT),
                required: false,
                about: "a question asked `for_each` approach: who argues for it",
            },
            Param {
                name: "argued_out",
                accepts: Accepts::Question(&[Kind::YesNo]),
                required: true,
                about: "whether they have argued it out between themselves yet",
            },
            Param {
                name: "times",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: false,
                about: "a question asked `for_each` approach: how long it would take",
            },
            Param {
                name: "easier",
                accepts: Accepts::Question(&[Kind::Choice]),
                required: false,
                about: "the approach that is easier to change later",
            },
            Param {
                name: "deadlocked",
                accepts: Accepts::Question(&[Kind::YesNo]),
                required: false,
                about: "whether they are deadlocked with the project suffering (asked once they argued)",
            },
        ],
        run: |inputs| {
            let approaches = inputs.names("approaches")?;
            let argued_out = inputs.yes("argued_out")?;
            // Once they have argued, the next step depends on whether they are deadlocked:
            // wait for that answer rather than guess.
            let deadlocked = match argued_out {
                false => false,
                true => inputs.yes("deadlocked")?,
            };
            let times = inputs.each_duration("times");
            let dispute = disagreement::Dispute {
                approaches: &approaches,
                argued_out,
                deadlocked,
                times: &times,
                easier: inputs.text("easier"),
            };
            Some(disagreement::assess(&dispute, &inputs.each_text("holders")))
        },
    },
    Framework {
        name: delegation::FRAMEWORK,
        title: delegation::TITLE,
        params: &[
            Param {
                name: "yours",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: true,
                about: "how long the task takes you",
            },
            Param {
                name: "theirs",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: true,
                about: "how long it would take them the first time",
            },
            Param {
                name: "coaching",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: true,
                about: "your time coaching them through it",
            },
            Param {
                name: "recurs",
                accepts: Accepts::Question(&[Kind::Choice]),
                required: true,
                about: "how often the task comes back: once, daily, weekly, fortnightly, monthly or quarterly",
            },
            Param {
                name: "learns",
                accepts: Accepts::Question(TEXT),
                required: false,
                about: "what they would learn",
            },
        ],
        run: |inputs| {
            let task = delegation::Task {
                yours: inputs.duration("yours")?,
                theirs: inputs.duration("theirs")?,
                coaching: inputs.duration("coaching")?,
                recurs: delegation::Recurrence::parse(inputs.text("recurs")?)?,
            };
            Some(delegation::assess(
                &task,
                inputs.text("learns"),
                inputs.today,
                &inputs.periods,
            ))
        },
    },
    Framework {
        name: say_no::FRAMEWORK,
        title: say_no::TITLE,
        params: &[
            Param {
                name: "pushes_out",
                accepts: Accepts::Question(&[Kind::List]),
                required: true,
                about: "the planned work the request would push out",
            },
            Param {
                name: "effort",
                accepts: Accepts::Question(&[Kind::Duration]),
                required: false,
                about: "how much work the request is",
            },
            Param {
                name: "answer",
                accepts: Accepts::Question(&[Kind::Choice]),
                required: false,
                about: "the answer: `yes` or `no`",
            },
            Param {
                name: "dropped",
                accepts: Accepts::Question(&[Kind::Choice, Kind::List]),
                required: false,
                about: "what a yes drops, from the pushed-out work",
            },
        ],
        run: |inputs| {
            let pushes_out = inputs.list("pushes_out");
            if !inputs.answers.contains_key("pushes_out") {
                return None;
            }
            let dropped = inputs.list("dropped");
            Some(say_no::assess(&say_no::Request {
                pushes_out: &pushes_out,
                effort: inputs.duration("effort"),
                answer: inputs.text("answer").and_then(say_no::Answer::parse),
                dropped: &dropped,
            }))
        },
    },
];
