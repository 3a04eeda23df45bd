//! One driver for every playbook run that writes a record: `decide new`, `decide resume`
//! and `decide supersede`. It picks the playbook, checks the answers file and the log
//! directory before anything is asked, keeps a draft of every interactive answer (with
//! what the run is for, so a resumed `supersede` still supersedes), reconciles the run's
//! one outcome, renders the record once, writes it (and, for a supersede, links both
//! records, or neither), and prints the ready-to-send message.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::draft::{Draft, Purpose};
use crate::error::{Error, Result};
use crate::playbook::{Catalog, Playbook};
use crate::record;
use crate::session::{AnswersFile, Interactive, Prompter, Session, Settings};
use crate::store;
use crate::ui;

/// Everything a run needs from the command's settings.
pub(crate) struct Setup<'a> {
    pub catalog: &'a Catalog,
    pub settings: Settings,
    /// The log directory; `None` prints the record instead of writing it.
    pub log_dir: Option<PathBuf>,
    /// Where interactive drafts are kept, or why they cannot be.
    pub drafts_dir: Result<PathBuf>,
    /// The working directory, to show short paths.
    pub cwd: PathBuf,
    /// The repository root: files it names (answers files) must stay inside it.
    pub root: PathBuf,
    /// The log's own tool names records by date (log4brains), even before the first.
    pub dated_log: bool,
}

/// What to run.
pub(crate) struct Request<'a> {
    /// The playbook named on the command line, if any.
    pub playbook: Option<&'a str>,
    /// The playbook to run when nothing names one.
    pub default_playbook: &'a str,
    pub answers: Option<&'a Path>,
    /// Do not print the coaching (answers-file runs).
    pub quiet: bool,
    pub purpose: Purpose,
    /// A draft being resumed: its answers are not asked again.
    pub resume: Option<Draft>,
}

/// Run the playbook to the end and write its record; the record's path, or `None` when it
/// was printed.
pub(crate) fn run(setup: &Setup<'_>, request: Request<'_>) -> Result<Option<PathBuf>> {
    let mut answers = request
        .answers
        .map(|path| AnswersFile::load(&setup.root, path))
        .transpose()?;
    if answers.is_none() && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::usage("no terminal to ask questions on").hint(
            "pass --answers FILE, keyed by the question ids `decide playbooks show ID` lists",
        ));
    }
    let playbook = choose_playbook(setup.catalog, &request, answers.as_ref())?;
    if playbook.record.is_none() {
        return Err(Error::usage(format!(
            "playbook `{}` writes no record of its own",
            playbook.id
        ))
        .hint(format!("it is run by `decide {}`", playbook.id)));
    }
    if let Some(file) = answers.as_mut() {
        file.check_keys(playbook)?;
    }
    // Check where the record goes before asking anything: a bad log directory must fail
    // before ten minutes of answers, not after.
    if let Some(dir) = &setup.log_dir {
        store::check_log_dir(dir)?;
    }
    let mut session = Session::new(setup.catalog, playbook, setup.settings.clone());
    let mut draft = match (&answers, request.resume) {
        (Some(_), _) => None,
        (None, Some(draft)) => {
            session.preload(&draft.answers, &draft.path)?;
            draft.resumed();
            Some(draft)
        }
        (None, None) => match &setup.drafts_dir {
            Ok(dir) => Some(Draft::start(
                dir,
                &playbook.id,
                request.purpose.clone(),
                setup.log_dir.as_deref(),
                chrono::Local::now(),
            )),
            Err(error) => {
                ui::warning(&format!(
                    "{error}; your answers are not saved as you go, so finish in one sitting"
                ));
                None
            }
        },
    };
    let mut prompter: Box<dyn Prompter> = match answers {
        Some(mut file) => {
            file.show_coaching = !request.quiet;
            Box::new(file)
        }
        None => {
            let title = ui::for_terminal(&playbook.title, false);
            eprintln!("{}\n", console::style(title).bold().for_stderr());
            Box::new(Interactive::new(&setup.catalog.library))
        }
    };
    let mut draft_failed = false;
    session.run(prompter.as_mut(), &mut |session| {
        if let Some(draft) = draft.as_mut()
            && !draft_failed
            && let Err(error) = draft.save(&session.answers)
        {
            // A draft is a safety net: losing it must not end the interview.
            draft_failed = true;
            ui::warning(&format!(
                "{error}; your answers are no longer saved as you go"
            ));
        }
        Ok(())
    })?;

    // Everything is rendered before anything is written: a template error leaves no file.
    let rendered = session.render_record(&setup.catalog.templates)?;
    let message = crate::message::for_session(
        session.playbook,
        &session.answers,
        &rendered,
        &setup.catalog.templates,
    )?;
    let path = match &setup.log_dir {
        None => {
            crate::stdout::write(rendered.text(None)?)?;
            None
        }
        Some(dir) => Some(write(setup, dir, &rendered, &request.purpose)?),
    };
    if let Some(message) = &message {
        let outcome = session.outcome()?;
        crate::message::print(message, path.is_none(), &setup.catalog.jargon, &outcome)?;
    }
    if let Some(draft) = &draft {
        draft.finish()?;
    }
    Ok(path)
}

