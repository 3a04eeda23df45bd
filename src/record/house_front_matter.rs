//! The front matter a log puts over its records, for a new record to carry too: a log whose
//! own tools index records by their front matter (an `id` that is the file name, a
//! `title`, a `status`) does not see a record without it. Only keys whose meaning decide
//! knows are copied, in the order and quoting of the log's newest record; the rest (a
//! summary, tags) would have to be invented, so they are left out. A log whose records
//! carry their title only in the front matter (Hugo's) gets no `# Title` heading either.

use super::Record;
use super::parse::TitleFrom;
use crate::yaml;

/// What a front matter key the log uses says about the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    /// The file name without `.md`.
    Stem,
    /// The record's number (an `id`, bitwarden's `adr: "0034"`, or Hugo's `weight` where
    /// the log's records all weigh their number), in as many digits as the log writes it.
    Number {
        width: usize,
    },
    /// The title, after the number and ". " when the log writes it so (Hugo's `3. Title`).
    Title {
        numbered: bool,
    },
    Status {
        capitalised: bool,
    },
    Date,
    DecisionMakers,
}

/// How the log writes one key's value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct KeyStyle {
    name: String,
    meaning: Meaning,
    quote: Option<char>,
    /// A block list, and the text before each item's `-` (`  `).
    list_indent: Option<String>,
}

/// The front matter keys of the log's newest record that a new record can fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HouseFrontMatter {
    keys: Vec<KeyStyle>,
    /// The log's records start with a `# Title` heading, besides any `title:` key.
    heading: bool,
}

