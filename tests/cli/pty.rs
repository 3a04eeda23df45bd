//! The interactive session in a real pseudo-terminal: typed answers, arrow keys, space and
//! Enter, coaching between questions, and the record it writes.

use std::fs;
use std::path::Path;

use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};

use crate::support::{decide_process, records, repo};

const DOWN: &str = "\x1b[B";
/// Ctrl-U: clear what is typed before the cursor.
const CLEAR_LINE: &str = "\x15";

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
    let mut command = decide_process(cwd);
    command
        .args(args)
        .env("TERM", "xterm")
        .envs(vars.iter().copied());
    spawn_with_options(
        command,
        Options::new()
            .timeout_ms(Some(20_000))
            .strip_ansi_escape_codes(strip_ansi),
    )
    .expect("spawn decide in a pty")
}

/// Waits for `prompt`, then types `line` and Enter.
fn answer(session: &mut PtySession, prompt: &str, line: &str) {
    session.exp_string(prompt).unwrap();
    session.send_line(line).unwrap();
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
        "cp \"$1\" editor-saw.md && printf 'Order events are lost\\nwhen the worker restarts.\\n' >> \"$1\"",
    );
    answer(&mut s, "What are you deciding?", "Pick a message queue");
    s.exp_string("What is the context").unwrap();
    // Written in the editor, which opens on the question and its help as comments.
    s.send_line(":e").unwrap();
    s.exp_string("2 lines from the editor").unwrap();
    let opened = fs::read_to_string(repo.path().join("editor-saw.md")).unwrap();
    assert!(
        opened.starts_with("# What is the context, and what problem does this solve?\n# ")
            && opened.contains("\n# Lines starting with # up here are left out"),
        "{opened}"
    );
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
    // Wrong input is explained and stays to be corrected, not fatal: Ctrl-U clears it.
    s.send_line("soon").unwrap();
    s.exp_string("expected a number and a unit").unwrap();
    s.exp_string("soon").unwrap();
    keys(&mut s, CLEAR_LINE);
    s.send_line("3 days").unwrap();
    // The verdict comes before the next question: that is the coaching.
    s.exp_string("Two-way door: decide fast").unwrap();
    s.exp_string("Does it still feel like a one-way door")
        .unwrap();
    // y chooses, Enter answers, as at every other prompt.
    keys(&mut s, "y\r");
    s.exp_string("masquerading as a one-way door").unwrap();

    s.exp_string("What information do you wish you had?")
        .unwrap();
    s.send_line("peak load; cost; team skills").unwrap();
    s.exp_string("Which of these do you already have?").unwrap();
    keys(&mut s, " ");
    keys(&mut s, DOWN);
    keys(&mut s, " ");
    keys(&mut s, "\r");
    s.exp_string("67% on a two-way door: decide now and check the gaps as assumptions")
        .unwrap();
    // The assumption to check is named with who checks it.
    answer(&mut s, "Who checks team skills?", "Ana");

    answer(&mut s, "Why SQS?", "nobody wants to run brokers");
    s.exp_string("If it doesn't work, we'll switch to").unwrap();
    // The other option is offered as an example, never filled in: a fallback is a
    // promise, so the lead types it.
    answer(&mut s, "RabbitMQ", "RabbitMQ");
    s.exp_string("What changes for people outside the team")
        .unwrap();
    s.send_line("").unwrap();
    s.exp_string("What do you need from people outside the team")
        .unwrap();
    s.send_line("").unwrap();
    s.exp_string("How confident are you that this is right")
        .unwrap();
    s.send_line("120").unwrap();
    s.exp_string("must be at most 99").unwrap();
    // "120" stays, the cursor at its end: three backspaces take it away.
    keys(&mut s, "\x7f\x7f\x7f");
    s.send_line("70").unwrap();
    s.exp_string("What would tell us it was wrong?").unwrap();
    s.send_line("an order event lost in a week").unwrap();
    answer(&mut s, "When could you first see it?", "");
    // Each term stakeholders may not know is asked in plain words, once.
    for term in ["message queue", "SQS", "brokers"] {
        s.exp_string(&format!(
            "How would you say \"{term}\" to someone outside engineering?"
        ))
        .unwrap();
        s.send_line("").unwrap();
    }
    // The review screen settles the choice, the consequences, who decides and the date.
    s.exp_string("Before the record is written").unwrap();
    s.exp_string("Chosen option").unwrap();
    s.exp_string("SQS").unwrap();
    s.exp_string("Write the record").unwrap();
    keys(&mut s, "\r");
    s.exp_string("Wrote docs/decisions/0001-pick-a-message-queue.md")
        .unwrap();
    s.exp_eof().unwrap();

    the_record_says_what_was_answered(repo.path());
}

