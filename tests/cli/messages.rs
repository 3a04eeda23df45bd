//! Messages: the six message playbooks from their example answers files (record to the log,
//! message on stdout), the checks that stop a message before anything is written, the
//! interactive jargon loop, and `decide message` on a record from `decide new`.

use std::fs;
use std::path::Path;

use predicates::prelude::*;

use crate::support::{decide, example, records, repo, stderr, stdout, write};

const PLAYBOOKS: [&str; 6] = [
    "tech-debt",
    "deadline",
    "stakeholder-update",
    "disagreement",
    "delegation",
    "say-no",
];

/// Run `decide new` on an example in a fresh repository: (message, record, stderr).
fn new_from_example(name: &str) -> (String, String, String) {
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "--answers"])
        .arg(example(&format!("{name}.yaml")))
        .output()
        .unwrap();
    assert!(output.status.success(), "{name}: {}", stderr(&output));
    let written = records(&repo.path().join("docs/decisions"));
    assert_eq!(written.len(), 1, "{name}");
    let record = fs::read_to_string(&written[0]).unwrap();
    (stdout(&output), record, stderr(&output))
}

/// Numbers as written in a text: "2", "5.4", "2027".
fn numbers(text: &str) -> Vec<f64> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|token| token.trim_matches('.'))
        .filter(|token| !token.is_empty())
        .filter_map(|token| token.parse().ok())
        .collect()
}

#[test]
fn each_playbook_prints_its_message_and_writes_its_cited_record() {
    for name in PLAYBOOKS {
        let (message, record, stderr) = new_from_example(name);
        assert!(
            stderr.contains("Wrote docs/decisions/0001-"),
            "{name}: {stderr}"
        );
        assert!(!message.is_empty(), "{name}: no message on stdout");
        assert!(
            !message.contains("---\nstatus:"),
            "{name}: the record leaked onto stdout"
        );
        // Cited like the decision record: every [n] in the text has its quote, and every
        // reference is pointed at from the text.
        let (body, references) = record.split_once("## References").unwrap();
        for (at, _) in body.match_indices('[') {
            let Some((n, _)) = body[at + 1..].split_once(']') else {
                continue;
            };
            if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
                let quoted = references
                    .split_once(&format!("\n[{n}] "))
                    .and_then(|(_, rest)| rest.split_once("\n\n> "));
                assert!(quoted.is_some(), "{name}: [{n}] has no quote");
            }
        }
        assert!(body.contains(" [1]"), "{name}: the text cites nothing");
        assert_eq!(
            crate::new::uncited_references(&record),
            Vec::<String>::new(),
            "{name}: listed but never cited"
        );
        insta::assert_snapshot!(format!("{name}_message"), message);
        insta::assert_snapshot!(format!("{name}_record"), record);
    }
}

#[test]
fn every_number_in_a_message_is_an_answer_or_in_the_records_working() {
    for name in PLAYBOOKS {
        let (message, record, _) = new_from_example(name);
        let answers = fs::read_to_string(example(&format!("{name}.yaml"))).unwrap();
        // The references quote the episode ("2 weeks", "30%"): those are not ours to use.
        let (working, _) = record.split_once("## References").unwrap();
        let known: Vec<f64> = numbers(&answers)
            .into_iter()
            .chain(numbers(working))
            .collect();
        for number in numbers(&message) {
            assert!(
                known.iter().any(|k| (k - number).abs() < 1e-9),
                "{name}: {number} is neither an answer nor in the record:\n{message}"
            );
        }
    }
}

