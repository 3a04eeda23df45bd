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
/// `own`; for a record `nygard.md` wrote, the same outcome and dates), sendable and asking
/// for no answer.
pub(crate) fn assert_accepted_as_decided(
    name: &str,
    text: &str,
    (adr, number): (&Path, &str),
    own: &Path,
    nygard: bool,
) {
    for waiting in [
        "No option is chosen yet",
        "Nothing is agreed yet",
        "Nothing is decided yet",
        "Proposed option:",
    ] {
        assert!(!text.contains(waiting), "{name}: {waiting:?} in\n{text}");
    }
    // `nygard.md` says the decision in adr-tools' words: the same outcome and dates.
    assert_same_messages(name, (adr, number), own, nygard);
    for to in AUDIENCES {
        let said = message(adr, number, to);
        assert!(said.0, "{name} to {to}: {}", said.2);
        assert!(
            !said.1.contains("lean towards") && !said.1.contains("before deciding"),
            "{name} to {to}:\n{}",
            said.1
        );
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
        // `nygard.md` writes the decision in adr-tools' words: the message reads the same
        // outcome, dates, choice, reason, fallback, effect and plain words from it, and
        // is as ready to send as ours, though a few sentences of ours (the first step,
        // what was decided without) have no place there.
        let (adr_brief, own_brief) = (brief(adr, number, to), brief(own, "1", to));
        for key in [
            "outcome",
            "decide_by_text",
            "review_by_text",
            "proposed",
            "chosen",
            "because",
            "fallback",
            "impact",
            "plain_words",
        ] {
            assert_eq!(adr_brief[key], own_brief[key], "{name} to {to}: {key}");
        }
        let ready = |repo: &Path, number: &str| {
            let output = decide(repo)
                .args(["message", number, "--to", to])
                .output()
                .unwrap();
            stderr(&output).contains("Ready to send")
        };
        assert_eq!(
            ready(adr, number),
            ready(own, "1"),
            "{name} to {to}: ready to send"
        );
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
        assert_accepted_as_decided(name, &text, (adr.path(), "2"), own.path(), false);
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

/// A proposal of ours waiting for someone's answer is not a decision to look back at, and
/// no review finishes it: `decide review` says how to decide it and changes nothing.
#[test]
fn a_review_of_a_proposal_waiting_for_an_answer_is_refused_and_says_how_to_decide_it() {
    let deadline = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/deadline.yaml");
    let own = repo();
    let created = decide(own.path())
        .args(["new", "-q", "--answers"])
        .arg(&deadline)
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));
    let record = records(&own.path().join(OWN_DIR)).remove(0);
    let before = read(&record);
    let review = decide(own.path()).args(["review", "1"]).output().unwrap();
    assert_eq!(review.status.code(), Some(6), "{}", stderr(&review));
    assert!(
        stderr(&review)
            .contains("(hint: once it is decided, run `decide status 1 accepted` (or `rejected`))"),
        "{}",
        stderr(&review)
    );
    assert_eq!(read(&record), before);
}

/// How a proposal's time-box ended, as the finish playbook offers it: the answers, and
/// what the adr-tools record says then (its status word, its date lines under the title,
/// the history's heading, and what `decide list` shows as due).
struct Ending {
    name: &'static str,
    answers: &'static str,
    status: &'static str,
    dates: &'static str,
    history: &'static str,
    due: &'static str,
}

const FINISHED: Ending = Ending {
    name: "finished",
    answers: "",
    status: "Accepted",
    dates: "Date: 2026-12-10\nReview-by: 2027-03-10\n",
    history: "## Proposal Finished (2026-12-10)",
    due: "2027-03-10",
};

const EXTENDED: Ending = Ending {
    name: "extended",
    answers: "playbook: finish\nfound:\n  - Searchly's price at our query volume\nlearnt: Searchly quoted a fixed price for three years.\nextend: yes\nextend_until: 2026-12-17\nextend_why: Ben hears back from legal on Tuesday\nleaning: Searchly\nbecause: the price is fixed for three years\n",
    status: "Proposed",
    dates: "Date: 2026-11-26\nDecide-by: 2026-12-17\n",
    history: "## Time-box Extended (2026-12-10)",
    due: "2026-12-17 (decide)",
};

const DROPPED: Ending = Ending {
    name: "dropped",
    answers: "playbook: finish\nfound:\n  - Searchly's price at our query volume\n  - Whether the contract has an exit clause\nlearnt: Neither service keeps our data in the EU.\nchosen: none of them\ndropped_why: neither keeps our data in the EU\n",
    status: "Rejected",
    dates: "Date: 2026-12-10\n",
    history: "## Proposal Finished (2026-12-10)",
    due: "-",
};

