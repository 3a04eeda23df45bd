//! A proposal, read back from its record so `decide review` can finish it, and the edits
//! that finish it: the record becomes a decision (or stays a proposal with a later date),
//! its verdict block and front matter follow, and the proposal's history is kept in a
//! section of its own, before the references.

use chrono::NaiveDate;
use serde::Serialize;

use super::Record;

/// What a proposal record says, as `decide review` needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Proposal {
    pub title: String,
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
}

impl Proposal {
    pub(crate) fn from_record(record: &Record) -> Proposal {
        let items = |heading: &str| {
            record
                .section(heading)
                .map(|s| list_items(&s.body))
                .unwrap_or_default()
        };
        let mut proposal = Proposal {
            title: record.title.clone(),
            status: record.status.clone(),
            options: items("Considered Options"),
            door: record.door.clone(),
            decide_by: record.front_matter.get("decide-by").cloned(),
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
                proposal.proposed = Some(name.to_string());
                proposal.because = after
                    .trim_start_matches([',', ' '])
                    .strip_prefix("because ")
                    .and_then(|b| b.split(". ").next())
                    .map(|b| b.trim_end_matches('.').to_string());
            }
        }
        proposal.open_questions = items("Open Questions")
            .into_iter()
            .map(|item| strip_owner(&item))
            .collect();
        if let Some(framing) = record.section("The 70% information rule") {
            for item in nested_items(&framing.body) {
                let (kind, what) = item.split_once(": ").unwrap_or(("", &item));
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
        // What an extension found out is known from then on: the next review starts there.
        for extension in record
            .sections
            .iter()
            .filter(|s| s.heading.starts_with(EXTENDED_HEADING))
        {
            let found = list_items(&extension.body)
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
        if let Some(forecast) = record.section("Forecast") {
            proposal.signal = list_items(&forecast.body)
                .into_iter()
                .find_map(|item| item.strip_prefix("It was wrong if: ").map(str::to_string));
        }
        proposal
    }

    /// Whether the record is a proposal waiting to be finished.
    pub(crate) fn is_open(record: &Record) -> bool {
        let status = record.status.as_deref().unwrap_or_default();
        let outcome = record.front_matter.get("outcome").map(String::as_str);
        status.eq_ignore_ascii_case("proposed")
            && (outcome == Some("investigate") || record.front_matter.contains_key("decide-by"))
    }
}

/// Heading of the history section an extension adds.
pub(crate) const EXTENDED_HEADING: &str = "Time-box Extended";
/// Heading of the history section a finished proposal gets.
pub(crate) const FINISHED_HEADING: &str = "Proposal Finished";

fn strip_owner(item: &str) -> String {
    match item.rsplit_once(" (") {
        Some((what, owner)) if owner.ends_with(" finds out)") => what.to_string(),
        _ => item.to_string(),
    }
}

/// Top-level list items of a body, as written.
fn list_items(body: &str) -> Vec<String> {
    body.lines()
        .filter_map(|line| line.strip_prefix("* ").or_else(|| line.strip_prefix("- ")))
        .map(|item| item.trim().to_string())
        .collect()
}

/// List items at any depth, as written.
fn nested_items(body: &str) -> Vec<String> {
    body.lines()
        .map(str::trim_start)
        .filter_map(|line| line.strip_prefix("* ").or_else(|| line.strip_prefix("- ")))
        .map(|item| item.trim().to_string())
        .collect()
}

/// How a proposal ended, in the words the record keeps.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ending {
    pub date: NaiveDate,
    /// `accepted`, `rejected`, or `proposed` for an extension.
    pub status: String,
    /// The coach's new verdict for the record.
    pub headline: String,
    pub chosen: Option<String>,
    pub because: Option<String>,
    pub fallback: Option<String>,
    pub found: Vec<String>,
    pub learnt: Option<String>,
    pub coverage: Option<u32>,
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
}

/// `text` (read as `record`) with the proposal finished as `ending` says.
pub(crate) fn apply(text: &str, ending: &Ending) -> String {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    front_matter(&mut lines, ending);
    if let Some(at) = lines
        .iter()
        .position(|l| l.starts_with("Proposed option: \""))
    {
        lines[at] = outcome_paragraph(&lines[at], ending, nl);
    }
    if ending.status != "proposed" {
        mark_found(&mut lines, &ending.found);
    }
    if let Some(at) = lines.iter().position(|l| l.starts_with(COME_BACK)) {
        match next_step(ending) {
            Some(line) => lines[at] = line,
            None => {
                lines.remove(at);
            }
        }
    }
    if let Some(at) = lines
        .iter()
        .position(|l| l.starts_with("The coach's verdict: "))
    {
        lines[at] = format!(
            "The coach's verdict: **{}.**",
            ending.headline.trim_end_matches('.')
        );
    }
    let at = lines
        .iter()
        .position(|l| l.trim_end() == "## References")
        .unwrap_or(lines.len());
    lines.insert(at, history(ending, nl));
    let mut out = lines.join(nl);
    out.push_str(nl);
    super::single_blank_lines(&out)
}

/// How a proposal's More Information says when to come back to it.
const COME_BACK: &str = "Come back to it by ";

/// What replaces the proposal's "come back to it by" line: the new end of the time-box, or
/// the decision's review date; a dropped proposal has no next step.
fn next_step(ending: &Ending) -> Option<String> {
    match (&ending.decide_by, &ending.chosen) {
        (Some((_, date)), _) => Some(format!(
            "{COME_BACK}{date}, when the investigation ends, and decide: `decide review` on this record finishes it."
        )),
        (None, Some(_)) => ending.review_by_text.as_ref().map(|date| {
            format!("Review it by {date}: did the decision hold up, and what did we learn?")
        }),
        (None, None) => None,
    }
}

/// The front matter says where the record now stands.
fn front_matter(lines: &mut Vec<String>, ending: &Ending) {
    let extended = ending.status == "proposed";
    set_front(lines, "status", Some(&ending.status));
    set_front(
        lines,
        "outcome",
        Some(if extended { "investigate" } else { "decided" }),
    );
    if let Some(coverage) = ending.coverage {
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
    if let Some(review_by) = &ending.review_by {
        set_front(lines, "review-by", Some(review_by));
    }
}

/// The decision, where the proposal was (`proposed` is that paragraph): the chosen option
/// with its reason, fallback and forecast; or the proposal with its new date.
fn outcome_paragraph(proposed: &str, ending: &Ending, nl: &str) -> String {
    match (&ending.decide_by, &ending.chosen) {
        (Some((_, date)), _) => match proposed.find("we decide by ") {
            Some(i) => {
                let tail = &proposed[i + "we decide by ".len()..];
                let rest = tail.split_once(", once").map_or("", |(_, r)| r);
                format!("{}we decide by {date}, once{rest}", &proposed[..i])
            }
            None => proposed.to_string(),
        },
        (None, Some(chosen)) => {
            let mut p = format!("Chosen option: \"{chosen}\"");
            if let Some(because) = &ending.because {
                p.push_str(&format!(", because {}", because.trim_end_matches('.')));
            }
            p.push('.');
            if let Some(fallback) = &ending.fallback {
                p.push_str(&format!(
                    "{nl}{nl}If it doesn't work, we'll switch to {}.",
                    fallback.trim_end_matches('.')
                ));
            }
            if ending.confidence.is_some() || ending.signal.is_some() {
                p.push_str(&format!("{nl}{nl}### Forecast{nl}"));
                if let Some(confidence) = ending.confidence {
                    p.push_str(&format!(
                        "{nl}* Confidence that this is right: {}%",
                        crate::answer::format_number(confidence)
                    ));
                }
                if let Some(signal) = &ending.signal {
                    p.push_str(&format!(
                        "{nl}* It was wrong if: {}",
                        signal.trim_end_matches('.')
                    ));
                }
            }
            p
        }
        (None, None) => "No option is chosen: the proposal was dropped.".to_string(),
    }
}

/// The open questions were the proposal's: the list stays, marking what was found out.
fn mark_found(lines: &mut [String], found: &[String]) {
    let Some(at) = lines
        .iter()
        .position(|l| l.trim_end() == "### Open Questions")
    else {
        return;
    };
    lines[at] = "### Questions Before Deciding".to_string();
    for line in lines[at + 1..]
        .iter_mut()
        .take_while(|l| !l.starts_with('#'))
    {
        let item = line.strip_prefix("* ").map(strip_owner);
        if item.is_some_and(|item| found.contains(&item)) {
            line.push_str(" (found out)");
        }
    }
}

/// The proposal's history: what it was, what was found out, how it ended.
fn history(ending: &Ending, nl: &str) -> String {
    let heading = if ending.status == "proposed" {
        EXTENDED_HEADING
    } else {
        FINISHED_HEADING
    };
    let mut out = format!("## {heading} ({}){nl}{nl}", ending.date.format("%Y-%m-%d"));
    let (was_option, was_date) = &ending.was;
    out.push_str(&format!(
        "* The proposal: {}{}{nl}",
        was_option
            .as_ref()
            .map_or("no option yet".to_string(), |o| format!("\"{o}\"")),
        was_date
            .as_ref()
            .map_or(String::new(), |d| format!(", to be decided by {d}"))
    ));
    if !ending.found.is_empty() {
        out.push_str(&format!("* Found out: {}{nl}", ending.found.join("; ")));
    }
    if let Some(learnt) = &ending.learnt {
        out.push_str(&format!(
            "* What we learnt: {}{nl}",
            crate::error::one_line(learnt)
        ));
    }
    if let Some(coverage) = ending.coverage {
        out.push_str(&format!("* Information in hand now: {coverage}%{nl}"));
    }
    match (&ending.decide_by, &ending.chosen) {
        (Some((_, text)), _) => {
            out.push_str(&format!("* Time-box extended to {text}"));
            if let Some(why) = &ending.why {
                out.push_str(&format!(", because {}", why.trim_end_matches('.')));
            }
            out.push_str(nl);
        }
        (None, Some(chosen)) => out.push_str(&format!("* Decided: \"{chosen}\"{nl}")),
        (None, None) => out.push_str(&format!("* Dropped: none of the options{nl}")),
    }
    if let Some(signal) = &ending.signal {
        out.push_str(&format!(
            "* It was wrong if: {}{nl}",
            signal.trim_end_matches('.')
        ));
    }
    out.push_str(nl);
    out
}

/// Set (or remove) a key of the front matter at the top of `lines`, keeping its place.
fn set_front(lines: &mut Vec<String>, key: &str, value: Option<&str>) {
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const PROPOSAL: &str = "---\nstatus: proposed\ndate: 2026-12-01\nplaybook: decision\noutcome: investigate\ndoor: one-way\ninformation-coverage: 40%\ndecide-by: 2026-12-11\nreview-by: 2026-12-11\n---\n\n# Choose a vendor\n\n## Considered Options\n\n* Vendor A\n* Vendor B\n\n## Decision Outcome\n\nProposed option: \"Vendor A\", because they already host our billing. Nothing is decided yet: we decide by Friday 11 December, once the open questions are answered.\n\n### Open Questions\n\n* Licence cost after year one (Ana finds out)\n* Exit terms\n\n## Decision Framing\n\nThe coach's verdict: **40% on a one-way door: investigate until Friday 11 December, then decide.**\n\n### The 70% information rule\n\n* Information in hand: 2 of 5 items (40%)\n  * Known: Uptime\n  * Known: Support hours\n  * To investigate: Licence cost after year one\n  * To investigate: Exit terms\n  * Missing, but it would not change the choice: Office location\n\n## More Information\n\nCome back to it by Friday 11 December, when the investigation ends, and decide: `decide review` on this record finishes it.\n\n## References\n\n[1] x\n";

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
        assert_eq!(proposal.have, ["Uptime", "Support hours"]);
        assert_eq!(proposal.wished.len(), 5);
        assert_eq!(proposal.decide_by.as_deref(), Some("2026-12-11"));
        assert!(!proposal.extended);
    }

    #[test]
    fn what_an_extension_found_out_stays_known() {
        let mut extended = ending("proposed");
        extended.chosen = None;
        extended.found = vec!["Exit terms".into()];
        extended.decide_by = Some(("2026-12-18".into(), "Friday 18 December".into()));
        extended.why = Some("the vendor answers on Monday".into());
        let text = apply(PROPOSAL, &extended);
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), &text).unwrap();
        let proposal = Proposal::from_record(&record);
        assert_eq!(proposal.have, ["Uptime", "Support hours", "Exit terms"]);
        assert_eq!(proposal.wished.len(), 5);
        assert_eq!(proposal.open_questions, ["Licence cost after year one"]);
        assert!(proposal.extended);
    }

    fn ending(status: &str) -> Ending {
        Ending {
            date: NaiveDate::from_ymd_opt(2026, 12, 11).unwrap(),
            status: status.into(),
            headline: "Decided: Vendor A".into(),
            chosen: Some("Vendor A".into()),
            because: Some("the licence cost is fixed for three years".into()),
            fallback: Some("Vendor B".into()),
            found: vec!["Licence cost after year one".into()],
            learnt: Some("The price is fixed.".into()),
            coverage: Some(60),
            decide_by: None,
            why: None,
            review_by: Some("2027-03-11".into()),
            review_by_text: Some("Thursday 11 March 2027".into()),
            confidence: Some(75.0),
            signal: Some("support tickets take more than a day".into()),
            was: (Some("Vendor A".into()), Some("Friday 11 December".into())),
        }
    }

    #[test]
    fn finishing_makes_it_a_decision_and_keeps_the_history() {
        let text = apply(PROPOSAL, &ending("accepted"));
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), &text).unwrap();
        assert_eq!(record.status.as_deref(), Some("accepted"));
        assert_eq!(
            record.front_matter.get("outcome").map(String::as_str),
            Some("decided")
        );
        assert!(!record.front_matter.contains_key("decide-by"));
        assert_eq!(
            record.front_matter.get("confidence").map(String::as_str),
            Some("75%")
        );
        assert!(text.contains(
            "Chosen option: \"Vendor A\", because the licence cost is fixed for three years."
        ));
        assert!(!text.contains("Proposed option"));
        assert!(text.contains("The coach's verdict: **Decided: Vendor A.**"));
        let history = text.find("## Proposal Finished (2026-12-11)").unwrap();
        assert!(history < text.find("## References").unwrap());
        assert!(text.contains("* The proposal: \"Vendor A\", to be decided by Friday 11 December"));
        assert!(text.contains("### Questions Before Deciding\n\n* Licence cost after year one (Ana finds out) (found out)\n* Exit terms\n"));
        assert!(text.contains("### Forecast\n\n* Confidence that this is right: 75%\n* It was wrong if: support tickets take more than a day\n"));
        assert!(!text.contains("\n\n\n"));
        assert!(
            text.contains(
                "Review it by Thursday 11 March 2027: did the decision hold up, and what did we learn?"
            ) && !text.contains("Come back to it by"),
            "the next step is the review, not the time-box: {text}"
        );
    }

    #[test]
    fn extending_keeps_it_a_proposal_with_the_new_date() {
        let mut extended = ending("proposed");
        extended.chosen = None;
        extended.decide_by = Some(("2026-12-18".into(), "Friday 18 December".into()));
        extended.why = Some("the vendor answers on Monday".into());
        extended.review_by = Some("2026-12-18".into());
        extended.headline = "Time-box extended once: decide by Friday 18 December".into();
        let text = apply(PROPOSAL, &extended);
        let record = super::super::parse(Path::new("0001-choose-a-vendor.md"), &text).unwrap();
        assert_eq!(record.status.as_deref(), Some("proposed"));
        assert_eq!(
            record.front_matter.get("decide-by").map(String::as_str),
            Some("2026-12-18")
        );
        assert!(
            text.contains("we decide by Friday 18 December, once the open questions are answered.")
        );
        assert!(text.contains(
            "* Time-box extended to Friday 18 December, because the vendor answers on Monday"
        ));
        assert!(Proposal::from_record(&record).extended);
        assert!(
            text.contains("Come back to it by Friday 18 December, when the investigation ends")
                && !text.contains("Friday 11 December, when"),
            "{text}"
        );
    }

    #[test]
    fn dropping_leaves_no_date_to_come_back_to() {
        let mut dropped = ending("rejected");
        dropped.chosen = None;
        dropped.review_by = None;
        dropped.review_by_text = None;
        dropped.headline = "Dropped: none of the options".into();
        let text = apply(PROPOSAL, &dropped);
        assert!(!text.contains("Come back to it by"), "{text}");
        assert!(text.contains("No option is chosen: the proposal was dropped."));
        assert!(!text.contains("\n\n\n"), "{text}");
    }
}
