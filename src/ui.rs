//! What people read on stderr: coaching verdicts, quoted passages, notes. Colour follows
//! `--color`, `NO_COLOR`/`CLICOLOR`, and is off when stderr is not a terminal.

use std::io::IsTerminal;

use console::style;

use crate::coach::Assessment;
use crate::passages::{Library, Passage};
use crate::phrase::quoted;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Decide once, at start-up, whether to colour stdout and stderr.
pub(crate) fn init_color(choice: ColorChoice) {
    let env_allows = || {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let clicolor_off = std::env::var("CLICOLOR").is_ok_and(|v| v == "0");
        let forced = std::env::var("CLICOLOR_FORCE").is_ok_and(|v| !v.is_empty() && v != "0");
        forced || (!no_color && !clicolor_off)
    };
    let (stdout, stderr) = match choice {
        ColorChoice::Always => (true, true),
        ColorChoice::Never => (false, false),
        ColorChoice::Auto => {
            let allowed = env_allows();
            (
                allowed && std::io::stdout().is_terminal(),
                allowed && std::io::stderr().is_terminal(),
            )
        }
    };
    console::set_colors_enabled(stdout);
    console::set_colors_enabled_stderr(stderr);
}

/// A verdict as the coach says it, as one block set apart from the questions: the
/// headline, the reasoning, any warning, and the passage that grounds this advice (once a
/// session: `shown` keeps the passages already quoted), all behind one gutter.
pub(crate) fn verdict_text(
    assessment: &Assessment,
    library: &Library,
    shown: &mut Vec<String>,
) -> String {
    let width = terminal_width();
    let gutter = style("│").cyan().for_stderr().to_string();
    let headline = format!("{}: {}", assessment.title, assessment.verdict);
    let mut lines: Vec<String> = wrap(&headline, width.map(|w| w.saturating_sub(4)))
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mark = if i == 0 { "▸" } else { " " };
            format!(
                "  {} {}",
                style(mark).cyan().for_stderr(),
                style(line).bold().for_stderr()
            )
        })
        .collect();
    let mut block = |text: &str, styled: &dyn Fn(&str) -> String| {
        for line in wrap(text, width.map(|w| w.saturating_sub(4))) {
            lines.push(format!("  {gutter} {}", styled(&line)));
        }
    };
    block(&assessment.reasoning, &|l| l.to_string());
    for warning in &assessment.warnings {
        let hint = warning
            .hint
            .as_ref()
            .map(|hint| format!(" {hint}"))
            .unwrap_or_default();
        block(&format!("Warning: {}{hint}", warning.text), &|l| {
            style(l).yellow().for_stderr().to_string()
        });
    }
    let grounding = assessment
        .grounding()
        .filter(|id| !shown.iter().any(|s| s == id))
        .and_then(|id| library.get(id));
    if let Some(passage) = grounding {
        shown.push(passage.id.clone());
        for line in passage_lines(passage, library) {
            block(&line, &|l| style(l).dim().italic().for_stderr().to_string());
        }
    }
    format!("\n{}\n", lines.join("\n"))
}

/// Records of the log related to the one being written, as one block set apart like a
/// verdict: how many, then each with how it stands; `hint` says how to link them.
pub(crate) fn related_text(related: &[crate::log::related::Related], hint: Option<&str>) -> String {
    let width = terminal_width().map(|w| w.saturating_sub(4));
    let gutter = style("│").cyan().for_stderr().to_string();
    let headline = format!(
        "The log remembers {} like this one:",
        crate::coach::count(related.len(), "decision", "decisions")
    );
    let mut lines = vec![format!(
        "  {} {}",
        style("▸").cyan().for_stderr(),
        style(headline).bold().for_stderr()
    )];
    for record in related {
        let line = format!("{} ({})", record.label(), record.standing());
        lines.extend(wrap(&line, width).iter().map(|l| format!("  {gutter} {l}")));
    }
    if let Some(hint) = hint {
        lines.extend(
            wrap(hint, width)
                .iter()
                .map(|l| format!("  {gutter} {}", style(l).dim().for_stderr())),
        );
    }
    format!("\n{}\n", lines.join("\n"))
}

