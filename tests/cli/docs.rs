//! The documentation tells the truth: the README's excerpts are what `decide` writes, the
//! project's own decisions are reproducible with `decide`, and every passage quoted in the
//! docs is word for word from the passage library.

use std::fs;
use std::path::Path;

use crate::support::{TODAY, decide, example, repo, stderr, stdout};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(ROOT).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The body of the first fenced block in `text` that starts with `fence` and contains `marker`.
fn fenced<'a>(text: &'a str, fence: &str, marker: &str) -> &'a str {
    let mut rest = text;
    while let Some(start) = rest.find(fence) {
        let body_start = start + fence.len() + 1;
        let body_end = body_start + rest[body_start..].find("\n```").unwrap();
        let body = &rest[body_start..body_end];
        if body.contains(marker) {
            return body;
        }
        rest = &rest[body_end..];
    }
    panic!("no {fence} block containing {marker:?}");
}

#[test]
fn the_readme_record_excerpt_is_from_a_real_record() {
    let repo = repo();
    let record = stdout(
        &decide(repo.path())
            .args(["new", "-q", "--stdout", "--answers"])
            .arg(example("decision.yaml"))
            .output()
            .unwrap(),
    );
    let readme = read("README.md");
    let excerpt = fenced(
        &readme,
        "```markdown",
        "# Choose the database for the orders service",
    );
    for line in excerpt.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            record.lines().any(|r| r == line),
            "README line not in the record: {line}"
        );
    }
}

#[test]
fn the_readme_message_is_what_the_tech_debt_playbook_prints() {
    let repo = repo();
    let message = stdout(
        &decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example("tech-debt.yaml"))
            .output()
            .unwrap(),
    );
    let readme = read("README.md");
    assert_eq!(
        fenced(&readme, "```text", "Hi Maria").trim_end(),
        message.trim_end()
    );
}

#[test]
fn the_readme_session_is_what_decide_new_prints() {
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    let readme = read("README.md");
    let shown = fenced(
        &readme,
        "```console",
        "$ decide new --answers examples/decision.yaml",
    );
    let (_, printed) = shown.split_once('\n').unwrap();
    assert_eq!(printed.trim(), stderr(&output).trim());
}

/// Words in a message's body: the greeting ("Hi Sam,") aside.
fn body_words(message: &str) -> usize {
    let body = message
        .split_once("\n\n")
        .filter(|(first, _)| first.starts_with("Hi "))
        .map_or(message, |(_, rest)| rest);
    body.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[test]
fn the_readme_stakeholder_messages_are_real_and_at_most_sixty_words() {
    let readme = read("README.md");
    for (answers, marker) in [
        (
            "decision.yaml",
            "We've chosen the system that billing already uses",
        ),
        ("proposal.yaml", "We'll choose the search service"),
    ] {
        let repo = repo();
        decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example(answers))
            .assert()
            .success();
        let message = stdout(
            &decide(repo.path())
                .args(["message", "1", "--to", "stakeholders", "--name", "Sam"])
                .output()
                .unwrap(),
        );
        let shown = fenced(&readme, "```text", marker);
        assert_eq!(shown.trim_end(), message.trim_end(), "{answers}");
        assert!(body_words(&message) <= 60, "{answers}: {message}");
    }
}

