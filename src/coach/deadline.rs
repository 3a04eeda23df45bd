//! Unrealistic deadlines: "Don't just say 'no.' Negotiate." Compare the team's estimate
//! with the working days left, then check each option the message could offer: (A) the
//! date, with a simplification, (B) everything, with more time, and (C) the lead's own
//! third option. An option that does not hold up, or that another option beats on every
//! count, is named as such and never offered; the options that are offered carry the same
//! letters wherever they appear.
//!
//! Time is counted in working days (Monday to Friday, less the team's holidays): a week of
//! work is 5 of them, and months of work are calendar months counted the same way. With no
//! holidays listed, 25 December and 1 January are taken as days off: a date promised
//! upward must not depend on the team working on them.
//!
//! The requester chooses by a date: the last working day on which option A can still be
//! started and make the date. That date is the record's review date, so the lead chases
//! the answer while it still matters.

use chrono::NaiveDate;
use serde_json::json;

use super::units::{add_days, ceil_whole, human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict, WorkCalendar};
use crate::answer::{Duration, Kind, Unit};

const DUE: Input = Input {
    name: "due",
    accepts: Accepts::Question(&[Kind::Date]),
    required: true,
    about: "the date asked for",
    values: &[],
};
const ESTIMATE: Input = Input {
    name: "estimate",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "the team's estimate for everything asked, in working time",
    values: &[],
};
const SAVES: Input = Input {
    name: "saves",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: false,
    about: "the working time the named simplification saves (option A)",
    values: &[],
};
const EXTRA: Input = Input {
    name: "extra",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: false,
    about: "the extra working time needed to deliver everything (option B)",
    values: &[],
};
const SIMPLIFY: Input = Input {
    name: "simplify",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "what option A simplifies, read for an approval or a partner it waits on",
    values: &[],
};
const WAITS: Input = Input {
    name: "waits",
    accepts: Accepts::Question(&[Kind::YesNo]),
    required: false,
    about: "whether the part simplified away waits on someone outside the team",
    values: &[],
};
const OPTION_C: Input = Input {
    name: "option_c",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "the lead's own third option",
    values: &[],
};
const C_CHECK: Input = Input {
    name: "c_check",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "whether option C was checked against the estimate: `holds`, `misses` or `unchecked`",
    values: &["holds", "misses", "unchecked"],
};

/// Working days the requester gets to answer when no option needs an earlier answer; a
/// proposal waiting for someone's yes gets as long (tech debt, delegation).
pub(crate) const ANSWER_DAYS: u64 = 5;

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "deadline",
    title: "Negotiate the deadline",
    inputs: &[
        DUE, ESTIMATE, SAVES, EXTRA, SIMPLIFY, WAITS, OPTION_C, C_CHECK,
    ],
    facts: &[
        "fits",
        "due_now",
        "past",
        "due",
        "due_text",
        "asked",
        "asked_text",
        "estimate",
        "needed",
        "available",
        "over",
        "slack",
        "saves",
        "extra",
        "needed_extra",
        "a_needed",
        "a_slack",
        "a_short",
        "offer_a",
        "rest_by",
        "rest_by_text",
        "rest_outside",
        "outside_likely",
        "offer_b",
        "b_beaten",
        "b_extra",
        "date_b",
        "date_b_text",
        "c_check",
        "offer_c",
        "sizing_c",
        "letter_a",
        "letter_b",
        "letter_c",
        "c_said",
        "c_name",
        "c_later",
        "offers",
        "choose_by",
        "choose_by_text",
        "answer_by",
        "answer_by_text",
        "review_by",
        "review_by_text",
        "holidays_listed",
        "days_off",
        "days_off_until_due",
    ],
    verdicts: &[
        Verdict {
            id: "fits",
            stance: Stance::Decided,
            passage: "say-no",
            also: &["deadline-negotiate"],
        },
        Verdict {
            id: "due-now",
            stance: Stance::Options,
            passage: "deadline-negotiate",
            also: &["choice-not-conflict"],
        },
        Verdict {
            id: "negotiate",
            stance: Stance::Options,
            passage: "deadline-negotiate",
            also: &["choice-not-conflict"],
        },
        Verdict {
            id: "two-options",
            stance: Stance::Options,
            passage: "choice-not-conflict",
            also: &["deadline-negotiate"],
        },
        Verdict {
            id: "a-beats-b",
            stance: Stance::Options,
            passage: "deadline-negotiate",
            also: &["choice-not-conflict"],
        },
        Verdict {
            id: "a-misses",
            stance: Stance::Options,
            passage: "deadline-negotiate",
            also: &["choice-not-conflict"],
        },
        Verdict {
            id: "b-short",
            stance: Stance::Options,
            passage: "deadline-negotiate",
            also: &["choice-not-conflict"],
        },
    ],
    warnings: &[
        "due-today",
        "saves-everything",
        "a-misses-the-date",
        "b-too-little",
        "due-on-a-day-off",
        "unlisted-days-off",
        "c-unchecked",
        "c-misses",
    ],
    keeps: &[],
    refuse: Some(refuse),
    run,
    waits: &[],
};

