//! The supersede and link graph as SVG: each group of connected records is laid out by
//! layout-rs (a Graphviz-style layered layout, in Rust), the groups are packed in rows,
//! and the records with no relation follow in a grid. Every record is one node, and each
//! node links to its record's page. The SVG is drawn here, not by layout-rs's own writer,
//! so every title is escaped and the colours come from the site's stylesheet (light and
//! dark).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;

use super::html::{Out, Spill, escape};
use crate::log::graph::Edge;

/// A node's size, in SVG units: wide enough for a short title on two lines.
const NODE_WIDTH: f64 = 210.0;
const NODE_HEIGHT: f64 = 46.0;
/// Room between groups, and the widest a row of groups grows before the next row starts.
const GAP: f64 = 24.0;
const ROW_WIDTH: f64 = 1400.0;
/// The longest label a node shows; the whole title is its tooltip.
const LABEL_CHARS: usize = 30;

/// The most records one group is laid out with layout-rs: its layered layout grows much
/// faster than the group (a chain of 10,000 records, each superseding the one before, took
/// minutes), and hundreds of boxes no longer read as a picture. A larger group is set out
/// in rows, in log order, joined by straight lines.
const MOST_LAID_OUT: usize = 200;

/// The most work layout-rs is given, in the units of [`layout_cost`], for one group and
/// for the whole log: a group that would take more is set out in rows like a large one.
/// The time a layered layout takes grows much faster than its records where they are
/// related densely (twenty records each related to every other took minutes). Measured
/// on a loaded two-core machine, a unit takes at most about 13 microseconds: a group is
/// laid out in half a second at most (a chain or a star of 200 records, about 40,000
/// units, in a few milliseconds), the whole log's groups in four seconds at most.
const MOST_GROUP_COST: usize = 40_000;
const MOST_TOTAL_COST: usize = 300_000;

/// What a node shows about its record.
#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pub number: Option<u32>,
    /// Borrowed from the record, as its status: the label is made when it is written.
    pub title: &'a str,
    /// Borrowed from the record: ten thousand nodes of a log hold a handful of statuses.
    pub status: &'a str,
    /// The record's path, and how many records before it and itself want its page's name.
    pub path: &'a std::path::Path,
    pub repeat: u32,
}

impl Node<'_> {
    /// `7. Use PostgreSQL`: how links, the graph and page titles name a record.
    pub(crate) fn label(&self) -> String {
        let mut label = String::with_capacity(self.title.len() + 12);
        crate::log::push_label(&mut label, self.number, self.title);
        label
    }

    /// The node's id in the SVG (`n-0007-use-postgresql`), made from its page's name when
    /// it is written rather than kept for every record.
    pub(crate) fn id(&self) -> String {
        format!("n-{}", self.page().trim_end_matches(".html"))
    }

    /// The record's page, relative to the records directory (`0007-use-postgresql.html`),
    /// named when it is written rather than kept for every record.
    pub(crate) fn page(&self) -> String {
        super::page_name(self.path, self.repeat)
    }
}

/// A laid-out group of connected records, in its own coordinates.
#[derive(Debug, Clone, Default)]
pub(crate) struct Group<'n> {
    /// Record index and the top-left corner of its box.
    nodes: Vec<(usize, Point)>,
    edges: Vec<Drawn<'n>>,
    width: f64,
    height: f64,
}

/// One edge as drawn: its line, its kind, and whether the line runs from the edge's end
/// to its start (its arrow is then at the start).
#[derive(Debug, Clone)]
struct Drawn<'n> {
    stroke: Stroke,
    kind: Cow<'n, str>,
    turned: bool,
}

#[derive(Debug, Clone)]
enum Stroke {
    /// layout-rs's curve, as an SVG path's `d`, and where its label goes.
    Curve(Box<(String, Point)>),
    /// A straight line between the centres of two of the group's boxes (by their place in
    /// it), in a group set out in rows: written out only when the page is, as a large
    /// log's group holds thousands of them.
    Line(u32, u32),
}

