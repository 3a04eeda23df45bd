//! Answers from a YAML file: keys are question ids, `playbook:` names the playbook. No
//! prompts; every problem names the key, its question and the line.

use std::path::{Path, PathBuf};

use super::{Ask, Prompter, Reply};
use crate::answer::Answer;
use crate::coach::Assessment;
use crate::error::{Error, Kind as ErrorKind, Location, Result};
use crate::log::related::Related;
use crate::passages::Library;
use crate::playbook::Playbook;
use crate::store;
use crate::ui;
use crate::yaml::{self, Mapping, Value};

/// The key of an answers file that names the records of the log the new one relates to.
pub(crate) const RELATES_TO: &str = "relates_to";

pub(crate) struct AnswersFile {
    path: PathBuf,
    text: String,
    values: Mapping,
    /// Print the final verdicts on stderr once the answers are in.
    pub show_coaching: bool,
    /// The latest verdict of each framework, in the order they first came.
    verdicts: Vec<Assessment>,
    /// Keys the session asked for, to warn about answers it never used.
    asked: std::collections::BTreeSet<String>,
    /// Why a question may not be asked (its `when`, or that the record says it), to
    /// explain an unused answer.
    conditions: std::collections::BTreeMap<String, String>,
    /// Required sentences the file left out, with the default they took: a default can
    /// carry an old record's reason, which the lead should see was kept.
    defaulted: Vec<(String, String)>,
}

impl AnswersFile {
    /// Read the answers in `path`, or on standard input when it is `-`. A file inside the
    /// repository `root` is read under the repository's rules ([`store::read_supplied`]).
    pub(crate) fn load(root: &Path, path: &Path) -> Result<AnswersFile> {
        let from_stdin = path == Path::new("-");
        let read = if from_stdin {
            store::read_stdin_text()
        } else {
            store::read_supplied(root, path)
        };
        let path = if from_stdin {
            Path::new("<stdin>")
        } else {
            path
        };
        let text = read.map_err(|e| Error {
            kind: ErrorKind::Answers,
            ..e
        })?;
        Self::from_text(path, text)
    }

    /// The answers in `text`, read as if from `path` (which errors name).
    pub(crate) fn from_text(path: &Path, text: String) -> Result<AnswersFile> {
        let value = yaml::parse_value(&text, path, ErrorKind::Answers)?;
        let values = match value {
            Value::Mapping(values) => values,
            Value::Null => Mapping::new(),
            other => {
                return Err(Error::answers(format!(
                    "expected a mapping of question ids to answers, got {}",
                    yaml::describe(&other)
                ))
                .in_file(path)
                .hint("write one `question_id: answer` per line"));
            }
        };
        Ok(AnswersFile {
            path: path.to_path_buf(),
            text,
            values,
            show_coaching: true,
            verdicts: Vec::new(),
            asked: Default::default(),
            conditions: Default::default(),
            defaulted: Vec::new(),
        })
    }

    /// The playbook the file names with `playbook:`, if any.
    pub(crate) fn playbook(&self) -> Result<Option<String>> {
        match self.values.get("playbook") {
            None => Ok(None),
            Some(Value::String(id)) => Ok(Some(id.clone())),
            Some(other) => Err(Error::answers(format!(
                "`playbook` must be a playbook id, got {}",
                yaml::describe(other)
            ))
            .at(self.location("playbook"))),
        }
    }

    /// Whether the file answers `key` with yes (`true`, "yes").
    pub(crate) fn says_yes(&self, key: &str) -> bool {
        match self.values.get(key) {
            Some(Value::Bool(yes)) => *yes,
            Some(Value::String(text)) => crate::answer::parse_yes_no(text) == Some(true),
            _ => false,
        }
    }

    /// Keys that are not questions: the playbook, and the records the new one relates to.
    const TOP_LEVEL: [&str; 2] = ["playbook", RELATES_TO];

