//! The series' frameworks as pure functions. Each takes plain values and returns an
//! [`Assessment`]: a verdict, one or two sentences of reasoning, and the ids of the passages
//! that ground it. No I/O, no prompts: the session wires answers in, templates show the result.

pub(crate) mod deadline;
pub(crate) mod delegation;
pub(crate) mod disagreement;
pub(crate) mod door;
pub(crate) mod information;
pub(crate) mod registry;
pub(crate) mod say_no;
pub(crate) mod tech_debt;
pub(crate) mod units;
pub(crate) mod upward;

use serde::Serialize;
use serde_json::{Map, Value};

pub(crate) use registry::Inputs;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Assessment {
    /// The framework that produced it (`door-type`, `information`, …).
    pub framework: &'static str,
    /// The framework's name as a heading: "One-way or two-way door".
    pub title: &'static str,
    /// The short verdict: "Two-way door: decide fast".
    pub verdict: String,
    /// Why, in one or two plain sentences built from the user's own answers.
    pub reasoning: String,
    /// Passage ids from the library that ground this advice.
    pub passages: Vec<&'static str>,
    /// Values later questions, defaults and templates use (`door`, `review_by`, …).
    pub facts: Map<String, Value>,
}

impl Assessment {
    /// `facts` is a JSON object (from `json!({...})`); anything else counts as no facts.
    pub(crate) fn new(
        framework: &'static str,
        title: &'static str,
        verdict: String,
        reasoning: String,
        passages: Vec<&'static str>,
        facts: Value,
    ) -> Assessment {
        let facts = match facts {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        Assessment {
            framework,
            title,
            verdict,
            reasoning,
            passages,
            facts,
        }
    }

    pub(crate) fn fact_str(&self, key: &str) -> Option<&str> {
        self.facts.get(key).and_then(Value::as_str)
    }
}

/// How long after the decision a review should come due, by door type. Two-way doors are
/// cheap to change, so check them soon; one-way doors need time to show how they hold up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ReviewPeriods {
    pub two_way_days: i64,
    pub one_way_days: i64,
    /// How long a one-way decision below 70% may be investigated before deciding.
    pub investigation_days: i64,
}

impl Default for ReviewPeriods {
    fn default() -> Self {
        ReviewPeriods {
            two_way_days: 30,
            one_way_days: 90,
            investigation_days: 14,
        }
    }
}

/// Percent of `part` in `whole`, rounded down so 69.9% never shows as 70%.
pub(crate) fn percent_floor(part: usize, whole: usize) -> u32 {
    // Nothing wished for means nothing missing.
    (part * 100)
        .checked_div(whole)
        .map_or(100, |percent| percent as u32)
}
