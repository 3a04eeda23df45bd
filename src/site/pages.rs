//! The site's pages, from one model of the log: the index (every record, search, filters,
//! reviews due, decisions by month), a page per record, the graph and the stats.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use super::charts::{self, Bar};
use super::graph::{self, Graph, Node, status_class};
use super::html::{Depth, Nav, Shell, Spill, escape, page, page_end, page_start};
use super::render::{self, Links};
use super::{Input, Row, page_repeats};
use crate::error::Result;
use crate::log::graph::{Edge, edges};
use crate::log::{Index, Resolved};
use crate::record::Listing;
use crate::record::parse::reverse_kind;

/// The usual statuses, in the order a decision passes through them: filters and badges
/// list these first, then any other status the log uses.
const KNOWN_STATUSES: &[&str] = &[
    "proposed",
    "accepted",
    "rejected",
    "deprecated",
    "superseded",
];

/// What every page is built from, worked out once for the whole log.
pub(super) struct Model<'a> {
    input: &'a Input<'a>,
    /// Where links between the records lead.
    index: Index<'a>,
    /// The relations between records, once each.
    edges: Vec<Edge<'a>>,
    /// Each record's relations, as [`Model::related`] reads them.
    related: Related,
    graph: Graph<'a>,
    /// Each record's label, status and page name (in the records directory).
    nodes: Vec<Node<'a>>,
}

