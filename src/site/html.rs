//! HTML text from untrusted records: every value a page prints goes through [`text`] or
//! [`attr`], so a title such as `<script>` is shown, never run. Control characters, which
//! an HTML parser reports and a terminal would obey, are shown as `\u{1b}`.

use std::fmt::Write as _;

/// `value` as HTML text or as a double-quoted attribute value: `&`, `<`, `>`, `"` and `'`
/// escaped, control characters other than tab and newline made visible.
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 16);
    push_escaped(&mut out, value);
    out
}

/// [`escape`] onto the end of `out`.
pub(crate) fn push_escaped(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            // A CRLF record's lines end in `\n` alone, as an HTML parser would read them.
            '\r' => {}
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

/// Where a page sits: the site's root is `""` from the top level and `"../"` from a
/// record page, so every link works from `file://` as well as from a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    Top,
    Record,
}

impl Depth {
    pub(crate) fn root(self) -> &'static str {
        match self {
            Depth::Top => "",
            Depth::Record => "../",
        }
    }
}

/// Which page of the navigation is current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nav {
    Decisions,
    Graph,
    Stats,
    /// A record page: no navigation entry is current.
    Record,
}

/// What every page shares around its content.
pub(crate) struct Shell<'a> {
    /// The log's name, as the header shows it.
    pub log_name: &'a str,
    /// The day the site was built, which "due" and "overdue" are relative to.
    pub built: &'a str,
}

/// The Content-Security-Policy every page carries: nothing from elsewhere, no inline
/// script or style, so a record that slipped markup past the escaping still could not run
/// or load anything. `file:` is named because a page opened from disk has no origin of
/// its own for `'self'` to mean.
const POLICY: &str = "default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src 'self' file: data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/// A whole page: `title` (plain text), `body` (HTML), and the scripts of the site it loads
/// before the site's own (paths from the site's root).
pub(crate) fn page(
    shell: &Shell<'_>,
    depth: Depth,
    nav: Nav,
    title: &str,
    body: &str,
    scripts: &[&str],
) -> String {
    let mut out = page_start(shell, depth, nav, title, scripts, body.len() + 2048);
    out.push_str(body);
    out.push_str(&page_end(shell));
    out
}

/// A page up to its content, in a string of `capacity`: [`page`] for a page whose content
/// is written after it in pieces.
pub(crate) fn page_start(
    shell: &Shell<'_>,
    depth: Depth,
    nav: Nav,
    title: &str,
    scripts: &[&str],
    capacity: usize,
) -> String {
    let root = depth.root();
    let mut out = String::with_capacity(capacity);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\" data-root=\"{root}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"decide {version}\">\n\
         <title>{title} · {log}</title>\n\
         <link rel=\"stylesheet\" href=\"{root}assets/site.css\">\n{scripts}\
         <script src=\"{root}assets/site.js\" defer></script>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">Skip to the content</a>\n\
         <header class=\"top\">\n<p class=\"brand\"><a href=\"{root}index.html\">{log}</a></p>\n\
         <nav aria-label=\"Site\">\n<ul>\n",
        version = env!("CARGO_PKG_VERSION"),
        title = escape(title),
        log = escape(shell.log_name),
        scripts = scripts
            .iter()
            .map(|script| format!("<script src=\"{root}{}\" defer></script>\n", escape(script)))
            .collect::<String>(),
    );
    for (entry, href, label) in [
        (Nav::Decisions, "index.html", "Decisions"),
        (Nav::Graph, "graph.html", "Graph"),
        (Nav::Stats, "stats.html", "Stats"),
    ] {
        let current = if entry == nav {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<li><a href=\"{root}{href}\"{current}>{label}</a></li>"
        );
    }
    out.push_str("</ul>\n</nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
    out
}

/// A page after its content: what [`page_start`] opened, closed.
pub(crate) fn page_end(shell: &Shell<'_>) -> String {
    format!(
        "</main>\n\
         <footer>\n<p>Built by <code>decide site</code> on {built}. Reviews are due as of that day.</p>\n</footer>\n\
         </body>\n</html>\n",
        built = escape(shell.built),
    )
}

/// HTML written in pieces: appended to [`Spill::text`], and handed on to the writer
/// whenever it holds [`SPILL_AT`] bytes, so a page of megabytes never is in memory whole.
/// The first error is kept and returned by [`Spill::finish`]; the writing before then
/// goes on into the buffer only.
pub(crate) struct Spill<'w> {
    pub text: String,
    to: &'w mut dyn std::io::Write,
    error: Option<std::io::Error>,
}

/// Where HTML is appended: a string, or a [`Spill`] that writes it on in pieces.
pub(crate) trait Out {
    /// The text to append to.
    fn text(&mut self) -> &mut String;
    /// A place where what was appended may be written on.
    fn spill(&mut self);
}

impl Out for String {
    fn text(&mut self) -> &mut String {
        self
    }

    /// A string keeps everything.
    fn spill(&mut self) {}
}

impl Out for Spill<'_> {
    fn text(&mut self) -> &mut String {
        &mut self.text
    }

    fn spill(&mut self) {
        Spill::spill(self);
    }
}

/// How much HTML [`Spill`] gathers before writing it.
const SPILL_AT: usize = 32 * 1024;

impl<'w> Spill<'w> {
    pub(crate) fn new(to: &'w mut dyn std::io::Write) -> Spill<'w> {
        Spill {
            text: String::with_capacity(SPILL_AT + 4096),
            to,
            error: None,
        }
    }

    /// Write what was gathered if it is enough to be worth a write.
    pub(crate) fn spill(&mut self) {
        if self.text.len() >= SPILL_AT {
            self.write_out();
        }
    }

    fn write_out(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.to.write_all(self.text.as_bytes())
        {
            self.error = Some(e);
        }
        self.text.clear();
    }

    /// Write the rest: the first error met, if any.
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        self.write_out();
        self.error.map_or(Ok(()), Err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_shown_not_obeyed() {
        let cases = [
            ("plain", "plain"),
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("a \"b\" & 'c'", "a &quot;b&quot; &amp; &#39;c&#39;"),
            ("bell\u{7}\u{1b}[31m", "bell\\u{7}\\u{1b}[31m"),
            ("line\r\nnext", "line\nnext"),
        ];
        for (value, expected) in cases {
            assert_eq!(escape(value), expected, "{value:?}");
        }
    }
}
