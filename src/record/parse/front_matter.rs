//! The YAML front matter between the `---` lines: where it ends, where each top-level key is
//! written (so an edit changes the line the reader read, never a guess), and its values.
//! Values come from [`crate::yaml`]; front matter that is not a mapping (`tag:General`) or
//! not valid YAML is read leniently, line by line, and reported, so the record's body is
//! still read.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Line, Problem, ProblemKind};
use crate::flat_map::FlatMap;
use crate::yaml;

/// Where the front matter ends.
pub(super) enum Block {
    None,
    /// An opening `---` and no closing line.
    Unclosed,
    /// `end` is the index of the closing `---` (or `...`) line.
    Closed {
        end: usize,
    },
}

pub(super) fn find(lines: &[Line<'_>]) -> Block {
    if lines
        .first()
        .is_none_or(|l| crate::text::trim_end(l.text) != "---")
    {
        return Block::None;
    }
    match lines[1..]
        .iter()
        .position(|l| matches!(crate::text::trim_end(l.text), "---" | "..."))
    {
        Some(index) => Block::Closed { end: index + 1 },
        None => Block::Unclosed,
    }
}

/// A top-level key as written: its line and where its value sits on that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Key {
    pub name: String,
    /// Counting from 1.
    pub line: usize,
    /// Byte offsets of the value within the line (empty when the value is on later lines).
    pub value: std::ops::Range<usize>,
}

/// A [`Key`] while the record's text is at hand: its name borrowed from the text, and
/// copied only for a record kept whole (edits need it; a log-wide `lint` or `graph`
/// finds the keys of ten thousand records for the duplicates and drops them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Written<'t> {
    pub name: &'t str,
    pub line: usize,
    pub value: std::ops::Range<usize>,
}

impl Written<'_> {
    pub(super) fn to_key(&self) -> Key {
        Key {
            name: self.name.to_string(),
            line: self.line,
            value: self.value.clone(),
        }
    }
}

/// What the front matter holds.
#[derive(Debug, Default)]
pub(super) struct Read<'t> {
    pub values: FlatMap,
    pub keys: Vec<Written<'t>>,
    pub problems: Vec<Problem>,
}

/// Read the lines between the `---` lines. `text` is the whole file. `with_keys`: find
/// where each key is written too (for edits and duplicate keys; a listing needs neither).
pub(super) fn read<'t>(text: &str, lines: &[Line<'t>], path: &Path, with_keys: bool) -> Read<'t> {
    let keys = if with_keys { keys(lines) } else { Vec::new() };
    let mut problems = duplicates(&keys);
    let first_line = lines.first().map_or(2, |l| l.number);
    let yaml_text = super::join_lines(text, lines);
    let values = match yaml::flat_mapping(yaml_text, path, first_line) {
        Ok(values) => values,
        Err(error) => {
            let not_a_mapping = error.message.contains("not a mapping");
            let (kind, message) = if not_a_mapping {
                (
                    ProblemKind::FrontMatterNotAMapping,
                    "the front matter is not YAML `key: value` pairs; read line by line"
                        .to_string(),
                )
            } else {
                (ProblemKind::FrontMatterInvalid, error.message.clone())
            };
            // A duplicate key is already reported; the YAML library's complaint about it
            // says nothing more.
            if kind != ProblemKind::FrontMatterInvalid || problems.is_empty() {
                problems.push(Problem {
                    kind,
                    line: error
                        .location
                        .as_ref()
                        .and_then(|l| l.line)
                        .or(Some(first_line)),
                    message,
                });
            }
            lenient(lines)
        }
    };
    Read {
        values,
        keys,
        problems,
    }
}

/// The keys at the mapping's own indentation (the first key line's), each once per line.
/// A key may be quoted (`"status": x`) or have spaces before its colon (`status : x`).
pub(super) fn keys<'t>(lines: &[Line<'t>]) -> Vec<Written<'t>> {
    let mut keys = Vec::with_capacity(lines.len());
    let mut indent = None;
    let mut block_scalar = None;
    for line in lines {
        let text = line.text;
        let trimmed = crate::text::trim_start(text);
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let this_indent = text.len() - trimmed.len();
        // Lines of a `|` or `>` block belong to the key above them.
        if let Some(block) = block_scalar {
            if this_indent > block {
                continue;
            }
            block_scalar = None;
        }
        let top = *indent.get_or_insert(this_indent);
        if this_indent != top {
            continue;
        }
        let Some((name, value)) = key_and_value(trimmed) else {
            continue;
        };
        let value_start = this_indent + value.start;
        let value_end = this_indent + value.end;
        if value_end > value_start && matches!(text.as_bytes()[value_start], b'|' | b'>') {
            block_scalar = Some(this_indent);
        }
        keys.push(Written {
            name,
            line: line.number,
            value: value_start..value_end,
        });
    }
    keys
}

