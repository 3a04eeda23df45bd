//! Checking a playbook completely when it loads, so a typo is reported with its file, line
//! and column before any question is asked: ids, passages, question kinds and choices,
//! each assessment's wiring against its framework's own description (input names and
//! kinds, the choice values it understands), and every name that conditions, defaults,
//! `for_each`, `choices_from`, the record and the message read, down to a fact
//! (`door.band`) or a field of the outcome (`outcome.review_by`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{Audience, Group, Kind, Playbook, Question};
use crate::coach::{self, Accepts, Framework};
use crate::error::{Error, Location, Result};
use crate::passages::Library;
use crate::template::Templates;
use crate::yaml::Value;

/// Names a question or assessment id may not take: sessions and templates use them.
pub(super) const RESERVED: &[&str] = &[
    "playbook",
    "today",
    "defaults",
    "record",
    "references",
    "framing",
    "cite",
    "outcome",
    "item",
];

/// Names a session provides besides question and assessment ids.
const SESSION_NAMES: &[&str] = &["today", "defaults", "playbook", "outcome"];
/// Names a record template sees on top of the session's.
const RECORD_NAMES: &[&str] = &["record", "framing", "references", "cite", "dates"];
/// Names a message template sees on top of the session's.
const MESSAGE_NAMES: &[&str] = &["record"];
/// What every assessment shows besides its framework's facts.
const ASSESSMENT_NAMES: &[&str] = &["kind", "verdict", "reasoning", "title", "warnings"];
/// The attributes of the session's own names.
const SESSION_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("defaults", &["decision_makers"]),
    ("playbook", &["id", "title"]),
    ("record", &["number", "date", "title"]),
];

/// What a playbook run by `decide review` sees of the record it reviews.
pub(crate) const REVIEWED_FIELDS: &[&str] = &[
    "title",
    "date",
    "status",
    "options",
    "choices",
    "proposed",
    "because",
    "door",
    "wished",
    "have",
    "open_questions",
    "decide_by",
    "signal",
    "extended",
    "impact",
    "owners",
    "arguments",
];

/// The ids of the built-in personal playbooks, read once from the embedded files: a file
/// that replaces one of them must keep it personal (see [`Checker::group`]).
fn builtin_personal() -> &'static BTreeSet<String> {
    static IDS: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        crate::embedded::files_in("", "yaml")
            .filter_map(|(path, text)| {
                crate::yaml::parse::<Playbook>(text, Path::new(path), crate::error::Kind::Content)
                    .ok()
            })
            .filter(|playbook| playbook.group == Group::Personal)
            .map(|playbook| playbook.id)
            .collect()
    })
}

const NAMES_HINT: &str =
    "use a question id, an assessment id, or one of today, defaults, playbook, outcome";

/// Check `playbook` (read from `text` at `path`) against the passage library and the
/// templates it will render with.
pub(super) fn check(
    playbook: &Playbook,
    library: &Library,
    templates: &Templates,
    path: &Path,
    text: &str,
) -> Result<()> {
    let checker = Checker {
        playbook,
        library,
        templates,
        path,
        text,
    };
    checker.header()?;
    checker.group()?;
    checker.questions()?;
    checker.assessments()?;
    checker.record()?;
    checker.message()
}

struct Checker<'a> {
    playbook: &'a Playbook,
    library: &'a Library,
    templates: &'a Templates,
    path: &'a Path,
    text: &'a str,
}

