//! A proposal, read back from its record so `decide review` can finish it, and the edits
//! that finish it: the record becomes a decision (or stays a proposal with a later date),
//! its verdict block and front matter follow, and the proposal's history is kept in a
//! section of its own, before the references.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Listing, Record};
use crate::error::Result;
use crate::template::Templates;

/// What a proposal record says, as `decide review` needs it: plain text, as the lead typed
/// it (Markdown escapes removed), so it can be offered again as an answer and escaped once
/// when written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Proposal {
    pub title: String,
    /// The record's date while it was a proposal, as written (`2026-12-03`): the day it was
    /// proposed. Finished, the record's date becomes the day it was decided.
    pub date: Option<String>,
    pub status: Option<String>,
    pub options: Vec<String>,
    pub proposed: Option<String>,
    pub because: Option<String>,
    pub door: Option<String>,
    /// What the lead wished they knew, known then, and still open.
    pub wished: Vec<String>,
    pub have: Vec<String>,
    pub open_questions: Vec<String>,
    pub decide_by: Option<String>,
    /// The signal that it was wrong, named when it was decided.
    pub signal: Option<String>,
    /// Whether the time-box was extended already (it may be, once).
    pub extended: bool,
    /// What the proposal said changes outside the team.
    pub impact: Option<String>,
    /// Who finds out each open question, where the record names someone.
    pub owners: Vec<(String, String)>,
    /// Each option with its "Good, because" and "Bad, because" items, as the record lists
    /// them under Pros and Cons of the Options.
    pub arguments: Vec<(String, Vec<String>)>,
    /// The template that wrote the record, which says how it is finished. Not for the
    /// playbook: the questions are the same whichever wrote it.
    #[serde(skip)]
    pub form: Form,
}

/// Which template wrote a proposal: ours (`decision.md`, a Decision Outcome and a framing
/// section per framework), or `nygard.md` in an adr-tools log (a `## Decision` paragraph
/// and a line per framework).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Form {
    #[default]
    Ours,
    /// `listed`: the items the 70% rule counted are listed under its line (records written
    /// before `nygard.md` listed them give only the counts).
    Nygard { listed: bool },
}

impl Proposal {
    pub(crate) fn from_record(record: &Record) -> Proposal {
        if let Some(proposal) = super::nygard_finish::read(record) {
            return proposal;
        }
        let items = |heading: &str| {
            record
                .section(heading)
                .map(|s| list_items(s.body))
                .unwrap_or_default()
        };
        let mut proposal = Proposal {
            title: record.title.clone(),
            date: record.date_text(),
            status: record.status.clone(),
            options: items("Considered Options"),
            door: record.door.clone(),
            decide_by: record.front_matter.get("decide-by").map(str::to_string),
            extended: record
                .sections
                .iter()
                .any(|s| s.heading.starts_with(EXTENDED_HEADING)),
            ..Proposal::default()
        };
        if let Some(outcome) = record.section("Decision Outcome") {
            let first = outcome.body.lines().next().unwrap_or_default();
            if let Some(rest) = first
                .strip_prefix("Proposed option: \"")
                .or_else(|| first.strip_prefix("Chosen option: \""))
                && let Some((name, after)) = rest.split_once('"')
            {
                proposal.proposed = Some(crate::markdown::unescape(name));
                proposal.because = after
                    .trim_start_matches([',', ' '])
                    .strip_prefix("because ")
                    .and_then(|b| b.split(". ").next())
                    .map(|b| crate::markdown::unescape(b.trim_end_matches('.')));
            }
        }
        proposal.open_questions = items("Open Questions")
            .into_iter()
            .map(|item| strip_owner(&item))
            .collect();
        proposal.owners = items("Open Questions")
            .iter()
            .filter_map(|item| owner_of(item))
            .collect();
        // As the lead typed it: it is offered again as an answer, and escaped again when
        // written.
        proposal.impact = record
            .section("Impact Outside the Team")
            .map(|s| crate::markdown::unescape(s.body.trim()))
            .filter(|s| !s.is_empty());
        proposal.arguments = proposal
            .options
            .iter()
            .filter_map(|name| {
                let section = record
                    .sections
                    .iter()
                    .find(|s| s.level == 3 && s.heading == *name)?;
                Some((name.clone(), list_items(section.body)))
            })
            .collect();
        if let Some(framing) = record.section("The 70% information rule") {
            read_information(&mut proposal, &nested_items(framing.body));
        }
        // What an extension found out is known from then on: the next review starts there.
        for extension in record
            .sections
            .iter()
            .filter(|s| s.heading.starts_with(EXTENDED_HEADING))
        {
            let found = list_items(extension.body)
                .into_iter()
                .filter_map(|item| item.strip_prefix("Found out: ").map(str::to_string))
                .flat_map(|items| items.split("; ").map(str::to_string).collect::<Vec<_>>());
            for item in found {
                if proposal.wished.contains(&item) && !proposal.have.contains(&item) {
                    proposal.have.push(item.clone());
                }
                proposal.open_questions.retain(|open| *open != item);
            }
        }
        proposal.signal = signal_of(record);
        proposal
    }

