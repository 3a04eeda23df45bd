//! Messages from the example answers files and variants of them: every number in a
//! message is one the user gave or one an assessment computed (and the record shows), the
//! upward message stays within 60 words without flagged jargon, and every branch of the
//! templates renders.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value as Json;

use super::{for_session, tidy};
use crate::answer::word_count;
use crate::coach::{ReviewPeriods, WorkCalendar, words};
use crate::error::Result;
use crate::playbook::Catalog;
use crate::session::{AnswersFile, Session, Settings};
use crate::yaml::{self, Mapping, Value};

const PLAYBOOKS: [&str; 6] = [
    "tech-debt",
    "deadline",
    "stakeholder-update",
    "disagreement",
    "delegation",
    "say-no",
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(format!("{name}.yaml"))
}

/// The example's answers with some replaced (YAML values), written to a scratch file.
fn variant(name: &str, changes: &str, dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(example(name)).unwrap();
    let Value::Mapping(mut answers) =
        yaml::parse_value(&text, &example(name), crate::error::Kind::Answers).unwrap()
    else {
        panic!("{name}: a mapping")
    };
    if let Value::Mapping(changes) =
        yaml::parse_value(changes, Path::new("changes"), crate::error::Kind::Answers).unwrap()
    {
        for (key, value) in changes {
            if value.is_null() {
                answers.remove(&key);
            } else {
                answers.insert(key, value);
            }
        }
    }
    let path = dir.join(format!("{name}-{}.yaml", answers.len() + changes.len()));
    std::fs::write(&path, yaml::to_string(&answers)).unwrap();
    path
}

/// A finished run: the message, and the numbers the user gave and the assessments computed.
struct Run {
    message: Option<String>,
    /// Passage ids the assessments cite.
    passages: Vec<&'static str>,
    entered: Vec<String>,
    computed: Vec<String>,
}

fn settings() -> Settings {
    Settings {
        today: today(),
        periods: ReviewPeriods::default(),
        decision_makers: vec![],
        calendar: WorkCalendar::default(),
        personal: crate::coach::Personal::default(),
    }
}

/// The record (or journal entry) the answers in `path` write.
fn record_text(path: &Path) -> Result<String> {
    let catalog = Catalog::embedded();
    let mut file = AnswersFile::load(Path::new("/nonexistent"), path)?;
    file.show_coaching = false;
    let id = file.playbook()?.expect("examples name their playbook");
    let mut session = Session::new(&catalog, catalog.get(&id)?, settings());
    session.run(&mut file, &mut |_| Ok(()))?;
    session.render_record(&catalog.templates)?.text(None)
}

fn run(path: &Path) -> Result<Run> {
    let catalog = Catalog::embedded();
    let mut file = AnswersFile::load(Path::new("/nonexistent"), path)?;
    file.show_coaching = false;
    let id = file.playbook()?.expect("examples name their playbook");
    let playbook = catalog.get(&id)?;
    let mut session = Session::new(&catalog, playbook, settings());
    session.run(&mut file, &mut |_| Ok(()))?;
    let rendered = session.render_record(&catalog.templates)?;
    let message = for_session(
        session.playbook,
        &session.answers,
        &rendered,
        &catalog.templates,
    )?
    .map(|m| m.text);
    let mut answers = Mapping::new();
    for (id, answer) in &session.answers {
        answers.insert(Value::String(id.clone()), answer.to_yaml());
    }
    let entered = numbers(&yaml::to_string(&answers));
    let mut computed = Vec::new();
    for assessment in session.assessments.values() {
        collect(&Json::Object(assessment.facts.clone()), &mut computed);
    }
    let passages = session
        .assessments
        .values()
        .flat_map(|a| a.passages.iter().copied())
        .collect();
    Ok(Run {
        message,
        passages,
        entered,
        computed,
    })
}

fn collect(value: &Json, out: &mut Vec<String>) {
    match value {
        Json::String(text) => out.extend(numbers(text)),
        Json::Number(n) => out.extend(numbers(&crate::answer::format_number(
            n.as_f64().unwrap_or_default(),
        ))),
        Json::Array(items) => items.iter().for_each(|item| collect(item, out)),
        Json::Object(map) => map.values().for_each(|item| collect(item, out)),
        Json::Null | Json::Bool(_) => {}
    }
}

