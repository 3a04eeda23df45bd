//! Delegation as an investment: "You've invested 30 minutes now to gain hundreds of hours
//! of capability later."
//!
//! The model, stated in the record, keeps two accounts apart, in the episode's framing:
//! * the lead's time: the lead invests coaching time once, and gets their own time on the
//!   task back every time the team member does it, from the first time; so the coaching
//!   has paid back by the k-th time, k = ⌈coaching ÷ your time⌉ (at least 1);
//! * the team member's time: their first go takes longer than the lead's (Thuan's "6 hours
//!   instead of 2"): the time it takes to learn the skill, spent once; after the first go
//!   they take about as long as the lead does;
//! * a recurring task gives the lead's time back every week (or month) and every quarter;
//!   a one-off gives it back once, so it is judged on the team's hours as a whole.
//!
//! Work time counts working hours: a working day is 8 hours, a week of work 5 days. A
//! delegation is a proposal until the team member has said yes.

use chrono::{Months, NaiveDate};
use serde_json::json;

use super::calendar::WorkCalendar;
use super::units::{
    WORK_HOURS_PER_DAY, WORK_WEEK_DAYS, add_days, ceil_whole, effort, human_date, iso, ordinal,
    round1, work_days,
};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::{Duration, Kind, Unit};

const YOURS: Input = Input {
    name: "yours",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "how long the task takes you",
    values: &[],
};
const THEIRS: Input = Input {
    name: "theirs",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "how long it would take them the first time",
    values: &[],
};
const COACHING: Input = Input {
    name: "coaching",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "your time coaching them through it",
    values: &[],
};
const RECURS: Input = Input {
    name: "recurs",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: true,
    about: "how often the task comes back",
    values: &[
        "once",
        "daily",
        "weekly",
        "fortnightly",
        "monthly",
        "quarterly",
    ],
};
const LEARNS: Input = Input {
    name: "learns",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "what they would learn",
    values: &[],
};
const CALL: Input = Input {
    name: "call",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "the lead's call: delegate it, or do it myself this time",
    values: &["delegate", "myself"],
};
const AGREED: Input = Input {
    name: "agreed",
    accepts: Accepts::Question(&[Kind::YesNo]),
    required: false,
    about: "whether the team member has said yes (until then the delegation is a proposal)",
    values: &[],
};
const START: Input = Input {
    name: "start",
    accepts: Accepts::Question(&[Kind::Date]),
    required: false,
    about: "the day they do it the first time",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "delegation",
    title: "Delegation as an investment",
    inputs: &[YOURS, THEIRS, COACHING, RECURS, LEARNS, CALL, AGREED, START],
    facts: &[
        "recommendation",
        "call",
        "agreed",
        "yours",
        "yours_none",
        "theirs",
        "coaching",
        "their_extra",
        "team_extra",
        "break_even",
        "break_even_ordinal",
        "break_even_text",
        "recurs",
        "one_off",
        "per_year",
        "rhythm",
        "back_each",
        "back_per_quarter",
        "back_per_year",
        "year_gross",
        "year_short",
        "back_once",
        "learns",
        "suggested_start",
        "start",
        "start_text",
        "second_text",
        "answer_by",
        "answer_by_text",
        "review_by",
        "review_by_text",
    ],
    verdicts: &[
        Verdict {
            id: "delegate",
            stance: Stance::Proposal,
            passage: "delegation-investment",
            also: &["delegation-cost", "delegation-bottleneck"],
        },
        Verdict {
            id: "invest",
            stance: Stance::Proposal,
            passage: "takeaway-delegate",
            also: &["delegation-investment", "delegation-cost"],
        },
        Verdict {
            id: "nothing-to-free",
            stance: Stance::Decided,
            passage: "delegation-skill",
            also: &["delegation-investment"],
        },
        Verdict {
            id: "keep",
            stance: Stance::Decided,
            passage: "delegation-bottleneck",
            also: &["delegation-investment", "delegation-cost"],
        },
    ],
    warnings: &["keeping-a-recurring-task"],
    run,
    keeps: &[],
    refuse: None,
    waits: &[],
};

