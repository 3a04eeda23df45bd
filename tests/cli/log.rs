//! The decision log: reading adr-tools, MADR and our own logs, and every log command
//! (init, list, show, status, supersede, link, review, index, graph, lint, renumber,
//! search), including a merge that leaves two records numbered 0007.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{decide, example, repo, stderr, stdout, write};

/// A repository whose decision log (docs/decisions) is a copy of `tests/fixtures/NAME`.
fn log_from_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let repo = repo();
    let dir = repo.path().join("docs/decisions");
    fs::create_dir_all(&dir).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    for entry in fs::read_dir(source).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    (repo, dir)
}

fn run(cwd: &Path, args: &[&str]) -> std::process::Output {
    decide(cwd).args(args).output().unwrap()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap()
}

#[test]
fn list_reads_every_format() {
    let cases = [
        (
            "adr-tools",
            "#     Title                           Status      Date        Door  Due by\n\
             0001  Record architecture decisions   accepted    2016-02-12  -     -\n\
             0002  Use MySQL for persistence       superseded  2016-03-01  -     -\n\
             0003  Use PostgreSQL for persistence  accepted    2017-06-20  -     -\n\
             0004  Partition the orders table      accepted    2018-01-15  -     -\n",
        ),
        (
            "madr2",
            "#     Title                                        Status      Date        Door  Due by\n\
             0000  Use Markdown Architectural Decision Records  accepted    2017-12-10  -     -\n\
             0001  Use YAML for configuration                   superseded  2018-03-02  -     -\n\
             0002  Use TOML for configuration                   accepted    2019-05-20  -     -\n",
        ),
        (
            "madr3",
            "#     Title                                          Status    Date        Door  Due by\n\
             0001  Use Plain JUnit5 for advanced test assertions  accepted  2022-11-15  -     -\n\
             0002  Use AssertJ for collection assertions          proposed  2023-02-01  -     -\n",
        ),
        (
            "madr4",
            "#     Title                                        Status      Date        Door  Due by\n\
             0001  Use Markdown Architectural Decision Records  accepted    2024-09-17  -     -\n\
             0002  Use release-please for releases              superseded  2024-10-01  -     -\n\
             0003  Use changesets for releases                  accepted    2025-01-08  -     -\n",
        ),
    ];
    for (fixture, expected) in cases {
        let (repo, _) = log_from_fixture(fixture);
        let output = run(repo.path(), &["list"]);
        assert!(output.status.success(), "{fixture}: {}", stderr(&output));
        assert_eq!(stdout(&output), expected, "{fixture}");
        assert_eq!(stderr(&output), "", "{fixture}");
    }
}

#[test]
fn a_broken_file_is_reported_and_skipped() {
    let (repo, _) = log_from_fixture("mixed");
    let output = run(repo.path(), &["list"]);
    // Everything that could be read is listed; the exit code says a file was not.
    assert_eq!(output.status.code(), Some(6));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(out.contains("0001  Choose the database for the orders service  accepted  2026-11-26  one-way  2027-02-24"), "{out}");
    let err = stderr(&output);
    assert!(
        err.contains("warning: docs/decisions/0004-meeting-notes.md: no `# Title` heading"),
        "{err}"
    );
    assert!(
        err.to_lowercase()
            .contains("docs/decisions/0005-latin1-record.md: could not read: it is not utf-8 text"),
        "{err}"
    );
    assert_eq!(err.matches("; skipped").count(), 2, "{err}");
}