/// Words in a message's body, as a reader counts them: the greeting ("Hi Maria,") aside.
fn body_words(message: &str) -> usize {
    let body = match message.split_once('\n') {
        Some((first, rest)) if first.starts_with("Hi ") && first.ends_with(',') => rest,
        _ => message,
    };
    body.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// An ISO date (2027-02-24): the record's, never the reader's.
fn has_iso_date(text: &str) -> bool {
    text.as_bytes().windows(10).any(|w| {
        w.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
    })
}

#[test]
fn the_tech_debt_message_puts_the_proposal_first_in_the_users_numbers() {
    let (message, record, shown) = new_from_example("tech-debt");
    // Bottom line first: the proposal and what it takes, then the shortcut's cost from the
    // day the slowdown starts (3 months from Thursday 26 November), then the ask.
    assert!(
        message.starts_with("Hi Maria,\n\nI propose we fix the invoice rules in the billing export properly now. It takes 2 weeks."),
        "{message}"
    );
    assert!(message.contains("The shortcut would save that time, but from Wednesday 24 February 2027 it would slow every new feature by 30%: about 27 days over the next 12 months."), "{message}");
    assert!(
        message
            .trim_end()
            .ends_with("\n\nCan we plan the 2 weeks in now? Please answer by Thursday 3 December."),
        "{message}"
    );
    assert!(
        !message.contains('"'),
        "paraphrase is never in quotation marks"
    );
    assert!(
        !has_iso_date(&message) && !message.contains("docs/"),
        "{message}"
    );
    assert!(shown.contains("Ready to send to stakeholders"), "{shown}");
    // The computed cost, break-even and recurring cost have their formulas in the record.
    // Work in working days: 30% of 2 weeks is 3 days, never "3 days".
    assert!(record.contains("30% × 2 weeks = 3 days"), "{record}");
    assert!(record.contains("9 × 3 days = 27 days"));
    assert!(
        record.contains(
            "10 days saved at 3 days of extra work per slowed feature: 4 slowed features"
        )
    );
    assert!(
        record.contains("After the plan: about 3 features a quarter × 3 days = 9 days a quarter"),
        "{record}"
    );
    // The message's words are kept in the record, for `decide message`.
    let (_, case) = record
        .split_once("## The Case in Business Terms\n\n")
        .unwrap();
    assert!(
        message.contains(case.split_once("\n").unwrap().0),
        "{record}"
    );
}

#[test]
fn the_deadline_message_offers_a_choice_and_asks_which_matters_more() {
    let (message, record, shown) = new_from_example("deadline");
    // "in 7 weeks" from Thursday 26 November 2026: 35 weekdays, less Christmas Day and New
    // Year's Day (no holidays are listed), is 33 working days for 10 weeks (50 days) of work.
    assert!(
        message.starts_with("Hi Sam,\n\nThe new onboarding flow won't fit by Thursday 14 January 2027: 50 working days needed, 33 left.\n"),
        "{message}"
    );
    // The rest of A is started after the date, so it follows B's everything-at-once.
    assert!(message.contains("\nA. Keep the date, if we simplify the sign-up step to email only; the rest follows by Thursday 18 February 2027.\n"), "{message}");
    assert!(
        message.contains("\nB. Everything at once by Thursday 11 February 2027.\n"),
        "{message}"
    );
    // Option A needs 30 of the 33 days: it stays open 3 working days, to Tuesday 8 December.
    assert!(
        message
            .trim_end()
            .ends_with("Which matters more? Please answer by Tuesday 8 December."),
        "{message}"
    );
    // Not decided until Sam chooses: one date to decide by (not a second field with the
    // same date), and no review date.
    assert!(
        record.contains("\ndecide-by: 2026-12-08\n---\n"),
        "{record}"
    );
    assert!(!record.contains("choose-by:"), "{record}");
    assert!(record.contains("* The team's estimate: 10 weeks, 17 days more than the time left."));
    assert!(record.contains(
        "* Left out until it is checked against the estimate: we keep the date if the admin screens move to the next release"
    ));
    assert!(!message.contains("admin screens"), "unchecked: {message}");
    assert!(!has_iso_date(&message), "{message}");
    assert!(shown.contains("Ready to send to stakeholders"), "{shown}");
}

#[test]
fn the_upward_message_is_plain_and_at_most_sixty_words() {
    let (message, record, _) = new_from_example("stakeholder-update");
    let words = message
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    assert!(words <= 60, "{words} words:\n{message}");
    for jargon in ["ORM", "N+1", "queries"] {
        assert!(!message.contains(jargon), "{jargon} in:\n{message}");
    }
    // The impact explained the mechanism; the message says what it means for Priya.
    assert!(
        message.contains("Every customer waits over 3 seconds for it. We found the cause. The fix is about 2 days of work, so it should be done by Monday 30 November."),
        "working days from Thursday 26 November: {message}"
    );
    assert!(
        record.contains("* The impact explained how it works inside; it now says: Every customer waits over 3 seconds for it."),
        "the record keeps the rewrite: {record}"
    );
}

#[test]
fn a_translated_term_reaches_the_message_and_the_record_keeps_it() {
    let repo = repo();
    let answers = write(
        repo.path(),
        "update.yaml",
        "playbook: stakeholder-update\nreader: Priya\nproblem: Checkout latency is high\nimpact: Every customer waits 3 seconds to pay\ncause_known: yes\nfix_time: 2 days\nimprovement: paying takes 1 second\ntranslations:\n  latency: waiting time\n",
    );
    let output = decide(repo.path())
        .args(["new", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let message = stdout(&output);
    assert!(
        message.starts_with(
            "Hi Priya,\n\nCheckout waiting time is high. Every customer waits 3 seconds to pay."
        ),
        "{message}"
    );
    assert!(!message.contains("latency"), "{message}");
    assert!(stderr(&output).contains("Ready to send to stakeholders"));
    let record = fs::read_to_string(&records(&repo.path().join("docs/decisions"))[0]).unwrap();
    assert!(
        record.contains("* \"latency\" is said as: waiting time"),
        "{record}"
    );
}

#[test]
fn jargon_without_a_translation_stops_before_anything_is_written() {
    let repo = repo();
    let answers = write(
        repo.path(),
        "update.yaml",
        "playbook: stakeholder-update\nproblem: Checkout latency is high\nimpact: Every customer waits 3 seconds\ncause_known: yes\nfix_time: 2 days\nimprovement: pages load in 1 second\n",
    );
    decide(repo.path())
        .args(["new", "--answers"])
        .arg(&answers)
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "missing answer for `translations` for \"latency\"",
        ))
        .stderr(predicate::str::contains(
            "add `latency: ...` under `translations:`",
        ));
    assert!(!repo.path().join("docs").exists());
}

/// A problem told by how the code works inside ("the ORM") is not translated word by word:
/// it is asked again in what it means for the listener, and nothing is written without it.
#[test]
fn a_mechanism_without_a_rewrite_stops_before_anything_is_written() {
    let repo = repo();
    let answers = write(
        repo.path(),
        "update.yaml",
        "playbook: stakeholder-update\nproblem: The ORM is slow\nimpact: Every customer waits 3 seconds\ncause_known: yes\nfix_time: 2 days\nimprovement: pages load in 1 second\n",
    );
    decide(repo.path())
        .args(["new", "--answers"])
        .arg(&answers)
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "missing answer for `rewrites` for \"problem\" (Say the problem again, without how it works inside: what does it mean for them?)",
        ))
        .stderr(predicate::str::contains("add `problem: ...` under `rewrites:`"));
    assert!(!repo.path().join("docs").exists());
}

#[test]
fn a_message_over_the_word_limit_writes_nothing() {
    let repo = repo();
    let answers = write(
        repo.path(),
        "update.yaml",
        "playbook: stakeholder-update\n\
         reader: Priya\n\
         problem: The customer dashboard is slow for everyone at the evening peak\n\
         impact: Every customer waits over 3 seconds for it, and support calls about it doubled this month at least\n\
         cause_known: yes\n\
         fix_time: 2 days\n\
         improvement: pages go from 3 seconds down to under half a second for every single customer\n\
         owner: Ravi\n",
    );
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(&answers)
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "the message is 68 words; playbook `stakeholder-update` keeps it to 60 (hint: shorten `impact` (18 words) or `improvement` (15 words))",
        ));
    assert!(!repo.path().join("docs").exists());
}

#[test]
fn with_stdout_the_record_is_printed_and_the_message_left_out() {
    let repo = repo();
    let output = decide(repo.path())
        .args(["new", "-q", "--stdout", "--answers"])
        .arg(example("say-no.yaml"))
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(stdout(&output).starts_with("---\nstatus: accepted\n"));
    assert!(!stdout(&output).contains("Hi Lena"));
    assert!(stderr(&output).contains("drop --stdout to get it"));
    assert!(!repo.path().join("docs").exists());
}

/// A record from `decide new` in a scratch repository, for `decide message`.
fn logged(example_name: &str) -> tempfile::TempDir {
    let repo = repo();
    decide(repo.path())
        .args(["new", "-q", "--answers"])
        .arg(example(example_name))
        .assert()
        .success();
    repo
}

#[test]
fn decide_message_writes_for_each_audience_from_a_record_of_decide_new() {
    for example_name in ["decision", "proposal"] {
        let repo = logged(&format!("{example_name}.yaml"));
        for to in ["stakeholders", "team", "peers"] {
            let output = decide(repo.path())
                .args(["message", "1", "--to", to])
                .output()
                .unwrap();
            assert!(output.status.success(), "{to}: {}", stderr(&output));
            insta::assert_snapshot!(format!("{example_name}_to_{to}"), stdout(&output));
        }
    }
}

/// Once a decision is looked back at, every message tells how it went: nothing is
/// "still being checked" and no review is promised that has already happened.
#[test]
fn after_a_look_back_messages_tell_how_it_went() {
    let repo = logged("decision.yaml");
    decide(repo.path())
        .args(["--today", "2027-01-05", "review", "1", "--answers"])
        .arg(example("review.yaml"))
        .assert()
        .success();
    for to in ["stakeholders", "team", "peers"] {
        let (text, checked) = message(repo.path(), "1", to, None);
        // The team hears what happened, which says why; the others hear why.
        let why = if to == "team" {
            ": it held up. We moved orders to PostgreSQL in January."
        } else {
            ": it held up, as it handled four times the peak"
        };
        assert!(
            text.starts_with("Looking back at the decision on the database for the orders service")
                && text.contains(why),
            "{to}: {text}"
        );
        assert!(text.contains("What we learnt"), "{to}: {text}");
        for stale in [
            "We'll review it by",
            "still checking",
            "finds it out",
            "We've chosen",
        ] {
            assert!(!text.contains(stale), "{to}: {stale:?} in {text}");
        }
        assert!(checked.contains("Ready to send"), "{to}: {checked}");
    }
    let (team, _) = message(repo.path(), "1", "team", None);
    assert!(
        team.contains("The sign we said would tell us it was wrong did not appear."),
        "{team}"
    );
}