/// The playbook named on the command line, else the answers file's or the draft's, else the
/// configured default. A flag that disagrees with the file is a mistake, not a choice.
fn choose_playbook<'c>(
    catalog: &'c Catalog,
    request: &Request<'_>,
    answers: Option<&AnswersFile>,
) -> Result<&'c Playbook> {
    let from_file = answers.map(AnswersFile::playbook).transpose()?.flatten();
    let from_draft = request.resume.as_ref().map(|d| d.playbook.clone());
    let id = match (
        request.playbook,
        from_file.as_deref().or(from_draft.as_deref()),
    ) {
        (Some(flag), Some(file)) if flag != file => {
            return Err(Error::usage(format!(
                "--playbook {flag} disagrees with `playbook: {file}` in the answers file"
            ))
            .hint("drop one of them"));
        }
        (Some(id), _) | (None, Some(id)) => id,
        (None, None) => request.default_playbook,
    };
    catalog.get(id)
}

/// Write the record as the next number in `dir`; for a supersede, link it and the old
/// record both ways, or leave neither written.
fn write(
    setup: &Setup<'_>,
    dir: &Path,
    rendered: &record::Rendered,
    purpose: &Purpose,
) -> Result<PathBuf> {
    // For a supersede, the old record is read and its new text made before the new record
    // exists, so a problem with it stops everything.
    let old = match purpose {
        Purpose::Supersede(old) => Some(crate::log::load(old)?),
        Purpose::New | Purpose::Review(_) => None,
    };
    if store::ensure_dir(dir)? {
        ui::note(&format!(
            "Created the decision log {}",
            display_path(dir, &setup.cwd)
        ));
    }
    let slug = store::slug(&rendered.title);
    let today = setup.settings.today;
    let path = store::write_new_record(dir, &slug, today, setup.dated_log, |number| {
        let text = rendered.text(number)?;
        match &old {
            Some((old_record, _)) => {
                // Only its folder matters here: the link is relative to it.
                let path = dir.join(format!("{slug}.md"));
                let record = record::parse(&path, &text)?;
                Ok(crate::record::edit::add_link(
                    &text,
                    &record,
                    "Supersedes",
                    &crate::log::link_label(old_record),
                    &crate::log::link_target(&setup.cwd, &path, &old_record.path),
                ))
            }
            None => Ok(text),
        }
    })?;
    if let Some((old_record, _)) = &old {
        let new_record = crate::log::load(&path)?.0;
        let linked = store::lock_records(&[&old_record.path]).and_then(|lock| {
            // Read again under the lock: the old record may have changed during the interview.
            let (old_record, old_text) = crate::log::load(&old_record.path)?;
            let text = crate::log::link::with_link(
                &setup.cwd,
                &old_text,
                &old_record,
                "Superseded by",
                &new_record,
            )?;
            lock.replace(&old_record.path, text.as_bytes())
        });
        if let Err(error) = linked {
            // Both or neither: the new record goes, so running the command again does not
            // leave two records superseding one.
            let _ = store::remove_if_present(&path);
            return Err(error);
        }
        ui::success(&format!(
            "Wrote {}, which supersedes {}",
            display_path(&path, &setup.cwd),
            display_path(&old_record.path, &setup.cwd)
        ));
    } else {
        ui::success(&format!("Wrote {}", display_path(&path, &setup.cwd)));
    }
    Ok(path)
}

