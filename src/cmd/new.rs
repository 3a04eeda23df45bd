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
    // A resumed draft keeps the log directory its session started with. A draft is a file
    // in the repository, so a cloned one may name any directory: it is followed only while
    // it stays inside the repository.
    let log_dir = match (
        stdout,
        request.resume.as_ref().and_then(|d: &Draft| d.dir.clone()),
    ) {
        (true, _) => None,
        (false, Some(dir)) => {
            crate::store::stays_inside(&env.root, &dir, "the draft's log directory", "--dir")?;
            if !crate::store::lies_in(&env.root, &dir) && env.dir_flag().is_none() {
                return Err(crate::error::Error::usage(format!(
                    "the draft writes its record to {}, outside this repository",
                    dir.display()
                ))
                .hint("pass --dir with the log directory you want"));
            }
            Some(env.dir_flag().map_or(dir, std::path::Path::to_path_buf))
        }
        (false, None) => Some(env.log_dir()?),
    };
    let setup = drive::Setup {
        catalog: &catalog,
        settings: env.session_settings(),
        log_dir,
        drafts_dir: crate::store::drafts_dir(&env.root),
        cwd: env.cwd.clone(),
        root: env.root.clone(),
        dated_log: env.log_is_dated(),
    };
    drive::run(&setup, request)
}
