//! Technical debt in business terms: "If we take this shortcut now, it'll save us 2 weeks.
//! But in 3 months, it'll slow down every new feature by 30%."
//!
//! The model, stated in the record so anyone can check it:
//! * work is effort, in working days (a week of work is 5 working days), so 20% of a
//!   3-week feature is 3 days; the planning period and the start of the slowdown are
//!   calendar time;
//! * the features planned for the period start at even intervals from today; each one
//!   that starts once the slowdown has begun takes `slowdown`% longer; work that starts
//!   before the slowdown is not counted;
//! * the cost of the shortcut over the period is that extra time, summed;
//! * the break-even is the slowed feature by which the extra time has used up what the
//!   shortcut saved: the k-th, with k = ⌈saved ÷ extra per feature⌉, and the date it is
//!   done, if the period has it;
//! * after the period the slowdown goes on costing, at the plan's pace, per quarter (a
//!   quarter is 3 months of 30 days).
//!
//! Amounts of effort are stated in one unit per record: weeks of work when the saving was
//! given in weeks and every amount compared with it is at least a week, else working days.

use chrono::NaiveDate;
use serde_json::json;

use super::calendar::WorkCalendar;
use super::units::{
    WORK_WEEK_DAYS, about_date, add_days, ceil_whole, effort, human_date, iso, ordinal, round1,
    work_days,
};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::{Duration, Kind, Unit, format_number};

/// Calendar days in a quarter: 3 months of 30 days, as a month counts everywhere else.
const QUARTER_DAYS: f64 = 90.0;

const SAVED: Input = Input {
    name: "saved",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "the work the shortcut saves now",
    values: &[],
};
const FIX_COST: Input = Input {
    name: "fix_cost",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: false,
    about: "the work the proper fix takes now (checked against the saving)",
    values: &[],
};
const STARTS_IN: Input = Input {
    name: "starts_in",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "how long from now until the slowdown starts",
    values: &[],
};
const SLOWDOWN: Input = Input {
    name: "slowdown",
    accepts: Accepts::Question(&[Kind::Number]),
    required: true,
    about: "how much longer each new feature takes after that, in percent",
    values: &[],
};
const PERIOD: Input = Input {
    name: "period",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "the planning period the features are spread over",
    values: &[],
};
const FEATURES: Input = Input {
    name: "features",
    accepts: Accepts::Question(&[Kind::Number]),
    required: true,
    about: "how many new features are planned over the period",
    values: &[],
};
const FEATURE_TIME: Input = Input {
    name: "feature_time",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "the work a typical feature takes today",
    values: &[],
};
const DELIBERATE: Input = Input {
    name: "deliberate",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "what kind of debt it is: a deliberate, prudent choice; a rushed one; or found only now",
    values: &["prudent", "reckless", "inadvertent"],
};

const PROPOSAL: Input = Input {
    name: "proposal",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "the lead's proposal: fix it now, or take the shortcut",
    values: &["fix-now", "shortcut"],
};

const WHY: Input = Input {
    name: "why",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "the lead's reason, when the proposal goes against the numbers",
    values: &[],
};

