//! Decision records: rendering a finished session into Markdown through its playbook's
//! template, with the framing verdicts and the verbatim passages they cite.

use chrono::NaiveDate;
use serde_json::{Value as Json, json};

use crate::error::{Error, Result};
use crate::session::Session;
use crate::template::Templates;

pub(crate) mod edit;
pub(crate) mod parse;

pub(crate) use parse::{Format, Record, Section, parse};

/// The record's title, from the playbook's `record.title` template.
pub(crate) fn title(session: &Session<'_>, templates: &Templates) -> Result<String> {
    let title = templates.render_str(&spec(session)?.title, &session.context(), "record title")?;
    let title = crate::error::one_line(&title);
    if title.is_empty() {
        return Err(Error::answers("the record's title is empty").hint("answer the title question"));
    }
    if let Some(problem) = crate::store::path_like(&title) {
        return Err(Error::answers(format!(
            "the record's title {title:?} becomes its file name and {problem}"
        ))
        .hint("describe the decision instead"));
    }
    Ok(title)
}

/// Everything a record template sees: the session's context plus `record`, `framing` and
/// `references`.
pub(crate) fn context(
    session: &Session<'_>,
    number: Option<u32>,
    date: NaiveDate,
    title: &str,
) -> Json {
    let cited = session.cited_passages();
    let reference_number = |id: &str| cited.iter().position(|c| c == id).map(|i| i + 1);
    let framing: Vec<Json> = session
        .ordered_assessments()
        .iter()
        .map(|a| {
            let mut numbers: Vec<usize> = a
                .passages
                .iter()
                .filter_map(|id| reference_number(id))
                .collect();
            numbers.sort_unstable();
            let refs: String = numbers.iter().map(|n| format!("[{n}]")).collect();
            json!({
                "framework": a.framework,
                "title": a.title,
                "verdict": a.verdict,
                "reasoning": a.reasoning,
                "refs": refs,
                "passages": a.passages,
            })
        })
        .collect();
    let references: Vec<Json> = cited
        .iter()
        .filter_map(|id| session.library.get(id))
        .enumerate()
        .map(|(index, p)| {
            let episode_title = session
                .library
                .episode(p.episode)
                .map(|e| e.title.clone())
                .unwrap_or_default();
            json!({
                "n": index + 1,
                "id": p.id,
                "quote": p.quote,
                "speaker": p.speaker,
                "section": p.section,
                "episode": p.episode,
                "episode_title": episode_title,
                "series": session.library.series,
            })
        })
        .collect();
    let mut context = session.context();
    if let Json::Object(map) = &mut context {
        map.insert(
            "record".into(),
            json!({
                "number": number,
                "date": date.format("%Y-%m-%d").to_string(),
                "title": title,
            }),
        );
        map.insert("framing".into(), Json::Array(framing));
        // `cite["passage-id"]` gives "[n]", to point at a reference from anywhere in the text.
        // A passage this session did not cite gives "", so one template serves playbooks
        // whose questions cite different passages.
        let cite: serde_json::Map<String, Json> = session
            .library
            .all()
            .iter()
            .map(|p| {
                let marker = reference_number(&p.id).map_or(String::new(), |n| format!("[{n}]"));
                (p.id.clone(), json!(marker))
            })
            .collect();
        map.insert("cite".into(), Json::Object(cite));
        map.insert("references".into(), Json::Array(references));
    }
    context
}

pub(crate) fn render(
    session: &Session<'_>,
    templates: &Templates,
    number: Option<u32>,
    date: NaiveDate,
) -> Result<String> {
    let title = title(session, templates)?;
    let context = context(session, number, date, &title);
    templates.render(&spec(session)?.template, &context)
}

/// How the session's playbook writes its record; a playbook without one writes none.
fn spec<'a>(session: &'a Session<'_>) -> Result<&'a crate::playbook::RecordSpec> {
    session.playbook.record.as_ref().ok_or_else(|| {
        Error::usage(format!(
            "playbook `{}` writes no record",
            session.playbook.id
        ))
    })
}
