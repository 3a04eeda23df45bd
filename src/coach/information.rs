//! The 70% rule: "If you have 70% of the information you need, make the decision."
//! Coverage is what you have over what you wish you had. Below 70%, a two-way door is decided
//! anyway with the gaps written down as assumptions to check; a one-way door gets a
//! time-boxed investigation of the missing items that could change the choice, and only
//! those: when none could, there is nothing worth waiting for. At or above 70% on a one-way
//! door, a missing item that could still change the choice is decided without, but named,
//! with who finds it out: counting items treats a nice-to-know like the figure the main
//! driver depends on.

use serde_json::json;

use super::door::Door;
use super::units::{add_days, human_date, iso};
use super::{Accepts, Finding, Framework, Input, Inputs, Stance, Verdict, percent_floor};
use crate::answer::Kind;

/// The rule's threshold: have / wished >= 70 / 100.
pub(crate) const THRESHOLD_PERCENT: usize = 70;

const WISHED: Input = Input {
    name: "wished",
    accepts: Accepts::Question(&[Kind::List]),
    required: true,
    about: "the information you wish you had",
    values: &[],
};
const HAVE: Input = Input {
    name: "have",
    accepts: Accepts::Question(&[Kind::Choice, Kind::List]),
    required: false,
    about: "which of those you already have",
    values: &[],
};
const DOOR: Input = Input {
    name: "door",
    accepts: Accepts::Assessment("door-type"),
    required: false,
    about: "the door-type assessment; below 70% it decides between assuming and investigating",
    values: &[],
};
const DOOR_KIND: Input = Input {
    name: "door_kind",
    accepts: Accepts::Question(&[Kind::Choice]),
    required: false,
    about: "the door, as a record gives it, when no door assessment runs (finishing a proposal)",
    values: &["one-way", "two-way", "undecided"],
};
const FOUND: Input = Input {
    name: "found",
    accepts: Accepts::Question(&[Kind::Choice, Kind::List]),
    required: false,
    about: "items found out since, when a proposal is finished",
    values: &[],
};
const COULD_CHANGE: Input = Input {
    name: "could_change",
    accepts: Accepts::Question(&[Kind::Choice, Kind::List]),
    required: false,
    about: "which missing items could change the choice: only those are worth investigating, and on a one-way door decided now, worth finding out before the step that cannot be undone",
    values: &[],
};
const OWNERS: Input = Input {
    name: "owners",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "a question asked `for_each` open question: who finds it out",
    values: &[],
};
const UNTIL: Input = Input {
    name: "until",
    accepts: Accepts::Question(&[Kind::Date]),
    required: false,
    about: "the time-box the lead set: investigate until this date, then decide",
    values: &[],
};
const NEEDS: Input = Input {
    name: "needs",
    accepts: Accepts::Question(&[Kind::Text]),
    required: false,
    about: "what the lead needs from outside the team: an OK (an approval, a sign-off) leaves the decision a proposal until it comes",
    values: &[],
};
const ASKED_BY: Input = Input {
    name: "asked_by",
    accepts: Accepts::Question(&[Kind::Date]),
    required: false,
    about: "the date something is needed from outside the team: a decision waiting for it cannot come before it",
    values: &[],
};

