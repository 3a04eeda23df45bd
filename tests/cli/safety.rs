//! Nothing lost: concurrent writers in one log, concurrent edits of one record, and writers
//! killed mid-write. Every assertion holds however the processes happen to be scheduled.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{decide, decide_process, example, records, repo, stderr};

fn new_record(cwd: &Path) -> Command {
    let mut command = decide_process(cwd);
    command
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Run every command at once and wait for all of them; each must succeed.
fn all_at_once(commands: Vec<Command>) {
    let children: Vec<_> = commands
        .into_iter()
        .map(|mut command| {
            command
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// A log of `count` records written by `decide new`.
fn log_of(count: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let repo = repo();
    for _ in 0..count {
        assert!(new_record(repo.path()).status().unwrap().success());
    }
    let log = repo.path().join("docs/decisions");
    (repo, log)
}

fn temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.starts_with(".decide-write-check-"))
        .collect()
}

#[test]
fn twenty_writers_at_once_make_twenty_records_with_distinct_numbers() {
    let repo = repo();
    fs::create_dir_all(repo.path().join("docs/decisions")).unwrap();
    all_at_once((0..20).map(|_| new_record(repo.path())).collect());
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
fn a_status_change_and_a_link_at_once_both_land() {
    let (_repo, log) = log_of(16);
    let cwd = log.parent().unwrap().parent().unwrap().to_path_buf();
    for round in 0..15 {
        let status = if round % 2 == 0 {
            "deprecated"
        } else {
            "accepted"
        };
        let target = (round + 2).to_string();
        let mut set_status = decide_process(&cwd);
        set_status.args(["status", "1", status]);
        let mut link = decide_process(&cwd);
        link.args(["link", "1", "Amends", &target]);
        all_at_once(vec![set_status, link]);
        let first = fs::read_to_string(&records(&log)[0]).unwrap();
        assert!(
            first.contains(&format!("status: {status}\n")),
            "round {round}: the status was lost:\n{first}"
        );
        let links = first
            .lines()
            .filter(|l| l.starts_with("* Amends ["))
            .count();
        assert_eq!(links, round + 1, "round {round}: a link was lost:\n{first}");
    }
    let output = decide(&cwd).arg("lint").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn twenty_links_at_once_keep_all_twenty() {
    let (_repo, log) = log_of(21);
    let cwd = log.parent().unwrap().parent().unwrap().to_path_buf();
    all_at_once(
        (2..=21)
            .map(|target| {
                let mut link = decide_process(&cwd);
                link.args(["link", "1", "Amends", &target.to_string()]);
                link
            })
            .collect(),
    );
    let first = fs::read_to_string(&records(&log)[0]).unwrap();
    let links = first
        .lines()
        .filter(|l| l.starts_with("* Amends ["))
        .count();
    assert_eq!(links, 20, "{first}");
    for target in &records(&log)[1..] {
        let text = fs::read_to_string(target).unwrap();
        assert!(
            text.contains("* Amended by [1. "),
            "{}: {text}",
            target.display()
        );
    }
}

#[test]
fn a_writer_killed_at_any_moment_leaves_no_partial_record() {
    let repo = repo();
    let log = repo.path().join("docs/decisions");
    fs::create_dir_all(&log).unwrap();
    // Kill writers at moments spread over their whole run, from start-up to the last write.
    // How many finish depends on the machine; what they leave must not.
    for attempt in 0..40u64 {
        let mut child = new_record(repo.path()).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(attempt * 400));
        let _ = child.kill();
        let _ = child.wait();
    }
    let before = records(&log).len();
    // One clean run finishes the log (and clears temporaries of the killed writers).
    assert!(new_record(repo.path()).status().unwrap().success());
    assert_eq!(
        records(&log).len(),
        before + 1,
        "the clean run adds one record"
    );
    let complete = fs::read_to_string(records(&log).last().unwrap()).unwrap();
    let last_line = complete.lines().last().unwrap().to_string();
    let mut numbers = BTreeSet::new();
    for path in records(&log) {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.ends_with(&format!("{last_line}\n")) && text.starts_with("---\nstatus:"),
            "partial record {}",
            path.display()
        );
        assert!(numbers.insert(path.file_name().unwrap().to_string_lossy()[..4].to_string()));
    }
    assert_eq!(
        temporaries(&log),
        Vec::<String>::new(),
        "temporary files left behind"
    );
}

#[test]
fn an_edit_killed_at_any_moment_leaves_the_record_whole_and_the_next_edit_sweeps() {
    let (_repo, log) = log_of(2);
    let cwd = log.parent().unwrap().parent().unwrap().to_path_buf();
    let statuses = ["deprecated", "accepted"];
    for attempt in 0..30u64 {
        let mut command = decide_process(&cwd);
        command
            .args(["status", "1", statuses[attempt as usize % 2]])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = command.spawn().unwrap();
        std::thread::sleep(Duration::from_micros(attempt * 300));
        let _ = child.kill();
        let _ = child.wait();
    }
    // The next edit, not only the next `new`, clears what the killed ones left.
    let output = decide(&cwd)
        .args(["status", "2", "proposed"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        temporaries(&log),
        Vec::<String>::new(),
        "temporary files left behind"
    );
    let output = decide(&cwd).arg("lint").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn edits_keep_the_mode_and_refuse_read_only_and_hard_linked_records() {
    use std::os::unix::fs::PermissionsExt;
    let (_repo, log) = log_of(2);
    let cwd = log.parent().unwrap().parent().unwrap().to_path_buf();
    let first = records(&log)[0].clone();
    fs::set_permissions(&first, fs::Permissions::from_mode(0o640)).unwrap();
    let output = decide(&cwd)
        .args(["status", "1", "deprecated"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let mode = fs::metadata(&first).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the mode is kept");

    fs::set_permissions(&first, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read_to_string(&first).unwrap();
    for args in [
        vec!["status", "1", "accepted"],
        vec!["link", "2", "Amends", "1"],
        vec!["review", "1", "--answers", "-"],
    ] {
        let output = decide(&cwd)
            .args(&args)
            .write_stdin("happened: x\nheld_up: yes\nlearnt: y\n")
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(5),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("the record is read-only"),
            "{}",
            stderr(&output)
        );
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    }
    assert_eq!(fs::read_to_string(&first).unwrap(), before);
    assert!(
        !fs::read_to_string(&records(&log)[1])
            .unwrap()
            .contains("Amends"),
        "no one-way link is left"
    );

    fs::set_permissions(&first, fs::Permissions::from_mode(0o644)).unwrap();
    let elsewhere = cwd.join("copy-of-first.md");
    fs::hard_link(&first, &elsewhere).unwrap();
    let output = decide(&cwd)
        .args(["status", "1", "accepted"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(5), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("2 hard links"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), before);
}

/// `index` reads the log under the lock it writes under: a record written or renumbered
/// while it waits for the lock is in the table, not reported as unreadable and left out.
#[test]
fn an_index_waiting_for_the_lock_lists_the_log_as_it_is_then() {
    let (_repo, log) = log_of(2);
    let cwd = log.parent().unwrap().parent().unwrap().to_path_buf();
    // Hold the log's lock, as a `renumber` or a `new` in progress would.
    let held = fs::File::open(&log).unwrap();
    held.lock().unwrap();
    let index = decide_process(&cwd)
        .arg("index")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Long enough for the index to have started waiting; were it still starting up when
    // the changes land, it would pass without showing anything.
    std::thread::sleep(Duration::from_millis(1500));
    let written = records(&log);
    let second = written[1]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let moved = log.join(second.replacen("0002", "0004", 1));
    fs::rename(&written[1], &moved).unwrap();
    fs::copy(&written[0], log.join("0003-written-meanwhile.md")).unwrap();
    held.unlock().unwrap();
    let output = index.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let table = fs::read_to_string(log.join("README.md")).unwrap();
    for name in [
        written[0]
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned(),
        moved.file_name().unwrap().to_string_lossy().into_owned(),
        "0003-written-meanwhile.md".to_string(),
    ] {
        assert!(
            table.contains(&format!("]({name})")),
            "{name} is missing:\n{table}"
        );
    }
}
