//! The scenario corpus (`tests/scenarios/*.yaml`): each file is an answers file with the
//! outcome and message properties it must give, written in the file. Every scenario runs
//! the whole path in process: the session, the record, the playbook's own message, and the
//! three messages `decide message` writes from the record. Besides what a scenario expects,
//! every output is held to what any output must be: one voice (no message of a proposal
//! announces a decision), no placeholder text, no broken "a"/"an", no file path or ISO date
//! in what goes up or sideways, at most 60 words to stakeholders and to peers, no weekend for work, and
//! every number traced to an answer or to the record's working. A message may refuse to be
//! written ("nothing to send"), when the scenario says it must; a scenario that states
//! `ready` holds every message to `message::check`, as the lead would see it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::coach::{Personal, ReviewPeriods, WorkCalendar, words};
use crate::journal;
use crate::message::from_record::{self, Brief, Format};
use crate::message::{Audience, body_words, for_session};
use crate::playbook::{Catalog, Group};
use crate::record;
use crate::session::{AnswersFile, Session, Settings};
use crate::yaml::{self, Mapping, Value};

const SCENARIOS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    /// What the scenario is about, in a sentence.
    about: String,
    /// The day it runs on (the answers may use relative dates).
    today: NaiveDate,
    /// An answers file, `playbook:` included.
    answers: Mapping,
    /// For a personal playbook: the journal so far and the lead's limits.
    #[serde(default)]
    journal: Personal,
    expect: Expect,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// The outcome's kind: decided, proposal, options or inform.
    outcome: String,
    status: String,
    /// Words the headline must contain.
    #[serde(default)]
    headline: Option<String>,
    /// Assessment id → verdict kind.
    #[serde(default)]
    verdicts: std::collections::BTreeMap<String, String>,
    /// Every warning the run raises, by name (none when empty).
    #[serde(default)]
    warnings: Vec<String>,
    #[serde(default)]
    review_by: Option<NaiveDate>,
    #[serde(default)]
    decide_by: Option<NaiveDate>,
    #[serde(default)]
    record: Words,
    /// The playbook's own message, printed by `decide new`.
    #[serde(default)]
    message: Words,
    #[serde(default)]
    stakeholders: Words,
    #[serde(default)]
    team: Words,
    #[serde(default)]
    peers: Words,
    /// Whether messages are ready to send as they are (`message::check` finds nothing, the
    /// coach's check-first warnings included): `true` or `false` for every message, or the
    /// audiences whose message from the record must be; unchecked when not given.
    #[serde(default)]
    ready: Option<Ready>,
}

/// Which messages a scenario says are ready to send.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Ready {
    /// Every message is, or every message is not.
    All(bool),
    /// These audiences' messages from the record are (`stakeholders`, `team`, `peers`).
    To(Vec<String>),
}

/// Text that must and must not appear.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    lacks: Vec<String>,
    /// The message refuses to be written: there is nothing to send to this audience
    /// (`contains` and `lacks` then read the reason and what to do instead).
    #[serde(default)]
    nothing_to_send: bool,
}

impl Words {
    fn check(&self, what: &str, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        let mut problems: Vec<String> = self
            .contains
            .iter()
            .filter(|w| !lower.contains(&w.to_lowercase()))
            .map(|w| format!("{what} lacks {w:?} in {text:?}"))
            .collect();
        problems.extend(
            self.lacks
                .iter()
                .filter(|w| lower.contains(&w.to_lowercase()))
                .map(|w| format!("{what} has {w:?}")),
        );
        problems
    }
}