pub(crate) static FRAMEWORK: Framework = Framework {
    name: "information",
    title: "The 70% information rule",
    inputs: &[
        WISHED,
        HAVE,
        DOOR,
        DOOR_KIND,
        FOUND,
        COULD_CHANGE,
        OWNERS,
        UNTIL,
        NEEDS,
        ASKED_BY,
    ],
    facts: &[
        "advice",
        "wished",
        "have",
        "coverage",
        "missing",
        "assumptions",
        "investigate",
        "open_questions",
        "door",
        "suggested_until",
        "until",
        "until_text",
        "decide_by",
        "decide_by_text",
        "review_by",
        "review_by_text",
        "until_asked_text",
        "until_set_text",
        "until_chosen",
        "asked_by_text",
        "earliest_decision",
        "ok_by",
        "ok_by_text",
        "finishing",
    ],
    verdicts: &[
        Verdict {
            id: "nothing-missing",
            stance: Stance::Decided,
            passage: "seventy-percent-rule",
            also: &["cost-of-delay"],
        },
        Verdict {
            id: "decide-now",
            stance: Stance::Decided,
            passage: "seventy-percent-rule",
            also: &["cost-of-delay"],
        },
        Verdict {
            id: "decide-with-assumptions",
            stance: Stance::Decided,
            passage: "wrong-call-ok",
            also: &["seventy-percent-rule", "reversible-quickly"],
        },
        Verdict {
            id: "nothing-decisive",
            stance: Stance::Decided,
            passage: "cost-of-delay",
            also: &["seventy-percent-rule"],
        },
        Verdict {
            id: "investigate",
            stance: Stance::Proposal,
            passage: "reversible-quickly",
            also: &["seventy-percent-rule", "cost-of-delay"],
        },
    ],
    warnings: &[
        "nothing-wished-one-way",
        "could-change-one-way",
        "until-on-a-day-off",
        "until-before-the-ask",
        "waits-for-an-ok",
    ],
    run,
    keeps: &[],
    refuse: None,
    // Until the lead says by when the OK is needed, the date it would be decided by is
    // only the default: saying it before the question is asked answers for the lead.
    waits: &[("waits-for-an-ok", &["asked_by"])],
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Advice {
    NothingMissing,
    DecideNow,
    DecideWithAssumptions,
    NothingDecisive,
    Investigate,
}

impl Advice {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Advice::NothingMissing => "nothing-missing",
            Advice::DecideNow => "decide-now",
            Advice::DecideWithAssumptions => "decide-with-assumptions",
            Advice::NothingDecisive => "nothing-decisive",
            Advice::Investigate => "investigate",
        }
    }
}

/// What the lead knows and wishes they knew.
#[derive(Debug, Clone, Default)]
pub(crate) struct Knowledge {
    pub wished: Vec<String>,
    pub have: Vec<String>,
    /// `None` while the door is not known; that is treated like a one-way door, because
    /// deciding early is only safe when it is cheap to reverse.
    pub door: Option<Door>,
    /// The missing items that could change the choice; `None` until asked (then every
    /// missing item counts).
    pub could_change: Option<Vec<String>>,
    /// Who finds out each item, by item.
    pub owners: Vec<(String, String)>,
    /// The time-box the lead set, on a working day.
    pub until: Option<chrono::NaiveDate>,
    /// The date the lead typed, when it fell on a day off and `until` is the working day
    /// before it.
    pub until_asked: Option<chrono::NaiveDate>,
    /// The date something is needed from outside the team by: an investigation cannot end
    /// in a decision before the answer it waits for.
    pub asked_by: Option<chrono::NaiveDate>,
    /// What is needed from outside the team is an OK (an approval, a sign-off): until it
    /// comes, the decision is a proposal.
    pub needs_ok: bool,
    /// A proposal is being finished: the lead may extend the time-box once or decide now,
    /// so "investigate, then decide" is one of two ways on, not the only one.
    pub finishing: bool,
}

/// Which advice the rule gives, from the counts and the door.
pub(crate) fn advice(knowledge: &Knowledge) -> Advice {
    let wished = knowledge.wished.len();
    let have = have_count(knowledge);
    if wished == 0 {
        Advice::NothingMissing
    } else if have * 100 >= wished * THRESHOLD_PERCENT {
        Advice::DecideNow
    } else if knowledge.door == Some(Door::TwoWay) {
        Advice::DecideWithAssumptions
    } else if investigate(knowledge).is_empty() {
        Advice::NothingDecisive
    } else {
        Advice::Investigate
    }
}

