//! `decide playbooks`: list, show and check playbooks.

use std::fmt::Write as _;

use console::style;

use super::Env;
use crate::cli::{PlaybooksAction, PlaybooksArgs};
use crate::coach;
use crate::error::{Result, exit};
use crate::playbook::{self, Group, Kind, Playbook};
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &PlaybooksArgs) -> Result<u8> {
    match &args.action {
        None | Some(PlaybooksAction::List) => {
            let catalog = env.catalog()?;
            crate::stdout::write_styled(list(&catalog.playbooks))?;
            Ok(exit::OK)
        }
        Some(PlaybooksAction::Show { id }) => {
            let catalog = env.catalog()?;
            let playbook = catalog.get(id)?;
            crate::stdout::write_styled(describe(playbook, &catalog.library))?;
            Ok(exit::OK)
        }
        Some(PlaybooksAction::Example { id }) => {
            let catalog = env.catalog()?;
            let playbook = catalog.get(id)?;
            crate::stdout::write(playbook::example::answers_file(playbook))?;
            Ok(exit::OK)
        }
        Some(PlaybooksAction::Check { file }) => {
            let playbook = playbook::check_file(&env.root, file)?;
            ui::success(&format!(
                "{}: playbook `{}` is valid ({}, {})",
                file.display(),
                playbook.id,
                crate::coach::count(playbook.questions.len(), "question", "questions"),
                crate::coach::count(playbook.assessments.len(), "assessment", "assessments")
            ));
            Ok(exit::OK)
        }
    }
}

/// The playbooks by group: team decisions, messages, personal coaching. The headings are
/// decide's own, in bold; what a playbook file says is made safe before it joins them
/// ([`crate::stdout::write_styled`]).
fn list(playbooks: &[Playbook]) -> String {
    let width = playbooks.iter().map(|p| p.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for group in Group::ALL {
        let members: Vec<&Playbook> = playbooks.iter().filter(|p| p.group == group).collect();
        if members.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", style(group.heading()).bold());
        for playbook in members {
            let line = format!("  {:<width$}  {}", playbook.id, playbook.summary);
            let _ = writeln!(out, "{}", crate::stdout::for_terminal(&line));
        }
    }
    out
}

/// A playbook's title in bold, then everything else it says, made safe as [`list`] does.
/// A cited passage in a playbook's description: `id: "quote" (Speaker)`.
fn cited(passage: &crate::passages::Passage) -> String {
    format!(
        "{}: {} ({})",
        passage.id,
        crate::phrase::quoted(&passage.quote),
        passage.speaker
    )
}

fn describe(playbook: &Playbook, library: &crate::passages::Library) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        " ({})\n{}\nGroup: {}\nSource: {}\n",
        playbook.id,
        playbook.summary,
        playbook.group.key(),
        playbook.origin.describe()
    );
    let _ = writeln!(out, "Questions:");
    for (index, question) in playbook.questions.iter().enumerate() {
        let kind = match question.kind {
            Kind::Choice if question.multiple => "choice, several".to_string(),
            kind => kind.name().to_string(),
        };
        let mut notes = vec![kind];
        if question.optional {
            notes.push("optional".into());
        }
        if question.confirm {
            notes.push("on the review screen".into());
        }
        if question.from_record {
            notes.push("read from the proposal's record, asked only if it is not there".into());
        }
        notes.extend(validation_notes(&question.validation));
        if let Some(condition) = &question.when {
            notes.push(format!("when {condition}"));
        }
        if let Some(items) = &question.for_each {
            notes.push(format!("for each of {items}"));
        }
        let _ = writeln!(
            out,
            "{:>3}. {}  [{}: {}]",
            index + 1,
            question.prompt,
            question.id,
            notes.join(", ")
        );
        for id in &question.cites {
            if let Some(passage) = library.get(id) {
                let _ = writeln!(out, "       cites {}", cited(passage));
            }
        }
    }
    if !playbook.assessments.is_empty() {
        let _ = writeln!(out, "\nAssessments:");
        for spec in &playbook.assessments {
            let title = coach::find(&spec.framework).map_or("", |f| f.title);
            let inputs: Vec<String> = spec
                .inputs
                .iter()
                .map(|(param, question)| format!("{param} <- {question}"))
                .collect();
            let _ = writeln!(
                out,
                "  {} ({}: {}) from {}",
                spec.id,
                spec.framework,
                title,
                inputs.join(", ")
            );
        }
    }
    if let Some(message) = &playbook.message {
        let limit = message
            .max_words
            .map(|max| format!(", at most {max} words"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\nMessage: printed on stdout from templates/{}{limit}",
            message.template
        );
    }
    if !playbook.cites.is_empty() {
        let _ = writeln!(out, "\nThe record also cites:");
        for id in &playbook.cites {
            if let Some(passage) = library.get(id) {
                let _ = writeln!(out, "  {}", cited(passage));
            }
        }
    }
    format!(
        "{}{}",
        style(crate::stdout::for_terminal(&playbook.title)).bold(),
        crate::stdout::for_terminal(&out)
    )
}

/// The validation rules of a question, as a reader would say them.
fn validation_notes(rules: &crate::playbook::Validation) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(max) = rules.max_length {
        notes.push(format!("at most {max} characters"));
    }
    if let Some(max) = rules.max_words {
        notes.push(format!("at most {max} words"));
    }
    if let Some(min) = rules.min_items {
        notes.push(format!("at least {min}"));
    }
    if let Some(max) = rules.max_items {
        notes.push(format!("at most {max}"));
    }
    if let Some(min) = rules.min {
        notes.push(format!("at least {}", crate::answer::format_number(min)));
    }
    if let Some(max) = rules.max {
        notes.push(format!("at most {}", crate::answer::format_number(max)));
    }
    if rules.not_past {
        notes.push("today or later".into());
    }
    if rules.after_today {
        notes.push("after today".into());
    }
    if rules.file_name {
        notes.push("no file paths".into());
    }
    notes
}
