//! Saying no: "Every yes to something new is a no to something existing." The answer to a
//! request is either a no that shows the trade-off, or a yes that names what gives way. A
//! yes that drops nothing is not an honest answer, and a yes that moves another group's
//! work is not the lead's alone to give: until that group agrees, it is a proposal.
//!
//! Each answer has a date to come back to it: a no, at the start of next quarter (when
//! "not now" usually means "plan it then"); a yes, when the other group answers, when the
//! delayed work restarts, or when the request is done.

use chrono::{Datelike, NaiveDate};
use serde_json::json;

use super::units::{human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict, WorkCalendar};
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
    about: "what a yes drops or delays, from the pushed-out work",
    values: &[],
};
const GIVES_WAY: Input = Input {
    name: "gives_way",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "whether what gives way is `delay`ed to a date or `drop`ped",
    values: &["delay", "drop"],
};
const DELAY_UNTIL: Input = Input {
    name: "delay_until",
    accepts: Accepts::Question(&[Kind::Date]),
    required: false,
    about: "the date the delayed work restarts",
    values: &[],
};
const OWNER: Input = Input {
    name: "owner",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "who else must agree before their work gives way",
    values: &[],
};
const OK_FROM: Input = Input {
    name: "ok_from",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "whose OK a no needs: who sets the priorities it protects",
    values: &[],
};

/// Working days the group whose work gives way gets to answer, by default.
const AGREE_DAYS: u64 = 2;

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "say-no",
    title: "Every yes is a no to something",
    inputs: &[
        PUSHES_OUT,
        EFFORT,
        ANSWER,
        DROPPED,
        GIVES_WAY,
        DELAY_UNTIL,
        OWNER,
        OK_FROM,
    ],
    facts: &[
        "shape",
        "pushes_out",
        "dropped",
        "kept",
        "effort",
        "gives_way",
        "done_by",
        "done_by_text",
        "resume_by",
        "delay_until",
        "delay_until_text",
        "owner",
        "owner_agrees",
        "owner_hint",
        "agree_by",
        "agree_by_text",
        "next_quarter",
        "next_quarter_text",
        "answer_by",
        "answer_by_text",
        "review_by",
        "review_by_text",
    ],
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
            id: "no-if-they-agree",
            stance: Stance::Proposal,
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
        Verdict {
            id: "yes-if-they-agree",
            stance: Stance::Proposal,
            passage: "yes-is-a-no",
            also: &["say-no"],
        },
    ],
    warnings: &["yes-drops-nothing", "restarts-before-done"],
    run,
    keeps: &[],
    refuse: None,
    waits: &[],
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
    pub today: NaiveDate,
    /// The planned work the request would push out.
    pub pushes_out: &'a [String],
    /// How much work the request is, if known.
    pub effort: Option<Duration>,
    /// The answer, once given.
    pub answer: Option<Answer>,
    /// What a yes drops or delays, from `pushes_out`.
    pub dropped: &'a [String],
    /// Whether what gives way is dropped for good (else delayed).
    pub drop: bool,
    /// The date delayed work restarts, as the lead gave it.
    pub delay_until: Option<NaiveDate>,
    /// Who else must agree: before their work gives way to a yes, or with a no to a
    /// request when the priorities it protects are theirs to set.
    pub owner: Option<&'a str>,
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    if !inputs.has(&PUSHES_OUT) {
        return None;
    }
    let pushes_out = inputs.list(&PUSHES_OUT);
    let dropped = inputs.list(&DROPPED);
    Some(assess(
        &Request {
            today: inputs.today(),
            pushes_out: &pushes_out,
            effort: inputs.duration(&EFFORT),
            answer: inputs.text(&ANSWER).and_then(Answer::parse),
            dropped: &dropped,
            drop: inputs.text(&GIVES_WAY) == Some("drop"),
            delay_until: inputs.date(&DELAY_UNTIL),
            // Asked on the yes path and on the no path: one of them at most is answered.
            owner: inputs
                .text(&OWNER)
                .filter(|owner| !owner.trim().is_empty())
                .or_else(|| inputs.text(&OK_FROM)),
        },
        inputs.conditions.calendar,
    ))
}

