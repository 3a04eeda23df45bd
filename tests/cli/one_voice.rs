//! One run, one voice: every output of `decide new` comes from one outcome, so a message it
//! calls ready for an audience is the one `decide message N --to` that audience writes
//! from the record it left, word for word.

use std::path::Path;

use crate::support::{decide, records, repo, stderr, stdout};

const AUDIENCES: [&str; 3] = ["stakeholders", "team", "peers"];

/// Every answers file in `examples/`, by name.
fn examples() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

/// Whom stderr says the message is ready (or not yet ready) to send to.
fn ready_for(said: &str) -> Option<String> {
    said.lines().find_map(|line| {
        let rest = line.split_once("eady to send to ")?.1;
        let reader = rest.split([':', ' ']).next()?;
        let reader = rest.split(':').next().filter(|_| !reader.is_empty())?;
        Some(reader.trim_end_matches(" yet").to_string())
    })
}

#[test]
fn the_message_new_prints_for_an_audience_is_the_one_message_writes() {
    let mut compared = 0;
    for answers in examples() {
        let repo = repo();
        let output = decide(repo.path())
            .args(["new", "--answers"])
            .arg(&answers)
            .output()
            .unwrap();
        let name = answers.display();
        let log = records(&repo.path().join("docs/decisions"));
        let printed = stdout(&output);
        if !output.status.success() || log.len() != 1 || printed.is_empty() {
            continue;
        }
        let said = stderr(&output);
        let reader = ready_for(&said).unwrap_or_else(|| panic!("{name}: for whom?\n{said}"));
        if !AUDIENCES.contains(&reader.as_str()) {
            // A message for one person the record names is not passed off as an audience's:
            // stderr says so, and names the command that writes the audience's message only
            // when that command writes one.
            let pointed = said
                .split_once("` on the record")
                .and_then(|(before, _)| before.rsplit_once("--to "))
                .map(|(_, audience)| audience.to_string());
            match pointed {
                Some(audience) => {
                    let again = decide(repo.path())
                        .args(["message", "1", "--to", &audience])
                        .output()
                        .unwrap();
                    assert!(again.status.success(), "{name}: {}", stderr(&again));
                }
                None => assert!(said.contains("has no message for"), "{name}:\n{said}"),
            }
            continue;
        }
        let again = decide(repo.path())
            .args(["message", "1", "--to", &reader])
            .output()
            .unwrap();
        assert!(
            again.status.success(),
            "{name}: `new` calls its message ready for {reader}, `message 1 --to {reader}` refuses: {}",
            stderr(&again)
        );
        assert_eq!(stdout(&again), printed, "{name}: to {reader}");
        compared += 1;
    }
    assert!(compared >= 3, "only {compared} examples compared");
}

#[test]
fn stderr_names_whom_the_message_is_for() {
    for (said, reader) in [
        (
            "✔ Ready to send to stakeholders: 54 words, in plain words",
            "stakeholders",
        ),
        (
            "✔ Ready to send to Priya and Tom: 130 words",
            "Priya and Tom",
        ),
        ("Not ready to send to team yet: change the answers", "team"),
    ] {
        assert_eq!(ready_for(said).as_deref(), Some(reader), "{said}");
    }
}

/// A record of one of the scenarios, as `decide new` wrote it, that waits for someone's
/// answer.
struct Waiting {
    name: String,
    today: String,
    repo: tempfile::TempDir,
    path: std::path::PathBuf,
    /// `proposal` or `options`.
    outcome: String,
    before: String,
}

/// The record of every scenario of the team's playbooks that waits for someone's answer.
fn waiting_records() -> Vec<Waiting> {
    let scenarios = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&scenarios)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let scenario: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let expected = scenario["expect"]["outcome"].as_str().unwrap_or_default();
        // The personal playbooks keep their notes in the journal, not the team's log.
        let playbook = scenario["answers"]["playbook"].as_str().unwrap_or_default();
        let personal = [
            "career-track",
            "one-on-one",
            "t-shape",
            "boundaries",
            "week",
        ];
        if !matches!(expected, "proposal" | "options") || personal.contains(&playbook) {
            continue;
        }
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let today = match &scenario["today"] {
            serde_yaml::Value::String(day) => day.clone(),
            _ => "2026-11-26".to_string(),
        };
        let repo = repo();
        let answers = repo.path().join("answers.yaml");
        std::fs::write(
            &answers,
            serde_yaml::to_string(&scenario["answers"]).unwrap(),
        )
        .unwrap();
        let created = decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(&answers)
            .env("DECIDE_TODAY", &today)
            .output()
            .unwrap();
        assert!(created.status.success(), "{name}: {}", stderr(&created));
        let path = records(&repo.path().join("docs/decisions"))[0].clone();
        let before = std::fs::read_to_string(&path).unwrap();
        // An investigation (`outcome: investigate`) is finished by `decide review`, not
        // accepted: only a proposal that waits for someone's answer is.
        let outcome = before
            .lines()
            .find_map(|l| l.strip_prefix("outcome: "))
            .unwrap_or_default()
            .to_string();
        if matches!(outcome.as_str(), "proposal" | "options") {
            found.push(Waiting {
                name,
                today,
                repo,
                path,
                outcome,
                before,
            });
        }
    }
    found
}

