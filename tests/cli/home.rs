//! Feeling at home: configuration and its precedence, house templates, completions, the
//! man page, help that leads with examples, and clean output.

use std::fs;
use std::process::Stdio;

use predicates::prelude::*;

use crate::support::{decide, example, records, repo, stderr, stdout, write};

/// Every subcommand, from the command-line model itself.
fn subcommands() -> Vec<String> {
    decide::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

#[test]
fn settings_come_from_flag_then_environment_then_repository_then_user_config() {
    let repo = repo();
    let home = repo.path();
    write(
        home,
        ".config/decide/config.yaml",
        "log_dir: user-log\ndecision_makers: [Ana Lima]\nreview_periods:\n  one_way: 6 months\n",
    );
    let run = |extra: &[&str], env: &[(&str, &str)]| {
        let mut command = decide(home);
        command
            .args(["new", "-q", "--answers"])
            .arg(example("decision.yaml"))
            .args(extra);
        for (key, value) in env {
            command.env(key, value);
        }
        command.assert().success();
    };
    let answers_without_makers = fs::read_to_string(example("decision.yaml")).unwrap();
    let cut = answers_without_makers.find("decision_makers:").unwrap();
    let answers = write(home, "answers.yaml", &answers_without_makers[..cut]);

    // User config: its log directory, its decision-makers, its review period.
    decide(home)
        .args(["new", "-q", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    let record = fs::read_to_string(&records(&home.join("user-log"))[0]).unwrap();
    assert!(record.contains("decision-makers: Ana Lima"), "{record}");
    assert!(
        record.contains("review-by: 2027-05-25"),
        "one-way door reviewed after 6 months: {record}"
    );

    // The repository's config beats the user's.
    write(home, ".decide.yaml", "log_dir: repo-log\n");
    run(&[], &[]);
    assert_eq!(records(&home.join("repo-log")).len(), 1);

    // The environment beats the repository.
    run(&[], &[("DECIDE_DIR", "env-log")]);
    assert_eq!(records(&home.join("env-log")).len(), 1);

    // A flag beats everything.
    run(&["--dir", "flag-log"], &[("DECIDE_DIR", "env-log")]);
    assert_eq!(records(&home.join("flag-log")).len(), 1);
    assert_eq!(records(&home.join("env-log")).len(), 1);

    // `decide config` says where each value came from.
    let shown = stdout(
        &decide(home)
            .arg("config")
            .env("DECIDE_DIR", "env-log")
            .output()
            .unwrap(),
    );
    let row = |name: &str| {
        shown
            .lines()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        row("log_dir"),
        "log_dir env-log (environment DECIDE_DIR)",
        "{shown}"
    );
    assert!(
        row("decision_makers").starts_with("decision_makers Ana Lima (user config"),
        "{shown}"
    );
    assert!(
        row("review_periods.one_way").starts_with("review_periods.one_way 180 days (user config"),
        "{shown}"
    );
    assert_eq!(
        row("review_periods.two_way"),
        "review_periods.two_way 30 days (default)",
        "{shown}"
    );
}

#[test]
fn a_personal_log_dir_does_not_hide_a_repositorys_adr_tools_log() {
    let repo = repo();
    write(
        repo.path(),
        ".config/decide/config.yaml",
        "log_dir: decisions\n",
    );
    fs::create_dir_all(repo.path().join("doc/adr")).unwrap();
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    assert_eq!(
        records(&repo.path().join("doc/adr")).len(),
        1,
        "the repository's doc/adr wins"
    );
    let shown = stdout(&decide(repo.path()).arg("config").output().unwrap());
    assert!(shown.contains("(an existing doc/adr)"), "{shown}");
    // Elsewhere the personal default applies.
    let other = crate::support::repo();
    write(
        other.path(),
        ".config/decide/config.yaml",
        "log_dir: decisions\n",
    );
    decide(other.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    assert_eq!(records(&other.path().join("decisions")).len(), 1);
}

#[test]
fn a_repository_template_overrides_the_built_in_one() {
    let repo = repo();
    write(
        repo.path(),
        ".decide/templates/decision.md",
        "# {{ title }}\n\nOur house style. Chosen: {{ chosen }}.\n{% for r in references %}\n> {{ r.quote }}\n{% endfor %}\n",
    );
    let output = decide(repo.path())
        .args(["new", "--stdout", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let record = stdout(&output);
    assert!(
        record.starts_with(
            "# Choose the database for the orders service\n\nOur house style. Chosen: PostgreSQL."
        ),
        "{record}"
    );
    assert!(
        record.contains("> If you have 70% of the information you need, make the decision."),
        "{record}"
    );
    decide(repo.path())
        .arg("templates")
        .assert()
        .success()
        .stdout(predicate::str::contains(".decide/templates/decision.md"));
}

#[test]
fn the_nygard_and_madr_minimal_templates_write_records_the_log_reads() {
    let repo = repo();
    decide(repo.path())
        .args(["new", "-q", "--template", "nygard.md", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    let nygard = fs::read_to_string(&records(&repo.path().join("docs/decisions"))[0]).unwrap();
    assert!(
        nygard.starts_with("# 1. Choose the database for the orders service\n\nDate: 2026-11-26\n"),
        "{nygard}"
    );
    assert!(nygard.contains("## Status\n\nAccepted\n"), "{nygard}");
    // Its consequences say what follows from the choice: what it brings, the cost accepted,
    // what the other option offered that is given up, and the sign that it was wrong.
    assert!(
        nygard.contains(
            "## Consequences\n\n\
             * Good, because the team already runs it for billing\n\
             * Good, because of transactions across orders and payments\n\
             * Bad, because schema migrations need planning\n\
             * Given up with MongoDB: flexible documents for order variants\n\
             * It was wrong if: write latency at the spring peak stays above 200 ms after tuning; we could first see it by Friday 26 March 2027\n\n"
        ),
        "{nygard}"
    );
    // The lead's own consequences are the consequences.
    let answers = fs::read_to_string(example("decision.yaml")).unwrap();
    let own = write(
        repo.path(),
        "own.yaml",
        &format!("{answers}consequences: [the billing team reviews our schema changes]\n"),
    );
    let output = decide(repo.path())
        .args([
            "new",
            "-q",
            "--stdout",
            "--template",
            "nygard.md",
            "--answers",
        ])
        .arg(&own)
        .output()
        .unwrap();
    assert!(
        stdout(&output).contains(
            "## Consequences\n\n* the billing team reviews our schema changes\n\n## Impact Outside the Team\n\nNothing changes for customers"
        ),
        "{}",
        stdout(&output)
    );

    write(repo.path(), ".decide.yaml", "template: madr-minimal.md\n");
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example("decision.yaml"))
        .assert()
        .success();
    let minimal = fs::read_to_string(&records(&repo.path().join("docs/decisions"))[1]).unwrap();
    assert!(
        minimal.starts_with("---\nstatus: accepted\n") && !minimal.contains("## Decision Framing"),
        "{minimal}"
    );

    let listing = stdout(&decide(repo.path()).arg("list").output().unwrap());
    assert!(
        listing.contains("0001  Choose the database for the orders service  accepted  2026-11-26"),
        "{listing}"
    );
    // A week after the signal can first be seen (in 4 months), not the usual 90 days.
    assert!(
        listing.lines().filter(|l| l.contains("2027-04-02")).count() == 2,
        "both review dates are read: {listing}"
    );
    decide(repo.path()).arg("lint").assert().success();
}

#[test]
fn templates_export_writes_the_defaults_and_keeps_existing_files() {
    let repo = repo();
    write(repo.path(), "mine/decision.md", "# mine\n");
    decide(repo.path())
        .args(["templates", "export", "mine"])
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(repo.path().join("mine/decision.md")).unwrap(),
        "# mine\n"
    );
    assert!(
        fs::read_to_string(repo.path().join("mine/nygard.md"))
            .unwrap()
            .contains("## Status")
    );
    assert!(repo.path().join("mine/messages/to-team.txt").is_file());
}

#[test]
fn completions_for_every_shell_cover_every_subcommand() {
    let repo = repo();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(
            &decide(repo.path())
                .args(["completions", shell])
                .output()
                .unwrap(),
        );
        assert!(script.len() > 1000, "{shell}");
        for sub in subcommands() {
            assert!(script.contains(&sub), "{shell} completion lacks {sub}");
        }
    }
}

#[test]
fn the_man_page_covers_every_subcommand_and_the_exit_codes() {
    let repo = repo();
    let page = stdout(&decide(repo.path()).arg("man").output().unwrap());
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "roff");
    for sub in subcommands() {
        assert!(page.contains(&sub), "man page lacks {sub}");
    }
    assert!(page.contains("interrupted (Ctrl\\-C)"), "exit codes");
    // The pages the SUBCOMMANDS section refers to exist too.
    let listed = stdout(
        &decide(repo.path())
            .args(["man", "--list"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        listed.lines().count(),
        subcommands().iter().filter(|s| *s != "help").count()
    );
    for sub in listed.lines() {
        let page = stdout(&decide(repo.path()).args(["man", sub]).output().unwrap());
        assert!(
            page.contains(&format!(".TH decide-{sub} 1")),
            "{sub}: {}",
            &page[..page.len().min(200)]
        );
    }
}

#[test]
fn every_help_leads_with_an_example() {
    let repo = repo();
    let mut names: Vec<Vec<String>> = vec![vec![]];
    names.extend(
        subcommands()
            .into_iter()
            .filter(|s| s != "help")
            .map(|s| vec![s]),
    );
    for path in names {
        let output = decide(repo.path())
            .args(&path)
            .arg("--help")
            .env("COLUMNS", "100")
            .output()
            .unwrap();
        let help = stdout(&output);
        let lines: Vec<&str> = help.lines().collect();
        let example = lines
            .iter()
            .position(|l| *l == "Examples:")
            .unwrap_or_else(|| panic!("{path:?} has no examples:\n{help}"));
        assert!(example <= 3, "{path:?}: examples come first:\n{help}");
        assert!(
            lines[example + 1].trim_start().starts_with("decide"),
            "{path:?}"
        );
        let name = if path.is_empty() {
            "decide".to_string()
        } else {
            format!("decide-{}", path.join("-"))
        };
        insta::assert_snapshot!(name, help);
    }
}

#[test]
fn no_colour_unless_a_terminal_or_asked_for() {
    let repo = repo();
    let plain = decide(repo.path())
        .args(["passages", "zebra"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(
        !stderr(&plain).contains('\u{1b}'),
        "not a terminal: no escape codes"
    );
    let forced = decide(repo.path())
        .args(["--color", "always", "passages", "zebra"])
        .output()
        .unwrap();
    assert!(stderr(&forced).contains('\u{1b}'), "--color always colours");
}

#[test]
fn data_goes_to_stdout_and_messages_to_stderr() {
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "--stdout", "--answers"])
        .arg(example("decision.yaml"))
        .output()
        .unwrap();
    assert!(stdout(&output).starts_with("---\n") && !stdout(&output).contains("▸"));
    assert!(stderr(&output).contains("▸ One-way or two-way door"));
}

#[test]
fn a_closed_pipe_is_success() {
    let repo = repo();
    let mut child = crate::support::decide_process(repo.path())
        .arg("passages")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}
