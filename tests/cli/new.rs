//! `decide new`: answers file to record, the log directory rules, and every kind of bad
//! input with its exit code, message, and nothing written.

use std::fs;
use std::path::Path;

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
    // The door test's passage answers a question, so the record quotes both, word for word.
    assert!(
        record.contains("> Thuan: How do you know if a decision is reversible?\n>\n> Alex: Ask yourself: \"If this turns out to be wrong, how long would it take to undo?\" If the answer is days, it's reversible. If the answer is months, think harder."),
        "{record}"
    );
    assert!(record.contains("> If you have 70% of the information you need, make the decision. Waiting for 100% means waiting too long."));
    assert!(
        record.contains("> Thuan: But what if I make the wrong call?\n>\n> Alex: You will. Regularly. And that's OK."),
        "the forecast's passage, with its question: {record}"
    );
}

/// The reference numbers listed under `## References` that the text before it never
/// points at.
pub(crate) fn uncited_references(record: &str) -> Vec<String> {
    let (body, references) = record
        .split_once("## References")
        .expect("a References section");
    references
        .lines()
        .filter_map(|line| line.strip_prefix('['))
        .filter_map(|line| line.split_once("] ").map(|(n, _)| n))
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        .map(|n| format!("[{n}]"))
        .filter(|marker| !body.contains(marker.as_str()))
        .collect()
}

#[test]
fn every_reference_of_a_decision_record_is_cited_in_its_text() {
    // Each door branch and an empty wish list: (name, new undo answers, blocks dropped).
    let variants: [(&str, &str, &[&str]); 7] = [
        ("months to undo", "undo_time: 4 months", &[]),
        (
            "days, feels two-way",
            "undo_time: 3 days\nfeels_one_way: no",
            &[],
        ),
        (
            "days, feels one-way",
            "undo_time: 3 days\nfeels_one_way: yes",
            &[],
        ),
        (
            "weeks, called one-way",
            "undo_time: 3 weeks\nhard_to_undo: data to move\ndoor_class: one-way",
            &[],
        ),
        (
            "weeks, called two-way",
            "undo_time: 3 weeks\nhard_to_undo: data to move\ndoor_class: two-way",
            &[],
        ),
        (
            "weeks, no call",
            "undo_time: 3 weeks\nhard_to_undo: data to move",
            &[],
        ),
        (
            "nothing wished for",
            "undo_time: 4 months",
            &["wished:", "have:"],
        ),
    ];
    let repo = repo();
    for (name, undo, dropped) in variants {
        let mut text = answers_with("undo_time: 4 months", undo);
        for key in dropped {
            text = drop_block(&text, key);
        }
        let output = new_with_answers(repo.path(), &["-q", "--stdout"], &text);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let record = stdout(&output);
        assert_eq!(
            uncited_references(&record),
            Vec::<String>::new(),
            "{name}: listed but never cited:\n{record}"
        );
    }
    let proposal = stdout(
        &decide(repo.path())
            .args(["new", "-q", "--stdout", "--answers"])
            .arg(example("proposal.yaml"))
            .output()
            .unwrap(),
    );
    assert!(proposal.contains("status: proposed"), "{proposal}");
    assert_eq!(
        uncited_references(&proposal),
        Vec::<String>::new(),
        "{proposal}"
    );
}

/// `text` without the YAML block that starts at the line `key` (the key and its items).
fn drop_block(text: &str, key: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line == key {
            skipping = true;
            continue;
        }
        if skipping && line.starts_with("  ") {
            continue;
        }
        skipping = false;
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn answers_can_come_from_standard_input_under_the_same_cap() {
    let repo = repo();
    let answers = fs::read_to_string(example("decision.yaml")).unwrap();
    let output = decide(repo.path())
        .args(["new", "--stdout", "--answers", "-"])
        .write_stdin(answers)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("# Choose the database for the orders service"));
    let output = decide(repo.path())
        .args(["new", "--answers", "-"])
        .write_stdin("title: x\n".repeat(1_000_000))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("<stdin>: could not read: it is larger than 8 MiB"),
        "{}",
        stderr(&output)
    );
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

/// `decide new ARGS --answers answers.yaml` in `repo`, the answers file holding `text`.
fn new_with_answers(repo: &Path, args: &[&str], text: &str) -> std::process::Output {
    let answers = write(repo, "answers.yaml", text);
    decide(repo)
        .arg("new")
        .args(args)
        .arg("--answers")
        .arg(&answers)
        .output()
        .unwrap()
}