/// A third option the requester cannot weigh without knowing when it delivers: "drop the
/// admin screens" leaves them guessing whether the date holds.
fn refuse(inputs: &Inputs<'_>) -> Option<String> {
    let option = inputs.text(&OPTION_C)?;
    (!says_when(option)).then(|| {
        let option = option.trim().trim_end_matches('.');
        // The lead's own words with a date in them: "later" becomes the date.
        let dated = if option.contains(" later") {
            option.replacen(" later", " by 2 March", 1)
        } else {
            format!("{option}, by 2 March")
        };
        let vague = if option.contains("later") {
            " (\"later\" is not a date)"
        } else {
            ""
        };
        format!(
            "\"{option}\" does not say when it delivers{vague}; say it with its date, e.g. \"{dated}\""
        )
    })
}

/// Whether a sentence names a time: a date, a day, a release, or the date kept.
fn says_when(text: &str) -> bool {
    // Besides the calendar's words: a release or a sprint, and the date kept.
    const WHEN: &[&str] = &[
        "date", "by", "until", "before", "after", "keep", "keeps", "sprint", "release", "next",
    ];
    // The date kept says when the rest ships, not when a part put off follows: "keep the
    // date, admin screens later" leaves the requester guessing about the admin screens.
    const KEPT: &[&str] = &["date", "keep", "keeps"];
    const PUT_OFF: &[&str] = &["later", "afterwards"];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let timed = |word: &String| {
        word.chars().any(|c| c.is_ascii_digit())
            || WHEN.contains(&word.as_str())
            || crate::phrase::is_time_word(word)
    };
    if words.iter().any(|w| PUT_OFF.contains(&w.as_str())) {
        return words
            .iter()
            .any(|w| timed(w) && !KEPT.contains(&w.as_str()));
    }
    words.iter().any(timed)
}

/// What the lead's third option is worth, once checked against the estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OptionC {
    /// Checked, and it holds up: offered.
    Holds,
    /// Checked, and it does not: left out.
    Misses,
    /// Not checked yet: named in the record, left out of what goes to the requester.
    Unchecked,
}

impl OptionC {
    fn parse(text: &str) -> OptionC {
        match text.trim() {
            "holds" => OptionC::Holds,
            "misses" => OptionC::Misses,
            _ => OptionC::Unchecked,
        }
    }

