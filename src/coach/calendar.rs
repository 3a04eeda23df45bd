//! Working days. Work happens Monday to Friday and not on the team's holidays (`holidays:`
//! in the config), so "3 days of work" from a Thursday is done on the Tuesday, not the
//! Sunday, and a date given for work never falls on a weekend. A team that lists no
//! holidays is taken to be off on 25 December and 1 January, the days nearly every team is
//! off; the coach says so where it counts.
//!
//! Hours and days count working days (8 working hours a day), weeks count 5 working days
//! each. Months and years are calendar time, as people mean them ("in 3 months"), ending
//! on the next working day.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::answer::{Duration, Unit, WorkingDays};

/// 25 December or 1 January.
fn is_assumed_day_off(date: NaiveDate) -> bool {
    matches!((date.month(), date.day()), (12, 25) | (1, 1))
}

/// Working hours in a working day, for work estimated in hours.
const HOURS_PER_DAY: f64 = 8.0;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WorkCalendar {
    holidays: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    pub(crate) fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> WorkCalendar {
        WorkCalendar {
            holidays: holidays.into_iter().collect(),
        }
    }

    pub(crate) fn is_working_day(&self, date: NaiveDate) -> bool {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let day_off = if self.holidays.is_empty() {
            is_assumed_day_off(date)
        } else {
            self.holidays.contains(&date)
        };
        !weekend && !day_off
    }

    /// Whether the team listed its holidays (`holidays:` in the config).
    pub(crate) fn has_holidays(&self) -> bool {
        !self.holidays.is_empty()
    }

    /// `date`, or the last working day before it: a date to decide or deliver by that falls
    /// on a weekend or a holiday means the working day before.
    pub(crate) fn on_or_before(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        for _ in 0..366 {
            if self.is_working_day(day) {
                return day;
            }
            match day.pred_opt() {
                Some(previous) => day = previous,
                None => return day,
            }
        }
        day
    }

    /// With no holidays listed, the weekdays after `start` up to `end` that are taken as
    /// days off anyway (25 December and 1 January), for the coach to name.
    pub(crate) fn assumed_days_off(&self, start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
        if self.has_holidays() {
            return Vec::new();
        }
        let mut found = Vec::new();
        for year in start.year()..=end.year().min(start.year() + 10) {
            for (month, day) in [(12, 25), (1, 1)] {
                if let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
                    && date > start
                    && date <= end
                    && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
                {
                    found.push(date);
                }
            }
        }
        found.sort();
        found
    }

    /// The day to look back at something on, at or after `date`: a working day that is not
    /// 31 December or 1 January either, when nobody is there to review anything, whatever
    /// holidays the team listed.
    pub(crate) fn review_day(&self, date: NaiveDate) -> NaiveDate {
        let first = self.on_or_after(date);
        let mut day = first;
        for _ in 0..366 {
            if !matches!((day.month(), day.day()), (12, 31) | (1, 1)) {
                // A record holds years 1 to 9999: on 31 December 9999 there is no later day.
                return if day.year() > 9999 { first } else { day };
            }
            match day.succ_opt() {
                Some(next) => day = self.on_or_after(next),
                None => return day,
            }
        }
        day
    }

    /// `date`, or the first working day after it.
    pub(crate) fn on_or_after(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        // A year of holidays in a row is a configuration mistake, not a calendar; stop there.
        for _ in 0..366 {
            if self.is_working_day(day) {
                return day;
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => return day,
            }
        }
        day
    }

    /// The working days `work` takes, rounded up to whole days; `None` for months and
    /// years, which are calendar time.
    pub(crate) fn working_days(work: Duration) -> Option<u64> {
        let days = match work.unit {
            Unit::Minutes => work.amount / 60.0 / HOURS_PER_DAY,
            Unit::Hours => work.amount / HOURS_PER_DAY,
            Unit::Days => work.amount,
            Unit::Weeks => work.amount * 5.0,
            Unit::Months | Unit::Years => return None,
        };
        Some(super::units::ceil_whole(days))
    }

    /// The day work started after `start` is done: `start` plus the work's working days
    /// (the day it is asked is not one of them), or plus its calendar time for months and
    /// years, on a working day either way.
    pub(crate) fn finish(&self, start: NaiveDate, work: Duration) -> NaiveDate {
        match Self::working_days(work) {
            Some(days) => self.add_working_days(start, days),
            None => {
                let calendar_days = super::units::ceil_whole(work.days());
                let end = start
                    .checked_add_days(Days::new(calendar_days))
                    .unwrap_or(start);
                self.on_or_after(end)
            }
        }
    }

    /// `days` working days after `start`.
    pub(crate) fn add_working_days(&self, start: NaiveDate, days: u64) -> NaiveDate {
        let mut day = start;
        let mut left = days;
        while left > 0 {
            match day.succ_opt() {
                Some(next) => day = next,
                None => return day,
            }
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days after `start` up to and including `end` (none when `end` is not later).
    pub(crate) fn working_days_until(&self, start: NaiveDate, end: NaiveDate) -> u64 {
        let mut count = 0;
        let mut day = start;
        while day < end {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }
}

impl WorkingDays for WorkCalendar {
    fn on_or_before(&self, date: NaiveDate) -> NaiveDate {
        WorkCalendar::on_or_before(self, date)
    }

    fn on_or_after(&self, date: NaiveDate) -> NaiveDate {
        WorkCalendar::on_or_after(self, date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Thursday 3 December 2026.
    fn thursday() -> NaiveDate {
        date(2026, 12, 3)
    }

    #[test]
    fn work_ends_on_working_days() {
        let calendar = WorkCalendar::default();
        let cases = [
            (Duration::new(3.0, Unit::Days), date(2026, 12, 8)),
            (Duration::new(1.0, Unit::Days), date(2026, 12, 4)),
            (Duration::new(2.0, Unit::Days), date(2026, 12, 7)),
            (Duration::new(4.0, Unit::Hours), date(2026, 12, 4)),
            (Duration::new(12.0, Unit::Hours), date(2026, 12, 7)),
            (Duration::new(1.0, Unit::Weeks), date(2026, 12, 10)),
            (Duration::new(2.0, Unit::Weeks), date(2026, 12, 17)),
            // Calendar time: 30 days on is Saturday 2 January, so the Monday after.
            (Duration::new(1.0, Unit::Months), date(2027, 1, 4)),
            (Duration::new(0.0, Unit::Days), thursday()),
        ];
        for (work, done) in cases {
            assert_eq!(calendar.finish(thursday(), work), done, "{work}");
            assert!(calendar.is_working_day(calendar.finish(thursday(), work)));
        }
    }

    #[test]
    fn holidays_are_not_working_days() {
        let calendar = WorkCalendar::new([date(2026, 12, 7), date(2026, 12, 8)]);
        assert_eq!(
            calendar.finish(thursday(), Duration::new(3.0, Unit::Days)),
            date(2026, 12, 10)
        );
        assert_eq!(calendar.on_or_after(date(2026, 12, 5)), date(2026, 12, 9));
    }

    #[test]
    fn a_date_on_a_day_off_means_the_working_day_before() {
        let calendar = WorkCalendar::new([date(2026, 12, 18)]);
        // Saturday 19 December: Friday 18 is a holiday, so Thursday 17.
        assert_eq!(
            calendar.on_or_before(date(2026, 12, 19)),
            date(2026, 12, 17)
        );
        assert_eq!(calendar.on_or_before(thursday()), thursday());
        assert_eq!(
            WorkCalendar::default().on_or_before(date(2026, 12, 20)),
            date(2026, 12, 18)
        );
    }

    #[test]
    fn with_no_holidays_listed_christmas_and_new_year_are_days_off() {
        let unlisted = WorkCalendar::default();
        assert!(!unlisted.is_working_day(date(2026, 12, 25)));
        assert!(!unlisted.is_working_day(date(2027, 1, 1)));
        assert_eq!(
            unlisted.assumed_days_off(date(2026, 12, 1), date(2027, 1, 19)),
            [date(2026, 12, 25), date(2027, 1, 1)]
        );
        assert!(
            unlisted
                .assumed_days_off(date(2027, 1, 4), date(2027, 3, 1))
                .is_empty()
        );
        // Saturday 26 December: Friday 25 is Christmas, so Thursday 24.
        assert_eq!(
            unlisted.on_or_before(date(2026, 12, 26)),
            date(2026, 12, 24)
        );
        // A team that lists its holidays works on any day it did not list.
        let listed = WorkCalendar::new([date(2026, 12, 24)]);
        assert!(listed.is_working_day(date(2026, 12, 25)));
        assert!(
            listed
                .assumed_days_off(date(2026, 12, 1), date(2027, 1, 19))
                .is_empty()
        );
    }

    #[test]
    fn a_review_never_falls_on_new_year_s_eve_new_year_s_day_or_a_holiday() {
        let unlisted = WorkCalendar::default();
        let listed = WorkCalendar::new([date(2027, 1, 4), date(2027, 1, 5)]);
        let cases = [
            // Thursday 31 December 2026: Friday 1 January too, so Monday 4 January.
            (&unlisted, date(2026, 12, 31), date(2027, 1, 4)),
            (&unlisted, date(2027, 1, 1), date(2027, 1, 4)),
            // A team that lists its holidays but not New Year's Day still reviews after it.
            (&listed, date(2026, 12, 31), date(2027, 1, 6)),
            (&listed, date(2027, 1, 4), date(2027, 1, 6)),
            // Friday 31 December 2027: the weekend, then Monday 3 January 2028.
            (&unlisted, date(2027, 12, 31), date(2028, 1, 3)),
            (&unlisted, date(2026, 12, 30), date(2026, 12, 30)),
            // The last day a record can hold has no next working day.
            (&unlisted, date(9999, 12, 31), date(9999, 12, 31)),
            (&unlisted, thursday(), thursday()),
        ];
        for (calendar, asked, review) in cases {
            assert_eq!(calendar.review_day(asked), review, "{asked}");
        }
    }

    #[test]
    fn working_days_between_dates() {
        let calendar = WorkCalendar::default();
        assert_eq!(calendar.working_days_until(thursday(), thursday()), 0);
        assert_eq!(
            calendar.working_days_until(thursday(), date(2026, 12, 4)),
            1
        );
        assert_eq!(
            calendar.working_days_until(thursday(), date(2026, 12, 6)),
            1
        );
        assert_eq!(
            calendar.working_days_until(thursday(), date(2026, 12, 17)),
            10
        );
        assert_eq!(
            calendar.working_days_until(thursday(), date(2026, 12, 1)),
            0
        );
    }
}
