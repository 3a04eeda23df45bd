//! A proposal that `nygard.md` wrote in an adr-tools log, read back so `decide review` can
//! finish it, and finished in adr-tools' own style: the `## Status` word, the date lines
//! under the title, the `## Decision` paragraph and the coach's lines change; everything
//! else stays where adr-tools and the lead put it. What a finish writes that is not
//! adr-tools' own (the history, the next step) is what `record::finish` writes for our
//! records, from the same templates.

use super::finish::{
    EXTENDED_HEADING, Ending, Form, Proposal, citation_marks, insert_history, list_items,
    nested_items, outcome_context, owner_of, read_information, replace_next_step, section_range,
    strip_owner,
};
use super::{Listing, Record};
use crate::error::Result;
use crate::template::Templates;

/// How `nygard.md` opens a proposal's `## Decision`: "Nothing is decided yet. We lean
/// towards X, because Y, and decide by Z, once we know:" over the open questions.
pub(crate) const LEANING: &str = "Nothing is decided yet. We lean towards ";
/// How `nygard.md` opens a decision's `## Decision`: "We will go with X, because Y."
pub(crate) const GOING_WITH: &str = "We will go with ";
const DECIDE_BY: &str = ", and decide by ";
/// How `nygard.md` names each framework's line in `## Decision`: the framework's title.
const SEVENTY: &str = "The 70% information rule: ";
const DOOR: &str = "One-way or two-way door: ";
const VERDICT: &str = "The coach's verdict: ";
const OPTIONS: &str = "Options considered: ";
const WRONG_IF: &str = "It was wrong if: ";

/// Whether `record` is a proposal `nygard.md` wrote: its `## Decision` says what we lean
/// towards instead of what we will do.
pub(crate) fn is_proposal(record: &Record) -> bool {
    record
        .section("Decision")
        .is_some_and(|decision| decision.body.trim_start().starts_with(LEANING))
}

/// The proposal `record` states, when `nygard.md` wrote it; `None` for any other record.
pub(crate) fn read(record: &Record) -> Option<Proposal> {
    let decision = record.section("Decision")?;
    let lines: Vec<&str> = decision.body.lines().collect();
    let at = lines.iter().position(|l| l.starts_with(LEANING))?;
    let (leaning, after) = lines[at][LEANING.len()..].split_once(", because ")?;
    let because = after
        .split_once(DECIDE_BY)
        .map_or(after, |(because, _)| because);
    let questions = list_items(&list_after(&lines, at).join("\n"));
    let mut proposal = Proposal {
        title: record.title.clone(),
        date: record.date_text(),
        status: record.status.clone(),
        options: options(record),
        proposed: Some(crate::markdown::unescape(leaning.trim())),
        because: Some(crate::markdown::unescape(because.trim())),
        door: door(&lines),
        open_questions: questions.iter().map(|item| strip_owner(item)).collect(),
        owners: questions.iter().filter_map(|item| owner_of(item)).collect(),
        decide_by: record.decide_by.map(crate::text::iso),
        signal: signal(record),
        extended: record
            .sections
            .iter()
            .any(|s| s.heading.starts_with(EXTENDED_HEADING)),
        form: Form::Nygard { listed: false },
        // As the lead typed it: it is offered again as an answer.
        impact: record
            .section("Impact Outside the Team")
            .map(|s| crate::markdown::unescape(s.body.trim()))
            .filter(|s| !s.is_empty()),
        ..Proposal::default()
    };
    read_what_was_known(&mut proposal, &lines);
    Some(proposal)
}

