//! Findings for machines: GitHub workflow annotations (`::error file=…,line=…::…`), which
//! GitHub shows on the changed line of a pull request, and JSON for any other tool. Used by
//! `decide lint --format` and `decide review --check --format`.

use std::path::Path;

use serde::Serialize;

/// How `lint` and `review` print what they found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub(crate) enum ReportFormat {
    /// One line per finding, `path:line: severity: what (hint: how)`.
    #[default]
    Text,
    /// GitHub Actions workflow commands: an annotation per finding.
    Github,
    /// One JSON document.
    Json,
}

/// An annotation's level: GitHub's three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Level {
    Error,
    Warning,
    Notice,
}

impl Level {
    fn command(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Notice => "notice",
        }
    }
}

/// One finding as a workflow command. Paths use `/`, as GitHub matches them against the
/// repository's files; the text is escaped so a newline or `::` in a record's title cannot
/// start a command of its own.
pub(crate) fn github(
    level: Level,
    path: &Path,
    line: Option<usize>,
    title: &str,
    message: &str,
) -> String {
    let file = path.to_string_lossy().replace('\\', "/");
    let mut properties = format!("file={}", property(&file));
    if let Some(line) = line {
        properties.push_str(&format!(",line={line}"));
    }
    properties.push_str(&format!(",title={}", property(title)));
    format!("::{} {properties}::{}\n", level.command(), data(message))
}

/// A workflow command's message: `%`, CR and LF escaped.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: also `:` and `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_what_would_start_a_command() {
        let cases = [
            (
                Level::Error,
                Some(5),
                "decide lint",
                "unknown status `maybe`",
                "::error file=doc/adr/0001-a.md,line=5,title=decide lint::unknown status `maybe`\n",
            ),
            (
                Level::Warning,
                None,
                "a, b: c",
                "100% done\n::error::injected",
                "::warning file=doc/adr/0001-a.md,title=a%2C b%3A c::100%25 done%0A::error::injected\n",
            ),
        ];
        for (level, line, title, message, expected) in cases {
            assert_eq!(
                github(level, Path::new("doc/adr/0001-a.md"), line, title, message),
                expected
            );
        }
    }
}
