//! One question made ready to ask: its prompt, default and choices resolved against the
//! answers so far, and the one set of parsing and validation rules every prompter uses.

use crate::answer::{self, Answer, Estimate, OptionItem};
use crate::passages::Passage;
use crate::playbook::{Choice, Kind, Question};
use crate::yaml::{self, Value};

#[derive(Debug, Clone)]
pub(crate) struct Ask<'a> {
    pub question: &'a Question,
    pub default: Option<Answer>,
    pub choices: Vec<Choice>,
    pub passages: Vec<&'a Passage>,
    /// For a `for_each` question: the item this ask is about.
    pub item: Option<Item>,
    /// The prompt and help rendered with the answers so far, when they name any.
    pub prompt_text: Option<String>,
    pub help_text: Option<String>,
    /// The session's today, for dates that may not lie in the past.
    pub today: chrono::NaiveDate,
    /// The team's working days, for dates that must fall on one.
    pub calendar: crate::coach::WorkCalendar,
}

/// One item of a `for_each` question, with the prompt and help rendered for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub name: String,
    pub prompt: String,
    pub help: Option<String>,
}

impl Ask<'_> {
    pub(crate) fn id(&self) -> &str {
        &self.question.id
    }

    pub(crate) fn kind(&self) -> Kind {
        self.question.kind
    }

    pub(crate) fn prompt(&self) -> &str {
        match (&self.item, &self.prompt_text) {
            (Some(item), _) => &item.prompt,
            (None, Some(text)) => text,
            (None, None) => &self.question.prompt,
        }
    }

    pub(crate) fn help(&self) -> Option<&str> {
        match (&self.item, &self.help_text) {
            (Some(item), _) => item.help.as_deref(),
            (None, Some(text)) => Some(text),
            (None, None) => self.question.help.as_deref(),
        }
    }

    pub(crate) fn is_optional(&self) -> bool {
        self.question.optional
    }

    /// Turn text typed at a prompt into an answer. Empty input takes the default.
    pub(crate) fn parse_input(&self, text: &str) -> Result<Answer, String> {
        let text = text.trim();
        if text.is_empty() {
            return match &self.default {
                Some(default) => Ok(default.clone()),
                None => self.empty(),
            };
        }
        let answer = match self.kind() {
            Kind::Text | Kind::LongText => Answer::Text(text.to_string()),
            Kind::YesNo => Answer::YesNo(answer::parse_yes_no(text).ok_or("answer yes or no")?),
            Kind::Number => Answer::Number(answer::parse_number(text)?),
            Kind::Duration => Answer::Duration(Estimate::parse(text)?),
            Kind::Date => Answer::Date(answer::parse_date(text, self.today, &self.calendar)?),
            Kind::List => Answer::List(answer::split_list(text)),
            Kind::Choice if self.question.multiple => Answer::List(
                answer::split_list(text)
                    .iter()
                    .map(|item| self.match_choice(item))
                    .collect::<Result<_, _>>()?,
            ),
            Kind::Choice => Answer::Text(self.match_choice(text)?),
            Kind::Options => Answer::Options(
                answer::split_list(text)
                    .into_iter()
                    .map(OptionItem::named)
                    .collect(),
            ),
        };
        self.validate(answer)
    }

    /// Turn text typed at a prompt that showed the default typed in already into an
    /// answer: the text is all there is, so empty is empty (and refused when required).
    pub(crate) fn parse_typed(&self, text: &str) -> Result<Answer, String> {
        if text.trim().is_empty() {
            return self.empty().and_then(|empty| self.validate(empty));
        }
        self.parse_input(text)
    }

    /// An answer as the screen shows it: a choice by its label, never its value; nothing
    /// as "none".
    pub(crate) fn shown(&self, answer: &Answer) -> String {
        let label = |value: &str| {
            self.choices
                .iter()
                .find(|c| c.value() == value)
                .map_or_else(|| value.to_string(), |c| c.label().to_string())
        };
        let text = match (self.kind(), answer) {
            (Kind::Choice, Answer::Text(value)) => label(value),
            (Kind::Choice, Answer::List(values)) => values
                .iter()
                .map(|v| label(v))
                .collect::<Vec<_>>()
                .join("; "),
            // An estimate read from other words keeps them: `4 days (from "3-4 days")`.
            (Kind::Duration, Answer::Duration(estimate)) => {
                answer.echo(estimate.said.as_deref().unwrap_or_default(), self.today)
            }
            (Kind::Date | Kind::Duration | Kind::Number, _) => answer.echo("", self.today),
            _ => answer.to_input_text(),
        };
        if text.trim().is_empty() {
            "none".to_string()
        } else {
            text
        }
    }

    /// The answer read back once given: as understood, with what was typed when that
    /// was read from other words (`4 months (from "3-4 months")`).
    pub(crate) fn echo(&self, answer: &Answer, typed: &str) -> String {
        match (self.kind(), answer) {
            (Kind::Date | Kind::Duration | Kind::Number, _) if !answer.is_empty() => {
                answer.echo(typed, self.today)
            }
            _ => self.shown(answer),
        }
    }

    /// Turn a value from an answers file into an answer.
    pub(crate) fn parse_yaml(&self, value: &Value) -> Result<Answer, String> {
        let wrong = || {
            format!(
                "expected {}, got {}",
                self.kind().expectation(),
                yaml::describe(value)
            )
        };
        // An empty string is an empty answer, as at the terminal: fine when optional.
        let blank = matches!(value, Value::String(text) if text.trim().is_empty());
        if value.is_null() || (blank && !matches!(self.kind(), Kind::Text | Kind::LongText)) {
            return self.empty();
        }
        let answer = match (self.kind(), value) {
            (Kind::Text | Kind::LongText, Value::String(text)) => {
                Answer::Text(text.trim().to_string())
            }
            (Kind::Text | Kind::LongText, Value::Number(n)) => Answer::Text(n.to_string()),
            (Kind::YesNo, Value::Bool(b)) => Answer::YesNo(*b),
            (Kind::YesNo, Value::String(text)) => {
                Answer::YesNo(answer::parse_yes_no(text).ok_or_else(wrong)?)
            }
            (Kind::Number, Value::Number(n)) => Answer::Number(n.as_f64().ok_or_else(wrong)?),
            (Kind::Number, Value::String(text)) => Answer::Number(answer::parse_number(text)?),
            (Kind::Duration, Value::String(text)) => Answer::Duration(Estimate::parse(text)?),
            (Kind::Date, Value::String(text)) => {
                Answer::Date(answer::parse_date(text, self.today, &self.calendar)?)
            }
            (Kind::List, Value::Sequence(items)) => Answer::List(strings(items).ok_or_else(wrong)?),
            (Kind::List, Value::String(text)) => Answer::List(answer::split_list(text)),
            (Kind::Choice, Value::String(text)) if !self.question.multiple => {
                Answer::Text(self.match_choice(text)?)
            }
            (Kind::Choice, Value::Sequence(items)) if self.question.multiple => Answer::List(
                strings(items)
                    .ok_or_else(wrong)?
                    .iter()
                    .map(|item| self.match_choice(item))
                    .collect::<Result<_, _>>()?,
            ),
            (Kind::Options, Value::Sequence(_)) => {
                let options: Vec<OptionItem> = yaml::from_value(value.clone()).map_err(|e| {
                    format!(
                        "{e}; write each option as {{name: ..., pros: [...], cons: [...], undo: ...}}"
                    )
                })?;
                // A name is chosen by its text later: "Redis " and "Redis" are one option.
                Answer::Options(
                    options
                        .into_iter()
                        .map(|option| OptionItem {
                            name: option.name.trim().to_string(),
                            ..option
                        })
                        .collect(),
                )
            }
            _ => return Err(wrong()),
        };
        self.validate(answer)
    }

    fn empty(&self) -> Result<Answer, String> {
        if self.is_optional() {
            Ok(match self.kind() {
                Kind::List | Kind::Options => Answer::List(vec![]),
                Kind::Choice if self.question.multiple => Answer::List(vec![]),
                _ => Answer::Text(String::new()),
            })
        } else {
            Err("an answer is required".to_string())
        }
    }

    /// The exact choice value for what the user typed: the value itself, its label, or an
    /// unambiguous start of either, ignoring case.
    pub(crate) fn match_choice(&self, typed: &str) -> Result<String, String> {
        // Choices are one-line answers (see `on_one_line`): match them as such.
        let typed = one_line(typed.trim()).to_lowercase();
        let exact = self
            .choices
            .iter()
            .find(|c| c.value().to_lowercase() == typed || c.label().to_lowercase() == typed);
        if let Some(choice) = exact {
            return Ok(choice.value().to_string());
        }
        let starts: Vec<&Choice> = self
            .choices
            .iter()
            .filter(|c| {
                !typed.is_empty()
                    && (c.value().to_lowercase().starts_with(&typed)
                        || c.label().to_lowercase().starts_with(&typed))
            })
            .collect();
        match starts.as_slice() {
            [one] => Ok(one.value().to_string()),
            _ => {
                let names: Vec<String> = self
                    .choices
                    .iter()
                    .map(|c| format!("{:?}", c.value()))
                    .collect();
                Err(format!(
                    "{typed:?} is not one of the choices: {}",
                    names.join(", ")
                ))
            }
        }
    }

    /// Rules every answer must meet, however it was given.
    pub(crate) fn validate(&self, answer: Answer) -> Result<Answer, String> {
        let answer = self.on_one_line(answer);
        let rules = &self.question.validation;
        if answer.is_empty() && !self.is_optional() {
            return Err("an answer is required".to_string());
        }
        match &answer {
            Answer::Text(text) => {
                if text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t')
                {
                    return Err("the text contains control characters".to_string());
                }
                if rules.file_name
                    && let Some(problem) = crate::store::path_like(text)
                {
                    return Err(format!(
                        "the title becomes the file name and {problem}; describe the decision instead"
                    ));
                }
                if let Some(max) = rules.max_length
                    && text.chars().count() > max
                {
                    return Err(format!(
                        "keep it to {max} characters (this is {})",
                        text.chars().count()
                    ));
                }
                let words = answer::word_count(text);
                if let Some(max) = rules.max_words
                    && words > max
                {
                    return Err(format!("keep it to {max} words (this is {words})"));
                }
            }
            Answer::Date(date) if rules.after_today && *date <= self.today => {
                return Err(format!(
                    "{} is not after today ({}); give a later date",
                    date.format("%Y-%m-%d"),
                    self.today.format("%Y-%m-%d")
                ));
            }
            Answer::Date(date) if rules.not_past && *date < self.today => {
                return Err(format!(
                    "{} has passed (today is {}); give today or a later date",
                    date.format("%Y-%m-%d"),
                    self.today.format("%Y-%m-%d")
                ));
            }
            Answer::Date(date) if rules.working_day && !self.calendar.is_working_day(*date) => {
                let before = self.calendar.on_or_before(*date);
                let after = self.calendar.on_or_after(*date);
                let say = |day| crate::coach::units::human_date(day, self.today);
                let earlier = if before >= self.today {
                    format!("{} or ", say(before))
                } else {
                    String::new()
                };
                return Err(format!(
                    "{} is not a working day; give {earlier}{}",
                    say(*date),
                    say(after)
                ));
            }
            Answer::Number(value) => {
                if !value.is_finite() {
                    return Err("expected a number".to_string());
                }
                if let Some(min) = rules.min
                    && *value < min
                {
                    return Err(format!("must be at least {}", answer::format_number(min)));
                }
                if let Some(max) = rules.max
                    && *value > max
                {
                    return Err(format!("must be at most {}", answer::format_number(max)));
                }
            }
            Answer::List(items) => self.check_count(items.len())?,
            Answer::Options(options) => {
                self.check_count(options.len())?;
                for (index, option) in options.iter().enumerate() {
                    if option.name.trim().is_empty() {
                        return Err(format!("option {} has no name", index + 1));
                    }
                    if options[..index]
                        .iter()
                        .any(|o| o.name.eq_ignore_ascii_case(&option.name))
                    {
                        return Err(format!("option {:?} is listed twice", option.name));
                    }
                }
            }
            _ => {}
        }
        Ok(answer)
    }

    /// Only long text keeps its line breaks. A title, a list item or an option is one
    /// line wherever it is shown (a heading, a bullet, a table cell), so line breaks an
    /// answers file gives it are read as spaces, before they can reach a record.
    fn on_one_line(&self, answer: Answer) -> Answer {
        if self.kind() == Kind::LongText {
            return answer;
        }
        match answer {
            Answer::Text(text) => Answer::Text(one_line(&text)),
            Answer::List(items) => Answer::List(items.iter().map(|i| one_line(i)).collect()),
            Answer::Options(options) => Answer::Options(
                options
                    .into_iter()
                    .map(|option| OptionItem {
                        name: one_line(&option.name),
                        pros: option.pros.iter().map(|p| one_line(p)).collect(),
                        cons: option.cons.iter().map(|c| one_line(c)).collect(),
                        undo: option.undo,
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    fn check_count(&self, count: usize) -> Result<(), String> {
        let rules = &self.question.validation;
        if let Some(min) = rules.min_items
            && count < min
        {
            return Err(format!(
                "give at least {min} (separate them with ;), got {count}"
            ));
        }
        if let Some(max) = rules.max_items
            && count > max
        {
            return Err(format!("give at most {max}, got {count}"));
        }
        Ok(())
    }
}

/// `text` with its line breaks (and the spaces around them) as single spaces.
fn one_line(text: &str) -> String {
    if !text.contains(['\n', '\r']) {
        return text.to_string();
    }
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn strings(items: &[Value]) -> Option<Vec<String>> {
    items
        .iter()
        .map(|item| match item {
            Value::String(text) => Some(text.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        })
        .collect()
}
