//! The decision flow end to end with scripted answers: which questions are asked, when the
//! coaching appears, and what the defaults become.

use chrono::NaiveDate;

use super::{Scripted, Session, Settings};
use crate::answer::Answer;
use crate::coach::ReviewPeriods;
use crate::playbook::Catalog;

fn settings() -> Settings {
    Settings {
        today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        periods: ReviewPeriods::default(),
        decision_makers: vec!["Ana".into()],
        calendar: crate::coach::WorkCalendar::default(),
        personal: crate::coach::Personal::default(),
    }
}

/// The questions before the door, shared by every path.
const FRAMING: &[(&str, &str)] = &[
    ("title", "Pick a UI library"),
    ("context", "The settings page needs a rewrite."),
    ("drivers", "ship in March; team knows React"),
    ("options", "Chakra; MUI"),
    ("options.Chakra", "+ small; - new to us"),
    ("options.MUI", "+ known; - heavy"),
    ("leaning", "MUI"),
];

/// After the information questions, on the decided path.
const DECIDED: &[(&str, &str)] = &[
    ("because", "we know it"),
    ("fallback", ""),
    ("impact", ""),
    ("needs", ""),
    ("confidence", ""),
    ("signal", ""),
];

fn run(typed: &[(&str, &str)]) -> (Scripted, Session<'static>) {
    let catalog: &'static Catalog = Box::leak(Box::new(Catalog::embedded()));
    let playbook = catalog.get("decision").unwrap();
    let mut session = Session::new(catalog, playbook, settings());
    let script: Vec<(&str, &str)> = FRAMING.iter().chain(typed).copied().collect();
    let mut prompter = Scripted::new(&script);
    let mut saves = 0;
    session
        .run(&mut prompter, &mut |_| {
            saves += 1;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}; asked {:?}", prompter.asked));
    assert!(
        saves >= prompter.asked.len(),
        "every answer is saved as it is given"
    );
    (prompter, session)
}

fn with(
    path: &[(&'static str, &'static str)],
    tail: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    path.iter().chain(tail).copied().collect()
}

/// The default path of each door, and how many prompts each takes; the README states the
/// first.
#[test]
fn prompts_on_every_door_path() {
    type Path = (&'static str, Vec<(&'static str, &'static str)>, usize);
    let paths: [Path; 3] = [
        (
            "days",
            with(
                &[
                    ("undo_time", "3 days"),
                    ("feels_one_way", ""),
                    ("wished", "load; cost"),
                    ("have", "load"),
                    ("owners.cost", ""),
                ],
                DECIDED,
            ),
            19,
        ),
        (
            "weeks",
            with(
                &[
                    ("undo_time", "3 weeks"),
                    ("hard_to_undo", "theme tokens everywhere"),
                    ("door_class", "two-way"),
                    ("wished", "load; cost"),
                    ("have", "load"),
                    ("owners.cost", ""),
                ],
                DECIDED,
            ),
            20,
        ),
        (
            "months",
            vec![
                ("undo_time", "6 months"),
                ("two_way_path", ""),
                ("wished", "load; cost"),
                ("have", "load"),
                ("could_change", ""),
                ("owners.cost", "Ana"),
                ("investigate_until", ""),
                ("because", "we know it"),
                ("impact", ""),
                ("needs", ""),
            ],
            18,
        ),
    ];
    for (name, path, prompts) in paths {
        let (prompter, _) = run(&path);
        assert_eq!(prompter.prompts, prompts, "{name}: {:?}", prompter.asked);
    }
}

#[test]
fn each_verdict_is_shown_right_after_its_answers() {
    let (prompter, _) = run(&with(
        &[
            ("undo_time", "3 days"),
            ("feels_one_way", "no"),
            ("wished", "load; cost; team"),
            ("have", "load; cost; team"),
        ],
        DECIDED,
    ));
    assert_eq!(
        prompter.coached[0],
        (
            "undo_time".to_string(),
            "Two-way door: decide fast".to_string()
        )
    );
    assert_eq!(prompter.coached[1].0, "have");
    assert!(
        prompter.coached[1].1.contains("decide now"),
        "{:?}",
        prompter.coached
    );
    assert_eq!(
        prompter.coached.len(),
        2,
        "an unchanged verdict is not repeated"
    );
}

/// The coach says nothing built on a question still to come: the date an OK is needed by
/// is asked after what is needed, so the date it would be decided by waits for it.
#[test]
fn a_warning_waits_for_the_answer_it_is_built_on() {
    let (prompter, session) = run(&[
        ("undo_time", "3 days"),
        ("feels_one_way", "no"),
        ("wished", "load; cost"),
        ("have", "load; cost"),
        ("because", "we know it"),
        ("fallback", ""),
        ("impact", ""),
        ("needs", "your OK on the licence budget"),
        ("needs_by", "2026-12-09"),
    ]);
    let asked = |key: &str| prompter.asked.iter().position(|k| k == key).unwrap();
    let by_when = asked("needs_by");
    let decided_by: Vec<&(String, String)> = prompter
        .warned
        .iter()
        .filter(|(_, text)| text.contains("decided by"))
        .collect();
    assert!(!decided_by.is_empty(), "{:?}", prompter.warned);
    for (after, text) in decided_by {
        assert!(
            asked(after) >= by_when,
            "said after `{after}`, before the by-when question: {text}"
        );
        assert!(text.contains("Wednesday 9 December"), "{text}");
    }
    let outcome = session.outcome().unwrap();
    assert_eq!(outcome.decide_by.as_deref(), Some("2026-12-09"));
}

#[test]
fn the_door_question_names_the_option_leaned_towards() {
    let catalog = Catalog::embedded();
    let playbook = catalog.get("decision").unwrap();
    let mut session = Session::new(&catalog, playbook, settings());
    let script: Vec<(&str, &str)> = FRAMING.to_vec();
    let mut prompter = Scripted::new(&script);
    // The script ends before the door question: the run stops there with an error.
    let _ = session.run(&mut prompter, &mut |_| Ok(()));
    let undo = session
        .resolve(playbook.question("undo_time").unwrap())
        .unwrap();
    assert_eq!(
        undo.prompt(),
        "If MUI turns out to be wrong, how long would it take to undo?"
    );
}

/// An undo time given with the leaning option's pros and cons answers the door question,
/// which is not asked: one prompt fewer than the default path.
#[test]
fn an_undo_time_given_with_the_option_leaned_towards_is_not_asked_again() {
    let catalog: &'static Catalog = Box::leak(Box::new(Catalog::embedded()));
    let playbook = catalog.get("decision").unwrap();
    let mut session = Session::new(catalog, playbook, settings());
    let script: Vec<(&str, &str)> = FRAMING
        .iter()
        .map(|&(key, text)| match key {
            "options.Chakra" => (key, "+ small; - new to us; undo: 3-4 months"),
            "options.MUI" => (key, "+ known; - heavy; undo 3 days"),
            _ => (key, text),
        })
        .chain([
            ("feels_one_way", ""),
            ("wished", "load; cost"),
            ("have", "load"),
            ("owners.cost", ""),
        ])
        .chain(DECIDED.iter().copied())
        .collect();
    let mut prompter = Scripted::new(&script);
    session
        .run(&mut prompter, &mut |_| Ok(()))
        .unwrap_or_else(|e| panic!("{e}; asked {:?}", prompter.asked));
    assert!(!prompter.asked.contains(&"undo_time".to_string()));
    assert_eq!(prompter.prompts, 18, "{:?}", prompter.asked);
    // The door verdict comes as soon as the lean is known.
    assert_eq!(prompter.coached[0].0, "leaning");
    let door = &session.assessments["door"];
    assert_eq!(door.kind, "two-way");
    assert_eq!(door.facts["undo"], "3 days");
    let options: Vec<(&str, &str)> = door.facts["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["name"].as_str().unwrap(), o["door"].as_str().unwrap()))
        .collect();
    assert_eq!(options, [("Chakra", "one-way"), ("MUI", "two-way")]);
}

#[test]
fn an_irreversible_feeling_with_a_days_undo_is_flagged() {
    let (prompter, _) = run(&with(
        &[
            ("undo_time", "2 days"),
            ("feels_one_way", "yes"),
            ("wished", ""),
        ],
        DECIDED,
    ));
    assert!(
        prompter
            .coached
            .iter()
            .any(|(after, verdict)| after == "feels_one_way" && verdict.contains("masquerading")),
        "{:?}",
        prompter.coached
    );
}

#[test]
fn weeks_with_no_call_made_are_treated_as_one_way() {
    let (prompter, session) = run(&[
        ("undo_time", "8 weeks"),
        ("hard_to_undo", "customers integrate"),
        ("door_class", ""),
        ("two_way_path", ""),
        ("wished", ""),
        ("because", "x"),
        ("fallback", ""),
        ("impact", ""),
        ("needs", ""),
        ("confidence", ""),
        ("signal", ""),
    ]);
    assert!(prompter.asked.contains(&"hard_to_undo".to_string()));
    assert!(!prompter.asked.contains(&"feels_one_way".to_string()));
    let door = &session.assessments["door"];
    assert_eq!(door.kind, "weeks-unsure");
    assert!(!door.reasoning.contains("you judged"), "{}", door.reasoning);
    assert_eq!(door.fact_str("door"), Some("one-way"));
    // One-way door: the review defaults to 90 days out.
    assert_eq!(
        session.answer("review_by"),
        Some(&Answer::Date(NaiveDate::from_ymd_opt(2027, 2, 24).unwrap()))
    );
}

#[test]
fn a_one_way_door_below_seventy_percent_is_a_proposal_with_the_lead_s_date() {
    let (prompter, session) = run(&[
        ("undo_time", "6 months"),
        ("two_way_path", ""),
        ("wished", "load; cost; team"),
        ("have", "load"),
        ("could_change", "cost"),
        ("owners.cost", "Ana"),
        ("investigate_until", "2026-12-11"),
        ("because", "x"),
        ("impact", ""),
        ("needs", ""),
    ]);
    assert!(!prompter.asked.contains(&"fallback".to_string()));
    assert!(!prompter.asked.contains(&"chosen".to_string()));
    let outcome = session.outcome().unwrap();
    assert_eq!(outcome.kind, "proposal");
    assert_eq!(outcome.status, "proposed");
    assert_eq!(outcome.decide_by.as_deref(), Some("2026-12-11"));
    // Not decided yet: nothing to review, so no review date that repeats the decide-by.
    assert_eq!(outcome.review_by, None);
    assert!(
        outcome
            .headline
            .contains("investigate until Friday 11 December"),
        "{}",
        outcome.headline
    );
    assert_eq!(
        session.assessments["information"].facts["open_questions"],
        serde_json::json!([{"item": "cost", "owner": "Ana"}])
    );
}

/// An item put into a question loses the capital that only started its answer; a name
/// the lead writes elsewhere keeps it.
#[test]
fn a_question_about_an_item_reads_it_mid_sentence() {
    let (prompter, _) = run(&[
        ("undo_time", "6 months"),
        ("two_way_path", ""),
        (
            "wished",
            "Peak write load; MUI licence cost; Team availability",
        ),
        ("have", "Team availability"),
        ("could_change", "Peak write load; MUI licence cost"),
        ("owners.Peak write load", "Ana"),
        ("owners.MUI licence cost", ""),
        ("investigate_until", "2026-12-11"),
        ("because", "x"),
        ("impact", ""),
        ("needs", ""),
        ("plain_words.Peak write load", ""),
    ]);
    let shown = |key: &str| {
        prompter
            .shown
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, prompt)| prompt.clone())
    };
    assert_eq!(
        shown("owners.Peak write load").as_deref(),
        Some("Who finds out peak write load?")
    );
    assert_eq!(
        shown("owners.MUI licence cost").as_deref(),
        Some("Who finds out MUI licence cost?")
    );
}

#[test]
fn a_two_way_door_below_seventy_percent_is_decided_with_assumptions() {
    let (prompter, session) = run(&with(
        &[
            ("undo_time", "1 day"),
            ("feels_one_way", ""),
            ("wished", "load; cost"),
            ("have", ""),
            ("owners.load", "Ana"),
            ("owners.cost", ""),
        ],
        DECIDED,
    ));
    assert!(!prompter.asked.contains(&"investigate_until".to_string()));
    // The assumptions are what is still unknown, with who checks each.
    assert_eq!(
        session.assessments["information"].facts["open_questions"],
        serde_json::json!([{"item": "load", "owner": "Ana"}, {"item": "cost", "owner": null}])
    );
    assert_eq!(
        session.assessments["information"].kind,
        "decide-with-assumptions"
    );
    let outcome = session.outcome().unwrap();
    assert_eq!(outcome.status, "accepted");
    // A fallback is a promise: with none given, none is filled in (not the other option).
    assert!(
        session
            .answer("fallback")
            .is_none_or(|answer| answer.is_empty()),
        "{:?}",
        session.answer("fallback")
    );
    assert_eq!(session.answer("chosen"), Some(&Answer::Text("MUI".into())));
    // The option's pros and cons stay with the options: consequences are not a copy.
    assert!(
        session
            .answer("consequences")
            .is_none_or(|answer| answer.is_empty()),
        "{:?}",
        session.answer("consequences")
    );
}

#[test]
fn resumed_answers_are_not_asked_again() {
    let catalog = Catalog::embedded();
    let playbook = catalog.get("decision").unwrap();
    let draft = "title: Kept\ncontext: Kept too\n";
    let earlier = crate::yaml::parse(
        draft,
        std::path::Path::new("draft.yaml"),
        crate::error::Kind::Answers,
    )
    .unwrap();
    let mut session = Session::new(&catalog, playbook, settings());
    session
        .preload(&earlier, std::path::Path::new("draft.yaml"))
        .unwrap();
    let script: Vec<(&str, &str)> = FRAMING[2..]
        .iter()
        .copied()
        .chain([
            ("undo_time", "2 days"),
            ("feels_one_way", ""),
            ("wished", ""),
        ])
        .chain(DECIDED.iter().copied())
        .collect();
    let mut prompter = Scripted::new(&script);
    session.run(&mut prompter, &mut |_| Ok(())).unwrap();
    assert_eq!(prompter.asked.first().map(String::as_str), Some("drivers"));
    assert_eq!(session.answer("title"), Some(&Answer::Text("Kept".into())));
}

#[test]
fn wrong_input_is_explained() {
    let catalog = Catalog::embedded();
    let playbook = catalog.get("decision").unwrap();
    let session = Session::new(&catalog, playbook, settings());
    let undo = session
        .resolve(playbook.question("undo_time").unwrap())
        .unwrap();
    assert!(
        undo.parse_input("soon")
            .unwrap_err()
            .contains("expected a number and a unit")
    );
    assert!(
        undo.parse_input("-2 days")
            .unwrap_err()
            .contains("negative")
    );
    let options = session
        .resolve(playbook.question("options").unwrap())
        .unwrap();
    assert!(
        options
            .parse_input("only one")
            .unwrap_err()
            .contains("at least 2")
    );
    assert!(
        options
            .parse_input("A; a")
            .unwrap_err()
            .contains("listed twice")
    );
    let title = session
        .resolve(playbook.question("title").unwrap())
        .unwrap();
    assert!(title.parse_input("").unwrap_err().contains("required"));
    assert!(
        title
            .parse_input(&"x".repeat(121))
            .unwrap_err()
            .contains("120 characters")
    );
}

/// Skipping the forecast leaves `confidence` unanswered for templates (a record renders
/// `{% if confidence is not none %}`), while an empty text stays an empty text.
#[test]
fn an_optional_number_left_empty_is_no_answer_to_templates() {
    let (_, session) = run(&with(
        &[
            ("undo_time", "3 days"),
            ("feels_one_way", ""),
            ("wished", ""),
        ],
        DECIDED,
    ));
    let context = session.context();
    assert_eq!(context["confidence"], serde_json::Value::Null);
    assert_eq!(context["impact"], serde_json::json!(""));
}

/// A personal playbook's framework refuses what cannot be: the question is asked again,
/// and the refused answer is never kept or coached.
#[test]
fn a_refused_answer_is_asked_again() {
    let catalog: &'static Catalog = Box::leak(Box::new(Catalog::embedded()));
    let playbook = catalog.get("week").unwrap();
    let mut session = Session::new(catalog, playbook, settings());
    let mut prompter = Scripted::new(&[
        ("leader_hours", "100"),
        ("people_hours", "60"),
        ("process_hours", "10"),
        ("process_hours", "4"),
        // 168 in all: exactly a week is possible.
        ("coding_hours", "4"),
        ("unblocked", "Ana"),
        ("stuck", ""),
        ("delegate", ""),
    ]);
    let mut saved_process = Vec::new();
    session
        .run(&mut prompter, &mut |s| {
            saved_process.push(s.answer("process_hours").cloned());
            Ok(())
        })
        .unwrap();
    assert_eq!(prompter.refused.len(), 1, "{:?}", prompter.refused);
    let (id, problem) = &prompter.refused[0];
    assert_eq!(id, "process_hours");
    assert!(
        problem.contains("170, more than the 168 hours a week has"),
        "{problem}"
    );
    assert!(
        !saved_process.contains(&Some(Answer::Number(10.0))),
        "the refused answer is never saved"
    );
    assert_eq!(session.answer("process_hours"), Some(&Answer::Number(4.0)));
    assert_eq!(session.assessments["week"].kind, "team-output");
}

/// Without a terminal, a refused answer is the run's end, with the reason.
#[test]
fn a_refused_answer_stops_a_run_that_cannot_ask_again() {
    let catalog = Catalog::embedded();
    let playbook = catalog.get("one-on-one").unwrap();
    let mut session = Session::new(&catalog, playbook, settings());
    struct Once(Scripted);
    impl super::Prompter for Once {
        fn ask(&mut self, ask: &super::Ask<'_>) -> crate::error::Result<super::Reply<Answer>> {
            self.0.ask(ask)
        }
        fn coach(&mut self, a: &crate::coach::Assessment, l: &crate::passages::Library) {
            self.0.coach(a, l);
        }
    }
    let mut prompter = Once(Scripted::new(&[
        ("person", "Sam"),
        ("recognise", "the review"),
        ("growth", "the design"),
        ("topics", ""),
        ("follow_ups", "Priya: send the doc"),
    ]));
    let error = session.run(&mut prompter, &mut |_| Ok(())).unwrap_err();
    assert_eq!(error.kind, crate::error::Kind::Answers);
    assert!(error.message.contains("`follow_ups`"), "{error}");
    assert!(
        error
            .message
            .contains("\"Priya\", who is not in this one-on-one with Sam"),
        "{error}"
    );
}

/// `:back` steps back one question at a time, and what was said comes back as the default:
/// going back loses nothing, and nothing has to be typed again.
#[test]
fn going_back_keeps_every_answer_as_the_default() {
    let (prompter, session) = run(&with(
        &[
            ("undo_time", ":back"),
            ("leaning", ":back"),
            // The pros and cons of MUI come back as they were: Enter keeps them.
            ("options.MUI", ""),
            ("leaning", ""),
            ("undo_time", "3-4 weeks"),
            ("hard_to_undo", ":back"),
            ("undo_time", "3 days"),
            ("feels_one_way", ""),
            ("wished", ""),
        ],
        DECIDED,
    ));
    let defaults: Vec<(&str, Option<&Answer>)> = prompter
        .defaults
        .iter()
        .map(|(id, default)| (id.as_str(), default.as_ref()))
        .collect();
    let leaning = Answer::Text("MUI".into());
    assert_eq!(
        defaults
            .iter()
            .filter(|(id, _)| *id == "leaning")
            .map(|(_, d)| *d)
            .collect::<Vec<_>>(),
        [None, Some(&leaning), Some(&leaning)],
        "the choice is offered again"
    );
    let undo = defaults
        .iter()
        .filter(|(id, _)| *id == "undo_time")
        .map(|(_, d)| d.map(Answer::to_input_text))
        .collect::<Vec<_>>();
    assert_eq!(undo, [None, None, Some("3-4 weeks".to_string())]);
    let Some(Answer::Options(options)) = session.answer("options") else {
        panic!("options")
    };
    assert_eq!(options[1].pros, ["known"]);
    assert_eq!(options[1].cons, ["heavy"]);
    assert_eq!(session.answer("leaning"), Some(&leaning));
    assert_eq!(session.answer("hard_to_undo"), None, "no longer asked");
    assert_eq!(session.assessments["door"].kind, "two-way");
}

#[test]
fn going_back_from_the_first_question_stays_there() {
    let (prompter, session) = run(&with(
        &[
            ("undo_time", "3 days"),
            ("feels_one_way", ""),
            ("wished", ""),
        ],
        DECIDED,
    ));
    assert!(prompter.refused.is_empty());
    assert_eq!(
        session.answer("title"),
        Some(&Answer::Text("Pick a UI library".into()))
    );
    let catalog = Catalog::embedded();
    let playbook = catalog.get("decision").unwrap();
    let mut session = Session::new(&catalog, playbook, settings());
    let mut prompter = Scripted::new(&[("title", ":back"), ("title", "Pick a cache")]);
    let _ = session.run(&mut prompter, &mut |_| Ok(()));
    assert_eq!(&prompter.asked[..2], ["title", "title"]);
    assert_eq!(
        session.answer("title"),
        Some(&Answer::Text("Pick a cache".into()))
    );
}

/// Each option's pros and cons are saved as they are given, and a session picked up between
/// two options asks only the ones left.
#[test]
fn options_are_saved_one_by_one_and_resumed_where_they_stopped() {
    let catalog = Catalog::embedded();
    let playbook = catalog.get("decision").unwrap();
    let mut session = Session::new(&catalog, playbook, settings());
    let mut prompter = Scripted::new(&FRAMING[..5]);
    let mut saved = Vec::new();
    let stopped = session.run(&mut prompter, &mut |s| {
        saved.push(s.argued.get("options").copied());
        Ok(())
    });
    assert!(stopped.is_err(), "the script ends at the second option");
    assert_eq!(saved, [None, None, None, Some(0), Some(1)]);

    let dir = tempfile::tempdir().unwrap();
    let mut draft = crate::draft::Draft::start(
        dir.path(),
        "decision",
        crate::draft::Purpose::New,
        None,
        chrono::Local::now(),
    );
    draft.save(&session.progress()).unwrap();
    let draft = crate::draft::Draft::load(&draft.path).unwrap();
    let mut resumed = Session::new(&catalog, playbook, settings());
    resumed.resume(&draft).unwrap();
    let mut prompter = Scripted::new(&FRAMING[5..]);
    let _ = resumed.run(&mut prompter, &mut |_| Ok(()));
    assert_eq!(&prompter.asked[..2], ["options.MUI", "leaning"]);
    let Some(Answer::Options(options)) = resumed.answer("options") else {
        panic!("options")
    };
    assert_eq!(options[0].pros, ["small"]);
    assert_eq!(options[1].pros, ["known"]);
}

/// A resumed session recaps each answer as the screen showed it: an option's pros and
/// cons counted, as far as they were given, and an estimate with the words typed.
#[test]
fn the_recap_shows_every_answer_so_far() {
    let (_, session) = run(&with(
        &[
            ("undo_time", "3-4 days"),
            ("feels_one_way", ""),
            ("wished", ""),
        ],
        DECIDED,
    ));
    let recap = session.recap().unwrap();
    let shown = |prompt: &str| {
        recap
            .iter()
            .find(|(p, _)| p.starts_with(prompt))
            .map(|(_, answer)| answer.as_str())
    };
    assert_eq!(shown("Which options"), Some("Chakra; MUI"));
    assert_eq!(shown("Pros and cons of Chakra"), Some("1 pro, 1 con"));
    assert_eq!(shown("Pros and cons of MUI"), Some("1 pro, 1 con"));
    assert_eq!(shown("If "), Some("4 days (from \"3-4 days\")"));

    let catalog = Catalog::embedded();
    let playbook = catalog.get("decision").unwrap();
    let mut session = Session::new(&catalog, playbook, settings());
    let mut prompter = Scripted::new(&FRAMING[..5]);
    let _ = session.run(&mut prompter, &mut |_| Ok(()));
    let recap = session.recap().unwrap();
    let prompts: Vec<&str> = recap.iter().map(|(p, _)| p.as_str()).collect();
    assert!(
        prompts.contains(&"Pros and cons of Chakra (+ pro; - con)"),
        "{prompts:?}"
    );
    assert!(!prompts.iter().any(|p| p.contains("MUI")), "not given yet");
}

/// The review screen shows a choice by its label, never its value ("fix-now").
#[test]
fn choices_are_shown_by_their_labels() {
    let catalog = Catalog::embedded();
    let playbook = catalog.get("tech-debt").unwrap();
    let session = Session::new(&catalog, playbook, settings());
    // Its default needs the tech-debt numbers, which are not asked here.
    let mut proposal = playbook.question("proposal").unwrap().clone();
    proposal.default = None;
    let ask = session.resolve(&proposal).unwrap();
    assert_eq!(
        ask.shown(&Answer::Text("fix-now".into())),
        "Fix it properly now"
    );
    assert_eq!(ask.shown(&Answer::Text(String::new())), "none");
}

/// A log of three records, one of them about UI libraries: what the coach remembers.
fn remembering_log() -> (tempfile::TempDir, super::Recall) {
    let dir = tempfile::tempdir().unwrap();
    for (name, title, context) in [
        (
            "0001-ui.md",
            "Choose a UI library for the admin pages",
            "React or Vue.",
        ),
        ("0002-sre.md", "Hire a second SRE", "On-call is one person."),
        (
            "0003-kafka.md",
            "Send events through Kafka",
            "Queues overflow.",
        ),
    ] {
        std::fs::write(
            dir.path().join(name),
            format!("# {title}\n\n## Status\n\nAccepted\n\n## Context\n\n{context}\n"),
        )
        .unwrap();
    }
    let recall = super::Recall {
        memory: crate::log::related::Memory::prepare(vec![dir.path().to_path_buf()], None),
        after: "title".into(),
        except: Vec::new(),
    };
    (dir, recall)
}

/// After the title the coach shows the related records; going back from them returns to
/// the title, whose answer comes back to keep or change; the ones linked are kept and
/// recapped with the title.
#[test]
fn related_records_come_after_the_title_and_the_lead_links_them() {
    let (dir, recall) = remembering_log();
    let catalog = Catalog::embedded();
    let playbook = catalog.get("decision").unwrap();
    let mut session = Session::new(&catalog, playbook, settings());
    session.recall = Some(recall);
    let mut script = vec![
        ("title", "Pick a UI library"),
        ("relates_to", ":back"),
        ("title", ""),
        ("relates_to", "1"),
    ];
    script.extend(&FRAMING[1..5]);
    let mut prompter = Scripted::new(&script);
    let _ = session.run(&mut prompter, &mut |_| Ok(()));
    assert_eq!(
        prompter.asked[..5],
        ["title", "relates_to", "title", "relates_to", "context"]
    );
    assert_eq!(
        prompter.related,
        vec![vec!["1. Choose a UI library for the admin pages".to_string()]; 2]
    );
    assert_eq!(
        prompter.defaults[1],
        (
            "title".to_string(),
            Some(Answer::Text("Pick a UI library".into()))
        )
    );
    assert_eq!(session.relates_to, [dir.path().join("0001-ui.md")]);
    let recap = session.recap().unwrap();
    assert_eq!(
        recap[1],
        (
            "Linked as related".to_string(),
            "1. Choose a UI library for the admin pages".to_string()
        )
    );
}

/// A title nothing in the log is about asks nothing more.
#[test]
fn nothing_related_asks_nothing() {
    let (_dir, recall) = remembering_log();
    let catalog = Catalog::embedded();
    let playbook = catalog.get("decision").unwrap();
    let mut session = Session::new(&catalog, playbook, settings());
    session.recall = Some(recall);
    let mut script = vec![("title", "Pick a colour for the logo")];
    script.extend(&FRAMING[1..3]);
    let mut prompter = Scripted::new(&script);
    let _ = session.run(&mut prompter, &mut |_| Ok(()));
    assert_eq!(prompter.asked[..3], ["title", "context", "drivers"]);
    assert!(prompter.related.is_empty());
    assert!(session.relates_to.is_empty());
}
