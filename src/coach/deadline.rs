//! Unrealistic deadlines: "Don't just say 'no.' Negotiate." Compare the team's estimate
//! with the time left, then check the two options the message will offer: (A) the date,
//! with the simplification, and (B) everything, with more time.

use chrono::{Days, NaiveDate};
use serde_json::json;

use super::Assessment;
use super::units::{ceil_whole, human_date, in_unit_or_readable};
use crate::answer::Duration;

pub(crate) const FRAMEWORK: &str = "deadline";
pub(crate) const TITLE: &str = "Negotiate the deadline";

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

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Gap {
    /// Calendar days from today to the date (none when it has passed).
    pub available_days: f64,
    /// How far the estimate overshoots the time left; zero or less when it fits.
    pub gap_days: f64,
    /// The gap in whole weeks, rounded up: the default for "how much more time".
    pub needed_weeks: u64,
    /// Whether the estimate minus the simplification fits; `None` until it is known.
    pub a_fits: Option<bool>,
    /// How far option A still overshoots (zero when it fits).
    pub a_short_days: f64,
    /// The date everything would be ready with the extra time.
    pub date_b: Option<NaiveDate>,
    /// Whether the extra time covers the gap.
    pub b_covers: Option<bool>,
}

pub(crate) fn gap(request: &Request) -> Gap {
    let available_days = (request.due - request.today).num_days().max(0) as f64;
    let gap_days = request.estimate.days() - available_days;
    let needed_weeks = ceil_whole(gap_days / 7.0);
    let a_remaining = request
        .saves
        .map(|saves| (request.estimate.days() - saves.days()).max(0.0));
    let a_fits = a_remaining.map(|days| days <= available_days + 1e-9);
    let a_short_days = a_remaining.map_or(0.0, |days| (days - available_days).max(0.0));
    let date_b = request.extra.map(|extra| {
        request
            .due
            .checked_add_days(Days::new(ceil_whole(extra.days())))
            .filter(|later| *later <= crate::answer::LAST_DATE)
            .unwrap_or(crate::answer::LAST_DATE.max(request.due))
    });
    let b_covers = request.extra.map(|extra| extra.days() + 1e-9 >= gap_days);
    Gap {
        available_days,
        gap_days,
        needed_weeks,
        a_fits,
        a_short_days,
        date_b,
        b_covers,
    }
}

