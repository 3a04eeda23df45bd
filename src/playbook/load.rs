//! Finding playbooks (embedded, then the repository's `.decide/playbooks/`, then
//! `DECIDE_PLAYBOOKS`, then `--playbooks DIR`; later ones override earlier ones by id) and
//! checking each one completely when it loads, so a typo is reported before any question.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Playbook;
use super::check::{self, check as validate};
use crate::coach::words::{self, WordFile, WordList};
use crate::embedded;
use crate::error::{Error, Kind as ErrorKind, Result};
use crate::passages::Library;
use crate::store;
use crate::template::Templates;
use crate::yaml;

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
    /// The embedded playbooks and templates alone, as the unit tests and fuzz targets use
    /// them.
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
        let mut jargon = words::embedded();
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
            let team_words = dir.join(words::JARGON_FILE);
            if store::is_file(&team_words) {
                let file: WordFile = yaml::parse(
                    &store::read_supplied(root, &team_words)?,
                    &team_words,
                    ErrorKind::Content,
                )?;
                jargon.extend(file.into());
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
        add_word_filters(&mut templates, &jargon);
        check::coach_templates(&templates)?;
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
            Error::usage(format!("there is no playbook `{id}`")).hint(
                check::suggestion(id, &known)
                    .unwrap_or_else(|| format!("choose one of: {}", known.join(", "))),
            )
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
    add_word_filters(&mut templates, &words::embedded());
    if let Some(dir) = path.parent() {
        add_templates(&mut templates, root, &dir.join("templates"))?;
    }
    check(&text, path, &templates)
}

fn check(text: &str, path: &Path, templates: &Templates) -> Result<Playbook> {
    check_against(text, path, templates, &Library::embedded()?)
}

/// Parse and check a playbook's text against these passages and templates, as `decide
/// playbooks check` does for a file; the fuzzer loads them once, not once per input.
pub(crate) fn check_against(
    text: &str,
    path: &Path,
    templates: &Templates,
    library: &Library,
) -> Result<Playbook> {
    let mut playbook = parse(text, path)?;
    playbook.origin = Origin::File(path.to_path_buf());
    validate(&playbook, library, templates, path, text)?;
    Ok(playbook)
}

/// The jargon list's filters: `jargon` finds the terms to put in plain words in a list of
/// answers (nested lists too, none skipped); `plain_words` gives the list's suggestion for
/// one.
pub(crate) fn add_word_filters(templates: &mut Templates, words: &WordList) {
    let list = std::sync::Arc::new(words.clone());
    let found = std::sync::Arc::clone(&list);
    templates.add_filter("jargon", move |value: minijinja::Value| -> Vec<String> {
        let mut texts = Vec::new();
        collect_text(&value, &mut texts);
        let mut phrases: Vec<String> = Vec::new();
        for text in texts {
            for phrase in found.phrases(&text) {
                if !phrases.iter().any(|p| p.eq_ignore_ascii_case(&phrase)) {
                    phrases.push(phrase);
                }
            }
        }
        phrases
    });
    templates.add_filter("plain_words", move |phrase: String| -> Option<String> {
        list.find(&phrase)
            .first()
            .and_then(|hit| list.terms[hit.term].plain.clone())
    });
}

/// The text in a value: a string, or the strings in a list (nested lists too); nothing
/// for none.
fn collect_text(value: &minijinja::Value, out: &mut Vec<String>) {
    if let Some(text) = value.as_str() {
        out.push(text.to_string());
    } else if value.kind() == minijinja::value::ValueKind::Seq
        && let Ok(items) = value.try_iter()
    {
        for item in items {
            collect_text(&item, out);
        }
    }
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
