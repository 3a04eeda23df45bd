//! Walking a playbook: ask each question in order (skipping those whose `when` is false),
//! run every assessment as soon as its answers are in and show its verdict before the next
//! question, then settle the review-screen questions. The same flow runs at a terminal,
//! from an answers file and in unit tests; only the [`Prompter`] differs.

mod answers_file;
mod ask;
mod each;
mod interactive;
mod quiet;
mod record_context;
mod screen;
#[cfg(test)]
mod scripted;
mod steps;

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::{Map, Value as Json, json};

pub(crate) use answers_file::AnswersFile;
pub(crate) use ask::{Ask, Item};
pub(crate) use interactive::Interactive;
pub(crate) use quiet::restore as restore_terminal;
#[cfg(test)]
pub(crate) use scripted::Scripted;

use crate::answer::{Answer, OptionItem};
use crate::coach::outcome::{self, Outcome, Settled};
use crate::coach::{
    self, Accepts, Assessment, Conditions, Framework, Inputs, Personal, ReviewPeriods, WorkCalendar,
};
use crate::error::{Error, Result};
use crate::log::related::{Memory, Related};
use crate::passages::Library;
use crate::playbook::AssessmentSpec;
use crate::playbook::{Catalog, Kind, Playbook, Question};
use crate::template::Templates;
use crate::yaml::Value;

/// What a prompter brings back for a question: the answer, or the wish to go back to the
/// question before (`:back` at a terminal).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reply<T> {
    Given(T),
    Back,
}

/// Where answers come from. Each implementation applies [`Ask::parse_input`] /
/// [`Ask::parse_yaml`], so validation is the same everywhere.
pub(crate) trait Prompter {
    /// Get one answer. For an options question, the options' names: their pros and cons
    /// come through [`Prompter::arguments`], one option at a time.
    fn ask(&mut self, ask: &Ask<'_>) -> Result<Reply<Answer>>;

    /// The pros and cons of `option`, one of the options just named (with those given
    /// before, when the question comes again). An answers file gives them with the names,
    /// so by default they stay as they are.
    fn arguments(&mut self, _ask: &Ask<'_>, option: &OptionItem) -> Result<Reply<OptionItem>> {
        Ok(Reply::Given(option.clone()))
    }

    /// Settle the review-screen questions, whose defaults are already filled in.
    fn settle(&mut self, asks: &[Ask<'_>]) -> Result<Vec<Answer>> {
        asks.iter()
            .map(|ask| match self.ask(ask)? {
                Reply::Given(answer) => Ok(answer),
                Reply::Back => Err(Error::usage("there is no going back from the review")),
            })
            .collect()
    }

    /// A session picked up again: the answers given so far, as (prompt, answer) pairs, and
    /// the verdicts they reached. By default each verdict is shown again as it was.
    fn recap(&mut self, _given: &[(String, String)], verdicts: &[&Assessment], library: &Library) {
        for verdict in verdicts {
            self.coach(verdict, library);
        }
    }

    /// Records of the log related to the one being written (`related`, never empty): the
    /// ones to link, starting from those linked already (`linked`). By default the links
    /// stay as they are: an answers file gives them with `relates_to`.
    fn relate(&mut self, _related: &[Related], linked: &[PathBuf]) -> Result<Reply<Vec<PathBuf>>> {
        Ok(Reply::Given(linked.to_vec()))
    }

    /// Something to tell the person answering, such as that there is no question before.
    fn note(&mut self, _text: &str) {}

    /// Show a verdict the moment it is known: that is the coaching.
    fn coach(&mut self, assessment: &Assessment, library: &Library);

    /// A framework refused the answer just given (`problem` says why, in one sentence).
    /// A prompter that can ask again explains and returns `Ok`, and the question is asked
    /// again; one that cannot returns the error.
    fn refused(&mut self, ask: &Ask<'_>, problem: &str) -> Result<()> {
        Err(
            Error::answers(format!("`{}` ({}): {problem}", ask.id(), ask.prompt()))
                .hint("change the answer"),
        )
    }

    /// The session is over and every answer is in.
    fn done(&mut self, _library: &Library) {}
}

/// The template with the coach's words for the run as a whole.
const OUTCOME_TEMPLATE: &str = "coach/outcome.txt";

/// Values the flow needs from outside the playbook.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub today: NaiveDate,
    pub periods: ReviewPeriods,
    pub decision_makers: Vec<String>,
    /// Working days, for work stated in days and weeks.
    pub calendar: WorkCalendar,
    /// The lead's journal and limits, for the personal playbooks.
    pub personal: Personal,
}

/// What the coach remembers of the log, for a run whose record joins it: after the
/// question its title is made of, it shows the records related to it.
pub(crate) struct Recall {
    pub memory: Memory,
    /// The question whose answer the record's title is made of.
    pub after: String,
    /// Records not to show: the one being superseded, which is linked already.
    pub except: Vec<PathBuf>,
}

pub(crate) struct Session<'c> {
    pub playbook: &'c Playbook,
    pub library: &'c Library,
    templates: &'c Templates,
    jargon: &'c coach::words::WordList,
    pub settings: Settings,
    /// Answers in the order given.
    pub answers: Vec<(String, Answer)>,
    /// Assessment results by assessment id, in playbook order once complete.
    pub assessments: BTreeMap<String, Assessment>,
    /// For a playbook run on an existing record (`decide review`): that record, as its
    /// questions and templates see it (`record`).
    pub subject: Option<Json>,
    /// What was answered, in order, so `:back` can step back through it.
    history: Vec<steps::Step>,
    /// Answers set aside by going back, as an answers file writes them: each is offered
    /// again as its question's default, so going back loses nothing.
    pub kept: crate::yaml::Mapping,
    /// Options questions whose options are named but not all given their pros and cons
    /// yet: how many are.
    pub argued: BTreeMap<String, usize>,
    /// Related records are shown after the title when this is set.
    pub recall: Option<Recall>,
    /// Records of the log the new record relates to: it links them, and they it.
    pub relates_to: Vec<PathBuf>,
}