/// The valid example, with one line changed.
fn answers_with(replace: &str, with: &str) -> String {
    let text = fs::read_to_string(example("decision.yaml")).unwrap();
    assert!(text.contains(replace), "the example has {replace:?}");
    text.replacen(replace, with, 1)
}

/// The line (from 1) of the example answers file that starts with `key`.
fn line_of(key: &str) -> usize {
    let text = fs::read_to_string(example("decision.yaml")).unwrap();
    1 + text
        .lines()
        .position(|line| line.starts_with(key))
        .unwrap_or_else(|| panic!("the example has no {key:?}"))
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one table of cases; each row reads on its own"
)]
fn bad_answers_files_are_reported_with_their_key_and_nothing_is_written() {
    let cases: Vec<(&str, String, i32, String)> = vec![
        (
            "unknown key",
            answers_with("because:", "becuase:"),
            3,
            format!(
                "answers.yaml:{}:1: unknown key `becuase`",
                line_of("because:")
            ),
        ),
        (
            "wrong type",
            answers_with("undo_time: 4 months", "undo_time: [4]"),
            3,
            "`undo_time` (If PostgreSQL turns out to be wrong, how long would it take to undo?): expected a duration".into(),
        ),
        (
            "negative duration",
            answers_with("undo_time: 4 months", "undo_time: -4 months"),
            3,
            "cannot be negative".into(),
        ),
        (
            "unknown unit",
            answers_with("undo_time: 4 months", "undo_time: 4 moons"),
            3,
            "unknown unit \"moons\"".into(),
        ),
        (
            "missing title",
            answers_with("title: Choose the database for the orders service", ""),
            3,
            "missing answer for `title`".into(),
        ),
        (
            "empty title",
            answers_with(
                "title: Choose the database for the orders service",
                "title: \"\"",
            ),
            3,
            "`title` (What are you deciding?): an answer is required".into(),
        ),
        (
            "control characters in title",
            answers_with(
                "title: Choose the database for the orders service",
                "title: \"a\\u0007b\"",
            ),
            3,
            "control characters".into(),
        ),
        (
            "title too long",
            answers_with(
                "title: Choose the database for the orders service",
                &format!("title: {}", "x".repeat(300)),
            ),
            3,
            "keep it to 120 characters".into(),
        ),
        (
            "no option leaned towards",
            answers_with("leaning: PostgreSQL\n", ""),
            3,
            "missing answer for `leaning` (Which option do you lean towards?)".into(),
        ),
        (
            "leaning is not an option",
            answers_with("leaning: PostgreSQL", "leaning: Oracle"),
            3,
            format!(
                "answers.yaml:{}:1: `leaning` (Which option do you lean towards?): \"oracle\" is not one of the choices",
                line_of("leaning:")
            ),
        ),
        (
            "chosen is not an option",
            answers_with("leaning: PostgreSQL", "leaning: PostgreSQL\nchosen: Oracle"),
            3,
            "`chosen` (Chosen option): \"oracle\" is not one of the choices".into(),
        ),
        (
            "have is not in wished",
            answers_with("have:\n", "have:\n  - Gossip\n"),
            3,
            "is not one of the choices".into(),
        ),
        (
            "confidence above 99%",
            answers_with("confidence: 80", "confidence: 120"),
            3,
            "`confidence` (How confident are you that this is right, from 50 to 99%?): must be at most 99".into(),
        ),
        (
            "confidence below 50%",
            answers_with("confidence: 80", "confidence: 30"),
            3,
            "must be at least 50".into(),
        ),
        (
            "impact too long for a stakeholder",
            answers_with(
                "impact: Nothing changes for customers; the spring campaign date holds.",
                &format!("impact: {}", ["word"; 26].join(" ")),
            ),
            3,
            "`impact` (What changes for people outside the team, if anything?): keep it to 25 words (this is 26)".into(),
        ),
        (
            "bad date",
            answers_with("decision_makers:", "review_by: next year\ndecision_makers:"),
            3,
            "\"next year\" is not a date I can read".into(),
        ),
        (
            "past date",
            answers_with("decision_makers:", "review_by: 2026-11-01\ndecision_makers:"),
            3,
            "2026-11-01 has passed (today is 2026-11-26)".into(),
        ),
        (
            "one option",
            answers_with("  - name: MongoDB", "  - name: PostgreSQL"),
            3,
            "listed twice".into(),
        ),
        (
            "not YAML",
            "title: [unclosed\n".to_string(),
            3,
            "answers.yaml:2:1:".into(),
        ),
        (
            "not a mapping",
            "- just\n- a list\n".to_string(),
            3,
            "expected a mapping of question ids".into(),
        ),
        (
            "unknown playbook",
            answers_with("playbook: decision", "playbook: nope"),
            2,
            "there is no playbook `nope`".into(),
        ),
    ];
    for (name, text, code, message) in cases {
        let repo = repo();
        let output = new_with_answers(repo.path(), &[], &text);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{name}: {}",
            stderr(&output)
        );
        let shown = stderr(&output);
        assert!(
            shown.contains(&message),
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
            "If {{ leaning | as_option }} turns out to be wrong, how long would it take to undo?  [undo_time: duration, when not door]",
        ))
        .stdout(predicate::str::contains("cites undo-test"));
    // The outcome sets the status: no built-in playbook asks for it.
    for line in listing.lines() {
        let id = line.split_whitespace().next().unwrap_or_default();
        let shown = stdout(
            &decide(repo.path())
                .args(["playbooks", "show", id])
                .output()
                .unwrap(),
        );
        assert!(
            !shown.contains("[status:"),
            "{id} asks for a status:\n{shown}"
        );
    }
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
    // Where the typo lands: the line of the first duration question, and its index.
    let typo_line = good
        .lines()
        .position(|l| l == "    kind: duration")
        .unwrap();
    let typo_question = good
        .lines()
        .take(typo_line)
        .filter(|l| l.starts_with("  - id: "))
        .count()
        - 1;
    let typo = format!(
        "bad.yaml:{}:5: questions[{typo_question}]: unknown field `knd`",
        typo_line + 1
    );
    // The assessment `door`, not the question `door_class` that comes first in the file.
    let door_assessment = format!(
        "bad.yaml:{}:5: assessment `door` needs question `undo_estimate` for `undo`",
        1 + good.lines().position(|l| l == "  - id: door").unwrap()
    );
    let cases = [
        (
            "typo in a field",
            good.replacen("    kind: duration", "    knd: duration", 1),
            typo.as_str(),
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
            door_assessment.as_str(),
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
    let line = text.lines().count();
    let output = new_with_answers(repo.path(), &[], &text);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!("answers.yaml:{line}:1: `hard_to_undo` was not asked for these answers (it is asked when door.band == \"weeks\"), so it is not used")),
        "{}",
        stderr(&output)
    );
}