    /// The records `relates_to` names (numbers or file names), each with where it is
    /// written; none when the key is absent.
    pub(crate) fn relates_to(&self) -> Result<Vec<(String, Location)>> {
        let location = self.location(RELATES_TO);
        let named = |value: &Value| match value {
            Value::Number(number) => Some(number.to_string()),
            Value::String(name) if !name.trim().is_empty() => Some(name.trim().to_string()),
            _ => None,
        };
        let values = match self.values.get(RELATES_TO) {
            None | Some(Value::Null) => return Ok(Vec::new()),
            Some(Value::Sequence(values)) => values.iter().collect(),
            Some(value) => vec![value],
        };
        values
            .into_iter()
            .map(|value| {
                named(value)
                    .map(|name| (name, location.clone()))
                    .ok_or_else(|| {
                        Error::answers(format!(
                            "`{RELATES_TO}` names records by number or file name, got {}",
                            yaml::describe(value)
                        ))
                        .at(location.clone())
                        .hint(format!("write it as `{RELATES_TO}: [12, 7]`"))
                    })
            })
            .collect()
    }

    /// Every key must be a question of `playbook`: a typo must not silently drop an answer.
    pub(crate) fn check_keys(&mut self, playbook: &Playbook) -> Result<()> {
        self.conditions = playbook
            .questions
            .iter()
            .filter_map(|q| {
                let why = if q.from_record {
                    "it is read from the record being finished".to_string()
                } else {
                    format!("it is asked when {}", q.when.as_ref()?)
                };
                Some((q.id.clone(), why))
            })
            .collect();
        for key in self.values.keys() {
            let Some(key) = key.as_str() else {
                return Err(Error::answers(format!(
                    "keys must be question ids, got {}",
                    yaml::describe(key)
                ))
                .in_file(&self.path));
            };
            if !Self::TOP_LEVEL.contains(&key) && playbook.question(key).is_none() {
                let ids: Vec<&str> = playbook.questions.iter().map(|q| q.id.as_str()).collect();
                return Err(Error::answers(format!(
                    "unknown key `{key}`: playbook `{}` has no such question",
                    playbook.id
                ))
                .at(self.location(key))
                .hint(format!("the keys are: {}", ids.join(", "))));
            }
        }
        Ok(())
    }

    /// The answers the file gives, parsed against `playbook`'s questions, as a draft would
    /// hold them; values of the wrong type are errors.
    pub(crate) fn location(&self, key: &str) -> Location {
        let needle = format!("{key}:");
        self.text
            .lines()
            .enumerate()
            .find(|(_, line)| line.starts_with(&needle))
            .map(|(index, _)| Location::at(&self.path, index + 1, 1))
            .unwrap_or_else(|| Location::file(&self.path))
    }
}

impl AnswersFile {
    /// A `for_each` question's answer for one item: the file maps each item to its answer,
    /// e.g. `translations: {ORM: the database layer}`. Items match ignoring case.
    fn ask_item(&self, ask: &Ask<'_>, item: &str) -> Result<Answer> {
        let key = ask.id();
        let about = format!("`{key}` for {item:?} ({})", ask.prompt());
        let value = match self.values.get(key) {
            None => None,
            Some(Value::Mapping(items)) => items
                .iter()
                .find(|(name, _)| {
                    name.as_str()
                        .is_some_and(|name| name.trim().eq_ignore_ascii_case(item))
                })
                .map(|(_, value)| value),
            Some(other) => {
                return Err(Error::answers(format!(
                    "`{key}` must give one answer per item, got {}",
                    yaml::describe(other)
                ))
                .at(self.location(key))
                .hint(format!(
                    "write it as a mapping, e.g. `{key}: {{{item}: ...}}`"
                )));
            }
        };
        self.answer_or_default(ask, value, &about, &format!("`{item}: ...` under `{key}:`"))
    }

