//! The series' frameworks as pure functions, each described completely in its own file:
//! the inputs it takes (with their kinds and allowed values), the facts it produces, and
//! its verdict kinds with the passage that grounds each. The words the coach says for a
//! verdict live in a template (`templates/coach/<framework>.txt`), so a team can adapt
//! them the way it adapts records.
//!
//! A framework's `run` turns typed inputs into a [`Finding`]: a verdict kind, facts and
//! named warnings. The session renders the finding's words and gets an [`Assessment`];
//! [`outcome`] then reconciles a run's assessments into the one outcome every output is
//! rendered from.

pub(crate) mod boundaries;
pub(crate) mod cadence;
pub(crate) mod calendar;
pub(crate) mod career;
pub(crate) mod deadline;
pub(crate) mod delegation;
pub(crate) mod disagreement;
pub(crate) mod door;
pub(crate) mod finish;
pub(crate) mod history;
pub(crate) mod information;
pub(crate) mod look_back;
pub(crate) mod modes;
pub(crate) mod one_on_one;
pub(crate) mod outcome;
pub(crate) mod say_no;
pub(crate) mod t_shape;
pub(crate) mod tech_debt;
pub(crate) mod units;
pub(crate) mod upward;
pub(crate) mod words;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::answer::{Answer, Duration, Kind};
use crate::error::{Error, Result};
use crate::template::Templates;
pub(crate) use calendar::WorkCalendar;
pub(crate) use history::{History, Personal};
pub(crate) use outcome::Stance;

/// Every framework a playbook can run, in the order `decide playbooks show` lists them.
pub(crate) static FRAMEWORKS: &[&Framework] = &[
    &door::FRAMEWORK,
    &information::FRAMEWORK,
    &tech_debt::FRAMEWORK,
    &deadline::FRAMEWORK,
    &upward::FRAMEWORK,
    &disagreement::FRAMEWORK,
    &delegation::FRAMEWORK,
    &say_no::FRAMEWORK,
    &look_back::FRAMEWORK,
    &finish::FRAMEWORK,
    &cadence::FRAMEWORK,
    &one_on_one::FRAMEWORK,
    &modes::FRAMEWORK,
    &career::FRAMEWORK,
    &t_shape::FRAMEWORK,
    &boundaries::FRAMEWORK,
];

pub(crate) fn find(name: &str) -> Option<&'static Framework> {
    FRAMEWORKS.iter().copied().find(|f| f.name == name)
}

/// A framework, as it describes itself to the playbook loader and the session.
pub(crate) struct Framework {
    /// The name playbooks use: `framework: door-type`.
    pub name: &'static str,
    /// The heading its verdict appears under: "One-way or two-way door".
    pub title: &'static str,
    pub inputs: &'static [Input],
    /// The facts it produces, which templates, defaults and conditions may read as
    /// `<assessment id>.<fact>`.
    pub facts: &'static [&'static str],
    pub verdicts: &'static [Verdict],
    /// The warnings it may raise, by name.
    pub warnings: &'static [&'static str],
    /// Runs once every required input has a value; `None` until then.
    pub run: fn(&Inputs<'_>) -> Option<Finding>,
    /// The facts a personal playbook's journal entry keeps, for later runs and
    /// `decide stats` to read; team records keep none of them.
    pub keeps: &'static [&'static str],
    /// Answers the framework cannot take whatever else is said (more hours than a week
    /// has, a follow-up for someone who is not there): why, in one sentence. The session
    /// refuses such an answer as it refuses a malformed one.
    pub refuse: Option<fn(&Inputs<'_>) -> Option<String>>,
    /// Warnings that read an input whose question comes later in a playbook, falling back
    /// to a default until it is answered: (warning, inputs). While such a question is still
    /// to be asked, the session holds the warning back, so the coach never tells the lead
    /// something built on an answer they have not given yet.
    pub waits: &'static [(&'static str, &'static [&'static str])],
}

impl std::fmt::Debug for Framework {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Framework")
            .field("name", &self.name)
            .finish()
    }
}

impl Framework {
    pub(crate) fn verdict(&self, id: &str) -> Option<&'static Verdict> {
        self.verdicts.iter().find(|v| v.id == id)
    }

    pub(crate) fn input(&self, name: &str) -> Option<&'static Input> {
        self.inputs.iter().find(|i| i.name == name)
    }

    /// The template holding the coach's words for this framework's verdicts.
    pub(crate) fn template(&self) -> String {
        format!("coach/{}.txt", self.name)
    }
}