impl Stroke {
    /// Where the line starts and ends, in a group whose boxes are at `corners`.
    fn ends(from: u32, to: u32, corners: &[(usize, Point)]) -> (Point, Point) {
        let centre = |at: u32| {
            let corner = corners[at as usize].1;
            Point::new(corner.x + NODE_WIDTH / 2.0, corner.y + NODE_HEIGHT / 2.0)
        };
        (centre(from), centre(to))
    }

    /// Where the edge's label goes, in a group whose boxes are at `corners`.
    fn middle(&self, corners: &[(usize, Point)]) -> Point {
        match self {
            Stroke::Curve(curve) => curve.1,
            Stroke::Line(from, to) => {
                let (from, to) = Stroke::ends(*from, *to, corners);
                Point::new((from.x + to.x) / 2.0, (from.y + to.y) / 2.0)
            }
        }
    }

    /// The SVG path's `d`, written to `out`.
    fn write_d(&self, out: &mut String, corners: &[(usize, Point)]) {
        match self {
            Stroke::Curve(curve) => out.push_str(&curve.0),
            Stroke::Line(from, to) => {
                let (from, to) = Stroke::ends(*from, *to, corners);
                let _ = write!(out, "M{:.1} {:.1} L{:.1} {:.1}", from.x, from.y, to.x, to.y);
            }
        }
    }
}

impl Group<'_> {
    pub(crate) fn members(&self) -> impl Iterator<Item = usize> + '_ {
        self.nodes.iter().map(|(index, _)| *index)
    }
}

/// Every record's place in the graph.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph<'n> {
    pub groups: Vec<Group<'n>>,
    /// The group each record belongs to, for the record pages' own pictures; `None` for a
    /// record with no relation.
    pub group_of: Vec<Option<usize>>,
    /// Records with no relation, in log order.
    pub alone: Vec<usize>,
}

/// Lay out `count` records joined by `edges`.
pub(crate) fn layout<'n>(count: usize, edges: &[Edge<'n>]) -> Graph<'n> {
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut at: usize) -> usize {
        while parent[at] != at {
            parent[at] = parent[parent[at]];
            at = parent[at];
        }
        at
    }
    for edge in edges {
        let (a, b) = (root(&mut parent, edge.from), root(&mut parent, edge.to));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for index in 0..count {
        let group = root(&mut parent, index);
        members.entry(group).or_default().push(index);
    }
    let mut edges_of: BTreeMap<usize, Vec<&Edge<'n>>> = BTreeMap::new();
    for edge in edges {
        edges_of
            .entry(root(&mut parent, edge.from))
            .or_default()
            .push(edge);
    }
    let mut graph = Graph {
        group_of: vec![None; count],
        ..Graph::default()
    };
    let mut spent = 0usize;
    for (group_root, indices) in members {
        let group_edges = edges_of.remove(&group_root).unwrap_or_default();
        if indices.len() == 1 && group_edges.is_empty() {
            graph.alone.push(indices[0]);
            continue;
        }
        for &index in &indices {
            graph.group_of[index] = Some(graph.groups.len());
        }
        let cost = if indices.len() > MOST_LAID_OUT {
            usize::MAX
        } else {
            layout_cost(&indices, &group_edges)
        };
        graph.groups.push(
            if cost <= MOST_GROUP_COST && spent.saturating_add(cost) <= MOST_TOTAL_COST {
                spent += cost;
                lay_out_group(&indices, &group_edges)
            } else {
                in_rows(&indices, &group_edges)
            },
        );
    }
    graph
}

/// What layout-rs draws, kept as positions: node boxes by their record index, and the
/// curves of the edges.
#[derive(Default)]
struct Collector {
    boxes: Vec<(usize, Point)>,
    curves: Vec<Vec<(Point, Point)>>,
}

