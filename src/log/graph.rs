//! `decide graph`: the supersede and link graph, as Graphviz dot or Mermaid.

use std::collections::{BTreeSet, HashMap};

use crate::record::Record;
use crate::record::edit::same_target;
use crate::record::parse::{is_known_kind, reverse_kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum GraphFormat {
    Dot,
    Mermaid,
}

/// An edge from one record to another, once per pair: "A Supersedes B" and "B Superseded by
/// A" say the same thing, so the passive form is dropped when the active one is there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: String,
}

/// The relations between `records`, by index, each once (see [`Edge`]).
pub(crate) fn edges(records: &[Record]) -> Vec<Edge> {
    // Looked up by name and by pair, not searched: `decide site` draws logs of ten
    // thousand records, where a search per link took seconds.
    let mut by_name: HashMap<String, usize> = HashMap::with_capacity(records.len());
    for (index, record) in records.iter().enumerate() {
        by_name.entry(record.file_name()).or_insert(index);
    }
    let index_of = |target: &str| {
        by_name
            .get(target.trim_start_matches("./"))
            .copied()
            .filter(|&index| same_target(&records[index].file_name(), target))
    };
    let mut links: Vec<Edge> = Vec::new();
    for (from, record) in records.iter().enumerate() {
        for link in &record.links {
            if let Some(to) = index_of(link.target.split('#').next().unwrap_or_default()) {
                links.push(Edge {
                    from,
                    to,
                    kind: link.kind.clone(),
                });
            }
        }
    }
    let passive = |kind: &str| kind.ends_with(" by");
    // Two links between the same records in opposite directions are one relation written
    // in both: a known pair ("Supersedes" / "Superseded by"), a custom pair written with
    // `decide link --reverse` ("Reuses" / "Reused by"), or a symmetric kind ("Relates to").
    let opposite = |a: &Edge, b: &Edge| a.from == b.to && a.to == b.from;
    let mut by_pair: HashMap<(usize, usize), Vec<&Edge>> = HashMap::new();
    for link in &links {
        by_pair.entry((link.from, link.to)).or_default().push(link);
    }
    let opposites = |link: &Edge| {
        by_pair
            .get(&(link.to, link.from))
            .map(Vec::as_slice)
            .unwrap_or_default()
    };
    let reverses = |a: &Edge, b: &Edge| {
        reverse_kind(&a.kind).eq_ignore_ascii_case(&b.kind)
            || reverse_kind(&b.kind).eq_ignore_ascii_case(&a.kind)
    };
    let counterpart = |link: &Edge| {
        opposites(link)
            .iter()
            .copied()
            .find(|other| opposite(link, other) && reverses(link, other))
            .or_else(|| {
                // A pair written with `decide link --reverse`: one active kind, one passive
                // kind that `decide` does not know ("Depends on" / "Needed by").
                opposites(link).iter().copied().find(|other| {
                    opposite(link, other)
                        && passive(&link.kind) != passive(&other.kind)
                        && [link, other]
                            .iter()
                            .filter(|e| passive(&e.kind))
                            .all(|e| !is_known_kind(&e.kind))
                })
            })
    };
    let mut edges = BTreeSet::new();
    for link in &links {
        match counterpart(link) {
            // Draw the pair once: the active form, or for a symmetric kind the first way.
            Some(other) => {
                let keep = match (passive(&link.kind), passive(&other.kind)) {
                    (false, true) => true,
                    (true, false) => false,
                    _ => link.from < link.to,
                };
                if keep {
                    edges.insert(link.clone());
                }
            }
            // Only the passive form was written: draw it the active way when the pair is
            // known, else as written.
            None if is_known_passive(&link.kind) => {
                edges.insert(Edge {
                    from: link.to,
                    to: link.from,
                    kind: reverse_kind(&link.kind),
                });
            }
            None => {
                edges.insert(link.clone());
            }
        }
    }
    edges.into_iter().collect()
}

/// Whether `kind` is the passive half of a pair `decide` knows ("Superseded by").
fn is_known_passive(kind: &str) -> bool {
    is_known_kind(kind) && kind.ends_with(" by")
}

