//! In an adr-tools log, every record `decide new` writes is an adr-tools record (`# 2.
//! Title` on its first line, `Date:`, adr-tools' sections), whichever playbook wrote it, and
//! reads as the same record: the same passages, the same list row, the same messages, the
//! same acceptance, as the same answers written in our own format.

use std::path::{Path, PathBuf};

use crate::support::{decide, message_with, records, repo, stderr, stdout, write};

pub(crate) const AUDIENCES: [&str; 3] = ["stakeholders", "team", "peers"];
const ADR_DIR: &str = "doc/adr";
const OWN_DIR: &str = "docs/decisions";

/// An adr-tools log with its first record, as `adr init doc/adr` leaves it.
fn adr_tools_repo() -> tempfile::TempDir {
    let repo = repo();
    write(repo.path(), ".adr-dir", "doc/adr\n");
    write(
        repo.path(),
        "doc/adr/0001-record-architecture-decisions.md",
        "# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record the architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision Records, as described by Michael Nygard.\n\n## Consequences\n\nSee Michael Nygard's article.\n",
    );
    repo
}

/// The same answers in an adr-tools log and in a log of our own format: the record each
/// wrote (`None` when the playbook writes none to the log: a personal one, or one that
/// works on a record that exists).
pub(crate) struct Written {
    pub(crate) name: String,
    pub(crate) adr: tempfile::TempDir,
    pub(crate) own: tempfile::TempDir,
    pub(crate) adr_record: PathBuf,
    pub(crate) own_record: PathBuf,
}

/// Every example whose playbook writes a record to the log, written in both logs.
fn written_examples() -> Vec<Written> {
    written_examples_in(adr_tools_repo, ADR_DIR)
}

/// Every example whose playbook writes a record to the log, written in a log of our own
/// format and in the adr-tools log `make_log` makes, whose records are in `adr_dir`.
pub(crate) fn written_examples_in(
    make_log: fn() -> tempfile::TempDir,
    adr_dir: &str,
) -> Vec<Written> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut answers: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|x| x == "yaml"))
        .collect();
    answers.sort();
    let mut written = Vec::new();
    for file in answers {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let own = repo();
        let created = decide(own.path())
            .args(["new", "-q", "--answers"])
            .arg(&file)
            .output()
            .unwrap();
        let [own_record] = &records(&own.path().join(OWN_DIR))[..] else {
            continue;
        };
        let own_record = own_record.clone();
        assert!(created.status.success(), "{name}: {}", stderr(&created));
        let adr = make_log();
        let before = records(&adr.path().join(adr_dir));
        let created = decide(adr.path())
            .args(["new", "-q", "--answers"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(created.status.success(), "{name}: {}", stderr(&created));
        let new: Vec<PathBuf> = records(&adr.path().join(adr_dir))
            .into_iter()
            .filter(|record| !before.contains(record))
            .collect();
        let [adr_record] = &new[..] else {
            panic!("{name}: not one new record but {new:?}");
        };
        written.push(Written {
            name,
            adr_record: adr_record.clone(),
            adr,
            own,
            own_record,
        });
    }
    assert!(
        written.len() >= 8,
        "only {} examples write to the log",
        written.len()
    );
    written
}

pub(crate) fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The lines of the passages a record quotes (under its references).
pub(crate) fn quoted(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.starts_with("> ")).collect()
}

/// The row `decide list` shows for record `number`: its title, status, date and what is
/// due (the door is our front matter's; `nygard.md` writes none).
pub(crate) fn list_row(repo: &Path, number: &str) -> Vec<String> {
    let output = decide(repo).arg("list").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let listed = stdout(&output);
    let row = listed
        .lines()
        .find(|l| l.starts_with(number))
        .unwrap_or_else(|| panic!("no row {number} in\n{listed}"));
    let cells: Vec<String> = row
        .split("  ")
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .map(str::to_string)
        .collect();
    let due = cells.last().cloned().unwrap_or_default();
    let mut kept = cells[1..4].to_vec();
    kept.push(due);
    kept
}

/// `decide message NUMBER --to TO` in `repo`: whether it wrote one, the message, and what
/// stderr said of it (or why there is none to send yet).
pub(crate) fn message(repo: &Path, number: &str, to: &str) -> (bool, String, String) {
    let output = decide(repo)
        .args(["message", number, "--to", to])
        .output()
        .unwrap();
    (output.status.success(), stdout(&output), stderr(&output))
}