    /// The share of what the lead wished they knew that they had when they proposed it,
    /// from the items the record lists; `None` when it lists none.
    pub(crate) fn coverage_then(&self) -> Option<u32> {
        (!self.wished.is_empty())
            .then(|| crate::coach::percent_floor(self.have.len(), self.wished.len()))
    }

    /// Whether the record is a proposal waiting to be finished.
    pub(crate) fn is_open(record: &Record) -> bool {
        let status = record.status.as_deref().unwrap_or_default();
        let outcome = record.front_matter.get("outcome");
        // A proposal waiting for someone's answer (`outcome: proposal` or `options`) has a
        // date to decide by too, but nothing to finish: its answer is recorded with
        // `decide status`.
        // A proposal `nygard.md` wrote has no front matter: its date to decide by is the
        // `Decide-by:` line under the title.
        status.eq_ignore_ascii_case("proposed")
            && (outcome == Some("investigate")
                || (outcome.is_none() && record.front_matter.contains_key("decide-by"))
                || (outcome.is_none()
                    && record.decide_by.is_some()
                    && super::nygard_finish::is_proposal(record)))
    }
}

/// What the 70% rule's items say (`Known: Uptime`, `To investigate: Exit terms`, …): what
/// the lead wished they knew, and had.
pub(super) fn read_information(proposal: &mut Proposal, items: &[String]) {
    for item in items {
        let (kind, what) = item.split_once(": ").unwrap_or(("", item));
        match kind {
            "Known" => {
                proposal.have.push(what.to_string());
                proposal.wished.push(what.to_string());
            }
            "To investigate"
            | "Missing, but it would not change the choice"
            | "Assumed, to check"
            | "Still unknown, decided without it" => proposal.wished.push(what.to_string()),
            _ => {}
        }
    }
}

/// An open question and who finds it out: "Exit terms (Ben finds out)".
pub(super) fn owner_of(item: &str) -> Option<(String, String)> {
    let (what, who) = item.rsplit_once(" (")?;
    Some((
        what.to_string(),
        who.strip_suffix(" finds out)")?.to_string(),
    ))
}

/// The subsection of the outcome where the lead's plain words are kept.
const PLAIN_WORDS: &str = "### In Plain Words";
/// Heading of the history section an extension adds.
pub(crate) const EXTENDED_HEADING: &str = "Time-box Extended";
/// Heading of the history section a finished proposal gets.
pub(crate) const FINISHED_HEADING: &str = "Proposal Finished";

/// The signal that it was wrong, as the record's Forecast names it.
fn signal_of(record: &Record) -> Option<String> {
    list_items(record.section("Forecast")?.body)
        .into_iter()
        .find_map(|item| item.strip_prefix("It was wrong if: ").map(str::to_string))
}

pub(super) fn strip_owner(item: &str) -> String {
    match item.rsplit_once(" (") {
        Some((what, owner)) if owner.ends_with(" finds out)") => what.to_string(),
        _ => item.to_string(),
    }
}

/// Top-level list items of a body, as the lead typed them (without Markdown escapes).
pub(super) fn list_items(body: &str) -> Vec<String> {
    body.lines()
        .filter_map(|line| line.strip_prefix("* ").or_else(|| line.strip_prefix("- ")))
        .map(|item| crate::markdown::unescape(item.trim()))
        .collect()
}

/// List items at any depth, as the lead typed them.
pub(super) fn nested_items(body: &str) -> Vec<String> {
    body.lines()
        .map(str::trim_start)
        .filter_map(|line| line.strip_prefix("* ").or_else(|| line.strip_prefix("- ")))
        .map(|item| crate::markdown::unescape(item.trim()))
        .collect()
}

/// How a proposal ended, in the words the record keeps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Ending {
    pub date: NaiveDate,
    /// `accepted`, `rejected`, or `proposed` for an extension.
    pub status: String,
    /// The coach's new verdict for the record, and its reasoning.
    pub headline: String,
    pub reasoning: String,
    pub chosen: Option<String>,
    /// For an extension: the option leaned towards now.
    pub leaning: Option<String>,
    pub because: Option<String>,
    pub dropped_why: Option<String>,
    pub fallback: Option<String>,
    /// What changes outside the team with the option chosen (or leaned towards) now.
    pub impact: Option<String>,
    pub found: Vec<String>,
    pub learnt: Option<String>,
    /// What is known now, by the 70% rule run again.
    pub information: Known,
    /// For an extension: the new date and why.
    pub decide_by: Option<(String, String)>,
    pub why: Option<String>,
    pub review_by: Option<String>,
    /// The review date as people read it, for the record's text.
    pub review_by_text: Option<String>,
    pub confidence: Option<f64>,
    pub signal: Option<String>,
    /// The proposal as it stood: the option and the date it was to be decided by.
    pub was: (Option<String>, Option<String>),
    /// The coach's warnings that hold the messages back until the answers change, written
    /// as `Check first:` items so `decide message` holds them back too.
    pub check_first: Vec<String>,
    /// Accepted before the investigation was over (`decide status N accepted --force`).
    pub early: bool,
}

