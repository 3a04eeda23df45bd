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

use super::door::add_days;
use super::units::{ceil_whole, in_unit, ordinal};
use super::{Assessment, ReviewPeriods};
use crate::answer::{Duration, Unit};

pub(crate) const FRAMEWORK: &str = "delegation";
pub(crate) const TITLE: &str = "Delegation as an investment";

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

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Payback {
    /// The extra time their first go takes compared with yours (never negative).
    pub extra_first_time_days: f64,
    /// Coaching plus that extra time.
    pub investment_days: f64,
    /// The repetition by which the investment is repaid; `None` when the task takes you
    /// no time, so there is nothing to get back.
    pub break_even: Option<u64>,
    /// Your time back over a year, net of the investment; `None` for a one-off.
    pub back_per_year_days: Option<f64>,
}

pub(crate) fn payback(task: &Task) -> Payback {
    let yours = task.yours.days();
    let extra_first_time_days = (task.theirs.days() - yours).max(0.0);
    let investment_days = task.coaching.days() + extra_first_time_days;
    let break_even = (yours > 0.0).then(|| ceil_whole(investment_days / yours).max(1));
    let back_per_year_days = task
        .recurs
        .per_year()
        .map(|times| times as f64 * yours - investment_days);
    Payback {
        extra_first_time_days,
        investment_days,
        break_even,
        back_per_year_days,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Recommendation {
    /// It pays back in time: delegate.
    Delegate,
    /// It does not pay back within a year (or ever, on a one-off): delegate for what they
    /// learn, knowingly, or keep it.
    Invest,
    /// It takes you no time: there is nothing to hand over.
    Keep,
}

impl Recommendation {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Recommendation::Delegate => "delegate",
            Recommendation::Invest => "invest",
            Recommendation::Keep => "do-it-yourself",
        }
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

/// `today` and `periods` date the review: once it should have paid back, or for a one-off
/// after the usual review period of a decision that is easy to reverse.
pub(crate) fn assess(
    task: &Task,
    learns: Option<&str>,
    today: NaiveDate,
    periods: &ReviewPeriods,
) -> Assessment {
    let p = payback(task);
    let unit = task.yours.unit;
    let yours = task.yours;
    let coaching = task.coaching;
    let investment = work_time(p.investment_days, unit);
    let extra = work_time(p.extra_first_time_days, unit);
    let after = p.break_even.and_then(|k| task.recurs.span(k));
    let back = p.back_per_year_days.map(|days| work_time(days, unit));
    let learns = learns
        .map(|text| text.trim().trim_end_matches('.'))
        .filter(|text| !text.is_empty());
    let cost_text = format!(
        "Delegating costs {investment} up front: your {coaching} of coaching plus the {extra} more their first go takes."
    );

    let (recommendation, verdict, reasoning) = match (p.break_even, task.recurs.per_year()) {
        (None, _) => (
            Recommendation::Keep,
            "Nothing to get back: it takes you no time".to_string(),
            "The task takes you no time, so delegating cannot free any. Keep it, or delegate \
             it purely so someone else learns it."
                .to_string(),
        ),
        (Some(1), None) => (
            Recommendation::Delegate,
            "Delegate: it pays back the first time".to_string(),
            format!("{cost_text} It gives you {yours} back, so even once it is worth it."),
        ),
        (Some(k), None) => (
            Recommendation::Invest,
            "One-off: delegate for the learning, not the hours".to_string(),
            format!(
                "{cost_text} On a one-off you get {yours} back, so in hours it would take the \
                 {} time to pay back and there is no second time. Delegate it if what they \
                 learn{} is worth that; otherwise do it yourself this time.",
                ordinal(k),
                learns.map(|l| format!(" ({l})")).unwrap_or_default()
            ),
        ),
        (Some(k), Some(per_year)) if k <= per_year => (
            Recommendation::Delegate,
            match &after {
                Some(after) if k > 1 => format!(
                    "Delegate: it pays back by the {} time, in about {after}",
                    ordinal(k)
                ),
                _ => "Delegate: it pays back the first time".to_string(),
            },
            format!(
                "{cost_text} Each time they do it you get {yours} back, so by the {} time it \
                 has paid for itself{}.",
                ordinal(k),
                back.map(|b| format!("; over a year that is about {b} of your time back"))
                    .unwrap_or_default()
            ),
        ),
        (Some(k), Some(_)) => (
            Recommendation::Invest,
            "Slow payback: delegate for the learning, not the hours".to_string(),
            format!(
                "{cost_text} You get {yours} back each time, so it takes until the {} time, \
                 more than a year{}. Delegate it if what they learn{} is worth that.",
                ordinal(k),
                after.map(|a| format!(" ({a})")).unwrap_or_default(),
                learns.map(|l| format!(" ({l})")).unwrap_or_default()
            ),
        ),
    };

    let passages = match recommendation {
        Recommendation::Delegate if task.recurs != Recurrence::Once => vec![
            "delegation-investment",
            "delegation-cost",
            "delegation-bottleneck",
        ],
        _ => vec!["delegation-investment", "delegation-cost"],
    };
    let review_days = match &after {
        Some(after) => ceil_whole(after.days()) as i64,
        None => periods.two_way_days,
    };
    let review_by = add_days(today, review_days);
    let facts = json!({
        "recommendation": recommendation.key(),
        "review_by": review_by.format("%Y-%m-%d").to_string(),
        "yours": yours.to_string(),
        "theirs": task.theirs.to_string(),
        "coaching": coaching.to_string(),
        "extra_first_time": extra.to_string(),
        "investment": investment.to_string(),
        "break_even": p.break_even,
        "break_even_ordinal": p.break_even.map(ordinal),
        "recurs": task.recurs.key(),
        "one_off": task.recurs == Recurrence::Once,
        "per_year": task.recurs.per_year(),
        "break_even_after": after.map(|a| a.to_string()),
        "back_per_year": back.map(|b| b.to_string()),
    });
    Assessment::new(FRAMEWORK, TITLE, verdict, reasoning, passages, facts)
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
            let result = assess(
                &task,
                Some("how the release pipeline works"),
                today(),
                &ReviewPeriods::default(),
            );
            assert_eq!(payback(&task).break_even, break_even, "{name}");
            assert_eq!(
                result.fact_str("recommendation"),
                Some(recommendation),
                "{name}: {}",
                result.verdict
            );
            assert!(!result.reasoning.is_empty(), "{name}");
        }
    }

    #[test]
    fn the_episode_numbers_in_the_record() {
        let result = assess(
            &thuan(Recurrence::Weekly),
            None,
            today(),
            &ReviewPeriods::default(),
        );
        assert_eq!(result.fact_str("investment"), Some("4.5 hours"));
        assert_eq!(result.fact_str("extra_first_time"), Some("4 hours"));
        assert_eq!(result.fact_str("break_even_after"), Some("3 weeks"));
        // 52 × 2 hours − 4.5 hours.
        assert_eq!(result.fact_str("back_per_year"), Some("99.5 hours"));
        assert_eq!(
            result.verdict,
            "Delegate: it pays back by the 3rd time, in about 3 weeks"
        );
        assert!(result.passages.contains(&"delegation-bottleneck"));
        // Reviewed when it should have paid back: 3 weeks from today.
        assert_eq!(result.fact_str("review_by"), Some("2026-12-17"));
    }

    #[test]
    fn a_one_off_has_no_calendar_and_no_yearly_figure() {
        let result = assess(
            &thuan(Recurrence::Once),
            Some("the deploy pipeline."),
            today(),
            &ReviewPeriods::default(),
        );
        assert_eq!(result.facts["break_even_after"], json!(null));
        assert_eq!(result.facts["back_per_year"], json!(null));
        assert_eq!(result.facts["one_off"], json!(true));
        assert_eq!(result.fact_str("review_by"), Some("2026-12-26"));
        assert!(
            result.reasoning.contains("(the deploy pipeline)"),
            "{}",
            result.reasoning
        );
    }

    #[test]
    fn minutes_become_hours_once_there_is_an_hour() {
        let task = Task {
            yours: d(45.0, Minutes),
            theirs: d(90.0, Minutes),
            coaching: d(45.0, Minutes),
            recurs: Recurrence::Daily,
        };
        let result = assess(&task, None, today(), &ReviewPeriods::default());
        assert_eq!(result.fact_str("investment"), Some("1.5 hours"));
        assert_eq!(result.facts["break_even"], json!(2));
        assert_eq!(result.fact_str("break_even_after"), Some("2 days"));
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