    fn key(self) -> &'static str {
        match self {
            OptionC::Holds => "holds",
            OptionC::Misses => "misses",
            OptionC::Unchecked => "unchecked",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Request {
    pub today: NaiveDate,
    /// The date asked for.
    pub due: NaiveDate,
    /// The team's estimate for everything that was asked.
    pub estimate: Duration,
    /// What the named simplification saves, once known.
    pub saves: Option<Duration>,
    /// The extra time needed to deliver everything, once known.
    pub extra: Option<Duration>,
    /// Whether the part simplified away waits on someone outside the team, as the lead
    /// answered it.
    pub waits: Option<bool>,
    /// Whether the simplification's own words name an approval, a vendor or a partner.
    pub names_outside: bool,
    /// The lead's third option and how it was checked; `None` without one.
    pub option_c: Option<OptionC>,
}

/// Words that say a part waits on someone whose timing the team does not control: an app
/// store's review, a partner's sign-off, a vendor. Read in the simplification's own words,
/// they become the default answer to "does the rest wait on anyone outside the team?", so
/// an answers file written without that question still promises no date for it.
const OUTSIDE_WORDS: &[&str] = &[
    "approv",
    "sign-off",
    "sign off",
    "signs off",
    "certif",
    "app store",
    "app-store",
    "play store",
    "third party",
    "third-party",
    "vendor",
    "supplier",
];

pub(crate) fn names_outside(text: &str) -> bool {
    let lower = text.to_lowercase();
    OUTSIDE_WORDS.iter().any(|word| lower.contains(word))
}

/// Working days in `work`: months and years count their calendar days' share of
/// weekdays (5 in 7).
fn work_days(work: Duration) -> u64 {
    WorkCalendar::working_days(work).unwrap_or_else(|| ceil_whole(work.days() * 5.0 / 7.0))
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Gap {
    /// Working days from tomorrow up to and including the date.
    pub available: u64,
    /// Working days the estimate needs.
    pub needed: u64,
    /// How far the estimate overshoots the time left, in working days (zero when it fits).
    pub over: u64,
    /// Working days option A needs: the estimate less the simplification; `None` until the
    /// simplification is known.
    pub a_needed: Option<u64>,
    /// Whether the estimate minus the simplification fits; `None` until it is known.
    pub a_fits: Option<bool>,
    /// How far option A still overshoots, in working days.
    pub a_short: u64,
    /// Whether the extra time covers the overshoot; `None` until it is known.
    pub b_covers: Option<bool>,
}

pub(crate) fn gap(request: &Request, calendar: &WorkCalendar) -> Gap {
    let available = calendar.working_days_until(request.today, request.due);
    let needed = work_days(request.estimate);
    let over = needed.saturating_sub(available);
    let a_needed = request
        .saves
        .map(|saves| needed.saturating_sub(work_days(saves)));
    Gap {
        available,
        needed,
        over,
        a_needed,
        a_fits: a_needed.map(|days| days <= available),
        a_short: a_needed.map_or(0, |days| days.saturating_sub(available)),
        b_covers: request.extra.map(|extra| work_days(extra) >= over),
    }
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let option_c = inputs
        .text(&OPTION_C)
        .map(|_| OptionC::parse(inputs.text(&C_CHECK).unwrap_or_default()));
    let request = Request {
        today: inputs.today(),
        due: inputs.date(&DUE)?,
        estimate: inputs.duration(&ESTIMATE)?,
        saves: inputs.duration(&SAVES),
        extra: inputs.duration(&EXTRA),
        waits: inputs.yes(&WAITS),
        names_outside: inputs.text(&SIMPLIFY).is_some_and(names_outside),
        option_c,
    };
    let mut finding = assess(&request, inputs.conditions.calendar);
    if let Some(text) = inputs.text(&OPTION_C) {
        finding.facts.extend(third_option_said(text));
    }
    Some(finding)
}

/// The lead's third option named by what it is, as A and B are: `c_said` is the whole
/// sentence ("keep the date without the admin screens; they follow by Tuesday 2 March
/// 2027"), `c_name` the same in one clause for a headline ("keep the date without the
/// admin screens (they follow by …)"), and `c_later` what it leaves for later ("they
/// follow by …"), when the option says so after a semicolon.
fn third_option_said(text: &str) -> serde_json::Map<String, serde_json::Value> {
    let clause = text
        .trim()
        .trim_end_matches(['.', '!', ';', ','])
        .trim_end();
    let said = crate::phrase::option_sentence(clause);
    let (name, later) = match said.split_once("; ") {
        Some((head, later)) => (format!("{head} ({later})"), Some(later_said(head, later))),
        None => (said.clone(), None),
    };
    let mut facts = serde_json::Map::new();
    facts.insert("c_said".into(), json!(said));
    facts.insert("c_name".into(), json!(name));
    facts.insert("c_later".into(), json!(later));
    facts
}

/// What the option leaves for later, said on its own: "they follow by 2 March" after
/// "keep the date without the admin screens" reads "the admin screens follow by 2 March".
fn later_said(head: &str, later: &str) -> String {
    let part = head.split_once(" without ").map(|(_, part)| part);
    match (part, later.split_once(' ')) {
        (Some(part), Some(("they" | "it", rest))) => format!("{part} {rest}"),
        _ => later.to_string(),
    }
}

/// Working days stated in the unit of the estimate, so the numbers of one sentence share a
/// unit: days for an estimate in days or hours, weeks (of five working days) otherwise.
fn as_work(days: u64, unit: Unit) -> Duration {
    match unit {
        Unit::Minutes | Unit::Hours | Unit::Days => Duration::new(days as f64, Unit::Days),
        Unit::Weeks | Unit::Months | Unit::Years => {
            Duration::new(super::units::round1(days as f64 / 5.0), Unit::Weeks)
        }
    }
}

/// The options offered, in order, each with its letter: no letters for a single option,
/// so a message never says "A." with nothing to compare it to.
fn letters(offered: [bool; 3]) -> [Option<&'static str>; 3] {
    let count = offered.iter().filter(|o| **o).count();
    let mut names = ["A", "B", "C"].into_iter();
    offered.map(|offer| {
        if offer && count > 1 {
            names.next()
        } else {
            None
        }
    })
}

/// The options worked out: what is offered, by when, and by when the requester chooses.
struct Plan {
    gap: Gap,
    fits: bool,
    due_now: bool,
    needed_extra: Duration,
    b_extra: Duration,
    date_b: NaiveDate,
    offer_a: bool,
    rest_by: Option<NaiveDate>,
    b_beaten: bool,
    offer_b: bool,
    offer_c: bool,
    a_slack: Option<u64>,
    choose_by: Option<NaiveDate>,
    review_by: NaiveDate,
}

fn plan(request: &Request, calendar: &WorkCalendar) -> Plan {
    let (today, due) = (request.today, request.due);
    let g = gap(request, calendar);
    let fits = g.over == 0;
    let due_now = !fits && g.available == 0;
    // The overshoot as it is, not rounded up to weeks: rounding would push "everything at
    // once" past the rest of A and drop a real option. Whole weeks in weeks, anything else
    // in days: never "1.6 weeks".
    let in_days = |days: u64| {
        if days.is_multiple_of(5) {
            as_work(days, request.estimate.unit)
        } else {
            as_work(days, Unit::Days)
        }
    };
    let needed_extra = in_days(g.over);
    // Option B asks for the extra time given, or for the overshoot when that was too
    // little: never for a date the estimate says cannot be met.
    let b_extra_days = match request.extra {
        Some(extra) => work_days(extra).max(g.over),
        None => g.over,
    };
    let b_extra = match request.extra {
        Some(extra) if g.b_covers == Some(true) => extra,
        _ => in_days(b_extra_days),
    };
    let date_b = calendar.add_working_days(due, b_extra_days);
    let offer_a = !fits && !due_now && g.a_fits == Some(true);
    // The part simplified away is started once the date is met, so it follows the time it
    // saved after the date: later than everything at once, which is why B stays an option.
    let rest_by = request
        .saves
        .filter(|_| offer_a)
        .map(|saves| calendar.add_working_days(due, work_days(saves)));
    // A that delivers the rest no later than B delivers everything beats B on every count.
    let b_beaten = rest_by.is_some_and(|rest| rest <= date_b);
    // Option A stays open while its slack lasts: the requester chooses by the last working
    // day the team can still start it and make the date.
    let a_slack = g
        .a_needed
        .filter(|_| offer_a)
        .map(|needed| g.available.saturating_sub(needed));
    let choose_by = a_slack.map(|slack| match slack {
        0 => calendar.on_or_after(today),
        _ => calendar.add_working_days(today, slack),
    });
    let answer_window = calendar.add_working_days(today, ANSWER_DAYS);
    let review_by = match (fits, choose_by) {
        (true, _) => due,
        (false, Some(choose_by)) => choose_by,
        (false, None) if due_now => answer_window,
        (false, None) => answer_window.min(due),
    };
    Plan {
        gap: g,
        fits,
        due_now,
        needed_extra,
        b_extra,
        date_b,
        offer_a,
        rest_by,
        b_beaten,
        offer_b: !fits && !b_beaten,
        offer_c: !fits && request.option_c == Some(OptionC::Holds),
        a_slack,
        choose_by,
        review_by,
    }
}

fn verdict(plan: &Plan) -> &'static str {
    match (plan.fits, plan.due_now, plan.gap.a_fits) {
        (true, _, _) => "fits",
        (_, true, _) => "due-now",
        (_, _, None) => "negotiate",
        (_, _, Some(false)) => "a-misses",
        _ if plan.b_beaten => "a-beats-b",
        _ if plan.gap.b_covers == Some(false) => "b-short",
        _ => "two-options",
    }
}

fn warnings(
    request: &Request,
    asked: NaiveDate,
    plan: &Plan,
    days_off: &[NaiveDate],
    calendar: &WorkCalendar,
) -> Vec<&'static str> {
    let g = &plan.gap;
    let mut warnings = Vec::new();
    if plan.due_now {
        warnings.push("due-today");
    }
    if let Some(saves) = request.saves
        && !plan.fits
        && work_days(saves) >= g.needed
        && g.needed > 0
    {
        warnings.push("saves-everything");
    }
    if !plan.due_now && g.a_fits == Some(false) {
        warnings.push("a-misses-the-date");
    }
    if g.b_covers == Some(false) {
        warnings.push("b-too-little");
    }
    if asked > request.today && !calendar.is_working_day(asked) {
        warnings.push("due-on-a-day-off");
    }
    if !days_off.is_empty() {
        warnings.push("unlisted-days-off");
    }
    if !plan.fits {
        match request.option_c {
            Some(OptionC::Unchecked) => warnings.push("c-unchecked"),
            Some(OptionC::Misses) => warnings.push("c-misses"),
            _ => {}
        }
    }
    warnings
}

pub(crate) fn assess(request: &Request, calendar: &WorkCalendar) -> Finding {
    let today = request.today;
    // With no holidays listed, 25 December and 1 January are days off (the calendar takes
    // them so): the record names them.
    let usual = calendar.assumed_days_off(today, add_days(today, 3 * 366));
    // Work is delivered on a working day: a date asked for on a weekend or a holiday means
    // the working day before it, and a date already gone means today.
    let asked = request.due;
    let request = &Request {
        due: calendar.on_or_before(asked).max(today),
        ..*request
    };
    let plan = plan(request, calendar);
    let last = [Some(request.due), Some(plan.date_b), plan.rest_by]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(request.due);
    let days_off: Vec<NaiveDate> = usual
        .into_iter()
        .filter(|day| *day <= last.max(asked))
        .collect();
    let warnings = warnings(request, asked, &plan, &days_off, calendar);
    let facts = facts(request, asked, &plan, calendar.has_holidays(), &days_off);
    Finding::new(verdict(&plan), facts).warn(warnings)
}

fn facts(
    request: &Request,
    asked: NaiveDate,
    plan: &Plan,
    holidays_listed: bool,
    days_off: &[NaiveDate],
) -> serde_json::Value {
    let today = request.today;
    let g = &plan.gap;
    // "6.6 weeks" is not how anyone says it: when the time left is not whole weeks, every
    // amount is said in working days.
    let unit = match request.estimate.unit {
        Unit::Weeks | Unit::Months | Unit::Years if !g.available.is_multiple_of(5) => Unit::Days,
        unit => unit,
    };
    let work = |days: u64| as_work(days, unit).to_string();
    // The estimate in the unit the time left is stated in, so one sentence has one unit:
    // as given in days or weeks, counted in working weeks or days otherwise.
    let needed = if unit == request.estimate.unit && matches!(unit, Unit::Days | Unit::Weeks) {
        request.estimate
    } else {
        as_work(g.needed, unit)
    };
    let text = |date: NaiveDate| human_date(date, today);
    let [letter_a, letter_b, letter_c] = letters([plan.offer_a, plan.offer_b, plan.offer_c]);
    let offers = [plan.offer_a, plan.offer_b, plan.offer_c]
        .iter()
        .filter(|o| **o)
        .count();
    let mut facts = json!({
        "fits": plan.fits,
        "due_now": plan.due_now,
        "past": asked < today,
        "due": iso(request.due),
        "due_text": text(request.due),
        "asked": iso(asked),
        "asked_text": text(asked),
        "estimate": request.estimate.to_string(),
        "needed": needed.to_string(),
        "available": work(g.available),
        "over": work(g.over),
        "slack": work(g.available.saturating_sub(g.needed)),
        "saves": request.saves.map(|d| d.to_string()),
        "extra": request.extra.map(|d| d.to_string()),
        "needed_extra": plan.needed_extra.to_string(),
        "a_needed": g.a_needed.map(work),
        "a_slack": plan.a_slack.map(work),
        "a_short": work(g.a_short),
        "offer_a": plan.offer_a,
        "rest_by": plan.rest_by.map(iso),
        "rest_by_text": plan.rest_by.map(text),
        "rest_outside": request.waits.unwrap_or(request.names_outside),
        "outside_likely": request.names_outside,
        "offer_b": plan.offer_b,
        "b_beaten": plan.b_beaten,
        "b_extra": plan.b_extra.to_string(),
        "date_b": iso(plan.date_b),
        "date_b_text": text(plan.date_b),
        "c_check": request.option_c.map(OptionC::key),
        "offer_c": plan.offer_c,
        "letter_a": letter_a,
        "letter_b": letter_b,
        "letter_c": letter_c,
        "offers": offers,
        "choose_by": plan.choose_by.map(iso),
        "choose_by_text": plan.choose_by.map(text),
        "review_by": iso(plan.review_by),
        "review_by_text": text(plan.review_by),
        "holidays_listed": holidays_listed,
        "days_off": days_off.iter().map(|d| text(*d)).collect::<Vec<_>>(),
        // Only these shorten the working time left before the date asked for.
        "days_off_until_due": days_off
            .iter()
            .filter(|d| **d <= request.due)
            .map(|d| text(*d))
            .collect::<Vec<_>>(),
    });
    // Options offered: the requester's answer is due then, and the record is decided only
    // once they have chosen.
    // A third option still being sized, next to a single offer that moves the date: we owe
    // the requester all the options before asking them to move it, so the answer due by
    // then is ours (the sizing), not theirs. Every output says so.
    facts["sizing_c"] = json!(
        !plan.fits && request.option_c == Some(OptionC::Unchecked) && offers == 1 && !plan.offer_a
    );
    // The third option's own words, filled in by `run` from the answer.
    for name in ["c_said", "c_name", "c_later"] {
        facts[name] = serde_json::Value::Null;
    }
    facts["answer_by"] = json!((!plan.fits).then(|| iso(plan.review_by)));
    facts["answer_by_text"] = json!((!plan.fits).then(|| text(plan.review_by)));
    facts
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_third_option_says_when_it_delivers() {
        let cases = [
            ("drop the admin screens", false),
            ("Drop the admin screens for good.", false),
            (
                "we keep the date if the admin screens move to the next release",
                true,
            ),
            ("everything but the admin screens by 2 March", true),
            ("the admin screens follow in sprint 14", true),
            ("launch in two phases, the second in February", true),
            ("drop the admin screens in the mobile app", false),
            // The part put off needs its own time: "later" is not one.
            ("keep the date, admin screens later", false),
            ("keep the date, admin screens later, by 2 March", true),
            (
                "keep the date; the admin screens follow in the next release",
                true,
            ),
            ("", false),
        ];
        for (text, says) in cases {
            assert_eq!(super::says_when(text), says, "{text:?}");
        }
    }

    #[test]
    fn a_third_option_is_named_by_what_it_is() {
        let cases = [
            (
                "keep the date, admin screens by Tuesday 2 March 2027",
                "keep the date without the admin screens; they follow by Tuesday 2 March 2027",
                "keep the date without the admin screens (they follow by Tuesday 2 March 2027)",
                Some("the admin screens follow by Tuesday 2 March 2027"),
            ),
            (
                "keep the date; the admin screens follow in the next release.",
                "keep the date; the admin screens follow in the next release",
                "keep the date (the admin screens follow in the next release)",
                Some("the admin screens follow in the next release"),
            ),
            (
                "we keep the date if the admin screens move to the next release",
                "we keep the date if the admin screens move to the next release",
                "we keep the date if the admin screens move to the next release",
                None,
            ),
        ];
        for (text, said, name, later) in cases {
            let facts = super::third_option_said(text);
            assert_eq!(facts["c_said"], said, "{text:?}");
            assert_eq!(facts["c_name"], name, "{text:?}");
            assert_eq!(facts["c_later"], serde_json::json!(later), "{text:?}");
        }
    }

    use super::*;
    use crate::answer::Unit::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn d(amount: f64, unit: Unit) -> Duration {
        Duration::new(amount, unit)
    }

    /// Thursday 26 November 2026 to Thursday 14 January 2027: 7 weeks, 35 working days;
    /// ten weeks of work.
    fn request() -> Request {
        Request {
            today: date(2026, 11, 26),
            due: date(2027, 1, 14),
            estimate: d(10.0, Weeks),
            saves: None,
            extra: None,
            waits: None,
            names_outside: false,
            option_c: None,
        }
    }

    fn with(change: impl Fn(&mut Request)) -> Request {
        let mut request = request();
        change(&mut request);
        request
    }

    /// A team that listed its holidays (none fall in the window), so the days counted are
    /// the weekdays.
    fn listed() -> WorkCalendar {
        WorkCalendar::new([date(2026, 8, 3)])
    }

    #[test]
    fn gap_table() {
        // A team that listed its holidays, none in this window: every weekday counts.
        let calendar = WorkCalendar::new([date(2026, 8, 3)]);
        // (name, request, available, over, A fits, B covers)
        let cases = [
            ("too much", request(), 35, 15, None, None),
            (
                "fits",
                with(|r| r.estimate = d(6.0, Weeks)),
                35,
                0,
                None,
                None,
            ),
            (
                "exactly fits",
                with(|r| r.estimate = d(7.0, Weeks)),
                35,
                0,
                None,
                None,
            ),
            (
                "the date has passed",
                with(|r| r.due = date(2026, 11, 1)),
                0,
                50,
                None,
                None,
            ),
            (
                "options that work",
                with(|r| {
                    r.saves = Some(d(3.0, Weeks));
                    r.extra = Some(d(3.0, Weeks));
                }),
                35,
                15,
                Some(true),
                Some(true),
            ),
            (
                "options that don't",
                with(|r| {
                    r.saves = Some(d(1.0, Weeks));
                    r.extra = Some(d(2.0, Weeks));
                }),
                35,
                15,
                Some(false),
                Some(false),
            ),
        ];
        for (name, request, available, over, a_fits, b_covers) in cases {
            let g = gap(&request, &calendar);
            assert_eq!(g.available, available, "{name}");
            assert_eq!(g.over, over, "{name}");
            assert_eq!(g.a_fits, a_fits, "{name}");
            assert_eq!(g.b_covers, b_covers, "{name}");
        }
    }

    #[test]
    fn verdicts_and_warnings() {
        let options = |saves: f64, extra: f64| {
            with(move |r| {
                r.saves = Some(d(saves, Weeks));
                r.extra = Some(d(extra, Weeks));
            })
        };
        let cases: Vec<(&str, Request, &str, &[&str])> = vec![
            ("no options yet", request(), "negotiate", &[]),
            (
                "six weeks in seven",
                with(|r| r.estimate = d(6.0, Weeks)),
                "fits",
                &[],
            ),
            (
                "the simplification is too small",
                with(|r| r.saves = Some(d(1.0, Weeks))),
                "a-misses",
                &["a-misses-the-date"],
            ),
            ("both hold up", options(4.0, 3.0), "two-options", &[]),
            (
                "too little extra time",
                options(4.0, 1.0),
                "b-short",
                &["b-too-little"],
            ),
            // The rest follows three weeks after the date: when B delivers everything.
            ("A beats B", options(3.0, 3.0), "a-beats-b", &[]),
            (
                "due today",
                with(|r| {
                    r.due = r.today;
                    r.saves = Some(d(1.0, Weeks));
                }),
                "due-now",
                &["due-today"],
            ),
            (
                "a simplification as big as the estimate",
                options(12.0, 3.0),
                "two-options",
                &["saves-everything"],
            ),
            // Saturday 16 January: the working day before is Friday 15.
            (
                "due on a Saturday",
                with(|r| r.due = date(2027, 1, 16)),
                "negotiate",
                &["due-on-a-day-off"],
            ),
            (
                "C not checked",
                with(|r| {
                    *r = options(4.0, 3.0);
                    r.option_c = Some(OptionC::Unchecked);
                }),
                "two-options",
                &["c-unchecked"],
            ),
            (
                "C does not hold up",
                with(|r| {
                    *r = options(4.0, 3.0);
                    r.option_c = Some(OptionC::Misses);
                }),
                "two-options",
                &["c-misses"],
            ),
        ];
        for (name, request, verdict, warnings) in cases {
            let finding = assess(&request, &listed());
            assert_eq!(finding.verdict, verdict, "{name}");
            assert_eq!(finding.warnings, warnings, "{name}");
            assert!(FRAMEWORK.verdict(finding.verdict).is_some(), "{name}");
        }
    }

    /// Which options are offered, and their letters: (name, request, A, B, C).
    #[test]
    fn letters_name_only_the_options_offered() {
        let c = |check: OptionC, saves: f64| {
            with(move |r| {
                r.saves = Some(d(saves, Weeks));
                r.extra = Some(d(3.0, Weeks));
                r.option_c = Some(check);
            })
        };
        type Letters<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);
        #[rustfmt::skip]
        let cases: Vec<(&str, Request, Letters<'_>)> = vec![
            ("A and B", c(OptionC::Unchecked, 4.0), (Some("A"), Some("B"), None)),
            ("A, B and C", c(OptionC::Holds, 4.0), (Some("A"), Some("B"), Some("C"))),
            ("B and C when A misses", c(OptionC::Holds, 1.0), (None, Some("A"), Some("B"))),
            ("A alone when it beats B", c(OptionC::Misses, 3.0), (None, None, None)),
            ("B alone when A misses", c(OptionC::Misses, 1.0), (None, None, None)),
        ];
        for (name, request, (a, b, c)) in cases {
            let finding = assess(&request, &listed());
            assert_eq!(finding.fact_str("letter_a"), a, "{name}");
            assert_eq!(finding.fact_str("letter_b"), b, "{name}");
            assert_eq!(finding.fact_str("letter_c"), c, "{name}");
        }
        let alone = assess(&c(OptionC::Misses, 3.0), &listed());
        assert_eq!(alone.facts["offer_a"], json!(true));
        assert_eq!(alone.facts["offer_b"], json!(false));
        assert_eq!(alone.facts["offers"], json!(1));
    }

