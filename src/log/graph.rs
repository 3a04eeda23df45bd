//! `decide graph`: the supersede and link graph, as Graphviz dot or Mermaid. Typed links
//! are edges, one per relation; plain links in running text are dashed edges where no
//! typed link joins the two records. Every link is looked up once in an index, so ten
//! thousand linked records take one pass.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::{Index, Log, Resolved};
use crate::record::Record;
use crate::record::parse::{Link, is_known_kind, reverse_kind, without_by};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum GraphFormat {
    Dot,
    Mermaid,
}

/// What the graph needs of a record; the rest is dropped as soon as it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub path: PathBuf,
    pub number: Option<u32>,
    pub label: String,
    pub links: Vec<Link>,
    pub mentions: Vec<Link>,
}

impl Node {
    pub(crate) fn of(record: Record) -> Node {
        // `7. Use PostgreSQL (accepted)`, built in place: two `format!`s made three
        // strings for each of ten thousand records.
        let status = record.status.as_deref().unwrap_or("no status");
        let mut label = String::with_capacity(record.title.len() + status.len() + 16);
        super::push_link_label(&mut label, &record);
        label.push_str(" (");
        label.push_str(status);
        label.push(')');
        Node {
            path: record.path,
            number: record.number,
            label,
            links: record.links,
            mentions: record.mentions,
        }
    }
}

impl super::record_cache::Cacheable<'_> for Node {
    const NAME: &'static str = "nodes";

    fn encode(&self, line: &mut super::record_cache::Line) -> Option<()> {
        line.number(self.number);
        line.field().text(&self.label)?;
        line.field().links(&self.links)?;
        line.field().links(&self.mentions)
    }

    fn decode(fields: &mut super::record_cache::Fields<'_>, path: &Path) -> Option<Node> {
        Some(Node {
            path: path.to_path_buf(),
            number: fields.optional_number()?,
            label: fields.text()?,
            links: fields.links()?,
            mentions: fields.links()?,
        })
    }
}

/// An edge from one record to another, once per pair: "A Supersedes B" and "B Superseded by
/// A" say the same thing, so the passive form is dropped when the active one is there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Edge<'n> {
    pub from: usize,
    pub to: usize,
    /// Empty for a plain link in running text; borrowed from the link as written, unless
    /// turned round (a passive link drawn the active way).
    pub kind: Cow<'n, str>,
}

/// What [`edges`] follows of a record: its links, relative to its path. A caller keeping
/// less than a [`Node`] of each record (the site's rows) follows its own.
pub(crate) trait Linked {
    /// The record's path, which its links are relative to.
    fn source(&self) -> &Path;
    /// Its typed links (Supersedes, Amends, …).
    fn links(&self) -> &[Link];
    /// The links in its text.
    fn mentions(&self) -> &[Link];
}

impl Linked for Node {
    fn source(&self) -> &Path {
        &self.path
    }
    fn links(&self) -> &[Link] {
        &self.links
    }
    fn mentions(&self) -> &[Link] {
        &self.mentions
    }
}