/// The README's proposal is the record of `examples/proposal.yaml`, and the answers it shows
/// for `decide review` finish it as the README says.
#[test]
fn the_readme_proposal_and_its_finishing_are_real() {
    let repo = repo();
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example("proposal.yaml"))
        .assert()
        .success();
    let path = crate::support::records(&repo.path().join("docs/decisions"))
        .pop()
        .unwrap();
    let readme = read("README.md");
    let in_record = |excerpt: &str, record: &str| {
        for line in excerpt.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                record.lines().any(|r| r == line),
                "README line not in the record: {line}\n{record}"
            );
        }
    };
    in_record(
        fenced(&readme, "```markdown", "Proposed option: \"Searchly\""),
        &fs::read_to_string(&path).unwrap(),
    );
    let answers = crate::support::write(
        repo.path(),
        "finish.yaml",
        fenced(&readme, "```yaml", "chosen: Searchly"),
    );
    let output = decide(repo.path())
        .args(["--today", "2026-12-10", "review", "1", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let finished = fs::read_to_string(&path).unwrap();
    in_record(
        fenced(&readme, "```markdown", "## Proposal Finished"),
        &finished,
    );
    assert!(
        finished.contains("status: accepted\n") && finished.contains("outcome: decided\n"),
        "{finished}"
    );
}

/// The `$ decide ...` commands of a console block and what each printed.
fn commands(block: &str) -> Vec<(Vec<String>, String)> {
    let mut out: Vec<(Vec<String>, String)> = Vec::new();
    for line in block.lines() {
        if let Some(command) = line.strip_prefix("$ decide ") {
            out.push((
                command.split_whitespace().map(str::to_string).collect(),
                String::new(),
            ));
        } else if let Some((_, printed)) = out.last_mut() {
            printed.push_str(line);
            printed.push('\n');
        }
    }
    out
}

/// The user guide's messages from a decision and from a proposal are what `decide message`
/// prints, and its excerpt of the decision record is from the real record.
#[test]
fn the_user_guide_messages_and_record_are_real() {
    let guide = read("docs/user-guide.md");
    for (answers, marker) in [
        (
            "decision.yaml",
            "We've chosen the system that billing already uses",
        ),
        ("decision.yaml", "We've chosen PostgreSQL as the database"),
        ("proposal.yaml", "We'll choose the search service"),
    ] {
        let repo = repo();
        decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example(answers))
            .assert()
            .success();
        let block = fenced(&guide, "```console", marker);
        let shown = commands(block);
        assert!(!shown.is_empty(), "{answers}");
        for (args, printed) in shown {
            let output = decide(repo.path()).args(&args).output().unwrap();
            assert_eq!(printed, stdout(&output), "{answers}: decide {args:?}");
        }
    }
    let repo = repo();
    let record = stdout(
        &decide(repo.path())
            .args(["new", "-q", "--stdout", "--answers"])
            .arg(example("decision.yaml"))
            .output()
            .unwrap(),
    );
    let excerpt = fenced(&guide, "```markdown", "information-coverage: 75%");
    for line in excerpt
        .lines()
        .filter(|l| !l.trim().is_empty() && *l != "...")
    {
        assert!(
            record.lines().any(|r| r == line),
            "user guide line not in the record: {line}"
        );
    }
}

/// A record as `decide new` wrote it, before `decide supersede` linked it: without the
/// links section supersede adds (`* Supersedes […]`, `* Superseded by […]`), and the
/// superseded record with the status it had.
fn as_written_new(text: &str) -> String {
    let Some(start) = text.find("## Links\n\n") else {
        return text.to_string();
    };
    let body = &text[start + "## Links\n\n".len()..];
    let end = body.find("\n\n").map_or(body.len(), |at| at + 2);
    let links = &body[..end];
    if !links.lines().all(|l| {
        l.is_empty() || l.starts_with("* Supersedes [") || l.starts_with("* Superseded by [")
    }) {
        return text.to_string();
    }
    let mut before = text[..start].to_string();
    if links.contains("* Superseded by [") {
        before = before.replacen("\nstatus: superseded\n", "\nstatus: accepted\n", 1);
    }
    before + &body[end..]
}

#[test]
fn the_projects_own_decisions_are_reproducible_with_decide() {
    let answers_dir = Path::new(ROOT).join("docs/decisions/answers");
    let mut checked = 0;
    for entry in fs::read_dir(&answers_dir).unwrap().flatten() {
        let repo = repo();
        let render = |today: &str| {
            stdout(
                &decide(repo.path())
                    .args(["new", "-q", "--stdout", "--answers"])
                    .arg(entry.path())
                    .env("DECIDE_TODAY", today)
                    .output()
                    .unwrap(),
            )
        };
        let title = render(TODAY)
            .lines()
            .find_map(|l| l.strip_prefix("# "))
            .unwrap()
            .to_string();
        let (committed_path, committed) = fs::read_dir(Path::new(ROOT).join("docs/decisions"))
            .unwrap()
            .flatten()
            .map(|e| (e.path(), fs::read_to_string(e.path()).unwrap_or_default()))
            .find(|(_, text)| text.contains(&format!("\n# {title}\n")))
            .unwrap_or_else(|| panic!("no committed record titled {title:?}"));
        // Rendered on the day it was written: its dates are the ones committed.
        let written = committed
            .lines()
            .find_map(|l| l.strip_prefix("date: "))
            .unwrap_or(TODAY);
        let record = render(written);
        // `DECIDE_BLESS=1 cargo test --test cli docs::` writes the records again after a
        // deliberate change to what decide writes; read the diff before committing it.
        if std::env::var_os("DECIDE_BLESS").is_some() {
            fs::write(&committed_path, &record).unwrap();
            checked += 1;
            continue;
        }
        assert_eq!(
            as_written_new(&committed),
            record,
            "{} no longer renders as committed",
            entry.path().display()
        );
        checked += 1;
    }
    assert!(checked >= 6);
    decide(Path::new(ROOT))
        .args(["lint", "--dir", "docs/decisions"])
        .assert()
        .success();
}

