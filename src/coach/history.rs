//! What the lead's private journal says about earlier one-on-ones and weeks, and the limits
//! they set for themselves: what the personal frameworks read besides their inputs. The
//! journal builds it from the entries on disk, so the frameworks stay pure functions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::boundaries::Limits;

/// Everything personal a framework may read: the journal so far and the lead's limits.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Personal {
    #[serde(default)]
    pub history: History,
    #[serde(default)]
    pub limits: Limits,
}

/// Earlier entries of the journal, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct History {
    #[serde(default)]
    pub one_on_ones: Vec<Meeting>,
    #[serde(default)]
    pub weeks: Vec<Week>,
}

/// One one-on-one as the journal kept it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Meeting {
    pub date: NaiveDate,
    pub person: String,
    /// The follow-ups still open when it was written, each as `owner: what`.
    #[serde(default)]
    pub open: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// One week's hours by mode, as the journal kept it.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Week {
    pub date: NaiveDate,
    pub hours: ModeHours,
}

/// Hours in each of the episode's three modes, and coding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ModeHours {
    pub leader: f64,
    pub people: f64,
    pub process: f64,
    pub coding: f64,
}

impl ModeHours {
    pub(crate) fn total(&self) -> f64 {
        self.leader + self.people + self.process + self.coding
    }

    /// Each mode's share in whole percent, summing to exactly 100 (largest remainder), so
    /// a chart row and its labels always add up; all zero for a week of no hours.
    pub(crate) fn shares(&self) -> [u32; 4] {
        let hours = [self.leader, self.people, self.process, self.coding];
        let total = self.total();
        if total <= 0.0 {
            return [0; 4];
        }
        split_whole(&hours.map(|h| h / total * 100.0), 100)
    }
}

/// `parts` (summing to `whole`) as whole numbers that sum to exactly `whole`: each is
/// rounded down, then the largest remainders get one more, earlier parts first on a tie.
pub(crate) fn split_whole(parts: &[f64; 4], whole: u32) -> [u32; 4] {
    let mut out = parts.map(|p| p.max(0.0).floor() as u32);
    let given: u32 = out.iter().sum();
    let mut order: Vec<usize> = (0..4).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (parts[a] - parts[a].floor(), parts[b] - parts[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &index in order.iter().take(whole.saturating_sub(given) as usize) {
        out[index] += 1;
    }
    out
}

impl History {
    /// The latest one-on-one with `person` (names match ignoring case and spaces around)
    /// on or before `today`: an entry dated later is not "last time".
    pub(crate) fn last_with(&self, person: &str, today: NaiveDate) -> Option<&Meeting> {
        self.meetings_with(person, today).pop()
    }

    /// Every one-on-one with `person` on or before `today`, oldest first.
    pub(crate) fn meetings_with(&self, person: &str, today: NaiveDate) -> Vec<&Meeting> {
        let mut meetings: Vec<&Meeting> = self
            .one_on_ones
            .iter()
            .filter(|m| same_person(&m.person, person) && m.date <= today)
            .collect();
        meetings.sort_by_key(|m| m.date);
        meetings
    }

    /// The weeks before `today`, oldest first, at most `n` of them (the latest ones).
    pub(crate) fn weeks_before(&self, today: NaiveDate, n: usize) -> Vec<Week> {
        let mut weeks: Vec<Week> = self
            .weeks
            .iter()
            .copied()
            .filter(|w| w.date < today)
            .collect();
        weeks.sort_by_key(|w| w.date);
        let skip = weeks.len().saturating_sub(n);
        weeks.split_off(skip)
    }
}

pub(crate) fn same_person(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn shares_always_sum_to_a_hundred() {
        #[rustfmt::skip]
        let cases: &[([f64; 4], [u32; 4])] = &[
            ([10.0, 10.0, 10.0, 10.0], [25, 25, 25, 25]),
            ([1.0, 1.0, 1.0, 0.0],     [34, 33, 33, 0]),
            ([4.0, 6.0, 2.0, 28.0],    [10, 15, 5, 70]),
            ([0.0, 0.0, 0.0, 0.0],     [0, 0, 0, 0]),
            ([0.5, 0.0, 0.0, 0.0],     [100, 0, 0, 0]),
            ([2.0, 3.0, 3.0, 3.0],     [18, 28, 27, 27]),
        ];
        for (hours, shares) in cases {
            let [leader, people, process, coding] = *hours;
            let split = ModeHours {
                leader,
                people,
                process,
                coding,
            }
            .shares();
            assert_eq!(&split, shares, "{hours:?}");
            let sum: u32 = split.iter().sum();
            assert!(sum == 100 || sum == 0, "{hours:?}");
        }
    }

    #[test]
    fn last_time_is_the_latest_meeting_on_or_before_today() {
        let meeting = |day, person: &str| Meeting {
            date: date(day),
            person: person.into(),
            open: vec![format!("me: note {day}")],
            notes: None,
        };
        let history = History {
            one_on_ones: vec![
                meeting(19, "Sam"),
                meeting(5, "sam "),
                meeting(12, "Priya"),
                meeting(30, "Sam"),
            ],
            weeks: Vec::new(),
        };
        let last = history.last_with("SAM", date(26)).unwrap();
        assert_eq!(last.date, date(19));
        assert_eq!(history.meetings_with("Sam", date(26)).len(), 2);
        assert!(history.last_with("Ana", date(26)).is_none());
    }

    #[test]
    fn the_weeks_before_today_are_the_latest_ones() {
        let week = |day| Week {
            date: date(day),
            hours: ModeHours::default(),
        };
        let history = History {
            one_on_ones: Vec::new(),
            weeks: vec![week(19), week(5), week(12), week(26), week(2)],
        };
        let dates: Vec<u32> = history
            .weeks_before(date(26), 2)
            .iter()
            .map(|w| chrono::Datelike::day(&w.date))
            .collect();
        assert_eq!(dates, [12, 19]);
    }
}
