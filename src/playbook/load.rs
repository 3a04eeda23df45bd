//! Finding playbooks (embedded, then the repository's `.decide/playbooks/`, then
//! `DECIDE_PLAYBOOKS`, then `--playbooks DIR`; later ones override earlier ones by id) and
//! checking each one completely when it loads, so a typo is reported before any question.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::{Kind, Playbook, Question};
use crate::coach::registry::{self, Accepts};
use crate::coach::upward::{self, WordList};
use crate::embedded;
use crate::error::{Error, Kind as ErrorKind, Location, Result};
use crate::passages::Library;
use crate::store;
use crate::template::Templates;
use crate::yaml::{self, Value};

/// Where a playbook was loaded from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum Origin {
    #[default]
    Embedded,
    File(PathBuf),
}

impl Origin {
    pub(crate) fn describe(&self) -> String {
        match self {
            Origin::Embedded => "built in".to_string(),
            Origin::File(path) => path.display().to_string(),
        }
    }
}

/// Names a question or assessment id may not take: sessions and templates use them.
const RESERVED: &[&str] = &[
    "playbook",
    "today",
    "defaults",
    "record",
    "references",
    "framing",
    "cite",
];

/// Every playbook available to this run, with the passages and templates they use.
pub(crate) struct Catalog {
    pub playbooks: Vec<Playbook>,
    pub library: Library,
    pub templates: Templates,
    /// Jargon a stakeholder may not know: the built-in list plus each playbook directory's
    /// `words/jargon.yaml`.
    pub jargon: WordList,
}

/// A record template a team uses instead of the built-in `decision.md`: a template name, or
/// a file read from disk (its text and path).
#[derive(Debug, Clone)]
pub(crate) struct HouseTemplate {
    pub name: String,
    pub file: Option<(String, PathBuf)>,
}

impl Catalog {
    /// The embedded playbooks and templates alone, as the unit tests use them.
    #[cfg(test)]
    pub(crate) fn embedded() -> Catalog {
        Self::load_with(Path::new("/nonexistent"), &[], &[], None)
            .expect("the embedded playbooks load")
    }

    /// Load the embedded playbooks, then each directory in `dirs` in order, then the
    /// templates in `template_dirs` (each may replace built-in templates by name), and use
    /// `house` wherever a playbook's record template is `decision.md`. Files inside the
    /// repository `root` are read only if they stay inside it ([`store::read_supplied`]).
    pub(crate) fn load_with(
        root: &Path,
        dirs: &[PathBuf],
        template_dirs: &[PathBuf],
        house: Option<&HouseTemplate>,
    ) -> Result<Catalog> {
        let library = Library::embedded()?;
        let mut templates = Templates::embedded()?;
        let mut jargon = upward::embedded_word_list();
        let mut sources: Vec<(PathBuf, Origin, String)> = embedded::files_in("", "yaml")
            .map(|(path, text)| {
                (
                    PathBuf::from(format!("playbooks/{path}")),
                    Origin::Embedded,
                    text.to_string(),
                )
            })
            .collect();
        for dir in dirs {
            for path in store::list_files(dir, &["yaml", "yml"])? {
                let text = store::read_supplied(root, &path)?;
                sources.push((path.clone(), Origin::File(path), text));
            }
            add_templates(&mut templates, root, &dir.join("templates"))?;
            let words = dir.join(upward::JARGON_FILE);
            if store::exists(&words) {
                jargon.extend(yaml::parse(
                    &store::read_supplied(root, &words)?,
                    &words,
                    ErrorKind::Content,
                )?);
            }
        }
        for dir in template_dirs {
            add_templates(&mut templates, root, dir)?;
        }
        if let Some(house) = house {
            if let Some((text, origin)) = &house.file {
                templates.add(&house.name, text.clone(), origin.clone())?;
            }
            if !templates.has(&house.name) {
                let known: Vec<&str> = templates.names().filter(|n| !n.contains('/')).collect();
                return Err(Error::content(format!(
                    "the record template `{}` does not exist",
                    house.name
                ))
                .hint(format!(
                    "use one of {} or a path to a template file",
                    known.join(", ")
                )));
            }
        }
        let mut by_id: BTreeMap<String, (Playbook, PathBuf, String)> = BTreeMap::new();
        for (path, origin, text) in sources {
            let mut playbook = parse(&text, &path)?;
            playbook.origin = origin;
            if let (Some(house), Some(record)) = (house, playbook.record.as_mut())
                && record.template == crate::config::DEFAULT_TEMPLATE
            {
                record.template = house.name.clone();
            }
            by_id.insert(playbook.id.clone(), (playbook, path, text));
        }
        // Check after overrides are applied: an override replaces the whole playbook.
        for (playbook, path, text) in by_id.values() {
            validate(playbook, &library, &templates, path, text)?;
        }
        let mut playbooks: Vec<Playbook> = by_id
            .into_values()
            .map(|(playbook, _, _)| playbook)
            .collect();
        // The guided decision first: it is what most people came for.
        playbooks.sort_by_key(|p| (p.id != "decision", p.id.clone()));
        Ok(Catalog {
            playbooks,
            library,
            templates,
            jargon,
        })
    }