impl Checker<'_> {
    /// An error located at the `occurrence`-th (0-based) appearance of `needle`.
    fn fail(&self, needle: &str, occurrence: usize, message: String, hint: &str) -> Error {
        let location = match line_of(self.text, needle, occurrence) {
            Some((line, column)) => Location::at(self.path, line, column),
            None => Location::file(self.path),
        };
        Error::content(message).at(location).hint(hint.to_string())
    }

    fn header(&self) -> Result<()> {
        let playbook = self.playbook;
        if !is_slug(&playbook.id, '-') {
            return Err(self.fail(
                "id:",
                0,
                format!(
                    "playbook id `{}` must be lowercase letters, digits and `-`",
                    playbook.id
                ),
                "rename it, e.g. `tech-debt`",
            ));
        }
        if playbook.questions.is_empty() {
            return Err(self.fail(
                "questions:",
                0,
                "the playbook has no questions".into(),
                "add at least one question",
            ));
        }
        for id in &playbook.cites {
            self.passage(id, "the playbook")?;
        }
        Ok(())
    }

    /// A personal playbook writes a private entry of its own; a message playbook writes a
    /// message; only a personal playbook writes for the lead alone.
    fn group(&self) -> Result<()> {
        let playbook = self.playbook;
        let at = |message: String, hint: &str| {
            let needle = if self.text.contains("group:") {
                "group:"
            } else {
                "id:"
            };
            self.fail(needle, 0, message, hint)
        };
        match playbook.group {
            Group::Personal if playbook.record.is_none() => Err(at(
                "a personal playbook needs a `record:`: its entry in the journal".into(),
                "add `record: {template: ..., title: ...}`",
            )),
            Group::Personal if playbook.reviews => Err(at(
                "a personal playbook cannot review a record of the team's log".into(),
                "remove `reviews: true`, or the `group: personal`",
            )),
            Group::Messages if playbook.message.is_none() => Err(at(
                "a playbook in the messages group needs a `message:`".into(),
                "add `message: {template: ..., to: ...}`, or use `group: decisions`",
            )),
            Group::Decisions | Group::Messages
                if playbook
                    .message
                    .as_ref()
                    .is_some_and(|m| m.to == Audience::Yourself) =>
            {
                Err(at(
                    "only a personal playbook writes a message `to: yourself`".into(),
                    "use `group: personal`, or write to stakeholders, peers or team",
                ))
            }
            // A file of a built-in personal playbook's id replaces it for every run, and a
            // repository supplies such files: were its group the file's to choose, a
            // cloned repository could send the lead's private notes (an agenda, what
            // frustrates a team member) to its own log. Where an entry goes is the
            // playbook's nature, not the file's say.
            Group::Decisions | Group::Messages if builtin_personal().contains(&playbook.id) => {
                Err(at(
                    format!(
                        "playbook `{}` is personal coaching, written only to your private journal, and a playbook file cannot make it `group: {}` (written to the team's log)",
                        playbook.id,
                        playbook.group.key()
                    ),
                    "keep `group: personal`, or give the playbook an id of its own",
                ))
            }
            _ => Ok(()),
        }
    }

    fn passage(&self, id: &str, what: &str) -> Result<()> {
        if self.library.contains(id) {
            return Ok(());
        }
        let known: Vec<&str> = self.library.all().iter().map(|p| p.id.as_str()).collect();
        Err(self.fail(
            id,
            0,
            format!("{what} cites passage `{id}`, which is not in the passage library"),
            &suggestion(id, &known).unwrap_or_else(|| "run `decide passages` for the ids".into()),
        ))
    }

    /// The names everything in the playbook may read, with the attributes each allows
    /// (`None`: any attribute, as for an answer).
    fn scope(&self) -> Scope {
        let mut names: BTreeMap<String, Option<BTreeSet<String>>> = BTreeMap::new();
        for question in &self.playbook.questions {
            names.insert(question.id.clone(), None);
        }
        for spec in &self.playbook.assessments {
            let attributes = coach::find(&spec.framework).map(|framework| {
                framework
                    .facts
                    .iter()
                    .chain(ASSESSMENT_NAMES)
                    .map(|s| s.to_string())
                    .collect()
            });
            names.insert(spec.id.clone(), attributes);
        }
        for name in SESSION_NAMES {
            names.insert(name.to_string(), None);
        }
        for (name, attributes) in SESSION_ATTRIBUTES {
            names.insert(
                name.to_string(),
                Some(attributes.iter().map(|s| s.to_string()).collect()),
            );
        }
        names.insert(
            "outcome".into(),
            Some(
                coach::outcome::FIELDS
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            ),
        );
        names.remove("record");
        if self.playbook.reviews {
            names.insert(
                "record".into(),
                Some(REVIEWED_FIELDS.iter().map(|s| s.to_string()).collect()),
            );
        }
        Scope { names }
    }

    fn questions(&self) -> Result<()> {
        let scope = self.scope();
        let assessment_ids: BTreeSet<&str> = self
            .playbook
            .assessments
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        let mut seen: BTreeMap<&str, &Question> = BTreeMap::new();
        for question in &self.playbook.questions {
            let id = question.id.as_str();
            let at =
                |message: String, hint: &str| self.fail(&format!("id: {id}"), 0, message, hint);
            if !is_slug(id, '_') {
                return Err(at(
                    format!("question id `{id}` must be lowercase letters, digits and `_`"),
                    "ids are used as names in templates, e.g. `undo_time`",
                ));
            }
            if seen.contains_key(id) {
                return Err(self.fail(
                    &format!("id: {id}"),
                    1,
                    format!("question id `{id}` is used twice"),
                    "give each question its own id",
                ));
            }
            if RESERVED.contains(&id) || assessment_ids.contains(id) {
                return Err(at(
                    format!("question id `{id}` is reserved or names an assessment"),
                    "choose another id",
                ));
            }
            for cited in &question.cites {
                self.passage(cited, &format!("question `{id}`"))?;
            }
            self.kind_and_choices(question, &seen, &scope)
                .map_err(|(message, hint)| at(message, &hint))?;
            if question.confirm && question.default.is_none() {
                return Err(at(
                    format!(
                        "question `{id}` is settled on the review screen (`confirm: true`) but has no default"
                    ),
                    "give it a `default`",
                ));
            }
            self.expressions(question, &scope)
                .map_err(|(message, hint)| at(message, &hint))?;
            seen.insert(id, question);
        }
        Ok(())
    }

    fn kind_and_choices(
        &self,
        question: &Question,
        seen: &BTreeMap<&str, &Question>,
        scope: &Scope,
    ) -> std::result::Result<(), (String, String)> {
        let id = &question.id;
        if question.kind != Kind::Choice {
            if !question.choices.is_empty() || question.choices_from.is_some() || question.multiple
            {
                return Err((
                    format!(
                        "question `{id}` is a {} question but has choices",
                        question.kind.name()
                    ),
                    "use `kind: choice`, or remove `choices`".into(),
                ));
            }
            return Ok(());
        }
        match (&question.choices_from, question.choices.is_empty()) {
            (None, true) => {
                return Err((
                    format!("choice question `{id}` has no `choices` and no `choices_from`"),
                    "list the choices, or take them from an earlier list question".into(),
                ));
            }
            (Some(_), false) => {
                return Err((
                    format!("choice question `{id}` has both `choices` and `choices_from`"),
                    "keep one of them".into(),
                ));
            }
            _ => {}
        }
        let Some(source) = &question.choices_from else {
            return Ok(());
        };
        match seen.get(source.as_str()) {
            Some(earlier) if matches!(earlier.kind, Kind::List | Kind::Options) => Ok(()),
            Some(_) => Err((
                format!(
                    "question `{id}` takes its choices from `{source}`, which is not a list or options question"
                ),
                "point `choices_from` at a list question".into(),
            )),
            None if self.playbook.question(source).is_some() => Err((
                format!(
                    "question `{id}` takes its choices from `{source}`, which is not an earlier question"
                ),
                "ask the list question first".into(),
            )),
            // Not a question: an expression giving a list, such as `information.missing`.
            None => self.names_in(
                source,
                true,
                scope,
                &format!("question `{id}`: `choices_from`"),
            ),
        }
    }

    /// `when`, `default`, `for_each` and a per-item prompt and help read known names.
    fn expressions(
        &self,
        question: &Question,
        scope: &Scope,
    ) -> std::result::Result<(), (String, String)> {
        let id = &question.id;
        let mut item_scope = scope.clone();
        if let Some(expression) = &question.for_each {
            self.names_in(
                expression,
                true,
                scope,
                &format!("question `{id}`: `for_each`"),
            )?;
            if question.kind == Kind::Options || question.confirm {
                return Err((
                    format!(
                        "question `{id}` is asked for each item, which a{} question cannot be",
                        if question.confirm {
                            " review-screen"
                        } else {
                            "n options"
                        }
                    ),
                    "use a text, number, duration, date, yes-no or choice question".into(),
                ));
            }
            item_scope.names.insert("item".into(), None);
        }
        self.names_in(
            &question.prompt,
            false,
            &item_scope,
            &format!("question `{id}`: the prompt"),
        )?;
        if let Some(help) = &question.help {
            self.names_in(
                help,
                false,
                &item_scope,
                &format!("question `{id}`: the help"),
            )?;
        }
        if let Some(condition) = &question.when {
            self.names_in(condition, true, scope, &format!("question `{id}`: `when`"))?;
        }
        if let Some(Value::String(default)) = &question.default {
            self.names_in(
                default,
                false,
                &item_scope,
                &format!("question `{id}`: the default"),
            )?;
        }
        Ok(())
    }

    /// Every name `source` (a template, or an expression) reads is in `scope`.
    fn names_in(
        &self,
        source: &str,
        expression: bool,
        scope: &Scope,
        what: &str,
    ) -> std::result::Result<(), (String, String)> {
        let names = self.templates.variables(source, expression).map_err(|e| {
            (
                format!("{what} does not parse: {e}"),
                if expression {
                    "write an expression such as `door.band == \"weeks\"`".to_string()
                } else {
                    "check the {{ }} and {% %} pairs".to_string()
                },
            )
        })?;
        scope.check(&names, what)
    }

    fn assessments(&self) -> Result<()> {
        let mut earlier: BTreeMap<&str, &str> = BTreeMap::new();
        for spec in &self.playbook.assessments {
            let at = |message: String, hint: &str| {
                self.fail(&format!("id: {}", spec.id), 0, message, hint)
            };
            let Some(framework) = coach::find(&spec.framework) else {
                let known: Vec<&str> = coach::FRAMEWORKS.iter().map(|f| f.name).collect();
                return Err(at(
                    format!(
                        "assessment `{}` uses unknown framework `{}`",
                        spec.id, spec.framework
                    ),
                    &suggestion(&spec.framework, &known)
                        .unwrap_or_else(|| format!("use one of: {}", known.join(", "))),
                ));
            };
            if earlier.contains_key(spec.id.as_str()) || RESERVED.contains(&spec.id.as_str()) {
                return Err(at(
                    format!("assessment id `{}` is used twice or reserved", spec.id),
                    "give each assessment its own id",
                ));
            }
            self.wiring(spec, framework, &earlier)
                .map_err(|(message, hint)| at(message, &hint))?;
            earlier.insert(&spec.id, framework.name);
        }
        Ok(())
    }

    /// Each input the assessment wires exists, is of a kind the framework takes, and
    /// offers only choice values the framework understands; each required input is wired.
    fn wiring(
        &self,
        spec: &super::AssessmentSpec,
        framework: &Framework,
        earlier: &BTreeMap<&str, &str>,
    ) -> std::result::Result<(), (String, String)> {
        let names: Vec<&str> = framework.inputs.iter().map(|i| i.name).collect();
        for input in spec.inputs.keys() {
            if framework.input(input).is_none() {
                return Err((
                    format!(
                        "assessment `{}`: framework `{}` has no input `{input}`",
                        spec.id, framework.name
                    ),
                    suggestion(input, &names)
                        .unwrap_or_else(|| format!("its inputs are: {}", names.join(", "))),
                ));
            }
        }
        for input in framework.inputs {
            let Some(target) = spec.inputs.get(input.name) else {
                if input.required {
                    return Err((
                        format!(
                            "assessment `{}` needs input `{}` ({}) but does not wire it to a question",
                            spec.id, input.name, input.about
                        ),
                        format!("add `{}: QUESTION_ID` under `inputs`", input.name),
                    ));
                }
                continue;
            };
            match input.accepts {
                Accepts::Question(kinds) => {
                    let Some(question) = self.playbook.question(target) else {
                        return Err((
                            format!(
                                "assessment `{}` needs question `{target}` for `{}`, but the playbook has no such question",
                                spec.id, input.name
                            ),
                            "add the question or fix the id".into(),
                        ));
                    };
                    if !kinds.contains(&question.kind) {
                        let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
                        return Err((
                            format!(
                                "assessment `{}`: input `{}` needs a {} question, but `{target}` is {}",
                                spec.id,
                                input.name,
                                names.join(" or "),
                                question.kind.name()
                            ),
                            "wire it to a question of that kind".into(),
                        ));
                    }
                    if let Some(value) = question
                        .choices
                        .iter()
                        .map(|c| c.value())
                        .find(|value| !input.values.is_empty() && !input.values.contains(value))
                    {
                        return Err((
                            format!(
                                "question `{target}` offers `{value}`, which framework `{}` does not understand for `{}`",
                                framework.name, input.name
                            ),
                            format!("offer only: {}", input.values.join(", ")),
                        ));
                    }
                }
                Accepts::Assessment(wanted) => match earlier.get(target.as_str()) {
                    Some(&name) if name == wanted => {}
                    _ => {
                        return Err((
                            format!(
                                "assessment `{}`: input `{}` must name an earlier `{wanted}` assessment, not `{target}`",
                                spec.id, input.name
                            ),
                            "list that assessment first".into(),
                        ));
                    }
                },
            }
        }
        Ok(())
    }

    fn record(&self) -> Result<()> {
        let Some(record) = &self.playbook.record else {
            return Ok(());
        };
        if !self.templates.has(&record.template) {
            return Err(self.fail(
                "template:",
                0,
                format!("record template `{}` does not exist", record.template),
                "use a template under playbooks/templates/, e.g. `decision.md`",
            ));
        }
        let scope = self.scope();
        self.names_in(&record.title, false, &scope, "the record title")
            .map_err(|(message, hint)| self.fail("title:", 0, message, &hint))?;
        let record_scope = scope.with(RECORD_NAMES);
        let names = self.templates.template_variables(&record.template);
        record_scope
            .check(&names, &format!("record template `{}`", record.template))
            .map_err(|(message, hint)| {
                // The mistake is in the template, not the playbook: point there.
                let unknown = record_scope.first_unknown(&names).unwrap_or_default();
                match self.templates.locate(&record.template, &unknown) {
                    Some(location) => Error::content(message).at(location).hint(hint),
                    None => self.fail("template:", 0, message, &hint),
                }
            })
    }

    fn message(&self) -> Result<()> {
        let Some(message) = &self.playbook.message else {
            return Ok(());
        };
        let fail = |message: String, hint: &str| self.fail("message:", 0, message, hint);
        if !self.templates.has(&message.template) {
            return Err(fail(
                format!("message template `{}` does not exist", message.template),
                "use a template under playbooks/templates/, e.g. `messages/tech-debt.txt`",
            ));
        }
        if message.max_words == Some(0) {
            return Err(fail(
                "`max_words` of the message is 0".into(),
                "give the longest the message may be, e.g. `max_words: 60`, or remove it",
            ));
        }
        let names = self.templates.template_variables(&message.template);
        if message.from_record {
            // Written from a record's brief, which has no fixed shape to check names
            // against (a record may lack any section); a misspelt name stops the render
            // with its line, as every template does under strict undefined.
            return Ok(());
        }
        self.scope()
            .with(MESSAGE_NAMES)
            .check(&names, &format!("message template `{}`", message.template))
            .map_err(|(message, hint)| fail(message, &hint))
    }
}

