//! The frameworks as a whole: every verdict kind is grounded in a passage of the library,
//! every verdict kind and warning gets words from its template, and every fact a framework
//! says it gives is there.

use chrono::NaiveDate;

use super::*;
use crate::answer::Unit;
use crate::passages::Library;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn d(amount: f64, unit: Unit) -> Duration {
    Duration::new(amount, unit)
}

/// The passage that grounds each verdict kind. A verdict is shown with this quote, so it
/// must be the one that justifies that advice.
#[rustfmt::skip]
const GROUNDING: &[(&str, &str, &str)] = &[
    ("door-type", "two-way", "reversible-quickly"),
    ("door-type", "masquerading", "doors-masquerading"),
    ("door-type", "one-way", "undo-test"),
    ("door-type", "weeks-one-way", "reversible-quickly"),
    ("door-type", "weeks-two-way", "doors-masquerading"),
    ("door-type", "weeks-unsure", "reversible-quickly"),
    ("information", "nothing-missing", "seventy-percent-rule"),
    ("information", "decide-now", "seventy-percent-rule"),
    ("information", "decide-with-assumptions", "wrong-call-ok"),
    ("information", "nothing-decisive", "cost-of-delay"),
    ("information", "investigate", "reversible-quickly"),
    ("tech-debt", "no-slowdown", "tech-debt-business-terms"),
    ("tech-debt", "no-cost-in-period", "tech-debt-business-terms"),
    ("tech-debt", "fix-now", "tech-debt-business-terms"),
    ("tech-debt", "shortcut-pays", "tech-debt-business-terms"),
    ("deadline", "fits", "say-no"),
    ("deadline", "negotiate", "deadline-negotiate"),
    ("deadline", "two-options", "choice-not-conflict"),
    ("deadline", "a-misses", "deadline-negotiate"),
    ("deadline", "b-short", "deadline-negotiate"),
    ("upward", "mechanism", "upward-example-bad"),
    ("upward", "jargon", "upward-communication"),
    ("upward", "no-number", "stakeholder-real-questions"),
    ("upward", "ready", "upward-example-good"),
    ("disagreement", "argue", "disagreement-argue-it-out"),
    ("disagreement", "facilitate", "facilitate-not-dictate"),
    ("disagreement", "rule", "overrule-only-deadlocked"),
    ("delegation", "delegate", "delegation-investment"),
    ("delegation", "invest", "takeaway-delegate"),
    ("delegation", "nothing-to-free", "delegation-skill"),
    ("delegation", "keep", "delegation-bottleneck"),
    ("say-no", "nothing-pushed-out", "yes-is-a-no"),
    ("say-no", "weigh", "yes-is-a-no"),
    ("say-no", "no", "say-no"),
    ("say-no", "yes-drops-nothing", "yes-is-a-no"),
    ("say-no", "yes", "yes-is-a-no"),
    ("look-back", "held-up", "write-things-down"),
    ("look-back", "changed", "wrong-call-ok"),
    ("look-back", "reversed", "wrong-call-ok"),
    ("finish", "decided", "seventy-percent-rule"),
    ("finish", "decided-below", "cost-of-delay"),
    ("finish", "dropped", "wrong-call-ok"),
    ("finish", "extended", "cost-of-delay"),
    ("finish", "open", "seventy-percent-rule"),
];

#[test]
fn every_verdict_kind_is_grounded_in_its_passage() {
    let library = Library::embedded().unwrap();
    let mut listed = 0;
    for framework in FRAMEWORKS {
        let mut ids: Vec<&str> = framework.verdicts.iter().map(|v| v.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            framework.verdicts.len(),
            "{}: a verdict twice",
            framework.name
        );
        for verdict in framework.verdicts {
            let grounding = GROUNDING
                .iter()
                .find(|(f, v, _)| *f == framework.name && *v == verdict.id)
                .unwrap_or_else(|| panic!("{} {} is not in the table", framework.name, verdict.id));
            assert_eq!(
                verdict.passage, grounding.2,
                "{} {}",
                framework.name, verdict.id
            );
            listed += 1;
            for passage in std::iter::once(&verdict.passage).chain(verdict.also) {
                assert!(
                    library.contains(passage),
                    "{} {}: {passage}",
                    framework.name,
                    verdict.id
                );
            }
            assert!(
                !verdict.also.contains(&verdict.passage),
                "{} {}",
                framework.name,
                verdict.id
            );
        }
    }
    assert_eq!(
        listed,
        GROUNDING.len(),
        "the table names a verdict no framework has"
    );
}