/// The edges between `nodes` (by position), their links resolved by `index`; a node may
/// be part of what a caller keeps of each record (the site's rows).
pub(crate) fn edges<'n>(nodes: &'n [impl Linked], index: &Index<'_>) -> Vec<Edge<'n>> {
    let mut links: Vec<Edge<'n>> = Vec::new();
    for (from, node) in nodes.iter().enumerate() {
        for link in node.links() {
            if let Resolved::Found(to) | Resolved::ByName(to) = index.resolve(node.source(), link)
                && to != from
            {
                links.push(Edge {
                    from,
                    to,
                    kind: Cow::Borrowed(&link.kind),
                });
            }
        }
    }
    // The links between each ordered pair, to find a link's counterpart in one search:
    // positions sorted by their two ends, in the order written between the same two.
    let mut by_ends: Vec<u32> = (0..links.len()).map(|i| i as u32).collect();
    by_ends.sort_by_key(|&i| (links[i as usize].from, links[i as usize].to));
    let between = |from: usize, to: usize| {
        let start = by_ends.partition_point(|&i| {
            let link = &links[i as usize];
            (link.from, link.to) < (from, to)
        });
        by_ends[start..]
            .iter()
            .map(|&i| &links[i as usize])
            .take_while(move |link| (link.from, link.to) == (from, to))
    };
    let passive = |kind: &str| without_by(kind).is_some();
    let reverses = |a: &Edge, b: &Edge| {
        reverse_kind(&a.kind).eq_ignore_ascii_case(&b.kind)
            || reverse_kind(&b.kind).eq_ignore_ascii_case(&a.kind)
    };
    // Two links between the same records in opposite directions are one relation written
    // in both: a known pair ("Supersedes" / "Superseded by"), a custom pair written with
    // `decide link --reverse` ("Reuses" / "Reused by"), or a symmetric kind ("Relates to").
    let counterpart = |link: &Edge| {
        between(link.to, link.from)
            .find(|other| reverses(link, other))
            .or_else(|| {
                // A pair written with `decide link --reverse`: one active kind, one passive
                // kind that `decide` does not know ("Depends on" / "Needed by").
                between(link.to, link.from).find(|other| {
                    passive(&link.kind) != passive(&other.kind)
                        && [link, *other]
                            .iter()
                            .filter(|e| passive(&e.kind))
                            .all(|e| !is_known_kind(&e.kind))
                })
            })
    };
    let mut edges = Vec::with_capacity(links.len());
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
                    edges.push(link.clone());
                }
            }
            // Only the passive form was written: draw it the active way when the pair is
            // known, else as written.
            None if is_known_kind(&link.kind) && passive(&link.kind) => {
                edges.push(Edge {
                    from: link.to,
                    to: link.from,
                    kind: Cow::Owned(reverse_kind(&link.kind)),
                });
            }
            None => edges.push(link.clone()),
        }
    }
    drop(by_ends);
    drop(links);
    edges.sort_unstable();
    edges.dedup();
    // The pairs a typed link joins, either way, sorted to be searched.
    let mut joined: Vec<(usize, usize)> = edges
        .iter()
        .flat_map(|e| [(e.from, e.to), (e.to, e.from)])
        .collect();
    joined.sort_unstable();
    joined.dedup();
    let mut mentions = Vec::new();
    for (from, node) in nodes.iter().enumerate() {
        for link in node.mentions() {
            if let Resolved::Found(to) = index.resolve(node.source(), link)
                && to != from
                && joined.binary_search(&(from, to)).is_err()
            {
                mentions.push(Edge {
                    from,
                    to,
                    kind: Cow::Borrowed(""),
                });
            }
        }
    }
    mentions.sort_unstable();
    mentions.dedup();
    edges.extend(mentions);
    // Room was made for every link written; fewer are kept, and the site keeps them all
    // through its build.
    edges.shrink_to_fit();
    edges
}

pub(crate) fn render(nodes: &[Node], log: &Log, format: GraphFormat) -> String {
    let index = log.index(nodes.iter().map(|n| (n.path.as_path(), n.number)));
    let edges = edges(nodes, &index);
    match format {
        GraphFormat::Dot => dot(nodes, log, &edges),
        GraphFormat::Mermaid => mermaid(nodes, &edges),
    }
}

fn dot(nodes: &[Node], log: &Log, edges: &[Edge]) -> String {
    use std::fmt::Write;
    // Written straight into the output: ten thousand nodes each formatted into strings of
    // their own, then copied, was half of what the graph did after reading.
    fn quote(out: &mut String, text: &str) {
        out.push('"');
        // Copied between the characters escaped, not character by character: each of
        // ten thousand labels and paths is quoted.
        let mut rest = text;
        while let Some(at) = memchr::memchr2(b'\\', b'"', rest.as_bytes()) {
            out.push_str(&rest[..at]);
            out.push('\\');
            out.push_str(&rest[at..=at]);
            rest = &rest[at + 1..];
        }
        out.push_str(rest);
        out.push('"');
    }
    let mut out = String::with_capacity(64 + nodes.len() * 80 + edges.len() * 40);
    out.push_str("digraph decisions {\n  node [shape=box];\n");
    let graph = log.dir().join("graph");
    for (index, node) in nodes.iter().enumerate() {
        let url = super::link_target(&log.base, &graph, &node.path);
        let _ = write!(out, "  r{index} [label=");
        quote(&mut out, &node.label);
        out.push_str(", URL=");
        quote(&mut out, &url);
        out.push_str("];\n");
    }
    for edge in edges {
        let _ = write!(out, "  r{} -> r{} ", edge.from, edge.to);
        if edge.kind.is_empty() {
            out.push_str("[style=dashed];\n");
        } else {
            out.push_str("[label=");
            quote(&mut out, &edge.kind);
            out.push_str("];\n");
        }
    }
    out.push_str("}\n");
    out
}

