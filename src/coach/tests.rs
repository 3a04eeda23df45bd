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
    ("deadline", "due-now", "deadline-negotiate"),
    ("deadline", "a-beats-b", "deadline-negotiate"),
    ("deadline", "a-misses", "deadline-negotiate"),
    ("deadline", "b-short", "deadline-negotiate"),
    ("upward", "mechanism", "upward-example-bad"),
    ("upward", "jargon", "upward-communication"),
    ("upward", "no-number", "stakeholder-real-questions"),
    ("upward", "unsaid-status", "stakeholder-real-questions"),
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
    ("say-no", "yes-if-they-agree", "yes-is-a-no"),
    ("say-no", "no-if-they-agree", "say-no"),
    ("look-back", "held-up", "write-things-down"),
    ("look-back", "changed", "wrong-call-ok"),
    ("look-back", "reversed", "wrong-call-ok"),
    ("finish", "decided", "seventy-percent-rule"),
    ("finish", "decided-below", "cost-of-delay"),
    ("finish", "dropped", "wrong-call-ok"),
    ("finish", "extended", "cost-of-delay"),
    ("finish", "open", "seventy-percent-rule"),
    ("one-on-one-cadence", "first", "one-on-ones"),
    ("one-on-one-cadence", "on-time", "one-on-ones"),
    ("one-on-one-cadence", "overdue", "one-on-ones"),
    ("one-on-one", "real-conversation", "one-on-ones"),
    ("one-on-one", "status-update", "one-on-ones"),
    ("modes", "terrible-week", "output-is-team-output"),
    ("modes", "people-stuck", "mode-people-facilitator"),
    ("modes", "mostly-coding", "coding-share"),
    ("modes", "team-output", "output-is-team-output"),
    ("career-track", "management", "what-energizes-you"),
    ("career-track", "technical", "what-energizes-you"),
    ("career-track", "either", "no-need-to-decide-now"),
    ("t-shape", "work-on", "deep-enough"),
    ("t-shape", "deep-enough", "t-shape-bars"),
    ("boundaries", "crossed", "responsible-not-always-available"),
    ("boundaries", "within", "take-care-of-yourself"),
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
    personal_findings(&mut out);
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
    // A review settled before the signal can show is moved after it, with a warning.
    let finding = door::assess(d(3.0, Unit::Days), &answers(None, None), today(), review);
    let seen = today() + chrono::Duration::days(30);
    let early = door::settled_review(finding, Some(seen), Some(today()), today());
    assert_eq!(early.warnings, ["review-before-signal"]);
    out.push((&door::FRAMEWORK, early));
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
        until_asked: None,
        asked_by: None,
        needs_ok: false,
        finishing: false,
    }
}