/// How often the task comes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Recurrence {
    Once,
    Daily,
    Weekly,
    Fortnightly,
    Monthly,
    Quarterly,
}

impl Recurrence {
    pub(crate) const ALL: [Recurrence; 6] = [
        Recurrence::Once,
        Recurrence::Daily,
        Recurrence::Weekly,
        Recurrence::Fortnightly,
        Recurrence::Monthly,
        Recurrence::Quarterly,
    ];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Recurrence::Once => "once",
            Recurrence::Daily => "daily",
            Recurrence::Weekly => "weekly",
            Recurrence::Fortnightly => "fortnightly",
            Recurrence::Monthly => "monthly",
            Recurrence::Quarterly => "quarterly",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Recurrence> {
        let text = text.trim().to_lowercase();
        Recurrence::ALL.into_iter().find(|r| r.key() == text)
    }

    /// Times a year: working days for a daily task (5 a week, 52 weeks).
    pub(crate) fn per_year(self) -> Option<u64> {
        match self {
            Recurrence::Once => None,
            Recurrence::Daily => Some(5 * 52),
            Recurrence::Weekly => Some(52),
            Recurrence::Fortnightly => Some(26),
            Recurrence::Monthly => Some(12),
            Recurrence::Quarterly => Some(4),
        }
    }

    /// The rhythm a reader pictures the time back in ("2 hours every week"), and how many
    /// times the task comes back in it: a daily task is counted by the week.
    fn rhythm(self) -> Option<(&'static str, f64)> {
        match self {
            Recurrence::Once => None,
            Recurrence::Daily => Some(("every week", WORK_WEEK_DAYS)),
            Recurrence::Weekly => Some(("every week", 1.0)),
            Recurrence::Fortnightly => Some(("every two weeks", 1.0)),
            Recurrence::Monthly => Some(("every month", 1.0)),
            Recurrence::Quarterly => Some(("every quarter", 1.0)),
        }
    }

    /// The day of the `n`-th time (from 1) when the first is `start`, on a working day.
    fn nth(self, start: NaiveDate, n: u64, calendar: &WorkCalendar) -> NaiveDate {
        let later = n.saturating_sub(1);
        let months = |m: u64| {
            start
                .checked_add_months(Months::new(u32::try_from(m).unwrap_or(u32::MAX)))
                .unwrap_or(start)
        };
        let date = match self {
            Recurrence::Once => start,
            Recurrence::Daily => return calendar.add_working_days(start, later),
            Recurrence::Weekly => add_days(start, (7 * later) as i64),
            Recurrence::Fortnightly => add_days(start, (14 * later) as i64),
            Recurrence::Monthly => months(later),
            Recurrence::Quarterly => months(3 * later),
        };
        calendar.on_or_after(date)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Task {
    /// Your time to do it.
    pub yours: Duration,
    /// Their time, the first time.
    pub theirs: Duration,
    /// Your time coaching them through it.
    pub coaching: Duration,
    pub recurs: Recurrence,
}

/// What the lead settled: the call, whether the team member has agreed, when they start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Plan<'a> {
    pub learns: Option<&'a str>,
    pub call: Option<&'a str>,
    pub agreed: bool,
    pub start: Option<NaiveDate>,
    pub today: NaiveDate,
    /// Calendar days until a kept task is looked at again.
    pub keep_review_days: i64,
}

/// The two accounts, in working days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Payback {
    /// The extra time their first go takes compared with yours (never negative): their
    /// time, spent learning, once.
    pub their_extra_days: f64,
    /// Your coaching plus their extra time: what the team spends, once, beyond doing it
    /// yourself. After that the team's hours are as before; yours go elsewhere.
    pub team_extra_days: f64,
    /// The time by which your own time back covers your coaching; `None` when the task
    /// takes you no time, so there is nothing to get back.
    pub break_even: Option<u64>,
    /// Your own time back over a year, less your coaching; `None` for a one-off.
    pub back_per_year_days: Option<f64>,
}

