//! Personal coaching: the five personal playbooks write private entries to the journal,
//! outside any git work tree and never to the team's log; `decide journal` reads them back,
//! and `decide stats` looks back over the log and the journal together.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

use crate::support::{decide, example, records, stderr, stdout, write};

const PERSONAL: [&str; 5] = [
    "one-on-one",
    "week",
    "career-track",
    "t-shape",
    "boundaries",
];

/// A real git repository, so `git status` can say what a run left behind.
fn git_repo() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let status = git(dir.path(), &["init", "-q"]).status.success();
    assert!(status, "git init");
    dir
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Process::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", dir.join(".gitconfig-none"))
        .output()
        .expect("git runs")
}

/// `git status` as a script reads it: empty when the work tree is clean.
fn git_status(dir: &Path) -> String {
    String::from_utf8_lossy(&git(dir, &["status", "--porcelain", "--untracked-files=all"]).stdout)
        .into_owned()
}

/// `decide` in `cwd`, with the data directory (the journal's default home) at `data`.
fn decide_with(cwd: &Path, data: &Path) -> Command {
    let mut command = decide(cwd);
    command
        .env("XDG_DATA_HOME", data)
        .env_remove("DECIDE_JOURNAL_DIR");
    command
}

/// The entries under a journal directory, drafts left out.
fn entries(journal: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![journal.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with(".drafts") {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output)).expect("valid JSON")
}