fn label(record: &Record) -> String {
    let label = super::link_label(record);
    let status = record.status.as_deref().unwrap_or("no status");
    format!("{label} ({status})")
}

pub(crate) fn render(records: &[Record], format: GraphFormat) -> String {
    match format {
        GraphFormat::Dot => dot(records),
        GraphFormat::Mermaid => mermaid(records),
    }
}

fn dot(records: &[Record]) -> String {
    let quote = |text: &str| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
    let mut out = String::from("digraph decisions {\n  node [shape=box];\n");
    for (index, record) in records.iter().enumerate() {
        out.push_str(&format!(
            "  r{index} [label={}, URL={}];\n",
            quote(&label(record)),
            quote(&record.file_name())
        ));
    }
    for edge in edges(records) {
        out.push_str(&format!(
            "  r{} -> r{} [label={}];\n",
            edge.from,
            edge.to,
            quote(&edge.kind)
        ));
    }
    out.push_str("}\n");
    out
}

fn mermaid(records: &[Record]) -> String {
    // Mermaid has no escape for `"` inside a label; its entity code is the documented way.
    let quote = |text: &str| format!("\"{}\"", text.replace('"', "#quot;"));
    let mut out = String::from("flowchart TD\n");
    for (index, record) in records.iter().enumerate() {
        out.push_str(&format!("  r{index}[{}]\n", quote(&label(record))));
    }
    for edge in edges(records) {
        out.push_str(&format!(
            "  r{} -->|{}| r{}\n",
            edge.from,
            quote(&edge.kind),
            edge.to
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_relation_written_in_both_records_is_one_edge() {
        let record = |name: &str, links: &str| {
            crate::record::parse(
                std::path::Path::new(name),
                &format!("# T {name}\n\n## Status\n\nAccepted\n\n{links}"),
            )
            .unwrap()
        };
        let records = vec![
            record(
                "0001-a.md",
                "Reused by [2. B](0002-b.md)\n\nRelates to [2. B](0002-b.md)\n\nSuperseded by [3. C](0003-c.md)\n",
            ),
            record(
                "0002-b.md",
                "Reuses [1. A](0001-a.md)\n\nRelates to [1. A](0001-a.md)\n",
            ),
            record("0003-c.md", ""),
        ];
        let kinds: Vec<(usize, usize, String)> = edges(&records)
            .into_iter()
            .map(|e| (e.from, e.to, e.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (0, 1, "Relates to".to_string()),
                (1, 0, "Reuses".to_string()),
                (2, 0, "Supersedes".to_string())
            ]
        );
    }

    use std::path::Path;

    use super::*;
    use crate::record::parse;

    fn log() -> Vec<Record> {
        vec![
            parse(
                Path::new("0001-a.md"),
                "# 1. A\n\n## Status\n\nSuperceded by [2. B](0002-b.md)\n",
            )
            .unwrap(),
            parse(
                Path::new("0002-b.md"),
                "# 2. B \"quoted\"\n\n## Status\n\nAccepted\n\nSupercedes [1. A](0001-a.md)\n\nAmends [9. Gone](0009-gone.md)\n",
            )
            .unwrap(),
        ]
    }

    #[test]
    fn both_directions_make_one_edge_and_missing_targets_none() {
        assert_eq!(
            edges(&log()),
            [Edge {
                from: 1,
                to: 0,
                kind: "Supersedes".into()
            }]
        );
    }

    #[test]
    fn dot_and_mermaid() {
        assert_eq!(
            render(&log(), GraphFormat::Dot),
            "digraph decisions {\n  node [shape=box];\n\
             \x20 r0 [label=\"1. A (superseded)\", URL=\"0001-a.md\"];\n\
             \x20 r1 [label=\"2. B \\\"quoted\\\" (accepted)\", URL=\"0002-b.md\"];\n\
             \x20 r1 -> r0 [label=\"Supersedes\"];\n}\n"
        );
        assert_eq!(
            render(&log(), GraphFormat::Mermaid),
            "flowchart TD\n  r0[\"1. A (superseded)\"]\n  r1[\"2. B #quot;quoted#quot; (accepted)\"]\n  r1 -->|\"Supersedes\"| r0\n"
        );
    }
}
