//! A message from any record: ours, MADR (2 to 4) or adr-tools. The record's sections are
//! read into a [`Brief`] (what was decided, why, the fallback, the good and bad
//! consequences, the timeline), and a template per audience turns the brief into the
//! message: the business framing for stakeholders, "we're doing X because of Y" for the
//! team, the negotiation framing for peers.

use std::path::Path;

use serde::Serialize;
use serde_json::json;

use crate::error::{Error, Result};
use crate::record::{Record, Section};
use crate::template::Templates;

/// Who the message is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Audience {
    /// Managers and stakeholders: impact, timeline, risk, what we need from you.
    Stakeholders,
    /// The team: we're doing X because of Y, and the fallback.
    Team,
    /// Other tech leads, product managers, designers: a proposal to negotiate.
    Peers,
}

impl Audience {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Audience::Stakeholders => "stakeholders",
            Audience::Team => "team",
            Audience::Peers => "peers",
        }
    }

    /// The template under `templates/` that writes this audience's message.
    pub(crate) fn template(self) -> String {
        format!("messages/to-{}.txt", self.key())
    }
}

/// How the message is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Format {
    /// Plain text, ready to paste into chat or mail.
    #[default]
    Text,
    /// Markdown, for a wiki page, an issue or a pull request.
    Markdown,
    /// The message and the brief it was written from, for scripts.
    Json,
}

/// What a message needs from a record, as plain text without Markdown or citation marks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Brief {
    pub title: String,
    /// The record's file, as given on the command line.
    pub path: String,
    pub status: Option<String>,
    pub date: Option<String>,
    pub review_by: Option<String>,
    pub decision_makers: Vec<String>,
    /// The first paragraph of the context.
    pub context: Option<String>,
    /// `Chosen option: "X"` (MADR and ours).
    pub chosen: Option<String>,
    /// The reason after `because`.
    pub because: Option<String>,
    /// The decision in the record's words, when it is not a chosen option (adr-tools'
    /// "We will ...", or an outcome that is an offer).
    pub decision: Option<String>,
    /// "If it doesn't work, we'll switch to ..."
    pub fallback: Option<String>,
    pub options: Vec<String>,
    /// "Good, because ..." consequences.
    pub benefits: Vec<String>,
    /// "Bad, because ..." consequences: the risks.
    pub risks: Vec<String>,
    /// Consequences that are neither, or adr-tools' consequences paragraph.
    pub other_consequences: Vec<String>,
    /// For a superseded record: the title of the record that replaced it.
    pub superseded_by: Option<String>,
    /// Not decided yet: proposed, a draft, on hold, in review.
    pub undecided: bool,
}

/// Statuses that say a decision was made (and may since have been closed).
const DECIDED: &[&str] = &[
    "accepted",
    "approved",
    "adopted",
    "decided",
    "done",
    "implemented",
    "superseded",
    "partly superseded",
    "deprecated",
    "rejected",
];

impl Brief {
    /// Read a parsed record. `path` is how the record was named, for the message's pointer.
    pub(crate) fn from_record(record: &Record, path: &Path) -> Brief {
        let front = |key: &str| record.front_matter.get(key).filter(|v| !v.is_empty());
        let mut brief = Brief {
            title: plain(&record.title),
            path: path.display().to_string(),
            status: record.status.clone(),
            date: record.date.map(|d| d.format("%Y-%m-%d").to_string()),
            review_by: record
                .review_by
                .map(|d| d.format("%Y-%m-%d").to_string())
                .or_else(|| front("review-by").cloned()),
            decision_makers: record.decision_makers.clone(),
            context: first_section(record, &["Context and Problem Statement", "Context"])
                .and_then(|s| first_paragraph(&s.body)),
            options: record
                .section("Considered Options")
                .map(|s| bullets(&s.body))
                .unwrap_or_default(),
            superseded_by: record
                .links
                .iter()
                .find(|link| link.kind.eq_ignore_ascii_case("Superseded by"))
                .map(|link| plain(&link.label)),
            undecided: record
                .status
                .as_deref()
                .is_some_and(|status| !DECIDED.contains(&status)),
            ..Brief::default()
        };
        if let Some(outcome) = first_section(record, &["Decision Outcome", "Decision"]) {
            read_outcome(&mut brief, outcome);
            if brief.chosen.is_none() && brief.decision.is_none() {
                // A decision written as a list: each item is part of it.
                let items = bullets(&outcome.body);
                if !items.is_empty() {
                    brief.decision = Some(join_items(&items));
                }
            }
        }
        // The consequences of the decision, not those each considered option lists.
        let mut ancestors: Vec<&Section> = Vec::new();
        for section in &record.sections {
            ancestors.retain(|a| a.level < section.level);
            let under_an_option = ancestors.iter().any(|a| {
                let heading = a.heading.to_lowercase();
                heading.contains("considered options") || heading.contains("pros and cons")
            });
            ancestors.push(section);
            let heading = section.heading.to_lowercase();
            if !heading.contains("consequences") || under_an_option {
                continue;
            }
            let items = bullets(&section.body);
            if heading.contains("positive") {
                brief.benefits.extend(items);
            } else if heading.contains("negative") {
                brief.risks.extend(items);
            } else if items.is_empty() {
                brief
                    .other_consequences
                    .extend(first_paragraph(&section.body));
            } else {
                for item in items {
                    sort_consequence(&mut brief, item);
                }
            }
        }
        brief
    }
}

