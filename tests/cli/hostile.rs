//! A decision log arrives by `git clone`, so the repository is untrusted input. These tests
//! build hostile repositories and hostile answers and run every command against them,
//! each under a deadline: nothing is read from outside the repository, nothing hangs,
//! nothing panics, and every refusal is one clear line.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use serde_yaml::{Mapping, Value};

use crate::support::{decide_process, example, records, repo, stderr};

/// How long any one command may take before it counts as hung. Commands finish in
/// milliseconds; the margin is for a loaded machine.
const DEADLINE: Duration = Duration::from_secs(30);

/// Run `command` to the end or to the deadline; a command still running then is killed
/// and the test fails.
fn run_with_deadline(mut command: Command, stdin: Option<&[u8]>) -> Output {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawn decide");
    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("stdin");
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            use std::io::Write;
            // decide may stop reading early (a capped read): a closed pipe is expected.
            let _ = pipe.write_all(&bytes);
        })
    });
    // Drain both pipes on threads, so a chatty child never blocks on a full pipe.
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out_pipe, &mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err_pipe, &mut bytes);
        bytes
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for decide") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} was still running after {DEADLINE:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    Output {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
    }
}

/// `decide ARGS` in `cwd` under the deadline.
fn run(cwd: &Path, args: &[&str]) -> Output {
    let mut command = decide_process(cwd);
    command.args(args);
    run_with_deadline(command, None)
}

/// Lines with their escapes read back, as a Markdown reader shows them.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The ATX headings of a Markdown text outside code fences, as (level, text read back).
fn headings(markdown: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        for marker in ["```", "~~~"] {
            if trimmed.starts_with(marker) {
                fence = match fence {
                    None => Some(marker),
                    Some(open) if open == marker => None,
                    open => open,
                };
            }
        }
        if fence.is_some() || trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            continue;
        }
        if line.len() - trimmed.len() > 3 {
            continue;
        }
        let level = trimmed.chars().take_while(|&c| c == '#').count();
        let rest = &trimmed[level..];
        if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            continue;
        }
        let text = rest.trim();
        let stripped = text.trim_end_matches('#');
        let text = if stripped.is_empty() || stripped.ends_with([' ', '\t']) {
            stripped.trim_end()
        } else {
            text
        };
        found.push((level, unescape(text)));
    }
    found
}

/// An answer as the playbook keeps a one-line answer: its lines joined by spaces.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn hostile_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("## Outcome (2026-01-01)".to_string()),
        Just("* Next review by: 2099-01-01".to_string()),
        Just("```".to_string()),
        Just("~~~".to_string()),
        Just("<!-- decide:index:end -->".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("---".to_string()),
        Just("===".to_string()),
        Just("| a | b |".to_string()),
        Just("A](0001-x.md) or B".to_string()),
        Just("[x]: https://example.com".to_string()),
        Just("# Title".to_string()),
        Just("1. item".to_string()),
        Just("> quote".to_string()),
        Just("- item".to_string()),
        Just("+ item".to_string()),
        Just("<b>bold</b>".to_string()),
        Just("ends in \\".to_string()),
        Just("Pick C #".to_string()),
        Just("status: rejected".to_string()),
        Just("\t## tabbed".to_string()),
        Just("## Links".to_string()),
        "[a-zA-Z0-9 ]{1,12}",
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_line(), 1..4).prop_map(|lines| lines.join("\n"))
}

/// The answers of `examples/decision.yaml` with every text answer replaced by hostile text.
#[derive(Debug, Clone)]
struct Hostile {
    title: String,
    context: String,
    items: Vec<String>,
    option_a: String,
    option_b: String,
    because: String,
    fallback: String,
}

fn hostile_answers() -> impl Strategy<Value = Hostile> {
    (
        hostile_text(),
        hostile_text(),
        prop::collection::vec(hostile_text(), 4),
        hostile_text(),
        hostile_text(),
        hostile_text(),
        hostile_text(),
    )
        .prop_map(|(title, context, items, a, b, because, fallback)| Hostile {
            title: format!("T {title}"),
            context,
            items,
            option_a: format!("A {a}"),
            option_b: format!("B {b}"),
            because: format!("{because} end"),
            fallback: format!("{fallback} end"),
        })
}

fn answers_file(hostile: &Hostile) -> String {
    let text: String = fs::read_to_string(example("decision.yaml")).unwrap();
    let Value::Mapping(mut answers) = serde_yaml::from_str::<Value>(&text).unwrap() else {
        panic!("the example is a mapping");
    };
    let list = |items: &[String]| {
        Value::Sequence(items.iter().map(|i| Value::String(i.clone())).collect())
    };
    let option = |name: &str, item: &str| {
        let mut option = Mapping::new();
        option.insert("name".into(), name.into());
        option.insert("pros".into(), list(&[item.to_string()]));
        option.insert("cons".into(), list(&[item.to_string()]));
        Value::Mapping(option)
    };
    let wished: Vec<String> = hostile
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| format!("W{i} {item}"))
        .collect();
    let set = |answers: &mut Mapping, key: &str, value: Value| {
        answers.insert(key.into(), value);
    };
    set(&mut answers, "title", hostile.title.clone().into());
    set(&mut answers, "context", hostile.context.clone().into());
    set(&mut answers, "drivers", list(&hostile.items));
    set(
        &mut answers,
        "options",
        Value::Sequence(vec![
            option(&hostile.option_a, &hostile.items[0]),
            option(&hostile.option_b, &hostile.items[1]),
        ]),
    );
    set(&mut answers, "wished", list(&wished));
    set(&mut answers, "have", list(&wished[..3]));
    set(&mut answers, "chosen", hostile.option_a.clone().into());
    set(&mut answers, "because", hostile.because.clone().into());
    set(&mut answers, "fallback", hostile.fallback.clone().into());
    set(&mut answers, "consequences", list(&hostile.items));
    set(&mut answers, "decision_makers", list(&hostile.items[..2]));
    serde_yaml::to_string(&Value::Mapping(answers)).unwrap()
}

