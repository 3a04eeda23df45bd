//! Looking back at a decision when its review comes due: what happened, whether it held up
//! (and whether the signal the lead named at the time appeared), what was learnt. A call
//! that turned out wrong is worth recording too: "You will. Regularly. And that's OK."

use serde_json::json;

use super::units::{human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::Kind;

const HAPPENED: Input = Input {
    name: "happened",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: true,
    about: "what happened since the decision",
    values: &[],
};
const HELD_UP: Input = Input {
    name: "held_up",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: true,
    about: "whether the decision held up: yes, partly (it was changed) or no (it was reversed)",
    values: &["yes", "partly", "no"],
};
const WHY: Input = Input {
    name: "why",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "why it held up or did not",
    values: &[],
};
const SIGNAL_SEEN: Input = Input {
    name: "signal_seen",
    accepts: Accepts::Question(&[Kind::YesNo]),
    required: false,
    about: "whether the signal named at the time (that it was wrong) appeared",
    values: &[],
};
const LEARNT: Input = Input {
    name: "learnt",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: true,
    about: "what was learnt",
    values: &[],
};
const NEXT_REVIEW: Input = Input {
    name: "next_review",
    accepts: Accepts::Question(&[Kind::Date]),
    required: false,
    about: "when to look again; none closes the review",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "look-back",
    title: "Looking back",
    inputs: &[HAPPENED, HELD_UP, WHY, SIGNAL_SEEN, LEARNT, NEXT_REVIEW],
    facts: &[
        "happened",
        "held_up",
        "why",
        "signal_seen",
        "learnt",
        "next_review",
        "next_review_text",
    ],
    verdicts: &[
        Verdict {
            id: "held-up",
            stance: Stance::Decided,
            passage: "write-things-down",
            also: &[],
        },
        Verdict {
            id: "changed",
            stance: Stance::Decided,
            passage: "wrong-call-ok",
            also: &["write-things-down"],
        },
        Verdict {
            id: "reversed",
            stance: Stance::Decided,
            passage: "wrong-call-ok",
            also: &["write-things-down"],
        },
    ],
    warnings: &["signal-seen-but-held-up"],
    run,
    keeps: &[],
    refuse: None,
    waits: &[],
};

/// What the lead said, looking back.
#[derive(Debug, Clone, Default)]
pub(crate) struct Look<'a> {
    pub happened: &'a str,
    /// `yes`, `partly` or `no`.
    pub held_up: &'a str,
    pub why: Option<&'a str>,
    pub signal_seen: Option<bool>,
    pub learnt: &'a str,
    pub next_review: Option<chrono::NaiveDate>,
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    Some(assess(
        &Look {
            happened: inputs.text(&HAPPENED)?,
            held_up: inputs.text(&HELD_UP)?,
            why: inputs.text(&WHY),
            signal_seen: inputs.yes(&SIGNAL_SEEN),
            learnt: inputs.text(&LEARNT)?,
            next_review: inputs.date(&NEXT_REVIEW),
        },
        inputs.today(),
    ))
}

pub(crate) fn assess(look: &Look<'_>, today: chrono::NaiveDate) -> Finding {
    let verdict = match look.held_up {
        "yes" => "held-up",
        "partly" => "changed",
        _ => "reversed",
    };
    let facts = json!({
        "happened": look.happened,
        "held_up": look.held_up,
        "why": look.why,
        "signal_seen": look.signal_seen,
        "learnt": look.learnt,
        "next_review": look.next_review.map(iso),
        "next_review_text": look.next_review.map(|d| human_date(d, today)),
    });
    let contradiction = look.signal_seen == Some(true) && verdict == "held-up";
    Finding::new(verdict, facts).warn(contradiction.then_some("signal-seen-but-held-up"))
}
