//! The one module that talks to the YAML library. Everything else sees typed values
//! and errors that point at `file:line:column`.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Kind, Location, Result};

pub use serde_yaml::Mapping;
pub use serde_yaml::Value;

/// Parse `text` (read from `path`) into `T`. Errors carry the position of the problem and
/// the `kind` the caller decides (a playbook typo and an answers-file typo exit differently).
pub fn parse<T: DeserializeOwned>(text: &str, path: &Path, kind: Kind) -> Result<T> {
    serde_yaml::from_str(text).map_err(|error| convert(&error, path, kind))
}

/// Parse a document into a generic value, for callers that inspect keys themselves.
pub fn parse_value(text: &str, path: &Path, kind: Kind) -> Result<Value> {
    parse(text, path, kind)
}

/// Convert an already-parsed value into `T`; used for the answers file, whose shape
/// depends on the playbook.
pub fn from_value<T: DeserializeOwned>(value: Value) -> std::result::Result<T, String> {
    serde_yaml::from_value(value).map_err(|error| strip_position(&error.to_string()))
}

pub fn to_string<T: Serialize>(value: &T) -> String {
    // Serialising our own plain data types cannot fail; an error here is a bug.
    serde_yaml::to_string(value).expect("serialising plain data to YAML")
}

pub fn to_value<T: Serialize>(value: &T) -> Value {
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
pub fn describe(value: &Value) -> String {
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
