//! A proposal that waited for someone's answer (our `outcome: proposal`, or `options` for a
//! choice offered to a stakeholder), once the answer is yes (`decide status N accepted`).
//! From then on the record says one thing: it is decided. Its date to decide by gives way
//! to a review date, the Decision Outcome names the option chosen and stops saying it waits,
//! and what the proposal asked for is kept as history before the references, so the
//! messages written from the record announce a decision, never the proposal again.

use chrono::NaiveDate;

use super::Record;
use super::finish::{DECIDE_BY, THEN_REVIEW, replace_front, section_range, set_front};

/// Sentences the record templates write only while a proposal waits for its answer (the
/// test below renders every waiting record the playbooks write and accepts it: none of
/// them may keep one).
const WAITING: &[&str] = &[
    "Nothing is decided yet",
    "Nothing is agreed yet",
    "No option is chosen yet",
    "isn't decided until",
    "stays proposed until",
    "The answer is needed by",
];

/// Sections that ask for the answer: once it came they are history.
const ASKING: &[&str] = &["### Needed From Outside the Team", "### What We Ask"];

/// Heading of the history section an accepted proposal gets.
pub(crate) const ACCEPTED_HEADING: &str = "Proposal Accepted";

/// The yes a proposal waited for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Answer<'a> {
    pub today: NaiveDate,
    /// When the decision is reviewed: as ISO, and as people write it.
    pub review_by: (&'a str, &'a str),
    /// For a choice among options: the one chosen, as the record lists it.
    pub chosen: Option<&'a str>,
}

/// Whether `record` is one of ours waiting for someone's answer.
pub(crate) fn is_waiting(record: &Record) -> bool {
    matches!(
        record.front_matter.get("outcome"),
        Some("proposal" | "options")
    )
}

/// Whether `record` waits for someone to choose among the options it offers, rather than
/// for a yes to the one it proposes.
pub(crate) fn offers_a_choice(record: &Record) -> bool {
    record.front_matter.get("outcome") == Some("options")
}

/// The option of `options` (as a record lists them, "B. Everything by …") that `given`
/// names: by its letter, or by the start of its name, ignoring case. `None` when it names
/// none of them or more than one.
pub(crate) fn option_named<'o>(options: &'o [String], given: &str) -> Option<&'o str> {
    let given = given.trim().trim_end_matches('.');
    if given.is_empty() {
        return None;
    }
    let lettered = |option: &str| {
        option
            .split_once(". ")
            .filter(|(letter, _)| {
                letter.len() == 1 && letter.chars().all(|c| c.is_ascii_uppercase())
            })
            .map(|(letter, _)| letter.to_string())
    };
    if let Some(option) = options
        .iter()
        .find(|o| lettered(o).is_some_and(|l| l.eq_ignore_ascii_case(given)))
    {
        return Some(option);
    }
    let lower = given.to_lowercase();
    let starts = |option: &&String| {
        let name = match lettered(option) {
            Some(_) => option.split_once(". ").map_or(option.as_str(), |(_, n)| n),
            None => option.as_str(),
        };
        name.to_lowercase().starts_with(&lower) || option.to_lowercase().starts_with(&lower)
    };
    let mut matching = options.iter().filter(starts);
    match (matching.next(), matching.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// `text` (the record `record` read before its status changed), with the status already
/// accepted, once the yes came as `answer` says.
pub(crate) fn accepted(text: &str, record: &Record, answer: &Answer<'_>) -> String {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // Decided today: the record's date is the decision's, no longer the proposal's.
    replace_front(&mut lines, "date", &crate::text::iso(answer.today));
    // The review date takes the place of the date to decide by.
    if let Some(at) = front_matter_line(&lines, "decide-by:") {
        if front_matter_line(&lines, "review-by:").is_none() {
            lines[at] = "review-by: x".to_string();
        } else {
            lines.remove(at);
        }
    }
    set_front(&mut lines, "review-by", Some(answer.review_by.0));
    if let Some(at) = lines.iter().position(|l| l.starts_with(DECIDE_BY)) {
        let question = lines[at]
            .split_once(THEN_REVIEW)
            .map_or(
                "did the decision hold up, and what did we learn?",
                |(_, q)| q,
            )
            .to_string();
        lines[at] = format!("Review it by {}: {question}", answer.review_by.1);
    }
    if is_waiting(record) {
        set_front(&mut lines, "outcome", Some("decided"));
        let asked = take_sections(&mut lines, ASKING);
        let who = who_answers(record);
        decide_outcome(&mut lines, answer, who.as_deref());
        add_history(&mut lines, record, answer, who.as_deref(), &asked);
    }
    let mut out = lines.join(nl);
    if text.ends_with('\n') {
        out.push_str(nl);
    }
    super::single_blank_lines(&out)
}

/// The index of the front matter's line starting with `prefix`.
fn front_matter_line(lines: &[String], prefix: &str) -> Option<usize> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return None;
    }
    lines
        .iter()
        .enumerate()
        .skip(1)
        .take_while(|(_, l)| l.trim_end() != "---")
        .find(|(_, l)| l.starts_with(prefix))
        .map(|(i, _)| i)
}