/// The numbers in `message` that are neither entered nor computed.
fn unexplained(message: &str, entered: &[String], computed: &[String]) -> Vec<String> {
    let known = |n: &str| {
        let value: f64 = n.parse().unwrap_or(f64::NAN);
        entered
            .iter()
            .chain(computed)
            .any(|k| k.parse::<f64>().is_ok_and(|k| (k - value).abs() < 1e-9))
    };
    numbers(message).into_iter().filter(|n| !known(n)).collect()
}

/// Each example, and variants that take the templates' other branches.
fn cases(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = PLAYBOOKS
        .iter()
        .map(|name| (name.to_string(), example(name)))
        .collect();
    let variants: &[(&str, &str, &str)] = &[
        (
            "tech-debt",
            "shortcut pays off",
            "slowdown: 5\nreader: null",
        ),
        (
            "tech-debt",
            "slowdown after the period",
            "starts_in: 18 months",
        ),
        ("tech-debt", "no slowdown", "slowdown: 0"),
        ("deadline", "the date holds", "estimate: 6 weeks"),
        (
            "deadline",
            "no third option",
            "option_c: null\nrequester: null",
        ),
        (
            "stakeholder-update",
            "cause unknown",
            "cause_known: no\nfix_time: null\nnext_update: 3 days",
        ),
        ("disagreement", "not argued out", "argued_out: no"),
        ("disagreement", "facilitate", "deadlocked: no"),
        ("delegation", "one-off", "recurs: once"),
        (
            "delegation",
            "monthly, more coaching",
            "recurs: monthly\ncoaching: 5 hours",
        ),
        (
            "say-no",
            "yes, dropping one",
            "answer: \"yes\"\ninstead: null\ndropped: [the checkout accessibility fixes]",
        ),
    ];
    for (name, label, changes) in variants {
        cases.push((format!("{name} ({label})"), variant(name, changes, dir)));
    }
    cases
}

#[test]
fn every_number_in_every_message_was_entered_or_computed() {
    let dir = tempfile::tempdir().unwrap();
    for (name, path) in cases(dir.path()) {
        let run = run(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let message = run.message.unwrap_or_else(|| panic!("{name}: no message"));
        let invented = unexplained(&message, &run.entered, &run.computed);
        assert!(invented.is_empty(), "{name}: {invented:?} in\n{message}");
        assert!(
            !message.contains("{{") && !message.contains("None"),
            "{name}:\n{message}"
        );
        assert!(
            message.ends_with('\n') && !message.contains("\n\n\n"),
            "{name}:\n{message}"
        );
    }
}

#[test]
fn every_passage_a_verdict_cites_is_in_the_library() {
    let library = crate::passages::Library::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, path) in cases(dir.path()) {
        let run = run(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!run.passages.is_empty(), "{name}: no passage cited");
        for id in run.passages {
            assert!(
                library.contains(id),
                "{name}: passage `{id}` is not in the library"
            );
        }
    }
}

#[test]
fn the_check_catches_an_invented_number() {
    let entered = numbers("saved: 2 weeks\nslowdown: 30");
    let computed = numbers("5.4 weeks");
    assert_eq!(
        unexplained(
            "It saves 2 weeks, costs 5.4 and 99 more; 30% slower.",
            &entered,
            &computed
        ),
        ["99"]
    );
    assert!(unexplained("2 and 5.40 and 30.0", &entered, &computed).is_empty());
}

#[test]
fn the_upward_message_is_at_most_sixty_words_of_plain_language() {
    let dir = tempfile::tempdir().unwrap();
    for path in [
        example("stakeholder-update"),
        variant(
            "stakeholder-update",
            "cause_known: no\nfix_time: null\nnext_update: 3 days",
            dir.path(),
        ),
    ] {
        let message = run(&path).unwrap().message.unwrap();
        assert!(
            word_count(&message) <= 60,
            "{} words:\n{message}",
            word_count(&message)
        );
        let check = words::embedded().check(&message);
        assert!(check.is_clean(), "{check:?} in\n{message}");
    }
}