/// Who asked for a piece of planned work, when its own words say so: "the GDPR fix that
/// legal asked for" is legal's. The default answer to "who must agree before it gives
/// way?", so a yes that moves another group's work is never given on their behalf.
pub(crate) fn owner_hint(items: &[String]) -> Option<String> {
    const ASKED: &[&str] = &[
        " asked for",
        " asked us for",
        " requested",
        " needs",
        " wants",
    ];
    // Where the group's name starts: after "that", "which" or "who", or at its own
    // article ("the fix the finance team requested").
    const JOINS: &[(&str, usize)] = &[(" that ", 6), (" which ", 7), (" who ", 5), (" the ", 1)];
    items.iter().find_map(|item| {
        let lower = item.to_lowercase();
        let verb = ASKED.iter().filter_map(|v| lower.find(v)).min()?;
        let before = &item[..verb];
        let join = JOINS
            .iter()
            .filter_map(|(j, skip)| before.to_lowercase().rfind(j).map(|at| at + skip))
            .max()?;
        let owner = before[join..].trim();
        (!owner.is_empty() && owner.split_whitespace().count() <= 4).then(|| owner.to_string())
    })
}

/// "legal agrees", "the lawyers agree": a group named in the plural takes the plural verb.
fn agrees(owner: &str) -> String {
    let plural = crate::phrase::is_plural_subject(owner);
    format!("{owner} {}", if plural { "agree" } else { "agrees" })
}

