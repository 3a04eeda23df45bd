//! In a log whose records are front matter over adr-tools bodies, every record `decide new`
//! writes keeps the log's front matter and has the body adr-tools writes (`# N. Title`,
//! `Date:`, `## Status`, `## Context`, `## Decision`, `## Consequences`), whichever playbook
//! wrote it, and reads as the same record: the same passages, the same list row, the same
//! messages, the same acceptance, as the same answers written in our own format.

use std::path::Path;

use crate::adr_tools_log::{
    Written, assert_accepted_as_decided, assert_same_messages, list_row, quoted, read,
    written_examples_in,
};
use crate::support::{copy_tree, decide, repo, stderr, stdout};

const LOG_DIR: &str = "docs/adr";
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/logs/frontmatter-over-nygard"
);

/// A copy of the fixture log: front matter (`id`, `title`, `status`, `author`, `created`)
/// over adr-tools bodies, ten records numbered up to 9.
fn front_matter_log() -> tempfile::TempDir {
    let repo = repo();
    copy_tree(Path::new(FIXTURE), repo.path(), "expected.yaml");
    repo
}

/// The top-level keys of the record's front matter, in order, and its text after it.
fn front_matter(text: &str) -> (Vec<String>, &str) {
    let rest = text
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("no front matter in\n{text}"));
    let (yaml, body) = rest
        .split_once("\n---\n")
        .unwrap_or_else(|| panic!("front matter without its end in\n{text}"));
    let keys = yaml
        .lines()
        .filter(|l| !l.starts_with([' ', '-']))
        .filter_map(|l| l.split_once(':').map(|(key, _)| key.to_string()))
        .collect();
    (keys, body)
}

/// The value of the front matter's `key`.
fn front_matter_value(text: &str, key: &str) -> Option<String> {
    let prefix = format!("{key}: ");
    let yaml = text.strip_prefix("---\n")?.split_once("\n---\n")?.0;
    yaml.lines()
        .find_map(|l| l.strip_prefix(&prefix).map(str::to_string))
}

/// The status a record's `## Status` section states.
fn status_section(text: &str) -> Option<&str> {
    let after = text.split_once("\n## Status\n\n")?.1;
    after.lines().next()
}

/// Whether `nygard.md` (the `decision` playbook's adr-tools template) wrote the record,
/// rather than a playbook's record turned into the adr-tools form: only ours name their
/// playbook.
fn from_nygard_template(record: &str) -> bool {
    front_matter_value(record, "playbook").is_none()
}

/// What `decide lint` says of the log, with the number of records it read left out: a
/// new record that lints clean leaves it as it was.
fn lint(repo: &Path) -> Vec<String> {
    let output = decide(repo).arg("lint").output().unwrap();
    format!("{}{}", stdout(&output), stderr(&output))
        .lines()
        .map(|l| match l.split_once(" records: ") {
            Some((_, counts)) => counts.to_string(),
            None => l.to_string(),
        })
        .collect()
}

fn written() -> Vec<Written> {
    written_examples_in(front_matter_log, LOG_DIR)
}

#[test]
fn every_record_new_writes_keeps_the_log_s_front_matter_over_an_adr_tools_body() {
    let lint_before = lint(front_matter_log().path());
    for written in written() {
        let Written {
            name,
            adr,
            adr_record,
            own_record,
            ..
        } = &written;
        let text = read(adr_record);
        let ours = read(own_record);
        let (keys, body) = front_matter(&text);
        // The log's keys, then ours that none of the log's says (`nygard.md` writes ours
        // as lines under the title instead).
        let (own_keys, _) = front_matter(&ours);
        let mut expected: Vec<String> = vec!["id".into(), "title".into(), "status".into()];
        if own_keys.iter().any(|k| k == "decision-makers") {
            expected.push("author".into());
        }
        expected.push("created".into());
        let nygard = from_nygard_template(&text);
        expected.extend(
            own_keys.into_iter().filter(|k| {
                !nygard && !matches!(k.as_str(), "status" | "date" | "decision-makers")
            }),
        );
        assert_eq!(keys, expected, "{name}:\n{text}");
        let title = ours
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .unwrap_or_else(|| panic!("{name}: no title in\n{ours}"));
        let mut lines = body.lines().skip_while(|l| l.is_empty());
        assert_eq!(
            lines.next(),
            Some(format!("# 10. {title}").as_str()),
            "{name}:\n{text}"
        );
        assert_eq!(lines.nth(1), Some("Date: 2026-11-26"), "{name}:\n{text}");
        let mut at = 0;
        for heading in ["## Status", "## Context", "## Decision", "## Consequences"] {
            let found = body.lines().position(|l| l == heading);
            let found = found.unwrap_or_else(|| panic!("{name}: no {heading} in\n{text}"));
            assert!(
                found > at,
                "{name}: {heading} out of adr-tools' order\n{text}"
            );
            at = found;
        }
        assert_eq!(
            status_section(&text).map(str::to_string),
            front_matter_value(&text, "status"),
            "{name}:\n{text}"
        );
        for line in quoted(&ours) {
            assert!(
                text.contains(line),
                "{name}: {line:?} is not quoted in\n{text}"
            );
        }
        assert_eq!(lint(adr.path()), lint_before, "{name}:\n{text}");
    }
}

