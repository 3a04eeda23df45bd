//! Messages from records decide did not write, in the shapes other teams' logs take
//! (tests/fixtures/foreign-messages, written in our own words): each record carries one
//! thing that once made a message a lead could not send as it is.

use std::fs;
use std::path::Path;

use crate::support::repo;

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/foreign-messages"
);

/// A scratch repository with the fixtures as its adr-tools log.
fn log() -> tempfile::TempDir {
    let repo = repo();
    let dir = repo.path().join("doc/adr");
    fs::create_dir_all(&dir).unwrap();
    crate::support::copy_tree(Path::new(FIXTURES), &dir, "");
    repo
}

/// The message for record `number` to `to`, and what stderr says of it.
fn message(repo: &tempfile::TempDir, number: &str, to: &str) -> (String, String) {
    crate::support::message_with(repo.path(), number, to, &[])
}

const AUDIENCES: [&str; 3] = ["stakeholders", "team", "peers"];

/// What a message must never say: words that point at parts of the record it leaves out.
fn points_at_the_record(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["above", "below", "the following", "see the"]
        .iter()
        .any(|pointer| lower.contains(pointer))
}

#[test]
fn a_message_never_points_at_parts_of_the_record_it_leaves_out() {
    let repo = log();
    for to in AUDIENCES {
        let (text, _) = message(&repo, "1", to);
        assert!(!points_at_the_record(&text), "{to}: {text}");
        // The content the pointers framed is said, as a sentence of its own.
        assert!(
            text.starts_with("We keep one folder per feature."),
            "{to}: {text}"
        );
    }
    // A consequence that only points goes; the others stay.
    let (team, _) = message(&repo, "1", "team");
    assert!(
        team.contains("Moving the old screens takes a week."),
        "{team}"
    );
    // A decision that is nothing but a pointer is not said at all.
    for to in AUDIENCES {
        let (text, _) = message(&repo, "2", to);
        assert!(!points_at_the_record(&text), "{to}: {text}");
    }
}

#[test]
fn markdown_and_html_leave_their_text_and_no_markup() {
    let repo = log();
    for to in AUDIENCES {
        let (text, _) = message(&repo, "3", to);
        assert!(
            text.contains("We sign every request with the till's key in the cbor encoding, and the server checks it before it queues the request."),
            "{to}: {text}"
        );
        for markup in ["[", "]", "<", ">", "!", "style-check", "flow.png", "^"] {
            assert!(!text.contains(markup), "{to}: {markup:?} in {text}");
        }
        // A link whose text runs over a line break keeps its text too.
        let (text, _) = message(&repo, "17", to);
        assert!(
            text.starts_with("We keep every entry of the audit log for twelve months"),
            "{to}: {text}"
        );
    }
    let (team, _) = message(&repo, "3", "team");
    assert!(
        team.contains("Forged requests are refused at the door."),
        "{team}"
    );
    assert!(team.contains("The tills need a chip each."), "{team}");
}

/// A decided record that gives no decision in words a message can use is said as what it
/// settled, never as its title quoted as if it were the decision ("We've made the decision
/// "Release Calendar"").
#[test]
fn a_decision_without_words_for_it_is_said_as_what_it_settled() {
    let repo = log();
    let cases = [
        // Nothing but a pointer: the title says what was done.
        ("2", "We've decided to lay out the shared widgets."),
        // No decision section, a title in Title Case: what it was about, and where the
        // details are.
        (
            "4",
            "We've made a decision on \"Release Calendar\"; the details are in the decision record.",
        ),
        // The decision under another heading.
        (
            "5",
            "We build every branch once a night and keep the last seven builds.",
        ),
        // A title that is a sentence states the decision.
        ("6", "Retired pages answer with a clear error."),
        // A letter where the decision should be says nothing.
        (
            "18",
            "We've made a decision on the scratch record; the details are in the decision record.",
        ),
        // A status where the decision should be says nothing.
        (
            "7",
            "We've made a decision on \"Tracing Sample Rate\"; the details are in the decision record.",
        ),
    ];
    for (number, opens) in cases {
        for to in AUDIENCES {
            let (text, stderr) = message(&repo, number, to);
            assert!(text.starts_with(opens), "{number} {to}: {text}");
            assert!(!text.contains("made the decision"), "{number} {to}: {text}");
            assert!(stderr.contains("Ready to send"), "{number} {to}: {stderr}");
        }
    }
}

