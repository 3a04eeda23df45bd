//! The template engine (MiniJinja), used for records, messages, question defaults and
//! `when` conditions. Undefined variables are errors, so a misspelt name in a playbook or
//! template is reported with its file and line instead of rendering as nothing.

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Serialize;

use crate::embedded;
use crate::error::{Error, Location, Result};
use crate::yaml;

pub(crate) struct Templates {
    env: Environment<'static>,
    /// Where each template came from, for error messages.
    origins: BTreeMap<String, PathBuf>,
}

impl Templates {
    /// The templates shipped in the binary (`playbooks/templates/`).
    pub(crate) fn embedded() -> Result<Templates> {
        let mut templates = Templates {
            env: new_environment(),
            origins: BTreeMap::new(),
        };
        for &(path, source) in embedded::FILES {
            if let Some(name) = path.strip_prefix("templates/") {
                templates.add(
                    name,
                    source.to_string(),
                    PathBuf::from(format!("playbooks/{path}")),
                )?;
            }
        }
        Ok(templates)
    }

    /// Add (or replace) a template; syntax errors are reported against `origin`.
    pub(crate) fn add(&mut self, name: &str, source: String, origin: PathBuf) -> Result<()> {
        self.origins.insert(name.to_string(), origin.clone());
        self.env
            .add_template_owned(name.to_string(), source)
            .map_err(|error| convert(&error, Some(origin)))
    }

    /// Where in template `name` the first of `names` that is not `known` is used.
    pub(crate) fn locate_name(
        &self,
        name: &str,
        names: &[String],
        known: &std::collections::BTreeSet<&str>,
    ) -> Option<Location> {
        let unknown = names.iter().find(|n| !known.contains(n.as_str()))?;
        let source = self.env.get_template(name).ok()?.source().to_string();
        let origin = self.origins.get(name)?;
        source.lines().enumerate().find_map(|(index, line)| {
            line.match_indices(unknown.as_str())
                .find(|(at, _)| {
                    !line[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
                })
                .map(|(at, _)| Location::at(origin, index + 1, line[..at].chars().count() + 1))
        })
    }

    /// Each template's name and the file it came from.
    pub(crate) fn origins(&self) -> impl Iterator<Item = (&str, &std::path::Path)> {
        self.origins
            .iter()
            .map(|(name, path)| (name.as_str(), path.as_path()))
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.origins.contains_key(name)
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.origins.keys().map(String::as_str)
    }

    pub(crate) fn render(&self, name: &str, context: &impl Serialize) -> Result<String> {
        let template = self.env.get_template(name).map_err(|e| convert(&e, None))?;
        template
            .render(Value::from(minijinja::value::Serde(context)))
            .map_err(|error| convert(&error, self.origins.get(name).cloned()))
    }

    /// Render a small template held in a playbook field (a default, a title). `origin`
    /// names the field for error messages.
    pub(crate) fn render_str(
        &self,
        source: &str,
        context: &impl Serialize,
        origin: &str,
    ) -> Result<String> {
        self.env
            .render_str(source, Value::from(minijinja::value::Serde(context)))
            .map_err(|error| field_error(&error, origin))
    }

    /// Evaluate a `when` expression to true or false.
    pub(crate) fn is_true(
        &self,
        expression: &str,
        context: &impl Serialize,
        origin: &str,
    ) -> Result<bool> {
        Ok(self.eval(expression, context, origin)?.is_true())
    }

    fn eval(&self, expression: &str, context: &impl Serialize, origin: &str) -> Result<Value> {
        let compiled = self
            .env
            .compile_expression(expression)
            .map_err(|error| field_error(&error, origin))?;
        compiled
            .eval(Value::from(minijinja::value::Serde(context)))
            .map_err(|error| field_error(&error, origin))
    }

    /// Evaluate a `for_each` expression to its items, as text. Nothing (none) is no items;
    /// anything but a list is an error naming `origin`.
    pub(crate) fn eval_items(
        &self,
        expression: &str,
        context: &impl Serialize,
        origin: &str,
    ) -> Result<Vec<String>> {
        let value = self.eval(expression, context, origin)?;
        if value.is_none() || value.is_undefined() {
            return Ok(Vec::new());
        }
        if value.kind() != minijinja::value::ValueKind::Seq {
            return Err(Error::content(format!(
                "{origin}: expected a list, got {}",
                value.kind()
            )));
        }
        let items = value
            .try_iter()
            .map_err(|error| field_error(&error, origin))?
            .map(|item| match item.as_str() {
                Some(text) => text.to_string(),
                None => item.to_string(),
            })
            .collect();
        Ok(items)
    }

    /// Parse a template string (or an expression) and return the top-level names it
    /// reads, so a loader can reject names that will never exist.
    pub(crate) fn variables(
        &self,
        source: &str,
        expression: bool,
    ) -> std::result::Result<Vec<String>, String> {
        let names = if expression {
            self.env
                .compile_expression(source)
                .map(|e| e.undeclared_variables(false))
        } else {
            self.env
                .template_from_str(source)
                .map(|t| t.undeclared_variables(false))
        }
        .map_err(|error| describe(&error))?;
        let mut names: Vec<String> = names
            .into_iter()
            .filter(|name| self.env.globals().all(|(global, _)| global != name))
            .collect();
        names.sort();
        Ok(names)
    }

    /// The top-level names a registered template reads.
    pub(crate) fn template_variables(&self, name: &str) -> Vec<String> {
        let Ok(template) = self.env.get_template(name) else {
            return Vec::new();
        };
        let mut names: Vec<String> = template
            .undeclared_variables(false)
            .into_iter()
            .filter(|n| self.env.globals().all(|(global, _)| global != n))
            .collect();
        names.sort();
        names
    }
}

/// The built-in templates, by name, as shipped.
pub(crate) fn embedded_sources() -> impl Iterator<Item = (&'static str, &'static str)> {
    embedded::FILES
        .iter()
        .filter_map(|&(path, source)| path.strip_prefix("templates/").map(|name| (name, source)))
}

fn new_environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .expect("the default delimiters are valid");
    env.set_syntax(syntax);
    env.set_debug(true);
    // Markdown, not HTML: nothing may be escaped.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    // A scalar safe to put after `key: ` in YAML front matter.
    env.add_filter("yaml", |value: Value| -> String {
        let text = if value.is_none() || value.is_undefined() {
            String::new()
        } else {
            value.to_string()
        };
        yaml::to_string(&text).trim_end().to_string()
    });
    // Text that continues a sentence: "because {{ x | clause }}." must not read
    // "because because it is simpler..".
    env.add_filter("clause", |text: String| -> String {
        let mut text = text.trim();
        if text.len() >= 8 && text[..8].eq_ignore_ascii_case("because ") {
            text = text[8..].trim_start();
        }
        text.trim_end_matches(['.', '!', ';', ','])
            .trim_end()
            .to_string()
    });
    // "3" or "2.5", never "2.5000001": numbers as a person writes them.
    env.add_filter("num", |value: f64| crate::answer::format_number(value));
    // An answer used as a whole sentence in a message: capital first letter, one full stop.
    env.add_filter("sentence", |text: String| -> String { sentence(&text) });
    // A list as prose: "A, B and C".
    env.add_filter("and_list", |items: Vec<String>| -> String {
        and_list(&items)
    });
    env
}

fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    // A sentence that starts with a name written as code stays as written: "adr-tools
    // lists…", "npm_config…", "iOS…", not "Adr-tools lists…".
    let first_word = text.split_whitespace().next().unwrap_or_default();
    let code_name = first_word
        .trim_end_matches([',', ':', ';', '.'])
        .chars()
        .enumerate()
        .any(|(index, c)| {
            matches!(c, '-' | '_' | '.' | '/' | '0'..='9') || (index > 0 && c.is_uppercase())
        });
    let mut out: String = if code_name {
        text.to_string()
    } else {
        first.to_uppercase().chain(chars).collect()
    };
    if !out.ends_with(['.', '!', '?']) {
        out = out.trim_end_matches([',', ';', ':']).to_string();
        out.push('.');
    }
    out
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn describe(error: &minijinja::Error) -> String {
    let detail = error
        .detail()
        .map(str::to_string)
        .unwrap_or_else(|| error.kind().to_string());
    crate::error::one_line(&detail)
}

fn convert(error: &minijinja::Error, origin: Option<PathBuf>) -> Error {
    let message = format!("template error: {}", describe(error));
    let path = origin.unwrap_or_else(|| PathBuf::from(error.name().unwrap_or("template")));
    let location = match error.line() {
        Some(line) => {
            let column = match (error.range(), error.template_source()) {
                (Some(range), Some(source)) => column_of(source, range.start),
                _ => 1,
            };
            Location::at(path, line, column)
        }
        None => Location::file(path),
    };
    Error::content(message)
        .at(location)
        .hint("fix the template; `decide templates export` shows the defaults")
}

fn field_error(error: &minijinja::Error, origin: &str) -> Error {
    Error::content(format!("{origin}: {}", describe(error)))
}

