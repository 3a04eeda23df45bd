//! A record's Markdown as the body of its page, rendered with pulldown-cmark. Records are
//! untrusted, so the events are filtered before they become HTML:
//!
//! * raw HTML in the record is shown as text, never passed through;
//! * a link keeps its target only when it is another record (it then points at that
//!   record's page), a place on this page, or a web or mail address; anything else
//!   (`javascript:`, a file elsewhere in the repository) is shown as text;
//! * an image is never loaded (the site makes no request when viewed): it becomes a link
//!   to the picture, or its description;
//! * headings get ids and never skip a level, for the outline screen readers show;
//! * in our records, the coach's verdicts become callouts and the references become
//!   citations with the episode and section, which the `[1]` marks in the text link to.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::html::escape;

/// What the renderer needs to know about the rest of the log.
pub(crate) trait Links {
    /// The page of the record a link's target names (`0003-use-x.md#drivers` →
    /// `0003-use-x.html#drivers`), when it names a record of this log.
    fn record_page(&self, target: &str) -> Option<String>;
}

/// One citation of the References section: its number, the line naming the passage (as
/// Markdown) and the quoted passage (as Markdown, without the `>` marks).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Citation {
    number: u32,
    source: String,
    quote: String,
}

/// The HTML of a record's body: everything after its title. `ours` turns on the callouts
/// for the coach's verdicts. Headings start at level 2; the page's `<h1>` is the title.
pub(crate) fn body(text: &str, title_line: usize, ours: bool, links: &dyn Links) -> String {
    let after_title = skip_lines(text, title_line);
    let (before, references, after) = split_references(after_title);
    let (citations, note) = references.as_deref().map(citations).unwrap_or_default();
    let cited: HashSet<u32> = citations.iter().map(|c| c.number).collect();
    let mut ids = Ids::default();
    let mut out = markdown(before, ours, links, &cited, &mut ids);
    if let Some(references) = references {
        if citations.is_empty() {
            out.push_str(&markdown(&references, ours, links, &cited, &mut ids));
        } else {
            out.push_str(&citations_html(&citations, ours, links, &cited, &mut ids));
            out.push_str(&markdown(&note, ours, links, &cited, &mut ids));
        }
    }
    if let Some(after) = after {
        out.push_str(&markdown(&after, ours, links, &cited, &mut ids));
    }
    out
}

/// What the search reads of a record: all but its quoted references, which are the same
/// few passages in every record of ours and would match the whole log (as `decide search`
/// reads them).
pub(crate) fn searchable(text: &str) -> String {
    match split_references(text) {
        (before, _, Some(after)) => format!("{before}\n{after}"),
        (before, _, None) => before.to_string(),
    }
}

/// `text` from the line after `line` (counting from 1) on.
fn skip_lines(text: &str, line: usize) -> &str {
    let mut rest = text;
    for _ in 0..line {
        match rest.find('\n') {
            Some(at) => rest = &rest[at + 1..],
            None => return "",
        }
    }
    rest
}

/// The text before a `## References` section, the section (heading included), and what
/// follows it (from the next `##` heading), outside fenced code.
fn split_references(text: &str) -> (&str, Option<String>, Option<String>) {
    let mut offset = 0;
    let mut fenced = false;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        // Byte patterns: every line of every record of the site comes through here twice,
        // and `starts_with` with a string compares through a call.
        if matches!(
            trimmed.trim_start().as_bytes(),
            [b'`', b'`', b'`', ..] | [b'~', b'~', b'~', ..]
        ) {
            fenced = !fenced;
        }
        let level_two = !fenced && matches!(trimmed.as_bytes(), [b'#', b'#', b' ', ..]);
        match start {
            None if level_two && trimmed[3..].trim().eq_ignore_ascii_case("references") => {
                start = Some(offset);
            }
            Some(begin)
                if level_two || (!fenced && matches!(trimmed.as_bytes(), [b'#', b' ', ..])) =>
            {
                return (
                    &text[..begin],
                    Some(text[begin..offset].to_string()),
                    Some(text[offset..].to_string()),
                );
            }
            _ => {}
        }
        offset += line.len();
    }
    match start {
        Some(begin) => (&text[..begin], Some(text[begin..].to_string()), None),
        None => (text, None, None),
    }
}

