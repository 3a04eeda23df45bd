//! A decision log arrives by `git clone`, so the repository is untrusted input. These tests
//! build hostile repositories and hostile answers and run every command against them,
//! each under a deadline: nothing is read from outside the repository, nothing hangs,
//! nothing panics, and every refusal is one clear line.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use serde_yaml::{Mapping, Value};

use crate::support::{decide_process, example, records, repo, stderr};

/// How long any one command may take before it counts as hung. Commands finish in
/// milliseconds; the margin is for a loaded machine.
const DEADLINE: Duration = Duration::from_secs(30);

/// Run `command` to the end or to the deadline; a command still running then is killed
/// and the test fails.
fn run_with_deadline(mut command: Command, stdin: Option<&[u8]>) -> Output {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawn decide");
    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("stdin");
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            use std::io::Write;
            // decide may stop reading early (a capped read): a closed pipe is expected.
            let _ = pipe.write_all(&bytes);
        })
    });
    // Drain both pipes on threads, so a chatty child never blocks on a full pipe.
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out_pipe, &mut bytes);
        bytes
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err_pipe, &mut bytes);
        bytes
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for decide") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} was still running after {DEADLINE:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    Output {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
    }
}

/// `decide ARGS` in `cwd` under the deadline.
fn run(cwd: &Path, args: &[&str]) -> Output {
    let mut command = decide_process(cwd);
    command.args(args);
    run_with_deadline(command, None)
}

/// Lines with their escapes read back, as a Markdown reader shows them.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The ATX headings of a Markdown text outside code fences, as (level, text read back).
fn headings(markdown: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        for marker in ["```", "~~~"] {
            if trimmed.starts_with(marker) {
                fence = match fence {
                    None => Some(marker),
                    Some(open) if open == marker => None,
                    open => open,
                };
            }
        }
        if fence.is_some() || trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            continue;
        }
        if line.len() - trimmed.len() > 3 {
            continue;
        }
        let level = trimmed.chars().take_while(|&c| c == '#').count();
        let rest = &trimmed[level..];
        if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            continue;
        }
        let text = rest.trim();
        let stripped = text.trim_end_matches('#');
        let text = if stripped.is_empty() || stripped.ends_with([' ', '\t']) {
            stripped.trim_end()
        } else {
            text
        };
        found.push((level, unescape(text)));
    }
    found
}

/// An answer as the playbook keeps a one-line answer: its lines joined by spaces.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn hostile_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("## Outcome (2026-01-01)".to_string()),
        Just("* Next review by: 2099-01-01".to_string()),
        Just("```".to_string()),
        Just("~~~".to_string()),
        Just("<!-- decide:index:end -->".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("---".to_string()),
        Just("===".to_string()),
        Just("| a | b |".to_string()),
        Just("A](0001-x.md) or B".to_string()),
        Just("[x]: https://example.com".to_string()),
        Just("# Title".to_string()),
        Just("1. item".to_string()),
        Just("> quote".to_string()),
        Just("- item".to_string()),
        Just("+ item".to_string()),
        Just("<b>bold</b>".to_string()),
        Just("ends in \\".to_string()),
        Just("Pick C #".to_string()),
        Just("status: rejected".to_string()),
        Just("\t## tabbed".to_string()),
        Just("## Links".to_string()),
        // A blank answer is refused, as it should be; typed text starts with a character.
        "[a-zA-Z0-9][a-zA-Z0-9 ]{0,11}",
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_line(), 1..4).prop_map(|lines| lines.join("\n"))
}

/// The answers of `examples/decision.yaml` with every text answer replaced by hostile text.
#[derive(Debug, Clone)]
struct Hostile {
    title: String,
    context: String,
    items: Vec<String>,
    option_a: String,
    option_b: String,
    because: String,
    fallback: String,
}

fn hostile_answers() -> impl Strategy<Value = Hostile> {
    (
        hostile_text(),
        hostile_text(),
        prop::collection::vec(hostile_text(), 4),
        hostile_text(),
        hostile_text(),
        hostile_text(),
        hostile_text(),
    )
        .prop_map(|(title, context, items, a, b, because, fallback)| Hostile {
            title: format!("T {title}"),
            context,
            items,
            option_a: format!("A {a}"),
            option_b: format!("B {b}"),
            because: format!("{because} end"),
            fallback: format!("{fallback} end"),
        })
}

fn answers_file(hostile: &Hostile) -> String {
    let text: String = fs::read_to_string(example("decision.yaml")).unwrap();
    let Value::Mapping(mut answers) = serde_yaml::from_str::<Value>(&text).unwrap() else {
        panic!("the example is a mapping");
    };
    let list = |items: &[String]| {
        Value::Sequence(items.iter().map(|i| Value::String(i.clone())).collect())
    };
    let option = |name: &str, item: &str| {
        let mut option = Mapping::new();
        option.insert("name".into(), name.into());
        option.insert("pros".into(), list(&[item.to_string()]));
        option.insert("cons".into(), list(&[item.to_string()]));
        Value::Mapping(option)
    };
    let wished: Vec<String> = hostile
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| format!("W{i} {item}"))
        .collect();
    let set = |answers: &mut Mapping, key: &str, value: Value| {
        answers.insert(key.into(), value);
    };
    set(&mut answers, "title", hostile.title.clone().into());
    set(&mut answers, "context", hostile.context.clone().into());
    set(&mut answers, "drivers", list(&hostile.items));
    set(
        &mut answers,
        "options",
        Value::Sequence(vec![
            option(&hostile.option_a, &hostile.items[0]),
            option(&hostile.option_b, &hostile.items[1]),
        ]),
    );
    set(&mut answers, "wished", list(&wished));
    set(&mut answers, "have", list(&wished[..3]));
    set(&mut answers, "could_change", list(&wished[3..]));
    let mut owners = Mapping::new();
    owners.insert(wished[3].clone().into(), hostile.items[0].clone().into());
    set(&mut answers, "owners", Value::Mapping(owners));
    // The translations are of the example's words, which the hostile text replaces.
    answers.remove("plain_words");
    set(&mut answers, "leaning", hostile.option_a.clone().into());
    set(&mut answers, "because", hostile.because.clone().into());
    set(&mut answers, "fallback", hostile.fallback.clone().into());
    set(&mut answers, "consequences", list(&hostile.items));
    set(&mut answers, "decision_makers", list(&hostile.items[..2]));
    serde_yaml::to_string(&Value::Mapping(answers)).unwrap()
}