impl<'c> Session<'c> {
    pub(crate) fn new(
        catalog: &'c Catalog,
        playbook: &'c Playbook,
        settings: Settings,
    ) -> Session<'c> {
        Session {
            playbook,
            library: &catalog.library,
            templates: &catalog.templates,
            jargon: &catalog.jargon,
            settings,
            answers: Vec::new(),
            assessments: BTreeMap::new(),
            subject: None,
            history: Vec::new(),
            kept: crate::yaml::Mapping::new(),
            argued: BTreeMap::new(),
            recall: None,
            relates_to: Vec::new(),
        }
    }

    pub(crate) fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|(key, _)| key == id)
            .map(|(_, answer)| answer)
    }

    /// Run the whole flow. `saved` is called after every answer (and every option's pros
    /// and cons), so the caller can keep a draft that survives a crash.
    pub(crate) fn run(
        &mut self,
        prompter: &mut dyn Prompter,
        saved: &mut dyn FnMut(&Session<'_>) -> Result<()>,
    ) -> Result<()> {
        self.reassess()?;
        // Resuming: show what was said, and recall where the frameworks stood.
        let verdicts = self.ordered_assessments();
        if !self.answers.is_empty() || !verdicts.is_empty() {
            prompter.recap(&self.recap()?, &verdicts, self.library);
        }
        while let Some(step) = self.next_step()? {
            self.take(step, prompter, saved)?;
        }
        let playbook = self.playbook;
        let mut pending = Vec::new();
        for question in playbook.questions.iter().filter(|q| q.confirm) {
            if self.answer(&question.id).is_none() && self.applies(question)? {
                pending.push(self.resolve(question)?);
            }
        }
        if !pending.is_empty() {
            let answers = prompter.settle(&pending)?;
            let ids: Vec<String> = pending.iter().map(|ask| ask.id().to_string()).collect();
            for (id, answer) in ids.into_iter().zip(answers) {
                self.set(&id, answer);
            }
            saved(self)?;
            // What the review screen settled is coached like any answer: a date that
            // cannot hold is said at once, not only in the record.
            self.reassess_and_coach(prompter)?;
        }
        // Answers that reached here some other way (a resumed draft, a review screen)
        // are held to the same limits.
        if let Some(problem) = self.refusal() {
            return Err(
                Error::answers(format!("playbook `{}`: {problem}", self.playbook.id))
                    .hint("change the answer"),
            );
        }
        prompter.done(self.library);
        Ok(())
    }

    fn unset(&mut self, id: &str) -> Option<Answer> {
        let at = self.answers.iter().position(|(key, _)| key == id)?;
        Some(self.answers.remove(at).1)
    }

    /// Why the answers so far cannot stand, when a framework refuses them.
    fn refusal(&self) -> Option<String> {
        self.playbook.assessments.iter().find_map(|spec| {
            let framework = coach::find(&spec.framework)?;
            let refuse = framework.refuse?;
            refuse(&self.inputs(spec, framework))
        })
    }

    fn set(&mut self, id: &str, answer: Answer) {
        match self.answers.iter_mut().find(|(key, _)| key == id) {
            Some(slot) => slot.1 = answer,
            None => self.answers.push((id.to_string(), answer)),
        }
    }

    /// Whether a question is asked, given the answers so far.
    pub(crate) fn applies(&self, question: &Question) -> Result<bool> {
        match &question.when {
            None => Ok(true),
            Some(condition) => self
                .templates
                .is_true(
                    condition,
                    &self.context(),
                    &format!("question `{}`: when", question.id),
                )
                .map_err(|e| self.in_playbook(e)),
        }
    }

    fn in_playbook(&self, error: Error) -> Error {
        Error {
            message: format!("playbook `{}`: {}", self.playbook.id, error.message),
            ..error
        }
    }

    /// Fill in a question's default and choices from the answers so far.
    pub(crate) fn resolve<'q>(&self, question: &'q Question) -> Result<Ask<'q>>
    where
        'c: 'q,
    {
        // A prompt or help may name earlier answers ("If {{ leaning }} turns out wrong…").
        let templated = |text: &str| text.contains("{{") || text.contains("{%");
        let mut ask = self.resolve_item(question, None)?;
        if templated(&question.prompt) || question.help.as_deref().is_some_and(templated) {
            let context = self.context();
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
            ask.prompt_text = Some(render(&question.prompt, "prompt")?);
            ask.help_text = question
                .help
                .as_deref()
                .map(|h| render(h, "help"))
                .transpose()?;
        }
        Ok(ask)
    }

    /// [`Session::resolve`] for one item of a `for_each` question: its default sees `item`.
    pub(crate) fn resolve_item<'q>(
        &self,
        question: &'q Question,
        item: Option<Item>,
    ) -> Result<Ask<'q>>
    where
        'c: 'q,
    {
        let choices = match &question.choices_from {
            None => question.choices.clone(),
            Some(source) if self.playbook.question(source).is_some() => match self.answer(source) {
                Some(Answer::List(items)) => items
                    .iter()
                    .cloned()
                    .map(crate::playbook::Choice::Plain)
                    .collect(),
                Some(Answer::Options(options)) => options
                    .iter()
                    .map(|o| crate::playbook::Choice::Plain(o.name.clone()))
                    .collect(),
                _ => Vec::new(),
            },
            // An expression over the answers and facts so far, e.g. `information.missing`.
            Some(expression) => self
                .templates
                .eval_items(
                    expression,
                    &self.context(),
                    &format!("question `{}`: choices_from", question.id),
                )
                .map_err(|e| self.in_playbook(e))?
                .into_iter()
                .map(crate::playbook::Choice::Plain)
                .collect(),
        };
        let passages = question
            .cites
            .iter()
            .filter_map(|id| self.library.get(id))
            .collect();
        let mut ask = Ask {
            question,
            default: None,
            choices,
            passages,
            item,
            prompt_text: None,
            help_text: None,
            today: self.settings.today,
            calendar: self.settings.calendar.clone(),
        };
        if let Some(default) = &question.default {
            ask.default = self.default_answer(&ask, default)?;
        }
        Ok(ask)
    }

    fn default_answer(&self, ask: &Ask<'_>, default: &Value) -> Result<Option<Answer>> {
        let origin = format!("question `{}`: default", ask.id());
        let value = match default {
            Value::String(source) if source.contains("{{") || source.contains("{%") => {
                let rendered = self
                    .templates
                    .render_str(source, &self.item_context(ask.item.as_ref()), &origin)
                    .map_err(|e| self.in_playbook(e))?;
                let rendered = rendered.trim();
                if rendered.is_empty() {
                    return Ok(None);
                }
                if matches!(ask.kind(), Kind::List)
                    || (ask.kind() == Kind::Choice && ask.question.multiple)
                {
                    Value::Sequence(
                        rendered
                            .lines()
                            .map(|l| Value::String(l.trim().to_string()))
                            .filter(|v| v.as_str() != Some(""))
                            .collect(),
                    )
                } else {
                    Value::String(rendered.to_string())
                }
            }
            other => other.clone(),
        };
        ask.parse_yaml(&value)
            .map(Some)
            .map_err(|e| self.in_playbook(Error::content(format!("{origin} is not valid: {e}"))))
    }

    /// Run each assessment whose inputs are in; return the verdicts that are new or changed.
    fn reassess(&mut self) -> Result<Vec<(String, Assessment)>> {
        let before = self.assessments.clone();
        let mut found = Vec::new();
        for spec in &self.playbook.assessments {
            // The loader has checked every framework name; an unknown one cannot get here.
            let Some(framework) = coach::find(&spec.framework) else {
                continue;
            };
            let inputs = self.inputs(spec, framework);
            let Some(finding) = (framework.run)(&inputs) else {
                continue;
            };
            let result = coach::speak(framework, finding.clone(), self.templates)
                .map_err(|e| self.in_playbook(e))?;
            // Later assessments and the questions' conditions read this one.
            self.assessments.insert(spec.id.clone(), result);
            found.push((spec, framework, finding));
        }
        // Which questions are still to come can only be told once every verdict is in,
        // for their conditions read them.
        let ahead = self.ahead()?;
        let mut changed_results = Vec::new();
        for (spec, framework, mut finding) in found {
            // A warning built on a question still to come would use its default as if the
            // lead had said it: it waits until that question is answered.
            let said = finding.warnings.len();
            finding.warnings.retain(|warning| {
                !framework.waits.iter().any(|(id, waited)| {
                    id == warning
                        && waited.iter().any(|input| {
                            spec.inputs
                                .get(*input)
                                .is_some_and(|question| ahead.contains(question))
                        })
                })
            });
            if finding.warnings.len() != said {
                let result = coach::speak(framework, finding, self.templates)
                    .map_err(|e| self.in_playbook(e))?;
                self.assessments.insert(spec.id.clone(), result);
            }
            let result = &self.assessments[&spec.id];
            // New words are shown again; new facts alone are kept without a word.
            let changed = before.get(&spec.id).is_none_or(|old| {
                old.verdict != result.verdict
                    || old.reasoning != result.reasoning
                    || old.warnings != result.warnings
            });
            if changed {
                changed_results.push((spec.id.clone(), result.clone()));
            }
        }
        Ok(changed_results)
    }

    /// The questions still to come: the next one asked and every one after it not answered
    /// yet (the review screen's included). None once only the review is left, whose
    /// questions come with their defaults filled in from the verdicts.
    fn ahead(&self) -> Result<std::collections::BTreeSet<String>> {
        let Some(step) = self.next_step()? else {
            return Ok(std::collections::BTreeSet::new());
        };
        let next = match &step {
            steps::Step::Question(id) | steps::Step::Argument(id, _) | steps::Step::Item(id, _) => {
                id.as_str()
            }
        };
        let questions = &self.playbook.questions;
        let from = questions.iter().position(|q| q.id == next).unwrap_or(0);
        Ok(questions[from..]
            .iter()
            .filter(|q| q.id == next || self.answer(&q.id).is_none())
            .map(|q| q.id.clone())
            .collect())
    }

    /// The values wired to `framework`'s inputs in `spec`: answers and earlier results.
    fn inputs<'s>(&'s self, spec: &AssessmentSpec, framework: &Framework) -> Inputs<'s> {
        let conditions = Conditions {
            today: self.settings.today,
            periods: self.settings.periods,
            calendar: &self.settings.calendar,
            jargon: self.jargon,
            personal: &self.settings.personal,
        };
        let mut inputs = Inputs::new(conditions);
        for input in framework.inputs {
            let Some(target) = spec.inputs.get(input.name) else {
                continue;
            };
            match input.accepts {
                Accepts::Question(_) => {
                    if let Some(answer) = self.answer(target) {
                        inputs.set_answer(input, answer);
                    }
                }
                Accepts::Assessment(_) => {
                    if let Some(result) = self.assessments.get(target) {
                        inputs.set_assessment(input, result);
                    }
                }
            }
        }
        inputs
    }

    fn reassess_and_coach(&mut self, prompter: &mut dyn Prompter) -> Result<()> {
        for (_, result) in self.reassess()? {
            prompter.coach(&result, self.library);
        }
        Ok(())
    }

    /// The one outcome of the run so far: the assessments reconciled with what the lead
    /// settled on the review screen (`review_by`, and `status` where a playbook asks it).
    pub(crate) fn outcome(&self) -> Result<Outcome> {
        let settled = Settled {
            review_by: match self.answer("review_by") {
                Some(Answer::Date(date)) => Some(*date),
                _ => None,
            },
            status: self
                .answer("status")
                .and_then(Answer::as_text)
                .map(str::to_string),
        };
        let mut failure = None;
        let outcome = outcome::reconcile(
            &self.ordered_assessments(),
            &settled,
            self.settings.today,
            |warning, advice| {
                let context = json!({ "warning": warning, "advice": advice });
                match self.templates.render(OUTCOME_TEMPLATE, &context) {
                    Ok(text) => text
                        .lines()
                        .filter_map(|line| line.trim().strip_prefix('!'))
                        .map(|line| line.trim_start_matches('!'))
                        .filter_map(|line| line.split_once(':'))
                        .find(|(name, _)| name.trim() == warning)
                        .map(|(_, text)| text.trim().to_string())
                        .unwrap_or_else(|| advice.to_string()),
                    Err(error) => {
                        failure = Some(error);
                        String::new()
                    }
                }
            },
        );
        match failure {
            Some(error) => Err(error),
            None => Ok(outcome),
        }
    }

    /// Pick up a draft: its answers as if just given, its options part-way through their
    /// pros and cons, and the answers it went back over, to offer again.
    pub(crate) fn resume(&mut self, draft: &crate::draft::Draft) -> Result<()> {
        self.argued.clone_from(&draft.argued);
        self.kept.clone_from(&draft.kept);
        self.relates_to.clone_from(&draft.relates_to);
        self.preload(&draft.answers, &draft.path)
    }

    /// What to save in a draft.
    pub(crate) fn progress(&self) -> crate::draft::Progress<'_> {
        crate::draft::Progress {
            answers: &self.answers,
            argued: &self.argued,
            kept: &self.kept,
            relates_to: &self.relates_to,
        }
    }

    /// Take earlier answers (a draft being resumed) as if they had just been given, in the
    /// playbook's order, so choices and defaults resolve as they did the first time.
    pub(crate) fn preload(
        &mut self,
        values: &crate::yaml::Mapping,
        source: &std::path::Path,
    ) -> Result<()> {
        let playbook = self.playbook;
        for question in &playbook.questions {
            let Some(value) = values.get(question.id.as_str()) else {
                continue;
            };
            if question.for_each.is_some() {
                let answer = self.each_from_yaml(question, value, source)?;
                for (item, _) in answer.as_each().unwrap_or_default() {
                    self.history
                        .push(steps::Step::Item(question.id.clone(), item.clone()));
                }
                self.set(&question.id, answer);
                self.reassess()?;
                continue;
            }
            let ask = self.resolve(question)?;
            let answer = ask.parse_yaml(value).map_err(|problem| {
                Error::answers(format!(
                    "`{}` ({}): {problem}",
                    question.id, question.prompt
                ))
                .in_file(source)
                .hint("the playbook changed since this draft was saved; fix or remove the answer")
            })?;
            self.history
                .push(steps::Step::Question(question.id.clone()));
            if let Answer::Options(options) = &answer {
                let argued = self.argued.get(&question.id).copied();
                let argued = argued.unwrap_or(options.len()).min(options.len());
                for index in 0..argued {
                    self.history
                        .push(steps::Step::Argument(question.id.clone(), index));
                }
            }
            self.set(&question.id, answer);
            self.reassess()?;
        }
        Ok(())
    }

    /// What templates and conditions see: every question id (null until answered), every
    /// assessment id (its facts plus verdict and reasoning), `today` and `defaults`.
    pub(crate) fn context(&self) -> Json {
        let mut context = Map::new();
        for question in &self.playbook.questions {
            // An optional number, date, duration or choice left empty is no answer, as for
            // a question not asked: `{% if confidence is not none %}` must not see "".
            let unanswered = |answer: &&Answer| {
                answer.is_empty()
                    && !question.multiple
                    && !matches!(
                        question.kind,
                        Kind::Text | Kind::LongText | Kind::List | Kind::Options
                    )
            };
            let value = self
                .answer(&question.id)
                .filter(|answer| !unanswered(answer))
                .map_or(Json::Null, Answer::to_template_value);
            context.insert(question.id.clone(), value);
        }
        for spec in &self.playbook.assessments {
            let value = match self.assessments.get(&spec.id) {
                Some(result) => {
                    let mut facts = result.facts.clone();
                    facts.insert("kind".into(), json!(result.kind));
                    facts.insert("verdict".into(), json!(result.verdict));
                    facts.insert("reasoning".into(), json!(result.reasoning));
                    facts.insert("title".into(), json!(result.title));
                    facts.insert("warnings".into(), json!(result.warnings));
                    Json::Object(facts)
                }
                None => Json::Null,
            };
            context.insert(spec.id.clone(), value);
        }
        context.insert(crate::phrase::LEAD_NAMES.into(), json!(self.lead_names()));
        context.insert(
            "today".into(),
            json!(self.settings.today.format("%Y-%m-%d").to_string()),
        );
        context.insert(
            "defaults".into(),
            json!({ "decision_makers": self.settings.decision_makers }),
        );
        context.insert(
            "playbook".into(),
            json!({ "id": self.playbook.id, "title": self.playbook.title }),
        );
        if let Some(subject) = &self.subject {
            context.insert("record".into(), subject.clone());
        }
        // While the outcome cannot be reconciled (a template error), conditions and
        // defaults see none; rendering the record reports the error.
        context.insert(
            "outcome".into(),
            self.outcome()
                .ok()
                .and_then(|o| serde_json::to_value(o).ok())
                .unwrap_or(Json::Null),
        );
        Json::Object(context)
    }

    /// The words the lead writes as names in any answer so far, for the `inserted` filter.
    fn lead_names(&self) -> Vec<String> {
        let mut texts: Vec<&str> = Vec::new();
        let mut options: Vec<&str> = Vec::new();
        fn gather<'a>(answer: &'a Answer, texts: &mut Vec<&'a str>, options: &mut Vec<&'a str>) {
            match answer {
                Answer::Text(text) => texts.push(text),
                Answer::List(items) => texts.extend(items.iter().map(String::as_str)),
                Answer::Options(items) => {
                    for item in items {
                        options.push(&item.name);
                        texts.extend(item.pros.iter().chain(&item.cons).map(String::as_str));
                    }
                }
                Answer::Each(pairs) => {
                    for (item, answer) in pairs {
                        texts.push(item);
                        gather(answer, texts, options);
                    }
                }
                _ => {}
            }
        }
        for question in &self.playbook.questions {
            if let Some(answer) = self.answer(&question.id) {
                gather(answer, &mut texts, &mut options);
            }
        }
        crate::phrase::lead_names(texts, options)
            .into_iter()
            .collect()
    }

    /// The assessments in playbook order.
    pub(crate) fn ordered_assessments(&self) -> Vec<&Assessment> {
        self.playbook
            .assessments
            .iter()
            .filter_map(|spec| self.assessments.get(&spec.id))
            .collect()
    }

    /// Whether `question` has an answer that says something: a question skipped (an
    /// optional answer left empty) cites nothing in the record.
    fn answered(&self, question: &Question) -> bool {
        self.answer(&question.id)
            .is_some_and(|answer| !answer.is_empty())
    }

    /// Each assessment in playbook order, with the passages its verdict cites in the record:
    /// its own, then those its answered questions were asked with. The record points at
    /// every quote it lists, so a question's quote belongs to the verdict it fed.
    pub(crate) fn framed_assessments(&self) -> Vec<(&Assessment, Vec<&str>)> {
        self.playbook
            .assessments
            .iter()
            .filter_map(|spec| {
                let result = self.assessments.get(&spec.id)?;
                let mut passages: Vec<&str> = result.passages.clone();
                let asked = self.playbook.questions.iter().filter(|question| {
                    spec.inputs.values().any(|id| *id == question.id) && self.answered(question)
                });
                for id in asked.flat_map(|question| question.cites.iter()) {
                    if !passages.contains(&id.as_str()) {
                        passages.push(id);
                    }
                }
                Some((result, passages))
            })
            .collect()
    }

    /// Passage ids the record cites: each assessment's (with its questions'), then the
    /// other questions asked, then the playbook's own, without repeats.
    pub(crate) fn cited_passages(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        let mut add = |id: &str| {
            if !ids.iter().any(|known| known == id) {
                ids.push(id.to_string());
            }
        };
        for (_, passages) in self.framed_assessments() {
            passages.iter().for_each(|id| add(id));
        }
        for question in self.playbook.questions.iter().filter(|q| self.answered(q)) {
            question.cites.iter().for_each(|id| add(id));
        }
        self.playbook.cites.iter().for_each(|id| add(id));
        ids
    }
}

#[cfg(test)]
mod tests;