#[test]
fn an_upward_message_over_sixty_words_is_refused_with_the_answers_to_shorten() {
    let dir = tempfile::tempdir().unwrap();
    // Every answer within its own limit, but the translations make the whole too long.
    let long = variant(
        "stakeholder-update",
        "problem: The monolith behind the customer dashboard is slow for everyone at peak\n\
         impact: Every customer waits over 3 seconds for it, and tickets about the SLA doubled this month at least\n\
         improvement: load times go from 3 seconds down to under 200 milliseconds for every single customer\n\
         rewrites: null\n\
         translations:\n  monolith: the one big application that serves our pages\n  SLA: the service level we promised",
        dir.path(),
    );
    let error = match run(&long) {
        Ok(run) => panic!("accepted:\n{}", run.message.unwrap_or_default()),
        Err(error) => error,
    };
    let shown = error.to_string();
    assert_eq!(error.exit_code(), crate::error::exit::ANSWERS, "{shown}");
    assert!(
        shown.contains("playbook `stakeholder-update` keeps it to 60"),
        "{shown}"
    );
    assert!(shown.contains("shorten `impact` (18 words)"), "{shown}");
}

/// The hint names what the message says: the rewording, not the answer it replaced.
#[test]
fn the_shortening_hint_names_the_answers_the_message_uses() {
    let dir = tempfile::tempdir().unwrap();
    let long = variant(
        "stakeholder-update",
        "problem: Checkout was down for 47 minutes on Tuesday afternoon for everyone\n\
         impact: About 1,200 customers could not pay because the Redis cluster failed over and the connection pool was exhausted\n\
         improvement: the next time the backup takes over, customers see at most 10 seconds of errors\n\
         rewrites:\n  impact: About 1,200 customers could not pay for their orders during those 47 minutes\n\
         translations: null",
        dir.path(),
    );
    let error = match run(&long) {
        Ok(run) => panic!("accepted:\n{}", run.message.unwrap_or_default()),
        Err(error) => error,
    };
    let shown = error.to_string();
    assert!(
        shown.contains("`impact` under `rewrites` (13 words)"),
        "{shown}"
    );
    assert!(!shown.contains("`impact` (18 words)"), "{shown}");
}

#[test]
fn a_playbook_without_a_message_and_a_task_you_keep_have_none() {
    let dir = tempfile::tempdir().unwrap();
    let decision = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/decision.yaml");
    assert_eq!(run(&decision).unwrap().message, None);
    let keep = variant("delegation", "decision: myself", dir.path());
    assert_eq!(run(&keep).unwrap().message, None);
}

#[test]
fn tidy_leaves_text_ready_to_paste() {
    assert_eq!(tidy(""), "");
    assert_eq!(tidy("\n\n  \n"), "");
    assert_eq!(
        tidy("\n\nHi,  \n\n\n\nText.\nMore.\n\n"),
        "Hi,\n\nText.\nMore.\n"
    );
}

#[test]
fn numbers_are_found_as_written() {
    assert_eq!(
        numbers("save 2 weeks, 5.4 weeks; the 4th. 2027-01-14"),
        ["2", "5.4", "4", "2027", "01", "14"]
    );
    assert_eq!(numbers("N+1 at p95."), ["1", "95"]);
    assert_eq!(numbers("no digits"), Vec::<String>::new());
}

use crate::scenarios::numbers;

#[test]
fn the_latest_look_back_is_read_with_its_answer_and_reason() {
    let head = "---\nstatus: accepted\n---\n\n# Use Kafka\n\n## Decision Outcome\n\nChosen option: \"Kafka\", because it keeps order.\n\n";
    let cases = [
        ("", None),
        (
            "## Outcome (2027-01-05)\n\n* What happened: it ran\n* Did it hold up: yes: it kept order\n* What we learnt: measure first\n* Did the signal appear: no\n",
            Some(("yes", Some("it kept order"), Some(false), None)),
        ),
        // The latest date wins, whatever the order; a next review is read as a date.
        (
            "## Outcome (2027-03-01)\n\n* Did it hold up: no\n* Next review by: 2027-06-01\n\n## Outcome (2027-01-05)\n\n* Did it hold up: yes\n",
            Some(("no", None, None, Some("Tuesday 1 June"))),
        ),
        (
            "## Outcome (2027-01-05)\n\n* Did it hold up: partly: the cost grew\n* Did the signal appear: yes\n",
            Some(("partly", Some("the cost grew"), Some(true), None)),
        ),
    ];
    for (outcome, expected) in cases {
        let text = format!("{head}{outcome}");
        let record = crate::record::parse(Path::new("0001-x.md"), &text).unwrap();
        let today = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
        let brief =
            super::from_record::Brief::from_record(&record, Path::new("0001-x.md"), today, None);
        let got = brief.looked_back.as_ref().map(|l| {
            (
                l.held_up.as_str(),
                l.why.as_deref(),
                l.signal_seen,
                l.next_review_text.as_deref(),
            )
        });
        assert_eq!(got, expected, "{outcome}");
        let outcome_kind = if expected.is_some() {
            "looked-back"
        } else {
            "decided"
        };
        assert_eq!(brief.outcome, outcome_kind, "{outcome}");
    }
}