#[test]
fn our_records_under_the_log_s_front_matter_list_and_message_as_in_our_own_format() {
    for written in written() {
        let Written {
            name,
            adr,
            own,
            adr_record,
            ..
        } = &written;
        let text = read(adr_record);
        assert_eq!(
            list_row(adr.path(), "0010"),
            list_row(own.path(), "0001"),
            "{name}:\n{text}"
        );
        let nygard = from_nygard_template(&text);
        assert_same_messages(name, (adr.path(), "10"), own.path(), nygard);
    }
}

#[test]
fn an_accepted_proposal_under_the_log_s_front_matter_is_accepted_in_both_statuses() {
    let mut accepted = 0;
    for written in written() {
        let Written {
            name,
            adr,
            own,
            adr_record,
            ..
        } = &written;
        let before = read(adr_record);
        let outcome = front_matter_value(&before, "outcome");
        if !matches!(outcome.as_deref(), Some("proposal" | "options")) {
            continue;
        }
        let lint_before = lint(adr.path());
        for (repo, number) in [(adr.path(), "10"), (own.path(), "1")] {
            let mut accept = decide(repo);
            accept.args(["status", number, "accepted"]);
            if outcome.as_deref() == Some("options") {
                accept.args(["--option", "A"]);
            }
            let done = accept.output().unwrap();
            assert!(done.status.success(), "{name}: {}", stderr(&done));
        }
        let text = read(adr_record);
        assert_eq!(
            front_matter_value(&text, "status").as_deref(),
            Some("Accepted"),
            "{name}:\n{text}"
        );
        assert_eq!(status_section(&text), Some("Accepted"), "{name}:\n{text}");
        assert_eq!(
            front_matter_value(&text, "outcome").as_deref(),
            Some("decided"),
            "{name}:\n{text}"
        );
        assert!(text.contains("\n## Proposal Accepted ("), "{name}:\n{text}");
        assert!(
            !text.contains("decide-by:") && !text.contains("Decide-by:"),
            "{name}:\n{text}"
        );
        let review_by = front_matter_value(&text, "review-by")
            .unwrap_or_else(|| panic!("{name}: no review date in\n{text}"));
        assert!(
            text.contains(&format!("\nDate: 2026-11-26\nReview-by: {review_by}\n")),
            "{name}:\n{text}"
        );
        assert_accepted_as_decided(name, &text, (adr.path(), "10"), own.path(), false);
        assert_eq!(lint(adr.path()), lint_before, "{name}:\n{text}");
        accepted += 1;
    }
    assert!(accepted >= 3, "only {accepted} waiting examples");
}

#[test]
fn a_look_back_under_the_log_s_front_matter_ends_the_review_date_in_both_places() {
    let mut reviewed = 0;
    for written in written() {
        let Written {
            name,
            adr,
            own,
            adr_record,
            ..
        } = &written;
        let before = read(adr_record);
        if from_nygard_template(&before) || front_matter_value(&before, "review-by").is_none() {
            continue;
        }
        for (repo, number) in [(adr.path(), "10"), (own.path(), "1")] {
            let done = decide(repo)
                .args(["review", number, "-q", "--answers"])
                .arg(crate::support::example("review.yaml"))
                .output()
                .unwrap();
            assert!(done.status.success(), "{name}: {}", stderr(&done));
        }
        let text = read(adr_record);
        assert!(
            text.contains("\n## Outcome (2026-11-26)\n"),
            "{name}:\n{text}"
        );
        assert!(
            !text.contains("review-by:") && !text.contains("Review-by:"),
            "{name}:\n{text}"
        );
        assert_eq!(
            list_row(adr.path(), "0010"),
            list_row(own.path(), "0001"),
            "{name}:\n{text}"
        );
        reviewed += 1;
    }
    assert!(reviewed >= 2, "only {reviewed} examples with a review date");
}