    /// The requester chooses while option A can still be started: its slack in working
    /// days from today. Without option A there is a week to answer, or until the date.
    #[test]
    fn the_answer_is_needed_while_option_a_is_open() {
        let options = |saves: f64| {
            with(move |r| {
                r.saves = Some(d(saves, Weeks));
                r.extra = Some(d(3.0, Weeks));
            })
        };
        // (name, request, choose by, review by)
        let cases = [
            // Six weeks of work in seven: one week of slack, to Thursday 3 December.
            (
                "a week of slack",
                options(4.0),
                Some("2026-12-03"),
                "2026-12-03",
            ),
            // No slack: today.
            ("no slack", options(3.0), Some("2026-11-26"), "2026-11-26"),
            ("A misses", options(1.0), None, "2026-12-03"),
            (
                "the date holds",
                with(|r| r.estimate = d(6.0, Weeks)),
                None,
                "2027-01-14",
            ),
            (
                "due in two days, A misses",
                with(|r| {
                    r.due = date(2026, 11, 30);
                    r.saves = Some(d(1.0, Weeks));
                }),
                None,
                "2026-11-30",
            ),
        ];
        for (name, request, choose_by, review_by) in cases {
            let finding = assess(&request, &listed());
            assert_eq!(finding.fact_str("choose_by"), choose_by, "{name}");
            assert_eq!(finding.fact_str("review_by"), Some(review_by), "{name}");
        }
    }

