//! `decide new`: run a playbook, at the terminal or from an answers file, and write the
//! record to the decision log.

use std::io::IsTerminal;

use super::Env;
use crate::cli::NewArgs;
use crate::coach::ReviewPeriods;
use crate::error::{Error, Result, exit};
use crate::record;
use crate::session::{AnswersFile, Interactive, Prompter, Session, Settings};
use crate::store;
use crate::ui;

pub fn run(env: &Env<'_>, args: &NewArgs) -> Result<u8> {
    let answers = args.answers.as_deref().map(AnswersFile::load).transpose()?;
    let interactive = answers.is_none();
    if interactive && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::usage("no terminal to ask questions on")
            .hint("pass --answers FILE (see examples/ for answers files)"));
    }

    let catalog = env.catalog()?;
    let from_file = answers
        .as_ref()
        .map(AnswersFile::playbook)
        .transpose()?
        .flatten();
    let playbook_id = match (&args.playbook, &from_file) {
        (Some(flag), Some(file)) if flag != file => {
            return Err(Error::usage(format!(
                "--playbook {flag} disagrees with `playbook: {file}` in the answers file"
            ))
            .hint("drop one of them"));
        }
        (Some(id), _) | (None, Some(id)) => id.clone(),
        (None, None) => "decision".to_string(),
    };
    let playbook = catalog.get(&playbook_id)?;
    if let Some(file) = &answers {
        file.check_keys(playbook)?;
    }

    // Resolve where the record goes before asking anything, so a bad log directory fails
    // before ten minutes of answers, not after.
    let dir = if args.stdout {
        None
    } else {
        Some(store::log_dir(&env.root, args.dir.as_deref())?)
    };
    if let Some(dir) = &dir
        && dir.exists()
        && !dir.is_dir()
    {
        return Err(Error::io(
            "use the log directory",
            dir,
            &std::io::Error::other("it is a file, not a directory"),
        )
        .hint("pass another directory with --dir"));
    }

    let settings = Settings {
        today: env.today(),
        periods: ReviewPeriods::default(),
        decision_makers: git_user_name(&env.root).into_iter().collect(),
    };
    let mut session = Session::new(&catalog, playbook, settings);
    let mut prompter: Box<dyn Prompter> = match answers {
        Some(mut file) => {
            file.show_coaching = !args.quiet;
            Box::new(file)
        }
        None => {
            eprintln!("{}\n", console::style(&playbook.title).bold().for_stderr());
            Box::new(Interactive::new(&catalog.library))
        }
    };
    session.run(prompter.as_mut(), &mut |_| Ok(()))?;

    let today = env.today();
    match dir {
        None => {
            print!(
                "{}",
                record::render(&session, &catalog.templates, None, today)?
            );
        }
        Some(dir) => {
            // Render once before touching the disk: a template error must not leave a file.
            let title = record::title(&session, &catalog.templates)?;
            record::render(&session, &catalog.templates, Some(0), today)?;
            if store::ensure_dir(&dir)? {
                ui::note(&format!("Created the decision log {}", dir.display()));
            }
            let path = store::write_new_record(&dir, &store::slug(&title), |number| {
                record::render(&session, &catalog.templates, Some(number), today)
            })?;
            ui::success(&format!("Wrote {}", display_path(&path, &env.cwd)));
        }
    }
    Ok(exit::OK)
}

/// `git config user.name`, the usual default decision-maker; none outside a repository.
fn git_user_name(root: &std::path::Path) -> Option<String> {
    let output = std::process::Command::new("git")
        .args(["config", "user.name"])
        .current_dir(root)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(output.stdout).ok()?.trim().to_string();
    (output.status.success() && !name.is_empty()).then_some(name)
}

pub fn display_path(path: &std::path::Path, cwd: &std::path::Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).display().to_string()
}