#[test]
fn list_filters_and_json() {
    let (repo, _) = log_from_fixture("mixed");
    let cases: &[(&[&str], &[&str])] = &[
        (&["list", "--status", "proposed"], &["0003"]),
        (&["list", "--door", "one-way"], &["0001"]),
        (&["list", "--since", "2020-01-01"], &["0001", "0003"]),
        (&["list", "--due"], &[]),
        (&["list", "--due", "--today", "2027-02-24"], &["0001"]),
    ];
    for (args, numbers) in cases {
        let output = run(repo.path(), args);
        // The fixture holds two files that are not records.
        assert_eq!(output.status.code(), Some(6), "{args:?}");
        let listed: Vec<String> = stdout(&output)
            .lines()
            .skip(1)
            .map(|l| l[..4].to_string())
            .collect();
        assert_eq!(listed, *numbers, "{args:?}");
    }
    let output = run(repo.path(), &["list", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0]["title"],
        "Choose the database for the orders service"
    );
    assert_eq!(rows[0]["door"], "one-way");
    assert_eq!(rows[0]["review_by"], "2027-02-24");
    assert_eq!(rows[0]["format"], "decide");
    assert_eq!(rows[1]["format"], "adr-tools");
    assert_eq!(rows[2]["status"], "proposed");
    let bad = run(repo.path(), &["list", "--door", "revolving"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn init_creates_the_log_and_adr_dir_when_not_the_default() {
    let repo = repo();
    let output = run(repo.path(), &["init"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(repo.path().join("docs/decisions").is_dir());
    assert!(!repo.path().join(".adr-dir").exists());

    let other = crate::support::repo();
    let output = run(other.path(), &["init", "doc/architecture/decisions"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(other.path().join("doc/architecture/decisions").is_dir());
    assert_eq!(
        read(&other.path().join(".adr-dir")),
        "doc/architecture/decisions\n"
    );
    // The next command finds the log through .adr-dir.
    decide(other.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    let listed = run(other.path(), &["list"]);
    assert!(
        stdout(&listed).contains("0001  Choose the database"),
        "{}",
        stdout(&listed)
    );
}

#[test]
fn show_matches_numbers_exactly() {
    let (repo, dir) = log_from_fixture("adr-tools");
    fs::copy(
        dir.join("0003-use-postgresql-for-persistence.md"),
        dir.join("0013-copy.md"),
    )
    .unwrap();
    let output = run(repo.path(), &["show", "3"]);
    assert!(output.status.success());
    assert_eq!(
        stdout(&output),
        read(&dir.join("0003-use-postgresql-for-persistence.md"))
    );
    let by_file = run(
        repo.path(),
        &["show", "docs/decisions/0002-use-mysql-for-persistence.md"],
    );
    assert!(stdout(&by_file).starts_with("# 2. Use MySQL"));
    let missing = run(repo.path(), &["show", "30"]);
    assert_eq!(missing.status.code(), Some(6));
    assert!(
        stderr(&missing).contains("no record is numbered 30"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn status_changes_one_line_and_keeps_every_other_byte() {
    let cases = [
        ("adr-tools", "4", "deprecated", "Accepted\n", "Deprecated\n"),
        (
            "madr2",
            "2",
            "rejected",
            "* Status: accepted\n",
            "* Status: rejected\n",
        ),
        (
            "madr4",
            "3",
            "deprecated",
            "status: accepted\n",
            "status: deprecated\n",
        ),
    ];
    for (fixture, number, status, before, after) in cases {
        let (repo, dir) = log_from_fixture(fixture);
        let path = crate::support::records(&dir)
            .into_iter()
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&format!("000{number}"))
            })
            .unwrap();
        let original = read(&path);
        let output = run(repo.path(), &["status", number, status]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(
            read(&path),
            original.replacen(before, after, 1),
            "{fixture}"
        );
    }
    let (repo, _) = log_from_fixture("adr-tools");
    let bad = run(repo.path(), &["status", "1", "maybe"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn supersede_runs_new_and_links_both_ways() {
    let (repo, dir) = log_from_fixture("adr-tools");
    let output = decide(repo.path())
        .args(["supersede", "3", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let new = dir.join("0005-choose-the-database-for-the-orders-service.md");
    let new_text = read(&new);
    // In an adr-tools log the new record is an adr-tools record, linked its way.
    assert!(
        new_text
            .starts_with("# 5. Choose the database for the orders service\n\nDate: 2026-11-26\n"),
        "{new_text}"
    );
    assert!(new_text.contains("## Status\n\nAccepted\n\nSupersedes [3. Use PostgreSQL for persistence](0003-use-postgresql-for-persistence.md)\n\n## Context"), "{new_text}");
    let old_text = read(&dir.join("0003-use-postgresql-for-persistence.md"));
    assert!(old_text.contains("## Status\n\nSupercedes [2. Use MySQL for persistence](0002-use-mysql-for-persistence.md)\n\nAmended by [4. Partition the orders table](0004-partition-the-orders-table.md)\n\nSuperceded by [5. Choose the database for the orders service](0005-choose-the-database-for-the-orders-service.md)\n\n## Context"), "{old_text}");
    let lint = run(repo.path(), &["lint"]);
    assert!(lint.status.success(), "{}{}", stdout(&lint), stderr(&lint));
    let missing = decide(repo.path())
        .args(["supersede", "9", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(6));
    assert_eq!(
        crate::support::records(&dir).len(),
        5,
        "nothing written for a missing OLD"
    );
}

#[test]
fn link_adds_the_link_and_its_reverse() {
    let (repo, dir) = log_from_fixture("madr3");
    let output = run(repo.path(), &["link", "2", "Amends", "1"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(read(&dir.join("0002-use-assertj-for-collections.md")).ends_with(
        "## Links\n\n* Amends [1. Use Plain JUnit5 for advanced test assertions](0001-use-plain-junit5-for-advanced-test-assertions.md)\n"
    ));
    assert!(read(&dir.join("0001-use-plain-junit5-for-advanced-test-assertions.md")).ends_with(
        "## Links\n\n* Amended by [2. Use AssertJ for collection assertions](0002-use-assertj-for-collections.md)\n"
    ));
    let custom = run(
        repo.path(),
        &["link", "1", "Depends on", "2", "--reverse", "Needed by"],
    );
    assert!(custom.status.success());
    assert!(read(&dir.join("0002-use-assertj-for-collections.md")).contains("* Needed by [1. "));
    // Each relation is one edge, drawn the active way, custom reverses included.
    let graph = run(repo.path(), &["graph", "--format", "mermaid"]);
    assert_eq!(
        stdout(&graph),
        "flowchart TD\n  r0[\"1. Use Plain JUnit5 for advanced test assertions (accepted)\"]\n  r1[\"2. Use AssertJ for collection assertions (proposed)\"]\n  r0 -->|\"Depends on\"| r1\n  r1 -->|\"Amends\"| r0\n"
    );
    let itself = run(repo.path(), &["link", "1", "Amends", "1"]);
    assert_eq!(itself.status.code(), Some(2));
}

/// The mixed log without its two files that are not records, for the review commands.
fn reviewable_log() -> (tempfile::TempDir, PathBuf) {
    let (repo, dir) = log_from_fixture("mixed");
    fs::remove_file(dir.join("0004-meeting-notes.md")).unwrap();
    fs::remove_file(dir.join("0005-latin1-record.md")).unwrap();
    (repo, dir)
}

#[test]
fn reviews_come_due_and_append_an_outcome() {
    let (repo, dir) = reviewable_log();
    let record = dir.join("0001-choose-the-database-for-the-orders-service.md");
    let original = read(&record);

    let before = run(repo.path(), &["review", "--check"]);
    assert!(
        before.status.success(),
        "not due on {}",
        crate::support::TODAY
    );
    let due = run(repo.path(), &["review", "--check", "--today", "2027-03-01"]);
    assert_eq!(due.status.code(), Some(1));
    assert_eq!(
        stdout(&due),
        "0001  2027-02-24  5 days overdue      Choose the database for the orders service\n"
    );

    // "Did it hold up" is a choice; the reason goes with it.
    let loose = write(
        repo.path(),
        "loose.yaml",
        "happened: We moved orders to PostgreSQL in January.\nheld_up: yes, peak load is fine\nlearnt: Plan migrations a sprint ahead\n",
    );
    let output = decide(repo.path())
        .args(["--today", "2027-03-01", "review", "1", "--answers"])
        .arg(&loose)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains("loose.yaml:2:1: `held_up` (Did the decision hold up?): \"yes, peak load is fine\" is not one of the choices: \"yes\", \"partly\", \"no\""),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(&record), original, "nothing written");

    let answers = write(
        repo.path(),
        "review.yaml",
        "happened: We moved orders to PostgreSQL in January.\nheld_up: \"yes\"\nwhy: peak load is fine\nlearnt: Plan migrations a sprint ahead\n",
    );
    let output = decide(repo.path())
        .args(["--today", "2027-03-01", "review", "1", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    // Said once the lead has written why: the coach says what the record keeps, not
    // "write down why".
    assert!(
        stderr(&output).contains("▸ Looking back: It held up, and the record says why"),
        "{}",
        stderr(&output)
    );
    assert!(
        !stderr(&output).contains("write down why"),
        "{}",
        stderr(&output)
    );
    // The outcome goes before the references, the line that asked for the review says it
    // was reviewed, and the front matter no longer names the review just done (no next
    // review was set); every other byte stays.
    let outcome = "## Outcome (2027-03-01)\n\n* What happened: We moved orders to PostgreSQL in January.\n* Did it hold up: yes, peak load is fine\n* What we learnt: Plan migrations a sprint ahead\n\n";
    assert_eq!(
        read(&record),
        original
            .replacen("review-by: 2027-02-24\n", "", 1)
            .replacen(
                "Review it by 2027-02-24: did the decision hold up, and what did we learn?",
                "Reviewed on Monday 1 March 2027: it held up (see the Outcome below). What we learnt: plan migrations a sprint ahead.",
                1
            )
            .replacen("## References", &format!("{outcome}## References"), 1)
    );
    let after = run(repo.path(), &["review", "--check", "--today", "2027-03-01"]);
    assert!(after.status.success(), "{}", stdout(&after));

    let wrong = write(
        repo.path(),
        "bad.yaml",
        "happened: x\nheld_up: \"no\"\nlearned: z\n",
    );
    let output = decide(repo.path())
        .args(["review", "1", "--answers"])
        .arg(&wrong)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains(
            "bad.yaml:3:1: unknown key `learned`: playbook `review` has no such question"
        ),
        "{}",
        stderr(&output)
    );
    let no_terminal = run(repo.path(), &["review", "1"]);
    assert_eq!(no_terminal.status.code(), Some(2));
}

#[test]
fn a_review_due_today_is_due_not_overdue_and_the_next_date_shows_in_the_list() {
    let (repo, dir) = reviewable_log();
    let today = run(repo.path(), &["review", "--check", "--today", "2027-02-24"]);
    assert!(
        today.status.success(),
        "due today is not overdue: {}",
        stderr(&today)
    );
    assert!(stdout(&today).contains("due today"), "{}", stdout(&today));

    let answers = write(
        repo.path(),
        "review.yaml",
        "happened: Moved in January.\nheld_up: partly\nwhy: reporting moved later\nlearnt: Plan migrations early\nnext_review: 2027-09-01\n",
    );
    let output = decide(repo.path())
        .args(["--today", "2027-02-24", "review", "1", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    // The front matter says the next review date the outcome set, as the outcome does.
    let reviewed = read(&dir.join("0001-choose-the-database-for-the-orders-service.md"));
    assert!(
        reviewed.contains("\nreview-by: 2027-09-01\n") && !reviewed.contains("2027-02-24\n---"),
        "{reviewed}"
    );
    // The listing reads only each record's head, yet shows the date the outcome set.
    let listing = stdout(&run(repo.path(), &["list"]));
    let line = listing.lines().find(|l| l.starts_with("0001")).unwrap();
    assert!(line.ends_with("2027-09-01"), "{listing}");
    let json = stdout(&run(repo.path(), &["list", "--json"]));
    assert!(
        json.contains("\"review_by\": \"2027-09-01\"")
            || json.contains("\"review-by\": \"2027-09-01\""),
        "{json}"
    );
    let later = run(repo.path(), &["review", "--check", "--today", "2027-09-02"]);
    assert_eq!(
        later.status.code(),
        Some(1),
        "overdue again after the next date"
    );
}

#[test]
fn index_keeps_the_hand_written_text() {
    let (repo, dir) = log_from_fixture("mixed");
    let refused = run(repo.path(), &["index"]);
    assert_eq!(refused.status.code(), Some(4), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("README.md has no index markers"),
        "{}",
        stderr(&refused)
    );
    let output = run(repo.path(), &["index", "--append"]);
    assert!(
        stderr(&output).contains("Wrote the index of 3 records"),
        "{}",
        stderr(&output)
    );
    let expected_table = "<!-- decide:index:start -->\n\
        | # | Decision | Status | Date |\n|---|---|---|---|\n\
        | 0001 | [Choose the database for the orders service](0001-choose-the-database-for-the-orders-service.md) | accepted | 2026-11-26 |\n\
        | 0002 | [Record architecture decisions](0002-record-architecture-decisions.md) | accepted | 2016-02-12 |\n\
        | 0003 | [Use AssertJ for collection assertions](0003-use-assertj-for-collections.md) | proposed | 2023-02-01 |\n\
        <!-- decide:index:end -->\n";
    let readme = read(&dir.join("README.md"));
    assert_eq!(
        readme,
        format!(
            "# Our decisions\n\nHand-written introduction that `decide index` must keep.\n\n{expected_table}"
        )
    );
    fs::write(dir.join("README.md"), format!("{readme}\nA footer.\n")).unwrap();
    fs::remove_file(dir.join("0003-use-assertj-for-collections.md")).unwrap();
    run(repo.path(), &["index"]);
    let again = read(&dir.join("README.md"));
    assert!(again.starts_with("# Our decisions\n\nHand-written introduction"));
    assert!(
        again.ends_with("<!-- decide:index:end -->\n\nA footer.\n"),
        "{again}"
    );
    assert!(!again.contains("AssertJ"));
}

#[test]
fn graph_prints_dot() {
    let (repo, _) = log_from_fixture("adr-tools");
    let output = run(repo.path(), &["graph"]);
    assert!(output.status.success());
    let dot = stdout(&output);
    assert!(dot.starts_with("digraph decisions {\n"));
    assert!(
        dot.contains("  r2 -> r1 [label=\"Supersedes\"];\n"),
        "{dot}"
    );
    assert!(dot.contains("  r3 -> r2 [label=\"Amends\"];\n"), "{dot}");
    assert_eq!(dot.matches("->").count(), 2, "one edge per pair: {dot}");
}

#[test]
fn lint_reports_each_problem_with_its_line() {
    let (repo, dir) = log_from_fixture("adr-tools");
    let clean = run(repo.path(), &["lint"]);
    assert!(clean.status.success(), "{}", stdout(&clean));
    assert_eq!(stdout(&clean), "");

    let text = read(&dir.join("0004-partition-the-orders-table.md"));
    fs::write(
        dir.join("0004-partition-the-orders-table.md"),
        text.replace("Accepted", "Approved")
            .replace(
                "0003-use-postgresql-for-persistence.md",
                "0003-use-postgres.md",
            )
            .replace("## Consequences", "## Afterwards"),
    )
    .unwrap();
    let mut ours = read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mixed/0001-choose-the-database-for-the-orders-service.md"),
    );
    ours = ours.replace("> Jeff Bezos calls these", "> Jeff Bezos once called these");
    write(&dir, "0005-choose-the-database.md", &ours);
    let output = run(repo.path(), &["--today", "2027-03-01", "lint"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "docs/decisions/0004-partition-the-orders-table.md:1: error[missing-section]: missing the required section `## Consequences` (hint: add it; adr-tools records have `Status`, `Context`, `Decision`, `Consequences`)",
            "docs/decisions/0004-partition-the-orders-table.md:9: error[broken-link]: Amends link `0003-use-postgres.md` does not exist (hint: point it at an existing record, or remove it)",
            "docs/decisions/0005-choose-the-database.md:11: warning[review-overdue]: review overdue since 2027-02-24 (hint: run `decide review N` to record how it turned out)",
            "docs/decisions/0005-choose-the-database.md:85: error[quote-mismatch]: quote does not match the passage library (hint: copy it again from `decide passages WORDS`, or remove the reference)",
        ],
        "{out}"
    );
    let err = stderr(&output);
    // A team's own status is mentioned once, not reported as an error.
    assert!(
        err.contains("Statuses besides the usual ones: approved (1)."),
        "{err}"
    );
    assert!(err.contains("5 records: 3 errors, 1 warning"), "{err}");
    write(
        repo.path(),
        ".decide.yaml",
        "statuses: [proposed, accepted, superseded]\n",
    );
    let strict = run(repo.path(), &["--today", "2027-03-01", "lint"]);
    assert!(
        stdout(&strict).contains("0004-partition-the-orders-table.md:7: error[unknown-status]: unknown status `approved` (hint: use one of proposed, accepted, superseded, or add it to `statuses:` in .decide.yaml)"),
        "{}",
        stdout(&strict)
    );
}

#[test]
fn lint_counts_unreadable_files_as_errors() {
    let (repo, _) = log_from_fixture("mixed");
    let output = run(repo.path(), &["lint"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("0004-meeting-notes.md: error[not-a-record]: no `# Title` heading"),
        "{out}"
    );
    assert!(
        out.to_lowercase().contains(
            "0005-latin1-record.md: error[unreadable]: could not read: it is not utf-8 text"
        ),
        "{out}"
    );
}

/// Two branches each added record 0007 and linked to it; after the merge, lint flags the
/// collision, renumber moves one record, and every link still resolves.
#[test]
fn merge_collision_end_to_end() {
    let (repo, dir) = log_from_fixture("adr-tools");
    let record = |n: u32, title: &str, date: &str, status: &str| {
        format!(
            "# {n}. {title}\n\nDate: {date}\n\n## Status\n\n{status}\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n"
        )
    };
    // main: 0005, 0006 and 0007-use-kafka; the branch: 0007-use-rabbitmq, which 0008 amends.
    write(&dir, "0005-a.md", &record(5, "A", "2019-01-01", "Accepted"));
    write(&dir, "0006-b.md", &record(6, "B", "2019-02-01", "Accepted"));
    write(
        &dir,
        "0007-use-kafka.md",
        &record(7, "Use Kafka", "2019-03-01", "Accepted"),
    );
    write(
        &dir,
        "0007-use-rabbitmq.md",
        &record(
            7,
            "Use RabbitMQ",
            "2019-03-05",
            "Accepted\n\nAmended by [8. Tune RabbitMQ](0008-tune-rabbitmq.md)",
        ),
    );
    write(
        &dir,
        "0008-tune-rabbitmq.md",
        &record(
            8,
            "Tune RabbitMQ",
            "2019-04-01",
            "Accepted\n\nAmends [7. Use RabbitMQ](0007-use-rabbitmq.md)\n\nAmends [7. Use Kafka](0007-use-kafka.md)",
        ),
    );

    let lint = run(repo.path(), &["lint"]);
    assert_eq!(lint.status.code(), Some(1));
    let out = stdout(&lint);
    assert!(out.contains("docs/decisions/0007-use-kafka.md:1: error[duplicate-number]: number 7 is used by 0007-use-kafka.md and 0007-use-rabbitmq.md"), "{out}");
    assert!(
        out.contains(
            "docs/decisions/0007-use-rabbitmq.md:1: error[duplicate-number]: number 7 is used by"
        ),
        "{out}"
    );
    let ambiguous = run(repo.path(), &["show", "7"]);
    assert_eq!(ambiguous.status.code(), Some(6));

    let dry = run(repo.path(), &["renumber", "--dry-run"]);
    assert_eq!(
        stdout(&dry),
        "docs/decisions/0007-use-rabbitmq.md -> docs/decisions/0009-use-rabbitmq.md\n"
    );
    assert!(dir.join("0007-use-rabbitmq.md").exists());

    let output = run(repo.path(), &["renumber"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!dir.join("0007-use-rabbitmq.md").exists());
    let moved = read(&dir.join("0009-use-rabbitmq.md"));
    assert!(moved.starts_with("# 9. Use RabbitMQ\n"), "{moved}");
    assert!(moved.contains("Amended by [8. Tune RabbitMQ](0008-tune-rabbitmq.md)"));
    let amending = read(&dir.join("0008-tune-rabbitmq.md"));
    assert!(amending.contains("Amends [9. Use RabbitMQ](0009-use-rabbitmq.md)\n\nAmends [7. Use Kafka](0007-use-kafka.md)"), "{amending}");

    let lint = run(repo.path(), &["lint"]);
    assert!(lint.status.success(), "{}", stdout(&lint));
    assert_eq!(stdout(&lint), "");
    let shown = run(repo.path(), &["show", "9"]);
    assert!(stdout(&shown).starts_with("# 9. Use RabbitMQ"));
    let again = run(repo.path(), &["renumber"]);
    assert!(stderr(&again).contains("nothing to renumber"));
}

#[test]
fn search_finds_all_the_words_in_titles_and_bodies() {
    let (repo, _) = log_from_fixture("adr-tools");
    let output = run(repo.path(), &["search", "POSTGRESQL", "json"]);
    assert!(output.status.success());
    assert_eq!(
        stdout(&output),
        "0003  Use PostgreSQL for persistence  (accepted)  docs/decisions/0003-use-postgresql-for-persistence.md\n\
         \x20   1: # 3. Use PostgreSQL for persistence\n\
         \x20   15: MySQL 5.7 lacks the JSON operators and transactional DDL we now need.\n\
         \x20   19: We will migrate orders to PostgreSQL 9.6.\n"
    );
    let none = run(repo.path(), &["search", "kubernetes"]);
    // As grep does: nothing found is exit 1.
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(stdout(&none), "");
    assert!(stderr(&none).contains("No records match."));
}

#[test]
fn a_repository_without_a_log_has_no_decisions_yet() {
    let repo = repo();
    for (command, code) in [
        (&["list"][..], 0),
        (&["lint"], 0),
        (&["index"], 0),
        (&["graph"], 0),
        (&["review"], 0),
        (&["search", "x"], 1),
    ] {
        let output = run(repo.path(), command);
        assert_eq!(output.status.code(), Some(code), "{command:?}");
        assert!(
            stderr(&output).contains("No decisions yet: there is no decision log")
                && stderr(&output).contains("Start one with `decide new`"),
            "{command:?}: {}",
            stderr(&output)
        );
        assert!(
            !repo.path().join("docs").exists(),
            "{command:?} wrote nothing"
        );
    }
    let show = run(repo.path(), &["show", "1"]);
    assert_eq!(show.status.code(), Some(6));
    // A directory named on purpose must exist.
    let named = run(repo.path(), &["list", "--dir", "nope"]);
    assert_eq!(named.status.code(), Some(5));
    assert!(
        stderr(&named).contains("run `decide init`"),
        "{}",
        stderr(&named)
    );
}

/// `decide review N` at a real terminal: the look-back's questions, a rejected empty
/// answer, the choice of how it held up, a next review date, and the outcome appended.
#[cfg(unix)]
#[test]
fn review_at_the_terminal() {
    use rexpect::reader::Options;
    use rexpect::session::spawn_with_options;

    let (repo, dir) = log_from_fixture("adr-tools");
    let record = dir.join("0004-partition-the-orders-table.md");
    let original = read(&record);
    let mut command = crate::support::decide_process(repo.path());
    command
        .args(["review", "4"])
        .env("DECIDE_TODAY", "2027-03-01")
        .env("TERM", "xterm");
    let mut s = spawn_with_options(
        command,
        Options::new()
            .timeout_ms(Some(20_000))
            .strip_ansi_escape_codes(true),
    )
    .unwrap();
    s.exp_string("Look back at a decision: 4. Partition the orders table")
        .unwrap();
    s.exp_string("What happened since the decision?").unwrap();
    s.send_line("").unwrap();
    s.exp_string("an answer is required").unwrap();
    s.send_line("Vacuum now takes minutes").unwrap();
    s.exp_string("Did the decision hold up?").unwrap();
    s.exp_string("Yes: it held up").unwrap();
    // Down to "Partly: we changed it".
    s.send("\x1b[B").unwrap();
    s.flush().unwrap();
    s.send("\r").unwrap();
    s.flush().unwrap();
    s.exp_string("Why?").unwrap();
    s.send_line("we added a partition per month, not per year")
        .unwrap();
    s.exp_string("What did we learn?").unwrap();
    s.send_line("Partition before it hurts").unwrap();
    // The coach's verdict comes as soon as its answers are in.
    s.exp_string("It held up in part, and the record says what changed")
        .unwrap();
    s.exp_string("Review again by").unwrap();
    s.send_line("2026-01-01").unwrap();
    s.exp_string("is not after today (2027-03-01); give a later date")
        .unwrap();
    // The date stays to be corrected: Ctrl-U clears it.
    s.send("\x15").unwrap();
    s.send_line("2027-09-01").unwrap();
    s.exp_string("Added the look-back to docs/decisions/0004-partition-the-orders-table.md")
        .unwrap();
    s.exp_eof().unwrap();
    // An adr-tools record has no references: the outcome goes at the end.
    assert_eq!(
        read(&record),
        format!(
            "{original}\n## Outcome (2027-03-01)\n\n* What happened: Vacuum now takes minutes\n* Did it hold up: partly, we changed it: we added a partition per month, not per year\n* What we learnt: Partition before it hurts\n* Next review by: 2027-09-01\n"
        )
    );
    let due = run(repo.path(), &["review", "--today", "2027-09-01"]);
    assert!(
        stdout(&due).contains("0004  2027-09-01  due today"),
        "{}",
        stdout(&due)
    );
}

/// A decision log in a scratch repository with one record from `examples/NAME.yaml`.
fn logged(name: &str) -> (tempfile::TempDir, PathBuf) {
    let repo = repo();
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example(&format!("{name}.yaml")))
        .assert()
        .success();
    let record = crate::support::records(&repo.path().join("docs/decisions"))
        .pop()
        .unwrap();
    (repo, record)
}

/// `decide review N --answers` with `text`, on `today`: the command's output.
fn review(repo: &Path, today: &str, text: &str) -> std::process::Output {
    let answers = write(repo, "review.yaml", text);
    decide(repo)
        .args(["--today", today, "review", "1", "--answers"])
        .arg(&answers)
        .output()
        .unwrap()
}

/// The look-back asks whether the signal named at decision time appeared, and names the
/// contradiction when it did yet the decision "held up"; the listing shows the next date.
#[test]
fn a_look_back_asks_about_the_signal_the_record_named() {
    let (repo, record) = logged("decision");
    let original = read(&record);
    let output = review(
        repo.path(),
        "2027-02-24",
        "happened: We moved orders to PostgreSQL in January.\nheld_up: \"yes\"\nwhy: the spring peak went through\nsignal_seen: yes\nlearnt: Tune before the peak, not during it\nnext_review: 2027-09-01\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "Warning: You said the signal that it was wrong appeared, yet that it held up."
        ),
        "{}",
        stderr(&output)
    );
    let outcome = "## Outcome (2027-02-24)\n\n* What happened: We moved orders to PostgreSQL in January.\n* Did it hold up: yes, the spring peak went through\n* What we learnt: Tune before the peak, not during it\n* Did the signal appear: yes\n* Next review by: 2027-09-01\n\n";
    // The front matter names the next review too.
    assert_eq!(
        read(&record),
        original
            .replacen("review-by: 2027-04-02\n", "review-by: 2027-09-01\n", 1)
            .replacen(
                "Review it by Friday 2 April 2027: did the decision hold up, and what did we learn?",
                "Reviewed on Wednesday 24 February 2027: it held up (see the Outcome below). What we learnt: Tune before the peak, not during it. Next review by Wednesday 1 September 2027.",
                1
            )
            .replacen("## References", &format!("{outcome}## References"), 1)
    );
    // The listing reads each record's head, yet finds the outcome before the references.
    let listing = stdout(&run(repo.path(), &["list"]));
    assert!(
        listing.lines().nth(1).unwrap().ends_with("2027-09-01"),
        "{listing}"
    );
    let lint = run(repo.path(), &["--today", "2027-03-01", "lint"]);
    assert!(lint.status.success(), "{}", stdout(&lint));
}

/// When a proposal's time-box ends, `decide review` finishes it: what was found out, the
/// 70% rule again, the choice; the record becomes a decision that keeps its history, and
/// every message follows it.
#[test]
fn finishing_a_proposal_makes_it_a_decision_and_the_messages_follow() {
    let (repo, record) = logged("proposal");
    let original = read(&record);
    let status = run(repo.path(), &["status", "1", "accepted"]);
    assert_eq!(status.status.code(), Some(2));
    assert!(
        stderr(&status).contains("is a proposal still under investigation (it is to be decided by 2026-12-10): accepting it skips the open questions (hint: run `decide review 1` to finish the decision, or add --force to accept it as it is)"),
        "{}",
        stderr(&status)
    );
    assert_eq!(read(&record), original, "nothing written without --force");
    let due = run(repo.path(), &["review", "--today", "2026-12-10"]);
    assert!(
        stdout(&due).contains("0001  2026-12-10  decision due today"),
        "{}",
        stdout(&due)
    );
    // Its date is one to decide by, never shown as a review date.
    let late = run(repo.path(), &["review", "--check", "--today", "2026-12-11"]);
    assert_eq!(late.status.code(), Some(1));
    assert!(
        stdout(&late).contains("0001  2026-12-10  decision 1 day overdue")
            && stderr(&late).contains("1 decision is overdue"),
        "{}{}",
        stdout(&late),
        stderr(&late)
    );
    let listed = stdout(&run(repo.path(), &["list"]));
    assert!(listed.contains("2026-12-10 (decide)"), "{listed}");

    let look_back = review(
        repo.path(),
        "2026-12-10",
        "happened: x\nheld_up: \"yes\"\nlearnt: y\n",
    );
    assert_eq!(
        look_back.status.code(),
        Some(3),
        "a proposal is not looked back at"
    );
    assert!(
        stderr(&look_back)
            .contains("unknown key `happened`: playbook `finish` has no such question"),
        "{}",
        stderr(&look_back)
    );

    let output = review(
        repo.path(),
        "2026-12-10",
        "found:\n  - Searchly's price at our query volume\n  - Whether the contract has an exit clause\nlearnt: The price fits the budget and the contract has a 90-day exit clause.\nchosen: Searchly\nfallback: FindKit\nconfidence: 75\nsignal: search answers above 300 ms at the evening peak for a week\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(": Decided: Searchly (status accepted)"),
        "{}",
        stderr(&output)
    );
    let finished = read(&record);
    for line in [
        "status: accepted\n",
        "outcome: decided\n",
        "information-coverage: 80%\n",
        "confidence: 75%\n",
        "review-by: 2027-03-10\n",
        "\n\nIf it doesn't work, we'll switch to FindKit.\n",
        "### Forecast\n\n* Confidence that this is right: 75%\n* It was wrong if: search answers above 300 ms at the evening peak for a week\n",
        "### Questions Before Deciding\n\n* Searchly's price at our query volume: found out by Ana\n* Whether the contract has an exit clause: found out by Ben\n",
        "The coach's verdict: **Decided: Searchly.**\n",
        // The record is the written-down why: the decision, its day and its reason.
        // The day it was decided is the record's date, and its outcome says so.
        "\ndate: 2026-12-10\n",
        "Chosen option: \"Searchly\", because it takes the cluster work away and keeps the query syntax we use.\n\nDecided on Thursday 10 December 2026, once the investigation was over.\n\nIf it doesn't work",
        "Review it by Wednesday 10 March 2027: did the decision hold up, and what did we learn?\n",
        "## Proposal Finished (2026-12-10)\n\n* Proposed on: 2026-11-26\n* The proposal: \"Searchly\", because it takes the cluster work away and keeps the query syntax we use, to be decided by Thursday 10 December\n* Open questions then: Searchly's price at our query volume; Whether the contract has an exit clause\n* Found out: Searchly's price at our query volume; Whether the contract has an exit clause\n* What we learnt: the price fits the budget and the contract has a 90-day exit clause.\n* Information in hand now: 80%\n* Decided: \"Searchly\"\n",
    ] {
        assert!(finished.contains(line), "{line:?} in:\n{finished}");
    }
    for gone in [
        "decide-by:",
        "Write down why",
        "**Decided: Searchly.** ",
        "Proposed option",
        "Come back to it by",
        "### Open Questions",
        "Search stays as it is until we decide",
        "* To investigate:",
        // Not under the 70% rule's heading: the rule's own reasoning is there.
        "Decided on Thursday 10 December 2026, once the investigation was over: ",
    ] {
        assert!(!finished.contains(gone), "{gone:?} in:\n{finished}");
    }
    assert!(
        finished.find("## Proposal Finished").unwrap() < finished.find("## References").unwrap()
    );
    // The messages now announce the decision.
    let said = "We've chosen Searchly as the search service for the product catalogue, because";
    let stakeholders = stdout(&run(repo.path(), &["message", "1", "--to", "stakeholders"]));
    assert!(stakeholders.starts_with(said), "{stakeholders}");
    let team = stdout(&run(repo.path(), &["message", "1", "--to", "team"]));
    assert!(
        team.starts_with(said) && team.contains("we'll switch to FindKit"),
        "{team}"
    );
    let lint = run(repo.path(), &["--today", "2026-12-10", "lint"]);
    assert!(lint.status.success(), "{}", stdout(&lint));
}

/// Once finished, the next review of a proposal is the look-back; `-q` leaves the coaching
/// out.
#[test]
fn a_finished_proposal_is_looked_back_at_next() {
    let (repo, record) = logged("proposal");
    let output = review(
        repo.path(),
        "2026-12-10",
        "found: []\nlearnt: The price fits.\nchosen: Searchly\nfallback: FindKit\nsignal: search answers above 300 ms at the evening peak\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let answers = write(
        repo.path(),
        "look-back.yaml",
        "happened: We moved search in January.\nheld_up: \"yes\"\nsignal_seen: no\nlearnt: Ask for the exit clause first\n",
    );
    let again = decide(repo.path())
        .args(["--today", "2027-03-10", "review", "1", "-q", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        !stderr(&again).contains('▸') && stderr(&again).contains("Added the look-back to"),
        "{}",
        stderr(&again)
    );
    assert!(read(&record).contains("* Did the signal appear: no\n"));
}

/// The time-box may be extended once, with a reason; the record keeps the history and
/// comes back on the new date, which the next review must then settle.
#[test]
fn a_proposal_is_extended_once_then_decided() {
    let (repo, record) = logged("proposal");
    let output = review(
        repo.path(),
        "2026-12-10",
        "found:\n  - Whether the contract has an exit clause\nlearnt: The contract has a 90-day exit clause; the price comes next week.\nextend: yes\nextend_until: 2026-12-17\nextend_why: Searchly sends its price on Monday\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    // The coach names the lead's new date, not one of its own, and offers deciding now as
    // the other way on.
    for said in [
        "60% on a one-way door, still below 70%: extend the time-box once, or decide now",
        "extend until Thursday 17 December if the answer is close",
        // The proposal's reason, kept without being given again, is pointed out.
        "does not answer `because` (\"it takes the cluster work away and keeps the query syntax we...\"), so its default is used",
    ] {
        assert!(
            stderr(&output).contains(said),
            "{said:?} in {}",
            stderr(&output)
        );
    }
    let extended = read(&record);
    for line in [
        "status: proposed\n",
        "outcome: investigate\n",
        "information-coverage: 60%\n",
        "decide-by: 2026-12-17\n",
        "decide-by: 2026-12-17\n",
        "Nothing is decided yet: we decide by Thursday 17 December, once the open questions are answered.\n",
        "The coach's verdict: **Time-box extended once: decide by Thursday 17 December.**\n",
        "Decide by Thursday 17 December, when the investigation ends.",
        "## Time-box Extended (2026-12-10)\n",
        "* Time-box extended to Thursday 17 December, because Searchly sends its price on Monday\n",
    ] {
        assert!(extended.contains(line), "{line:?} in:\n{extended}");
    }
    assert!(
        !extended.contains("Thursday 10 December, when"),
        "{extended}"
    );
    // Every message says the date moved, and why.
    for to in ["stakeholders", "team"] {
        let said = decide(repo.path())
            .args(["--today", "2026-12-10", "message", "1", "--to", to])
            .output()
            .unwrap();
        assert!(
            stdout(&said).contains("The date moved: Searchly sends its price on Monday."),
            "{to}: {}",
            stdout(&said)
        );
    }

    // Once only: the next review chooses (here below 70%, which the coach names).
    let output = review(
        repo.path(),
        "2026-12-17",
        "found: []\nlearnt: No price yet; we go ahead on the exit clause.\nchosen: Searchly\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Decided at 60%: Searchly")
            && stderr(&output).contains(
                "Warning: Decided at 60% of what you wished you knew, below the 70% the rule asks for."
            ),
        "{}",
        stderr(&output)
    );
    let decided = read(&record);
    assert!(
        decided.contains("status: accepted\n")
            && decided.contains("## Time-box Extended (2026-12-10)")
            && decided.contains("## Proposal Finished (2026-12-17)"),
        "{decided}"
    );
}

/// A finding that corrects a figure the reason does not take in ("22%, not 30%") holds
/// every message back until the reason is given again with it.
#[test]
fn a_finding_that_disproves_the_reason_holds_the_messages_back() {
    let (repo, record) = logged("proposal");
    let finding = "found:\n  - Whether the contract has an exit clause\nlearnt: The exit clause costs 3 months of fees, not 1 month.\nextend: yes\nextend_until: 2026-12-17\nextend_why: Searchly sends its price on Monday\n";
    let output = review(repo.path(), "2026-12-10", finding);
    assert!(output.status.success(), "{}", stderr(&output));
    let warned = "You found 3 months, not 1 month, but the reason for Searchly does not say so";
    assert!(stderr(&output).contains(warned), "{}", stderr(&output));
    assert!(read(&record).contains(&format!("* Check first: {warned}")));
    for to in ["stakeholders", "team", "peers"] {
        let said = decide(repo.path())
            .args(["--today", "2026-12-10", "message", "1", "--to", to])
            .output()
            .unwrap();
        assert!(
            stderr(&said).contains("the coach's warning stands: You found 3 months, not 1 month")
                && stderr(&said).contains("Not ready to send"),
            "{to}: {}",
            stderr(&said)
        );
    }
}

/// A reason written at the finish, for another option, has taken the finding in: no
/// warning, and the messages go out.
#[test]
fn a_reason_written_after_the_finding_is_not_held_back() {
    let (repo, record) = logged("proposal");
    let output = review(
        repo.path(),
        "2026-12-10",
        "found:\n  - Whether the contract has an exit clause\nlearnt: The exit clause costs 3 months of fees, not 1 month.\nchosen: FindKit\nbecause: its exit clause costs nothing\nfallback: Searchly\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("You found"),
        "{}",
        stderr(&output)
    );
    assert!(!read(&record).contains("Check first"));
}

/// None of the options: the proposal is dropped, rejected, and no longer comes due.
#[test]
fn a_dropped_proposal_is_rejected() {
    let (repo, record) = logged("proposal");
    let output = review(
        repo.path(),
        "2026-12-10",
        "found: []\nlearnt: Both services need a three-year contract.\nchosen: none of them\ndropped_why: we keep our cluster and tune it\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let dropped = read(&record);
    for line in [
        "status: rejected\n",
        "outcome: dropped\n",
        "No option is chosen: the proposal was dropped, because we keep our cluster and tune it.\n",
        "* Dropped: none of the options, because we keep our cluster and tune it\n",
    ] {
        assert!(dropped.contains(line), "{line:?} in:\n{dropped}");
    }
    for gone in [
        "Come back to it by",
        "Decide by",
        "decide-by:",
        "review-by:",
        "Proposed option",
        "### Consequences",
    ] {
        assert!(!dropped.contains(gone), "{gone:?} in:\n{dropped}");
    }
    let due = run(repo.path(), &["review", "--check", "--today", "2027-06-01"]);
    assert!(due.status.success(), "{}", stdout(&due));
    let stakeholders = stdout(&run(repo.path(), &["message", "1", "--to", "stakeholders"]));
    assert!(!stakeholders.contains("we've decided"), "{stakeholders}");
}

/// Records named with a prefix (`ADR-0001-…`, `adr-001-…`) are read, and new and renumbered
/// records are named as the log names them.
#[test]
fn records_named_with_an_adr_prefix_are_read_and_named_alike() {
    let repo = repo();
    let dir = repo.path().join("docs/adr");
    let record = |number: u32, title: &str| {
        format!(
            "# {number}. {title}\n\nDate: 2022-0{number}-01\n\n## Status\n\nAccepted\n\n## Context\n\nThe kiosk fleet.\n\n## Decision\n\n{title}.\n\n## Consequences\n\nFewer calls.\n"
        )
    };
    write(&dir, "ADR-001-lease-kiosks.md", &record(1, "Lease kiosks"));
    write(
        &dir,
        "ADR-002-patch-monthly.md",
        &record(2, "Patch monthly"),
    );
    write(
        &dir,
        "ADR-002-log-to-one-place.md",
        &record(2, "Log to one place"),
    );
    let list = stdout(&decide(repo.path()).args(["list"]).output().unwrap());
    assert_eq!(list.lines().count(), 4, "{list}");
    assert!(list.contains("Lease kiosks"), "{list}");
    let show = decide(repo.path()).args(["show", "1"]).output().unwrap();
    assert!(stdout(&show).contains("Lease kiosks"), "{}", stderr(&show));

    let renumbered = decide(repo.path()).args(["renumber"]).output().unwrap();
    assert!(renumbered.status.success(), "{}", stderr(&renumbered));
    assert!(
        dir.join("ADR-003-patch-monthly.md").is_file()
            || dir.join("ADR-003-log-to-one-place.md").is_file()
    );

    let new = decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(new.status.success(), "{}", stderr(&new));
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("ADR-004-choose-the-database")),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.starts_with("0001-")), "{names:?}");
}

/// A new record's title is numbered as the log's newest record numbers its own
/// (`# ADR-0011: Title`), and reads back with the right number and title.
#[test]
fn a_new_record_numbers_its_title_as_the_log_does() {
    let repo = repo();
    let dir = repo.path().join("docs/adr");
    for (number, title) in [(9, "Serve thumbnails"), (10, "Version the API")] {
        write(
            &dir,
            &format!(
                "ADR-{number:04}-{}.md",
                title.to_lowercase().replace(' ', "-")
            ),
            &format!(
                "# ADR-{number:04}: {title}\n\nDate: 2025-01-0{}\n\n## Status\n\nAccepted\n\n## Context\n\nClients.\n\n## Decision\n\n{title}.\n\n## Consequences\n\nLess work.\n",
                number - 8
            ),
        );
    }
    let new = decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(new.status.success(), "{}", stderr(&new));
    let written = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("ADR-0011-"))
        .expect("ADR-0011 written");
    let text = fs::read_to_string(&written).unwrap();
    assert!(
        text.starts_with("# ADR-0011: Choose the database"),
        "{text}"
    );
    let list = stdout(&decide(repo.path()).args(["list"]).output().unwrap());
    assert!(
        list.lines()
            .any(|l| l.starts_with("0011  Choose the database")),
        "{list}"
    );
}

/// A log folder whose records are named in a way no command reads (a folder each, not
/// named as records are) does not read as an empty log without a word; a folder named as
/// a record is one.
#[test]
fn a_log_of_records_named_otherwise_is_not_silently_empty() {
    let repo = repo();
    let dir = repo.path().join("docs/decisions");
    write(&dir.join("retry-budget"), "README.md", "# Retry budget\n");
    write(&dir, "README.md", "# Our decisions\n");
    let list = decide(repo.path()).args(["list"]).output().unwrap();
    assert!(list.status.success());
    let said = stderr(&list);
    assert!(
        said.contains("1 Markdown file in it is not named as records are")
            && said.contains("retry-budget/README.md"),
        "{said}"
    );
    write(
        &dir.join("2023-04-02-cap-retries"),
        "README.md",
        "# Cap retries\n\n## Decision\n\nThree.\n",
    );
    let list = decide(repo.path()).args(["list"]).output().unwrap();
    assert!(stdout(&list).contains("Cap retries"), "{}", stdout(&list));
    let lint = decide(repo.path()).args(["lint"]).output().unwrap();
    let said = stdout(&lint);
    assert!(said.contains("warning[not-named-as-a-record]"), "{said}");
    assert!(!said.contains("decisions/README.md"), "{said}");
}

/// A repository with `records` small adr-tools records: enough for `list` to cache what it
/// reads of each (`.decide/cache/heads`, from 256 records).
fn large_log(records: usize) -> (tempfile::TempDir, PathBuf) {
    let repo = crate::support::repo();
    let dir = write_large_log(repo.path(), records);
    (repo, dir)
}

/// `records` small adr-tools records in `docs/decisions` under `root`.
fn write_large_log(root: &Path, records: usize) -> PathBuf {
    let dir = root.join("docs/decisions");
    fs::create_dir_all(&dir).unwrap();
    for n in 1..=records {
        let text = format!(
            "# {n}. Decision {n}\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nWhy {n}.\n\n\
             ## Decision\n\nDo {n}.\n\n## Consequences\n\nMore {n}.\n"
        );
        fs::write(dir.join(format!("{n:04}-decision-{n}.md")), text).unwrap();
    }
    // Files written in the last two seconds are read again each time: a change within the
    // same tick of the clock could hide behind an unchanged time.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    dir
}

#[test]
fn a_large_log_in_a_plain_folder_is_cached_in_the_users_cache_directory() {
    let folder = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let dir = write_large_log(folder.path(), 300);
    let list = || {
        let output = decide(folder.path())
            .env("HOME", home.path())
            .arg("list")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let first = list();
    assert!(first.contains("Decision 300"), "{first}");
    let caches: Vec<PathBuf> = fs::read_dir(home.path().join(".cache/decide/logs"))
        .unwrap()
        .map(|folder| folder.unwrap().path().join("heads"))
        .collect();
    assert_eq!(caches.len(), 1, "{caches:?}");
    assert!(caches[0].is_file(), "{caches:?}");
    assert_eq!(
        fs::read_dir(folder.path()).unwrap().count(),
        1,
        "nothing but the log is written in the folder"
    );
    assert_eq!(list(), first);
    let ninth = dir.join("0009-decision-9.md");
    fs::write(&ninth, read(&ninth).replace("Decision 9", "Decision Nine")).unwrap();
    let changed = list();
    assert!(changed.contains("Decision Nine"), "{changed}");
    assert_eq!(changed.lines().count(), first.lines().count());
}

#[test]
fn a_large_log_lists_the_same_from_its_cache_and_sees_every_change() {
    let (repo, dir) = large_log(300);
    let cache = repo.path().join(".decide/cache/heads");
    let first = run(repo.path(), &["list"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        cache.is_file(),
        "the first listing caches the records' heads"
    );
    let again = run(repo.path(), &["list"]);
    assert_eq!(stdout(&again), stdout(&first));
    let json = |repo: &Path| stdout(&run(repo, &["list", "--json"]));
    assert_eq!(json(repo.path()), json(repo.path()));
    let graph = |repo: &Path| stdout(&run(repo, &["graph"]));
    let first_graph = graph(repo.path());
    assert!(repo.path().join(".decide/cache/nodes").is_file());
    assert_eq!(graph(repo.path()), first_graph);
    let lint = |repo: &Path| {
        let output = run(repo, &["lint"]);
        format!("{}{}", stdout(&output), stderr(&output))
    };
    let first_lint = lint(repo.path());
    assert!(repo.path().join(".decide/cache/lint").is_file());
    assert_eq!(lint(repo.path()), first_lint);
    assert!(!first_lint.contains("0012-"), "{first_lint}");

    // Changed in place to the same size, with its modification time set back: the time
    // its inode changed still tells.
    let seventh = dir.join("0007-decision-7.md");
    let modified = fs::metadata(&seventh).unwrap().modified().unwrap();
    let text = read(&seventh).replace("Decision 7", "Decision Q");
    fs::write(&seventh, text).unwrap();
    fs::File::options()
        .write(true)
        .open(&seventh)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let eighth = dir.join("0008-decision-8.md");
    let text = read(&eighth).replace(
        "Accepted",
        "Accepted\n\nAmends [3. Decision 3](0003-decision-3.md)",
    );
    fs::write(&eighth, text).unwrap();
    let twelfth = dir.join("0012-decision-12.md");
    fs::write(
        &twelfth,
        read(&twelfth).replace("## Context", "## Background"),
    )
    .unwrap();
    fs::remove_file(dir.join("0010-decision-10.md")).unwrap();
    write(
        &dir,
        "0301-decision-301.md",
        "# 301. A new one\n\n## Status\n\nProposed\n",
    );
    let after = stdout(&run(repo.path(), &["list"]));
    assert!(after.contains("0007  Decision Q "), "{after}");
    assert!(!after.contains("Decision 7 "), "{after}");
    assert!(!after.contains("Decision 10 "), "{after}");
    assert!(after.contains("0301  A new one "), "{after}");
    assert_eq!(after.lines().count(), 301, "a header and 300 records");
    let after = graph(repo.path());
    assert_ne!(after, first_graph);
    assert!(after.contains("Decision Q"), "{after}");
    assert!(after.contains("label=\"Amends\""), "{after}");
    assert!(!after.contains("Decision 10 "), "{after}");
    let after = lint(repo.path());
    assert!(
        after.contains("0012-decision-12.md:1: error[missing-section]"),
        "{after}"
    );
    assert!(after.contains("`## Context`"), "{after}");
}

#[test]
fn a_cache_that_does_not_match_the_files_is_not_believed() {
    let (repo, _dir) = large_log(300);
    let cache = repo.path().join(".decide/cache/heads");
    let real = stdout(&run(repo.path(), &["list"]));
    // The cache is read: titles changed in it show while every file's stamp matches.
    let cached = read(&cache);
    fs::write(&cache, cached.replace("Decision 7\u{1f}", "Forged 7\u{1f}")).unwrap();
    assert!(stdout(&run(repo.path(), &["list"])).contains("0007  Forged 7 "));
    // A line whose stamp is not the file's (a cache that came with a clone, say) is not.
    let forged = cached
        .lines()
        .map(|line| match line.split_once('\u{1f}') {
            Some((key, rest)) if key.starts_with("0/") => {
                let (stamp, fields) = rest.split_once('\u{1f}').unwrap();
                let stamp = stamp.replace(' ', " 1");
                format!(
                    "{key}\u{1f}{stamp}\u{1f}{}\n",
                    fields.replace("Decision", "Forged")
                )
            }
            _ => format!("{line}\n"),
        })
        .collect::<String>();
    fs::write(&cache, forged).unwrap();
    assert_eq!(stdout(&run(repo.path(), &["list"])), real);
    fs::write(&cache, "decide heads 1\nnot a cache\n").unwrap();
    assert_eq!(stdout(&run(repo.path(), &["list"])), real);
}

/// A record named by its path is read as it is, its folder its log, even where no log is
/// configured or found: `decide new --dir notes` then `decide show notes/0001-….md`.
#[test]
fn a_record_named_by_its_path_is_read_outside_any_log() {
    let repo = repo();
    let output = run(
        repo.path(),
        &[
            "new",
            "--dir",
            "notes",
            "--answers",
            example("decision.yaml").to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let written = crate::support::records(&repo.path().join("notes"));
    assert_eq!(written.len(), 1);
    let name = written[0]
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let file = format!("notes/{name}");
    let on_disk = read(&written[0]);
    let shown = run(repo.path(), &["show", &file]);
    assert!(shown.status.success(), "show: {}", stderr(&shown));
    assert_eq!(stdout(&shown), on_disk);
    let message = run(repo.path(), &["message", &file, "--to", "team"]);
    assert!(message.status.success(), "message: {}", stderr(&message));
    assert!(!stdout(&message).is_empty());
    for output in [&shown, &message] {
        let said = stderr(output);
        assert!(
            !said.contains("No decisions yet") && !said.contains("no decision log"),
            "{said}"
        );
    }
    // From inside the folder, by its file name alone.
    let shown = run(&repo.path().join("notes"), &["show", &name]);
    assert!(shown.status.success(), "show: {}", stderr(&shown));
    let status = run(repo.path(), &["status", &file, "deprecated"]);
    assert!(status.status.success(), "status: {}", stderr(&status));
    assert!(
        read(&written[0]).contains("deprecated"),
        "{}",
        read(&written[0])
    );
    // A number still means a record of the log, and there is none here.
    let numbered = run(repo.path(), &["show", "1"]);
    assert!(!numbered.status.success());
}