impl<'a> Model<'a> {
    pub(super) fn new(input: &'a Input<'a>) -> Model<'a> {
        let records = input.records;
        let repeats = page_repeats(records);
        let index = Index::of_paths(records.iter().map(|r| (r.path(), r.number())));
        let edges: Vec<Edge> = edges(records, &index);
        let related = Related::of(records.len(), &edges);
        let graph = graph::layout(records.len(), &edges);
        let nodes = records
            .iter()
            .zip(repeats)
            .map(|(record, repeat)| Node {
                number: record.number(),
                title: &record.title,
                status: status_text(record),
                path: record.path(),
                repeat,
            })
            .collect();
        Model {
            input,
            index,
            edges,
            related,
            graph,
            nodes,
        }
    }

    /// The relations of the record at `index`, in the order they were found: each kind
    /// as it reads from that record ("Superseded by" where the other one supersedes it),
    /// and the other record.
    fn related(&self, index: usize) -> impl Iterator<Item = (Cow<'_, str>, usize)> + '_ {
        self.related.of_record(index).iter().map(|&(edge, turned)| {
            let edge = &self.edges[edge as usize];
            if turned {
                (Cow::Owned(reverse_kind(&edge.kind)), edge.from)
            } else {
                (Cow::Borrowed(edge.kind.as_ref()), edge.to)
            }
        })
    }

    fn page(&self, depth: Depth, nav: Nav, title: &str, body: &str, scripts: &[&str]) -> String {
        let built = self.input.today.to_string();
        let shell = Shell {
            log_name: self.input.log_name,
            built: &built,
        };
        page(&shell, depth, nav, title, body, scripts)
    }

    /// A page written in pieces to `to`: [`Model::page`] with `body` writing the content.
    fn page_to(
        &self,
        to: &mut dyn Write,
        (depth, nav, title, scripts): (Depth, Nav, &str, &[&str]),
        body: impl FnOnce(&mut Spill<'_>),
    ) -> io::Result<()> {
        let built = self.input.today.to_string();
        let shell = Shell {
            log_name: self.input.log_name,
            built: &built,
        };
        let mut out = Spill::new(to);
        out.text
            .push_str(&page_start(&shell, depth, nav, title, scripts, 0));
        body(&mut out);
        out.text.push_str(&page_end(&shell));
        out.finish()
    }

    /// The index as a string, as [`Model::index_to`] writes it.
    #[cfg(test)]
    pub(super) fn index(&self) -> String {
        let mut out = Vec::new();
        self.index_to(&mut out).expect("a vector takes every write");
        String::from_utf8(out).expect("the page is UTF-8")
    }

    /// The index: every record in a table that search and filters narrow, the reviews
    /// due, and decisions by month. Written a few rows at a time: the table of ten
    /// thousand records is megabytes.
    pub(super) fn index_to(&self, to: &mut dyn Write) -> io::Result<()> {
        let scripts: &[&str] = &["search-index.js"];
        self.page_to(
            to,
            (Depth::Top, Nav::Decisions, "Decisions", scripts),
            |out| {
                self.index_body(out);
            },
        )
    }

    fn index_body(&self, out: &mut Spill<'_>) {
        let records = self.input.records;
        let body = &mut out.text;
        let _ = write!(
            body,
            "<h1>Decision log</h1>\n<p class=\"lede\">{}</p>\n<div class=\"overview\">\n",
            escape(&self.tally())
        );
        body.push_str(&self.due_panel());
        let dates: Vec<_> = records.iter().filter_map(|r| r.date).collect();
        body.push_str(
            "<section class=\"panel timeline\" aria-labelledby=\"timeline-title\">\n<h2 id=\"timeline-title\">Decisions by month</h2>\n",
        );
        if dates.is_empty() {
            body.push_str("<p>No record has a date yet.</p>\n");
        } else {
            body.push_str(&charts::columns(
                "Decisions by month",
                &charts::by_month(&dates),
            ));
        }
        body.push_str("</section>\n</div>\n");
        self.table(out);
    }

    /// "12 decisions: 9 accepted, 2 proposed, 1 superseded."
    fn tally(&self) -> String {
        let records = self.input.records;
        let mut counts: BTreeMap<usize, (String, usize)> = BTreeMap::new();
        for record in records {
            let status = status_text(record);
            let rank = KNOWN_STATUSES
                .iter()
                .position(|s| *s == status)
                .unwrap_or(KNOWN_STATUSES.len() + status.len());
            counts
                .entry(rank)
                .or_insert_with(|| (status.to_string(), 0))
                .1 += 1;
        }
        let parts: Vec<String> = counts
            .values()
            .map(|(status, count)| format!("{count} {status}"))
            .collect();
        let all = crate::coach::count(records.len(), "decision", "decisions");
        if parts.is_empty() {
            format!("{all} in {}.", self.input.log_name)
        } else {
            format!("{all} in {}: {}.", self.input.log_name, parts.join(", "))
        }
    }

    fn due_panel(&self) -> String {
        let today = self.input.today;
        let due = crate::log::review::due(self.input.records, today);
        let mut out = String::from(
            "<section class=\"panel due\" aria-labelledby=\"due-title\">\n<h2 id=\"due-title\">Reviews due</h2>\n",
        );
        if due.is_empty() {
            let _ = writeln!(out, "<p>No reviews due on {today}.</p>");
        } else {
            out.push_str("<ul>\n");
            for record in due {
                let index = self.index_of(record);
                let Some((due, review_by)) = record.due() else {
                    continue;
                };
                let days = (today - review_by).num_days();
                let when = crate::log::review::how_late(due, review_by, today);
                let by = match due {
                    crate::record::parse::Due::Review => "review by",
                    crate::record::parse::Due::Decision => "decide by",
                };
                let _ = writeln!(
                    out,
                    "<li><a href=\"records/{page}\">{label}</a> <span class=\"when{late}\">{when}</span> <time datetime=\"{review_by}\">({by} {review_by})</time></li>",
                    page = escape(&self.nodes[index].page()),
                    label = escape(&self.nodes[index].label()),
                    late = if days > 0 { " overdue" } else { "" },
                );
            }
            out.push_str("</ul>\n<p class=\"hint\">Record how each turned out with <code>decide review N</code>.</p>\n");
        }
        out.push_str("</section>\n");
        out
    }

    /// The position of `record` (one of ours) in the log: two folders of a log may each
    /// hold a record of one name, so it is found as itself, not by name. Only the few
    /// records due are looked for, so no map of every record is kept.
    fn index_of(&self, record: &Row) -> usize {
        self.input
            .records
            .iter()
            .position(|other| std::ptr::eq(other, record))
            .unwrap_or_default()
    }

    /// Record `index`'s page name, in the records directory.
    pub(super) fn page_name(&self, index: usize) -> String {
        self.nodes[index].page()
    }

    /// Every record's page name, in log order.
    pub(super) fn into_page_names(self) -> impl Iterator<Item = String> + use<'a> {
        self.nodes.into_iter().map(|node| node.page())
    }

    fn table(&self, spill: &mut Spill<'_>) {
        let records = self.input.records;
        let mut statuses: Vec<&str> = records.iter().map(status_text).collect();
        statuses.sort_by_key(|s| {
            (
                KNOWN_STATUSES
                    .iter()
                    .position(|k| k == s)
                    .unwrap_or(usize::MAX),
                s.to_string(),
            )
        });
        statuses.dedup();
        let out = &mut spill.text;
        out.push_str(
            "<section aria-labelledby=\"all-title\">\n<h2 id=\"all-title\">All decisions</h2>\n\
             <form class=\"filters\" role=\"search\" aria-label=\"Find decisions\" hidden>\n\
             <p><label for=\"q\">Search titles and text</label>\n\
             <input type=\"search\" id=\"q\" name=\"q\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"e.g. postgres cache\"></p>\n\
             <p><label for=\"status\">Status</label>\n<select id=\"status\" name=\"status\">\n<option value=\"\">Any status</option>\n",
        );
        for status in statuses {
            let _ = writeln!(
                out,
                "<option value=\"{s}\">{s}</option>",
                s = escape(status)
            );
        }
        out.push_str(
            "</select></p>\n<p><label for=\"door\">Door</label>\n<select id=\"door\" name=\"door\">\n\
             <option value=\"\">Any door</option>\n<option value=\"one-way\">one-way</option>\n\
             <option value=\"two-way\">two-way</option>\n<option value=\"none\">not stated</option>\n</select></p>\n\
             <p><button type=\"reset\">Show all</button></p>\n</form>\n",
        );
        let _ = writeln!(
            out,
            "<p id=\"shown\" class=\"shown\" role=\"status\">{}.</p>",
            escape(&format!(
                "Showing all {}",
                crate::coach::count(records.len(), "decision", "decisions")
            ))
        );
        out.push_str(
            "<div class=\"table-wrap\">\n<table id=\"records\">\n<caption class=\"visually-hidden\">Every decision in the log</caption>\n\
             <thead><tr><th scope=\"col\">#</th><th scope=\"col\">Title</th><th scope=\"col\">Status</th><th scope=\"col\">Date</th><th scope=\"col\">Door</th><th scope=\"col\">Review by</th></tr></thead>\n<tbody>\n",
        );
        for (index, record) in records.iter().enumerate() {
            self.row(&mut spill.text, index, record);
            spill.spill();
        }
        let out = &mut spill.text;
        out.push_str("</tbody>\n</table>\n</div>\n");
        if records.is_empty() {
            out.push_str(
                "<p>The log has no records yet: <code>decide new</code> writes the first.</p>\n",
            );
        }
        out.push_str("</section>\n");
    }

    fn row(&self, out: &mut String, index: usize, record: &Row) {
        let today = self.input.today;
        let status = status_text(record);
        let door = record.door.as_deref().unwrap_or("");
        let date = |d: Option<chrono::NaiveDate>| {
            d.map_or("<td></td>".to_string(), |d| {
                format!("<td><time datetime=\"{d}\">{d}</time></td>")
            })
        };
        let review = match record.due_by() {
            Some(d) if record.review_overdue(today) => format!(
                "<td><time datetime=\"{d}\">{d}</time> <span class=\"when overdue\">overdue</span></td>"
            ),
            Some(d) if record.review_due(today) => format!(
                "<td><time datetime=\"{d}\">{d}</time> <span class=\"when\">due</span></td>"
            ),
            other => date(other),
        };
        let _ = writeln!(
            out,
            "<tr data-i=\"{index}\" data-status=\"{status_attr}\" data-door=\"{door_attr}\"><td>{number}</td><td><a href=\"records/{page}\">{title}</a></td><td><span class=\"badge s-{class}\">{status_attr}</span></td>{date}<td>{door_attr}</td>{review}</tr>",
            status_attr = escape(status),
            door_attr = escape(if door.is_empty() { "none" } else { door }),
            number = record
                .number()
                .map_or("–".to_string(), |n| format!("{n:04}")),
            page = escape(&self.nodes[index].page()),
            title = escape(&record.title),
            class = status_class(status),
            date = date(record.date),
        );
    }

    /// The search index, as a script the index page loads.
    pub(super) fn search_index_to(&self, to: &mut dyn Write) -> io::Result<()> {
        self.input.search.write_script(to)
    }

    /// A record's page: its metadata, its text, and the decisions it relates to.
    pub(super) fn record(&self, index: usize) -> Result<String> {
        let record = &self.input.records[index];
        let text = (self.input.text)(record)?;
        let ours = record.format == crate::record::Format::Decide;
        let mut body = String::with_capacity(text.len() * 2 + 4096);
        let _ = write!(
            body,
            "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"../index.html\">Decisions</a> <span aria-hidden=\"true\">›</span> <span aria-current=\"page\">{}</span></nav>\n\
             <article class=\"record\">\n<header class=\"record-head\">\n<h1>{}{}</h1>\n",
            escape(
                &record
                    .number()
                    .map_or_else(|| record.file_name(), |n| format!("{n:04}"))
            ),
            record
                .number()
                .map(|n| format!("<span class=\"number\">{n}.</span> "))
                .unwrap_or_default(),
            escape(&record.title),
        );
        body.push_str(&self.meta(record));
        body.push_str("</header>\n<div class=\"record-layout\">\n<div class=\"prose\">\n");
        let links = PageLinks {
            model: self,
            from: record.path(),
        };
        body.push_str(&render::body(&text, record.title_line, ours, &links));
        body.push_str("</div>\n");
        body.push_str(&self.related_panel(index));
        body.push_str("</div>\n</article>\n");
        body.push_str(&self.pager(index));
        let title = self.nodes[index].label();
        Ok(self.page(Depth::Record, Nav::Record, &title, &body, &[]))
    }

    fn meta(&self, record: &Row) -> String {
        let today = self.input.today;
        let mut out = String::from("<dl class=\"meta\">\n");
        let mut item = |name: &str, value: String| {
            let _ = writeln!(out, "<div><dt>{name}</dt><dd>{value}</dd></div>");
        };
        let status = status_text(record);
        item(
            "Status",
            format!(
                "<span class=\"badge s-{}\">{}</span>",
                status_class(status),
                escape(status)
            ),
        );
        if let Some(date) = record.date {
            item("Date", format!("<time datetime=\"{date}\">{date}</time>"));
        }
        if !record.decision_makers.is_empty() {
            item("Decided by", escape(&record.decision_makers));
        }
        if let Some(door) = &record.door {
            item("Door", escape(door));
        }
        if let Some((due, review_by)) = record.due() {
            let flag = if record.review_overdue(today) {
                " <span class=\"when overdue\">overdue</span>"
            } else if record.review_due(today) {
                " <span class=\"when\">due</span>"
            } else {
                ""
            };
            item(
                match due {
                    crate::record::parse::Due::Review => "Review by",
                    crate::record::parse::Due::Decision => "Decide by",
                },
                format!("<time datetime=\"{review_by}\">{review_by}</time>{flag}"),
            );
        }
        if let Some(reviewed) = record.reviewed {
            item(
                "Last reviewed",
                format!("<time datetime=\"{reviewed}\">{reviewed}</time>"),
            );
        }
        item(
            "File",
            format!(
                "<code>{}/{}</code> ({})",
                escape(self.input.log_name),
                escape(&record.file_name()),
                record.format.name()
            ),
        );
        out.push_str("</dl>\n");
        out
    }

    fn related_panel(&self, index: usize) -> String {
        let mut out = String::from(
            "<aside class=\"related\" aria-labelledby=\"related-title\">\n<h2 id=\"related-title\">Related decisions</h2>\n",
        );
        if self.related.of_record(index).is_empty() {
            out.push_str("<p>No links to other decisions.</p>\n");
        } else {
            out.push_str("<ul>\n");
            for (kind, other) in self.related(index) {
                let node = &self.nodes[other];
                let _ = writeln!(
                    out,
                    "<li>{kind} <a href=\"{page}\">{label}</a> <span class=\"badge s-{class}\">{status}</span></li>",
                    kind = escape(&kind),
                    page = escape(&node.page()),
                    label = escape(&node.label()),
                    class = status_class(node.status),
                    status = escape(node.status),
                );
            }
            out.push_str("</ul>\n");
        }
        // Sized first: drawing a group of thousands for each of its records, only to drop
        // the picture, made the site quadratic in the largest group.
        let small = self.group_size(index) <= 40;
        if let Some(svg) = small
            .then(|| graph::around(&self.graph, &self.nodes, index))
            .flatten()
        {
            out.push_str("<div class=\"graph-wrap small\">\n");
            out.push_str(&svg);
            out.push_str("</div>\n");
        }
        let _ = writeln!(
            out,
            "<p><a href=\"../graph.html#{}\">See it in the whole graph</a></p>",
            escape(&self.nodes[index].id())
        );
        out.push_str("</aside>\n");
        out
    }

    fn group_size(&self, index: usize) -> usize {
        self.graph.group_of[index].map_or(1, |group| self.graph.groups[group].members().count())
    }

    fn pager(&self, index: usize) -> String {
        let mut out =
            String::from("<nav class=\"pager\" aria-label=\"Previous and next decision\">\n");
        if index > 0 {
            let _ = writeln!(
                out,
                "<a rel=\"prev\" href=\"{}\">← {}</a>",
                escape(&self.nodes[index - 1].page()),
                escape(&self.nodes[index - 1].label())
            );
        }
        if index + 1 < self.nodes.len() {
            let _ = writeln!(
                out,
                "<a rel=\"next\" href=\"{}\">{} →</a>",
                escape(&self.nodes[index + 1].page()),
                escape(&self.nodes[index + 1].label())
            );
        }
        out.push_str("</nav>\n");
        out
    }

    /// The graph page: every record one node, each linking to its page, written a group at
    /// a time.
    pub(super) fn graph_page_to(&self, to: &mut dyn Write) -> io::Result<()> {
        self.page_to(to, (Depth::Top, Nav::Graph, "Graph", &[]), |out| {
            self.graph_body(out);
        })
    }

    fn graph_body(&self, out: &mut Spill<'_>) {
        let groups = self.graph.groups.len();
        let alone = self.graph.alone.len();
        let body = &mut out.text;
        let _ = write!(
            body,
            "<h1>How the decisions connect</h1>\n<p class=\"lede\">Each box is a decision, coloured by its status; an arrow reads as its label, such as “supersedes”. Select a box to open the decision. {}, {} on {}.</p>\n",
            escape(&crate::coach::count(
                groups,
                "group of related decisions",
                "groups of related decisions"
            )),
            escape(&crate::coach::count(alone, "decision", "decisions")),
            if alone == 1 { "its own" } else { "their own" },
        );
        body.push_str(&legend());
        body.push_str("<div class=\"graph-wrap\">\n");
        graph::whole(out, &self.graph, &self.nodes, "records/");
        out.text.push_str("</div>\n");
    }

    /// The stats page: what `decide stats` says about the team's decisions, as pictures.
    /// The journal is private and never part of the site.
    pub(super) fn stats(&self) -> String {
        let records = self.input.records;
        let seen: Vec<crate::stats::Seen<'_>> = records.iter().map(Row::seen).collect();
        let retro =
            crate::stats::retro_of(&seen, &crate::coach::History::default(), self.input.today);
        let mut body = String::from(
            "<h1>How the team decides</h1>\n<p class=\"lede\">What <code>decide stats</code> says about this log. The lead’s journal is private and is not part of the site.</p>\n",
        );
        body.push_str("<section aria-labelledby=\"speed-title\">\n<h2 id=\"speed-title\">Decision speed</h2>\n<p>The median days from proposed to accepted, by door: two-way doors should be decided fast.</p>\n");
        let speed = &retro.decision_speed;
        let bars: Vec<Bar> = [
            ("Two-way doors", &speed.two_way, "two-way"),
            ("One-way doors", &speed.one_way, "one-way"),
        ]
        .iter()
        .map(|(label, door, class)| Bar {
            label: (*label).to_string(),
            value: door.median_days.unwrap_or(0.0),
            shown: match door.median_days {
                Some(days) => format!(
                    "{} over {}",
                    days_text(days),
                    crate::coach::count(door.decisions, "decision", "decisions")
                ),
                None => "no decisions yet".to_string(),
            },
            class,
        })
        .collect();
        body.push_str(&charts::horizontal("Median days to decide", &bars));
        if !speed.two_way.slow.is_empty() {
            body.push_str("<p>Two-way doors that took more than a week:</p>\n<ul>\n");
            for slow in &speed.two_way.slow {
                let _ = writeln!(
                    body,
                    "<li>{} took {}</li>",
                    self.link_by_number(slow.number, &slow.title),
                    escape(&days_text(slow.days as f64))
                );
            }
            body.push_str("</ul>\n");
        }
        if speed.without_door > 0 {
            let _ = writeln!(
                body,
                "<p class=\"hint\">{} without a door are not counted.</p>",
                escape(&crate::coach::count(
                    speed.without_door,
                    "decision",
                    "decisions"
                ))
            );
        }
        body.push_str("</section>\n");
        body.push_str(&self.stats_reviews(&retro));
        self.page(Depth::Top, Nav::Stats, "Stats", &body, &[])
    }

    fn stats_reviews(&self, retro: &crate::stats::Retro) -> String {
        let mut body = String::from(
            "<section aria-labelledby=\"reviews-title\">\n<h2 id=\"reviews-title\">Review outcomes</h2>\n<p>How each reviewed decision held up at its latest look back.</p>\n",
        );
        let r = &retro.review_outcomes;
        let bars: Vec<Bar> = [
            ("Held up", r.held_up, "held"),
            ("Changed", r.changed, "changed"),
            ("Reversed", r.reversed, "reversed"),
        ]
        .iter()
        .map(|(label, count, class)| Bar {
            label: (*label).to_string(),
            value: *count as f64,
            shown: crate::coach::count(*count, "decision", "decisions"),
            class,
        })
        .collect();
        body.push_str(&charts::horizontal("Review outcomes", &bars));
        let c = &retro.calibration;
        if c.enough {
            let bars: Vec<Bar> = c
                .buckets
                .iter()
                .map(|b| Bar {
                    label: format!("{}–{}% sure", b.from, b.to),
                    value: f64::from(b.share),
                    shown: format!("{}% held up ({} of {})", b.share, b.held_up, b.decisions),
                    class: "held",
                })
                .collect();
            body.push_str("<h3>Calibration</h3>\n<p>For each stated confidence, the share of decisions that held up.</p>\n");
            body.push_str(&charts::horizontal("Calibration", &bars));
        } else {
            let _ = writeln!(
                body,
                "<p class=\"hint\">Calibration needs {} reviewed decisions with a stated confidence; the log has {}.</p>",
                c.needed, c.reviewed_with_confidence
            );
        }
        body.push_str("</section>\n<section aria-labelledby=\"timebox-title\">\n<h2 id=\"timebox-title\">Investigations past their time-box</h2>\n");
        if retro.investigations_past_time_box.is_empty() {
            body.push_str("<p>None: every open proposal is within its time-box.</p>\n");
        } else {
            body.push_str("<ul>\n");
            for past in &retro.investigations_past_time_box {
                let _ = writeln!(
                    body,
                    "<li>{}: to be decided by <time datetime=\"{d}\">{d}</time>, {} ago</li>",
                    self.link_by_number(past.number, &past.title),
                    escape(&days_text(past.days_past as f64)),
                    d = escape(&past.decide_by),
                );
            }
            body.push_str("</ul>\n");
        }
        body.push_str("</section>\n");
        body
    }

    /// A link to the record numbered `number` (titled `title`), or the title alone.
    fn link_by_number(&self, number: Option<u32>, title: &str) -> String {
        let found = number.and_then(|n| {
            self.input
                .records
                .iter()
                .position(|r| r.number() == Some(n) && &*r.title == title)
        });
        match found {
            Some(index) => format!(
                "<a href=\"records/{}\">{}</a>",
                escape(&self.nodes[index].page()),
                escape(&self.nodes[index].label())
            ),
            None => escape(title),
        }
    }
}