/// A passage quoted for the terminal, after the question it answers when it answers one:
/// `Thuan: "…"` then `"…" (Alex, ep. 12 "…")`; a passage with quotes of its own is put in
/// single quotes, so they do not nest.
fn passage_lines(passage: &Passage, library: &Library) -> Vec<String> {
    let episode = library
        .episode(passage.episode)
        .map(|e| format!("ep. {} \"{}\"", e.number, e.title))
        .unwrap_or_else(|| format!("ep. {}", passage.episode));
    let mut lines = Vec::new();
    if let Some(asked) = &passage.asked {
        lines.push(format!("{}: {}", asked.speaker, quoted(&asked.quote)));
    }
    lines.push(format!(
        "{} ({}, {})",
        quoted(&passage.quote),
        passage.speaker,
        episode
    ));
    lines
}

/// A passage shown with a question, before its prompt: apart from any verdict above it,
/// introduced as what the question comes from.
pub(crate) fn quote_text(passage: &Passage, library: &Library) -> String {
    let width = terminal_width().map(|w| w.saturating_sub(2));
    let mut out = String::new();
    for line in passage_lines(passage, library) {
        for wrapped in wrap(&line, width) {
            out.push_str(&format!(
                "  {}\n",
                style(wrapped).dim().italic().for_stderr()
            ));
        }
    }
    out
}

/// The width to wrap coaching text at: the terminal's, when stderr is one.
fn terminal_width() -> Option<usize> {
    console::Term::stderr()
        .size_checked()
        .map(|(_, columns)| usize::from(columns))
}

/// `text` in lines of at most `width` columns (display width: a CJK character or an emoji
/// takes two), broken between words; one line when the width is unknown or too small to
/// be worth it.
pub(crate) fn wrap(text: &str, width: Option<usize>) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    // Coaching text may come from a cloned repository's playbooks and records.
    let text = &for_terminal(text, false);
    let Some(width) = width.filter(|w| *w > 20) else {
        return vec![text.to_string()];
    };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        if word.width() <= width {
            line.push_str(word);
            continue;
        }
        // A run wider than the line (a Japanese sentence has no spaces) breaks between
        // characters.
        for c in word.chars() {
            if line.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    lines.push(line);
    lines
}

/// `text` broken between words after `start` columns already taken on its first row (a
/// mark and a prompt: "✔ What are you deciding? · "), in rows of at most `width` columns,
/// each row after the first indented to `start`, under the text it continues, never back
/// at column 0. When that leaves fewer than [`MIN_HANGING`] columns, the rows after the
/// first are indented two columns instead, under the mark. A word wider than a row breaks
/// between characters. The first row comes without its prefix; the others with their
/// indent. Display width throughout: a CJK character or an emoji takes two columns.
pub(crate) fn hanging(text: &str, start: usize, width: usize) -> Vec<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let indent = if width.saturating_sub(start) >= MIN_HANGING {
        start
    } else {
        2.min(width.saturating_sub(1))
    };
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    // Columns of the row being filled that text may take.
    let room = |rows: &Vec<String>| {
        let used = if rows.is_empty() { start } else { indent };
        width.saturating_sub(used).max(1)
    };
    for word in text.split_whitespace() {
        if !row.is_empty() && row.width() + 1 + word.width() > room(&rows) {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        if row.width() + word.width() <= room(&rows) {
            row.push_str(word);
            continue;
        }
        // Not even a row of its own holds it (a path, a sentence in Japanese).
        for c in word.chars() {
            if !row.trim().is_empty() && row.width() + c.width().unwrap_or(0) > room(&rows) {
                rows.push(std::mem::take(&mut row));
            }
            row.push(c);
        }
    }
    rows.push(row);
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let row = row.trim().to_string();
            if i == 0 {
                row
            } else {
                format!("{}{row}", " ".repeat(indent))
            }
        })
        .collect()
}

/// The fewest columns a hanging indent leaves its text; below it, the text goes back to
/// two columns in, which reads better than a column of single words.
pub(crate) const MIN_HANGING: usize = 16;

pub(crate) fn note(message: &str) {
    eprintln!("{}", style(for_terminal(message, false)).dim().for_stderr());
}