    #[test]
    fn the_estimate_is_said_in_the_unit_of_the_time_left() {
        // (estimate, as said next to the time left)
        let cases = [
            (d(10.0, Weeks), "10 weeks"),
            (d(10.5, Weeks), "10.5 weeks"),
            (d(12.0, Days), "12 days"),
            (d(20.0, Hours), "3 days"),
            // 4 months: 120 calendar days, 86 of them working days.
            (d(4.0, Months), "17.2 weeks"),
        ];
        for (estimate, said) in cases {
            let finding = assess(&with(|r| r.estimate = estimate), &listed());
            assert_eq!(finding.fact_str("needed"), Some(said), "{estimate}");
        }
    }

    #[test]
    fn christmas_and_new_year_are_days_off_when_the_team_listed_no_holidays() {
        let finding = assess(&request(), &WorkCalendar::default());
        assert_eq!(finding.warnings, ["unlisted-days-off"]);
        assert_eq!(
            finding.facts["days_off"],
            json!(["Friday 25 December", "Friday 1 January 2027"])
        );
        // 35 weekdays less the two days off.
        assert_eq!(finding.fact_str("available"), Some("33 days"));
        let weekend = assess(
            &with(|r| r.due = date(2027, 1, 16)),
            &WorkCalendar::new([date(2026, 12, 25), date(2027, 1, 1)]),
        );
        assert_eq!(weekend.facts["due_text"], json!("Friday 15 January 2027"));
        assert_eq!(
            weekend.facts["asked_text"],
            json!("Saturday 16 January 2027")
        );
    }