pub(crate) fn payback(task: &Task) -> Payback {
    let yours = work_days(task.yours);
    let coaching = work_days(task.coaching);
    let their_extra_days = (work_days(task.theirs) - yours).max(0.0);
    Payback {
        their_extra_days,
        team_extra_days: coaching + their_extra_days,
        break_even: (yours > 0.0).then(|| ceil_whole(coaching / yours).max(1)),
        back_per_year_days: task
            .recurs
            .per_year()
            .map(|times| times as f64 * yours - coaching),
    }
}

/// What the numbers say, before the lead's call: a recurring task is delegated when the
/// lead's coaching pays back within a year; a one-off, only when it costs the team no
/// hours, since the lead's time comes back once.
pub(crate) fn recommendation(task: &Task) -> &'static str {
    let p = payback(task);
    match (p.break_even, task.recurs.per_year()) {
        (None, _) => "nothing-to-free",
        (Some(_), None)
            if work_days(task.coaching) + work_days(task.theirs) <= work_days(task.yours) =>
        {
            "delegate"
        }
        (Some(_), None) => "invest",
        (Some(k), Some(per_year)) if k <= per_year => "delegate",
        (Some(_), Some(_)) => "invest",
    }
}

/// Work time in the unit it was given in: minutes and hours as working hours (minutes
/// promoted to hours once there is an hour of it), days and weeks as effort.
fn work_time(days: f64, unit: Unit) -> Duration {
    let hours = days * WORK_HOURS_PER_DAY;
    match unit {
        Unit::Minutes if hours < 1.0 => Duration::new(round1(hours * 60.0), Unit::Minutes),
        Unit::Minutes | Unit::Hours => Duration::new(round1(hours), Unit::Hours),
        Unit::Days => effort(days, Unit::Days),
        _ if days >= WORK_WEEK_DAYS => effort(days, Unit::Weeks),
        _ => effort(days, Unit::Days),
    }
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let task = Task {
        yours: inputs.duration(&YOURS)?,
        theirs: inputs.duration(&THEIRS)?,
        coaching: inputs.duration(&COACHING)?,
        recurs: Recurrence::parse(inputs.text(&RECURS)?)?,
    };
    let plan = Plan {
        learns: inputs.text(&LEARNS),
        call: inputs.text(&CALL),
        agreed: inputs.yes(&AGREED).unwrap_or(false),
        start: inputs.date(&START),
        today: inputs.today(),
        keep_review_days: inputs.conditions.periods.two_way_days,
    };
    Some(assess(&task, &plan, inputs.conditions.calendar))
}

