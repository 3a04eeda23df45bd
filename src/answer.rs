//! Answers: the typed values a session collects, how text typed at a prompt and values in
//! an answers file become them, and how they are written back (drafts, answers files).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::yaml::{self, Value};

mod said;
#[cfg(test)]
pub(crate) use said::dates_as_said;
pub(crate) use said::dates_as_said_in;

/// An estimate of time, as a person states it: "3 days", "2 weeks", "6 months".
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Duration {
    pub amount: f64,
    pub unit: Unit,
}

/// A duration answer: the duration understood, and what was typed when it said more than a
/// number and a unit ("3-4 months", "about 10 days"). The duration is its cautious reading
/// (the longer end of a range, so a door is never taken for easier to undo than the lead
/// said); the typed text is what the record keeps.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Estimate {
    pub duration: Duration,
    pub said: Option<String>,
}

impl Estimate {
    pub(crate) fn parse(text: &str) -> Result<Estimate, String> {
        let (duration, said) = Duration::parse_said(text)?;
        Ok(Estimate { duration, said })
    }
}

/// What the lead said: the typed estimate when it was more than a number and a unit.
impl fmt::Display for Estimate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.said {
            Some(said) => f.write_str(said),
            None => self.duration.fmt(f),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

impl Unit {
    /// Calendar days in one unit. A month is 30 days and a year 365: estimates, not dates.
    fn days(self) -> f64 {
        match self {
            Unit::Minutes => 1.0 / (24.0 * 60.0),
            Unit::Hours => 1.0 / 24.0,
            Unit::Days => 1.0,
            Unit::Weeks => 7.0,
            Unit::Months => 30.0,
            Unit::Years => 365.0,
        }
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Unit::Minutes => ("minute", "minutes"),
            Unit::Hours => ("hour", "hours"),
            Unit::Days => ("day", "days"),
            Unit::Weeks => ("week", "weeks"),
            Unit::Months => ("month", "months"),
            Unit::Years => ("year", "years"),
        }
    }

    fn parse(word: &str) -> Option<Unit> {
        Some(match word.to_lowercase().as_str() {
            "m" | "min" | "mins" | "minute" | "minutes" => Unit::Minutes,
            "h" | "hr" | "hrs" | "hour" | "hours" => Unit::Hours,
            "d" | "day" | "days" => Unit::Days,
            "w" | "wk" | "wks" | "week" | "weeks" => Unit::Weeks,
            "mo" | "mon" | "month" | "months" => Unit::Months,
            "y" | "yr" | "yrs" | "year" | "years" => Unit::Years,
            _ => return None,
        })
    }
}

impl Duration {
    pub(crate) fn new(amount: f64, unit: Unit) -> Duration {
        Duration { amount, unit }
    }

    pub(crate) fn days(&self) -> f64 {
        self.amount * self.unit.days()
    }

    /// Parse "3 days", "3d", "2.5 weeks", "6mo", "1 year". Errors say what is expected.
    pub(crate) fn parse(text: &str) -> Result<Duration, String> {
        Duration::parse_said(text).map(|(duration, _)| duration)
    }

    /// [`Duration::parse`], also for estimates as people say them: "3-4 months", "a few
    /// weeks", "about 10 days", "a quarter", "a month or two". With such an estimate comes
    /// the text typed, trimmed.
    pub(crate) fn parse_said(text: &str) -> Result<(Duration, Option<String>), String> {
        let text = text.trim();
        let ((amount, unit), said) = match plain_duration(text) {
            Ok(plain) => (plain, None),
            Err(problem) => match spoken_duration(&text.to_lowercase()) {
                Some(spoken) => (spoken, Some(text.to_string())),
                None => return Err(problem),
            },
        };
        if !amount.is_finite() || amount < 0.0 {
            return Err(format!("a duration cannot be negative ({text:?})"));
        }
        if amount > 1000.0 * 365.0 / unit.days().max(1.0) && unit >= Unit::Days {
            return Err(format!(
                "{text:?} is longer than any plan; check the number"
            ));
        }
        Ok((Duration { amount, unit }, said))
    }
}

/// A number and a unit: "3 days", "3d", "2.5 weeks".
fn plain_duration(text: &str) -> Result<(f64, Unit), String> {
    let digits = text
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+'))))
        .map_or(text.len(), |(i, _)| i);
    let (number, unit) = (text[..digits].trim(), text[digits..].trim());
    let example = "a number and a unit, like \"3 days\", \"3-4 months\" or \"a few weeks\"";
    if number.is_empty() || unit.is_empty() {
        return Err(format!("expected {example}, got {text:?}"));
    }
    let amount: f64 = number
        .parse()
        .map_err(|_| format!("{number:?} is not a number; expected {example}"))?;
    let unit = Unit::parse(unit).ok_or_else(|| {
        format!("unknown unit {unit:?}; use minutes, hours, days, weeks, months or years")
    })?;
    Ok((amount, unit))
}

/// Words that soften an estimate without changing it: "about 10 days", "~3 weeks".
const ROUGHLY: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "approx.",
    "approx",
    "maybe",
    "perhaps",
    "probably",
    "circa",
    "ca.",
    "nearly",
    "almost",
    "up to",
    "at most",
    "at least",
    "less than",
    "more than",
    "under",
    "over",
    "~",
    "<",
    ">",
];
const ROUGHLY_AFTER: &[&str] = &["or so", "or more", "at most", "tops", "max", "ish", "+"];

