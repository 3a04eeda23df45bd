//! `decide new`: run a playbook, at the terminal or from an answers file, and write the
//! record to the decision log. `resume` and `supersede` run the same path.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::Env;
use crate::cli::NewArgs;
use crate::config;
use crate::draft::{self, Draft};
use crate::error::{Error, Result, exit};
use crate::playbook::Catalog;
use crate::record;
use crate::session::{AnswersFile, Interactive, Prompter, Session, Settings};
use crate::store;
use crate::ui;

pub(super) fn run(env: &Env<'_>, args: &NewArgs) -> Result<u8> {
    let options = Options {
        answers: args.answers.as_deref(),
        stdout: args.stdout,
        quiet: args.quiet,
    };
    run_playbook(env, &options, None)?;
    Ok(exit::OK)
}

/// How to run a playbook and where its record goes.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Options<'a> {
    /// Take answers from this file instead of prompting.
    pub answers: Option<&'a Path>,
    /// Print the record instead of writing it.
    pub stdout: bool,
    /// Do not print the coaching (answers-file runs).
    pub quiet: bool,
}

/// What a finished run produced.
pub(super) struct Outcome {
    /// The record's path; `None` when it was printed with `--stdout`.
    pub path: Option<PathBuf>,
}

/// Run a playbook to the end and write its record. `resume` continues a draft: its answers
/// are not asked again. Interactive runs keep a draft of every answer until the record is
/// written.
pub(super) fn run_playbook(
    env: &Env<'_>,
    options: &Options<'_>,
    resume: Option<Draft>,
) -> Result<Outcome> {
    let mut answers = options.answers.map(AnswersFile::load).transpose()?;
    if answers.is_none() && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::usage("no terminal to ask questions on")
            .hint("pass --answers FILE (see examples/ for answers files)"));
    }

    let catalog = env.catalog()?;
    let from_file = answers
        .as_ref()
        .map(AnswersFile::playbook)
        .transpose()?
        .flatten();
    let from_draft = resume.as_ref().map(|d| d.playbook.clone());
    let flag = matches!(env.config.default_playbook.source, config::Source::Flag(_))
        .then_some(env.config.default_playbook.value.as_str());
    let playbook_id = match (flag, from_file.as_deref().or(from_draft.as_deref())) {
        (Some(flag), Some(file)) if flag != file => {
            return Err(Error::usage(format!(
                "--playbook {flag} disagrees with `playbook: {file}` in the answers file"
            ))
            .hint("drop one of them"));
        }
        (Some(id), _) | (None, Some(id)) => id.to_string(),
        (None, None) => env.config.default_playbook.value.clone(),
    };
    let playbook = catalog.get(&playbook_id)?;
    let Some(record_spec) = &playbook.record else {
        return Err(Error::usage(format!(
            "playbook `{}` writes no record of its own",
            playbook.id
        ))
        .hint(format!("it is run by `decide {}`", playbook.id)));
    };
    if let Some(file) = answers.as_mut() {
        file.check_keys(playbook)?;
    }
    if matches!(env.config.template().source, config::Source::Flag(_))
        && env.config.template().value != config::DEFAULT_TEMPLATE
    {
        // `--template` replaces decision.md; a playbook with its own template would
        // silently ignore it.
        if record_spec.template != env.house_template()?.name {
            return Err(Error::usage(format!(
                "--template replaces decision.md, which playbook `{}` does not use: it writes its record with {}",
                playbook.id, record_spec.template
            ))
            .hint(format!("to restyle it, put your own {} in .decide/templates/", record_spec.template)));
        }
    }

    // Resolve where the record goes before asking anything, so a bad log directory fails
    // before ten minutes of answers, not after.
    // A resumed draft keeps the `--dir` its session started with.
    let dir = match (options.stdout, resume.as_ref().and_then(|d| d.dir.clone())) {
        (true, _) => None,
        (false, Some(dir)) => Some(dir),
        (false, None) => Some(env.log_dir()?),
    };
    if let Some(dir) = &dir {
        store::check_log_dir(dir)?;
    }

    let mut session = Session::new(&catalog, playbook, settings(env));
    let mut draft = match (&answers, resume) {
        (Some(_), _) => None,
        (None, Some(draft)) => {
            session.preload(&draft.answers, &draft.path)?;
            Some(draft)
        }
        (None, None) => Some(Draft::start(
            &store::drafts_dir(&env.root)?,
            &playbook.id,
            env.config
                .log_dir
                .as_ref()
                .ok()
                .filter(|s| matches!(s.source, config::Source::Flag(_)))
                .map(|s| s.value.as_path()),
            chrono::Local::now(),
        )),
    };
    let mut prompter: Box<dyn Prompter> = match answers {
        Some(mut file) => {
            file.show_coaching = !options.quiet;
            Box::new(file)
        }
        None => {
            eprintln!("{}\n", console::style(&playbook.title).bold().for_stderr());
            Box::new(Interactive::new(&catalog.library))
        }
    };
    session.run(prompter.as_mut(), &mut |session| match draft.as_mut() {
        Some(draft) => draft.save(session),
        None => Ok(()),
    })?;

    // Rendered before the record is written, so a message that fails writes nothing.
    let message = crate::message::for_session(&session, &catalog.templates, env.today())?;
    let path = write_record(env, &catalog, &session, dir.as_deref())?;
    crate::message::print(message.as_deref(), path.is_none())?;
    if let Some(draft) = &draft {
        draft.finish()?;
    }
    Ok(Outcome { path })
}

fn settings(env: &Env<'_>) -> Settings {
    Settings {
        today: env.today(),
        periods: env.config.review_periods,
        decision_makers: env.config.decision_makers(&env.root).value,
    }
}

/// Render the record and write it to `dir` (or print it when `dir` is `None`).
fn write_record(
    env: &Env<'_>,
    catalog: &Catalog,
    session: &Session<'_>,
    dir: Option<&Path>,
) -> Result<Option<PathBuf>> {
    let today = env.today();
    let Some(dir) = dir else {
        crate::stdout::write(record::render(session, &catalog.templates, None, today)?)?;
        return Ok(None);
    };
    // Render once before touching the disk: a template error must not leave a file.
    let title = record::title(session, &catalog.templates)?;
    record::render(session, &catalog.templates, Some(0), today)?;
    if store::ensure_dir(dir)? {
        ui::note(&format!(
            "Created the decision log {}",
            display_path(dir, &env.cwd)
        ));
    }
    let path = store::write_new_record(
        dir,
        &store::slug(&title),
        today,
        env.log_is_dated(),
        |number| record::render(session, &catalog.templates, number, today),
    )?;
    ui::success(&format!("Wrote {}", display_path(&path, &env.cwd)));
    Ok(Some(path))
}

pub(super) fn display_path(path: &Path, cwd: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).display().to_string()
}

/// The message Ctrl-C leaves: where the answers are and how to go on.
pub(crate) fn interrupted_note() -> String {
    match draft::active() {
        Some(path) => format!(
            "Interrupted. Your answers so far are saved in {}; run `decide resume` to continue.",
            path.display()
        ),
        None => "Interrupted; nothing was written.".to_string(),
    }
}
