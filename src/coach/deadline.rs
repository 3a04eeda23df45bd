//! Unrealistic deadlines: "Don't just say 'no.' Negotiate." Compare the team's estimate
//! with the working days left, then check the options the message will offer: (A) the
//! date, with a simplification, and (B) everything, with more time. An option that does
//! not hold up is named as such and never offered.
//!
//! Time is counted in working days (Monday to Friday, less the team's holidays): a week of
//! work is 5 of them, and months of work are calendar months counted the same way.

use chrono::NaiveDate;
use serde_json::json;

use super::units::{ceil_whole, human_date, iso};
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

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "deadline",
    title: "Negotiate the deadline",
    inputs: &[DUE, ESTIMATE, SAVES, EXTRA],
    facts: &[
        "fits",
        "due",
        "due_text",
        "estimate",
        "available",
        "over",
        "saves",
        "extra",
        "needed_weeks",
        "offer_a",
        "a_short",
        "rest_by",
        "rest_by_text",
        "offer_b",
        "b_extra",
        "date_b",
        "date_b_text",
        "review_by",
        "review_by_text",
        "asked_text",
        "holidays_listed",
        "days_off",
    ],
    verdicts: &[
        Verdict {
            id: "fits",
            stance: Stance::Decided,
            passage: "say-no",
            also: &["deadline-negotiate"],
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
    ],
    run,
};

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
    let a_remaining = request
        .saves
        .map(|saves| needed.saturating_sub(work_days(saves)));
    Gap {
        available,
        needed,
        over,
        a_fits: a_remaining.map(|days| days <= available),
        a_short: a_remaining.map_or(0, |days| days.saturating_sub(available)),
        b_covers: request.extra.map(|extra| work_days(extra) >= over),
    }
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let request = Request {
        today: inputs.today(),
        due: inputs.date(&DUE)?,
        estimate: inputs.duration(&ESTIMATE)?,
        saves: inputs.duration(&SAVES),
        extra: inputs.duration(&EXTRA),
    };
    Some(assess(&request, inputs.conditions.calendar))
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

pub(crate) fn assess(request: &Request, calendar: &WorkCalendar) -> Finding {
    // Work is delivered on a working day: a date asked for on a weekend or a holiday means
    // the working day before it.
    let asked = request.due;
    let request = &Request {
        due: calendar.on_or_before(asked).max(request.today),
        ..*request
    };
    let g = gap(request, calendar);
    let unit = request.estimate.unit;
    let fits = g.over == 0;
    let needed_weeks = ceil_whole(g.over as f64 / 5.0);
    // Option B asks for the extra time given, or for the overshoot when that was too
    // little: never for a date the estimate says cannot be met.
    let b_extra_days = match request.extra {
        Some(extra) => work_days(extra).max(g.over),
        None => needed_weeks * 5,
    };
    let b_extra = match request.extra {
        Some(extra) if g.b_covers == Some(true) => extra,
        _ => as_work(b_extra_days, unit),
    };
    let date_b = calendar.add_working_days(calendar.on_or_after(request.due), b_extra_days);
    // The part simplified away follows once the date is met: the time it saved, after it.
    let rest_by = request
        .saves
        .map(|saves| calendar.finish(calendar.on_or_after(request.due), saves));
    let verdict = if fits {
        "fits"
    } else if g.a_fits == Some(false) {
        "a-misses"
    } else if g.b_covers == Some(false) {
        "b-short"
    } else if g.a_fits == Some(true) && g.b_covers == Some(true) {
        "two-options"
    } else {
        "negotiate"
    };
    let mut warnings = Vec::new();
    if g.available == 0 {
        warnings.push("due-today");
    }
    if let Some(saves) = request.saves
        && work_days(saves) >= g.needed
        && g.needed > 0
    {
        warnings.push("saves-everything");
    }
    if g.a_fits == Some(false) {
        warnings.push("a-misses-the-date");
    }
    if g.b_covers == Some(false) {
        warnings.push("b-too-little");
    }
    if asked != request.due {
        warnings.push("due-on-a-day-off");
    }
    let days_off = calendar.unlisted_days_off(request.today, date_b.max(request.due));
    if !days_off.is_empty() {
        warnings.push("unlisted-days-off");
    }
    let text = |date: NaiveDate| human_date(date, request.today);
    let days_off: Vec<String> = days_off.into_iter().map(text).collect();
    let facts = json!({
        "fits": fits,
        "due": iso(request.due),
        "due_text": text(request.due),
        "estimate": request.estimate.to_string(),
        "available": as_work(g.available, unit).to_string(),
        "over": as_work(g.over, unit).to_string(),
        "saves": request.saves.map(|d| d.to_string()),
        "extra": request.extra.map(|d| d.to_string()),
        "needed_weeks": needed_weeks,
        "offer_a": !fits && g.a_fits == Some(true) && g.available > 0,
        "a_short": as_work(g.a_short, unit).to_string(),
        "rest_by": rest_by.map(iso),
        "rest_by_text": rest_by.map(text),
        "offer_b": !fits,
        "b_extra": b_extra.to_string(),
        "date_b": iso(date_b),
        "date_b_text": text(date_b),
        "review_by": iso(request.due),
        "review_by_text": text(request.due),
        "asked_text": text(asked),
        "holidays_listed": calendar.has_holidays(),
        "days_off": days_off,
    });
    Finding::new(verdict, facts).warn(warnings)
}

