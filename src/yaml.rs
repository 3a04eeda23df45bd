//! The one module that talks to the YAML library. Everything else sees typed values
//! and errors that point at `file:line:column`.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Kind, Location, Result};
use crate::flat_map::FlatMap;

pub(crate) use serde_yaml::Mapping;
pub(crate) use serde_yaml::Value;

/// Parse `text` (read from `path`) into `T`. Errors carry the position of the problem and
/// the `kind` the caller decides (a playbook typo and an answers-file typo exit differently).
pub(crate) fn parse<T: DeserializeOwned>(text: &str, path: &Path, kind: Kind) -> Result<T> {
    check_nesting(text).map_err(|problem| problem.error(path, 0, kind))?;
    serde_yaml::from_str(text).map_err(|error| convert(&error, path, kind))
}

/// How deep YAML may nest, block indentation and `[`/`{` together. Nothing `decide` reads
/// comes near it (a playbook nests about six levels); a hostile file nests thousands deep.
pub(crate) const MAX_NESTING: usize = 32;

/// Where a document nests too deeply, found before the YAML library sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TooDeep {
    /// Counting from 1.
    line: usize,
    /// Byte offset in the line.
    offset: usize,
    flow: bool,
}

impl TooDeep {
    fn error(&self, path: &Path, first_line: usize, kind: Kind) -> Error {
        let what = if self.flow {
            "brackets `[`/`{`"
        } else {
            "indented blocks"
        };
        Error::new(
            kind,
            format!("the YAML nests more than {MAX_NESTING} levels deep ({what})"),
        )
        .at(Location::at(
            path,
            self.line + first_line.saturating_sub(1),
            self.offset + 1,
        ))
        .hint("flatten the structure, or close the brackets")
    }
}

/// One linear pass over `text` that measures how deeply it nests, so a document of nothing
/// but `[[[[…` fails at once: the YAML library's time grows with the square of the depth
/// (80,000 `[` took 15 s), and its own limit only trips after that work.
///
/// The scan knows as much YAML as nesting needs: a `[` or `{` opens a collection only
/// where a value starts (or inside another flow collection), as do quotes, so `it's` and
/// `a [b` in plain text are text; comments and block scalars (`|`, `>`) are skipped.
fn check_nesting(text: &str) -> std::result::Result<(), TooDeep> {
    let mut scan = Nesting::default();
    for (index, line) in text.split('\n').enumerate() {
        scan.line(line.strip_suffix('\r').unwrap_or(line), index + 1)?;
    }
    Ok(())
}

#[derive(Default)]
struct Nesting {
    /// Indentation of the enclosing block lines, innermost last.
    indents: Vec<usize>,
    /// Open `[` and `{`.
    flow: usize,
    quote: Option<u8>,
    /// Inside a block scalar whose header line was indented this much.
    block_scalar: Option<usize>,
}

