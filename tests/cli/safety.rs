//! Nothing lost: concurrent writers in one log, and writers killed mid-write.

use std::collections::BTreeSet;
use std::fs;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{TODAY, example, records, repo};

fn new_record(cwd: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_decide"));
    command
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .current_dir(cwd)
        .env("DECIDE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

#[test]
fn twenty_writers_at_once_make_twenty_records_with_distinct_numbers() {
    let repo = repo();
    fs::create_dir_all(repo.path().join("docs/decisions")).unwrap();
    let children: Vec<_> = (0..20)
        .map(|_| new_record(repo.path()).spawn().unwrap())
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let written = records(&repo.path().join("docs/decisions"));
    assert_eq!(written.len(), 20);
    let numbers: BTreeSet<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy()[..4].to_string())
        .collect();
    assert_eq!(numbers.len(), 20, "distinct numbers: {numbers:?}");
    let expected = fs::read_to_string(&written[0]).unwrap();
    for path in &written {
        assert_eq!(
            fs::read_to_string(path).unwrap().len(),
            expected.len(),
            "{} is complete",
            path.display()
        );
    }
}

#[test]
fn a_writer_killed_at_any_moment_leaves_no_partial_record() {
    let repo = repo();
    let log = repo.path().join("docs/decisions");
    fs::create_dir_all(&log).unwrap();
    // Kill writers at moments spread over their whole run, from start-up to the last write.
    for attempt in 0..40u64 {
        let mut child = new_record(repo.path()).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(attempt * 400));
        let _ = child.kill();
        let _ = child.wait();
    }
    // One clean run finishes the log (and clears temporaries of the killed writers).
    assert!(new_record(repo.path()).status().unwrap().success());
    assert!(
        records(&log).len() < 41,
        "some writers were killed before they finished"
    );
    let complete = fs::read_to_string(records(&log).last().unwrap()).unwrap();
    let last_line = complete.lines().last().unwrap().to_string();
    for path in records(&log) {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.ends_with(&format!("{last_line}\n")) && text.starts_with("---\nstatus:"),
            "partial record {}",
            path.display()
        );
    }
    let leftovers: Vec<String> = fs::read_dir(&log)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
}
