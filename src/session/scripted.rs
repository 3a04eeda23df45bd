//! Answers from a list in a test: each entry is what a user would type at that prompt.

use std::collections::VecDeque;
use std::path::PathBuf;

use super::{Ask, Prompter, Reply};
use crate::answer::{Answer, OptionItem};
use crate::coach::Assessment;
use crate::error::{Error, Result};
use crate::log::related::Related;
use crate::passages::Library;

#[derive(Default)]
pub(crate) struct Scripted {
    typed: VecDeque<(String, String)>,
    /// Question ids in the order they were asked.
    pub asked: Vec<String>,
    /// Verdicts in the order they were shown, with the question asked just before.
    pub coached: Vec<(String, String)>,
    /// Warnings in the order they were shown, with the question asked just before.
    pub warned: Vec<(String, String)>,
    /// Prompts shown: one per typed entry, one for the review screen.
    pub prompts: usize,
    /// Answers a framework refused, with why: as at a terminal, the question comes again.
    pub refused: Vec<(String, String)>,
    /// Each question's prompt as the lead reads it, keyed as `asked`.
    pub shown: Vec<(String, String)>,
    /// The default each question came with, in the order asked.
    pub defaults: Vec<(String, Option<Answer>)>,
    /// The related records shown after a title, by label, each time they were.
    pub related: Vec<Vec<String>>,
}

impl Scripted {
    /// `typed` pairs a question id with the text typed for it; an options question takes
    /// "A; B" followed by one `id.A` entry per option with its arguments.
    pub(crate) fn new(typed: &[(&str, &str)]) -> Scripted {
        Scripted {
            typed: typed
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Default::default()
        }
    }

    fn next(&mut self, id: &str) -> Result<String> {
        self.prompts += 1;
        match self.typed.pop_front() {
            Some((key, text)) if key == id => Ok(text),
            Some((key, _)) => Err(Error::answers(format!(
                "script expected `{key}` but `{id}` was asked"
            ))),
            None => Err(Error::answers(format!("script has no answer for `{id}`"))),
        }
    }
}

impl Prompter for Scripted {
    /// `:back` goes back a step, as at a terminal.
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Reply<Answer>> {
        // One entry per item of a `for_each` question, keyed `id.item`.
        let key = match &ask.item {
            Some(item) => format!("{}.{}", ask.id(), item.name),
            None => ask.id().to_string(),
        };
        self.asked.push(key.clone());
        self.shown.push((key.clone(), ask.prompt().to_string()));
        self.defaults.push((key.clone(), ask.default.clone()));
        let text = self.next(&key)?;
        if text == ":back" {
            return Ok(Reply::Back);
        }
        // Empty text takes the default, as Enter on a prompt that shows it does.
        ask.parse_input(&text)
            .map(Reply::Given)
            .map_err(Error::answers)
    }

    /// The entry `id.Name`: "+ a pro; - a con", or `:back`.
    fn arguments(&mut self, ask: &Ask<'_>, option: &OptionItem) -> Result<Reply<OptionItem>> {
        let key = format!("{}.{}", ask.id(), option.name);
        self.asked.push(key.clone());
        let text = self.next(&key)?;
        if text == ":back" {
            return Ok(Reply::Back);
        }
        if text.is_empty() {
            return Ok(Reply::Given(option.clone()));
        }
        OptionItem::parse_arguments(&option.name, &text)
            .map(Reply::Given)
            .map_err(Error::answers)
    }

    /// Accepts every default, as pressing Enter on "Write the record" does.
    fn settle(&mut self, asks: &[Ask<'_>]) -> Result<Vec<Answer>> {
        self.prompts += 1;
        asks.iter()
            .map(|ask| {
                ask.default
                    .clone()
                    .ok_or_else(|| Error::answers("no default"))
            })
            .collect()
    }

    /// The entry `relates_to`: the numbers of the records to link ("1; 3"), or `:back`.
    fn relate(&mut self, related: &[Related], _linked: &[PathBuf]) -> Result<Reply<Vec<PathBuf>>> {
        self.asked.push("relates_to".to_string());
        self.related
            .push(related.iter().map(Related::label).collect());
        let text = self.next("relates_to")?;
        if text == ":back" {
            return Ok(Reply::Back);
        }
        crate::answer::split_list(&text)
            .iter()
            .map(|wanted| {
                related
                    .iter()
                    .find(|r| r.address() == *wanted)
                    .map(|r| r.path.clone())
                    .ok_or_else(|| Error::answers(format!("no related record {wanted}")))
            })
            .collect::<Result<Vec<PathBuf>>>()
            .map(Reply::Given)
    }

    fn coach(&mut self, assessment: &Assessment, _library: &Library) {
        let after = self.asked.last().cloned().unwrap_or_default();
        for warning in &assessment.warnings {
            self.warned.push((after.clone(), warning.text.clone()));
        }
        self.coached.push((after, assessment.verdict.clone()));
    }

    fn refused(&mut self, ask: &Ask<'_>, problem: &str) -> Result<()> {
        self.refused
            .push((ask.id().to_string(), problem.to_string()));
        Ok(())
    }
}
