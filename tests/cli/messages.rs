//! Messages: the six message playbooks from their example answers files (record to the log,
//! message on stdout), the checks that stop a message before anything is written, the
//! interactive jargon loop, and `decide message` on a record from `decide new`.

use std::fs;

use predicates::prelude::*;

use crate::support::{TODAY, decide, example, records, repo, stderr, stdout, write};

const PLAYBOOKS: [&str; 6] = [
    "tech-debt",
    "deadline",
    "stakeholder-update",
    "disagreement",
    "delegation",
    "say-no",
];

/// Run `decide new` on an example in a fresh repository: (message, record, stderr).
fn new_from_example(name: &str) -> (String, String, String) {
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "--answers"])
        .arg(example(&format!("{name}.yaml")))
        .output()
        .unwrap();
    assert!(output.status.success(), "{name}: {}", stderr(&output));
    let written = records(&repo.path().join("docs/decisions"));
    assert_eq!(written.len(), 1, "{name}");
    let record = fs::read_to_string(&written[0]).unwrap();
    (stdout(&output), record, stderr(&output))
}

/// Numbers as written in a text: "2", "5.4", "2027".
fn numbers(text: &str) -> Vec<f64> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|token| token.trim_matches('.'))
        .filter(|token| !token.is_empty())
        .filter_map(|token| token.parse().ok())
        .collect()
}

#[test]
fn each_playbook_prints_its_message_and_writes_its_cited_record() {
    for name in PLAYBOOKS {
        let (message, record, stderr) = new_from_example(name);
        assert!(
            stderr.contains("Wrote docs/decisions/0001-"),
            "{name}: {stderr}"
        );
        assert!(!message.is_empty(), "{name}: no message on stdout");
        assert!(
            !message.contains("---\nstatus:"),
            "{name}: the record leaked onto stdout"
        );
        // Cited like the decision record: every [n] in the text has its verbatim quote.
        let (body, references) = record.split_once("## References").unwrap();
        for n in 1..=references.matches("\n> ").count() {
            assert!(
                references.contains(&format!("[{n}] ")),
                "{name}: reference {n}"
            );
        }
        assert!(body.contains(" [1]"), "{name}: the text cites nothing");
        insta::assert_snapshot!(format!("{name}_message"), message);
        insta::assert_snapshot!(format!("{name}_record"), record);
    }
}

#[test]
fn every_number_in_a_message_is_an_answer_or_in_the_records_working() {
    for name in PLAYBOOKS {
        let (message, record, _) = new_from_example(name);
        let answers = fs::read_to_string(example(&format!("{name}.yaml"))).unwrap();
        // The references quote the episode ("2 weeks", "30%"): those are not ours to use.
        let (working, _) = record.split_once("## References").unwrap();
        let known: Vec<f64> = numbers(&answers)
            .into_iter()
            .chain(numbers(working))
            .collect();
        for number in numbers(&message) {
            assert!(
                known.iter().any(|k| (k - number).abs() < 1e-9),
                "{name}: {number} is neither an answer nor in the record:\n{message}"
            );
        }
    }
}

#[test]
fn the_tech_debt_message_has_the_episodes_shape_in_the_users_numbers() {
    let (message, record, _) = new_from_example("tech-debt");
    assert!(message.contains("If we take the shortcut now, it'll save us 2 weeks. But in 3 months, it'll slow down every new feature by 30%."));
    assert!(message.contains(
        "If we fix it properly now, it takes 2 weeks, but we maintain our development speed."
    ));
    assert!(
        !message.contains('"'),
        "paraphrase is never in quotation marks"
    );
    // The computed cost and break-even are in the message and their formulas in the record.
    assert!(message.contains("about 5.4 weeks"));
    assert!(record.contains("9 × 0.6 weeks = 5.4 weeks"));
    assert!(record.contains("⌈2 weeks ÷ 0.6 weeks⌉ = 4"));
}

#[test]
fn the_deadline_message_offers_a_choice_and_asks_which_matters_more() {
    let (message, _, _) = new_from_example("deadline");
    assert!(message.contains("A. We deliver the new onboarding flow by that date if we simplify"));
    assert!(message.contains(
        "B. We deliver everything, but we need 3 weeks more, so by Thursday 4 February 2027."
    ));
    assert!(message.contains("C. We keep the date"));
    assert!(
        message
            .trim_end()
            .ends_with("Which is more important to you?")
    );
}

