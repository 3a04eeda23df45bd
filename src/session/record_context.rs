//! What a record template sees: the session's context plus `record`, `framing` (each
//! assessment with its reference marks) and `references` (each passage cited, in order).

use serde_json::{Value as Json, json};

use super::Session;
use crate::error::{Error, Result};
use crate::record::Rendered;
use crate::template::Templates;

impl Session<'_> {
    /// The record of the finished session, rendered once.
    pub(crate) fn render_record<'t>(&self, templates: &'t Templates) -> Result<Rendered<'t>> {
        let spec = self.playbook.record.as_ref().ok_or_else(|| {
            Error::usage(format!("playbook `{}` writes no record", self.playbook.id))
        })?;
        Rendered::new(spec, templates, &self.context(), |title| {
            record_context(self, None, title)
        })
    }
}

/// Everything a record template sees: the session's context plus `record`, `framing` and
/// `references`.
pub(crate) fn record_context(session: &Session<'_>, number: Option<u32>, title: &str) -> Json {
    let date = session.settings.today;
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
        // Dates in the lead's words are written as the record writes its own: answers,
        // the facts and verdicts that repeat them, and the outcome. The passages quoted
        // (`references`, added below) are the episode's words and are never touched, and
        // neither are the names: the record's title as its file and listing name it, and
        // who decides.
        let title_source = session
            .playbook
            .record
            .as_ref()
            .map_or("", |spec| spec.title.as_str());
        for (key, value) in map.iter_mut() {
            let kept = matches!(
                key.as_str(),
                "today" | "defaults" | "playbook" | "record" | "decision_makers"
            ) || names_the_title(title_source, key);
            if !kept {
                // An ISO date typed is already unambiguous and kept as typed: it may be
                // part of a name (an option's), which other answers repeat word for word.
                crate::answer::dates_as_said_in(value, date, false);
            }
        }
        map.insert(
            "record".into(),
            json!({
                "number": number,
                "date": date.format("%Y-%m-%d").to_string(),
                "title": title,
            }),
        );
        let mut framing = Json::Array(framing);
        crate::answer::dates_as_said_in(&mut framing, date, false);
        map.insert("framing".into(), framing);
        // `dates.<question id>`: each date answered, as people write it ("Friday 11
        // December"); records keep ISO dates for the front matter only.
        let dates: serde_json::Map<String, Json> = session
            .playbook
            .questions
            .iter()
            .filter_map(|question| match session.answer(&question.id) {
                Some(crate::answer::Answer::Date(day)) => Some((
                    question.id.clone(),
                    json!(crate::coach::units::human_date(*day, date)),
                )),
                _ => None,
            })
            .collect();
        map.insert("dates".into(), Json::Object(dates));
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

/// Whether the title template `source` reads `name` (a question or an assessment id).
fn names_the_title(source: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    source.match_indices(name).any(|(at, _)| {
        let before = source[..at].chars().next_back();
        let after = source[at + name.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}