/// A proposal decides nothing: no option is chosen, so `chosen` is not asked, and an answer
/// to it is named as unused rather than turning the proposal into a decision.
#[test]
fn a_proposal_chooses_nothing_and_lists_what_it_finds_out_by_when() {
    let repo = repo();
    let text = fs::read_to_string(example("proposal.yaml")).unwrap() + "chosen: Searchly\n";
    let line = text.lines().count();
    let output = new_with_answers(repo.path(), &[], &text);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!("answers.yaml:{line}:1: `chosen` was not asked for these answers (it is asked when outcome.kind == \"decided\"), so it is not used")),
        "{}",
        stderr(&output)
    );
    let written = records(&repo.path().join("docs/decisions"));
    let record = fs::read_to_string(&written[0]).unwrap();
    for line in [
        "status: proposed\n",
        "outcome: investigate\n",
        "door: one-way\n",
        "information-coverage: 40%\n",
        "decide-by: 2026-12-10\n---\n",
        "Proposed option: \"Searchly\", because it takes the cluster work away and keeps the query syntax we use. Nothing is decided yet: we decide by Thursday 10 December, once the open questions are answered.\n",
        "### Open Questions\n\n* Searchly's price at our query volume (Ana finds out)\n* Whether the contract has an exit clause (Ben finds out)\n",
        "The coach's verdict: **40% on a one-way door: investigate until Thursday 10 December, then decide.**",
        "  * Missing, but it would not change the choice: Latency on our own catalogue\n",
        "Decide by Thursday 10 December, when the investigation ends.\n",
    ] {
        assert!(record.contains(line), "{line:?} in:\n{record}");
    }
    for decided in [
        "Chosen option",
        "we'll switch to",
        "### Forecast",
        "Review it by",
    ] {
        assert!(
            !record.contains(decided),
            "{decided:?} in a proposal:\n{record}"
        );
    }
}

/// Dates in an answers file may be written as people say them, counted from `--today`.
#[test]
fn an_answers_file_takes_dates_as_people_say_them() {
    let repo = repo();
    let text = answers_with(
        "decision_makers:",
        "review_by: in 20 weeks\ndecision_makers:",
    );
    let output = new_with_answers(repo.path(), &["-q", "--stdout"], &text);
    assert!(output.status.success(), "{}", stderr(&output));
    let record = stdout(&output);
    // Twenty weeks from Thursday 26 November 2026, after the signal can show.
    assert!(record.contains("review-by: 2027-04-15\n"), "{record}");
    assert!(
        record.contains("Review it by Thursday 15 April 2027: did the decision hold up"),
        "{record}"
    );
}