    /// The file's value for a question, else its default, else empty if optional; a
    /// missing required answer says what to add.
    fn answer_or_default(
        &self,
        ask: &Ask<'_>,
        value: Option<&Value>,
        about: &str,
        add: &str,
    ) -> Result<Answer> {
        match value {
            Some(value) => ask.parse_yaml(value).map_err(|problem| {
                Error::answers(format!("{about}: {problem}")).at(self.location(ask.id()))
            }),
            None => match (&ask.default, ask.is_optional()) {
                (Some(default), _) => Ok(default.clone()),
                (None, true) => ask.parse_yaml(&Value::Null).map_err(Error::answers),
                (None, false) => Err(Error::answers(format!("missing answer for {about}"))
                    .in_file(&self.path)
                    .hint(format!("add {add} ({})", ask.kind().expectation()))),
            },
        }
    }
}

/// The words of `text` that fit in `limit` characters, with "..." when some are left out.
fn first_words(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > limit {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out + "..."
}

impl Prompter for AnswersFile {
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Reply<Answer>> {
        self.asked.insert(ask.id().to_string());
        if let Some(item) = &ask.item {
            return self.ask_item(ask, &item.name).map(Reply::Given);
        }
        let key = ask.id();
        let about = format!("`{key}` ({})", ask.prompt());
        let value = self.values.get(key);
        let answer = self.answer_or_default(ask, value, &about, &format!("`{key}: ...`"))?;
        // A sentence taken by default is the lead's own earlier words (a proposal's
        // reason); a date or a choice by default is the coach's plain suggestion.
        let words = matches!(
            ask.kind(),
            crate::answer::Kind::Text | crate::answer::Kind::LongText
        );
        if value.is_none() && words && !ask.is_optional() && !answer.is_empty() {
            self.defaulted
                .push((key.to_string(), first_words(&answer.to_input_text(), 60)));
        }
        Ok(Reply::Given(answer))
    }

    /// Shown with the coaching, with how to link them: the file's `relates_to` says
    /// which are.
    fn relate(&mut self, related: &[Related], linked: &[PathBuf]) -> Result<Reply<Vec<PathBuf>>> {
        if self.show_coaching {
            let addresses: Vec<String> = related.iter().map(Related::address).collect();
            let hint = format!(
                "link any of them with `relates_to: [{}]` in the answers file",
                addresses.join(", ")
            );
            eprint!("{}", ui::related_text(related, Some(&hint)));
        }
        Ok(Reply::Given(linked.to_vec()))
    }

    /// Nobody to ask again: the refused answer is an error at its key.
    fn refused(&mut self, ask: &Ask<'_>, problem: &str) -> Result<()> {
        Err(
            Error::answers(format!("`{}` ({}): {problem}", ask.id(), ask.prompt()))
                .at(self.location(ask.id()))
                .hint("change the answer"),
        )
    }

    /// With no one to coach between questions, keep each framework's latest verdict and
    /// show them together at the end, so provisional verdicts do not flash by.
    fn coach(&mut self, assessment: &Assessment, _library: &Library) {
        match self
            .verdicts
            .iter_mut()
            .find(|v| v.framework == assessment.framework)
        {
            Some(slot) => *slot = assessment.clone(),
            None => self.verdicts.push(assessment.clone()),
        }
    }

    fn done(&mut self, library: &Library) {
        if self.show_coaching {
            let mut shown = Vec::new();
            for verdict in &self.verdicts {
                eprint!("{}", ui::verdict_text(verdict, library, &mut shown));
            }
            if !self.verdicts.is_empty() {
                eprintln!();
            }
        }
        if !self.defaulted.is_empty() {
            let used: Vec<String> = self
                .defaulted
                .iter()
                .map(|(key, said)| format!("`{key}` ({said:?})"))
                .collect();
            ui::note(&format!(
                "{} does not answer {}, so {} used",
                self.path.display(),
                used.join(", "),
                if used.len() == 1 {
                    "its default is"
                } else {
                    "their defaults are"
                }
            ));
        }
        for key in self.values.keys().filter_map(Value::as_str) {
            if Self::TOP_LEVEL.contains(&key) || self.asked.contains(key) {
                continue;
            }
            let why = match self.conditions.get(key) {
                Some(why) => format!(" ({why})"),
                None => String::new(),
            };
            ui::warning(&format!(
                "{}: `{key}` was not asked for these answers{why}, so it is not used",
                self.location(key)
            ));
        }
    }
}