#[test]
fn passages_quoted_in_the_docs_are_word_for_word() {
    let repo = repo();
    let library = stdout(&decide(repo.path()).arg("passages").output().unwrap());
    let quotes: Vec<&str> = library
        .lines()
        .filter_map(|l| {
            // A passage with quotes of its own is in single quotes.
            l.strip_prefix("  \"")
                .map(|l| l.strip_suffix('"').unwrap_or(l))
                .or_else(|| {
                    l.strip_prefix("  '")
                        .map(|l| l.strip_suffix('\'').unwrap_or(l))
                })
        })
        .collect();
    let mut checked = 0;
    for entry in fs::read_dir(Path::new(ROOT).join("docs"))
        .unwrap()
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        // A cited passage is a block quote whose last line is "> — Speaker, episode 12, ...".
        let mut block: Vec<&str> = Vec::new();
        for line in text.lines() {
            match line.strip_prefix('>') {
                Some(rest) if rest.trim_start().starts_with('—') => {
                    let quote = block
                        .iter()
                        .map(|l| l.trim())
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    assert!(
                        quotes.contains(&quote.as_str()),
                        "{}: not a passage, word for word: {quote}",
                        path.display()
                    );
                    checked += 1;
                    block.clear();
                }
                Some(rest) => block.push(rest),
                None => block.clear(),
            }
        }
    }
    assert!(checked >= 10, "{checked} quotes checked");
}

/// The answers of a scenario file (`answers:` in tests/scenarios), as an answers file.
fn scenario_answers(path: &str) -> String {
    read(path)
        .lines()
        .skip_while(|line| *line != "answers:")
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .map(|line| format!("{}\n", &line[2..]))
        .collect()
}

/// The user guide's outage update, the team's message from the update example, and the
/// disagreement ruling with its stakeholder message are what `decide` writes.
#[test]
fn the_user_guide_update_and_ruling_messages_are_real() {
    let guide = read("docs/user-guide.md");
    let scratch = repo();
    let outage = scratch.path().join("outage.yaml");
    fs::write(
        &outage,
        scenario_answers("tests/scenarios/update-outage-hours.yaml"),
    )
    .unwrap();
    let printed = stdout(
        &decide(scratch.path())
            .args(["new", "-q", "--today", "2026-12-04", "--answers"])
            .arg(&outage)
            .output()
            .unwrap(),
    );
    let shown = fenced(
        &guide,
        "```text",
        "Logins have been failing for some customers",
    );
    assert_eq!(shown.trim_end(), printed.trim_end());

    for (answers, to, marker) in [
        (
            "stakeholder-update.yaml",
            "team",
            "The cause: the ORM makes N+1 queries.",
        ),
        (
            "disagreement.yaml",
            "stakeholders",
            "We've settled how the order service",
        ),
    ] {
        let repo = repo();
        let ruling = stdout(
            &decide(repo.path())
                .args(["new", "-q", "--answers"])
                .arg(example(answers))
                .output()
                .unwrap(),
        );
        if answers == "disagreement.yaml" {
            let shown = fenced(&guide, "```text", "Priya, you're right that");
            assert_eq!(shown.trim_end(), ruling.trim_end());
        }
        let mut args = vec!["message", "1", "--to", to];
        if to == "stakeholders" {
            args.extend(["--name", "Priya"]);
        }
        let message = stdout(&decide(repo.path()).args(&args).output().unwrap());
        let shown = fenced(&guide, "```text", marker);
        assert_eq!(shown.trim_end(), message.trim_end(), "{answers} to {to}");
    }
}
