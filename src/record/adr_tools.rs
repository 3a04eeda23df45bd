//! Our records in an adr-tools log, written the way adr-tools writes its own, and read back
//! as our own.
//!
//! adr-tools lists a record by its first line (`# 2. Title`), so a record there starts with
//! its title, not with front matter, and has adr-tools' sections. [`in_form`] turns any
//! record a playbook renders in our format into that form, one rule for every playbook:
//!
//! * each front matter key becomes a field line under the title, as adr-tools writes
//!   `Date:` (`Date:` first, then `Playbook: deadline`, `Decide-by: 2026-12-08`, … in the
//!   order the template wrote them); `status` becomes the line of a `## Status` section;
//! * or, in a log whose records carry front matter over adr-tools bodies
//!   ([`Form::UnderFrontMatter`]), the front matter stays (the log's keys over ours) and
//!   only the dates `nygard.md` writes become lines under the title (`Date:`,
//!   `Decide-by:`, `Review-by:`), the status the line of `## Status` as well;
//! * `## Context and Problem Statement` is adr-tools' `## Context`, `## Decision Outcome`
//!   its `## Decision`, and the outcome's `### Consequences` its `## Consequences` after
//!   it (a record that states none says when we see how it holds up, as `nygard.md` does);
//! * every other section is kept as it is, where it is.
//!
//! [`as_ours`] is the way back: what reads our machine fields and our section names (a
//! message, accepting a proposal) reads such a record exactly as the record in our own
//! format, so the same answers give the same messages in either log.

use std::path::Path;

use super::Record;
use super::finish::section_range;
use super::parse::field_line;
use crate::error::Result;

/// MADR's sections, as our templates name them, and the adr-tools sections that hold them.
const CONTEXT: (&str, &str) = ("## Context and Problem Statement", "## Context");
const DECISION: (&str, &str) = ("## Decision Outcome", "## Decision");
const CONSEQUENCES: (&str, &str) = ("### Consequences", "## Consequences");
const STATUS: &str = "## Status";

/// The field only decide writes: a record in our adr-tools form names its playbook.
const MARK: &str = "playbook";

/// Where a record of ours in an adr-tools log keeps what our front matter says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// As field lines under the title (`Date:`, `Playbook: deadline`, …): the log's
    /// records are adr-tools' own, which start with their title.
    FieldLines,
    /// In the front matter, as written: the log's records carry front matter of their own
    /// over adr-tools bodies, so ours keep theirs and get the body's `Date:` line (and the
    /// `Decide-by:` and `Review-by:` lines `nygard.md` writes) under the title.
    UnderFrontMatter,
}

/// The dates `nygard.md` writes as field lines under the title, besides `Date:`.
const DATE_LINES: [&str; 2] = ["decide-by", "review-by"];

/// `text`, a record rendered in our own format, in the adr-tools `form`; a record without
/// front matter (`nygard.md`'s) is returned as it is.
pub(crate) fn in_form(text: &str, path: &Path, form: Form) -> Result<String> {
    if !text.starts_with("---") {
        return Ok(text.to_string());
    }
    let record = super::parse(path, text)?;
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let front_matter_end = record.front_matter_end.min(lines.len());
    let mut body: Vec<String> = lines[front_matter_end..].to_vec();
    let Some(title) = body.iter().position(|l| l.starts_with("# ")) else {
        return Ok(text.to_string());
    };
    rename(&mut body, CONTEXT.0, CONTEXT.1);
    consequences_after_decision(&mut body, &record);
    rename(&mut body, DECISION.0, DECISION.1);
    let mut head = match form {
        Form::FieldLines => Vec::new(),
        Form::UnderFrontMatter => {
            let mut kept = lines[..front_matter_end].to_vec();
            kept.push(String::new());
            kept
        }
    };
    head.extend([body[title].clone(), String::new()]);
    head.extend(match form {
        Form::FieldLines => field_lines(&record),
        Form::UnderFrontMatter => date_lines(&record),
    });
    head.push(String::new());
    let first_section = first_section(&body, title);
    // Read back as ours, a record in this form kept its date line under its title, the
    // record's date: it is written once, with the others, from what it says now.
    head.extend(
        body[title + 1..first_section]
            .iter()
            .filter(|l| form == Form::FieldLines || !is_date_line(l, true))
            .cloned(),
    );
    if !body.iter().any(|l| l.trim_end() == STATUS) {
        let status = record.front_matter.get("status").unwrap_or_default();
        head.extend([
            String::new(),
            STATUS.to_string(),
            String::new(),
            crate::text::capitalise(status.trim()),
            String::new(),
        ]);
    }
    head.extend(body[first_section..].iter().cloned());
    Ok(joined(&head))
}