/// What `decide message NUMBER --to TO --format json` reads of the record.
pub(crate) fn brief(repo: &Path, number: &str, to: &str) -> serde_json::Value {
    let (json, _) = message_with(repo, number, to, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    json["brief"].clone()
}

/// Whether the record was written by `nygard.md` (the `decision` playbook's adr-tools
/// template) rather than turned from our own format: only ours carry a `Playbook:` line.
fn from_nygard_template(record: &str) -> bool {
    !record.lines().any(|l| l.starts_with("Playbook: "))
}

#[test]
fn every_record_new_writes_in_an_adr_tools_log_is_an_adr_tools_record() {
    for written in written_examples() {
        let Written {
            name,
            adr_record,
            own_record,
            ..
        } = &written;
        let text = read(adr_record);
        let ours = read(own_record);
        let title = ours
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .unwrap_or_else(|| panic!("{name}: no title in\n{ours}"));
        // adr-tools' `generate toc` lists a record by its first line, less `# `.
        assert_eq!(
            text.lines().next(),
            Some(format!("# 2. {title}").as_str()),
            "{name}:\n{text}"
        );
        assert!(
            !text.contains("\n---\n") && !text.starts_with("---"),
            "{name}:\n{text}"
        );
        assert!(
            text.lines()
                .nth(2)
                .is_some_and(|l| l.starts_with("Date: 2026-11-26")),
            "{name}:\n{text}"
        );
        let mut at = 0;
        for heading in ["## Status", "## Context", "## Decision", "## Consequences"] {
            let found = text.lines().position(|l| l == heading);
            let found = found.unwrap_or_else(|| panic!("{name}: no {heading} in\n{text}"));
            assert!(
                found > at,
                "{name}: {heading} out of adr-tools' order\n{text}"
            );
            at = found;
        }
        for line in quoted(&ours) {
            assert!(
                text.contains(line),
                "{name}: {line:?} is not quoted in\n{text}"
            );
        }
        // Nothing the record says is lost: every line of ours is in it, but the front
        // matter's, written as fields, and the headings adr-tools names otherwise.
        if !from_nygard_template(&text) {
            let body = ours.splitn(3, "---\n").nth(2).unwrap_or_default();
            for line in body
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                assert!(text.contains(line), "{name}: {line:?} is lost from\n{text}");
            }
        }
    }
}

#[test]
fn our_records_in_an_adr_tools_log_lint_list_and_show_as_adr_tools_records() {
    for written in written_examples() {
        let Written {
            name,
            adr,
            own,
            adr_record,
            ..
        } = &written;
        let lint = decide(adr.path()).arg("lint").output().unwrap();
        assert!(lint.status.success(), "{name}: {}", stderr(&lint));
        let said = format!("{}{}", stdout(&lint), stderr(&lint));
        assert!(said.contains("0 errors, 0 warnings"), "{name}: {said}");
        // The title, status, date and what is due, as in our own format.
        assert_eq!(
            list_row(adr.path(), "0002"),
            list_row(own.path(), "0001"),
            "{name}: {}",
            read(adr_record)
        );
        let show = decide(adr.path()).args(["show", "2"]).output().unwrap();
        assert!(show.status.success(), "{name}: {}", stderr(&show));
        let title = read(adr_record).lines().next().unwrap_or_default()[5..].to_string();
        assert!(stdout(&show).contains(&title), "{name}: {}", stdout(&show));
    }
}

#[test]
fn a_message_from_our_record_in_an_adr_tools_log_is_the_one_from_our_own_format() {
    for written in written_examples() {
        let Written {
            name,
            adr,
            own,
            adr_record,
            ..
        } = &written;
        let nygard = from_nygard_template(&read(adr_record));
        assert_same_messages(name, (adr.path(), "2"), own.path(), nygard);
    }
}

/// An accepted proposal, the record `number` in `adr` whose text is `text`: nothing in it
/// still waits, and each audience's message is the one our own format gives (record 1 in
/// `own`), sendable and asking for no answer.
pub(crate) fn assert_accepted_as_decided(
    name: &str,
    text: &str,
    (adr, number): (&Path, &str),
    own: &Path,
) {
    for waiting in [
        "No option is chosen yet",
        "Nothing is agreed yet",
        "Proposed option:",
    ] {
        assert!(!text.contains(waiting), "{name}: {waiting:?} in\n{text}");
    }
    for to in AUDIENCES {
        let said = message(adr, number, to);
        assert!(said.0, "{name} to {to}: {}", said.2);
        assert_eq!(said, message(own, "1", to), "{name} to {to}");
        assert!(
            !said.1.contains("Please answer by"),
            "{name} to {to}:\n{}",
            said.1
        );
    }
}

/// Each audience's message from the record `number` in `adr` is the one from the same
/// answers in our own format (record 1 in `own`); for a record `nygard.md` wrote, the same
/// outcome and dates.
pub(crate) fn assert_same_messages(
    name: &str,
    (adr, number): (&Path, &str),
    own: &Path,
    nygard: bool,
) {
    for to in AUDIENCES {
        if !nygard {
            // The same message, or the same reason there is none to send yet.
            assert_eq!(
                message(adr, number, to),
                message(own, "1", to),
                "{name} to {to}"
            );
            continue;
        }
        // `nygard.md` writes the decision in adr-tools' words, without our plain words:
        // the message says the same outcome and dates, in its own sentences.
        let (adr_brief, own_brief) = (brief(adr, number, to), brief(own, "1", to));
        for key in ["outcome", "decide_by_text", "review_by_text", "proposed"] {
            assert_eq!(adr_brief[key], own_brief[key], "{name} to {to}: {key}");
        }
    }
}