#[test]
fn a_date_that_is_today_reads_today() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    let cases = [
        (
            "I need your answer by Friday 4 December, while it can start.",
            "I need your answer today, while it can start.",
        ),
        (
            "By Friday 4 December: start the fix.",
            "Today: start the fix.",
        ),
        ("We meet on Friday 4 December.", "We meet today."),
        // Another day, and a record's own words, stay as they are.
        (
            "I need your answer by Monday 7 December.",
            "I need your answer by Monday 7 December.",
        ),
    ];
    for (text, said) in cases {
        assert_eq!(super::say_today(text, today), said);
    }
}

#[test]
fn a_record_no_longer_in_force_says_what_became_of_it_and_why() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    // (status section and more, what became of it, why as read)
    let cases = [
        (
            "## Status\n\nRejected\n\n## Decision\n\nWe adopt the queue.\n\n## Reason for rejection\n\nIt costs more than it saves.\n",
            "rejected",
            Some("It costs more than it saves."),
        ),
        // A proposal declined whose decision says no is its own reason.
        (
            "## Status\n\nDeclined\n\n## Decision\n\nThe gain is too small to be worth the move.\n",
            "rejected",
            Some("The gain is too small to be worth the move."),
        ),
        // A decision that only describes the proposal gives no reason.
        (
            "## Status\n\nRejected\n\n## Decision\n\nWe adopt the queue for all jobs.\n",
            "rejected",
            None,
        ),
        // The rest of the status, without what names the successor or talks about the
        // record; a bold note after it is a sentence, not a list.
        (
            "## Status\n\nReverted by [the review](https://tracker.example/3).\n\n**Jobs run on the old scheduler again.** This ADR stays for history.\n",
            "reverted",
            Some("Jobs run on the old scheduler again."),
        ),
        (
            "## Status\n\nSuperseded - the move is complete and the old path is gone. See #12.\n",
            "superseded",
            Some("the move is complete and the old path is gone."),
        ),
        // An aside in brackets is no reason.
        (
            "## Status\n\nDeprecated (no successor)\n",
            "deprecated",
            None,
        ),
    ];
    for (body, closed_as, why) in cases {
        let text = format!("# 4. Queue the jobs\n\nDate: 2024-01-01\n\n{body}");
        let path = Path::new("0004-queue-the-jobs.md");
        let record = crate::record::parse(path, &text).unwrap();
        let brief = super::from_record::Brief::from_record(&record, path, today, None);
        assert_eq!(brief.outcome, "closed", "{body}");
        assert_eq!(brief.closed_as.as_deref(), Some(closed_as), "{body}");
        assert_eq!(brief.closed_why.as_deref(), why, "{body}");
    }
}

/// The longest way [`super::budget::shorter`] has to say a decision in at most `words`.
fn said_within(
    line: &str,
    listed: Option<&super::budget::Listed>,
    decided: bool,
    words: usize,
) -> Option<String> {
    super::budget::shorter(line, listed, decided)
        .into_iter()
        .find(|said| word_count(said) <= words)
}

