//! Small helpers the frameworks share to state computed values the way a person would:
//! durations in a familiar unit with one decimal, dates with the weekday, "3rd".
//!
//! Every computed number a message shows is rounded here, once, so the record's working
//! and the message print the same figure.

use chrono::{Datelike, NaiveDate};

use crate::answer::{Duration, Unit};

/// Days in one `unit` (a month is 30 days, as everywhere in `decide`).
pub(crate) fn unit_days(unit: Unit) -> f64 {
    Duration::new(1.0, unit).days()
}

/// The one rounding rule for every computed figure: one decimal, halves away from zero
/// (5.43 → 5.4, 103.25 → 103.3). Floating-point dust is undone first, so a figure that is
/// a half in decimal (103.25 hours reached as 4.302083… days × 24) still rounds up.
pub(crate) fn round1(value: f64) -> f64 {
    let scaled = value * 10.0;
    let dust = scaled.abs().max(1.0) * 1e-9;
    (scaled + dust.copysign(scaled)).round() / 10.0
}

/// `days` stated in `unit`, rounded to one decimal.
pub(crate) fn in_unit(days: f64, unit: Unit) -> Duration {
    Duration::new(round1(days / unit_days(unit)), unit)
}

/// `days` in `unit` when that gives at least one whole unit ("6.6 months"), or none at
/// all ("0 weeks"), else in the unit a person would pick for that length ("10 days", not
/// "0.3 months").
pub(crate) fn in_unit_or_readable(days: f64, unit: Unit) -> Duration {
    if days >= unit_days(unit) || days == 0.0 {
        in_unit(days, unit)
    } else {
        readable(days)
    }
}

/// The unit a person would pick: hours under a day, days under two weeks, weeks under
/// two months, months under two years, then years.
pub(crate) fn readable(days: f64) -> Duration {
    let unit = if days < 1.0 {
        Unit::Hours
    } else if days < 14.0 {
        Unit::Days
    } else if days < 60.0 {
        Unit::Weeks
    } else if days < 730.0 {
        Unit::Months
    } else {
        Unit::Years
    };
    in_unit(days, unit)
}

/// "1st", "2nd", "3rd", "4th", "11th", "22nd".
pub(crate) fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "Thursday 14 January", with the year when it is not `today`'s year.
pub(crate) fn human_date(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        date.format("%A %-d %B").to_string()
    } else {
        date.format("%A %-d %B %Y").to_string()
    }
}

/// `date` plus `days` calendar days (never before `date`); past the last date a record can
/// hold, that last date (a review due in the year 10000 is as good as never, and the date
/// must read back).
pub(crate) fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_days(chrono::Days::new(days.max(0) as u64))
        .filter(|later| *later <= crate::answer::LAST_DATE)
        .unwrap_or(crate::answer::LAST_DATE.max(date))
}

/// A date as the record's front matter and answers files write it: `2026-12-11`.
pub(crate) fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Smallest whole number not below `value`, ignoring floating-point dust: 3.0000000001 is 3.
pub(crate) fn ceil_whole(value: f64) -> u64 {
    if value <= 0.0 {
        0
    } else {
        (value - 1e-9).ceil().max(0.0) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (22, "22nd"),
            (101, "101st"),
            (111, "111th"),
        ];
        for (n, expected) in cases {
            assert_eq!(ordinal(n), expected);
        }
    }

    #[test]
    fn halves_round_away_from_zero_whatever_the_dust() {
        assert_eq!(round1(103.25), 103.3);
        assert_eq!(round1(4.302_083_333_333_333 * 24.0), 103.3);
        assert_eq!(round1(5.43), 5.4);
        assert_eq!(round1(0.05), 0.1);
        assert_eq!(round1(-0.25), -0.3);
        assert_eq!(round1(2.0), 2.0);
    }

    #[test]
    fn durations_in_a_unit_round_to_one_decimal() {
        assert_eq!(in_unit(38.0, Unit::Weeks).to_string(), "5.4 weeks");
        assert_eq!(in_unit(14.0, Unit::Weeks).to_string(), "2 weeks");
        assert_eq!(in_unit(0.25, Unit::Hours).to_string(), "6 hours");
        assert_eq!(
            in_unit_or_readable(198.0, Unit::Months).to_string(),
            "6.6 months"
        );
        assert_eq!(
            in_unit_or_readable(10.0, Unit::Months).to_string(),
            "10 days"
        );
        assert_eq!(in_unit_or_readable(0.0, Unit::Weeks).to_string(), "0 weeks");
        assert_eq!(readable(0.5).to_string(), "12 hours");
        assert_eq!(readable(45.0).to_string(), "6.4 weeks");
        assert_eq!(readable(800.0).to_string(), "2.2 years");
    }

    #[test]
    fn ceil_ignores_floating_point_dust() {
        assert_eq!(ceil_whole(3.0), 3);
        assert_eq!(ceil_whole(3.0 + 1e-12), 3);
        assert_eq!(ceil_whole(3.2), 4);
        assert_eq!(ceil_whole(0.0), 0);
        assert_eq!(ceil_whole(-2.0), 0);
        // 0.1 + 0.2 is 0.30000000000000004: still 1 when divided by 0.3.
        assert_eq!(ceil_whole((0.1 + 0.2) / 0.3), 1);
    }

    #[test]
    fn dates_read_like_a_person_writes_them() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let same_year = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let next_year = NaiveDate::from_ymd_opt(2027, 1, 14).unwrap();
        assert_eq!(human_date(same_year, today), "Friday 4 December");
        assert_eq!(human_date(next_year, today), "Thursday 14 January 2027");
    }
}