/// What is known when the time-box ends: the proposal's items, with what was found out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct Known {
    pub coverage: Option<u32>,
    /// The 70% rule's own verdict now, and its reasoning: for an extension it names the
    /// new time-box.
    pub headline: String,
    pub reasoning: String,
    pub wished: usize,
    pub known: Vec<String>,
    /// Missing items that could change the choice (what the open questions were about).
    pub still_open: Vec<String>,
    /// Missing items that would not change the choice.
    pub not_decisive: Vec<String>,
}

impl Known {
    /// What `proposal` knew, plus `found`, with `coverage` as the rule computed it.
    pub(crate) fn after(proposal: &Proposal, found: &[String], coverage: Option<u32>) -> Known {
        let known: Vec<String> = proposal
            .wished
            .iter()
            .filter(|item| proposal.have.contains(item) || found.contains(item))
            .cloned()
            .collect();
        let missing = proposal.wished.iter().filter(|item| !known.contains(item));
        let (still_open, not_decisive): (Vec<String>, Vec<String>) = missing
            .cloned()
            .partition(|item| proposal.open_questions.contains(item));
        Known {
            coverage,
            wished: proposal.wished.len(),
            known,
            still_open,
            not_decisive,
            ..Known::default()
        }
    }
}

impl Ending {
    /// A proposal accepted as it stands (`decide status N accepted --force`): its option
    /// chosen without the investigation finished, so the open questions are still open.
    pub(crate) fn accepted_as_is(
        proposal: &Proposal,
        coverage: Option<u32>,
        today: NaiveDate,
        review_by: (String, String),
        decide_by_text: Option<String>,
    ) -> Ending {
        let information = Known::after(proposal, &[], coverage);
        let open = information.still_open.len();
        Ending {
            date: today,
            status: "accepted".into(),
            headline: format!(
                "Accepted as proposed: {}",
                proposal.proposed.as_deref().unwrap_or("the proposal")
            ),
            reasoning: format!(
                "Accepted before the investigation finished, with {open} open question{} still unanswered.",
                if open == 1 { "" } else { "s" }
            ),
            chosen: proposal.proposed.clone(),
            leaning: None,
            because: proposal.because.clone(),
            dropped_why: None,
            fallback: None,
            impact: proposal.impact.clone(),
            found: Vec::new(),
            learnt: None,
            information,
            decide_by: None,
            why: None,
            review_by: Some(review_by.0),
            review_by_text: Some(review_by.1),
            confidence: None,
            signal: None,
            was: (proposal.proposed.clone(), decide_by_text),
            check_first: Vec::new(),
            early: true,
        }
    }

    pub(super) fn extended(&self) -> bool {
        self.status == "proposed"
    }

    /// The option the record is now about: the one chosen, or leaned towards.
    pub(super) fn option(&self) -> Option<&str> {
        self.chosen.as_deref().or(self.leaning.as_deref())
    }
}

/// `text` (read as `proposal`) with the proposal finished as `ending` says: the Decision
/// Outcome and the 70% rule are written again from what is known now, with the templates
/// `finish/outcome.md` and `finish/information.md`, so the record says one thing; what
/// the proposal said is kept in a history section.
pub(crate) fn apply(
    text: &str,
    proposal: &Proposal,
    ending: &Ending,
    templates: &Templates,
) -> Result<String> {
    if let Form::Nygard { .. } = proposal.form {
        return super::nygard_finish::apply(text, proposal, ending, templates);
    }
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    front_matter(&mut lines, ending);
    let context = outcome_context(proposal, ending);
    let outcome = templates.render("finish/outcome.md", &context)?;
    // The lead's plain words sit under the outcome, which is written again: they still
    // hold, and every message outside engineering reads them.
    let plain_words = section_range(&lines, PLAIN_WORDS).map(|range| lines[range].to_vec());
    replace_section(&mut lines, "## Decision Outcome", &outcome);
    if let Some(plain_words) = plain_words
        && section_range(&lines, PLAIN_WORDS).is_none()
        && let Some(outcome) = section_range(&lines, "## Decision Outcome")
    {
        let mut kept = plain_words;
        kept.push(String::new());
        lines.splice(outcome.end..outcome.end, kept);
    }
    if let Some(at) = lines
        .iter()
        .position(|l| l.trim_end() == "### The 70% information rule")
    {
        let refs = citation_marks(&lines[at + 1..]);
        let mut context = context.clone();
        if let Some(map) = context.as_object_mut() {
            map.insert("refs".into(), serde_json::json!(refs));
        }
        let information = templates.render("finish/information.md", &context)?;
        replace_section(&mut lines, "### The 70% information rule", &information);
    }
    if let (Some(weighed), Some(now)) = (proposal.proposed.as_deref(), ending.option())
        && weighed != now
        && let Some(at) = lines
            .iter()
            .position(|l| l.starts_with("* The option weighed: "))
    {
        lines[at] = format!(
            "* The option weighed: {weighed} (the proposal; {now} was {} on {})",
            if ending.extended() {
                "leaned towards"
            } else {
                "chosen"
            },
            ending.date.format("%Y-%m-%d")
        );
    }
    replace_next_step(&mut lines, ending);
    if let Some(at) = lines
        .iter()
        .position(|l| l.starts_with("The coach's verdict: "))
    {
        lines[at] = format!(
            "The coach's verdict: **{}.**",
            ending.headline.trim_end_matches('.')
        );
    }
    insert_history(&mut lines, ending, &context, templates)?;
    let mut out = lines.join(nl);
    out.push_str(nl);
    Ok(super::single_blank_lines(&out))
}