/// A title is never made the subject of a sentence it cannot agree with ("The logins and roles
/// is not decided yet"), nor given an article it does not take ("the composition over
/// inheritance").
#[test]
fn a_title_is_named_in_a_sentence_it_reads_right_in() {
    let repo = log();
    let cases = [
        ("8", "We haven't decided on logins and roles yet."),
        (
            "9",
            "We haven't decided on composition over inheritance yet.",
        ),
        ("10", "We haven't decided on the sign-up form yet."),
    ];
    for (number, opens) in cases {
        for to in AUDIENCES {
            let (text, stderr) = message(&repo, number, to);
            assert!(text.starts_with(opens), "{number} {to}: {text}");
            assert!(stderr.contains("Ready to send"), "{number} {to}: {stderr}");
        }
    }
}

/// Other leads skim as managers do: a decision too long for 60 words is said shorter to
/// peers too, whole sentences and items, with where the rest is, and is ready to send.
#[test]
fn a_long_decision_is_said_shorter_to_peers_and_is_ready_to_send() {
    let repo = log();
    let (text, stderr) = message(&repo, "11", "peers");
    assert!(
        text.starts_with(
            "We will move the nightly reports to the warehouse for the following reasons: "
        ),
        "{text}"
    );
    assert!(
        text.contains(" more reasons in the decision record."),
        "{text}"
    );
    assert!(text.split_whitespace().count() <= 60, "{text}");
    assert!(stderr.contains("Ready to send to peers"), "{stderr}");
    // The team hears every reason.
    let (team, _) = message(&repo, "11", "team");
    assert!(
        team.contains("the old report server is out of support"),
        "{team}"
    );
}

/// The team's gains and risks read as sentences: a few short phrases in the sentence, each
/// with the subject its verb agrees with; sentences or many items as a list, never joined
/// into ".;" or "..".
#[test]
fn gains_and_risks_from_a_list_read_as_sentences() {
    let repo = log();
    let (team, stderr) = message(&repo, "12", "team");
    assert!(
        team.contains("What we gain:\n- Reviewers see the change running.\n- Don't have to wait for the nightly build.\n"),
        "{team}"
    );
    assert!(
        team.contains("What to watch: we need to watch the hosting bill.\n"),
        "{team}"
    );
    assert!(!team.contains(".;") && !team.contains(".."), "{team}");
    assert!(stderr.contains("Ready to send to team"), "{stderr}");
}

/// Decisions other tools word their own way still read as the decision: an option named
/// by its label, a decided proposal, a sentence its list finishes, a lead-in whose table a
/// message cannot carry.
#[test]
fn a_decision_worded_another_way_reads_as_the_decision() {
    let repo = log();
    let cases = [
        (
            "13",
            "keep the price list for five minutes before reading it again",
        ),
        (
            "14",
            "We've decided to switch the last two suppliers to email orders and turn the gateway off in March.",
        ),
        (
            "15",
            "Therefore, we should: stop the nightly full copy; send only the rows that changed.",
        ),
        ("16", "Merge the two tariff tables into one."),
    ];
    for (number, says) in cases {
        for to in AUDIENCES {
            let (text, stderr) = message(&repo, number, to);
            assert!(text.contains(says), "{number} {to}: {text}");
            assert!(!text.contains("Option B"), "{number} {to}: {text}");
            assert!(!text.contains("the record"), "{number} {to}: {text}");
            assert!(stderr.contains("Ready to send"), "{number} {to}: {stderr}");
        }
    }
}

/// A list item that runs over a line break, or a list with blank lines between its items,
/// is said whole; a sentence that only says where to look goes whole, link and all; two
/// capitalised words mid-list are a name and keep their capitals.
#[test]
fn list_items_are_whole_and_links_never_half_said() {
    let repo = log();
    let (team, _) = message(&repo, "19", "team");
    assert!(
        team.contains(
            "comes with a lot of work that we prefer to avoid. Polling the tables misses deletes."
        ),
        "{team}"
    );
    assert!(!team.contains("//") && !team.contains("See"), "{team}");
    assert!(
        team.contains("What to watch: Change Reader costs more than the nightly job."),
        "{team}"
    );
}

/// A chosen option named by a label or a number says the option it names.
#[test]
fn a_chosen_option_named_by_its_label_says_the_option() {
    let repo = log();
    let cases = [
        ("20", "one shared inbox for the whole support team"),
        ("21", "a release whenever a change is ready"),
        ("22", "one counter per country"),
    ];
    for (number, says) in cases {
        for to in AUDIENCES {
            let (text, stderr) = message(&repo, number, to);
            assert!(text.contains(says), "{number} {to}: {text}");
            for label in ["Option", "option 2", "(2)", "2."] {
                assert!(!text.contains(label), "{number} {to}: {label} in {text}");
            }
            assert!(stderr.contains("Ready to send"), "{number} {to}: {stderr}");
        }
    }
}
