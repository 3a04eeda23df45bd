//! The 70% rule: "If you have 70% of the information you need, make the decision."
//! Coverage is what you have over what you wish you had. Below 70%, a two-way door is decided
//! anyway with the gaps written down as assumptions; a one-way door gets a time-boxed
//! investigation of exactly the missing items.

use chrono::NaiveDate;
use serde_json::json;

use super::door::{Door, add_days};
use super::{Assessment, ReviewPeriods, percent_floor};

pub(crate) const FRAMEWORK: &str = "information";
pub(crate) const TITLE: &str = "The 70% information rule";

/// The rule's threshold, as a fraction: have / wished >= 7 / 10.
pub(crate) const THRESHOLD_PERCENT: usize = 70;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    DecideNow,
    DecideWithAssumptions,
    Investigate,
}

impl Verdict {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Verdict::DecideNow => "decide-now",
            Verdict::DecideWithAssumptions => "decide-with-assumptions",
            Verdict::Investigate => "investigate",
        }
    }
}

/// `door` is `None` while the door is not yet classified; that is treated like a one-way
/// door, because deciding early is only safe when it is cheap to reverse.
pub(crate) fn assess(
    wished: &[String],
    have: &[String],
    door: Option<Door>,
    periods: &ReviewPeriods,
    today: NaiveDate,
) -> Assessment {
    let have_count = wished.iter().filter(|item| have.contains(item)).count();
    let missing: Vec<String> = wished
        .iter()
        .filter(|item| !have.contains(item))
        .cloned()
        .collect();
    let percent = percent_floor(have_count, wished.len());
    let enough = have_count * 100 >= wished.len() * THRESHOLD_PERCENT;
    let share = format!(
        "{have_count} of the {} things you wish you knew ({percent}%)",
        wished.len()
    );

    let (verdict, headline, reasoning, passages): (Verdict, String, String, Vec<&'static str>) =
        if wished.is_empty() {
            (
                Verdict::DecideNow,
                "Nothing missing: decide now".into(),
                "You listed nothing you wish you knew, so there is nothing to wait for. \
                 Waiting costs more than a slightly imperfect decision."
                    .into(),
                vec!["seventy-percent-rule", "cost-of-delay"],
            )
        } else if enough {
            (
                Verdict::DecideNow,
                format!("{percent}% of what you wish you knew: decide now"),
                format!(
                    "You have {share}: at or above 70% is enough. \
                     Waiting for 100% means waiting too long."
                ),
                vec!["seventy-percent-rule", "cost-of-delay"],
            )
        } else if door == Some(Door::TwoWay) {
            (
                Verdict::DecideWithAssumptions,
                format!("{percent}% on a two-way door: decide anyway, record assumptions"),
                format!(
                    "You have {share}, below 70%, but the decision is cheap to reverse. \
                     Decide now and write the {} missing item{} down as assumptions to check.",
                    missing.len(),
                    plural(missing.len())
                ),
                vec![
                    "seventy-percent-rule",
                    "reversible-quickly",
                    "wrong-call-ok",
                ],
            )
        } else {
            let deadline = add_days(today, periods.investigation_days);
            (
                Verdict::Investigate,
                format!(
                    "{percent}% on a one-way door: investigate until {}, then decide",
                    deadline.format("%Y-%m-%d")
                ),
                format!(
                    "You have {share}, below 70%, and the decision is hard to reverse. \
                     Time-box the investigation to the {} missing item{}, then decide.",
                    missing.len(),
                    plural(missing.len())
                ),
                vec![
                    "seventy-percent-rule",
                    "reversible-quickly",
                    "cost-of-delay",
                ],
            )
        };

    let timebox = add_days(today, periods.investigation_days)
        .format("%Y-%m-%d")
        .to_string();
    let facts = json!({
        "advice": verdict.key(),
        "wished": wished.len(),
        "have": have_count,
        "coverage": if wished.is_empty() { None } else { Some(percent) },
        "missing": missing,
        "assumptions": if verdict == Verdict::DecideWithAssumptions { missing.clone() } else { vec![] },
        "investigate_until": if verdict == Verdict::Investigate { Some(timebox) } else { None },
    });
    Assessment::new(FRAMEWORK, TITLE, headline, reasoning, passages, facts)
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("item {i}")).collect()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// (wished, have, door, verdict, coverage shown)
    type Row = (usize, usize, Option<Door>, Verdict, Option<u32>);

    #[rustfmt::skip]
    const VERDICTS: &[Row] = &[
        // No items: nothing to wait for, whatever the door.
        (0, 0, Some(Door::OneWay), Verdict::DecideNow, None),
        (0, 0, Some(Door::TwoWay), Verdict::DecideNow, None),
        (0, 0, None,               Verdict::DecideNow, None),
        // All items.
        (4, 4, Some(Door::OneWay), Verdict::DecideNow, Some(100)),
        (1, 1, None,               Verdict::DecideNow, Some(100)),
        // Exactly 70% decides now.
        (10, 7, Some(Door::OneWay), Verdict::DecideNow, Some(70)),
        (10, 7, Some(Door::TwoWay), Verdict::DecideNow, Some(70)),
        // Just below: 69.0% and 66.6% (shown rounded down, never as 70%).
        (100, 69, Some(Door::OneWay), Verdict::Investigate, Some(69)),
        (3, 2, Some(Door::TwoWay), Verdict::DecideWithAssumptions, Some(66)),
        (3, 2, Some(Door::OneWay), Verdict::Investigate, Some(66)),
        (3, 2, None,               Verdict::Investigate, Some(66)),
        (5, 4, Some(Door::OneWay), Verdict::DecideNow, Some(80)),
        (1, 0, Some(Door::TwoWay), Verdict::DecideWithAssumptions, Some(0)),
        (1, 0, Some(Door::OneWay), Verdict::Investigate, Some(0)),
    ];

    #[test]
    fn verdict_table() {
        for &(wished, have, door, verdict, coverage) in VERDICTS {
            let wished_items = items(wished);
            let have_items: Vec<String> = wished_items[..have].to_vec();
            let result = assess(
                &wished_items,
                &have_items,
                door,
                &ReviewPeriods::default(),
                today(),
            );
            let case = format!("{have}/{wished} {door:?}");
            assert_eq!(result.fact_str("advice"), Some(verdict.key()), "{case}");
            assert_eq!(result.facts["coverage"], json!(coverage), "{case}");
            assert!(result.passages.contains(&"seventy-percent-rule"), "{case}");
            let missing = result.facts["missing"].as_array().unwrap().len();
            assert_eq!(missing, wished - have, "{case}");
        }
    }

    #[test]
    fn investigation_lists_exactly_the_missing_items_and_a_date() {
        let wished = vec![
            "peak load".to_string(),
            "licence cost".into(),
            "team skills".into(),
        ];
        let have = vec!["team skills".to_string()];
        let result = assess(
            &wished,
            &have,
            Some(Door::OneWay),
            &ReviewPeriods::default(),
            today(),
        );
        assert_eq!(
            result.facts["missing"],
            json!(["peak load", "licence cost"])
        );
        assert_eq!(result.fact_str("investigate_until"), Some("2026-12-10"));
        assert!(
            result.verdict.contains("until 2026-12-10"),
            "{}",
            result.verdict
        );
        assert_eq!(result.facts["assumptions"], json!([]));
    }

    #[test]
    fn two_way_gaps_become_assumptions() {
        let wished = vec!["peak load".to_string(), "licence cost".into()];
        let result = assess(
            &wished,
            &[],
            Some(Door::TwoWay),
            &ReviewPeriods::default(),
            today(),
        );
        assert_eq!(
            result.facts["assumptions"],
            json!(["peak load", "licence cost"])
        );
        assert!(result.facts["investigate_until"].is_null());
    }

    #[test]
    fn items_you_have_but_did_not_wish_for_do_not_count() {
        let wished = vec!["a".to_string(), "b".into()];
        let have = vec!["a".to_string(), "z".into()];
        let result = assess(
            &wished,
            &have,
            Some(Door::OneWay),
            &ReviewPeriods::default(),
            today(),
        );
        assert_eq!(result.facts["have"], json!(1));
    }
}
