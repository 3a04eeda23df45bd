//! A coach that remembers: after the title, the records of the log about the same things,
//! how each stands, and the links `relates_to` writes both ways.

use std::fs;
use std::path::Path;

use crate::support::{decide, example, records, repo, stderr, stdout, write};

/// An adr-tools record whose look-back says it was reversed, a MADR record on the same
/// database, and one on something else.
fn log_of_three(repo: &Path) {
    let log = repo.join("docs/decisions");
    write(
        &log,
        "0001-cache-product-pages-in-redis.md",
        "# 1. Cache product pages in Redis\n\nDate: 2024-03-01\n\n## Status\n\nAccepted\n\n\
         ## Context\n\nThe product pages query the orders database on every view.\n\n\
         ## Decision\n\nWe will cache each page for a minute.\n\n## Consequences\n\n\
         Prices can be a minute old.\n\n## Outcome (2025-03-01)\n\n\
         * What happened: the hit rate fell as the catalogue grew\n\
         * Did it hold up: no, we reversed it: invalidation went wrong too often\n\
         * What we learnt: measure the hit rate before caching\n",
    );
    write(
        &log,
        "0002-use-postgresql-for-the-orders-database.md",
        "---\nstatus: accepted\ndate: 2024-05-02\n---\n\n# Use PostgreSQL for the orders database\n\n\
         ## Context and Problem Statement\n\nOrders outgrew one SQLite file.\n\n\
         ## Considered Options\n\n- PostgreSQL\n- MongoDB\n\n## Decision Outcome\n\n\
         Chosen option: \"PostgreSQL\", because the team runs it already.\n",
    );
    write(
        &log,
        "0003-hire-a-second-sre.md",
        "# 3. Hire a second SRE\n\nDate: 2024-06-03\n\n## Status\n\nAccepted\n\n## Context\n\n\
         On-call is one person.\n",
    );
}

/// The example decision's answers under another title, with `extra` lines first.
fn answers(repo: &Path, title: &str, extra: &str) -> std::path::PathBuf {
    let example = fs::read_to_string(example("decision.yaml")).unwrap();
    let body: String = example
        .lines()
        .filter(|line| !line.starts_with("title:"))
        .map(|line| format!("{line}\n"))
        .collect();
    write(
        repo,
        "answers.yaml",
        &format!("{extra}title: {title}\n{body}"),
    )
}

const TITLE: &str = "Move the orders database from MongoDB to PostgreSQL";