/// The links of one record's page, followed from where the record is, as `decide graph`
/// follows them: `../2022-02-07-tracing/README.md`, `../2022-02-07-tracing/` and `0006-x` (a
/// record linked without its extension) lead to their records' pages, and a link to a
/// sibling leads to the sibling even where another folder of the log has a record so named.
struct PageLinks<'m, 'a> {
    model: &'m Model<'a>,
    from: &'m Path,
}

impl Links for PageLinks<'_, '_> {
    fn record_page(&self, target: &str) -> Option<String> {
        let link = crate::record::parse::Link {
            kind: String::new(),
            target: crate::record::parse::Target::File(target.to_string()),
            label: String::new(),
            line: 0,
            place: crate::record::parse::Place::Body,
        };
        match self.model.index.resolve(self.from, &link) {
            Resolved::Found(to) | Resolved::ByName(to) => Some(self.model.nodes[to].page()),
            _ => None,
        }
    }
}

/// A record's status as the site shows it.
fn status_text(record: &Row) -> &str {
    record.status.as_deref().unwrap_or("no status")
}

/// Each record's relations, in one list: a record's are those from its start to the
/// next record's, each an edge and whether it reads from the edge's far end. A list of
/// its own for each of ten thousand records took ten times the room.
struct Related {
    starts: Vec<u32>,
    entries: Vec<(u32, bool)>,
}

