//! `decide new`: answers file to record, the log directory rules, and every kind of bad
//! input with its exit code, message, and nothing written.

use std::fs;

use predicates::prelude::*;

use crate::support::{decide, example, records, repo, stderr, stdout, write};

#[test]
fn answers_file_writes_the_cited_record() {
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let written = records(&repo.path().join("docs/decisions"));
    assert_eq!(written.len(), 1);
    assert_eq!(
        written[0].file_name().unwrap(),
        "0001-choose-the-database-for-the-orders-service.md"
    );
    assert!(
        stderr(&output)
            .contains("Wrote docs/decisions/0001-choose-the-database-for-the-orders-service.md")
    );
    assert_eq!(
        stdout(&output),
        "",
        "the record goes to the file; stdout stays empty"
    );
    let record = fs::read_to_string(&written[0]).unwrap();
    insta::assert_snapshot!("decision_record", record);
}

#[test]
fn the_record_quotes_the_door_and_seventy_percent_passages_word_for_word() {
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "--stdout", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    let record = stdout(&output);
    assert!(record.contains("> Ask yourself: \"If this turns out to be wrong, how long would it take to undo?\" If the answer is days, it's reversible. If the answer is months, think harder."));
    assert!(record.contains("> If you have 70% of the information you need, make the decision. Waiting for 100% means waiting too long."));
}

#[test]
fn stdout_prints_the_record_and_writes_nothing() {
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "--stdout", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(stdout(&output).starts_with("---\nstatus: accepted\n"));
    assert!(!repo.path().join("docs").exists());
}

#[test]
fn records_are_numbered_and_never_replaced() {
    let repo = repo();
    for _ in 0..2 {
        decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example("decision.yaml"))
            .assert()
            .success();
    }
    let names: Vec<String> = records(&repo.path().join("docs/decisions"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "0001-choose-the-database-for-the-orders-service.md",
            "0002-choose-the-database-for-the-orders-service.md"
        ]
    );
}

#[test]
fn the_log_directory_follows_adr_dir_then_doc_adr_then_the_flag() {
    let repo = repo();
    fs::create_dir_all(repo.path().join("doc/adr")).unwrap();
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    assert_eq!(
        records(&repo.path().join("doc/adr")).len(),
        1,
        "an existing doc/adr is the log"
    );

    write(repo.path(), ".adr-dir", "architecture/decisions\n");
    let nested = repo.path().join("src/deep");
    fs::create_dir_all(&nested).unwrap();
    decide(&nested)
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    assert_eq!(
        records(&repo.path().join("architecture/decisions")).len(),
        1,
        ".adr-dir wins, found from a subdirectory"
    );

    decide(repo.path())
        .args(["new", "-q", "--dir", "elsewhere", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    assert_eq!(
        records(&repo.path().join("elsewhere")).len(),
        1,
        "--dir overrides both"
    );
}

#[test]
fn without_a_terminal_or_answers_it_fails_at_once_with_exit_2() {
    let repo = repo();
    decide(repo.path())
        .arg("new")
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no terminal").and(predicate::str::contains("--answers")));
    assert!(!repo.path().join("docs").exists());
}

/// The valid example, with one line changed.
fn answers_with(replace: &str, with: &str) -> String {
    let text = fs::read_to_string(example("decision.yaml")).unwrap();
    assert!(text.contains(replace), "the example has {replace:?}");
    text.replacen(replace, with, 1)
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "split with the restructuring (issue 13)"
)]
fn bad_answers_files_are_reported_with_their_key_and_nothing_is_written() {
    let cases: Vec<(&str, String, i32, &str)> = vec![
        (
            "unknown key",
            answers_with("because:", "becuase:"),
            3,
            "answers.yaml:37:1: unknown key `becuase`",
        ),
        (
            "wrong type",
            answers_with("undo_time: 4 months", "undo_time: [4]"),
            3,
            "`undo_time` (If this turns out to be wrong, how long would it take to undo?): expected a duration",
        ),
        (
            "negative duration",
            answers_with("undo_time: 4 months", "undo_time: -4 months"),
            3,
            "cannot be negative",
        ),
        (
            "unknown unit",
            answers_with("undo_time: 4 months", "undo_time: 4 moons"),
            3,
            "unknown unit \"moons\"",
        ),
        (
            "missing title",
            answers_with("title: Choose the database for the orders service", ""),
            3,
            "missing answer for `title`",
        ),
        (
            "empty title",
            answers_with(
                "title: Choose the database for the orders service",
                "title: \"\"",
            ),
            3,
            "`title` (What are you deciding?): an answer is required",
        ),
        (
            "control characters in title",
            answers_with(
                "title: Choose the database for the orders service",
                "title: \"a\\u0007b\"",
            ),
            3,
            "control characters",
        ),
        (
            "title too long",
            answers_with(
                "title: Choose the database for the orders service",
                &format!("title: {}", "x".repeat(300)),
            ),
            3,
            "keep it to 120 characters",
        ),
        (
            "chosen is not an option",
            answers_with("chosen: PostgreSQL", "chosen: Oracle"),
            3,
            "\"oracle\" is not one of the choices",
        ),
        (
            "have is not in wished",
            answers_with("have:\n", "have:\n  - Gossip\n"),
            3,
            "is not one of the choices",
        ),
        (
            "bad date",
            answers_with("decision_makers:", "review_by: next year\ndecision_makers:"),
            3,
            "expected a date as YYYY-MM-DD",
        ),
        (
            "one option",
            answers_with("  - name: MongoDB", "  - name: PostgreSQL"),
            3,
            "listed twice",
        ),
        (
            "not YAML",
            "title: [unclosed\n".to_string(),
            3,
            "answers.yaml:2:1:",
        ),
        (
            "not a mapping",
            "- just\n- a list\n".to_string(),
            3,
            "expected a mapping of question ids",
        ),
        (
            "unknown playbook",
            answers_with("playbook: decision", "playbook: nope"),
            2,
            "there is no playbook `nope`",
        ),
    ];
    for (name, text, code, message) in cases {
        let repo = repo();
        let answers = write(repo.path(), "answers.yaml", &text);
        let output = decide(repo.path())
            .args(["new", "--answers"])
            .arg(&answers)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(code),
            "{name}: {}",
            stderr(&output)
        );
        let shown = stderr(&output);
        assert!(
            shown.contains(message),
            "{name}: expected {message:?} in {shown}"
        );
        assert_eq!(
            shown.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{name}: one error line"
        );
        assert!(
            !repo.path().join("docs").exists(),
            "{name}: nothing written"
        );
    }
}