    pub(crate) fn get(&self, id: &str) -> Result<&Playbook> {
        self.playbooks.iter().find(|p| p.id == id).ok_or_else(|| {
            let known: Vec<&str> = self.playbooks.iter().map(|p| p.id.as_str()).collect();
            Error::usage(format!("there is no playbook `{id}`"))
                .hint(format!("choose one of: {}", known.join(", ")))
        })
    }
}

fn parse(text: &str, path: &Path) -> Result<Playbook> {
    yaml::parse(text, path, ErrorKind::Content)
}

/// Check one playbook file as an author would: parse, then every rule `load` applies.
/// The file and the templates beside it are read under the repository `root`'s rules.
pub(crate) fn check_file(root: &Path, path: &Path) -> Result<Playbook> {
    let text = store::read_supplied(root, path)?;
    let mut templates = Templates::embedded()?;
    if let Some(dir) = path.parent() {
        add_templates(&mut templates, root, &dir.join("templates"))?;
    }
    check(&text, path, &templates)
}

/// Parse and check a playbook's text against the built-in passages and templates, as
/// `decide playbooks check` does for a file (and the fuzzer does for any bytes).
pub(crate) fn check_text(text: &str, path: &Path) -> Result<Playbook> {
    check(text, path, &Templates::embedded()?)
}

fn check(text: &str, path: &Path, templates: &Templates) -> Result<Playbook> {
    let mut playbook = parse(text, path)?;
    playbook.origin = Origin::File(path.to_path_buf());
    validate(&playbook, &Library::embedded()?, templates, path, text)?;
    Ok(playbook)
}

/// Add the templates under `dir` (if it exists), named by their path below it
/// (`decision.md`, `messages/to-team.txt`), replacing built-in ones of the same name.
/// These are the only templates an `{% include %}` can reach: the engine has no loader,
/// so nothing is read from the file system while a record renders.
fn add_templates(templates: &mut Templates, root: &Path, dir: &Path) -> Result<()> {
    for (name, file) in store::list_files_recursive(dir, TEMPLATE_EXTENSIONS)? {
        templates.add(&name, store::read_supplied(root, &file)?, file.clone())?;
    }
    Ok(())
}

/// File name endings taken as templates.
pub(crate) const TEMPLATE_EXTENSIONS: &[&str] = &["md", "txt", "j2", "jinja"];