/// Once a proposal's time-box has ended, its messages ("by Thursday 10 December we find
/// out ...") are held back until the decision is finished or extended.
#[test]
fn a_proposal_past_its_time_box_is_finished_before_it_is_sent() {
    let repo = logged("proposal.yaml");
    for (today, said) in [
        (
            "2026-12-10",
            "the time-box ends today: finish the decision (or extend it once) with `decide review 1` first",
        ),
        ("2026-12-14", "the time-box ended on Thursday 10 December"),
    ] {
        let output = decide(repo.path())
            .args(["--today", today, "message", "1", "--to", "team"])
            .output()
            .unwrap();
        assert!(
            stderr(&output).contains(said) && stderr(&output).contains("Not ready"),
            "{today}: {}",
            stderr(&output)
        );
    }
    let (_, before) = message(repo.path(), "1", "team", None);
    assert!(before.contains("Ready to send"), "{before}");
}

/// A deadline record written before `choose-by` was dropped (it repeated `decide-by`)
/// gives the same messages as one written now.
#[test]
fn an_older_deadline_record_with_choose_by_gives_the_same_messages() {
    let repo = logged("deadline.yaml");
    let path = records(&repo.path().join("docs/decisions")).remove(0);
    let now = fs::read_to_string(&path).unwrap();
    let audiences = ["stakeholders", "team", "peers"];
    let before: Vec<String> = audiences
        .iter()
        .map(|to| message(repo.path(), "1", to, None).0)
        .collect();
    assert!(
        before[1].contains("we start with the parts we need either way"),
        "{}",
        before[1]
    );
    fs::write(
        &path,
        now.replacen(
            "decide-by: 2026-12-08",
            "choose-by: 2026-12-08\ndecide-by: 2026-12-08",
            1,
        ),
    )
    .unwrap();
    for (to, was) in audiences.iter().zip(&before) {
        assert_eq!(&message(repo.path(), "1", to, None).0, was, "{to}");
    }
}

/// `decide message N --to AUDIENCE [--name NAME]` for a record in `repo`: (stdout, stderr).
fn message(repo: &Path, number: &str, to: &str, name: Option<&str>) -> (String, String) {
    let name = name.map_or_else(Vec::new, |name| vec!["--name", name]);
    crate::support::message_with(repo, number, to, &name)
}

#[test]
fn decide_message_shapes_match_the_audience() {
    let repo = logged("decision.yaml");
    let (stakeholders, checked) = message(repo.path(), "1", "stakeholders", None);
    // Bottom line first, in the lead's plain words, then what changes for them and what is
    // still unknown; not the context, not the team's cons, and no ask nobody made.
    assert!(
        stakeholders.starts_with("We've chosen the system that billing already uses as the database for the orders service, because the team already operates it"),
        "{stakeholders}"
    );
    assert!(
        stakeholders.contains("Nothing changes for customers; the spring campaign date holds.")
    );
    assert!(
        stakeholders.contains("We're still checking the peak traffic for the spring campaign.")
    );
    for internal in [
        "SQLite",
        "schema migrations",
        "MongoDB",
        "PostgreSQL",
        "Joao",
        "Nothing is needed",
        "\"Choose",
    ] {
        assert!(
            !stakeholders.contains(internal),
            "{internal}: {stakeholders}"
        );
    }
    assert!(body_words(&stakeholders) <= 60, "{stakeholders}");
    assert!(checked.contains("Ready to send"), "{checked}");

    let (greeted, _) = message(repo.path(), "1", "stakeholders", Some("Sam"));
    assert_eq!(greeted, format!("Hi Sam,\n\n{stakeholders}"));

    // The team: we're doing X because Y, the first step, the fallback, what is unknown and
    // who finds it out, what changes for us in sentences, and when we look back.
    let (team, checked) = message(repo.path(), "1", "team", None);
    assert!(team.starts_with("We've chosen PostgreSQL as the database for the orders service, because we already operate it"), "{team}");
    assert!(team.contains("First step: move one low-traffic read path, behind a feature flag."));
    assert!(team.contains(
        "If it doesn't work, we'll switch to MongoDB for the order-variant documents only"
    ));
    assert!(team.contains(
        "We don't know the peak write load for the spring campaign yet; Joao is finding it out."
    ));
    assert!(team.contains("What we gain: we already run it for billing.\nWhat to watch: schema migrations need planning.\n"), "{team}");
    assert!(
        team.contains("We review it by Friday 2 April 2027."),
        "{team}"
    );
    assert!(
        !team.contains("Good:") && !team.contains("the team"),
        "{team}"
    );
    assert!(
        !checked.contains("may not know"),
        "jargon is fine among engineers: {checked}"
    );

    // Peers: an FYI with the effect outside the team, not our trade-offs.
    let (peers, checked) = message(repo.path(), "1", "peers", None);
    // Other tech leads get the technical names.
    assert!(peers.starts_with("We've chosen PostgreSQL as the database"));
    assert!(peers.contains("Nothing changes for customers; the spring campaign date holds."));
    assert!(peers.contains("I'm telling you in case it touches your side; if it does, tell me."));
    assert!(
        !peers.contains("trade-off") && !peers.contains("schema"),
        "{peers}"
    );
    assert!(checked.contains("Ready to send"), "{checked}");
}

/// A proposal, in each direction: what we lean towards, what we find out and by when; to
/// stakeholders without who finds out what.
#[test]
fn a_proposal_says_what_is_found_out_and_by_when() {
    let repo = logged("proposal.yaml");
    let (stakeholders, _) = message(repo.path(), "1", "stakeholders", None);
    assert!(
        stakeholders.starts_with(
            "We'll choose the search service for the product catalogue by Thursday 10 December."
        ),
        "{stakeholders}"
    );
    assert!(stakeholders.contains("We lean towards Searchly, because it takes the server upkeep away and keeps the search language we use. Before deciding, we're finding out Searchly's price at our query volume and whether the contract has an exit clause."), "{stakeholders}");
    assert!(stakeholders.contains("Search stays as it is until we decide."));
    assert!(
        !stakeholders.contains("Ana") && !stakeholders.contains("Ben"),
        "{stakeholders}"
    );
    assert!(body_words(&stakeholders) <= 60, "{stakeholders}");

    let (team, _) = message(repo.path(), "1", "team", None);
    assert!(team.starts_with("We lean towards Searchly as the search service for the product catalogue, because it takes the cluster work away"), "{team}");
    assert!(team.contains("By Thursday 10 December, before deciding, we find out Searchly's price at our query volume and whether the contract has an exit clause."), "{team}");
    assert!(team.contains("Ana finds out Searchly's price at our query volume and Ben finds out whether the contract has an exit clause."), "{team}");

    let (peers, _) = message(repo.path(), "1", "peers", None);
    // Within 60 words, other leads get the lean and the question, not our reason.
    assert!(
        peers.contains("by Thursday 10 December, and we lean towards Searchly.")
            && body_words(&peers) <= 60,
        "{peers}"
    );
    // Peers are told what we are finding out and asked what they know, not to find it
    // out for us.
    assert!(
        peers.contains("Still open: Searchly's price at our query volume and whether the contract has an exit clause. If you know any of it, or Searchly would cause trouble on your side, tell me before then."),
        "{peers}"
    );
    assert!(!peers.contains("Can you help us find out"), "{peers}");
}