/// What a message says only while a proposal still waits for its answer.
const STILL_WAITING: [&str; 8] = [
    "isn't decided",
    "Nothing is decided",
    "Which matters more",
    "I propose",
    "I've proposed",
    "Can you agree",
    "We'd say",
    "Good news",
];

/// Once the answer a proposal waited for has come (`decide status N accepted`, with the
/// option chosen where it offered a choice), the record and every message say it is
/// decided: none still proposes it, or asks for the answer by its review date.
#[test]
fn an_accepted_proposal_speaks_as_a_decision_in_the_record_and_every_message() {
    let mut accepted = 0;
    for waiting in waiting_records() {
        let Waiting {
            name,
            today,
            repo,
            path,
            outcome,
            before,
        } = waiting;
        let offered: Vec<String> = before
            .split("## Considered Options\n\n")
            .nth(1)
            .unwrap_or_default()
            .lines()
            .map_while(|l| l.strip_prefix("* "))
            .filter(|o| !o.starts_with("Left out"))
            .map(str::to_string)
            .collect();
        let mut accept = decide(repo.path());
        accept
            .args(["status", "1", "accepted"])
            .env("DECIDE_TODAY", &today);
        // A choice among options, or one option while another is still being sized (the
        // requester has not seen it): the lead says which was chosen.
        let sizing = before.contains("Left out until it is checked");
        let chosen = offered
            .last()
            .filter(|_| (offered.len() > 1 || sizing) && outcome == "options");
        if let Some(option) = chosen {
            // A choice is accepted only with the option chosen: the record must say which.
            let refused = decide(repo.path())
                .args(["status", "1", "accepted"])
                .env("DECIDE_TODAY", &today)
                .output()
                .unwrap();
            assert_eq!(refused.status.code(), Some(2), "{name}");
            assert!(
                stderr(&refused).contains("--option"),
                "{name}: {}",
                stderr(&refused)
            );
            assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "{name}");
            let name_or_letter = if option.get(1..3) == Some(". ") {
                &option[..1]
            } else {
                option.as_str()
            };
            accept.args(["--option", name_or_letter]);
        }
        let done = accept.output().unwrap();
        assert!(done.status.success(), "{name}: {}", stderr(&done));
        let record = std::fs::read_to_string(&path).unwrap();
        assert!(record.contains("\noutcome: decided\n"), "{name}: {record}");
        assert!(
            record.contains("\n## Proposal Accepted ("),
            "{name}: {record}"
        );
        for waiting in [
            "Nothing is decided yet",
            "No option is chosen yet",
            "Nothing is agreed yet",
            "isn't decided until",
            "stays proposed until",
            "Proposed option:",
        ] {
            assert!(
                !record.contains(waiting),
                "{name}: {waiting:?} in\n{record}"
            );
        }
        if let Some(option) = chosen {
            assert!(
                record.contains(&format!("Chosen option: \"{option}\"")),
                "{name}: {record}"
            );
        }
        for to in AUDIENCES {
            let output = decide(repo.path())
                .args(["message", "1", "--to", to])
                .env("DECIDE_TODAY", &today)
                .output()
                .unwrap();
            let text = stdout(&output);
            says_it_is_decided(
                &format!("{name} to {to}"),
                &text,
                &before,
                chosen,
                to != "peers" && chosen.is_some_and(|o| o.get(1..3) == Some(". ")),
            );
        }
        accepted += 1;
    }
    assert!(accepted >= 20, "only {accepted} waiting scenarios");
}

/// A message written from an accepted proposal (its record `before` it was accepted, and
/// the option chosen, if it offered a choice) says it is decided: nothing of the wait, who
/// agreed, and the option chosen by its letter where the reader saw the letters.
fn says_it_is_decided(
    what: &str,
    text: &str,
    before: &str,
    chosen: Option<&String>,
    saw_letters: bool,
) {
    for waiting in STILL_WAITING {
        assert!(!text.contains(waiting), "{what}: {waiting:?} in\n{text}");
    }
    if let Some(who) = before.lines().find_map(|l| l.strip_prefix("must-agree: ")) {
        assert!(
            text.to_lowercase()
                .contains(&format!("{} agreed", who.to_lowercase())),
            "{what}: who agreed?\n{text}"
        );
    }
    if let Some(option) = chosen {
        let lettered = text.contains(&format!("option {}", &option[..1]));
        assert_eq!(lettered, saw_letters, "{what}: which option?\n{text}");
        assert!(
            [
                " chose",
                "Thanks for choosing",
                " agreed",
                "Thanks for agreeing"
            ]
            .iter()
            .any(|said| text.contains(said)),
            "{what}: who chose?\n{text}"
        );
    }
}
