//! One driver for every playbook run that writes a record: `decide new`, `decide resume`
//! and `decide supersede`. It picks the playbook, checks the answers file and the log
//! directory before anything is asked, keeps a draft of every interactive answer (with
//! what the run is for, so a resumed `supersede` still supersedes), reconciles the run's
//! one outcome, renders the record once, writes it (and, for a supersede, links both
//! records, or neither), and prints the ready-to-send message.
//!
//! A personal playbook (`group: personal`) runs the same way, but reads the lead's journal
//! first (last time's follow-ups, earlier weeks) and writes its entry there, never to the
//! team's log; its drafts stay in the journal too.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::draft::{Draft, Purpose};
use crate::error::{Error, Result};
use crate::journal;
use crate::playbook::{Catalog, Group, Playbook};
use crate::record;
use crate::session::{AnswersFile, Interactive, Prompter, Session, Settings};
use crate::store;
use crate::ui;

/// Everything a run needs from the command's settings.
pub(crate) struct Setup<'a> {
    pub catalog: &'a Catalog,
    pub settings: Settings,
    /// Print the record (or the journal entry) on stdout instead of writing it.
    pub print: bool,
    /// The log directory, where a team playbook's record goes; an error matters only to a
    /// run that writes there.
    pub log_dir: Result<PathBuf>,
    /// The private journal, where a personal playbook's entry goes and whose earlier
    /// entries it reads.
    pub journal_dir: Result<PathBuf>,
    /// Where interactive drafts of team playbooks are kept, or why they cannot be.
    pub drafts_dir: Result<PathBuf>,
    /// The working directory, to show short paths.
    pub cwd: PathBuf,
    /// The repository root: files it names (answers files) must stay inside it.
    pub root: PathBuf,
    /// The log's own tool names records by date (log4brains), even before the first.
    pub dated_log: bool,
    /// The record template follows the log's format, so a new record carries the front
    /// matter the log's records carry too, and lists with their marker.
    pub log_front_matter: bool,
    /// No one chose the template (it is the log's, or the default): a new record writes
    /// its status, date and front matter where and as the log's newest records do.
    pub follow_log: bool,
    /// The log is adr-tools' and no one chose the template: where its records are
    /// adr-tools' own, every record is written in their form ([`record::adr_tools`]),
    /// whichever playbook renders it.
    pub adr_tools_log: bool,
    /// The log's packages (log4brains), by name: their records are the log's too.
    pub packages: Vec<(String, PathBuf)>,
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
        return Err(Error::usage("no terminal to ask questions on")
            .hint("pass --answers FILE; `decide playbooks example ID` prints one to fill in"));
    }
    let playbook = choose_playbook(setup.catalog, &request, answers.as_ref())?;
    if playbook.record.is_none() {
        return Err(Error::usage(format!(
            "playbook `{}` writes no record of its own",
            playbook.id
        ))
        // `review` and `finish` work on a record that exists: `decide review N` runs them.
        .hint("it works on a record that exists: run `decide review N` with the record's number"));
    }
    if let Some(file) = answers.as_mut() {
        file.check_keys(playbook)?;
    }
    let personal = playbook.group == Group::Personal;
    let destination = destination(setup, playbook, &request.purpose)?;
    let mut session = Session::new(setup.catalog, playbook, setup.settings.clone());
    if personal {
        session.settings.personal.history = personal_history(setup);
    }
    let writes_to = destination.as_deref();
    remember(&mut session, setup, answers.as_ref(), writes_to, &request)?;
    let drafts_dir = drafts_dir(setup, personal, answers.is_none())?;
    let mut interactive = answers.is_none().then(|| {
        let title = ui::for_terminal(&playbook.title, false);
        eprintln!("{}\n", console::style(title).bold().for_stderr());
        Interactive::new(&setup.catalog.library)
    });
    let unfinished = match (&drafts_dir, interactive.as_mut(), &request.resume) {
        (Ok(dir), Some(interactive), None) => {
            let wanted = (playbook, &request.purpose, destination.as_deref());
            offer_unfinished(dir, wanted, interactive)?
        }
        _ => None,
    };
    let mut draft = match (&answers, request.resume.or(unfinished)) {
        (Some(_), _) => None,
        (None, Some(draft)) => {
            session.resume(&draft)?;
            draft.resumed();
            Some(draft)
        }
        (None, None) => new_draft(
            &drafts_dir,
            playbook,
            &request.purpose,
            destination.as_deref(),
        ),
    };
    let mut prompter: Box<dyn Prompter> = match answers {
        Some(mut file) => {
            file.show_coaching = !request.quiet;
            Box::new(file)
        }
        None => Box::new(interactive.unwrap_or_else(|| Interactive::new(&setup.catalog.library))),
    };
    let mut draft_failed = false;
    session.run(prompter.as_mut(), &mut |session| {
        if let Some(draft) = draft.as_mut()
            && !draft_failed
            && let Err(error) = draft.save(&session.progress())
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
    let path = output(
        setup,
        &session,
        &rendered,
        destination.as_deref(),
        &request.purpose,
    )?;
    if let Some(message) = message {
        print_message(setup, &session, message, path.as_deref())?;
    }
    if let Some(draft) = &draft {
        draft.finish()?;
    }
    Ok(path)
}

/// Print the run's message: called the audience's only when `decide message` writes the
/// same words from the record just written (see [`crate::message::reader_of`]).
fn print_message(
    setup: &Setup<'_>,
    session: &Session<'_>,
    mut message: crate::message::Message,
    path: Option<&Path>,
) -> Result<()> {
    let outcome = session.outcome()?;
    if let Some(written) = path.filter(|_| session.playbook.group != Group::Personal) {
        message.reader = crate::message::reader_of(
            &message,
            written,
            &display_path(written, &setup.cwd),
            session.settings.today,
            &setup.catalog.templates,
        );
    }
    crate::message::print(&message, path.is_none(), &setup.catalog.jargon, &outcome)
}

/// The draft a new interactive run saves its answers in, if it can have one.
fn new_draft(
    drafts_dir: &Result<PathBuf>,
    playbook: &Playbook,
    purpose: &Purpose,
    destination: Option<&Path>,
) -> Option<Draft> {
    match drafts_dir {
        Ok(dir) => Some(Draft::start(
            dir,
            &playbook.id,
            purpose.clone(),
            destination,
            chrono::Local::now(),
        )),
        Err(error) => {
            ui::warning(&format!(
                "{error}; your answers are not saved as you go, so finish in one sitting"
            ));
            None
        }
    }
}

/// An unfinished draft of the same playbook for the same purpose, offered to pick up
/// instead of starting again: the newest one, if the lead says so.
fn offer_unfinished(
    dir: &Path,
    (playbook, purpose, destination): (&Playbook, &Purpose, Option<&Path>),
    interactive: &mut Interactive,
) -> Result<Option<Draft>> {
    let same = |d: &Draft| {
        d.playbook == playbook.id
            && d.purpose == *purpose
            // A draft that names no directory writes where this run would.
            && (d.dir.is_none() || d.dir.as_deref() == destination)
            && !d.answers.is_empty()
    };
    let Some(draft) = crate::draft::list(dir)?.into_iter().find(same) else {
        return Ok(None);
    };
    let title = draft
        .title()
        .map(|t| format!(" \"{t}\""))
        .unwrap_or_default();
    let question = format!(
        "You have an unfinished draft{title}, started {}, with {}. Pick it up?",
        draft.started,
        crate::coach::count(draft.answers.len(), "answer", "answers")
    );
    // Asked before the first question, while the lead may already be typing a title:
    // only Enter answers it, so a typed "n" does not start afresh, nor eat a letter.
    if interactive.confirm(&question, true)? {
        return Ok(Some(draft));
    }
    ui::note(&format!(
        "Starting afresh; `decide resume {}` still picks that draft up.",
        draft.name()
    ));
    Ok(None)
}

/// Where an interactive run keeps its draft, or why it cannot. Drafts of private answers
/// live in the journal, which only its owner may open: it is made so before the first
/// answer is saved.
fn drafts_dir(setup: &Setup<'_>, personal: bool, interactive: bool) -> Result<Result<PathBuf>> {
    if !personal {
        return Ok(setup.drafts_dir.clone());
    }
    if interactive && let Ok(dir) = &setup.journal_dir {
        store::ensure_journal_dir(dir)?;
    }
    Ok(setup
        .journal_dir
        .as_ref()
        .map(|dir| dir.join(journal::DRAFTS))
        .map_err(Clone::clone))
}

/// Where the run writes (`None`: it prints), checked before anything is asked: a bad
/// directory must fail before ten minutes of answers, not after. A personal playbook
/// writes to the journal, and is never a decision to supersede.
fn destination(
    setup: &Setup<'_>,
    playbook: &Playbook,
    purpose: &Purpose,
) -> Result<Option<PathBuf>> {
    let personal = playbook.group == Group::Personal;
    if personal && matches!(purpose, Purpose::Supersede(_)) {
        return Err(Error::usage(format!(
            "playbook `{}` writes a private journal entry, not a decision to supersede",
            playbook.id
        ))
        .hint(format!(
            "run it with `decide new --playbook {}`",
            playbook.id
        )));
    }
    if setup.print {
        return Ok(None);
    }
    if personal {
        let dir = setup.journal_dir.clone()?;
        store::check_journal_dir(&dir)?;
        Ok(Some(dir))
    } else {
        let dir = setup.log_dir.clone()?;
        store::check_log_dir(&dir)?;
        Ok(Some(dir))
    }
}

/// Write (or print) what the finished session rendered: a record in the log, or for a
/// personal playbook an entry in the journal. The path written.
fn output(
    setup: &Setup<'_>,
    session: &Session<'_>,
    rendered: &record::Rendered<'_>,
    destination: Option<&Path>,
    purpose: &Purpose,
) -> Result<Option<PathBuf>> {
    if session.playbook.group != Group::Personal {
        return match destination {
            None => {
                crate::stdout::write(rendered.text(None)?)?;
                Ok(None)
            }
            Some(dir) => write(setup, dir, rendered, purpose, &session.relates_to).map(Some),
        };
    }
    let head = journal::Head::new(
        &session.playbook.id,
        session.settings.today,
        &rendered.title,
        &session.outcome()?,
        &session.ordered_assessments(),
    );
    let body = rendered.text(None)?;
    let Some(dir) = destination else {
        crate::stdout::write(journal::text(&head, &body))?;
        return Ok(None);
    };
    let path = journal::write(dir, &head, &body)?;
    ui::success(&format!(
        "Wrote {} (private: your journal, not the team's log)",
        display_path(&path, &setup.cwd)
    ));
    Ok(Some(path))
}

/// What the journal says so far, for a personal playbook. A journal that cannot be read is
/// no history: the coaching goes on without it, and says why.
fn personal_history(setup: &Setup<'_>) -> crate::coach::History {
    let Ok(dir) = &setup.journal_dir else {
        return crate::coach::History::default();
    };
    match journal::load(dir) {
        Ok(scan) => {
            for problem in &scan.problems {
                ui::warning(&format!("skipped a journal entry: {problem}"));
            }
            journal::history(&scan.entries)
        }
        Err(error) => {
            ui::warning(&format!("{error}; going on without your earlier entries"));
            crate::coach::History::default()
        }
    }
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

/// The log's folders, as absolute paths: its own (`dir`) and its packages'.
fn log_folders(setup: &Setup<'_>, dir: &Path) -> Vec<PathBuf> {
    std::iter::once(dir)
        .chain(setup.packages.iter().map(|(_, path)| path.as_path()))
        .map(|folder| crate::log::normalise(&setup.cwd.join(folder)))
        .collect()
}

/// Let the session link the records an answers file names, and show those related to the
/// title.
fn remember(
    session: &mut Session<'_>,
    setup: &Setup<'_>,
    answers: Option<&AnswersFile>,
    destination: Option<&Path>,
    request: &Request<'_>,
) -> Result<()> {
    let playbook = session.playbook;
    if let Some(file) = answers {
        session.relates_to = relates_to(setup, file, playbook, destination)?;
    }
    let quiet = answers.is_some() && request.quiet;
    session.recall = recall(setup, playbook, destination, &request.purpose, quiet);
    Ok(())
}

/// What the coach remembers of the log, for a team decision written to it: its word index
/// starts loading now, to show the records related to the title once it is given. Not for
/// a record printed rather than filed (it could link nothing), nor a quiet answers file.
fn recall(
    setup: &Setup<'_>,
    playbook: &Playbook,
    destination: Option<&Path>,
    purpose: &Purpose,
    quiet: bool,
) -> Option<crate::session::Recall> {
    let dir = destination?;
    if playbook.group != Group::Decisions || quiet {
        return None;
    }
    let after = title_question(playbook)?;
    let except = match purpose {
        Purpose::Supersede(old) => vec![setup.cwd.join(old)],
        Purpose::New | Purpose::Review(_) => Vec::new(),
    };
    Some(crate::session::Recall {
        memory: crate::log::related::Memory::prepare(
            log_folders(setup, dir),
            store::cache_dir(&setup.root),
        ),
        after,
        except,
    })
}

/// The question a playbook's record title is made of: the first one its title template
/// names (`title` for "{{ title }}", `task` for "Delegate: {{ task }}").
fn title_question(playbook: &Playbook) -> Option<String> {
    let template = &playbook.record.as_ref()?.title;
    let named: Vec<&str> = template
        .split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}").map(|(inside, _)| inside))
        .flat_map(|inside| inside.split(|c: char| !(c.is_alphanumeric() || c == '_')))
        .collect();
    playbook
        .questions
        .iter()
        .find(|q| named.contains(&q.id.as_str()))
        .map(|q| q.id.clone())
}

/// The records an answers file's `relates_to` names, found in the log before anything is
/// asked: a typo must not cost the run.
fn relates_to(
    setup: &Setup<'_>,
    file: &AnswersFile,
    playbook: &Playbook,
    destination: Option<&Path>,
) -> Result<Vec<PathBuf>> {
    let named = file.relates_to()?;
    let Some((_, location)) = named.first() else {
        return Ok(Vec::new());
    };
    let refuse = |why: String| {
        Error::answers(format!("`relates_to` {why}"))
            .at(location.clone())
            .hint("drop `relates_to`")
    };
    if playbook.group == Group::Personal {
        return Err(refuse(format!(
            "links records of the team's log, and playbook `{}` writes to your private journal",
            playbook.id
        )));
    }
    let Some(dir) = destination else {
        return Err(refuse(
            "links the new record in the log, and --stdout writes it nowhere".to_string(),
        ));
    };
    let log = crate::log::Log::open(dir, &setup.packages, setup.dated_log, &setup.cwd)
        .map_err(|e| {
            refuse(format!(
                "names records, but the log cannot be read: {}",
                e.message
            ))
        })?
        .in_repository(&setup.root);
    named
        .iter()
        .map(|(name, location)| {
            log.resolve(&setup.cwd, name).map_err(|e| Error {
                kind: crate::error::Kind::Answers,
                location: Some(location.clone()),
                message: format!("`relates_to`: {}", e.message),
                hint: e.hint,
            })
        })
        .collect()
}

/// The records the new one relates to, read before it is written (a problem with one
/// stops everything): each must be a record of this log (a draft may have come with the
/// repository) that can be edited, and none is the record being superseded.
fn related_records(
    setup: &Setup<'_>,
    dir: &Path,
    paths: &[PathBuf],
    superseded: Option<&Path>,
) -> Result<Vec<record::Record>> {
    let folders = log_folders(setup, dir);
    let mut records: Vec<record::Record> = Vec::new();
    for path in paths {
        let full = crate::log::normalise(&setup.cwd.join(path));
        let in_log = full
            .parent()
            .is_some_and(|p| folders.iter().any(|f| f == p));
        let named = full
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(store::is_record_name);
        if !in_log || !named {
            return Err(Error::record(format!(
                "{} is linked as related, but it is not a record of this log",
                path.display()
            ))
            .hint("link records of the log only"));
        }
        let same = |other: &Path| crate::log::related::same_record(&full, &setup.cwd.join(other));
        if superseded.is_some_and(same) || records.iter().any(|r| same(&r.path)) {
            continue;
        }
        store::check_editable(path)?;
        records.push(crate::log::load(path)?.0);
    }
    Ok(records)
}

/// Link each related record back to the new record at `path`, under one lock: every
/// record's new text is made before any is written. The texts they had before.
fn link_back(
    setup: &Setup<'_>,
    path: &Path,
    related: &[record::Record],
) -> Result<Vec<(PathBuf, String)>> {
    if related.is_empty() {
        return Ok(Vec::new());
    }
    let new_record = crate::log::load(path)?.0;
    let paths: Vec<&Path> = related.iter().map(|r| r.path.as_path()).collect();
    let lock = store::lock_records(&paths)?;
    let mut texts = Vec::new();
    for related in related {
        // Read again under the lock: the record may have changed during the interview.
        let (record, text) = crate::log::load(&related.path)?;
        store::check_editable(&record.path)?;
        let linked = crate::log::link::with_link(
            &setup.cwd,
            (&text, &record),
            RELATES_TO,
            (
                &new_record,
                crate::log::link::labels_in_log(&record, &new_record).as_ref(),
            ),
            crate::log::link::style_for(&record.path, &text),
        )?;
        texts.push((record.path, text, linked));
    }
    let mut before = Vec::new();
    for (path, old, new) in texts {
        if let Err(error) = lock.replace(&path, new.as_bytes()) {
            drop(lock);
            unlink(&before);
            return Err(error);
        }
        before.push((path, old));
    }
    Ok(before)
}

/// Put back the texts related records had before they were linked to a record that is
/// not written after all; best effort, as the error that undoes the record is the one
/// to report.
fn unlink(before: &[(PathBuf, String)]) {
    if before.is_empty() {
        return;
    }
    let paths: Vec<&Path> = before.iter().map(|(path, _)| path.as_path()).collect();
    if let Ok(lock) = store::lock_records(&paths) {
        for (path, text) in before {
            let _ = lock.replace(path, text.as_bytes());
        }
    }
}

/// The kind of link between related records, the same both ways.
const RELATES_TO: &str = "Relates to";

/// Write the record as the next number in `dir`; for a supersede, link it and the old
/// record both ways, and link it and each related record both ways, or leave none written.
/// Who decided, as the rendered record names them.
fn decision_makers(rendered: &record::Rendered) -> Vec<String> {
    rendered.context()["decision_makers"]
        .as_array()
        .map(|names| {
            names
                .iter()
                .filter_map(|n| n.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Create the log directory if it is not there yet, and say so.
fn create_log_dir(setup: &Setup<'_>, dir: &Path) -> Result<()> {
    if store::ensure_dir(dir)? {
        let shown = display_path(dir, &setup.cwd);
        // Outside a repository the log lands in whatever directory the lead stands in:
        // say where, and why, so a log created by mistake is noticed.
        let why = if store::is_repository(&setup.root)
            || *dir != setup.root.join(store::DEFAULT_LOG_DIR)
        {
            String::new()
        } else {
            format!(
                " in {}: no repository here (no .git, .decide or .adr-dir in this directory or above it); run decide inside your repository, or pass --dir, to keep the log elsewhere",
                setup.cwd.display()
            )
        };
        ui::note(&format!("Created the decision log {shown}{why}"));
    }
    Ok(())
}

fn write(
    setup: &Setup<'_>,
    dir: &Path,
    rendered: &record::Rendered,
    purpose: &Purpose,
    related: &[PathBuf],
) -> Result<PathBuf> {
    // For a supersede, the old record is read and its new text made before the new record
    // exists, so a problem with it stops everything; so are the related records.
    let old = match purpose {
        Purpose::Supersede(old) => Some(crate::log::load(old)?),
        Purpose::New | Purpose::Review(_) => None,
    };
    let related = related_records(
        setup,
        dir,
        related,
        old.as_ref().map(|(record, _)| record.path.as_path()),
    )?;
    create_log_dir(setup, dir)?;
    let slug = store::slug(&rendered.title);
    let today = setup.settings.today;
    // Only over a template of the log's own format that writes none of its own.
    let house_front_matter = (setup.log_front_matter || setup.follow_log)
        .then(|| crate::log::house_front_matter(dir))
        .flatten();
    let style = crate::log::house_style(dir);
    let looks = Looks::of(setup, dir, rendered, house_front_matter.is_some());
    let linked: Vec<&record::Record> = old.iter().map(|(r, _)| r).chain(&related).collect();
    let labels = crate::log::label_style(&linked, dir);
    let path = store::write_new_record(dir, &slug, today, setup.dated_log, |number, file| {
        let own_path = dir.join(file);
        let text = rendered.text(number)?;
        let mut text = looks.heading_and_fields(text, &own_path, number, rendered)?;
        // The links are relative to its folder (its own, for a folder's page).
        let path = own_path.clone();
        let links = old
            .iter()
            .map(|(record, _)| ("Supersedes", record))
            .chain(related.iter().map(|record| (RELATES_TO, record)));
        for (kind, other) in links {
            let record = record::parse(&path, &text)?;
            text = crate::record::edit::add_link_in(
                &text,
                &record,
                kind,
                &crate::log::link_label_in(labels.as_ref(), other),
                &crate::log::link_target(&setup.cwd, &path, &other.path),
                style,
            );
        }
        let text = in_log_style(
            text,
            (setup.log_front_matter || setup.follow_log)
                .then_some(style.marker)
                .flatten(),
            house_front_matter.as_ref(),
            (rendered, setup.log_front_matter),
            &own_path,
        )?;
        looks.marked(text, &own_path)
    })?;
    let before = match link_back(setup, &path, &related) {
        Ok(before) => before,
        Err(error) => {
            // Both or neither, as for a supersede.
            let _ = store::remove_if_present(&path);
            return Err(error);
        }
    };
    // A proposal to replace a decision does not end it: the old record is marked superseded
    // when the proposal is accepted (`decide review` finishes it).
    let proposed = rendered.context()["outcome"]["status"].as_str() == Some("proposed");
    if let (Some((old_record, _)), true) = (&old, proposed) {
        ui::success(&format!(
            "Wrote {}, a proposal to supersede {}; that is marked superseded once the proposal is accepted",
            display_path(&path, &setup.cwd),
            display_path(&old_record.path, &setup.cwd)
        ));
        return Ok(path);
    }
    if let Some((old_record, _)) = &old {
        let new_record = crate::log::load(&path)?.0;
        let linked = store::lock_records(&[&old_record.path]).and_then(|lock| {
            // Read again under the lock: the old record may have changed during the interview.
            let (old_record, old_text) = crate::log::load(&old_record.path)?;
            let text = crate::log::link::with_link(
                &setup.cwd,
                (&old_text, &old_record),
                "Superseded by",
                (
                    &new_record,
                    crate::log::link::labels_in_log(&old_record, &new_record).as_ref(),
                ),
                crate::log::link::style_for(&old_record.path, &old_text),
            )?;
            lock.replace(&old_record.path, text.as_bytes())
        });
        if let Err(error) = linked {
            // Both or neither: the new record goes, so running the command again does not
            // leave two records superseding one, and the related records are as they were.
            let _ = store::remove_if_present(&path);
            unlink(&before);
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

/// How the log's newest records look where a new record's template may differ: their
/// title's number, where they write the status and date, the marks before a status.
struct Looks {
    heading: Option<record::HeadingStyle>,
    /// The log titles records with their file names: with the number (`# 0003-use-rust`)
    /// or without it.
    slug_heading: Option<bool>,
    fields: Option<crate::record::house_fields::HouseFields>,
    status_symbols: Option<String>,
    /// The log's records are adr-tools' own (title first, or under front matter of the
    /// log's own): ours are written in their form.
    adr_tools_form: Option<record::adr_tools::Form>,
}

impl Looks {
    /// `house_front_matter`: the log's records carry front matter of their own.
    fn of(
        setup: &Setup<'_>,
        dir: &Path,
        rendered: &record::Rendered,
        house_front_matter: bool,
    ) -> Looks {
        let follow = |learn: &dyn Fn() -> Option<_>| setup.follow_log.then(learn).flatten();
        let status = rendered.context()["outcome"]["status"].as_str();
        let fields = follow(&|| crate::log::house_fields(dir));
        Looks {
            heading: crate::log::heading_style(dir),
            slug_heading: crate::log::slug_headings(dir),
            // A log that keeps its fields in a table or bold labels gets ours in its own way
            // instead; one that keeps them in front matter keeps ours there too.
            adr_tools_form: (setup.adr_tools_log && fields.is_none()).then_some(
                if house_front_matter {
                    record::adr_tools::Form::UnderFrontMatter
                } else {
                    record::adr_tools::Form::FieldLines
                },
            ),
            fields,
            status_symbols: setup
                .follow_log
                .then(|| status.and_then(|status| crate::log::new_status_symbols(dir, status)))
                .flatten(),
        }
    }

    /// `text`, record `number` to be written at `path`, in adr-tools' form where the log's
    /// records are adr-tools' own, with its title numbered and its status and date where
    /// the log writes them. Before the links: an adr-tools `## Status` section that gives
    /// way to the log's table holds only the status yet.
    fn heading_and_fields(
        &self,
        mut text: String,
        path: &Path,
        number: Option<u32>,
        rendered: &record::Rendered,
    ) -> Result<String> {
        if let Some(form) = self.adr_tools_form {
            text = record::adr_tools::in_form(&text, path, form)?;
        }
        if let Some(with_number) = self.slug_heading {
            let record = record::parse(path, &text)?;
            let name = store::record_name(path);
            let heading = if with_number {
                store::without_extension(&name)
            } else {
                store::name_words(&name)
            };
            text = crate::record::edit::set_title_heading(&text, &record, heading);
        } else if let Some(heading) = &self.heading {
            let record = record::parse(path, &text)?;
            text = crate::record::edit::restyle_title(&text, &record, heading, number);
        }
        if let Some(fields) = &self.fields {
            let record = record::parse(path, &text)?;
            text = fields.over(&record, &text, &decision_makers(rendered));
        }
        Ok(text)
    }

    /// `text` with its statuses marked as the log marks them.
    fn marked(&self, text: String, path: &Path) -> Result<String> {
        Ok(match &self.status_symbols {
            Some(symbols) => {
                let record = record::parse(path, &text)?;
                crate::record::edit::mark_statuses(&text, &record, symbols)
            }
            None => text,
        })
    }
}

/// A record written with a template of the log's own format (`log_template`), as the log
/// writes its records: lists with the log's `marker`, under the front matter keys its
/// records carry; or with our own front matter, which takes the log's keys.
fn in_log_style(
    text: String,
    marker: Option<char>,
    house_front_matter: Option<&crate::record::house_front_matter::HouseFrontMatter>,
    (rendered, log_template): (&record::Rendered, bool),
    path: &Path,
) -> Result<String> {
    let text = match marker {
        Some(marker) => crate::record::edit::with_list_marker(&text, marker),
        None => text,
    };
    match house_front_matter {
        Some(house) if text.starts_with("---") => {
            let record = record::parse(path, &text)?;
            let name = store::record_name(path);
            let stem = store::without_extension(&name);
            Ok(house.restyle(&record, stem, &decision_makers(rendered), &text))
        }
        Some(house) if log_template => {
            let record = record::parse(path, &text)?;
            let name = store::record_name(path);
            let stem = store::without_extension(&name);
            Ok(house.over(&record, stem, &decision_makers(rendered), &text))
        }
        _ => Ok(text),
    }
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
    let proposal = record::finish::Proposal::from_record(&record);
    let finishing = record::finish::Proposal::is_open(&record);
    if !finishing && record.status.as_deref() == Some("proposed") {
        return Err(nothing_to_look_back_at(&record));
    }
    let playbook = setup
        .catalog
        .get(if finishing { "finish" } else { "review" })?;
    let answers = review_answers(setup, answers, playbook, proposal.extended && finishing)?;
    let mut session = Session::new(setup.catalog, playbook, setup.settings.clone());
    show_record(&mut session, &proposal, finishing, path)?;
    let mut draft = match (&answers, resume) {
        (Some(_), _) => None,
        (None, Some(draft)) => {
            session.resume(&draft)?;
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
            && let Err(error) = draft.save(&session.progress())
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
        (
            record::finish::apply(&text, &proposal, &ending, &setup.catalog.templates)?,
            reviewed,
        )
    } else {
        let outcome = look_back(&session, playbook)?;
        // One of ours in an adr-tools form is looked back at as our own record, so its
        // review date goes wherever that form writes it (front matter and date line both).
        let updated = record::adr_tools::edited_as_ours(path, &text, |_, ours| {
            Ok(record::edit::append_outcome(ours, &outcome))
        })?;
        (updated, Reviewed::LookedBack)
    };
    lock.replace(path, updated.as_bytes())?;
    drop(lock);
    if let Reviewed::Finished { status, .. } = &reviewed
        && status == "accepted"
    {
        supersede_on_acceptance(path, &setup.cwd)?;
    }
    if let Some(draft) = &draft {
        draft.finish()?;
    }
    Ok(reviewed)
}

/// Why `decide review N` does not look back at `record`, a proposal no review can finish:
/// a look-back asks how a decision held up, and nothing was decided yet. What decides it
/// instead: the answer recorded with `decide status`, and, in a record whose choice is
/// prose (adr-tools' `Decision`), that prose written first.
fn nothing_to_look_back_at(record: &record::Record) -> Error {
    let address = match record.number {
        Some(number) if record.file_date.is_none() => number.to_string(),
        _ => record.stem(),
    };
    let first = if record.format == record::Format::Decide {
        ""
    } else {
        "write the choice into the record and "
    };
    Error::record(format!(
        "record {address} is still a proposal: there is no decision yet to look back at"
    ))
    .in_file(&record.path)
    .hint(format!(
        "once it is decided, {first}run `decide status {address} accepted` (or `rejected`)"
    ))
}

/// The answers file for a review, checked against `playbook` before anything is asked;
/// `None` at a terminal. `extended`: the proposal's one extension is used up.
fn review_answers(
    setup: &Setup<'_>,
    answers: Option<&Path>,
    playbook: &Playbook,
    extended: bool,
) -> Result<Option<AnswersFile>> {
    let Some(path) = answers else {
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(
                Error::usage("no terminal to ask the review questions on").hint(format!(
                    "pass --answers FILE; `decide playbooks example {}` prints one to fill in",
                    playbook.id
                )),
            );
        }
        return Ok(None);
    };
    let mut file = AnswersFile::load(&setup.root, path)?;
    file.check_keys(playbook)?;
    // A time-box is extended once; a second `extend: yes` must not quietly decide.
    if extended && file.says_yes("extend") {
        return Err(Error::answers(
            "the time-box was extended once already, so it cannot be extended again",
        )
        .at(file.location("extend"))
        .hint(
            "decide now: give `chosen` (an option, or `none of them` to drop it) and drop `extend`",
        ));
    }
    Ok(Some(file))
}

/// A proposal accepted now that said it supersedes a decision: that decision is marked
/// superseded by it, as `decide supersede` does for a decision made at once.
pub(crate) fn supersede_on_acceptance(path: &Path, cwd: &Path) -> Result<()> {
    let (record, _) = crate::log::load(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    for link in record
        .links
        .iter()
        .filter(|link| link.kind.eq_ignore_ascii_case("Supersedes"))
    {
        // decide writes a proposal's links to files; a link by number is no record of ours.
        let Some(file) = link.file() else { continue };
        let target = dir.join(file);
        let lock = store::lock_records(&[path, &target])?;
        let (old, old_text) = crate::log::load(&target)?;
        if old.status.as_deref() == Some("superseded") {
            continue;
        }
        let text = crate::log::link::with_link(
            cwd,
            (&old_text, &old),
            "Superseded by",
            (
                &record,
                crate::log::link::labels_in_log(&old, &record).as_ref(),
            ),
            crate::log::link::style_for(&target, &old_text),
        )?;
        lock.replace(&target, text.as_bytes())?;
        ui::success(&format!("{} is superseded by it", target.display()));
    }
    Ok(())
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
    let mut subject = serde_json::to_value(proposal).unwrap_or_default();
    if let Some(map) = subject.as_object_mut() {
        map.insert("choices".into(), serde_json::json!(choices));
    }
    session.subject = Some(subject);
    if !finishing {
        return Ok(());
    }
    let mut known = crate::yaml::Mapping::new();
    // The proposal's own reason is read from any record that gives one.
    if let Some(because) = &proposal.because
        && session
            .playbook
            .questions
            .iter()
            .any(|q| q.from_record && q.id == "earlier_because")
    {
        known.insert(
            "earlier_because".into(),
            crate::yaml::Value::String(because.clone()),
        );
    }
    if proposal.wished.is_empty() {
        return session.preload(&known, path);
    }
    let list = |items: &[String]| Some(crate::yaml::to_value(&items.to_vec()));
    // The playbook marks which questions the record answers (`from_record`).
    for question in session.playbook.questions.iter().filter(|q| q.from_record) {
        let value = match question.id.as_str() {
            "wished" => list(&proposal.wished),
            "have" => list(&proposal.have),
            "door" => proposal.door.clone().map(crate::yaml::Value::String),
            "could_change" => list(&proposal.open_questions),
            _ => None,
        };
        if let Some(value) = value {
            known.insert(question.id.clone().into(), value);
        }
    }
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
    let information = assessment(session, playbook, "information").ok();
    let coverage = information
        .and_then(|i| i.facts.get("coverage"))
        .and_then(serde_json::Value::as_u64)
        .and_then(|c| u32::try_from(c).ok());
    let was_date = proposal
        .decide_by
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| crate::coach::units::human_date(d, today));
    let found = match session.answer("found") {
        Some(crate::answer::Answer::List(items)) => items.clone(),
        _ => Vec::new(),
    };
    let mut known = record::finish::Known::after(proposal, &found, coverage);
    if let Some(information) = information {
        known.headline.clone_from(&information.verdict);
        known.reasoning.clone_from(&information.reasoning);
    }
    Ok(record::finish::Ending {
        date: today,
        status: fact("status").unwrap_or_else(|| "proposed".into()),
        headline: result.verdict.clone(),
        reasoning: result.reasoning.clone(),
        chosen: fact("chosen"),
        leaning: fact("leaning"),
        because: fact("because"),
        dropped_why: fact("dropped_why"),
        fallback: fact("fallback"),
        impact: fact("impact"),
        found,
        learnt: fact("learnt"),
        information: known,
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
        check_first: result
            .warnings
            .iter()
            .filter(|warning| warning.check_first)
            .map(|warning| warning.text.clone())
            .collect(),
        early: false,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Related records come after the question the title is made of, in every playbook
    /// that has one.
    #[test]
    fn the_title_question_is_the_one_the_title_names() {
        let catalog = Catalog::embedded();
        let cases = [
            ("decision", Some("title")),
            ("delegation", Some("task")),
            ("disagreement", Some("topic")),
            ("tech-debt", Some("title")),
            ("deadline", Some("feature")),
            ("review", None),
        ];
        for (id, expected) in cases {
            let playbook = catalog.get(id).unwrap();
            assert_eq!(title_question(playbook).as_deref(), expected, "{id}");
        }
    }

    /// What a playbook run by `decide review` may read of the record is what it is given.
    #[test]
    fn the_reviewed_fields_are_the_proposals() {
        let given = serde_json::to_value(record::finish::Proposal::default()).unwrap();
        let mut fields: Vec<&str> = given
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .chain(["choices"])
            .collect();
        fields.sort_unstable();
        let mut declared = crate::playbook::REVIEWED_FIELDS.to_vec();
        declared.sort_unstable();
        assert_eq!(fields, declared);
    }
}