    /// The manager's slipping launch: four weeks of work in two, Android first saves two.
    /// Counted without Christmas and New Year, the rest and everything are both ready on
    /// Tuesday 5 January, so B is beaten; the rest waits on Apple, so it gets no promise.
    #[test]
    fn a_slipping_launch_offers_the_date_alone() {
        let slip = Request {
            today: date(2026, 12, 4),
            due: date(2026, 12, 18),
            estimate: d(4.0, Weeks),
            saves: Some(d(2.0, Weeks)),
            extra: Some(d(2.0, Weeks)),
            waits: None,
            names_outside: names_outside("launch on Android first and iOS when Apple approves it"),
            option_c: None,
        };
        let finding = assess(&slip, &WorkCalendar::default());
        assert_eq!(finding.verdict, "a-beats-b");
        assert_eq!(finding.fact_str("rest_by"), Some("2027-01-05"));
        assert_eq!(finding.fact_str("date_b"), Some("2027-01-05"));
        assert_eq!(finding.facts["rest_outside"], json!(true));
        assert_eq!(
            finding.fact_str("choose_by_text"),
            Some("Friday 4 December")
        );
        let told = assess(
            &Request {
                waits: Some(false),
                ..slip
            },
            &WorkCalendar::default(),
        );
        assert_eq!(told.facts["rest_outside"], json!(false));
    }