/// The names a template may read, each with the attributes it allows (`None`: any).
#[derive(Debug, Clone)]
struct Scope {
    names: BTreeMap<String, Option<BTreeSet<String>>>,
}

impl Scope {
    fn with(&self, more: &[&str]) -> Scope {
        let mut scope = self.clone();
        for name in more {
            let attributes = SESSION_ATTRIBUTES
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, a)| a.iter().map(|s| s.to_string()).collect());
            scope.names.insert(name.to_string(), attributes);
        }
        scope
    }

    /// Why `path` (`name` or `name.attribute...`) cannot be read, if it cannot.
    fn problem(&self, path: &str) -> Option<(String, String)> {
        let mut parts = path.split('.');
        let top = parts.next().unwrap_or(path);
        let Some(attributes) = self.names.get(top) else {
            let known: Vec<&str> = self.names.keys().map(String::as_str).collect();
            return Some((
                format!("`{top}`, which is not a question, an assessment or a known name"),
                suggestion(top, &known).unwrap_or_else(|| NAMES_HINT.to_string()),
            ));
        };
        let (Some(attributes), Some(attribute)) = (attributes, parts.next()) else {
            return None;
        };
        if attributes.contains(attribute) {
            return None;
        }
        let known: Vec<&str> = attributes.iter().map(String::as_str).collect();
        Some((
            format!("`{top}.{attribute}`, which `{top}` does not have"),
            suggestion(attribute, &known).map_or_else(
                || format!("`{top}` has: {}", known.join(", ")),
                |s| s.replace("did you mean `", &format!("did you mean `{top}.")),
            ),
        ))
    }

    fn first_unknown(&self, names: &[String]) -> Option<String> {
        names
            .iter()
            .find(|name| self.problem(name).is_some())
            .map(|name| name.split('.').next().unwrap_or(name).to_string())
    }

    fn check(&self, names: &[String], what: &str) -> std::result::Result<(), (String, String)> {
        match names.iter().find_map(|name| self.problem(name)) {
            Some((problem, hint)) => Err((format!("{what} uses {problem}"), hint)),
            None => Ok(()),
        }
    }
}

