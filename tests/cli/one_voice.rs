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