/// Whose answer the proposal waited for, as the front matter names them, without their
/// role: "Dana (VP Product)" is Dana.
fn who_answers(record: &Record) -> Option<String> {
    let key = if offers_a_choice(record) {
        "requester"
    } else {
        ["waiting-for", "must-agree"]
            .into_iter()
            .find(|k| record.front_matter.contains_key(k))?
    };
    let who = record.front_matter.get(key)?;
    let name = who.split_once(" (").map_or(who, |(name, _)| name).trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Remove the sections headed `headings` and return their text, one paragraph a line.
fn take_sections(lines: &mut Vec<String>, headings: &[&str]) -> Vec<String> {
    let mut taken = Vec::new();
    for heading in headings {
        if let Some(range) = section_range(lines, heading) {
            let body: Vec<String> = lines.drain(range).skip(1).collect();
            taken.extend(paragraphs(&body));
        }
    }
    taken
}

/// The paragraphs of `body`, each joined into one line.
fn paragraphs(body: &[String]) -> Vec<String> {
    body.split(|l| l.trim().is_empty())
        .filter(|p| !p.is_empty())
        .map(|p| p.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "))
        .collect()
}

/// The Decision Outcome says what was decided: the proposed option becomes the chosen one
/// (or the option chosen is named), the sentences about waiting go, and the day it was
/// accepted is said.
fn decide_outcome(lines: &mut Vec<String>, answer: &Answer<'_>, who: Option<&str>) {
    let Some(range) = section_range(lines, "## Decision Outcome") else {
        return;
    };
    let mut out: Vec<String> = Vec::with_capacity(range.len() + 2);
    let mut first = true;
    let mut in_consequences = false;
    let date = crate::text::human_date(answer.today, answer.today);
    let chosen_letter = answer
        .chosen
        .and_then(|c| c.split_once(". "))
        .map(|(letter, _)| letter.to_string());
    for block in lines[range.start + 1..range.end].split(|l| l.trim().is_empty()) {
        let Some(head) = block.first() else { continue };
        if head.starts_with('#') {
            in_consequences = head.trim_end() == "### Consequences";
            out.push(String::new());
            out.extend(block.iter().cloned());
            continue;
        }
        if head.starts_with("* ") || head.starts_with("- ") || head.starts_with("  ") {
            // The consequences of the options not chosen are not the decision's.
            let kept: Vec<String> = block
                .iter()
                .filter(|item| {
                    !in_consequences
                        || chosen_letter
                            .as_deref()
                            .is_none_or(|letter| !mentions_another_option(item, letter))
                })
                .cloned()
                .collect();
            if !kept.is_empty() {
                out.push(String::new());
                out.extend(kept);
            }
            continue;
        }
        let paragraph = block.join("\n");
        let mut text = if first {
            first = false;
            let opening = match answer.chosen {
                Some(option) => format!(
                    "Chosen option: \"{}\", because {} chose it.",
                    option,
                    who.unwrap_or("the stakeholder")
                ),
                None => without_waiting(&paragraph.replacen(
                    "Proposed option: \"",
                    "Chosen option: \"",
                    1,
                )),
            };
            let agreed = match (answer.chosen, who) {
                (Some(_), _) => format!("Chosen on {date}."),
                (None, Some(who)) => format!("Accepted on {date}, once {who} agreed."),
                (None, None) => format!("Accepted on {date}."),
            };
            format!("{opening}\n\n{agreed}")
        } else {
            without_waiting(&paragraph)
        };
        if !text.trim().is_empty() {
            out.push(String::new());
            text = text.trim().to_string();
            out.extend(text.lines().map(str::to_string));
        }
    }
    out.push(String::new());
    lines.splice(range.start + 1..range.end, out);
}

/// Whether a consequence speaks of an option ("with option A, …") other than `letter`.
fn mentions_another_option(item: &str, letter: &str) -> bool {
    item.match_indices("option ").any(|(at, _)| {
        let after = &item[at + "option ".len()..];
        let mut chars = after.chars();
        match (chars.next(), chars.next()) {
            (Some(c), next)
                if c.is_ascii_uppercase() && next.is_none_or(|n| !n.is_alphanumeric()) =>
            {
                c.to_string() != letter
            }
            _ => false,
        }
    })
}

/// `paragraph` without its sentences about waiting for the answer (and the citation marks
/// that follow them).
fn without_waiting(paragraph: &str) -> String {
    let flat = paragraph
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    sentences(&flat)
        .into_iter()
        .filter(|sentence| !WAITING.iter().any(|w| sentence.contains(w)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The sentences of a paragraph, each with the citation marks ("[1][2]") that follow it.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let mut end = rest
            .match_indices(['.', '?', '!'])
            .map(|(at, _)| at + 1)
            .find(|&at| {
                let after = &rest[at..];
                after.is_empty()
                    || after
                        .strip_prefix(' ')
                        .and_then(|a| a.chars().next())
                        .is_some_and(|c| c.is_uppercase() || c == '[')
            })
            .unwrap_or(rest.len());
        // The citation marks after the stop belong to the sentence they cite.
        while let Some(mark) = rest[end..]
            .strip_prefix(' ')
            .filter(|a| a.starts_with('['))
            .and_then(|a| a.find(']').map(|close| (a, close)))
            .filter(|(a, close)| a[1..*close].chars().all(|c| c.is_ascii_digit()))
            .map(|(_, close)| close + 2)
        {
            end += mark;
        }
        out.push(rest[..end].trim().to_string());
        rest = rest[end..].trim_start();
    }
    out
}

/// The proposal as it stood is kept in a section of its own, before the references.
fn add_history(
    lines: &mut Vec<String>,
    record: &Record,
    answer: &Answer<'_>,
    who: Option<&str>,
    asked: &[String],
) {
    let human = |iso: Option<&str>| {
        iso.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| crate::text::human_date(d, answer.today))
    };
    let proposed = human(record.front_matter.get("date"));
    let decide_by = human(record.front_matter.get("decide-by"));
    let mut what = String::from(if offers_a_choice(record) {
        "Offered as a choice"
    } else {
        "Proposed"
    });
    if let Some(on) = proposed {
        what.push_str(&format!(" on {on}"));
    }
    if let Some(by) = decide_by {
        what.push_str(&format!(", to be decided by {by}"));
    }
    let today = crate::text::human_date(answer.today, answer.today);
    what.push_str(&match (answer.chosen, who) {
        (Some(option), Some(who)) => format!("; {who} chose \"{}\" on {today}.", option),
        (Some(option), None) => format!("; \"{}\" was chosen on {today}.", option),
        (None, Some(who)) => format!("; {who} agreed on {today}."),
        (None, None) => format!("; accepted on {today}."),
    });
    let mut section = vec![
        format!("## {ACCEPTED_HEADING} ({})", crate::text::iso(answer.today)),
        String::new(),
        what,
        String::new(),
    ];
    if !asked.is_empty() {
        section.push("What the proposal asked for:".to_string());
        section.push(String::new());
        section.extend(asked.iter().map(|a| format!("* {a}")));
        section.push(String::new());
    }
    let at = lines
        .iter()
        .position(|l| l.trim_end() == "## References")
        .unwrap_or(lines.len());
    if at == lines.len() && lines.last().is_some_and(|l| !l.trim().is_empty()) {
        section.insert(0, String::new());
    }
    lines.splice(at..at, section);
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn accept(text: &str, chosen: Option<&str>) -> String {
        let record = super::super::parse(Path::new("0001-x.md"), text).unwrap();
        let answer = Answer {
            today: date(2026, 12, 4),
            review_by: ("2027-01-04", "Monday 4 January 2027"),
            chosen,
        };
        accepted(text, &record, &answer)
    }

    /// A proposal that waited for a yes, accepted: its date to decide by gives way to a
    /// review date, and its review keeps the question the record planned for it.
    #[test]
    fn an_answered_proposal_gets_a_review_date_in_place_of_its_decide_by() {
        let waiting = "---\nstatus: accepted\ndate: 2026-11-26\nplaybook: tech-debt\noutcome: proposal\ndecide-by: 2026-12-03\nwaiting-for: Maria\n---\n\n# Fix now\n\n## More Information\n\nThis record exists so that in six months the team still knows why.\nDecide by Thursday 3 December: does Maria agree to plan in the proper fix now? Then review it: is the proper fix done, in the 2 weeks planned?\n";
        let text = accept(waiting, None);
        assert!(!text.contains("decide-by"), "{text}");
        // The record is dated the day it was decided, not the day it was proposed.
        assert!(text.contains("\ndate: 2026-12-04\n"), "{text}");
        assert!(
            text.contains("outcome: decided\nreview-by: 2027-01-04\nwaiting-for: Maria\n---\n"),
            "{text}"
        );
        assert!(
            text.contains("Review it by Monday 4 January 2027: is the proper fix done, in the 2 weeks planned?\n"),
            "{text}"
        );
        let record = super::super::parse(Path::new("0001-fix-now.md"), &text).unwrap();
        assert_eq!(record.decide_by, None);
        assert_eq!(record.review_by, Some(date(2027, 1, 4)));
        // Without a planned question, the review asks the usual one.
        let plain = accept(
            "---\nstatus: accepted\ndecide-by: 2026-12-03\n---\n\nDecide by Thursday 3 December: where did they land?\n",
            None,
        );
        assert!(
            plain.contains("Review it by Monday 4 January 2027: did the decision hold up, and what did we learn?"),
            "{plain}"
        );
    }

    #[test]
    fn an_accepted_proposal_says_it_is_decided_and_keeps_what_it_asked_as_history() {
        let waiting = "---\nstatus: accepted\ndate: 2026-12-01\nplaybook: decision\noutcome: proposal\ndecide-by: 2026-12-11\n---\n\n# Hire or contract\n\n## Decision Outcome\n\nProposed option: \"Contractor\", because we need someone by February. Nothing is decided yet: we decide by Friday 11 December, once the OK we need from outside the team has come.\n\n### Impact Outside the Team\n\nOn-call stays covered.\n\n### Needed From Outside the Team\n\nWe need your OK on the budget by Friday 11 December.\n\n### Consequences\n\n* Good, because on-call is covered\n\n## More Information\n\nDecide by Friday 11 December, once the OK we need from outside the team has come.\n\n## References\n\n[1] x\n";
        let text = accept(waiting, None);
        assert!(
            text.contains("## Decision Outcome\n\nChosen option: \"Contractor\", because we need someone by February.\n\nAccepted on Friday 4 December.\n\n### Impact Outside the Team\n\nOn-call stays covered.\n\n### Consequences\n"),
            "{text}"
        );
        assert!(!text.contains("Nothing is decided"), "{text}");
        assert!(!text.contains("### Needed From Outside the Team"), "{text}");
        assert!(
            text.contains("## Proposal Accepted (2026-12-04)\n\nProposed on Tuesday 1 December, to be decided by Friday 11 December; accepted on Friday 4 December.\n\nWhat the proposal asked for:\n\n* We need your OK on the budget by Friday 11 December.\n\n## References\n"),
            "{text}"
        );
        assert!(text.contains("\noutcome: decided\n"), "{text}");
    }

    #[test]
    fn sentences_about_waiting_go_wherever_the_outcome_says_them() {
        let waiting = "---\nstatus: accepted\ndate: 2026-12-01\nplaybook: say-no\noutcome: proposal\nrequester: Omar\nmust-agree: Priya (Head of Sales)\ndecide-by: 2026-12-03\n---\n\n# Request\n\n## Decision Outcome\n\nProposed option: \"Say no for now\", because the planned work matters more. [1]\n\nThe priorities are Priya's to set, so it isn't decided until Priya agrees: we ask, and come back to Omar by Thursday 3 December. If Omar sees it differently, we talk it through.\n\nIt stays proposed until Priya says yes.\n\n### Consequences\n\n* Good, because the planned work stays on track.\n\n## References\n\n[1] x\n";
        let text = accept(waiting, None);
        assert!(
            text.contains("Chosen option: \"Say no for now\", because the planned work matters more. [1]\n\nAccepted on Friday 4 December, once Priya agreed.\n\nIf Omar sees it differently, we talk it through.\n\n### Consequences\n"),
            "{text}"
        );
        assert!(
            text.contains("; Priya agreed on Friday 4 December.\n"),
            "{text}"
        );
    }

    #[test]
    fn a_choice_names_the_option_chosen_and_drops_the_others_consequences() {
        let offered = "---\nstatus: accepted\ndate: 2026-12-01\nplaybook: deadline\noutcome: options\nrequester: Sam (Head of Growth)\ndecide-by: 2026-12-11\n---\n\n# Deadline\n\n## Considered Options\n\n* A. Keep the date, with less\n* B. Everything by Tuesday 16 February 2027\n\n## Decision Outcome\n\nNo option is chosen yet: Sam chooses, and the status stays proposed until then. That gives them a choice instead of a conflict. [1]\n\nThe answer is needed by Friday 11 December: until then, option A can still be started in time.\n\n### Consequences\n\n* Good, because Sam makes the trade-off, in dates and scope.\n* Bad, because with option A, part of it comes later.\n* Bad, because with option B, the date moves by 4 weeks.\n";
        let text = accept(offered, Some("B. Everything by Tuesday 16 February 2027"));
        assert!(
            text.contains("## Decision Outcome\n\nChosen option: \"B. Everything by Tuesday 16 February 2027\", because Sam chose it.\n\nChosen on Friday 4 December.\n\n### Consequences\n\n* Good, because Sam makes the trade-off, in dates and scope.\n* Bad, because with option B, the date moves by 4 weeks.\n"),
            "{text}"
        );
        assert!(
            text.contains("Offered as a choice on Tuesday 1 December, to be decided by Friday 11 December; Sam chose \"B. Everything by Tuesday 16 February 2027\" on Friday 4 December.\n"),
            "{text}"
        );
    }

    #[test]
    fn an_option_is_named_by_its_letter_or_the_start_of_its_name() {
        let options: Vec<String> = [
            "A. Keep the date, with less",
            "B. Everything at once by Tuesday 16 February 2027",
            "C. Keep the date without the admin screens",
        ]
        .map(String::from)
        .to_vec();
        let cases = [
            ("B", Some(1)),
            ("b", Some(1)),
            ("B.", Some(1)),
            ("everything", Some(1)),
            ("C. Keep the date", Some(2)),
            ("Keep the date", None),
            ("D", None),
            ("", None),
        ];
        for (given, expected) in cases {
            assert_eq!(
                option_named(&options, given),
                expected.map(|i| options[i].as_str()),
                "{given}"
            );
        }
    }

    #[test]
    fn sentences_keep_their_citation_marks() {
        assert_eq!(
            sentences("It waits. That gives them a choice. [1] Then we go. e.g. this."),
            vec![
                "It waits.",
                "That gives them a choice. [1]",
                "Then we go. e.g. this."
            ]
        );
    }
}