/// "did you mean `x`?" for the known name closest to `name`, when one is close.
pub(crate) fn suggestion(name: &str, known: &[&str]) -> Option<String> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!("did you mean `{k}`?"))
}

fn is_slug(text: &str, separator: char) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == separator)
}

/// 1-based line and column of the `occurrence`-th (0-based) appearance of `needle` as a
/// whole name: `id: door` is not found in `id: door_class`.
fn line_of(text: &str, needle: &str, occurrence: usize) -> Option<(usize, usize)> {
    let continues_name = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| {
            line.match_indices(needle)
                .find(|(at, _)| !line[at + needle.len()..].starts_with(continues_name))
                .map(|(col, _)| (index + 1, col + 1))
        })
        .nth(occurrence)
}

/// Every built-in framework's coach template exists and reads only its facts.
pub(super) fn coach_templates(templates: &Templates) -> Result<()> {
    for framework in coach::FRAMEWORKS {
        let template = framework.template();
        if !templates.has(&template) {
            return Err(Error::content(format!(
                "the coach's template `{template}` for framework `{}` is missing",
                framework.name
            ))
            .hint("restore it with `decide templates export`, or remove your override"));
        }
        let allowed: BTreeSet<&str> = framework
            .facts
            .iter()
            .copied()
            .chain(["verdict", "warnings"])
            .collect();
        for name in templates.template_variables(&template) {
            let top = name.split('.').next().unwrap_or(&name);
            if !allowed.contains(top) {
                let known: Vec<&str> = allowed.iter().copied().collect();
                let message = format!(
                    "template `{template}` uses `{top}`, which framework `{}` does not give",
                    framework.name
                );
                let hint = suggestion(top, &known)
                    .unwrap_or_else(|| format!("its facts are: {}", known.join(", ")));
                let error = Error::content(message).hint(hint);
                return Err(match templates.locate(&template, top) {
                    Some(location) => error.at(location),
                    None => error,
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_whole_not_as_the_start_of_a_longer_one() {
        let text = "questions:\n  - id: door_class\nassessments:\n  - id: door\n";
        assert_eq!(line_of(text, "id: door", 0), Some((4, 5)));
        assert_eq!(line_of(text, "id: door_class", 0), Some((2, 5)));
        assert_eq!(line_of(text, "id: door", 1), None);
        assert_eq!(line_of(text, "questions:", 0), Some((1, 1)));
    }

    #[test]
    fn suggestions_come_only_for_near_misses() {
        assert_eq!(
            suggestion("door-typ", &["door-type", "information"]).as_deref(),
            Some("did you mean `door-type`?")
        );
        assert_eq!(suggestion("zebra", &["door-type", "information"]), None);
    }

    /// A file may restyle a built-in personal playbook, never send it to the team's log:
    /// the group of a built-in personal id stays `personal`, whichever file says otherwise.
    /// Other ids are the file's to place.
    #[test]
    fn a_built_in_personal_playbook_stays_personal_in_any_file() {
        let source = |id: &str| {
            crate::embedded::files_in("", "yaml")
                .find(|(path, _)| *path == format!("{id}.yaml"))
                .map(|(_, text)| text.to_string())
                .unwrap()
        };
        let without_message = |text: String| {
            let start = text.find("\nmessage:\n").unwrap();
            let end = start + text[start + 1..].find("\n\n").unwrap() + 1;
            format!("{}{}", &text[..start], &text[end..])
        };
        let one_on_one = source("one-on-one");
        let refused = "is personal coaching, written only to your private journal";
        let cases: [(&str, String, Option<&str>); 7] = [
            ("as built", one_on_one.clone(), None),
            (
                "made a team decision",
                without_message(one_on_one.replace("group: personal", "group: decisions")),
                Some("one-on-one.yaml:7:1: playbook `one-on-one` is personal coaching"),
            ),
            (
                "made a message up",
                one_on_one
                    .replace("group: personal", "group: messages")
                    .replace("to: yourself", "to: stakeholders"),
                Some(refused),
            ),
            (
                "its group left out (a team decision by default)",
                without_message(source("week").replace("group: personal\n", "")),
                Some("week.yaml:4:1: playbook `week` is personal coaching"),
            ),
            (
                "a message to the team kept",
                source("boundaries").replace("group: personal", "group: messages"),
                Some(refused),
            ),
            (
                "an id of its own",
                without_message(
                    one_on_one
                        .replace("group: personal", "group: decisions")
                        .replace("id: one-on-one", "id: team-one-on-one"),
                ),
                None,
            ),
            (
                "a team playbook made personal",
                source("decision").replace(
                    "title: Work through a decision",
                    "title: Mine\ngroup: personal",
                ),
                None,
            ),
        ];
        let library = Library::embedded().unwrap();
        let templates = Templates::embedded().unwrap();
        for (case, text, expected) in cases {
            let id = text
                .lines()
                .find_map(|l| l.strip_prefix("id: "))
                .unwrap()
                .to_string();
            let path = Path::new(".decide/playbooks").join(format!("{id}.yaml"));
            let playbook: Playbook =
                crate::yaml::parse(&text, &path, crate::error::Kind::Content).unwrap();
            let result = check(&playbook, &library, &templates, &path, &text);
            match (expected, result) {
                (None, Ok(())) => {}
                (Some(expected), Err(error)) => {
                    let error = error.to_string();
                    assert!(error.contains(expected), "{case}: {error}");
                    assert!(
                        error.contains(
                            "(hint: keep `group: personal`, or give the playbook an id of its own)"
                        ),
                        "{case}: {error}"
                    );
                }
                (expected, result) => panic!("{case}: expected {expected:?}, got {result:?}"),
            }
        }
    }

    #[test]
    fn every_built_in_coach_template_reads_only_its_facts() {
        coach_templates(&Templates::embedded().unwrap()).unwrap();
    }
}