/// The record the example's own answers make, and its listing: what every hostile run
/// must match apart from the text that was typed.
fn baseline() -> (String, serde_json::Value) {
    let repo = repo();
    let text = fs::read_to_string(example("decision.yaml")).unwrap();
    let Value::Mapping(mut answers) = serde_yaml::from_str::<Value>(&text).unwrap() else {
        panic!("the example is a mapping");
    };
    answers.remove("plain_words");
    // The hostile runs type consequences, which the example leaves to the lead.
    answers.insert(
        "consequences".into(),
        Value::Sequence(vec!["We run one more database".into()]),
    );
    let answers = serde_yaml::to_string(&Value::Mapping(answers)).unwrap();
    let output = run_new(repo.path(), &answers);
    assert!(output.status.success(), "{}", stderr(&output));
    let record = fs::read_to_string(&records(&repo.path().join("docs/decisions"))[0]).unwrap();
    let listing = run(repo.path(), &["list", "--json"]);
    let listing: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
    (record, listing[0].clone())
}

fn run_new(cwd: &Path, answers: &str) -> Output {
    let mut command = decide_process(cwd);
    command.args(["new", "-q", "--answers", "-"]);
    run_with_deadline(command, Some(answers.as_bytes()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Nothing typed changes a record's structure: the record lints clean, lists with the
    /// same status and dates as the example's, reads back the typed title and chosen
    /// option, and has exactly the example's sections.
    #[test]
    fn hostile_answers_never_change_a_records_structure(hostile in hostile_answers()) {
        let (base_record, base_listing) = baseline_once();
        let repo = repo();
        let output = run_new(repo.path(), &answers_file(&hostile));
        prop_assert!(output.status.success(), "{}", stderr(&output));
        let written = records(&repo.path().join("docs/decisions"));
        prop_assert_eq!(written.len(), 1);
        let record = fs::read_to_string(&written[0]).unwrap();

        let lint = run(repo.path(), &["lint"]);
        prop_assert!(lint.status.success(), "{}\n{record}", stderr(&lint));

        let listing = run(repo.path(), &["list", "--json"]);
        let listing: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
        prop_assert_eq!(listing.as_array().map(Vec::len), Some(1));
        let listed = &listing[0];
        let title = one_line(&hostile.title);
        prop_assert_eq!(listed["title"].as_str(), Some(title.as_str()), "{}", record);
        for field in ["number", "status", "date", "door", "review_by", "format"] {
            prop_assert_eq!(&listed[field], &base_listing[field], "{}: {}", field, record);
        }

        let chosen = record
            .lines()
            .find(|line| line.starts_with("Chosen option: "))
            .map(unescape);
        let expected = format!(
            "Chosen option: \"{}\", because {}.",
            one_line(&hostile.option_a),
            one_line(&hostile.because)
        );
        prop_assert_eq!(chosen.as_deref(), Some(expected.as_str()), "{}", record);

        let replaced = |text: &str| match text {
            "Choose the database for the orders service" => one_line(&hostile.title),
            "PostgreSQL" => one_line(&hostile.option_a),
            "MongoDB" => one_line(&hostile.option_b),
            other => other.to_string(),
        };
        let expected: Vec<(usize, String)> = headings(base_record)
            .into_iter()
            .map(|(level, text)| (level, replaced(&text)))
            .collect();
        prop_assert_eq!(headings(&record), expected, "{}", record);
    }
}

/// The baseline is the same for every case: make it once.
fn baseline_once() -> (&'static str, &'static serde_json::Value) {
    static BASELINE: std::sync::OnceLock<(String, serde_json::Value)> = std::sync::OnceLock::new();
    let (record, listing) = BASELINE.get_or_init(baseline);
    (record, listing)
}

/// A review's answers are one bullet each: a typed heading or "Next review by" cannot add
/// an outcome or move the next review.
#[test]
fn hostile_review_answers_stay_in_their_bullets() {
    let repo = repo();
    let answers = fs::read_to_string(example("decision.yaml")).unwrap();
    assert!(run_new(repo.path(), &answers).status.success());
    let mut command = decide_process(repo.path());
    command
        .args(["review", "1", "--answers", "-"])
        .env("DECIDE_TODAY", "2027-03-01");
    let review = "happened: |\n  fine\n  ## Outcome (2099-01-01)\n  * Next review by: 2099-01-01\n\
                  signal_seen: no\nheld_up: yes\nlearnt: \"<!-- hidden\"\nnext_review: 2027-06-01\n";
    let output = run_with_deadline(command, Some(review.as_bytes()));
    assert!(output.status.success(), "{}", stderr(&output));
    let record = fs::read_to_string(&records(&repo.path().join("docs/decisions"))[0]).unwrap();
    let outcomes = headings(&record)
        .into_iter()
        .filter(|(_, text)| text.starts_with("Outcome"))
        .count();
    assert_eq!(outcomes, 1, "{record}");
    let listing = run(repo.path(), &["list", "--json"]);
    let listing: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
    assert_eq!(listing[0]["review_by"], "2027-06-01", "{record}");
    assert!(run(repo.path(), &["lint"]).status.success());
}

/// A repository, a directory outside it holding a secret, and the secret itself: the
/// string that must never appear in anything decide prints or writes.
#[cfg(unix)]
struct Scene {
    repo: tempfile::TempDir,
    outside: tempfile::TempDir,
    answers: tempfile::TempDir,
    secret: String,
}

#[cfg(unix)]
impl Scene {
    fn new() -> Scene {
        let repo = repo();
        let log = repo.path().join("docs/decisions");
        fs::create_dir_all(&log).unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mixed");
        for name in [
            "0001-choose-the-database-for-the-orders-service.md",
            "0002-record-architecture-decisions.md",
            "0003-use-assertj-for-collections.md",
        ] {
            fs::copy(fixtures.join(name), log.join(name)).unwrap();
        }
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let secret = format!("DECIDE-SECRET-{}-{nanos}", std::process::id());
        let outside = tempfile::tempdir().unwrap();
        let write = |name: &str, text: String| {
            let path = outside.path().join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        };
        write(
            "secret.md",
            format!("---\nstatus: accepted\n---\n\n# {secret}\n\n## Context\n\n{secret}\n"),
        );
        write(
            "secret.yaml",
            format!("log_dir: {secret}\ntemplate: {secret}\nterms: [{secret}]\nid: {secret}\n"),
        );
        write(
            "logs/0001-secret.md",
            format!("---\nstatus: accepted\n---\n\n# {secret}\n\n## Context\n\n{secret}\n"),
        );
        write("logs/README.md", format!("{secret}\n"));
        write("templates/decision.md", format!("{secret}\n"));
        let answers = tempfile::tempdir().unwrap();
        fs::write(
            answers.path().join("review.yaml"),
            "happened: fine\nheld_up: yes\nlearnt: little\n",
        )
        .unwrap();
        Scene {
            repo,
            outside,
            answers,
            secret,
        }
    }

    fn root(&self) -> &Path {
        self.repo.path()
    }

    fn secret_file(&self, name: &str) -> PathBuf {
        self.outside.path().join(name)
    }

    /// `link` in the repository, pointing at `target`.
    fn link(&self, link: &str, target: impl AsRef<Path>) {
        let path = self.root().join(link);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let _ = fs::remove_file(&path);
        std::os::unix::fs::symlink(target, path).unwrap();
    }

    fn write(&self, name: &str, text: &str) {
        crate::support::write(self.root(), name, text);
    }

    fn fifo(&self, name: &str) {
        let path = self.root().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let made = Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(made.success());
    }

    /// Every command a user might run in a repository they just cloned.
    fn commands(&self) -> Vec<Vec<String>> {
        let decision = example("decision.yaml").display().to_string();
        let review = self
            .answers
            .path()
            .join("review.yaml")
            .display()
            .to_string();
        let exported = self.answers.path().join("exported").display().to_string();
        [
            "list",
            "list --json",
            "list --due",
            "show 1",
            // Record 5 is a named pipe in one scene: opened, it would never answer.
            "show 5",
            "message 5 --to team",
            "status 5 accepted",
            "lint",
            "graph",
            "site",
            "search database",
            "index --stdout",
            "review",
            "review --check",
            "message 1 --to team",
            "playbooks",
            "playbooks show decision",
            "passages",
            "templates",
            "config",
            "resume --list",
            "new",
            "new --stdout -q --answers DECISION",
            "new -q --answers DECISION",
            "supersede 2 -q --answers DECISION",
            "status 1 deprecated",
            "link 1 Amends 3",
            "review 1 --answers REVIEW",
            "renumber --dry-run",
            "renumber",
            "index",
            "templates export .decide/templates",
            "templates export EXPORTED",
            "init",
            "completions bash",
            "man",
        ]
        .iter()
        .map(|line| {
            line.split(' ')
                .map(|word| match word {
                    "DECISION" => decision.clone(),
                    "REVIEW" => review.clone(),
                    "EXPORTED" => exported.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
    }
}

/// `git ARGS` in `dir`, with the tests' clean environment and a throwaway identity.
#[cfg(unix)]
fn git(dir: &Path, args: &[&str]) {
    let mut command = Command::new("git");
    crate::support::clean_environment(&mut command, dir);
    let status = command
        .args([
            "-c",
            "user.name=Mallory",
            "-c",
            "user.email=mallory@example.com",
        ])
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// A scene whose repository is a `git clone` of one `build` made hostile and committed:
/// the way a hostile log really arrives, links and all.
#[cfg(unix)]
fn cloned(build: fn(&Scene)) -> (Scene, tempfile::TempDir) {
    let mut scene = Scene::new();
    fs::remove_dir_all(scene.root().join(".git")).unwrap();
    git(scene.root(), &["init", "-q"]);
    build(&scene);
    git(scene.root(), &["add", "-A"]);
    git(
        scene.root(),
        &["commit", "-q", "-m", "A helpful decision log"],
    );
    let clone = tempfile::tempdir().unwrap();
    let source = scene.root().display().to_string();
    git(clone.path(), &["clone", "-q", &source, "log"]);
    let source = std::mem::replace(&mut scene.repo, tempfile::tempdir().unwrap());
    fs::remove_dir(scene.repo.path()).unwrap();
    fs::rename(clone.path().join("log"), scene.repo.path()).unwrap();
    (scene, source)
}

#[cfg(unix)]
#[test]
fn a_cloned_hostile_repository_reads_nothing_outside_it() {
    let (scene, _source) = cloned(|s| {
        assert!(
            run(s.root(), &["templates", "export", ".decide/templates"])
                .status
                .success()
        );
        s.link(".decide/templates/footer.md", s.secret_file("secret.md"));
        let mut decision =
            fs::read_to_string(s.root().join(".decide/templates/decision.md")).unwrap();
        decision.push_str("<!-- {% include \"footer.md\" %} -->\n");
        s.write(".decide/templates/decision.md", &decision);
        s.link(".decide/templates/loop", ".");
        s.link(
            ".decide/playbooks/words/jargon.yaml",
            s.secret_file("secret.yaml"),
        );
        s.link(".decide/playbooks/zero.yaml", "/dev/zero");
        s.link("docs/decisions/0004-stolen.md", s.secret_file("secret.md"));
        s.link("docs/decisions/README.md", s.secret_file("logs/README.md"));
    });
    assert!(
        fs::symlink_metadata(scene.root().join(".decide/templates/footer.md"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the clone carries the links"
    );
    check_every_command("a cloned hostile repository", &scene);
}

#[cfg(unix)]
#[test]
fn a_cloned_log_folder_that_leads_outside_is_refused() {
    let (scene, _source) = cloned(|s| {
        fs::remove_dir_all(s.root().join("docs/decisions")).unwrap();
        s.link("docs/decisions", s.secret_file("logs"));
    });
    let output = run(scene.root(), &["list"]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(stderr(&output).contains("outside the repository"));
    check_every_command("a cloned log folder that leads outside", &scene);
}

#[cfg(unix)]
#[test]
fn answers_from_a_device_are_capped() {
    let repo = repo();
    for device in ["/dev/zero", "/dev/urandom"] {
        let output = run(repo.path(), &["new", "--answers", device]);
        assert_eq!(
            output.status.code(),
            Some(3),
            "{device}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("larger than 8 MiB"),
            "{}",
            stderr(&output)
        );
    }
}

/// Every regular file under `dir` with its bytes; links are recorded as links, never
/// followed, and git's own directory is left out.
#[cfg(unix)]
fn files_under(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let kind = entry.file_type().unwrap();
            if path.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_symlink() {
                let target = fs::read_link(&path).unwrap();
                files.insert(path, target.into_os_string().into_encoded_bytes());
            } else if kind.is_file() {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Run every command in the scene's repository and check what no hostile repository may
/// cause: a hang, a panic, a secret in the output or in any file, a write outside, or a
/// refusal that is not one clear line.
#[cfg(unix)]
fn check_every_command(name: &str, scene: &Scene) {
    let outside_before = files_under(scene.outside.path());
    for args in scene.commands() {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(scene.root(), &args);
        let (out, err) = (String::from_utf8_lossy(&output.stdout), stderr(&output));
        let code = output.status.code();
        assert_ne!(code, Some(101), "{name}: {args:?} panicked:\n{err}");
        assert!(code.is_some(), "{name}: {args:?} died of a signal:\n{err}");
        assert!(!err.contains("panicked"), "{name}: {args:?}:\n{err}");
        assert!(
            !out.contains(&scene.secret) && !err.contains(&scene.secret),
            "{name}: {args:?} printed the secret from outside the repository:\n{out}\n{err}"
        );
        if matches!(code, Some(2..=6)) {
            let errors = err.lines().filter(|l| l.starts_with("error:")).count();
            assert_eq!(errors, 1, "{name}: {args:?}: one error line:\n{err}");
        }
    }
    for (path, bytes) in files_under(scene.root()) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(&scene.secret),
            "{name}: {} holds the secret from outside the repository",
            path.display()
        );
    }
    assert_eq!(
        files_under(scene.outside.path()),
        outside_before,
        "{name}: nothing outside the repository changes"
    );
}

/// One test per hostile repository, each built from a fresh scene.
macro_rules! hostile_repositories {
    ($($name:ident: $build:expr;)*) => {
        $(
            #[cfg(unix)]
            #[test]
            fn $name() {
                let scene = Scene::new();
                let build: fn(&Scene) = $build;
                build(&scene);
                check_every_command(stringify!($name), &scene);
            }
        )*
    };
}

hostile_repositories! {
    a_template_includes_a_link_to_a_secret: |s| {
        assert!(run(s.root(), &["templates", "export", ".decide/templates"]).status.success());
        s.link(".decide/templates/footer.md", s.secret_file("secret.md"));
        let mut decision = fs::read_to_string(s.root().join(".decide/templates/decision.md")).unwrap();
        decision.push_str("<!-- {% include \"footer.md\" %} -->\n");
        s.write(".decide/templates/decision.md", &decision);
    };
    a_template_includes_an_absolute_path: |s| {
        assert!(run(s.root(), &["templates", "export", ".decide/templates"]).status.success());
        let mut decision = fs::read_to_string(s.root().join(".decide/templates/decision.md")).unwrap();
        decision.push_str(&format!("{{% include \"{}\" %}}\n", s.secret_file("secret.md").display()));
        s.write(".decide/templates/decision.md", &decision);
    };
    the_config_names_a_template_outside: |s| {
        s.write(".decide.yaml", &format!("template: {}\n", s.secret_file("secret.md").display()));
    };
    the_config_names_a_template_through_a_link: |s| {
        s.link("house.md", s.secret_file("secret.md"));
        s.write(".decide.yaml", "template: house.md\n");
    };
    the_templates_loop_through_links: |s| {
        s.link(".decide/templates/a", ".");
        s.link(".decide/templates/b", ".");
    };
    the_templates_folder_is_a_link_outside: |s| {
        s.link(".decide/templates", s.secret_file("templates"));
    };
    a_template_is_dev_zero: |s| {
        s.link(".decide/templates/decision.md", "/dev/zero");
    };
    a_template_is_a_fifo: |s| {
        s.fifo(".decide/templates/decision.md");
    };
    a_playbook_links_to_a_secret: |s| {
        s.link(".decide/playbooks/stolen.yaml", s.secret_file("secret.yaml"));
    };
    the_playbooks_folder_is_a_link_outside: |s| {
        s.link(".decide/playbooks", s.outside.path());
    };
    the_jargon_list_links_to_a_secret: |s| {
        s.link(".decide/playbooks/words/jargon.yaml", s.secret_file("secret.yaml"));
    };
    the_playbooks_are_dev_zero_and_a_fifo: |s| {
        s.link(".decide/playbooks/zero.yaml", "/dev/zero");
        s.fifo(".decide/playbooks/pipe.yaml");
    };
    the_config_links_to_a_secret: |s| {
        s.link(".decide.yaml", s.secret_file("secret.yaml"));
    };
    the_config_is_dev_zero: |s| {
        s.link(".decide.yaml", "/dev/zero");
    };
    the_config_is_a_fifo: |s| {
        s.fifo(".decide.yaml");
    };
    the_config_nests_brackets: |s| {
        s.write(".decide.yaml", &format!("log_dir: {}\n", "[".repeat(100_000)));
    };
    the_config_names_an_absolute_log_dir: |s| {
        s.write(".decide.yaml", &format!("log_dir: {}\n", s.secret_file("logs").display()));
    };
    adr_dir_climbs_out: |s| {
        let climb = format!("../{}/logs", s.outside.path().file_name().unwrap().to_string_lossy());
        s.write(".adr-dir", &format!("{climb}\n"));
    };
    adr_dir_is_absolute: |s| {
        s.write(".adr-dir", &format!("{}\n", s.secret_file("logs").display()));
    };
    adr_dir_links_to_a_secret: |s| {
        s.link(".adr-dir", s.secret_file("secret.md"));
    };
    the_log_folder_is_a_link_outside: |s| {
        fs::remove_dir_all(s.root().join("docs/decisions")).unwrap();
        s.link("docs/decisions", s.secret_file("logs"));
    };
    a_parent_of_the_log_folder_is_a_link_outside: |s| {
        fs::remove_dir_all(s.root().join("docs")).unwrap();
        s.link("docs", s.outside.path());
        fs::create_dir_all(s.outside.path().join("decisions")).unwrap();
    };
    a_record_links_to_a_secret: |s| {
        s.link("docs/decisions/0004-stolen.md", s.secret_file("secret.md"));
        s.link("docs/decisions/0001-twin.md", s.secret_file("secret.md"));
    };
    the_index_links_to_a_secret: |s| {
        s.link("docs/decisions/README.md", s.secret_file("logs/README.md"));
    };
    a_record_is_dev_zero_or_a_fifo: |s| {
        s.link("docs/decisions/0004-zero.md", "/dev/zero");
        s.fifo("docs/decisions/0005-pipe.md");
    };
    a_record_nests_brackets_in_its_front_matter: |s| {
        s.write(
            "docs/decisions/0004-deep.md",
            &format!("---\nstatus: accepted\nx: {}\n---\n\n# Deep\n", "[".repeat(100_000)),
        );
    };
    a_playbook_nests_braces: |s| {
        s.write(".decide/playbooks/deep.yaml", &format!("id: {}\n", "{".repeat(100_000)));
    };
    a_record_is_all_brackets: |s| {
        // `message` reads the context: searching for `]` afresh from every `[` took the
        // square of its length.
        let brackets = "[".repeat(2_000_000);
        s.write(
            "docs/decisions/0001-choose-the-database-for-the-orders-service.md",
            &format!("---\nstatus: accepted\n---\n\n# Brackets\n\n## Context and Problem Statement\n\n{brackets}\n\n## Decision Outcome\n\nChosen option: \"{brackets}\", because x.\n"),
        );
    };
    a_record_is_huge: |s| {
        s.write(
            "docs/decisions/0004-huge.md",
            &format!("# Huge\n\n{}", "words ".repeat(1_600_000)),
        );
    };
    a_draft_links_to_a_secret: |s| {
        s.link(".decide/drafts/20261126-090000-decision-1.yaml", s.secret_file("secret.yaml"));
    };
    a_record_number_is_the_largest: |s| {
        s.write("docs/decisions/4294967295-last.md", "---\nstatus: accepted\n---\n\n# Last\n");
    };
    a_template_runs_for_ever: |s| {
        s.write(
            ".decide/templates/decision.md",
            "{% for a in range(99999) %}{% for b in range(99999) %}{{ a }}{% endfor %}{% endfor %}",
        );
        s.write(
            ".decide/templates/messages/to-team.txt",
            "{{ 'x' * 1000000000000 }}",
        );
    };
    a_playbook_title_runs_for_ever: |s| {
        let decision = fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks/decision.yaml"),
        )
        .unwrap()
        .replace(
            "title: \"{{ title }}\"",
            "title: \"{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}{{ title }}\"",
        );
        s.write(".decide/playbooks/decision.yaml", &decision);
    };
    the_log_folder_is_a_fifo: |s| {
        fs::remove_dir_all(s.root().join("docs/decisions")).unwrap();
        s.fifo("docs/decisions");
    };
    the_exported_templates_lead_outside: |s| {
        s.link(".decide/templates/messages", s.outside.path());
    };
    the_records_relate_each_to_every_other: |s| {
        // Drawn by layout-rs as it came, twenty records all related to each other took
        // minutes, and a chain of diamonds (each record related to the next two) doubled
        // the time with every diamond.
        for n in 4..=23 {
            let links: String = (4..=23)
                .filter(|other| *other != n)
                .map(|other| format!("* Relates to [{other}]({other:04}-all.md)\n"))
                .collect();
            s.write(
                &format!("docs/decisions/{n:04}-all.md"),
                &format!("---\nstatus: accepted\n---\n\n# All {n}\n\n## Context\n\nx\n\n## More Information\n\n{links}"),
            );
        }
        for n in 100..=280 {
            // 100 tops a diamond of 101 and 102 over 103, which tops the next.
            let next: Vec<usize> = if n % 3 == 1 {
                vec![n + 1, n + 2]
            } else {
                vec![n + (n % 3).max(1)]
            };
            let links: String = next
                .iter()
                .filter(|next| **next <= 280)
                .map(|next| format!("* Relates to [{next}]({next:04}-diamond.md)\n"))
                .collect();
            s.write(
                &format!("docs/decisions/{n:04}-diamond.md"),
                &format!("---\nstatus: accepted\n---\n\n# Diamond {n}\n\n## Context\n\nx\n\n## More Information\n\n{links}"),
            );
        }
    };
}

/// Numbers and dates stay within what a record can hold and read back.
#[test]
fn the_largest_record_number_leaves_no_next_number() {
    let repo = repo();
    crate::support::write(
        repo.path(),
        "docs/decisions/4294967295-last.md",
        "---\nstatus: accepted\n---\n\n# Last\n",
    );
    let output = run_new(
        repo.path(),
        &fs::read_to_string(example("decision.yaml")).unwrap(),
    );
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("leaves no number for a new record"),
        "{}",
        stderr(&output)
    );
    assert_eq!(records(&repo.path().join("docs/decisions")).len(), 1);
    let renumber = run(repo.path(), &["renumber"]);
    assert!(renumber.status.success(), "{}", stderr(&renumber));
}

#[test]
fn the_last_day_of_year_9999_is_written_so_it_reads_back() {
    let repo = repo();
    let mut command = decide_process(repo.path());
    command
        .args(["new", "-q", "--answers", "-"])
        .env("DECIDE_TODAY", "9999-12-31");
    // The signal "in 4 months" would fall after the last day a record can hold.
    let answers = fs::read_to_string(example("decision.yaml"))
        .unwrap()
        .replace("signal_by: in 4 months\n", "");
    let output = run_with_deadline(command, Some(answers.as_bytes()));
    assert!(output.status.success(), "{}", stderr(&output));
    let listing = run(repo.path(), &["list", "--json"]);
    let listing: serde_json::Value = serde_json::from_slice(&listing.stdout).unwrap();
    assert_eq!(listing[0]["date"], "9999-12-31");
    assert_eq!(listing[0]["review_by"], "9999-12-31");
    assert!(run(repo.path(), &["lint"]).status.success());
    let later = run(repo.path(), &["--today", "10000-01-01", "list"]);
    assert_eq!(later.status.code(), Some(2));
    assert!(stderr(&later).contains("expected a date as YYYY-MM-DD"));
}

#[test]
fn a_bare_repository_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("team.git");
    let made = Command::new("git")
        .args(["init", "-q", "--bare"])
        .arg(&bare)
        .status()
        .unwrap();
    assert!(made.success());
    let before: Vec<_> = fs::read_dir(&bare)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for args in [&["init"][..], &["list"], &["index"]] {
        let output = run(&bare, args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("inside the git directory")
                && stderr(&output).contains("run decide in a clone"),
            "{}",
            stderr(&output)
        );
    }
    let output = run_new(
        &bare,
        &fs::read_to_string(example("decision.yaml")).unwrap(),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let after: Vec<_> = fs::read_dir(&bare)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        before.len(),
        after.len(),
        "nothing is written in the git directory"
    );
}

#[test]
fn renumbering_past_the_largest_number_is_refused() {
    let repo = repo();
    for name in ["999999999-last.md", "0001-a.md", "0001-b.md"] {
        crate::support::write(
            repo.path(),
            &format!("docs/decisions/{name}"),
            "---\nstatus: accepted\n---\n\n# T\n",
        );
    }
    let output = run(repo.path(), &["renumber"]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(stderr(&output).contains("leaves no numbers to give duplicates"));
    assert_eq!(records(&repo.path().join("docs/decisions")).len(), 3);
}

/// A repository's playbook of a built-in personal playbook's id cannot make it a team
/// playbook: were it followed, `decide new` would write the lead's one-on-one notes into
/// the repository's log. It is refused, named with its file and the fix, by `new` and by
/// `playbooks check` alike, and nothing is written in the repository; the lead's own
/// `DECIDE_PLAYBOOKS` is held to the same rule.
#[cfg(unix)]
#[test]
fn a_repository_cannot_turn_a_personal_playbook_into_a_team_one() {
    let repo = repo();
    let data = tempfile::tempdir().unwrap();
    let mine = tempfile::tempdir().unwrap();
    let built_in =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks/one-on-one.yaml"))
            .unwrap();
    let message = "message:\n  template: messages/one-on-one.txt\n  to: yourself\n";
    assert!(built_in.contains(message) && built_in.contains("\ngroup: personal\n"));
    let team = built_in
        .replace(message, "")
        .replace("\ngroup: personal\n", "\ngroup: decisions\n");
    crate::support::write(repo.path(), ".decide/playbooks/one-on-one.yaml", &team);
    crate::support::write(mine.path(), "one-on-one.yaml", &team);
    let before = files_under(repo.path());
    let answers = example("one-on-one.yaml").display().to_string();
    let refused = "playbook `one-on-one` is personal coaching, written only to your private journal, and a playbook file cannot make it `group: decisions` (written to the team's log) (hint: keep `group: personal`, or give the playbook an id of its own)";
    let runs: [(&[&str], Option<&Path>, &str); 4] = [
        (
            &["new", "--answers", &answers],
            None,
            ".decide/playbooks/one-on-one.yaml:7:1: ",
        ),
        (
            &["new", "--stdout", "--answers", &answers],
            None,
            ".decide/playbooks/one-on-one.yaml:7:1: ",
        ),
        (
            &["playbooks", "check", ".decide/playbooks/one-on-one.yaml"],
            None,
            ".decide/playbooks/one-on-one.yaml:7:1: ",
        ),
        (
            &["new", "--answers", &answers],
            Some(mine.path()),
            "one-on-one.yaml:7:1: ",
        ),
    ];
    for (args, playbooks, at) in runs {
        let mut command = decide_process(repo.path());
        command.args(args).env("XDG_DATA_HOME", data.path());
        if let Some(dir) = playbooks {
            fs::remove_dir_all(repo.path().join(".decide")).unwrap();
            command.env("DECIDE_PLAYBOOKS", dir);
        }
        let output = run_with_deadline(command, None);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(4), "{args:?}: {err}");
        let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(errors.len(), 1, "{args:?}: one error line:\n{err}");
        assert!(
            errors[0].contains(&format!("{at}{refused}")),
            "{args:?}: {err}"
        );
        assert!(output.stdout.is_empty(), "{args:?}: nothing printed");
    }
    let after = files_under(repo.path());
    let added: Vec<&PathBuf> = after.keys().filter(|p| !before.contains_key(*p)).collect();
    assert!(
        added.is_empty()
            || added
                .iter()
                .all(|p| p.starts_with(repo.path().join(".decide"))),
        "nothing written in the repository: {added:?}"
    );
    assert!(!repo.path().join("docs").exists(), "no log was made");
    assert!(records(&repo.path().join("docs/decisions")).is_empty());
    assert!(
        !data.path().join("decide/journal").exists(),
        "nothing half-written to the journal either"
    );
}

/// A draft of a personal playbook in the repository's drafts came with the repository:
/// resuming it would save the lead's answers there and write the entry to the directory
/// it names. It is refused before anything is asked.
#[cfg(unix)]
#[test]
fn a_personal_draft_in_the_repository_is_not_resumed() {
    let repo = repo();
    crate::support::write(
        repo.path(),
        ".decide/drafts/20261126-090000-one-on-one-1.yaml",
        "playbook: one-on-one\nstarted: 2026-11-26 09:00\ndir: docs/decisions\nanswers:\n  person: Sam\n",
    );
    let before = files_under(repo.path());
    let output = run(repo.path(), &["resume", "20261126-090000-one-on-one-1"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].contains("20261126-090000-one-on-one-1.yaml is in the repository, and playbook `one-on-one` is private: its answers go only to your journal (hint: remove the draft, and start afresh with `decide new --playbook one-on-one`)"),
        "{err}"
    );
    assert_eq!(files_under(repo.path()), before, "nothing written");
}

/// The repository's `.decide/templates` and `.decide/playbooks` (and `.decide` itself)
/// must be directories, not links: a link to a directory outside (a home directory, say)
/// is refused with one line naming the link, and nothing inside the place it leads to is
/// read, listed or named.
#[cfg(unix)]
#[test]
fn linked_template_and_playbook_folders_are_refused_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    let inside_name = "PRIVATE-NAME-FROM-OUTSIDE";
    crate::support::write(outside.path(), &format!("{inside_name}.md"), "# x\n");
    crate::support::write(outside.path(), &format!("{inside_name}.yaml"), "id: x\n");
    crate::support::write(
        outside.path(),
        &format!("templates/{inside_name}.md"),
        "# x\n",
    );
    fs::create_dir(outside.path().join(format!("{inside_name}-dir"))).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join(format!("{inside_name}-dir")),
        outside.path().join(format!("{inside_name}-link")),
    )
    .unwrap();
    let answers = example("decision.yaml").display().to_string();
    let cases = [
        (".decide/templates", ".decide/templates"),
        (".decide/playbooks", ".decide/playbooks"),
        (".decide/playbooks/templates", ".decide/playbooks/templates"),
        (".decide", ".decide"),
    ];
    for (link, refused) in cases {
        let repo = repo();
        let path = repo.path().join(link);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(outside.path(), &path).unwrap();
        for args in [
            &["templates"][..],
            &["playbooks"],
            &["new", "--stdout", "-q", "--answers", &answers],
        ] {
            let output = run(repo.path(), args);
            let (out, err) = (String::from_utf8_lossy(&output.stdout), stderr(&output));
            assert!(
                !out.contains(inside_name) && !err.contains(inside_name),
                "{link}: {args:?} named a file from where the link leads:\n{out}\n{err}"
            );
            let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
            assert_eq!(errors.len(), 1, "{link}: {args:?}: one error line:\n{err}");
            assert_eq!(output.status.code(), Some(5), "{link}: {args:?}: {err}");
            assert!(
                errors[0].contains(&format!(
                    "{}: could not list: it is a symbolic link, and decide does not follow linked directories (hint: replace the link with the directory itself)",
                    repo.path().join(refused).display()
                )),
                "{link}: {args:?}: {err}"
            );
        }
    }
}

/// Text a cloned repository wrote reaches a terminal shown, never obeyed: a title that
/// would hide itself (`ESC[8m`) or reverse itself (U+202E) prints its codes as text in
/// every command that shows records, whatever the colour setting. decide's own colour
/// still works, and `NO_COLOR` still turns it off.
#[cfg(unix)]
#[test]
fn escape_sequences_and_bidi_overrides_from_a_repository_are_shown_at_a_terminal() {
    use rexpect::reader::Options;
    use rexpect::session::spawn_with_options;

    let repo = repo();
    let title = "Use \u{1b}[8mHIDDEN\u{1b}[0m caches \u{202e}gnp.exe";
    // `message` starts the title in lower case, mid-sentence.
    let shown = "se \\u{1b}[8mHIDDEN\\u{1b}[0m caches \\u{202e}gnp.exe";
    crate::support::write(
        repo.path(),
        "docs/decisions/0001-use-caches.md",
        &format!(
            "---\nstatus: accepted\ndate: 2026-01-01\nreview-by: 2026-02-01\n---\n\n# {title}\n\n## Context and Problem Statement\n\nPages are slow.\n\n## Decision Outcome\n\nChosen option: \"Redis\", because it is fast.\n"
        ),
    );
    let playbook =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks/decision.yaml"))
            .unwrap()
            .lines()
            .map(|line| match line.split_once(": ") {
                Some(("id", _)) => "id: sneaky".to_string(),
                Some((key @ ("title" | "summary"), _)) => {
                    format!("{key}: \"Sneaky \\e[8mHIDDEN\\e[0m\"")
                }
                _ => line.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
    crate::support::write(repo.path(), ".decide/playbooks/sneaky.yaml", &playbook);
    let at_terminal = |args: &[&str], vars: &[(&str, &str)]| -> String {
        let mut command = decide_process(repo.path());
        command
            .args(args)
            .env("TERM", "xterm")
            .envs(vars.iter().copied());
        let mut session = spawn_with_options(
            command,
            Options::new()
                .timeout_ms(Some(20_000))
                .strip_ansi_escape_codes(false),
        )
        .expect("spawn decide in a pty");
        session.exp_eof().expect("decide finishes")
    };
    for args in [
        &["list"][..],
        &["show", "1"],
        &["search", "caches"],
        &["graph"],
        &["review"],
        &["message", "1", "--to", "team"],
        &["list", "--color", "always"],
    ] {
        let output = at_terminal(args, &[]);
        assert!(
            output.contains(shown),
            "{args:?} shows the codes:\n{output:?}"
        );
        assert!(!output.contains("\u{1b}[8m"), "{args:?}: {output:?}");
        assert!(!output.contains('\u{202e}'), "{args:?}: {output:?}");
    }
    // decide's own bold heading is sent with --color always, the playbook's codes are not.
    let coloured = at_terminal(&["playbooks", "show", "sneaky", "--color", "always"], &[]);
    assert!(
        coloured.contains("\u{1b}[1mSneaky \\u{1b}[8mHIDDEN\\u{1b}[0m\u{1b}[0m"),
        "{coloured:?}"
    );
    assert!(!coloured.contains("\u{1b}[8m"), "{coloured:?}");
    // NO_COLOR (set for every test) leaves no escape code at all at a terminal.
    for args in [&["playbooks"][..], &["playbooks", "show", "sneaky"]] {
        let plain = at_terminal(args, &[]);
        assert!(plain.contains("Sneaky \\u{1b}[8mHIDDEN"), "{plain:?}");
        assert!(!plain.contains('\u{1b}'), "{args:?}: {plain:?}");
    }
    let forced = at_terminal(&["playbooks"], &[("NO_COLOR", ""), ("CLICOLOR_FORCE", "1")]);
    assert!(forced.contains("\u{1b}[1mTeam decisions"), "{forced:?}");
}

/// A site's marker (`.decide-site`, the files the last build wrote) may come with the
/// repository, and its `site_dir` may be the repository itself: the marker then names
/// files decide never wrote (a record, git's own files, the lead's uncommitted notes).
/// A rebuild removes only pages of the site's own shape that it no longer writes; every
/// other file the marker names is left as it was.
#[test]
fn a_site_marker_from_the_repository_removes_only_old_pages_of_the_site() {
    let repo = repo();
    let log = repo.path().join("docs/decisions");
    fs::create_dir_all(&log).unwrap();
    let record = "0001-choose-the-database-for-the-orders-service.md";
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/mixed")
            .join(record),
        log.join(record),
    )
    .unwrap();
    let kept = [
        "notes.txt".to_string(),
        ".git/HEAD".to_string(),
        "src/lib.rs".to_string(),
        "records/notes.txt".to_string(),
        "assets/logo.png".to_string(),
        format!("docs/decisions/{record}"),
    ];
    for name in &kept[..5] {
        crate::support::write(repo.path(), name, "the lead's own work\n");
    }
    crate::support::write(
        repo.path(),
        "records/0009-gone.html",
        "<p>an old page</p>\n",
    );
    crate::support::write(repo.path(), ".decide.yaml", "site_dir: .\n");
    let mut marker = kept.join("\n");
    marker.push_str("\nrecords/0009-gone.html\n");
    crate::support::write(repo.path(), ".decide-site", &marker);
    let output = run(repo.path(), &["site"]);
    assert!(output.status.success(), "{}", stderr(&output));
    for name in &kept {
        assert!(
            repo.path().join(name).is_file(),
            "{name} was removed by the site's rebuild"
        );
    }
    assert!(
        !repo.path().join("records/0009-gone.html").exists(),
        "a page of a record that is gone is still removed"
    );
    assert!(repo.path().join("index.html").is_file());
}

/// A file name may hold a line break, and every diagnostic is one line: a name cannot
/// split one into two and forge the second (a finding of its own, or a GitHub Actions
/// workflow command such as `::error::`, read from both stdout and stderr of a CI step).
#[cfg(unix)]
#[test]
fn a_line_break_in_a_file_name_cannot_forge_a_line_of_output() {
    let repo = repo();
    let log = repo.path().join("docs/decisions");
    for name in [
        "0001-a\n::error::forged.md",
        "0002-b\r::error::forged.md",
        "0003-c\u{2028}::error::forged.md",
    ] {
        crate::support::write(&log, name, "no heading\n");
    }
    crate::support::write(
        &log,
        "0004-overdue\n::error::forged.md",
        "---\nstatus: accepted\ndate: 2020-01-01\nreview-by: 2020-02-01\n---\n\n# Overdue\n",
    );
    for args in [
        &["lint"][..],
        &["lint", "--format", "github"],
        &["review", "--check", "--format", "github"],
        &["review", "--check"],
        &["list"],
        &["index", "--stdout"],
        &["graph"],
        &["show", "4"],
    ] {
        let output = run(repo.path(), args);
        let (out, err) = (String::from_utf8_lossy(&output.stdout), stderr(&output));
        let forged = |text: &str| {
            text.split(['\n', '\r', '\u{2028}'])
                .any(|line| line.starts_with("::error::forged"))
        };
        // `show`, `graph` and `index` print data (the record, the graph, the table with
        // its links to the files as they are named); only their diagnostics count.
        let data = matches!(args[0], "show" | "graph" | "index");
        assert!(
            (data || !forged(&out)) && !forged(&err),
            "{args:?} printed a line a file name forged:\n{out}\n{err}"
        );
        if args == ["lint"] {
            assert!(
                out.lines().all(|line| line.starts_with("docs/decisions/")),
                "one finding per line:\n{out}"
            );
        }
    }
}