    #[test]
    fn outside_parties_are_read_in_the_simplification() {
        let cases = [
            ("iOS when Apple approves it", true),
            ("the partner's sign-off on the API", true),
            ("the vendor integration", true),
            ("the sign-up step, to email only", false),
            ("the welcome tour", false),
        ];
        for (text, outside) in cases {
            assert_eq!(names_outside(text), outside, "{text}");
        }
    }

    #[test]
    fn option_b_never_asks_for_less_than_the_overshoot() {
        let finding = assess(
            &with(|r| {
                r.saves = Some(d(4.0, Weeks));
                r.extra = Some(d(1.0, Weeks));
            }),
            &listed(),
        );
        assert_eq!(finding.fact_str("b_extra"), Some("3 weeks"));
        assert_eq!(finding.fact_str("date_b"), Some("2027-02-04"));
        assert_eq!(finding.fact_str("over"), Some("3 weeks"));
    }

    #[test]
    fn option_a_is_not_offered_when_it_misses_or_no_day_is_left() {
        let misses = assess(&with(|r| r.saves = Some(d(1.0, Weeks))), &listed());
        assert_eq!(misses.facts["offer_a"], json!(false));
        let today = assess(
            &with(|r| {
                r.due = r.today;
                r.saves = Some(d(10.0, Weeks));
            }),
            &listed(),
        );
        assert_eq!(today.facts["offer_a"], json!(false));
        // Everything from today: the whole estimate, ten weeks.
        assert_eq!(today.fact_str("date_b"), Some("2027-02-04"));
        let works = assess(
            &with(|r| {
                r.saves = Some(d(4.0, Weeks));
                r.extra = Some(d(3.0, Weeks));
            }),
            &listed(),
        );
        assert_eq!(works.facts["offer_a"], json!(true));
        // The part simplified away follows four working weeks after the date, a week
        // after everything would have been ready: B stays a real option.
        assert_eq!(works.fact_str("rest_by"), Some("2027-02-11"));
        assert_eq!(
            works.fact_str("date_b_text"),
            Some("Thursday 4 February 2027")
        );
    }
}