impl Related {
    fn of(count: usize, edges: &[Edge]) -> Related {
        let ends = |edge: &Edge| [(edge.from, false), (edge.to, true)];
        let mut starts = vec![0u32; count + 1];
        for edge in edges {
            for (record, _) in ends(edge) {
                starts[record + 1] += 1;
            }
        }
        for record in 0..count {
            starts[record + 1] += starts[record];
        }
        let mut filled = starts.clone();
        let mut entries = vec![(0, false); starts[count] as usize];
        // In the order the edges come, as each record meets them.
        for (position, edge) in edges.iter().enumerate() {
            for (record, turned) in ends(edge) {
                entries[filled[record] as usize] = (position as u32, turned);
                filled[record] += 1;
            }
        }
        Related { starts, entries }
    }

    fn of_record(&self, index: usize) -> &[(u32, bool)] {
        &self.entries[self.starts[index] as usize..self.starts[index + 1] as usize]
    }
}

fn days_text(days: f64) -> String {
    let text = crate::answer::format_number(days);
    format!("{text} {}", if days == 1.0 { "day" } else { "days" })
}

fn legend() -> String {
    let mut out = String::from("<ul class=\"legend\" aria-label=\"Status colours\">\n");
    for status in KNOWN_STATUSES {
        let _ = writeln!(
            out,
            "<li><span class=\"swatch s-{status}\" aria-hidden=\"true\"></span>{status}</li>"
        );
    }
    out.push_str("</ul>\n");
    out
}