/// `text` as our own record, when it is one of ours in an adr-tools form (a `Playbook:`
/// line under its title, or our `playbook` key in front matter over an adr-tools body),
/// with the form it was in; `None` for any other record.
pub(crate) fn as_ours_in_form(text: &str) -> Option<(String, Form)> {
    match front_matter_lines(text) {
        Some(front_matter) => under_front_matter_as_ours(text, front_matter)
            .map(|ours| (ours, Form::UnderFrontMatter)),
        None => field_lines_as_ours(text).map(|ours| (ours, Form::FieldLines)),
    }
}

/// `text` as our own record, when it is one of ours in an adr-tools form; `None` for any
/// other record.
pub(crate) fn as_ours(text: &str) -> Option<String> {
    as_ours_in_form(text).map(|(ours, _)| ours)
}

/// How many lines the front matter of `text` takes, its fences included; `None` when it
/// has none.
fn front_matter_lines(text: &str) -> Option<usize> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    lines.position(|l| l.trim_end() == "---").map(|at| at + 2)
}

/// The index of the first `## ` section after the title at `title`, or the end.
fn first_section(lines: &[String], title: usize) -> usize {
    lines
        .iter()
        .skip(title + 1)
        .position(|l| l.starts_with("## "))
        .map_or(lines.len(), |at| title + 1 + at)
}

/// A record of ours in the [`Form::FieldLines`] form as our own record.
fn field_lines_as_ours(text: &str) -> Option<String> {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let title = lines.iter().position(|l| l.starts_with("# "))?;
    let first_section = first_section(&lines, title);
    let metadata = &lines[title + 1..first_section];
    let fields: Vec<(String, String)> = metadata
        .iter()
        .filter_map(|l| field_line(l).map(|f| (f.key, f.value.to_string())))
        .collect();
    if !fields.iter().any(|(key, _)| key == MARK) {
        return None;
    }
    let mut out = vec!["---".to_string()];
    out.extend(
        fields
            .iter()
            .map(|(key, value)| format!("{key}: {}", crate::yaml::to_string(value).trim_end())),
    );
    out.extend(["---".to_string(), String::new(), lines[title].clone()]);
    out.extend(metadata.iter().filter(|l| field_line(l).is_none()).cloned());
    out.push(String::new());
    out.extend(madr_sections(lines[first_section..].to_vec()));
    Some(joined(&out))
}

/// A record of ours in the [`Form::UnderFrontMatter`] form (its front matter the first
/// `front_matter` lines) as our own record: the front matter as it is, the title and the
/// record's `Date:` (our front matter's `date`, which the log's own keys replaced), the
/// dates to decide and review by left out (the front matter says them), MADR's sections.
fn under_front_matter_as_ours(text: &str, front_matter: usize) -> Option<String> {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let marked = lines[1..front_matter - 1]
        .iter()
        .any(|l| l.split_once(':').is_some_and(|(key, _)| key == MARK));
    let adr_tools_body = lines[front_matter..]
        .iter()
        .any(|l| matches!(l.trim_end(), "## Context" | "## Decision"));
    if !(marked && adr_tools_body) {
        return None;
    }
    let title = front_matter
        + lines[front_matter..]
            .iter()
            .position(|l| l.starts_with("# "))?;
    let first_section = first_section(&lines, title);
    let mut out = lines[..front_matter].to_vec();
    out.extend([String::new(), lines[title].clone()]);
    out.extend(
        lines[title + 1..first_section]
            .iter()
            .filter(|l| !is_date_line(l, false))
            .cloned(),
    );
    out.push(String::new());
    out.extend(madr_sections(lines[first_section..].to_vec()));
    Some(joined(&out))
}

