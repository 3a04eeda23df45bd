//! `decide graph`: the supersede and link graph, as Graphviz dot or Mermaid.

use std::collections::BTreeSet;

use crate::record::Record;
use crate::record::edit::same_target;
use crate::record::parse::reverse_kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

/// An edge from one record to another, once per pair: "A Supersedes B" and "B Superseded by
/// A" say the same thing, so the passive form is dropped when the active one is there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    from: usize,
    to: usize,
    kind: String,
}

fn edges(records: &[Record]) -> Vec<Edge> {
    let index_of = |target: &str| {
        records
            .iter()
            .position(|r| same_target(&r.file_name(), target))
    };
    let mut edges = BTreeSet::new();
    for (from, record) in records.iter().enumerate() {
        for link in &record.links {
            let Some(to) = index_of(link.target.split('#').next().unwrap_or_default()) else {
                continue;
            };
            let (from, to, kind) = if link.kind.ends_with(" by") {
                (to, from, reverse_kind(&link.kind))
            } else {
                (from, to, link.kind.clone())
            };
            edges.insert(Edge { from, to, kind });
        }
    }
    edges.into_iter().collect()
}

fn label(record: &Record) -> String {
    let label = super::link_label(record);
    let status = record.status.as_deref().unwrap_or("no status");
    format!("{label} ({status})")
}

pub fn render(records: &[Record], format: GraphFormat) -> String {
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