/// A review date before the signal can show ("in 4 months": Friday 26 March 2027) has
/// nothing to look at: the coach says so, and the record and the messages review it a
/// week after the signal, never on the date given.
#[test]
fn a_review_before_the_signal_can_show_is_moved_after_it() {
    let repo = repo();
    let text = answers_with(
        "decision_makers:",
        "review_by: in 3 weeks\ndecision_makers:",
    );
    let output = new_with_answers(repo.path(), &[], &text);
    assert!(output.status.success(), "{}", stderr(&output));
    let coached = stderr(&output);
    assert!(
        coached.contains(
            "Thursday 17 December is before the signal can first show (Friday 26 March 2027)"
        ),
        "{coached}"
    );
    let written = records(&repo.path().join("docs/decisions"));
    let record = fs::read_to_string(&written[0]).unwrap();
    assert!(record.contains("review-by: 2027-04-02\n"), "{record}");
    for to in ["stakeholders", "team"] {
        let said = decide(repo.path())
            .args(["message", "1", "--to", to])
            .output()
            .unwrap();
        let said = stdout(&said);
        assert!(said.contains("Friday 2 April 2027"), "{to}: {said}");
        assert!(!said.contains("17 December"), "{to}: {said}");
    }
}

/// The forecast is optional: a decision without one still writes its record, with no
/// forecast in it.
#[test]
fn a_decision_without_a_forecast_writes_its_record() {
    let repo = repo();
    let text = answers_with("confidence: 80\n", "").replace(
        "signal: write latency at the spring peak stays above 200 ms after tuning\n",
        "",
    );
    let output = new_with_answers(repo.path(), &["-q", "--stdout"], &text);
    assert!(output.status.success(), "{}", stderr(&output));
    let record = stdout(&output);
    for absent in [
        "confidence:",
        "### Forecast",
        "Thuan: But what if I make the wrong call?",
    ] {
        assert!(!record.contains(absent), "{absent:?} in:\n{record}");
    }
}

/// Weeks to undo with no call made is the careful case: a one-way door, and the verdict
/// claims no judgment the lead did not make.
#[test]
fn weeks_to_undo_with_no_call_made_is_a_one_way_door() {
    let repo = repo();
    let text = answers_with(
        "undo_time: 4 months",
        "undo_time: 5 weeks\nhard_to_undo: customers integrate against it",
    );
    let output = new_with_answers(repo.path(), &["--stdout"], &text);
    assert!(output.status.success(), "{}", stderr(&output));
    let record = stdout(&output);
    assert!(record.contains("door: one-way\n"), "{record}");
    assert!(
        record.contains("**Weeks to undo and no call made: treat it as a one-way door.** Undoing it would take 5 weeks (customers integrate against it)"),
        "{record}"
    );
    for claimed in ["you judged", "You judged", "cheap to reverse"] {
        assert!(!record.contains(claimed), "{claimed:?}:\n{record}");
        assert!(!stderr(&output).contains(claimed), "{claimed:?} on screen");
    }
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
        !shown.contains("Weeks to undo and no call made"),
        "no provisional verdict before the lead's call: {shown}"
    );
    assert_eq!(
        shown.matches("▸ One-way or two-way door").count(),
        1,
        "{shown}"
    );
    assert_eq!(
        shown.matches("▸ The 70% information rule").count(),
        1,
        "{shown}"
    );
    // Each verdict quotes a passage not quoted before.
    for quote in [
        "\"The important thing is to make reversible decisions quickly",
        "\"If you have 70% of the information you need",
    ] {
        assert_eq!(shown.matches(quote).count(), 1, "{quote} once: {shown}");
    }
}