/// `key: value`, `"key": value`, `key : value` → the key and the value's byte range in
/// `text`, without a trailing comment.
///
/// Byte by byte: a log-wide lint finds the keys of ten thousand front matters.
fn key_and_value(text: &str) -> Option<(&str, std::ops::Range<usize>)> {
    let bytes = text.as_bytes();
    let (name, after_key) = match *bytes.first()? {
        quote @ (b'"' | b'\'') => {
            let close = memchr::memchr(quote, &bytes[1..])? + 1;
            (&text[1..close], close + 1)
        }
        b'-' | b'[' | b'{' | b'?' | b'&' | b'*' | b'!' | b'|' | b'>' => return None,
        _ => {
            let colon = memchr::memchr(b':', bytes)?;
            (crate::text::trim_end(&text[..colon]), colon)
        }
    };
    let rest = &text[after_key..];
    let colon = after_key + rest.len() - crate::text::trim_start(rest).len();
    if bytes.get(colon) != Some(&b':')
        || name.is_empty()
        || name.bytes().any(|b| matches!(b, b'"' | b'\'' | b'#'))
    {
        return None;
    }
    let after_colon = &text[colon + 1..];
    if !(after_colon.is_empty() || after_colon.starts_with([' ', '\t'])) {
        return None;
    }
    let start = colon + 1 + (after_colon.len() - crate::text::trim_start(after_colon).len());
    let mut end = text.len();
    // A comment ends the value; a quoted value ends at its closing quote.
    match bytes.get(start) {
        Some(&quote @ (b'"' | b'\'')) => {
            if let Some(close) = memchr::memchr(quote, &bytes[start + 1..]) {
                end = start + 1 + close + 1;
            }
        }
        _ => {
            // Bytes: a substring search would be set up anew for every key of every record.
            if let Some(hash) = bytes[start..].windows(2).position(|pair| pair == b" #") {
                end = start + hash;
            }
        }
    }
    let end = start + crate::text::trim_end(&text[start..end]).len();
    Some((name, start..end))
}

fn duplicates(keys: &[Written<'_>]) -> Vec<Problem> {
    // A front matter has a dozen keys: looking back along them costs less than a map,
    // which a log-wide lint would build ten thousand times. A long one gets the map, so a
    // hostile record cannot make this quadratic.
    const LOOK_BACK: usize = 32;
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for (index, key) in keys.iter().enumerate() {
        let earlier = if keys.len() <= LOOK_BACK {
            keys[..index]
                .iter()
                .rfind(|other| other.name == key.name)
                .map(|other| other.line)
        } else {
            seen.insert(key.name, key.line)
        };
        if let Some(first) = earlier {
            problems.push(Problem {
                kind: ProblemKind::DuplicateKey,
                line: Some(key.line),
                message: format!(
                    "the front matter has `{}` twice (lines {first} and {})",
                    key.name, key.line
                ),
            });
        }
    }
    problems
}

/// `key: value` and `key:value` lines, values unquoted: what a person reading the block
/// would take from it when YAML cannot. Later lines win, as in most YAML readers.
fn lenient(lines: &[Line<'_>]) -> FlatMap {
    let mut values = FlatMap::default();
    for line in lines {
        let text = line.text.trim();
        let Some((key, value)) = text.split_once(':') else {
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']);
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        {
            continue;
        }
        let value = value.trim().trim_matches(['"', '\'']).trim();
        values.push(key, value);
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        super::super::split_lines(text)
    }

    /// A short front matter is looked back along, a long one goes through a map: both
    /// name the same lines.
    #[test]
    fn a_key_written_again_is_reported_with_the_line_before_it() {
        for filler in [0, 40] {
            let mut text: String = (0..filler).map(|n| format!("key{n}: x\n")).collect();
            text.push_str(
                "status: accepted\ndate: 2026-01-02\nstatus: proposed\nstatus: rejected\n",
            );
            let lines = lines(&text);
            let found: Vec<(Option<usize>, String)> = duplicates(&keys(&lines))
                .into_iter()
                .map(|p| (p.line, p.message))
                .collect();
            let at = |n: usize| filler + n;
            assert_eq!(
                found,
                [
                    (
                        Some(at(3)),
                        format!(
                            "the front matter has `status` twice (lines {} and {})",
                            at(1),
                            at(3)
                        )
                    ),
                    (
                        Some(at(4)),
                        format!(
                            "the front matter has `status` twice (lines {} and {})",
                            at(3),
                            at(4)
                        )
                    ),
                ],
                "{filler} other keys"
            );
        }
    }

    #[test]
    fn keys_are_found_where_they_are_written() {
        type Keys = &'static [(&'static str, usize, &'static str)];
        let cases: &[(&str, Keys)] = &[
            (
                "date: 2026-01-01\n\"status\": accepted\n",
                &[("date", 1, "2026-01-01"), ("status", 2, "accepted")],
            ),
            ("status : proposed\n", &[("status", 1, "proposed")]),
            (
                "  date: x\n  status: 'on hold' # why\n",
                &[("date", 1, "x"), ("status", 2, "'on hold'")],
            ),
            (
                "tags:\n  - a\n  - status: no\nstatus: yes\n",
                &[("tags", 1, ""), ("status", 4, "yes")],
            ),
            (
                "summary: |\n  status: inside\nstatus: real\n",
                &[("summary", 1, "|"), ("status", 3, "real")],
            ),
            ("tag:General\n", &[]),
            ("{status: x}\n", &[]),
        ];
        for (text, expected) in cases {
            let lines = lines(text);
            let found: Vec<(String, usize, String)> = keys(&lines)
                .into_iter()
                .map(|k| {
                    let line = lines[k.line - 1].text;
                    (k.name.to_string(), k.line, line[k.value].to_string())
                })
                .collect();
            let expected: Vec<(String, usize, String)> = expected
                .iter()
                .map(|(k, l, v)| (k.to_string(), *l, v.to_string()))
                .collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn duplicate_keys_and_non_mappings_are_problems_not_failures() {
        let text = "status: accepted\nstatus: rejected\n";
        let found = read(text, &lines(text), Path::new("r.md"), true);
        assert_eq!(found.problems.len(), 1, "{:?}", found.problems);
        assert_eq!(found.problems[0].kind, ProblemKind::DuplicateKey);
        assert_eq!(found.problems[0].line, Some(2));

        let text = "tag:Web App\n";
        let found = read(text, &lines(text), Path::new("r.md"), true);
        assert_eq!(found.problems[0].kind, ProblemKind::FrontMatterNotAMapping);
        assert_eq!(found.values.get("tag"), Some("Web App"));
    }
}