const ESTIMATES_CHECKED: Input = Input {
    name: "estimates_checked",
    accepts: Accepts::Question(&[Kind::YesNo]),
    required: false,
    about: "the lead checked both estimates when the saving and the fix differ",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "tech-debt",
    title: "Technical debt in business terms",
    inputs: &[
        SAVED,
        FIX_COST,
        STARTS_IN,
        SLOWDOWN,
        PERIOD,
        FEATURES,
        FEATURE_TIME,
        DELIBERATE,
        PROPOSAL,
        WHY,
        ESTIMATES_CHECKED,
    ],
    facts: &[
        "recommendation",
        "estimates_differ",
        "proposal",
        "why",
        "deliberate",
        "unit",
        "saved",
        "saved_per_extra_unit",
        "saved_given",
        "fix_cost",
        "fix_cost_given",
        "starts_in",
        "starts_on",
        "starts_on_text",
        "slowdown",
        "period",
        "features",
        "feature_time",
        "feature_time_given",
        "spacing",
        "first_slowed",
        "first_slowed_ordinal",
        "slowed",
        "starts_after_period",
        "extra_per_feature",
        "cost",
        "costs_more",
        "net",
        "features_per_quarter",
        "per_quarter",
        "break_even",
        "fix_done_by",
        "fix_done_by_text",
        "fix_start_by",
        "fix_start_by_text",
        "fix_done_on_text",
        "no_time_to_fix",
        "period_end_text",
        "answer_by",
        "answer_by_text",
        "review_by",
        "review_by_text",
    ],
    verdicts: &[
        Verdict {
            id: "no-slowdown",
            stance: Stance::Proposal,
            passage: "tech-debt-business-terms",
            also: &["stakeholders-understand-time-money"],
        },
        Verdict {
            id: "no-cost-in-period",
            stance: Stance::Proposal,
            passage: "tech-debt-business-terms",
            also: &["stakeholders-understand-time-money"],
        },
        Verdict {
            id: "fix-now",
            stance: Stance::Proposal,
            passage: "tech-debt-business-terms",
            also: &["stakeholders-understand-time-money"],
        },
        Verdict {
            id: "shortcut-pays",
            stance: Stance::Proposal,
            passage: "tech-debt-business-terms",
            also: &["stakeholders-understand-time-money"],
        },
    ],
    warnings: &[
        "saving-differs-from-fix",
        "saves-more-than-period",
        "feature-longer-than-period",
        "reckless",
        "proposal-against-numbers",
        "no-time-to-fix-first",
    ],
    run,
    keeps: &[],
    refuse: None,
    waits: &[],
};

/// What the lead told us about the shortcut.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Debt {
    /// Work the shortcut saves now.
    pub saved: Duration,
    /// The work the proper fix takes now, when asked.
    pub fix_cost: Option<Duration>,
    /// From now until the slowdown starts.
    pub starts_in: Duration,
    /// How much longer each new feature takes once it has started, in percent.
    pub slowdown_percent: f64,
    /// The planning period the features are spread over.
    pub period: Duration,
    /// Features planned over the period.
    pub features: u64,
    /// The work a typical feature takes today.
    pub feature_time: Duration,
    pub today: NaiveDate,
}

impl Debt {
    /// The work the proper fix takes: as answered, else the saving.
    fn fix(&self) -> Duration {
        self.fix_cost.unwrap_or(self.saved)
    }
}

/// What the lead proposes, and why when it goes against the numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Proposal<'a> {
    /// `fix-now` or `shortcut`; `None` takes the recommendation.
    pub choice: Option<&'a str>,
    pub why: Option<&'a str>,
    pub deliberate: Option<&'a str>,
    /// Whether the lead said both estimates are right, when they differ; `None` when
    /// not asked.
    pub estimates_checked: Option<bool>,
}

/// The computed cost: effort in working days, time on the calendar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cost {
    /// The day the slowdown starts: a working day.
    pub starts_on: NaiveDate,
    /// Calendar days between two feature starts; `None` with no features planned.
    pub spacing_days: Option<f64>,
    /// Index (from 0) of the first feature that starts after the slowdown begins.
    pub first_slowed: u64,
    /// Features in the period that start after the slowdown begins.
    pub slowed: u64,
    pub extra_per_feature_days: f64,
    pub cost_days: f64,
    /// Features a quarter at the plan's pace.
    pub features_per_quarter: f64,
    /// What the slowdown keeps costing after the period, per quarter, at the plan's pace.
    pub per_quarter_days: f64,
    pub break_even: Option<BreakEven>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BreakEven {
    /// The k-th slowed feature, counting from 1, by which the saving is used up.
    pub feature: u64,
    /// When that feature is done; `None` with no features planned.
    pub done_on: Option<NaiveDate>,
    /// Whether that happens within the planning period.
    pub within_period: bool,
}