/// Whether `line` is a field line [`date_lines`] writes: `Decide-by:` or `Review-by:`,
/// or `Date:` too when `with_date`.
fn is_date_line(line: &str, with_date: bool) -> bool {
    field_line(line)
        .is_some_and(|f| (with_date && f.key == "date") || DATE_LINES.contains(&f.key.as_str()))
}

/// adr-tools' sections of `body` as MADR's, as our templates name them.
fn madr_sections(mut body: Vec<String>) -> Vec<String> {
    consequences_into_decision(&mut body);
    rename(&mut body, DECISION.1, DECISION.0);
    rename(&mut body, CONTEXT.1, CONTEXT.0);
    body
}

/// The record at `path` (read as `record` from `text`) as our own record reads, for what
/// reads our fields and sections: itself, unless it is one of ours in the adr-tools form.
pub(crate) fn read_as_ours(path: &Path, record: Record, text: String) -> Result<(Record, String)> {
    match as_ours(&text) {
        Some(ours) => Ok((super::parse(path, &ours)?, ours)),
        None => Ok((record, text)),
    }
}

/// `text` (the record at `path`) after `edit`, which knows our own records: a record of
/// ours in the adr-tools form is edited as our own record and written back in that form.
pub(crate) fn edited_as_ours(
    path: &Path,
    text: &str,
    edit: impl FnOnce(&Record, &str) -> Result<String>,
) -> Result<String> {
    match as_ours_in_form(text) {
        Some((ours, form)) => {
            let record = super::parse(path, &ours)?;
            in_form(&edit(&record, &ours)?, path, form)
        }
        None => edit(&super::parse(path, text)?, text),
    }
}

/// The front matter as field lines: `Date:` first, as adr-tools writes it, then the rest
/// in the order written, each key with a capital (`Decide-by:`, as `nygard.md` writes it).
fn field_lines(record: &Record) -> Vec<String> {
    let front = &record.front_matter;
    let date = front.get("date").map(|d| format!("Date: {}", d.trim()));
    let mut written: Vec<&str> = Vec::new();
    for key in &record.front_matter_keys {
        if !matches!(key.name.as_str(), "date" | "status") && !written.contains(&key.name.as_str())
        {
            written.push(&key.name);
        }
    }
    let rest = written.into_iter().filter_map(|key| {
        let value = front.get(key)?;
        Some(format!(
            "{}: {}",
            crate::text::capitalise(key),
            crate::error::one_line(value)
        ))
    });
    date.into_iter().chain(rest).collect()
}

/// The record's date as adr-tools writes it, `Date:`, then the dates `nygard.md` writes
/// under it (`Decide-by:`, `Review-by:`), from wherever the front matter keeps them.
fn date_lines(record: &Record) -> Vec<String> {
    let date = record.date.map(|d| format!("Date: {d}"));
    let dates = DATE_LINES.iter().filter_map(|key| {
        let value = record.front_matter.get(key)?;
        Some(format!(
            "{}: {}",
            crate::text::capitalise(key),
            value.trim()
        ))
    });
    date.into_iter().chain(dates).collect()
}