/// The citations of a References section written as ours are: `[N] Who, *Series* …:`
/// and the quote under it; and the Markdown that follows the last of them (a note on
/// where the frameworks come from). A section that starts otherwise has no citations.
fn citations(section: &str) -> (Vec<Citation>, String) {
    let mut found: Vec<Citation> = Vec::new();
    let mut lines = section.lines().skip(1);
    let mut rest = String::new();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(quoted) = trimmed.strip_prefix('>') {
            let Some(last) = found.last_mut() else {
                return (Vec::new(), String::new());
            };
            last.quote
                .push_str(quoted.strip_prefix(' ').unwrap_or(quoted));
            last.quote.push('\n');
            continue;
        }
        let Some((number, source)) = trimmed
            .strip_prefix('[')
            .and_then(|rest| rest.split_once("] "))
            .and_then(|(n, source)| Some((n.parse::<u32>().ok()?, source)))
        else {
            if found.is_empty() {
                return (Vec::new(), String::new());
            }
            rest.push_str(line);
            rest.push('\n');
            for line in lines.by_ref() {
                rest.push_str(line);
                rest.push('\n');
            }
            break;
        };
        found.push(Citation {
            number,
            source: source.trim_end_matches(':').to_string(),
            quote: String::new(),
        });
    }
    (found, rest)
}

fn citations_html(
    citations: &[Citation],
    ours: bool,
    links: &dyn Links,
    cited: &HashSet<u32>,
    ids: &mut Ids,
) -> String {
    let id = ids.take("references");
    let mut out = format!(
        "<section class=\"references\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">References</h2>\n<ol class=\"citations\">\n"
    );
    for citation in citations {
        let quote = markdown(&citation.quote, ours, links, cited, ids);
        let source = markdown(&citation.source, ours, links, cited, ids);
        // The series is the work cited: `*Tech Coffee Break*` is a title, not emphasis.
        let source = source
            .trim()
            .trim_start_matches("<p>")
            .trim_end_matches("</p>")
            .replace("<em>", "<cite>")
            .replace("</em>", "</cite>");
        out.push_str(&format!(
            "<li id=\"ref-{n}\" value=\"{n}\"><figure class=\"citation\">\n<blockquote>\n{quote}</blockquote>\n<figcaption>{source}</figcaption>\n</figure></li>\n",
            n = citation.number
        ));
    }
    out.push_str("</ol>\n</section>\n");
    out
}

/// Heading ids, unique on the page.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    fn take(&mut self, text: &str) -> String {
        let mut slug = String::from("h-");
        let mut dash = false;
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                slug.push(c);
                dash = false;
            } else if !dash && slug.len() > 2 {
                slug.push('-');
                dash = true;
            }
        }
        let slug = slug.trim_end_matches('-').to_string();
        let mut id = slug.clone();
        let mut n = 2;
        while !self.taken.insert(id.clone()) {
            id = format!("{slug}-{n}");
            n += 1;
        }
        id
    }
}

/// Web and mail addresses a reader may follow; everything else is not a link out.
fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Where a link in a record may go on the site: `None` shows its text alone.
fn link_href(url: &str, links: &dyn Links) -> Option<String> {
    if is_web_address(url) || (url.starts_with('#') && url.len() > 1) {
        return Some(url.to_string());
    }
    links.record_page(url)
}

/// One piece of Markdown as HTML.
fn markdown(
    text: &str,
    ours: bool,
    links: &dyn Links,
    cited: &HashSet<u32>,
    ids: &mut Ids,
) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let marked = mark_citations(text, cited);
    let parser = Parser::new_ext(&marked, options);
    let events: Vec<Event<'_>> = parser.collect();
    let events = filter(events, ours, links, ids);
    let mut out = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    out
}