/// The proposal's "decide by" line gives way to the next step: the new end of the
/// time-box, the review date, or nothing for a proposal dropped.
pub(super) fn replace_next_step(lines: &mut Vec<String>, ending: &Ending) {
    if let Some(at) = lines
        .iter()
        .position(|l| l.starts_with(DECIDE_BY) || l.starts_with(COME_BACK))
    {
        match next_step(ending) {
            Some(line) => lines[at] = line,
            None => {
                lines.remove(at);
            }
        }
    }
}

/// The proposal's history, from `finish/history.md`, in a dated section of its own before
/// the references.
pub(super) fn insert_history(
    lines: &mut Vec<String>,
    ending: &Ending,
    context: &serde_json::Value,
    templates: &Templates,
) -> Result<()> {
    let heading = if ending.extended() {
        EXTENDED_HEADING
    } else {
        FINISHED_HEADING
    };
    let history = templates.render("finish/history.md", context)?;
    let at = lines
        .iter()
        .position(|l| l.trim_end() == "## References")
        .unwrap_or(lines.len());
    let mut section = vec![
        format!("## {heading} ({})", ending.date.format("%Y-%m-%d")),
        String::new(),
    ];
    section.extend(history.trim().lines().map(str::to_string));
    section.push(String::new());
    lines.splice(at..at, section);
    Ok(())
}