#[test]
fn an_accepted_proposal_in_an_adr_tools_log_says_it_is_decided() {
    let mut accepted = 0;
    for written in written_examples() {
        let Written {
            name,
            adr,
            own,
            adr_record,
            ..
        } = &written;
        let before = read(adr_record);
        let waiting = ["Outcome: proposal", "Outcome: options"]
            .iter()
            .any(|outcome| before.lines().any(|l| l == *outcome));
        if !waiting {
            continue;
        }
        let options = before.lines().any(|l| l == "Outcome: options");
        for (repo, number) in [(adr.path(), "2"), (own.path(), "1")] {
            let mut accept = decide(repo);
            accept.args(["status", number, "accepted"]);
            if options {
                accept.args(["--option", "A"]);
            }
            let done = accept.output().unwrap();
            assert!(done.status.success(), "{name}: {}", stderr(&done));
        }
        let text = read(adr_record);
        assert!(
            text.contains("\n## Status\n\nAccepted\n"),
            "{name}:\n{text}"
        );
        assert!(text.contains("\nOutcome: decided\n"), "{name}:\n{text}");
        assert!(text.contains("\n## Proposal Accepted ("), "{name}:\n{text}");
        assert!(!text.contains("Decide-by:"), "{name}:\n{text}");
        assert!(
            text.starts_with("# 2. ") && !text.contains("\n---\n"),
            "{name}:\n{text}"
        );
        assert_accepted_as_decided(name, &text, (adr.path(), "2"), own.path());
        let lint = decide(adr.path()).arg("lint").output().unwrap();
        assert!(lint.status.success(), "{name}: {}", stderr(&lint));
        accepted += 1;
    }
    assert!(accepted >= 3, "only {accepted} waiting examples");
}

#[test]
fn a_configured_template_wins_over_the_adr_tools_form() {
    let deadline = crate::support::example("deadline.yaml");
    let configured = adr_tools_repo();
    write(
        configured.path(),
        ".decide.yaml",
        "template: madr-minimal.md\n",
    );
    let flagged = adr_tools_repo();
    let runs: [(&Path, &[&str]); 2] = [
        (configured.path(), &[]),
        (flagged.path(), &["--template", "decision.md"]),
    ];
    for (repo, flags) in runs {
        let created = decide(repo)
            .args(["new", "-q"])
            .args(flags)
            .arg("--answers")
            .arg(&deadline)
            .output()
            .unwrap();
        assert!(created.status.success(), "{flags:?}: {}", stderr(&created));
        let text = read(&records(&repo.join(ADR_DIR))[1]);
        assert!(text.starts_with("---\n"), "{flags:?}:\n{text}");
        assert!(
            text.contains("\nplaybook: deadline\n"),
            "{flags:?}:\n{text}"
        );
    }
}

/// A proposal `nygard.md` wrote in an adr-tools log is not a decision to look back at, and
/// its choice is prose no review can fill in: `decide review` says how to decide it and
/// changes nothing. A proposal of ours waiting for an answer is refused alike.
#[test]
fn a_review_of_a_proposal_it_cannot_finish_is_refused_and_says_how_to_decide_it() {
    let adr = adr_tools_repo();
    let proposal = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/proposal.yaml");
    let created = decide(adr.path())
        .args(["new", "-q", "--answers"])
        .arg(&proposal)
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));
    let record = records(&adr.path().join(ADR_DIR))
        .into_iter()
        .find(|path| !path.ends_with("0001-record-architecture-decisions.md"))
        .unwrap();
    let before = read(&record);
    assert!(from_nygard_template(&before), "{before}");
    let review = decide(adr.path())
        .args(["--today", "2026-12-20", "review", "2"])
        .output()
        .unwrap();
    assert_eq!(review.status.code(), Some(6), "{}", stderr(&review));
    assert!(
        stderr(&review).contains(
            "record 2 is still a proposal: there is no decision yet to look back at (hint: \
             once it is decided, write the choice into the record and run `decide status 2 \
             accepted` (or `rejected`))"
        ),
        "{}",
        stderr(&review)
    );
    assert_eq!(read(&record), before);

    let deadline = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/deadline.yaml");
    let own = repo();
    let created = decide(own.path())
        .args(["new", "-q", "--answers"])
        .arg(&deadline)
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));
    let review = decide(own.path()).args(["review", "1"]).output().unwrap();
    assert_eq!(review.status.code(), Some(6), "{}", stderr(&review));
    assert!(
        stderr(&review)
            .contains("(hint: once it is decided, run `decide status 1 accepted` (or `rejected`))"),
        "{}",
        stderr(&review)
    );
}
