//! Technical debt in business terms: "If we take this shortcut now, it'll save us 2 weeks.
//! But in 3 months, it'll slow down every new feature by 30%."
//!
//! The model, stated in the record so anyone can check it:
//! * the features planned for the period start at even intervals from today;
//! * each one that starts once the slowdown has begun takes `slowdown`% longer;
//! * the cost of the shortcut over the period is that extra time, summed;
//! * the break-even is the feature by which the extra time has used up what the shortcut
//!   saved: the k-th slowed feature, with k = ⌈saved ÷ extra per feature⌉.

use chrono::NaiveDate;
use serde_json::json;

use super::Assessment;
use super::door::add_days;
use super::units::{ceil_whole, human_date, in_unit, in_unit_or_readable, ordinal};
use crate::answer::Duration;

pub(crate) const FRAMEWORK: &str = "tech-debt";
pub(crate) const TITLE: &str = "Technical debt in business terms";

/// What the user told us about the shortcut.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Debt {
    /// Time the shortcut saves now.
    pub saved: Duration,
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

/// The computed cost, in days; [`assess`] states it in the user's units.
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
    pub break_even: Option<BreakEven>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BreakEven {
    /// The k-th slowed feature, counting from 1, by which the saving is used up.
    pub feature: u64,
    /// When that feature starts, in days from today; `None` with no features planned.
    pub starts_days: Option<f64>,
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
        Some(_) => {
            if starts_days <= 0.0 {
                0
            } else {
                debt.features
            }
        }
        None => 0,
    };
    let slowed = debt.features - first_slowed;
    let extra_per_feature_days = debt.feature_time.days() * debt.slowdown_percent / 100.0;
    let cost_days = slowed as f64 * extra_per_feature_days;
    let break_even = (extra_per_feature_days > 0.0).then(|| {
        let feature = ceil_whole(debt.saved.days() / extra_per_feature_days).max(1);
        let starts_days = spacing_days.map(|spacing| (first_slowed + feature - 1) as f64 * spacing);
        let after_days = starts_days
            .map(|start| start + debt.feature_time.days() * (1.0 + debt.slowdown_percent / 100.0));
        BreakEven {
            feature,
            starts_days,
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
        break_even,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Recommendation {
    FixNow,
    Shortcut,
}

impl Recommendation {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Recommendation::FixNow => "fix-now",
            Recommendation::Shortcut => "shortcut",
        }
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "split with the restructuring (issue 13)"
)]
pub(crate) fn assess(debt: &Debt) -> Assessment {
    let c = cost(debt);
    let saved = debt.saved;
    let period = debt.period;
    let starts_in = debt.starts_in;
    // The cost is stated in the unit of the saving, so the two compare at a glance.
    let cost_text = in_unit(c.cost_days, saved.unit);
    let extra = in_unit(c.extra_per_feature_days, debt.feature_time.unit);
    let spacing = c
        .spacing_days
        .map(|days| in_unit_or_readable(days, period.unit));
    let after = c
        .break_even
        .and_then(|b| b.after_days)
        .map(|days| in_unit_or_readable(days, starts_in.unit));
    let net = in_unit((c.cost_days - saved.days()).abs(), saved.unit);
    let costs_more = c.cost_days >= saved.days() && c.cost_days > 0.0;
    let break_even_text = match (c.break_even, after) {
        (Some(b), Some(after)) => format!(
            "The {saved} saved are used up by the {} slowed feature, about {after} from now{}.",
            ordinal(b.feature),
            if b.within_period {
                ""
            } else {
                ", after the period"
            }
        ),
        _ => String::new(),
    };

    let (recommendation, verdict, reasoning) = if c.extra_per_feature_days <= 0.0 {
        (
            Recommendation::Shortcut,
            "No slowdown: the shortcut costs nothing later".to_string(),
            format!(
                "With no extra time per feature, the shortcut saves {saved} and costs nothing \
                 over {period}. Take it, and write down that it is there."
            ),
        )
    } else if c.slowed == 0 {
        let why = if debt.features == 0 {
            "no features are planned in it".to_string()
        } else if starts_in.days() >= period.days() {
            format!("the slowdown starts in {starts_in}, after the {period} you are planning")
        } else {
            // The slowdown starts inside the period, but after the last planned feature
            // has started: name that, not a false "after the period".
            format!(
                "the slowdown starts in {starts_in}, after the last of the {} planned features has started",
                debt.features
            )
        };
        (
            Recommendation::Shortcut,
            "No cost within the period: take the shortcut, plan the fix".to_string(),
            format!(
                "Within the period the shortcut saves {saved} and costs nothing, because {why}. \
                 Plan the proper fix before the slowdown starts."
            ),
        )
    } else if costs_more {
        (
            Recommendation::FixNow,
            format!("Fix it now: the shortcut costs {cost_text} over {period}, more than it saves"),
            format!(
                "Every feature started after the first {starts_in} takes {extra} longer; {} of \
                 the {} planned do, about {cost_text} in all against the {saved} saved. \
                 {break_even_text}",
                c.slowed, debt.features
            ),
        )
    } else {
        (
            Recommendation::Shortcut,
            format!("The shortcut pays off over {period}: it saves {saved} and costs {cost_text}"),
            format!(
                "{} of the {} planned features start after the slowdown begins and take {extra} \
                 longer each, about {cost_text} in all: less than the {saved} saved. \
                 {break_even_text} Take it, and plan the proper fix before then.",
                c.slowed, debt.features
            ),
        )
    };

    let starts_on = add_days(debt.today, ceil_whole(starts_in.days()) as i64);
    let slowed_time = in_unit(
        debt.feature_time.days() * (1.0 + debt.slowdown_percent / 100.0),
        debt.feature_time.unit,
    );
    let facts = json!({
        "recommendation": recommendation.key(),
        "starts_on": starts_on.format("%Y-%m-%d").to_string(),
        "starts_on_text": human_date(starts_on, debt.today),
        "slowed_time": slowed_time.to_string(),
        "saved": saved.to_string(),
        "starts_in": starts_in.to_string(),
        "slowdown": debt.slowdown_percent,
        "period": period.to_string(),
        "features": debt.features,
        "feature_time": debt.feature_time.to_string(),
        "spacing": spacing.map(|d| d.to_string()),
        "first_slowed": c.first_slowed + 1,
        "first_slowed_ordinal": ordinal(c.first_slowed + 1),
        "slowed": c.slowed,
        "starts_after_period": starts_in.days() >= period.days(),
        "extra_per_feature": extra.to_string(),
        "cost": cost_text.to_string(),
        "costs_more": costs_more,
        "net": net.to_string(),
        "break_even": c.break_even.map(|b| json!({
            "feature": b.feature,
            "ordinal": ordinal(b.feature),
            "overall": c.first_slowed + b.feature,
            "overall_ordinal": ordinal(c.first_slowed + b.feature),
            "starts": b.starts_days.map(|days| in_unit_or_readable(days, period.unit).to_string()),
            "after": after.map(|d| d.to_string()),
            "within_period": b.within_period,
        })),
    });
    Assessment::new(
        FRAMEWORK,
        TITLE,
        verdict,
        reasoning.trim_end().to_string(),
        vec![
            "tech-debt-business-terms",
            "stakeholders-understand-time-money",
        ],
        facts,
    )
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
            starts_in: d(3.0, Months),
            slowdown_percent: 30.0,
            period: d(12.0, Months),
            features: 12,
            feature_time: d(2.0, Weeks),
            today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        }
    }

    #[test]
    #[expect(
        clippy::too_many_lines,
        reason = "split with the restructuring (issue 13)"
    )]
    fn cost_and_break_even_table() {
        // (debt, slowed, cost in days, break-even feature, within the period)
        type Case = (&'static str, Debt, u64, f64, Option<u64>, bool);
        let cases: Vec<Case> = vec![
            // 9 of 12 monthly features start at month 3 or later; 0.6 weeks extra each.
            ("episode", episode(), 9, 9.0 * 4.2, Some(4), true),
            (
                "zero slowdown",
                Debt {
                    slowdown_percent: 0.0,
                    ..episode()
                },
                9,
                0.0,
                None,
                false,
            ),
            (
                "slowdown starts after the period",
                Debt {
                    starts_in: d(18.0, Months),
                    ..episode()
                },
                0,
                0.0,
                Some(4),
                false,
            ),
            (
                "slowdown starts exactly when the period ends",
                Debt {
                    starts_in: d(12.0, Months),
                    ..episode()
                },
                0,
                0.0,
                Some(4),
                false,
            ),
            (
                "slowdown starts now",
                Debt {
                    starts_in: d(0.0, Days),
                    ..episode()
                },
                12,
                12.0 * 4.2,
                Some(4),
                true,
            ),
            (
                "no features planned",
                Debt {
                    features: 0,
                    ..episode()
                },
                0,
                0.0,
                Some(4),
                false,
            ),
            (
                "one feature, after the slowdown",
                Debt {
                    features: 1,
                    starts_in: d(0.0, Days),
                    ..episode()
                },
                1,
                4.2,
                Some(4),
                false,
            ),
            (
                "the shortcut saves nothing",
                Debt {
                    saved: d(0.0, Days),
                    ..episode()
                },
                9,
                9.0 * 4.2,
                Some(1),
                true,
            ),
            (
                "a 100% slowdown uses up the saving in one feature",
                Debt {
                    slowdown_percent: 100.0,
                    ..episode()
                },
                9,
                9.0 * 14.0,
                Some(1),
                true,
            ),
        ];
        for (name, debt, slowed, cost_days, feature, within) in cases {
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
    fn the_episode_example_in_the_users_units() {
        let result = assess(&episode());
        assert_eq!(result.fact_str("recommendation"), Some("fix-now"));
        assert_eq!(result.fact_str("cost"), Some("5.4 weeks"));
        assert_eq!(result.fact_str("extra_per_feature"), Some("0.6 weeks"));
        assert_eq!(result.fact_str("spacing"), Some("1 month"));
        assert_eq!(result.facts["slowed"], json!(9));
        assert_eq!(result.facts["first_slowed"], json!(4));
        assert_eq!(result.fact_str("starts_on"), Some("2027-02-24"));
        assert_eq!(result.fact_str("slowed_time"), Some("2.6 weeks"));
        // The 4th slowed feature is the 7th planned; it starts after 6 months.
        assert_eq!(result.facts["break_even"]["overall"], json!(7));
        assert_eq!(result.facts["break_even"]["starts"], json!("6 months"));
        // The 4th slowed feature starts at month 6 and is done 2.6 weeks later.
        assert_eq!(
            result.facts["break_even"]["after"],
            json!("6.6 months"),
            "{:?}",
            result.facts
        );
        assert!(
            result.verdict.starts_with("Fix it now"),
            "{}",
            result.verdict
        );
        assert!(result.reasoning.contains("4th slowed feature"));
        assert!(result.passages.contains(&"tech-debt-business-terms"));
    }

    #[test]
    fn verdicts_follow_the_numbers() {
        let cases: Vec<(&str, Debt, &str, &str)> = vec![
            ("episode", episode(), "fix-now", "Fix it now"),
            (
                "zero slowdown",
                Debt {
                    slowdown_percent: 0.0,
                    ..episode()
                },
                "shortcut",
                "No slowdown",
            ),
            (
                "after the period",
                Debt {
                    starts_in: d(2.0, Years),
                    ..episode()
                },
                "shortcut",
                "No cost within the period",
            ),
            (
                "a small slowdown pays off",
                Debt {
                    slowdown_percent: 5.0,
                    ..episode()
                },
                "shortcut",
                "The shortcut pays off",
            ),
            (
                "equal cost and saving: keep the speed",
                Debt {
                    saved: d(9.0 * 4.2, Days),
                    ..episode()
                },
                "fix-now",
                "Fix it now",
            ),
        ];
        for (name, debt, recommendation, verdict) in cases {
            let result = assess(&debt);
            assert_eq!(
                result.fact_str("recommendation"),
                Some(recommendation),
                "{name}"
            );
            assert!(
                result.verdict.starts_with(verdict),
                "{name}: {}",
                result.verdict
            );
            assert!(!result.reasoning.is_empty(), "{name}");
        }
    }

    #[test]
    fn a_slowdown_after_the_last_feature_starts_is_explained_as_such() {
        let inside = assess(&Debt {
            starts_in: d(11.5, Months),
            ..episode()
        });
        assert!(
            inside.verdict.starts_with("No cost within the period"),
            "{}",
            inside.verdict
        );
        assert!(
            inside
                .reasoning
                .contains("after the last of the 12 planned features has started"),
            "{}",
            inside.reasoning
        );
        assert!(
            !inside.reasoning.contains("after the 12 months"),
            "{}",
            inside.reasoning
        );
        let outside = assess(&Debt {
            starts_in: d(2.0, Years),
            ..episode()
        });
        assert!(
            outside
                .reasoning
                .contains("after the 12 months you are planning"),
            "{}",
            outside.reasoning
        );
    }

    #[test]
    fn no_features_means_no_break_even_date() {
        let result = assess(&Debt {
            features: 0,
            ..episode()
        });
        assert_eq!(result.facts["break_even"]["after"], json!(null));
        assert!(result.reasoning.contains("no features are planned"));
    }
}