impl HouseFrontMatter {
    /// The keys `record` (whose text is `text`) has that decide can fill; `None` when it
    /// has no front matter, or none of those keys. `older` are the records before it, which
    /// show whether a key that could be the number (`weight`) always is, and whether the
    /// status is capitalised in every one that states it (in the front matter).
    pub(crate) fn of(record: &Record, text: &str, older: &[Record]) -> Option<HouseFrontMatter> {
        if record.front_matter_end == 0 {
            return None;
        }
        let weighs_number = |r: &Record| {
            r.number.is_some()
                && r.front_matter
                    .get("weight")
                    .and_then(|w| w.trim().parse().ok())
                    == r.number
        };
        let weight_is_number =
            !older.is_empty() && weighs_number(record) && older.iter().all(weighs_number);
        let lines: Vec<&str> = text.lines().collect();
        let keys: Vec<KeyStyle> = record
            .front_matter_keys
            .iter()
            .filter_map(|key| {
                let line = lines.get(key.line.checked_sub(1)?)?;
                let value = line.get(key.value.clone()).unwrap_or("").trim();
                let meaning = match key.name.as_str() {
                    "weight" if weight_is_number => Meaning::Number { width: 1 },
                    name => meaning(record, name, value)?,
                };
                // Capitals only where the records read agree on them.
                let meaning = match meaning {
                    Meaning::Status { capitalised } => Meaning::Status {
                        capitalised: capitalised
                            && older.iter().all(|r| {
                                r.front_matter
                                    .get("status")
                                    .is_none_or(|s| s.starts_with(char::is_uppercase))
                            }),
                    },
                    other => other,
                };
                let list_indent = value
                    .is_empty()
                    .then(|| lines.get(key.line))
                    .flatten()
                    .and_then(|next| {
                        let item = next.trim_start();
                        item.starts_with("- ")
                            .then(|| next[..next.len() - item.len()].to_string())
                    });
                let first_item = list_indent.as_ref().and_then(|_| {
                    lines
                        .get(key.line)
                        .map(|l| l.trim_start().trim_start_matches("- ").trim())
                });
                let quote = first_item
                    .unwrap_or(value)
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '"' | '\''));
                Some(KeyStyle {
                    name: key.name.clone(),
                    meaning,
                    quote,
                    list_indent,
                })
            })
            .collect();
        let heading = record.title_from == TitleFrom::Heading
            || !keys
                .iter()
                .any(|k| matches!(k.meaning, Meaning::Title { .. }));
        (!keys.is_empty()).then_some(HouseFrontMatter { keys, heading })
    }

    /// The front matter for the new record `record`, to be named `stem`, then `text` (its
    /// body). `decision_makers` are the session's: a body in adr-tools' format does not
    /// name them. Keys with nothing to say (no decision makers) are left out.
    pub(crate) fn over(
        &self,
        record: &Record,
        stem: &str,
        decision_makers: &[String],
        text: &str,
    ) -> String {
        let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let mut out = format!("---{nl}");
        out.push_str(&self.keys_for(record, stem, decision_makers, nl));
        out.push_str(&format!("---{nl}{nl}"));
        out.push_str(if self.heading {
            text
        } else {
            without_title_heading(text, record)
        });
        out
    }

    /// `text`, a new record with front matter of decide's own (`status`, `date`,
    /// `decision-makers`, `review-by`, …), with the log's keys first, in its order, names,
    /// capitals and quoting (`adr: "0034"`, `status: Accepted`); decide's keys that say
    /// what none of the log's does (`playbook`, `door`, `review-by`) follow, as written,
    /// for decide still reads them. The title heading stays. Unchanged when the log's
    /// records state no status in their front matter.
    pub(crate) fn restyle(
        &self,
        record: &Record,
        stem: &str,
        decision_makers: &[String],
        text: &str,
    ) -> String {
        if !self
            .keys
            .iter()
            .any(|k| matches!(k.meaning, Meaning::Status { .. }))
            || record.front_matter_end == 0
        {
            return text.to_string();
        }
        let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let Some(own) = lines.get(1..record.front_matter_end - 1) else {
            return text.to_string();
        };
        let covered = |key: &str| {
            let meaning = match key {
                "status" => Meaning::Status { capitalised: false },
                "date" => Meaning::Date,
                "decision-makers" => Meaning::DecisionMakers,
                _ => return false,
            };
            self.keys.iter().any(|k| {
                std::mem::discriminant(&k.meaning) == std::mem::discriminant(&meaning)
                    && (meaning != Meaning::DecisionMakers || !decision_makers.is_empty())
            })
        };
        let mut out = format!("---{nl}");
        out.push_str(&self.keys_for(record, stem, decision_makers, nl));
        let mut keep = false;
        for line in own {
            // A top-level key, and the lines under it.
            if !line.starts_with([' ', '\t', '-']) {
                let key = line.split(':').next().unwrap_or("").trim();
                keep = !covered(key) && !self.keys.iter().any(|k| k.name == key);
            }
            if keep {
                out.push_str(line);
            }
        }
        for line in &lines[record.front_matter_end - 1..] {
            out.push_str(line);
        }
        out
    }

    /// The log's keys, one line each (a list over several), for `record` named `stem`.
    fn keys_for(
        &self,
        record: &Record,
        stem: &str,
        decision_makers: &[String],
        nl: &str,
    ) -> String {
        let mut out = String::new();
        for key in &self.keys {
            let values: Vec<String> = match key.meaning {
                Meaning::Stem => vec![stem.to_string()],
                Meaning::Number { width } => record
                    .number
                    .map(|n| format!("{n:0width$}"))
                    .into_iter()
                    .collect(),
                Meaning::Title { numbered } => vec![match (numbered, record.number) {
                    (true, Some(number)) => format!("{number}. {}", record.title),
                    _ => record.title.clone(),
                }],
                Meaning::Status { capitalised } => record
                    .status
                    .as_deref()
                    .map(|s| {
                        if capitalised {
                            crate::text::capitalise(s)
                        } else {
                            s.to_string()
                        }
                    })
                    .into_iter()
                    .collect(),
                Meaning::Date => record.date.map(|d| d.to_string()).into_iter().collect(),
                Meaning::DecisionMakers => decision_makers.to_vec(),
            };
            if values.is_empty() {
                continue;
            }
            match &key.list_indent {
                Some(indent) => {
                    out.push_str(&format!("{}:{nl}", key.name));
                    for value in &values {
                        out.push_str(&format!("{indent}- {}{nl}", scalar(value, key.quote)));
                    }
                }
                // A number is written as one, as the log writes it.
                None if matches!(key.meaning, Meaning::Number { .. }) && key.quote.is_none() => {
                    out.push_str(&format!("{}: {}{nl}", key.name, values.join(", ")));
                }
                None => out.push_str(&format!(
                    "{}: {}{nl}",
                    key.name,
                    scalar(&values.join(", "), key.quote)
                )),
            }
        }
        out
    }
}

