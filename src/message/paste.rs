//! A finished message for where it is pasted: Slack's mrkdwn (for a webhook or a bot:
//! `*bold*`, `•` bullets, no headings, `<url|text>` links, and `&`, `<`, `>` escaped as
//! Slack asks) or an HTML fragment for mail. Both are conversions of the Markdown text, so
//! the words, and the word budget and jargon checks they passed, are the same.

/// `text` (the Markdown message) as Slack mrkdwn.
pub(crate) fn slack(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.lines() {
        let trimmed = line.trim_start();
        let (prefix, rest) = if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            ("• ", item)
        } else if trimmed.starts_with('#') {
            // Slack has no headings: a heading reads as a bold line.
            let heading = trimmed.trim_start_matches('#').trim();
            out.push('*');
            out.push_str(&inline(heading, Target::Slack).replace('*', ""));
            out.push_str("*\n");
            continue;
        } else {
            ("", line)
        };
        out.push_str(prefix);
        out.push_str(&inline(rest, Target::Slack));
        out.push('\n');
    }
    out
}

/// `text` (the Markdown message) as an HTML fragment: paragraphs, lists, bold and links,
/// everything else escaped.
pub(crate) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        let lines: Vec<&str> = block.lines().collect();
        let mut index = 0;
        while index < lines.len() {
            let line = lines[index].trim_start();
            if let Some(item) = list_item(line) {
                out.push_str("<ul>\n");
                let mut item = Some(item);
                while let Some(text) = item {
                    out.push_str(&format!("<li>{}</li>\n", inline(text, Target::Html)));
                    index += 1;
                    item = lines.get(index).and_then(|l| list_item(l.trim_start()));
                }
                out.push_str("</ul>\n");
                continue;
            }
            let mut paragraph: Vec<String> = Vec::new();
            while index < lines.len() && list_item(lines[index].trim_start()).is_none() {
                let line = lines[index].trim();
                let line = line.trim_start_matches('#').trim_start();
                paragraph.push(inline(line, Target::Html));
                index += 1;
            }
            out.push_str(&format!("<p>{}</p>\n", paragraph.join("<br>\n")));
        }
    }
    out
}

fn list_item(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Slack,
    Html,
}

fn escape(text: &str, target: Target) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (c, target) {
            ('&', _) => out.push_str("&amp;"),
            ('<', _) => out.push_str("&lt;"),
            ('>', _) => out.push_str("&gt;"),
            ('"', Target::Html) => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn is_address(url: &str) -> bool {
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| url.starts_with(scheme))
}

/// Where the link target that `text` starts with ends: the `)` that balances, as
/// Markdown reads `[x](https://en.wikipedia.org/wiki/Rust_(language))`.
fn closing_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(at),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// One line's bold marks and links, the rest escaped.
fn inline(text: &str, target: Target) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut bold = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("**") {
            out.push_str(match (target, bold) {
                (Target::Slack, _) => "*",
                (Target::Html, false) => "<strong>",
                (Target::Html, true) => "</strong>",
            });
            bold = !bold;
            rest = after;
            continue;
        }
        if rest.starts_with('[')
            && let Some(close) = rest.find("](")
            && let Some(end) = closing_paren(&rest[close + 2..])
        {
            let label = &rest[1..close];
            let url = &rest[close + 2..close + 2 + end];
            if is_address(url) {
                out.push_str(&match target {
                    Target::Slack => format!(
                        "<{}|{}>",
                        escape(url, target).replace('|', "%7C"),
                        escape(label, target)
                    ),
                    Target::Html => format!(
                        "<a href=\"{}\">{}</a>",
                        escape(url, target),
                        escape(label, target)
                    ),
                });
            } else {
                out.push_str(&escape(label, target));
            }
            rest = &rest[close + 3 + end..];
            continue;
        }
        let next = rest[1..].find(['*', '[']).map_or(rest.len(), |at| at + 1);
        out.push_str(&escape(&rest[..next], target));
        rest = &rest[next..];
    }
    if bold && target == Target::Html {
        out.push_str("</strong>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSAGE: &str = "Hi Sam,\n\nOn \"Use <Kafka> & queues\", we're going with Kafka. **What it means for us:**\n- Good: fewer lost orders\n- Watch out: [the runbook](https://example.com/run?a=1&b=2) is new\n\n## Next\n\nQuestions are welcome.\n";

    #[test]
    fn slack_has_bold_bullets_links_and_no_headings() {
        assert_eq!(
            slack(MESSAGE),
            "Hi Sam,\n\nOn \"Use &lt;Kafka&gt; &amp; queues\", we're going with Kafka. *What it means for us:*\n• Good: fewer lost orders\n• Watch out: <https://example.com/run?a=1&amp;b=2|the runbook> is new\n\n*Next*\n\nQuestions are welcome.\n"
        );
    }

    #[test]
    fn html_is_an_escaped_fragment() {
        assert_eq!(
            html(MESSAGE),
            "<p>Hi Sam,</p>\n<p>On &quot;Use &lt;Kafka&gt; &amp; queues&quot;, we're going with Kafka. <strong>What it means for us:</strong></p>\n<ul>\n<li>Good: fewer lost orders</li>\n<li>Watch out: <a href=\"https://example.com/run?a=1&amp;b=2\">the runbook</a> is new</li>\n</ul>\n<p>Next</p>\n<p>Questions are welcome.</p>\n"
        );
        assert_eq!(
            html("[x](javascript:alert(1)) <script>\n"),
            "<p>x &lt;script&gt;</p>\n"
        );
        assert_eq!(
            slack("[Rust](https://en.wikipedia.org/wiki/Rust_(language)) (sic)\n"),
            "<https://en.wikipedia.org/wiki/Rust_(language)|Rust> (sic)\n"
        );
    }
}