/// One input of a framework. Frameworks read an input through its constant, so the name
/// a playbook wires and the name `run` reads can never differ.
#[derive(Debug)]
pub(crate) struct Input {
    pub name: &'static str,
    pub accepts: Accepts,
    pub required: bool,
    pub about: &'static str,
    /// For choice inputs: the only values the framework understands. A playbook that
    /// offers another value is refused when it loads.
    pub values: &'static [&'static str],
}

impl Input {
    /// A number the lead must give (hours, a count, a rating), with no fixed values.
    pub(crate) const fn number(name: &'static str, about: &'static str) -> Input {
        Input {
            name,
            accepts: Accepts::Question(&[Kind::Number]),
            required: true,
            about,
            values: &[],
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Accepts {
    /// An answer to a question of one of these kinds.
    Question(&'static [Kind]),
    /// The result of an earlier assessment by this framework.
    Assessment(&'static str),
}

/// One kind of verdict: its name, what it means for the run's outcome, and the passage
/// that justifies that advice (shown with it), then any others the record cites.
#[derive(Debug)]
pub(crate) struct Verdict {
    pub id: &'static str,
    pub stance: Stance,
    pub passage: &'static str,
    pub also: &'static [&'static str],
}

/// What a framework found: a verdict kind, the facts behind it, and named warnings about
/// inputs that cannot all be true.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub verdict: &'static str,
    pub facts: Map<String, Value>,
    pub warnings: Vec<&'static str>,
    /// The stance when an answer settles it rather than the verdict (a delegation stays a
    /// proposal until the delegate has said yes); `None` takes the verdict's.
    pub stance: Option<Stance>,
}

impl Finding {
    /// `facts` is a JSON object (from `json!({...})`); anything else counts as no facts.
    pub(crate) fn new(verdict: &'static str, facts: Value) -> Finding {
        let facts = match facts {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        Finding {
            verdict,
            facts,
            warnings: Vec::new(),
            stance: None,
        }
    }

    pub(crate) fn with_stance(mut self, stance: Stance) -> Finding {
        self.stance = Some(stance);
        self
    }

    pub(crate) fn warn(mut self, warnings: impl IntoIterator<Item = &'static str>) -> Finding {
        self.warnings.extend(warnings);
        self
    }

    #[cfg(test)]
    pub(crate) fn fact_str(&self, key: &str) -> Option<&str> {
        self.facts.get(key).and_then(Value::as_str)
    }
}

/// A finding with the coach's words: what templates, the record and the screen show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Assessment {
    /// The framework that produced it (`door-type`, `information`, …).
    pub framework: &'static str,
    /// The framework's name as a heading: "One-way or two-way door".
    pub title: &'static str,
    /// The verdict kind (`two-way`, `investigate`, …).
    pub kind: &'static str,
    /// The headline: "Two-way door: decide fast".
    pub verdict: String,
    /// Why, in one or two plain sentences built from the user's own answers.
    pub reasoning: String,
    /// The passage that grounds this verdict, then any others the record cites.
    pub passages: Vec<&'static str>,
    pub stance: Stance,
    /// Named warnings, each with the coach's words for it.
    pub warnings: Vec<Warning>,
    /// Values later questions, defaults and templates use (`door`, `review_by`, …).
    pub facts: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Warning {
    pub id: &'static str,
    pub text: String,
    /// The answers look wrong (`!!` in the coach template): a message built on them is not
    /// ready to send until the lead checks them.
    pub check_first: bool,
    /// What to do about it with the tool (a key to answer, a setting to add): said at the
    /// terminal only, as a signed record is no place for instructions to its tool.
    pub hint: Option<String>,
}

impl Assessment {
    pub(crate) fn fact_str(&self, key: &str) -> Option<&str> {
        self.facts.get(key).and_then(Value::as_str)
    }

    /// The passage shown with the verdict: the one that justifies this advice.
    pub(crate) fn grounding(&self) -> Option<&'static str> {
        self.passages.first().copied()
    }
}

/// How long after the decision a review should come due, by door type. Two-way doors are
/// cheap to change, so check them soon; one-way doors need time to show how they hold up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ReviewPeriods {
    pub two_way_days: i64,
    pub one_way_days: i64,
    /// How long a one-way decision below 70% may be investigated before deciding.
    pub investigation_days: i64,
}

impl Default for ReviewPeriods {
    fn default() -> Self {
        ReviewPeriods {
            two_way_days: 30,
            one_way_days: 90,
            investigation_days: 14,
        }
    }
}

/// What every framework may use besides its inputs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Conditions<'a> {
    pub today: NaiveDate,
    pub periods: ReviewPeriods,
    /// Working days, for work that is stated in days or weeks.
    pub calendar: &'a WorkCalendar,
    /// The jargon list: built in, plus the team's own `words/jargon.yaml`.
    pub jargon: &'a words::WordList,
    /// The lead's journal and own limits, for the personal frameworks.
    pub personal: &'a Personal,
}

/// The values wired to a framework's inputs, read through the inputs' constants.
pub(crate) struct Inputs<'a> {
    answers: BTreeMap<&'static str, &'a Answer>,
    assessments: BTreeMap<&'static str, &'a Assessment>,
    pub conditions: Conditions<'a>,
}

