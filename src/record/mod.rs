//! Decision records: rendering a finished run into Markdown through its playbook's
//! template, with the framing verdicts and the verbatim passages they cite.

use serde_json::{Value as Json, json};

use crate::error::{Error, Result};
use crate::playbook::RecordSpec;
use crate::template::Templates;

pub(crate) mod edit;
pub(crate) mod finish;
pub(crate) mod house_fields;
pub(crate) mod house_front_matter;
pub(crate) mod listing;
pub(crate) mod parse;
pub(crate) mod sections;

pub(crate) use listing::Listing;
pub(crate) use parse::{Format, HeadingStyle, LabelStyle, Record, parse};
pub(crate) use sections::Section;

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
    /// Render `spec`'s record: its title from `answers` (what the session's templates see),
    /// its text from the context `context` builds for that title.
    pub(crate) fn new(
        spec: &RecordSpec,
        templates: &'t Templates,
        answers: &Json,
        context: impl FnOnce(&str) -> Json,
    ) -> Result<Rendered<'t>> {
        let title = title(answers, templates, &spec.title)?;
        let context = context(&title);
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
fn title(answers: &Json, templates: &Templates, source: &str) -> Result<String> {
    let title = templates.render_str(source, answers, "record title")?;
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