#[test]
fn a_missing_answers_file_is_a_clear_error() {
    let repo = repo();
    decide(repo.path())
        .args(["new", "--answers", "nope.yaml"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "nope.yaml: could not read: no such file or directory",
        ));
}

#[test]
fn a_log_directory_that_is_a_file_fails_before_any_question() {
    let repo = repo();
    write(repo.path(), "docs/decisions", "not a directory");
    decide(repo.path())
        .args(["new", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "docs/decisions: could not use the log directory: it is a file",
        ));
}

#[test]
fn playbooks_lists_shows_and_checks() {
    let repo = repo();
    let listing = stdout(&decide(repo.path()).arg("playbooks").output().unwrap());
    let first = listing.lines().nth(1).unwrap_or_default();
    assert!(
        first.trim_start().starts_with("decision ") && first.contains("Choose between options"),
        "the guided decision is listed first: {listing}"
    );
    decide(repo.path())
        .args(["playbooks", "show", "decision"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "If this turns out to be wrong, how long would it take to undo?  [undo_time: duration]",
        ))
        .stdout(predicate::str::contains("cites undo-test"));
    decide(repo.path())
        .args(["playbooks", "show", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no playbook `nope`"));
    let playbook = write(
        repo.path(),
        "mine.yaml",
        &fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/playbooks/decision.yaml"
        ))
        .unwrap(),
    );
    decide(repo.path())
        .args(["playbooks", "check"])
        .arg(&playbook)
        .assert()
        .success()
        .stderr(predicate::str::contains("is valid"));
}

#[test]
fn passages_list_search_and_the_catalogue() {
    let repo = repo();
    decide(repo.path())
        .args(["passages", "masquerading"])
        .assert()
        .success()
        .stdout(predicate::str::contains("doors-masquerading"));
    decide(repo.path())
        .args(["passages", "zebra"])
        .assert()
        .code(1);
    let catalogue = decide(repo.path())
        .args(["passages", "--episodes"])
        .output()
        .unwrap();
    let text = stdout(&catalogue);
    assert_eq!(
        text.lines()
            .filter(|l| l
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit()))
            .count(),
        12
    );
    assert!(
        text.contains(" 7. Databases: SQL or NoSQL? It Depends\n"),
        "{text}"
    );
}