fn first_section<'r>(record: &'r Record, headings: &[&str]) -> Option<&'r Section> {
    headings.iter().find_map(|h| record.section(h))
}

fn read_outcome(brief: &mut Brief, outcome: &Section) {
    // The outcome's own text stops at its first sub-heading ("### Consequences").
    let own: String = outcome
        .body
        .lines()
        .take_while(|line| !line.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    for line in own.lines() {
        let line = plain(line);
        if let Some(rest) = line.strip_prefix("If it doesn't work, we'll switch to ") {
            brief.fallback = Some(rest.trim_end_matches('.').trim().to_string());
        }
    }
    let Some(first) = first_paragraph(&own) else {
        return;
    };
    match first.strip_prefix("Chosen option: ") {
        Some(rest) => {
            let (chosen, after) = match rest.strip_prefix('"') {
                Some(quoted) => match quoted.split_once('"') {
                    Some((name, after)) => (name.to_string(), after),
                    None => (quoted.to_string(), ""),
                },
                None => match rest.split_once(',') {
                    Some((name, after)) => (name.to_string(), after),
                    None => (rest.to_string(), ""),
                },
            };
            brief.chosen = Some(chosen.trim().to_string());
            let because = after
                .trim_start_matches([',', ' '])
                .strip_prefix("because")
                .map(|b| b.trim().trim_end_matches('.').trim().to_string());
            brief.because = match because {
                // MADR 4 puts the reasons in a list after a bare "because".
                Some(b) if b.is_empty() => {
                    let reasons = bullets(&own);
                    (!reasons.is_empty()).then(|| {
                        reasons
                            .iter()
                            .map(|r| r.trim_end_matches('.').to_string())
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                }
                other => other,
            };
        }
        None if first.starts_with("If it doesn't work") => {}
        None => brief.decision = Some(first),
    }
}

fn sort_consequence(brief: &mut Brief, item: String) {
    let lower = item.to_lowercase();
    if lower.starts_with("good, because ") {
        brief
            .benefits
            .push(item["good, because ".len()..].to_string());
    } else if lower.starts_with("bad, because ") {
        brief.risks.push(item["bad, because ".len()..].to_string());
    } else if lower.starts_with("neutral, because ") {
        brief
            .other_consequences
            .push(item["neutral, because ".len()..].to_string());
    } else {
        brief.other_consequences.push(item);
    }
}

/// The first paragraph that is prose (not a list, quote, table or heading), as one line.
fn first_paragraph(body: &str) -> Option<String> {
    let mut paragraph: Vec<String> = Vec::new();
    let mut in_list = false;
    for line in body.lines() {
        let trimmed = line.trim();
        let structural = trimmed.starts_with(['*', '-', '>', '|', '#', '+'])
            || trimmed.starts_with("```")
            || (trimmed.chars().next().is_some_and(|c| c.is_ascii_digit())
                && trimmed.contains(". "));
        // An indented line after a list item goes on with the item.
        let continues_item = in_list && line.starts_with([' ', '\t']);
        if !trimmed.is_empty() {
            in_list = structural || continues_item;
        }
        if trimmed.is_empty() || structural || continues_item {
            if !paragraph.is_empty() {
                break;
            }
            continue;
        }
        paragraph.push(plain(trimmed));
    }
    let text = paragraph.join(" ");
    (!text.is_empty()).then_some(text)
}

/// The top-level list items of a body, as plain text, each whole: an item goes on over
/// its indented continuation lines, and its nested items are folded into it.
fn bullets(body: &str) -> Vec<String> {
    let mut items: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_item = false;
    for line in body.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let marker = list_marker(trimmed);
        match (indent, marker) {
            (0, Some(rest)) => {
                items.push((rest.to_string(), Vec::new()));
                in_item = true;
            }
            (_, Some(rest)) if in_item && indent > 0 => {
                if let Some((_, nested)) = items.last_mut() {
                    nested.push(rest.to_string());
                }
            }
            (_, None) if in_item && indent > 0 => {
                if let Some((text, nested)) = items.last_mut() {
                    let target = nested.last_mut().unwrap_or(text);
                    target.push(' ');
                    target.push_str(trimmed);
                }
            }
            _ => in_item = false,
        }
    }
    items
        .into_iter()
        .map(|(text, nested)| {
            let text = plain(&text);
            if nested.is_empty() {
                return text;
            }
            let nested: Vec<String> = nested.iter().map(|n| plain(n)).collect();
            let joiner = if text.ends_with([':', '.']) {
                " "
            } else {
                ": "
            };
            format!("{text}{joiner}{}", join_items(&nested))
        })
        .filter(|item| !item.is_empty())
        .collect()
}

/// `* item`, `- item`, `+ item`, `1. item` → `item`.
fn list_marker(line: &str) -> Option<&str> {
    if let Some(rest) = line
        .strip_prefix("* ")
        .or_else(|| line.strip_prefix("- "))
        .or_else(|| line.strip_prefix("+ "))
    {
        return Some(rest);
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && digits < 4)
        .then(|| line[digits..].strip_prefix(". "))
        .flatten()
}

/// Items as one sentence: "a; b; c", or "A. B." when they are sentences already.
fn join_items(items: &[String]) -> String {
    if items.iter().all(|i| i.ends_with(['.', '!', '?'])) {
        items.join(" ")
    } else {
        items
            .iter()
            .map(|i| i.trim_end_matches([',', ';', '.']))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Markdown to plain text, as far as a message needs: links become their text, emphasis
/// and code marks go, citation marks like "[1]" go.
pub(crate) fn plain(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '['
            && let Some(close) = chars[i + 1..].iter().position(|&c| c == ']')
        {
            let inner: String = chars[i + 1..i + 1 + close].iter().collect();
            let after = i + 1 + close + 1;
            // A citation mark: "[1]", "[12]".
            if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
                while out.ends_with(' ') {
                    out.pop();
                }
                i = after;
                continue;
            }
            // A link: "[text](target)" keeps the text.
            if chars.get(after) == Some(&'(')
                && let Some(end) = chars[after..].iter().position(|&c| c == ')')
            {
                out.push_str(&inner);
                i = after + end + 1;
                continue;
            }
        }
        if c == '*' || c == '`' {
            i += 1;
            continue;
        }
        if c == '_' && chars.get(i + 1) == Some(&'_') {
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    crate::error::one_line(&out)
}

/// A message written from a record, with the jargon a stakeholder may trip over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Written {
    pub text: String,
    /// Terms from the jargon list in a message to stakeholders, to say in plain words
    /// before sending.
    pub jargon: Vec<String>,
}

/// Read `record` (named `path` on the command line) and write its message for `audience`.
/// `successor` is the title of the record that superseded it, when the log has it.
pub(crate) fn write(
    record: &Record,
    path: &Path,
    successor: Option<String>,
    audience: Audience,
    format: Format,
    templates: &Templates,
    jargon: &crate::coach::upward::WordList,
) -> Result<Written> {
    let mut brief = Brief::from_record(record, path);
    if successor.is_some() {
        brief.superseded_by = successor;
    }
    let text = render(&brief, audience, format, templates)?;
    // The prose a stakeholder reads, not the file path under it.
    let jargon = if audience == Audience::Stakeholders {
        let prose = [
            Some(&brief.title),
            brief.context.as_ref(),
            brief.chosen.as_ref(),
            brief.because.as_ref(),
            brief.decision.as_ref(),
            brief.fallback.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain(&brief.risks)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
        crate::coach::upward::phrases(&prose, &jargon.terms)
            .into_iter()
            .fold(Vec::new(), |mut found, phrase| {
                if !found
                    .iter()
                    .any(|f: &String| f.eq_ignore_ascii_case(&phrase))
                {
                    found.push(phrase);
                }
                found
            })
    } else {
        Vec::new()
    };
    Ok(Written { text, jargon })
}

/// Render the message for `audience` from `brief`.
pub(crate) fn render(
    brief: &Brief,
    audience: Audience,
    format: Format,
    templates: &Templates,
) -> Result<String> {
    let template = audience.template();
    if !templates.has(&template) {
        return Err(
            Error::content(format!("the message template `{template}` is missing"))
                .hint("restore it under playbooks/templates/messages/, or remove your override"),
        );
    }
    let markdown = format == Format::Markdown;
    let context = json!({
        "brief": brief,
        "to": audience.key(),
        "markdown": markdown,
    });
    let text = super::tidy(&templates.render(&template, &context)?);
    Ok(match format {
        Format::Text | Format::Markdown => text,
        Format::Json => {
            let value = json!({
                "to": audience.key(),
                "record": brief.path,
                "text": text,
                "brief": brief,
            });
            format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse;

    fn brief(name: &str, text: &str) -> Brief {
        let path = Path::new(name);
        Brief::from_record(&parse(path, text).unwrap(), path)
    }

    #[test]
    fn plain_text_from_markdown() {
        let cases = [
            ("Use **PostgreSQL** [1]", "Use PostgreSQL"),
            ("[MADR](https://adr.github.io/madr/) 4.0.0", "MADR 4.0.0"),
            ("see [2][3].", "see."),
            ("`cargo` and __bold__", "cargo and bold"),
            ("[not a link] stays", "[not a link] stays"),
            ("a  b\n c", "a b c"),
        ];
        for (markdown, expected) in cases {
            assert_eq!(plain(markdown), expected, "{markdown:?}");
        }
    }

    #[test]
    fn a_madr_record_with_reasons_in_a_list() {
        let text = "---\nstatus: accepted\ndate: 2024-09-17\n---\n\n# Use MADR\n\n## Context and Problem Statement\n\nWe want to record decisions.\nWhich format?\n\n## Considered Options\n\n* [MADR](https://adr.github.io/madr/) 4.0.0\n* Nygard\n\n## Decision Outcome\n\nChosen option: \"MADR 4.0.0\", because\n\n* Implicit assumptions should be made explicit.\n* It is structured.\n\n### Consequences\n\n* Good, because the records are plain Markdown\n* Bad, because the template has many parts\n";
        let b = brief("0001-use-madr.md", text);
        assert_eq!(b.title, "Use MADR");
        assert_eq!(b.status.as_deref(), Some("accepted"));
        assert_eq!(
            b.context.as_deref(),
            Some("We want to record decisions. Which format?")
        );
        assert_eq!(b.options, ["MADR 4.0.0", "Nygard"]);
        assert_eq!(b.chosen.as_deref(), Some("MADR 4.0.0"));
        assert_eq!(
            b.because.as_deref(),
            Some("Implicit assumptions should be made explicit; It is structured")
        );
        assert_eq!(b.benefits, ["the records are plain Markdown"]);
        assert_eq!(b.risks, ["the template has many parts"]);
    }

    #[test]
    fn an_adr_tools_record() {
        let text = "# 3. Use PostgreSQL for persistence\n\nDate: 2017-06-20\n\n## Status\n\nAccepted\n\n## Context\n\nMySQL 5.7 lacks the JSON operators we need.\n\n## Decision\n\nWe will migrate orders to PostgreSQL 9.6.\n\n## Consequences\n\nThe migration takes a quarter.\n";
        let b = brief("0003-use-postgresql-for-persistence.md", text);
        assert_eq!(b.title, "Use PostgreSQL for persistence");
        assert_eq!(b.chosen, None);
        assert_eq!(
            b.decision.as_deref(),
            Some("We will migrate orders to PostgreSQL 9.6.")
        );
        assert_eq!(b.other_consequences, ["The migration takes a quarter."]);
        assert_eq!(b.date.as_deref(), Some("2017-06-20"));
    }

    #[test]
    fn list_items_are_whole_and_options_keep_their_own_consequences() {
        let text = "# 3 Retry\n\n## Status\n\nAccepted\n\n## Decision\n\n* Retry in place.\n* Then re-queue with a delay\n  so other messages pass it.\n\n## Considered Options\n\n### Park at once\n\n#### Negative Consequences\n\n* Loses messages\n\n## Consequences\n\n* Operators get a place to look:\n  * the original headers,\n  * the reason of the last failure.\n* `adr-tools` reads it.\n";
        let b = brief("0003-retry.md", text);
        assert_eq!(
            b.decision.as_deref(),
            Some("Retry in place. Then re-queue with a delay so other messages pass it.")
        );
        assert_eq!(
            b.other_consequences,
            [
                "Operators get a place to look: the original headers; the reason of the last failure",
                "adr-tools reads it.",
            ]
        );
        assert!(b.risks.is_empty(), "{:?}", b.risks);
    }

    #[test]
    fn our_record_gives_the_reason_and_the_fallback() {
        let text = "---\nstatus: accepted\ndate: 2026-11-26\nplaybook: decision\nreview-by: 2027-02-24\n---\n\n# Choose the database\n\n## Context and Problem Statement\n\nThe orders service outgrew SQLite.\n\n## Decision Outcome\n\nChosen option: \"PostgreSQL\", because the team already operates it.\n\nIf it doesn't work, we'll switch to MongoDB for the order documents. [6]\n\n### Consequences\n\n* Good, because transactions\n* Bad, because migrations need planning\n";
        let b = brief("0001-choose-the-database.md", text);
        assert_eq!(b.chosen.as_deref(), Some("PostgreSQL"));
        assert_eq!(b.because.as_deref(), Some("the team already operates it"));
        assert_eq!(
            b.fallback.as_deref(),
            Some("MongoDB for the order documents")
        );
        assert_eq!(b.review_by.as_deref(), Some("2027-02-24"));
        assert_eq!(b.decision, None);
    }
}