#[test]
fn every_personal_playbook_runs_in_a_repository_and_leaves_it_clean() {
    let repo = git_repo();
    let data = tempfile::tempdir().unwrap();
    for id in PERSONAL {
        decide_with(repo.path(), data.path())
            .args(["new", "-q", "--answers"])
            .arg(example(&format!("{id}.yaml")))
            .assert()
            .success()
            .stderr(predicate::str::contains("private: your journal"));
        assert_eq!(
            git_status(repo.path()),
            "",
            "{id} left something in the repository"
        );
    }
    let journal = data.path().join("decide/journal");
    let written = entries(&journal);
    assert_eq!(written.len(), PERSONAL.len(), "{written:?}");
    for id in PERSONAL {
        assert!(
            written.iter().any(|p| p.parent().unwrap().ends_with(id)),
            "{id}: {written:?}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&journal).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "the journal is its owner's alone: {mode:o}"
        );
    }

    // The team's log knows nothing of them.
    decide_with(repo.path(), data.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    let listed = json(
        &decide_with(repo.path(), data.path())
            .args(["list", "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(records(&repo.path().join("docs/decisions")).len(), 1);
}

#[test]
fn a_journal_that_would_land_in_a_work_tree_is_refused_unless_asked_for() {
    // HOME is the repository, so the default data directory is inside it.
    let repo = git_repo();
    decide(repo.path())
        .env_remove("XDG_DATA_HOME")
        .env_remove("DECIDE_JOURNAL_DIR")
        .args(["new", "-q", "--answers"])
        .arg(example("week.yaml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("inside the git work tree"))
        .stderr(predicate::str::contains("journal_dir"));
    assert_eq!(git_status(repo.path()), "", "nothing was written");
    decide(repo.path())
        .env_remove("XDG_DATA_HOME")
        .env_remove("DECIDE_JOURNAL_DIR")
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(default, refused: inside a git work tree)",
        ));

    // Named on the command line, it is the user's call.
    decide(repo.path())
        .env_remove("XDG_DATA_HOME")
        .args(["new", "-q", "--dir", "notes", "--answers"])
        .arg(example("week.yaml"))
        .assert()
        .success();
    assert_eq!(entries(&repo.path().join("notes")).len(), 1);

    // A repository's own config may not choose it.
    write(repo.path(), ".decide.yaml", "journal_dir: notes\n");
    decide(repo.path())
        .env_remove("XDG_DATA_HOME")
        .args(["journal"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            ".decide.yaml:1:1: `journal_dir` is a personal setting",
        ));
}

#[test]
fn one_on_ones_carry_follow_ups_forward_and_say_when_they_are_overdue() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let first = write(
        home.path(),
        "first.yaml",
        "playbook: one-on-one\nperson: Sam\nrecognise: the incident review\ngrowth: leading a design review\nfollow_ups: [\"me: book the course\", \"Sam: draft the RFC\"]\nnotes: Wants to lead more\n",
    );
    decide_with(home.path(), data.path())
        .args(["new", "--answers"])
        .arg(&first)
        .env("DECIDE_TODAY", "2026-11-10")
        .assert()
        .success()
        .stderr(predicate::str::contains("First one-on-one with Sam"));
    let second = write(
        home.path(),
        "second.yaml",
        "playbook: one-on-one\nperson: sam\ndone: [\"Sam: draft the RFC\"]\nrecognise: the RFC\ngrowth: presenting it\n",
    );
    let output = decide_with(home.path(), data.path())
        .args(["new", "--answers"])
        .arg(&second)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let agenda = stdout(&output);
    assert!(
        agenda.contains("One-on-one with Sam: fifteen minutes"),
        "{agenda}"
    );
    assert!(
        agenda.contains("Overdue: the last one was 16 days ago"),
        "{agenda}"
    );
    assert!(
        agenda.contains("Last time: Wants to lead more."),
        "{agenda}"
    );
    assert!(agenda.contains("- me: book the course"), "{agenda}");
    assert!(
        !agenda.contains("draft the RFC"),
        "done, so not carried: {agenda}"
    );
    assert!(stderr(&output).contains("Overdue: 16 days since your last one-on-one with Sam"));

    let people = json(
        &decide_with(home.path(), data.path())
            .args(["journal", "people", "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!(people[0]["person"], "Sam");
    assert_eq!(people[0]["one_on_ones"], 2);
    assert_eq!(people[0]["last"], "2026-11-26");
    assert_eq!(
        people[0]["open_follow_ups"],
        serde_json::json!(["me: book the course"])
    );
    let table = stdout(
        &decide_with(home.path(), data.path())
            .args(["journal", "people"])
            .env("DECIDE_TODAY", "2026-12-07")
            .output()
            .unwrap(),
    );
    assert!(
        table.contains("2026-11-26 (11 days ago, overdue)"),
        "{table}"
    );
}

#[test]
fn the_journal_lists_shows_and_searches_its_entries() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    for id in ["one-on-one", "week"] {
        decide_with(home.path(), data.path())
            .args(["new", "-q", "--answers"])
            .arg(example(&format!("{id}.yaml")))
            .assert()
            .success();
    }
    let run = |args: &[&str]| {
        let output = decide_with(home.path(), data.path())
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        output
    };
    let listed = stdout(&run(&["journal"]));
    assert!(
        listed.contains("one-on-one/2026-11-26-one-on-one-with-sam"),
        "{listed}"
    );
    assert!(listed.contains("week/2026-11-26-my-week"), "{listed}");
    let weeks = json(&run(&["journal", "list", "--playbook", "week", "--json"]));
    assert_eq!(weeks.as_array().unwrap().len(), 1);
    assert_eq!(weeks[0]["playbook"], "week");
    let with_sam = json(&run(&["journal", "list", "--person", "SAM", "--json"]));
    assert_eq!(with_sam.as_array().unwrap().len(), 1);

    let shown = stdout(&run(&["journal", "show", "one-on-one"]));
    assert!(shown.starts_with("---\nplaybook: one-on-one\n"), "{shown}");
    assert!(shown.contains("\"What can I do better?\""), "{shown}");
    let entry = json(&run(&["journal", "show", "2026-11-26-my-week", "--json"]));
    assert_eq!(entry["verdicts"]["modes"], "terrible-week");
    assert_eq!(entry["data"]["modes"]["shares"]["coding"], 80);

    let found = json(&run(&[
        "journal",
        "search",
        "conference",
        "budget",
        "--json",
    ]));
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["playbook"], "one-on-one");
    decide_with(home.path(), data.path())
        .args(["journal", "show", "nothing-like-it"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "there is no journal entry `nothing-like-it`",
        ));
}

#[test]
fn bad_input_is_one_line_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let cases = [
        (
            "playbook: one-on-one\nperson: Sam\nrecognise: x\ngrowth: y\nfollow_ups: [\"Priya: send the doc\"]\n",
            "follow-up \"Priya: send the doc\" is for \"Priya\", who is not in this one-on-one with Sam",
        ),
        (
            "playbook: career-track\nbuilding_teams: 7\nmentoring: 3\nculture: 3\nhard_problems: 3\ntechnical_strategy: 3\nexperiment: x\nundo: 1 week\n",
            "`building_teams`",
        ),
        (
            "playbook: t-shape\ndepth: {databases: 0, deployments: 3, security: 3, frontend: 3, backend: 3, infrastructure: 3}\n",
            "must be at least 1",
        ),
        (
            "playbook: week\nleader_hours: 60\npeople_hours: 60\nprocess_hours: 40\ncoding_hours: 20\n",
            "the hours come to 180, more than the 168 hours a week has (7 × 24)",
        ),
        (
            "playbook: boundaries\nafter_hours: 3\nweekend_days: 9\nvacation_planned: 10\nvacation_taken: 8\n",
            "must be at most 8",
        ),
    ];
    for (answers, expected) in cases {
        let file = write(home.path(), "answers.yaml", answers);
        let output = decide_with(home.path(), data.path())
            .args(["new", "--answers"])
            .arg(&file)
            .output()
            .unwrap();
        let said = stderr(&output);
        assert_eq!(output.status.code(), Some(3), "{answers}: {said}");
        assert!(said.contains(expected), "{answers}: {said}");
        assert_eq!(said.trim_end().lines().count(), 1, "one line: {said}");
        assert!(said.contains("answers.yaml:"), "it says where: {said}");
    }
    assert!(
        !data.path().join("decide").exists(),
        "no journal, not even an empty directory"
    );
}

#[test]
fn weeks_are_compared_in_a_chart_of_the_last_eight() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let days = [
        "2026-09-24",
        "2026-10-01",
        "2026-10-08",
        "2026-10-15",
        "2026-10-22",
        "2026-10-29",
        "2026-11-05",
        "2026-11-12",
        "2026-11-19",
    ];
    for (index, day) in days.iter().enumerate() {
        let answers = write(
            home.path(),
            "week.yaml",
            &format!(
                "playbook: week\nleader_hours: 10\npeople_hours: 10\nprocess_hours: 10\ncoding_hours: {}\n",
                index * 5
            ),
        );
        decide_with(home.path(), data.path())
            .args(["new", "-q", "--answers"])
            .arg(&answers)
            .env("DECIDE_TODAY", day)
            .assert()
            .success();
    }
    let output = decide_with(home.path(), data.path())
        .args(["new", "-q", "--answers"])
        .arg(example("week.yaml"))
        .output()
        .unwrap();
    let chart = stdout(&output);
    let rows: Vec<&str> = chart.lines().filter(|l| l.contains("  coding ")).collect();
    assert_eq!(
        rows.len(),
        8,
        "the last eight weeks, this one included:\n{chart}"
    );
    assert!(rows[0].trim_start().starts_with("2026-10-08"), "{chart}");
    assert!(rows[7].trim_start().starts_with("2026-11-26"), "{chart}");
    assert!(rows[7].ends_with("coding 80%"), "{chart}");
    let stats = json(
        &decide_with(home.path(), data.path())
            .args(["stats", "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!(stats["mode_trend"].as_array().unwrap().len(), 8);
    assert_eq!(stats["mode_trend"][7]["coding"], 80);
}

/// A small log in our own record format: decisions decided at once and after a
/// proposal, one investigation past its time-box, and look-backs.
fn write_log(dir: &Path) {
    let record = |n: u32, front: &str, sections: &str| {
        write(
            dir,
            &format!("docs/decisions/{n:04}-decision-{n}.md"),
            &format!(
                "---\n{front}---\n\n# Decision {n}\n\n## Context and Problem Statement\n\nWhy it mattered.\n\n{sections}"
            ),
        );
    };
    let outcome = |held: &str| {
        format!(
            "## Outcome (2026-11-20)\n\n* What happened: it ran\n* Did it hold up: {held}\n* What we learnt: plenty\n\n"
        )
    };
    record(
        1,
        "status: accepted\ndate: 2026-10-01\ndoor: two-way\nconfidence: 80%\n",
        &outcome("yes"),
    );
    record(
        2,
        "status: accepted\ndate: 2026-10-01\ndoor: two-way\nconfidence: 70%\n",
        &format!(
            "## Proposal Finished (2026-10-13)\n\n* Decided: \"A\"\n\n{}",
            outcome("no, we reversed it")
        ),
    );
    record(
        3,
        "status: accepted\ndate: 2026-10-01\ndoor: one-way\n",
        &outcome("partly, we changed it"),
    );
    record(
        4,
        "status: proposed\ndate: 2026-11-02\ndoor: one-way\noutcome: investigate\ndecide-by: 2026-11-16\n",
        "",
    );
}

#[test]
fn stats_look_back_over_the_log_and_the_journal() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write_log(home.path());
    decide_with(home.path(), data.path())
        .args(["new", "-q", "--answers"])
        .arg(example("one-on-one.yaml"))
        .env("DECIDE_TODAY", "2026-11-12")
        .assert()
        .success();
    let screen = stdout(
        &decide_with(home.path(), data.path())
            .arg("stats")
            .output()
            .unwrap(),
    );
    for expected in [
        "two-way doors  6 days over 2 decisions",
        "! 0002 Decision 2: a two-way door that took 12 days (more than a week)",
        "one-way doors  0 days over 1 decision",
        "0004 Decision 4: to be decided by 2026-11-16, 10 days ago",
        "Review outcomes: 1 held up, 1 changed, 1 reversed",
        "Calibration: not enough data yet (2 of 5 reviewed decisions with a confidence)",
        "Sam: 1 one-on-one, the last one 14 days ago (overdue)",
        "no weeks yet",
    ] {
        assert!(screen.contains(expected), "{expected:?} in:\n{screen}");
    }
    let stats = json(
        &decide_with(home.path(), data.path())
            .args(["stats", "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!(stats["decision_speed"]["two_way"]["median_days"], 6.0);
    assert_eq!(stats["investigations_past_time_box"][0]["days_past"], 10);
    assert_eq!(stats["review_outcomes"]["reversed"], 1);
    assert_eq!(stats["calibration"]["enough"], false);
    assert_eq!(stats["one_on_ones"][0]["overdue"], true);
}

#[test]
fn playbooks_are_grouped_and_a_personal_playbook_is_checked_as_one() {
    let home = tempfile::tempdir().unwrap();
    let listing = stdout(&decide(home.path()).arg("playbooks").output().unwrap());
    let decisions = listing.find("Team decisions").unwrap();
    let messages = listing.find("Messages up and sideways").unwrap();
    let personal = listing.find("Personal coaching").unwrap();
    assert!(decisions < messages && messages < personal, "{listing}");
    for id in PERSONAL {
        let at = listing.find(&format!("  {id} ")).unwrap();
        assert!(at > personal, "{id} is personal coaching: {listing}");
    }
    decide(home.path())
        .args(["playbooks", "show", "one-on-one"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Group: personal"));

    let source =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/playbooks/week.yaml")).unwrap();
    for (change, expected) in [
        (
            source.replace("record:\n  template: week.md\n  title: My week\n", ""),
            "a personal playbook needs a `record:`",
        ),
        (
            source.replace("group: personal", "group: private"),
            "unknown variant `private`",
        ),
        (
            source.replace("group: personal", "group: decisions"),
            "only a personal playbook writes a message `to: yourself`",
        ),
    ] {
        let file = write(home.path(), "mine.yaml", &change);
        decide(home.path())
            .args(["playbooks", "check"])
            .arg(&file)
            .assert()
            .code(4)
            .stderr(predicate::str::contains(expected));
    }
}

#[test]
fn the_boundaries_limits_are_the_lead_s_own() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let crossed = decide_with(home.path(), data.path())
        .args(["new", "--answers"])
        .arg(example("boundaries.yaml"))
        .output()
        .unwrap();
    assert!(
        stderr(&crossed)
            .contains("Responsible doesn't mean always available: 3 boundaries crossed")
    );
    let message = stdout(&crossed);
    assert!(message.starts_with("Hi team,"), "{message}");
    assert!(
        message.contains("unless production is down for customers"),
        "{message}"
    );

    write(
        home.path(),
        ".config/decide/config.yaml",
        "boundaries:\n  after_hours: 20\n  weekend_days: 4\n  vacation_share: 30\n",
    );
    decide_with(home.path(), data.path())
        .args(["new", "--answers"])
        .arg(example("boundaries.yaml"))
        .assert()
        .success()
        .stderr(predicate::str::contains("Within your boundaries"));
    decide_with(home.path(), data.path())
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("boundaries.after_hours"))
        .stdout(predicate::str::contains("20 messages a week"));
}

#[test]
fn a_personal_playbook_is_no_decision_to_supersede() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    decide_with(home.path(), data.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    decide_with(home.path(), data.path())
        .args(["supersede", "1", "--answers"])
        .arg(example("week.yaml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "writes a private journal entry, not a decision to supersede",
        ));
    assert!(entries(&data.path().join("decide/journal")).is_empty());
}

#[test]
fn at_the_terminal_a_refused_follow_up_is_asked_again_and_the_draft_stays_private() {
    use rexpect::reader::Options;
    use rexpect::session::spawn_with_options;

    let repo = git_repo();
    let data = tempfile::tempdir().unwrap();
    let mut command = Process::new(env!("CARGO_BIN_EXE_decide"));
    command
        .args(["new", "--playbook", "one-on-one"])
        .current_dir(repo.path())
        .env("DECIDE_TODAY", crate::support::TODAY)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("HOME", repo.path())
        .env("XDG_DATA_HOME", data.path())
        .env("XDG_STATE_HOME", repo.path().join(".state"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", repo.path().join(".gitconfig-none"))
        .env_remove("DECIDE_JOURNAL_DIR")
        .env_remove("DECIDE_PLAYBOOKS");
    let options = Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(true);
    let mut s = spawn_with_options(command, options).expect("spawn decide in a pty");
    s.exp_string("Who is the one-on-one with?").unwrap();
    s.send_line("Sam").unwrap();
    s.exp_string("First one-on-one with Sam in your journal")
        .unwrap();
    s.exp_string("What will you recognise Sam for?").unwrap();
    s.send_line("the calm incident review").unwrap();
    s.exp_string("What growth topic will you bring up?")
        .unwrap();
    s.send_line("leading the design review").unwrap();
    s.exp_string("What else do you want to raise?").unwrap();
    s.send_line("").unwrap();
    s.exp_string("Any new follow-ups").unwrap();
    s.send_line("Priya: send the doc").unwrap();
    // The error wraps between words at the terminal's 80 columns.
    s.exp_string("who is not in this one-on-one").unwrap();
    s.exp_string("Any new follow-ups").unwrap();
    let journal = data.path().join("decide/journal");
    assert!(
        fs::read_dir(journal.join(".drafts")).unwrap().count() > 0,
        "the answers so far are saved, in the journal"
    );
    assert_eq!(git_status(repo.path()), "", "and not in the repository");
    // The refused answer is typed in again, to correct: Ctrl-U clears it.
    s.send("\x15").unwrap();
    s.send_line("me: book the course").unwrap();
    s.exp_string("Anything to remember for next time?").unwrap();
    s.send_line("").unwrap();
    s.exp_string("One-on-one with Sam: fifteen minutes")
        .unwrap();
    s.exp_eof().unwrap();
    let written = entries(&journal);
    assert_eq!(written.len(), 1);
    let entry = fs::read_to_string(&written[0]).unwrap();
    assert!(entry.contains("* [ ] me: book the course"), "{entry}");
    assert!(!entry.contains("Priya"), "{entry}");
    assert_eq!(git_status(repo.path()), "");
}

/// The body of the first ```console block of `text` that contains `marker`, without its
/// command line.
fn console_block<'a>(text: &'a str, marker: &str) -> &'a str {
    text.split("```console\n")
        .skip(1)
        .map(|block| &block[..block.find("\n```").unwrap()])
        .find(|block| block.contains(marker))
        .and_then(|block| block.split_once('\n'))
        .map(|(_, body)| body)
        .unwrap_or_else(|| panic!("no console block with {marker:?}"))
}

#[test]
fn the_readme_s_agenda_and_chart_are_what_decide_prints() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let run = |answers: &Path, today: &str| {
        let output = decide_with(home.path(), data.path())
            .args(["new", "-q", "--answers"])
            .arg(answers)
            .env("DECIDE_TODAY", today)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    for (day, leader, people, process, coding) in [
        ("2026-11-05", 6, 8, 2, 20),
        ("2026-11-12", 8, 12, 4, 16),
        ("2026-11-19", 10, 14, 6, 10),
    ] {
        let week = write(
            home.path(),
            "week.yaml",
            &format!(
                "playbook: week\nleader_hours: {leader}\npeople_hours: {people}\nprocess_hours: {process}\ncoding_hours: {coding}\nunblocked: [Ana]\n"
            ),
        );
        run(&week, day);
    }
    run(&example("one-on-one.yaml"), "2026-11-12");
    // The answers file the user guide shows for the next one-on-one.
    let next = write(
        home.path(),
        "next.yaml",
        "playbook: one-on-one\nperson: Sam\ndone: [\"me: ask about a conference budget\"]\nrecognise: the three lessons you wrote down, and how you shared them\ngrowth: presenting the billing design at the architecture forum\ntopics: [the ETA for the export ticket]\n",
    );
    let agenda = run(&next, "2026-11-26");
    let chart = run(&example("week.yaml"), "2026-11-26");
    for doc in ["README.md", "docs/user-guide.md"] {
        let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(doc)).unwrap();
        assert_eq!(
            console_block(&text, "One-on-one with Sam").trim_end(),
            agenda.trim_end(),
            "{doc}"
        );
        assert_eq!(
            console_block(&text, "Your last weeks:").trim_end(),
            chart.trim_end(),
            "{doc}"
        );
    }
}