/// The options `nygard.md` lists in its Context: "Options considered: A, B."
fn options(record: &Record) -> Vec<String> {
    let Some(context) = record.section("Context") else {
        return Vec::new();
    };
    context
        .body
        .lines()
        .find_map(|l| l.strip_prefix(OPTIONS))
        .map(|listed| {
            listed
                .trim_end()
                .trim_end_matches('.')
                .split(", ")
                .map(|name| crate::markdown::unescape(name.trim()))
                .filter(|name| !name.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// The door, from the door framework's line: its verdict opens with the door's name.
fn door(lines: &[&str]) -> Option<String> {
    let verdict = lines.iter().find_map(|l| l.strip_prefix(DOOR))?;
    ["One-way door", "Two-way door"]
        .iter()
        .find(|name| verdict.starts_with(*name))
        .map(|name| name.trim_end_matches(" door").to_lowercase())
}

/// The signal that it was wrong, as `nygard.md` lists it under Consequences.
fn signal(record: &Record) -> Option<String> {
    list_items(record.section("Consequences")?.body)
        .into_iter()
        .find_map(|item| {
            let said = item.strip_prefix(WRONG_IF)?;
            let said = said
                .split_once("; we could first see it by ")
                .map_or(said, |(s, _)| s);
            Some(said.to_string())
        })
}

/// What the lead wished they knew and had, for the 70% rule to run again: the items
/// `nygard.md` lists under the rule's line, or, in a record written before it listed
/// them, the rule's counts ("You have 2 of the 5 things you wish you knew") with the open
/// questions, the only items such a record names.
fn read_what_was_known(proposal: &mut Proposal, lines: &[&str]) {
    let Some(at) = lines.iter().position(|l| l.starts_with(SEVENTY)) else {
        return;
    };
    let listed = nested_items(&list_after(lines, at).join("\n"));
    if !listed.is_empty() {
        read_information(proposal, &listed);
        proposal.form = Form::Nygard { listed: true };
        return;
    }
    let Some((have, wished)) = counts(&lines[at][SEVENTY.len()..]) else {
        return;
    };
    // The items the record does not name are counted, never named: each is labelled as
    // what the record says of it, so the rule counts it and nothing is made up.
    let known: Vec<String> = (1..=have)
        .map(|n| format!("known then, not named in the record ({n} of {have})"))
        .collect();
    let unnamed = wished.saturating_sub(have + proposal.open_questions.len());
    let missing =
        (1..=unnamed).map(|n| format!("missing then, not named in the record ({n} of {unnamed})"));
    proposal.have.clone_from(&known);
    proposal.wished = known
        .into_iter()
        .chain(proposal.open_questions.iter().cloned())
        .chain(missing)
        .collect();
}

/// What the 70% rule's reasoning counted on a proposal: (had, wished), as
/// [`crate::text::part_of`] says it ("2 of the 5 things", "none of the 3 things", "not the
/// one thing").
fn counts(reasoning: &str) -> Option<(usize, usize)> {
    let said = reasoning.split_once("You have ")?.1;
    if said.starts_with("not the one thing") {
        return Some((0, 1));
    }
    if let Some(rest) = said.strip_prefix("none of the ") {
        let wished = rest.split(' ').next()?.parse().ok()?;
        return Some((0, wished));
    }
    let (have, rest) = said.split_once(" of the ")?;
    let wished = rest.split(' ').next()?.parse().ok()?;
    Some((have.parse().ok()?, wished))
}

/// The lines of the list that follows line `at` (after blank lines), nested items too.
fn list_after<'l>(lines: &[&'l str], at: usize) -> Vec<&'l str> {
    lines[at + 1..]
        .iter()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| is_list_line(l))
        .copied()
        .collect()
}

fn is_list_line(line: &str) -> bool {
    let item = line.trim_start();
    item.starts_with("* ") || item.starts_with("- ")
}