pub(crate) fn cost(debt: &Debt, calendar: &WorkCalendar) -> Cost {
    let period_days = debt.period.days();
    let starts_on = calendar.finish(debt.today, debt.starts_in);
    let spacing_days = (debt.features > 0).then(|| period_days / debt.features as f64);
    // Feature i starts i × spacing after today, on a working day; it is slowed when that is
    // on or after the day the slowdown starts. With nothing planned nothing is slowed.
    let start_of = |index: u64, spacing: f64| {
        calendar.on_or_after(add_days(
            debt.today,
            (index as f64 * spacing).round() as i64,
        ))
    };
    let first_slowed = match spacing_days {
        Some(spacing) => (0..debt.features)
            .find(|&index| start_of(index, spacing) >= starts_on)
            .unwrap_or(debt.features),
        None => 0,
    };
    let slowed = debt.features - first_slowed;
    let feature_days = work_days(debt.feature_time);
    let extra_per_feature_days = feature_days * debt.slowdown_percent / 100.0;
    let cost_days = slowed as f64 * extra_per_feature_days;
    let features_per_quarter = if period_days > 0.0 {
        debt.features as f64 * QUARTER_DAYS / period_days
    } else {
        0.0
    };
    let per_quarter_days = features_per_quarter * extra_per_feature_days;
    let break_even = (extra_per_feature_days > 0.0).then(|| {
        let feature = ceil_whole(work_days(debt.saved) / extra_per_feature_days).max(1);
        let done_on = spacing_days.map(|spacing| {
            let slowed_work = feature_days * (1.0 + debt.slowdown_percent / 100.0);
            calendar.finish(
                start_of(first_slowed + feature - 1, spacing),
                Duration::new(slowed_work, Unit::Days),
            )
        });
        BreakEven {
            feature,
            done_on,
            within_period: feature <= slowed,
        }
    });
    Cost {
        starts_on,
        spacing_days,
        first_slowed,
        slowed,
        extra_per_feature_days,
        cost_days,
        features_per_quarter,
        per_quarter_days,
        break_even,
    }
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let debt = Debt {
        saved: inputs.duration(&SAVED)?,
        fix_cost: inputs.duration(&FIX_COST),
        starts_in: inputs.duration(&STARTS_IN)?,
        slowdown_percent: inputs.number(&SLOWDOWN)?.max(0.0),
        period: inputs.duration(&PERIOD)?,
        // A count of features: a fraction of one is not planned yet.
        features: inputs.number(&FEATURES)?.max(0.0).floor() as u64,
        feature_time: inputs.duration(&FEATURE_TIME)?,
        today: inputs.today(),
    };
    let proposal = Proposal {
        choice: inputs.text(&PROPOSAL),
        why: inputs.text(&WHY),
        deliberate: inputs.text(&DELIBERATE),
        estimates_checked: inputs.yes(&ESTIMATES_CHECKED),
    };
    Some(assess(&debt, &proposal, inputs.conditions.calendar))
}

/// The one unit amounts of effort are stated in: weeks of work when the lead counts the
/// saving in weeks and every amount compared with it is a week or more, else working days
/// (so no "0.9 weeks over 12 months").
fn effort_unit(debt: &Debt, c: &Cost) -> Unit {
    let in_weeks = matches!(debt.saved.unit, Unit::Weeks | Unit::Months | Unit::Years);
    let compared = [
        work_days(debt.saved),
        work_days(debt.fix()),
        c.cost_days,
        c.per_quarter_days,
    ];
    if in_weeks
        && compared
            .iter()
            .all(|&days| days == 0.0 || round1(days / WORK_WEEK_DAYS) >= 1.0)
    {
        Unit::Weeks
    } else {
        Unit::Days
    }
}

/// The dates the plan turns on, all working days.
struct Dates {
    /// The last working day before the slowdown starts: the shortcut's fix is done by then.
    fix_done_by: NaiveDate,
    /// The last day the fix can start and still be done by `fix_done_by` (today at the
    /// earliest).
    fix_start_by: NaiveDate,
    /// When the fix is done if it starts today.
    fix_done_on: NaiveDate,
    period_end: NaiveDate,
    /// Fixing now: when the fix is done. The shortcut: when its fix must start (or, with
    /// no slowdown, the end of the plan, to see whether anything slowed down after all).
    review_by: NaiveDate,
    /// The proposal's answer is needed by then: a week, or less when the fix must start
    /// sooner to be done before the slowdown.
    answer_by: NaiveDate,
    /// The shortcut is proposed but its fix cannot be done before the slowdown starts.
    no_time_to_fix: bool,
}