/// An estimate as people say it, read cautiously: a range takes its longer end, "a few" is
/// three, "several" four, "a couple" two; "a quarter" is three months.
fn spoken_duration(text: &str) -> Option<(f64, Unit)> {
    let mut text = text
        .trim()
        .trim_end_matches(['.', '?', '!'])
        .trim()
        .to_string();
    loop {
        let before = text.len();
        for word in ROUGHLY {
            if let Some(rest) = text.strip_prefix(word) {
                text = rest.trim_start().to_string();
            }
        }
        for word in ROUGHLY_AFTER {
            if let Some(rest) = text.strip_suffix(word) {
                text = rest.trim_end().trim_end_matches('-').to_string();
            }
        }
        if text.len() == before {
            break;
        }
    }
    let text = text.replace(['\u{2013}', '\u{2014}'], "-");
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        // "3-4mo", "6w": the amount and the unit written together.
        match word.find(|c: char| c.is_alphabetic()) {
            Some(at) if at > 0 && word[..at].chars().any(|c| c.is_ascii_digit()) => {
                words.push(word[..at].to_string());
                words.push(word[at..].to_string());
            }
            _ => words.push(word.to_string()),
        }
    }
    // "a month or two": the amount comes after the unit.
    if let [amount @ .., unit, or, more] = words.as_slice()
        && or == "or"
        && let Some(more) = amount_word(more)
        && let Some((per, unit)) = spoken_unit(unit)
    {
        let first = if amount.is_empty() {
            1.0
        } else {
            spoken_amount(&amount.join(" "))?
        };
        return Some((first.max(more) * per, unit));
    }
    // "days" alone says no amount: an amount is always given, if only as "a".
    let (unit, amount) = words.split_last()?;
    let (per, unit) = spoken_unit(unit)?;
    Some((spoken_amount(&amount.join(" "))? * per, unit))
}

/// A unit, with the ones a plain duration does not take: a quarter is three months, a
/// fortnight two weeks.
fn spoken_unit(word: &str) -> Option<(f64, Unit)> {
    match word {
        "quarter" | "quarters" | "q" => Some((3.0, Unit::Months)),
        "fortnight" | "fortnights" => Some((2.0, Unit::Weeks)),
        _ => Unit::parse(word).map(|unit| (1.0, unit)),
    }
}

/// "3", "3-4", "3 to 4", "between 3 and 4", "a few", "a couple of", "half a": the longer
/// end of a range.
fn spoken_amount(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = text.strip_prefix("between ").unwrap_or(text);
    let text = text.strip_suffix(" of").unwrap_or(text);
    for separator in ["-", " to ", " or ", " and "] {
        if let Some((low, high)) = text.split_once(separator) {
            let (low, high) = (spoken_amount(low)?, spoken_amount(high)?);
            return (low <= high).then_some(high);
        }
    }
    let text = text.strip_prefix("a ").unwrap_or(text);
    let text = text.trim_end_matches(['+', '-']).trim_end_matches("ish");
    match text {
        "half a" | "half an" | "half" => Some(0.5),
        _ => amount_word(text),
    }
}

/// A number in digits or in words, up to twelve.
fn amount_word(word: &str) -> Option<f64> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if let Some(n) = WORDS.iter().position(|w| *w == word) {
        return Some(n as f64);
    }
    match word {
        "a" | "an" => Some(1.0),
        "couple" => Some(2.0),
        "few" => Some(3.0),
        "several" => Some(4.0),
        _ => word
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n >= 0.0),
    }
}

/// A number as people type it: "10", "2.5", "70%", "about 10", "~10", "10ish", "1_000".
pub(crate) fn parse_number(text: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    let mut cleaned = trimmed.to_lowercase();
    loop {
        let before = cleaned.len();
        for word in ROUGHLY {
            if let Some(rest) = cleaned.strip_prefix(word) {
                cleaned = rest.trim_start().to_string();
            }
        }
        for word in ["ish", "%", " percent", "or so"] {
            if let Some(rest) = cleaned.strip_suffix(word) {
                cleaned = rest.trim_end().trim_end_matches('-').to_string();
            }
        }
        if cleaned.len() == before {
            break;
        }
    }
    cleaned
        .replace('_', "")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| format!("{trimmed:?} is not a number; give one like \"10\" or \"about 10\""))
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (one, many) = self.unit.names();
        let name = if self.amount == 1.0 { one } else { many };
        write!(f, "{} {name}", format_number(self.amount))
    }
}

/// Numbers as people write them: "2", "2.5", never "2.0" or "2.4999999".
pub(crate) fn format_number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        let text = format!("{rounded:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One considered option with its arguments (MADR's "Good, because" / "Bad, because") and,
/// when the lead gave it, how long undoing it would take: options on the same table can be
/// very different doors (an upgrade in place undone in days, a migration in months).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OptionItem {
    pub name: String,
    #[serde(default)]
    pub pros: Vec<String>,
    #[serde(default)]
    pub cons: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "estimate_as_text"
    )]
    pub undo: Option<Estimate>,
}

/// An estimate in a draft or an answers file is the text the lead typed ("3-4 months"),
/// read again as at the prompt.
mod estimate_as_text {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Estimate;

    pub(super) fn serialize<S: Serializer>(
        estimate: &Option<Estimate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match estimate {
            Some(estimate) => serializer.serialize_str(&estimate.to_string()),
            None => serializer.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Estimate>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) if text.trim().is_empty() => Ok(None),
            Some(text) => Estimate::parse(&text)
                .map(Some)
                .map_err(|e| serde::de::Error::custom(format!("undo: {e}"))),
        }
    }
}

/// The word that starts an option's undo time among its pros and cons: "undo 3 months".
const UNDO_WORD: &str = "undo";