pub(crate) fn display_path(path: &Path, cwd: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).display().to_string()
}

/// What `decide review` did to a record.
pub(crate) enum Reviewed {
    /// A proposal was decided, dropped or given more time: the verdict and new status.
    Finished { headline: String, status: String },
    /// A decision was looked back at.
    LookedBack,
}

/// Run a playbook on the existing record at `path`: a proposal whose time-box ended is
/// finished (the `finish` playbook), any other record is looked back at (`review`). The
/// record is edited in place, keeping everything it said.
pub(crate) fn review(
    setup: &Setup<'_>,
    path: &Path,
    answers: Option<&Path>,
    quiet: bool,
    resume: Option<Draft>,
) -> Result<Reviewed> {
    let (record, _) = crate::log::load(path)?;
    // Before the questions: a record that cannot take the outcome must not cost the answers.
    store::check_editable(path)?;
    let mut answers = answers
        .map(|file| AnswersFile::load(&setup.root, file))
        .transpose()?;
    let proposal = record::finish::Proposal::from_record(&record);
    let finishing = record::finish::Proposal::is_open(&record);
    if answers.is_none() && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        let playbook = if finishing { "finish" } else { "review" };
        return Err(
            Error::usage("no terminal to ask the review questions on").hint(format!(
                "pass --answers FILE, keyed by the question ids `decide playbooks show {playbook}` lists"
            )),
        );
    }
    let playbook = setup
        .catalog
        .get(if finishing { "finish" } else { "review" })?;
    if let Some(file) = answers.as_mut() {
        file.check_keys(playbook)?;
    }
    let mut session = Session::new(setup.catalog, playbook, setup.settings.clone());
    show_record(&mut session, &proposal, finishing, path)?;
    let mut draft = match (&answers, resume) {
        (Some(_), _) => None,
        (None, Some(draft)) => {
            session.preload(&draft.answers, &draft.path)?;
            draft.resumed();
            Some(draft)
        }
        (None, None) => setup.drafts_dir.as_ref().ok().map(|dir| {
            Draft::start(
                dir,
                &playbook.id,
                Purpose::Review(path.to_path_buf()),
                None,
                chrono::Local::now(),
            )
        }),
    };
    let mut prompter: Box<dyn Prompter> = match answers {
        Some(mut file) => {
            file.show_coaching = !quiet;
            Box::new(file)
        }
        None => {
            let heading = format!("{}: {}", playbook.title, crate::log::link_label(&record));
            let heading = ui::for_terminal(&heading, false);
            eprintln!("{}\n", console::style(heading).bold().for_stderr());
            Box::new(Interactive::new(&setup.catalog.library))
        }
    };
    let mut draft_failed = false;
    session.run(prompter.as_mut(), &mut |session| {
        if let Some(draft) = draft.as_mut()
            && !draft_failed
            && let Err(error) = draft.save(&session.answers)
        {
            draft_failed = true;
            ui::warning(&format!(
                "{error}; your answers are no longer saved as you go"
            ));
        }
        Ok(())
    })?;
    // The interview may have taken minutes: edit the record as it is now, read under the
    // lock, not as it was when the questions began.
    let lock = store::lock_records(&[path])?;
    let (_, text) = crate::log::load(path)?;
    let (updated, reviewed) = if finishing {
        let ending = ending(&session, &proposal, playbook)?;
        let reviewed = Reviewed::Finished {
            headline: ending.headline.clone(),
            status: ending.status.clone(),
        };
        (record::finish::apply(&text, &ending), reviewed)
    } else {
        let outcome = look_back(&session, playbook)?;
        (
            record::edit::append_outcome(&text, &outcome),
            Reviewed::LookedBack,
        )
    };
    lock.replace(path, updated.as_bytes())?;
    drop(lock);
    if let Some(draft) = &draft {
        draft.finish()?;
    }
    Ok(reviewed)
}