impl RenderBackend for Collector {
    fn draw_rect(
        &mut self,
        xy: Point,
        _size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        if let Some(index) = properties.and_then(|p| p.parse().ok()) {
            self.boxes.push((index, xy));
        }
    }

    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _dashed: bool,
        _head: (bool, bool),
        _look: &StyleAttr,
        _properties: Option<String>,
        _text: &str,
    ) {
        self.curves.push(path.to_vec());
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// The edges of a group as layout-rs is given them: each from the later record to the
/// earlier (`true` when that turns the edge round), the later records' edges first. So
/// the graph has no cycle to break, and when layout-rs checks whether an edge's end
/// already leads back to its start, walking every path from it, the end has no edges
/// yet: otherwise that walk takes time exponential in the paths.
fn oriented<'a, 'n>(edges: &[&'a Edge<'n>]) -> Vec<(&'a Edge<'n>, bool)> {
    let mut oriented: Vec<(&Edge, bool)> = edges.iter().map(|e| (*e, e.from < e.to)).collect();
    let ends = |(edge, turned): &(&Edge, bool)| {
        if *turned {
            (edge.to, edge.from)
        } else {
            (edge.from, edge.to)
        }
    };
    oriented.sort_by_key(|edge| std::cmp::Reverse(ends(edge)));
    oriented
}

/// Roughly what laying out a group costs layout-rs: its boxes, once each edge is split
/// at every row it crosses, times its edges so split. Rows are counted as layout-rs first
/// ranks the records (the longest path down to each), the edges turned as [`oriented`]
/// turns them. Linear in the group's size.
fn layout_cost(indices: &[usize], edges: &[&Edge]) -> usize {
    let local: HashMap<usize, usize> = indices
        .iter()
        .enumerate()
        .map(|(at, index)| (*index, at))
        .collect();
    let mut ends: Vec<(usize, usize)> = edges
        .iter()
        .filter_map(|edge| {
            let (a, b) = (*local.get(&edge.from)?, *local.get(&edge.to)?);
            Some((a.max(b), a.min(b)))
        })
        .collect();
    // Later records first: each record's row is known before its edges are followed.
    ends.sort_unstable_by_key(|ends| std::cmp::Reverse(*ends));
    let mut row = vec![0usize; indices.len()];
    for &(from, to) in &ends {
        row[to] = row[to].max(row[from] + 1);
    }
    let split: usize = ends
        .iter()
        .map(|&(from, to)| row[to].saturating_sub(row[from] + 1))
        .fold(0, usize::saturating_add);
    indices
        .len()
        .saturating_add(split)
        .saturating_mul(ends.len().saturating_add(split))
}

fn lay_out_group<'n>(indices: &[usize], edges: &[&Edge<'n>]) -> Group<'n> {
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    // Its check of the whole graph after each edge walks every path: not for a graph
    // `oriented` made acyclic.
    graph.dag.set_validate(false);
    let mut handles = BTreeMap::new();
    for &index in indices {
        let element = Element::create_with_properties(
            ShapeKind::new_box(""),
            StyleAttr::simple(),
            Orientation::TopToBottom,
            Point::new(NODE_WIDTH, NODE_HEIGHT),
            index.to_string(),
        );
        handles.insert(index, graph.add_node(element));
    }
    let edges = oriented(edges);
    for (edge, turned) in &edges {
        let (from, to) = if *turned {
            (edge.to, edge.from)
        } else {
            (edge.from, edge.to)
        };
        graph.add_edge(Arrow::simple(""), handles[&from], handles[&to]);
    }
    let mut collector = Collector::default();
    graph.do_it(false, false, false, &mut collector);
    // layout-rs draws the arrows in the order they were added.
    let curves: Vec<(String, Point, &Edge<'n>, bool)> = collector
        .curves
        .iter()
        .zip(&edges)
        .filter(|(path, _)| path.len() >= 2)
        .map(|(path, (edge, turned))| {
            let mut d = format!(
                "M{:.1} {:.1} C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}",
                path[0].0.x,
                path[0].0.y,
                path[0].1.x,
                path[0].1.y,
                path[1].0.x,
                path[1].0.y,
                path[1].1.x,
                path[1].1.y
            );
            for point in &path[2..] {
                let _ = write!(
                    d,
                    " S{:.1} {:.1} {:.1} {:.1}",
                    point.0.x, point.0.y, point.1.x, point.1.y
                );
            }
            let middle = path[path.len() / 2].1;
            (d, middle, *edge, *turned)
        })
        .collect();
    let mut group = Group {
        nodes: collector.boxes,
        ..Group::default()
    };
    // Move the group to start at (0, 0) and measure it.
    let min_x = group
        .nodes
        .iter()
        .map(|(_, p)| p.x)
        .fold(f64::MAX, f64::min);
    let min_y = group
        .nodes
        .iter()
        .map(|(_, p)| p.y)
        .fold(f64::MAX, f64::min);
    let (min_x, min_y) = (min_x.min(f64::MAX), min_y.min(f64::MAX));
    for (_, point) in &mut group.nodes {
        point.x -= min_x;
        point.y -= min_y;
    }
    group.width = group
        .nodes
        .iter()
        .map(|(_, p)| p.x + NODE_WIDTH)
        .fold(0.0, f64::max);
    group.height = group
        .nodes
        .iter()
        .map(|(_, p)| p.y + NODE_HEIGHT)
        .fold(0.0, f64::max);
    group.edges = curves
        .into_iter()
        .map(|(d, middle, edge, turned)| Drawn {
            stroke: Stroke::Curve(Box::new((
                shift_path(&d, -min_x, -min_y),
                Point::new(middle.x - min_x, middle.y - min_y),
            ))),
            kind: edge.kind.clone(),
            turned,
        })
        .collect();
    group
}