impl OptionItem {
    /// An option by its name alone, before its pros and cons are given.
    pub(crate) fn named(name: impl Into<String>) -> OptionItem {
        OptionItem {
            name: name.into(),
            pros: vec![],
            cons: vec![],
            undo: None,
        }
    }

    /// Parse "+ fast to set up; - costs more; undo 2 weeks" into pros, cons and the time
    /// it would take to undo the option ("undo: 3-4 months" and "undo in 2 days" too).
    pub(crate) fn parse_arguments(name: &str, text: &str) -> Result<OptionItem, String> {
        let mut option = OptionItem::named(name);
        for item in split_list(text) {
            if let Some(pro) = item.strip_prefix('+') {
                option.pros.push(pro.trim().to_string());
            } else if let Some(con) = item.strip_prefix('-') {
                option.cons.push(con.trim().to_string());
            } else if let Some(time) = undo_time(&item) {
                if option.undo.is_some() {
                    return Err(format!("give one undo time, not two: {item:?} is another"));
                }
                let estimate =
                    Estimate::parse(time).map_err(|e| format!("the undo time {time:?}: {e}"))?;
                option.undo = Some(estimate);
            } else {
                return Err(format!(
                    "start each pro with + and each con with -: {item:?} has neither"
                ));
            }
        }
        option.pros.retain(|p| !p.is_empty());
        option.cons.retain(|c| !c.is_empty());
        Ok(option)
    }
}

/// The time in "undo 3 months", "undo: 3 months" or "undo in 3 months"; `None` for an
/// item that does not start with the word.
fn undo_time(item: &str) -> Option<&str> {
    let head = item.get(..UNDO_WORD.len())?;
    if !head.eq_ignore_ascii_case(UNDO_WORD) {
        return None;
    }
    let rest = &item[UNDO_WORD.len()..];
    // "undoable" is a word of a pro, not an undo time.
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let rest = rest.trim_start_matches([':', ' ']).trim();
    Some(rest.strip_prefix("in ").unwrap_or(rest).trim())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
/// The kinds of answer a question can ask for.
pub(crate) enum Kind {
    Text,
    LongText,
    Choice,
    YesNo,
    Number,
    Duration,
    Date,
    List,
    /// Considered options, each with pros and cons.
    Options,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::LongText => "long-text",
            Kind::Choice => "choice",
            Kind::YesNo => "yes-no",
            Kind::Number => "number",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::List => "list",
            Kind::Options => "options",
        }
    }

    /// What an answer of this kind looks like, for error messages.
    pub(crate) fn expectation(self) -> &'static str {
        match self {
            Kind::Text | Kind::LongText => "text",
            Kind::Choice => "one of the choices",
            Kind::YesNo => "yes or no",
            Kind::Number => "a number",
            Kind::Duration => "a duration like \"3 days\" or \"2 months\"",
            Kind::Date => "a date, as YYYY-MM-DD or e.g. \"in 2 weeks\"",
            Kind::List => "a list",
            Kind::Options => "a list of options, each with a name, pros and cons",
        }
    }
}

/// What a question's answer is, by kind.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Answer {
    Text(String),
    YesNo(bool),
    Number(f64),
    Duration(Estimate),
    Date(NaiveDate),
    List(Vec<String>),
    Options(Vec<OptionItem>),
    /// One answer per item, for a question asked `for_each` item of a list: the item, then
    /// its answer, in the order asked.
    Each(Vec<(String, Answer)>),
}