fn information_findings(out: &mut Found) {
    for k in [
        knowledge(0, 0, Some(door::Door::OneWay), None),
        knowledge(4, 3, Some(door::Door::OneWay), None),
        knowledge(4, 3, Some(door::Door::OneWay), Some(vec!["item 4".into()])),
        knowledge(4, 1, Some(door::Door::TwoWay), None),
        knowledge(4, 1, Some(door::Door::OneWay), Some(Vec::new())),
        knowledge(4, 1, None, None),
        // A time-box typed for a Saturday ends on the Friday before.
        information::Knowledge {
            until: NaiveDate::from_ymd_opt(2026, 12, 11),
            until_asked: NaiveDate::from_ymd_opt(2026, 12, 12),
            ..knowledge(4, 1, Some(door::Door::OneWay), None)
        },
        // An answer needed from outside after the time-box: the time-box waits for it.
        information::Knowledge {
            until: NaiveDate::from_ymd_opt(2026, 12, 11),
            asked_by: NaiveDate::from_ymd_opt(2027, 3, 2),
            ..knowledge(4, 1, Some(door::Door::OneWay), None)
        },
        // Decided on our side, with an OK still to come: a proposal until then.
        information::Knowledge {
            needs_ok: true,
            asked_by: NaiveDate::from_ymd_opt(2026, 12, 11),
            ..knowledge(4, 3, Some(door::Door::TwoWay), None)
        },
        // When a proposal is finished, extending is one way on and deciding the other.
        information::Knowledge {
            finishing: true,
            ..knowledge(5, 3, Some(door::Door::OneWay), None)
        },
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
    let calendar = WorkCalendar::default();
    let proposals = [
        tech_debt::Proposal {
            choice: Some("shortcut"),
            why: None,
            deliberate: Some("reckless"),
            estimates_checked: None,
        },
        tech_debt::Proposal {
            choice: Some("fix-now"),
            why: Some("the team wants it"),
            deliberate: Some("prudent"),
            estimates_checked: None,
        },
    ];
    for debt in variants {
        for proposal in &proposals {
            let finding = tech_debt::assess(&debt, proposal, &calendar);
            out.push((&tech_debt::FRAMEWORK, finding));
        }
    }
    // A week's notice is too short for two weeks of fix before the slowdown.
    let hurried = tech_debt::Debt {
        starts_in: d(1.0, Unit::Weeks),
        fix_cost: Some(d(2.0, Unit::Weeks)),
        ..debt
    };
    out.push((
        &tech_debt::FRAMEWORK,
        tech_debt::assess(&hurried, &proposals[0], &calendar),
    ));
}

fn deadline_findings(out: &mut Found) {
    let request = deadline::Request {
        today: today(),
        due: NaiveDate::from_ymd_opt(2027, 1, 14).unwrap(),
        estimate: d(10.0, Unit::Weeks),
        saves: None,
        extra: None,
        waits: None,
        names_outside: false,
        option_c: None,
    };
    let with = |saves: Option<f64>, extra: Option<f64>| deadline::Request {
        saves: saves.map(|w| d(w, Unit::Weeks)),
        extra: extra.map(|w| d(w, Unit::Weeks)),
        ..request
    };
    // The team's own holidays, none in the window, and none listed (25 December and 1
    // January are taken as days off).
    let listed = WorkCalendar::new([NaiveDate::from_ymd_opt(2026, 8, 3).unwrap()]);
    out.push((
        &deadline::FRAMEWORK,
        deadline::assess(&request, &WorkCalendar::default()),
    ));
    for request in [
        request,
        deadline::Request {
            estimate: d(6.0, Unit::Weeks),
            ..request
        },
        with(Some(5.0), Some(4.0)),
        with(Some(1.0), None),
        with(Some(5.0), Some(1.0)),
        with(Some(4.0), Some(4.0)),
        deadline::Request {
            due: today(),
            ..with(Some(12.0), None)
        },
        deadline::Request {
            waits: Some(true),
            option_c: Some(deadline::OptionC::Unchecked),
            ..with(Some(12.0), Some(4.0))
        },
        deadline::Request {
            names_outside: true,
            option_c: Some(deadline::OptionC::Misses),
            ..with(Some(5.0), Some(4.0))
        },
        deadline::Request {
            option_c: Some(deadline::OptionC::Holds),
            ..with(Some(5.0), Some(4.0))
        },
        deadline::Request {
            due: NaiveDate::from_ymd_opt(2027, 1, 16).unwrap(),
            ..request
        },
    ] {
        out.push((&deadline::FRAMEWORK, deadline::assess(&request, &listed)));
    }
}

fn upward_findings(out: &mut Found) {
    let words = words::embedded();
    let known = upward::Situation {
        cause_known: Some(true),
        ongoing: None,
    };
    let unknown = upward::Situation {
        cause_known: Some(false),
        ongoing: None,
    };
    for (answers, situation) in [
        (
            [
                "The page is slow",
                "It is slow because the ORM makes N+1 queries",
                "3 to 1 seconds",
                "",
            ],
            known,
        ),
        (
            [
                "The monolith is slow",
                "Every customer waits",
                "3 to 1 seconds",
                "",
            ],
            known,
        ),
        (
            [
                "The page is slow",
                "Every customer waits",
                "much faster",
                "",
            ],
            known,
        ),
        (
            [
                "Logins fail",
                "8% of logins fail",
                "everyone can log in",
                "refund the 40 customers by Friday",
            ],
            unknown,
        ),
        (
            [
                "The page is slow",
                "Every customer waits",
                "3 to 1 seconds",
                "",
            ],
            known,
        ),
    ] {
        out.push((
            &upward::FRAMEWORK,
            upward::assess(&answers, &[], &[], &situation, &words),
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
        let finding = disagreement::assess(&dispute, &holders, &Default::default());
        out.push((&disagreement::FRAMEWORK, finding));
    }
    // A ruling against the suggestion that credits the other side without covering it.
    let dispute = disagreement::Dispute {
        approaches: &approaches,
        argued_out: true,
        deadlocked: true,
        times: &times,
        easier: Some("Calls"),
    };
    let ruling = disagreement::Ruling {
        chosen: Some("Queue"),
        credit: Some("calls are simpler to debug"),
        switch_when: Some("the queue backs up for an hour"),
        fallback: Some("Calls"),
        ..Default::default()
    };
    let finding = disagreement::assess(&dispute, &holders, &ruling);
    assert!(finding.warnings.contains(&"uncovered-credit"));
    out.push((&disagreement::FRAMEWORK, finding));
}

fn delegation_findings(out: &mut Found) {
    let task = delegation::Task {
        yours: d(2.0, Unit::Hours),
        theirs: d(6.0, Unit::Hours),
        coaching: d(30.0, Unit::Minutes),
        recurs: delegation::Recurrence::Weekly,
    };
    let plan = |call: Option<&'static str>| delegation::Plan {
        learns: Some("the release"),
        call,
        agreed: false,
        start: None,
        today: today(),
        keep_review_days: 30,
    };
    let calendar = WorkCalendar::default();
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
        // Handed over purely so someone else learns it.
        (
            delegation::Task {
                yours: d(0.0, Unit::Hours),
                ..task
            },
            Some("delegate"),
        ),
        (task, Some("myself")),
    ] {
        let finding = delegation::assess(&task, &plan(call), &calendar);
        out.push((&delegation::FRAMEWORK, finding));
    }
}

fn say_no_findings(out: &mut Found) {
    let pushed = ["A".to_string(), "B".to_string()];
    let dropped = ["A".to_string()];
    // (pushes out, answer, dropped, owner, restart)
    type Case<'a> = (
        &'a [String],
        Option<say_no::Answer>,
        &'a [String],
        Option<&'a str>,
        Option<NaiveDate>,
    );
    #[rustfmt::skip]
    let cases: [Case<'_>; 8] = [
        (&[], None, &[], None, None),
        (&pushed, None, &[], None, None),
        (&pushed, Some(say_no::Answer::No), &[], None, None),
        (&pushed, Some(say_no::Answer::No), &[], Some("Priya"), None),
        (&pushed, Some(say_no::Answer::Yes), &[], None, None),
        (&pushed, Some(say_no::Answer::Yes), &dropped, None, None),
        (&pushed, Some(say_no::Answer::Yes), &dropped, Some("legal"), None),
        (&pushed, Some(say_no::Answer::Yes), &dropped, None, Some(today())),
    ];
    for (pushes_out, answer, dropped, owner, delay_until) in cases {
        let request = say_no::Request {
            today: today(),
            pushes_out,
            effort: Some(d(3.0, Unit::Weeks)),
            answer,
            dropped,
            drop: false,
            delay_until,
            owner,
        };
        out.push((
            &say_no::FRAMEWORK,
            say_no::assess(&request, &WorkCalendar::default()),
        ));
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
    let disproved = finish::Settle {
        leaning: Some("Vendor A"),
        because: Some("the discount saves 400,000 euros"),
        earlier_because: Some("the discount saves 400,000 euros."),
        learnt: Some("The discount is 22%, not 30%."),
        ..extend.clone()
    };
    for (settle, have) in [
        (chose("Vendor A"), 3),
        (chose("Vendor A"), 1),
        (chose(finish::NONE), 3),
        (extend, 1),
        (disproved, 1),
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

fn personal_findings(out: &mut Found) {
    one_on_one_findings(out);
    modes_findings(out);
    career_findings(out);
    t_shape_findings(out);
    boundaries_findings(out);
}

fn one_on_one_findings(out: &mut Found) {
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let history = History {
        one_on_ones: vec![history::Meeting {
            date: day(12),
            person: "Sam".into(),
            open: vec!["me: book the course".into()],
            notes: Some("Wants to lead a release".into()),
        }],
        weeks: Vec::new(),
    };
    for (person, today) in [("Ana", 26), ("Sam", 19), ("Sam", 26)] {
        let finding = cadence::assess(person, &history, day(today), day(today));
        out.push((&cadence::FRAMEWORK, finding));
    }
    let topics = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for (topics, follow_ups) in [
        (
            topics(&["the on-call rota", "sprint progress"]),
            topics(&["me: book it"]),
        ),
        (
            topics(&["sprint progress", "ticket ETA"]),
            topics(&["a", "b", "c", "d", "e"]),
        ),
    ] {
        let plan = one_on_one::Plan {
            person: "Sam",
            recognise: "the calm incident review",
            growth: "leading the next design review",
            topics,
            status: None,
            carried: vec!["me: book the course".into()],
            done: Vec::new(),
            follow_ups,
            notes: Some("Ask about the conference"),
        };
        out.push((&one_on_one::FRAMEWORK, one_on_one::assess(&plan)));
    }
}

fn modes_findings(out: &mut Found) {
    let hours = |leader, people, process, coding| history::ModeHours {
        leader,
        people,
        process,
        coding,
    };
    let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let before = [(
        today() - chrono::Duration::days(7),
        hours(10.0, 10.0, 5.0, 15.0),
    )];
    for (hours, stuck, unblocked, delegate) in [
        (
            hours(2.0, 1.0, 3.0, 32.0),
            names(&["Ana", "Ben"]),
            names(&[]),
            names(&[]),
        ),
        (
            hours(10.0, 15.0, 5.0, 10.0),
            names(&["Ana"]),
            names(&["Ben"]),
            names(&["x"]),
        ),
        (
            hours(5.0, 5.0, 5.0, 25.0),
            names(&[]),
            names(&[]),
            names(&["x"]),
        ),
        (
            hours(12.0, 16.0, 4.0, 8.0),
            names(&[]),
            names(&["Ana"]),
            names(&[]),
        ),
        (
            hours(12.0, 16.0, 4.0, 8.0),
            names(&[]),
            names(&[]),
            names(&[]),
        ),
    ] {
        let week = modes::Week {
            hours,
            unblocked,
            stuck,
            delegate,
        };
        out.push((&modes::FRAMEWORK, modes::assess(&week, &before, today())));
    }
}

fn career_findings(out: &mut Found) {
    let energy = |m: f64, t: f64| career::Energy {
        building_teams: m,
        mentoring: m,
        culture: m,
        hard_problems: t,
        technical_strategy: t,
    };
    let two_way = career::Trial {
        experiment: Some("mentor the new hire"),
        door: Some("two-way"),
        undo: Some("2 weeks"),
    };
    let one_way = career::Trial {
        experiment: Some("take the manager role"),
        door: Some("one-way"),
        undo: Some("6 months"),
    };
    for (energy, trial) in [
        (energy(5.0, 2.0), two_way.clone()),
        (energy(2.0, 5.0), career::Trial::default()),
        (energy(2.0, 2.0), one_way),
        (energy(4.0, 4.0), two_way),
    ] {
        out.push((
            &career::FRAMEWORK,
            career::assess(&energy, &trial, today(), today()),
        ));
    }
}

fn t_shape_findings(out: &mut Found) {
    let depths = |d: &[(&str, f64)]| {
        d.iter()
            .map(|(a, n)| (a.to_string(), *n))
            .collect::<Vec<_>>()
    };
    for (depths, question) in [
        (
            depths(&[("databases", 2.0), ("backend", 5.0)]),
            Some("How would we restore a backup?"),
        ),
        (depths(&[("databases", 1.0), ("backend", 3.0)]), None),
        (depths(&[("databases", 3.0), ("backend", 4.0)]), None),
    ] {
        out.push((
            &t_shape::FRAMEWORK,
            t_shape::assess(&depths, question, today(), today()),
        ));
    }
}

fn boundaries_findings(out: &mut Found) {
    let counts = |after_hours, weekend_days, vacation_planned, vacation_taken| boundaries::Counts {
        after_hours,
        weekend_days,
        vacation_planned,
        vacation_taken,
    };
    for (counts, on_fire) in [
        (counts(12.0, 3.0, 10.0, 2.0), Some("production is down")),
        (counts(1.0, 0.0, 0.0, 0.0), None),
        (counts(1.0, 0.0, 10.0, 9.0), None),
    ] {
        let finding = boundaries::assess(&counts, &boundaries::Limits::default(), on_fire);
        out.push((&boundaries::FRAMEWORK, finding));
    }
}

#[test]
fn what_a_framework_keeps_is_among_its_facts() {
    for framework in FRAMEWORKS {
        for kept in framework.keeps {
            assert!(
                framework.facts.contains(kept),
                "{} keeps `{kept}`, which it does not give",
                framework.name
            );
        }
    }
}

/// Counts read as a person says them, at zero and one too.
#[test]
fn a_part_of_a_whole_reads_as_said() {
    let cases = [
        (0, 1, "not the one thing"),
        (1, 1, "the one thing"),
        (0, 3, "none of the 3 things"),
        (2, 3, "2 of the 3 things"),
        (3, 3, "all 3 things"),
        (1, 2, "1 of the 2 things"),
        (2, 2, "both things"),
    ];
    for (part, whole, said) in cases {
        assert_eq!(crate::text::part_of(part, whole, "thing", "things"), said);
    }
}

/// A warning held back for a later answer names a warning and inputs the framework has.
#[test]
fn what_a_warning_waits_for_is_declared() {
    for framework in FRAMEWORKS {
        for (warning, inputs) in framework.waits {
            assert!(
                framework.warnings.contains(warning),
                "{} waits on `{warning}`, which it does not raise",
                framework.name
            );
            for input in *inputs {
                assert!(
                    framework.input(input).is_some(),
                    "{} `{warning}` waits for `{input}`, which it does not take",
                    framework.name
                );
            }
        }
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

/// A `>` line after a warning is what to do about it with the tool: the terminal says it,
/// the record (which renders `text`) never does.
#[test]
fn a_warning_s_tool_hint_is_kept_apart_from_its_words() {
    let words = Words::parse(
        "Headline\n! c-unchecked: Not checked yet.\n> Answer `c_check: holds` to offer it.\n",
    );
    assert_eq!(
        words.warnings,
        [(
            "c-unchecked".to_string(),
            "Not checked yet.".to_string(),
            false
        )]
    );
    assert_eq!(
        words.hints,
        [(
            "c-unchecked".to_string(),
            "Answer `c_check: holds` to offer it.".to_string()
        )]
    );
}

/// No coach template writes an instruction to the tool (a key to answer, a setting) into
/// a warning's words: those go into the record, which people sign.
#[test]
fn no_warning_s_words_name_a_key_or_a_setting() {
    for (path, text) in crate::embedded::FILES
        .iter()
        .filter(|(path, _)| path.starts_with("templates/coach/"))
    {
        for line in text.lines().map(str::trim) {
            if line.starts_with('!') {
                assert!(
                    !line.contains('`') && !line.contains(".decide.yaml"),
                    "{path}: {line}"
                );
            }
        }
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