/// The stance of every message matches the record's outcome: a proposal (an investigation,
/// a proposal to the people who set the priorities, options offered) is never announced
/// as a decision, in any direction.
#[test]
fn a_proposal_is_never_announced_as_a_decision() {
    let repo = repo();
    for name in ["proposal", "tech-debt", "deadline"] {
        decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example(&format!("{name}.yaml")))
            .assert()
            .success();
    }
    for number in ["1", "2", "3"] {
        for to in ["stakeholders", "team", "peers"] {
            for name in [None, Some("Priya")] {
                let (text, _) = message(repo.path(), number, to, name);
                for decided in [
                    "we're going with",
                    "We're going with",
                    "we've decided",
                    "We've decided",
                    "Our decision",
                    "Chosen",
                    "Nothing is needed from you",
                ] {
                    assert!(
                        !text.contains(decided),
                        "{number} to {to}: {decided:?} in\n{text}"
                    );
                }
            }
        }
    }
    let (tech_debt, _) = message(repo.path(), "2", "stakeholders", None);
    assert!(
        // Greeted as `decide new` greeted her.
        tech_debt.starts_with(
            "Hi Maria,\n\nI propose we fix the invoice rules in the billing export properly now."
        ) && tech_debt.contains("Can we plan the 2 weeks in now?"),
        "{tech_debt}"
    );
    let (deadline, checked) = message(repo.path(), "3", "stakeholders", None);
    // The message `decide new` printed to Sam, read back from the record.
    assert!(
        deadline.starts_with("Hi Sam,\n\nThe new onboarding flow won't fit by")
            && deadline.contains("\nA. Keep the date, if we simplify")
            && deadline.contains("\nB. Everything at once by")
            && deadline.contains("Which matters more?"),
        "{deadline}"
    );
    assert!(
        checked.contains("Ready to send to stakeholders"),
        "{checked}"
    );
    // Someone else, say Sam's manager, is told who chooses, not asked to choose for Sam.
    let (onlooker, _) = message(repo.path(), "3", "stakeholders", Some("Dana"));
    assert!(
        onlooker.starts_with("Hi Dana,")
            && onlooker.contains("\n\nSam chooses")
            && !onlooker.contains("Which matters more?"),
        "{onlooker}"
    );
}

/// Every message `decide message` writes, for every example record: upward text within 60
/// words, no file paths or ISO dates anywhere, no broken articles, and every number an answer
/// or in the record; stderr says "ready to send" only when no term is flagged.
#[test]
fn every_message_from_a_record_is_sendable() {
    let repo = repo();
    let names = [
        "decision",
        "proposal",
        "tech-debt",
        "deadline",
        "stakeholder-update",
        "disagreement",
        "delegation",
        "say-no",
    ];
    for name in names {
        decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example(&format!("{name}.yaml")))
            .assert()
            .success();
    }
    let written = records(&repo.path().join("docs/decisions"));
    assert_eq!(written.len(), names.len());
    // A delegation is told to others only once the team member has said yes.
    decide(repo.path())
        .args(["status", "7", "accepted"])
        .assert()
        .success();
    for (index, name) in names.iter().enumerate() {
        let number = (index + 1).to_string();
        let record = fs::read_to_string(&written[index]).unwrap();
        let answers = fs::read_to_string(example(&format!("{name}.yaml"))).unwrap();
        let (working, _) = record.split_once("## References").unwrap();
        let known: Vec<f64> = numbers(&answers)
            .into_iter()
            .chain(numbers(working))
            .collect();
        for to in ["stakeholders", "team", "peers"] {
            let (text, checked) = message(repo.path(), &number, to, Some("Priya"));
            let case = format!("{name} to {to}");
            assert!(text.starts_with("Hi Priya,\n\n"), "{case}: {text}");
            // Upward and sideways, the template drops detail to fit 60 words; when the
            // record's own words are still too many, the check says so instead of "ready
            // to send". Every example fits.
            let words = body_words(&text);
            if to != "team" && words > 60 {
                assert!(
                    checked.contains(&format!(
                        "warning: it is {words} words; a message to {to} keeps to 60"
                    )),
                    "{case}: {words} words, unflagged:\n{text}\n{checked}"
                );
            }
            if to != "team" {
                assert!(words <= 60, "{case}: {words} words\n{text}");
            }
            assert!(!has_iso_date(&text), "{case}: {text}");
            for path in ["docs/", ".md", "decisions/"] {
                assert!(!text.contains(path), "{case}: {path} in {text}");
            }
            for broken in [
                " a a ",
                " the the ",
                " a the ",
                " an the ",
                " a an ",
                " an a ",
            ] {
                assert!(
                    !text.to_lowercase().contains(broken),
                    "{case}: {broken:?} in {text}"
                );
            }
            for number in numbers(&text) {
                assert!(
                    known.iter().any(|k| (k - number).abs() < 1e-9),
                    "{case}: {number} is neither an answer nor in the record:\n{text}"
                );
            }
            let ready = checked.contains("Ready to send");
            let flagged = checked.contains("warning:");
            assert!(
                ready != flagged,
                "{case}: ready or flagged, not both: {checked}"
            );
            if to == "team" {
                assert!(
                    !checked.contains("may not know"),
                    "{case}: no jargon check among engineers: {checked}"
                );
            }
        }
    }
}

/// Nobody hears of a delegation before the team member has said yes; once they have, the
/// team, stakeholders and peers hear who runs it from when, and nothing about anyone's
/// hours or learning.
#[test]
fn a_delegation_is_told_only_after_the_delegate_agrees() {
    let repo = logged("delegation.yaml");
    for to in ["team", "stakeholders", "peers"] {
        decide(repo.path())
            .args(["message", "1", "--to", to])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(
                "nothing to send: Sam hasn't said yes yet",
            ))
            .stderr(predicate::str::contains("decide status"));
    }
    decide(repo.path())
        .args(["status", "1", "accepted"])
        .assert()
        .success();
    let handover = "From Thursday 3 December, Sam takes over the weekly release, and questions about it go to Sam.";
    let (team, checked) = message(repo.path(), "1", "team", None);
    assert_eq!(
        team,
        format!("{handover} I'm still around while it settles in.\n")
    );
    assert!(checked.contains("Ready to send to team"), "{checked}");
    let (stakeholders, checked) = message(repo.path(), "1", "stakeholders", Some("Priya"));
    assert_eq!(
        stakeholders,
        format!("Hi Priya,\n\n{handover} Nothing else changes for you.\n")
    );
    assert!(
        checked.contains("Ready to send to stakeholders"),
        "{checked}"
    );
    let (peers, _) = message(repo.path(), "1", "peers", None);
    assert!(peers.starts_with(handover), "{peers}");
    for text in [&team, &stakeholders, &peers] {
        for private in ["hour", "coaching", "learn", "minutes"] {
            assert!(!text.contains(private), "{private}: {text}");
        }
    }
}