impl Answer {
    /// The value templates and conditions see. Durations become their text ("3 days");
    /// numbers stay numbers so templates can compute with them.
    pub(crate) fn to_template_value(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Answer::Text(text) => json!(text),
            Answer::YesNo(value) => json!(value),
            Answer::Number(value) => json!(value),
            Answer::Duration(estimate) => json!(estimate.to_string()),
            Answer::Date(date) => json!(date.format("%Y-%m-%d").to_string()),
            Answer::List(items) => json!(items),
            Answer::Options(options) => serde_json::to_value(options).unwrap_or_default(),
            Answer::Each(pairs) => serde_json::Value::Object(
                pairs
                    .iter()
                    .map(|(item, answer)| (item.clone(), answer.to_template_value()))
                    .collect(),
            ),
        }
    }

    /// The value written to an answers file or draft; reading it back gives the same answer.
    pub(crate) fn to_yaml(&self) -> Value {
        match self {
            Answer::Text(text) => Value::String(text.clone()),
            Answer::YesNo(value) => Value::Bool(*value),
            Answer::Number(value) => {
                if value.fract() == 0.0 && value.abs() < 1e15 {
                    Value::Number((*value as i64).into())
                } else {
                    Value::Number((*value).into())
                }
            }
            Answer::Duration(estimate) => Value::String(estimate.to_string()),
            Answer::Date(date) => Value::String(date.format("%Y-%m-%d").to_string()),
            Answer::List(items) => yaml::to_value(items),
            Answer::Options(options) => yaml::to_value(options),
            Answer::Each(pairs) => Value::Mapping(
                pairs
                    .iter()
                    .map(|(item, answer)| (Value::String(item.clone()), answer.to_yaml()))
                    .collect(),
            ),
        }
    }

    /// How the answer is shown back at a prompt, as text the user could type again.
    pub(crate) fn to_input_text(&self) -> String {
        match self {
            Answer::Text(text) => text.clone(),
            Answer::YesNo(value) => if *value { "yes" } else { "no" }.to_string(),
            Answer::Number(value) => format_number(*value),
            Answer::Duration(estimate) => estimate.to_string(),
            Answer::Date(date) => date.format("%Y-%m-%d").to_string(),
            Answer::List(items) => items.join("; "),
            Answer::Options(options) => options
                .iter()
                .map(|o| o.name.clone())
                .collect::<Vec<_>>()
                .join("; "),
            Answer::Each(pairs) => pairs
                .iter()
                .map(|(item, answer)| format!("{item}: {}", answer.to_input_text()))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// The answer as understood, for reading back on screen: a duration as the amount it
    /// counts as, a date with its weekday.
    fn understood(&self, today: NaiveDate) -> String {
        match self {
            Answer::Duration(estimate) => estimate.duration.to_string(),
            Answer::Date(date) => {
                use chrono::Datelike;
                let said = if date.year() == today.year() {
                    date.format("%A %-d %B")
                } else {
                    date.format("%A %-d %B %Y")
                };
                format!("{said} ({})", date.format("%Y-%m-%d"))
            }
            other => other.to_input_text(),
        }
    }

    /// The answer read back once given, as understood, and with what was typed when a
    /// number, duration or date was read from other words: `4 months (from "3-4 months")`.
    pub(crate) fn echo(&self, typed: &str, today: NaiveDate) -> String {
        let understood = self.understood(today);
        let typed = typed.trim();
        let read = matches!(
            self,
            Answer::Number(_) | Answer::Duration(_) | Answer::Date(_)
        );
        if !read || typed.is_empty() || typed.eq_ignore_ascii_case(&understood) {
            return understood;
        }
        if let Answer::Date(date) = self
            && typed == date.format("%Y-%m-%d").to_string()
        {
            return understood;
        }
        format!("{understood} (from {typed:?})")
    }

    pub(crate) fn as_text(&self) -> Option<&str> {
        match self {
            Answer::Text(text) => Some(text),
            _ => None,
        }
    }

    pub(crate) fn as_duration(&self) -> Option<Duration> {
        match self {
            Answer::Duration(estimate) => Some(estimate.duration),
            _ => None,
        }
    }

    pub(crate) fn as_number(&self) -> Option<f64> {
        match self {
            Answer::Number(value) => Some(*value),
            _ => None,
        }
    }

    pub(crate) fn as_bool(&self) -> Option<bool> {
        match self {
            Answer::YesNo(value) => Some(*value),
            _ => None,
        }
    }

    /// The per-item answers of a `for_each` question.
    pub(crate) fn as_each(&self) -> Option<&[(String, Answer)]> {
        match self {
            Answer::Each(pairs) => Some(pairs),
            _ => None,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Answer::Text(text) => text.trim().is_empty(),
            Answer::List(items) => items.is_empty(),
            Answer::Options(options) => options.is_empty(),
            Answer::Each(pairs) => pairs.is_empty(),
            _ => false,
        }
    }
}

/// Words as a reader counts them: runs of text holding a letter or digit, so a dash
/// standing alone is not a word and "N+1" or "200ms" is one.
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// Items typed on one line, separated by semicolons (commas are too common inside items).
pub(crate) fn split_list(text: &str) -> Vec<String> {
    text.split([';', '\n'])
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// A YES or NO typed at a prompt or written in a file.
pub(crate) fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "y" | "yes" | "true" | "1" => Some(true),
        "n" | "no" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// The team's working days, as date answers need them: a date said as a part of a month
/// ("end of January") falls on one. The coach's work calendar is one.
pub(crate) trait WorkingDays {
    /// `date`, or the last working day before it.
    fn on_or_before(&self, date: NaiveDate) -> NaiveDate;
    /// `date`, or the first working day after it.
    fn on_or_after(&self, date: NaiveDate) -> NaiveDate;
}

/// A date typed at a prompt or written in an answers file, read against `today` and the
/// team's working days.
pub(crate) fn parse_date(
    text: &str,
    today: NaiveDate,
    calendar: &dyn WorkingDays,
) -> Result<NaiveDate, String> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return in_range(date);
    }
    relative_date(&text.to_lowercase(), today, calendar)
        .ok_or_else(|| {
            format!(
                "{text:?} is not a date I can read; give YYYY-MM-DD, or e.g. \"in 2 weeks\", \"next Friday\", \"Dec 11\", \"end of January\""
            )
        })
        .and_then(in_range)
}

/// Dates as people say them, counted from `today`: "today", "tomorrow", "in 2 weeks",
/// "3 days", "in 10 working days", "next Friday", "Friday", "Dec 11", "11 December 2027",
/// "end of month", "end of next month", "end of quarter", "end of year", and the parts of a
/// month ("early March", "mid-February", "end of January": see `part_of_month`). A leading
/// "by" is the deadline's own word: "by Friday" is Friday.
fn relative_date(text: &str, today: NaiveDate, calendar: &dyn WorkingDays) -> Option<NaiveDate> {
    use chrono::{Datelike, Days, Months};
    let text = text.trim_end_matches('.').trim();
    let text = text.strip_prefix("by ").unwrap_or(text).trim();
    // The end of a period is its last working day, as for a named month.
    let last_working = |last: NaiveDate| calendar.on_or_before(last);
    match text {
        "today" => return Some(today),
        "tomorrow" => return today.succ_opt(),
        "end of next month" | "end of the next month" => {
            return end_of_month(today.checked_add_months(Months::new(1))?).map(last_working);
        }
        "end of quarter" | "end of the quarter" | "end of this quarter" => {
            let last_month = (today.month0() / 3) * 3 + 3;
            return end_of_month(NaiveDate::from_ymd_opt(today.year(), last_month, 1)?)
                .map(last_working);
        }
        "end of year" | "end of the year" | "end of this year" => {
            return NaiveDate::from_ymd_opt(today.year(), 12, 31).map(last_working);
        }
        _ => {}
    }
    if let Some(date) = part_of_month(text, today, calendar) {
        return Some(date);
    }
    let rest = text.strip_prefix("in ").unwrap_or(text);
    if let Some(days) = rest
        .strip_suffix(" working days")
        .or_else(|| rest.strip_suffix(" working day"))
        .or_else(|| rest.strip_suffix(" business days"))
        .and_then(|n| n.trim().parse::<u32>().ok())
    {
        let mut date = today;
        let mut left = days;
        while left > 0 {
            date = date.succ_opt()?;
            if date.weekday().num_days_from_monday() < 5 {
                left -= 1;
            }
        }
        return Some(date);
    }
    if let Ok(duration) = Duration::parse(rest)
        && duration.amount >= 0.0
        && duration.amount.fract() == 0.0
    {
        let amount = duration.amount as u32;
        return match duration.unit {
            Unit::Days => today.checked_add_days(Days::new(u64::from(amount))),
            Unit::Weeks => today.checked_add_days(Days::new(u64::from(amount) * 7)),
            Unit::Months => today.checked_add_months(Months::new(amount)),
            Unit::Years => today.checked_add_months(Months::new(amount * 12)),
            Unit::Minutes | Unit::Hours => None,
        };
    }
    if let Some(date) = weekday_date(text, today) {
        return Some(date);
    }
    month_and_day(text, today)
}