#[test]
fn the_upward_message_is_plain_and_at_most_sixty_words() {
    let (message, record, _) = new_from_example("stakeholder-update");
    let words = message
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    assert!(words <= 60, "{words} words:\n{message}");
    for jargon in ["ORM", "N+1"] {
        assert!(!message.contains(jargon), "{jargon} in:\n{message}");
    }
    assert!(
        record.contains("* ORM: page"),
        "the record keeps the translations"
    );
}

#[test]
fn jargon_without_a_translation_stops_before_anything_is_written() {
    let repo = repo();
    let answers = write(
        repo.path(),
        "update.yaml",
        "playbook: stakeholder-update\nproblem: The ORM is slow\nimpact: Every customer waits 3 seconds\ncause_known: yes\nfix_time: 2 days\nimprovement: pages load in 1 second\n",
    );
    decide(repo.path())
        .args(["new", "--answers"])
        .arg(&answers)
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "missing answer for `translations` for \"ORM\"",
        ))
        .stderr(predicate::str::contains(
            "add `ORM: ...` under `translations:`",
        ));
    assert!(!repo.path().join("docs").exists());
}

#[test]
fn a_message_over_the_word_limit_writes_nothing() {
    let repo = repo();
    let answers = write(
        repo.path(),
        "update.yaml",
        "playbook: stakeholder-update\n\
         reader: Priya\n\
         problem: The ORM on the customer dashboard is slow for everyone at peak\n\
         impact: Every customer waits over 3 seconds for it, and tickets about the cache doubled this month at least\n\
         cause_known: yes\n\
         fix_time: 2 days\n\
         improvement: load times go from 3 seconds down to under 200 milliseconds for every single customer\n\
         translations:\n  ORM: the code that fetches the data for pages\n  cache: the place where we keep recent page copies\n",
    );
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(&answers)
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "playbook `stakeholder-update` keeps it to 60",
        ));
    assert!(!repo.path().join("docs").exists());
}

#[test]
fn with_stdout_the_record_is_printed_and_the_message_left_out() {
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "-q", "--stdout", "--answers"])
        .arg(example("say-no.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(stdout(&output).starts_with("---\nstatus: accepted\n"));
    assert!(!stdout(&output).contains("Hi Lena"));
    assert!(stderr(&output).contains("drop --stdout to get it"));
    assert!(!repo.path().join("docs").exists());
}

/// A record from `decide new` in a scratch repository, for `decide message`.
fn logged(example_name: &str) -> tempfile::TempDir {
    let repo = repo();
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example(example_name))
        .assert()
        .success();
    repo
}

#[test]
fn decide_message_writes_for_each_audience_from_a_record_of_decide_new() {
    let repo = logged("decision.yaml");
    for to in ["stakeholders", "team", "peers"] {
        let output = decide(repo.path())
            .args(["message", "1", "--to", to])
            .output()
            .unwrap();
        assert!(output.status.success(), "{to}: {}", stderr(&output));
        insta::assert_snapshot!(format!("decision_to_{to}"), stdout(&output));
    }
}

#[test]
fn decide_message_shapes_match_the_audience() {
    let repo = logged("decision.yaml");
    let message = |to: &str| {
        stdout(
            &decide(repo.path())
                .args(["message", "1", "--to", to])
                .output()
                .unwrap(),
        )
    };
    let stakeholders = message("stakeholders");
    for label in ["Impact:", "Timeline:", "Risk:", "What we need from you:"] {
        assert!(stakeholders.contains(label), "{label}:\n{stakeholders}");
    }
    let team = message("team");
    assert!(team.contains("We're going with \"PostgreSQL\" because the team already operates it"));
    assert!(team.contains(
        "If it doesn't work, we'll switch to MongoDB for the order-variant documents only"
    ));
    let peers = message("peers");
    assert!(peers.contains("Our proposal: \"PostgreSQL\""));
    assert!(peers.contains("Also considered: MongoDB."));
    assert!(peers.contains("what would you need from us?"));
}