impl Nesting {
    fn line(&mut self, line: &str, number: usize) -> std::result::Result<(), TooDeep> {
        let bytes = line.as_bytes();
        let indent = bytes.iter().take_while(|&&b| b == b' ').count();
        let blank = indent == bytes.len() || bytes[indent] == b'#';
        if let Some(header) = self.block_scalar {
            if blank || indent > header {
                return Ok(());
            }
            self.block_scalar = None;
        }
        if blank && self.quote.is_none() {
            return Ok(());
        }
        let mut depth = 0;
        if self.flow == 0 && self.quote.is_none() {
            while self.indents.last().is_some_and(|&top| top > indent) {
                self.indents.pop();
            }
            if self.indents.last().is_none_or(|&top| top < indent) {
                self.indents.push(indent);
            }
            depth = self.indents.len();
        }
        let too_deep = |offset: usize, flow: bool| TooDeep {
            line: number,
            offset,
            flow,
        };
        let mut value_starts = true;
        let mut at = indent;
        while at < bytes.len() {
            let byte = bytes[at];
            if let Some(quote) = self.quote {
                match byte {
                    b'\\' if quote == b'"' => at += 1,
                    b'\'' if quote == b'\'' && bytes.get(at + 1) == Some(&b'\'') => at += 1,
                    _ if byte == quote => {
                        self.quote = None;
                        value_starts = false;
                    }
                    _ => {}
                }
                at += 1;
                continue;
            }
            let after_space = at == 0 || matches!(bytes[at - 1], b' ' | b'\t');
            let spaced = bytes.get(at + 1).is_none_or(|&b| b == b' ' || b == b'\t');
            match byte {
                b'#' if after_space => break,
                b' ' | b'\t' => {}
                b'[' | b'{' if value_starts || self.flow > 0 => {
                    self.flow += 1;
                    if depth + self.flow > MAX_NESTING {
                        return Err(too_deep(at, true));
                    }
                    value_starts = true;
                }
                b']' | b'}' if self.flow > 0 => {
                    self.flow -= 1;
                    value_starts = false;
                }
                b',' if self.flow > 0 => value_starts = true,
                b'\'' | b'"' if value_starts => self.quote = Some(byte),
                b'|' | b'>' if value_starts && self.flow == 0 => {
                    self.block_scalar = Some(indent);
                    break;
                }
                b'-' | b'?' | b':' if spaced && (value_starts || byte == b':') => {
                    // A compact `- - x` nests once per dash, as indentation would.
                    if byte != b':' && self.flow == 0 {
                        depth += 1;
                        if depth > MAX_NESTING {
                            return Err(too_deep(at, false));
                        }
                    }
                    value_starts = true;
                }
                _ => value_starts = false,
            }
            at += 1;
        }
        if depth > MAX_NESTING {
            return Err(too_deep(indent, false));
        }
        Ok(())
    }
}

/// Parse a document into a generic value, for callers that inspect keys themselves.
pub(crate) fn parse_value(text: &str, path: &Path, kind: Kind) -> Result<Value> {
    parse(text, path, kind)
}

/// Convert an already-parsed value into `T`; used for the answers file, whose shape
/// depends on the playbook.
pub(crate) fn from_value<T: DeserializeOwned>(value: Value) -> std::result::Result<T, String> {
    serde_yaml::from_value(value).map_err(|error| strip_position(&error.to_string()))
}

/// A flat mapping (a record's front matter) as text values: scalars as written, lists
/// joined with ", ", null as "". Lines of the plain `key: value` form, values in quotes
/// with nothing to unescape, and block lists of such values are read directly, because
/// the YAML library costs more than reading the file; anything else (escapes, flow
/// collections, block scalars, nesting) goes through the library. `first_line` is the line
/// `text` starts on in its file, so errors point at the right place.
pub(crate) fn flat_mapping(text: &str, path: &Path, first_line: usize) -> Result<FlatMap> {
    // Keys and values are parts of the text, and a list's ", " is no longer than the
    // "- " and line end it replaces: the text's length is room enough.
    let mut plain = FlatMap::with_capacity(text.len());
    // Whether the value pushed last is a block list being read, and its items'
    // indentation once known.
    let mut list: Option<Option<usize>> = None;
    for line in crate::text::lines(text) {
        if let Some(indent) = &mut list
            && let Some(item) = line.trim_start().strip_prefix("- ")
        {
            let at = line.len() - line.trim_start().len();
            let Some(value) = simple_scalar(item.trim()).filter(|v| !v.is_empty()) else {
                return flat_mapping_slow(text, path, first_line);
            };
            if indent.is_some_and(|i| i != at) {
                return flat_mapping_slow(text, path, first_line);
            }
            *indent = Some(at);
            plain.append_to_last(value);
            continue;
        }
        list = None;
        match plain_pair(line) {
            Some((key, value)) => {
                // `key:` and nothing after it: a block list may follow. (A value cannot
                // end with `:`, so only an empty one needs the line looked at.)
                if value.is_empty() && line.trim_end().ends_with(':') {
                    list = Some(None);
                }
                plain.push(key, value);
            }
            None if line.trim().is_empty() || line.trim_start().starts_with('#') => {}
            None => return flat_mapping_slow(text, path, first_line),
        }
    }
    Ok(plain)
}