/// A weekday said in words. "Friday" and "this Friday" are the coming one: the first after
/// today, so on a Friday they are a week away. "next Friday" is the Friday of next week
/// (weeks start on Monday): on a Thursday it is 8 days away, not tomorrow, and on a Monday
/// 11 days away; on a weekend, next week starts on the coming Monday.
fn weekday_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    use chrono::{Datelike, Days};
    let (next_week, name) = match text.split_once(' ') {
        Some(("next", name)) => (true, name),
        Some(("this" | "coming" | "the", name)) => (false, name.trim_start_matches("coming ")),
        _ => (false, text),
    };
    let weekday = name.trim().parse::<chrono::Weekday>().ok()?;
    let ahead = if next_week {
        let next_monday = 7 - today.weekday().num_days_from_monday();
        next_monday + weekday.num_days_from_monday()
    } else {
        let days =
            (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        if days == 0 { 7 } else { days }
    };
    today.checked_add_days(Days::new(u64::from(ahead)))
}

/// Where in a month a date falls, when said in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartOfMonth {
    Early,
    Mid,
    End,
}

/// A part of a month, read cautiously and always as a working day, so a deadline said in
/// words is never later than the lead meant and never on a day off:
/// * "early March", "start of March", "beginning of March": its first working day;
/// * "mid-March", "mid March", "middle of March": the 15th, or the working day before it;
/// * "end of March", "late March": its last working day.
///
/// A month named without a year is the next one whose date is today or later: in
/// February, "end of January" is next year's. "Month" alone ("end of the month",
/// "mid-month") is this month, or the next one once its date has passed.
fn part_of_month(text: &str, today: NaiveDate, calendar: &dyn WorkingDays) -> Option<NaiveDate> {
    use chrono::{Datelike, Months};
    const PARTS: [(&str, PartOfMonth); 11] = [
        ("early ", PartOfMonth::Early),
        ("the start of ", PartOfMonth::Early),
        ("start of ", PartOfMonth::Early),
        ("the beginning of ", PartOfMonth::Early),
        ("beginning of ", PartOfMonth::Early),
        ("the middle of ", PartOfMonth::Mid),
        ("middle of ", PartOfMonth::Mid),
        ("mid", PartOfMonth::Mid),
        ("the end of ", PartOfMonth::End),
        ("end of ", PartOfMonth::End),
        ("late ", PartOfMonth::End),
    ];
    let (part, rest) = PARTS
        .iter()
        .find_map(|(words, part)| Some((*part, text.strip_prefix(words)?)))?;
    let rest = rest.trim_start_matches(['-', ' ']);
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (month, year) = match words.as_slice() {
        ["month"] | ["the" | "this", "month"] => (None, None),
        [month] => (Some(month.parse::<chrono::Month>().ok()?), None),
        [month, year] => (
            Some(month.parse::<chrono::Month>().ok()?),
            Some(year.parse::<i32>().ok()?),
        ),
        _ => return None,
    };
    let in_month = |first: NaiveDate| -> Option<NaiveDate> {
        Some(match part {
            PartOfMonth::Early => calendar.on_or_after(first),
            PartOfMonth::Mid => calendar.on_or_before(first.with_day(15)?),
            PartOfMonth::End => calendar.on_or_before(end_of_month(first)?),
        })
    };
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?;
    let (first, step) = match (month, year) {
        (None, _) => (this_month, Months::new(1)),
        (Some(month), Some(year)) => {
            return in_month(NaiveDate::from_ymd_opt(year, month.number_from_month(), 1)?);
        }
        (Some(month), None) => (
            NaiveDate::from_ymd_opt(today.year(), month.number_from_month(), 1)?,
            Months::new(12),
        ),
    };
    let date = in_month(first)?;
    if date >= today {
        return Some(date);
    }
    in_month(first.checked_add_months(step)?)
}

/// "Dec 11", "11 Dec", "December 11", "11 December 2027": this year, or next year when the
/// day has passed and no year is given.
fn month_and_day(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (month, day, year) = match words.as_slice() {
        [a, b] => month_day(a, b)?,
        [a, b, y] => {
            let (month, day, _) = month_day(a, b)?;
            (month, day, Some(y.parse::<i32>().ok()?))
        }
        _ => return None,
    };
    let year_given = year.is_some();
    let date = NaiveDate::from_ymd_opt(year.unwrap_or(today.year()), month, day)?;
    if date < today && !year_given {
        return NaiveDate::from_ymd_opt(today.year() + 1, month, day);
    }
    Some(date)
}

