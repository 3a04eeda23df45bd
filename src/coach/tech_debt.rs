//! Technical debt in business terms: "If we take this shortcut now, it'll save us 2 weeks.
//! But in 3 months, it'll slow down every new feature by 30%."
//!
//! The model, stated in the record so anyone can check it:
//! * the features planned for the period start at even intervals from today;
//! * each one that starts once the slowdown has begun takes `slowdown`% longer; work that
//!   starts before the slowdown is not counted;
//! * the cost of the shortcut over the period is that extra time, summed;
//! * the break-even is the slowed feature by which the extra time has used up what the
//!   shortcut saved: the k-th, with k = ⌈saved ÷ extra per feature⌉, if the period has it;
//! * after the period the slowdown goes on costing, at the plan's pace, per quarter.
//!
//! Every amount of time is stated in the unit the saving was given in, so amounts that are
//! compared or added always share a unit.

use chrono::NaiveDate;
use serde_json::json;

use super::units::{add_days, ceil_whole, human_date, in_unit, in_unit_or_readable, iso, ordinal};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::{Duration, Kind};

/// Days in a quarter, for the cost that recurs after the plan (a year is 365 days).
const QUARTER_DAYS: f64 = 365.0 / 4.0;

const SAVED: Input = Input {
    name: "saved",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: true,
    about: "the time the shortcut saves now",
    values: &[],
};
const FIX_COST: Input = Input {
    name: "fix_cost",
    accepts: Accepts::Question(&[Kind::Duration]),
    required: false,
    about: "how long the proper fix takes now (checked against the saving)",
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
    about: "how long a typical feature takes today",
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
    ],
    facts: &[
        "recommendation",
        "saved",
        "fix_cost",
        "starts_in",
        "starts_on",
        "starts_on_text",
        "slowdown",
        "period",
        "features",
        "feature_time",
        "slowed_time",
        "spacing",
        "first_slowed",
        "first_slowed_ordinal",
        "slowed",
        "starts_after_period",
        "extra_per_feature",
        "cost",
        "costs_more",
        "net",
        "per_quarter",
        "per_week",
        "break_even",
        "deliberate",
        "proposal",
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
    ],
    run,
};

/// What the lead told us about the shortcut.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Debt {
    /// Time the shortcut saves now.
    pub saved: Duration,
    /// How long the proper fix takes now, when asked.
    pub fix_cost: Option<Duration>,
    /// From now until the slowdown starts.
    pub starts_in: Duration,
    /// How much longer each new feature takes once it has started, in percent.
    pub slowdown_percent: f64,
    /// The planning period the features are spread over.
    pub period: Duration,
    /// Features planned over the period.
    pub features: u64,
    /// How long a typical feature takes today.
    pub feature_time: Duration,
    pub today: NaiveDate,
}

/// The computed cost, in days; [`assess`] states it in the saving's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cost {
    /// Days between two feature starts; `None` with no features planned.
    pub spacing_days: Option<f64>,
    /// Index (from 0) of the first feature that starts after the slowdown begins.
    pub first_slowed: u64,
    /// Features in the period that start after the slowdown begins.
    pub slowed: u64,
    pub extra_per_feature_days: f64,
    pub cost_days: f64,
    /// What the slowdown keeps costing after the period, per quarter, at the plan's pace.
    pub per_quarter_days: f64,
    pub break_even: Option<BreakEven>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BreakEven {
    /// The k-th slowed feature, counting from 1, by which the saving is used up.
    pub feature: u64,
    /// When that feature is done, in days from today; `None` with no features planned.
    pub after_days: Option<f64>,
    /// Whether that happens within the planning period.
    pub within_period: bool,
}

