//! Ready-to-send messages. A playbook's `message:` template is rendered with the same
//! engine and the same answers and assessments as its record, so every number in it is one
//! the user gave or one the record's working shows. `decide new` prints it on stdout;
//! `decide message` writes one from any record.

pub(crate) mod from_record;

use serde::Serialize;
use serde_json::{Value as Json, json};

use crate::answer::{Answer, word_count};
use crate::coach::words::WordList;
use crate::error::{Error, Result};
use crate::record::Rendered;
use crate::session::Session;
use crate::template::Templates;
use crate::ui;

/// Who a message is for. Messages that go up or sideways are checked for jargon: the
/// listener is outside engineering.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Audience {
    /// Managers and stakeholders: the bottom line first, in their words.
    #[default]
    Stakeholders,
    /// The team: we're doing X because of Y.
    Team,
    /// Other tech leads, product managers, designers: a negotiation.
    Peers,
}

impl Audience {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Audience::Stakeholders => "stakeholders",
            Audience::Team => "team",
            Audience::Peers => "peers",
        }
    }

    /// Whether the listener is outside engineering, so jargon must go.
    pub(crate) fn needs_plain_words(self) -> bool {
        self != Audience::Team
    }
}

/// A message ready to send, and who it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    pub text: String,
    pub to: Audience,
}

/// The session's message, if its playbook has one: rendered from the same context as the
/// record (so from the same outcome) and checked against the playbook's word limit.
/// `None` when the template has nothing to say for these answers (a task you keep has no
/// one to hand it to).
pub(crate) fn for_session(
    session: &Session<'_>,
    rendered: &Rendered<'_>,
    templates: &Templates,
) -> Result<Option<Message>> {
    let Some(spec) = &session.playbook.message else {
        return Ok(None);
    };
    let text = tidy(&templates.render(&spec.template, rendered.context())?);
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(max) = spec.max_words {
        check_length(session, &text, max)?;
    }
    Ok(Some(Message { text, to: spec.to }))
}

/// Over the limit is an answers problem: the longest answers are the ones to shorten.
fn check_length(session: &Session<'_>, text: &str, max: usize) -> Result<()> {
    let words = body_words(text);
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

/// The words of a message's body: a first line that only greets ("Hi Sam,") is not counted.
pub(crate) fn body_words(text: &str) -> usize {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let greeting = first.trim_end().ends_with(',') && word_count(first) <= 4;
    if greeting {
        word_count(&lines.collect::<Vec<_>>().join("\n"))
    } else {
        word_count(text)
    }
}

/// Print the message on stdout, where data goes, and say on stderr whether it is ready to
/// send. With the record itself on stdout (`--stdout`) the two would run together, so the
/// message is left out with a note.
pub(crate) fn print(message: &Message, record_on_stdout: bool, jargon: &WordList) -> Result<()> {
    if record_on_stdout {
        ui::note("The message is printed when the record is written; drop --stdout to get it.");
        return Ok(());
    }
    crate::stdout::write(&message.text)?;
    // The playbook's own `max_words` already held the message to its length.
    report(message, jargon, None);
    Ok(())
}

/// On stderr: what would stop a listener outside engineering (a term from the jargon list,
/// or more than `max_words` words), or that it is ready to send.
pub(crate) fn report(message: &Message, jargon: &WordList, max_words: Option<usize>) {
    if !message.to.needs_plain_words() {
        return;
    }
    let words = body_words(&message.text);
    let over = max_words.filter(|max| words > *max);
    if let Some(max) = over {
        ui::warning(&format!(
            "the message is {words} words; a message to {} keeps to {max}: shorten it before sending",
            message.to.key()
        ));
    }
    let check = jargon.check(&message.text);
    if check.is_clean() && over.is_none() {
        ui::success(&format!(
            "Plain words for {}: ready to send",
            message.to.key()
        ));
        return;
    }
    for advice in check.advice() {
        ui::warning(&advice);
    }
}

/// What a message template sees for a record written by `decide message`.
pub(crate) fn brief_context(brief: &from_record::Brief, to: Audience, markdown: bool) -> Json {
    json!({ "brief": brief, "to": to.key(), "markdown": markdown })
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

#[cfg(test)]
mod tests;