/// Straighten typography the way the passage library may: curly quotes, dashes, ellipses.
fn normalise(text: &str) -> String {
    let straight = text
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{2014}', '\u{2013}'], " - ")
        .replace('\u{2026}', "...");
    straight.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_passage_is_word_for_word_from_the_episode() {
    // The episode text is the workspace's shared/episodes/; a copy is kept in the repository
    // so the check runs anywhere, and the two must not drift apart.
    let name = "12-from-senior-dev-to-tech-lead.txt";
    let copy = fs::read_to_string(format!(
        "{}/tests/fixtures/episodes/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let shared = format!("{}/../shared/episodes/{name}", env!("CARGO_MANIFEST_DIR"));
    if let Ok(original) = fs::read_to_string(&shared) {
        assert_eq!(
            original, copy,
            "tests/fixtures/episodes/{name} differs from {shared}"
        );
    }
    let text = copy;
    let text = normalise(&text).replace(" - ", "-");
    let repo = repo();
    let listing = stdout(&decide(repo.path()).arg("passages").output().unwrap());
    let quotes: Vec<&str> = listing
        .lines()
        .filter_map(|l| l.strip_prefix("  \""))
        .map(|l| l.strip_suffix('"').unwrap_or(l))
        .collect();
    assert!(quotes.len() >= 20, "{} passages", quotes.len());
    for quote in quotes {
        let quote = normalise(quote).replace(" - ", "-");
        assert!(text.contains(&quote), "not verbatim: {quote}");
    }
}

#[test]
fn the_documented_example_playbook_is_valid_and_runs() {
    let doc = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/playbook-format.md"
    ))
    .unwrap();
    let start = doc
        .find("```yaml\nid: vendor-choice")
        .expect("the complete example")
        + "```yaml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let repo = repo();
    let playbook = write(
        repo.path(),
        ".decide/playbooks/vendor-choice.yaml",
        &doc[start..end],
    );
    decide(repo.path())
        .args(["playbooks", "check"])
        .arg(&playbook)
        .assert()
        .success();
    let answers = fs::read_to_string(example("decision.yaml"))
        .unwrap()
        .replace("playbook: decision", "playbook: vendor-choice");
    let answers = write(repo.path(), "answers.yaml", &answers);
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    assert_eq!(
        records(&repo.path().join("docs/decisions")).len(),
        1,
        "the repository's .decide/playbooks/ is loaded"
    );
}

#[test]
fn a_broken_playbook_is_reported_at_its_line_and_column() {
    let repo = repo();
    let good = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/playbooks/decision.yaml"
    ))
    .unwrap();
    let cases = [
        (
            "typo in a field",
            good.replacen("    kind: duration", "    knd: duration", 1),
            "bad.yaml:36:5: questions[4]: unknown field `knd`",
        ),
        (
            "duplicate id",
            good.replacen("id: because", "id: chosen", 1),
            "question id `chosen` is used twice",
        ),
        (
            "unknown passage",
            good.replacen("cites: [undo-test]", "cites: [undo-tset]", 1),
            "cites passage `undo-tset`, which is not in the passage library",
        ),
        (
            "assessment without its question",
            good.replacen("undo: undo_time", "undo: undo_estimate", 1),
            "needs question `undo_estimate` for `undo`",
        ),
        (
            "misspelt name in a condition",
            good.replacen(
                "when: door.band == \"days\"",
                "when: dor.band == \"days\"",
                1,
            ),
            "uses `dor`",
        ),
        ("not YAML", format!("{good}\n  - : [\n"), "bad.yaml:"),
    ];
    for (name, text, message) in cases {
        let path = write(repo.path(), "bad.yaml", &text);
        let output = decide(repo.path())
            .args(["playbooks", "check"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(4), "{name}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(message),
            "{name}: expected {message:?} in {}",
            stderr(&output)
        );
    }
}

#[test]
fn an_answer_to_a_question_that_is_not_asked_is_reported_not_dropped_silently() {
    let repo = repo();
    let text = fs::read_to_string(example("decision.yaml")).unwrap()
        + "hard_to_undo: the data migration\n";
    let answers = write(repo.path(), "answers.yaml", &text);
    let output = decide(repo.path())
        .args(["new", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("answers.yaml:42:1: `hard_to_undo` was not asked for these answers (it is asked when door.band == \"weeks\"), so it is not used"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn answers_file_runs_show_each_final_verdict_once() {
    let repo = repo();
    let text = fs::read_to_string(example("decision.yaml"))
        .unwrap()
        .replace(
            "undo_time: 4 months",
            "undo_time: 3 weeks\nhard_to_undo: customers integrate against it\ndoor_class: one-way",
        );
    let answers = write(repo.path(), "answers.yaml", &text);
    let shown = stderr(
        &decide(repo.path())
            .args(["new", "--answers"])
            .arg(&answers)
            .output()
            .unwrap(),
    );
    assert!(
        !shown.contains("Weeks to undo: it depends"),
        "no provisional verdict: {shown}"
    );
    assert_eq!(
        shown.matches("▸ One-way or two-way door").count(),
        1,
        "{shown}"
    );
    assert_eq!(
        shown.matches("how long would it take to undo?").count(),
        1,
        "the quote once: {shown}"
    );
}
