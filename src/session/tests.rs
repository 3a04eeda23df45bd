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
];

fn run(typed: &[(&str, &str)]) -> (Scripted, Vec<(String, Answer)>) {
    let catalog = Catalog::embedded();
    let playbook = catalog.get("decision").unwrap();
    let mut session = Session::new(&catalog, playbook, settings());
    let script: Vec<(&str, &str)> = FRAMING.iter().chain(typed).copied().collect();
    let mut prompter = Scripted::new(&script);
    let mut saves = 0;
    session
        .run(&mut prompter, &mut |_| {
            saves += 1;
            Ok(())
        })
        .unwrap();
    assert!(
        saves >= prompter.asked.len(),
        "every answer is saved as it is given"
    );
    (prompter, session.answers.clone())
}

fn answer<'a>(answers: &'a [(String, Answer)], id: &str) -> Option<&'a Answer> {
    answers.iter().find(|(k, _)| k == id).map(|(_, a)| a)
}

#[test]
fn accepting_the_defaults_takes_at_most_fifteen_prompts_on_every_door_path() {
    let paths: [&[(&str, &str)]; 3] = [
        &[
            ("undo_time", "3 days"),
            ("feels_one_way", ""),
            ("wished", "load; cost"),
            ("have", "load"),
            ("chosen", "MUI"),
            ("because", "we know it"),
            ("fallback", ""),
        ],
        &[
            ("undo_time", "3 weeks"),
            ("hard_to_undo", "theme tokens everywhere"),
            ("door_class", ""),
            ("wished", "load; cost"),
            ("have", "load"),
            ("chosen", "MUI"),
            ("because", "we know it"),
            ("fallback", ""),
        ],
        &[
            ("undo_time", "6 months"),
            ("wished", "load; cost"),
            ("have", "load"),
            ("investigate_until", ""),
            ("chosen", "MUI"),
            ("because", "we know it"),
            ("fallback", ""),
        ],
    ];
    for path in paths {
        let (prompter, _) = run(path);
        assert!(
            prompter.prompts <= 15,
            "{} prompts: {:?}",
            prompter.prompts,
            prompter.asked
        );
    }
}

#[test]
fn each_verdict_is_shown_right_after_its_answers() {
    let (prompter, _) = run(&[
        ("undo_time", "3 days"),
        ("feels_one_way", "no"),
        ("wished", "load; cost; team"),
        ("have", "load; cost; team"),
        ("chosen", "MUI"),
        ("because", "we know it"),
        ("fallback", ""),
    ]);
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

#[test]
fn an_irreversible_feeling_with_a_days_undo_is_flagged() {
    let (prompter, _) = run(&[
        ("undo_time", "2 days"),
        ("feels_one_way", "yes"),
        ("wished", ""),
        ("chosen", "MUI"),
        ("because", "x"),
        ("fallback", ""),
    ]);
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
fn weeks_ask_what_makes_it_hard_and_let_the_user_classify() {
    let (prompter, answers) = run(&[
        ("undo_time", "3 weeks"),
        ("hard_to_undo", "customers integrate"),
        ("door_class", "one-way"),
        ("wished", ""),
        ("chosen", "MUI"),
        ("because", "x"),
        ("fallback", ""),
    ]);
    assert!(prompter.asked.contains(&"hard_to_undo".to_string()));
    assert!(!prompter.asked.contains(&"feels_one_way".to_string()));
    assert!(
        prompter
            .coached
            .iter()
            .any(|(_, v)| v.starts_with("One-way door (your call)"))
    );
    // One-way door: the review defaults to 90 days out.
    assert_eq!(
        answer(&answers, "review_by"),
        Some(&Answer::Date(NaiveDate::from_ymd_opt(2027, 2, 24).unwrap()))
    );
}

#[test]
fn a_one_way_door_below_seventy_percent_is_time_boxed() {
    let (prompter, answers) = run(&[
        ("undo_time", "6 months"),
        ("wished", "load; cost; team"),
        ("have", "load"),
        ("investigate_until", ""),
        ("chosen", "MUI"),
        ("because", "x"),
        ("fallback", ""),
    ]);
    assert!(
        prompter
            .coached
            .iter()
            .any(|(after, v)| after == "have" && v.contains("investigate until 2026-12-10")),
        "{:?}",
        prompter.coached
    );
    let until = Answer::Date(NaiveDate::from_ymd_opt(2026, 12, 10).unwrap());
    assert_eq!(answer(&answers, "investigate_until"), Some(&until));
    assert_eq!(
        answer(&answers, "review_by"),
        Some(&until),
        "the review comes due when the time-box ends"
    );
    assert_eq!(
        answer(&answers, "status"),
        Some(&Answer::Text("proposed".into()))
    );
}

#[test]
fn a_two_way_door_below_seventy_percent_is_decided_with_assumptions() {
    let (prompter, answers) = run(&[
        ("undo_time", "1 day"),
        ("feels_one_way", ""),
        ("wished", "load; cost"),
        ("have", ""),
        ("chosen", "Chakra"),
        ("because", "x"),
        ("fallback", ""),
    ]);
    assert!(!prompter.asked.contains(&"investigate_until".to_string()));
    assert!(
        prompter
            .coached
            .iter()
            .any(|(_, v)| v.contains("decide anyway"))
    );
    assert_eq!(
        answer(&answers, "status"),
        Some(&Answer::Text("accepted".into()))
    );
    assert_eq!(
        answer(&answers, "fallback"),
        Some(&Answer::Text("MUI".into())),
        "the fallback defaults to the other option"
    );
    let Some(Answer::List(consequences)) = answer(&answers, "consequences") else {
        panic!("consequences are a list");
    };
    assert_eq!(
        consequences,
        &["Good, because small", "Bad, because new to us"]
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
            ("chosen", "MUI"),
            ("because", "x"),
            ("fallback", ""),
        ])
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