/// The record the whole decision at the terminal wrote, read back.
fn the_record_says_what_was_answered(repo: &Path) {
    let written = records(&repo.join("docs/decisions"));
    assert_eq!(written.len(), 1);
    let record = fs::read_to_string(&written[0]).unwrap();
    for line in [
        "status: accepted\n",
        "outcome: decided\n",
        "door: two-way\n",
        "information-coverage: 67%\n",
        "confidence: 70%\n",
        "review-by: 2026-12-28\n",
        "Chosen option: \"SQS\", because nobody wants to run brokers.",
        "If it doesn't work, we'll switch to RabbitMQ.",
        "* It was wrong if: an order event lost in a week\n",
        "Order events are lost\nwhen the worker restarts.\n",
        "* Good, because it is managed\n* Bad, because it ties us to AWS\n",
        "* team skills (Ana finds out)\n",
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
    keys(s, "n\r");
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
    s.exp_string("What do you need from people outside the team")
        .unwrap();
    s.send_line("").unwrap();
    s.exp_string("How confident are you").unwrap();
    s.send_line("").unwrap();
    s.exp_string("What would tell us it was wrong?").unwrap();
    s.send_line("").unwrap();
    for term in ["cache", "Redis"] {
        s.exp_string(&format!("How would you say \"{term}\""))
            .unwrap();
        s.send_line("").unwrap();
    }
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

/// A draft answered up to "Which option do you lean towards?", so `decide resume` starts at a
/// list of choices.
fn draft_up_to_the_choice(repo: &std::path::Path) {
    crate::support::write(
        repo,
        ".decide/drafts/20261126-090000-decision-1.yaml",
        "playbook: decision\nstarted: 2026-11-26 09:00\nanswers:\n  title: Pick a cache\n  \
         context: Pages are slow.\n  drivers: [latency]\n  options:\n  - name: Redis\n    \
         pros: [we run it]\n    cons: []\n  - name: Memcached\n    pros: []\n    \
         cons: [nobody knows it]\n  undo_time: 2 days\n  feels_one_way: false\n  wished: []\n",
    );
}

/// The rest of the session once the choice is made, typed, then the record.
fn finish_after_the_choice(s: &mut PtySession, repo: &std::path::Path) {
    s.exp_string("Why Memcached?").unwrap();
    s.send_line("it is small").unwrap();
    s.exp_string("we'll switch to").unwrap();
    s.send_line("Redis").unwrap();
    // Impact, what we need, confidence and the signal are optional.
    for question in [
        "What changes for people outside the team",
        "What do you need from people outside the team",
        "How confident are you",
        "What would tell us it was wrong?",
        "How would you say \"cache\"",
    ] {
        s.exp_string(question).unwrap();
        s.send_line("").unwrap();
    }
    s.exp_string("Ready? [Write the record").unwrap();
    s.send_line("1").unwrap();
    s.exp_string("Wrote docs/decisions/0001-pick-a-cache.md")
        .unwrap();
    s.exp_eof().unwrap();
    match s.process().wait().unwrap() {
        rexpect::process::WaitStatus::Exited(_, code) => assert_eq!(code, 0),
        other => panic!("expected an exit, got {other:?}"),
    }
    let record = fs::read_to_string(repo.join("docs/decisions/0001-pick-a-cache.md")).unwrap();
    assert!(
        record.contains("Chosen option: \"Memcached\", because it is small."),
        "{record}"
    );
}

/// `decide resume` through `sh`, which first runs `setup` on the terminal and prints its
/// process id (`exec` keeps it for decide).
fn resume_after(repo: &std::path::Path, setup: &str) -> (PtySession, String) {
    let mut command = std::process::Command::new("sh");
    command
        .arg("-c")
        .arg(format!("{setup} && echo \"pid=$$.\" && exec \"$0\" resume"))
        .arg(env!("CARGO_BIN_EXE_decide"))
        .current_dir(repo);
    crate::support::clean_environment(&mut command, repo);
    command.env("TERM", "xterm");
    let mut s = spawn_with_options(
        command,
        Options::new()
            .timeout_ms(Some(20_000))
            .strip_ansi_escape_codes(true),
    )
    .unwrap();
    s.exp_string("pid=").unwrap();
    let pid = s.exp_string(".").unwrap();
    (s, pid)
}

/// On a terminal of two rows a list cannot page (dialoguer panics there): the choices
/// are typed instead, by name or number.
#[cfg(unix)]
#[test]
fn a_two_row_terminal_types_its_choices() {
    let repo = repo();
    draft_up_to_the_choice(repo.path());
    let (mut s, _) = resume_after(repo.path(), "stty rows 2 cols 100");
    s.exp_string("Which option do you lean towards? [Redis, Memcached]")
        .unwrap();
    s.send_line("mem").unwrap();
    finish_after_the_choice(&mut s, repo.path());
}

/// A terminal shrunk to one row while a list is shown: the question is asked again as
/// a typed choice, with no panic.
#[cfg(target_os = "linux")]
#[test]
fn shrinking_the_terminal_mid_list_asks_again_typed() {
    let repo = repo();
    draft_up_to_the_choice(repo.path());
    let (mut s, pid) = resume_after(repo.path(), "stty rows 24 cols 100");
    s.exp_string("Which option do you lean towards?").unwrap();
    s.exp_string("Memcached").unwrap();
    // The list's terminal is decide's standard input: resize it from outside, as a window
    // manager would, then press a key so the list draws again.
    let resized = std::process::Command::new("stty")
        .args([
            "-F",
            &format!("/proc/{pid}/fd/0"),
            "rows",
            "1",
            "cols",
            "100",
        ])
        .status()
        .unwrap();
    assert!(resized.success());
    keys(&mut s, DOWN);
    s.exp_string("Which option do you lean towards? [Redis, Memcached]")
        .unwrap();
    s.send_line("2").unwrap();
    finish_after_the_choice(&mut s, repo.path());
}

/// A cloned record's title may carry escape sequences (retitle the window, write the
/// clipboard): on a terminal they are shown as text, never sent.
#[test]
fn escape_sequences_in_a_record_are_shown_not_sent() {
    let repo = repo();
    crate::support::write(
        repo.path(),
        "docs/decisions/0001-x.md",
        "---\nstatus: accepted\ndate: 2026-01-01\n---\n\n# Pick \u{1b}]52;c;cHduZWQ=\u{7}a cache\n",
    );
    let mut s = spawn_raw(repo.path(), &["list"], false);
    let shown = s.exp_eof().unwrap();
    assert!(
        shown.contains("Pick \\u{1b}]52;c;cHduZWQ=\\u{7}a cache"),
        "{shown:?}"
    );
    assert!(!shown.contains('\u{7}'), "{shown:?}");
    let mut s = spawn_raw(repo.path(), &["review", "1"], false);
    let shown = s.exp_string("What happened since the decision?").unwrap();
    assert!(
        shown.contains("Look back at a decision: 1. Pick \\u{1b}]52;c;cHduZWQ=\\u{7}a cache"),
        "{shown:?}"
    );
    assert!(!shown.contains('\u{7}'), "{shown:?}");
    s.send_control('c').unwrap();
    s.exp_eof().unwrap();
}

/// `decide` on a terminal `columns` wide and `rows` high, its output kept whole (escape
/// codes and all) to play onto a [`Screen`].
struct Watched {
    session: PtySession,
    output: String,
}

impl Watched {
    fn spawn(cwd: &std::path::Path, args: &[&str], rows: usize, columns: usize) -> Watched {
        let mut command = std::process::Command::new("sh");
        command
            .arg("-c")
            .arg(format!(
                "stty rows {rows} cols {columns} && exec \"$0\" \"$@\""
            ))
            .arg(env!("CARGO_BIN_EXE_decide"))
            .args(args)
            .current_dir(cwd);
        crate::support::clean_environment(&mut command, cwd);
        command.env("TERM", "xterm");
        let session = spawn_with_options(
            command,
            Options::new()
                .timeout_ms(Some(20_000))
                .strip_ansi_escape_codes(false),
        )
        .expect("spawn decide in a pty");
        Watched {
            session,
            output: String::new(),
        }
    }

    /// Wait for `needle`, then press `keys`.
    fn answer(&mut self, needle: &str, keys: &str) {
        let before = self
            .session
            .exp_string(needle)
            .unwrap_or_else(|e| panic!("{needle:?}: {e}\n{}", self.output));
        self.output.push_str(&before);
        self.output.push_str(needle);
        self.session.send(keys).unwrap();
        self.session.flush().unwrap();
    }

    /// Everything written, once `decide` has ended. rexpect hands over each byte as a
    /// `char`: put the UTF-8 back together.
    fn end(mut self) -> String {
        let rest = self.session.exp_eof().unwrap();
        self.output.push_str(&rest);
        let bytes: Vec<u8> = self
            .output
            .chars()
            .map(|c| u8::try_from(c).expect("one byte per char"))
            .collect();
        String::from_utf8(bytes).expect("decide writes UTF-8")
    }
}

/// The cache decision with a long title, a pros-and-cons line fixed after its error, and
/// an estimate given as a range. The needles are the prompts' first words, which fit on
/// one row at 40 columns, and appear nowhere before their question.
const LONG_CACHE_DECISION: &[(&str, &str)] = &[
    (
        "What are you deciding",
        "Should the orders service move from its own Redis cache to the shared Memcached cluster before the peak season?\r",
    ),
    ("What is the context", "Pages are slow.\r"),
    ("What drives the", "latency; cost\r"),
    ("Which options are", "Redis; Memcached\r"),
    ("Pros and cons of Redis", "we run it\r"),
    // The line stays after its error: Home, then the missing "+".
    ("has neither", "\x1b[H+ \r"),
    ("Pros and cons of Memcached", "- nobody knows it\r"),
    ("Which option do you", "\r"),
    ("If Redis turns out", "3-4 days\r"),
    ("Does it still feel", "n\r"),
    ("What information do", "\r"),
    ("Why Redis?", "we already run it\r"),
    // "If it doesn't work, we'll switch to..." (a quote just before says it too).
    ("to...", "\r"),
    ("What changes for", "\r"),
    ("What do you need", "\r"),
    ("How confident are", "\r"),
    ("What would tell us", "\r"),
    // Plain words for "Redis cache", the cluster and "Redis".
    ("How would you say", "\r"),
    ("cluster", "\r"),
    ("How would you say \"Redis\"", "\r"),
    ("Write the record", "\r"),
];

/// At 40, 60 and 120 columns each answer leaves one `✔` line, its answer wrapped between
/// words onto the rows below, indented under it, when it is longer than the row, and nothing else of the questions stays: no prompt, no help, no
/// error, no answer twice.
#[test]
fn a_clean_screen_at_any_width() {
    // Tall enough that the whole session stays on screen.
    const ROWS: usize = 80;
    for columns in [40, 60, 120] {
        let repo = repo();
        let mut watched = Watched::spawn(repo.path(), &["new"], ROWS, columns);
        for (needle, keys) in LONG_CACHE_DECISION {
            watched.answer(needle, keys);
        }
        let output = watched.end();
        let mut screen = crate::terminal::Screen::new(columns, ROWS);
        screen.play(&output);
        let text = screen.text();
        let lines: Vec<&str> = text.lines().collect();
        let done: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| l.starts_with("✔ "))
            .collect();
        // One line per answer (the pros and cons fixed after their error count once), the
        // review's, then the record written.
        assert_eq!(
            done.len(),
            LONG_CACHE_DECISION.len(),
            "{columns} columns:\n{text}"
        );
        for line in &done[..done.len() - 1] {
            assert!(line.chars().count() < columns, "{columns}: {line:?}");
        }
        let title = done[0];
        assert!(
            title.starts_with("✔ What are you") && title.contains(" · Should the orders"),
            "{title}"
        );
        // What a `✔` line wraps onto goes on under its answer, never back at column 0.
        let first = lines.iter().position(|l| l.starts_with("✔ ")).unwrap();
        for row in lines[first + 1..]
            .iter()
            .take_while(|l| !l.starts_with("✔ ") && !l.is_empty())
        {
            assert!(row.starts_with("  "), "{columns}: {row:?}\n{text}");
        }
        // 112 characters: wrapped between words, never cut.
        assert!(
            !title.ends_with('…') && text.contains("peak season?\n"),
            "{columns}: {title:?}\n{text}"
        );
        assert!(
            done.iter().any(|l| l.contains("4 days (from \"3-4 days\")")
                || (columns < 60 && l.contains("4 days (from"))),
            "the estimate is read back as understood:\n{text}"
        );
        for stale in ["? ", "› ", "✘ ", "  A short title", "(type :back"] {
            assert!(
                !lines.iter().any(|l| l.starts_with(stale)),
                "{columns} columns: {stale:?} left on screen:\n{text}"
            );
        }
        assert!(!text.contains("has neither"), "{text}");
        insta::assert_snapshot!(format!("screen_at_{columns}_columns"), text);
        assert_eq!(records(&repo.path().join("docs/decisions")).len(), 1);
    }
}

/// The cache decision, every kind of question answered: text, a list, options with their
/// pros and cons, a choice, an estimate, yes or no, a multiple choice, a number.
const CACHE_DECISION: &[(&str, &str)] = &[
    ("What are you deciding", "Pick a cache\r"),
    ("What is the context", "Pages are slow.\r"),
    ("What drives the", "latency; cost\r"),
    ("Which options are", "Redis; Memcached\r"),
    ("Pros and cons of Redis", "+ we run it; - memory\r"),
    ("Pros and cons of Memcached", "- nobody knows it\r"),
    ("Which option do you", "\r"),
    ("If Redis turns out", "3-4 days\r"),
    ("Does it still feel", "n\r"),
    ("What information do", "peak load; cost\r"),
    ("Which of these do you", " \r"),
    ("Who checks cost?", "Ana\r"),
    ("Why Redis?", "we already run it\r"),
    ("to...", "\r"),
    ("What changes for", "pages load faster\r"),
    ("What do you need", "\r"),
    ("How confident are", "80\r"),
    ("What would tell us", "p99 above 200 ms\r"),
    ("When could you first", "\r"),
    // Plain words for "cache" and "Redis".
    ("How would you say", "\r"),
    ("How would you say \"Redis\"", "\r"),
    ("Write the record", "\r"),
];

/// Ctrl-C at any prompt of the decision playbook, then `decide resume`, writes the record
/// an uninterrupted session writes, byte for byte: every answer given before the
/// interruption is kept, including each option's pros and cons, and shown again. The
/// interrupted and resumed sessions run at 40, 60 or 120 columns in turn.
#[test]
fn interrupted_at_any_prompt_resume_writes_the_same_record() {
    let path = "docs/decisions/0001-pick-a-cache.md";
    let straight = repo();
    let mut watched = Watched::spawn(straight.path(), &["new"], 40, 120);
    for (needle, keys) in CACHE_DECISION {
        watched.answer(needle, keys);
    }
    watched.end();
    let expected = fs::read_to_string(straight.path().join(path)).unwrap();
    assert!(expected.contains("review-by:"), "{expected}");

    for stop in 1..CACHE_DECISION.len() {
        let columns = [40, 60, 120][stop % 3];
        let repo = repo();
        let mut watched = Watched::spawn(repo.path(), &["new"], 40, columns);
        for (needle, keys) in &CACHE_DECISION[..stop] {
            watched.answer(needle, keys);
        }
        watched.answer(CACHE_DECISION[stop].0, "\x03");
        let interrupted = watched.end();
        assert!(interrupted.contains("decide resume"), "{interrupted}");

        let mut watched = Watched::spawn(repo.path(), &["resume"], 40, columns);
        watched.answer("Your answers so far:", "");
        for (needle, keys) in &CACHE_DECISION[stop..] {
            watched.answer(needle, keys);
        }
        let resumed = watched.end();
        // The recap, up to its blank line, has each option's pros and cons once given.
        let recap = resumed
            .split("Your answers so far:")
            .nth(1)
            .and_then(|after| after.split("\r\n\r\n").next())
            .unwrap_or_default();
        assert_eq!(
            recap.contains("Pros and cons of Redis · 1 pro, 1 con"),
            stop > 4,
            "stopped at {:?}:\n{resumed}",
            CACHE_DECISION[stop].0
        );
        let record = fs::read_to_string(repo.path().join(path))
            .unwrap_or_else(|e| panic!("stopped at {:?}: {e}\n{resumed}", CACHE_DECISION[stop].0));
        assert_eq!(
            record, expected,
            "stopped at {:?}, then resumed",
            CACHE_DECISION[stop].0
        );
    }
}

/// `decide new` with an unfinished draft of the same playbook offers to pick it up: yes
/// goes on from its first unanswered question; no starts afresh and keeps the draft.
#[test]
fn new_offers_to_pick_up_an_unfinished_draft() {
    let repo = repo();
    draft_up_to_the_choice(repo.path());
    let mut s = spawn(repo.path(), &["new"]);
    // At 80 columns the question wraps between words.
    s.exp_string("You have an unfinished draft \"Pick a cache\", started 2026-11-26 09:00, with 7")
        .unwrap();
    s.exp_string("answers. Pick it up? (Y/n)").unwrap();
    // A title typed before the question was read answers nothing: only Enter does.
    keys(&mut s, "Should we");
    s.exp_string("press y or n, then Enter").unwrap();
    keys(&mut s, "n");
    keys(&mut s, "\r");
    s.exp_string(
        "Starting afresh; `decide resume 20261126-090000-decision-1` still picks that draft up.",
    )
    .unwrap();
    s.exp_string("What are you deciding?").unwrap();
    s.send_control('c').unwrap();
    s.exp_eof().unwrap();
    assert!(
        repo.path()
            .join(".decide/drafts/20261126-090000-decision-1.yaml")
            .exists()
    );

    let mut s = spawn(repo.path(), &["new"]);
    s.exp_string("Pick it up?").unwrap();
    keys(&mut s, "\r");
    s.exp_string("Your answers so far:").unwrap();
    s.exp_string("Which option do you lean towards?").unwrap();
    keys(&mut s, DOWN);
    keys(&mut s, "\r");
    s.exp_string("Why Memcached?").unwrap();
    s.send_line("it is small").unwrap();
    // "to...": the quote before the question says "we'll switch to" too.
    for question in [
        "to...",
        "What changes for people outside the team",
        "What do you need from people outside the team",
        "How confident are you",
        "What would tell us it was wrong?",
        "How would you say \"cache\"",
    ] {
        s.exp_string(question).unwrap();
        s.send_line("").unwrap();
    }
    s.exp_string("Write the record").unwrap();
    keys(&mut s, "\r");
    s.exp_string("Wrote docs/decisions/0001-pick-a-cache.md")
        .unwrap();
    s.exp_eof().unwrap();
    assert!(
        !repo
            .path()
            .join(".decide/drafts/20261126-090000-decision-1.yaml")
            .exists(),
        "the draft picked up is finished"
    );
}

/// `:back` goes to the question before with its answer typed in, to keep or change, and
/// the screen keeps one `✔` line per question: the one of the answer that stands.
#[test]
fn going_back_at_the_terminal_keeps_the_answer_and_a_clean_screen() {
    let repo = repo();
    let mut watched = Watched::spawn(repo.path(), &["new"], 50, 60);
    let steps: &[(&str, &str)] = &[
        ("What are you deciding", "Pick a cache\r"),
        ("What is the context", "Pages are slow.\r"),
        ("What drives the", ":back\r"),
        // The context comes back typed in: add to it.
        ("Pages are slow.", " Very.\r"),
        ("What drives the", "latency; cost\r"),
        ("Which options are", "Redis; Memcached\r"),
        ("Pros and cons of Redis", "+ we run it\r"),
        ("Pros and cons of Memcached", ":back\r"),
        ("+ we run it", "; - memory\r"),
        ("Pros and cons of Memcached", "- nobody knows it\r"),
    ];
    for (needle, keys) in steps.iter().chain(&CACHE_DECISION[6..]) {
        watched.answer(needle, keys);
    }
    let output = watched.end();
    let mut screen = crate::terminal::Screen::new(60, 50);
    screen.play(&output);
    let text = screen.text();
    for (prompt, answer) in [
        ("✔ What is the context", "Pages are slow. Very."),
        ("✔ Pros and cons of Redis", "1 pro, 1 con"),
    ] {
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with(prompt)).collect();
        assert_eq!(lines.len(), 1, "{text}");
        assert!(lines[0].ends_with(answer), "{text}");
    }
    let record =
        fs::read_to_string(repo.path().join("docs/decisions/0001-pick-a-cache.md")).unwrap();
    assert!(record.contains("Pages are slow. Very."), "{record}");
    assert!(record.contains("* Bad, because of memory"), "{record}");
}