#[test]
fn decide_message_formats() {
    let repo = logged("tech-debt.yaml");
    let markdown = decide(repo.path())
        .args(["message", "1", "--to", "team", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(markdown.status.success());
    insta::assert_snapshot!("tech_debt_to_team_markdown", stdout(&markdown));

    let json = decide(repo.path())
        .args(["message", "1", "--to", "stakeholders", "--format", "json"])
        .output()
        .unwrap();
    assert!(json.status.success());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["to"], "stakeholders");
    assert_eq!(value["brief"]["chosen"], "Fix it properly now");
    assert_eq!(value["brief"]["status"], "proposed");
    assert!(
        value["text"]
            .as_str()
            .unwrap()
            .contains("What we need from you: your go-ahead")
    );
    assert!(
        value["record"]
            .as_str()
            .unwrap()
            .ends_with("0001-fix-now-or-later-the-invoice-rules-in-the-billing.md")
    );
}

#[test]
fn decide_message_reads_other_formats_and_flags_jargon_for_stakeholders() {
    let repo = repo();
    let record = write(
        repo.path(),
        "doc/adr/0003-use-postgresql.md",
        "# 3. Use PostgreSQL for persistence\n\nDate: 2017-06-20\n\n## Status\n\nAccepted\n\n## Context\n\nThe ORM cannot use the JSON operators we need.\n\n## Decision\n\nWe will migrate orders to PostgreSQL.\n\n## Consequences\n\nReporting queries must be rewritten.\n",
    );
    let output = decide(repo.path())
        .args(["message"])
        .arg(&record)
        .args(["--to", "stakeholders"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "Use PostgreSQL for persistence\n\nWe will migrate orders to PostgreSQL.\n"
        ),
        "{text}"
    );
    assert!(text.contains("Impact: The ORM cannot use the JSON operators we need."));
    assert!(
        text.contains("What changes: Reporting queries must be rewritten."),
        "adr-tools consequences are kept: {text}"
    );
    assert!(stderr(&output).contains("warning: a stakeholder may not know ORM"));
    // The team gets it without the warning: jargon is fine among engineers.
    decide(repo.path())
        .args(["message", "3", "--to", "team"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_message_about_a_superseded_decision_says_so() {
    let repo = repo();
    let log = repo.path().join("doc/adr");
    fs::create_dir_all(&log).unwrap();
    for entry in fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/adr-tools"
    ))
    .unwrap()
    .flatten()
    {
        fs::copy(entry.path(), log.join(entry.file_name())).unwrap();
    }
    for audience in ["stakeholders", "team", "peers"] {
        let text = stdout(
            &decide(repo.path())
                .args(["message", "2", "--to", audience])
                .output()
                .unwrap(),
        );
        assert!(
            text.contains("Note: this decision was superseded by \"Use PostgreSQL for persistence\"; it no longer describes what we do."),
            "{audience}: {text}"
        );
    }
}

#[test]
fn decide_message_errors_name_the_problem() {
    let repo = logged("decision.yaml");
    decide(repo.path())
        .args(["message", "9", "--to", "team"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("no record is numbered 9"));
    decide(repo.path())
        .args(["message", "1", "--to", "everyone"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: stakeholders, team, peers",
        ));
    decide(repo.path())
        .args(["message", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--to"));
}

#[test]
fn playbook_checks_cover_messages_and_per_item_questions() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("templates")).unwrap();
    fs::write(dir.path().join("templates/custom.md"), "# {{ t }}\n").unwrap();
    let base = "id: custom\ntitle: Custom\nsummary: A test playbook.\nrecord:\n  template: custom.md\n  title: \"{{ t }}\"\n";
    let cases: &[(&str, &str)] = &[
        (
            "message:\n  template: messages/nope.txt\nquestions:\n  - id: t\n    prompt: Title?\n    kind: text\n",
            "message template `messages/nope.txt` does not exist",
        ),
        (
            "message:\n  template: messages/tech-debt.txt\n  max_words: 0\nquestions:\n  - id: t\n    prompt: Title?\n    kind: text\n",
            "`max_words` of the message is 0",
        ),
        (
            "questions:\n  - id: t\n    prompt: Title?\n    kind: text\n  - id: each\n    prompt: \"About {{ item }}?\"\n    kind: options\n    for_each: t\n",
            "question `each` is asked for each item, which an options question cannot be",
        ),
        (
            "questions:\n  - id: t\n    prompt: Title?\n    kind: text\n  - id: each\n    prompt: \"About {{ item }}?\"\n    kind: text\n    for_each: \"t.split(\"\n",
            "question `each`: `for_each` does not parse",
        ),
    ];
    for (rest, expected) in cases {
        let path = dir.path().join("custom.yaml");
        fs::write(&path, format!("{base}{rest}")).unwrap();
        decide(dir.path())
            .args(["playbooks", "check"])
            .arg(&path)
            .assert()
            .code(4)
            .stderr(predicate::str::contains(*expected));
    }
}

/// The upward update at a real terminal: the coach flags the jargon and asks for a
/// translation of each term before the message is printed.
#[test]
fn at_the_terminal_each_jargon_term_is_asked_before_the_message() {
    use rexpect::reader::Options;
    use rexpect::session::spawn_with_options;

    let repo = repo();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_decide"));
    command
        .args(["new", "--playbook", "stakeholder-update"])
        .current_dir(repo.path())
        .env("DECIDE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("HOME", repo.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", repo.path().join(".gitconfig-none"))
        .env_remove("DECIDE_PLAYBOOKS");
    let options = Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(true);
    let mut s = spawn_with_options(command, options).expect("spawn decide in a pty");
    s.exp_string("Who is the update for?").unwrap();
    s.send_line("Priya").unwrap();
    s.exp_string("What is the problem, in the listener's words?")
        .unwrap();
    s.send_line("The dashboard is slow").unwrap();
    s.exp_string("How big is it").unwrap();
    s.send_line("Every customer waits 3 seconds because of N+1 queries")
        .unwrap();
    s.exp_string("Do you know the cause?").unwrap();
    s.send("y").unwrap();
    s.flush().unwrap();
    s.exp_string("How long will the fix take?").unwrap();
    s.send_line("2 days").unwrap();
    s.exp_string("What improves once it is fixed").unwrap();
    s.send_line("pages load in under 1 second").unwrap();
    s.exp_string("1 jargon term to translate: N+1 queries")
        .unwrap();
    s.exp_string("How would you say \"N+1 queries\" to someone outside engineering?")
        .unwrap();
    s.send_line("a slow way of loading the data").unwrap();
    s.exp_string("Plain language: ready to send").unwrap();
    s.exp_string("Before the record is written").unwrap();
    s.send("\r").unwrap();
    s.flush().unwrap();
    // The record's path on stderr, then the message, last, where it is easy to copy.
    s.exp_string("Wrote docs/decisions/0001-update-the-dashboard-is-slow.md")
        .unwrap();
    s.exp_string("Every customer waits 3 seconds because of a slow way of loading the data.")
        .unwrap();
    s.exp_eof().unwrap();
    assert_eq!(records(&repo.path().join("docs/decisions")).len(), 1);
}

#[test]
fn the_records_of_all_six_playbooks_pass_the_logs_lint() {
    let repo = repo();
    for name in PLAYBOOKS {
        decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example(&format!("{name}.yaml")))
            .assert()
            .success();
    }
    decide(repo.path())
        .arg("lint")
        .assert()
        .success()
        .stderr(predicate::str::contains("6 records: 0 errors, 0 warnings"));
}

#[test]
fn a_team_adds_its_own_jargon() {
    let repo = repo();
    write(
        repo.path(),
        ".decide/playbooks/words/jargon.yaml",
        "terms:\n  - Kafka\n  - the monolith\n",
    );
    let record = write(
        repo.path(),
        "doc/adr/0001-move-events-to-kafka.md",
        "# 1. Move order events to Kafka\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n\n## Context\n\nThe monolith drops order events under load.\n\n## Decision\n\nWe will publish order events to Kafka.\n\n## Consequences\n\nShipping reads from a topic.\n",
    );
    let output = decide(repo.path())
        .args(["message"])
        .arg(&record)
        .args(["--to", "stakeholders"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let warned = stderr(&output);
    assert!(
        warned.contains("Kafka") && warned.to_lowercase().contains("the monolith"),
        "{warned}"
    );

    write(
        repo.path(),
        ".decide/playbooks/words/jargon.yaml",
        "term:\n  - Kafka\n",
    );
    decide(repo.path())
        .args(["message"])
        .arg(&record)
        .args(["--to", "stakeholders"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            "words/jargon.yaml:1:1: unknown field `term`",
        ));
}