/// Let the session see the reviewed record (`record`), and take as answered what a
/// proposal's record already says, so it is not asked again.
fn show_record(
    session: &mut Session<'_>,
    proposal: &record::finish::Proposal,
    finishing: bool,
    path: &Path,
) -> Result<()> {
    let mut choices = proposal.options.clone();
    choices.push(crate::coach::finish::NONE.to_string());
    session.subject = Some(serde_json::json!({
        "title": proposal.title,
        "status": proposal.status,
        "options": proposal.options,
        "choices": choices,
        "proposed": proposal.proposed,
        "because": proposal.because,
        "door": proposal.door,
        "wished": proposal.wished,
        "have": proposal.have,
        "open_questions": proposal.open_questions,
        "decide_by": proposal.decide_by,
        "signal": proposal.signal,
        "extended": proposal.extended,
    }));
    if !finishing || proposal.wished.is_empty() {
        return Ok(());
    }
    let mut known = crate::yaml::Mapping::new();
    let list = |items: &[String]| crate::yaml::to_value(&items.to_vec());
    known.insert("wished".into(), list(&proposal.wished));
    known.insert("have".into(), list(&proposal.have));
    if let Some(door) = &proposal.door {
        known.insert("door".into(), crate::yaml::Value::String(door.clone()));
    }
    known.insert("could_change".into(), list(&proposal.open_questions));
    session.preload(&known, path)
}

/// The assessment a framework gave in `session`: what is written is read from the
/// framework's facts, so a playbook may name its questions as it likes.
fn assessment<'s>(
    session: &'s Session<'_>,
    playbook: &Playbook,
    framework: &str,
) -> Result<&'s crate::coach::Assessment> {
    session
        .ordered_assessments()
        .into_iter()
        .find(|a| a.framework == framework)
        .ok_or_else(|| missing_framework(playbook, framework))
}

/// How the proposal ended, from the `finish` and `information` assessments.
fn ending(
    session: &Session<'_>,
    proposal: &record::finish::Proposal,
    playbook: &Playbook,
) -> Result<record::finish::Ending> {
    let today = session.settings.today;
    let result = assessment(session, playbook, "finish")?;
    let fact = |key: &str| result.fact_str(key).map(str::to_string);
    let coverage = assessment(session, playbook, "information")
        .ok()
        .and_then(|i| i.facts.get("coverage"))
        .and_then(serde_json::Value::as_u64)
        .and_then(|c| u32::try_from(c).ok());
    let was_date = proposal
        .decide_by
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| crate::coach::units::human_date(d, today));
    Ok(record::finish::Ending {
        date: today,
        status: fact("status").unwrap_or_else(|| "proposed".into()),
        headline: result.verdict.clone(),
        chosen: fact("chosen"),
        because: fact("because"),
        fallback: fact("fallback"),
        found: match session.answer("found") {
            Some(crate::answer::Answer::List(items)) => items.clone(),
            _ => Vec::new(),
        },
        learnt: fact("learnt"),
        coverage,
        decide_by: fact("decide_by").zip(fact("decide_by_text")),
        why: fact("why"),
        review_by: fact("review_by"),
        review_by_text: fact("review_by_text"),
        confidence: result
            .facts
            .get("confidence")
            .and_then(serde_json::Value::as_f64),
        signal: fact("signal"),
        was: (proposal.proposed.clone(), was_date),
    })
}

/// The look-back, from the `look-back` assessment.
fn look_back(session: &Session<'_>, playbook: &Playbook) -> Result<record::edit::Outcome> {
    let look = assessment(session, playbook, "look-back")?;
    let fact = |key: &str| look.fact_str(key).unwrap_or_default().to_string();
    let why = look
        .fact_str("why")
        .map(|w| format!(": {}", w.trim_end_matches('.')))
        .unwrap_or_default();
    let held_up = match fact("held_up").as_str() {
        "yes" => format!("yes{why}"),
        "partly" => format!("partly, we changed it{why}"),
        _ => format!("no, we reversed it{why}"),
    };
    Ok(record::edit::Outcome {
        date: session.settings.today,
        happened: fact("happened"),
        held_up,
        learnt: fact("learnt"),
        signal_seen: look
            .facts
            .get("signal_seen")
            .and_then(serde_json::Value::as_bool),
        next_review: look
            .fact_str("next_review")
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
    })
}

fn missing_framework(playbook: &Playbook, framework: &str) -> Error {
    Error::content(format!(
        "playbook `{}` gives no `{framework}` assessment, so there is nothing to write",
        playbook.id
    ))
    .hint(format!("add an assessment with `framework: {framework}`"))
}
