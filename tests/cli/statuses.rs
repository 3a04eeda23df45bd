//! Statuses as real logs write them (tests/fixtures/statuses, in our own words): a status
//! word with a note or a link after it, an emoji before it, a template's guidance above
//! it. Reading takes the leading status word(s); `status` and `link` change those words
//! and keep the rest of the line, or refuse in one line rather than break a link.

use std::fs;
use std::path::Path;

use crate::support::{decide, repo, stderr, stdout};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/statuses");

fn log() -> tempfile::TempDir {
    let repo = repo();
    crate::support::copy_tree(Path::new(FIXTURE), repo.path(), "");
    repo
}

fn record(repo: &Path, name: &str) -> String {
    fs::read_to_string(repo.join("doc/adr").join(name)).unwrap()
}

#[test]
fn statuses_read_as_their_leading_words() {
    let repo = log();
    let output = decide(repo.path())
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let listed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let statuses: Vec<(u64, Option<String>)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["number"].as_u64().unwrap(),
                r["status"].as_str().map(str::to_string),
            )
        })
        .collect();
    let expected = [
        (1, Some("reverted")),
        (2, Some("deprecated")),
        (3, Some("accepted")),
        (4, Some("accepted")),
        (5, Some("reverted")),
        (6, None),
        (7, Some("accepted")),
        (9, Some("superseded")),
        (10, Some("superseded")),
        (13, Some("accepted")),
        (19, Some("accepted")),
        (20, Some("proposed")),
        (21, Some("superseded")),
        (22, Some("accepted")),
        (30, Some("rejected")),
        (31, Some("accepted")),
    ];
    let expected: Vec<(u64, Option<String>)> = expected
        .iter()
        .map(|(n, s)| (*n, s.map(str::to_string)))
        .collect();
    assert_eq!(statuses, expected);
    // Reverted is a status of its own, an emoji no misspelling, and a successor with the
    // record's own title no duplicate.
    let output = decide(repo.path()).arg("lint").output().unwrap();
    let said = format!("{}{}", stdout(&output), stderr(&output));
    for unwanted in [
        "misspelt-status",
        "duplicate-title",
        "no-status",
        "superseded-without-successor",
    ] {
        assert!(!said.contains(unwanted), "{unwanted}: {said}");
    }
}

#[test]
fn a_status_edit_keeps_what_follows_the_word_or_refuses() {
    let repo = log();
    let run = |args: &[&str]| decide(repo.path()).args(args).output().unwrap();
    let cases = [
        (
            "3",
            "superseded",
            "0003-track-usage.md",
            "Accepted: follow-up",
            "Superseded: follow-up",
        ),
        (
            "4",
            "rejected",
            "0004-spec-wording.md",
            "Accepted -> no change",
            "Rejected -> no change",
        ),
        (
            "2",
            "superseded",
            "0002-relay-events.md",
            "Deprecated in favor of [relay#12]",
            "Superseded in favor of [relay#12]",
        ),
        (
            "6",
            "accepted",
            "0006-template-copy.md",
            "{Deprecated|Proposed|Accepted}",
            "Accepted",
        ),
    ];
    for (number, status, file, before, after) in cases {
        let old = record(repo.path(), file);
        let output = run(&["status", number, status]);
        assert!(output.status.success(), "{number}: {}", stderr(&output));
        assert_eq!(
            record(repo.path(), file),
            old.replacen(before, after, 1),
            "{number}"
        );
    }
    // A decision in force cannot keep "reverted by …": refused in one line, file untouched.
    let old = record(repo.path(), "0001-keep-one-queue.md");
    let output = run(&["status", "1", "accepted"]);
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(
        error.contains("cannot change the status as this record writes it")
            && error.trim_end().lines().count() == 1,
        "{error}"
    );
    assert_eq!(record(repo.path(), "0001-keep-one-queue.md"), old);
    // "Rejected in favour of ADR 31" is the status line: replaced in place, not stacked.
    let output = run(&["status", "30", "rejected"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let old = record(repo.path(), "0030-own-scheduler.md");
    let output = run(&["link", "31", "supersedes", "30"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        record(repo.path(), "0030-own-scheduler.md"),
        old.replace("Rejected in favour", "Superseded in favour")
    );
}

#[test]
fn a_successor_named_after_other_words_or_an_emoji_is_linked_once() {
    let repo = log();
    let run = |args: &[&str]| decide(repo.path()).args(args).output().unwrap();
    for (new, old, file) in [
        ("13", "9", "0009-cache-reports.md"),
        ("19", "10", "0010-nightly-export.md"),
    ] {
        let before = record(repo.path(), file);
        let output = run(&["link", new, "supersedes", old]);
        assert!(output.status.success(), "{old}: {}", stderr(&output));
        assert_eq!(record(repo.path(), file), before, "{old}");
    }
    assert!(
        record(repo.path(), "0019-hourly-export.md")
            .contains("Supersedes [0010](0010-nightly-export.md)"),
        "labelled as record 10 labels its own link, by number alone"
    );
    // The log writes `✅ Accepted`: a proposal accepted says so too.
    let output = run(&["status", "20", "accepted"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(record(repo.path(), "0020-export-format.md").contains("\n✅ Accepted\n"));
}

#[test]
fn messages_say_what_the_record_says_and_no_more() {
    let repo = log();
    let message = |number: &str| {
        let output = decide(repo.path())
            .args(["message", "--to", "team", number])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    // A reverted decision did change things: never "nothing changes for you".
    let reverted = message("1");
    assert!(
        reverted.starts_with("We've reversed the decision to keep one queue.")
            && !reverted.contains("Nothing changes"),
        "{reverted}"
    );
    let deprecated = message("2");
    assert!(
        deprecated.starts_with("We're phasing out the decision on relay events"),
        "{deprecated}"
    );
    let empty = message("7");
    assert!(!empty.contains("N/A"), "{empty}");
    assert!(empty.contains("audit trail"), "{empty}");
    let same_title = message("21");
    assert!(
        same_title.contains("replaced by ADR 22, a later decision on the same subject"),
        "{same_title}"
    );
}
