//! Saying no: "Every yes to something new is a no to something existing." The answer to a
//! request is either a no that shows the trade-off, or a yes that names what is dropped; a
//! yes that drops nothing is not an honest answer.

use serde_json::json;

use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::{Duration, Kind};

const PUSHES_OUT: Input = Input {
    name: "pushes_out",
    accepts: Accepts::Question(&[Kind::List]),
    required: true,
    about: "the planned work the request would push out",
    values: &[],
};
const EFFORT: Input = Input {
    name: "effort",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: false,
    about: "how much work the request is",
    values: &[],
};
const ANSWER: Input = Input {
    name: "answer",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "the answer: `yes` or `no`",
    values: &["yes", "no"],
};
const DROPPED: Input = Input {
    name: "dropped",
    accepts: Accepts::Question(&[Kind::Choice, Kind::List]),
    required: false,
    about: "what a yes drops, from the pushed-out work",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "say-no",
    title: "Every yes is a no to something",
    inputs: &[PUSHES_OUT, EFFORT, ANSWER, DROPPED],
    facts: &["shape", "pushes_out", "dropped", "kept", "effort"],
    verdicts: &[
        Verdict {
            id: "nothing-pushed-out",
            stance: Stance::Decided,
            passage: "yes-is-a-no",
            also: &["say-no"],
        },
        Verdict {
            id: "weigh",
            stance: Stance::Decided,
            passage: "yes-is-a-no",
            also: &["say-no"],
        },
        Verdict {
            id: "no",
            stance: Stance::Decided,
            passage: "say-no",
            also: &["yes-is-a-no"],
        },
        Verdict {
            id: "yes-drops-nothing",
            stance: Stance::Decided,
            passage: "yes-is-a-no",
            also: &["say-no"],
        },
        Verdict {
            id: "yes",
            stance: Stance::Decided,
            passage: "yes-is-a-no",
            also: &["say-no"],
        },
    ],
    warnings: &["yes-drops-nothing"],
    run,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    No,
    Yes,
}

impl Answer {
    pub(crate) fn parse(text: &str) -> Option<Answer> {
        match text.trim().to_lowercase().as_str() {
            "no" => Some(Answer::No),
            "yes" => Some(Answer::Yes),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Request<'a> {
    /// The planned work the request would push out.
    pub pushes_out: &'a [String],
    /// How much work the request is, if known.
    pub effort: Option<Duration>,
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// What a yes drops, from `pushes_out`.
    pub dropped: &'a [String],
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    if !inputs.has(&PUSHES_OUT) {
        return None;
    }
    let pushes_out = inputs.list(&PUSHES_OUT);
    let dropped = inputs.list(&DROPPED);
    Some(assess(&Request {
        pushes_out: &pushes_out,
        effort: inputs.duration(&EFFORT),
        answer: inputs.text(&ANSWER).and_then(Answer::parse),
        dropped: &dropped,
    }))
}

pub(crate) fn assess(request: &Request<'_>) -> Finding {
    let dropped: Vec<String> = request
        .dropped
        .iter()
        .filter(|d| request.pushes_out.contains(d))
        .cloned()
        .collect();
    let kept: Vec<String> = request
        .pushes_out
        .iter()
        .filter(|p| !dropped.contains(p))
        .cloned()
        .collect();
    let (verdict, shape) = match (request.pushes_out.is_empty(), request.answer) {
        (true, _) => ("nothing-pushed-out", "unclear"),
        (false, None) => ("weigh", "unclear"),
        (false, Some(Answer::No)) => ("no", "no"),
        (false, Some(Answer::Yes)) if dropped.is_empty() => ("yes-drops-nothing", "unclear"),
        (false, Some(Answer::Yes)) => ("yes", "yes"),
    };
    let facts = json!({
        "shape": shape,
        "pushes_out": request.pushes_out,
        "dropped": dropped,
        "kept": kept,
        "effort": request.effort.filter(|e| e.amount > 0.0).map(|e| e.to_string()),
    });
    Finding::new(verdict, facts)
        .warn((verdict == "yes-drops-nothing").then_some("yes-drops-nothing"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit;

    fn items(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn answer_shapes() {
        let planned = items(&["the billing migration", "the onboarding fixes"]);
        // (answer, dropped, verdict, shape)
        let cases: Vec<(Option<Answer>, Vec<String>, &str, &str)> = vec![
            (None, vec![], "weigh", "unclear"),
            (Some(Answer::No), vec![], "no", "no"),
            (Some(Answer::Yes), vec![], "yes-drops-nothing", "unclear"),
            (
                Some(Answer::Yes),
                items(&["the onboarding fixes"]),
                "yes",
                "yes",
            ),
            // Something dropped that was never in the plan does not count.
            (
                Some(Answer::Yes),
                items(&["a holiday"]),
                "yes-drops-nothing",
                "unclear",
            ),
        ];
        for (answer, dropped, verdict, shape) in cases {
            let finding = assess(&Request {
                pushes_out: &planned,
                effort: Some(Duration::new(3.0, Unit::Weeks)),
                answer,
                dropped: &dropped,
            });
            assert_eq!(finding.verdict, verdict, "{answer:?}");
            assert_eq!(finding.fact_str("shape"), Some(shape), "{answer:?}");
            assert!(FRAMEWORK.verdict(finding.verdict).is_some());
        }
    }

    #[test]
    fn a_yes_keeps_what_it_does_not_drop() {
        let planned = items(&["A", "B", "C"]);
        let dropped = items(&["B"]);
        let finding = assess(&Request {
            pushes_out: &planned,
            effort: None,
            answer: Some(Answer::Yes),
            dropped: &dropped,
        });
        assert_eq!(finding.facts["kept"], json!(["A", "C"]));
        assert_eq!(finding.facts["dropped"], json!(["B"]));
    }

    #[test]
    fn nothing_pushed_out_is_questioned() {
        let finding = assess(&Request {
            pushes_out: &[],
            effort: None,
            answer: Some(Answer::Yes),
            dropped: &[],
        });
        assert_eq!(finding.verdict, "nothing-pushed-out");
    }
}