/// Decisions written as lists, for the trimming rule: a lead with reasons, a bare list of
/// sentences, and a lead that names a product with a capital.
fn listed_decisions() -> [super::budget::Listed; 3] {
    use super::budget::Listed;
    let reasons = Listed {
        lead: Some("We will move the builds to a hosted service due to the following".into()),
        items: vec![
            "nobody patches the old server".into(),
            "builds run next to the code".into(),
            "it costs less than the old server and its upkeep".into(),
            "other teams already use it and can help us".into(),
        ],
    };
    let steps = Listed {
        lead: None,
        items: vec![
            "Fetch each harbour on its own.".into(),
            "Keep yesterday's timetable when a file is late.".into(),
            "Send the on-call engineer one summary instead of an alert for every harbour that failed.".into(),
        ],
    };
    let named = Listed {
        lead: Some("We use GitHub Actions with these rules".into()),
        items: vec![
            "one runner per team".into(),
            "no secrets ever written to the logs of a public build".into(),
        ],
    };
    [reasons, steps, named]
}

/// A case of the trimming rule: (line, list, decided, words, said).
type Trimmed<'a> = (
    &'a str,
    Option<&'a super::budget::Listed>,
    bool,
    usize,
    Option<&'a str>,
);

#[test]
fn a_long_decision_keeps_its_bottom_line_and_whole_items_and_says_where_the_rest_is() {
    let [reasons, steps, named] = listed_decisions();
    let long = "We decided to switch off the old fare engine for every route, so that a fare change is made in one place";
    // (line, list, decided, words, said)
    let cases: [Trimmed<'_>; 9] = [
        // The lead, as many whole items as fit, and how many more, named as the lead names them.
        (
            "",
            Some(&reasons),
            true,
            32,
            Some(
                "We will move the builds to a hosted service due to the following: nobody patches the old server; builds run next to the code; and two more reasons in the decision record",
            ),
        ),
        (
            "",
            Some(&reasons),
            true,
            31,
            Some(
                "We will move the builds to a hosted service due to the following: nobody patches the old server; and three more reasons in the decision record",
            ),
        ),
        // Only the lead fits: how many there are, all in the record.
        (
            "",
            Some(&reasons),
            true,
            20,
            Some(
                "We will move the builds to a hosted service due to the following: four reasons, all in the decision record",
            ),
        ),
        // A bare list: what it amounts to, then its first items as sentences.
        (
            "",
            Some(&steps),
            true,
            28,
            Some(
                "We've decided on three points, starting with: Fetch each harbour on its own. Keep yesterday's timetable when a file is late. One more is in the decision record",
            ),
        ),
        // Everything fits: the whole list, with no pointer.
        (
            "",
            Some(&steps),
            true,
            60,
            Some(
                "We've decided on three points: Fetch each harbour on its own. Keep yesterday's timetable when a file is late. Send the on-call engineer one summary instead of an alert for every harbour that failed",
            ),
        ),
        // A proposal stays a proposal.
        (
            "",
            Some(&steps),
            false,
            10,
            Some("The proposal has three points, all in the decision record"),
        ),
        // A name with a capital is not what the list holds ("Actions").
        (
            "",
            Some(&named),
            true,
            19,
            Some(
                "We use GitHub Actions with these rules: one runner per team; and one more rule in the decision record",
            ),
        ),
        // One long sentence: its main clause, without the reason after ", so that".
        (
            long,
            None,
            true,
            60,
            Some(
                "We decided to switch off the old fare engine for every route; the reasons are in the decision record",
            ),
        ),
        // One long sentence with no reason clause to leave out stays whole: nothing fits.
        (
            "We decided to switch off the old fare engine for every route sold on the website",
            None,
            true,
            10,
            None,
        ),
    ];
    for (line, listed, decided, words, said) in cases {
        assert_eq!(
            said_within(line, listed, decided, words).as_deref(),
            said,
            "{line} {listed:?} in {words}"
        );
    }
}

#[test]
fn saying_where_the_rest_of_a_decision_is_is_not_record_talk() {
    let jargon = words::embedded();
    let cases = [
        (
            "We will use the queue: it is simpler; and two more reasons in the decision record.",
            false,
        ),
        (
            "We will use the queue: four reasons, all in the decision record.",
            false,
        ),
        ("We will use the queue. See the decision record.", true),
        ("The details are in the decision record.", true),
        (
            "We've made a decision on monitoring; the details are in the decision record.",
            false,
        ),
    ];
    for (text, flagged) in cases {
        let problems =
            super::check::problems(text, crate::playbook::Audience::Stakeholders, &jargon, &[]);
        let talk = problems
            .iter()
            .any(|p| p.contains("talk about our records"));
        assert_eq!(talk, flagged, "{text}: {problems:?}");
    }
}

