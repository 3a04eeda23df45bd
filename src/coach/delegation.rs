//! Delegation as an investment: "You've invested 30 minutes now to gain hundreds of hours
//! of capability later."
//!
//! The model, stated in the record:
//! * delegating costs an investment up front: your coaching time, plus the extra time their
//!   first go takes compared with yours (Thuan's "6 hours instead of 2");
//! * every time they do the task, you get your own time on it back;
//! * so it has paid back by the k-th time, k = ⌈investment ÷ your time⌉ (at least 1),
//!   assuming that after the first go they take about as long as you do.

use chrono::NaiveDate;
use serde_json::json;

use super::units::{add_days, ceil_whole, human_date, in_unit, iso, ordinal};
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

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "delegation",
    title: "Delegation as an investment",
    inputs: &[YOURS, THEIRS, COACHING, RECURS, LEARNS, CALL],
    facts: &[
        "recommendation",
        "call",
        "yours",
        "theirs",
        "coaching",
        "their_extra",
        "team_investment",
        "break_even",
        "break_even_ordinal",
        "break_even_after",
        "recurs",
        "one_off",
        "per_year",
        "back_per_week",
        "back_per_quarter",
        "back_per_year",
        "learns",
        "review_by",
        "review_by_text",
    ],
    verdicts: &[
        Verdict {
            id: "delegate",
            stance: Stance::Decided,
            passage: "delegation-investment",
            also: &["delegation-cost", "delegation-bottleneck"],
        },
        Verdict {
            id: "invest",
            stance: Stance::Decided,
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

    /// The time `times` repetitions take, from the first to the last.
    fn span(self, times: u64) -> Option<Duration> {
        let times = times as f64;
        match self {
            Recurrence::Once => None,
            Recurrence::Daily => Some(Duration::new(times, Unit::Days)),
            Recurrence::Weekly => Some(Duration::new(times, Unit::Weeks)),
            Recurrence::Fortnightly => Some(Duration::new(2.0 * times, Unit::Weeks)),
            Recurrence::Monthly => Some(Duration::new(times, Unit::Months)),
            Recurrence::Quarterly => Some(Duration::new(3.0 * times, Unit::Months)),
        }
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

/// The lead's time and the team member's time, kept apart: the lead invests coaching
/// time and gets their own time on the task back every time; the team member's first go
/// takes longer, which is what learning the skill costs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Payback {
    /// The extra time their first go takes compared with yours (never negative): their
    /// time, spent learning.
    pub their_extra_days: f64,
    /// Your coaching plus their extra time: what the team puts in up front.
    pub team_investment_days: f64,
    /// The repetition by which the time you get back covers the team's investment; `None`
    /// when the task takes you no time, so there is nothing to get back.
    pub break_even: Option<u64>,
    /// Your own time back over a year, less your coaching; `None` for a one-off.
    pub back_per_year_days: Option<f64>,
}

pub(crate) fn payback(task: &Task) -> Payback {
    let yours = task.yours.days();
    let their_extra_days = (task.theirs.days() - yours).max(0.0);
    let team_investment_days = task.coaching.days() + their_extra_days;
    let break_even = (yours > 0.0).then(|| ceil_whole(team_investment_days / yours).max(1));
    let back_per_year_days = task
        .recurs
        .per_year()
        .map(|times| times as f64 * yours - task.coaching.days());
    Payback {
        their_extra_days,
        team_investment_days,
        break_even,
        back_per_year_days,
    }
}

/// Work time is stated in the unit you gave for your own time, with minutes promoted to
/// hours once there is an hour or more of it.
fn work_time(days: f64, unit: Unit) -> Duration {
    if unit == Unit::Minutes && days >= 1.0 / 24.0 {
        in_unit(days, Unit::Hours)
    } else {
        in_unit(days, unit)
    }
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let task = Task {
        yours: inputs.duration(&YOURS)?,
        theirs: inputs.duration(&THEIRS)?,
        coaching: inputs.duration(&COACHING)?,
        recurs: Recurrence::parse(inputs.text(&RECURS)?)?,
    };
    let call = inputs.text(&CALL);
    let today = inputs.today();
    let periods = inputs.conditions.periods;
    Some(assess(&task, inputs.text(&LEARNS), call, today, |days| {
        inputs
            .conditions
            .calendar
            .on_or_after(add_days(today, days.unwrap_or(periods.two_way_days)))
    }))
}

/// `review_on` dates the review from the days until it should have paid back (`None` for
/// a one-off, reviewed after the usual period for a decision that is easy to reverse).
pub(crate) fn assess(
    task: &Task,
    learns: Option<&str>,
    call: Option<&str>,
    today: NaiveDate,
    review_on: impl Fn(Option<i64>) -> NaiveDate,
) -> Finding {
    let p = payback(task);
    let unit = task.yours.unit;
    let after = p.break_even.and_then(|k| task.recurs.span(k));
    let recommendation = match (p.break_even, task.recurs.per_year()) {
        (None, _) => "nothing-to-free",
        (Some(1), _) => "delegate",
        (Some(_), None) => "invest",
        (Some(k), Some(per_year)) if k <= per_year => "delegate",
        (Some(_), Some(_)) => "invest",
    };
    let verdict = if call == Some("myself") {
        "keep"
    } else {
        recommendation
    };
    let keeping_what_pays =
        verdict == "keep" && recommendation == "delegate" && task.recurs != Recurrence::Once;
    let back_per_year = p.back_per_year_days.map(|days| work_time(days, unit));
    let per_time = task.yours.days();
    let times_a_year = task.recurs.per_year().unwrap_or(0) as f64;
    let review_by = review_on(after.map(|a| ceil_whole(a.days()) as i64));
    let facts = json!({
        "recommendation": recommendation,
        "call": call.unwrap_or(if recommendation == "nothing-to-free" { "myself" } else { "delegate" }),
        "yours": task.yours.to_string(),
        "theirs": task.theirs.to_string(),
        "coaching": task.coaching.to_string(),
        "their_extra": work_time(p.their_extra_days, task.theirs.unit).to_string(),
        "team_investment": work_time(p.team_investment_days, unit).to_string(),
        "break_even": p.break_even,
        "break_even_ordinal": p.break_even.map(ordinal),
        "break_even_after": after.map(|a| a.to_string()),
        "recurs": task.recurs.key(),
        "one_off": task.recurs == Recurrence::Once,
        "per_year": task.recurs.per_year(),
        "back_per_week": (times_a_year > 0.0).then(|| work_time(per_time * times_a_year / 52.0, unit).to_string()),
        "back_per_quarter": (times_a_year > 0.0).then(|| work_time(per_time * times_a_year / 4.0, unit).to_string()),
        "back_per_year": back_per_year.map(|b| b.to_string()),
        "learns": learns.map(|l| l.trim().trim_end_matches('.').to_string()),
        "review_by": iso(review_by),
        "review_by_text": human_date(review_by, today),
    });
    Finding::new(verdict, facts).warn(keeping_what_pays.then_some("keeping-a-recurring-task"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit::*;

    fn d(amount: f64, unit: Unit) -> Duration {
        Duration::new(amount, unit)
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn review(days: Option<i64>) -> NaiveDate {
        add_days(today(), days.unwrap_or(30))
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
        // (task, break-even, recommendation)
        let cases: Vec<(&str, Task, Option<u64>, &str)> = vec![
            // 30 min + 4 h extra = 4.5 h, 2 h back each time: ⌈2.25⌉ = 3.
            ("episode, weekly", thuan(Weekly), Some(3), "delegate"),
            ("episode, one-off", thuan(Once), Some(3), "invest"),
            (
                "one-off that pays back at once",
                Task {
                    theirs: d(2.0, Hours),
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
                "no coaching, same speed",
                Task {
                    theirs: d(2.0, Hours),
                    coaching: d(0.0, Hours),
                    ..thuan(Monthly)
                },
                Some(1),
                "delegate",
            ),
            (
                "exactly two times your time",
                Task {
                    theirs: d(4.0, Hours),
                    coaching: d(0.0, Hours),
                    ..thuan(Monthly)
                },
                Some(1),
                "delegate",
            ),
            (
                "quarterly with a big investment: more than a year",
                Task {
                    yours: d(1.0, Hours),
                    theirs: d(5.0, Hours),
                    coaching: d(2.0, Hours),
                    recurs: Quarterly,
                },
                Some(6),
                "invest",
            ),
            (
                "takes you no time",
                Task {
                    yours: d(0.0, Hours),
                    ..thuan(Weekly)
                },
                None,
                "do-it-yourself",
            ),
        ];
        for (name, task, break_even, recommendation) in cases {
            let finding = assess(
                &task,
                Some("how the release pipeline works"),
                None,
                today(),
                review,
            );
            assert_eq!(payback(&task).break_even, break_even, "{name}");
            let expected = match recommendation {
                "do-it-yourself" => "nothing-to-free",
                other => other,
            };
            assert_eq!(finding.verdict, expected, "{name}");
            assert!(FRAMEWORK.verdict(finding.verdict).is_some(), "{name}");
        }
    }

    #[test]
    fn the_episode_numbers_keep_your_time_and_theirs_apart() {
        let finding = assess(&thuan(Recurrence::Weekly), None, None, today(), review);
        assert_eq!(finding.fact_str("coaching"), Some("30 minutes"));
        assert_eq!(finding.fact_str("their_extra"), Some("4 hours"));
        assert_eq!(finding.fact_str("team_investment"), Some("4.5 hours"));
        assert_eq!(finding.fact_str("break_even_after"), Some("3 weeks"));
        // Your time back: 52 × 2 hours − 30 minutes of coaching.
        assert_eq!(finding.fact_str("back_per_year"), Some("103.5 hours"));
        assert_eq!(finding.fact_str("back_per_week"), Some("2 hours"));
        assert_eq!(finding.fact_str("back_per_quarter"), Some("26 hours"));
        // Reviewed when it should have paid back: 3 weeks from today.
        assert_eq!(finding.fact_str("review_by"), Some("2026-12-17"));
    }

    #[test]
    fn forty_five_minutes_of_coaching_leave_103_and_a_quarter_hours() {
        let task = Task {
            coaching: d(45.0, Minutes),
            ..thuan(Recurrence::Weekly)
        };
        let finding = assess(&task, None, None, today(), review);
        // 103.25 rounds half away from zero, once, to one decimal.
        assert_eq!(finding.fact_str("back_per_year"), Some("103.3 hours"));
    }

    #[test]
    fn keeping_a_task_that_pays_back_is_named() {
        let finding = assess(
            &thuan(Recurrence::Weekly),
            None,
            Some("myself"),
            today(),
            review,
        );
        assert_eq!(finding.verdict, "keep");
        assert_eq!(finding.warnings, ["keeping-a-recurring-task"]);
        let once = assess(
            &thuan(Recurrence::Once),
            None,
            Some("myself"),
            today(),
            review,
        );
        assert!(once.warnings.is_empty());
    }

    #[test]
    fn a_one_off_has_no_calendar_and_no_yearly_figure() {
        let finding = assess(
            &thuan(Recurrence::Once),
            Some("the deploy pipeline."),
            None,
            today(),
            review,
        );
        assert_eq!(finding.facts["break_even_after"], json!(null));
        assert_eq!(finding.facts["back_per_year"], json!(null));
        assert_eq!(finding.facts["one_off"], json!(true));
        assert_eq!(finding.fact_str("review_by"), Some("2026-12-26"));
        assert_eq!(finding.fact_str("learns"), Some("the deploy pipeline"));
    }

    #[test]
    fn minutes_become_hours_once_there_is_an_hour() {
        let task = Task {
            yours: d(45.0, Minutes),
            theirs: d(90.0, Minutes),
            coaching: d(45.0, Minutes),
            recurs: Recurrence::Daily,
        };
        let finding = assess(&task, None, None, today(), review);
        assert_eq!(finding.fact_str("team_investment"), Some("1.5 hours"));
        assert_eq!(finding.facts["break_even"], json!(2));
        assert_eq!(finding.fact_str("break_even_after"), Some("2 days"));
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