/// `key: value` where the value is a [`simple_scalar`] and the key a plain word.
fn plain_pair(line: &str) -> Option<(&str, &str)> {
    // The key's bytes lead to its colon: one pass, where splitting at the colon first
    // and checking the key after read it twice.
    let colon = line
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))?;
    if colon == 0 || line.as_bytes()[colon] != b':' {
        return None;
    }
    let (key, value) = (&line[..colon], &line[colon + 1..]);
    if !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    Some((key, simple_scalar(crate::text::trim(value))?))
}

/// A value that needs none of YAML's rules: plain text with no quotes, flow or block
/// indicators, anchors, tags, comments or nested `: `; or text in quotes with nothing to
/// unescape (no `\` in double quotes, no `'` in single ones).
///
/// Byte by byte: every front matter value of ten thousand records comes through here, and
/// the string helpers' general searches cost more than the value is long.
fn simple_scalar(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return Some(value);
    };
    if matches!(first, b'"' | b'\'') {
        if bytes.len() < 2 || last != first {
            return None;
        }
        let inner = &value[1..value.len() - 1];
        let escapes = inner
            .bytes()
            .any(|b| b == first || (first == b'"' && b == b'\\'));
        return (!escapes).then_some(inner);
    }
    let special_start = matches!(
        first,
        b'[' | b']'
            | b'{'
            | b'}'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'%'
            | b'@'
            | b'`'
            | b'#'
            | b'-'
            | b'?'
            | b','
    );
    // Only a colon or a `#` can start or end one of those: a vector search for either, and
    // a look beside each found (most values have none). A pass over every pair of bytes
    // cost more than the rest of a front matter line.
    let nested = memchr::memchr2_iter(b':', b'#', bytes).any(|at| match bytes[at] {
        b':' => bytes.get(at + 1) == Some(&b' '),
        _ => at > 0 && bytes[at - 1] == b' ',
    });
    if special_start || nested || last == b':' {
        return None;
    }
    // `~` and `null` are YAML's null; the library would read them as nothing.
    if matches!(value, "~" | "null" | "Null" | "NULL") {
        return Some("");
    }
    Some(value)
}

fn flat_mapping_slow(text: &str, path: &Path, first_line: usize) -> Result<FlatMap> {
    check_nesting(text).map_err(|problem| {
        problem
            .error(path, first_line, Kind::Record)
            .hint("fix the YAML between the `---` lines")
    })?;
    let value: Value = serde_yaml::from_str(text).map_err(|error| {
        let location = match error.location() {
            Some(at) => Location::at(path, at.line() + first_line - 1, at.column()),
            None => Location::file(path),
        };
        Error::new(
            Kind::Record,
            format!("front matter: {}", strip_position(&error.to_string())),
        )
        .at(location)
        .hint("fix the YAML between the `---` lines")
    })?;
    let mapping = match value {
        Value::Mapping(mapping) => mapping,
        Value::Null => return Ok(FlatMap::default()),
        other => {
            return Err(Error::new(
                Kind::Record,
                format!("front matter is {}, not a mapping", describe(&other)),
            )
            .at(Location::at(path, first_line, 1))
            .hint("write it as `key: value` lines"));
        }
    };
    Ok(mapping
        .into_iter()
        .filter_map(|(key, value)| Some((scalar_text(&key)?, scalar_text(&value)?)))
        .collect())
}

/// A scalar as text; a list of scalars joined with ", "; nothing for a mapping.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => Some(String::new()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        Value::Sequence(items) => Some(
            items
                .iter()
                .filter_map(scalar_text)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Value::Mapping(_) => None,
        Value::Tagged(tagged) => scalar_text(&tagged.value),
    }
}

pub(crate) fn to_string<T: Serialize>(value: &T) -> String {
    // Serialising our own plain data types cannot fail; an error here is a bug.
    serde_yaml::to_string(value).expect("serialising plain data to YAML")
}

pub(crate) fn to_value<T: Serialize>(value: &T) -> Value {
    serde_yaml::to_value(value).expect("serialising plain data to YAML")
}