/// examples/proposal.yaml written in `repo` on the day the examples are dated, then
/// reviewed on the day its time-box ends with `ending`'s answers: the record.
fn proposed_then_reviewed(
    repo: &Path,
    dir: &str,
    ending: &Ending,
    edit: fn(&str) -> String,
) -> PathBuf {
    let created = decide(repo)
        .args(["new", "-q", "--answers"])
        .arg(crate::support::example("proposal.yaml"))
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));
    let record = records(&repo.join(dir))
        .into_iter()
        .rfind(|path| !path.ends_with("0001-record-architecture-decisions.md"))
        .unwrap();
    std::fs::write(&record, edit(&read(&record))).unwrap();
    let answers = if ending.answers.is_empty() {
        crate::support::example("finish.yaml")
    } else {
        write(repo, "ending.yaml", ending.answers)
    };
    let number = if dir == ADR_DIR { "2" } else { "1" };
    let review = decide(repo)
        .args(["--today", "2026-12-10", "review", number, "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(
        review.status.success(),
        "{}: {}",
        ending.name,
        stderr(&review)
    );
    record
}

/// `decide review N` finishes a proposal `nygard.md` wrote as it finishes ours: decided,
/// extended once or dropped, the record says so in adr-tools' own style, lints clean,
/// lists with its new status and date, and every message says what ours says.
#[test]
fn a_review_finishes_a_proposal_nygard_md_wrote_as_it_finishes_ours() {
    for ending in [FINISHED, EXTENDED, DROPPED] {
        let name = ending.name;
        let adr = adr_tools_repo();
        let own = repo();
        let record = proposed_then_reviewed(adr.path(), ADR_DIR, &ending, str::to_string);
        proposed_then_reviewed(own.path(), OWN_DIR, &ending, str::to_string);
        let text = read(&record);
        assert!(from_nygard_template(&text), "{name}:\n{text}");
        assert!(
            text.starts_with(&format!(
                "# 2. Choose the search service for the product catalogue\n\n{}\n## Status\n\n{}\n\n## Context\n",
                ending.dates, ending.status
            )),
            "{name}:\n{text}"
        );
        let history = text.find(ending.history);
        assert!(
            history.is_some_and(|at| at < text.find("\n## References").unwrap()),
            "{name}:\n{text}"
        );
        assert!(!text.contains("\n---\n"), "{name}:\n{text}");
        let lint = decide(adr.path()).arg("lint").output().unwrap();
        assert!(lint.status.success(), "{name}: {}", stderr(&lint));
        assert!(
            format!("{}{}", stdout(&lint), stderr(&lint)).contains("0 errors, 0 warnings"),
            "{name}: {}",
            stderr(&lint)
        );
        let row = list_row(adr.path(), "0002");
        assert_eq!(row[1], ending.status.to_lowercase(), "{name}: {row:?}");
        assert_eq!(row[3], ending.due, "{name}: {row:?}");
        assert_eq!(row, list_row(own.path(), "0001"), "{name}");
        if ending.status == "Accepted" {
            assert_accepted_as_decided(name, &text, (adr.path(), "2"), own.path(), true);
            assert!(
                text.contains("\n## Decision\n\nWe will go with Searchly, because the price is fixed for three years and we can leave after the first year. If it doesn't work, we'll switch to FindKit, rewriting the five queries that need it.\n\nThe coach's verdict: Decided: Searchly.\n"),
                "{text}"
            );
            assert!(
                text.contains("\nThe 70% information rule: You have 4 of the 5 things you wish you knew: at or above 70% is enough."),
                "{text}"
            );
            assert!(
                !text.contains("Decide-by:") && !text.contains("Decide by"),
                "{text}"
            );
        } else {
            assert_same_messages(name, (adr.path(), "2"), own.path(), true);
        }
    }
}

/// A proposal `nygard.md` wrote before it listed the 70% rule's items gives only the
/// rule's counts and the open questions: the rule runs again on those, and the finished
/// record names no item the proposal did not name.
#[test]
fn a_nygard_proposal_that_gives_only_counts_is_finished_by_them() {
    let adr = adr_tools_repo();
    let without_items = |text: &str| -> String {
        text.lines()
            .filter(|l| {
                !l.starts_with("* Information in hand")
                    && !l.starts_with("  * ")
                    && !l.starts_with("* Investigate until")
            })
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let record = proposed_then_reviewed(adr.path(), ADR_DIR, &FINISHED, without_items);
    let text = read(&record);
    assert!(text.contains("\n## Status\n\nAccepted\n"), "{text}");
    assert!(
        text.contains("\nThe 70% information rule: You have 4 of the 5 things you wish you knew: at or above 70% is enough."),
        "{text}"
    );
    assert!(
        text.contains("\n* Information in hand now: 80%\n"),
        "{text}"
    );
    assert!(!text.contains("not named in the record"), "{text}");
    assert!(!text.contains("* Information in hand:"), "{text}");
    let lint = decide(adr.path()).arg("lint").output().unwrap();
    assert!(lint.status.success(), "{}", stderr(&lint));
}