/// A group too large to lay out (see [`MOST_LAID_OUT`]): its records in rows, in log
/// order, each relation a straight line between the boxes' centres.
fn in_rows<'n>(indices: &[usize], edges: &[&Edge<'n>]) -> Group<'n> {
    let per_row = ((ROW_WIDTH / (NODE_WIDTH + GAP)).floor() as usize).max(1);
    let nodes: Vec<(usize, Point)> = indices
        .iter()
        .enumerate()
        .map(|(position, &index)| {
            let corner = Point::new(
                (position % per_row) as f64 * (NODE_WIDTH + GAP),
                (position / per_row) as f64 * (NODE_HEIGHT + GAP * 2.0),
            );
            (index, corner)
        })
        .collect();
    // `indices` are in log order: a record's place in the group is found by searching them.
    let place = |index: usize| indices.binary_search(&index).ok().map(|at| at as u32);
    let mut drawn = Vec::with_capacity(edges.len());
    for edge in edges {
        if let (Some(from), Some(to)) = (place(edge.from), place(edge.to)) {
            drawn.push(Drawn {
                stroke: Stroke::Line(from, to),
                kind: edge.kind.clone(),
                turned: false,
            });
        }
    }
    let width = nodes
        .iter()
        .map(|(_, p)| p.x + NODE_WIDTH)
        .fold(0.0, f64::max);
    let height = nodes
        .iter()
        .map(|(_, p)| p.y + NODE_HEIGHT)
        .fold(0.0, f64::max);
    Group {
        nodes,
        edges: drawn,
        width,
        height,
    }
}

/// An SVG path moved by (`dx`, `dy`): its numbers come in x, y pairs after each command.
fn shift_path(d: &str, dx: f64, dy: f64) -> String {
    let mut out = String::with_capacity(d.len());
    let mut is_x = true;
    for token in d.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let (command, number) = match token.chars().next() {
            Some(c) if c.is_ascii_alphabetic() => (&token[..1], &token[1..]),
            _ => ("", token),
        };
        out.push_str(command);
        match number.parse::<f64>() {
            Ok(value) => {
                let moved = if is_x { value + dx } else { value + dy };
                let _ = write!(out, "{moved:.1}");
                is_x = !is_x;
            }
            Err(_) => out.push_str(number),
        }
    }
    out
}

/// `text` cut to `limit` characters, with an ellipsis when it was longer.
pub(crate) fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut short: String = text.chars().take(limit.saturating_sub(1)).collect();
    short = short.trim_end().to_string();
    short.push('…');
    short
}

/// One node: a link to the record's page around a box with its label and status.
fn node_svg(out: &mut String, node: &Node<'_>, at: Point, prefix: &str, current: bool) {
    let class = if current { " current" } else { "" };
    let label = node.label();
    let _ = writeln!(
        out,
        "<a class=\"node s-{status}{class}\" id=\"{id}\" href=\"{prefix}{page}\" data-record=\"{page}\">\
         <title>{label} ({status_text})</title>\
         <rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{NODE_WIDTH}\" height=\"{NODE_HEIGHT}\" rx=\"6\"/>\
         <text x=\"{tx:.1}\" y=\"{ty:.1}\">{short}</text>\
         <text class=\"status\" x=\"{tx:.1}\" y=\"{sy:.1}\">{status_text}</text></a>",
        status = status_class(node.status),
        id = escape(&node.id()),
        page = escape(&node.page()),
        label = escape(&label),
        status_text = escape(node.status),
        x = at.x,
        y = at.y,
        tx = at.x + 10.0,
        ty = at.y + 19.0,
        sy = at.y + 37.0,
        short = escape(&shorten(&label, LABEL_CHARS)),
    );
}