fn have_count(knowledge: &Knowledge) -> usize {
    knowledge
        .wished
        .iter()
        .filter(|item| knowledge.have.contains(item))
        .count()
}

fn missing(knowledge: &Knowledge) -> Vec<String> {
    knowledge
        .wished
        .iter()
        .filter(|item| !knowledge.have.contains(item))
        .cloned()
        .collect()
}

/// The missing items worth investigating: those that could change the choice.
fn investigate(knowledge: &Knowledge) -> Vec<String> {
    let missing = missing(knowledge);
    match &knowledge.could_change {
        None => missing,
        Some(decisive) => missing
            .into_iter()
            .filter(|item| decisive.contains(item))
            .collect(),
    }
}

fn run(inputs: &Inputs<'_>) -> Option<Finding> {
    if !inputs.has(&WISHED) {
        return None;
    }
    let wished = inputs.list(&WISHED);
    // With items listed, wait for "which do you have" before judging coverage.
    if !wished.is_empty() && !inputs.has(&HAVE) {
        return None;
    }
    let mut have = inputs.list(&HAVE);
    have.extend(inputs.list(&FOUND));
    let knowledge = Knowledge {
        wished,
        have,
        door: inputs
            .assessment(&DOOR)
            .and_then(|a| a.fact_str("door"))
            .or_else(|| inputs.text(&DOOR_KIND))
            .and_then(Door::parse),
        could_change: inputs
            .has(&COULD_CHANGE)
            .then(|| inputs.list(&COULD_CHANGE)),
        owners: inputs.each_text(&OWNERS),
        until: None,
        until_asked: None,
        asked_by: inputs.date(&ASKED_BY),
        needs_ok: inputs.text(&NEEDS).is_some_and(asks_for_an_ok),
        // Only a proposal being finished gives the door as the record says it.
        finishing: inputs.has(&DOOR_KIND),
    };
    let today = inputs.today();
    // A time-box ends on a working day: the lead's Saturday means the Friday before.
    let calendar = &inputs.conditions.calendar;
    let (until, until_asked) = match inputs.date(&UNTIL) {
        Some(asked) => {
            let working = calendar.on_or_before(asked).max(today);
            (Some(working), (working != asked).then_some(asked))
        }
        None => (None, None),
    };
    let knowledge = Knowledge {
        until,
        until_asked,
        ..knowledge
    };
    let periods = inputs.conditions.periods;
    let suggested = inputs
        .conditions
        .calendar
        .review_day(add_days(today, periods.investigation_days));
    Some(assess(&knowledge, today, suggested))
}