pub(crate) fn success(message: &str) {
    let message = for_terminal(message, false);
    eprintln!(
        "{} {}",
        style("✔").green().for_stderr(),
        fitted(&message, terminal_width())
    );
}

/// A one-line `message` after a two-column mark, wrapped between words at a terminal of
/// `columns`, the lines after the first indented under it: a long path goes to a line of
/// its own rather than breaking in the middle ("✔ Wrote" over "docs/decisions/…").
/// A word wider than the line (a path too long for any line) leaves the message as it is,
/// for the terminal to wrap.
fn fitted(message: &str, columns: Option<usize>) -> String {
    use unicode_width::UnicodeWidthStr;
    let Some(width) = columns.map(|c| c.saturating_sub(2)) else {
        return message.to_string();
    };
    let fits = message.split_whitespace().all(|word| word.width() <= width);
    if message.contains('\n') || message.width() <= width || !fits {
        return message.to_string();
    }
    wrap(message, Some(width)).join("\n  ")
}

/// An error: one line, whatever paths or values from files it quotes.
pub(crate) fn error(message: &str) {
    let message = for_terminal(&crate::error::on_one_line(message), false).into_owned();
    eprintln!("{} {message}", style("error:").red().bold().for_stderr());
}

/// A warning: one line, whatever paths or values from files it quotes.
pub(crate) fn warning(message: &str) {
    let message = for_terminal(&crate::error::on_one_line(message), false).into_owned();
    eprintln!(
        "{} {message}",
        style("warning:").yellow().bold().for_stderr()
    );
}

/// Text that may come from a file (a record's title, a path, a value quoted in an error),
/// made safe to print on a terminal. A cloned repository could otherwise send escape
/// sequences that retitle the window, write the clipboard, move the cursor, hide text
/// (`ESC[8m`) or rewrite what was printed before, and bidirectional overrides that show
/// text in another order than it is stored ("Trojan Source"); so every C0 and C1 control
/// character and every bidi embedding, override and isolate is shown as `\u{1b}` or
/// `\u{202e}`, not sent. Line breaks and tabs stay. The left-to-right and right-to-left
/// marks (U+200E, U+200F, U+061C) stay too: a Hebrew or Arabic title needs them, and they
/// reorder nothing but the punctuation beside them.
///
/// `colours` keeps colour codes (`ESC[…m`), and is only for text decide styled itself
/// after making every file's part of it safe: once styled, a file's colour codes could not
/// be told from decide's own.
pub(crate) fn for_terminal(text: &str, colours: bool) -> std::borrow::Cow<'_, str> {
    let harmless = |c: char| (!c.is_control() && !is_bidi_control(c)) || c == '\n' || c == '\t';
    if text.chars().all(harmless) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(length) = colour_code(rest).filter(|_| colours) {
            out.push_str(&rest[..length]);
            rest = &rest[length..];
            continue;
        }
        if harmless(c) || (c == '\r' && rest[1..].starts_with('\n')) {
            out.push(c);
        } else {
            out.extend(c.escape_unicode());
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// The bidirectional embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI,
/// RLI, FSI, PDI): what rustc's `text_direction_codepoint_in_literal` lint flags.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The length of the colour code (`ESC [ digits ; … m`) that `text` starts with, if any.
fn colour_code(text: &str) -> Option<usize> {
    let body = text.strip_prefix("\u{1b}[")?;
    let digits = body
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ';')
        .count();
    body[digits..].starts_with('m').then_some(2 + digits + 1)
}

#[cfg(test)]
mod tests {
    use super::{Library, for_terminal, verdict_text};
    use crate::coach::Assessment;