/// `text` with each citation mark `[N]` of a cited reference written as a link to it, so
/// `[1][2]` reads as two marks (Markdown would read it as one link to a reference `2`).
/// Code spans and blocks are left as they are.
fn mark_citations(text: &str, cited: &HashSet<u32>) -> String {
    if cited.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut fenced = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if fenced || line.starts_with("    ") {
            out.push_str(line);
            continue;
        }
        let mut in_code = false;
        let mut rest = line;
        while let Some(at) = rest.find(['[', '`']) {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            if rest.starts_with('`') {
                in_code = !in_code;
                out.push('`');
                rest = &rest[1..];
                continue;
            }
            let number = rest[1..].split_once(']').and_then(|(n, _)| {
                n.parse::<u32>()
                    .ok()
                    .filter(|_| n.bytes().all(|b| b.is_ascii_digit()))
            });
            match number {
                Some(n)
                    if !in_code
                        && cited.contains(&n)
                        && !rest[n.to_string().len() + 2..].starts_with(['(', ':']) =>
                {
                    out.push_str(&format!("[{n}](#ref-{n})"));
                    rest = &rest[n.to_string().len() + 2..];
                }
                _ => {
                    out.push('[');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
    }
    out
}

/// The events as the site shows them (see the module's comment).
#[expect(
    clippy::too_many_lines,
    reason = "one match over the event kinds reads best whole"
)]
fn filter<'a>(
    events: Vec<Event<'a>>,
    ours: bool,
    links: &dyn Links,
    ids: &mut Ids,
) -> Vec<Event<'a>> {
    let mut out: Vec<Event<'a>> = Vec::with_capacity(events.len());
    // For each open link or image: the markup that closes it.
    let mut open_links: Vec<&'static str> = Vec::new();
    // For each open heading: the level it is shown at.
    let mut open_headings: Vec<HeadingLevel> = Vec::new();
    let mut last_level = 1;
    // Whether the last block was a level-3 heading (a verdict's subsection starts there).
    let mut after_subheading = false;
    let mut callout_open = false;
    let mut index = 0;
    while index < events.len() {
        let event = events[index].clone();
        index += 1;
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => out.push(Event::Text(raw)),
            Event::Start(Tag::HtmlBlock) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let target = if link_type == LinkType::Email {
                    Some(format!("mailto:{dest_url}"))
                } else {
                    link_href(&dest_url, links)
                };
                match target {
                    Some(href) if href.starts_with("#ref-") => {
                        open_links.push("]</a>");
                        out.push(Event::InlineHtml(CowStr::from(format!(
                            "<a class=\"cite\" href=\"{}\">[",
                            escape(&href)
                        ))));
                    }
                    Some(href) => {
                        open_links.push("</a>");
                        let external = if is_web_address(&href) {
                            " rel=\"noopener noreferrer\""
                        } else {
                            ""
                        };
                        out.push(Event::InlineHtml(CowStr::from(format!(
                            "<a href=\"{}\"{external}>",
                            escape(&href)
                        ))));
                    }
                    None => {
                        open_links.push("</span>");
                        out.push(Event::InlineHtml(CowStr::from(format!(
                            "<span class=\"unlinked\" title=\"{}\">",
                            escape(&dest_url)
                        ))));
                    }
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                out.push(Event::InlineHtml(CowStr::from(
                    open_links.pop().unwrap_or("</span>"),
                )));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let html = if is_web_address(&dest_url) {
                    format!(
                        "<a class=\"image\" href=\"{}\" rel=\"noopener noreferrer\">Picture: ",
                        escape(&dest_url)
                    )
                } else {
                    format!(
                        "<span class=\"image\" title=\"{}\">Picture: ",
                        escape(&dest_url)
                    )
                };
                open_links.push(if is_web_address(&dest_url) {
                    "</a>"
                } else {
                    "</span>"
                });
                out.push(Event::InlineHtml(CowStr::from(html)));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let written = level as usize;
                let shown = written.clamp(2, last_level + 1).min(6);
                last_level = shown;
                let shown = heading_level(shown);
                open_headings.push(shown);
                let text = heading_text(&events[index..]);
                after_subheading = shown == HeadingLevel::H3;
                if callout_open {
                    out.push(Event::InlineHtml(CowStr::from("</div>\n")));
                    callout_open = false;
                }
                out.push(Event::Start(Tag::Heading {
                    level: shown,
                    id: Some(CowStr::from(ids.take(&text))),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                let level = open_headings.pop().unwrap_or(HeadingLevel::H2);
                out.push(Event::End(TagEnd::Heading(level)));
                continue;
            }
            Event::Start(Tag::Paragraph) if ours && !callout_open => {
                let verdict = starts_with_text(&events[index..], "The coach's verdict:");
                let framed = after_subheading
                    && matches!(events.get(index), Some(Event::Start(Tag::Strong)));
                if verdict || framed {
                    let kind = if verdict { "verdict" } else { "framing" };
                    out.push(Event::InlineHtml(CowStr::from(format!(
                        "<div class=\"callout {kind}\" role=\"note\">\n"
                    ))));
                    callout_open = true;
                }
                after_subheading = false;
                out.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::Paragraph) if callout_open => {
                out.push(Event::End(TagEnd::Paragraph));
                out.push(Event::InlineHtml(CowStr::from("</div>\n")));
                callout_open = false;
            }
            other => {
                if matches!(
                    other,
                    Event::Start(
                        Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Table(_)
                    )
                ) {
                    after_subheading = false;
                }
                out.push(other);
            }
        }
    }
    if callout_open {
        out.push(Event::InlineHtml(CowStr::from("</div>\n")));
    }
    out
}

fn heading_level(level: usize) -> HeadingLevel {
    match level {
        0..=2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The plain text of a heading, from the events after its start.
fn heading_text(rest: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in rest {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// Whether the paragraph whose events follow starts with `prefix`.
fn starts_with_text(rest: &[Event<'_>], prefix: &str) -> bool {
    matches!(rest.first(), Some(Event::Text(text)) if text.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Log;

    impl Links for Log {
        fn record_page(&self, target: &str) -> Option<String> {
            let (file, fragment) = match target.split_once('#') {
                Some((file, fragment)) => (file, format!("#{fragment}")),
                None => (target, String::new()),
            };
            (file.trim_start_matches("./") == "0002-b.md").then(|| format!("0002-b.html{fragment}"))
        }
    }

    fn render(text: &str, ours: bool) -> String {
        body(&format!("# Title\n\n{text}"), 1, ours, &Log)
    }

    #[test]
    fn untrusted_markup_is_shown_as_text() {
        let cases = [
            (
                "<script>alert(1)</script>\n",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                "a <img src=x onerror=alert(1)> b\n",
                "a &lt;img src=x onerror=alert(1)&gt; b",
            ),
            (
                "[click](javascript:alert(1))\n",
                "<span class=\"unlinked\" title=\"javascript:alert(1)\">click</span>",
            ),
            (
                "[x](\"onmouseover=\"alert(1))\n",
                "<span class=\"unlinked\"",
            ),
            (
                "![logo](https://example.com/logo.png)\n",
                "<a class=\"image\" href=\"https://example.com/logo.png\" rel=\"noopener noreferrer\">Picture: logo</a>",
            ),
            (
                "![diagram](diagram.png)\n",
                "<span class=\"image\" title=\"diagram.png\">Picture: diagram</span>",
            ),
        ];
        for (markdown, expected) in cases {
            let html = render(markdown, false);
            assert!(html.contains(expected), "{markdown:?} gave {html}");
            assert!(!html.contains("<script"), "{html}");
            assert!(!html.contains("<img"), "{html}");
        }
    }

    #[test]
    fn links_to_records_go_to_their_pages() {
        let html = render(
            "Supersedes [2. B](0002-b.md#why), see [the code](../../src/main.rs) and <https://adr.github.io>.\n",
            false,
        );
        assert!(
            html.contains("<a href=\"0002-b.html#why\">2. B</a>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"unlinked\" title=\"../../src/main.rs\">the code</span>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"https://adr.github.io\" rel=\"noopener noreferrer\">"),
            "{html}"
        );
    }

    #[test]
    fn headings_get_ids_and_skip_no_level() {
        let html = render(
            "#### Deep\n\n## Context\n\n## Context\n\n#### Detail\n",
            false,
        );
        assert!(html.contains("<h2 id=\"h-deep\">Deep</h2>"), "{html}");
        assert!(html.contains("<h2 id=\"h-context\">Context</h2>"), "{html}");
        assert!(
            html.contains("<h2 id=\"h-context-2\">Context</h2>"),
            "{html}"
        );
        assert!(html.contains("<h3 id=\"h-detail\">Detail</h3>"), "{html}");
    }

    #[test]
    fn verdicts_are_callouts_and_references_are_citations() {
        let text = "## Decision Framing\n\nThe coach's verdict: **Decide now.**\n\n### One-way or two-way door\n\n**Two-way door: decide fast.** Undo takes a week. [1][2]\n\n* The option weighed: A\n\n## References\n\n[1] Alex, *Tech Coffee Break* episode 12, \"From Senior Dev to Tech Lead\", section \"Making Decisions\":\n\n> Decide fast.\n\n[2] Alex, *Tech Coffee Break* episode 12, \"From Senior Dev to Tech Lead\", section \"Making Decisions\":\n\n> Thuan: How?\n>\n> Alex: Ask.\n\nThe doors are Bezos's.\n";
        let html = render(text, true);
        assert!(
            html.contains("<div class=\"callout verdict\" role=\"note\">\n<p>The coach's verdict: <strong>Decide now.</strong></p>\n</div>"),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"callout framing\" role=\"note\">\n<p><strong>Two-way door: decide fast.</strong> Undo takes a week. <a class=\"cite\" href=\"#ref-1\">[1]</a><a class=\"cite\" href=\"#ref-2\">[2]</a></p>\n</div>"),
            "{html}"
        );
        assert!(
            html.contains("<li id=\"ref-2\" value=\"2\"><figure class=\"citation\">"),
            "{html}"
        );
        assert!(
            html.contains("<figcaption>Alex, <cite>Tech Coffee Break</cite> episode 12, \"From Senior Dev to Tech Lead\", section \"Making Decisions\"</figcaption>"),
            "{html}"
        );
        assert!(
            html.contains("<p>Thuan: How?</p>\n<p>Alex: Ask.</p>"),
            "{html}"
        );
        assert!(
            html.ends_with("</section>\n<p>The doors are Bezos's.</p>\n"),
            "{html}"
        );
        assert!(!render(text, false).contains("callout"));
    }
}