/// The Decision Outcome's `### Consequences`, out of it and after it as adr-tools'
/// `## Consequences`; a record that states none gets the sentence `nygard.md` writes then.
fn consequences_after_decision(body: &mut Vec<String>, record: &Record) {
    let Some(decision) = section_range(body, DECISION.0) else {
        return;
    };
    let within = section_range(&body[decision.clone()], CONSEQUENCES.0)
        .map(|r| decision.start + r.start..decision.start + r.end);
    let said: Vec<String> = match within {
        Some(range) => body.drain(range).skip(1).collect(),
        None => vec![String::new(), no_consequences(record), String::new()],
    };
    let end = section_range(body, DECISION.0).map_or(body.len(), |r| r.end);
    let mut section = vec![CONSEQUENCES.1.to_string()];
    section.extend(said);
    section.push(String::new());
    // The outcome's last paragraph and the section need a blank line between them.
    section.insert(0, String::new());
    body.splice(end..end, section);
}

/// What `nygard.md` says under Consequences of a record that names none.
fn no_consequences(record: &Record) -> String {
    match record.front_matter.get("review-by") {
        Some(date) => format!("We see how it holds up by {}.", date.trim()),
        None => "We see how it holds up.".to_string(),
    }
}

/// Whether `line` is what [`no_consequences`] writes.
fn says_no_consequences(line: &str) -> bool {
    let line = line.trim();
    line == "We see how it holds up."
        || line
            .strip_prefix("We see how it holds up by ")
            .and_then(|rest| rest.strip_suffix('.'))
            .and_then(super::parse::parse_date)
            .is_some()
}

/// adr-tools' `## Consequences` back into the Decision as its `### Consequences`, last;
/// the sentence [`consequences_after_decision`] writes when the record stated none is left
/// out, as it never was in our record.
fn consequences_into_decision(body: &mut Vec<String>) {
    let Some(range) = section_range(body, CONSEQUENCES.1) else {
        return;
    };
    let said: Vec<String> = body.drain(range).skip(1).collect();
    let text: Vec<&str> = said
        .iter()
        .map(String::as_str)
        .filter(|l| !l.trim().is_empty())
        .collect();
    if let [only] = text.as_slice()
        && says_no_consequences(only)
    {
        return;
    }
    let Some(decision) = section_range(body, DECISION.1) else {
        return;
    };
    let mut section = vec![String::new(), CONSEQUENCES.0.to_string()];
    section.extend(said);
    section.push(String::new());
    body.splice(decision.end..decision.end, section);
}

/// The first heading line that is `from`, as `to`.
fn rename(body: &mut [String], from: &str, to: &str) {
    if let Some(line) = body.iter_mut().find(|l| l.trim_end() == from) {
        *line = to.to_string();
    }
}

