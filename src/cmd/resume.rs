//! `decide resume`: list the drafts of unfinished sessions, or continue one at the first
//! unanswered question.

use std::io::IsTerminal;

use dialoguer::Select;
use dialoguer::theme::ColorfulTheme;

use super::{Env, logdir, new};
use crate::cli::ResumeArgs;
use crate::draft::{self, Draft, Purpose};
use crate::error::{Error, Result, exit};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &ResumeArgs) -> Result<u8> {
    let dir = store::drafts_dir(&env.root)?;
    // A personal playbook keeps its drafts in the journal, out of any repository.
    let private = crate::journal::place(&env.config.journal_dir)
        .ok()
        .map(|journal| journal.join(crate::journal::DRAFTS));
    let dirs: Vec<&std::path::Path> = std::iter::once(dir.as_path())
        .chain(private.as_deref())
        .collect();
    if args.list {
        let drafts = all_drafts(&dirs)?;
        if drafts.is_empty() {
            ui::note(&format!("No drafts in {}.", dir.display()));
        }
        let lines: String = drafts.iter().map(|d| describe(d) + "\n").collect();
        crate::stdout::write(lines)?;
        return Ok(exit::OK);
    }
    let chosen = match (&args.draft, private.as_deref()) {
        // A name is looked for among the team's drafts first, then the private ones.
        (Some(wanted), Some(private)) => draft::find(&dir, wanted)
            .or_else(|error| draft::find(private, wanted).map_err(|_| error))?,
        (Some(wanted), None) => draft::find(&dir, wanted)?,
        (None, _) => choose(all_drafts(&dirs)?)?,
    };
    let chosen = with_own_record(env, chosen)?;
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

/// The drafts in each of `dirs`, newest first within each.
fn all_drafts(dirs: &[&std::path::Path]) -> Result<Vec<Draft>> {
    let mut drafts = Vec::new();
    for dir in dirs {
        drafts.extend(draft::list(dir)?);
    }
    Ok(drafts)
}

/// The only draft, or the one picked from a list at the terminal.
fn choose(mut drafts: Vec<Draft>) -> Result<Draft> {
    match drafts.len() {
        0 => Err(Error::usage("there are no drafts to resume")
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
            // dialoguer prints the items as they are, and a draft in the repository's
            // drafts may have come with a clone: its title is shown, not sent.
            let items: Vec<String> = drafts
                .iter()
                .map(|d| ui::for_terminal(&describe(d), false).into_owned())
                .collect();
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

/// `draft`, its record (for a review or a supersede) checked to be one of this log's. A
/// draft in the repository's drafts folder came with the repository, and names its record
/// itself: it may finish only a record of the log, never a file elsewhere.
fn with_own_record(env: &Env<'_>, mut draft: Draft) -> Result<Draft> {
    let name = draft.name();
    let (Purpose::Review(target) | Purpose::Supersede(target)) = &mut draft.purpose else {
        return Ok(draft);
    };
    let shown = target.display().to_string();
    let log = logdir::open_own_log(env, &shown)?;
    match log.own_record(&env.cwd.join(&*target)) {
        Some(own) => {
            *target = env.cwd.join(own);
            Ok(draft)
        }
        None => Err(Error::record(format!(
            "draft {name} continues work on {shown}, which is not a record of this log"
        ))
        .hint(format!(
            "remove the draft {name}, or start again with `decide review` or `decide supersede`"
        ))),
    }
}