/// A status as a CSS class name: known statuses keep their name, anything else is `other`.
pub(crate) fn status_class(status: &str) -> &'static str {
    match status {
        "proposed" => "proposed",
        "accepted" => "accepted",
        "rejected" => "rejected",
        "deprecated" => "deprecated",
        "superseded" => "superseded",
        _ => "other",
    }
}

/// One group, written to `out` an edge or a node at a time: one group of a large log may
/// hold thousands of records (the benchmark's adr-tools log has one of 9 MB as SVG).
fn group_svg(
    out: &mut dyn Out,
    group: &Group,
    nodes: &[Node<'_>],
    offset: Point,
    prefix: &str,
    current: Option<usize>,
) {
    let _ = writeln!(
        out.text(),
        "<g class=\"group\" transform=\"translate({:.1} {:.1})\">",
        offset.x,
        offset.y
    );
    for drawn in &group.edges {
        // The marker turns itself round at the start of a path.
        let end = if drawn.turned { "start" } else { "end" };
        let middle = drawn.stroke.middle(&group.nodes);
        let text = out.text();
        text.push_str("<path class=\"edge\" d=\"");
        drawn.stroke.write_d(text, &group.nodes);
        let _ = writeln!(
            text,
            "\" marker-{end}=\"url(#arrow)\"/><text class=\"edge-label\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            middle.x + 6.0,
            middle.y,
            escape(&drawn.kind)
        );
        out.spill();
    }
    for (index, at) in &group.nodes {
        node_svg(
            out.text(),
            &nodes[*index],
            *at,
            prefix,
            current == Some(*index),
        );
        out.spill();
    }
    out.text().push_str("</g>\n");
}

fn svg_open(out: &mut String, width: f64, height: f64, label: &str) {
    let _ = write!(
        out,
        "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-2 -2 {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" role=\"img\" aria-label=\"{label}\">\n\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker></defs>\n",
        w = width + 4.0,
        h = height + 4.0,
        label = escape(label),
    );
}

/// The whole log's graph, written to `out` a group at a time: the picture of ten thousand
/// records is megabytes. `prefix` leads from the page to the records directory.
pub(crate) fn whole(out: &mut Spill<'_>, graph: &Graph, nodes: &[Node<'_>], prefix: &str) {
    // Where each group goes, and so the picture's size, first: the `<svg>` element states
    // its size before its content, and drawing into a second string to copy it after
    // held the largest page of the site twice.
    let mut origins = Vec::with_capacity(graph.groups.len());
    let (mut x, mut y, mut row_height, mut width) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
    for group in &graph.groups {
        if x > 0.0 && x + group.width > ROW_WIDTH {
            x = 0.0;
            y += row_height + GAP * 2.0;
            row_height = 0.0;
        }
        origins.push(Point::new(x, y));
        x += group.width + GAP * 2.0;
        width = width.max(x - GAP * 2.0);
        row_height = row_height.max(group.height);
    }
    let per_row = ((ROW_WIDTH / (NODE_WIDTH + GAP)).floor() as usize).max(1);
    let alone_top = if graph.groups.is_empty() {
        y
    } else {
        y + row_height + GAP * 2.0
    };
    if graph.alone.is_empty() {
        y += row_height;
    } else {
        let rows = graph.alone.len().div_ceil(per_row);
        width = width.max(per_row.min(graph.alone.len()) as f64 * (NODE_WIDTH + GAP) - GAP);
        y = alone_top + rows as f64 * (NODE_HEIGHT + GAP) - GAP;
    }
    svg_open(
        &mut out.text,
        width.max(NODE_WIDTH),
        y.max(NODE_HEIGHT),
        &format!(
            "How the {} decisions supersede and link to each other",
            nodes.len()
        ),
    );
    for (group, origin) in graph.groups.iter().zip(origins) {
        group_svg(out, group, nodes, origin, prefix, None);
    }
    if !graph.alone.is_empty() {
        out.text.push_str("<g class=\"alone\">\n");
        for (position, index) in graph.alone.iter().enumerate() {
            let at = Point::new(
                (position % per_row) as f64 * (NODE_WIDTH + GAP),
                alone_top + (position / per_row) as f64 * (NODE_HEIGHT + GAP),
            );
            node_svg(&mut out.text, &nodes[*index], at, prefix, false);
            out.spill();
        }
        out.text.push_str("</g>\n");
    }
    out.text.push_str("</svg>\n");
}