/// Once the person it went to has agreed (the record accepted), the team hears what we do,
/// with the plan, and who agreed; the sender never waits for themself.
#[test]
fn an_agreed_tech_debt_proposal_tells_the_team_the_plan() {
    let repo = logged("tech-debt.yaml");
    let (team, _) = message(repo.path(), "1", "team", None);
    assert!(
        team.contains("I've proposed to Maria that we fix it properly now")
            && team.contains("It isn't decided until Maria agrees")
            && !team.contains("Ana Lima"),
        "{team}"
    );
    decide(repo.path())
        .args(["status", "1", "accepted"])
        .assert()
        .success();
    // Decided now: the date to decide by gives way to a review date, after the review
    // period of a record that names no door (30 days from 26 November, a Saturday).
    let record = fs::read_to_string(&records(&repo.path().join("docs/decisions"))[0]).unwrap();
    assert!(
        !record.contains("decide-by:") && record.contains("review-by: 2026-12-28\n"),
        "{record}"
    );
    assert!(
        record.contains(
            "Review it by Monday 28 December: is the proper fix done, in the 2 weeks planned?"
        ),
        "{record}"
    );
    let (team, checked) = message(repo.path(), "1", "team", None);
    assert!(
        team.starts_with("On the invoice rules in the billing export, Maria agreed, so we'll fix it properly now, because the shortcut would cost about 27 days over the next 12 months, more than the 2 weeks it saves.\n\nThe plan:\n- Now: move the invoice rules into one module"),
        "{team}"
    );
    assert!(checked.contains("Ready to send to team"), "{checked}");
    // Up and sideways too, the decision says what the fix is, not only that it is one.
    for to in ["stakeholders", "peers"] {
        let (text, checked) = message(repo.path(), "1", to, None);
        assert!(
            text.contains("we'll fix it properly now (move the invoice rules into one module that billing and the export both use), because"),
            "{to}: {text}"
        );
        assert!(checked.contains("Ready to send"), "{to}: {checked}");
    }
}

#[test]
fn decide_message_formats() {
    let repo = logged("decision.yaml");
    let (text, _) = message(repo.path(), "1", "team", None);
    let markdown = decide(repo.path())
        .args(["message", "1", "--to", "team", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(markdown.status.success());
    let markdown = stdout(&markdown);
    assert!(!text.contains("**"), "{text}");
    assert_eq!(
        markdown,
        text.replace("What we gain:", "**What we gain:**")
            .replace("What to watch:", "**What to watch:**"),
        "the same message, its labels in bold"
    );
    insta::assert_snapshot!("decision_to_team_markdown", markdown);

    let repo = logged("tech-debt.yaml");
    let json = decide(repo.path())
        .args(["message", "1", "--to", "stakeholders", "--format", "json"])
        .output()
        .unwrap();
    assert!(json.status.success());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["to"], "stakeholders");
    // A proposal proposes its option; nothing is chosen yet.
    assert_eq!(value["brief"]["proposed"], "Fix it properly now");
    assert_eq!(value["brief"]["chosen"], serde_json::Value::Null);
    assert_eq!(value["brief"]["status"], "proposed");
    assert_eq!(value["brief"]["outcome"], "proposal");
    // The same case and ask that `decide new` printed, read back from the record.
    assert!(
        value["text"].as_str().unwrap().ends_with(
            "\n\nCan we plan the 2 weeks in now? Please answer by Thursday 3 December.\n"
        )
    );
    assert!(
        value["record"]
            .as_str()
            .unwrap()
            .ends_with("0001-fix-now-or-later-the-invoice-rules-in-the-billing-export.md")
    );
}

#[test]
fn decide_message_reads_other_formats_and_flags_jargon_for_stakeholders() {
    let repo = repo();
    let record = write(
        repo.path(),
        "doc/adr/0003-use-postgresql.md",
        "# 3. Use PostgreSQL for persistence\n\nDate: 2017-06-20\n\n## Status\n\nAccepted\n\n## Context\n\nThe ORM cannot use the JSON operators we need.\n\n## Decision\n\nWe will migrate orders to PostgreSQL.\n\n## Consequences\n\nReporting queries must be rewritten.\n",
    );
    let output = decide(repo.path())
        .args(["message"])
        .arg(&record)
        .args(["--to", "stakeholders"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "We will migrate orders to PostgreSQL.\n");
    assert!(
        stderr(&output)
            .contains("warning: a stakeholder may not know \"PostgreSQL\": say it in their words"),
        "{}",
        stderr(&output)
    );
    // The team gets the consequences, without the warning: jargon is fine among engineers.
    let team = decide(repo.path())
        .args(["message", "3", "--to", "team"])
        .output()
        .unwrap();
    assert!(team.status.success());
    assert!(!stderr(&team).contains("may not know"), "{}", stderr(&team));
    assert!(
        stdout(&team).contains("\n\nReporting queries must be rewritten.\n"),
        "adr-tools consequences are kept: {}",
        stdout(&team)
    );
}

#[test]
fn a_message_about_a_superseded_decision_says_so() {
    let repo = repo();
    let log = repo.path().join("doc/adr");
    fs::create_dir_all(&log).unwrap();
    for entry in fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/adr-tools"
    ))
    .unwrap()
    .flatten()
    {
        fs::copy(entry.path(), log.join(entry.file_name())).unwrap();
    }
    // The successor by its title (and, for the team and peers, its number), never its
    // file, and what it decided; each reader gets what they need.
    let cases = [
        (
            "stakeholders",
            "The decision to use MySQL for persistence has been replaced by the decision to use PostgreSQL for persistence. We will migrate orders to PostgreSQL 9.6.\n",
        ),
        (
            "team",
            "The decision to use MySQL for persistence no longer holds: it has been replaced by ADR 3, the decision to use PostgreSQL for persistence. We will migrate orders to PostgreSQL 9.6. Follow the new decision from now on; questions are welcome.\n",
        ),
        (
            "peers",
            "FYI: the decision to use MySQL for persistence has been replaced by ADR 3, the decision to use PostgreSQL for persistence. We will migrate orders to PostgreSQL 9.6. If your side depends on the old one, tell me.\n",
        ),
    ];
    for (audience, expected) in cases {
        let text = stdout(
            &decide(repo.path())
                .args(["message", "2", "--to", audience])
                .output()
                .unwrap(),
        );
        assert_eq!(text, expected, "{audience}");
    }
}