/// The record the example's own answers make, and its listing: what every hostile run
/// must match apart from the text that was typed.
fn baseline() -> (String, serde_json::Value) {
    let repo = repo();
    let answers = fs::read_to_string(example("decision.yaml")).unwrap();
    let output = run_new(repo.path(), &answers);
    assert!(output.status.success(), "{}", stderr(&output));
    let record = fs::read_to_string(&records(&repo.path().join("docs/decisions"))[0]).unwrap();
    let listing = run(repo.path(), &["list", "--json"]);
    let listing: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
    (record, listing[0].clone())
}

fn run_new(cwd: &Path, answers: &str) -> Output {
    let mut command = decide_process(cwd);
    command.args(["new", "-q", "--answers", "-"]);
    run_with_deadline(command, Some(answers.as_bytes()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Nothing typed changes a record's structure: the record lints clean, lists with the
    /// same status and dates as the example's, reads back the typed title and chosen
    /// option, and has exactly the example's sections.
    #[test]
    fn hostile_answers_never_change_a_records_structure(hostile in hostile_answers()) {
        let (base_record, base_listing) = baseline_once();
        let repo = repo();
        let output = run_new(repo.path(), &answers_file(&hostile));
        prop_assert!(output.status.success(), "{}", stderr(&output));
        let written = records(&repo.path().join("docs/decisions"));
        prop_assert_eq!(written.len(), 1);
        let record = fs::read_to_string(&written[0]).unwrap();

        let lint = run(repo.path(), &["lint"]);
        prop_assert!(lint.status.success(), "{}\n{record}", stderr(&lint));

        let listing = run(repo.path(), &["list", "--json"]);
        let listing: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
        prop_assert_eq!(listing.as_array().map(Vec::len), Some(1));
        let listed = &listing[0];
        let title = one_line(&hostile.title);
        prop_assert_eq!(listed["title"].as_str(), Some(title.as_str()), "{}", record);
        for field in ["number", "status", "date", "door", "review_by", "format"] {
            prop_assert_eq!(&listed[field], &base_listing[field], "{}: {}", field, record);
        }

        let chosen = record
            .lines()
            .find(|line| line.starts_with("Chosen option: "))
            .map(unescape);
        let expected = format!(
            "Chosen option: \"{}\", because {}.",
            one_line(&hostile.option_a),
            one_line(&hostile.because)
        );
        prop_assert_eq!(chosen.as_deref(), Some(expected.as_str()), "{}", record);

        let replaced = |text: &str| match text {
            "Choose the database for the orders service" => one_line(&hostile.title),
            "PostgreSQL" => one_line(&hostile.option_a),
            "MongoDB" => one_line(&hostile.option_b),
            other => other.to_string(),
        };
        let expected: Vec<(usize, String)> = headings(base_record)
            .into_iter()
            .map(|(level, text)| (level, replaced(&text)))
            .collect();
        prop_assert_eq!(headings(&record), expected, "{}", record);
    }
}

/// The baseline is the same for every case: make it once.
fn baseline_once() -> (&'static str, &'static serde_json::Value) {
    static BASELINE: std::sync::OnceLock<(String, serde_json::Value)> = std::sync::OnceLock::new();
    let (record, listing) = BASELINE.get_or_init(baseline);
    (record, listing)
}

/// A review's answers are one bullet each: a typed heading or "Next review by" cannot add
/// an outcome or move the next review.
#[test]
fn hostile_review_answers_stay_in_their_bullets() {
    let repo = repo();
    let answers = fs::read_to_string(example("decision.yaml")).unwrap();
    assert!(run_new(repo.path(), &answers).status.success());
    let mut command = decide_process(repo.path());
    command
        .args(["review", "1", "--answers", "-"])
        .env("DECIDE_TODAY", "2027-03-01");
    let review = "happened: |\n  fine\n  ## Outcome (2099-01-01)\n  * Next review by: 2099-01-01\n\
                  held_up: yes\nlearnt: \"<!-- hidden\"\nnext_review: 2027-06-01\n";
    let output = run_with_deadline(command, Some(review.as_bytes()));
    assert!(output.status.success(), "{}", stderr(&output));
    let record = fs::read_to_string(&records(&repo.path().join("docs/decisions"))[0]).unwrap();
    let outcomes = headings(&record)
        .into_iter()
        .filter(|(_, text)| text.starts_with("Outcome"))
        .count();
    assert_eq!(outcomes, 1, "{record}");
    let listing = run(repo.path(), &["list", "--json"]);
    let listing: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
    assert_eq!(listing[0]["review_by"], "2027-06-01", "{record}");
    assert!(run(repo.path(), &["lint"]).status.success());
}