impl Dates {
    fn of(debt: &Debt, c: &Cost, choice: &str, verdict: &str, calendar: &WorkCalendar) -> Dates {
        let fix = debt.fix();
        let fix_work = ceil_whole(work_days(fix));
        let fix_done_by = calendar.on_or_before(c.starts_on.pred_opt().unwrap_or(c.starts_on));
        let fix_start_by =
            working_days_before(calendar, fix_done_by, fix_work.saturating_sub(1)).max(debt.today);
        let fix_done_on = calendar.finish(debt.today, fix);
        let period_end = calendar.finish(debt.today, debt.period);
        // A shortcut that pays has no fix in the plan: its review, at the end of the plan,
        // weighs the fix again against the slowdown that follows.
        let unplanned = |verdict: &str| matches!(verdict, "no-slowdown" | "shortcut-pays");
        let review_by = match (choice, verdict) {
            ("fix-now", _) => fix_done_on,
            (_, verdict) if unplanned(verdict) => period_end,
            _ => fix_start_by,
        };
        Dates {
            fix_done_by,
            fix_start_by,
            fix_done_on,
            period_end,
            review_by,
            answer_by: {
                let week = calendar.add_working_days(debt.today, super::deadline::ANSWER_DAYS);
                if choice != "fix-now" && unplanned(verdict) {
                    week
                } else {
                    week.min(fix_start_by)
                }
            },
            no_time_to_fix: choice == "shortcut"
                && !unplanned(verdict)
                && calendar.add_working_days(debt.today, fix_work) >= c.starts_on,
        }
    }
}

/// Inputs that cannot all be true, and choices the stakeholders will question.
fn warnings(
    debt: &Debt,
    proposal: &Proposal<'_>,
    against_numbers: bool,
    no_time_to_fix: bool,
) -> Vec<&'static str> {
    let mut warnings = Vec::new();
    if let Some(fix) = debt.fix_cost {
        let (fix, saved) = (work_days(fix), work_days(debt.saved));
        // Far apart, the estimates are checked unless the lead vouched for both; any
        // difference the lead says is wrong is checked.
        let far_apart = (fix - saved).abs() > saved.max(fix) * 0.25;
        match proposal.estimates_checked {
            Some(false) => warnings.push("saving-differs-from-fix"),
            None if far_apart => warnings.push("saving-differs-from-fix"),
            _ => {}
        }
    }
    if debt.saved.days() > debt.period.days() {
        warnings.push("saves-more-than-period");
    }
    if debt.features > 0 && debt.feature_time.days() > debt.period.days() {
        warnings.push("feature-longer-than-period");
    }
    if proposal.deliberate == Some("reckless") {
        warnings.push("reckless");
    }
    if against_numbers {
        warnings.push("proposal-against-numbers");
    }
    if no_time_to_fix {
        warnings.push("no-time-to-fix-first");
    }
    warnings
}

/// `date` less `days` working days.
fn working_days_before(calendar: &WorkCalendar, date: NaiveDate, days: u64) -> NaiveDate {
    let mut day = date;
    let mut left = days;
    while left > 0 {
        match day.pred_opt() {
            Some(previous) => day = previous,
            None => return day,
        }
        if calendar.is_working_day(day) {
            left -= 1;
        }
    }
    day
}