#[test]
fn decide_message_errors_name_the_problem() {
    let repo = logged("decision.yaml");
    decide(repo.path())
        .args(["message", "9", "--to", "team"])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("no record is numbered 9"));
    decide(repo.path())
        .args(["message", "1", "--to", "everyone"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: stakeholders, team, peers",
        ));
    decide(repo.path())
        .args(["message", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--to"));
}

#[test]
fn playbook_checks_cover_messages_and_per_item_questions() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("templates")).unwrap();
    fs::write(dir.path().join("templates/custom.md"), "# {{ t }}\n").unwrap();
    let base = "id: custom\ntitle: Custom\nsummary: A test playbook.\nrecord:\n  template: custom.md\n  title: \"{{ t }}\"\n";
    let cases: &[(&str, &str)] = &[
        (
            "message:\n  template: messages/nope.txt\nquestions:\n  - id: t\n    prompt: Title?\n    kind: text\n",
            "message template `messages/nope.txt` does not exist",
        ),
        (
            "message:\n  template: messages/tech-debt.txt\n  max_words: 0\nquestions:\n  - id: t\n    prompt: Title?\n    kind: text\n",
            "`max_words` of the message is 0",
        ),
        (
            "questions:\n  - id: t\n    prompt: Title?\n    kind: text\n  - id: each\n    prompt: \"About {{ item }}?\"\n    kind: options\n    for_each: t\n",
            "question `each` is asked for each item, which an options question cannot be",
        ),
        (
            "questions:\n  - id: t\n    prompt: Title?\n    kind: text\n  - id: each\n    prompt: \"About {{ item }}?\"\n    kind: text\n    for_each: \"t.split(\"\n",
            "question `each`: `for_each` does not parse",
        ),
    ];
    for (rest, expected) in cases {
        let path = dir.path().join("custom.yaml");
        fs::write(&path, format!("{base}{rest}")).unwrap();
        decide(dir.path())
            .args(["playbooks", "check"])
            .arg(&path)
            .assert()
            .code(4)
            .stderr(predicate::str::contains(*expected));
    }
}

/// The upward update at a real terminal: the coach flags the sentence that explains the
/// mechanism and asks for it again in the listener's terms, then asks how to say each
/// jargon term, before the message is printed.
#[cfg(unix)]
#[test]
fn at_the_terminal_each_jargon_term_is_asked_before_the_message() {
    use rexpect::reader::Options;
    use rexpect::session::spawn_with_options;

    let repo = repo();
    let mut command = crate::support::decide_process(repo.path());
    command
        .args(["new", "--playbook", "stakeholder-update"])
        .env("TERM", "xterm");
    let options = Options::new()
        .timeout_ms(Some(20_000))
        .strip_ansi_escape_codes(true);
    let mut s = spawn_with_options(command, options).expect("spawn decide in a pty");
    s.exp_string("Who is the update for?").unwrap();
    s.send_line("Priya").unwrap();
    s.exp_string("What is the problem, in the listener's words?")
        .unwrap();
    s.send_line("Checkout latency is high").unwrap();
    s.exp_string("How big is it").unwrap();
    s.send_line("Every customer waits 3 seconds because of N+1 queries")
        .unwrap();
    s.exp_string("Do you know the cause?").unwrap();
    s.send("y\r").unwrap();
    s.flush().unwrap();
    s.exp_string("How long will the fix take?").unwrap();
    s.send_line("2 days").unwrap();
    s.exp_string("Is it still happening for users?").unwrap();
    s.send("\r").unwrap();
    s.flush().unwrap();
    s.exp_string("What improves once it is fixed").unwrap();
    s.send_line("paying takes under 1 second").unwrap();
    // The mechanism first: said again in what it means for Priya, not word by word.
    s.exp_string("Stakeholders don't need the mechanism")
        .unwrap();
    s.exp_string(
        "\"Every customer waits 3 seconds because of N+1 queries\" explains how the system works inside (N+1 queries)",
    )
    .unwrap();
    s.exp_string("What do you commit to now, whatever the cause?")
        .unwrap();
    s.send_line("").unwrap();
    // A prompt longer than the terminal's 80 columns wraps between words.
    s.exp_string("Say the impact again, without how it works inside: what does it mean for")
        .unwrap();
    // What was said is typed in already, to edit: Ctrl-U clears it.
    s.send("\x15").unwrap();
    s.send_line("Every customer waits 3 seconds to pay")
        .unwrap();
    // Then each remaining term.
    s.exp_string("1 term to say in their words: latency")
        .unwrap();
    s.exp_string("How would you say \"latency\" to someone outside engineering?")
        .unwrap();
    s.send_line("waiting time").unwrap();
    s.exp_string("Plain language: it answers their questions")
        .unwrap();
    // Then, for the team: the cause the impact gave is offered, the fix and its owner.
    s.exp_string("What is the cause, in engineering words?")
        .unwrap();
    s.exp_string("N+1 queries").unwrap();
    s.send_line("").unwrap();
    s.exp_string("What is the fix, in engineering words?")
        .unwrap();
    s.send_line("load the rows in one query").unwrap();
    s.exp_string("Who owns the fix?").unwrap();
    s.send_line("Ravi").unwrap();
    s.exp_string("Before the record is written").unwrap();
    s.send("\r").unwrap();
    s.flush().unwrap();
    // The record's path on stderr, then the message, last, where it is easy to copy.
    s.exp_string("Wrote docs/decisions/0001-update-checkout-latency-is-high.md")
        .unwrap();
    s.exp_string("Checkout waiting time is high. Every customer waits 3 seconds to pay.")
        .unwrap();
    s.exp_eof().unwrap();
    let written = records(&repo.path().join("docs/decisions"));
    assert_eq!(written.len(), 1);
    let record = fs::read_to_string(&written[0]).unwrap();
    assert!(
        record.contains("* The impact explained how it works inside; it now says: Every customer waits 3 seconds to pay.")
            && record.contains("* \"latency\" is said as: waiting time")
            && record.contains("* Cause: N+1 queries")
            && record.contains("* Owner: Ravi"),
        "{record}"
    );
}

#[test]
fn the_records_of_every_playbook_pass_the_logs_lint() {
    let repo = repo();
    for name in PLAYBOOKS.iter().chain(&["decision", "proposal"]) {
        decide(repo.path())
            .args(["new", "-q", "--answers"])
            .arg(example(&format!("{name}.yaml")))
            .assert()
            .success();
    }
    decide(repo.path())
        .arg("lint")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("8 records: 0 errors, 0 warnings"));
}

/// Stakeholders hear the decision and its effect, not who argued.
#[test]
fn stakeholders_hear_no_team_politics() {
    let repo = logged("disagreement.yaml");
    let (text, checked) = message(repo.path(), "1", "stakeholders", None);
    assert!(
        // The reason leaves to the effect what the effect says: 1 week instead of 3, once.
        text.contains("We've settled how the order service tells shipping about new orders, because it's simpler and it's easier to change later. The new link to shipping is ready in 1 week instead of 3"),
        "{text}"
    );
    assert!(checked.contains("Ready to send"), "{checked}");
    for politics in ["Priya", "Tom", "disagree", "argue", "API"] {
        assert!(!text.contains(politics), "{politics}: {text}");
    }
}