pub(crate) fn assess(task: &Task, plan: &Plan<'_>, calendar: &WorkCalendar) -> Finding {
    let p = payback(task);
    let recommendation = recommendation(task);
    let call = plan.call.unwrap_or(if recommendation == "nothing-to-free" {
        "myself"
    } else {
        "delegate"
    });
    let verdict = if call == "myself" {
        "keep"
    } else {
        recommendation
    };
    let one_off = task.recurs == Recurrence::Once;
    let keeping_what_pays = verdict == "keep" && recommendation == "delegate" && !one_off;
    let unit = task.yours.unit;
    let yours = work_days(task.yours);
    // A week from today gives time to ask, and to coach before the first time.
    let suggested_start = calendar.on_or_after(add_days(plan.today, 7));
    let start = plan.start.unwrap_or(suggested_start);
    let break_even_on = p.break_even.map(|k| task.recurs.nth(start, k, calendar));
    let second = (!one_off).then(|| task.recurs.nth(start, 2, calendar));
    // Until they say yes it is a proposal: their answer is needed before the start, within
    // a week.
    let answer_by = calendar
        .add_working_days(plan.today, super::deadline::ANSWER_DAYS)
        .min(calendar.on_or_before(start.pred_opt().unwrap_or(start)))
        .max(plan.today);
    let review_by = if call == "myself" {
        calendar.review_day(add_days(plan.today, plan.keep_review_days))
    } else if one_off {
        // Their first go is done, and the two of you look at it the working day after.
        calendar.review_day(calendar.add_working_days(calendar.finish(start, task.theirs), 1))
    } else {
        // After they have done it alone once, and, when the hours are the point, once the
        // coaching has paid back.
        let paid_back = break_even_on.filter(|_| recommendation == "delegate");
        let looked_at = second.max(paid_back).unwrap_or(start);
        calendar.review_day(calendar.add_working_days(looked_at, 1))
    };
    let rhythm = task.recurs.rhythm();
    let per_year = task.recurs.per_year();
    let facts = json!({
        "recommendation": recommendation,
        "call": call,
        "agreed": plan.agreed,
        "yours": task.yours.to_string(),
        // A task that takes the lead no time is said so, never "0 minutes".
        "yours_none": yours <= 0.0,
        "theirs": task.theirs.to_string(),
        "coaching": task.coaching.to_string(),
        "their_extra": work_time(p.their_extra_days, task.theirs.unit).to_string(),
        "team_extra": work_time(p.team_extra_days, unit).to_string(),
        "break_even": p.break_even,
        "break_even_ordinal": p.break_even.map(ordinal),
        "break_even_text": break_even_on.map(|d| human_date(d, plan.today)),
        "recurs": task.recurs.key(),
        "one_off": one_off,
        "per_year": per_year,
        "rhythm": rhythm.map(|(label, _)| label),
        "back_each": rhythm.map(|(_, times)| work_time(yours * times, unit).to_string()),
        "back_per_quarter": per_year
            .filter(|_| task.recurs != Recurrence::Quarterly)
            .map(|times| work_time(yours * times as f64 / 4.0, unit).to_string()),
        // A year's time back never shows as negative: short of the coaching, it says by how
        // much.
        "back_per_year": p
            .back_per_year_days
            .filter(|days| *days >= 0.0)
            .map(|days| work_time(days, unit).to_string()),
        "year_gross": per_year.map(|times| work_time(yours * times as f64, unit).to_string()),
        "year_short": p
            .back_per_year_days
            .filter(|days| *days < 0.0)
            .map(|days| work_time(-days, unit).to_string()),
        "back_once": one_off
            .then(|| work_time((yours - work_days(task.coaching)).max(0.0), unit).to_string()),
        "learns": plan.learns.map(|l| l.trim().trim_end_matches('.').to_string()),
        "suggested_start": iso(suggested_start),
        "start": iso(start),
        "start_text": human_date(start, plan.today),
        "second_text": second.map(|d| human_date(d, plan.today)),
        "answer_by": iso(answer_by),
        "answer_by_text": human_date(answer_by, plan.today),
        "review_by": iso(review_by),
        "review_by_text": human_date(review_by, plan.today),
    });
    let delegated = call == "delegate";
    let stance = if delegated && !plan.agreed {
        Stance::Proposal
    } else {
        Stance::Decided
    };
    Finding::new(verdict, facts)
        .warn(keeping_what_pays.then_some("keeping-a-recurring-task"))
        .with_stance(stance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit::*;

    fn d(amount: f64, unit: Unit) -> Duration {
        Duration::new(amount, unit)
    }

    fn date(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 11, 26)
    }

    fn plan(call: Option<&'static str>, agreed: bool) -> Plan<'static> {
        Plan {
            learns: Some("how the release pipeline works"),
            call,
            agreed,
            start: None,
            today: today(),
            keep_review_days: 30,
        }
    }

    fn assessed(task: &Task, plan: &Plan<'_>) -> Finding {
        assess(task, plan, &WorkCalendar::default())
    }

    /// Thuan's example: 2 hours himself, 6 hours delegated, 30 minutes of coaching.
    fn thuan(recurs: Recurrence) -> Task {
        Task {
            yours: d(2.0, Hours),
            theirs: d(6.0, Hours),
            coaching: d(30.0, Minutes),
            recurs,
        }
    }

    #[test]
    fn break_even_table() {
        use Recurrence::*;
        // (task, the time the lead's coaching has paid back by, recommendation)
        let cases: Vec<(&str, Task, Option<u64>, &str)> = vec![
            // 30 minutes of coaching, 2 hours back each time: paid back the first time.
            ("episode, weekly", thuan(Weekly), Some(1), "delegate"),
            // Once, the team spends 30 minutes and 4 hours more than the 2 hours it saves.
            ("episode, one-off", thuan(Once), Some(1), "invest"),
            (
                "a one-off that costs the team nothing",
                Task {
                    theirs: d(90.0, Minutes),
                    ..thuan(Once)
                },
                Some(1),
                "delegate",
            ),
            (
                "they are faster than you: only the coaching counts",
                Task {
                    theirs: d(1.0, Hours),
                    coaching: d(3.0, Hours),
                    ..thuan(Weekly)
                },
                Some(2),
                "delegate",
            ),
            (
                "quarterly with a big investment: more than a year",
                Task {
                    yours: d(1.0, Hours),
                    theirs: d(5.0, Hours),
                    coaching: d(5.0, Hours),
                    recurs: Quarterly,
                },
                Some(5),
                "invest",
            ),
            (
                "takes you no time",
                Task {
                    yours: d(0.0, Hours),
                    ..thuan(Weekly)
                },
                None,
                "nothing-to-free",
            ),
        ];
        for (name, task, break_even, expected) in cases {
            assert_eq!(payback(&task).break_even, break_even, "{name}");
            assert_eq!(recommendation(&task), expected, "{name}");
            let finding = assessed(&task, &plan(Some("delegate"), false));
            assert!(FRAMEWORK.verdict(finding.verdict).is_some(), "{name}");
        }
    }

    #[test]
    fn the_episode_numbers_keep_your_time_and_theirs_apart() {
        let finding = assessed(&thuan(Recurrence::Weekly), &plan(None, false));
        assert_eq!(finding.verdict, "delegate");
        // The lead's account: 30 minutes once, 2 hours back every week from the first.
        assert_eq!(finding.fact_str("coaching"), Some("30 minutes"));
        assert_eq!(finding.facts["break_even"], json!(1));
        assert_eq!(finding.fact_str("back_each"), Some("2 hours"));
        assert_eq!(finding.fact_str("rhythm"), Some("every week"));
        assert_eq!(finding.fact_str("back_per_quarter"), Some("26 hours"));
        // 52 × 2 hours − 30 minutes of coaching.
        assert_eq!(finding.fact_str("back_per_year"), Some("103.5 hours"));
        // The team member's account: 4 extra hours, once, while learning.
        assert_eq!(finding.fact_str("their_extra"), Some("4 hours"));
        assert_eq!(finding.fact_str("team_extra"), Some("4.5 hours"));
        // A week from Thursday 26 November; reviewed the day after the second time.
        assert_eq!(finding.fact_str("start"), Some("2026-12-03"));
        assert_eq!(
            finding.fact_str("break_even_text"),
            Some("Thursday 3 December")
        );
        assert_eq!(
            finding.fact_str("second_text"),
            Some("Thursday 10 December")
        );
        assert_eq!(finding.fact_str("review_by"), Some("2026-12-11"));
    }

    #[test]
    fn a_delegation_is_a_proposal_until_they_say_yes() {
        let task = thuan(Recurrence::Weekly);
        let asked = assessed(&task, &plan(Some("delegate"), false));
        assert_eq!(asked.stance, Some(Stance::Proposal));
        let agreed = assessed(&task, &plan(Some("delegate"), true));
        assert_eq!(agreed.stance, Some(Stance::Decided));
        let kept = assessed(&task, &plan(Some("myself"), false));
        assert_eq!(kept.stance, Some(Stance::Decided));
    }

    #[test]
    fn forty_five_minutes_of_coaching_leave_103_and_a_quarter_hours() {
        let task = Task {
            coaching: d(45.0, Minutes),
            ..thuan(Recurrence::Weekly)
        };
        let finding = assessed(&task, &plan(None, false));
        // 103.25 rounds half away from zero, once, to one decimal.
        assert_eq!(finding.fact_str("back_per_year"), Some("103.3 hours"));
    }

    /// The manager's case: a monthly incident review, 3 hours for the lead, 5 for Lea the
    /// first time, 1 hour of coaching.
    #[test]
    fn a_monthly_task_gives_time_back_a_month_and_a_quarter() {
        let task = Task {
            yours: d(3.0, Hours),
            theirs: d(5.0, Hours),
            coaching: d(1.0, Hours),
            recurs: Recurrence::Monthly,
        };
        let start = Plan {
            start: Some(date(2026, 12, 14)),
            ..plan(None, false)
        };
        let finding = assessed(&task, &start);
        assert_eq!(finding.verdict, "delegate");
        assert_eq!(finding.fact_str("back_each"), Some("3 hours"));
        assert_eq!(finding.fact_str("rhythm"), Some("every month"));
        assert_eq!(finding.fact_str("back_per_quarter"), Some("9 hours"));
        assert_eq!(finding.fact_str("back_per_year"), Some("35 hours"));
        assert_eq!(finding.fact_str("their_extra"), Some("2 hours"));
        // The second time is on 14 January; reviewed the working day after.
        assert_eq!(
            finding.fact_str("second_text"),
            Some("Thursday 14 January 2027")
        );
        assert_eq!(finding.fact_str("review_by"), Some("2027-01-15"));
    }

    #[test]
    fn keeping_a_task_that_pays_back_is_named() {
        let finding = assessed(&thuan(Recurrence::Weekly), &plan(Some("myself"), false));
        assert_eq!(finding.verdict, "keep");
        assert_eq!(finding.warnings, ["keeping-a-recurring-task"]);
        // 30 days from Thursday 26 November is a Saturday: the Monday after.
        assert_eq!(finding.fact_str("review_by"), Some("2026-12-28"));
        let once = assessed(&thuan(Recurrence::Once), &plan(Some("myself"), false));
        assert!(once.warnings.is_empty());
    }

    #[test]
    fn a_one_off_has_no_rhythm_and_no_yearly_figure() {
        let finding = assessed(&thuan(Recurrence::Once), &plan(None, false));
        assert_eq!(finding.verdict, "invest");
        assert_eq!(finding.facts["back_per_year"], json!(null));
        assert_eq!(finding.facts["rhythm"], json!(null));
        // 2 hours back, less 30 minutes of coaching.
        assert_eq!(finding.fact_str("back_once"), Some("1.5 hours"));
        assert_eq!(finding.facts["second_text"], json!(null));
        assert_eq!(finding.facts["one_off"], json!(true));
        // Their 6 hours take Thursday 3 December into Friday; looked at on Monday.
        assert_eq!(finding.fact_str("review_by"), Some("2026-12-07"));
    }

    #[test]
    fn a_day_of_work_is_eight_hours() {
        let task = Task {
            yours: d(1.0, Days),
            theirs: d(12.0, Hours),
            coaching: d(2.0, Hours),
            recurs: Recurrence::Daily,
        };
        let finding = assessed(&task, &plan(None, false));
        assert_eq!(finding.fact_str("their_extra"), Some("4 hours"));
        // A daily task is counted by the week: 5 days, and 65 days a quarter.
        assert_eq!(finding.fact_str("back_each"), Some("5 days"));
        assert_eq!(finding.fact_str("back_per_quarter"), Some("65 days"));
    }

    #[test]
    fn recurrences_parse() {
        for recurrence in Recurrence::ALL {
            assert_eq!(Recurrence::parse(recurrence.key()), Some(recurrence));
        }
        assert_eq!(Recurrence::parse(" Weekly "), Some(Recurrence::Weekly));
        assert_eq!(Recurrence::parse("hourly"), None);
    }
}