/// The finding for `knowledge`; `suggested_until` is the time-box offered when the lead
/// has not set one.
pub(crate) fn assess(
    knowledge: &Knowledge,
    today: chrono::NaiveDate,
    suggested_until: chrono::NaiveDate,
) -> Finding {
    let advice = advice(knowledge);
    let wished = knowledge.wished.len();
    let have = have_count(knowledge);
    let missing = missing(knowledge);
    let to_investigate = investigate(knowledge);
    let set = knowledge.until.unwrap_or(suggested_until);
    let investigating = advice == Advice::Investigate;
    // "Decide by Friday; we need finance's answer in March" cannot both hold: the time-box
    // runs until the answer is due, and the coach says so.
    let waits = knowledge
        .asked_by
        .filter(|asked| investigating && *asked > set);
    let until = waits.unwrap_or(set);
    // Ready to decide, but someone outside must say yes first: a proposal until they do,
    // decided by the day their OK is asked for.
    let ok_by = (knowledge.needs_ok && !investigating)
        .then(|| knowledge.asked_by.unwrap_or(suggested_until));
    let open_questions = |items: &[String]| -> Vec<serde_json::Value> {
        items
            .iter()
            .map(|item| {
                let owner = knowledge
                    .owners
                    .iter()
                    .find(|(i, _)| i == item)
                    .map(|(_, who)| who.trim())
                    .filter(|who| !who.is_empty());
                json!({ "item": item, "owner": owner })
            })
            .collect()
    };
    let assumptions = match advice {
        Advice::DecideWithAssumptions | Advice::NothingDecisive => missing.clone(),
        _ => Vec::new(),
    };
    // What is still to find out, and who does: the investigation; on a one-way door
    // decided at 70% or more, the missing items the lead said could still change it; on a
    // two-way door, the assumptions to check.
    let one_way = knowledge.door != Some(Door::TwoWay);
    let to_find_out: Vec<String> = match advice {
        Advice::Investigate => to_investigate.clone(),
        Advice::DecideNow if one_way && knowledge.could_change.is_some() => to_investigate.clone(),
        Advice::DecideWithAssumptions => missing.clone(),
        _ => Vec::new(),
    };
    let decide_by = investigating.then_some(until);
    let facts = json!({
        "advice": advice.key(),
        "wished": wished,
        "have": have,
        "coverage": (wished > 0).then(|| percent_floor(have, wished)),
        "missing": missing,
        "assumptions": assumptions,
        "investigate": if investigating { to_investigate } else { Vec::new() },
        "open_questions": open_questions(&to_find_out),
        "door": knowledge.door.map_or("undecided", Door::key),
        "suggested_until": iso(suggested_until),
        "until": decide_by.map(iso),
        "until_text": decide_by.map(|d| human_date(d, today)),
        "decide_by": decide_by.map(iso),
        "decide_by_text": decide_by.map(|d| human_date(d, today)),
        "review_by": decide_by.map(iso),
        "review_by_text": decide_by.map(|d| human_date(d, today)),
        "until_asked_text": knowledge.until_asked.map(|d| human_date(d, today)),
        "until_set_text": waits.map(|_| human_date(set, today)),
        // The time-box is the lead's (or moved to their ask, and the coach says why);
        // before they are asked for it, the date is only the coach's suggestion.
        "until_chosen": knowledge.until.is_some() || waits.is_some(),
        "asked_by_text": knowledge.asked_by.map(|d| human_date(d, today)),
        "earliest_decision": knowledge.asked_by.filter(|_| investigating || ok_by.is_some()).map(iso),
        "ok_by": ok_by.map(iso),
        "ok_by_text": ok_by.map(|d| human_date(d, today)),
        "finishing": knowledge.finishing,
    });
    let nothing_wished_on_one_way = wished == 0 && knowledge.door == Some(Door::OneWay);
    let moved = investigating && knowledge.until_asked.is_some();
    let decided_without_it = advice == Advice::DecideNow && !to_find_out.is_empty();
    Finding::new(advice.key(), facts)
        .warn(nothing_wished_on_one_way.then_some("nothing-wished-one-way"))
        .warn(decided_without_it.then_some("could-change-one-way"))
        .warn(moved.then_some("until-on-a-day-off"))
        .warn(waits.map(|_| "until-before-the-ask"))
        .warn(ok_by.map(|_| "waits-for-an-ok"))
}