#[test]
fn a_team_adds_its_own_jargon() {
    let repo = repo();
    let record = write(
        repo.path(),
        "doc/adr/0001-move-events-to-orderbus.md",
        "# 1. Move order events to Orderbus\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n\n## Context\n\nOrder events get lost under load.\n\n## Decision\n\nWe will publish order events to Orderbus from the Till service.\n\n## Consequences\n\nShipping reads from a topic.\n",
    );
    let check = |repo: &Path| {
        let output = decide(repo)
            .args(["message"])
            .arg(&record)
            .args(["--to", "stakeholders"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stderr(&output)
    };
    // Our own service names are not in the shared list...
    let before = check(repo.path());
    assert!(
        before.contains("Ready to send") && !before.contains("Orderbus"),
        "{before}"
    );
    // ...until the team adds them.
    write(
        repo.path(),
        ".decide/playbooks/words/jargon.yaml",
        "terms:\n  - Orderbus\n  - the Till service\n",
    );
    let warned = check(repo.path());
    assert!(
        warned.contains("\"Orderbus\"") && warned.to_lowercase().contains("the till service"),
        "{warned}"
    );
    assert!(!warned.contains("Ready to send"), "{warned}");

    write(
        repo.path(),
        ".decide/playbooks/words/jargon.yaml",
        "term:\n  - Orderbus\n",
    );
    decide(repo.path())
        .args(["message"])
        .arg(&record)
        .args(["--to", "stakeholders"])
        .assert()
        .code(4)
        .stdout("")
        .stderr(predicate::str::contains(
            "words/jargon.yaml:1:1: unknown field `term`",
        ));
}

#[test]
fn decide_message_for_slack_and_mail_says_what_markdown_says() {
    let repo = logged("decision.yaml");
    for to in ["stakeholders", "team"] {
        let run = |format: &str| {
            let output = decide(repo.path())
                .args(["message", "1", "--to", to, "--format", format])
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "{to} {format}: {}",
                stderr(&output)
            );
            (stdout(&output), stderr(&output))
        };
        let (markdown, markdown_checks) = run("markdown");
        let (slack, slack_checks) = run("slack");
        let (html, html_checks) = run("html");
        // The same words, checked the same way: the conversion comes after the checks.
        assert_eq!(slack_checks, markdown_checks, "{to}");
        assert_eq!(html_checks, markdown_checks, "{to}");
        assert!(!slack.contains("**") && !slack.lines().any(|l| l.starts_with('#')));
        assert!(html.starts_with("<p>") && !html.contains("**"), "{html}");
        insta::assert_snapshot!(format!("decision_to_{to}_slack"), slack);
        insta::assert_snapshot!(format!("decision_to_{to}_html"), html);
        // Words as a reader sees them: tags dropped, entities read as their characters.
        let words = |text: &str| {
            let mut seen = String::new();
            let mut in_tag = false;
            for c in text.chars() {
                match c {
                    '<' if html_like(text) => in_tag = true,
                    '>' if in_tag => in_tag = false,
                    c if !in_tag => seen.push(c),
                    _ => {}
                }
            }
            let seen = seen
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            seen.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        };
        assert_eq!(words(&slack), words(&markdown), "{to}: {slack}");
        assert_eq!(words(&html), words(&markdown), "{to}: {html}");
    }
}

/// Whether `text` is the HTML fragment (its tags are markup) rather than mrkdwn, whose
/// `<url|text>` links are words to count.
fn html_like(text: &str) -> bool {
    text.starts_with("<p>")
}

/// A log in our own words with a record for each way a decision stops holding, and
/// titles no sentence can take in as they are.
fn closed_log() -> tempfile::TempDir {
    let repo = repo();
    let dir = repo.path().join("doc/adr");
    fs::create_dir_all(&dir).unwrap();
    let records = [
        (
            "0001-use-a-shared-inbox.md",
            "# 1. Use a shared inbox\n\nDate: 2024-01-10\n\n## Status\n\nRejected\n\n## Context\n\nSupport mail goes to three people.\n\n## Decision\n\nWe route support mail to one shared inbox.\n\n## Reason for rejection\n\nThe helpdesk tool already does this for free. We keep personal inboxes.\n",
        ),
        (
            "0002-nightly-batch-export.md",
            "# 2. Nightly batch export\n\nDate: 2024-02-01\n\n## Status\n\nReverted by [the spring review](https://tracker.example/12).\n\nPartners get the export hourly again. Anyone who scheduled around the nightly file should move back to the hourly one.\n\n## Decision\n\nWe export once a night.\n",
        ),
        (
            "0003-hourly-export.md",
            "# 3. Hourly export\n\nDate: 2024-03-01\n\n## Status\n\nSuperseded by [4. Export on change](0004-export-on-change.md)\n\n## Decision\n\nWe export every hour.\n",
        ),
        (
            "0004-export-on-change.md",
            "# 4. Export on change\n\nDate: 2024-04-01\n\n## Status\n\nAccepted\n\n## Decision\n\nWe will export each order as soon as it changes.\n",
        ),
        (
            "0005-report-engine.md",
            "---\nstatus: deprecated\ndate: 2024-05-01\n---\n\n# Report engine: Fastgraph\n\n> Deprecated as of 2025-01-10: the reports now come from the warehouse, so the engine has nothing left to draw.\n\n## Decision Outcome\n\nChosen option: \"Fastgraph\", because it draws quickly.\n",
        ),
        (
            "0006-adr-shared-cache-layer.md",
            "# 6. ADR: Shared Cache Layer\n\nDate: 2024-06-01\n\n## Status\n\nIn review\n\n## Decision\n\nAll services will read through one cache.\n",
        ),
        (
            "0007-should-we-split-the-monolith.md",
            "# 7. Should we split the monolith?\n\nDate: 2024-07-01\n\n## Status\n\nDeclined\n\n**Until the team grows, we keep one deployable and revisit next year.**\n\n## Decision\n\nSplit the monolith into four services.\n",
        ),
    ];
    for (name, text) in records {
        fs::write(dir.join(name), text).unwrap();
    }
    repo
}

/// `decide message NUMBER --to TO --format FORMAT` in `repo`, which must succeed.
fn message_from(repo: &tempfile::TempDir, number: &str, to: &str, format: &str) -> String {
    crate::support::message_with(repo.path(), number, to, &["--format", format]).0
}

#[test]
fn a_record_no_longer_in_force_gets_what_each_reader_needs() {
    let repo = closed_log();
    let message = |number: &str, to: &str, format: &str| message_from(&repo, number, to, format);
    // (record, audience, what the message starts with, what it says after).
    let cases = [
        (
            "1",
            "stakeholders",
            "We considered the proposal to use a shared inbox and decided against it, so nothing changes for you.",
            "The helpdesk tool already does this for free.",
        ),
        (
            "1",
            "team",
            "We considered the proposal to use a shared inbox and decided against it: it never came into force",
            "We keep personal inboxes.",
        ),
        (
            "1",
            "peers",
            "FYI: we considered the proposal to use a shared inbox and decided against it.",
            "I'm happy to share what we found.",
        ),
        (
            "2",
            "stakeholders",
            "We've reversed the decision on the nightly batch export.",
            "Partners get the export hourly again.",
        ),
        (
            "2",
            "team",
            "We've reversed the decision on the nightly batch export.",
            "tell me and we'll sort out the change.",
        ),
        (
            "2",
            "peers",
            "Heads-up: we've reversed the decision on the nightly batch export.",
            "If your side relied on it",
        ),
        (
            "3",
            "stakeholders",
            "The decision on the hourly export has been replaced by the decision on the export on change.",
            "We will export each order as soon as it changes.",
        ),
        (
            "3",
            "team",
            "The decision on the hourly export no longer holds: it has been replaced by ADR 4, the decision on the export on change.",
            "Follow the new decision from now on",
        ),
        (
            "3",
            "peers",
            "FYI: the decision on the hourly export has been replaced by ADR 4",
            "If your side depends on the old one, tell me.",
        ),
        (
            "5",
            "stakeholders",
            "We're phasing out the decision \"Report engine: Fastgraph\".",
            "The reports now come from the warehouse",
        ),
        (
            "5",
            "team",
            "We're phasing out the decision \"Report engine: Fastgraph\": don't build anything new on it.",
            "We had gone with Fastgraph.",
        ),
        (
            "5",
            "peers",
            "FYI: we're phasing out the decision \"Report engine: Fastgraph\".",
            "so we can plan the move together.",
        ),
        (
            "7",
            "stakeholders",
            "We considered the proposal \"Should we split the monolith?\" and decided against it",
            "we keep one deployable",
        ),
    ];
    for (number, to, starts, says) in cases {
        let text = message(number, to, "text");
        assert!(text.starts_with(starts), "{number} {to}: {text}");
        assert!(text.contains(says), "{number} {to}: {text}");
    }
}

#[test]
fn a_record_no_longer_in_force_is_never_announced_as_decided() {
    let repo = closed_log();
    let message = |number: &str, to: &str, format: &str| message_from(&repo, number, to, format);
    // Every reader, every format: nothing the record's status contradicts, no Markdown in
    // plain text, and stakeholders' bottom line in at most 60 words.
    for number in ["1", "2", "3", "5", "6", "7"] {
        for to in ["stakeholders", "team", "peers"] {
            for format in ["text", "markdown", "slack", "html", "json"] {
                let text = message(number, to, format);
                assert!(
                    !text.contains("no longer holds: it was"),
                    "{number} {to}: {text}"
                );
                assert!(!text.contains("We've decided"), "{number} {to}: {text}");
                if number != "1" && number != "7" {
                    assert!(!text.contains("Nothing changes"), "{number} {to}: {text}");
                }
                if format == "text" {
                    assert!(!text.contains("**") && !text.contains("]("), "{text}");
                    if to == "stakeholders" {
                        assert!(text.split_whitespace().count() <= 60, "{text}");
                        assert!(!text.contains(".md") && !text.contains("ADR"), "{text}");
                    }
                }
            }
        }
    }
    // A proposal in review is not announced as decided, and its title's "ADR:" and Title
    // Case are not worked into a sentence.
    let proposal = message("6", "stakeholders", "text");
    assert_eq!(
        proposal,
        "We haven't decided on \"Shared Cache Layer\" yet. I'll tell you the outcome.\n"
    );
    // The team hears what is proposed as a proposal, even where the record words it as
    // decided ("All services will read …").
    assert_eq!(
        message("6", "team", "text"),
        "We haven't decided on \"Shared Cache Layer\" yet. What's proposed: all services will read through one cache.\n"
    );
}

/// A list item whose second line is not indented (Markdown's lazy continuation) is one
/// item: the message has it whole, never its second line alone.
#[test]
fn a_list_item_wrapped_without_indent_reaches_the_message_whole() {
    let repo = repo();
    let dir = repo.path().join("doc/adr");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("0001-sign-receipts.md"),
        "# 1. Sign receipts\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\n## Decision\n\n- sign every receipt with the till's key, so that auditors can check it\nwithout calling the shop\n- keep the keys in the tills' secure chip\n\n## Consequences\n\nAuditors check receipts offline.\n",
    )
    .unwrap();
    for to in ["stakeholders", "team"] {
        let output = decide(repo.path())
            .args(["message", "1", "--to", to])
            .output()
            .unwrap();
        let text = stdout(&output);
        assert!(
            text.to_lowercase().contains(
                "sign every receipt with the till's key, so that auditors can check it without calling the shop; keep the keys"
            ),
            "{to}: {text}"
        );
        assert!(!text.starts_with("without"), "{to}: {text}");
    }
}

