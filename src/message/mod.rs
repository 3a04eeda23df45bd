//! Ready-to-send messages. A playbook's `message:` template is rendered with the same
//! engine and the same answers and assessments as its record, so every number in it is one
//! the user gave or one the record's working shows. `decide new` prints it on stdout;
//! `decide message` writes one from any record.

pub(crate) mod budget;
pub(crate) mod check;
pub(crate) mod from_record;
pub(crate) mod markup;
pub(crate) mod paste;
pub(crate) mod pointers;

use serde_json::{Value as Json, json};

use crate::answer::{Answer, word_count};
use crate::coach::outcome::Outcome;
use crate::coach::words::WordList;
use crate::error::{Error, Result};
use crate::playbook::Playbook;
use crate::record::Rendered;
use crate::template::Templates;
use crate::ui;

pub(crate) use crate::playbook::Audience;

/// A message ready to send, and who it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    pub text: String,
    pub to: Audience,
    /// Set when the message is for one person the record names (the requester, the team
    /// member taking a task over, the two who disagree) in words `decide message --to`
    /// does not write: who it is for, and the record `decide message` writes the
    /// audience's own message from. `None`: it is the audience's message, word for word.
    pub reader: Option<Reader>,
}

/// Whom a message `decide new` prints is for, when it is not the audience's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reader {
    pub name: String,
    pub record: String,
    /// `decide message RECORD --to` the audience writes a message of its own now (a
    /// delegation has none for the team until the person says yes).
    pub audience_has_message: bool,
}

/// The session's message, if its playbook has one: rendered from the same context as the
/// record (so from the same outcome) and checked against the playbook's word limit.
/// `None` when the template has nothing to say for these answers (a task you keep has no
/// one to hand it to).
pub(crate) fn for_session(
    playbook: &Playbook,
    answers: &[(String, Answer)],
    rendered: &Rendered<'_>,
    templates: &Templates,
) -> Result<Option<Message>> {
    let Some(spec) = &playbook.message else {
        return Ok(None);
    };
    let text = if spec.from_record {
        let brief = brief_of(rendered)?;
        render_brief(&brief, &spec.template, spec.to, None, false, templates)?
    } else {
        tidy(&templates.render(&spec.template, rendered.context())?)
    };
    let text = match context_today(rendered) {
        Some(today) => say_today(&text, today),
        None => text,
    };
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(max) = spec.max_words {
        check_length(playbook, answers, &text, max)?;
    }
    Ok(Some(Message {
        text,
        to: spec.to,
        reader: None,
    }))
}