pub(crate) fn assess(request: &Request) -> Assessment {
    let g = gap(request);
    let unit = request.estimate.unit;
    let estimate = request.estimate;
    let available = in_unit_or_readable(g.available_days, unit);
    let over = in_unit_or_readable(g.gap_days.max(0.0), unit);
    let due_text = human_date(request.due, request.today);
    let date_b_text = g.date_b.map(|d| human_date(d, request.today));
    let fits = g.gap_days <= 0.0;

    let (verdict, reasoning, passages) = if fits {
        (
            "The date holds: the estimate fits".to_string(),
            format!(
                "The team's {estimate} fits in the {available} until {due_text}. No \
                 negotiation needed: confirm the date and protect the scope."
            ),
            vec!["deadline-negotiate"],
        )
    } else if g.a_fits == Some(false) {
        let short = in_unit_or_readable(g.a_short_days, unit);
        (
            format!("Option A still misses the date by {short}: simplify more"),
            format!(
                "Even with the simplification the work does not fit in the {available} until \
                 {due_text}. Cut or simplify more, or option A is not a real option."
            ),
            vec!["deadline-negotiate", "choice-not-conflict"],
        )
    } else if g.b_covers == Some(false) {
        (
            format!("Option B needs at least {over} more"),
            format!(
                "The estimate overshoots the date by {over}; asking for less extra time than \
                 that promises a date the team cannot meet."
            ),
            vec!["deadline-negotiate", "choice-not-conflict"],
        )
    } else if let (Some(true), Some(date_b_text)) = (g.a_fits, &date_b_text) {
        (
            format!("Two real options: {due_text} with less, or everything by {date_b_text}"),
            "Both options hold up against the estimate. Offer both and ask which matters \
             more: that gives them a choice instead of a conflict."
                .to_string(),
            vec!["deadline-negotiate", "choice-not-conflict"],
        )
    } else {
        (
            format!("It doesn't fit by {over}: negotiate, don't just say no"),
            format!(
                "The team's estimate is {estimate} and there are {available} until \
                 {due_text}. Offer a choice: the date with less, or everything later."
            ),
            vec!["deadline-negotiate", "choice-not-conflict"],
        )
    };

    let facts = json!({
        "fits": fits,
        "due": request.due.format("%Y-%m-%d").to_string(),
        "due_text": due_text,
        "estimate": estimate.to_string(),
        "available": available.to_string(),
        "over": over.to_string(),
        "needed_weeks": g.needed_weeks,
        "remaining_a": request.saves.map(|saves| in_unit_or_readable((estimate.days() - saves.days()).max(0.0), unit).to_string()),
        "a_fits": g.a_fits,
        "a_short": in_unit_or_readable(g.a_short_days, unit).to_string(),
        "date_b": g.date_b.map(|d| d.format("%Y-%m-%d").to_string()),
        "date_b_text": date_b_text,
        "b_covers": g.b_covers,
    });
    Assessment::new(FRAMEWORK, TITLE, verdict, reasoning, passages, facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit::{self, *};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn d(amount: f64, unit: Unit) -> Duration {
        Duration::new(amount, unit)
    }

    /// Seven weeks to a Thursday in January, ten weeks of work.
    fn request() -> Request {
        Request {
            today: date(2026, 11, 26),
            due: date(2027, 1, 14),
            estimate: d(10.0, Weeks),
            saves: None,
            extra: None,
        }
    }

    /// One row of the gap table.
    struct Case {
        name: &'static str,
        request: Request,
        available_days: f64,
        gap_days: f64,
        needed_weeks: u64,
        a_fits: Option<bool>,
        b_covers: Option<bool>,
    }

    #[test]
    fn gap_table() {
        let case = |name, request, available_days, gap_days, needed_weeks, a_fits, b_covers| Case {
            name,
            request,
            available_days,
            gap_days,
            needed_weeks,
            a_fits,
            b_covers,
        };
        let cases = [
            case("too much", request(), 49.0, 21.0, 3, None, None),
            case(
                "fits",
                Request {
                    estimate: d(6.0, Weeks),
                    ..request()
                },
                49.0,
                -7.0,
                0,
                None,
                None,
            ),
            case(
                "exactly fits",
                Request {
                    estimate: d(7.0, Weeks),
                    ..request()
                },
                49.0,
                0.0,
                0,
                None,
                None,
            ),
            case(
                "the date has passed",
                Request {
                    due: date(2026, 11, 1),
                    ..request()
                },
                0.0,
                70.0,
                10,
                None,
                None,
            ),
            case(
                "options that work",
                Request {
                    saves: Some(d(3.0, Weeks)),
                    extra: Some(d(3.0, Weeks)),
                    ..request()
                },
                49.0,
                21.0,
                3,
                Some(true),
                Some(true),
            ),
            case(
                "options that don't",
                Request {
                    saves: Some(d(1.0, Weeks)),
                    extra: Some(d(2.0, Weeks)),
                    ..request()
                },
                49.0,
                21.0,
                3,
                Some(false),
                Some(false),
            ),
            case(
                "a part-week gap rounds up to a whole week",
                Request {
                    estimate: d(52.0, Days),
                    ..request()
                },
                49.0,
                3.0,
                1,
                None,
                None,
            ),
        ];
        for c in cases {
            let g = gap(&c.request);
            assert_eq!(g.available_days, c.available_days, "{}", c.name);
            assert!((g.gap_days - c.gap_days).abs() < 1e-9, "{}: {g:?}", c.name);
            assert_eq!(g.needed_weeks, c.needed_weeks, "{}", c.name);
            assert_eq!(g.a_fits, c.a_fits, "{}", c.name);
            assert_eq!(g.b_covers, c.b_covers, "{}", c.name);
        }
    }

    #[test]
    fn verdicts() {
        let cases: Vec<(Request, &str)> = vec![
            (request(), "It doesn't fit by 3 weeks"),
            (
                Request {
                    estimate: d(6.0, Weeks),
                    ..request()
                },
                "The date holds",
            ),
            (
                Request {
                    saves: Some(d(1.0, Weeks)),
                    ..request()
                },
                "Option A still misses the date by 2 weeks",
            ),
            (
                Request {
                    saves: Some(d(3.0, Weeks)),
                    extra: Some(d(1.0, Weeks)),
                    ..request()
                },
                "Option B needs at least 3 weeks more",
            ),
            (
                Request {
                    saves: Some(d(4.0, Weeks)),
                    extra: Some(d(3.0, Weeks)),
                    ..request()
                },
                "Two real options: Thursday 14 January 2027 with less, or everything by Thursday 4 February 2027",
            ),
        ];
        for (request, verdict) in cases {
            let result = assess(&request);
            assert!(
                result.verdict.starts_with(verdict),
                "{verdict:?} vs {:?}",
                result.verdict
            );
            assert!(result.passages.contains(&"deadline-negotiate"));
        }
    }

    #[test]
    fn option_b_date_and_the_numbers_the_message_uses() {
        let result = assess(&Request {
            saves: Some(d(3.0, Weeks)),
            extra: Some(d(3.0, Weeks)),
            ..request()
        });
        assert_eq!(result.fact_str("date_b"), Some("2027-02-04"));
        assert_eq!(result.fact_str("available"), Some("7 weeks"));
        assert_eq!(result.fact_str("over"), Some("3 weeks"));
        assert_eq!(result.fact_str("remaining_a"), Some("7 weeks"));
        assert_eq!(result.facts["needed_weeks"], json!(3));
    }
}
