//! CI and pre-commit: the hooks' entry commands, run as pre-commit runs them, pass on a
//! healthy log and fail on a broken one; lint and review speak GitHub's annotations and
//! JSON; the action runs the same commands.

use std::fs;
use std::path::Path;

use crate::support::{decide, repo, stderr, stdout, write};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A log copied from the adr-tools fixture: healthy.
fn healthy_log() -> tempfile::TempDir {
    let repo = repo();
    let dir = repo.path().join("doc/adr");
    fs::create_dir_all(&dir).unwrap();
    for entry in fs::read_dir(Path::new(ROOT).join("tests/fixtures/adr-tools")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    repo
}

/// The same log after two branches each added a record 4, one with a review long overdue.
fn broken_log() -> tempfile::TempDir {
    let repo = healthy_log();
    write(
        &repo.path().join("doc/adr"),
        "0004-use-a-queue.md",
        "---\nstatus: accepted\ndate: 2026-01-05\nreview-by: 2026-02-01\nplaybook: decision\n---\n\n# Use a queue\n\n## Context and Problem Statement\n\nx\n\n## Considered Options\n\n* a\n\n## Decision Outcome\n\nChosen option: \"a\".\n",
    );
    repo
}

/// The hooks of `.pre-commit-hooks.yaml`: id and entry command.
fn hooks() -> Vec<(String, Vec<String>)> {
    let text = fs::read_to_string(Path::new(ROOT).join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<serde_yaml::Value> = serde_yaml::from_str(&text).unwrap();
    hooks
        .iter()
        .map(|hook| {
            let id = hook["id"].as_str().unwrap().to_string();
            let entry = hook["entry"].as_str().unwrap();
            assert_eq!(hook["language"].as_str(), Some("rust"), "{id}");
            assert_eq!(hook["pass_filenames"].as_bool(), Some(false), "{id}");
            (id, entry.split_whitespace().map(str::to_string).collect())
        })
        .collect()
}

#[test]
fn the_pre_commit_hooks_pass_a_healthy_log_and_fail_a_broken_one() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["decide-lint", "decide-review-check"]);
    for (id, entry) in &hooks {
        assert_eq!(entry[0], "decide", "{id}");
        let healthy = healthy_log();
        let output = decide(healthy.path()).args(&entry[1..]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{id}: {}", stderr(&output));
        let broken = broken_log();
        let output = decide(broken.path()).args(&entry[1..]).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{id}: {}", stderr(&output));
    }
}

#[test]
fn lint_speaks_github_annotations_and_json() {
    let broken = broken_log();
    let output = decide(broken.path())
        .args(["lint", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let annotations = stdout(&output);
    assert!(
        annotations.contains("::error file=doc/adr/0004-partition-the-orders-table.md,line=1,title=decide lint::[duplicate-number] number 4 is used by 0004-partition-the-orders-table.md and 0004-use-a-queue.md (hint: run `decide renumber`"),
        "{annotations}"
    );
    assert!(
        annotations.contains("::warning file=doc/adr/0004-use-a-queue.md,line=8,title=decide lint::[review-overdue] review overdue since 2026-02-01"),
        "{annotations}"
    );
    assert!(
        annotations.lines().all(|l| l.starts_with("::")),
        "{annotations}"
    );

    let output = decide(broken.path())
        .args(["lint", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["records"], 5);
    assert_eq!(json["errors"], 2);
    assert_eq!(json["warnings"], 1);
    assert_eq!(
        json["findings"][0]["file"],
        "doc/adr/0004-partition-the-orders-table.md"
    );
    assert_eq!(json["findings"][0]["severity"], "error");
    assert_eq!(json["findings"][0]["kind"], "duplicate-number");
}

#[test]
fn review_check_speaks_github_annotations_and_json() {
    let broken = broken_log();
    let output = decide(broken.path())
        .args(["review", "--check", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "::error file=doc/adr/0004-use-a-queue.md,line=8,title=decide review::The review of \"Use a queue\" is overdue since 2026-02-01: run `decide review 4` to record how it turned out\n"
    );
    let output = decide(broken.path())
        .args(["review", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "without --check it only warns"
    );
    assert!(
        stdout(&output).starts_with("::warning "),
        "{}",
        stdout(&output)
    );

    let output = decide(broken.path())
        .args(["review", "--check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["today"], crate::support::TODAY);
    assert_eq!(json["overdue"], 1);
    assert_eq!(json["due"][0]["number"], 4);
    assert_eq!(json["due"][0]["days_overdue"], 298);
    let healthy = healthy_log();
    let output = decide(healthy.path())
        .args(["review", "--check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["due"], serde_json::json!([]));
}

#[test]
fn the_action_runs_the_same_checks_as_annotations() {
    let text = fs::read_to_string(Path::new(ROOT).join("action.yml")).unwrap();
    let action: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let runs: Vec<&str> = action["runs"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|step| step["run"].as_str())
        .collect();
    let all = runs.join("\n");
    assert!(all.contains("decide lint --format github"), "{all}");
    assert!(
        all.contains("decide review --check --format github"),
        "{all}"
    );
    // Inputs reach the scripts through the environment, never pasted into them.
    assert!(!all.contains("${{"), "{all}");
    // The `dir` input left empty is an empty DECIDE_DIR, which decide reads as unset.
    let healthy = healthy_log();
    let lint = |dir: Option<&str>| {
        let mut command = decide(healthy.path());
        if let Some(dir) = dir {
            command.env("DECIDE_DIR", dir);
        }
        let output = command
            .args(["lint", "--format", "github"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stderr(&output)
    };
    assert_eq!(lint(Some("")), lint(None));
    assert!(lint(None).contains("records: 0 errors"), "{}", lint(None));
}