#[test]
fn after_the_title_the_coach_shows_the_related_records_and_how_they_went() {
    let repo = repo();
    log_of_three(repo.path());
    let answers = answers(repo.path(), TITLE, "");
    let output = decide(repo.path())
        .args(["new", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let shown = stderr(&output);
    let block = "  ▸ The log remembers 2 decisions like this one:\n\
                 \x20 │ 2. Use PostgreSQL for the orders database (accepted)\n\
                 \x20 │ 1. Cache product pages in Redis (accepted; did not hold up, reversed)\n\
                 \x20 │ link any of them with `relates_to: [2, 1]` in the answers file\n";
    assert!(shown.contains(block), "{shown}");
    // Shown, not linked: the answers file links nothing.
    let first = fs::read_to_string(
        repo.path()
            .join("docs/decisions/0001-cache-product-pages-in-redis.md"),
    )
    .unwrap();
    assert!(!first.contains("Relates to"), "{first}");
    // The word index is a cache git leaves alone.
    let ignore = fs::read_to_string(repo.path().join(".decide/cache/.gitignore")).unwrap();
    assert!(ignore.ends_with("\n*\n"), "{ignore}");
}

#[test]
fn relates_to_links_both_ways_as_each_record_writes_links() {
    let repo = repo();
    log_of_three(repo.path());
    let answers = answers(
        repo.path(),
        TITLE,
        "relates_to: [1, 0002-use-postgresql-for-the-orders-database]\n",
    );
    let output = decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let log = repo.path().join("docs/decisions");
    let new = fs::read_to_string(&records(&log)[3]).unwrap();
    // The log's newest records are adr-tools', so the new one is written as theirs are.
    assert!(
        new.contains(
            "## Status\n\nAccepted\n\n\
             Relates to [1. Cache product pages in Redis](0001-cache-product-pages-in-redis.md)\n\n\
             Relates to [2. Use PostgreSQL for the orders database](0002-use-postgresql-for-the-orders-database.md)\n"
        ),
        "{new}"
    );
    let back = "Relates to [4. Move the orders database from MongoDB to PostgreSQL](0004-move-the-orders-database-from-mongodb-to-postgresql.md)";
    // adr-tools keeps links in the status section.
    let first = fs::read_to_string(log.join("0001-cache-product-pages-in-redis.md")).unwrap();
    assert!(
        first.contains(&format!("## Status\n\nAccepted\n\n{back}\n\n## Context")),
        "{first}"
    );
    // A MADR record gets a links section, with the list marker it uses.
    let second =
        fs::read_to_string(log.join("0002-use-postgresql-for-the-orders-database.md")).unwrap();
    assert!(
        second.contains(&format!("## Links\n\n- {back}\n")),
        "{second}"
    );
    let third = fs::read_to_string(log.join("0003-hire-a-second-sre.md")).unwrap();
    assert!(!third.contains("Relates to"), "{third}");
}

#[test]
fn nothing_is_shown_when_the_log_is_empty_nothing_matches_or_the_run_is_quiet() {
    let empty = repo();
    let related = repo();
    log_of_three(related.path());
    for (repo, title, quiet) in [
        (&empty, TITLE, false),
        (&related, "Pick a colour for the logo", false),
        (&related, TITLE, true),
    ] {
        let answers = answers(repo.path(), title, "");
        let mut command = decide(repo.path());
        command.arg("new");
        if quiet {
            command.arg("-q");
        }
        let output = command.arg("--answers").arg(&answers).output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(
            !stderr(&output).contains("The log remembers"),
            "{title}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn relates_to_a_record_that_is_not_there_is_refused_before_anything_is_written() {
    let repo = repo();
    log_of_three(repo.path());
    let answers = answers(repo.path(), TITLE, "relates_to: [1, 9]\n");
    let output = decide(repo.path())
        .args(["new", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("answers.yaml:1:1: `relates_to`: no record is numbered 9 (the last is 3)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(records(&repo.path().join("docs/decisions")).len(), 3);
    let first = fs::read_to_string(
        repo.path()
            .join("docs/decisions/0001-cache-product-pages-in-redis.md"),
    )
    .unwrap();
    assert!(!first.contains("Relates to"), "{first}");

    // A private journal entry links nothing in the team's log.
    write(
        repo.path(),
        "week.yaml",
        "playbook: week\nrelates_to: [1]\n",
    );
    let data = tempfile::tempdir().unwrap();
    let output = decide(repo.path())
        .env("XDG_DATA_HOME", data.path())
        .args(["new", "--answers", "week.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "week.yaml:2:1: `relates_to` links records of the team's log, and playbook `week` writes to your private journal"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn supersede_does_not_offer_the_record_it_replaces() {
    let repo = repo();
    log_of_three(repo.path());
    let answers = answers(repo.path(), TITLE, "");
    let output = decide(repo.path())
        .args(["supersede", "2", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let shown = stderr(&output);
    assert!(
        shown.contains(
            "The log remembers 1 decision like this one:\n  │ 1. Cache product pages in Redis"
        ),
        "{shown}"
    );
    assert!(!shown.contains("│ 2. Use PostgreSQL"), "{shown}");
}

#[test]
fn search_related_finds_what_the_coach_would_show_and_follows_the_log() {
    let repo = repo();
    log_of_three(repo.path());
    let output = decide(repo.path())
        .args(["search", "--related", TITLE])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "0002  Use PostgreSQL for the orders database  (accepted)  docs/decisions/0002-use-postgresql-for-the-orders-database.md\n\
         0001  Cache product pages in Redis  (accepted; did not hold up, reversed)  docs/decisions/0001-cache-product-pages-in-redis.md\n"
    );
    // A record added since the index was built is found; one that is gone is not.
    write(
        &repo.path().join("docs/decisions"),
        "0004-shard-the-orders-database.md",
        "# 4. Shard the orders database in PostgreSQL\n\n## Status\n\nProposed\n",
    );
    fs::remove_file(
        repo.path()
            .join("docs/decisions/0001-cache-product-pages-in-redis.md"),
    )
    .unwrap();
    let output = decide(repo.path())
        .args(["search", "--related", TITLE])
        .output()
        .unwrap();
    let found = stdout(&output);
    assert!(
        found.contains("0004  Shard the orders database in PostgreSQL  (proposed)"),
        "{found}"
    );
    assert!(!found.contains("0001"), "{found}");
    let output = decide(repo.path())
        .args(["search", "--related", "Pick a colour for the logo"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "No records are related.\n");
}
