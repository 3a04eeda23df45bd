//! Decision records: rendering a finished session into Markdown through its playbook's
//! template, with the framing verdicts and the verbatim passages they cite.

use chrono::NaiveDate;
use serde_json::{Value as Json, json};

use crate::error::{Error, Result};
use crate::session::Session;
use crate::template::Templates;

pub(crate) mod edit;
pub(crate) mod finish;
pub(crate) mod parse;

pub(crate) use parse::{Format, Link, Record, Section, parse};

/// A finished session's record, rendered once: its title (which names the file) and its
/// text, rendered again with the number only when the template shows the number.
pub(crate) struct Rendered<'t> {
    pub title: String,
    templates: &'t Templates,
    template: String,
    context: Json,
    text: String,
    /// Whether the template reads the record's number, so the text depends on it.
    reads_number: bool,
}

impl<'t> Rendered<'t> {
    pub(crate) fn new(session: &Session<'_>, templates: &'t Templates) -> Result<Rendered<'t>> {
        let spec = spec(session)?;
        let title = title(session, templates, &spec.title)?;
        let context = context(session, None, session.settings.today, &title);
        let text = single_blank_lines(&templates.render(&spec.template, &context)?);
        let reads_number = templates
            .template_variables(&spec.template)
            .iter()
            .any(|name| name == "record" || name.starts_with("record.number"));
        Ok(Rendered {
            title,
            templates,
            template: spec.template.clone(),
            context,
            text,
            reads_number,
        })
    }

    /// The record's text as numbered `number` (`None` for a record printed, not filed).
    pub(crate) fn text(&self, number: Option<u32>) -> Result<String> {
        if number.is_none() || !self.reads_number {
            return Ok(self.text.clone());
        }
        let mut context = self.context.clone();
        if let Some(record) = context.get_mut("record").and_then(Json::as_object_mut) {
            record.insert("number".into(), json!(number));
        }
        Ok(single_blank_lines(
            &self.templates.render(&self.template, &context)?,
        ))
    }

    /// The context the record was rendered with: the message reads the same values.
    pub(crate) fn context(&self) -> &Json {
        &self.context
    }
}

/// Markdown with no run of blank lines longer than one: what templates leave where an
/// optional part is empty.
pub(crate) fn single_blank_lines(text: &str) -> String {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push_str(nl);
    }
    out
}

/// The record's title, from the playbook's `record.title` template.
fn title(session: &Session<'_>, templates: &Templates, source: &str) -> Result<String> {
    let title = templates.render_str(source, &session.context(), "record title")?;
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
        .framed_assessments()
        .iter()
        .map(|(a, passages)| {
            let mut numbers: Vec<usize> = passages
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
                "asked": p.asked,
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

/// How the session's playbook writes its record; a playbook without one writes none.
fn spec<'a>(session: &'a Session<'_>) -> Result<&'a crate::playbook::RecordSpec> {
    session.playbook.record.as_ref().ok_or_else(|| {
        Error::usage(format!(
            "playbook `{}` writes no record",
            session.playbook.id
        ))
    })
}