/// Everything one scenario produced.
struct Run {
    outcome: crate::coach::outcome::Outcome,
    verdicts: Vec<(String, &'static str)>,
    warnings: Vec<&'static str>,
    record: String,
    /// A personal playbook's journal entry rather than a record of the team's log.
    personal: bool,
    message: Option<crate::message::Message>,
    /// Each audience's message, or why there is nothing to send to it.
    from_record: Vec<(Audience, Result<String, String>)>,
    /// The coach's check-first warnings, which stop any message being ready.
    open: Vec<String>,
    /// The lead's plain words, as the record keeps them: the jargon check leaves them be.
    plain_words: Vec<(String, String)>,
    /// The answers as text, for tracing numbers.
    answers: String,
}

fn run(scenario: &Scenario, dir: &Path) -> crate::error::Result<Run> {
    let catalog = Catalog::embedded();
    let path = dir.join("answers.yaml");
    std::fs::write(&path, yaml::to_string(&scenario.answers)).expect("a scratch file");
    let mut file = AnswersFile::load(dir, &path)?;
    file.show_coaching = false;
    let id = file.playbook()?.expect("a scenario names its playbook");
    let playbook = catalog.get(&id)?;
    let settings = Settings {
        today: scenario.today,
        periods: ReviewPeriods::default(),
        decision_makers: vec!["Ana Lima".into()],
        calendar: WorkCalendar::default(),
        personal: scenario.journal.clone(),
    };
    let mut session = Session::new(&catalog, playbook, settings);
    session.run(&mut file, &mut |_| Ok(()))?;
    let rendered = session.render_record(&catalog.templates)?;
    let message = for_session(
        session.playbook,
        &session.answers,
        &rendered,
        &catalog.templates,
    )?;
    let personal = playbook.group == Group::Personal;
    let mut from_record = Vec::new();
    let mut plain_words = Vec::new();
    let text = if personal {
        // A journal entry: no team record, so nothing for `decide message` to write.
        let head = journal::Head::new(
            &playbook.id,
            scenario.today,
            &rendered.title,
            &session.outcome()?,
            &session.ordered_assessments(),
        );
        journal::text(&head, &rendered.text(None)?)
    } else {
        let text = rendered.text(Some(1))?;
        let parsed = record::parse(Path::new("0001-scenario.md"), &text)?;
        let brief =
            Brief::from_record(&parsed, Path::new("0001-scenario.md"), scenario.today, None);
        plain_words.clone_from(&brief.plain_words);
        for to in [Audience::Stakeholders, Audience::Team, Audience::Peers] {
            match from_record::write(&brief, to, Some("Sam"), Format::Text, &catalog.templates) {
                Ok(written) => from_record.push((to, Ok(written.text))),
                Err(error) if error.message.starts_with("nothing to send") => {
                    from_record.push((to, Err(error.to_string())));
                }
                Err(error) => return Err(error),
            }
        }
        text
    };
    let assessments = session.ordered_assessments();
    let outcome = session.outcome()?;
    Ok(Run {
        open: outcome
            .warnings
            .iter()
            .filter(|warning| warning.check_first)
            .map(|warning| warning.text.clone())
            .collect(),
        outcome,
        verdicts: session
            .playbook
            .assessments
            .iter()
            .filter_map(|spec| {
                session
                    .assessments
                    .get(&spec.id)
                    .map(|a| (spec.id.clone(), a.kind))
            })
            .collect(),
        warnings: assessments
            .iter()
            .flat_map(|a| a.warnings.iter().map(|w| w.id))
            .collect(),
        record: text,
        personal,
        message,
        from_record,
        plain_words,
        answers: yaml::to_string(&scenario.answers),
    })
}

/// The stance a message takes, read from its words: whether it announces a decision, says
/// nothing is decided yet, or offers a choice.
fn stance_words(text: &str) -> (bool, bool, bool) {
    let lower = text.to_lowercase();
    let decided = [
        "we've decided",
        "we're going with",
        "our decision",
        "we decided",
        "i'm going with",
        "the date holds",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let undecided = [
        "we lean towards",
        "i propose",
        "i've proposed",
        "proposal",
        "not decided",
        "isn't decided",
        "we'll decide",
        "we'll choose",
        "our leaning is",
        "haven't decided",
        "haven't chosen",
        "before deciding",
        "argue it out",
        "decide it together",
    ]
    .iter()
    .any(|w| lower.contains(w));
    // With one option left, the choice is whether it works for them.
    let choice = [
        "which matters more",
        "chooses by",
        "which is more important",
        "can we go ahead",
        "can we move the date",
        "does that work for you",
        "whether that works",
        // The choice is still being put together: one more option is being sized.
        "one more option",
    ]
    .iter()
    .any(|w| lower.contains(w));
    (decided, undecided, choice)
}

fn check_stance(outcome: &str, what: &str, text: &str) -> Option<String> {
    let (decided, undecided, choice) = stance_words(text);
    let wrong = match outcome {
        "proposal" => decided || !undecided,
        "options" => decided || !choice,
        "decided" => undecided && !text.to_lowercase().contains("no longer"),
        _ => false,
    };
    wrong.then(|| format!("{what} does not speak for a {outcome}: {text}"))
}

/// What every message must be, whoever it is for.
fn check_message(what: &str, text: &str, upward: bool, known_numbers: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    for placeholder in ["None", "null", "NaN", "inf", "undefined"] {
        if tokens.contains(&placeholder) {
            problems.push(format!("{what} says {placeholder:?}"));
        }
    }
    if text.contains("{{") || text.contains("{%") {
        problems.push(format!("{what} has template syntax"));
    }
    problems.extend(counts_as_said(what, text));
    problems.extend(
        words::article_problems(text)
            .into_iter()
            .map(|p| format!("{what}: {p}")),
    );
    if upward {
        let iso = text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
            NaiveDate::parse_from_str(w, "%Y-%m-%d").is_ok()
        });
        if iso {
            problems.push(format!("{what} has an ISO date"));
        }
        if text.contains(".md") || text.contains("docs/") || text.contains("decisions/") {
            problems.push(format!("{what} has a file path"));
        }
    }
    for day in ["Saturday", "Sunday"] {
        if text.contains(day) {
            problems.push(format!("{what} names a {day} for work"));
        }
    }
    let unknown: Vec<String> = numbers(text)
        .into_iter()
        .filter(|n| {
            let value: f64 = n.parse().unwrap_or(f64::NAN);
            !known_numbers
                .iter()
                .any(|k| k.parse::<f64>().is_ok_and(|k| (k - value).abs() < 1e-9))
        })
        .collect();
    if !unknown.is_empty() {
        problems.push(format!("{what} has numbers from nowhere: {unknown:?}"));
    }
    problems
}

