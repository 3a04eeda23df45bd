//! The session one step at a time: a question, one option's pros and cons, one item of a
//! `for_each` question. Each step answered is saved and remembered, so `:back` can undo
//! the last one; an answer gone back over is kept and offered again as the default, so
//! nothing said is lost.

use super::{Prompter, Reply, Session};
use crate::answer::{Answer, OptionItem};
use crate::error::Result;
use crate::playbook::Question;
use crate::yaml::{Mapping, Value};

/// One thing asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    Question(String),
    /// The pros and cons of the option at this index.
    Argument(String, usize),
    /// The answer for one item of a `for_each` question.
    Item(String, String),
}

type Saved<'s> = dyn FnMut(&Session<'_>) -> Result<()> + 's;

impl<'c> Session<'c> {
    /// The next thing to ask, in playbook order; `None` when only the review is left.
    pub(super) fn next_step(&self) -> Result<Option<Step>> {
        for question in self.playbook.questions.iter().filter(|q| !q.confirm) {
            if question.for_each.is_some() {
                if self.applies(question)?
                    && let Some(item) = self.next_item(question)?
                {
                    return Ok(Some(Step::Item(question.id.clone(), item)));
                }
                continue;
            }
            if self.answer(&question.id).is_some() {
                if let Some(&argued) = self.argued.get(&question.id) {
                    return Ok(Some(Step::Argument(question.id.clone(), argued)));
                }
                continue;
            }
            if self.applies(question)? {
                return Ok(Some(Step::Question(question.id.clone())));
            }
        }
        Ok(None)
    }

    /// Ask `step` and take its answer, or go back a step.
    pub(super) fn take(
        &mut self,
        step: Step,
        prompter: &mut dyn Prompter,
        saved: &mut Saved<'_>,
    ) -> Result<()> {
        let playbook = self.playbook;
        let id = match &step {
            Step::Question(id) | Step::Argument(id, _) | Step::Item(id, _) => id.clone(),
        };
        let Some(question) = playbook.question(&id) else {
            return Ok(());
        };
        let answered = match &step {
            Step::Question(_) => self.take_question(question, prompter)?,
            Step::Argument(_, index) => self.take_argument(question, *index, prompter)?,
            Step::Item(_, item) => self.take_item(question, item, prompter)?,
        };
        if !answered {
            self.back(prompter)?;
            return saved(self);
        }
        let titled = matches!(&step, Step::Question(_))
            && self.recall.as_ref().is_some_and(|r| r.after == id);
        self.history.push(step);
        if titled && !self.remember(prompter)? {
            self.back(prompter)?;
            return saved(self);
        }
        saved(self)?;
        if !self.argued.contains_key(&id) {
            self.reassess_and_coach(prompter)?;
        }
        Ok(())
    }

    /// Ask a question until an answer stands; `false` to go back.
    fn take_question(&mut self, question: &Question, prompter: &mut dyn Prompter) -> Result<bool> {
        let mut ask = self.resolve(question)?;
        if let Some(kept) = self.kept.get(question.id.as_str()) {
            ask.default = ask.parse_yaml(kept).ok().or(ask.default);
        }
        loop {
            let answer = match prompter.ask(&ask)? {
                Reply::Given(answer) => answer,
                Reply::Back => return Ok(false),
            };
            let answer = with_arguments_kept(answer, ask.default.as_ref());
            self.set(&question.id, answer.clone());
            let Some(problem) = self.refusal() else {
                break;
            };
            self.unset(&question.id);
            prompter.refused(&ask, &problem)?;
            // Asked again with what was said, to change rather than retype.
            ask.default = Some(answer);
        }
        self.kept.remove(question.id.as_str());
        if let Some(Answer::Options(options)) = self.answer(&question.id)
            && !options.is_empty()
        {
            self.argued.insert(question.id.clone(), 0);
        }
        Ok(true)
    }

