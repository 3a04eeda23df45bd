//! One outcome per run. A playbook's assessments are reconciled into a single outcome: its
//! stance (decided, a proposal, options offered, or an update), one headline, the reasons
//! from each framework, the warnings, the status, the review date and, for a proposal, the
//! date to decide by. The record's verdict block, its status and review date, and every
//! message are rendered from this one value, so they cannot disagree.

use chrono::NaiveDate;
use serde::Serialize;

use super::units::{human_date, iso};
use super::{Assessment, Warning};

/// What a run ended in, from least to most cautious: when assessments differ, the most
/// cautious one speaks for the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Stance {
    /// Nothing to decide: an update, a report.
    Inform,
    /// Decided now.
    Decided,
    /// Options offered: someone else chooses (a deadline negotiated).
    Options,
    /// Not decided yet: a proposal, an investigation, a disagreement still being settled.
    Proposal,
}

impl Stance {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Stance::Inform => "inform",
            Stance::Decided => "decided",
            Stance::Options => "options",
            Stance::Proposal => "proposal",
        }
    }

    /// The record status a stance gives.
    pub(crate) fn status(self) -> &'static str {
        match self {
            Stance::Inform | Stance::Decided => "accepted",
            Stance::Options | Stance::Proposal => "proposed",
        }
    }
}

/// One framework's part of the outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Reason {
    pub framework: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
    pub verdict: String,
    pub reasoning: String,
    /// The passage that grounds this verdict.
    pub passage: Option<&'static str>,
}

/// What the lead settled on the review screen that the outcome must follow.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Settled {
    /// The review date the lead confirmed or changed.
    pub review_by: Option<NaiveDate>,
    /// A status the lead chose, for playbooks that ask for one.
    pub status: Option<String>,
}