#[test]
fn messages_a_long_decision_from_another_tool_keeps_to_sixty_words_for_stakeholders() {
    let repo = repo();
    let log = repo.path().join("doc/adr");
    fs::create_dir_all(&log).unwrap();
    crate::support::copy_tree(
        Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/long-decisions"
        )),
        &log,
        "",
    );
    let say = |number: &str, audience: &str| {
        let output = decide(repo.path())
            .args(["message", number, "--to", audience])
            .output()
            .unwrap();
        assert!(output.status.success(), "{number}: {}", stderr(&output));
        (stdout(&output), stderr(&output))
    };
    // (record, what the message opens with, where the rest is)
    let cases = [
        (
            "1",
            "We will move every build to a hosted build service for the following reasons: nobody has to patch",
            "; and three more reasons in the decision record.\n",
        ),
        (
            "2",
            "We've decided on six points, starting with: Fetch each harbour's timetable on its own",
            " Three more are in the decision record.\n",
        ),
        (
            "3",
            "After reviewing the results",
            "to compute all fares in the new pricing module; the reasons are in the decision record.\n",
        ),
    ];
    for (number, opens, ends) in cases {
        let (text, stderr) = say(number, "stakeholders");
        assert!(text.starts_with(opens), "{number}: {text}");
        assert!(text.ends_with(ends), "{number}: {text}");
        assert!(text.split_whitespace().count() <= 60, "{number}: {text}");
        assert!(
            stderr.contains("Ready to send to stakeholders"),
            "{number}: {stderr}"
        );
        // The team hears the whole decision.
        let (team, _) = say(number, "team");
        assert!(!team.contains("decision record"), "{number}: {team}");
    }
    // A proposal stays a proposal.
    let (text, _) = say("4", "stakeholders");
    assert!(text.contains("haven't decided"), "{text}");
    assert!(text.split_whitespace().count() <= 60, "{text}");
}

/// In an adr-tools log the proposal is written with the nygard template (so adr-tools still
/// reads it), which has no fields for its date to decide by or its open questions: the
/// record keeps the date as a `Decide-by:` line, and the team and peers hear the same
/// proposal as from our own format, never the record's sentence pasted in.
#[test]
fn a_proposal_in_an_adr_tools_log_is_announced_as_in_our_own_format() {
    let ours = logged("proposal.yaml");
    let theirs = repo();
    crate::support::copy_tree(
        Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/logs/adr-tools"
        )),
        theirs.path(),
        "expected.yaml",
    );
    fs::write(theirs.path().join(".adr-dir"), "doc/adr\n").unwrap();
    decide(theirs.path())
        .args(["new", "-q", "--answers"])
        .arg(example("proposal.yaml"))
        .assert()
        .success();
    let record = fs::read_to_string(
        records(&theirs.path().join("doc/adr"))
            .into_iter()
            .find(|p| p.to_string_lossy().contains("search-service"))
            .unwrap(),
    )
    .unwrap();
    assert!(
        record.starts_with("# 8. ") && record.contains("\nDecide-by: 2026-12-10\n"),
        "{record}"
    );
    let listed = stdout(&decide(theirs.path()).args(["list"]).output().unwrap());
    assert!(listed.contains("2026-12-10 (decide)"), "{listed}");
    for to in ["team", "peers"] {
        let (expected, _) = message(ours.path(), "1", to, None);
        let (said, _) = message(theirs.path(), "8", to, None);
        assert_eq!(said, expected, "{to}");
        assert!(!said.contains("What's proposed"), "{said}");
    }
}