#[expect(
    clippy::too_many_lines,
    reason = "split with the restructuring (issue 13)"
)]
fn validate(
    playbook: &Playbook,
    library: &Library,
    templates: &Templates,
    path: &Path,
    text: &str,
) -> Result<()> {
    let fail = |needle: &str, occurrence: usize, message: String, hint: &str| -> Error {
        let location = match line_of(text, needle, occurrence) {
            Some((line, column)) => Location::at(path, line, column),
            None => Location::file(path),
        };
        Error::content(message).at(location).hint(hint.to_string())
    };

    if !is_slug(&playbook.id, '-') {
        return Err(fail(
            "id:",
            0,
            format!(
                "playbook id `{}` must be lowercase letters, digits and `-`",
                playbook.id
            ),
            "rename it, e.g. `tech-debt`",
        ));
    }
    if playbook.questions.is_empty() {
        return Err(fail(
            "questions:",
            0,
            "the playbook has no questions".into(),
            "add at least one question",
        ));
    }
    for id in &playbook.cites {
        if !library.contains(id) {
            return Err(fail(
                id,
                0,
                format!("the playbook cites passage `{id}`, which is not in the passage library"),
                "run `decide passages` for the ids",
            ));
        }
    }

    let known: BTreeSet<&str> = playbook
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .chain(playbook.assessments.iter().map(|a| a.id.as_str()))
        .chain(SESSION_NAMES.iter().copied())
        .collect();
    let mut seen: BTreeMap<&str, &Question> = BTreeMap::new();
    let assessment_ids: BTreeSet<&str> =
        playbook.assessments.iter().map(|a| a.id.as_str()).collect();
    for question in &playbook.questions {
        let id = question.id.as_str();
        let at = |message: String, hint: &str| fail(&format!("id: {id}"), 0, message, hint);
        if !is_slug(id, '_') {
            return Err(at(
                format!("question id `{id}` must be lowercase letters, digits and `_`"),
                "ids are used as names in templates, e.g. `undo_time`",
            ));
        }
        if seen.contains_key(id) {
            return Err(fail(
                &format!("id: {id}"),
                1,
                format!("question id `{id}` is used twice"),
                "give each question its own id",
            ));
        }
        if RESERVED.contains(&id) || assessment_ids.contains(id) {
            return Err(at(
                format!("question id `{id}` is reserved or names an assessment"),
                "choose another id",
            ));
        }
        for cited in &question.cites {
            if !library.contains(cited) {
                return Err(fail(
                    cited,
                    0,
                    format!(
                        "question `{id}` cites passage `{cited}`, which is not in the passage library"
                    ),
                    "run `decide passages` for the ids",
                ));
            }
        }
        match question.kind {
            Kind::Choice => {
                match (&question.choices_from, question.choices.is_empty()) {
                    (None, true) => {
                        return Err(at(
                            format!(
                                "choice question `{id}` has no `choices` and no `choices_from`"
                            ),
                            "list the choices, or take them from an earlier list question",
                        ));
                    }
                    (Some(_), false) => {
                        return Err(at(
                            format!("choice question `{id}` has both `choices` and `choices_from`"),
                            "keep one of them",
                        ));
                    }
                    _ => {}
                }
                if let Some(source) = &question.choices_from {
                    match seen.get(source.as_str()) {
                        Some(earlier) if matches!(earlier.kind, Kind::List | Kind::Options) => {}
                        Some(_) => {
                            return Err(at(
                                format!(
                                    "question `{id}` takes its choices from `{source}`, which is not a list or options question"
                                ),
                                "point `choices_from` at a list question",
                            ));
                        }
                        None => {
                            return Err(at(
                                format!(
                                    "question `{id}` takes its choices from `{source}`, which is not an earlier question"
                                ),
                                "ask the list question first",
                            ));
                        }
                    }
                }
            }
            _ => {
                if !question.choices.is_empty()
                    || question.choices_from.is_some()
                    || question.multiple
                {
                    return Err(at(
                        format!(
                            "question `{id}` is a {} question but has choices",
                            question.kind.name()
                        ),
                        "use `kind: choice`, or remove `choices`",
                    ));
                }
            }
        }
        if question.confirm && question.default.is_none() {
            return Err(at(
                format!(
                    "question `{id}` is settled on the review screen (`confirm: true`) but has no default"
                ),
                "give it a `default`",
            ));
        }
        // A `for_each` question's prompt, help and default also see the item.
        let mut known_here = known.clone();
        if let Some(expression) = &question.for_each {
            check_for_each(question, expression, templates, &known)
                .map_err(|(m, hint)| at(m, hint))?;
            known_here.insert("item");
        }
        if let Some(condition) = &question.when {
            let names = templates.variables(condition, true).map_err(|e| {
                at(
                    format!("question `{id}`: `when` does not parse: {e}"),
                    "write an expression such as `door.band == \"weeks\"`",
                )
            })?;
            check_names(&names, &known, &format!("question `{id}`: `when`"))
                .map_err(|m| at(m, NAMES_HINT))?;
        }
        if let Some(Value::String(default)) = &question.default {
            let names = templates.variables(default, false).map_err(|e| {
                at(
                    format!("question `{id}`: the default does not parse as a template: {e}"),
                    "check the {{ }} and {% %} pairs",
                )
            })?;
            check_names(
                &names,
                &known_here,
                &format!("question `{id}`: the default"),
            )
            .map_err(|m| at(m, NAMES_HINT))?;
        }
        seen.insert(id, question);
    }

    let mut earlier_assessments: BTreeMap<&str, &str> = BTreeMap::new();
    for spec in &playbook.assessments {
        let at = |message: String, hint: &str| fail(&format!("id: {}", spec.id), 0, message, hint);
        let Some(framework) = registry::find(&spec.framework) else {
            let known: Vec<&str> = registry::FRAMEWORKS.iter().map(|f| f.name).collect();
            return Err(at(
                format!(
                    "assessment `{}` uses unknown framework `{}`",
                    spec.id, spec.framework
                ),
                &format!("use one of: {}", known.join(", ")),
            ));
        };
        if earlier_assessments.contains_key(spec.id.as_str())
            || RESERVED.contains(&spec.id.as_str())
        {
            return Err(at(
                format!("assessment id `{}` is used twice or reserved", spec.id),
                "give each assessment its own id",
            ));
        }
        for input in spec.inputs.keys() {
            if !framework.params.iter().any(|p| p.name == input) {
                let names: Vec<&str> = framework.params.iter().map(|p| p.name).collect();
                return Err(at(
                    format!(
                        "assessment `{}`: framework `{}` has no input `{input}`",
                        spec.id, framework.name
                    ),
                    &format!("its inputs are: {}", names.join(", ")),
                ));
            }
        }
        for param in framework.params {
            let Some(target) = spec.inputs.get(param.name) else {
                if param.required {
                    return Err(at(
                        format!(
                            "assessment `{}` needs input `{}` ({}) but does not wire it to a question",
                            spec.id, param.name, param.about
                        ),
                        &format!("add `{}: QUESTION_ID` under `inputs`", param.name),
                    ));
                }
                continue;
            };
            match param.accepts {
                Accepts::Question(kinds) => match playbook.question(target) {
                    Some(question) if kinds.contains(&question.kind) => {}
                    Some(question) => {
                        let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
                        return Err(at(
                            format!(
                                "assessment `{}`: input `{}` needs a {} question, but `{target}` is {}",
                                spec.id,
                                param.name,
                                names.join(" or "),
                                question.kind.name()
                            ),
                            "wire it to a question of that kind",
                        ));
                    }
                    None => {
                        return Err(at(
                            format!(
                                "assessment `{}` needs question `{target}` for `{}`, but the playbook has no such question",
                                spec.id, param.name
                            ),
                            "add the question or fix the id",
                        ));
                    }
                },
                Accepts::Assessment(wanted) => match earlier_assessments.get(target.as_str()) {
                    Some(&framework_name) if framework_name == wanted => {}
                    _ => {
                        return Err(at(
                            format!(
                                "assessment `{}`: input `{}` must name an earlier `{wanted}` assessment, not `{target}`",
                                spec.id, param.name
                            ),
                            "list that assessment first",
                        ));
                    }
                },
            }
        }
        earlier_assessments.insert(&spec.id, framework.name);
    }

    if let Some(record) = &playbook.record {
        if !templates.has(&record.template) {
            return Err(fail(
                "template:",
                0,
                format!("record template `{}` does not exist", record.template),
                "use a template under playbooks/templates/, e.g. `decision.md`",
            ));
        }
        let names = templates.variables(&record.title, false).map_err(|e| {
            fail(
                "title:",
                0,
                format!("the record title does not parse as a template: {e}"),
                "e.g. `title: \"{{ title }}\"`",
            )
        })?;
        check_names(&names, &known, "the record title")
            .map_err(|m| fail("title:", 0, m, NAMES_HINT))?;
        let record_known: BTreeSet<&str> = known
            .iter()
            .copied()
            .chain(RECORD_NAMES.iter().copied())
            .collect();
        let names = templates.template_variables(&record.template);
        check_names(
            &names,
            &record_known,
            &format!("record template `{}`", record.template),
        )
        .map_err(|m| {
            // The mistake is in the template, not the playbook: point there.
            match templates.locate_name(&record.template, &names, &record_known) {
                Some(location) => Error::content(m).at(location).hint(RECORD_NAMES_HINT),
                None => fail("template:", 0, m, NAMES_HINT),
            }
        })?;
    }
    if let Some(message) = &playbook.message {
        check_message(message, templates, &known)
            .map_err(|(m, hint)| fail("message:", 0, m, hint))?;
    }
    Ok(())
}