#[test]
fn a_message_s_words_are_counted_as_a_reader_counts_them() {
    let cases = [
        ("Hi Carla,\n\nWe ship it.\n", 3),
        ("We ship it.\n", 3),
        (
            "Hi Carla,\n\nTwo options:\nA. Keep the date.\nB. Everything later.\n",
            7,
        ),
        ("1. First step\n2) Second step\n- third\n", 5),
        ("A. B. C.\n", 2),
        ("Plan A. Then stop.\n", 4),
    ];
    for (text, expected) in cases {
        assert_eq!(crate::message::body_words(text), expected, "{text:?}");
    }
}

/// The shortcut that pays keeps to the 60 words a long title leaves it, as the other
/// tech-debt messages do: what follows from the numbers goes first, then the date and the
/// fix's cost; the cost over the plan and the ask stay.
#[test]
fn a_shortcut_that_pays_keeps_to_sixty_words_with_a_long_title() {
    let dir = tempfile::tempdir().unwrap();
    let twelve = "the invoice rules and the tax rounding in the nightly billing export";
    assert_eq!(word_count(twelve), 12);
    // (title, what the case still says)
    let cases: [(&str, &str); 4] = [
        (
            "the invoice rules",
            "(10 days) would take, so the fix can wait.",
        ),
        (twelve, "(10 days) would take.\n"),
        (
            "the tax, fee and currency rules in the billing export we run for each of our shops every night",
            "it costs about 4.5 days over the next 12 months, less than the proper fix (10 days).",
        ),
        (
            "the fix of all of the old tax and fee rules in the one big nightly job we run for each of our shops",
            ". It costs about 4.5 days over the next 12 months, less than the proper fix.",
        ),
    ];
    for (title, says) in cases {
        let changes = format!("slowdown: 5\nreader: null\ntitle: {title}");
        let message = run(&variant("tech-debt", &changes, dir.path()))
            .unwrap()
            .message
            .unwrap();
        let words = crate::message::body_words(&message);
        assert!(words <= 60, "{words} words:\n{message}");
        assert!(message.contains(says), "{says:?} in\n{message}");
        assert!(message.contains("Can you agree by "), "{message}");
    }
}

/// The reference marks (`[3]`) in `text`.
fn marks(text: &str) -> std::collections::BTreeSet<String> {
    let mut found = std::collections::BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find('[') {
        rest = &rest[at + 1..];
        if let Some(end) = rest.find(']')
            && end > 0
            && rest[..end].chars().all(|c| c.is_ascii_digit())
        {
            found.insert(rest[..end].to_string());
        }
    }
    found
}

/// Every reference a record or a journal entry lists is cited where its idea is used, and
/// every mark points at one listed: the team's records and the private journals alike,
/// with variants that take the personal playbooks' other branches.
#[test]
fn every_reference_listed_is_cited_in_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut all: Vec<(String, PathBuf)> = [
        "decision",
        "proposal",
        "week",
        "one-on-one",
        "career-track",
        "boundaries",
        "t-shape",
    ]
    .iter()
    .chain(PLAYBOOKS.iter())
    .map(|name| (name.to_string(), example(name)))
    .collect();
    all.extend(cases(dir.path()));
    let variants: &[(&str, &str)] = &[
        (
            "career-track",
            "building_teams: 1\nmentoring: 2\nculture: 1\nhard_problems: 5\ntechnical_strategy: 5",
        ),
        ("week", "coding_hours: 4\nstuck: []\nunblocked: [Ana, Ben]"),
        ("one-on-one", "notes: null"),
    ];
    for (name, changes) in variants {
        all.push((
            format!("{name} ({changes})"),
            variant(name, changes, dir.path()),
        ));
    }
    for (name, path) in all {
        let text = record_text(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let (body, references) = text
            .rsplit_once("\n## References\n")
            .unwrap_or_else(|| panic!("{name}: no references in\n{text}"));
        let listed: std::collections::BTreeSet<String> = references
            .lines()
            .filter_map(|line| line.strip_prefix('[')?.split_once(']'))
            .map(|(n, _)| n.to_string())
            .collect();
        assert_eq!(marks(body), listed, "{name}:\n{text}");
    }
}
