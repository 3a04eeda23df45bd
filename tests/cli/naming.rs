//! How records are named and found: logs named by `YYYY-MM-DD` dates, numbers followed by
//! `_`, numbers of three digits, Markdown files the log leaves out, and log folders found
//! where no usual folder exists. Every fixture is written here, in our own words.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{TODAY, decide, example, repo, stderr, stdout, write};

fn run(cwd: &Path, args: &[&str]) -> std::process::Output {
    decide(cwd).args(args).output().unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn json(output: &std::process::Output) -> Vec<serde_json::Value> {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_str::<serde_json::Value>(&stdout(output))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// A rail operator's log, named by day with `sep` after the date: two records of one
/// day, and one without a heading, whose title comes from its name.
fn dated_log(sep: char) -> (tempfile::TempDir, PathBuf) {
    let repo = repo();
    let dir = repo.path().join("docs/adr");
    write(
        &dir,
        &format!("2022-07-21{sep}build-tooling.md"),
        "# Bundle the ticket kiosk with esbuild\n\n## Status\n\nAccepted\n\n## Context\n\nThe kiosk build took nine minutes.\n",
    );
    write(
        &dir,
        &format!("2023-02-01{sep}seat-reservations.md"),
        "# Hold seat reservations for ten minutes\n\n## Status\n\nAccepted\n",
    );
    write(
        &dir,
        &format!("2023-02-01{sep}fare-caps.md"),
        "## Status\n\nProposed\n\n## Context\n\nDaily fare caps for season tickets.\n",
    );
    write(&dir, "README.md", "# Rail decisions\n");
    (repo, dir)
}

#[test]
fn a_log_named_by_dashed_dates_is_read_by_date_never_by_number() {
    for sep in ['-', '_'] {
        let (repo, _) = dated_log(sep);
        let rows = json(&run(repo.path(), &["list", "--json"]));
        let seen: Vec<(String, serde_json::Value, String, String)> = rows
            .iter()
            .map(|row| {
                (
                    row["address"].as_str().unwrap().to_string(),
                    row["number"].clone(),
                    row["title"].as_str().unwrap().to_string(),
                    row["date"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let null = serde_json::Value::Null;
        assert_eq!(
            seen,
            [
                (
                    format!("2022-07-21{sep}build-tooling"),
                    null.clone(),
                    "Bundle the ticket kiosk with esbuild".to_string(),
                    "2022-07-21".to_string()
                ),
                (
                    format!("2023-02-01{sep}fare-caps"),
                    null.clone(),
                    "Fare caps".to_string(),
                    "2023-02-01".to_string()
                ),
                (
                    format!("2023-02-01{sep}seat-reservations"),
                    null.clone(),
                    "Hold seat reservations for ten minutes".to_string(),
                    "2023-02-01".to_string()
                ),
            ],
            "separator {sep:?}"
        );
        // The table shows a day where it names one record, as the name writes it.
        let table = stdout(&run(repo.path(), &["list"]));
        assert!(
            table.lines().any(|l| l.starts_with("2022-07-21  ")),
            "{table}"
        );
        assert!(!table.contains("2022 "), "{table}");
        // By day, in either form, and by the name without `.md`.
        for spec in [
            "2022-07-21",
            "20220721",
            &format!("2023-02-01{sep}fare-caps"),
        ] {
            let shown = run(repo.path(), &["show", spec]);
            assert!(shown.status.success(), "{spec}: {}", stderr(&shown));
        }
        let two = run(repo.path(), &["show", "2023-02-01"]);
        assert!(
            stderr(&two).contains("2 records match `2023-02-01`"),
            "{}",
            stderr(&two)
        );
        let lint = stdout(&run(repo.path(), &["lint"]));
        assert!(!lint.contains("duplicate-number"), "{lint}");
    }
}

/// `renumber` has nothing to do in a log named by date: it never moves a date.
#[test]
fn renumber_leaves_a_log_named_by_date_untouched() {
    for sep in ['-', '_'] {
        let (repo, _) = dated_log(sep);
        let before = crate::support::snapshot(repo.path());
        for args in [
            &["renumber", "--dry-run"][..],
            &["renumber"],
            &["renumber", "--force"],
        ] {
            let output = run(repo.path(), args);
            assert!(output.status.success(), "{args:?}: {}", stderr(&output));
            assert!(
                stderr(&output).contains("nothing to renumber"),
                "{args:?}: {}",
                stderr(&output)
            );
            assert!(!stdout(&output).contains("->"), "{}", stdout(&output));
        }
        assert_eq!(
            crate::support::snapshot(repo.path()),
            before,
            "separator {sep:?}"
        );
    }
}

#[test]
fn a_new_record_in_a_log_named_by_date_takes_today_in_the_log_s_form() {
    for (sep, expected) in [
        (
            '-',
            format!("{TODAY}-choose-the-database-for-the-orders-service.md"),
        ),
        (
            '_',
            format!("{TODAY}_choose-the-database-for-the-orders-service.md"),
        ),
    ] {
        let (repo, dir) = dated_log(sep);
        decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example("decision.yaml"))
            .assert()
            .success();
        assert!(names(&dir).contains(&expected), "{:?}", names(&dir));
        assert!(
            !names(&dir).iter().any(|n| n.starts_with("2023-choose")),
            "{:?}",
            names(&dir)
        );
        let stem = expected.trim_end_matches(".md");
        let shown = run(repo.path(), &["show", stem]);
        assert!(shown.status.success(), "{}", stderr(&shown));
    }
    // Words joined by `_` in the newest name are joined so in the new one.
    let repo = repo();
    let dir = repo.path().join("decisions");
    write(
        &dir,
        "2021-05-02_pick_a_broker.md",
        "# Pick a broker\n\n## Status\n\nAccepted\n",
    );
    write(
        &dir,
        "2021-06-12_retry_budget.md",
        "# Retry budget\n\n## Status\n\nAccepted\n",
    );
    decide(repo.path())
        .args(["new", "-q", "--dir", "decisions", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    let expected = format!("{TODAY}_choose_the_database_for_the_orders_service.md");
    assert!(names(&dir).contains(&expected), "{:?}", names(&dir));
}

/// A spice trader's log numbered `001_exchange_format.md`.
fn underscored_log() -> (tempfile::TempDir, PathBuf) {
    let repo = repo();
    let dir = repo.path().join("doc/adr");
    for (name, title) in [
        ("001_exchange_format.md", "1. Exchange prices as CSV"),
        ("002_price_feed.md", "2. Poll the price feed hourly"),
        ("011_audit_trail.md", "11. Keep an audit trail of trades"),
    ] {
        write(
            &dir,
            name,
            &format!(
                "# {title}\n\nDate: 2021-03-04\n\n## Status\n\nAccepted\n\n## Context\n\nSaffron prices.\n"
            ),
        );
    }
    (repo, dir)
}

#[test]
fn a_log_numbered_with_an_underscore_reads_and_grows_in_its_form() {
    let (repo, dir) = underscored_log();
    let rows = json(&run(repo.path(), &["list", "--json"]));
    let numbers: Vec<u64> = rows.iter().map(|r| r["number"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 11]);
    assert_eq!(rows[0]["title"], "Exchange prices as CSV");
    let shown = run(repo.path(), &["show", "11"]);
    assert!(stdout(&shown).contains("audit trail"), "{}", stderr(&shown));
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    assert!(
        names(&dir).contains(&"012_choose_the_database_for_the_orders_service.md".to_string()),
        "{:?}",
        names(&dir)
    );
    assert!(
        !names(&dir).iter().any(|n| n.starts_with("0001")),
        "{:?}",
        names(&dir)
    );
    let index = stdout(&run(repo.path(), &["index", "--stdout"]));
    assert!(
        index.contains("| 001 | [Exchange prices as CSV](001_exchange_format.md)"),
        "{index}"
    );
    assert!(index.contains("| 012 |"), "{index}");
}

#[test]
fn renumber_keeps_an_underscored_log_s_form() {
    let (repo, dir) = underscored_log();
    write(
        &dir,
        "002_spot_prices.md",
        "# 2. Quote spot prices in euros\n\nDate: 2021-05-06\n\n## Status\n\nAccepted\n",
    );
    let output = run(repo.path(), &["renumber"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        names(&dir).contains(&"012_spot_prices.md".to_string()),
        "{:?}",
        names(&dir)
    );
    assert!(
        names(&dir).contains(&"002_price_feed.md".to_string()),
        "{:?}",
        names(&dir)
    );
}

#[test]
fn the_index_writes_numbers_as_wide_as_the_log_s() {
    let repo = repo();
    let dir = repo.path().join("docs/adr");
    for (name, title) in [
        ("001-use-tabs.md", "1. Indent with tabs"),
        ("099-ship-weekly.md", "99. Ship weekly"),
        (
            "100-freeze-in-december.md",
            "100. Freeze releases in December",
        ),
    ] {
        write(
            &dir,
            name,
            &format!("# {title}\n\nDate: 2020-01-02\n\n## Status\n\nAccepted\n"),
        );
    }
    let index = stdout(&run(repo.path(), &["index", "--stdout"]));
    assert!(index.contains("| 001 | [Indent with tabs]"), "{index}");
    assert!(
        index.contains("| 100 | [Freeze releases in December]"),
        "{index}"
    );
    assert!(!index.contains("0100"), "{index}");
    // The table of `list` keeps its four digits.
    let table = stdout(&run(repo.path(), &["list"]));
    assert!(table.lines().any(|l| l.starts_with("0100  ")), "{table}");
}

/// A bakery's log with a draft named otherwise, a record in a subfolder, and the pages a
/// log keeps for itself, which are no records.
fn log_with_stray_files() -> (tempfile::TempDir, PathBuf) {
    let repo = repo();
    let dir = repo.path().join("docs/adr");
    let record = |title: &str| format!("# {title}\n\n## Status\n\nAccepted\n");
    write(
        &dir,
        "adr-001-sourdough-starter.md",
        &record("Keep one sourdough starter"),
    );
    write(
        &dir,
        "adr-002-oven-schedule.md",
        &record("Bake rye before wheat"),
    );
    write(
        &dir,
        "adr-draft-night-shift.md",
        &record("Add a night shift"),
    );
    write(
        &dir,
        "core/adr-001-flour-supplier.md",
        &record("One flour supplier"),
    );
    write(&dir, "README.md", "# Bakery decisions\n");
    write(&dir, "index.md", "# Index\n");
    write(&dir, "adr-template.md", "# Title\n");
    write(&dir, "templates/0000-template.md", "# Title\n");
    write(&dir, "images/notes.md", "# Picture notes\n");
    write(&dir, ".drafts/adr-003-hidden.md", "# Hidden\n");
    (repo, dir)
}

#[test]
fn list_says_once_which_markdown_files_it_leaves_out() {
    let (repo, _) = log_with_stray_files();
    let output = run(repo.path(), &["list"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    let warnings: Vec<&str> = said.lines().filter(|l| l.starts_with("warning")).collect();
    assert_eq!(warnings.len(), 1, "{said}");
    let warning = warnings[0];
    for part in [
        "2 Markdown files",
        "docs/adr/adr-draft-night-shift.md",
        "docs/adr/core/adr-001-flour-supplier.md",
        "--dir",
    ] {
        assert!(warning.contains(part), "{part}: {warning}");
    }
    for page in ["README", "index.md", "template", "images", "hidden"] {
        assert!(!warning.contains(page), "{page}: {warning}");
    }
    assert_eq!(stdout(&output).lines().count(), 3, "{}", stdout(&output));
    // Named with --dir, the hint does not send the user to --dir.
    let output = run(repo.path(), &["list", "--dir", "docs/adr"]);
    assert!(!stderr(&output).contains("--dir"), "{}", stderr(&output));

    let lint = stdout(&run(repo.path(), &["lint"]));
    let findings: Vec<&str> = lint
        .lines()
        .filter(|l| l.contains("warning[not-named-as-a-record]"))
        .collect();
    assert_eq!(findings.len(), 2, "{lint}");
    assert!(
        findings[0].starts_with("docs/adr/adr-draft-night-shift.md"),
        "{lint}"
    );
    assert!(
        findings[1].starts_with("docs/adr/core/adr-001-flour-supplier.md"),
        "{lint}"
    );
}

#[test]
fn a_tidy_log_lists_without_a_warning() {
    let (repo, dir) = log_with_stray_files();
    fs::remove_file(dir.join("adr-draft-night-shift.md")).unwrap();
    fs::remove_dir_all(dir.join("core")).unwrap();
    let output = run(repo.path(), &["list"]);
    assert!(output.status.success());
    assert_eq!(
        stderr(&output),
        "",
        "README, index, templates and images are the log's"
    );
}

/// A log folder named with --dir that holds no record a command reads: the hint names
/// what to rename, and not the --dir already given.
#[test]
fn an_unread_log_named_with_dir_is_not_told_to_use_dir() {
    let repo = repo();
    write(
        &repo.path().join("notes"),
        "exchange-format.md",
        "# Exchange format\n",
    );
    let output = run(repo.path(), &["list", "--dir", "notes"]);
    let said = stderr(&output);
    assert!(said.contains("no records decide can read"), "{said}");
    assert!(said.contains("notes/exchange-format.md"), "{said}");
    assert!(!said.contains("--dir"), "{said}");
    let lint = stdout(&run(repo.path(), &["lint", "--dir", "notes"]));
    assert!(lint.contains("not-named-as-a-record"), "{lint}");
    assert!(!lint.contains("--dir"), "{lint}");
}

fn two_records(dir: &Path, prefix: &str) {
    for (n, title) in [(1, "Pick the paint supplier"), (2, "Mix colours by weight")] {
        write(
            dir,
            &format!(
                "{prefix}{n:03}-{}.md",
                title.to_lowercase().replace(' ', "-")
            ),
            &format!("# {title}\n\n## Status\n\nAccepted\n"),
        );
    }
}

fn found_log(repo: &Path) -> String {
    let rows = json(&run(repo, &["list", "--json"]));
    let path = rows
        .first()
        .and_then(|r| r["path"].as_str())
        .unwrap_or_default()
        .to_string();
    path.rsplit_once('/')
        .map_or(String::new(), |(dir, _)| dir.to_string())
}

#[test]
fn a_log_folder_named_like_one_is_found_without_being_named() {
    for folder in [
        "adr",
        "adrs",
        "decisions",
        "doc/decisions",
        "docs/adrs",
        "docs/architecture/adr",
        "docs/architecture-decisions",
        "architecture-decision-records",
        "handbook/ADR",
        "site/docs/architecture/decisions",
    ] {
        let repo = repo();
        two_records(&repo.path().join(folder), "");
        assert_eq!(found_log(repo.path()), folder, "{folder}");
        let said = stdout(&run(repo.path(), &["config"]));
        assert!(said.contains("a search"), "{folder}: {said}");
    }
    // Records named as ADRs make a folder of any name the log.
    let repo = repo();
    two_records(&repo.path().join("docs/architecture"), "adr-");
    assert_eq!(found_log(repo.path()), "docs/architecture");
}

#[test]
fn the_search_takes_the_fullest_folder_and_keeps_out_of_what_is_not_the_project_s() {
    let repo = repo();
    two_records(&repo.path().join("services/adr"), "");
    two_records(&repo.path().join("docs/decisions-archive"), "");
    write(
        &repo.path().join("docs/decisions-archive"),
        "003-third.md",
        "# Third\n",
    );
    // Dependencies, build output, hidden folders and deeper folders are never searched,
    // however many records they hold.
    for skipped in [
        "node_modules/paint/adr",
        "target/adr",
        ".cache/adr",
        "a/b/c/d/adr",
    ] {
        let dir = repo.path().join(skipped);
        two_records(&dir, "");
        write(&dir, "003-third.md", "# Third\n");
        write(&dir, "004-fourth.md", "# Fourth\n");
    }
    assert_eq!(found_log(repo.path()), "docs/decisions-archive");
    // A folder named like a log with one record, or a folder of records not named like a
    // log, is not taken.
    let repo = crate::support::repo();
    write(&repo.path().join("adr"), "001-only.md", "# Only\n");
    two_records(&repo.path().join("chapters"), "");
    let output = run(repo.path(), &["list"]);
    assert!(
        stderr(&output).contains("No decisions yet"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_usual_folder_comes_before_the_search() {
    let repo = repo();
    two_records(&repo.path().join("architecture/adr"), "");
    write(
        &repo.path().join("docs/adr"),
        "0001-one.md",
        "# One\n\n## Status\n\nAccepted\n",
    );
    assert_eq!(found_log(repo.path()), "docs/adr");
}

#[test]
fn records_at_the_repository_s_root_are_found() {
    let repo = repo();
    two_records(repo.path(), "adr-");
    write(repo.path(), "README.md", "# Paint shop\n");
    let rows = json(&run(repo.path(), &["list", "--json"]));
    assert_eq!(rows.len(), 2, "{rows:?}");
    // Plain numbered files at the root are a guide's chapters, not a log.
    let repo = crate::support::repo();
    two_records(repo.path(), "");
    let output = run(repo.path(), &["list"]);
    assert!(
        stderr(&output).contains("No decisions yet"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn the_search_never_follows_a_link() {
    let outside = tempfile::tempdir().unwrap();
    two_records(&outside.path().join("adr"), "");
    let repo = repo();
    std::os::unix::fs::symlink(outside.path().join("adr"), repo.path().join("adr")).unwrap();
    std::os::unix::fs::symlink(repo.path(), repo.path().join("decisions-loop")).unwrap();
    let output = run(repo.path(), &["list"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("No decisions yet"),
        "{}",
        stderr(&output)
    );
}
