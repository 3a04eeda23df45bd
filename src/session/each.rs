//! Questions asked once for each item of a list (`for_each`): a translation for every
//! jargon term the coach flags, a time for every approach on the table. The list is read
//! again after every answer, so an item an assessment adds (a translation that brings in
//! new jargon) is asked too; an item is never asked twice, so the loop ends.

use std::path::Path;

use serde_json::{Value as Json, json};

use super::{Item, Prompter, Session};
use crate::answer::Answer;
use crate::error::{Error, Result};
use crate::playbook::Question;
use crate::yaml::{self, Value};

/// A list that keeps growing with every answer is a playbook bug: stop rather than ask
/// forever.
pub const MAX_ITEMS: usize = 50;

impl<'c> Session<'c> {
    /// Ask `question` for every item of its list that has no answer yet.
    pub(super) fn ask_each(
        &mut self,
        question: &'c Question,
        prompter: &mut dyn Prompter,
        saved: &mut dyn FnMut(&Session<'_>) -> Result<()>,
    ) -> Result<()> {
        while self.applies(question)? {
            let Some(name) = self.next_item(question)? else {
                break;
            };
            let item = self.item(question, &name)?;
            let ask = self.resolve_item(question, Some(item))?;
            let answer = prompter.ask(&ask)?;
            self.set_item(&question.id, name, answer);
            saved(self)?;
            self.reassess_and_coach(prompter);
        }
        Ok(())
    }

    /// The items the question's `for_each` gives now, without repeats or blanks.
    pub fn items(&self, question: &Question) -> Result<Vec<String>> {
        let Some(expression) = &question.for_each else {
            return Ok(Vec::new());
        };
        let origin = format!("question `{}`: for_each", question.id);
        let items = self
            .templates
            .eval_items(expression, &self.context(), &origin)
            .map_err(|e| self.in_playbook(e))?;
        let mut unique: Vec<String> = Vec::new();
        for item in items {
            let item = item.trim().to_string();
            if !item.is_empty() && !unique.contains(&item) {
                unique.push(item);
            }
        }
        Ok(unique)
    }

    fn next_item(&self, question: &Question) -> Result<Option<String>> {
        let answered = self
            .answer(&question.id)
            .and_then(Answer::as_each)
            .unwrap_or_default();
        let next = self
            .items(question)?
            .into_iter()
            .find(|item| !answered.iter().any(|(done, _)| done == item));
        if next.is_some() && answered.len() >= MAX_ITEMS {
            return Err(self.in_playbook(Error::content(format!(
                "question `{}` was asked for {MAX_ITEMS} items and its list still grows",
                question.id
            ))));
        }
        Ok(next)
    }

    /// One item with the question's prompt and help rendered for it.
    fn item(&self, question: &Question, name: &str) -> Result<Item> {
        let context = self.context_with(Some(name));
        let render = |source: &str, field: &str| {
            self.templates
                .render_str(
                    source,
                    &context,
                    &format!("question `{}`: {field}", question.id),
                )
                .map(|text| text.trim().to_string())
                .map_err(|e| self.in_playbook(e))
        };
        Ok(Item {
            name: name.to_string(),
            prompt: render(&question.prompt, "prompt")?,
            help: question
                .help
                .as_deref()
                .map(|help| render(help, "help"))
                .transpose()?,
        })
    }

    fn set_item(&mut self, id: &str, item: String, answer: Answer) {
        let mut pairs = self
            .answer(id)
            .and_then(Answer::as_each)
            .map(<[_]>::to_vec)
            .unwrap_or_default();
        pairs.push((item, answer));
        self.set(id, Answer::Each(pairs));
    }

    /// What a default sees: the session's context, plus `item` while one is asked.
    pub(super) fn item_context(&self, item: Option<&Item>) -> Json {
        self.context_with(item.map(|i| i.name.as_str()))
    }

    fn context_with(&self, item: Option<&str>) -> Json {
        let mut context = self.context();
        if let (Json::Object(map), Some(item)) = (&mut context, item) {
            map.insert("item".into(), json!(item));
        }
        context
    }

    /// The per-item answers of a draft being resumed, checked as if typed again.
    pub(super) fn each_from_yaml(
        &self,
        question: &Question,
        value: &Value,
        source: &Path,
    ) -> Result<Answer> {
        let problem = |message: String| {
            Error::answers(format!(
                "`{}` ({}): {message}",
                question.id, question.prompt
            ))
            .in_file(source)
        };
        let Value::Mapping(map) = value else {
            return Err(problem(format!(
                "expected one answer per item, got {}",
                yaml::describe(value)
            )));
        };
        let mut pairs = Vec::new();
        for (key, item_value) in map {
            let name = match key {
                Value::String(text) => text.clone(),
                Value::Number(n) => n.to_string(),
                other => {
                    return Err(problem(format!(
                        "items must be text, got {}",
                        yaml::describe(other)
                    )));
                }
            };
            let ask = self.resolve_item(question, Some(self.item(question, &name)?))?;
            let answer = ask
                .from_yaml(item_value)
                .map_err(|message| problem(format!("item {name:?}: {message}")))?;
            pairs.push((name, answer));
        }
        Ok(Answer::Each(pairs))
    }
}
