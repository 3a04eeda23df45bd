//! Ready-to-send messages. A playbook's `message:` template is rendered with the same
//! engine and the same answers and assessments as its record, so every number in it is one
//! the user gave or one the record's working shows. `decide new` prints it on stdout;
//! `decide message` writes one from any record.

pub(crate) mod from_record;

use chrono::NaiveDate;
use serde_json::{Value as Json, json};

use crate::answer::{Answer, word_count};
use crate::error::{Error, Result};
use crate::record;
use crate::session::Session;
use crate::template::Templates;
use crate::ui;

/// The session's message, if its playbook has one, rendered and checked against the
/// playbook's word limit. `None` when there is no message template or the template has
/// nothing to say for these answers (a task you keep has no one to hand it to).
pub(crate) fn for_session(
    session: &Session<'_>,
    templates: &Templates,
    date: NaiveDate,
) -> Result<Option<String>> {
    let Some(spec) = &session.playbook.message else {
        return Ok(None);
    };
    let title = record::title(session, templates)?;
    let mut context = session.context();
    if let Json::Object(map) = &mut context {
        map.insert(
            "record".into(),
            json!({ "date": date.format("%Y-%m-%d").to_string(), "title": title }),
        );
    }
    let text = tidy(&templates.render(&spec.template, &context)?);
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(max) = spec.max_words {
        check_length(session, &text, max)?;
    }
    Ok(Some(text))
}

/// Over the limit is an answers problem: the longest answers are the ones to shorten.
fn check_length(session: &Session<'_>, text: &str, max: usize) -> Result<()> {
    let words = word_count(text);
    if words <= max {
        return Ok(());
    }
    let mut longest: Vec<(&str, usize)> = session
        .answers
        .iter()
        .filter_map(|(id, answer)| match answer {
            Answer::Text(text) => Some((id.as_str(), word_count(text))),
            _ => None,
        })
        .collect();
    longest.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let names: Vec<String> = longest
        .iter()
        .take(2)
        .map(|(id, n)| format!("`{id}` ({n} words)"))
        .collect();
    Err(Error::answers(format!(
        "the message is {words} words; playbook `{}` keeps it to {max}",
        session.playbook.id
    ))
    .hint(format!("shorten {}", names.join(" or "))))
}

/// Plain text ready to paste: no trailing spaces, one blank line between paragraphs, one
/// newline at the end (nothing at all for an empty message).
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Print the message on stdout, where data goes. With the record itself on stdout
/// (`--stdout`) the two would run together, so the message is left out with a note. A
/// reader that went away (`| head`) is not a failure: the record is already written.
pub(crate) fn print(message: Option<&str>, record_on_stdout: bool) -> Result<()> {
    match message {
        Some(_) if record_on_stdout => {
            ui::note("The message is printed when the record is written; drop --stdout to get it.");
            Ok(())
        }
        Some(text) => crate::stdout::write(text),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