    /// Text that wraps after a prefix goes on under the text, not back at column 0, at
    /// a narrow terminal as at a wide one; too narrow for that, two columns in.
    #[test]
    fn wrapped_text_goes_on_under_the_text_it_continues() {
        use unicode_width::UnicodeWidthStr;
        let title = "Should the orders service move from its own Redis cache to the shared Memcached cluster";
        let prefix = "✔ What are you deciding? · ";
        let cases: [(usize, &[&str]); 3] = [
            (
                59,
                &[
                    "Should the orders service move",
                    "                           from its own Redis cache to the",
                    "                           shared Memcached cluster",
                ],
            ),
            (
                100,
                &[
                    "Should the orders service move from its own Redis cache to the shared",
                    "                           Memcached cluster",
                ],
            ),
            (
                39,
                &[
                    "Should the",
                    "  orders service move from its own",
                    "  Redis cache to the shared Memcached",
                    "  cluster",
                ],
            ),
        ];
        for (width, expected) in cases {
            let rows = super::hanging(title, prefix.width(), width);
            assert_eq!(rows, expected, "{width}");
            assert!(
                rows.iter()
                    .enumerate()
                    .all(|(i, row)| row.width() + if i == 0 { prefix.width() } else { 0 } <= width),
                "{width}: {rows:?}"
            );
        }
        // Wide characters count two columns, and a run without spaces breaks between them.
        let rows = super::hanging(
            "決定の記録をチームで共有し、レビューの日付を決めます。",
            10,
            40,
        );
        assert!(
            rows.iter().skip(1).all(|r| r.starts_with("          ")),
            "{rows:?}"
        );
        assert!(
            rows.iter()
                .all(|r| r.width() <= 30 || r.trim().width() <= 30),
            "{rows:?}"
        );
        assert_eq!(super::hanging("", 10, 40), [""]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        use unicode_width::UnicodeWidthStr;
        let lines = super::wrap(
            "データベース を 選ぶ 理由 を 書く 📦📦 done and more words here",
            Some(24),
        );
        assert!(lines.iter().all(|l| l.width() <= 24), "{lines:?}");
        assert!(lines.len() > 1);
        // A sentence without spaces breaks between its characters.
        let japanese = super::wrap(
            "決定の記録をチームで共有し、レビューの日付を決めます。",
            Some(24),
        );
        assert!(japanese.iter().all(|l| l.width() <= 24), "{japanese:?}");
        assert_eq!(japanese.len(), 3, "{japanese:?}");
    }

    #[test]
    fn escape_sequences_from_files_are_shown_not_sent() {
        let cases = [
            ("plain title", false, "plain title"),
            ("two\nlines\tand a tab", false, "two\nlines\tand a tab"),
            ("a\u{1b}]0;pwned\u{7}b", false, "a\\u{1b}]0;pwned\\u{7}b"),
            (
                "clip\u{1b}]52;c;ZXZpbA==\u{7}",
                true,
                "clip\\u{1b}]52;c;ZXZpbA==\\u{7}",
            ),
            ("over\rwrite", false, "over\\u{d}write"),
            ("crlf\r\n", false, "crlf\r\n"),
            ("\u{1b}[1mbold\u{1b}[0m", true, "\u{1b}[1mbold\u{1b}[0m"),
            ("\u{1b}[1mbold\u{1b}[0m", false, "\\u{1b}[1mbold\\u{1b}[0m"),
            ("c1 \u{9b}2J", false, "c1 \\u{9b}2J"),
            // Colour codes from a file: concealed text, whatever the colour setting.
            (
                "\u{1b}[8mHIDDEN\u{1b}[0m",
                false,
                "\\u{1b}[8mHIDDEN\\u{1b}[0m",
            ),
            (
                "\u{1b}[30;40mblack on black",
                false,
                "\\u{1b}[30;40mblack on black",
            ),
            // Other escape sequences: cursor moves, erasing, a DCS string, a bare ESC.
            ("\u{1b}[2A\u{1b}[Jgone", true, "\\u{1b}[2A\\u{1b}[Jgone"),
            ("\u{1b}P1$r\u{1b}\\", true, "\\u{1b}P1$r\\u{1b}\\"),
            ("esc\u{1b}", true, "esc\\u{1b}"),
            (
                "del\u{7f} nul\u{0} bs\u{8}",
                false,
                "del\\u{7f} nul\\u{0} bs\\u{8}",
            ),
            (
                "c1 csi \u{9b}8m, osc \u{9d}0;x",
                true,
                "c1 csi \\u{9b}8m, osc \\u{9d}0;x",
            ),
            // Bidi overrides and isolates show what they are; the marks a right-to-left
            // title needs stay.
            ("invoice\u{202e}fdp.exe", false, "invoice\\u{202e}fdp.exe"),
            (
                "\u{202a}a\u{202b}b\u{202c}c\u{202d}d",
                true,
                "\\u{202a}a\\u{202b}b\\u{202c}c\\u{202d}d",
            ),
            (
                "\u{2066}x\u{2067}y\u{2068}z\u{2069}",
                false,
                "\\u{2066}x\\u{2067}y\\u{2068}z\\u{2069}",
            ),
            (
                "שלום\u{200f} (v2)\u{200e}",
                false,
                "שלום\u{200f} (v2)\u{200e}",
            ),
            ("ünïcödé ✔ 📦", false, "ünïcödé ✔ 📦"),
        ];
        for (text, colours, expected) in cases {
            assert_eq!(for_terminal(text, colours), expected, "{text:?}");
        }
    }

    /// A success line wider than the terminal breaks between words, never inside a path.
    #[test]
    fn a_long_success_line_breaks_before_the_path() {
        let wrote = "Wrote docs/decisions/0001-choose-the-queue-for-order-events.md";
        assert_eq!(
            super::fitted(wrote, Some(60)),
            "Wrote\n  docs/decisions/0001-choose-the-queue-for-order-events.md"
        );
        assert_eq!(super::fitted(wrote, Some(120)), wrote);
        assert_eq!(super::fitted(wrote, None), wrote);
        // A path no line can hold is left for the terminal to wrap.
        assert_eq!(super::fitted(wrote, Some(40)), wrote);
    }

    #[test]
    fn text_wraps_at_words_within_the_width() {
        assert_eq!(super::wrap("one two three", None), ["one two three"]);
        let wrapped = super::wrap("alpha beta gamma delta epsilon zeta eta theta", Some(25));
        assert_eq!(
            wrapped,
            ["alpha beta gamma delta", "epsilon zeta eta theta"]
        );
    }

    #[test]
    fn a_quote_that_answers_a_question_comes_with_it() {
        let library = Library::embedded().unwrap();
        let answer = library.get("wrong-call-ok").unwrap();
        let lines = super::passage_lines(answer, &library);
        assert_eq!(
            lines,
            [
                "Thuan: \"But what if I make the wrong call?\"",
                "\"You will. Regularly. And that's OK.\" (Alex, ep. 12 \"From Senior Dev to Tech Lead\")"
            ]
        );
        let plain = library.get("seventy-percent-rule").unwrap();
        assert_eq!(super::passage_lines(plain, &library).len(), 1);
    }

    /// A passage that quotes someone is not put in double quotes again: its own stay as
    /// they are, inside single ones.
    #[test]
    fn a_quote_with_quotes_inside_does_not_nest_them() {
        let library = Library::embedded().unwrap();
        let undo = library.get("undo-test").unwrap();
        let lines = super::passage_lines(undo, &library);
        assert_eq!(
            lines.last().unwrap(),
            &format!(
                "'{}' (Alex, ep. 12 \"From Senior Dev to Tech Lead\")",
                undo.quote
            )
        );
        for passage in library.all() {
            let line = super::passage_lines(passage, &library).pop().unwrap();
            let opens = if passage.quote.contains('"') {
                '\''
            } else {
                '"'
            };
            assert!(line.starts_with(opens), "{line}");
            assert!(line.contains(passage.quote.as_str()), "{line}");
        }
    }

    #[test]
    fn a_verdict_shows_its_warnings_before_its_quote() {
        let assessment = Assessment {
            framework: "look-back",
            title: "Looking back",
            kind: "held-up",
            verdict: "It held up".into(),
            reasoning: "Why it held up.".into(),
            passages: vec!["write-things-down"],
            stance: crate::coach::outcome::Stance::Decided,
            warnings: vec![crate::coach::Warning {
                id: "signal-seen-but-held-up",
                text: "Say which it is.".into(),
                check_first: true,
                hint: None,
            }],
            facts: serde_json::Map::new(),
        };
        let library = Library::embedded().unwrap();
        let text = verdict_text(&assessment, &library, &mut Vec::new());
        let warning = text.find("Warning: Say which it is.").expect(&text);
        let quote = text.find("\"Write things down.").expect(&text);
        assert!(
            text.find("Why it held up.").unwrap() < warning && warning < quote,
            "{text}"
        );
    }
}
