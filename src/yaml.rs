//! The one module that talks to the YAML library. Everything else sees typed values
//! and errors that point at `file:line:column`.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Kind, Location, Result};

pub(crate) use serde_yaml::Mapping;
pub(crate) use serde_yaml::Value;

/// Parse `text` (read from `path`) into `T`. Errors carry the position of the problem and
/// the `kind` the caller decides (a playbook typo and an answers-file typo exit differently).
pub(crate) fn parse<T: DeserializeOwned>(text: &str, path: &Path, kind: Kind) -> Result<T> {
    serde_yaml::from_str(text).map_err(|error| convert(&error, path, kind))
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
/// joined with ", ", null as "". Lines of the plain `key: value` form are read directly,
/// because the YAML library costs more than reading the file; anything else (quotes, lists,
/// block scalars) goes through the library. `first_line` is the line `text` starts on in
/// its file, so errors point at the right place.
pub(crate) fn flat_mapping(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<std::collections::BTreeMap<String, String>> {
    let mut plain = std::collections::BTreeMap::new();
    for line in text.lines() {
        match plain_pair(line) {
            Some((key, value)) => {
                plain.insert(key.to_string(), value.to_string());
            }
            None if line.trim().is_empty() || line.trim_start().starts_with('#') => {}
            None => return flat_mapping_slow(text, path, first_line),
        }
    }
    Ok(plain)
}

/// `key: value` where neither needs YAML's rules: no quotes, flow or block indicators,
/// anchors, tags, comments or nested `: `.
fn plain_pair(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let valid_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid_key || !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    let value = value.trim();
    let special_start = value.starts_with([
        '\'', '"', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '#', '-', '?', ',',
    ]);
    if special_start || value.contains(": ") || value.contains(" #") || value.ends_with(':') {
        return None;
    }
    // `~` and `null` are YAML's null; the library would read them as nothing.
    let value = if matches!(value, "~" | "null" | "Null" | "NULL") {
        ""
    } else {
        value
    };
    Some((key, value))
}

fn flat_mapping_slow(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<std::collections::BTreeMap<String, String>> {
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
        Value::Null => return Ok(std::collections::BTreeMap::new()),
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
        ];
        for (text, expected) in cases {
            let parsed = flat_mapping(text, path, 2).unwrap();
            let expected: std::collections::BTreeMap<String, String> = expected
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            assert_eq!(parsed, expected, "{text:?}");
        }
    }

    #[test]
    fn flat_mapping_errors_count_lines_in_the_file() {
        let error = flat_mapping("status: ok\nbad: [\n", Path::new("r.md"), 2).unwrap_err();
        assert!(error.to_string().starts_with("r.md:4:"), "{error}");
        assert_eq!(error.kind, Kind::Record);
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
