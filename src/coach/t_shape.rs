//! Depth and breadth, the T-shape: "You need to understand databases, deployments,
//! security, frontend, backend, and infrastructure well enough to make architectural
//! decisions and evaluate your team's work." How deep is deep enough? "Deep enough to ask
//! good questions and recognize bad answers."
//!
//! The lead rates each of the six areas (and any of their own) from 1 to 5, where 3 is
//! deep enough. Below it is a gap; the verdict picks the one to work on first (the
//! shallowest, and of equals the one named first), asks for one question the lead wants
//! to be able to ask there, and sets a date to look again.

use chrono::NaiveDate;
use serde_json::json;

use super::units::{add_days, human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict};
use crate::answer::Kind;

/// The areas the episode names, in its order.
pub(crate) const AREAS: [&str; 6] = [
    "databases",
    "deployments",
    "security",
    "frontend",
    "backend",
    "infrastructure",
];
/// Deep enough to ask good questions and recognise bad answers.
pub(crate) const DEEP_ENOUGH: f64 = 3.0;
/// From this depth an area is expertise: the vertical bar of the T.
pub(crate) const EXPERTISE: f64 = 4.0;
/// Look again after six weeks of working on the gap.
pub(crate) const REVIEW_AFTER_DAYS: i64 = 42;

const DEPTH: Input = Input {
    name: "depth",
    accepts: Accepts::Question(&[Kind::Number]),
    required: true,
    about: "how deep the lead is in each area, 1 to 5, asked for each area",
    values: &[],
};
const QUESTION: Input = Input {
    name: "question",
    accepts: Accepts::Question(&[Kind::Text, Kind::LongText]),
    required: false,
    about: "one question the lead wants to be able to ask in the area to work on",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "t-shape",
    title: "Depth and breadth: the T-shape",
    inputs: &[DEPTH, QUESTION],
    facts: &[
        "areas",
        "gaps",
        "deep",
        "focus",
        "focus_depth",
        "question",
        "review_by",
        "review_by_text",
    ],
    verdicts: &[
        Verdict {
            id: "work-on",
            stance: Stance::Decided,
            passage: "deep-enough",
            also: &["t-shape-bars", "t-shaped"],
        },
        Verdict {
            id: "deep-enough",
            stance: Stance::Decided,
            passage: "t-shape-bars",
            also: &["deep-enough"],
        },
    ],
    warnings: &["no-vertical-bar"],
    run,
    keeps: &["areas", "gaps", "focus", "question"],
    refuse: None,
    waits: &[],
};

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    let depths = inputs.each_number(&DEPTH);
    // The six areas come first; until each has its rating, there is no T to judge.
    let rated = |area: &str| depths.iter().any(|(a, _)| a.eq_ignore_ascii_case(area));
    if !AREAS.iter().all(|area| rated(area)) {
        return None;
    }
    let today = inputs.today();
    let review = inputs
        .conditions
        .calendar
        .review_day(add_days(today, REVIEW_AFTER_DAYS));
    Some(assess(&depths, inputs.text(&QUESTION), today, review))
}

/// `depths` in the order asked (the episode's areas, then the lead's own).
pub(crate) fn assess(
    depths: &[(String, f64)],
    question: Option<&str>,
    today: NaiveDate,
    review: NaiveDate,
) -> Finding {
    let mut gaps: Vec<&(String, f64)> = depths.iter().filter(|(_, d)| *d < DEEP_ENOUGH).collect();
    // Shallowest first; a stable sort keeps equals in the order they were named.
    gaps.sort_by(|a, b| a.1.total_cmp(&b.1));
    let focus = gaps.first();
    let deep: Vec<&str> = depths
        .iter()
        .filter(|(_, d)| *d >= EXPERTISE)
        .map(|(a, _)| a.as_str())
        .collect();
    let verdict = if focus.is_some() {
        "work-on"
    } else {
        "deep-enough"
    };
    let facts = json!({
        "areas": depths.iter().map(|(area, depth)| json!({ "area": area, "depth": depth })).collect::<Vec<_>>(),
        "gaps": gaps.iter().map(|(a, _)| a).collect::<Vec<_>>(),
        "deep": deep,
        "focus": focus.map(|(a, _)| a),
        "focus_depth": focus.map(|(_, d)| d),
        "question": question.map(|q| q.trim()),
        "review_by": iso(review),
        "review_by_text": human_date(review, today),
    });
    Finding::new(verdict, facts).warn(deep.is_empty().then_some("no-vertical-bar"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn depths(ratings: &[(&str, f64)]) -> Vec<(String, f64)> {
        ratings.iter().map(|(a, d)| (a.to_string(), *d)).collect()
    }

    /// (ratings, verdict, area to work on first, gaps)
    type Row<'a> = (
        &'a [(&'a str, f64)],
        &'a str,
        Option<&'a str>,
        &'a [&'a str],
    );

    #[test]
    fn the_shallowest_gap_comes_first() {
        #[rustfmt::skip]
        let rows: &[Row<'_>] = &[
            (&[("databases", 3.0), ("security", 2.0), ("frontend", 1.0), ("backend", 5.0)],
                "work-on", Some("frontend"), &["frontend", "security"]),
            (&[("databases", 2.0), ("security", 2.0), ("backend", 5.0)],
                "work-on", Some("databases"), &["databases", "security"]),
            (&[("databases", 3.0), ("security", 3.0), ("backend", 4.0)],
                "deep-enough", None, &[]),
            (&[("databases", 3.0), ("payments", 1.0), ("backend", 4.0)],
                "work-on", Some("payments"), &["payments"]),
        ];
        for &(ratings, verdict, focus, gaps) in rows {
            let finding = assess(&depths(ratings), None, today(), today());
            assert_eq!(finding.verdict, verdict, "{ratings:?}");
            assert_eq!(finding.fact_str("focus"), focus, "{ratings:?}");
            assert_eq!(finding.facts["gaps"], json!(gaps), "{ratings:?}");
        }
    }

    #[test]
    fn a_t_without_a_vertical_bar_is_named() {
        let finding = assess(
            &depths(&[("databases", 3.0), ("backend", 3.0)]),
            Some("  How would we restore yesterday's backup?  "),
            today(),
            today(),
        );
        assert_eq!(finding.warnings, ["no-vertical-bar"]);
        assert_eq!(
            finding.fact_str("question"),
            Some("How would we restore yesterday's backup?")
        );
    }
}