/// `text` (a proposal `nygard.md` wrote, read as `proposal`) finished as `ending` says, in
/// adr-tools' style: the status word, the date lines, the Decision's paragraph, the
/// coach's verdict and the 70% rule's line say where it stands now; the history and the
/// next step are our finish's, from the same templates.
pub(crate) fn apply(
    text: &str,
    proposal: &Proposal,
    ending: &Ending,
    templates: &Templates,
) -> Result<String> {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    set_status(&mut lines, ending);
    set_date_lines(&mut lines, ending);
    let context = outcome_context(proposal, ending);
    let decision = templates.render("nygard/decision.md", &decision_context(&context, ending))?;
    replace_proposal(&mut lines, &decision);
    if let Some(at) = lines.iter().position(|l| l.starts_with(VERDICT)) {
        let headline = crate::markdown::escape(ending.headline.trim_end_matches('.'));
        lines[at] = format!("{VERDICT}{headline}.");
    }
    let items = match proposal.form {
        Form::Nygard { listed: true } => {
            Some(templates.render("finish/information-items.md", &context)?)
        }
        _ => None,
    };
    let reasoning = context["information_reasoning"]
        .as_str()
        .unwrap_or_default();
    let after_rule = rewrite_rule(&mut lines, ending, reasoning, items.as_deref());
    if let (Some(at), Some(confidence), Some(_)) = (after_rule, ending.confidence, &ending.chosen) {
        let line = format!(
            "Confidence that this is right: {}%.",
            crate::answer::format_number(confidence)
        );
        lines.splice(at..at, [String::new(), line]);
    }
    set_impact(&mut lines, ending);
    consequences_of_another_option(&mut lines, proposal, ending);
    add_signal(&mut lines, ending);
    replace_next_step(&mut lines, ending);
    insert_history(&mut lines, ending, &context, templates)?;
    let mut out = lines.join(nl);
    out.push_str(nl);
    Ok(super::single_blank_lines(&out))
}

/// `## Impact Outside the Team` says what the ending says changes outside the team, as our
/// finish's outcome does: the proposal's own ("search stays as it is until we decide")
/// gives way, and an ending that names none leaves no such section.
fn set_impact(lines: &mut Vec<String>, ending: &Ending) {
    const HEADING: &str = "## Impact Outside the Team";
    let body = ending.impact.as_deref().map(|impact| {
        vec![
            String::new(),
            crate::template::sentence(impact),
            String::new(),
        ]
    });
    if let Some(range) = section_range(lines, HEADING) {
        match body {
            Some(body) => {
                lines.splice(range.start + 1..range.end, body);
            }
            None => {
                lines.drain(range);
            }
        }
        return;
    }
    let Some(body) = body else {
        return;
    };
    let at = ["## In Plain Words", "## More Information", "## References"]
        .iter()
        .find_map(|heading| lines.iter().position(|l| l.trim_end() == *heading))
        .unwrap_or(lines.len());
    let mut section = vec![HEADING.to_string()];
    section.extend(body);
    lines.splice(at..at, section);
}

/// `## Status` says the ending's status in adr-tools' word: Accepted, Rejected, or still
/// Proposed; any other line there (a link adr-tools wrote) stays.
fn set_status(lines: &mut [String], ending: &Ending) {
    let Some(range) = section_range(lines, "## Status") else {
        return;
    };
    if let Some(at) =
        (range.start + 1..range.end).find(|&i| lines[i].trim().eq_ignore_ascii_case("proposed"))
    {
        lines[at] = crate::text::capitalise(&ending.status);
    }
}

/// The lines under the title: decided or dropped, `Date:` is the day it happened (as our
/// finish dates the record) and `Decide-by:` goes; extended, `Decide-by:` is the new date.
/// A review date is a `Review-by:` line, as `nygard.md` writes one.
fn set_date_lines(lines: &mut Vec<String>, ending: &Ending) {
    if !ending.extended() {
        set_header_line(lines, "Date", Some(&crate::text::iso(ending.date)));
    }
    let decide_by = ending.decide_by.as_ref().map(|(iso, _)| iso.as_str());
    set_header_line(lines, "Decide-by", decide_by);
    set_header_line(lines, "Review-by", ending.review_by.as_deref());
}

/// Set (or remove) the field line `key: value` under the title, before the first section;
/// a new one goes under the lines already there (`Date:` first, as adr-tools writes it).
fn set_header_line(lines: &mut Vec<String>, key: &str, value: Option<&str>) {
    let end = lines
        .iter()
        .position(|l| l.starts_with("## "))
        .unwrap_or(lines.len());
    let prefix = format!("{key}: ");
    let found = lines[..end].iter().position(|l| l.starts_with(&prefix));
    match (found, value) {
        (Some(at), Some(value)) => lines[at] = format!("{prefix}{value}"),
        (Some(at), None) => {
            lines.remove(at);
        }
        (None, Some(value)) => {
            let fields = ["Date: ", "Decide-by: ", "Review-by: "];
            let after = lines[..end]
                .iter()
                .rposition(|l| fields.iter().any(|f| l.starts_with(f)));
            if let Some(after) = after {
                lines.insert(after + 1, format!("{prefix}{value}"));
            }
        }
        (None, None) => {}
    }
}