/// The session's today, as the record's context gives it.
fn context_today(rendered: &Rendered<'_>) -> Option<chrono::NaiveDate> {
    rendered
        .context()
        .get("today")
        .and_then(Json::as_str)
        .and_then(|text| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
}

/// A message is read the day it is sent: a date that is today reads "today" ("I need your
/// answer today", not "by Friday 4 December" on Friday 4 December). Records keep the date.
pub(crate) fn say_today(text: &str, today: chrono::NaiveDate) -> String {
    let date = crate::coach::units::human_date(today, today);
    let mut out = text.to_string();
    for (before, after) in [
        (format!("by {date}"), "today"),
        (format!("By {date}"), "Today"),
        (format!("on {date}"), "today"),
        (format!("On {date}"), "Today"),
        (format!("until {date}"), "until today"),
    ] {
        out = out.replace(&before, after);
    }
    out
}

/// The record just rendered, read back as `decide message` reads a record from the log.
fn brief_of(rendered: &Rendered<'_>) -> Result<from_record::Brief> {
    let today = context_today(rendered).unwrap_or_default();
    let path = std::path::Path::new("new-record.md");
    let record = crate::record::parse(path, &rendered.text(None)?)?;
    Ok(from_record::Brief::from_record(&record, path, today, None))
}

/// `template` rendered for `to` from a record's brief. Upward and sideways, the least needed
/// details go first (`detail` 2, 1, 0) until the message keeps to the word budget.
pub(crate) fn render_brief(
    brief: &from_record::Brief,
    template: &str,
    to: Audience,
    name: Option<&str>,
    markdown: bool,
    templates: &Templates,
) -> Result<String> {
    let mut text = String::new();
    for detail in (0..=2).rev() {
        let mut context = brief_context(brief, to, markdown);
        if let Some(map) = context.as_object_mut() {
            map.insert("detail".into(), json!(detail));
            map.insert("name".into(), json!(name));
        }
        text = tidy(&templates.render(template, &context)?);
        if to
            .word_budget()
            .is_none_or(|budget| body_words(&text) <= budget)
        {
            break;
        }
    }
    Ok(text)
}

/// Over the limit is an answers problem: the longest answers the message actually uses are
/// the ones to shorten (a rewording, not the answer it replaced).
fn check_length(
    playbook: &Playbook,
    answers: &[(String, Answer)],
    text: &str,
    max: usize,
) -> Result<()> {
    let words = body_words(text);
    if words <= max {
        return Ok(());
    }
    let mut texts: Vec<(String, &str)> = Vec::new();
    for (id, answer) in answers {
        match answer {
            Answer::Text(text) => texts.push((format!("`{id}`"), text)),
            Answer::Each(items) => texts.extend(items.iter().filter_map(|(item, answer)| {
                Some((format!("`{item}` under `{id}`"), answer.as_text()?))
            })),
            _ => {}
        }
    }
    let mut longest: Vec<(String, usize)> = texts
        .iter()
        .filter(|(_, answer)| is_used_in(answer, text))
        .map(|(name, answer)| (name.clone(), word_count(answer)))
        .collect();
    longest.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let names: Vec<String> = longest
        .iter()
        .take(2)
        .map(|(name, n)| format!("{name} ({n} words)"))
        .collect();
    Err(Error::answers(format!(
        "the message is {words} words; playbook `{}` keeps it to {max}",
        playbook.id
    ))
    .hint(format!("shorten {}", names.join(" or "))))
}

/// Whether most of `answer`'s words are in `message`: it is used there, perhaps with a
/// term translated; an answer the lead reworded whole is not.
fn is_used_in(answer: &str, message: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let said = words(message);
    let answer = words(answer);
    let found = answer.iter().filter(|w| said.contains(w)).count();
    !answer.is_empty() && found * 10 >= answer.len() * 7
}

/// The words of a message's body, as a reader counts them: a first line that only greets
/// ("Hi Sam,") is not counted, and neither is the label that starts an option's line ("A.",
/// "2)", "-"): it is the list's shape, not its words.
pub(crate) fn body_words(text: &str) -> usize {
    let mut lines = text.lines().peekable();
    let first = lines.peek().copied().unwrap_or_default();
    let greeting = first.trim_end().ends_with(',') && word_count(first) <= 4;
    if greeting {
        lines.next();
    }
    lines
        .map(|line| {
            let line = line.trim_start();
            let label = line.split_whitespace().next().is_some_and(|word| {
                let mark = word.strip_suffix(['.', ')']).unwrap_or(word);
                word != mark
                    && (mark.chars().all(|c| c.is_ascii_digit())
                        || (mark.chars().count() == 1
                            && mark.chars().all(|c| c.is_ascii_uppercase())))
                    && !mark.is_empty()
            });
            word_count(line) - usize::from(label)
        })
        .sum()
}

/// Print the message on stdout, where data goes, and say on stderr whether it is ready to
/// send: not while one of the run's warnings asks the lead to check the answers first.
/// With the record itself on stdout (`--stdout`) the two would run together, so the
/// message is left out with a note.
pub(crate) fn print(
    message: &Message,
    record_on_stdout: bool,
    jargon: &WordList,
    outcome: &Outcome,
) -> Result<()> {
    if record_on_stdout {
        ui::note("The message is printed when the record is written; drop --stdout to get it.");
        return Ok(());
    }
    crate::stdout::write(&message.text)?;
    let open: Vec<String> = outcome
        .warnings
        .iter()
        .filter(|warning| warning.check_first)
        .map(|warning| warning.text.clone())
        .collect();
    report(
        message,
        &check::problems(&message.text, message.to, jargon, &open),
    );
    Ok(())
}

/// On stderr: each problem that stops the message being sent as it is, or that it is ready
/// to send.
pub(crate) fn report(message: &Message, problems: &[String]) {
    // A note to yourself is not sent to anyone.
    if problems.is_empty() && message.to == Audience::Yourself {
        return;
    }
    let reader = message
        .reader
        .as_ref()
        .map_or(message.to.key(), |r| &r.name);
    if problems.is_empty() {
        ui::success(&format!(
            "Ready to send to {reader}: {} words{}",
            body_words(&message.text),
            if message.to.needs_plain_words() {
                ", in plain words"
            } else {
                ""
            }
        ));
        match &message.reader {
            Some(Reader {
                record,
                audience_has_message: true,
                ..
            }) => ui::note(&format!(
                "It is for {reader} only; for {1}, run `decide message {record} --to {0}` on the record.",
                message.to.key(),
                audience_name(message.to),
            )),
            Some(_) => ui::note(&format!(
                "It is for {reader} only; the record has no message for {} yet.",
                audience_name(message.to)
            )),
            None => {}
        }
        return;
    }
    for problem in problems {
        ui::warning(problem);
    }
    ui::note(&format!(
        "Not ready to send to {reader} yet: change the answers above, or edit the text before you send it."
    ));
}

/// The audience as a sentence names it.
fn audience_name(to: Audience) -> &'static str {
    match to {
        Audience::Stakeholders => "other stakeholders",
        Audience::Team => "the team",
        Audience::Peers => "peers",
        Audience::Yourself => "yourself",
    }
}

/// Whom `message` is for, judged against the record it was written with: `None` when
/// `decide message RECORD --to` its audience writes the same text word for word (so what
/// `new` calls the audience's message is the one `message` gives later); otherwise the
/// person its greeting names. Only a message that can be written again from the record is
/// called the audience's: one outcome, one text.
pub(crate) fn reader_of(
    message: &Message,
    record: &std::path::Path,
    shown: &str,
    today: chrono::NaiveDate,
    templates: &Templates,
) -> Option<Reader> {
    let loaded = crate::log::load(record)
        .and_then(|(parsed, text)| crate::record::adr_tools::read_as_ours(record, parsed, text));
    let again = loaded.ok().and_then(|(parsed, text)| {
        let mut brief =
            from_record::Brief::from_record(&parsed, std::path::Path::new(shown), today, None);
        brief.read_closing_note(&text);
        let format = from_record::Format::Text;
        from_record::write(&brief, message.to, None, format, templates).ok()
    });
    if again
        .as_ref()
        .is_some_and(|again| again.text == message.text)
    {
        return None;
    }
    Some(Reader {
        name: greeted(&message.text).unwrap_or_else(|| "the people it names".into()),
        record: shown.to_string(),
        audience_has_message: again.is_some(),
    })
}

/// Whom a message's first line greets: "Sam" for "Hi Sam,", "Priya and Tom" for "Priya and
/// Tom,".
fn greeted(text: &str) -> Option<String> {
    let first = text.lines().next()?.trim_end();
    let name = first.strip_suffix(',')?;
    let name = name
        .strip_prefix("Hi ")
        .or_else(|| name.strip_prefix("Hello "))
        .unwrap_or(name);
    (word_count(name) <= 4 && !name.is_empty()).then(|| name.to_string())
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
