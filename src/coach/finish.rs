//! Finishing a proposal: when an investigation's time-box ends, the lead says what was
//! found out, the 70% rule is run again on what is known now, and the lead chooses, drops
//! the proposal, or extends the time-box once, with a reason.

use serde_json::json;

use super::units::{add_days, human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::Kind;

/// The choice that drops a proposal instead of taking one of its options.
pub(crate) const NONE: &str = "none of them";

const INFORMATION: Input = Input {
    name: "information",
    accepts: Accepts::Assessment("information"),
    required: true,
    about: "the 70% rule, run again on what is known now",
    values: &[],
};
const CHOSEN: Input = Input {
    name: "chosen",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "the option chosen, or `none of them` to drop the proposal",
    values: &[],
};
const BECAUSE: Input = Input {
    name: "because",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "why that option",
    values: &[],
};
const LEANING: Input = Input {
    name: "leaning",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "the option leaned towards now, when the time-box is extended",
    values: &[],
};
const EARLIER_BECAUSE: Input = Input {
    name: "earlier_because",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "the reason the proposal gave: kept unchanged after a finding that corrects a figure, it is flagged",
    values: &[],
};
const DROPPED_WHY: Input = Input {
    name: "dropped_why",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "why the proposal is dropped",
    values: &[],
};
const IMPACT: Input = Input {
    name: "impact",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "what changes for people outside the team with the option chosen now",
    values: &[],
};
const FALLBACK: Input = Input {
    name: "fallback",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "what to switch to if it does not work",
    values: &[],
};
const EXTEND: Input = Input {
    name: "extend",
    accepts: Accepts::Question(&[Kind::YesNo]),
    required: false,
    about: "whether to extend the time-box once instead of deciding now",
    values: &[],
};
const UNTIL: Input = Input {
    name: "until",
    accepts: Accepts::Question(&[Kind::Date]),
    required: false,
    about: "the new end of the time-box, when it is extended",
    values: &[],
};
const WHY: Input = Input {
    name: "why",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "why the time-box is extended",
    values: &[],
};
const LEARNT: Input = Input {
    name: "learnt",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "what was found out",
    values: &[],
};
const CONFIDENCE: Input = Input {
    name: "confidence",
    accepts: Accepts::Question(&[Kind::Number]),
    required: false,
    about: "how confident the lead is that the choice is right, 50 to 99%",
    values: &[],
};
const SIGNAL: Input = Input {
    name: "signal",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "what would tell us the choice was wrong",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "finish",
    title: "Finishing the decision",
    inputs: &[
        INFORMATION,
        CHOSEN,
        LEANING,
        BECAUSE,
        EARLIER_BECAUSE,
        DROPPED_WHY,
        IMPACT,
        FALLBACK,
        EXTEND,
        UNTIL,
        WHY,
        LEARNT,
        CONFIDENCE,
        SIGNAL,
    ],
    facts: &[
        "status",
        "chosen",
        "leaning",
        "because",
        "dropped_why",
        "impact",
        "fallback",
        "extended",
        "why",
        "learnt",
        "confidence",
        "signal",
        "coverage",
        "decide_by",
        "decide_by_text",
        "review_by",
        "review_by_text",
        "corrected",
        "decided_on_text",
    ],
    verdicts: &[
        Verdict {
            id: "decided",
            stance: Stance::Decided,
            passage: "seventy-percent-rule",
            also: &["cost-of-delay"],
        },
        Verdict {
            id: "decided-below",
            stance: Stance::Decided,
            passage: "cost-of-delay",
            also: &["seventy-percent-rule", "wrong-call-ok"],
        },
        Verdict {
            id: "dropped",
            stance: Stance::Decided,
            passage: "wrong-call-ok",
            also: &[],
        },
        Verdict {
            id: "extended",
            stance: Stance::Proposal,
            passage: "cost-of-delay",
            also: &["seventy-percent-rule"],
        },
        Verdict {
            id: "open",
            stance: Stance::Proposal,
            passage: "seventy-percent-rule",
            also: &["cost-of-delay"],
        },
    ],
    warnings: &["decided-below-seventy", "reason-before-finding"],
    run,
    keeps: &[],
    refuse: None,
    waits: &[],
};

/// What the lead settled when the time-box ended.
#[derive(Debug, Clone, Default)]
pub(crate) struct Settle<'a> {
    pub chosen: Option<&'a str>,
    pub leaning: Option<&'a str>,
    pub because: Option<&'a str>,
    /// The reason the proposal gave, before what was found out.
    pub earlier_because: Option<&'a str>,
    pub dropped_why: Option<&'a str>,
    pub impact: Option<&'a str>,
    pub fallback: Option<&'a str>,
    pub extend: bool,
    pub until: Option<chrono::NaiveDate>,
    pub why: Option<&'a str>,
    pub learnt: Option<&'a str>,
    pub confidence: Option<f64>,
    pub signal: Option<&'a str>,
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let information = inputs.assessment(&INFORMATION)?;
    let settle = Settle {
        chosen: inputs.text(&CHOSEN),
        leaning: inputs.text(&LEANING),
        because: inputs.text(&BECAUSE),
        earlier_because: inputs.text(&EARLIER_BECAUSE),
        dropped_why: inputs.text(&DROPPED_WHY),
        impact: inputs.text(&IMPACT),
        fallback: inputs.text(&FALLBACK),
        extend: inputs.yes(&EXTEND) == Some(true),
        // The new time-box ends on a working day, as the 70% rule reads it too.
        until: inputs.date(&UNTIL).map(|until| {
            inputs
                .conditions
                .calendar
                .on_or_before(until)
                .max(inputs.today())
        }),
        why: inputs.text(&WHY),
        learnt: inputs.text(&LEARNT),
        confidence: inputs.number(&CONFIDENCE),
        signal: inputs.text(&SIGNAL),
    };
    let conditions = inputs.conditions;
    Some(assess(
        information,
        &settle,
        inputs.today(),
        |days| {
            conditions
                .calendar
                .review_day(add_days(inputs.today(), days))
        },
        conditions.periods,
    ))
}

