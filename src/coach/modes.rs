//! The week in the three modes: technical leader, people facilitator, process guardian,
//! and the coding besides. Measured the episode's way: "your output is no longer your
//! code. Your output is your team's output. If you write beautiful code for 8 hours but
//! your three team members are stuck, blocked, or building the wrong thing - you had a
//! terrible day."
//!
//! So the verdict reads two things together: how much of the week went to coding, and
//! whether anyone was left stuck. Mostly coding (half the hours or more) while someone was
//! stuck is a terrible week by that measure. Weeks are compared: the split of the last
//! eight entries is drawn as a small chart.

use chrono::NaiveDate;
use serde_json::json;

use super::history::{ModeHours, split_whole};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::Kind;

/// The hours a week has: 7 × 24.
pub(crate) const WEEK_HOURS: f64 = 168.0;
/// From this share of the hours, the week was mostly coding.
pub(crate) const MOSTLY_CODING: u32 = 50;
/// How many weeks the trend shows, this one included.
pub(crate) const TREND_WEEKS: usize = 8;

const LEADER: Input = Input::number("leader", "hours as technical leader");
const PEOPLE: Input = Input::number("people", "hours as people facilitator");
const PROCESS: Input = Input::number("process", "hours as process guardian");
const CODING: Input = Input::number("coding", "hours coding");
const UNBLOCKED: Input = list_input("unblocked", "who the lead unblocked");
const STUCK: Input = list_input("stuck", "who was stuck or blocked");
const DELEGATE: Input = list_input("delegate", "what to delegate next week");

const fn list_input(name: &'static str, about: &'static str) -> Input {
    Input {
        name,
        accepts: Accepts::Question(&[Kind::List]),
        required: false,
        about,
        values: &[],
    }
}

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "modes",
    title: "Where the week went",
    inputs: &[LEADER, PEOPLE, PROCESS, CODING, UNBLOCKED, STUCK, DELEGATE],
    facts: &[
        "hours",
        "total",
        "shares",
        "coding_share",
        "unblocked",
        "stuck",
        "delegate",
        "trend",
        "chart",
        "coding_before",
    ],
    verdicts: &[
        Verdict {
            id: "terrible-week",
            stance: Stance::Inform,
            passage: "output-is-team-output",
            also: &["coding-share", "delegation-bottleneck"],
        },
        Verdict {
            id: "people-stuck",
            stance: Stance::Inform,
            passage: "mode-people-facilitator",
            also: &["output-is-team-output"],
        },
        Verdict {
            id: "mostly-coding",
            stance: Stance::Inform,
            passage: "coding-share",
            also: &["takeaway-output"],
        },
        Verdict {
            id: "team-output",
            stance: Stance::Inform,
            passage: "output-is-team-output",
            also: &["three-modes"],
        },
    ],
    warnings: &["people-mode-least", "nothing-to-delegate"],
    run,
    keeps: &["hours", "shares", "unblocked", "stuck", "delegate"],
    refuse: Some(refuse),
    waits: &[],
};

/// More hours than a week has is a typo; so is a week of none.
fn refuse(inputs: &Inputs<'_>) -> Option<String> {
    let given: Vec<f64> = [&LEADER, &PEOPLE, &PROCESS, &CODING]
        .iter()
        .filter_map(|input| inputs.number(input))
        .collect();
    let total: f64 = given.iter().sum();
    if total > WEEK_HOURS {
        return Some(format!(
            "the hours come to {}, more than the {} hours a week has (7 × 24)",
            crate::answer::format_number(total),
            WEEK_HOURS
        ));
    }
    (given.len() == 4 && total <= 0.0)
        .then(|| "the hours come to 0; give the hours the week had in each mode".to_string())
}

/// The week as the lead gave it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Week {
    pub hours: ModeHours,
    pub unblocked: Vec<String>,
    pub stuck: Vec<String>,
    pub delegate: Vec<String>,
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let week = Week {
        hours: ModeHours {
            leader: inputs.number(&LEADER)?,
            people: inputs.number(&PEOPLE)?,
            process: inputs.number(&PROCESS)?,
            coding: inputs.number(&CODING)?,
        },
        unblocked: inputs.list(&UNBLOCKED),
        stuck: inputs.list(&STUCK),
        delegate: inputs.list(&DELEGATE),
    };
    let today = inputs.today();
    let before: Vec<(NaiveDate, ModeHours)> = inputs
        .conditions
        .personal
        .history
        .weeks_before(today, TREND_WEEKS - 1)
        .into_iter()
        .map(|w| (w.date, w.hours))
        .collect();
    Some(assess(&week, &before, today))
}