impl<'a> Inputs<'a> {
    pub(crate) fn new(conditions: Conditions<'a>) -> Inputs<'a> {
        Inputs {
            answers: BTreeMap::new(),
            assessments: BTreeMap::new(),
            conditions,
        }
    }

    pub(crate) fn set_answer(&mut self, input: &'static Input, answer: &'a Answer) {
        self.answers.insert(input.name, answer);
    }

    pub(crate) fn set_assessment(&mut self, input: &'static Input, assessment: &'a Assessment) {
        self.assessments.insert(input.name, assessment);
    }

    pub(crate) fn today(&self) -> NaiveDate {
        self.conditions.today
    }

    pub(crate) fn has(&self, input: &Input) -> bool {
        self.answers.contains_key(input.name)
    }

    pub(crate) fn answer(&self, input: &Input) -> Option<&'a Answer> {
        self.answers.get(input.name).copied()
    }

    pub(crate) fn assessment(&self, input: &Input) -> Option<&'a Assessment> {
        self.assessments.get(input.name).copied()
    }

    /// Text, with an empty answer (an optional question left blank) read as none.
    pub(crate) fn text(&self, input: &Input) -> Option<&'a str> {
        self.answer(input)?
            .as_text()
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }

    pub(crate) fn list(&self, input: &Input) -> Vec<String> {
        match self.answer(input) {
            Some(Answer::List(items)) => items.clone(),
            Some(Answer::Text(item)) if !item.trim().is_empty() => vec![item.clone()],
            _ => Vec::new(),
        }
    }

    pub(crate) fn duration(&self, input: &Input) -> Option<Duration> {
        self.answer(input)?.as_duration()
    }

    pub(crate) fn number(&self, input: &Input) -> Option<f64> {
        self.answer(input)?.as_number()
    }

    pub(crate) fn yes(&self, input: &Input) -> Option<bool> {
        self.answer(input)?.as_bool()
    }

    pub(crate) fn date(&self, input: &Input) -> Option<NaiveDate> {
        match self.answer(input)? {
            Answer::Date(date) => Some(*date),
            _ => None,
        }
    }

    /// The names of an options answer, or the items of a list.
    pub(crate) fn names(&self, input: &Input) -> Option<Vec<String>> {
        match self.answer(input)? {
            Answer::Options(options) => Some(options.iter().map(|o| o.name.clone()).collect()),
            Answer::List(items) => Some(items.clone()),
            _ => None,
        }
    }

    /// A `for_each` question's answers as item → text.
    pub(crate) fn each_text(&self, input: &Input) -> Vec<(String, String)> {
        self.each(input)
            .filter_map(|(item, answer)| Some((item.clone(), answer.as_text()?.to_string())))
            .collect()
    }

    /// A `for_each` question's answers as item → number.
    pub(crate) fn each_number(&self, input: &Input) -> Vec<(String, f64)> {
        self.each(input)
            .filter_map(|(item, answer)| Some((item.clone(), answer.as_number()?)))
            .collect()
    }

    /// A `for_each` question's answers as item → duration.
    pub(crate) fn each_duration(&self, input: &Input) -> Vec<(String, Duration)> {
        self.each(input)
            .filter_map(|(item, answer)| Some((item.clone(), answer.as_duration()?)))
            .collect()
    }

    fn each(&self, input: &Input) -> impl Iterator<Item = &'a (String, Answer)> {
        self.answer(input)
            .and_then(|a| a.as_each())
            .unwrap_or_default()
            .iter()
    }
}

