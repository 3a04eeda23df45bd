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
    // A resumed draft keeps the directory its session started with: the log, or for a
    // personal playbook the journal.
    let (log_dir, journal_dir) = match request.resume.as_ref().and_then(|d: &Draft| d.dir.clone()) {
        Some(dir) => (Ok(dir.clone()), Ok(dir)),
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
    };
    drive::run(&setup, request)
}