/// What `nygard/decision.md` reads, as `nygard.md` gives it when a record is written, from
/// the ending: the choice, the new lean, or the drop.
fn decision_context(context: &serde_json::Value, ending: &Ending) -> serde_json::Value {
    let kind = match (ending.extended(), &ending.chosen) {
        (true, _) => "investigate",
        (false, Some(_)) => "decided",
        (false, None) => "dropped",
    };
    let open: Vec<&serde_json::Value> = context["questions"]
        .as_array()
        .map(|questions| {
            questions
                .iter()
                .filter(|q| q["found"] != serde_json::Value::Bool(true))
                .collect()
        })
        .unwrap_or_default();
    let options: Vec<serde_json::Value> = context["proposal"]["options"]
        .as_array()
        .map(|names| {
            names
                .iter()
                .map(|name| serde_json::json!({ "name": name }))
                .collect()
        })
        .unwrap_or_default();
    serde_json::json!({
        "outcome": {
            "kind": kind,
            "decide_by_text": ending.decide_by.as_ref().map(|(_, text)| text),
        },
        "chosen": ending.chosen,
        "leaning": ending.leaning,
        "because": ending.because,
        "fallback": ending.fallback,
        "options": options,
        // A citation needs its reference written too: the finish adds none.
        "cite": { "ruling-explain-reasoning": "" },
        "information": { "open_questions": open },
        "ending": ending,
    })
}

/// The proposal's paragraph in `## Decision` and the open questions listed under it give
/// way to `decision`.
fn replace_proposal(lines: &mut Vec<String>, decision: &str) {
    let Some(section) = section_range(lines, "## Decision") else {
        return;
    };
    let Some(at) = (section.start..section.end).find(|&i| lines[i].starts_with(LEANING)) else {
        return;
    };
    let end = end_of_list_after(lines, at, section.end);
    let written: Vec<String> = decision.trim().lines().map(str::to_string).collect();
    lines.splice(at..end, written);
}

/// The index after the list that follows line `at` (after blank lines), or after `at` when
/// no list follows; never beyond `limit`.
fn end_of_list_after(lines: &[String], at: usize, limit: usize) -> usize {
    let first = (at + 1..limit)
        .find(|&i| !lines[i].trim().is_empty())
        .unwrap_or(limit);
    if first >= limit || !is_list_line(&lines[first]) {
        return at + 1;
    }
    (first..limit)
        .find(|&i| !is_list_line(&lines[i]))
        .unwrap_or(limit)
}

/// The 70% rule's line says what is known now, with its references kept, and the items
/// listed under it (when the record listed them) are written again. Returns the index
/// after what was written.
fn rewrite_rule(
    lines: &mut Vec<String>,
    ending: &Ending,
    reasoning: &str,
    items: Option<&str>,
) -> Option<usize> {
    let section = section_range(lines, "## Decision")?;
    let at = (section.start..section.end).find(|&i| lines[i].starts_with(SEVENTY))?;
    let refs = citation_marks(&lines[at..=at]);
    // Extended, the rule's verdict names the new time-box; decided or dropped, the verdict
    // is the coach's verdict above, said once.
    let verdict = if ending.extended() {
        format!("{}. ", ending.information.headline.trim_end_matches('.'))
    } else {
        String::new()
    };
    let said = crate::markdown::escape(&format!("{verdict}{reasoning}"));
    let line = format!("{SEVENTY}{said} {refs}").trim_end().to_string();
    let end = end_of_list_after(lines, at, section.end);
    let mut written = vec![line];
    if let Some(items) = items {
        written.push(String::new());
        written.extend(items.trim().lines().map(str::to_string));
    }
    let after = at + written.len();
    lines.splice(at..end, written);
    Some(after)
}