/// `text` from the line after its `# Title` heading and the blank lines that follow it.
fn without_title_heading<'t>(text: &'t str, record: &Record) -> &'t str {
    if record.title_from != TitleFrom::Heading || record.title_line == 0 {
        return text;
    }
    let mut rest = text;
    for _ in 0..record.title_line {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    rest.trim_start_matches(['\n', '\r'])
}

/// What `name` means, judged by the record the log wrote it in; `None` for a key decide
/// cannot fill.
fn meaning(record: &Record, name: &str, value: &str) -> Option<Meaning> {
    let unquoted = value.trim_matches(['"', '\'']);
    let starts_upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    Some(match name.to_ascii_lowercase().as_str() {
        "id" | "slug" if unquoted == record.stem() => Meaning::Stem,
        "id" | "number" | "adr" if record.number.is_some_and(|n| unquoted.parse() == Ok(n)) => {
            Meaning::Number {
                width: if unquoted.starts_with('0') {
                    unquoted.len()
                } else {
                    1
                },
            }
        }
        "title" => Meaning::Title {
            numbered: record
                .number
                .is_some_and(|n| unquoted.starts_with(&format!("{n}. "))),
        },
        "status" => Meaning::Status {
            capitalised: starts_upper(unquoted),
        },
        "date" | "created" => Meaning::Date,
        "author" | "authors" | "deciders" | "decision-makers" => Meaning::DecisionMakers,
        _ => return None,
    })
}