fn month_day(a: &str, b: &str) -> Option<(u32, u32, Option<i32>)> {
    let day = |w: &str| {
        w.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .ok()
    };
    let month = |w: &str| {
        w.parse::<chrono::Month>()
            .ok()
            .map(|m| m.number_from_month())
    };
    match (month(a), day(b), day(a), month(b)) {
        (Some(m), Some(d), _, _) | (_, _, Some(d), Some(m)) => Some((m, d, None)),
        _ => None,
    }
}

fn end_of_month(date: NaiveDate) -> Option<NaiveDate> {
    use chrono::{Datelike, Months};
    NaiveDate::from_ymd_opt(date.year(), date.month(), 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// The last date a record can hold: records write dates as YYYY-MM-DD, and a year of five
/// digits (`+10000-03-30`) would not read back.
pub(crate) const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date");

/// `date`, if it can be written as YYYY-MM-DD and read back.
pub(crate) fn in_range(date: NaiveDate) -> Result<NaiveDate, String> {
    use chrono::Datelike;
    if (1..=9999).contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!(
            "{date} is outside the years 1 to 9999 that a record can hold"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::WorkCalendar;

    /// "next Friday" is the Friday of next week, whatever day it is said on; "Friday" and
    /// "this Friday" the coming one: (today, typed, days ahead).
    #[test]
    fn next_weekday_is_in_next_week() {
        // Monday 30 November 2026 to Sunday 6 December 2026.
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() + chrono::Days::new(d);
        let cases = [
            (day(3), "next Friday", 8), // on a Thursday: not tomorrow
            (day(0), "next Friday", 11),
            (day(4), "next Friday", 7),
            (day(5), "next Friday", 6),
            (day(6), "next Friday", 5),
            (day(3), "next Monday", 4),
            (day(0), "next Monday", 7),
            (day(3), "Friday", 1),
            (day(3), "this Friday", 1),
            (day(4), "Friday", 7),
            (day(4), "this friday", 7),
            (day(0), "friday", 4),
            (day(3), "by next Friday", 8),
            (day(3), "next fri", 8),
        ];
        for (today, typed, ahead) in cases {
            assert_eq!(
                parse_date(typed, today, &WorkCalendar::default()),
                Ok(today + chrono::Days::new(ahead)),
                "{typed} on {}",
                today.format("%A")
            );
        }
    }

    #[test]
    fn dates_are_read_as_people_say_them() {
        // Tuesday 1 December 2026.
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let cases = [
            ("2027-01-14", date(2027, 1, 14)),
            ("today", today),
            ("tomorrow", date(2026, 12, 2)),
            ("in 2 weeks", date(2026, 12, 15)),
            ("1 week", date(2026, 12, 8)),
            ("in 3 days", date(2026, 12, 4)),
            ("in 6 weeks", date(2027, 1, 12)),
            ("in 2 months", date(2027, 2, 1)),
            ("in 10 working days", date(2026, 12, 15)),
            // "next Friday" is next week's Friday; "Friday" and "this Friday" the coming one.
            ("next Friday", date(2026, 12, 11)),
            ("by next Friday", date(2026, 12, 11)),
            ("Friday", date(2026, 12, 4)),
            ("this Friday", date(2026, 12, 4)),
            ("tuesday", date(2026, 12, 8)),
            ("next tuesday", date(2026, 12, 8)),
            ("Dec 11", date(2026, 12, 11)),
            ("11 December", date(2026, 12, 11)),
            ("Nov 3", date(2027, 11, 3)),
            ("3rd march 2027", date(2027, 3, 3)),
            ("end of month", date(2026, 12, 31)),
            // Sunday 31 January: the end of a period is its last working day.
            ("end of next month", date(2027, 1, 29)),
            ("end of quarter", date(2026, 12, 31)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse_date(text, today, &WorkCalendar::default()),
                Ok(expected),
                "{text}"
            );
        }
        for text in ["soon", "the 32nd", "Feb 30", "in 3 hours", ""] {
            assert!(
                parse_date(text, today, &WorkCalendar::default()).is_err(),
                "{text}"
            );
        }
    }

    /// Parts of a month fall on working days, read cautiously: the first working day, the
    /// 15th or the working day before it, the last working day.
    #[test]
    fn parts_of_a_month_are_working_days_on_or_after_today() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // Tuesday 1 December 2026; 1 January 2027 is taken as a day off.
        let december = date(2026, 12, 1);
        // Wednesday 10 February 2027: January and early February have passed.
        let february = date(2027, 2, 10);
        let cases = [
            // Sunday 31 January: the Friday before.
            (december, "end of January", date(2027, 1, 29)),
            (december, "by the end of January", date(2027, 1, 29)),
            (december, "End of Jan.", date(2027, 1, 29)),
            (december, "end of December", date(2026, 12, 31)),
            (december, "late June", date(2027, 6, 30)),
            // November has passed this year: next year's.
            (december, "end of November", date(2027, 11, 30)),
            (december, "end of January 2028", date(2028, 1, 31)),
            (december, "mid-February", date(2027, 2, 15)),
            (december, "mid March", date(2027, 3, 15)),
            (december, "middle of march", date(2027, 3, 15)),
            (december, "mid-Feb", date(2027, 2, 15)),
            // Saturday 15 May: the Friday before.
            (december, "mid-May", date(2027, 5, 14)),
            (december, "early March", date(2027, 3, 1)),
            // Friday 1 January is a day off: Monday 4 January.
            (december, "early January", date(2027, 1, 4)),
            (december, "start of August", date(2027, 8, 2)),
            (december, "beginning of March", date(2027, 3, 1)),
            // Today counts: early December is today.
            (december, "early December", december),
            (december, "end of month", date(2026, 12, 31)),
            (december, "end of the month", date(2026, 12, 31)),
            (december, "mid-month", date(2026, 12, 15)),
            (december, "end of year", date(2026, 12, 31)),
            (february, "end of January", date(2028, 1, 31)),
            (february, "early February", date(2028, 2, 1)),
            (february, "mid-February", date(2027, 2, 15)),
            (february, "end of the month", date(2027, 2, 26)),
            // The 15th has passed this month: next month's.
            (date(2027, 2, 20), "mid-month", date(2027, 3, 15)),
        ];
        let calendar = WorkCalendar::default();
        for (today, text, expected) in cases {
            assert_eq!(
                parse_date(text, today, &calendar),
                Ok(expected),
                "{today} {text}"
            );
        }
        for text in [
            "end of Smarch",
            "mid",
            "early",
            "end of January 20x8",
            "late",
        ] {
            assert!(parse_date(text, december, &calendar).is_err(), "{text}");
        }
    }

    #[test]
    fn a_team_holiday_moves_a_part_of_a_month() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // The team is off on Monday 15 February 2027 and Friday 29 January 2027.
        let calendar = WorkCalendar::new([date(2027, 2, 15), date(2027, 1, 29)]);
        let today = date(2026, 12, 1);
        assert_eq!(
            parse_date("mid-February", today, &calendar),
            Ok(date(2027, 2, 12))
        );
        assert_eq!(
            parse_date("end of January", today, &calendar),
            Ok(date(2027, 1, 28))
        );
        // With holidays listed, 1 January is a working day.
        assert_eq!(
            parse_date("early January", today, &calendar),
            Ok(date(2027, 1, 1))
        );
    }

    #[test]
    fn dates_stay_within_four_digit_years() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(
            parse_date("9999-12-31", today, &WorkCalendar::default()),
            Ok(LAST_DATE)
        );
        for text in ["+10000-01-01", "10000-01-01", "0000-01-01", "-0001-01-01"] {
            assert!(
                parse_date(text, today, &WorkCalendar::default()).is_err(),
                "{text}"
            );
        }
    }

    #[test]
    fn durations_parse_as_people_write_them() {
        let cases = [
            ("3 days", 3.0, Unit::Days),
            ("3d", 3.0, Unit::Days),
            ("1 day", 1.0, Unit::Days),
            ("2.5 weeks", 2.5, Unit::Weeks),
            ("2w", 2.0, Unit::Weeks),
            ("6 months", 6.0, Unit::Months),
            ("6mo", 6.0, Unit::Months),
            ("1 Year", 1.0, Unit::Years),
            ("4 hours", 4.0, Unit::Hours),
            ("0 days", 0.0, Unit::Days),
        ];
        for (text, amount, unit) in cases {
            assert_eq!(
                Duration::parse(text),
                Ok(Duration::new(amount, unit)),
                "{text}"
            );
        }
    }

    #[test]
    fn estimates_are_read_cautiously_and_keep_what_was_typed() {
        let cases = [
            ("3-4 months", 4.0, Unit::Months),
            ("3 - 4 months", 4.0, Unit::Months),
            ("3\u{2013}4 months", 4.0, Unit::Months),
            ("3 to 4 weeks", 4.0, Unit::Weeks),
            ("between 2 and 3 days", 3.0, Unit::Days),
            ("2-3w", 3.0, Unit::Weeks),
            ("a few months", 3.0, Unit::Months),
            ("few weeks", 3.0, Unit::Weeks),
            ("a couple of weeks", 2.0, Unit::Weeks),
            ("several days", 4.0, Unit::Days),
            ("about 10 days", 10.0, Unit::Days),
            ("~10 days", 10.0, Unit::Days),
            ("roughly 2 weeks or so", 2.0, Unit::Weeks),
            ("a quarter", 3.0, Unit::Months),
            ("2 quarters", 6.0, Unit::Months),
            ("a fortnight", 2.0, Unit::Weeks),
            ("a week", 1.0, Unit::Weeks),
            ("a month or two", 2.0, Unit::Months),
            ("half a year", 0.5, Unit::Years),
            ("6+ months", 6.0, Unit::Months),
            ("three days", 3.0, Unit::Days),
        ];
        for (text, amount, unit) in cases {
            let estimate = Estimate::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(estimate.duration, Duration::new(amount, unit), "{text}");
            assert_eq!(estimate.to_string(), text, "the record keeps {text:?}");
        }
        // A plain duration is written as decide writes it.
        for (text, written) in [
            ("6w", "6 weeks"),
            ("3 days", "3 days"),
            ("2 Weeks", "2 weeks"),
        ] {
            let estimate = Estimate::parse(text).unwrap();
            assert_eq!(estimate.said, None, "{text}");
            assert_eq!(estimate.to_string(), written, "{text}");
        }
        for text in [
            "4-3 months",
            "a few",
            "days",
            "some months",
            "3-4",
            "soon-ish",
        ] {
            assert!(Estimate::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn numbers_are_read_as_people_type_them() {
        let cases = [
            ("10", 10.0),
            ("2.5", 2.5),
            ("70%", 70.0),
            ("about 10", 10.0),
            ("~10", 10.0),
            ("around 80 %", 80.0),
            ("10ish", 10.0),
            ("1_000", 1000.0),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_number(text), Ok(expected), "{text}");
        }
        for text in ["ten-ish", "", "2,5", "NaN", "inf"] {
            assert!(parse_number(text).is_err(), "{text}");
        }
    }

    #[test]
    fn answers_read_back_as_understood() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let estimate = |text| Answer::Duration(Estimate::parse(text).unwrap());
        let cases = [
            (
                estimate("3-4 months"),
                "3-4 months",
                "4 months (from \"3-4 months\")",
            ),
            (estimate("6w"), "6w", "6 weeks (from \"6w\")"),
            (estimate("2 weeks"), "2 weeks", "2 weeks"),
            (Answer::Number(10.0), "about 10", "10 (from \"about 10\")"),
            (Answer::Number(10.0), "10", "10"),
            (
                Answer::Date(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()),
                "next Friday",
                "Friday 4 December (2026-12-04) (from \"next Friday\")",
            ),
            (
                Answer::Date(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()),
                "2026-12-04",
                "Friday 4 December (2026-12-04)",
            ),
            (
                Answer::Text("3-4 months".into()),
                "3-4 months",
                "3-4 months",
            ),
        ];
        for (answer, typed, expected) in cases {
            assert_eq!(answer.echo(typed, today), expected, "{typed}");
        }
    }

    #[test]
    fn bad_durations_are_explained() {
        let cases = [
            ("", "expected a number and a unit"),
            ("3", "expected a number and a unit"),
            ("days", "expected a number and a unit"),
            ("-3 days", "cannot be negative"),
            ("3 parsecs", "unknown unit"),
            ("1.2.3 days", "is not a number"),
            ("99999 years", "longer than any plan"),
        ];
        for (text, expected) in cases {
            let error = Duration::parse(text).unwrap_err();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }

    #[test]
    fn durations_display_and_convert() {
        assert_eq!(Duration::new(1.0, Unit::Weeks).to_string(), "1 week");
        assert_eq!(Duration::new(2.5, Unit::Weeks).to_string(), "2.5 weeks");
        assert_eq!(Duration::new(3.0, Unit::Months).days(), 90.0);
        assert_eq!(Duration::new(2.0, Unit::Weeks).days(), 14.0);
    }

    #[test]
    fn an_option_may_say_how_long_it_would_take_to_undo() {
        // (typed, the undo time understood, what was said)
        let cases = [
            ("+ fast; undo 2 days", Some("2 days"), None),
            (
                "undo: 3-4 months; - slow",
                Some("4 months"),
                Some("3-4 months"),
            ),
            ("- costly; Undo in 6w", Some("6 weeks"), None),
            ("+ undo is one click", None, None),
            ("+ fast; - new", None, None),
        ];
        for (typed, undo, said) in cases {
            let option = OptionItem::parse_arguments("A", typed).unwrap();
            assert_eq!(
                option
                    .undo
                    .as_ref()
                    .map(|e| e.duration.to_string())
                    .as_deref(),
                undo,
                "{typed}"
            );
            assert_eq!(
                option.undo.as_ref().and_then(|e| e.said.as_deref()),
                said,
                "{typed}"
            );
        }
        for typed in ["+ fast; undo soon", "undo 2 days; undo 3 days", "undoable"] {
            assert!(OptionItem::parse_arguments("A", typed).is_err(), "{typed}");
        }
        // A draft and an answers file keep the undo time as typed.
        let option = OptionItem::parse_arguments("A", "undo 3-4 months").unwrap();
        let yaml = yaml::to_value(&option);
        let read: OptionItem = yaml::from_value(yaml).unwrap();
        assert_eq!(read, option);
    }

    #[test]
    fn arguments_split_into_pros_and_cons() {
        let option =
            OptionItem::parse_arguments("PostgreSQL", "+ mature; - ops work;+ SQL").unwrap();
        assert_eq!(option.pros, vec!["mature", "SQL"]);
        assert_eq!(option.cons, vec!["ops work"]);
        assert!(
            OptionItem::parse_arguments("X", "fast")
                .unwrap_err()
                .contains("start each pro with +")
        );
    }

    #[test]
    fn words_are_counted_as_a_reader_counts_them() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("The dashboard is slow."), 4);
        assert_eq!(word_count("about 2 days - maybe 3"), 5);
        assert_eq!(word_count("  N+1   queries\n on 200ms pages "), 5);
    }

    #[test]
    fn per_item_answers_are_a_mapping_everywhere() {
        let each = Answer::Each(vec![
            ("N+1".into(), Answer::Text("one call per row".into())),
            ("ORM".into(), Answer::Text("the database layer".into())),
        ]);
        assert_eq!(
            each.to_template_value(),
            serde_json::json!({"N+1": "one call per row", "ORM": "the database layer"})
        );
        let yaml = crate::yaml::to_string(&each.to_yaml());
        assert_eq!(yaml, "N+1: one call per row\nORM: the database layer\n");
        assert_eq!(
            each.to_input_text(),
            "N+1: one call per row; ORM: the database layer"
        );
        assert!(!each.is_empty());
        assert!(Answer::Each(vec![]).is_empty());
        assert_eq!(each.as_each().map(<[_]>::len), Some(2));
    }

    #[test]
    fn answers_round_trip_through_yaml_text() {
        assert_eq!(Answer::Number(3.0).to_yaml(), Value::Number(3.into()));
        assert_eq!(
            Answer::Duration(Estimate::parse("2 weeks").unwrap()).to_yaml(),
            Value::String("2 weeks".into())
        );
        assert_eq!(
            Answer::Duration(Estimate::parse("3-4 months").unwrap()).to_yaml(),
            Value::String("3-4 months".into())
        );
        assert_eq!(split_list(" a ; b;;c "), vec!["a", "b", "c"]);
    }
}