type Found = Vec<(&'static Framework, Finding)>;

/// One finding for every verdict kind and every warning of every framework.
fn findings() -> Found {
    let mut out = Vec::new();
    door_findings(&mut out);
    information_findings(&mut out);
    tech_debt_findings(&mut out);
    deadline_findings(&mut out);
    upward_findings(&mut out);
    disagreement_findings(&mut out);
    delegation_findings(&mut out);
    say_no_findings(&mut out);
    look_back_findings(&mut out);
    finish_findings(&mut out);
    out
}

fn door_findings(out: &mut Found) {
    let review = |_: door::Door| today();
    let answers = |feels, classification| door::DoorAnswers {
        feels_one_way: feels,
        hard_to_undo: Some("two teams read the data"),
        classification,
        two_way_path: Some("a pilot behind a flag"),
        signal_by: Some(today()),
    };
    for (undo, feels, class) in [
        (d(3.0, Unit::Days), None, None),
        (d(3.0, Unit::Days), Some(true), None),
        (d(4.0, Unit::Months), None, None),
        (d(6.0, Unit::Weeks), None, Some(door::Door::OneWay)),
        (d(6.0, Unit::Weeks), None, Some(door::Door::TwoWay)),
        (d(6.0, Unit::Weeks), None, None),
    ] {
        let finding = door::assess(undo, &answers(feels, class), today(), review);
        out.push((&door::FRAMEWORK, finding));
    }
}

fn knowledge(
    wished: usize,
    have: usize,
    door: Option<door::Door>,
    decisive: Option<Vec<String>>,
) -> information::Knowledge {
    let items = |n: usize| (1..=n).map(|i| format!("item {i}")).collect::<Vec<_>>();
    information::Knowledge {
        have: items(wished)[..have].to_vec(),
        wished: items(wished),
        door,
        could_change: decisive,
        owners: vec![("item 3".into(), "Ana".into())],
        until: None,
        until_given: None,
    }
}

fn information_findings(out: &mut Found) {
    // A time-box set on a Sunday ends on the Friday before.
    let mut on_a_sunday = knowledge(4, 1, None, None);
    on_a_sunday.until = NaiveDate::from_ymd_opt(2026, 12, 18);
    on_a_sunday.until_given = NaiveDate::from_ymd_opt(2026, 12, 20);
    for k in [
        knowledge(0, 0, Some(door::Door::OneWay), None),
        knowledge(4, 3, Some(door::Door::OneWay), None),
        knowledge(4, 3, Some(door::Door::OneWay), Some(vec!["item 4".into()])),
        knowledge(4, 1, Some(door::Door::TwoWay), None),
        knowledge(4, 1, Some(door::Door::OneWay), Some(Vec::new())),
        knowledge(4, 1, None, None),
        on_a_sunday,
    ] {
        let finding = information::assess(&k, today(), today());
        out.push((&information::FRAMEWORK, finding));
    }
}

fn tech_debt_findings(out: &mut Found) {
    let debt = tech_debt::Debt {
        saved: d(2.0, Unit::Weeks),
        fix_cost: Some(d(4.0, Unit::Days)),
        starts_in: d(3.0, Unit::Months),
        slowdown_percent: 30.0,
        period: d(12.0, Unit::Months),
        features: 12,
        feature_time: d(2.0, Unit::Weeks),
        today: today(),
    };
    let variants = [
        debt,
        tech_debt::Debt {
            slowdown_percent: 0.0,
            ..debt
        },
        tech_debt::Debt {
            starts_in: d(2.0, Unit::Years),
            ..debt
        },
        tech_debt::Debt {
            slowdown_percent: 5.0,
            ..debt
        },
        tech_debt::Debt {
            saved: d(2.0, Unit::Years),
            feature_time: d(2.0, Unit::Years),
            ..debt
        },
    ];
    for debt in variants {
        let mut finding = tech_debt::assess(&debt).warn(["reckless", "proposal-against-numbers"]);
        finding
            .facts
            .insert("deliberate".into(), serde_json::json!("reckless"));
        out.push((&tech_debt::FRAMEWORK, finding));
    }
}

fn deadline_findings(out: &mut Found) {
    let request = deadline::Request {
        today: today(),
        due: NaiveDate::from_ymd_opt(2027, 1, 14).unwrap(),
        estimate: d(10.0, Unit::Weeks),
        saves: None,
        extra: None,
    };
    let with = |saves: Option<f64>, extra: Option<f64>| deadline::Request {
        saves: saves.map(|w| d(w, Unit::Weeks)),
        extra: extra.map(|w| d(w, Unit::Weeks)),
        ..request
    };
    let calendar = WorkCalendar::default();
    for request in [
        request,
        deadline::Request {
            estimate: d(6.0, Unit::Weeks),
            ..request
        },
        with(Some(4.0), Some(3.0)),
        with(Some(1.0), None),
        with(Some(3.0), Some(1.0)),
        deadline::Request {
            due: today(),
            ..with(Some(12.0), None)
        },
        deadline::Request {
            due: NaiveDate::from_ymd_opt(2027, 1, 16).unwrap(),
            ..request
        },
    ] {
        out.push((&deadline::FRAMEWORK, deadline::assess(&request, &calendar)));
    }
}

fn upward_findings(out: &mut Found) {
    let words = words::embedded();
    for answers in [
        [
            "The page is slow",
            "It is slow because the ORM makes N+1 queries",
            "3 to 1 seconds",
        ],
        [
            "The monolith is slow",
            "Every customer waits",
            "3 to 1 seconds",
        ],
        ["The page is slow", "Every customer waits", "much faster"],
        ["The page is slow", "Every customer waits", "3 to 1 seconds"],
    ] {
        out.push((
            &upward::FRAMEWORK,
            upward::assess(&answers, &[], &[], &words),
        ));
    }
}

fn disagreement_findings(out: &mut Found) {
    let approaches = ["Queue".to_string(), "Calls".to_string()];
    let times = [
        ("Queue".to_string(), d(3.0, Unit::Weeks)),
        ("Calls".to_string(), d(1.0, Unit::Weeks)),
    ];
    let holders = [("Queue".to_string(), "Priya".to_string())];
    for (argued_out, deadlocked) in [(false, false), (true, false), (true, true)] {
        let dispute = disagreement::Dispute {
            approaches: &approaches,
            argued_out,
            deadlocked,
            times: &times,
            easier: Some("Calls"),
        };
        let finding = disagreement::assess(&dispute, &holders);
        out.push((&disagreement::FRAMEWORK, finding));
    }
}

fn delegation_findings(out: &mut Found) {
    let task = delegation::Task {
        yours: d(2.0, Unit::Hours),
        theirs: d(6.0, Unit::Hours),
        coaching: d(30.0, Unit::Minutes),
        recurs: delegation::Recurrence::Weekly,
    };
    let review = |_: Option<i64>| today();
    for (task, call) in [
        (task, None),
        (
            delegation::Task {
                recurs: delegation::Recurrence::Once,
                ..task
            },
            None,
        ),
        (
            delegation::Task {
                yours: d(0.0, Unit::Hours),
                ..task
            },
            None,
        ),
        (task, Some("myself")),
    ] {
        let finding = delegation::assess(&task, Some("the release"), call, today(), review);
        out.push((&delegation::FRAMEWORK, finding));
    }
}

fn say_no_findings(out: &mut Found) {
    let pushed = ["A".to_string(), "B".to_string()];
    let dropped = ["A".to_string()];
    for (pushes_out, answer, dropped) in [
        (&[][..], None, &[][..]),
        (&pushed[..], None, &[][..]),
        (&pushed[..], Some(say_no::Answer::No), &[][..]),
        (&pushed[..], Some(say_no::Answer::Yes), &[][..]),
        (&pushed[..], Some(say_no::Answer::Yes), &dropped[..]),
    ] {
        let request = say_no::Request {
            pushes_out,
            effort: Some(d(3.0, Unit::Weeks)),
            answer,
            dropped,
        };
        out.push((&say_no::FRAMEWORK, say_no::assess(&request)));
    }
}

fn look_back_findings(out: &mut Found) {
    for (held_up, seen) in [("yes", Some(true)), ("partly", None), ("no", Some(false))] {
        let look = look_back::Look {
            happened: "We moved",
            held_up,
            why: Some("load stayed flat"),
            signal_seen: seen,
            learnt: "Plan the data move",
            next_review: Some(today()),
        };
        out.push((&look_back::FRAMEWORK, look_back::assess(&look, today())));
    }
}

fn finish_findings(out: &mut Found) {
    let templates = Templates::embedded().unwrap();
    let information = |have: usize| {
        let k = knowledge(4, have, Some(door::Door::OneWay), None);
        speak(
            &information::FRAMEWORK,
            information::assess(&k, today(), today()),
            &templates,
        )
        .unwrap()
    };
    let chose = |chosen| finish::Settle {
        chosen: Some(chosen),
        ..finish::Settle::default()
    };
    let extend = finish::Settle {
        extend: true,
        until: Some(today()),
        why: Some("a reply on Monday"),
        ..finish::Settle::default()
    };
    for (settle, have) in [
        (chose("Vendor A"), 3),
        (chose("Vendor A"), 1),
        (chose(finish::NONE), 3),
        (extend, 1),
        (finish::Settle::default(), 1),
    ] {
        let finding = finish::assess(
            &information(have),
            &settle,
            today(),
            |_| today(),
            ReviewPeriods::default(),
        );
        out.push((&finish::FRAMEWORK, finding));
    }
}

#[test]
fn every_verdict_and_warning_gets_words_and_every_fact_is_given() {
    let templates = Templates::embedded().unwrap();
    let findings = findings();
    for framework in FRAMEWORKS {
        for verdict in framework.verdicts {
            assert!(
                findings
                    .iter()
                    .any(|(f, finding)| f.name == framework.name && finding.verdict == verdict.id),
                "no finding exercises {} {}",
                framework.name,
                verdict.id
            );
        }
        for warning in framework.warnings {
            assert!(
                findings
                    .iter()
                    .any(|(f, finding)| f.name == framework.name
                        && finding.warnings.contains(warning)),
                "no finding raises {} warning {warning}",
                framework.name
            );
        }
    }
    for (framework, finding) in findings {
        let mut facts: Vec<&str> = finding.facts.keys().map(String::as_str).collect();
        facts.sort_unstable();
        let mut declared = framework.facts.to_vec();
        declared.sort_unstable();
        assert_eq!(
            facts, declared,
            "{} {}: facts given and declared",
            framework.name, finding.verdict
        );
        let case = format!("{} {}", framework.name, finding.verdict);
        let assessment =
            speak(framework, finding, &templates).unwrap_or_else(|e| panic!("{case}: {e}"));
        let words = format!(
            "{} {} {}",
            assessment.verdict,
            assessment.reasoning,
            assessment
                .warnings
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(
            !assessment.verdict.is_empty() && !assessment.reasoning.is_empty(),
            "{case}"
        );
        let tokens: Vec<&str> = words
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .collect();
        for placeholder in ["None", "null", "NaN", "inf", "undefined"] {
            assert!(
                !tokens.contains(&placeholder),
                "{case}: {placeholder:?} in {words}"
            );
        }
        assert!(
            !words.contains("{{") && !words.contains("  "),
            "{case}: {words}"
        );
        assert!(
            words::article_problems(&words).is_empty(),
            "{case}: {words}"
        );
    }
}

#[test]
fn a_template_line_gives_headline_reasoning_and_warnings() {
    let words = Words::parse(
        "\n  Headline here\nFirst reason.\n! name: What it means.\n!! odd: Check it.\nSecond reason.\n",
    );
    assert_eq!(words.headline.as_deref(), Some("Headline here"));
    assert_eq!(words.reasoning, "First reason. Second reason.");
    assert_eq!(
        words.warnings,
        [
            ("name".to_string(), "What it means.".to_string(), false),
            ("odd".to_string(), "Check it.".to_string(), true)
        ]
    );
}