/// When the scenario says whether its messages are ready to send: each message, as
/// `message::check` judges it with the coach's check-first warnings, is or is not.
fn readiness(ready: Option<&Ready>, run: &Run) -> Vec<String> {
    let Some(ready) = ready else {
        return Vec::new();
    };
    let jargon = words::embedded().excusing(&run.plain_words);
    let mut messages: Vec<(String, &str, Audience)> = Vec::new();
    if let (Some(message), Ready::All(_)) = (&run.message, ready) {
        messages.push(("the message".into(), &message.text, message.to));
    }
    for (to, text) in &run.from_record {
        let checked = match ready {
            Ready::All(_) => true,
            Ready::To(audiences) => audiences.iter().any(|a| a == to.key()),
        };
        match text {
            Ok(text) if checked => {
                messages.push((format!("the message to {}", to.key()), text, *to));
            }
            Err(refusal) if checked && matches!(ready, Ready::To(_)) => {
                return vec![format!(
                    "the message to {} was refused: {refusal}",
                    to.key()
                )];
            }
            _ => {}
        }
    }
    let want_ready = !matches!(ready, Ready::All(false));
    messages
        .into_iter()
        .filter_map(|(what, text, to)| {
            let found = crate::message::check::problems(text, to, &jargon, &run.open);
            (found.is_empty() != want_ready).then(|| {
                let state = if found.is_empty() { "" } else { "not " };
                format!("{what} is {state}ready to send: {found:?}\n{text}")
            })
        })
        .collect()
}

