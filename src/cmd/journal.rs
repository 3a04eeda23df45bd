//! `decide journal`: the private entries the personal playbooks wrote, listed, shown,
//! searched, and the people the lead has one-on-ones with.

use super::Env;
use crate::cli::{JournalAction, JournalArgs, JournalListArgs};
use crate::error::{Result, exit};
use crate::journal::{self, view};
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &JournalArgs) -> Result<u8> {
    let dir = journal::place(&env.config.journal_dir)?;
    let scan = journal::load(&dir)?;
    for problem in &scan.problems {
        ui::warning(&format!("skipped: {problem}"));
    }
    let entries = &scan.entries;
    let default_list = JournalListArgs::default();
    let action = args.action.as_ref();
    match action.unwrap_or(&JournalAction::List(default_list)) {
        JournalAction::List(list) => {
            let filter = view::Filter {
                playbook: list.playbook.clone(),
                person: list.person.clone(),
                since: list.since,
            };
            let kept: Vec<&journal::Entry> = entries.iter().filter(|e| filter.keeps(e)).collect();
            if args.json {
                crate::stdout::write(view::json(&kept))?;
            } else if kept.is_empty() {
                ui::note(&format!(
                    "No journal entries{} in {}; the personal playbooks write them (`decide playbooks`).",
                    if entries.is_empty() { "" } else { " match" },
                    dir.display()
                ));
            } else {
                crate::stdout::write(view::list(&kept))?;
            }
        }
        JournalAction::Show { entry } => {
            let entry = view::find(entries, entry)?;
            if args.json {
                crate::stdout::write(view::show_json(entry))?;
            } else {
                crate::stdout::write(crate::store::read_text(&entry.path)?)?;
            }
        }
        JournalAction::Search { words } => {
            let found = view::search(entries, words);
            if args.json {
                crate::stdout::write(view::json(&found))?;
            } else if found.is_empty() {
                ui::note("No journal entries contain all those words.");
            } else {
                crate::stdout::write(view::list(&found))?;
            }
        }
        JournalAction::People => {
            let people = view::people(&journal::history(entries), env.today());
            if args.json {
                crate::stdout::write(view::people_json(&people))?;
            } else if people.is_empty() {
                ui::note("No one-on-ones in your journal yet: `decide new --playbook one-on-one`.");
            } else {
                crate::stdout::write(view::people_table(&people))?;
            }
        }
    }
    Ok(exit::OK)
}
