//! `decide playbooks example ID`: an answers file to start from. A built-in playbook has a
//! worked example in `examples/` (embedded in the binary); any other playbook, a team's
//! own included, gets one written from its questions: every key, with the question as a
//! comment and a value of the right kind that passes the question's rules, to replace.

use std::fmt::Write as _;

use super::{Kind, Playbook, Question};
use crate::yaml::{self, Mapping, Value};

/// The answers file for `playbook`.
pub(crate) fn answers_file(playbook: &Playbook) -> String {
    worked_example(&playbook.id).map_or_else(|| from_questions(playbook), str::to_string)
}

/// The embedded example whose `playbook:` is `id`.
fn worked_example(id: &str) -> Option<&'static str> {
    let line = format!("playbook: {id}");
    crate::embedded::EXAMPLES
        .iter()
        .find(|(path, text)| path.ends_with(".yaml") && text.lines().any(|l| l.trim_end() == line))
        .map(|(_, text)| *text)
}

/// An answers file written from `playbook`'s questions.
fn from_questions(playbook: &Playbook) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Answers for `decide new --answers FILE`, playbook `{}` ({}).\n\
         # Replace each value with your own; `decide playbooks show {}` lists the rules.\n\
         playbook: {}",
        playbook.id, playbook.title, playbook.id, playbook.id
    );
    for question in &playbook.questions {
        let _ = writeln!(out, "\n# {}", one_line(&question.prompt));
        let mut notes = Vec::new();
        if question.optional {
            notes.push("optional".to_string());
        }
        if let Some(when) = &question.when {
            notes.push(format!("asked when {when}"));
        }
        if let Some(items) = &question.for_each {
            notes.push(format!("one answer for each of {items}"));
        }
        if !notes.is_empty() {
            let _ = writeln!(out, "# ({})", notes.join("; "));
        }
        let mut entry = Mapping::new();
        entry.insert(question.id.clone().into(), sample(question));
        out.push_str(&yaml::to_string(&Value::Mapping(entry)));
    }
    out
}

fn one_line(text: &str) -> String {
    crate::error::one_line(text)
}

/// A value of `question`'s kind within its rules.
fn sample(question: &Question) -> Value {
    let value = match question.kind {
        Kind::Text => Value::String(text_sample(question)),
        Kind::LongText => Value::String("A sentence or two in your own words.".into()),
        Kind::YesNo => Value::Bool(false),
        Kind::Number => {
            let low = question.validation.min.unwrap_or(1.0);
            let high = question.validation.max.unwrap_or(low.max(10.0));
            // Whole numbers read best, and a whole number between the bounds exists for
            // every range a playbook gives.
            Value::Number(low.midpoint(high).round().into())
        }
        Kind::Duration => Value::String("2 weeks".into()),
        Kind::Date => Value::String("in 2 weeks".into()),
        Kind::List => {
            let count = question.validation.min_items.unwrap_or(2).max(1);
            list((1..=count).map(|n| format!("item {n}")))
        }
        Kind::Options => {
            let count = question.validation.min_items.unwrap_or(2).max(1);
            Value::Sequence(
                (1..=count)
                    .map(|n| {
                        let mut option = Mapping::new();
                        option.insert("name".into(), format!("Option {n}").into());
                        option.insert("pros".into(), list([format!("what option {n} gives us")]));
                        option.insert("cons".into(), list([format!("what option {n} costs us")]));
                        Value::Mapping(option)
                    })
                    .collect(),
            )
        }
        Kind::Choice => match question.choices.first() {
            Some(choice) if question.multiple => list([choice.value().to_string()]),
            Some(choice) => Value::String(choice.value().to_string()),
            // Choices from an earlier answer: the first item the example gives it.
            None if question.multiple => list(["item 1".to_string()]),
            None => Value::String("Option 1".into()),
        },
    };
    if question.for_each.is_some() {
        let mut each = Mapping::new();
        each.insert("item 1".into(), value);
        return Value::Mapping(each);
    }
    value
}

fn text_sample(question: &Question) -> String {
    let text = "One line in your own words";
    match question.validation.max_length {
        Some(max) if max < text.len() => text.chars().take(max).collect(),
        _ => text.to_string(),
    }
}

fn list(items: impl IntoIterator<Item = String>) -> Value {
    Value::Sequence(items.into_iter().map(Value::String).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playbook::Catalog;

    #[test]
    fn every_built_in_playbook_that_writes_a_record_has_a_worked_example() {
        let catalog = Catalog::embedded();
        for playbook in catalog.playbooks.iter().filter(|p| p.record.is_some()) {
            let text = answers_file(playbook);
            assert!(
                text.lines()
                    .any(|l| l == format!("playbook: {}", playbook.id)),
                "{}",
                playbook.id
            );
        }
    }

    #[test]
    fn a_playbook_without_an_example_gets_every_question_id() {
        let catalog = Catalog::embedded();
        let mut playbook = catalog.get("decision").unwrap().clone();
        playbook.id = "team-own".into();
        let text = answers_file(&playbook);
        let parsed = yaml::parse_value(
            &text,
            std::path::Path::new("x"),
            crate::error::Kind::Answers,
        )
        .unwrap();
        for question in &playbook.questions {
            assert!(
                parsed.get(question.id.as_str()).is_some(),
                "{}: {text}",
                question.id
            );
        }
        assert!(text.contains("# What are you deciding?"), "{text}");
    }
}