/// Give a finding the coach's words: render the framework's template with the finding's
/// facts, its verdict kind and its warnings. The first line it writes is the headline, the
/// other lines the reasoning, and a line `! NAME: text` the words for warning NAME.
pub(crate) fn speak(
    framework: &'static Framework,
    finding: Finding,
    templates: &Templates,
) -> Result<Assessment> {
    let mut context = finding.facts.clone();
    context.insert("verdict".into(), Value::from(finding.verdict));
    context.insert(
        "warnings".into(),
        Value::from(
            finding
                .warnings
                .iter()
                .map(|w| Value::from(*w))
                .collect::<Vec<_>>(),
        ),
    );
    let template = framework.template();
    let text = templates.render(&template, &Value::Object(context))?;
    let words = Words::parse(&text);
    let missing = |what: &str| {
        Error::content(format!(
            "template `{template}` gives no {what} for verdict `{}`",
            finding.verdict
        ))
        .hint("write the verdict's headline on its first line, then the reasoning")
    };
    let headline = words.headline.ok_or_else(|| missing("headline"))?;
    let warnings = finding
        .warnings
        .iter()
        .map(|id| {
            if !framework.warnings.contains(id) {
                return Err(Error::content(format!(
                    "framework `{}` raised warning `{id}`, which it does not describe",
                    framework.name
                )));
            }
            let text = words
                .warnings
                .iter()
                .find(|(name, _, _)| name == id)
                .map(|(_, text, check_first)| (text.clone(), *check_first))
                .ok_or_else(|| missing(&format!("words for warning `{id}`")))?;
            let (text, check_first) = text;
            let hint = words
                .hints
                .iter()
                .find(|(name, _)| name == id)
                .map(|(_, hint)| hint.clone());
            Ok(Warning {
                id,
                text,
                check_first,
                hint,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let verdict = framework.verdict(finding.verdict).ok_or_else(|| {
        Error::content(format!(
            "framework `{}` gave verdict `{}`, which it does not describe",
            framework.name, finding.verdict
        ))
    })?;
    Ok(Assessment {
        framework: framework.name,
        title: framework.title,
        kind: verdict.id,
        verdict: headline,
        reasoning: words.reasoning,
        passages: std::iter::once(verdict.passage)
            .chain(verdict.also.iter().copied())
            .collect(),
        stance: finding.stance.unwrap_or(verdict.stance),
        warnings,
        facts: finding.facts,
    })
}

/// A coach template's output, read back.
#[derive(Debug, Default, PartialEq)]
struct Words {
    headline: Option<String>,
    reasoning: String,
    /// Name, words, and whether it must be checked before sending (`!!`).
    warnings: Vec<(String, String, bool)>,
    /// A warning's name and what to do about it with the tool: a `>` line after it.
    hints: Vec<(String, String)>,
}

impl Words {
    fn parse(text: &str) -> Words {
        let mut words = Words::default();
        let mut reasoning: Vec<&str> = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(rest) = line.strip_prefix('!') {
                let (rest, check_first) = match rest.strip_prefix('!') {
                    Some(rest) => (rest, true),
                    None => (rest, false),
                };
                if let Some((name, text)) = rest.split_once(':') {
                    words.warnings.push((
                        name.trim().to_string(),
                        text.trim().to_string(),
                        check_first,
                    ));
                }
            } else if let Some(hint) = line.strip_prefix('>') {
                if let Some((name, _, _)) = words.warnings.last() {
                    words.hints.push((name.clone(), hint.trim().to_string()));
                }
            } else if words.headline.is_none() {
                words.headline = Some(line.to_string());
            } else {
                reasoning.push(line);
            }
        }
        words.reasoning = reasoning.join(" ");
        words
    }
}

/// Percent of `part` in `whole`, to the nearest whole percent (2 of 3 is 67%), except that
/// a share below the rule's 70% never shows as 70% (69.6% is 69%).
pub(crate) fn percent_floor(part: usize, whole: usize) -> u32 {
    // Nothing wished for means nothing missing.
    if whole == 0 {
        return 100;
    }
    let nearest = ((part * 200 + whole) / (whole * 2)) as u32;
    if nearest == 70 && part * 100 < whole * 70 {
        69
    } else {
        nearest
    }
}

/// `n` and the noun in the right number: "1 item", "3 items".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests;