#[cfg(test)]
mod tests {
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
        }
    }

    fn with(change: impl Fn(&mut Request)) -> Request {
        let mut request = request();
        change(&mut request);
        request
    }

    #[test]
    fn gap_table() {
        let calendar = WorkCalendar::default();
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
        // A team that listed its holidays (none fall in this window).
        let calendar = WorkCalendar::new([date(2026, 8, 3)]);
        let cases: Vec<(Request, &str, &[&str])> = vec![
            (request(), "negotiate", &[]),
            (with(|r| r.estimate = d(6.0, Weeks)), "fits", &[]),
            (
                with(|r| r.saves = Some(d(1.0, Weeks))),
                "a-misses",
                &["a-misses-the-date"],
            ),
            (
                with(|r| {
                    r.saves = Some(d(3.0, Weeks));
                    r.extra = Some(d(1.0, Weeks));
                }),
                "b-short",
                &["b-too-little"],
            ),
            (
                with(|r| {
                    r.saves = Some(d(4.0, Weeks));
                    r.extra = Some(d(3.0, Weeks));
                }),
                "two-options",
                &[],
            ),
            (with(|r| r.due = r.today), "negotiate", &["due-today"]),
            (
                with(|r| r.saves = Some(d(12.0, Weeks))),
                "negotiate",
                &["saves-everything"],
            ),
            // Saturday 16 January: the working day before is Friday 15.
            (
                with(|r| r.due = date(2027, 1, 16)),
                "negotiate",
                &["due-on-a-day-off"],
            ),
        ];
        for (request, verdict, warnings) in cases {
            let finding = assess(&request, &calendar);
            assert_eq!(finding.verdict, verdict, "{request:?}");
            assert_eq!(finding.warnings, warnings, "{request:?}");
            assert!(FRAMEWORK.verdict(finding.verdict).is_some());
        }
    }

    #[test]
    fn christmas_is_named_when_the_team_listed_no_holidays() {
        let finding = assess(&request(), &WorkCalendar::default());
        assert_eq!(finding.warnings, ["unlisted-days-off"]);
        assert_eq!(
            finding.facts["days_off"],
            json!(["Friday 25 December", "Friday 1 January 2027"])
        );
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

    #[test]
    fn option_b_never_asks_for_less_than_the_overshoot() {
        let calendar = WorkCalendar::default();
        let finding = assess(
            &with(|r| {
                r.saves = Some(d(3.0, Weeks));
                r.extra = Some(d(1.0, Weeks));
            }),
            &calendar,
        );
        assert_eq!(finding.fact_str("b_extra"), Some("3 weeks"));
        assert_eq!(finding.fact_str("date_b"), Some("2027-02-04"));
        assert_eq!(finding.fact_str("over"), Some("3 weeks"));
    }

    #[test]
    fn option_a_is_not_offered_when_it_misses_or_no_day_is_left() {
        let calendar = WorkCalendar::default();
        let misses = assess(&with(|r| r.saves = Some(d(1.0, Weeks))), &calendar);
        assert_eq!(misses.facts["offer_a"], json!(false));
        let today = assess(
            &with(|r| {
                r.due = r.today;
                r.saves = Some(d(10.0, Weeks));
            }),
            &calendar,
        );
        assert_eq!(today.facts["offer_a"], json!(false));
        let works = assess(
            &with(|r| {
                r.saves = Some(d(3.0, Weeks));
                r.extra = Some(d(3.0, Weeks));
            }),
            &calendar,
        );
        assert_eq!(works.facts["offer_a"], json!(true));
        // The part simplified away follows three working weeks after the date.
        assert_eq!(works.fact_str("rest_by"), Some("2027-02-04"));
        assert_eq!(
            works.fact_str("date_b_text"),
            Some("Thursday 4 February 2027")
        );
    }
}