/// A terminal narrowed from 100 to 40 columns while an answer is being typed: the answer
/// is redrawn at the new width and nothing typed is lost.
#[cfg(target_os = "linux")]
#[test]
fn narrowing_the_terminal_mid_answer_keeps_what_was_typed() {
    let repo = repo();
    draft_up_to_the_choice(repo.path());
    let (mut s, pid) = resume_after(repo.path(), "stty rows 24 cols 100");
    s.exp_string("Which option do you lean towards?").unwrap();
    keys(&mut s, DOWN);
    keys(&mut s, "\r");
    s.exp_string("Why Memcached?").unwrap();
    let reason = "it is small, the team can run it without help, and the pages only need a plain key-value cache";
    keys(&mut s, reason);
    // The answer wraps between words: the row ends after "plain", padded, and
    // "key-value" starts the next.
    s.exp_string("key-value cache").unwrap();
    let resized = std::process::Command::new("stty")
        .args([
            "-F",
            &format!("/proc/{pid}/fd/0"),
            "rows",
            "24",
            "cols",
            "40",
        ])
        .status()
        .unwrap();
    assert!(resized.success());
    // The End key draws the line again, now at 40 columns.
    keys(&mut s, "\x1b[F");
    s.exp_string("Why Memcached?").unwrap();
    keys(&mut s, "\r");
    s.exp_string("to...").unwrap();
    s.send_line("Redis").unwrap();
    for question in [
        "What changes for people",
        "What do you need from people",
        "How confident are you",
        "What would tell us",
        "How would you say \"cache\"",
    ] {
        s.exp_string(question).unwrap();
        s.send_line("").unwrap();
    }
    s.exp_string("Write the record").unwrap();
    keys(&mut s, "\r");
    // At 40 columns the path goes whole to a line of its own.
    s.exp_string("Wrote\r\n  docs/decisions/0001-pick-a-cache.md")
        .unwrap();
    s.exp_eof().unwrap();
    let record =
        fs::read_to_string(repo.path().join("docs/decisions/0001-pick-a-cache.md")).unwrap();
    assert!(
        record.contains(&format!("Chosen option: \"Memcached\", because {reason}.")),
        "{record}"
    );
}