fn check(scenario: &Scenario, run: &Run) -> Vec<String> {
    let expect = &scenario.expect;
    let outcome = &run.outcome;
    let mut problems = Vec::new();
    let mut same = |what: &str, got: String, want: &str| {
        if got != want {
            problems.push(format!("{what}: got {got:?}, expected {want:?}"));
        }
    };
    same("outcome", outcome.kind.to_string(), &expect.outcome);
    same("status", outcome.status.clone(), &expect.status);
    for (id, kind) in &expect.verdicts {
        let got = run
            .verdicts
            .iter()
            .find(|(a, _)| a == id)
            .map_or("none", |(_, k)| k);
        same(&format!("verdict of {id}"), got.to_string(), kind);
    }
    let mut warnings: Vec<&str> = run.warnings.clone();
    warnings.sort_unstable();
    let mut expected: Vec<&str> = expect.warnings.iter().map(String::as_str).collect();
    expected.sort_unstable();
    if warnings != expected {
        problems.push(format!("warnings: got {warnings:?}, expected {expected:?}"));
    }
    if let Some(words) = &expect.headline
        && !outcome.headline.contains(words.as_str())
    {
        problems.push(format!("headline {:?} lacks {words:?}", outcome.headline));
    }
    let date = |d: &Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    if expect.review_by.is_some() && outcome.review_by != date(&expect.review_by) {
        problems.push(format!("review_by: got {:?}", outcome.review_by));
    }
    if expect.decide_by.is_some() && outcome.decide_by != date(&expect.decide_by) {
        problems.push(format!("decide_by: got {:?}", outcome.decide_by));
    }
    problems.extend(record_problems(scenario, run));
    let known: Vec<String> = numbers(&run.answers)
        .into_iter()
        .chain(numbers(&run.record))
        .collect();
    problems.extend(readiness(expect.ready.as_ref(), run));
    if let Some(message) = &run.message {
        let upward = message.to.needs_plain_words();
        problems.extend(expect.message.check("the message", &message.text));
        problems.extend(check_message("the message", &message.text, upward, &known));
        if !run.personal {
            problems.extend(loose_dates("the message", &message.text, scenario.today));
        }
        problems.extend(check_stance(outcome.kind, "the message", &message.text));
    } else if !expect.message.contains.is_empty() {
        problems.push("no message, yet one was expected".into());
    }
    for (to, text) in &run.from_record {
        let what = format!("the message to {}", to.key());
        let words = match to {
            Audience::Stakeholders => &expect.stakeholders,
            Audience::Team => &expect.team,
            Audience::Peers => &expect.peers,
            // `decide message` writes for the three audiences only.
            Audience::Yourself => continue,
        };
        let text = match (text, words.nothing_to_send) {
            (Ok(text), false) => text,
            (Err(refusal), true) => {
                problems.extend(words.check(&what, refusal));
                continue;
            }
            (Ok(text), true) => {
                problems.push(format!("{what} was written, with nothing to send: {text}"));
                continue;
            }
            (Err(refusal), false) => {
                problems.push(format!("{what} was refused: {refusal}"));
                continue;
            }
        };
        problems.extend(words.check(&what, text));
        problems.extend(check_message(&what, text, to.needs_plain_words(), &known));
        problems.extend(loose_dates(&what, text, scenario.today));
        problems.extend(stacked_colons(&what, text));
        problems.extend(check_stance(outcome.kind, &what, text));
        if let Some(budget) = to.word_budget()
            && body_words(text) > budget
        {
            problems.push(format!("{what} is {} words: {text}", body_words(text)));
        }
    }
    problems
}

/// What the record itself must be: as the scenario expects, its verdict said once, and
/// (for a team record) no loose date, no stacked colons, and the status in its front matter.
fn record_problems(scenario: &Scenario, run: &Run) -> Vec<String> {
    let expect = &scenario.expect;
    let mut problems = expect.record.check("the record", &run.record);
    problems.extend(said_once(&run.outcome.headline, &run.record));
    if !run.personal {
        let body = record_body(&run.record);
        problems.extend(loose_dates("the record", &body, scenario.today));
        problems.extend(stacked_colons("the record", &body));
    }
    problems.extend(counts_as_said("the record", &record_body(&run.record)));
    problems.extend(title_after_colon(&run.record));
    if let Some(front) = run.record.strip_prefix("---").filter(|_| !run.personal) {
        let status_line = format!("status: {}", expect.status);
        if !front.contains(&status_line) {
            problems.push(format!("the record's front matter lacks {status_line:?}"));
        }
    }
    problems
}

/// The verdict is said once: "The coach's verdict: **X.**" is not followed by "**X.** …".
fn said_once(headline: &str, record: &str) -> Vec<String> {
    let bold = format!("**{}.**", headline.trim_end_matches('.'));
    let times = record.matches(&bold).count();
    (times > 1)
        .then(|| format!("the record says its verdict {times} times: {bold}"))
        .into_iter()
        .collect()
}

/// A sentence says one thing after a colon: "The kind of debt: deliberate and prudent:
/// the cost is known" stacks two. Lines that label what follows (list items, the verdict in
/// bold, "Warning: …") are not sentences of this kind.
fn stacked_colons(what: &str, text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| {
            !line.starts_with(['*', '-', '>', '#', '|', '['])
                && !line.starts_with("The coach's verdict:")
                && !line.starts_with("Warning:")
        })
        .flat_map(|line| line.split_inclusive(['.', '?', '!']))
        .filter(|sentence| sentence.matches(": ").count() > 1)
        .map(|sentence| format!("{what} has two colons in one sentence: {sentence:?}"))
        .collect()
}