/// `value` as a YAML scalar, quoted the way the log quotes it (or only where YAML needs).
fn scalar(value: &str, quote: Option<char>) -> String {
    match quote {
        Some('"') => format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\"")),
        Some(_) => format!("'{}'", value.replace('\'', "''")),
        None => yaml::to_string(&value).trim_end().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn record(name: &str, text: &str) -> Record {
        crate::record::parse(Path::new(name), text).unwrap()
    }

    #[test]
    fn a_new_record_gets_the_keys_decide_can_fill_in_the_log_s_order_and_quoting() {
        let newest = "---\nid: 0008-validate-at-startup\ntitle: \"Validate at Startup\"\nstatus: Accepted\nauthor:\n  - \"Kim Ode\"\ncreated: 2025-09-15\nsummary: \"Checks at start-up.\"\ntags:\n  - \"startup\"\n---\n\n# 8. Validate at Startup\n\nDate: 2025-09-15\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n";
        let body = "# 10. Pick a \"broker\"\n\nDate: 2026-11-26\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n";
        let house =
            HouseFrontMatter::of(&record("0008-validate-at-startup.md", newest), newest, &[])
                .unwrap();
        let new = record("0010-pick-a-broker.md", body);
        let written = house.over(&new, "0010-pick-a-broker", &[], body);
        assert_eq!(
            written,
            format!(
                "---\nid: 0010-pick-a-broker\ntitle: \"Pick a \\\"broker\\\"\"\nstatus: Proposed\ncreated: 2026-11-26\n---\n\n{body}"
            )
        );
        let makers = ["Ana Lima".to_string(), "Bo".to_string()];
        let written = house.over(&new, "0010-pick-a-broker", &makers, body);
        assert!(
            written.contains("author:\n  - \"Ana Lima\"\n  - \"Bo\"\ncreated:"),
            "{written}"
        );
        let reread = record("0010-pick-a-broker.md", &written);
        assert_eq!(reread.front_matter.get("id"), Some("0010-pick-a-broker"));
        assert_eq!(reread.front_matter.get("title"), Some("Pick a \"broker\""));
        assert_eq!(reread.status.as_deref(), Some("proposed"));
    }

    #[test]
    fn keys_decide_cannot_fill_give_no_front_matter() {
        for text in [
            "# Title\n\n* Status: accepted\n",
            "---\ntags: [a]\nparent: Decisions\n---\n\n# Title\n\n* Status: accepted\n",
            "---\nid: something-else\n---\n\n# Title\n\n* Status: accepted\n",
        ] {
            assert_eq!(
                HouseFrontMatter::of(&record("0003-title.md", text), text, &[]),
                None,
                "{text}"
            );
        }
    }

    #[test]
    fn a_numbered_title_keeps_its_number_and_no_heading_where_the_log_has_none() {
        let page = |n: u32, weight: u32| {
            format!(
                "---\ntitle: \"{n}. Use a queue\"\nweight: {weight}\n---\n\n* Status: accepted\n\n## Context\n"
            )
        };
        let newest = page(3, 3);
        let older = [
            record("0002-b.md", &page(2, 2)),
            record("0001-a.md", &page(1, 1)),
        ];
        let body = "# Pick a broker\n\n- Status: accepted\n- Date: 2026-11-26\n";
        let new = record("0004-pick-a-broker.md", body);
        // The weight is the number in every record read: it is written as the number.
        let house =
            HouseFrontMatter::of(&record("0003-use-a-queue.md", &newest), &newest, &older).unwrap();
        assert_eq!(
            house.over(&new, "x", &[], body),
            "---\ntitle: \"4. Pick a broker\"\nweight: 4\n---\n\n- Status: accepted\n- Date: 2026-11-26\n"
        );
        // A weight that is not always the number, or seen in one record only, is left out.
        for older in [
            vec![
                record("0002-b.md", &page(2, 20)),
                record("0001-a.md", &page(1, 1)),
            ],
            vec![],
        ] {
            let house =
                HouseFrontMatter::of(&record("0003-use-a-queue.md", &newest), &newest, &older)
                    .unwrap();
            assert!(
                house
                    .over(&new, "x", &[], body)
                    .starts_with("---\ntitle: \"4. Pick a broker\"\n---\n\n- Status:"),
                "{older:?}"
            );
        }
        // A log whose records have a heading keeps it.
        let headed =
            "---\ntitle: \"3. Use a queue\"\n---\n\n# 3. Use a queue\n\n* Status: accepted\n";
        let house =
            HouseFrontMatter::of(&record("0003-use-a-queue.md", headed), headed, &[]).unwrap();
        assert!(
            house
                .over(&new, "x", &[], body)
                .ends_with(&format!("---\n\n{body}")),
        );
    }

    #[test]
    fn our_front_matter_takes_the_log_s_keys_first_and_keeps_the_rest() {
        let newest = "---\nadr: \"0007\"\nstatus: Accepted\ndate: 2025-02-03\ntags: [web]\n---\n\n# 0007 - Cache pages\n\n## Context\n";
        let house =
            HouseFrontMatter::of(&record("0007-cache-pages.md", newest), newest, &[]).unwrap();
        let ours = "---\nstatus: proposed\ndate: 2026-11-26\ndecision-makers: Ana Lima\nplaybook: decision\nreview-by: 2027-02-01\n---\n\n# 0008 - Pick a broker\n\nWhy.\n";
        let new = record("0008-pick-a-broker.md", ours);
        let out = house.restyle(&new, "0008-pick-a-broker", &["Ana Lima".into()], ours);
        assert_eq!(
            out,
            "---\nadr: \"0008\"\nstatus: Proposed\ndate: 2026-11-26\ndecision-makers: Ana Lima\nplaybook: decision\nreview-by: 2027-02-01\n---\n\n# 0008 - Pick a broker\n\nWhy.\n"
        );
        let reread = record("0008-pick-a-broker.md", &out);
        assert_eq!(reread.status.as_deref(), Some("proposed"));
        assert_eq!(reread.front_matter.get("playbook"), Some("decision"));
        // A log whose front matter states no status: ours stays as it is.
        let tagged = "---\nid: 0007-cache-pages\n---\n\n# Cache pages\n\n* Status: accepted\n";
        let house =
            HouseFrontMatter::of(&record("0007-cache-pages.md", tagged), tagged, &[]).unwrap();
        assert_eq!(house.restyle(&new, "0008-pick-a-broker", &[], ours), ours);
    }
}