fn column_of(source: &str, offset: usize) -> usize {
    let before = &source[..offset.min(source.len())];
    before.chars().rev().take_while(|&c| c != '\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sentences_keep_code_names_as_written() {
        let cases = [
            ("we move orders", "We move orders."),
            (
                "adr-tools will use ISO dates",
                "adr-tools will use ISO dates.",
            ),
            ("iOS ships first!", "iOS ships first!"),
            ("npm_config is read", "npm_config is read."),
            ("Done,", "Done."),
        ];
        for (text, expected) in cases {
            assert_eq!(sentence(text), expected, "{text}");
        }
    }

    #[test]
    fn misspelt_variables_are_errors_with_a_line() {
        let mut templates = Templates {
            env: new_environment(),
            origins: BTreeMap::new(),
        };
        templates
            .add("t.md", "line one\n{{ titel }}\n".into(), "t.md".into())
            .unwrap();
        let error = templates
            .render("t.md", &json!({"title": "x"}))
            .unwrap_err();
        let shown = error.to_string();
        assert!(shown.starts_with("t.md:2:"), "{shown}");
        assert!(shown.contains("undefined"), "{shown}");
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let mut templates = Templates {
            env: new_environment(),
            origins: BTreeMap::new(),
        };
        let error = templates
            .add("t.md", "a\n{% if %}\n".into(), "custom/t.md".into())
            .unwrap_err();
        assert!(error.to_string().starts_with("custom/t.md:2:"), "{error}");
    }

    #[test]
    fn yaml_filter_quotes_what_needs_quoting() {
        let templates = Templates::embedded().unwrap();
        let out = templates
            .render_str("{{ t | yaml }}", &json!({"t": "a: b"}), "test")
            .unwrap();
        assert_eq!(out, "'a: b'");
        let plain = templates
            .render_str("{{ t | yaml }}", &json!({"t": "plain"}), "test")
            .unwrap();
        assert_eq!(plain, "plain");
    }

    #[test]
    fn message_filters() {
        let templates = Templates::embedded().unwrap();
        let render = |source: &str, context: serde_json::Value| {
            templates.render_str(source, &context, "test").unwrap()
        };
        let cases = [
            ("the dashboard is slow", "The dashboard is slow."),
            ("Done!", "Done!"),
            ("is it big?", "Is it big?"),
            ("trailing comma,", "Trailing comma."),
            ("  ", ""),
            ("élan", "Élan."),
        ];
        for (input, expected) in cases {
            assert_eq!(render("{{ t | sentence }}", json!({"t": input})), expected);
        }
        assert_eq!(render("{{ l | and_list }}", json!({"l": []})), "");
        assert_eq!(render("{{ l | and_list }}", json!({"l": ["A"]})), "A");
        assert_eq!(
            render("{{ l | and_list }}", json!({"l": ["A", "B", "C"]})),
            "A, B and C"
        );
    }

    #[test]
    fn for_each_expressions_give_items() {
        let templates = Templates::embedded().unwrap();
        let context = json!({
            "jargon": {"terms": ["ORM", "N+1"]},
            "options": [{"name": "A"}, {"name": "B"}],
            "nothing": null,
            "count": 3,
        });
        let items = |expression: &str| templates.eval_items(expression, &context, "for_each");
        assert_eq!(items("jargon.terms").unwrap(), ["ORM", "N+1"]);
        assert_eq!(
            items("options | map(attribute='name')").unwrap(),
            ["A", "B"]
        );
        assert_eq!(items("nothing").unwrap(), Vec::<String>::new());
        assert_eq!(items("[1, 2]").unwrap(), ["1", "2"]);
        let error = items("count").unwrap_err().to_string();
        assert!(error.contains("expected a list"), "{error}");
    }

    #[test]
    fn conditions_evaluate() {
        let templates = Templates::embedded().unwrap();
        let context = json!({"door": {"band": "days"}, "items": []});
        assert!(
            templates
                .is_true("door.band == 'days'", &context, "when")
                .unwrap()
        );
        assert!(!templates.is_true("items", &context, "when").unwrap());
        assert!(!templates.is_true("nope", &context, "when").unwrap());
        assert_eq!(
            templates
                .variables("door.band == 'x' and nope", true)
                .unwrap(),
            vec!["door", "nope"]
        );
        assert_eq!(
            templates
                .variables(
                    "{% for o in options %}{{ o.name }}{% endfor %}{{ range(2) }}",
                    false
                )
                .unwrap(),
            vec!["options"]
        );
    }
}
