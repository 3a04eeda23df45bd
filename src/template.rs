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

/// What one render may spend: about as many instructions, and 64 bytes each of memory.
const TEMPLATE_FUEL: u64 = 1_000_000;

/// The auto-escape mode of `.md` templates.
const MARKDOWN: &str = "markdown";

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

    /// Add a filter the engine does not define itself (the jargon list's, which lives with
    /// the coach).
    pub(crate) fn add_filter<F, Rv, Args>(&mut self, name: &'static str, filter: F)
    where
        F: minijinja::functions::Function<Rv, Args>,
        Rv: minijinja::value::FunctionResult,
        Args: for<'a> minijinja::value::FunctionArgs<'a>,
    {
        self.env.add_filter(name, filter);
    }

    /// Add (or replace) a template; syntax errors are reported against `origin`.
    pub(crate) fn add(&mut self, name: &str, source: String, origin: PathBuf) -> Result<()> {
        self.origins.insert(name.to_string(), origin.clone());
        self.env
            .add_template_owned(name.to_string(), source)
            .map_err(|error| convert(&error, Some(origin)))
    }

    /// Where in template `name` the name `unknown` is first read.
    pub(crate) fn locate(&self, name: &str, unknown: &str) -> Option<Location> {
        let source = self.env.get_template(name).ok()?.source().to_string();
        let origin = self.origins.get(name)?;
        source.lines().enumerate().find_map(|(index, line)| {
            line.match_indices(unknown)
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

    /// Parse a template string (or an expression) and return the names it reads, with
    /// the attributes read from them (`door.band`), so a loader can reject names that
    /// will never exist.
    pub(crate) fn variables(
        &self,
        source: &str,
        expression: bool,
    ) -> std::result::Result<Vec<String>, String> {
        let names = if expression {
            self.env
                .compile_expression(source)
                .map(|e| e.undeclared_variables(true))
        } else {
            self.env
                .template_from_str(source)
                .map(|t| t.undeclared_variables(true))
        }
        .map_err(|error| describe(&error))?;
        Ok(self.without_globals(names))
    }

    /// The names a registered template reads, with their attributes.
    pub(crate) fn template_variables(&self, name: &str) -> Vec<String> {
        let Ok(template) = self.env.get_template(name) else {
            return Vec::new();
        };
        self.without_globals(template.undeclared_variables(true))
    }

    fn without_globals(&self, names: std::collections::HashSet<String>) -> Vec<String> {
        let mut names: Vec<String> = names
            .into_iter()
            .filter(|name| {
                let top = name.split('.').next().unwrap_or(name);
                self.env.globals().all(|(global, _)| global != top)
            })
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

/// The first clause of a phrase, up to its first semicolon.
fn first_clause(text: String) -> String {
    text.split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The first sentence of a text, with its full stop: a reason said short.
fn first_sentence(text: String) -> String {
    let text = text.trim();
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text.to_string(),
    }
}

/// The `inserted` filter: an answer put into the middle of a question the flow asks. The
/// names the lead writes in their answers come with the context (`lead_names`, a
/// session's); without them only the form of a word makes it a name.
fn inserted(state: &minijinja::State<'_, '_>, text: String) -> String {
    let names: std::collections::BTreeSet<String> = state
        .lookup(crate::phrase::LEAD_NAMES)
        .and_then(|names| {
            names
                .try_iter()
                .ok()
                .map(|items| items.map(|n| n.to_string()).collect())
        })
        .unwrap_or_default();
    crate::phrase::inserted_among(&text, &names)
}

/// Tests on what a message already says.
fn add_said_tests(env: &mut Environment<'static>) {
    // `items | reject("said_in", reason)`: what the reason has not said already.
    env.add_test("said_in", |item: String, reason: Option<String>| -> bool {
        reason.is_some_and(|reason| crate::phrase::said_in(&item, &reason))
    });
    // `b.subject is offering(b.choice)`: the subject is a choice between alternatives that
    // already names the one chosen ("whether to hire … or bring in a contractor").
    env.add_test(
        "offering",
        |subject: String, choice: Option<String>| -> bool {
            choice.is_some_and(|choice| crate::phrase::offers(&subject, &choice))
        },
    );
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
    // A template from a cloned repository is a program: without a budget,
    // `{% for a in range(99999) %}{% for b in range(99999) %}` runs for hours and
    // `"x" * 10**12` asks for a terabyte. Fuel bounds both the time and the memory of one
    // render; the built-in records use a small fraction of it.
    env.set_fuel(Some(TEMPLATE_FUEL));
    // A record is Markdown, and an answer must not change its structure: every value a
    // `.md` template prints is escaped for Markdown (`crate::markdown`), unless the
    // template marks it `| safe`. Messages (`.txt`) are plain text and print as they are.
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".md") {
            minijinja::AutoEscape::Custom(MARKDOWN.into())
        } else {
            minijinja::AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), minijinja::AutoEscape::Custom(_)) && !value.is_safe() {
            let text = match value.as_str() {
                Some(text) => std::borrow::Cow::Borrowed(text),
                None => std::borrow::Cow::Owned(value.to_string()),
            };
            return out
                .write_str(&crate::markdown::escape(&text))
                .map_err(minijinja::Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    // A scalar safe to put after `key: ` in YAML front matter, on one line; YAML's own
    // quoting is its escaping, so Markdown's is not applied on top.
    env.add_filter("yaml", |value: Value| -> Value {
        let text = if value.is_none() || value.is_undefined() {
            String::new()
        } else {
            crate::error::one_line(&value.to_string())
        };
        Value::from_safe_string(yaml::to_string(&text).trim_end().to_string())
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
    // An answer that starts a sentence: capital first letter, nothing added.
    env.add_filter("sentence_start", |text: String| -> String {
        capitalise_start(text.trim())
    });
    // Text that goes on a sentence after a colon or a verb: "We will migrate" reads "we will
    // migrate", "Fix it now" reads "fix it now"; a name ("PostgreSQL", "Vendor A") stays.
    env.add_filter("lower_start", |text: String| -> String {
        lower_start(text.trim())
    });
    // Whether a phrase starts with a verb ("Delegate it to Sam") rather than a name
    // ("PostgreSQL"): the first reads "we delegate it to Sam", the second "we're going with".
    // An answer put into the middle of a question the flow asks: "Who finds out whether
    // ...?"; a name keeps its capital.
    env.add_filter("inserted", inserted);
    env.add_filter("action", |text: String| -> bool {
        is_action(text.trim()) || crate::phrase::is_action(&text)
    });
    add_said_tests(&mut env);
    env.add_filter("first_sentence", first_sentence);
    env.add_filter("first_clause", first_clause);
    // The first few items of a list as prose, with how many more: "A, B and 2 more".
    env.add_filter("first_few", |items: Vec<String>, n: usize| -> String {
        first_few(&items, n)
    });
    // A name for a greeting: "Dana (VP Engineering)" or "Dana, VP Engineering" is "Dana".
    env.add_filter("name", |text: String| -> String { greeting_name(&text) });
    // A number and its noun: "1 item", "3 items".
    env.add_filter("count", |n: i64, one: String, many: String| -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    });
    // Part of a whole: "2 of the 3 items", "none of the 3 items", "the one item".
    env.add_filter(
        "part_of",
        |part: usize, whole: usize, one: String, many: String| -> String {
            crate::text::part_of(part, whole, &one, &many)
        },
    );
    // A phrase quoted back to the reader.
    env.add_filter("quoted", |text: String| -> String {
        crate::phrase::quoted(&text)
    });
    // A message with nothing to say to its audience stops with the reason and what to do
    // instead: `{{ nothing_to_send("Sam has not agreed yet", "send Sam the handover first") }}`.
    env.add_function(
        "nothing_to_send",
        |reason: String,
         instead: Option<String>|
         -> std::result::Result<String, minijinja::Error> {
            Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("{NOTHING_TO_SEND}{reason}|{}", instead.unwrap_or_default()),
            ))
        },
    );
    // An answer on one line, for a list item or a table cell.
    env.add_filter("one_line", |text: String| -> String {
        crate::error::one_line(&text)
    });
    // An approach named inside a sentence: "I'm going with the direct API call approach",
    // "with Monorepo".
    env.add_filter("approach", |text: String| -> String {
        crate::phrase::approach(&text)
    });
    add_list_filters(&mut env);
    add_phrase_filters(&mut env);
    env
}

/// The filters that put several items into one sentence.
fn add_list_filters(env: &mut Environment<'static>) {
    // Items joined inside one sentence ("a; b"), each without its own closing stop.
    env.add_filter(
        "join_clauses",
        |items: Vec<String>, separator: String| -> String {
            crate::text::join_clauses(&items, &separator)
        },
    );
    // A list as prose: "A, B and C".
    env.add_filter("and_list", |items: Vec<String>| -> String {
        and_list(&items)
    });
}

/// The filters that put a lead's answers into sentences ([`crate::phrase`]).
fn add_phrase_filters(env: &mut Environment<'static>) {
    // `cons | select("money")`: the ones that are a cost someone may have to approve.
    env.add_test("money", |text: String| -> bool {
        crate::phrase::is_money(&text)
    });
    // `options | money_con(name)`: the first con of the option `name` that is a cost
    // ("costs about 40% more per month"), or nothing: a spend someone may have to approve.
    env.add_filter("money_con", |options: Value, name: String| -> String {
        let Ok(options) = options.try_iter() else {
            return String::new();
        };
        options
            .filter(|option| {
                option
                    .get_attr("name")
                    .ok()
                    .and_then(|n| n.as_str().map(|n| n.eq_ignore_ascii_case(name.trim())))
                    .unwrap_or(false)
            })
            .filter_map(|option| option.get_attr("cons").ok())
            .filter_map(|cons| cons.try_iter().ok())
            .flatten()
            .filter_map(|con| con.as_str().map(str::to_string))
            .find(|con| crate::phrase::is_money(con))
            .unwrap_or_default()
    });
    // A shorthand option as a sentence: "keep the date, admin screens by 2 March" reads
    // "keep the date without the admin screens; they follow by 2 March".
    env.add_filter("option_sentence", |text: String| -> String {
        crate::phrase::option_sentence(&text)
    });
    // What a proposal waits for, to the team: "Dana gives the OK on the budget, which
    // we've asked for by Friday 11 December".
    env.add_filter(
        "awaited_ok",
        |needs: String, who: String, by: Option<String>| -> String {
            crate::phrase::awaited_ok(&needs, &who, by.as_deref())
        },
    );
    // An amount of time with none of it said in words: "0 weeks" reads "no extra time".
    env.add_filter("time_said", |text: String| -> String {
        crate::phrase::time_said(&text)
    });
    // Open items with the verb each takes: "find out whether A, and look into B".
    env.add_filter(
        "finding_out",
        |items: Vec<String>, form: String| -> String { crate::phrase::finding_out(&items, &form) },
    );
    // Working time as said outside the team: "33 days" reads "33 working days".
    env.add_filter("working", |text: String| -> String {
        crate::phrase::working_time(&text)
    });
    // A first step after "First step:", without a second "first".
    env.add_filter("step", |text: String| -> String {
        crate::phrase::step(&text)
    });
    // An option's name inside a sentence: "Plain text" reads "plain text", "Direct API
    // call" reads "a direct API call", "Extend the contract" reads "extend the contract".
    env.add_filter("as_option", |text: String| -> String {
        crate::phrase::choice(&text, &crate::phrase::Names::default()).text
    });
    // A pro or con after MADR's "Good, because": "it can start in two weeks", "of
    // transactions across orders and payments".
    // A pro or con as the record's list item: "Good, because it can start in two weeks",
    // "Good, because we pay as we go".
    env.add_filter("argument", |text: String, label: String| -> String {
        crate::phrase::argument(&label, &text)
    });
    // `b.because | reason_beyond(b.impact)`: a reason that does not repeat the effect.
    env.add_filter(
        "reason_beyond",
        |reason: String, other: Option<String>| -> String {
            crate::phrase::reason_beyond(&reason, &other.unwrap_or_default())
        },
    );
    env.add_filter("after_because", |text: String| -> String {
        crate::phrase::after_because(&text)
    });
    // A question about a subject: "does Maria agree", "do the people who set the priorities
    // agree".
    env.add_filter("does", |subject: String| -> String {
        let verb = if crate::phrase::is_plural_subject(&subject) {
            "do"
        } else {
            "does"
        };
        format!("{verb} {subject}")
    });
    // Said to the team: "the team already runs it" reads "we already run it".
    env.add_filter("ours", |text: String| -> String {
        crate::phrase::ours(&text)
    });
    // A benefit and a risk as clauses the team reads: "we get transactions…", "it can
    // start in two weeks".
    env.add_filter("gain", |text: String| -> String {
        crate::phrase::gain(&text)
    });
    env.add_filter("watch", |text: String| -> String {
        crate::phrase::watch(&text)
    });
    // Benefits or risks after their label: a few short ones in the sentence, else a list.
    env.add_filter("listed", |items: Vec<String>, kind: String| -> String {
        crate::phrase::listed(&items, kind == "gain")
    });
    // The answers of a `for_each` question that are not empty, as (item, answer) pairs.
    env.add_filter("answered", |value: Value| -> Vec<(String, String)> {
        let Ok(keys) = value.try_iter() else {
            return Vec::new();
        };
        keys.filter_map(|key| {
            let answer = value.get_item(&key).ok()?;
            let text = answer.as_str()?.trim().to_string();
            (!text.is_empty()).then(|| (key.to_string(), text))
        })
        .collect()
    });
}

/// `text` as a sentence: a capital first letter (unless it starts with a name written in
/// lower case) and a closing full stop.
pub(crate) fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let mut out = capitalise_start(text);
    if !out.ends_with(['.', '!', '?']) {
        out = out.trim_end_matches([',', ';', ':']).to_string();
        out.push('.');
    }
    out
}

/// `text` with a capital first letter, unless its first word is a name written in lower
/// case on purpose (`adr-tools`, `npm`, `iOS`, `v2`): a word with a hyphen, a dot, a digit,
/// an underscore or a capital inside is left as written.
fn capitalise_start(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or_default();
    let written_as_is = first_word
        .chars()
        .any(|c| c == '-' || c == '.' || c == '_' || c == '/' || c.is_ascii_digit())
        || first_word.chars().skip(1).any(char::is_uppercase);
    if written_as_is {
        return text.to_string();
    }
    crate::text::capitalise(text)
}

/// Words that start a sentence but not a name: lower case once the sentence goes on.
const SENTENCE_WORDS: &[&str] = &[
    "we",
    "our",
    "the",
    "a",
    "an",
    "it",
    "this",
    "these",
    "all",
    "each",
    "every",
    "no",
    "none",
    "fix",
    "take",
    "use",
    "move",
    "adopt",
    "keep",
    "drop",
    "build",
    "buy",
    "delegate",
    "say",
    "deliver",
    "choose",
    "migrate",
    "switch",
    "stay",
    "go",
    "wait",
    "split",
    "merge",
    "replace",
    "remove",
    "add",
    "start",
    "stop",
    "hire",
    "rewrite",
    "ship",
    "run",
    "write",
    "make",
    "let",
    "ask",
    "offer",
    "tell",
    "do",
    "record",
    "put",
    "prefer",
    "introduce",
    "launch",
    "cut",
    "leave",
    "skip",
    "postpone",
    "defer",
    "delay",
    "limit",
    "release",
    "support",
    "simplify",
    "hold",
    "reduce",
];

/// Words a lesson, a reason or a decided line often starts with ("Measure the peak before
/// deciding", "We've decided ...", "On whether ..."): not names, so they are lowered after a colon, but not
/// read as an option that is an action.
const LESSON_STARTS: &[&str] = &[
    "measure", "check", "test", "talk", "plan", "involve", "agree", "always", "never", "don't",
    "document", "try", "we've", "we're", "we'll", "we'd", "on",
];

/// The words of [`SENTENCE_WORDS`] that are verbs.
fn is_action(text: &str) -> bool {
    const NOT_VERBS: &[&str] = &[
        "we", "our", "the", "a", "an", "it", "this", "these", "all", "each", "every", "no", "none",
    ];
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    SENTENCE_WORDS.contains(&first.as_str()) && !NOT_VERBS.contains(&first.as_str())
}

pub(crate) fn lower_start(text: &str) -> String {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if !SENTENCE_WORDS.contains(&first.as_str()) && !LESSON_STARTS.contains(&first.as_str()) {
        return text.to_string();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn first_few(items: &[String], n: usize) -> String {
    let n = n.max(1);
    if items.len() <= n {
        return and_list(items);
    }
    let rest = items.len() - n;
    format!("{} and {rest} more", items[..n].join(", "))
}

/// The name to greet someone by: what comes before a role in brackets or after a comma.
fn greeting_name(text: &str) -> String {
    let name = text.split(['(', ',']).next().unwrap_or_default().trim();
    let name = name.trim_end_matches(['-', '–', '—', ':']).trim();
    crate::phrase::person_name(name)
}

/// Items inside one sentence lose their own closing stops: "A, B and C", never "A., B.
/// and C.".
fn and_list(items: &[String]) -> String {
    let items: Vec<&str> = items
        .iter()
        .map(|item| item.trim_end().trim_end_matches(['.', ';', ',']))
        .collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
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

/// How a template says a message has nothing to send to its audience; the rest of the
/// error is the reason, then `|`, then what to do instead.
const NOTHING_TO_SEND: &str = "nothing to send: ";

fn convert(error: &minijinja::Error, origin: Option<PathBuf>) -> Error {
    if let Some(why) = error.detail().and_then(|d| d.strip_prefix(NOTHING_TO_SEND)) {
        let (reason, instead) = why.split_once('|').unwrap_or((why, ""));
        let error = Error::usage(format!("nothing to send: {}", reason.trim()));
        return if instead.trim().is_empty() {
            error
        } else {
            error.hint(instead.trim())
        };
    }
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
    /// After a colon a sentence word or a lesson's first word is lowered; a name stays.
    #[test]
    fn only_words_that_are_not_names_are_lowered_after_a_colon() {
        let cases = [
            (
                "Measure the peak before deciding",
                "measure the peak before deciding",
            ),
            ("We move first", "we move first"),
            ("We've decided to", "we've decided to"),
            ("On whether we merge", "on whether we merge"),
            ("PostgreSQL handled it", "PostgreSQL handled it"),
            ("Sam owns it", "Sam owns it"),
            // A name whose form is a common word's ("-ly") keeps its capital.
            (
                "Searchly sends its price on Monday",
                "Searchly sends its price on Monday",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(lower_start(text), expected, "{text:?}");
        }
    }

    use super::*;
    use serde_json::json;

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
    fn a_message_with_nothing_to_send_says_why_and_what_instead() {
        let mut templates = Templates::embedded().unwrap();
        let source = "{% if agreed %}Hi{% else %}{{ nothing_to_send('Sam has not agreed yet', 'send Sam the handover first') }}{% endif %}";
        templates
            .add("to-team.txt", source.into(), "to-team.txt".into())
            .unwrap();
        assert_eq!(
            templates
                .render("to-team.txt", &json!({"agreed": true}))
                .unwrap(),
            "Hi"
        );
        let error = templates
            .render("to-team.txt", &json!({"agreed": false}))
            .unwrap_err();
        assert_eq!(error.exit_code(), crate::error::exit::USAGE);
        let shown = error.to_string();
        assert!(
            shown.contains("nothing to send: Sam has not agreed yet"),
            "{shown}"
        );
        assert!(shown.contains("send Sam the handover first"), "{shown}");
    }

    #[test]
    fn includes_reach_only_the_templates_loaded() {
        let mut templates = Templates::embedded().unwrap();
        templates
            .add("footer.md", "footer".into(), "footer.md".into())
            .unwrap();
        for (name, source) in [
            ("ok.md", "{% include 'footer.md' %}"),
            ("abs.md", "{% include '/etc/passwd' %}"),
            ("up.md", "{% include '../../../../etc/passwd' %}"),
            ("ext.md", "{% extends '/etc/hostname' %}"),
            ("imp.md", "{% import '/etc/hostname' as x %}"),
        ] {
            templates.add(name, source.into(), name.into()).unwrap();
            let rendered = templates.render(name, &json!({}));
            if name == "ok.md" {
                assert_eq!(rendered.unwrap(), "footer");
            } else {
                let error = rendered.unwrap_err().to_string();
                assert!(
                    error.contains("non-existing template") || error.contains("does not exist"),
                    "{name}: {error}"
                );
            }
        }
    }

    #[test]
    fn markdown_templates_escape_every_value_and_messages_none() {
        let mut templates = Templates::embedded().unwrap();
        let source =
            "---\ntitle: {{ t | yaml }}\n---\n\n# {{ t }}\n\n* {{ t }}\n\n{{ t | safe }}\n";
        templates.add("r.md", source.into(), "r.md".into()).unwrap();
        templates
            .add("m.txt", "{{ t }}".into(), "m.txt".into())
            .unwrap();
        let hostile = "A\n## Outcome (2026-01-01)\n* Next review by: 2099-01-01\n```";
        let record = templates.render("r.md", &json!({ "t": hostile })).unwrap();
        assert_eq!(
            record,
            "---\ntitle: 'A ## Outcome (2026-01-01) * Next review by: 2099-01-01 ```'\n---\n\n\
             # A\n\\## Outcome (2026-01-01)\n\\* Next review by: 2099-01-01\n\\```\n\n\
             * A\n\\## Outcome (2026-01-01)\n\\* Next review by: 2099-01-01\n\\```\n\n\
             A\n## Outcome (2026-01-01)\n* Next review by: 2099-01-01\n```\n"
        );
        let message = templates.render("m.txt", &json!({ "t": hostile })).unwrap();
        assert_eq!(message, hostile);
        let numbers = templates.render("r.md", &json!({ "t": 7 })).unwrap();
        assert!(numbers.contains("# 7\n"), "{numbers}");
    }

    #[test]
    fn a_render_has_a_budget() {
        let mut templates = Templates::embedded().unwrap();
        for (name, source) in [
            (
                "loops.md",
                "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}",
            ),
            ("big.md", "{{ 'x' * 1000000000000 }}"),
            (
                "doubling.md",
                "{% set n = namespace(s='xx') %}{% for i in range(64) %}{% set n.s = n.s ~ n.s %}{% endfor %}{{ n.s }}",
            ),
        ] {
            templates.add(name, source.into(), name.into()).unwrap();
            let error = templates.render(name, &json!({})).unwrap_err().to_string();
            assert!(
                error.contains("fuel") || error.contains("too"),
                "{name}: {error}"
            );
        }
        let error = templates
            .is_true("('x' * 1000000000000) == 'x'", &json!({}), "when")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("when:"), "{error}");
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
            ("adr-tools will write it", "adr-tools will write it."),
            ("npm 10 is fine", "Npm 10 is fine."),
            ("iOS first", "iOS first."),
        ];
        for (input, expected) in cases {
            assert_eq!(render("{{ t | sentence }}", json!({"t": input})), expected);
        }
        for (input, expected) in [
            ("Dana (VP Engineering)", "Dana"),
            ("Dana, VP Engineering", "Dana"),
            ("Dana", "Dana"),
            ("  Ana Lima ", "Ana Lima"),
        ] {
            assert_eq!(render("{{ t | name }}", json!({"t": input})), expected);
        }
        for (input, expected) in [
            ("We will migrate", "we will migrate"),
            ("Fix it properly now", "fix it properly now"),
            ("PostgreSQL", "PostgreSQL"),
            ("Vendor A", "Vendor A"),
        ] {
            assert_eq!(
                render("{{ t | lower_start }}", json!({"t": input})),
                expected
            );
        }
        assert_eq!(
            render("{{ l | first_few(2) }}", json!({"l": ["A", "B", "C", "D"]})),
            "A, B and 2 more"
        );
        assert_eq!(
            render("{{ l | first_few(2) }}", json!({"l": ["A", "B"]})),
            "A and B"
        );
        assert_eq!(render("{{ l | and_list }}", json!({"l": []})), "");
        assert_eq!(render("{{ l | and_list }}", json!({"l": ["A"]})), "A");
        assert_eq!(
            render("{{ l | and_list }}", json!({"l": ["A", "B", "C"]})),
            "A, B and C"
        );
        assert_eq!(
            render(
                "({{ l | and_list }})",
                json!({"l": ["ship it.", "check it;"]})
            ),
            "(ship it and check it)"
        );
        assert_eq!(
            render(
                "{{ l | join_clauses('; ') }}.",
                json!({"l": ["me: book the course.", "Sam: pair with Priya."]})
            ),
            "me: book the course; Sam: pair with Priya."
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
            vec!["door.band", "nope"]
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