/// Chosen (or leaned towards, extended) another option than the proposal's, the
/// consequences `nygard.md` wrote for the proposal's option no longer follow: they become
/// what the record says of the option now (its advantages, which the proposal listed as
/// given up with it), or, when it says none, the sentence `nygard.md` writes then. The
/// messages read the consequences: they must not announce the proposal's gains.
fn consequences_of_another_option(lines: &mut Vec<String>, proposal: &Proposal, ending: &Ending) {
    let (Some(now), Some(proposed)) = (ending.option(), proposal.proposed.as_deref()) else {
        return;
    };
    if now == proposed {
        return;
    }
    let Some(section) = section_range(lines, "## Consequences") else {
        return;
    };
    let given_up = format!("* Given up with {}: ", crate::markdown::escape(now));
    let pros: Vec<String> = (section.start..section.end)
        .find_map(|i| lines[i].strip_prefix(&given_up))
        .map(|listed| {
            listed
                .split("; ")
                .map(|pro| crate::markdown::unescape(pro.trim()))
                .collect()
        })
        .unwrap_or_default();
    let mut written: Vec<String> = pros
        .iter()
        .map(|pro| {
            format!(
                "* {}",
                crate::markdown::escape(&crate::phrase::argument("Good", pro))
            )
        })
        .collect();
    if written.is_empty() {
        written.push(match &ending.review_by {
            Some(date) => format!("We see how it holds up by {date}."),
            None => "We see how it holds up.".to_string(),
        });
    }
    let mut body = vec![String::new()];
    body.extend(written);
    body.push(String::new());
    lines.splice(section.start + 1..section.end, body);
}