/// The group of `current`, drawn alone with `current` marked, for its record's page.
pub(crate) fn around(graph: &Graph, nodes: &[Node<'_>], current: usize) -> Option<String> {
    let group = &graph.groups[graph.group_of[current]?];
    let mut out = String::new();
    svg_open(
        &mut out,
        group.width,
        group.height,
        &format!("How {} relates to other decisions", nodes[current].label()),
    );
    group_svg(
        &mut out,
        group,
        nodes,
        Point::new(0.0, 0.0),
        "",
        Some(current),
    );
    out.push_str("</svg>\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole_graph(graph: &Graph, nodes: &[Node<'_>]) -> String {
        let mut out = Vec::new();
        let mut spill = Spill::new(&mut out);
        whole(&mut spill, graph, nodes, "records/");
        spill.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Nodes titled `Title <0>`, `Title <1>`…: their titles live as long as the test.
    fn nodes(count: usize) -> Vec<Node<'static>> {
        (0..count)
            .map(|i| Node {
                number: Some(i as u32 + 1),
                title: format!("Title <{i}>").leak(),
                status: "accepted",
                path: std::path::Path::new(format!("{:04}-t.md", i + 1).leak()),
                repeat: 1,
            })
            .collect()
    }

    fn edge(from: usize, to: usize) -> Edge<'static> {
        Edge {
            from,
            to,
            kind: "Supersedes".into(),
        }
    }

    #[test]
    fn every_record_is_one_node_linking_to_its_page() {
        let graph = layout(5, &[edge(1, 0), edge(2, 1), edge(4, 3)]);
        assert_eq!(graph.groups.len(), 2);
        assert_eq!(graph.alone, Vec::<usize>::new());
        let svg = whole_graph(&graph, &nodes(5));
        assert_eq!(svg.matches("<a class=\"node").count(), 5, "{svg}");
        for n in 1..=5 {
            assert!(
                svg.contains(&format!("href=\"records/{n:04}-t.html\"")),
                "{svg}"
            );
        }
        assert_eq!(svg.matches("class=\"edge\"").count(), 3, "{svg}");
        assert!(svg.contains("Title &lt;0&gt;"), "{svg}");
        assert!(!svg.contains("<0>"), "{svg}");
    }

    /// A chain of thousands of records, each superseding the one before, is one group: it
    /// is set out in rows rather than laid out, every record and relation drawn.
    #[test]
    fn a_group_too_large_to_lay_out_is_set_out_in_rows() {
        let count = 2_000;
        let chain: Vec<Edge> = (1..count).map(|i| edge(i, i - 1)).collect();
        let graph = layout(count, &chain);
        assert_eq!(graph.groups.len(), 1);
        let svg = whole_graph(&graph, &nodes(count));
        assert_eq!(svg.matches("<a class=\"node").count(), count);
        assert_eq!(svg.matches("class=\"edge\"").count(), count - 1);
        let group = &graph.groups[0];
        assert!(group.width <= ROW_WIDTH + NODE_WIDTH, "{}", group.width);
    }

    #[test]
    fn records_without_relations_are_drawn_too() {
        let graph = layout(3, &[]);
        assert_eq!(graph.alone, [0, 1, 2]);
        let svg = whole_graph(&graph, &nodes(3));
        assert_eq!(svg.matches("<a class=\"node").count(), 3);
        assert!(around(&graph, &nodes(3), 0).is_none());
    }

    #[test]
    fn a_record_page_shows_its_own_group_with_it_marked() {
        let graph = layout(4, &[edge(1, 0), edge(3, 2)]);
        let svg = around(&graph, &nodes(4), 3).unwrap();
        assert_eq!(svg.matches("<a class=\"node").count(), 2, "{svg}");
        assert!(
            svg.contains("s-accepted current\" id=\"n-0004-t\""),
            "{svg}"
        );
    }

    /// `layout` on another thread, or a failure when it takes longer than a loaded
    /// machine could need.
    fn layout_in_time(count: usize, edges: Vec<Edge<'static>>) -> Graph<'static> {
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || send.send(layout(count, &edges)));
        receive
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("the layout is still running: it takes too long")
    }

    /// Records related each to every other, and a chain of diamonds (each record related
    /// to the next two), are laid out in time: layout-rs checks the graph by walking every
    /// path, and these graphs have more paths than it could ever walk.
    #[test]
    fn densely_related_records_are_laid_out_in_time() {
        let count = 20;
        let all: Vec<Edge> = (0..count)
            .flat_map(|a| (0..a).map(move |b| edge(b, a)))
            .collect();
        let graph = layout_in_time(count, all.clone());
        assert!(!laid_out(&graph.groups[0]), "set out in rows");
        let svg = whole_graph(&graph, &nodes(count));
        assert_eq!(svg.matches("<a class=\"node").count(), count);
        assert_eq!(svg.matches("class=\"edge\"").count(), all.len());
        // 0 tops a diamond of 1 and 2 over 3, which tops the next.
        let count = 181;
        let diamonds: Vec<Edge> = (0..count - 1)
            .filter(|top| top % 3 == 0)
            .flat_map(|top| {
                [
                    edge(top, top + 1),
                    edge(top, top + 2),
                    edge(top + 1, top + 3),
                    edge(top + 2, top + 3),
                ]
            })
            .collect();
        let graph = layout_in_time(count, diamonds.clone());
        let svg = whole_graph(&graph, &nodes(count));
        assert_eq!(svg.matches("<a class=\"node").count(), count);
        assert_eq!(svg.matches("class=\"edge\"").count(), diamonds.len());
    }

    /// Whether layout-rs laid the group out (its edges are curves), rather than the group
    /// being set out in rows (straight lines).
    fn laid_out(group: &Group) -> bool {
        group
            .edges
            .iter()
            .all(|drawn| matches!(drawn.stroke, Stroke::Curve(_)))
    }

    /// A long chain is laid out; the work on the log's groups stops at the budget, and
    /// the groups after it are set out in rows, every record and relation still drawn.
    #[test]
    fn the_layout_stops_at_its_budget() {
        let chains = 10;
        let length = MOST_LAID_OUT;
        let edges: Vec<Edge> = (0..chains)
            .flat_map(|chain| {
                (1..length).map(move |i| edge(chain * length + i, chain * length + i - 1))
            })
            .collect();
        let graph = layout_in_time(chains * length, edges);
        let laid: Vec<bool> = graph.groups.iter().map(laid_out).collect();
        let affordable = MOST_TOTAL_COST / (length * (length - 1));
        assert!(affordable > 0 && affordable < chains);
        assert_eq!(
            laid,
            (0..chains)
                .map(|chain| chain < affordable)
                .collect::<Vec<_>>()
        );
        let svg = whole_graph(&graph, &nodes(chains * length));
        assert_eq!(svg.matches("<a class=\"node").count(), chains * length);
        assert_eq!(svg.matches("class=\"edge\"").count(), chains * (length - 1));
        assert!(
            !svg.contains("marker-start"),
            "every edge runs from later to earlier"
        );
        // An edge from an earlier record to a later one is drawn the other way round, its
        // arrow at the start of its path.
        let graph = layout(2, &[edge(0, 1)]);
        assert!(laid_out(&graph.groups[0]));
        assert!(whole_graph(&graph, &nodes(2)).contains("marker-start=\"url(#arrow)\""));
    }

    #[test]
    fn long_titles_are_shortened() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("a much longer title", 10), "a much lo…");
    }
}
