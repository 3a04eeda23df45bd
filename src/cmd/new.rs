//! `decide new`: run a playbook, at the terminal or from an answers file, and write its
//! record to the decision log (the work is the session driver's).

use super::Env;
use crate::cli::NewArgs;
use crate::draft::{Draft, Purpose};
use crate::drive;
use crate::error::{Result, exit};

pub(super) fn run(env: &Env<'_>, args: &NewArgs) -> Result<u8> {
    let request = drive::Request {
        playbook: env.playbook_flag(),
        default_playbook: &env.config.default_playbook.value,
        answers: args.answers.as_deref(),
        quiet: args.quiet,
        purpose: Purpose::New,
        resume: None,
    };
    run_request(env, args.stdout, request)?;
    Ok(exit::OK)
}

/// Run `request` with this command's settings: `new`, `resume` and `supersede` share it.
pub(super) fn run_request(
    env: &Env<'_>,
    stdout: bool,
    request: drive::Request<'_>,
) -> Result<Option<std::path::PathBuf>> {
    let catalog = env.catalog()?;
    env.check_template_flag(&catalog, request.playbook, request.answers)?;
    refuse_private_draft_in_repository(env, &catalog, request.resume.as_ref())?;
    // A resumed draft keeps the directory its session started with: the log, or for a
    // personal playbook the journal. A draft kept in the repository may have come with a
    // clone, so the log directory it names is followed only while it stays inside.
    let resumed = request.resume.as_ref().and_then(|d: &Draft| {
        d.dir
            .clone()
            .map(|dir| (dir, crate::store::lies_in(&env.root, &d.path)))
    });
    let (log_dir, journal_dir) = match resumed {
        Some((dir, true)) => {
            crate::store::stays_inside(&env.root, &dir, "the draft's log directory", "--dir")?;
            if !crate::store::lies_in(&env.root, &dir) && env.dir_flag().is_none() {
                return Err(crate::error::Error::usage(format!(
                    "the draft writes its record to {}, outside this repository",
                    dir.display()
                ))
                .hint("pass --dir with the log directory you want"));
            }
            let dir = env.dir_flag().map_or(dir, std::path::Path::to_path_buf);
            (Ok(dir.clone()), Ok(dir))
        }
        Some((dir, false)) => (Ok(dir.clone()), Ok(dir)),
        None => (
            env.log_dir(),
            crate::journal::place(&env.config.journal_dir),
        ),
    };
    let setup = drive::Setup {
        catalog: &catalog,
        settings: env.session_settings(),
        print: stdout,
        log_dir,
        journal_dir,
        drafts_dir: crate::store::drafts_dir(&env.root),
        cwd: env.cwd.clone(),
        root: env.root.clone(),
        dated_log: env.log_is_dated(),
        log_front_matter: matches!(env.template().source, crate::config::Source::Log(_)),
        follow_log: matches!(
            env.template().source,
            crate::config::Source::Log(_) | crate::config::Source::Default
        ),
        adr_tools_log: matches!(env.template().source, crate::config::Source::Log(_))
            && env.template().value == crate::config::NYGARD_TEMPLATE,
        packages: env.config.log_packages.clone(),
    };
    drive::run(&setup, request)
}

/// A personal playbook's drafts are kept in the journal, never in the repository: one in
/// the repository's drafts came with it (a clone), and resuming it would save the answers
/// there and write the entry to the directory the draft names. So it is refused: what a
/// personal playbook produces goes only to the private journal.
fn refuse_private_draft_in_repository(
    env: &Env<'_>,
    catalog: &crate::playbook::Catalog,
    draft: Option<&Draft>,
) -> Result<()> {
    let Some(draft) = draft else {
        return Ok(());
    };
    let personal = catalog
        .get(&draft.playbook)
        .is_ok_and(|p| p.group == crate::playbook::Group::Personal);
    let team_drafts = crate::store::drafts_dir(&env.root).ok();
    if personal && team_drafts.is_some_and(|dir| draft.path.parent() == Some(dir.as_path())) {
        return Err(crate::error::Error::usage(format!(
            "draft {} is in the repository, and playbook `{}` is private: its answers go only to your journal",
            draft.path.display(),
            draft.playbook
        ))
        .hint(format!(
            "remove the draft, and start afresh with `decide new --playbook {}`",
            draft.playbook
        )));
    }
    Ok(())
}