/// Names a message template sees on top of the session's.
const MESSAGE_NAMES: &[&str] = &["record"];

/// The `message:` section: its template exists and reads only names a message has.
fn check_message(
    message: &super::MessageSpec,
    templates: &Templates,
    known: &BTreeSet<&str>,
) -> std::result::Result<(), (String, &'static str)> {
    if !templates.has(&message.template) {
        return Err((
            format!("message template `{}` does not exist", message.template),
            "use a template under playbooks/templates/, e.g. `messages/tech-debt.txt`",
        ));
    }
    if message.max_words == Some(0) {
        return Err((
            "`max_words` of the message is 0".into(),
            "give the longest the message may be, e.g. `max_words: 60`, or remove it",
        ));
    }
    let message_known: BTreeSet<&str> = known
        .iter()
        .copied()
        .chain(MESSAGE_NAMES.iter().copied())
        .collect();
    let names = templates.template_variables(&message.template);
    check_names(
        &names,
        &message_known,
        &format!("message template `{}`", message.template),
    )
    .map_err(|m| (m, NAMES_HINT))
}

/// A `for_each` expression parses and reads known names, and the question can be asked
/// once per item: not an options or review-screen question.
fn check_for_each(
    question: &Question,
    expression: &str,
    templates: &Templates,
    known: &BTreeSet<&str>,
) -> std::result::Result<(), (String, &'static str)> {
    let id = &question.id;
    let names = templates.variables(expression, true).map_err(|e| {
        (
            format!("question `{id}`: `for_each` does not parse: {e}"),
            "write an expression giving a list, such as `jargon.terms`",
        )
    })?;
    check_names(&names, known, &format!("question `{id}`: `for_each`"))
        .map_err(|m| (m, NAMES_HINT))?;
    if question.kind == Kind::Options || question.confirm {
        return Err((
            format!(
                "question `{id}` is asked for each item, which a{} question cannot be",
                if question.confirm {
                    " review-screen"
                } else {
                    "n options"
                }
            ),
            "use a text, number, duration, date, yes-no or choice question",
        ));
    }
    let mut item_known = known.clone();
    item_known.insert("item");
    for (field, source) in [
        ("prompt", Some(&question.prompt)),
        ("help", question.help.as_ref()),
    ] {
        let Some(source) = source else { continue };
        let names = templates.variables(source, false).map_err(|e| {
            (
                format!("question `{id}`: the {field} does not parse as a template: {e}"),
                "check the {{ }} and {% %} pairs",
            )
        })?;
        check_names(
            &names,
            &item_known,
            &format!("question `{id}`: the {field}"),
        )
        .map_err(|m| (m, NAMES_HINT))?;
    }
    Ok(())
}

/// Names a session provides besides question and assessment ids.
const SESSION_NAMES: &[&str] = &["today", "defaults", "playbook"];
/// Names a record template sees on top of the session's.
const RECORD_NAMES: &[&str] = &["record", "framing", "references", "cite"];
const RECORD_NAMES_HINT: &str = "use a question id, an assessment id, or one of today, defaults, playbook, record, framing, references, cite";
const NAMES_HINT: &str = "use a question id, an assessment id, or one of today, defaults, playbook";

fn check_names(
    names: &[String],
    known: &BTreeSet<&str>,
    what: &str,
) -> std::result::Result<(), String> {
    match names.iter().find(|name| !known.contains(name.as_str())) {
        Some(unknown) => Err(format!(
            "{what} uses `{unknown}`, which is not a question, an assessment or a known name"
        )),
        None => Ok(()),
    }
}

fn is_slug(text: &str, separator: char) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == separator)
}

/// 1-based line and column of the `occurrence`-th (0-based) appearance of `needle`.
fn line_of(text: &str, needle: &str, occurrence: usize) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| line.find(needle).map(|col| (index + 1, col + 1)))
        .nth(occurrence)
}