/// `lines` as a record's text: one blank line at most between blocks, and one line break
/// at the end.
fn joined(lines: &[String]) -> String {
    let text = super::single_blank_lines(&lines.join("\n"));
    let mut text = text.trim_end().to_string();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{Form, as_ours, in_form};

    /// A record of ours as an adr-tools log whose records are adr-tools' own has it.
    fn from_ours(text: &str, path: &Path) -> String {
        in_form(text, path, Form::FieldLines).unwrap()
    }

    const PATH: &str = "0002-deadline-the-onboarding-flow.md";

    /// A record as our templates render it: front matter, MADR sections, the outcome's
    /// consequences among its subsections.
    const OURS: &str = "---\nstatus: proposed\ndate: 2026-11-26\nplaybook: deadline\noutcome: options\nrequester: \"Sam (Head of Growth)\"\ndecide-by: 2026-12-08\n---\n\n# Deadline: the onboarding flow\n\n## Context and Problem Statement\n\nSam asked for it by January. [1]\n\n## Considered Options\n\n* A. Keep the date\n* B. Everything later\n\n## Decision Outcome\n\nNo option is chosen yet: Sam chooses.\n\n### Consequences\n\n* Good, because Sam makes the trade-off.\n\n### In Plain Words\n\nSam picks.\n\n## More Information\n\nDecide by Tuesday 8 December.\n\n## References\n\n[1] Alex, section \"A\":\n\n> One.\n";

    const ADR_TOOLS: &str = "# Deadline: the onboarding flow\n\nDate: 2026-11-26\nPlaybook: deadline\nOutcome: options\nRequester: Sam (Head of Growth)\nDecide-by: 2026-12-08\n\n## Status\n\nProposed\n\n## Context\n\nSam asked for it by January. [1]\n\n## Considered Options\n\n* A. Keep the date\n* B. Everything later\n\n## Decision\n\nNo option is chosen yet: Sam chooses.\n\n### In Plain Words\n\nSam picks.\n\n## Consequences\n\n* Good, because Sam makes the trade-off.\n\n## More Information\n\nDecide by Tuesday 8 December.\n\n## References\n\n[1] Alex, section \"A\":\n\n> One.\n";

    /// The title first; the front matter as field lines, `Date:` first; the status in
    /// its section; adr-tools' sections holding MADR's; the rest kept where it was.
    #[test]
    fn a_record_of_ours_is_written_as_adr_tools_writes_its_own() {
        assert_eq!(from_ours(OURS, Path::new(PATH)), ADR_TOOLS);
    }

    /// A record that states no consequences says, as `nygard.md` does, when we see how it
    /// holds up; read back as ours, that sentence is not a consequence it stated.
    #[test]
    fn a_record_without_consequences_says_when_we_see_how_it_holds_up() {
        let cases = [
            (
                "review-by: 2026-11-30\n",
                "We see how it holds up by 2026-11-30.",
            ),
            ("", "We see how it holds up."),
        ];
        for (review, said) in cases {
            let ours = format!(
                "---\nstatus: accepted\ndate: 2026-11-26\nplaybook: stakeholder-update\n{review}---\n\n# Update: slow\n\n## Context and Problem Statement\n\nIt is slow.\n\n## Decision Outcome\n\nWe found the cause.\n\n## References\n"
            );
            let written = from_ours(&ours, Path::new(PATH));
            assert!(
                written.contains(&format!(
                    "## Decision\n\nWe found the cause.\n\n## Consequences\n\n{said}\n\n## References\n"
                )),
                "{written}"
            );
            let back = as_ours(&written).unwrap();
            assert!(!back.contains("Consequences"), "{back}");
            assert!(
                back.contains("## Decision Outcome\n\nWe found the cause.\n\n## References\n"),
                "{back}"
            );
        }
    }

    /// Read back as ours, the record has the fields and sections our readers know, and
    /// written again it is the same record: an edit made to it as ours loses nothing.
    #[test]
    fn our_record_in_the_adr_tools_form_reads_back_as_ours() {
        let back = as_ours(ADR_TOOLS).unwrap();
        let record = crate::record::parse(Path::new(PATH), &back).unwrap();
        let original = crate::record::parse(Path::new(PATH), OURS).unwrap();
        for key in ["playbook", "outcome", "requester", "decide-by", "date"] {
            assert_eq!(
                record.front_matter.get(key),
                original.front_matter.get(key),
                "{key}"
            );
        }
        assert_eq!(record.status, original.status);
        // The outcome's subsections may come in another order (its consequences last):
        // each is read by its heading.
        for heading in [
            "Context and Problem Statement",
            "Consequences",
            "In Plain Words",
        ] {
            assert_eq!(
                record.section(heading).map(|s| s.body),
                original.section(heading).map(|s| s.body),
                "{heading}"
            );
        }
        let own_text = |r: &crate::record::Record| {
            let body = r
                .section("Decision Outcome")
                .map(|s| s.body)
                .unwrap_or_default();
            body.split("\n\n###").next().unwrap_or_default().to_string()
        };
        assert_eq!(own_text(&record), own_text(&original));
        assert_eq!(from_ours(&back, Path::new(PATH)), ADR_TOOLS);
    }

    /// Only a record of ours in the adr-tools form is read as ours: adr-tools' own records
    /// and records with front matter are read as they are.
    #[test]
    fn other_records_are_not_read_as_ours() {
        let cases = [
            "# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record.\n",
            OURS,
            "# Title\n\nNo fields at all.\n",
            "No title.\n",
        ];
        for text in cases {
            assert_eq!(as_ours(text), None, "{text}");
        }
    }

    /// The log's front matter over our machine keys, as a log of front matter over
    /// adr-tools bodies restyles ours: its date is `created`, not our `date`.
    const HOUSE_FRONT_MATTER: &str = "---\nid: 0002-deadline-the-onboarding-flow\nstatus: Proposed\ncreated: 2026-11-26\nplaybook: deadline\noutcome: options\nrequester: \"Sam (Head of Growth)\"\ndecide-by: 2026-12-08\n---\n\n";

    /// The body adr-tools writes, under the front matter: the title, the dates
    /// `nygard.md` writes, then the sections of [`ADR_TOOLS`].
    fn adr_tools_body() -> String {
        let sections = &ADR_TOOLS[ADR_TOOLS.find("\n## Status").unwrap()..];
        format!(
            "# Deadline: the onboarding flow\n\nDate: 2026-11-26\nDecide-by: 2026-12-08\n{sections}"
        )
    }

    /// In a log of front matter over adr-tools bodies, our record keeps its front matter
    /// as it is and gets the body adr-tools writes; read back as ours and written again,
    /// it is the same record, whether its front matter is still ours or the log's.
    #[test]
    fn under_front_matter_a_record_of_ours_gets_an_adr_tools_body() {
        let our_front_matter = &OURS[..OURS.find("# Deadline").unwrap()];
        let written = in_form(OURS, Path::new(PATH), Form::UnderFrontMatter).unwrap();
        assert_eq!(written, format!("{our_front_matter}{}", adr_tools_body()));
        let house = format!("{HOUSE_FRONT_MATTER}{}", adr_tools_body());
        for text in [written, house] {
            let back = as_ours(&text).unwrap();
            let record = crate::record::parse(Path::new(PATH), &back).unwrap();
            assert_eq!(record.status.as_deref(), Some("proposed"), "{back}");
            assert_eq!(
                record.date.map(|d| d.to_string()).as_deref(),
                Some("2026-11-26")
            );
            assert_eq!(
                record.front_matter.get("outcome"),
                Some("options"),
                "{back}"
            );
            for heading in [
                "Context and Problem Statement",
                "Decision Outcome",
                "Consequences",
            ] {
                assert!(record.section(heading).is_some(), "{heading} in\n{back}");
            }
            assert!(!back.contains("\nDecide-by:"), "{back}");
            let again = in_form(&back, Path::new(PATH), Form::UnderFrontMatter).unwrap();
            assert_eq!(again, text);
        }
    }

    /// The log's own records, front matter over adr-tools bodies, are not ours: they have
    /// no `playbook` key.
    #[test]
    fn the_logs_own_records_under_front_matter_are_not_read_as_ours() {
        let cases = [
            "---\nid: 0001-record\nstatus: Accepted\n---\n\n# 1. Record\n\nDate: 2019-05-02\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n",
            "---\nplaybook: deadline\n---\n\n# Title\n\n## Context and Problem Statement\n\nWhy.\n",
            "---\nplaybook: deadline\nno end of the front matter\n",
        ];
        for text in cases {
            assert_eq!(as_ours(text), None, "{text}");
        }
    }

    /// A record that has no front matter (`nygard.md` wrote it) is already adr-tools'.
    #[test]
    fn a_record_without_front_matter_is_left_as_it_is() {
        let nygard =
            "# 2. Title\n\nDate: 2026-11-26\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n";
        assert_eq!(from_ours(nygard, Path::new(PATH)), nygard);
    }
}