/// The fields of an [`Outcome`] templates may read, for the playbook loader; a unit test
/// keeps the list in step with the struct.
pub(crate) const FIELDS: &[&str] = &[
    "stance",
    "kind",
    "step",
    "status",
    "headline",
    "lead",
    "reasons",
    "warnings",
    "review_by",
    "review_by_text",
    "decide_by",
    "decide_by_text",
    "against_advice",
    "advice",
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Outcome {
    pub stance: Stance,
    /// `decided`, `proposal`, `options` or `inform`, for templates.
    pub kind: &'static str,
    /// What happens next, as the record's front matter says it: `decided`, `investigate`
    /// (a proposal with a date to decide by), `proposal` (waiting for the deciders),
    /// `options` (waiting for the person who chooses) or `update`.
    pub step: &'static str,
    pub status: String,
    /// The one line the coach says for the whole run.
    pub headline: String,
    /// The framework whose verdict gives the headline.
    pub lead: Option<&'static str>,
    pub reasons: Vec<Reason>,
    pub warnings: Vec<Warning>,
    /// When to look back at it: for a decision or an update only.
    pub review_by: Option<String>,
    pub review_by_text: Option<String>,
    /// For a record waiting for a decision (an investigation, a proposal or options put to
    /// someone): the date it must be decided by. It then has no review date.
    pub decide_by: Option<String>,
    pub decide_by_text: Option<String>,
    /// The lead marked it accepted although the coach advised otherwise.
    pub against_advice: bool,
    /// The headline the lead went against, when they did.
    pub advice: Option<String>,
}

/// Reconcile `assessments` (in playbook order) and what the lead settled into one outcome.
/// `speak` gives the words for the outcome's own warnings, by name, with the overruled
/// advice.
pub(crate) fn reconcile(
    assessments: &[&Assessment],
    settled: &Settled,
    today: NaiveDate,
    mut speak: impl FnMut(&'static str, &str) -> String,
) -> Outcome {
    let assessed = assessments
        .iter()
        .map(|a| a.stance)
        .max()
        .unwrap_or(Stance::Inform);
    let lead = assessments
        .iter()
        .rev()
        .find(|a| a.stance == assessed)
        .copied();
    let ok_by = awaited_ok(assessments).filter(|_| assessed == Stance::Decided);
    let computed = if ok_by.is_some() {
        Stance::Proposal
    } else {
        assessed
    };
    let headline = lead.map(|a| a.verdict.clone()).unwrap_or_default();
    let mut warnings: Vec<Warning> = assessments
        .iter()
        .flat_map(|a| a.warnings.iter().cloned())
        .collect();
    let status_given = settled
        .status
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let mut stance = computed;
    let mut against_advice = false;
    match status_given.map(str::to_lowercase).as_deref() {
        Some("accepted") if computed > Stance::Decided => {
            stance = Stance::Decided;
            against_advice = true;
            warnings.push(Warning {
                id: "accepted-against-advice",
                text: speak("accepted-against-advice", &headline),
                check_first: false,
                hint: None,
            });
        }
        Some("proposed") if computed < Stance::Options => stance = Stance::Proposal,
        _ => {}
    }
    let fact_date = |key: &str| {
        lead.and_then(|a| a.fact_str(key))
            .or_else(|| assessments.iter().find_map(|a| a.fact_str(key)))
            .and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
    };
    // Not decided yet, and waiting for a decision by a date: the end of an investigation
    // (`decide_by`) or the day an answer is needed from someone (`answer_by`). Such a
    // record has a date to decide by and no review date of its own: there is nothing to
    // review until it is decided. The date the lead settled on the last screen is that
    // date then.
    let undecided = matches!(stance, Stance::Proposal | Stance::Options);
    let investigation = (stance == Stance::Proposal)
        .then(|| fact_date("decide_by"))
        .flatten();
    let awaited = undecided
        .then(|| investigation.or_else(|| fact_date("answer_by")).or(ok_by))
        .flatten();
    // A date settled before what it waits for (the answer a decision needs, the signal a
    // review looks at) cannot hold: the date the coach proposed stands, and the
    // framework's warning says why, so the record and every message keep one date.
    let settled_after = |earliest: Option<NaiveDate>| {
        settled
            .review_by
            .filter(|date| earliest.is_none_or(|earliest| *date >= earliest))
    };
    let decide_by =
        awaited.map(|awaited| settled_after(fact_date("earliest_decision")).unwrap_or(awaited));
    let review_by = match decide_by {
        Some(_) => None,
        None => settled_after(fact_date("earliest_review")).or_else(|| fact_date("review_by")),
    };
    let reasons = assessments.iter().map(|a| reason(a)).collect();
    let step = match stance {
        Stance::Inform => "update",
        Stance::Decided => "decided",
        Stance::Options => "options",
        Stance::Proposal if investigation.is_some() => "investigate",
        Stance::Proposal => "proposal",
    };
    Outcome {
        stance,
        kind: stance.key(),
        step,
        status: status_given.map_or_else(|| stance.status().to_string(), str::to_string),
        headline,
        lead: lead.map(|a| a.framework),
        reasons,
        warnings,
        review_by: review_by.map(iso),
        review_by_text: review_by.map(|d| human_date(d, today)),
        decide_by: decide_by.map(iso),
        decide_by_text: decide_by.map(|d| human_date(d, today)),
        against_advice,
        advice: against_advice.then_some(lead.map(|a| a.verdict.clone()).unwrap_or_default()),
    }
}

/// Ready on our side, but waiting for someone's OK: a proposal until it comes, decided by
/// the day it is asked for. Nothing may say "we've chosen" before then.
fn awaited_ok(assessments: &[&Assessment]) -> Option<NaiveDate> {
    assessments
        .iter()
        .find_map(|a| a.fact_str("ok_by"))
        .and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
}

/// One framework's part of the outcome, from its assessment.
fn reason(a: &Assessment) -> Reason {
    Reason {
        framework: a.framework,
        title: a.title,
        kind: a.kind,
        verdict: a.verdict.clone(),
        reasoning: a.reasoning.clone(),
        passage: a.grounding(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, json};

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn assessment(
        framework: &'static str,
        stance: Stance,
        verdict: &str,
        facts: serde_json::Value,
    ) -> Assessment {
        let facts = match facts {
            serde_json::Value::Object(map) => map,
            _ => Map::new(),
        };
        Assessment {
            framework,
            title: framework,
            kind: "kind",
            verdict: verdict.to_string(),
            reasoning: String::new(),
            passages: vec!["passage"],
            stance,
            warnings: Vec::new(),
            facts,
        }
    }

    fn speak(id: &'static str, advice: &str) -> String {
        format!("{id}: {advice}")
    }

    fn door(door: &str) -> Assessment {
        let review = if door == "two-way" {
            "2026-12-31"
        } else {
            "2027-03-01"
        };
        assessment(
            "door-type",
            Stance::Decided,
            &format!("{door} door"),
            json!({ "door": door, "review_by": review }),
        )
    }

    fn information(advice: &str) -> Assessment {
        let stance = if advice == "investigate" {
            Stance::Proposal
        } else {
            Stance::Decided
        };
        let decide_by = (advice == "investigate").then_some("2026-12-11");
        assessment(
            "information",
            stance,
            &format!("information: {advice}"),
            json!({ "advice": advice, "decide_by": decide_by, "review_by": decide_by }),
        )
    }

    /// The door verdict and the 70% verdict, reconciled: (door, advice, stance, headline,
    /// status, review date, decide by).
    #[test]
    fn door_and_information_make_one_outcome() {
        #[rustfmt::skip]
        type Row<'a> = (&'a str, &'a str, Stance, &'a str, &'a str, Option<&'a str>, Option<&'a str>);
        let rows: &[Row<'_>] = &[
            (
                "two-way",
                "decide-now",
                Stance::Decided,
                "information: decide-now",
                "accepted",
                Some("2026-12-31"),
                None,
            ),
            (
                "two-way",
                "decide-with-assumptions",
                Stance::Decided,
                "information: decide-with-assumptions",
                "accepted",
                Some("2026-12-31"),
                None,
            ),
            (
                "one-way",
                "decide-now",
                Stance::Decided,
                "information: decide-now",
                "accepted",
                Some("2027-03-01"),
                None,
            ),
            (
                "one-way",
                "nothing-decisive",
                Stance::Decided,
                "information: nothing-decisive",
                "accepted",
                Some("2027-03-01"),
                None,
            ),
            (
                "one-way",
                "investigate",
                Stance::Proposal,
                "information: investigate",
                "proposed",
                None,
                Some("2026-12-11"),
            ),
        ];
        for &(door_kind, advice, stance, headline, status, review_by, decide_by) in rows {
            let door = door(door_kind);
            let information = information(advice);
            let outcome = reconcile(&[&door, &information], &Settled::default(), today(), speak);
            let case = format!("{door_kind} {advice}");
            assert_eq!(outcome.stance, stance, "{case}");
            assert_eq!(outcome.headline, headline, "{case}");
            assert_eq!(outcome.status, status, "{case}");
            assert_eq!(outcome.review_by.as_deref(), review_by, "{case}");
            assert_eq!(outcome.decide_by.as_deref(), decide_by, "{case}");
            assert_eq!(outcome.reasons.len(), 2, "{case}");
            assert!(!outcome.against_advice, "{case}");
        }
    }

    /// A record waiting for a decision has a date to decide by and no review date; the
    /// date the lead settles is that date then. (stance, facts, settled, review, decide).
    #[test]
    fn a_record_waiting_for_a_decision_has_no_review_date() {
        type Row = (
            Stance,
            serde_json::Value,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
        );
        let rows: [Row; 6] = [
            // Options put to the requester, a proposal waiting for a yes.
            (
                Stance::Options,
                json!({ "answer_by": "2026-12-08", "review_by": "2026-12-08" }),
                None,
                None,
                Some("2026-12-08"),
            ),
            (
                Stance::Proposal,
                json!({ "answer_by": "2026-12-03", "review_by": "2026-12-10" }),
                None,
                None,
                Some("2026-12-03"),
            ),
            (
                Stance::Proposal,
                json!({ "answer_by": "2026-12-03", "review_by": "2026-12-10" }),
                Some("2026-12-04"),
                None,
                Some("2026-12-04"),
            ),
            // Decided: the answer date is no longer awaited; the review date stands.
            (
                Stance::Decided,
                json!({ "answer_by": "2026-12-03", "review_by": "2026-12-10" }),
                None,
                Some("2026-12-10"),
                None,
            ),
            (
                Stance::Decided,
                json!({ "review_by": "2026-12-10" }),
                Some("2026-12-11"),
                Some("2026-12-11"),
                None,
            ),
            // A lean that waits for nobody (a career experiment) keeps its look-again date.
            (
                Stance::Proposal,
                json!({ "review_by": "2027-02-01" }),
                None,
                Some("2027-02-01"),
                None,
            ),
        ];
        for (stance, facts, settled, review_by, decide_by) in rows {
            let lead = assessment("lead", stance, "verdict", facts.clone());
            let settled = Settled {
                review_by: settled.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
                status: None,
            };
            let outcome = reconcile(&[&lead], &settled, today(), speak);
            let case = format!("{stance:?} {facts}");
            assert_eq!(outcome.review_by.as_deref(), review_by, "{case}");
            assert_eq!(outcome.decide_by.as_deref(), decide_by, "{case}");
            assert_eq!(
                outcome.review_by_text.is_some(),
                review_by.is_some(),
                "{case}"
            );
            assert_ne!(outcome.step, "investigate", "{case}");
        }
    }

    #[test]
    fn the_lead_s_review_date_wins() {
        let door = door("two-way");
        let settled = Settled {
            review_by: NaiveDate::from_ymd_opt(2027, 1, 15),
            status: None,
        };
        let outcome = reconcile(&[&door], &settled, today(), speak);
        assert_eq!(outcome.review_by.as_deref(), Some("2027-01-15"));
        assert_eq!(
            outcome.review_by_text.as_deref(),
            Some("Friday 15 January 2027")
        );
    }

    #[test]
    fn accepting_against_the_advice_is_named() {
        let information = information("investigate");
        let settled = Settled {
            review_by: None,
            status: Some("accepted".into()),
        };
        let outcome = reconcile(&[&information], &settled, today(), speak);
        assert_eq!(outcome.stance, Stance::Decided);
        assert_eq!(outcome.status, "accepted");
        assert!(outcome.against_advice);
        assert_eq!(outcome.decide_by, None);
        assert_eq!(outcome.warnings.len(), 1);
        assert_eq!(
            outcome.warnings[0].text,
            "accepted-against-advice: information: investigate"
        );
    }

    #[test]
    fn holding_a_decision_as_a_proposal_is_the_lead_s_call() {
        let door = door("two-way");
        let settled = Settled {
            review_by: None,
            status: Some("proposed".into()),
        };
        let outcome = reconcile(&[&door], &settled, today(), speak);
        assert_eq!(outcome.stance, Stance::Proposal);
        assert_eq!(outcome.status, "proposed");
        assert!(outcome.warnings.is_empty());
    }

    #[test]
    fn the_loader_knows_every_field() {
        let outcome = reconcile(&[], &Settled::default(), today(), speak);
        let value = serde_json::to_value(&outcome).unwrap();
        let mut keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        let mut fields = FIELDS.to_vec();
        fields.sort_unstable();
        assert_eq!(keys, fields);
    }

    #[test]
    fn no_assessments_is_an_update() {
        let outcome = reconcile(&[], &Settled::default(), today(), speak);
        assert_eq!(outcome.stance, Stance::Inform);
        assert_eq!(outcome.status, "accepted");
        assert_eq!(outcome.headline, "");
    }
}