/// The finding for `settle`, with `information` the 70% rule run again; `day_after` dates
/// a review that many days on.
pub(crate) fn assess(
    information: &super::Assessment,
    settle: &Settle<'_>,
    today: chrono::NaiveDate,
    day_after: impl Fn(i64) -> chrono::NaiveDate,
    periods: super::ReviewPeriods,
) -> Finding {
    let still_investigating = information.fact_str("advice") == Some("investigate");
    let chosen = settle.chosen;
    let extended = settle.extend;
    let until = settle.until.filter(|_| extended);
    let verdict = match (chosen, extended) {
        (_, true) => "extended",
        (Some(NONE), false) => "dropped",
        (Some(_), false) if still_investigating => "decided-below",
        (Some(_), false) => "decided",
        (None, false) => "open",
    };
    let door = information.fact_str("door");
    let review_days = if door == Some("two-way") {
        periods.two_way_days
    } else {
        periods.one_way_days
    };
    // Extended, it is still a proposal: it has a date to decide by, and no review date.
    let review_by = match verdict {
        "decided" | "decided-below" => Some(day_after(review_days)),
        _ => None,
    };
    let status = match verdict {
        "decided" | "decided-below" => "accepted",
        "dropped" => "rejected",
        _ => "proposed",
    };
    let facts = json!({
        "status": status,
        "chosen": chosen.filter(|c| *c != NONE),
        "leaning": settle.leaning.filter(|_| extended),
        "because": settle.because,
        "dropped_why": settle.dropped_why.filter(|_| verdict == "dropped"),
        "impact": settle.impact.filter(|_| verdict != "dropped"),
        "fallback": settle.fallback,
        "extended": extended,
        "why": settle.why,
        "learnt": settle.learnt,
        "confidence": settle.confidence,
        "signal": settle.signal,
        "coverage": information.facts.get("coverage").cloned().unwrap_or_default(),
        "decide_by": until.map(iso),
        "decide_by_text": until.map(|d| human_date(d, today)),
        "review_by": review_by.map(iso),
        "review_by_text": review_by.map(|d| human_date(d, today)),
        // The day it was decided: the record's date becomes it, and its outcome says it.
        "decided_on_text": today.format("%A %-d %B %Y").to_string(),
    });
    // A finding that corrects a figure ("22%, not 30%") while the reason is still the one
    // the proposal gave, written before it: it would go out to stakeholders disproved. A
    // reason written now (for another option, or in new words) has taken the finding in.
    let same = |a: &str, b: &str| {
        let norm = |t: &str| t.trim().trim_end_matches('.').to_lowercase();
        norm(a) == norm(b)
    };
    let kept_reason = settle
        .because
        .zip(settle.earlier_because)
        .is_some_and(|(now, before)| same(now, before));
    let corrected = settle
        .learnt
        .and_then(crate::phrase::corrected_figure)
        .filter(|(new, _)| {
            let reason = settle.because.unwrap_or_default();
            // The number, whatever unit the reason gives it.
            let new = new.split(' ').next().unwrap_or_default();
            matches!(verdict, "extended" | "decided" | "decided-below")
                && kept_reason
                && !reason.contains(new)
        });
    let mut facts = facts;
    facts["corrected"] = json!(
        corrected
            .as_ref()
            .map(|(new, old)| json!({"new": new, "old": old}))
    );
    Finding::new(verdict, facts)
        .warn((verdict == "decided-below").then_some("decided-below-seventy"))
        .warn(corrected.is_some().then_some("reason-before-finding"))
}