fn convert(error: &serde_yaml::Error, path: &Path, kind: Kind) -> Error {
    let location = match error.location() {
        Some(at) => Location::at(path, at.line(), at.column()),
        None => Location::file(path),
    };
    Error::new(kind, strip_position(&error.to_string())).at(location)
}

/// The library appends "at line L column C"; the location already says it.
fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}

/// Render a value the way a user would type it in YAML, on one line, for messages.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("{s:?}"),
        Value::Sequence(_) => "a list".to_string(),
        Value::Mapping(_) => "a mapping".to_string(),
        Value::Tagged(_) => "a tagged value".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Step {
        kind: String,
    }

    #[test]
    fn flat_mappings_read_plain_lines_and_defer_the_rest() {
        let path = Path::new("r.md");
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "status: accepted\ndate: 2026-11-26\n",
                &[("status", "accepted"), ("date", "2026-11-26")],
            ),
            (
                "decision-makers: Ana Lima (tech lead), Ben\n",
                &[("decision-makers", "Ana Lima (tech lead), Ben")],
            ),
            (
                "information-coverage: 75%\nreview-by:\n",
                &[("information-coverage", "75%"), ("review-by", "")],
            ),
            ("status: 'a: b'\n", &[("status", "a: b")]),
            ("deciders: [Ana, Ben]\n", &[("deciders", "Ana, Ben")]),
            ("deciders:\n  - Ana\n  - Ben\n", &[("deciders", "Ana, Ben")]),
            (
                "status: \"superseded by [ADR-0005](0005-x.md)\"\n",
                &[("status", "superseded by [ADR-0005](0005-x.md)")],
            ),
            ("x: ~\n# comment\n", &[("x", "")]),
            // A comment after the value goes to the library; a `#` inside a word does not.
            ("status: accepted # for now\n", &[("status", "accepted")]),
            ("title: C# or F#\n", &[("title", "C# or F#")]),
        ];
        for (text, expected) in cases {
            let parsed = flat_mapping(text, path, 2).unwrap();
            let expected: FlatMap = expected.iter().copied().collect();
            assert_eq!(parsed, expected, "{text:?}");
        }
    }

    #[test]
    fn nested_indicators_are_found_as_a_pass_over_byte_pairs_finds_them() {
        for value in [
            "x",
            "x: y",
            "x:y",
            "x #y",
            "x#y",
            ": x",
            "x :",
            "#x",
            "x # ",
            "a:b:c d",
            "a: ",
            "é: x",
            "x é#",
            "x\u{a0}#y",
            "x:\u{a0}",
            "",
            ":",
            "#",
            " #",
            ": ",
        ] {
            let pairs = value
                .as_bytes()
                .windows(2)
                .any(|pair| matches!(pair, [b':', b' '] | [b' ', b'#']));
            let plain = !value.is_empty()
                && !value.ends_with(':')
                && !value.starts_with(['#', '-', '[', '{'])
                && !matches!(value, "~" | "null" | "Null" | "NULL");
            if plain {
                assert_eq!(simple_scalar(value).is_none(), pairs, "{value:?}");
            }
        }
    }

    #[test]
    fn the_direct_reading_agrees_with_the_yaml_library() {
        let path = Path::new("r.md");
        for text in [
            "id: 0008-x\ntitle: \"Validate at Startup\"\nstatus: Accepted\n",
            "title: 'It''s done'\n",
            "title: \"a \\\"quoted\\\" word\"\n",
            "title: \"\"\nstatus: ''\n",
            "author:\n  - \"Kim Ode\"\n  - Bo\ncreated: 2025-09-15\ntags:\n  - \"startup\"\n",
            "tags:\n- a\n- b\n",
            "tags:\n  - a\n    - b\n",
            "summary: \"one: two # three\"\n",
            "status: \"superseded by ADR-0010\"\ndate: 2020-01-01\n",
            "key:\nother: x\n",
            "a: \"\nb: '\nc: \"x\nd: 'x'y'\ne: x'\n",
            "a: ~\nb: null\nc: 75%\nd: Ana Lima (tech lead), Ben Okafor\ne: ''\n",
            "a: -1\nb: [x]\nc: x:\nd: é\ne: \"C:\\\\x\"\n",
            "ké: y\nk-1_2: v\nkey:x\na b: c\n_: d\n",
            "k: ''\n- x\n",
            "k:\n- x\nj: ''\n",
            "a: x#y\nb: x:y\nc: http://x.y/z#w\nd: a:b#c d\n",
            "a: x: y\n",
            "a: x #c\n",
        ] {
            assert_eq!(
                flat_mapping(text, path, 2).ok(),
                flat_mapping_slow(text, path, 2).ok(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn flat_mapping_errors_count_lines_in_the_file() {
        let error = flat_mapping("status: ok\nbad: [\n", Path::new("r.md"), 2).unwrap_err();
        assert!(error.to_string().starts_with("r.md:4:"), "{error}");
        assert_eq!(error.kind, Kind::Record);
    }

    #[test]
    fn nesting_is_measured_before_parsing() {
        let deep_block: String = (0..40)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        let deep_dashes = format!("x:\n{}a\n", "- ".repeat(40));
        // (text, where it is too deep: line, column, in brackets)
        type Case = (String, Option<(usize, usize, bool)>);
        let cases: Vec<Case> = vec![
            (
                "title: [[[[".to_string() + &"[".repeat(80_000),
                Some((1, 8 + 31, true)),
            ),
            (
                "a: 1\nb: {".to_string() + &"{".repeat(50),
                Some((2, 4 + 31, true)),
            ),
            (deep_block, Some((33, 33, false))),
            (deep_dashes, Some((2, 1 + 2 * 31, false))),
            // Text that only looks like nesting.
            (format!("title: it's {}\n", "[".repeat(100)), None),
            (format!("title: '{}'\n", "[".repeat(100)), None),
            (
                format!("title: \"{}\\\" {}\"\n", "{".repeat(50), "[".repeat(50)),
                None,
            ),
            (
                format!("context: |\n  {}\n  more\nnext: x\n", "[".repeat(100)),
                None,
            ),
            (
                format!(
                    "context: >-\n  {}\n\n  {}\n",
                    "{".repeat(60),
                    "[".repeat(60)
                ),
                None,
            ),
            (
                format!("# {}\nkey: value # {}\n", "[".repeat(99), "{".repeat(99)),
                None,
            ),
            (
                format!(
                    "a: ['it''s', \"b\", [c, {{d: e}}]]\nb: {}\n",
                    "x[".repeat(90)
                ),
                None,
            ),
            (
                "options:\n  - name: A\n    pros: [a, b]\n    cons:\n      - c\n".to_string(),
                None,
            ),
        ];
        for (text, expected) in cases {
            let found = check_nesting(&text)
                .err()
                .map(|e| (e.line, e.offset + 1, e.flow));
            assert_eq!(found, expected, "{}", &text[..text.len().min(60)]);
        }
    }

    #[test]
    fn deep_nesting_fails_fast_with_file_line_and_reason() {
        let text = format!("title: {}\n", "[".repeat(160_000));
        let error = parse_value(&text, Path::new("a.yaml"), Kind::Answers).unwrap_err();
        assert_eq!(error.kind, Kind::Answers);
        assert!(
            error
                .to_string()
                .starts_with("a.yaml:1:39: the YAML nests more than 32 levels deep"),
            "{error}"
        );
        let front = format!("status: ok\nx: {}\n", "{".repeat(40_000));
        let error = flat_mapping(&front, Path::new("r.md"), 2).unwrap_err();
        assert_eq!(error.kind, Kind::Record);
        assert!(error.to_string().starts_with("r.md:3:35: "), "{error}");
    }

    #[test]
    fn errors_point_at_line_and_column() {
        let text = "kind: text\nknd: oops\n";
        let error = parse::<Step>(text, Path::new("p.yaml"), Kind::Content).unwrap_err();
        let shown = error.to_string();
        assert!(
            shown.starts_with("p.yaml:2:1: unknown field `knd`"),
            "{shown}"
        );
        assert!(!shown.contains(" at line "), "{shown}");
    }
}