/// What the finish templates see: the ending, the open questions as they stand, and the
/// arguments of the option the record is now about (its consequences).
pub(super) fn outcome_context(proposal: &Proposal, ending: &Ending) -> serde_json::Value {
    let owner = |item: &str| {
        proposal
            .owners
            .iter()
            .find(|(what, _)| what == item)
            .map(|(_, who)| who.clone())
    };
    let questions: Vec<serde_json::Value> = proposal
        .open_questions
        .iter()
        .map(|item| {
            serde_json::json!({
                "item": item,
                "owner": owner(item),
                "found": ending.found.contains(item),
            })
        })
        .collect();
    // A figure the finding corrected ("22%, not 30%") is marked where an argument still
    // gives the old one, so the record does not state both as true.
    let corrected = ending
        .learnt
        .as_deref()
        .and_then(crate::phrase::corrected_figure);
    let gives = |item: &str, figure: &str| {
        let number = figure.split(' ').next().unwrap_or_default();
        item.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
            .any(|word| word.trim_end_matches('.') == number)
    };
    let consequences: Vec<String> = ending
        .option()
        .and_then(|option| proposal.arguments.iter().find(|(name, _)| name == option))
        .map(|(_, items)| {
            items
                .iter()
                .map(|item| match &corrected {
                    Some((new, old)) if gives(item, old) && !gives(item, new) => {
                        format!("{item} (found since: {new}, not {old})")
                    }
                    _ => item.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let below = ending.chosen.is_some() && ending.information.coverage.is_some_and(|c| c < 70);
    serde_json::json!({
        "ending": ending,
        "proposal": proposal,
        "extended": ending.extended(),
        "below": below,
        "information_reasoning": information_reasoning(ending, below),
        "questions": questions,
        "consequences": consequences,
        "date_text": ending.date.format("%-d %B").to_string(),
        "decided_on_text": ending.date.format("%A %-d %B %Y").to_string(),
    })
}

/// What the 70% rule's words say once a proposal is finished: extended, or decided at 70%
/// or more, the rule's own reasoning stands; below it (or accepted early), the coach's word
/// on deciding anyway.
fn information_reasoning(ending: &Ending, below: bool) -> &str {
    let rule = &ending.information.reasoning;
    let rule_stands = ending.extended()
        || (ending.chosen.is_some() && !below && !ending.early && !rule.is_empty());
    if rule_stands { rule } else { &ending.reasoning }
}

/// The citation marks ("[2][4]") at the end of a section's verdict paragraph (its first
/// line that is not a list item, with or without the verdict in bold), kept when the
/// paragraph is written again.
pub(super) fn citation_marks(body: &[String]) -> String {
    let Some(paragraph) = body
        .iter()
        .take_while(|l| !l.starts_with('#'))
        .find(|l| l.starts_with("**") || !(l.trim().is_empty() || l.starts_with(['*', '-', ' '])))
    else {
        return String::new();
    };
    let trimmed = paragraph.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '[' || *c == ']')
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    trimmed[start..].trim_start().to_string()
}

/// Replace the body of the section headed `heading` (up to the next heading of the same or
/// a higher level, outside code fences) with `body`.
fn replace_section(lines: &mut Vec<String>, heading: &str, body: &str) {
    let Some(range) = section_range(lines, heading) else {
        return;
    };
    let mut replacement: Vec<String> = vec![String::new()];
    replacement.extend(body.trim().lines().map(str::to_string));
    replacement.push(String::new());
    lines.splice(range.start + 1..range.end, replacement);
}

/// The lines of the section headed `heading`: from its heading to the next heading of the
/// same or a higher level, outside code fences.
pub(crate) fn section_range(lines: &[String], heading: &str) -> Option<std::ops::Range<usize>> {
    let level = heading.chars().take_while(|c| *c == '#').count();
    let start = lines.iter().position(|l| l.trim_end() == heading)?;
    let mut in_fence = false;
    let end = lines[start + 1..]
        .iter()
        .position(|line| {
            if line.trim_start().starts_with("```") {
                in_fence = !in_fence;
            }
            let hashes = line.chars().take_while(|c| *c == '#').count();
            !in_fence && hashes > 0 && hashes <= level && line[hashes..].starts_with(' ')
        })
        .map_or(lines.len(), |i| start + 1 + i);
    Some(start..end)
}

/// How a proposal's More Information says when it is to be decided.
pub(crate) const DECIDE_BY: &str = "Decide by ";
/// What follows a proposal's decide-by line: the question its review will ask.
pub(crate) const THEN_REVIEW: &str = " Then review it: ";
/// How earlier proposals said it.
const COME_BACK: &str = "Come back to it by ";

/// What replaces the proposal's "come back to it by" line: the new end of the time-box, or
/// the decision's review date; a dropped proposal has no next step.
fn next_step(ending: &Ending) -> Option<String> {
    match (&ending.decide_by, &ending.chosen) {
        (Some((_, date)), _) => Some(format!("{DECIDE_BY}{date}, when the investigation ends.")),
        (None, Some(_)) => ending.review_by_text.as_ref().map(|date| {
            format!("Review it by {date}: did the decision hold up, and what did we learn?")
        }),
        (None, None) => None,
    }
}

/// The front matter says where the record now stands. Decided or dropped, its date is
/// the day that happened (MADR's `date` is when the decision was last updated); extended,
/// it is still the proposal of its own date.
fn front_matter(lines: &mut Vec<String>, ending: &Ending) {
    set_front(lines, "status", Some(&ending.status));
    if !ending.extended() {
        replace_front(lines, "date", &crate::text::iso(ending.date));
    }
    let outcome = match (ending.extended(), &ending.chosen) {
        (true, _) => "investigate",
        (false, Some(_)) => "decided",
        (false, None) => "dropped",
    };
    set_front(lines, "outcome", Some(outcome));
    if let Some(coverage) = ending.information.coverage {
        set_front(lines, "information-coverage", Some(&format!("{coverage}%")));
    }
    match &ending.decide_by {
        Some((iso, _)) => set_front(lines, "decide-by", Some(iso)),
        None => set_front(lines, "decide-by", None),
    }
    if let Some(confidence) = ending.confidence {
        let percent = format!("{}%", crate::answer::format_number(confidence));
        set_front(lines, "confidence", Some(&percent));
    }
    // A dropped proposal has nothing to review.
    set_front(lines, "review-by", ending.review_by.as_deref());
}

/// Set a key the front matter at the top of `lines` already has, keeping its place; a
/// front matter without it (a house style that names the date otherwise) is left alone.
pub(crate) fn replace_front(lines: &mut [String], key: &str, value: &str) {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return;
    }
    let prefix = format!("{key}:");
    let found = lines
        .iter()
        .skip(1)
        .take_while(|l| l.trim_end() != "---")
        .position(|l| l.starts_with(&prefix));
    if let Some(i) = found {
        let quoted = crate::yaml::to_string(&value.to_string());
        lines[i + 1] = format!("{key}: {}", quoted.trim_end());
    }
}

/// Set (or remove) a key of the front matter at the top of `lines`, keeping its place.
pub(crate) fn set_front(lines: &mut Vec<String>, key: &str, value: Option<&str>) {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return;
    }
    let Some(end) = lines.iter().skip(1).position(|l| l.trim_end() == "---") else {
        return;
    };
    let end = end + 1;
    let prefix = format!("{key}:");
    let found = (1..end).find(|&i| lines[i].starts_with(&prefix));
    let line = value.map(|v| {
        format!(
            "{key}: {}",
            crate::yaml::to_string(&v.to_string()).trim_end()
        )
    });
    match (found, line) {
        (Some(i), Some(line)) => lines[i] = line,
        (Some(i), None) => {
            lines.remove(i);
        }
        (None, Some(line)) => {
            // Before `review-by`, which ends our front matter, or at its end.
            let at = (1..end)
                .find(|&i| lines[i].starts_with("review-by:"))
                .unwrap_or(end);
            lines.insert(at, line);
        }
        (None, None) => {}
    }
}

/// A decided ending for the tests of both finishes (ours and `nygard.md`'s): Vendor A
/// chosen over Vendor B, `found` found out, with `information` as the 70% rule left it.
#[cfg(test)]
pub(crate) fn sample_ending(status: &str, found: Vec<String>, information: Known) -> Ending {
    Ending {
        date: NaiveDate::from_ymd_opt(2026, 12, 11).unwrap(),
        status: status.into(),
        headline: "Decided: Vendor A".into(),
        reasoning: "The investigation is over.".into(),
        chosen: Some("Vendor A".into()),
        leaning: None,
        because: Some("the licence cost is fixed for three years".into()),
        dropped_why: None,
        fallback: Some("Vendor B".into()),
        impact: None,
        information,
        found,
        learnt: Some("The price is fixed.".into()),
        decide_by: None,
        why: None,
        review_by: Some("2027-03-11".into()),
        review_by_text: Some("Thursday 11 March 2027".into()),
        confidence: Some(75.0),
        signal: Some("support tickets take more than a day".into()),
        was: (Some("Vendor A".into()), Some("Friday 11 December".into())),
        check_first: Vec::new(),
        early: false,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const PROPOSAL: &str = "---\nstatus: proposed\ndate: 2026-12-01\nplaybook: decision\noutcome: investigate\ndoor: one-way\ninformation-coverage: 40%\ndecide-by: 2026-12-11\nreview-by: 2026-12-11\n---\n\n# Choose a vendor\n\n## Considered Options\n\n* Vendor A\n* Vendor B\n\n## Decision Outcome\n\nProposed option: \"Vendor A\", because they already host our billing. Nothing is decided yet: we decide by Friday 11 December, once the open questions are answered.\n\n### Open Questions\n\n* Licence cost after year one (Ana finds out)\n* Exit terms\n\n### Impact Outside the Team\n\nFinance gets one invoice instead of two.\n\n### Consequences\n\n* Good, because one supplier for billing and search\n* Bad, because their licence grows with our traffic\n\n## Decision Framing\n\nThe coach's verdict: **40% on a one-way door: investigate until Friday 11 December, then decide.**\n\n### One-way or two-way door\n\n**One-way door: decide carefully.** Undoing it would take 9 months. [1]\n\n* The option weighed: Vendor A\n* Time to undo if it turns out wrong: 9 months\n\n### The 70% information rule\n\n**40% on a one-way door: investigate until Friday 11 December, then decide.** You have 2 of the 5 things. [2][3]\n\n* Information in hand: 2 of 5 items (40%)\n  * Known: Uptime\n  * Known: Support hours\n  * To investigate: Licence cost after year one\n  * To investigate: Exit terms\n  * Missing, but it would not change the choice: Office location\n* Investigate until: Friday 11 December, then decide.\n\n## Pros and Cons of the Options\n\n### Vendor A\n\n* Good, because one supplier for billing and search\n* Bad, because their licence grows with our traffic\n\n### Vendor B\n\n* Good, because a fixed price for three years\n* Bad, because a new supplier to onboard\n\n## More Information\n\nCome back to it by Friday 11 December, when the investigation ends, and decide: `decide review` on this record finishes it.\n\n## References\n\n[1] x\n";

    fn proposal() -> Proposal {
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), PROPOSAL).unwrap();
        Proposal::from_record(&record)
    }

    fn finish(ending: &Ending) -> String {
        apply(
            PROPOSAL,
            &proposal(),
            ending,
            &Templates::embedded().unwrap(),
        )
        .unwrap()
    }

    fn section<'t>(text: &'t str, heading: &str) -> &'t str {
        let start = text
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} in {text}"));
        let body = &text[start + heading.len()..];
        let end = body.find("\n## ").unwrap_or(body.len());
        &body[..end]
    }

    #[test]
    fn a_proposal_reads_back() {
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), PROPOSAL).unwrap();
        assert!(Proposal::is_open(&record));
        let proposal = Proposal::from_record(&record);
        assert_eq!(proposal.options, ["Vendor A", "Vendor B"]);
        assert_eq!(proposal.proposed.as_deref(), Some("Vendor A"));
        assert_eq!(
            proposal.because.as_deref(),
            Some("they already host our billing")
        );
        assert_eq!(
            proposal.open_questions,
            ["Licence cost after year one", "Exit terms"]
        );
        assert_eq!(
            proposal.owners,
            [("Licence cost after year one".to_string(), "Ana".to_string())]
        );
        assert_eq!(proposal.have, ["Uptime", "Support hours"]);
        assert_eq!(proposal.wished.len(), 5);
        assert_eq!(proposal.decide_by.as_deref(), Some("2026-12-11"));
        assert_eq!(
            proposal.impact.as_deref(),
            Some("Finance gets one invoice instead of two.")
        );
        assert_eq!(proposal.arguments.len(), 2);
        assert_eq!(
            proposal.arguments[1].1,
            [
                "Good, because a fixed price for three years",
                "Bad, because a new supplier to onboard"
            ]
        );
        assert!(!proposal.extended);
    }

    fn ending(status: &str) -> Ending {
        let found = vec!["Licence cost after year one".to_string()];
        let information = Known {
            headline: "60% on a one-way door: investigate until Friday 18 December, then decide"
                .into(),
            reasoning: "You have 3 of the 5 things.".into(),
            ..Known::after(&proposal(), &found, Some(60))
        };
        Ending {
            impact: Some("Finance gets one invoice instead of two".into()),
            ..sample_ending(status, found, information)
        }
    }

    /// A figure the finding corrected is marked where an argument still gives the old one.
    #[test]
    fn a_corrected_figure_is_marked_in_the_consequences() {
        let text = PROPOSAL.replace(
            "their licence grows with our traffic",
            "their licence costs 8k a year",
        );
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), &text).unwrap();
        let ending = Ending {
            learnt: Some("The licence is 12k a year, not 8k.".into()),
            ..ending("accepted")
        };
        let finished = apply(
            &text,
            &Proposal::from_record(&record),
            &ending,
            &Templates::embedded().unwrap(),
        )
        .unwrap();
        let outcome = section(&finished, "## Decision Outcome");
        assert!(
            outcome.contains(
                "* Bad, because their licence costs 8k a year (found since: 12k, not 8k)\n"
            ),
            "{outcome}"
        );
        assert!(outcome.contains("* Good, because one supplier for billing and search\n"));
    }

    #[test]
    fn finishing_makes_it_a_decision_and_keeps_the_history() {
        let text = finish(&ending("accepted"));
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), &text).unwrap();
        assert_eq!(record.status.as_deref(), Some("accepted"));
        assert_eq!(record.front_matter.get("outcome"), Some("decided"));
        assert!(!record.front_matter.contains_key("decide-by"));
        assert_eq!(record.front_matter.get("information-coverage"), Some("60%"));
        assert_eq!(record.front_matter.get("confidence"), Some("75%"));
        let outcome = section(&text, "## Decision Outcome");
        assert!(outcome.contains(
            "Chosen option: \"Vendor A\", because the licence cost is fixed for three years."
        ));
        assert!(outcome.contains("\nDecided on Friday 11 December 2026 at 60% of what we wished we knew, below the 70% the rule asks for; still open: Exit terms.\n"), "{outcome}");
        // The record is dated the day it was decided; its history keeps the proposal's day.
        assert_eq!(record.date_text().as_deref(), Some("2026-12-11"));
        assert!(
            text.contains("## Proposal Finished (2026-12-11)\n\n* Proposed on: 2026-12-01\n"),
            "{text}"
        );
        // The lead's words go on the label's sentence: no capital after its colon.
        assert!(
            text.contains("* What we learnt: the price is fixed.\n"),
            "{text}"
        );
        assert!(outcome.contains("### Questions Before Deciding\n\n* Licence cost after year one: found out by Ana\n* Exit terms: still open when we decided\n"), "{outcome}");
        assert!(outcome.contains("### Forecast\n\n* Confidence that this is right: 75%\n* It was wrong if: support tickets take more than a day\n"));
        assert!(!text.contains("Proposed option"));
        assert!(text.contains("The coach's verdict: **Decided: Vendor A.**"));
        let information = section(&text, "### The 70% information rule");
        // The verdict is the coach's verdict above: said once; the references are kept.
        assert!(
            information.contains("\nThe investigation is over. [2][3]\n"),
            "{information}"
        );
        assert!(!information.contains("**Decided"), "{information}");
        assert!(information.contains("* Information in hand: 3 of the 5 items (60%)\n  * Known: Uptime\n  * Known: Support hours\n  * Known: Licence cost after year one\n  * Still unknown, decided without it: Exit terms\n  * Missing, but it would not change the choice: Office location\n"), "{information}");
        assert!(!information.contains("Investigate until"), "{information}");
        let history = text.find("## Proposal Finished (2026-12-11)").unwrap();
        assert!(history < text.find("## References").unwrap());
        assert!(text.contains("* The proposal: \"Vendor A\", because they already host our billing, to be decided by Friday 11 December"));
        assert!(!text.contains("\n\n\n"));
        assert!(
            text.contains(
                "Review it by Thursday 11 March 2027: did the decision hold up, and what did we learn?"
            ) && !text.contains("Come back to it by"),
            "the next step is the review, not the time-box: {text}"
        );
    }

    /// Choosing the other option: nothing the proposal said about its own option stays in
    /// the decision.
    #[test]
    fn choosing_another_option_rewrites_what_followed_from_the_proposal() {
        let mut other = ending("accepted");
        other.chosen = Some("Vendor B".into());
        other.because = Some("the price is fixed".into());
        other.impact = None;
        other.fallback = Some("Vendor A".into());
        let text = finish(&other);
        let outcome = section(&text, "## Decision Outcome");
        assert!(outcome.contains("Chosen option: \"Vendor B\""), "{outcome}");
        assert!(outcome.contains("### Consequences\n\n* Good, because a fixed price for three years\n* Bad, because a new supplier to onboard\n"), "{outcome}");
        for stale in [
            "one supplier for billing",
            "Finance gets one invoice",
            "Impact Outside",
        ] {
            assert!(!outcome.contains(stale), "{stale} in {outcome}");
        }
        assert!(text.contains(
            "* The option weighed: Vendor A (the proposal; Vendor B was chosen on 2026-12-11)"
        ));
        // The pros and cons of every option stay as they were.
        assert!(
            section(&text, "## Pros and Cons of the Options").contains("one supplier for billing")
        );
    }

    #[test]
    fn extending_keeps_it_a_proposal_with_the_new_date_and_only_what_is_still_open() {
        let mut extended = ending("proposed");
        extended.chosen = None;
        extended.leaning = Some("Vendor A".into());
        extended.because = Some("one supplier is simpler, if the licence stays flat".into());
        extended.decide_by = Some(("2026-12-18".into(), "Friday 18 December".into()));
        extended.why = Some("the vendor answers on Monday".into());
        extended.review_by = None;
        extended.review_by_text = None;
        extended.headline = "Time-box extended once: decide by Friday 18 December".into();
        let text = finish(&extended);
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), &text).unwrap();
        assert_eq!(record.status.as_deref(), Some("proposed"));
        // Still the proposal of the day it was made.
        assert_eq!(record.date_text().as_deref(), Some("2026-12-01"));
        assert!(!text.contains("Proposed on:"), "{text}");
        assert_eq!(record.front_matter.get("decide-by"), Some("2026-12-18"));
        // Still a proposal: a date to decide by, and no review date of its own.
        assert_eq!(record.front_matter.get("review-by"), None);
        let outcome = section(&text, "## Decision Outcome");
        assert!(outcome.contains("Proposed option: \"Vendor A\", because one supplier is simpler, if the licence stays flat. Nothing is decided yet: we decide by Friday 18 December"), "{outcome}");
        assert!(
            outcome.contains("### Open Questions\n\n* Exit terms\n"),
            "{outcome}"
        );
        assert!(
            !outcome.contains("Licence cost"),
            "found out, so no longer open: {outcome}"
        );
        let information = section(&text, "### The 70% information rule");
        assert!(information.contains("* Investigate until: Friday 18 December, then decide."));
        assert!(!information.contains("Friday 11 December"), "{information}");
        assert!(text.contains(
            "* Time-box extended to Friday 18 December, because the vendor answers on Monday"
        ));
        assert!(
            text.contains("Decide by Friday 18 December, when the investigation ends")
                && !text.contains("Friday 11 December, when"),
            "{text}"
        );
        // Read back, it is the same proposal, one item further on, extended once.
        let again = Proposal::from_record(&record);
        assert_eq!(
            again.have,
            ["Uptime", "Support hours", "Licence cost after year one"]
        );
        assert_eq!(again.wished.len(), 5);
        assert_eq!(again.open_questions, ["Exit terms"]);
        assert!(again.extended);
    }

    #[test]
    fn dropping_leaves_nothing_to_review() {
        let mut dropped = ending("rejected");
        dropped.chosen = None;
        dropped.dropped_why = Some("neither vendor keeps data in the EU".into());
        dropped.impact = None;
        dropped.review_by = None;
        dropped.review_by_text = None;
        dropped.headline = "Dropped: none of the options".into();
        let text = finish(&dropped);
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), &text).unwrap();
        assert_eq!(record.front_matter.get("outcome"), Some("dropped"));
        assert!(!record.front_matter.contains_key("review-by"), "{text}");
        assert!(!text.contains("Come back to it by"), "{text}");
        assert!(text.contains(
            "No option is chosen: the proposal was dropped, because neither vendor keeps data in the EU."
        ));
        assert!(!section(&text, "## Decision Outcome").contains("Consequences"));
        assert!(!text.contains("\n\n\n"), "{text}");
    }

    #[test]
    fn answers_cannot_change_the_records_structure() {
        let mut hostile = ending("accepted");
        hostile.because = Some("fine\n## Links\n* Next review by: 2099-01-01".into());
        hostile.learnt = Some("ok\n## Outcome (2099-01-01)".into());
        let text = finish(&hostile);
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), &text).unwrap();
        assert!(record.section("Links").is_none(), "{text}");
        assert!(
            record
                .sections
                .iter()
                .all(|s| !s.heading.starts_with("Outcome")),
            "{text}"
        );
    }
}