/// A title made of a label and the lead's words ("Update: the dashboard is slow") goes
/// on after its colon without a capital, unless the words start with a name.
fn title_after_colon(record: &str) -> Option<String> {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "a", "an", "our", "their", "some", "whether", "how", "which", "what", "why", "when",
        "we", "it", "this", "these", "all", "each", "every", "no", "to",
    ];
    let title = record.lines().find_map(|l| l.strip_prefix("# "))?;
    let (_, rest) = title.split_once(": ")?;
    let first = rest.split_whitespace().next()?;
    let capital = first.chars().next().is_some_and(char::is_uppercase);
    (capital && FUNCTION_WORDS.contains(&first.to_lowercase().as_str()))
        .then(|| format!("the title has a capital after its colon: {title:?}"))
}

/// Numbers and working as a reader says them: no formula ("⌈10 days ÷ 3 days⌉"), no zero
/// counted as a number of things ("0 of the 3"), no "the 1 things".
fn counts_as_said(what: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if text.contains(['⌈', '⌉']) {
        problems.push(format!("{what} writes a formula, not the working in words"));
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    for at in 0..words.len().saturating_sub(1) {
        let (word, next) = (words[at], words[at + 1]);
        let before = at.checked_sub(1).map_or("", |b| words[b]);
        let zero = word == "0" && next == "of";
        let one_many = word == "1"
            && matches!(before, "the" | "of")
            && next.len() > 2
            && next.ends_with('s')
            && !next.ends_with("ss");
        if zero || one_many {
            let start = at.saturating_sub(2);
            let end = (at + 3).min(words.len());
            problems.push(format!(
                "{what} counts as no one says it: {:?}",
                words[start..end].join(" ")
            ));
        }
    }
    problems
}

/// A record's text after its front matter (which keeps ISO dates), without the passages it
/// quotes (the episode's words, as they are).
fn record_body(record: &str) -> String {
    let body = record
        .strip_prefix("---")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(record, |(_, body)| body);
    body.lines()
        .filter(|line| !line.starts_with('>'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every date an output states is written one way, "Tuesday 2 March 2027": a date that
/// could be written so and is not ("by 2 March", "Dec 11") is named, in its line.
fn loose_dates(what: &str, text: &str, today: NaiveDate) -> Vec<String> {
    text.lines()
        .filter(|line| crate::answer::dates_as_said(line, today, true) != *line)
        .map(|line| format!("{what} writes a date another way: {line:?}"))
        .collect()
}

fn scenarios() -> Vec<(PathBuf, Scenario)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(SCENARIOS)
        .expect("tests/scenarios")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let scenario: Scenario = yaml::parse(&text, &path, crate::error::Kind::Answers)
                .unwrap_or_else(|e| panic!("{e}"));
            (path, scenario)
        })
        .collect()
}

#[test]
fn every_scenario_speaks_with_one_voice() {
    let scenarios = scenarios();
    assert!(scenarios.len() >= 20, "{} scenarios", scenarios.len());
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (path, scenario) in &scenarios {
        let name = path.file_stem().unwrap().to_string_lossy();
        match run(scenario, dir.path()) {
            Ok(result) => {
                for problem in check(scenario, &result) {
                    failures.push(format!("{name} ({}): {problem}", scenario.about));
                }
            }
            Err(error) => failures.push(format!("{name}: {error}")),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn counts_and_working_are_held_to_how_a_reader_says_them() {
    let cases = [
        ("Break-even: ⌈10 days ÷ 3 days⌉ = 4.", 1),
        ("You have 0 of the 3 things you wish you knew.", 1),
        ("You have 1 of the 1 things you wish you knew.", 1),
        ("Information in hand: 1 of 1 items (100%)", 1),
        ("You have none of the 3 things, and the one item.", 0),
        ("10 days saved at 3 days a feature: 4 slowed features.", 0),
        ("The ORM makes N+1 queries; 1 pass of 1 class.", 0),
    ];
    for (text, expected) in cases {
        assert_eq!(counts_as_said("it", text).len(), expected, "{text}");
    }
}

#[test]
fn a_title_goes_on_after_its_colon_in_lower_case() {
    let cases = [
        ("# Update: The dashboard is slow\n", true),
        ("# Deadline: Our partner checkout\n", true),
        ("# Update: the dashboard is slow\n", false),
        ("# Request: Searchly's new tier\n", false),
        ("# Choose a database\n", false),
    ];
    for (record, flagged) in cases {
        assert_eq!(title_after_colon(record).is_some(), flagged, "{record}");
    }
}

#[test]
fn every_playbook_and_branch_has_a_scenario() {
    let scenarios = scenarios();
    let catalog = Catalog::embedded();
    for playbook in catalog.playbooks.iter().filter(|p| p.record.is_some()) {
        assert!(
            scenarios
                .iter()
                .any(|(_, s)| s.answers.get("playbook").and_then(Value::as_str)
                    == Some(&playbook.id)),
            "no scenario runs playbook `{}`",
            playbook.id
        );
    }
    for outcome in ["decided", "proposal", "options", "inform"] {
        assert!(
            scenarios.iter().any(|(_, s)| s.expect.outcome == outcome),
            "no scenario ends in {outcome}"
        );
    }
}

/// The numbers in `text`, as written ("2", "5.4", "2027").
pub(crate) fn numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let decimal_point = c == '.'
            && !current.is_empty()
            && chars.get(index + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || decimal_point {
            current.push(c);
        } else if !current.is_empty() {
            found.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        found.push(current);
    }
    found
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// A decision playbook's answers from generated numbers: any undo time, door call,
    /// amount known and choice of what could change it.
    fn answers(undo_days: u32, call: usize, wished: usize, have: usize, decisive: u8) -> Mapping {
        let items: Vec<String> = (1..=wished).map(|i| format!("fact {i}")).collect();
        let text = format!(
            "playbook: decision\ntitle: Choose the way we store events\ncontext: Events arrive faster than we write them.\ndrivers: [keep every event]\noptions: [{{name: Queue}}, {{name: Table}}]\nleaning: Queue\nundo_time: {undo_days} days\nfeels_one_way: no\nhard_to_undo: other teams read them\ndoor_class: {}\ntwo_way_path: ''\nwished: {:?}\nhave: {:?}\ncould_change: {:?}\ninvestigate_until: 2026-12-11\nbecause: it keeps every event\n",
            ["unsure", "one-way", "two-way"][call],
            items,
            &items[..have.min(wished)],
            items
                .iter()
                .enumerate()
                .skip(have.min(wished))
                .filter(|(i, _)| decisive & (1 << i) != 0)
                .map(|(_, item)| item)
                .collect::<Vec<_>>(),
        );
        yaml::parse(
            &text,
            Path::new("generated.yaml"),
            crate::error::Kind::Answers,
        )
        .unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// Whatever the answers, every message takes the outcome's stance: a proposal is
        /// never announced as a decision, and a decision is never left open.
        #[test]
        fn every_message_takes_the_outcome_s_stance(
            undo_days in 1u32..400,
            call in 0usize..3,
            wished in 0usize..6,
            have in 0usize..6,
            decisive in any::<u8>(),
        ) {
            let scenario = Scenario {
                about: "generated".into(),
                today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                answers: answers(undo_days, call, wished, have, decisive),
                journal: Personal::default(),
                expect: Expect::default(),
            };
            let dir = tempfile::tempdir().unwrap();
            let result = run(&scenario, dir.path()).unwrap();
            let kind = result.outcome.kind;
            let known: Vec<String> = numbers(&result.answers).into_iter().chain(numbers(&result.record)).collect();
            for (to, text) in &result.from_record {
                let what = format!("to {}", to.key());
                let Ok(text) = text else {
                    continue;
                };
                prop_assert!(check_stance(kind, &what, text).is_none(), "{} {}: {}", kind, what, text);
                let problems = check_message(&what, text, to.needs_plain_words(), &known);
                prop_assert!(problems.is_empty(), "{:?}", problems);
                if let Some(budget) = to.word_budget() {
                    prop_assert!(body_words(text) <= budget, "{}", text);
                }
            }
            let expected_status = if kind == "proposal" { "proposed" } else { "accepted" };
            prop_assert_eq!(result.outcome.status.as_str(), expected_status);
            let status_line = format!("status: {expected_status}");
            prop_assert!(result.record.contains(&status_line));
        }
    }
}
