//! The interactive session in a real pseudo-terminal: typed answers, arrow keys, space and
//! Enter, coaching between questions, and the record it writes.

use std::fs;
use std::process::Command;

use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};

use crate::support::{TODAY, records, repo};

const DOWN: &str = "\x1b[B";

fn spawn(cwd: &std::path::Path, args: &[&str]) -> PtySession {
    spawn_raw(cwd, args, true)
}

/// `decide` with `EDITOR` set to a shell script (`$1` is the file to write).
fn spawn_with_editor(cwd: &std::path::Path, args: &[&str], script: &str) -> PtySession {
    let editor = format!("sh -c '{}' editor", script.replace('\'', "'\\''"));
    spawn_env(cwd, args, true, &[("EDITOR", editor.as_str())])
}

fn spawn_raw(cwd: &std::path::Path, args: &[&str], strip_ansi: bool) -> PtySession {
    spawn_env(cwd, args, strip_ansi, &[])
}

fn spawn_env(
    cwd: &std::path::Path,
    args: &[&str],
    strip_ansi: bool,
    vars: &[(&str, &str)],
) -> PtySession {
    let mut command = Command::new(env!("CARGO_BIN_EXE_decide"));
    command
        .args(args)
        .current_dir(cwd)
        .env("DECIDE_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("HOME", cwd)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", cwd.join(".gitconfig-none"))
        .env_remove("DECIDE_PLAYBOOKS")
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .envs(vars.iter().copied());
    spawn_with_options(
        command,
        Options::new()
            .timeout_ms(Some(20_000))
            .strip_ansi_escape_codes(strip_ansi),
    )
    .expect("spawn decide in a pty")
}

fn keys(session: &mut PtySession, keys: &str) {
    session.send(keys).unwrap();
    session.flush().unwrap();
}

#[test]
fn a_whole_decision_at_the_terminal() {
    let repo = repo();
    let mut s = spawn_with_editor(
        repo.path(),
        &["new"],
        "printf 'Order events are lost\\nwhen the worker restarts.\\n' > \"$1\"",
    );
    s.exp_string("What are you deciding?").unwrap();
    s.send_line("Pick a message queue").unwrap();
    s.exp_string("What is the context").unwrap();
    s.send_line("Order events are lost when the worker restarts.")
        .unwrap();
    s.exp_string("What drives the decision?").unwrap();
    s.send_line("no lost events; little ops work").unwrap();
    s.exp_string("Which options are you considering?").unwrap();
    s.send_line("RabbitMQ; SQS").unwrap();
    s.exp_string("Pros and cons of RabbitMQ").unwrap();
    s.send_line("+ we know it; - we would run it").unwrap();
    s.exp_string("Pros and cons of SQS").unwrap();
    s.send_line("+ managed; - ties us to AWS").unwrap();

    // Lean first: the door test is about that option.
    s.exp_string("Which option do you lean towards?").unwrap();
    keys(&mut s, DOWN);
    keys(&mut s, "\r");
    s.exp_string("If SQS turns out to be wrong, how long would it take to undo?")
        .unwrap();
    // Wrong input is explained and asked again, not fatal.
    s.send_line("soon").unwrap();
    s.exp_string("expected a number and a unit").unwrap();
    s.send_line("3 days").unwrap();
    // The verdict comes before the next question: that is the coaching.
    s.exp_string("Two-way door: decide fast").unwrap();
    s.exp_string("Does it still feel like a one-way door")
        .unwrap();
    keys(&mut s, "y");
    s.exp_string("masquerading as a one-way door").unwrap();

    s.exp_string("What information do you wish you had?")
        .unwrap();
    s.send_line("peak load; cost; team skills").unwrap();
    s.exp_string("Which of these do you already have?").unwrap();
    keys(&mut s, " ");
    keys(&mut s, DOWN);
    keys(&mut s, " ");
    keys(&mut s, "\r");
    s.exp_string("66% on a two-way door: decide now and check the gaps as assumptions")
        .unwrap();

    s.exp_string("Why SQS?").unwrap();
    s.send_line("nobody wants to run brokers").unwrap();
    s.exp_string("If it doesn't work, we'll switch to").unwrap();
    // The default is the other option.
    s.exp_string("RabbitMQ").unwrap();
    s.send_line("").unwrap();
    s.exp_string("What changes for people outside the team")
        .unwrap();
    s.send_line("").unwrap();
    s.exp_string("How confident are you that this is right")
        .unwrap();
    s.send_line("120").unwrap();
    s.exp_string("99").unwrap();
    s.send_line("70").unwrap();
    s.exp_string("What would tell us it was wrong?").unwrap();
    s.send_line("an order event lost in a week").unwrap();
    // The review screen settles the choice, the consequences, who decides and the date.
    s.exp_string("Before the record is written").unwrap();
    s.exp_string("Chosen option").unwrap();
    s.exp_string("SQS").unwrap();
    s.exp_string("Write the record").unwrap();
    keys(&mut s, "\r");
    s.exp_string("Wrote docs/decisions/0001-pick-a-message-queue.md")
        .unwrap();
    s.exp_eof().unwrap();

    let written = records(&repo.path().join("docs/decisions"));
    assert_eq!(written.len(), 1);
    let record = fs::read_to_string(&written[0]).unwrap();
    for line in [
        "status: accepted\n",
        "outcome: decided\n",
        "door: two-way\n",
        "information-coverage: 66%\n",
        "confidence: 70%\n",
        "review-by: 2026-12-28\n",
        "Chosen option: \"SQS\", because nobody wants to run brokers.",
        "If it doesn't work, we'll switch to RabbitMQ.",
        "* It was wrong if: an order event lost in a week\n",
        "* Good, because managed\n* Bad, because ties us to AWS\n",
        "Two-way door masquerading as a one-way door",
        "* The option weighed: SQS\n",
        "Assumed, to check: team skills",
        "> Most decisions are two-way doors masquerading as one-way doors.",
    ] {
        assert!(record.contains(line), "{line:?} in:\n{record}");
    }
    assert!(!record.contains("### Impact Outside the Team"), "{record}");
}

