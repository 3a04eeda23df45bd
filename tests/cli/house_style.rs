//! New records and edits in a log decide does not own follow the log's newest records
//! (tests/fixtures/house-style, in our own words, in the shapes real logs have): the
//! status and date in a table under the title or as bold fields, statuses marked with
//! symbols, front matter under the log's own keys, and adr-tools' superseded records.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{decide, example, repo, stderr};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/house-style");

fn log(shape: &str) -> tempfile::TempDir {
    let repo = repo();
    crate::support::copy_tree(&Path::new(FIXTURES).join(shape), repo.path(), "");
    repo
}

fn run_ok(repo: &Path, args: &[&str]) {
    let output = decide(repo).args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
}

/// `decide new` with the example decision; the new record's path and text.
fn new_record(repo: &Path, dir: &str, name: &str) -> (PathBuf, String) {
    let output = decide(repo)
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let path = repo.join(dir).join(name);
    let text = fs::read_to_string(&path).unwrap();
    (path, text)
}

fn listed(repo: &Path) -> Vec<serde_json::Value> {
    let output = decide(repo).args(["list", "--json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_slice::<serde_json::Value>(&output.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn a_log_with_a_status_table_gets_a_table_and_adr_tools_sections() {
    let repo = log("status-table");
    let dir = "docs/architecture/decisions";
    let (_, text) = new_record(
        repo.path(),
        dir,
        "004-choose-the-database-for-the-orders-service.md",
    );
    assert!(
        text.starts_with(
            "| Status   | Date       | Author(s)                                              |\n|:---------|:-----------|:-------------------------------------------------------|\n| Accepted | 2026-11-26 | Ana Lima (tech lead), Ben Okafor (engineering manager) |\n\nReview-by: 2027-04-02\n\n## Context\n\n"
        ),
        "{text}"
    );
    assert!(!text.contains("## Status"), "{text}");
    assert!(text.contains("\n## Decision\n"), "{text}");
    let records = listed(repo.path());
    let new = records.last().unwrap();
    assert_eq!(new["status"], "accepted");
    assert_eq!(new["date"], "2026-11-26");
    assert_eq!(new["title"], "Choose the database for the orders service");
    // A status edit changes the cell.
    run_ok(repo.path(), &["status", "4", "deprecated"]);
    let text = fs::read_to_string(
        repo.path()
            .join(dir)
            .join("004-choose-the-database-for-the-orders-service.md"),
    )
    .unwrap();
    assert!(text.contains("| Deprecated | 2026-11-26 |"), "{text}");
}

#[test]
fn a_log_that_marks_its_statuses_marks_the_new_one_and_each_edit() {
    let repo = log("status-marks");
    let dir = repo.path().join("doc/adr");
    let (_, text) = new_record(
        repo.path(),
        "doc/adr",
        "0004-choose-the-database-for-the-orders-service.md",
    );
    assert!(text.contains("## Status\n\n✅ Accepted\n\n"), "{text}");
    // A status the log has no mark for loses the old status's mark.
    run_ok(repo.path(), &["status", "2", "deprecated"]);
    let second = fs::read_to_string(dir.join("0002-keep-logs-for-two-years.md")).unwrap();
    assert!(second.contains("## Status\n\nDeprecated\n\n"), "{second}");
    // Superseded takes the log's mark for it.
    let output = decide(repo.path())
        .args(["supersede", "3", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let third = fs::read_to_string(dir.join("0003-move-logs-to-cold-storage.md")).unwrap();
    assert!(third.contains("## Status\n\n⌛ Superseded\n\n"), "{third}");
    let statuses: Vec<String> = listed(repo.path())
        .iter()
        .map(|r| r["status"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        statuses,
        [
            "superseded",
            "deprecated",
            "superseded",
            "accepted",
            "accepted"
        ]
    );
}

#[test]
fn a_log_with_its_own_front_matter_keys_gets_them() {
    let repo = log("front-matter-keys");
    let (_, text) = new_record(
        repo.path(),
        "docs/architecture/adr",
        "0004-choose-the-database-for-the-orders-service.md",
    );
    assert!(
        text.starts_with("---\nadr: \"0004\"\nstatus: Accepted\ndate: 2026-11-26\ndecision-makers: Ana Lima (tech lead), Ben Okafor (engineering manager)\nplaybook: decision\n"),
        "{text}"
    );
    assert!(
        text.contains("---\n\n# 0004 - Choose the database for the orders service\n\n"),
        "{text}"
    );
    assert!(text.contains("\n- Handle three times"), "{text}");
    let new = listed(repo.path()).last().unwrap().clone();
    assert_eq!(new["status"], "accepted");
    assert_eq!(new["review_by"], "2027-04-02");
}

#[test]
fn a_log_of_bold_fields_gets_bold_fields() {
    let repo = log("bold-fields");
    let (_, text) = new_record(
        repo.path(),
        "doc/adr",
        "2026-11-26-choose-the-database-for-the-orders-service.md",
    );
    assert!(
        // Its sections as the log's bold labels.
        text.starts_with("**Title**: Choose the database for the orders service\n\n**Status**: accepted\n\n**Review-by**: 2027-04-02\n\n**Context**:\n"),
        "{text}"
    );
    let new = listed(repo.path()).last().unwrap().clone();
    assert_eq!(new["status"], "accepted");
    assert_eq!(new["title"], "Choose the database for the orders service");
    assert_eq!(new["review_by"], "2027-04-02");
}

#[test]
fn an_adr_tools_log_that_keeps_the_status_word_keeps_it() {
    let repo = log("adr-tools-status-kept");
    let output = decide(repo.path())
        .args(["supersede", "2", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let old =
        fs::read_to_string(repo.path().join("doc/adr/0002-store-sessions-in-redis.md")).unwrap();
    assert!(
        old.contains("## Status\n\nSuperseded\n\nSupersedes [1. Store sessions in memory](0001-store-sessions-in-memory.md)\n\nSuperseded by [3. Choose the database for the orders service](0003-choose-the-database-for-the-orders-service.md)\n\n## Context"),
        "{old}"
    );
}