/// The week, with the weeks `before` it (oldest first) for the trend.
pub(crate) fn assess(week: &Week, before: &[(NaiveDate, ModeHours)], today: NaiveDate) -> Finding {
    let shares = week.hours.shares();
    let coding = shares[3];
    let stuck = !week.stuck.is_empty();
    let verdict = match (stuck, coding >= MOSTLY_CODING) {
        (true, true) => "terrible-week",
        (true, false) => "people-stuck",
        (false, true) => "mostly-coding",
        (false, false) => "team-output",
    };
    let rows: Vec<(NaiveDate, [u32; 4])> = before
        .iter()
        .map(|(date, hours)| (*date, hours.shares()))
        .filter(|(_, s)| s.iter().sum::<u32>() > 0)
        .chain(std::iter::once((today, shares)))
        .collect();
    let earlier = &rows[..rows.len() - 1];
    let coding_before = (!earlier.is_empty()).then(|| {
        let sum: u32 = earlier.iter().map(|(_, s)| s[3]).sum();
        (f64::from(sum) / earlier.len() as f64).round() as u32
    });
    // Mode 2 takes the most time for most tech leads; the least of the three is a sign.
    let people_least = week.hours.people < week.hours.leader.min(week.hours.process);
    let coded_without_handing_over =
        matches!(verdict, "terrible-week" | "mostly-coding") && week.delegate.is_empty();
    let facts = json!({
        "hours": week.hours,
        "total": week.hours.total(),
        "shares": share_map(shares),
        "coding_share": coding,
        "unblocked": week.unblocked,
        "stuck": week.stuck,
        "delegate": week.delegate,
        "trend": rows.iter().map(|(date, s)| {
            let mut row = share_map(*s);
            row["date"] = json!(super::units::iso(*date));
            row
        }).collect::<Vec<_>>(),
        "chart": chart(&rows),
        "coding_before": coding_before,
    });
    Finding::new(verdict, facts).warn(
        [
            people_least.then_some("people-mode-least"),
            coded_without_handing_over.then_some("nothing-to-delegate"),
        ]
        .into_iter()
        .flatten(),
    )
}

fn share_map(shares: [u32; 4]) -> serde_json::Value {
    json!({ "leader": shares[0], "people": shares[1], "process": shares[2], "coding": shares[3] })
}

/// Cells in one chart row.
const CHART_WIDTH: u32 = 32;
/// One shade per mode, in the order leader, people, process, coding.
const SHADES: [char; 4] = ['█', '▓', '▒', '░'];

/// The split of each week as a bar of shades, with the coding share at the end, under a
/// legend: a chart that reads in any terminal, colour or not.
pub(crate) fn chart(rows: &[(NaiveDate, [u32; 4])]) -> Vec<String> {
    let mut lines = vec![format!(
        "{} leader  {} people  {} process  {} coding",
        SHADES[0], SHADES[1], SHADES[2], SHADES[3]
    )];
    for (date, shares) in rows {
        let cells = split_whole(
            &shares.map(|s| f64::from(s) * f64::from(CHART_WIDTH) / 100.0),
            CHART_WIDTH,
        );
        let bar: String = cells
            .iter()
            .zip(SHADES)
            .flat_map(|(&n, shade)| std::iter::repeat_n(shade, n as usize))
            .collect();
        lines.push(format!(
            "{}  {bar}  coding {}%",
            date.format("%Y-%m-%d"),
            shares[3]
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn hours(leader: f64, people: f64, process: f64, coding: f64) -> ModeHours {
        ModeHours {
            leader,
            people,
            process,
            coding,
        }
    }

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    /// (hours, stuck, verdict): the episode's example is 80% coding with two people stuck.
    #[test]
    fn the_week_is_measured_by_the_team_s_output() {
        #[rustfmt::skip]
        let rows: &[(ModeHours, &[&str], &str)] = &[
            (hours(2.0, 3.0, 3.0, 32.0),  &["Ana", "Ben"], "terrible-week"),
            (hours(10.0, 10.0, 0.0, 20.0), &["Ana"],        "terrible-week"),
            (hours(10.0, 15.0, 5.0, 10.0), &["Ana"],        "people-stuck"),
            (hours(5.0, 5.0, 5.0, 25.0),  &[],             "mostly-coding"),
            (hours(12.0, 16.0, 4.0, 8.0), &[],             "team-output"),
        ];
        for (hours, stuck, verdict) in rows {
            let week = Week {
                hours: *hours,
                stuck: names(stuck),
                delegate: names(&["the release notes"]),
                ..Week::default()
            };
            let finding = assess(&week, &[], today());
            assert_eq!(finding.verdict, *verdict, "{hours:?} {stuck:?}");
        }
    }

    #[test]
    fn the_trend_compares_the_weeks_before() {
        let before = [
            (
                today() - chrono::Duration::days(14),
                hours(10.0, 10.0, 10.0, 10.0),
            ),
            (
                today() - chrono::Duration::days(7),
                hours(0.0, 0.0, 0.0, 0.0),
            ),
            (
                today() - chrono::Duration::days(3),
                hours(5.0, 5.0, 5.0, 25.0),
            ),
        ];
        let week = Week {
            hours: hours(8.0, 16.0, 8.0, 8.0),
            ..Week::default()
        };
        let finding = assess(&week, &before, today());
        // The empty week draws nothing; the two others average 25% and 62% coding.
        assert_eq!(finding.facts["trend"].as_array().unwrap().len(), 3);
        assert_eq!(finding.facts["coding_before"], json!(44));
        let chart = finding.facts["chart"].as_array().unwrap();
        assert_eq!(chart.len(), 4);
        for line in &chart[1..] {
            let bar: String = line
                .as_str()
                .unwrap()
                .chars()
                .filter(|c| SHADES.contains(c))
                .collect();
            assert_eq!(bar.chars().count(), CHART_WIDTH as usize, "{line}");
        }
        assert!(chart[3].as_str().unwrap().ends_with("coding 20%"));
    }

    #[test]
    fn warnings_name_a_light_mode_two_and_nothing_to_hand_over() {
        let week = Week {
            hours: hours(5.0, 1.0, 5.0, 30.0),
            ..Week::default()
        };
        let finding = assess(&week, &[], today());
        assert_eq!(
            finding.warnings,
            ["people-mode-least", "nothing-to-delegate"]
        );
    }
}