/// After the title the coach shows the decisions of the log about the same things, with
/// how they went; Esc goes back to the title (the records shown go with its `✔` line),
/// and the one marked is linked, both ways.
#[test]
fn the_coach_remembers_related_decisions_and_links_the_one_marked() {
    let repo = repo();
    let log = repo.path().join("docs/decisions");
    crate::support::write(
        &log,
        "0001-cache-product-pages-in-redis.md",
        "# 1. Cache product pages in Redis\n\nDate: 2024-03-01\n\n## Status\n\nAccepted\n\n\
         ## Context\n\nPages are slow.\n\n## Outcome (2025-03-01)\n\n\
         * What happened: pages load in 80 ms\n* Did it hold up: yes\n* What we learnt: x\n",
    );
    crate::support::write(
        &log,
        "0002-hire-a-second-sre.md",
        "# 2. Hire a second SRE\n\nDate: 2024-06-03\n\n## Status\n\nAccepted\n",
    );
    let mut watched = Watched::spawn(repo.path(), &["new"], 50, 100);
    let steps: &[(&str, &str)] = &[
        ("What are you deciding", "Pick a cache\r"),
        ("Link any of them", "\x1b"),
        // The title comes back typed in, and the same records with it.
        ("What are you deciding", "\r"),
        ("Link any of them", " \r"),
    ];
    for (needle, keys) in steps.iter().chain(&CACHE_DECISION[1..]) {
        watched.answer(needle, keys);
    }
    let output = watched.end();
    let mut screen = crate::terminal::Screen::new(100, 50);
    screen.play(&output);
    let text = screen.text();
    for (line, times) in [
        ("✔ What are you deciding? · Pick a cache", 1),
        ("  ▸ The log remembers 1 decision like this one:", 1),
        ("  │ 1. Cache product pages in Redis (accepted; held up)", 1),
        (
            "✔ Link any of them as related? · 1. Cache product pages in Redis",
            1,
        ),
    ] {
        let found = text.lines().filter(|l| l.trim_end() == line).count();
        assert_eq!(found, times, "{line:?} in:\n{text}");
    }
    let record = fs::read_to_string(log.join("0003-pick-a-cache.md")).unwrap();
    assert!(
        record.contains(
            "Relates to [1. Cache product pages in Redis](0001-cache-product-pages-in-redis.md)"
        ),
        "{record}"
    );
    let first = fs::read_to_string(log.join("0001-cache-product-pages-in-redis.md")).unwrap();
    assert!(
        first.contains("Relates to [3. Pick a cache](0003-pick-a-cache.md)"),
        "{first}"
    );
}