pub(crate) fn cost(debt: &Debt) -> Cost {
    let period_days = debt.period.days();
    let starts_days = debt.starts_in.days();
    let spacing_days = (debt.features > 0).then(|| period_days / debt.features as f64);
    // Feature i starts at i × spacing; it is slowed when that is at or after the start of
    // the slowdown. With no spacing (nothing planned) nothing is slowed.
    let first_slowed = match spacing_days {
        Some(spacing) if spacing > 0.0 => ceil_whole(starts_days / spacing).min(debt.features),
        Some(_) if starts_days <= 0.0 => 0,
        Some(_) | None => debt.features,
    };
    let slowed = debt.features - first_slowed;
    let extra_per_feature_days = debt.feature_time.days() * debt.slowdown_percent / 100.0;
    let cost_days = slowed as f64 * extra_per_feature_days;
    let per_quarter_days = match spacing_days {
        Some(spacing) if spacing > 0.0 => QUARTER_DAYS / spacing * extra_per_feature_days,
        _ => 0.0,
    };
    let break_even = (extra_per_feature_days > 0.0).then(|| {
        let feature = ceil_whole(debt.saved.days() / extra_per_feature_days).max(1);
        let after_days = spacing_days.map(|spacing| {
            (first_slowed + feature - 1) as f64 * spacing
                + debt.feature_time.days() * (1.0 + debt.slowdown_percent / 100.0)
        });
        BreakEven {
            feature,
            after_days,
            within_period: feature <= slowed,
        }
    });
    Cost {
        spacing_days,
        first_slowed,
        slowed,
        extra_per_feature_days,
        cost_days,
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
    let finding = assess(&debt);
    let deliberate = inputs.text(&DELIBERATE);
    let recommendation = finding.facts["recommendation"].as_str().unwrap_or_default();
    let proposal = inputs.text(&PROPOSAL).unwrap_or(recommendation).to_string();
    let against = proposal != recommendation;
    let mut finding = finding
        .warn((deliberate == Some("reckless")).then_some("reckless"))
        .warn(against.then_some("proposal-against-numbers"));
    finding.facts.insert("deliberate".into(), json!(deliberate));
    finding.facts.insert("proposal".into(), json!(proposal));
    Some(finding)
}

pub(crate) fn assess(debt: &Debt) -> Finding {
    let c = cost(debt);
    // Amounts of time are stated in the saving's unit, so they compare at a glance.
    let unit = debt.saved.unit;
    let costs_more = c.cost_days >= debt.saved.days() && c.cost_days > 0.0;
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
    let starts_on = add_days(debt.today, ceil_whole(debt.starts_in.days()) as i64);
    let break_even_after = c
        .break_even
        .and_then(|b| b.after_days)
        .map(|days| in_unit_or_readable(days, debt.starts_in.unit));
    let mut warnings = Vec::new();
    if let Some(fix) = debt.fix_cost
        && (fix.days() - debt.saved.days()).abs() > debt.saved.days().max(fix.days()) * 0.25
    {
        warnings.push("saving-differs-from-fix");
    }
    if debt.saved.days() > debt.period.days() {
        warnings.push("saves-more-than-period");
    }
    if debt.features > 0 && debt.feature_time.days() > debt.period.days() {
        warnings.push("feature-longer-than-period");
    }
    let facts = json!({
        "recommendation": recommendation,
        "saved": debt.saved.to_string(),
        "fix_cost": debt.fix_cost.map(|d| d.to_string()),
        "starts_in": debt.starts_in.to_string(),
        "starts_on": iso(starts_on),
        "starts_on_text": human_date(starts_on, debt.today),
        "slowdown": debt.slowdown_percent,
        "period": debt.period.to_string(),
        "features": debt.features,
        "feature_time": debt.feature_time.to_string(),
        "slowed_time": in_unit(
            debt.feature_time.days() * (1.0 + debt.slowdown_percent / 100.0),
            debt.feature_time.unit,
        ).to_string(),
        "spacing": c.spacing_days.map(|days| in_unit_or_readable(days, debt.period.unit).to_string()),
        "first_slowed": c.first_slowed + 1,
        "first_slowed_ordinal": ordinal(c.first_slowed + 1),
        "slowed": c.slowed,
        "starts_after_period": debt.starts_in.days() >= debt.period.days(),
        "extra_per_feature": in_unit(c.extra_per_feature_days, unit).to_string(),
        "cost": in_unit(c.cost_days, unit).to_string(),
        "costs_more": costs_more,
        "net": in_unit((c.cost_days - debt.saved.days()).abs(), unit).to_string(),
        "per_quarter": in_unit(c.per_quarter_days, unit).to_string(),
        "per_week": in_unit(c.per_quarter_days / 13.0, unit).to_string(),
        "break_even": c.break_even.map(|b| json!({
            "feature": b.feature,
            "ordinal": ordinal(b.feature),
            "overall": b.within_period.then_some(c.first_slowed + b.feature),
            "overall_ordinal": b.within_period.then(|| ordinal(c.first_slowed + b.feature)),
            "after": b.within_period.then(|| break_even_after.map(|d| d.to_string())).flatten(),
            "within_period": b.within_period,
        })),
        "deliberate": null,
        "proposal": recommendation,
        "review_by": iso(starts_on),
        "review_by_text": human_date(starts_on, debt.today),
    });
    Finding::new(verdict, facts).warn(warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Unit::{self, *};

    fn d(amount: f64, unit: Unit) -> Duration {
        Duration::new(amount, unit)
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
            today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        }
    }

    /// (name, debt, slowed, cost in days, break-even feature, within the period)
    type Case = (&'static str, Debt, u64, f64, Option<u64>, bool);

    fn cases() -> Vec<Case> {
        let with = |change: fn(&mut Debt)| {
            let mut debt = episode();
            change(&mut debt);
            debt
        };
        vec![
            // 9 of 12 monthly features start at month 3 or later; 0.6 weeks extra each.
            ("episode", episode(), 9, 9.0 * 4.2, Some(4), true),
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
                12.0 * 4.2,
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
                9.0 * 4.2,
                Some(1),
                true,
            ),
            (
                "100% slower",
                with(|d| d.slowdown_percent = 100.0),
                9,
                9.0 * 14.0,
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
                4.0 * 0.7,
                Some(20),
                false,
            ),
        ]
    }

    #[test]
    fn cost_and_break_even_table() {
        for (name, debt, slowed, cost_days, feature, within) in cases() {
            let c = cost(&debt);
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
    fn the_episode_example_in_one_unit() {
        let finding = assess(&episode());
        assert_eq!(finding.verdict, "fix-now");
        assert_eq!(finding.fact_str("cost"), Some("5.4 weeks"));
        assert_eq!(finding.fact_str("extra_per_feature"), Some("0.6 weeks"));
        assert_eq!(finding.fact_str("spacing"), Some("1 month"));
        assert_eq!(finding.facts["slowed"], json!(9));
        assert_eq!(finding.fact_str("starts_on"), Some("2027-02-24"));
        // One feature a month, 0.6 weeks extra each: 1.8 weeks a quarter after the plan.
        assert_eq!(finding.fact_str("per_quarter"), Some("1.8 weeks"));
        // The 4th slowed feature is the 7th planned; it is done 6.6 months from now.
        assert_eq!(finding.facts["break_even"]["overall"], json!(7));
        assert_eq!(finding.facts["break_even"]["after"], json!("6.6 months"));
        assert!(finding.warnings.is_empty());
    }

    #[test]
    fn a_break_even_outside_the_plan_names_no_feature_of_it() {
        let debt = Debt {
            features: 6,
            slowdown_percent: 5.0,
            ..episode()
        };
        let finding = assess(&debt);
        assert_eq!(finding.verdict, "shortcut-pays");
        assert_eq!(finding.facts["break_even"]["overall"], json!(null));
        assert_eq!(finding.facts["break_even"]["after"], json!(null));
    }

    #[test]
    fn verdicts_follow_the_numbers() {
        for (name, debt, _, _, _, _) in cases() {
            let finding = assess(&debt);
            assert!(FRAMEWORK.verdict(finding.verdict).is_some(), "{name}");
        }
        let verdict = |change: fn(&mut Debt)| {
            let mut debt = episode();
            change(&mut debt);
            assess(&debt).verdict
        };
        assert_eq!(verdict(|_| {}), "fix-now");
        assert_eq!(verdict(|d| d.slowdown_percent = 0.0), "no-slowdown");
        assert_eq!(
            verdict(|d| d.starts_in = Duration::new(2.0, Years)),
            "no-cost-in-period"
        );
        assert_eq!(verdict(|d| d.slowdown_percent = 5.0), "shortcut-pays");
        // Equal cost and saving: keep the speed.
        assert_eq!(
            verdict(|d| d.saved = Duration::new(9.0 * 4.2, Days)),
            "fix-now"
        );
    }

    #[test]
    fn impossible_inputs_are_named() {
        let warnings = |change: fn(&mut Debt)| {
            let mut debt = episode();
            change(&mut debt);
            assess(&debt).warnings
        };
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