pub(crate) fn assess(debt: &Debt, proposal: &Proposal<'_>, calendar: &WorkCalendar) -> Finding {
    let c = cost(debt, calendar);
    let saved_days = work_days(debt.saved);
    let costs_more = c.cost_days >= saved_days && c.cost_days > 0.0;
    let verdict = if c.extra_per_feature_days <= 0.0 {
        "no-slowdown"
    } else if c.slowed == 0 {
        "no-cost-in-period"
    } else if costs_more {
        "fix-now"
    } else {
        "shortcut-pays"
    };
    let recommendation = if verdict == "fix-now" {
        "fix-now"
    } else {
        "shortcut"
    };
    let choice = proposal.choice.unwrap_or(recommendation);
    let unit = effort_unit(debt, &c);
    // "5.4 weeks" is not how anyone says it: an amount that is not a whole or half week
    // is stated in days ("27 days"), whatever the unit of the rest.
    let shown = |days: f64| {
        let halves = round1(days / WORK_WEEK_DAYS) * 2.0;
        let whole_or_half = (halves - halves.round()).abs() < 1e-9;
        effort(days, if whole_or_half { unit } else { Unit::Days })
    };
    // The figures the record's working multiplies are the rounded ones it shows, so every
    // line of it adds up as written.
    let extra = shown(c.extra_per_feature_days);
    let extra_days = work_days(extra);
    let cost = shown(c.slowed as f64 * extra_days);
    let per_feature_quarter = round1(c.features_per_quarter);
    let per_quarter = shown(per_feature_quarter * extra_days);
    let dates = Dates::of(debt, &c, choice, verdict, calendar);
    let warnings = warnings(
        debt,
        proposal,
        choice != recommendation,
        dates.no_time_to_fix,
    );
    let given = |d: Duration| d.to_string();
    let mut facts = json!({
        "recommendation": recommendation,
        // Half a day apart or more: the lead is asked whether both estimates are right.
        "estimates_differ": debt
            .fix_cost
            .is_some_and(|fix| (work_days(fix) - saved_days).abs() >= 0.5),
        "proposal": choice,
        "why": proposal.why.map(|w| w.trim().trim_end_matches('.').to_string()),
        "deliberate": proposal.deliberate,
        "unit": if unit == Unit::Weeks { "weeks" } else { "days" },
        "saved": shown(saved_days).to_string(),
        // The break-even divides the saving by the extra work: both in one unit.
        "saved_per_extra_unit": effort(saved_days, extra.unit).to_string(),
        "saved_given": given(debt.saved),
        "fix_cost": shown(work_days(debt.fix())).to_string(),
        "fix_cost_given": given(debt.fix()),
        "starts_in": given(debt.starts_in),
        "starts_on": iso(c.starts_on),
        "starts_on_text": human_date(c.starts_on, debt.today),
        "slowdown": debt.slowdown_percent,
        "period": given(debt.period),
        "features": debt.features,
        "feature_time": shown(work_days(debt.feature_time)).to_string(),
        "feature_time_given": given(debt.feature_time),
        "spacing": c.spacing_days.map(|days| format!("{} calendar days", format_number(round1(days)))),
        "first_slowed": c.first_slowed + 1,
        "first_slowed_ordinal": ordinal(c.first_slowed + 1),
        "slowed": c.slowed,
        "starts_after_period": c.starts_on >= dates.period_end,
        "extra_per_feature": extra.to_string(),
        "cost": cost.to_string(),
        "costs_more": costs_more,
        "net": shown((c.cost_days - saved_days).abs()).to_string(),
        "features_per_quarter": format_number(per_feature_quarter),
        "per_quarter": per_quarter.to_string(),
        "break_even": c.break_even.map(|b| json!({
            "feature": b.feature,
            "ordinal": ordinal(b.feature),
            "overall": b.within_period.then_some(c.first_slowed + b.feature),
            "overall_ordinal": b.within_period.then(|| ordinal(c.first_slowed + b.feature)),
            "done_text": b.done_on.filter(|_| b.within_period).map(|d| about_date(d, debt.today)),
            "within_period": b.within_period,
        })),
        "fix_done_by": iso(dates.fix_done_by),
        "fix_done_by_text": human_date(dates.fix_done_by, debt.today),
        "fix_start_by": iso(dates.fix_start_by),
        "fix_start_by_text": human_date(dates.fix_start_by, debt.today),
        "fix_done_on_text": human_date(dates.fix_done_on, debt.today),
        "period_end_text": human_date(dates.period_end, debt.today),
        "answer_by": iso(dates.answer_by),
        "answer_by_text": human_date(dates.answer_by, debt.today),
        "review_by": iso(dates.review_by),
        "review_by_text": human_date(dates.review_by, debt.today),
    });
    // The fix cannot be done before the slowdown, even started today: every output says
    // the plan as it can be kept (done on `fix_done_on`), never "before then".
    if let Some(map) = facts.as_object_mut() {
        map.insert("no_time_to_fix".into(), json!(dates.no_time_to_fix));
    }
    Finding::new(verdict, facts).warn(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit::{self, *};

    fn d(amount: f64, unit: Unit) -> Duration {
        Duration::new(amount, unit)
    }

    fn calendar() -> WorkCalendar {
        WorkCalendar::default()
    }

    fn date(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The episode's numbers: save 2 weeks; in 3 months every new feature is 30% slower.
    fn episode() -> Debt {
        Debt {
            saved: d(2.0, Weeks),
            fix_cost: Some(d(2.0, Weeks)),
            starts_in: d(3.0, Months),
            slowdown_percent: 30.0,
            period: d(12.0, Months),
            features: 12,
            feature_time: d(2.0, Weeks),
            today: date(2026, 11, 26),
        }
    }

    fn with(change: fn(&mut Debt)) -> Debt {
        let mut debt = episode();
        change(&mut debt);
        debt
    }

    fn assessed(debt: &Debt) -> Finding {
        assess(debt, &Proposal::default(), &calendar())
    }

    /// The saving and the fix are usually the same work: when they differ the lead is
    /// asked, and the warning follows the answer (or, unasked, how far apart they are).
    #[test]
    fn estimates_that_differ_are_checked_with_the_lead() {
        let cases: &[(f64, f64, Option<bool>, bool, bool)] = &[
            // saved days, fix days, checked, asked, warned
            (10.0, 10.0, None, false, false),
            (4.0, 5.0, None, true, false),
            (4.0, 5.0, Some(false), true, true),
            (4.0, 10.0, None, true, true),
            (4.0, 10.0, Some(true), true, false),
        ];
        for &(saved, fix, checked, asked, warned) in cases {
            let mut debt = episode();
            debt.saved = d(saved, Days);
            debt.fix_cost = Some(d(fix, Days));
            let proposal = Proposal {
                estimates_checked: checked,
                ..Proposal::default()
            };
            let finding = assess(&debt, &proposal, &calendar());
            let case = format!("{saved} against {fix}, checked {checked:?}");
            assert_eq!(finding.facts["estimates_differ"], json!(asked), "{case}");
            assert_eq!(
                finding.warnings.contains(&"saving-differs-from-fix"),
                warned,
                "{case}"
            );
        }
    }

    /// (name, debt, slowed, cost in working days, break-even feature, within the period)
    type Case = (&'static str, Debt, u64, f64, Option<u64>, bool);

    fn cases() -> Vec<Case> {
        vec![
            // 9 of 12 monthly features start at month 3 or later; 30% of 10 working days
            // is 3 days extra each.
            ("episode", episode(), 9, 27.0, Some(4), true),
            (
                "zero slowdown",
                with(|d| d.slowdown_percent = 0.0),
                9,
                0.0,
                None,
                false,
            ),
            (
                "after the period",
                with(|d| d.starts_in = Duration::new(18.0, Months)),
                0,
                0.0,
                Some(4),
                false,
            ),
            (
                "exactly at the end",
                with(|d| d.starts_in = Duration::new(12.0, Months)),
                0,
                0.0,
                Some(4),
                false,
            ),
            (
                "starts now",
                with(|d| d.starts_in = Duration::new(0.0, Days)),
                12,
                36.0,
                Some(4),
                true,
            ),
            (
                "nothing planned",
                with(|d| d.features = 0),
                0,
                0.0,
                Some(4),
                false,
            ),
            (
                "saves nothing",
                with(|d| d.saved = Duration::new(0.0, Days)),
                9,
                27.0,
                Some(1),
                true,
            ),
            (
                "100% slower",
                with(|d| d.slowdown_percent = 100.0),
                9,
                90.0,
                Some(1),
                true,
            ),
            // 6 features, the saving outlasts them: no break-even inside the plan.
            (
                "few features",
                with(|d| {
                    d.features = 6;
                    d.slowdown_percent = 5.0;
                }),
                4,
                2.0,
                Some(20),
                false,
            ),
            // A month from Thursday 26 November is Saturday 26 December: the slowdown and
            // the second feature both start on Monday 28 December, so it is slowed.
            (
                "weekend start",
                with(|d| {
                    d.starts_in = Duration::new(1.0, Months);
                    d.features = 6;
                    d.period = Duration::new(6.0, Months);
                }),
                5,
                15.0,
                Some(4),
                true,
            ),
        ]
    }

    #[test]
    fn cost_and_break_even_table() {
        for (name, debt, slowed, cost_days, feature, within) in cases() {
            let c = cost(&debt, &calendar());
            assert_eq!(c.slowed, slowed, "{name}");
            assert!((c.cost_days - cost_days).abs() < 1e-9, "{name}: {c:?}");
            assert_eq!(c.break_even.map(|b| b.feature), feature, "{name}");
            assert_eq!(
                c.break_even.is_some_and(|b| b.within_period),
                within,
                "{name}"
            );
        }
    }

    #[test]
    fn the_episode_example_in_weeks_and_days_as_people_say_them() {
        let finding = assessed(&episode());
        assert_eq!(finding.verdict, "fix-now");
        assert_eq!(finding.fact_str("unit"), Some("weeks"));
        assert_eq!(finding.fact_str("saved"), Some("2 weeks"));
        // Not "5.4 weeks" nor "0.6 weeks": a part of a week that is not a half is in days.
        assert_eq!(finding.fact_str("cost"), Some("27 days"));
        assert_eq!(finding.fact_str("extra_per_feature"), Some("3 days"));
        assert_eq!(finding.fact_str("spacing"), Some("30 calendar days"));
        assert_eq!(finding.facts["slowed"], json!(9));
        assert_eq!(finding.fact_str("starts_on"), Some("2027-02-24"));
        // Three features a quarter, 3 days extra each, after the plan.
        assert_eq!(finding.fact_str("features_per_quarter"), Some("3"));
        assert_eq!(finding.fact_str("per_quarter"), Some("9 days"));
        // The 4th slowed feature is the 7th planned: it starts on 25 May and takes 13
        // working days, so the saving is used up in mid-June.
        assert_eq!(finding.facts["break_even"]["overall"], json!(7));
        assert_eq!(
            finding.facts["break_even"]["done_text"],
            json!("mid-June 2027")
        );
        // Fixing it now: the review comes when the 10 working days of the fix are done.
        assert_eq!(finding.fact_str("review_by"), Some("2026-12-10"));
        assert!(finding.warnings.is_empty());
    }

    /// The manager's case: 20% of a 3-week feature is 3 days, not 4.2, and 5 slowed
    /// features cost 15 days; a saving given in days keeps the record in days.
    #[test]
    fn a_week_of_work_is_five_working_days() {
        let debt = Debt {
            saved: d(4.0, Days),
            fix_cost: Some(d(2.0, Weeks)),
            starts_in: d(1.0, Months),
            slowdown_percent: 20.0,
            period: d(6.0, Months),
            features: 6,
            feature_time: d(3.0, Weeks),
            today: date(2026, 12, 1),
        };
        let finding = assessed(&debt);
        assert_eq!(finding.fact_str("unit"), Some("days"));
        assert_eq!(finding.fact_str("extra_per_feature"), Some("3 days"));
        assert_eq!(finding.fact_str("cost"), Some("15 days"));
        assert_eq!(finding.fact_str("fix_cost"), Some("10 days"));
        assert_eq!(finding.fact_str("feature_time"), Some("15 days"));
        assert_eq!(finding.warnings, ["saving-differs-from-fix"]);
    }

    /// Amounts under a week are not stated in weeks: the saving was 2 weeks, but the
    /// shortcut costs 2 days over the plan, so the record counts days.
    #[test]
    fn small_amounts_are_stated_in_days() {
        let finding = assessed(&with(|d| {
            d.features = 6;
            d.slowdown_percent = 5.0;
        }));
        assert_eq!(finding.verdict, "shortcut-pays");
        assert_eq!(finding.fact_str("unit"), Some("days"));
        assert_eq!(finding.fact_str("saved"), Some("10 days"));
        assert_eq!(finding.fact_str("cost"), Some("2 days"));
        assert_eq!(finding.fact_str("extra_per_feature"), Some("0.5 days"));
        assert_eq!(finding.facts["break_even"]["overall"], json!(null));
        assert_eq!(finding.facts["break_even"]["done_text"], json!(null));
    }

    #[test]
    fn a_shortcut_is_fixed_before_the_slowdown_and_reviewed_when_the_fix_must_start() {
        let proposal = Proposal {
            choice: Some("shortcut"),
            why: Some("the January release cannot move."),
            deliberate: Some("prudent"),
            estimates_checked: None,
        };
        let finding = assess(&episode(), &proposal, &calendar());
        assert_eq!(finding.warnings, ["proposal-against-numbers"]);
        assert_eq!(
            finding.fact_str("why"),
            Some("the January release cannot move")
        );
        // The slowdown starts on Wednesday 24 February; 10 working days of fix end the day
        // before and start on Wednesday 10 February.
        assert_eq!(finding.fact_str("fix_done_by"), Some("2027-02-23"));
        assert_eq!(finding.fact_str("fix_start_by"), Some("2027-02-10"));
        assert_eq!(finding.fact_str("review_by"), Some("2027-02-10"));
        let late = assess(
            &with(|d| d.starts_in = Duration::new(1.0, Weeks)),
            &proposal,
            &calendar(),
        );
        assert!(late.warnings.contains(&"no-time-to-fix-first"));
        assert_eq!(late.fact_str("review_by"), Some("2026-11-26"));
    }

    #[test]
    fn verdicts_follow_the_numbers() {
        for (name, debt, _, _, _, _) in cases() {
            let finding = assessed(&debt);
            assert!(FRAMEWORK.verdict(finding.verdict).is_some(), "{name}");
        }
        let verdict = |change: fn(&mut Debt)| assessed(&with(change)).verdict;
        assert_eq!(verdict(|_| {}), "fix-now");
        assert_eq!(verdict(|d| d.slowdown_percent = 0.0), "no-slowdown");
        assert_eq!(
            verdict(|d| d.starts_in = Duration::new(2.0, Years)),
            "no-cost-in-period"
        );
        assert_eq!(verdict(|d| d.slowdown_percent = 5.0), "shortcut-pays");
        // Equal cost and saving: keep the speed.
        assert_eq!(verdict(|d| d.saved = Duration::new(27.0, Days)), "fix-now");
    }

    #[test]
    fn no_slowdown_is_reviewed_at_the_end_of_the_plan() {
        let finding = assess(
            &with(|d| d.slowdown_percent = 0.0),
            &Proposal::default(),
            &calendar(),
        );
        assert_eq!(finding.fact_str("proposal"), Some("shortcut"));
        // 12 months of 30 days from Thursday 26 November 2026: Monday 22 November 2027.
        assert_eq!(finding.fact_str("review_by"), Some("2027-11-22"));
    }

    #[test]
    fn impossible_inputs_are_named() {
        let warnings = |change: fn(&mut Debt)| assessed(&with(change)).warnings;
        assert_eq!(
            warnings(|d| d.fix_cost = Some(Duration::new(4.0, Days))),
            ["saving-differs-from-fix"]
        );
        assert_eq!(
            warnings(|d| d.saved = Duration::new(2.0, Years)),
            ["saving-differs-from-fix", "saves-more-than-period"]
        );
        assert_eq!(
            warnings(|d| d.feature_time = Duration::new(2.0, Years)),
            ["feature-longer-than-period"]
        );
    }
}
