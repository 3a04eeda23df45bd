//! Small helpers the frameworks share to state computed values the way a person would:
//! durations in a familiar unit with one decimal, dates with the weekday, "3rd".
//!
//! Every computed number a message shows is rounded here, once, so the record's working
//! and the message print the same figure.
//!
//! Work effort is counted in working days, as the calendar counts it: a working day is 8
//! hours and a week of work is 5 working days, so 20% of 3 weeks of work is 3 days, not the
//! 4.2 that calendar weeks would give.

use chrono::{Datelike, NaiveDate};

use crate::answer::{Duration, Unit};
pub(crate) use crate::text::iso;

/// The one rounding rule for every computed figure: one decimal, halves away from zero
/// (5.43 → 5.4, 103.25 → 103.3). Floating-point dust is undone first, so a figure that is
/// a half in decimal (103.25 hours reached as 4.302083… days × 24) still rounds up.
pub(crate) fn round1(value: f64) -> f64 {
    let scaled = value * 10.0;
    let dust = scaled.abs().max(1.0) * 1e-9;
    (scaled + dust.copysign(scaled)).round() / 10.0
}

/// Working hours in a working day.
pub(crate) const WORK_HOURS_PER_DAY: f64 = 8.0;
/// Working days in a week of work.
pub(crate) const WORK_WEEK_DAYS: f64 = 5.0;

/// `work` as an amount of effort, in working days: 8 hours a day, 5 days a week. Months
/// and years of work are calendar time, of which 5 days in 7 are working days.
pub(crate) fn work_days(work: Duration) -> f64 {
    match work.unit {
        Unit::Minutes => work.amount / 60.0 / WORK_HOURS_PER_DAY,
        Unit::Hours => work.amount / WORK_HOURS_PER_DAY,
        Unit::Days => work.amount,
        Unit::Weeks => work.amount * WORK_WEEK_DAYS,
        Unit::Months | Unit::Years => work.days() * WORK_WEEK_DAYS / 7.0,
    }
}

/// `days` of effort (working days) stated in weeks of work or in working days, rounded
/// with [`round1`]; in days, less than half a day is stated in working hours ("1.2 hours",
/// not "0.2 days", and never "0 days" for some work).
pub(crate) fn effort(days: f64, unit: Unit) -> Duration {
    match unit {
        Unit::Weeks => Duration::new(round1(days / WORK_WEEK_DAYS), Unit::Weeks),
        _ if days > 0.0 && round1(days) < 0.5 => {
            Duration::new(round1(days * WORK_HOURS_PER_DAY), Unit::Hours)
        }
        _ => Duration::new(round1(days), Unit::Days),
    }
}

/// A date an estimate lands on, as precisely as an estimate deserves: "early June",
/// "mid-June 2027", "late June", with the year when it is not `today`'s.
pub(crate) fn about_date(date: NaiveDate, today: NaiveDate) -> String {
    let month = date.format("%B");
    let year = if date.year() == today.year() {
        String::new()
    } else {
        format!(" {}", date.year())
    };
    match date.day() {
        1..=10 => format!("early {month}{year}"),
        11..=20 => format!("mid-{month}{year}"),
        _ => format!("late {month}{year}"),
    }
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

pub(crate) use crate::text::human_date;

/// `date` plus `days` calendar days (never before `date`); past the last date a record can
/// hold, that last date (a review due in the year 10000 is as good as never, and the date
/// must read back).
pub(crate) fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_days(chrono::Days::new(days.max(0) as u64))
        .filter(|later| *later <= crate::answer::LAST_DATE)
        .unwrap_or(crate::answer::LAST_DATE.max(date))
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
    fn work_is_counted_in_working_days() {
        // (work, working days)
        let cases = [
            (Duration::new(3.0, Unit::Weeks), 15.0),
            (Duration::new(8.0, Unit::Days), 8.0),
            (Duration::new(4.0, Unit::Hours), 0.5),
            (Duration::new(30.0, Unit::Minutes), 0.0625),
            (Duration::new(7.0, Unit::Months), 150.0),
        ];
        for (work, days) in cases {
            assert!((work_days(work) - days).abs() < 1e-9, "{work}");
        }
        // 20% of 3 weeks of work is 3 days, not 4.2.
        let extra = 0.2 * work_days(Duration::new(3.0, Unit::Weeks));
        assert_eq!(effort(extra, Unit::Days).to_string(), "3 days");
        assert_eq!(effort(extra, Unit::Weeks).to_string(), "0.6 weeks");
        assert_eq!(effort(27.0, Unit::Weeks).to_string(), "5.4 weeks");
        assert_eq!(effort(0.15, Unit::Days).to_string(), "1.2 hours");
        assert_eq!(effort(0.5, Unit::Days).to_string(), "0.5 days");
        assert_eq!(effort(0.0, Unit::Days).to_string(), "0 days");
        assert_eq!(effort(4.5, Unit::Days).to_string(), "4.5 days");
    }

    #[test]
    fn an_estimated_date_reads_as_part_of_a_month() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let cases = [
            ((2026, 12, 10), "early December"),
            ((2027, 6, 11), "mid-June 2027"),
            ((2027, 6, 20), "mid-June 2027"),
            ((2027, 6, 30), "late June 2027"),
        ];
        for ((y, m, d), expected) in cases {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(about_date(date, today), expected);
        }
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
