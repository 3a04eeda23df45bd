//! Errors a user can act on: what went wrong, where, and how to fix it, on one line,
//! with an exit code documented in the README and in `decide --help`.

use std::fmt;
use std::path::{Path, PathBuf};

/// Exit codes. They are part of the interface: scripts and CI depend on them.
pub(crate) mod exit {
    /// Everything worked.
    pub(crate) const OK: u8 = 0;
    /// The command ran and found problems: lint errors, overdue reviews.
    pub(crate) const FINDINGS: u8 = 1;
    /// The command line is wrong, or `new` has no terminal and no `--answers`.
    pub(crate) const USAGE: u8 = 2;
    /// An answer (from a file or the prompt) is missing, unknown or of the wrong type.
    pub(crate) const ANSWERS: u8 = 3;
    /// A playbook, passage file, template or config is invalid.
    pub(crate) const CONTENT: u8 = 4;
    /// The decision log or a file could not be read or written.
    pub(crate) const FILE_SYSTEM: u8 = 5;
    /// A record named on the command line does not exist or cannot be parsed.
    pub(crate) const RECORD: u8 = 6;
    /// Interrupted with Ctrl-C (128 + SIGINT, as shells do).
    pub(crate) const INTERRUPTED: u8 = 130;
}

/// What kind of failure this is; decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Usage,
    Answers,
    Content,
    FileSystem,
    Record,
    Interrupted,
}

impl Kind {
    pub(crate) fn exit_code(self) -> u8 {
        match self {
            Kind::Usage => exit::USAGE,
            Kind::Answers => exit::ANSWERS,
            Kind::Content => exit::CONTENT,
            Kind::FileSystem => exit::FILE_SYSTEM,
            Kind::Record => exit::RECORD,
            Kind::Interrupted => exit::INTERRUPTED,
        }
    }
}

/// A place in a file, printed compiler-style as `path:line:column`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Location {
    pub(crate) fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: None,
            column: None,
        }
    }

    pub(crate) fn at(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A file name may hold a line break: shown as one, it would split the line this
        // location starts into two, and the repository would write the second.
        write!(f, "{}", on_one_line(&self.path.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Error {
    pub kind: Kind,
    pub location: Option<Location>,
    pub message: String,
    pub hint: Option<String>,
}

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            location: None,
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Error::new(Kind::Usage, message)
    }

    pub(crate) fn answers(message: impl Into<String>) -> Self {
        Error::new(Kind::Answers, message)
    }

    pub(crate) fn content(message: impl Into<String>) -> Self {
        Error::new(Kind::Content, message)
    }

    pub(crate) fn record(message: impl Into<String>) -> Self {
        Error::new(Kind::Record, message)
    }

    pub(crate) fn interrupted() -> Self {
        Error::new(Kind::Interrupted, "interrupted")
    }

    /// An I/O failure on `path`, phrased as "could not ACTION PATH: REASON".
    pub(crate) fn io(action: &str, path: &Path, source: &std::io::Error) -> Self {
        let hint = match source.kind() {
            std::io::ErrorKind::NotFound => Some("check the path exists".to_string()),
            std::io::ErrorKind::PermissionDenied => {
                Some("check the permissions of the file and its directory".to_string())
            }
            std::io::ErrorKind::ReadOnlyFilesystem => Some(
                "the file system is read-only; choose another directory with --dir".to_string(),
            ),
            _ => None,
        };
        Error {
            kind: Kind::FileSystem,
            location: Some(Location::file(path)),
            message: format!("could not {action}: {}", plain_io_reason(source)),
            hint,
        }
    }

    pub(crate) fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub(crate) fn in_file(self, path: impl Into<PathBuf>) -> Self {
        self.at(Location::file(path))
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn exit_code(&self) -> u8 {
        self.kind.exit_code()
    }
}

/// `std::io::Error`'s Display appends "(os error 2)" and capitalises; a reason reads better
/// mid-sentence without either.
fn plain_io_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    let text = match text.find(" (os error") {
        Some(index) => &text[..index],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        // Messages are single-line by contract; fold any stray newline from a library error.
        write!(f, "{}", one_line(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {})", one_line(hint))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` (a path, a value from a file) with every line break shown as `\u{a}`, so it
/// stays on the line it is printed in: a diagnostic is one line, and a line that a file's
/// name or text began could be read as a diagnostic of its own, or as a command by what
/// reads the output (a GitHub Actions runner takes `::error::` at the start of any line
/// of a step's output as an annotation).
pub(crate) fn on_one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let breaks = |c: char| {
        matches!(
            c,
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
    if !text.contains(breaks) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if breaks(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}