/// The first day of the quarter after `today`'s.
fn next_quarter(today: NaiveDate) -> NaiveDate {
    let month = (today.month0() / 3 + 1) * 3 + 1;
    let (year, month) = if month > 12 {
        (today.year() + 1, month - 12)
    } else {
        (today.year(), month)
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(today)
}

pub(crate) fn assess(request: &Request<'_>, calendar: &WorkCalendar) -> Finding {
    let today = request.today;
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
    let owner = request.owner.map(str::trim).filter(|o| !o.is_empty());
    let yes = request.answer == Some(Answer::Yes);
    let (verdict, shape) = match (request.pushes_out.is_empty(), request.answer) {
        (true, _) => ("nothing-pushed-out", "unclear"),
        (false, None) => ("weigh", "unclear"),
        (false, Some(Answer::No)) if owner.is_some() => ("no-if-they-agree", "no"),
        (false, Some(Answer::No)) => ("no", "no"),
        (false, Some(Answer::Yes)) if dropped.is_empty() => ("yes-drops-nothing", "unclear"),
        (false, Some(Answer::Yes)) if owner.is_some() => ("yes-if-they-agree", "yes"),
        (false, Some(Answer::Yes)) => ("yes", "yes"),
    };
    let effort = request.effort.filter(|e| e.amount > 0.0);
    let start = calendar.on_or_after(today);
    let done_by = effort.map(|work| calendar.finish(start, work));
    // Delayed work restarts the working day after the request is done, unless the lead
    // gave a date; a date on a day off means the working day after it.
    let resume_by = calendar.add_working_days(done_by.unwrap_or(start), 1);
    let delaying = yes && !dropped.is_empty() && !request.drop;
    let delay_until = delaying.then(|| {
        request
            .delay_until
            .map_or(resume_by, |date| calendar.on_or_after(date))
    });
    let agree_by = calendar.add_working_days(today, AGREE_DAYS);
    let quarter = calendar.review_day(next_quarter(today));
    let waits = matches!(verdict, "yes-if-they-agree" | "no-if-they-agree");
    let review_by = match verdict {
        _ if waits => agree_by,
        "yes" => delay_until.or(done_by).unwrap_or(agree_by),
        _ => quarter,
    };
    let mut warnings = Vec::new();
    if verdict == "yes-drops-nothing" {
        warnings.push("yes-drops-nothing");
    }
    if let (Some(restart), Some(done)) = (delay_until, done_by)
        && restart <= done
    {
        warnings.push("restarts-before-done");
    }
    let text = |date: NaiveDate| human_date(date, today);
    let facts = json!({
        "shape": shape,
        "pushes_out": request.pushes_out,
        "dropped": dropped,
        "kept": kept,
        "effort": effort.map(|e| e.to_string()),
        "gives_way": if request.drop { "drop" } else { "delay" },
        "done_by": done_by.map(iso),
        "done_by_text": done_by.map(text),
        "resume_by": iso(resume_by),
        "delay_until": delay_until.map(iso),
        "delay_until_text": delay_until.map(text),
        "owner": owner,
        "owner_agrees": owner.map(agrees),
        "owner_hint": owner_hint(if dropped.is_empty() { request.pushes_out } else { &dropped }),
        "agree_by": iso(agree_by),
        "agree_by_text": text(agree_by),
        "next_quarter": iso(quarter),
        "next_quarter_text": text(quarter),
        // An answer that waits for someone else's agreement is decided once they agree.
        "answer_by": waits.then(|| iso(agree_by)),
        "answer_by_text": waits.then(|| text(agree_by)),
        "review_by": iso(review_by),
        "review_by_text": text(review_by),
    });
    Finding::new(verdict, facts).warn(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit;

    fn items(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Friday 4 December 2026, three weeks of work asked for.
    fn request<'a>(planned: &'a [String], dropped: &'a [String]) -> Request<'a> {
        Request {
            today: date(2026, 12, 4),
            pushes_out: planned,
            effort: Some(Duration::new(3.0, Unit::Weeks)),
            answer: None,
            dropped,
            drop: false,
            delay_until: None,
            owner: None,
        }
    }

    #[test]
    fn answer_shapes() {
        let planned = items(&["the billing migration", "the onboarding fixes"]);
        let onboarding = items(&["the onboarding fixes"]);
        let holiday = items(&["a holiday"]);
        // (answer, dropped, owner, (verdict, shape))
        type Case<'a> = (
            Option<Answer>,
            &'a [String],
            Option<&'a str>,
            (&'a str, &'a str),
        );
        #[rustfmt::skip]
        let cases: Vec<Case<'_>> = vec![
            (None, &[], None, ("weigh", "unclear")),
            (Some(Answer::No), &[], None, ("no", "no")),
            // A no that protects someone else's priorities waits for their OK.
            (Some(Answer::No), &[], Some("Maria"), ("no-if-they-agree", "no")),
            (Some(Answer::No), &[], Some(" "), ("no", "no")),
            (Some(Answer::Yes), &[], None, ("yes-drops-nothing", "unclear")),
            (Some(Answer::Yes), &onboarding, None, ("yes", "yes")),
            (Some(Answer::Yes), &onboarding, Some("sales"), ("yes-if-they-agree", "yes")),
            (Some(Answer::Yes), &onboarding, Some("  "), ("yes", "yes")),
            // Something dropped that was never in the plan does not count.
            (Some(Answer::Yes), &holiday, None, ("yes-drops-nothing", "unclear")),
        ];
        for (answer, dropped, owner, (verdict, shape)) in cases {
            let finding = assess(
                &Request {
                    answer,
                    owner,
                    ..request(&planned, dropped)
                },
                &WorkCalendar::default(),
            );
            assert_eq!(finding.verdict, verdict, "{answer:?} {owner:?}");
            assert_eq!(finding.fact_str("shape"), Some(shape), "{answer:?}");
            assert!(FRAMEWORK.verdict(finding.verdict).is_some());
        }
    }

    #[test]
    fn a_yes_keeps_what_it_does_not_drop() {
        let planned = items(&["A", "B", "C"]);
        let dropped = items(&["B"]);
        let finding = assess(
            &Request {
                answer: Some(Answer::Yes),
                ..request(&planned, &dropped)
            },
            &WorkCalendar::default(),
        );
        assert_eq!(finding.facts["kept"], json!(["A", "C"]));
        assert_eq!(finding.facts["dropped"], json!(["B"]));
    }

    #[test]
    fn nothing_pushed_out_is_questioned() {
        let finding = assess(
            &Request {
                answer: Some(Answer::Yes),
                ..request(&[], &[])
            },
            &WorkCalendar::default(),
        );
        assert_eq!(finding.verdict, "nothing-pushed-out");
    }

    /// The date each answer comes back to: (name, answer, drop, delay until, owner, (review
    /// by, delay until as used)).
    #[test]
    fn each_answer_has_a_date_to_come_back_to() {
        let planned = items(&["the GDPR fix", "the test clean-up"]);
        let gdpr = items(&["the GDPR fix"]);
        type Case<'a> = (
            &'a str,
            Answer,
            bool,
            Option<NaiveDate>,
            Option<&'a str>,
            (&'a str, Option<&'a str>),
        );
        #[rustfmt::skip]
        let cases: Vec<Case<'_>> = vec![
            // No: the first working day of next quarter, past New Year's Day.
            ("no", Answer::No, false, None, None, ("2027-01-04", None)),
            // Maria sets the priorities the no protects: two working days to answer.
            ("no, Maria's OK", Answer::No, false, None, Some("Maria"), ("2026-12-08", None)),
            // Three weeks from Friday 4 December, less Christmas Day: Monday 28 December;
            // the GDPR fix restarts the working day after.
            ("delayed", Answer::Yes, false, None, None, ("2026-12-29", Some("2026-12-29"))),
            ("delayed to a date", Answer::Yes, false, Some(date(2027, 1, 9)), None, ("2027-01-11", Some("2027-01-11"))),
            ("dropped", Answer::Yes, true, None, None, ("2026-12-28", None)),
            // Legal must agree: two working days to answer.
            ("legal's", Answer::Yes, false, None, Some("legal"), ("2026-12-08", Some("2026-12-29"))),
        ];
        for (name, answer, drop, until, owner, (review_by, delay)) in cases {
            let finding = assess(
                &Request {
                    answer: Some(answer),
                    drop,
                    delay_until: until,
                    owner,
                    ..request(&planned, &gdpr)
                },
                &WorkCalendar::default(),
            );
            assert_eq!(finding.fact_str("review_by"), Some(review_by), "{name}");
            assert_eq!(finding.fact_str("delay_until"), delay, "{name}");
            assert!(finding.warnings.is_empty(), "{name}");
        }
        let early = assess(
            &Request {
                answer: Some(Answer::Yes),
                delay_until: Some(date(2026, 12, 7)),
                ..request(&planned, &gdpr)
            },
            &WorkCalendar::default(),
        );
        assert_eq!(early.warnings, ["restarts-before-done"]);
    }

    #[test]
    fn the_verb_agrees_with_the_group() {
        for (owner, said) in [
            ("legal", "legal agrees"),
            ("the lawyers", "the lawyers agree"),
            ("the finance team", "the finance team agrees"),
            ("the press", "the press agrees"),
        ] {
            assert_eq!(agrees(owner), said);
        }
    }

    #[test]
    fn the_owner_of_planned_work_is_read_from_its_words() {
        let cases = [
            (
                "the GDPR data-export fix that legal asked for",
                Some("legal"),
            ),
            (
                "the billing report which the finance team requested",
                Some("the finance team"),
            ),
            ("the flaky test clean-up", None),
            (
                "the billing clean-up the finance team requested",
                Some("the finance team"),
            ),
            ("the fix that the team needs", Some("the team")),
        ];
        for (item, owner) in cases {
            assert_eq!(owner_hint(&items(&[item])).as_deref(), owner, "{item}");
        }
    }
}