    /// Show the records of the log related to the title just given, and take the ones the
    /// lead links; `false` to go back to the title.
    fn remember(&mut self, prompter: &mut dyn Prompter) -> Result<bool> {
        let Some(recall) = self.recall.as_mut() else {
            return Ok(true);
        };
        let title = self
            .answers
            .iter()
            .find(|(key, _)| *key == recall.after)
            .map(|(_, answer)| answer.to_input_text())
            .unwrap_or_default();
        let related = recall.memory.recall(&title, &recall.except);
        if related.is_empty() {
            return Ok(true);
        }
        match prompter.relate(&related, &self.relates_to)? {
            Reply::Given(linked) => {
                self.relates_to = linked;
                Ok(true)
            }
            Reply::Back => Ok(false),
        }
    }

    /// Ask the pros and cons of one option; `false` to go back.
    fn take_argument(
        &mut self,
        question: &Question,
        index: usize,
        prompter: &mut dyn Prompter,
    ) -> Result<bool> {
        let ask = self.resolve(question)?;
        let Some(Answer::Options(mut options)) = self.answer(&question.id).cloned() else {
            self.argued.remove(&question.id);
            return Ok(true);
        };
        let Some(option) = options.get(index) else {
            self.argued.remove(&question.id);
            return Ok(true);
        };
        let argued = match prompter.arguments(&ask, option)? {
            Reply::Given(argued) => argued,
            Reply::Back => return Ok(false),
        };
        options[index] = OptionItem {
            name: option.name.clone(),
            ..argued
        };
        let done = index + 1 >= options.len();
        self.set(&question.id, Answer::Options(options));
        if done {
            self.argued.remove(&question.id);
        } else {
            self.argued.insert(question.id.clone(), index + 1);
        }
        Ok(true)
    }

    /// Ask one item of a `for_each` question; `false` to go back.
    fn take_item(
        &mut self,
        question: &Question,
        name: &str,
        prompter: &mut dyn Prompter,
    ) -> Result<bool> {
        let item = self.item(question, name)?;
        let mut ask = self.resolve_item(question, Some(item))?;
        let kept = match self.kept.get(question.id.as_str()) {
            Some(Value::Mapping(items)) => items.get(name).cloned(),
            _ => None,
        };
        if let Some(kept) = kept {
            ask.default = ask.parse_yaml(&kept).ok().or(ask.default);
        }
        let answer = match prompter.ask(&ask)? {
            Reply::Given(answer) => answer,
            Reply::Back => return Ok(false),
        };
        if let Some(Value::Mapping(items)) = self.kept.get_mut(question.id.as_str()) {
            items.remove(name);
        }
        self.set_item(&question.id, name.to_string(), answer);
        Ok(true)
    }

    /// Undo the last step answered, keeping its answer to offer again.
    fn back(&mut self, prompter: &mut dyn Prompter) -> Result<()> {
        let Some(step) = self.history.pop() else {
            prompter.note("This is the first question: there is none before it.");
            return Ok(());
        };
        match step {
            Step::Question(id) => {
                if let Some(answer) = self.unset(&id) {
                    self.kept
                        .insert(Value::String(id.clone()), answer.to_yaml());
                }
                self.argued.remove(&id);
            }
            Step::Argument(id, index) => {
                self.argued.insert(id, index);
            }
            Step::Item(id, item) => {
                let mut pairs = self
                    .answer(&id)
                    .and_then(Answer::as_each)
                    .map(<[_]>::to_vec)
                    .unwrap_or_default();
                if let Some(at) = pairs.iter().position(|(name, _)| *name == item) {
                    let (_, answer) = pairs.remove(at);
                    let slot = self
                        .kept
                        .entry(Value::String(id.clone()))
                        .or_insert_with(|| Value::Mapping(Mapping::new()));
                    if let Value::Mapping(items) = slot {
                        items.insert(Value::String(item), answer.to_yaml());
                    }
                }
                if pairs.is_empty() {
                    self.unset(&id);
                } else {
                    self.set(&id, Answer::Each(pairs));
                }
            }
        }
        // The verdicts are worked out again from the answers that stand.
        self.assessments.clear();
        self.reassess()?;
        Ok(())
    }

