//! `decide resume`: list the drafts of unfinished sessions, or continue one at the first
//! unanswered question.

use std::io::IsTerminal;

use dialoguer::Select;
use dialoguer::theme::ColorfulTheme;

use super::{Env, new};
use crate::cli::ResumeArgs;
use crate::draft::{self, Draft};
use crate::error::{Error, Result, exit};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &ResumeArgs) -> Result<u8> {
    let dir = store::drafts_dir(&env.root)?;
    if args.list {
        let drafts = draft::list(&dir)?;
        if drafts.is_empty() {
            ui::note(&format!("No drafts in {}.", dir.display()));
        }
        let lines: String = drafts.iter().map(|d| describe(d) + "\n").collect();
        crate::stdout::write(lines)?;
        return Ok(exit::OK);
    }
    let chosen = match &args.draft {
        Some(wanted) => draft::find(&dir, wanted)?,
        None => choose(&dir)?,
    };
    ui::note(&format!(
        "Resuming {} ({} so far).",
        chosen.name(),
        crate::coach::count(chosen.answers.len(), "answer", "answers")
    ));
    if let crate::draft::Purpose::Review(path) = &chosen.purpose {
        let path = path.clone();
        super::review::review_record(env, &path, None, false, Some(chosen))?;
        return Ok(exit::OK);
    }
    let request = crate::drive::Request {
        playbook: None,
        default_playbook: &env.config.default_playbook.value,
        answers: None,
        quiet: false,
        purpose: chosen.purpose.clone(),
        resume: Some(chosen),
    };
    new::run_request(env, false, request)?;
    Ok(exit::OK)
}

/// The only draft, or the one picked from a list at the terminal.
fn choose(dir: &std::path::Path) -> Result<Draft> {
    let mut drafts = draft::list(dir)?;
    match drafts.len() {
        0 => Err(Error::usage(format!(
            "there are no drafts to resume in {}",
            dir.display()
        ))
        .hint("start a decision with `decide new`")),
        1 => Ok(drafts.remove(0)),
        _ if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) => {
            Err(Error::usage(format!(
                "{} drafts and no terminal to choose on",
                drafts.len()
            ))
            .hint("name one: `decide resume --list` shows them"))
        }
        _ => {
            let items: Vec<String> = drafts.iter().map(describe).collect();
            let picked = Select::with_theme(&ColorfulTheme::default())
                .with_prompt("Which draft?")
                .items(&items)
                .default(0)
                .interact_on(&console::Term::stderr())
                .map_err(|_| Error::interrupted())?;
            Ok(drafts.remove(picked))
        }
    }
}

fn describe(draft: &Draft) -> String {
    let title = draft
        .title()
        .map(|t| format!("  \"{t}\""))
        .unwrap_or_default();
    format!(
        "{}  {}, started {}, {}{title}",
        draft.name(),
        draft.playbook,
        draft.started,
        crate::coach::count(draft.answers.len(), "answer", "answers")
    )
}