/// From the option leaned towards to the written record: a decision on a cache, the same
/// keys whether the session ran through or was resumed.
fn finish_the_cache_decision(s: &mut PtySession) {
    s.exp_string("If Redis turns out to be wrong, how long would it take to undo?")
        .unwrap();
    s.send_line("2 days").unwrap();
    s.exp_string("Does it still feel like a one-way door")
        .unwrap();
    keys(s, "n");
    s.exp_string("What information do you wish you had?")
        .unwrap();
    s.send_line("").unwrap();
    s.exp_string("Why Redis?").unwrap();
    s.send_line("we already run it").unwrap();
    s.exp_string("we'll switch to").unwrap();
    s.send_line("").unwrap();
    s.exp_string("What changes for people outside the team")
        .unwrap();
    s.send_line("pages load faster").unwrap();
    s.exp_string("How confident are you").unwrap();
    s.send_line("").unwrap();
    s.exp_string("What would tell us it was wrong?").unwrap();
    s.send_line("").unwrap();
    s.exp_string("Write the record").unwrap();
    keys(s, "\r");
    s.exp_string("Wrote docs/decisions/0001-pick-a-cache.md")
        .unwrap();
    s.exp_eof().unwrap();
}

/// The first questions of the cache decision, up to the option leaned towards.
fn start_the_cache_decision(s: &mut PtySession) {
    s.exp_string("What are you deciding?").unwrap();
    s.send_line("Pick a cache").unwrap();
    s.exp_string("What is the context").unwrap();
    s.send_line("Pages are slow.").unwrap();
    s.exp_string("What drives the decision?").unwrap();
    s.send_line("latency; cost").unwrap();
    s.exp_string("Which options are you considering?").unwrap();
    s.send_line("Redis; Memcached").unwrap();
    s.exp_string("Pros and cons of Redis").unwrap();
    s.send_line("+ we run it").unwrap();
    s.exp_string("Pros and cons of Memcached").unwrap();
    s.send_line("- nobody knows it").unwrap();
    s.exp_string("Which option do you lean towards?").unwrap();
}

#[test]
fn ctrl_c_keeps_every_answer_and_resume_finishes_the_record() {
    // The record of the same answers given in one go, to compare with.
    let straight = repo();
    let mut s = spawn(straight.path(), &["new"]);
    start_the_cache_decision(&mut s);
    keys(&mut s, "\r");
    finish_the_cache_decision(&mut s);
    let expected =
        fs::read_to_string(straight.path().join("docs/decisions/0001-pick-a-cache.md")).unwrap();

    let repo = repo();
    // Keep the escape codes: the cursor, hidden by the choice, must be shown after Ctrl-C.
    let mut s = spawn_raw(repo.path(), &["new"], false);
    start_the_cache_decision(&mut s);
    s.send_control('c').unwrap();
    let rest = s.exp_string("decide resume").unwrap();
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    s.exp_eof().unwrap();
    match s.process().wait().unwrap() {
        rexpect::process::WaitStatus::Exited(_, code) => assert_eq!(code, 130, "Ctrl-C exits 130"),
        other => panic!("expected an exit, got {other:?}"),
    }
    assert!(
        records(&repo.path().join("docs/decisions")).is_empty(),
        "no record yet"
    );

    let drafts: Vec<_> = fs::read_dir(repo.path().join(".decide/drafts"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    assert_eq!(drafts.len(), 1);
    let draft = fs::read_to_string(&drafts[0]).unwrap();
    assert!(
        draft.contains("title: Pick a cache")
            && draft.contains("- latency")
            && draft.contains("Memcached")
            && !draft.contains("leaning"),
        "every answer given, and only those: {draft}"
    );

    // Interrupted again before any new answer: the draft is still the way back.
    let mut s = spawn(repo.path(), &["resume"]);
    s.exp_string("Which option do you lean towards?").unwrap();
    s.send_control('c').unwrap();
    s.exp_string("Your answers so far are saved in").unwrap();
    s.exp_string("run `decide resume` to continue").unwrap();
    s.exp_eof().unwrap();
    assert!(drafts[0].exists(), "the draft survives a second Ctrl-C");

    let mut s = spawn(repo.path(), &["resume"]);
    // The first unanswered question, not the first question.
    s.exp_string("Which option do you lean towards?").unwrap();
    keys(&mut s, "\r");
    finish_the_cache_decision(&mut s);

    let record =
        fs::read_to_string(repo.path().join("docs/decisions/0001-pick-a-cache.md")).unwrap();
    assert_eq!(
        record, expected,
        "the resumed record is the one an uninterrupted session writes"
    );
    assert!(
        record.contains("# Pick a cache")
            && record.contains("Pages are slow.")
            && record.contains("* latency")
            && record.contains("Chosen option: \"Redis\", because we already run it."),
        "{record}"
    );
    assert!(!drafts[0].exists(), "a finished record removes its draft");
}
