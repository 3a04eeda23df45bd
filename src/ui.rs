//! What people read on stderr: coaching verdicts, quoted passages, notes. Colour follows
//! `--color`, `NO_COLOR`/`CLICOLOR`, and is off when stderr is not a terminal.

use std::io::IsTerminal;

use console::style;

use crate::coach::Assessment;
use crate::passages::{Library, Passage};

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

/// A verdict as the coach says it, with the first passage behind it that `shown` does not
/// hold yet (a quote is given once per session, not with every verdict).
pub(crate) fn verdict_text(
    assessment: &Assessment,
    library: &Library,
    shown: &mut Vec<String>,
) -> String {
    let mut text = format!(
        "\n  {} {}\n{}\n",
        style("▸").cyan().for_stderr(),
        style(format!("{}: {}", assessment.title, assessment.verdict))
            .bold()
            .for_stderr(),
        indented(&assessment.reasoning, 4, terminal_width())
    );
    let fresh = assessment
        .passages
        .iter()
        .filter(|id| !shown.iter().any(|s| s == *id))
        .find_map(|id| library.get(id));
    if let Some(passage) = fresh {
        shown.push(passage.id.clone());
        text.push_str(&quote_text(passage, library));
    }
    text
}

/// A passage quoted for the terminal: "…" (Alex, ep. 12, Section).
pub(crate) fn quote_text(passage: &Passage, library: &Library) -> String {
    let episode = library
        .episode(passage.episode)
        .map(|e| format!("ep. {} \"{}\"", e.number, e.title))
        .unwrap_or_else(|| format!("ep. {}", passage.episode));
    let quoted = format!("\"{}\" ({}, {})", passage.quote, passage.speaker, episode);
    let lines: Vec<String> = indented(&quoted, 4, terminal_width())
        .lines()
        .map(|line| style(line).dim().italic().for_stderr().to_string())
        .collect();
    format!("{}\n", lines.join("\n"))
}

/// The width to wrap coaching text at: the terminal's, when stderr is one.
fn terminal_width() -> Option<usize> {
    console::Term::stderr()
        .size_checked()
        .map(|(_, columns)| usize::from(columns))
}

/// `text` indented by `indent` spaces, wrapped at word boundaries to fit `width` (when
/// known), so a quote does not break mid-word at the terminal's edge. Widths are display
/// columns (a CJK character takes two), and a run wider than the line, such as a Japanese
/// sentence written without spaces, breaks between characters.
pub(crate) fn indented(text: &str, indent: usize, width: Option<usize>) -> String {
    let pad = " ".repeat(indent);
    let Some(width) = width.filter(|w| *w > indent + 20) else {
        return format!("{pad}{text}");
    };
    let room = width - indent - 1;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let word_width = crate::table::width(word);
        if used > 0 && used + 1 + word_width > room {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        if word_width <= room {
            line.push_str(word);
            used += word_width;
            continue;
        }
        for c in word.chars() {
            let c_width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + c_width > room {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += c_width;
        }
    }
    lines.push(line);
    lines
        .iter()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub(crate) fn note(message: &str) {
    eprintln!("{}", style(message).dim().for_stderr());
}

pub(crate) fn success(message: &str) {
    eprintln!("{} {message}", style("✔").green().for_stderr());
}

pub(crate) fn error(message: &str) {
    eprintln!("{} {message}", style("error:").red().bold().for_stderr());
}

pub(crate) fn warning(message: &str) {
    eprintln!(
        "{} {message}",
        style("warning:").yellow().bold().for_stderr()
    );
}

#[cfg(test)]
mod tests {
    use super::indented;

    #[test]
    fn text_wraps_at_words_within_the_width() {
        assert_eq!(indented("one two three", 2, None), "  one two three");
        let wrapped = indented("alpha beta gamma delta epsilon zeta eta theta", 4, Some(30));
        assert_eq!(
            wrapped,
            "    alpha beta gamma delta\n    epsilon zeta eta theta"
        );
        assert!(wrapped.lines().all(|l| l.chars().count() < 30));
        let japanese = indented(
            "決定の記録をチームで共有し、レビューの日付を決めます。",
            2,
            Some(24),
        );
        assert!(
            japanese
                .lines()
                .all(|l| crate::table::width(l) < 24 && crate::table::width(l) > 10),
            "{japanese}"
        );
    }
}
