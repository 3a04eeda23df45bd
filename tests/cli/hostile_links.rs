//! Symbolic links a cloned repository plants where `decide` keeps its own files (`.decide`,
//! its cache and drafts, the site's folders) or where a record path leads: whatever they
//! point at, outside the repository or inside it, nothing is written, removed, read or
//! served through them.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::support::{decide, example, records, repo, stderr, stdout};

/// A directory outside the repository holding one file, and what it held.
fn victim() -> (tempfile::TempDir, Vec<(String, Vec<u8>)>) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("words"), "the victim's own file").unwrap();
    fs::write(dir.path().join("thesis.txt"), "years of work").unwrap();
    let before = contents(dir.path());
    (dir, before)
}

fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, fs::read(e.path()).unwrap_or_default())
        })
        .collect();
    files.sort();
    files
}

fn new_record(repo: &Path) -> std::process::Output {
    decide(repo)
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap()
}

#[test]
fn a_linked_decide_folder_or_cache_is_never_written_through() {
    for planted in [".decide", ".decide/cache"] {
        let repo = repo();
        let (outside, before) = victim();
        if let Some(parent) = Path::new(planted).parent() {
            fs::create_dir_all(repo.path().join(parent)).unwrap();
        }
        symlink(outside.path(), repo.path().join(planted)).unwrap();

        let output = new_record(repo.path());
        assert!(output.status.success(), "{planted}: {}", stderr(&output));
        assert_eq!(records(&repo.path().join("docs/decisions")).len(), 1);
        let output = decide(repo.path())
            .args(["search", "--related", "database"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{planted}: {}", stderr(&output));
        assert_eq!(contents(outside.path()), before, "{planted}");
    }
}

#[test]
fn a_linked_drafts_folder_is_refused_by_resume() {
    let repo = repo();
    let (outside, before) = victim();
    fs::create_dir(repo.path().join(".decide")).unwrap();
    symlink(outside.path(), repo.path().join(".decide/drafts")).unwrap();
    let output = decide(repo.path())
        .args(["resume", "--list"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let said = stderr(&output);
    assert!(said.contains(".decide/drafts is a symbolic link"), "{said}");
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert_eq!(contents(outside.path()), before);
}

#[test]
fn a_draft_that_came_with_the_repository_finishes_only_records_of_the_log() {
    let repo = repo();
    let (outside, before) = victim();
    fs::write(
        outside.path().join("0001-outside.md"),
        "# 1. Outside\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n",
    )
    .unwrap();
    let before_record = fs::read(outside.path().join("0001-outside.md")).unwrap();
    assert!(new_record(repo.path()).status.success());
    let drafts = repo.path().join(".decide/drafts");
    fs::create_dir_all(&drafts).unwrap();
    for purpose in ["review", "supersede"] {
        fs::write(
            drafts.join(format!("20260101-000000-{purpose}-1.yaml")),
            format!(
                "playbook: {purpose_playbook}\npurpose: {purpose}\ntarget: {}\nanswers: {{happened: x}}\n",
                outside.path().join("0001-outside.md").display(),
                purpose_playbook = if purpose == "review" { "review" } else { "decision" },
            ),
        )
        .unwrap();
        let output = decide(repo.path())
            .args(["resume", &format!("20260101-000000-{purpose}-1")])
            .output()
            .unwrap();
        assert!(!output.status.success(), "{purpose}");
        let said = stderr(&output);
        assert!(said.contains("which is not a record of this log"), "{said}");
    }
    assert_eq!(
        fs::read(outside.path().join("0001-outside.md")).unwrap(),
        before_record
    );
    assert_eq!(contents(outside.path()).len(), before.len() + 1);
}

#[test]
fn a_record_path_through_a_linked_folder_is_refused() {
    let repo = repo();
    let (outside, _) = victim();
    fs::write(
        outside.path().join("0001-secret.md"),
        "# 1. Secret\n\n## Status\n\nAccepted\n",
    )
    .unwrap();
    assert!(new_record(repo.path()).status.success());
    symlink(outside.path(), repo.path().join("outdir")).unwrap();
    for args in [
        &["show", "outdir/0001-secret.md"][..],
        &["status", "outdir/0001-secret.md", "deprecated"],
        &["message", "outdir/0001-secret.md", "--to", "team"],
    ] {
        let output = decide(repo.path()).args(args).output().unwrap();
        assert!(!output.status.success(), "{args:?}");
        assert!(stdout(&output).is_empty(), "{args:?}: {}", stdout(&output));
        assert!(
            stderr(&output).contains("leads outside the repository"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    assert_eq!(
        fs::read_to_string(outside.path().join("0001-secret.md")).unwrap(),
        "# 1. Secret\n\n## Status\n\nAccepted\n"
    );
}

#[test]
fn the_site_is_never_written_removed_or_served_through_a_linked_folder() {
    let repo = repo();
    let (outside, before) = victim();
    assert!(new_record(repo.path()).status.success());
    let site = repo.path().join("site");
    fs::create_dir(&site).unwrap();
    symlink(outside.path(), site.join("records")).unwrap();
    symlink(outside.path(), site.join("assets")).unwrap();
    // As if the last build had written `assets/thesis.txt`.
    fs::write(
        site.join(".decide-site"),
        "assets/thesis.txt\nrecords/words\n",
    )
    .unwrap();
    let output = decide(repo.path())
        .args(["site", "--out", "site"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("a folder on the way is a symbolic link"),
        "{}",
        stderr(&output)
    );
    assert_eq!(contents(outside.path()), before);
}
