//! Decision records: rendering a finished run into Markdown through its playbook's
//! template, with the framing verdicts and the verbatim passages they cite.

use serde_json::{Value as Json, json};

use crate::error::{Error, Result};
use crate::playbook::RecordSpec;
use crate::template::Templates;

pub(crate) mod accept;
pub(crate) mod adr_tools;
pub(crate) mod edit;
pub(crate) mod finish;
pub(crate) mod house_fields;
pub(crate) mod house_front_matter;
pub(crate) mod listing;
pub(crate) mod nygard_finish;
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
        let text = cited_only(&single_blank_lines(
            &templates.render(&spec.template, &context)?,
        ));
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
        Ok(cited_only(&single_blank_lines(
            &self.templates.render(&self.template, &context)?,
        )))
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

/// `text` with only the references its text cites: a passage listed under `## References`
/// that no `[n]` before them points at is left out, and the rest renumbered in order, so
/// every reference listed is one the record uses. A playbook lists the passages its
/// questions and verdicts may cite; a branch that does not use one leaves it out. Text
/// after the last quote (a source named, not quoted) stays.
pub(crate) fn cited_only(text: &str) -> String {
    const HEADING: &str = "\n## References\n";
    let Some(at) = text.rfind(HEADING) else {
        return text.to_string();
    };
    let (body, references) = text.split_at(at + HEADING.len());
    let entries = reference_entries(references);
    let cited = |n: &str| body.contains(&format!("[{n}]"));
    if entries.iter().all(|(n, _)| cited(n)) {
        return text.to_string();
    }
    let kept: Vec<&(String, std::ops::Range<usize>)> =
        entries.iter().filter(|(n, _)| cited(n)).collect();
    let renumber = |number: &str| {
        kept.iter()
            .position(|(n, _)| n == number)
            .map(|i| (i + 1).to_string())
    };
    let mut out = renumbered(&body[..at], &renumber);
    let trailer = entries.last().map_or(0, |(_, range)| range.end);
    if kept.is_empty() && references[trailer..].trim().is_empty() {
        return out;
    }
    out.push_str(HEADING);
    out.push_str(&references[..entries.first().map_or(0, |(_, r)| r.start)]);
    for (n, range) in &kept {
        let entry = &references[range.clone()];
        let new = renumber(n).unwrap_or_default();
        out.push_str(&format!("[{new}]{}", &entry[n.len() + 2..]));
    }
    out.push_str(&references[trailer..]);
    out
}

/// The numbered entries of a References section: each `[n]` line with the blank and
/// quoted (`>`) lines under it, as (n, byte range).
fn reference_entries(references: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut entries: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    let mut at = 0;
    for line in references.split_inclusive('\n') {
        let number = line
            .strip_prefix('[')
            .and_then(|rest| rest.split_once("] "))
            .map(|(n, _)| n)
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let under = line.trim().is_empty() || line.starts_with('>');
        match (number, entries.last_mut()) {
            (Some(n), _) => entries.push((n.to_string(), at..at + line.len())),
            (None, Some((_, range))) if under && range.end == at => range.end += line.len(),
            _ => {}
        }
        at += line.len();
    }
    entries
}

/// `text` with each `[n]` mark that `renumber` knows given its new number.
fn renumbered(text: &str, renumber: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let mark = rest[1..]
            .find(']')
            .map(|end| &rest[1..=end])
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        match mark.and_then(|n| Some((n.len(), renumber(n)?))) {
            Some((len, new)) => {
                out.push_str(&format!("[{new}]"));
                rest = &rest[len + 2..];
            }
            None => {
                out.push('[');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
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

#[cfg(test)]
mod tests {
    use super::cited_only;

    const REFS: &str = "\n## References\n\n[1] Alex, section \"A\":\n\n> One.\n\n[2] Alex, section \"B\":\n\n> Thuan: Two?\n>\n> Alex: Two.\n\n[3] Alex, section \"C\":\n\n> Three.\n";

    /// A reference no mark points at is left out and the rest renumbered, marks and all;
    /// a record that cites every reference it lists is kept byte for byte.
    #[test]
    fn only_cited_references_are_listed() {
        let trailer = "\nDoors are Jeff Bezos's Type 1 and Type 2 decisions.\n";
        let cases: [(String, String); 5] = [
            (
                format!("# T\n\nAll. [1][2]\nThree. [3]\n{REFS}"),
                format!("# T\n\nAll. [1][2]\nThree. [3]\n{REFS}"),
            ),
            (
                format!("# T\n\nOne. [1]\nThree. [3] and [3] again\n{REFS}"),
                "# T\n\nOne. [1]\nThree. [2] and [2] again\n\n## References\n\n[1] Alex, section \"A\":\n\n> One.\n\n[2] Alex, section \"C\":\n\n> Three.\n".to_string(),
            ),
            (
                format!("# T\n\nTwo. [2] Not a mark: [x] [] [9]\n{REFS}{trailer}"),
                format!("# T\n\nTwo. [1] Not a mark: [x] [] [9]\n\n## References\n\n[1] Alex, section \"B\":\n\n> Thuan: Two?\n>\n> Alex: Two.\n\n{}", &trailer[1..]),
            ),
            (format!("# T\n\nNone.\n{REFS}"), "# T\n\nNone.\n".to_string()),
            ("# T\n\nNo references. [1]\n".to_string(), "# T\n\nNo references. [1]\n".to_string()),
        ];
        for (text, expected) in cases {
            assert_eq!(cited_only(&text), expected, "{text}");
        }
    }
}