/// Whether what the lead needs from outside the team is someone's OK on the decision
/// (an approval, a sign-off, their agreement), not a piece of information or a task.
pub(crate) fn asks_for_an_ok(needs: &str) -> bool {
    let text = format!(
        " {} ",
        needs.to_lowercase().replace(['-', ',', '.', ';', ':'], " ")
    );
    [
        " ok ",
        " okay ",
        " approval",
        " approve",
        " sign off ",
        " signs off ",
        " sign off",
        " agreement ",
        " agree ",
        " agrees ",
        " go ahead",
        " green light",
        " permission",
        " consent",
        " blessing",
        " say so ",
        " yes ",
    ]
    .iter()
    .any(|word| text.contains(word))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn items(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("item {i}")).collect()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn suggested() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 10).unwrap()
    }

    fn knowledge(wished: usize, have: usize, door: Option<Door>) -> Knowledge {
        let wished = items(wished);
        Knowledge {
            have: wished[..have].to_vec(),
            wished,
            door,
            ..Knowledge::default()
        }
    }

    /// (wished, have, door, advice, coverage shown)
    type Row = (usize, usize, Option<Door>, Advice, Option<u32>);

    #[rustfmt::skip]
    const VERDICTS: &[Row] = &[
        // No items: nothing to wait for, whatever the door.
        (0, 0, Some(Door::OneWay), Advice::NothingMissing, None),
        (0, 0, Some(Door::TwoWay), Advice::NothingMissing, None),
        (0, 0, None,               Advice::NothingMissing, None),
        // All items.
        (4, 4, Some(Door::OneWay), Advice::DecideNow, Some(100)),
        (1, 1, None,               Advice::DecideNow, Some(100)),
        // Exactly 70% decides now.
        (10, 7, Some(Door::OneWay), Advice::DecideNow, Some(70)),
        (10, 7, Some(Door::TwoWay), Advice::DecideNow, Some(70)),
        // Just below: 69.0% and 66.7% (shown to the nearest percent, never as 70%).
        (100, 69, Some(Door::OneWay), Advice::Investigate, Some(69)),
        (1000, 699, Some(Door::OneWay), Advice::Investigate, Some(69)),
        (3, 2, Some(Door::TwoWay), Advice::DecideWithAssumptions, Some(67)),
        (3, 2, Some(Door::OneWay), Advice::Investigate, Some(67)),
        (3, 2, None,               Advice::Investigate, Some(67)),
        (5, 4, Some(Door::OneWay), Advice::DecideNow, Some(80)),
        (1, 0, Some(Door::TwoWay), Advice::DecideWithAssumptions, Some(0)),
        (1, 0, Some(Door::OneWay), Advice::Investigate, Some(0)),
    ];

    #[test]
    fn verdict_table() {
        for &(wished, have, door, expected, coverage) in VERDICTS {
            let knowledge = knowledge(wished, have, door);
            let finding = assess(&knowledge, today(), suggested());
            let case = format!("{have}/{wished} {door:?}");
            assert_eq!(finding.verdict, expected.key(), "{case}");
            assert_eq!(finding.facts["coverage"], json!(coverage), "{case}");
            let missing = finding.facts["missing"].as_array().unwrap().len();
            assert_eq!(missing, wished - have, "{case}");
            assert!(FRAMEWORK.verdict(finding.verdict).is_some(), "{case}");
        }
    }

    #[test]
    fn an_investigation_keeps_the_lead_s_date_and_owners() {
        let mut knowledge = knowledge(5, 2, Some(Door::OneWay));
        knowledge.until = NaiveDate::from_ymd_opt(2026, 12, 11);
        knowledge.owners = vec![("item 3".into(), "Ana".into())];
        let finding = assess(&knowledge, today(), suggested());
        assert_eq!(finding.verdict, "investigate");
        assert_eq!(finding.fact_str("decide_by"), Some("2026-12-11"));
        assert_eq!(finding.fact_str("until_text"), Some("Friday 11 December"));
        assert_eq!(finding.fact_str("suggested_until"), Some("2026-12-10"));
        assert_eq!(
            finding.facts["open_questions"],
            json!([
                {"item": "item 3", "owner": "Ana"},
                {"item": "item 4", "owner": null},
                {"item": "item 5", "owner": null},
            ])
        );
        assert_eq!(finding.facts["assumptions"], json!([]));
    }

    /// Before the lead is asked for the time-box, its date is the coach's suggestion: the
    /// headline names no date the lead did not give, and the reasoning offers it.
    #[test]
    fn the_headline_names_only_a_time_box_the_lead_set() {
        let templates = crate::template::Templates::embedded().unwrap();
        let headline_and_reasoning = |knowledge: &Knowledge| {
            let finding = assess(knowledge, today(), suggested());
            let said = crate::coach::speak(&FRAMEWORK, finding, &templates).unwrap();
            (said.verdict, said.reasoning)
        };
        let not_asked = knowledge(5, 2, Some(Door::OneWay));
        let (headline, reasoning) = headline_and_reasoning(&not_asked);
        assert_eq!(
            headline,
            "40% on a one-way door: time-box an investigation, then decide"
        );
        assert!(
            reasoning.ends_with("A suggested time-box: until Thursday 10 December."),
            "{reasoning}"
        );
        let set = Knowledge {
            until: NaiveDate::from_ymd_opt(2026, 12, 11),
            ..not_asked
        };
        let (headline, reasoning) = headline_and_reasoning(&set);
        assert_eq!(
            headline,
            "40% on a one-way door: investigate until Friday 11 December, then decide"
        );
        assert!(!reasoning.contains("suggested"), "{reasoning}");
    }

    #[test]
    fn only_items_that_could_change_the_choice_are_investigated() {
        let mut knowledge = knowledge(5, 2, Some(Door::OneWay));
        knowledge.could_change = Some(vec!["item 4".into()]);
        let finding = assess(&knowledge, today(), suggested());
        assert_eq!(finding.verdict, "investigate");
        assert_eq!(finding.facts["investigate"], json!(["item 4"]));
        knowledge.could_change = Some(Vec::new());
        let finding = assess(&knowledge, today(), suggested());
        assert_eq!(finding.verdict, "nothing-decisive");
        assert_eq!(
            finding.facts["assumptions"],
            json!(["item 3", "item 4", "item 5"])
        );
        assert!(finding.facts["decide_by"].is_null());
    }

    #[test]
    fn at_seventy_percent_on_a_one_way_door_what_could_change_it_is_named() {
        let mut one_way = knowledge(4, 3, Some(Door::OneWay));
        one_way.could_change = Some(vec!["item 4".into()]);
        one_way.owners = vec![("item 4".into(), "Joao".into())];
        let finding = assess(&one_way, today(), suggested());
        assert_eq!(finding.verdict, "decide-now");
        assert_eq!(
            finding.facts["open_questions"],
            json!([{"item": "item 4", "owner": "Joao"}])
        );
        assert_eq!(finding.warnings, ["could-change-one-way"]);
        assert!(finding.facts["decide_by"].is_null());
        // Not asked, nothing is named; on a two-way door, nothing to warn about.
        let finding = assess(&knowledge_with(4, 3, None), today(), suggested());
        assert!(finding.warnings.is_empty());
        let mut two_way = knowledge(4, 3, Some(Door::TwoWay));
        two_way.could_change = Some(vec!["item 4".into()]);
        let finding = assess(&two_way, today(), suggested());
        assert_eq!(finding.facts["open_questions"], json!([]));
        assert!(finding.warnings.is_empty());
    }

    fn knowledge_with(wished: usize, have: usize, could_change: Option<Vec<String>>) -> Knowledge {
        Knowledge {
            could_change,
            ..knowledge(wished, have, Some(Door::OneWay))
        }
    }

    #[test]
    fn an_ok_is_told_from_information_or_a_task() {
        for (needs, ok) in [
            ("your OK on the contractor budget", true),
            ("approve the budget", true),
            ("finance's approval of the spend", true),
            ("legal to sign off the contract", true),
            ("the CFO's sign-off", true),
            ("product to agree to the new scope", true),
            ("a go-ahead from security", true),
            ("finance to confirm the cut-over window", false),
            ("procurement to sign the renewal in January", false),
            ("the numbers for token usage", false),
            ("a bookkeeping export", false),
        ] {
            assert_eq!(asks_for_an_ok(needs), ok, "{needs}");
        }
    }

    #[test]
    fn an_ok_still_needed_leaves_a_proposal_until_its_date() {
        let mut waiting = knowledge(4, 3, Some(Door::TwoWay));
        waiting.needs_ok = true;
        waiting.asked_by = NaiveDate::from_ymd_opt(2026, 12, 18);
        let finding = assess(&waiting, today(), suggested());
        assert_eq!(finding.fact_str("ok_by"), Some("2026-12-18"));
        assert_eq!(finding.fact_str("earliest_decision"), Some("2026-12-18"));
        assert_eq!(finding.warnings, ["waits-for-an-ok"]);
        // Asked for no date, the OK is due when an investigation would end.
        waiting.asked_by = None;
        let finding = assess(&waiting, today(), suggested());
        assert_eq!(finding.fact_str("ok_by"), Some("2026-12-10"));
        // Information, not an OK: decided now.
        waiting.needs_ok = false;
        assert!(assess(&waiting, today(), suggested()).facts["ok_by"].is_null());
    }

    #[test]
    fn an_answer_needed_after_the_time_box_moves_it() {
        let mut late = knowledge(4, 1, Some(Door::OneWay));
        late.until = NaiveDate::from_ymd_opt(2026, 12, 11);
        late.asked_by = NaiveDate::from_ymd_opt(2027, 3, 2);
        let finding = assess(&late, today(), suggested());
        assert_eq!(finding.fact_str("decide_by"), Some("2027-03-02"));
        assert_eq!(
            finding.fact_str("until_set_text"),
            Some("Friday 11 December")
        );
        assert_eq!(finding.warnings, ["until-before-the-ask"]);
        // Due within the time-box: nothing moves.
        late.asked_by = NaiveDate::from_ymd_opt(2026, 12, 9);
        let finding = assess(&late, today(), suggested());
        assert_eq!(finding.fact_str("decide_by"), Some("2026-12-11"));
        assert!(finding.warnings.is_empty());
    }

    #[test]
    fn a_time_box_on_a_day_off_says_so() {
        let mut on_a_sunday = knowledge(5, 2, Some(Door::OneWay));
        on_a_sunday.until = NaiveDate::from_ymd_opt(2026, 12, 18);
        on_a_sunday.until_asked = NaiveDate::from_ymd_opt(2026, 12, 20);
        let finding = assess(&on_a_sunday, today(), suggested());
        assert_eq!(finding.fact_str("decide_by"), Some("2026-12-18"));
        assert_eq!(
            finding.fact_str("until_asked_text"),
            Some("Sunday 20 December")
        );
        assert_eq!(finding.warnings, ["until-on-a-day-off"]);
    }

    #[test]
    fn two_way_gaps_become_assumptions() {
        let finding = assess(&knowledge(2, 0, Some(Door::TwoWay)), today(), suggested());
        assert_eq!(finding.facts["assumptions"], json!(["item 1", "item 2"]));
        // Each to check, with who checks it.
        assert_eq!(
            finding.facts["open_questions"],
            json!([{"item": "item 1", "owner": null}, {"item": "item 2", "owner": null}])
        );
        assert!(finding.facts["decide_by"].is_null());
    }

    #[test]
    fn nothing_wished_for_on_a_one_way_door_is_worth_a_second_look() {
        let finding = assess(&knowledge(0, 0, Some(Door::OneWay)), today(), suggested());
        assert_eq!(finding.warnings, ["nothing-wished-one-way"]);
        let finding = assess(&knowledge(0, 0, Some(Door::TwoWay)), today(), suggested());
        assert!(finding.warnings.is_empty());
    }

    #[test]
    fn items_you_have_but_did_not_wish_for_do_not_count() {
        let knowledge = Knowledge {
            wished: vec!["a".to_string(), "b".into()],
            have: vec!["a".to_string(), "z".into()],
            door: Some(Door::OneWay),
            ..Knowledge::default()
        };
        let finding = assess(&knowledge, today(), suggested());
        assert_eq!(finding.facts["have"], json!(1));
    }
}
