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
    // A named warning belongs to the verdict it qualifies, on screen as in the record.
    for warning in &assessment.warnings {
        let line = indented(&format!("! {}", warning.text), 4, terminal_width());
        text.push_str(&format!("{}\n", style(line).yellow().for_stderr()));
    }
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
    // An answer keeps its meaning with the question it answers: both, as they were said.
    let quoted = match &passage.asked {
        Some(asked) => format!(
            "{}: \"{}\" {}: \"{}\" ({episode})",
            asked.speaker, asked.quote, passage.speaker, passage.quote
        ),
        None => format!("\"{}\" ({}, {episode})", passage.quote, passage.speaker),
    };
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
/// known), so a quote does not break mid-word at the terminal's edge.
pub(crate) fn indented(text: &str, indent: usize, width: Option<usize>) -> String {
    let pad = " ".repeat(indent);
    let Some(width) = width.filter(|w| *w > indent + 20) else {
        return format!("{pad}{text}");
    };
    let room = width - indent - 1;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
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
    use super::{Assessment, Library, indented, verdict_text};

    #[test]
    fn text_wraps_at_words_within_the_width() {
        assert_eq!(indented("one two three", 2, None), "  one two three");
        let wrapped = indented("alpha beta gamma delta epsilon zeta eta theta", 4, Some(30));
        assert_eq!(
            wrapped,
            "    alpha beta gamma delta\n    epsilon zeta eta theta"
        );
        assert!(wrapped.lines().all(|l| l.chars().count() < 30));
    }

    #[test]
    fn a_quote_that_answers_a_question_comes_with_it() {
        let library = Library::embedded().unwrap();
        let answer = library.get("wrong-call-ok").unwrap();
        assert_eq!(
            super::quote_text(answer, &library),
            "    Thuan: \"But what if I make the wrong call?\" Alex: \"You will. Regularly. And that's OK.\" (ep. 12 \"From Senior Dev to Tech Lead\")\n"
        );
        let plain = library.get("seventy-percent-rule").unwrap();
        assert!(
            super::quote_text(plain, &library)
                .starts_with("    \"If you have 70% of the information you need"),
        );
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
            }],
            facts: serde_json::Map::new(),
        };
        let library = Library::embedded().unwrap();
        let text = verdict_text(&assessment, &library, &mut Vec::new());
        let warning = text.find("    ! Say which it is.").expect(&text);
        let quote = text.find("\"Write things down.").expect(&text);
        assert!(
            text.find("Why it held up.").unwrap() < warning && warning < quote,
            "{text}"
        );
    }
}