/// Outside a repository the log is created where decide stands; it says so, and why.
#[test]
fn outside_a_repository_the_new_log_is_explained() {
    let plain = tempfile::tempdir().unwrap();
    let output = decide(plain.path())
        .args(["new", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(
        said.contains(&format!(
            "Created the decision log docs/decisions in {}: no repository here",
            plain.path().display()
        )) && said.contains("pass --dir"),
        "{said}"
    );
    // In a repository, nothing to explain.
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    let said = stderr(&output);
    assert!(
        said.contains("Created the decision log docs/decisions\n"),
        "{said}"
    );
}

/// An estimate given as a range is judged at its longer end, and the record says both.
#[test]
fn a_range_to_undo_is_judged_cautiously_and_kept_as_typed() {
    let repo = repo();
    let answers = fs::read_to_string(example("decision.yaml"))
        .unwrap()
        .lines()
        .map(|line| {
            if line.starts_with("undo_time:") {
                "undo_time: 3-4 weeks\nhard_to_undo: data to move back\ndoor_class: two-way"
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let file = write(repo.path(), "answers.yaml", &answers);
    let output = decide(repo.path())
        .args(["new", "--stdout", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let record = stdout(&output);
    assert!(
        record.contains("* Time to undo if it turns out wrong: 4 weeks (from \"3-4 weeks\")\n"),
        "{record}"
    );
    assert!(record.contains("Undoing it would take 4 weeks"), "{record}");
}

/// Options with very different undo costs: each option's undo time, given with its pros and
/// cons, shows its door in the record, and the leaning option's stands for the door
/// question, which is then not needed.
#[test]
fn each_option_can_say_how_long_it_would_take_to_undo() {
    let repo = repo();
    let answers = fs::read_to_string(example("decision.yaml"))
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with("undo_time:"))
        .map(|line| match line {
            "  - name: PostgreSQL" => "  - name: PostgreSQL\n    undo: 3-4 months",
            "  - name: MongoDB" => "  - name: MongoDB | Atlas\n    undo: 1 week",
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let file = write(repo.path(), "answers.yaml", &answers);
    let output = decide(repo.path())
        .args(["new", "--stdout", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let record = stdout(&output);
    assert!(
        record.contains("* Time to undo if it turns out wrong: 4 months (from \"3-4 months\")\n"),
        "{record}"
    );
    assert!(
        record.contains(
            "| Option | Time to undo if it turns out wrong | Door |\n\
             |---|---|---|\n\
             | PostgreSQL (the option weighed) | 4 months (from \"3-4 months\") | one-way |\n\
             | MongoDB \\| Atlas | 1 week | two-way |\n"
        ),
        "{record}"
    );
    assert!(record.contains("door: one-way\n"), "{record}");
}

/// A playbook a teammate is still writing in `.decide/playbooks/` does not stop the others:
/// each command says where it is wrong and goes on without it; running it is its error.
#[test]
fn a_half_written_team_playbook_is_reported_and_skipped() {
    let repo = repo();
    write(
        repo.path(),
        ".decide/playbooks/half.yaml",
        "id: half\ntitle: Half\nsummary: Not finished.\nquestions:\n  - id: a\n    prompt: A?\n    kind: txt\n",
    );
    let warning = ".decide/playbooks/half.yaml:7:11: questions[0].kind: unknown variant `txt`";
    let skipped = "; skipped this playbook (`decide playbooks check .decide/playbooks/half.yaml` checks it)\n";
    let listed = decide(repo.path()).arg("playbooks").output().unwrap();
    assert!(listed.status.success(), "{}", stderr(&listed));
    let shown = stderr(&listed);
    assert_eq!(shown.lines().count(), 1, "one line: {shown}");
    assert!(
        shown.starts_with(&format!("warning: {warning}")) && shown.ends_with(skipped),
        "{shown}"
    );
    assert!(stdout(&listed).contains("decision"));
    let written = decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(written.status.success(), "{}", stderr(&written));
    assert!(stderr(&written).contains(warning));
    write(repo.path(), "half-answers.yaml", "playbook: half\na: yes\n");
    let asked = decide(repo.path())
        .args(["new", "--answers", "half-answers.yaml"])
        .output()
        .unwrap();
    assert_eq!(asked.status.code(), Some(4), "{}", stderr(&asked));
    assert!(
        stderr(&asked)
            .lines()
            .any(|l| l.starts_with("error: ") && l.contains(warning)),
        "{}",
        stderr(&asked)
    );
}

/// A fallback typed as a sentence starts ("The platform store …") continues the record's
/// and the team message's sentence without its capital; a name keeps its own.
#[test]
fn a_fallback_typed_with_a_capital_article_goes_on_the_sentence() {
    let repo = repo();
    let text = answers_with(
        "fallback: MongoDB for the order-variant documents only, keeping payments in PostgreSQL",
        "fallback: The document store for order variants, with payments kept in PostgreSQL",
    );
    let output = new_with_answers(repo.path(), &["-q", "--stdout"], &text);
    assert!(output.status.success(), "{}", stderr(&output));
    let record = stdout(&output);
    assert!(
        record.contains(
            "we'll switch to the document store for order variants, with payments kept in PostgreSQL."
        ),
        "{record}"
    );
    assert!(!record.contains("switch to The"), "{record}");
}