/// Mermaid has no backslash escapes inside a label; its entity codes are the documented
/// way, and `<`/`>` would otherwise be read as HTML and dropped.
fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn mermaid(nodes: &[Node], edges: &[Edge]) -> String {
    let mut out = String::with_capacity(16 + nodes.len() * 60 + edges.len() * 30);
    out.push_str("flowchart TD\n");
    for (index, node) in nodes.iter().enumerate() {
        out.push_str(&format!("  r{index}[{}]\n", mermaid_label(&node.label)));
    }
    for edge in edges {
        if edge.kind.is_empty() {
            out.push_str(&format!("  r{} -.-> r{}\n", edge.from, edge.to));
        } else {
            out.push_str(&format!(
                "  r{} -->|{}| r{}\n",
                edge.from,
                mermaid_label(&edge.kind),
                edge.to
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::record::parse;

    #[test]
    fn every_fixture_record_is_the_same_node_from_the_cache() {
        use super::super::record_cache::round_trip;
        use super::super::record_cache::tests::{assert_damage_is_refused, fixture_records};
        let mut checked = 0;
        let mut with_links = None;
        for path in fixture_records() {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Ok(record) = parse::parse_outline(&path, &text) else {
                continue;
            };
            let node = Node::of(record);
            if let Some(back) = round_trip(&node, &path) {
                assert_eq!(back, node, "{}", path.display());
                checked += 1;
                if !node.links.is_empty() && !node.mentions.is_empty() {
                    with_links = Some(node);
                }
            }
        }
        assert!(checked > 100, "only {checked} fixture records were checked");
        let node = with_links.expect("a fixture record with typed links and mentions");
        // The label (2) holds any text.
        assert_damage_is_refused(&node, &node.path.clone(), &[2]);
    }

    fn log(names: &[&str]) -> (tempfile::TempDir, Log) {
        let dir = tempfile::tempdir().unwrap();
        for name in names {
            std::fs::write(dir.path().join(name), "# T\n").unwrap();
        }
        let log = Log::open(dir.path(), &[], false, dir.path()).unwrap();
        (dir, log)
    }

    fn nodes(records: &[(&str, &str)]) -> Vec<Node> {
        records
            .iter()
            .map(|(name, text)| Node::of(parse(Path::new(name), text).unwrap()))
            .collect()
    }

    fn kinds(nodes: &[Node], log: &Log) -> Vec<(usize, usize, String)> {
        let index = log.index(nodes.iter().map(|n| (n.path.as_path(), n.number)));
        edges(nodes, &index)
            .into_iter()
            .map(|e| (e.from, e.to, e.kind.into_owned()))
            .collect()
    }

    #[test]
    fn a_relation_written_in_both_records_is_one_edge() {
        let (_dir, log) = log(&[]);
        let record = |links: &str| format!("# T\n\n## Status\n\nAccepted\n\n{links}");
        let nodes = nodes(&[
            (
                "0001-a.md",
                &record(
                    "Reused by [2. B](0002-b.md)\n\nRelates to [2. B](0002-b.md)\n\nSuperseded by [3. C](0003-c.md)\n",
                ),
            ),
            (
                "0002-b.md",
                &record(
                    "Reuses [1. A](0001-a.md)\n\nRelates to [1. A](0001-a.md)\n\nSee [A](0001-a.md) and [C](0003-c.md).\n",
                ),
            ),
            ("0003-c.md", &record("")),
        ]);
        assert_eq!(
            kinds(&nodes, &log),
            vec![
                (0, 1, "Relates to".to_string()),
                (1, 0, "Reuses".to_string()),
                (2, 0, "Supersedes".to_string()),
                (1, 2, String::new()),
            ]
        );
    }

    #[test]
    fn dot_and_mermaid() {
        let (_dir, log) = log(&[]);
        let nodes = nodes(&[
            (
                "0001-a.md",
                "# 1. A\n\n## Status\n\nSuperceded by [2. B](0002-b.md)\n",
            ),
            (
                "0002-b.md",
                "# 2. B \"quoted\" <T> a\\\\b\n\n## Status\n\nAccepted\n\nSupercedes [1. A](0001-a.md)\n\nAmends [9. Gone](0009-gone.md)\n",
            ),
        ]);
        assert_eq!(
            render(&nodes, &log, GraphFormat::Dot),
            "digraph decisions {\n  node [shape=box];\n\
             \x20 r0 [label=\"1. A (superseded)\", URL=\"0001-a.md\"];\n\
             \x20 r1 [label=\"2. B \\\"quoted\\\" <T> a\\\\b (accepted)\", URL=\"0002-b.md\"];\n\
             \x20 r1 -> r0 [label=\"Supersedes\"];\n}\n"
        );
        assert_eq!(
            render(&nodes, &log, GraphFormat::Mermaid),
            "flowchart TD\n  r0[\"1. A (superseded)\"]\n  r1[\"2. B #quot;quoted#quot; #lt;T#gt; a\\b (accepted)\"]\n  r1 -->|\"Supersedes\"| r0\n"
        );
    }
}