/// A decision's signal that it was wrong is one of its consequences, where `nygard.md`
/// writes it.
fn add_signal(lines: &mut Vec<String>, ending: &Ending) {
    let (Some(signal), Some(_)) = (&ending.signal, &ending.chosen) else {
        return;
    };
    let Some(section) = section_range(lines, "## Consequences") else {
        return;
    };
    let said = signal
        .trim()
        .trim_end_matches(['.', '!', ';', ','])
        .trim_end();
    let item = format!("* {WRONG_IF}{}", crate::markdown::escape(said));
    if let Some(at) =
        (section.start..section.end).find(|&i| lines[i].starts_with(&format!("* {WRONG_IF}")))
    {
        lines[at] = item;
        return;
    }
    let last = (section.start..section.end)
        .rev()
        .find(|&i| !lines[i].trim().is_empty())
        .unwrap_or(section.start);
    let mut added = vec![item];
    if !lines[last].starts_with("* ") {
        added.insert(0, String::new());
    }
    lines.splice(last + 1..last + 1, added);
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::record::finish::Known;

    /// A proposal as `nygard.md` writes it, with the 70% rule's items listed.
    const LISTED: &str = "# 2. Choose a vendor\n\nDate: 2026-12-01\nDecide-by: 2026-12-11\n\n## Status\n\nProposed\n\n## Context\n\nSearch is slow.\n\nOptions considered: Vendor A, Vendor B.\n\n## Decision\n\nNothing is decided yet. We lean towards Vendor A, because they already host our billing, and decide by Friday 11 December, once we know:\n\n* Licence cost after year one (Ana finds out)\n* Exit terms\n\nThe coach's verdict: 40% on a one-way door: investigate until Friday 11 December, then decide.\n\nOne-way or two-way door: One-way door: decide carefully. Undoing it would take 9 months. [1]\n\nThe 70% information rule: You have 2 of the 5 things you wish you knew, below 70%. [2][3]\n\n* Information in hand: 2 of the 5 items (40%)\n  * Known: Uptime\n  * Known: Support hours\n  * To investigate: Licence cost after year one\n  * To investigate: Exit terms\n  * Missing, but it would not change the choice: Office location\n* Investigate until: Friday 11 December, then decide.\n\n## Consequences\n\n* Good, because one supplier for billing and search\n* Bad, because their licence grows with our traffic\n* Given up with Vendor B: a fixed price for three years\n\n## More Information\n\nThis record exists so that in six months the team still knows why.\nDecide by Friday 11 December, when the investigation ends.\n\n## References\n\n[1] x\n";

    /// The same proposal, the 70% rule's items listed (Known, To investigate, Missing…).
    fn listed() -> String {
        LISTED.to_string()
    }

    /// As `nygard.md` wrote it before it listed the items: the rule's counts only.
    fn counted() -> String {
        let start = LISTED.find("* Information in hand").unwrap();
        let end = LISTED.find("## Consequences").unwrap();
        format!("{}{}", &LISTED[..start], &LISTED[end..])
    }

    fn record(text: &str) -> Record {
        crate::record::parse(Path::new("0002-choose-a-vendor.md"), text).unwrap()
    }

    fn owned(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// A proposal's text, and what it gives the 70% rule to run again on.
    struct ReadBack {
        name: &'static str,
        text: String,
        have: Vec<String>,
        wished: Vec<String>,
        listed: bool,
    }

    #[test]
    fn a_nygard_proposal_reads_back_as_the_proposal_it_states() {
        let unnamed_known = |n| format!("known then, not named in the record ({n} of 2)");
        let cases = [
            ReadBack {
                name: "items listed",
                text: listed(),
                have: owned(&["Uptime", "Support hours"]),
                wished: owned(&[
                    "Uptime",
                    "Support hours",
                    "Licence cost after year one",
                    "Exit terms",
                    "Office location",
                ]),
                listed: true,
            },
            ReadBack {
                name: "counts only",
                text: counted(),
                have: vec![unnamed_known(1), unnamed_known(2)],
                wished: vec![
                    unnamed_known(1),
                    unnamed_known(2),
                    "Licence cost after year one".into(),
                    "Exit terms".into(),
                    "missing then, not named in the record (1 of 1)".into(),
                ],
                listed: false,
            },
        ];
        for ReadBack {
            name,
            text,
            have,
            wished,
            listed,
        } in cases
        {
            let record = record(&text);
            assert!(Proposal::is_open(&record), "{name}");
            let proposal = Proposal::from_record(&record);
            assert_eq!(proposal.form, Form::Nygard { listed }, "{name}");
            assert_eq!(proposal.options, ["Vendor A", "Vendor B"], "{name}");
            assert_eq!(proposal.proposed.as_deref(), Some("Vendor A"), "{name}");
            assert_eq!(
                proposal.because.as_deref(),
                Some("they already host our billing"),
                "{name}"
            );
            assert_eq!(
                proposal.open_questions,
                ["Licence cost after year one", "Exit terms"],
                "{name}"
            );
            assert_eq!(
                proposal.owners,
                [("Licence cost after year one".to_string(), "Ana".to_string())],
                "{name}"
            );
            assert_eq!(proposal.decide_by.as_deref(), Some("2026-12-11"), "{name}");
            assert_eq!(proposal.door.as_deref(), Some("one-way"), "{name}");
            assert_eq!(proposal.date.as_deref(), Some("2026-12-01"), "{name}");
            assert_eq!(proposal.have, have, "{name}");
            assert_eq!(proposal.wished, wished, "{name}");
            assert_eq!(proposal.coverage_then(), Some(40), "{name}");
            assert!(!proposal.extended, "{name}");
        }
    }

    /// Only a proposal `nygard.md` wrote, with a date to decide by, is finished this way.
    #[test]
    fn only_a_nygard_proposal_with_a_date_to_decide_by_is_open() {
        let decided = LISTED
            .replace("Proposed\n", "Accepted\n")
            .replace(
                "Nothing is decided yet. We lean towards Vendor A, because they already host our billing, and decide by Friday 11 December, once we know:",
                "We will go with Vendor A, because they already host our billing.",
            );
        let cases = [
            ("the proposal", LISTED.to_string(), true, true),
            ("decided", decided, false, false),
            (
                "no date to decide by",
                LISTED.replace("Decide-by: 2026-12-11\n", ""),
                true,
                false,
            ),
            (
                "hand-written proposal",
                LISTED.replace("Nothing is decided yet. We lean towards", "We might pick"),
                false,
                false,
            ),
        ];
        for (name, text, nygard, open) in cases {
            let record = record(&text);
            assert_eq!(read(&record).is_some(), nygard, "{name}");
            assert_eq!(Proposal::is_open(&record), open, "{name}");
        }
    }

    #[test]
    fn the_door_and_the_signal_read_from_their_lines() {
        let cases = [
            (
                "One-way door: decide carefully.",
                None,
                Some("one-way"),
                None,
            ),
            (
                "Two-way door masquerading as a one-way door: decide fast.",
                Some(
                    "* It was wrong if: tickets pile up; we could first see it by Monday 4 January",
                ),
                Some("two-way"),
                Some("tickets pile up"),
            ),
            (
                "Weeks to undo and no call made: treat it as a one-way door.",
                Some("* It was wrong if: tickets pile up"),
                None,
                Some("tickets pile up"),
            ),
        ];
        for (verdict, signal, door, said) in cases {
            let mut text = LISTED.replace("One-way door: decide carefully.", verdict);
            if let Some(signal) = signal {
                text = text.replace(
                    "* Given up with Vendor B: a fixed price for three years\n",
                    &format!("* Given up with Vendor B: a fixed price for three years\n{signal}\n"),
                );
            }
            let proposal = Proposal::from_record(&record(&text));
            assert_eq!(proposal.door.as_deref(), door, "{verdict}");
            assert_eq!(proposal.signal.as_deref(), said, "{verdict}");
        }
    }

    #[test]
    fn the_rules_counts_read_as_part_of_says_them() {
        let cases = [
            ("You have 2 of the 5 things you wish you knew", Some((2, 5))),
            (
                "You have none of the 3 things you wish you knew",
                Some((0, 3)),
            ),
            ("You have not the one thing you wish you knew", Some((0, 1))),
            ("Nothing missing", None),
        ];
        for (said, expected) in cases {
            assert_eq!(counts(said), expected, "{said}");
        }
    }

    fn ending(status: &str, proposal: &Proposal) -> Ending {
        let found = owned(&["Licence cost after year one", "Exit terms"]);
        let information = Known {
            headline: "80% of what you wish you knew: decide now".into(),
            reasoning: "You have 4 of the 5 things you wish you knew.".into(),
            ..Known::after(proposal, &found, Some(80))
        };
        crate::record::finish::sample_ending(status, found, information)
    }

    fn finish(text: &str, change: impl FnOnce(&mut Ending)) -> String {
        let proposal = Proposal::from_record(&record(text));
        let mut ending = ending("accepted", &proposal);
        change(&mut ending);
        crate::record::finish::apply(text, &proposal, &ending, &Templates::embedded().unwrap())
            .unwrap()
    }

    #[test]
    fn finishing_makes_it_an_adr_tools_decision_and_keeps_the_history() {
        for text in [listed(), counted()] {
            let done = finish(&text, |_| {});
            assert!(
                done.starts_with("# 2. Choose a vendor\n\nDate: 2026-12-11\nReview-by: 2027-03-11\n\n## Status\n\nAccepted\n"),
                "{done}"
            );
            let record = record(&done);
            assert_eq!(record.status.as_deref(), Some("accepted"));
            assert!(!Proposal::is_open(&record));
            assert!(done.contains("\n## Decision\n\nWe will go with Vendor A, because the licence cost is fixed for three years. If it doesn't work, we'll switch to Vendor B.\n\nThe coach's verdict: Decided: Vendor A.\n"), "{done}");
            assert!(done.contains("\nThe 70% information rule: You have 4 of the 5 things you wish you knew. [2][3]\n"), "{done}");
            assert!(
                done.contains("\nConfidence that this is right: 75%.\n"),
                "{done}"
            );
            assert!(
                done.contains(
                    "* It was wrong if: support tickets take more than a day\n\n## More Information"
                ),
                "{done}"
            );
            assert!(
                done.contains("Review it by Thursday 11 March 2027: did the decision hold up"),
                "{done}"
            );
            assert!(
                !done.contains("Nothing is decided yet") && !done.contains("Decide by"),
                "{done}"
            );
            assert!(!done.contains("Decide-by:"), "{done}");
            let history = done
                .find("## Proposal Finished (2026-12-11)\n\n* Proposed on: 2026-12-01\n")
                .unwrap();
            assert!(history < done.find("## References").unwrap());
            assert!(!done.contains("\n\n\n"), "{done}");
        }
        // Listed, the items are written again from what is known now; counted, no item is
        // named that the record did not name.
        let listed = finish(&listed(), |_| {});
        assert!(listed.contains("[2][3]\n\n* Information in hand: 4 of the 5 items (80%)\n  * Known: Uptime\n  * Known: Support hours\n  * Known: Licence cost after year one\n  * Known: Exit terms\n  * Missing, but it would not change the choice: Office location\n\nConfidence"), "{listed}");
        let counted = finish(&counted(), |_| {});
        assert!(!counted.contains("not named in the record"), "{counted}");
        assert!(!counted.contains("* Information in hand:"), "{counted}");
    }

    #[test]
    fn extending_keeps_it_a_proposal_with_the_new_date_and_what_is_still_open() {
        let done = finish(&listed(), |ending| {
            ending.status = "proposed".into();
            ending.chosen = None;
            ending.leaning = Some("Vendor A".into());
            ending.found = owned(&["Licence cost after year one"]);
            ending.decide_by = Some(("2026-12-18".into(), "Friday 18 December".into()));
            ending.why = Some("the vendor answers on Monday".into());
            ending.review_by = None;
            ending.review_by_text = None;
            ending.confidence = None;
            ending.signal = None;
            ending.headline = "Time-box extended once: decide by Friday 18 December".into();
            ending.information.headline = "60% on a one-way door, still below 70%".into();
        });
        assert!(done.starts_with("# 2. Choose a vendor\n\nDate: 2026-12-01\nDecide-by: 2026-12-18\n\n## Status\n\nProposed\n"), "{done}");
        assert!(done.contains("Nothing is decided yet. We lean towards Vendor A, because the licence cost is fixed for three years, and decide by Friday 18 December, once we know:\n\n* Exit terms\n\nThe coach's verdict: Time-box extended once: decide by Friday 18 December.\n"), "{done}");
        assert!(done.contains("The 70% information rule: 60% on a one-way door, still below 70%. You have 4 of the 5"), "{done}");
        assert!(
            done.contains("Decide by Friday 18 December, when the investigation ends."),
            "{done}"
        );
        assert!(
            done.contains("## Time-box Extended (2026-12-11)\n"),
            "{done}"
        );
        // Read back, it is the same proposal, one question further on, extended once.
        let again = Proposal::from_record(&record(&done));
        assert!(Proposal::is_open(&record(&done)));
        assert_eq!(again.open_questions, ["Exit terms"]);
        assert_eq!(again.decide_by.as_deref(), Some("2026-12-18"));
        assert!(again.extended);
    }

    #[test]
    fn dropping_rejects_it_with_nothing_to_review() {
        let done = finish(&listed(), |ending| {
            ending.status = "rejected".into();
            ending.chosen = None;
            ending.dropped_why = Some("neither vendor keeps data in the EU".into());
            ending.fallback = None;
            ending.confidence = None;
            ending.signal = None;
            ending.review_by = None;
            ending.review_by_text = None;
            ending.headline = "Dropped: none of the options".into();
        });
        assert!(
            done.starts_with("# 2. Choose a vendor\n\nDate: 2026-12-11\n\n## Status\n\nRejected\n"),
            "{done}"
        );
        assert!(done.contains("\n## Decision\n\nNo option is chosen: the proposal was dropped, because neither vendor keeps data in the EU.\n"), "{done}");
        assert!(
            !done.contains("Review it by") && !done.contains("Decide by"),
            "{done}"
        );
        assert!(!done.contains("It was wrong if"), "{done}");
        assert!(
            done.contains(
                "* Dropped: none of the options, because neither vendor keeps data in the EU\n"
            ),
            "{done}"
        );
    }

    /// Another option chosen: the consequences of the proposal's option go, and what the
    /// record says of the chosen one takes their place.
    #[test]
    fn choosing_another_option_rewrites_the_consequences() {
        let done = finish(&listed(), |ending| {
            ending.chosen = Some("Vendor B".into());
            ending.fallback = None;
            ending.signal = None;
        });
        let consequences =
            &done[done.find("## Consequences").unwrap()..done.find("## More Information").unwrap()];
        assert_eq!(
            consequences,
            "## Consequences\n\n* Good, because of a fixed price for three years\n\n"
        );
    }
}