    /// The answers given so far, as (prompt, answer) for a recap, in playbook order.
    pub(super) fn recap(&self) -> Result<Vec<(String, String)>> {
        let mut given = Vec::new();
        for question in self.playbook.questions.iter() {
            let Some(answer) = self.answer(&question.id) else {
                continue;
            };
            if let Some(pairs) = answer.as_each() {
                for (name, answer) in pairs {
                    let item = self.item(question, name)?;
                    let ask = self.resolve_item(question, Some(item))?;
                    given.push((ask.prompt().to_string(), ask.shown(answer)));
                }
                continue;
            }
            let ask = self.resolve(question)?;
            given.push((ask.prompt().to_string(), ask.shown(answer)));
            if self.recall.as_ref().is_some_and(|r| r.after == question.id)
                && !self.relates_to.is_empty()
            {
                given.push((RELATED_RECAP.to_string(), self.related_labels()));
            }
            // Each option's pros and cons, as far as they were given.
            if let Answer::Options(options) = answer {
                let argued = self.argued.get(&question.id).copied();
                for option in &options[..argued.unwrap_or(options.len()).min(options.len())] {
                    given.push((arguments_prompt(&option.name), arguments_counted(option)));
                }
            }
        }
        Ok(given)
    }
}

/// What the recap calls the records linked as related.
const RELATED_RECAP: &str = "Linked as related";

impl Session<'_> {
    /// The records linked as related, as lists show them: "1. Use Kafka; 4. Adopt Redis".
    fn related_labels(&self) -> String {
        self.relates_to
            .iter()
            .map(
                |path| match crate::log::read_record(path, crate::log::Depth::Head) {
                    Ok(record) => crate::log::link_label(&record),
                    Err(_) => path.display().to_string(),
                },
            )
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The question for one option's pros and cons. Its hint in brackets is what a `✔` line
/// leaves out, so a name such as "Unleash (self-hosted)" stays whole.
pub(super) fn arguments_prompt(name: &str) -> String {
    format!("Pros and cons of {name} (+ pro; - con)")
}

/// "1 pro, 2 cons", as the `✔` line of an option's pros and cons says it, with its undo
/// time as understood: "1 pro, undo in 4 months (from \"3-4 months\")".
pub(super) fn arguments_counted(option: &OptionItem) -> String {
    let pros =
        (!option.pros.is_empty()).then(|| crate::coach::count(option.pros.len(), "pro", "pros"));
    let cons =
        (!option.cons.is_empty()).then(|| crate::coach::count(option.cons.len(), "con", "cons"));
    let undo = option.undo.as_ref().map(|estimate| match &estimate.said {
        Some(said) => format!("undo in {} (from {said:?})", estimate.duration),
        None => format!("undo in {}", estimate.duration),
    });
    let counted: Vec<String> = pros.into_iter().chain(cons).chain(undo).collect();
    if counted.is_empty() {
        "none".to_string()
    } else {
        counted.join(", ")
    }
}

/// Options named again after going back keep the pros and cons they had.
fn with_arguments_kept(answer: Answer, before: Option<&Answer>) -> Answer {
    match (answer, before) {
        (Answer::Options(options), Some(Answer::Options(before))) => Answer::Options(
            options
                .into_iter()
                .map(|option| {
                    match before
                        .iter()
                        .find(|b| b.name.eq_ignore_ascii_case(&option.name))
                    {
                        Some(b)
                            if option.pros.is_empty()
                                && option.cons.is_empty()
                                && option.undo.is_none() =>
                        {
                            OptionItem {
                                name: option.name,
                                ..b.clone()
                            }
                        }
                        _ => option,
                    }
                })
                .collect(),
        ),
        (answer, _) => answer,
    }
}
